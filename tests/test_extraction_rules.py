"""Extraction rules on short texts written for these tests: each language, each of the eight
relations, page chrome and contact blocks, and an HTML page read through trafilatura."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import RDFS

from ingest.documents import read_document
from ingest.extract import extract
from ingest.model import SourceDocument

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "extraction"

TEXTS = {
    "de": """Die Hochschule Weserbergland, die Pflegetechnik Nord GmbH und die Stadtwerke Hameln AG haben eine Kooperationsvereinbarung zur Gründung des Netzwerks Pflege Digital Weserbergland unterzeichnet.
Das Netzwerk wird von der Pflegetechnik Nord GmbH in Hameln koordiniert.
Zu seinen Mitgliedern zählt auch das Start-up CareMotion aus Hildesheim.
Das Netzwerk soll die Telemedizin voranbringen.
„Wir beginnen jetzt“, sagt Dr. Ulrike Sander, Geschäftsführerin der Pflegetechnik Nord GmbH.
Hameln und Hildesheim liegen in Niedersachsen.
""",
    "nl": """Ziekenhuis Rijnmond, Hogeschool Drechtsteden en het medtechbedrijf Sensara hebben een samenwerkingsovereenkomst ondertekend voor de oprichting van het Zorgnetwerk Drechtsteden.
Het netwerk wordt gecoördineerd door Stichting Zorgkracht uit Dordrecht.
Het netwerk richt zich op telegeneeskunde.
Ook Thuiszorg Merwede B.V. is lid geworden van het netwerk.
"Dit is een belangrijke stap", zegt directeur Annemiek de Vries van Ziekenhuis Rijnmond.
Dordrecht en Rotterdam liggen in Zuid-Holland.
""",
    "da": """Sundhedsklyngen Fyn, Odense Sygehus og virksomheden Vitacare ApS har underskrevet en samarbejdsaftale om et fælles netværk for telemedicin.
Netværket skal hedde Telemedicinsk Netværk Fyn.
Sundhedsklyngen Fyn leder det nye netværk.
Klyngen har 40 medlemmer, blandt andre virksomheden Medibox fra Vejle.
Direktør Karen Holm fra Odense Sygehus siger, at det er et godt skridt.
Odense og Vejle ligger i Region Syddanmark.
""",
    "en": """Tyne Health Partners Ltd, the University of Wearside and Northumbria Care Trust signed a letter of intent to establish the North East MedTech Network.
The network is coordinated by Tyne Health Partners Ltd, which is based in Newcastle.
Pulsewave, a diagnostics company from Sunderland, is a member of the network.
The network focuses on medical devices.
"This is a big step," said Dr Helen Carter, Chief Executive of Tyne Health Partners.
Newcastle and Sunderland are cities in England.
""",
}

#: Per language: (relation, part of the subject's label, part of the object's label).
EXPECTED = {
    "de": [("partyTo", "Hochschule Weserbergland", "Kooperationsvereinbarung"),
           ("partyTo", "Stadtwerke Hameln", "Kooperationsvereinbarung"),
           ("establishes", "Kooperationsvereinbarung", "Netzwerk Pflege Digital Weserbergland"),
           ("coordinates", "Pflegetechnik Nord", "Netzwerk Pflege Digital Weserbergland"),
           ("memberOf", "CareMotion", "Netzwerk Pflege Digital Weserbergland"),
           ("locatedIn", "CareMotion", "Hildesheim"),
           ("focusesOn", "Netzwerk Pflege Digital Weserbergland", "Telemedizin"),
           ("affiliatedWith", "Ulrike Sander", "Pflegetechnik Nord"),
           ("partOf", "Hameln", "Niedersachsen")],
    "nl": [("partyTo", "Ziekenhuis Rijnmond", "samenwerkingsovereenkomst"),
           ("partyTo", "Sensara", "samenwerkingsovereenkomst"),
           ("establishes", "samenwerkingsovereenkomst", "Zorgnetwerk Drechtsteden"),
           ("coordinates", "Stichting Zorgkracht", "Zorgnetwerk Drechtsteden"),
           ("memberOf", "Thuiszorg Merwede", "Zorgnetwerk Drechtsteden"),
           ("locatedIn", "Stichting Zorgkracht", "Dordrecht"),
           ("focusesOn", "Zorgnetwerk Drechtsteden", "telegeneeskunde"),
           ("affiliatedWith", "Annemiek de Vries", "Ziekenhuis Rijnmond"),
           ("partOf", "Dordrecht", "Zuid-Holland")],
    "da": [("partyTo", "Sundhedsklyngen Fyn", "samarbejdsaftale"),
           ("partyTo", "Vitacare", "samarbejdsaftale"),
           ("establishes", "samarbejdsaftale", "Telemedicinsk Netværk Fyn"),
           ("coordinates", "Sundhedsklyngen Fyn", "Telemedicinsk Netværk Fyn"),
           ("memberOf", "Medibox", "Sundhedsklyngen Fyn"),
           ("locatedIn", "Medibox", "Vejle"),
           ("focusesOn", "samarbejdsaftale", "telemedicin"),
           ("affiliatedWith", "Karen Holm", "Odense Sygehus"),
           ("partOf", "Odense", "Syddanmark")],
    "en": [("partyTo", "University of Wearside", "letter of intent"),
           ("partyTo", "Northumbria Care Trust", "letter of intent"),
           ("establishes", "letter of intent", "North East MedTech Network"),
           ("coordinates", "Tyne Health Partners", "North East MedTech Network"),
           ("memberOf", "Pulsewave", "North East MedTech Network"),
           ("locatedIn", "Tyne Health Partners", "Newcastle"),
           ("locatedIn", "Pulsewave", "Sunderland"),
           ("focusesOn", "North East MedTech Network", "medical devices"),
           ("affiliatedWith", "Helen Carter", "Tyne Health Partners"),
           ("partOf", "Newcastle", "England")],
}


def document(text: str, language: str = "und") -> SourceDocument:
    return SourceDocument("t", "t.txt", "t.txt", "text/plain", text, "sha256:0",
                          datetime(2026, 1, 1, tzinfo=timezone.utc), language)


def facts(extraction) -> set[tuple[str, str, str]]:
    names = {e.key: [e.label, *sorted(e.alt_labels)] for e in extraction.entities}
    return {(r.kind, s, o) for r in extraction.relations for s in names[r.subject] for o in names[r.object]}


def has(found: set, kind: str, subject: str, obj: str) -> bool:
    return any(k == kind and subject.casefold() in s.casefold() and obj.casefold() in o.casefold()
               for k, s, o in found)


def found(text: str, language: str) -> set:
    """The facts extracted from a short text (see :func:`facts`)."""
    return facts(extract(document(text, language)))


def labels(text: str, language: str, *kinds: str) -> set[str]:
    """The labels of the entities of the given kinds extracted from a short text."""
    return {e.label for e in extract(document(text, language)).entities if e.kind in kinds}


@pytest.fixture(scope="module")
def extractions() -> dict:
    return {language: extract(document(text)) for language, text in TEXTS.items()}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_the_language_is_detected(extractions, language):
    assert extractions[language].document.language == language


@pytest.mark.parametrize("language,kind,subject,obj",
                         [(lang, *fact) for lang, items in EXPECTED.items() for fact in items])
def test_each_relation_kind_in_each_language(extractions, language, kind, subject, obj):
    found = facts(extractions[language])
    assert has(found, kind, subject, obj), (
        f"{language}: no {kind}({subject!r}, {obj!r}); found {sorted(f for f in found if f[0] == kind)}")


def test_every_relation_kind_is_tested_in_every_language():
    from ingest.model import RELATIONS

    for language, items in EXPECTED.items():
        assert {kind for kind, _, _ in items} == set(RELATIONS), language


def test_founded_network_is_not_a_party_of_its_agreement(extractions):
    for language, name in (("de", "Netzwerk Pflege Digital"), ("nl", "Zorgnetwerk Drechtsteden"),
                           ("en", "North East MedTech Network")):
        assert not any(k == "partyTo" and name.casefold() in s.casefold()
                       for k, s, _ in facts(extractions[language])), language


def test_german_genitive_gives_the_nominative_label_and_one_slug():
    text = ("Das Ministerium für Arbeit, Gesundheit und Soziales fördert das Projekt. Staatssekretärin "
            "Dr. Eva Brück vom Ministerium für Arbeit, Gesundheit und Soziales sprach. Die Förderung "
            "des Ministeriums für Arbeit, Gesundheit und Soziales endet 2026.")
    ministries = [e for e in extract(document(text, "de")).entities if e.kind == "organisation"]
    assert len(ministries) == 1
    assert ministries[0].label == "Ministerium für Arbeit, Gesundheit und Soziales"
    assert ministries[0].slug == "ministerium-fur-arbeit-gesundheit-und-soziales"


def test_generic_field_words_need_a_field_context():
    plain = extract(document("Die Klinik am Markt GmbH sorgt für eine gute Pflege der Patienten im Kreis.", "de"))
    assert not [e for e in plain.entities if e.kind == "field"]
    listed = extract(document("Die Klinik am Markt GmbH arbeitet in der Pflege und der Telemedizin.", "de"))
    assert {e.slug for e in listed.entities if e.kind == "field"} == {"care", "telemedicine"}


CHROME = """Startseite | Über uns | Netzwerk | Kontakt
Suche
Wir verwenden Cookies, um die Website zu verbessern. Mehr erfahren
Teilen: Facebook | LinkedIn | Xing
Foto: Jan Meier / Klinikum Nordstadt
Bildnachweis: Petra Vogel

Die Nordstadt Medizintechnik GmbH baut ein Labor in Bremen.

Kontakt
Sabine Hartmann
Referentin
Nordstadt Medizintechnik GmbH
Telefon 0421 123 456
hartmann@nordstadt.example
"""


def test_page_chrome_yields_no_entities():
    extraction = extract(document(CHROME, "de"))
    labels = {e.label for e in extraction.entities}
    assert not labels & {"Jan Meier", "Petra Vogel", "Klinikum Nordstadt", "Facebook", "LinkedIn", "Xing"}
    chrome_end = CHROME.index("Die Nordstadt")
    assert all(m.start >= chrome_end for e in extraction.entities for m in e.mentions)


def test_a_contact_block_yields_the_affiliation():
    found = facts(extract(document(CHROME, "de")))
    assert has(found, "affiliatedWith", "Sabine Hartmann", "Nordstadt Medizintechnik")


def test_html_page_through_trafilatura_has_offsets_into_the_extracted_text():
    doc = read_document(DATA / "network_page.html")
    extraction = extract(doc)
    for entity in extraction.entities:
        for m in entity.mentions:
            assert doc.text[m.start:m.end] == m.text
    labels = {e.label for e in extraction.entities}
    assert "Musterverlag Hannover GmbH" not in labels  # the footer is not article text
    found = facts(extraction)
    assert has(found, "affiliatedWith", "Jana Wolters", "Wirtschaftsförderung Mittelweser")
    assert has(found, "partyTo", "Weserpflege", "Kooperationsvereinbarung")
    assert has(found, "focusesOn", "Kooperationsvereinbarung", "Telemedizin")
    assert not any(e.kind == "person" and "Datenschutz" in e.label for e in extraction.entities)


def test_html_page_through_hin_ingest(tmp_path):
    output = tmp_path / "page.trig"
    run = subprocess.run([sys.executable, "-m", "graph_api.cli", "ingest", str(DATA / "network_page.html"),
                          "--output", str(output)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    data = Dataset(default_union=True)
    data.parse(output, format="trig")
    labels = {str(o) for o in data.objects(None, RDFS.label) if isinstance(o, Literal)}
    assert {"Wirtschaftsförderung Mittelweser GmbH", "Weserpflege gGmbH", "Jana Wolters"} <= labels
