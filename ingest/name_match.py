"""Do two actor names from different documents name the same actor?  The rules of cross-document
resolution (docs/resolution.md), each conservative and each with a score and a reason.

* **shared name** (0.9): a name of one entity equals a name of the other after
  :func:`ingest.resolve.canonical` (an alias such as the bracketed ``MCON`` of
  ``Dieter Meyer Consulting GmbH (MCON)`` is a name too);
* **abbreviation** (0.85 / 0.8): one name is an acronym (``EWI``) and the other is that acronym
  with only head words around it (``Departement EWI``), or the acronym is the initials of the
  other's capitalised words (``Economie, Wetenschap en Innovatie``);
* **translation** (0.8 / 0.75): both names have a head word of the same class of institution
  (``Kammer``/``Kamer``/``Chamber``, from ``ingest/lexicon/org_heads.tsv``), their generic words
  translate to the same concepts (:data:`GENERIC_WORDS`: ``Industrie- und Handels-`` = industry +
  trade, ``Koophandel`` = trade; one set may hold the other) and the remaining proper-name core is
  the same by the first five letters of each word (``Nord Westfalen``).

Names of one word that is only a head word (``Kamer``) never match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.iris import normalise_name
from ingest.resolve import canonical
from ingest.tokens import pattern, wordlist

#: Generic words of institution names (normalised, also as the first part of a compound) and the
#: concept each translates to.  Two translated names must agree on these concepts.
GENERIC_WORDS = {
    "industrie": "industry", "industry": "industry", "industri": "industry",
    "nijverheid": "industry",
    "handel": "trade", "handels": "trade", "koophandel": "trade", "commerce": "trade",
    "trade": "trade", "erhverv": "trade", "erhvervs": "trade",
    "handwerk": "craft", "handwerks": "craft", "ambacht": "craft", "ambachten": "craft",
    "crafts": "craft", "craft": "craft", "handvaerk": "craft", "handvaerks": "craft",
    "landwirtschaft": "agriculture", "landbouw": "agriculture", "landbrug": "agriculture",
    "agriculture": "agriculture",
}
#: Abbreviated head words that stand for a head and generic words (``IHK`` = chamber of industry
#: and trade).
ABBREVIATED_HEADS = {
    "ihk": ("chamber", frozenset({"industry", "trade"})),
    "hwk": ("chamber", frozenset({"craft"})),
}
#: Words that join the parts of a name in the four languages.
CONNECTORS = frozenset("fur und van voor of for de der die das den des het en og and i in the "
                       "af for zur zum du la le et".split())

_ACRONYM = re.compile(r"^[A-ZÄÖÜÆØÅ][A-ZÄÖÜÆØÅ0-9&]{1,7}$")


@dataclass(frozen=True)
class Match:
    """Why two names name one actor."""

    rule: str  #: shared-name, abbreviation or translation
    score: float
    reason: str  #: one English sentence for people


@dataclass(frozen=True)
class NameShape:
    """The parts of one name that the rules compare."""

    heads: frozenset[str]  #: classes of its head words (chamber, association, ...), "other" left out
    generic: frozenset[str]  #: concepts of its generic words
    core: tuple[str, ...]  #: the remaining words, normalised, in order


def is_acronym(name: str) -> bool:
    """``EWI``, ``MCON``, ``IHK``: one word of two to eight capitals (digits and & allowed)."""
    return bool(_ACRONYM.match(name.strip()))


@lru_cache(maxsize=8192)
def shape(name: str, language: str) -> NameShape:
    """Split a name into head classes, generic concepts and proper-name core."""
    heads_list, stop = wordlist("org_heads", language), wordlist("stopwords", language)
    heads, generic, core = set(), set(), []
    for word in canonical(name, language).split():
        if word in ABBREVIATED_HEADS:
            head, concepts = ABBREVIATED_HEADS[word]
            heads.add(head)
            generic |= concepts
            continue
        if word in CONNECTORS or stop.word(word):
            continue
        if word in GENERIC_WORDS:
            generic.add(GENERIC_WORDS[word])
            continue
        head, prefix = _head(word, heads_list)
        if head is None:
            core.append(word)
            continue
        if head != "other":
            heads.add(head)
        if prefix in GENERIC_WORDS:
            generic.add(GENERIC_WORDS[prefix])
        elif prefix:
            core.append(prefix)
    return NameShape(frozenset(heads), frozenset(generic), tuple(core))


def _head(word: str, heads) -> tuple[str | None, str]:
    """The head class of a word and the part before the head in a compound (``handelskammer`` ->
    chamber, ``handels``); ``(None, "")`` when the word is no head."""
    value = heads.word(word)
    if value is None:
        return None, ""
    for cut in range(3, len(word) - 3):
        piece = word[cut:]
        whole = piece in heads.exact or any(piece.startswith(stem) for stem, _ in heads.prefix)
        if whole and heads.word(piece) == value:
            return value, word[:cut]
    return value, ""


def core_key(name_shape: NameShape) -> frozenset[str]:
    """The proper-name core by the first five letters of each word (the index of translations)."""
    return frozenset(w[:5] for w in name_shape.core)


def same_name(a: str, lang_a: str, b: str, lang_b: str) -> Match | None:
    """The shared-name rule: equal after canonical(), and not a bare head word."""
    ca, cb = canonical(a, lang_a), canonical(b, lang_b)
    if not ca or ca != cb:
        return None
    if not shape(a, lang_a).core and not is_acronym(a) and not shape(a, lang_a).generic:
        return None
    return Match("shared-name", 0.9, f"'{a}' and '{b}' are the same name once case, accents, "
                 "punctuation and legal form are set aside")


def abbreviation(short: str, lang_short: str, long: str, lang_long: str) -> Match | None:
    """The abbreviation rule: ``EWI`` and ``Departement EWI``, or ``EWI`` and the initials of
    ``Economie, Wetenschap en Innovatie``."""
    if not is_acronym(short) or is_acronym(long):
        return None
    tokens = re.findall(r"[\w&]+", long)
    if f"({short})" in long.replace(" ", ""):
        return Match("abbreviation", 0.9, f"'{long}' gives '{short}' as its abbreviation in brackets")
    if short in tokens:
        rest = [t for t in tokens if t != short]
        heads, stop = wordlist("org_heads", lang_long), wordlist("stopwords", lang_long)
        legal = pattern("legal_forms", lang_long)
        if rest and all(heads.word(t) or stop.word(t) or t.casefold() in CONNECTORS
                        or legal.fullmatch(t) for t in rest):
            return Match("abbreviation", 0.85, f"'{short}' is the name in '{long}' without its "
                         f"head word ({' '.join(rest)})")
        return None
    words = [t for t in tokens if t[:1].isupper() and normalise_name(t) not in CONNECTORS]
    heads = wordlist("org_heads", lang_long)
    content = [t for t in words if not heads.word(t)]
    for candidate in (words, content):
        if len(candidate) >= 2 and "".join(t[0] for t in candidate).upper() == short.upper():
            return Match("abbreviation", 0.8, f"'{short}' is the initials of '{long}'")
    return None


def translation(a: str, lang_a: str, b: str, lang_b: str) -> Match | None:
    """The translation rule (see the module notes)."""
    sa, sb = shape(a, lang_a), shape(b, lang_b)
    if not sa.heads or not (sa.heads & sb.heads) or not sa.core or not sb.core:
        return None
    if core_key(sa) != core_key(sb) or sum(len(w) for w in sa.core) < 4:
        return None
    if sa.generic == sb.generic:
        score = 0.8
    elif sa.generic and sb.generic and (sa.generic < sb.generic or sb.generic < sa.generic):
        score = 0.75
    else:
        return None
    head = sorted(sa.heads & sb.heads)[0]
    core = " ".join(sa.core)
    return Match("translation", score, f"'{a}' and '{b}' both have a head word of the class {head} and the proper name "
                 f"'{core}'" + (f" and the generic words {', '.join(sorted(sa.generic | sb.generic))}"
                                if sa.generic or sb.generic else ""))


def match_names(a: str, lang_a: str, b: str, lang_b: str) -> Match | None:
    """The best rule that holds for two names, or None."""
    found = [same_name(a, lang_a, b, lang_b), abbreviation(a, lang_a, b, lang_b),
             abbreviation(b, lang_b, a, lang_a), translation(a, lang_a, b, lang_b)]
    found = [m for m in found if m is not None]
    return max(found, key=lambda m: m.score) if found else None
