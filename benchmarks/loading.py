"""Bulk load: ``hin load`` against pyoxigraph's own ``Store.bulk_load`` of the same N-Quads file.

Run from a source checkout::

    python -m benchmarks.loading --actors 780000      # about 10 million quads

A synthetic dataset (``hin synth``, :mod:`ingest.synthetic`) is written once to the cache folder
(``--cache``, default ``.cache/bench``) and reused.  Then two child processes load it, one after the
other, each into a fresh folder:

* ``hin load FILE --store DIR``: a new store generation with the reference graphs, the default
  graph made the union of the named graphs, compacted, switched to atomically;
* the engine's limit: ``pyoxigraph.Store(DIR).bulk_load(path=FILE)`` and nothing else.

Each child's wall time, CPU time (user + system, from ``os.wait4``) and peak resident memory
(``VmHWM``, see :func:`measure`) are printed with the ratios hin / engine.  Both stores must hold
the same quads in the file's graphs (hin's count less the reference graphs), else the run fails.
CPU time is the steadier figure on a shared machine.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

#: Where the synthetic files are kept between runs.
DEFAULT_CACHE = Path(".cache/bench")
#: The child that measures the engine: bulk-load FILE into a new store at DIR, print its size.
#: Seconds between two readings of a child's peak memory.
POLL = 0.02
ENGINE_CHILD = ("import sys, pyoxigraph as ox; s = ox.Store(sys.argv[2]); "
                "s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS); s.flush(); print(len(s))")


def dataset_file(actors: int, seed: int, cache: Path) -> Path:
    """The cached ``hin synth`` N-Quads file of this size and seed, written when missing.

    ``hin synth`` runs as a child so that this process stays small: a child's peak memory counts
    what it inherited from its parent before it started its program.
    """
    path = Path(cache) / f"synth-{actors}-seed{seed}.nq"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"writing {path} (once; later runs reuse it)", flush=True)
        subprocess.run([sys.executable, "-m", "graph_api.cli", "synth", "--actors", str(actors),
                        "--seed", str(seed), "--output", str(path)], check=True)
    return path


def measure(command: list[str]) -> dict:
    """Run ``command`` as a child: its wall and CPU seconds, peak MiB, exit status and output.

    CPU time comes from ``os.wait4``, so each child is measured alone.  The peak is the child's
    ``VmHWM`` (``/proc/PID/status``), read every :data:`POLL` seconds while it runs: ``ru_maxrss``
    would also count the memory of this process, which a child holds until it starts its program.
    Where there is no ``/proc`` the peak is ``ru_maxrss``.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen(command, stdout=out, stderr=err)
        status_file, peak_kib = Path(f"/proc/{child.pid}/status"), 0
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            peak_kib = max(peak_kib, _high_water_kib(status_file))
            time.sleep(POLL)
        seconds = time.monotonic() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if not status_file.parent.parent.is_dir() or not peak_kib:
        peak_kib = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": peak_kib / 1024,
            "status": child.returncode, "stdout": stdout, "stderr": stderr}


def _high_water_kib(status_file: Path) -> int:
    """The ``VmHWM`` line of a ``/proc/PID/status`` file, in KiB (0 when gone or not there)."""
    try:
        for line in status_file.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def reference_quads() -> int:
    """Quads of the reference graphs ``hin load`` adds (ontology, field scheme)."""
    from graph_api.build import REFERENCE_GRAPHS

    return sum(sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
               for path in REFERENCE_GRAPHS.values())


def run(actors: int, *, seed: int = 0, cache: Path = DEFAULT_CACHE) -> dict:
    """Load the same synthetic file with ``hin load`` and with pyoxigraph alone; the figures.

    Raises
    ------
    RuntimeError
        A child failed, or the two stores do not hold the same quads.
    """
    path = dataset_file(actors, seed, cache)
    work = Path(tempfile.mkdtemp(prefix="hin-bench-load-"))
    try:
        hin = measure([sys.executable, "-m", "graph_api.cli", "load", str(path),
                       "--store", str(work / "hin")])
        if hin["status"]:
            raise RuntimeError(f"hin load failed ({hin['status']}): {hin['stderr'][-2000:]}")
        manifest = next((work / "hin" / "generations").glob("*.json"))
        hin_quads = json.loads(manifest.read_text(encoding="utf-8"))["quads_in_named_graphs"]
        engine = measure([sys.executable, "-c", ENGINE_CHILD, str(path), str(work / "engine")])
        if engine["status"]:
            raise RuntimeError(f"pyoxigraph bulk_load failed ({engine['status']}): {engine['stderr'][-2000:]}")
        engine_quads = int(engine["stdout"].split()[-1])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    loaded = hin_quads - reference_quads()
    if loaded != engine_quads:
        raise RuntimeError(f"the stores differ: hin load has {loaded} quads from the file, "
                           f"pyoxigraph {engine_quads}")
    return {"actors": actors, "seed": seed, "file": str(path), "file_mib": path.stat().st_size / 2**20,
            "quads": engine_quads, "same_quads": True,
            "hin": {k: hin[k] for k in ("seconds", "cpu", "peak_mib")},
            "engine": {k: engine[k] for k in ("seconds", "cpu", "peak_mib")}}


def report(result: dict) -> str:
    """The figures and ratios as text."""
    quads = result["quads"]
    head = (f"{result['actors']} actors (seed {result['seed']}): {quads:,} quads, "
            f"{result['file_mib']:.0f} MiB N-Quads ({result['file']})")
    rows = [("hin load", result["hin"]), ("pyoxigraph bulk_load", result["engine"])]
    return "\n".join([head, *side_by_side(rows, quads, "quads/s", "hin / pyoxigraph"),
                      f"same quads in both stores: {'yes' if result['same_quads'] else 'NO'}"])


def side_by_side(rows: list[tuple[str, dict]], amount: int, rate: str, ratio: str) -> list[str]:
    """Table lines of :func:`measure` figures (first row / second row as the ratio line).

    ``amount`` is the work done by each side (quads, documents), shown per second as ``rate``.
    """
    width = max(len(name) for name, _ in rows) + 2
    lines = [f"{'':{width}}{'wall s':>9}{rate:>12}{'CPU s':>9}{'peak MiB':>10}"]
    for name, side in rows:
        lines.append(f"{name:{width}}{side['seconds']:9.1f}{amount / side['seconds']:12,.2f}"
                     f"{side['cpu']:9.1f}{side['peak_mib']:10.0f}")
    (_, first), (_, second) = rows[0], rows[1]
    lines.append(f"ratio ({ratio}): wall {first['seconds'] / second['seconds']:.2f}, "
                 f"CPU {first['cpu'] / max(second['cpu'], 1e-9):.2f}, "
                 f"peak memory {first['peak_mib'] / second['peak_mib']:.2f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures (``python -m benchmarks.loading --help``)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.loading",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=780_000,
                        help="size of the synthetic dataset (default 780000: about 10 million quads)")
    parser.add_argument("--seed", type=int, default=0, help="seed of hin synth (default 0)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                        help=f"folder for the synthetic files (default {DEFAULT_CACHE})")
    options = parser.parse_args(argv)
    print(report(run(options.actors, seed=options.seed, cache=options.cache)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
