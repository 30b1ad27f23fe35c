"""Regions: gazetteer linking, patterns, and a recall print-out over the shipped corpus."""
from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from ingest.gazetteer import gazetteer, region_parent, region_record
from ingest.iris import normalise_name
from ingest.regions import find_regions, lookup_region

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold"


def spans(text: str, language: str) -> dict[str, str]:
    """Matched text -> record slug, checking the offsets on the way."""
    found = {}
    for match in find_regions(text, language):
        assert text[match.start:match.end] == match.text
        found[match.text] = match.record.slug
    return found


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Unternehmen aus Dänemark investieren.", "de", "Dänemark"),
    ("Bedrijven uit Denemarken investeren.", "nl", "Denemarken"),
    ("Virksomheder fra Danmark investerer.", "da", "Danmark"),
    ("Companies from Denmark invest.", "en", "Denmark"),
])
def test_one_country_in_four_languages_has_one_slug(text, language, name):
    match, = find_regions(text, language)
    assert (match.text, match.record.slug, match.record.iso3166) == (name, "denmark", "DK")
    assert match.record.same_as == ("https://sws.geonames.org/2623032/",)
    assert match.record.label == name
    assert region_parent(match.record).slug == "europe"


def test_inflected_forms_link_to_the_base_record():
    found = spans("Kliniken Nordrhein-Westfalens und Partner in den Niederlanden.", "de")
    assert found == {"Nordrhein-Westfalens": "nordrhein-westfalen", "Niederlanden": "netherlands"}
    assert spans("Danmarks eksport vokser.", "da") == {"Danmarks": "denmark"}
    record = lookup_region("Niederlanden", "de")
    assert (record.label, record.iso3166) == ("Niederlande", "NL")


def test_subdivision_codes_parents_and_translations():
    nrw = lookup_region("NRW", "de")
    assert (nrw.iso3166, nrw.kind, nrw.label) == ("DE-NW", "subdivision", "Nordrhein-Westfalen")
    assert region_parent(nrw).iso3166 == "DE"
    assert lookup_region("Nedersaksen", "nl").iso3166 == "DE-NI"
    flanders = lookup_region("Vlaanderen", "nl")
    assert flanders.iso3166 == "BE-VLG" and lookup_region("Flanders", "en").slug == flanders.slug
    south = lookup_region("Region Syddanmark", "da")
    assert (south.iso3166, region_parent(south).label) == ("DK-83", "Danmark")


def test_city_links_to_geonames_and_country():
    record = lookup_region("Köln", "de")
    assert record.same_as == ("https://sws.geonames.org/2886242/",)
    assert lookup_region("Cologne", "en").slug == record.slug
    assert region_parent(record).iso3166 == "DE"


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Die Region Hannover fördert Start-ups.", "de", {"Region Hannover": "region-hannover"}),
    ("Das Projekt der Region Rhein-Neckar startet; in Rhein-Neckar arbeiten viele.", "de",
     {"Region Rhein-Neckar": "rhein-neckar", "Rhein-Neckar": "rhein-neckar"}),
    ("Het netwerk groeit in regio Utrecht en in het Achterhoek-gebied.", "nl",
     {"regio Utrecht": "utrecht", "Achterhoek-gebied": "achterhoek"}),
    ("Klinieken in Noord-Nederland en Belgisch Limburg werken samen.", "nl",
     {"Noord-Nederland": "north-netherlands", "Belgisch Limburg": "limburg-be-vli"}),
    ("Firmen aus Nordeuropa und dem Emsland.", "de", {"Nordeuropa": "north-europe", "Emsland": "emsland"}),
    ("Partner in München/Augsburg und im Osnabrückland.", "de",
     {"München/Augsburg": "munchen-augsburg", "Osnabrückland": "osnabruckland"}),
    ("Neben den Regionen Eifel, Hunsrück und Westerwald ist Trier dabei.", "de",
     {"Eifel": "eifel", "Hunsrück": "hunsruck", "Westerwald": "westerwald", "Trier": "trier"}),
    ("Hospitals in Western Europe and South Holland signed.", "en",
     {"Western Europe": "west-europe", "South Holland": "zuid-holland"}),
])
def test_patterns(text, language, expected):
    assert spans(text, language) == expected


def test_region_of_a_city_lies_in_its_country():
    match, = find_regions("Die Region Hannover wächst.", "de")
    assert match.rule == "trigger-city" and region_parent(match.record).iso3166 == "DE"
    east, = find_regions("Bedrijven in Oost-Nederland.", "nl")
    assert region_parent(east.record).slug == "netherlands"


@pytest.mark.parametrize(("text", "language"), [
    ("Mobile Pflege und Energie sind Themen der Region.", "de"),
    ("Most partners use a mobile app in the region.", "en"),
    ("Indien er meer geld komt, groeit de regio.", "nl"),
    ("Det er en lille region med Danske Regioner som partner.", "da"),
    ("In der Region Projekte umsetzen und das Land stärken.", "de"),
])
def test_common_words_do_not_fire(text, language):
    assert find_regions(text, language) == []


def test_gazetteer_has_no_stop_word_forms():
    table = gazetteer()
    for language in ("de", "nl", "da", "en", "fr"):
        stop_words = importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS
        clashes = [form for form in table.forms
                   if form.lower() in stop_words and table.candidates(form, language)]
        assert clashes == [], f"{language}: add these to ingest/lexicon/region_words.tsv as stop"


def test_region_record_is_language_specific_but_slug_is_not():
    german, dutch = region_record("country:NL", "de"), region_record("country:NL", "nl")
    assert (german.label, dutch.label) == ("Niederlande", "Nederland")
    assert german.slug == dutch.slug == "netherlands" and "Netherlands" in german.alt_labels
    assert german.iri == "https://w3id.org/hin/id/region/netherlands"


def test_matches_do_not_overlap_and_offsets_are_exact_over_the_corpus():
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        matches = find_regions(text, "de")
        assert all(text[m.start:m.end] == m.text for m in matches)
        assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


def test_print_recall_of_gold_regions():
    """Prints recall of the gold Region names over the sample corpus (a figure, not a gate)."""
    hit = total = 0
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (ROOT / "corpus" / gold["document"]).read_text(encoding="utf-8")
        labels = set()
        for match in find_regions(text, gold["language"]):
            labels |= {normalise_name(n) for n in (match.text, match.record.label)}
        for entity in gold["entities"]:
            if entity["type"] == "Region" and not entity["optional"]:
                total += 1
                hit += bool({normalise_name(n) for n in [entity["name"], *entity["aliases"]]}
                            & labels)
    print(f"region recall over the sample corpus: {hit}/{total} (gold folder: {GOLD})")
    assert hit <= total
