"""Reading the W3C SPARQL 1.1 test manifests (http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#).

A manifest is Turtle parsed with its own file URL as base, so every file it names is a ``file:``
URL of the vendored copy in tests/data/w3c/.  ``<> a mf:Manifest`` lists its tests in the RDF list
``mf:entries``; a query evaluation test's ``mf:action`` names ``qt:query``, ``qt:data`` (loaded into
the default graph) and ``qt:graphData`` (each loaded as a named graph named by its URL), and
``mf:result`` the expected answer.  ``dawgt:approval`` tells approved tests from proposed ones.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
DAWGT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#")

#: The vendored suite (tests/data/w3c/README.md says where it comes from).
SUITE_DIR = Path(__file__).resolve().parent.parent / "data" / "w3c" / "sparql11"
#: The query-evaluation categories HIN runs, in the suite's order.
QUERY_CATEGORIES = ("aggregates", "bind", "bindings", "cast", "construct", "exists", "functions",
                    "grouping", "negation", "project-expression", "property-path", "subquery",
                    "json-res", "csv-tsv-res")
#: Test kinds that evaluate a query and compare its answer.
EVALUATION_KINDS = {MF.QueryEvaluationTest: "QueryEvaluationTest", MF.CSVResultFormatTest: "CSVResultFormatTest"}


@dataclass(frozen=True)
class EvaluationTest:
    """One query evaluation test: where its files are and what it expects."""

    category: str
    name: str
    iri: str
    kind: str
    approved: bool
    query: Path
    data: tuple[Path, ...]
    graph_data: tuple[Path, ...]
    result: Path | None

    @property
    def id(self) -> str:
        """``category/local-name``, as the pytest id and in docs/conformance.md."""
        return f"{self.category}/{self.iri.rsplit('#', 1)[-1]}"


def file_path(iri: URIRef | str) -> Path:
    """The local path of a ``file:`` URL."""
    parsed = urlparse(str(iri))
    if parsed.scheme != "file":
        raise ValueError(f"{iri}: expected a file: URL of the vendored suite")
    return Path(unquote(parsed.path))


def load_manifest(path: Path) -> Graph:
    """The manifest at ``path`` as an rdflib graph, its relative IRIs resolved against its file URL."""
    graph = Graph()
    graph.parse(path, format="turtle", publicID=path.resolve().as_uri())
    return graph


def manifest_entries(graph: Graph, path: Path) -> list[URIRef]:
    """The tests a manifest lists in ``mf:entries``, in order."""
    head = graph.value(URIRef(path.resolve().as_uri()), MF.entries)
    return [] if head is None else list(Collection(graph, head))


def evaluation_tests(category: str, suite: Path = SUITE_DIR) -> list[EvaluationTest]:
    """The query evaluation tests of one category folder, in manifest order.

    Raises
    ------
    ValueError
        A test lacks ``qt:query`` (the manifest is not one of the query manifests).
    """
    path = suite / category / "manifest.ttl"
    graph = load_manifest(path)
    tests = []
    for entry in manifest_entries(graph, path):
        kind = graph.value(entry, RDF.type)
        if kind not in EVALUATION_KINDS:
            continue
        action = graph.value(entry, MF.action)
        query = graph.value(action, QT.query)
        if query is None:
            raise ValueError(f"{path}: test {entry} has no qt:query")
        result = graph.value(entry, MF.result)
        tests.append(EvaluationTest(
            category=category,
            name=str(graph.value(entry, MF.name) or entry),
            iri=str(entry),
            kind=EVALUATION_KINDS[kind],
            approved=graph.value(entry, DAWGT.approval) == DAWGT.Approved,
            query=file_path(query),
            data=tuple(sorted(file_path(d) for d in graph.objects(action, QT.data))),
            graph_data=tuple(sorted(file_path(g) for g in graph.objects(action, QT.graphData))),
            result=file_path(result) if result is not None else None,
        ))
    return tests


def approved_query_tests(suite: Path = SUITE_DIR) -> list[EvaluationTest]:
    """Every approved query evaluation test of :data:`QUERY_CATEGORIES`."""
    return [test for category in QUERY_CATEGORIES for test in evaluation_tests(category, suite)
            if test.approved]
