"""The ingest stages chained: files -> SourceDocument -> Extraction -> RDF Dataset -> file.

``extract_documents`` reads and extracts every file and returns one RDF dataset with a named graph
per document; validation against the shapes is the next stage (``shapes.validate``) and writing
(``write_dataset``) the one after, so that nothing invalid is ever written.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rdflib import Dataset, Graph

from ingest.documents import read_document
from ingest.extract import extract
from ingest.iris import DEFAULT_BASE
from ingest.rdf import PREFIXES, add_extraction, new_dataset

#: Output formats by file extension (rdflib serializer names).
OUTPUT_FORMATS = {
    ".trig": "trig",
    ".nq": "nquads",
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
}

#: Formats that hold named graphs; the others receive the union of all document graphs.
QUAD_FORMATS = {"trig", "nquads", "json-ld"}


def extract_documents(
    paths: Sequence[Path | str],
    *,
    base: str = DEFAULT_BASE,
    progress: Callable[[str], None] | None = None,
) -> Dataset:
    """Read and extract each document into its own named graph of one dataset.

    Parameters
    ----------
    paths : sequence of paths
        Source documents (.txt, .html, .htm, .md).
    base : str
        Base of every IRI minted (``https://w3id.org/hin/`` by default).
    progress : callable, optional
        Called with a one-line message after each document.

    Raises
    ------
    ingest.errors.DocumentError
        A file cannot be read or is not a text document; the message names the file.
    """
    dataset = new_dataset()
    seen: dict[str, Path] = {}
    for number, path in enumerate(paths, start=1):
        document = read_document(Path(path))
        if document.doc_id in seen:
            raise ValueError(
                f"{path}: document id {document.doc_id!r} is already used by {seen[document.doc_id]}; "
                "rename one of the files (the id is the file name without extension)")
        seen[document.doc_id] = Path(path)
        extraction = extract(document)
        add_extraction(dataset, extraction, base)
        if progress:
            progress(f"[{number}/{len(paths)}] {path}: {extraction.document.language}, "
                     f"{len(extraction.entities)} entities, {len(extraction.relations)} relations")
    return dataset


def output_format(path: Path | str) -> str:
    """The rdflib format for an output file name, by extension; ValueError for an unknown one."""
    suffix = Path(path).suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        known = ", ".join(OUTPUT_FORMATS)
        raise ValueError(f"{path}: cannot tell the output format from the extension {suffix!r}; "
                         f"use one of {known}")
    return OUTPUT_FORMATS[suffix]


def write_dataset(dataset: Dataset, path: Path | str) -> None:
    """Write ``dataset`` to ``path`` in the format its extension names.

    Quad formats (.trig, .nq, .jsonld) keep one named graph per document; triple formats (.ttl,
    .nt) receive the union of the graphs.  The file is written to a temporary name first and
    renamed, so a failure never leaves a half-written output.
    """
    path = Path(path)
    fmt = output_format(path)
    if fmt in QUAD_FORMATS:
        data = dataset
    else:
        data = Graph()
        for prefix, namespace in PREFIXES.items():
            data.bind(prefix, namespace)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            data.add((s, p, o))
    partial = path.with_name(path.name + ".partial")
    try:
        data.serialize(destination=str(partial), format=fmt, encoding="utf-8")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
