"""The server describes itself: Service Description at GET /sparql, VoID and DCAT at
/.well-known/void, with counts that equal what SPARQL counts on the same store."""
from __future__ import annotations

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, RDFS, VOID

from graph_api.conneg import FORMATS
from graph_api.service_description import SD

RDF_TYPES = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/rdf+xml": "xml",
             "application/n-triples": "nt"}
HIN = "https://w3id.org/hin/"


def fetch_graph(url: str, accept: str = "text/turtle", **kwargs) -> Graph:
    response = httpx.get(url, headers={"Accept": accept}, **kwargs)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == accept
    return Graph().parse(data=response.content, format=RDF_TYPES[accept])


def count(server: str, query: str) -> int:
    response = httpx.get(server + "/sparql", params={"query": query},
                         headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_service_description_has_endpoint_language_formats_and_void_link(sample_server):
    sd = fetch_graph(sample_server + "/sparql")
    service = URIRef(sample_server + "/sparql")
    assert (service, RDF.type, SD.Service) in sd
    assert (service, SD.endpoint, service) in sd
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in sd
    assert len(set(sd.objects(service, SD.resultFormat))) == len(FORMATS)
    void = URIRef(sample_server + "/.well-known/void")
    assert (service, RDFS.seeAlso, void) in sd
    dataset = sd.value(service, SD.defaultDataset)
    names = {str(sd.value(named, SD.name)) for named in sd.objects(dataset, SD.namedGraph)}
    assert names == {HIN + "graph/doc-a", HIN + "graph/doc-b"}


@pytest.mark.parametrize("accept", ["application/ld+json", "application/rdf+xml", "application/n-triples"])
def test_service_description_in_every_rdf_format_is_the_same_graph(sample_server, accept):
    assert isomorphic(fetch_graph(sample_server + "/sparql", accept), fetch_graph(sample_server + "/sparql"))


def test_browsers_get_a_welcome_page_and_a_blank_query_is_still_an_error(sample_server):
    page = httpx.get(sample_server + "/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'action="/sparql"' in page.text and "/.well-known/void" in page.text
    blank = httpx.get(sample_server + "/sparql", params={"query": " "})
    assert blank.status_code == 400 and blank.json()["error"]["code"] == "missing-query"


@pytest.fixture(scope="module")
def void(corpus_server) -> Graph:
    return fetch_graph(corpus_server + "/.well-known/void")


@pytest.fixture(scope="module")
def dataset() -> URIRef:
    return URIRef(HIN + "dataset")


def test_void_totals_equal_sparql_counts(corpus_server, void, dataset):
    distinct = "{ SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    assert void.value(dataset, VOID.triples).toPython() == count(
        corpus_server, f"SELECT (COUNT(*) AS ?n) WHERE {distinct}")
    assert void.value(dataset, VOID.entities).toPython() == count(
        corpus_server, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), '{HIN}id/')) }}")
    assert void.value(dataset, VOID.distinctSubjects).toPython() == count(
        corpus_server, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }")
    assert void.value(dataset, VOID.classes).toPython() == count(
        corpus_server, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }")
    assert void.value(dataset, VOID.properties).toPython() == count(
        corpus_server, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }")


def test_void_partitions_equal_sparql_counts(corpus_server, void, dataset):
    classes = {void.value(p, VOID["class"]): void.value(p, VOID.entities).toPython()
               for p in void.objects(dataset, VOID.classPartition)}
    assert URIRef("https://w3id.org/hin/ontology#Organisation") in classes
    for cls, entities in classes.items():
        assert entities == count(corpus_server, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{cls}> }}")
    properties = {void.value(p, VOID.property): void.value(p, VOID.triples).toPython()
                  for p in void.objects(dataset, VOID.propertyPartition)}
    assert sum(properties.values()) == void.value(dataset, VOID.triples).toPython()
    assert properties[RDFS.label] == count(
        corpus_server, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?o WHERE { ?s "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?o } }")


def test_void_has_a_subset_per_named_graph_with_its_triples(corpus_server, void, dataset):
    subsets = {s for s in void.objects(dataset, VOID.subset) if (s, RDF.type, VOID.Dataset) in void}
    graphs = httpx.get(corpus_server + "/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g {} }"},
                       headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    assert {str(s) for s in subsets} == {row["g"]["value"] for row in graphs}
    for subset in subsets:
        assert void.value(subset, VOID.triples).toPython() == count(
            corpus_server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{subset}> {{ ?s ?p ?o }} }}")
        dump = httpx.get(str(void.value(subset, VOID.dataDump)), headers={"Accept": "application/n-triples"})
        assert dump.status_code == 200
        assert len(Graph().parse(data=dump.text, format="nt")) == void.value(subset, VOID.triples).toPython()


def test_void_counts_the_links_to_geonames(corpus_server, void, dataset):
    linkset = URIRef(HIN + "dataset/links/geonames")
    assert (dataset, VOID.subset, linkset) in void and (linkset, RDF.type, VOID.Linkset) in void
    assert (linkset, VOID.linkPredicate, OWL.sameAs) in void
    links = count(corpus_server, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?o WHERE { "
                  "?s <http://www.w3.org/2002/07/owl#sameAs> ?o "
                  "FILTER(STRSTARTS(STR(?o), 'https://sws.geonames.org/')) } }")
    assert links > 0 and void.value(linkset, VOID.triples).toPython() == links
    assert (URIRef(HIN + "dataset/links/wikidata"), RDF.type, VOID.Linkset) not in void  # no such links yet


def test_void_names_endpoint_dumps_licence_and_examples_that_resolve(corpus_server, void, dataset):
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef(corpus_server + "/sparql")
    assert void.value(dataset, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    dumps = {str(d) for d in void.objects(dataset, VOID.dataDump)}
    assert dumps == {corpus_server + f"/dumps/{name}" for name in ("hin.nq.gz", "hin.trig", "hin.ttl")}
    examples = list(void.objects(dataset, VOID.exampleResource))
    assert len(examples) >= 4
    for example in examples:
        page = httpx.get(corpus_server + str(example)[len(HIN) - 1:], headers={"Accept": "text/html"},
                         follow_redirects=True)
        assert page.status_code == 200 and str(example) in page.text


def test_dcat_lists_each_dump_and_the_sparql_service(corpus_server, void, dataset):
    assert (dataset, RDF.type, DCAT.Dataset) in void
    downloads = {str(void.value(d, DCAT.downloadURL)) for d in void.objects(dataset, DCAT.distribution)
                 if void.value(d, DCAT.downloadURL) is not None}
    assert downloads == {str(d) for d in void.objects(dataset, VOID.dataDump)}
    for url in downloads:
        with httpx.stream("GET", url) as response:
            assert response.status_code == 200
    service = URIRef(corpus_server + "/sparql")
    assert (service, RDF.type, DCAT.DataService) in void
    assert (service, DCAT.servesDataset, dataset) in void
    assert any(void.value(d, DCAT.accessService) == service for d in void.objects(dataset, DCAT.distribution))
    assert isinstance(void.value(dataset, DCTERMS.modified), Literal)


def test_dataset_iri_redirects_to_void(sample_server):
    response = httpx.get(sample_server + "/dataset")
    assert response.status_code == 303 and response.headers["location"] == "/.well-known/void"
