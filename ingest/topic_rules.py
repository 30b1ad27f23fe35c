"""Relation rules about what actors lead, where they are and what they work on: coordinates,
locatedIn, partOf and focusesOn.

Each rule reads a :class:`~ingest.relations.Context` and calls ``context.add``; the rule name is
kept on the relation (``--explain``) and the confidence says how often the pattern is right.
"""
from __future__ import annotations

import re

from ingest.fields import WORK_STRUCTURE
from ingest.iris import normalise_name
from ingest.relations import Context
from ingest.sentences import LIST_ITEM
from ingest.tables import cells
from ingest.tokens import wordlist

_AGENT = re.compile(r"(?:von|vom|door|by|af)\s*(?:der|dem|den|de|het|the)?\s*$", re.IGNORECASE)
_LOCATIVE = re.compile(
    r"^\s*(?:,\s*(?:which|that|who|die|der|das|dat|som)\s+)?(?:(?:is|are|ist|er|sind|zijn)\s+)?"
    r"(?:(?:a|an|en|et|ein|eine|een)\s+(?:[\w-]+\s+){1,3}?)?"
    r"(?:in|aus|uit|i|fra|from|based in|located in|mit sitz in|met zetel in|gevestigd in|in der|im|ligger i"
    r"|liegt in|ligt in|sitzt in|headquartered in)\s+$"
    r"|^,\s+(?:a|an|een|ein|eine|en|et)\s+(?:[\w-]+\s+){0,4}(?:from|in|aus|uit|fra|i)\s+$", re.IGNORECASE)
#: A place right before the actor: "Glasgow-based Pathscan Ltd", "the Dundee firm Opticell".
#: Words for a company right before its name ("the Dundee firm X", "den danske virksomhed X").
_COMPANY_WORDS = (r"(?:company|firm|start-?up|scale-?up|manufacturer|virksomhed|virksomheden|firma|selskab|producent"
                  r"|unternehmen|hersteller|bedrijf|onderneming|fabrikant)")
_PLACE_BEFORE = re.compile(r"^(?:-(?:based|baseret|baserede)\s+|\s+" + _COMPANY_WORDS + r"\s+)$", re.IGNORECASE)
#: A seat phrase after the actor: "mit Sitz in", ", met locaties in", ", gevestigd in", ", der har hovedsæde i",
#: "med base i", ", the regional health authority for western Norway based in".
_SEAT_PHRASE = re.compile(
    r"^\s*,?\s*(?:(?:which|that|who|die|der|das|dat|som)\s+)?(?:(?:is|are|ist|er|sind|zijn|har|has|hat|heeft)\s+)?"
    # "mit seinem Sitz in", "hat ihren Sitz in", ", die ihren Sitz in X hat", ", das seinen Deutschland-Sitz in X hat"
    r"(?:(?:mit|met|med|with)\s+)?(?:(?:seinem|seinen|ihrem|ihren|dem|haar|zijn|its|their|sit|sine?)\s+)?"
    r"(?:[^\W\d_]+-)?"
    r"(?:sitz|hauptsitz|standorten?|locaties|locatie|hoofdkantoor|hoofdzetel|zetel|vestigingen|hovedsæde|hovedkontor"
    r"|base|headquarters|headquartered|gevestigd|ansässig|based|baseret|located|placeret|ziekenhuizen|klinieken|kliniken"
    r"|krankenhäusern|hospitals|sygehuse|matrikler|campussen|campuses|klinikker|hospitaler|clinics)\s+(?:in|i)\s+$"
    r"|^\s*\(\s*(?:locatie|vestiging|campus|standort|site|location|afdeling|matrikel)\s+$"  # "X (locatie Emmen)"
    # "X ist der einzige Maximalversorger im Land und hat Standorte in A und B": the subject's sites
    r"|^\s+(?:ist|is|er)\s[^.;]{0,80}?\s(?:und|and|en|og)\s+(?:hat|has|heeft|har)\s+(?:standorte|sites|locaties"
    r"|vestigingen|afdelinger|matrikler|campuses)\s+(?:in|i)\s+$"
    r"|^\s*,\s+(?:the|a|an|de|het|een|der|die|das|den|det|en|et|ein|eine)\s+[^,.;()]{0,80}?\s"
    r"(?:based in|located in|gevestigd in|ansässig in|mit sitz in|baseret i|med base i|med hovedsæde i"
    r"|headquartered in)\s+$"
    # its sites named right after the word for them ("X mit den Standorten A und B", "Y, dessen Standort C")
    r"|^\s*,?\s*(?:mit\s+(?:den|seinen|ihren)|dessen|deren|met\s+(?:de|haar|zijn)|with\s+(?:its|their)|med)\s+"
    r"(?:standorte?n?|vestigingen|vestiging|sites|site|lokationer|matrikler)\s+$", re.IGNORECASE)
_AND_PLACE = re.compile(r"^\s*(?:,|und|en|og|and|sowie|samt)\s*$", re.IGNORECASE)
_APPOSITIVE_ARTICLE = re.compile(r"^\s*,\s+(?:a|an|een|ein|eine|en|et|the)\s+$", re.IGNORECASE)
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}-)?\d{4,5}(?:\s?[A-Z]{2})?\s+$")
_REGIONAL = re.compile(r"\b(?:regional\w*|regionaal|regionale|regionalt)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(?:die|de|the|den)\s+(?:ersten|eerste|første|first)\s+"
                      r"(?P<n>beiden|zwei|drei|twee|drie|to|tre|two|three)\b",
                      re.IGNORECASE)
_NUMBERS = {"beiden": 2, "zwei": 2, "twee": 2, "to": 2, "two": 2, "drei": 3, "drie": 3, "tre": 3, "three": 3}
_CONTACT_ROLE = re.compile(r"^\s*(?:servicestelle|geschäftsstelle|koordinierungsstelle|koordinationsstelle"
                           r"|clustermanagement"
                           r"|netzwerkmanagement|secretariaat|sekretariat|secretariat|coordination|coördinatie"
                           r"|projektbüro|programmbüro|kontaktstelle)\s*:?\s*$", re.IGNORECASE)


# -- coordinates fields ------------------------------------------------------------------------
def field_coordination(context: Context) -> None:
    """``Die Handlungsfelder X werden von A übernommen`` (also elliptic, and "die ersten beiden")."""
    items = [(c, k) for i in sorted(context.by_sentence) for c, k in context.mentions(i, "field")
             if LIST_ITEM.match(context.sentences[i].text)]
    previous_verb = False
    for index in sorted(context.by_sentence):
        verb = context.has_verb(index, "coordinate")
        if not (verb or previous_verb):
            previous_verb = False
            continue
        previous_verb = verb
        sentence = context.sentences[index]
        agents = [(c, k) for c, k in context.mentions(index, "organisation", "cluster")
                  if _AGENT.search(context.text[sentence.start:c.start][-12:])]
        if not agents:
            continue
        agent = agents[0]
        fields = [(c, k) for c, k in context.mentions(index, "field") if c.start < agent[0].start]
        ordinal = _ORDINAL.search(sentence.text)
        if ordinal and items:
            fields += items[:_NUMBERS[ordinal.group("n").lower()]]
        for _, fkey in fields:
            context.add("coordinates", agent[1], fkey, index, 0.8, "field-taken-over-by")


#: After a list item's field, the word that names who leads it ("Robotik: Federführung X", "Data en
#: AI: een platform (trekker: X)").
_ITEM_LEAD = re.compile(r"[:(,]\s*(?:federführung|leitung|koordination|lead(?: partner)?|led by|trekker|penvoerder"
                        r"|tovholder|ledes af|ansvarlig|coordinator|coördinator|coordination|koordinator)\s*:?\s*"
                        r"(?:(?:bei|door|af|by|hos)\s+)?(?:(?:der|die|dem|de|het|the)\s+)?$", re.IGNORECASE)


def field_item_leads(context: Context) -> None:
    """``- Robotik in der Pflege: Federführung Fraunhofer IML``, ``- Telemonitoring: trekker AZ Delta``:
    a list item names a field, a colon and its lead; the lead coordinates the field."""
    for index in sorted(context.by_sentence):
        if not LIST_ITEM.match(context.sentences[index].text):
            continue
        fields = context.mentions(index, "field")
        actors = context.mentions(index, "organisation", "cluster")
        if not fields or not actors:
            continue
        lead, key = actors[0]
        before = [(c, fkey) for c, fkey in fields if c.end <= lead.start]
        if before and _ITEM_LEAD.search(context.between(before[0][0].end, lead.start)):
            leads = [key]
            for (a, _), (c, k) in zip(actors, actors[1:]):  # "led by NNUH and UEA": both
                if not _AND_PLACE.match(context.between(a.end, c.start)):
                    break
                leads.append(k)
            for fkey in dict.fromkeys(k for _, k in before):
                for lead_key in dict.fromkeys(leads):
                    context.add("coordinates", lead_key, fkey, index, 0.75, "field-item-lead")


#: An active verb of leading a field, with the actors before it and the field right after it ("Das Fraunhofer
#: IFF leitet das Arbeitsfeld assistive Robotik", "A und B verantworten gemeinsam das Handlungsfeld X", "A
#: übernimmt die Leitung des Themenfelds X", "LSTM leads infection diagnostics", "Het UMCG coördineert X").
_LEADS_FIELD = re.compile(r"\b(?:verantwortet|verantworten|leitet|leiten|koordiniert|koordinieren"
                          r"|übernimmt|übernehmen)\b(?:[^.;]{0,40}?\b(?:leitung|federführung|verantwortung)\b)?"
                          r"|\b(?:leads|coordinates|heads|(?:is|are)\s+responsible\s+for|coördineert|coördineren"
                          r"|koordinerer|har\s+ansvaret\s+for)\b", re.IGNORECASE)
#: Those verbs, and the ones that take on a list item's field without naming it again ("Het Adrz en ZorgSaam
#: trekken dit thema", "A neemt hier het voortouw", "A og B står i spidsen", "A and B lead / take the lead").
_TAKES_ON = re.compile(_LEADS_FIELD.pattern + r"|\b(?:trekt|trekken|(?:neemt|nemen)\b[^.]{0,20}\bvoortouw|lead"
                       r"|take[ns]?\s+the\s+lead|står\s+i\s+spidsen)\b", re.IGNORECASE)


def item_sentence_leads(context: Context) -> None:
    """``- Zorg op afstand: thuismonitoring ... Het Adrz en ZorgSaam trekken dit thema.``: the actors before
    the verb of a later sentence on a list item's line coordinate the item's field."""
    for index in sorted(context.by_sentence):
        if not _same_line(context, index) or context.zones.get(index) != "body":
            continue
        item = index - 1
        while item > 0 and not LIST_ITEM.match(context.sentences[item].text) and _same_line(context, item):
            item -= 1
        fields = [k for c, k in context.mentions(item, "field") if c.rule == "heading-list"]
        verb = _TAKES_ON.search(context.sentences[index].text)
        if not fields or verb is None or not LIST_ITEM.match(context.sentences[item].text):
            continue
        cut = context.sentences[index].start + verb.start()
        for cand, key in context.mentions(index, "organisation", "cluster"):
            if cand.end <= cut:
                context.add("coordinates", key, fields[0], index, 0.65, "item-sentence-lead")


#: At most this many characters between the verb of leading and the field it leads.
_LEAD_GAP = 60


def actors_lead_fields(context: Context) -> None:
    """The actors that open a clause with an active verb of leading coordinate the field named right after
    the verb (see _LEADS_FIELD), when no other actor stands between."""
    for index, sentence, m in context.body_matches(_LEADS_FIELD):
        verb, verb_end = sentence.start + m.start(), sentence.start + m.end()
        clause = max(sentence.start, context.text.rfind(";", sentence.start, verb) + 1)
        agents = [k for c, k in context.mentions(index, "organisation", "cluster") if clause <= c.start and c.end <= verb]
        after = [(c, k) for c, k in context.mentions(index, "organisation", "cluster", "field") if c.start >= verb_end]
        gap = context.between(verb_end, after[0][0].start) if after else ""
        if not agents or not after or after[0][1][0] != "field" or len(gap) > _LEAD_GAP or len(gap.split()) > 5 \
                or re.search(r"[,;:()\n]", gap):  # "leads the Swedish pilot, which ... primary care": not its field
            continue
        for key in agents:
            context.add("coordinates", key, after[0][1], index, 0.6, "leads-field")


#: The verb of leading after a field that opens the clause, with the leading actor after it ("Das Feld X koordiniert
#: die Hochschule Hof", "Das Feld X leiten die Y-Kliniken", "federführend ist hier die Universität Z", "Für X ist
#: die Hochschule Y verantwortlich").
_LED_AFTER = re.compile(r"\b(?:koordiniert|koordinieren|leitet|leiten|verantwortet|verantworten|übernimmt|übernehmen"
                        r"|federführend\s+(?:ist|sind)|verantwortlich\s+(?:ist|sind)|(?:ist|sind))\s+(?:hier\s+|dabei\s+)?"
                        r"(?:der|die|das|dem|den)\s+$", re.IGNORECASE)
_RESPONSIBLE_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:verantwortlich|federführend|zuständig)\b", re.IGNORECASE)


def fields_led_after(context: Context) -> None:
    """German puts the field first and the actor after the verb: the first actor right after a verb of leading
    coordinates the fields named before the verb in its sentence, when no actor stands before them."""
    for index in sorted(context.by_sentence):
        if context.zones.get(index) != "body" or context.language != "de":
            continue
        sentence = context.sentences[index]
        actors = context.mentions(index, "organisation", "cluster")
        for cand, key in actors:
            lead = _LED_AFTER.search(context.text, max(sentence.start, cand.start - 40), cand.start)
            if lead is None or (lead.group().split()[0].lower() in ("ist", "sind")
                                and not _RESPONSIBLE_AFTER.match(context.text, cand.end, sentence.end)):
                continue  # "ist die X": a leader only where "verantwortlich" follows
            clause = max(sentence.start, context.text.rfind(";", sentence.start, lead.start()) + 1)
            fields = [k for c, k in context.mentions(index, "field") if c.end <= lead.start()]
            if not fields and clause > sentence.start:  # "Im Feld X sollen ...; federführend ist hier die Y"
                fields = [k for c, k in context.mentions(index, "field") if c.end <= clause]
            if fields and not any(c.end <= lead.start() for c, _ in actors):
                for fkey in dict.fromkeys(fields[:3]):
                    context.add("coordinates", key, fkey, index, 0.6, "field-led-after")
            break


# -- locatedIn and partOf -----------------------------------------------------------------------
#: A town's adjective before a word for a company or institution, right before the actor ("das Lübecker
#: Medizintechnikunternehmen X", "der Augsburger Roboterhersteller X") or in an apposition after it ("X, het
#: Enschedese technologiebedrijf"): the actor is in that town.
_KIND_OF_ACTOR = (r"[\w-]*(?:unternehmen|hersteller|firma|konzern|start-up|startup|klinikum|krankenhaus|hochschule"
                  r"|bedrijf|onderneming|fabrikant|ziekenhuis|hogeschool|virksomhed|producent)")
_TOWN_ADJECTIVE_BEFORE = re.compile(r"(?P<adjective>[A-ZÄÖÜ][\w-]+?(?:er|se))\s+" + _KIND_OF_ACTOR + r"\s+$")
_TOWN_ADJECTIVE_AFTER = re.compile(r"^,\s+(?:het|de|das|der|die|den|ein|eine|een|the)\s+(?P<adjective>[A-ZÄÖÜ][\w-]+?"
                                   r"(?:er|se))\s+" + _KIND_OF_ACTOR + r"\b")


def _town_adjective(context: Context, cand, names: dict):
    """The region key of the town whose adjective describes the actor (see _TOWN_ADJECTIVE_BEFORE), when
    the document names that town (``names``: region key -> its labels), else None."""
    m = _TOWN_ADJECTIVE_BEFORE.search(context.text, max(0, cand.start - 60), cand.start) \
        or _TOWN_ADJECTIVE_AFTER.match(context.text[cand.end:cand.end + 80])
    if m is None:
        return None
    adjective = m.group("adjective")
    stem = adjective[:-2]
    for town in (stem, stem + "e", stem + "en"):  # "Lübecker", "Enschedese", "Twentse"
        key = next((k for k, labels in names.items() if town in labels), None)
        if key is not None:
            return key
    return None


#: What a cross-border cluster spans, after its name: "X launched to connect", "X, which links", "X verbindet",
#: "X verbindt", "X forbinder", "X spanning".
_CONNECTS = re.compile(r"^\s*(?:,\s*(?:which|that|die|das|der|dat|som)\s+)?(?:\w+\s+){0,2}?(?:to\s+)?(?:connects?|connecting|links?"
                       r"|linking|spans?|spanning|bridges|verbindet|verbinden|verbindt|forbinder|forbinde)\s+"
                       r"(?:the\s+|die\s+|de\s+|het\s+)?$", re.IGNORECASE)


def locations(context: Context) -> None:
    """Region named in the actor's name; ``A in City``; address lines; "regional" actors."""
    regions = {k: e for k, e in context.entities.items() if k[0] == "region"}
    names = {k: {w for w in [e.label, *e.alt_labels]} for k, e in regions.items()}
    padded = {rkey: [f" {normalise_name(f)} " for f in forms if len(f) >= 2] for rkey, forms in names.items()}
    main = _main_region(context)
    for index, pairs in context.by_sentence.items():
        for cand, key in pairs:
            if key[0] not in ("organisation", "cluster"):
                continue
            words = f" {normalise_name(cand.label)} "
            within = {rkey: [f for f in forms if f in words] for rkey, forms in padded.items()}
            for rkey, forms in within.items():
                # "Gemeente Sittard-Geleen" lies in Sittard-Geleen, not in Geleen: a place inside a longer one goes
                if forms and not all(any(f in g and f != g for other in within.values() for g in other) for f in forms):
                    context.add("locatedIn", key, rkey, index, 0.75, "region-in-name")
            seated = None
            for rcand, rkey in context.mentions(index, "region"):
                if seated is not None and rcand.start >= seated and _AND_PLACE.match(context.between(seated, rcand.start)):
                    context.add("locatedIn", key, rkey, index, 0.65, "actor-in-region")  # "mit Sitz in A und B"
                    seated = rcand.end
                    continue
                seated = None
                if rcand.rule == "country-tag" and context.between(cand.end, rcand.start) == " (":
                    context.add("locatedIn", key, rkey, index, 0.75, "country-tag")  # "Region Skåne (SE)"
                elif rcand.start > cand.end and _SEAT_PHRASE.match(_after_name(context, cand.end, rcand.start)):
                    context.add("locatedIn", key, rkey, index, 0.7, "actor-seat")
                    seated = rcand.end
                elif key[0] == "cluster" and rcand.start > cand.end and _CONNECTS.match(context.between(cand.end, rcand.start)):
                    context.add("locatedIn", key, rkey, index, 0.65, "cluster-connects")  # "X launched to connect A and B"
                    seated = rcand.end
                elif rcand.start > cand.end and (_LOCATIVE.match(_after_name(context, cand.end, rcand.start)) or (
                        _APPOSITIVE_ARTICLE.match(context.between(cand.end, rcand.start))
                        and re.match(r"-(?:based|baseret|baserede)\b", context.text[rcand.end:rcand.end + 12]))):
                    context.add("locatedIn", key, rkey, index, 0.7, "actor-in-region")  # also "A, a Leeds-based firm"
                elif rcand.end < cand.start and _PLACE_BEFORE.match(context.between(rcand.end, cand.start)):
                    context.add("locatedIn", key, rkey, index, 0.7, "place-before-actor")
            town = _town_adjective(context, cand, names)
            if town is not None:
                context.add("locatedIn", key, town, index, 0.65, "town-adjective")  # "das Lübecker Unternehmen X"
            around = context.text[max(context.sentences[index].start, cand.start - 40):cand.start]
            after = context.text[cand.end:cand.end + 30]
            if main and context.zones.get(index) == "body" and (
                    _REGIONAL.search(around[-25:]) or re.match(r"\s*(?:als|as|som|,)\s+regional", after)):
                context.add("locatedIn", key, main, index, 0.55, "regional-actor")
    _addresses(context)
    _national_companies(context)
    _authorities(context)


def _authorities(context: Context) -> None:
    """"Provincie Flevoland", "gemeente Dronten", "Landkreis Leer": the authority that a place's mention
    also names (the resolver made it an organisation of that span) lies in that place."""
    spans = {}
    for key, entity in context.entities.items():
        if key[0] == "region":
            for m in entity.mentions:
                spans.setdefault((m.start, m.end), key)
    for key, entity in list(context.entities.items()):
        if key[0] != "organisation":
            continue
        for m in entity.mentions:
            place = spans.get((m.start, m.end))
            if place is not None:
                context.add("locatedIn", key, place, m.sentence, 0.75, "authority-of-place")
                break


#: A word for a company right before a name ("... virksomhed X", "... firm X", "... Unternehmen X"); the
#: words before it may hold a country's adjective ("den danske virksomhed X", "Slovenian health data
#: company X", "das dänische Unternehmen X", "het Duitse bedrijf X").
_COMPANY_BEFORE = re.compile(r"(?P<words>(?:[^\W\d_]+\s+){1,4})" + _COMPANY_WORDS + r"\s+$", re.IGNORECASE)
_ADJECTIVE_ENDING = re.compile(r"(?:ischen|ischer|ische|isch|sche|ian|ish|ese|ske|sk|se|ic|e|s)$")


def _national_companies(context: Context) -> None:
    """A company introduced by a country's adjective lies in that country, when the page names the
    country: the adjective without its ending opens one of the country's names ("danske" ->
    "Danmark", "Slovenian" -> "Slovenia", "Polish" -> "Poland")."""
    countries = {k: [n.casefold() for n in (e.label, *e.alt_labels)] for k, e in context.entities.items()
                 if k[0] == "region" and len(e.identifiers.get("iso3166", "")) == 2}
    for index, pairs in context.by_sentence.items() if countries else ():
        start = context.sentences[index].start
        for cand, key in pairs:
            m = _COMPANY_BEFORE.search(context.text[max(start, cand.start - 80):cand.start]) \
                if key[0] == "organisation" else None
            for word in reversed(m.group("words").split() if m else []):  # the nearest adjective first
                stem = _ADJECTIVE_ENDING.sub("", word.casefold())
                if stem == word.casefold() or len(word) < 5:
                    continue  # no adjective ("den", "large")
                stems = {s for s in (stem, stem[:-1]) if len(s) >= 3}
                found = [k for k, names in countries.items() if any(n.startswith(s) for n in names for s in stems)]
                if len(found) == 1:
                    context.add("locatedIn", key, found[0], index, 0.65, "national-company")
                    break


#: A bracketed abbreviation right after a name ("het Elisabeth-TweeSteden Ziekenhuis (ETZ) in Tilburg").
_BRACKETED = re.compile(r"^\s*\([^()\n]{1,15}\)")


def _after_name(context: Context, end: int, start: int) -> str:
    """The text between a name and what follows it, without a bracketed abbreviation of the name."""
    return _BRACKETED.sub("", context.between(end, start), count=1)


def _main_region(context: Context):
    counts = {}
    for pairs in context.by_sentence.values():
        for cand, key in pairs:
            if key[0] == "region":
                counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.get)
    return best if counts[best] >= 3 else None


def _addresses(context: Context) -> None:
    """``D-26123 Oldenburg`` in a contact block locates the organisation of that block."""
    for index, pairs in context.by_sentence.items():
        if context.zones.get(index) != "contact":
            continue
        for rcand, rkey in context.mentions(index, "region"):
            line_start = context.text.rfind("\n", 0, rcand.start) + 1
            if not _POSTCODE.search(context.text[line_start:rcand.start]):
                continue
            for other in range(index - 1, max(-1, index - 5), -1):
                orgs = context.mentions(other, "organisation", "cluster")
                if context.zones.get(other) != "contact":
                    break
                for _, key in orgs:
                    context.add("locatedIn", key, rkey, index, 0.85, "postal-address")


def part_of(context: Context) -> None:
    """Reference-data parents, and places listed in one sentence with the state they lie in."""
    regions = {k: e for k, e in context.entities.items() if k[0] == "region"}
    records = {}
    for pairs in context.by_sentence.values():
        for cand, key in pairs:
            if key[0] == "region" and cand.record is not None:
                records.setdefault(key, cand.record)
    by_record_key = {getattr(r, "key", None): k for k, r in records.items()}
    for key, record in records.items():
        parent = by_record_key.get(getattr(record, "parent", None))
        if parent and parent != key and parent in regions:
            context.add("partOf", key, parent, regions[key].mentions[0].sentence, 0.9, "gazetteer-parent")
    for index in context.by_sentence:
        here = context.mentions(index, "region")
        states = {k for c, k in here if getattr(c.record, "kind", "") == "subdivision"}
        if len(states) != 1:
            continue
        state = next(iter(states))
        state_cand, state_record = next((c, c.record) for c, k in here if k == state)
        if _NEIGHBOURING.search(context.text[max(0, state_cand.start - 30):state_cand.start]):
            continue  # "ein Austausch mit Partnern im benachbarten Hessen": another state than the places'
        lower = {k for c, k in here if getattr(c.record, "kind", "") in ("area", "city") and k != state
                 and _may_lie_in(c.record, state_record)
                 and ";" not in context.between(min(c.end, state_cand.end), max(c.start, state_cand.start))}
        if len(lower) >= 2:
            for key in lower:
                context.add("partOf", key, state, index, 0.6, "places-of-state")


def compositions(context: Context) -> None:
    """``Das Projekt wird in der Region Donau-Iller umgesetzt. Sie umfasst die Stadt Ulm und den Landkreis
    Biberach in Baden-Württemberg sowie die Landkreise Neu-Ulm und Günzburg in Bayern``: each place after
    the verb of composition is part of the region that is the sentence's subject (named before the verb,
    else the last region of the sentence before) and of the state named after its group ("in Bayern")."""
    from ingest.mentions import COMPOSED

    for index, sentence, verb in context.body_matches(COMPOSED):
        split = sentence.start + verb.start()
        here = context.mentions(index, "region")
        before = [k for c, k in here if c.end <= split]
        if not before and index and not any(c.end <= split for c, _ in context.mentions(index, "organisation", "cluster")):
            before = [k for _, k in context.mentions(index - 1, "region")][-1:]
        after = [(c, k) for c, k in here if c.start >= split + len(verb.group())]
        if not before or not any(c.rule == "district-part" for c, _ in after):
            continue
        whole, group = before[-1], []
        for cand, key in after:
            if getattr(cand.record, "kind", "") == "subdivision" and group and \
                    _IN_STATE.search(context.between(group[-1][0].end, cand.start)):
                for _, part in group:
                    context.add("partOf", part, key, index, 0.7, "composition-state")
                group = []
                continue
            if key != whole:
                group.append((cand, key))
                context.add("partOf", key, whole, index, 0.7, "composition")


#: What stands between the last place of a group and its state ("... und den Landkreis Biberach in").
_IN_STATE = re.compile(r"^\s*(?:in|im|i|en)\s+(?:der|dem|de|het)?\s*$", re.IGNORECASE)


#: Words for a neighbouring area ("im benachbarten Hessen", "neighbouring Wales", "het naburige Vlaanderen").
_NEIGHBOURING = re.compile(r"\b(?:benachbart\w*|angrenzend\w*|neighbou?ring|adjacent|naburig\w*|aangrenzend\w*"
                           r"|nabo\w*|tilstødende)\s+$", re.IGNORECASE)


def _may_lie_in(place, state) -> bool:
    """Can ``place`` lie in subdivision ``state``?  Not when reference data puts it in another country
    or another subdivision ("Die Region zwischen Aachen, Maastricht, Lüttich und Hasselt")."""
    parent = getattr(place, "parent", None) or ""
    country = (getattr(state, "iso3166", None) or "").split("-")[0]
    if parent.startswith("country:"):
        return not country or parent == f"country:{country}"
    if parent.startswith("subdivision:"):
        return parent == state.key
    return True


# -- focusesOn -----------------------------------------------------------------------------------
#: A preposition of means right before an actor ("... the health and care workforce, with new routes into clinical
#: roles through Gloucestershire College and the University of X"): named after every field of its sentence, the
#: actor is how the work is done, not what works in those fields.
_MEANS_BEFORE = re.compile(r"\b(?:through|via|durch|über|door|gennem|igennem)\s+(?:the\s+|die\s+|der\s+|de\s+|het\s+)?"
                           r"(?:[^\s,;]+\s+){0,6}?$", re.IGNORECASE)


def focus(context: Context) -> None:
    """Field in the actor's name; actor and field in one sentence; the page's cluster and its
    recurring fields; an agreement and the fields of its paragraph, passed on to what it founds."""
    fields = {k: e for k, e in context.entities.items() if k[0] == "field"}
    for index, pairs in context.by_sentence.items():
        if context.zones.get(index) == "chrome":
            continue
        here = [k for c, k in pairs if k[0] == "field"]
        # a list of three or more actors before the fields ("Med A, B og C tæller netværket ..., der arbejder med X"):
        # the fields are the cluster's; an actor named after a field ("im Handlungsfeld X ... A und B") keeps it
        listed = len({k for c, k in pairs if k[0] in ("organisation", "cluster")}) >= 3
        first_field = min((c.end for c, k in pairs if k[0] == "field"), default=len(context.text))
        last_field = max((c.end for c, k in pairs if k[0] == "field"), default=len(context.text))
        for cand, key in pairs:
            if key[0] in ("organisation", "cluster"):
                low = f" {cand.label.casefold()} "
                for fkey, entity in fields.items():
                    forms = [entity.label, *entity.alt_labels]
                    if any(len(f) >= 4 and f" {f.casefold()}" in low.replace(".", " ") for f in forms):
                        context.add("focusesOn", key, fkey, index, 0.7, "field-in-name")
                quote = any(k[0] == "person" for _, k in pairs) or context.has_verb(index, "speak")
                row = cells(context.sentences[index])  # a table row: its columns say whose field it is
                # the fields of an agreement sentence are the agreement's, not each party's
                agreed = bool(context.mentions(index, "agreement")) or context.has_verb(index, "sign")
                if context.zones.get(index) == "body" and not quote and not row and not agreed \
                        and not (listed and key[0] != "cluster" and cand.start < first_field) \
                        and not (cand.start > last_field
                                 and _MEANS_BEFORE.search(context.text, max(0, cand.start - 80), cand.start)):
                    for fkey in here:
                        context.add("focusesOn", key, fkey, index, 0.55, "actor-field-sentence")
    _topic_cluster(context)
    _agreement_fields(context)
    _referenced_cluster_fields(context)
    _subject_cluster_fields(context)
    _heading_list_fields(context)


def _heading_list_fields(context: Context) -> None:
    """``SYRTC works on three themes:`` / ``Das Netzwerk hat vier Handlungsfelder:`` over a list of
    fields: each listed field is the field of the cluster (else the organisation) the heading names
    or refers back to."""
    from ingest.member_rules import clusters_just_before, referenced_cluster

    for index, pairs in context.by_sentence.items():
        inline = [k for c, k in pairs if k[0] == "field" and c.rule == "heading-inline"]
        if inline and context.zones.get(index) == "body" and not any(k[0] in ("organisation", "cluster") for _, k in pairs):
            # "Schwerpunkte sind A, B und C" after a sentence about the cluster: its fields
            actor = referenced_cluster(context, index) or next(iter(clusters_just_before(context, index)), None)
            for fkey in [k for _, k in pairs if k[0] == "field"] if actor else []:  # a lexicon's field among them too
                context.add("focusesOn", actor, fkey, index, 0.6, "heading-inline-field")
        listed = [k for c, k in pairs if k[0] == "field" and c.rule == "heading-list"]
        if not listed or context.zones.get(index) != "body":
            continue
        heading = index - 1
        while heading >= 0 and (LIST_ITEM.match(context.sentences[heading].text) or _same_line(context, heading)
                                and not context.sentences[heading].text.rstrip().endswith(":")):
            heading -= 1  # "- Zorg op afstand: ... Het Adrz trekt dit thema.": the item's own second sentence too
        if heading < 0 or not context.sentences[heading].text.rstrip().endswith(":") \
                or WORK_STRUCTURE.search(context.sentences[heading].text):
            continue
        named = context.mentions(heading, "cluster") or context.mentions(heading, "organisation")
        actor = named[0][1] if named else referenced_cluster(context, heading)
        for fkey in listed if actor else []:
            context.add("focusesOn", actor, fkey, index, 0.65, "heading-list-field")
        for _, agreement in context.mentions(heading, "agreement"):  # "In der Vereinbarung haben die Partner drei
            for fkey in listed:  # Schwerpunkte festgelegt:": the agreement's fields too
                context.add("focusesOn", agreement, fkey, index, 0.6, "heading-list-agreement-field")


#: A verb of working on a topic ("arbejder med", "arbeitet an", "werkt aan", "works on", "richt zich op").
_WORKS_ON = re.compile(r"\b(?:arbejder\s+med|fokuserer\s+på|beskæftiger\s+sig\s+med|arbeitet\s+an|arbeiten\s+an"
                       r"|konzentriert\s+sich\s+auf|beschäftigt\s+sich\s+mit|werkt\s+aan|richt\s+zich\s+op"
                       r"|works?\s+on|focus(?:es)?\s+on|concentrates?\s+on|konzentrieren\s+sich\s+auf|richten\s+zich\s+op"
                       r"|fokusere\s+på|arbejde\s+med)\b", re.IGNORECASE)


def _subject_cluster_fields(context: Context) -> None:
    """``Klyngen blev stiftet af A, B og C og arbejder med X, Y og Z``: a sentence whose subject refers to a
    cluster (its opening words) and that names other actors too: the fields after its verb of working on a
    topic are the cluster's."""
    from ingest.member_rules import ANAPHOR, referenced_cluster

    for index, sentence, verb in context.body_matches(_WORKS_ON):
        opening = ANAPHOR.match(sentence.text) or re.match(r"^\W*(?:klyngen|netværket|alliancen|partnerskabet)\b",
                                                            sentence.text, re.IGNORECASE)
        cluster = referenced_cluster(context, index) if opening else None
        if cluster is None:
            continue
        for cand, key in context.mentions(index, "field"):
            if cand.start >= sentence.start + verb.end():
                context.add("focusesOn", cluster, key, index, 0.6, "subject-cluster-field")


def _same_line(context: Context, index: int) -> bool:
    """Does sentence ``index`` go on the line of the sentence before (no line break between them)?"""
    return index > 0 and "\n" not in context.between(context.sentences[index - 1].end, context.sentences[index].start)


#: A sentence that opens by stating a focus without naming whose ("Fokus er på", "Der Fokus liegt auf", "Im
#: Mittelpunkt stehen", "De focus ligt op", "The focus is on").
_FOCUS_OPENING = re.compile(r"^\W*(?:fokus\s+er\s+på|(?:der\s+)?(?:fokus|schwerpunkt)\s+liegt\s+auf|im\s+(?:fokus|mittelpunkt)"
                            r"\s+stehen|schwerpunkte\s+sind|de\s+focus\s+ligt\s+op|(?:the\s+)?focus\s+is\s+on"
                            r"|(?:the\s+)?priorities\s+are)\b", re.IGNORECASE)


def _referenced_cluster_fields(context: Context) -> None:
    """``Das Netzwerk soll die Medizintechnik voranbringen``, ``Het netwerk richt zich op A en B``:
    the fields of a body sentence that names no actor but refers back to a cluster."""
    from ingest.member_rules import referenced_cluster

    for index in sorted(context.by_sentence):
        if context.zones.get(index) != "body" or context.mentions(index, "organisation", "cluster", "person"):
            continue
        fields = [k for _, k in context.mentions(index, "field")]
        cluster = referenced_cluster(context, index) if fields else None
        if cluster is None and fields and index and _FOCUS_OPENING.match(context.sentences[index].text):
            # "Netværket blev stiftet af A og B. Fokus er på X, Y og Z": the focus of the cluster just named
            named = context.mentions(index - 1, "cluster")
            cluster = named[0][1] if named else referenced_cluster(context, index - 1)  # its subject, first
        for fkey in fields if cluster else []:
            context.add("focusesOn", cluster, fkey, index, 0.6, "referenced-cluster-field")


def _topic_cluster(context: Context) -> None:
    heading = None
    for s in context.sentences:
        if context.zones.get(s.index) != "body" or s.text.rstrip()[-1:] in ".!?:" or len(s.text.split()) > 10:
            continue
        clusters = context.mentions(s.index, "cluster")
        if clusters:
            heading = clusters[0][1]
            break
    if heading is None:
        return
    counts, first = {}, {}
    for index in sorted(context.by_sentence):
        if context.zones.get(index) != "body":
            continue
        text = context.sentences[index].text
        if LIST_ITEM.match(text) and len(text.split()) > 7:
            continue  # a long bullet describes measures, not the cluster's fields
        for cand, key in context.mentions(index, "field"):
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, index)
            if LIST_ITEM.match(text):
                counts[key] += 1
    for key, n in counts.items():
        if n >= 2:
            context.add("focusesOn", heading, key, first[key], 0.6, "page-cluster-field")


def _agreement_fields(context: Context) -> None:
    for index in sorted(context.by_sentence):
        for _, agr_key in context.mentions(index, "agreement"):
            para = context.paragraph[index]
            fields = [(i, k) for i in context.by_sentence if context.paragraph.get(i) == para and i >= index
                      for _, k in context.mentions(i, "field")]
            founded = [r.object for r in context.found.values() if r.kind == "establishes" and r.subject == agr_key]
            members = [r.subject for r in context.found.values() if r.kind == "memberOf" and r.object in founded]
            for where, fkey in fields:
                context.add("focusesOn", agr_key, fkey, where, 0.6, "agreement-paragraph-field")
                # a cluster that founds a cluster shares its field; a hospital, a town or a university that
                # signs a convenant does not thereby work on the convenant's fields
                for key in founded + ([m for m in members if m[0] == "cluster"] if len(fields) <= 2 else []):
                    context.add("focusesOn", key, fkey, where, 0.55, "founded-for-field")


def contact_coordination(context: Context) -> None:
    """A contact block headed "Servicestelle"/"Geschäftsstelle" names who runs the page's cluster."""
    clusters = [k for k in context.entities if k[0] == "cluster"]
    if not clusters:
        return
    counts = {k: len(context.entities[k].mentions) for k in clusters}
    topic = max(clusters, key=lambda k: counts[k])
    for s in context.sentences:
        if context.zones.get(s.index) == "contact" and _CONTACT_ROLE.match(s.text):
            for _, key in context.mentions(s.index + 1, "organisation"):
                context.add("coordinates", key, topic, s.index + 1, 0.7, "contact-office")


#: What joins two agents of one verb ("led by A and B", "von A und der B koordiniert", "von A gemeinsam mit der B").
#: Between two agents joined by a conjunction, perhaps after a relative clause on the first one that names
#: nothing ("ledes af A, der har sekretariatet på dansk side, og B", "led by A, which hosts the office, and B").
_AGENTS_AND = re.compile(r"^\s*(?:,\s*(?:der|die|das|som|which|who|that|dat|welke)\s[^,;.A-ZÀ-Þ]{1,60},)?"
                         r"\s*(?:and|und|en|og|sowie|as well as|(?:gemeinsam|zusammen) mit|together with|jointly with"
                         r"|samen met|sammen med)\s+(?:the|der|die|dem|den|de|het)?\s*$")


def _joined_agents(context: Context, actors, agent) -> list:
    """The agent of a passive verb and the actors joined to it by a conjunction."""
    out, last = [agent[1]], agent[0]
    for cand, key in actors:
        if cand.start > last.end and _AGENTS_AND.match(context.between(last.end, cand.start)):
            out.append(key)
            last = cand
    return out


def cluster_coordination(context: Context) -> None:
    """``A koordiniert das Netzwerk X``; ``Das Netzwerk X wird von A koordiniert``; ``The alliance
    is coordinated by A`` (the alliance named in the sentences before)."""
    for index in sorted(context.by_sentence):
        if context.zones.get(index) != "body" or not context.has_verb(index, "coordinate"):
            continue
        from ingest.actor_rules import region_bodies

        region_bodies(context, index)  # "De provincie Vlaams-Brabant trekt het X": the province's authority
        sentence = context.sentences[index]
        actors = context.mentions(index, "organisation", "cluster")
        agents = [(c, k) for c, k in actors if _AGENT.search(context.text[sentence.start:c.start][-12:])]
        targets = [(c, k) for c, k in context.mentions(index, "cluster")]
        if agents:
            agent = agents[0]
            if _PART_OF_PROJECT.search(context.text[sentence.start:agent[0].start]):
                continue  # "Den første arbejdspakke ledes af A": A leads a part, not the project
            led = [k for c, k in targets if c.end <= agent[0].start]
            if not led:
                from ingest.member_rules import referenced_cluster

                led = [k for k in [referenced_cluster(context, index, exclude=[agent[1]])] if k]
            if not led and index and _PRONOUN_START.match(sentence.text):  # "It will be coordinated by A"
                led = [k for _, k in context.mentions(index - 1, "cluster")][-1:] or [
                    k for k in [referenced_cluster(context, index - 1, exclude=[agent[1]])] if k]
            if not led and _DEFINITE_CLUSTER.search(context.text[sentence.start:agent[0].start]):
                led = _recent_cluster(context, index, _DEFINITE_CLUSTER.search(
                    context.text[sentence.start:agent[0].start]).group("word"))
            for key in led:
                for lead in _joined_agents(context, actors, agent):  # "jointly led by A and B": both lead it
                    context.add("coordinates", lead, key, index, 0.75, "cluster-led-by")
            continue
        verbs = wordlist("verbs", context.language, "coordinate")
        tokens = context.tokens(index)
        at = next((t for i, t in enumerate(tokens) if t.is_word and verbs.at(tokens, i)), None)
        if at is None:
            continue
        before = [(c, k) for c, k in actors if c.end <= at.start]
        subjects = [k for _, k in before]
        # one subject, or several joined by "og"/"and" ("A og B leder partnerskabet i fællesskab": both lead it)
        one_subject = len(set(subjects)) == 1 or len(before) > 1 \
            and _joined_agents(context, before, before[0]) == subjects
        objects = [k for c, k in targets if c.start >= at.end]
        if not objects and one_subject:
            from ingest.member_rules import referenced_cluster

            objects = [k for k in [referenced_cluster(context, index, exclude=subjects)] if k]
        for key in objects if one_subject else ():
            for lead in dict.fromkeys(subjects):
                context.add("coordinates", lead, key, index, 0.7, "actor-leads-cluster")


#: A part of a project that a partner leads ("Den første arbejdspakke", "work package 2", "Teilprojekt").
_PART_OF_PROJECT = re.compile(r"\b(?:arbejdspakke\w*|work ?packages?|arbeitspaket\w*|werkpakket\w*|teilprojekt\w*"
                              r"|delprojekt\w*|deelproject\w*|sub-?projects?|WP ?\d)\b", re.IGNORECASE)
#: A sentence opening with a pronoun for the thing named just before ("It will be coordinated by A").
_PRONOUN_START = re.compile(r"^\s*(?:it|es|het|det|den)\s", re.IGNORECASE)
_DEFINITE_CLUSTER = re.compile(r"\b(?:the|das|der|die|het|de|den|dieses|this)\s+"
                               r"(?P<word>alliance|network|cluster|partnership"
                               r"|consortium|netzwerk|bündnis|allianz|netwerk|alliantie|consortium|klynge|netværk)\b",
                               re.IGNORECASE)


def _recent_cluster(context: Context, index: int, word: str):
    for back in range(0, 4):
        found = [k for c, k in context.mentions(index - back, "cluster") if word.casefold() in c.label.casefold()]
        if found:
            return found[:1]
    return []


RULES = [field_coordination, field_item_leads, item_sentence_leads, actors_lead_fields, fields_led_after,
         cluster_coordination, locations,
         part_of, compositions, focus, contact_coordination]
