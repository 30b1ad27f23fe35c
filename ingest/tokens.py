"""Tokens of a sentence and the word lists of ``ingest/lexicon`` as matchers.

A token keeps its offsets into the document text.  :class:`WordList` matches a token (or a run of
tokens, for multi-word entries) against a lexicon, honouring the ``*`` stems of the lexicon README.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.lexicon import load_words
from ingest.model import Sentence

#: A word: letters joined by inner hyphens, en dashes ("Wales–Denmark"), dots, "&" and apostrophes,
#: but not by the possessive "'s" ("Tallinn Health Cluster's" is the name and a possessive).
_TOKEN = re.compile(r"\w+(?:[’'](?!s\b)\w+|[.&\-–@]\w+)*|[^\w\s]")
#: Inflection endings a compound may carry after a ``*suffix`` stem.
_ENDINGS = ("", "s", "n", "en", "e", "er", "es", "et", "ets", "ne", "erne", "ens")
QUOTES_OPEN = set('„"“«‚\'')
QUOTES_CLOSE = set('"”“»‘’\'')
MONTHS = {m.casefold() for m in (
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
    "januari februari maart mei juni juli augustus oktober december januar februar marts maj "
    "juni juli oktober january february march may june july october december Jänner").split()}
WEEKDAYS = {d.casefold() for d in (
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag maandag dinsdag woensdag donderdag vrijdag "
    "zaterdag zondag mandag tirsdag onsdag torsdag fredag lørdag søndag Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday").split()}
#: Words that date a sentence and never start a name.
CALENDAR = MONTHS | WEEKDAYS
#: The words for "and" that join two names.
AND_WORDS = frozenset({"and", "og", "en", "und"})
#: The present forms of "have" that make a perfect tense ("A und B haben unterzeichnet", "heeft getekend").
HAVE = frozenset({"hat", "haben", "has", "have", "heeft", "hebben", "har"})
#: The prepositions of origin before a seat ("DSW Zorgverzekeraar uit Schiedam", "Firmen aus Jena").
FROM_WORDS = frozenset({"aus", "uit", "fra", "from"})
#: The words for "with" before a partner ("an agreement with X", "med X").
WITH_WORDS = frozenset({"with", "mit", "met", "med"})
#: Number words from two to twenty, in the languages read ("Vierzehn Einrichtungen", "eleven organisations").
NUMBER_WORDS = {w: n for words in (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen twenty",
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn"
    " achtzehn neunzehn zwanzig",
    "twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien"
    " achttien negentien twintig",
    "to tre fire fem seks syv otte ni ti elleve tolv tretten fjorten femten seksten sytten atten nitten tyve")
    for n, w in enumerate(words.split(), 2)}
#: Any of those words, for a regular expression (longest first: "achttien" before "acht").
NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))


#: Words for "both", which count two ("Beide Landkreise haben ... unterzeichnet").
BOTH_WORDS = {"beide": 2, "both": 2, "begge": 2}


def number_value(number: str) -> int | None:
    """The value of digits, a number word or a word for both ("14", "Vierzehn", "beide"), or None."""
    number = number.casefold()
    return int(number) if number.isdigit() else NUMBER_WORDS.get(number) or BOTH_WORDS.get(number)


@dataclass(frozen=True)
class Token:
    start: int  #: offset into the document text
    end: int
    text: str
    index: int  #: position in the sentence

    @property
    def low(self) -> str:
        return self.text.casefold()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        """Starts with a capital letter, or is a word with a capital inside (``eHealth``)."""
        return self.text[:1].isupper() or (self.text[:1].isalpha() and any(c.isupper() for c in self.text[1:]))

    @property
    def is_acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def looks_proper(self) -> bool:
        """Shaped like a proper name rather than a capitalised common noun."""
        t = self.text
        return (self.is_acronym or any(c.isupper() for c in t[1:]) or any(c.isdigit() for c in t)
                or "." in t or ("-" in t and t.split("-")[-1][:1].isupper()))


def tokenize(sentence: Sentence) -> list[Token]:
    """Tokens of one sentence, with document offsets."""
    return [Token(sentence.start + m.start(), sentence.start + m.end(), m.group(), i)
            for i, m in enumerate(_TOKEN.finditer(sentence.text))]


def covered(tokens: list[Token], spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that start inside one of ``spans`` (one sweep over both, sorted)."""
    out, k, reach = set(), 0, -1
    spans = sorted(spans)
    for tok in tokens:
        while k < len(spans) and spans[k][0] <= tok.start:
            reach = max(reach, spans[k][1])
            k += 1
        if tok.start < reach:
            out.add(tok.index)
    return out


class WordList:
    """Entries of one lexicon kind for one language, matched case-insensitively."""

    def __init__(self, rows) -> None:
        self.exact: dict[str, str] = {}
        self.prefix: list[tuple[str, str]] = []
        self.suffix: list[tuple[str, str]] = []
        self.infix: list[tuple[str, str]] = []
        #: compound endings that make a word no entry though an entry starts it (kind ``not``:
        #: "Universitätsstadt" is a town, though "universit*" heads organisations)
        self.excluded: list[str] = []
        self.phrases: dict[tuple[str, ...], str] = {}
        self._known: dict[str, str | None] = {}  #: word -> value, filled by :meth:`word`
        for row in rows:
            form, value = row.form.casefold(), row.value or row.kind
            if row.kind == "not":
                self.excluded.append(form.lstrip("*"))
            elif " " in form:
                self.phrases[tuple(form.split())] = value
            elif form.startswith("*") and form.endswith("*"):
                self.infix.append((form.strip("*"), value))
            elif form.startswith("*"):
                self.suffix.append((form[1:], value))
            elif form.endswith("*"):
                self.prefix.append((form[:-1], value))
            else:
                self.exact[form] = value
        #: first word -> the phrases it starts, longest first
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, value in sorted(self.phrases.items(), key=lambda p: -len(p[0])):
            self._by_first.setdefault(phrase[0], []).append((phrase, value))

    def word(self, text: str) -> str | None:
        """The value of the entry that matches one word, or None (remembered per word: a page
        repeats its words, and the stems are tried one by one)."""
        if text not in self._known:
            if len(self._known) > 100_000:
                self._known.clear()
            self._known[text] = self._match(text)
        return self._known[text]

    def _match(self, text: str) -> str | None:
        low = text.casefold()
        if low in self.exact:
            return self.exact[low]
        for ending in ("s", "es", "et"):  # a genitive ("Netzwerks", "Verbandes"), a Nordic definite
            if low.endswith(ending) and low[:-len(ending)] in self.exact and len(low) > len(ending) + 3:
                return self.exact[low[:-len(ending)]]  # neuter ("Departementet for Sundhed")
        if any(low.endswith(stem + ending) and len(low) > len(stem + ending)
               for stem in self.excluded for ending in _ENDINGS):
            return None  # "Universitätsstandort": a place, though "universit*" opens it
        for stem, value in self.suffix:  # a compound's head is its last part ...
            for ending in _ENDINGS:
                if low.endswith(stem + ending) and len(low) > len(stem + ending):
                    # ... unless an entry names the whole compound ("klyngeorganisation*" before "*organisation")
                    return next((v for p, v in self.prefix if p.endswith(stem) and low.startswith(p)), value)
        for stem, value in self.prefix:
            if low.startswith(stem):
                return value
        for stem, value in self.infix:
            if stem in low:
                return value
        head, _, tail = low.rpartition("-")
        if head and len(tail) >= 4:
            return self._match(tail)  # "IT-Universitetet", "Kooperations-Vereinbarung": the last part decides
        return None

    def at(self, tokens: list[Token], i: int) -> tuple[int, str] | None:
        """``(number of tokens, value)`` of the longest entry starting at token ``i``."""
        for phrase, value in self._by_first.get(tokens[i].low, ()) if i < len(tokens) else ():
            n = len(phrase)
            if tuple(t.low for t in tokens[i:i + n]) == phrase:
                return n, value
        value = self.word(tokens[i].text) if i < len(tokens) else None
        return (1, value) if value else None


#: Lexicons of name parts that hold in every language: border regions name their neighbours'
#: organisations in the neighbours' language ("de Gesellschaft für ..." in a Dutch text).
ANY_LANGUAGE = {"org_heads", "cluster_words", "legal_forms", "descriptors", "roles"}


@lru_cache(maxsize=None)
def wordlist(name: str, language: str, kind: str | None = None) -> WordList:
    """The entries of lexicon file ``name`` (optionally of one ``kind``) for ``language``; for
    the lexicons of :data:`ANY_LANGUAGE`, the entries of every language."""
    return WordList(row for row in load_words(name)
                    if (name in ANY_LANGUAGE or row.language in ("*", language))
                    and (kind is None or row.kind == kind))


@lru_cache(maxsize=None)
def pattern(name: str, language: str) -> re.Pattern[str]:
    """One regular expression matching any entry of a lexicon of regular expressions."""
    forms = sorted({row.form for row in load_words(name)
                    if name in ANY_LANGUAGE or row.language in ("*", language)}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(forms) + r")(?![\w])")


@lru_cache(maxsize=None)
def legal_form_end(language: str) -> re.Pattern[str]:
    """A legal form of the lexicon closing a name, with the space before it ("Vivameta GmbH", "Trifork A/S")."""
    return re.compile(r"\s+(?:" + pattern("legal_forms", language).pattern + r")$")


#: Definite endings of Danish nouns ("aftalen", "netværket", "klyngen").
DANISH_DEFINITE = ("en", "et", "n", "t")


def danish_definite(word: str, words: WordList) -> bool:
    """Is ``word`` the definite form of an entry of ``words`` ("Hensigtserklæringen", "Netværket")?"""
    return any(word.casefold().endswith(ending) and len(word) > len(ending) + 3 and words.word(word[:-len(ending)])
               for ending in DANISH_DEFINITE)
