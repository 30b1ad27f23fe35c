"""Membership of clusters (``memberOf``), and which cluster a sentence speaks of.

``A ist Mitglied im C``; ``Zu ihren Mitgliedern zählen A, B und C``; ``Ook A en B zijn lid
geworden van het netwerk``; ``Klyngen har 85 medlemmer, blandt andre A og B``; ``A is the first
member of the alliance``; a bulleted list after "Our members include:".  The cluster is the one
named in the sentence, else the one a definite or possessive phrase points back to ("das Netzwerk",
"het netwerk", "klyngen", "the alliance", "ihren Mitgliedern"): the cluster named last in the
sentences before, else the page's cluster (the one named most often).
"""
from __future__ import annotations

import re

from ingest.relations import Context

#: A definite or possessive phrase that refers back to a cluster.
ANAPHOR = re.compile(
    r"\b(?:(?:das|dem|des|dieses|diesem|the|this|its|our|het|dit|de|den|det|dette|ons|unser\w*|im|ins)"
    r"\s+(?:\w+e[ns]?\s+)?(?:netzwerk\w*|bündnis\w*|allianz|cluster\w*|verbund\w*|alliance|network|cluster"
    r"|partnership|consortium|netwerk|alliantie|samenwerkingsverband|netværk|klynge|konsortium)"
    r"|klyngen|netværket|alliancen|konsortiet|partnerskabet"
    r"|(?:ihr|unser|sein)\w*\s+(?:mitglied\w*|partner\w*)|(?:its|their|our)\s+(?:members|partners)|(?:haar|zijn|onze)\s+(?:leden|partners)|(?:dens|vores|deres)\s+(?:medlemmer|partnere))\b",
    re.IGNORECASE)
_MEMBER = re.compile(
    r"\b(?:mitglied\w*|beigetreten|beitreten|neu\s+im|lid|leden|aangesloten|medlem\w*|members?|joined"
    r"|membership|partnerbedrijven)\b", re.IGNORECASE)
_AGENT = re.compile(r"(?:von|vom|door|by|af)\s*(?:der|dem|den|de|het|the)?\s*$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•·*–])\s")


def topic_cluster(context: Context):
    """The cluster the page is about: the one named most often (first named on a tie), or None."""
    counts: dict = {}
    first: dict = {}
    for index in sorted(context.by_sentence):
        for cand, key in context.mentions(index, "cluster"):
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, index)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def referenced_cluster(context: Context, index: int, exclude=()):
    """The cluster that a definite phrase in sentence ``index`` points back to, or None; clusters
    of ``exclude`` (the subject of the sentence) are passed over."""
    if not ANAPHOR.search(context.sentences[index].text):
        return None
    for back in range(0, 6):
        found = context.mentions(index - back, "cluster") if index - back >= 0 else []
        if back == 0:
            found = [f for f in found if not _AGENT.search(context.text[context.sentences[index].start:f[0].start])]
        found = [f for f in found if f[1] not in exclude]
        if found:
            return found[-1][1]
    return topic_cluster(context)


def members(context: Context) -> None:
    """memberOf from membership sentences and from member lists."""
    for index in range(len(context.sentences)):
        if context.zones.get(index) != "body" or not _MEMBER.search(context.sentences[index].text):
            continue
        sentence = context.sentences[index]
        clusters = context.mentions(index, "cluster")
        actors = [(c, k) for c, k in context.mentions(index, "organisation", "cluster")
                  if not _AGENT.search(context.text[sentence.start:c.start][-12:])]
        target = _target(context, index, clusters)
        if target is None:
            continue
        for _, key in actors:
            if key != target:
                context.add("memberOf", key, target, index, 0.65, "member-sentence")
        if sentence.text.rstrip().endswith(":"):
            _member_list(context, index, target)


def _target(context: Context, index: int, clusters):
    """The cluster of a membership sentence: one named after the membership word, else the
    cluster referred to, else a cluster named in it."""
    text = context.sentences[index].text
    cue = _MEMBER.search(text)
    offset = context.sentences[index].start + cue.start()
    after = [k for c, k in clusters if c.start > offset]
    if after:
        return after[0]
    referred = referenced_cluster(context, index)
    if referred is not None:
        return referred
    if clusters and len(context.mentions(index, "organisation", "cluster")) > len(clusters):
        return clusters[-1][1]
    return topic_cluster(context) if text.rstrip().endswith(":") else None


def _member_list(context: Context, index: int, target) -> None:
    """The list items right after a membership heading ("Our members include:")."""
    k = index + 1
    while k < len(context.sentences) and _LIST_ITEM.match(context.sentences[k].text):
        for _, key in context.mentions(k, "organisation", "cluster"):
            if key != target:
                context.add("memberOf", key, target, k, 0.7, "member-list")
        k += 1


RULES = [members]
