"""Agreements listed under a sentence that announces them (``partyTo``).

Annual reports and news pages list what an actor signed in a year: ``I løbet af 2023 har foreningen
indgået følgende aftaler:`` / ``The cluster signed the following agreements:`` followed by bullet
items ``• En partnerskabsaftale med Region X ...``.  The actor of the announcing sentence (else the
page's cluster) is a party of every agreement of the items, and the actors after ``med``/``with``/
``mit``/``met`` behind the agreement word are its other parties (``listed-agreement``); an actor the
agreement founds (``som etablerer X``) is no party.
"""
from __future__ import annotations

import re

from ingest.member_rules import referenced_cluster, topic_cluster
from ingest.relations import Context

#: "følgende aftaler:", "the following agreements:", "folgende Vereinbarungen:", "de volgende overeenkomsten:".
_ANNOUNCES = re.compile(
    r"\b(?:følgende|the following|these|folgende|diese|de volgende|deze|disse)\s+(?:\w+\s+){0,2}?"
    r"(?:aftaler|partnerskaber|agreements|partnerships|memoranda|vereinbarungen|verträge|partnerschaften"
    r"|overeenkomsten|partnerschappen|convenanten)\b[^:]{0,40}:\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•·*–])\s")
#: The preposition that names the other party ("aftale med X", "agreement with X").
_WITH = re.compile(r"\b(?:med|with|mit|met|avec)\b", re.IGNORECASE)
#: A relative clause after the parties ("..., som etablerer X", "..., which creates X") names no party.
_RELATIVE = re.compile(r",\s+(?:som|der|which|that|who|die|das|dat|welke)\b", re.IGNORECASE)


def _items(context: Context, index: int) -> list[int]:
    """The sentences of the bullet items after sentence ``index`` (an item may hold several)."""
    out = []
    for k in range(index + 1, len(context.sentences)):
        sentence = context.sentences[k]
        same_line = "\n" not in context.between(context.sentences[k - 1].end, sentence.start)
        if context.zones.get(k) != "body" or not (_BULLET.match(sentence.text) or out and same_line):
            break
        out.append(k)
    return out


def listed_agreements(context: Context) -> None:
    for index, sentence in enumerate(context.sentences):
        if context.zones.get(index) != "body" or not _ANNOUNCES.search(sentence.text):
            continue
        cue = sentence.start + _ANNOUNCES.search(sentence.text).start()
        named = [k for c, k in context.mentions(index, "organisation", "cluster") if c.end <= cue]
        subject = named[0] if named else referenced_cluster(context, index) or topic_cluster(context)
        for k in _items(context, index):
            for agreement, agr_key in context.mentions(k, "agreement"):
                if subject is not None:
                    context.add("partyTo", subject, agr_key, k, 0.7, "listed-agreement")
                rest = context.between(agreement.end, context.sentences[k].end)
                m = _WITH.search(rest)
                if m is None or m.start() > 30:
                    continue
                founded = {r.object for r in context.found.values()
                           if r.kind == "establishes" and r.subject == agr_key}
                clause = _RELATIVE.search(rest)
                stop = agreement.end + (clause.start() if clause else len(rest))
                for actor, key in context.mentions(k, "organisation", "cluster"):
                    if agreement.end + m.start() < actor.start < stop and key not in founded and key != subject:
                        context.add("partyTo", key, agr_key, k, 0.7, "listed-agreement")


RULES = [listed_agreements]
