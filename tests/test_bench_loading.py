"""The bulk-load benchmark at a small size: hin load and pyoxigraph load the same quads."""
from __future__ import annotations

from benchmarks import loading


def test_both_sides_load_the_same_quads_and_the_figures_are_printed(tmp_path, capsys):
    assert loading.main(["--actors", "300", "--cache", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    cached = tmp_path / "synth-300-seed0.nq"
    assert cached.is_file()
    quads = cached.read_bytes().count(b"\n")
    assert f"{quads:,} quads" in out
    assert "hin load" in out and "pyoxigraph bulk_load" in out and "ratio (hin / pyoxigraph)" in out
    assert "same quads in both stores: yes" in out
    result = loading.run(300, cache=tmp_path)  # the cached file is reused
    assert result["quads"] == quads and result["same_quads"]
    for side in ("hin", "engine"):
        assert result[side]["seconds"] > 0 and result[side]["peak_mib"] > 10 and result[side]["cpu"] > 0


def test_measure_reports_the_child_alone():
    import sys

    small = loading.measure([sys.executable, "-c", "print(1)"])
    big = loading.measure([sys.executable, "-c", "x = bytearray(200 * 2**20); x[::4096] = b'1' * len(x[::4096])"])
    assert small["status"] == big["status"] == 0 and small["stdout"].strip() == "1"
    assert big["peak_mib"] > small["peak_mib"] + 150
