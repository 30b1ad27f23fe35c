"""The FastAPI application: routes, shared state and the one place where errors become responses.

:func:`create_app` takes the :class:`~graph_api.settings.Settings` and, optionally, an open
:class:`~graph_api.store.GraphStore` (tests pass one; ``hin serve`` lets the app open the built
store read-only).  Route modules read ``request.app.state.store``, ``.settings`` and ``.catalogue``.

Every error leaves the server as the JSON body of :mod:`graph_api.errors`.  Route code raises
:class:`~graph_api.errors.ApiError`; a ``SyntaxError`` from the query parser becomes
``malformed-query``; FastAPI's request validation becomes ``bad-request``; Starlette's 404 and 405
become ``not-found`` and ``method-not-allowed``; anything else is a bug in HIN: it is logged with
its traceback and the client gets ``internal-error`` without one.
"""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph_api import dumps, linked_data, service_description, sparql_endpoint, sparql_update
from graph_api.errors import ERROR_CODES, ApiError
from graph_api.middleware import CORS, GZip
from graph_api.network.routes import router as network_router
from graph_api.oxigraph_store import OxigraphStore
from graph_api.query_limits import QueryTimeoutError, TooManyResultsError
from graph_api.query_workers import query_runner
from graph_api.remote_store import open_store
from graph_api.request_limits import RequestSizeLimit
from graph_api.security import SecurityHeaders, security_headers
from graph_api.settings import Settings
from graph_api.store import GraphStore
from queries import load_catalogue

logger = logging.getLogger(__name__)

#: Response headers a cross-origin script may read (graph_api.http_cache, graph_api.linked_data).
CORS_EXPOSED_HEADERS = ["ETag", "Last-Modified", "Content-Location", "Content-Disposition", "Vary"]
_HTTP_STATUS_CODES = {404: "not-found", 405: "method-not-allowed", 406: "not-acceptable",
                      415: "unsupported-media-type"}


def error_response(error: ApiError, headers: dict[str, str] | None = None) -> JSONResponse:
    """The standard JSON error response for ``error``."""
    return JSONResponse(error.body(), status_code=error.status, headers=headers)


async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc, headers=exc.headers)


async def _malformed_query(request: Request, exc: SyntaxError) -> JSONResponse:
    return error_response(ApiError("malformed-query", str(exc)))


async def _query_timeout(request: Request, exc: QueryTimeoutError) -> JSONResponse:
    return error_response(ApiError("query-timeout", str(exc)), headers={"Retry-After": "60"})


async def _too_many_results(request: Request, exc: TooManyResultsError) -> JSONResponse:
    return error_response(ApiError("too-many-results", str(exc)))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = "; ".join(
        f"{'.'.join(str(part) for part in problem.get('loc', ()))}: {problem.get('msg', 'invalid')}"
        for problem in exc.errors())
    return error_response(ApiError("bad-request", f"invalid request: {problems}"))


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _HTTP_STATUS_CODES.get(exc.status_code) or ("internal-error" if exc.status_code >= 500
                                                       else "bad-request")
    message = str(exc.detail)
    if message == HTTPStatus(exc.status_code).phrase:  # Starlette's own, e.g. "Not Found"
        if code == "not-found":
            message = f"no route {request.url.path}; GET / lists the routes"
        elif code == "method-not-allowed":
            message = f"{request.method} is not allowed on {request.url.path}"
    return error_response(ApiError(code, message, status=exc.status_code), headers=exc.headers)


async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
    logger.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    # Starlette answers this one outside the middleware, so the security headers are set here.
    return error_response(ApiError("internal-error", "internal server error; the server log has the details"),
                          headers=security_headers("application/json"))


#: The one mapping of exceptions to the error body, installed by create_app.
EXCEPTION_HANDLERS = {
    ApiError: _api_error,
    SyntaxError: _malformed_query,
    QueryTimeoutError: _query_timeout,
    TooManyResultsError: _too_many_results,
    RequestValidationError: _validation_error,
    StarletteHTTPException: _http_error,
    Exception: _internal_error,
}


def _landing(request: Request) -> dict:
    """GET /: what this server offers."""
    paths = request.app.openapi()["paths"]
    routes = [{"method": method.upper(), "path": path, "summary": operation.get("summary", "")}
              for path, operations in paths.items() for method, operation in operations.items()]
    return {
        "name": "HIN",
        "description": "A knowledge graph of health innovation networks: SPARQL 1.1 endpoint and "
                       "network views.",
        "sparql_endpoint": str(request.url_for("sparql")),
        "routes": routes,
        "openapi": str(request.url_for("openapi")),
        "documentation": "docs/http-api.md",
        "error_codes": {code: {"status": status, "meaning": meaning}
                        for code, (status, meaning) in ERROR_CODES.items()},
    }


def create_app(settings: Settings, store: GraphStore | None = None) -> FastAPI:
    """Build the HIN web application.

    Parameters
    ----------
    settings
        The server's settings (read once by the caller).
    store
        An open store to serve; the caller keeps it and closes it.  None: open the store at
        ``settings.store`` read-only, and close it when the application shuts down.

    Returns
    -------
    FastAPI
        With ``app.state.settings``, ``app.state.store`` and ``app.state.catalogue`` set.

    Raises
    ------
    OSError
        ``store`` is None and there is no built store at ``settings.store``.
    SyntaxError
        A named query in queries/ does not parse.
    """
    catalogue = load_catalogue()
    owned = store is None
    if store is None:
        store = open_store(settings)  # the embedded store, or a remote one for a URL (docs/deploy.md)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if app.state.query_runner is not None:
            app.state.query_runner.close()
        if owned:
            app.state.store.close()

    app = FastAPI(title="HIN", summary="Health innovation networks: SPARQL endpoint and network views",
                  lifespan=lifespan, exception_handlers=EXCEPTION_HANDLERS)
    app.state.settings = settings
    app.state.store = store
    # The SPARQL endpoint's queries: worker processes with a time limit for an on-disk store
    # (None: in-process, graph_api.query_limits).
    app.state.query_runner = query_runner(store, settings)
    app.state.catalogue = catalogue
    app.add_api_route("/", _landing, methods=["GET"], summary="What this server offers")
    # GET and POST /sparql first of all (before FastAPI's documentation routes too): each route
    # passed over costs a match on every query.
    app.router.routes[0:0] = sparql_endpoint.direct_routes()
    app.include_router(sparql_endpoint.router)
    app.include_router(network_router)
    app.include_router(service_description.router)
    app.include_router(linked_data.router)
    app.include_router(dumps.router)
    app.include_router(sparql_update.router)  # writes: off unless settings.update_token is set
    # Read endpoints answer browsers on any origin (CORS), and compress text when asked (gzip):
    # Starlette's middlewares, with a short way for short answers and requests without Origin
    # (graph_api.middleware).  Level 1 (nginx's default): level 9 took longer than the query for a
    # 1,000-row answer.
    app.add_middleware(GZip, minimum_size=1000, compresslevel=1)
    app.add_middleware(RequestSizeLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(CORS, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                       allow_headers=["*"], expose_headers=CORS_EXPOSED_HEADERS, max_age=3600)
    app.add_middleware(SecurityHeaders)  # outermost: every answer, errors included (docs/security.md)
    return app
