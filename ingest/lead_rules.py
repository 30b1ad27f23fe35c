"""Who leads a cluster and who founded it, from role nouns and agent phrases.

* ``UMC X is penvoerder van het consortium``, ``Die Koordination übernimmt die IHK X``, ``led by the
  coordinator, X``: the one organisation of the sentence ``coordinates`` the cluster it names or
  refers to (else the page's cluster);
* ``The cluster is chaired by Professor X``, ``unter dem Vorsitz von X``, ``voorgezeten door X``:
  the person ``coordinates`` the cluster and is ``affiliatedWith`` it;
* ``Netværket blev etableret af A, B og C``, ``Das Netzwerk wurde von A und B gegründet``,
  ``founded by A and B``: the founders are members (``memberOf``);
* ``X blev etableret på baggrund af en samarbejdsaftale mellem A og B``: the agreement establishes X;
* ``Sekretariatet ligger hos X`` (X ``coordinates`` the cluster), ``har sekretariat i Herning``
  (``locatedIn``), ``Sekretariatet ledes af direktør X`` (as ``chaired-by``).
"""
from __future__ import annotations

import re

from ingest.actor_rules import NEGATION, REGION_BODY, region_body, region_bodies
from ingest.member_rules import ANAPHOR, NEXT_CLAUSE, clusters_just_before, referenced_cluster, topic_cluster
from ingest.relations import Context

#: A noun or phrase that names the lead of a project, consortium or network.
_COORDINATOR = re.compile(
    r"\b(?:penvoerder|penvoering|lead partner|leadpartner|projektkoordinator\w*|konsortialführer\w*"
    r"|koordinator(?:in)?|coordinator|coördinator|hovedpartner|projektleder|projectleider|die koordination|the coordination"
    r"|(?:federführung|konsortialführung|gesamtkoordination|koordination|gesamtleitung|netzwerkmanagement"
    r"|clustermanagement"
    r"|geschäftsführung des (?:netzwerks|clusters|verbunds|bündnisses))(?=.{0,60}\b(?:liegt|lag|übernimmt|übernahm)\b)"
    r"|tovholder|sekretariatsleder"
    # "Den daglige koordinering af netværket ligger hos X", "de coördinatie ligt bij X", "coordination rests with X"
    # (the whole of it, not "de wetenschappelijke coördinatie": one part)
    r"|(?:(?<=\bden )|(?<=\bde )|(?<=\bthe )|(?<=\bdaglige )|(?<=\bdagelijkse )|(?<=\bday-to-day )|(?<=\boverall ))"
    r"(?:koordinering\w*|coördinatie|coordination)(?=[^.;]{0,60}\b(?:ligger|lå|ligt|lag|lies|lay|rests"
    r"|rested|stays|remains|blijft|bliver)\s+(?:\w+\s+)?(?:hos|bij|with)\b)"
    # "Bei X laufen die Fäden zusammen", "Die Fäden laufen bei X zusammen"; "X voert de regie", "de regie ligt bij X"
    r"|fäden\s+(?:laufen|liefen)|(?:laufen|liefen)\s+(?:[\w.-]+\s+){0,6}?die\s+fäden|regievoerder|regiehouder"
    r"|(?:voert|voeren|voerde|heeft|krijgt)\s+(?:\w+\s+)?de\s+regie\b|de\s+regie\s+(?:ligt|lag|blijft|komt)"
    r"|projektleitung(?=.{0,60}\b(?:liegt|lag|übernimmt|übernahm|hat)\b)"
    r"|de coördinatie|koordinationen|konsortieleder|träger(?:in)? des (?:clusters|netzwerks|verbunds|bündnisses)"
    # "neemt het programmamanagement van de alliantie op zich", "står for den daglige koordinering af netværket",
    # "får ansvaret for ... at drive sekretariatet"
    r"|(?:neemt|nemen|nimmt|übernimmt|übernehmen|takes on|take on|overtager|står for|varetager|ansvaret for)\b"
    r"[^.;]{0,50}?\b(?:programm?a?management|projekt?management|project management|programme management"
    r"|netzwerkmanagement|netwerkmanagement|clustermanagement|coördinatie|koordination|koordinering\w*"
    r"|coordination|sekretariat\w*|secretariaat|secretariat))\b",
    re.IGNORECASE)
#: Where a sentence turns to a second subject: "..., mens B ...", "..., while B ...", "; B ...".
_CLAUSE = re.compile(r",\s*(?:mens|while|whereas|während|wohingegen|terwijl|en|og|and|und)\s|;\s", re.IGNORECASE)
#: "chaired by X", "unter (dem) Vorsitz von X", "voorgezeten door X", "med X som formand", "coordinated from
#: Kirkwall by X".
_CHAIRED = re.compile(
    r"\b(?:chaired by|unter (?:dem )?vorsitz von|geleitet von|voorgezeten door|onder voorzitterschap van"
    r"|onder leiding van|ledes af|under ledelse af|(?:led|coordinated)(?:\s+from\s+\w+)?\s+by|koordiniert von"
    r"|gecoördineerd door"
    r"|koordineres af|koordineret af)\s+", re.IGNORECASE)
#: A founding participle with its agent ("etableret af", "founded by", "opgericht door", "von ... gegründet"),
#: or the initiative of the founders ("stiftet i 2021 på initiativ af", "op initiatief van"); also with the
#: verb first ("Gegründet wurde X im Herbst 2021 von", "Stiftet blev X i 2020 af").
#: When, between a founding participle and its agents ("i 2023", "i efteråret 2024", "in the spring of 2024",
#: "im Jahr 2024", "2024").
_WHEN = r"(?:\s+(?:(?:i|in|im|op)\s+)?(?:[\w.]+\s+){0,3}?\d{4})?"
_FOUNDED_BY = re.compile(
    r"\b(?:(?:etableret|stiftet|grundlagt|oprettet|startet)" + _WHEN + r"\s+af"
    r"|(?:founded|established|set up|launched|initiated)" + _WHEN + r"\s+by"
    r"|(?:opgericht|opgezet|geïnitieerd)" + _WHEN + r"\s+door"
    r"|(?:gegründet|initiiert|ins leben gerufen)" + _WHEN + r"\s+(?:von|durch)"
    r"|på initiativ (?:af|fra)|(?:on|at) the initiative of|auf initiative (?:von|der|des)|op initiatief van"
    r"|(?:gegründet|initiiert)\s+wurde\s+[^.;]{0,80}?\s(?:von|durch)|opgericht\s+(?:werd|is)\s+[^.;]{0,80}?\sdoor"
    r"|(?:stiftet|etableret|grundlagt)\s+blev\s+[^.;]{0,80}?\saf)\s",
    re.IGNORECASE)
_FOUNDED_DE = re.compile(r"\b(?:wurde|wurden)\s+(?:\w+\s+){0,4}?(?:von|durch)\s+(?P<agents>.+?)\s+"
                         r"(?:gegründet|ins leben gerufen|initiiert)\b", re.IGNORECASE)


#: Between an actor and its role noun: the copula ("HANNN is penvoerder", "X ist Koordinator").
_IS = re.compile(r"\s+(?:is|ist|er|was|war|var|bliver|blev|blir|wird|wurde|wordt|werd|becomes|became|will be)\s+"
                 r"(?:(?:de|der|die|the|den)\s+)?", re.IGNORECASE)
#: A relative clause between an actor and its role noun (", which acts as", ", die als", ", der er").
_RELATIVE = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?,\s*(?:which|that|who|die|der|das|dat|welke|som)\b[^,;.]{0,30}?",
                       re.IGNORECASE)
#: "liegt bei X", "ligt bij X", "lies with X": the holder of the lead.
_AT = re.compile(r"\b(?:bei|bij|with|hos)\s+(?:der|dem|den|de|het|the)?\s*$", re.IGNORECASE)
#: Verbs of lying with someone ("liegt bei", "ligt bij", "lies with", "ligger hos").
_LYING = r"(?:liegt|lag|ligt|lies|lay|ligger|lå)"
#: Between a role noun and its holder: "Die Koordination liegt bei der X", "übernimmt die X", "ligt bij
#: het X", "lies with X".
_LIES_WITH = re.compile(r"\s*(?:" + _LYING + r"\s+(?:bei|bij|with|hos)|übernimmt|übernahm|übernehmen"
                        r"|verantwortet|(?:blijft|ligt|is|bleibt|liegt|remains|rests|stays|bliver|ligger|er)\s+in\s+"
                        r"(?:handen\s+van|den\s+händen\s+(?:der|des|von)|the\s+hands\s+of|hænderne\s+på))"
                        r"\s+(?:(?:der|dem|den|die|das|de|het|the)\s+)?", re.IGNORECASE)  # "blijft in handen van het X"


def _cluster_of(context: Context, index: int, exclude=()):
    """The cluster a sentence names, else the one it refers to, else the page's cluster."""
    named = [k for _, k in context.mentions(index, "cluster") if k not in exclude]
    if named:
        return named[0]
    referred = referenced_cluster(context, index, exclude=exclude)
    return referred if referred is not None else topic_cluster(context, exclude)


def coordinators(context: Context) -> None:
    """``X is penvoerder van het consortium``: the one organisation of the sentence, or of each of its
    clauses (``A er klinisk tovholder for klyngen, mens B varetager sekretariatet``), leads the cluster."""
    for index in sorted(context.by_sentence):
        sentence = context.sentences[index]
        if context.zones.get(index) != "body" or not _COORDINATOR.search(sentence.text):
            continue
        cuts = [sentence.start, *(sentence.start + m.start() for m in _CLAUSE.finditer(sentence.text)), sentence.end]
        for a, b in zip(cuts, cuts[1:]):
            role = _COORDINATOR.search(context.text, a, b)
            if role is None:
                continue
            persons = any(a <= p.start < b for p, _ in context.mentions(index, "person"))  # in this clause
            orgs = [k for c, k in context.mentions(index, "organisation") if a <= c.start < b] or [
                k for c, k in context.mentions(index, "cluster")  # "Die Federführung liegt bei Cluster X"
                if a <= c.start < b and _AT.search(context.text[a:c.start])] or [
                k for c, k in context.mentions(index, "cluster")  # "HANNN is penvoerder": a network leads
                if a <= c.start and c.end <= role.start() and _IS.fullmatch(context.text[c.end:role.start()])]
            if persons:  # "De coördinatie blijft in handen van het X, waar programmamanager Y ...": the holder only
                orgs = [k for c, k in context.mentions(index, "organisation")
                        if role.end() <= c.start < b and _LIES_WITH.fullmatch(context.text[role.end():c.start])][:1]
            if len(set(orgs)) > 1:  # "The University of X, which acts as lead partner, signed with A, B and C"
                orgs = [k for c, k in context.mentions(index, "organisation")
                        if a <= c.start and c.end <= role.start() and _RELATIVE.fullmatch(context.text[c.end:role.start()])] or [
                    k for c, k in context.mentions(index, "organisation")  # "Die Koordination liegt bei der Klinik X des Y"
                    if role.end() <= c.start < b and _LIES_WITH.fullmatch(context.text[role.end():c.start])]
            if len(set(orgs)) != 1:
                continue
            target = _previous_subject(context, index, orgs) or _cluster_of(context, index, exclude=orgs)
            if target is not None:
                context.add("coordinates", orgs[0], target, index, 0.7, "coordinator-noun")


def _previous_subject(context: Context, index: int, exclude):
    """``Das Konsortium hinter X besteht aus A, B und C. A ist Projektleiter.``: a sentence that names
    no cluster and refers to none before its role noun speaks of the cluster that opens the sentence
    before it in the same paragraph."""
    text = context.sentences[index].text
    if context.mentions(index, "cluster") or ANAPHOR.search(text[:_COORDINATOR.search(text).start()]):
        return None
    clusters = [k for k in clusters_just_before(context, index) if k not in exclude]
    return clusters[0] if clusters else None


def chairs(context: Context) -> None:
    """``The cluster is chaired by Professor X``: the person chairs the cluster."""
    for index, sentence, m in context.body_matches(_CHAIRED):
        persons = [(c, k) for c, k in context.mentions(index, "person") if c.start >= sentence.start + m.end()]
        if not persons or persons[0][0].start - sentence.start - m.end() > 25:
            continue
        head = sentence.text[:m.start()]
        named = [k for c, k in context.mentions(index, "cluster") if c.end <= sentence.start + m.start()]
        target = named[-1] if named else topic_cluster(context) if _refers(head) else None
        if target is not None:
            context.add("coordinates", persons[0][1], target, index, 0.7, "chaired-by")
            context.add("affiliatedWith", persons[0][1], target, index, 0.7, "chaired-by")


#: A relative clause that says its person leads the cluster named after it ("Prof. X of the Faculty of Y,
#: who coordinates Z", "Dr. X, der das Netzwerk Z koordiniert", "X, die Z coördineert", "X, som leder Z").
_WHO_LEADS = re.compile(r",\s*(?P<pronoun>who|der|die|som)\s+(?:(?:coordinates|leads|chairs|heads|koordinerer|leder"
                        r"|coördineert|leidt)\b|[^,;.]{0,60}?\b(?:koordiniert|leitet|coördineert|leidt)\b)",
                        re.IGNORECASE)


def leading_persons(context: Context) -> None:
    """``said Prof. X of the Faculty of Y, who coordinates Z``: the person coordinates the cluster of the
    relative clause and is affiliated with it; "who" points to the last person named before it, the
    other pronouns to the actor right before them, when that is a person."""
    for index, sentence, m in context.body_matches(_WHO_LEADS):
        start, end = sentence.start + m.start(), sentence.start + m.end()
        clusters = [k for c, k in context.mentions(index, "cluster") if end - 60 <= c.start and c.end <= end + 60
                    and c.start >= start]
        before = [(c, k) for c, k in context.mentions(index, "person", "organisation", "cluster") if c.end <= start]
        if not clusters or not before:
            continue
        if m.group("pronoun").casefold() == "who":
            persons = [k for c, k in before if k[0] == "person"]
            person = persons[-1] if persons else None
        else:
            person = before[-1][1] if before[-1][1][0] == "person" else None
        if person is not None:
            context.add("coordinates", person, clusters[0], index, 0.7, "who-leads")
            context.add("affiliatedWith", person, clusters[0], index, 0.7, "who-leads")


#: The office that runs a cluster ("Sekretariatet ledes af direktør X", "The secretariat is led by X").
SECRETARIAT = re.compile(r"\b(?:sekretariat\w*|secretariat|secretariaat|geschäftsstelle|clustermanagement"
                         r"|koordinierungsstelle|koordinationsstelle|programme office|coordination office"
                         r"|coördinatiepunt|programmabureau|koordinationskontor)\b", re.IGNORECASE)


def _refers(head: str) -> bool:
    return ANAPHOR.search(head) is not None or SECRETARIAT.search(head) is not None


def founders(context: Context) -> None:
    """``Netværket blev etableret i 2023 af A, B og C``: the founders are members of the cluster."""
    for index in sorted(context.by_sentence):
        sentence = context.sentences[index]
        if context.zones.get(index) != "body":
            continue
        m = _FOUNDED_BY.search(sentence.text)
        if m is not None:
            start, end = sentence.start + m.end(), sentence.end
        else:
            de = _FOUNDED_DE.search(sentence.text)
            if de is None:
                continue
            start, end = sentence.start + de.start("agents"), sentence.start + de.end("agents")
        clause = NEXT_CLAUSE.search(context.text, start, end)
        end = clause.start() if clause else end  # "... af A og B og er et af netværkene under C": C founded nothing
        head = sentence.text[:(m.start() if m else 0) or len(sentence.text)]
        named = [k for c, k in context.mentions(index, "cluster") if c.end <= start]
        target = named[-1] if named else referenced_cluster(context, index) if _refers(head) else None
        if target is None:
            continue
        region_bodies(context, index)  # "opgericht door A, B en de stad Aalst": the town's authority
        for cand, key in context.mentions(index, "organisation", "cluster"):
            if start <= cand.start < end and key != target:
                context.add("memberOf", key, target, index, 0.65, "founded-by")


#: Founding a cluster together with others ("A hatte das Netzwerk gemeinsam mit B und C ins Leben gerufen",
#: "A founded the alliance together with B", "A heeft het netwerk samen met B opgericht", "A stiftede
#: netværket sammen med B").
_TOGETHER_WITH = re.compile(r"\b(?:(?:gemeinsam|zusammen)\s+mit|together\s+with|along\s+with|samen\s+met"
                            r"|sammen\s+med)\b", re.IGNORECASE)
_FOUNDS = re.compile(r"\b(?:gegründet|ins\s+leben\s+gerufen|initiiert|aus\s+der\s+taufe\s+gehoben|gründete\w*"
                     r"|founded|established|set\s+up|launched|opgericht|opgezet|richtten?\b[^.;]{0,60}\bop"
                     r"|stiftede|etablerede|grundlagde|stiftet|etableret)\b", re.IGNORECASE)


def co_founders(context: Context) -> None:
    """``Die Universität X hatte das Netzwerk gemeinsam mit der Y GmbH und der Z ins Leben gerufen``: the
    founder and those it founded the cluster with are its members."""
    for index, sentence, m in context.body_matches(_TOGETHER_WITH):
        verb = _FOUNDS.search(sentence.text)
        if verb is None:
            continue
        founded_at = sentence.start + verb.start()
        named = [k for c, k in context.mentions(index, "cluster") if c.end <= founded_at]
        target = named[0] if named else referenced_cluster(context, index)
        if target is None:
            continue
        joined = sentence.start + m.end()
        for cand, key in context.mentions(index, "organisation", "cluster"):
            # the founder before the verb; those it founded the cluster with after "together with" (in English and
            # Danish after the verb: "A founded the alliance together with B")
            if key != target and (cand.end <= founded_at or joined <= cand.start <= joined + 120):
                context.add("memberOf", key, target, index, 0.65, "founded-together")


def active_founders(context: Context) -> None:
    """``Die Stadt X und der Landkreis Y gründeten 2022 das Gesundheitsnetz Z``, ``Ins Leben gerufen hatten
    das Netz A, B und C``, ``A en B richtten het netwerk op``, ``A and B founded the alliance``: who founds
    a cluster in the active voice is its member (the passive, ``founded by``, is :func:`founders`)."""
    for index, sentence, verb in context.body_matches(_FOUNDS):
        text = sentence.text
        if _FOUNDED_BY.search(text) or _FOUNDED_DE.search(text) or _WAS_FOUNDED.search(text) \
                or _TOGETHER_WITH.search(text) or NEGATION.search(text) or context.mentions(index, "agreement"):
            continue  # the passive, the co-founders and the founding agreements have rules of their own
        at = sentence.start + verb.start()
        clusters = context.mentions(index, "cluster")
        anaphor = ANAPHOR.search(text)
        if not text[:verb.start()].strip(" \"„“'"):  # the participle first: "Ins Leben gerufen hatten das Netz A, B"
            named = [(c, k) for c, k in clusters if c.start >= at and c.start - sentence.start - verb.end() <= 30]
            if named:
                target, agents_from, agents_to = named[0][1], named[0][0].end, sentence.end
            elif anaphor and 0 <= anaphor.start() - verb.end() <= 30:
                target, agents_from, agents_to = referenced_cluster(context, index), sentence.start + anaphor.end(), \
                    sentence.end
            else:
                continue
        else:
            named = [(c, k) for c, k in clusters if c.start >= at]
            before = [(c, k) for c, k in clusters if c.end <= at]
            closing = verb.end() >= len(text.rstrip(" .!")) - 1  # the participle ends the sentence
            if named:  # "A und B gründeten das Netzwerk X", "A en B richtten het netwerk X op"
                target, agents_to = named[0][1], at
            elif before and closing:  # "A und B haben das Netzwerk X gegründet"
                target, agents_to = before[-1][1], before[-1][0].start
            elif anaphor and (anaphor.start() >= verb.start() or closing):
                target, agents_to = referenced_cluster(context, index), sentence.start + min(anaphor.start(),
                                                                                            verb.start())
            else:
                continue
            agents_from = sentence.start
        if target is None:
            continue
        region_bodies(context, index)  # "Ins Leben gerufen hatten das Netz die Stadt X ...": the town's authority
        for cand, key in context.mentions(index, "organisation", "cluster"):
            if agents_from <= cand.start and cand.end <= agents_to and key != target:
                context.add("memberOf", key, target, index, 0.65, "founded-actively")


#: A passive founding verb ("blev etableret", "was established", "wurde gegründet", "werd opgericht").
_WAS_FOUNDED = re.compile(r"\b(?:blev|er blevet|was|has been|were|wurde|ist|werd|is)\s+(?:\w+\s+){0,3}?"
                          r"(?:etableret|stiftet|grundlagt|oprettet|established|founded|set up|created|launched"
                          r"|gegründet|errichtet|ins leben gerufen|opgericht|opgezet)\b", re.IGNORECASE)


def founded_by_agreement(context: Context) -> None:
    """``X blev etableret i 2021 på baggrund af en samarbejdsaftale mellem A og B``, ``X was
    established in 2020 under a memorandum of understanding``: the agreement after the passive
    founding verb ``establishes`` the actor that opens the sentence."""
    for index, sentence, m in context.body_matches(_WAS_FOUNDED):
        verb = sentence.start + m.start()
        subjects = [(c, k) for c, k in context.mentions(index, "organisation", "cluster") if c.end <= verb]
        agreements = [k for c, k in context.mentions(index, "agreement") if c.start >= verb]
        if subjects and agreements and not context.between(sentence.start, subjects[0][0].start).strip(" \"„“"):
            context.add("establishes", agreements[0], subjects[0][1], index, 0.7, "founded-by-agreement")


#: "Sekretariatet ligger hos X", "The secretariat is hosted by X", "Die Geschäftsstelle ist bei X angesiedelt".
_SHARED = re.compile(r"\b(?:mellem|between|zwischen|tussen)\s", re.IGNORECASE)
_HOSTED_AT = re.compile(r"^\W*(?:[\w,]+\s+){0,6}?(?:hos|at|with|by|bei|beim|bij|på|von|door|af|mellem|between|zwischen|tussen)\s+(?:(?:os|us|uns|ons)\s+(?:på|at|bei|bij)\s+)?"
                        r"(?:the\s+|der\s+|dem\s+|de\s+|het\s+)?$"
                        # "Die Koordinierungsstelle der Allianz wird am Campus Stendal der Hochschule X eingerichtet"
                        r"|^\W*(?:\w+\s+){0,4}?(?:an\s+der|an\s+dem|am|at\s+the|aan\s+de|op\s+de)\s+(?:(?:campus|standort|site"
                        r"|locatie)\s+[\w-]+\s+(?:der|des|of\s+the|van\s+de|van\s+het)\s+)?$", re.IGNORECASE)
#: A verb of hosting between an actor and the secretariat word ("X hosts the cluster's secretariat", "X beherbergt
#: die Geschäftsstelle", "X huisvest het secretariaat", "X er vært for sekretariatet"), also after a relative clause
#: or an apposition ("X, dat namens de gemeenten optreedt, voert het secretariaat").
_HOSTS = re.compile(r"^(?:\s*,\s*(?:which|that|die|dat|der|das|som)\b(?:[^,;.]{0,80},)?"
                    # or an apposition: "Regio X, het samenwerkingsverband van de gemeenten, verzorgt het secretariaat"
                    r"|\s*,\s*(?:the|het|de|die|der|das|den|det|a|an|een|ein|eine|en|et)\s[^,;.]{0,80},)?"
                    r"\s+(?:also\s+|auch\s+|ook\s+|også\s+)?(?:hosts|houses|runs|beherbergt|führt|huisvest|voert"
                    r"|verzorgt|verzorgen|verzorgde|huser|driver|er\s+vært\s+for)\b[^,;.]{0,40}$", re.IGNORECASE)
#: A relative clause of place right after the host, before the secretariat word ("der Kreisverwaltung X, bei der
#: die Geschäftsstelle des Netzes angesiedelt ist", "X, waar het secretariaat zit", "X, hvor sekretariatet ligger",
#: "X, where the secretariat sits").
_WHERE_HOSTED = re.compile(r"^\s*,\s*(?:bei\s+(?:der|dem|denen)|in\s+(?:der|dem)|bij\s+wie|waar|hos\s+hvem|hvor|where"
                           r"|at\s+which|with\s+whom)\s+(?:die\s+|das\s+|het\s+|de\s+|the\s+|its\s+|seine\s+|ihre\s+)?$",
                           re.IGNORECASE)
#: "har sekretariat i Herning", "has its secretariat in Leeds", "mit Geschäftsstelle in Kiel".
_SEAT = re.compile(r"^\s+(?:i|in)\s+$", re.IGNORECASE)


def secretariats(context: Context) -> None:
    """The office that runs a cluster: the organisation that hosts the secretariat coordinates the
    cluster the sentence names or refers to (else the page's cluster); a place right after the
    secretariat word locates the actor that opens the sentence (else the page's cluster)."""
    for index, sentence, m in context.body_matches(SECRETARIAT):
        word_end = sentence.start + m.end()
        named = [(c, k) for c, k in context.mentions(index, "organisation", "cluster") if c.end <= word_end]
        after = [(c, k) for c, k in context.mentions(index, "organisation") if c.start >= word_end]
        if not after:  # "Sekretariatet placeres hos Region Sønderjylland-Schleswig": a region's body hosts it
            after = [(c, region_body(context, c, k)) for c, k in context.mentions(index, "region")[:1]
                     if c.start >= word_end and REGION_BODY.match(c.text) and not c.text.endswith("s")
                     and _HOSTED_AT.match(context.between(word_end, c.start))]  # not "Region Hovedstadens enhed"
        hosting = [k for c, k in named if k[0] == "organisation"
                   and (_HOSTS.search(gap := context.between(c.end, sentence.start + m.start())) or _WHERE_HOSTED.match(gap))]
        hosting = hosting or [  # "Regio Westfriesland, het samenwerkingsverband van de gemeenten, verzorgt het secretariaat"
            region_body(context, c, k) for c, k in context.mentions(index, "region")[:1]
            if c.end <= sentence.start + m.start() and REGION_BODY.match(c.text)
            and _HOSTS.search(context.between(c.end, sentence.start + m.start()))]
        target = _cluster_of(context, index, exclude=hosting[-1:]) if hosting else None
        if target is not None:  # "Limerick Chamber hosts the cluster's secretariat"
            context.add("coordinates", hosting[-1], target, index, 0.65, "secretariat-host")
        for n, (cand, key) in enumerate(after):
            hosted = _HOSTED_AT.match(context.between(word_end, cand.start))
            if hosted:  # "deles mellem A og B": every host after the word shares it
                hosts = [k for _, k in after[n:]] if _SHARED.search(hosted.group()) else [key]
                target = _cluster_of(context, index, exclude=hosts)
                for host in hosts if target is not None else ():
                    context.add("coordinates", host, target, index, 0.65, "secretariat-host")
                break
        for rcand, rkey in context.mentions(index, "region"):
            if rcand.start >= word_end and _SEAT.match(context.between(word_end, rcand.start)):
                subject = hosting[-1] if hosting else named[0][1] if named else topic_cluster(context)
                if subject is not None:
                    context.add("locatedIn", subject, rkey, index, 0.65, "secretariat-seat")
                break


#: Rules that find a lead partner (a network "wird von X koordiniert" may be run by an outside office).
_PARTNER_LEADS = {"coordinator-noun", "lead-partner", "actor-leads-cluster"}


def coordinator_members(context: Context) -> None:
    """The lead partner of a cluster with two or more listed members (``X koordiniert den
    Forschungsverbund``, ``X is penvoerder``) is one of its partners: a member, and a party to the
    agreement that "the partners" signed."""
    found = list(context.found.values())
    for lead in found:
        if lead.kind != "coordinates" or lead.object[0] != "cluster" or lead.subject[0] != "organisation" \
                or lead.rule not in _PARTNER_LEADS:
            continue
        members = {r.subject for r in found if r.kind == "memberOf" and r.object == lead.object}
        if len(members - {lead.subject}) < 2:
            continue
        context.add("memberOf", lead.subject, lead.object, lead.sentence, 0.6, "coordinator-member")
        for r in found:
            if r.rule in ("members-as-parties", "generic-signatories") and r.subject in members:
                context.add("partyTo", lead.subject, r.object, r.sentence, 0.6, "members-as-parties")


#: A chair or speaker of the cluster or of its steering group, named as a role noun ("Zum Sprecher des
#: Netzwerks wählten die Partner X", "X is voorzitter van de stuurgroep", "X bliver formand for
#: alliancens styregruppe", "X, chair of the alliance").
_CHAIR_OF = re.compile(
    r"\b(?:sprecher(?:in)?|vorsitzende[rn]?|voorzitter|formand(?:en)?|forkvinde(?:n)?|chair(?:man|woman|person)?)\s+"
    r"(?:des|der|van de|van het|for|of the|af)\s+(?:\w+s\s+)?(?:netzwerk\w*|clusters?|bündnis\w*|allianz|verbund\w*"
    r"|lenkungskreis\w*|stuurgroep|alliantie|netwerk|consortium|klyngen|netværket|alliancen|styregruppe\w*"
    r"|alliance|network|partnership|steering (?:board|group|committee))\b", re.IGNORECASE)


def chair_nouns(context: Context) -> None:
    """A person named with the chair or speaker role of the cluster or of its steering group chairs
    the cluster (the one the sentence names, refers to, or the page's)."""
    for index, sentence, m in context.body_matches(_CHAIR_OF):
        persons = context.mentions(index, "person")
        if not persons:
            continue
        at = sentence.start + m.start()
        person = min(persons, key=lambda p: min(abs(p[0].start - at), abs(p[0].end - at)))[1]
        target = _cluster_of(context, index)
        if target is not None:
            context.add("coordinates", person, target, index, 0.65, "chair-noun")
            context.add("affiliatedWith", person, target, index, 0.65, "chair-noun")


#: An actor that holds the chair of a cluster or of its steering group ("Syddjurs Kommune har formandskabet for
#: alliancens styregruppe", "Die Stadt X übernimmt den Vorsitz", "X holds the chair of the network").
_HOLDS_CHAIR = re.compile(r"\s+(?:har|hat|has|holds|heeft|bekleedt|führt|übernimmt|overtager|takes)\s+(?:\w+\s+)?"
                          r"(?:formandskabet|formandsposten|den\s+vorsitz|the\s+chair(?:manship)?"
                          r"|het\s+voorzitterschap)\b", re.IGNORECASE)


#: The chair lies with the organisation right after ("dessen Vorsitz für zwei Jahre beim Klinikum X liegt", "het
#: voorzitterschap ligt bij de gemeente X", "formandskabet ligger hos X", "the chair rests with X").
_CHAIR_WITH = re.compile(r"\b(?:vorsitz|voorzitterschap|formandskab(?:et)?|chair(?:manship)?)\b[^.;]{0,50}?"
                         r"\b(?:bei|beim|bij|hos|with|by)\s+(?:(?:der|dem|den|de|het|the)\s+)?$", re.IGNORECASE)
#: The verb of lying with, before the organisation or (German, in a subordinate clause) after it.
_LIES = re.compile(r"\b(?:" + _LYING + r"|rests|is held|was held)\b", re.IGNORECASE)
_LIES_AFTER = re.compile(r"\s+" + _LIES.pattern, re.IGNORECASE)


def chairing_actors(context: Context) -> None:
    """The organisation right before a verb of holding the chair, or right after "the chair lies with",
    coordinates the cluster the sentence names or refers to (else the page's)."""
    for index in sorted(context.by_sentence):
        if context.zones.get(index) != "body":
            continue
        start = context.sentences[index].start
        for cand, key in context.mentions(index, "organisation"):
            chair = _CHAIR_WITH.search(context.text, max(start, cand.start - 120), cand.start)
            if _HOLDS_CHAIR.match(context.text, cand.end) or chair and (
                    _LIES.search(chair.group()) or _LIES_AFTER.match(context.text, cand.end)):
                target = _cluster_of(context, index, exclude=[key])
                if target is not None:
                    context.add("coordinates", key, target, index, 0.65, "holds-chair")


#: A working group or work package on a field ("leitet die Arbeitsgruppe Telemedizin", "koordiniert das
#: Arbeitspaket Molekulardiagnostik", "will lead the work package on remote monitoring").
_WORK_GROUP = re.compile(r"\b(?:arbeitsgruppe|arbeitspaket|work ?package|workstream|working group|arbejdsgruppe\w*"
                         r"|arbejdspakke\w*|werkgroep|werkpakket|deelproject)\b", re.IGNORECASE)
#: Verbs of leading a working group ("leitet", "koordiniert", "will lead", "leder", "trekt").
_LEADS = re.compile(r"\b(?:leitet|leiten|koordiniert|koordinieren|leads?|coordinates?|leder|leide[rt]?|leidt"
                    r"|coördineert|trekt|koordinerer)\b", re.IGNORECASE)
#: The topic right after the group word: "Arbeitsgruppe Telemedizin", "work package on remote monitoring".
_GROUP_TOPIC = re.compile(r"\s+(?:(?:on|for|für|zu|zur|om|voor|over)\s+)?(?:the\s+)?([^\W\d][\w -]{2,40}?)(?=[.,;:()]|\s+(?:und|and|en|og)\s|$)",
                          re.IGNORECASE)
#: A pronoun opening the sentence for the person of the sentence before.
_PRONOUN = re.compile(r"^\W*(?:er|sie|he|she|han|hun|hij|zij)\b", re.IGNORECASE)


def work_groups(context: Context) -> None:
    """``Dr. X ... leitet die Arbeitsgruppe Telemedizin``, ``He will lead the work package on home
    monitoring``: the person who leads a working group on a field coordinates the field (a field the
    page names, also when the group's name holds it and was read as a name)."""
    from ingest.fields import lookup_field

    for index, sentence, m in context.body_matches(_WORK_GROUP):
        if not _LEADS.search(sentence.text):
            continue
        at = sentence.start + m.start()
        fields = [k for c, k in context.mentions(index, "field") if at < c.start <= at + 80]
        topic = _GROUP_TOPIC.match(context.text, sentence.start + m.end(), sentence.end)
        concept = lookup_field(topic.group(1), context.language) if topic and not fields else None
        if concept is not None:
            fields = [k for k, e in context.entities.items() if k[0] == "field" and e.concept == concept.iri]
        persons = [k for c, k in context.mentions(index, "person") if c.end <= at]
        if not persons and index and _PRONOUN.match(sentence.text):
            persons = [k for _, k in context.mentions(index - 1, "person")]
        for field in fields[:1]:
            for person in persons[-1:]:
                context.add("coordinates", person, field, index, 0.65, "work-group")


RULES = [coordinators, chairs, leading_persons, chair_nouns, chairing_actors, work_groups, founders, co_founders,
         active_founders, founded_by_agreement, secretariats]
#: Run after every other rule: they need the members and coordinators found by all of them.
LATE_RULES = [coordinator_members]
