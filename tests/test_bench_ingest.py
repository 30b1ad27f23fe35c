"""The ingest-throughput benchmark at a small size: both ways write one graph per document."""
from __future__ import annotations

from benchmarks import ingest_throughput


def test_batch_and_single_runs_are_measured(capsys):
    assert ingest_throughput.main(["--copies", "1", "--documents", "1"]) == 0
    out = capsys.readouterr().out
    assert "1 documents" in out and "docs/s" in out and "ratio (per document / batch)" in out
    assert "one named graph per document on both sides: yes" in out


def test_copies_get_distinct_names(tmp_path):
    paths = ingest_throughput.copy_corpus(ingest_throughput.CORPUS, 3, tmp_path, documents=2)
    assert len(paths) == len({p.name for p in paths}) == 6
    assert paths[0].read_bytes() == paths[2].read_bytes()  # copy 2 of the first document
