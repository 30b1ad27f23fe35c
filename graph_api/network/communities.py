"""Communities of a network view: Louvain (networkx) or Leiden (igraph), seeded.

Both maximise weighted modularity ``Q = (1/2m) sum_ij (w_ij - gamma k_i k_j / 2m) [c_i = c_j]``
with resolution ``gamma``.  Leiden (Traag, Waltman and van Eck 2019) refines Louvain so that every
community is connected; both are randomised and reproducible for a given ``seed``.  The result is
plain data: the communities as sorted lists of nodes, largest first, and their modularity
computed the same way (networkx) whichever method found them.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

import igraph
import networkx as nx

from graph_api.network.paths import to_igraph

#: The community methods.
METHODS = ("louvain", "leiden")


@dataclass(frozen=True)
class Communities:
    """A partition of a view's nodes into communities."""

    method: str
    seed: int
    resolution: float
    modularity: float  #: weighted modularity of the partition (networkx), at ``resolution``
    communities: list[list[str]] = field(default_factory=list)  #: largest first, nodes sorted

    def membership(self) -> dict[str, int]:
        """Node -> index of its community in :attr:`communities` (0 = the largest)."""
        return {node: i for i, members in enumerate(self.communities) for node in members}


def communities(graph: nx.Graph, *, method: str = "louvain", seed: int = 0,
                resolution: float = 1.0) -> Communities:
    """Find communities by maximising modularity.

    Parameters
    ----------
    graph
        An undirected graph; edges may carry a positive ``weight``.
    method
        ``louvain`` (networkx) or ``leiden`` (igraph, modularity objective, run until stable).
    seed
        Seed of the method's random choices; the same seed gives the same partition.
    resolution
        Modularity resolution ``gamma`` (larger: more, smaller communities).

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    >>> found = communities(g, method="leiden", seed=1)
    >>> found.communities, round(found.modularity, 4)
    ([['a', 'b', 'c'], ['x', 'y', 'z']], 0.3571)
    """
    if method not in METHODS:
        raise ValueError(f"unknown community method {method!r}; use one of {', '.join(METHODS)}")
    if not resolution > 0:
        raise ValueError(f"resolution must be positive, not {resolution}")
    if len(graph) == 0:
        return Communities(method, seed, resolution, 0.0, [])
    if method == "louvain":
        found = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    else:
        found = _leiden(graph, seed, resolution)
    ordered = sorted((sorted(str(n) for n in group) for group in found), key=lambda g: (-len(g), g))
    quality = nx.community.modularity(graph, found, weight="weight", resolution=resolution) \
        if graph.number_of_edges() else 0.0
    return Communities(method, seed, resolution, float(quality), ordered)


def _leiden(graph: nx.Graph, seed: int, resolution: float) -> list[set]:
    converted, nodes = to_igraph(graph)
    # igraph draws from Python's random module by default: give it a seeded generator for this
    # call and put the default back afterwards
    igraph.set_random_number_generator(random.Random(seed))
    try:
        clustering = converted.community_leiden(objective_function="modularity", weights="weight",
                                                resolution=resolution, n_iterations=-1)
    finally:
        igraph.set_random_number_generator(random)
    groups: dict[int, set] = {}
    for node, label in zip(nodes, clustering.membership):
        groups.setdefault(label, set()).add(node)
    return list(groups.values())
