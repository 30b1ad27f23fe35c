"""Organisation names that only their place in the page marks: items of a member or signatory
list, and a name with an appositive that says what it is.

* ``Our members include:`` / ``Mitglieder:`` / ``Ondertekenaars:`` followed by list items: an item
  that is nothing but a capitalised name (``- Carewell Robotics``) names an organisation;
* ``Harbour Medical, a medical device company from Stavanger``; ``Medvisa, een Zeeuws
  zorgtechnologiebedrijf``: a capitalised run followed by an indefinite article and a company word.
"""
from __future__ import annotations

import re

from ingest.candidates import Candidate, clean_label
from ingest.model import Sentence
from ingest.tokens import MONTHS, tokenize, wordlist

#: A heading line that announces a list of actors.
LIST_HEADING = re.compile(
    r"\b(?:members?|mitglieder\w*|partner\w*|leden|lidorganisaties|medlemmer|deelnemers|teilnehmer\w*"
    r"|signatories|unterzeichner\w*|ondertekenaars|underskrivere|participants|founders|gründungsmitglieder)\b"
    r"[^:\n]{0,40}:\s*$", re.IGNORECASE)
_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•·*–])\s+(.+?)\s*$")
_JOINERS = {"of", "for", "für", "van", "voor", "for", "&", "and", "und", "en", "og", "de", "der", "i"}
_APPOSITIVE = re.compile(r"^,\s+(?:a|an|een|ein|eine|en|et)\s+(?P<words>(?:[\w-]+\s*){1,5})")
_COMPANY = re.compile(r"(?:company|firm|startup|start-up|spin-off|manufacturer|provider|developer|supplier"
                      r"|bedrijf|onderneming|leverancier|producent|virksomhed|producent|leverandør"
                      r"|unternehmen|firma|hersteller|anbieter)$", re.IGNORECASE)


def listed_names(text: str, language: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Candidate]:
    """Organisations named by list items under a heading that announces actors."""
    out = []
    for s in sentences:
        if zones.get(s.index) != "body" or not LIST_HEADING.search(s.text):
            continue
        for item in sentences[s.index + 1:]:
            m = _ITEM.match(item.text)
            if not m or zones.get(item.index) == "chrome":
                break
            start = item.start + m.start(1)
            name = _name_run(text, language, item, start)
            if name is not None:
                out.append(name)
    return out


def _name_run(text: str, language: str, sentence: Sentence, start: int) -> Candidate | None:
    tokens = [t for t in tokenize(sentence) if t.start >= start]
    stop = wordlist("stopwords", language)
    words = [t for t in tokens if t.is_word]
    if not words or len(words) > 6 or not words[0].is_cap or not words[-1].is_cap:
        return None
    if any(not t.is_cap and t.low not in _JOINERS for t in words) or any(
            not t.is_word and t.text not in "&.-'’" for t in tokens):
        return None
    if stop.word(words[0].text) or words[0].low in MONTHS:
        return None
    end = tokens[-1].end
    span = text[words[0].start:end]
    return Candidate("organisation", words[0].start, end, span, sentence.index, clean_label(span),
                     "list-item-name", 0.7)


def appositives(text: str, language: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Candidate]:
    """``Name, a ... company``: the capitalised run before the appositive names an organisation."""
    out = []
    for s in sentences:
        if zones.get(s.index) != "body":
            continue
        tokens = tokenize(s)
        for i, tok in enumerate(tokens):
            if tok.text != ",":
                continue
            m = _APPOSITIVE.match(text[tok.start:s.end])
            if not m or not any(_COMPANY.search(w) for w in m.group("words").split()):
                continue
            run = []
            k = i - 1
            while k >= 0 and tokens[k].is_word and tokens[k].is_cap and len(run) < 5:
                run.insert(0, tokens[k])
                k -= 1
            if run and (k < 0 or not tokens[k].is_word or not tokens[k].is_cap):
                span = text[run[0].start:run[-1].end]
                out.append(Candidate("organisation", run[0].start, run[-1].end, span, s.index,
                                     clean_label(span), "appositive-name", 0.7))
    return out
