"""The validation benchmark at its smoke size: it runs, prints its figures, both sides agree."""
from __future__ import annotations

from benchmarks.validation import main


def test_benchmark_prints_figures_and_identical_results(capsys) -> None:
    assert main(["--actors", "330"]) == 0
    out = capsys.readouterr().out
    assert "330 actors:" in out and "11 injected violations" in out
    assert "ratio (pySHACL / SPARQL, CPU time):" in out and "CPU s" in out and "peak" in out
    assert "pySHACL, one run per graph: 11 results" in out
    assert "compiled SPARQL, one pass:  11 results" in out
    assert "identical results: yes; exactly the injected ones: yes" in out
