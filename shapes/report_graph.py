"""A SHACL validation report graph and text made from :class:`~shapes.validation.Violation` data.

The SPARQL validator (:mod:`shapes.sparql_validation`) has no pySHACL report to merge; it builds
the same kind of report here: one ``sh:ValidationReport`` whose ``sh:result`` nodes carry focus
node, path (copied from the shapes graph), value, severity, source shape, component, message and,
for a named graph, ``hinsh:dataGraph``.
"""
from __future__ import annotations

from collections.abc import Sequence

from rdflib import RDF, BNode, Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from shapes.validation import HINSH, Violation


def report_graph(violations: Sequence[Violation], shapes: Graph, conforms: bool) -> Graph:
    """The report graph for ``violations`` (paths are written as SHACL paths again)."""
    report = Graph(bind_namespaces="core")
    node = BNode()
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, SH.conforms, Literal(conforms)))
    for violation in violations:
        result = BNode()
        report.add((node, SH.result, result))
        report.add((result, RDF.type, SH.ValidationResult))
        report.add((result, SH.focusNode, violation.focus_node))
        report.add((result, SH.resultSeverity, violation.severity))
        report.add((result, SH.sourceShape, violation.source_shape))
        report.add((result, SH.resultMessage, Literal(violation.message)))
        if violation.component is not None:
            report.add((result, SH.sourceConstraintComponent, violation.component))
        if violation.value is not None:
            report.add((result, SH.value, violation.value))
        if violation.graph is not None:
            report.add((result, HINSH.dataGraph, violation.graph))
        path = shapes.value(violation.source_shape, SH.path)
        if violation.path is not None and path is not None:
            report.add((result, SH.resultPath, path))
            _copy_blank(shapes, path, report)
    for prefix, namespace in shapes.namespaces():
        report.bind(prefix, namespace, override=False)
    return report


def _copy_blank(source: Graph, node: Node, target: Graph) -> None:
    """Copy the triples about a blank node, and the blank nodes they reach, into ``target``."""
    if not isinstance(node, BNode):
        return
    for predicate, value in source.predicate_objects(node):
        if (node, predicate, value) not in target:
            target.add((node, predicate, value))
            _copy_blank(source, value, target)


def report_text(violations: Sequence[Violation], conforms: bool) -> str:
    """A plain-text report in the layout of pySHACL's."""
    lines = ["Validation Report", f"Conforms: {conforms}"]
    if violations:
        lines.append(f"Results ({len(violations)}):")
    for violation in violations:
        component = violation.component.n3() if violation.component is not None else "(none)"
        lines += [f"Constraint Violation in {component}:",
                  f"\tSeverity: {violation.severity.n3()}",
                  f"\tSource Shape: {violation.source_shape.n3()}",
                  f"\tFocus Node: {violation.focus_node.n3()}"]
        if violation.value is not None:
            lines.append(f"\tValue Node: {violation.value.n3()}")
        if violation.path is not None:
            lines.append(f"\tResult Path: {violation.path.n3()}")
        if violation.graph is not None:
            lines.append(f"\tGraph: {violation.graph.n3()}")
        lines.append(f"\tMessage: {violation.message}")
    return "\n".join(lines) + "\n"
