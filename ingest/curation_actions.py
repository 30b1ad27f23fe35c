"""Apply a curation file (:mod:`ingest.curation`) to the extractions of one run.

``apply_curation(extractions, curation) -> (extractions, CurationReport)``: each entry is applied,
in file order, to its document (or to every document for ``"*"``).  Curated relations get the rule
``curation`` and confidence 1.0; added, renamed, merged and retyped entities are listed in
``CurationReport.curated`` so that ``ingest.rdf`` attributes them to the curator.  An entry that
matches nothing is reported in ``CurationReport.stale`` (``file:line: ...``), never dropped
silently; agreements left with fewer than two parties are dropped as the shapes require.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ingest.curation import CURATION_RULE, EVERY_DOCUMENT, Action, Curation, EntityRef
from ingest.entity_edits import absorb, remap_relations, settle_agreements
from ingest.iris import slugify
from ingest.model import Entity, Extraction, Mention, Relation
from ingest.relations import SIGNATURES
from ingest.resolve import canonical

Key = tuple[str, str]
#: Kinds whose slug follows the name (regions and fields keep their reference slug).
NAMED_KINDS = ("organisation", "cluster", "person")


@dataclass
class CurationReport:
    """What a curation file did to one run."""

    applied: list[str] = field(default_factory=list)  #: "file:line: op ... in doc"
    stale: list[str] = field(default_factory=list)  #: entries that matched nothing
    not_in_run: list[str] = field(default_factory=list)  #: entries for documents not in this run
    notes: list[str] = field(default_factory=list)  #: side effects (relations a retype invalidated)
    curated: dict[str, set[Key]] = field(default_factory=dict)  #: doc id -> curated entity keys


def apply_curation(extractions: Sequence[Extraction], curation: Curation) -> tuple[list[Extraction], CurationReport]:
    """Apply every entry of ``curation``; the extractions given are not changed.

    Returns
    -------
    extractions : list of Extraction
        The curated copies, in the same order.
    report : CurationReport
    """
    report = CurationReport()
    docs = {x.document.doc_id: _copy(x) for x in extractions}
    for action in curation.actions:
        if action.document == EVERY_DOCUMENT:
            targets = list(docs.values())
        elif action.document in docs:
            targets = [docs[action.document]]
        else:
            report.not_in_run.append(f"{action.where}: {action.op} for document {action.document}, "
                                     "which is not in this run")
            continue
        problems = []
        for x in targets:
            problem = _apply(x, action, report.curated.setdefault(x.document.doc_id, set()), report)
            if problem is None:
                report.applied.append(f"{action.where}: {action.op} in {x.document.doc_id}")
            else:
                problems.append(problem)
        if len(problems) == len(targets):
            where = action.document if action.document != EVERY_DOCUMENT else "any document"
            reason = problems[0] if len(set(problems)) == 1 else "; ".join(sorted(set(problems)))
            report.stale.append(f"{action.where}: {action.op} {_describe(action)} does not apply to "
                                f"{where}: {reason}; fix or remove the entry")
    for doc_id, x in docs.items():
        x.entities, x.relations = settle_agreements(x.entities, x.relations)
        known = {e.key for e in x.entities}
        report.curated[doc_id] = report.curated.get(doc_id, set()) & known
    return [docs[x.document.doc_id] for x in extractions], report


def _copy(x: Extraction) -> Extraction:
    entities = [replace(e, alt_labels=set(e.alt_labels), mentions=list(e.mentions), same_as=set(e.same_as),
                        identifiers=dict(e.identifiers)) for e in x.entities]
    return replace(x, entities=entities, relations=list(x.relations))


def _describe(action: Action) -> str:
    if action.subject is not None:
        return f"[{action.subject.name} {action.predicate} {action.object.name}]"
    return "[" + ", ".join(ref.name for ref in action.entities) + "]"


def find_entities(x: Extraction, ref: EntityRef) -> list[Entity]:
    """The entities of a document that a curator's name (or ``kind/slug``) denotes."""
    language = x.document.language
    wanted = canonical(ref.name, language)
    return [e for e in x.entities if (ref.kind is None or e.kind == ref.kind)
            and (f"{e.kind}/{e.slug}" == ref.name
                 or any(canonical(n, language) == wanted for n in (e.label, *e.alt_labels)))]


def _apply(x: Extraction, action: Action, curated: set[Key], report: CurationReport) -> str | None:
    """Apply one entry to one document; None when done, else why it does not apply."""
    if action.op == "add-entity":
        return _add_entity(x, action, curated)
    if action.op in ("add-relation", "remove-relation"):
        return _relation(x, action)
    found = [find_entities(x, ref) for ref in action.entities]
    missing = [ref.name for ref, hits in zip(action.entities, found) if not hits]
    if missing:
        return f"no entity named {', '.join(repr(m) for m in missing)}"
    if action.op == "remove-entity":
        gone = {e.key for e in found[0]}
        x.entities = [e for e in x.entities if e.key not in gone]
        x.relations = [r for r in x.relations if r.subject not in gone and r.object not in gone]
        return None
    survivor = found[0][0]
    if action.op == "merge":
        others = [e for hits in found[1:] for e in hits if e is not survivor]
        _rekey(x, {e.key: survivor.key for e in others}, curated, report, action)
        curated.add(survivor.key)
        return None
    if action.op == "rename":
        new_slug = slugify(canonical(action.name, x.document.language)) if survivor.kind in NAMED_KINDS else survivor.slug
        survivor.alt_labels.add(survivor.label)
        survivor.label = action.name
        survivor.alt_labels.discard(action.name)
        key = (survivor.kind, new_slug)
    else:  # retype
        key = (action.kind, survivor.slug)
    old = {e.key: key for e in found[0]}
    _rekey(x, old, curated, report, action)
    curated.add(key)
    return None


def _rekey(x: Extraction, mapping: dict[Key, Key], curated: set[Key], report: CurationReport,
           action: Action) -> None:
    """Move entities to new keys (joining those that meet) and re-point the relations."""
    merged: dict[Key, Entity] = {}
    for e in sorted(x.entities, key=lambda e: e.key in mapping):  # those that stay absorb the others
        key = mapping.get(e.key, e.key)
        if key != e.key:
            e.kind, e.slug = key
            e.mentions = [replace(m, kind=key[0]) for m in e.mentions]
        if key in merged:
            absorb(merged[key], e)
        else:
            merged[key] = e
    before = len(x.relations)
    x.entities = list(merged.values())
    x.relations = remap_relations(x.relations, mapping, set(merged))
    if len(x.relations) < before:
        report.notes.append(f"{action.where}: {action.op} left {before - len(x.relations)} relation(s) "
                            f"of {x.document.doc_id} without valid ends; they were dropped")
    curated -= set(mapping)


def _add_entity(x: Extraction, action: Action, curated: set[Key]) -> str | None:
    if find_entities(x, EntityRef(action.name, action.kind)):
        return f"{action.name!r} is already extracted"
    slug = slugify(canonical(action.name, x.document.language))
    mentions = [Mention(action.kind, m.start(), m.end(), m.group(), _sentence_at(x, m.start()), 1.0, CURATION_RULE)
                for m in re.finditer(r"(?<!\w)" + re.escape(action.name) + r"(?!\w)", x.document.text)]
    x.entities.append(Entity(action.kind, slug, action.name, mentions=mentions, confidence=1.0))
    curated.add((action.kind, slug))
    return None


def _relation(x: Extraction, action: Action) -> str | None:
    subjects, objects = find_entities(x, action.subject), find_entities(x, action.object)
    if not subjects or not objects:
        names = [r.name for r, hits in ((action.subject, subjects), (action.object, objects)) if not hits]
        return f"no entity named {', '.join(repr(n) for n in names)}"
    if action.op == "remove-relation":
        ends = {(s.key, o.key) for s in subjects for o in objects}
        kept = [r for r in x.relations if not (r.kind == action.predicate and (r.subject, r.object) in ends)]
        if len(kept) == len(x.relations):
            return "no such relation is extracted"
        x.relations = kept
        return None
    subject, obj = subjects[0], objects[0]
    allowed_subjects, allowed_objects = SIGNATURES[action.predicate]
    if subject.kind not in allowed_subjects or obj.kind not in allowed_objects:
        return (f"{action.predicate} cannot run from a {subject.kind} to a {obj.kind} "
                f"(it runs from {'/'.join(sorted(allowed_subjects))} to {'/'.join(sorted(allowed_objects))})")
    sentence = _evidence(x, action, subject, obj)
    if sentence is None:
        return (f"no sentence says it: {action.evidence!r} is not in the document" if action.evidence
                else "neither end is mentioned in a sentence; add evidence: with words of the sentence")
    x.relations = [r for r in x.relations if (r.kind, r.subject, r.object) != (action.predicate, subject.key, obj.key)]
    x.relations.append(Relation(action.predicate, subject.key, obj.key, sentence, 1.0, CURATION_RULE))
    return None


def _evidence(x: Extraction, action: Action, subject: Entity, obj: Entity) -> int | None:
    """The sentence that says a curated relation: the one holding ``evidence``, else one that
    mentions both ends, else the first mention of either end."""
    if action.evidence:
        wanted = " ".join(action.evidence.split()).casefold()
        return next((s.index for s in x.sentences if wanted in " ".join(s.text.split()).casefold()), None)
    both = {m.sentence for m in subject.mentions} & {m.sentence for m in obj.mentions}
    if both:
        return min(both)
    mentions = subject.mentions + obj.mentions
    return min((m.sentence for m in mentions), default=None)


def _sentence_at(x: Extraction, offset: int) -> int:
    for s in x.sentences:
        if s.start <= offset < s.end:
            return s.index
    return x.sentences[0].index if x.sentences else 0
