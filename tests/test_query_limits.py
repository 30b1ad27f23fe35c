"""Runaway queries are stopped, big answers and big requests are refused: over a real server.

The server is the full app over an on-disk store (1,000 triples in one named graph, written to
tmp_path), so queries go to worker processes as under ``hin serve``.  A three-way cross product
over it (10^9 combinations) runs for minutes; with ``query_timeout=6`` it must end in about six
seconds with ``503 query-timeout``, while 50 small queries from other clients each come back fast.
"""
from __future__ import annotations

import asyncio
import csv
import io
import os
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph_api.app import create_app
from graph_api.oxigraph_store import OxigraphStore
from graph_api import query_limits
from graph_api.query_limits import InProcessQueries, TooManyResultsError, declared_limit
from graph_api.query_workers import WHOLE_BYTES, QueryWorkerPool
from graph_api.settings import Settings
from tests.test_error_shape import assert_error_shape

pytestmark = pytest.mark.e2e

TRIPLES = 1000
TIMEOUT = 6.0
MAX_ROWS = 1500
MAX_BYTES = 10_000
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SMALL = "SELECT ?o WHERE { <http://example.org/item/7> <http://example.org/p> ?o }"


def write_store(folder: Path, triples: int = TRIPLES) -> Path:
    """An on-disk store with ``triples`` triples in one named graph, loaded from a TriG file."""
    trig = folder / "synthetic.trig"
    lines = [f'  <http://example.org/item/{i}> <http://example.org/p> "{i}" .' for i in range(triples)]
    trig.write_text("<http://example.org/graph/g> {\n" + "\n".join(lines) + "\n}\n", encoding="utf-8")
    store = OxigraphStore.open(folder / "store", read_only=False)
    store.load(trig)
    store.close()
    return folder / "store"


@pytest.fixture(scope="module")
def limited(tmp_path_factory, live_server):
    """(base URL, the app) over the synthetic store with short limits and two query workers."""
    settings = Settings(store=write_store(tmp_path_factory.mktemp("limits")), query_timeout=TIMEOUT,
                        query_workers=2, max_result_rows=MAX_ROWS, max_request_bytes=MAX_BYTES)
    app = create_app(settings)
    url = live_server(app)
    assert httpx.get(url + "/sparql", params={"query": SMALL}, timeout=60).status_code == 200  # workers up
    return url, app


def test_the_server_uses_worker_processes_for_an_on_disk_store(limited):
    _, app = limited
    assert isinstance(app.state.query_runner, QueryWorkerPool)
    assert len(app.state.query_runner.worker_pids()) == 2


def test_runaway_query_is_stopped_while_small_queries_go_on(limited):
    url, app = limited
    pool: QueryWorkerPool = app.state.query_runner
    before = set(pool.worker_pids())
    outcome: dict[str, object] = {}

    def expensive() -> None:
        started = time.monotonic()
        outcome["response"] = httpx.get(url + "/sparql", params={"query": CROSS_PRODUCT}, timeout=60)
        outcome["seconds"] = time.monotonic() - started
        outcome["ended"] = time.monotonic()

    runaway = threading.Thread(target=expensive)
    runaway.start()
    time.sleep(0.3)  # the cross product is now running in one worker

    def small(client: httpx.Client) -> tuple[int, float, str]:
        started = time.monotonic()
        response = client.get(url + "/sparql", params={"query": SMALL}, timeout=30)
        return response.status_code, time.monotonic() - started, response.text

    clients = [httpx.Client() for _ in range(5)]  # five other clients, ten queries each
    with ThreadPoolExecutor(max_workers=5) as threads:
        answers = list(threads.map(small, clients * 10))
    for client in clients:
        client.close()
    small_ones_done = time.monotonic()
    for status, seconds, text in answers:
        assert status == 200 and '"value":"7"' in text
        assert seconds < 2.0
    runaway.join(timeout=30)
    assert small_ones_done < outcome["ended"], "the small queries should be answered while the big one runs"

    response = outcome["response"]
    error = assert_error_shape(response, "query-timeout")
    assert response.status_code == 503 and response.headers["retry-after"]
    assert f"{TIMEOUT:g} s" in error["message"]
    assert TIMEOUT <= outcome["seconds"] < TIMEOUT + 3

    # The worker was killed and replaced: the server is whole again and no process is left computing.
    gone = before - set(pool.worker_pids())
    assert len(gone) == 1 and len(pool.worker_pids()) == 2
    with pytest.raises(ProcessLookupError):
        os.kill(gone.pop(), 0)
    started = time.monotonic()
    assert httpx.get(url + "/sparql", params={"query": SMALL}, timeout=30).status_code == 200
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize("query, accept", [
    ("SELECT * WHERE { ?s ?p ?o . ?x ?q ?y }", "application/sparql-results+json"),
    ("SELECT * WHERE { ?s ?p ?o }  VALUES ?z { 1 2 }", "text/csv"),
    ("CONSTRUCT { ?s <http://example.org/q> ?x } WHERE { ?s ?p ?o . ?x ?q ?y } ", "text/turtle"),
])
def test_too_many_rows_is_refused_before_any_answer(limited, query, accept):
    url, _ = limited
    response = httpx.get(url + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=30)
    error = assert_error_shape(response, "too-many-results")
    assert str(MAX_ROWS) in error["message"] and "LIMIT" in error["message"]


def test_an_answer_at_the_row_limit_is_sent_whole(limited):
    url, _ = limited
    query = f"SELECT ?s ?x WHERE {{ ?s ?p ?o . ?x ?q ?y }} LIMIT {MAX_ROWS}"
    response = httpx.get(url + "/sparql", params={"query": query}, headers={"Accept": "text/csv"}, timeout=30)
    assert response.status_code == 200
    assert len(response.text.strip().splitlines()) == MAX_ROWS + 1  # the header line and every row


def test_a_large_answer_arrives_whole_in_many_chunks(limited):
    url, _ = limited
    response = httpx.get(url + "/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                         headers={"Accept": "application/n-triples"}, timeout=30)
    assert response.status_code == 200
    assert len(response.text.splitlines()) == TRIPLES


def test_malformed_query_through_a_worker(limited):
    url, app = limited
    replaced = app.state.query_runner.replaced
    response = httpx.get(url + "/sparql", params={"query": "SELECT * WHERE {"}, timeout=30)
    assert "1:17" in assert_error_shape(response, "malformed-query")["message"]
    assert app.state.query_runner.replaced == replaced  # a refused query does not cost a worker


#: The event loops uvicorn may run the endpoint on ("auto" picks uvloop where it is installed).
LOOPS = ["asyncio"] + (["uvloop"] if sys.platform != "win32" else [])


@pytest.mark.parametrize("loop", LOOPS)
def test_the_event_loop_path_gives_the_same_answers_as_the_threaded_one(tmp_path, loop):
    """``aquery`` (the endpoint's path): a small answer comes whole in one message, a larger one in
    chunks; both equal what ``query`` gives, and no worker is lost on the way.  On uvloop too, which
    leaves a pipe it watched non-blocking (a large answer then failed with EAGAIN)."""
    factory = None
    if loop == "uvloop":
        import uvloop

        factory = uvloop.new_event_loop

    def run(coroutine):
        with asyncio.Runner(loop_factory=factory) as runner:
            return runner.run(coroutine)

    store = OxigraphStore.open(write_store(tmp_path, triples=3000), read_only=True)
    pool = QueryWorkerPool(store, workers=1, timeout=30)
    try:
        for query, media_type in ((SMALL, "text/csv"), ("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")):
            threaded = pool.query(query, media_type=media_type)
            on_loop = run(pool.aquery(query, media_type=media_type))
            assert (on_loop.kind, on_loop.media_type) == (threaded.kind, threaded.media_type)
            assert _bytes(on_loop.body) == _bytes(threaded.body)
            assert all(os.get_blocking(worker.conn.fileno()) for worker in pool._all)  # as it was
        assert isinstance(run(pool.aquery(SMALL)).body, bytes)
        assert len(_bytes(threaded.body)) > WHOLE_BYTES and len(_bytes(threaded.body).splitlines()) == 3000
        limited_pool = QueryWorkerPool(store, workers=1, timeout=30, max_rows=10)
        with pytest.raises(TooManyResultsError):
            run(limited_pool.aquery("SELECT * WHERE { ?s ?p ?o }"))
        assert pool.replaced == limited_pool.replaced == 0
    finally:
        pool.close()
        if "limited_pool" in locals():
            limited_pool.close()
        store.close()


def _bytes(body: bytes | Iterator[bytes]) -> bytes:
    return body if isinstance(body, bytes) else b"".join(body)


def test_request_body_over_the_limit_is_413(limited):
    url, _ = limited
    body = ("# padding\n" * 1200 + SMALL).encode()
    response = httpx.post(url + "/sparql", content=body, headers={"Content-Type": "application/sparql-query"},
                          timeout=30)
    error = assert_error_shape(response, "request-too-large")
    assert str(MAX_BYTES) in error["message"]


def test_chunked_body_over_the_limit_is_413(limited):
    url, _ = limited

    def pieces():
        for _ in range(30):
            yield b"# padding padding padding padding padding padding padding padding\n" * 10
        yield SMALL.encode()

    response = httpx.post(url + "/sparql", content=pieces(),
                          headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert_error_shape(response, "request-too-large")


def test_query_string_over_the_limit_is_413(limited):
    url, _ = limited
    response = httpx.get(url + "/sparql", params={"query": SMALL + " #" + "x" * 11_000}, timeout=30)
    assert_error_shape(response, "request-too-large")


def test_a_body_under_the_limit_is_read(limited):
    url, _ = limited
    body = ("# padding\n" * 500 + SMALL).encode()
    response = httpx.post(url + "/sparql", content=body, headers={"Content-Type": "application/sparql-query"},
                          timeout=30)
    assert response.status_code == 200 and '"value":"7"' in response.text


def test_in_memory_store_queries_in_process_with_the_row_limit(sample_store):
    app = create_app(Settings(max_result_rows=5), store=sample_store)
    assert app.state.query_runner is None  # no worker processes for a store in memory
    runner = InProcessQueries(sample_store, max_rows=5)
    with pytest.raises(TooManyResultsError):
        runner.query("SELECT * WHERE { ?s ?p ?o }")
    assert runner.query("SELECT * WHERE { ?s ?p ?o } LIMIT 5").kind == "solutions"


# ---- one evaluation per answer: the row count rides on the serialisation --------------------------

EDGE_DATA = '''@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://x/a> <http://x/p> "tab\\there \\"q\\" \\r\\n end", "é 中", ""@en, "hi"@en-gb, "01"^^xsd:integer,
    "1e3"^^xsd:double, "TRUE"^^xsd:boolean, "x"^^<http://x/dt>, _:b0, <http://x/ü>, "NaN"^^xsd:double .
'''
EDGE_QUERY = "SELECT ?o ?z WHERE { ?s ?p ?o OPTIONAL { ?o ?p ?z } } ORDER BY STR(?o)"
FORMATS = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
           "text/tab-separated-values"]


@pytest.fixture(scope="module")
def edge_store():
    store = OxigraphStore.in_memory()
    store.load_data(EDGE_DATA, "text/turtle", graph="http://x/g")
    return store


@pytest.mark.parametrize("media_type", FORMATS)
def test_a_counted_answer_is_the_engines_own_bytes(edge_store, media_type):
    """Counting through TSV and writing again loses nothing: same bytes as pyoxigraph's own answer
    (blank node labels aside, which pyoxigraph draws afresh for each evaluation)."""
    counted = InProcessQueries(edge_store, max_rows=11).query(EDGE_QUERY, media_type=media_type).body
    direct = edge_store.query(EDGE_QUERY, media_type=media_type).body
    label = re.compile(rb"b[0-9a-f]{32}")
    assert label.sub(b"_", counted) == label.sub(b"_", direct)
    assert counted.count(b"\xc3\xa9 \xe4\xb8\xad")  # é 中 whole


@pytest.mark.parametrize("media_type", FORMATS)
def test_the_row_limit_holds_exactly_in_every_format(edge_store, media_type):
    assert InProcessQueries(edge_store, max_rows=11).query(EDGE_QUERY, media_type=media_type).kind == "solutions"
    with pytest.raises(TooManyResultsError):
        InProcessQueries(edge_store, max_rows=10).query(EDGE_QUERY, media_type=media_type)


def test_rows_with_newlines_and_unbound_values_are_counted_as_rows():
    store = OxigraphStore.in_memory()
    query = 'SELECT ?x ?y WHERE { VALUES (?x ?y) { ("a\\nb\\nc" UNDEF) (UNDEF UNDEF) ("d" 1) } }'
    answer = InProcessQueries(store, max_rows=3).query(query, media_type="text/csv").body.decode()
    assert list(csv.reader(io.StringIO(answer))) == [["x", "y"], ["a\nb\nc", ""], ["", ""], ["d", "1"]]
    with pytest.raises(TooManyResultsError):
        InProcessQueries(store, max_rows=2).query(query)


@pytest.mark.parametrize("query, limit", [
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 10", 10),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s OFFSET 5 LIMIT 7", 7),
    ("select * { ?s ?p ?o } limit 3 offset 2  # a comment } LIMIT 9\n", 3),
    ("SELECT * WHERE { { SELECT * WHERE { ?s ?p ?o } LIMIT 10 } }", None),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 10 VALUES ?s { <http://x/a> }", None),
    ('SELECT * WHERE { ?s ?p "}" } ORDER BY ?s', None),
    ("SELECT ?limit WHERE { ?s ?p ?limit } ORDER BY ?limit", None),
])
def test_declared_limit_reads_only_the_outer_limit(query, limit):
    assert declared_limit(query) == limit


def test_an_answer_past_the_spool_memory_comes_in_chunks(monkeypatch):
    """Past SPOOL_MEMORY_BYTES an answer is read back from a temporary file, piece by piece."""
    monkeypatch.setattr(query_limits, "SPOOL_MEMORY_BYTES", 4096)
    store = OxigraphStore.in_memory()
    query = "SELECT ?n WHERE { VALUES ?n { " + " ".join(str(i) for i in range(3000)) + " } }"
    answer = InProcessQueries(store).query(query, media_type="text/tab-separated-values")
    assert not isinstance(answer.body, bytes)
    body = b"".join(answer.body)
    assert body.splitlines() == [b"?n"] + [str(i).encode() for i in range(3000)]
