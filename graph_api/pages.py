"""HTML pages of the linked-data views: a resource, a named graph, the vocabulary, 404, /sparql.

Each page is read from the store with the SELECT queries below (the resource or graph bound as a
substitution, never formatted into the query) and rendered with the Jinja2 templates in
``graph_api/templates/``, which escape every value (``autoescape``).  Pages are plain HTML with a
small stylesheet; no script.

A link to an IRI under the configured base goes to this server's path for it (``{base}id/x`` ->
``/id/x``), and a vocabulary term to ``/ontology#Term``, so the pages can be browsed on any host;
other IRIs link out as they are.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import BNode, Literal, URIRef

from graph_api.store import GraphStore

TEMPLATES = Path(__file__).resolve().parent / "templates"
ONTOLOGY_IRI = "https://w3id.org/hin/ontology"
#: Prefixes used to shorten IRIs on the pages.
PREFIXES = {
    "hin": ONTOLOGY_IRI + "#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#", "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "https://schema.org/", "org": "http://www.w3.org/ns/org#",
    "geo": "http://www.opengis.net/ont/geosparql#", "vann": "http://purl.org/vocab/vann/",
}
_LABEL = "rdfs:label|skos:prefLabel"
_HEAD = "\n".join(f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items())

RESOURCE_QUERIES = {
    "labels": "SELECT DISTINCT ?p ?label WHERE { ?r ?p ?label "
              "FILTER(?p IN (rdfs:label, skos:prefLabel, skos:altLabel)) } ORDER BY ?p ?label",
    "types": "SELECT DISTINCT ?type WHERE { ?r a ?type } ORDER BY ?type",
    "out": "SELECT ?p ?o (SAMPLE(?l) AS ?label) WHERE { ?r ?p ?o "
           "FILTER(?p NOT IN (rdf:type, rdfs:label, skos:prefLabel, skos:altLabel)) "
           f"OPTIONAL {{ ?o {_LABEL} ?l }} }} GROUP BY ?p ?o ORDER BY ?p ?o",
    "in": "SELECT ?s ?p (SAMPLE(?l) AS ?label) WHERE { ?s ?p ?r "
          "FILTER(isIRI(?s) && ?p NOT IN (rdf:subject, rdf:object, oa:hasBody)) "
          f"OPTIONAL {{ ?s {_LABEL} ?l }} }} GROUP BY ?s ?p ORDER BY ?p ?s LIMIT 1000",
    "evidence": "SELECT ?g ?fact ?s ?p ?o ?sentence ?text (SAMPLE(?sl) AS ?slabel) (SAMPLE(?ol) AS ?olabel) "
                "WHERE { GRAPH ?g { { ?fact rdf:subject ?r } UNION { ?fact rdf:object ?r } "
                "?fact rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; hin:evidence ?sentence . "
                "?sentence rdf:value ?text . OPTIONAL { ?s rdfs:label ?sl } OPTIONAL { ?o rdfs:label ?ol } } } "
                "GROUP BY ?g ?fact ?s ?p ?o ?sentence ?text ORDER BY ?g ?p ?sentence",
    "sources": "SELECT ?doc (SAMPLE(?f) AS ?file) (COUNT(DISTINCT ?m) AS ?mentions) WHERE { "
               "?r prov:wasDerivedFrom ?doc OPTIONAL { ?doc hin:fileName ?f } "
               "OPTIONAL { ?m oa:hasBody ?r ; oa:hasTarget/oa:hasSource ?doc } } GROUP BY ?doc ORDER BY ?doc",
    "graphs": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?r ?p ?o } } ORDER BY ?g",
}
GRAPH_QUERIES = {
    "resources": "SELECT ?x (SAMPLE(?t) AS ?type) (COALESCE(SAMPLE(?en), SAMPLE(?any)) AS ?label) "
                 "(SAMPLE(?c) AS ?comment) WHERE { GRAPH ?g { ?x ?anyp ?anyo FILTER(isIRI(?x)) "
                 f"OPTIONAL {{ ?x a ?t }} OPTIONAL {{ ?x {_LABEL} ?en FILTER(LANGMATCHES(LANG(?en), 'en')) }} "
                 f"OPTIONAL {{ ?x {_LABEL} ?any }} "
                 "OPTIONAL { ?x rdfs:comment|skos:definition ?c FILTER(LANGMATCHES(LANG(?c), 'en')) } } } "
                 "GROUP BY ?x ORDER BY ?type ?x",
    "sentences": "SELECT ?sentence ?text (SAMPLE(?st) AS ?start) WHERE { GRAPH ?g { ?sentence a hin:Sentence ; "
                 "rdf:value ?text OPTIONAL { ?sentence oa:hasSelector/oa:start ?st } } } "
                 "GROUP BY ?sentence ?text ORDER BY ?start",
    "facts": "SELECT ?fact ?s ?p ?o (SAMPLE(?sl) AS ?slabel) (SAMPLE(?ol) AS ?olabel) "
             "(GROUP_CONCAT(DISTINCT STR(?sentence); separator=' ') AS ?sentences) WHERE { GRAPH ?g { "
             "?fact a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o "
             "OPTIONAL { ?fact hin:evidence ?sentence } OPTIONAL { ?s rdfs:label ?sl } "
             "OPTIONAL { ?o rdfs:label ?ol } } } GROUP BY ?fact ?s ?p ?o ORDER BY ?p ?s ?o",
    "mentions": "SELECT ?m ?body ?exact (SAMPLE(?st) AS ?start) WHERE { GRAPH ?g { ?m a oa:Annotation ; "
                "oa:hasBody ?body ; oa:hasTarget ?t . ?t oa:hasSelector/oa:exact ?exact "
                "OPTIONAL { ?t oa:hasSelector/oa:start ?st } } } GROUP BY ?m ?body ?exact ORDER BY ?start",
}


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


def render_page(template: str, **context: object) -> str:
    """Render one of the templates in graph_api/templates with ``context`` (values are escaped)."""
    return _environment().get_template(template).render(**context)


def href(iri: str, base: str) -> str:
    """Where a page links for ``iri``: this server's path for IRIs under ``base``, else the IRI.

    >>> href("https://w3id.org/hin/id/region/denmark", "https://w3id.org/hin/")
    '/id/region/denmark'
    >>> href("https://w3id.org/hin/ontology#Cluster", "https://data.example.org/")
    '/ontology#Cluster'
    """
    if iri.startswith(ONTOLOGY_IRI + "#") or iri == ONTOLOGY_IRI:
        return "/ontology" + iri[len(ONTOLOGY_IRI):]
    return "/" + iri[len(base):] if iri.startswith(base) else iri


def short(iri: str) -> str:
    """``hin:memberOf`` for a known namespace, else the IRI."""
    for name, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{name}:{iri[len(namespace):]}"
    return iri


def term(value: object, base: str, label: object = None) -> dict[str, str | None]:
    """What a template shows of an RDF term: text, link, language tag or datatype."""
    if isinstance(value, URIRef):
        return {"text": str(label) if label is not None else short(str(value)), "href": href(str(value), base),
                "iri": str(value), "note": None}
    if isinstance(value, BNode):
        return {"text": f"_:{value}", "href": None, "iri": None, "note": None}
    literal = value if isinstance(value, Literal) else Literal(value)
    note = f"@{literal.language}" if literal.language else (short(str(literal.datatype)) if literal.datatype else None)
    return {"text": str(literal), "href": None, "iri": None, "note": note}


def _select(store: GraphStore, query: str, **bindings: object) -> list[dict]:
    return store.select(f"{_HEAD}\n{query}", substitutions=bindings)


def best_label(labels: list[dict], fallback: str) -> str:
    """The label to title a page with: English, German, Dutch, Danish, then any."""
    names = [row["label"] for row in labels if short(str(row["p"])) in ("rdfs:label", "skos:prefLabel")]
    for language in ("en", "de", "nl", "da"):
        for name in names:
            if getattr(name, "language", None) == language:
                return str(name)
    return str(names[0]) if names else fallback


def resource_page(store: GraphStore, iri: str, base: str) -> str:
    """The HTML page of an entity, document or concept: label, types, statements in and out,
    evidence sentences with their documents, sources, and the graphs that hold it."""
    node = URIRef(iri)
    rows = {name: _select(store, query, r=node) for name, query in RESOURCE_QUERIES.items()}
    return render_page(
        "resource.html", iri=iri, base=base, title=best_label(rows["labels"], short(iri)),
        labels=[(short(str(r["p"])), term(r["label"], base)) for r in rows["labels"]],
        types=[term(r["type"], base) for r in rows["types"]],
        out=[(term(r["p"], base), term(r["o"], base, r.get("label"))) for r in rows["out"]],
        incoming=[(term(r["s"], base, r.get("label")), term(r["p"], base)) for r in rows["in"]],
        evidence=[{"graph": term(r["g"], base), "fact": term(r["fact"], base),
                   "s": term(r["s"], base, r.get("slabel")), "p": term(r["p"], base),
                   "o": term(r["o"], base, r.get("olabel")), "sentence": term(r["sentence"], base),
                   "text": term(r["text"], base)} for r in rows["evidence"]],
        sources=[{"doc": term(r["doc"], base, r.get("file")), "mentions": int(r["mentions"])}
                 for r in rows["sources"]],
        graphs=[term(r["g"], base) for r in rows["graphs"]],
        local=href(iri, base))


def graph_page(store: GraphStore, iri: str, base: str, *, graph: str) -> str:
    """The HTML page of a named graph (or of the vocabulary, ``iri`` being the ontology's IRI):
    its resources, and for a document's graph its facts, mentions and sentences, each with an
    anchor named by its fragment so that hash IRIs land on it."""
    rows = {name: _select(store, query, g=URIRef(graph)) for name, query in GRAPH_QUERIES.items()}
    own = iri + "#"

    def anchor(node: object) -> str | None:
        return str(node)[len(own):] if str(node).startswith(own) else None

    resources = [{"anchor": anchor(r["x"]), "node": term(r["x"], base, r.get("label")),
                  "type": term(r["type"], base) if "type" in r else None,
                  "comment": str(r["comment"]) if "comment" in r else None}
                 for r in rows["resources"] if not (str(r["x"]).startswith(own) and iri != ONTOLOGY_IRI)]
    return render_page(
        "graph.html", iri=iri, graph=graph, base=base, title=short(iri) if iri == ONTOLOGY_IRI else iri,
        resources=resources,
        facts=[{"anchor": anchor(r["fact"]), "s": term(r["s"], base, r.get("slabel")), "p": term(r["p"], base),
                "o": term(r["o"], base, r.get("olabel")),
                "sentences": [term(URIRef(s), base) for s in str(r.get("sentences", "")).split()]}
               for r in rows["facts"]],
        mentions=[{"anchor": anchor(r["m"]), "body": term(r["body"], base), "exact": str(r["exact"])}
                  for r in rows["mentions"]],
        sentences=[{"anchor": anchor(r["sentence"]), "text": term(r["text"], base)} for r in rows["sentences"]],
        local=href(iri, base))


def render_not_found(iri: str, message: str) -> str:
    """The HTML 404 page for an IRI the dataset does not hold."""
    return render_page("not_found.html", iri=iri, message=message)
