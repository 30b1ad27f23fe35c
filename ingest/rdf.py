"""Extraction -> RDF: one named graph per document, with provenance (docs/rdf-model.md).

The graph of a document holds the document's description, the sentences that serve as evidence,
every entity with its type and labels, every mention as a W3C Web Annotation, and every relation
both as a plain triple and as a reified statement that points to its evidence sentence.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace

from ingest.iris import DEFAULT_BASE, document_iri, entity_iri, evidence_iri, graph_iri, slugify
from ingest.model import Entity, Extraction, Mention, Relation
from ontology import HIN

from ingest.curation import CURATION_RULE

if TYPE_CHECKING:
    from ingest.curation import Curator
    from ingest.linking import MergeDecision

OA = Namespace("http://www.w3.org/ns/oa#")

CLASSES = {
    "organisation": HIN.Organisation,
    "person": HIN.Person,
    "cluster": HIN.Cluster,
    "region": HIN.Region,
    "field": HIN.Field,
    "agreement": HIN.Agreement,
}

PREFIXES = {"hin": str(HIN), "oa": str(OA), "prov": str(PROV), "dcterms": str(DCTERMS),
            "skos": str(SKOS), "owl": str(OWL), "foaf": str(FOAF)}

#: Characters of context kept on each side of a quote (oa:prefix / oa:suffix).
QUOTE_CONTEXT = 24


def new_dataset() -> Dataset:
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    return dataset


def node_iri(entity: Entity, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of an entity: the field scheme's concept where there is one, else ``/id/kind/slug``."""
    if entity.concept:
        return URIRef(entity.concept)
    return URIRef(entity_iri(entity.kind, entity.slug, base))


def fact_iri(doc_id: str, subject: URIRef, predicate: URIRef, obj: URIRef, base: str) -> URIRef:
    digest = hashlib.sha1(f"{subject} {predicate} {obj}".encode()).hexdigest()[:12]
    return URIRef(evidence_iri(doc_id, f"fact-{digest}", base))


def curator_iri(curator: "Curator", base: str = DEFAULT_BASE) -> URIRef:
    """The curator's own IRI, else ``{base}id/curator/{slug of the name}``."""
    return URIRef(curator.iri or entity_iri("curator", slugify(curator.name), base))


def add_extraction(dataset: Dataset, extraction: Extraction, base: str = DEFAULT_BASE, *,
                   curator: "Curator | None" = None, curated: Iterable[tuple[str, str]] = (),
                   decisions: Sequence["MergeDecision"] = ()) -> Graph:
    """Add one document's extraction to ``dataset`` as its own named graph and return that graph.

    Parameters
    ----------
    dataset : rdflib.Dataset
    extraction : Extraction
    base : str
        Base of every IRI minted.
    curator : Curator, optional
        Who curated the run: facts of rule ``curation`` and the entities in ``curated`` get
        ``prov:wasAttributedTo`` the curator (a ``prov:Agent`` with its name as label).
    curated : iterable of entity keys
        Entities of this document that the curator added, renamed, merged or retyped.
    decisions : sequence of MergeDecision
        Cross-document merges; those that concern this document become ``hin:MergeDecision`` nodes.
    """
    doc = extraction.document
    graph = dataset.graph(URIRef(graph_iri(doc.doc_id, base)))
    doc_node = URIRef(document_iri(doc.doc_id, base))
    lang = doc.language if doc.language and doc.language != "und" else None

    _add_document(graph, doc_node, extraction)
    sentence_nodes = {}
    for sentence in extraction.sentences:
        node = URIRef(evidence_iri(doc.doc_id, f"sentence-{sentence.index}", base))
        sentence_nodes[sentence.index] = node

    used_sentences: set[int] = set()
    nodes = {}
    for entity in extraction.entities:
        node = node_iri(entity, base)
        nodes[entity.key] = node
        _add_entity(graph, node, entity, doc_node, lang)
        for mention in entity.mentions:
            _add_mention(graph, node, mention, extraction, doc_node, sentence_nodes, base)
            used_sentences.add(mention.sentence)
    agent = _add_curator(graph, curator, base) if curator is not None else None
    for relation in extraction.relations:
        statement = _add_relation(graph, relation, nodes, doc_node, sentence_nodes, doc.doc_id, base)
        used_sentences.add(relation.sentence)
        if agent is not None and relation.rule == CURATION_RULE:
            graph.add((statement, PROV.wasAttributedTo, agent))
    if agent is not None:
        for key in curated:
            if key in nodes:
                graph.add((nodes[key], PROV.wasAttributedTo, agent))
    for decision in decisions:
        if doc.doc_id in decision.documents and decision.into in nodes:
            _add_decision(graph, decision, nodes[decision.into], doc_node, doc.doc_id, base,
                          agent if decision.rule == CURATION_RULE else None)
    for sentence in extraction.sentences:
        if sentence.index in used_sentences:
            _add_sentence(graph, sentence_nodes[sentence.index], sentence, doc_node, lang)
    return graph


def to_dataset(extractions: Iterable[Extraction], base: str = DEFAULT_BASE) -> Dataset:
    dataset = new_dataset()
    for extraction in extractions:
        add_extraction(dataset, extraction, base)
    return dataset


def _decimal(value: float) -> Literal:
    """A confidence as an xsd:decimal with three places (a Decimal value, so it is well-typed)."""
    return Literal(Decimal(str(round(value, 3))), datatype=XSD.decimal)


def _literal(text: str, lang: str | None) -> Literal:
    return Literal(text, lang=lang) if lang else Literal(text)


def _add_document(graph: Graph, node: URIRef, extraction: Extraction) -> None:
    doc = extraction.document
    for cls in (HIN.SourceDocument, PROV.Entity, FOAF.Document):
        graph.add((node, RDF.type, cls))
    graph.add((node, HIN.fileName, Literal(doc.file_name)))
    graph.add((node, DCTERMS.format, Literal(doc.media_type)))
    graph.add((node, DCTERMS.language, Literal(doc.language, datatype=XSD.language)))
    graph.add((node, HIN.checksum, Literal(doc.checksum)))
    graph.add((node, HIN.ingestedAt, Literal(doc.ingested_at, datatype=XSD.dateTime)))


def _add_entity(graph: Graph, node: URIRef, entity: Entity, doc_node: URIRef,
                lang: str | None) -> None:
    graph.add((node, RDF.type, CLASSES[entity.kind]))
    if entity.kind == "field":
        graph.add((node, RDF.type, SKOS.Concept))
    graph.add((node, RDFS.label, _literal(entity.label, lang)))
    for alt in sorted(entity.alt_labels - {entity.label}):
        graph.add((node, SKOS.altLabel, _literal(alt, lang)))
    for same in sorted(entity.same_as):
        graph.add((node, OWL.sameAs, URIRef(same)))
    if "iso3166" in entity.identifiers:
        graph.add((node, HIN.iso3166Code, Literal(entity.identifiers["iso3166"])))
    graph.add((node, PROV.wasDerivedFrom, doc_node))


def _add_mention(graph: Graph, body: URIRef, mention: Mention, extraction: Extraction,
                 doc_node: URIRef, sentence_nodes: dict, base: str) -> None:
    doc = extraction.document
    text = doc.text
    node = URIRef(evidence_iri(doc.doc_id, f"mention-{mention.kind}-{mention.start}-{mention.end}", base))
    if (node, OA.hasBody, None) in graph:
        return  # the same span already names an entity of this kind
    target, position, quote = BNode(), BNode(), BNode()
    graph.add((node, RDF.type, OA.Annotation))
    graph.add((node, OA.motivatedBy, OA.identifying))
    graph.add((node, OA.hasBody, body))
    graph.add((node, OA.hasTarget, target))
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, doc_node))
    graph.add((target, OA.hasSelector, position))
    graph.add((target, OA.hasSelector, quote))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(mention.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(mention.end, datatype=XSD.nonNegativeInteger)))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(mention.text)))
    prefix = text[max(0, mention.start - QUOTE_CONTEXT):mention.start]
    suffix = text[mention.end:mention.end + QUOTE_CONTEXT]
    if prefix:
        graph.add((quote, OA.prefix, Literal(prefix)))
    if suffix:
        graph.add((quote, OA.suffix, Literal(suffix)))
    if mention.sentence in sentence_nodes:
        graph.add((node, HIN.sentence, sentence_nodes[mention.sentence]))
    graph.add((node, HIN.confidence, _decimal(mention.confidence)))
    if mention.rule:
        graph.add((node, HIN.extractionRule, Literal(mention.rule)))


def _add_curator(graph: Graph, curator: "Curator", base: str) -> URIRef:
    node = curator_iri(curator, base)
    graph.add((node, RDF.type, PROV.Agent))
    graph.add((node, RDFS.label, Literal(curator.name)))
    return node


def _add_decision(graph: Graph, decision: "MergeDecision", into: URIRef, doc_node: URIRef,
                  doc_id: str, base: str, agent: URIRef | None) -> None:
    """A ``hin:MergeDecision``: which names were merged into which node, by which rule, why."""
    keys = " ".join(sorted(f"{k[0]}/{k[1]}" for k in decision.keys))
    digest = hashlib.sha1(f"{keys} {decision.rule}".encode()).hexdigest()[:12]
    node = URIRef(evidence_iri(doc_id, f"merge-{digest}", base))
    graph.add((node, RDF.type, HIN.MergeDecision))
    graph.add((node, HIN.mergedInto, into))
    for name in decision.names:
        graph.add((node, HIN.mergedName, Literal(name)))
    graph.add((node, HIN.mergeRule, Literal(decision.rule)))
    graph.add((node, HIN.confidence, _decimal(decision.score)))
    graph.add((node, RDFS.comment, Literal(decision.reason, lang="en")))
    graph.add((node, PROV.wasDerivedFrom, doc_node))
    if agent is not None:
        graph.add((node, PROV.wasAttributedTo, agent))


def _add_relation(graph: Graph, relation: Relation, nodes: dict, doc_node: URIRef,
                  sentence_nodes: dict, doc_id: str, base: str) -> URIRef:
    subject, obj = nodes.get(relation.subject), nodes.get(relation.object)
    if subject is None or obj is None:
        missing = relation.subject if subject is None else relation.object
        raise ValueError(f"relation {relation.kind} refers to an entity that was not extracted: "
                         f"{missing}; every relation end must be in Extraction.entities")
    predicate = HIN[relation.kind]
    graph.add((subject, predicate, obj))
    statement = fact_iri(doc_id, subject, predicate, obj, base)
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.subject, subject))
    graph.add((statement, RDF.predicate, predicate))
    graph.add((statement, RDF.object, obj))
    graph.add((statement, PROV.wasDerivedFrom, doc_node))
    if relation.sentence in sentence_nodes:
        graph.add((statement, HIN.evidence, sentence_nodes[relation.sentence]))
    old = graph.value(statement, HIN.confidence)
    confidence = max(relation.confidence, float(old)) if old is not None else relation.confidence
    graph.set((statement, HIN.confidence, _decimal(confidence)))
    if relation.rule:
        graph.add((statement, HIN.extractionRule, Literal(relation.rule)))
    return statement


def _add_sentence(graph: Graph, node: URIRef, sentence, doc_node: URIRef, lang: str | None) -> None:
    selector = BNode()
    graph.add((node, RDF.type, HIN.Sentence))
    graph.add((node, OA.hasSource, doc_node))
    graph.add((node, OA.hasSelector, selector))
    graph.add((selector, RDF.type, OA.TextPositionSelector))
    graph.add((selector, OA.start, Literal(sentence.start, datatype=XSD.nonNegativeInteger)))
    graph.add((selector, OA.end, Literal(sentence.end, datatype=XSD.nonNegativeInteger)))
    graph.add((node, RDF.value, _literal(sentence.text, lang)))
