"""Regions and fields named in a text, from the shared reference data.

This is the one switch between extraction and the gazetteer: regions come from
:func:`ingest.regions.find_regions` (GeoNames, ISO 3166 and region patterns), fields from the
field lexicon of ``ontology/fields.ttl`` through :func:`ingest.fields.find_fields` where that
module is present.  Both return non-overlapping matches with offsets and a record.
"""
from __future__ import annotations

import re

from dataclasses import dataclass

from ingest.candidates import Candidate
from ingest.field_context import in_context
from ingest.model import Sentence
from ingest.tokens import NUMBER_WORD


#: A German locative preposition and the places listed after it before a district or town ("im ", "aus Stadt
#: und ", "aus Memmingen, Kaufbeuren und dem ", "aus den fünf Kreisen A, B und "): an authority word there names
#: the place, not its council.
GERMAN_PLACE_BEFORE = re.compile(r"\b(?i:im|in|aus|vom|nach)\s+(?:(?:dem|den|der)\s+)?"
                                 r"(?:(?:beiden|" + NUMBER_WORD + r"|\d+)\s+)?"
                                 r"(?:[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?(?:,\s+|\s+(?:und|sowie)\s+)"
                                 r"(?:(?:dem|den|der)\s+)?)*$")


def find_places(text: str, language: str, sentences: list[Sentence]) -> list[Candidate]:
    """Region and field candidates of the whole text, each with its gazetteer record.

    Parameters
    ----------
    text : str
        The document text.
    language : str
        ISO 639-1 code.
    sentences : list of Sentence
        To give each match the index of the sentence it lies in; matches that cross a sentence
        boundary are dropped.
    """
    from ingest.regions import find_regions

    out: list[Candidate] = []
    for match in find_regions(text, language):
        out += _candidate("region", match, sentences, match.record.label)
    for match in in_context(_find_fields(text, language), text):
        record = FieldRecord(match.slug, match.label, match.concept_iri)
        for cand in _candidate("field", match, sentences, match.label, record):
            qualified = _QUALIFIER.search(text, max(0, cand.start - 40), cand.start)
            if qualified and qualified.group("word").casefold() not in _NOT_QUALIFIERS:
                cand.aliases.add(f"{qualified.group('word')} {cand.text}")  # "digitale Diagnostik", "KI-gestützte ..."
            out.append(cand)
    return out


#: A lower-case adjective right before a field's words, which narrows the field ("digitale Pflege",
#: "KI-gestützte Diagnostik", "optische Medizintechnik", "remote rehabilitation"): the narrower
#: phrase is another name of the field's mention.
_QUALIFIER = re.compile(r"(?<![\w-])(?P<word>(?:[A-ZÄÖÜ]{2,}-)?[a-zäöüæøåß][\w-]*(?:e|en|er|es|al|ic|ive|ed|ing|isk|ske))\s+$")
#: Words with such endings that do not narrow a field (articles, pronouns, prepositions, verbs).
_NOT_QUALIFIERS = {"die", "eine", "keine", "seine", "ihre", "unsere", "diese", "jede", "alle", "de", "deze", "onze",
                   "hele", "andere", "the", "several", "more", "some", "inden", "mellem", "under", "over", "efter",
                   "eller", "men", "der", "den", "des", "dem", "einer", "einen", "eines", "oder", "aber", "wie",
                   "sowie", "zwischen", "unter", "hinter", "weitere", "neue", "neuen", "neuer", "nieuwe",
                   "nye", "new", "including", "during", "being", "having", "like", "between", "after", "other",
                   "med", "ved", "inde", "uden", "ude", "meer", "mehr"}


@dataclass(frozen=True)
class FieldRecord:
    """What resolution needs of a field match: its slug, label and scheme concept."""

    slug: str
    label: str
    concept: str | None


def _find_fields(text: str, language: str) -> list:
    try:
        from ingest.fields import find_fields
    except ImportError:  # the field lexicon module is optional
        return []
    return list(find_fields(text, language))


def _candidate(kind: str, match, sentences: list[Sentence], label: str, record=None) -> list[Candidate]:
    sent = next((s for s in sentences if s.start <= match.start and match.end <= s.end), None)
    if sent is None:
        return []
    cand = Candidate(kind, match.start, match.end, match.text, sent.index, label,
                     getattr(match, "rule", "gazetteer"), float(getattr(match, "confidence", 0.8)),
                     record=record or getattr(match, "record", None))
    cand.aliases.add(" ".join(match.text.split()))
    return [cand]
