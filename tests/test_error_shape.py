"""Every error the server sends has the one JSON shape of graph_api.errors, whatever raised it."""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI, HTTPException

from graph_api.app import create_app
from graph_api.errors import ERROR_CODES, ApiError
from graph_api.oxigraph_store import OxigraphStore

pytestmark = pytest.mark.e2e

# Error codes walked elsewhere: query-timeout needs the worker processes of an on-disk store
# (tests/test_query_limits.py walks it through a real server).
# The update codes need an on-disk store with update_token set (tests/test_sparql_update.py walks them).
NOT_RAISED_YET = {"query-timeout", "credential-required", "credential-refused", "update-rejected",
                  "update-violates-shapes", "store-busy"}

Send = Callable[[httpx.Client], httpx.Response]
SPARQL_QUERY = {"Content-Type": "application/sparql-query"}

#: (what it shows, how to send it, the code expected) for every error path of the app over sample data.
ERROR_PATHS: list[tuple[str, Send, str]] = [
    ("malformed query by GET", lambda c: c.get("/sparql", params={"query": "SELECT ?x WHERE {"}), "malformed-query"),
    ("malformed query by form POST", lambda c: c.post("/sparql", data={"query": "ASK {"}), "malformed-query"),
    ("malformed query by direct POST", lambda c: c.post("/sparql", content=b"ASK {", headers=SPARQL_QUERY),
     "malformed-query"),
    ("no query form at all", lambda c: c.get("/sparql", params={"query": "hello"}), "malformed-query"),
    ("GET with an empty query", lambda c: c.get("/sparql", params={"query": ""}), "missing-query"),
    ("form POST without query", lambda c: c.post("/sparql", data={"named-graph-uri": "https://x.org/g"}),
     "missing-query"),
    ("empty direct POST", lambda c: c.post("/sparql", content=b"  ", headers=SPARQL_QUERY), "missing-query"),
    ("two queries", lambda c: c.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")]), "bad-request"),
    ("query in URL and body", lambda c: c.post("/sparql", params={"query": "ASK {}"}, content=b"ASK {}",
                                               headers=SPARQL_QUERY), "bad-request"),
    ("graph that is not an IRI", lambda c: c.get("/sparql", params={"query": "ASK {}",
                                                                    "default-graph-uri": "doc a"}), "bad-request"),
    ("unknown format=", lambda c: c.get("/sparql", params={"query": "ASK {}", "format": "html"}), "bad-request"),
    ("body not in its charset", lambda c: c.post("/sparql", content="ASK { ?s ?p 'é' }".encode("latin-1"),
                                                 headers=SPARQL_QUERY), "bad-request"),
    ("unknown charset", lambda c: c.post("/sparql", content=b"ASK {}",
                                         headers={"Content-Type": "application/sparql-query; charset=klingon"}),
     "bad-request"),
    ("update= by GET", lambda c: c.get("/sparql", params={"update": "CLEAR ALL"}), "update-refused"),
    ("SERVICE not on the allow-list", lambda c: c.get("/sparql", params={
        "query": "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"}), "service-not-allowed"),
    ("update as a query", lambda c: c.get("/sparql", params={"query": "INSERT DATA { <a:b> <a:c> <a:d> }"}),
     "update-refused"),
    ("sparql-update body", lambda c: c.post("/sparql", content=b"CLEAR ALL",
                                            headers={"Content-Type": "application/sparql-update"}),
     "update-refused"),
    ("unknown route", lambda c: c.get("/no/such/route"), "not-found"),
    ("PUT on /sparql", lambda c: c.put("/sparql", content=b"x"), "method-not-allowed"),
    ("DELETE on /", lambda c: c.delete("/"), "method-not-allowed"),
    ("SELECT as Turtle", lambda c: c.get("/sparql", params={"query": "SELECT * {}"},
                                         headers={"Accept": "text/turtle"}), "not-acceptable"),
    ("CONSTRUCT as CSV", lambda c: c.get("/sparql", params={"query": "CONSTRUCT WHERE {}", "format": "csv"}),
     "not-acceptable"),
    ("text/plain body", lambda c: c.post("/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"}),
     "unsupported-media-type"),
    ("multipart body", lambda c: c.post("/sparql", files={"query": b"ASK {}"}), "unsupported-media-type"),
    ("answer over max_result_rows", lambda c: c.get("/sparql", params={
        "query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"}), "too-many-results"),
    ("body over max_request_bytes", lambda c: c.post("/sparql", content=b"#" * 1_000_001 + b"\nASK {}",
                                                     headers=SPARQL_QUERY), "request-too-large"),
    ("no Content-Type", lambda c: c.post("/sparql", content=b"ASK {}", headers={"Content-Type": ""}),
     "unsupported-media-type"),
]


def assert_error_shape(response: httpx.Response, code: str) -> dict:
    """The one error body: ``{"error": {"code", "message", "status"}}``, status matching HTTP's."""
    assert response.headers["content-type"] == "application/json", response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    error = body["error"]
    assert error["code"] == code, error
    assert error["status"] == response.status_code == ERROR_CODES[code][0]
    assert isinstance(error["message"], str) and error["message"].strip()
    assert "Traceback" not in error["message"]
    return error


@pytest.fixture(scope="module")
def client(sample_server: str):
    with httpx.Client(base_url=sample_server) as client:
        yield client


@pytest.mark.parametrize("what, send, code", ERROR_PATHS, ids=[p[0] for p in ERROR_PATHS])
def test_error_path_has_the_one_body(client, what, send, code):
    assert_error_shape(send(client), code)


def test_405_names_the_allowed_methods(client):
    assert set(client.put("/sparql").headers["allow"].replace(" ", "").split(",")) == {"GET", "POST"}


@pytest.fixture(scope="module")
def instrumented_server(live_server, sample_settings) -> str:
    """The app over a closed store (every query is a server-side failure), with test routes that
    raise what route code might raise."""
    store = OxigraphStore.in_memory()
    store.close()
    app: FastAPI = create_app(sample_settings, store=store)

    def crash() -> None:
        raise RuntimeError("secret internal detail")

    def typed(count: int) -> dict:
        return {"count": count}

    def http_error() -> None:
        raise HTTPException(404, detail="no network view 'brokers'")

    def api_error() -> None:
        raise ApiError("not-found", "no query 'x' in the catalogue")

    for path, endpoint in [("/test/crash", crash), ("/test/typed", typed), ("/test/http-error", http_error),
                           ("/test/api-error", api_error)]:
        app.add_api_route(path, endpoint, methods=["GET"])
    return live_server(app)


def test_server_bug_is_500_without_details_and_logged(instrumented_server, caplog):
    with caplog.at_level(logging.ERROR, logger="graph_api.app"):
        response = httpx.get(instrumented_server + "/test/crash")
    error = assert_error_shape(response, "internal-error")
    assert "secret" not in error["message"] and "RuntimeError" not in error["message"]
    logged = [r for r in caplog.records if r.name == "graph_api.app"]
    assert logged and logged[-1].exc_info[0] is RuntimeError and "/test/crash" in logged[-1].getMessage()


def test_store_failure_is_500_not_400(instrumented_server):
    response = httpx.get(instrumented_server + "/sparql", params={"query": "ASK {}"})
    error = assert_error_shape(response, "internal-error")
    assert "closed" not in error["message"]


def test_request_validation_is_bad_request(instrumented_server):
    error = assert_error_shape(httpx.get(instrumented_server + "/test/typed", params={"count": "many"}),
                               "bad-request")
    assert "count" in error["message"]


@pytest.mark.parametrize("path, message", [("/test/http-error", "no network view 'brokers'"),
                                           ("/test/api-error", "no query 'x' in the catalogue")])
def test_route_errors_keep_their_message(instrumented_server, path, message):
    assert assert_error_shape(httpx.get(instrumented_server + path), "not-found")["message"] == message


def test_every_error_code_is_walked():
    walked = {code for _, _, code in ERROR_PATHS} | {"internal-error"}
    assert walked == set(ERROR_CODES) - NOT_RAISED_YET


def test_every_error_code_is_documented():
    docs = (Path(__file__).resolve().parent.parent / "docs" / "http-api.md").read_text(encoding="utf-8")
    for code, (status, _) in ERROR_CODES.items():
        assert f"| `{code}` | {status} |" in docs, f"docs/http-api.md lacks a row for {code}"
