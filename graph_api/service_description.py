"""How the server describes itself: SPARQL 1.1 Service Description, VoID and DCAT, as RDF.

``GET /sparql`` without parameters
    The Service Description (https://www.w3.org/TR/sparql11-service-description/): the endpoint,
    the query language, the result formats, the default dataset with its named graphs, and
    ``rdfs:seeAlso`` the VoID document.  Browsers (``Accept: text/html``) get a welcome page.
``GET /.well-known/void``
    VoID (https://www.w3.org/TR/void/, section 7.2 names the well-known path) and DCAT 3
    (https://www.w3.org/TR/vocab-dcat-3/) of the dataset ``{base}dataset``: triples, entities,
    classes (void:classPartition), properties (void:propertyPartition), each named graph
    (void:subset), example resources, the SPARQL endpoint, the dumps, the licence, the
    owl:sameAs links out (void:Linkset per target), and the DCAT distributions and data service.
``GET /dataset``
    303 See Other to ``/.well-known/void``: the dataset IRI ``{base}dataset`` resolves.

Counts come from graph_api.dataset_statistics and are cached per application (the store never
changes under a running server).  RDF is sent as Turtle unless ``Accept`` asks for N-Triples,
JSON-LD or RDF/XML.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, VOID, XSD
from starlette.concurrency import run_in_threadpool

from graph_api.conneg import FORMATS, Format, negotiate
from graph_api.dataset_statistics import LINK_TARGETS, DatasetStatistics, collect_statistics, entity_space
from graph_api.http_cache import not_modified, not_modified_response, store_version, validators
from graph_api.linked_data import choose_representation
from graph_api.pages import render_page
from graph_api.store import GRAPH

router = APIRouter(tags=["Dataset description"])

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")
#: Licence of the extracted data (the ontology and field scheme carry the same one).
DATA_LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
#: Dump file name -> (media type of its content, title); see graph_api.dumps.
DUMP_FILES = {
    "hin.nq.gz": ("application/n-quads", "N-Quads, gzip-compressed, one named graph per document"),
    "hin.trig": ("application/trig", "TriG, one named graph per document"),
    "hin.ttl": ("text/turtle", "Turtle, the merge of all graphs (no graph names)"),
}
#: W3C format IRIs (http://www.w3.org/ns/formats/) of the media types of graph_api.conneg.
_FORMAT_IRIS = {
    "application/sparql-results+json": FORMATS_NS.SPARQL_Results_JSON,
    "application/sparql-results+xml": FORMATS_NS.SPARQL_Results_XML,
    "text/csv": FORMATS_NS.SPARQL_Results_CSV,
    "text/tab-separated-values": FORMATS_NS.SPARQL_Results_TSV,
    "text/turtle": FORMATS_NS.Turtle,
    "application/n-triples": FORMATS_NS["N-Triples"],
    "application/rdf+xml": FORMATS_NS.RDF_XML,
    "application/ld+json": FORMATS_NS["JSON-LD"],
}
_RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld"}
_IANA = "https://www.iana.org/assignments/media-types/"


def _server(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def dataset_iri(base_iri: str) -> URIRef:
    """The IRI of the whole dataset: ``{base}dataset``."""
    return URIRef((base_iri if base_iri.endswith("/") else base_iri + "/") + "dataset")


def statistics(request: Request) -> DatasetStatistics:
    """The dataset's statistics, counted once per application."""
    state = request.app.state
    if getattr(state, "dataset_statistics", None) is None:
        state.dataset_statistics = collect_statistics(state.store, state.settings.base_iri)
    return state.dataset_statistics


def _new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in (("sd", SD), ("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS),
                              ("formats", FORMATS_NS), ("foaf", FOAF), ("owl", OWL)):
        graph.bind(prefix, namespace)
    return graph


def service_description_graph(stats: DatasetStatistics, server: str, base_iri: str,
                              modified: datetime | None = None) -> Graph:
    """The Service Description of the endpoint at ``{server}/sparql``."""
    graph = _new_graph()
    service, dataset = URIRef(server + "/sparql"), dataset_iri(base_iri)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    graph.add((service, SD.feature, SD.DereferencesURIs))
    graph.add((service, SD.defaultEntailmentRegime, ENTAILMENT.Simple))
    for fmt in FORMATS:
        graph.add((service, SD.resultFormat, _FORMAT_IRIS[fmt.media_type]))
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((service, RDFS.seeAlso, URIRef(server + "/.well-known/void")))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, RDFS.seeAlso, URIRef(server + "/.well-known/void")))
    default = BNode()
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    graph.add((default, VOID.triples, Literal(stats.triples)))
    for name, triples in stats.graphs.items():
        named, described = BNode(), BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, URIRef(name)))
        graph.add((named, SD.graph, described))
        graph.add((described, RDF.type, SD.Graph))
        graph.add((described, VOID.triples, Literal(triples)))
    return graph


def void_graph(stats: DatasetStatistics, server: str, base_iri: str,
               modified: datetime | None = None) -> Graph:
    """VoID and DCAT description of the dataset (see the module notes); ``modified`` is when the
    store was built (dcterms:modified)."""
    graph = _new_graph()
    dataset, service = dataset_iri(base_iri), URIRef(server + "/sparql")
    for cls in (VOID.Dataset, DCAT.Dataset):
        graph.add((dataset, RDF.type, cls))
    graph.add((dataset, DCTERMS.title, Literal("HIN: health innovation networks", lang="en")))
    graph.add((dataset, DCTERMS.description, Literal(
        "Actors, clusters, regions, fields and agreements of health innovation networks, extracted "
        "from public web pages, with the sentence behind every fact.", lang="en")))
    graph.add((dataset, DCTERMS.license, DATA_LICENSE))
    graph.add((dataset, VOID.uriSpace, Literal(entity_space(base_iri))))
    graph.add((dataset, VOID.sparqlEndpoint, service))
    graph.add((dataset, VOID.rootResource, URIRef(entity_space(base_iri) + "scheme/fields")))
    graph.add((dataset, VOID.vocabulary, URIRef("https://w3id.org/hin/ontology#")))
    for name, count in (("triples", stats.triples), ("entities", stats.entities),
                        ("distinctSubjects", stats.distinct_subjects),
                        ("distinctObjects", stats.distinct_objects),
                        ("classes", len(stats.classes)), ("properties", len(stats.properties))):
        graph.add((dataset, VOID[name], Literal(count)))
    for example in stats.examples:
        graph.add((dataset, VOID.exampleResource, URIRef(example)))
    for cls, entities in stats.classes.items():
        partition = BNode()
        graph.add((dataset, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], URIRef(cls)))
        graph.add((partition, VOID.entities, Literal(entities)))
    for prop, triples in stats.properties.items():
        partition = BNode()
        graph.add((dataset, VOID.propertyPartition, partition))
        graph.add((partition, VOID.property, URIRef(prop)))
        graph.add((partition, VOID.triples, Literal(triples)))
    for name, triples in stats.graphs.items():
        subset = URIRef(name)
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, SD.name, subset))
        graph.add((subset, VOID.triples, Literal(triples)))
        graph.add((subset, VOID.dataDump, URIRef(f"{server}/rdf-graphs?graph={name}")))
    for target, links in stats.links.items():
        if links:
            linkset = URIRef(f"{dataset}/links/{target}")
            graph.add((dataset, VOID.subset, linkset))
            graph.add((linkset, RDF.type, VOID.Linkset))
            graph.add((linkset, VOID.linkPredicate, OWL.sameAs))
            graph.add((linkset, VOID.subjectsTarget, dataset))
            graph.add((linkset, VOID.objectsTarget, URIRef(LINK_TARGETS[target])))
            graph.add((linkset, VOID.triples, Literal(links)))
    for file_name, (media_type, title) in DUMP_FILES.items():
        url, distribution = URIRef(f"{server}/dumps/{file_name}"), BNode()
        graph.add((dataset, VOID.dataDump, url))
        graph.add((dataset, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCTERMS.title, Literal(title, lang="en")))
        graph.add((distribution, DCAT.downloadURL, url))
        graph.add((distribution, DCAT.mediaType, URIRef(_IANA + media_type)))
        graph.add((distribution, DCTERMS.license, DATA_LICENSE))
        if file_name.endswith(".gz"):
            graph.add((distribution, DCAT.compressFormat, URIRef(_IANA + "application/gzip")))
    access = BNode()
    graph.add((dataset, DCAT.distribution, access))
    graph.add((access, RDF.type, DCAT.Distribution))
    graph.add((access, DCTERMS.title, Literal("SPARQL 1.1 endpoint", lang="en")))
    graph.add((access, DCAT.accessURL, service))
    graph.add((access, DCAT.accessService, service))
    graph.add((service, RDF.type, DCAT.DataService))
    graph.add((service, DCAT.endpointURL, service))
    graph.add((service, DCAT.endpointDescription, service))
    graph.add((service, DCAT.servesDataset, dataset))
    graph.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    if modified is not None:
        graph.add((dataset, DCTERMS.modified, Literal(modified.isoformat(), datatype=XSD.dateTime)))
    return graph


Builder = Callable[[DatasetStatistics, str, str, datetime], Graph]


async def _serialise(request: Request, build: Builder, resource: str, chosen: Format) -> Response:
    """Answer with the graph ``build(stats, server, base, modified)`` as ``chosen``, or 304."""
    state = request.app.state
    headers = {"Vary": "Accept", **validators(state.store, f"{resource} {_server(request)} {chosen.name}")}
    if not_modified(request, headers):
        return not_modified_response(headers)
    stats = await run_in_threadpool(statistics, request)
    graph = build(stats, _server(request), state.settings.base_iri, store_version(state.store).made)
    body = graph.serialize(format=_RDFLIB_FORMATS[chosen.name], encoding="utf-8")
    return Response(body, media_type=chosen.content_type, headers=headers)


async def service_description_response(request: Request) -> Response:
    """``GET /sparql`` without parameters: the Service Description, or a welcome page for browsers."""
    chosen = choose_representation(request.headers.get("accept"), None)
    if chosen is None:
        headers = {"Vary": "Accept", **validators(request.app.state.store, "sparql-welcome")}
        if not_modified(request, headers):
            return not_modified_response(headers)
        html = render_page("sparql.html", server=_server(request), formats=FORMATS, dumps=DUMP_FILES)
        return HTMLResponse(html, headers=headers)
    return await _serialise(request, service_description_graph, "service-description", chosen)


@router.get("/.well-known/void", summary="VoID and DCAT description of the dataset (RDF)")
async def void_description(request: Request) -> Response:
    """The dataset's VoID and DCAT description; see docs/linked-data.md."""
    chosen = choose_representation(request.headers.get("accept"), None) or negotiate(GRAPH)
    return await _serialise(request, void_graph, "void", chosen)


@router.get("/dataset", summary="The dataset IRI: 303 See Other to /.well-known/void")
async def dataset_redirect(request: Request) -> Response:
    """``{base}dataset`` names the dataset; its description is the VoID document."""
    return RedirectResponse("/.well-known/void", status_code=303, headers={"Vary": "Accept"})
