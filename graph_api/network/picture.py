"""A picture of a network view: node size by a measure, colour by a partition, brokers labelled.

:func:`draw_network` renders with matplotlib's Agg and SVG backends on a
:class:`matplotlib.figure.Figure` of its own (no pyplot, no display, no global state left behind),
so the CLI and the server draw the same picture.  Choices that keep a network of a few hundred
actors readable:

* the layout is networkx's force-directed ``spring`` layout (Fruchterman-Reingold, ties pulled
  by their weight) or ``kamada-kawai``, with a fixed seed, so the same view gives the same
  picture; each connected component is laid out on its own and the components are packed in
  rows, largest first, each in a square whose area grows with its number of nodes;
* node area grows with the chosen measure, scaled between its smallest and largest value (for a
  measure where LOW marks a broker, constraint, the lowest value is drawn largest);
* edges are thin, grey and half transparent, their width grows with the weight;
* only the top N nodes by the measure are labelled (white-backed text, placed so that labels do
  not cover each other), and only nodes above the measure's minimum; the others are dots;
* colours come from the partition's largest groups (up to :data:`MAX_COLOURED_GROUPS`); the others
  share one grey, nodes without a group are light grey; a legend names each group and counts
  its nodes.

SVG text stays text (``svg.fonttype = none``), so labels can be searched and restyled.
"""
from __future__ import annotations

import io
import math
import threading
from collections import Counter
from pathlib import Path

import matplotlib
import networkx as nx
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from graph_api.network.centrality import MEASURES, centrality
from graph_api.network.partitions import Partition

#: Picture formats: name (file extension) -> media type.
PICTURE_FORMATS = {"svg": "image/svg+xml", "png": "image/png"}
#: Layouts :func:`draw_network` offers.
LAYOUTS = ("spring", "kamada-kawai")
#: The measure that sizes nodes unless told otherwise.
DEFAULT_SIZE_BY = "betweenness"
#: Groups of a partition that get a colour of their own; the others share a grey.
MAX_COLOURED_GROUPS = 10
#: Node area in points squared: smallest, largest.
NODE_AREA = (18.0, 520.0)
#: Labels longer than this are cut with an ellipsis.
LABEL_LENGTH = 36

_PALETTE = matplotlib.colormaps["tab10"].colors
_OTHER, _NONE = "#8c8c8c", "#d9d9d9"
_RENDER = threading.Lock()  # rcParams are process-wide: one picture at a time


def draw_network(
    graph: nx.Graph,
    *,
    size_by: str = DEFAULT_SIZE_BY,
    partition: Partition | None = None,
    top: int = 10,
    fmt: str = "svg",
    layout: str = "spring",
    seed: int = 7,
    title: str | None = None,
    width: float = 12.0,
    height: float = 9.0,
    dpi: int = 120,
) -> bytes:
    """Draw ``graph`` and return the picture as SVG or PNG bytes.

    Parameters
    ----------
    graph
        A view's graph: IRI nodes with a ``label`` attribute, edges with a ``weight``.
    size_by
        A key of :data:`~graph_api.network.centrality.MEASURES`: node area grows with it.
    partition
        Colours nodes by their group, with a legend; ``None``: one colour.
    top
        Label the ``top`` best nodes by ``size_by`` (0: none).
    fmt
        ``svg`` or ``png``.
    layout
        ``spring`` or ``kamada-kawai`` (see the module notes).
    seed
        Seed of the spring layout: the same seed gives the same picture.
    title
        The heading; by default the view, the measure and the partition.
    width, height, dpi
        Size in inches and, for PNG, pixels per inch (the defaults give 1440 x 1080 pixels).

    Raises
    ------
    ValueError
        For an unknown measure, format or layout, or a negative ``top``.
    """
    if size_by not in MEASURES:
        raise ValueError(f"unknown measure to size by {size_by!r}; use one of {', '.join(MEASURES)}")
    if fmt not in PICTURE_FORMATS:
        raise ValueError(f"unknown picture format {fmt!r}; use one of {', '.join(PICTURE_FORMATS)}")
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    if top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")
    ranked = centrality(graph, size_by)
    figure = Figure(figsize=(width, height), dpi=dpi)
    axes = figure.add_axes((0.01, 0.01, 0.74, 0.9))
    axes.set_axis_off()
    view = graph.graph.get("view", "network")
    grouped = f", colour by {partition.name}" if partition is not None else ""
    figure.suptitle(title or f"{view}: node size by {size_by}{grouped}", x=0.01, ha="left", fontsize=13)
    if len(graph) == 0:
        axes.text(0.5, 0.5, "(the view has no nodes)", ha="center", va="center", fontsize=12)
        return _render(figure, fmt)
    position = _layout(graph, layout, seed)
    _draw_edges(axes, graph, position)
    nodes = [row.iri for row in reversed(ranked)]  # the largest drawn last, on top
    scale = _scale({row.iri: row.value for row in ranked}, ascending=MEASURES[size_by].ascending)
    colours, legend = _colours(nodes, partition)
    axes.scatter([position[n][0] for n in nodes], [position[n][1] for n in nodes],
                 s=[NODE_AREA[0] + (NODE_AREA[1] - NODE_AREA[0]) * scale[n] for n in nodes],
                 c=[colours[n] for n in nodes], edgecolors="white", linewidths=0.6, zorder=2)
    axes.margins(0.06)
    axes.set_aspect("equal", adjustable="datalim")
    labelled = [row for row in ranked if row.value is not None and scale[row.iri] > 0][:top]
    _label(axes, [(position[row.iri], _short(row.label or row.iri), scale[row.iri]) for row in labelled], dpi)
    if legend:
        axes.legend(handles=legend, title=partition.name, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                    frameon=False, fontsize=8, title_fontsize=9)
    figure.text(0.01, 0.005, f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; "
                f"the {len(labelled)} highest by {size_by} labelled"
                + ("; low constraint = broker, drawn large" if MEASURES[size_by].ascending else ""),
                fontsize=8, color="#555555")
    return _render(figure, fmt)


def picture_file(graph: nx.Graph, path: Path | str, **options: object) -> Path:
    """Draw ``graph`` (options as :func:`draw_network`) into ``path``; ``.svg`` or ``.png``.

    ``ValueError`` for another extension (nothing is written).
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in PICTURE_FORMATS:
        raise ValueError(f"{path}: cannot tell the picture format from the extension; use .svg or .png")
    path.write_bytes(draw_network(graph, fmt=fmt, **options))
    return path


#: Side of the square an isolated node takes in the layout (a connected component of n nodes
#: takes sqrt(n)).
ISOLATE_CELL = 0.3


def _layout(graph: nx.Graph, layout: str, seed: int) -> dict[str, tuple[float, float]]:
    """Node positions: each connected component laid out on its own, in a square whose area
    grows with its size, the squares packed in rows, largest first (so that small components do
    not push the main one into a corner)."""
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    # isolated actors get a small cell each, so that a few hundred of them fill a strip below the
    # connected part rather than most of the picture
    sides = [math.sqrt(len(c)) if len(c) > 1 else ISOLATE_CELL for c in components]
    width = max(max(sides), 1.3 * math.sqrt(sum(side * side for side in sides if side > ISOLATE_CELL)) or 1.0)
    position: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for nodes, side in zip(components, sides):
        if x > 0 and x + side > width:
            x, y, row = 0.0, y - row - (0.4 if row > ISOLATE_CELL else 0.05), 0.0
        local = _layout_component(graph.subgraph(nodes), layout, seed)
        xs, ys = [p[0] for p in local.values()], [p[1] for p in local.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        for node, (px, py) in local.items():
            position[node] = (x + 0.1 * side + 0.8 * side * (px - min(xs)) / span,
                              y - 0.1 * side - 0.8 * side * (max(ys) - py) / span)
        x, row = x + side + (0.4 if side > ISOLATE_CELL else 0.05), max(row, side)
    return position


def _layout_component(component: nx.Graph, layout: str, seed: int) -> dict[str, tuple[float, float]]:
    if len(component) == 1:
        return {next(iter(component)): (0.0, 0.0)}
    if layout == "kamada-kawai":
        distance = nx.Graph()
        distance.add_edges_from((u, v, {"d": 1.0 / w}) for u, v, w in component.edges(data="weight", default=1.0))
        return nx.kamada_kawai_layout(distance, weight="d")
    k = 1.6 / math.sqrt(len(component))  # a little more room than the default 1 / sqrt(n)
    return nx.spring_layout(component, k=k, weight="weight", seed=seed, iterations=60)


def _draw_edges(axes, graph: nx.Graph, position: dict) -> None:
    edges = list(graph.edges(data="weight", default=1.0))
    if not edges:
        return
    heaviest = max(w for _, _, w in edges)
    segments = [(position[u], position[v]) for u, v, _ in edges]
    widths = [0.4 + 2.6 * w / heaviest for _, _, w in edges]
    alpha = 0.45 if len(edges) < 300 else 0.25
    axes.add_collection(LineCollection(segments, linewidths=widths, colors="#7f7f7f", alpha=alpha, zorder=1))


def _label(axes, labels: list[tuple[tuple[float, float], str, float]], dpi: int) -> None:
    """Write each label near its node, trying places around it until one does not cover a label
    already placed (best node first, so the strongest brokers get the best places)."""
    axes.autoscale_view()
    axes.apply_aspect()  # fix the limits now, so that data -> pixel positions are final
    font = 8 * dpi / 72  # the font size in pixels
    taken: list[tuple[float, float, float, float]] = []
    for (x, y), text, size in labels:
        px, py = axes.transData.transform((x, y))
        width, height = 0.6 * font * len(text) + 4, 1.4 * font
        gap = (6 + 9 * math.sqrt(size)) * dpi / 72
        tries = [(0, gap), (0, -gap - height), (gap + width / 2, -height / 2), (-gap - width / 2, -height / 2),
                 (0, gap + height), (0, -gap - 2 * height), (0, gap + 2 * height), (0, -gap - 3 * height)]
        for dx, dy in tries:
            box = (px + dx - width / 2, py + dy, px + dx + width / 2, py + dy + height)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
                break
        else:
            dx, dy = tries[0]
            box = (px + dx - width / 2, py + dy, px + dx + width / 2, py + dy + height)
        taken.append(box)
        axes.annotate(text, (x, y), xytext=(dx * 72 / dpi, dy * 72 / dpi), textcoords="offset points",
                      ha="center", va="bottom", fontsize=8, zorder=3,
                      arrowprops={"arrowstyle": "-", "color": "#555555", "lw": 0.5, "shrinkA": 0, "shrinkB": 2},
                      bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                            "alpha": 0.8})


def _scale(values: dict[str, float | None], *, ascending: bool) -> dict[str, float]:
    """Each node's value mapped to 0..1 (1 = strongest); undefined values 0."""
    defined = [v for v in values.values() if v is not None]
    low, high = (min(defined), max(defined)) if defined else (0.0, 0.0)
    span = high - low

    def scaled(value: float | None) -> float:
        if value is None:
            return 0.0
        share = (value - low) / span if span > 0 else 1.0
        return 1.0 - share if ascending and span > 0 else share

    return {node: scaled(value) for node, value in values.items()}


def _colours(nodes: list[str], partition: Partition | None) -> tuple[dict[str, object], list[Line2D]]:
    if partition is None:
        return {node: _PALETTE[0] for node in nodes}, []
    counts = Counter(partition.groups[n] for n in nodes if n in partition.groups)
    ordered = sorted(counts, key=lambda g: (-counts[g], partition.labels.get(g, g)))
    coloured = {group: _PALETTE[i % len(_PALETTE)] for i, group in enumerate(ordered[:MAX_COLOURED_GROUPS])}
    colours = {n: coloured.get(partition.groups.get(n), _OTHER if n in partition.groups else _NONE) for n in nodes}

    def entry(colour: object, text: str) -> Line2D:
        return Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor=colour,
                      markeredgecolor="white", label=text)

    legend = [entry(coloured[g], f"{_short(partition.labels.get(g, g))} ({counts[g]})") for g in coloured]
    rest = ordered[MAX_COLOURED_GROUPS:]
    if rest:
        legend.append(entry(_OTHER, f"{len(rest)} other groups ({sum(counts[g] for g in rest)})"))
    without = sum(1 for n in nodes if n not in partition.groups)
    if without:
        legend.append(entry(_NONE, f"no group ({without})"))
    return colours, legend


def _short(text: str) -> str:
    return text if len(text) <= LABEL_LENGTH else text[:LABEL_LENGTH - 1] + "…"


def _render(figure: Figure, fmt: str) -> bytes:
    out = io.BytesIO()
    with _RENDER, matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "hin"}):
        figure.savefig(out, format=fmt, metadata={"Date": None} if fmt == "svg" else None,
                       facecolor="white")
    return out.getvalue()
