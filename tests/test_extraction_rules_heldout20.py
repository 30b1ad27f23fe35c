"""Rules written during the twentieth held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.test_extraction_rules import document, found, labels


# -- names ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("Gefördert wird das Netzwerk vom Hessischen Ministerium für Wissenschaft, Forschung und Digitale Verwaltung.",
     "Hessischen Ministerium für Wissenschaft, Forschung und Digitale Verwaltung"),
    ("Das Projekt fördert das Ministerium für Arbeit, Soziales und gesellschaftliche Teilhabe.",
     "Ministerium für Arbeit, Soziales und gesellschaftliche Teilhabe"),
])
def test_the_last_portfolio_of_a_ministry_stays_in_its_name(text, name):
    assert labels(text, "de", "organisation") == {name}


def test_and_after_a_ministry_without_a_list_of_portfolios_may_start_another_name():
    text = "Das Ministerium für Gesundheit und Digitale Gesellschaft Nord e.V. unterzeichnen eine Vereinbarung."
    assert "Ministerium für Gesundheit und Digitale Gesellschaft Nord e.V." not in labels(text, "de", "organisation")


def test_a_ministry_after_a_lower_case_adjective_is_named():
    text = "Auch das niedersächsische Ministerium für Wirtschaft, Verkehr und Bauen unterstützt die Allianz."
    assert "Ministerium für Wirtschaft, Verkehr und Bauen" in labels(text, "de", "organisation")


def test_a_network_after_a_lower_case_adjective_is_still_described():
    text = "Das regionale Netzwerk der Medizintechnikbranche trifft sich im Mai."
    assert not labels(text, "de", "cluster")


@pytest.mark.parametrize("text, unit", [
    ("Die Fakultät Elektrotechnik und Informationstechnik der Hochschule Coburg ist Partner.",
     "Fakultät Elektrotechnik und Informationstechnik"),
    ("Prof. Dr. Lena Marx, Dekanin der Fakultät Angewandte Informatik und Biowissenschaften der Hochschule "
     "Mittweida, sprach.", "Fakultät Angewandte Informatik und Biowissenschaften"),
])
def test_a_unit_named_by_two_subjects_before_its_parent_keeps_both(text, unit):
    assert unit in labels(text, "de", "organisation")


def test_and_after_a_unit_that_no_parent_follows_ends_it():
    text = "Partner sind die Fakultät Informatik und Siemens Healthineers."
    assert "Fakultät Informatik" in labels(text, "de", "organisation")


@pytest.mark.parametrize("text, unit", [
    ("Projektet ledes af SDU Robotics i samarbejde med kommunen.", "SDU Robotics"),
    ("Sekretariatet ligger hos AAU Sundhedsinnovation, som også leder arbejdspakke 2.", "AAU Sundhedsinnovation"),
    ("Også KU Folkesundhed deltager i netværket.", "KU Folkesundhed"),
])
def test_a_danish_abbreviation_and_one_capitalised_word_name_a_unit(text, unit):
    assert unit in labels(text, "da", "organisation")


def test_no_unit_from_inside_a_longer_name():
    text = "Møderne holdes i Odense, og OUH Svendborg Sygehus deltager."
    assert "OUH Svendborg" not in labels(text, "da", "organisation")


def test_an_abbreviation_another_name_spells_out_is_not_the_short_name_of_a_park_that_opens_with_it():
    text = ("Syddansk Universitet (SDU) og SDU Science Park har underskrevet en aftale. Sekretariatet ligger i "
            "SDU Science Park i Odense.")
    entities = extract(document(text, "da")).entities
    park = next(e for e in entities if e.label == "SDU Science Park")
    university = next(e for e in entities if e.label == "Syddansk Universitet")
    assert "SDU" in university.alt_labels and "SDU" not in park.alt_labels


@pytest.mark.parametrize("language, text, name", [
    ("da", "Parterne er Masarykova univerzita og universitetshospitalet Fakultní nemocnice v Olomouci.",
     "Fakultní nemocnice v Olomouci"),
    ("en", "The partners include Fakultní nemocnice Brno, the city of Brno and Aarhus University.",
     "Fakultní nemocnice Brno"),
    ("de", "Beteiligt sind auch Turun yliopisto und die Universität Rostock.", "Turun yliopisto"),
])
def test_a_capitalised_word_before_a_head_of_another_language_names_the_institution(language, text, name):
    assert name in labels(text, language, "organisation")


@pytest.mark.parametrize("language, text, name", [
    ("da", "Hensigtserklæringen er underskrevet af Câmara Municipal de Braga og Universidade do Minho.",
     "Universidade do Minho"),
    ("da", "Hensigtserklæringen er underskrevet af Câmara Municipal de Braga og Universidade do Minho.",
     "Câmara Municipal de Braga"),
    ("en", "The partners are Ayuntamiento de Valencia and the Universidad de Salamanca.",
     "Universidad de Salamanca"),
    ("de", "Partner ist die Fundação Champalimaud in Lissabon.", "Fundação Champalimaud"),
])
def test_spanish_and_portuguese_heads_and_link_words_name_partners_abroad(language, text, name):
    assert name in labels(text, language, "organisation")


@pytest.mark.parametrize("language, text", [
    ("de", "Im Festsaal der Hochschule Harz das Gesundheitsnetz Harz gegründet."),
    ("da", "Aftalen med Region Midtjylland da Aarhus Kommune trådte ud."),
])
def test_german_and_danish_words_spelled_like_link_words_join_no_names(language, text):
    assert not any(" das " in label or " da " in label for label in labels(text, language, "organisation"))


# -- places -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("language, text, city", [
    ("da", "Netværket holder sit første møde i Prag i marts.", "Prag"),
    ("de", "Die Partner treffen sich im Herbst in Rom.", "Rom"),
    ("nl", "Het overleg vindt plaats in Aken.", "Aken"),
])
def test_short_exonyms_of_cities_are_places(language, text, city):
    assert any(e.kind == "region" and city in {e.label, *e.alt_labels}
               for e in extract(document(text, language)).entities)


def test_an_exonym_is_found_only_in_its_language():
    text = "The Rom community centre opened in May."
    assert not any(e.kind == "region" for e in extract(document(text, "en")).entities)


# -- relations ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("language, text, name", [
    ("da", "En aftale blev underskrevet i går, og samarbejdet får navnet CareBridge Vejen–Brno.",
     "CareBridge Vejen–Brno"),
    ("de", "Die Zusammenarbeit trägt den Namen PflegeBrücke Saar-Moselle.", "PflegeBrücke Saar-Moselle"),
    ("en", "The collaboration will be called NorthBridge Health.", "NorthBridge Health"),
])
def test_a_name_given_to_a_cooperation_names_a_cluster(language, text, name):
    assert name in labels(text, language, "cluster")


def test_a_name_given_to_a_company_names_an_organisation():
    text = "Das neue Unternehmen trägt den Namen MedoTec Saar."
    assert "MedoTec Saar" in labels(text, "de", "organisation")


@pytest.mark.parametrize("language, text, parties", [
    ("da", "Samarbejdsaftalen blev underskrevet i Vejle af fem parter. Ud over kommunen er det Vejle Sygehus, "
           "Erhvervsakademi Dania og virksomheden Coloplast A/S.",
     {"Vejle Sygehus", "Erhvervsakademi Dania", "Coloplast A/S"}),
    ("en", "The memorandum was signed in York by four organisations. They are York St John University, the "
           "University of York and Harrogate District NHS Foundation Trust.",
     {"York St John University", "University of York", "Harrogate District NHS Foundation Trust"}),
])
def test_parties_counted_but_not_named_are_those_of_the_next_sentence(language, text, parties):
    party = {(s, o) for k, s, o in found(text, language) if k == "partyTo"}
    assert parties <= {s for s, _ in party}


def test_a_next_sentence_after_a_signing_without_a_count_names_no_parties():
    text = ("The memorandum was signed in York on Monday. York St John University and the University of York "
            "host the first workshop.")
    assert not any(k == "partyTo" for k, _, _ in found(text, "en"))


# -- English public bodies ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("The network was set up by the Northern Health and Social Care Trust and Ulster University.",
     "Northern Health and Social Care Trust"),
    ("Funding comes from the Arts and Humanities Research Council.", "Arts and Humanities Research Council"),
    ("New members are Preston and Chorley District Council and Queen's University Belfast.",
     "Preston and Chorley District Council"),
    ("Also joining is Derry City and Strabane District Council, which runs the pilot.",
     "Derry City and Strabane District Council"),
    ("The partners include Armagh City, Banbridge and Craigavon Borough Council.",
     "Armagh City, Banbridge and Craigavon Borough Council"),
    ("The Scottish Ambulance Service tests the devices.", "Scottish Ambulance Service"),
])
def test_english_public_bodies_keep_the_words_joined_by_and_before_their_head(text, name):
    assert name in labels(text, "en", "organisation")


def test_a_university_and_a_council_after_it_stay_two_names():
    text = "The partners are Ulster University and Belfast City Council."
    assert {"Ulster University", "Belfast City Council"} <= labels(text, "en", "organisation")


@pytest.mark.parametrize("text, name", [
    ("Support comes from Invest Northern Ireland and the city council.", "Invest Northern Ireland"),
    ("Enterprise Ireland and Innovation Norway co-fund the project.", "Innovation Norway"),
])
def test_an_agency_named_by_its_task_and_a_place_of_one_or_two_words(text, name):
    assert name in labels(text, "en", "organisation")


def test_first_word_and_head_of_a_longer_name_are_that_name():
    text = ("The South Eastern Health and Social Care Trust joined the network. South Eastern Trust staff will "
            "test the app. The Western Health and Social Care Trust follows. Western Trust nurses lead the pilot.")
    orgs = {e.label: e for e in extract(document(text, "en")).entities if e.kind == "organisation"}
    assert "Western Trust" in orgs["Western Health and Social Care Trust"].alt_labels
    assert "Western Trust" not in orgs


def test_a_place_and_a_head_are_not_a_longer_name_of_that_place():
    text = "Vilnius University and Vilnius Gediminas Technical University signed the agreement."
    assert {"Vilnius University", "Vilnius Gediminas Technical University"} <= labels(text, "en", "organisation")


@pytest.mark.parametrize("text, name", [
    ("Partners are Torbay and South Devon NHS Foundation Trust and the University of Plymouth.",
     "Torbay and South Devon NHS Foundation Trust"),
    ("Partners are Chelsea and Westminster Hospital NHS Foundation Trust and Imperial College London.",
     "Chelsea and Westminster Hospital NHS Foundation Trust"),
])
def test_an_nhs_trust_of_two_places_is_one_name(text, name):
    assert name in labels(text, "en", "organisation")


def test_a_university_before_a_council_of_listed_towns_stays_its_own_name():
    text = "Partners are the University of Exeter and Armagh City, Banbridge and Craigavon Borough Council."
    assert {"University of Exeter", "Armagh City, Banbridge and Craigavon Borough Council"} <= \
        labels(text, "en", "organisation")


def test_a_numbered_list_item_keeps_its_number_and_its_name_its_words():
    text = ("The memorandum of understanding was signed on Tuesday.\n\n"
            "The memorandum was signed, in this order, by representatives of:\n\n"
            "1. the University of Plymouth, which will coordinate the partnership;\n"
            "2. Cornwall Council;\n"
            "3. Plymouth City Council.")
    parties = {s for k, s, o in found(text, "en") if k == "partyTo"}
    assert parties == {"University of Plymouth", "Cornwall Council", "Plymouth City Council"}


def test_the_host_that_opened_a_signing_and_one_that_did_not_sign_are_no_parties():
    text = ("Six partners signed the memorandum of understanding on Tuesday: Cornwall Council, the University of "
            "Plymouth and Plymouth City Council. The signing ceremony was opened by the host, Tamar Science Park "
            "Ltd. Tamar Science Park Ltd did not sign the memorandum but provides the office.")
    assert not any(k == "partyTo" and s.startswith("Tamar") for k, s, o in found(text, "en"))


# -- German names and lists ------------------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("Mitglieder sind die Bergische Universität Wuppertal und die Stadt Remscheid.", "Bergische Universität Wuppertal"),
    ("Partner ist die Westfälische Hochschule Gelsenkirchen.", "Westfälische Hochschule Gelsenkirchen"),
])
def test_a_capitalised_place_adjective_opens_a_german_name(text, name):
    assert name in labels(text, "de", "organisation")


def test_a_dutch_nationality_adjective_still_describes():
    text = "Partner is het Duitse Universitätsklinikum Münster."
    assert "Universitätsklinikum Münster" in labels(text, "nl", "organisation")


def test_a_capitalised_adjective_before_a_suspended_compound_belongs_to_the_name():
    text = "Die Geschäftsstelle führt die Bergische Struktur- und Wirtschaftsförderungsgesellschaft mbH."
    assert "Bergische Struktur- und Wirtschaftsförderungsgesellschaft mbH" in labels(text, "de", "organisation")


def test_a_short_name_of_several_words_after_kurz_is_the_same_actor():
    text = ("Das Netzwerk MedTech Siegen wächst. Die Geschäftsstelle führt die Siegener Wirtschaftsförderungs- und "
            "Standortgesellschaft mbH, kurz Siegener Standortgesellschaft, die das Netzwerk koordiniert.")
    entities = extract(document(text, "de")).entities
    org = next(e for e in entities if e.label.startswith("Siegener Wirtschaftsförderungs-"))
    assert "Siegener Standortgesellschaft" in org.alt_labels
    assert ("coordinates", org.label, "Netzwerk MedTech Siegen") in found(text, "de")


@pytest.mark.parametrize("language, text", [
    ("de", "Die Partner arbeiten in drei Themenfeldern zusammen:\n\n- Chirurgische Instrumente und Implantate\n"
           "- Digitale Gesundheitsanwendungen\n"),
    ("en", "The partners work together in three focus areas:\n\n- Surgical Instruments\n- Digital Health Apps\n"),
])
def test_a_list_of_the_partners_fields_names_no_members(language, text):
    assert not any(k == "memberOf" for k, _, _ in found(text, language))
    assert not labels(text, language, "organisation")


@pytest.mark.parametrize("text, region", [
    ("Das Netzwerk im Bergischen Städtedreieck wächst.", "Bergisches Städtedreieck"),
    ("Die Partner kommen aus dem Bergischen Land.", "Bergisches Land"),
])
def test_the_bergisches_land_and_its_city_triangle_are_areas(text, region):
    assert region in labels(text, "de", "region")


def test_a_university_named_with_its_adjective_and_without_its_patrons_is_one_actor():
    text = ("Mitglied ist die Rheinische Friedrich-Wilhelms-Universität Bonn. Die Medizinische Fakultät der "
            "Universität Bonn leitet die Studien.")
    university = next(e for e in extract(document(text, "de")).entities
                      if e.label == "Rheinische Friedrich-Wilhelms-Universität Bonn")
    assert "Universität Bonn" in university.alt_labels


@pytest.mark.parametrize("language, text, name", [
    ("nl", "Het Netwerk Voeding en Zorg Noordoost-Brabant is opgericht door acht partners.",
     "Netwerk Voeding en Zorg Noordoost-Brabant"),
    ("de", "Das Netzwerk Sensorik und Pflege Nordhessen wurde im Mai gegründet.", "Netzwerk Sensorik und Pflege Nordhessen"),
])
def test_two_subjects_joined_by_and_before_a_place_stay_in_a_clusters_name(language, text, name):
    assert name in labels(text, language, "cluster")


@pytest.mark.parametrize("language, text, first", [
    ("en", "Members include Medicon Valley Alliance and Life Science Nord.", "Medicon Valley Alliance"),
    ("nl", "Het Netwerk Zorg en Gemeente Oss tekenen de verklaring.", "Netwerk Zorg"),
])
def test_and_before_another_actor_ends_a_clusters_name(language, text, first):
    assert first in labels(text, language, "cluster")


@pytest.mark.parametrize("language, text, agreement", [
    ("nl", "AZ Sint-Vincentius en de Stad Deinze ondertekenden een samenwerkingscharter.", "samenwerkingscharter"),
    ("de", "Das Klinikum Mutterhaus und die Hochschule Trier unterzeichneten eine Kooperationscharta.",
     "Kooperationscharta"),
    ("da", "Tønder Kommune og Sygehus Sønderjylland underskrev et samarbejdscharter.", "samarbejdscharter"),
])
def test_charters_are_agreements(language, text, agreement):
    assert any(k == "partyTo" and agreement in o for k, s, o in found(text, language))


@pytest.mark.parametrize("language, text, name", [
    ("nl", "Het charter werd ondertekend door drie partners:\n\n- de Christelijke Mutualiteit (CM)\n- Solidaris\n"
           "- Stad Ronse\n", "Christelijke Mutualiteit"),
    ("de", "Die Absichtserklärung unterzeichneten:\n\n- die Landeshauptstadt Koblenz sowie\n- die IHK Koblenz\n",
     "Landeshauptstadt Koblenz"),
])
def test_a_list_items_article_and_closing_conjunction_are_no_part_of_its_name(language, text, name):
    assert name in {s for k, s, o in found(text, language) if k == "partyTo"}
