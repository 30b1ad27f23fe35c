"""The chained extraction: language, sentences, entities, relations, evidence, speed."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from ingest.documents import read_document
from ingest.extract import extract
from ingest.model import KINDS, RELATIONS, SourceDocument

TEXT = """Teilen

Gesundheitsnetzwerk Nord - Pflege und Medizintechnik

Die Hanse Beratung GmbH, die Universität Bremen und das Klinikum Bremen-Mitte haben eine
Kooperationsvereinbarung für die Pflege unterzeichnet. Das Gesundheitsnetzwerk Nord wird von der
Hanse Beratung GmbH koordiniert.

„Wir stärken die Pflege", sagte Dr. Petra Schulz von der Hanse Beratung GmbH.

Bildnachweis: fotolia (© Anna Becker)
"""


def doc(text=TEXT, language="und"):
    return SourceDocument("d", "d.txt", "d.txt", "text/plain", text, "sha256:0",
                          datetime(2026, 1, 1, tzinfo=timezone.utc), language)


def test_extraction_detects_language_and_keeps_evidence():
    ex = extract(doc())
    assert ex.document.language == "de"
    assert all(e.kind in KINDS for e in ex.entities)
    for entity in ex.entities:
        for m in entity.mentions:
            assert ex.document.text[m.start:m.end] == m.text
            assert ex.sentences[m.sentence].start <= m.start < ex.sentences[m.sentence].end
    keys = {e.key for e in ex.entities}
    for r in ex.relations:
        assert r.kind in RELATIONS and r.subject in keys and r.object in keys
        assert 0 < r.confidence <= 1 and r.rule
        assert 0 <= r.sentence < len(ex.sentences)


def test_extraction_finds_the_facts_and_nothing_in_chrome():
    ex = extract(doc())
    labels = {e.key: e.label for e in ex.entities}
    facts = {(r.kind, labels[r.subject], labels[r.object]) for r in ex.relations}
    assert ("affiliatedWith", "Petra Schulz", "Hanse Beratung GmbH") in facts
    assert ("coordinates", "Hanse Beratung GmbH", "Gesundheitsnetzwerk Nord") in facts
    parties = {s for k, s, o in facts if k == "partyTo"}
    assert parties == {"Hanse Beratung GmbH", "Universität Bremen", "Klinikum Bremen-Mitte"}
    assert "Anna Becker" not in labels.values()  # photo credit


def test_same_name_gives_the_same_slug_in_two_documents():
    one = extract(doc("Die Hanse Beratung GmbH in Bremen berät Kliniken.", "de"))
    two = extract(doc("De Hanse Beratung is een adviesbureau uit Bremen dat ziekenhuizen adviseert, "
                      "zegt de Hanse Beratung GmbH.", "nl"))
    slugs = lambda ex: {e.slug for e in ex.entities if e.kind == "organisation"}
    assert "hanse-beratung" in slugs(one) & slugs(two)
