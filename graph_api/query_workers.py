"""SPARQL evaluation in worker processes, so that a query past its time limit can be stopped.

pyoxigraph cannot cancel a query and holds the GIL while it evaluates, so a thread cannot stop a
runaway query.  :class:`QueryWorkerPool` keeps ``workers`` processes, each with the store's current
generation open read-only (RocksDB allows many read-only openers).  A query goes to an idle worker
through a pipe; the worker evaluates it, checks the row limit and streams the serialised answer
back in chunks of :data:`~graph_api.query_limits.CHUNK_BYTES`, which the server writes to a
:func:`~graph_api.query_limits.spool` (memory, then an anonymous temporary file).  When the whole
answer has not arrived ``timeout`` seconds after the request began (waiting for a free worker
included), the worker is killed (SIGKILL), a fresh one takes its place, and the caller gets
:class:`~graph_api.query_limits.QueryTimeoutError`.  The answer is complete before the endpoint
sends a status line, so a client sees either the whole answer or an error status: never a 200 that
stops short; and as the worker writes into the pipe only as fast as the server empties it, and the
spool keeps at most SPOOL_MEMORY_BYTES in memory, an answer of any size (``max_result_rows=0``)
costs the server bounded memory.  An answer of at most :data:`WHOLE_BYTES` (most answers) comes
back as one message with its header and is passed on as it is, without a spool.  The endpoint asks
through :meth:`QueryWorkerPool.aquery`, which sends the job and awaits the reply on the server's
event loop (a reader on the pipe and a timer for the limit) instead of blocking a thread for it:
that hand-off between threads cost about 0.1 ms a query.

Workers start on the first query (an app that is never asked a query costs nothing), from the
``forkserver`` start method where there is one (the server process has threads); on Linux a
worker asks the kernel to kill it when its parent goes, so ``kill -9`` of the server leaves no
query running.  :func:`query_runner` chooses between this pool and in-process evaluation.
"""
from __future__ import annotations

import asyncio
import ctypes
import logging
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from multiprocessing.connection import Connection
from pathlib import Path

from starlette.concurrency import run_in_threadpool

from graph_api.oxigraph_store import OxigraphStore
from graph_api.query_limits import (CHUNK_BYTES, QueryJob, QueryTimeoutError, TooManyResultsError,
                                    prepare_answer, spool, spooled_body)
from graph_api.settings import Settings
from graph_api.store import GraphStore, QueryResponse

logger = logging.getLogger(__name__)

_DATA, _END = b"D", b"E"
#: An answer up to this size comes back from a worker as one message together with its header (and
#: is neither spooled nor, through :meth:`QueryWorkerPool.aquery`, waited for in a thread); a larger
#: one comes as a header, then chunks of CHUNK_BYTES.  Small enough for one write into the pipe.
WHOLE_BYTES = 64 * 1024
_PR_SET_PDEATHSIG = 1


def _put(conn: Connection, message: object) -> None:
    """Send ``message`` (a tuple of plain values) pickled, as ``conn.send`` does, without the
    ForkingPickler and buffer it makes for every message (about a tenth of the server's own time
    on a lookup); read by :func:`_take` or ``conn.recv``."""
    conn.send_bytes(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))


def _take(conn: Connection) -> object:
    """The next message :func:`_put` (or ``conn.send``) sent."""
    return pickle.loads(conn.recv_bytes())


class _ChunkSender:
    """A binary stream that sends what is written to the parent: an answer of at most
    :data:`WHOLE_BYTES` as one message with its header, a larger one as the header, then chunks of
    CHUNK_BYTES."""

    def __init__(self, conn: Connection, kind: str, media_type: str) -> None:
        self._conn = conn
        self._header = ("answer", kind, media_type)
        self._started = False
        self._buffer = bytearray()

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= CHUNK_BYTES:
            self._send(_DATA)
        return len(data)

    def flush(self) -> None:
        """Nothing: what is written goes out by the chunk, and the rest on close."""

    def _send(self, tag: bytes) -> None:
        if not self._started:
            _put(self._conn, self._header)
            self._started = True
        self._conn.send_bytes(tag + self._buffer)
        self._buffer.clear()

    def close(self) -> None:
        """Send what is left as the answer's last message (the whole answer, when it is small)."""
        if not self._started and len(self._buffer) <= WHOLE_BYTES:
            _put(self._conn, ("whole", *self._header[1:], bytes(self._buffer)))
            self._started = True
            self._buffer.clear()
            return
        self._send(_END)


def _die_with_parent() -> None:
    """Linux: have the kernel SIGKILL this process when its parent (the fork server) exits.

    The fork server exits when the server process is gone and no other process holds the write
    end of its "alive" pipe; each child it forks is handed that end, so a worker closes it here
    (else a worker deep in a query would keep the fork server, and so itself, alive)."""
    from multiprocessing import forkserver

    alive = getattr(forkserver._forkserver, "_forkserver_alive_fd", None)
    if alive is not None:
        os.close(alive)
        forkserver._forkserver._forkserver_alive_fd = None
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass


def worker_main(conn: Connection, location: str, max_rows: int | None, die_with_parent: bool) -> None:
    """A worker process: open the store read-only, then answer jobs from ``conn`` until it closes."""
    if die_with_parent:
        _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the server, which stops us
    store = OxigraphStore.open(location, read_only=True)
    while True:
        try:
            job = QueryJob(*_take(conn))  # sent by _wire
        except (EOFError, OSError):
            return
        try:
            kind, media_type, write = prepare_answer(store, job, max_rows)
        except TooManyResultsError as error:
            _put(conn, ("rows", error.limit))
            continue
        except SyntaxError as error:
            _put(conn, ("syntax", str(error)))
            continue
        except ValueError as error:
            _put(conn, ("value", str(error)))
            continue
        except Exception as error:  # a store failure: the parent reports an internal error
            _put(conn, ("failed", f"{type(error).__name__}: {error}"))
            continue
        sender = _ChunkSender(conn, kind, media_type)
        write(sender)
        sender.close()


class _Worker:
    def __init__(self, context: multiprocessing.context.BaseContext, location: Path,
                 max_rows: int | None) -> None:
        self.location = location  #: the generation folder this worker has open
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=worker_main, args=(child, str(location), max_rows,
                                      context.get_start_method() == "forkserver"),
            name="hin-query-worker", daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


class QueryWorkerPool:
    """A query runner (the ``query`` method of GraphStore) over worker processes, with a time limit.

    Parameters
    ----------
    store : OxigraphStore
        An open on-disk store; the workers open the same generation folder (``store.location``).
    workers : int
        Number of worker processes (queries evaluated at once).
    timeout : float
        Seconds from the call until the whole answer is in; past it the worker is killed.
    max_rows : int, optional
        Most rows an answer may have; None: no limit.
    """

    def __init__(self, store: OxigraphStore, *, workers: int, timeout: float,
                 max_rows: int | None = None) -> None:
        if store.location is None:
            raise ValueError("a QueryWorkerPool needs an on-disk store; use InProcessQueries in memory")
        if workers < 1:
            raise ValueError(f"workers={workers}: a QueryWorkerPool needs at least one worker")
        self.location = store.location
        self.size, self.timeout, self.max_rows = workers, timeout, max_rows
        # Last in, first out: the worker that answered last, its caches warm, takes the next query.
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._context: multiprocessing.context.BaseContext | None = None
        self.replaced = 0  #: workers killed and replaced (timeouts, deaths)

    def _start(self) -> None:
        with self._lock:
            if self._context is None:
                self._context = _context()
                for _ in range(self.size):
                    self._add()

    def _add(self) -> None:
        worker = _Worker(self._context, self.location, self.max_rows)
        self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)
            self.replaced += 1
            if self._context is not None:
                self._add()

    def worker_pids(self) -> list[int]:
        """Process ids of the current workers (empty before the first query)."""
        with self._lock:
            return sorted(w.process.pid for w in self._all)

    def switch(self, location: Path) -> None:
        """Answer later queries from the generation folder ``location`` (after an update made a new
        one): idle workers are replaced now, busy ones when they are next taken, so a query running
        now finishes on the generation it started on."""
        with self._lock:
            self.location = location
        idle = []
        while True:
            try:
                idle.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in idle:
            self._idle.put(self._renewed(worker) if worker.location != location else worker)

    def _renewed(self, worker: _Worker) -> _Worker:
        """A worker on the current location in place of the idle ``worker`` on an older one."""
        worker.stop()
        with self._lock:
            self._all.discard(worker)
            fresh = _Worker(self._context, self.location, self.max_rows)
            self._all.add(fresh)
        return fresh

    def query(self, sparql: str, *, media_type: str | None = None, default_graph_uris: Sequence[str] = (),
              named_graph_uris: Sequence[str] = (), substitutions: Mapping[str, object] | None = None,
              base_iri: str | None = None) -> QueryResponse:
        """As :meth:`GraphStore.query`; QueryTimeoutError past the time limit, TooManyResultsError
        past the row limit, RuntimeError when a worker fails."""
        self._start()
        deadline = time.monotonic() + self.timeout
        job = QueryJob(sparql, media_type, tuple(default_graph_uris), tuple(named_graph_uris),
                       dict(substitutions) if substitutions else None, base_iri)
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeoutError(self.timeout, f" while waiting for one of the {self.size} query "
                                    "workers, all busy") from None
        if worker.location != self.location:
            worker = self._renewed(worker)
        try:
            outcome = self._ask(worker, job, deadline)
        except BaseException:
            self._replace(worker)  # timed out, died or interrupted mid-answer: never reuse it
            raise
        self._idle.put(worker)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def _ask(self, worker: _Worker, job: QueryJob, deadline: float) -> QueryResponse | Exception:
        """The worker's answer, or the error it reported (the worker is then fine to reuse)."""
        conn = worker.conn

        def wait() -> None:
            if not conn.poll(max(0.0, deadline - time.monotonic())):
                raise QueryTimeoutError(self.timeout)

        try:
            _put(conn, _wire(job))
            wait()
            header = _take(conn)
            if header[0] == "whole":
                return QueryResponse(kind=header[1], media_type=header[2], body=header[3])
            if header[0] != "answer":
                return _refusal(header)
            return self._rest(worker, job, header, deadline)
        except QueryTimeoutError:
            raise
        except (EOFError, OSError) as error:  # the worker died (killed, out of memory)
            raise _died(worker, job, error) from None

    def _rest(self, worker: _Worker, job: QueryJob, header: tuple, deadline: float) -> QueryResponse:
        """The chunks of a large answer after its header, spooled."""
        conn = worker.conn

        def wait() -> None:
            if not conn.poll(max(0.0, deadline - time.monotonic())):
                raise QueryTimeoutError(self.timeout)

        try:
            answer = spool()
            try:
                while True:
                    wait()
                    message = conn.recv_bytes()
                    answer.write(memoryview(message)[1:])
                    if message[:1] == _END:
                        break
            except BaseException:
                answer.close()
                raise
        except QueryTimeoutError:
            raise
        except (EOFError, OSError) as error:
            raise _died(worker, job, error) from None
        return QueryResponse(kind=header[1], media_type=header[2], body=spooled_body(answer))

    async def aquery(self, sparql: str, *, media_type: str | None = None,
                     default_graph_uris: Sequence[str] = (), named_graph_uris: Sequence[str] = (),
                     substitutions: Mapping[str, object] | None = None,
                     base_iri: str | None = None) -> QueryResponse:
        """As :meth:`query`, for the server's event loop: with a worker idle, the job is sent and
        the answer awaited on the loop itself (no thread between them), and a small answer
        (:data:`WHOLE_BYTES`) is returned as it came; a larger one is read in a thread, as by
        :meth:`query`, which also serves when every worker is busy or has to be renewed.

        The time limit is the same: past it the worker is killed and replaced (in a thread) and
        QueryTimeoutError raised."""
        if self._context is None:
            await run_in_threadpool(self._start)
        options = {"media_type": media_type, "default_graph_uris": default_graph_uris,
                   "named_graph_uris": named_graph_uris, "substitutions": substitutions,
                   "base_iri": base_iri}
        try:
            worker = self._idle.get_nowait()
        except queue.Empty:
            return await run_in_threadpool(lambda: self.query(sparql, **options))
        if worker.location != self.location:
            self._idle.put(worker)
            return await run_in_threadpool(lambda: self.query(sparql, **options))
        deadline = time.monotonic() + self.timeout
        job = QueryJob(sparql, media_type, tuple(default_graph_uris), tuple(named_graph_uris),
                       dict(substitutions) if substitutions else None, base_iri)
        try:
            header = await self._first_message(worker, job, deadline)
            if header[0] == "whole":
                outcome: QueryResponse | Exception = QueryResponse(kind=header[1], media_type=header[2],
                                                                   body=header[3])
            elif header[0] == "answer":
                outcome = await run_in_threadpool(self._rest, worker, job, header, deadline)
            else:
                outcome = _refusal(header)
        except Exception:
            await run_in_threadpool(self._replace, worker)  # timed out or died: never reuse it
            raise
        except BaseException:  # cancelled mid-answer
            self._replace(worker)
            raise
        self._idle.put(worker)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    async def _first_message(self, worker: _Worker, job: QueryJob, deadline: float) -> tuple:
        """Send ``job`` and await the worker's first message (by the event loop's reader on the
        pipe: the loop stays free while the query runs)."""
        loop = asyncio.get_running_loop()
        conn = worker.conn
        try:
            _put(conn, _wire(job))
            answered = loop.create_future()

            def settle(arrived: bool) -> None:
                if not answered.done():
                    answered.set_result(arrived)

            fd = conn.fileno()
            loop.add_reader(fd, settle, True)
            timer = loop.call_later(max(0.0, deadline - time.monotonic()), settle, False)
            try:
                arrived = await answered
            finally:
                loop.remove_reader(fd)
                # uvloop (libuv) leaves a watched descriptor non-blocking, and the reads below and
                # in _rest expect a blocking pipe: a message longer than one read would fail with
                # EAGAIN.  asyncio's own loop leaves the flag alone; then this changes nothing.
                os.set_blocking(fd, True)
                timer.cancel()
            if not arrived:
                raise QueryTimeoutError(self.timeout)
            # The worker writes each message whole (a small one in one write), so this read does
            # not wait for the query.
            return _take(conn)
        except QueryTimeoutError:  # an OSError too
            raise
        except (EOFError, OSError) as error:
            raise _died(worker, job, error) from None

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all, self._context = list(self._all), set(), None
        for worker in workers:
            worker.stop()


def _wire(job: QueryJob) -> tuple:
    """``job`` as the worker receives it: a plain tuple of its fields, which pickles in a fifth of
    the time the dataclass takes (its class is looked up by name at each end)."""
    return (job.sparql, job.media_type, job.default_graph_uris, job.named_graph_uris, job.substitutions,
            job.base_iri)


def _died(worker: _Worker, job: QueryJob, error: BaseException) -> RuntimeError:
    """The error for a worker that died (killed, out of memory) while answering ``job``."""
    code = worker.process.exitcode
    return RuntimeError(f"query worker {worker.process.pid} died (exit code {code}) while "
                        f"answering {job.sparql[:80]!r}: {error}")


def _refusal(header: tuple) -> Exception:
    """The exception for an error a worker reported."""
    kind, detail = header
    if kind == "rows":
        return TooManyResultsError(detail)
    if kind == "syntax":
        return SyntaxError(detail)
    if kind == "value":
        return ValueError(detail)
    return RuntimeError(f"the query worker failed: {detail}")


def query_runner(store: GraphStore, settings: Settings) -> QueryWorkerPool | None:
    """The worker pool for the SPARQL endpoint's queries over an on-disk store (when
    ``settings.query_workers`` > 0), else None: the endpoint then evaluates in-process, with
    :class:`~graph_api.query_limits.InProcessQueries` over the app's current store."""
    if isinstance(store, OxigraphStore) and store.location is not None and settings.query_workers > 0:
        return QueryWorkerPool(store, workers=settings.query_workers, timeout=settings.query_timeout,
                               max_rows=settings.max_result_rows or None)
    return None
