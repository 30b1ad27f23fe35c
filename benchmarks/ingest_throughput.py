"""Ingest throughput: documents per second through ``hin ingest``, one batch against one per document.

Run from a source checkout::

    python -m benchmarks.ingest_throughput --copies 4

The shipped corpus (``corpus/``, or ``--documents N`` of it) is copied ``--copies`` times under
distinct names into a temporary folder (``003_x.txt`` -> ``003_x-copy2.txt``: a new document id,
so a new named graph).  Then, in child processes, each measured alone (``os.wait4``):

* batch: one ``hin ingest ALL --output out.nq``, what ``hin build`` does: the models and the
  gazetteer are loaded once, and actors are linked across all documents;
* one per document: ``hin ingest DOC --output DOC.nq`` for each document in turn, what a shell
  loop or a per-file job queue does: every document pays the start-up.

The figures are documents per second (wall time), CPU seconds, and peak resident memory (the
largest child's for the per-document side; see ``benchmarks.loading.measure``).  Both sides must
write one named graph per document, else the run fails.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

from benchmarks.loading import measure, side_by_side

#: The shipped corpus.
CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def copy_corpus(corpus: Path, copies: int, target: Path, documents: int | None = None) -> list[Path]:
    """``copies`` copies of the first ``documents`` documents of ``corpus`` under distinct names."""
    sources = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".html", ".htm", ".md"))
    sources = sources[:documents] if documents else sources
    if not sources:
        raise ValueError(f"{corpus}: no documents to ingest")
    paths = []
    for copy in range(1, copies + 1):
        for source in sources:
            path = target / f"{source.stem}-copy{copy}{source.suffix}"
            shutil.copyfile(source, path)
            paths.append(path)
    return paths


def _graphs(path: Path) -> int:
    return len({quad.graph_name for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)})


def run(copies: int, *, documents: int | None = None, corpus: Path = CORPUS) -> dict:
    """Ingest the copies in one batch and one document at a time; the figures.

    Raises
    ------
    RuntimeError
        An ingest failed, or a side did not write one graph per document.
    """
    work = Path(tempfile.mkdtemp(prefix="hin-bench-ingest-"))
    hin = [sys.executable, "-m", "graph_api.cli", "ingest"]
    try:
        (work / "docs").mkdir()
        paths = copy_corpus(corpus, copies, work / "docs", documents)
        batch = measure(hin + [str(p) for p in paths] + ["--output", str(work / "batch.nq")])
        if batch["status"]:
            raise RuntimeError(f"hin ingest failed ({batch['status']}): {batch['stderr'][-2000:]}")
        batch_graphs = _graphs(work / "batch.nq")
        single = {"seconds": 0.0, "cpu": 0.0, "peak_mib": 0.0}
        single_graphs = 0
        for number, path in enumerate(paths):
            out = work / f"single-{number}.nq"
            one = measure(hin + [str(path), "--output", str(out)])
            if one["status"]:
                raise RuntimeError(f"hin ingest {path} failed ({one['status']}): {one['stderr'][-2000:]}")
            single["seconds"] += one["seconds"]
            single["cpu"] += one["cpu"]
            single["peak_mib"] = max(single["peak_mib"], one["peak_mib"])
            single_graphs += _graphs(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not batch_graphs == single_graphs == len(paths):
        raise RuntimeError(f"{len(paths)} documents, but the batch wrote {batch_graphs} graphs and "
                           f"the single runs {single_graphs}")
    return {"documents": len(paths), "copies": copies, "same_graphs": True,
            "batch": {k: batch[k] for k in ("seconds", "cpu", "peak_mib")}, "single": single}


def report(result: dict) -> str:
    """The figures and ratios as text."""
    docs = result["documents"]
    rows = [("one hin ingest per doc", result["single"]), ("batch (one hin ingest)", result["batch"])]
    return "\n".join([f"{docs} documents ({result['copies']} copies of the corpus)",
                      *side_by_side(rows, docs, "docs/s", "per document / batch"),
                      "one named graph per document on both sides: "
                      + ("yes" if result["same_graphs"] else "NO")])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures (``python -m benchmarks.ingest_throughput --help``)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ingest_throughput",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="copies of the corpus (default 4)")
    parser.add_argument("--documents", type=int, default=None, metavar="N",
                        help="use only the first N documents of the corpus (default: all)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="corpus folder (default: corpus/)")
    options = parser.parse_args(argv)
    print(report(run(options.copies, documents=options.documents, corpus=options.corpus)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
