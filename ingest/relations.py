"""Find the eight relations between resolved entities, each with its evidence sentence.

:func:`find_relations` runs the rules of :mod:`ingest.actor_rules` and :mod:`ingest.topic_rules` over a
:class:`Context` (sentences, zones, paragraphs, the resolved mentions of each sentence) and then
applies the agreement condition of the shapes: an agreement with fewer than two distinct parties
(``partyTo`` or ``coordinates``) is dropped with all its relations.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field

from ingest.candidates import Candidate
from ingest.model import Entity, Relation, Sentence
from ingest.tokens import Token, tokenize, wordlist

ACTORS = ("organisation", "cluster", "person")

#: Allowed (subject kinds, object kinds) of each relation.
SIGNATURES = {
    "memberOf": ({"organisation", "cluster", "person"}, {"cluster"}),
    "partyTo": ({"organisation", "cluster", "person"}, {"agreement"}),
    "locatedIn": ({"organisation", "cluster", "person"}, {"region"}),
    "partOf": ({"region"}, {"region"}),
    "focusesOn": ({"organisation", "cluster", "person", "agreement"}, {"field"}),
    "coordinates": ({"organisation", "cluster", "person"}, {"cluster", "agreement", "field"}),
    "affiliatedWith": ({"person"}, {"organisation", "cluster"}),
    "establishes": ({"agreement"}, {"cluster", "organisation"}),
}


@dataclass
class Context:
    """What the rules read: the text, its sentences and the resolved mentions in each."""

    text: str
    language: str
    sentences: list[Sentence]
    zones: dict[int, str]
    entities: dict[tuple[str, str], Entity]
    by_sentence: dict[int, list[tuple[Candidate, tuple[str, str]]]]
    paragraph: dict[int, int]
    found: dict[tuple[str, tuple, tuple], Relation] = field(default_factory=dict)
    #: every rule that found each relation (``found`` keeps only the most confident one's evidence)
    rules: dict[tuple[str, tuple, tuple], set[str]] = field(default_factory=dict)
    _tokens: dict[int, list[Token]] = field(default_factory=dict)
    _verbs: dict[tuple[int, str], list[int]] = field(default_factory=dict)

    def tokens(self, index: int) -> list[Token]:
        if index not in self._tokens:
            self._tokens[index] = tokenize(self.sentences[index])
        return self._tokens[index]

    def mentions(self, index: int, *kinds: str) -> list[tuple[Candidate, tuple[str, str]]]:
        return [(c, k) for c, k in self.by_sentence.get(index, []) if not kinds or k[0] in kinds]

    def body_matches(self, pattern: re.Pattern):
        """(index, sentence, match) for each body sentence with mentions that ``pattern`` finds."""
        for index in sorted(self.by_sentence):
            if self.zones.get(index) == "body" and (m := pattern.search(self.sentences[index].text)):
                yield index, self.sentences[index], m

    def add(self, kind: str, subject: tuple[str, str], obj: tuple[str, str], sentence: int,
            confidence: float, rule: str) -> None:
        """Record a relation once (the most confident evidence wins); wrong kinds are ignored."""
        subjects, objects = SIGNATURES[kind]
        if subject == obj or subject[0] not in subjects or obj[0] not in objects:
            return
        key = (kind, subject, obj)
        self.rules.setdefault(key, set()).add(rule)
        old = self.found.get(key)
        if old is None or old.confidence < confidence:
            self.found[key] = Relation(kind, subject, obj, sentence, round(confidence, 2), rule)

    def has_verb(self, index: int, category: str, before: int | None = None) -> bool:
        """Does sentence ``index`` hold a verb of ``category`` (sign, coordinate, create, member,
        speak) from ``ingest/lexicon/verbs.tsv``, with ``before`` one that starts before that offset ("X
        organised the signing of the agreement"; not "signed it with Y, which will lead the evaluation")?"""
        if (index, category) not in self._verbs:  # the rules ask again and again
            verbs = wordlist("verbs", self.language, category)
            tokens = self.tokens(index)
            self._verbs[index, category] = [tokens[i].start for i in range(len(tokens))
                                            if tokens[i].is_word and verbs.at(tokens, i)]
        starts = self._verbs[index, category]
        return bool(starts) if before is None else any(start < before for start in starts)

    def between(self, a: int, b: int) -> str:
        return self.text[a:b] if a <= b else ""


def paragraphs(text: str, sentences: list[Sentence]) -> dict[int, int]:
    """Sentence index -> paragraph number (paragraphs are separated by blank lines)."""
    out, number = {}, 0
    for s in sentences:
        if s.index and "\n\n" in text[sentences[s.index - 1].end:s.start].replace(" ", "").replace("\t", ""):
            number += 1
        out[s.index] = number
    return out


def find_relations(context: Context) -> list[Relation]:
    """All relations the rules find, with agreements of fewer than two parties dropped."""
    from ingest import (actor_rules, agreement_list_rules, anaphor_rules, lead_rules, member_rules,
                        office_rules, record_rules, role_rules, table_rules, topic_rules)

    for rule in (record_rules.RULES + actor_rules.RULES + agreement_list_rules.RULES + member_rules.RULES
                 + table_rules.RULES + member_rules.AFTER_TABLES + lead_rules.RULES + office_rules.RULES
                 + anaphor_rules.RULES + role_rules.RULES + topic_rules.RULES + lead_rules.LATE_RULES
                 + member_rules.LATE_RULES + actor_rules.LATE_RULES):
        rule(context)
    relations = list(context.found.values())
    return drop_weak_agreements(relations)


def drop_weak_agreements(relations: list[Relation]) -> list[Relation]:
    """Remove every relation of an agreement that has fewer than two distinct parties."""
    parties: dict[tuple[str, str], set] = {}
    for r in relations:
        if r.kind in ("partyTo", "coordinates") and r.object[0] == "agreement":
            parties.setdefault(r.object, set()).add(r.subject)
    weak = {r.object for r in relations if r.object[0] == "agreement" and len(parties.get(r.object, ())) < 2}
    weak |= {r.subject for r in relations if r.subject[0] == "agreement" and len(parties.get(r.subject, ())) < 2}
    return [r for r in relations if r.subject not in weak and r.object not in weak]
