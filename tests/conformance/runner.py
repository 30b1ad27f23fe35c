"""Running a W3C query evaluation test through HIN's HTTP endpoint.

Test wiring: one HIN app is served on a loopback port for the whole run, and each test swaps a
fresh in-memory store into ``app.state.store`` before it sends its query (starting a server per
test would take minutes).  The store is made with ``stored_default=True``, so that the default
graph is exactly the test's ``qt:data``, as the suite expects, not the union of the named graphs
that HIN serves by default.  Data files are loaded with their own ``file:`` URL as base, and each
``qt:graphData`` file becomes the named graph of that URL.

The query is sent as the suite's file says it, with one line before it, ``BASE <file URL of the
.rq>``: the suite resolves relative IRIs against the query file's location (``FROM <data.ttl>``,
``GRAPH <ng-01.ttl>``), and over HTTP the server cannot know it.  It is sent by POST as
``application/sparql-query`` with ``Accept`` for the format of the expected answer (SPARQL XML for
``.srx``, JSON for ``.srj``, CSV, TSV, Turtle for graphs), and the answer is read by the parsers of
:mod:`tests.conformance.results` and compared by :mod:`tests.conformance.compare`.
"""
from __future__ import annotations

from dataclasses import dataclass

import httpx
import pyoxigraph as ox
from fastapi import FastAPI

from graph_api.oxigraph_store import OxigraphStore
from graph_api.sparql_endpoint import query_form
from tests.conformance.compare import graphs_isomorphic, has_top_level_order_by, rows_isomorphic
from tests.conformance.manifest import EvaluationTest
from tests.conformance.results import (
    PARSERS,
    RS,
    Boolean,
    Solutions,
    parse_csv,
    parse_graph,
    parse_json,
    parse_result_set_graph,
    parse_tsv,
    parse_xml,
)

#: Expected-result file suffix -> media type asked for in Accept (graph results: see _accept).
RESULT_SUFFIXES = {
    ".srx": "application/sparql-results+xml",
    ".srj": "application/sparql-results+json",
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
}
_GRAPH_SUFFIXES = {".ttl": "text/turtle", ".rdf": "application/rdf+xml", ".nt": "application/n-triples"}
_EXPECTED_PARSERS = {".srx": parse_xml, ".srj": parse_json, ".csv": parse_csv, ".tsv": parse_tsv}


@dataclass(frozen=True)
class Outcome:
    """A test's verdict and, when it failed, why."""

    passed: bool
    reason: str = ""


def load_test_store(test: EvaluationTest) -> OxigraphStore:
    """A fresh in-memory store holding the test's dataset (qt:data in the default graph)."""
    store = OxigraphStore.in_memory(stored_default=True)
    for path in test.data:
        store.oxigraph.load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:]),
                            base_iri=path.as_uri())
    for path in test.graph_data:
        store.oxigraph.load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:]),
                            base_iri=path.as_uri(), to_graph=ox.NamedNode(path.as_uri()))
    return store


def _expected(test: EvaluationTest) -> tuple[Solutions | Boolean | list, bool]:
    """The expected answer (solutions, boolean or triples) and whether it carries its own order."""
    suffix = test.result.suffix
    data = test.result.read_bytes()
    if suffix in _EXPECTED_PARSERS:
        return _EXPECTED_PARSERS[suffix](data), False
    triples = parse_graph(data, _GRAPH_SUFFIXES[suffix], base_iri=test.result.as_uri())
    if any(o == ("iri", RS + "ResultSet") for _, _, o in triples):
        return parse_result_set_graph(triples)
    return triples, False


def _accept(test: EvaluationTest, form: str | None) -> str:
    if test.result.suffix in RESULT_SUFFIXES:
        return RESULT_SUFFIXES[test.result.suffix]
    return "text/turtle" if form in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json"


def compare_answers(expected: Solutions | Boolean | list, actual: Solutions | Boolean | list,
                    ordered: bool) -> Outcome:
    """Compare an expected and an actual answer of the same test."""
    if isinstance(expected, Boolean) or isinstance(actual, Boolean):
        if expected == actual:
            return Outcome(True)
        return Outcome(False, f"expected {expected}, got {actual}")
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return Outcome(False, "expected a graph, got solutions")
        if graphs_isomorphic(expected, actual):
            return Outcome(True)
        return Outcome(False, f"graphs differ: expected {len(expected)} triples, got {len(actual)}: "
                       f"{sorted(set(actual) - set(expected))[:3]}")
    if not isinstance(actual, Solutions):
        return Outcome(False, "expected solutions, got a graph")
    if set(expected.variables) != set(actual.variables):
        return Outcome(False, f"variables differ: expected {expected.variables}, got {actual.variables}")
    if rows_isomorphic(expected.rows, actual.rows, ordered=ordered):
        return Outcome(True)
    if ordered and rows_isomorphic(expected.rows, actual.rows):
        return Outcome(False, "the same solutions in another order")
    return Outcome(False, f"solutions differ: expected {len(expected.rows)} rows, got {len(actual.rows)}; "
                   f"first expected {expected.rows[:2]}, first got {actual.rows[:2]}")


def run_test(test: EvaluationTest, app: FastAPI, client: httpx.Client) -> Outcome:
    """Load the test's data into ``app``, send its query over HTTP and judge the answer.

    ``client`` has the served app's base URL as ``base_url``.
    """
    text = test.query.read_text(encoding="utf-8")
    form = query_form(text)
    store = load_test_store(test)
    app.state.store = store
    try:
        response = client.post("/sparql", content=f"BASE <{test.query.as_uri()}>\n{text}".encode(),
                               headers={"Content-Type": "application/sparql-query",
                                        "Accept": _accept(test, form)})
    finally:
        store.close()
    if response.status_code != 200:
        return Outcome(False, f"HTTP {response.status_code}: {response.text[:300]}")
    media_type = response.headers["content-type"].split(";")[0].strip()
    if media_type in PARSERS:
        actual = PARSERS[media_type](response.content)
    else:
        actual = parse_graph(response.content, media_type)
    expected, indexed = _expected(test)
    return compare_answers(expected, actual, ordered=indexed or has_top_level_order_by(text))
