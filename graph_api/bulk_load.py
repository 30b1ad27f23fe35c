"""``hin load``: RDF dataset files -> a new store generation -> switch, atomically.

Where ``hin build`` extracts from documents, ``hin load`` takes datasets that are already RDF: the
output of ``hin ingest`` or ``hin synth``, or a dump of another store (``/dumps/hin.nq.gz``).  The
stages are those of :mod:`graph_api.build`, reused, not copied::

    check_files(files)                      each file exists and has an RDF dataset extension
    validate_files(files)                   optional (--validate): the shapes, graph by graph
    _make_generation(...)                   pyoxigraph bulk load of every file into a NEW generation
                                            folder, then the reference graphs (ontology, fields)
    switch_generation(store_dir, name)      atomic, under the build lock
    prune_generations(store_dir, keep)

The files are loaded with pyoxigraph's bulk loader (``Store.bulk_load``: sorted runs written
straight into RocksDB tables, no transaction), gzip-compressed files through a decompressing
stream.  Triples must be in named graphs (one per source document): the default graph of a store
is the union of the named graphs (graph_api.oxigraph_store), so triples loaded into it would be
lost.  Graphs named like the reference graphs (a dump of a built store holds them) are replaced
by this installation's.  A load that fails at any stage leaves the store as it was.
"""
from __future__ import annotations

import gzip
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from graph_api.build import (REFERENCE_GRAPHS, Progress, _check_store_dir, _make_generation,
                             build_lock, load_reference_graphs, prune_generations, switch_generation)
from graph_api.oxigraph_store import GENERATIONS_DIR, OxigraphStore
from ingest.iris import graph_iri

#: File name endings ``hin load`` reads, and their pyoxigraph formats (gzip allowed: ``.nq.gz``).
DATASET_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}


@dataclass(frozen=True)
class LoadReport:
    """What a load produced."""

    files: int  #: dataset files loaded
    quads: int  #: quads in named graphs in the new store, reference graphs included
    graphs: int  #: named graphs in the new store
    seconds: float  #: wall-clock time of the whole load
    store: Path  #: the generation folder now in use

    def __str__(self) -> str:
        rate = self.quads / self.seconds if self.seconds else 0.0
        return (f"loaded {self.store}: {self.files} files, {self.quads} quads in {self.graphs} "
                f"graphs, {self.seconds:.1f} s ({rate:,.0f} quads/s)")


def dataset_format(path: Path | str) -> tuple[ox.RdfFormat, bool]:
    """The format of a dataset file and whether it is gzip-compressed, from its name.

    Raises
    ------
    ValueError
        Not ``.nq``, ``.trig``, or one of them with ``.gz``.
    """
    path = Path(path)
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = (suffixes[-2] if len(suffixes) == 2 else "") if compressed else (suffixes or [""])[-1]
    if suffix not in DATASET_FORMATS:
        raise ValueError(f"{path}: not an RDF dataset file; hin load reads "
                         f"{', '.join(DATASET_FORMATS)} files (gzip-compressed as .nq.gz, .trig.gz), "
                         "with triples in named graphs; write them with `hin ingest` or `hin synth`")
    return DATASET_FORMATS[suffix], compressed


def check_files(files: Sequence[Path | str]) -> list[Path]:
    """The files as paths, each checked to exist and to have a dataset extension.

    Raises
    ------
    OSError
        A file is missing.
    ValueError
        No file given, or one is no dataset file.
    """
    if not files:
        raise ValueError("no file given; name the N-Quads or TriG files to load")
    paths = [Path(f) for f in files]
    for path in paths:
        dataset_format(path)
        if not path.is_file():
            raise OSError(f"{path}: file not found; give an existing .nq or .trig file")
    return paths


def load_file(store: OxigraphStore, path: Path) -> None:
    """Bulk-load one dataset file (maybe gzip-compressed) into ``store``.

    Raises
    ------
    SyntaxError
        The file does not parse; pyoxigraph's message names the line and column.
    """
    fmt, compressed = dataset_format(path)
    try:
        if compressed:
            with gzip.open(path, "rb") as stream:
                store.oxigraph.bulk_load(stream, fmt)
        else:
            store.oxigraph.bulk_load(path=str(path), format=fmt)
    except SyntaxError as error:
        raise SyntaxError(f"{path}: {error}; fix or regenerate the file") from error


def validate_files(paths: Sequence[Path], *, shapes: Graph | None = None,
                   progress: Progress | None = None) -> None:
    """Validate each file against the shapes (:func:`shapes.require_valid`), one file at a time.

    Raises
    ------
    shapes.InvalidGraphError
        A file does not conform; the message is the report, the attribute ``path`` the file.
    """
    from shapes import InvalidGraphError, require_valid

    for path in paths:
        if progress is not None:
            progress(f"validating {path} against the shapes")
        fmt, compressed = dataset_format(path)
        dataset = Dataset()
        opener = gzip.open if compressed else open
        with opener(path, "rb") as stream:
            dataset.parse(stream, format="nquads" if fmt == ox.RdfFormat.N_QUADS else "trig")
        try:
            require_valid(dataset, shapes=shapes)
        except InvalidGraphError as error:
            error.path = path  # which file, for the message of `hin load`
            raise


def load_store(files: Sequence[Path | str], store_dir: Path | str, *, base_iri: str,
               validate: bool = False, shapes: Graph | None = None,
               progress: Progress | None = None, keep: int = 2) -> LoadReport:
    """Load RDF dataset files into a new generation of the store at ``store_dir`` and switch to it.

    Parameters
    ----------
    files : sequence of path
        N-Quads or TriG files (``.nq``, ``.trig``, optionally ``.gz``), triples in named graphs.
    store_dir : path
        The store folder; created when missing.  The previous generation is kept (``keep``).
    base_iri : str
        Base of the reference graphs' names (``{base}graph/ontology``, ``{base}graph/fields``).
    validate : bool
        Validate every file against the shapes first (``hin load --validate``); slow at scale.
    shapes : rdflib.Graph, optional
        SHACL shapes to validate against instead of HIN's.
    progress : callable, optional
        Called with one-line messages as the load goes.
    keep : int
        Generations to keep on disk, the new one included (at least 1).

    Raises
    ------
    shapes.InvalidGraphError
        ``validate`` and a file does not conform; nothing is loaded.
    SyntaxError
        A file does not parse; the store is unchanged.
    ValueError
        A file has triples outside named graphs, or is no dataset file; the store is unchanged.
    OSError
        A file is missing, ``store_dir`` is not a HIN store folder, or another writer holds it.
    """
    started = time.monotonic()
    say = progress or (lambda message: None)
    store_dir = Path(store_dir)
    paths = check_files(files)
    _check_store_dir(store_dir)
    if validate:
        validate_files(paths, shapes=shapes, progress=progress)
    reference = [ox.NamedNode(graph_iri(local, base_iri)) for local in REFERENCE_GRAPHS]

    def fill(store: OxigraphStore, _: Path) -> None:
        for path in paths:
            say(f"loading {path}")
            load_file(store, path)
        default = next(iter(store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
        if default is not None:
            raise ValueError(f"the files hold triples outside named graphs, e.g. {default.triple}; "
                             "hin load takes datasets with one named graph per source document "
                             "(as `hin ingest --output X.trig` writes); put the triples in a graph")
        for graph in reference:  # a dump of a built store holds them: use this installation's
            store.oxigraph.remove_graph(graph)
        load_reference_graphs(store, base_iri=base_iri)
        say("making the default graph the union of the named graphs")

    say(f"loading into a new generation under {store_dir / GENERATIONS_DIR}")
    with build_lock(store_dir):
        name, quads, graphs = _make_generation(store_dir / GENERATIONS_DIR, Dataset(), fill,
                                               notes={"loaded_from": [str(p) for p in paths]})
        switch_generation(store_dir, name)
        for removed in prune_generations(store_dir, keep, locked=True):
            say(f"removed old generation {removed.name}")
    return LoadReport(files=len(paths), quads=quads, graphs=graphs,
                      seconds=time.monotonic() - started, store=store_dir / GENERATIONS_DIR / name)
