"""Cross-document resolution: the stage after per-document extraction (and curation), before RDF.

Across all documents of one ingest or build run, actors that are the same are made one node:

1. every pair of actor entities of one kind, named in different documents, whose names match by a
   rule of :mod:`ingest.name_match` (shared name, abbreviation, translation) is a candidate, with
   a score; an acronym that would match two different actors matches none (ambiguous); two
   entities that one document names both are never candidates (the per-document resolver,
   :mod:`ingest.resolve`, kept them apart with more context);
2. a curator's ``same`` links are added (rule ``curation``, score 1.0) and ``different`` links
   forbid any merge that would put the two names into one node;
3. candidates are joined best score first (union-find); each group keeps the slug of the entity
   named in most documents, then the one with the longest label, then the first slug
   alphabetically;
4. each document's entities, mentions and relations are rewritten to the chosen keys; agreements
   get their slug again from their parties' new slugs;
5. an entity named in several documents gets, in each document of a language, that language's
   most frequent label (then the longest) as ``rdfs:label``; its other names are ``skos:altLabel``.

Every join is a :class:`MergeDecision` (names, rule, score, reason) that ``ingest.rdf`` writes as a
``hin:MergeDecision`` node.  :func:`link_regions` adds the ``hin:partOf`` steps that reference data
knows between regions named in the same document (rule ``reference-data``).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ingest.curation import NamePair
from ingest.entity_edits import absorb, remap_relations, settle_agreements
from ingest.model import Entity, Extraction, Relation
from ingest.name_match import Match, abbreviation, core_key, is_acronym, same_name, shape, translation
from ingest.resolve import canonical

#: Entity kinds that cross-document resolution merges (regions and fields link by reference data).
ACTOR_KINDS = ("organisation", "cluster", "person")

Key = tuple[str, str]


@dataclass(frozen=True)
class MergeDecision:
    """Why two entities of different documents became one node."""

    into: Key  #: the key of the merged node
    keys: tuple[Key, Key]  #: the two keys joined
    names: tuple[str, ...]  #: the names that matched, then the two nodes' labels when those differ from them
    rule: str  #: shared-name, abbreviation, translation or curation
    score: float
    reason: str
    documents: tuple[str, ...]  #: documents that name either side


@dataclass
class LinkReport:
    """What cross-document resolution did and what it refused."""

    decisions: list[MergeDecision] = field(default_factory=list)
    kept_apart: list[str] = field(default_factory=list)  #: merges refused (forbidden, ambiguous)
    stale: list[str] = field(default_factory=list)  #: curation links that matched nothing
    mapping: dict[Key, Key] = field(default_factory=dict)  #: old key -> merged key


@dataclass
class _Node:
    kind: str
    names: list[tuple[str, str]] = field(default_factory=list)  #: (name, language)
    documents: set[str] = field(default_factory=set)
    label: str = ""


def link_documents(extractions: Sequence[Extraction], *, same: Sequence[NamePair] = (),
                   different: Sequence[NamePair] = ()) -> tuple[list[Extraction], LinkReport]:
    """Merge the actors that several documents name differently (see the module notes).

    Parameters
    ----------
    extractions : sequence of Extraction
        One per document of the run; they are not changed.
    same, different : sequence of NamePair
        A curator's overrides: force a merge, forbid a merge.

    Returns
    -------
    extractions : list of Extraction
        Rewritten to the merged keys, in the same order.
    report : LinkReport
    """
    report = LinkReport()
    nodes = _nodes(extractions)
    candidates = _candidates(nodes, report)
    forbidden = set()
    for pair in different:
        firsts, seconds = _find(nodes, pair.first), _find(nodes, pair.second)
        if not firsts or not seconds:
            report.stale.append(f"{pair.where}: different [{pair.first}, {pair.second}] matches no "
                                "actor of this run; fix the names or remove the entry")
        forbidden |= {frozenset((a, b)) for a in firsts for b in seconds if a != b}
        if firsts & seconds:
            report.kept_apart.append(f"{pair.where}: '{pair.first}' and '{pair.second}' have one slug, "
                                     "so one IRI; rename one of them in the curation file")
    for pair in same:
        firsts, seconds = _find(nodes, pair.first), _find(nodes, pair.second)
        if not firsts or not seconds:
            report.stale.append(f"{pair.where}: same [{pair.first}, {pair.second}] matches no actor "
                                "of this run; fix the names or remove the entry")
            continue
        for a in sorted(firsts):
            for b in sorted(seconds):
                if a != b:
                    candidates.append((1.0, a, b, pair.first, pair.second,
                                       Match("curation", 1.0, f"a curator said so ({pair.where})")))
    groups = _join(candidates, forbidden, nodes, report)
    mapping = {}
    for root, members in groups.items():
        chosen = min(members, key=lambda k: (-len(nodes[k].documents), -len(nodes[k].label), k[1], k[0]))
        mapping.update({k: chosen for k in members if k != chosen})
    report.mapping = mapping
    report.decisions = [replace(d, into=mapping.get(d.keys[0], d.keys[0])) for d in report.decisions]
    linked = [_remap(x, mapping) for x in extractions]
    _harmonise_labels(linked)
    return linked, report


def _nodes(extractions: Sequence[Extraction]) -> dict[Key, _Node]:
    nodes: dict[Key, _Node] = {}
    for x in extractions:
        for e in x.entities:
            if e.kind not in ACTOR_KINDS:
                continue
            node = nodes.setdefault(e.key, _Node(e.kind))
            node.documents.add(x.document.doc_id)
            for name in [e.label, *sorted(e.alt_labels)]:
                if (name, x.document.language) not in node.names:
                    node.names.append((name, x.document.language))
            node.label = max(node.label, e.label, key=lambda s: (len(s), s))
    return nodes


def _find(nodes: dict[Key, _Node], name: str) -> set[Key]:
    """Keys of the actors a curator's name (or ``kind/slug``) denotes."""
    found = {k for k in nodes if f"{k[0]}/{k[1]}" == name}
    for key, node in nodes.items():
        if any(canonical(n, lang) == canonical(name, lang) for n, lang in node.names):
            found.add(key)
    return found


def _candidates(nodes: dict[Key, _Node], report: LinkReport) -> list[tuple]:
    """(score, key a, key b, name a, name b, Match) for every pair some rule joins."""
    out = []
    by_canonical, by_core, acronyms, tokens = (defaultdict(set) for _ in range(4))
    for key, node in nodes.items():
        for name, lang in node.names:
            by_canonical[(key[0], canonical(name, lang))].add(key)
            form = shape(name, lang)
            if form.heads and form.core:
                by_core[(key[0], core_key(form))].add(key)
            if is_acronym(name):
                acronyms[(key[0], name)].add(key)
            else:
                tokens[key[0]].add(key)
    for bucket in [*by_canonical.values(), *by_core.values()]:
        for a in sorted(bucket):
            for b in sorted(bucket):
                if a < b:
                    out += _pair(nodes, a, b, (same_name, translation))
    for (kind, acronym), holders in sorted(acronyms.items()):
        partners = {}
        for other in sorted(tokens[kind] - holders):
            if any(nodes[other].documents & nodes[h].documents for h in holders):
                continue
            found = [(m, n) for n, lang in nodes[other].names
                     if (m := abbreviation(acronym, nodes[next(iter(holders))].names[0][1], n, lang))]
            if found:
                partners[other] = max(found, key=lambda p: p[0].score)
        if len(partners) > 1:
            report.kept_apart.append(f"'{acronym}' could abbreviate any of "
                                     f"{', '.join(nodes[k].label for k in sorted(partners))}; not merged")
            continue
        for other, (match, name) in partners.items():
            for holder in sorted(holders):
                out.append((match.score, holder, other, acronym, name, match))
    return out


def _pair(nodes, a: Key, b: Key, rules) -> list[tuple]:
    if nodes[a].documents & nodes[b].documents:
        return []  # a document that names both kept them apart (ingest.resolve)
    best = None
    for name_a, lang_a in nodes[a].names:
        for name_b, lang_b in nodes[b].names:
            for rule in rules:
                match = rule(name_a, lang_a, name_b, lang_b)
                if match and (best is None or match.score > best[0]):
                    best = (match.score, a, b, name_a, name_b, match)
    return [best] if best else []


def _join(candidates, forbidden, nodes, report) -> dict[Key, set[Key]]:
    """Union-find, best candidate first, refusing joins a ``different`` link forbids."""
    parent: dict[Key, Key] = {}
    members: dict[Key, set[Key]] = {}

    def root(k: Key) -> Key:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for score, a, b, name_a, name_b, match in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        ra, rb = root(a), root(b)
        if ra == rb:
            continue
        group_a, group_b = members.get(ra, {ra}), members.get(rb, {rb})
        if any(frozenset((x, y)) in forbidden for x in group_a for y in group_b):
            report.kept_apart.append(f"'{name_a}' and '{name_b}' kept apart by the curation file "
                                     f"({match.rule} would have merged them)")
            continue
        parent[rb] = ra
        members[ra] = group_a | group_b
        members.pop(rb, None)
        documents = tuple(sorted(nodes[a].documents | nodes[b].documents))
        # "Medicon Valley" is a name of both "Medicon Valley" and "Medicon Valley Alliance": the
        # decision names the two labels as well, so it always holds the two names it made one.
        names = tuple(dict.fromkeys((name_a, name_b, nodes[a].label, nodes[b].label)))
        report.decisions.append(MergeDecision(a, (a, b), names, match.rule, score, match.reason, documents))
    return members


def _remap(extraction: Extraction, mapping: dict[Key, Key]) -> Extraction:
    """One document rewritten to the merged keys: entities joined, relations re-pointed."""
    merged: dict[Key, Entity] = {}
    for e in sorted(extraction.entities, key=lambda e: e.key in mapping):  # the kept key absorbs
        key = mapping.get(e.key, e.key)
        copy = replace(e, kind=key[0], slug=key[1], alt_labels=set(e.alt_labels),
                       mentions=list(e.mentions), same_as=set(e.same_as), identifiers=dict(e.identifiers))
        if key in merged:
            absorb(merged[key], copy)
        else:
            merged[key] = copy
    relations = remap_relations(extraction.relations, mapping, set(merged))
    entities, relations = settle_agreements(list(merged.values()), relations)
    return replace(extraction, entities=entities, relations=relations)


def _harmonise_labels(extractions: list[Extraction]) -> None:
    """One rdfs:label per language for an entity named in several documents."""
    labels: dict[tuple[Key, str], Counter] = defaultdict(Counter)
    for x in extractions:
        for e in x.entities:
            labels[(e.key, x.document.language)][e.label] += 1
    for x in extractions:
        for e in x.entities:
            counts = labels[(e.key, x.document.language)]
            chosen = max(counts, key=lambda s: (counts[s], len(s), s))
            if chosen != e.label:
                e.alt_labels.add(e.label)
                e.label = chosen
                e.alt_labels.discard(chosen)


# -- the region hierarchy from reference data ---------------------------------------------------

def _places_by_slug() -> dict[str, str]:
    """Slug -> key of every place loaded so far (not cached: towns are added when first named)."""
    from ingest.gazetteer import gazetteer

    return {place.slug: key for key, place in gazetteer().places.items()}


def link_regions(extraction: Extraction) -> Extraction:
    """Add ``hin:partOf`` from each region to its nearest enclosing region that reference data
    gives and the same document names (rule ``reference-data``, evidence: the sentence of the
    region's first mention).  A region that already has a ``partOf`` keeps it; regions the
    document does not name are never added (DESIGN.md: reference data no document mentions is
    left out; docs/decisions/0003-region-hierarchy.md)."""
    from ingest.gazetteer import region_record

    regions = {e.key: e for e in extraction.entities if e.kind == "region"}
    has_parent = {r.subject for r in extraction.relations if r.kind == "partOf"}
    places = _places_by_slug()
    added = []
    for key, entity in regions.items():
        if key in has_parent or key[1] not in places or not entity.mentions:
            continue
        record = region_record(places[key[1]], extraction.document.language)
        seen = {record.key}
        while record.parent and record.parent not in seen:
            seen.add(record.parent)
            record = region_record(record.parent, extraction.document.language)
            if ("region", record.slug) in regions:
                added.append(Relation("partOf", key, ("region", record.slug),
                                      entity.mentions[0].sentence, 0.9, "reference-data"))
                break
    if not added:
        return extraction
    relations = sorted([*extraction.relations, *added], key=lambda r: (r.sentence, r.kind, r.subject, r.object))
    return replace(extraction, relations=relations)
