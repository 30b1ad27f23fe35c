"""Relation rules generalised from the seventh held-out set's misses, each on a short text written for
these tests (not taken from the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.test_extraction_rules import document, facts, has


def found(text: str, language: str) -> set:
    return facts(extract(document(text, language)))


@pytest.mark.parametrize("language, text", [
    ("de", "Kiel, 3. März 2025\n\nAm Dienstag haben acht Einrichtungen eine Absichtserklärung unterzeichnet. "
           "Das neue Netzwerk soll die Telemedizin an der Küste stärken.\n\nUnterzeichnet haben:\n\n"
           "- Universität Rostock\n\n- Hochschule Stralsund\n\n- Klinikum Südstadt Rostock\n"),
    ("nl", "Zwolle, 3 maart 2025\n\nDinsdag is een intentieverklaring getekend door acht partijen. Het netwerk "
           "richt zich op telezorg.\n\nOndertekend door:\n\n- Universiteit Twente\n- Hogeschool Windesheim\n"
           "- Isala Ziekenhuis\n"),
])
def test_items_under_a_signatories_heading_after_the_signing_sentence_are_parties(language, text):
    facts_ = found(text, language)
    for party in {"de": ("Universität Rostock", "Hochschule Stralsund"),
                  "nl": ("Universiteit Twente", "Hogeschool Windesheim")}[language]:
        assert any(k == "partyTo" and party in s for k, s, o in facts_), (party, facts_)


def test_a_role_compound_with_a_head_of_office_gives_the_affiliation():
    text = ("„Wir wollen schneller werden“, sagte Prof. Dr. Karin Albers, Vizepräsidentin für Transfer der "
            "Universität Rostock.")
    assert has(found(text, "de"), "affiliatedWith", "Karin Albers", "Universität Rostock")
