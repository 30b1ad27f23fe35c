"""The HIN ontology (hin.ttl), its closed namespace, the field scheme (fields.ttl), their docs."""
from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, Namespace
from rdflib.plugins.sparql import prepareQuery

import ontology
from ontology import HIN, load_fields, load_vocabulary
from ontology import docgen

ORG = Namespace("http://www.w3.org/ns/org#")
SDO = Namespace("https://schema.org/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
OA = Namespace("http://www.w3.org/ns/oa#")
VANN = Namespace("http://purl.org/vocab/vann/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # open namespace: pytest probes attributes
ONTOLOGY_IRI = URIRef("https://w3id.org/hin/ontology")
SCHEME = URIRef("https://w3id.org/hin/id/scheme/fields")
FIELD = Namespace("https://w3id.org/hin/id/field/")
LANGUAGES = ("en", "de", "nl", "da")
TERM_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return load_vocabulary()


@pytest.fixture(scope="module")
def fields() -> Graph:
    return load_fields()


@pytest.fixture(scope="module")
def concepts(fields: Graph) -> set[URIRef]:
    return set(fields.subjects(SKOS.inScheme, SCHEME))


def _hin_terms(graph: Graph) -> set[URIRef]:
    return {s for kind in TERM_KINDS for s in graph.subjects(RDF.type, kind)
            if isinstance(s, URIRef) and s in HIN}


def _members(graph: Graph, node) -> set:
    """The classes a domain or range names: the class itself, or the members of an owl:unionOf."""
    union = graph.value(node, OWL.unionOf)
    return set(Collection(graph, union)) if union is not None else {node}


# --- the public surface and the closed namespace -------------------------------------------------

def test_public_surface_is_exact_and_sorted():
    assert ontology.__all__ == sorted(ontology.__all__)
    assert set(ontology.__all__) == {"FIELDS_FILE", "HIN", "ONTOLOGY_DIR", "VOCABULARY_FILE",
                                     "load_fields", "load_vocabulary"}


def test_namespace_and_turtle_declare_the_same_terms(vocab):
    in_code = set(dir(HIN))
    in_turtle = _hin_terms(vocab)
    assert in_code - in_turtle == set(), "in ontology/namespace.py but not declared in hin.ttl"
    assert in_turtle - in_code == set(), "declared in hin.ttl but not in ontology/namespace.py"


def test_turtle_uses_no_undeclared_hin_iri(vocab, fields):
    declared = _hin_terms(vocab)
    for graph in (vocab, fields):
        used = {t for triple in graph for t in triple
                if isinstance(t, URIRef) and str(t).startswith(str(HIN._NS))}
        assert used - declared == set()


@pytest.mark.parametrize("typo", ["memberof", "Organization", "focusOn", "Sentences"])
def test_typo_in_namespace_raises(typo):
    with pytest.raises(AttributeError, match=typo):
        getattr(HIN, typo)
    with pytest.raises(AttributeError):
        HIN[typo]


def test_namespace_iri():
    assert HIN.memberOf == URIRef("https://w3id.org/hin/ontology#memberOf")
    assert HIN.Organisation == URIRef("https://w3id.org/hin/ontology#Organisation")


# --- hin.ttl -

def test_ontology_metadata(vocab):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in vocab
    assert vocab.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert vocab.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(
        "https://w3id.org/hin/ontology/0.1.0")
    assert vocab.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/")
    for prop in (DCTERMS.creator, DCTERMS.created, DCTERMS.modified):
        assert vocab.value(ONTOLOGY_IRI, prop) is not None, prop
    for prop in (DCTERMS.title, DCTERMS.description):
        langs = {v.language for v in vocab.objects(ONTOLOGY_IRI, prop)}
        assert set(LANGUAGES) <= langs, prop
    assert str(vocab.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix)) == "hin"
    assert str(vocab.value(ONTOLOGY_IRI, VANN.preferredNamespaceUri)) == str(HIN._NS)


@pytest.mark.parametrize("term", sorted(dir(HIN)))
def test_every_term_is_labelled_and_defined_in_four_languages(vocab, term):
    for prop in (RDFS.label, SKOS.definition):
        values = list(vocab.objects(term, prop))
        for lang in LANGUAGES:
            in_lang = [v for v in values if isinstance(v, Literal) and v.language == lang]
            assert len(in_lang) == 1, f"{term} needs exactly one {prop} in {lang}, has {in_lang}"
            assert str(in_lang[0]).strip() == str(in_lang[0]) != ""
    assert vocab.value(term, RDFS.isDefinedBy) == ONTOLOGY_IRI


def test_each_term_has_exactly_one_kind(vocab):
    for term in _hin_terms(vocab):
        kinds = [k for k in TERM_KINDS if (term, RDF.type, k) in vocab]
        assert len(kinds) == 1, (term, kinds)


# domain and range of every relation, as DESIGN.md's table gives them
CORE_RELATIONS = {
    HIN.memberOf: ({HIN.Actor}, {HIN.Cluster}),
    HIN.partyTo: ({HIN.Actor}, {HIN.Agreement}),
    HIN.locatedIn: ({HIN.Actor}, {HIN.Region}),
    HIN.partOf: ({HIN.Region}, {HIN.Region}),
    HIN.focusesOn: ({HIN.Actor, HIN.Agreement}, {HIN.Field}),
    HIN.coordinates: ({HIN.Actor}, {HIN.Cluster, HIN.Agreement, HIN.Field}),
    HIN.affiliatedWith: ({HIN.Person}, {HIN.Organisation, HIN.Cluster}),
    HIN.establishes: ({HIN.Agreement}, {HIN.Cluster, HIN.Organisation}),
    HIN.sentence: ({OA.Annotation}, {HIN.Sentence}),
}


@pytest.mark.parametrize("prop", list(CORE_RELATIONS), ids=lambda p: p.split("#")[1])
def test_relation_domain_and_range_follow_design(vocab, prop):
    domain, range_ = CORE_RELATIONS[prop]
    assert (prop, RDF.type, OWL.ObjectProperty) in vocab
    assert _members(vocab, vocab.value(prop, RDFS.domain)) == domain
    assert _members(vocab, vocab.value(prop, RDFS.range)) == range_


def test_domains_and_ranges_name_declared_classes(vocab):
    classes = set(vocab.subjects(RDF.type, OWL.Class))
    for prop in _hin_terms(vocab) - set(vocab.subjects(RDF.type, OWL.Class)):
        is_datatype = (prop, RDF.type, OWL.DatatypeProperty) in vocab
        ranges = list(vocab.objects(prop, RDFS.range))
        assert len(ranges) == 1, f"{prop} needs one rdfs:range"
        for side in (RDFS.domain, RDFS.range):
            for node in vocab.objects(prop, side):
                for cls in _members(vocab, node):
                    if side == RDFS.range and is_datatype:
                        assert cls in XSD, (prop, cls)
                    else:
                        assert cls in classes and not isinstance(cls, BNode), (prop, side, cls)


@pytest.mark.parametrize("prop, datatype", [
    (HIN.confidence, XSD.decimal), (HIN.ingestedAt, XSD.dateTime), (HIN.fileName, XSD.string),
    (HIN.checksum, XSD.string), (HIN.extractionRule, XSD.string), (HIN.iso3166Code, XSD.string),
])
def test_datatype_ranges(vocab, prop, datatype):
    assert (prop, RDF.type, OWL.DatatypeProperty) in vocab
    assert vocab.value(prop, RDFS.range) == datatype


@pytest.mark.parametrize("sub, prop, sup", [
    (HIN.Organisation, RDFS.subClassOf, HIN.Actor),
    (HIN.Person, RDFS.subClassOf, HIN.Actor),
    (HIN.Cluster, RDFS.subClassOf, HIN.Actor),
    (HIN.Actor, RDFS.subClassOf, PROV.Agent),
    (HIN.Organisation, RDFS.subClassOf, ORG.Organization),
    (HIN.Organisation, RDFS.subClassOf, SDO.Organization),
    (HIN.Person, RDFS.subClassOf, FOAF.Person),
    (HIN.Person, RDFS.subClassOf, SDO.Person),
    (HIN.Cluster, RDFS.subClassOf, ORG.OrganizationalCollaboration),
    (HIN.Region, RDFS.subClassOf, SDO.Place),
    (HIN.Region, RDFS.subClassOf, GEO.Feature),
    (HIN.Field, RDFS.subClassOf, SKOS.Concept),
    (HIN.SourceDocument, RDFS.subClassOf, PROV.Entity),
    (HIN.SourceDocument, RDFS.subClassOf, FOAF.Document),
    (HIN.Sentence, RDFS.subClassOf, OA.SpecificResource),
    (HIN.LetterOfIntent, RDFS.subClassOf, HIN.Agreement),
    (HIN.CooperationAgreement, RDFS.subClassOf, HIN.Agreement),
    (HIN.Partnership, RDFS.subClassOf, HIN.Agreement),
    (HIN.MemorandumOfUnderstanding, RDFS.subClassOf, HIN.Agreement),
    (HIN.memberOf, RDFS.subPropertyOf, ORG.memberOf),
    (HIN.locatedIn, RDFS.subPropertyOf, SDO.location),
    (HIN.partOf, RDFS.subPropertyOf, GEO.sfWithin),
    (HIN.partOf, RDFS.subPropertyOf, SDO.containedInPlace),
    (HIN.affiliatedWith, RDFS.subPropertyOf, SDO.affiliation),
    (HIN.coordinates, RDFS.seeAlso, ORG.headOf),
])
def test_alignments(vocab, sub, prop, sup):
    assert (sub, prop, sup) in vocab


def test_no_skos_mapping_on_classes_or_properties(vocab):
    mappings = (SKOS.closeMatch, SKOS.exactMatch, SKOS.broadMatch, SKOS.narrowMatch)
    assert [t for m in mappings for t in vocab.triples((None, m, None))] == []


def test_subclass_graph_has_no_cycle(vocab):
    for cls in _hin_terms(vocab):
        assert cls not in set(vocab.transitive_objects(cls, RDFS.subClassOf)) - {cls}


# A small graph in the shape docs/rdf-model.md describes, for the reasoner tests below.
SAMPLE_DATA = """
@prefix hin: <https://w3id.org/hin/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix doc: <https://w3id.org/hin/id/document/> .
@prefix org: <https://w3id.org/hin/id/organisation/> .
@prefix person: <https://w3id.org/hin/id/person/> .
@prefix cluster: <https://w3id.org/hin/id/cluster/> .
@prefix agreement: <https://w3id.org/hin/id/agreement/> .
@prefix region: <https://w3id.org/hin/id/region/> .
@prefix field: <https://w3id.org/hin/id/field/> .
@prefix g: <https://w3id.org/hin/graph/doc#> .
doc:doc a hin:SourceDocument ; hin:fileName "doc.txt" ; hin:checksum "sha256:00" ;
    hin:ingestedAt "2026-11-22T11:00:00Z"^^xsd:dateTime .
org:centech-gmbh a hin:Organisation ; hin:locatedIn region:munster ;
    hin:memberOf cluster:medtech ; hin:partyTo agreement:loi ;
    hin:focusesOn field:medical-technology ; hin:coordinates field:care .
field:medical-technology a hin:Field .
field:care a hin:Field .
person:holger-winter a hin:Person ; hin:affiliatedWith org:centech-gmbh .
cluster:medtech a hin:Cluster .
agreement:loi a hin:LetterOfIntent ; hin:establishes cluster:medtech .
region:munster a hin:Region ; hin:partOf region:nrw .
region:nrw a hin:Region ; hin:partOf region:germany ; hin:iso3166Code "DE-NW" .
region:germany a hin:Region ; hin:iso3166Code "DE" .
g:sentence-1 a hin:Sentence ; oa:hasSource doc:doc ; rdf:value "..."@de .
g:mention-0-12 a oa:Annotation ; hin:sentence g:sentence-1 ; hin:confidence 0.95 .
g:fact-1 a rdf:Statement ; rdf:subject person:holger-winter ;
    rdf:predicate hin:affiliatedWith ; rdf:object org:centech-gmbh ;
    hin:evidence g:sentence-1 ; hin:confidence 0.9 ; hin:extractionRule "person-of-org" .
"""
ID = Namespace("https://w3id.org/hin/id/")
REASONER_ERROR = URIRef("http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage")


def _closure(vocab: Graph, extra: str = "") -> Graph:
    import owlrl  # installed with pyshacl

    graph = Graph()
    for triple in vocab:
        graph.add(triple)
    graph.parse(data=SAMPLE_DATA + extra, format="turtle")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return graph


def test_owl_rl_reasoner_finds_sample_data_consistent_and_sensible(vocab):
    graph = _closure(vocab)
    assert list(graph.subjects(RDF.type, REASONER_ERROR)) == []
    centech, holger = ID["organisation/centech-gmbh"], ID["person/holger-winter"]
    for cls in (ORG.Organization, SDO.Organization, PROV.Agent, HIN.Actor):
        assert (centech, RDF.type, cls) in graph
    assert (centech, RDF.type, FOAF.Person) not in graph  # hin:coordinates is not org:headOf
    assert (holger, RDF.type, FOAF.Person) in graph
    assert (ID["cluster/medtech"], RDF.type, ORG.OrganizationalCollaboration) in graph
    assert (ID["region/munster"], HIN.partOf, ID["region/germany"]) in graph  # transitive
    assert (ID["region/munster"], GEO.sfWithin, ID["region/nrw"]) in graph
    assert (ID["agreement/loi"], RDF.type, HIN.Agreement) in graph
    assert (ID["field/care"], RDF.type, SKOS.Concept) in graph
    assert (ID["organisation/centech-gmbh"], SDO.location, ID["region/munster"]) in graph
    for term in (HIN.Organisation, HIN.coordinates, HIN.memberOf):
        assert (term, RDF.type, SKOS.Concept) not in graph


def test_owl_rl_reasoner_flags_an_organisation_that_is_also_a_person(vocab):
    graph = _closure(vocab, "org:centech-gmbh a hin:Person .\n")
    assert list(graph.subjects(RDF.type, REASONER_ERROR)) != []


# --- fields.ttl -

def test_scheme_is_labelled_and_defined(fields):
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in fields
    for prop in (SKOS.prefLabel, SKOS.definition):
        assert set(LANGUAGES) <= {v.language for v in fields.objects(SCHEME, prop)}


def test_every_concept_is_a_labelled_field_of_the_scheme(fields, concepts):
    assert 45 <= len(concepts) <= 80  # a small scheme of genre-wide fields, not a bulk import
    for concept in concepts:
        assert (concept, RDF.type, SKOS.Concept) in fields
        assert (concept, RDF.type, HIN.Field) in fields
        assert str(concept).startswith(str(FIELD))
        prefs = list(fields.objects(concept, SKOS.prefLabel))
        for lang in LANGUAGES:
            assert len([p for p in prefs if p.language == lang]) == 1, (concept, lang)
        assert any(d.language == "en" for d in fields.objects(concept, SKOS.definition)), concept
        assert list(fields.objects(concept, SKOS.altLabel)), f"{concept} has no altLabel"


def test_every_hin_field_is_in_the_scheme(fields, concepts):
    assert set(fields.subjects(RDF.type, HIN.Field)) == concepts


def test_concept_iri_is_the_slug_of_its_english_label(fields, concepts):
    from ingest.iris import slugify

    for concept in concepts:
        english = next(p for p in fields.objects(concept, SKOS.prefLabel) if p.language == "en")
        assert concept == FIELD[slugify(str(english))]


def test_labels_are_well_formed(fields, concepts):
    for concept in concepts:
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in fields.objects(concept, prop):
                assert label.language in (*LANGUAGES, "fr"), (concept, label)
                assert str(label) == " ".join(str(label).split()) != "", (concept, label)


def test_no_label_names_two_concepts_in_one_language(fields, concepts):
    owners: dict[tuple[str, str], set[URIRef]] = defaultdict(set)
    for concept in concepts:
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in fields.objects(concept, prop):
                owners[(label.language, str(label).casefold())].add(concept)
    clashes = {key: sorted(map(str, c)) for key, c in owners.items() if len(c) > 1}
    assert clashes == {}


def test_no_normalised_label_names_two_concepts_in_any_language(fields, concepts):
    """The extraction lexicon matches labels of every language in every text, case- and
    accent-insensitively, so a label must not name two concepts even across languages."""
    from ingest.iris import normalise_name

    owners: dict[str, set[URIRef]] = defaultdict(set)
    for concept in concepts:
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in fields.objects(concept, prop):
                owners[normalise_name(str(label))].add(concept)
    assert {key: sorted(map(str, c)) for key, c in owners.items() if len(c) > 1} == {}


def test_pref_and_alt_labels_are_disjoint(fields, concepts):
    for concept in concepts:
        prefs = set(fields.objects(concept, SKOS.prefLabel))
        assert prefs & set(fields.objects(concept, SKOS.altLabel)) == set(), concept


def test_hierarchy_stays_in_the_scheme_and_is_consistent(fields, concepts):
    for narrow, broad in fields.subject_objects(SKOS.broader):
        assert narrow in concepts and broad in concepts
        assert (broad, SKOS.narrower, narrow) in fields
    for broad, narrow in fields.subject_objects(SKOS.narrower):
        assert (narrow, SKOS.broader, broad) in fields
    for concept in concepts:
        assert concept not in set(fields.transitive_objects(concept, SKOS.broader)) - {concept}


def test_top_concepts_are_exactly_the_concepts_without_broader(fields, concepts):
    tops = set(fields.subjects(SKOS.topConceptOf, SCHEME))
    assert tops == set(fields.objects(SCHEME, SKOS.hasTopConcept))
    assert tops == {c for c in concepts if fields.value(c, SKOS.broader) is None}


REQUIRED_FIELDS = """
    medical-technology life-sciences biotechnology personalised-medicine
    health-and-welfare-technology welfare-technology care patient-care elderly-care health-tourism
    second-health-market digital-health telemedicine ambient-assisted-living mobility housing
    health-economy healthcare health-innovation cross-border-cooperation work-and-education
    social-cohesion public-services bioeconomy energy maritime-economy digitalisation
    biomedical-research pharmaceuticals diagnostics medical-devices rehabilitation prevention
    nutrition-and-health sport-and-health mental-health hospital-care public-health
    artificial-intelligence-in-health health-data assistive-technology bioanalytics
    regenerative-medicine oncology medical-imaging logistics
""".split()


def test_required_fields_are_present(concepts):
    assert {FIELD[slug] for slug in REQUIRED_FIELDS} - concepts == set()


# how texts name fields (many taken from the sample corpus) -> the field they must find
@pytest.mark.parametrize("label, lang, slug", [
    ("Medizintechnik", "de", "medical-technology"),
    ("medizintechnische", "de", "medical-technology"),
    ("MedTech", "en", "medical-technology"),
    ("medische technologie", "nl", "medical-technology"),
    ("medtech", "nl", "medical-technology"),
    ("medicoteknik", "da", "medical-technology"),
    ("medicinsk teknologi", "da", "medical-technology"),
    ("Life Sciences", "de", "life-sciences"),
    ("Biotechnologie", "de", "biotechnology"),
    ("Zweiter Gesundheitsmarkt", "de", "second-health-market"),
    ("Gesundheitstourismus", "de", "health-tourism"),
    ("zorgtoerisme", "nl", "health-tourism"),
    ("Arbeit und Bildung", "de", "work-and-education"),
    ("Patientenversorgung", "de", "patient-care"),
    ("Pflege", "de", "care"),
    ("zorg", "nl", "care"),
    ("pleje", "da", "care"),
    ("grenzüberschreitende Zusammenarbeit", "de", "cross-border-cooperation"),
    ("grensoverschrijdende samenwerking", "nl", "cross-border-cooperation"),
    ("Gesundheitswirtschaft", "de", "health-economy"),
    ("gezondheidseconomie", "nl", "health-economy"),
    ("sundhedsøkonomi", "da", "health-economy"),
    ("gezondheidszorg", "nl", "healthcare"),
    ("Gesundheitsversorgung", "de", "healthcare"),
    ("sundhedsvæsen", "da", "healthcare"),
    ("digitalisering", "nl", "digitalisation"),
    ("digitale transformatie", "nl", "digitalisation"),
    ("sundheds- og velfærdsteknologi", "da", "health-and-welfare-technology"),
    ("velfærdsteknologi", "da", "welfare-technology"),
    ("welzijnstechnologie", "nl", "welfare-technology"),
    ("sundhedsinnovation", "da", "health-innovation"),
    ("gepersonaliseerde geneeskunde", "nl", "personalised-medicine"),
    ("biomedisch onderzoek", "nl", "biomedical-research"),
    ("Gesundheit und Pflege", "de", "health-and-social-care"),
    ("Mobilität", "de", "mobility"),
    ("Wohnen", "de", "housing"),
    ("soziales Zusammenleben", "de", "social-cohesion"),
    ("Daseinsvorsorge", "de", "public-services"),
    ("Bioökonomie", "de", "bioeconomy"),
    ("Energie", "de", "energy"),
    ("maritime Wirtschaft", "de", "maritime-economy"),
    ("telemedizinische", "de", "telemedicine"),
    ("Telemedizin", "de", "telemedicine"),
    ("telemedicin", "da", "telemedicine"),
    ("AAL", "de", "ambient-assisted-living"),
    ("Ambient Assisted Living", "de", "ambient-assisted-living"),
    ("eHealth", "de", "digital-health"),
    ("digitale Gesundheit", "de", "digital-health"),
    ("ÖPNV", "de", "public-transport"),
    ("Bioanalytik", "de", "bioanalytics"),
    ("Gesundheitsinnovation", "de", "health-innovation"),
])
def test_lexicon_finds_the_field(fields, label, lang, slug):
    found = {c for prop in (SKOS.prefLabel, SKOS.altLabel)
             for c in fields.subjects(prop, Literal(label, lang=lang))}
    assert found == {FIELD[slug]}


# --- loading -

def test_loaders_parse_once_and_share_the_graph():
    assert load_vocabulary() is load_vocabulary()
    assert load_fields() is load_fields()
    assert len(load_vocabulary()) > 300 and len(load_fields()) > 1000


def test_bad_turtle_names_the_file(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text("@prefix hin: <https://w3id.org/hin/ontology#> .\nhin:a hin:b .\nhin:c\n",
                   encoding="utf-8")
    with pytest.raises(SyntaxError, match="broken.ttl"):
        ontology._parse_turtle(bad)


def test_missing_file_raises_oserror(tmp_path):
    with pytest.raises(OSError):
        ontology._parse_turtle(tmp_path / "absent.ttl")


# --- docs/vocabulary.md -

def test_vocabulary_page_is_up_to_date():
    page = docgen.VOCABULARY_PAGE.read_text(encoding="utf-8")
    assert page == docgen.render(), "docs/vocabulary.md is stale: run `python -m ontology.docgen`"


def test_docgen_check_reports_a_stale_page(tmp_path, capsys):
    stale = tmp_path / "vocabulary.md"
    stale.write_text("# old\n", encoding="utf-8")
    assert docgen.main(["--check", "--output", str(stale)]) == 1
    assert "out of date" in capsys.readouterr().out
    assert docgen.main(["--output", str(stale)]) == 0
    assert docgen.main(["--check", "--output", str(stale)]) == 0


def test_page_documents_every_term_and_field(concepts):
    page = docgen.render()
    for term in dir(HIN):
        assert f"`hin:{term.split('#')[1]}`" in page
    for concept in concepts:
        assert f"`{str(concept).rsplit('/', 1)[1]}`" in page


def test_example_queries_parse_and_the_first_runs_on_the_scheme(fields):
    for _title, query in docgen.EXAMPLE_QUERIES:
        prepareQuery(query)
    rows = {str(row.field) for row in fields.query(docgen.EXAMPLE_QUERIES[0][1])}
    assert rows == {str(FIELD["medical-devices"]), str(FIELD["medical-imaging"]),
                    str(FIELD["diagnostics"])}


def test_second_example_query_reads_the_evidence_of_an_edge():
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(ontology.FIELDS_FILE), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://w3id.org/hin/graph/fields"))
    store.load(format=ox.RdfFormat.TRIG, input="""
        @prefix hin: <https://w3id.org/hin/ontology#> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://w3id.org/hin/graph/d1> {
          <https://w3id.org/hin/id/organisation/acme> a hin:Organisation ; rdfs:label "Acme"@de ;
              hin:focusesOn <https://w3id.org/hin/id/field/medical-devices> ,
                            <https://w3id.org/hin/id/field/housing> .
          <https://w3id.org/hin/graph/d1#fact-1> a rdf:Statement ;
              rdf:subject <https://w3id.org/hin/id/organisation/acme> ;
              rdf:predicate hin:focusesOn ;
              rdf:object <https://w3id.org/hin/id/field/medical-devices> ;
              hin:evidence <https://w3id.org/hin/graph/d1#sentence-1> .
          <https://w3id.org/hin/graph/d1#fact-2> a rdf:Statement ;
              rdf:subject <https://w3id.org/hin/id/organisation/acme> ;
              rdf:predicate hin:focusesOn ;
              rdf:object <https://w3id.org/hin/id/field/housing> ;
              hin:evidence <https://w3id.org/hin/graph/d1#sentence-2> .
          <https://w3id.org/hin/graph/d1#sentence-1> a hin:Sentence ;
              rdf:value "Acme baut Medizinprodukte."@de .
          <https://w3id.org/hin/graph/d1#sentence-2> a hin:Sentence ;
              rdf:value "Acme baut Wohnungen."@de .
        }
    """)
    rows = [(r["name"].value, r["field"].value.rsplit("/", 1)[1], r["text"].value)
            for r in store.query(docgen.EXAMPLE_QUERIES[1][1], use_default_graph_as_union=True)]
    assert rows == [("Acme", "medical-devices", "Acme baut Medizinprodukte.")]
