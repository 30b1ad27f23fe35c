"""Load test: concurrent clients run HIN's query mix against `hin serve` on loopback.

Run from a source checkout, over a built store (``hin build --store hin-store`` first)::

    python -m benchmarks.load_test --store hin-store --clients 16 --seconds 60

The script starts ``hin serve`` on a free loopback port (or uses ``--url`` of a running server),
then each of ``--clients`` threads, with its own HTTP connection, sends requests one after the
other for ``--seconds`` seconds: a seeded random choice among every named query of queries/ (its
parameters unbound), ``DESCRIBE`` of an entity, and the labels of an entity (lookups of IRIs
taken from the store at the start).  It prints the requests, errors (any status other than 200,
or a transport error), throughput and latency percentiles, and exits 1 when there was an error.
It stops by itself: no request starts after the time is up, and each has a timeout.
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from queries import load_catalogue

#: The entity lookups: (kind, query template with {iri}).
LOOKUPS = {
    "describe": "DESCRIBE <{iri}>",
    "labels": "SELECT ?label WHERE {{ <{iri}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}",
}
ENTITIES = ("SELECT DISTINCT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l "
            "FILTER(STRSTARTS(STR(?s), 'https://w3id.org/hin/id/')) } LIMIT 500")
REQUEST_TIMEOUT = 60.0


@dataclass
class Tally:
    """What the clients saw."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.by_kind[kind] = self.by_kind.get(kind, 0) + 1
            if error is not None:
                self.errors.append(error)


def query_mix(client: httpx.Client, endpoint: str) -> list[tuple[str, str]]:
    """(kind, query) pairs: every named query, and two lookups of each of up to 500 entities."""
    mix = [(f"named:{query.slug}", query.text) for query in load_catalogue()]
    answer = client.get(endpoint, params={"query": ENTITIES}, headers={"Accept": "application/json"})
    answer.raise_for_status()
    iris = [row["s"]["value"] for row in answer.json()["results"]["bindings"]]
    for iri in iris:
        mix += [(kind, template.format(iri=iri)) for kind, template in LOOKUPS.items()]
    return mix


def run_clients(url: str, clients: int, seconds: float, seed: int = 7) -> tuple[Tally, float]:
    """Run ``clients`` threads against ``url`` for ``seconds``; returns the tally and the time taken."""
    endpoint = url.rstrip("/") + "/sparql"
    with httpx.Client(timeout=REQUEST_TIMEOUT) as client:
        mix = query_mix(client, endpoint)
    named = [item for item in mix if item[0].startswith("named:")]
    lookups = [item for item in mix if not item[0].startswith("named:")] or named
    tally = Tally()
    stop_at = time.monotonic() + seconds

    def client_loop(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        with httpx.Client(timeout=REQUEST_TIMEOUT) as http:
            while time.monotonic() < stop_at:
                kind, query = rng.choice(named if rng.random() < 0.5 else lookups)
                started = time.monotonic()
                try:
                    response = http.post(endpoint, data={"query": query})
                    error = None if response.status_code == 200 else \
                        f"{kind}: {response.status_code} {response.text[:200]}"
                    if error is None:
                        response.read()
                except httpx.HTTPError as failure:
                    error = f"{kind}: {type(failure).__name__}: {failure}"
                tally.add(kind.split(":")[0], time.monotonic() - started, error)

    began = time.monotonic()
    threads = [threading.Thread(target=client_loop, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + REQUEST_TIMEOUT + 10)
    return tally, time.monotonic() - began


def report(tally: Tally, clients: int, elapsed: float) -> str:
    """The figures as text: requests, errors, throughput, p50/p90/p99/max latency."""
    latencies = sorted(tally.latencies)
    if not latencies:
        return "no request completed"
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    lines = [f"clients: {clients}, duration: {elapsed:.1f} s",
             f"requests: {len(latencies)} ({', '.join(f'{k} {n}' for k, n in sorted(tally.by_kind.items()))})",
             f"errors: {len(tally.errors)}",
             f"throughput: {len(latencies) / elapsed:.1f} requests/s",
             f"latency: p50 {cuts[49] * 1000:.0f} ms, p90 {cuts[89] * 1000:.0f} ms, "
             f"p99 {cuts[98] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"]
    lines += [f"  error: {error}" for error in tally.errors[:10]]
    return "\n".join(lines)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(store: Path, wait: float = 120.0) -> tuple[subprocess.Popen, str]:
    """Start ``hin serve`` over ``store`` on a free loopback port; returns it and its base URL."""
    port = _free_port()
    root = Path(__file__).resolve().parent.parent
    server = subprocess.Popen([sys.executable, "-m", "graph_api.cli", "serve", "--store", str(store),
                               "--port", str(port)], cwd=root, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise OSError(f"hin serve --store {store} exited with status {server.returncode}")
        try:
            httpx.get(url + "/", timeout=5)
            return server, url
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise OSError(f"hin serve --store {store} did not answer within {wait:g} s")


def main(argv: list[str] | None = None) -> int:
    """Run the load test; 0 when no request failed, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load_test", description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", type=Path, help="built store to serve with `hin serve`")
    where.add_argument("--url", help="base URL of a running HIN server instead")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to run (default 60)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the clients' choices")
    args = parser.parse_args(argv)
    server = None
    url = args.url
    if args.store is not None:
        server, url = start_server(args.store)
    try:
        tally, elapsed = run_clients(url, args.clients, args.seconds, args.seed)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    print(report(tally, args.clients, elapsed))
    return 1 if tally.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
