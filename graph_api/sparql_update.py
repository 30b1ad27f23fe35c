"""SPARQL Update and Graph Store writes on ``hin serve``: off unless enabled with a credential.

Updates are off by default: the server is read-only, and an update, however it is sent, is
refused with ``update-refused``.  An operator turns them on by setting ``update_token``
(``HIN_UPDATE_TOKEN``, graph_api.settings); then these requests are run when they carry
``Authorization: Bearer <update_token>``:

* SPARQL 1.1 Update (https://www.w3.org/TR/sparql11-protocol/#update-operation) at ``POST /sparql``:
  a form with ``update=``, or an ``application/sparql-update`` body;
* Graph Store Protocol writes (https://www.w3.org/TR/sparql11-http-rdf-update/) at
  ``/rdf-graphs?graph=IRI``: ``PUT`` (replace the graph), ``POST`` (add to it), ``DELETE``.

Without the header the answer is ``401 credential-required``; with another token, ``403
credential-refused`` (both with ``WWW-Authenticate: Bearer``; the token is compared in constant
time).  Then, before anything runs: ``LOAD`` is refused (the server fetches nothing from the
network), ``SERVICE`` targets must be on ``service_allow_list`` as for queries, and
``using-graph-uri`` / ``using-named-graph-uri`` are refused (write ``USING`` in the update).

The change is made by :func:`graph_api.store_update.apply_change` on a copy of the current
generation, checked (no default-graph or reserved-graph writes, the shapes hold), recorded as a
``prov:Activity`` and switched to atomically; then the server serves the new generation
(:func:`serve_current_generation`): linked-data pages, dumps and the query workers use it from the
next request on, and ETags change with the generation's name.  A SPARQL Update is answered ``200``
with ``{"generation", "changed_graphs", "activity"}``; a Graph Store write ``201`` (graph made) or
``204``.
"""
from __future__ import annotations

import hmac
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pyoxigraph as ox
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from graph_api.errors import ApiError
from graph_api.oxigraph_store import POINTER_FILE, OxigraphStore
from graph_api.service_policy import _tokens, check_services

router = APIRouter(tags=["Updates"])

#: Why an update is refused while updates are off, and how to turn them on.
UPDATES_OFF = ("updates are off on this server: SPARQL Update and Graph Store writes run only when the "
               "operator sets update_token (HIN_UPDATE_TOKEN), and then only by POST (update= in a "
               "form, or an application/sparql-update body) or PUT/POST/DELETE on /rdf-graphs, with "
               "Authorization: Bearer <token>; see docs/security.md")
_BEARER = re.compile(r"Bearer[ \t]+([^\s]+)[ \t]*$", re.IGNORECASE)
_CHALLENGE = 'Bearer realm="hin"'
_SWITCHING = threading.Lock()


def require_credential(request: Request) -> None:
    """Refuse the request unless updates are on and it carries the update credential."""
    token = request.app.state.settings.update_token
    secret = token.get_secret_value() if token is not None else ""
    if not secret:
        raise ApiError("update-refused", UPDATES_OFF)
    match = _BEARER.match(request.headers.get("authorization", ""))
    if match is None:
        raise ApiError("credential-required", "this update needs the server's update credential: send "
                       "Authorization: Bearer <token> (the update_token setting)",
                       headers={"WWW-Authenticate": _CHALLENGE})
    if not hmac.compare_digest(match[1].encode("utf-8"), secret.encode("utf-8")):
        raise ApiError("credential-refused", "the credential sent is not this server's update token; "
                       "ask the operator for the update_token",
                       headers={"WWW-Authenticate": f'{_CHALLENGE}, error="invalid_token"'})


def _store_folder(request: Request) -> Path:
    """The built store folder the server serves; update-refused for any other store."""
    folder = request.app.state.settings.store
    if not isinstance(request.app.state.store, OxigraphStore) or not isinstance(folder, Path) \
            or not (folder / POINTER_FILE).is_file():
        raise ApiError("update-refused", "updates are applied only to an embedded store built by `hin "
                       "build` (the store setting naming its folder); this server's store is not one")
    return folder


def serve_current_generation(app: FastAPI, folder: Path) -> None:
    """Serve the generation the store folder now points at, if it is newer than the one served.

    Later requests read it (``app.state.store``); the query workers switch as they are next used
    (a query running now ends on its generation); counts of the service description are redone."""
    with _SWITCHING:
        fresh = OxigraphStore.open(folder)
        current = app.state.store
        if current.location is not None and fresh.location.name <= current.location.name:
            fresh.close()
            return
        app.state.store = fresh  # the old one is dropped when the last request using it ends
        app.state.dataset_statistics = None
        if app.state.query_runner is not None:
            app.state.query_runner.switch(fresh.location)


async def _apply(request: Request, change: Callable[[ox.Store], None], *, label: str,
                 text: str | None = None):
    """Run ``change`` through :func:`graph_api.store_update.apply_change`, errors as ApiError."""
    from graph_api.build import StoreBusyError  # the build imports the extraction: load it late
    from graph_api.store_update import UpdateRejected, apply_change
    from shapes import InvalidGraphError

    folder = _store_folder(request)
    try:
        report = await run_in_threadpool(apply_change, folder, change, label=label, text=text,
                                         base_iri=request.app.state.settings.base_iri)
    except InvalidGraphError as error:
        raise ApiError("update-violates-shapes", f"the update was not applied: {error}") from None
    except UpdateRejected as error:
        raise ApiError("update-rejected", f"the update was not applied: {error}") from None
    except StoreBusyError as error:
        raise ApiError("store-busy", str(error), headers={"Retry-After": "10"}) from None
    if report.activity is not None:
        await run_in_threadpool(serve_current_generation, request.app, folder)
    return report


async def sparql_update(request: Request, params: Sequence[tuple[str, str]], body: str | None = None) -> Response:
    """Run a SPARQL Update sent to ``POST /sparql``: ``update=`` in ``params`` (the URL's and the
    form's), or ``body`` (an ``application/sparql-update`` body)."""
    require_credential(request)
    updates = [value for key, value in params if key == "update"] + ([body] if body is not None else [])
    if len(updates) != 1 or any(key == "query" for key, _ in params):
        raise ApiError("bad-request", "give exactly one update (update= in a form, or the body), and no "
                       "query= with it")
    update = updates[0]
    using = sorted({key for key, _ in params if key in ("using-graph-uri", "using-named-graph-uri")})
    if using:
        raise ApiError("bad-request", f"{using[0]}= is not supported; write USING <graph> in the update")
    if any(kind == "word" and text.upper() == "LOAD" for kind, text in _tokens(update)):
        raise ApiError("update-refused", "LOAD is refused: the server fetches nothing from the network; "
                       "send the data in the update (INSERT DATA) or PUT it to /rdf-graphs?graph=IRI")
    base_iri = str(request.url.replace(query="", fragment=""))
    check_services(update, request.app.state.settings.service_allow_list, base_iri)
    report = await _apply(request, lambda store: store.update(update, base_iri=base_iri),
                          label="SPARQL Update", text=update)
    return JSONResponse(report.as_json())


def _target_graph(request: Request) -> str:
    """The ``?graph=IRI`` of a Graph Store write; the default graph is refused."""
    params = request.query_params
    names = params.getlist("graph")
    if "default" in params:
        raise ApiError("update-rejected", "the default graph is the union of the named graphs and is made "
                       "again from them; write a named graph (?graph=IRI)")
    from graph_api.sparql_endpoint import _IRI  # it imports this module

    if len(names) != 1 or not _IRI.match(names[0]):
        raise ApiError("bad-request", "give exactly one ?graph= with the graph's absolute IRI (Graph Store "
                       "Protocol, section 5)")
    return names[0]


async def _graph_store_write(request: Request, method: str) -> Response:
    require_credential(request)
    graph = ox.NamedNode(_target_graph(request))
    data, rdf_format = b"", None
    if method != "DELETE":
        content_type = (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
        rdf_format = ox.RdfFormat.from_media_type(content_type) if content_type else None
        if rdf_format is None or rdf_format.supports_datasets:
            raise ApiError("unsupported-media-type", f"a graph is sent as Turtle, N-Triples, RDF/XML or "
                           f"JSON-LD, not {content_type or 'a body without Content-Type'}")
        data = await request.body()
    existed: list[bool] = []

    def change(store: ox.Store) -> None:
        existed.append(store.contains_named_graph(graph))
        if method == "DELETE" and not existed[0]:
            raise ApiError("not-found", f"no named graph <{graph.value}> in this dataset")
        if method in ("PUT", "DELETE") and existed[0]:
            store.remove_graph(graph)
        if rdf_format is not None:
            try:
                store.load(data, format=rdf_format, to_graph=graph)
            except SyntaxError as error:
                raise ApiError("bad-request", f"the body does not parse as {rdf_format.name}: {error}") from None

    await _apply(request, change, label=f"Graph Store {method} of <{graph.value}>")
    return Response(status_code=201 if method != "DELETE" and not existed[0] else 204)


@router.put("/rdf-graphs", summary="Graph Store Protocol PUT: replace ?graph=IRI (needs the update credential)")
async def graph_store_put(request: Request) -> Response:
    """Replace a named graph with the body; see docs/http-api.md."""
    return await _graph_store_write(request, "PUT")


@router.post("/rdf-graphs", summary="Graph Store Protocol POST: add to ?graph=IRI (needs the update credential)")
async def graph_store_post(request: Request) -> Response:
    """Add the body's triples to a named graph; see docs/http-api.md."""
    return await _graph_store_write(request, "POST")


@router.delete("/rdf-graphs", summary="Graph Store Protocol DELETE of ?graph=IRI (needs the update credential)")
async def graph_store_delete(request: Request) -> Response:
    """Remove a named graph; see docs/http-api.md."""
    return await _graph_store_write(request, "DELETE")
