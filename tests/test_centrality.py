"""Centrality and brokerage measures against figures worked out by hand on small graphs."""
from __future__ import annotations

import math

import networkx as nx
import numpy
import pytest

from graph_api.network.centrality import (
    MEASURES,
    METRICS,
    RankedNode,
    betweenness,
    centrality,
    closeness,
    constraint,
    core_number,
    degree,
    effective_size,
    efficiency,
    eigenvector,
    harmonic,
    hierarchy,
    pagerank,
    rank,
    strength,
)


@pytest.fixture
def star() -> nx.Graph:
    """K1,3: centre c, leaves x y z."""
    return nx.Graph([("c", "x"), ("c", "y"), ("c", "z")])


@pytest.fixture
def path4() -> nx.Graph:
    """a - b - c - d."""
    return nx.path_graph(["a", "b", "c", "d"])


@pytest.fixture
def bowtie() -> nx.Graph:
    """Two triangles a-b-x and c-d-x joined by the bridge node x."""
    return nx.Graph([("a", "b"), ("a", "x"), ("b", "x"), ("c", "d"), ("c", "x"), ("d", "x")])


@pytest.fixture
def weighted() -> nx.Graph:
    """A triangle with strong ties a-b and b-c (weight 4) and a weak tie a-c (weight 1)."""
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=4)
    graph.add_edge("b", "c", weight=4)
    graph.add_edge("a", "c", weight=1)
    return graph


def test_star(star: nx.Graph) -> None:
    # degree: the centre is tied to 3 of 3 others, a leaf to 1 of 3
    assert degree(star) == pytest.approx({"c": 1.0, "x": 1 / 3, "y": 1 / 3, "z": 1 / 3})
    # betweenness: the centre lies on the one shortest path of each of the 3 leaf pairs;
    # normalised by the (n-1)(n-2)/2 = 3 pairs of other nodes -> 1.0; leaves lie on none
    assert betweenness(star) == pytest.approx({"c": 1.0, "x": 0.0, "y": 0.0, "z": 0.0})
    # closeness: centre distances 1+1+1 -> 3/3 = 1; leaf distances 1+2+2 -> 3/5 = 0.6
    assert closeness(star) == pytest.approx({"c": 1.0, "x": 0.6, "y": 0.6, "z": 0.6})
    # eigenvector: A v = sqrt(3) v for v = (sqrt 3, 1, 1, 1); unit norm divides by sqrt 6
    assert eigenvector(star) == pytest.approx(
        {"c": math.sqrt(3 / 6), "x": 1 / math.sqrt(6), "y": 1 / math.sqrt(6), "z": 1 / math.sqrt(6)})
    # constraint: the centre has 3 contacts, p = 1/3 each, none tied to another: 3 * (1/3)^2;
    # a leaf has one contact, p = 1: 1^2
    assert constraint(star) == pytest.approx({"c": 1 / 3, "x": 1.0, "y": 1.0, "z": 1.0})
    # effective size: 3 contacts with no ties among them (3 - 2*0/3); a leaf 1
    assert effective_size(star) == pytest.approx({"c": 3.0, "x": 1.0, "y": 1.0, "z": 1.0})


def test_path_of_four(path4: nx.Graph) -> None:
    assert degree(path4) == pytest.approx({"a": 1 / 3, "b": 2 / 3, "c": 2 / 3, "d": 1 / 3})
    # b lies between a-c and a-d: 2 of the 3 pairs of other nodes
    assert betweenness(path4) == pytest.approx({"a": 0.0, "b": 2 / 3, "c": 2 / 3, "d": 0.0})
    # a: 1 + 2 + 3 = 6 -> 3/6; b: 1 + 1 + 2 = 4 -> 3/4
    assert closeness(path4) == pytest.approx({"a": 0.5, "b": 0.75, "c": 0.75, "d": 0.5})
    # leading eigenvalue of P4 is the golden ratio phi; v = (1, phi, phi, 1) / sqrt(2 + 2 phi^2)
    phi = (1 + math.sqrt(5)) / 2
    norm = math.sqrt(2 + 2 * phi**2)
    assert eigenvector(path4) == pytest.approx({"a": 1 / norm, "b": phi / norm, "c": phi / norm, "d": 1 / norm})
    # b: contacts a and c, p = 1/2 each, not tied to each other: 2 * (1/2)^2 = 1/2
    assert constraint(path4) == pytest.approx({"a": 1.0, "b": 0.5, "c": 0.5, "d": 1.0})
    assert effective_size(path4) == pytest.approx({"a": 1.0, "b": 2.0, "c": 2.0, "d": 1.0})


def test_bridge_node_is_the_broker(bowtie: nx.Graph) -> None:
    # x: 4 contacts, p = 1/4 each; contact a is also reached through b: p_xb * p_ba = 1/4 * 1/2
    # -> (1/4 + 1/8)^2 = 9/64 per contact, 4 contacts: 36/64 = 9/16
    # a: contacts b, x, p = 1/2 each; b also through x: p_ax * p_xb = 1/2 * 1/4 -> (5/8)^2 = 25/64;
    #    x also through b: p_ab * p_bx = 1/2 * 1/2 -> (3/4)^2 = 36/64; total 61/64
    assert constraint(bowtie) == pytest.approx({"x": 9 / 16, **{n: 61 / 64 for n in "abcd"}})
    # x: 4 contacts with 2 ties among them: 4 - 2*2/4 = 3; a: 2 contacts, 1 tie: 2 - 2*1/2 = 1
    assert effective_size(bowtie) == pytest.approx({"x": 3.0, **{n: 1.0 for n in "abcd"}})
    # x is on the path of each of the 4 pairs across the two triangles, of 4*3/2 = 6 pairs
    assert betweenness(bowtie)["x"] == pytest.approx(4 / 6)
    ranked = centrality(bowtie, "constraint")
    assert (ranked[0].iri, ranked[0].rank) == ("x", 1)  # low constraint ranks first
    assert [r.rank for r in ranked] == [1, 2, 2, 2, 2]
    assert centrality(bowtie, "effective_size")[0].iri == "x"


def test_weights(weighted: nx.Graph) -> None:
    # distances 1/w: a-b 0.25, b-c 0.25, a-c 1; a->c is shorter through b (0.5 < 1), so b lies
    # on the only pair of other nodes: 1.0 (unweighted it would be 0)
    assert betweenness(weighted) == pytest.approx({"a": 0.0, "b": 1.0, "c": 0.0})
    # a: distances 0.25 and 0.5 -> 2 / 0.75
    assert closeness(weighted)["a"] == pytest.approx(2 / 0.75)
    # degree ignores weights: everyone is tied to both others
    assert degree(weighted) == pytest.approx({"a": 1.0, "b": 1.0, "c": 1.0})
    # p_ab = 4/5, p_ac = 1/5, p_ba = p_bc = 1/2, p_cb = 4/5, p_ca = 1/5
    # a: (p_ab + p_ac p_cb)^2 + (p_ac + p_ab p_bc)^2 = 0.96^2 + 0.6^2 = 1.2816
    # b: (p_ba + p_bc p_ca)^2 * 2 = 0.6^2 * 2 = 0.72
    assert constraint(weighted) == pytest.approx({"a": 1.2816, "b": 0.72, "c": 1.2816})
    # Burt: m_jq = w_jq / max_k w_jk.  b: (1 - p_bc m_ac) + (1 - p_ba m_ca) = 2 * (1 - 0.5 * 1/4)
    # a: (1 - p_ac m_bc) + (1 - p_ab m_cb) = (1 - 0.2 * 1) + (1 - 0.8 * 1) = 1.0
    assert effective_size(weighted) == pytest.approx({"a": 1.0, "b": 1.75, "c": 1.0})
    # eigenvector: b's ties are the strong ones, so b ranks first
    assert centrality(weighted, "eigenvector")[0].iri == "b"


def test_isolated_node_and_disconnected_graph() -> None:
    graph = nx.Graph([("a", "b"), ("c", "d"), ("d", "e")])
    graph.add_node("z")
    assert constraint(graph)["z"] is None and effective_size(graph)["z"] is None
    assert eigenvector(graph)["z"] == 0.0
    # closeness (Wasserman-Faust) scales by the share reached: d reaches 2 of 5 others at
    # distance 1 each -> (2/5) * (2/2) = 0.4; z reaches none -> 0
    assert closeness(graph)["d"] == pytest.approx(0.4)
    assert closeness(graph)["z"] == 0.0
    rows = centrality(graph, "constraint")
    assert rows[-1] == RankedNode("z", None, None, None)  # undefined values come last, unranked
    assert all(r.rank is not None for r in rows[:-1])


def test_empty_graph_and_graph_without_edges() -> None:
    for metric in METRICS:
        assert centrality(nx.Graph(), metric) == []
    lonely = nx.Graph()
    lonely.add_nodes_from(["p", "q"])
    assert degree(lonely) == {"p": 0.0, "q": 0.0}
    assert eigenvector(lonely) == {"p": 0.0, "q": 0.0}
    assert constraint(lonely) == {"p": None, "q": None}


def test_eigenvector_on_disconnected_graphs() -> None:
    # a triangle (leading eigenvalue 2) and a separate edge (eigenvalue 1): the graph's leading
    # eigenvector is (1, 1, 1) / sqrt 3 on the triangle and 0 on the edge
    graph = nx.complete_graph(["a", "b", "c"])
    graph.add_edge("d", "e")
    assert eigenvector(graph) == pytest.approx({"a": 3**-0.5, "b": 3**-0.5, "c": 3**-0.5, "d": 0.0, "e": 0.0})
    # two equal triangles tie; they share the unit norm: 1 / sqrt 6 each
    twins = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z")])
    assert eigenvector(twins) == pytest.approx({n: 6**-0.5 for n in "abcxyz"})


def test_eigenvector_falls_back_when_power_iteration_does_not_converge() -> None:
    # a triangle (eigenvalue 2) linked by a very weak tie to a pair with weight 1.999 (eigenvalue
    # 1.999): power iteration on A + I shrinks the second eigenvector by (2.999/3)^k only, too
    # slowly for 1000 steps, so the eigensolver answers; compare with numpy's dense solver
    graph = nx.complete_graph(["a", "b", "c"])
    graph.add_edge("d", "e", weight=1.999)
    graph.add_edge("c", "d", weight=1e-4)
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.eigenvector_centrality(graph, weight="weight", max_iter=1000, tol=1e-10)
    nodes = ["a", "b", "c", "d", "e"]
    values, vectors = numpy.linalg.eigh(nx.to_numpy_array(graph, nodelist=nodes, weight="weight"))
    expected = dict(zip(nodes, numpy.abs(vectors[:, numpy.argmax(values)])))
    assert eigenvector(graph) == pytest.approx(expected, abs=1e-6)


def test_rank_uses_competition_ranking_and_labels_for_ties() -> None:
    graph = nx.Graph()
    graph.add_nodes_from([("n1", {"label": "Zeta"}), ("n2", {"label": "Alpha"}), ("n3", {"label": "Mu"}),
                          ("n4", {"label": None})])
    rows = rank(graph, {"n1": 0.5, "n2": 0.5, "n3": 0.9, "n4": 0.1 + 0.2 - 0.3})  # n4 ~ 5e-17
    assert [(r.iri, r.rank) for r in rows] == [("n3", 1), ("n2", 2), ("n1", 2), ("n4", 4)]
    assert rows[1].label == "Alpha"
    ascending = rank(graph, {"n1": 2.0, "n2": 1.0, "n3": 1.0 + 1e-12, "n4": None}, ascending=True)
    assert [(r.iri, r.rank) for r in ascending] == [("n2", 1), ("n3", 1), ("n1", 3), ("n4", None)]


def test_unknown_metric_and_bad_weight() -> None:
    with pytest.raises(ValueError, match="unknown metric 'nope'; use one of degree, strength, betweenness"):
        centrality(nx.path_graph(2), "nope")
    with pytest.raises(ValueError, match="metric degree has no parameter k; its parameters are: none"):
        centrality(nx.path_graph(2), "degree", k=3)
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=0)
    with pytest.raises(ValueError, match="edge a - b has weight 0.0"):
        betweenness(graph)


def test_functions_do_not_change_their_input(weighted: nx.Graph) -> None:
    before = nx.to_dict_of_dicts(weighted)
    for metric in METRICS:
        centrality(weighted, metric)
    assert nx.to_dict_of_dicts(weighted) == before


def test_new_measures_by_hand(star: nx.Graph, path4: nx.Graph, weighted: nx.Graph) -> None:
    # strength sums tie weights: a has 4 + 1, b 4 + 4
    assert strength(weighted) == {"a": 5.0, "b": 8.0, "c": 5.0}
    # harmonic: a - b - c - d; a: (1 + 1/2 + 1/3) / 3 = 11/18; b: (1 + 1 + 1/2) / 3 = 5/6
    assert harmonic(path4) == pytest.approx({"a": 11 / 18, "b": 5 / 6, "c": 5 / 6, "d": 11 / 18})
    # weighted harmonic: a's distances 0.25 (to b) and 0.5 (to c through b): (4 + 2) / 2
    assert harmonic(weighted)["a"] == pytest.approx(3.0)
    # pagerank on the star, a = 0.85: c = 0.15/4 + a * 3 l and l = 0.15/4 + a c / 3, so
    # c = 0.0375 * (1 + 2.55) / (1 - 0.7225) = 0.479730; l = (1 - c) / 3
    centre = 0.0375 * 3.55 / 0.2775
    assert pagerank(star) == pytest.approx({"c": centre, **{n: (1 - centre) / 3 for n in "xyz"}})
    # k-core: the path is a 1-core; a triangle with a pendant node: 2, 2, 2, 1
    assert core_number(path4) == {n: 1.0 for n in "abcd"}
    pendant = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")])
    assert core_number(pendant) == {"a": 2.0, "b": 2.0, "c": 2.0, "d": 1.0}


def test_efficiency_and_hierarchy(star: nx.Graph, bowtie: nx.Graph) -> None:
    # efficiency = effective size / contacts: centre 3/3, bowtie x 3/4, a 1/2
    assert efficiency(star)["c"] == 1.0
    assert efficiency(bowtie) == pytest.approx({"x": 0.75, **{n: 0.5 for n in "abcd"}})
    # hierarchy: all four of x's dyadic constraints are 9/64, equal -> 0
    assert hierarchy(bowtie)["x"] == pytest.approx(0.0)
    # a: l_ab = 25/64, l_ax = 36/64, C = 61/64, mean 61/128; r = 50/61 and 72/61;
    # H = (r1 ln r1 + r2 ln r2) / (2 ln 2)
    r1, r2 = 50 / 61, 72 / 61
    assert hierarchy(bowtie)["a"] == pytest.approx((r1 * math.log(r1) + r2 * math.log(r2)) / (2 * math.log(2)))
    assert hierarchy(star)["x"] is None  # one contact: N ln N = 0


def test_registry_documents_every_parameter() -> None:
    assert list(METRICS) == ["degree", "betweenness", "closeness", "eigenvector", "constraint", "effective_size"]
    assert set(METRICS) < set(MEASURES)
    for name, metric in MEASURES.items():
        assert metric.name == name and metric.description
        for parameter in metric.parameters:
            assert parameter.description and parameter.type in (int, float, str)
    assert MEASURES["betweenness"].parse({"k": "10", "backend": "igraph"}) == {"k": 10, "backend": "igraph"}
    with pytest.raises(ValueError, match="'fast' is not one of igraph, networkx"):
        MEASURES["closeness"].parse({"backend": "fast"})
    with pytest.raises(ValueError, match="parameter alpha: 'high' is not a number"):
        MEASURES["pagerank"].parse({"alpha": "high"})
    with pytest.raises(ValueError, match="metric degree has no parameter k"):
        MEASURES["degree"].parse({"k": "1"})


def test_every_measure_ranks_with_defaults_and_parameters(bowtie: nx.Graph) -> None:
    for name in MEASURES:
        rows = centrality(bowtie, name)
        assert {r.iri for r in rows} == set(bowtie)
    # the bridge node x leads betweenness, exact and on both backends, and sampled with every source
    for params in ({}, {"backend": "networkx"}, {"k": 5, "seed": 3}, {"k": 4, "seed": 3, "backend": "networkx"}):
        assert centrality(bowtie, "betweenness", **params)[0].iri == "x", params


def test_ranking_a_prepared_view_orders_ties_by_label_and_keeps_nodes_outside_the_graph() -> None:
    from graph_api.network.centrality import rank
    from graph_api.network.matrices import prepare

    graph = nx.Graph()
    graph.add_node("urn:x", label="Zeta")
    graph.add_node("urn:y", label="Alpha")
    graph.add_edge("urn:x", "urn:y")
    graph.add_node("urn:z")  # no label
    prepare(graph)
    rows = rank(graph, {"urn:x": 1.0, "urn:y": 1.0 + 1e-12, "urn:z": None})
    assert [(r.iri, r.rank) for r in rows] == [("urn:y", 1), ("urn:x", 1), ("urn:z", None)]
    outside = rank(graph, {"urn:x": 0.5, "urn:w": 0.5})  # urn:w is not in the graph: no label
    assert [(r.iri, r.label, r.rank) for r in outside] == [("urn:w", None, 1), ("urn:x", "Zeta", 1)]
