"""The embedded store: a :class:`~graph_api.store.GraphStore` backed by pyoxigraph (RocksDB on disk).

Opening a store
    ``OxigraphStore.open(path)`` opens the store that ``hin build`` wrote at ``path``, read-only by
    default.  A built store is a folder holding a pointer file, ``current-generation``, that names
    the generation in use (``generations/<timestamp>/``, a pyoxigraph store); ``open`` follows the
    pointer, so a reader never sees a half-built generation (see :mod:`graph_api.build`).  A path
    without the pointer is opened as a plain pyoxigraph store.  ``OxigraphStore.in_memory()`` makes
    an empty, writable store that lives in memory.

The RDF dataset a query sees (SPARQL 1.1 Protocol, section 2.1.4)
    * ``default_graph_uris`` or ``named_graph_uris`` given: the dataset is made of exactly those
      graphs, overriding any ``FROM`` / ``FROM NAMED`` in the query;
    * neither given and the query has ``FROM`` / ``FROM NAMED``: the query's own dataset;
    * otherwise the default graph is the RDF merge (set union) of all named graphs, and every
      named graph is available to ``GRAPH``.  Each source document is a named graph, so a plain
      query sees the whole corpus.  ``hin build`` writes that merge into the store's own default
      graph (:meth:`OxigraphStore.materialise_union`), because pyoxigraph's
      ``use_default_graph_as_union`` repeats a triple once per graph that holds it (oxigraph issue
      1919), which would inflate counts and network weights.  The build records this in the
      generation's manifest (``generations/<name>.json``, ``"default_graph": "union"``); a store
      without it (one loaded by hand) is queried with ``use_default_graph_as_union``, unless it
      was made with ``stored_default=True``: then the store's own default graph is queried as it
      is (the W3C SPARQL test suite's dataset, tests/conformance).

Answers are serialised by pyoxigraph's own writers, in the media types of
:data:`RESULT_MEDIA_TYPES` (SELECT and ASK) and :data:`GRAPH_MEDIA_TYPES` (CONSTRUCT and DESCRIBE).
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from graph_api.store import BOOLEAN, GRAPH, SOLUTIONS, QueryResponse

#: Media types of SELECT and ASK answers -> pyoxigraph format.  Specs:
#: https://www.w3.org/TR/sparql11-results-json/, https://www.w3.org/TR/rdf-sparql-XMLres/,
#: https://www.w3.org/TR/sparql11-results-csv-tsv/.  The first entry is the default.
RESULT_MEDIA_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}

#: Media types of CONSTRUCT and DESCRIBE answers -> pyoxigraph format.  Specs:
#: https://www.w3.org/TR/turtle/, https://www.w3.org/TR/n-triples/,
#: https://www.w3.org/TR/rdf-syntax-grammar/, https://www.w3.org/TR/json-ld11/.  The first entry is
#: the default.
GRAPH_MEDIA_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}

#: File in a built store's folder naming the generation in use (written by graph_api.build).
POINTER_FILE = "current-generation"
#: Folder in a built store's folder holding the generations.
GENERATIONS_DIR = "generations"

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
# Comments, strings and IRIs are blanked before looking for a FROM clause.
_NOT_KEYWORDS = re.compile(
    r"#[^\n]*|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\s]*>",
    re.DOTALL)
_WHERE = re.compile(r"(?<![\w?$:.-])WHERE\s*\{", re.IGNORECASE)
_FROM = re.compile(r"(?<![\w?$:.-])FROM(?![\w:-])", re.IGNORECASE)


def resolve_store_path(path: Path | str) -> Path:
    """The pyoxigraph folder to open for ``path``: the current generation of a built store, or
    ``path`` itself when it holds no generation pointer.

    Raises
    ------
    OSError
        The pointer names a generation that is not there.
    """
    path = Path(path)
    pointer = path / POINTER_FILE
    if not pointer.is_file():
        return path
    name = pointer.read_text(encoding="utf-8").strip()
    generation = path / GENERATIONS_DIR / name
    if not name or not generation.is_dir():
        raise OSError(f"{pointer}: names generation {name!r}, but {generation} is missing; "
                      "rebuild the store with `hin build`")
    return generation


def manifest_path(generation: Path) -> Path:
    """Where the build's notes on a generation folder are kept: ``generations/<name>.json``."""
    return generation.parent / (generation.name + ".json")


def read_manifest(generation: Path) -> dict:
    """The build's notes on a generation (empty for a store that no build wrote)."""
    path = manifest_path(generation)
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise OSError(f"{path}: unreadable generation manifest ({error}); rebuild with `hin build`") from error


def store_exists(path: Path | str) -> bool:
    """Whether ``path`` holds a store to open (a built store, or a non-empty pyoxigraph folder)."""
    path = Path(path)
    if (path / POINTER_FILE).is_file():
        return (path / GENERATIONS_DIR / (path / POINTER_FILE).read_text(encoding="utf-8").strip()).is_dir()
    return path.is_dir() and any(path.iterdir())


def has_dataset_clause(sparql: str) -> bool:
    """Whether a query names its own dataset with ``FROM`` or ``FROM NAMED``.

    >>> has_dataset_clause("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }")
    True
    >>> has_dataset_clause('SELECT ?from WHERE { ?from ?p "FROM" }  # FROM here is a comment')
    False
    """
    return bool(_FROM.search(_NOT_KEYWORDS.sub(" ", sparql)))


def bind_with_values(sparql: str, terms: Mapping[str, ox.NamedNode | ox.BlankNode | ox.Literal]) -> str:
    """``sparql`` with ``VALUES`` binding ``terms`` as the first element of its WHERE group.

    >>> bind_with_values("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {"s": ox.NamedNode("http://x/a")})
    'SELECT (COUNT(*) AS ?n) WHERE { VALUES (?s) { (<http://x/a>) } ?s ?p ?o }'
    """
    blank = _NOT_KEYWORDS.sub(lambda match: " " * len(match[0]), sparql)
    where = _WHERE.search(blank)
    brace = where.end() - 1 if where else blank.find("{")
    if brace < 0:
        raise SyntaxError(f"cannot bind {', '.join(terms)}: the query has no WHERE group")
    names = " ".join(f"?{name}" for name in terms)
    row = " ".join(str(term) for term in terms.values())
    return f"{sparql[:brace + 1]} VALUES ({names}) {{ ({row}) }}{sparql[brace + 1:]}"


def to_oxigraph(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term (or a pyoxigraph term, or a plain Python value as a literal) as a pyoxigraph term."""
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if not isinstance(term, Identifier):
        term = Literal(term)
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), datatype=datatype)
    raise TypeError(f"cannot use {term!r} as a SPARQL value; give an IRI, blank node or literal")


def to_rdflib(term: object) -> URIRef | BNode | Literal:
    """A pyoxigraph term as an rdflib term (``xsd:string`` literals become plain literals)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise TypeError(f"cannot convert {term!r} to an rdflib term (RDF-star triples are not supported)")


def result_kind(result: object) -> str:
    """SOLUTIONS, BOOLEAN or GRAPH for a raw pyoxigraph query result."""
    if isinstance(result, ox.QuerySolutions):
        return SOLUTIONS
    if isinstance(result, ox.QueryBoolean):
        return BOOLEAN
    return GRAPH


def serialize_result(result: object, media_type: str | None = None) -> QueryResponse:
    """Serialise a raw pyoxigraph query result as ``media_type`` (``None``: the kind's default).

    Raises
    ------
    ValueError
        The media type is unknown, or cannot hold this kind of result (Turtle for a SELECT).
    """
    kind = result_kind(result)
    table = GRAPH_MEDIA_TYPES if kind == GRAPH else RESULT_MEDIA_TYPES
    wanted = next(iter(table)) if media_type is None else media_type.split(";")[0].strip().lower()
    if wanted not in table:
        what = "CONSTRUCT/DESCRIBE" if kind == GRAPH else "SELECT/ASK"
        raise ValueError(f"cannot serialise {what} results as {media_type!r}; "
                         f"choose one of {', '.join(table)}")
    return QueryResponse(kind=kind, media_type=wanted, body=result.serialize(format=table[wanted]))


class OxigraphStore:
    """An RDF dataset in an embedded pyoxigraph store; implements :class:`graph_api.store.GraphStore`.

    Examples
    --------
    >>> store = OxigraphStore.in_memory()
    >>> store.load_data(b'<http://example.org/a> <http://example.org/p> "x" .',
    ...                 "application/n-triples", graph="http://example.org/g")
    >>> store.select("SELECT ?o WHERE { ?s ?p ?o }")
    [{'o': rdflib.term.Literal('x')}]
    """

    def __init__(self, store: ox.Store, *, location: Path | None = None, read_only: bool = False,
                 union_default: bool = False, stored_default: bool = False):
        self._store: ox.Store | None = store
        self.location = location  #: the pyoxigraph folder opened, None in memory
        self.read_only = read_only
        self._union = union_default
        #: Query the store's own default graph as it is, never the union of the named graphs (the
        #: dataset the W3C SPARQL tests expect: default graph = qt:data only).  Off by default.
        self.stored_default = stored_default

    @classmethod
    def open(cls, path: Path | str, read_only: bool = True) -> OxigraphStore:
        """Open the store at ``path``, following a built store's generation pointer.

        Raises
        ------
        OSError
            No store at ``path`` (read-only), or the folder does not hold pyoxigraph data.
        """
        location = resolve_store_path(path)
        if read_only:
            if not store_exists(location):
                raise OSError(f"{path}: no store here; build one with `hin build --store {path}`")
            return cls(ox.Store.read_only(str(location)), location=location, read_only=True,
                       union_default=read_manifest(location).get("default_graph") == "union")
        location.mkdir(parents=True, exist_ok=True)
        return cls(ox.Store(str(location)), location=location)

    @property
    def has_union_graph(self) -> bool:
        """Whether the default graph holds the merge of the named graphs (see the module notes)."""
        return self._union

    def materialise_union(self) -> int:
        """Replace the default graph with the set union of all named graphs; returns its size.

        The triples are streamed from a snapshot into the bulk loader (``Store.bulk_extend``),
        which keeps blank nodes as they are and needs no transaction in memory: at a million
        quads about half the time and two thirds of the memory of the SPARQL update
        ``DROP DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }`` (benchmarks/loading.py).
        """
        store = self._writable()
        store.clear_graph(ox.DefaultGraph())
        store.bulk_extend(ox.Quad(quad.subject, quad.predicate, quad.object)
                          for quad in store.quads_for_pattern(None, None, None, None)
                          if not isinstance(quad.graph_name, ox.DefaultGraph))
        self._union = True
        count = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0]
        return int(count.value)

    @classmethod
    def in_memory(cls, *, stored_default: bool = False) -> OxigraphStore:
        """An empty, writable store held in memory.

        ``stored_default=True``: a query without a dataset sees the store's own default graph,
        not the union of the named graphs (see the module notes).
        """
        return cls(ox.Store(), stored_default=stored_default)

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store; ValueError once closed."""
        if self._store is None:
            raise ValueError("this store is closed; open it again with OxigraphStore.open()")
        return self._store

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise OSError(f"{self.location}: the store is open read-only; open it with read_only=False "
                          "to load data, or rebuild it with `hin build`")
        return self.oxigraph

    def load(self, path: Path | str, *, graph: str | None = None) -> None:
        """Bulk-load an RDF file (format by extension); triples go to ``graph`` (default graph if None)."""
        path = Path(path)
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
        if fmt is None:
            raise ValueError(f"{path}: unknown RDF file extension; use .ttl, .nt, .nq, .trig, .rdf or .jsonld")
        self._writable().bulk_load(path=str(path), format=fmt,
                                to_graph=ox.NamedNode(graph) if graph else None)

    def load_data(self, data: bytes | str, media_type: str, *, graph: str | None = None) -> None:
        """Load RDF given as text in ``media_type`` (e.g. ``application/trig``)."""
        fmt = ox.RdfFormat.from_media_type(media_type)
        if fmt is None:
            raise ValueError(f"unknown RDF media type {media_type!r}")
        self._writable().load(data, format=fmt, to_graph=ox.NamedNode(graph) if graph else None)

    def execute(
        self,
        sparql: str,
        *,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        substitutions: Mapping[str, object] | None = None,
        base_iri: str | None = None,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a query and return pyoxigraph's raw result (see :meth:`query` for the arguments)."""
        options: dict[str, object] = {}
        if default_graph_uris or named_graph_uris:
            options["default_graph"] = [ox.NamedNode(iri) for iri in default_graph_uris]
            options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graph_uris]
        elif not has_dataset_clause(sparql) and not self.has_union_graph and not self.stored_default:
            options["use_default_graph_as_union"] = True
        if base_iri is not None:
            options["base_iri"] = base_iri
        if not substitutions:
            return self.oxigraph.query(sparql, **options)
        terms = {name.lstrip("?$"): to_oxigraph(value) for name, value in substitutions.items()}
        try:
            return self.oxigraph.query(
                sparql, substitutions={ox.Variable(name): term for name, term in terms.items()},
                **options)
        except RuntimeError as error:
            if "projection" not in str(error):
                raise
        # pyoxigraph substitutes only variables a SELECT projects: bind the others with VALUES at
        # the start of the WHERE group (terms are validated pyoxigraph terms in N-Triples syntax).
        return self.oxigraph.query(bind_with_values(sparql, terms), **options)

    def query(
        self,
        sparql: str,
        *,
        media_type: str | None = None,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        substitutions: Mapping[str, object] | None = None,
        base_iri: str | None = None,
    ) -> QueryResponse:
        """Run a SPARQL query and serialise its answer.

        Parameters
        ----------
        sparql : str
            The query text.
        media_type : str, optional
            A key of RESULT_MEDIA_TYPES (SELECT, ASK) or GRAPH_MEDIA_TYPES (CONSTRUCT, DESCRIBE);
            parameters such as ``; charset=utf-8`` are ignored.  None: the kind's default.
        default_graph_uris, named_graph_uris : sequence of str
            The protocol's ``default-graph-uri`` and ``named-graph-uri`` (see the module notes).
        substitutions : mapping, optional
            Variable name (with or without ``?``) -> value (rdflib term), bound before evaluation
            with pyoxigraph's ``substitutions``; a variable that a SELECT does not project, which
            pyoxigraph refuses to substitute, is bound by a ``VALUES`` row at the start of the
            WHERE group instead.
        base_iri : str, optional
            The base against which relative IRIs in the query resolve when it has no ``BASE``
            (the endpoint passes its own URL).  None: a relative IRI is a syntax error.

        Returns
        -------
        QueryResponse
            ``media_type`` is the table key chosen (no parameters); the body is UTF-8.

        Raises
        ------
        SyntaxError
            The query does not parse; the message is pyoxigraph's, with line and column.
        ValueError
            ``media_type`` cannot hold this kind of result.
        """
        result = self.execute(sparql, default_graph_uris=default_graph_uris,
                              named_graph_uris=named_graph_uris, substitutions=substitutions,
                              base_iri=base_iri)
        return serialize_result(result, media_type)

    def select(
        self, sparql: str, substitutions: Mapping[str, object] | None = None
    ) -> list[dict[str, object]]:
        """Rows of a SELECT query as dicts of variable name -> rdflib term; unbound ones are absent."""
        result = self.execute(sparql, substitutions=substitutions)
        if not isinstance(result, ox.QuerySolutions):
            raise ValueError(f"select() needs a SELECT query, got a {result_kind(result)} query: "
                             f"{sparql.strip()[:80]!r}")
        names = [variable.value for variable in result.variables]
        return [{name: to_rdflib(solution[name]) for name in names if solution[name] is not None}
                for solution in result]

    def graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self.oxigraph.named_graphs() if isinstance(g, ox.NamedNode))

    def optimize(self) -> None:
        """Compact the on-disk data after a bulk load (writable stores only)."""
        self._writable().optimize()

    def __len__(self) -> int:
        return len(self.oxigraph)

    def close(self) -> None:
        """Flush (when writable) and release the store; further calls raise ValueError."""
        if self._store is not None and not self.read_only:
            self._store.flush()
        self._store = None

    def __enter__(self) -> OxigraphStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        where = self.location or "memory"
        return f"<OxigraphStore {where}{' read-only' if self.read_only else ''}>"
