"""Statistics of the served dataset, counted with SPARQL: what the VoID description states.

Every number is a query over the dataset as the SPARQL endpoint shows it (the default graph is the
merge of the named graphs; see graph_api.oxigraph_store), counting each distinct triple once, so a
user can check each one against ``/sparql``.  The queries are in :data:`QUERIES`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from graph_api.store import GraphStore

#: Object IRI prefixes of the link targets counted as void:Linkset (owl:sameAs links out).
LINK_TARGETS: dict[str, str] = {
    "geonames": "https://sws.geonames.org/",
    "wikidata": "http://www.wikidata.org/entity/",
}
#: Classes whose first member (by IRI) is given as a void:exampleResource.
EXAMPLE_CLASSES = tuple(f"https://w3id.org/hin/ontology#{name}" for name in
                        ("Organisation", "Cluster", "Person", "Region", "Agreement", "Field"))

_DISTINCT = "{ SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
QUERIES: dict[str, str] = {
    "triples": f"SELECT (COUNT(*) AS ?n) WHERE {_DISTINCT}",
    "subjects": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }",
    "objects": "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }",
    "entities": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), ?space)) }",
    "classes": "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c",
    "properties": f"SELECT ?p (COUNT(*) AS ?n) WHERE {_DISTINCT} GROUP BY ?p ORDER BY ?p",
    "graphs": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "links": "SELECT DISTINCT ?s ?o WHERE { ?s <http://www.w3.org/2002/07/owl#sameAs> ?o FILTER(isIRI(?o)) }",
    "example": "SELECT (MIN(STR(?s)) AS ?e) WHERE { ?s a ?c FILTER(isIRI(?s)) }",
}


@dataclass(frozen=True)
class DatasetStatistics:
    """Counts over the dataset (see :data:`QUERIES`)."""

    triples: int
    distinct_subjects: int
    distinct_objects: int
    entities: int  #: distinct subjects under the entity space ``{base}id/``
    classes: dict[str, int] = field(default_factory=dict)  #: class IRI -> distinct instances
    properties: dict[str, int] = field(default_factory=dict)  #: property IRI -> distinct triples
    graphs: dict[str, int] = field(default_factory=dict)  #: named graph IRI -> triples
    links: dict[str, int] = field(default_factory=dict)  #: LINK_TARGETS key -> owl:sameAs links
    examples: tuple[str, ...] = ()  #: one entity IRI of each of EXAMPLE_CLASSES present


def _count(store: GraphStore, name: str, **bindings: object) -> int:
    rows = store.select(QUERIES[name], substitutions=bindings or None)
    return int(rows[0]["n"]) if rows and "n" in rows[0] else 0


def _grouped(store: GraphStore, name: str, key: str) -> dict[str, int]:
    return {str(row[key]): int(row["n"]) for row in store.select(QUERIES[name]) if key in row}


def _links(store: GraphStore) -> dict[str, int]:
    targets = [str(row["o"]) for row in store.select(QUERIES["links"])]
    return {name: sum(target.startswith(prefix) for target in targets)
            for name, prefix in LINK_TARGETS.items()}


def entity_space(base_iri: str) -> str:
    """The IRI prefix of HIN's entities (void:uriSpace): ``{base}id/``."""
    return (base_iri if base_iri.endswith(("/", "#")) else base_iri + "/") + "id/"


def collect_statistics(store: GraphStore, base_iri: str) -> DatasetStatistics:
    """Count the dataset's triples, subjects, objects, entities, classes, properties, graphs and links.

    Parameters
    ----------
    store
        The store to count.
    base_iri
        The deployment's base IRI; entities are the subjects under ``{base}id/``.

    Returns
    -------
    DatasetStatistics

    Examples
    --------
    >>> from graph_api.oxigraph_store import OxigraphStore
    >>> store = OxigraphStore.in_memory()
    >>> store.load_data(b'<https://w3id.org/hin/id/region/x> <http://www.w3.org/2002/07/owl#sameAs> '
    ...                 b'<https://sws.geonames.org/1/> .', "application/n-triples", graph="http://g")
    >>> stats = collect_statistics(store, "https://w3id.org/hin/")
    >>> stats.triples, stats.entities, stats.links["geonames"], stats.graphs
    (1, 1, 1, {'http://g': 1})
    """
    examples = []
    for cls in EXAMPLE_CLASSES:
        rows = store.select(QUERIES["example"], substitutions={"c": URIRef(cls)})
        if rows and "e" in rows[0]:
            examples.append(str(rows[0]["e"]))
    return DatasetStatistics(
        triples=_count(store, "triples"),
        distinct_subjects=_count(store, "subjects"),
        distinct_objects=_count(store, "objects"),
        entities=_count(store, "entities", space=Literal(entity_space(base_iri))),
        classes=_grouped(store, "classes", "c"),
        properties=_grouped(store, "properties", "p"),
        graphs=_grouped(store, "graphs", "g"),
        links=_links(store),
        examples=tuple(examples),
    )
