"""/sparql end to end: the SPARQL 1.1 Protocol over tests/data/sample.trig, spoken by SPARQLWrapper
and httpx to a real server on a loopback port."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.query import Result
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graph_api.app import create_app
from graph_api.oxigraph_store import OxigraphStore
from graph_api.settings import Settings
from graph_api.sparql_endpoint import query_form
from tests.conftest import DOC_A, DOC_B, SAMPLE_TRIG

pytestmark = pytest.mark.e2e

ID = "https://w3id.org/hin/id/"
PREFIXES = """PREFIX hin: <https://w3id.org/hin/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX region: <https://w3id.org/hin/id/region/>
PREFIX organisation: <https://w3id.org/hin/id/organisation/>
"""
# Every region with its labels and, where it has one, its ISO 3166-2 code: IRIs, language-tagged
# literals with non-ASCII text, plain literals and an unbound variable.  DISTINCT because
# pyoxigraph 0.5 repeats a triple once per graph holding it in a merged default graph
# (oxigraph/oxigraph#1919, fixed after 0.5.13); Münster's type is in both graphs.
REGIONS = PREFIXES + """SELECT DISTINCT ?region ?label ?code WHERE {
  ?region a hin:Region ; rdfs:label ?label .
  OPTIONAL { ?region hin:iso3166Code ?code }
}"""
REGION_ROWS = sorted([
    (URIRef(ID + "region/munster"), Literal("Münster", lang="nl"), None),
    (URIRef(ID + "region/munster"), Literal("Münster", lang="da"), None),
    (URIRef(ID + "region/nordrhein-westfalen"), Literal("Noordrijn-Westfalen", lang="nl"), Literal("DE-NW")),
    (URIRef(ID + "region/twente"), Literal("Twente", lang="nl"), None),
    (URIRef(ID + "region/odense"), Literal("Odense", lang="da"), None),
    (URIRef(ID + "region/region-syddanmark"), Literal("Region Syddanmark", lang="da"), Literal("DK-83")),
], key=repr)

MEMBERS = PREFIXES + """CONSTRUCT { ?actor hin:memberOf ?cluster . ?cluster rdfs:label ?name }
WHERE { ?actor hin:memberOf ?cluster . ?cluster rdfs:label ?name }"""
MEMBERS_TTL = """@prefix hin: <https://w3id.org/hin/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix organisation: <https://w3id.org/hin/id/organisation/> .
@prefix cluster: <https://w3id.org/hin/id/cluster/> .
organisation:centech-gmbh hin:memberOf cluster:cross-border-medtech-cluster .
organisation:oost-nl hin:memberOf cluster:cross-border-medtech-cluster .
organisation:odense-universitetshospital hin:memberOf cluster:welfare-tech .
cluster:cross-border-medtech-cluster rdfs:label "Cross Border Medtech Cluster"@nl .
cluster:welfare-tech rdfs:label "Welfare Tech"@da .
"""
DESCRIBE_SYDDANMARK = PREFIXES + "DESCRIBE region:region-syddanmark"
SYDDANMARK_TTL = """@prefix hin: <https://w3id.org/hin/ontology#> .
<https://w3id.org/hin/id/region/region-syddanmark> a hin:Region ;
    <http://www.w3.org/2000/01/rdf-schema#label> "Region Syddanmark"@da ; hin:iso3166Code "DK-83" .
"""
CENTECH_LABELS = PREFIXES + "SELECT ?label WHERE { organisation:centech-gmbh rdfs:label ?label }"
CENTECH_GRAPHS = PREFIXES + "SELECT ?g WHERE { GRAPH ?g { organisation:centech-gmbh rdfs:label ?label } }"

RESULT_FORMATS = {  # SPARQLWrapper return format -> (media type, rdflib result parser)
    JSON: ("application/sparql-results+json", "json"),
    XML: ("application/sparql-results+xml", "xml"),
    TSV: ("text/tab-separated-values", "tsv"),
}
GRAPH_FORMATS = {  # media type -> rdflib parser
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}
SW_GRAPH_FORMATS = {TURTLE: "text/turtle", RDFXML: "application/rdf+xml", JSONLD: "application/ld+json"}


def wrapper(base_url: str, query: str, return_format: str = JSON) -> SPARQLWrapper:
    client = SPARQLWrapper(base_url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(return_format)
    return client


def result_rows(body: bytes, parser: str) -> list[tuple]:
    return sorted((tuple(row) for row in Result.parse(io.BytesIO(body), format=parser)), key=repr)


def graph_of(body: bytes, parser: str) -> Graph:
    return Graph().parse(data=body, format=parser)


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    """Compare graphs up to blank node names; on failure, show the triples only one side has."""
    if to_isomorphic(expected) == to_isomorphic(actual):
        return
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    pytest.fail("graphs differ\nonly expected:\n" + only_expected.serialize(format="nt")
                + "only actual:\n" + only_actual.serialize(format="nt"))


def get(base_url: str, query: str, accept: str | None = None, **params) -> httpx.Response:
    headers = {"Accept": accept} if accept else {}
    return httpx.get(base_url + "/sparql", params={"query": query, **params}, headers=headers)


def labels(response: httpx.Response) -> set:
    assert response.status_code == 200, response.text
    return {row[0] for row in result_rows(response.content, "json")}


@pytest.mark.parametrize("text, keyword", [
    ("SELECT * WHERE {}", "SELECT"),
    ("  # comment with ASK\n base <http://x/> prefix a: <http://a#b> PREFIX : <http://c/>\nconstruct {} where {}",
     "CONSTRUCT"),
    ('VERSION "1.2" DESCRIBE <http://x>', "DESCRIBE"),
    ("PREFIX hin: <https://w3id.org/hin/ontology#> INSERT DATA {}", "INSERT"),
    ("", None),
    ("{ ?s ?p ?o }", None),
])
def test_query_form_reads_past_the_prologue(text, keyword):
    assert query_form(text) == keyword


# A prefix name outside ASCII hides the query form from query_form(); the store then tells the kind.
UNICODE_PREFIX = "PREFIX é: <https://w3id.org/hin/id/region/> SELECT ?label WHERE { é:odense ?p ?label . FILTER(isLiteral(?label)) }"


@pytest.mark.parametrize("accept, expected_type", [(None, "application/sparql-results+json"),
                                                   ("text/csv", "text/csv; charset=utf-8")])
def test_query_whose_form_only_the_parser_sees(sample_server, accept, expected_type):
    assert query_form(UNICODE_PREFIX) is None
    response = get(sample_server, UNICODE_PREFIX, accept)
    assert response.status_code == 200 and response.headers["content-type"] == expected_type
    parser = "csv" if accept else "json"
    assert [str(row[0]) for row in result_rows(response.content, parser)] == ["Odense"]
    assert get(sample_server, UNICODE_PREFIX, "text/turtle").status_code == 406


@pytest.mark.parametrize("return_format", sorted(RESULT_FORMATS))
def test_select_with_sparqlwrapper(sample_server, return_format):
    media_type, parser = RESULT_FORMATS[return_format]
    answer = wrapper(sample_server, REGIONS, return_format).query()
    assert answer.info()["content-type"].split(";")[0] == media_type
    assert result_rows(answer.response.read(), parser) == REGION_ROWS


@pytest.mark.parametrize("accept, parser", [
    ("application/sparql-results+json", "json"), ("application/sparql-results+xml", "xml"),
    ("text/tab-separated-values", "tsv"), ("application/json", "json")])
def test_select_with_httpx(sample_server, accept, parser):
    response = get(sample_server, REGIONS, accept)
    assert response.status_code == 200, response.text
    assert "Accept" in [v.strip() for v in response.headers["vary"].split(",")]
    assert result_rows(response.content, parser) == REGION_ROWS


@pytest.mark.parametrize("client", ["sparqlwrapper", "httpx"])
def test_select_as_csv(sample_server, client):
    if client == "httpx":
        response = get(sample_server, REGIONS, "text/csv")
        content_type, body = response.headers["content-type"], response.content
    else:
        answer = wrapper(sample_server, REGIONS, CSV).query()
        content_type, body = answer.info()["content-type"], answer.response.read()
    assert content_type == "text/csv; charset=utf-8"
    header, *rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert header == ["region", "label", "code"]
    expected = [[str(term) if term is not None else "" for term in row] for row in REGION_ROWS]
    assert sorted(rows) == sorted(expected)


def test_select_json_converted_by_sparqlwrapper(sample_server):
    bindings = wrapper(sample_server, CENTECH_LABELS).query().convert()["results"]["bindings"]
    assert sorted((b["label"]["value"], b["label"]["xml:lang"]) for b in bindings) == [
        ("CeNTech GmbH", "da"), ("CeNTech GmbH", "nl")]


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/csv", "text/tab-separated-values"])
@pytest.mark.parametrize("query, expected", [
    (PREFIXES + "ASK { ?actor hin:memberOf <https://w3id.org/hin/id/cluster/welfare-tech> }", True),
    (PREFIXES + "ASK { region:twente hin:partOf ?anything }", False),
])
def test_ask(sample_server, accept, query, expected):
    response = get(sample_server, query, accept)
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    if accept.startswith("text/"):
        assert response.text.strip() == str(expected).lower()
    else:
        assert Result.parse(io.BytesIO(response.content), format=accept.rsplit("+", 1)[1]).askAnswer is expected


def test_ask_with_sparqlwrapper(sample_server):
    assert wrapper(sample_server, PREFIXES + "ASK { region:odense hin:partOf region:region-syddanmark }") \
        .query().convert()["boolean"] is True


@pytest.mark.parametrize("query, expected_ttl", [(MEMBERS, MEMBERS_TTL), (DESCRIBE_SYDDANMARK, SYDDANMARK_TTL)])
@pytest.mark.parametrize("media_type", sorted(GRAPH_FORMATS))
def test_construct_and_describe_with_httpx(sample_server, query, expected_ttl, media_type):
    response = get(sample_server, query, media_type)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    assert_isomorphic(Graph().parse(data=expected_ttl, format="turtle"),
                      graph_of(response.content, GRAPH_FORMATS[media_type]))


@pytest.mark.parametrize("query, expected_ttl", [(MEMBERS, MEMBERS_TTL), (DESCRIBE_SYDDANMARK, SYDDANMARK_TTL)])
@pytest.mark.parametrize("return_format", sorted(SW_GRAPH_FORMATS) + ["ntriples"])
def test_construct_and_describe_with_sparqlwrapper(sample_server, query, expected_ttl, return_format):
    client = wrapper(sample_server, query, TURTLE if return_format == "ntriples" else return_format)
    if return_format == "ntriples":  # SPARQLWrapper has no N-Triples format: ask by Accept alone
        client.setOnlyConneg(True)
        client.addCustomHttpHeader("Accept", "application/n-triples")
    media_type = SW_GRAPH_FORMATS.get(return_format, "application/n-triples")
    answer = client.query()
    assert answer.info()["content-type"].split(";")[0] == media_type
    assert_isomorphic(Graph().parse(data=expected_ttl, format="turtle"),
                      graph_of(answer.response.read(), GRAPH_FORMATS[media_type]))


def test_format_parameter_overrides_accept(sample_server):
    response = get(sample_server, MEMBERS, "text/turtle", format="jsonld")
    assert response.headers["content-type"] == "application/ld+json"
    assert_isomorphic(Graph().parse(data=MEMBERS_TTL, format="turtle"), graph_of(response.content, "json-ld"))


def _three_ways(base_url: str, query: str, accept: str, graphs: dict[str, list[str]]) -> list[httpx.Response]:
    """The same request by GET, by form POST (graphs in the form) and by direct POST (graphs in the URL)."""
    url, headers = base_url + "/sparql", {"Accept": accept}
    params = [(name, iri) for name, iris in graphs.items() for iri in iris]
    return [
        httpx.get(url, params=[("query", query), *params], headers=headers),
        httpx.post(url, data={"query": query, **graphs}, headers=headers),
        httpx.post(url, params=params, content=query.encode("utf-8"),
                   headers={**headers, "Content-Type": "application/sparql-query"}),
    ]


@pytest.mark.parametrize("query, accept", [(REGIONS + " ORDER BY ?region ?code STR(?label) LANG(?label)",
                                             "text/tab-separated-values"),
                                            (MEMBERS, "application/n-triples")])
def test_get_form_post_and_direct_post_give_the_same_answer(sample_server, query, accept):
    answers = _three_ways(sample_server, query, accept, {})
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert answers[0].content  # not three empty answers
    if accept == "application/n-triples":
        graphs = [graph_of(a.content, "nt") for a in answers]
        assert to_isomorphic(graphs[0]) == to_isomorphic(graphs[1]) == to_isomorphic(graphs[2])
    else:
        assert answers[0].content == answers[1].content == answers[2].content


@pytest.mark.parametrize("method, request_method", [("GET", URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_sparqlwrapper_methods_and_dataset(sample_server, method, request_method):
    client = wrapper(sample_server, CENTECH_LABELS)
    client.setMethod(method)
    client.setRequestMethod(request_method)
    client.addDefaultGraph(DOC_B)
    bindings = client.query().convert()["results"]["bindings"]
    assert [(b["label"]["value"], b["label"]["xml:lang"]) for b in bindings] == [("CeNTech GmbH", "da")]


@pytest.mark.parametrize("graphs, expected", [
    ({}, {Literal("CeNTech GmbH", lang="nl"), Literal("CeNTech GmbH", lang="da")}),  # the union of all graphs
    ({"default-graph-uri": [DOC_A]}, {Literal("CeNTech GmbH", lang="nl")}),
    ({"default-graph-uri": [DOC_B]}, {Literal("CeNTech GmbH", lang="da")}),
    ({"default-graph-uri": [DOC_A, DOC_B]}, {Literal("CeNTech GmbH", lang="nl"), Literal("CeNTech GmbH", lang="da")}),
    ({"named-graph-uri": [DOC_A]}, set()),  # an empty default graph
])
def test_default_graph_uri_selects_the_default_graph(sample_server, graphs, expected):
    for response in _three_ways(sample_server, CENTECH_LABELS, "application/sparql-results+json", graphs):
        assert labels(response) == expected


@pytest.mark.parametrize("graphs, expected", [
    ({}, {URIRef(DOC_A), URIRef(DOC_B)}),
    ({"named-graph-uri": [DOC_B]}, {URIRef(DOC_B)}),
    ({"named-graph-uri": [DOC_A, DOC_B]}, {URIRef(DOC_A), URIRef(DOC_B)}),
    ({"default-graph-uri": [DOC_A]}, set()),  # no named graphs
])
def test_named_graph_uri_selects_the_named_graphs(sample_server, graphs, expected):
    for response in _three_ways(sample_server, CENTECH_GRAPHS, "application/sparql-results+json", graphs):
        assert labels(response) == expected


def test_from_and_from_named_in_the_query(sample_server):
    from_a = CENTECH_LABELS.replace("WHERE", f"FROM <{DOC_A}> WHERE")
    assert labels(get(sample_server, from_a)) == {Literal("CeNTech GmbH", lang="nl")}
    from_named_b = CENTECH_GRAPHS.replace("WHERE", f"FROM NAMED <{DOC_B}> WHERE")
    assert labels(get(sample_server, from_named_b)) == {URIRef(DOC_B)}
    # the protocol's dataset overrides the query's
    assert labels(get(sample_server, from_a, **{"default-graph-uri": DOC_B})) == {Literal("CeNTech GmbH", lang="da")}


def test_malformed_query_carries_the_parsers_message(sample_server, sample_store):
    query = PREFIXES + "SELECT ?label WHERE { ?x rdfs:label ?label "
    with pytest.raises(SyntaxError) as parser:
        sample_store.query(query)
    for response in _three_ways(sample_server, query, "application/sparql-results+json", {}):
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "malformed-query"
        assert response.json()["error"]["message"] == str(parser.value)
    with pytest.raises(QueryBadFormed, match="malformed-query"):
        wrapper(sample_server, query).query()


def test_unsupported_content_type_is_415(sample_server):
    response = httpx.post(sample_server + "/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415 and response.json()["error"]["code"] == "unsupported-media-type"
    assert "text/plain" in response.json()["error"]["message"]


def test_unacceptable_accept_is_406(sample_server):
    response = get(sample_server, REGIONS, "text/turtle")
    assert response.status_code == 406 and response.json()["error"]["code"] == "not-acceptable"
    response = get(sample_server, MEMBERS, "application/sparql-results+json")
    assert response.status_code == 406 and "text/turtle" in response.json()["error"]["message"]


@pytest.mark.parametrize("send", [
    lambda url: httpx.get(url, params={"default-graph-uri": DOC_A}),
    lambda url: httpx.get(url, params={"query": "  "}),
    lambda url: httpx.post(url, data={"default-graph-uri": DOC_A}),
    lambda url: httpx.post(url, content=b"", headers={"Content-Type": "application/sparql-query"}),
])
def test_missing_query_is_400(sample_server, send):
    response = send(sample_server + "/sparql")
    assert response.status_code == 400 and response.json()["error"]["code"] == "missing-query"


@pytest.mark.parametrize("send", [
    lambda url: httpx.get(url, params={"update": "CLEAR ALL"}),
    lambda url: httpx.post(url, data={"update": "CLEAR ALL"}),
    lambda url: httpx.post(url, content=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"}),
    lambda url: httpx.post(url, data={"query": "PREFIX a: <http://a/> DELETE WHERE { ?s ?p ?o }"}),
])
def test_update_is_refused_and_changes_nothing(sample_server, sample_store, send):
    size = len(sample_store)
    response = send(sample_server + "/sparql")
    assert response.status_code == 403 and response.json()["error"]["code"] == "update-refused"
    assert len(sample_store) == size


def test_landing_page_lists_the_endpoint_and_every_route_is_documented(sample_server):
    page = httpx.get(sample_server + "/").json()
    assert page["sparql_endpoint"] == sample_server + "/sparql"
    routes = {(r["method"], r["path"]) for r in page["routes"]}
    assert {("GET", "/"), ("GET", "/sparql"), ("POST", "/sparql")} <= routes
    docs = (Path(__file__).resolve().parent.parent / "docs" / "http-api.md").read_text(encoding="utf-8")
    for method, path in routes:
        assert f"`{path}" in docs, f"docs/http-api.md does not document {method} {path}"


def test_app_opens_the_store_of_its_settings_read_only(live_server, tmp_path):
    writable = OxigraphStore.open(tmp_path / "store", read_only=False)
    writable.load(SAMPLE_TRIG)
    writable.close()
    app = create_app(Settings(store=tmp_path / "store"))
    quads = Dataset().parse(SAMPLE_TRIG, format="trig")
    assert app.state.store.read_only and len(app.state.store) == len(list(quads.quads())) > 0
    base_url = live_server(app)
    assert labels(get(base_url, CENTECH_LABELS, **{"default-graph-uri": DOC_A})) == {Literal("CeNTech GmbH", lang="nl")}


def test_app_without_a_built_store_says_so(tmp_path):
    with pytest.raises(OSError, match="no store here"):
        create_app(Settings(store=tmp_path / "missing"))
