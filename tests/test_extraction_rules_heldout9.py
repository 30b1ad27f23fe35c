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
