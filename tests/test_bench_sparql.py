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


@pytest.fixture(scope="module")
def result():
    return sparql.run(ACTORS, rounds=1, timeout=TIMEOUT)


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


def test_every_triple_streams_whole_from_a_server_without_row_limit(result):
    streamed = result["stream"]
    assert streamed["rows"] == result["default_graph_triples"]  # the union of the named graphs
    assert streamed["server_peak_rss_mib"] > 0 and streamed["worker_peak_rss_mib"] > 0
