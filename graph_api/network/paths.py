"""Shortest-path measures: betweenness (exact or sampled), closeness and harmonic closeness.

Edges carry a ``weight`` (tie strength, missing means 1); a path's length is the sum of
``1 / weight`` over its edges, so that strong ties are short.  Each measure runs on one of two
backends that give the same figures wherever path lengths add up exactly
(``tests/test_references.py`` compares them on seeded random graphs): ``igraph``, the default,
whose C core is one to two orders of magnitude faster, and ``networkx``.  They differ in one
respect: igraph compares path lengths with a tolerance, networkx exactly.  With lengths that are
not exact binary fractions (a weight of 3 or 10) two equally short paths can add up to sums that
differ in the last bit; igraph counts both as shortest, networkx only the one that rounds lower.
igraph's answer is the right one, hence the default.

Sampled betweenness (Brandes and Pich 2007) takes ``k`` source nodes drawn by
``random.Random(seed).sample(list(graph), k)``, the draw networkx makes, so both backends use the
same sources and agree exactly.  For each node ``v`` the estimate is the mean, over the sampled
sources ``s != v``, of ``delta_s(v) / (n - 2)``: the share of the paths from ``s`` to the other
nodes that pass through ``v``.  Averaged over every source that is the exact normalised
betweenness, so the estimate is unbiased, and as each term lies in [0, 1] Hoeffding's inequality
(which also holds for draws without replacement) bounds its error:
``P(|estimate - exact| >= eps) <= 2 exp(-2 k' eps^2)`` with ``k'`` the number of sampled sources
other than ``v`` (``k`` or ``k - 1``); the standard error is at most ``1 / (2 sqrt(k'))``.
"""
from __future__ import annotations

import random
from collections.abc import Hashable

import igraph
import networkx as nx
import numpy

from graph_api.network.matrices import arcs

Scores = dict[Hashable, float | None]

#: The backends of the path measures, the default first.
BACKENDS = ("igraph", "networkx")


def betweenness(graph: nx.Graph, *, k: int | None = None, seed: int = 0, backend: str = "igraph") -> Scores:
    """Betweenness centrality, normalised, path length the sum of ``1 / weight``.

    Parameters
    ----------
    graph
        An undirected graph; edges may carry a positive ``weight``.
    k
        Sample this many source nodes (see the module docstring for the estimate and its error);
        ``None`` or ``k >= n`` computes the exact value.
    seed
        Seed of the sample of sources.
    backend
        ``igraph`` (default) or ``networkx``.

    Examples
    --------
    >>> path = nx.path_graph(4)  # 0 - 1 - 2 - 3: node 1 lies between 0-2 and 0-3 (2 of 3 pairs)
    >>> round(betweenness(path)[1], 4), round(betweenness(path, backend="networkx")[1], 4)
    (0.6667, 0.6667)
    """
    n = len(graph)
    if k is not None and k < 1:
        raise ValueError(f"k must be 1 or more (the number of sampled sources), not {k}")
    if k is not None and k >= n:
        k = None
    if _backend(graph, backend) == "networkx":
        return dict(nx.betweenness_centrality(_with_distance(graph), k=k, seed=seed, weight="distance",
                                              normalized=True))
    converted, nodes = to_igraph(graph)
    if n <= 2:
        return {node: 0.0 for node in graph}
    if k is None:
        raw = converted.betweenness(directed=False, weights="distance")
        scale = 2 / ((n - 1) * (n - 2))  # igraph counts each unordered pair once
        return {node: value * scale for node, value in zip(nodes, raw)}
    sources = random.Random(seed).sample(list(graph), k)
    index = {node: i for i, node in enumerate(nodes)}
    raw = converted.betweenness(directed=False, weights="distance", sources=[index[s] for s in sources])
    sampled = set(sources)
    # igraph halves the sum over (source, target) pairs of an undirected graph: 2 * raw is the
    # sum of delta_s(v) over the sampled sources
    return {node: 2 * value / ((k - (node in sampled)) * (n - 2)) if k - (node in sampled) else 0.0
            for node, value in zip(nodes, raw)}


def closeness(graph: nx.Graph, *, backend: str = "igraph") -> Scores:
    """Closeness centrality (Wasserman-Faust), path length the sum of ``1 / weight``.

    ``(r / (n - 1)) * (r / sum of distances)`` for the ``r`` nodes a node reaches; 0 when it
    reaches none.

    Examples
    --------
    >>> path = nx.path_graph(4)  # node 0 is 1, 2 and 3 steps from the others: 3 / 6
    >>> closeness(path)[0], closeness(path, backend="networkx")[0]
    (0.5, 0.5)
    """
    if _backend(graph, backend) == "networkx":
        return dict(nx.closeness_centrality(_with_distance(graph), distance="distance", wf_improved=True))
    n = len(graph)
    converted, nodes = to_igraph(graph)
    if n <= 1:
        return {node: 0.0 for node in graph}
    # igraph: r / (sum of distances) over the r nodes reached; times r / (n - 1) for Wasserman-Faust
    membership = converted.connected_components().membership
    size = [0] * (max(membership) + 1)
    for component in membership:
        size[component] += 1
    raw = converted.closeness(weights="distance", normalized=True)
    return {node: 0.0 if value != value else value * (size[c] - 1) / (n - 1)  # NaN: reaches none
            for node, value, c in zip(nodes, raw, membership)}


def harmonic(graph: nx.Graph, *, backend: str = "igraph") -> Scores:
    """Harmonic closeness: the mean of ``1 / distance`` to the other nodes (0 for unreachable).

    Normalised by ``n - 1`` so that on an unweighted graph it lies in [0, 1]; defined on
    disconnected graphs without a correction (Marchiori and Latora 2000).

    Examples
    --------
    >>> path = nx.path_graph(4)  # node 0: (1 + 1/2 + 1/3) / 3
    >>> round(harmonic(path)[0], 4), round(harmonic(path, backend="networkx")[0], 4)
    (0.6111, 0.6111)
    """
    n = len(graph)
    if n <= 1:
        return {node: 0.0 for node in graph}
    if _backend(graph, backend) == "networkx":
        raw = nx.harmonic_centrality(_with_distance(graph), distance="distance")
        return {node: value / (n - 1) for node, value in raw.items()}
    converted, nodes = to_igraph(graph)
    raw = converted.harmonic_centrality(weights="distance", normalized=True)
    return dict(zip(nodes, raw))


def to_igraph(graph: nx.Graph) -> tuple[igraph.Graph, list[Hashable]]:
    """An undirected igraph copy with edge attributes ``weight`` and ``distance = 1 / weight``.

    Returns the igraph graph and the list of networkx nodes in vertex order; the edges are those
    of ``graph.edges()`` in its order (igraph's community detection depends on it).  A weight that
    is not positive is a ``ValueError``.

    >>> converted, nodes = to_igraph(nx.Graph([("a", "b", {"weight": 4})]))
    >>> nodes, converted.get_edgelist(), converted.es["distance"]
    (['a', 'b'], [(0, 1)], [0.25])
    """
    nodes = list(graph)
    rows, cols, weights = arcs(graph, nodes)
    if not graph.is_directed():
        once = rows <= cols  # each tie once, as graph.edges() lists it
        rows, cols, weights = rows[once], cols[once], weights[once]
    converted = igraph.Graph(n=len(nodes), edges=numpy.column_stack((rows, cols)).tolist(), directed=False)
    converted.es["weight"] = weights.tolist()
    converted.es["distance"] = (1.0 / weights).tolist()
    return converted, nodes


def _backend(graph: nx.Graph, backend: str) -> str:
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")
    if graph.is_directed() or graph.is_multigraph():
        raise ValueError("the path measures take an undirected simple graph (networkx.Graph)")
    return backend


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
