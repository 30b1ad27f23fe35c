"""Without update_token the server is read-only, and it gives nothing away: no update, no write, no fetching of
IRIs named in a query, no path traversal, no tracebacks or internal paths, security headers on
every answer (docs/security.md).  Everything goes over real HTTP to uvicorn on loopback."""
from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.routing import APIRoute
from starlette.routing import Route

from graph_api.security import DOCS_POLICY, PAGE_POLICY

REPO = Path(__file__).resolve().parent.parent
#: A triple only the counting server below serves: if it appears in an answer, HIN fetched it.
BAIT = "<http://bait.example/s> <http://bait.example/p> \"fetched from the network\" .\n"
SECURITY = {"x-content-type-options": "nosniff", "x-frame-options": "DENY",
            "referrer-policy": "strict-origin-when-cross-origin"}


class CountingServer:
    """A plain HTTP server on loopback that serves BAIT as Turtle and counts every request."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                outer.requests.append(f"{self.command} {self.path}")
                body = BAIT.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/turtle")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args) -> None:  # keep the test output clean
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def bait_server() -> Iterator[CountingServer]:
    server = CountingServer()
    yield server
    server.close()


def raw_get(base: str, path: str) -> tuple[int, dict[str, str], str]:
    """GET ``path`` exactly as written (http.client sends it unnormalised, dots and all)."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept": "*/*"})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def assert_no_internals(text: str) -> None:
    assert "Traceback" not in text and 'File "' not in text
    assert str(REPO) not in text and ".venv" not in text and "site-packages" not in text


# --- updates and writes ---------------------------------------------------------------------

@pytest.mark.parametrize("request_kwargs", [
    {"method": "GET", "params": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
    {"method": "POST", "data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
    {"method": "POST", "content": "DELETE WHERE { ?s ?p ?o }",
     "headers": {"Content-Type": "application/sparql-update"}},
    {"method": "GET", "params": {"query": "CLEAR ALL"}},
    {"method": "POST", "content": "DROP GRAPH <https://w3id.org/hin/graph/doc-a>",
     "headers": {"Content-Type": "application/sparql-query"}},
], ids=["update-param", "update-form", "update-body", "clear-as-query", "drop-as-body"])
def test_sparql_update_is_refused_and_changes_nothing(sample_server, request_kwargs):
    ask = {"query": "ASK { GRAPH <https://w3id.org/hin/graph/doc-a> { ?s ?p ?o } }"}
    assert httpx.get(sample_server + "/sparql", params=ask).json()["boolean"] is True
    response = httpx.request(url=sample_server + "/sparql", **request_kwargs)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "update-refused"
    assert httpx.get(sample_server + "/sparql", params=ask).json()["boolean"] is True
    count = {"query": "ASK { <urn:a> <urn:b> <urn:c> }"}
    assert httpx.get(sample_server + "/sparql", params=count).json()["boolean"] is False


def _example_path(path: str) -> str:
    return path.replace("{", "").replace("}", "")  # /id/{kind}/{name} -> /id/kind/name


def walk_routes(routes) -> Iterator[Route]:
    """Every endpoint route, also inside included routers (FastAPI >= 0.16x nests them; the paths
    are checked against the live server below, so a prefix missed here would fail the test)."""
    for route in routes:
        if isinstance(route, (APIRoute, Route)):
            yield route
        else:
            inner = getattr(route, "routes", None) or getattr(getattr(route, "original_router", None), "routes", None)
            assert inner is not None, f"unknown kind of route {route!r}"
            yield from walk_routes(inner)


#: The routes that take a writing method: the Graph Store Protocol's writes (graph_api.sparql_update).
WRITE_ROUTES = {("/rdf-graphs", "PUT"), ("/rdf-graphs", "POST"), ("/rdf-graphs", "DELETE")}


def test_no_route_writes_without_the_update_token(sample_settings, sample_store, live_server):
    from graph_api.app import create_app

    assert sample_settings.update_token is None  # the default: updates off
    app = create_app(sample_settings, store=sample_store)
    routes = list(walk_routes(app.routes))
    assert {"/sparql", "/", "/id/{kind}/{name}", "/rdf-graphs"} <= {route.path for route in routes}
    for route in routes:
        methods = set(route.methods or ())
        assert methods <= {"GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"}, route.path
        if "POST" in methods:
            assert route.path in ("/sparql", "/rdf-graphs"), f"{route.path} takes POST"
    # /sparql names PUT, PATCH and DELETE to answer them 405; the Graph Store writes are refused
    # with update-refused, the credential or not: nothing writes.
    base = live_server(app)
    for route in routes:
        for method in ("PUT", "PATCH", "DELETE") + (() if route.path == "/sparql" else ("POST",)):
            for headers in ({}, {"Authorization": "Bearer anything", "Content-Type": "text/turtle"}):
                response = httpx.request(method, base + _example_path(route.path), params={
                    "graph": "https://w3id.org/hin/graph/doc-a"}, content=b"<urn:a> <urn:b> <urn:c> .",
                                         headers=headers)
                expected = (403, "update-refused") if (route.path, method) in WRITE_ROUTES else \
                    (405, "method-not-allowed")
                assert (response.status_code, response.json()["error"]["code"]) == expected, (method, route.path)
    assert httpx.get(base + "/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"}).json()["boolean"] is False


# --- IRIs in a query are never fetched -----------------------------------------------------

def test_from_and_from_named_do_not_fetch_from_the_network(sample_server, bait_server):
    target = bait_server.url + "/data.ttl"
    queries = [
        f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{target}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} FROM <{target}> WHERE {{ ?s ?p ?o }}",
        f"DESCRIBE <{target}>",
        f"ASK FROM <{target}> {{ ?s ?p ?o }}",
    ]
    for query in queries:
        response = httpx.get(sample_server + "/sparql", params={"query": query})
        assert response.status_code == 200, response.text
        assert "bait.example" not in response.text and "fetched" not in response.text
    for name in ("default-graph-uri", "named-graph-uri"):
        response = httpx.get(sample_server + "/sparql", params={
            "query": "SELECT * WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }", name: target})
        assert response.status_code == 200 and "bait.example" not in response.text
    response = httpx.get(sample_server + "/sparql", params={"query": f"LOAD <{target}>"})
    assert response.status_code == 403
    response = httpx.get(sample_server + "/sparql",
                         params={"query": f"SELECT * WHERE {{ SERVICE <{bait_server.url}/sparql> {{ ?s ?p ?o }} }}"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "service-not-allowed"
    assert bait_server.requests == []


def test_from_a_file_iri_does_not_read_the_file(sample_server, tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:secret> <urn:is> \"the file was read\" .\n", encoding="utf-8")
    for iri in (secret.as_uri(), "file:///etc/passwd"):
        for query in (f"SELECT * FROM <{iri}> WHERE {{ ?s ?p ?o }}",
                      f"SELECT * FROM NAMED <{iri}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"):
            response = httpx.get(sample_server + "/sparql", params={"query": query})
            assert response.status_code == 200
            assert response.json()["results"]["bindings"] == []
            assert "the file was read" not in response.text and "root:" not in response.text


# --- paths ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [
    "/id/../../etc/passwd", "/id/%2e%2e/%2e%2e/etc/passwd", "/id/organisation/..%2f..%2f..%2fetc%2fpasswd",
    "/dumps/..%2f..%2fetc%2fpasswd", "/dumps/../../etc/passwd", "/dumps/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/ontology/..", "/ontology/..%2f..%2fpyproject.toml", "/ontology.%2e%2e", "/graph/..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd", "/../../../../etc/passwd", "/network/..%2f..%2fetc%2fpasswd",
    "/docs/../../pyproject.toml", "/static/../../../etc/passwd", "/rdf-graphs?graph=file:///etc/passwd",
    "/rdf-graphs?graph=..%2f..%2fetc%2fpasswd",
])
def test_path_traversal_finds_nothing(sample_server, path):
    status, headers, body = raw_get(sample_server, path)
    assert status in (400, 404), (path, status, body[:200])
    assert "root:" not in body and "[build-system]" not in body
    assert_no_internals(body)
    assert headers["x-content-type-options"] == "nosniff"


# --- errors say nothing of the inside --------------------------------------------------------

def test_an_internal_error_is_the_generic_body_without_traceback_or_paths(sample_settings, sample_store,
                                                                           live_server, caplog):
    from graph_api.app import create_app

    app = create_app(sample_settings, store=sample_store)

    def boom() -> dict:
        raise RuntimeError(f"secret detail in {__file__}")

    app.add_api_route("/boom", boom, methods=["GET"])
    base = live_server(app)
    with caplog.at_level("ERROR"):
        response = httpx.get(base + "/boom")
    assert response.status_code == 500
    assert response.json() == {"error": {"code": "internal-error", "status": 500, "message":
                                         "internal server error; the server log has the details"}}
    assert "secret" not in response.text
    assert_no_internals(response.text)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert any("secret detail" in str(record.exc_info) for record in caplog.records)  # logged, not sent


@pytest.mark.parametrize("path, params", [
    ("/sparql", {"query": "SELECT * WHERE { ?s ?p"}),
    ("/sparql", {"query": "SELECT * WHERE { ?s ?p ?o }", "format": "nonsense"}),
    ("/sparql", {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": "../../etc/passwd"}),
    ("/network/nonsense", {}),
    ("/network/collaboration/centrality", {"metric": "../../etc/passwd"}),
    ("/dumps/hin.exe", {}),
])
def test_error_messages_name_no_internal_paths(sample_server, path, params):
    response = httpx.get(sample_server + path, params=params)
    assert 400 <= response.status_code < 500
    assert set(response.json()) == {"error"}
    assert_no_internals(response.text)


# --- headers --------------------------------------------------------------------------------

@pytest.mark.parametrize("path, accept, kind", [
    ("/", None, "application/json"),
    ("/graph/doc-a.ttl", None, "text/turtle"),
    ("/graph/doc-a.html", None, "text/html"),
    ("/graph/doc-a", "text/html", "text/html"),
    ("/id/organisation/no-such-thing.html", "text/html", "text/html"),
    ("/sparql?query=CONSTRUCT+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D", "application/n-triples", "application/n-triples"),
    ("/sparql?query=SELECT+*+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D", "text/csv", "text/csv"),
    ("/no/such/route", None, "application/json"),
    ("/docs", None, "text/html"),
])
def test_security_headers_on_every_kind_of_answer(sample_server, path, accept, kind):
    response = httpx.get(sample_server + path, headers={"Accept": accept} if accept else {})
    assert response.headers["content-type"].startswith(kind)
    for name, value in SECURITY.items():
        assert response.headers[name] == value, (path, name)
    policy = response.headers.get("content-security-policy")
    if kind == "text/html":
        assert policy == (DOCS_POLICY if path == "/docs" else PAGE_POLICY)
        assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy
    else:
        assert policy is None


def test_html_pages_need_nothing_their_policy_forbids(sample_server):
    """HIN's pages load no script and no outside style (so the strict policy breaks nothing)."""
    page = httpx.get(sample_server + "/graph/doc-a.html").text
    assert "<script" not in page.lower()
    assert '<link rel="stylesheet"' not in page.lower()
    assert "<style>" in page  # the inline sheet that 'unsafe-inline' style-src allows
