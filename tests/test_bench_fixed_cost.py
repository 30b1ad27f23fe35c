"""The fixed-cost benchmark at a small size: four servers answer, and the table is printed."""
from __future__ import annotations

import pytest

from benchmarks import fixed_cost

pytestmark = pytest.mark.e2e


def test_each_server_and_stack_is_measured_and_printed(tmp_path, capsys):
    result = fixed_cost.run(actors=60, trips=20, folder=tmp_path)
    kinds = [kind for _, kind in fixed_cost.SERVERS]
    stacks = [stack for stack, _, _ in fixed_cost.STACKS]
    assert set(result["median"]) == {(k, s) for k in kinds for s in stacks} | {("in process", "")}
    assert all(0 < seconds < 1 for seconds in result["median"].values())
    assert "rdf-schema#label" in result["query"] and "<https://" in result["query"]  # an actor was found
    fixed_cost.report(result)
    out = capsys.readouterr().out
    assert "60 actors; median of 20 round trips" in out
    for label, _ in fixed_cost.SERVERS:
        assert out.count(label) == 1


def test_a_bare_server_answers_fixed_bytes_over_either_stack(tmp_path):
    from benchmarks.sparql import Client

    client = Client()
    for _, http, loop in fixed_cost.STACKS:
        server = fixed_cost.start("bare", tmp_path, http, loop)
        try:
            assert client.get(server.url, "ASK {}", 10) == (200, fixed_cost.FIXED_BODY)
        finally:
            server.stop()
    client.close()
