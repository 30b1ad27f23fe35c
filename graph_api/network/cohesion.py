"""Cohesion of a network view: k-cores, articulation points and bridges.

Plain-data results: a dict node -> core number, sorted lists of nodes and of node pairs.  An
articulation point (cut vertex) is a node whose removal splits its component; a bridge is a tie
whose removal does.  In a view of actors they are the single points through which two parts of
the network reach each other: an articulation point is a broker that cannot be bypassed.
"""
from __future__ import annotations

from collections.abc import Hashable

import networkx as nx


def core_number(graph: nx.Graph) -> dict[Hashable, float]:
    """The k-core number of each node: the largest k such that the node belongs to a subgraph in
    which every node has at least k ties (weights ignored; self-loops dropped).

    Examples
    --------
    >>> g = nx.complete_graph(4)  # a 4-clique is a 3-core; a pendant node hangs on
    >>> g.add_edge(3, "leaf")
    >>> core_number(g) == {0: 3.0, 1: 3.0, 2: 3.0, 3: 3.0, "leaf": 1.0}
    True
    """
    simple = _simple(graph)
    return {node: float(k) for node, k in nx.core_number(simple).items()}


def k_core(graph: nx.Graph, k: int | None = None) -> list[str]:
    """The nodes of the ``k``-core, sorted (``None``: the main core, the largest k that has nodes).

    Examples
    --------
    >>> g = nx.complete_graph(["a", "b", "c"])
    >>> g.add_edge("c", "d")
    >>> k_core(g), k_core(g, 1)
    (['a', 'b', 'c'], ['a', 'b', 'c', 'd'])
    """
    numbers = core_number(graph)
    if not numbers:
        return []
    if k is None:
        k = int(max(numbers.values()))
    if k < 0:
        raise ValueError(f"k must be 0 or more, not {k}")
    return sorted((str(node) for node, value in numbers.items() if value >= k))


def articulation_points(graph: nx.Graph) -> list[str]:
    """Nodes whose removal disconnects their component, sorted.

    Examples
    --------
    >>> articulation_points(nx.path_graph(["a", "b", "c"]))
    ['b']
    """
    return sorted(str(node) for node in nx.articulation_points(_simple(graph)))


def bridges(graph: nx.Graph) -> list[tuple[str, str]]:
    """Ties whose removal disconnects their component, as sorted ``(smaller, larger)`` pairs.

    Examples
    --------
    >>> g = nx.complete_graph(["a", "b", "c"])
    >>> g.add_edge("c", "d")
    >>> bridges(g)
    [('c', 'd')]
    """
    pairs = (tuple(sorted((str(u), str(v)))) for u, v in nx.bridges(_simple(graph)))
    return sorted(pairs)


def _simple(graph: nx.Graph) -> nx.Graph:
    if graph.is_directed() or graph.is_multigraph():
        raise ValueError("the cohesion measures take an undirected simple graph (networkx.Graph)")
    if nx.number_of_selfloops(graph) == 0:
        return graph
    simple = nx.Graph(graph)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    return simple
