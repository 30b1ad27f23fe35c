"""SPARQL Update and Graph Store writes, enabled with a credential (graph_api.sparql_update).

Every test goes over real HTTP to uvicorn on loopback, serving an on-disk store built as ``hin
build`` writes it, with query worker processes; the clients are httpx and SPARQLWrapper.  Each test
writes its own graphs, so the order of the tests does not matter.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import Unauthorized

from graph_api import store_update
from graph_api.build import build_lock, load_generation, switch_generation
from graph_api.oxigraph_store import GENERATIONS_DIR, POINTER_FILE
from graph_api.settings import Settings
from ingest.iris import DEFAULT_BASE
from tests.test_error_shape import assert_error_shape
from tests.test_read_only import bait_server  # noqa: F401  (a fixture)

TOKEN = "correct-horse-battery-staple-7f3a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
G = "https://w3id.org/hin/graph/"
UPDATES = G + "updates"
MOVED = 40  #: triples the atomicity test moves between two graphs


def make_store(folder: Path) -> Path:
    """A built store: graphs doc-a and doc-b of a few plain triples, and doc-left/doc-right of
    MOVED triples (all in doc-left), loaded as ``hin build`` loads them (reference graphs included)."""
    lines = [f"<{G}doc-{name}> {{ " + " ".join(
        f'<https://w3id.org/hin/id/thing/{name}-{i}> <https://example.org/p> "{name} {i}" .'
        for i in range(size)) + " }" for name, size in (("a", 3), ("b", 3), ("left", MOVED))]
    dataset = Dataset()
    dataset.parse(data="\n".join(lines), format="trig")
    name, _, _ = load_generation(dataset, folder, base_iri=DEFAULT_BASE)
    switch_generation(folder, name)
    return folder


def generation(folder: Path) -> str:
    return (folder / POINTER_FILE).read_text(encoding="utf-8").strip()


@pytest.fixture(scope="module")
def served(live_server, tmp_path_factory):
    """(base URL, store folder, app) of a server with updates on and two query workers."""
    from graph_api.app import create_app

    folder = make_store(tmp_path_factory.mktemp("update-store"))
    app = create_app(Settings(store=folder, update_token=TOKEN, query_workers=2, query_timeout=60))
    return live_server(app), folder, app


def ask(base: str, query: str) -> bool:
    response = httpx.get(base + "/sparql", params={"query": query}, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()["boolean"]


def update(base: str, text: str, headers: dict | None = AUTH) -> httpx.Response:
    return httpx.post(base + "/sparql", data={"update": text}, headers=headers, timeout=60)


# --- off unless enabled, and only with the credential -----------------------------------------

def test_updates_are_off_without_a_token_and_say_how_to_turn_them_on(live_server, tmp_path):
    from graph_api.app import create_app

    folder = make_store(tmp_path / "store")
    base = live_server(create_app(Settings(store=folder, query_workers=0)))
    before = generation(folder)
    for response in (update(base, f"INSERT DATA {{ GRAPH <{G}x> {{ <urn:a> <urn:b> <urn:c> }} }}"),
                     httpx.put(base + "/rdf-graphs", params={"graph": G + "x"}, headers={
                         **AUTH, "Content-Type": "text/turtle"}, content=b"<urn:a> <urn:b> <urn:c> ."),
                     httpx.delete(base + "/rdf-graphs", params={"graph": G + "doc-a"}, headers=AUTH)):
        error = assert_error_shape(response, "update-refused")
        assert "HIN_UPDATE_TOKEN" in error["message"] and "Authorization: Bearer" in error["message"]
        assert "www-authenticate" not in response.headers
    assert generation(folder) == before


@pytest.mark.parametrize("headers, code", [
    ({}, "credential-required"),
    ({"Authorization": f"Basic {TOKEN}"}, "credential-required"),
    ({"Authorization": "Bearer not-the-token"}, "credential-refused"),
    ({"Authorization": f"Bearer {TOKEN}x"}, "credential-refused"),
], ids=["none", "basic", "wrong", "longer"])
def test_a_missing_or_wrong_credential_changes_nothing(served, headers, code):
    base, folder, _ = served
    before = generation(folder)
    text = f"INSERT DATA {{ GRAPH <{G}intruder> {{ <urn:a> <urn:b> <urn:c> }} }}"
    for response in (update(base, text, headers),
                     httpx.post(base + "/sparql", content=text, headers={
                         **headers, "Content-Type": "application/sparql-update"}),
                     httpx.delete(base + "/rdf-graphs", params={"graph": G + "doc-a"}, headers=headers)):
        assert_error_shape(response, code)
        assert response.headers["www-authenticate"].startswith('Bearer realm="hin"')
        assert ("invalid_token" in response.headers["www-authenticate"]) == (code == "credential-refused")
    assert generation(folder) == before
    assert not ask(base, f"ASK {{ GRAPH <{G}intruder> {{ ?s ?p ?o }} }}")


def test_an_update_sent_as_a_query_or_by_get_is_still_refused(served):
    base, folder, _ = served
    before = generation(folder)
    for response in (httpx.get(base + "/sparql", params={"query": "CLEAR ALL"}, headers=AUTH),
                     httpx.get(base + "/sparql", params={"update": "CLEAR ALL"}, headers=AUTH)):
        assert_error_shape(response, "update-refused")
    assert generation(folder) == before


# --- an update, end to end ------------------------------------------------------------------------

def test_form_update_is_applied_recorded_and_served_by_the_workers(served):
    base, folder, app = served
    ask(base, "ASK { ?s ?p ?o }")  # the query workers are running, on the old generation
    workers = app.state.query_runner.worker_pids()
    etag = httpx.get(base + "/rdf-graphs", params={"graph": G + "doc-a"}).headers["etag"]
    before = generation(folder)
    text = f'INSERT DATA {{ GRAPH <{G}curated> {{ <https://w3id.org/hin/id/thing/new> <https://example.org/p> "new" }} }}'
    response = update(base, text)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["changed_graphs"] == [G + "curated"]
    assert report["generation"] == generation(folder) != before
    assert report["activity"].startswith("https://w3id.org/hin/id/update/")
    # The idle workers were replaced by workers on the new generation; they and the union default
    # graph see the new triple.
    assert set(app.state.query_runner.worker_pids()).isdisjoint(workers)
    assert ask(base, f"ASK {{ GRAPH <{G}curated> {{ ?s ?p \"new\" }} }}")
    assert ask(base, 'ASK { <https://w3id.org/hin/id/thing/new> ?p "new" }')
    assert httpx.get(base + "/rdf-graphs", params={"graph": G + "doc-a"}).headers["etag"] != etag
    # The record: a prov:Activity with the update's text and the graph it made.
    assert ask(base, f"""PREFIX prov: <http://www.w3.org/ns/prov#>
        ASK {{ GRAPH <{UPDATES}> {{ <{report['activity']}> a prov:Activity ; prov:generated <{G}curated> ;
               <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> {_literal(text)} ;
               prov:wasAssociatedWith ?software ; prov:endedAtTime ?t }} }}""")


def _literal(text: str) -> str:
    return '"""' + text.replace("\\", "\\\\").replace('"', '\\"') + '"""'


def test_sparqlwrapper_posts_an_update_with_the_credential(served):
    base, folder, _ = served
    client = SPARQLWrapper(base + "/sparql")
    client.setMethod(POST)
    client.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    client.setQuery(f'INSERT DATA {{ GRAPH <{G}wrapper> {{ <urn:w:s> <urn:w:p> "by SPARQLWrapper" }} }}')
    assert client.isSparqlUpdateRequest()
    assert client.query().response.status == 200
    reader = SPARQLWrapper(base + "/sparql")
    reader.setReturnFormat(JSON)
    reader.setQuery(f"SELECT ?o WHERE {{ GRAPH <{G}wrapper> {{ ?s ?p ?o }} }}")
    assert [row["o"]["value"] for row in reader.queryAndConvert()["results"]["bindings"]] == ["by SPARQLWrapper"]

    intruder = SPARQLWrapper(base + "/sparql")
    intruder.setMethod(POST)
    intruder.setQuery(f"DROP GRAPH <{G}wrapper>")
    with pytest.raises(Unauthorized):
        intruder.query()
    assert ask(base, f"ASK {{ GRAPH <{G}wrapper> {{ ?s ?p ?o }} }}")


def test_readers_see_the_old_or_the_new_generation_never_a_mix(served):
    """MOVED triples go back and forth between two graphs, one update each way, while readers count
    both graphs in one query: every answer is all-left or all-right."""
    base, _, _ = served
    count = (f"SELECT (COUNT(?l) AS ?left) (COUNT(?r) AS ?right) WHERE {{ "
             f"{{ GRAPH <{G}doc-left> {{ ?l ?p ?o }} }} UNION {{ GRAPH <{G}doc-right> {{ ?r ?q ?v }} }} }}")
    seen, stop = [], threading.Event()

    def read() -> None:
        with httpx.Client(timeout=60) as client:
            while not stop.is_set():
                row = client.get(base + "/sparql", params={"query": count}).json()["results"]["bindings"][0]
                seen.append((int(row["left"]["value"]), int(row["right"]["value"])))

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        for source, target in [("left", "right"), ("right", "left")] * 2:
            response = httpx.post(base + "/sparql", headers={**AUTH, "Content-Type": "application/sparql-update"},
                                  content=f"DELETE {{ GRAPH <{G}doc-{source}> {{ ?s ?p ?o }} }} "
                                          f"INSERT {{ GRAPH <{G}doc-{target}> {{ ?s ?p ?o }} }} "
                                          f"WHERE {{ GRAPH <{G}doc-{source}> {{ ?s ?p ?o }} }}", timeout=60)
            assert response.status_code == 200, response.text
            assert response.json()["changed_graphs"] == sorted([G + "doc-left", G + "doc-right"])
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert seen and set(seen) <= {(MOVED, 0), (0, MOVED)}, set(seen)
    assert ask(base, f"ASK {{ GRAPH <{G}doc-left> {{ ?s ?p ?o }} FILTER NOT EXISTS {{ GRAPH <{G}doc-right> {{ ?a ?b ?c }} }} }}")


def test_an_update_that_changes_nothing_makes_no_generation(served):
    base, folder, _ = served
    before = generation(folder)
    response = update(base, f"DELETE DATA {{ GRAPH <{G}doc-a> {{ <urn:no> <urn:such> <urn:triple> }} }}")
    assert response.status_code == 200
    assert response.json() == {"generation": before, "changed_graphs": [], "activity": None}
    assert generation(folder) == before


# --- refused updates leave the store as it was ----------------------------------------------------

@pytest.mark.parametrize("text, code, says", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "update-rejected", "default graph"),
    ("DELETE WHERE { ?s <https://example.org/p> ?o }", "update-rejected", "default graph"),
    ("CLEAR DEFAULT", "update-rejected", "DROP GRAPH <graph>"),
    ("CLEAR ALL", "update-rejected", "keeps itself"),
    (f"INSERT DATA {{ GRAPH <{G}ontology> {{ <urn:a> <urn:b> <urn:c> }} }}", "update-rejected", "ontology"),
    (f"DELETE WHERE {{ GRAPH <{UPDATES}> {{ ?s ?p ?o }} }} ; "
     f"INSERT DATA {{ GRAPH <{G}doc-a> {{ <urn:a> <urn:b> <urn:c> }} }}", "update-rejected", "record of updates"),
    (f"INSERT DATA {{ GRAPH <{G}doc-a> {{ <https://w3id.org/hin/id/organisation/nameless> a "
     "<https://w3id.org/hin/ontology#Organisation> } }", "update-violates-shapes", "organisation/nameless"),
    (f"INSERT DATA {{ GRAPH <{G}doc-a> {{ <urn:a> <urn:b> ", "malformed-query", "1:"),
], ids=["default-insert", "default-delete", "clear-default", "clear-all", "ontology", "record", "shapes", "syntax"])
def test_a_refused_update_changes_nothing(served, text, code, says):
    base, folder, _ = served
    ask(base, "ASK {}")
    before, generations = generation(folder), sorted((folder / GENERATIONS_DIR).iterdir())
    error = assert_error_shape(update(base, text), code)
    assert says in error["message"], error["message"]
    assert generation(folder) == before and sorted((folder / GENERATIONS_DIR).iterdir()) == generations
    assert not ask(base, "ASK { <urn:a> <urn:b> <urn:c> }")
    assert ask(base, f"ASK {{ GRAPH <{G}doc-a> {{ <https://w3id.org/hin/id/thing/a-0> ?p ?o }} }}")


def test_shapes_report_names_what_to_do(served):
    base, _, _ = served
    error = assert_error_shape(update(base, f"INSERT DATA {{ GRAPH <{G}doc-b> {{ <https://w3id.org/hin/id/"
                                            "organisation/x> a <https://w3id.org/hin/ontology#Organisation> } }"),
                               "update-violates-shapes")
    assert "Invalid:" in error["message"] and "what to do:" in error["message"] and f"<{G}doc-b>" in error["message"]


def test_load_and_service_fetch_nothing(served, bait_server):  # noqa: F811
    base, folder, _ = served
    before = generation(folder)
    for text in (f"LOAD <{bait_server.url}/data.ttl>", f"LOAD SILENT <{bait_server.url}/x> INTO GRAPH <{G}x>",
                 f"INSERT DATA {{ GRAPH <{G}y> {{ <urn:a> <urn:b> 'LOAD' }} }} ;\n  load <{bait_server.url}/x>",
                 f"\\u004cOAD <{bait_server.url}/escaped>"):
        assert_error_shape(update(base, text), "update-refused")
    error = assert_error_shape(update(base, f"INSERT {{ GRAPH <{G}y> {{ ?s ?p ?o }} }} WHERE {{ "
                                            f"SERVICE <{bait_server.url}/sparql> {{ ?s ?p ?o }} }}"),
                               "service-not-allowed")
    assert bait_server.url in error["message"]
    assert bait_server.requests == []
    assert generation(folder) == before


def test_a_second_writer_waits_for_the_first_or_gets_store_busy(served, monkeypatch):
    base, folder, _ = served
    with build_lock(folder):  # a build holding the store
        monkeypatch.setattr(store_update, "LOCK_WAIT_SECONDS", 0.3)
        response = update(base, f"INSERT DATA {{ GRAPH <{G}busy> {{ <urn:a> <urn:b> 'busy' }} }}")
        assert_error_shape(response, "store-busy")
        assert response.headers["retry-after"] == "10"
        monkeypatch.setattr(store_update, "LOCK_WAIT_SECONDS", 30.0)
        result: list[httpx.Response] = []
        waiting = threading.Thread(target=lambda: result.append(update(
            base, f"INSERT DATA {{ GRAPH <{G}busy> {{ <urn:a> <urn:b> 'waited' }} }}")))
        started = time.monotonic()
        waiting.start()
        time.sleep(1.0)
        assert not result  # still waiting for the lock
    waiting.join(timeout=60)
    assert result[0].status_code == 200 and time.monotonic() - started >= 1.0
    assert ask(base, f"ASK {{ GRAPH <{G}busy> {{ <urn:a> <urn:b> 'waited' }} }}")


# --- Graph Store Protocol writes --------------------------------------------------------------------

def test_graph_store_put_post_delete(served):
    base, folder, _ = served
    url, graph = base + "/rdf-graphs", G + "gsp"
    turtle = {**AUTH, "Content-Type": "text/turtle"}
    response = httpx.put(url, params={"graph": graph}, headers=turtle, content=b'<urn:g:s> <urn:g:p> "one" .')
    assert response.status_code == 201, response.text
    assert httpx.put(url, params={"graph": graph}, headers=turtle,
                     content=b'<urn:g:s> <urn:g:p> "two" .').status_code == 204
    assert httpx.post(url, params={"graph": graph}, headers={**AUTH, "Content-Type": "application/n-triples"},
                      content=b'<urn:g:s> <urn:g:p> "three" .\n').status_code == 204
    got = httpx.get(url, params={"graph": graph}, headers={"Accept": "application/n-triples"}).text
    assert '"two"' in got and '"three"' in got and '"one"' not in got
    assert ask(base, f"ASK {{ GRAPH <{UPDATES}> {{ ?a <http://www.w3.org/ns/prov#generated> <{graph}> }} }}")
    before = generation(folder)
    for response, code in [
        (httpx.put(url, params={"graph": graph}, content=b"<urn:x> <urn:y> <urn:z> ."), "credential-required"),
        (httpx.put(url, params={"graph": graph}, headers=turtle, content=b"<urn:x> <urn:y"), "bad-request"),
        (httpx.put(url, params={"default": ""}, headers=turtle, content=b"<urn:x> <urn:y> <urn:z> ."),
         "update-rejected"),
        (httpx.put(url, params={"graph": graph}, headers={**AUTH, "Content-Type": "application/trig"},
                   content=b"{}"), "unsupported-media-type"),
        (httpx.put(url, params={"graph": G + "ontology"}, headers=turtle, content=b"<urn:x> <urn:y> <urn:z> ."),
         "update-rejected"),
    ]:
        assert_error_shape(response, code)
    assert generation(folder) == before
    assert httpx.delete(url, params={"graph": graph}, headers=AUTH).status_code == 204
    assert_error_shape(httpx.delete(url, params={"graph": graph}, headers=AUTH), "not-found")
    assert not ask(base, f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
