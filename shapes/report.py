"""Validation results as reports a person can act on, and refusing data that does not conform."""
from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import SH, NamespaceManager
from rdflib.term import Node

from shapes.validation import HINSH, ValidationResult, Violation, validate

_PREFIXES = {
    "hin": "https://w3id.org/hin/ontology#",
    "hinsh": str(HINSH),
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "sh": str(SH),
}

#: What to do, by the SHACL constraint component that failed.
_ADVICE = {
    SH.MinCountConstraintComponent: "add what the message asks for (path {path}), or do not emit "
                                    "the focus node",
    SH.MaxCountConstraintComponent: "keep one {path} value and drop the others",
    SH.DatatypeConstraintComponent: "write the value with the datatype the message names "
                                    "(labels: a literal with a language tag)",
    SH.NodeKindConstraintComponent: "use an IRI or a literal, as the message says",
    SH.ClassConstraintComponent: "type the value with the class the message names in this graph, "
                                 "or fix the direction or the choice of relation",
    SH.OrConstraintComponent: "type the value with one of the classes the message names in this "
                              "graph, or fix the direction or the choice of relation",
    SH.PatternConstraintComponent: "write the value in the form the message names",
    SH.UniqueLangConstraintComponent: "keep one rdfs:label per language; move the others to "
                                      "skos:altLabel",
    SH.MinInclusiveConstraintComponent: "bring the value into the range the message names",
    SH.MaxInclusiveConstraintComponent: "bring the value into the range the message names",
    SH.LessThanOrEqualsConstraintComponent: "fix the offsets so that start does not exceed end",
    SH.InConstraintComponent: "use one of the values the message lists",
    SH.QualifiedMinCountConstraintComponent: "add the selector the message names",
    SH.QualifiedMaxCountConstraintComponent: "keep one selector of that kind",
    SH.SPARQLConstraintComponent: "assert the triple the fact describes in the same graph, or "
                                  "drop the fact",
}
_DEFAULT_ADVICE = "change the data so that the shape holds"


def _namespaces() -> NamespaceManager:
    manager = NamespaceManager(Graph(bind_namespaces="core"))
    for prefix, namespace in _PREFIXES.items():
        manager.bind(prefix, namespace, override=True)
    return manager


def term_text(node: Node | None, namespaces: NamespaceManager | None = None) -> str:
    """A node or property path in Turtle/SPARQL notation, with HIN's prefixes for vocabulary.

    >>> term_text(URIRef("https://w3id.org/hin/ontology#memberOf"))
    'hin:memberOf'
    >>> term_text(URIRef("https://w3id.org/hin/id/cluster/x"))
    '<https://w3id.org/hin/id/cluster/x>'
    """
    if node is None:
        return "(none)"
    manager = namespaces or _namespaces()
    return node.n3(manager)


def advice(violation: Violation) -> str:
    """What to do about one violation, from the constraint component that failed."""
    path = term_text(violation.path) if violation.path is not None else "value"
    text = _ADVICE.get(violation.component, _DEFAULT_ADVICE).format(path=path)
    return text[0].upper() + text[1:] + "."


def format_report(result: ValidationResult) -> str:
    """A readable validation report: a summary line, then one block per violation.

    Each block names the graph, the focus node, the path, the offending value, the shape's
    message, the shape and what to do.

    Parameters
    ----------
    result : ValidationResult
        What :func:`shapes.validate` returned.

    Returns
    -------
    str
        The report, ending with a newline.
    """
    manager = _namespaces()
    checked = len(result.graphs)
    if result.conforms:
        return f"Valid: {checked} graph(s) conform to the HIN shapes.\n"
    graphs = sorted({str(v.graph) for v in result.violations if v.graph is not None})
    where = f" in {len(graphs)} of {checked} graph(s)" if graphs else ""
    lines = [f"Invalid: {len(result.violations)} violation(s) of the HIN shapes{where}.", ""]
    for number, violation in enumerate(result.violations, start=1):
        lines.append(f"[{number}] {term_text(violation.severity, manager)}")
        if violation.graph is not None:
            lines.append(f"    graph:      {term_text(violation.graph, manager)}")
        focus = term_text(violation.focus_node, manager)
        if violation.context is not None:
            focus += f" (a blank node of {term_text(violation.context, manager)})"
        lines.append(f"    focus node: {focus}")
        path = "(none: the constraint is on the focus node itself)"
        if violation.path is not None:
            path = term_text(violation.path, manager)
        lines.append(f"    path:       {path}")
        if violation.value is not None:
            lines.append(f"    value:      {term_text(violation.value, manager)}")
        lines.append(f"    message:    {violation.message}")
        shape = term_text(violation.source_shape, manager)
        if violation.component is not None:
            shape += f" ({term_text(violation.component, manager)})"
        lines.append(f"    shape:      {shape}")
        lines.append(f"    what to do: {advice(violation)}")
        lines.append("")
    lines.append("Fix the extraction step or the input that produced these nodes and run again; "
                 "docs/shapes.md explains each shape.")
    return "\n".join(lines) + "\n"


class InvalidGraphError(ValueError):
    """The data does not conform to the shapes.

    ``result`` holds the violations as data; the message is the report of :func:`format_report`.
    """

    def __init__(self, result: ValidationResult) -> None:
        super().__init__(format_report(result))
        self.result = result


def require_valid(
    data: Graph, *, shapes: Graph | None = None, ontology: Graph | None = None, engine: str = "auto"
) -> ValidationResult:
    """Validate like :func:`shapes.validate` (same keywords); raise when the data does not conform.

    Ingest and build call this before writing anything, so nothing invalid is written.

    Raises
    ------
    InvalidGraphError
        The data does not conform; its message is the readable report.
    """
    result = validate(data, shapes=shapes, ontology=ontology, engine=engine)
    if not result.conforms:
        raise InvalidGraphError(result)
    return result
