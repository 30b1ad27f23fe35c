"""Reading SPARQL answers into one plain model, whatever format they came in.

A term is a tuple: ``("iri", value)``, ``("bnode", label)``, ``("literal", lexical, datatype,
language)`` or, for CSV, where the format keeps only text, ``("text", value)``.  A simple literal
gets ``xsd:string`` and a language-tagged one ``rdf:langString`` with its tag lower-cased (RDF 1.1),
so that formats which leave the datatype out compare equal to those which write it.

A :class:`Solutions` holds the variables and the rows (dicts of variable -> term; unbound variables
are absent); a :class:`Boolean` holds an ASK answer; a graph is a list of ``(s, p, o)`` term tuples.

Parsers are written from the specifications, not taken from the engine under test:
SPARQL 1.1 Query Results JSON (https://www.w3.org/TR/sparql11-results-json/), XML
(https://www.w3.org/TR/rdf-sparql-XMLres/), CSV and TSV
(https://www.w3.org/TR/sparql11-results-csv-tsv/), and the DAWG result-set vocabulary in RDF
(http://www.w3.org/2001/sw/DataAccess/tests/result-set#).  RDF graphs are read with pyoxigraph's
parsers (Turtle, N-Triples, RDF/XML), which keep lexical forms exactly.
"""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
_SRX = "{http://www.w3.org/2005/sparql-results#}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

Term = tuple


def _decimal(lexical: str) -> str:
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", lexical):
        raise ValueError(lexical)
    return format(Decimal(lexical).normalize(), "f")


def _floating(lexical: str) -> str:
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN", lexical):
        raise ValueError(lexical)
    return repr(float(lexical.replace("INF", "inf")))


#: Datatypes compared by value, and how a lexical form becomes a canonical string.
_BY_VALUE = {XSD + "decimal": _decimal, XSD + "float": _floating, XSD + "double": _floating}


def literal(lexical: str, datatype: str | None = None, language: str | None = None) -> Term:
    """A literal term, with the RDF 1.1 datatype filled in for simple and language-tagged literals.

    A valid ``xsd:decimal``, ``xsd:float`` or ``xsd:double`` is kept as its value (``"1.0"``,
    ``"1"`` and ``"1.0E0"`` are one value): the suite's expected answers write computed numbers
    in whatever lexical form their authors chose, and SPARQL does not fix one.  Integers and every
    other datatype keep their lexical form, so an engine that rewrites data is still caught.

    >>> literal("2.0", XSD + "decimal") == literal("2", XSD + "decimal")
    True
    """
    if language:
        return ("literal", lexical, RDF_LANG_STRING, language.lower())
    datatype = datatype or XSD_STRING
    if datatype in _BY_VALUE:
        try:
            return ("literal", _BY_VALUE[datatype](lexical.strip()), datatype, None)
        except (ArithmeticError, ValueError):
            pass
    return ("literal", lexical, datatype, None)


@dataclass
class Solutions:
    """A SELECT answer: variable names (no ``?``) and rows."""

    variables: list[str]
    rows: list[dict[str, Term]] = field(default_factory=list)


@dataclass
class Boolean:
    """An ASK answer."""

    value: bool


def parse_json(text: str | bytes) -> Solutions | Boolean:
    """Parse SPARQL 1.1 Query Results JSON (``.srj``)."""
    data = json.loads(text)
    if "boolean" in data:
        return Boolean(bool(data["boolean"]))
    rows = []
    for binding in data["results"]["bindings"]:
        rows.append({name: _json_term(value) for name, value in binding.items()})
    return Solutions(list(data["head"].get("vars", [])), rows)


def _json_term(value: dict) -> Term:
    kind = value["type"]
    if kind == "uri":
        return ("iri", value["value"])
    if kind == "bnode":
        return ("bnode", value["value"])
    if kind in ("literal", "typed-literal"):
        return literal(value["value"], value.get("datatype"), value.get("xml:lang"))
    raise ValueError(f"SPARQL JSON: unknown term type {kind!r} in {value}")


def parse_xml(text: str | bytes) -> Solutions | Boolean:
    """Parse SPARQL Query Results XML (``.srx``)."""
    root = ET.fromstring(text)
    boolean = root.find(f"{_SRX}boolean")
    if boolean is not None:
        return Boolean(boolean.text.strip() == "true")
    variables = [v.get("name") for v in root.iter(f"{_SRX}variable")]
    rows = []
    for result in root.iter(f"{_SRX}result"):
        row = {}
        for binding in result.findall(f"{_SRX}binding"):
            node = binding[0]
            tag = node.tag.removeprefix(_SRX)
            text_value = node.text or ""
            if tag == "uri":
                row[binding.get("name")] = ("iri", text_value.strip())
            elif tag == "bnode":
                row[binding.get("name")] = ("bnode", text_value.strip())
            elif tag == "literal":
                row[binding.get("name")] = literal(text_value, node.get("datatype"), node.get(_XML_LANG))
            else:
                raise ValueError(f"SPARQL XML: unknown binding element <{tag}>")
        rows.append(row)
    return Solutions(variables, rows)


def parse_csv(text: str | bytes) -> Solutions:
    """Parse SPARQL CSV: every value is text, ``_:`` starts a blank node, empty is unbound."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    lines = list(reader)
    variables = lines[0] if lines else []
    rows = []
    for line in lines[1:]:
        row = {}
        for name, value in zip(variables, line):
            if value == "":
                continue
            row[name] = ("bnode", value[2:]) if value.startswith("_:") else ("text", value)
        rows.append(row)
    return Solutions(variables, rows)


_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_STRING_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_TSV_LITERAL = re.compile(r'^"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$', re.DOTALL)
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")
_DOUBLE = re.compile(r"^[+-]?(?:\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+$")


def _unescape(text: str) -> str:
    def one(match: re.Match) -> str:
        if match[1] or match[2]:
            return chr(int(match[1] or match[2], 16))
        if match[3] not in _ESCAPES:
            raise ValueError(f"unknown string escape \\{match[3]}")
        return _ESCAPES[match[3]]
    return _STRING_ESCAPE.sub(one, text)


def parse_tsv_term(cell: str) -> Term:
    """One TSV cell (Turtle/N-Triples term syntax, with Turtle's short forms for numbers)."""
    if cell.startswith("<") and cell.endswith(">"):
        return ("iri", cell[1:-1])
    if cell.startswith("_:"):
        return ("bnode", cell[2:])
    match = _TSV_LITERAL.match(cell)
    if match:
        return literal(_unescape(match[1]), match[3], match[2])
    for pattern, datatype in ((_INTEGER, "integer"), (_DECIMAL, "decimal"), (_DOUBLE, "double")):
        if pattern.match(cell):
            return literal(cell, XSD + datatype)
    if cell in ("true", "false"):
        return literal(cell, XSD + "boolean")
    raise ValueError(f"TSV: cannot read the term {cell!r}")


def parse_tsv(text: str | bytes) -> Solutions:
    """Parse SPARQL TSV: a header of ``?variables``, then one row of terms per line."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line.removesuffix("\r") for line in lines]
    variables = [name.lstrip("?$") for name in lines[0].split("\t")] if lines and lines[0] else []
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != len(variables):
            raise ValueError(f"TSV: row {line!r} has {len(cells)} cells for {len(variables)} variables")
        rows.append({name: parse_tsv_term(cell) for name, cell in zip(variables, cells) if cell != ""})
    return Solutions(variables, rows)


def from_oxigraph(term: object) -> Term:
    """A pyoxigraph term in the plain model."""
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value)
    if isinstance(term, ox.Literal):
        return literal(term.value, term.datatype.value, term.language)
    raise ValueError(f"cannot compare {term!r} (RDF-star terms are not supported)")


def parse_graph(data: bytes, media_type: str, base_iri: str | None = None) -> list[tuple[Term, Term, Term]]:
    """Triples of an RDF document (default graph only), read by pyoxigraph."""
    fmt = ox.RdfFormat.from_media_type(media_type)
    if fmt is None:
        raise ValueError(f"no RDF parser for {media_type!r}")
    return [(from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object))
            for q in ox.parse(data, format=fmt, base_iri=base_iri)]


def parse_result_set_graph(triples: list[tuple[Term, Term, Term]]) -> tuple[Solutions | Boolean, bool]:
    """An answer written in the DAWG result-set vocabulary; also says whether rows carry rs:index."""
    by_subject: dict[Term, list[tuple[Term, Term]]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, []).append((p, o))

    def values(subject: Term, name: str) -> list[Term]:
        return [o for p, o in by_subject.get(subject, []) if p == ("iri", RS + name)]

    result_set = next(s for s, p, o in triples if p[1].endswith("#type") and o == ("iri", RS + "ResultSet"))
    boolean = values(result_set, "boolean")
    if boolean:
        return Boolean(boolean[0][1] == "true"), False
    variables = [v[1] for v in values(result_set, "resultVariable")]
    indexed: list[tuple[int, dict[str, Term]]] = []
    for solution in values(result_set, "solution"):
        row = {}
        for binding in values(solution, "binding"):
            row[values(binding, "variable")[0][1]] = values(binding, "value")[0]
        index = values(solution, "index")
        indexed.append((int(index[0][1]) if index else 0, row))
    ordered = any(values(solution, "index") for solution in values(result_set, "solution"))
    if ordered:
        indexed.sort(key=lambda pair: pair[0])
    return Solutions(variables, [row for _, row in indexed]), ordered


#: Results media type -> parser of the response body.
PARSERS = {
    "application/sparql-results+json": parse_json,
    "application/sparql-results+xml": parse_xml,
    "text/csv": parse_csv,
    "text/tab-separated-values": parse_tsv,
}
