"""Language detection on short texts of each language HIN reads."""
from __future__ import annotations

import pytest

from ingest.language import detect_language


@pytest.mark.parametrize("text, expected", [
    ("Die Partner haben eine Kooperationsvereinbarung für die Medizintechnik unterzeichnet.", "de"),
    ("De partners hebben een intentieverklaring ondertekend voor de gezondheidszorg in de regio.", "nl"),
    ("Klyngerne har underskrevet en hensigtserklæring om et nationalt samarbejde inden for sundhed.", "da"),
    ("The partners have signed a memorandum of understanding on digital health in the region.", "en"),
])
def test_detects_each_language(text, expected):
    assert detect_language(text) == expected


def test_short_text_falls_back_to_the_default():
    assert detect_language("GmbH", default="de") == "de"
    assert detect_language("", default="nl") == "nl"
