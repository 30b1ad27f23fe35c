"""Scores extracted RDF against the hand-made gold annotations of tests/data/gold.

The matching rules are those of tests/data/gold/SCHEMA.md (the reference implementation is
shared/tools/score_extraction.py, which this module re-implements for the test suite):
entities match on a compatible type and a label equal to, or at least 90% similar to, a gold
name after normalisation; relations match on type and both ends; optional gold items are never
missed and never wrong.
"""
from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ingest.iris import normalise_name
from ingest.model import RELATIONS
from ontology import HIN

ACTOR_TYPES = {"Organisation", "Person", "Cluster"}
ENTITY_TYPES = ACTOR_TYPES | {"Region", "Field", "Agreement"}
SIMILARITY = 0.90


def family(kind: str) -> str:
    return "Actor" if kind in ACTOR_TYPES else kind


@dataclass(frozen=True)
class Figures:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _hin_kind(cls, parents: dict, seen: frozenset = frozenset()) -> str | None:
    if isinstance(cls, URIRef) and str(cls).startswith(str(HIN)):
        local = str(cls)[len(str(HIN)):]
        if local in ENTITY_TYPES:
            return local
        if local == "Actor":
            return "Organisation"
    for parent in parents.get(cls, ()):
        if parent not in seen:
            found = _hin_kind(parent, parents, seen | {cls})
            if found:
                return found
    return None


def predicted_entities(data: Dataset) -> dict:
    """node -> (kind, normalised names), the most specific actor type winning."""
    parents: dict = {}
    for sub, sup in data.subject_objects(RDFS.subClassOf):
        parents.setdefault(sub, set()).add(sup)
    kinds: dict = {}
    for node, cls in data.subject_objects(RDF.type):
        kind = _hin_kind(cls, parents)
        if kind is None:
            continue
        if node not in kinds or (kinds[node] == "Organisation" and kind in ("Cluster", "Person")):
            kinds[node] = kind
    entities = {}
    for node, kind in kinds.items():
        names = {normalise_name(str(value)) for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
                 for value in data.objects(node, prop)}
        entities[node] = (kind, sorted(name for name in names if name))
    return entities


def _similarity(a: str, b: str) -> float:
    return 1.0 if a == b else difflib.SequenceMatcher(None, a, b).ratio()


def match(gold: dict, predicted: dict) -> dict:
    """Greedy one-to-one matching, best similarity first: predicted node -> gold id."""
    candidates = []
    for entity in gold["entities"]:
        names = [normalise_name(n) for n in [entity["name"], *entity.get("aliases", [])] if n]
        for node, (kind, labels) in predicted.items():
            if family(kind) != family(entity["type"]):
                continue
            best = max((_similarity(a, b) for a in names for b in labels), default=0.0)
            if best >= SIMILARITY:
                candidates.append((best, entity["type"] == kind, entity["id"], node))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    mapping: dict = {}
    taken: set = set()
    for _, _, gold_id, node in candidates:
        if gold_id not in taken and node not in mapping:
            taken.add(gold_id)
            mapping[node] = gold_id
    return mapping


def score(gold: dict, data: Dataset) -> Counter:
    """Counts of ("entity"|"relation", tp|fp|fn) for one document."""
    entities = {e["id"]: e for e in gold["entities"]}
    predicted = predicted_entities(data)
    mapping = match(gold, predicted)
    counts: Counter = Counter()
    for node in predicted:
        gold_id = mapping.get(node)
        if gold_id is None:
            counts["entity", "fp"] += 1
        elif not entities[gold_id].get("optional"):
            counts["entity", "tp"] += 1
    matched = set(mapping.values())
    counts["entity", "fn"] += sum(1 for gid, e in entities.items()
                                  if gid not in matched and not e.get("optional"))

    gold_relations = {(r["type"], r["subject"], r["object"]): r for r in gold["relations"]}
    found: set = set()
    for kind in RELATIONS:
        for s, o in data.subject_objects(HIN[kind]):
            gs, go = mapping.get(s), mapping.get(o)
            if gs is None or go is None:
                ends = [entities[g] for g in (gs, go) if g is not None]
                if s in predicted and o in predicted and not any(e.get("optional") for e in ends):
                    counts["relation", "fp"] += 1
                continue
            key = (kind, gs, go)
            if key in found:
                continue
            found.add(key)
            if key in gold_relations:
                counts["relation", "tp"] += 0 if gold_relations[key].get("optional") else 1
            elif not (entities[gs].get("optional") or entities[go].get("optional")):
                counts["relation", "fp"] += 1
    counts["relation", "fn"] += sum(1 for key, r in gold_relations.items()
                                    if key not in found and not r.get("optional"))
    return counts


def figures(counts: Counter, level: str) -> Figures:
    return Figures(counts[level, "tp"], counts[level, "fp"], counts[level, "fn"])
