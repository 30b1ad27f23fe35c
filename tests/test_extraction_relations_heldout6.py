"""Relation rules generalised from the sixth held-out set's misses, each on a short text written for
these tests (not taken from the held-out pages)."""
from __future__ import annotations

import pytest

from tests.test_extraction_rules import found, has



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


@pytest.mark.parametrize("language, text, party, field", [
    ("de", "Die Stadtwerke Kassel AG, die Universität Kassel und das Klinikum Kassel haben eine "
           "Kooperationsvereinbarung zur Zusammenarbeit in der Telemedizin unterzeichnet.",
     "Universität Kassel", "Telemedizin"),
    ("en", "Orkney Development Agency, Lapland Innovation Agency and the University of Tromsø signed a "
           "memorandum of understanding on telemedicine.", "Lapland Innovation Agency", "telemedicine"),
    ("da", "Region Nordjylland, Aalborg Kommune og Aalborg Universitet har underskrevet en samarbejdsaftale "
           "om telemedicin.", "Aalborg Universitet", "telemedicin"),
])
def test_the_fields_of_a_signing_sentence_are_the_agreements_not_each_partys(language, text, party, field):
    facts_ = found(text, language)
    assert not has(facts_, "focusesOn", party, ""), facts_
    assert any(k == "focusesOn" and field.casefold() in o.casefold() for k, s, o in facts_), facts_


def test_the_signatories_of_a_convenant_that_founds_an_alliance_do_not_get_its_fields():
    text = ("Gemeente Deventer, Hogeschool Windesheim en Ziekenhuis Salland hebben een convenant ondertekend "
            "voor de oprichting van de Sallandse Thuiszorg Alliantie. Het convenant richt zich op telezorg.")
    facts_ = found(text, "nl")
    assert not has(facts_, "focusesOn", "Windesheim", ""), facts_


def test_a_partner_list_belongs_to_the_pages_project_not_to_a_network_listed_in_it():
    text = ("Projects / IsleCare Network\n\nIsleCare Network\n\nIsleCare Network tests remote care on small islands.\n\n"
            "The Nordic Telehealth Cluster also hosts a test bed.\n\n"
            "The Nordic Telehealth Cluster (NTC) brings its experience with video consultations.\n\n"
            "The Nordic Telehealth Cluster (NTC) connects the project with companies in Sweden.\n\nPartners\n\n"
            "- Nordic Telehealth Cluster (NTC), Sweden\n- University of Turku, Denmark\n- University of Tartu, Norway\n")
    facts_ = found(text, "en")
    assert has(facts_, "memberOf", "University of Turku", "IsleCare"), facts_
    assert has(facts_, "memberOf", "Nordic Telehealth Cluster", "IsleCare"), facts_
    assert not has(facts_, "memberOf", "University of Turku", "Nordic Telehealth"), facts_


@pytest.mark.parametrize("language, text, member, cluster", [
    ("da", "Sjælland Sundhedsnetværk samler i første omgang ti partnere. Blandt dem er Roskilde Universitet, "
           "Zealand Erhvervsakademi og virksomheden Nordfys ApS fra Køge.", "Roskilde Universitet",
     "Sjælland Sundhedsnetværk"),
    ("en", "The Solent Health Network brings together twelve partners. Among them are the University of "
           "Southampton and Portsmouth Hospitals University NHS Trust.", "University of Southampton",
     "Solent Health Network"),
    ("de", "Das Netzwerk Sensorik Nordhessen vereint zwölf Partner. Darunter sind die Universität Kassel und "
           "die Stadtwerke Kassel AG.", "Universität Kassel", "Sensorik Nordhessen"),
])
def test_the_partners_named_after_among_them_are_members(language, text, member, cluster):
    facts_ = found(text, language)
    assert has(facts_, "memberOf", member, cluster), facts_


def test_places_listed_with_a_province_of_another_country_are_not_put_inside_it():
    text = "Die Grenzregion zwischen Aachen, Maastricht, Lüttich und Hasselt zählt viele Kliniken."
    facts_ = found(text, "de")
    assert not any(k == "partOf" and "Lüttich" in o and s in ("Aachen", "Maastricht") for k, s, o in facts_), facts_


@pytest.mark.parametrize("language, text, person, org", [
    ("de", "Jan de Boer, directeur van Stichting Zorgpunt Drenthe, lobte die Zusammenarbeit.", "Jan de Boer",
     "Zorgpunt Drenthe"),
    ("nl", "Dr. Lena Hoffmann, Oberärztin am Klinikum Oldenburg, sprak de deelnemers toe.", "Lena Hoffmann",
     "Klinikum Oldenburg"),
    ("en", "Dr Fiona Baird, clinical lead for telehealth at NHS Grampian, welcomed the plan.", "Fiona Baird",
     "NHS Grampian"),
    ("da", "Peter Holm, netværksleder i Odense Robotics A/S, er glad for aftalen.", "Peter Holm", "Odense Robotics"),
])
def test_a_role_in_another_language_or_a_compound_role_links_person_and_organisation(language, text, person, org):
    facts_ = found(text, language)
    assert has(facts_, "affiliatedWith", person, org), facts_


def test_an_office_holder_with_the_authority_in_brackets_is_not_given_another_one():
    text = ("De gemeente Almelo en Saxion tekenden het convenant. Namens de gemeenten tekende wethouder "
            "Petra de Vries (Zorg, gemeente Borne). Gemeente Almelo is trekker.")
    facts_ = found(text, "nl")
    assert not has(facts_, "affiliatedWith", "Petra de Vries", "Almelo"), facts_


@pytest.mark.parametrize("language, text, org, places", [
    ("de", "Die Grenzland Klinik GmbH mit Sitz in Gronau und Enschede betreibt das Labor.", "Grenzland Klinik",
     ["Gronau", "Enschede"]),
    ("nl", "Ook zorgverzekeraar Stichting Zorgbelang Gelderland, met hoofdkantoor in Arnhem, doet mee.",
     "Zorgbelang Gelderland", ["Arnhem"]),
    ("nl", "Stichting Zorgbelang Gelderland, gevestigd in Arnhem, doet mee.", "Zorgbelang Gelderland", ["Arnhem"]),
    ("da", "Nordic Rehab ApS, der har hovedsæde i Aalborg, leverer sensorerne.", "Nordic Rehab", ["Aalborg"]),
    ("en", "Fjord Health AS, the regional health trust for northern Norway based in Tromsø, joins the project.",
     "Fjord Health", ["Tromsø"]),
])
def test_a_seat_phrase_after_the_actor_locates_it(language, text, org, places):
    facts_ = found(text, language)
    for place in places:
        assert has(facts_, "locatedIn", org, place), facts_


@pytest.mark.parametrize("language, text, org, cluster", [
    ("nl", "De Achterhoekse Zorgalliantie is opgericht door tien partijen. Stichting Zorgpunt Oost neemt het "
           "programmamanagement van de alliantie op zich.", "Zorgpunt Oost", "Achterhoekse Zorgalliantie"),
    ("de", "Das Netzwerk Sensorik Nordhessen wurde 2024 gegründet. Die Stadtwerke Kassel AG übernimmt das "
           "Netzwerkmanagement.", "Stadtwerke Kassel", "Sensorik Nordhessen"),
])
def test_taking_on_the_management_of_a_network_coordinates_it(language, text, org, cluster):
    facts_ = found(text, language)
    assert has(facts_, "coordinates", org, cluster), facts_


@pytest.mark.parametrize("language, text, joiner", [
    ("de", "Das Netzwerk Sensorik Nordhessen wurde 2023 gegründet. Inzwischen sind auch die Stadtwerke Kassel AG "
           "und der Pflegeverbund Diakonie Kassel beigetreten.", "Stadtwerke Kassel"),
    ("nl", "Het Netwerk Zorg Oost werd in 2022 opgericht. Inmiddels zijn ook Stichting Zorgpunt Oost en het "
           "Zorgnetwerk Salland toegetreden.", "Zorgpunt Oost"),
])
def test_actors_that_join_together_are_not_members_of_each_other(language, text, joiner):
    facts_ = found(text, language)
    assert not any(k == "memberOf" and joiner in s and ("Pflegeverbund" in o or "Zorgnetwerk" in o)
                   for k, s, o in facts_), facts_


def test_a_partner_heading_with_a_blank_line_before_its_items_lists_the_projects_members():
    text = ("Projekter\n\nFjordCare – sundhed på afstand\n\nProjektet FjordCare tester telemedicin i yderområder.\n\n"
            "Partnere\n\nRegion Halland (SE)\nTrondheim kommune (NO)\nHalmstad Tech Cluster (SE)\n\n"
            "Projektet arbejder i Sverige og Norge.")
    facts_ = found(text, "da")
    assert has(facts_, "memberOf", "Trondheim kommune", "FjordCare"), facts_
    assert has(facts_, "memberOf", "Halmstad Tech Cluster", "FjordCare"), facts_
    # a country tag locates the actor in a country the page names
    assert has(facts_, "locatedIn", "Trondheim kommune", "Norge"), facts_
    assert has(facts_, "locatedIn", "Halmstad Tech Cluster", "Sverige"), facts_


def test_a_country_tag_after_a_town_locates_no_actor_there():
    text = ("Partners\n\n- Nordkyn Sensors AS, Tromsø (NO)\n- Bothnia Health Oy, Vaasa (FI)\n\n"
            "The project runs in Norway and Finland.")
    facts_ = found(text, "en")
    assert has(facts_, "locatedIn", "Nordkyn Sensors", "Tromsø"), facts_
    assert not has(facts_, "locatedIn", "Nordkyn Sensors", "Norway"), facts_


def test_the_project_word_refers_to_the_pages_project():
    text = ("FjordCare – sundhed på afstand\n\nProjektet FjordCare samler kommuner og klynger. Halmstad Tech Cluster deltager "
            "med sine virksomheder.\n\nProjektet fokuserer især på telemedicin og rehabilitering.")
    facts_ = found(text, "da")
    assert has(facts_, "focusesOn", "FjordCare", "telemedicin"), facts_
    assert not has(facts_, "focusesOn", "Halmstad", "telemedicin"), facts_


@pytest.mark.parametrize("language, text", [
    ("da", "Projektet FjordCare samler seks partnere. Projektet ledes af Aalborg Universitet. "
           "Den anden arbejdspakke ledes af Trondheim kommune."),
    ("en", "The project FjordCare brings together six partners. The project is coordinated by Aalborg University. "
           "Work package 2 is led by Bergen kommune."),
])
def test_the_lead_of_a_work_package_does_not_coordinate_the_project(language, text):
    facts_ = found(text, language)
    assert has(facts_, "coordinates", "Aalborg Universit", "FjordCare"), facts_
    assert not any(k == "coordinates" and "kommune" in s for k, s, o in facts_), facts_


def test_two_actors_of_one_partner_item_and_a_place_after_a_bracketed_name():
    text = ("Projektet FjordCare tester telemedicin.\n\nPartnerne i FjordCare er:\n"
            "- Region Halland og Halmstad Tech Cluster (HTC), Sverige\n"
            "- Tartu Ülikool (University of Tartu), Estland\n")
    facts_ = found(text, "da")
    assert has(facts_, "memberOf", "Halmstad Tech Cluster", "FjordCare"), facts_
    assert has(facts_, "locatedIn", "Tartu Ülikool", "Estland"), facts_
