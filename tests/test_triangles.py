"""Triangle sums tie by tie, and the arrays read from a graph's adjacency, against plain loops."""
from __future__ import annotations

import random

import networkx as nx
import numpy
import pytest

from graph_api.network.matrices import arcs, ties, weight_matrix
from graph_api.network.triangles import shared_contact_sums


def by_loops(graph: nx.Graph, nodes: list, factor: numpy.ndarray) -> list[float]:
    index = {node: i for i, node in enumerate(nodes)}
    return [sum(graph[u][q]["weight"] * graph[q][v]["weight"] * factor[index[q]]
                for q in set(graph[u]) & set(graph[v]) - {u, v})
            for u, v in ((nodes[a], nodes[b]) for a, b in zip(*ties(graph, nodes)[:2]))]


@pytest.mark.parametrize("seed", range(8))
def test_shared_contact_sums_equal_a_loop_over_common_neighbours(seed: int) -> None:
    rng = random.Random(seed)
    graph = nx.gnp_random_graph(40, 0.3, seed=seed)
    for u, v in graph.edges:
        graph[u][v]["weight"] = rng.choice([0.5, 1, 2, 3])
    graph.add_node("isolated")
    nodes = list(graph)
    factor = numpy.array([rng.random() for _ in nodes])
    u, v, weights = ties(graph, nodes)
    assert shared_contact_sums(u, v, weights, factor) == pytest.approx(by_loops(graph, nodes, factor), abs=1e-12)


def test_shared_contact_sums_on_a_clique_and_without_ties() -> None:
    # K5, weight 1: each tie has 3 shared contacts
    nodes = list(range(5))
    u, v, weights = ties(nx.complete_graph(5), nodes)
    assert shared_contact_sums(u, v, weights, numpy.ones(5)).tolist() == [3.0] * 10
    empty = numpy.array([], dtype=numpy.int64)
    assert shared_contact_sums(empty, empty, numpy.array([]), numpy.ones(3)).tolist() == []


def test_arcs_follow_the_adjacency_and_leave_out_unlisted_nodes() -> None:
    graph = nx.Graph()
    graph.add_edge("b", "a", weight=2)
    graph.add_edge("b", "c")
    graph.add_edge("c", "c", weight=5)
    rows, cols, weights = arcs(graph, ["a", "b", "c"])
    assert list(zip(rows.tolist(), cols.tolist(), weights.tolist())) == [
        (0, 1, 2.0), (1, 0, 2.0), (1, 2, 1.0), (2, 1, 1.0), (2, 2, 5.0)]
    upper = rows <= cols  # as graph.edges() lists them
    names = ["a", "b", "c"]
    assert [(names[r], names[c]) for r, c in zip(rows[upper], cols[upper])] == [
        tuple(sorted(e, key=names.index)) for e in graph.edges]
    rows, cols, weights = arcs(graph, ["c", "b"], weighted=False)  # a is not listed
    assert list(zip(rows.tolist(), cols.tolist(), weights.tolist())) == [(0, 1, 1.0), (0, 0, 1.0), (1, 0, 1.0)]
    assert weight_matrix(graph, ["a", "b", "c"]).toarray().tolist() == [[0, 2, 0], [2, 0, 1], [0, 1, 0]]


def test_arcs_refuse_bad_weights_and_multigraphs() -> None:
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=1)
    graph.add_edge("b", "c", weight=float("nan"))
    with pytest.raises(ValueError, match="edge b - c has weight nan; weights must be positive"):
        arcs(graph, list(graph))
    with pytest.raises(ValueError, match="not a multigraph"):
        arcs(nx.MultiGraph([("a", "b")]), ["a", "b"])
    with pytest.raises(ValueError, match="undirected graph"):
        ties(nx.DiGraph([("a", "b")]), ["a", "b"])
    directed = nx.DiGraph([("a", "b")])
    assert weight_matrix(directed, ["a", "b"]).toarray().tolist() == [[0, 1], [0, 0]]


def test_a_prepared_graph_is_frozen_and_gives_the_arcs_it_had() -> None:
    from graph_api.network.matrices import label_order, prepare

    graph = nx.Graph()
    graph.add_edge("b", "a", weight=2)
    graph.add_edge("b", "c")
    graph.add_node("d", label="Aachen")
    before = [array.tolist() for array in arcs(graph, list(graph))]
    prepared = prepare(graph)
    assert prepared is graph and nx.is_frozen(graph)
    assert [array.tolist() for array in arcs(graph, list(graph))] == before
    assert arcs(graph, list(graph), weighted=False)[2].tolist() == [1.0] * len(before[2])
    assert arcs(graph, ["c", "b"])[0].tolist() == [0, 1]  # another node order is read afresh
    with pytest.raises(nx.NetworkXError):
        graph.add_edge("a", "c")
    assert label_order(graph) == ["a", "b", "c", "d"]  # no label sorts as "", then by the node
