"""The embedded store: formats, dataset selection, substitutions, errors, on-disk opening."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

import graph_api
from graph_api.oxigraph_store import (GRAPH_MEDIA_TYPES, POINTER_FILE, RESULT_MEDIA_TYPES,
                                      OxigraphStore, has_dataset_clause, resolve_store_path,
                                      store_exists, to_oxigraph, to_rdflib)
from graph_api.store import BOOLEAN, GRAPH, SOLUTIONS, GraphStore

SAMPLE = Path(__file__).parent / "data" / "store" / "sample.trig"
ID = "https://w3id.org/hin/id/"
DOC_A = "https://w3id.org/hin/graph/doc-a"
DOC_B = "https://w3id.org/hin/graph/doc-b"
LABELS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?label"
SRX = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture
def store() -> OxigraphStore:
    store = OxigraphStore.in_memory()
    store.load(SAMPLE)
    yield store
    store.close()


def labels(store: GraphStore, **dataset) -> list[str]:
    body = store.query(LABELS, **dataset).body
    return [row["label"]["value"] for row in json.loads(body)["results"]["bindings"]]


def test_graph_api_public_names():
    assert graph_api.__all__ == sorted(graph_api.__all__)
    assert graph_api.__all__ == ["GraphStore", "OxigraphStore", "QueryResponse", "Settings"]


def test_counts_and_graphs(store):
    assert len(store) == 12
    assert store.graphs() == [DOC_A, DOC_B]


def test_select_json_is_the_default(store):
    answer = store.query(LABELS)
    assert (answer.kind, answer.media_type) == (SOLUTIONS, "application/sparql-results+json")
    data = json.loads(answer.body)
    assert data["head"]["vars"] == ["s", "label"]
    first = data["results"]["bindings"][0]
    assert first["label"] == {"type": "literal", "value": "CeNTech GmbH", "xml:lang": "de"}


def test_select_xml(store):
    answer = store.query(LABELS, media_type="application/sparql-results+xml")
    root = ElementTree.fromstring(answer.body)
    literals = [e.text for e in root.iter(f"{SRX}literal")]
    assert literals == ["CeNTech GmbH", "Gesundheitsregion Aachen", "Region Syddanmark",
                        "Syddansk Sundhedsinnovation", "default graph only"]


@pytest.mark.parametrize("media_type, delimiter", [("text/csv", ","),
                                                   ("text/tab-separated-values; charset=utf-8", "\t")])
def test_select_csv_and_tsv(store, media_type, delimiter):
    answer = store.query(LABELS, media_type=media_type)
    assert answer.media_type == media_type.split(";")[0]
    rows = list(csv.reader(io.StringIO(answer.body.decode("utf-8")), delimiter=delimiter))
    assert rows[0] in (["s", "label"], ["?s", "?label"])
    assert len(rows) == 6
    assert rows[3][1] in ("Region Syddanmark", "Region Syddanmark@da")


def test_ask_in_every_result_format(store):
    ask = "ASK { ?s a <https://w3id.org/hin/ontology#Cluster> }"
    assert store.query(ask).kind == BOOLEAN
    assert json.loads(store.query(ask).body) == {"head": {}, "boolean": True}
    xml = ElementTree.fromstring(store.query(ask, media_type="application/sparql-results+xml").body)
    assert xml.find(f"{SRX}boolean").text == "true"
    assert store.query(ask, media_type="text/csv").body.strip() == b"true"
    assert store.query(ask, media_type="text/tab-separated-values").body.strip() == b"true"


@pytest.mark.parametrize("media_type, rdflib_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"),
    ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld")])
def test_construct_in_every_graph_format(store, media_type, rdflib_format):
    construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DOC_A}> {{ ?s ?p ?o }} }}"
    answer = store.query(construct, media_type=media_type)
    assert (answer.kind, answer.media_type) == (GRAPH, media_type)
    parsed = Graph().parse(data=answer.body, format=rdflib_format)
    expected = Dataset().parse(SAMPLE, format="trig").graph(URIRef(DOC_A))
    assert len(parsed) == 6
    assert isomorphic(parsed, expected), parsed.serialize(format="nt")


def test_describe_defaults_to_turtle(store):
    answer = store.query(f"DESCRIBE <{ID}region/region-syddanmark>")
    assert (answer.kind, answer.media_type) == (GRAPH, "text/turtle")
    assert len(Graph().parse(data=answer.body, format="turtle")) == 2


def test_the_tables_cover_pyoxigraph_formats():
    assert {f.media_type.split(";")[0] for f in RESULT_MEDIA_TYPES.values()} == set(RESULT_MEDIA_TYPES)
    assert {f.media_type for f in GRAPH_MEDIA_TYPES.values()} == set(GRAPH_MEDIA_TYPES)


@pytest.mark.parametrize("query, media_type", [
    (LABELS, "text/turtle"), (LABELS, "application/json"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "text/csv")])
def test_unsupported_media_type_raises_value_error(store, query, media_type):
    with pytest.raises(ValueError, match="choose one of"):
        store.query(query, media_type=media_type)


def test_default_graph_is_the_union_of_named_graphs(store):
    assert labels(store) == ["CeNTech GmbH", "Gesundheitsregion Aachen", "Region Syddanmark",
                             "Syddansk Sundhedsinnovation", "default graph only"]


def test_default_graph_uri_selects_the_default_graph(store):
    assert labels(store, default_graph_uris=[DOC_B]) == ["Region Syddanmark", "Syddansk Sundhedsinnovation"]
    assert len(labels(store, default_graph_uris=[DOC_A, DOC_B])) == 4


def test_named_graph_uri_limits_graph_patterns(store):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    answer = store.query(query, named_graph_uris=[DOC_A])
    graphs = [row["g"]["value"] for row in json.loads(answer.body)["results"]["bindings"]]
    assert graphs == [DOC_A]
    # named graphs only: the default graph is empty (SPARQL 1.1 Protocol 2.1.4)
    assert labels(store, named_graph_uris=[DOC_A]) == []


def test_protocol_graphs_override_from_clauses(store):
    query = f"SELECT ?label FROM <{DOC_A}> WHERE {{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
    assert len(store.select(query)) == 2
    body = store.query(query, default_graph_uris=[DOC_B]).body
    assert {row["label"]["value"] for row in json.loads(body)["results"]["bindings"]} == {
        "Region Syddanmark", "Syddansk Sundhedsinnovation"}


def test_has_dataset_clause_ignores_strings_iris_and_comments():
    assert has_dataset_clause("select * from named <http://x/g> { graph ?g { ?s ?p ?o } }")
    assert not has_dataset_clause("SELECT ?from WHERE { ?s <http://x/FROM> 'FROM' } # FROM")
    assert not has_dataset_clause("SELECT * WHERE { ?s ex:from ?o }")


def test_select_returns_rdflib_terms_and_binds_substitutions(store):
    query = "SELECT ?label ?missing WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    rows = store.select(query, substitutions={"s": URIRef(ID + "region/region-syddanmark")})
    assert rows == [{"label": Literal("Region Syddanmark", lang="da")}]
    typed = store.select("SELECT ?c WHERE { ?s <https://w3id.org/hin/ontology#confidence> ?c }")
    assert typed[0]["c"] == Literal("0.9", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))


def test_substitutions_bind_literals_in_query(store):
    query = "SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?name }"
    answer = store.query(query, substitutions={"?name": Literal("CeNTech GmbH", lang="de")})
    rows = json.loads(answer.body)["results"]["bindings"]
    assert [row["s"]["value"] for row in rows] == [ID + "organisation/centech-gmbh"]
    assert store.select(query, {"name": Literal("CeNTech GmbH")}) == []  # no language tag, no match


def test_substitutions_of_variables_a_select_does_not_project(store):
    count = ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o "
             "FILTER(?s != <https://w3id.org/hin/id/nothing>) }")
    rows = store.select(count, {"s": URIRef(ID + "organisation/centech-gmbh")})
    assert rows == [{"n": Literal(4)}]
    assert store.select(count) == [{"n": Literal(12)}]


def test_term_conversion_round_trips():
    for term in (URIRef("http://x/a"), Literal("x"), Literal("x", lang="nl"), Literal(3)):
        assert to_rdflib(to_oxigraph(term)) == term
    assert to_oxigraph(7) == ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def test_malformed_query_raises_syntax_error(store):
    with pytest.raises(SyntaxError, match="1:"):
        store.query("SELEKT ?s WHERE { ?s ?p ?o }")


def test_select_refuses_other_query_forms(store):
    with pytest.raises(ValueError, match="SELECT"):
        store.select("ASK { ?s ?p ?o }")


def test_closed_store_refuses_queries(store):
    store.close()
    with pytest.raises(ValueError, match="closed"):
        store.query(LABELS)


def test_read_only_open_of_a_plain_store(tmp_path):
    with OxigraphStore.open(tmp_path / "plain", read_only=False) as writable:
        writable.load(SAMPLE)
    with OxigraphStore.open(tmp_path / "plain") as store:
        assert store.read_only and len(store) == 12
        assert store.graphs() == [DOC_A, DOC_B]
        with pytest.raises(OSError, match="read-only"):
            store.load(SAMPLE)


def test_open_follows_the_generation_pointer(tmp_path):
    generation = tmp_path / "hin-store" / "generations" / "g1"
    with OxigraphStore.open(generation, read_only=False) as writable:
        writable.load(SAMPLE, graph="https://w3id.org/hin/graph/extra")
    (tmp_path / "hin-store" / POINTER_FILE).write_text("g1\n", encoding="utf-8")
    assert resolve_store_path(tmp_path / "hin-store") == generation
    assert store_exists(tmp_path / "hin-store")
    with OxigraphStore.open(tmp_path / "hin-store") as store:
        assert store.location == generation and len(store) == 12


def test_missing_store_and_dangling_pointer_raise_os_error(tmp_path):
    assert not store_exists(tmp_path / "nothing")
    with pytest.raises(OSError, match="hin build"):
        OxigraphStore.open(tmp_path / "nothing")
    (tmp_path / POINTER_FILE).write_text("gone\n", encoding="utf-8")
    with pytest.raises(OSError, match="gone"):
        OxigraphStore.open(tmp_path)
