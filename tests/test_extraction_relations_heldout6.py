"""Relation rules generalised from the sixth held-out set's misses, each on a short text written for
these tests (not taken from the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.test_extraction_rules import document, facts, has


def found(text: str, language: str) -> set:
    return facts(extract(document(text, language)))


@pytest.mark.parametrize("language, text, cluster, party", [
    ("de", "Die Stadtwerke Kassel AG und die Universität Kassel haben eine Absichtserklärung unterzeichnet. "
           "Unter dem Namen „Nordhessen Sensorik“ soll bis 2026 ein Netzwerk entstehen.",
     "Nordhessen Sensorik", "Universität Kassel"),
    ("en", "Four regions have signed a letter of intent to set up a thematic partnership on hearing technology. "
           "The new Hearing Tech Regions Partnership will link their strategies. The letter of intent was signed "
           "by Orkney Development Agency and Lapland Innovation Agency.",
     "Hearing Tech Regions Partnership", "Lapland Innovation Agency"),
])
def test_an_agreement_that_founds_a_network_named_after_it(language, text, cluster, party):
    facts_ = found(text, language)
    assert has(facts_, "establishes", "", cluster), facts_
    assert has(facts_, "memberOf", party, cluster), facts_
