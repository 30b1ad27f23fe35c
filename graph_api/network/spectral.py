"""Spectral measures: eigenvector centrality and PageRank, on the weighted adjacency matrix.

Edges carry a ``weight`` (tie strength; missing means 1).  Both measures read a strong tie as a
stronger endorsement; neither turns weights into lengths.
"""
from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx

Scores = dict[Hashable, float | None]


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


def pagerank(graph: nx.Graph, *, alpha: float = 0.85) -> Scores:
    """PageRank with damping ``alpha``: a random walk that follows a tie with probability
    ``alpha`` (in proportion to its weight) and jumps to a uniformly chosen node otherwise.

    An undirected tie is followed both ways.  A node without ties jumps (networkx's dangling-node
    rule), so the values sum to 1.

    Parameters
    ----------
    graph
        An undirected graph; edges may carry a positive ``weight``.
    alpha
        Damping factor, in (0, 1).

    Examples
    --------
    >>> star = nx.star_graph(3)  # centre: (1 - a)/4 + a * 3 * leaf; leaf: (1 - a)/4 + a * centre/3
    >>> scores = pagerank(star)
    >>> round(scores[0], 4), round(sum(scores.values()), 6)
    (0.4797, 1.0)
    """
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie between 0 and 1, not {alpha}")
    if len(graph) == 0:
        return {}
    return dict(nx.pagerank(graph, alpha=alpha, weight="weight", tol=1e-12, max_iter=1000))


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
