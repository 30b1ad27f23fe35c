"""Rules written during the twenty-third held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.test_extraction_rules import document, found, labels


# -- names ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, language, cluster", [
    ("Das Gesundheitscluster 42 wurde 2021 in Wuppertal gegründet. Neu dabei ist die Bergische Universität Wuppertal.",
     "de", "Gesundheitscluster 42"),
    ("Het Zorgnetwerk 073 verwelkomt het Jeroen Bosch Ziekenhuis als nieuw lid.", "nl", "Zorgnetwerk 073"),
    ("Sundhedsklynge 7 byder Vejle Sygehus velkommen som nyt medlem.", "da", "Sundhedsklynge 7"),
    ("Health Cluster 21 welcomes Keele University as a new member.", "en", "Health Cluster 21"),
])
def test_a_number_after_a_cluster_word_names_the_cluster(text, language, cluster):
    assert cluster in labels(text, language, "cluster")


@pytest.mark.parametrize("text, language", [
    ("Heute zählt das Netzwerk 31 Mitglieder aus Klinik und Forschung.", "de"),
    ("Het netwerk telt nu 31 leden uit zorg en onderzoek.", "nl"),
])
def test_a_count_after_a_cluster_word_names_nothing(text, language):
    assert not labels(text, language, "cluster")


@pytest.mark.parametrize("text, place", [
    ("Das Modellprojekt startet in Neustadt a.d. Aisch und in Dillingen a. d. Donau.", "Neustadt a.d. Aisch"),
    ("Das Modellprojekt startet in Neustadt a.d. Aisch und in Dillingen a. d. Donau.", "Dillingen a. d. Donau"),
    ("Die Kreisklinik in Lauf a.d.Pegnitz ist neu im Netz.", "Lauf a.d.Pegnitz"),
])
def test_a_german_town_with_an_abbreviated_river_is_one_place(text, place):
    regions = [e for e in extract(document(text, "de")).entities if e.kind == "region"]
    assert any(place in {e.label, *e.alt_labels} and " der " in e.label for e in regions)  # "an der Aisch"


def test_a_quoted_cluster_name_may_end_in_a_bare_german_adjective():
    text = ("Eine Absichtserklärung zum Aufbau des „Pflegeverbunds Kitzingen mobil“ haben die Klinik Kitzinger Land "
            "und der Caritasverband Kitzingen unterschrieben.")
    assert "Pflegeverbund Kitzingen mobil" in labels(text, "de", "cluster")


@pytest.mark.parametrize("text, name, not_name", [
    ("The memorandum was signed by NHS Lancashire and South Cumbria Integrated Care Board and Lancaster University.",
     "NHS Lancashire and South Cumbria Integrated Care Board", "NHS Lancashire"),
    ("The memorandum was signed by NHS Grampian and Aberdeenshire Council.", "Aberdeenshire Council",
     "NHS Grampian and Aberdeenshire Council"),
])
def test_a_prefix_head_opens_an_integrated_care_board_of_two_areas_only(text, name, not_name):
    found_names = labels(text, "en", "organisation")
    assert name in found_names and not_name not in found_names


def test_a_possessive_before_a_street_or_site_ends_the_name():
    text = "The charter was signed at the University of Bath's Claverton Down Road site by Bath and North East Somerset Council."
    assert "University of Bath" in labels(text, "en", "organisation")


# -- members and parties --------------------------------------------------------------------------
@pytest.mark.parametrize("text, language, signer, associate, agreement, cluster", [
    ("Three organisations founded the Fenland Care Alliance by signing a memorandum of understanding. The founding "
     "partners are Wisbech Community Trust, the College of West Anglia and Fenland District Council. Anglia Ruskin "
     "University joins as an associate partner of the alliance.", "en", "College of West Anglia",
     "Anglia Ruskin University", "memorandum of understanding", "Fenland Care Alliance"),
    ("Tre organisationer stiftede Sundhedsalliancen Vestfyn ved at underskrive en samarbejdsaftale. Stifterne er "
     "Assens Kommune, Nordfyns Kommune og Syddansk Universitet. Som associeret partner støtter Odense Universitetshospital "
     "alliancen.", "da", "Syddansk Universitet", "Odense Universitetshospital", "samarbejdsaftale",
     "Sundhedsalliancen Vestfyn"),
])
def test_associate_partners_are_members_but_not_among_those_who_signed(text, language, signer, associate, agreement,
                                                                        cluster):
    relations = found(text, language)
    assert ("partyTo", signer, agreement) in relations
    assert ("memberOf", associate, cluster) in relations
    assert ("partyTo", associate, agreement) not in relations


@pytest.mark.parametrize("text, language, party, agreement", [
    ("Zes organisaties ondertekenden gisteren in Ieper een samenwerkingsovereenkomst.\n\nWie tekende?\n\n"
     "Organisatie             | Vertegenwoordiger\n------------------------+------------------\n"
     "AZ Jan Palfijn          | Els Peeters\nHogeschool Gent         | Tom Claes\n", "nl", "Hogeschool Gent",
     "samenwerkingsovereenkomst"),
    ("Vier Partner unterzeichneten in Goslar eine Kooperationsvereinbarung.\n\n"
     "Einrichtung             | Unterzeichnet von\n------------------------+------------------\n"
     "Asklepios Harzklinik    | Dr. Jana Vogt\nTU Clausthal            | Prof. Uwe Kranz\n", "de", "TU Clausthal",
     "Kooperationsvereinbarung"),
])
def test_the_rows_of_a_table_of_who_signed_are_parties_of_the_agreement_before(text, language, party, agreement):
    assert ("partyTo", party, agreement) in found(text, language)


@pytest.mark.parametrize("text, language, agreement, cluster", [
    ("Zes partners zetten hun handtekening onder de samenwerkingsovereenkomst Zorgnetwerk Westhoek: AZ West, "
     "Hogeschool VIVES en Jan Yperman Ziekenhuis.", "nl", "samenwerkingsovereenkomst Zorgnetwerk Westhoek",
     "Zorgnetwerk Westhoek"),
    ("Die Harzklinik Goslar und die TU Clausthal unterzeichneten die Kooperationsvereinbarung Gesundheitsnetz Harz.",
     "de", "Kooperationsvereinbarung Gesundheitsnetz Harz", "Gesundheitsnetz Harz"),
])
def test_an_agreement_named_after_a_cluster_founds_it_and_the_cluster_signs_nothing(text, language, agreement,
                                                                                    cluster):
    relations = found(text, language)
    assert ("establishes", agreement, cluster) in relations
    assert ("partyTo", cluster, agreement) not in relations


@pytest.mark.parametrize("text, language, agreement, signer, outsiders", [
    ("Aarhus Kommune og Odense Kommune har underskrevet en hensigtserklæring om velfærdsteknologi. Hverken VIA "
     "eller Aarhus Universitet har skrevet under på hensigtserklæringen, men begge er samarbejdspartnere.", "da",
     "hensigtserklæring om velfærdsteknologi", "Odense Kommune", ("VIA", "Aarhus Universitet")),
    ("Die Stadt Ulm und der Landkreis Neu-Ulm haben eine Absichtserklärung unterzeichnet. Weder die AOK noch die "
     "Universität Ulm haben die Erklärung unterzeichnet.", "de", "Absichtserklärung", "Stadt Ulm",
     ("AOK", "Universität Ulm")),
    ("Gemeente Zutphen en gemeente Lochem ondertekenden een intentieverklaring. Noch Gelre Ziekenhuis noch de "
     "GGD Noord- en Oost-Gelderland hebben de verklaring ondertekend.", "nl", "intentieverklaring", "Gemeente Zutphen",
     ("Gelre Ziekenhuis", "Oost-Gelderland")),
    ("Lancaster City Council and Lancashire County Council signed a memorandum of understanding. Neither Lancaster "
     "University nor University Hospitals of Morecambe Bay signed the memorandum.", "en", "memorandum of understanding",
     "Lancaster City Council", ("Lancaster University", "Morecambe Bay")),
])
def test_neither_nor_signs_nothing(text, language, agreement, signer, outsiders):
    relations = found(text, language)
    assert ("partyTo", signer, agreement) in relations
    assert not {r for r in relations if r[0] == "partyTo" and r[1].endswith(outsiders)}


@pytest.mark.parametrize("text, language, agreement, cluster, member", [
    ("Het Zorgnetwerk Achterhoek, Slingeland Ziekenhuis en Sensire hebben maandag een intentieverklaring over telezorg "
     "getekend. Samen richten ze het Nordic Care Lab op: een proeftuin waarin zorgorganisaties dezelfde sensoren "
     "testen.", "nl", "intentieverklaring over telezorg", "Nordic Care Lab", "Sensire"),
    ("Das Klinikum Passau und die Universität Passau haben eine Kooperationsvereinbarung unterzeichnet. Gemeinsam "
     "gründen sie das CareTech Lab Niederbayern, ein Reallabor für Rehabilitationsrobotik.", "de",
     "Kooperationsvereinbarung", "CareTech Lab Niederbayern", "Universität Passau"),
])
def test_what_the_parties_set_up_together_in_the_next_sentence_the_agreement_founds(text, language, agreement,
                                                                                     cluster, member):
    relations = found(text, language)
    assert ("establishes", agreement, cluster) in relations
    assert ("memberOf", member, cluster) in relations


@pytest.mark.parametrize("text, language, joiner, agreement", [
    ("In 2023 ondertekenden Alrijne Ziekenhuis, gemeente Lisse en gemeente Hillegom een convenant over ouderenzorg. "
     "Sinds februari hebben ook Marente en gemeente Teylingen zich aangesloten bij het convenant.", "nl", "Marente",
     "convenant over ouderenzorg"),
    ("Im Jahr 2023 unterzeichneten das Klinikum Passau und die Stadt Passau eine Kooperationsvereinbarung. Im Februar "
     "sind auch die Universität Passau und die Hochschule Deggendorf der Vereinbarung beigetreten.", "de",
     "Hochschule Deggendorf", "Kooperationsvereinbarung"),
    ("Svendborg Kommune og OUH Svendborg Sygehus underskrev i 2023 en samarbejdsaftale. Faaborg-Midtfyn Kommune "
     "tiltræder nu aftalen.", "da", "Faaborg-Midtfyn Kommune", "samarbejdsaftale"),
    ("Lancaster City Council and Lancaster University signed a memorandum of understanding in 2023. This spring "
     "Morecambe Bay Community Trust joined the memorandum.", "en", "Morecambe Bay Community Trust",
     "memorandum of understanding"),
])
def test_who_joins_an_agreement_signed_before_is_a_party(text, language, joiner, agreement):
    assert ("partyTo", joiner, agreement) in found(text, language)


# -- leads ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, language, lead, cluster", [
    ("Das Gesundheitsnetz Trier wurde 2024 gegründet. Die Geschäftsstelle des Netzwerks ist beim Klinikum "
     "Mutterhaus angesiedelt.", "de", "Klinikum Mutterhaus", "Gesundheitsnetz Trier"),
    ("Das Pflegenetz Saarburg besteht seit 2023. Die Fäden laufen beim Kreiskrankenhaus Saarburg zusammen.", "de",
     "Kreiskrankenhaus Saarburg", "Pflegenetz Saarburg"),
    ("Das Pflegenetz Saarburg besteht seit 2023. Bei der Hochschule Trier laufen die Fäden des Netzes zusammen.",
     "de", "Hochschule Trier", "Pflegenetz Saarburg"),
    ("Het Zorgnetwerk Bollenstreek werd in 2024 opgericht. De regie ligt bij Alrijne Ziekenhuis.", "nl",
     "Alrijne Ziekenhuis", "Zorgnetwerk Bollenstreek"),
    ("Het Zorgnetwerk Bollenstreek werd in 2024 opgericht. Alrijne Ziekenhuis voert de regie over het netwerk.",
     "nl", "Alrijne Ziekenhuis", "Zorgnetwerk Bollenstreek"),
])
def test_who_holds_the_threads_or_the_regie_coordinates(text, language, lead, cluster):
    assert ("coordinates", lead, cluster) in found(text, language)


@pytest.mark.parametrize("text, language, lead, cluster", [
    ("Sundhedsteknologisk Netværk Thy blev stiftet i 2022. Den daglige koordinering af netværket ligger hos "
     "Professionshøjskolen UCN, der har campus i Thisted.", "da", "Professionshøjskolen UCN",
     "Sundhedsteknologisk Netværk Thy"),
    ("The Cumbria Care Network was founded in 2022. Day-to-day coordination rests with the University of Cumbria.",
     "en", "University of Cumbria", "Cumbria Care Network"),
])
def test_the_coordination_lies_with_its_holder(text, language, lead, cluster):
    assert ("coordinates", lead, cluster) in found(text, language)


def test_one_part_of_the_coordination_makes_no_lead():
    text = ("Het Zorgnetwerk Bollenstreek werd in 2023 opgericht. De wetenschappelijke coördinatie ligt bij de "
            "vakgroep Verplegingswetenschap van de Universiteit Leiden.")
    assert not {r for r in found(text, "nl") if r[0] == "coordinates"}


def test_clients_who_keep_control_of_their_own_care_coordinate_nothing():
    text = ("Het Zorgnetwerk Bollenstreek werd in 2024 opgericht. Met de app houden ouderen de regie over hun eigen "
            "zorg, zegt Alrijne Ziekenhuis.")
    assert not {r for r in found(text, "nl") if r[0] == "coordinates"}


@pytest.mark.parametrize("text, language, host, cluster", [
    ("Het Zorgnetwerk Bollenstreek werd in 2023 opgericht. Regio Holland Rijnland, het samenwerkingsverband van "
     "dertien gemeenten, verzorgt sindsdien het secretariaat.", "nl", "Regio Holland Rijnland", "Zorgnetwerk Bollenstreek"),
    ("Het Zorgnetwerk Bollenstreek werd in 2023 opgericht. Alrijne Ziekenhuis, de grootste zorgaanbieder van de "
     "streek, verzorgt het secretariaat.", "nl", "Alrijne Ziekenhuis", "Zorgnetwerk Bollenstreek"),
    ("Sundhedsnetværk Vestfyn blev stiftet i 2023. Region Syddanmark, der også finansierer netværket, driver "
     "sekretariatet.", "da", "Region Syddanmark", "Sundhedsnetværk Vestfyn"),
])
def test_who_keeps_the_secretariat_after_an_apposition_coordinates(text, language, host, cluster):
    assert ("coordinates", host, cluster) in found(text, language)


# -- boilerplate ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, language, party, agreement", [
    ("Die Partner arbeiten seit Jahren zusammen.\n\n2023 unterzeichneten das Klinikum Passau und die Stadt Passau "
     "eine Kooperationsvereinbarung.", "de", "Stadt Passau", "Kooperationsvereinbarung"),
    ("De partners werken al jaren samen.\n\n2024 ondertekenden Gelre Ziekenhuis en gemeente Zutphen een "
     "intentieverklaring.", "nl", "Gelre Ziekenhuis", "intentieverklaring"),
])
def test_a_sentence_that_opens_with_a_year_is_no_postal_line(text, language, party, agreement):
    assert ("partyTo", party, agreement) in found(text, language)


def test_a_postal_line_still_closes_a_contact_block():
    from ingest.boilerplate import classify
    from ingest.sentences import split_sentences

    sentences = split_sentences("Meer informatie\nLeiedal\n8500 Kortrijk\n", "nl")
    assert classify(sentences)[2] == "contact"

