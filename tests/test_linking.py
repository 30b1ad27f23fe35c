"""Cross-document resolution (ingest.linking, ingest.name_match) and the region hierarchy."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ingest.curation import NamePair
from ingest.linking import link_documents, link_regions
from ingest.name_match import match_names
from ingest.rdf import add_extraction, new_dataset
from ontology import HIN
from shapes import validate
from tests.handmade import doc_a, doc_b, extraction

ORG = "https://w3id.org/hin/id/organisation/"


def _keys(x):
    return {e.key for e in x.entities}


def union(dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.mark.parametrize("a, la, b, lb, rule", [
    ("EWI", "nl", "Departement EWI", "nl", "abbreviation"),
    ("EWI", "nl", "Departement Economie, Wetenschap en Innovatie", "nl", "abbreviation"),
    ("MCON", "de", "Dieter Meyer Consulting GmbH (MCON)", "de", "abbreviation"),
    ("Industrie- und Handelskammer Nord Westfalen", "de", "Kamer van Koophandel Nord Westfalen", "nl",
     "translation"),
    ("IHK Nord Westfalen", "de", "Industrie- und Handelskammer Nord Westfalen", "de", "translation"),
    ("Universität Münster", "de", "Universiteit Münster", "nl", "translation"),
    ("CeNTech GmbH", "de", "CeNTech", "nl", "shared-name"),
])
def test_names_of_one_actor_match_with_their_rule(a, la, b, lb, rule):
    match = match_names(a, la, b, lb)
    assert match is not None and match.rule == rule
    assert 0 < match.score <= 1 and match.reason


@pytest.mark.parametrize("a, la, b, lb", [
    ("Handwerkskammer Münster", "de", "Industrie- und Handelskammer Münster", "de"),  # other chamber
    ("Luisenhospital Aachen", "de", "Klinikum Aachen", "de"),  # other hospital of the city
    ("Kamer", "nl", "Kammer", "de"),  # a bare head word
    ("EWI", "nl", "EWI Cluster Vlaanderen", "nl"),  # more than a head word around the acronym
    ("Universität Münster", "de", "Universität Twente", "de"),
])
def test_names_of_different_actors_do_not_match(a, la, b, lb):
    assert match_names(a, la, b, lb) is None


def test_two_documents_naming_one_actor_differently_give_one_node_with_both_labels():
    linked, report = link_documents([doc_a(), doc_b()])
    a, b = linked
    assert ("organisation", "departement-ewi") in _keys(a) & _keys(b)
    assert ("organisation", "ewi") not in _keys(b)
    chamber = ("organisation", "industrie-und-handelskammer-nord-westfalen")
    assert chamber in _keys(a) & _keys(b)
    rules = {d.rule: d for d in report.decisions}
    assert rules["abbreviation"].names == ("EWI", "Departement EWI")
    assert rules["abbreviation"].into == ("organisation", "departement-ewi")
    assert rules["translation"].into == chamber and rules["translation"].score == 0.75
    assert "'nord westf" in rules["translation"].reason and "chamber" in rules["translation"].reason

    dataset = new_dataset()
    for x in linked:
        add_extraction(dataset, x, decisions=report.decisions)
    everything = union(dataset)
    node = URIRef(ORG + "industrie-und-handelskammer-nord-westfalen")
    labels = set(everything.objects(node, RDFS.label))
    assert Literal("Industrie- und Handelskammer Nord Westfalen", lang="de") in labels
    assert Literal("Kamer van Koophandel Nord Westfalen", lang="nl") in labels
    ewi = URIRef(ORG + "departement-ewi")
    names = set(everything.objects(ewi, RDFS.label)) | set(everything.objects(ewi, SKOS.altLabel))
    assert {Literal("EWI", lang="nl"), Literal("Departement EWI", lang="de")} <= names
    decisions = list(everything.subjects(HIN.mergedInto, ewi))
    assert decisions and (decisions[0], HIN.mergeRule, Literal("abbreviation")) in everything
    assert {str(n) for n in everything.objects(decisions[0], HIN.mergedName)} == {"EWI", "Departement EWI"}
    result = validate(dataset)
    assert result.conforms, result.text


def test_relations_follow_the_merge_and_the_agreement_keeps_two_parties():
    linked, _ = link_documents([doc_a(), doc_b()])
    a = linked[0]
    parties = {r.subject for r in a.relations if r.kind == "partyTo"}
    assert parties == {("organisation", "departement-ewi"),
                       ("organisation", "industrie-und-handelskammer-nord-westfalen")}
    agreement = next(e for e in a.entities if e.kind == "agreement")
    assert {r.object for r in a.relations if r.kind == "partyTo"} == {agreement.key}


def test_one_label_per_language_for_a_node_named_in_two_documents_of_one_language():
    text = "Die CeNTech GmbH forscht.\nCeNTech liegt in Münster."
    one = extraction("one", "de", "Die CeNTech GmbH forscht.", [("organisation", "centech", "CeNTech GmbH", (), 0.9)])
    two = extraction("two", "de", text.splitlines()[1], [("organisation", "centech", "CeNTech", (), 0.9)])
    linked, _ = link_documents([one, two])
    assert [x.entities[0].label for x in linked] == ["CeNTech GmbH", "CeNTech GmbH"]
    assert linked[1].entities[0].alt_labels == {"CeNTech"}


def test_a_forbidden_merge_keeps_the_actors_apart_and_says_so():
    pair = NamePair("EWI", "Departement EWI", "curation.yaml:9")
    linked, report = link_documents([doc_a(), doc_b()], different=[pair])
    assert ("organisation", "ewi") in _keys(linked[1])
    assert ("organisation", "departement-ewi") not in _keys(linked[1])
    assert all(d.rule != "abbreviation" for d in report.decisions)
    assert any("kept apart" in line and "EWI" in line for line in report.kept_apart)


def test_a_forced_merge_joins_what_no_rule_would_and_is_recorded_as_curation():
    pair = NamePair("CeNTech GmbH", "Kamer van Koophandel Nord Westfalen", "curation.yaml:7")
    _, report = link_documents([doc_a(), doc_b()], same=[pair])
    forced = [d for d in report.decisions if d.rule == "curation"]
    assert forced and forced[0].score == 1.0 and "curation.yaml:7" in forced[0].reason


def test_a_link_that_matches_nothing_is_reported():
    _, report = link_documents([doc_a(), doc_b()], same=[NamePair("Nowhere GmbH", "EWI", "c.yaml:3")])
    assert report.stale and report.stale[0].startswith("c.yaml:3:")


def test_an_acronym_that_fits_two_actors_merges_with_neither():
    one = extraction("one", "nl", "Het EWI werkt.", [("organisation", "ewi", "EWI", (), 0.8)])
    two = extraction("two", "nl", "Departement EWI\nAgentschap EWI",
                     [("organisation", "departement-ewi", "Departement EWI", (), 0.8),
                      ("organisation", "agentschap-ewi", "Agentschap EWI", (), 0.8)])
    linked, report = link_documents([one, two])
    assert _keys(linked[0]) == {("organisation", "ewi")}
    assert report.decisions == [] and "not merged" in report.kept_apart[0]


def test_one_document_is_left_as_it_is():
    single = doc_a()
    linked, report = link_documents([single])
    assert report.decisions == []
    assert {k for k in _keys(linked[0]) if k[0] != "agreement"} == \
        {e.key for e in single.entities if e.kind != "agreement"}
    assert [e.label for e in linked[0].entities] == [e.label for e in single.entities]


def test_region_hierarchy_from_reference_data_links_only_regions_the_document_names():
    text = "Limburg ligt in Europa.\nMaastricht ook."
    x = extraction("r", "nl", text, [("region", "limburg-nl-li", "Limburg", (), 0.9),
                                     ("region", "europe", "Europa", (), 0.9)])
    linked = link_regions(x)
    part = [r for r in linked.relations if r.kind == "partOf"]
    # NL-LI lies in the Netherlands, which the text does not name: the next named ancestor is Europe
    assert [(r.subject, r.object, r.rule) for r in part] == [
        (("region", "limburg-nl-li"), ("region", "europe"), "reference-data")]
    dataset = new_dataset()
    graph = add_extraction(dataset, linked)
    statement = next(graph.subjects(RDF.predicate, HIN.partOf))
    assert (statement, HIN.extractionRule, Literal("reference-data")) in graph
    assert validate(dataset).conforms
    # every node the graph mentions as subject or object of a relation is typed and labelled in it
    for s, _, o in graph.triples((None, HIN.partOf, None)):
        for node in (s, o):
            assert (node, RDF.type, HIN.Region) in graph and graph.value(node, RDFS.label) is not None


def test_a_region_with_a_parent_keeps_it():
    x = extraction("r", "de", "Nordrhein-Westfalen in Deutschland und Europa.",
                   [("region", "nordrhein-westfalen", "Nordrhein-Westfalen", (), 0.9),
                    ("region", "germany", "Deutschland", (), 0.9), ("region", "europe", "Europa", (), 0.9)],
                   [("partOf", "nordrhein-westfalen", "germany", 0.9, "gazetteer-parent")])
    part = {(r.subject[1], r.object[1]) for r in link_regions(x).relations if r.kind == "partOf"}
    assert part == {("nordrhein-westfalen", "germany"), ("germany", "europe")}


def test_a_merge_through_a_name_both_nodes_share_records_their_two_labels_and_conforms():
    one = extraction("one", "en", "Medicon Valley runs the secretariat.",
                     [("cluster", "medicon-valley", "Medicon Valley", (), 0.8)])
    two = extraction("two", "en", "Medicon Valley Alliance (Medicon Valley) signed.",
                     [("cluster", "medicon-valley-alliance", "Medicon Valley Alliance", ("Medicon Valley",), 0.8)])
    linked, report = link_documents([one, two])
    decision = next(d for d in report.decisions if d.rule == "shared-name")
    assert set(decision.names) == {"Medicon Valley", "Medicon Valley Alliance"}
    dataset = new_dataset()
    for x in linked:
        add_extraction(dataset, x, decisions=report.decisions)
    everything = union(dataset)
    names = {str(n) for d in everything.subjects(RDF.type, HIN.MergeDecision)
             for n in everything.objects(d, HIN.mergedName)}
    assert names == {"Medicon Valley", "Medicon Valley Alliance"}
    result = validate(dataset)
    assert result.conforms, result.text
