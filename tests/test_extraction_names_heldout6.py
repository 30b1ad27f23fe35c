"""Entity rules written after the sixth held-out set, each with a short text of its own
(never a sentence of the held-out documents)."""
from __future__ import annotations

import pytest

from ingest.regions import find_regions


def _regions(text: str, language: str) -> list[str]:
    return [m.text for m in find_regions(text, language)]


@pytest.mark.parametrize("text, language, expected", [
    # a city's name in a language of its own country is no common word there ("Aarhus" for Århus)
    ("Firmaet har kontor i Aarhus og i København.", "da", ["Aarhus", "København"]),
    # a town whose name a foreign city lists among its alternative names (Vyborg: "Viborg")
    ("Virksomheden Nordlys ApS fra Viborg udvikler sensorer.", "da", ["Viborg"]),
    # English two-tier counties are regions
    ("Partners come from Kent, Essex and Suffolk.", "en", ["Kent", "Essex", "Suffolk"]),
])
def test_gazetteer_places(text, language, expected):
    assert _regions(text, language) == expected
