"""The SPARQL 1.1 Protocol query operation at ``/sparql`` (https://www.w3.org/TR/sparql11-protocol/).

Three ways to send a query: ``GET /sparql?query=...``, ``POST`` with an
``application/x-www-form-urlencoded`` body holding ``query=``, and ``POST`` with an
``application/sparql-query`` body that is the query itself.  ``default-graph-uri`` and
``named-graph-uri`` may repeat, in the URL for all three and in the form body for the form POST;
they set the RDF dataset and override ``FROM`` / ``FROM NAMED`` in the query.  The answer's media
type is negotiated (graph_api.conneg) once the query form is known; a body the store gives as an
iterator of chunks is streamed.

SPARQL Update (``update=`` in a form, or an ``application/sparql-update`` body) is off unless the
server has an ``update_token`` and the request carries it (graph_api.sparql_update); otherwise, and
for an update sent as a query or by GET, it is refused with ``update-refused``.  ``SERVICE``
clauses may call only the endpoints on the ``service_allow_list`` setting
(graph_api.service_policy, ``service-not-allowed``).  A relative IRI in a query without ``BASE``
resolves against the endpoint's own URL.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import URL
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Route
from starlette.types import Scope

from graph_api.conneg import Format, negotiate
from graph_api.errors import ApiError
from graph_api.query_limits import InProcessQueries
from graph_api.query_workers import QueryWorkerPool
from graph_api.service_policy import check_services
from graph_api.service_description import service_description_response
from graph_api.sparql_update import UPDATES_OFF, sparql_update
from graph_api.store import BOOLEAN, GRAPH, SOLUTIONS, GraphStore, QueryResponse

router = APIRouter(tags=["SPARQL"])

#: Query form keyword -> result kind.
QUERY_FORMS = {"SELECT": SOLUTIONS, "ASK": BOOLEAN, "CONSTRUCT": GRAPH, "DESCRIBE": GRAPH}
#: Keywords that start a SPARQL Update operation (https://www.w3.org/TR/sparql11-update/).
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "WITH", "LOAD", "CLEAR", "CREATE", "DROP", "COPY",
                             "MOVE", "ADD"})

FORM_TYPE = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"

# What may stand before the query form: whitespace, comments, IRIs, prefix names, strings (VERSION).
_PROLOGUE_SKIP = re.compile(r"""\s+|\#[^\n]*|<[^<>"{}|^`\\\s]*>|[A-Za-z_][\w.\-]*:|:|"[^"\n]*"|'[^'\n]*'""")
_WORD = re.compile(r"[A-Za-z]+")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")


def query_form(sparql: str) -> str | None:
    """The first keyword after the prologue (BASE, PREFIX, VERSION and comments), upper-cased.

    A light look at the query text, so that the media type can be chosen before the query runs;
    the store's parser remains the judge of whether the query is valid.

    Examples
    --------
    >>> query_form("PREFIX hin: <https://w3id.org/hin/ontology#>  # the vocabulary\\nask {}")
    'ASK'
    >>> query_form("{ ?s ?p ?o }") is None
    True
    """
    position = 0
    while True:
        skipped = _PROLOGUE_SKIP.match(sparql, position)
        if skipped:
            position = skipped.end()
            continue
        word = _WORD.match(sparql, position)
        if word is None:
            return None
        keyword = word[0].upper()
        if keyword not in ("BASE", "PREFIX", "VERSION"):
            return keyword
        position = word.end()


@dataclass(frozen=True)
class ProtocolRequest:
    """The query operation's parameters, however they were sent."""

    query: str
    default_graph_uris: tuple[str, ...]
    named_graph_uris: tuple[str, ...]
    format_values: tuple[str, ...]


def _protocol_request(params: Sequence[tuple[str, str]], body_query: str | None = None) -> ProtocolRequest:
    """Check the protocol's parameters (from URL and form) and gather them."""
    def values(name: str) -> tuple[str, ...]:
        return tuple(value for key, value in params if key == name)

    if values("update"):
        raise ApiError("update-refused", UPDATES_OFF)
    queries = values("query")
    if body_query is not None:
        if queries:
            raise ApiError("bad-request", "a query sent as an application/sparql-query body must not also "
                           "be given as query= in the URL")
        queries = (body_query,) if body_query.strip() else ()
    if not queries or not any(q.strip() for q in queries):
        raise ApiError("missing-query", "no SPARQL query given: send query= in the URL or a form body, "
                       "or POST the query as an application/sparql-query body")
    if len(queries) > 1:
        raise ApiError("bad-request", f"query= was given {len(queries)} times; give exactly one query")
    graphs = {name: values(name) for name in ("default-graph-uri", "named-graph-uri")}
    for name, iris in graphs.items():
        for iri in iris:
            if not _IRI.match(iri):
                raise ApiError("bad-request", f"{name}={iri!r} is not an absolute IRI; give the graph's full "
                               "IRI, e.g. https://w3id.org/hin/graph/{document-id}")
    return ProtocolRequest(queries[0], graphs["default-graph-uri"], graphs["named-graph-uri"],
                           values("format"))


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _charset(content_type: str | None) -> str:
    match = re.search(r";\s*charset\s*=\s*\"?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match[1] if match else "utf-8"


def _run(store: GraphStore, request: ProtocolRequest, accept: str | None,
         base_iri: str | None = None) -> tuple[QueryResponse, Format]:
    """Choose the format for the query's kind, then run the query (in a worker thread).

    ``base_iri`` (the endpoint's URL) resolves relative IRIs in a query without ``BASE``."""
    keyword = query_form(request.query)
    if keyword in UPDATE_KEYWORDS:
        raise ApiError("update-refused", UPDATES_OFF)
    dataset: dict[str, object] = {"default_graph_uris": request.default_graph_uris,
                                  "named_graph_uris": request.named_graph_uris}
    if base_iri is not None:
        dataset["base_iri"] = base_iri
    if keyword in QUERY_FORMS:
        chosen = negotiate(QUERY_FORMS[keyword], accept, request.format_values)
        return store.query(request.query, media_type=chosen.media_type, **dataset), chosen
    # Not a query form we recognise: the store's parser says what is wrong (SyntaxError), or, should
    # the query parse after all, the answer tells its kind and is re-serialised if need be.
    answer = store.query(request.query, **dataset)
    chosen = negotiate(answer.kind, accept, request.format_values)
    if answer.media_type != chosen.media_type:
        answer = store.query(request.query, media_type=chosen.media_type, **dataset)
    return answer, chosen


async def _run_on_loop(runner: QueryWorkerPool, request: ProtocolRequest, accept: str | None,
                       base_iri: str) -> tuple[QueryResponse, Format]:
    """As :func:`_run`, through the worker pool's :meth:`~QueryWorkerPool.aquery` when the query
    form is known (the common case: no thread between the request and the worker)."""
    keyword = query_form(request.query)
    if keyword not in QUERY_FORMS:  # an update (refused) or a form only the parser can name
        return await run_in_threadpool(_run, runner, request, accept, base_iri)
    chosen = negotiate(QUERY_FORMS[keyword], accept, request.format_values)
    answer = await runner.aquery(request.query, media_type=chosen.media_type,
                                 default_graph_uris=request.default_graph_uris,
                                 named_graph_uris=request.named_graph_uris, base_iri=base_iri)
    return answer, chosen


def _may_call_services(sparql: str) -> bool:
    """Whether a query may hold a ``SERVICE`` clause (the word, or a ``\\u`` escape that could spell
    it): the policy's tokenizer is skipped for the many queries that cannot.

    >>> _may_call_services("SELECT * WHERE { ?s ?p ?o }"), _may_call_services("... SeRvIcE <x> {}")
    (False, True)
    """
    lowered = sparql.lower()
    return "service" in lowered or "\\u" in lowered


def endpoint_url(scope: Scope) -> str:
    """The URL the request was sent to, without its query string: the base IRI of a query without
    ``BASE``.  The same few (scheme, server, Host, path) come again and again, so the string that
    Starlette's URL makes of them is remembered (a long Host header is not)."""
    host = next((value for key, value in scope["headers"] if key == b"host"), None)
    key = (scope.get("scheme", "http"), scope.get("server"), scope.get("root_path", ""), scope["path"], host)
    if host is not None and len(host) > 255:
        return _endpoint_url(*key)
    return _remembered_url(*key)


def _endpoint_url(scheme: str, server: tuple | None, root_path: str, path: str, host: bytes | None) -> str:
    scope = {"type": "http", "scheme": scheme, "server": server, "root_path": root_path, "path": path,
             "query_string": b"", "headers": [(b"host", host)] if host is not None else []}
    return str(URL(scope=scope).replace(query="", fragment=""))


_remembered_url = lru_cache(maxsize=64)(_endpoint_url)


async def _respond(request: Request, protocol: ProtocolRequest) -> Response:
    # Time and row limits: worker processes (graph_api.query_workers), else in-process (row limit only).
    runner = request.app.state.query_runner
    base_iri = endpoint_url(request.scope)
    if _may_call_services(protocol.query):
        check_services(protocol.query, request.app.state.settings.service_allow_list, base_iri)
    accept = request.headers.get("accept")
    if isinstance(runner, QueryWorkerPool):
        answer, chosen = await _run_on_loop(runner, protocol, accept, base_iri)
    else:
        store: GraphStore = runner or InProcessQueries(
            request.app.state.store, max_rows=request.app.state.settings.max_result_rows or None)
        answer, chosen = await run_in_threadpool(_run, store, protocol, accept, base_iri)
    headers = {"Vary": "Accept"}
    if isinstance(answer.body, bytes):
        return Response(answer.body, media_type=chosen.content_type, headers=headers)
    body: Iterator[bytes] = answer.body
    return StreamingResponse(body, media_type=chosen.content_type, headers=headers)


@router.get("/sparql", summary="SPARQL query by GET (query= in the URL); without parameters, the "
            "Service Description")
async def sparql(request: Request) -> Response:
    """Run ``query=`` against the dataset; see docs/http-api.md.  Without any parameter: the
    SPARQL 1.1 Service Description (graph_api.service_description), as the SD spec asks."""
    if not request.query_params:
        return await service_description_response(request)
    return await _respond(request, _protocol_request(request.query_params.multi_items()))


@router.post("/sparql", summary="SPARQL query by POST (form with query=, or application/sparql-query body)")
async def sparql_post(request: Request) -> Response:
    """Run a query sent as a form (``query=``) or as an ``application/sparql-query`` body."""
    url_params = request.query_params.multi_items()
    content_type = request.headers.get("content-type")
    media_type = _media_type(content_type)
    if media_type == FORM_TYPE:
        form = await request.form()
        form_params = [(key, value) for key, value in form.multi_items() if isinstance(value, str)]
        if any(key == "update" for key, _ in form_params):
            return await sparql_update(request, url_params + form_params)
        return await _respond(request, _protocol_request(url_params + form_params))
    if media_type in (QUERY_TYPE, UPDATE_TYPE):
        raw = await request.body()
        if _charset(content_type).lower() not in ("utf-8", "utf8"):
            raise ApiError("bad-request", f"the query body is declared as {_charset(content_type)}; an "
                           f"{media_type} body must be UTF-8; send it encoded as UTF-8")
        try:
            text = raw.decode("utf-8")
        except (LookupError, UnicodeDecodeError) as error:
            raise ApiError("bad-request", f"the body does not decode as {_charset(content_type)}: "
                           f"{error}; send it as UTF-8") from None
        if media_type == UPDATE_TYPE:
            return await sparql_update(request, url_params, body=text)
        return await _respond(request, _protocol_request(url_params, body_query=text))
    raise ApiError("unsupported-media-type", f"POST /sparql reads {FORM_TYPE} (query=... or update=...), "
                   f"{QUERY_TYPE} or {UPDATE_TYPE} (the query or update as the body), not "
                   f"{content_type or 'a body without Content-Type'}")


def direct_routes() -> list[Route]:
    """``GET`` and ``POST /sparql`` as plain Starlette routes, for the app to place before
    :data:`router`.

    The endpoints take the bare request and return a response, so FastAPI's route (dependency
    solving, its nested router's second matching) did nothing for them but cost about 0.05 ms a
    query; :data:`router` still declares them, for the OpenAPI description, and answers the other
    methods."""
    routes = []
    for endpoint, method in ((sparql, "GET"), (sparql_post, "POST")):
        route = Route("/sparql", endpoint, methods=[method], include_in_schema=False)
        route.methods = {method}  # Starlette adds HEAD to GET; HEAD stays 405, as sparql_other_methods says
        routes.append(route)
    return routes


@router.api_route("/sparql", methods=["HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"], include_in_schema=False)
async def sparql_other_methods(request: Request) -> Response:
    """Answer other methods with 405 naming both GET and POST (Starlette would name only the first
    /sparql route's method)."""
    raise StarletteHTTPException(405, headers={"Allow": "GET, POST"})
