"""Tests for shapes/: the SHACL shapes and the validation stage.

Every file in tests/data/shapes/valid/ must conform; every file in tests/data/shapes/invalid/
names in its header the one violation it must produce (shape, path, focus node) and must produce
nothing else.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib import namespace as ns

import shapes
from ontology import HIN
from shapes.report import term_text

DATA = Path(__file__).parent / "data" / "shapes"
VALID = sorted((DATA / "valid").glob("*.trig"))
INVALID = sorted((DATA / "invalid").glob("*.trig"))
HINSH = Namespace("https://w3id.org/hin/shapes#")
OA = Namespace("http://www.w3.org/ns/oa#")
ID = "https://w3id.org/hin/id/"
RDF, RDFS, XSD, OWL, SH = ns.RDF, ns.RDFS, ns.XSD, ns.OWL, ns.SH
DCTERMS, PROV, SKOS = ns.DCTERMS, ns.PROV, ns.SKOS


def load(path: Path) -> Dataset:
    dataset = Dataset()
    dataset.parse(path, format="trig")
    return dataset


def expectations(path: Path) -> dict[str, str]:
    """The ``# expect-KEY: VALUE`` lines of a test file's header."""
    found = dict(re.findall(r"^# expect-([a-z]+): (.+)$", path.read_text(encoding="utf-8"), re.M))
    assert {"shape", "path", "focus"} <= found.keys(), f"{path.name}: header lacks expect- lines"
    return found


def summary(result: shapes.ValidationResult) -> list[str]:
    return [f"{term_text(v.source_shape)} {term_text(v.path)} {term_text(v.focus_node)}"
            for v in result.violations]


# --- the examples ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_examples_conform(path):
    result = shapes.validate(load(path))
    assert result.conforms, shapes.format_report(result)
    assert result.violations == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_example_trips_exactly_its_constraint(path):
    expected = expectations(path)
    dataset = load(path)
    result = shapes.validate(dataset)
    assert not result.conforms
    assert len(result.violations) == 1, summary(result)
    violation = result.violations[0]
    assert term_text(violation.source_shape) == expected["shape"]
    assert term_text(violation.path) == expected["path"]
    if expected["focus"] == "(blank)":
        assert isinstance(violation.focus_node, BNode)
        assert term_text(violation.context) == expected["context"]
    else:
        assert term_text(violation.focus_node) == expected["focus"]
    if "value" in expected:
        assert term_text(violation.value) == expected["value"]
    graph_name = next(g.identifier for g in dataset.graphs() if len(g))
    assert violation.graph == graph_name
    assert violation.severity == SH.Violation
    assert violation.message and not violation.message.startswith("(")


REQUIRED_KINDS = {
    "missing-label": HINSH.EntityLabelShape,
    "label-without-language": HINSH.EntityLabelLanguageShape,
    "missing-provenance": HINSH.EntityProvenanceShape,
    "member-of-non-cluster": HINSH.MemberOfRangeShape,
    "member-of-wrong-direction": HINSH.MemberOfRangeShape,
    "part-of-from-non-region": HINSH.PartOfDomainShape,
    "affiliated-with-from-organisation": HINSH.AffiliatedWithDomainShape,
    "establishes-from-non-agreement": HINSH.EstablishesDomainShape,
    "agreement-one-party": HINSH.AgreementPartiesShape,
    "bad-checksum": HINSH.DocumentChecksumShape,
    "fact-without-evidence": HINSH.FactEvidenceShape,
    "confidence-above-one": HINSH.FactConfidenceShape,
    "mention-without-quote": HINSH.MentionQuoteShape,
}


@pytest.mark.parametrize("stem,shape", sorted(REQUIRED_KINDS.items()))
def test_each_required_kind_of_violation_has_an_example(stem, shape):
    path = DATA / "invalid" / f"{stem}.trig"
    assert path.exists()
    assert [v.source_shape for v in shapes.validate(load(path)).violations] == [shape]


# --- datasets: one validation per named graph ---------------------------------------------------

def test_violation_is_attributed_to_the_graph_it_is_in():
    result = shapes.validate(load(DATA / "datasets" / "second-graph-invalid.trig"))
    first = URIRef("https://w3id.org/hin/graph/doc-a")
    second = URIRef("https://w3id.org/hin/graph/doc-b")
    assert result.graphs == (first, second)
    assert not result.conforms
    assert [(v.graph, v.source_shape, v.focus_node, v.value) for v in result.violations] == [
        (second, HINSH.MemberOfRangeShape, URIRef(ID + "organisation/twente-board"),
         URIRef(ID + "region/twente")),
    ]
    assert (None, HINSH.dataGraph, second) in result.report_graph
    assert (None, HINSH.dataGraph, first) not in result.report_graph
    report_node = result.report_graph.value(None, RDF.type, SH.ValidationReport)
    assert result.report_graph.value(report_node, SH.conforms) == Literal(False)
    assert len(list(result.report_graph.objects(report_node, SH.result))) == 1


def test_graphs_are_validated_separately_not_as_their_union():
    dataset = load(DATA / "valid" / "two-documents.trig")
    assert shapes.validate(dataset).conforms
    union = Graph()
    for graph in dataset.graphs():
        union += graph
    shapes_found = [v.source_shape for v in shapes.validate(union).violations]
    assert shapes_found == [HINSH.EntityLabelUniqueLanguageShape]


def test_plain_graph_and_default_graph_have_no_graph_name():
    dataset = load(DATA / "invalid" / "missing-label.trig")
    plain = Graph()
    plain += next(g for g in dataset.graphs() if len(g))
    result = shapes.validate(plain)
    assert result.graphs == (None,)
    assert [v.graph for v in result.violations] == [None]
    in_default = Dataset()
    for triple in plain:
        in_default.add(triple)
    assert [v.graph for v in shapes.validate(in_default).violations] == [None]


def synthetic_document(dataset: Dataset, n: int, actors: int = 7) -> Graph:
    """A document graph of ~600 triples in the model of docs/rdf-model.md: one fact, sentence
    and mention per relation."""
    graph_iri = URIRef(f"https://w3id.org/hin/graph/doc-{n}")
    graph, doc = dataset.graph(graph_iri), URIRef(f"{ID}document/doc-{n}")
    checksum = "sha256:" + hashlib.sha256(str(n).encode()).hexdigest()
    for p, o in [(RDF.type, HIN.SourceDocument), (HIN.fileName, Literal(f"doc-{n}.txt")),
                 (DCTERMS.language, Literal("de", datatype=XSD.language)),
                 (HIN.checksum, Literal(checksum)),
                 (HIN.ingestedAt, Literal("2026-11-22T11:00:00Z", datatype=XSD.dateTime))]:
        graph.add((doc, p, o))

    def entity(kind, cls, i):
        node = URIRef(f"{ID}{kind}/{kind}-{i}")
        graph.add((node, RDF.type, cls))
        graph.add((node, RDFS.label, Literal(f"{kind} {i}", lang="de")))
        graph.add((node, SKOS.altLabel, Literal(f"{kind[:3]} {i}", lang="de")))
        graph.add((node, PROV.wasDerivedFrom, doc))
        return node

    orgs = [entity("organisation", HIN.Organisation, i) for i in range(actors)]
    clusters = [entity("cluster", HIN.Cluster, i) for i in range(3)]
    regions = [entity("region", HIN.Region, i) for i in range(3)]
    field = entity("field", HIN.Field, 0)
    graph.add((field, RDF.type, SKOS.Concept))
    agreement = entity("agreement", HIN.Agreement, 0)
    facts = [(regions[1], HIN.partOf, regions[0]), (clusters[0], HIN.focusesOn, field)]
    for i, org in enumerate(orgs):
        facts += [(org, HIN.memberOf, clusters[i % 3]), (org, HIN.locatedIn, regions[i % 3])]
        facts += [(org, HIN.partyTo, agreement)] if i < 3 else []
    for k, (s, p, o) in enumerate(facts):
        graph.add((s, p, o))
        sentence, fact = URIRef(f"{graph_iri}#sentence-{k}"), URIRef(f"{graph_iri}#fact-{k}")
        mention = URIRef(f"{graph_iri}#mention-{k * 100}-{k * 100 + 9}")
        target, span, quote, position = BNode(), BNode(), BNode(), BNode()
        for triple in [
            (sentence, RDF.type, HIN.Sentence), (sentence, OA.hasSource, doc),
            (sentence, OA.hasSelector, span), (sentence, RDF.value, Literal(f"Satz {k}.", lang="de")),
            (span, RDF.type, OA.TextPositionSelector), (span, OA.start, Literal(k * 100)),
            (span, OA.end, Literal(k * 100 + 90)),
            (mention, RDF.type, OA.Annotation), (mention, OA.hasBody, s),
            (mention, OA.hasTarget, target), (mention, HIN.sentence, sentence),
            (mention, HIN.confidence, Literal("0.9", datatype=XSD.decimal)),
            (target, OA.hasSource, doc), (target, OA.hasSelector, position),
            (target, OA.hasSelector, quote),
            (position, RDF.type, OA.TextPositionSelector), (position, OA.start, Literal(k * 100)),
            (position, OA.end, Literal(k * 100 + 9)),
            (quote, RDF.type, OA.TextQuoteSelector), (quote, OA.exact, Literal("Satz")),
            (fact, RDF.type, RDF.Statement), (fact, RDF.subject, s), (fact, RDF.predicate, p),
            (fact, RDF.object, o), (fact, HIN.evidence, sentence), (fact, PROV.wasDerivedFrom, doc),
            (fact, HIN.confidence, Literal("0.8", datatype=XSD.decimal)),
        ]:
            graph.add(triple)
    return graph


def test_five_document_graphs_validate_and_one_error_is_found_in_its_graph():
    dataset = Dataset()
    graphs = [synthetic_document(dataset, n) for n in range(5)]
    assert all(len(g) > 500 for g in graphs)
    assert shapes.validate(dataset).conforms
    broken = URIRef(f"{ID}organisation/organisation-2")
    graphs[3].remove((broken, PROV.wasDerivedFrom, None))
    result = shapes.validate(dataset)
    assert [(v.graph, v.source_shape, v.focus_node) for v in result.violations] == [
        (graphs[3].identifier, HINSH.EntityProvenanceShape, broken)]


# --- subclasses and the ontology ----------------------------------------------------------------

def letter_of_intent_graph() -> Graph:
    dataset = load(DATA / "invalid" / "agreement-one-party.trig")
    graph = Graph()
    graph += next(g for g in dataset.graphs() if len(g))
    agreement = URIRef(f"{ID}agreement/kooperationsvereinbarung")
    graph.remove((agreement, RDF.type, HIN.Agreement))
    graph.add((agreement, RDF.type, URIRef(str(HIN) + "LetterOfIntent")))
    return graph


def test_subclasses_not_listed_in_the_shapes_need_the_ontology():
    graph = letter_of_intent_graph()
    without = shapes.validate(graph)
    assert [v.source_shape for v in without.violations] == [HINSH.PartyToRangeShape]
    ontology = Graph()
    letter = URIRef(str(HIN) + "LetterOfIntent")
    ontology.add((letter, RDF.type, OWL.Class))
    ontology.add((letter, RDFS.subClassOf, HIN.Agreement))
    with_ontology = shapes.validate(graph, ontology=ontology)
    # now the letter is an Agreement: partyTo fits, and it needs a second party like any other
    assert [v.source_shape for v in with_ontology.violations] == [HINSH.AgreementPartiesShape]


# --- reports ----------------------------------------------------------------------------------

def test_format_report_names_graph_focus_path_value_message_and_advice():
    result = shapes.validate(load(DATA / "datasets" / "second-graph-invalid.trig"))
    report = shapes.format_report(result)
    assert report.startswith("Invalid: 1 violation(s) of the HIN shapes in 1 of 2 graph(s).")
    for line in [
        "    graph:      <https://w3id.org/hin/graph/doc-b>",
        "    focus node: <https://w3id.org/hin/id/organisation/twente-board>",
        "    path:       hin:memberOf",
        "    value:      <https://w3id.org/hin/id/region/twente>",
        "    shape:      hinsh:MemberOfRangeShape (sh:ClassConstraintComponent)",
    ]:
        assert line in report.splitlines()
    assert "message:    hin:memberOf runs from an Actor to a hin:Cluster" in report
    assert "what to do: Type the value with the class" in report


def test_format_report_of_a_conforming_result():
    result = shapes.validate(load(DATA / "valid" / "two-documents.trig"))
    assert shapes.format_report(result) == "Valid: 2 graph(s) conform to the HIN shapes.\n"


def test_blank_focus_node_is_placed_in_its_owner():
    result = shapes.validate(load(DATA / "invalid" / "selector-start-after-end.trig"))
    report = shapes.format_report(result)
    assert "(a blank node of <https://w3id.org/hin/graph/mini#sentence-1>)" in report
    assert 'value:      "48"^^xsd:integer' in report


def test_require_valid_refuses_with_the_report():
    dataset = load(DATA / "invalid" / "bad-checksum.trig")
    with pytest.raises(shapes.InvalidGraphError) as caught:
        shapes.require_valid(dataset)
    assert caught.value.result.violations[0].source_shape == HINSH.DocumentChecksumShape
    assert "focus node: <https://w3id.org/hin/id/document/mini>" in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert shapes.require_valid(load(DATA / "valid" / "minimal.trig")).conforms


# --- the shapes file --------------------------------------------------------------------------

def named_shapes() -> list[URIRef]:
    graph = shapes.load_shapes()
    found = {s for cls in (SH.NodeShape, SH.PropertyShape) for s in graph.subjects(RDF.type, cls)}
    return sorted(s for s in found if isinstance(s, URIRef))


def test_every_shape_has_an_iri_under_the_shapes_namespace_and_an_english_message():
    graph = shapes.load_shapes()
    unnamed_top = [s for s in graph.subjects(RDF.type, SH.PropertyShape) if isinstance(s, BNode)]
    assert unnamed_top == []
    assert len(named_shapes()) >= 40
    for shape in named_shapes():
        assert str(shape).startswith(str(HINSH)), shape
        messages = list(graph.objects(shape, SH.message))
        messages += [m for c in graph.objects(shape, SH.sparql) for m in graph.objects(c, SH.message)]
        assert [m.language for m in messages] == ["en"], shape


def test_shapes_use_only_terms_of_the_hin_vocabulary():
    graph = shapes.load_shapes()
    used = {t for triple in graph for t in triple
            if isinstance(t, URIRef) and str(t).startswith(str(HIN))}
    assert {t.split("#")[1] for t in used} >= {"memberOf", "establishes", "Agreement"}
    for term in used:
        assert getattr(HIN, term.split("#")[1]) == term  # the closed namespace raises on a typo


def test_every_shape_is_documented():
    text = (Path(__file__).parents[1] / "docs" / "shapes.md").read_text(encoding="utf-8")
    missing = [term_text(s) for s in named_shapes() if term_text(s) not in text]
    assert missing == []


def test_load_shapes_reports_a_broken_file(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:x sh:y", encoding="utf-8")
    with pytest.raises(SyntaxError, match="broken.ttl"):
        shapes.load_shapes(broken)
    with pytest.raises(OSError):
        shapes.load_shapes(tmp_path / "absent.ttl")


def test_custom_shapes_replace_the_default():
    custom = Graph()
    custom.parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix hin: <https://w3id.org/hin/ontology#> .
        <urn:x:NoOrganisations> a sh:PropertyShape ; sh:targetClass hin:Organisation ;
            sh:maxCount 0 ; sh:path hin:memberOf ; sh:message "no memberOf"@en .
        """, format="turtle")
    result = shapes.validate(load(DATA / "valid" / "minimal.trig"), shapes=custom)
    assert [str(v.source_shape) for v in result.violations] == ["urn:x:NoOrganisations"]


def test_public_surface_is_exact():
    assert shapes.__all__ == sorted(shapes.__all__)
    assert set(shapes.__all__) == {
        "HINSH", "InvalidGraphError", "SHAPES_FILE", "ValidationResult", "Violation",
        "format_report", "load_shapes", "require_valid", "validate",
    }
    assert shapes.SHAPES_FILE.name == "hin-shapes.ttl" and shapes.SHAPES_FILE.is_file()
