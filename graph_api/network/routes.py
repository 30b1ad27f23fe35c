"""HTTP routes of the network views: thin wrappers over views, centrality and report.

* ``GET /network``: the views as JSON (name, title, description, query text, links).
* ``GET /network/{view}``: the view's weighted edges, JSON or CSV.
* ``GET /network/{view}/centrality?metric=...``: each node's value and rank, JSON or CSV.

The format is ``format=json|csv`` when given, else the better of ``application/json`` and
``text/csv`` for the request's ``Accept`` header (JSON when both fit equally or there is none).
The app factory sets ``app.state.store`` and ``app.state.catalogue`` and includes :data:`router`.
"""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from graph_api.conneg import parse_accept
from graph_api.errors import ApiError
from graph_api.network.centrality import METRICS, centrality
from graph_api.network.report import ranking_csv, ranking_json
from graph_api.network.views import load_view

router = APIRouter()

#: The formats of the network routes: ``format=`` name -> media type, the default first.
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv"}

#: The measure ranked when the request names none.
DEFAULT_METRIC = "degree"


@router.get("/network", name="network_views", summary="The network views")
def network_views(request: Request) -> JSONResponse:
    """Every view: its name, title, description, SPARQL text and the URLs of its edges and ranks."""
    views = [{
        "name": view.slug,
        "title": view.title,
        "description": view.description,
        "query": view.text,
        "edges": str(request.url_for("network_edges", view=view.slug)),
        "centrality": str(request.url_for("network_centrality", view=view.slug)),
    } for view in request.app.state.catalogue.views()]
    return JSONResponse({"views": views, "metrics": {name: m.description for name, m in METRICS.items()}})


@router.get("/network/{view}", name="network_edges", summary="The weighted edges of a network view")
def network_edges(request: Request, view: str, fmt: str | None = Query(None, alias="format")) -> Response:
    """``source, target, weight`` and the two labels, one row per edge, heaviest first."""
    fmt = choose_format(fmt, request.headers.get("accept"))
    graph = _graph(request, view)
    edges = sorted(graph.edges(data="weight"), key=lambda e: (-e[2], min(e[0], e[1]), max(e[0], e[1])))
    rows = [{"source": min(u, v), "source_label": graph.nodes[min(u, v)]["label"],
             "target": max(u, v), "target_label": graph.nodes[max(u, v)]["label"], "weight": w}
            for u, v, w in edges]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, ["source", "source_label", "target", "target_label", "weight"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return Response(out.getvalue(), media_type=MEDIA_TYPES["csv"])
    body = {"view": view, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "rows": rows}
    return Response(json.dumps(body, ensure_ascii=False, indent=2), media_type=MEDIA_TYPES["json"])


@router.get("/network/{view}/centrality", name="network_centrality", summary="Rank a view's nodes")
def network_centrality(
    request: Request,
    view: str,
    metric: str = DEFAULT_METRIC,
    fmt: str | None = Query(None, alias="format", description="json or csv; overrides Accept"),
    limit: int | None = Query(None, ge=0, description="Return only the first rows"),
) -> Response:
    """Each node's ``iri, label, value, rank`` under ``metric`` (1 = most central; for
    constraint the lowest value, the strongest broker, ranks first)."""
    if metric not in METRICS:
        raise ApiError("bad-request", f"unknown metric {metric!r}; use one of {', '.join(METRICS)}")
    fmt = choose_format(fmt, request.headers.get("accept"))
    graph = _graph(request, view)
    rows = centrality(graph, metric)[:limit]
    if fmt == "csv":
        return Response(ranking_csv(rows), media_type=MEDIA_TYPES["csv"])
    return Response(ranking_json(graph, view, metric, rows), media_type=MEDIA_TYPES["json"])


def choose_format(format_value: str | None, accept: str | None) -> str:
    """``json`` or ``csv`` for a request: ``format=`` first, then ``Accept`` (RFC 9110 quality
    of the most specific matching range).  ``ApiError`` bad-request for an unknown ``format=``,
    not-acceptable when ``Accept`` excludes both.

    >>> choose_format(None, "text/csv;q=0.9, application/json;q=0.5")
    'csv'
    >>> choose_format(None, "text/html,*/*;q=0.8")
    'json'
    """
    if format_value is not None:
        if format_value.lower() not in MEDIA_TYPES:
            raise ApiError("bad-request", f"unknown format={format_value!r}; use one of {', '.join(MEDIA_TYPES)}")
        return format_value.lower()
    ranges = parse_accept(accept)
    if not ranges:
        return next(iter(MEDIA_TYPES))
    best, best_q = None, 0.0
    for name, media_type in MEDIA_TYPES.items():
        main = media_type.split("/")[0]
        matches = [(3 if r.media_type == media_type else 1 if r.media_type == f"{main}/*" else 0, r.q)
                   for r in ranges if r.media_type in (media_type, f"{main}/*", "*/*")]
        quality = max(matches)[1] if matches else 0.0
        if quality > best_q:
            best, best_q = name, quality
    if best is None:
        raise ApiError("not-acceptable", f"Accept: {accept} allows neither {' nor '.join(MEDIA_TYPES.values())}; "
                       "use format=json or format=csv")
    return best


def _graph(request: Request, view: str) -> nx.Graph:
    catalogue = request.app.state.catalogue
    try:
        return load_view(request.app.state.store, catalogue, view)
    except KeyError:
        views = ", ".join(v.slug for v in catalogue.views())
        raise ApiError("not-found", f"no network view {view!r}; GET /network lists them ({views})") from None

