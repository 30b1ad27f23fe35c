"""HIN's measures against a second library (igraph) on seeded random graphs and against the
published figures of the Florentine families."""
from __future__ import annotations

import random

import igraph
import networkx as nx
import pytest

from graph_api.network.centrality import (
    betweenness,
    closeness,
    constraint,
    core_number,
    degree,
    eigenvector,
    harmonic,
    pagerank,
)
from graph_api.network.cohesion import articulation_points, bridges
from graph_api.network.paths import to_igraph


def random_graph(seed: int, n: int = 80, p: float = 0.06, weighted: bool = True) -> nx.Graph:
    """A seeded G(n, p) graph (often disconnected) with weights 1, 2 or 4.

    Their lengths 1, 1/2 and 1/4 are exact in binary floating point, so path lengths add up
    exactly and networkx (which compares lengths exactly) and igraph (which compares them with a
    tolerance) see the same ties; see test_betweenness_ties_with_inexact_lengths for other weights.
    """
    rng = random.Random(seed)
    graph = nx.gnp_random_graph(n, p, seed=seed)
    for u, v in graph.edges:
        graph[u][v]["weight"] = float(rng.choice([1, 2, 4])) if weighted else 1.0
    return graph


def by_node(converted: igraph.Graph, nodes: list, values: list[float]) -> dict:
    return dict(zip(nodes, values))


@pytest.mark.parametrize("seed", range(4))
def test_betweenness_equals_igraph(seed: int) -> None:
    graph = random_graph(seed, weighted=seed % 2 == 0)
    n = len(graph)
    converted, nodes = to_igraph(graph)
    # igraph, called directly: raw counts over unordered pairs, lengths 1 / weight
    raw = by_node(converted, nodes, converted.betweenness(directed=False, weights="distance"))
    ours = betweenness(graph, backend="networkx")
    assert ours == pytest.approx({v: raw[v] * 2 / ((n - 1) * (n - 2)) for v in graph}, abs=1e-12)
    assert betweenness(graph, backend="igraph") == pytest.approx(ours, abs=1e-12)


def test_betweenness_ties_with_inexact_lengths() -> None:
    # a - d directly (weight 1, length 1) and a - b - c - d (weight 3 each, length 1/3 + 1/3 + 1/3):
    # both paths are equally short, so b and c lie on half of the a-d paths.  In floating point
    # 1/3 + 1/3 + 1/3 is 1.0 here, but 0.1 * 3 is not 0.3: with weights 10 and 10/3 the sums differ
    # by rounding; igraph compares lengths with a tolerance and finds the tie, networkx does not
    graph = nx.Graph()
    graph.add_edge("a", "d", weight=10 / 3)  # length 0.3
    for u, v in (("a", "b"), ("b", "c"), ("c", "d")):
        graph.add_edge(u, v, weight=10.0)  # length 0.1 each, sum 0.30000000000000004
    n_pairs = 3 * 2 / 2
    # b lies on the a-c pair (0.2 < 0.3 + 0.1) and on half of the a-d paths: (1 + 1/2) / 3
    assert betweenness(graph, backend="igraph")["b"] == pytest.approx(1.5 / n_pairs)
    assert betweenness(graph, backend="networkx")["b"] == pytest.approx(1.0 / n_pairs)
    assert betweenness(graph)["b"] == pytest.approx(1.5 / n_pairs)  # the default is igraph


@pytest.mark.parametrize("seed", range(3))
def test_sampled_betweenness_is_the_same_on_both_backends_and_within_its_bound(seed: int) -> None:
    graph = random_graph(seed, n=200, p=0.04)
    k = 50
    sampled_nx = betweenness(graph, k=k, seed=seed, backend="networkx")
    sampled_ig = betweenness(graph, k=k, seed=seed, backend="igraph")
    assert sampled_ig == pytest.approx(sampled_nx, abs=1e-12)  # same sources, same estimate
    exact = betweenness(graph)
    # Hoeffding: P(|error| >= eps) <= 2 exp(-2 k' eps^2) per node; with k' >= 49 and eps = 0.25
    # that is 2 exp(-6.1) = 0.0045, so over 200 nodes the expected number of misses is below 1
    errors = sorted(abs(sampled_nx[v] - exact[v]) for v in graph)
    assert errors[-2] < 0.25
    assert sum(errors) / len(errors) < 0.02  # in practice the error is far smaller than the bound


@pytest.mark.parametrize("seed", range(3))
def test_closeness_and_harmonic_equal_igraph(seed: int) -> None:
    graph = random_graph(seed)
    n = len(graph)
    converted, nodes = to_igraph(graph)
    harmonic_ig = by_node(converted, nodes, converted.harmonic_centrality(weights="distance", normalized=True))
    assert harmonic(graph, backend="networkx") == pytest.approx(harmonic_ig, abs=1e-12)
    # igraph's closeness counts only the r reached nodes: r / sum; Wasserman-Faust multiplies by r / (n-1)
    reached = {v: len(nx.node_connected_component(graph, v)) - 1 for v in graph}
    closeness_ig = by_node(converted, nodes, converted.closeness(weights="distance", normalized=True))
    expected = {v: 0.0 if reached[v] == 0 else closeness_ig[v] * reached[v] / (n - 1) for v in graph}
    assert closeness(graph, backend="networkx") == pytest.approx(expected, abs=1e-12)
    assert closeness(graph, backend="igraph") == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_constraint_equals_igraph(seed: int) -> None:
    graph = random_graph(seed)
    converted, nodes = to_igraph(graph)
    theirs = by_node(converted, nodes, converted.constraint(weights="weight"))
    ours = constraint(graph)
    for node in graph:
        if graph.degree(node) == 0:
            assert ours[node] is None  # igraph gives NaN
        else:
            assert ours[node] == pytest.approx(theirs[node], abs=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_pagerank_and_cores_equal_igraph(seed: int) -> None:
    graph = random_graph(seed)
    converted, nodes = to_igraph(graph)
    theirs = by_node(converted, nodes, converted.pagerank(damping=0.85, weights="weight", directed=False))
    assert pagerank(graph) == pytest.approx(theirs, abs=1e-8)
    cores = by_node(converted, nodes, converted.coreness())
    assert core_number(graph) == {v: float(cores[v]) for v in graph}
    points = {nodes[i] for i in converted.articulation_points()}
    assert articulation_points(graph) == sorted(str(v) for v in points)
    ig_bridges = {tuple(sorted((str(nodes[converted.es[e].source]), str(nodes[converted.es[e].target]))))
                  for e in converted.bridges()}
    assert bridges(graph) == sorted(ig_bridges)


def test_florentine_families() -> None:
    # Padgett's marriage ties among Florentine families (Padgett and Ansell 1993, "Robust action and
    # the rise of the Medici", AJS 98: 1259-1319), as networkx ships it (15 families; Pucci, without
    # ties, left out).  The classic figures, reproduced in Wasserman and Faust (1994) style analyses
    # and in sna's betweenness() on statnet's `flomarriage` data: Medici has 6 marriage ties and raw
    # betweenness 47.5 (Guadagni 23.17, Albizzi 19.33, Salviati 13), the highest of all families.
    graph = nx.florentine_families_graph()
    n = len(graph)
    pairs = (n - 1) * (n - 2) / 2  # 91 pairs of other families
    scores = betweenness(graph)
    assert scores["Medici"] * pairs == pytest.approx(47.5)
    assert scores["Guadagni"] * pairs == pytest.approx(23 + 1 / 6)
    assert scores["Albizzi"] * pairs == pytest.approx(19 + 1 / 3)
    assert scores["Salviati"] * pairs == pytest.approx(13.0)
    assert max(scores, key=scores.get) == "Medici"
    assert degree(graph)["Medici"] * (n - 1) == 6
    # Medici's distances to the 14 others sum to 25: closeness 14 / 25
    assert closeness(graph)["Medici"] == pytest.approx(14 / 25)
    assert max(eigenvector(graph), key=eigenvector(graph).get) == "Medici"
    # the Medici are the cut point of the network: removing them cuts off Acciaiuoli and the
    # Salviati-Pazzi branch; their marriages to Acciaiuoli and Salviati are bridges
    assert "Medici" in articulation_points(graph)
    assert {("Acciaiuoli", "Medici"), ("Medici", "Salviati")} <= set(bridges(graph))
    assert min(constraint(graph), key=constraint(graph).get) == "Medici"
