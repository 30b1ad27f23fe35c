"""The SPARQL benchmark at a tiny size: HIN, rdflib-endpoint and pyoxigraph give the same rows.

A query rdflib-endpoint does not answer within TIMEOUT is reported as such ("> timeout"), one it
fails on (rdflib 7 sometimes compares unbound values in ORDER BY and fails) as "error"; their rows are
compared between HIN and pyoxigraph only; most queries must be answered on all three sides.

rdflib-endpoint is in the test extra (pure Python over rdflib and FastAPI, both already needed), so
the peer runs for real here, as in the full-size run; only the size differs.
"""
from __future__ import annotations

import pytest

from benchmarks import sparql

pytestmark = pytest.mark.e2e

ACTORS = 60
TIMEOUT = 5.0  # rdflib-endpoint takes longer than this for a few example queries even here


CLIENTS, CLIENT_SECONDS = 2, 0.2


@pytest.fixture(scope="module")
def result():
    return sparql.run(ACTORS, rounds=1, timeout=TIMEOUT, clients=CLIENTS, client_seconds=CLIENT_SECONDS)


def test_every_side_answers_every_query_with_the_same_rows(result):
    timings = result["timings"]
    names = [name for name, _ in result["queries"]]
    assert len(names) >= 13 + 6  # the example queries and the generated mix
    assert any(name.startswith("path:") for name in names) and any(n.startswith("filter:") for n in names)
    answered = 0
    for name, sides in timings.items():
        assert len(sides["hin"].seconds) == len(sides["pyoxigraph"].seconds) == 1
        assert sides["hin"].rows == sides["pyoxigraph"].rows, name
        peer = sides["rdflib-endpoint"]
        if peer.timed_out or peer.error:  # rdflib-endpoint too slow, or failing on a valid query
            assert peer.rows is None and (peer.seconds == [TIMEOUT] or peer.error)
        else:
            assert peer.rows == sides["hin"].rows, name
            answered += 1
    assert answered >= len(timings) - 3
    assert sparql.mismatches(timings) == []
    assert sum(sides["hin"].rows for sides in timings.values()) > 50  # the queries do find things


def test_the_figures_are_printed(result, capsys):
    sparql.report(result)
    out = capsys.readouterr().out
    assert f"{ACTORS} actors:" in out and "row counts: the same on every side" in out
    assert "ratio HIN / rdflib-endpoint (throughput over the whole mix):" in out and "ratio HIN-HTTP / pyoxigraph" in out
    assert "ratio HIN / rdflib-endpoint (throughput per query" in out and "goal 20 " in out
    assert result["throughput"]["hin"] > 0 and result["throughput"]["rdflib-endpoint"] > 0


def test_the_median_throughput_ratio_counts_a_peer_timeout_as_a_lower_bound():
    def timing(*seconds, **flags):
        return sparql.Timing(seconds=list(seconds), **flags)

    timings = {
        "fast": {"hin": timing(0.01), "rdflib-endpoint": timing(0.5)},                   # 50
        "slow": {"hin": timing(1.0), "rdflib-endpoint": timing(30.0, timed_out=True)},   # >= 30
        "even": {"hin": timing(0.1), "rdflib-endpoint": timing(0.5)},                    # 5
        "refused": {"hin": timing(0.1), "rdflib-endpoint": timing(0.2, error="boom")},   # left out
    }
    ratios = sparql.throughput_ratios(timings)
    assert set(ratios) == {"fast", "slow", "even"} and ratios["slow"] == (30.0, True)
    assert sparql.median_bounds(ratios) == (30.0, 50.0)


def test_several_clients_at_once_ask_every_query_on_both_sides(result, capsys):
    rates, timings = result["rates"], result["timings"]
    assert list(rates) == list(timings)
    for name, sides in rates.items():
        hin = sides["hin"]
        assert hin.error is None and hin.timeouts == 0 and hin.answers >= CLIENTS, name
        assert hin.seconds >= CLIENT_SECONDS and hin.per_second > 0
        peer = sides.get("rdflib-endpoint")
        if timings[name]["rdflib-endpoint"].error:  # refused before: not asked again
            assert peer is None
        else:
            assert peer.error is None and peer.answers + peer.timeouts >= CLIENTS, name
    ratios = sparql.concurrent_ratios(rates)
    assert len(ratios) >= len(rates) - 3
    sparql.report(result)
    out = capsys.readouterr().out
    assert f"{CLIENTS} clients at once, each query asked for {CLIENT_SECONDS:g} s" in out
    assert f"ratio HIN / rdflib-endpoint (answers per second, {CLIENTS} clients), median over {len(ratios)}" in out


def test_a_peer_timeout_with_several_clients_makes_its_rate_an_upper_bound():
    fast = sparql.Rate(answers=40, seconds=2.0)                              # 20/s
    stuck = sparql.Rate(answers=1, timeouts=3, seconds=8.0)                  # <= 0.5/s
    assert fast.per_second == 20.0 and not fast.bound
    assert stuck.per_second == 0.5 and stuck.bound
    rates = {
        "lookup": {"hin": sparql.Rate(answers=400, seconds=2.0), "rdflib-endpoint": fast},     # 10
        "heavy": {"hin": sparql.Rate(answers=4, seconds=4.0), "rdflib-endpoint": stuck},       # >= 2
        "refused": {"hin": sparql.Rate(answers=9, seconds=1.0),
                    "rdflib-endpoint": sparql.Rate(answers=0, seconds=0.1, error="boom")},     # left out
        "not asked": {"hin": sparql.Rate(answers=9, seconds=1.0)},                             # left out
    }
    assert sparql.concurrent_ratios(rates) == {"lookup": (10.0, False), "heavy": (2.0, True)}


def test_every_triple_streams_whole_from_a_server_without_row_limit(result):
    streamed = result["stream"]
    assert streamed["rows"] == result["default_graph_triples"]  # the union of the named graphs
    assert streamed["server_peak_rss_mib"] > 0 and streamed["worker_peak_rss_mib"] > 0
