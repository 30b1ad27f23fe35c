"""How an organisation or cluster name grows around its anchor: which tokens may join it.

:class:`NameSpans` holds one sentence's tokens and the lexicon word lists, and the tests and
extensions that every finder of :mod:`ingest.actors` uses: is a word a name word, may it stand
left of a head, how far a name runs to the right of its head (connectors, enumerations after
``für``/``of``, German common-noun shapes), a bracketed abbreviation after a name.  The finders
(what anchors a name: legal form, head word, descriptor, naming phrase, signatory list) stay in
:mod:`ingest.actors`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.candidates import Candidate, clean_label
from ingest.false_friends import COMMON_ZIPF, zipf
from ingest.tokens import AND_WORDS, CALENDAR, NUMBER_WORDS, QUOTES_CLOSE, QUOTES_OPEN, Token, pattern, wordlist

#: A local place name is this frequent in its own language and rarer than _FOREIGN_ZIPF in English.
_LOCAL_NAME_ZIPF, _FOREIGN_ZIPF = 3.5, 2.5
#: Link words of partners' own names in Italian, Polish, Czech and Portuguese ("Università degli Studi di
#: Catania", "Uniwersytet Medyczny we Wrocławiu", "Fakultní nemocnice v Motole", "Universidade do Porto") and
#: Icelandic ("Sjúkrahúsið á Akureyri"); not "da", "das", which are Danish and German words.
FOREIGN_LINKS = frozenset({"di", "degli", "della", "del", "dei", "delle", "w", "we", "á", "v", "ve", "do", "dos"})
#: Words that may join the parts of a name after its head ("Kamer van Koophandel").
INNER = {"für", "fur", "van", "voor", "for", "of", "zur", "zum", "de", "du", "des", "der", "in",
         "i", "on", "and", "und", "og", "en", "&", "am", "an", "und", ",", "the", "zu", "op", *FOREIGN_LINKS}
#: Those and the Danish "af" after a head ("Foreningen af Danske Privathospitaler"); not left of a head, where
#: "af" is the signing verb's "by" ("underskrevet af Bispebjerg og Frederiksberg Hospital"); and the Dutch "aan de"
#: of a river or coast ("Innovatienetwerk Zorg aan de Waterweg").
RIGHT_INNER = INNER | {"af", "aan"}
#: Of those, the ones that may stand between name words left of a legal form.
LEFT_INNER = {"für", "van", "voor", "for", "of", "zur", "zum", "am", "an", "im", "&", "-"}
#: Enumerations inside a name are only allowed after a preposition ("für Arbeit, Gesundheit und ...").
_LIST_JOINERS = {",", "und", "and", "og", "en", "&"}
NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "tät", "ismus", "nis", "ment", "ik", "e", "en",
                 "er", "um", "ie", "ur", "el")
#: Links from a unit to the institution it belongs to ("der Hochschule Y", "van het LUMC").
_GENITIVE = {"der", "des", "van"}
#: Head classes of units ("Institut", "Zentrum", "Abteilung", "Lehrstuhl", "Fakultät", "afdeling").
UNIT_HEADS = frozenset({"institute", "unit", "other"})
#: What joins a unit to its parent: "Institut X der Hochschule Y", "lectoraat X van de Y", "Department of
#: X at (the) Y", "Klinik X am Klinikum Y", "Institut for X ved Y", "X, Y".
UNIT_OF = re.compile(r"^\s*(?:am|an\s+der|im|der|des|van\s+(?:de|het)|at|of|ved|på|,)\s*(?:the\s+)?$", re.IGNORECASE)
#: Prepositions after which a name may enumerate ("Ministerium für Arbeit, Gesundheit und Soziales").
_ENUMERATING = {"für", "fur", "for", "of", "voor", "van", "zur", "zum"}
#: Head classes whose name may be the head and one common noun after "für" ("Hochschule für
#: Gesundheit", "Ministerium für Gesundheit"), where a network's would be a description.
_INSTITUTIONS = {"university", "ministry", "hospital", "chamber", "institute", "unit"}
#: German articles that may follow "für" inside a name ("Caritasverband für das Bistum Essen e.V.").
_ARTICLES = {"das", "die", "den", "der", "dem"}
#: German articles, possessives and demonstratives: "mit ihrem Institut für X" names the institute.
_DETERMINER = re.compile(r"^(?:d(?:er|ie|as|en|em|es)|ihr|sein|unser|euer|mein|dein|dies|jen|dess|welch)\w*$")
#: German indefinite articles: "ein regionales Netzwerk für X" describes, it does not name.
INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
#: Titles that open a person's name after a comma ("University of X, Dr Y").
_PERSON_TITLES = {"Dr", "Prof", "Professor", "Mr", "Mrs", "Ms", "Sir", "Dame", "dr", "prof", "Univ"}
#: Abbreviations of "Saint" in place names ("St. Gallen", "St. Pölten", "Ste. Marie").
SAINT = {"St", "Ste", "Sta", "Skt"}
_SAINTS = SAINT | {"Saint", "Sankt"}
#: Particles of a surname after a given name in an institution's name ("Klinikum Ernst von Bergmann").
_NAME_PARTICLES = {"von", "van", "zu"}
#: Words between a town and an English council's head ("Craigavon Borough Council", "Armagh City").
_COUNCIL_TYPES = {"Borough", "District", "County", "City", "Town", "Metropolitan"}
#: Words between the towns and the head of an English hospital trust's name ("York and Scarborough Teaching
#: Hospitals", "Leeds and York Partnership NHS Foundation Trust", "Hampshire and Isle of Wight Integrated Care Board").
_TRUST_WORDS = {"Teaching", "University", "Community", "Partnership", "General", "Healthcare", "Integrated", "Care"}
#: Words that open an integrated-care body's head after the areas it serves ("NHS Kent and Medway ICB").
_INTEGRATED_CARE = {"Integrated", "ICB", "ICS"}
#: The words that end an English trust's name after its areas ("Warwickshire NHS Trust", "... NHS Foundation Trust").
_TRUST_TAIL = _TRUST_WORDS | {"NHS", "Trust", "Foundation"}
#: Last words of an area's name ("Thames Valley", "Western Isles").
_AREA_WORDS = {"Valley", "Coast", "Islands", "Isles", "Highlands", "Dales", "Vale"}
#: Lower-case words inside a city's name ("Newcastle upon Tyne", "Frankfurt am Main", "Halle an der Saale",
#: "Bergen op Zoom", "Wijk bij Duurstede", "Alphen aan den Rijn").
PLACE_LINKS = frozenset({"upon", "am", "an", "der", "on", "aan", "sur", "op", "bij", "den"})
#: A number that names a cluster after its word ("Gesundheitscluster 38", "Netzwerk 4.0"); not a year, and not a
#: count of what follows ("das Cluster 31 Mitglieder", "the network's 40 members").
_NAME_NUMBER = re.compile(r"\d{1,3}|\d\.0")
_COUNTED = frozenset({"members", "partners", "organisations", "organizations", "mitglieder", "partner", "leden",
                      "medlemmer", "partnere", "deelnemers", "teilnehmer", "deltagere"})
#: English words of a street or site, which a possessive before them does not bring into a name.
_STREET_WORDS = frozenset({"Road", "Street", "Lane", "Avenue", "Drive", "Way", "Campus", "Site", "site", "campus"})
#: Capitalised surname particles inside a name left of its head ("Admiraal De Ruyter Ziekenhuis", "Het Van
#: Weel-Bethesda Ziekenhuis"); in lower case they are articles and prepositions as often ("in Enschede de
#: Twentse Zorgtechnologie Alliantie opgericht", "Rob Jansen van Isala Ziekenhuis").
_PARTICLES = {"De", "Van", "Von", "Ter", "Ten", "Le", "La", "Den", "Der", "Vander", "Vanden"}
#: German words rarer than this (Zipf frequency) that are not shaped like nouns are brands.
BRAND_ZIPF = 3.2
#: Endings of German adjectives left uninflected after a noun in a brand-like name ("Pflege digital",
#: "Gesundheit vernetzt", "Reha aktiv").
PLAIN_ADJECTIVE = ("al", "iv", "ell", "vernetzt", "mobil")
_ADJECTIVE_ENDINGS = ("e", "er", "en", "es", "em", "ische", "ischen", "ischer", "isches")
#: Capitalised German adjectives inside a name, before their noun ("und Regionale Entwicklung").
NAME_ADJECTIVES = ("ale", "ische", "iche", "ige", "igen", "ive", "are", "lose", "ndte", "ierte", "lichen", "ischen", "alen")
#: German names of parts of a country: a compass or Ober/Nieder/Mittel prefix on a capital-less
#: place word ("Oberfranken", "Westböhmen", "Ostholstein", "Niederrhein", "Mittelhessen"); common
#: nouns of that shape end like nouns ("Niederlassung", "Oberfläche", "Westseite") or are listed.
_REGIONAL = re.compile(r"(?:Nord|Süd|Ost|West|Ober|Nieder|Mittel)(?!(?:stand|punkt|arzt|ärztin|haupt|küste|teil|bürgermeister|schrift|"
                       r"rand)$)[a-zäöüß]{4,}(?<!ung)(?<!eit)(?<!aft)(?<!ion)(?<!nis)(?<!ent)(?<!e)(?<!ik)")


#: Adjectives of a country or region by their ending ("Duitse", "Limburgse", "Belgische",
#: "niederländische", "danske", "Scottish"): before a common noun they describe, they name nothing.
_PLACE_ADJECTIVE = {
    "nl": re.compile(r"[^\W\d_]{3,}(?:se|sche)"), "de": re.compile(r"[^\W\d_]{3,}(?:isch|ische|ischen|ischer|isches)"),
    "da": re.compile(r"[^\W\d_]{3,}(?:sk|ske)"), "en": re.compile(r"[^\W\d_]{3,}(?:ish|ian|ese|ean)|German|Dutch|Danish"),
}


def place_adjective(word: str, language: str, strict: bool = False) -> bool:
    """Is ``word`` shaped like an adjective of a country or region in ``language``?  ``strict``:
    only one made from a place of the gazetteer or a country adjective of the lexicon ("Limburgse",
    "Duitse"), not any word of that shape ("Technische", "Medizinische")."""
    shape = _PLACE_ADJECTIVE.get(language)
    if not strict:
        return bool(shape and shape.fullmatch(word)) or _made_from_place(word)
    return _made_from_place(word)


def _made_from_place(word: str) -> bool:
    from ingest.gazetteer import gazetteer
    from ingest.lexicon import words

    adjectives = {row.form.casefold() for row in words("region_words", "adjective")}
    for ending in ("sche", "se", "ische", "isch", "ischen", "ske", "sk", "er", "e", "en", "es"):
        stem = word[:-len(ending)] if word.endswith(ending) else ""
        if len(stem) < 3:
            continue
        if stem.casefold() in adjectives or stem.casefold() + "e" in adjectives:
            return True
        if ending not in ("e", "en", "es", "er") and (gazetteer().forms.get(stem) or gazetteer().forms.get(stem + "e")):
            return True
    return False


#: "Name (Other Name, ABBR)": the name in another language and its abbreviation, in brackets.
_OTHER_NAME = re.compile(r" \((?P<name>[A-ZÀ-Þ][\w&'’-]*(?: [\w&'’-]+){1,6}),\s*(?P<abbr>[A-ZÀ-Þ][A-ZÀ-Þ0-9&-]{1,9})\)")
#: "Name (in Duitsland: Other Name)": a translation of the name in brackets.
#: An abbreviation of two capitalised parts ("PIN OWL", "TH OWL").
_SPACED_ABBREVIATION = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9&-]+ [A-ZÄÖÜ][A-ZÄÖÜ0-9&-]+")
#: Two to four words in brackets right after a name, a candidate short name.
#: Lower-case words after a name, then its abbreviation in brackets ("Gesundheitsnetzwerk Ilmtal digital (GID)").
_LOWER_THEN_ABBREVIATION = re.compile(r"((?: [a-zà-ÿ][\w-]*){1,2}) \(([A-ZÀ-Þ][\w&-]{1,9})\)")
_SHORT_NAME = re.compile(r" \(([A-ZÀ-Þ][\w&'’-]*(?: [\w&'’-]+){1,3})\)")
#: Link words a bracketed short name may hold ("IHK zu Rostock").
_SHORT_LINKS = {"zu", "für", "van", "voor", "of", "for", "i", "de"}
_TRANSLATED = re.compile(r" \((?:[^():\n]{1,30}):\s*([A-ZÀ-Þ][\w.&'’-]*(?:[ -][\w.&'’-]+){0,6})\)")
#: The name in another language after a comma ("Fehmarnbelt Sundhedsalliancen (FSA), på tysk Gesundheitsallianz
#: Fehmarnbelt", "..., auf Dänisch X", "..., in English the X").
_IN_LANGUAGE = re.compile(r"(?:\s*\([^()\n]{1,12}\))?,\s+(?:på\s+(?:tysk|dansk|engelsk|hollandsk|nederlandsk|svensk|norsk)"
                          r"|auf\s+(?:deutsch|dänisch|englisch|niederländisch|schwedisch)|in\s+(?:english|german|danish|dutch)"
                          r"|in\s+het\s+(?:duits|engels|deens|nederlands)|op\s+zijn\s+duits)\s+(?:the\s+|die\s+|der\s+|das\s+)?"
                          r"(?P<name>[A-ZÀ-Þ][\w&'’-]*(?:\s+(?:[A-ZÀ-Þ][\w&'’-]*|für|for|voor|til|og|und|and|en|der|van)){0,6})",
                          re.IGNORECASE)


@lru_cache(maxsize=1)
def _compass() -> frozenset[str]:
    """Compass words that open an area's name ("North East", "Midt"), from the region lexicon."""
    from ingest.lexicon import words

    return frozenset(row.form for row in words("region_words", "compass"))


@lru_cache(maxsize=1)
def _rivers() -> frozenset[str]:
    """Rivers that networks are named after ("Gesundheitsnetz Oder"): proper names, though shaped like
    German common nouns (``ingest/lexicon/region_words.tsv``, kind ``river``)."""
    from ingest.lexicon import words

    return frozenset(row.form for row in words("region_words", "river"))


#: The pieces of a word written in camel case ("OptiMed": "Opti", "Med").
_CAMEL_PIECE = re.compile(r"[A-ZÆØÅÄÖÜ][a-zæøåäöüß]*|[a-zæøåäöüß]+")


def _blended(short: list[Token], before: list[Token], after: list[Token]) -> bool:
    """Is ``short`` made of the first letters of the words of a name, some before its ``and`` and some
    after ("OptiMed Mittelhessen" for "Optik und Medizin Mittelhessen")?"""
    pieces = [p.lower() for x in short if x.is_word for p in _CAMEL_PIECE.findall(x.text)]
    words = [(x.low, n >= len(before)) for n, x in enumerate(before + after) if x.is_word]
    at, crossed, matched = 0, False, 0
    for piece in pieces:
        while at < len(words) and not (len(piece) >= 2 and words[at][0].startswith(piece)):
            at += 1
        if at == len(words):
            return False
        matched += 1
        crossed |= words[at][1] and matched > 1
        at += 1
    return crossed and matched >= 2


#: German municipal associations and kinds of municipality ("Verbandsgemeinde Daun", "Samtgemeinde Bersenbrück").
MUNICIPAL_ASSOCIATION = r"(?:Verbands|Samt|Markt|Orts|Stadt)gemeinde"
#: Words that open the name of a region's or town's authority ("Region Sjælland", "Provincie Limburg", "Stadt Ulm").
REGION_BODY = re.compile(r"^(?:Region|Regio|Région|Provincie|Provinz|Kreis|Landkreis|Gemeente|Kommune|Stadt|Hansestadt|Stad|City of"
                         r"|County|Gemeinde|" + MUNICIPAL_ASSOCIATION + r"|Landeshauptstadt|Gmina)\b")
#: The county beside its town at the end of a name ("Diakonie Osnabrück Stadt und Land").
_COUNTY_WORDS = {"land", "landkreis", "kreis"}


def _initials(name: str) -> str:
    """The first letters of a name's words, in lower case ("Admiraal De Ruyter Ziekenhuis": "adrz")."""
    return "".join(w[0] for w in name.split() if w[:1].isalpha()).casefold()


class NameSpans:
    """Tokens of one sentence with the word lists of its language; the shared name tests."""

    def __init__(self, tokens, sentence, text, language, proper_spans):
        self.t, self.s, self.text, self.lang = tokens, sentence, text, language
        self.proper = proper_spans
        self.stop = wordlist("stopwords", language)
        self.heads = wordlist("org_heads", language)
        self.prefix_heads = wordlist("org_heads", language, "prefix")  # a head only before its name ("NHS X")
        self.clusters = wordlist("cluster_words", language)
        self.descriptors = wordlist("descriptors", language)
        self.roles = wordlist("roles", language)
        self.agreements = wordlist("agreement_words", language)
        self.leading = wordlist("verbs", language, "coordinate")  # "Federführung", "Trekker"
        self.founding = wordlist("verbs", language, "create")  # a headline's "Partners Sign Deal to Establish X"
        self.german = language == "de"
        self.given = wordlist("given_names", language, "given")
        self.patrons = wordlist("given_names", language)  # given names and patrons' names

    # -- word tests ---------------------------------------------------------------------------
    def is_proper(self, tok: Token) -> bool:
        if not self.german:
            return tok.is_cap
        return (tok.looks_proper or bool(_REGIONAL.fullmatch(tok.text)) or tok.text in _rivers()
                or any(a <= tok.start and tok.end <= b for a, b in self.proper) or self._rare_town(tok))

    def _rare_town(self, tok: Token) -> bool:
        """A town's name that is no common word ("Klinikum Bautzen": "Bautzen" is shaped like a noun)."""
        from ingest.gazetteer import gazetteer

        return tok.is_cap and zipf(tok.text, self.lang) < COMMON_ZIPF and (
            gazetteer().town(tok.text) is not None or self._city(tok.text))

    def _brand(self, tok: Token) -> bool:
        """German: a rare word not shaped like a common noun, a brand before the head (``Asklepios
        Klinik``, ``Helios Klinikum``, ``Agaplesion Diakonieklinikum``)."""
        return (tok.is_cap and not tok.low.endswith(NOUN_ENDINGS) and len(tok.text) >= 4
                and zipf(tok.text, self.lang) < BRAND_ZIPF)

    def name_word(self, tok: Token) -> bool:
        return (tok.is_word and tok.is_cap and self.stop.word(tok.text) is None
                and tok.low not in CALENDAR and self.roles.word(tok.text) is None)

    def left_word(self, tok: Token) -> bool:
        """May a capitalised word before the head belong to the name?"""
        if not self.name_word(tok) or self.descriptors.word(tok.text) or self.agreements.word(tok.text):
            return False  # "Samenwerkingsovereenkomst Living Lab X": the agreement is no part of the name
        if self.german:
            if tok.index == 0:
                return self.is_proper(tok)  # the first word of a sentence is capitalised anyway
            return self.is_proper(tok) or tok.low.endswith(_ADJECTIVE_ENDINGS) or self._brand(tok)
        return True

    # -- finders ------------------------------------------------------------------------------
    def _cap_run(self, j: int) -> list[Token]:
        run = []
        while j < len(self.t) and self.name_word(self.t[j]) and len(run) < 6:
            run.append(self.t[j])
            j += 1
        return run

    # -- helpers -------------------------------------------------------------------------------
    def _drop_before_connector(self, left: list[Token]) -> list[Token]:
        """Left of a connector ("van", "für") only a head word may stand: "Kamer van ...", not
        "Holger Winter van CeNTech GmbH"."""
        for k in range(len(left) - 1, -1, -1):
            if left[k].low in LEFT_INNER - {"&", "-"}:
                before = left[:k]
                if not any(self.heads.word(x.text) or self.clusters.word(x.text) for x in before):
                    return left[k + 1:]
        return left

    def _extend_left(self, before: list[Token], inner: set[str], any_cap: bool) -> list[Token]:
        taken: list[Token] = []
        k = len(before) - 1
        while k >= 0 and len(taken) < 7:
            tok = before[k]
            if tok.text == "s" and k >= 2 and before[k - 1].text in "'’" and self._saint_possessive(before, k):
                first = k - 2  # "St James's Hospital", "St. Olav's Hospital", "King's College London"
                if first >= 1 and before[first - 1].text in _SAINTS:
                    first -= 1
                elif first >= 2 and before[first - 1].text == "." and before[first - 2].text in _SAINTS:
                    first -= 2
                taken[:0] = before[first:k + 1]
                k = first - 1
                continue
            if tok.low in PLACE_LINKS and k >= 1 and taken and self.name_word(before[k - 1]) \
                    and self._city(self.text[before[k - 1].start:taken[0].end]):
                taken[:0] = before[k - 1:k + 1]  # "Newcastle upon Tyne Hospitals": the place's own link word
                k -= 2
                continue
            if tok.text == "." and k >= 1 and taken and before[k - 1].text in SAINT and before[k - 1].end == tok.start:
                taken[:0] = before[k - 1:k + 1]  # "Spitex St. Gallen AG": the saint's abbreviation of a town
                k -= 2
                continue
            if tok.text == ")" and k >= 3 and self._qualifier_end(before[k - 2].index) == tok.index + 1:
                taken[:0] = before[k - 3:k + 1]  # "Klinikum Frankfurt (Oder) GmbH": the town's own brackets
                k -= 4
                continue
            ok = self.name_word(tok) and (any_cap or self.left_word(tok)) and not self.descriptors.word(tok.text) \
                and not self.agreements.word(tok.text) and not self.leading.word(tok.text) \
                and not (tok.is_cap and not self.german and self.founding.word(tok.text))  # "Federführung X SE"
            if ok:
                taken.insert(0, tok)
            elif taken and self.is_proper(taken[0]) and tok.text in _PARTICLES and k > 0 and before[k - 1].is_word:
                # not after a dash or colon, which may open a clause ("Maastricht – De MedTech Alliantie")
                taken.insert(0, tok)
            elif tok.low in inner and k > 0 and self.name_word(before[k - 1]) and taken:
                taken.insert(0, tok)
            elif self.lang == "en" and tok.low == "of" and taken and k >= 2 and self.name_word(before[k - 1]) \
                    and before[k - 2].low == "the" and not self.roles.word(before[k - 1].text) \
                    and self.is_proper(taken[0]):  # "the Countess of Chester Hospital", "the Prince of Wales Hospital"
                taken[:0] = before[k - 1:k + 1]
                k -= 2
                continue
            elif any_cap and tok.low == "in" and k > 0 and before[k - 1].is_cap and taken \
                    and (region := self._region_around(taken[-1])) is not None and region == taken[0].start:
                taken.insert(0, tok)  # "Invest in Mecklenburg-Vorpommern GmbH": a place inside a company's name
            elif not self.german and (tok.low in AND_WORDS or tok.text == "&") and taken \
                    and (len(taken) == 1 and self._town_like(taken[0])
                         or self.lang == "en" and (self._place_opens(taken) or self._area_council(taken))) \
                    and (self._hospital_after(before) or self.lang == "en") \
                    and (first := self._towns_before(before, k, loose=self._area_council(taken),
                                                     prefixed=any(x.text in _TRUST_WORDS for x in taken))) is not None:
                # "Herlev og Gentofte Hospital": one hospital of two towns; in English any singular head
                # ("Perth and Kinross Council", "Dundee and Angus Chamber of Commerce"), also after more towns
                # ("Armagh City, Banbridge and Craigavon Borough Council", "Derry City and Strabane District Council")
                taken[:0] = before[first:k + 1]
                k = first - 1
                continue
            elif self.lang == "en" and tok.low in AND_WORDS and k > 0 and taken and before[k - 1].is_cap \
                    and self._service_word(before[k - 1]) and self._service_word(taken[0]):
                taken.insert(0, tok)  # "Belfast Health and Social Care Trust", "Arts and Humanities Research Council"
            elif self.lang == "en" and tok.low in AND_WORDS and taken and k >= 2 and before[k - 2].low == "the" \
                    and before[k - 1].is_cap and self._town_like(before[k - 1]):
                taken[:0] = before[k - 1:k + 1]  # "the Cardiff and Vale MedTech Collaborative": the article binds both
                k -= 2
                continue
            elif taken and (region := self._region_around(taken[0])) is not None and region < taken[0].start:
                first = next(x for x in before if x.start >= region)
                taken[:0] = before[first.index - before[0].index:k + 1]  # "Vale of Glamorgan Council": a place's own "of"
                k = first.index - before[0].index - 1
                continue
            elif tok.low in AND_WORDS and k > 1 and self.name_word(before[k - 1]) and before[k - 2].low in _ENUMERATING \
                    and taken and not self.is_proper(taken[0]) and taken[0].low.endswith(NOUN_ENDINGS):
                taken.insert(0, tok)  # "Gesellschaft für Investitionsförderung und Stadtentwicklung mbH": one name
            elif tok.low in _ARTICLES and k > 1 and before[k - 1].low == "für" and before[k - 1].low in inner \
                    and self.name_word(before[k - 2]) and taken:  # "Caritasverband für das Bistum Essen e.V."
                taken[:0] = before[k - 1:k + 1]
                k -= 2
                continue
            elif tok.is_cap and tok.low in NUMBER_WORDS and tok.index and taken and taken[0].is_cap \
                    and not self.heads.word(taken[0].text):
                taken.insert(0, tok)  # "its Three Counties Medical School": a capitalised number inside the name
            else:
                break
            k -= 1
        while taken and (taken[0].low in inner or taken[0].low in _ARTICLES or not taken[0].is_word):
            taken.pop(0)
        return taken

    def _extend_right(self, i: int) -> tuple[list[Token], bool]:
        """Tokens after the head that belong to the name, and whether they were quoted."""
        t = self.t
        if i < len(t) and t[i].text in QUOTES_OPEN:
            j = i + 1
            while j < len(t) and t[j].text not in QUOTES_CLOSE and j - i < 10:
                j += 1
            if j < len(t) and j > i + 1 and all(x.is_cap or not x.is_word or x.low in RIGHT_INNER for x in t[i + 1:j]):
                return t[i:j + 1], True
            return [], False
        taken: list[Token] = []
        j, fresh, after_preposition = i, True, False
        if areas := self._area_list(i):
            taken, j, fresh = t[i:areas], areas, False  # "NHS Shropshire, Telford and Wrekin": the areas it serves
        while j < len(t) and len(taken) < 16:
            tok = t[j]
            if j == i and i and _NAME_NUMBER.fullmatch(tok.text) and self.clusters.word(t[i - 1].text) \
                    and (j + 1 >= len(t) or not (t[j + 1].is_cap or t[j + 1].low in _COUNTED)):
                return [tok], False  # "Gesundheitscluster 38", "Zorgnetwerk 040": a number names the cluster
            if taken and self._qualifier_end(j):
                taken.extend(t[j:j + 3])  # "Stadt Frankfurt (Oder)": the town's own brackets
                j += 3
                continue
            if self.german and not taken and self._capital_name(j):
                end = self._capital_name(j)
                taken.extend(t[j:end])
                j = end
                fresh = False
                continue
            if j == i and tok.low in AND_WORDS and j + 2 < len(t) and self.heads.word(t[j + 1].text) \
                    and t[j + 2].low in _ENUMERATING:
                taken.extend(t[j:j + 2])  # "Klinik und Poliklinik für Kardiologie": two heads, one unit
                j += 2
                continue
            if j == i and i and tok.low in AND_WORDS and j + 1 < len(t) and t[j + 1].is_cap \
                    and self.heads.word(t[j + 1].text) == self.heads.word(t[i - 1].text) == "university" \
                    and (j + 2 >= len(t) or not self.name_word(t[j + 2])):
                taken.extend(t[j:j + 2])  # "UCL Erhvervsakademi og Professionshøjskole": two heads of one kind, one school
                j += 2
                continue
            if taken and tok.low in AND_WORDS and j + 2 < len(t) and t[j + 1].text == "-" and t[j + 1].end == t[j + 2].start \
                    and t[j + 2].is_word and not t[j + 2].is_cap and self.name_word(taken[-1]):
                taken.extend(t[j:j + 3])  # "Institut für Pflegewissenschaft und -praxis": the head borrowed back
                j += 3
                continue
            if taken and taken[-1].low == "stadt" and tok.low == "und" and j + 1 < len(t) \
                    and t[j + 1].low in _COUNTY_WORDS and len(taken) >= 2 and self._place_word(taken[-2]):
                taken.extend(t[j:j + 2])  # "Diakonie Osnabrück Stadt und Land": the town and its county, one name
                j += 2
                continue
            if taken and taken[-1].low == "stadt" and tok.low == "und" and j + 2 < len(t) and after_preposition \
                    and t[j + 1].low in _COUNTY_WORDS and self._place_word(t[j + 2]):
                taken.extend(t[j:j + 3])  # "Wirtschaftsförderung für Stadt und Landkreis Lüneburg": both, one name
                j += 3
                continue
            if self.name_word(tok) and self._suspended(j):
                taken.extend(t[j:j + 3])  # "für Bundes- und Europaangelegenheiten": one compound pair
                j += 3
                fresh = True
                continue
            if taken and tok.low in _NAME_PARTICLES and j + 1 < len(t) and self.name_word(t[j + 1]) \
                    and t[j + 1].text not in _PERSON_TITLES and not self.heads.word(t[j + 1].text) and (
                        self.patrons.word(taken[-1].text)
                        or self.german and len(taken) == 1 and not self._place_word(taken[-1])):
                taken.extend(t[j:j + 2])  # "Klinikum Ernst von Bergmann": named after a person
                j += 2
                fresh = False
                continue
            if self.german and taken and self.is_proper(taken[-1]) and self.patrons.word(tok.text) and j + 1 < len(t) \
                    and self.name_word(t[j + 1]) and not self.patrons.word(t[j + 1].text) \
                    and (j + 2 >= len(t) or not t[j + 2].is_cap):
                taken.extend(t[j:j + 2])  # "Medizinische Hochschule Brandenburg Theodor Fontane": a patron's name
                j += 2
                fresh = False
                continue
            if taken and taken[-1].text in SAINT and tok.text == "." and taken[-1].end == tok.start \
                    and j + 1 < len(t) and self.name_word(t[j + 1]):
                taken.extend(t[j:j + 2])  # "Kantonsspital St. Gallen": the saint's abbreviation
                j += 2
                continue
            if after_preposition and taken and tok.text in "'’" and j + 2 < len(t) and t[j + 1].text == "s" \
                    and taken[-1].end == tok.start and tok.end == t[j + 1].start and self.name_word(t[j + 2]) \
                    and zipf(taken[-1].text, "en") >= 4 and not self.heads.word(t[j + 2].text) \
                    and not any(x.text in _STREET_WORDS for x in t[j + 2:j + 5]):  # not "Derby's Kedleston Road site"
                taken.extend(t[j:j + 2])  # "Department of Older People's Medicine"; not "University of Helsinki's Department"
                j += 2
                continue
            if taken and tok.text == "/" and self._glued(j) and j + 1 < len(t) and self.name_word(t[j + 1]) \
                    and self.is_proper(taken[-1]):
                taken.extend(t[j:j + 2])  # "Hochschule Emden/Leer": a school of two towns
                j += 2
                continue
            if self.name_word(tok) and (fresh or self.is_proper(tok) or self._name_end(j) or (
                    self.german and taken and taken[-1].is_cap and taken[-1].low.endswith(NAME_ADJECTIVES)) or (
                    self.german and taken and taken[-1].is_cap and self._english(taken[-1]) and self._english(tok))):
                taken.append(tok)
                fresh = False
            elif self.german and self.name_word(tok) and self._run_to_proper(j):
                end = self._run_to_proper(j)
                taken.extend(t[j:end])
                j = end
                fresh = False
                continue
            elif tok.low in AND_WORDS and taken and self._spelled_through(i, j):
                end = self._spelled_through(i, j)
                taken.extend(t[j:end])  # "NHS Greater Glasgow and Clyde (NHSGGC)": the abbreviation spells both
                j = end
                continue
            elif tok.low in AND_WORDS and taken and self._places_joined(taken, j):
                end = self._places_joined(taken, j)
                taken.extend(t[j:end])  # "Health Innovation North East and North Cumbria": one area of two
                j = end
                continue
            elif tok.low in AND_WORDS and taken and (end := self._subjects_then_place(i, taken, j)):
                taken.extend(t[j:end])  # "Netwerk Voeding en Zorg Noordoost-Brabant": two subjects, then the place
                j = end
                continue
            elif self.german and tok.low in AND_WORDS and taken and self._second_subject(i, taken, j):
                taken.extend(t[j:j + 2])  # "Fakultät Informatik und Wirtschaftsinformatik der THWS"
                j += 2
                continue
            elif tok.low in RIGHT_INNER and j + 1 < len(t) and (tok.low not in _LIST_JOINERS or after_preposition
                                                           or tok.text == "&"):  # "Zorg & Technologie"
                nxt = t[j + 1]
                definite = j == i and i and tok.low == "i" and t[i - 1].low.endswith("et") and nxt.is_cap \
                    and not self._country_word(nxt)  # "Tampere Universitet i Finland": the country says where
                if tok.low == "aan" and nxt.low not in {"de", "den", "het"}:
                    break  # "Netwerk X aan tafel": only "aan de" + a name is part of one
                if tok.low in ("in", "i", "an", "am") and nxt.low not in {"der", "de", "den", "het", "the"} \
                        and not definite:  # "Universitetet i Flensborg" is one name
                    break  # "Kliniken in Hamburg": a place, not a name part
                if tok.low in ("in", "i") and nxt.is_cap and j + 2 < len(t) and self._two_word_place(nxt, t[j + 2]):
                    break  # "Proeftuin in Den Haag Zuidwest": a place whose name opens with an article
                if self.german and tok.low in ("in", "an") and nxt.low == "den":
                    break  # "das Netzwerk X an den Start", "Cluster in den Bereichen": a phrase, not a name part
                if tok.low in ("in", "i") and j + 3 < len(t) and self._region_word(t[j + 2].text) and t[j + 3].is_cap:
                    break  # "Kliniken in der Region Stuttgart", "ziekenhuizen in de regio Twente": where they are
                if tok.low == "in" and j + 2 < len(t) and any(a == t[j + 2].start for a, _ in self.proper):
                    break  # "University Hospital Llandough in the Vale of Glamorgan": a place after its article
                if tok.text == "," and (self._place_word(nxt) and (j + 2 >= len(t) or not self.name_word(t[j + 2])
                                                                  and t[j + 2].low not in _LIST_JOINERS - {","})
                                        or self._qualifier_end(j + 2)):
                    break  # "Fraunhofer-Institut für Großstrukturen IGP, Rostock,": the seat after the name
                if tok.low == "zu" and not self._place_word(nxt):
                    break  # "Universität zu Lübeck", "Handelskammer zu Rostock": only a place follows "zu"
                if tok.low in {"zur", "zum"} and taken and taken[-1].text.isupper() and not after_preposition:
                    break  # "Absichtserklärung mit der AOK PLUS zur Telepflege": a named body's purpose, no name part
                if nxt.low in {"der", "de", "des", "den", "het", "the"} and j + 2 < len(t):
                    if tok.low in _LIST_JOINERS:
                        break  # "... und der Europäischen Kommission": a new noun phrase
                    nxt = t[j + 2]
                if self.german and tok.low in _GENITIVE and self.agreements.word(nxt.text):
                    break  # "die Hochschule X der Kooperationsvereinbarung beigetreten": a dative object, no name part
                if not (self.name_word(nxt) or (self.german and nxt.low.endswith(_ADJECTIVE_ENDINGS)
                                                 and not nxt.is_cap and (tok.low in {"für", "zur"}
                                                                         or self._portfolio_end(i, taken, tok)))):
                    break
                if tok.low in _LIST_JOINERS and (self._new_name_at(j + 1) or self._acronym_alone(j + 1)) \
                        and not self._portfolio_end(i, taken, tok):
                    break  # "University of X and Y Cluster B.V.": a second name starts
                if tok.text == "," and (nxt.text.rstrip(".") in _PERSON_TITLES or self.given.word(nxt.text)):
                    break  # "For the University of X, Dr Naomi Y, said": a person follows
                if (tok.low in _GENITIVE or tok.low == "of" and any(x.low == "of" for x in taken)) \
                        and (self._unit_head(i, taken) or self.heads.word(t[i - 1].text) == "ministry") \
                        and self._parent_at(j + 1):  # a "Department" before a university is no ministry
                    break  # "Institut für X der Hochschule Y", "Faculty of X of Y University": the unit, then its parent
                if tok.low in _ENUMERATING:
                    after_preposition = True
                taken.append(tok)
                fresh = True
            elif self.german and not tok.is_cap and fresh and taken and tok.low.endswith(_ADJECTIVE_ENDINGS) \
                    and j + 1 < len(t) and t[j + 1].is_cap:
                taken.append(tok)
            elif self.german and taken and taken[-1].is_cap and i and self.clusters.word(t[i - 1].text) \
                    and tok.low.endswith(PLAIN_ADJECTIVE) and j + 1 < len(t) and self._place_word(t[j + 1]):
                taken.append(tok)  # "Allianz Pflege digital Mittelfranken": a bare adjective, then the place
            else:
                break
            j += 1
        while taken and (taken[-1].low in RIGHT_INNER or not (taken[-1].is_cap or taken[-1].text == ")" or (
                len(taken) >= 2 and taken[-2].text == "-" and taken[-2].end == taken[-1].start))):
            taken.pop()
        if self.german and taken and after_preposition and self._described_before(i) \
                and not any(self.is_proper(x) for x in taken):
            return [], False  # "gründen ein grenzüberschreitendes Netzwerk für Pflege": a description
        if self.german and taken and after_preposition:
            caps = [x for x in taken if x.is_cap]
            institution = i and self.heads.word(t[i - 1].text) in _INSTITUTIONS  # "Hochschule für Gesundheit"
            if len(caps) < 2 and not any(self.is_proper(x) for x in caps) and not self._left_of(i) and not institution:
                return [], False
        if not self.german and taken and not any(x.is_cap for x in taken):
            return [], False
        return taken, False

    def _described_before(self, i: int) -> bool:
        """Does an indefinite article or an inflected adjective in lower case stand before the head
        that ends before token ``i`` ("ein Netzwerk", "grenzüberschreitendes Netzwerk")?"""
        if i < 2:
            return False
        before = self.t[i - 2]
        ministry = self.heads.word(self.t[i - 1].text) == "ministry"  # "das saarländische Ministerium für X"
        return before.is_word and not before.is_cap and (
            before.low in INDEFINITE or not ministry and not _DETERMINER.match(before.low)
            and before.low.endswith(("es", "er", "en", "em", "e")) and len(before.low) > 4)

    def _english(self, tok: Token) -> bool:
        """German text: is the capitalised word an English one ("Data Science", "Health Care")?"""
        return zipf(tok.text, "en") - zipf(tok.text, "de") >= 0.9

    def _places_joined(self, taken: list[Token], j: int) -> int:
        """When the name so far ends in places or compass points and ``and`` at token ``j`` joins one
        more, which ends the name ("North East and North Cumbria", "Oxford and Thames Valley"), the
        index after it, else 0."""
        t, run = self.t, []
        for tok in reversed(taken):
            if not tok.is_cap:
                break
            run.insert(0, tok)
        k = j + 1
        while k < len(t) and k - j <= 3 and self.name_word(t[k]):
            k += 1
        after = t[j + 1:k]
        if not run or not after or (k < len(t) and t[k].is_cap):
            return 0
        if k + 2 < len(t) and t[k].text == "," and self._town_like(t[k + 1]) and t[k + 2].low in AND_WORDS:
            return 0  # "University of Exeter and Armagh City, Banbridge and ...": a list of towns goes on
        places = after[:-1] if len(after) > 1 and after[-1].text in _AREA_WORDS else after
        while len(places) > 1 and places[-1].text in _TRUST_TAIL:
            places = places[:-1]  # "University Hospitals Coventry and Warwickshire NHS Trust": the trust's words
        # a hospital's name may end in two towns it serves ("Westküstenkliniken Brunsbüttel und Heide")
        hospital = run[0].index and self.heads.word(t[run[0].index - 1].text) == "hospital" and len(run + after) == 2
        placed = self._town_like if hospital else self._place_word
        return k if all(placed(x) for x in run + places) or (
            len(after) > 1 and places != after and all(self._place_word(x) for x in run)) else 0

    def _area_list(self, i: int) -> int:
        """English, right after a prefix head: the index after the areas one body serves, joined by commas and
        a last "and" ("NHS Shropshire, Telford and Wrekin", "NHS Bath and North East Somerset, Swindon and
        Wiltshire", "NHS Mid and South Essex", "NHS Cornwall and the Isles of Scilly"), when they end the name
        or an integrated-care board's words follow ("... Integrated Care Board", "... ICB"); else 0.  Not
        "NHS Grampian and Aberdeen City Council": another head after the areas names a second body."""
        t = self.t
        if self.lang != "en" or not i or not self.prefix_heads.word(t[i - 1].text):
            return 0

        def area_word(tok: Token) -> bool:
            return self.name_word(tok) and not self.heads.word(tok.text) and not self.clusters.word(tok.text) \
                and tok.text not in _TRUST_WORDS | _COUNCIL_TYPES | _INTEGRATED_CARE and not self._country_word(tok)

        def placed(item: list[Token]) -> bool:  # "Telford", "South Essex", "Isles of Scilly", "Thames Valley"
            return any(self.known_place(x) for x in item) or len(item) > 1 and (
                item[-1].text in _AREA_WORDS or item[0].text in _AREA_WORDS and item[1].low == "of")

        items, separators, ends, j = [], [], [], i
        while True:
            k = j + 1 if j < len(t) and t[j].low == "the" and separators else j  # "and the Isles of Scilly"
            start = k
            while k < len(t) and k - start < 4 and (area_word(t[k]) or (
                    t[k].low == "of" and k > start and k + 1 < len(t) and area_word(t[k + 1]))):
                k += 1
            if k == start:
                break
            items.append(t[start:k])
            if separators and separators[-1] in AND_WORDS and (
                    k == len(t) or not t[k].is_cap or t[k].text in _INTEGRATED_CARE) \
                    and sum(not placed(item) for item in items) <= 1:
                ends.append(k)  # the areas may end here (but "..., Swindon and Wiltshire" goes on); one of them
                # may be unknown to the reference data ("Telford and Wrekin"), not more ("Highlands and Islands Enterprise")
            if k + 1 < len(t) and (t[k].text == "," or t[k].low in AND_WORDS):
                separators.append(t[k].low)
                j = k + 1
                continue
            break
        return ends[-1] if ends else 0

    def _spelled_through(self, i: int, j: int) -> int:
        """When ``and`` at token ``j`` joins capitalised words that a bracketed abbreviation after them
        spells together with the name before ("NHS Greater Glasgow and Clyde (NHSGGC)"), the index after
        those words, else 0."""
        t, k = self.t, j + 1
        while k < len(t) and k - j <= 3 and self.name_word(t[k]):
            k += 1
        if k == j + 1 or k + 2 >= len(t) or t[k].text != "(":
            return 0
        start = i
        while start > 0 and start > i - 6 and t[start - 1].is_word and t[start - 1].is_cap:
            start -= 1
        if t[k + 2].text == ")" and t[k + 1].is_acronym:
            letters = [x.text if x.is_acronym else x.text[0].upper() for x in t[start:k] if x.is_cap and x.is_word]
            return k if any("".join(letters[n:]) == t[k + 1].text for n in range(len(letters))) else 0
        close = next((n for n in range(k + 1, min(k + 5, len(t))) if t[n].text == ")"), None)
        return k if close and _blended(t[k + 1:close], t[start:j], t[j + 1:k]) else 0

    def _region_word(self, word: str) -> bool:
        """Is ``word`` a word that names an administrative region before its name ("Region", "Landkreis",
        "provincie", "regio")?"""
        from ingest.regions import region_triggers

        return word in region_triggers(self.lang)

    def _place_word(self, tok: Token) -> bool:
        from ingest.gazetteer import gazetteer

        return tok.text in _compass() or bool(gazetteer().candidates(tok.text, self.lang))

    def _two_word_place(self, first: Token, second: Token) -> bool:
        """Do two tokens name a place of the reference data together ("Den Haag", "De Bilt")?"""
        from ingest.gazetteer import gazetteer

        return first.end + 1 == second.start and bool(gazetteer().candidates(f"{first.text} {second.text}", self.lang))

    def _region_around(self, tok: Token) -> int | None:
        """The start of the place name ``tok`` ends, or None."""
        return next((a for a, b in self.proper if a <= tok.start and tok.end == b), None)

    def _country_word(self, tok: Token) -> bool:
        from ingest.gazetteer import gazetteer

        found = gazetteer().candidates(tok.text, self.lang)
        return bool(found) and found[0].kind == "country"

    def _hospital_after(self, before: list[Token]) -> bool:
        """Is the word after ``before`` a hospital's head?  Two towns name one merged hospital ("Herlev og
        Gentofte Hospital"), but two councils ("Herning og Viborg Kommune")."""
        index = before[-1].index + 1 if before else 0
        return index < len(self.t) and self.heads.word(self.t[index].text) == "hospital"

    def known_place(self, tok: Token) -> bool:
        """Is ``tok`` a place of the reference data, a town below the city size included?"""
        from ingest.gazetteer import gazetteer

        return self._place_word(tok) or gazetteer().town(tok.text) is not None

    def _area_council(self, taken: list[Token]) -> bool:
        """English: is ``taken`` one capitalised word and a council's type ("Down District" of "Newry, Mourne and
        Down District Council"), whose areas need not be towns of the reference data?"""
        return len(taken) == 2 and taken[1].text in _COUNCIL_TYPES and taken[0].is_cap and taken[0].is_word

    def _towns_before(self, before: list[Token], k: int, loose: bool = False, prefixed: bool = False) -> int | None:
        """The index of the first of the towns that "and" at ``k`` joins to the town after it, in
        English also a list of them with commas and a council type after a town ("Derry City"), when
        no other name goes on before them; else None.  ``loose``: any capitalised words (the areas of a
        council); ``prefixed``: a prefix head may open the name before the towns ("NHS Derby and Derbyshire
        Integrated Care Board"; not "NHS Grampian and Aberdeen City Council", two bodies)."""
        def place(tok: Token) -> bool:
            return tok.is_cap and tok.is_word and not self.heads.word(tok.text) if loose else self._town_like(tok)

        def town_ending(j: int) -> int | None:
            if self.lang == "en" and j >= 1 and before[j].text in _COUNCIL_TYPES and place(before[j - 1]):
                return j - 1
            if j >= 1 and before[j - 1].text in _compass() and before[j].is_cap and before[j].is_word \
                    and not self.heads.word(before[j].text) and not self.clusters.word(before[j].text):
                return j - 1  # "North Tees and Hartlepool NHS Foundation Trust": a compass word opens an area
            return j if j >= 0 and before[j].is_cap and place(before[j]) else None

        first = town_ending(k - 1)
        while first is not None and self.lang == "en" and first >= 2 and before[first - 1].text == "," \
                and (town := town_ending(first - 2)) is not None:
            first = town
        if first is None:
            return None
        left = before[first - 1] if first >= 1 else None
        ends = left is None or left.text == "," or left.low in AND_WORDS or left.low not in INNER and not left.is_cap \
            or prefixed and bool(self.prefix_heads.word(left.text))
        return first if ends else None

    def _place_opens(self, taken: list[Token]) -> bool:
        """English: does a town or place open the words before the head, only a council's type or a
        trust's qualifiers after it ("Craigavon Borough", "South Devon NHS Foundation")?"""
        if taken[0].text == "District":
            return True  # "Harrogate and District NHS Foundation Trust": a town and its district
        span = next((b for a, b in self.proper if a == taken[0].start), None)
        first = next((n for n, x in enumerate(taken) if x.end == span), 0) if span else 0
        if not span and not self._town_like(taken[0]):
            return False
        rest = taken[first + 1:]
        return all(x.text in _COUNCIL_TYPES or x.text in _TRUST_WORDS for x in rest) or "NHS" in (x.text for x in rest)

    def _service_word(self, tok: Token) -> bool:
        """English: is the capitalised ``tok`` a common noun of a public body's remit ("Health", "Social",
        "Care", "Arts", "Humanities"), which "and" joins inside the body's name: no head, cluster word or place?"""
        return tok.is_word and tok.is_cap and not self.heads.word(tok.text) and not self.clusters.word(tok.text) \
            and not self.known_place(tok) and zipf(tok.low, "en") >= 3.5

    def _town_like(self, tok: Token) -> bool:
        """Could ``tok`` be a town's or an island's name: a place of the reference data, or a word that heads
        no name, frequent in the page's language and rare in English (the local names "Herlev", "Amager";
        not "Rigshospitalet", a head, nor "Coloplast", rare in both)?"""
        if self.heads.word(tok.text) or self.clusters.word(tok.text) or not tok.is_word:
            return False
        return self.known_place(tok) or (
            zipf(tok.text, self.lang) >= _LOCAL_NAME_ZIPF and zipf(tok.text, "en") < _FOREIGN_ZIPF)

    @staticmethod
    def _city(name: str) -> bool:
        """Is ``name`` a city of the reference data ("Newcastle upon Tyne", "Frankfurt am Main")?"""
        from ingest.gazetteer import gazetteer

        return gazetteer().city(name) is not None

    @staticmethod
    def _saint_possessive(before: list[Token], k: int) -> bool:
        """Is ``before[k - 2:k + 1]`` the possessive of a saint's or monarch's name that belongs to the
        name after it ("St James's", "St. Olav's", "King's", "Queen's")?"""
        owner = before[k - 2]
        if not (owner.is_cap and owner.end == before[k - 1].start and before[k - 1].end == before[k].start):
            return False
        saint = k >= 3 and (before[k - 3].text in _SAINTS or before[k - 3].text == "."
                            and k >= 4 and before[k - 4].text in _SAINTS)
        return saint or owner.text in {"King", "Queen", "Guy"}

    def _qualifier_end(self, j: int) -> int:
        """When token ``j`` opens the brackets of a town's official name that the token before
        begins ("Frankfurt (Oder)", "Halle (Saale)"), the index after the closing bracket, else 0."""
        from ingest.gazetteer import gazetteer

        t = self.t
        if not (0 < j < len(t) - 2 and t[j].text == "(" and t[j + 2].text == ")" and t[j + 1].is_cap):
            return 0
        return j + 3 if gazetteer().qualified(self.text[t[j - 1].start:t[j + 2].end]) else 0

    def _unit_head(self, i: int, taken: list[Token]) -> bool:
        """Does the head that ends before token ``i`` name a unit of an institution: an institute,
        centre, department, chair or faculty, or a clinic for a speciality ("Klinik für X")?"""
        head = self.heads.word(self.t[i - 1].text) if i else None
        return head in UNIT_HEADS or (head == "hospital" and any(x.low in _ENUMERATING for x in taken))

    def _subjects_then_place(self, i: int, taken: list[Token], j: int) -> int:
        """After a cluster word and its subject, does "and" at token ``j`` join a second subject of one or
        two capitalised words that a place ends ("Netzwerk Sensorik und Pflege Nordhessen")?  The index
        after the place, else 0."""
        t = self.t
        if not (i and self.clusters.word(t[i - 1].text)) or any(
                self.known_place(x) or not x.is_cap or self.clusters.word(x.text) or self.heads.word(x.text)
                for x in taken):
            return 0
        for end in range(j + 3, min(j + 7, len(t) + 1)):
            words = t[j + 1:end]
            if not all(x.is_cap and self.name_word(x) or x.text == "-" and self._glued(x.index) for x in words):
                break
            place = self._region_around(words[-1])
            if place is None and self.known_place(words[-1]):
                place = words[-1].start
            if place is not None and place > words[0].start and not (end < len(t) and self.name_word(t[end])) \
                    and not any(self.known_place(x) or self.heads.word(x.text) or self.clusters.word(x.text)
                                for x in words if x.end <= place):
                return end
        return 0

    def _second_subject(self, i: int, taken: list[Token], j: int) -> bool:
        """German: does "und" at token ``j`` join a second subject to a unit named by its subject
        ("Fakultät Elektrotechnik und Informationstechnik der Hochschule Coburg"): one capitalised
        word, then the parent institution in the genitive?"""
        t = self.t
        return j + 3 < len(t) and self._unit_head(i, taken) and t[j + 1].is_cap and self.name_word(t[j + 1]) \
            and not self.heads.word(t[j + 1].text) and t[j + 2].low in _GENITIVE and self._parent_at(j + 3)

    def _parent_at(self, j: int) -> bool:
        """Does an institution's name start at token ``j`` (after an article): a university or
        hospital head among its first three words, or an acronym ("der RUB")?"""
        t = self.t
        if j < len(t) and t[j].low in _ARTICLES | {"de", "het", "the"}:
            j += 1
        if j < len(t) and t[j].is_acronym and len(t[j].text) >= 2:
            return True
        return any(self.heads.word(x.text) in ("university", "hospital") for x in t[j:j + 3] if x.is_cap)

    def _glued(self, j: int) -> bool:
        """Does token ``j`` touch the tokens on both sides ("Emden/Leer")?"""
        t = self.t
        return 0 < j < len(t) - 1 and t[j - 1].end == t[j].start and t[j].end == t[j + 1].start

    def _suspended(self, j: int) -> bool:
        """Is token ``j`` the first half of a pair with a suspended hyphen ("Industrie- und
        Handelskammer", "Bundes- und Europaangelegenheiten", "Innovatie- en Investeringsfonds")?"""
        t = self.t
        return (j + 3 < len(t) and t[j + 1].text == "-" and t[j].end == t[j + 1].start
                and t[j + 2].low in _LIST_JOINERS - {",", "&"} and t[j + 3].is_word and t[j + 3].is_cap)

    def suspended_start(self, i: int) -> int:
        """The index a name starting at token ``i`` really starts at when a suspended-hyphen word
        stands before it ("Industrie- und Handelskammer Aachen")."""
        return i - 3 if i >= 3 and self._suspended(i - 3) and self.name_word(self.t[i - 3]) else i

    def _run_to_proper(self, j: int) -> int:
        """German: capitalised words that run on to a proper name ending the name ("Netzwerk Pflege
        Digital Westfalen koordiniert"): the end index, or 0."""
        k = j
        while k < len(self.t) and k - j < 3 and self.name_word(self.t[k]):
            if self.is_proper(self.t[k]) and (k + 1 >= len(self.t) or not self.t[k + 1].is_cap):
                return k + 1
            k += 1
        return 0

    def _portfolio_end(self, i: int, taken: list[Token], tok: Token) -> bool:
        """Is ``tok`` the "und" that ends a ministry's list of portfolios after commas ("Ministerium für
        Wirtschaft, Wissenschaft und Digitale Gesellschaft"), where what follows only looks like a name?"""
        return tok.low in AND_WORDS and bool(i) and self.heads.word(self.t[i - 1].text) == "ministry" \
            and any(x.low in _ENUMERATING for x in taken) and any(x.text == "," for x in taken)

    def _new_name_at(self, j: int) -> bool:
        """Does a name with its own head, cluster word or legal form start at token ``j``?"""
        k = j
        legal = pattern("legal_forms", self.lang)
        while k < len(self.t) and self.name_word(self.t[k]) and k - j < 9:
            if self.heads.word(self.t[k].text) or self.clusters.word(self.t[k].text) \
                    or k > j and legal.fullmatch(self.t[k].text):  # "..., Brainomix Ltd and ..."
                return True
            k += 1
            if self.lang == "en" and k + 1 < len(self.t) and (self.t[k].text == "," or self.t[k].low in AND_WORDS) \
                    and (self._town_like(self.t[k - 1]) or self.t[k - 1].text in _COUNCIL_TYPES) \
                    and self.name_word(self.t[k + 1]):
                k += 1  # "... and Banbridge and Craigavon Borough Council": towns before one council's head
        rest = self.text[self.t[k - 1].end:self.t[k - 1].end + 8] if k > j else ""
        return k > j and bool(pattern("legal_forms", self.lang).match(rest.lstrip()))

    def _acronym_alone(self, j: int) -> bool:
        """Is token ``j`` an abbreviation standing alone, another actor's name ("Hospital of Iceland and
        CAWT")?"""
        t = self.t
        return t[j].is_acronym and (j + 1 >= len(t) or not self.name_word(t[j + 1]))

    def _capital_name(self, j: int) -> int:
        """German: two to four capitalised words right after the head, the last shaped unlike a
        common noun and followed by a lower-case word or punctuation ("des Netzwerks Medizintechnik
        Oberrhein unterzeichnet"): the end index, or 0."""
        k = j
        while k < len(self.t) and k - j < 4 and self.name_word(self.t[k]):
            k += 1
        if k - j < 2 or self.t[k - 1].low.endswith(NOUN_ENDINGS):
            return 0
        return k if k >= len(self.t) or not self.t[k].is_cap else 0

    def _name_end(self, j: int) -> bool:
        """German: a last capitalised word after a proper one, shaped unlike a common noun and
        followed by a lower-case word ("Netzwerk MedEcon Ruhr wird")."""
        tok = self.t[j]
        nxt = self.t[j + 1] if j + 1 < len(self.t) else None
        return (j > 0 and self.is_proper(self.t[j - 1]) and not tok.low.endswith(NOUN_ENDINGS)
                and (nxt is None or not nxt.is_cap))

    def _left_of(self, i: int) -> bool:
        """Is the head before token ``i`` preceded by a word that belongs to the name?"""
        k = i - 1
        while k >= 0 and not (self.heads.word(self.t[k].text) or self.clusters.word(self.t[k].text)):
            k -= 1
        return k > 0 and self.left_word(self.t[k - 1])

    def _make(self, kind: str, start: int, end: int, rule: str, confidence: float) -> Candidate:
        span = self.text[start:end]
        return Candidate(kind, start, end, span, self.s, clean_label(span), rule, confidence)

    def _bracket_alias(self, cand: Candidate, end: int) -> None:
        """``Name (ABBR)``: the abbreviation is another name of the same actor; so is the name after a
        colon in brackets (``Name (in Duitsland: Y)``, ``Name (englisch: Y)``), and a name with its
        abbreviation (``Name (Other Name, ABBR)``); a legal form's closing dot may stand between
        (``Netzwerk X e.V. (PIN OWL)``)."""
        if self.text[end:end + 3] == ". (":
            end += 1
        translated = _TRANSLATED.match(self.text[end:end + 100])
        if translated:
            cand.aliases.add(" ".join(translated.group(1).split()))
        other_language = _IN_LANGUAGE.match(self.text, end)
        if other_language and other_language.group("name")[:1].isupper():
            name = other_language.group("name").split()
            while name and not name[-1][:1].isupper():
                name.pop()  # "..., på tysk Gesundheitsallianz Fehmarnbelt og ...": the link word is no part
            cand.aliases.add(" ".join(name))
        other = _OTHER_NAME.match(self.text[end:end + 100])
        if other:  # "Vadehavsnetværket for Sund Aldring (Wadden Healthy Ageing Network, WHAN)"
            cand.aliases |= {" ".join(other.group("name").split()), other.group("abbr")}
        short = _SHORT_NAME.match(self.text, end)
        if short and self._own_short_name(cand, short.group(1).split()) and not self._region_word(
                short.group(1).split()[0]):  # "Kreiskliniken Reutlingen (Landkreis Reutlingen)": the seat
            cand.aliases.add(short.group(1))  # "Gesellschaft für Wirtschaftsförderung Rostock mbH (Rostock Business)"
        rest = self.text[end:end + 16]
        if rest.startswith(" (") and ")" in rest:
            inner = rest[2:rest.index(")")]
            if 2 <= len(inner) <= 10 and (inner.replace("-", "").replace("&", "").isalnum() or _SPACED_ABBREVIATION.fullmatch(inner)) \
                    and sum(c.isupper() for c in inner) >= 2 and not self._country_tag(cand, inner):
                cand.aliases.add(inner)
            elif 3 <= len(inner) <= 6 and inner.isalpha() and inner[0].isupper() \
                    and inner.casefold() == _initials(cand.text):
                cand.aliases.add(inner)  # "Admiraal De Ruyter Ziekenhuis (Adrz)": the initials, written as a word

    def spelled_on(self, start: int, end: int) -> int:
        """The end of a name whose bracketed abbreviation spells lower-case words after it too
        ("Gesundheitsnetzwerk Ilmtal digital (GID)", "Zorgnetwerk Twente verbonden (ZTV)"), else ``end``."""
        m = _LOWER_THEN_ABBREVIATION.match(self.text, end)
        if not m:
            return end
        letters = "".join(c for c in m.group(2) if c.isalpha())
        return m.end(1) if len(letters) >= 3 and _initials(self.text[start:m.end(1)]) == letters.casefold() else end

    @staticmethod
    def _own_short_name(cand: Candidate, words: list[str]) -> bool:
        """Are the two to four words in brackets after a name the actor's short name: capitalised
        words (and a link word) of which one, not the only capitalised one, is in the name too
        (``(Rostock Business)``, ``(IHK zu Rostock)``)?"""
        caps = [w for w in words if w[:1].isupper()]
        shared = {w for w in caps if len(w) >= 4 and w in cand.text.split()}
        return (2 <= len(words) <= 4 and len(caps) >= 2 and all(w[:1].isupper() or w in _SHORT_LINKS for w in words)
                and bool(shared) and len(shared) < len(caps))

    def _country_tag(self, cand: Candidate, inner: str) -> bool:
        """``Region Skåne (SE)``: a country code after a name says where the actor is, unless the
        letters are the name's initials (``Aarhus Universitet (AU)``)."""
        from ingest.regions import country_tag

        initials = "".join(word[0] for word in cand.text.split() if word[:1].isalpha()).upper()
        return len(inner) == 2 and inner not in initials and country_tag(inner, self.lang) is not None
