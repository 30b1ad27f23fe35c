"""Rules written during the twenty-first held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from tests.test_extraction_rules import found, labels


# -- persons --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lang, name", [
    ("Ifølge lektor Sigrún Þ. Pálsdóttir fra Háskóli Íslands skal kurset udvikles.", "da", "Sigrún Þ. Pálsdóttir"),
    ("Geschäftsführer Jörg T. Brenner von der Lindmark GmbH eröffnete den Tag.", "de", "Jörg T. Brenner"),
    ("Professor Ellen R. Hartley of Keele University chaired the panel.", "en", "Ellen R. Hartley"),
])
def test_a_middle_initial_stays_inside_a_persons_name(text, lang, name):
    assert name in labels(text, lang, "person")


def test_a_person_with_a_middle_initial_is_affiliated_with_the_organisation_after_it():
    text = "Geschäftsführer Jörg T. Brenner von der Lindmark GmbH eröffnete den Tag."
    assert ("affiliatedWith", "Jörg T. Brenner", "Lindmark GmbH") in found(text, "de")


def test_a_name_does_not_end_in_an_initial():
    text = "Die Begrüßung übernahm Geschäftsführerin Carla M. am Vormittag."
    assert "Carla M" not in labels(text, "de", "person")


# -- agreements -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lang, name", [
    ("Det var en kold fredag i Tórshavn, da samarbejdsaftalen om FjordCare blev underskrevet af Vejen Kommune "
     "og Sygehus Thy.", "da", "samarbejdsaftalen om FjordCare"),
    ("The memorandum on shared imaging services was signed by Keele University and Lindmark Ltd.", "en",
     "memorandum on shared imaging services"),
])
def test_the_verb_after_an_agreements_purpose_ends_its_name(text, lang, name):
    assert name in labels(text, lang, "agreement")
