"""Gould-Fernandez brokerage roles, expected counts and z-scores, against hand-worked cases and a
direct two-path walk; the cross-border report built on them."""
from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from graph_api.network.brokerage import COLUMNS, ROLES, SNA_NAMES, brokerage
from graph_api.network.cross_border import cross_border_brokers


def walk_two_paths(graph: nx.Graph, partition: dict) -> dict:
    """Every two-path u -> v -> w (u != w, no arc u -> w) classified one at a time, as sna's C loop."""
    arcs = graph if graph.is_directed() else graph.to_directed()
    counts = {v: dict.fromkeys(ROLES, 0) for v in arcs if v in partition}
    for v in counts:
        for u in arcs.predecessors(v):
            for w in arcs.successors(v):
                if u == w or u == v or w == v or u not in partition or w not in partition or arcs.has_edge(u, w):
                    continue
                a, b, c = partition[u], partition[v], partition[w]
                role = ("coordinator" if a == b == c else "representative" if a == b else
                        "gatekeeper" if b == c else "itinerant" if a == c else "liaison")
                counts[v][role] += 1
    return counts


def test_directed_example_of_four_nodes() -> None:
    # The 4-node digraph of the cograph package's brokerage examples (its documentation shows sna's
    # liaison column there as all 0): A->B, A->C, B->C, B->D, C->D, D->A; groups A, B = 1 and C, D = 2.
    graph = nx.DiGraph([("A", "B"), ("A", "C"), ("B", "C"), ("B", "D"), ("C", "D"), ("D", "A")])
    groups = {"A": 1, "B": 1, "C": 2, "D": 2}
    result = brokerage(graph, groups)
    # broker A: D->A->B open (no D->B), groups 2 1 1: gatekeeper; D->A->C open, 2 1 2: itinerant
    # broker B: A->B->C closed by A->C; A->B->D open, 1 1 2: representative
    # broker C: A->C->D open, 1 2 2: gatekeeper; B->C->D closed by B->D
    # broker D: B->D->A open, 1 2 1: itinerant; C->D->A open, 2 2 1: representative
    expected_raw = {
        "A": {"gatekeeper": 1, "itinerant": 1}, "B": {"representative": 1},
        "C": {"gatekeeper": 1}, "D": {"itinerant": 1, "representative": 1}}
    for node, roles in expected_raw.items():
        row = {role: roles.get(role, 0) for role in ROLES}
        assert result.raw[node] == {**row, "total": sum(row.values())}, node
    # N = 4, m = 6 arcs, d = 6 / 12 = 1/2; p = d^2 (1 - d) = 1/8; q = d^3 (1 - d)^3 = 1/64
    assert (result.nodes, result.arcs, result.density) == (4, 6, 0.5)
    # a broker in a group of 2 (the other group also 2): coordinator (1)(0) p = 0; itinerant
    # 2 * 1 * p = 1/4; representative = gatekeeper (4 - 2)(2 - 1) p = 1/4; liaison (2^2 - 2^2) p = 0;
    # total (3)(2) p = 3/4
    assert result.expected["A"] == pytest.approx(
        {"coordinator": 0, "itinerant": 0.25, "representative": 0.25, "gatekeeper": 0.25, "liaison": 0, "total": 0.75})
    # variances: itinerant 1/4 (1 - 1/8) + 2 * (2 * 1 * 0) q = 7/32; representative 7/32 + 2 * (1 * C(2,2)
    # + 2 * C(1,2)) q = 7/32 + 2/64 = 1/4; total 3/4 * 7/8 + 2 * 3 * 2 * 1 * q = 21/32 + 12/64 = 27/32
    assert result.sd["A"]["itinerant"] == pytest.approx(math.sqrt(7 / 32))
    assert result.sd["A"]["representative"] == pytest.approx(0.5)
    assert result.sd["A"]["total"] == pytest.approx(math.sqrt(27 / 32))
    # z = (raw - expected) / sd; undefined (sd 0) for coordinator and liaison
    assert result.z["A"]["itinerant"] == pytest.approx(0.75 / math.sqrt(7 / 32))
    assert result.z["B"]["representative"] == pytest.approx(1.5)
    assert result.z["A"]["total"] == pytest.approx(1.25 / math.sqrt(27 / 32))
    assert result.z["A"]["coordinator"] is None and result.z["A"]["liaison"] is None
    # graph level: 2 itinerant, 2 representative, 2 gatekeeper; E[itinerant] = p * sum n (N - n)(n - 1)
    # = 1/8 * (2*2*1 + 2*2*1) = 1; E[total] = p N (N-1)(N-2) = 1/8 * 24 = 3
    assert result.raw_total == {"coordinator": 0, "itinerant": 2, "representative": 2, "gatekeeper": 2,
                                "liaison": 0, "total": 6}
    assert result.expected_total["itinerant"] == pytest.approx(1.0)
    assert result.expected_total["total"] == pytest.approx(3.0)


def test_undirected_star_counts_each_path_both_ways() -> None:
    # centre c (group A) with leaves x (A), y (B), z (C); the 6 ordered pairs of leaves are open:
    # x->c->y and x->c->z representative, y->c->x and z->c->x gatekeeper, y->c->z and z->c->y liaison
    star = nx.Graph([("c", "x"), ("c", "y"), ("c", "z")])
    groups = {"c": "A", "x": "A", "y": "B", "z": "C"}
    result = brokerage(star, groups)
    assert result.raw["c"] == {"coordinator": 0, "itinerant": 0, "representative": 2, "gatekeeper": 2,
                               "liaison": 2, "total": 6}
    assert all(result.raw[leaf]["total"] == 0 for leaf in "xyz")
    # 3 ties = 6 arcs, N = 4: d = 6 / 12; broker in A (n = 2, others 1 and 1): liaison
    # ((1 + 1)^2 - (1 + 1)) p = 2 / 8; representative (4 - 2)(2 - 1) p = 2 / 8
    assert result.density == 0.5
    assert result.expected["c"]["liaison"] == pytest.approx(0.25)
    assert result.expected["c"]["representative"] == pytest.approx(0.25)
    # liaison variance: E (1 - p) + 4 sum_j n_j C(N - n_j - n_i, 2) q = 7/32 + 4 * 2 * C(1, 2) / 64 = 7/32
    assert result.sd["c"]["liaison"] == pytest.approx(math.sqrt(7 / 32))


@pytest.mark.parametrize("seed", range(6))
def test_counts_equal_a_direct_walk_of_every_two_path(seed: int) -> None:
    rng = random.Random(seed)
    graph = nx.gnp_random_graph(45, 0.12, seed=seed, directed=seed % 2 == 1)
    groups = {v: rng.choice("ABCD") for v in graph if rng.random() > 0.1}  # some nodes without a group
    result = brokerage(graph, groups)
    walked = walk_two_paths(graph, groups)
    assert {v: {r: result.raw[v][r] for r in ROLES} for v in result.raw} == walked
    assert sorted(result.unassigned) == sorted(v for v in graph if v not in groups)
    if not graph.is_directed():
        assert all(row["representative"] == row["gatekeeper"] for row in result.raw.values())


def test_expected_counts_sum_to_the_total() -> None:
    rng = random.Random(5)
    graph = nx.gnp_random_graph(30, 0.2, seed=5)
    result = brokerage(graph, {v: rng.choice("XYZ") for v in graph})
    for node, expected in result.expected.items():
        assert sum(expected[role] for role in ROLES) == pytest.approx(expected["total"])
    assert sum(result.expected_total[role] for role in ROLES) == pytest.approx(result.expected_total["total"])
    assert list(SNA_NAMES) == list(COLUMNS)


def test_cross_border_report_ranks_liaison_and_gatekeeper() -> None:
    # de1 - nl1 - dk1 and de1 - de2: nl1 links DE and DK (liaison 2: both ways); de1 lets nl1 reach
    # de2 (gatekeeper 1: nl1 -> de1 -> de2) and represents de2 to nl1 (representative 1)
    graph = nx.Graph([("de1", "nl1"), ("nl1", "dk1"), ("de1", "de2")])
    graph.nodes["nl1"]["label"] = "Dutch broker"
    rows = cross_border_brokers(graph, {"de1": "DE", "de2": "DE", "nl1": "NL", "dk1": "DK"})
    assert [(r.iri, r.cross_border, r.rank) for r in rows] == [
        ("nl1", 2.0, 1), ("de1", 1.0, 2), ("de2", 0.0, 3), ("dk1", 0.0, 3)]
    assert rows[0].label == "Dutch broker" and rows[0].group == "NL" and rows[0].constraint == pytest.approx(0.5)
    assert rows[1].representative == 1.0
    assert len(cross_border_brokers(graph, {"de1": "DE", "de2": "DE", "nl1": "NL", "dk1": "DK"}, top=1)) == 1
    with pytest.raises(ValueError, match="top must be 0 or more"):
        cross_border_brokers(graph, {}, top=-1)
