"""Find regions in text and link them to reference data (:mod:`ingest.gazetteer`).

:func:`find_regions` combines the gazetteer (names of countries, subdivisions, continents and
cities, with genitive/dative forms) with patterns for regions that no gazetteer holds: "Region X",
"regio X", compass words ("Oost-Nederland"), country adjectives ("Nederlands Limburg"), slash
pairs ("Köln/Bonn"), "X-gebied", "Münsterland" and enumerations after a plural trigger ("den
Regionen A, B und C").  A name that a pattern establishes is then found again where the text uses
it bare ("Region Weser-Ems" ... "in Weser-Ems").  The trigger words live in
``ingest/lexicon/region_words.tsv``.  Matches never overlap: the longest span wins, then the most
confident.  The organisation extractor should win where a span lies inside an organisation name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.false_friends import COMMON_ZIPF, frequent, zipf
from ingest.gazetteer import CAPITAL, QUALIFIER_BRACKET, RegionRecord, gazetteer, region_record
from ingest.iris import slugify
from ingest.lexicon import words
from ingest.name_spans import PLACE_LINKS, SAINT
from ingest.sentences import LIST_MARK
from ingest.tokens import FROM_WORDS, wordlist

_UPPER = CAPITAL
_WORD = re.compile(r"[^\W\d_]+")
#: A proper name: capitalised word, optional hyphenated parts ("Weser-Ems", "Rhein-Kreis").
_NAME = rf"[{_UPPER}][^\W\d_]+(?:-[{_UPPER}][^\W\d_]+)*"
_NAME_PART = rf"[{_UPPER}][^\W\d_]+"
_GERMAN_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "tät", "ismus", "nis", "ment",
                        "ik", "en", "er", "e")
_MAX_TOKENS = 5


@dataclass(frozen=True)
class RegionMatch:
    """A span of text that names a region."""

    start: int
    end: int
    text: str  #: exactly the searched text[start:end]
    record: RegionRecord
    confidence: float
    rule: str


def area_record(name: str, language: str, slug: str | None = None, parent: str | None = None,
                alt_labels: tuple[str, ...] = ()) -> RegionRecord:
    """A region that only the text names ("Region Aachen", "Oost-Nederland"), as a record.

    Parameters
    ----------
    name : str
        Its label as written in the document.
    language : str
        The document's language.
    slug : str, optional
        Language-independent slug; by default ``slugify(name)``.
    parent : str, optional
        Key of the enclosing region of the reference data, if known.
    alt_labels : tuple of str
        Other names of the same region.
    """
    slug = slug or slugify(name)
    return RegionRecord(f"area:{slug}", "area", slug, " ".join(name.split()), language,
                        alt_labels, (), None, parent)


def _alternation(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


@lru_cache(maxsize=16)
def _grammar(language: str) -> dict:
    def pick(kind: str) -> list:
        rows = words("region_words", kind, language)
        return list(rows) if rows else list(words("region_words", kind))

    return {kind: {row.form: row.value for row in pick(kind)}
            for kind in ("trigger", "plural", "and", "compass", "adjective", "suffix", "hyphen")}


def region_triggers(language: str) -> frozenset[str]:
    """The words before a region's name in ``language`` ("Region", "Landkreis", "provincie")."""
    return frozenset(_grammar(language)["trigger"])


def _known(name: str, language: str, kinds=("country", "continent", "subdivision", "city", "area")):
    for place in gazetteer().candidates(name, language):
        if place.kind in kinds:
            return region_record(place.key, language)
    return None


#: A capitalised word right before (on the same line, a space between): the name the next word ends.
_NAME_BEFORE = re.compile(rf"(?<![\w-])[{CAPITAL}][\w-]*[a-z][\w-]* $")


#: The rule of a country's name that ends an organisation's ("Innovate UK", "BioValley France"): a
#: span the name finder may take in, never a region mention of its own.
NAME_TAIL = "gazetteer-name-tail"


#: A bracketed country between a name and its legal form: "Tunstall Healthcare (UK) Ltd", "Philips (Nederland) B.V.".
_BRACKET_BEFORE_FORM = re.compile(rf"\)[ \t][{CAPITAL}]")


def _in_name(text: str, start: int, end: int, language: str) -> bool:
    """Whether a country's name at ``start:end`` is part of an organisation's: after a capitalised word that is no
    function word ("Innovate UK", not "From France, ..."), or in brackets before a legal form."""
    if text[start - 1:start] == "(" and _BRACKET_BEFORE_FORM.match(text, end):
        return True
    m = _NAME_BEFORE.search(text, 0, start)
    return m is not None and m.group().strip().casefold() not in wordlist("stopwords", language).exact


#: An amount right before a word ("1,4 Millionen Franken", "2 mio. kroner"): the word is a currency.
_AMOUNT_BEFORE = re.compile(r"\b(?:Millionen|Mio\.|Milliarden|Mrd\.|million|millions|millioner|mio\.|miljoen|miljard"
                            r"|mia\.)\s+$", re.IGNORECASE)


def _gazetteer_spans(text: str, language: str):
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    for i, (start, _) in enumerate(tokens):
        if not text[start].isupper() or (start and text[start - 1] in "-/"):
            continue
        for j in range(min(len(tokens), i + _MAX_TOKENS) - 1, i - 1, -1):
            if any(text[tokens[k][1]:tokens[k + 1][0]] not in (" ", "-") and not (
                    text[tokens[k][1]:tokens[k + 1][0]] == ". " and text[tokens[k][0]:tokens[k][1]] in SAINT)
                    for k in range(i, j)):
                continue  # words joined by a space or hyphen, or a saint's abbreviation ("St. Gallen")
            end = tokens[j][1]
            record = _known(text[start:end], language)
            if record is None:
                continue
            if _AMOUNT_BEFORE.search(text, max(0, start - 20), start):
                break  # "1,4 Millionen Franken": a currency after an amount, not Franconia
            if record.kind in ("continent", "country") and _in_name(text, start, end, language):
                if record.kind == "country":  # the name finder may read it as the name's last word
                    yield RegionMatch(start, end, text[start:end], record, 0.5, NAME_TAIL)
                break  # "Horizon Europe", "MedTech Europe", "Innovate UK": the last word of a name, no place
            compound = end < len(text) and text[end] == "-" and text[end + 1:end + 2].isalpha()
            confidence = 0.8 if record.kind == "city" else 0.9
            yield RegionMatch(start, end, text[start:end], record,
                              0.6 if compound else confidence,
                              "gazetteer-compound" if compound else f"gazetteer-{record.kind}")
            break


_TOWN = (rf"(?P<town>[{CAPITAL}][a-zß-öø-ÿĀ-ž]+(?:[- ](?:an der |am |upon |aan (?:de |het )?)?[{CAPITAL}]"
         r"[a-zß-öø-ÿĀ-ž]+)?)")
#: The two ends of a stretch of land ("Van X tot Y", "von X bis Y", "from X to Y", "fra X til Y").
_FROM, _TO = r"\b(?:[Vv]an|[Vv]on|[Ff]rom|[Ff]ra)\s+", r"(?:tot|bis|to|til)"
#: Strong contexts for a town too small for the gazetteer: a dateline, a postal code, "aus/uit/fra
#: X", a name or a bracketed short name before "in/i X", "X-based", a list item "Name, X (DK)", a
#: table cell "| X (NL) |", "Name, X, Country" closing a line, "Name (X)"; and every town listed after
#: "locaties in" / "sites in" (below).
_TOWN_CONTEXTS = [
    re.compile(r"(?m)^\s*" + _TOWN + r",\s+(?:den\s+)?\d{1,2}\.?\s"),
    # on the code's own line: "12. marts 2025" over "Falck, UCL og ..." is a date above a name
    re.compile(r"\b(?:[A-Z]{1,2}-)?\d{4,5}(?:[ \t]?[A-Z]{2})?[ \t]+" + _TOWN + r"\b"),
    re.compile(rf"\b(?:{'|'.join(sorted(FROM_WORDS))}|based in|gevestigd in|ligger i|mit Sitz in|headquartered in"
               r"|hovedsæde i|hovedkontor i|hoofdkantoor in|headquarters in)\s+" + _TOWN + r"\b"),
    # a word holding a capital, matched from its first character only (linear on "A.A.A.…")
    # and a short name in brackets, also one written as a word ("(ADRZ) in Goes", "(Adrz) in Goes")
    re.compile(r"(?:(?<![\w.&-])(?=[\w.&-]*[A-Z])[\w.&-]+|A/S|\([A-Z][A-Za-z]{1,7}\))\s+(?:in|i)\s+" + _TOWN + r"\b"),
    re.compile(r"\b" + _TOWN + r"-(?:based|baseret)\b"),
    # "på netværkets forårsmøde i Skive", "een polikliniek in Goes": after a lower-case word, a town that no
    # capitalised word continues ("i Skive Kommune" names the council)
    re.compile(r"(?<=[a-zß-öø-ÿ] )(?:in|i)\s+" + _TOWN + r"(?![\w-]|\s+[A-ZÀ-Þ])"),
    # also with a note in brackets after the town ("- Ambu A/S, Ballerup (nyt medlem)", "..., Lyngby (koordinator)")
    re.compile(r"(?m)^\s*(?:" + LIST_MARK + r"\s+)?[A-Z][^,\n]{2,80},\s+" + _TOWN
               + r"(?:\s+\([A-Z]{2}\)|\s+\([^()\n]{1,30}\))?\s*$"),
    # a company's legal form and its seat: "Kinetic Motion ApS, Svendborg – ...", "Tromsø Imaging AS, Tromsø (NO)"
    re.compile(r"(?<![\w/])(?:A/S|ApS|I/S|AS|AB|Oy|GmbH|AG|Ltd|B\.V\.|BV|N\.V\.|ehf\.)\s*,\s+" + _TOWN
               + r"(?=\s*(?:$|\([A-Z]{2}\)|[–|;]|-\s))", re.MULTILINE),
    # the last cell of a row aligned with spaces ("Gemeente X      België    Kalmthout")
    re.compile(r"(?m)(?<=   )" + _TOWN + r"[ \t]*$"),
    # a table cell that holds nothing but a place ("| Winschoten (NL) |", "| Ormskirk, Lancashire |")
    re.compile(r"\|[ \t]*" + _TOWN + r"(?:[ \t]+\([A-Z]{2}\)|,[ \t]*[A-Z][\w-]+)?[ \t]*(?=\|)"),
    # a town and its country closing a line ("- Polar Electro Oy, Kempele, Finland")
    re.compile(r"(?m),[ \t]+" + _TOWN + r",[ \t]+[A-Z][\w]+(?:[ \t][A-Z]\w+)?[ \t]*$"),
    # both ends of a stretch of land ("Van Kinrooi tot Lanaken", "von Plauen bis Greiz", "fra Skagen til Gedser")
    re.compile(_FROM + _TOWN + rf"(?=\s+{_TO}\s+[{CAPITAL}])"),
    re.compile(_FROM + rf"[{CAPITAL}][\w-]+\s+{_TO}\s+" + _TOWN + r"\b"),
    # a town in brackets after a name ("Medica Lemgo GmbH (Lemgo)", "UMIT (Hall in Tirol)")
    re.compile(rf"(?<=\w)[ \t]\((?P<town>[{CAPITAL}][a-zß-öø-ÿĀ-ž]+(?:[ \t](?:in|an der|am|im)[ \t][{CAPITAL}]"
               r"[a-zß-öø-ÿĀ-ž]+)?)\)"),
]


#: Sites listed after a word for them ("met locaties in Emmen, Hoogeveen en Stadskanaal",
#: "Standorte in A und B", "sites in A, B and C"): every town of the list.
_SITES = re.compile(r"(?:\b(?:locaties|vestigingen|locations|sites|Standorten?|Kliniken|afdelinger|matrikler|ziekenhuizen"
                    r"|klinieken|hospitals|sygehuse|Krankenhäusern|campussen|campuses|klinikker|hospitaler|clinics"
                    # where pilots run: "proeftuinen in Zwijndrecht, Papendrecht en Sliedrecht", "Modellregionen in"
                    r"|proeftuinen|proeftuin|pilots|testbeds|test sites|Modellregionen|Pilotregionen|pilotkommuner)"
                    r"\s+(?:in|i)\s+"
                    # a word for an actor's own sites with the towns right after it ("mit den Standorten A und B",
                    # "dessen Standort C", "met de vestigingen D en E")
                    r"|\b(?:Standorte?n?|Standorts|vestigingen|vestiging|lokationer|matrikler)\s+)"
                    r"(?P<towns>[A-ZÀ-ÖØ-Þ][^.;:()\n]{0,120})")
#: Towns given as examples of municipalities ("Andere gemeenten uit het gebied, zoals Gooise Meren, Blaricum en
#: Eemnes", "Kommuner som Nyborg og Kerteminde", "towns such as Hove and Lewes"): each item is a town, also one
#: too small for the reference data.
_SUCH_AS = re.compile(r"\b(?:gemeenten|gemeentes|kommuner|kommunerne|Gemeinden|Kommunen|Städte|municipalities|councils"
                      r"|towns|steden|byer)\b[^.;:()\n]{0,40}?\b(?:zoals|such as|like|wie|etwa|som|f\.eks\.|bl\.a\.)\s+"
                      r"(?P<towns>[A-ZÀ-ÖØ-Þ][^.;:()\n]{0,120})")
_SITE_NAME = re.compile(r"(?:^|,\s+|\s+(?:en|and|und|og)\s+)" + _TOWN + r"(?=\s*(?:,|\s+(?:en|and|und|og)\s|$|\s))")


#: A bracketed river or region after a word, and the one or two words before it.
_QUALIFIER = re.compile(rf"(?:(?P<two>[{CAPITAL}][^\W\d_]+[- ])?(?P<one>[{CAPITAL}][^\W\d_]+)) {QUALIFIER_BRACKET}")


def _qualified_spans(text: str, language: str):
    """Towns named with their river or region in brackets ("Frankfurt (Oder)"): one place, the
    longest that is known ("Stadt Frankfurt (Oder)" holds "Frankfurt (Oder)")."""
    same = [form for form, value in _grammar(language)["trigger"].items() if value == "="]
    before = re.compile(rf"(?<![\w-])(?:{_alternation(same)})\s+$") if same else None
    for m in _QUALIFIER.finditer(text):
        for start in (m.start(), m.start("one")):
            key = gazetteer().qualified(text[start:m.end()])
            if key is not None:
                trigger = before.search(text, max(0, start - 40), start) if before else None
                start = trigger.start() if trigger else start  # "Stadt Frankfurt (Oder)": the city itself
                yield RegionMatch(start, m.end(), text[start:m.end()], region_record(key, language), 0.9,
                                  "gazetteer-qualified")
                break


#: A German town named with its river or region behind an abbreviated link ("Bad Neustadt a.d.Saale",
#: "Pfaffenhofen a. d. Ilm", "Bischofsheim i.d.Rhön", "Mühldorf a. Inn"), and the words the link stands for.
_ABBREVIATED = re.compile(rf"(?:(?P<two>[{CAPITAL}][^\W\d_]+[- ])?(?P<one>[{CAPITAL}][^\W\d_]+))"
                          rf" ?(?P<link>a|i|o|ob|b|v)\. ?(?:(?P<article>d)\. ?)?(?P<river>[{CAPITAL}][^\W\d_]+)(?![\w-])")
_LINK_WORDS = {("a", True): ("an der", "an den"), ("i", True): ("in der",), ("o", True): ("ob der",),
               ("ob", True): ("ob der",), ("v", True): ("vor der",), ("a", False): ("am", "an"),
               ("i", False): ("im", "in"), ("b", False): ("bei",)}


def _abbreviated_spans(text: str, language: str):
    """Towns whose link to their river or region is abbreviated ("Bad Neustadt a.d.Saale" is the
    gazetteer's "Bad Neustadt an der Saale"): one place, written as the text writes it."""
    for m in _ABBREVIATED.finditer(text):
        links = _LINK_WORDS.get((m.group("link"), bool(m.group("article"))), ())
        for start in (m.start(), m.start("one")):
            town = text[start:m.start("link")].strip()
            record = next(filter(None, (_town_or_city(f"{town} {words} {m.group('river')}", language)
                                        for words in links)), None)
            if record is not None:
                yield RegionMatch(start, m.end(), text[start:m.end()], record, 0.9, "gazetteer-abbreviated")
                break


#: Words that join the towns of a list.
_TOWN_JOINERS = r"und|and|og|en|sowie|et|or|oder|eller|of|ou"
#: A further town listed after one found in a strong context ("aus Gera und Bad Berka", "aus Memmingen,
#: Kaufbeuren und ...", "in Grimsby or Beverley").
_AND_TOWN = re.compile(r"(?:,|\s+(?:" + _TOWN_JOINERS + r"))\s+" + _TOWN + r"\b")


#: A capitalised word after a preposition of place and before a comma or a conjunction: the first place of a
#: list ("het gebied rond Heerlen, Kerkrade en Landgraaf"; not a list of members named by their towns).
_LIST_OPENER = re.compile(r"\b(?:in|i|im|rond|rondom|around|um|omkring|rundt om|near|nahe|bij|between|zwischen|tussen"
                          r"|mellem)\s+" + _TOWN + r"(?=,\s|\s+(?:" + _TOWN_JOINERS + r")\s)")


def _town_spans(text: str, language: str):
    """Towns below the gazetteer's population floor, where a strong context names a place."""
    found = [m.span("town") for context in _TOWN_CONTEXTS for m in context.finditer(text)]
    sites = {(m.start("towns") + n.start("town"), m.start("towns") + n.end("town"))
             for m in _SITES.finditer(text) for n in _SITE_NAME.finditer(m.group("towns"))}
    found += sorted(sites)
    # "rond Heerlen, Kerkrade en Landgraaf": a list that a known city or town opens goes on with towns
    starts = [m.end() for m in _LIST_OPENER.finditer(text)
              if _town_or_city(m.group("town"), language) and _AND_TOWN.match(text, m.end())]
    joined = []
    for end in [e for _, e in found] + starts:  # "aus Gera und Bad Berka": the second town too, and a third
        m = _AND_TOWN.match(text, end)
        while m and len(joined) < 1000 and _town_or_city(m.group("town"), language):
            joined.append(m.span("town"))
            m = _AND_TOWN.match(text, m.end())
    examples = [(m.start("towns") + n.start("town"), m.start("towns") + n.end("town"))
                for m in _SUCH_AS.finditer(text) for n in _SITE_NAME.finditer(m.group("towns"))]
    for start, end in found + joined + examples:
        record = _town_or_city(text[start:end], language)
        if record is None and " " in text[start:end] and (start, end) in sites:
            end = start + text[start:end].index(" ")  # "dessen Standort Bensheim Zahnmedizin abdeckt": one word
            record = _town_or_city(text[start:end], language)
        if record is not None:
            yield RegionMatch(start, end, text[start:end], record, 0.7, "town-context")
        elif (start, end) in examples and _looks_proper(text[start:end], language):
            yield RegionMatch(start, end, text[start:end], area_record(text[start:end], language), 0.6, "town-context")


#: "Region Skåne (SE)", "Oslo Cancer Cluster (NO) – associeret partner": a European country's
#: ISO 3166 code in brackets right after a name tags where the named actor is.
_COUNTRY_TAG = re.compile(r"(?<=[\w.])\s\((?P<code>[A-Z]{2})\)")
#: The codes the EU writes otherwise than ISO 3166.
_EU_CODES = {"UK": "GB", "EL": "GR"}


def country_tag(code: str, language: str) -> RegionRecord | None:
    """The European country a bracketed two-letter tag stands for, or None."""
    key = f"country:{_EU_CODES.get(code, code)}"
    place = gazetteer().places.get(key)
    if place is None or place.parent != "continent:EU":
        return None
    return region_record(key, language)


def _country_tag_spans(text: str, language: str):
    for m in _COUNTRY_TAG.finditer(text):
        if _BRACKET_BEFORE_FORM.match(text, m.end("code")):
            continue  # "Tunstall Healthcare (UK) Ltd": part of the name
        record = country_tag(m.group("code"), language)
        if record is not None:
            yield RegionMatch(m.start("code"), m.end("code"), m.group("code"), record, 0.8, "country-tag")


def _looks_proper(name: str, language: str) -> bool:
    if "-" in name or "/" in name:
        return True
    return language != "de" or not name.lower().endswith(_GERMAN_NOUN_ENDINGS)


_JOINED_NAME = re.compile(rf"{_NAME}\s(?:en|und|og|and)\s{_NAME}")


#: A place's name with its own lower-case link words ("Bergen op Zoom", "Alphen aan den Rijn").
_LINKED_NAME = re.compile(rf"{_NAME}(?:\s(?:{'|'.join(sorted(PLACE_LINKS))})){{1,2}}\s{_NAME}")


#: A river or region in brackets after a town's name ("Köthen (Anhalt)", "Frankfurt (Oder)").
_BRACKET_QUALIFIER = re.compile(" " + QUALIFIER_BRACKET)


def _trigger_spans(text: str, language: str, grammar: dict):
    triggers = grammar["trigger"]
    pattern = rf"(?<![\w-])({_alternation(triggers)})\s+({_NAME}(?:\s{_NAME})?)"
    for m in re.finditer(pattern, text):
        trigger, name, start = m.group(1), m.group(2), m.start(2)
        joined = _JOINED_NAME.match(text, m.start(2)) or _LINKED_NAME.match(text, m.start(2))
        if joined and _known(joined.group(), language):
            name = joined.group()  # "Regio Gooi en Vechtstreek": one region of two names joined by "and";
            # "gemeente Bergen op Zoom": a town with its link word
        record = _known(name, language)
        if record is None and " " in name:  # "Region Aachen Projekte": try the first word only
            name = name.split(" ")[0]
            record = _known(name, language)
        if record is None and triggers[trigger] == "=" and gazetteer().town(name):
            record = region_record(gazetteer().town(name), language)  # "Gemeinde Słubice": a town's own body
        end = start + len(name)
        bracket = _BRACKET_QUALIFIER.match(text, end)
        if bracket and record and triggers[trigger] == "=" and not _known(name + bracket.group(), language):
            end = bracket.end()  # "Stadt Köthen (Anhalt)": the town's official name with its qualifier (a
            # qualified name the reference data knows, "Frankfurt (Oder)", is a place of its own)
        span = (m.start(), end, text[m.start():end])
        if record and (triggers[trigger] == "=" or record.kind in ("subdivision", "area")):
            yield RegionMatch(*span, record, 0.9, "trigger-known")
        elif record and record.kind == "city":
            slug = f"{triggers[trigger]}-{slugify(name)}"
            # "Region Aachen" is also called "Aachen"; "Landkreis Ludwigsburg" is not the town Ludwigsburg
            other = () if triggers[trigger] == "kreis" else (record.label,)
            yield RegionMatch(*span, area_record(span[2], language, slug, record.parent, other), 0.85, "trigger-city")
        elif record is None and triggers[trigger] != "=" and _looks_proper(name, language):
            name = name.split(" ")[0]
            if "-" not in name and zipf(name, language) >= COMMON_ZIPF:  # "Regio Deal": a common word
                continue
            end = start + len(name)
            yield RegionMatch(m.start(), end, text[m.start():end],
                              area_record(name, language, None, None,
                                          (text[m.start():end],)), 0.7, "trigger-name")


def _compass_spans(text: str, language: str, grammar: dict):
    compass = grammar["compass"]
    alternation = _alternation(compass)
    # "Ostdeutschland", "Nord-Jylland", "South West of England": one or two compass words, then the place
    pattern = rf"(?<![\w-])((?:{alternation})(?:[- ](?:{alternation}))?)(\s+of\s+|[- ]?)([^\W\d_][^\W\d_]+)"
    for m in re.finditer(pattern, text):
        rest = m.group(3)
        if not m.group(2):  # fused: "Ostdeutschland"
            rest = rest[0].upper() + rest[1:]
        record = _known(rest, language, ("country", "continent", "subdivision"))
        if record:
            slug = "-".join([*(compass[w] for w in re.split(r"[- ]", m.group(1))), record.slug])
            yield RegionMatch(m.start(), m.end(), m.group(0),
                              area_record(m.group(0), language, slug, record.key), 0.8, "compass")


def _compass_after_spans(text: str, language: str, grammar: dict):
    """``Noord-Holland Noord``, ``Brabant Noordoost``: a province or state and a compass word after it,
    the part of it that the word names (slug as for the word before: ``north-noord-holland``)."""
    compass = grammar["compass"]
    for m in re.finditer(rf"(?<![\w-])({_NAME})[ -]({_alternation(compass)})(?![\w-])", text):
        record = _known(m.group(1), language, ("subdivision",))
        if record:
            slug = f"{compass[m.group(2)]}-{record.slug}"
            yield RegionMatch(m.start(), m.end(), m.group(0),
                              area_record(m.group(0), language, slug, record.key), 0.8, "compass-after")


def _adjective_spans(text: str, language: str, grammar: dict):
    adjectives = grammar["adjective"]
    for m in re.finditer(rf"(?<![\w-])({_alternation(adjectives)})[- ]({_NAME})", text):
        for place in gazetteer().candidates(m.group(2), language):
            if place.kind == "subdivision" and place.home == adjectives[m.group(1)]:
                yield RegionMatch(m.start(), m.end(), m.group(0),
                                  region_record(place.key, language), 0.9, "adjective-subdivision")
                break


#: A date right after a place name: a dateline ("Kiel/Lübeck, 18. März 2025", "Galway, 27 February 2025").
_DATELINE_AFTER = re.compile(r",\s+(?:den\s+)?\d{1,2}\.?\s")


def _town_or_city(name: str, language: str) -> RegionRecord | None:
    """The record of the town or city of the reference data called ``name`` (exactly), or None."""
    key = gazetteer().town(name) or gazetteer().city(name)
    return region_record(key, language) if key else None


def _hyphen_pair_spans(text: str, language: str):
    """"de gemeente Sittard-Geleen", "Gemeinde Bodegraven-Reeuwijk": two towns of one subdivision joined by a
    hyphen, which the text names after a word for a municipality once, are one municipality wherever the text
    names them so (not "Kiel-Lübeck" between two towns)."""
    same = [form for form, value in _grammar(language)["trigger"].items() if value == "="]
    if not same:
        return
    authority = re.compile(rf"(?<![\w-])(?:{_alternation(same)})\s+$")
    pairs = {}
    for m in re.finditer(rf"(?<![\w/-])({_NAME_PART})-({_NAME_PART})(?![\w/-])", text):
        if m.group(0) not in pairs:
            first, second = (_town_or_city(m.group(n), language) for n in (1, 2))
            pairs[m.group(0)] = first.parent if first and second and first.parent == second.parent \
                and _known(m.group(0), language) is None else False
        if pairs[m.group(0)] is not False and any(authority.search(text, max(0, n.start() - 30), n.start())
                                                  for n in re.finditer(re.escape(m.group(0)), text)):
            trigger = authority.search(text, max(0, m.start() - 30), m.start())
            start = trigger.start() if trigger else m.start()  # "gemeente Sittard-Geleen": also its council's name
            yield RegionMatch(start, m.end(), text[start:m.end()],
                              area_record(m.group(0), language, None, pairs[m.group(0)]), 0.8, "municipality-pair")


def _pair_spans(text: str, language: str):
    for m in re.finditer(rf"(?<![\w/-])({_NAME})\s?/\s?({_NAME})(?![\w/])", text):
        first, second = _known(m.group(1), language), _known(m.group(2), language)
        if first and second and _DATELINE_AFTER.match(text, m.end()):
            # "Kiel/Lübeck, 18. März 2025": a release dated in two towns names each of them
            yield RegionMatch(m.start(1), m.end(1), m.group(1), first, 0.8, "dateline-pair")
            yield RegionMatch(m.start(2), m.end(2), m.group(2), second, 0.8, "dateline-pair")
        elif first and second:
            parent = first.parent if first.parent == second.parent else None
            yield RegionMatch(m.start(), m.end(), m.group(0),
                              area_record(m.group(0), language, None, parent), 0.8, "slash-pair")


def _suffix_spans(text: str, language: str, grammar: dict):
    suffixes, hyphens = grammar["suffix"], grammar["hyphen"]
    if suffixes:
        for m in re.finditer(rf"(?<![\w-])([{_UPPER}][^\W\d_]+?)({_alternation(suffixes)})\b", text):
            # "Berchtesgadener Land": the district around a small town (not "Holland" around a town "Hol")
            town = gazetteer().town(m.group(1)) if " " in m.group(2) else None
            record = _known(m.group(1), language, ("city",)) or (region_record(town, language) if town else None)
            if record:
                yield RegionMatch(m.start(), m.end(), m.group(0),
                                  area_record(m.group(0), language, None, record.parent), 0.75,
                                  "suffix-city")
    if hyphens:
        for m in re.finditer(rf"(?<![\w-])({_NAME})-({_alternation(hyphens)})\b", text):
            record = _known(m.group(1), language) or area_record(
                m.group(1), language, None, None, (m.group(0),))
            yield RegionMatch(m.start(), m.end(), m.group(0), record, 0.75, "hyphen-area")


#: A city and one of its districts joined by a hyphen ("Rostock-Warnemünde", "Hamburg-Eppendorf").
_DISTRICT = re.compile(rf"(?<![\w-])([{_UPPER}][^\W\d_]+)-([{_UPPER}][^\W\d_]+)(?![\w-])")


#: A diocese named by two towns ("Diözese Graz-Seckau", "Bistum Dresden-Meißen"): no city and its district.
_DIOCESE = re.compile(r"\b(?:Diözese|Erzdiözese|Bistum|Bistums|Erzbistum|Erzbistums|Bisdom|Diocese|Stift)\s+$")


def _district_spans(text: str, language: str):
    """``Rostock-Warnemünde``, ``Hamburg-Harburg``: a district of a city, part of it, also named by
    the district alone.  The second word is a place of the same country with a fifth of the city's
    population or less (``Aachen-Maastricht`` joins two cities), or no place and no common word."""
    places = gazetteer().places
    for m in _DISTRICT.finditer(text):
        city, district = m.group(1), m.group(2)
        record = _known(city, language, ("city",))
        if record is None or _known(m.group(0), language) is not None or _DIOCESE.search(text, 0, m.start()):
            continue
        key = next((p.key for p in gazetteer().candidates(district, language)), None) or gazetteer().town(district)
        if key is not None:
            big, small = places[record.key], places[key]
            if small.kind != "city" or small.home != big.home or small.population * 5 > big.population:
                continue
        if key is not None or not frequent(district, language):
            yield RegionMatch(m.start(), m.end(), m.group(0),
                              area_record(m.group(0), language, None, record.key, (district,)), 0.8, "city-district")


#: A German district named by its landscapes or rivers and ``-Kreis`` ("Rems-Murr-Kreis", "Rhein-Sieg-Kreis",
#: "Main-Kinzig-Kreis"); the one-word form ("Hochtaunuskreis") is left out, as it shares its shape with common
#: nouns ("Arbeitskreis", "Freundeskreis").
_HYPHENATED_KREIS = re.compile(rf"(?<![\w-])(?:[{_UPPER}][^\W\d_]+-)+Kreis(?![\w-])"
                               # or by an adjective: "Märkischer Kreis", "Oberbergischer Kreis", "Rheinisch-Bergischer Kreis"
                               rf"|(?<![\w-])(?:[{_UPPER}][^\W\d_]+-)?[{_UPPER}][^\W\d_]+(?:er|e|en) Kreis(?![\w-])")


def _kreis_spans(text: str, language: str):
    if language != "de":
        return
    for m in _HYPHENATED_KREIS.finditer(text):
        yield RegionMatch(m.start(), m.end(), m.group(), area_record(m.group(), language), 0.8, "district-name")


def _enumeration_spans(text: str, language: str, grammar: dict):
    item = rf"{_NAME}(?: Kreis)?(?:/{_NAME})?"  # "Märkischer Kreis"
    conj = _alternation(grammar["and"])
    pattern = (rf"(?<![\w-])(?:{_alternation(grammar['plural'])})\s+(?:von\s+|van\s+|of\s+)?"
               rf"({item}(?:,\s+{item})*(?:,?\s+(?:{conj})\s+{item})?)(?![\w-])")
    for m in re.finditer(pattern, text):
        items = list(re.finditer(item, m.group(1)))
        if len(items) < 2:
            continue
        for it in items:
            if it.group(0) in grammar["and"]:
                continue
            start, end = m.start(1) + it.start(), m.start(1) + it.end()
            record = _known(it.group(0), language)
            yield RegionMatch(start, end, it.group(0),
                              record or area_record(it.group(0), language),
                              0.85 if record else 0.7, "enumeration")


def _propagate(text: str, found: list[RegionMatch]):
    for match in found:
        if match.rule not in ("trigger-name", "enumeration", "hyphen-area") \
                or match.record.kind != "area":
            continue
        bare = match.record.label
        for m in re.finditer(rf"(?<![\w-]){re.escape(bare)}(?![\w-])", text):
            yield RegionMatch(m.start(), m.end(), m.group(0), match.record, 0.65, "propagated")


def _select(candidates: list[RegionMatch]) -> list[RegionMatch]:
    chosen: list[RegionMatch] = []
    taken: set[int] = set()
    for match in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.confidence, c.start)):
        if not taken.intersection(range(match.start, match.end)):
            chosen.append(match)
            taken.update(range(match.start, match.end))
    return sorted(chosen, key=lambda c: c.start)


def find_regions(text: str, language: str) -> list[RegionMatch]:
    """Regions named in ``text``, non-overlapping and in text order.

    Parameters
    ----------
    text : str
        Plain text; offsets of the matches point into it.
    language : str
        ISO 639-1 code of the text (de, nl, da, en, fr; others use every language's names).

    Returns
    -------
    list of RegionMatch
        ``text[m.start:m.end] == m.text`` for every match.

    Examples
    --------
    >>> [m.record.slug for m in find_regions("Firmen aus Dänemark und Ostdeutschland.", "de")]
    ['denmark', 'east-germany']
    """
    grammar = _grammar(language)
    found = [*_gazetteer_spans(text, language), *_trigger_spans(text, language, grammar),
             *_compass_spans(text, language, grammar), *_compass_after_spans(text, language, grammar),
             *_adjective_spans(text, language, grammar),
             *_pair_spans(text, language), *_hyphen_pair_spans(text, language), *_suffix_spans(text, language, grammar),
             *_enumeration_spans(text, language, grammar), *_town_spans(text, language),
             *_qualified_spans(text, language), *_abbreviated_spans(text, language), *_district_spans(text, language),
             *_kreis_spans(text, language)]
    # a tag locates an actor (not a town: "Tampere (FI)") in a country the text names
    named, ends = {m.record.key for m in found if m.rule != NAME_TAIL}, {m.end for m in found}
    found += [m for m in _country_tag_spans(text, language) if m.record.key in named and m.start - 2 not in ends]
    found += list(_propagate(text, found))
    return _select(found)


def lookup_region(name: str, language: str) -> RegionRecord | None:
    """The region a name stands for ("Danmark", "Land Niedersachsen", "regio Twente"), or None.

    The whole name must be one match of :func:`find_regions`, or a gazetteer form.
    """
    name = " ".join(name.split())
    record = _known(name, language)
    if record:
        return record
    matches = find_regions(name, language)
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(name):
        return matches[0].record
    return None


__all__ = ["NAME_TAIL", "RegionMatch", "area_record", "find_regions", "lookup_region"]
