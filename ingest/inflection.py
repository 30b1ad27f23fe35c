"""German inflection of organisation names, so that one actor gets one slug and one label base.

German names decline: "des Ministeriums für Arbeit" names the "Ministerium für Arbeit", "des
Netzwerks X" the "Netzwerk X", "der Europäischen Kommission" / "die Europäische Kommission", "den
Europäischen Fonds" / "der Europäische Fonds".  :func:`base_name` undoes the genitive ending of a
head or cluster word ("Ministeriums" -> "Ministerium", "Landkreises" -> "Landkreis");
:func:`comparable` also reduces adjectives to their stem ("Europäischen", "Europäischer" ->
"Europäisch") for comparing names and making slugs.  Danish, Norwegian and Swedish names take a
genitive "-s" on their last word ("på Lolland Kommunes rådhus", "Aalborg Universitets"), which
:func:`base_name` removes too when the rest is a head word.  Other languages are returned unchanged.
"""
from __future__ import annotations

import re

from ingest.tokens import wordlist

_ADJECTIVE = re.compile(r"^(?P<stem>[A-ZÄÖÜ]\w*(?:isch|lich|ig|al|er))(?:e|en|er|es|em)$")
#: A word, hyphenated parts included; not the first part of a suspended compound ("Wirtschaftsförderungs- und").
_WORD = re.compile(r"[\wÄÖÜäöüß]+(?:-[\wÄÖÜäöüß]+)*(?![\w-])")


#: Languages whose names take a genitive "-s" on the last word only.
NORDIC = {"da", "nb", "no", "sv"}


def _is_head(word: str, language: str = "de") -> bool:
    """Is ``word`` (uninflected) a head or cluster word of the lexicons?"""
    low = word.casefold()
    for name in ("org_heads", "cluster_words"):
        words = wordlist(name, language)
        if low in words.exact or any(low.startswith(stem) for stem, _ in words.prefix) \
                or any(low.endswith(stem) for stem, _ in words.suffix):
            return True
    return False


def _uninflected_head(word: str) -> str:
    low = word.casefold()
    if not low.endswith("s") or low in wordlist("org_heads", "de").exact or low in wordlist("cluster_words", "de").exact:
        return word
    for cut in (2, 1):
        if len(word) - cut >= 4 and (cut == 1 or low.endswith("es")) and _is_head(word[:-cut]):
            return word[:-cut]
    return word


def base_name(name: str, language: str) -> str:
    """``name`` with the genitive ending of its head words removed (German; in the Nordic languages that of
    the last word)."""
    if language in NORDIC:
        head, _, last = name.rpartition(" ")
        low = last.casefold()
        exact = wordlist("org_heads", language).exact | wordlist("cluster_words", language).exact
        if head and low.endswith("s") and not low.endswith("ss") and len(last) >= 5 and low not in exact \
                and _is_head(last[:-1], language):
            return f"{head} {last[:-1]}"
        return name
    if language != "de":
        return name
    return _WORD.sub(lambda m: _uninflected_head(m.group()), name)


def comparable(name: str, language: str) -> str:
    """:func:`base_name` with adjectives reduced to their stem, for comparison and slugs."""
    if language != "de":
        return base_name(name, language)
    name = base_name(name, language)
    return _ATTRIBUTIVE.sub(lambda m: _ADJECTIVE.match(m.group(1)).group("stem") + m.group(2), name)


#: An adjective right before a capitalised word (attributive): "Europäischen Fonds".
_ATTRIBUTIVE = re.compile(r"\b([A-ZÄÖÜ]\w*(?:isch|lich|ig|al|er)(?:e|en|er|es|em))(\s+[A-ZÄÖÜ])")
