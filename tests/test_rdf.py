"""ingest.rdf on hand-made extractions, and the confidence threshold of ingest.pipeline."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF

from ingest.pipeline import apply_threshold
from ingest.rdf import add_extraction, new_dataset
from ontology import HIN
from shapes import validate
from tests.handmade import doc_a

ID = "https://w3id.org/hin/id/"


def graph_of(extraction):
    dataset = new_dataset()
    return dataset, add_extraction(dataset, extraction)


def test_every_fact_carries_confidence_evidence_and_rule():
    dataset, graph = graph_of(doc_a())
    statements = list(graph.subjects(RDF.type, RDF.Statement))
    assert len(statements) == 4
    for statement in statements:
        assert graph.value(statement, HIN.confidence) is not None
        assert (graph.value(statement, HIN.evidence), RDF.type, HIN.Sentence) in graph
        assert graph.value(statement, HIN.extractionRule) is not None
    assert validate(dataset).conforms


def test_threshold_drops_weak_facts_and_entities_and_the_result_still_validates():
    full = doc_a()
    kept = apply_threshold(full, 0.6)
    assert {r.kind for r in full.relations} - {r.kind for r in kept.relations} == {"locatedIn"}
    # Münster's only mention has confidence 0.5: the region goes, with its relation
    assert ("region", "munster-de") not in {e.key for e in kept.entities}
    assert all(m.confidence >= 0.6 for e in kept.entities for m in e.mentions)
    dataset, graph = graph_of(kept)
    assert (URIRef(ID + "organisation/centech"), HIN.locatedIn, None) not in graph
    assert (URIRef(ID + "region/munster-de"), None, None) not in graph
    result = validate(dataset)
    assert result.conforms, result.text


def test_threshold_keeps_agreements_valid_by_dropping_those_left_with_one_party():
    weak = doc_a()
    weak.relations = [r if r.subject[1] != "departement-ewi" else r.__class__(**{**r.__dict__, "confidence": 0.4})
                      for r in weak.relations]
    kept = apply_threshold(weak, 0.6)
    assert not [e for e in kept.entities if e.kind == "agreement"]
    assert not [r for r in kept.relations if r.kind == "partyTo"]
    dataset, _ = graph_of(kept)
    assert validate(dataset).conforms


def test_threshold_zero_keeps_everything():
    full = doc_a()
    assert apply_threshold(full, 0.0) is full


def test_curator_and_attribution_only_when_curated():
    dataset, graph = graph_of(doc_a())
    assert (None, PROV.wasAttributedTo, None) not in graph
    assert (None, HIN.extractionRule, Literal("curation")) not in graph
