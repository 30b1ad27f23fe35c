"""Relation rules between actors and agreements: affiliatedWith, partyTo, establishes, memberOf,
and coordinates of an agreement.

Each rule reads a :class:`~ingest.relations.Context` and calls ``context.add``; the rule name is
kept on the relation (``--explain``) and the confidence says how often the pattern is right.
"""
from __future__ import annotations

import re

from ingest.agreements import BETWEEN, FOUNDED_AFTER, INTENDED_SIGNING, PURPOSE
from ingest.name_spans import REGION_BODY, UNIT_HEADS, UNIT_OF
from ingest.places import GERMAN_PLACE_BEFORE
from ingest.relations import Context
from ingest.sentences import LIST_MARK
from ingest.tokens import HAVE, NUMBER_WORD, WITH_WORDS, number_value, wordlist

_PREP_AFFILIATION = re.compile(
    r"^\s*(?:\([^)]{1,12}\))?\s*,?\s*(?i:van|von|vom|aus|of|from|bei|beim|at|fra|hos|uit|for|für|,|\()?\s*"
    r"(?i:de|het|der|die|dem|den|des|the)?\s*"
    r"(?:[A-ZÆØÅÄÖÜ][\w-]*(?:\s+[A-ZÆØÅÄÖÜ][\w-]*){0,2}[’']s\s+)?$")  # "of Cardiff Met's School of X": the unit
_ROLE_FOR = re.compile(r"(?:for|für|van|of|der|des|i|hos|bei|at|på|ved|bij|beim|am|af)\s*(?:de|het|the|der|des)?\s*$", re.IGNORECASE)
_ON_BEHALF = re.compile(r"(?:namens|on behalf of|im namen (?:der|des|von)|på vegne af|au nom de)"
                        r"\s*(?:de|het|the|der|des)?\s*$",
                        re.IGNORECASE)
#: A sentence that opens "Für die X erklärte Chefarzt Y", "For X, Y said", "Hos X ser docent Y", "At X, professor Y
#: said": Y speaks for X or works there.
_FOR_OPENING = re.compile(r"^\W*(?:speaking\s+for|speaking\s+on\s+behalf\s+of|für|for|voor|hos|bei|bij|at)\s+"
                          r"(?:(?:die|den|das|der|de|het|the)\s+)?$", re.IGNORECASE)
#: ", waar programmamanager", ", where the lead nurse", ", wo Oberärztin": a role at the place just named.
_WHERE_ROLE = re.compile(r"\s*,\s*(?:waar|where|wo|hvor)\s+(?P<role>(?:[\w.-]+\s+){1,3})", re.IGNORECASE)
#: "Reckitt, represented by innovation director X": the person after it speaks for the actor before.
_REPRESENTED = re.compile(r"\s*,?\s*(?:represented by|vertreten durch|vertegenwoordigd door|repræsenteret ved)\s",
                          re.IGNORECASE)
_NATIONAL = re.compile(r"\b(?:national\w*|landsdækkende|nationale?|landelijke?|bundesweit\w*|nationwide"
                       r"|landesweit\w*)\b",
                       re.IGNORECASE)
_GENERIC_PARTIES = re.compile(r"\b(?:klynger|klyngeorganisationer|partner|partners|partnere|parter|parterne|partijen|parteien|cluster"
                              r"|clusters|netzwerke|netwerken|organisationer|organisationen|organisaties|organisations"
                              r"|beteiligten|parties|members|medlemmer|leden|mitglieder)\b", re.IGNORECASE)
#: Signatories called networks or clusters.
_CLUSTER_GROUP = re.compile(r"klynger|klyngeorganisationer|clusters?|netzwerke|netwerken", re.IGNORECASE)
#: "X vom Fachgebiet Y der Universität Z", "X of the research group Y at Z", "X van de leerstoel Y van de Z": a
#: part of an organisation that is not named as an actor of its own stands between the person and it.
_SUBUNIT_GAP = re.compile(
    r"^\s*,?\s*(?:vom|von\s+der|von\s+dem|aus\s+dem|aus\s+der|in\s+der|im|from\s+the|of\s+the|in\s+the|van\s+de|van\s+het"
    r"|uit\s+de|fra|i|på)\s+\w*(?:fachgebiet|lehrstuhl|arbeitsgruppe|forschungsgruppe|arbeitsbereich|fachbereich"
    r"|abteilung|sektion|leerstoel|vakgroep|onderzoeksgroep|afdeling|forskningsgruppe|forskningsenhed"
    r"|research\s+group|group|chair|section|lab|laboratory|labor|team)\b[^,;:()„“”\"]{0,80}?"
    r"\s(?:der|des|an\s+der|am|at|of|van\s+de|van\s+het|aan\s+de|ved|på|hos)\s+(?:the\s+)?$", re.IGNORECASE)
#: An item that names a signatory and whom they sign for ("- Prof. Dr. X, Prodekanin – für die Universitätsmedizin
#: Y", "- Jane Roe, Chief Executive – for NHS Tayside", "- Y (vertegenwoordigd door ...)" is another shape): the
#: item's actor is the one after the dash.
_SIGNS_FOR = (r"\s[–—-]\s+(?:für|for|voor|pour|på vegne af|namens|on behalf of)\s+"
              r"(?:(?:die|den|das|der|dem|the|de|het)\s+)?")
SIGNS_FOR = re.compile(_SIGNS_FOR + r"(?=\S)", re.IGNORECASE)
#: The gap of a signatory line between the person and whom they sign for.
_SIGNS_FOR_GAP = re.compile(r"^,\s[^–—\n]{2,120}?" + _SIGNS_FOR + r"$", re.IGNORECASE)


def authority_word(text: str) -> bool:
    """Does a region's mention open with a word for its authority, also in lower case ("de gemeente
    Almelo", "die Stadt X")?  A lower-case "regio"/"region" names the area only ("de regio Twente")."""
    return bool(REGION_BODY.match(text[:1].upper() + text[1:])) and not text.startswith(("regio ", "region "))


# -- affiliatedWith ---------------------------------------------------------------------------
def affiliations(context: Context) -> None:
    """``Dr. X van Y``; ``X, Y``; ``role for Y ... X``; ``namens Y ... X``; contact blocks."""
    for index in context.by_sentence:
        persons = context.mentions(index, "person")
        if not persons:
            continue
        actors = context.mentions(index, "organisation", "cluster", "region")
        for org, org_key in actors:
            before = context.text[context.sentences[index].start:org.start]
            owner = None
            for person, person_key in persons:
                gap = context.between(person.end, org.start)
                if person.end <= org.start and len(gap) <= 30 and _PREP_AFFILIATION.match(gap):
                    owner = (person_key, 0.9, "person-of-org")
                    break
                if person.end <= org.start and _SIGNS_FOR_GAP.match(gap) and not any(
                        person.end <= a.start < org.start for a, _ in actors):
                    owner = (person_key, 0.8, "person-signs-for")  # "- X, Prodekanin – für die Y"
                    break
                if person.end <= org.start and _SUBUNIT_GAP.match(gap) and not any(
                        person.end <= a.start < org.start for a, _ in actors):
                    owner = (person_key, 0.8, "person-of-subunit")
                    break
            if owner is None:
                owner = _role_gap(context, index, persons, org)
            if owner is None and org_key[0] != "region":
                owner = _signed_for(context, index, persons, actors, org, before)
            if owner is None and org_key[0] != "region":
                if _ROLE_FOR.search(before[-30:]) and _role_before(context, index, org.start):
                    # "hospitalsdirektør for X Helle Nyborg": the person right after the organisation
                    right_after = [k for p, k in persons if org.end < p.start and not context.between(org.end, p.start).strip()]
                    person_key = right_after[0] if right_after else _nearest(persons, org)
                    owner = (person_key, 0.85, "role-for-org")
                elif _ON_BEHALF.search(before[-30:]) or _FOR_OPENING.match(before):
                    owner = (_nearest(persons, org), 0.85, "on-behalf-of")
                elif _REPRESENTED.match(context.text, org.end):
                    after = [k for p, k in persons if org.end < p.start <= org.end + 60]
                    owner = (after[0], 0.85, "represented-by") if after else None
                else:  # "het Deventer Ziekenhuis, waar programmamanager Femke Olthof ...": works there
                    owner = next(((k, 0.8, "role-where") for p, k in persons if org.end < p.start
                                  and (where := _WHERE_ROLE.fullmatch(context.text, org.end, p.start))
                                  and any(role_word(context, w) for w in where.group("role").split())), None)
            if owner is None:
                continue
            target = org_key
            if org_key[0] == "region":
                if not authority_word(org.text) or owner[2] not in ("person-of-org", "person-role-org"):
                    continue
                target = region_body(context, org, org_key)
            context.add("affiliatedWith", owner[0], target, index, owner[1], owner[2])
            _unit_parent(context, index, actors, org, owner)
    _contact_blocks(context)


def _unit_parent(context: Context, index: int, actors, unit, owner) -> None:
    """``professor X, Institut for Y, Aarhus Universitet``: the institution after the person's unit
    (a comma apart, closing the phrase, or joined by ``at``/``am``/``der``/``van de``) is theirs too."""
    following = [(a, k) for a, k in actors if a.start >= unit.end and k[0] != "region"]
    if not following:
        return
    parent, key = min(following, key=lambda p: p[0].start)
    if unit.head not in UNIT_HEADS and parent.head not in ("university", "hospital"):
        return  # "Department of Radiology, University of X": a department of a university is a unit
    gap = context.between(unit.end, parent.start)
    closed = re.match(r"\s*(?:[.,;:)]|$)", context.text[parent.end:parent.end + 2])
    if UNIT_OF.match(gap) and (closed or gap.strip() != ","):  # "Department of X at Y", "Klinik für X am Y"
        context.add("affiliatedWith", owner[0], key, index, owner[1] - 0.1, "unit-parent")


#: "für das Netzwerk X", "voor de Y": an actor someone signs or speaks for.
_FOR_BEFORE = re.compile(r"\b(?:für|for|voor)\s+(?:den|dem|der|die|das|de|het|the)?\s*$", re.IGNORECASE)


def _signed_for(context: Context, index: int, persons, actors, org, before: str):
    """``Unterschrieben haben für X der Vorstandsvorsitzende Dr. A, für das Y Geschäftsführer B``: the
    person after ``für X`` and a role word (no other actor between) speaks for X."""
    if not _FOR_BEFORE.search(before[-25:]):
        return None
    after = [p for p in persons if org.end <= p[0].start <= org.end + 45]
    if not after:
        return None
    person, key = after[0]
    if any(org.end <= a.start < person.start for a, _ in actors):
        return None
    if not _role_before(context, index, person.start):
        return None
    return (key, 0.8, "signed-for")


#: A role between a person and an organisation: "X, Rektor der Y"; a record line "X, adm. direktør, Y A/S"; a role
#: with its portfolio list ("X, programmamanager Wonen, Welzijn en Zorg bij de gemeente Y").
_ROLE_GAP = re.compile(r"^\s*,\s*(?P<role>[^\W\d][\w\-.&'’ ]{1,100}?"
                       r"(?:(?:,\s+(?-i:[A-ZÀ-Þ])[\w-]*)+\s+(?:en|und|and|og|&)\s+(?-i:[A-ZÀ-Þ])[\w-]*)?)"
                       r"(?:\s+(?:der|des|von|vom|of|van|bij|at|bei|fra|hos"
                       r"|for|ved|du|de la|på|aan|am|beim|i|in|im)\s+(?:(?:de|het|the|der|des)\s+)?|\s*,\s*)$",
                       re.IGNORECASE)


#: The head of a compound role in any of the four languages ("Netværksleder", "afdelingshoofd",
#: "Projektleiterin", "Revalidatiearts", "gedelegeerd bestuurder", "clinical lead").
ROLE_HEAD = re.compile(r"(?:leder|leiter|leiterin|direktør|direktor|direktorin|director|directeur|hoofd|arts|arzt"
                        r"|ärztin|bestuurder|manager|chef|chefin|lead|head|officer|executive|rektor|rector|konsulent"
                        r"|berater|beraterin|adviseur|voorzitter|formand|vorsitzende|vorsitzender|dekan|decaan"
                        r"|präsident|präsidentin|president|præsident|professor|professorin|koordinator|koordinatorin"
                        r"|coordinator|coördinator|sekretär|sekretärin|secretary|secretaris|sekretær|fellow|researcher"
                        r"|forscher|forscherin|onderzoeker|forsker|lecturer|lektor|lector|scientist|wissenschaftler"
                        r"|wissenschaftlerin|geschäftsführer|geschäftsführerin|sprecher|sprecherin|referent|referentin"
                        r"|beauftragter|beauftragte|directrice)$",
                        re.IGNORECASE)


def role_word(context: Context, word: str) -> bool:
    """A role in the lexicon, whose words count in every language (border pages quote officials in the
    other language: "Mark X, directeur van Y" on a German page), or a compound with a role head."""
    word = word.strip(".,;:()")
    return bool(wordlist("roles", context.language).word(word)) or bool(len(word) >= 4 and ROLE_HEAD.search(word))


def _role_gap(context: Context, index: int, persons, org):
    """``X, Rektor der Y``; ``X, Chief Executive of Y``; ``X, CEO, Y``: a role between a person and an
    organisation."""
    for person, person_key in persons:
        gap = context.between(person.end, org.start)
        m = _ROLE_GAP.match(gap) if person.end <= org.start else None
        if m and any(role_word(context, w) for w in m.group("role").split()):
            return (person_key, 0.85, "person-role-org")
    return None


def _role_before(context: Context, index: int, offset: int) -> bool:
    words = [t for t in context.tokens(index) if t.end <= offset and t.is_word][-3:]
    return any(role_word(context, t.text) for t in words)


def _nearest(persons, org):
    """The person closest before the organisation ("X, CEO of Y, and Z"), else the closest after."""
    before = [p for p in persons if p[0].end <= org.start]
    if before:
        return max(before, key=lambda p: p[0].end)[1]
    return min(persons, key=lambda p: abs(p[0].start - org.start))[1]


def region_body(context: Context, mention, region_key):
    """"Person, Region Syddanmark": the region's council, an organisation of the same name.

    The mention then names the organisation, not the region; a region left without mentions
    is dropped."""
    from ingest.iris import slugify
    from ingest.model import Entity

    label = " ".join(mention.text.split())
    key = ("organisation", slugify(label))
    if key not in context.entities:
        context.entities[key] = Entity("organisation", key[1], label, mentions=[], confidence=0.8)
    context.entities[key].mentions.append(mention.mention())
    context.by_sentence[mention.sentence] = [(c, key if c is mention else k)
                                             for c, k in context.by_sentence[mention.sentence]]
    region = context.entities.get(region_key)
    if region is not None:
        region.mentions = [m for m in region.mentions if (m.start, m.end) != (mention.start, mention.end)]
        if region.mentions:
            context.add("locatedIn", key, region_key, mention.sentence, 0.8, "region-body")
        else:
            del context.entities[region_key]
    return key


def _contact_blocks(context: Context) -> None:
    """Within a run of contact lines, a person is affiliated with the organisation named there."""
    block: list[int] = []
    for s in context.sentences + [None]:
        if s is not None and context.zones.get(s.index) == "contact" and (not block or s.index == block[-1] + 1):
            block.append(s.index)
            continue
        _block_affiliations(context, block)
        block = [s.index] if s is not None and context.zones.get(s.index) == "contact" else []


#: A person's lines in a contact block: their name line and at most this many after it.
_PERSON_LINES = 6


def _block_affiliations(context: Context, block: list[int]) -> None:
    """Each person of a contact block with the organisations of their own lines (from their name to
    the next person's), else with those of the lines above the first person (``Pressekontakt:`` /
    ``Technische Hochschule Deggendorf`` / ``Hochschulkommunikation`` / ``Veronika Lindinger``)."""
    starts = []  # (line, person) where a person's lines begin
    for i in block:
        for _, key in context.mentions(i, "person"):
            if all(key != k for _, k in starts):
                starts.append((i, key))
    if not starts or len(block) > 10 + _PERSON_LINES * (len(starts) - 1):
        return
    # "Digital Lead / Sofie Nyborg, ... / Mobil ... / Connected Health Cluster / Marten Kask, ...": an
    # organisation's own line right above a name opens that person's lines
    opens = [line - 1 if line - 1 in block and line - 1 != (starts[n - 1][0] if n else None)
             and _own_organisations(context, line - 1) and not context.mentions(line - 1, "person")
             else line for n, (line, _) in enumerate(starts)]
    # "Netzwerk X – Geschäftsstelle / c/o Universität Y / Jana Z": the office above the host's address is hers too
    opens = [o - 1 if o < line and o - 1 in block and _CARE_OF.match(context.sentences[o].text)
             and _own_organisations(context, o - 1) and not context.mentions(o - 1, "person") else o
             for o, (line, _) in zip(opens, starts)]
    head = [i for i in block if i < opens[0]]
    for n, (line, person) in enumerate(starts):
        end = opens[n + 1] if n + 1 < len(starts) else block[-1] + 1
        own = [i for i in block if opens[n] <= i < min(end, line + 1 + _PERSON_LINES)]
        orgs = _block_organisations(context, own) or _block_organisations(context, head, councils=False)
        if any(key not in _offices(context, head) for key in orgs):
            orgs = [key for key in orgs if key not in _offices(context, head)]  # the organisation, not its press office
        for org in orgs:
            context.add("affiliatedWith", person, org, line, 0.7, "contact-block")


def _own_organisations(context: Context, line: int) -> list:
    """The organisations and clusters of a contact line, an administrative unit's line excepted
    (``Landkreis X`` / ``Stabsstelle Presse`` / ``Name``: the person speaks for the district)."""
    return [key for cand, key in context.mentions(line, "organisation", "cluster") if cand.head != "other"]


def _offices(context: Context, lines: list[int]) -> set:
    """Administrative units (a press office, a department) named on ``lines``."""
    return {key for i in lines for cand, key in context.mentions(i, "organisation") if cand.head == "other"}


#: A contact line with the address of a host ("c/o Technische Universität Ilmenau").
_CARE_OF = re.compile(r"^\W*c/o\b", re.IGNORECASE)


def _block_organisations(context: Context, lines: list[int], councils: bool = True) -> list:
    """The organisations and clusters named on ``lines``; if there are none, a council named as a
    place there (``Pressestelle der Stadt Frankfurt (Oder)``) when ``councils``."""
    found = list(dict.fromkeys(k for i in lines for _, k in context.mentions(i, "organisation", "cluster")))
    if found or not councils:
        return found
    return list(dict.fromkeys(region_body(context, mention, key) for i in lines
                              for mention, key in context.mentions(i, "region") if REGION_BODY.match(mention.text)))


# -- agreements: partyTo, coordinates, establishes, memberOf ---------------------------------
def agreements(context: Context) -> None:
    """Parties of agreements: ``A, B und C unterzeichneten ...``, ``overeenkomst tussen A, B en C``."""
    for index in sorted(context.by_sentence):
        for agreement, agr_key in context.mentions(index, "agreement"):
            tokens = context.tokens(index)
            after = [t for t in tokens if t.start >= agreement.end]
            if after and after[0].text == "(" and any(t.text == ")" for t in after[:10]):
                after = after[next(n for n, t in enumerate(after) if t.text == ")") + 1:]  # "(MoU) with X"
            if after and after[0].low in PURPOSE:  # "samarbejdsaftale om virtuel skadebehandling mellem A og B"
                k = next((n for n, t in enumerate(after[:8]) if t.low in BETWEEN), 0)
                if k and all(t.is_word for t in after[:k]):
                    after = after[k:]
            if context.has_verb(index, "sign") or (after and after[0].low in BETWEEN):
                region_bodies(context, index)
            actors = context.mentions(index, "organisation", "cluster")
            if after and after[0].low in BETWEEN:
                for actor, key in actors:
                    if actor.start > agreement.end:
                        context.add("partyTo", key, agr_key, index, 0.85, "agreement-between")
                if after[0].low in WITH_WORDS:
                    for key in _other_side(context, index, agreement, actors):
                        context.add("partyTo", key, agr_key, index, 0.75, "agreement-with")
            founded = _founded(context, agreement, actors)
            for n, key in enumerate(founded):
                if key[0] == "organisation" and not any(c.head for c, k in actors if k == key) and _CLUSTER_NOUN.search(
                        context.text[agreement.end:context.sentences[index].end]):
                    _make_cluster(context, key)  # "... establishing the X Corridor (XC), a consortium that ..."
                    founded[n] = key = ("cluster", key[1])
                context.add("establishes", agr_key, key, index, 0.75, "agreement-founds")
            actors = [(a, k) for a, k in actors if k not in founded]
            signed = context.has_verb(index, "sign") or bool(_BEHIND.search(context.sentences[index].text))
            if founded and not signed and _WITH_AGREEMENT.search(context.text, context.sentences[index].start,
                                                                 agreement.start):
                # "Mit einem Kooperationsvertrag haben A und B das Netzwerk X gegründet": A and B made it
                first = min(c.start for c, k in context.mentions(index, "organisation", "cluster") if k in founded)
                for actor, key in actors:
                    if agreement.end < actor.start < first:
                        context.add("partyTo", key, agr_key, index, 0.75, "founding-parties")
            if signed:
                for key, where in _announced_parties(context, index):
                    context.add("partyTo", key, agr_key, where, 0.7, "parties-after")
                venues = only_venues(context, actors)
                # "at the Bristol Robotics Laboratory (BRL), where eleven organisations signed": a venue, no party
                before = [k for a, k in actors if a.end <= agreement.start and k not in venues]
                presence = _PRESENCE.search(context.text, agreement.end, context.sentences[index].end)
                named = before or [k for a, k in actors if k not in venues
                                   and not (presence and a.start > presence.start())]
                if not before and named:  # "the cluster signed a memorandum ... with X": the cluster is a party
                    named += _cluster_before(context, index, agreement.start, exclude=named)
                if _negated(context, index, agreement):  # "X ondertekende de overeenkomst niet, maar ..."
                    named = []
                if named and before:
                    named += _with_after_purpose(context, actors, agreement)
                if named:
                    for key in named:
                        context.add("partyTo", key, agr_key, index, 0.8, "signed-agreement")
                    for key in _counted_next(context, index, agreement.start, named):
                        context.add("partyTo", key, agr_key, index + 1, 0.65, "counted-next")
                elif (generic := _GENERIC_PARTIES.search(context.between(context.sentences[index].start,
                                                                         agreement.start))) \
                        and not INTENDED_SIGNING.search(context.sentences[index].text):
                    kinds = ("cluster",) if _CLUSTER_GROUP.match(generic.group()) else ("organisation", "cluster")
                    for key, where in _section_members(context, index) or _list_below(context, index) \
                            or _nearby_list(context, index, kinds):
                        context.add("partyTo", key, agr_key, where, 0.65, "generic-signatories")
                head = context.text[context.sentences[index].start:agreement.start]
                if _THESE_PARTIES.search(head):
                    for key, where in _previous_list(context, index):
                        context.add("partyTo", key, agr_key, where, 0.7, "these-parties")
                elif counted := _THE_COUNTED.search(head):  # "Dinsdag ondertekenden de drie ziekenhuizen ...": the
                    listed = _previous_list(context, index)  # three named in the sentence before
                    for key, where in listed if len(listed) == number_value(counted.group("number")
                                                                            or counted.group("both")) else ():
                        context.add("partyTo", key, agr_key, where, 0.7, "counted-before")
            if not signed and not _negated(context, index, agreement) and (
                    _JOINS.search(context.text, context.sentences[index].start, agreement.start)
                    or _JOINED_AFTER.match(context.text, agreement.end)):
                venues = only_venues(context, actors)
                for actor, key in actors:  # "A en B hebben zich aangesloten bij het convenant": they are parties now
                    if actor.end <= agreement.start and key not in venues:
                        context.add("partyTo", key, agr_key, index, 0.7, "joined-agreement")
            if context.has_verb(index, "coordinate", before=agreement.start):
                for actor, key in actors:
                    if actor.end <= agreement.start:
                        context.add("coordinates", key, agr_key, index, 0.75, "organises-agreement")
            if context.has_verb(index, "create") or founded or _CLUSTER_PURPOSE.search(
                    context.text[agreement.end:context.sentences[index].end]) or any(
                    _NEW_CLUSTER.search(s.text) for s in context.sentences[index:index + 4]) or any(
                    _is_named(context, c) for i in range(index, index + 4)  # "Unter dem Namen X sind wir ..."
                    for c, _ in context.mentions(i, "cluster")) or any(
                    _is_named(context, c) and _CLUSTER_NOUN.search(context.sentences[i].text)
                    for i in range(index, min(index + 4, len(context.sentences)))  # "Unter dem Namen „X" soll ein
                    for c, _ in context.mentions(i, "organisation")) or _new_cluster_after(  # Netzwerk entstehen"
                    context, index) is not None:
                _establishes(context, index, agr_key)
            if signed:
                _pronoun_founds(context, index, agr_key)
                _founded_just_before(context, index, agr_key)
            for key in founded:
                for party in _member_parties(context, agr_key):
                    context.add("memberOf", party, key, index, 0.7, "founder-member")
    for key in [k for k in context.found if k[0] == "partyTo" and ("establishes", k[2], k[1]) in context.found]:
        del context.found[key]  # a headline "Absichtserklärung unterzeichnet: Netzwerk X ..." names what it founds


def founding_parties(context: Context) -> None:
    """The parties of an agreement that founds a cluster are its members, however they were found
    (``signed-agreement``, ``later-signatories``, ``agreed-therein``)."""
    for founding in [r for r in context.found.values() if r.kind == "establishes"]:
        for party in _member_parties(context, founding.subject):
            context.add("memberOf", party, founding.object, founding.sentence, 0.7, "founder-member")


#: Joining an agreement as an observer ("har tiltrådt aftalen som observatør", "als Beobachter", "as an observer",
#: "als waarnemer"): a party, perhaps, but no member of what the agreement founds.
OBSERVER = re.compile(r"\b(?:som observatør|als beobachter\w*|as (?:an )?observers?|als waarnemer)\b", re.IGNORECASE)


def _member_parties(context: Context, agreement) -> list:
    """The parties of ``agreement`` that become members of what it founds: all but observers."""
    return [r.subject for r in context.found.values() if r.kind == "partyTo" and r.object == agreement
            and not OBSERVER.search(context.sentences[r.sentence].text)]


#: "Fra tysk side er parterne A, B og C", "Die Parteien sind A und B", "The parties are A and B".
PARTIES_ARE = re.compile(r"\b(?:er|sind|zijn|are)\s+(?:parterne|die parteien|die vertragspartner|de partijen"
                         r"|the parties|the signatories|underskriverne|die unterzeichner|de ondertekenaars)\b"
                         r"|\b(?:parterne|die parteien|de partijen|the parties|the signatories)"
                         r"\s+(?:er|sind|zijn|are)\b",
                         re.IGNORECASE)


#: "Besides" in the four languages.
_BESIDES = r"(?:alongside|besides|beside|in addition to|apart from|neben|außer|naast|behalve|udover|ud over|foruden)"
#: A sentence that adds to the parties named before it ("Naast de twee ziekenhuizen stapten ook A en B mee", "Neben
#: den beiden Kliniken sind auch A und B dabei", "Besides the two universities, A and B also signed").
_BESIDES_THEM = re.compile(r"^\W*" + _BESIDES + r"\s+"
                           r"(?:de|den|die|dem|the|het|disse|diesen)\s+(?:\w+\s+){0,2}?\w+\b[^.;]*?"
                           r"\b(?:ook|auch|also|også)\b", re.IGNORECASE)


#: A joining sentence that leaves what was joined unnamed, the verb closing it: "Für Ungarn traten A und B bei",
#: "Später sind auch A und B beigetreten", "Later traden ook A en B toe", "Senere tilsluttede A og B sig", "A and B
#: joined later".
_JOINED_BARE = re.compile(r"(?:\btr(?:at|aten)\b.*\bbei|\b(?:ist|sind)\b.*\bbeigetreten|\btr(?:ad|aden)\b.*\btoe"
                          r"|\b(?:is|zijn)\b.*\btoegetreden|\btilsluttede\b.*\bsig|\bhar\b.*\btilsluttet\s+sig"
                          r"|\bjoined(?:\s+(?:too|as\s+well|later))?)\W*$", re.IGNORECASE)


def _joined_signing(context: Context, index: int) -> bool:
    """Sentence ``index`` says its actors joined, naming nothing they joined, right after a signing."""
    sentence = context.sentences[index]
    if not _JOINED_BARE.search(sentence.text) or context.mentions(index, "cluster"):
        return False
    rest, last = [], sentence.start
    for actor, _ in sorted(context.mentions(index), key=lambda m: m[0].start):
        rest.append(context.text[last:actor.start])
        last = max(last, actor.end)
    rest = "".join(rest) + context.text[last:sentence.end]
    heads = wordlist("org_heads", context.language)  # what one joins besides an agreement: a network, an association
    if _CLUSTER_NOUN.search(rest) or any(heads.word(w) == "association" for w in re.findall(r"\w+", rest)):
        return False
    return any(context.has_verb(back, "sign") or context.mentions(back, "agreement")
               for back in (index - 1, index - 2) if back >= 0)


#: A sentence that opens with one side of a cross-border signing ("Von luxemburgischer Seite", "On the Welsh side",
#: "Aan Vlaamse zijde", "Fra dansk side").
_SIDE = re.compile(r"^\W*(?:von|auf|on|from|aan|van|fra|på)\s+(?:der\s+|the\s+|de\s+)?[\w-]+\s+"
                   r"(?:seite|side|zijde|kant)\b", re.IGNORECASE)


def later_signatories(context: Context) -> None:
    """``Verder ondertekenden A, B en C.``, ``Also signing were A and B.``: a signing sentence that
    names no agreement adds its actors to the parties of the agreement named last (up to eight
    sentences before).  Joining a network is no signing ("ist dem Netzwerk beigetreten"), but
    joining right after a signing, with nothing named that is joined, is ("Für Ungarn traten A und
    B bei")."""
    from ingest.member_rules import JOIN_VERBS

    joins = re.compile(r"\b" + JOIN_VERBS + r"\b", re.IGNORECASE)
    for index in sorted(context.by_sentence):
        text = context.sentences[index].text
        besides = _BESIDES_THEM.match(text) is not None  # "Naast de twee ziekenhuizen stapten ook A en B mee"
        joined = _joined_signing(context, index)
        # "Auf deutscher Seite haben A und B unterschrieben. Von luxemburgischer Seite sind C und D dabei."
        other_side = _SIDE.match(text) is not None and index > 0 and context.has_verb(index - 1, "sign")
        signing = context.has_verb(index, "sign") or PARTIES_ARE.search(text) or besides or joined or other_side
        if context.zones.get(index) != "body" or not signing \
                or context.mentions(index, "agreement") or (joins.search(text) and not joined) \
                or NEGATION.search(text) or _BESIDES_SIGNATORIES.search(text):
            # "X did not sign the memorandum but ..."; "Naast de ondertekenaars sluiten A en B aan": others
            continue
        recent = next((found[-1][1] for back in range(1, 3 if besides else 9) if index - back >= 0
                       for found in [context.mentions(index - back, "agreement")] if found), None)
        if recent is None:
            continue
        region_bodies(context, index)  # "Ook de provincie Noord-Brabant heeft getekend"
        start = context.sentences[index].start
        for actor, key in context.mentions(index, "organisation", "cluster"):
            if not HOST_BEFORE.search(context.text[max(start, actor.start - 30):actor.start]):
                context.add("partyTo", key, recent, index, 0.65, "later-signatories")


#: An actor after a dative article or a preposition is an object ("tritt dem Cluster X bei"), not the side
#: that has the agreement.
_OBJECT_BEFORE = re.compile(r"\b(?:dem|der|den|des|im|zum|zur|bei|von|mit|van|bij|met|aan|to|of|with|til|af|hos)\s+$",
                            re.IGNORECASE)


def _other_side(context: Context, index: int, agreement, actors) -> list:
    """``A heeft een MoU met B``, ``Zugleich hat das Unternehmen einen Rahmenvertrag mit C``: the side
    before the agreement word is a party too: the first actor there, else the company or the cluster
    a phrase refers back to."""
    from ingest.member_rules import COMPANY_PHRASE, previous_organisation

    sentence = context.sentences[index]
    before = [k for a, k in actors if a.end <= agreement.start
              and not HOST_BEFORE.search(context.text[max(0, a.start - 30):a.start])
              and not _OBJECT_BEFORE.search(context.text[max(0, a.start - 12):a.start])]
    if before:
        return before[:1]
    head = context.text[sentence.start:agreement.start]
    if re.search(r"\b" + COMPANY_PHRASE, head, re.IGNORECASE):
        return [k for _, k in previous_organisation(context, index)]
    return _cluster_before(context, index, agreement.start, exclude=[k for _, k in actors])


#: "with" right before an actor, after an agreement's purpose.
_WITH_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(WITH_WORDS)) + r")\s+(?:the\s+|der\s+|dem\s+|de\s+|het\s+|den\s+)?$",
                          re.IGNORECASE)
#: What may stand between two actors of one list: a bracketed other name, a comma, "and".
_LIST_GAP = re.compile(r"^\)?\s*(?:\([^()\n]{1,60}\)\s*)?(?:,|,?\s*(?:and|og|und|en|sowie))\s*(?:the\s+|der\s+|de\s+|het\s+)?$",
                       re.IGNORECASE)


def _with_after_purpose(context: Context, actors, agreement) -> list:
    """``A og B har underskrevet en hensigtserklæring om et partnerskab for X med C (...) og D``: the
    actors after "with" that closes the agreement's purpose, and those listed with them, sign too."""
    after = [(a, k) for a, k in actors if a.start > agreement.end]
    first = next((n for n, (a, _) in enumerate(after)
                  if _WITH_BEFORE.search(context.text[max(0, a.start - 12):a.start])), None)
    if first is None:
        return []
    out, last = [after[first][1]], after[first][0]
    for b, key in after[first + 1:]:
        if key == out[-1] and context.text[last.end:b.start].strip() == "(":
            last = b  # "Jagiellonian University (Uniwersytet Jagielloński)": the same actor in brackets
            continue
        if not _LIST_GAP.match(context.text[last.end:b.start]):
            break
        out.append(key)
        last = b
    return out


def _cluster_before(context: Context, index: int, offset: int, exclude) -> list:
    """The cluster a definite phrase before ``offset`` in sentence ``index`` refers to ("the
    cluster signed ..."), as a one-element list, or []."""
    from ingest.member_rules import ANAPHOR, referenced_cluster

    if not ANAPHOR.search(context.text[context.sentences[index].start:offset]):
        return []
    found = referenced_cluster(context, index, exclude=exclude)
    return [found] if found is not None else []


#: Before a region: a preposition of place or a genitive makes it the place ("in der Stadt X", "der
#: Region X"), not its authority; but "gemeinsam mit der Stadt X" names the town's authority, a partner.
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|aus|uit|fra|from|i|van|von|vom|(?<!mit )der|des|for|für|voor|across|throughout"
                              r"|heel|hele|ganz\w*)\s*(?:der|dem|den|de|het|the)?\s*)$", re.IGNORECASE)


#: What may stand before a list item's first name: the list mark and an article ("- die Stadt Arnstadt").
_ITEM_OPENING = re.compile(rf"\s*{LIST_MARK}?\s*(?:(?:die|der|das|den|dem|de|het|the)\s+)?", re.IGNORECASE)
#: A genitive article after a list's comma or conjunction: an item of a list of named actors.
_LISTED_GENITIVE = re.compile(r"\w(?:,|\s+und|\s+sowie)\s+(?:der|des)\s+$")


def region_bodies(context: Context, index: int, opening: bool = False) -> None:
    """``De Provincie Drenthe, A en B hebben ... gesloten``, ``Region Syddanmark, A og B har
    underskrevet``: an authority-named region listed among the signatories is the body of the region
    (an organisation located in it), unless a preposition makes it a place (``aus dem Kreis X``).
    ``opening``: only a region that opens the sentence, after a list mark and an article (``- die Stadt X``)."""
    sentence = context.sentences[index]
    for rcand, rkey in context.mentions(index, "region"):
        before = context.text[sentence.start:rcand.start]
        if opening and not _ITEM_OPENING.fullmatch(before):
            continue
        # "ondertekenden de gemeente Almelo, A en B": the authority word may be in lower case
        listed = _LISTED_GENITIVE.search(before)  # "Vertreter des Klinikums X, der Stadt Y und der Z unterzeichneten"
        if authority_word(rcand.text) and (listed or not _LOCATIVE_BEFORE.search(before)) \
                and not (context.language == "de" and GERMAN_PLACE_BEFORE.search(before)) \
                and not before.endswith("("):  # "aus Stadt und Landkreis X"; "in Zandt (Landkreis Cham)": the seat
            _body_in_region(context, rcand, rkey, index, 0.8, "region-body")


def _body_in_region(context: Context, rcand, rkey, index: int, confidence: float, rule: str, always: bool = False):
    """Make the region mention ``rcand`` name the region's body (:func:`region_body`) and keep the region, in which
    the body lies; the body's ``locatedIn`` is recorded when the region had no other mention (``always``: in any
    case)."""
    region = context.entities.get(rkey)
    key = region_body(context, rcand, rkey)
    kept = region is not None and rkey not in context.entities
    if kept:
        context.entities[rkey] = region  # the region stays: its body is located in it
    if kept or always:
        context.add("locatedIn", key, rkey, index, confidence, rule)


#: A negation ("niet", "nicht", "not", "ikke", "without signing"), not "not only" ("nicht nur A, sondern auch B").
NEGATION = re.compile(r"\b(?:niet|nicht|not|ikke|never|nie|nooit|aldrig|didn't|hasn't|haven't"
                       # "again without signing", "ohne selbst zu unterzeichnen", "zonder te tekenen", "uden at skrive"
                       r"|(?:without|ohne|zonder|uden)(?=\s+(?:\w+\s+){0,2}?(?:sign|unterzeichn|unterschr"
                       r"|te\s+(?:onder)?tek|at\s+(?:skrive|underskr|signere)|becoming|joining|beizutreten"
                       r"|Mitglied|lid\s))"
                       # "Hverken A eller B har skrevet under", "Weder A noch B", "Neither A nor B", "Noch A noch B"
                       r"|hverken|weder|neither|noch(?=\s[^.;]{1,80}\bnoch\b))\b"
                       r"(?!\s+(?:nur|only|alleen|kun|blot|just)\b)", re.IGNORECASE)
#: What ends a clause: a comma or semicolon before a contrasting or joining word.
_CLAUSE_BREAK = re.compile(r"[,;]\s+(?:maar|aber|sondern|but|men|doch|while|während|terwijl|mens)\b|;", re.IGNORECASE)


def _negated(context: Context, index: int, agreement) -> bool:
    """Is the clause of the agreement word negated ("Die Stadt hat die Vereinbarung nicht unterzeichnet",
    "X did not sign the memorandum")?"""
    sentence = context.sentences[index]
    start, end = sentence.start, sentence.end
    for m in _CLAUSE_BREAK.finditer(context.text, start, end):
        if m.start() < agreement.start:
            start = m.end()
        else:
            end = m.start()
            break
    return NEGATION.search(context.text, start, end) is not None


def only_venues(context: Context, actors) -> set:
    """The actors named in a sentence only as hosts or venues ("im Rathaus der Stadt X"; not "op de campus
    van de Universiteit X ondertekend door A, de Universiteit X en B", which is a party too)."""
    hosting: dict = {}
    for a, k in actors:
        before = context.text[max(0, a.start - 30):a.start]
        if before.endswith("(") and k in hosting:
            continue  # "at the Bristol Robotics Laboratory (BRL)": the venue's own short name
        hosting[k] = hosting.get(k, True) and HOST_BEFORE.search(before) is not None
    return {k for k, host in hosting.items() if host}


#: Who watches a signing is no party to it: "signed ... in the presence of officials from X".
_PRESENCE = re.compile(r"\b(?:in the presence of|witnessed by|im beisein|in anwesenheit|in aanwezigheid van"
                       r"|in het bijzijn van|i overværelse af|i nærværelse af)\b", re.IGNORECASE)
#: A host, venue or funder before an actor after the agreement word ("signed ... at a meeting hosted
#: by X", "underskrevet på X", "... og projektet er støttet af X"): no signatory.
HOST_BEFORE = re.compile(r"(?:\b(?:hosted|organi[sz]ed|ausgerichtet|georganiseerd|arrangeret|støttet|finansieret"
                          r"|funded|supported|financed|gefördert|unterstützt|gefinancierd|ondersteund|medfinansieret"
                          r"|opened|eröffnet|geopend|åbnet)\s+(?:by|von|door|af|durch)(?:\s+the\s+host,)?"
                          r"|\b(?:at|bei|hos|på|im|in|op)(?:\s+(?:the|der|dem|de|het))?"  # "Op de X Campus in Heerlen hebben"
                          # "im Rathaus der Stadt X", "at the offices of X", "in het stadhuis van X", "im Senatssaal der X":
                          # a venue
                          r"|\b(?:rathaus|räumen|räumlichkeiten|gebäude|town hall|city hall|offices|premises|headquarters"
                          r"|stadhuis|gemeentehuis|provinciehuis|kantoor|kantoren|science park|campus|aula|[\w-]*(?:saal|zaal|sal)"
                          r"|auditorium|innovation centre|innovatiecentrum)\s+(?:der|des|of(?: the)?|van(?: de| het)?))"
                          r"\s+$", re.IGNORECASE)


#: Words after an agreement word that say it founds what follows ("zur Gründung des Netzwerks X",
#: "to establish the X Alliance", "voor de oprichting van", "launches X").
_FOUNDING = re.compile(r"\b(?:gründung|gründen|grundstein|errichtung|aufbau|oprichting|oprichten|opzetten|opzet|om samen"
                       r"|establish\w*|creat\w*|launch\w*|found|founding|set up|setting up|etabler\w*"
                       r"|etablere|oprettelse|opret\w*|skab\w*|stiftelse|form|forms|formed|forming|vormen|danne\w*"
                       r"|begründe\w*|startskud\w*|startschuss|startschot|kick-?off|to build)\b", re.IGNORECASE)
#: A purpose that is itself a new cluster ("hensigtserklæring om et fælles netværk").
_CLUSTER_PURPOSE = re.compile(r"^\s*(?:om|für|voor|for|on|über|zur)\s+(?:et|en|eine?n?|een|a|an|die|das|de|het|the)"
                              r"\s+(?:\w+\s+){0,2}?(?:netværk|klynge|alliance|netzwerk|bündnis|allianz|netwerk"
                              r"|alliantie|network|cluster|consortium|konsortium|partnerschaft|partnership)\w*",
                              re.IGNORECASE)


#: The agreement is for the project or network named right after it ("een samenwerkingsovereenkomst
#: ondertekend voor het Delta Lab", "Kooperationsvereinbarung für das Projekt X").
_FOR_WHAT = re.compile(r"^\s*(?:ondertekend|getekend|unterzeichnet|underskrevet|signed)?\s*(?:voor|für|for|til)\s+"
                       r"(?:het|de|das|den|die|the|det)\s+(?:[\w-]*(?:project|projekt|programme|programm|program)\s+)?$",
                       re.IGNORECASE)
#: What an agreement is about, right after its word ("en hensigtserklæring om X", "a memorandum on the X").
_ABOUT = re.compile(r"^\s*(?:om|about|on|über|zu|over)\s+(?:het|de|das|den|die|dem|the|det)?\s*$", re.IGNORECASE)


def _network_next(context: Context, index: int) -> bool:
    """Does the sentence after ``index`` open with a definite phrase for a cluster ("Netværket skal ...",
    "Das Netzwerk soll ...", "The network will ...")?"""
    from ingest.member_rules import ANAPHOR

    if index + 1 >= len(context.sentences):
        return False
    m = ANAPHOR.search(context.sentences[index + 1].text)
    return m is not None and not context.sentences[index + 1].text[:m.start()].strip(" \"„“")


#: The project named before the agreement sentence's verb: "X, een Interreg-project waarvoor ...".
_PROJECT_FOR_WHICH = re.compile(r"^\s*,\s*(?:een|ein|a|an|et)\s+(?:[\w-]+\s+){0,3}?[\w-]*(?:project|projekt)\s+"
                                r"(?:waarvoor|für das|for which|hvortil|som)\b", re.IGNORECASE)


#: "With an agreement ...": the agreement is the means by which the subjects found something.
_WITH_AGREEMENT = re.compile(r"\b(?:mit|met|with|med)\s+(?:einem|einer|een|an?|en|et|dem|der|de|het|the|den|det)?\s*\S*\s*$",
                             re.IGNORECASE)

#: Dutch "oprichten" split in a main clause ("Met dat akkoord richten A en B samen de X op"): the verb, and its
#: particle right after what is founded.
_RICHTEN = re.compile(r"\b(?:richt|richten|richtte|richtten)\b", re.IGNORECASE)
_OP_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?op\b\s*[.,;:]")
#: "Together" opening a sentence whose subject is the parties ("Samen richten ze", "Gemeinsam gründen sie").
_TOGETHER = re.compile(r"^\W*(?:samen|gemeinsam|zusammen|together|sammen|jointly)\b", re.IGNORECASE)


#: A cluster's start told by the signing that made it: "X was launched in September, when A and B signed ...",
#: "X wurde im Mai gestartet, als ...", "X werd in mei opgericht, toen ...", "X blev sat i gang i september, da ...".
_LAUNCHED_WHEN = re.compile(
    r"\s+(?:was|were|has been|wurde|ist|werd|is|blev|er)\s+(?:[\w.]+\s+){0,4}?(?:launched|started|set up|founded|created"
    r"|established|formed|gestartet|gegründet|ins\s+Leben\s+gerufen|gestart|opgericht|opgezet|van\s+start\s+gegaan"
    r"|sat\s+i\s+gang|skudt\s+i\s+gang|startet|stiftet|etableret|oprettet|dannet)\b(?:\s+[\w.]+){0,4}?\s*,\s*"
    r"(?:da|als|when|toen|nachdem|after)\b", re.IGNORECASE)


def _founded(context: Context, agreement, actors) -> list:
    """Actors named after the agreement word behind a founding word: what the agreement creates;
    also the project or network it is signed for (``overeenkomst voor het X``, ``X, een project
    waarvoor … een overeenkomst``) or named after (``de samenwerkingsovereenkomst Zorgnetwerk X``)."""
    out = []
    for actor, key in actors:
        if key[0] == "cluster" and actor.end <= agreement.start and _LAUNCHED_WHEN.match(context.text, actor.end,
                                                                                         agreement.start):
            out.append(key)  # "Netværket X blev sat i gang i september, da A, B og C underskrev en samarbejdsaftale"
            continue
        if actor.end <= agreement.start and _PROJECT_FOR_WHICH.match(context.between(actor.end, agreement.start)) \
                or agreement.end < actor.start and _FOR_WHAT.match(context.between(agreement.end, actor.start)) \
                or key[0] == "cluster" and agreement.end < actor.start \
                and not context.between(agreement.end, actor.start).strip(" \t‘'\"„“«") \
                or agreement.end < actor.start and _ABOUT.match(context.between(agreement.end, actor.start)) \
                and (key[0] == "cluster" or _network_next(context, actor.sentence)):  # "aftalen om X Alliance"
            if key[0] == "organisation":  # "voor het Delta RevaTech Lab": what the parties set up together
                _make_cluster(context, key)
                key = ("cluster", key[1])
            out.append(key)
            continue
        if actor.start <= agreement.end:
            continue
        sentence = context.sentences[actor.sentence]
        if FOUNDED_AFTER.match(context.text, actor.end, sentence.end) or _RICHTEN.search(sentence.text) \
                and _OP_AFTER.match(context.text, actor.end, sentence.end):
            out.append(key)  # "Mit einem Kooperationsvertrag haben A, B, C und D das Netzwerk X aus der Taufe gehoben"
            continue  # (the participle closes the clause: however long the list of founders, X is what they made)
        if actor.start - agreement.end > 160:
            continue
        last = max([a.end for a, _ in actors if a.start > agreement.end and a.end <= actor.start], default=agreement.end)
        gap = context.between(last, actor.start)  # "aftale med A og B, som etablerer X": from the last party on
        if len(gap) < 80 and _FOUNDING.search(gap):
            out.append(key)
    return out


#: Joining an agreement signed before, right before the agreement word ("hebben zich aangesloten bij het convenant",
#: "sloten zich in mei aan bij de overeenkomst", "har tilsluttet sig aftalen", "tiltræder aftalen", "have joined the
#: memorandum", "signed up to the charter", "acceded to the agreement") ...
_JOINS = re.compile(r"\b(?:(?:aangesloten|aansluiten|sluiten|sluit|sloten|sloot)\s+(?:zich\s+)?(?:[\w-]+\s+){0,3}?(?:aan\s+)?bij"
                    r"|tilslut(?:ter|tede|tet)\s+sig|tiltr(?:æder|ådte|ådt)|joined|join|joins|signed\s+up\s+to"
                    r"|acceded\s+to|accede\s+to)\s+(?:(?:nu|også|now|also|ook)\s+)?"
                    r"(?:(?:het|de|dit|deze|the|this|den|det|denne|dette)\s+)?$",
                    re.IGNORECASE)
#: ... or the German verb after it ("sind auch A und B der Vereinbarung beigetreten", "tritt der Erklärung bei").
_JOINED_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:beigetreten|bei(?=\s*[.,;]))", re.IGNORECASE)
#: Who stands behind an agreement signed it: "står A, B og C bag erklæringen", "stehen A und B hinter der
#: Vereinbarung", "staan A en B achter het akkoord" (the verb's two parts around the parties).
_BEHIND = re.compile(r"\bst(?:år|od)\b[^.;]{0,150}\bbag\s+(?:den|det|denne|aftalen|erklæringen|\w+erklæringen|\w+aftalen)"
                     r"|\bst(?:ehen|anden)\b[^.;]{0,150}\bhinter\s+(?:der|dem|den|die)\b"
                     r"|\bst(?:aan|onden)\b[^.;]{0,150}\bachter\s+(?:het|de)\b|\b(?:are|were|stand|stood)\s+behind\s+the\b"
                     # "Bag aftalen stod A og B", "Hinter der Vereinbarung stehen A und B", "Behind the agreement are A
                     # and B": the agreement first
                     r"|^\W*(?:bag|hinter|achter|behind)\s+(?:\w+\s+){1,2}?(?:st(?:år|od|ehen|anden|aan|onden)|are|were|stand|stood)\b",
                     re.IGNORECASE)
#: A sentence that opens by naming who takes part: "Beteiligt sind A, B und C", "Partners are ...".
_PARTICIPANTS = re.compile(
    r"^\s*(?:(?:beteiligt|partner|unterzeichner|mit dabei|dabei)\s+(?:sind|waren)|zu den (?:partnern|beteiligten"
    r"|unterzeichnern) (?:gehören|zählen)|(?:betrokken|deelnemers|partners|ondertekenaars|partijen)\s+(?:zijn|waren)"
    r"|(?:parterne|partnerne|deltagerne|underskriverne)\s+(?:er|var)|bag aftalen står|(?:the )?(?:partners|signatories"
    r"|parties|participants)\s+(?:are|were|include)|participating (?:are|were))\b", re.IGNORECASE)
#: A word that refers back to the document just named ("erklären darin", "verklaren daarin", "state therein").
_THEREIN = re.compile(r"\b(?:darin|hierin|daarin|therein|heri|deri)\b", re.IGNORECASE)
#: A heading over the parties of an agreement named just before ("Partner:", "Ondertekenaars").
_PARTY_HEADING = re.compile(r"partner|unterzeichner|beteiligt|ondertekenaar|deelnemer|partij|underskriver|deltager"
                            r"|parter|signator|parties|participant", re.IGNORECASE)


#: The signing verb's agent prepositions ("underskrevet af", "signed by", "ondertekend door", "unterzeichnet von").
_AGENT_WORDS = r"\b(?:af|by|door|von|durch)"
#: A sentence that ends in the signing verb's agent preposition, the list of signatories under it (no colon).
_BY_END = re.compile(_AGENT_WORDS + r"\s*$", re.IGNORECASE)
#: A passive signing sentence that ends with its agent preposition and a colon: the list follows.
_BY_COLON = re.compile(_AGENT_WORDS + r"(?:\s+(?:the\s+)?(?:representatives|heads|leaders|delegates"
                       r"|vertegenwoordigers|repræsentanter|ledere|vertreter\w*(?:\s+und\s+vertreter\w*)?)"
                       r"\s+(?:of|van|for|der|des))?\s*:\s*$", re.IGNORECASE)  # "signed by representatives of:"


#: A demonstrative group of the actors named just before ("Deze vijf partners hebben het convenant
#: ondertekend, evenals ...", "Diese fünf Partner", "These five partners", "Disse fem parter").
_THESE_PARTIES = re.compile(r"\b(?:deze|diese|these|those|disse)\s+(?:\w+\s+)?(?:partners|partner|partnere|parter"
                            r"|partijen|parteien|parties|organisaties|organisationen|organisations|organisationer"
                            r"|instellingen|einrichtungen|institutions|institutioner)\b", re.IGNORECASE)


def _previous_list(context: Context, index: int):
    """The actors of the nearest sentence before (up to three back) that names two or more."""
    return next(filter(None, (_listed_in(context, other) for other in range(index - 1, max(-1, index - 4), -1))), [])


#: Plural words for kinds of institutions ("hospitals", "Hochschulen", "gemeenten", "virksomheder").
INSTITUTION_PLURALS = (r"(?:trusts|hospitals|universities|councils|municipalities|companies|businesses|firms|insurers"
                       r"|kliniken|krankenhäuser|hochschulen|universitäten|kommunen|unternehmen|ziekenhuizen|hogescholen"
                       r"|universiteiten|gemeenten|bedrijven|hospitaler|sygehuse|universiteter|kommuner|virksomheder"
                       r"|landkreise|kreise|counties|provincies|regioner)")
#: A number word or digits and up to three words before a plural word for institutions ("two Hampshire hospital
#: trusts", "drie ziekenhuizen").
_COUNTED = r"(?P<number>\d+|" + NUMBER_WORD + r")\s+(?:[\w-]+\s+){0,3}?" + INSTITUTION_PLURALS + r"\b"
#: A definite counted group of institutions ("de drie ziekenhuizen", "die vier Kliniken", "the two universities").
_THE_COUNTED = re.compile(r"\b(?:de|die|the|den|disse|deze|diese)\s+" + _COUNTED
                          # "Beide Landkreise haben ... unterzeichnet", "both councils signed"
                          + r"|\b(?P<both>beide|both|begge)\s+(?:[\w-]+\s+)?" + INSTITUTION_PLURALS + r"\b",
                          re.IGNORECASE)
#: A counted group of institutions among the signatories ("Two Hampshire hospital trusts and X signed").
COUNTED_INSTITUTIONS = re.compile(r"\b" + _COUNTED, re.IGNORECASE)


#: Signed by a number of parties the sentence does not name ("underskrevet af (i alt) syv parter", "von sechs
#: Partnern unterzeichnet", "signed by five organisations", "door vier partijen ondertekend").
_COUNTED_SIGNERS = re.compile(r"\b(?:af|von|by|door)\s+(?:i alt\s+|insgesamt\s+|in total\s+|a total of\s+|in totaal\s+)?"
                              r"(?:\d+|" + NUMBER_WORD + r")\s+(?:[\w-]+\s+)?(?:(?:parter"
                              r"|partnere|partnern|parteien|partners|parties|partijen|organisationer|organisationen"
                              r"|organisations|organisaties)\b|" + INSTITUTION_PLURALS + r"\b)", re.IGNORECASE)


def _counted_next(context: Context, index: int, end: int, named: list) -> list:
    """``Two Hampshire hospital trusts and the University of X have signed ...`` followed by a sentence that
    names two trusts: the first organisations of that next sentence (also the next paragraph's first), as
    many as counted, are parties too."""
    m = COUNTED_INSTITUTIONS.search(context.text, context.sentences[index].start, end)
    nxt = index + 1
    if m is None or nxt >= len(context.sentences) or context.zones.get(nxt) != "body":
        return []
    count = number_value(m.group("number")) or 0
    others = list(dict.fromkeys(k for _, k in context.mentions(nxt, "organisation") if k not in named))
    return others[:count] if len(others) >= count else []


def _listed_in(context: Context, other: int, kinds=("organisation", "cluster")):
    """The actors of body sentence ``other`` as (key, sentence) pairs when it names two or more (a
    name introduced as new, ``unter dem Namen X``, and a venue, ``signed at the X Hospital``, are no
    listed actors), else []."""
    actors = context.mentions(other, *kinds)
    venues = only_venues(context, actors)
    keys = list(dict.fromkeys(k for c, k in actors if not _is_named(context, c) and k not in venues))
    return [(k, other) for k in keys] if len(keys) >= 2 and context.zones.get(other) == "body" else []


def _announced_parties(context: Context, index: int):
    """Parties named after a sentence with an agreement and a signing verb: the items under it when
    it ends in a colon ("... ondertekend door de volgende partijen:"), the next sentence when it
    opens with who takes part ("... unterzeichneten eine Absichtserklärung. Beteiligt sind A, B
    und C."), or the items under a heading of parties on the next lines."""
    from ingest.actor_names import is_list_heading, list_items

    here = context.sentences[index]
    if here.text.rstrip().endswith(":") and (is_list_heading(here.text) or _BY_COLON.search(here.text)
                                             or _verb_before_colon(context, index)) or _BY_END.search(here.text):
        # "... ondertekend door de volgende partijen:", "Erklæringen blev underskrevet i Køge af:",
        # "Die Kooperationsvereinbarung unterzeichneten:"; "Aftalen er underskrevet af" over bullets, no colon
        return _item_parties(context, list_items(context.text, context.sentences, index, context.zones))
    nxt = index + 1
    if nxt >= len(context.sentences) or context.zones.get(nxt) != "body":
        return []
    sentence = context.sentences[nxt]
    if _PARTICIPANTS.match(sentence.text) or _COUNTED_SIGNERS.search(here.text) and _listed_in(context, nxt):
        # "... underskrevet af syv parter. Ud over de to universiteter er det A, B og C."
        return [(k, i) for i in _with_more(context, nxt) for _, k in context.mentions(i, "organisation", "cluster")]
    if _THEREIN.search(sentence.text):  # "A, B und C erklären darin ihre Absicht, X zu gründen"
        return [(k, nxt) for c, k in context.mentions(nxt, "organisation", "cluster")
                if not _is_named(context, c)]
    if is_list_heading(sentence.text) and _PARTY_HEADING.search(sentence.text):
        items = list_items(context.text, context.sentences, nxt, context.zones)
        return [(k, item.index) for item in items for _, k in context.mentions(item.index, "organisation", "cluster")]
    return _signatory_list(context, index)


def _verb_before_colon(context: Context, index: int) -> bool:
    """Does sentence ``index`` end in a signing verb and a colon ("Die Vereinbarung unterzeichneten:",
    "Den Letter of Intent unterschrieben haben:", "De overeenkomst ondertekend hebben:"; "The
    memorandum was signed by:" is ``_BY_COLON``)?"""
    tokens = [t for t in context.tokens(index) if t.is_word or t.text == ":"]
    if len(tokens) < 2 or tokens[-1].text != ":":
        return False
    if len(tokens) >= 3 and tokens[-2].low in _AUXILIARIES:
        tokens = tokens[:-2] + tokens[-1:]
    signing = wordlist("verbs", context.language, "sign")
    return bool(signing.at(tokens, len(tokens) - 2))


#: Auxiliaries after a participle that closes a clause ("unterschrieben haben", "ondertekend hebben").
_AUXILIARIES = HAVE | {"hatten", "hadden", "havde"}


#: A heading over the signatories ("Unterzeichnet haben:", "Ondertekend door:", "Signed by:",
#: "Die Vertragspartner sind:").
_SIGNED_HEADING = re.compile(r"\b(?:unterzeichnet|unterzeichner\w*|ondertekend|ondertekenaars|underskrevet|underskrivere"
                             r"|signed|signatories|vertragspartner\w*|vertragsparteien|contractpartijen|aftaleparter\w*"
                             r"|parties to the \w+)\b[^:\n]{0,40}:\s*$"
                             # "Met hun handtekening richten de volgende partijen de proeftuin op:", "Mit ihrer
                             # Unterschrift gründen folgende Partner den Verbund:"
                             r"|\b(?:handtekening\w*|unterschrift\w*|underskrift\w*|signatures?)\b[^:\n]{0,70}:\s*$",
                             re.IGNORECASE)


#: The signatories named as the ones besides whom a list follows.
_BESIDES_SIGNATORIES = re.compile(r"\b" + _BESIDES + r"\b[^:]{0,25}\b(?:signator|unterzeichner|ondertekenaar"
                                  r"|underskriver)", re.IGNORECASE)


def _signatory_list(context: Context, index: int):
    """``... haben eine Absichtserklärung unterzeichnet. [...] Unterzeichnet haben: - A - B``: the
    items under a signatories' heading a few sentences after the signing sentence, when no other
    agreement is named in between."""
    from ingest.actor_names import list_items

    agreements = {k for _, k in context.mentions(index, "agreement")}
    for k in range(index + 1, min(index + 9, len(context.sentences))):
        if any(key not in agreements for _, key in context.mentions(k, "agreement")):
            return []
        if context.zones.get(k) != "body":
            continue
        if _SIGNED_HEADING.search(context.sentences[k].text):
            if _BESIDES_SIGNATORIES.search(context.sentences[k].text):
                return []  # "Alongside the three signatories, the alliance brings together:": others, no parties
            return _item_parties(context, list_items(context.text, context.sentences, k, context.zones))
        if k > index + 1 and _PARTICIPANTS.match(context.sentences[k].text):
            # "Zu den Unterzeichnern gehören A, B und C. Hinzu kommen D und E."
            return [(key, i) for i in _with_more(context, k)
                    for _, key in context.mentions(i, "organisation", "cluster")]
    return []


def _with_more(context: Context, k: int) -> list[int]:
    """Sentence ``k`` of a list of signatories and the (up to three) sentences after it that add to the list (an
    authority-named town in them names its council)."""
    out = [k]
    while out[-1] + 1 < len(context.sentences) and len(out) < 4 and _MORE.match(context.sentences[out[-1] + 1].text):
        out.append(out[-1] + 1)
    for i in out:
        region_bodies(context, i)  # "Komplettiert wird der Kreis durch die Stadt X": the town's council
    return out


#: A sentence that adds to the list before it ("Hinzu kommen A und B", "Daneben", "Verder", "Also", "Komplettiert wird
#: der Kreis durch A", "Aus der Wirtschaft sind A und B beteiligt"), or names the parties of the other side ("På
#: italiensk side er det A og B", "Auf polnischer Seite sind es A und B", "On the Irish side ...").
_MORE = re.compile(r"^\W*(?:hinzu kommen|dazu kommen|außerdem|ebenfalls|daneben|verder|daarnaast|ook|derudover|desuden"
                   r"|også|also|in addition|further|komplettiert|vervollständigt|ergänzt|abgerundet|completing"
                   r"|aangevuld|suppleret)\b"
                   r"|^\W*(?:på|fra|auf|von|aan|van|on|from)\s+(?:the\s+)?\w+\s+(?:side|seite|zijde)\b"
                   r"|^\W*(?:aus|from|uit|fra)\s+(?:der|dem|den|de|het|the)\s+\w+\s+"
                   r"(?:sind|are|zijn|er|kommen|come|komen)\b", re.IGNORECASE)


def _item_parties(context: Context, items) -> list:
    """The parties a list of signatories names: the actors of each item (two joined by a
    conjunction are both parties) and an authority-named region that is an item of its own
    (``- Region Sjælland``: the regional council)."""
    from ingest.member_rules import item_actors

    out = []
    for item in items:
        actors = item_actors(context, item.index)
        if not actors:  # "- de gemeente A, de gemeente B en de gemeente C": the towns' councils
            region_bodies(context, item.index)
            actors = item_actors(context, item.index)
        if not actors:
            regions = context.mentions(item.index, "region")
            if regions and REGION_BODY.match(regions[0][0].text) and not context.between(
                    item.start, regions[0][0].start).strip(" -•·*–"):
                actors = [(regions[0][0], region_body(context, regions[0][0], regions[0][1]))]
        out += [(key, item.index) for _, key in actors]
    return out


def _section_members(context: Context, index: int):
    """"Die drei Partner hatten ... unterzeichnet" under a project profile: the members of the cluster
    named nearest before (up to eight sentences back), when it has two or more."""
    for back in range(0, 9):
        clusters = context.mentions(index - back, "cluster") if index - back >= 0 else []
        if clusters:
            key = clusters[-1][1]
            members = list(dict.fromkeys(r.subject for r in context.found.values()
                                         if r.kind == "memberOf" and r.object == key))
            return [(k, index) for k in members] if len(members) >= 2 else []
    return []


#: A heading over the signatories themselves ("The signatories", "Unterzeichner der Vereinbarung", "Ondertekenaars").
_SIGNATORIES_HEADING = re.compile(r"^\W*(?:the\s+|die\s+|de\s+)?(?:signatories|unterzeichner\w*|ondertekenaars|underskrivere"
                                  r"|underskriverne|signatory\s+organisations)\b[^.!?]{0,40}$", re.IGNORECASE)


def _list_below(context: Context, index: int):
    """``Ni partnere … underskrev partnerskabsaftalen. … De øvrige partnere er:`` + items: the actors of
    the items under the first heading of actors within five sentences after the signing sentence, or
    the first actor of each row of a table of actors there."""
    from ingest.actor_names import is_list_heading, list_items
    from ingest.member_rules import item_actors
    from ingest.tables import is_header_row

    last = min(index + 6, len(context.sentences))
    signatories = next((k for k in range(index + 1, min(index + 16, len(context.sentences)))
                        if context.zones.get(k) == "body" and _SIGNATORIES_HEADING.match(context.sentences[k].text)), None)
    if signatories is not None:  # "nine organisations sign the X" ... "The signatories" + a table: further down
        last = max(last, min(signatories + 3, len(context.sentences)))
    for k in range(index + 1, last):
        if context.zones.get(k) == "body" and is_list_heading(context.sentences[k].text):
            items = list_items(context.text, context.sentences, k, context.zones)
            listed = [(key, item.index) for item in items for _, key in item_actors(context, item.index)]
            if listed and not all("|" in item.text for item in items):  # else a table may follow the heading
                return listed  # ("bestaat uit de volgende organisaties:"), read by its rows below
        if context.zones.get(k) == "body" and is_header_row(context.sentences[k].text.strip()):
            rows = []  # "... ondertekenden alle partners de overeenkomst." + a table of partners: its rows
            for row in range(k + 1, len(context.sentences)):
                if "|" not in context.sentences[row].text:
                    break
                rows += [(key, row) for _, key in context.mentions(row, "organisation", "cluster")[:1]]
            return rows
    return []


def _nearby_list(context: Context, index: int, kinds=("organisation", "cluster")):
    """The nearest sentence (up to five away) that names two or more organisations or clusters (only
    clusters when the signatories are called networks or clusters: "Vier Netzwerke unterzeichneten")."""
    return next(filter(None, (_listed_in(context, other, kinds) for distance in range(1, 6)
                              for other in (index + distance, index - distance))), [])


def _establishes(context: Context, index: int, agr_key) -> None:
    """``... hensigtserklæring om at skabe en national organisation`` + ``under navnet X``."""
    introduced = _new_cluster_after(context, index)
    for distance in range(0, 6):
        for cand, key in context.mentions(index + distance, "organisation", "cluster"):
            if _is_named(context, cand) or key == introduced:
                if key[0] == "organisation" and (_NEW_CLUSTER.search(
                        context.text[context.sentences[index + distance].start:cand.start])
                        or _CLUSTER_NOUN.search(context.sentences[index + distance].text)):
                    _make_cluster(context, key)
                    key = ("cluster", key[1])
                context.add("establishes", agr_key, key, index, 0.75, "agreement-creates")
                parties = _member_parties(context, agr_key)
                if parties and all(p[0] == "cluster" for p in parties):
                    _make_cluster(context, key)
                    key = ("cluster", key[1])
                    context.add("establishes", agr_key, key, index, 0.75, "agreement-creates")
                for party in parties:
                    context.add("memberOf", party, key, index, 0.7, "founder-member")
                if _NATIONAL.search(context.sentences[index + distance].text):
                    for country in _countries(context):
                        context.add("locatedIn", key, country, index + distance, 0.6, "national-scope")
                return
    _establishes_referred(context, index, agr_key)


#: A sentence that opens with a pronoun or adverb standing for the agreement just signed ("Sie begründet
#: ...", "Daarmee is de X boven de doopvont gehouden", "Damit ist das X gegründet").
_AGREEMENT_PRONOUN = re.compile(r"^\W*(?:sie|diese|es|ze|deze|dit|den|denne|det|dette|it|this|damit|hiermit|dadurch"
                                r"|daarmee|hiermee|daardoor|dermed|hermed|herved|with it|with this|thereby)\b",
                                re.IGNORECASE)


def _pronoun_founds(context: Context, index: int, agr_key) -> None:
    """``A und B haben eine Kooperationsvereinbarung unterzeichnet. Sie begründet das „X“``: the
    next sentence opens with a pronoun (or "together": ``Samen richten ze het X op: een proeftuin ...``),
    has a founding verb and names a cluster after it, or an organisation the sentence calls a cluster or a
    test bed; the agreement founds that cluster (the parties become its members below)."""
    nxt = index + 1
    if nxt >= len(context.sentences) or context.mentions(nxt, "agreement") or not (
            _AGREEMENT_PRONOUN.match(context.sentences[nxt].text) or _TOGETHER.match(context.sentences[nxt].text)):
        return
    sentence = context.sentences[nxt]
    actors = context.mentions(nxt, "organisation", "cluster")
    set_up = [(c, k) for c, k in actors if _RICHTEN.search(sentence.text) and _OP_AFTER.match(context.text, c.end, sentence.end)]
    if context.has_verb(nxt, "create"):
        set_up = set_up or actors[:1]  # "Gemeinsam gründen sie das X": the pronoun is the subject, X what they found
    elif not set_up:
        return
    for cand, key in set_up[:1] if _CLUSTER_NOUN.search(sentence.text) else ():
        if key[0] == "organisation" and cand.head in ("", "other"):  # "het Nordic-Dutch Falls Lab op: een proeftuin"
            _make_cluster(context, key)
    clusters = context.mentions(nxt, "cluster")
    if clusters and ("partyTo", clusters[0][1], agr_key) not in context.found:
        context.add("establishes", agr_key, clusters[0][1], nxt, 0.7, "pronoun-founds")


def _founded_just_before(context: Context, index: int, agr_key) -> None:
    """``… die „Innovationsallianz X", die am Mittwoch gegründet wurde. A, B und C unterzeichneten dazu
    eine Rahmenvereinbarung``: the sentence before the signing tells of one cluster's founding, and the
    agreement founds nothing else."""
    if index == 0 or any(r.kind == "establishes" and r.subject == agr_key for r in context.found.values()) \
            or context.mentions(index - 1, "agreement") or not context.has_verb(index - 1, "create"):
        return
    clusters = list(dict.fromkeys(k for _, k in context.mentions(index - 1, "cluster")))
    party = context.found.get(("partyTo", clusters[0], agr_key)) if len(clusters) == 1 else None
    if len(clusters) == 1 and (party is None or party.sentence != index):  # a headline's guess gives way
        context.add("establishes", agr_key, clusters[0], index, 0.65, "founded-just-before")


def _establishes_referred(context: Context, index: int, agr_key) -> None:
    """``De alliantie is met het convenant opgericht``, ``een intentieverklaring waarmee het netwerk
    werd opgericht``, ``Met de overeenkomst wordt het X opgericht``: a founding verb and a cluster
    named after the agreement word or a phrase that refers back to one."""
    from ingest.member_rules import ANAPHOR, referenced_cluster

    if not context.has_verb(index, "create"):
        return
    agreement_end = max(c.end for c, k in context.mentions(index, "agreement") if k == agr_key)
    after = [k for c, k in context.mentions(index, "cluster") if c.start > agreement_end]
    if not ANAPHOR.search(context.sentences[index].text) and not after:
        return
    if after:  # "Met de overeenkomst wordt het X opgericht"
        context.add("establishes", agr_key, after[0], index, 0.7, "agreement-founds-named")
        return
    key = referenced_cluster(context, index)
    if key is not None and ("partyTo", key, agr_key) not in context.found:  # a party is not what it founds
        context.add("establishes", agr_key, key, index, 0.7, "agreement-founds-referred")


#: "Das neue Netzwerk soll unter dem Namen X starten": the name is that of a new cluster.
_NEW_CLUSTER = re.compile(r"\b(?:das neue|ein neues|der neue|ein neuer|des neuen|dem neuen|den neuen|het nieuwe|een nieuw|det nye|et nyt|den nye"
                          r"|en ny|the new|a new|et fælles|ein gemeinsames|een gezamenlijk|a joint)\s+(?:\w+\s+)?(?:netzwerk|netwerk|netværk|network|cluster|klynge"
                          r"|bündnis|alliance|allianz|alliantie|konsortium|consortium|verbund|forum)\w*",
                          re.IGNORECASE)
#: Phrases that introduce a new name ("unter dem Namen X", "kreeg de naam X", "fik navnet X", "was given the
#: name X"); :mod:`ingest.actors` finds the names after them.
NAMING = [("under", "navnet"), ("under", "the", "name"), ("unter", "dem", "namen"), ("onder", "de", "naam"),
          ("named",), ("called",), ("genannt",), ("kaldet",), ("genaamd",), ("sous", "le", "nom"),
          ("skal", "hedde"), ("hedder",), ("heißen",), ("heißt",), ("heten",), ("heet",), ("de", "naam"),
          ("den", "namen"), ("the", "name"), ("navnet",)]
_NAMED = re.compile(r"\b(?:" + "|".join(r"\s+".join(phrase) for phrase in NAMING) + r")\s*[„\"“]?$", re.IGNORECASE)


#: A word for a cluster anywhere in a sentence ("Unter dem Namen „X" soll ein Netzwerk entstehen").
_CLUSTER_NOUN = re.compile(r"\b(?:netzwerk\w*|netwerk\w*|netværk\w*|network|cluster|klynge\w*|bündnis\w*|allianz"
                           r"|alliance|alliantie|konsortium|consortium|partnership|partnerschaft|partnerskab\w*"
                           r"|proeftuin\w*|living labs?|testbeds?|reallabor\w*)\b",
                           re.IGNORECASE)
#: "the new X Partnership", "das neue X-Netzwerk", "het nieuwe X": an article of novelty right before a cluster.
_NEW_BEFORE = re.compile(r"\b(?:the new|das neue|der neue|het nieuwe|de nieuwe|det nye|den nye|le nouveau)\s+$",
                         re.IGNORECASE)


def _new_cluster_after(context: Context, index: int):
    """``Six regions have signed a letter of intent to set up a partnership. The new X Partnership will
    ...``: an agreement sentence with a founding word after the agreement word, and a cluster introduced
    as new ("the new X", "das neue X") in it or in the two sentences after it."""
    agreements = context.mentions(index, "agreement")
    if not agreements:
        return None
    tail = context.text[agreements[0][0].end:context.sentences[index].end]
    if not (_FOUNDING.search(tail) and _CLUSTER_NOUN.search(tail)):
        return None
    for i in range(index, min(index + 3, len(context.sentences))):
        for cand, key in context.mentions(i, "cluster", "organisation"):
            if _NEW_BEFORE.search(context.text[max(context.sentences[i].start, cand.start - 20):cand.start]):
                return key
    return None


def _is_named(context: Context, cand) -> bool:
    """Is the mention introduced as a new name ("under navnet X", "unter dem Namen X")?"""
    return bool(_NAMED.search(context.text[max(0, cand.start - 25):cand.start]))


def _make_cluster(context: Context, key) -> None:
    """An organisation founded by clusters is itself a (national) cluster organisation."""
    entity = context.entities.pop(key, None)
    if entity is None:
        return
    entity.kind = "cluster"
    context.entities[entity.key] = entity
    for index, pairs in context.by_sentence.items():
        context.by_sentence[index] = [(c, ("cluster", k[1]) if k == key else k) for c, k in pairs]
    for rkey in [k for k in context.found if key in (k[1], k[2])]:
        old = context.found.pop(rkey)
        subject = ("cluster", key[1]) if old.subject == key else old.subject
        obj = ("cluster", key[1]) if old.object == key else old.object
        context.add(old.kind, subject, obj, old.sentence, old.confidence, old.rule)


def _countries(context: Context):
    found = [k for k, e in context.entities.items() if k[0] == "region" and e.identifiers.get("iso3166", "x").isalpha()
             and len(e.identifiers.get("iso3166", "")) == 2]
    return found if len(found) == 1 else []


def members(context: Context) -> None:
    """``A ist Mitglied im C``, ``A is a member of C``, ``A er medlem af C``."""
    for index in context.by_sentence:
        if not context.has_verb(index, "member"):
            continue
        clusters = context.mentions(index, "cluster")
        for actor, key in context.mentions(index, "organisation", "cluster"):
            for cluster, ckey in clusters:
                gap = context.between(actor.end, cluster.start)
                if _COORDINATED.search(gap) and not _MEMBER_WORD.search(gap):
                    continue  # "sind auch A und der Verbund C beigetreten": C joins too
                if actor.end < cluster.start and ckey != key and cluster.start - actor.end < 80:
                    context.add("memberOf", key, ckey, index, 0.6, "member-of")


_COORDINATED = re.compile(r"\b(?:und|and|en|og|sowie|samt)\b", re.IGNORECASE)
_MEMBER_WORD = re.compile(r"mitglied|member|\blid\b|medlem|beigetreten|joined|toegetreden|aangesloten|partner",
                          re.IGNORECASE)


#: An adverb that refers back to an agreement, and a verb of agreeing ("haben darin vereinbart", "have agreed
#: in it", "har heri aftalt", "zijn daarin overeengekomen").
_AGREED_THEREIN = re.compile(
    r"\b(?:darin|hierin|darauf|therein|in it|heri|deri|daarin|hierin)\s+(?:\w+\s+){0,2}?(?:vereinbart|verabredet"
    r"|festgelegt|geeinigt|verpflichtet|agreed|committed|aftalt|forpligtet|afgesproken|overeengekomen|vastgelegd)\b"
    r"|\b(?:agreed|committed|aftalt)\s+(?:in it|therein|heri)\b", re.IGNORECASE)


def agreed_therein(context: Context) -> None:
    """``Eine Absichtserklärung ... . A und B haben darin vereinbart, ...``: the actors before the
    referring adverb are the parties of the agreement named in the sentence before (or the one
    before that)."""
    for index, sentence, m in context.body_matches(_AGREED_THEREIN):
        if context.mentions(index, "agreement"):
            continue
        actors = [k for c, k in context.mentions(index, "organisation", "cluster") if c.end <= sentence.start + m.start()]
        agreement = next((found[-1][1] for back in (1, 2) if index - back >= 0
                          for found in [context.mentions(index - back, "agreement")] if found), None)
        if len(set(actors)) >= 2 and agreement is not None:
            for key in actors:
                context.add("partyTo", key, agreement, index, 0.7, "agreed-therein")


#: A verb of funding or supporting right after a name ("Region Midtjylland støtter samarbejdet", "die Provinz X
#: fördert", "Provincie Zeeland draagt bij", "X County Council funds").
_FUNDS = re.compile(r"^\s+(?:(?:også|auch|ook|also)\s+)?(?:støtter|bidrager|finansierer|medfinansierer|investerer"
                    r"|unterstützt|fördert|finanziert|investiert|steunt|financiert|investeert|draagt|supports|funds"
                    r"|co-funds|contributes|invests|bevilger|afsætter|bewilligt|stellt|kent|grants|awards|allocates"
                    # "Region Nordjylland har bevilget 2,4 mio. kr.", "X hat 1 Mio. Euro bewilligt", "X has awarded"
                    r"|(?:har|hat|heeft|has|have)\s+(?:[\w.,]+\s+){0,4}?(?:bevilget|afsat|bewilligt|bereitgestellt|toegekend"
                    r"|uitgetrokken|granted|awarded|allocated|committed))\b", re.IGNORECASE)


#: Money received from a body: "har fået 450.000 kr. fra", "erhält 2 Millionen Euro von der", "received £2m from".
_FUNDED_FROM = re.compile(r"\b(?:fået|får|modtaget|modtager|erhalten|erhält|erhielt|bekommen|bekommt|gekregen|krijgt"
                          r"|ontvangen|ontvangt|received|receives|granted)\b[^;]{0,40}?(?:\d|mio|million|euro|kr\.?|£|€)"
                          r"[^;]{0,25}\s(?:fra|von|van|from)\s+(?:der|dem|de|het|the)?\s*$", re.IGNORECASE)


def funding_bodies(context: Context) -> None:
    """``Region Midtjylland støtter samarbejdet med 2,5 mio. kr.``, ``mens Provincie Zeeland bidrager med ...``: an
    authority-named region that funds or supports acts, so it names the region's body (an organisation located
    in the region)."""
    for index in sorted(context.by_sentence):
        if context.zones.get(index) != "body":
            continue
        for rcand, rkey in context.mentions(index, "region"):
            before = context.text[max(context.sentences[index].start, rcand.start - 60):rcand.start]
            if authority_word(rcand.text) and (
                    _FUNDS.match(context.text[rcand.end:rcand.end + 40]) or _FUNDED_FROM.search(before)):
                _body_in_region(context, rcand, rkey, index, 0.75, "funding-body", always=True)


RULES = [affiliations, agreements, later_signatories, members, agreed_therein, founding_parties, funding_bodies]
#: Run again after every other rule: a founding agreement's parties may come from a table or a list read later.
LATE_RULES = [founding_parties]
