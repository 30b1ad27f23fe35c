"""The limits on a SPARQL query sent to the endpoint: its time, its rows, and how it is answered.

A query from a client goes through a *query runner*, an object with the ``query`` method of
:class:`~graph_api.store.GraphStore`.  Two runners exist:

* :class:`InProcessQueries` evaluates in the server's own process.  It enforces the row limit but
  cannot stop a query that runs too long: pyoxigraph has no time limit and no way to cancel a
  query (0.5), and it holds the GIL while it evaluates.  The app uses it for stores that live in
  memory (tests) and when ``query_workers`` is 0.
* :class:`graph_api.query_workers.QueryWorkerPool` evaluates in worker processes and kills a
  worker whose query outlives ``query_timeout``.  ``hin serve`` uses it for the on-disk store.

Both answer through :func:`prepare_answer`, which checks the row limit *before* a byte of the answer
exists, so a client gets either the whole answer or an error status with the JSON error body:
never a 200 that stops short.  SELECT results are counted in a first pass that stops at
``max_rows + 1`` solutions, then the query is run again and serialised (pyoxigraph serialises
only its own result iterators); CONSTRUCT and DESCRIBE triples are gathered once (at most
``max_rows``) and serialised from that list.  docs/reliability.md has the client's view.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO

import pyoxigraph as ox

from graph_api.oxigraph_store import GRAPH_MEDIA_TYPES, RESULT_MEDIA_TYPES, OxigraphStore, result_kind
from graph_api.store import GRAPH, SOLUTIONS, GraphStore, QueryResponse

#: Writes a prepared answer into a binary stream.
Writer = Callable[[IO[bytes]], None]


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
    if kind == SOLUTIONS and max_rows is not None:
        for count, _ in enumerate(result, start=1):
            if count > max_rows:
                raise TooManyResultsError(max_rows)
        result = job.run(store)  # the first pass consumed the iterator
    return kind, media_type, lambda output: result.serialize(output, format=fmt)


class _Collect:
    """A binary stream that keeps what is written (for answers produced in-process)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None


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
    >>> store.load_data(b'<http://x/a> <http://x/p> "1", "2" .', "application/n-triples", graph="http://x/g")
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
        sink = _Collect()
        write(sink)
        return QueryResponse(kind=kind, media_type=chosen, body=b"".join(sink.parts))

    def close(self) -> None:
        """Nothing to release (the store belongs to the caller)."""
