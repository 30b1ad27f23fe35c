"""Relations read from the tables of a page (:mod:`ingest.tables`).

* a table of consortia (``| Project | Lead partner | Partners | Focus |``): the actors of the lead
  cell coordinate the row's project and are members of it, the actors of the partners cell are
  members, the fields of the focus cell are its fields (``table-project``);
* a table of actors (``Partner | Type | Base``, ``| Naam | Type | Plaats |``): each row's actor is a
  member of the cluster the sentence before the table refers to, else the page's cluster, when the
  header says the rows are partners, members or signatories, or the page title or a line above the
  table speaks of members (``Ledenoverzicht``, ``Our members``) (``table-actor``); ``(lead partner)``
  after the name or a type cell ``coördinator`` makes it the coordinator (``table-lead``); when the
  sentence before the table has an agreement and a signing verb (``The MoU would be signed by the
  following five organisations:``) the actors are its parties, and so they are of the agreement named
  last before the table when a short heading over it signs (``Wie tekende?``) or a column says who
  signed (``Ondertekend door``); a focus column gives the actor's fields;
* a person in another cell of an actor's row (``| AZ X | dr. Y, hoofdarts |``) is affiliated with the actor
  (``table-person``);
* in either, ``A, Town (CC)`` in a cell and every region of a place column locate the actor
  (``table-place``).
"""
from __future__ import annotations

import re

from ingest.member_rules import LEAD_MARK, foundings, referenced_cluster, topic_cluster
from ingest.relations import Context
from ingest.tables import LEAD_CELL, Table, find_tables

_PLACE_GAP = re.compile(r"^\s*,\s*$")
#: Words that say a table lists members.
_MEMBERS = re.compile(r"\b(?:leden\w*|lidorganisaties|mitglieder\w*|members?|membership|medlem\w*|deelnemers"
                      r"|teilnehmer\w*|participants|partner\w*|partners)\b", re.IGNORECASE)


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


def _projects(context: Context, table: Table) -> None:
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


def _speaks_of_members(context: Context, header: int) -> bool:
    """The page title or one of the six sentences above the header row speaks of members."""
    return any(_MEMBERS.search(context.sentences[i].text) for i in [0, *range(max(0, header - 6), header)]
               if i < header)


def _group(context: Context, table: Table) -> str | None:
    """The cluster whose members the table lists, or None."""
    header = table.header.index
    if not (table.lists_group(context.text) or _speaks_of_members(context, header)):
        return None
    return (referenced_cluster(context, header - 1) if header else None) or topic_cluster(context)


def _actors(context: Context, table: Table) -> None:
    column = table.actor_column()
    target = _group(context, table)
    intro = table.header.index - 1
    agreements = []
    if intro >= 0 and context.zones.get(intro) == "body" and context.has_verb(intro, "sign"):
        agreements = [k for _, k in context.mentions(intro, "agreement")]
    if not agreements and target is not None and any(
            _SIGNED.search(context.sentences[i].text) for i in range(max(0, intro - 1), table.header.index + 1)):
        # "Founding partners" / "| Signatory | Country |": the rows signed the agreement that founds the group
        founding = {r.subject for r in foundings(context, target)}
        agreements = list(founding) if len(founding) == 1 else []
    if not agreements and (context.has_verb(table.header.index, "sign") or intro >= 0 and context.zones.get(intro) != "chrome"
                           and len(context.sentences[intro].text.split()) <= 6 and context.has_verb(intro, "sign")):
        # "Wie tekende?" over the table, or a column "Ondertekend door" / "Signed by": the rows signed the
        # agreement named last before it
        agreements = [k for i in range(table.header.index) if context.zones.get(i) == "body"
                      for _, k in context.mentions(i, "agreement")][-1:]
    for sentence, row in table.rows:
        if column >= len(row):
            continue
        cell = row[column]
        actors = _cell_actors(context, sentence.index, cell) or [
            (c, k) for c, k in context.mentions(sentence.index, "organisation", "cluster") if cell[0] <= c.start < cell[1]]
        if not actors:
            continue
        cand, key = actors[0]
        _place(context, sentence.index, cand, key, cell)
        for col in table.columns("place"):
            for _, rkey in _in_cell(context, sentence.index, row[col], "region") if col < len(row) else ():
                context.add("locatedIn", key, rkey, sentence.index, 0.7, "table-place")
        for col in table.columns("focus"):
            for _, fkey in _in_cell(context, sentence.index, row[col], "field") if col < len(row) else ():
                context.add("focusesOn", key, fkey, sentence.index, 0.7, "table-actor")
        for agreement in agreements:
            context.add("partyTo", key, agreement, sentence.index, 0.7, "table-actor")
        for col, span in enumerate(row):  # "| AZ X | dr. Y, hoofdarts |": who signs or speaks for the row's actor
            for _, person in _in_cell(context, sentence.index, span, "person") if col != column else ():
                context.add("affiliatedWith", person, key, sentence.index, 0.7, "table-person")
        if target is None or key == target:
            continue
        context.add("memberOf", key, target, sentence.index, 0.7, "table-actor")
        kinds = [c for c in (table.column("type"), *table.columns("focus")) if c is not None and c < len(row)]
        if LEAD_MARK.match(context.between(cand.end, cell[1])) or any(  # "coordinator; stroke rehabilitation"
                LEAD_CELL.search(context.text[slice(*row[c])].split(";")[0]) for c in kinds):
            context.add("coordinates", key, target, sentence.index, 0.7, "table-lead")


#: A header or heading that says the rows signed: signatories, founding partners or members.
_SIGNED = re.compile(r"\b(?:signator\w*|unterzeichner\w*|ondertekenaar\w*|underskriver\w*|founding|gründungs\w*"
                     # "Die Unterzeichnenden und ihre Vertreter", "de ondertekenende partijen", "underskrivende parter"
                     r"|unterzeichnende\w*|ondertekenende\w*|underskrivende"
                     r"|oprichtende|stiftende|vertragspartner\w*|vertragsparteien|parties|parter|partijen)\b",
                     re.IGNORECASE)


RULES = [tables]
