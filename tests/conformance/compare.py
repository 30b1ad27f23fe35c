"""Comparing answers as the W3C SPARQL test suite prescribes.

Solution sequences are equal when a one-to-one renaming of blank nodes makes them the same
multiset of rows; when the query orders its solutions (a top-level ``ORDER BY``), the rows must
also come in the same order.  Graphs (CONSTRUCT, DESCRIBE) are equal when they are isomorphic:
the same comparison over rows of three positions (subject, predicate, object), unordered.

The search tries, for each expected row with blank nodes, the actual rows of the same shape whose
other terms are equal, extending the renaming as it goes and backing out on a conflict.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence

from tests.conformance.results import Term

Row = Mapping[Hashable, Term]

_BLANK_TEXT = re.compile(
    r"#[^\n]*|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\s]*>", re.DOTALL)
_ORDER_BY = re.compile(r"(?<![\w?$:])ORDER\s+BY(?![\w:])", re.IGNORECASE)


def has_top_level_order_by(sparql: str) -> bool:
    """Whether the query's own solutions are ordered (``ORDER BY`` outside every ``{ }``).

    >>> has_top_level_order_by("SELECT * { { SELECT ?x { ?x ?p ?o } ORDER BY ?x LIMIT 1 } }")
    False
    >>> has_top_level_order_by("SELECT * { ?x ?p ?o } ORDER BY ?o")
    True
    """
    text = _BLANK_TEXT.sub(" ", sparql)
    depth, outside = 0, []
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0:
            outside.append(char)
            continue
        outside.append(" ")
    return bool(_ORDER_BY.search("".join(outside)))


def _is_blank(term: Term) -> bool:
    return term[0] == "bnode"


def _ground(row: Row) -> bool:
    return not any(_is_blank(term) for term in row.values())


def _shape(row: Row) -> tuple:
    """What a renaming of blank nodes leaves unchanged: the bound keys and the non-blank terms."""
    return tuple(sorted((repr(key), "_" if _is_blank(term) else term) for key, term in row.items()))


def _extend(expected: Row, actual: Row, forward: dict, backward: dict) -> list[tuple] | None:
    """Extend the renaming so that ``expected`` maps to ``actual``; returns the pairs added, or None."""
    if expected.keys() != actual.keys():
        return None
    added: list[tuple] = []
    for key, term in expected.items():
        other = actual[key]
        if not _is_blank(term) or not _is_blank(other):
            if term != other:
                break
            continue
        if forward.get(term, other) != other or backward.get(other, term) != term:
            break
        if term not in forward:
            forward[term], backward[other] = other, term
            added.append((term, other))
    else:
        return added
    for term, other in added:
        del forward[term], backward[other]
    return None


def _match_unordered(expected: list[Row], actual: list[Row], forward: dict, backward: dict) -> bool:
    candidates: dict[tuple, list[int]] = {}
    for index, row in enumerate(actual):
        candidates.setdefault(_shape(row), []).append(index)
    order = sorted(range(len(expected)), key=lambda i: len(candidates.get(_shape(expected[i]), ())))
    used = [False] * len(actual)

    def search(position: int) -> bool:
        if position == len(order):
            return True
        row = expected[order[position]]
        for index in candidates.get(_shape(row), ()):
            if used[index]:
                continue
            added = _extend(row, actual[index], forward, backward)
            if added is None:
                continue
            used[index] = True
            if search(position + 1):
                return True
            used[index] = False
            for term, other in added:
                del forward[term], backward[other]
        return False

    return search(0)


def rows_isomorphic(expected: Sequence[Row], actual: Sequence[Row], ordered: bool = False) -> bool:
    """Whether two sequences of rows are equal up to a one-to-one renaming of blank nodes.

    Parameters
    ----------
    expected, actual
        Rows as mappings of key (variable name, or position in a triple) -> term.
    ordered
        Whether the rows must also come in the same order.

    Examples
    --------
    >>> a = [{"x": ("bnode", "a")}, {"x": ("bnode", "b")}]
    >>> rows_isomorphic(a, [{"x": ("bnode", "z")}, {"x": ("bnode", "y")}])
    True
    >>> rows_isomorphic(a, [{"x": ("bnode", "z")}, {"x": ("bnode", "z")}])
    False
    """
    if len(expected) != len(actual):
        return False
    forward: dict = {}
    backward: dict = {}
    if ordered:
        return all(_extend(e, a, forward, backward) is not None for e, a in zip(expected, actual))
    ground_expected = Counter(frozenset(row.items()) for row in expected if _ground(row))
    ground_actual = Counter(frozenset(row.items()) for row in actual if _ground(row))
    if ground_expected != ground_actual:
        return False
    return _match_unordered([r for r in expected if not _ground(r)], [r for r in actual if not _ground(r)],
                            forward, backward)


def graphs_isomorphic(expected: Sequence[tuple[Term, Term, Term]],
                      actual: Sequence[tuple[Term, Term, Term]]) -> bool:
    """Whether two graphs are isomorphic (duplicate triples are counted once)."""
    def rows(triples: Sequence[tuple[Term, Term, Term]]) -> list[dict[int, Term]]:
        return [dict(enumerate(triple)) for triple in dict.fromkeys(triples)]
    return rows_isomorphic(rows(expected), rows(actual))
