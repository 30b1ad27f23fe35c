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


def overlapping_cliques(seed: int) -> nx.Graph:
    """Cliques of 3 to 12 random members, weight = cliques shared: many triangles, as in the views."""
    rng = random.Random(seed)
    graph = nx.Graph()
    graph.add_nodes_from(range(80))
    for _ in range(25):
        members = rng.sample(range(80), rng.randint(3, 12))
        for i, u in enumerate(members):
            for v in members[i + 1:]:
                weight = graph[u][v]["weight"] + 1 if graph.has_edge(u, v) else 1
                graph.add_edge(u, v, weight=weight)
    return graph


@pytest.mark.parametrize("seed", [1, 5, 21])
def test_structural_holes_on_overlapping_cliques_equal_networkx(seed: int) -> None:
    # many triangles: every tie's shared contacts must be summed once, from any corner
    graph = overlapping_cliques(seed)
    assert sum(nx.triangles(graph).values()) > 1000
    tied = [node for node in graph if graph.degree(node)]
    sparse_path = nx.constraint(graph, weight="weight")  # networkx 3.6: scipy sparse for all nodes
    formula = nx.constraint(graph, nodes=tied[:2], weight="weight")  # its per-node formula: slow
    sizes = nx.effective_size(graph, nodes=tied[:2], weight="weight")  # per-node formula too
    ours, our_sizes = constraint(graph), effective_size(graph)
    for node in graph:
        if graph.degree(node) == 0:
            assert ours[node] is None and math.isnan(sparse_path[node])
            continue
        assert ours[node] == pytest.approx(sparse_path[node], abs=1e-12)
    for node, value in formula.items():
        assert ours[node] == pytest.approx(value, abs=1e-12)
        assert our_sizes[node] == pytest.approx(sizes[node], abs=1e-12)


def test_a_node_with_only_a_self_loop_has_no_contacts() -> None:
    graph = nx.Graph([("a", "b")])
    graph.add_edge("z", "z", weight=2)
    assert constraint(graph)["z"] is None and effective_size(graph)["z"] is None
    assert efficiency(graph)["z"] is None and hierarchy(graph)["z"] is None
    assert constraint(graph)["a"] == 1.0
