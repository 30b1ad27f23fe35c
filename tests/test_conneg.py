"""graph_api.conneg: the media type table, the Accept parser and negotiation."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_api.conneg import FORMATS, MediaRange, formats_for, negotiate, parse_accept
from graph_api.errors import ApiError
from graph_api.oxigraph_store import GRAPH_MEDIA_TYPES, RESULT_MEDIA_TYPES
from graph_api.store import BOOLEAN, GRAPH, SOLUTIONS

# The Accept headers real clients send.
SPARQLWRAPPER_JSON = "application/sparql-results+json,application/json,text/javascript,application/javascript"
SPARQLWRAPPER_N3 = "application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_parse_accept_reads_types_parameters_quality_and_position():
    ranges = parse_accept('Text/CSV;q=0.5, application/ld+json; profile="a,b" ;q=0.25;ext=1, */*')
    assert ranges == [
        MediaRange("text", "csv", (), 0.5, 0),
        MediaRange("application", "ld+json", (("profile", "a,b"),), 0.25, 1),
        MediaRange("*", "*", (), 1.0, 2),
    ]


@pytest.mark.parametrize("header", [None, "", "   ", "garbage", "text", "*/csv", "text/csv;q=2",
                                    "text/csv;q=0.5.1", "text/csv;q", "text/csv;=x"])
def test_parse_accept_skips_what_does_not_parse(header):
    assert parse_accept(header) == []


def test_parse_accept_keeps_good_entries_next_to_bad_ones():
    assert [r.media_type for r in parse_accept("garbage, text/csv;q=1.5, text/turtle;q=0.001")] == ["text/turtle"]


@pytest.mark.parametrize("kind, accept, expected", [
    # no preference: the kind's default
    (SOLUTIONS, None, "application/sparql-results+json"),
    (SOLUTIONS, "", "application/sparql-results+json"),
    (SOLUTIONS, "*/*", "application/sparql-results+json"),
    (SOLUTIONS, "garbage", "application/sparql-results+json"),
    (GRAPH, None, "text/turtle"),
    (GRAPH, "*/*", "text/turtle"),
    (BOOLEAN, None, "application/sparql-results+json"),
    # exact types
    (SOLUTIONS, "application/sparql-results+xml", "application/sparql-results+xml"),
    (SOLUTIONS, "text/csv", "text/csv"),
    (SOLUTIONS, "text/tab-separated-values", "text/tab-separated-values"),
    (BOOLEAN, "text/csv", "text/csv"),
    (BOOLEAN, "application/sparql-results+xml", "application/sparql-results+xml"),
    (GRAPH, "application/n-triples", "application/n-triples"),
    (GRAPH, "application/rdf+xml", "application/rdf+xml"),
    (GRAPH, "application/ld+json", "application/ld+json"),
    # aliases, which depend on the kind
    (SOLUTIONS, "application/json", "application/sparql-results+json"),
    (SOLUTIONS, "application/xml", "application/sparql-results+xml"),
    (SOLUTIONS, "text/xml", "application/sparql-results+xml"),
    (GRAPH, "application/json", "application/ld+json"),
    (GRAPH, "application/xml", "application/rdf+xml"),
    (GRAPH, "text/plain", "application/n-triples"),
    (GRAPH, "application/x-turtle", "text/turtle"),
    (GRAPH, "text/n3", "text/turtle"),
    (GRAPH, "application/x-json+ld", "application/ld+json"),
    # quality decides
    (SOLUTIONS, "text/csv;q=0.5, text/tab-separated-values;q=0.8", "text/tab-separated-values"),
    (GRAPH, "text/*;q=0.8, application/ld+json;q=0.9", "application/ld+json"),
    # the most specific range sets a format's quality: JSON has 0.1, XML gets 0.5 from */*
    (SOLUTIONS, "application/sparql-results+json;q=0.1, */*;q=0.5", "application/sparql-results+xml"),
    (SOLUTIONS, "*/*;q=0.1, application/sparql-results+json;q=0", "application/sparql-results+xml"),
    # ties: the more specific match, then the earlier entry, then the server's order
    (SOLUTIONS, "text/*, text/tab-separated-values", "text/tab-separated-values"),
    (SOLUTIONS, "application/json, application/sparql-results+xml", "application/sparql-results+xml"),
    (SOLUTIONS, "application/sparql-results+xml, application/sparql-results+json", "application/sparql-results+xml"),
    (GRAPH, "application/rdf+xml, text/turtle", "application/rdf+xml"),
    (SOLUTIONS, "text/*", "text/csv"),
    (GRAPH, "application/*", "application/n-triples"),
    # parameters: charset must be UTF-8; others do not stop a match
    (SOLUTIONS, "text/csv;charset=utf-8", "text/csv"),
    (SOLUTIONS, "text/csv;charset=iso-8859-1, application/sparql-results+xml;q=0.1", "application/sparql-results+xml"),
    (GRAPH, 'application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted", text/turtle;q=0.5',
     "application/ld+json"),
    # what clients send
    (SOLUTIONS, SPARQLWRAPPER_JSON, "application/sparql-results+json"),
    (GRAPH, SPARQLWRAPPER_N3, "text/turtle"),
    (SOLUTIONS, BROWSER, "application/sparql-results+xml"),
    (GRAPH, BROWSER, "application/rdf+xml"),
])
def test_negotiate_by_accept(kind, accept, expected):
    assert negotiate(kind, accept).media_type == expected


@pytest.mark.parametrize("kind, accept", [
    (SOLUTIONS, "text/turtle"),
    (BOOLEAN, "application/ld+json"),
    (GRAPH, "text/csv, application/sparql-results+json"),
    (SOLUTIONS, "text/csv;q=0"),
    (SOLUTIONS, "*/*;q=0"),
    (SOLUTIONS, "application/sparql-results+json;q=0, application/json"),
    (GRAPH, "text/html"),
])
def test_negotiate_refuses_what_cannot_be_produced(kind, accept):
    with pytest.raises(ApiError) as raised:
        negotiate(kind, accept)
    assert raised.value.code == "not-acceptable" and raised.value.status == 406
    assert accept in raised.value.message
    assert all(f.media_type in raised.value.message for f in formats_for(kind))


@pytest.mark.parametrize("kind, values, expected", [
    (SOLUTIONS, ["tsv"], "text/tab-separated-values"),
    (SOLUTIONS, ["csv"], "text/csv"),
    (SOLUTIONS, ["xml"], "application/sparql-results+xml"),
    (SOLUTIONS, ["JSON"], "application/sparql-results+json"),
    (SOLUTIONS, ["application/json"], "application/sparql-results+json"),
    (BOOLEAN, ["xml"], "application/sparql-results+xml"),
    (GRAPH, ["turtle"], "text/turtle"),
    (GRAPH, ["ntriples"], "application/n-triples"),
    (GRAPH, ["rdfxml"], "application/rdf+xml"),
    (GRAPH, ["jsonld"], "application/ld+json"),
    # SPARQLWrapper's names, and the media type it sends alongside some of them
    (SOLUTIONS, ["tsv", "text/tab-separated-values"], "text/tab-separated-values"),
    (GRAPH, ["xml"], "application/rdf+xml"),
    (GRAPH, ["json"], "application/ld+json"),
    (GRAPH, ["n3"], "text/turtle"),
    (GRAPH, ["rdf+xml", "application/rdf+xml"], "application/rdf+xml"),
    (GRAPH, ["json-ld", "application/ld+json,application/x-json+ld"], "application/ld+json"),
    (SOLUTIONS, ["text/javascript, application/sparql-results+xml;q=0.5"], "application/sparql-results+xml"),
    (SOLUTIONS, ["html", "csv"], "text/csv"),
    # the first value that fits the kind wins
    (GRAPH, ["csv", "nt"], "application/n-triples"),
])
def test_format_parameter_overrides_accept(kind, values, expected):
    assert negotiate(kind, "application/sparql-results+json, text/turtle", values).media_type == expected


@pytest.mark.parametrize("kind, values", [(GRAPH, ["csv"]), (SOLUTIONS, ["turtle"]), (BOOLEAN, ["jsonld"])])
def test_format_parameter_that_does_not_fit_the_kind_is_not_acceptable(kind, values):
    with pytest.raises(ApiError) as raised:
        negotiate(kind, None, values)
    assert raised.value.code == "not-acceptable"
    assert f"format={values[0]!r}" in raised.value.message


@pytest.mark.parametrize("values", [["html"], ["html", "text/html, */*"], [" , "]])
def test_format_parameter_naming_no_format_is_a_bad_request(values):
    with pytest.raises(ApiError) as raised:
        negotiate(SOLUTIONS, None, values)
    assert raised.value.code == "bad-request" and repr(values[0]) in raised.value.message


def test_every_format_is_one_the_store_serialises():
    results = {f.media_type for f in FORMATS if SOLUTIONS in f.kinds}
    graphs = {f.media_type for f in FORMATS if GRAPH in f.kinds}
    assert results == set(RESULT_MEDIA_TYPES) and graphs == set(GRAPH_MEDIA_TYPES)
    assert [f.media_type for f in formats_for(BOOLEAN)] == [f.media_type for f in formats_for(SOLUTIONS)]


def test_format_names_and_media_types_are_unique_and_documented():
    assert len({f.name for f in FORMATS}) == len({f.media_type for f in FORMATS}) == len(FORMATS)
    assert all(f.spec.startswith("https://www.w3.org/TR/") for f in FORMATS)


@pytest.mark.parametrize("media_type, content_type", [
    ("text/csv", "text/csv; charset=utf-8"),
    ("text/turtle", "text/turtle; charset=utf-8"),
    ("application/sparql-results+xml", "application/sparql-results+xml; charset=utf-8"),
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/ld+json", "application/ld+json"),
])
def test_content_type_carries_charset_where_the_type_defines_one(media_type, content_type):
    assert next(f for f in FORMATS if f.media_type == media_type).content_type == content_type


def test_formats_for_an_unknown_kind_is_a_value_error():
    with pytest.raises(ValueError, match="unknown result kind 'table'"):
        formats_for("table")


def test_every_format_is_documented():
    docs = (Path(__file__).resolve().parent.parent / "docs" / "http-api.md").read_text(encoding="utf-8")
    for fmt in FORMATS:
        assert f"`{fmt.name}`" in docs and f"`{fmt.content_type}`" in docs and fmt.spec in docs, fmt
