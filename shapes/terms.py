"""rdflib terms as pyoxigraph terms that keep their exact lexical form, and back.

Oxigraph stores literals of the XSD numeric, boolean and date/time types in canonical form
(``"01"^^xsd:integer`` becomes ``"1"``, ``xsd:nonNegativeInteger`` becomes ``xsd:integer``,
``+00:00`` becomes ``Z``) and cannot keep an ill-typed literal apart from a well-typed one.
pySHACL sees the literal exactly as rdflib parsed it, so a SPARQL validator on oxigraph would
report other values, and count ``"1.0"`` and ``"1"`` as one value.  :func:`encode` therefore
moves the datatype of every typed literal (``xsd:string`` too, which rdflib keeps apart from a
plain literal) into a private datatype IRI
that oxigraph leaves alone -- ``urn:x-hin:ok:<datatype>``, or ``urn:x-hin:bad:<datatype>`` when
rdflib finds the lexical form ill-typed -- and :func:`decode` undoes it.  Compiled queries
(:mod:`shapes.compiler`) compare such literals through :data:`TYPED_VALUE`, which rebuilds the
real literal.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

#: Prefix of the private datatype of a well-typed literal, followed by its real datatype IRI.
OK_PREFIX = "urn:x-hin:ok:"
#: Prefix of the private datatype of an ill-typed literal.
BAD_PREFIX = "urn:x-hin:bad:"

#: A SPARQL expression for the real typed literal behind ``{v}`` (an encoded literal or any term).
TYPED_VALUE = (f'IF(isLiteral({{v}}) && STRSTARTS(STR(DATATYPE({{v}})), "{OK_PREFIX}"), '
               f'STRDT(STR({{v}}), IRI(STRAFTER(STR(DATATYPE({{v}})), "{OK_PREFIX}"))), {{v}})')

_XSD_STRING = ox.NamedNode(str(XSD.string))


def encode(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term that stands for an rdflib term in a validation store.

    >>> str(encode(Literal("01", datatype=XSD.integer)))
    '"1"^^<urn:x-hin:ok:http://www.w3.org/2001/XMLSchema#integer>'
    >>> str(encode(Literal("x", lang="de")))
    '"x"@de'
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is None:
            return ox.Literal(str(term))
        prefix = BAD_PREFIX if term.ill_typed else OK_PREFIX
        return ox.Literal(str(term), datatype=ox.NamedNode(prefix + str(term.datatype)))
    raise TypeError(f"cannot validate {term!r}: only IRIs, blank nodes and literals are RDF terms")


def decode(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """The rdflib term that :func:`encode` turned into ``term``."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    for prefix in (OK_PREFIX, BAD_PREFIX):
        if datatype.startswith(prefix):
            return Literal(term.value, datatype=URIRef(datatype[len(prefix):]))
    return Literal(term.value, datatype=None if term.datatype == _XSD_STRING else URIRef(datatype))


def encoded_datatype(datatype: URIRef) -> str:
    """The private datatype IRI (in SPARQL) of a well-typed literal of ``datatype``."""
    return f"<{OK_PREFIX}{datatype}>"


def sparql_term(term: Node) -> str:
    """A constant of a compiled query, encoded like the data it is compared with."""
    return str(encode(term))
