"""A network view with its measures, for other tools: GraphML, GEXF (Gephi) and CSV tables.

Every node carries its ``label``, each measure of the registry
(:data:`~graph_api.network.centrality.MEASURES`) as ``<measure>`` (value) and ``<measure>_rank``,
and, with a partition, ``group`` (the group's IRI or text), ``group_label`` and its Gould-Fernandez
brokerage roles, ``brokerage_<role>`` (the count) and ``brokerage_<role>_z`` (its z-score) for each
role and the ``total``.  A measure that is
undefined for a node (constraint of a node without ties) is left out of that node's attributes in
GraphML and GEXF and is an empty cell in CSV.  Edges carry ``weight``.  Node ids are the IRIs.

* GraphML: http://graphml.graphdrawing.org/ (``networkx.write_graphml``), read by Gephi, yEd,
  Cytoscape, igraph and networkx.
* GEXF 1.2: https://gexf.net/ (``networkx.write_gexf``), Gephi's own format.
* CSV: a node table (``id,label,...``) and an edge table (``source,target,weight,...``), the
  shape Gephi's spreadsheet import and R/pandas read; together in a zip file where one file is
  wanted.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import networkx as nx

from graph_api.network.brokerage import COLUMNS
from graph_api.network.centrality import MEASURES
from graph_api.network.partitions import Partition
from graph_api.network.report import brokerage_rows, csv_text, measure_rows, partition_for, view_or_error
from graph_api.store import GraphStore
from queries import Catalogue, load_catalogue

#: Export formats by file extension (``hin brokers --export FILE``).
EXPORT_SUFFIXES = (".graphml", ".gexf", ".csv", ".zip")


def annotated_graph(graph: nx.Graph, partition: Partition | None = None,
                    rows: list[dict] | None = None) -> nx.Graph:
    """A copy of ``graph`` whose nodes carry their label, every measure and rank, and group.

    Parameters
    ----------
    graph
        A view's graph (:func:`graph_api.network.views.load_view`).
    partition
        Adds ``group`` and ``group_label`` to the nodes that have a group.
    rows
        The measures, as :func:`graph_api.network.report.measure_rows` returns them; computed
        when not given.

    Examples
    --------
    >>> g = annotated_graph(nx.path_graph(["a", "b", "c"]))
    >>> g.nodes["b"]["degree"], g.nodes["b"]["degree_rank"], g.nodes["b"]["label"]
    (1.0, 1, 'b')
    """
    rows = rows if rows is not None else measure_rows(graph, partition)
    roles = {row["iri"]: row for row in brokerage_rows(graph, partition)[1]} if partition is not None else {}
    copy = nx.Graph()
    copy.graph.update({k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float))})
    for row in rows:
        attributes: dict[str, object] = {"label": row["label"] or row["iri"]}
        for name in MEASURES:
            if name in row and row[name]["value"] is not None:
                attributes[name] = float(row[name]["value"])
                attributes[f"{name}_rank"] = int(row[name]["rank"])
        if partition is not None and partition.groups.get(row["iri"]) is not None:
            attributes["group"] = partition.groups[row["iri"]]
            attributes["group_label"] = partition.group_label(row["iri"])
        for column in COLUMNS if row["iri"] in roles else ():
            attributes[f"brokerage_{column}"] = float(roles[row["iri"]][column]["raw"])
            if roles[row["iri"]][column]["z"] is not None:
                attributes[f"brokerage_{column}_z"] = float(roles[row["iri"]][column]["z"])
        copy.add_node(row["iri"], **attributes)
    copy.add_edges_from((str(u), str(v), {"weight": float(w)}) for u, v, w in graph.edges(data="weight", default=1.0))
    return copy


def graphml_bytes(graph: nx.Graph) -> bytes:
    """An annotated graph (:func:`annotated_graph`) as GraphML, UTF-8."""
    out = io.BytesIO()
    nx.write_graphml(graph, out, encoding="utf-8", named_key_ids=True)
    return out.getvalue()


def gexf_bytes(graph: nx.Graph) -> bytes:
    """An annotated graph as GEXF 1.2 (node labels are GEXF labels, measures attributes)."""
    out = io.BytesIO()
    nx.write_gexf(graph, out, encoding="utf-8", version="1.2draft")
    return out.getvalue()


def nodes_csv(graph: nx.Graph) -> str:
    """The node table of an annotated graph: ``id,label[,group,group_label],<measure>,<measure>_rank,
    ...[,brokerage_<role>,brokerage_<role>_z,...]``.

    Rows are in the order of the graph's nodes (the order of :func:`measure_rows`: strongest
    brokers first).
    """
    present = {key for _, data in graph.nodes(data=True) for key in data}
    grouped = "group" in present
    roles = [f"brokerage_{c}{s}" for c in COLUMNS for s in ("", "_z")] if "brokerage_total" in present else []
    columns = ["label", *(["group", "group_label"] if grouped else []),
               *(f"{m}{s}" for m in MEASURES if m in present for s in ("", "_rank")), *roles]
    cells = [[node] + [_cell(data.get(c)) for c in columns] for node, data in graph.nodes(data=True)]
    return csv_text(["id", *columns], cells)


def edges_csv(graph: nx.Graph) -> str:
    """The edge table: ``source,target,weight,source_label,target_label``, heaviest first.

    Each pair appears once, its smaller IRI as the source.
    """
    label = nx.get_node_attributes(graph, "label")
    edges = sorted(((min(u, v), max(u, v), w) for u, v, w in graph.edges(data="weight", default=1.0)),
                   key=lambda e: (-e[2], e[0], e[1]))
    cells = [[u, v, _cell(w), label.get(u) or "", label.get(v) or ""] for u, v, w in edges]
    return csv_text(["source", "target", "weight", "source_label", "target_label"], cells)


def csv_zip_bytes(graph: nx.Graph) -> bytes:
    """``nodes.csv`` and ``edges.csv`` of an annotated graph in one zip file."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("nodes.csv", nodes_csv(graph))
        archive.writestr("edges.csv", edges_csv(graph))
    return out.getvalue()


def export_file(graph: nx.Graph, path: Path | str) -> list[Path]:
    """Write an annotated graph to ``path`` in the format its extension names.

    ``.graphml``, ``.gexf`` and ``.zip`` (both CSV tables) write one file; ``.csv`` writes two
    beside each other, ``<stem>-nodes.csv`` and ``<stem>-edges.csv``.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ValueError
        The extension is not one of :data:`EXPORT_SUFFIXES`; nothing is written.
    OSError
        The file cannot be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ValueError(f"{path}: cannot tell the export format from the extension; use "
                         f"{', '.join(EXPORT_SUFFIXES)}")
    if suffix == ".csv":
        nodes, edges = path.with_name(f"{path.stem}-nodes.csv"), path.with_name(f"{path.stem}-edges.csv")
        nodes.write_text(nodes_csv(graph), encoding="utf-8")
        edges.write_text(edges_csv(graph), encoding="utf-8")
        return [nodes, edges]
    writers = {".graphml": graphml_bytes, ".gexf": gexf_bytes, ".zip": csv_zip_bytes}
    path.write_bytes(writers[suffix](graph))
    return [path]


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def save_view(
    store: GraphStore,
    *,
    view: str,
    export: Path | str | None = None,
    picture: Path | str | None = None,
    partition: str | None = None,
    size_by: str | None = None,
    colour_by: str | None = None,
    top: int | None = None,
    catalogue: Catalogue | None = None,
) -> list[Path]:
    """Write a view's export and/or picture files (``hin brokers --export/--picture``).

    Parameters
    ----------
    store, view
        The store and the view's slug.
    export
        A ``.graphml``, ``.gexf``, ``.csv`` or ``.zip`` file (:func:`export_file`).
    picture
        A ``.svg`` or ``.png`` file (:func:`graph_api.network.picture.picture_file`).
    partition
        Groups for the export and, unless ``colour_by`` is given, the picture's colours: a
        partition query's slug or ``community``.
    size_by, colour_by, top
        The picture's measure, partition and number of labelled nodes (defaults: betweenness,
        ``partition``, 10).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ValueError
        An unknown view, partition, measure or file extension (checked before anything is
        written).
    """
    from graph_api.network import picture as pictures  # matplotlib loads only when drawing

    for path, suffixes in ((export, EXPORT_SUFFIXES), (picture, tuple(f".{s}" for s in pictures.PICTURE_FORMATS))):
        if path is not None and Path(path).suffix.lower() not in suffixes:
            raise ValueError(f"{path}: unknown file extension; use {', '.join(suffixes)}")
    if size_by is not None and size_by not in MEASURES:
        raise ValueError(f"unknown measure to size by {size_by!r}; use one of {', '.join(MEASURES)}")
    if top is not None and top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")
    catalogue = catalogue if catalogue is not None else load_catalogue()
    graph = view_or_error(store, catalogue, view)
    groups = partition_for(store, catalogue, graph, partition) if partition else None
    colours = partition_for(store, catalogue, graph, colour_by) if colour_by else groups
    written: list[Path] = []
    if export is not None:
        written += export_file(annotated_graph(graph, groups), export)
    if picture is not None:
        written.append(pictures.picture_file(graph, picture, size_by=size_by or pictures.DEFAULT_SIZE_BY,
                                             partition=colours, top=10 if top is None else top))
    return written
