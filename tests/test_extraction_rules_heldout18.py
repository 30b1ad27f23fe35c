"""Rules written during the eighteenth held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.test_extraction_rules import document, found, labels


def entity(text: str, language: str, label: str):
    return next(e for e in extract(document(text, language)).entities if e.label == label)


# -- names ----------------------------------------------------------------------------------------
def test_a_country_after_a_danish_university_is_where_it_is_not_part_of_its_name():
    text = "Aalto Universitet i Finland og Aalborg Universitet har underskrevet en hensigtserklæring."
    assert {"Aalto Universitet", "Aalborg Universitet"} <= labels(text, "da", "organisation")
    assert "Finland" in labels(text, "da", "region")


def test_a_town_after_a_danish_definite_university_stays_part_of_its_name():
    text = "Universitetet i Bergen og Roskilde Universitet har underskrevet en aftale."
    assert "Universitetet i Bergen" in labels(text, "da", "organisation")


def test_a_units_short_name_from_its_parents_initials_is_the_units_not_the_parents():
    text = ("Institut for Kemiteknik på Syddansk Teknisk Universitet (STU Kemiteknik) og Lunds Universitet har "
            "underskrevet en hensigtserklæring. Projektet ledes af STU Kemiteknik.")
    unit = entity(text, "da", "Institut for Kemiteknik")
    parent = entity(text, "da", "Syddansk Teknisk Universitet")
    assert "STU Kemiteknik" in unit.alt_labels
    assert "STU Kemiteknik" not in parent.alt_labels and "Institut for Kemiteknik" not in parent.alt_labels


def test_a_short_name_of_initials_and_other_words_stays_the_parents():
    text = ("Det Nordjyske Universitet (DNU Aalborg) og Institut for Kemiteknik har underskrevet en aftale.")
    assert "DNU Aalborg" not in entity(text, "da", "Institut for Kemiteknik").alt_labels


@pytest.mark.parametrize("name", ["Caritas der Erzdiözese Freiburg", "Hilfswerk Niederösterreich",
                                  "Diakonie Württemberg", "Lebenshilfe Gießen", "Volkshilfe Wien"])
def test_a_welfare_organisation_is_an_organisation(name):
    text = f"Dem Pflegenetzwerk Südbaden ist die {name} als Mitglied beigetreten."
    assert name in labels(text, "de", "organisation")
    assert ("memberOf", name, "Pflegenetzwerk Südbaden") in found(text, "de")


def test_plural_centres_head_a_name():
    text = "Die Städtischen Gesundheitszentren Ludwigshafen (SGL) sind dem Netzwerk beigetreten."
    assert "Städtischen Gesundheitszentren Ludwigshafen" in labels(text, "de", "organisation")
