"""Relations read from pipe tables (:mod:`ingest.tables`).

* a table of consortia (``| Project | Lead partner | Partners | Focus |``): the actors of the lead
  cell coordinate the row's project and are members of it, the actors of the partners cell are
  members, the fields of the focus cell are its fields (``table-project``);
* a table of actors (``Partner | Type | Base``): each row's actor is a member of the cluster the
  page is about (or the one the sentence before the table refers to), ``(lead partner)`` after it
  makes it the coordinator; when the sentence before the table has an agreement and a signing verb
  (``The MoU would be signed by the following five organisations:``) the actors are its parties
  (``table-actor``); the fields of a focus or expertise column are the actor's;
* in either, ``A, Town (CC)`` in a cell or a place column locates the actor (``table-place``).
"""
from __future__ import annotations

import re

from ingest.member_rules import LEAD_MARK, referenced_cluster, topic_cluster
from ingest.relations import Context
from ingest.tables import find_tables

_PLACE_GAP = re.compile(r"^\s*,\s*$")


def tables(context: Context) -> None:
    for table in find_tables(context.text, context.sentences, context.zones):
        if table.column("project") is not None:
            _projects(context, table)
        else:
            _actors(context, table)


def _in_cell(context: Context, index: int, span: tuple[int, int], *kinds: str):
    return [(c, k) for c, k in context.mentions(index, *kinds) if span[0] <= c.start and c.end <= span[1]]


def _cell_actors(context: Context, index: int, span: tuple[int, int]):
    """The actors that open the ``;``-separated parts of a cell (``A, Town (CC); B, Town (CC)``)."""
    actors = _in_cell(context, index, span, "organisation", "cluster")
    out = []
    for m in re.finditer(r"[^;]+", context.text[span[0]:span[1]]):
        start = span[0] + m.start()
        first = next(((c, k) for c, k in actors if start <= c.start < span[0] + m.end()), None)
        if first is not None and not context.between(start, first[0].start).strip():
            out.append(first)
    return out


def _place(context: Context, index: int, cand, key, span) -> None:
    """``A, Town (CC)``: the region right after the actor in its cell."""
    for rcand, rkey in _in_cell(context, index, span, "region"):
        if rcand.start >= cand.end:
            if _PLACE_GAP.match(context.between(cand.end, rcand.start)):
                context.add("locatedIn", key, rkey, index, 0.7, "table-place")
            break


def _projects(context: Context, table) -> None:
    project, lead = table.column("project"), table.column("lead")
    for sentence, row in table.rows:
        if project >= len(row):
            continue
        clusters = _in_cell(context, sentence.index, row[project], "cluster")
        if not clusters:
            continue
        cluster = clusters[0][1]
        for col, role in enumerate(table.roles):
            if col >= len(row):
                break
            if role in ("lead", "actors"):
                for cand, key in _cell_actors(context, sentence.index, row[col]):
                    context.add("memberOf", key, cluster, sentence.index, 0.75, "table-project")
                    if col == lead:
                        context.add("coordinates", key, cluster, sentence.index, 0.75, "table-project")
                    _place(context, sentence.index, cand, key, row[col])
            elif role == "focus":
                for _, fkey in _in_cell(context, sentence.index, row[col], "field"):
                    context.add("focusesOn", cluster, fkey, sentence.index, 0.7, "table-project")


def _actors(context: Context, table) -> None:
    column = table.column("actors")
    if column is None:
        column = table.column("lead")
    places = [c for c, role in enumerate(table.roles) if role == "place"]
    focus = [c for c, role in enumerate(table.roles) if role == "focus"]
    intro = table.header.index - 1
    target = referenced_cluster(context, intro) if intro >= 0 else None
    target = target or topic_cluster(context)
    agreements = []
    if intro >= 0 and context.zones.get(intro) == "body" and context.has_verb(intro, "sign"):
        agreements = [k for _, k in context.mentions(intro, "agreement")]
    for sentence, row in table.rows:
        if column >= len(row):
            continue
        found = _cell_actors(context, sentence.index, row[column])[:1]
        for cand, key in found:
            if target is not None and key != target:
                context.add("memberOf", key, target, sentence.index, 0.7, "table-actor")
                if LEAD_MARK.match(context.between(cand.end, row[column][1])):
                    context.add("coordinates", key, target, sentence.index, 0.7, "table-actor")
            for agreement in agreements:
                context.add("partyTo", key, agreement, sentence.index, 0.7, "table-actor")
            _place(context, sentence.index, cand, key, row[column])
            for col in places:
                if col < len(row):
                    for _, rkey in _in_cell(context, sentence.index, row[col], "region")[:1]:
                        context.add("locatedIn", key, rkey, sentence.index, 0.7, "table-place")
            for col in focus:
                if col < len(row):
                    for _, fkey in _in_cell(context, sentence.index, row[col], "field"):
                        context.add("focusesOn", key, fkey, sentence.index, 0.7, "table-actor")


RULES = [tables]
