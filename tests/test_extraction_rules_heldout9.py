"""Rules generalised from the ninth held-out set's misses, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.test_extraction_rules import document


@pytest.mark.parametrize("language, text, alias", [
    ("de", "Fünf Partner haben am Montag eine Absichtserklärung (Letter of Intent) unterzeichnet. Unterzeichnet "
           "haben die Klinikum Nord GmbH, die Universität Rostock und die Stadt Wismar.", "Letter of Intent"),
    ("en", "The partners signed a memorandum of understanding (MoU) on home care. It was signed by Kent County "
           "Council and the University of Kent.", "MoU"),
])
def test_an_agreement_word_and_another_in_brackets_are_one_agreement(language, text, alias):
    extraction = extract(document(text, language))
    agreements = [e for e in extraction.entities if e.kind == "agreement"]
    assert len(agreements) == 1 and alias in agreements[0].alt_labels, agreements
    parties = {r.subject for r in extraction.relations if r.kind == "partyTo"}
    assert len(parties) >= 2, extraction.relations


def test_a_town_named_with_its_river_in_brackets_is_one_place_and_part_of_names():
    text = ("Unterzeichnet haben das Universitätsklinikum Halle (Saale), die Stadt Halle (Saale) und die "
            "Gemeinde Zgorzelec eine Kooperationsvereinbarung.")
    extraction = extract(document(text, "de"))
    names = {e.kind: set() for e in extraction.entities}
    for e in extraction.entities:
        names[e.kind].add(e.label)
    assert {"Universitätsklinikum Halle (Saale)", "Stadt Halle (Saale)", "Gemeinde Zgorzelec"} <= names["organisation"]
    assert "Halle (Saale)" in names["region"] and "Halle" not in names["region"]
    parties = {r.subject[1] for r in extraction.relations if r.kind == "partyTo"}
    assert {"stadt-halle-saale", "gemeinde-zgorzelec"} <= parties


def test_place_names_may_start_with_letters_beyond_latin_1():
    from ingest.regions import find_regions

    found = [(m.text, m.rule) for m in find_regions("Die Firma aus Łęknica und die Gemeinde Świebodzin.", "de")]
    assert found == [("Łęknica", "town-context"), ("Gemeinde Świebodzin", "trigger-known")]
