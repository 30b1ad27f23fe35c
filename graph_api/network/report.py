"""Measures of a network view as text: a terminal table, CSV or JSON.

:func:`brokers_report` is what ``hin brokers`` prints; the HTTP routes use the same functions
(:func:`ranking_json`, :func:`measures_text`, :func:`brokerage_text`, ...), so that both say the
same.  The all-measures report has one column per measure: the broker measures of
:data:`~graph_api.network.centrality.METRICS` by default, every measure of the registry
(:data:`~graph_api.network.centrality.MEASURES`) on request.  A partition (a named query of kind
``partition``, or ``community``) adds each node's group, and the brokerage report gives each
node's Gould-Fernandez roles for it.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence

import networkx as nx

from graph_api.network.brokerage import COLUMNS, Brokerage, brokerage
from graph_api.network.centrality import MEASURES, METRICS, RankedNode, centrality, rank
from graph_api.network.cross_border import cross_border_brokers
from graph_api.network.partitions import Partition, load_partition
from graph_api.network.views import load_view
from graph_api.store import GraphStore
from queries import Catalogue, load_catalogue

#: Output formats of :func:`brokers_report` and :func:`measures_text`.
FORMATS = ("table", "csv", "json")

#: The view ``hin brokers`` uses unless told otherwise.
DEFAULT_VIEW = "shared-tie"

#: The partition name that means "the view's communities" (modularity) rather than a query.
COMMUNITY = "community"

#: The measure that orders the all-measures report (the strongest broker first), when shown.
ORDER_BY = "constraint"


def brokers_report(
    store: GraphStore,
    *,
    view: str = DEFAULT_VIEW,
    metric: str | None = None,
    fmt: str = "table",
    limit: int | None = None,
    partition: str | None = None,
    measures: Sequence[str] | None = None,
    roles: bool = False,
    cross_border: bool = False,
    catalogue: Catalogue | None = None,
) -> str:
    """Rank the nodes of a network view by one measure, or show every measure, or the roles.

    Parameters
    ----------
    store
        The store to run the view on.
    view
        Slug of a view of the catalogue (``hin brokers --view``).
    metric
        A key of :data:`~graph_api.network.centrality.MEASURES`; ``None`` shows ``measures`` as
        columns, rows ordered by constraint (lowest, the strongest broker, first).
    fmt
        ``table`` (aligned columns for a terminal), ``csv`` or ``json``.
    limit
        Show only the first ``limit`` rows (``None``: all).
    partition
        A partition query's slug or ``community`` (``hin brokers --partition``): adds each node's
        group to the all-measures report; needed for ``roles``.
    measures
        The columns of the all-measures report (default: :data:`METRICS`; ``hin brokers --all``
        gives every measure of :data:`MEASURES`).
    roles
        Show the Gould-Fernandez brokerage roles for ``partition`` instead (:func:`brokerage_text`).
    cross_border
        Show the cross-border broker report for ``partition`` instead: actors ranked by liaison
        plus gatekeeper counts (:func:`cross_border_text`).
    catalogue
        The named queries; the shipped ones when ``None``.

    Returns
    -------
    str
        The report, ending with a newline.

    Raises
    ------
    ValueError
        For an unknown view, partition, metric or format, a negative limit, or roles without a
        partition; the message lists the choices.
    """
    check_options(fmt=fmt, metric=metric, limit=limit)
    if (roles or cross_border) and not partition:
        raise ValueError("the brokerage roles need a partition; give one, e.g. --partition country")
    catalogue = catalogue if catalogue is not None else load_catalogue()
    graph = view_or_error(store, catalogue, view)
    if metric is not None:
        rows = centrality(graph, metric)[:limit]
        if fmt == "json":
            return ranking_json(graph, view, metric, rows) + "\n"
        if fmt == "csv":
            return ranking_csv(rows)
        return ranking_table(rows, metric)
    groups = partition_for(store, catalogue, graph, partition) if partition else None
    if cross_border:
        return cross_border_text(view, groups, cross_border_brokers(graph, groups.groups, top=limit), fmt)
    if roles:
        result, rows = brokerage_rows(graph, groups)
        return brokerage_text(view, groups, result, rows[:limit], fmt)
    measures = list(measures) if measures is not None else list(METRICS)
    rows = measure_rows(graph, groups, measures)[:limit]
    return measures_text(graph, view, rows, fmt, partition=groups, measures=measures)


def cross_border_text(view: str, partition: Partition, rows: list, fmt: str) -> str:
    """The cross-border report (:func:`~graph_api.network.cross_border.cross_border_brokers`) as
    ``json``, ``csv`` or a ``table``: rank, actor, group, liaison + gatekeeper and each role, with
    the z-scores of liaison and gatekeeper and Burt's constraint."""
    columns = ["rank", "iri", "label", "group", "cross_border", "liaison", "gatekeeper",
               "representative", "itinerant", "coordinator", "liaison_z", "gatekeeper_z", "constraint"]
    records = [{c: (partition.group_label(row.iri) if c == "group" else getattr(row, c)) for c in columns}
               for row in rows]
    if fmt == "json":
        return json.dumps({"view": view, "partition": partition.name, "rows": records},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return csv_text(columns, [[_text(r[c]) for c in columns] for r in records])
    cells = [[_text(r["rank"]), r["label"] or "", _text(r["group"]), _count(r["cross_border"]),
              _count(r["liaison"]), _count(r["gatekeeper"]), _signed(r["liaison_z"]),
              _signed(r["gatekeeper_z"]), _number(r["constraint"]), r["iri"]] for r in records]
    return table_text(["rank", "label", "group", "cross_border", "liaison", "gatekeeper",
                       "liaison_z", "gatekeeper_z", "constraint", "iri"], cells)


def partition_for(store: GraphStore, catalogue: Catalogue, graph: nx.Graph, name: str) -> Partition:
    """The partition ``name`` of ``graph``'s nodes: :data:`COMMUNITY` for the view's communities
    (Louvain, seed 0: the same every time), else the partition query of that name.

    ``ValueError`` listing the partitions when there is no such query.
    """
    if name != COMMUNITY:
        try:
            return load_partition(store, catalogue, name)
        except KeyError:
            known = ", ".join([q.slug for q in catalogue.partitions()] + [COMMUNITY])
            raise ValueError(f"unknown partition {name!r}; use one of {known}") from None
    from graph_api.network.communities import communities

    found = communities(graph, seed=0)
    groups = {node: f"community {index}" for node, index in _one_based(found.membership()).items()}
    return Partition(COMMUNITY, groups, {})


def _one_based(membership: Mapping[str, int]) -> dict[str, int]:
    return {node: index + 1 for node, index in membership.items()}


def check_options(*, fmt: str = "table", metric: str | None = None, limit: int | None = None) -> None:
    """``ValueError`` naming the choices for an unknown format or metric or a negative limit."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if metric is not None and metric not in MEASURES:
        raise ValueError(f"unknown metric {metric!r}; use one of {', '.join(MEASURES)}")
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be 0 or more, not {limit}")


def view_or_error(store: GraphStore, catalogue: Catalogue, view: str) -> nx.Graph:
    """The graph of ``view``; ``ValueError`` listing the views when there is no such view."""
    try:
        return load_view(store, catalogue, view)
    except KeyError as error:
        raise ValueError(f"unknown view {view!r}; views: {', '.join(v.slug for v in catalogue.views())}") from error


def measure_rows(graph: nx.Graph, partition: Partition | None = None,
                 measures: Sequence[str] | None = None) -> list[dict]:
    """Each node's measures: ``{"iri", "label", <measure>: {"value", "rank"}, ...}``.

    ``measures`` are keys of :data:`MEASURES` (default: all of them, each with its default
    parameters).  With a partition, each row also has ``"group"`` (the group's IRI or text,
    ``None`` where the node has none) and ``"group_label"``.  Rows are ordered by constraint rank
    when constraint is among the measures (nodes without ties last), then label and IRI.
    """
    measures = list(measures) if measures is not None else list(MEASURES)
    rows: dict[str, dict] = {str(node): {"iri": str(node), "label": graph.nodes[node].get("label")}
                             for node in graph}
    for name in measures:
        for ranked in centrality(graph, name):
            rows[ranked.iri][name] = {"value": ranked.value, "rank": ranked.rank}
    if partition is not None:
        for iri, row in rows.items():
            row["group"] = partition.groups.get(iri)
            row["group_label"] = partition.group_label(iri)
    missing = len(graph) + 1
    if ORDER_BY in measures:
        return sorted(rows.values(), key=lambda r: (r[ORDER_BY]["rank"] or missing, r["label"] or "", r["iri"]))
    return sorted(rows.values(), key=lambda r: (r["label"] or "", r["iri"]))


#: Former name of :func:`measure_rows`.
all_metrics = measure_rows


def measures_text(graph: nx.Graph, view: str, rows: list[dict], fmt: str, *,
                  partition: Partition | None = None, measures: Sequence[str] | None = None) -> str:
    """The rows of :func:`measure_rows` as ``table``, ``csv`` or ``json`` text.

    JSON: ``{"view", "nodes", "edges", "metrics", "partition", "rows"}`` with ``{"value",
    "rank"}`` per measure.  CSV: ``iri,label[,group,group_label],<measure>,<measure>_rank,...``.
    The table shows the values (4 decimals, ``-`` where undefined) with the label first.
    """
    measures = list(measures) if measures is not None else list(MEASURES)
    grouped = partition is not None
    if fmt == "json":
        body = {"view": view, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                "metrics": measures, "partition": partition.name if grouped else None, "rows": rows}
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    group_columns = ["group", "group_label"] if grouped else []
    if fmt == "csv":
        header = ["iri", "label", *group_columns] + [f"{m}{s}" for m in measures for s in ("", "_rank")]
        cells = [[row["iri"], row["label"] or ""] + [_text(row[c]) for c in group_columns]
                 + [_text(row[m][key]) for m in measures for key in ("value", "rank")] for row in rows]
        return csv_text(header, cells)
    cells = [[row["label"] or ""] + ([row["group_label"] or "-"] if grouped else [])
             + [_number(row[m]["value"]) for m in measures] + [row["iri"]] for row in rows]
    return table_text(["label", *(["group"] if grouped else []), *measures, "iri"], cells)


def brokerage_rows(graph: nx.Graph, partition: Partition) -> tuple[Brokerage, list[dict]]:
    """The Gould-Fernandez analysis of ``graph`` for ``partition`` and one row per analysed node.

    A row is ``{"iri", "label", "group", "group_label", "rank", <role>: {"raw", "expected",
    "z"}, ...}`` for each column of :data:`~graph_api.network.brokerage.COLUMNS` (the five roles
    and ``total``); ``rank`` orders the nodes by their total count (1 = brokers most).  Nodes
    without a group are not analysed (:attr:`Brokerage.unassigned`).
    """
    result = brokerage(graph, partition.groups)
    ranks = {r.iri: r.rank for r in rank(graph, {n: v["total"] for n, v in result.raw.items()})}
    rows = [{"iri": str(node), "label": graph.nodes[node].get("label"),
             "group": partition.groups.get(str(node)), "group_label": partition.group_label(str(node)),
             "rank": ranks[str(node)],
             **{c: {"raw": result.raw[node][c], "expected": result.expected[node][c], "z": result.z[node][c]}
                for c in COLUMNS}} for node in result.raw]
    rows.sort(key=lambda r: (r["rank"], r["label"] or "", r["iri"]))
    return result, rows


def brokerage_text(view: str, partition: Partition, result: Brokerage, rows: list[dict], fmt: str) -> str:
    """Brokerage rows as ``json`` (with the graph-level figures), ``csv`` or a ``table``.

    CSV columns: ``iri,label,group,group_label,rank`` then ``<role>,<role>_expected,<role>_z``
    for each role and the total.  The table shows the raw counts and the z-score of the total.
    """
    if fmt == "json":
        body = {"view": view, "partition": partition.name, "nodes": result.nodes, "arcs": result.arcs,
                "density": result.density, "unassigned": len(result.unassigned),
                "groups": {str(partition.labels.get(str(g), g)): size for g, size in result.group_sizes.items()},
                "roles": list(COLUMNS),
                "totals": {c: {"raw": result.raw_total[c], "expected": result.expected_total[c],
                               "z": result.z_total[c]} for c in COLUMNS},
                "rows": rows}
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        header = ["iri", "label", "group", "group_label", "rank"] + [
            f"{c}{s}" for c in COLUMNS for s in ("", "_expected", "_z")]
        cells = [[r["iri"], r["label"] or "", _text(r["group"]), _text(r["group_label"]), _text(r["rank"])]
                 + [_text(r[c][k]) for c in COLUMNS for k in ("raw", "expected", "z")] for r in rows]
        return csv_text(header, cells)
    cells = [[r["label"] or "", r["group_label"] or "-"] + [_count(r[c]["raw"]) for c in COLUMNS]
             + [_signed(r["total"]["z"]), r["iri"]] for r in rows]
    return table_text(["label", "group", *COLUMNS, "total_z", "iri"], cells)


def ranking_json(graph: nx.Graph, view: str, metric: str, rows: list[RankedNode]) -> str:
    """The JSON body of a ranking: the view, the measure, its order and the rows."""
    return json.dumps({
        "view": view,
        "metric": metric,
        "description": MEASURES[metric].description,
        "order": "ascending" if MEASURES[metric].ascending else "descending",
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "rows": [{"iri": r.iri, "label": r.label, "value": r.value, "rank": r.rank} for r in rows],
    }, ensure_ascii=False, indent=2)


def ranking_csv(rows: list[RankedNode]) -> str:
    """CSV with the columns ``iri,label,value,rank`` (empty where undefined)."""
    cells = [[r.iri, r.label or "", _text(r.value), _text(r.rank)] for r in rows]
    return csv_text(["iri", "label", "value", "rank"], cells)


def ranking_table(rows: list[RankedNode], metric: str) -> str:
    """A ranking as a terminal table: ``rank, <metric>, label, iri``."""
    return table_text(["rank", metric, "label", "iri"],
                      [[_text(r.rank), _number(r.value), r.label or "", r.iri] for r in rows])


def csv_text(header: list[str], rows: list[list[object]]) -> str:
    """Rows as CSV text (RFC 4180 quoting, ``\\n`` line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def table_text(header: list[str], rows: list[list[str]]) -> str:
    """Aligned columns for a terminal: numbers right-aligned, a rule under the header."""
    if not rows:
        return "(the view has no nodes)\n"
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    numeric = [all(_is_number(row[i]) for row in rows) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        parts = [c.rjust(w) if right else c.ljust(w) for c, w, right in zip(cells, widths, numeric)]
        return "  ".join(parts).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]) + "\n"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def _count(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def _signed(value: float | None) -> str:
    return "-" if value is None else f"{value:+.2f}"


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return cell in ("-", "")
    return True
