"""Persons whose organisation a role phrase names around the sentence (``affiliatedWith``).

* ``Its managing director, X, has confirmed ...``, ``Dens direktør X``, ``Ihr Geschäftsführer X``,
  ``Haar directeur X``: a possessive before a role points to the organisation that opens the
  sentence before (``possessive-role``); ``X's chief executive, Y``, ``X' CEO Y``: the organisation's
  possessive before the role (``organisation-possessive-role``); ``KIT-Professorin Dr. Y``,
  ``ZCO-Direktor Y``: the organisation's short name and the role in one word (``organisation-role-compound``);
* a line holding only a person's name (a profile or comment header, ``X • 2nd``) and the next line
  ``Role at Org`` / ``Rolle bei Org`` / ``rolle hos Org`` (``profile-line``);
* ``Cordaan is ... Bestuursvoorzitter X benadrukt``, ``... mit ihrem Collegium Medicum. Dessen Dekanin
  Prof. Dr. X``, ``Ook Rijnstate doet mee. Y, lid van de Raad van Bestuur, ziet``: a bare role before
  or after a person who has no organisation of their own is held at the organisation named last
  before, in the same sentence or the one before (``role-of-organisation-before``).
"""
from __future__ import annotations

import re

from ingest.name_spans import UNIT_OF
from ingest.relations import Context
from ingest.tokens import wordlist

_POSSESSIVE = re.compile(r"\b(?:its|their|dens|dets|deres|sein|seine|ihr|ihre|zijn|haar|hun)\s+(?P<role>[\w-]+(?:\s+[\w-]+)?)"
                         r"\s*,?\s*$", re.IGNORECASE)
_AT = re.compile(r"^\s*(?P<role>[^\W\d][\w\-. ]{1,50}?)\s+(?:at|bei|bij|hos|ved|i|in)\s+(?:the\s+|der\s+|de\s+)?$",
                 re.IGNORECASE)
_NAME_LINE_REST = re.compile(r"^[\s•·|\-–]*(?:\d(?:st|nd|rd|th)\+?|[123]\.)?[\s•·|]*$")


def _is_role(context: Context, phrase: str) -> bool:
    roles = wordlist("roles", context.language)
    return any(roles.word(w) for w in phrase.split())


def possessive_roles(context: Context) -> None:
    for index in sorted(context.by_sentence):
        if index == 0 or context.zones.get(index) != "body":
            continue
        sentence = context.sentences[index]
        for person, key in context.mentions(index, "person"):
            m = _POSSESSIVE.search(context.between(sentence.start, person.start))
            if m is None or not _is_role(context, m.group("role")):
                continue
            before = context.mentions(index - 1, "organisation")
            if before and not context.between(context.sentences[index - 1].start, before[0][0].start).strip():
                context.add("affiliatedWith", key, before[0][1], index, 0.7, "possessive-role")


#: "X's chief executive, " / "X' CEO ": the organisation's possessive and a role right before a person.
_ORG_POSSESSIVE = re.compile(r"^(?:'s|’s|'|’)\s+(?P<role>[\w-]+(?:\s+[\w-]+){0,3}?)\s*,?\s*"
                             r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame)\.?\s+)*$")


#: A cluster's definite noun right before the possessive ("The Collaborative's programme manager, X").
_DEFINITE_BEFORE = re.compile(r"\b(?P<noun>(?:the|this|our)\s+\w+)\s*$", re.IGNORECASE)


def organisation_possessive_roles(context: Context) -> None:
    """``Life Sciences Hub Wales's chief executive, X``, ``Odense Robotics' CEO X``: the person holds
    the role at the organisation; ``The network's programme manager, X``: at the cluster the noun
    refers to."""
    from ingest.member_rules import ANAPHOR, referenced_cluster

    for index in sorted(context.by_sentence):
        if context.zones.get(index) == "chrome":
            continue
        actors = context.mentions(index, "organisation", "cluster")
        start = context.sentences[index].start
        for person, key in context.mentions(index, "person"):
            before = [(c, k) for c, k in actors if c.end <= person.start and person.start - c.end <= 45]
            if not before:
                prefix = context.between(start, person.start)
                possessive = re.search(r"(?:'s|’s)\s+[\w\s,.-]*$", prefix)
                noun = possessive and _DEFINITE_BEFORE.search(prefix, 0, possessive.start())
                m = noun and _ORG_POSSESSIVE.match(prefix[possessive.start():])
                if m and ANAPHOR.fullmatch(noun.group("noun")) and _is_role(context, m.group("role")):
                    cluster = referenced_cluster(context, index)
                    if cluster is not None:
                        context.add("affiliatedWith", key, cluster, index, 0.7, "cluster-possessive-role")
                continue
            org, org_key = before[-1]
            m = _ORG_POSSESSIVE.match(context.between(org.end, person.start))
            if m and _is_role(context, m.group("role")):
                context.add("affiliatedWith", key, org_key, index, 0.8, "organisation-possessive-role")


def organisation_role_compounds(context: Context) -> None:
    """``KIT-Professorin Dr. X``, ``ZCO-Direktor X``, ``SDU-professor X``, ``LUMC-onderzoeker X``,
    ``BioCon-Valley-Geschäftsführer Dr. X``: the organisation's short name, or the words its name opens
    with, and a role in one hyphenated word before the person."""
    for index in sorted(context.by_sentence):
        if context.zones.get(index) == "chrome":
            continue
        sentence = context.sentences[index]
        for person, key in context.mentions(index, "person"):
            compound = _COMPOUND_BEFORE.search(context.text[sentence.start:person.start])
            if compound and _is_role(context, compound.group("role")):
                org_key = _named_by_start(context, compound.group("org").replace("-", " "))
                if org_key is not None:
                    context.add("affiliatedWith", key, org_key, index, 0.75, "organisation-role-compound")


#: A hyphenated word before the person whose last part is a role: "BioCon-Valley-Geschäftsführer Dr. ".
_COMPOUND_BEFORE = re.compile(r"(?<![\w-])(?P<org>[A-ZÄÖÜÆØÅ][\w]*(?:-[A-ZÄÖÜÆØÅ][\w]*)*)-(?P<role>[^\W\d_]{3,})"
                              r"(?:\s+(?:prof|dr|med|phil|rer|nat|hab|dipl|ing|ir|mr|drs)\.?(?:-\w+\.?)?)*\s+$",
                              re.IGNORECASE)


def _named_by_start(context: Context, words: str):
    """The one organisation or cluster of the document whose name opens with ``words``, or None."""
    low = words.casefold()
    keys = {key for key, e in context.entities.items() if key[0] in ("organisation", "cluster")
            and any(n.casefold() == low or n.casefold().startswith(low + " ") for n in (e.label, *e.alt_labels))}
    return keys.pop() if len(keys) == 1 else None


def profile_lines(context: Context) -> None:
    for index, sentence in enumerate(context.sentences[:-1]):
        persons = context.mentions(index, "person")
        if len(persons) != 1 or context.zones.get(index + 1) == "chrome":
            continue
        person, key = persons[0]
        if context.between(sentence.start, person.start).strip() or not _NAME_LINE_REST.match(
                context.between(person.end, sentence.end)):
            continue
        nxt = context.sentences[index + 1]
        for org, org_key in context.mentions(index + 1, "organisation", "cluster")[:1]:
            m = _AT.match(context.between(nxt.start, org.start))
            if m and _is_role(context, m.group("role")):
                context.add("affiliatedWith", key, org_key, index + 1, 0.7, "profile-line")


#: A role opening the person's clause, after a possessive or relative if any: "Dessen Dekanin ",
#: "Lector ", "; Chefarzt ", "zegt programmamanager ".
_ROLE_BEFORE = re.compile(r"(?:^|[;:–—]\s*|\b(?:sagt|sagte|erklärte|zegt|zei|aldus|siger|sagde|says|said)\s+)"
                          r"(?:(?:dessen|deren|ihr|ihre|sein|seine|zijn|haar|hun|dens|dets|deres|its|their)\s+)?"
                          r"(?P<role>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)\s*,?"
                          r"(?:\s+[^\W\d_][\w-]{0,6}\.)*\s*$", re.IGNORECASE)  # "Lector dr. ", "Chefarzt Dr. med. "
#: A role right after the person that names no organisation: "X, lid van de Raad van Bestuur, ".
_ROLE_AFTER = re.compile(r"^\s*,\s*(?P<role>[^,;:()\n]{3,60}?)\s*(?:,|$)")
#: A seat on a board: "lid van de Raad van Bestuur", "member of the board", "Mitglied des Vorstands".
_BOARD_MEMBER = re.compile(r"(?:lid|member|mitglied|medlem)\s+(?:van|of|des|af)\s+(?:de|het|the|der|den)?\s*"
                           r"(?:raad|board|vorstand|aufsichtsrat|bestyrelse|direktion)", re.IGNORECASE)
#: Words of a role phrase that say it is held at a named organisation ("directeur bij Stichting X").
_ROLE_ELSEWHERE = re.compile(r"\b(?:ved|bei|bij|at|hos|von|van|of|for|für|voor|i|in)\s+[A-ZÆØÅÄÖÜ]")


def roles_of_the_organisation_before(context: Context) -> None:
    """A person with a bare role and no organisation of their own: the organisation named last before
    them, in their sentence or the body sentence before, is the one they hold the role at."""
    affiliated = {key[1] for key in context.found if key[0] == "affiliatedWith"}
    for index in sorted(context.by_sentence):
        if context.zones.get(index) != "body":
            continue
        sentence = context.sentences[index]
        for person, key in context.mentions(index, "person"):
            if key in affiliated or not _bare_role(context, sentence.start, person):
                continue
            before = [(c, k) for c, k in context.mentions(index, "organisation", "cluster") if c.end <= person.start]
            if not before and index and context.zones.get(index - 1) == "body":
                before = context.mentions(index - 1, "organisation", "cluster")
            if before:
                org = before[-1]
                if len(before) > 1 and UNIT_OF.match(context.between(before[-2][0].end, org[0].start)):
                    org = before[-2]  # "lectoraat X van de Hogeschool Y. Lector Z": the unit, not its parent
                context.add("affiliatedWith", key, org[1], index, 0.6, "role-of-organisation-before")


def _bare_role(context: Context, start: int, person) -> bool:
    """Is a role phrase right before the person (opening their clause), or right after them, one that
    names no organisation of its own?"""
    m = _ROLE_BEFORE.search(context.between(start, person.start))
    if m and _is_role(context, m.group("role")):
        return True
    m = _ROLE_AFTER.match(context.text[person.end:person.end + 80])
    if m is None:
        return False
    role = m.group("role")
    return bool(_BOARD_MEMBER.match(role) or _is_role(context, role) and not _ROLE_ELSEWHERE.search(role))


#: A role of a cluster's own staff or board: "Netzwerkmanager", "netwerkcoördinator", "Netværksleder",
#: "cluster manager", "Alliance Manager", "Clustermanagerin", "chairs the cluster's steering group".
_CLUSTER_ROLE = re.compile(
    r"\b(?:netzwerk|netwerk|netværks?|cluster|klynge|allianz|alliance|alliantie|konsortial|consortium|verbund"
    r"|netværkets|klyngens|alliancens|partnerskabets|konsortiets)"  # "netværkets formand"
    r"[\s-]?(?:manager\w*|koordinator\w*|coördinator|coordinator|leder|leiter\w*|sprecher\w*|managerin"
    r"|chef\w*|direktør|director|lead|formand|forperson|næstformand)\b"
    r"|\bchairs?\s+the\s+(?:\w+\s+)?(?:cluster|network|alliance|consortium)|\b(?:scientific|project)\s+coordinator\s+of\b"
    # "clinical lead for the testbed", "Koordinatorin des Netzwerks", "coördinator van het netwerk", "leder af netværket"
    r"|\b(?:lead|coordinator|manager|director|chair|leiter\w*|koordinator\w*|sprecher\w*|coördinator|projectleider"
    r"|voorzitter|leder|formand|tovholder)\s+(?:for|of|des|van|af)\s+(?:the\s+|het\s+|de\s+)?"
    r"(?:testbed|network|cluster|alliance|consortium|partnership|collaborative|netzwerks|clusters|verbunds|bündnisses"
    r"|netwerk|alliantie|consortium|netværket|klyngen|partnerskabet|konsortiet)\b",
    re.IGNORECASE)


def cluster_roles(context: Context) -> None:
    """A person whose role (right before or after their name, up to the clause's end) is one of a
    cluster's staff or board speaks for the cluster: the one named in the role phrase, else the one
    the sentence refers to, else the page's cluster."""
    from ingest.member_rules import referenced_cluster, topic_cluster

    for index in sorted(context.by_sentence):
        if context.zones.get(index) == "chrome":
            continue
        sentence = context.sentences[index]
        for person, key in context.mentions(index, "person"):
            before = context.between(max(sentence.start, person.start - 40), person.start)
            after = context.text[person.end:sentence.end]
            after = after[:re.search(r"[.;:\"“”„»]|$", after).start()]
            last = before.rsplit(",", 1)[-1]
            role = _CLUSTER_ROLE.search(last) or _CLUSTER_ROLE.search(after[:90]) or (
                # "netværkets formand, direktør for social og sundhed X": two roles of one person
                _CLUSTER_ROLE.search(context.between(max(sentence.start, person.start - 80), person.start))
                if "," in before and _is_role(context, last) else None)
            if role is None:
                continue
            named = [k for c, k in context.mentions(index, "cluster") if person.end <= c.start <= person.end + 90]
            target = named[0] if named else referenced_cluster(context, index) or topic_cluster(context)
            if target is not None:
                context.add("affiliatedWith", key, target, index, 0.65, "cluster-role")


RULES = [possessive_roles, organisation_possessive_roles, organisation_role_compounds, profile_lines,
         roles_of_the_organisation_before, cluster_roles]
