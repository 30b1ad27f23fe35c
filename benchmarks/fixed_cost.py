"""Fixed cost of a query over HTTP: uvicorn with h11 and asyncio against httptools and uvloop.

Run from a source checkout::

    python -m benchmarks.fixed_cost --actors 3000 --trips 1000

The script builds a small synthetic store (as benchmarks.sparql does) and starts four servers in
child processes on loopback ports: a bare uvicorn answering fixed bytes (an ASGI function: client,
loopback TCP and HTTP parsing, nothing else) and HIN (``create_app`` as ``hin serve`` runs it, with
its default settings: worker processes, row limit), each once with uvicorn's pure-Python stack
(``http="h11"``, ``loop="asyncio"``) and once with its C stack (``http="httptools"``,
``loop="uvloop"``, what uvicorn picks by itself when both are installed).  The same keep-alive
``http.client`` connection per server (benchmarks.sparql's ``Client``) asks a lookup of an actor's
labels, the servers in turn, ``--trips`` times each; the median round trip of each is printed, with
the lookup's time in process (pyoxigraph, query and SPARQL JSON) for scale.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

from benchmarks.sparql import (ENTITIES, TEMPLATES, Client, Server, _wait_until_up, build_data,
                               free_port, in_process, over_http)

#: (name shown, uvicorn's http, uvicorn's loop)
STACKS = [("h11 + asyncio", "h11", "asyncio"), ("httptools + uvloop", "httptools", "uvloop")]
#: (name shown, what --serve starts)
SERVERS = [("uvicorn alone (ASGI function, fixed bytes)", "bare"),
           ("HIN, lookup of an actor's labels (worker processes)", "hin")]
LOOKUP = "lookup: an actor's labels"
FIXED_BODY = b'{"head":{"vars":[]},"results":{"bindings":[]}}'


async def bare_app(scope, receive, send) -> None:
    """An ASGI application answering every request with the same small SPARQL JSON body."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/sparql-results+json"),
                            (b"content-length", str(len(FIXED_BODY)).encode())]})
    await send({"type": "http.response.body", "body": FIXED_BODY})


def serve(kind: str, store_dir: Path | None, port: int, http: str, loop: str) -> None:
    """Run one server in this process until it is interrupted: ``bare`` or ``hin`` over ``store_dir``."""
    import uvicorn

    if kind == "bare":
        uvicorn.run(bare_app, host="127.0.0.1", port=port, http=http, loop=loop, log_level="warning")
        return
    from graph_api.app import create_app
    from graph_api.remote_store import open_store
    from graph_api.settings import Settings

    settings = Settings(store=str(store_dir))
    store = open_store(settings)
    try:
        uvicorn.run(create_app(settings, store), host="127.0.0.1", port=port, http=http, loop=loop,
                    log_level="warning")
    finally:
        store.close()


def start(kind: str, store_dir: Path, http: str, loop: str) -> Server:
    """One :func:`serve` in a child process, once it answers."""
    port = free_port()
    command = [sys.executable, "-m", "benchmarks.fixed_cost", "--serve", kind, "--store", str(store_dir),
               "--port", str(port), "--http", http, "--loop", loop]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Server(f"http://127.0.0.1:{port}/sparql", process, command)
    try:
        _wait_until_up(server.url, process, 120)
    except BaseException:
        server.stop()
        raise
    return server


def lookup_query(store: ox.Store) -> str:
    """The benchmark mix's lookup of an actor's labels, over the store's first qualifying actor."""
    actor = next(iter(store.query(ENTITIES["actor"])))["x"].value
    return dict(TEMPLATES)[LOOKUP].format(actor=actor)


def run(actors: int = 3000, trips: int = 1000, seed: int = 0, folder: Path | None = None) -> dict:
    """Median round trip (seconds) per (server, stack), and the lookup in process."""
    from graph_api.oxigraph_store import resolve_store_path

    with tempfile.TemporaryDirectory(prefix="hin-bench-fixed-") as scratch:
        folder = Path(folder or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        store_dir, _, _ = build_data(actors, seed, folder)
        store = ox.Store.read_only(str(resolve_store_path(store_dir)))
        sparql = lookup_query(store)
        servers: dict[tuple[str, str], Server] = {}
        client = Client()
        samples: dict[tuple[str, str], list[float]] = {}
        try:
            for _, kind in SERVERS:
                for stack, http, loop in STACKS:
                    servers[kind, stack] = start(kind, store_dir, http, loop)
            samples = {key: [] for key in servers} | {("in process", ""): []}
            for _ in range(trips):  # the servers in turn, so that a busy machine slows them alike
                for (kind, stack), server in servers.items():
                    samples[kind, stack].append(over_http(client, server.url, sparql, 60)[0])
                samples["in process", ""].append(in_process(store, sparql)[0])
        finally:
            client.close()
            for server in servers.values():
                server.stop()
    return {"actors": actors, "trips": trips, "query": sparql,
            "median": {key: statistics.median(values) for key, values in samples.items()}}


def report(result: dict) -> None:
    """Print the table of :func:`run`."""
    median = result["median"]
    names = [stack for stack, _, _ in STACKS]
    print(f"{result['actors']} actors; median of {result['trips']} round trips each, the servers in turn; "
          f"the lookup in process (pyoxigraph, query + SPARQL JSON): {median['in process', ''] * 1000:.3f} ms")
    print(f"{'what answers':54} {names[0] + ' ms':>18} {names[1] + ' ms':>23} {'ratio':>6}")
    for label, kind in SERVERS:
        before, after = (median[kind, name] for name in names)
        print(f"{label:54} {before * 1000:>18.3f} {after * 1000:>23.3f} {after / before:>6.2f}")


def main(argv: list[str] | None = None) -> int:
    """Command line: measure and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fixed_cost", description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=3000, help="synthetic actors in the store (default 3000)")
    parser.add_argument("--trips", type=int, default=1000, help="round trips to each server (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--folder", type=Path, help="keep the data here (default: a temporary folder); "
                        "a folder from an earlier run is used again as it is")
    parser.add_argument("--serve", choices=[kind for _, kind in SERVERS], help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--http", help=argparse.SUPPRESS)
    parser.add_argument("--loop", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.serve:
        serve(options.serve, options.store, options.port, options.http, options.loop)
        return 0
    report(run(options.actors, options.trips, options.seed, options.folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
