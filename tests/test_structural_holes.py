"""Burt's structural-hole measures: the sparse-matrix versions against networkx's definitions."""
from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from graph_api.network.structural_holes import constraint, effective_size, efficiency, hierarchy


def weighted_random_graph(seed: int, n: int = 50, p: float = 0.12) -> nx.Graph:
    rng = random.Random(seed)
    graph = nx.gnp_random_graph(n, p, seed=seed)
    for u, v in graph.edges:
        graph[u][v]["weight"] = rng.choice([0.5, 1, 2, 3])
    graph.add_node("isolated")
    return graph


@pytest.mark.parametrize("seed", range(5))
def test_constraint_and_effective_size_equal_networkx(seed: int) -> None:
    graph = weighted_random_graph(seed)
    ours, theirs = constraint(graph), nx.constraint(graph, weight="weight")
    # networkx's per-node formula (nodes= given); its all-nodes sparse shortcut in networkx 3.6
    # divides by the column maxima instead of the row maxima and disagrees with its own formula
    sizes, their_sizes = effective_size(graph), nx.effective_size(graph, nodes=list(graph), weight="weight")
    for node in graph:
        if graph.degree(node) == 0:
            assert ours[node] is None and sizes[node] is None and hierarchy(graph)[node] is None
            assert math.isnan(theirs[node])
            continue
        assert ours[node] == pytest.approx(theirs[node], abs=1e-12)
        assert sizes[node] == pytest.approx(their_sizes[node], abs=1e-12)


def test_unweighted_effective_size_is_borgatti_formula() -> None:
    graph = nx.gnp_random_graph(40, 0.2, seed=11)
    sizes = effective_size(graph)
    for node in graph:
        contacts = set(graph[node])
        ties = graph.subgraph(contacts).number_of_edges()
        assert sizes[node] == pytest.approx(len(contacts) - 2 * ties / len(contacts))
        assert efficiency(graph)[node] == pytest.approx(sizes[node] / len(contacts))


def test_hierarchy_by_its_definition() -> None:
    graph = weighted_random_graph(3)
    scores = hierarchy(graph)
    p = {u: {v: graph[u][v]["weight"] / graph.degree(u, weight="weight") for v in graph[u]} for u in graph}
    for i in graph:
        contacts = list(graph[i])
        if len(contacts) < 2:
            assert scores[i] is None
            continue
        dyadic = {j: (p[i][j] + sum(p[i][q] * p[q].get(j, 0) for q in contacts if q != j)) ** 2 for j in contacts}
        mean = sum(dyadic.values()) / len(contacts)
        expected = sum((c / mean) * math.log(c / mean) for c in dyadic.values()) / (len(contacts) * math.log(len(contacts)))
        assert scores[i] == pytest.approx(expected, abs=1e-12)


def test_self_loops_and_bad_input() -> None:
    graph = nx.Graph([("a", "b"), ("b", "c")])
    graph.add_edge("b", "b", weight=5)  # a self-loop is not a contact
    assert constraint(graph)["b"] == pytest.approx(0.5)
    with pytest.raises(ValueError, match="undirected simple graph"):
        constraint(nx.DiGraph([("a", "b")]))
    bad = nx.Graph()
    bad.add_edge("a", "b", weight=-1)
    with pytest.raises(ValueError, match="edge a - b has weight -1.0"):
        effective_size(bad)
    assert constraint(nx.Graph()) == {} and hierarchy(nx.Graph()) == {}
