"""Rules written during the twenty-sixth held-out set's session (leftovers of earlier sets first, then the
set's own failures), each on a short text written for these tests (other organisations, places and wording
than the held-out pages)."""
from __future__ import annotations

import pytest

from tests.test_extraction_rules import found, labels


# -- regions -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The service will be offered to care homes across the UK from next spring.",
    "Keele University, Keele, Newcastle-under-Lyme ST5 5BG, UK",
    "The consortium is the first of its kind in Great Britain.",
])
def test_a_short_name_of_a_country_names_it(text):
    assert "United Kingdom" in labels(text, "en", "region")


@pytest.mark.parametrize("text, language, country", [
    ("The first phase is funded with £2 million from Innovate UK.", "en", "United Kingdom"),
    ("Das Projekt wird von Medical Valley Austria begleitet.", "de", "Austria"),
    ("Het netwerk werkt samen met Health Holland Norway.", "nl", "Norway"),
])
def test_a_country_that_ends_an_organisations_name_is_no_region_of_its_own(text, language, country):
    assert country not in labels(text, language, "region")


def test_a_country_that_ends_a_name_stays_in_the_name():
    text = "Hinzu kommen die Hochschule Aalen sowie Medical Valley Austria mit Sitz in Wiener Neustadt."
    assert "Medical Valley Austria" in labels(text, "de", "organisation", "cluster")


def test_a_country_in_brackets_before_a_legal_form_is_part_of_the_name():
    text = "Industry is represented by Ampleon Healthcare (UK) Ltd, which joins as an associate member."
    assert "United Kingdom" not in labels(text, "en", "region")


@pytest.mark.parametrize("text, language, country", [
    ("From Norway, Helse Bergen and the University of Bergen take part.", "en", "Norway"),
    ("Aus Frankreich kommen das CHU de Nancy und die Université de Lorraine.", "de", "Frankreich"),
])
def test_a_country_after_a_capitalised_preposition_is_a_region(text, language, country):
    assert country in labels(text, language, "region")
