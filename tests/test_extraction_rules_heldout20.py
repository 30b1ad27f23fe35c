"""Rules written during the twentieth held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from tests.test_extraction_rules import labels


# -- names ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("Gefördert wird das Netzwerk vom Hessischen Ministerium für Wissenschaft, Forschung und Digitale Verwaltung.",
     "Ministerium für Wissenschaft, Forschung und Digitale Verwaltung"),
    ("Das Projekt fördert das Ministerium für Arbeit, Soziales und gesellschaftliche Teilhabe.",
     "Ministerium für Arbeit, Soziales und gesellschaftliche Teilhabe"),
])
def test_the_last_portfolio_of_a_ministry_stays_in_its_name(text, name):
    assert labels(text, "de", "organisation") == {name}


def test_and_after_a_ministry_without_a_list_of_portfolios_may_start_another_name():
    text = "Das Ministerium für Gesundheit und Digitale Gesellschaft Nord e.V. unterzeichnen eine Vereinbarung."
    assert "Ministerium für Gesundheit und Digitale Gesellschaft Nord e.V." not in labels(text, "de", "organisation")


def test_a_ministry_after_a_lower_case_adjective_is_named():
    text = "Auch das niedersächsische Ministerium für Wirtschaft, Verkehr und Bauen unterstützt die Allianz."
    assert "Ministerium für Wirtschaft, Verkehr und Bauen" in labels(text, "de", "organisation")


def test_a_network_after_a_lower_case_adjective_is_still_described():
    text = "Das regionale Netzwerk der Medizintechnikbranche trifft sich im Mai."
    assert not labels(text, "de", "cluster")


@pytest.mark.parametrize("text, unit", [
    ("Die Fakultät Elektrotechnik und Informationstechnik der Hochschule Coburg ist Partner.",
     "Fakultät Elektrotechnik und Informationstechnik"),
    ("Prof. Dr. Lena Marx, Dekanin der Fakultät Angewandte Informatik und Biowissenschaften der Hochschule "
     "Mittweida, sprach.", "Fakultät Angewandte Informatik und Biowissenschaften"),
])
def test_a_unit_named_by_two_subjects_before_its_parent_keeps_both(text, unit):
    assert unit in labels(text, "de", "organisation")


def test_and_after_a_unit_that_no_parent_follows_ends_it():
    text = "Partner sind die Fakultät Informatik und Siemens Healthineers."
    assert "Fakultät Informatik" in labels(text, "de", "organisation")
