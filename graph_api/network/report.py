"""Rankings of a network view as text: a terminal table, CSV or JSON.

:func:`brokers_report` is what ``hin brokers`` prints; the centrality endpoint uses
:func:`ranking_json` and :func:`ranking_csv` so that both say the same.
"""
from __future__ import annotations

import csv
import io
import json

import networkx as nx

from graph_api.network.centrality import METRICS, RankedNode, centrality
from graph_api.network.views import load_view
from graph_api.store import GraphStore
from queries import Catalogue, load_catalogue

#: Output formats of :func:`brokers_report`.
FORMATS = ("table", "csv", "json")

#: The view ``hin brokers`` uses unless told otherwise.
DEFAULT_VIEW = "shared-tie"


def brokers_report(
    store: GraphStore,
    *,
    view: str = DEFAULT_VIEW,
    metric: str | None = None,
    fmt: str = "table",
    limit: int | None = None,
    catalogue: Catalogue | None = None,
) -> str:
    """Rank the nodes of a network view by one measure, or show every measure.

    Parameters
    ----------
    store
        The store to run the view on.
    view
        Slug of a view of the catalogue (``hin brokers --view``).
    metric
        A key of :data:`~graph_api.network.centrality.METRICS`; ``None`` shows every measure as
        a column, rows ordered by constraint (lowest, the strongest broker, first).
    fmt
        ``table`` (aligned columns for a terminal), ``csv`` or ``json``.
    limit
        Show only the first ``limit`` rows (``None``: all).
    catalogue
        The named queries; the shipped ones when ``None``.

    Returns
    -------
    str
        The report, ending with a newline.

    Raises
    ------
    ValueError
        For an unknown view, metric or format, or a negative limit; the message lists the
        choices.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if metric is not None and metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; use one of {', '.join(METRICS)}")
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be 0 or more, not {limit}")
    catalogue = catalogue if catalogue is not None else load_catalogue()
    try:
        graph = load_view(store, catalogue, view)
    except KeyError as error:
        raise ValueError(f"unknown view {view!r}; views: {', '.join(v.slug for v in catalogue.views())}") from error
    if metric is not None:
        rows = centrality(graph, metric)[:limit]
        if fmt == "json":
            return ranking_json(graph, view, metric, rows) + "\n"
        if fmt == "csv":
            return ranking_csv(rows)
        return _table(["rank", metric, "label", "iri"],
                      [[_text(r.rank), _number(r.value), r.label or "", r.iri] for r in rows])
    table = all_metrics(graph)[:limit]
    if fmt == "json":
        body = {"view": view, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                "metrics": list(METRICS), "rows": table}
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        header = ["iri", "label"] + [f"{m}{suffix}" for m in METRICS for suffix in ("", "_rank")]
        cells = [[row["iri"], row["label"] or ""]
                 + [_text(row[m][key]) for m in METRICS for key in ("value", "rank")] for row in table]
        return _csv(header, cells)
    cells = [[row["label"] or ""] + [_number(row[m]["value"]) for m in METRICS] + [row["iri"]] for row in table]
    return _table(["label", *METRICS, "iri"], cells)


def all_metrics(graph: nx.Graph) -> list[dict]:
    """Every measure of every node: ``{"iri", "label", <metric>: {"value", "rank"}, ...}``.

    Rows are ordered by constraint rank (nodes without ties last), then label and IRI.
    """
    rows: dict[str, dict] = {}
    for name in METRICS:
        for ranked in centrality(graph, name):
            row = rows.setdefault(ranked.iri, {"iri": ranked.iri, "label": ranked.label})
            row[name] = {"value": ranked.value, "rank": ranked.rank}
    missing = len(graph) + 1
    return sorted(rows.values(),
                  key=lambda r: (r["constraint"]["rank"] or missing, r["label"] or "", r["iri"]))


def ranking_json(graph: nx.Graph, view: str, metric: str, rows: list[RankedNode]) -> str:
    """The JSON body of a ranking: the view, the measure, its order and the rows."""
    return json.dumps({
        "view": view,
        "metric": metric,
        "description": METRICS[metric].description,
        "order": "ascending" if METRICS[metric].ascending else "descending",
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "rows": [{"iri": r.iri, "label": r.label, "value": r.value, "rank": r.rank} for r in rows],
    }, ensure_ascii=False, indent=2)


def ranking_csv(rows: list[RankedNode]) -> str:
    """CSV with the columns ``iri,label,value,rank`` (empty where undefined)."""
    cells = [[r.iri, r.label or "", _text(r.value), _text(r.rank)] for r in rows]
    return _csv(["iri", "label", "value", "rank"], cells)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _table(header: list[str], rows: list[list[str]]) -> str:
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


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return cell in ("-", "")
    return True
