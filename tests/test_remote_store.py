"""The remote store and the remote build against a real Virtuoso server (tests/virtuoso.py).

Data: tests/data/sample.trig (graphs doc-a and doc-b), loaded as generations with the remote
build's own functions; answers are compared with the embedded store holding the same data.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import Response
from rdflib import Dataset, Literal, URIRef

from graph_api.build import REFERENCE_GRAPHS
from graph_api.network.views import view_graph
from graph_api.oxigraph_store import OxigraphStore
from graph_api.remote_build import (load_generation_remote, prune_generations_remote,
                                    read_current_generation, switch_generation_remote)
from graph_api.remote_dataset import Generation
from graph_api.remote_store import RemoteStore
from graph_api.settings import Settings, is_store_url
from queries import load_catalogue
from tests.conftest import DOC_A, DOC_B, SAMPLE_TRIG

BASE = "https://w3id.org/hin/"


def _sample() -> Dataset:
    dataset = Dataset()
    dataset.parse(SAMPLE_TRIG, format="trig")
    return dataset


def _remote(virtuoso, catalogue: str, **options) -> RemoteStore:
    """A RemoteStore on the test server with a catalogue of its own (the corpus has the default one)."""
    return RemoteStore(virtuoso.query_url, update_url=virtuoso.update_url,
                       graph_store_url=virtuoso.graph_store_url, user="dba", password="dba",
                       catalogue=catalogue, **options)


@pytest.fixture(scope="module")
def remote(virtuoso) -> Iterator[RemoteStore]:
    """A RemoteStore whose current generation is sample.trig with the reference graphs."""
    store = _remote(virtuoso, "urn:hin:catalogue:test-remote-store")
    name, _, _ = load_generation_remote(store, _sample(), base_iri=BASE)
    switch_generation_remote(store, name)
    yield store
    store.close()


@pytest.fixture(scope="module")
def embedded() -> Iterator[OxigraphStore]:
    """The same data in the embedded store, as `hin build` lays it out (the union materialised)."""
    store = OxigraphStore.in_memory()
    store.load(SAMPLE_TRIG)
    for local, path in REFERENCE_GRAPHS.items():
        store.load(path, graph=BASE + "graph/" + local)
    store.materialise_union()
    yield store
    store.close()


def test_the_store_setting_takes_a_url_or_a_folder():
    assert Settings(store="http://127.0.0.1:8890/sparql").store == "http://127.0.0.1:8890/sparql"
    assert is_store_url(Settings(store="http://127.0.0.1:8890/sparql").store)
    assert not is_store_url(Settings(store="hin-store").store)


def test_graphs_are_the_generation_s_under_their_own_names(remote):
    assert remote.graphs() == sorted([DOC_A, DOC_B, BASE + "graph/fields", BASE + "graph/ontology"])
    stored = remote.generation().graphs[DOC_A]
    assert stored.startswith("urn:hin:generation:") and stored.endswith(DOC_A)


@pytest.mark.parametrize("query", [
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(!isBlank(?s) && !isBlank(?o)) } "
    "ORDER BY STR(?s) STR(?p) STR(?o) LANG(?o)",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    f"SELECT ?s WHERE {{ GRAPH <{DOC_B}> {{ ?s ?p ?o }} }} ORDER BY ?s",
    f"PREFIX g: <{BASE}graph/> SELECT ?s WHERE {{ GRAPH g:doc-a {{ ?s a ?t }} }} ORDER BY ?s",
    f"SELECT (COUNT(*) AS ?n) FROM <{DOC_A}> WHERE {{ ?s ?p ?o }}",
    "ASK { ?s ?p ?o }",
])
@pytest.mark.parametrize("media_type", ["text/csv", "application/sparql-results+json",
                                        "application/sparql-results+xml"])
def test_answers_are_byte_for_byte_those_of_the_embedded_store(remote, embedded, query, media_type):
    if media_type == "text/csv" and query.startswith("ASK"):
        media_type = "application/sparql-results+json"
    mine = remote.query(query, media_type=media_type)
    theirs = embedded.query(query, media_type=media_type)
    body = b"".join(theirs.body) if not isinstance(theirs.body, bytes) else theirs.body
    assert mine.kind == theirs.kind and mine.media_type == theirs.media_type
    assert mine.body == body and len(body) > 5


def test_construct_answers_are_the_same_triples(remote, embedded):
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    for media_type in ("application/n-triples", "text/turtle", "application/ld+json"):
        answer = remote.query(query, media_type=media_type)
        assert answer.kind == "graph" and answer.media_type == media_type
    mine = remote.query(query, media_type="application/n-triples").body.splitlines()
    theirs = embedded.query(query, media_type="application/n-triples").body.splitlines()
    assert len(mine) == len(theirs) > 100
    # blank node labels are the servers' own; every other triple is the same, byte for byte
    assert sorted(t for t in mine if b"_:" not in t) == sorted(t for t in theirs if b"_:" not in t)


def test_the_dataset_parameters_name_graphs_as_users_see_them(remote, embedded):
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    mine = remote.query(query, media_type="text/csv", default_graph_uris=[DOC_B]).body
    assert mine == embedded.query(query, media_type="text/csv", default_graph_uris=[DOC_B]).body
    named = remote.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert {str(row["g"]) for row in named} == set(remote.graphs())


def test_select_binds_substitutions_including_graph_names(remote, embedded):
    query = "SELECT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    mine = remote.select(query, substitutions={"g": URIRef(DOC_A)})
    theirs = embedded.select(query, substitutions={"g": URIRef(DOC_A)})
    assert mine and sorted(mine, key=repr) == sorted(theirs, key=repr)
    assert all(isinstance(row["s"], URIRef) for row in mine)
    labelled = remote.select("SELECT ?s WHERE { ?s ?p ?o }", substitutions={"o": Literal("no such label")})
    assert labelled == []


def test_a_malformed_query_is_a_syntax_error_with_the_server_s_message(remote):
    with pytest.raises(SyntaxError, match="SP030"):
        remote.select("SELEC * WHERE { ?s ?p ?o }")


def test_views_are_fetched_in_pages_with_the_same_graph(remote, embedded, monkeypatch):
    from graph_api.network import views

    view = load_catalogue().get("shared-tie")
    whole = view_graph(embedded, view)
    monkeypatch.setattr(views, "VIEW_PAGE_ROWS", 1)  # one row per page: every page boundary crossed
    paged = view_graph(remote, view)
    assert whole.number_of_edges() >= 1
    assert sorted(paged.edges(data=True)) == sorted(whole.edges(data=True))
    assert dict(paged.nodes(data="label")) == dict(whole.nodes(data="label"))


def test_select_pages_returns_disjoint_ordered_pages(remote):
    pages = list(remote.select_pages("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", order_by=("s", "p", "o"), size=7))
    rows = [row for page in pages for row in page]
    assert all(len(page) == 7 for page in pages[:-1]) and len(pages) > 2
    assert len(rows) == len(remote.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"))


def test_a_generation_is_invisible_until_its_switch_and_old_ones_are_pruned(virtuoso):
    store = _remote(virtuoso, "urn:hin:catalogue:test-switch")
    assert store.generation() is None

    def one_graph(label: str) -> Dataset:
        dataset = Dataset()
        dataset.graph(URIRef(BASE + "graph/" + label)).add(
            (URIRef(BASE + "id/organisation/" + label), URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
             Literal(label)))
        return dataset

    first, quads, graphs = load_generation_remote(store, one_graph("first"), base_iri=BASE)
    assert graphs == 3 and quads > 1
    assert store.refresh() is None  # loaded, not switched: nothing to see yet
    switch_generation_remote(store, first)
    second, _, _ = load_generation_remote(store, one_graph("second"), base_iri=BASE)
    assert store.refresh().name == first  # the second is loaded, readers still see the first
    assert BASE + "graph/first" in store.graphs() and BASE + "graph/second" not in store.graphs()
    server = _remote(virtuoso, "urn:hin:catalogue:test-switch")  # a running `hin serve`
    assert server.generation().name == first
    switch_generation_remote(store, second)
    assert store.generation().name == second and BASE + "graph/second" in store.graphs()
    assert server.generation().name == first  # keeps its generation until it restarts or refreshes
    assert server.refresh().name == second and server.version()[0] == second
    server.close()
    assert store.select("SELECT ?l WHERE { ?s ?p ?l }", {"s": URIRef(BASE + "id/organisation/second")})
    assert not store.select("SELECT ?l WHERE { ?s ?p ?l }", {"s": URIRef(BASE + "id/organisation/first")})
    third, _, _ = load_generation_remote(store, one_graph("third"), base_iri=BASE)
    switch_generation_remote(store, third)
    assert prune_generations_remote(store, keep=2) == [first]
    leftover = store.execute(f"ASK {{ GRAPH <urn:hin:generation:{first}:{BASE}graph/first> {{ ?s ?p ?o }} }}",
                             generation=None)
    assert not bool(leftover)
    assert store.refresh().name == third
    store.close()


def test_a_load_refused_by_the_server_leaves_the_current_generation(virtuoso, remote):
    before = read_current_generation(remote)
    wrong = RemoteStore(virtuoso.query_url, update_url=virtuoso.update_url,
                        graph_store_url=virtuoso.graph_store_url, user="dba", password="wrong", retries=0)
    with pytest.raises(PermissionError, match="HIN_STORE_USER"):
        load_generation_remote(wrong, _sample(), base_iri=BASE)
    assert read_current_generation(remote) == before
    wrong.close()


@pytest.fixture(scope="module")
def flaky(live_server: Callable[[FastAPI], str], virtuoso) -> tuple[str, list[int], list[int]]:
    """A real HTTP front of Virtuoso's /sparql that answers 503 to every request whose number
    (from 1) is in ``failures``, and passes the others on.  Returns its URL, ``failures`` and the
    list with one entry per request seen."""
    app = FastAPI()
    seen: list[int] = []
    failures: list[int] = []

    @app.post("/sparql")
    async def forward(request: Request) -> Response:
        seen.append(1)
        if len(seen) in failures:
            return Response("busy", status_code=503)
        async with httpx.AsyncClient() as client:
            answer = await client.post(virtuoso.query_url, content=await request.body(),
                                       headers={"Content-Type": request.headers["content-type"],
                                                "Accept": request.headers.get("accept", "*/*")})
        return Response(answer.content, status_code=answer.status_code,
                        media_type=answer.headers.get("content-type"))

    return live_server(app) + "/sparql", failures, seen


def test_transient_errors_are_retried_with_backoff(flaky):
    url, failures, seen = flaky
    with RemoteStore(url, retries=2, backoff=0.01, catalogue="urn:hin:catalogue:none") as store:
        store.refresh()  # the catalogue query (empty catalogue: one request), then count
        failures[:] = [len(seen) + 1, len(seen) + 2]
        start = len(seen)
        assert store.select("SELECT (1 AS ?one) WHERE {}")[0]["one"].toPython() == 1
        assert len(seen) - start == 3
    with RemoteStore(url, retries=1, backoff=0.01, catalogue="urn:hin:catalogue:none") as store:
        store.refresh()
        failures[:] = [len(seen) + 1, len(seen) + 2]
        with pytest.raises(OSError, match="503"):
            store.select("SELECT (1 AS ?one) WHERE {}")


def test_generation_rewrites_graph_names_but_not_strings_or_other_iris():
    generation = Generation("g1", "urn:u", {DOC_A: "urn:hin:generation:g1:" + DOC_A})
    query = (f'PREFIX g: <{BASE}graph/>\nSELECT * WHERE {{ GRAPH <{DOC_A}> {{ ?s ?p "<{DOC_A}>" }} '
             f'GRAPH g:doc-a {{ ?s ?p <{DOC_A}#sentence-1> }} }} # <{DOC_A}>')
    rewritten = generation.rewrite(query)
    assert rewritten.count("urn:hin:generation:g1:") == 2
    assert f'"<{DOC_A}>"' in rewritten and f"<{DOC_A}#sentence-1>" in rewritten
    assert rewritten.endswith(f"# <{DOC_A}>")
