"""The ingest stages chained: files -> SourceDocument -> Extraction -> RDF Dataset -> file.

``ingest_documents`` is the chain, one line per stage::

    read_document(path)                       ingest.documents
    extract(document)                         ingest.extract: one Extraction per document
    apply_threshold(extraction, threshold)    below the confidence threshold -> left out
    apply_curation(extractions, curation)     ingest.curation_actions: the curator's corrections
    link_documents(extractions, ...)          ingest.linking: one node per actor across documents
    link_regions(extraction)                  ingest.linking: partOf from reference data
    add_extraction(dataset, extraction, ...)  ingest.rdf: one named graph per document

``extract_documents`` returns only the dataset.  Validation against the shapes is the next stage
(``shapes.validate``) and writing (``write_dataset``) the one after, so that nothing invalid is
ever written.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Dataset, Graph

from ingest.curation import Curation, CurationError
from ingest.curation_actions import CurationReport, apply_curation
from ingest.documents import read_document
from ingest.entity_edits import settle_agreements
from ingest.errors import DocumentError
from ingest.extract import extract
from ingest.iris import DEFAULT_BASE
from ingest.linking import LinkReport, link_documents, link_regions
from ingest.model import Extraction
from ingest.rdf import PREFIXES, add_extraction, new_dataset

#: Default confidence threshold: every extracted fact enters the graph (docs/resolution.md).
DEFAULT_THRESHOLD = 0.0

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


@dataclass
class IngestResult:
    """What one ingest run made: the dataset, the extractions it came from, and the reports."""

    dataset: Dataset
    extractions: list[Extraction]
    curation: CurationReport = field(default_factory=CurationReport)
    linking: LinkReport = field(default_factory=LinkReport)
    #: Documents left out because they cannot be read (``skip_unreadable``), one error each.
    skipped: list[DocumentError] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        """Curation entries that matched nothing, and merges refused, one line each."""
        return [*self.curation.stale, *self.linking.stale, *self.curation.notes, *self.linking.kept_apart]


def ingest_documents(
    paths: Sequence[Path | str],
    *,
    base: str = DEFAULT_BASE,
    threshold: float = DEFAULT_THRESHOLD,
    curation: Curation | None = None,
    strict: bool = False,
    progress: Callable[[str], None] | None = None,
    skip_unreadable: bool = False,
) -> IngestResult:
    """Read, extract, filter, curate and link the documents, and describe them in RDF.

    Parameters
    ----------
    paths : sequence of paths
        Source documents (.txt, .html, .htm, .md).
    base : str
        Base of every IRI minted (``https://w3id.org/hin/`` by default).
    threshold : float
        Mentions and relations of lower confidence are left out (0 keeps everything).
    curation : Curation, optional
        A curator's corrections (``ingest.curation.load_curation``).
    strict : bool
        Raise instead of warning when a curation entry matches nothing.
    progress : callable, optional
        Called with a one-line message after each document.
    skip_unreadable : bool
        Leave out a file that cannot be read (too large, binary, not UTF-8, no text...) and record
        its error in ``IngestResult.skipped``, instead of raising it.

    Raises
    ------
    ingest.errors.DocumentError
        A file cannot be read or is not a text document (and not ``skip_unreadable``); the
        message names the file.
    ingest.curation.CurationError
        ``strict`` and a curation entry matched nothing; the message lists the entries.
    ValueError
        Two files have the same document id, or the threshold is outside [0, 1].
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"confidence threshold {threshold} is outside [0, 1]; give e.g. --threshold 0.6")
    extractions, skipped = [], []
    seen: dict[str, Path] = {}
    for number, path in enumerate(paths, start=1):
        try:
            document = read_document(Path(path))
        except DocumentError as error:
            if not skip_unreadable:
                raise
            skipped.append(error)
            if progress:
                progress(f"[{number}/{len(paths)}] skipped {error}")
            continue
        if document.doc_id in seen:
            raise ValueError(
                f"{path}: document id {document.doc_id!r} is already used by {seen[document.doc_id]}; "
                "rename one of the files (the id is the file name without extension)")
        seen[document.doc_id] = Path(path)
        extraction = apply_threshold(extract(document), threshold)
        extractions.append(extraction)
        if progress:
            progress(f"[{number}/{len(paths)}] {path}: {extraction.document.language}, "
                     f"{len(extraction.entities)} entities, {len(extraction.relations)} relations")
    result = IngestResult(new_dataset(), extractions, skipped=skipped)
    if curation is not None:
        extractions, result.curation = apply_curation(extractions, curation)
    same = curation.same if curation else ()
    different = curation.different if curation else ()
    extractions, result.linking = link_documents(extractions, same=same, different=different)
    result.extractions = [link_regions(x) for x in extractions]
    if strict and (result.curation.stale or result.linking.stale):
        raise CurationError("curation entries match nothing (--strict):\n  "
                            + "\n  ".join(result.curation.stale + result.linking.stale))
    mapping = result.linking.mapping
    for extraction in result.extractions:
        curated = {mapping.get(k, k) for k in result.curation.curated.get(extraction.document.doc_id, ())}
        add_extraction(result.dataset, extraction, base, curator=curation.curator if curation else None,
                       curated=curated, decisions=result.linking.decisions)
    return result


def extract_documents(
    paths: Sequence[Path | str],
    *,
    base: str = DEFAULT_BASE,
    progress: Callable[[str], None] | None = None,
    **options,
) -> Dataset:
    """The RDF dataset of :func:`ingest_documents` (same parameters), one named graph per document."""
    return ingest_documents(paths, base=base, progress=progress, **options).dataset


def apply_threshold(extraction: Extraction, threshold: float) -> Extraction:
    """Leave out mentions and relations whose confidence is below ``threshold``, entities whose
    every mention is below it (with their relations), and agreements left with fewer than two
    parties."""
    if threshold <= 0:
        return extraction
    entities = []
    for entity in extraction.entities:
        mentions = [m for m in entity.mentions if m.confidence >= threshold]
        if mentions or not entity.mentions:
            entities.append(replace(entity, mentions=mentions, alt_labels=set(entity.alt_labels)))
    known = {e.key for e in entities}
    relations = [r for r in extraction.relations
                 if r.confidence >= threshold and r.subject in known and r.object in known]
    entities, relations = settle_agreements(entities, relations)
    return replace(extraction, entities=entities, relations=relations)


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
