"""Rules written during the twenty-fourth held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from tests.test_extraction_rules import found


# -- agreements and parties -----------------------------------------------------------------------
@pytest.mark.parametrize("text, language, agreement, joined", [
    ("Die Kooperationsvereinbarung unterzeichneten im Mai die Universität Passau und das Klinikum Deggendorf. "
     "Für Tschechien traten die Westböhmische Universität Pilsen und das Krankenhaus Klatovy bei.",
     "de", "Kooperationsvereinbarung", "Krankenhaus Klatovy"),
    ("Die Absichtserklärung unterzeichneten die Universität Passau und das Klinikum Deggendorf. "
     "Später sind auch die Hochschule Landshut und das Klinikum Straubing beigetreten.",
     "de", "Absichtserklärung", "Hochschule Landshut"),
    ("De samenwerkingsovereenkomst werd ondertekend door de Universiteit Twente en het Medisch Spectrum Twente. "
     "Later traden ook de gemeente Enschede en de GGD Twente toe.", "nl", "samenwerkingsovereenkomst",
     "GGD Twente"),
    ("Aftalen blev underskrevet af Vejle Kommune og Vejle Sygehus. Senere tilsluttede UC Lillebælt og Fredericia "
     "Kommune sig.", "da", "Aftalen", "UC Lillebælt"),
    ("The memorandum was signed by Keele University and the University Hospitals of North Midlands NHS Trust. "
     "Staffordshire County Council and Stoke-on-Trent College joined later.", "en", "memorandum",
     "Staffordshire County Council"),
])
def test_who_joins_right_after_a_signing_naming_nothing_joined_is_a_party(text, language, agreement, joined):
    assert ("partyTo", joined, agreement) in found(text, language)


def test_who_joins_a_named_network_after_a_signing_is_no_party():
    text = ("Die Kooperationsvereinbarung unterzeichneten die Universität Passau und das Klinikum Deggendorf. "
            "2024 traten die Stadt Straubing und das Klinikum Straubing dem Netzwerk bei.")
    assert not {f for f in found(text, "de") if f[0] == "partyTo" and "Straubing" in f[1]}
