"""Federation with real clients, end to end over loopback HTTP (docs/federation.md).

Two endpoints run: HIN over tests/data/sample.trig, and a second, "partner" endpoint (another HIN
app over a small store written below) that knows which programme funds which organisation.  Then:

(a) SPARQLWrapper sends HIN a federated query that HIN evaluates with SERVICE <partner>;
(b) other SPARQL engines federate HIN with the partner in one query: rdflib in another Python
    process, and Comunica (comunica-sparql from the npm registry, installed on first use into
    .cache/npm; node and npm must be on the PATH);
(c) HIN evaluates SERVICE only for endpoints on its allow-list and refuses any other target, and
    a variable target, with ``403 service-not-allowed``.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

ROOT = Path(__file__).resolve().parent.parent
NPM_CACHE = ROOT / ".cache" / "npm"
COMUNICA = "@comunica/query-sparql@4"
COMUNICA_BIN = NPM_CACHE / "node_modules" / ".bin" / "comunica-sparql"

PARTNER_GRAPH = "https://partner.example/graph/funding"
PARTNER_DATA = """\
@prefix fund: <https://partner.example/ns/> .
@prefix organisation: <https://w3id.org/hin/id/organisation/> .
organisation:centech-gmbh fund:fundedBy "Interreg VI-A Deutschland-Nederland" .
organisation:oost-nl fund:fundedBy "Interreg VI-A Deutschland-Nederland", "EFRO Oost" .
organisation:not-in-hin fund:fundedBy "Horizon Europe" .
"""
FUND = "https://partner.example/ns/"  # no "#": rdflib 7 reads "#..." before SERVICE as a comment
ORG = "https://w3id.org/hin/id/organisation/"
#: What joining HIN's Dutch labels (doc-a) with the partner's funding gives.
EXPECTED = {
    (ORG + "centech-gmbh", "CeNTech GmbH", "Interreg VI-A Deutschland-Nederland"),
    (ORG + "oost-nl", "Oost NL", "Interreg VI-A Deutschland-Nederland"),
    (ORG + "oost-nl", "Oost NL", "EFRO Oost"),
}
#: HIN's side of the join: organisations and their Dutch labels.
HIN_PATTERN = ("?org a <https://w3id.org/hin/ontology#Organisation> ; "
               "<http://www.w3.org/2000/01/rdf-schema#label> ?label . FILTER(lang(?label) = 'nl')")
PARTNER_PATTERN = f"?org <{FUND}fundedBy> ?programme"


def federated_query(local: str, service: str, remote: str) -> str:
    return f"SELECT ?org ?label ?programme WHERE {{ {local} SERVICE <{service}> {{ {remote} }} }}"


def rows_of(sparql_json: dict) -> set[tuple[str, ...]]:
    return {(row["org"]["value"], row["label"]["value"], row["programme"]["value"])
            for row in sparql_json["results"]["bindings"]}


@pytest.fixture(scope="module")
def partner_endpoint(live_server: Callable, tmp_path_factory: pytest.TempPathFactory) -> str:
    """URL of the partner's SPARQL endpoint (a second HIN app over PARTNER_DATA)."""
    from graph_api.app import create_app
    from graph_api.oxigraph_store import OxigraphStore
    from graph_api.settings import Settings

    store = OxigraphStore.in_memory()
    store.load_data(PARTNER_DATA, "text/turtle", graph=PARTNER_GRAPH)
    return live_server(create_app(Settings(store=tmp_path_factory.mktemp("partner")), store=store)) + "/sparql"


@pytest.fixture(scope="module")
def federating_hin(live_server: Callable, sample_store, partner_endpoint: str,
                   tmp_path_factory: pytest.TempPathFactory) -> str:
    """URL of a HIN endpoint over the sample data whose allow-list holds the partner endpoint."""
    from graph_api.app import create_app
    from graph_api.settings import Settings

    settings = Settings(store=tmp_path_factory.mktemp("unused"), service_allow_list=[partner_endpoint])
    return live_server(create_app(settings, store=sample_store)) + "/sparql"


# (a) SPARQLWrapper, and (c) HIN's own SERVICE under the allow-list

@pytest.mark.e2e
@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_gets_a_join_that_hin_federates(federating_hin, partner_endpoint, method):
    client = SPARQLWrapper(federating_hin)
    client.setMethod(method)
    client.setQuery(federated_query(HIN_PATTERN, partner_endpoint, PARTNER_PATTERN))
    client.setReturnFormat(JSON)
    assert rows_of(client.query().convert()) == EXPECTED


@pytest.mark.e2e
def test_hin_refuses_a_service_not_on_its_allow_list(federating_hin, sample_server, partner_endpoint):
    for endpoint in (federating_hin.removesuffix("/sparql"), sample_server):
        for target in ("http://127.0.0.1:9/sparql", partner_endpoint + "?x=1"):
            response = httpx.get(endpoint + "/sparql", params={
                "query": federated_query(HIN_PATTERN, target, PARTNER_PATTERN)})
            assert response.status_code == 403
            error = response.json()["error"]
            assert error["code"] == "service-not-allowed"
            assert f"SERVICE <{target}> is not on this server's allow-list" in error["message"]
    # the server without an allow-list refuses even the partner
    response = httpx.get(sample_server + "/sparql", params={
        "query": federated_query(HIN_PATTERN, partner_endpoint, PARTNER_PATTERN)})
    assert response.json()["error"]["code"] == "service-not-allowed"
    assert "service_allow_list is empty" in response.json()["error"]["message"]


@pytest.mark.e2e
@pytest.mark.parametrize("query", [
    "SELECT * WHERE { VALUES ?e { <{partner}> } SERVICE ?e { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE <{partner}> { ?s ?p ?o } SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "PREFIX p: <http://127.0.0.1:9/> SELECT * WHERE { FILTER EXISTS { SERVICE p:sparql { ?s ?p ?o } } }",
])
def test_variable_silent_nested_and_escaped_targets_are_refused(federating_hin, partner_endpoint, query):
    response = httpx.post(federating_hin, content=query.replace("{partner}", partner_endpoint),
                          headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 403, response.text
    assert response.json()["error"]["code"] == "service-not-allowed"


@pytest.mark.e2e
def test_a_relative_service_iri_resolves_before_the_check(federating_hin, partner_endpoint):
    base, _, name = partner_endpoint.rpartition("/")
    query = f"BASE <{base}/> " + federated_query(HIN_PATTERN, name, PARTNER_PATTERN)
    response = httpx.get(federating_hin, params={"query": query})
    assert response.status_code == 200, response.text
    assert rows_of(response.json()) == EXPECTED


# (b) other engines federating HIN

RDFLIB_SCRIPT = textwrap.dedent('''\
    import json, sys
    from rdflib import Graph
    graph = Graph()
    graph.parse(data=sys.argv[1], format="turtle")
    rows = graph.query(sys.argv[2])
    print(json.dumps([[str(row.org), str(row.label), str(row.programme)] for row in rows]))
''')


@pytest.mark.e2e
def test_rdflib_in_another_process_federates_hin_with_its_own_data(sample_server):
    query = federated_query(PARTNER_PATTERN + " .", sample_server + "/sparql", HIN_PATTERN)
    done = subprocess.run([sys.executable, "-c", RDFLIB_SCRIPT, PARTNER_DATA, query],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert {tuple(row) for row in json.loads(done.stdout)} == EXPECTED


def comunica_sparql() -> Path:
    """The comunica-sparql command, installed from the npm registry into .cache/npm on first use."""
    if COMUNICA_BIN.exists():
        return COMUNICA_BIN
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        pytest.fail("the Comunica federation test needs Node.js 18+ and npm on the PATH "
                    "(Debian: apt-get install nodejs npm); neither was found")
    NPM_CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([npm, "install", "--prefix", str(NPM_CACHE), "--no-audit", "--no-fund", COMUNICA],
                          capture_output=True, text=True, timeout=900)
    if done.returncode != 0 or not COMUNICA_BIN.exists():
        pytest.fail(f"npm install {COMUNICA} into {NPM_CACHE} failed:\n{done.stderr[-2000:]}")
    return COMUNICA_BIN


@pytest.mark.e2e
def test_comunica_federates_hin_and_the_partner_with_service(sample_server, partner_endpoint):
    command = comunica_sparql()
    query = federated_query(HIN_PATTERN, partner_endpoint, PARTNER_PATTERN)
    # Comunica forwards the whole query to a lone SPARQL-endpoint source (HIN would then evaluate the
    # SERVICE itself, and refuse it); with the partner as a second source, Comunica plans the join
    # and calls SERVICE <partner> itself.
    done = subprocess.run([str(command), f"sparql@{sample_server}/sparql", f"sparql@{partner_endpoint}", "-q", query,
                           "-t", "application/sparql-results+json"],
                          capture_output=True, text=True, timeout=180, env={**os.environ, "NODE_NO_WARNINGS": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert rows_of(json.loads(done.stdout)) == EXPECTED
