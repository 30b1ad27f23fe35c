"""Organisation names that no word of the name marks, but the sentence does: what the name does
or where it stands.

* an agent of funding or support: ``financed by Innovate UK``, ``gefördert von der Bertelsmann
  Stiftung``, ``gefinancierd door ZonMw``, ``finansieret af Innovationsfonden``;
* the subject of a funding, signing or membership verb: ``ZonMw financiert ...``, ``Medilink
  supports ...``, ``TNO is partner ...``;
* a list that holds names found by their anchors: ``TNO, die RWTH Aachen und Siemens Healthineers``
  (the bare items of a list of actors are actors too).

A candidate is a run of capitalised words that no other finder claimed (no region, person or field),
not a month, and not made only of common words of the language (word frequency, as for
:mod:`ingest.false_friends`: ``Unternehmen``, ``Partner``, ``Health`` are no names).
"""
from __future__ import annotations

import re

from ingest.actor_rules import PARTIES_ARE, authority_word
from ingest.actors import LOWER_HEADS
from ingest.candidates import Candidate, clean_label
from ingest.false_friends import COMMON_ZIPF, zipf
from ingest.model import Sentence
from ingest.name_spans import FOREIGN_LINKS, NOUN_ENDINGS, place_adjective
from ingest.tables import cells
from ingest.tokens import CALENDAR, HAVE, NUMBER_WORDS, Token, covered, tokenize, wordlist

_ARTICLES = {"der", "die", "das", "den", "dem", "des", "de", "het", "the", "den", "det"}
_AGENT = {"von", "durch", "door", "af", "by"}
#: Participles of place: a run right after one and "in" names a place ("located in San Ġwann").
_SITUATED = {"located", "based", "situated", "headquartered", "gelegen", "gevestigd", "ansässig", "beliggende",
             "placeret", "lokaliseret", "beheimatet"}
_AND = {"und", "and", "en", "og", "sowie", "et"}
#: How common a lone first word of a sentence before a lower-case word is at least to be read as an ordinary word
#: ("Founding partners sign", "Regional councils join"), below which it stays a name ("Siemens signs", "Philips joins").
_OPENER_ZIPF = 3.5
#: Verbs after which the run before them is their subject (ingest/lexicon/verbs.tsv).
_SUBJECT_VERBS = ("fund", "sign", "member")
#: The rest of a legal form of public law ("Anstalt des öffentlichen Rechts", "Körperschaft des öffentlichen Rechts",
#: "rechtspersoon van publiek recht", "body of public law").
_PUBLIC_LAW = re.compile(r"\s+(?:des|van|of)\s+(?:öffentlichen|publiek|public)\s+(?:rechts|recht|law)\b",
                         re.IGNORECASE)
_COPULAS = HAVE | {"ist", "sind", "is", "zijn", "er", "wird", "wordt", "bliver", "also", "auch", "ook", "også", "now",
                   "nu", "jetzt"}


def acting_names(found: list[Candidate], text: str, language: str, sentences: list[Sentence],
                 zones: dict[int, str]) -> list[Candidate]:
    """Organisation candidates that only their role in a body sentence marks.

    Parameters
    ----------
    found : list of Candidate
        The candidates found so far (regions, persons, fields and anchored actors).
    text : str
        The document text.
    language : str
        ISO 639-1 code.
    sentences : list of Sentence
        The document's sentences.
    zones : dict
        Sentence index -> zone; only body sentences are read.
    """
    by_sentence: dict[int, list[Candidate]] = {}
    for cand in found:
        by_sentence.setdefault(cand.sentence, []).append(cand)
    out = []
    for sentence in sentences:
        if zones.get(sentence.index) != "body" or cells(sentence):
            continue  # a table row is no clause: its cells are read by ingest.tables
        here = by_sentence.get(sentence.index, [])
        out += _Sentence(tokenize(sentence), sentence.index, text, language, here).names()
    return out


def _definite_head(word: str) -> bool:
    """Is ``word`` the definite form of a Nordic head written in lower case after a place ("högskolan",
    "universitetet", "sjukhuset")?"""
    return any(word.endswith(end) and word[:-len(end)] in LOWER_HEADS for end in ("n", "en", "et", "an"))


class _Sentence:
    def __init__(self, tokens: list[Token], index: int, text: str, language: str, found: list[Candidate]):
        self.t, self.s, self.text, self.lang = tokens, index, text, language
        self.found = found
        # a council named by its place ("de gemeente Hardenberg") stands in a list of actors like one
        self.actors = {c.start: c for c in found if c.kind in ("organisation", "cluster")
                       or c.kind == "region" and authority_word(c.text)}
        #: tokens inside a candidate that a name may not overlap (a region may stand inside a name)
        self.claimed = covered(tokens, [(c.start, c.end) for c in found if c.kind != "region"])
        self.regions = [(c.start, c.end) for c in found if c.kind == "region"]
        self.region_ends = dict(self.regions)
        self.stop = wordlist("stopwords", language)
        self.roles = wordlist("roles", language)
        self.verbs = [wordlist("verbs", language, kind) for kind in _SUBJECT_VERBS]
        self.fund = wordlist("verbs", language, "fund")
        self.sign = wordlist("verbs", language, "sign")
        self.descriptors = wordlist("descriptors", language)
        self.clusters = wordlist("cluster_words", language)

    def names(self) -> list[Candidate]:
        runs = self._agents() + self._subjects() + self._listed() + self._parties_are()
        seen, out = set(), []
        for run in runs:
            nxt = self.t[run[-1].index + 1] if run[-1].index + 1 < len(self.t) else None
            if len(run) == 1 and place_adjective(run[0].text, self.lang) and nxt is not None and nxt.is_word \
                    and not nxt.is_cap:
                continue  # "Limburgse partners zetten ...": an adjective, not a name
            if nxt is not None and nxt.is_word and not nxt.is_cap and self.descriptors.word(nxt.text):
                continue  # "the IT company X": a modifier of the word that introduces the name
            if run[0].index >= 2 and self.t[run[0].index - 1].low in ("in", "i", "im") \
                    and self.t[run[0].index - 2].low in _SITUATED:
                continue  # "..., located in San Ġwann, ...": a place among the actors, no name
            if run[0].index >= 2 and self.t[run[0].index - 1].low in ("in", "i", "im") \
                    and any(c.end == self.t[run[0].index - 2].end for c in self.actors.values()):
                continue  # "AZ Sint-Maria in Halle en AZ Jan Portaels": the actor's seat, no name
            if _PUBLIC_LAW.match(self.text, run[-1].end):
                continue  # "X (UKD), Anstalt des öffentlichen Rechts": X's legal form, no name
            if (run[0].start, run[-1].end) not in seen:
                seen.add((run[0].start, run[-1].end))
                span = self.text[run[0].start:run[-1].end]
                out.append(Candidate("organisation", run[0].start, run[-1].end, span, self.s, clean_label(span),
                                     "acting-name", 0.6))
        return out

    # -- where a name stands -----------------------------------------------------------------
    def _agents(self) -> list[list[Token]]:
        """``financed by X``, ``gefördert von der X und der Y``, ``signed by X, by Y and by Z``."""
        out = []
        for i, tok in enumerate(self.t[:-2]):
            if tok.is_word and (self.fund.word(tok.text) or self.sign.word(tok.text)) and self.t[i + 1].low in _AGENT:
                out += self._coordinated(i + 2, agents=True)
        return out

    def _parties_are(self) -> list[list[Token]]:
        """``the signatories are A, which ...; B; and C, the ...``: the run that opens each part of the list after
        the copula, the parts parted by semicolons (by commas when the list has none)."""
        sentence = self.text[self.t[0].start:self.t[-1].end] if self.t else ""
        m = PARTIES_ARE.search(sentence)
        if m is None:
            return []
        start = self.t[0].start + m.end()
        rest = [t for t in self.t if t.start >= start]
        parts = ";" if any(t.text == ";" for t in rest) else ","
        out, opening = [], True
        for tok in rest:
            if tok.text == parts:
                opening = True
                continue
            if opening and tok.low not in _AND and tok.low not in _ARTICLES:
                opening = False
                if self._actor_at(tok.index) is None:
                    out.append(self._run(tok.index))
        # a run that a punctuation mark or the sentence's end closes ("Manx Care, which ..."), not one a lower-case
        # word continues ("Freie und Hansestadt Hamburg")
        return [run for run in out
                if run and (run[-1].index + 1 == len(self.t) or not self.t[run[-1].index + 1].is_word)]

    def _subjects(self) -> list[list[Token]]:
        """``ZonMw financiert``, ``Medilink supports``, ``TNO is partner``, ``Die X, Y und die RWTH
        Aachen unterzeichneten``: the runs of a clause-opening list right before a funding, signing or
        membership verb."""
        out, i = [], 0
        while i < len(self.t):
            if not self._clause_start(i):
                i += 1
                continue
            items, j = self._coordination(i)
            if items and self._verb_follows(j):
                out += [run for anchored, run in items if not anchored and run]
            i = max(j, i + 1)  # each token is read by one list only: linear on 10,000 names
        return out

    def _listed(self) -> list[list[Token]]:
        """The bare items of a coordination that holds an anchored actor."""
        out = []
        i = 0
        while i < len(self.t):
            items, j = self._coordination(i)
            if len(items) >= 2 and any(anchored for anchored, _ in items):
                out += [run for anchored, run in items if not anchored and run]
            i = max(j, i + 1)
        return out

    # -- pieces ----------------------------------------------------------------------------------
    def _coordination(self, i: int, agents: bool = False) -> tuple[list[tuple[bool, list[Token]]], int]:
        """Items ``(anchored, bare run)`` of a list starting at token ``i``, and where it ends; with ``agents``, an
        agent word may open each item again ("by X and by Y")."""
        items: list[tuple[bool, list[Token]]] = []
        j = i
        while j < len(self.t):
            k = j + 1 if self.t[j].low in _ARTICLES else j
            if k + 1 < len(self.t) and not self.t[k].is_cap and self.descriptors.word(self.t[k].text) \
                    and self._actor_at(k + 1) is not None:
                k += 1  # "en zorgverzekeraar Zilveren Kruis": the word that introduces the name
            actor = self._actor_at(k)
            if actor is not None:  # a council ("de gemeente X") stands in the list, but anchors no list of actors alone
                items.append((actor.kind != "region", []))
                j = self._index_after(actor.end)
            else:
                run = self._run(k)
                if not run:
                    break
                items.append((False, run))
                j = run[-1].index + 1
            if j < len(self.t) and (self.t[j].text == "," or self.t[j].low in _AND):
                j += 1
                if j < len(self.t) and self.t[j].low in _AND:
                    j += 1  # ", and"
                if agents and j < len(self.t) and self.t[j].low in _AGENT:
                    j += 1  # "and by"
                continue
            break
        return items, j

    def _coordinated(self, i: int, agents: bool = False) -> list[list[Token]]:
        items, _ = self._coordination(i, agents)
        return [run for anchored, run in items if not anchored and run]

    def _actor_at(self, k: int) -> Candidate | None:
        if k >= len(self.t):
            return None
        return self.actors.get(self.t[k].start)

    def _index_after(self, end: int) -> int:
        """The token after an actor ending at ``end``, past a bracketed abbreviation ("X (ZGT), Y")."""
        j = next((t.index for t in self.t if t.start >= end), len(self.t))
        if j + 2 < len(self.t) and self.t[j].text == "(" and self.t[j + 2].text == ")" and self.t[j + 1].is_acronym:
            j += 3
        return j

    def _clause_start(self, i: int) -> bool:
        return i == 0 or self.t[i - 1].text in {",", ":", ";", "(", "-", "–"} or self.t[i - 1].low in _AND

    def _verb_follows(self, j: int) -> bool:
        for tok in self.t[j:j + 3]:
            if not tok.is_word:
                return False
            if any(verbs.word(tok.text) for verbs in self.verbs):
                return True
            if tok.low not in _COPULAS:
                return False
        return False

    def _run(self, k: int) -> list[Token]:
        """A run of capitalised words at ``k`` that no other candidate covers and that is not made
        of common words only."""
        run: list[Token] = []
        opens = not any(t.is_word for t in self.t[:k])
        while k < len(self.t) and len(run) < 6:
            place_end = self.region_ends.get(self.t[k].start) if run else None
            if place_end is not None and self.t[k].end < place_end:
                # "Digital Isle of Man": a place with its own link words ends the name
                while k < len(self.t) and self.t[k].end <= place_end:
                    run.append(self.t[k])
                    k += 1
                continue
            if not (self._name_word(self.t[k]) or (run and self.t[k].low in FOREIGN_LINKS and k + 1 < len(self.t)
                                                   and self._name_word(self.t[k + 1]))):
                break
            run.append(self.t[k])  # "Azienda Sanitaria Provinciale di Ragusa"
            k += 1
        if len(run) == 1 and k + 1 < len(self.t) and self.t[k].low in ("i", "på") and _definite_head(run[0].low) \
                and self.t[k + 1].start in self.region_ends:  # "Högskolan i Halmstad", "Universitetet i Bergen"
            end = self.region_ends[self.t[k + 1].start]
            run += [t for t in self.t[k:] if t.end <= end]
        if not run or any(t.index in self.claimed for t in run) or any(
                a <= run[0].start and run[-1].end <= b for a, b in self.regions):
            return []  # a place may stand inside a name ("RWTH Aachen"), not be all of it
        if run[-1].low.endswith(("-based", "-baseret", "-baserede")):
            return []  # "the Shoreham-based consultancy": where a company sits, no name
        if all(zipf(t.text, self.lang) >= COMMON_ZIPF and not t.is_acronym for t in run):
            return []
        if len(run) == 1 and opens and zipf(run[0].text, self.lang) >= _OPENER_ZIPF and k < len(self.t) \
                and self.t[k].is_word and not self.t[k].is_cap:
            return []  # "Founding partners sign ...": a common word capitalised as the sentence's first, then its noun
        if len(run) == 1 and self.clusters.word(run[0].text):
            return []  # "Konsortiets medlemmer": the group's own word, no name
        if self.lang == "de" and len(run) == 1 and not run[0].looks_proper and run[0].low.endswith(NOUN_ENDINGS):
            return []  # German capitalises nouns: "die Vertragspartner unterzeichneten"
        return run

    def _name_word(self, tok: Token) -> bool:
        return (tok.is_word and tok.is_cap and tok.low not in CALENDAR
                and not (tok.low in NUMBER_WORDS and not tok.is_acronym)  # "Vierzehn Einrichtungen"; not "Invest NI"
                and self.stop.word(tok.text) is None
                and self.roles.word(tok.text) is None and not tok.text.isdigit())


__all__ = ["acting_names"]
