"""Rules generalised from the second held-out set, each on a short text written for this test
(other names and places than the held-out documents): bare list headings, list items with a
trailing place, board headings, "the partners signed", regions acting as parties, office holders,
title and copula cluster names, small towns in strong contexts, record lines and menus."""
from __future__ import annotations

from ingest.boilerplate import classify
from ingest.extract import extract
from ingest.regions import find_regions
from ingest.sentences import split_sentences
from tests.test_extraction_rules import document, facts, has


def test_partner_list_without_colon_lead_partner_and_the_partners_signed():
    text = """BalticCare Link

BalticCare Link brings together five partners to test telecare at home.

Lead partner
Kiel Health Hub, Kiel (DE)

Partners
- Lund Care Institute, Lund (SE)
- Klaipeda Medical Park, Klaipeda (LT)

The partners signed a partnership agreement in Kiel in March.
"""
    found = facts(extract(document(text, "en")))
    assert has(found, "memberOf", "Lund Care Institute", "BalticCare Link")
    assert has(found, "coordinates", "Kiel Health Hub", "BalticCare Link")
    assert has(found, "locatedIn", "Lund Care Institute", "Lund")
    assert has(found, "partyTo", "Klaipeda Medical Park", "partnership agreement")
    assert not any(s.endswith("(SE)") for _, s, _ in found)


def test_board_heading_and_record_lines_are_not_joined():
    text = """Das Gesundheitsnetzwerk Oberland e.V. ist ein Zusammenschluss von Kliniken und Unternehmen.

Vorstand
Dr. Petra Hallmann (Vorsitzende), Geschäftsführerin der Isartal Kliniken gGmbH
Prof. Dr. Uwe Brandl (stellv. Vorsitzender), Hochschule Oberland
"""
    sentences = split_sentences(text, "de")
    assert any(s.text.startswith("Prof. Dr. Uwe Brandl") for s in sentences)
    found = facts(extract(document(text, "de")))
    assert has(found, "affiliatedWith", "Petra Hallmann", "Gesundheitsnetzwerk Oberland")
    assert has(found, "affiliatedWith", "Uwe Brandl", "Gesundheitsnetzwerk Oberland")
    assert has(found, "affiliatedWith", "Petra Hallmann", "Isartal Kliniken")


def test_a_province_among_the_signatories_is_an_organisation_and_its_office_holder():
    text = ("Zwolle, 2 mei 2024 – De Provincie Overijssel, Ziekenhuis Vechtdal en Hogeschool Sallandse Heuvels "
            "hebben een samenwerkingsovereenkomst gesloten over zorg op afstand.\n"
            '"Dit helpt de hele regio," zegt gedeputeerde Marleen Bosch.\n')
    extraction = extract(document(text, "nl"))
    found = facts(extraction)
    assert has(found, "partyTo", "Provincie Overijssel", "samenwerkingsovereenkomst")
    assert has(found, "locatedIn", "Provincie Overijssel", "Overijssel")
    assert has(found, "affiliatedWith", "Marleen Bosch", "Provincie Overijssel")
    assert any(e.kind == "organisation" and e.label == "Provincie Overijssel" for e in extraction.entities)


def test_copula_cluster_and_the_company_as_member():
    text = """Medlemmer › Medlemsprofil

Sensiflex ApS er en virksomhed fra Aalborg, der udvikler sensorer.
Virksomheden har været medlem af MedTek Vest siden 2020.

MedTek Vest er Vestjyllands klynge for sundhedsteknologi med 40 medlemmer.
"""
    found = facts(extract(document(text, "da")))
    assert has(found, "memberOf", "Sensiflex", "MedTek Vest")
    assert has(found, "locatedIn", "Sensiflex", "Aalborg")


def test_small_towns_only_in_strong_contexts():
    def towns(text, language):
        return [m.text for m in find_regions(text, language) if m.rule == "town-context"]

    assert towns("Husum, 4. juni 2024. Aftalen er underskrevet.", "da") == ["Husum"]
    assert towns("Die Weserklinik GmbH aus Nienburg und", "de") == ["Nienburg"]
    assert towns("Am Markt 1, 25813 Husum", "de") == ["Husum"]
    assert towns("Husum liegt an der Nordsee.", "de") == []


def test_menus_and_date_ranges_are_not_contact_lines():
    text = ("Interreg Baltic | Projects | Funding | News | Contact\n"
            "Priority 2 | Duration: 01/2024 - 12/2026\n"
            "Contact\nAnna Berg\nPhone: 0431 123 456\n")
    sentences = split_sentences(text, "en")
    zones = classify(sentences)
    assert zones[0] == "chrome"
    assert zones[1] == "body"
    assert zones[3] == "contact"


def test_table_of_consortia_gives_coordinators_members_places_and_fields():
    text = """Funded projects

| Project | Lead partner | Partners | Focus | Grant (EUR) |
|---|---|---|---|---|
| BaltHeart | Kaunas Cardio Labs UAB, Vilnius (LT) | Pärnu Sensor Works AS, Tartu (EE); Umeå Vital Oy, Oulu (FI) | Telemedicine for heart failure | 400,000 |
"""
    found = facts(extract(document(text, "en")))
    assert has(found, "coordinates", "Kaunas Cardio Labs", "BaltHeart")
    assert has(found, "memberOf", "Pärnu Sensor Works AS", "BaltHeart")
    assert has(found, "memberOf", "Umeå Vital Oy", "BaltHeart")
    assert has(found, "locatedIn", "Umeå Vital Oy", "Oulu")
    assert has(found, "focusesOn", "BaltHeart", "telemedicine")
    assert not has(found, "focusesOn", "Umeå Vital Oy", "telemedicine")  # the focus is the project's


def test_table_of_partners_without_outer_bars_under_a_signing_sentence():
    text = """Coastal Care Network

The Coastal Care Network brings together hospitals and companies on the coast.

The memorandum of understanding would be signed by the following organisations:

Partner                      | Type                 | Base
NHS Fife (lead partner)      | NHS territorial board | Dundee
Harbour Sensing Ltd          | SME, sensors          | Edinburgh, Scotland
"""
    sentences = split_sentences(text, "en")
    assert any(s.text.startswith("Harbour Sensing Ltd") for s in sentences)  # rows are never joined
    found = facts(extract(document(text, "en")))
    assert has(found, "memberOf", "NHS Fife", "Coastal Care Network")
    assert has(found, "coordinates", "NHS Fife", "Coastal Care Network")
    assert has(found, "partyTo", "Harbour Sensing Ltd", "memorandum of understanding")
    assert has(found, "locatedIn", "Harbour Sensing Ltd", "Edinburgh")
    assert has(found, "locatedIn", "NHS Fife", "Dundee")
    assert not any(s in ("NHS", "Scottish NHS") for _, s, _ in found)


def test_labelled_record_lines_are_not_joined_with_the_line_before():
    text = ("Responsible Executive: Morag Finlay, Director of Public Health Services\n"
            "Author: Dr Ewan Rattray, Programme Manager, Digital Innovation Unit\n")
    sentences = split_sentences(text, "en")
    assert [s.text.split(":")[0] for s in sentences] == ["Responsible Executive", "Author"]


def test_board_list_with_dated_heading_and_role_record_lines():
    text = """Foreningen Sundhedsteknik Sydvest er en medlemsforening for virksomheder og hospitaler i Esbjerg.

BESTYRELSE PR. 1. JANUAR 2025

Formand: Birgitte Lund Holm, adm. direktør, Vadehav Medico A/S, Esbjerg
Jens Krogh, CEO, Ribe Sensorik ApS
Professor Lene Bak, Sydvestjysk Sundhedshøjskole
"""
    extraction = extract(document(text, "da"))
    found = facts(extraction)
    assert any(e.kind == "cluster" and "Sundhedsteknik Sydvest" in e.label for e in extraction.entities)
    assert has(found, "affiliatedWith", "Birgitte Lund Holm", "Sundhedsteknik Sydvest")
    assert has(found, "affiliatedWith", "Birgitte Lund Holm", "Vadehav Medico")
    assert has(found, "affiliatedWith", "Jens Krogh", "Ribe Sensorik")
    assert has(found, "affiliatedWith", "Lene Bak", "Sydvestjysk Sundhedshøjskole")
    assert not any("BESTYRELSE" in e.label for e in extraction.entities)


def test_a_definite_danish_head_gives_the_bare_name_as_alias():
    text = ("Foreningen Vestkyst Medico samler virksomheder i Ringkøbing.\n"
            "Vestkyst Medico er medlem af Dansk Sundhedsteknisk Netværk.\n")
    extraction = extract(document(text, "da"))
    vest = next(e for e in extraction.entities if e.label == "Foreningen Vestkyst Medico")
    assert "Vestkyst Medico" in vest.alt_labels and len(vest.mentions) == 2


def test_secretariat_host_seat_and_head_and_associated_partners():
    text = """Sundhed Over Grænsen er et netværk af hospitaler og virksomheder.

Foreningen blev stiftet i 2019 og har sekretariat i Vejle.
Sekretariatet ligger hos Syddansk Sundhedscenter.
Sekretariatet ledes af direktør Hanne Lund Bak.
Esbjerg Kommune og virksomheden Pulsmåler ApS fra Kolding er med som associerede partnere i netværket.
"""
    found = facts(extract(document(text, "da")))
    assert has(found, "coordinates", "Syddansk Sundhedscenter", "Sundhed Over Grænsen")
    assert has(found, "locatedIn", "Sundhed Over Grænsen", "Vejle")
    assert has(found, "affiliatedWith", "Hanne Lund Bak", "Sundhed Over Grænsen")
    assert has(found, "memberOf", "Pulsmåler ApS", "Sundhed Over Grænsen")
    assert has(found, "memberOf", "Esbjerg Kommune", "Sundhed Over Grænsen")


def test_a_company_and_its_seat_in_a_record_line_or_list_item():
    text = """Bestyrelse

Formand: Jens Krogh, adm. direktør, Vadum Sensorik A/S, Svendborg
• Ribe Motion ApS, Silkeborg – udvikler træningsudstyr
• Hørsholm Data ApS (Aalborg)
"""
    extraction = extract(document(text, "da"))
    found = facts(extraction)
    assert has(found, "locatedIn", "Vadum Sensorik", "Svendborg")
    assert has(found, "locatedIn", "Ribe Motion", "Silkeborg")
    assert any(e.kind == "region" and e.label == "Svendborg" for e in extraction.entities)
    assert has(found, "locatedIn", "Hørsholm Data", "Aalborg")
