"""The query part of the W3C SPARQL 1.1 Protocol tests (tests/data/w3c/sparql11/protocol/manifest.ttl).

Each test is a list of HTTP requests written in RDF (http://www.w3.org/2011/http#): method, path,
headers and body, and what the response must be (``mf:expectedStatus``, ``mf:expectedFormat``,
``mf:expectedBoolean``).  The query tests (``query_*``, ``bad_query_*``, ``bad_multiple_queries``)
are replayed as written against a live HIN app, with the manifest's ``/sparql/`` path mapped to
``/sparql`` and its ``ut:graphData`` files loaded as the named graphs their labels give.  The
update tests are left out: HIN is read-only and answers every update ``403 update-refused``
(tests/test_sparql_endpoint.py).
"""
from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS

from tests.conformance.manifest import MF, SUITE_DIR, file_path, load_manifest, manifest_entries
from tests.conformance.results import PARSERS, Boolean, Solutions, parse_graph

HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
MANIFEST = SUITE_DIR / "protocol" / "manifest.ttl"
_GRAPH_TYPES = {"text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"}


def _is_query_test(name: str) -> bool:
    return name.startswith(("query_", "bad_query_")) or name == "bad_multiple_queries"


def _query_tests() -> tuple[Graph, list[URIRef]]:
    graph = load_manifest(MANIFEST)
    entries = [entry for entry in manifest_entries(graph, MANIFEST)
               if graph.value(entry, RDF.type) == MF.ProtocolTest and _is_query_test(str(entry).rsplit("#")[-1])]
    return graph, entries


MANIFEST_GRAPH, QUERY_TESTS = _query_tests()


@pytest.fixture(scope="module")
def protocol_app(live_server: Callable, tmp_path_factory: pytest.TempPathFactory):
    """One live HIN app (and its URL) whose store each test replaces (test wiring)."""
    from graph_api.app import create_app
    from graph_api.oxigraph_store import OxigraphStore
    from graph_api.settings import Settings

    app = create_app(Settings(store=tmp_path_factory.mktemp("unused-store")), store=OxigraphStore.in_memory())
    return app, live_server(app)


def _store_for(graph: Graph, test: URIRef):
    from graph_api.oxigraph_store import OxigraphStore

    store = OxigraphStore.in_memory()
    for data in graph.objects(test, UT.graphData):
        store.load(file_path(graph.value(data, UT.graph)), graph=str(graph.value(data, RDFS.label)))
    return store


def _send(client: httpx.Client, graph: Graph, request: URIRef) -> httpx.Response:
    path = str(graph.value(request, HT.absolutePath))
    assert path.startswith("/sparql/"), path
    headers = {}
    header_list = graph.value(request, HT.headers)
    for header in Collection(graph, header_list) if header_list is not None else ():
        headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
    body = graph.value(request, HT.body)
    content = None
    if body is not None:
        encoding = str(graph.value(body, CNT.characterEncoding) or "UTF-8")
        content = str(graph.value(body, CNT.chars)).encode(encoding)
    return client.request(str(graph.value(request, HT.methodName)), "/sparql" + path[len("/sparql/"):],
                          content=content, headers=headers)


def _check(graph: Graph, expectation: URIRef, response: httpx.Response) -> None:
    statuses = {str(status).removeprefix(HTS) for status in graph.objects(expectation, MF.expectedStatus)}
    assert f"{response.status_code // 100}xx" in statuses, f"status {response.status_code}, " \
                                                           f"expected {statuses}: {response.text[:300]}"
    expected_format = graph.value(expectation, MF.expectedFormat)
    expected_boolean = graph.value(expectation, MF.expectedBoolean)
    if expected_format is None and expected_boolean is None:
        return
    media_type = response.headers["content-type"].split(";")[0].strip()
    if str(expected_format) == "RDF":
        assert media_type in _GRAPH_TYPES
        parse_graph(response.content, media_type)
        return
    answer = PARSERS[media_type](response.content)
    if str(expected_format) == "tabular":
        assert isinstance(answer, Solutions)
    else:
        assert isinstance(answer, Boolean)
    if expected_boolean is not None:
        assert answer == Boolean(expected_boolean.toPython())


def test_the_query_tests_are_all_read():
    names = {str(test).rsplit("#")[-1] for test in QUERY_TESTS}
    assert len(names) == 20
    assert {"query_post_form", "query_dataset_full", "bad_query_non_utf8", "bad_multiple_queries"} <= names


@pytest.mark.e2e
@pytest.mark.parametrize("test", QUERY_TESTS, ids=lambda test: str(test).rsplit("#")[-1])
def test_protocol_query_test(protocol_app, test: URIRef):
    app, url = protocol_app
    graph = MANIFEST_GRAPH
    app.state.store = _store_for(graph, test)
    try:
        requests = Collection(graph, graph.value(graph.value(test, MF.action), HT.requests))
        with httpx.Client(base_url=url, timeout=30) as client:
            for request in requests:
                _check(graph, graph.value(request, HT.resp), _send(client, graph, request))
    finally:
        app.state.store.close()
