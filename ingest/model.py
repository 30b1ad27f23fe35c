"""Plain data passed between the ingest stages.

read -> detect language -> split sentences -> find mentions -> resolve and link -> find relations
-> emit RDF.  Each stage takes and returns these dataclasses only, so every stage can be tested
alone and replaced.  Nothing here knows about RDF; :mod:`ingest.rdf` turns an
:class:`Extraction` into triples.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

#: The entity kinds of the ontology, as used in IRIs (``/id/{kind}/{slug}``) and class names.
KINDS = ("organisation", "person", "cluster", "region", "field", "agreement")

#: The eight core relations of the ontology (local names of ``hin:`` properties).
RELATIONS = (
    "memberOf",
    "partyTo",
    "locatedIn",
    "partOf",
    "focusesOn",
    "coordinates",
    "affiliatedWith",
    "establishes",
)


@dataclass(frozen=True)
class SourceDocument:
    """A document as read from disk, before any extraction."""

    doc_id: str  #: stable id derived from the file name (stem), used in the named-graph IRI
    path: str  #: the path it was read from, as given
    file_name: str
    media_type: str  #: "text/plain", "text/html" or "text/markdown"
    text: str  #: the plain text that extraction works on; offsets point into it
    checksum: str  #: "sha256:<hex>" of the raw bytes
    ingested_at: datetime
    language: str = "und"  #: ISO 639-1 code, filled in by language detection


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  #: character offset into SourceDocument.text
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A span of text that names an entity."""

    kind: str  #: one of KINDS
    start: int
    end: int
    text: str  #: exactly SourceDocument.text[start:end]
    sentence: int  #: index of the Sentence it lies in
    confidence: float = 1.0
    rule: str = ""  #: which rule or lexicon entry found it (for --explain)


@dataclass
class Entity:
    """A resolved entity: one node in the graph, with every mention that names it."""

    kind: str  #: one of KINDS
    slug: str  #: deterministic, from the normalised canonical name (see ingest.iris.slugify)
    label: str  #: preferred name, in the document's language
    alt_labels: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    same_as: set[str] = field(default_factory=set)  #: IRIs of public identifiers (GeoNames, Wikidata)
    identifiers: dict[str, str] = field(default_factory=dict)  #: e.g. {"iso3166": "DE-NW"}
    concept: str | None = None  #: for fields: IRI of the concept in the HIN field scheme, if any
    confidence: float = 1.0

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.slug)


@dataclass(frozen=True)
class Relation:
    """A relation between two resolved entities, with the sentence that says it."""

    kind: str  #: one of RELATIONS
    subject: tuple[str, str]  #: Entity.key
    object: tuple[str, str]  #: Entity.key
    sentence: int  #: index of the evidence Sentence
    confidence: float = 1.0
    rule: str = ""


@dataclass
class Extraction:
    """Everything extracted from one document: the interface between extraction and RDF."""

    document: SourceDocument
    sentences: list[Sentence]
    entities: list[Entity]
    relations: list[Relation]
