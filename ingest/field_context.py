"""Which field matches name a thematic field in context.

Some labels of the field scheme are everyday words of the genre ("Pflege", "zorg", "care",
"Gesundheitsversorgung", "Fachkräfte", "Gründung").  A match of such a *generic* concept (listed as
``generic`` in ``ingest/lexicon/field_words.tsv``) counts only where the text treats it as a field:

* a pattern of :mod:`ingest.fields` found it (a list after "Handlungsfelder:", a field word before
  it, quotes);
* it stands in a short heading or list line (at most six words);
* it is coordinated with a field that is not generic ("in der Pflege und der Telemedizin",
  "digital health, assistive technology and diagnostics").

A generic concept with one such mention keeps all its mentions.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.lexicon import load_words

#: Rules of :mod:`ingest.fields` that read a field context themselves.
_CONTEXT_RULES = {"heading-list", "heading-inline", "trigger-quoted", "trigger-list", "trigger-single", "propagated"}
_COORDINATION = re.compile(r"^\s*(?:,|/|und|sowie|oder|and|or|as well as|en|of|og|eller|et|ou)?\s*"
                           r"(?:,\s*)?(?:(?:der|die|das|den|dem|des|de|het|the|la|le|les)\s+)?$",
                           re.IGNORECASE)
_SHORT_LINE_WORDS = 6


@lru_cache(maxsize=1)
def generic_concepts() -> frozenset[str]:
    """Slugs of the concepts whose labels need a field context."""
    return frozenset(row.form for row in load_words("field_words") if row.kind == "generic")


def in_context(matches: list, text: str) -> list:
    """The field matches that name a field, in the order given.

    Parameters
    ----------
    matches : list of FieldMatch
        Non-overlapping matches of one text, in text order (:func:`ingest.fields.find_fields`).
    text : str
        The text they point into.
    """
    generic = generic_concepts()
    supported = set()
    for k, match in enumerate(matches):
        if match.slug not in generic:
            continue
        if match.rule in _CONTEXT_RULES or _short_line(text, match) or _coordinated(matches, k, text, generic):
            supported.add(match.slug)
    return [m for m in matches if m.slug not in generic or m.slug in supported]


def _short_line(text: str, match) -> bool:
    start = text.rfind("\n", 0, match.start) + 1
    end = text.find("\n", match.end)
    line = text[start:end if end >= 0 else len(text)]
    return len(line.split()) <= _SHORT_LINE_WORDS


def _coordinated(matches: list, k: int, text: str, generic: frozenset[str]) -> bool:
    """Is match ``k`` joined by a comma or conjunction to a neighbouring non-generic field?"""
    for j in (k - 1, k + 1):
        if not 0 <= j < len(matches) or matches[j].slug in generic:
            continue
        a, b = sorted((matches[j], matches[k]), key=lambda m: m.start)
        if b.start - a.end <= 20 and "\n" not in text[a.end:b.start] and _COORDINATION.match(text[a.end:b.start]):
            return True
    return False
