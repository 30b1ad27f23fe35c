"""Run HIN's benchmarks from one command: ``python -m benchmarks [NAME ...] [--smoke]``.

Each benchmark is a module of this package with ``main(argv) -> int`` that prints its figures and
the ratios measured side by side in the same run.  ``--smoke`` passes each benchmark its small-size
arguments (what the default test run uses); without it each runs at the size docs/performance.md
reports.  The exit status is the first non-zero status of a benchmark, else 0.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

#: name -> (module, arguments of the full run, arguments of the smoke run)
BENCHMARKS: dict[str, tuple[str, list[str], list[str]]] = {
    "brokers": ("benchmarks.broker_report", ["--actors", "50000"], ["--actors", "500"]),
    "centrality": ("benchmarks.centrality", ["--actors", "50000"], ["--actors", "400", "--pivots", "10"]),
    "fixed-cost": ("benchmarks.fixed_cost", ["--actors", "3000"], ["--actors", "60", "--trips", "20"]),
    "ingest": ("benchmarks.ingest_throughput", ["--copies", "4"], ["--copies", "1", "--documents", "1"]),
    "loading": ("benchmarks.loading", ["--actors", "780000"], ["--actors", "300"]),
    "sparql": ("benchmarks.sparql", ["--actors", "85000"], ["--actors", "60", "--rounds", "1", "--timeout", "5",
                                                                 "--clients", "2", "--client-seconds", "0.2"]),
    "validation": ("benchmarks.validation", ["--actors", "88000"], ["--actors", "330"]),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the named benchmarks (all by default) one after the other."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run (default: all of {', '.join(BENCHMARKS)})")
    parser.add_argument("--smoke", action="store_true", help="small sizes: seconds, not minutes")
    options = parser.parse_args(argv)
    unknown = [name for name in options.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    status = 0
    for name in options.names or list(BENCHMARKS):
        module, full, smoke = BENCHMARKS[name]
        print(f"== {name} ==", flush=True)
        code = importlib.import_module(module).main(smoke if options.smoke else full)
        status = status or code
    return status


if __name__ == "__main__":
    sys.exit(main())
