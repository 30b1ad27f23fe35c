"""The field lexicon: every label of the SKOS scheme ``ontology/fields.ttl`` -> its concept.

Labels are matched with spaCy's :class:`~spacy.matcher.PhraseMatcher` over a blank pipeline of
the document's language, on a light stem of each lower-cased token (``Token.norm_``), so that
"Medizintechnik", "medizintechnik" and the Danish definite "velfærdsteknologien" all match.
Abbreviations written in capitals ("AAL", "PG") match only as written.  The lexicon holds no
label of its own: a curator adds a label to ``fields.ttl`` and it is found.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import rdflib
import spacy
from rdflib.namespace import RDF, SKOS
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from ingest.iris import normalise_name

#: Languages spaCy has a blank pipeline for here; other texts use the multi-language "xx".
SPACY_LANGUAGES = ("da", "de", "en", "fr", "nl")
#: Endings removed (once, longest first) before comparing words; a stem keeps >= 5 letters.
_ENDINGS = ("erne", "ene", "en", "er", "es", "et", "em", "e", "s", "n")
_MIN_STEM = 5


@dataclass(frozen=True)
class FieldConcept:
    """A concept of the field scheme."""

    iri: str
    slug: str  #: the last path segment of the IRI
    labels: tuple[tuple[str, str], ...]  #: (language, prefLabel) pairs
    alt_labels: tuple[tuple[str, str], ...]  #: (language, altLabel or hiddenLabel) pairs

    def label(self, language: str) -> str:
        """The preferred label in ``language``, else English, else any."""
        by_lang = dict(self.labels)
        return by_lang.get(language) or by_lang.get("en") or self.labels[0][1]


def stem(word: str) -> str:
    """Lower-cased word without one inflectional ending: ``"Pflegeberufen" -> "pflegeberuf"``."""
    word = word.lower()
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def _set_stems(doc):
    for token in doc:
        token.norm_ = stem(token.text)
    return doc


Language.component("hin_stem", func=_set_stems)


def _is_abbreviation(label: str) -> bool:
    return len(label) <= 5 and sum(c.isupper() for c in label) >= 2


class FieldLexicon:
    """Concepts of one scheme file and the matchers over their labels."""

    def __init__(self, path: Path) -> None:
        graph = rdflib.Graph()
        try:
            graph.parse(path, format="turtle")
        except (OSError, SyntaxError, ValueError) as error:
            raise ValueError(f"{path}: cannot read the field scheme ({error}); fix the Turtle "
                             "or pass another scheme file") from error
        self.concepts: dict[str, FieldConcept] = {}
        for iri in sorted(set(graph.subjects(RDF.type, SKOS.Concept))):
            def pairs(prop):
                return tuple(sorted((lit.language or "", str(lit))
                                    for lit in graph.objects(iri, prop)))
            prefs = pairs(SKOS.prefLabel)
            if prefs:
                self.concepts[str(iri)] = FieldConcept(
                    str(iri), str(iri).rstrip("/").rsplit("/", 1)[-1], prefs,
                    pairs(SKOS.altLabel) + pairs(SKOS.hiddenLabel))
        #: normalised label -> concept IRI (first concept wins on a clash across languages)
        self.by_name: dict[str, str] = {}
        #: stem of a one-word label -> concept IRI, for compounds ("NRW-Gesundheitswirtschaft")
        self.heads: dict[str, str] = {}
        for concept in self.concepts.values():
            for _, label in concept.labels + concept.alt_labels:
                self.by_name.setdefault(normalise_name(label), concept.iri)
                if " " not in label and len(label) >= 6 and not _is_abbreviation(label):
                    self.heads.setdefault(stem(label.replace("-", "")), concept.iri)

    def concept_for(self, name: str) -> FieldConcept | None:
        """The concept one of whose labels is ``name`` (compared normalised, then by stems)."""
        iri = self.by_name.get(normalise_name(name))
        if iri is None:
            stems = " ".join(stem(w) for w in normalise_name(name).split())
            iri = self.stems().get(stems)
        return self.concepts.get(iri) if iri else None

    @lru_cache(maxsize=1)
    def stems(self) -> dict[str, str]:
        return {" ".join(stem(w) for w in key.split()): iri for key, iri in self.by_name.items()}

    @lru_cache(maxsize=8)
    def pipeline(self, language: str) -> tuple[Language, PhraseMatcher, PhraseMatcher]:
        """A blank spaCy pipeline for ``language`` and its two matchers (stems; exact case)."""
        nlp = spacy.blank(language if language in SPACY_LANGUAGES else "xx")
        nlp.add_pipe("hin_stem")
        by_stem = PhraseMatcher(nlp.vocab, attr="NORM")
        exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for concept in self.concepts.values():
            labels = sorted({label for _, label in concept.labels + concept.alt_labels})
            plain = [label for label in labels if not _is_abbreviation(label)]
            abbreviations = [label for label in labels if _is_abbreviation(label)]
            by_stem.add(concept.iri, list(nlp.pipe(plain)))
            exact.add(concept.iri, [nlp.make_doc(label) for label in abbreviations])
        return nlp, by_stem, exact


@lru_cache(maxsize=4)
def field_lexicon(path: Path | None = None) -> FieldLexicon:
    """The lexicon of ``path`` (default: the shipped ``ontology/fields.ttl``), read once."""
    if path is None:
        from ontology import FIELDS_FILE
        path = FIELDS_FILE
    return FieldLexicon(Path(path))


__all__ = ["FieldConcept", "FieldLexicon", "field_lexicon", "stem"]
