"""SIGKILL at any moment leaves a store that opens and holds the old graph set or the new one.

The writer: a child process runs the store-writing tail of ``hin build`` (graph_api.build: take the
build lock, load a new generation, switch the pointer, prune) on an existing store, and is killed
with SIGKILL after a seeded random delay spread over the whole run (start-up, load, optimise,
rename, pointer switch, prune).  ``hin build``'s earlier stages (extraction, validation) write
nothing to the store.  After every kill the store must open and hold exactly one of the two known
quad sets; the next run must not trip over what the killed one left, and a run that completes
removes those leftovers.  The reader: ``hin serve`` killed with SIGKILL while a query runs leaves
the store as it was and no worker process behind.
"""
from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from graph_api.build import BUILDING_PREFIX
from graph_api.oxigraph_store import GENERATIONS_DIR, OxigraphStore

ROOT = Path(__file__).resolve().parent.parent
KILLS = 8
SEED = 20261122

WRITER = """
import sys
from pathlib import Path
from rdflib import Dataset
from graph_api.build import build_lock, load_generation, prune_generations, switch_generation

store_dir, trig = Path(sys.argv[1]), sys.argv[2]
dataset = Dataset()
dataset.parse(trig, format="trig")
with build_lock(store_dir):
    name, quads, graphs = load_generation(dataset, store_dir, base_iri="https://w3id.org/hin/")
    switch_generation(store_dir, name)
    prune_generations(store_dir, 2, locked=True)
print(name)
"""


def synthetic_trig(path: Path, label: str, documents: int, triples: int) -> Path:
    """A TriG file of ``documents`` graphs of ``triples`` triples each, all IRIs tagged ``label``."""
    lines = []
    for doc in range(documents):
        lines.append(f"<https://w3id.org/hin/graph/{label}-{doc}> {{")
        lines += [f'  <https://w3id.org/hin/id/thing/{label}-{doc}-{i}> <https://example.org/p> "{label} {i}" .'
                  for i in range(triples)]
        lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def write(store: Path, trig: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(store), str(trig)], cwd=ROOT,
                            env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def quads(store: Path) -> tuple[int, frozenset[str]]:
    """The number of quads of the store's current generation and, as text, those without blank
    nodes (each load of the ontology names its blank nodes anew); opens it as a reader would."""
    opened = OxigraphStore.open(store)
    try:
        every = [str(quad) for quad in opened.oxigraph]
        return len(every), frozenset(text for text in every if "_:" not in text)
    finally:
        opened.close()


def test_sigkill_while_writing_leaves_old_or_new(tmp_path):
    trigs = {"old": synthetic_trig(tmp_path / "old.trig", "old", 3, 1000),
             "new": synthetic_trig(tmp_path / "new.trig", "new", 4, 1000)}
    store = tmp_path / "store"
    known, duration = {}, 0.0
    for label in ("old", "new"):  # two complete runs: the two graph sets, and how long a run takes
        started = time.monotonic()
        run = write(store, trigs[label])
        assert run.wait(timeout=120) == 0, run.stderr.read().decode()
        duration = max(duration, time.monotonic() - started)
        known[label] = quads(store)
    assert known["old"] and known["new"] and known["old"] != known["new"]

    rng = random.Random(SEED)
    holding, seen = "new", set()
    for _ in range(KILLS):
        target = "old" if holding == "new" else "new"
        writer = write(store, trigs[target])
        time.sleep(rng.uniform(0.0, duration * 1.3))
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        now = quads(store)  # opens, whatever the moment of the kill
        assert now in (known["old"], known["new"]), (
            f"the store holds a mix of two generations: {now[0]} quads, "
            f"{len(now[1] - known['old'][1])} not in the old set, {len(now[1] - known['new'][1])} not in the new")
        holding = "old" if now == known["old"] else "new"
        seen.add((target, holding))
    assert len({target for target, holding in seen if target == holding}) >= 1, \
        "no kill came after the switch: the delays do not cover the whole run"

    # What the killed runs left does not stop the next one, which cleans it up.
    last = write(store, trigs["old"])
    assert last.wait(timeout=120) == 0, last.stderr.read().decode()
    assert quads(store) == known["old"]
    leftovers = [p.name for p in (store / GENERATIONS_DIR).iterdir() if p.name.startswith(BUILDING_PREFIX)]
    assert leftovers == []
    assert not [p for p in store.iterdir() if p.name.startswith(".current-generation.")]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _descendants(pid: int) -> set[int]:
    """Process ids below ``pid`` (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigkill_of_hin_serve_during_a_query(tmp_path):
    store = tmp_path / "store"
    writer = write(store, synthetic_trig(tmp_path / "data.trig", "data", 2, 500))
    assert writer.wait(timeout=120) == 0, writer.stderr.read().decode()
    before = quads(store)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "graph_api.cli", "serve", "--store", str(store),
                               "--port", str(port)], cwd=ROOT,
                              env={**child_env(), "HIN_QUERY_WORKERS": "2", "HIN_QUERY_TIMEOUT": "600"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url, params={"query": "ASK { ?s ?p ?o }"}, timeout=60).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "hin serve did not start"
            time.sleep(0.2)
        def runaway() -> None:
            with pytest.raises(httpx.TransportError):  # the server dies under it
                httpx.get(url, timeout=60, params={
                    "query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"})

        busy = threading.Thread(target=runaway, daemon=True)
        busy.start()
        time.sleep(1.0)  # a worker is now deep in a cross product
        below = _descendants(server.pid)
        assert len(below) >= 3  # the fork server and two workers (and a resource tracker)
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in below) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = {pid: Path(f"/proc/{pid}/cmdline").read_bytes()[:200] for pid in below if _alive(pid)}
    assert not survivors, "a query worker outlived the killed server"
    assert quads(store) == before
