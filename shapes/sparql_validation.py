"""SHACL validation as compiled SPARQL on an in-memory pyoxigraph store: pySHACL's results, faster.

:func:`validate_sparql` copies the data into an in-memory oxigraph store (terms encoded by
:mod:`shapes.terms`, so every literal keeps its exact form), runs each query that
:func:`shapes.compiler.compile_shapes` made whose focus nodes are in the data, and turns the rows
into the same
:class:`~shapes.validation.Violation` values that one pySHACL run per graph gives: focus node,
path, value, severity, source shape, component, graph, context and message.  The report graph
and text are built from those results.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from itertools import islice

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node

from shapes.compiler import Check, compile_shapes
from shapes.memory import collector_paused
from shapes.report_graph import report_graph, report_text
from shapes.terms import decode, encode
from shapes.validation import (
    ValidationResult,
    Violation,
    context_of,
    data_graphs,
    pick_message,
    property_path,
    violation_order,
)

_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
SUBCLASS_OF = ox.NamedNode(_SUBCLASS)
#: The step of class checks that follows rdfs:subClassOf; dropped when the data has no such triple
#: (the same answers, found faster).
SUBCLASS_STEP = f"/<{_SUBCLASS}>*"

#: The store graph that holds the data's default graph (validated as the graph named None).
DEFAULT_GRAPH = ox.NamedNode("urn:x-hin:default-graph")
_CHUNK = 100_000


def load_store(data: Graph) -> tuple[ox.Store, dict[ox.NamedNode, tuple[URIRef | None, Graph]]]:
    """An in-memory store with the data's non-empty graphs, and each store graph's name and graph.

    The default graph (or a plain Graph) goes into :data:`DEFAULT_GRAPH`.
    """
    store, names = ox.Store(), {}
    with collector_paused():
        for name, graph in data_graphs(data):
            target = DEFAULT_GRAPH if name is None else ox.NamedNode(str(name))
            names[target] = (name, graph)
            quads = (ox.Quad(_term(s), _term(p), _term(o), target) for s, p, o in triples_of(graph))
            while batch := list(islice(quads, _CHUNK)):
                store.extend(batch)
    return store, names


def _term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """:func:`shapes.terms.encode`, the two common cases first (this sees every term of the data)."""
    kind = node.__class__
    return ox.NamedNode(node) if kind is URIRef else ox.BlankNode(node) if kind is BNode else encode(node)


def triples_of(graph: Graph) -> Iterable[tuple[Node, Node, Node]]:
    """The triples of ``graph``; for a graph of rdflib's memory store (a Dataset's graph too)
    straight from the store's index of each graph's triples.

    Iterating a graph of a memory store looks up, for every triple, all graphs that hold it,
    which took a third of the copy's time; the index is private to rdflib (checked for here,
    else the graph is iterated).
    """
    store = graph.store
    index = getattr(store, "_Memory__contextTriples", None)
    key = getattr(store, "_Memory__ctx_to_str", None)
    if type(store) is not Memory or not isinstance(index, dict) or key is None:
        return graph
    return index.get(key(graph), ())


def validate_sparql(data: Graph, *, shapes: Graph, per_graph: bool = True,
                    checks: list[Check] | None = None) -> ValidationResult:
    """Validate like :func:`shapes.validate` with pySHACL, by compiled SPARQL queries.

    Parameters
    ----------
    data : rdflib.Graph or rdflib.Dataset
        The data; a dataset's non-empty graphs are checked each on its own (``per_graph``).
    shapes : rdflib.Graph
        The shapes.
    per_graph : bool
        False: check the union of a dataset's graphs as one graph, like one pySHACL run over the
        whole data (results then have no graph).
    checks : list of Check, optional
        Queries compiled before from ``shapes`` with the same ``per_graph``.

    Raises
    ------
    shapes.compiler.UnsupportedShapeError
        A shape cannot be compiled (only when ``checks`` is not given).
    """
    checks = compile_shapes(shapes, per_graph=per_graph) if checks is None else checks
    store, names = load_store(data)
    every = [graph for _, graph in names.values()]
    violations = []
    for check in _applicable(checks, store, per_graph):
        path = None if check.path is None else property_path(shapes, check.path)
        solutions = store.query(check.query, use_default_graph_as_union=not per_graph)
        variables = [v.value for v in solutions.variables]
        for row in solutions:
            bound = {name: decode(row[name]) for name in variables if row[name] is not None}
            value = bound.get("value")
            if check.keep is not None and getattr(value, "value", "") is None and not check.keep(value):
                continue
            name, graph = names[row["g"]] if per_graph else (None, None)
            focus = bound["this"]
            violations.append(Violation(
                focus_node=focus, path=path, message=_message(check, bound),
                severity=check.severity, source_shape=check.shape, value=value,
                graph=name, component=check.component,
                context=_context(focus, every if graph is None else [graph])))
    violations.sort(key=violation_order)
    graphs = tuple(name for name, _ in names.values()) if per_graph else (None,)
    conforms = not violations
    return ValidationResult(conforms, report_graph(violations, shapes, conforms),
                            report_text(violations, conforms), violations, graphs)


def _applicable(checks: list[Check], store: ox.Store, per_graph: bool) -> list[Check]:
    """The checks with focus nodes in ``store``, without the rdfs:subClassOf step (in the
    query and the target) when the data has no rdfs:subClassOf triple: the same answers, faster."""
    if not any(True for _ in store.quads_for_pattern(None, SUBCLASS_OF, None)):
        checks = [replace(check, query=check.query.replace(SUBCLASS_STEP, ""),
                          target=check.target.replace(SUBCLASS_STEP, "")) for check in checks]
    found: dict[str, bool] = {}
    for target in {check.target for check in checks}:
        pattern = f"GRAPH ?g {{ {target} }}" if per_graph else target
        found[target] = store.query(f"ASK {{ {pattern} }}", use_default_graph_as_union=not per_graph)
    return [check for check in checks if found[check.target]]


def _context(focus: Node, graphs: Iterable[Graph]) -> URIRef | None:
    """For a blank focus node, the nearest IRI holding it (:func:`shapes.validation.context_of`)."""
    if not isinstance(focus, BNode):
        return None
    return next((found for graph in graphs if (found := context_of(graph, focus)) is not None), None)


def _message(check: Check, bound: dict[str, Node]) -> str:
    """The result message: the shape's, with ``{?var}`` filled in for a SPARQL constraint."""
    message = pick_message(list(check.messages))
    if check.substitute:
        for name, value in bound.items():
            message = re.sub("{{[?$]{}}}".format(name), str(value), message)
    return message

