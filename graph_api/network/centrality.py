"""Centrality and brokerage measures on a network view, as pure functions.

Each measure takes an undirected :class:`networkx.Graph` whose edges carry a ``weight`` (tie
strength: a larger weight is a stronger tie; missing means 1) and returns a dict node -> value.
:func:`centrality` turns one measure into ranked rows.  How each measure treats weights:

* ``degree``: the share of the other nodes a node is tied to, ``deg(v) / (n - 1)``; weights are
  ignored (it counts partners, not ties).
* ``betweenness`` and ``closeness``: on shortest paths whose length is the sum of
  ``1 / weight`` over their edges, so strong ties are short.  Betweenness is normalised by the
  number of pairs of other nodes, ``(n - 1)(n - 2) / 2``; closeness uses the Wasserman-Faust
  form, which scales by the share of nodes a node can reach, so it is defined on disconnected
  graphs.
* ``eigenvector``: on the weighted adjacency matrix, unit Euclidean norm; each connected
  component solved by power iteration (an eigensolver where that does not converge), nodes off
  the component with the largest leading eigenvalue scoring 0.
* ``constraint`` and ``effective_size`` (Burt 1992): with proportional tie strengths
  ``p_ij = w_ij / sum_k w_ik``.  Both are undefined for a node without ties (``None``).  LOW
  constraint marks a broker, so that measure ranks in ascending order; all others rank the
  largest value first.

Ranks are competition ranks ("1224"): tied values share the best rank and the next value's rank
counts every node above it.  Values within 1e-9 of each other (absolute or relative) count as tied.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass

import networkx as nx

Scores = dict[Hashable, float | None]


@dataclass(frozen=True)
class RankedNode:
    """One row of a ranking: a node of the view, its value and its rank (1 = most central)."""

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


def betweenness(graph: nx.Graph) -> Scores:
    """Betweenness centrality, normalised, with path length the sum of ``1 / weight``.

    Examples
    --------
    >>> path = nx.path_graph(4)  # 0 - 1 - 2 - 3: node 1 lies between 0-2 and 0-3 (2 of 3 pairs)
    >>> round(betweenness(path)[1], 4)
    0.6667
    """
    return dict(nx.betweenness_centrality(_with_distance(graph), weight="distance", normalized=True))


def closeness(graph: nx.Graph) -> Scores:
    """Closeness centrality (Wasserman-Faust), path length the sum of ``1 / weight``.

    Examples
    --------
    >>> path = nx.path_graph(4)  # node 0 is 1, 2 and 3 steps from the others: 3 / 6
    >>> closeness(path)[0]
    0.5
    """
    return dict(nx.closeness_centrality(_with_distance(graph), distance="distance", wf_improved=True))


def eigenvector(graph: nx.Graph) -> Scores:
    """Eigenvector centrality on the weighted adjacency matrix, unit Euclidean norm.

    Each connected component is solved on its own (power iteration; the eigensolver of
    :func:`networkx.eigenvector_centrality_numpy` where that does not converge).  The leading
    eigenvector of the whole graph lives on the component(s) with the largest leading eigenvalue:
    those keep their values (shared equally, ``1 / sqrt(k)`` each, when k components tie) and
    every other node scores 0, as does a node without ties.

    Examples
    --------
    >>> star = nx.star_graph(3)  # leading eigenvector (sqrt 3, 1, 1, 1) / sqrt 6
    >>> round(eigenvector(star)[0], 4), round(eigenvector(star)[1], 4)
    (0.7071, 0.4082)
    >>> pair = nx.star_graph(3)
    >>> pair.add_edge("p", "q")  # eigenvalue 1 < sqrt 3: the pair scores 0
    >>> eigenvector(pair)["p"]
    0.0
    """
    scores: Scores = {node: 0.0 for node in graph}
    solved: list[tuple[float, dict[Hashable, float]]] = []
    for nodes in nx.connected_components(graph):
        if len(nodes) > 1:
            solved.append(_leading_eigenvector(graph.subgraph(nodes)))
    if not solved:
        return scores
    top = max(value for value, _ in solved)
    leading = [vector for value, vector in solved if math.isclose(value, top, rel_tol=1e-9)]
    for vector in leading:
        scores.update({node: x / math.sqrt(len(leading)) for node, x in vector.items()})
    return scores


def constraint(graph: nx.Graph) -> Scores:
    """Burt's constraint: how much a node's ties lead to contacts that are tied to each other.

    ``c_i = sum_j (p_ij + sum_q p_iq p_qj)^2`` over i's contacts j (q ranging over the other
    contacts); ``None`` for a node without ties.  Low values mark brokers.

    Examples
    --------
    >>> star = nx.star_graph(3)  # centre: three unconnected contacts, 3 * (1/3)^2
    >>> round(constraint(star)[0], 4), constraint(star)[1]
    (0.3333, 1.0)
    """
    return _undefined_as_none(nx.constraint(graph, weight="weight"))


def effective_size(graph: nx.Graph) -> Scores:
    """Burt's effective size: the number of contacts less their redundancy.

    For unweighted ties this is ``n - 2t / n`` (n contacts, t ties among them); with weights,
    Burt's ``sum_j (1 - sum_q p_iq m_jq)``.  ``None`` for a node without ties.

    Examples
    --------
    >>> triangle = nx.complete_graph(3)  # two contacts, tied to each other: 2 - 2 * 1 / 2
    >>> effective_size(triangle)[0]
    1.0
    """
    return _undefined_as_none(nx.effective_size(graph, weight="weight"))


@dataclass(frozen=True)
class Metric:
    """A measure, how to rank it and what it means."""

    name: str
    function: Callable[[nx.Graph], Scores]
    ascending: bool  #: True where a LOW value ranks first (constraint)
    description: str


#: The measures by name, in the order reports show them.
METRICS: dict[str, Metric] = {
    m.name: m
    for m in (
        Metric("degree", degree, False, "share of the other nodes a node is tied to"),
        Metric("betweenness", betweenness, False,
               "share of shortest paths between others that pass through the node"),
        Metric("closeness", closeness, False,
               "inverse mean distance to the nodes it reaches (Wasserman-Faust)"),
        Metric("eigenvector", eigenvector, False, "tied to nodes that are themselves central"),
        Metric("constraint", constraint, True, "Burt: how redundant the node's contacts are (low = broker)"),
        Metric("effective_size", effective_size, False, "Burt: number of non-redundant contacts"),
    )
}


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
    def label(node: Hashable) -> str | None:
        return graph.nodes[node].get("label") if node in graph else None

    defined = [(n, v) for n, v in scores.items() if v is not None]
    defined.sort(key=lambda item: (item[1] if ascending else -item[1], label(item[0]) or "", str(item[0])))
    rows: list[RankedNode] = []
    for position, (node, value) in enumerate(defined, start=1):
        if rows and math.isclose(value, rows[-1].value, rel_tol=1e-9, abs_tol=1e-9):
            position = rows[-1].rank
        rows.append(RankedNode(str(node), label(node), float(value), position))
    undefined = sorted((n for n, v in scores.items() if v is None), key=lambda n: (label(n) or "", str(n)))
    rows.extend(RankedNode(str(node), label(node), None, None) for node in undefined)
    return rows


def centrality(graph: nx.Graph, metric: str) -> list[RankedNode]:
    """Compute ``metric`` (a key of :data:`METRICS`) on ``graph`` and rank the nodes.

    Raises ``ValueError`` for an unknown metric.

    Examples
    --------
    >>> [(r.iri, r.value, r.rank) for r in centrality(nx.star_graph(2), "degree")]
    [('0', 1.0, 1), ('1', 0.5, 2), ('2', 0.5, 2)]
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; use one of {', '.join(METRICS)}")
    chosen = METRICS[metric]
    if len(graph) == 0:
        return []
    return rank(graph, chosen.function(graph), ascending=chosen.ascending)


def _with_distance(graph: nx.Graph) -> nx.Graph:
    """A copy whose edges carry ``distance = 1 / weight`` (the input is left as it is)."""
    copy = nx.Graph()
    copy.add_nodes_from(graph)
    for u, v, data in graph.edges(data=True):
        weight = float(data.get("weight", 1))
        if weight <= 0:
            raise ValueError(f"edge {u} - {v} has weight {weight}; weights must be positive")
        copy.add_edge(u, v, distance=1.0 / weight)
    return copy


def _leading_eigenvector(component: nx.Graph) -> tuple[float, dict[Hashable, float]]:
    """Leading eigenvalue and unit, non-negative eigenvector of a connected graph."""
    try:
        vector = nx.eigenvector_centrality(component, weight="weight", max_iter=1000, tol=1e-10)
    except nx.PowerIterationFailedConvergence:
        vector = nx.eigenvector_centrality_numpy(component, weight="weight")
    vector = {node: abs(x) for node, x in vector.items()}
    # the Rayleigh quotient v'Av (v has unit norm) is the eigenvalue
    value = sum(2 * float(w) * vector[u] * vector[v] for u, v, w in component.edges(data="weight", default=1))
    return value, vector


def _undefined_as_none(scores: Mapping[Hashable, float]) -> Scores:
    return {node: None if value is None or math.isnan(value) else float(value)
            for node, value in scores.items()}
