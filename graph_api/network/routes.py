"""HTTP routes of the network views: thin wrappers over views, centrality and report.

* ``GET /network``: the views as JSON (name, title, description, query text, links).
* ``GET /network/{view}``: the view's weighted edges, JSON or CSV.
* ``GET /network/{view}/centrality?metric=...``: each node's value and rank, JSON, CSV or a table.
* ``GET /network/{view}/measures``: every measure of every node (and its group with
  ``partition=``), JSON, CSV or a table.
* ``GET /network/{view}/brokerage?partition=...``: Gould-Fernandez roles, JSON, CSV or a table.
* ``GET /network/{view}/export.graphml``, ``export.gexf``, ``nodes.csv``, ``edges.csv``: the
  network with every measure as node attributes (:mod:`graph_api.network.export`).
* ``GET /network/{view}/picture.svg``, ``picture.png``: the picture of
  :mod:`graph_api.network.picture`.

The format of the tables is ``format=json|csv|table`` when given, else the best of
``application/json``, ``text/csv`` and ``text/plain`` for the request's ``Accept`` header (JSON
when several fit equally or there is none).
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
from graph_api.network import export, picture
from graph_api.network.centrality import MEASURES, METRICS, centrality
from graph_api.network.cross_border import cross_border_brokers
from graph_api.network.partitions import Partition
from graph_api.network.report import (brokerage_rows, brokerage_text, cross_border_text, measure_rows,
                                      measures_text, partition_for, ranking_csv, ranking_json, ranking_table)
from graph_api.network.views import load_view

router = APIRouter()

#: The formats of the network edges: ``format=`` name -> media type, the default first.
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv"}
#: The formats of the rankings and measures: the same and a plain-text table.
TABLE_MEDIA_TYPES = {**MEDIA_TYPES, "table": "text/plain; charset=utf-8"}
#: Media types of the exports and pictures.
EXPORT_MEDIA_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml",
                      "csv": "text/csv; charset=utf-8"}

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
        "measures": str(request.url_for("network_measures", view=view.slug)),
        "brokerage": str(request.url_for("network_brokerage", view=view.slug)),
        "graphml": str(request.url_for("network_graphml", view=view.slug)),
        "gexf": str(request.url_for("network_gexf", view=view.slug)),
        "nodes_csv": str(request.url_for("network_nodes_csv", view=view.slug)),
        "edges_csv": str(request.url_for("network_edges_csv", view=view.slug)),
        "picture": str(request.url_for("network_picture_svg", view=view.slug)),
    } for view in request.app.state.catalogue.views()]
    measures = {name: {"description": m.description, "order": "ascending" if m.ascending else "descending",
                       "parameters": {p.name: {"default": p.default, "description": p.description}
                                      for p in m.parameters}} for name, m in MEASURES.items()}
    partitions = [{"name": q.slug, "title": q.title, "description": q.description}
                  for q in request.app.state.catalogue.partitions()]
    return JSONResponse({"views": views, "metrics": {name: m.description for name, m in METRICS.items()},
                         "measures": measures, "partitions": partitions})


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
    fmt: str | None = Query(None, alias="format", description="json, csv or table; overrides Accept"),
    limit: int | None = Query(None, ge=0, description="Return only the first rows"),
) -> Response:
    """Each node's ``iri, label, value, rank`` under ``metric`` (1 = most central; for
    constraint the lowest value, the strongest broker, ranks first).  Any other query parameter
    is a parameter of the measure (``k`` and ``seed`` of betweenness, ``alpha`` of pagerank, ...;
    ``GET /network`` lists them)."""
    _check_metric(metric, "metric")
    try:
        params = MEASURES[metric].parse({k: v for k, v in request.query_params.items()
                                         if k not in ("metric", "format", "limit")})
    except ValueError as error:
        raise ApiError("bad-request", str(error)) from None
    fmt = choose_format(fmt, request.headers.get("accept"), TABLE_MEDIA_TYPES)
    graph = _graph(request, view)
    rows = centrality(graph, metric, **params)[:limit]
    if fmt == "csv":
        body = ranking_csv(rows)
    elif fmt == "table":
        body = ranking_table(rows, metric)
    else:
        body = ranking_json(graph, view, metric, rows)
    return Response(body, media_type=TABLE_MEDIA_TYPES[fmt])


@router.get("/network/{view}/measures", name="network_measures", summary="Every measure of a view's nodes")
def network_measures(
    request: Request,
    view: str,
    partition: str | None = Query(None, description="a partition query (e.g. country) or community"),
    fmt: str | None = Query(None, alias="format", description="json, csv or table; overrides Accept"),
    limit: int | None = Query(None, ge=0, description="Return only the first rows"),
) -> Response:
    """One row per node with every measure's value and rank (and the node's group), strongest
    brokers (lowest constraint) first."""
    fmt = choose_format(fmt, request.headers.get("accept"), TABLE_MEDIA_TYPES)
    graph = _graph(request, view)
    groups = _partition(request, graph, partition)
    body = measures_text(graph, view, measure_rows(graph, groups)[:limit], fmt, partition=groups)
    return Response(body, media_type=TABLE_MEDIA_TYPES[fmt])


@router.get("/network/{view}/brokerage", name="network_brokerage",
            summary="Gould-Fernandez brokerage roles of a view's nodes for a partition")
def network_brokerage(
    request: Request,
    view: str,
    partition: str = Query(..., description="a partition query (e.g. country) or community"),
    fmt: str | None = Query(None, alias="format", description="json, csv or table; overrides Accept"),
    limit: int | None = Query(None, ge=0, description="Return only the first rows"),
) -> Response:
    """Each node's count of coordinator, itinerant, representative, gatekeeper and liaison
    paths, their expected counts and z-scores, most brokering node first."""
    fmt = choose_format(fmt, request.headers.get("accept"), TABLE_MEDIA_TYPES)
    graph = _graph(request, view)
    groups = _partition(request, graph, partition)
    result, rows = brokerage_rows(graph, groups)
    return Response(brokerage_text(view, groups, result, rows[:limit], fmt), media_type=TABLE_MEDIA_TYPES[fmt])


@router.get("/network/{view}/cross-border", name="network_cross_border",
            summary="Actors ranked by the brokerage roles that span groups (liaison + gatekeeper)")
def network_cross_border(
    request: Request,
    view: str,
    partition: str = Query("country", description="a partition query, country by default"),
    fmt: str | None = Query(None, alias="format", description="json, csv or table; overrides Accept"),
    limit: int | None = Query(None, ge=0, description="Return only the first rows"),
) -> Response:
    """The cross-border broker report: for each actor with a group, its liaison and gatekeeper
    counts (and the other roles), their z-scores and Burt's constraint, strongest broker first."""
    fmt = choose_format(fmt, request.headers.get("accept"), TABLE_MEDIA_TYPES)
    graph = _graph(request, view)
    groups = _partition(request, graph, partition)
    rows = cross_border_brokers(graph, groups.groups, top=limit)
    return Response(cross_border_text(view, groups, rows, fmt), media_type=TABLE_MEDIA_TYPES[fmt])


@router.get("/network/{view}/export.graphml", name="network_graphml", summary="A view with its measures as GraphML")
def network_graphml(request: Request, view: str, partition: str | None = None) -> Response:
    """The view's network, every measure a node attribute, as GraphML (Gephi, yEd, Cytoscape)."""
    return _download(export.graphml_bytes(_annotated(request, view, partition)), f"{view}.graphml", "graphml")


@router.get("/network/{view}/export.gexf", name="network_gexf", summary="A view with its measures as GEXF")
def network_gexf(request: Request, view: str, partition: str | None = None) -> Response:
    """The view's network, every measure a node attribute, as GEXF 1.2 (Gephi)."""
    return _download(export.gexf_bytes(_annotated(request, view, partition)), f"{view}.gexf", "gexf")


@router.get("/network/{view}/nodes.csv", name="network_nodes_csv", summary="A view's node table with every measure")
def network_nodes_csv(request: Request, view: str, partition: str | None = None) -> Response:
    """``id,label[,group,group_label],<metric>,<metric>_rank,...``, one row per node."""
    return _download(export.nodes_csv(_annotated(request, view, partition)), f"{view}-nodes.csv", "csv")


@router.get("/network/{view}/edges.csv", name="network_edges_csv", summary="A view's edge table")
def network_edges_csv(request: Request, view: str) -> Response:
    """``source,target,weight,source_label,target_label``, heaviest first."""
    return _download(export.edges_csv(_graph(request, view)), f"{view}-edges.csv", "csv")


@router.get("/network/{view}/picture.svg", name="network_picture_svg", summary="A picture of a view (SVG)")
def network_picture_svg(
    request: Request, view: str,
    size_by: str = Query(picture.DEFAULT_SIZE_BY, description="the measure that sizes nodes"),
    colour_by: str | None = Query(None, description="a partition query (e.g. country) or community"),
    top: int = Query(10, ge=0, le=100, description="label the best N nodes by size_by"),
    layout: str = Query("spring", description="spring or kamada-kawai"),
) -> Response:
    """Node size by ``size_by``, colour by the ``colour_by`` partition, the top brokers labelled."""
    return _picture(request, view, "svg", size_by, colour_by, top, layout)


@router.get("/network/{view}/picture.png", name="network_picture_png", summary="A picture of a view (PNG)")
def network_picture_png(
    request: Request, view: str,
    size_by: str = Query(picture.DEFAULT_SIZE_BY, description="the measure that sizes nodes"),
    colour_by: str | None = Query(None, description="a partition query (e.g. country) or community"),
    top: int = Query(10, ge=0, le=100, description="label the best N nodes by size_by"),
    layout: str = Query("spring", description="spring or kamada-kawai"),
) -> Response:
    """The same picture as PNG (1440 x 1080 pixels)."""
    return _picture(request, view, "png", size_by, colour_by, top, layout)


def choose_format(format_value: str | None, accept: str | None,
                  media_types: dict[str, str] = MEDIA_TYPES) -> str:
    """A key of ``media_types`` for a request: ``format=`` first, then ``Accept`` (RFC 9110
    quality of the most specific matching range; the first format wins a tie).  ``ApiError``
    bad-request for an unknown ``format=``, not-acceptable when ``Accept`` excludes them all.

    >>> choose_format(None, "text/csv;q=0.9, application/json;q=0.5")
    'csv'
    >>> choose_format(None, "text/html,*/*;q=0.8")
    'json'
    """
    if format_value is not None:
        if format_value.lower() not in media_types:
            raise ApiError("bad-request", f"unknown format={format_value!r}; use one of {', '.join(media_types)}")
        return format_value.lower()
    ranges = parse_accept(accept)
    if not ranges:
        return next(iter(media_types))
    best, best_q = None, 0.0
    for name, full_type in media_types.items():
        media_type = full_type.split(";")[0]
        main = media_type.split("/")[0]
        matches = [(3 if r.media_type == media_type else 1 if r.media_type == f"{main}/*" else 0, r.q)
                   for r in ranges if r.media_type in (media_type, f"{main}/*", "*/*")]
        quality = max(matches)[1] if matches else 0.0
        if quality > best_q:
            best, best_q = name, quality
    if best is None:
        types = [t.split(";")[0] for t in media_types.values()]
        raise ApiError("not-acceptable", f"Accept: {accept} allows none of {', '.join(types)}; "
                       f"use {' or '.join(f'format={name}' for name in media_types)}")
    return best


def _graph(request: Request, view: str) -> nx.Graph:
    catalogue = request.app.state.catalogue
    try:
        return load_view(request.app.state.store, catalogue, view)
    except KeyError:
        views = ", ".join(v.slug for v in catalogue.views())
        raise ApiError("not-found", f"no network view {view!r}; GET /network lists them ({views})") from None


def _check_metric(metric: str, parameter: str) -> None:
    if metric not in MEASURES:
        raise ApiError("bad-request", f"unknown {parameter} {metric!r}; use one of {', '.join(MEASURES)}")


def _partition(request: Request, graph: nx.Graph, name: str | None) -> Partition | None:
    if name is None:
        return None
    try:
        return partition_for(request.app.state.store, request.app.state.catalogue, graph, name)
    except ValueError as error:  # an unknown partition: the message lists the known ones
        raise ApiError("bad-request", str(error)) from None


def _annotated(request: Request, view: str, partition: str | None) -> nx.Graph:
    graph = _graph(request, view)
    return export.annotated_graph(graph, _partition(request, graph, partition))


def _download(body: bytes | str, filename: str, kind: str) -> Response:
    return Response(body, media_type=EXPORT_MEDIA_TYPES[kind],
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _picture(request: Request, view: str, fmt: str, size_by: str, colour_by: str | None,
             top: int, layout: str) -> Response:
    _check_metric(size_by, "size_by measure")
    if layout not in picture.LAYOUTS:
        raise ApiError("bad-request", f"unknown layout {layout!r}; use one of {', '.join(picture.LAYOUTS)}")
    graph = _graph(request, view)
    body = picture.draw_network(graph, size_by=size_by, partition=_partition(request, graph, colour_by),
                                top=top, fmt=fmt, layout=layout)
    return Response(body, media_type=picture.PICTURE_FORMATS[fmt])
