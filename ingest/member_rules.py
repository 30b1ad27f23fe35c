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

from ingest.actor_names import FORMING_VERBS, LEAD_HEADING, is_list_heading, list_items
from ingest.agreements import INTENDED_SIGNING
from ingest.actor_rules import COUNTED_INSTITUTIONS, INSTITUTION_PLURALS
from ingest.model import Sentence
from ingest.relations import Context
from ingest.sentences import LIST_ITEM
from ingest.tokens import NUMBER_WORD, WITH_WORDS, number_value

#: A definite phrase for the members of a cluster as a group ("the new members", "medlemmerne"): the
#: page's cluster.
_GROUP = re.compile(
    r"\b(?:medlemmerne|partnerne|deltagerne|verbundpartner\w*|projektpartner\w*|konsortialpartner\w*"
    r"|(?:the|die|de|its|ihre|seine|zijn|haar|hun)\s+(?:new\s+|neuen\s+|nieuwe\s+|first\s+|ersten\s+|eerste\s+)?"
    r"(?:members|partners|partner|mitglieder|leden|deelnemers)"  # "Its first members include A and B"
    r"|zu\s+den\s+\w*mitglieder\w*|among\s+(?:its|the)\s+(?:founding\s+)?members|blandt\s+(?:\w+\s+)?medlemmer\w*"
    r"|(?:tot|onder)\s+de\s+\w*leden)\b",
    re.IGNORECASE)
#: A definite or possessive phrase that refers back to a cluster.
ANAPHOR = re.compile(
    r"\b(?:(?:das|dem|der|des|dieses|diesem|the|this|its|our|het|dit|de|den|det|dette|ons|unser\w*|im|ins)"
    r"\s+(?:\w+e[ns]?\s+|new\s+|nye\s+|nieuwe\s+)?(?:netzwerk\w*|bündnis\w*|allianz|cluster\w*|verbund\w*|zusammenschlus\w*"
    r"|alliance|network|cluster"
    r"|partnership|consortium|netwerk|alliantie|samenwerkingsverband|netværk|klynge|konsortium|projekt|project"
    r"|corridor|korridor|hub|platform|plattform|collaborative|coalition|testbed|test bed|living lab|proeftuin|reallabor"
    r"|bridge|brug|programme|program|programm|programma)"
    # "die Gesundheitsbrücke", "das Pflegenetz", "die Partnerschaft": a German compound of a cluster word without
    # a name after it ("die Gesundheitsallianz Westpfalz" names the cluster)
    r"|(?:die|das|dem|der|des)\s+\w*(?:netzwerk|netz|bündnis|allianz|verbund|partnerschaft|brücke|korridor|konsortium)"
    r"(?:e?s|en)?(?!\w|\s+[\"„“(]?(?-i:[A-ZÄÖÜ]))"
    r"|klyngen|netværket|alliancen|konsortiet|partnerskabet|projektet|korridoren|platformen"
    r"|klyngens|netværkets|alliancens|konsortiets|partnerskabets"
    r"|(?:ihr|unser|sein)\w*\s+(?:mitglied\w*|partner\w*)|(?:its|their|our)\s+(?:founding\s+|new\s+)?(?:members|partners)|(?:haar|zijn|onze)\s+(?:leden|partners)|(?:dens|vores|deres)\s+(?:medlemmer|partnere))\b",
    re.IGNORECASE)
#: The founders as a group ("founding partners", "Gründungsmitglieder", "stichtende leden", "stifterne").
_FOUNDERS = (r"founding\s+(?:partners|members)|gründungspartner|gründungsmitglieder|oprichters|stichtende\s+(?:leden|partners)"
             r"|stiftende\s+(?:medlemmer|parter)|stifterne")
_FOUNDERS_HEADING = re.compile(rf"\b(?:{_FOUNDERS})\b", re.IGNORECASE)
#: Verbs of joining a network ("ist dem Netzwerk beigetreten", "has joined").
JOIN_VERBS = r"(?:beigetreten|beitreten|toegetreden|aangesloten|tilsluttet|joined|joins|join(?!\s+forces))"
#: Who is new on board ("Neu dabei sind A und B", "New on board are ...", "Nieuw aan boord zijn ...") or came along.
_ABOARD = (r"neu\s+(?:mit\s+)?(?:dabei|an\s+bord)|new\s+on\s+board|nieuw\s+aan\s+boord|ny\w*\s+om\s+bord"
           # "Ein Jahr später kamen A und B hinzu": the separated "hinzukommen" ends its clause
           r"|hinzugekommen|(?:kam|kamen|kommt|kommen)\s[^;:]{0,200}?\s(?:hinzu|dazu)(?=\s*[,.;:]|\s*$)")
#: Ordinals and "only", "another" before a noun of what an actor is ("die dritte Kommune", "the only hospital").
_ORDINALS = (r"erste[rn]?|zweite[rn]?|dritte[rn]?|vierte[rn]?|fünfte[rn]?|einzige[rn]?|weitere[rn]?|eerste|tweede|derde"
             r"|vierde|vijfde|enige|first|second|third|fourth|fifth|only|første|anden|andet|tredje|fjerde|femte|eneste")
#: An associated partner: in a cluster, but not among those who sign for it ("assoziierte Partner", "associate
#: partner", "associeret partner", "associerede partnere", "geassocieerde partners").
_ASSOCIATED_PARTNER = r"(?:assoziiert\w*|associated?|associere(?:t|de)|geassocieerde?)\s+partner"
#: A sentence that opens with who the partners are, perhaps on one side ("Partner in Rumänien sind A und B", "Partners
#: in Norway are A and B", "Partners zijn A en B", "Partnere i Sverige er A og B").
#: ("The partners are:" heads a list, read there.)
_PARTNERS_OPENING = (r"^\W*(?:die\s+|the\s+|de\s+)?(?:partner|partners|partnere)"
                     r"(?:\s+(?:in|aus|auf|from|on|i|fra|uit|op)\s+[^,;:]{1,40}?)?\s+(?:sind|are|zijn|er)\b(?!\s*:)")
#: New partners named as a group ("zetten vier nieuwe partners hun handtekening onder het convenant: A, B en C", "neue
#: Partner sind A und B").
_NEW_PARTNERS = r"(?:nieuwe|neuen?|new|nye)\s+(?:partners?|partnere|leden|mitglieder|members|medlemmer)"
#: Who is among the founders or members ("Tot de oprichters behoren A, B en C", "Zu den Gründungsmitgliedern gehören",
#: "Among the founders are").
_AMONG_THEM = (r"(?:tot|zu|among|blandt)\s+(?:de|den|the)\s+(?:\w+\s+)?(?:" + _FOUNDERS + r"|partners|leden|mitglieder"
               r"|members|medlemmer|partnere)\w*\s+(?:behoren|behoorden|gehören|gehörten|are|were|er|var|zählen)")
_MEMBER = re.compile(
    _PARTNERS_OPENING + r"|\b(?:\w*mitglied\w*|beigetreten|beitreten|neu\s+im|" + _ABOARD
    + r"|lid|leden|aangesloten|\w*medlem\w*|members?|joined"
    r"|membership|partnerbedrijven|partnerne|verbundpartner\w*|projektpartner\w*|konsortialpartner\w*"
    r"|tilslutter\s+sig|melde[rt]?\s+sig\s+ind|(?:blevet|blev|bliver)\s+(?:\w+\s+){0,2}?optaget\b"
    r"|kommer\s+med\s+i|gå(?:r|et)?\s+med\s+i|gik\s+med\s+i"
    r"|(?:er|nu)\s+med\s+i|(?:sluit\w*|sloot|sloten)\s+zich\s+(?:\w+\s+){0,3}?aan\b"
    # "Seit Jahresbeginn gehören A und B dem Zusammenschluss an": the separated "angehören" ends its clause
    r"|(?:angehör(?:en|t|te|ten)\b|gehör(?:t|en)\b[^;:]{0,200}?\s(?:dem|der)\s[^;:.]{0,200}?\san(?=\s*[,.;:]|\s*$))"
    r"|treedt\s+toe|treden\s+toe|toegetreden|joins|tritt\w*|treten|" + JOIN_VERBS +
    r"|(?:the|de|die)\s+partners?\s+(?:in|im|of|van|des|der)\b"
    # "The founding partners are A, B and C", "Die Gründungspartner sind", "De oprichters zijn", "Partnerne er" (a
    # colon after them opens a list, which member_lists reads)
    r"|(?:(?:the|die|de)\s+)?(?:partners|partner|partnerne|" + _FOUNDERS + r")\s+(?:are|sind|zijn|er)\b(?!\s*:)"
    r"|(?:are|were|is)\s+joined\s+by"
    # "ist die dritte Kommune im Gesundheitsnetz", "de tweede gemeente in het netwerk", "the fourth council in the
    # network", "den tredje kommune i netværket": counted among those in it
    r"|(?:" + _ORDINALS + r")\s+[\w-]+\s+(?:im|in\s+(?:het|de|the)|i)\s"
    r"|" + _ASSOCIATED_PARTNER + r"\w*|partnere\s+i"
    # "werden A, B en C voorgesteld als nieuwe partners", "als neue Partner aufgenommen", "welcomed as new partners"
    r"|(?:als|as|som)\s+(?:a\s+|een\s+|nieuwe?\s+|neue[rn]?\s+|new\s+|nye?\s+)?partner\w*"
    r"|" + _NEW_PARTNERS + r"|" + _AMONG_THEM + r")\b", re.IGNORECASE)
_AGENT = re.compile(r"(?:von|vom|door|by|af)\s*(?:der|dem|den|de|het|the)?\s*$", re.IGNORECASE)
_JOINED_BY = re.compile(r"\b(?:are|were|is|was|will\s+be|have\s+been)\s+joined\s+by\b", re.IGNORECASE)
_FOUNDING_PARTNERS_ARE = re.compile(r"\b(?:" + _FOUNDERS + r")\s+(?:are|sind|zijn|er)\b", re.IGNORECASE)
_PARTNERS_ARE = re.compile(_PARTNERS_OPENING, re.IGNORECASE)
_NEW_ABOARD = re.compile(r"\b(?:" + _ABOARD + "|" + _NEW_PARTNERS + "|" + _AMONG_THEM + r")\b", re.IGNORECASE)
#: A heading over the persons who run a cluster ("Vorstand", "Bestuur", "Bestyrelse", "Board").
_BOARD_HEADING = re.compile(
    r"^\s*(?:vorstand|präsidium|lenkungskreis|beirat|geschäftsführung|sprecher\w*|bestuur|dagelijks bestuur"
    r"|raad van toezicht|stuurgroep|bestyrelse(?:n)?|styregruppe(?:n)?|ledelse(?:n)?|board(?: of directors)?"
    r"|steering (?:committee|group)|management team|executive team)"
    r"(?:\s+(?:pr\.|per|as (?:of|at)|stand|(?:in|im|i)\s+\d{4}|\d{4}|\(\w+\)).{0,30})?\s*:?\s*$",  # "pr. 31. december 2023"
    re.IGNORECASE)
_PLACE_GAP = re.compile(r"^\s*(?:\([^()\n]*\)\s*)?[,|]\s*$")  # "A (Other Name), Polen"
#: Two actors of one list item joined by a conjunction ("- Region Blekinge og Blekinge Tekniska Högskola").
_ITEM_AND = re.compile(r"^\s*(?:\([^()\n]{1,12}\)\s*)?(?:og|and|und|en|et|&)\s*$", re.IGNORECASE)
#: A bracketed role right after an actor in a list item or table cell ("A (koordinator)", "B (lead partner)").
LEAD_MARK = re.compile(r"^\s*\((?:lead(?:\s+partner|\s+applicant)?|coordinator|koordinator|penvoerder|projektleder"
                       r"|hovedpartner|leadpartner|coördinator|federführend|projektkoordinator|konsortialführer)\)",
                       re.IGNORECASE)


def topic_cluster(context: Context, exclude=()):
    """The cluster the page is about: the one named in most sentences (first named on a tie), or
    None; clusters of ``exclude`` are passed over.  A name and its short form in one sentence
    ("Healthy Ageing Network (HANN)") count once."""
    counts: dict = {}
    first: dict = {}
    for index in sorted(context.by_sentence):
        for key in dict.fromkeys(k for _, k in context.mentions(index, "cluster")):
            if key in exclude:
                continue
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, index)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def founded_cluster(context: Context, exclude=()):
    """The cluster an agreement of the page founds (the first, when several), or None: a page that
    reports a founding is about what was founded, however often it names an older project."""
    return next((r.object for r in context.found.values()
                 if r.kind == "establishes" and r.object[0] == "cluster" and r.object not in exclude), None)


def foundings(context: Context, cluster) -> list:
    """The ``establishes`` relations found so far that found ``cluster`` (an agreement that sets it up)."""
    return [r for r in context.found.values() if r.kind == "establishes" and r.object == cluster]


#: A second clause ("og er et af ...", "and is part of", "und ist Teil"): a cluster named in it is not what
#: the first clause's definite phrase refers to, nor one of the founders the first clause lists.
NEXT_CLAUSE = re.compile(r"\b(?:og|and|und|en)\s+(?:er|is|ist|har|has|hat|heeft|was|blev|wurde|werd|skal|will|wird"
                         r"|zal|belongs|gehört|hoort|hører)\b", re.IGNORECASE)


def referenced_cluster(context: Context, index: int, exclude=()):
    """The cluster that a definite phrase in sentence ``index`` points back to, or None; clusters
    of ``exclude`` (the subject of the sentence) are passed over.  ``the partnership`` names the
    nearest cluster before whose name holds the word, else the cluster named last in the five
    sentences before."""
    anaphor = ANAPHOR.search(context.sentences[index].text)
    if not anaphor:
        return topic_cluster(context, exclude) if _GROUP.search(context.sentences[index].text) else None
    word = anaphor.group().split()[-1].casefold()[:5]  # "the alliance": a cluster with "Alliance" in its name first
    if word == "proje":
        return topic_cluster(context, exclude)  # "Projektet", "the project": the project the page is about
    for back in range(1, index + 1):  # the nearest cluster whose name holds the word, however far back
        found = [k for c, k in context.mentions(index - back, "cluster")
                 if k not in exclude and word in c.label.casefold()]
        if found:
            return found[-1]
    for back in range(0, 6):
        found = context.mentions(index - back, "cluster") if index - back >= 0 else []
        if back == 0:  # a cluster after "von"/"by", or in a clause after the phrase's ("..., og er et af
            # netværkene under X"), is not the one it refers to
            start = context.sentences[index].start
            found = [f for f in found if not _AGENT.search(context.text[start:f[0].start])
                     and not NEXT_CLAUSE.search(context.text, start + anaphor.end(), f[0].start)]
        found = [f for f in found if f[1] not in exclude]
        if found:
            return found[-1][1]
    return topic_cluster(context, exclude)


#: A definite phrase for a cluster without a name ("klyngen", "the cluster", "das Netzwerk").
_THE_CLUSTER = re.compile(r"\b(?:klyngen|klyngens|netværket|netværkets|(?:the|our|das|unser\w*|het|ons|onze)\s+"
                          r"(?:cluster|network|netzwerk|netwerk)s?)\b", re.IGNORECASE)
_ANCHORED = ("legal-form", "organisation-head", "descriptor")


def title_cluster(context: Context) -> None:
    """The sender named alone on a line at the top of a page (a newsletter's or cluster page's title,
    ``RehabTech Fyn``) is a cluster when no word anchors it as an organisation (no head word, legal
    form or descriptor), it is named more often than any cluster, and the body speaks of "the
    cluster" (``i klyngen``, ``klyngens arbejde``) twice or more."""
    most = max((len(e.mentions) for k, e in context.entities.items() if k[0] == "cluster"), default=0)
    if sum(len(_THE_CLUSTER.findall(s.text)) for s in context.sentences if context.zones.get(s.index) == "body") < 2:
        return
    for sentence in context.sentences[:6]:
        for cand, key in context.mentions(sentence.index, "organisation"):
            if " ".join(sentence.text.split()) != cand.label or cand.head:
                continue
            rules = {m.rule for m in context.entities[key].mentions}
            if not rules & set(_ANCHORED) and len(context.entities[key].mentions) > max(2, most):
                from ingest.actor_rules import _make_cluster

                _make_cluster(context, key)
                return


#: An appositive that says whose network a cluster is: "X, the joint health innovation network of A,
#: B and C", "X, het samenwerkingsverband van A en B", "X, das Netzwerk von A und B".
_NETWORK_OF = re.compile(r"(?:\s*,|\s+(?:is|er|ist|was|var|war))\s+(?:the|a|an|das|ein|eine|het|een|de|det|et)\s+"
                         r"(?:[\w-]+\s+){0,4}?(?:network|cluster|alliance|partnership|consortium|collaboration"
                         r"|cooperation|netzwerk|verbund|\w*kooperation|zusammenschluss|netwerk|\w*samenwerking"
                         r"|samenwerkingsverband|netværk|partnerskab|konsortium|\w*samarbejde)\s+"
                         r"(?:of|von|van|af|mellem|between|zwischen|tussen)\s", re.IGNORECASE)


def network_of(context: Context) -> None:
    """``Health Capital Helsinki, the joint health innovation network of A, B, C and D``, ``X er et
    samarbejde mellem A, B og C``, ``X ist eine Kooperation zwischen A und B``: the actors of the
    appositive or the predicate are members of the cluster it describes (up to the comma that closes
    it)."""
    from ingest.actor_rules import region_bodies

    for index in sorted(context.by_sentence):
        if context.zones.get(index) != "body":
            continue
        end = context.sentences[index].end
        for cluster, key in context.mentions(index, "cluster"):
            m = _NETWORK_OF.match(context.text, cluster.end, end)
            if m is None:
                continue
            region_bodies(context, index)  # "... zwischen der Universität X und der Stadt X": the town's authority
            actors = context.mentions(index, "organisation", "cluster")
            for cand, member in actors:
                if cand.start < m.end() or member == key:
                    continue
                gap = context.between(m.end(), cand.start)
                if re.search(r"[;:.]|,\s+(?!(?:and|und|en|og|the|de|het|die|der|das|den|det)\b)[a-zäöüæøå]", gap):
                    break  # the appositive has closed ("..., will help companies")
                context.add("memberOf", member, key, index, 0.7, "network-of")


#: "X er et af de tematiske netværk under Y", "X is one of the networks of Y", "X ist eines der Netzwerke
#: von Y", "X is een van de netwerken van Y": a cluster that belongs to a larger one.
_ONE_OF_UNDER = re.compile(r"\b(?:er|is|ist)\s+(?:et|en|one|eines?|eine|een)\s+(?:af|of|der|van)\s+(?:de|the|die|den)?\s*"
                           r"(?:[\w-]+\s+){0,2}?(?:netværk\w*|networks?|netzwerke\w*|netwerken|klynger|clusters?)\s+"
                           r"(?:under|in|of|von|van|i|unter dem dach (?:der|des|von))\s+(?:the|de|det|der|des|dem)?\s*$",
                           re.IGNORECASE)


def networks_under(context: Context) -> None:
    """``DNHR er et af de tematiske netværk under Danish Life Science Cluster``: the cluster the
    sentence is about (named before the phrase, or referred to) is a member of the one after it."""
    for index in sorted(context.by_sentence):
        if context.zones.get(index) != "body":
            continue
        sentence = context.sentences[index]
        clusters = context.mentions(index, "cluster")
        for outer, outer_key in clusters:
            m = _ONE_OF_UNDER.search(context.text, sentence.start, outer.start)
            if m is None or m.end() != outer.start:
                continue
            before = [k for c, k in clusters if c.end <= m.start() and k != outer_key]
            inner = before[-1] if before else referenced_cluster(context, index, exclude=(outer_key,))
            if inner is not None and inner != outer_key:
                context.add("memberOf", inner, outer_key, index, 0.7, "network-under")


#: A membership denied ("EIS is not a member", "werden aber nicht Mitglied", "is geen lid", "er ikke
#: medlem"): the actors of that clause are no members.
_NOT_MEMBER = re.compile(r"\b(?:not|no longer|never|nicht|kein\w*|geen|niet|ikke|aldrig)\s+(?:\w+\s+){0,3}?"
                         r"(?:an?\s+|the\s+|een\s+)?(?:member|members|mitglied\w*|lid|leden|medlem\w*|part of|partner)\b",
                         re.IGNORECASE)


#: Joining that has not happened: an invitation or a possibility ("has been invited to join", "may join later",
#: "wurde eingeladen, beizutreten", "is uitgenodigd om aan te sluiten", "er inviteret til at tilslutte sig").
_NOT_YET = re.compile(r"\b(?:invited|eingeladen|uitgenodigd|inviteret|(?:may|might|could|can)\s+(?:also\s+|later\s+)?join)\b",
                      re.IGNORECASE)


def _affirmed(context: Context, sentence, cand) -> bool:
    """Does the clause of ``cand`` (between semicolons or colons) say membership without denying it?"""
    start = max(context.text.rfind(c, sentence.start, cand.start) for c in ";:") + 1
    stops = [i for i in (context.text.find(c, cand.end, sentence.end) for c in ";:") if i >= 0]
    clause = context.text[max(start, sentence.start):min(stops, default=sentence.end)]
    return bool(_MEMBER.search(clause)) and not _NOT_MEMBER.search(clause)


#: A spaced dash that parts a headline into two statements ("X wächst auf zehn Mitglieder – Absichtserklärung mit Y
#: unterzeichnet").
_DASH = re.compile(r" [–—-] ")


def _signing_part(context: Context, sentence, cand, agreements: list) -> bool:
    """Does ``cand`` stand in a dash-parted piece of the sentence that names an agreement and no membership?"""
    cuts = [m.start() for m in _DASH.finditer(context.text, sentence.start, sentence.end)]
    start = max((c for c in cuts if c < cand.start), default=sentence.start)
    end = min((c for c in cuts if c >= cand.end), default=sentence.end)
    return bool(cuts) and any(start <= a.start and a.end <= end for a in agreements) \
        and not _MEMBER.search(context.text, start, end)


def members(context: Context) -> None:
    """memberOf from membership sentences and from member lists."""
    from ingest.actor_rules import region_bodies

    for index in range(len(context.sentences)):
        if context.zones.get(index) != "body" or not _MEMBER.search(context.sentences[index].text) \
                or _NOT_YET.search(context.sentences[index].text):
            continue
        sentence = context.sentences[index]
        clusters = context.mentions(index, "cluster")
        target = _target(context, index, clusters)
        if target is None:
            continue
        region_bodies(context, index)  # "... en de stad Ninove zijn nieuwe partners": the town's authority
        joined_by = _JOINED_BY.search(sentence.text)  # "They are joined by A and B": the agents join
        actors = [(c, k) for c, k in context.mentions(index, "organisation", "cluster")
                  if joined_by or not _AGENT.search(context.text[sentence.start:c.start][-12:])]
        if not [k for _, k in actors if k != target] and _THE_COMPANY.match(sentence.text):
            actors = previous_organisation(context, index)
        if _NOT_MEMBER.search(sentence.text):
            actors = [(c, k) for c, k in actors if _affirmed(context, sentence, c)]
        agreements = [c for c, _ in context.mentions(index, "agreement")]
        for cand, key in actors:
            if key != target and not _signing_part(context, sentence, cand, agreements):
                context.add("memberOf", key, target, index, 0.65, "member-sentence")
        if sentence.text.rstrip().endswith(":") or _opens_list(context, index):
            _member_list(context, index, target)


#: A verb of taking part ("doen A en B mee", "beteiligen sich A und B", "A deltager", "A takes part"), or
#: a noun of being admitted ("Med optagelsen af A og B", "mit der Aufnahme von A").
_TAKES_PART = re.compile(
    r"\b(?:(?:doen|doet|deden|deed)\b.{0,200}\bmee|(?:neemt|nemen|namen|nam)\b.{0,200}\bdeel|deelnemen|participe\w+"
    r"|beteiligt|beteiligen|(?:nimmt|nehmen|nahmen|nahm)\b.{0,200}\bteil|mit dabei|(?:wirkt|wirken)\b.{0,200}\bmit"
    r"|deltager|deltog|deltage|er (?:også )?med i|take[sn]? part|took part|participat\w+|(?:is|are) involved"
    r"|bag\b.{0,80}\bstår|står bag|hinter\b.{0,80}\bstehen|stehen hinter|achter\b.{0,80}\bstaan|staan achter"
    r"|behind\b.{0,80}\b(?:are|stand)|stand behind"
    r"|optagelse[n]? af|(?:aufnahme|beitritt) (?:von|der|des)|toetreding van|admission of)\b",  # "Med optagelsen af A og B"
    re.IGNORECASE)


def participants(context: Context) -> None:
    """``Aan Nederlandse kant doen A, B en C mee``, ``Auf luxemburgischer Seite beteiligen sich A und
    B``, ``Bag klyngen står A, B og C``: the actors of a sentence that says they take part are members of the cluster it names, else
    the cluster it refers to, else the page's cluster; not when the sentence denies membership or says they take part as
    observers (``er ikke medlem af X, men deltager som observatør``)."""
    from ingest.actor_rules import OBSERVER

    for index in range(len(context.sentences)):
        text = context.sentences[index].text
        if context.zones.get(index) != "body" or not _TAKES_PART.search(text) or _NOT_MEMBER.search(text) \
                or OBSERVER.search(text):
            continue
        if context.mentions(index, "agreement") or context.mentions(index, "person"):
            continue  # a signing or a quote says something else
        clusters = [k for _, k in context.mentions(index, "cluster")]
        target = clusters[-1] if len(clusters) == 1 else referenced_cluster(context, index) or topic_cluster(context)
        for _, key in context.mentions(index, "organisation", "cluster"):
            if target is not None and key != target:
                context.add("memberOf", key, target, index, 0.6, "takes-part")


#: A sentence that names some of the partners the sentence before counted ("X samler 14 partnere.
#: Blandt dem er A, B og C", "X brings together 12 partners. Among them are A and B").
_AMONG_THEM = re.compile(r"^\W*(?:blandt (?:dem|disse|dem er|andre)|among (?:them|these|the partners)|unter ihnen"
                         r"|darunter(?: sind)?|dazu (?:gehören|zählen)|zu ihnen (?:gehören|zählen)|onder hen|onder wie"
                         r"|daaronder|waaronder)\b", re.IGNORECASE)
_COUNTED = re.compile(r"\b(?:partner\w*|members?|medlemmer|mitglieder\w*|leden|deelnemers|deltagere|parties|parter"
                      r"|partijen|organisation\w*|organisaties|organizations?|\w*einrichtungen|institution\w*"
                      r"|instellingen|unternehmen|companies|bedrijven|virksomheder)\b", re.IGNORECASE)


def among_them(context: Context) -> None:
    """``Rehab X samler 14 partnere. Blandt dem er A, B og C``: the actors of a sentence that opens
    with "among them" are members of the cluster the sentence before names with its partners."""
    for index in range(1, len(context.sentences)):
        if context.zones.get(index) != "body" or not _AMONG_THEM.match(context.sentences[index].text):
            continue
        previous = context.sentences[index - 1]
        if not _COUNTED.search(previous.text):
            continue
        named = [k for _, k in context.mentions(index - 1, "cluster")]
        target = named[0] if named else referenced_cluster(context, index - 1)
        if target is None:
            continue
        for _, key in context.mentions(index, "organisation", "cluster"):
            if key != target:
                context.add("memberOf", key, target, index, 0.65, "among-them")


#: A verb right before a counted group that says the cluster gathers them ("ISOLA-CARE brings together nine
#: partners", "Das Netzwerk bündelt zwölf Einrichtungen", "Netværket samler 14 partnere").
_GATHER_VERB = re.compile(r"\b(?:brings together|unites|gathers|bündelt|vereint|verenigt|brengt|samler|forener)\s+$",
                          re.IGNORECASE)


def counted_members(context: Context) -> None:
    """``X brings together nine partners. A, B, ... and C ...``: when the sentences after the count, in
    the same paragraph, name exactly as many organisations as counted, they are the cluster's members."""
    for index, sentence in enumerate(context.sentences):
        if context.zones.get(index) != "body":
            continue
        m = _COUNTED_GROUP.search(sentence.text)
        if m is None or not _GATHER_VERB.search(sentence.text[:m.start()]):
            continue
        named = [k for c, k in context.mentions(index, "cluster") if c.start < sentence.start + m.start()]
        target = named[-1] if named else referenced_cluster(context, index)
        count = _counted(sentence.text[m.start():])
        if target is None or count is None:
            continue
        found: dict = {}
        for later in context.sentences[index:index + 4]:
            if later.index > index and ("\n\n" in context.text[context.sentences[later.index - 1].end:later.start]
                                        or context.zones.get(later.index) != "body"):
                break
            for cand, key in context.mentions(later.index, "organisation", "cluster"):
                if key != target and (later.index > index or cand.start >= sentence.start + m.end()):
                    found.setdefault(key, later.index)
        if len(found) == count:
            for key, where in found.items():
                context.add("memberOf", key, target, where, 0.6, "counted-members")


#: A sentence whose subject is "the company" named before ("Virksomheden har været medlem af X", "It is
#: one of sixty members of X").
COMPANY_PHRASE = (r"(?:virksomheden|firmaet|selskabet|das unternehmen|die firma|the company|the firm"
                  r"|het bedrijf|de onderneming|de organisatie|the organisation|the organization)\b")
_THE_COMPANY = re.compile(r"^\s*(?:" + COMPANY_PHRASE + r"|(?:it|es|het|den|det)\s+(?:is|ist|er|has|hat|heeft|har|was"
                          r"|war|var)\b)", re.IGNORECASE)


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
    if _JOINED_BY.search(text) or _FOUNDING_PARTNERS_ARE.search(text) or _NEW_ABOARD.search(text) \
            or _PARTNERS_ARE.match(text):
        # "They are joined by A", "The founding partners are A, B", "Neu dabei sind", "vier nieuwe partners"
        return topic_cluster(context)
    actors = context.mentions(index, "organisation", "cluster")
    if clusters and actors[0][1] == clusters[0][1] and len(actors) > len(clusters) and _DATIVE.search(
            context.between(context.sentences[index].start, clusters[0][0].start)):
        return clusters[0][1]  # "Dem Netzwerk X ist die Y beigetreten": the cluster joined, in the dative
    if actors and all(c.end <= offset for c, _ in actors) and _JOINED.search(text[cue.start():]):
        # "Inzwischen sind auch A und der Verbund B beigetreten": every actor before the verb joins
        return topic_cluster(context, exclude={k for _, k in actors})
    if clusters and len(actors) > len(clusters):
        return clusters[-1][1]
    return topic_cluster(context) if text.rstrip().endswith(":") else None


#: A dative article opening the sentence before the cluster joined ("Dem Netzwerk X sind A und B beigetreten").
_DATIVE = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:dem|der)\s+$", re.IGNORECASE)
#: A verb of joining at the end of a sentence whose actors all stand before it.
_JOINED = re.compile(r"^" + JOIN_VERBS + r"\b", re.IGNORECASE)
#: "five new members and a partnership with X": X is a partner of the agreement, not the members' cluster.
_PARTNER_OF = re.compile(r"\b(?:" + "|".join(sorted(WITH_WORDS)) + r")\b", re.IGNORECASE)


def _opens_list(context: Context, index: int) -> bool:
    """Does the sentence open the list after it without a colon ("... aufgenommen. Neu im Netzwerk sind" and the
    items)?  It goes on a line of running text; a line of its own is a heading, which :mod:`ingest.actor_names`
    reads."""
    sentence = context.sentences[index]
    line_start = context.text.rfind("\n", 0, sentence.start) + 1
    return bool(context.text[line_start:sentence.start].strip()) \
        and not sentence.text.rstrip().endswith((".", "!", "?")) \
        and index + 1 < len(context.sentences) and bool(LIST_ITEM.match(context.sentences[index + 1].text))


def _member_list(context: Context, index: int, target) -> None:
    """The list items right after a membership heading ("Our members include:")."""
    from ingest.actor_rules import region_bodies

    k = index + 1
    while k < len(context.sentences) and LIST_ITEM.match(context.sentences[k].text):
        region_bodies(context, k, opening=True)  # "- die Stadt Arnstadt": the town's authority is the member
        for _, key in context.mentions(k, "organisation", "cluster"):
            if key != target:
                context.add("memberOf", key, target, k, 0.7, "member-list")
        k += 1


def item_actors(context: Context, index: int) -> list:
    """The actors a list item names: its first, and those joined to it by a conjunction or a list ("- A, B and C")
    ("- Region Blekinge og Blekinge Tekniska Högskola (BTH), Sverige")."""
    actors = context.mentions(index, "organisation", "cluster")
    joined = actors[:1]
    for n, (cand, key) in enumerate(actors[1:], 1):
        gap = _item_gap(context, joined[-1][0], cand)
        if not _ITEM_AND.match(gap) and not (gap.strip() == "," and _listed_on(context, actors, n)):
            break
        joined.append((cand, key))
    return joined


#: An article before the next actor of an item ("- de gemeente A, de gemeente B en de gemeente C").
_ARTICLE_END = re.compile(r"\s(?:de|het|die|der|the)\s*$", re.IGNORECASE)


def _item_gap(context: Context, a, b) -> str:
    """What stands between two actors of a list item, without an article before the second."""
    return _ARTICLE_END.sub(" ", context.between(a.end, b.start))


def _listed_on(context: Context, actors, n: int) -> bool:
    """Does the run of actors from ``actors[n]`` on go to a conjunction, only commas between, and the item end
    with the last ("- A, B and C": three actors; "- Klinikum A, Institut B" is a name and its unit, "- University
    A, Department of B and C, Town" one partner)?"""
    for (a, _), (c, _) in zip(actors[n:], actors[n + 1:]):
        gap = _item_gap(context, a, c)
        if _ITEM_AND.match(gap):
            line_end = context.text.find("\n", c.end)
            return not context.text[c.end:line_end if line_end >= 0 else len(context.text)].strip(" .;")
        if gap.strip() != ",":
            return False
    return False


def member_lists(context: Context) -> None:
    """Items under a heading that announces actors (``Partners``, ``Mitglieder (Auswahl)``,
    ``Deelnemers zijn onder meer:``) are members of the cluster the heading refers to, else of the
    one an agreement of the page founds, else of the page's cluster; items under ``Lead
    partner`` also coordinate it; ``Name, Place`` in an item locates the actor."""
    from ingest.actor_rules import region_bodies

    zones = context.zones
    for index, sentence in enumerate(context.sentences):
        if zones.get(index) != "body" or not is_list_heading(sentence.text):
            continue
        items = list_items(context.text, context.sentences, index, zones)
        # a cluster listed among the items is a partner, not the cluster they belong to
        listed = {k for item in items for _, k in context.mentions(item.index, "organisation", "cluster")[:1]}
        target = referenced_cluster(context, index, exclude=listed) or founded_cluster(context, exclude=listed) \
            or topic_cluster(context, exclude=listed)
        lead = LEAD_HEADING.match(sentence.text) is not None
        founders = []
        for item in items:
            if not context.mentions(item.index, "organisation", "cluster"):
                region_bodies(context, item.index)  # "- die Stadt Augsburg sowie": the town's authority
            for cand, key in item_actors(context, item.index):
                if target is not None and key != target:
                    context.add("memberOf", key, target, item.index, 0.7, "member-list")
                    if lead:
                        context.add("coordinates", key, target, item.index, 0.7, "lead-partner")
                    founders.append((key, item.index))
                end = cand.end
                for rcand, rkey in context.mentions(item.index, "region"):
                    if rcand.start >= end and _PLACE_GAP.match(context.between(end, rcand.start)):
                        context.add("locatedIn", key, rkey, item.index, 0.7, "list-item-place")
                        end = rcand.end
        if target is not None and _FOUNDERS_HEADING.search(sentence.text):
            _founders_sign(context, sentence, target, founders)


def _founders_sign(context: Context, heading: Sentence, cluster, founders: list) -> None:
    """The founders listed under ``heading`` ("The eight founding partners are:"; actor key, item sentence) are
    parties to the agreement that founds ``cluster``, unless the heading or the signing sentence counts another
    number of actors ("Sieben Einrichtungen unterzeichneten" over five founding members: another group)."""
    count = len({index for _, index in founders})  # items: "- Hartpury University and Hartpury College" is one
    for founding_relation in foundings(context, cluster):
        if any(n is not None and n != count
               for n in (_counted(heading.text), _counted(context.sentences[founding_relation.sentence].text))):
            continue
        for key, index in founders:
            context.add("partyTo", key, founding_relation.subject, index, 0.65, "founding-list")


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
            if "\n\n" in gap and not bulleted and item.index > index + 1 or (
                    item.text.rstrip().endswith(".") and len(item.text) > 90):
                break  # a blank line may also separate the heading from its first item
            for _, key in context.mentions(item.index, "person"):
                context.add("affiliatedWith", key, target, item.index, 0.7, "board-member")


#: A definite plural that names the members of the page's cluster as a group ("The partners signed").
_THE_MEMBERS = re.compile(r"\b(?:the (?:project )?partners|the members|all partners|die (?:projekt)?partner|die mitglieder"
                          r"|alle partner|de (?:project)?partners|de deelnemers|de leden|alle partners|partnerne"
                          r"|parterne|medlemmerne|alle parter)\b", re.IGNORECASE)


#: The founding members as a group anywhere in a signing sentence ("von Vertretern aller neun
#: Gründungspartner unterschrieben", "signed by all nine founding partners").
_ALL_MEMBERS = re.compile(r"\b(?:alle[rn]?|all|sämtliche[rn]?|samtlige)\s+(?:\w+\s+)?(?:gründungs|founding\s+|stiftende\s+)?"
                          r"(?:partner\w*|mitglied\w*|members|founders|leden|medlemmer|parter|parterne)\b", re.IGNORECASE)


#: A counted group of actors ("eleven organisations", "acht zorg-, onderwijs- en overheidspartijen",
#: "Sechs Partner"): a number and up to four words before a word for partners, or their signatures.
_COUNTED_GROUP = re.compile(
    r"\b(?P<number>\d{1,2}|" + NUMBER_WORD + r")"
    r"\s+(?:[\w,-]+\s+){0,4}?\w*(?:partner\w*|parties|partijen|parter|organisation\w*|organisaties|organizations"
    r"|mitglieder|members|leden|medlemmer|einrichtungen|institutions|instellingen"
    r"|unterschriften|signatures|handtekeningen|underskrifter)\b", re.IGNORECASE)  # "Mit neun Unterschriften unter ..."
#: The representatives of a group named before ("Am Mittwoch unterzeichneten ihre Vertreter*innen",
#: "their representatives signed", "hun vertegenwoordigers", "deres repræsentanter").
_THEIR_REPRESENTATIVES = re.compile(r"\b(?:ihre|their|hun|deres)\s+(?:vertreter\w*|representatives|vertegenwoordigers"
                                    r"|repræsentanter|bestuurders|leaders|spitzen)\b", re.IGNORECASE)


#: Agreements in the plural ("Grant agreements with the three lead partners"): one each, not one for all.
_PLURAL_AGREEMENT = re.compile(r"(?:agreements|contracts|memoranda|declarations|letters|ungen|verträge|overeenkomsten"
                               r"|akkoorden|verklaringen|aftaler|erklæringer|kontrakter)$", re.IGNORECASE)


def _counted(text: str) -> int | None:
    """The number of a counted group of actors in ``text``, or None."""
    m = _COUNTED_GROUP.search(text)
    if m is None:
        return None
    return number_value(m.group("number"))


#: The founders as a group ("De vijf oprichters ondertekenden", "the founding partners signed", "die Gründer
#: unterzeichneten", "stifterne underskrev").
_THE_FOUNDERS = re.compile(r"\b(?:de|the|die|alle|all|de\s+\w+|the\s+\w+|die\s+\w+)\s+(?:oprichters|founders|founding\s+"
                           r"(?:partners|members)|gründer\w*|gründungs(?:mitglieder|partner)|stiftere|stifterne"
                           r"|stiftende\s+parter)\b|\b(?:stifterne|grundlæggerne)\b", re.IGNORECASE)
#: The rules that find a cluster's founders among its members.
_FOUNDING_RULES = {"founded-by", "founder-member"}


#: Partners associated with a cluster ("Als assoziierte Partner unterstützen A und B die Allianz").
_ASSOCIATED = re.compile(r"\b" + _ASSOCIATED_PARTNER, re.IGNORECASE)


def members_as_parties(context: Context) -> None:
    """``The partners signed a partnership agreement``: an agreement signed by "the partners" or
    "de deelnemers" that names no party has the listed members of the page's cluster as parties;
    so does one that "all (nine founding) partners" signed, or a group counted as many as the members
    in a sentence that names the cluster or refers to it ("eleven organisations signed a memorandum of
    understanding that establishes the cluster"), when the sentence names no
    actor but a venue ("im Rathaus der Stadt X", "at the Bristol Robotics Laboratory") and the cluster."""
    from ingest.actor_rules import only_venues

    cluster = topic_cluster(context)
    if cluster is None:
        return
    listed = [r.subject for r in context.found.values() if r.kind == "memberOf" and r.object == cluster
              and not _ASSOCIATED.search(context.sentences[r.sentence].text)]  # associated partners did not sign
    if len(set(listed)) < 2:
        return
    for index, agreement, agr_key, head in _signed_agreements(context):
        mentioned = context.mentions(index, "organisation", "cluster")
        venues = only_venues(context, mentioned)
        actors = [(c, k) for c, k in mentioned if k != cluster and k not in venues]
        named = [k for c, k in actors if c.end <= agreement.start]
        text = context.sentences[index].text
        count = _counted(text)
        if index and _THEIR_REPRESENTATIVES.search(head) \
                and context.paragraph.get(index - 1) == context.paragraph.get(index) \
                and (group := COUNTED_INSTITUTIONS.search(context.sentences[index - 1].text)):
            count = number_value(group.group("number"))  # "Fünf Universitäten und Kliniken ... wollen zusammenarbeiten.
            # Am Mittwoch unterzeichneten ihre Vertreter*innen ...": the representatives of the group counted before
        parties = {r.subject for r in context.found.values() if r.kind == "partyTo" and r.object == agr_key}
        counted = _as_many(count, len(set(listed))) and not _PLURAL_AGREEMENT.search(agreement.text) and (
            cluster in {k for _, k in mentioned} or referenced_cluster(context, index) == cluster
            or cluster in clusters_just_before(context, index)
            or ("establishes", agr_key, cluster) in context.found and len(parties) < 2)  # not when named elsewhere
        group = not any(c.end > agreement.start for c, _ in actors) and (_ALL_MEMBERS.search(text) or counted)
        kinds = _KINDS_SIGN.match(head) and cluster in {k for _, k in mentioned}
        if named or not (_THE_MEMBERS.search(head) or group or kinds):
            continue
        for key in dict.fromkeys(listed):
            context.add("partyTo", key, agr_key, index, 0.6, "members-as-parties")


#: The members just admitted, as a group ("alle fünf Neumitglieder", "the three new members", "de nieuwe leden",
#: "de nye medlemmer", "Alle drei Neuzugänge"), with their number.
_NEW_MEMBERS = re.compile(r"\b(?:(?P<number>\d+|" + NUMBER_WORD + r")\s+)?(?:neumitglied\w*|neuzugäng\w*|neue[nr]?\s+"
                          r"(?:mitglied\w*|partner\w*)|new (?:members?|partners?)|newcomers|nieuwe (?:leden|partners)"
                          r"|nieuwkomers|nye (?:medlemmer|partnere))\b", re.IGNORECASE)


def new_members_as_parties(context: Context) -> None:
    """``Die neuen Mitglieder im Überblick: - A - B - C. Mit ihrer Unterschrift unter die Charta haben sich alle drei
    Neumitglieder verpflichtet``: an agreement the new members sign, naming no party, has as parties the members
    found since the last mention of new members before it (up to sixteen sentences back: a list of seven with its
    lead-in), as many as it counts."""
    for index, agreement, agr_key, head in _signed_agreements(context):
        text = context.sentences[index].text
        group = _NEW_MEMBERS.search(text)
        if group is None or context.mentions(index, "organisation"):
            continue
        since = next((k for k in range(index - 1, max(-1, index - 17), -1)
                      if _NEW_MEMBERS.search(context.sentences[k].text)), None)
        if since is None:
            continue
        found = sorted((r.sentence, r.subject) for r in context.found.values()
                       if r.kind == "memberOf" and since <= r.sentence < index)
        new = list(dict.fromkeys(key for _, key in found))
        count = number_value(group.group("number")) if group.group("number") else None
        announced = _NEW_MEMBERS.search(context.sentences[since].text).group("number")
        if count is None and announced and number_value(announced) < len(new):
            # "welcomed seven new members ... The network was set up by A and B ... The seven that joined are: ...
            # Each new member has signed ...": the last seven members found
            new = list(dict.fromkeys(key for _, key in reversed(found)))[:number_value(announced)]
        if len(new) < 2 or count is not None and count != len(new):
            continue
        for key in new:
            context.add("partyTo", key, agr_key, index, 0.6, "new-members-as-parties")


def they_sign_for_cluster(context: Context) -> None:
    """``Zij ondertekenden een intentieverklaring voor het Netwerk X``: "they" who sign an agreement for the
    cluster the sentence names after it are that cluster's members (two or more), whichever the page's cluster."""
    for index, agreement, agr_key, head in _signed_agreements(context):
        mentioned = context.mentions(index, "organisation", "cluster")
        after = [k for c, k in mentioned if c.start >= agreement.end and k[0] == "cluster"]
        if not _THEY.match(head) or not after or any(c.end <= agreement.start for c, _ in mentioned):
            continue
        listed = list(dict.fromkeys(r.subject for r in context.found.values()
                                    if r.kind == "memberOf" and r.object == after[0]))
        for key in listed if len(listed) >= 2 else ():
            context.add("partyTo", key, agr_key, index, 0.6, "they-sign-for-cluster")


#: "Hospitals, universities, councils and businesses from across X have signed a memorandum ... to create the Y":
#: kinds of institutions as the signatories of the agreement that creates the page's cluster.
_KINDS_SIGN = re.compile(r"^\W*{0}\b(?:\s*,\s*{0}\b)*\s+(?:and|und|en|og|sowie)\s+{0}\b".format(INSTITUTION_PLURALS),
                         re.IGNORECASE)


#: A pronoun for the signatories opening the signing sentence ("Zij ondertekenden een intentieverklaring voor
#: het Netwerk X", "They signed a memorandum for the X", "Sie unterzeichneten", "De underskrev").
_THEY = re.compile(r"^\W*(?:zij|ze|sie|they|de)\s", re.IGNORECASE)


def _as_many(counted: int | None, listed: int) -> bool:
    """Does a counted group name the listed members: as many, or one fewer or more in a group of four or
    more (a holding listed with its hospital, a partner named in passing)?"""
    return counted is not None and (counted == listed or counted >= 4 and abs(counted - listed) == 1)


def clusters_just_before(context: Context, index: int) -> list:
    """The clusters the sentence before ``index`` names, in order, when it is in the same paragraph ("In Kassel
    ist das Netzwerk X an den Start gegangen. Vierzehn Einrichtungen ... unterzeichneten ..."), else []."""
    if index == 0 or context.paragraph.get(index - 1) != context.paragraph.get(index):
        return []
    return [k for _, k in context.mentions(index - 1, "cluster")]


def _signed_agreements(context: Context):
    """(sentence index, agreement mention, agreement key, the sentence's text before the mention) of each
    agreement named in a body sentence with a signing verb, not one still to be signed."""
    for index in sorted(context.by_sentence):
        if context.zones.get(index) != "body" or not context.has_verb(index, "sign") \
                or INTENDED_SIGNING.search(context.sentences[index].text):
            continue  # "The partners aim to sign a cooperation agreement": not signed yet
        for agreement, agr_key in context.mentions(index, "agreement"):
            yield index, agreement, agr_key, context.text[context.sentences[index].start:agreement.start]


def founders_as_parties(context: Context) -> None:
    """``X werd opgericht door A, B en C. De drie oprichters ondertekenden toen een convenant``: an
    agreement that "the founders" signed, naming no party before it, has the founders of the page's
    cluster as parties (run last: founders are found by several rules)."""
    cluster = topic_cluster(context)
    founders = [s for (kind, s, o), rules in context.rules.items()
                if kind == "memberOf" and o == cluster and rules & _FOUNDING_RULES]
    if cluster is None or len(founders) < 2:
        return
    for index, agreement, agr_key, head in _signed_agreements(context):
        # "Die vijf partijen sloten destijds de samenwerkingsovereenkomst": the founders, counted
        group = _THE_FOUNDERS.search(head) or _counted(head) == len(set(founders))
        if group and not any(c.end <= agreement.start for c, _ in context.mentions(index, "organisation", "cluster")):
            for key in founders:
                context.add("partyTo", key, agr_key, index, 0.6, "founders-as-parties")


#: A subject pronoun anywhere before the agreement ("Dinsdagmiddag zetten zij hun handtekening onder ...").
_THEY_ANYWHERE = re.compile(r"\b(?:zij|sie|they)\b", re.IGNORECASE)


def joiners_sign(context: Context) -> None:
    """``A, B en C hebben zich aangesloten bij het netwerk. Dinsdagmiddag zetten zij hun handtekening onder de
    samenwerkingsovereenkomst``: "they" who sign, naming no party before the agreement, are the two or more actors
    who joined in the sentence just before."""
    for index, agreement, agr_key, head in _signed_agreements(context):
        if not index or not _THEY_ANYWHERE.search(head) \
                or any(c.end <= agreement.start for c, _ in context.mentions(index, "organisation", "cluster")):
            continue
        joined = list(dict.fromkeys(r.subject for r in context.found.values()
                                    if r.kind == "memberOf" and r.sentence == index - 1))
        for key in joined if len(joined) >= 2 else ():
            context.add("partyTo", key, agr_key, index, 0.6, "joiners-sign")


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


#: A verb of composition ("X består af A, B og C", "consists of", "bestaat uit", "besteht aus", "wordt
#: gevormd door").
_CONSISTS = re.compile(r"\b(?:består af|bestaar af|consists? of|is made up of|comprises|bestaat uit|bestaan uit"
                       r"|besteht aus|bestehen aus|setzt sich (?:zusammen )?aus|omfatter|(?:wordt|worden) gevormd door"
                       r"|(?:is|are) formed by|(?:is|are) composed of|dannes af)\b", re.IGNORECASE)


def compositions(context: Context) -> None:
    """``Projektkonsortiet bag X består af A, B og C``: the actors after a verb of composition are
    members of the cluster named before it (or the one a definite phrase there refers to); after
    ``Konsortiet består af:`` the first actor of each list item is, and ``(koordinator)`` after it
    makes it the coordinator."""
    from ingest.actor_rules import region_bodies

    for index, sentence in enumerate(context.sentences):
        m = _CONSISTS.search(sentence.text) if context.zones.get(index) == "body" else None
        if m is None:
            continue
        verb = sentence.start + m.start()
        named = [k for c, k in context.mentions(index, "cluster") if c.end <= verb]
        target = named[-1] if named else (
            referenced_cluster(context, index) if ANAPHOR.search(sentence.text[:m.start()]) else None)
        if target is None:
            continue
        region_bodies(context, index)  # "... en de Provincie Zeeland": the province's authority
        for cand, key in context.mentions(index, "organisation", "cluster"):
            if cand.start > verb and key != target:
                context.add("memberOf", key, target, index, 0.7, "consists-of")
        if sentence.text.rstrip().endswith(":"):  # "Konsortiet består af:" and a list
            k = index + 1
            while k < len(context.sentences) and LIST_ITEM.match(context.sentences[k].text):
                actors = context.mentions(k, "organisation", "cluster")
                for cand, key in actors[:1]:
                    if key != target:
                        context.add("memberOf", key, target, k, 0.7, "consists-of")
                        if LEAD_MARK.match(context.between(cand.end, context.sentences[k].end)):
                            context.add("coordinates", key, target, k, 0.7, "consists-of")
                k += 1


#: The active verb of forming a cluster together ("A en B vormen samen met C het nieuwe X", "A und B
#: bilden das Netzwerk X", "A and B form the X Alliance", "A og B danner X").
_FORM = re.compile(r"\b" + FORMING_VERBS + r"\b", re.IGNORECASE)
#: A subject that counts two actors named in the sentence before ("Beide ziekenhuizen", "Both hospitals").
_BOTH = re.compile(r"^\W*(?:beide|both|begge|die beiden)\s+\w+", re.IGNORECASE)


def forming_members(context: Context) -> None:
    """``A en B vormen samen met C en D het nieuwe X``: the actors before the cluster that the verb of
    forming governs are its members; ``Beide ziekenhuizen vormen ...``: the first two organisations of
    the sentence before."""
    from ingest.actor_rules import region_bodies

    for index, sentence in enumerate(context.sentences):
        m = _FORM.search(sentence.text) if context.zones.get(index) == "body" else None
        if m is None:
            continue
        verb = sentence.start + m.start()
        targets = [(c, k) for c, k in context.mentions(index, "cluster") if verb < c.start <= verb + 150]
        if not targets:
            continue
        target, target_key = targets[0]
        region_bodies(context, index)  # "samen met de provincie Vlaams-Brabant": the province's authority
        members = [k for c, k in context.mentions(index, "organisation", "cluster")
                   if c.end <= target.start and k != target_key]
        if _BOTH.match(sentence.text) and index and not any(c.start < verb for c, _ in
                                                             context.mentions(index, "organisation", "cluster")):
            members += [k for _, k in context.mentions(index - 1, "organisation")][:2]
        for key in dict.fromkeys(members):
            context.add("memberOf", key, target_key, index, 0.7, "forms-cluster")


#: What may follow "Name, Town" in a record line: its end, a country code, a dash or a semicolon.
_SEAT_END = re.compile(r"^\s*(?:$|\([A-Z]{2}\)|[–;|]|-\s)")


def record_places(context: Context) -> None:
    """``Hanne Skou, CEO, Nordlys Diagnostics ApS, Aalborg``: an organisation followed by a comma
    and a place that ends the line (or comes before a country code or a dash), or by the place in
    brackets (``Ulster Biosensing Ltd (Belfast)``), is based there."""
    for index, sentence in enumerate(context.sentences):
        if context.zones.get(index) == "chrome":
            continue
        regions = context.mentions(index, "region")
        for cand, key in context.mentions(index, "organisation"):
            for rcand, rkey in regions:
                gap, rest = context.between(cand.end, rcand.start), context.between(rcand.end, sentence.end)
                if rcand.start >= cand.end and ("," in gap and _PLACE_GAP.match(gap) and _SEAT_END.match(rest)
                                                or gap.strip() == "(" and rest.startswith(")")):
                    context.add("locatedIn", key, rkey, index, 0.65, "record-place")


RULES = [title_cluster, members, network_of, networks_under, participants, among_them, counted_members, member_lists, compositions,
         forming_members, boards, item_places, record_places]
#: Run after the table rules: members listed in a table of partners sign as "all ten partners" too.
AFTER_TABLES = [members_as_parties, they_sign_for_cluster, new_members_as_parties]
#: Run after every rule that finds founders.
LATE_RULES = [founders_as_parties, joiners_sign]
