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

from ingest.actor_names import LEAD_HEADING, is_list_heading, list_items
from ingest.relations import Context
from ingest.sentences import LIST_ITEM

#: A definite phrase for the members of a cluster as a group ("the new members", "medlemmerne"): the
#: page's cluster.
_GROUP = re.compile(
    r"\b(?:medlemmerne|partnerne|deltagerne|verbundpartner\w*|projektpartner\w*|konsortialpartner\w*"
    r"|(?:the|die|de)\s+(?:new\s+|neuen\s+|nieuwe\s+)?(?:members|partners|partner|mitglieder|leden|deelnemers))\b",
    re.IGNORECASE)
#: A definite or possessive phrase that refers back to a cluster.
ANAPHOR = re.compile(
    r"\b(?:(?:das|dem|der|des|dieses|diesem|the|this|its|our|het|dit|de|den|det|dette|ons|unser\w*|im|ins)"
    r"\s+(?:\w+e[ns]?\s+)?(?:netzwerk\w*|bündnis\w*|allianz|cluster\w*|verbund\w*|alliance|network|cluster"
    r"|partnership|consortium|netwerk|alliantie|samenwerkingsverband|netværk|klynge|konsortium)"
    r"|klyngen|netværket|alliancen|konsortiet|partnerskabet"
    r"|(?:ihr|unser|sein)\w*\s+(?:mitglied\w*|partner\w*)|(?:its|their|our)\s+(?:members|partners)|(?:haar|zijn|onze)\s+(?:leden|partners)|(?:dens|vores|deres)\s+(?:medlemmer|partnere))\b",
    re.IGNORECASE)
_MEMBER = re.compile(
    r"\b(?:mitglied\w*|beigetreten|beitreten|neu\s+im|lid|leden|aangesloten|medlem\w*|members?|joined"
    r"|membership|partnerbedrijven|partnerne|verbundpartner\w*|projektpartner\w*|konsortialpartner\w*"
    r"|(?:the|de|die)\s+partners?\s+(?:in|im|of|van|des|der)\b)\b", re.IGNORECASE)
_AGENT = re.compile(r"(?:von|vom|door|by|af)\s*(?:der|dem|den|de|het|the)?\s*$", re.IGNORECASE)
#: A heading over the persons who run a cluster ("Vorstand", "Bestuur", "Bestyrelse", "Board").
_BOARD_HEADING = re.compile(
    r"^\s*(?:vorstand|präsidium|lenkungskreis|beirat|geschäftsführung|sprecher\w*|bestuur|dagelijks bestuur"
    r"|raad van toezicht|stuurgroep|bestyrelse(?:n)?|styregruppe(?:n)?|ledelse(?:n)?|board(?: of directors)?"
    r"|steering (?:committee|group)|management team|executive team)\s*:?\s*$", re.IGNORECASE)
_PLACE_GAP = re.compile(r"^\s*[,|]\s*$")


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
    anaphor = ANAPHOR.search(context.sentences[index].text)
    if not anaphor:
        return topic_cluster(context) if _GROUP.search(context.sentences[index].text) else None
    word = anaphor.group().split()[-1].casefold()[:5]  # "the alliance": a cluster with "Alliance" in its name first
    for back in range(1, 6):
        found = [k for c, k in (context.mentions(index - back, "cluster") if index - back >= 0 else [])
                 if k not in exclude and word in c.label.casefold()]
        if found:
            return found[-1]
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
        if not actors and _THE_COMPANY.match(sentence.text):
            actors = previous_organisation(context, index)
        for _, key in actors:
            if key != target:
                context.add("memberOf", key, target, index, 0.65, "member-sentence")
        if sentence.text.rstrip().endswith(":"):
            _member_list(context, index, target)


#: A sentence whose subject is "the company" named before ("Virksomheden har været medlem af X").
COMPANY_PHRASE = (r"(?:virksomheden|firmaet|selskabet|das unternehmen|die firma|the company|the firm"
                  r"|het bedrijf|de onderneming|de organisatie|the organisation|the organization)\b")
_THE_COMPANY = re.compile(r"^\s*" + COMPANY_PHRASE, re.IGNORECASE)


def previous_organisation(context: Context, index: int) -> list:
    """The organisation that opens the nearest sentence before ``index`` (up to three back)."""
    for back in range(1, 4):
        found = context.mentions(index - back, "organisation") if index - back >= 0 else []
        if found:
            return found[:1]
    return []


def _target(context: Context, index: int, clusters):
    """The cluster of a membership sentence: one named after the membership word, else the
    cluster referred to, else a cluster named in it."""
    text = context.sentences[index].text
    cue = _MEMBER.search(text)
    offset = context.sentences[index].start + cue.start()
    after = [k for c, k in clusters if c.start > offset and not _PARTNER_OF.search(context.between(offset, c.start))]
    if after:
        return after[0]
    referred = referenced_cluster(context, index)
    if referred is not None:
        return referred
    if clusters and len(context.mentions(index, "organisation", "cluster")) > len(clusters):
        return clusters[-1][1]
    return topic_cluster(context) if text.rstrip().endswith(":") else None


#: "five new members and a partnership with X": X is a partner of the agreement, not the members' cluster.
_PARTNER_OF = re.compile(r"\b(?:with|mit|met|med)\b", re.IGNORECASE)


def _member_list(context: Context, index: int, target) -> None:
    """The list items right after a membership heading ("Our members include:")."""
    k = index + 1
    while k < len(context.sentences) and LIST_ITEM.match(context.sentences[k].text):
        for _, key in context.mentions(k, "organisation", "cluster"):
            if key != target:
                context.add("memberOf", key, target, k, 0.7, "member-list")
        k += 1


def member_lists(context: Context) -> None:
    """Items under a heading that announces actors (``Partners``, ``Mitglieder (Auswahl)``,
    ``Deelnemers zijn onder meer:``) are members of the page's cluster; items under ``Lead
    partner`` also coordinate it; ``Name, Place`` in an item locates the actor."""
    zones = context.zones
    for index, sentence in enumerate(context.sentences):
        if zones.get(index) != "body" or not is_list_heading(sentence.text):
            continue
        target = referenced_cluster(context, index) or topic_cluster(context)
        lead = LEAD_HEADING.match(sentence.text) is not None
        for item in list_items(context.text, context.sentences, index, zones):
            actors = context.mentions(item.index, "organisation", "cluster")
            for cand, key in actors[:1]:
                if target is not None and key != target:
                    context.add("memberOf", key, target, item.index, 0.7, "member-list")
                    if lead:
                        context.add("coordinates", key, target, item.index, 0.7, "lead-partner")
                end = cand.end
                for rcand, rkey in context.mentions(item.index, "region"):
                    if rcand.start >= end and _PLACE_GAP.match(context.between(end, rcand.start)):
                        context.add("locatedIn", key, rkey, item.index, 0.7, "list-item-place")
                        end = rcand.end


def boards(context: Context) -> None:
    """Persons listed under ``Vorstand`` / ``Bestuur`` / ``Bestyrelse`` / ``Board`` speak for the
    page's cluster."""
    target = topic_cluster(context)
    if target is None:
        return
    for index, sentence in enumerate(context.sentences):
        if context.zones.get(index) != "body" or not _BOARD_HEADING.match(sentence.text):
            continue
        for item in context.sentences[index + 1:index + 12]:
            gap = context.text[context.sentences[item.index - 1].end:item.start]
            bulleted = LIST_ITEM.match(item.text) and (item.index == index + 1 or LIST_ITEM.match(
                context.sentences[item.index - 1].text))  # list items of a web page stand a blank line apart
            if "\n\n" in gap and not bulleted or item.text.rstrip().endswith(".") and len(item.text) > 90:
                break
            for _, key in context.mentions(item.index, "person"):
                context.add("affiliatedWith", key, target, item.index, 0.7, "board-member")


#: A definite plural that names the members of the page's cluster as a group ("The partners signed").
_THE_MEMBERS = re.compile(r"\b(?:the (?:project )?partners|the members|all partners|die (?:projekt)?partner|die mitglieder"
                          r"|alle partner|de (?:project)?partners|de deelnemers|de leden|alle partners|partnerne"
                          r"|parterne|medlemmerne|alle parter)\b", re.IGNORECASE)


def members_as_parties(context: Context) -> None:
    """``The partners signed a partnership agreement``: an agreement signed by "the partners" or
    "de deelnemers" that names no party has the listed members of the page's cluster as parties."""
    cluster = topic_cluster(context)
    if cluster is None:
        return
    listed = [r.subject for r in context.found.values() if r.kind == "memberOf" and r.object == cluster]
    if len(set(listed)) < 2:
        return
    for index in sorted(context.by_sentence):
        if context.zones.get(index) != "body" or not context.has_verb(index, "sign"):
            continue
        for agreement, agr_key in context.mentions(index, "agreement"):
            head = context.text[context.sentences[index].start:agreement.start]
            named = [k for c, k in context.mentions(index, "organisation", "cluster") if c.end <= agreement.start]
            if named or not _THE_MEMBERS.search(head):
                continue
            for key in dict.fromkeys(listed):
                context.add("partyTo", key, agr_key, index, 0.6, "members-as-parties")


def item_places(context: Context) -> None:
    """``- Orthovis B.V., Maastricht – implants``: a list item that opens with an organisation and a
    place after a comma locates it, under any heading."""
    for index, sentence in enumerate(context.sentences):
        if context.zones.get(index) != "body" or not LIST_ITEM.match(sentence.text):
            continue
        actors = context.mentions(index, "organisation", "cluster")
        if not actors or context.between(sentence.start, actors[0][0].start).strip(" -•·*–") != "":
            continue
        cand, key = actors[0]
        for rcand, rkey in context.mentions(index, "region"):
            if rcand.start >= cand.end and _PLACE_GAP.match(context.between(cand.end, rcand.start)):
                context.add("locatedIn", key, rkey, index, 0.7, "list-item-place")
            break


RULES = [members, member_lists, boards, members_as_parties, item_places]
