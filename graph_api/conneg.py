"""Content negotiation: one table of the media types HIN serves and a tested ``Accept`` parser.

A SPARQL answer is either a result set (SELECT solutions, ASK boolean) or an RDF graph
(CONSTRUCT, DESCRIBE).  :data:`FORMATS` lists what each kind can be sent as, in the server's order
of preference (the first is the default); :func:`negotiate` picks one from the ``Accept`` header
(RFC 9110 section 12.5.1) or from a ``format=`` query parameter, which overrides ``Accept``.

Ranking follows RFC 9110: each format takes the quality of the most specific media range that
matches it (``text/csv`` over ``text/*`` over ``*/*``); ``q=0`` excludes it.  Among formats of
equal quality the one matched more specifically wins, then the one named earlier in ``Accept``,
then the server's order.  Accept entries that do not parse are skipped, as RFC 9110 allows.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from graph_api.errors import ApiError
from graph_api.store import BOOLEAN, GRAPH, SOLUTIONS

#: What the result kinds of graph_api.store are called in messages.
KIND_NAMES = {SOLUTIONS: "SELECT results", BOOLEAN: "ASK results", GRAPH: "CONSTRUCT/DESCRIBE graphs"}

_RESULTS = frozenset({SOLUTIONS, BOOLEAN})
_GRAPHS = frozenset({GRAPH})


@dataclass(frozen=True)
class Format:
    """A serialisation HIN can send: its ``format=`` name, media type, the result kinds it
    serialises, the specification that defines it, and whether it carries ``charset=utf-8``."""

    name: str
    media_type: str
    kinds: frozenset[str]
    spec: str
    charset: bool

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header value of a response in this format."""
        return f"{self.media_type}; charset=utf-8" if self.charset else self.media_type


#: Every format served, in order of preference within each kind (the first is the default).
FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", _RESULTS,
           "https://www.w3.org/TR/sparql11-results-json/", False),
    Format("xml", "application/sparql-results+xml", _RESULTS,
           "https://www.w3.org/TR/rdf-sparql-XMLres/", True),
    Format("csv", "text/csv", _RESULTS, "https://www.w3.org/TR/sparql11-results-csv-tsv/", True),
    Format("tsv", "text/tab-separated-values", _RESULTS,
           "https://www.w3.org/TR/sparql11-results-csv-tsv/", True),
    Format("turtle", "text/turtle", _GRAPHS, "https://www.w3.org/TR/turtle/", True),
    Format("ntriples", "application/n-triples", _GRAPHS, "https://www.w3.org/TR/n-triples/", False),
    Format("rdfxml", "application/rdf+xml", _GRAPHS, "https://www.w3.org/TR/rdf-syntax-grammar/", True),
    Format("jsonld", "application/ld+json", _GRAPHS, "https://www.w3.org/TR/json-ld11/", False),
)

#: Other media types clients send, per result group, and the served media type they stand for.
#: Turtle is read by N3 parsers, so the N3 types get Turtle.
MEDIA_TYPE_ALIASES: dict[frozenset[str], dict[str, str]] = {
    _RESULTS: {
        "application/json": "application/sparql-results+json",
        "application/xml": "application/sparql-results+xml",
        "text/xml": "application/sparql-results+xml",
    },
    _GRAPHS: {
        "application/turtle": "text/turtle",
        "application/x-turtle": "text/turtle",
        "text/n3": "text/turtle",
        "text/rdf+n3": "text/turtle",
        "application/n3": "text/turtle",
        "text/plain": "application/n-triples",
        "application/xml": "application/rdf+xml",
        "text/xml": "application/rdf+xml",
        "application/json": "application/ld+json",
        "application/x-json+ld": "application/ld+json",
    },
}

#: Other ``format=`` names, per result group (SPARQLWrapper sends xml, json, n3, rdf, rdf+xml, json-ld).
FORMAT_NAME_ALIASES: dict[frozenset[str], dict[str, str]] = {
    _RESULTS: {"srj": "json", "srx": "xml"},
    _GRAPHS: {"ttl": "turtle", "n3": "turtle", "nt": "ntriples", "rdf": "rdfxml", "rdf+xml": "rdfxml",
              "xml": "rdfxml", "json-ld": "jsonld", "json": "jsonld"},
}

#: File extensions of RDF documents -> format name; on a linked-data URL (``/id/...ttl``) the
#: extension overrides ``Accept`` (graph_api.linked_data; ``.html`` is the HTML page).
SUFFIXES: dict[str, str] = {"ttl": "turtle", "nt": "ntriples", "rdf": "rdfxml", "jsonld": "jsonld"}

_TOKEN = r"[!#$%&'*+.^_`|~0-9a-z-]+"
_MEDIA_RANGE = re.compile(rf"^({_TOKEN})/({_TOKEN})$")
_QVALUE = re.compile(r"^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$")


@dataclass(frozen=True)
class MediaRange:
    """One entry of an ``Accept`` header: ``type/subtype``, its parameters (before ``q``), its
    quality and its position in the header."""

    type: str
    subtype: str
    params: tuple[tuple[str, str], ...] = ()
    q: float = 1.0
    position: int = 0

    @property
    def media_type(self) -> str:
        return f"{self.type}/{self.subtype}"


def _split_unquoted(text: str, separator: str) -> list[str]:
    """Split on ``separator`` outside double-quoted strings."""
    parts, current, quoted, escaped = [], [], False, False
    for char in text:
        if escaped:
            escaped = False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _parse_range(text: str, position: int) -> MediaRange | None:
    pieces = _split_unquoted(text, ";")
    match = _MEDIA_RANGE.match(pieces[0].strip().lower())
    if match is None or (match[1] == "*" and match[2] != "*"):
        return None
    params: list[tuple[str, str]] = []
    q = 1.0
    for piece in pieces[1:]:
        name, equals, value = piece.partition("=")
        name, value = name.strip().lower(), value.strip()
        if not equals or not name:
            return None
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        if name == "q":
            if not _QVALUE.match(value):
                return None
            q = float(value)
            break  # what follows q are accept-extensions, which do not restrict the range
        params.append((name, value))
    return MediaRange(match[1], match[2], tuple(params), q, position)


def parse_accept(header: str | None) -> list[MediaRange]:
    """Parse an ``Accept`` header into media ranges, in header order.

    Parameters
    ----------
    header
        The header value; ``None`` or blank means no preference.

    Returns
    -------
    list of MediaRange
        The entries that parse; malformed ones (no ``/``, a bad ``q``) are left out.

    Examples
    --------
    >>> [(r.media_type, r.q) for r in parse_accept("text/csv;q=0.5, application/json")]
    [('text/csv', 0.5), ('application/json', 1.0)]
    """
    if not header or not header.strip():
        return []
    ranges = (_parse_range(part, i) for i, part in enumerate(_split_unquoted(header, ",")) if part.strip())
    return [r for r in ranges if r is not None]


def formats_for(kind: str) -> tuple[Format, ...]:
    """The formats a result of ``kind`` (SOLUTIONS, BOOLEAN or GRAPH) can be sent as, default first."""
    found = tuple(f for f in FORMATS if kind in f.kinds)
    if not found:
        raise ValueError(f"unknown result kind {kind!r}; expected one of {sorted(KIND_NAMES)}")
    return found


def _specificity(fmt: Format, media_range: MediaRange, aliases: dict[str, str]) -> int | None:
    """How specifically ``media_range`` names ``fmt`` (higher is more specific), None if not at all."""
    charsets = [value.lower() for name, value in media_range.params if name == "charset"]
    if any(charset not in ("utf-8", "utf8") for charset in charsets):
        return None
    if media_range.media_type == "*/*":
        return 0
    if media_range.subtype == "*":
        return 1 if fmt.media_type.startswith(media_range.type + "/") else None
    if media_range.media_type == fmt.media_type:
        return 4 if media_range.params else 3
    return 2 if aliases.get(media_range.media_type) == fmt.media_type else None


def _by_name(kind: str, value: str) -> Format | None:
    """The format of ``kind`` that a ``format=`` value names (a name, an alias or a media type)."""
    group = formats_for(kind)[0].kinds
    value = value.strip().lower()
    name = FORMAT_NAME_ALIASES[group].get(value, value)
    media_type = MEDIA_TYPE_ALIASES[group].get(value, value)
    return next((f for f in formats_for(kind) if name == f.name or media_type == f.media_type), None)


def _known_format_value(value: str) -> bool:
    value = value.strip().lower()
    return any(_by_name(kind, value) is not None for kind in (SOLUTIONS, GRAPH))


def _choices(kind: str) -> str:
    return ", ".join(f"{f.media_type} (format={f.name})" for f in formats_for(kind))


#: Longest ``Accept`` header (and ``format=`` values together) whose choice is remembered: clients
#: send the same few headers again and again, and parsing one took about a quarter of the SPARQL
#: endpoint's own time on a lookup.  Longer ones are negotiated afresh (the cache stays small).
CACHED_REQUEST_CHARS = 1000


def negotiate(kind: str, accept: str | None = None, format_values: Sequence[str] = ()) -> Format:
    """Choose the format to send a result of ``kind`` in.

    Parameters
    ----------
    kind
        SOLUTIONS, BOOLEAN or GRAPH (see graph_api.store).
    accept
        The request's ``Accept`` header, or None.
    format_values
        Values of the ``format=`` parameter, in order: names (``json``, ``turtle``, ...), their
        aliases, or media types (comma-separated lists allowed).  The first that fits ``kind``
        wins and ``Accept`` is ignored; values that name no format are passed over.

    Returns
    -------
    Format

    Raises
    ------
    ApiError
        ``bad-request`` when no ``format=`` value names a format; ``not-acceptable``
        when nothing requested can be produced for ``kind``.

    Examples
    --------
    >>> negotiate("graph", "text/*;q=0.8, application/ld+json;q=0.9").name
    'jsonld'
    >>> negotiate("solutions", "text/csv", ["tsv"]).media_type
    'text/tab-separated-values'
    """
    format_values = tuple(format_values)
    if len(accept or "") + sum(len(value) for value in format_values) <= CACHED_REQUEST_CHARS:
        return _remembered(kind, accept, format_values)  # an error is not remembered: raised again
    return _negotiate(kind, accept, format_values)


@lru_cache(maxsize=256)
def _remembered(kind: str, accept: str | None, format_values: tuple[str, ...]) -> Format:
    return _negotiate(kind, accept, format_values)


def _negotiate(kind: str, accept: str | None, format_values: tuple[str, ...]) -> Format:
    """:func:`negotiate`, every time."""
    if format_values:
        # A value may list media types ("application/ld+json,application/x-json+ld", as SPARQLWrapper
        # sends); names that mean nothing here are passed over while another value is understood.
        pieces = [p.split(";", 1)[0].strip() for v in format_values for p in v.split(",") if p.strip()]
        known = [p for p in pieces if _known_format_value(p)]
        if not known:
            names = ", ".join(f.name for f in FORMATS)
            raise ApiError("bad-request", f"unknown format={format_values[0]!r}; use one of {names} "
                           "or a media type")
        chosen = next((f for f in (_by_name(kind, p) for p in known) if f is not None), None)
        if chosen is None:
            raise ApiError("not-acceptable", f"format={known[0]!r} cannot be used for "
                           f"{KIND_NAMES[kind]}; they can be sent as {_choices(kind)}")
        return chosen
    ranges = parse_accept(accept)
    candidates = formats_for(kind)
    if not ranges:
        return candidates[0]
    aliases = MEDIA_TYPE_ALIASES[candidates[0].kinds]
    best: tuple[tuple[float, int, int, int], Format] | None = None
    for order, fmt in enumerate(candidates):
        matches = [(spec, r) for r in ranges if (spec := _specificity(fmt, r, aliases)) is not None]
        if not matches:
            continue
        spec, media_range = max(matches, key=lambda m: (m[0], m[1].q, -m[1].position))
        if media_range.q <= 0:
            continue
        rank = (media_range.q, spec, -media_range.position, -order)
        if best is None or rank > best[0]:
            best = (rank, fmt)
    if best is None:
        raise ApiError("not-acceptable", f"none of the media types in Accept: {accept} can be produced for "
                       f"{KIND_NAMES[kind]}; they can be sent as {_choices(kind)}")
    return best[1]
