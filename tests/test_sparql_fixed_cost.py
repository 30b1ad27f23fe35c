"""The short ways through the SPARQL endpoint's fixed cost (docs/performance.md, "The fixed cost of
a query over HTTP") give the answers the long ways gave.

* graph_api.middleware's CORS and GZip send exactly what Starlette's CORSMiddleware and
  GZipMiddleware send, for short and long, whole and streamed answers, with and without ``Origin``
  and ``Accept-Encoding: gzip``;
* the security headers, the remembered endpoint URL and content negotiation are what they were;
* end to end, small and large answers come back whole and right in every format, gzip applies to
  large answers and not to small ones, CORS headers appear with ``Origin``, and ``HEAD /sparql`` is
  still refused.
"""
from __future__ import annotations

import asyncio
import gzip
import io
import pickle
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request

from graph_api import conneg
from graph_api.app import CORS_EXPOSED_HEADERS, create_app
from graph_api.middleware import CORS, GZip, add_vary
from graph_api.oxigraph_store import OxigraphStore
from graph_api.security import DOCS_PATHS, PAGE_POLICY, SecurityHeaders, security_headers
from graph_api.settings import Settings
from graph_api.sparql_endpoint import endpoint_url

# --- the middlewares against Starlette's --------------------------------------------------------


def _response_app(headers: list[tuple[bytes, bytes]], bodies: list[bytes], status: int = 200):
    """An ASGI app sending ``headers`` and then ``bodies`` (more_body on all but the last)."""
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": status, "headers": list(headers)})
        for index, body in enumerate(bodies):
            await send({"type": "http.response.body", "body": body, "more_body": index < len(bodies) - 1})
    return app


def _run(app, request_headers: list[tuple[bytes, bytes]], method: str = "GET") -> list[dict]:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append({**message, "headers": list(message["headers"])} if "headers" in message else dict(message))

    scope = {"type": "http", "method": method, "path": "/sparql", "headers": list(request_headers),
             "query_string": b"", "scheme": "http", "server": ("127.0.0.1", 80), "root_path": ""}
    asyncio.run(app(scope, receive, send))
    return sent


SMALL, LARGE = b"x" * 999, b"0123456789abcdef" * 4096
RESPONSES = {
    "small": ([(b"content-type", b"application/sparql-results+json"), (b"vary", b"Accept")], [SMALL]),
    "at the minimum": ([(b"content-type", b"text/csv; charset=utf-8")], [b"y" * 1000]),
    "large": ([(b"content-type", b"text/turtle; charset=utf-8"), (b"vary", b"Accept")], [LARGE]),
    "streamed": ([(b"content-type", b"text/tab-separated-values; charset=utf-8")], [b"a", LARGE, b"end"]),
    "streamed, small first piece then empty": ([(b"content-type", b"text/plain")], [b"tiny", b""]),
    "already encoded": ([(b"content-type", b"text/plain"), (b"content-encoding", b"br")], [LARGE]),
    "excluded type": ([(b"content-type", b"image/png")], [LARGE]),
    "two Vary headers": ([(b"vary", b"Accept"), (b"content-type", b"text/plain"), (b"vary", b"Cookie")],
                         [SMALL]),
    "no headers": ([], [SMALL]),
    "empty": ([(b"content-type", b"application/json")], [b""]),
}
REQUESTS = {
    "plain": [(b"host", b"example.org")],
    "gzip": [(b"host", b"example.org"), (b"accept-encoding", b"gzip, deflate")],
    "origin": [(b"origin", b"https://portal.example.org"), (b"accept-encoding", b"identity")],
    "origin and gzip": [(b"accept-encoding", b"gzip"), (b"origin", b"https://portal.example.org")],
}


@pytest.mark.parametrize("request_name", REQUESTS)
@pytest.mark.parametrize("response_name", RESPONSES)
def test_gzip_and_cors_send_what_starlettes_middlewares_send(response_name, request_name):
    headers, bodies = RESPONSES[response_name]
    cors = {"allow_origins": ["*"], "allow_methods": ["GET", "POST", "OPTIONS"], "allow_headers": ["*"],
            "expose_headers": CORS_EXPOSED_HEADERS, "max_age": 3600}

    def stack(cors_class, gzip_class):
        return cors_class(gzip_class(_response_app(headers, bodies), minimum_size=1000, compresslevel=1), **cors)

    ours = _run(stack(CORS, GZip), REQUESTS[request_name])
    theirs = _run(stack(CORSMiddleware, GZipMiddleware), REQUESTS[request_name])
    assert ours == theirs
    if response_name == "large" and "gzip" in request_name:
        start = dict(ours[0]["headers"])
        assert start[b"content-encoding"] == b"gzip"
        assert gzip.decompress(b"".join(m.get("body", b"") for m in ours[1:])) == LARGE
    if response_name == "small":
        assert b"content-encoding" not in dict(ours[0]["headers"]) and ours[1]["body"] == SMALL


@pytest.mark.parametrize("cors_options", [
    {"allow_origins": ["*"], "allow_methods": ["GET", "POST", "OPTIONS"], "allow_headers": ["*"]},
    {"allow_origins": ["https://portal.example.org"], "allow_credentials": True},
    {"allow_origins": ["*"], "allow_credentials": True, "expose_headers": ["ETag"]},
])
@pytest.mark.parametrize("request_headers", [
    [],
    [(b"origin", b"https://portal.example.org")],
    [(b"origin", b"https://elsewhere.example.org")],
])
def test_cors_matches_starlette_in_other_configurations(cors_options, request_headers):
    app = _response_app([(b"content-type", b"text/plain"), (b"vary", b"Accept")], [b"ok"])
    assert _run(CORS(app, **cors_options), request_headers) == \
        _run(CORSMiddleware(app, **cors_options), request_headers)


def test_a_preflight_is_starlettes():
    request_headers = [(b"origin", b"https://portal.example.org"), (b"access-control-request-method", b"POST"),
                       (b"access-control-request-headers", b"content-type")]
    app = _response_app([], [b"never"])
    options = {"allow_origins": ["*"], "allow_methods": ["GET", "POST", "OPTIONS"], "allow_headers": ["*"],
               "max_age": 3600}
    ours = _run(CORS(app, **options), request_headers, method="OPTIONS")
    assert ours == _run(CORSMiddleware(app, **options), request_headers, method="OPTIONS")
    assert ours[0]["status"] == 200


def test_add_vary_joins_as_mutable_headers_does():
    raw = [(b"vary", b"Accept"), (b"x", b"1"), (b"vary", b"Cookie")]
    add_vary(raw, b"Origin")
    assert raw == [(b"vary", b"Accept, Cookie, Origin"), (b"x", b"1")]
    raw = [(b"x", b"1")]
    add_vary(raw, b"Origin")
    assert raw == [(b"x", b"1"), (b"vary", b"Origin")]


@pytest.mark.parametrize("path", ["/sparql", *sorted(DOCS_PATHS)])
@pytest.mark.parametrize("content_type", [b"text/html; charset=utf-8", b"application/json", None, b"image/svg+xml"])
def test_security_headers_are_added_once_and_a_routes_own_stays(path, content_type):
    own = [(b"content-type", content_type)] if content_type else []
    own.append((b"x-frame-options", b"SAMEORIGIN"))
    sent = _run_path(SecurityHeaders(_response_app(own, [b"ok"])), path)
    headers = sent[0]["headers"]
    names = [name for name, _ in headers]
    assert len(names) == len(set(names))
    assert dict(headers)[b"x-frame-options"] == b"SAMEORIGIN"
    expected = security_headers(content_type.decode() if content_type else None, path)
    for name, value in expected.items():
        if name != "X-Frame-Options":
            assert dict(headers)[name.lower().encode()] == value.encode()
    if content_type == b"text/html; charset=utf-8" and path == "/sparql":
        assert dict(headers)[b"content-security-policy"] == PAGE_POLICY.encode()


def _run_path(app, path: str) -> list[dict]:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app({"type": "http", "method": "GET", "path": path, "headers": [], "query_string": b""},
                    receive, send))
    return sent


@pytest.mark.parametrize("scope", [
    {"scheme": "http", "server": ("127.0.0.1", 8000), "path": "/sparql", "headers": [(b"host", b"localhost:8000")]},
    {"scheme": "https", "server": ("127.0.0.1", 443), "path": "/hin/sparql", "headers": []},
    {"scheme": "http", "server": ("::1", 80), "path": "/sp?ar#ql", "headers": [(b"host", b"not a host!")]},
    {"scheme": "http", "server": None, "path": "/sparql", "headers": []},
    {"scheme": "http", "server": ("127.0.0.1", 80), "path": "/sparql", "headers": [(b"host", b"h" * 300)]},
])
def test_the_remembered_endpoint_url_is_starlettes(scope):
    scope = {"type": "http", "root_path": "", "query_string": b"query=ASK%7B%7D", **scope}
    for _ in range(2):  # made, then remembered
        assert endpoint_url(scope) == str(Request(scope).url.replace(query="", fragment=""))


@pytest.mark.parametrize("accept", [None, "", "text/csv", "text/*;q=0.5, application/json", "image/png, */*;q=0.1",
                                    "x" * (conneg.CACHED_REQUEST_CHARS + 1)])
def test_a_remembered_negotiation_is_the_same_choice(accept):
    for _ in range(2):
        assert conneg.negotiate("solutions", accept) == conneg._negotiate("solutions", accept, ())
    assert conneg.negotiate("graph", None, ["nt"]).name == "ntriples"
    with pytest.raises(conneg.ApiError):  # a refusal is not remembered as an answer
        conneg.negotiate("solutions", "image/png")
    with pytest.raises(conneg.ApiError):
        conneg.negotiate("solutions", "image/png")


# --- end to end ---------------------------------------------------------------------------------

ROWS = 3000  # labels in the store below: a large answer (hundreds of KiB) next to small ones


@pytest.fixture(scope="module")
def served(tmp_path_factory, live_server) -> tuple[str, ox.Store]:
    """A built-store-like folder served as `hin serve` does (worker processes, row limit)."""
    folder: Path = tmp_path_factory.mktemp("fixed-cost-store")
    store = ox.Store(str(folder))
    graph = ox.NamedNode("https://w3id.org/hin/graph/doc")
    store.extend(ox.Quad(ox.NamedNode(f"https://w3id.org/hin/id/actor/a{i}"),
                         ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                         ox.Literal(f"Actor \"{i}\"\nline\t{'é' * (i % 3)}", language="nl"), graph)
                 for i in range(ROWS))
    store.flush()
    del store
    app = create_app(Settings(store=folder, max_result_rows=ROWS))
    assert app.state.query_runner is not None  # worker processes
    return live_server(app), ox.Store.read_only(str(folder))


SMALL_SELECT = ("SELECT ?label WHERE { GRAPH ?g { <https://w3id.org/hin/id/actor/a7> "
                "<http://www.w3.org/2000/01/rdf-schema#label> ?label } }")
LARGE_SELECT = "SELECT ?s ?label WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
SMALL_CONSTRUCT = "CONSTRUCT { <https://w3id.org/hin/id/actor/a7> ?p ?o } WHERE { GRAPH ?g { <https://w3id.org/hin/id/actor/a7> ?p ?o } }"
LARGE_CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
RESULT_TYPES = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                "text/csv": ox.QueryResultsFormat.CSV,
                "text/tab-separated-values": ox.QueryResultsFormat.TSV}
GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
               "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD}


def _expected(store: ox.Store, query: str, media_type: str) -> bytes:
    result = store.query(query)
    if media_type in RESULT_TYPES:
        return result.serialize(format=RESULT_TYPES[media_type])
    output = io.BytesIO()
    ox.serialize(list(result), output, format=GRAPH_TYPES[media_type])
    return output.getvalue()


@pytest.mark.parametrize("media_type", [*RESULT_TYPES, *GRAPH_TYPES])
@pytest.mark.parametrize("size", ["small", "large"])
def test_small_and_large_answers_come_back_whole_in_every_format(served, media_type, size):
    base, store = served
    if media_type in RESULT_TYPES:
        query = SMALL_SELECT if size == "small" else LARGE_SELECT
    else:
        query = SMALL_CONSTRUCT if size == "small" else LARGE_CONSTRUCT
    with httpx.Client() as client:
        for encoding in ("identity", "gzip"):
            response = client.get(base + "/sparql", params={"query": query},
                                  headers={"Accept": media_type, "Accept-Encoding": encoding})
            assert response.status_code == 200, response.text
            assert response.headers["content-type"].split(";")[0] == media_type
            assert response.content == _expected(store, query, media_type)  # httpx undoes gzip
            compressed = response.headers.get("content-encoding") == "gzip"
            assert compressed == (size == "large" and encoding == "gzip"), (size, encoding)
            assert "Accept" in response.headers["vary"] and "Origin" in response.headers["vary"]
            assert response.headers["x-content-type-options"] == "nosniff"
            assert "access-control-allow-origin" not in response.headers


def test_cors_headers_come_with_an_origin(served):
    base, _ = served
    for query in (SMALL_SELECT, LARGE_SELECT):
        response = httpx.get(base + "/sparql", params={"query": query},
                             headers={"Origin": "https://portal.example.org", "Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == "*"
        assert "ETag" in response.headers["access-control-expose-headers"]
        assert response.headers["x-frame-options"] == "DENY"


def test_errors_keep_their_shape_and_headers_on_the_short_way(served):
    base, _ = served
    refused = httpx.get(base + "/sparql", params={"query": "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } "
                                                  "VALUES ?x { 1 2 }"})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "too-many-results"
    malformed = httpx.get(base + "/sparql", params={"query": "SELECT WHERE {"},
                          headers={"Origin": "https://portal.example.org"})
    assert malformed.status_code == 400 and malformed.json()["error"]["code"] == "malformed-query"
    assert malformed.headers["access-control-allow-origin"] == "*"
    assert malformed.headers["x-content-type-options"] == "nosniff"
    head = httpx.head(base + "/sparql", params={"query": SMALL_SELECT})
    assert head.status_code == 405 and head.headers["allow"] == "GET, POST"
    posted = httpx.post(base + "/sparql", content=SMALL_SELECT.encode(),
                        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert posted.status_code == 200 and posted.text.startswith("label\r\n")


def test_a_job_crosses_to_the_worker_whole():
    from graph_api.query_limits import QueryJob
    from graph_api.query_workers import _wire

    job = QueryJob("SELECT * { ?s ?p $o }", "text/csv", ("urn:g1",), ("urn:g2", "urn:g3"),
                   {"o": ox.Literal("1")}, "http://example.org/sparql")
    assert QueryJob(*pickle.loads(pickle.dumps(_wire(job)))) == job


def test_the_sparql_routes_come_first_and_are_described(sample_settings, sample_store):
    from fastapi.testclient import TestClient

    app = create_app(sample_settings, store=sample_store)
    assert [(route.path, route.methods) for route in app.router.routes[:2]] == [("/sparql", {"GET"}),
                                                                                   ("/sparql", {"POST"})]
    paths = TestClient(app).get("/openapi.json").json()["paths"]
    assert set(paths["/sparql"]) == {"get", "post"}
