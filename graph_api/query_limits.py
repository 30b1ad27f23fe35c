"""The limits on a SPARQL query sent to the endpoint: its time, its rows, and how it is answered.

A query from a client goes through a *query runner*, an object with the ``query`` method of
:class:`~graph_api.store.GraphStore`.  Two runners exist:

* :class:`InProcessQueries` evaluates in the server's own process.  It enforces the row limit but
  cannot stop a query that runs too long: pyoxigraph has no time limit and no way to cancel a
  query (0.5), and it holds the GIL while it evaluates.  The app uses it for stores that live in
  memory (tests) and when ``query_workers`` is 0.
* :class:`graph_api.query_workers.QueryWorkerPool` evaluates in worker processes and kills a
  worker whose query outlives ``query_timeout``.  ``hin serve`` uses it for the on-disk store.

Both answer through :func:`prepare_answer`, which evaluates the query once and checks the row limit
*before* a byte of the answer is sent, so a client gets either the whole answer or an error status
with the JSON error body: never a 200 that stops short.  A SELECT under a row limit is first written
as SPARQL TSV (one line per solution, newlines inside values escaped), counting lines as pyoxigraph
writes them and stopping at ``max_rows + 1`` solutions; when the client asked for another format,
that TSV is parsed back and written again by pyoxigraph (a lossless round trip: TSV writes every
term in its N-Triples form).  A query that ends with its own ``LIMIT`` of at most ``max_rows``
cannot go past the limit and is written directly (:func:`declared_limit`).  CONSTRUCT and DESCRIBE triples are gathered once (at most
``max_rows``) and serialised from that list.  The answer is held in a :func:`spool`, in memory up to
:data:`SPOOL_MEMORY_BYTES` and in an anonymous temporary file past it, so the server's memory stays
bounded whatever the answer's size.  docs/reliability.md has the client's view.
"""
from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO

import pyoxigraph as ox

from graph_api.oxigraph_store import (_NOT_KEYWORDS, GRAPH_MEDIA_TYPES, RESULT_MEDIA_TYPES, OxigraphStore,
                                      result_kind)
from graph_api.store import GRAPH, SOLUTIONS, GraphStore, QueryResponse

#: Writes a prepared answer into a binary stream.
Writer = Callable[[IO[bytes]], None]
#: An answer up to this size stays in memory (and is sent as one body); past it, it goes to a
#: temporary file and is sent in chunks of :data:`CHUNK_BYTES`.
SPOOL_MEMORY_BYTES = 8 * 1024 * 1024
#: Size of the pieces in which a spooled answer is read back (and a worker sends one).
CHUNK_BYTES = 256 * 1024
_TSV = ox.QueryResultsFormat.TSV
_TRAILING_LIMIT = re.compile(r"(?<![\w?$:.-])LIMIT\s+(\d+)(?:\s+OFFSET\s+\d+)?\s*$", re.IGNORECASE)


class QueryTimeoutError(TimeoutError):
    """A query ran longer than the time limit and was stopped (its worker process killed)."""

    def __init__(self, seconds: float, detail: str = "") -> None:
        self.seconds = seconds
        super().__init__(
            f"the query ran longer than the server's limit of {seconds:g} s and was stopped{detail}; "
            "make it more selective (bind a variable, add LIMIT, avoid cross products) or ask the "
            "operator to raise query_timeout")


class TooManyResultsError(ValueError):
    """A query's answer has more rows (solutions or triples) than the server sends."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(
            f"the answer has more than {limit} rows, the server's max_result_rows; add LIMIT and "
            "OFFSET to page through it, or ask the operator to raise max_result_rows")


@dataclass(frozen=True)
class QueryJob:
    """The arguments of one :meth:`GraphStore.query` call, as sent to a worker process."""

    sparql: str
    media_type: str | None = None
    default_graph_uris: tuple[str, ...] = ()
    named_graph_uris: tuple[str, ...] = ()
    substitutions: Mapping[str, object] | None = field(default=None, hash=False)
    base_iri: str | None = None

    def run(self, store: OxigraphStore) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Evaluate on ``store`` (raw pyoxigraph result)."""
        return store.execute(self.sparql, default_graph_uris=self.default_graph_uris,
                             named_graph_uris=self.named_graph_uris, substitutions=self.substitutions,
                             base_iri=self.base_iri)


def _format(kind: str, media_type: str | None) -> tuple[str, ox.QueryResultsFormat | ox.RdfFormat]:
    """(media type, pyoxigraph format) for an answer of ``kind``; ValueError as serialize_result."""
    table = GRAPH_MEDIA_TYPES if kind == GRAPH else RESULT_MEDIA_TYPES
    wanted = next(iter(table)) if media_type is None else media_type.split(";")[0].strip().lower()
    if wanted not in table:
        what = "CONSTRUCT/DESCRIBE" if kind == GRAPH else "SELECT/ASK"
        raise ValueError(f"cannot serialise {what} results as {media_type!r}; "
                         f"choose one of {', '.join(table)}")
    return wanted, table[wanted]


def declared_limit(sparql: str) -> int | None:
    """The ``LIMIT`` of a query's outermost solutions, when the query ends with it (an ``OFFSET``
    may stand on either side), else None.

    Whatever follows the query's last ``}`` (outside strings, IRIs and comments) is the outer
    query's solution modifiers: a subquery's LIMIT stands inside braces, and a final ``VALUES``
    block has braces of its own.

    Examples
    --------
    >>> declared_limit("SELECT * { { SELECT * { ?s ?p ?o } LIMIT 5000 } } ORDER BY ?s LIMIT 10 OFFSET 20")
    10
    >>> declared_limit("SELECT * { { SELECT * { ?s ?p ?o } LIMIT 10 } }  # LIMIT 3") is None
    True
    """
    blank = _NOT_KEYWORDS.sub(" ", sparql)
    match = _TRAILING_LIMIT.search(blank, blank.rfind("}") + 1)
    return int(match[1]) if match else None


def prepare_answer(store: OxigraphStore, job: QueryJob, max_rows: int | None) -> tuple[str, str, Writer]:
    """Evaluate ``job`` and check its size; return (kind, media type, a writer of the answer).

    Raises
    ------
    SyntaxError
        The query does not parse.
    ValueError
        The media type cannot hold this kind of answer.
    TooManyResultsError
        The answer has more than ``max_rows`` rows (None: no limit).
    """
    result = job.run(store)
    kind = result_kind(result)
    media_type, fmt = _format(kind, job.media_type)
    if kind == GRAPH:
        triples: list[ox.Triple] = []
        for triple in result:
            triples.append(triple)
            if max_rows is not None and len(triples) > max_rows:
                raise TooManyResultsError(max_rows)
        return kind, media_type, lambda output: ox.serialize(triples, output, format=fmt)
    limit = declared_limit(job.sparql) if kind == SOLUTIONS and max_rows is not None else None
    if kind == SOLUTIONS and max_rows is not None and (limit is None or limit > max_rows):
        rows = _RowCounter(max_rows)
        result.serialize(rows, format=_TSV)  # TooManyResultsError from rows.write stops it
        if fmt == _TSV:
            return kind, media_type, rows.write_to
        result = ox.parse_query_results(rows.getvalue(), format=_TSV)
    return kind, media_type, lambda output: result.serialize(output, format=fmt)


class _RowCounter:
    """A binary stream that keeps a SPARQL TSV answer and refuses it past ``limit`` solutions.

    TSV has a header line, then one line per solution (a newline inside a value is written
    ``\\n``), so the solutions are the newlines less one.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.lines = 0
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.lines += data.count(b"\n")
        if self.lines > self.limit + 1:
            raise TooManyResultsError(self.limit)
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None

    def getvalue(self) -> bytes:
        """The answer written so far."""
        return b"".join(self.parts)

    def write_to(self, output: IO[bytes]) -> None:
        """Copy the answer into ``output``."""
        for part in self.parts:
            output.write(part)


def spool() -> IO[bytes]:
    """A binary file for one answer: in memory up to SPOOL_MEMORY_BYTES, then an anonymous temporary
    file (deleted when closed)."""
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY_BYTES)


def spooled_body(answer: IO[bytes]) -> Iterator[bytes] | bytes:
    """The body of a QueryResponse from a spool that holds the whole answer.

    An answer kept in memory is returned as bytes (and the spool closed); a larger one as an
    iterator of CHUNK_BYTES pieces that closes the spool at its end (or when discarded)."""
    size = answer.tell()
    answer.seek(0)
    if size <= SPOOL_MEMORY_BYTES:
        with answer:
            return answer.read()
    return _chunks(answer)


def _chunks(answer: IO[bytes]) -> Iterator[bytes]:
    with answer:
        while chunk := answer.read(CHUNK_BYTES):
            yield chunk


class InProcessQueries:
    """A query runner that evaluates in this process, with the row limit but no time limit.

    Parameters
    ----------
    store : OxigraphStore
        The store to query (in memory included); another GraphStore is passed through.
    max_rows : int, optional
        Most rows an answer may have; None: no limit.

    Examples
    --------
    >>> store = OxigraphStore.in_memory()
    >>> store.load_data(b'<http://x/a> <http://x/p> "1", "2" .', "text/turtle", graph="http://x/g")
    >>> InProcessQueries(store, max_rows=1).query("SELECT ?o WHERE { ?s ?p ?o }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph_api.query_limits.TooManyResultsError: the answer has more than 1 rows, ...
    """

    def __init__(self, store: GraphStore, *, max_rows: int | None = None) -> None:
        self.store = store
        self.max_rows = max_rows

    def query(self, sparql: str, *, media_type: str | None = None, default_graph_uris: Sequence[str] = (),
              named_graph_uris: Sequence[str] = (), substitutions: Mapping[str, object] | None = None,
              base_iri: str | None = None) -> QueryResponse:
        """As :meth:`GraphStore.query`, and TooManyResultsError past ``max_rows`` (an OxigraphStore;
        another GraphStore, e.g. a remote one, answers as it does, with its own limits)."""
        if not isinstance(self.store, OxigraphStore):
            return self.store.query(sparql, media_type=media_type, default_graph_uris=default_graph_uris,
                                    named_graph_uris=named_graph_uris, substitutions=substitutions,
                                    base_iri=base_iri)
        job = QueryJob(sparql, media_type, tuple(default_graph_uris), tuple(named_graph_uris),
                       substitutions, base_iri)
        kind, chosen, write = prepare_answer(self.store, job, self.max_rows)
        answer = spool()
        try:
            write(answer)
        except BaseException:
            answer.close()
            raise
        return QueryResponse(kind=kind, media_type=chosen, body=spooled_body(answer))

    def close(self) -> None:
        """Nothing to release (the store belongs to the caller)."""
