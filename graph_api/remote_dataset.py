"""How a remote store presents a generation: graph names mapped both ways, answers cleaned.

A generation keeps graph ``X`` at ``urn:hin:generation:{G}:X`` (:func:`stored_graph_iri`) and the
union of its graphs at ``urn:hin:generation:{G}:union``.  :class:`Generation` maps graph names to
those IRIs in query text (:meth:`Generation.rewrite`), and :func:`clean_results` /
:func:`map_triple` map them back in answers while writing servers' dialects as the W3C
Recommendations do (Virtuoso's ``typed-literal`` and ``nodeID://`` blank nodes; ``xsd:string``
literals as plain literals, as RDF 1.1 has them).  Used by :mod:`graph_api.remote_store`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

#: Comments and string literals of a SPARQL text (blanked before looking for keywords).
STRINGS_AND_COMMENTS = re.compile(
    r"#[^\n]*|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"", re.DOTALL)

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_TOKENS = re.compile(
    r"(?P<skip>#[^\n]*|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\")"
    r"|<(?P<iri>[^<>\"{}|^`\\\s]*)>"
    r"|(?<![\w?$:.-])(?P<pname>(?:[A-Za-z][\w.-]*)?:[\w-](?:[\w.-]*[\w-])?)", re.DOTALL)
_PREFIX = re.compile(r"PREFIX\s+((?:[A-Za-z][\w.-]*)?):\s*<([^<>\s]*)>", re.IGNORECASE)
_NOT_BNODE_CHAR = re.compile(r"[^A-Za-z0-9_]")


def stored_graph_iri(generation: str, name: str) -> str:
    """Where generation ``generation`` keeps the graph ``name`` on the server."""
    return f"urn:hin:generation:{generation}:{name}"


def union_graph_iri(generation: str) -> str:
    """Where generation ``generation`` keeps the union of its named graphs (its default graph)."""
    return f"urn:hin:generation:{generation}:union"


@dataclass(frozen=True)
class Generation:
    """One build on the server: its name, union graph, and graph names -> stored graph IRIs."""

    name: str
    union: str
    graphs: Mapping[str, str]  #: graph name as users see it -> IRI on the server
    names: Mapping[str, str] = field(init=False)  #: the reverse mapping

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", {stored: name for name, stored in self.graphs.items()})

    def rewrite(self, sparql: str) -> str:
        """``sparql`` with every graph name, as ``<IRI>`` or as a prefixed name, replaced by its
        stored IRI (strings and comments untouched)."""
        prefixes = {p: ns for p, ns in _PREFIX.findall(STRINGS_AND_COMMENTS.sub(" ", sparql))}

        def replace(match: re.Match) -> str:
            iri = match["iri"]
            if iri is None and match["pname"] is not None:
                prefix, _, local = match["pname"].partition(":")
                iri = prefixes[prefix] + local if prefix in prefixes else None
            return f"<{self.graphs[iri]}>" if iri in self.graphs else match[0]

        return _TOKENS.sub(replace, sparql)


class TriplesResult:
    """The triples of a CONSTRUCT or DESCRIBE answer, serialisable as pyoxigraph's QueryTriples are."""

    def __init__(self, triples: list[ox.Triple]) -> None:
        self.triples = triples

    def serialize(self, format: ox.RdfFormat) -> bytes:  # noqa: A002 (pyoxigraph's name)
        return ox.serialize(self.triples, format=format) or b""

    def __iter__(self):
        return iter(self.triples)


def _bnode_id(value: str) -> str:
    """A blank node label pyoxigraph accepts (Virtuoso's are ``nodeID://b10000``)."""
    return _NOT_BNODE_CHAR.sub("_", value.removeprefix("nodeID://").removeprefix("_:")) or "b"


def _clean_term(term: dict, names: Mapping[str, str]) -> dict:
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return {"type": "uri", "value": names.get(value, value)}
    if kind == "bnode":
        return {"type": "bnode", "value": _bnode_id(value)}
    clean = {"type": "literal", "value": value}
    if "xml:lang" in term:
        clean["xml:lang"] = term["xml:lang"]
    elif term.get("datatype") and term["datatype"] != _XSD_STRING:
        clean["datatype"] = term["datatype"]
    return clean


def clean_results(body: dict, names: Mapping[str, str]) -> dict:
    """SPARQL JSON as the W3C Recommendation writes it, graph names mapped back."""
    if "boolean" in body:
        return {"head": {}, "boolean": bool(body["boolean"])}
    variables = body.get("head", {}).get("vars", [])
    rows = [{name: _clean_term(value, names) for name, value in row.items()}
            for row in body.get("results", {}).get("bindings", [])]
    return {"head": {"vars": variables}, "results": {"bindings": rows}}


def rdflib_term(term: dict) -> URIRef | BNode | Literal:
    if term["type"] == "uri":
        return URIRef(term["value"])
    if term["type"] == "bnode":
        return BNode(term["value"])
    if "xml:lang" in term:
        return Literal(term["value"], lang=term["xml:lang"])
    return Literal(term["value"], datatype=URIRef(term["datatype"]) if "datatype" in term else None)


def map_triple(triple: ox.Triple, names: Mapping[str, str]) -> ox.Triple:
    def term(node):
        if isinstance(node, ox.NamedNode) and node.value in names:
            return ox.NamedNode(names[node.value])
        return node
    return ox.Triple(term(triple.subject), term(triple.predicate), term(triple.object))
