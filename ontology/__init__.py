"""The HIN vocabulary (OWL/RDFS in Turtle), the field scheme (SKOS) and the closed namespace."""
from functools import cache
from pathlib import Path

from rdflib import Graph

from ontology.namespace import HIN

#: Folder holding hin.ttl (the vocabulary) and fields.ttl (the SKOS scheme of thematic fields).
ONTOLOGY_DIR = Path(__file__).resolve().parent
VOCABULARY_FILE = ONTOLOGY_DIR / "hin.ttl"
FIELDS_FILE = ONTOLOGY_DIR / "fields.ttl"

__all__ = [
    "FIELDS_FILE", "HIN", "ONTOLOGY_DIR", "VOCABULARY_FILE", "load_fields", "load_vocabulary",
]


def _parse_turtle(path: Path) -> Graph:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except (SyntaxError, ValueError) as exc:  # rdflib's BadSyntax is a SyntaxError
        raise SyntaxError(f"{path}: not valid Turtle ({exc}); fix the file, then check it with "
                          f"`pytest tests/test_ontology.py`") from exc
    return graph


@cache
def load_vocabulary() -> Graph:
    """The HIN ontology (ontology/hin.ttl): classes, properties, labels, definitions, alignments.

    The graph is parsed once and shared between callers; copy it before changing it.

    Returns
    -------
    rdflib.Graph
        The triples of hin.ttl.

    Raises
    ------
    OSError
        If the file cannot be read.
    SyntaxError
        If the file is not valid Turtle; the message names the file and rdflib's line.

    Examples
    --------
    >>> from rdflib.namespace import OWL, RDF
    >>> (HIN.memberOf, RDF.type, OWL.ObjectProperty) in load_vocabulary()
    True
    """
    return _parse_turtle(VOCABULARY_FILE)


@cache
def load_fields() -> Graph:
    """The SKOS scheme of thematic fields (ontology/fields.ttl), the extraction's field lexicon.

    Each concept ``https://w3id.org/hin/id/field/{slug}`` is a ``skos:Concept`` and a ``hin:Field``
    with ``skos:prefLabel`` and ``skos:altLabel`` in English, German, Dutch and Danish.  The graph
    is parsed once and shared between callers; copy it before changing it.

    Returns
    -------
    rdflib.Graph
        The triples of fields.ttl.

    Raises
    ------
    OSError
        If the file cannot be read.
    SyntaxError
        If the file is not valid Turtle; the message names the file and rdflib's line.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> from rdflib.namespace import SKOS
    >>> care = URIRef("https://w3id.org/hin/id/field/care")
    >>> (care, SKOS.prefLabel, Literal("Pflege", lang="de")) in load_fields()
    True
    """
    return _parse_turtle(FIELDS_FILE)
