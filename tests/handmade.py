"""Hand-made extractions for the tests of the stages after extraction (linking, curation, RDF,
explain), so that they do not depend on what the extraction rules find today."""
from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone

from ingest.model import Entity, Extraction, Mention, Relation, Sentence, SourceDocument


def document(doc_id: str, text: str, language: str) -> SourceDocument:
    return SourceDocument(doc_id=doc_id, path=f"{doc_id}.txt", file_name=f"{doc_id}.txt",
                          media_type="text/plain", text=text,
                          checksum="sha256:" + hashlib.sha256(text.encode()).hexdigest(),
                          ingested_at=datetime(2026, 11, 22, tzinfo=timezone.utc), language=language)


def sentences(text: str) -> list[Sentence]:
    """Every non-empty line is a sentence."""
    return [Sentence(i, m.start(), m.end(), m.group()) for i, m in enumerate(re.finditer(r"[^\n]+", text))]


def extraction(doc_id: str, language: str, text: str, entities, relations=()) -> Extraction:
    """``entities``: (kind, slug, label, alt labels, confidence); every occurrence of the label and
    alt labels in ``text`` is a mention.  ``relations``: (kind, subject slug, object slug, confidence,
    rule); the evidence is the first sentence that holds both ends, else the subject's."""
    lines = sentences(text)
    built, keys = [], {}
    for kind, slug, label, alts, confidence in entities:
        mentions = []
        for name in sorted({label, *alts}, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
                if any(x.start <= m.start() < x.end for x in mentions):
                    continue
                sentence = next(s.index for s in lines if s.start <= m.start() < s.end)
                mentions.append(Mention(kind, m.start(), m.end(), name, sentence, confidence, "test"))
        built.append(Entity(kind, slug, label, set(alts), sorted(mentions, key=lambda m: m.start),
                            confidence=confidence))
        keys[slug] = (kind, slug)
    found = []
    for kind, subject, obj, confidence, rule in relations:
        sub = next(e for e in built if e.slug == subject)
        ob = next(e for e in built if e.slug == obj)
        both = {m.sentence for m in sub.mentions} & {m.sentence for m in ob.mentions}
        sentence = min(both) if both else sub.mentions[0].sentence
        found.append(Relation(kind, keys[subject], keys[obj], sentence, confidence, rule))
    return Extraction(document(doc_id, text, language), lines, built, found)


DOC_A = """Kooperation in der Grenzregion
Das Departement EWI und die Industrie- und Handelskammer Nord Westfalen unterzeichnen einen Vertrag.
Dr. Holger Winter von der CeNTech GmbH sprach in Münster."""

DOC_B = """Samenwerking in de grensregio
EWI en de Kamer van Koophandel Nord Westfalen werken samen.
Holger Winter werkt bij CeNTech in Nederland."""


def doc_a() -> Extraction:
    return extraction("doc-a", "de", DOC_A, [
        ("organisation", "departement-ewi", "Departement EWI", (), 0.85),
        ("organisation", "industrie-und-handelskammer-nord-westfalen",
         "Industrie- und Handelskammer Nord Westfalen", (), 0.85),
        ("agreement", "vertrag-1", "Vertrag", (), 0.7),
        ("person", "holger-winter", "Holger Winter", ("Dr. Holger Winter",), 0.95),
        ("organisation", "centech", "CeNTech GmbH", (), 0.9),
        ("region", "munster-de", "Münster", (), 0.5),
    ], [
        ("partyTo", "departement-ewi", "vertrag-1", 0.8, "signed-agreement"),
        ("partyTo", "industrie-und-handelskammer-nord-westfalen", "vertrag-1", 0.8, "signed-agreement"),
        ("affiliatedWith", "holger-winter", "centech", 0.9, "person-of-org"),
        ("locatedIn", "centech", "munster-de", 0.5, "actor-in-region"),
    ])


def doc_b() -> Extraction:
    return extraction("doc-b", "nl", DOC_B, [
        ("organisation", "ewi", "EWI", (), 0.8),
        ("organisation", "kamer-van-koophandel-nord-westfalen", "Kamer van Koophandel Nord Westfalen", (), 0.85),
        ("person", "holger-winter", "Holger Winter", (), 0.85),
        ("organisation", "centech", "CeNTech", (), 0.8),
        ("region", "netherlands", "Nederland", (), 0.9),
    ], [
        ("affiliatedWith", "holger-winter", "centech", 0.8, "person-of-org"),
        ("locatedIn", "centech", "netherlands", 0.55, "actor-in-region"),
    ])
