"""The curation file: loading (ingest.curation), applying (ingest.curation_actions), provenance."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from ingest.curation import CurationError, load_curation
from ingest.curation_actions import apply_curation
from ingest.linking import link_documents
from ingest.rdf import add_extraction, new_dataset
from ontology import HIN
from shapes import validate
from tests.handmade import doc_a, doc_b

CURATION = Path(__file__).parent / "data" / "curation" / "curation.yaml"
CURATOR = URIRef("https://orcid.org/0000-0002-1825-0097")


@pytest.fixture(scope="module")
def curated():
    curation = load_curation(CURATION)
    extractions, report = apply_curation([doc_a(), doc_b()], curation)
    return curation, {x.document.doc_id: x for x in extractions}, report


def keys(x):
    return {e.key for e in x.entities}


def test_the_file_is_read_with_curator_date_entries_and_links():
    curation = load_curation(CURATION)
    assert (curation.curator.name, curation.curator.iri, curation.curator.date) == \
        ("Jane Curator", str(CURATOR), "2026-11-22")
    assert [a.op for a in curation.actions] == ["rename", "retype", "add-relation", "remove-relation",
                                               "add-entity", "merge", "remove-entity", "remove-entity"]
    assert curation.actions[0].where == f"{CURATION}:9"
    assert [(p.first, p.second) for p in curation.different] == [("CeNTech", "Center for Nanotechnology GmbH")]


def test_rename_gives_the_new_name_and_keeps_the_old_one(curated):
    _, docs, _ = curated
    renamed = next(e for e in docs["doc-a"].entities if e.label == "Center for Nanotechnology GmbH")
    assert renamed.slug == "center-for-nanotechnology" and "CeNTech GmbH" in renamed.alt_labels
    assert ("organisation", "centech") not in keys(docs["doc-a"])
    assert any(r.kind == "affiliatedWith" and r.object == renamed.key for r in docs["doc-a"].relations)


def test_retype_moves_the_entity_and_its_relations(curated):
    _, docs, _ = curated
    assert ("cluster", "departement-ewi") in keys(docs["doc-a"])
    assert ("organisation", "departement-ewi") not in keys(docs["doc-a"])
    assert {r.subject for r in docs["doc-a"].relations if r.kind == "partyTo"} >= {("cluster", "departement-ewi")}


def test_added_relation_is_curated_with_full_confidence_and_evidence(curated):
    _, docs, _ = curated
    added = next(r for r in docs["doc-a"].relations if r.rule == "curation")
    assert (added.kind, added.subject, added.object, added.confidence) == \
        ("affiliatedWith", ("person", "holger-winter"), ("cluster", "departement-ewi"), 1.0)
    ends = {added.subject, added.object}
    assert added.sentence in {m.sentence for e in docs["doc-a"].entities if e.key in ends for m in e.mentions}


def test_removed_relation_and_entity_are_gone(curated):
    _, docs, _ = curated
    assert not [r for r in docs["doc-a"].relations if r.kind == "locatedIn"]
    assert ("person", "holger-winter") not in keys(docs["doc-b"])
    assert not [r for r in docs["doc-b"].relations if r.kind == "affiliatedWith"]


def test_added_entity_is_found_where_the_document_names_it(curated):
    _, docs, _ = curated
    added = next(e for e in docs["doc-b"].entities if e.label == "grensregio")
    text = docs["doc-b"].document.text
    assert added.kind == "region" and [text[m.start:m.end] for m in added.mentions] == ["grensregio"]
    assert all(m.rule == "curation" and m.confidence == 1.0 for m in added.mentions)


def test_merge_keeps_the_first_and_the_names_of_the_others(curated):
    _, docs, _ = curated
    kamer = next(e for e in docs["doc-b"].entities if e.label == "Kamer van Koophandel Nord Westfalen")
    assert "EWI" in kamer.alt_labels and ("organisation", "ewi") not in keys(docs["doc-b"])


def test_an_entry_that_matches_nothing_is_reported_with_its_line(curated):
    _, _, report = curated
    assert len(report.stale) == 1
    assert report.stale[0].startswith(f"{CURATION}:18: remove-entity [Nowhere Institute]")
    assert "fix or remove the entry" in report.stale[0]


def test_curated_facts_and_entities_carry_the_curator_and_stay_valid(curated):
    curation, docs, report = curated
    linked, links = link_documents(list(docs.values()), different=curation.different)
    dataset = new_dataset()
    for x in linked:
        curated_keys = {links.mapping.get(k, k) for k in report.curated[x.document.doc_id]}
        add_extraction(dataset, x, curator=curation.curator, curated=curated_keys, decisions=links.decisions)
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    statement = next(s for s in union.subjects(HIN.extractionRule, Literal("curation"))
                     if (s, RDF.type, RDF.Statement) in union)
    assert (statement, PROV.wasAttributedTo, CURATOR) in union
    assert (CURATOR, RDF.type, PROV.Agent) in union
    assert (CURATOR, RDFS.label, Literal("Jane Curator")) in union
    renamed = URIRef("https://w3id.org/hin/id/organisation/center-for-nanotechnology")
    assert (renamed, PROV.wasAttributedTo, CURATOR) in union
    region = URIRef("https://w3id.org/hin/id/region/grensregio")
    assert (region, RDFS.label, Literal("grensregio", lang="nl")) in union
    assert (region, PROV.wasDerivedFrom, URIRef("https://w3id.org/hin/id/document/doc-b")) in union
    result = validate(dataset)
    assert result.conforms, result.text


def test_a_forbidden_link_between_names_of_one_slug_is_reported():
    curation = load_curation(CURATION)
    extractions, _ = apply_curation([doc_a(), doc_b()], curation)
    _, links = link_documents(extractions, different=curation.different)
    # CeNTech (doc-b) and the renamed Center for Nanotechnology GmbH (doc-a) have different slugs,
    # and nothing merges them; the link is neither stale nor a refusal
    assert links.stale == [] and not [d for d in links.decisions if "CeNTech" in d.names]


@pytest.mark.parametrize("text, line, words", [
    ("curator: {name: J}\ndocuments:\n  doc-a:\n    - rename: {entity: X, to: [unclosed\n", 5, "not valid YAML"),
    ("curator: {name: J}\ndocuments:\n  doc-a:\n    - renam: {entity: X, to: Y}\n", 4, "unknown key 'renam'"),
    ("curator: {name: J}\ncolour: blue\n", 2, "unknown key 'colour'"),
    ("curator: {name: J}\ndocuments:\n  doc-a:\n    - retype: {entity: X, type: company}\n", 4, "unknown type"),
    ("curator: {name: J}\ndocuments:\n  doc-a:\n    - add-relation: {subject: A, predicate: knows, object: B}\n",
     4, "unknown predicate 'knows'"),
    ("documents: {}\n", 1, "needs a curator"),
    ("curator: {name: J}\nlinks:\n  - same: [A, B, C]\n", 3, "exactly two names"),
])
def test_a_bad_file_names_the_line_and_what_to_do(tmp_path, text, line, words):
    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CurationError) as caught:
        load_curation(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert words in message and ("docs/curation.md" in message)


def test_an_entry_for_a_document_not_in_the_run_is_not_stale():
    curation = load_curation(CURATION)
    _, report = apply_curation([doc_a()], curation)
    assert len(report.not_in_run) == 3 and all("doc-b" in line for line in report.not_in_run)


def test_cli_warns_about_a_stale_entry_and_strict_makes_it_an_error(tmp_path, capsys):
    from graph_api.cli import main

    document = tmp_path / "page.txt"
    document.write_text("Die CeNTech GmbH in Münster forscht an Medizintechnik.\n", encoding="utf-8")
    curation = tmp_path / "curation.yaml"
    curation.write_text("curator: Jane Curator\ndocuments:\n  page:\n"
                        "    - add-entity: {name: Münster forscht, type: cluster}\n"
                        "    - remove-entity: Nowhere Institute\n", encoding="utf-8")
    out = tmp_path / "out.trig"
    assert main(["ingest", str(document), "--output", str(out), "--curation", str(curation)]) == 0
    err = capsys.readouterr().err
    assert f"warning: {curation}:5: remove-entity [Nowhere Institute]" in err
    assert "https://w3id.org/hin/id/cluster/munster-forscht" in out.read_text(encoding="utf-8")
    out.unlink()
    assert main(["ingest", str(document), "--output", str(out), "--curation", str(curation), "--strict"]) == 2
    assert f"{curation}:5:" in capsys.readouterr().err and not out.exists()
