"""Rules written during the twenty-second held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from tests.test_extraction_rules import found, labels


# -- names ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("Aftalen er underskrevet af Foreningen af Danske Døvblinde og Aalborg Kommune.", "Foreningen af Danske Døvblinde"),
    ("Sammenslutningen af Vestjyske Sygeplejersker er ny partner i netværket.",
     "Sammenslutningen af Vestjyske Sygeplejersker"),
])
def test_a_danish_association_is_named_with_af_after_its_head(text, name):
    assert name in labels(text, "da", "organisation")


def test_af_before_two_towns_and_a_head_is_the_signing_verbs_by():
    text = "Aftalen er underskrevet af Hvidovre og Amager Hospital og Roskilde Kommune."
    assert "Hvidovre og Amager Hospital" in labels(text, "da", "organisation")
    assert ("partyTo", "Hvidovre og Amager Hospital", "Aftalen") in found(text, "da")


@pytest.mark.parametrize("text, lang, cluster", [
    ("Am Dienstag haben sechs Einrichtungen eine Absichtserklärung zur Pflegepartnerschaft Passau–Budweis "
     "unterzeichnet.", "de", "Pflegepartnerschaft Passau–Budweis"),
    ("Gemeente Venray en VieCuri tekenden een overeenkomst voor het Zorgpartnerschap Venray.", "nl",
     "Zorgpartnerschap Venray"),
])
def test_a_compound_partnership_with_a_name_is_a_cluster(text, lang, cluster):
    assert cluster in labels(text, lang, "cluster")


@pytest.mark.parametrize("text, lang, cluster", [
    ("Netwerk Slimme Zorg Dordt verwelkomt twee nieuwe leden.", "nl", "Netwerk Slimme Zorg Dordt"),
    ("Alliance Healthy Fens welcomes two new members.", "en", "Alliance Healthy Fens"),
])
def test_a_bare_cluster_word_opening_a_sentence_opens_the_name(text, lang, cluster):
    assert cluster in labels(text, lang, "cluster")


def test_a_definite_danish_cluster_word_opening_a_sentence_describes_the_name():
    assert "Velfærd Vest" in labels("Klyngen Velfærd Vest får to nye medlemmer.", "da", "cluster")


def test_a_headline_name_is_the_opening_of_the_full_name_in_the_text():
    text = ("Alliantie Zorg Dichtbij krijgt twee nieuwe partners\n\n"
            "De Alliantie Zorg Dichtbij Midden-Betuwe Oost groeit. Het Rivierenland Ziekenhuis en de gemeente "
            "Tiel sloten zich aan bij de Alliantie Zorg Dichtbij.")
    clusters = labels(text, "nl", "cluster")
    assert clusters == {"Alliantie Zorg Dichtbij Midden-Betuwe Oost"}, clusters


# -- places ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, council", [
    ("Ook de gemeente Bergen op Zoom en Zorgsaam tekenden het convenant.", "gemeente Bergen op Zoom"),
    ("Ook de gemeente Alphen aan den Rijn en het Groene Hart Ziekenhuis tekenden het convenant.",
     "gemeente Alphen aan den Rijn"),
])
def test_a_municipality_named_with_its_towns_link_words_is_whole(text, council):
    assert council in labels(text, "nl", "organisation")
    assert council.removeprefix("gemeente ") in labels(text, "nl", "region")


# -- members --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lang, member, cluster", [
    ("Das Pflegenetz Altmühltal hat zwei neue Mitglieder. Seit März gehören die Hochschule Ansbach und der "
     "Caritasverband Eichstätt e.V. dem Zusammenschluss an, der sich um die ambulante Pflege kümmert.", "de",
     "Caritasverband Eichstätt e.V.", "Pflegenetz Altmühltal"),
    ("Seit März gehören die Hochschule Ansbach und die Diakonie Neuendettelsau dem Pflegenetz Altmühltal an.", "de",
     "Hochschule Ansbach", "Pflegenetz Altmühltal"),
    ("Het Netwerk Zorg Tiel groeit. Het Rivierenland Ziekenhuis en Avans Hogeschool sloten zich deze week aan bij "
     "het samenwerkingsverband.", "nl", "Avans Hogeschool", "Netwerk Zorg Tiel"),
    ("Het Netwerk Zorg Tiel groeit. De gemeente Culemborg is de tweede gemeente in het netwerk.", "nl",
     "gemeente Culemborg", "Netwerk Zorg Tiel"),
    ("Middlesbrough Council is the third council in the Tees Care Network.", "en", "Middlesbrough Council",
     "Tees Care Network"),
    ("Die Verbandsgemeinde Prüm ist nach der Stadt Bitburg die zweite Kommune im Gesundheitsnetz Eifelkreis.", "de",
     "Verbandsgemeinde Prüm", "Gesundheitsnetz Eifelkreis"),
])
def test_membership_by_belonging_joining_or_being_counted_in_the_network(text, lang, member, cluster):
    assert ("memberOf", member, cluster) in found(text, lang)


def test_belonging_needs_the_separated_an_at_the_end_of_the_clause():
    text = "Zum Team des Pflegenetz Altmühltal gehören Forschende der Hochschule Ansbach an der Residenzstraße."
    assert not any(kind == "memberOf" for kind, _, _ in found(text, "de"))


@pytest.mark.parametrize("text, council", [
    ("Die Samtgemeinde Bersenbrück und die Stadt Quakenbrück unterzeichneten die Vereinbarung.",
     "Samtgemeinde Bersenbrück"),
    ("Die Verbandsgemeinde Gerolstein und die Stadt Prüm unterzeichneten die Vereinbarung.", "Verbandsgemeinde Gerolstein"),
])
def test_german_municipal_associations_are_councils(text, council):
    assert ("partyTo", council, "Vereinbarung") in found(text, "de")


# -- leads ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lang, host, cluster", [
    ("Das Pflegenetz Altmühltal wächst. „Nur gemeinsam“, sagt Koordinatorin Eva Lindl von der Kreisverwaltung "
     "Eichstätt, bei der die Geschäftsstelle des Netzes angesiedelt ist.", "de", "Kreisverwaltung Eichstätt",
     "Pflegenetz Altmühltal"),
    ("The Fens Care Network grows. The work is led from Fenland District Council, where the secretariat sits.", "en",
     "Fenland District Council", "Fens Care Network"),
    ("Het Netwerk Zorg Tiel werd opgericht door de GGD Gelderland-Zuid en drie gemeenten. Het programmabureau, met "
     "twee medewerkers, is ondergebracht bij de GGD.", "nl", "GGD Gelderland-Zuid", "Netwerk Zorg Tiel"),
])
def test_the_host_of_the_office_coordinates(text, lang, host, cluster):
    assert ("coordinates", host, cluster) in found(text, lang)


@pytest.mark.parametrize("text, lang, names", [
    ("De GGD West-Brabant en het Amphia Ziekenhuis tekenden het convenant. Het programmabureau is ondergebracht bij "
     "de GGD.", "nl", {"GGD West-Brabant", "Amphia Ziekenhuis"}),
])
def test_an_abbreviation_alone_is_the_body_named_with_its_place(text, lang, names):
    assert labels(text, lang, "organisation") == names


# -- parties --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lang, party, agreement", [
    ("Fem parter har indgået en samarbejdsaftale om sundhed i Vendsyssel.\n\nAftalen er underskrevet af\n\n"
     "• Hjørring Kommune\n• Frederikshavn Kommune\n• Sygehus Vendsyssel\n\nHjørring Kommune er tovholder.", "da",
     "Sygehus Vendsyssel", "samarbejdsaftale"),
    ("Die Kooperationsvereinbarung wurde unterzeichnet von\n\n- Klinikum Passau\n- Universität Passau\n- Stadt "
     "Passau\n\nDas Klinikum übernimmt die Koordination.", "de", "Universität Passau", "Kooperationsvereinbarung"),
])
def test_a_sentence_ending_in_by_over_bulleted_lines_names_the_parties(text, lang, party, agreement):
    assert ("partyTo", party, agreement) in found(text, lang)


# -- authorities ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lang, body", [
    ("Region Syddanmark har bevilget 1,2 mio. kr. til netværkets drift.", "da", "Region Syddanmark"),
    ("Die Stadt Trier hat dafür 80.000 Euro bewilligt.", "de", "Stadt Trier"),
    ("Region Midtjylland har afsat 500.000 kr. til projektet.", "da", "Region Midtjylland"),
])
def test_an_authority_that_grants_money_is_a_body(text, lang, body):
    assert body in labels(text, lang, "organisation")


@pytest.mark.parametrize("text, lang, party, agreement", [
    ("Alle tre har tiltrådt den samarbejdsaftale, som netværket blev stiftet på. Bag aftalen stod oprindeligt "
     "Hjørring Kommune og Sygehus Vendsyssel.", "da", "Sygehus Vendsyssel", "samarbejdsaftale"),
    ("Alle drei sind der Kooperationsvereinbarung beigetreten. Hinter der Vereinbarung standen ursprünglich das "
     "Klinikum Passau und die Universität Passau.", "de", "Universität Passau", "Kooperationsvereinbarung"),
])
def test_who_stood_behind_the_agreement_named_after_it_are_its_parties(text, lang, party, agreement):
    assert ("partyTo", party, agreement) in found(text, lang)


def test_a_host_named_with_som_ogsaa_huser_coordinates_and_is_at_the_seat():
    text = ("Netværket Sundhed Vendsyssel vokser. Bag netværket står Hjørring Kommune og Erhvervshus Nordjylland, som "
            "også huser netværkets sekretariat i Nørresundby.")
    relations = found(text, "da")
    assert ("coordinates", "Erhvervshus Nordjylland", "Sundhed Vendsyssel") in relations
    assert ("locatedIn", "Erhvervshus Nordjylland", "Nørresundby") in relations
    assert ("locatedIn", "Hjørring Kommune", "Nørresundby") not in relations


@pytest.mark.parametrize("text", [
    "Netværket Sundhed Vendsyssel vokser. Region Nordjylland er ikke medlem af netværket, men deltager i styregruppen.",
    "Netværket Sundhed Vendsyssel vokser. Region Nordjylland deltager som observatør i styregruppen.",
])
def test_taking_part_as_an_observer_or_without_membership_is_no_membership(text):
    assert not any(kind == "memberOf" and subject == "Region Nordjylland" for kind, subject, _ in found(text, "da"))


@pytest.mark.parametrize("text, lang, cluster", [
    ("Mit der Unterschrift ist die Pflegebrücke Oder offiziell gegründet.", "de", "Pflegebrücke Oder"),
    ("Met de handtekeningen is de Zorgbrug Schelde opgericht.", "nl", "Zorgbrug Schelde"),
    ("Med underskrifterne er Sundhedsbro Storebælt etableret.", "da", "Sundhedsbro Storebælt"),
])
def test_a_bridge_of_care_with_a_name_is_a_cluster(text, lang, cluster):
    assert cluster in labels(text, lang, "cluster")


def test_a_rivers_bridge_is_no_cluster():
    assert not labels("Die Altstadtbrücke Görlitz wird im Sommer saniert.", "de", "cluster")


# -- references -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lead, cluster", [
    ("Damit ist die „Pflegebrücke Oder“ offiziell gegründet. Die Europa-Universität Viadrina ist Partner. Koordiniert "
     "wird die Pflegebrücke von der Europa-Universität Viadrina.", "Europa-Universität Viadrina", "Pflegebrücke Oder"),
    ("Das Herznetz Ostalb wurde 2023 gegründet. Das Herznetz wird vom Ostalb-Klinikum Aalen koordiniert.",
     "Ostalb-Klinikum Aalen", "Herznetz Ostalb"),
])
def test_a_german_compound_cluster_word_alone_refers_to_the_cluster(text, lead, cluster):
    assert ("coordinates", lead, cluster) in found(text, "de")


def test_associated_partners_are_not_counted_among_the_members_who_signed():
    text = ("Mit ihren Unterschriften unter eine Kooperationsvereinbarung haben drei Einrichtungen die Pflegeallianz "
            "Ostalb gegründet. Gründungspartner sind das Ostalb-Klinikum Aalen, die Hochschule Aalen und der "
            "Ostalbkreis. Als assoziierte Partner unterstützen die AOK Ostwürttemberg und die IHK Ostwürttemberg die "
            "Allianz.")
    relations = found(text, "de")
    assert ("partyTo", "Hochschule Aalen", "Kooperationsvereinbarung") in relations
    assert ("memberOf", "AOK Ostwürttemberg", "Pflegeallianz Ostalb") in relations
    assert ("partyTo", "AOK Ostwürttemberg", "Kooperationsvereinbarung") not in relations


@pytest.mark.parametrize("text, council", [
    ("The agreement was signed by Ards, Comber and Holywood Borough Council and Ulster University.",
     "Ards, Comber and Holywood Borough Council"),
    ("The agreement was signed by Newry, Mourne and Down District Council and Dundalk Institute of Technology.",
     "Newry, Mourne and Down District Council"),
])
def test_an_english_council_of_several_areas_is_one_name(text, council):
    assert council in labels(text, "en", "organisation")


@pytest.mark.parametrize("text, board", [
    ("The memorandum was signed by Cambridgeshire and Peterborough Integrated Care Board and Anglia Ruskin "
     "University.", "Cambridgeshire and Peterborough Integrated Care Board"),
    ("Funding comes from Hampshire and Isle of Wight Integrated Care Board, which is not a member.",
     "Hampshire and Isle of Wight Integrated Care Board"),
])
def test_an_integrated_care_board_of_several_areas_is_one_name(text, board):
    assert board in labels(text, "en", "organisation")


def test_a_polish_public_health_care_unit_is_one_actor_with_and_without_its_legal_form():
    text = ("Anna Nowak, die am Szpital Powiatowy die Kooperationen koordiniert, sprach. Unterzeichnet haben das "
            "Klinikum Frankfurt (Oder) und der Szpital Powiatowy SP ZOZ w Słubicach die Vereinbarung.")
    hospitals = {label for label in labels(text, "de", "organisation") if "Szpital" in label}
    assert hospitals == {"Szpital Powiatowy SP ZOZ w Słubicach"}, hospitals
