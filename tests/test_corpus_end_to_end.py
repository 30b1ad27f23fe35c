"""The whole path on the shipped corpus: build (extract, validate, load) -> on-disk store ->
real server on a loopback port -> SPARQLWrapper and httpx.

These tests check what the sample documents say, not exact counts, so they hold as extraction
improves: the five documents are five named graphs with their detected language, the Danish
letter of intent has its four cluster parties, every asserted relation has an evidence sentence
that names its ends, and the queries of docs/provenance.md and queries/ run.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import httpx
import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from queries import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
PREFIXES = """
PREFIX hin: <https://w3id.org/hin/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def select(server: str, query: str) -> list[dict]:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(PREFIXES + query)
    client.setReturnFormat(JSON)
    return client.query().convert()["results"]["bindings"]


def test_each_document_is_a_named_graph_with_its_language(corpus_server):
    rows = select(corpus_server, """
        SELECT ?g ?file ?language WHERE { GRAPH ?g { ?doc a hin:SourceDocument ;
            hin:fileName ?file ; dcterms:language ?language } } ORDER BY ?file""")
    found = {row["file"]["value"]: row["language"]["value"] for row in rows}
    assert found == {"000_2063db23ec091e59.txt": "de", "001_8619a57f6dfb2c7c.txt": "nl",
                     "002_f4b3823cae7bf978.txt": "da", "003_bacc1d54c91cc273.txt": "nl",
                     "004_0d7ca9867d50685a.txt": "de"}
    assert all(row["g"]["value"] == "https://w3id.org/hin/graph/" + row["file"]["value"][:-4]
               for row in rows)


def test_the_letter_of_intent_has_the_four_clusters_as_parties(corpus_server):
    rows = select(corpus_server, """
        SELECT DISTINCT ?party ?label WHERE {
          ?party hin:partyTo ?agreement ; rdfs:label ?label .
          ?agreement a hin:Agreement ; hin:establishes ?new .
          ?new rdfs:label "Danish Healthtech"@da }""")
    labels = {row["label"]["value"] for row in rows}
    assert {"Life Science Innovation North Denmark", "MedTech Innovation Consortium",
            "Copenhagen Healthtech Cluster", "Welfare Tech"} <= labels


def test_every_relation_has_evidence_that_lies_in_its_document(corpus_server):
    rows = select(corpus_server, """
        SELECT ?g ?s ?p ?o ?sentence ?start ?end WHERE { GRAPH ?g {
          ?s ?p ?o . FILTER(STRSTARTS(STR(?p), STR(hin:)) && isIRI(?o)
                            && ?p NOT IN (hin:evidence, hin:sentence))
          OPTIONAL { ?fact rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; hin:evidence ?ev .
                     ?ev rdf:value ?sentence ; <http://www.w3.org/ns/oa#hasSelector> ?sel .
                     ?sel <http://www.w3.org/ns/oa#start> ?start ; <http://www.w3.org/ns/oa#end> ?end } } }""")
    assert len(rows) > 50
    missing = [(r["s"]["value"], r["p"]["value"], r["o"]["value"]) for r in rows if "sentence" not in r]
    assert not missing, f"relations without evidence: {missing[:5]}"
    texts = {}
    for row in rows:
        name = row["g"]["value"].rsplit("/", 1)[1] + ".txt"
        text = texts.setdefault(name, (ROOT / "corpus" / name).read_text(encoding="utf-8"))
        start, end = int(row["start"]["value"]), int(row["end"]["value"])
        assert text[start:end] == row["sentence"]["value"]


def _provenance_queries() -> list[str]:
    page = (ROOT / "docs" / "provenance.md").read_text(encoding="utf-8")
    return re.findall(r"```sparql\n(.*?)```", page, flags=re.DOTALL)


@pytest.mark.parametrize("number", range(len(_provenance_queries())))
def test_the_provenance_queries_of_the_docs_answer(corpus_server, number):
    query = _provenance_queries()[number]
    response = httpx.post(corpus_server + "/sparql", data={"query": query},
                          headers={"Accept": "text/csv"}, timeout=30)
    assert response.status_code == 200, response.text
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows, f"docs/provenance.md query {number + 1} returned no rows on the sample corpus"


@pytest.mark.parametrize("slug", [q.slug for q in load_catalogue().examples()])
def test_every_example_query_runs_on_the_corpus(corpus_server, slug):
    query = load_catalogue().get(slug).text
    response = httpx.post(corpus_server + "/sparql", content=query.encode(),
                          headers={"Content-Type": "application/sparql-query",
                                   "Accept": "application/sparql-results+json"}, timeout=30)
    assert response.status_code == 200, response.text
    assert "results" in response.json() or "boolean" in response.json()


@pytest.mark.parametrize("metric", ["degree", "betweenness", "closeness", "eigenvector",
                                    "constraint", "effective_size"])
def test_brokers_of_the_shared_tie_view_are_ranked(corpus_server, metric):
    response = httpx.get(f"{corpus_server}/network/shared-tie/centrality",
                         params={"metric": metric}, timeout=30)
    assert response.status_code == 200, response.text
    body = response.json()
    rows = body["rows"] if isinstance(body, dict) else body
    assert len(rows) >= 4
    assert {"iri", "label", "value", "rank"} <= set(rows[0])
    ranked = [row for row in rows if row["rank"] is not None]
    assert [row["rank"] for row in ranked] == sorted(row["rank"] for row in ranked)
