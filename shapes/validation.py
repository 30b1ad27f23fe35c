"""SHACL validation of HIN graphs: each document graph on its own, results as plain data.

A HIN dataset holds one self-contained named graph per source document (docs/rdf-model.md).
pySHACL (0.30 and later) validates a Dataset as the union of its graphs, which would both hide in
which document a violation sits and flag legitimate differences between documents (two documents
in one language naming the same actor differently give two labels per language in the union).
:func:`validate` therefore runs the shapes over each graph on its own and attributes every
violation to its graph: by default as SHACL shapes compiled to SPARQL that check all graphs in one
pass (:mod:`shapes.sparql_validation`), else with one pySHACL run per graph.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyshacl
from rdflib import RDF, BNode, ConjunctiveGraph, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import SH
from rdflib.paths import AlternativePath, InvPath, MulPath, Path as PropertyPath, SequencePath
from rdflib.term import Node

#: The shapes that ship with HIN (SHACL, Turtle).
SHAPES_FILE = Path(__file__).resolve().parent / "hin-shapes.ttl"

#: Namespace of the shapes' IRIs.  ``HINSH.dataGraph`` links a result of a merged report to the
#: named graph it was found in.
HINSH = Namespace("https://w3id.org/hin/shapes#")

_MODIFIERS = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}


@dataclass(frozen=True)
class Violation:
    """One result of a validation report.

    ``path`` is an rdflib property path (``hin:memberOf``, ``^hin:establishes``, ...) or ``None``
    where the constraint is on the focus node itself; ``graph`` is the named graph the focus node
    was checked in (``None`` for a plain Graph or the default graph); ``context`` is, for a blank
    focus node, the nearest IRI that holds it (e.g. the mention a selector belongs to).
    """

    focus_node: Node
    path: URIRef | PropertyPath | None
    message: str
    severity: URIRef
    source_shape: Node
    value: Node | None = None
    graph: URIRef | None = None
    component: URIRef | None = None
    context: URIRef | None = None


@dataclass(frozen=True)
class ValidationResult:
    """What :func:`validate` found: pySHACL's report graph and text, and the results as data."""

    conforms: bool
    report_graph: Graph
    text: str
    violations: list[Violation] = field(default_factory=list)
    graphs: tuple[URIRef | None, ...] = ()  #: the graphs that were checked, in order


def load_shapes(path: Path | str = SHAPES_FILE) -> Graph:
    """Parse a SHACL shapes file (Turtle) into a new graph.

    Parameters
    ----------
    path : pathlib.Path or str
        The shapes file; HIN's own shapes by default.

    Returns
    -------
    rdflib.Graph
        A fresh graph the caller may change.

    Raises
    ------
    OSError
        The file cannot be read.
    SyntaxError
        The file is not valid Turtle; the message names the file.
    """
    graph = Graph()
    text = Path(path).read_text(encoding="utf-8")
    try:
        graph.parse(data=text, format="turtle", publicID=Path(path).resolve().as_uri())
    except Exception as error:  # rdflib raises its parser's own types; report them uniformly
        raise SyntaxError(f"{path}: not valid Turtle ({error}); fix the shapes file") from error
    return graph


@functools.cache
def _default_shapes() -> Graph:
    return load_shapes(SHAPES_FILE)


#: The validation engines: ``sparql`` compiles the shapes to SPARQL run by pyoxigraph
#: (:mod:`shapes.sparql_validation`, same results, much faster), ``pyshacl`` runs pySHACL per graph,
#: ``auto`` uses ``sparql`` unless a shape cannot be compiled or an ontology is given.
ENGINES = ("auto", "sparql", "pyshacl")


def validate(
    data: Graph, *, shapes: Graph | None = None, ontology: Graph | None = None, engine: str = "auto"
) -> ValidationResult:
    """Validate a HIN graph or dataset against SHACL shapes.

    Parameters
    ----------
    data : rdflib.Graph or rdflib.Dataset
        One document graph, or a dataset with one named graph per document.  Each non-empty
        graph of a dataset (the default graph included) is validated on its own.
    shapes : rdflib.Graph, optional
        The shapes to use; HIN's shapes (:data:`SHAPES_FILE`) by default.
    ontology : rdflib.Graph, optional
        Class axioms to mix into each graph before validation (pySHACL ``ont_graph``).  Only
        needed when the data types nodes with subclasses the shapes do not list, such as an
        agreement typed ``hin:LetterOfIntent`` alone; it costs a copy of each graph, and
        validation then runs with pySHACL.
    engine : {"auto", "sparql", "pyshacl"}
        How to validate (:data:`ENGINES`).  ``sparql`` raises
        ``shapes.compiler.UnsupportedShapeError`` (a ValueError naming the shape and the
        component) for shapes it cannot compile, or ``ValueError`` with an ontology; ``auto`` then
        falls back to pySHACL.  All give the same results.

    Returns
    -------
    ValidationResult
        ``conforms`` is true when every graph conforms; ``violations`` lists every result,
        sorted by graph, focus node and shape.

    Examples
    --------
    >>> from rdflib import Graph
    >>> validate(Graph()).conforms
    True
    """
    shapes_graph = _default_shapes() if shapes is None else shapes
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}; use one of {', '.join(ENGINES)}")
    if engine != "pyshacl":
        from shapes.compiler import UnsupportedShapeError, compile_shapes
        from shapes.sparql_validation import validate_sparql

        try:
            if ontology is not None:
                raise ValueError("the sparql engine takes no ontology; use engine='pyshacl'")
            checks = _compiled(shapes_graph) if shapes is None else compile_shapes(shapes_graph)
        except (UnsupportedShapeError, ValueError):
            if engine == "sparql":
                raise
        else:
            return validate_sparql(data, shapes=shapes_graph, checks=checks)
    return validate_pyshacl(data, shapes=shapes_graph, ontology=ontology)


@functools.cache
def _compiled(shapes: Graph) -> list:
    from shapes.compiler import compile_shapes

    return compile_shapes(shapes)


def validate_pyshacl(data: Graph, *, shapes: Graph, ontology: Graph | None = None) -> ValidationResult:
    """:func:`validate` with pySHACL: one run per graph, the reports merged."""
    shapes_graph = shapes
    conforms, texts, violations = True, [], []
    report = Graph(bind_namespaces="core")
    report_node = BNode()
    report.add((report_node, RDF.type, SH.ValidationReport))
    graphs = []
    for name, graph in _document_graphs(data):
        graphs.append(name)
        ok, part, text = pyshacl.validate(
            graph, shacl_graph=shapes_graph, ont_graph=ontology, inference="none",
            advanced=False, allow_warnings=False,
        )
        conforms = conforms and ok
        texts.append(text if name is None else f"Graph <{name}>\n{text}")
        violations.extend(_violations(part, graph, name))
        _merge_report(report, report_node, part, name)
    report.add((report_node, SH.conforms, Literal(conforms)))
    for prefix, namespace in shapes_graph.namespaces():
        report.bind(prefix, namespace, override=False)
    violations.sort(key=violation_order)
    return ValidationResult(conforms, report, "\n".join(texts), violations, tuple(graphs))


def violation_order(violation: Violation) -> tuple[str, ...]:
    """The order of a report: graph, focus node, shape, then component, value and message."""
    return (str(violation.graph or ""), str(violation.focus_node), str(violation.source_shape),
            str(violation.component), str(violation.value or ""), violation.message)


def data_graphs(data: Graph) -> Iterator[tuple[URIRef | None, Graph]]:
    """(name, graph) for each non-empty graph of a dataset, sorted by name, the default graph
    named None; or (None, data) for a plain graph.  The graphs are the dataset's own, not copies.
    """
    if isinstance(data, Dataset):
        contexts, default = data.graphs(), DATASET_DEFAULT_GRAPH_ID
    elif isinstance(data, ConjunctiveGraph):
        contexts, default = data.contexts(), data.default_context.identifier
    else:
        yield None, data
        return
    for context in sorted(contexts, key=lambda g: str(g.identifier)):
        if len(context):
            yield (None if context.identifier == default else context.identifier), context


def _document_graphs(data: Graph) -> Iterator[tuple[URIRef | None, Graph]]:
    """:func:`data_graphs`, each a plain in-memory copy: pySHACL sees exactly one document."""
    if not isinstance(data, ConjunctiveGraph):
        yield None, data
        return
    for name, context in data_graphs(data):
        graph = Graph(namespace_manager=data.namespace_manager)
        graph += context
        yield name, graph


def _violations(report: Graph, data: Graph, name: URIRef | None) -> Iterator[Violation]:
    for result in report.objects(None, SH.result):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        yield Violation(
            focus_node=focus,
            path=None if path is None else property_path(report, path),
            message=_message(report, result),
            severity=report.value(result, SH.resultSeverity) or SH.Violation,
            source_shape=report.value(result, SH.sourceShape),
            value=report.value(result, SH.value),
            graph=name,
            component=report.value(result, SH.sourceConstraintComponent),
            context=context_of(data, focus),
        )


def _message(report: Graph, result: Node) -> str:
    return pick_message(list(report.objects(result, SH.resultMessage)))


def pick_message(messages: list[Node]) -> str:
    """The message of a result to show: an English or untagged one where there is one."""
    english = [m for m in messages if isinstance(m, Literal) and m.language in (None, "en")]
    return str((english or messages or ["(the shape gives no message)"])[0])


def property_path(graph: Graph, node: Node) -> URIRef | PropertyPath:
    """The rdflib path for a SHACL property path written in RDF (SHACL 2.3.1)."""
    if isinstance(node, URIRef):
        return node
    if (node, RDF.first, None) in graph:
        return SequencePath(*(property_path(graph, step) for step in graph.items(node)))
    inverse = graph.value(node, SH.inversePath)
    if inverse is not None:
        return InvPath(property_path(graph, inverse))
    alternatives = graph.value(node, SH.alternativePath)
    if alternatives is not None:
        return AlternativePath(*(property_path(graph, p) for p in graph.items(alternatives)))
    for predicate, modifier in _MODIFIERS.items():
        inner = graph.value(node, predicate)
        if inner is not None:
            return MulPath(property_path(graph, inner), modifier)
    raise ValueError(f"not a SHACL property path: {node!r} in the validation report")


def context_of(data: Graph, focus: Node | None, depth: int = 4) -> URIRef | None:
    """For a blank focus node, the nearest IRI that links to it (a mention for its selector)."""
    node = focus
    for _ in range(depth):
        if not isinstance(node, BNode):
            return node if node is not focus else None
        node = next(iter(data.subjects(None, node)), None)
    return node if isinstance(node, URIRef) else None


def _merge_report(report: Graph, report_node: BNode, part: Graph, name: URIRef | None) -> None:
    """Copy the results of one graph's report into the merged report."""
    part_node = part.value(None, RDF.type, SH.ValidationReport)
    for triple in part:
        if triple[0] != part_node:
            report.add(triple)
    for result in part.objects(part_node, SH.result):
        report.add((report_node, SH.result, result))
        if name is not None:
            report.add((result, HINSH.dataGraph, name))
