"""Dereferencing: every entity, document graph and vocabulary IRI resolves on the server, as HTML
or RDF by Accept or by extension; unknown IRIs are 404; things 303 to their description."""
from __future__ import annotations

import html
from collections.abc import Callable

import httpx
import pyoxigraph as ox
import pytest
from markupsafe import escape
from rdflib import Graph, Literal, URIRef

from graph_api.app import create_app
from graph_api.conneg import SUFFIXES
from graph_api.errors import ApiError
from graph_api.linked_data import choose_representation, split_suffix
from graph_api.oxigraph_store import OxigraphStore
from graph_api.settings import Settings

HIN = "https://w3id.org/hin/"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
#: extension -> (media type, pyoxigraph parser)
RDF_FORMATS = {"ttl": ("text/turtle", ox.RdfFormat.TURTLE), "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
               "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
               "rdf": ("application/rdf+xml", ox.RdfFormat.RDF_XML)}


def outgoing_of(data: bytes, fmt: ox.RdfFormat, iri: str) -> set[tuple]:
    """(predicate, object) pairs of ``iri`` in an RDF document, parsed with pyoxigraph."""
    subject = ox.NamedNode(iri)
    return {(t.predicate, t.object) for t in ox.parse(data, format=fmt) if t.subject == subject}


@pytest.mark.parametrize(("accept", "suffix", "expected"), [
    (BROWSER, None, None),
    ("text/html", None, None),
    ("application/xhtml+xml", None, None),
    (None, None, "turtle"),
    ("*/*", None, "turtle"),
    ("text/turtle", None, "turtle"),
    ("application/ld+json", None, "jsonld"),
    ("application/json", None, "jsonld"),
    ("text/html;q=0.5, application/n-triples", None, "ntriples"),
    ("text/html, application/rdf+xml;q=0.9", None, None),
    ("text/*", None, "turtle"),
    ("text/html", "ttl", "turtle"),
    ("text/turtle", "html", None),
    ("application/ld+json", "rdf", "rdfxml"),
    (None, "nt", "ntriples"),
])
def test_choose_representation(accept, suffix, expected):
    chosen = choose_representation(accept, suffix)
    assert (chosen.name if chosen else None) == expected


def test_nothing_acceptable_is_406():
    with pytest.raises(ApiError) as raised:
        choose_representation("image/png", None)
    assert raised.value.code == "not-acceptable"


@pytest.mark.parametrize(("name", "expected"), [
    ("centech.ttl", ("centech", "ttl")), ("centech.html", ("centech", "html")), ("centech", ("centech", None)),
    ("report.v2", ("report.v2", None)), (".ttl", (".ttl", None)),
])
def test_split_suffix(name, expected):
    assert split_suffix(name) == expected


def sparql(server: str, query: str) -> list[dict]:
    response = httpx.get(server + "/sparql", params={"query": query},
                         headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


@pytest.fixture(scope="module")
def entities(corpus_server) -> list[str]:
    rows = sparql(corpus_server, f"SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), '{HIN}id/')) }}")
    found = sorted(row["s"]["value"] for row in rows)
    assert len(found) > 50
    return found


def path(iri: str) -> str:
    return "/" + iri[len(HIN):]


def test_every_entity_dereferences_by_accept_and_by_extension(corpus_server, entities):
    """Each entity: HTML and one RDF format (taking turns) by Accept, 303 to the description;
    all four RDF formats by extension, each holding exactly the entity's statements in the store."""
    everything = httpx.get(corpus_server + "/sparql", headers={"Accept": "application/n-triples"}, params={
        "query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), '{HIN}id/')) }}"})
    statements: dict[ox.NamedNode, set[tuple]] = {}
    for triple in ox.parse(everything.content, format=ox.RdfFormat.N_TRIPLES):
        statements.setdefault(triple.subject, set()).add((triple.predicate, triple.object))
    formats = list(RDF_FORMATS.items())
    with httpx.Client(base_url=corpus_server) as client:
        for number, iri in enumerate(entities):
            page = client.get(path(iri), headers={"Accept": BROWSER})
            assert page.status_code == 303 and page.headers["location"] == path(iri) + ".html"
            page = client.get(page.headers["location"])
            assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
            assert html.escape(iri) in page.text
            extension, (media_type, _) = formats[number % len(formats)]
            redirect = client.get(path(iri), headers={"Accept": media_type})
            assert redirect.status_code == 303 and redirect.headers["location"] == f"{path(iri)}.{extension}"
            assert "Accept" in redirect.headers["vary"]
            for extension, (media_type, parser) in formats:
                response = client.get(f"{path(iri)}.{extension}", headers={"Accept": "text/html"})
                assert response.status_code == 200
                assert response.headers["content-type"].split(";")[0] == media_type
                assert outgoing_of(response.content, parser, iri) == statements[ox.NamedNode(iri)], iri


@pytest.mark.parametrize("extension", list(RDF_FORMATS))
def test_each_rdf_format_is_reached_by_accept(corpus_server, entities, extension):
    media_type, parser = RDF_FORMATS[extension]
    iri = entities[0]
    response = httpx.get(corpus_server + path(iri), headers={"Accept": media_type}, follow_redirects=True)
    assert response.status_code == 200 and str(response.url).endswith(f"{path(iri)}.{extension}")
    assert response.headers["content-type"].split(";")[0] == media_type
    assert outgoing_of(response.content, parser, iri)


def test_unknown_iris_are_404(corpus_server):
    for unknown in ("/id/organisation/no-such-organisation", "/id/organisation/no-such.ttl",
                    "/graph/no-such-document", "/ontology/NoSuchTerm"):
        response = httpx.get(corpus_server + unknown, headers={"Accept": "text/turtle"})
        assert response.status_code == 404, unknown
        assert response.json()["error"]["code"] == "not-found"
        page = httpx.get(corpus_server + unknown, headers={"Accept": BROWSER})
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")


def test_document_graphs_are_served_directly_with_content_location(corpus_server):
    graphs = [row["g"]["value"] for row in sparql(corpus_server, "SELECT DISTINCT ?g WHERE { GRAPH ?g {} }")]
    assert HIN + "graph/ontology" in graphs and len(graphs) >= 3
    for graph in graphs:
        size = int(sparql(corpus_server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
                   [0]["n"]["value"])
        response = httpx.get(corpus_server + path(graph), headers={"Accept": "application/n-triples"})
        assert response.status_code == 200 and response.headers["content-location"] == path(graph) + ".nt"
        assert len(set(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))) == size
        by_extension = httpx.get(corpus_server + path(graph) + ".ttl", headers={"Accept": "text/html"})
        assert len(set(ox.parse(by_extension.content, format=ox.RdfFormat.TURTLE))) == size


def test_hash_iris_of_a_document_graph_are_anchors_of_its_page(corpus_server):
    graph = next(row["g"]["value"] for row in sparql(
        corpus_server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?x a <https://w3id.org/hin/ontology#Sentence> } }"))
    nodes = {row["x"]["value"] for row in sparql(
        corpus_server, f"SELECT DISTINCT ?x WHERE {{ GRAPH <{graph}> {{ ?x a ?t FILTER(STRSTARTS(STR(?x), '{graph}#')) }} }}")}
    page = httpx.get(corpus_server + path(graph), headers={"Accept": BROWSER})
    assert page.status_code == 200 and page.headers["content-location"] == path(graph) + ".html"
    missing = [node for node in nodes if f'id="{node.partition("#")[2]}"' not in page.text]
    assert nodes and not missing


def test_vocabulary_terms_resolve_by_hash_and_slash(corpus_server):
    terms = {row["t"]["value"] for row in sparql(
        corpus_server, "SELECT DISTINCT ?t WHERE { ?t a ?k FILTER(STRSTARTS(STR(?t), 'https://w3id.org/hin/ontology#')) }")}
    page = httpx.get(corpus_server + "/ontology", headers={"Accept": BROWSER})
    assert page.status_code == 200
    for term in terms:
        name = term.partition("#")[2]
        assert f'id="{name}"' in page.text, term
    redirect = httpx.get(corpus_server + "/ontology/Cluster")
    assert redirect.status_code == 303 and redirect.headers["location"] == "/ontology#Cluster"
    turtle = httpx.get(corpus_server + "/ontology.ttl")
    vocabulary = Graph().parse(data=turtle.text, format="turtle")
    assert {str(s) for s in vocabulary.subjects() if "#" in str(s)} >= terms


def test_field_scheme_resolves(corpus_server):
    response = httpx.get(corpus_server + "/id/scheme/fields", headers={"Accept": "text/turtle"},
                         follow_redirects=True)
    graph = Graph().parse(data=response.text, format="turtle")
    concepts = set(graph.subjects(URIRef("http://www.w3.org/2004/02/skos/core#inScheme"),
                                  URIRef(HIN + "id/scheme/fields")))
    assert len(concepts) > 20
    assert httpx.get(corpus_server + path(str(sorted(concepts)[0])) + ".html").status_code == 200


def test_entity_page_shows_statements_in_and_out_and_evidence(corpus_server):
    rows = sparql(corpus_server, "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
                  "PREFIX hin: <https://w3id.org/hin/ontology#> SELECT ?s ?o ?text WHERE { "
                  "?f rdf:subject ?s ; rdf:object ?o ; hin:evidence ?e . ?e rdf:value ?text } LIMIT 1")
    subject, target, text = (rows[0][k]["value"] for k in ("s", "o", "text"))
    page = httpx.get(corpus_server + path(subject) + ".html").text
    assert f'href="{path(target)}"' in page and str(escape(text)) in page
    assert "/id/document/" in page  # its sources
    target_page = httpx.get(corpus_server + path(target) + ".html").text
    assert f'href="{path(subject)}"' in target_page  # a statement in


def test_pages_escape_what_the_data_says(live_server: Callable, tmp_path):
    store = OxigraphStore.in_memory()
    store.load_data('<https://w3id.org/hin/id/organisation/x> <http://www.w3.org/2000/01/rdf-schema#label> '
                    '"<script>alert(1)</script>"@en .', "application/n-triples", graph=HIN + "graph/evil")
    server = live_server(create_app(Settings(store=tmp_path), store=store))
    for url in ("/id/organisation/x.html", "/graph/evil.html"):
        page = httpx.get(server + url)
        assert page.status_code == 200
        assert "<script>" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert Literal("<script>alert(1)</script>", lang="en") in Graph().parse(
        data=httpx.get(server + "/id/organisation/x.ttl").text, format="turtle").objects()


def test_entity_answers_have_validators_and_304(corpus_server, entities):
    url = corpus_server + path(entities[0]) + ".ttl"
    first = httpx.get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert httpx.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert httpx.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert httpx.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    assert httpx.get(corpus_server + path(entities[0]) + ".nt").headers["etag"] != etag


def test_suffix_table_covers_every_rdf_format():
    assert set(SUFFIXES) == set(RDF_FORMATS)
