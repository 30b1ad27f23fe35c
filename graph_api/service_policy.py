"""Which SPARQL ``SERVICE`` endpoints a query sent to HIN may call: the allow-list.

pyoxigraph evaluates ``SERVICE <endpoint> { ... }`` itself, by an HTTP request from the server
to the endpoint named.  So that a query cannot make HIN call any address it likes, the endpoint
looks at every ``SERVICE`` in the query before it runs and refuses the query, with
``service-not-allowed``, when a target is not on ``service_allow_list`` (graph_api.settings;
empty by default: no ``SERVICE`` at all) or is a variable (``SERVICE ?endpoint``), whose value is
known only while the query runs.  ``SERVICE SILENT`` is refused the same way: silence hides the
call's failure, not the call.

The scan reads the query as the SPARQL grammar does: codepoint escapes (``\\u0053ERVICE``) are
decoded first (SPARQL 1.1 Query, section 19.2), comments and string literals are skipped, prefixed
names are expanded with the query's ``PREFIX`` declarations and relative IRIs resolved against its
``BASE`` (or the endpoint's URL, which is the base the endpoint gives pyoxigraph).  A target is
allowed when its IRI equals an entry of the list, character for character.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import urljoin

from graph_api.errors import ApiError

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<pname>(?:[^\W\d][\w.\-]*)?:(?:[\w:%\-]|\\.|\.(?=[\w:%\-]))*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_LOCAL_ESCAPE = re.compile(r"\\(.)")


def _tokens(sparql: str) -> Iterator[tuple[str, str]]:
    """(kind, text) of the query's tokens, without spaces and comments."""
    text = _CODEPOINT.sub(lambda m: chr(int(m[1] or m[2], 16)), sparql)
    for match in _TOKEN.finditer(text):
        if match.lastgroup not in ("space", "comment"):
            yield match.lastgroup, match[0]


def service_targets(sparql: str, base_iri: str | None = None) -> list[str | None]:
    """The endpoints the query's ``SERVICE`` clauses name, in order; None for a variable target.

    Parameters
    ----------
    sparql
        The query text.
    base_iri
        What relative IRIs resolve against when the query has no ``BASE``.

    Examples
    --------
    >>> service_targets("PREFIX e: <http://example.org/> SELECT * { SERVICE SILENT e:sparql { ?s ?p ?o } "
    ...                 "SERVICE ?where {} }")
    ['http://example.org/sparql', None]
    >>> service_targets("SELECT * { ?s ?p 'SERVICE <http://x/>' } # SERVICE <http://y/>")
    []
    """
    tokens = list(_tokens(sparql))
    prefixes: dict[str, str] = {}
    base = base_iri
    targets: list[str | None] = []

    def resolve(iri: str) -> str:
        return urljoin(base, iri) if base else iri

    for index, (kind, text) in enumerate(tokens):
        if kind != "word":
            continue
        following = tokens[index + 1:index + 4]
        keyword = text.upper()
        if keyword == "BASE" and following and following[0][0] == "iri":
            base = resolve(following[0][1][1:-1])
        elif keyword == "PREFIX" and len(following) >= 2 and following[0][0] == "pname" \
                and following[1][0] == "iri":
            prefixes[following[0][1].rstrip(":")] = resolve(following[1][1][1:-1])
        elif keyword == "SERVICE":
            if following and following[0][0] == "word" and following[0][1].upper() == "SILENT":
                following = following[1:]
            if not following:
                continue  # the query ends here: the parser reports it
            target_kind, target = following[0]
            if target_kind == "iri":
                targets.append(resolve(target[1:-1]))
            elif target_kind == "pname":
                prefix, _, local = target.partition(":")
                targets.append(prefixes.get(prefix, prefix + ":") + _LOCAL_ESCAPE.sub(r"\1", local))
            elif target_kind == "var":
                targets.append(None)
    return targets


def check_services(sparql: str, allow_list: Iterable[str], base_iri: str | None = None) -> None:
    """Refuse a query whose ``SERVICE`` targets are not all on ``allow_list``.

    Raises
    ------
    ApiError
        ``service-not-allowed`` (403), naming the first target refused and what is allowed.
    """
    allowed = list(allow_list)
    for target in service_targets(sparql, base_iri):
        if target in allowed:
            continue
        listed = ", ".join(f"<{iri}>" for iri in allowed) if allowed else "none (service_allow_list is empty)"
        if target is None:
            raise ApiError("service-not-allowed", "SERVICE with a variable endpoint is refused: HIN calls "
                           "only endpoints named by IRI on its allow-list. Name the endpoint, e.g. "
                           f"SERVICE <http://host/sparql>. Allowed: {listed}.")
        raise ApiError("service-not-allowed", f"SERVICE <{target}> is not on this server's allow-list "
                       f"(service_allow_list). Allowed: {listed}. Ask the operator to add the endpoint, "
                       "or run the federated query in your own SPARQL engine with SERVICE pointing at HIN.")
