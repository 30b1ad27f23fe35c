"""The catalogue of named SPARQL queries: the ``.rq`` files of this folder.

Each file starts with a header of comment lines, then the query::

    # title: Actors by cluster
    # description: Every cluster with its members.  A description may go on
    #   over indented continuation lines.
    # kind: example
    # param: cluster (iri) -- the cluster to list; unbound lists every cluster
    PREFIX hin: <https://w3id.org/hin/ontology#>
    SELECT ...

The file stem is the query's slug (its URL name).  ``kind`` is ``example`` (a query for
researchers), ``view`` (a network view: it returns ``?source ?target ?weight``) or ``partition``
(a grouping of nodes for brokerage roles and pictures: it returns ``?node ?group``).  A parameter is a
variable of the query that a caller may bind; binding happens through the store's
``substitutions`` (SPARQL SEP-0007), never by formatting values into the text, and an unbound
parameter ranges over every value, as any variable does.  Every query is parsed when the catalogue
loads, so a broken file stops the start-up with a :class:`SyntaxError` naming the file and line.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import Literal, URIRef

#: The folder of the shipped ``.rq`` files.
QUERIES_DIR = Path(__file__).resolve().parent

#: Kinds of named query.
KINDS = ("example", "view", "partition")

#: Parameter types and the rdflib term a string value becomes.
PARAMETER_TYPES = ("iri", "string", "integer", "decimal", "boolean")

#: Header keys a file may use; ``param`` may repeat.
HEADER_KEYS = ("title", "description", "kind", "param")

_XSD = "http://www.w3.org/2001/XMLSchema#"
_HEADER_LINE = re.compile(r"^#\s*(?P<key>[A-Za-z_-]+)\s*:\s*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^#\s{2,}(?P<value>\S.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<type>[a-z]+)\)\s*(?:--\s*(?P<doc>.*))?$")
_PARSER_POSITION = re.compile(r"error at (\d+):(\d+)")


@dataclass(frozen=True)
class Parameter:
    """A variable of a named query that callers may bind."""

    name: str  #: the SPARQL variable, without ``?``
    type: str  #: one of PARAMETER_TYPES
    description: str = ""

    def term(self, value: str) -> URIRef | Literal:
        """The rdflib term for a value given as text (a query-string parameter, a CLI flag).

        Raises ``ValueError`` when the text is not a value of the parameter's type.
        """
        if self.type == "iri":
            if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", value):
                raise ValueError(f"parameter {self.name}: {value!r} is not an absolute IRI")
            return URIRef(value)
        if self.type == "string":
            return Literal(value)
        if self.type == "boolean":
            if value not in ("true", "false"):
                raise ValueError(f"parameter {self.name}: {value!r} is not true or false")
            return Literal(value == "true")
        kind = int if self.type == "integer" else float
        try:
            kind(value)
        except ValueError:
            raise ValueError(f"parameter {self.name}: {value!r} is not an {self.type}") from None
        return Literal(value, datatype=URIRef(_XSD + ("integer" if kind is int else "decimal")))


@dataclass(frozen=True)
class NamedQuery:
    """One ``.rq`` file: its header and its text."""

    slug: str  #: the file stem, used in URLs
    title: str
    description: str
    kind: str  #: "example", "view" or "partition"
    parameters: tuple[Parameter, ...]
    text: str  #: the whole file, header included (comments are valid SPARQL)
    path: Path
    variables: tuple[str, ...] = ()  #: what a SELECT query projects, in order

    def bind(self, values: Mapping[str, str]) -> dict[str, URIRef | Literal]:
        """Substitutions for :meth:`graph_api.store.GraphStore.select` from text values.

        Raises ``ValueError`` for a name that is not a declared parameter or a value of the wrong
        type.

        >>> query = load_catalogue().get("actors-by-cluster")
        >>> query.bind({"cluster": "https://w3id.org/hin/id/cluster/x"})
        {'cluster': rdflib.term.URIRef('https://w3id.org/hin/id/cluster/x')}
        """
        declared = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(declared))
        if unknown:
            raise ValueError(
                f"query {self.slug} has no parameter {', '.join(unknown)}; "
                f"its parameters are: {', '.join(declared) or 'none'}"
            )
        return {name: declared[name].term(value) for name, value in values.items()}


class Catalogue:
    """The named queries, by slug, in slug order."""

    def __init__(self, queries: list[NamedQuery]) -> None:
        self._queries = {q.slug: q for q in sorted(queries, key=lambda q: q.slug)}

    def __iter__(self) -> Iterator[NamedQuery]:
        return iter(self._queries.values())

    def __len__(self) -> int:
        return len(self._queries)

    def __contains__(self, slug: object) -> bool:
        return slug in self._queries

    def get(self, slug: str) -> NamedQuery:
        """The query named ``slug``; ``KeyError`` (listing the known slugs) when there is none."""
        try:
            return self._queries[slug]
        except KeyError:
            raise KeyError(f"no named query {slug!r}; known: {', '.join(self._queries)}") from None

    def views(self) -> list[NamedQuery]:
        """The network views (kind ``view``)."""
        return [q for q in self if q.kind == "view"]

    def examples(self) -> list[NamedQuery]:
        """The example queries for researchers (kind ``example``)."""
        return [q for q in self if q.kind == "example"]

    def partitions(self) -> list[NamedQuery]:
        """The node partitions (kind ``partition``)."""
        return [q for q in self if q.kind == "partition"]


def load_catalogue(directory: Path | str = QUERIES_DIR) -> Catalogue:
    """Read and parse every ``*.rq`` file of ``directory``.

    Raises ``SyntaxError`` naming the file (and line) when a header is incomplete or a query does
    not parse, so that a broken query stops the start-up instead of failing at request time.

    >>> catalogue = load_catalogue()
    >>> len(catalogue.examples()) >= 10 and all(v.kind == "view" for v in catalogue.views())
    True
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise OSError(f"query folder {directory} does not exist")
    return Catalogue([read_query(path) for path in sorted(directory.glob("*.rq"))])


def read_query(path: Path) -> NamedQuery:
    """Read one ``.rq`` file, parse its header and check that its query parses."""
    text = path.read_text(encoding="utf-8")
    header = _parse_header(path, text)
    for key in ("title", "description", "kind"):
        if not header.get(key):
            _fail(path, 1, f"the header has no '# {key}:' line")
    kind = header["kind"][0]
    if kind not in KINDS:
        _fail(path, 1, f"kind {kind!r} is not one of {', '.join(KINDS)}")
    parameters = tuple(_parse_parameter(path, line) for line in header.get("param", []))
    variables = _check_parses(path, text, parameters)
    if kind == "view" and not {"source", "target", "weight"} <= set(variables):
        _fail(path, 1, "a view must SELECT ?source ?target ?weight; it selects "
              + " ".join(f"?{v}" for v in variables))
    if kind == "partition" and not {"node", "group"} <= set(variables):
        _fail(path, 1, "a partition must SELECT ?node ?group; it selects "
              + " ".join(f"?{v}" for v in variables))
    return NamedQuery(
        slug=path.stem,
        title=header["title"][0],
        description=header["description"][0],
        kind=kind,
        parameters=parameters,
        text=text,
        path=path,
        variables=tuple(variables),
    )


def _parse_header(path: Path, text: str) -> dict[str, list[str]]:
    header: dict[str, list[str]] = {}
    last: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        if last is not None and (more := _CONTINUATION.match(line)):
            header[last][-1] += " " + more.group("value").strip()
            continue
        match = _HEADER_LINE.match(line)
        if match is None:
            last = None  # a plain comment inside the header
            continue
        key = match.group("key").lower()
        if key not in HEADER_KEYS:
            _fail(path, number, f"unknown header key {key!r}; use one of {', '.join(HEADER_KEYS)}")
        if key != "param" and key in header:
            _fail(path, number, f"header key {key!r} given twice")
        header.setdefault(key, []).append(match.group("value").strip())
        last = key
    return header


def _parse_parameter(path: Path, line: str) -> Parameter:
    match = _PARAM.match(line)
    if match is None:
        _fail(path, 1, f"parameter line {line!r} is not 'name (type) -- description'")
    if match.group("type") not in PARAMETER_TYPES:
        _fail(path, 1, f"parameter type {match.group('type')!r} is not one of {', '.join(PARAMETER_TYPES)}")
    return Parameter(match.group("name"), match.group("type"), (match.group("doc") or "").strip())


def _check_parses(path: Path, text: str, parameters: tuple[Parameter, ...]) -> list[str]:
    """Parse the query (running it on an empty store) and return the variables it selects."""
    for parameter in parameters:
        if not re.search(rf"[?$]{parameter.name}\b", text):
            _fail(path, 1, f"parameter {parameter.name!r} is not a variable of the query")
    try:
        result = pyoxigraph.Store().query(text)
        if isinstance(result, pyoxigraph.QuerySolutions):
            return [v.value for v in result.variables]
        if isinstance(result, pyoxigraph.QueryTriples):
            list(result)
        return []
    except SyntaxError as error:
        position = _PARSER_POSITION.search(str(error))
        lines = text.splitlines() or [""]
        line = min(int(position.group(1)) if position else 1, len(lines))
        column = int(position.group(2)) if position else 0
        raise SyntaxError(
            f"{path}:{line}: the query does not parse: {error}; fix the query or remove the file",
            (str(path), line, column, lines[line - 1]),
        ) from None


def _fail(path: Path, line: int, message: str):
    source = path.read_text(encoding="utf-8").splitlines()
    raise SyntaxError(
        f"{path}:{line}: {message}",
        (str(path), line, 1, source[line - 1] if 0 < line <= len(source) else ""),
    )
