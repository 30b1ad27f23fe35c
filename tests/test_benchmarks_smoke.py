"""The broker-report benchmark at a small size: it runs, and HIN and plain networkx agree."""
from __future__ import annotations

from benchmarks.broker_report import TOP, main, plain_networkx_report, run
from graph_api.network.cross_border import cross_border_brokers
from graph_api.network.synthetic import country_partition, synthetic_network


def test_benchmark_runs_and_the_top_lists_agree(capsys) -> None:
    assert main(["--actors", "500"]) == 0
    out = capsys.readouterr().out
    assert "500 actors" in out and "ratio (networkx / HIN)" in out and f"same top-{TOP}:" in out
    assert "yes" in out.split(f"same top-{TOP}:")[1].splitlines()[0]


def test_same_top_rows_with_counts() -> None:
    result = run(800, seed=3)
    assert result["same_top"] is True and len(result["top"]) == TOP
    graph = synthetic_network(800, seed=3)
    rows = cross_border_brokers(graph, country_partition(graph), top=TOP)
    plain = plain_networkx_report(graph, country_partition(graph))
    assert [(r.iri, r.liaison, r.gatekeeper) for r in rows] == [(n, li, gk) for n, li, gk, _ in plain]
    assert rows[0].cross_border > 0


def test_synthetic_network_is_reproducible_and_shaped() -> None:
    first, second = synthetic_network(600, seed=9), synthetic_network(600, seed=9)
    assert sorted(first.edges(data="weight")) == sorted(second.edges(data="weight"))
    countries = country_partition(first)
    sizes = sorted((list(countries.values()).count(c) for c in set(countries.values())), reverse=True)
    assert sizes[0] > 3 * sizes[-1]  # Zipf: the largest country dwarfs the smallest
    cross = sum(1 for u, v in first.edges if countries[u] != countries[v])
    assert 0 < cross < first.number_of_edges() / 2  # mostly national ties, some cross-border


def test_one_command_runs_a_named_benchmark_at_smoke_size(capsys) -> None:
    from benchmarks.__main__ import main as run_benchmarks

    assert run_benchmarks(["brokers", "--smoke"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== brokers ==") and "500 actors" in out


def test_one_command_refuses_an_unknown_benchmark(capsys) -> None:
    import pytest

    from benchmarks.__main__ import main as run_benchmarks

    with pytest.raises(SystemExit) as stopped:
        run_benchmarks(["no-such-benchmark"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "unknown benchmark no-such-benchmark; choose from" in err and "brokers" in err
