"""Whole-dataset dumps and the read-only Graph Store Protocol.

``GET /dumps/hin.nq.gz``, ``/dumps/hin.trig``
    Every named graph with its triples: N-Quads compressed with gzip (``application/gzip``, a file
    to download), and TriG.  These hold every quad of the store outside its default graph, which
    ``hin build`` fills with the merge of the named graphs (graph_api.oxigraph_store), so nothing
    is lost and nothing is doubled.
``GET /dumps/hin.ttl``
    The merged default graph as Turtle: every distinct triple once, without graph names.
``GET /rdf-graphs?graph={IRI}``, ``GET /rdf-graphs?default``
    The Graph Store HTTP Protocol's GET (https://www.w3.org/TR/sparql11-http-rdf-update/, section
    5.2), read-only: one named graph, or the default graph, as Turtle, N-Triples, JSON-LD or
    RDF/XML by ``Accept``.  Other methods are ``405``; the store is written only by ``hin build``.

The dumps are streamed from the store, one graph at a time, through the store interface; nothing
is written to disk, and the server never writes the store.  Every answer has ``ETag`` and
``Last-Modified`` (from the store's generation) and a conditional GET is answered ``304``.
"""
from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from rdflib import URIRef
from starlette.concurrency import run_in_threadpool

from graph_api.conneg import negotiate
from graph_api.errors import ApiError
from graph_api.http_cache import not_modified, not_modified_response, validators
from graph_api.store import GRAPH, GraphStore

router = APIRouter(tags=["Dumps and graphs"])

GRAPH_CONTENT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
NTRIPLES = "application/n-triples"


def _chunks(body: object) -> Iterator[bytes]:
    if isinstance(body, bytes):
        yield body
    else:
        yield from body


def _graph_lines(store: GraphStore, graph: str) -> Iterator[bytes]:
    """The N-Triples lines of one named graph."""
    answer = store.query(GRAPH_CONTENT, media_type=NTRIPLES, default_graph_uris=[graph])
    pending = b""
    for chunk in _chunks(answer.body):
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for line in lines:
            if line.strip():
                yield line
    if pending.strip():
        yield pending


def batched(pieces: Iterator[bytes], size: int = 1 << 16) -> Iterator[bytes]:
    """``pieces`` joined into chunks of about ``size`` bytes (fewer, larger writes to the client)."""
    buffer: list[bytes] = []
    length = 0
    for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield b"".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield b"".join(buffer)


def nquads(store: GraphStore) -> Iterator[bytes]:
    """Every named graph of ``store`` as N-Quads, one graph after the other.

    Examples
    --------
    >>> from graph_api.oxigraph_store import OxigraphStore
    >>> store = OxigraphStore.in_memory()
    >>> store.load_data(b'<http://x/a> <http://x/p> "1" .', "application/n-triples", graph="http://x/g")
    >>> b"".join(nquads(store))
    b'<http://x/a> <http://x/p> "1" <http://x/g> .\\n'
    """
    for graph in store.graphs():
        name = URIRef(graph).n3().encode()
        for line in _graph_lines(store, graph):
            yield line.rstrip()[:-1].rstrip() + b" " + name + b" .\n"


def trig(store: GraphStore) -> Iterator[bytes]:
    """Every named graph of ``store`` as TriG: a ``GRAPH`` block of N-Triples lines per graph."""
    for graph in store.graphs():
        yield URIRef(graph).n3().encode() + b" {\n"
        for line in _graph_lines(store, graph):
            yield line + b"\n"
        yield b"}\n"


def turtle(store: GraphStore) -> Iterator[bytes]:
    """The default graph as queries see it (the merge of the named graphs), as Turtle."""
    yield from _chunks(store.query(GRAPH_CONTENT, media_type="text/turtle").body)


def gzipped(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """``chunks`` compressed as one gzip member (RFC 1952), as they come."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    for chunk in chunks:
        compressed = compressor.compress(chunk)
        if compressed:
            yield compressed
    yield compressor.flush()


#: Dump file name -> (Content-Type, the function that streams it).
DUMPS: dict[str, tuple[str, Callable[[GraphStore], Iterator[bytes]]]] = {
    "hin.nq.gz": ("application/gzip", lambda store: gzipped(batched(nquads(store)))),
    "hin.trig": ("application/trig; charset=utf-8", lambda store: batched(trig(store))),
    "hin.ttl": ("text/turtle; charset=utf-8", turtle),
}


@router.get("/dumps/{file_name}", summary="Whole-dataset dumps: hin.nq.gz, hin.trig, hin.ttl")
async def dump(request: Request, file_name: str) -> Response:
    """Stream a dump of the whole dataset; see docs/linked-data.md."""
    if file_name not in DUMPS:
        raise ApiError("not-found", f"no dump {file_name!r}; the dumps are {', '.join(DUMPS)}")
    store: GraphStore = request.app.state.store
    media_type, stream = DUMPS[file_name]
    headers = validators(store, f"dump {file_name}")
    if not_modified(request, headers):
        return not_modified_response(headers)
    headers["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return StreamingResponse(stream(store), media_type=media_type, headers=headers)


@router.get("/rdf-graphs", summary="Graph Store Protocol GET: ?graph=IRI or ?default (read-only)")
async def graph_store(request: Request) -> Response:
    """One graph of the dataset, as the Graph Store HTTP Protocol's GET defines."""
    store: GraphStore = request.app.state.store
    params = request.query_params
    names = params.getlist("graph")
    if ("default" in params) == bool(names) or len(names) > 1:
        raise ApiError("bad-request", "give exactly one of ?default or ?graph=IRI (Graph Store "
                       "Protocol, section 4.2); GET /.well-known/void lists the graphs")
    if names and names[0] not in await run_in_threadpool(store.graphs):
        raise ApiError("not-found", f"no named graph {names[0]!r} in this dataset; GET "
                       "/.well-known/void lists the graphs")
    chosen = negotiate(GRAPH, request.headers.get("accept"))
    headers = {"Vary": "Accept", **validators(store, f"graph {names[0] if names else ''} {chosen.name}")}
    if not_modified(request, headers):
        return not_modified_response(headers)
    dataset = {"default_graph_uris": names} if names else {}
    answer = await run_in_threadpool(lambda: store.query(GRAPH_CONTENT, media_type=chosen.media_type,
                                                         **dataset))
    body = answer.body if isinstance(answer.body, bytes) else b"".join(answer.body)
    return Response(body, media_type=chosen.content_type, headers=headers)
