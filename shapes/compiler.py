"""SHACL Core shapes compiled to SPARQL SELECT queries, one per shape and constraint component.

Each :class:`Check` is one query whose rows are validation results: ``?this`` the focus node,
``?value`` the value (when the component reports one) and ``?g`` the named graph.  In per-graph
mode every pattern sits in ``GRAPH ?g { ... }``, so a query checks every document graph on its own
in one pass, with exactly the semantics of one pySHACL run per graph; in whole-graph mode the same
pattern runs over the union of the graphs.  Data terms are encoded by :mod:`shapes.terms`.

Supported: targets ``sh:targetClass`` (with ``rdfs:subClassOf*``), ``sh:targetNode``,
``sh:targetSubjectsOf``, ``sh:targetObjectsOf`` and implicit class targets; every SHACL property
path; ``sh:property`` of a node shape; the components class, datatype, nodeKind, in, pattern
(with flags), minLength, maxLength, languageIn, min/maxInclusive, min/maxExclusive, minCount,
maxCount, uniqueLang, lessThan, lessThanOrEquals, and, or, not, xone (of shapes made of the
value components above), qualifiedValueShape with qualifiedMin/MaxCount (not disjoint) and
SPARQL constraints whose ``$this`` only appears in the projection or in plain top-level patterns.
Anything else raises :class:`UnsupportedShapeError` naming the shape and the component.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL, SH, XSD
from pyshacl.rdfutil.compare import compare_literal
from rdflib.term import Node

from shapes.terms import BAD_PREFIX, TYPED_VALUE, encoded_datatype, sparql_term

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
#: Predicates of a shape that constrain nothing.
_INERT = {RDF.type, SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group,
          SH.defaultValue, SH.path, SH.deactivated, SH.property, SH.declare, SH.prefixes,
          SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint, SH.flags,
          *_TARGETS}
_NODE_KINDS = {SH.IRI: "isIRI(?v)", SH.BlankNode: "isBlank(?v)", SH.Literal: "isLiteral(?v)",
               SH.BlankNodeOrIRI: "!isLiteral(?v)", SH.BlankNodeOrLiteral: "!isIRI(?v)",
               SH.IRIOrLiteral: "!isBlank(?v)"}
_RANGES = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_PAIRS = {SH.lessThan: "<", SH.lessThanOrEquals: "<="}
_STRINGISH = (f'(isLiteral({{v}}) && (LANG({{v}}) != "" || DATATYPE({{v}}) = <{XSD.string}> '
              f'|| DATATYPE({{v}}) = {encoded_datatype(XSD.string)}))')
#: Datatypes whose well-typed literals rdflib gives a Python value for.
_VALUED = [XSD.string, XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.boolean, XSD.dateTime,
           XSD.date, XSD.time, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.negativeInteger,
           XSD.nonPositiveInteger, XSD.long, XSD.int, XSD.short, XSD.byte, XSD.unsignedLong,
           XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte]
#: A literal rdflib has no value for: ill-typed, or of a datatype it does not know.
_NO_VALUE = (f'(isLiteral(?value) && LANG(?value) = "" && DATATYPE(?value) != <{XSD.string}> && '
             f'DATATYPE(?value) NOT IN ({", ".join(encoded_datatype(d) for d in _VALUED)}))')
_THIS = re.compile(r"[?$]this\b")
_NOT_PLAIN = re.compile(r"\b(EXISTS|MINUS|OPTIONAL|SELECT|SERVICE|GRAPH|VALUES|BIND|UNION|FROM)\b", re.I)


class UnsupportedShapeError(ValueError):
    """A shape uses what :func:`compile_shapes` cannot compile; validate it with pySHACL."""

    def __init__(self, shape: Node, component: str, why: str = "not supported by the compiler") -> None:
        super().__init__(f"shape {shape.n3()}: {component} {why}; validate with pySHACL "
                         "(validate(..., engine='pyshacl'))")
        self.shape, self.component = shape, component


@dataclass(frozen=True)
class Check:
    """One compiled query: its rows are results of ``component`` of ``shape``."""

    shape: Node
    component: URIRef
    query: str
    path: Node | None  #: the shape's sh:path node in the shapes graph (None for a node shape)
    severity: URIRef
    messages: tuple[Literal, ...]  #: the shape's sh:message values (SPARQL: the constraint's)
    substitute: bool = False  #: fill {?var} in the messages from the row (SPARQL constraints)
    #: For a row whose ``?value`` is an ill-typed literal: whether it is a result (value ranges,
    #: where pySHACL's comparison decides, see :func:`range_fails`).
    keep: Callable[[Node], bool] | None = None
    #: The SPARQL group binding ``?this`` to the focus nodes (in a graph); where it matches
    #: nothing, the query finds nothing.
    target: str = ""


def compile_shapes(shapes: Graph, *, per_graph: bool = True) -> list[Check]:
    """Compile every shape with targets into SPARQL checks.

    Parameters
    ----------
    shapes : rdflib.Graph
        SHACL shapes (Core, SPARQL constraints as described in the module notes).
    per_graph : bool
        Check each named graph on its own (``?g`` bound) rather than their union.

    Raises
    ------
    UnsupportedShapeError
        A shape uses a component or form the compiler does not know.
    """
    parents: dict[Node, list[Node]] = {}
    for parent, child in shapes.subject_objects(SH.property):
        parents.setdefault(child, []).append(parent)
    checks = []
    for shape in _shapes(shapes):
        if shapes.value(shape, SH.deactivated) == Literal(True):
            continue
        for target in _focus_groups(shapes, shape, parents, frozenset()):
            checks.extend(_Shape(shapes, shape, target, per_graph).checks())
    return checks


def _shapes(shapes: Graph) -> list[Node]:
    found = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    found |= set(shapes.subjects(SH.path, None)) | set(shapes.objects(None, SH.property))
    for predicate in _TARGETS:
        found |= set(shapes.subjects(predicate, None))
    return sorted(found, key=str)


def _focus_groups(shapes: Graph, shape: Node, parents: dict, seen: frozenset) -> list[str]:
    """SPARQL groups binding ``?this`` to focus nodes of ``shape``: its own targets, and those of
    each node shape that has it as ``sh:property`` (pySHACL validates it once for each)."""
    if shape in seen:
        return []
    own = _target(shapes, shape)
    groups = [] if own is None else [own]
    for parent in parents.get(shape, []):
        if shapes.value(parent, SH.deactivated) == Literal(True):
            continue
        if shapes.value(parent, SH.path) is not None:
            raise UnsupportedShapeError(parent, "sh:property", "of a property shape is not supported")
        groups += _focus_groups(shapes, parent, parents, seen | {shape})
    return groups


def _target(shapes: Graph, shape: Node) -> str | None:
    """A SPARQL group binding ``?this`` to the targets of ``shape``, or None if it has none."""
    parts = [f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* {sparql_term(c)} }}"
             for c in shapes.objects(shape, SH.targetClass)]
    if (shape, RDF.type, RDFS.Class) in shapes or (shape, RDF.type, OWL.Class) in shapes:
        parts.append(f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* {sparql_term(shape)} }}")
    parts += [f"{{ VALUES ?this {{ {sparql_term(n)} }} }}" for n in shapes.objects(shape, SH.targetNode)]
    parts += [f"{{ ?this {sparql_term(p)} ?_t }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    parts += [f"{{ ?_t {sparql_term(p)} ?this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
    if (shape, SH.target, None) in shapes:
        raise UnsupportedShapeError(shape, "sh:target (SPARQL-based targets)")
    return " UNION ".join(parts) if parts else None


def sparql_path(shapes: Graph, node: Node, shape: Node) -> str:
    """The SPARQL property path for a SHACL path written in RDF (SHACL 2.3.1)."""
    if isinstance(node, URIRef):
        return sparql_term(node)
    if (node, RDF.first, None) in shapes:
        return "(" + "/".join(sparql_path(shapes, step, shape) for step in shapes.items(node)) + ")"
    for predicate, form in ((SH.inversePath, "^({})"), (SH.zeroOrMorePath, "({})*"),
                            (SH.oneOrMorePath, "({})+"), (SH.zeroOrOnePath, "({})?")):
        inner = shapes.value(node, predicate)
        if inner is not None:
            return form.format(sparql_path(shapes, inner, shape))
    alternatives = shapes.value(node, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(sparql_path(shapes, p, shape) for p in shapes.items(alternatives)) + ")"
    raise UnsupportedShapeError(shape, "sh:path", f"is no SHACL property path ({node!r})")


class _Shape:
    """The checks of one shape with focus nodes."""

    def __init__(self, shapes: Graph, shape: Node, target: str, per_graph: bool) -> None:
        self.g, self.shape, self.target, self.per_graph = shapes, shape, target, per_graph
        self.path = shapes.value(shape, SH.path)
        self.severity = shapes.value(shape, SH.severity) or SH.Violation
        self.messages = tuple(shapes.objects(shape, SH.message))
        # a node shape's value is the focus node, bound inside the graph's group (a BIND there
        # cannot see a ?this bound outside it)
        self.values = f"{{ {target} }} BIND(?this AS ?value)" if self.path is None else \
            f"?this {sparql_path(shapes, self.path, shape)} ?value"
        #: The distinct focus nodes (with their graph), to join the rest of a query with.
        self.focus = (f"{{ SELECT DISTINCT ?g ?this WHERE {{ GRAPH ?g {{ {target} }} }} }}" if per_graph
                      else f"{{ SELECT DISTINCT ?this WHERE {{ {target} }} }}")

    def checks(self) -> Iterator[Check]:
        done = set()
        for predicate in sorted(set(self.g.predicates(self.shape, None)), key=str):
            if predicate in done or predicate in _INERT or not str(predicate).startswith(str(SH)):
                continue
            if predicate == SH.sparql:
                for constraint in self.g.objects(self.shape, SH.sparql):
                    yield self._sparql(constraint)
            elif predicate in (SH.minCount, SH.maxCount):
                yield self._count(predicate)
            elif predicate == SH.uniqueLang:
                if self.g.value(self.shape, predicate) == Literal(True):
                    yield self._unique_lang()
            elif predicate in _PAIRS:
                yield self._pair(predicate)
            elif predicate == SH.qualifiedValueShape:
                yield from self._qualified()
            else:
                component = _component(predicate)
                condition = _on_value(self._condition(predicate))
                keep = None
                if predicate in _RANGES:  # literals rdflib has no value for: pySHACL's comparison decides
                    condition = f"{_NO_VALUE} || !COALESCE({condition}, false)"
                    keep = partial(range_fails, predicate, self.g.value(self.shape, predicate))
                else:
                    condition = f"!COALESCE({condition}, false)"
                yield self._check(component, "SELECT DISTINCT {g} ?this ?value WHERE {{ {inner} }}",
                                  f"{self.values} {self._failing(condition)}", keep)
            done.add(predicate)

    # -- one result per value node ------------------------------------------------------------

    def _condition(self, predicate: URIRef, shape: Node | None = None) -> str:
        """A SPARQL condition on ``?v`` that holds when the component is satisfied."""
        shape = self.shape if shape is None else shape
        objects = list(self.g.objects(shape, predicate))
        if len(objects) != 1:
            raise UnsupportedShapeError(shape, _name(predicate), f"needs one value, not {len(objects)}")
        value = objects[0]
        condition = _value_condition(self.g, shape, predicate, value)
        if condition is None:
            if predicate in (SH["or"], SH["and"], SH["not"], SH.xone):
                return self._logical(predicate, value, shape)
            raise UnsupportedShapeError(shape, _name(predicate))
        return condition

    def _shape_condition(self, shape: Node, outer: Node) -> str:
        """The condition that ``?value`` conforms to a nested shape of value components only."""
        parts = []
        for predicate in sorted(set(self.g.predicates(shape, None)), key=str):
            if predicate in (SH.message, SH.severity, RDF.type, SH.name, SH.description):
                continue
            if predicate in _INERT or predicate in (SH.minCount, SH.maxCount, SH.uniqueLang,
                                                    SH.qualifiedValueShape, SH.sparql, *_PAIRS):
                raise UnsupportedShapeError(outer, f"{_name(predicate)} inside a nested shape")
            parts.append(f"COALESCE({self._condition(predicate, shape)}, false)")
        return " && ".join(parts) or "true"

    def _logical(self, predicate: URIRef, value: Node, shape: Node) -> str:
        if predicate == SH["not"]:
            return f"!({self._shape_condition(value, shape)})"
        members = [f"({self._shape_condition(member, shape)})" for member in self.g.items(value)]
        if predicate == SH["or"]:
            return " || ".join(members) or "false"
        if predicate == SH["and"]:
            return " && ".join(members) or "true"
        return "(" + " + ".join(f"IF({m}, 1, 0)" for m in members) + ") = 1" if members else "false"

    # -- results per focus node -----------------------------------------------------------------

    def _count(self, predicate: URIRef) -> Check:
        bound = self.g.value(self.shape, predicate)
        if self.path is None or not isinstance(bound, Literal) or not isinstance(bound.value, int):
            raise UnsupportedShapeError(self.shape, _name(predicate), "needs sh:path and an integer")
        if predicate == SH.minCount and bound.value == 1:  # the common case, without counting
            return self._check(SH.MinCountConstraintComponent, "SELECT DISTINCT {g} ?this WHERE {{ {inner} }}",
                               f"{{ {self.target} }} FILTER NOT EXISTS {{ {self.values} }}")
        test = f"?n < {bound.value}" if predicate == SH.minCount else f"?n > {bound.value}"
        return self._check(_component(predicate),
                           "SELECT {g} ?this WHERE {{ {{ SELECT {g} ?this (COUNT(DISTINCT ?value) AS ?n) "
                           "WHERE {{ {focus} OPTIONAL {{ {inner} }} }} GROUP BY {g} ?this }} FILTER("
                           + test + ") }}", self.values)

    def _unique_lang(self) -> Check:
        # the nodes with two values in one language first, then whether they are focus nodes
        return self._check(SH.UniqueLangConstraintComponent,
                           "SELECT {g} ?this WHERE {{ {{ SELECT {g} ?this ?lang WHERE {{ {inner} }} "
                           "GROUP BY {g} ?this ?lang HAVING (COUNT(DISTINCT ?value) > 1) }} "
                           "{focus_test} }}",
                           f'{self.values} FILTER(isLiteral(?value) && LANG(?value) != "") '
                           "BIND(LCASE(LANG(?value)) AS ?lang)")

    def _pair(self, predicate: URIRef) -> Check:
        other = self.g.value(self.shape, predicate)
        if self.path is None or not isinstance(other, URIRef):
            raise UnsupportedShapeError(self.shape, _name(predicate), "needs sh:path and an IRI")
        op = _PAIRS[predicate]
        left, right = (f"(isIRI({v}) || {_STRINGISH.format(v=v)})" for v in ("?value", "?o"))
        typed_v, typed_o = TYPED_VALUE.format(v="?value"), TYPED_VALUE.format(v="?o")
        ok = (f"({left} && {right} && STR(?value) {op} STR(?o)) || "
              f"(!{left} && !{right} && COALESCE({typed_v} {op} {typed_o}, false))")
        return self._check(_component(predicate),
                           "SELECT DISTINCT {g} ?this ?value ?o WHERE {{ {inner} }}",
                           f"{self.values} . ?this {sparql_term(other)} ?o {self._failing(f'!COALESCE({ok}, false)')}")

    def _qualified(self) -> Iterator[Check]:
        if self.g.value(self.shape, SH.qualifiedValueShapesDisjoint) == Literal(True):
            raise UnsupportedShapeError(self.shape, "sh:qualifiedValueShapesDisjoint")
        if self.path is None:
            raise UnsupportedShapeError(self.shape, "sh:qualifiedValueShape", "needs sh:path")
        condition = _on_value(self._shape_condition(self.g.value(self.shape, SH.qualifiedValueShape),
                                                    self.shape))
        values = f"{self.values} FILTER({condition})"
        for predicate, test in ((SH.qualifiedMinCount, "?n < {}"), (SH.qualifiedMaxCount, "?n > {}")):
            bound = self.g.value(self.shape, predicate)
            if bound is not None:
                yield self._check(_component(predicate),
                                  "SELECT {g} ?this WHERE {{ {{ SELECT {g} ?this (COUNT(DISTINCT ?value) AS ?n) "
                                  "WHERE {{ {focus} OPTIONAL {{ {inner} }} }} GROUP BY {g} ?this }} FILTER("
                                  + test.format(bound.value) + ") }}", values)

    def _sparql(self, constraint: Node) -> Check:
        select = self.g.value(constraint, SH.select)
        if select is None or self.g.value(constraint, SH.deactivated) == Literal(True):
            raise UnsupportedShapeError(self.shape, "sh:sparql", "needs one active sh:select")
        text = str(select)
        start, end = text.find("{"), text.rfind("}")
        head, body = text[:start], text[start + 1:end]
        if text[end + 1:].strip() or "$PATH" in body or re.search(r"\?failure\b", text):
            raise UnsupportedShapeError(self.shape, "sh:sparql", "uses $PATH, ?failure or solution "
                                        "modifiers")
        if _THIS.search(body) and _NOT_PLAIN.search(body):
            raise UnsupportedShapeError(self.shape, "sh:sparql", "uses $this inside a nested pattern")
        if re.search(r"\b(GRAPH|SERVICE|FROM)\b", text, re.I):
            raise UnsupportedShapeError(self.shape, "sh:sparql", "names graphs or services")
        declared = re.match(r"\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", head)
        projection = re.fullmatch(r"SELECT\s+(DISTINCT\s+)?(.*?)\s*(WHERE\s*)?", head[declared.end():],
                                  re.S | re.I)
        names = projection and re.findall(r"[?$](\w+)", projection[2])
        if not names or "*" in projection[2] or "this" not in names:
            raise UnsupportedShapeError(self.shape, "sh:sparql", "must project $this and plain variables")
        others = " ".join(f"?{n}" for n in names if n != "this")
        prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in _prefixes(self.g, constraint))
        prefixes += declared[0]
        body = _THIS.sub("?this", body)
        where = f"{self.focus} {self._in_graph(body)}"
        messages = tuple(self.g.objects(constraint, SH.message)) or self.messages
        query = (prefixes + f"SELECT {projection[1] or ''}"
                 f"{'?g ' if self.per_graph else ''}?this {others} WHERE {{ {where} }}")
        return Check(self.shape, SH.SPARQLConstraintComponent, query, self.path, self.severity,
                     messages, substitute=True, target=self.target)

    # -- assembling -------------------------------------------------------------------------------

    def _check(self, component: URIRef, template: str, inner: str, keep: Callable | None = None) -> Check:
        return Check(self.shape, component, self._scoped(template, inner), self.path, self.severity,
                     self.messages, keep=keep, target=self.target)

    def _scoped(self, template: str, inner: str) -> str:
        """The query: ``{g}`` the graph variable, ``{focus}`` the focus nodes, ``{inner}`` a
        pattern evaluated in the focus node's graph, ``{focus_test}`` a filter keeping the rows
        whose ``?this`` is a focus node in graph ``?g``."""
        return template.format(g="?g" if self.per_graph else "", focus="" if self.path is None else self.focus,
                               inner=self._in_graph(inner),
                               focus_test=f"FILTER(COALESCE(EXISTS {{ {self._in_graph(self.target)} }}, false))")

    def _failing(self, condition: str) -> str:
        """A filter keeping the values of :attr:`values` that fail ``condition`` at focus nodes.

        A property shape's values are found first and only the failing ones tested for a focus
        node: oxigraph evaluates an EXISTS inside an expression row by row, after the condition,
        whereas it would join every focus node with every value for a FILTER EXISTS or a
        sub-select of the focus nodes (and cannot select them inside ``GRAPH ?g``: it evaluates
        a sub-select there over all graphs).
        """
        if self.path is None:  # a node shape's values are its focus nodes
            return f"FILTER({condition})"
        return f"FILTER(({condition}) && COALESCE(EXISTS {{ {self.target} }}, false))"

    def _in_graph(self, pattern: str) -> str:
        return f"GRAPH ?g {{ {pattern} }}" if self.per_graph else f"{{ {pattern} }}"

def _value_condition(shapes: Graph, shape: Node, predicate: URIRef, value: Node) -> str | None:
    """The SPARQL condition on ``?v`` of a value component, or None for a logical one."""
    if predicate == SH["class"]:
        return f"EXISTS {{ ?v <{RDF.type}>/<{RDFS.subClassOf}>* {sparql_term(value)} }}"
    if predicate == SH.datatype:
        return _datatype(value)
    if predicate == SH.nodeKind and value in _NODE_KINDS:
        return _NODE_KINDS[value]
    if predicate == SH["in"]:
        return " || ".join(f"sameTerm(?v, {sparql_term(m)})" for m in shapes.items(value)) or "false"
    if predicate == SH.pattern:
        flags = shapes.value(shape, SH.flags)
        flags = "".join(f for f in str(flags or "").lower() if f in "im")
        return f"!isBlank(?v) && REGEX(STR(?v), {_string(str(value))}, {_string(flags)})"
    if predicate in (SH.minLength, SH.maxLength) and isinstance(value, Literal):
        op = ">=" if predicate == SH.minLength else "<="
        return f"!isBlank(?v) && STRLEN(STR(?v)) {op} {int(value)}"
    if predicate == SH.languageIn:
        tags = [str(t).lower() for t in shapes.items(value)]
        if "*" in tags:
            return 'isLiteral(?v) && LANG(?v) != ""'
        listed = ", ".join(_string(t) for t in tags) or '""'
        return (f'isLiteral(?v) && LANG(?v) != "" && (LCASE(LANG(?v)) IN ({listed}) || '
                f'LCASE(STRBEFORE(LANG(?v), "-")) IN ({listed}))')
    if predicate in _RANGES and isinstance(value, Literal):
        limit = "\"{}\"^^<{}>".format(value, value.datatype) if value.datatype else _string(str(value))
        same_kind = _STRINGISH.format(v="?v") + (" = true" if isinstance(value.value, str) else " = false")
        return (f"isLiteral(?v) && {same_kind} && !STRSTARTS(STR(DATATYPE(?v)), \"{BAD_PREFIX}\") "
                f"&& {TYPED_VALUE.format(v='?v')} {_RANGES[predicate]} {limit}")
    if predicate in (SH["or"], SH["and"], SH["not"], SH.xone):
        return None
    raise UnsupportedShapeError(shape, _name(predicate))


def range_fails(predicate: URIRef, limit: Literal, value: Node) -> bool:
    """Whether pySHACL reports ``value``, a literal rdflib has no value for (ill-typed, or of an
    unknown datatype), for the range ``predicate`` (``sh:minInclusive`` ...): its comparison
    ranks such a literal below every limit, so only the minimum bounds fail (decided here with
    pySHACL's own comparison)."""
    if not isinstance(value, Literal) or isinstance(value.value, str) != isinstance(limit.value, str):
        return True
    try:
        order = compare_literal(value, limit)
    except (TypeError, NotImplementedError):
        return True
    holds = {SH.minInclusive: order >= 0, SH.minExclusive: order > 0,
             SH.maxInclusive: order <= 0, SH.maxExclusive: order < 0}[predicate]
    return not holds


def _on_value(condition: str) -> str:
    """A condition on ``?v`` as one on ``?value``."""
    return re.sub(r"\?v\b", "?value", condition)


def _datatype(datatype: Node) -> str:
    if datatype == RDF.langString:
        return 'isLiteral(?v) && LANG(?v) != ""'
    if datatype == RDFS.Literal:
        return "isLiteral(?v)"
    if datatype == XSD.string:
        return f"isLiteral(?v) && (DATATYPE(?v) = <{XSD.string}> || DATATYPE(?v) = {encoded_datatype(XSD.string)})"
    return f"isLiteral(?v) && DATATYPE(?v) = {encoded_datatype(datatype)}"


def _component(predicate: URIRef) -> URIRef:
    local = str(predicate)[len(str(SH)):]
    return SH[local[0].upper() + local[1:] + "ConstraintComponent"]


def _name(predicate: URIRef) -> str:
    return "sh:" + str(predicate)[len(str(SH)):] if str(predicate).startswith(str(SH)) else predicate.n3()


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _prefixes(shapes: Graph, constraint: Node) -> Iterator[tuple[str, str]]:
    for source in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(source, SH.declare):
            yield str(shapes.value(declaration, SH.prefix)), str(shapes.value(declaration, SH.namespace))
