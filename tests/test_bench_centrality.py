"""The centrality benchmark at a small size: it runs, and HIN and networkx rank alike."""
from __future__ import annotations

import networkx as nx
import pytest

from benchmarks.centrality import TOP, main, plain_top, run, same_top, with_distance
from graph_api.network.centrality import RankedNode, centrality
from graph_api.network.synthetic import synthetic_network


def test_benchmark_prints_each_measure_and_the_top_lists_agree(capsys) -> None:
    assert main(["--actors", "400", "--pivots", "10"]) == 0
    out = capsys.readouterr().out
    assert "400 actors" in out and f"same top-{TOP}" in out
    for measure in ("betweenness", "constraint"):
        line = next(line for line in out.splitlines() if line.startswith(measure))
        assert "x  yes" in line, line
    assert "exact betweenness: HIN" in out and "extrapolated, not run" in out


def test_both_sides_compute_the_same_top_rows() -> None:
    result = run(600, pivots=15, seed=4, exact=False)
    assert result["same_top"] is True and result["hin_exact_seconds"] is None
    for figures in result["measures"].values():
        assert len(figures["top"]) == TOP and figures["max_difference"] < 1e-9
        assert figures["hin_seconds"] > 0 and figures["networkx_seconds"] > 0


def test_whole_number_distances_make_networkx_count_every_shortest_path() -> None:
    # a - d directly (weight 2: length 1/2) or through b (weights 3 and 6: 1/3 + 1/6), equally
    # short; scaled by lcm(1, 2, 3, 6) = 6 the lengths are 3 and 2 + 1: b lies on half of a - d and a - e
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=3)
    graph.add_edge("b", "d", weight=6)
    graph.add_edge("a", "d", weight=2)
    graph.add_edge("d", "e", weight=1)
    scaled = with_distance(graph)
    assert sorted(d for _, _, d in scaled.edges(data="distance")) == [1.0, 2.0, 3.0, 6.0]  # lcm 6
    exact = nx.betweenness_centrality(scaled, weight="distance")
    assert exact["b"] == pytest.approx(1 / 3)  # half of a - d and of a - e, of 3 pairs of others
    assert exact == pytest.approx(centrality_values(graph))
    fractional = nx.Graph()
    fractional.add_edge("a", "b", weight=0.5)
    assert [d for _, _, d in with_distance(fractional).edges(data="distance")] == [2.0]


def centrality_values(graph: nx.Graph) -> dict[str, float]:
    return {r.iri: r.value for r in centrality(graph, "betweenness")}


def test_comparison_needs_same_nodes_same_order_and_close_values() -> None:
    graph = nx.path_graph(["a", "b", "c"])
    rows = [RankedNode("b", None, 1.0, 1), RankedNode("a", None, 0.5, 2)]
    assert same_top(rows, [("b", 1.0), ("a", 0.5)]) == (True, 0.0)
    assert same_top(rows, [("a", 0.5), ("b", 1.0)])[0] is False
    assert same_top(rows, [("b", 1.0), ("a", 0.5 + 1e-6)])[0] is False
    assert plain_top(graph, {"a": 0.5, "b": float("nan"), "c": 0.5}, ascending=True) == [("a", 0.5), ("c", 0.5)]


def test_one_command_runs_the_centrality_benchmark_at_smoke_size(capsys) -> None:
    from benchmarks.__main__ import main as run_benchmarks

    assert run_benchmarks(["centrality", "--smoke"]) == 0
    assert capsys.readouterr().out.startswith("== centrality ==")
