"""Relations from tables of actors (``ingest/actor_tables.py``).

* the place column locates the row's actor (``| Pixelwerk B.V. | Bedrijf | Eindhoven (NL) |``);
* a table on a page or under a heading about members (``Ledenoverzicht``, ``Mitglieder``,
  ``Our members``) lists members of the cluster referred to there, else the page's cluster;
* a role cell that says coordinator / lead partner / penvoerder makes the row's actor coordinate it.
"""
from __future__ import annotations

import re

from ingest.member_rules import referenced_cluster, topic_cluster
from ingest.relations import Context
from ingest.actor_tables import LEAD_CELL, actor_tables

#: Words that say a table lists members.
_MEMBERS = re.compile(r"\b(?:leden\w*|lidorganisaties|mitglieder\w*|members?|membership|medlem\w*|deelnemers"
                      r"|teilnehmer\w*|participants|partner\w*|partners)\b", re.IGNORECASE)


def _lists_members(context: Context, header: int) -> bool:
    """The page title or one of the six sentences above the header row speaks of members."""
    before = [i for i in range(max(0, header - 6), header)] + [0]
    return any(_MEMBERS.search(context.sentences[i].text) for i in before if i < header)


def tables(context: Context) -> None:
    """locatedIn, memberOf and coordinates from the rows of tables of actors."""
    for table in actor_tables(context.sentences, context.zones):
        header = table.header.index
        target = None
        if _lists_members(context, header):
            target = referenced_cluster(context, header) or topic_cluster(context)
        for row in table.rows:
            cell = table.cell(row, table.actor)
            actors = [(c, k) for c, k in context.mentions(row.index, "organisation", "cluster")
                      if cell and cell[0] <= c.start < cell[1]]
            if not actors:
                continue
            key = actors[0][1]
            for place in filter(None, (table.cell(row, column) for column in table.places)):
                for rcand, rkey in context.mentions(row.index, "region"):
                    if place[0] <= rcand.start < place[1]:
                        context.add("locatedIn", key, rkey, row.index, 0.75, "table-place")
            if target is None or key == target:
                continue
            context.add("memberOf", key, target, row.index, 0.7, "member-table")
            role = table.cell(row, table.role)
            if role and LEAD_CELL.search(context.text[role[0]:role[1]]):
                context.add("coordinates", key, target, row.index, 0.7, "table-lead")


RULES = [tables]
