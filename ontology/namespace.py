"""The HIN vocabulary as a closed rdflib namespace.

A typo such as ``HIN.memberof`` raises instead of minting a new IRI.  tests/test_ontology.py checks
that this class and ontology/hin.ttl declare exactly the same terms.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class HIN(DefinedNamespace):
    _NS = Namespace("https://w3id.org/hin/ontology#")
    _fail = True

    # classes
    Actor: URIRef
    Organisation: URIRef
    Person: URIRef
    Cluster: URIRef
    Region: URIRef
    Field: URIRef
    Agreement: URIRef
    SourceDocument: URIRef

    # kinds of agreement (subclasses of Agreement)
    LetterOfIntent: URIRef
    CooperationAgreement: URIRef
    Partnership: URIRef
    MemorandumOfUnderstanding: URIRef

    # the eight core relations
    memberOf: URIRef
    partyTo: URIRef
    locatedIn: URIRef
    partOf: URIRef
    focusesOn: URIRef
    coordinates: URIRef
    affiliatedWith: URIRef
    establishes: URIRef

    # provenance and identifiers (see docs/rdf-model.md)
    Sentence: URIRef
    sentence: URIRef
    evidence: URIRef
    confidence: URIRef
    extractionRule: URIRef
    fileName: URIRef
    checksum: URIRef
    ingestedAt: URIRef
    iso3166Code: URIRef

    # network measures written back into the store (see docs/network.md)
    NetworkAnalysis: URIRef
    Measurement: URIRef
    ofNode: URIRef
    measure: URIRef
    value: URIRef
    rank: URIRef
    view: URIRef
    partition: URIRef
    parameters: URIRef

    # cross-document resolution (see docs/resolution.md)
    MergeDecision: URIRef
    mergedInto: URIRef
    mergedName: URIRef
    mergeRule: URIRef
