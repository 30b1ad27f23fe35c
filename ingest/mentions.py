"""All mention candidates of a document: regions and fields (:mod:`ingest.places`),
organisations, clusters, persons and agreements, with page chrome left out.

Overlaps are settled here: the longer span wins (an organisation whose name holds a city stays an
organisation), then the kind of higher priority.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ingest.actor_names import (appositives, copula_clusters, founded_names, listed_names,
                                 title_clusters)
from ingest.acting_names import acting_names
from ingest.actors import find_actors
from ingest.agreements import find_agreements, named_agreement
from ingest.candidates import Candidate, keep_longest, within_columns
from ingest.false_friends import COMMON_ZIPF, frequent, zipf
from ingest.model import Sentence
from ingest.name_spans import MUNICIPAL_ASSOCIATION, REGION_BODY, UNIT_OF
from ingest.persons import find_persons
from ingest.places import GERMAN_PLACE_BEFORE, find_places
from ingest.regions import NAME_TAIL
from ingest.records import profile_names
from ingest.tables import table_names
from ingest.tokens import danish_definite, legal_form_end, pattern, tokenize, wordlist

#: Which kind wins when two candidates cover exactly the same span.
PRIORITY = {"person": 6, "cluster": 5, "organisation": 4, "region": 3, "agreement": 2, "field": 1}


def find_mentions(text: str, language: str, sentences: list[Sentence],
                  zones: dict[int, str]) -> list[Candidate]:
    """Non-overlapping mention candidates of one document, in text order.

    Parameters
    ----------
    text : str
        The document text.
    language : str
        ISO 639-1 code.
    sentences : list of Sentence
        The document's sentences.
    zones : dict
        Sentence index -> "body", "contact" or "chrome" (:func:`ingest.boilerplate.classify`).
    """
    usable = [s for s in sentences if zones.get(s.index) != "chrome"]
    places = [c for c in find_places(text, language, sentences) if zones.get(c.sentence) != "chrome"]
    found: list[Candidate] = [c for c in places if c.rule != NAME_TAIL]
    for sentence in usable:
        tokens = tokenize(sentence)
        if not tokens:
            continue
        here = [(c.start, c.end) for c in places if c.sentence == sentence.index and c.kind == "region"]
        actors = find_actors(tokens, sentence.index, text, language, here)
        if zones[sentence.index] == "body":
            actors = [named_agreement(c, language) for c in actors]
        taken = [(c.start, c.end) for c in actors]  # a person's name may hold a place name ("Sofie")
        persons = find_persons(tokens, sentence.index, text, language, zones[sentence.index], taken)
        found += actors + persons
        if zones[sentence.index] == "body":
            found += find_agreements(tokens, sentence.index, text, language)
    found += listed_names(text, language, sentences, zones) + appositives(text, language, sentences, zones)
    found += title_clusters(text, language, sentences, zones) + copula_clusters(text, language, sentences, zones)
    found += (founded_names(text, language, sentences, zones) + table_names(text, language, sentences, zones)
              + profile_names(text, sentences, zones))
    kept = keep_longest(within_columns(found), PRIORITY)
    tails = [c for c in places if c.rule == NAME_TAIL]  # "Digital Isle of Man": a place that ends a name
    kept = keep_longest(kept + acting_names(kept + tails, text, language, sentences, zones), PRIORITY)
    kept = translated_names(introduced_short_names(_no_role_units(_no_short_org_persons(kept), text, language), text,
                                                   sentences, language),
                            text, language)
    kept = unit_short_names(kept, text)
    kept = bracketed_names(keep_longest(kept + repeated_names(kept, text, sentences, zones, language), PRIORITY), text)
    return district_parts(kept, sentences, language)


#: A region's composition: the verb after which its parts are listed ("Die Region umfasst die Landkreise
#: A und B", "Regionen omfatter kommunerne A og B", "The region covers A and B").
COMPOSED = re.compile(r"\b(?:umfasst|umfassen|gehören|omfatter|omvat|omvatten|comprises|covers|includes|består af"
                      r"|bestaat uit|besteht aus)\b", re.IGNORECASE)
#: The subject of such a sentence when it is a region: a pronoun or a word for an area.
_AREA_SUBJECT = re.compile(r"^\W*(?:sie|es|die region|das gebiet|der raum|the region|the area|it|de regio|het gebied"
                           r"|die|deze|regionen|området|den)\b", re.IGNORECASE)
#: Words that name a district or town as a body or as a place ("Landkreis X", "Alb-Donau-Kreis", "Stadt X").
_DISTRICT = re.compile(r"^(?:Landkreis|Kreis|Stadt|Gemeinde|" + MUNICIPAL_ASSOCIATION + r"|gemeente|kommune)\b|[Kk]reis$"
                       r"|\b(?:Kommune|County)$")


#: German district and town words, and what puts them as places: "im Kreis Pinneberg", "aus Memmingen und
#: dem Landkreis Günzburg", "in der Stadt Ulm", "Zandt (Landkreis Cham)".
_GERMAN_DISTRICT = re.compile(r"^(?:Landkreis|Kreis|Stadt)\b|[Kk]reis$")


def district_parts(found: list[Candidate], sentences: list[Sentence], language: str) -> list[Candidate]:
    """``Die Region Donau-Iller umfasst die Stadt Ulm, den Alb-Donau-Kreis und den Landkreis Biberach``:
    after a verb of composition whose subject is a region, districts and towns are places, parts of it
    (:func:`ingest.topic_rules.part_of`), not the councils that govern them; so is a German district or
    town after a locative preposition ("die Regio Kliniken im Kreis Pinneberg")."""
    from ingest.regions import area_record, lookup_region

    out, verbs = [], {}
    for cand in found:
        sentence = sentences[cand.sentence]
        if cand.kind == "organisation" and sentence.index not in verbs:
            verbs[sentence.index] = COMPOSED.search(sentence.text)
        verb = verbs.get(sentence.index)
        composed = verb and sentence.start + verb.end() <= cand.start and (_AREA_SUBJECT.match(sentence.text) or any(
            c.kind == "region" and c.sentence == cand.sentence and c.end <= sentence.start + verb.start() for c in found))
        before = sentence.text[:cand.start - sentence.start]
        placed = _GERMAN_DISTRICT.search(cand.label) and (GERMAN_PLACE_BEFORE.search(before) or before.endswith(" (") and any(
            c.end == cand.start - 2 and c.kind != "person" for c in found))
        # "Zandt (Landkreis Cham)", "RKH Kliniken (Landkreis Ludwigsburg)"; "Landrat X (Landkreis Y)" speaks for the body
        if cand.kind == "organisation" and _DISTRICT.search(cand.label) and (composed or placed):
            record = lookup_region(cand.label, language) or area_record(cand.label, language)
            aliases = {a for a in cand.aliases if _DISTRICT.search(a)}  # not the bare town: a district is no town
            if not _DISTRICT.search(cand.text) and cand.text not in record.alt_labels:
                # "die Landkreise Neu-Ulm und Günzburg": the text calls the district by the town's name
                record = replace(record, alt_labels=(*record.alt_labels, cand.text))
            cand = Candidate("region", cand.start, cand.end, cand.text, cand.sentence, cand.label, "district-part",
                             0.7, aliases, "", record)
        out.append(cand)
    return out


def bracketed_names(found: list[Candidate], text: str) -> list[Candidate]:
    """``Uniwersytet X (Universität X)``: an organisation's name in brackets right after another is
    the same actor in another language; each name becomes the other's alias."""
    actors = [c for c in found if c.kind in ("organisation", "cluster")]
    for a, b in zip(actors, actors[1:]):
        if a.sentence == b.sentence and text[a.end:b.start] == " (" and text[b.end:b.end + 1] == ")" \
                and not _GERMAN_DISTRICT.search(b.label) \
                and not any(b.label in c.aliases for c in actors if c.sentence == a.sentence and c.end <= a.start):
            # not "RKH Kliniken (Landkreis Ludwigsburg)": the seat; not "Institut for X på Danmarks Tekniske
            # Universitet (DTU X)": the short name of the unit before (unit_short_names)
            a.aliases.add(b.label)
            b.aliases.add(a.label)
    return found


#: A unit's short name in brackets after its parent's name: the parent's initials and words of the unit
#: ("Institut for Sundhedsteknologi på Danmarks Tekniske Universitet (DTU Sundhedsteknologi)").
_UNIT_SHORT = re.compile(r" \((?P<initials>[A-ZÆØÅÄÖÜ]{2,6})(?P<words>(?: [\w-]+){1,3})\)")


def unit_short_names(found: list[Candidate], text: str) -> list[Candidate]:
    """``Unit på Parent (PA Unitword)``: a short name made of the parent's initials and the unit's own
    words, or their beginnings ("(DTU Health Tech)"), is the unit's, not the parent's, though it
    stands after the parent."""
    actors = sorted((c for c in found if c.kind in ("organisation", "cluster")), key=lambda c: c.start)
    for unit, parent in zip(actors, actors[1:]):
        short = _UNIT_SHORT.match(text, parent.end)
        if not short or unit.sentence != parent.sentence or not UNIT_OF.match(text[unit.end:parent.start]):
            continue
        initials = "".join(w[0] for w in parent.label.split() if w[:1].isupper())
        words = short.group("words").split()
        own = unit.label.split()
        if short.group("initials") == initials and all(any(u.startswith(w) for u in own) for w in words):
            name = " ".join([short.group("initials"), *words])
            unit.aliases.add(name)
            parent.aliases.discard(name)
    return found


#: Words that give an actor's short name without brackets ("X, kurz PDN", "X, known as WTA").
_SHORT_FOR = (r"(?:kurz|abgekürzt|short|(?:also\s+|better\s+)?known\s+as|afgekort|kortweg|ook\s+wel|kort|forkortet"
              r"|også\s+kaldet|kaldet)")
#: A short name: a capitalised word of 2 to 10 letters, digits, '&' or '-' with another capital.
_SHORT = r"(?P<short>[A-ZÄÖÜÆØÅ](?=[\w&-]*[A-ZÄÖÜÆØÅ])[\w&-]{1,9})(?![\w&-])"
_SHORT_AFTER = re.compile(r"\s*[,(]\s*" + _SHORT_FOR + r"\s*:?\s*" + _SHORT)
#: The same words before a short name of several words, which the name finders found.
_SAID_SHORT = re.compile(r"\s*[,(]\s*" + _SHORT_FOR + r"\s*:?\s*")
#: "The network, known as WTA, ...", "Das Netzwerk, kurz PDN, ...": the short name of a cluster named before.
_SHORT_OF_DEFINITE = re.compile(r"^\W*(?:the|das|der|die|het|de)?\s*(?P<noun>\w+)\s*,\s*" + _SHORT_FOR + r"\s*:?\s*"
                                + _SHORT, re.IGNORECASE)


def introduced_short_names(found: list[Candidate], text: str, sentences: list[Sentence],
                           language: str) -> list[Candidate]:
    """A short name given without brackets becomes another name of its actor: right after the name
    ("Netzwerk Pflege Digital Nord, kurz PDN"), or after a definite cluster noun that refers back to
    the cluster named last ("... joined the Welfare Technology Arena. The network, known as WTA, ...")."""
    clusters = wordlist("cluster_words", language)
    starts = {c.start: c for c in found if c.kind in ("organisation", "cluster")}
    for cand in found:
        if cand.kind in ("organisation", "cluster"):
            after = _SHORT_AFTER.match(text, cand.end)
            if after:
                cand.aliases.add(after.group("short"))
            elif (said := _SAID_SHORT.match(text, cand.end)) and (short := starts.get(said.end())) is not None:
                cand.aliases.add(short.label)  # "die Bergische Struktur- und ... mbH, kurz Bergische Gesellschaft,"
                short.aliases.add(cand.label)
    for sentence in sentences:
        referring = _SHORT_OF_DEFINITE.match(sentence.text)
        if not referring or not _cluster_noun(referring.group("noun"), clusters):
            continue
        before = [c for c in found if c.kind == "cluster" and c.end <= sentence.start]
        if before:
            max(before, key=lambda c: c.end).aliases.add(referring.group("short"))
    return found


_ROLE_COMMA = re.compile(r"(?P<role>[^\W\d_][\w-]*)\s*,\s*$")
_AT_ORGANISATION = re.compile(r"^\s+(?:i|at|bei|bij|hos|ved|in|for)\s+(?:the\s+|der\s+|dem\s+|de\s+|het\s+)?[A-ZÆØÅÄÖÜ]")


def _no_short_org_persons(found: list[Candidate]) -> list[Candidate]:
    """``For Hywel Dda, director of therapies X said``: a "person" whose whole name opens an organisation's
    name on the page ("Hywel Dda University Health Board") is that organisation's short name, though its first
    word is a given name; so is one that an organisation's head names elsewhere on the page ("de hogeschool
    Thomas More" before "Thomas More, met opleidingen ...")."""
    names = [c.label for c in found if c.kind in ("organisation", "cluster")]
    out = []
    for cand in found:
        if cand.kind == "person" and " " in cand.label and cand.rule != "title-name" and any(
                n.startswith(cand.label + " ") or n == cand.label for n in names):
            cand = Candidate("organisation", cand.start, cand.end, cand.text, cand.sentence, cand.label,
                             "short-of-name", cand.confidence)
        out.append(cand)
    return out


def _no_role_units(found: list[Candidate], text: str, language: str) -> list[Candidate]:
    """``Director, Clinical Partnerships i Coloplast``: words between a role and the organisation it
    is held at name a unit of that organisation, not a cluster of their own."""
    roles = wordlist("roles", language)
    out = []
    for cand in found:
        role = _ROLE_COMMA.search(text, max(0, cand.start - 40), cand.start) if cand.kind == "cluster" else None
        if role and roles.word(role.group("role")) and _AT_ORGANISATION.match(text[cand.end:cand.end + 30]):
            continue
        out.append(cand)
    return out


#: A language and a naming phrase right before a name: "der på tysk får navnet X", "auf Englisch heißt es X",
#: "in English called X", "in het Duits genaamd X".
_IN_LANGUAGE = re.compile(
    r"\b(?:på|auf|in|op)\s+(?:het\s+|the\s+)?(?:tysk|dansk|engelsk|nederlandsk|hollandsk|svensk|norsk|deutsch|dänisch|englisch"
    r"|niederländisch|german|danish|english|dutch|swedish|norwegian|duits|deens|engels|zweeds|noors)\s+"
    r"(?:\w+\s+){0,3}?(?:navnet|namen|name|naam|heißt|heet|hedder|called|named|genaamd|genannt|kaldet)\s+$",
    re.IGNORECASE)


def translated_names(found: list[Candidate], text: str, language: str) -> list[Candidate]:
    """``et fælles netværk, der på tysk får navnet X``: X is the name in another language of the
    cluster (or organisation) named last before it, not one with a legal form (a company's name is
    not translated); each name becomes the other's alias."""
    legal = legal_form_end(language)
    actors = [c for c in found if c.kind in ("organisation", "cluster")]
    for n, cand in enumerate(actors):
        if not _IN_LANGUAGE.search(text, max(0, cand.start - 80), cand.start):
            continue
        before = [c for c in actors[:n] if c.kind == cand.kind and c.label != cand.label and not legal.search(c.label)]
        if before:
            before[-1].aliases.add(cand.label)
            cand.aliases.add(before[-1].label)
    return found


def _cluster_noun(word: str, clusters) -> bool:
    """Is ``word`` a cluster noun, also in its Danish definite form ("netværket", "klyngen")?"""
    return bool(clusters.word(word)) or danish_definite(word, clusters)


#: A cluster name made of a descriptive compound and a proper name ("Medizintechnik-Netzwerk MedTech Saar").
_DESCRIBED = re.compile(r"^\w+-(?i:netzwerk|cluster|netwerk|netværk|network|allianz|bündnis|verbund|klynge)\s+(.+)$"
                        # "Versorgungsverbund HerzNetz Mitteldeutschland": a compound, then a name with an inner capital
                        r"|^\w{3,}(?i:netzwerk|cluster|netwerk|netværk|allianz|bündnis|verbund|klynge)\s+"
                        r"(\w*[a-zäöüæøå][A-ZÄÖÜÆØÅ]\w*\s.+|[A-ZÄÖÜÆØÅ]{2,}\s.+)$")


def _coined(name: str, language: str, floor: float = 0.0) -> bool:
    """A one-word name that no dictionary of the text's language or English knows (below ``floor``) and no
    gazetteer holds ("Interzorg", "Icare", "Cortronik"): found alone again, it still names the actor."""
    from ingest.regions import lookup_region

    if not (len(name) >= 5 and name.isalpha() and name[0].isupper() and not frequent(name, language, floor or _COINED_ZIPF)
            and lookup_region(name, language) is None):
        return False
    lists = [wordlist(kind, language) for kind in ("cluster_words", "org_heads", "descriptors", "agreement_words")]
    return not any(words.word(name) or danish_definite(name, words) for words in lists)  # "Partnerskabet"


#: Below this frequency a word after a head ("Hogeschool Inholland") is a name of its own, also found alone.
_NAME_AFTER_HEAD_ZIPF = 3.0
#: Below this frequency (per billion words, log10) a word is no word of the language.
_COINED_ZIPF = 2.7


def repeated_names(found: list[Candidate], text: str, sentences: list[Sentence],
                   zones: dict[int, str], language: str = "und") -> list[Candidate]:
    """Later uses of an actor's name found above, where no pattern marked them ("Welfare Tech"
    in a contact line after "klyngeorganisationer ... Welfare Tech"), also without its legal form
    ("Vivameta" after "Vivameta GmbH" when the word is no common word)."""
    from ingest.gazetteer import gazetteer  # the gazetteer's module reads names through this one

    names, common = {}, {}
    legal_end = legal_form_end(language)
    heads = wordlist("org_heads", language)
    # "Danmarks Tekniske Universitet (DTU)": an abbreviation another name spells out is not the short
    # name of "DTU Science Park"
    spelled = {a for c in found for a in c.aliases if a.isupper() and not c.label.startswith(a + " ")}
    for cand in found:
        bare = legal_end.sub("", cand.label) if cand.rule == "legal-form" else cand.label
        if (bare != cand.label and len(bare) >= 5 and bare.isalpha() and bare[0].isupper()
                and zipf(bare, language) < COMMON_ZIPF):
            names.setdefault(bare, cand)
        first, *rest = bare.split() if cand.rule == "legal-form" and " " in bare else [""]
        if len(first) >= 4 and first.isalpha() and first[0].isupper() and not first.isupper() \
                and zipf(first, language) >= COMMON_ZIPF and all(heads.word(w) for w in rest):
            # "Tryg" after "Tryg Forsikring A/S" (a brand and a head) names the company too, though "tryg" is a word:
            # where a sentence does not open with it and no other capitalised word follows, the capital says so
            common.setdefault(first, cand)
            cand.aliases.add(first)
        acronym, *rest = cand.label.split() if cand.kind == "organisation" and " " in cand.label else [""]
        if len(acronym) >= 3 and acronym.isalpha() and acronym.isupper() and heads.word(rest[0]) \
                and acronym not in spelled:
            cand.aliases.add(acronym)  # "der WIGOS" after "WIGOS Wirtschaftsförderungsgesellschaft ... mbH"
        words = cand.label.split()
        if cand.kind == "organisation" and cand.rule == "organisation-head" and len(words) == 2 and language != "de" \
                and heads.word(words[0]) not in (None, "hospital", "district", "authority") \
                and not REGION_BODY.match(words[0].capitalize()) and gazetteer().town(words[1]) is None \
                and _coined(words[1], language, _NAME_AFTER_HEAD_ZIPF):
            cand.aliases.add(words[1])  # "Inholland" after "Hogeschool Inholland": the name without its head (German
            # names a centre or clinic after its area: "Gesundheitszentrum Außerfern")
            names.setdefault(words[1], cand)
        described = _DESCRIBED.match(cand.label) if cand.kind == "cluster" else None
        core = described and (described.group(1) or described.group(2))
        if core and " " in core:  # "Medizintechnik-Netzwerk MedTech Saar" is "MedTech Saar"
            cand.aliases.add(core)
        if cand.kind in ("organisation", "cluster"):
            for name in {cand.label, bare} | cand.aliases:  # "Foyle Clinical Research" after "... CIC"
                if len(name) >= 4 and (" " in name or any(c.isupper() for c in name[1:])) \
                        or len(name) == 3 and name.isupper() and name.isalpha() \
                        or _coined(name, language):  # "der UMG" after "(UMG)"; "Interzorg", "Icare"
                    names.setdefault(name, cand)
    out = []
    for name, source in [*names.items(), *((n, c) for n, c in common.items() if n not in names)]:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            sent = next((s for s in sentences if s.start <= m.start() and m.end() <= s.end), None)
            if sent is None or zones.get(sent.index) == "chrome":
                continue
            if name in common and name not in names and (not text[sent.start:m.start()].strip(" »«\"„“")
                                                          or re.match(r"\s+[A-ZÆØÅÄÖÜ]", text[m.end():m.end() + 2])):
                continue  # a common word opening the sentence, or the first word of another name
            out.append(Candidate(source.kind, m.start(), m.end(), m.group(), sent.index, name,
                                 "repeated-name", 0.75, head=source.head))
    return out
