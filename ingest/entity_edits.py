"""Edits of one document's entities and relations that keep them consistent: join two entities,
re-point relations to new keys, settle agreements.  Used by curation and cross-document linking.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ingest.model import Entity, Relation
from ingest.relations import SIGNATURES, drop_weak_agreements
from ingest.resolve import agreement_slug

Key = tuple[str, str]


def absorb(into: Entity, other: Entity) -> None:
    """Join ``other`` into ``into``: names, mentions, identifiers, the higher confidence."""
    into.alt_labels |= other.alt_labels | {other.label}
    into.alt_labels.discard(into.label)
    into.mentions += [m for m in other.mentions if m not in into.mentions]
    into.same_as |= other.same_as
    into.identifiers = {**other.identifiers, **into.identifiers}
    into.confidence = max(into.confidence, other.confidence)


def remap_relations(relations: Sequence[Relation], mapping: dict[Key, Key],
                    known: set[Key]) -> list[Relation]:
    """Relations re-pointed through ``mapping``; self-loops, wrong kinds and unknown ends dropped,
    duplicates kept once (the most confident, a curated one before all)."""
    best: dict[tuple, Relation] = {}
    for r in relations:
        s, o = mapping.get(r.subject, r.subject), mapping.get(r.object, r.object)
        subjects, objects = SIGNATURES[r.kind]
        if s == o or s not in known or o not in known or s[0] not in subjects or o[0] not in objects:
            continue
        moved = replace(r, subject=s, object=o)
        old = best.get((r.kind, s, o))
        if old is None or (moved.rule == "curation", moved.confidence) > (old.rule == "curation", old.confidence):
            best[(r.kind, s, o)] = moved
    return sorted(best.values(), key=lambda r: (r.sentence, r.kind, r.subject, r.object))


def settle_agreements(entities: list[Entity], relations: list[Relation]) -> tuple[list[Entity], list[Relation]]:
    """Drop agreements of fewer than two parties; give the others the slug of their parties."""
    relations = drop_weak_agreements(relations)
    parties: dict[Key, list[str]] = defaultdict(list)
    for r in relations:
        if r.object[0] == "agreement" and r.kind in ("partyTo", "coordinates"):
            parties[r.object].append(r.subject[1])
    renamed, kept = {}, []
    for e in entities:
        if e.kind == "agreement":
            if len(set(parties.get(e.key, ()))) < 2:
                continue
            old = e.key
            e.slug = agreement_slug(e, parties[old])
            renamed[old] = e.key
        kept.append(e)
    return kept, remap_relations(relations, renamed, {e.key for e in kept})
