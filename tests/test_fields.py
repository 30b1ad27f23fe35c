"""Fields: scheme labels (stems, compounds, elliptic forms), trigger patterns, recall print-out."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.field_lexicon import field_lexicon, stem
from ingest.fields import find_fields, lookup_field
from ingest.iris import normalise_name

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold"
FIELD = "https://w3id.org/hin/id/field/"


def found(text: str, language: str) -> dict[str, str]:
    """Matched text -> slug, checking offsets and that matches do not overlap."""
    matches = find_fields(text, language)
    assert all(text[m.start:m.end] == m.text for m in matches)
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))
    return {m.text: m.slug for m in matches}


def test_every_concept_of_the_scheme_is_loaded_with_its_labels():
    lexicon = field_lexicon()
    medtech = lexicon.concepts[FIELD + "medical-technology"]
    assert medtech.label("de") == "Medizintechnik" and medtech.label("en") == "medical technology"
    assert all(iri.startswith(FIELD) for iri in lexicon.concepts)


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Wir stärken die medizintechnischen Betriebe.", "de", {"medizintechnischen": "medical-technology"}),
    ("Vi arbejder med velfærdsteknologien i kommunen.", "da", {"velfærdsteknologien": "welfare-technology"}),
    ("We invest in medical technology and telemedicine.", "en",
     {"medical technology": "medical-technology", "telemedicine": "telemedicine"}),
    ("Het bedrijf werkt aan medische technologie voor ziekenhuizen.", "nl",
     {"medische technologie": "medical-technology"}),
])
def test_labels_match_case_and_inflection_tolerantly(text, language, expected):
    assert found(text, language) == expected


def test_compound_with_a_label_as_head():
    matches = find_fields("Die Stadt fördert die Bayern-Gesundheitswirtschaft.", "de")
    assert [(m.text, m.slug, m.rule) for m in matches] == [
        ("Bayern-Gesundheitswirtschaft", "health-economy", "compound")]


def test_elliptic_coordination_yields_both_fields():
    matches = find_fields("Ein Netz für Medizin- und Pflegetechnik entsteht.", "de")
    slugs = {m.text: m.slug for m in matches}
    assert slugs["Medizin-"] == "medical-technology"
    assert matches[0].rule == "elliptic" and matches[0].label == "Medizintechnik"


def test_danish_coordination_that_is_a_label_stays_one_field():
    text = "Klyngen samler virksomheder inden for sundheds- og velfærdsteknologi i Jylland."
    assert found(text, "da") == {"sundheds- og velfærdsteknologi": "health-and-welfare-technology"}


def test_german_enumeration_after_a_trigger_gives_new_fields():
    text = "Der Verein arbeitet in den Bereichen Robotik, Quantensensorik und Raumfahrttechnik."
    matches = find_fields(text, "de")
    assert [(m.text, m.concept_iri, m.slug) for m in matches] == [
        ("Robotik", None, "robotik"), ("Quantensensorik", None, "quantensensorik"),
        ("Raumfahrttechnik", None, "raumfahrttechnik")]


def test_list_after_a_heading_and_quoted_names():
    text = ("Unsere Handlungsfelder:\n1. Wundversorgung\n2. Medizintechnik / Robotik\n\n"
            "Das Handlungsfeld „Digitale Verwaltung“ ist neu; Digitale Verwaltung wächst.")
    got = {m.text: (m.slug, m.rule) for m in find_fields(text, "de")}
    assert got["Wundversorgung"] == ("wundversorgung", "heading-list")
    assert got["Medizintechnik / Robotik"] == ("medical-technology", "heading-list")
    assert got["Digitale Verwaltung"][0] == "digitale-verwaltung"
    rules = [m.rule for m in find_fields(text, "de") if m.text == "Digitale Verwaltung"]
    assert rules == ["trigger-quoted", "propagated"]


def test_quoted_name_after_a_dutch_field_word():
    text = 'Het project kiest het thema "slimme logistiek" als speerpunt.'
    assert found(text, "nl") == {"slimme logistiek": "slimme-logistiek"}


@pytest.mark.parametrize(("text", "language"), [
    ("Der Bereich ist groß und die Region wächst.", "de"),
    ("Het gebied van de gemeente is klein.", "nl"),
    ("Det er inden for rammerne af aftalen.", "da"),
    ("The field trip was fun.", "en"),
])
def test_generic_words_give_no_field(text, language):
    assert find_fields(text, language) == []


def test_lookup_field_and_stem():
    assert lookup_field("Medizintechnik", "de").slug == "medical-technology"
    assert lookup_field("medische technologie", "nl").slug == "medical-technology"
    assert lookup_field("Quantensensorik", "de") is None
    assert stem("Pflegeberufen") == "pflegeberuf" and stem("Pflege") == "pfleg"
    assert stem("Pflege") == stem("pflegen") and stem("Wohnen") == "wohne"


def test_print_recall_of_gold_fields():
    """Prints recall of the gold Field names over the sample corpus (a figure, not a gate)."""
    hit = total = 0
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (ROOT / "corpus" / gold["document"]).read_text(encoding="utf-8")
        labels = set()
        for match in find_fields(text, gold["language"]):
            labels |= {normalise_name(match.text), normalise_name(match.label)}
        for entity in gold["entities"]:
            if entity["type"] == "Field" and not entity["optional"]:
                total += 1
                hit += bool({normalise_name(n) for n in [entity["name"], *entity["aliases"]]}
                            & labels)
    print(f"field recall over the sample corpus: {hit}/{total} (gold folder: {GOLD})")
    assert hit <= total
