"""The load test at a small size: four clients for three seconds over the corpus store, no errors."""
from __future__ import annotations

import pytest

from benchmarks.load_test import main, query_mix, run_clients

pytestmark = pytest.mark.e2e


def test_load_test_runs_without_errors(corpus_server, capsys):
    assert main(["--url", corpus_server, "--clients", "4", "--seconds", "3"]) == 0
    out = capsys.readouterr().out
    assert "errors: 0" in out and "throughput:" in out and "p99" in out


def test_query_mix_has_named_queries_and_lookups(corpus_server):
    import httpx

    with httpx.Client() as client:
        mix = query_mix(client, corpus_server + "/sparql")
    kinds = {kind.split(":")[0] for kind, _ in mix}
    assert kinds == {"named", "describe", "labels"}
    assert sum(kind.startswith("named:") for kind, _ in mix) >= 20


def test_each_client_request_is_counted(corpus_server):
    tally, elapsed = run_clients(corpus_server, clients=2, seconds=1.0)
    assert tally.errors == [] and sum(tally.by_kind.values()) == len(tally.latencies) > 0
    assert elapsed >= 1.0
