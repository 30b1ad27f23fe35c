"""SIGKILL at any moment leaves a store that opens and holds the old graph set or the new one.

The writer: a child process runs the store-writing tail of ``hin build`` (graph_api.build: take the
build lock, load a new generation, switch the pointer, prune) on an existing store, and is killed
with SIGKILL after a seeded random delay spread over the whole run (start-up, load, optimise,
rename, pointer switch, prune).  ``hin build``'s earlier stages (extraction, validation) write
nothing to the store.  After every kill the store must open and hold exactly one of the two known
quad sets; the next run must not trip over what the killed one left, and a run that completes
removes those leftovers.  The reader: ``hin serve`` killed with SIGKILL while a query runs leaves
the store as it was and no worker process behind.

The real command: ``hin build`` (a subprocess, over a store built from other documents) killed at
seeded moments spread over its measured duration, the store checked after each kill.  The server
as a writer: ``hin serve`` with ``update_token`` killed while it applies one update after another,
leaving the store as it was after a whole number of them.  And writers take turns under the build
lock: ``derive_generation`` (``hin brokers --write``, updates) waits for it and loses no write.
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
from collections.abc import Callable
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


def kill_and_check(store: Path, delays: list[float], known: dict[str, object], *,
                   start: Callable[[str], subprocess.Popen], observe: Callable[[Path], object],
                   holding: str) -> list[tuple[str, str]]:
    """For each delay: ``start`` a writer towards the graph set of ``known`` the store does not hold,
    SIGKILL it after the delay, and check that the store (as ``observe`` sees it) holds exactly one
    of the ``known`` sets.  Returns (set written towards, set held) after each kill."""
    seen = []
    for delay in delays:
        target = next(label for label in known if label != holding)
        writer = start(target)
        time.sleep(delay)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        now = observe(store)  # opens, whatever the moment of the kill
        assert now in known.values(), (
            f"killed {delay:.2f} s in, the store holds a mix of two generations: {now[0]} quads, "
            + ", ".join(f"{len(now[1] - value[1])} not in the {label} set" for label, value in known.items()))
        holding = next(label for label, value in known.items() if value == now)
        seen.append((target, holding))
    return seen


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
    seen = kill_and_check(store, [rng.uniform(0.0, duration * 1.3) for _ in range(KILLS)], known,
                          start=lambda label: write(store, trigs[label]), observe=quads, holding="new")
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


# --- the real `hin build` command, killed ------------------------------------------------------

OLD_DOCUMENTS = ("002_f4b3823cae7bf978.txt",)
NEW_DOCUMENTS = ("001_8619a57f6dfb2c7c.txt", "003_bacc1d54c91cc273.txt")
#: Seconds the kills of `hin build` may take in all (their number follows from one build's duration).
KILL_BUDGET = 60.0
INGESTED_AT = "<https://w3id.org/hin/ontology#ingestedAt>"


def hin_build(corpus: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "graph_api.cli", "build", "--corpus", str(corpus),
                             "--store", str(store)], cwd=ROOT, env=child_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def content(store: Path) -> tuple[int, frozenset[str]]:
    """:func:`quads` without the time each document was read (``hin:ingestedAt``, one per
    document, which differs from one build of the same corpus to the next)."""
    count, texts = quads(store)
    return count, frozenset(text for text in texts if INGESTED_AT not in text)


def test_sigkill_of_hin_build_at_any_point_leaves_old_or_new(tmp_path):
    corpora = {}
    for label, names in (("old", OLD_DOCUMENTS), ("new", NEW_DOCUMENTS)):
        corpora[label] = tmp_path / label
        corpora[label].mkdir()
        for name in names:
            (corpora[label] / name).write_bytes((ROOT / "corpus" / name).read_bytes())
    store = tmp_path / "store"
    known, duration = {}, 0.0
    for label in ("new", "old"):  # complete builds: the two graph sets, and how long one takes
        started = time.monotonic()
        build = hin_build(corpora[label], store)
        assert build.wait(timeout=300) == 0, build.stderr.read().decode()
        duration = max(duration, time.monotonic() - started)
        known[label] = content(store)
    assert known["old"][1] and known["new"][1] and known["old"] != known["new"]

    kills = max(8, min(25, int(KILL_BUDGET / (duration / 2))))
    rng = random.Random(SEED)
    delays = [(i + rng.random()) / kills * duration * 1.05 for i in range(kills)]  # one per slice of the run
    rng.shuffle(delays)
    seen = kill_and_check(store, delays, known, start=lambda label: hin_build(corpora[label], store),
                          observe=content, holding="old")
    assert any(target != holding for target, holding in seen), "no kill stopped a build"

    last = hin_build(corpora["new"], store)  # what the killed builds left does not stop the next
    assert last.wait(timeout=300) == 0, last.stderr.read().decode()
    assert content(store) == known["new"]
    leftovers = [p.name for p in (store / GENERATIONS_DIR).iterdir() if p.name.startswith(BUILDING_PREFIX)]
    assert leftovers == []
    assert not [p for p in store.iterdir() if p.name.startswith(".current-generation.")]


# --- writers take turns ------------------------------------------------------------------------

def test_derive_generation_waits_for_the_build_lock_and_loses_no_write(tmp_path):
    """Two derivations started while a build holds the lock each wait, then run one after the
    other, each from the generation the other made: both graphs are in the store.  Without the
    wait, the second stops with a message naming the other writers."""
    from rdflib import Dataset

    from graph_api.build import StoreBusyError, build_lock, derive_generation

    store = tmp_path / "store"
    writer = write(store, synthetic_trig(tmp_path / "data.trig", "data", 2, 100))
    assert writer.wait(timeout=120) == 0, writer.stderr.read().decode()

    def graph(label: str) -> Dataset:
        dataset = Dataset()
        dataset.parse(data=f"<https://w3id.org/hin/graph/{label}> {{ <urn:{label}> <urn:p> '{label}' }}",
                      format="trig")
        return dataset

    errors: list[BaseException] = []

    def derive(label: str) -> None:
        try:
            derive_generation(store, graph(label), wait=60)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    with build_lock(store):
        with pytest.raises(StoreBusyError, match="another writer"):
            derive_generation(store, graph("impatient"))
        threads = [threading.Thread(target=derive, args=(label,)) for label in ("first", "second")]
        for thread in threads:
            thread.start()
        time.sleep(1.0)
        assert all(thread.is_alive() for thread in threads)  # both wait for the lock
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    opened = OxigraphStore.open(store)
    try:
        graphs = opened.graphs()
    finally:
        opened.close()
    assert {"https://w3id.org/hin/graph/first", "https://w3id.org/hin/graph/second"} <= set(graphs)
    assert "https://w3id.org/hin/graph/impatient" not in graphs


# --- `hin serve` killed while it applies updates --------------------------------------------------

SERVE_KILLS = 3
TOKEN = "crash-test-token-0123456789"


def start_serve(store: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "graph_api.cli", "serve", "--store", str(store),
                               "--port", str(port)], cwd=ROOT,
                              env={**child_env(), "HIN_QUERY_WORKERS": "0", "HIN_UPDATE_TOKEN": TOKEN},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=10).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline and server.poll() is None, "hin serve did not start"
        time.sleep(0.2)


def sequence_graph(number: int) -> str:
    return f"https://w3id.org/hin/graph/seq-{number}"


def check_updates_whole(store: Path, acknowledged: int) -> int:
    """The store opens; it holds the graphs of the first k updates, k the acknowledged ones or one
    more, each whole; its default graph is the union of its named graphs.  Returns k."""
    opened = OxigraphStore.open(store)
    try:
        graphs = set(opened.graphs())
        done = sorted(int(g.rsplit("-", 1)[1]) for g in graphs if "/graph/seq-" in g)
        assert done == list(range(len(done))), f"the updates in the store are not a prefix: {done}"
        assert acknowledged <= len(done) <= acknowledged + 1, (acknowledged, done)
        for number in done:
            rows = opened.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{sequence_graph(number)}> {{ ?s ?p ?o }} }}")
            assert int(rows[0]["n"]) == 30, f"update {number} is in the store in part"
        union = opened.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")
        default = opened.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert union == default, "the default graph is not the union of the named graphs"
        return len(done)
    finally:
        opened.close()


def test_sigkill_of_hin_serve_while_it_applies_updates(tmp_path):
    store = tmp_path / "store"
    writer = write(store, synthetic_trig(tmp_path / "data.trig", "data", 2, 200))
    assert writer.wait(timeout=120) == 0, writer.stderr.read().decode()
    rng = random.Random(SEED)
    applied = 0
    for _ in range(SERVE_KILLS):
        port = _free_port()
        server = start_serve(store, port)
        acknowledged, stop, first = [applied], threading.Event(), threading.Event()

        def send() -> None:
            with httpx.Client(timeout=60) as client:
                number = acknowledged[0]
                while not stop.is_set():
                    triples = " ".join(f'<urn:seq:{number}:{i}> <urn:p> "{i}" .' for i in range(30))
                    try:
                        response = client.post(f"http://127.0.0.1:{port}/sparql", headers={
                            "Authorization": f"Bearer {TOKEN}"}, data={
                            "update": f"INSERT DATA {{ GRAPH <{sequence_graph(number)}> {{ {triples} }} }}"})
                    except httpx.TransportError:
                        return  # the server was killed
                    assert response.status_code == 200, response.text
                    number += 1
                    acknowledged[0] = number
                    first.set()

        sender = threading.Thread(target=send)
        sender.start()
        assert first.wait(timeout=120), "the first update was not answered"
        time.sleep(rng.uniform(0.0, 3.0))  # from the first answer on, updates follow one another
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
        stop.set()
        sender.join(timeout=60)
        assert acknowledged[0] > applied, "no update was acknowledged before the kill"
        applied = check_updates_whole(store, acknowledged[0])
    # A server started on what the kills left takes the next update and leaves no partial folder.
    port = _free_port()
    server = start_serve(store, port)
    try:
        response = httpx.post(f"http://127.0.0.1:{port}/sparql", headers={"Authorization": f"Bearer {TOKEN}"},
                              data={"update": f"INSERT DATA {{ GRAPH <{sequence_graph(applied)}> {{ "
                                              + " ".join(f'<urn:s{i}> <urn:p> "{i}" .' for i in range(30)) + " } }"},
                              timeout=60)
        assert response.status_code == 200, response.text
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
    assert check_updates_whole(store, applied + 1) == applied + 1
    assert not [p for p in (store / GENERATIONS_DIR).iterdir() if p.name.startswith(BUILDING_PREFIX)]
