"""``hin build``: corpus -> extract -> validate -> a new store generation -> switch, atomically.

The chain of stages, one function each::

    list_documents(corpus)                 *.txt *.html *.htm *.md, sorted
    ingest_documents(paths, base=...)       ingest.pipeline: extract, threshold, curate, link;
                                            one named graph per document
    require_valid(dataset)                  shapes: refuse the build on any violation
    load_generation(dataset, store_dir)     pyoxigraph bulk load into a NEW generation folder,
                                            with the ontology and the field scheme as graphs
    switch_generation(store_dir, name)      atomic: os.replace of the pointer file
    prune_generations(store_dir, keep)      remove old generations and leftovers of killed builds

``derive_generation(store_dir, add)`` makes a new generation from the current one plus some named
graphs (the network measures of ``hin brokers --write``) and switches to it the same way.

The store folder (``--store``, ``HIN_STORE``) is laid out as::

    hin-store/
        current-generation          one line: the name of the generation in use
        generations/
            20261122T110432.123456Z/    a complete pyoxigraph store, never written again
            .building-20261122T...Z/    a build in progress (or left by a killed one)

A reader (``OxigraphStore.open``) reads the pointer and opens that generation read-only.  The
pointer only ever names a generation that was completely loaded, flushed and closed: the new
generation is built under a ``.building-`` name, renamed when complete, and only then is the
pointer replaced (written to a temporary file and ``os.replace``-d, which is atomic on POSIX and
Windows).  A build that fails at any stage -- a bad document, a shapes violation, an error while
loading -- removes its own ``.building-`` folder and leaves the pointer, and so the store that
readers see, exactly as it was.  A server that is running keeps the generation it opened until it
restarts (or until it makes one itself, for an update: graph_api.store_update); the previous
generation is kept (``keep=2``) so it is not removed under its feet.
"""
from __future__ import annotations

import gc
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

try:
    import fcntl
except ImportError:  # not POSIX: no build lock; stale partial folders go by age
    fcntl = None

from graph_api.oxigraph_store import (GENERATIONS_DIR, POINTER_FILE, OxigraphStore, manifest_path,
                                     resolve_store_path)
from ingest.iris import graph_iri
from ingest.curation import load_curation
from ingest.errors import DocumentError
from ingest.pipeline import IngestResult, ingest_documents
from ontology import FIELDS_FILE, VOCABULARY_FILE
from shapes import require_valid

#: File extensions of source documents.
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".md")
#: Graph names (under ``{base}graph/``) of the reference data loaded with every build.
REFERENCE_GRAPHS = {"ontology": VOCABULARY_FILE, "fields": FIELDS_FILE}
#: Prefix of a generation folder while it is being built.
BUILDING_PREFIX = ".building-"
#: Leftover ``.building-`` folders older than this (seconds) are removed where there is no flock
#: (elsewhere the build lock tells a killed build's leftovers from a running build's folder).
STALE_BUILD_SECONDS = 24 * 3600
#: Prefix of the pointer's temporary file while it is being replaced.
TEMPORARY_POINTER_PREFIX = f".{POINTER_FILE}."

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildReport:
    """What a build produced."""

    documents: int  #: source documents extracted
    quads: int  #: quads in the new store, reference graphs included
    graphs: int  #: named graphs in the new store
    seconds: float  #: wall-clock time of the whole build
    store: Path  #: the generation folder now in use
    warnings: tuple[str, ...] = ()  #: curation entries that matched nothing, merges refused
    skipped: tuple[str, ...] = ()  #: documents left out (``skip_unreadable``): "path: reason"

    def __str__(self) -> str:
        skipped = f" ({len(self.skipped)} skipped: cannot be read)" if self.skipped else ""
        return (f"built {self.store}: {self.documents} documents{skipped}, {self.quads} quads in "
                f"{self.graphs} graphs, {self.seconds:.1f} s")


def list_documents(corpus: Path | str) -> list[Path]:
    """Source documents under ``corpus`` (recursively), sorted; hidden files and README files skipped.

    Raises
    ------
    OSError
        ``corpus`` is not a folder.
    ValueError
        It holds no document.
    """
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise OSError(f"{corpus}: corpus folder not found; give an existing folder with --corpus")
    paths = sorted(
        path for path in corpus.rglob("*")
        if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(corpus).parts)
        and not path.stem.lower() == "readme")
    if not paths:
        raise ValueError(f"{corpus}: no documents found (looking for {' '.join(DOCUMENT_SUFFIXES)}); "
                         "put source documents there or give another folder with --corpus")
    return paths


def load_generation(dataset: Dataset, store_dir: Path, *, base_iri: str) -> tuple[str, int, int]:
    """Load ``dataset`` and the reference graphs into a new generation folder.

    Returns the generation's name, its quad count and its named-graph count.  On any error the
    partial folder is removed and the exception propagates.
    """
    generations = store_dir / GENERATIONS_DIR
    generations.mkdir(parents=True, exist_ok=True)
    reserved = {graph_iri(local, base_iri) for local in REFERENCE_GRAPHS}
    clash = reserved & {str(graph.identifier) for graph in dataset.graphs()}
    if clash:
        raise ValueError(f"document graph {sorted(clash)[0]} clashes with a reference graph; "
                         f"rename the document (names {', '.join(REFERENCE_GRAPHS)} are reserved)")

    def fill(store: OxigraphStore, quads_file: Path) -> None:
        store.load(quads_file)
        load_reference_graphs(store, base_iri=base_iri)

    return _make_generation(generations, dataset, fill)


def load_reference_graphs(store: OxigraphStore, *, base_iri: str) -> None:
    """Load the ontology and the field scheme into their graphs (:data:`REFERENCE_GRAPHS`)."""
    for local, path in REFERENCE_GRAPHS.items():
        if not Path(path).is_file():
            raise OSError(f"{path}: reference data missing from the installation; reinstall HIN")
        store.load(path, graph=graph_iri(local, base_iri))


def _make_generation(generations: Path, data: Dataset, fill: Callable[[OxigraphStore, Path], None], *,
                     start: Callable[[Path], None] | None = None,
                     notes: dict | None = None) -> tuple[str, int, int]:
    """Make a new, finished generation folder: ``start(folder)`` may seed it (a copy of the current
    generation), ``data`` is written as N-Quads and ``fill(store, quads_file)`` loads what it
    needs; then the default graph becomes the union of the named graphs, the store is closed, the
    folder renamed from its ``.building-`` name and its manifest written (with ``notes``).

    Returns the generation's name, its quads in named graphs and its named-graph count.  On any
    error the partial folder is removed and the exception propagates; nothing points at it yet.
    """
    name = _new_generation_name(generations)
    building = generations / (BUILDING_PREFIX + name)
    quads_file = generations / (BUILDING_PREFIX + name + ".nq")
    try:
        if start is not None:
            start(building)
        data.serialize(destination=str(quads_file), format="nquads", encoding="utf-8")
        store = OxigraphStore.open(building, read_only=False)
        try:
            fill(store, quads_file)
            graphs = len(store.graphs())
            union = store.materialise_union()
            quads = len(store) - union
            store.optimize()
        finally:
            store.close()
            del store
            gc.collect()  # the RocksDB handle must be gone before the folder is renamed
        building.rename(generations / name)
        manifest_path(generations / name).write_text(json.dumps(
            {"default_graph": "union", "quads_in_named_graphs": quads, "named_graphs": graphs,
             **(notes or {})}, indent=2) + "\n", encoding="utf-8")
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    finally:
        quads_file.unlink(missing_ok=True)
    return name, quads, graphs


def switch_generation(store_dir: Path, name: str) -> None:
    """Point ``store_dir`` at generation ``name``, atomically (write a temporary file, os.replace).

    The generation's folder and manifest, the temporary file, and then the store folder (which
    holds the renamed entry) are fsync-ed, so that after a crash or power loss the pointer names
    either the old generation or the complete new one."""
    pointer = store_dir / POINTER_FILE
    temporary = store_dir / f"{TEMPORARY_POINTER_PREFIX}{os.getpid()}"
    manifest = manifest_path(store_dir / GENERATIONS_DIR / name)
    if manifest.is_file():
        with open(manifest, "rb") as stream:
            os.fsync(stream.fileno())
    _fsync_directory(store_dir / GENERATIONS_DIR)
    with open(temporary, "w", encoding="utf-8") as stream:
        stream.write(name + "\n")
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, pointer)
    _fsync_directory(store_dir)


def _fsync_directory(folder: Path) -> None:
    """Make the entries of ``folder`` (renames, new files) durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


class StoreBusyError(OSError):
    """Another writer holds the store's build lock (and did not let go within the wait)."""


@contextmanager
def build_lock(store_dir: Path, *, wait: float = 0.0) -> Iterator[None]:
    """Hold the store's build lock (an flock on the ``generations`` folder) for one writer at a time.

    While it is held, every ``.building-`` entry that is not this build's own is a leftover of a
    killed build, which :func:`prune_generations` removes.  The kernel releases the lock when the
    holder dies, even by SIGKILL.  Every writer takes it: ``hin build``, ``hin brokers --write``
    and an update through ``hin serve`` (:func:`derive_generation`).

    Parameters
    ----------
    wait : float
        Seconds to wait for another writer to finish; 0: fail at once.

    Raises
    ------
    StoreBusyError
        Another writer still holds the lock after ``wait`` seconds.
    """
    generations = store_dir / GENERATIONS_DIR
    generations.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    handle = os.open(generations, os.O_RDONLY)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusyError(
                        f"{store_dir}: another writer (`hin build`, `hin brokers --write` or an update "
                        "through `hin serve`) is writing this store; wait for it to finish and run "
                        "again") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(handle)  # releases the lock


def prune_generations(store_dir: Path, keep: int = 2, *, locked: bool = False) -> list[Path]:
    """Remove all but the ``keep`` newest generations (never the current one) and partial folders
    of killed builds: all of them when the caller holds :func:`build_lock` (``locked``), else
    those older than STALE_BUILD_SECONDS.  Returns what was removed."""
    generations = store_dir / GENERATIONS_DIR
    current = (store_dir / POINTER_FILE).read_text(encoding="utf-8").strip()
    finished = sorted((p for p in generations.iterdir()
                       if p.is_dir() and not p.name.startswith(".")), reverse=True)
    doomed = [p for p in finished[max(keep, 1):] if p.name != current]
    # Under the build lock every partial folder is a killed build's; else only old ones are.
    cutoff = time.time() - (0 if locked and fcntl is not None else STALE_BUILD_SECONDS)
    doomed += [p for p in generations.iterdir()
               if p.name.startswith(BUILDING_PREFIX) and p.stat().st_mtime <= cutoff]
    doomed += [p for p in store_dir.iterdir() if p.name.startswith(TEMPORARY_POINTER_PREFIX)]
    doomed += [manifest_path(p) for p in doomed if manifest_path(p).is_file()]
    for path in doomed:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return doomed


def derive_generation(store_dir: Path | str, add: Dataset, *, keep: int = 2,
                      change: Callable[[OxigraphStore], dict | None] | None = None,
                      wait: float = 0.0) -> tuple[str, int, int]:
    """Make a new generation from the current one plus the named graphs of ``add``, and switch.

    Under the build lock (one writer at a time: a build or another derivation that starts meanwhile
    waits or stops, and none of them loses the other's generation), the current generation is
    copied (a pyoxigraph backup: a RocksDB checkpoint) into a ``.building-`` folder, each graph of
    ``add`` replaces the graph of that name, ``change(store)`` runs on the copy, the default graph is
    made the union again, and the new generation is switched to atomically, as :func:`build_store`
    does.  This is how computed results (``hin brokers --write``) and updates sent to ``hin serve``
    (graph_api.store_update) reach the store without the server ever writing the generation it
    reads.  On any error, one raised by ``change`` included, the partial folder is removed and the
    pointer, and so the store readers see, is unchanged.

    Parameters
    ----------
    store_dir : path
        A built store folder.
    add : rdflib.Dataset
        Named graphs to put in place of the graphs of the same names (may be empty).
    keep : int
        Generations to keep on disk, the new one included.
    change : callable, optional
        Called with the writable copy after ``add`` is loaded; may change it, or raise to abandon
        the new generation.  What it returns is added to the generation's manifest.
    wait : float
        Seconds to wait for another writer to finish (:func:`build_lock`); 0: stop at once.

    Returns
    -------
    tuple
        The new generation's name, its quad count and its named-graph count.

    Raises
    ------
    ValueError
        ``store_dir`` is not a built store, or ``add`` has triples outside named graphs.
    SyntaxError
        pyoxigraph refused the data to add (e.g. a relative IRI); the message is its parser's.
    StoreBusyError
        Another writer held the store for longer than ``wait``.
    OSError
        The copy or the load failed (the message is pyoxigraph's).
    """
    store_dir = Path(store_dir)
    if not (store_dir / POINTER_FILE).is_file():
        raise ValueError(f"{store_dir}: not a built HIN store (no {POINTER_FILE} file); "
                         "build it first with `hin build --store DIR`")
    if len(add.default_graph):
        raise ValueError("the data to add has triples in the default graph; put them in a named graph")
    generations = store_dir / GENERATIONS_DIR
    added = sorted(str(g.identifier) for g in add.graphs() if len(g) and g.identifier != add.default_graph.identifier)
    notes = {"added_graphs": added}

    def start(building: Path) -> None:
        with OxigraphStore.open(store_dir) as old:  # the current generation, read under the lock
            notes["derived_from"] = old.location.name
            old.oxigraph.backup(str(building))

    def fill(store: OxigraphStore, quads_file: Path) -> None:
        for iri in added:
            store.oxigraph.remove_graph(ox.NamedNode(iri))
        store.load(quads_file)
        if change is not None:
            notes.update(change(store) or {})

    with build_lock(store_dir, wait=wait):
        name, quads, graphs = _make_generation(generations, add, fill, start=start, notes=notes)
        switch_generation(store_dir, name)
        prune_generations(store_dir, keep, locked=True)
    return name, quads, graphs


def extract_valid(corpus: Path, *, base_iri: str, say: Progress, progress: Progress | None,
                  shapes: Graph | None, threshold: float, curation: Path | str | None, strict: bool,
                  skip_unreadable: bool, validator: str = "auto") -> tuple[list[Path], IngestResult]:
    """The stages every build shares before loading: list the corpus, extract with curation
    (``{corpus}/curation.yaml`` when none is given), report warnings, validate against the shapes.

    Returns the document paths and the ingest result.  Raises ``DocumentError`` when no document
    can be read and ``InvalidGraphError`` when the result does not conform; nothing is loaded.
    """
    paths = list_documents(corpus)
    if curation is None and (corpus / "curation.yaml").is_file():
        curation = corpus / "curation.yaml"
    curated = load_curation(curation) if curation is not None else None
    say(f"extracting {len(paths)} documents from {corpus}"
        + (f", curated by {curation}" if curation is not None else ""))
    result = ingest_documents(paths, base=base_iri, progress=progress, threshold=threshold,
                              curation=curated, strict=strict, skip_unreadable=skip_unreadable)
    if result.skipped and len(result.skipped) == len(paths):
        raise DocumentError(str(corpus), f"none of the {len(paths)} documents can be read, so the store "
                            "is unchanged:\n  " + "\n  ".join(str(error) for error in result.skipped))
    for line in result.warnings + result.curation.not_in_run:
        say(f"warning: {line}")
    say("validating against the shapes")
    require_valid(result.dataset, shapes=shapes, engine=validator)
    return paths, result


def build_store(
    corpus: Path | str,
    store_dir: Path | str,
    *,
    base_iri: str,
    progress: Progress | None = None,
    keep: int = 2,
    shapes: Graph | None = None,
    threshold: float = 0.0,
    curation: Path | str | None = None,
    strict: bool = False,
    skip_unreadable: bool = False,
    validator: str = "auto",
) -> BuildReport:
    """Build the store at ``store_dir`` from the documents in ``corpus`` (see the module notes).

    Parameters
    ----------
    corpus : path
        Folder of source documents.
    store_dir : path
        The store folder; created when missing.  Readers open it with ``OxigraphStore.open``.
    base_iri : str
        Base of every IRI minted, e.g. ``https://w3id.org/hin/``.
    progress : callable, optional
        Called with one-line messages as the build goes.
    keep : int
        Generations to keep on disk, the new one included (at least 1).
    shapes : rdflib.Graph, optional
        SHACL shapes to validate against instead of HIN's (``hin build --shapes``).
    validator : {"auto", "sparql", "pyshacl"}
        How to validate (``hin build --validator``; :func:`shapes.validate`'s ``engine``).
    threshold : float
        Confidence below which extracted mentions and relations are left out (docs/resolution.md).
    curation : path, optional
        Curation file (docs/curation.md); default ``{corpus}/curation.yaml`` when it exists.
    strict : bool
        Refuse the build when a curation entry matches nothing (else it is a warning).
    skip_unreadable : bool
        Leave out documents that cannot be read, each reported through ``progress`` and in
        ``BuildReport.skipped``, and build from the rest (``hin build`` without ``--strict``).
        False: the first such document stops the build.

    Raises
    ------
    ingest.errors.DocumentError
        A document cannot be read (and not ``skip_unreadable``), or none can; the store is
        unchanged.
    shapes.InvalidGraphError
        The extracted RDF does not conform (a ValueError whose message is the report); the store
        is unchanged.
    OSError, ValueError
        The corpus is missing or empty, or ``store_dir`` is not a HIN store folder.
    """
    started = time.monotonic()
    say = progress or (lambda message: None)
    corpus, store_dir = Path(corpus), Path(store_dir)
    _check_store_dir(store_dir)
    paths, result = extract_valid(corpus, base_iri=base_iri, say=say, progress=progress, shapes=shapes,
                                  threshold=threshold, curation=curation, strict=strict,
                                  skip_unreadable=skip_unreadable, validator=validator)
    skipped = tuple(str(error) for error in result.skipped)
    dataset = result.dataset
    say(f"loading into a new generation under {store_dir / GENERATIONS_DIR}")
    with build_lock(store_dir):
        name, quads, graphs = load_generation(dataset, store_dir, base_iri=base_iri)
        switch_generation(store_dir, name)
        for removed in prune_generations(store_dir, keep, locked=True):
            say(f"removed old generation {removed.name}")
    return BuildReport(documents=len(paths) - len(skipped), quads=quads, graphs=graphs,
                       seconds=time.monotonic() - started,
                       store=store_dir / GENERATIONS_DIR / name,
                       warnings=tuple(result.warnings + result.curation.not_in_run), skipped=skipped)


def _check_store_dir(store_dir: Path) -> None:
    """Refuse to build into a folder that is neither empty, missing, nor a HIN store."""
    if store_dir.exists() and not store_dir.is_dir():
        raise OSError(f"{store_dir}: is a file, not a store folder; give another path with --store")
    if store_dir.is_dir() and not (store_dir / POINTER_FILE).exists():
        others = [p.name for p in store_dir.iterdir() if p.name != GENERATIONS_DIR
                  and not p.name.startswith(TEMPORARY_POINTER_PREFIX)]  # a killed first build's
        if others:
            raise ValueError(f"{store_dir}: not empty and not a HIN store (no {POINTER_FILE} file); "
                             "give an empty or new folder with --store")


def _new_generation_name(generations: Path) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    name, number = stamp, 1
    while (generations / name).exists() or (generations / (BUILDING_PREFIX + name)).exists():
        number += 1
        name = f"{stamp}-{number}"
    return name
