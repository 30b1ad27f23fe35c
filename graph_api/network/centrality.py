"""The node measures of a network view by name, and the ranking of their values.

Every measure is a pure function ``f(graph, **parameters) -> {node: value}`` on an undirected
:class:`networkx.Graph` whose edges carry a ``weight`` (tie strength: larger is stronger; missing
means 1).  :data:`MEASURES` names them all, with their documented parameters; :func:`centrality`
computes one by name and ranks the nodes.  :data:`METRICS` is the subset that ``hin brokers``
shows as the columns of its table.  docs/network.md describes each measure; the functions live
in modules named for their family:

* here: ``degree`` (share of partners, weights ignored) and ``strength`` (sum of tie weights);
* :mod:`~graph_api.network.paths`: ``betweenness`` (exact or sampled), ``closeness``
  (Wasserman-Faust) and ``harmonic``, path length the sum of ``1 / weight``;
* :mod:`~graph_api.network.spectral`: ``eigenvector`` and ``pagerank``;
* :mod:`~graph_api.network.cohesion`: ``core_number`` (k-core);
* :mod:`~graph_api.network.structural_holes`: Burt's ``constraint`` (LOW ranks first: the
  strongest broker), ``effective_size``, ``efficiency`` and ``hierarchy``.

Graph-level results (communities, k-cores, articulation points, bridges, Gould-Fernandez roles)
are functions of :mod:`~graph_api.network.communities`, :mod:`~graph_api.network.cohesion` and
:mod:`~graph_api.network.brokerage`.

Ranks are competition ranks ("1224"): tied values share the best rank and the next value's rank
counts every node above it.  Values within 1e-9 of each other (absolute or relative) count as tied.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx
import numpy

from graph_api.network.cohesion import core_number
from graph_api.network.matrices import label_order
from graph_api.network.paths import BACKENDS, betweenness, closeness, harmonic
from graph_api.network.spectral import eigenvector, pagerank
from graph_api.network.structural_holes import constraint, effective_size, efficiency, hierarchy
from shapes.memory import collector_paused

Scores = dict[Hashable, float | None]

__all__ = [
    "MEASURES", "METRICS", "Metric", "MetricParameter", "RankedNode", "betweenness", "centrality",
    "closeness", "constraint", "core_number", "degree", "effective_size", "efficiency", "eigenvector",
    "harmonic", "hierarchy", "pagerank", "rank", "strength",
]


class RankedNode(NamedTuple):
    """One row of a ranking: a node of the view, its value and its rank (1 = most central).

    A named tuple: a ranking of tens of thousands of nodes makes as many rows, and a tuple is made
    several times faster than a frozen dataclass.
    """

    iri: str
    label: str | None
    value: float | None  #: None where the measure is undefined (constraint of an isolated node)
    rank: int | None  #: None where ``value`` is None


def degree(graph: nx.Graph) -> Scores:
    """Degree centrality: the share of the other nodes a node is tied to (weights ignored).

    Examples
    --------
    >>> star = nx.star_graph(3)  # centre 0, leaves 1 2 3
    >>> degree(star) == {0: 1.0, 1: 1 / 3, 2: 1 / 3, 3: 1 / 3}
    True
    """
    if len(graph) <= 1:
        return {node: 0.0 for node in graph}
    return dict(nx.degree_centrality(graph))


def strength(graph: nx.Graph) -> Scores:
    """Strength: the sum of the weights of a node's ties (how much it shares, not with how many).

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", weight=3)
    >>> g.add_edge("a", "c")
    >>> strength(g) == {"a": 4.0, "b": 3.0, "c": 1.0}
    True
    """
    return {node: float(value) for node, value in graph.degree(weight="weight")}


@dataclass(frozen=True)
class MetricParameter:
    """A keyword parameter of a measure, as a caller (URL, CLI flag) may give it."""

    name: str
    type: type  #: int, float or str; :meth:`Metric.parse` converts text to it
    default: object
    description: str
    choices: tuple[str, ...] = ()  #: the allowed values of a str parameter, if limited

    def parse(self, text: str) -> object:
        """The value of ``text``; ``ValueError`` saying what is allowed when it does not fit."""
        if self.type is str:
            if self.choices and text not in self.choices:
                raise ValueError(f"parameter {self.name}: {text!r} is not one of {', '.join(self.choices)}")
            return text
        try:
            return self.type(text)
        except ValueError:
            raise ValueError(f"parameter {self.name}: {text!r} is not {'an integer' if self.type is int else 'a number'}") from None


@dataclass(frozen=True)
class Metric:
    """A node measure: its function, ranking order, description and keyword parameters."""

    name: str
    function: Callable[..., Scores]
    ascending: bool  #: True where a LOW value ranks first (constraint)
    description: str
    parameters: tuple[MetricParameter, ...] = ()

    def parse(self, values: Mapping[str, str]) -> dict[str, object]:
        """Keyword arguments for :func:`centrality` from text values (query string, CLI flags).

        ``ValueError`` for a name the measure does not take or a value that does not fit.

        >>> MEASURES["betweenness"].parse({"k": "100", "seed": "7"})
        {'k': 100, 'seed': 7}
        """
        declared = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(declared))
        if unknown:
            raise ValueError(f"metric {self.name} has no parameter {', '.join(unknown)}; "
                             f"its parameters are: {', '.join(declared) or 'none'}")
        return {name: declared[name].parse(text) for name, text in values.items()}


_BACKEND = MetricParameter("backend", str, "igraph", "igraph (fast; path lengths compared with a tolerance) "
                           "or networkx (compared exactly)", BACKENDS)

#: Every node measure by name, in the order documentation and reports show them.
MEASURES: dict[str, Metric] = {
    m.name: m
    for m in (
        Metric("degree", degree, False, "share of the other nodes a node is tied to"),
        Metric("strength", strength, False, "sum of the weights of the node's ties"),
        Metric("betweenness", betweenness, False,
               "share of shortest paths between others that pass through the node", (
                   MetricParameter("k", int, None, "sample this many source nodes (estimate); unset: exact"),
                   MetricParameter("seed", int, 0, "seed of the sample of sources"),
                   _BACKEND)),
        Metric("closeness", closeness, False,
               "inverse mean distance to the nodes it reaches (Wasserman-Faust)", (_BACKEND,)),
        Metric("harmonic", harmonic, False, "mean inverse distance to the other nodes", (_BACKEND,)),
        Metric("eigenvector", eigenvector, False, "tied to nodes that are themselves central"),
        Metric("pagerank", pagerank, False, "share of a random walk's time spent at the node", (
            MetricParameter("alpha", float, 0.85, "damping: probability of following a tie"),)),
        Metric("core_number", core_number, False, "largest k of a k-core the node belongs to"),
        Metric("constraint", constraint, True, "Burt: how redundant the node's contacts are (low = broker)"),
        Metric("effective_size", effective_size, False, "Burt: number of non-redundant contacts"),
        Metric("efficiency", efficiency, False, "Burt: effective size per contact"),
        Metric("hierarchy", hierarchy, False, "Burt: how far one contact holds the constraint"),
    )
}

#: The measures ``hin brokers`` shows as the columns of its table, in that order.
METRICS: dict[str, Metric] = {name: MEASURES[name] for name in (
    "degree", "betweenness", "closeness", "eigenvector", "constraint", "effective_size")}


def rank(
    graph: nx.Graph, scores: Mapping[Hashable, float | None], *, ascending: bool = False
) -> list[RankedNode]:
    """Ranked rows of ``scores``: best first, competition ranks, undefined values last.

    Ties are ordered by label, then IRI.  Labels come from the node attribute ``label``.

    Examples
    --------
    >>> g = nx.path_graph(["a", "b", "c"])
    >>> [(r.iri, r.rank) for r in rank(g, {"a": 0.5, "b": 1.0, "c": 0.5})]
    [('b', 1), ('a', 2), ('c', 2)]
    """
    attributes = graph._node  # networkx's own dict of node attributes
    listed = label_order(graph)
    if any(node not in attributes for node in scores):  # scores of nodes the graph lacks: no label
        listed = sorted(scores, key=lambda n: ((attributes[n].get("label") if n in attributes else None) or "", str(n)))
    elif len(listed) != len(scores):
        listed = [n for n in listed if n in scores]
    labels = [attributes[n].get("label") if n in attributes else None for n in listed]
    values = [scores[n] for n in listed]
    undefined = [i for i, value in enumerate(values) if value is None]
    defined = numpy.array([i for i, value in enumerate(values) if value is not None], dtype=numpy.int64)
    ordered = numpy.array([values[i] for i in defined], dtype=float)
    keys = ordered if ascending else -ordered
    by_value = numpy.argsort(keys, kind="stable")  # stable: equal values stay in label order
    ordered, defined = ordered[by_value], defined[by_value]
    # competition ranks: a value within 1e-9 of the one before it shares that one's rank
    tied = numpy.zeros(len(ordered), dtype=bool)
    tied[1:] = numpy.abs(ordered[1:] - ordered[:-1]) <= numpy.maximum(
        1e-9 * numpy.maximum(numpy.abs(ordered[1:]), numpy.abs(ordered[:-1])), 1e-9)  # as math.isclose
    positions = numpy.maximum.accumulate(numpy.where(tied, 0, numpy.arange(1, len(ordered) + 1)))
    rows = [RankedNode(str(listed[i]), labels[i], value, position)
            for i, value, position in zip(defined.tolist(), ordered.tolist(), positions.tolist())]
    rows.extend(RankedNode(str(listed[i]), labels[i], None, None) for i in undefined)
    return rows


def centrality(graph: nx.Graph, metric: str, **params: object) -> list[RankedNode]:
    """Compute ``metric`` (a key of :data:`MEASURES`) on ``graph`` and rank the nodes.

    ``params`` are the measure's keyword parameters (see :attr:`Metric.parameters`); raises
    ``ValueError`` for an unknown metric or parameter.

    Examples
    --------
    >>> [(r.iri, r.value, r.rank) for r in centrality(nx.star_graph(2), "degree")]
    [('0', 1.0, 1), ('1', 0.5, 2), ('2', 0.5, 2)]
    >>> [r.iri for r in centrality(nx.path_graph(3), "betweenness", k=2, seed=1)][:1]
    ['1']
    """
    if metric not in MEASURES:
        raise ValueError(f"unknown metric {metric!r}; use one of {', '.join(MEASURES)}")
    chosen = MEASURES[metric]
    declared = {p.name for p in chosen.parameters}
    unknown = sorted(set(params) - declared)
    if unknown:
        raise ValueError(f"metric {metric} has no parameter {', '.join(unknown)}; "
                         f"its parameters are: {', '.join(sorted(declared)) or 'none'}")
    if len(graph) == 0:
        return []
    with collector_paused():
        return rank(graph, chosen.function(graph, **params), ascending=chosen.ascending)


