"""Rules written during the nineteenth held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.test_extraction_rules import document, found, labels


def entity(text: str, language: str, label: str):
    return next(e for e in extract(document(text, language)).entities if e.label == label)


# -- names ----------------------------------------------------------------------------------------
def test_town_and_county_at_the_end_of_a_name_stay_in_it():
    text = "Dem Pflegenetzwerk Emsland ist der Caritasverband Lingen Stadt und Land beigetreten."
    assert "Caritasverband Lingen Stadt und Land" in labels(text, "de", "organisation")
    assert ("memberOf", "Caritasverband Lingen Stadt und Land", "Pflegenetzwerk Emsland") in found(text, "de")


def test_town_and_county_of_a_place_outside_a_name_are_no_name():
    text = "Das Pflegenetzwerk arbeitet in Stadt und Landkreis Lingen."
    assert not labels(text, "de", "organisation")


@pytest.mark.parametrize("language, text, full, short", [
    ("de", "Mitglied ist die REGIOS Wirtschaftsförderungsgesellschaft Emsland mbH. Die Geschäftsstelle liegt bei "
           "der REGIOS.", "REGIOS Wirtschaftsförderungsgesellschaft Emsland mbH", "REGIOS"),
    ("nl", "Partner is KENZO Hogeschool Noord. Het onderzoek doet KENZO in Assen.", "KENZO Hogeschool Noord", "KENZO"),
])
def test_capitals_opening_a_name_before_its_head_are_its_short_name(language, text, full, short):
    assert short in entity(text, language, full).alt_labels


def test_capitals_before_a_word_that_heads_no_name_are_no_short_name():
    text = "Die NHS Greater Lothian und die Universität Kiel unterzeichneten eine Vereinbarung."
    assert not any(e.alt_labels & {"NHS"} for e in extract(document(text, "de")).entities)


@pytest.mark.parametrize("language, text, name, short", [
    ("de", "Das Netzwerk Sensorik und Pflege Nordhessen (SensoPfle Nordhessen) wurde gegründet.",
     "Netzwerk Sensorik und Pflege Nordhessen", "SensoPfle Nordhessen"),
    ("en", "The Network for Imaging and Therapy Tayside (ImaTher) was launched in May.",
     "Network for Imaging and Therapy Tayside", "ImaTher"),
])
def test_a_short_name_blended_from_words_on_both_sides_of_and_keeps_the_name_whole(language, text, name, short):
    cluster = entity(text, language, name)
    assert cluster.kind == "cluster" and short in cluster.alt_labels


def test_a_short_name_from_the_words_after_and_alone_does_not_join_them():
    text = "Das Netzwerk Pflege Nordhessen und das Netzwerk Medizintechnik Südhessen (MediSüd) starten."
    assert "Netzwerk Pflege Nordhessen" in labels(text, "de", "cluster")


@pytest.mark.parametrize("language, text", [
    ("de", "Die Veranstaltung findet in der Universitätsstadt Tübingen statt."),
    ("de", "Geforscht wird an den Hochschulstandorten Fulda und Kassel und am Klinikstandort Bad Hersfeld."),
    ("nl", "Het congres vindt plaats in de universiteitsstad Leiden."),
])
def test_a_compound_naming_a_place_is_no_organisation_though_a_head_opens_it(language, text):
    assert not labels(text, language, "organisation")


def test_a_head_of_its_own_still_heads_a_name():
    text = "Die Universitätsmedizin Mainz und die Stadt Mainz unterzeichneten eine Vereinbarung."
    assert "Universitätsmedizin Mainz" in labels(text, "de", "organisation")


# -- membership and parties -----------------------------------------------------------------------
@pytest.mark.parametrize("language, text, cluster, member", [
    ("de", "Das Netzwerk Pflege Nordhessen hat zwei neue Mitglieder. Neu dabei sind die Vitos Kurhessen gGmbH "
           "und die Hephata Diakonie.", "Netzwerk Pflege Nordhessen", "Vitos Kurhessen gGmbH"),
    ("en", "The Tayside Care Network has grown. New on board are Ninewells Hospital and Abertay University.",
     "Tayside Care Network", "Abertay University"),
    ("nl", "Het Zorgnetwerk Zaanstreek groeit. Nieuw aan boord zijn het Zaans Medisch Centrum en Evean.",
     "Zorgnetwerk Zaanstreek", "Zaans Medisch Centrum"),
])
def test_who_is_new_on_board_is_a_member_of_the_pages_cluster(language, text, cluster, member):
    assert ("memberOf", member, cluster) in found(text, language)


@pytest.mark.parametrize("language, text", [
    ("de", "Die Rahmenvereinbarung unterzeichneten:\n\n- Universität Kassel\n- Klinikum Kassel GmbH\n"
           "- Stadt Kassel\n"),
    ("nl", "De samenwerkingsovereenkomst ondertekenden:\n\n- Universiteit Twente\n- Ziekenhuisgroep Twente\n"
           "- Gemeente Almelo\n"),
    ("en", "The memorandum of understanding was signed by:\n\n- Abertay University\n- NHS Tayside\n"
           "- Dundee City Council\n"),
])
def test_a_signing_verb_before_a_colon_opens_the_list_of_parties(language, text):
    parties = {s for k, s, o in found(text, language) if k == "partyTo"}
    assert len(parties) >= 3, parties


def test_they_who_sign_an_agreement_for_the_cluster_are_its_members():
    text = ("Drie ziekenhuizen gaan samenwerken. Zij ondertekenden dinsdag een intentieverklaring voor het "
            "Zorgnetwerk Zaanstreek.\n\nHet netwerk wordt gevormd door het Zaans Medisch Centrum, Evean Zorg B.V. "
            "en het Dijklander Ziekenhuis.")
    parties = {s for k, s, o in found(text, "nl") if k == "partyTo"}
    assert {"Zaans Medisch Centrum", "Evean Zorg B.V.", "Dijklander Ziekenhuis"} <= parties, parties


def test_they_who_sign_with_no_cluster_in_the_sentence_name_no_members():
    text = ("Het Zorgnetwerk Zaanstreek wordt gevormd door het Zaans Medisch Centrum en het Dijklander Ziekenhuis. "
            "Zij ondertekenden vorig jaar een huurcontract met de gemeente.")
    assert not {s for k, s, o in found(text, "nl") if k == "partyTo" and s == "Dijklander Ziekenhuis"}


@pytest.mark.parametrize("text", [
    "Dem Pflegenetzwerk Emsland ist der Caritasverband Lingen beigetreten.",
    "Seit Mai sind dem Pflegenetzwerk Emsland die Stadt Lingen und der Caritasverband Lingen beigetreten.",
])
def test_the_cluster_joined_in_the_dative_before_the_verb_is_the_one_joined(text):
    assert ("memberOf", "Caritasverband Lingen", "Pflegenetzwerk Emsland") in found(text, "de")


# -- places ---------------------------------------------------------------------------------------
def test_two_towns_joined_by_a_hyphen_after_a_word_for_a_municipality_are_one_municipality():
    text = ("De gemeente Bodegraven-Reeuwijk en het Groene Hart Ziekenhuis werken samen. Ook in "
            "Bodegraven-Reeuwijk groeit de vraag.")
    assert "Bodegraven-Reeuwijk" in labels(text, "nl", "region")


def test_two_towns_joined_by_a_hyphen_with_no_municipality_stay_two_places():
    text = "Die Achse Kiel-Lübeck wächst. Das Netzwerk hat Büros in Kiel und Lübeck."
    assert "Kiel-Lübeck" not in labels(text, "de", "region")


def test_a_council_named_after_a_two_town_municipality_lies_in_it_not_in_one_town():
    text = ("Wir arbeiten mit der Gemeinde Bodegraven-Reeuwijk zusammen. Die Gemeinde Bodegraven-Reeuwijk, "
            "das Netzwerk Zorg Groene Hart und Reeuwijk Zorg B.V. unterzeichneten eine Vereinbarung.")
    facts_ = found(text, "de")
    located = {o for k, s, o in facts_ if k == "locatedIn" and s == "Gemeinde Bodegraven-Reeuwijk"}
    assert located and "Reeuwijk" not in located, located


@pytest.mark.parametrize("language, text, town", [
    ("da", "Afprøvningen starter i Ilulissat og i fire bygder omkring byen.", "Ilulissat"),
    ("da", "Konferencen om telemedicin finder sted i Nuuk.", "Nuuk"),
])
def test_greenlands_towns_are_places(language, text, town):
    assert town in labels(text, language, "region")


@pytest.mark.parametrize("language, text, town", [
    ("da", "Aftalen betyder, at en speciallæge i Tórshavn kan følge patienten.", "Tórshavn"),
    ("de", "Künftig kann eine Fachärztin in Marburg die Aufnahme begleiten.", "Marburg"),
])
def test_a_town_after_a_role_and_in_is_where_the_role_is_held_no_organisation(language, text, town):
    assert not labels(text, language, "organisation")


def test_a_role_before_for_and_an_authority_still_names_the_authority():
    text = "Hun er formand for Region Nordjylland."
    assert "Region Nordjylland" in labels(text, "da", "organisation")


# -- names, lists and founders ----------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Fróðskaparsetur Føroya", "Klaksvíkar kommuna"])
def test_faroese_university_and_municipality_heads(name):
    text = f"Netværket blev stiftet af Landssygehuset og {name}."
    assert name in labels(text, "da", "organisation")


def test_an_items_actors_after_articles_are_all_parties():
    text = ("Het convenant is getekend door:\n\n- Ziekenhuis Amstelland;\n"
            "- de gemeente Amstelveen, de gemeente Uithoorn en de gemeente Aalsmeer.\n")
    parties = {s for k, s, o in found(text, "nl") if k == "partyTo"}
    assert {"Ziekenhuis Amstelland", "gemeente Amstelveen", "gemeente Aalsmeer"} <= parties, parties


def test_numbered_sections_under_a_heading_are_one_list():
    text = ("Sundhedsnetværk Djursland byder velkommen til nye medlemmer. Her er de nye medlemmer:\n\n"
            "1) Grenaa Sygehus\nSygehuset arbejder med hjemmemonitorering.\n\n"
            "2) Djurslands Erhvervsråd\nRådet hjælper virksomheder.\n\n"
            "3) Norddjurs Kommune\nKommunen afprøver velfærdsteknologi.\n")
    members = {s for k, s, o in found(text, "da") if k == "memberOf" and o == "Sundhedsnetværk Djursland"}
    assert {"Grenaa Sygehus", "Djurslands Erhvervsråd", "Norddjurs Kommune"} <= members, members


@pytest.mark.parametrize("language, text", [
    ("da", "Sundhedsnetværk Djursland er vokset. Netværket blev stiftet i efteråret 2023 af Grenaa Sygehus og "
           "Norddjurs Kommune."),
    ("en", "The Devon Care Network has grown. The network was founded in the spring of 2023 by the University "
           "of Exeter and Torbay Hospital."),
    ("de", "Das Pflegenetzwerk Lahn wächst. Das Netzwerk wurde im Herbst 2023 von der Universität Gießen und "
           "dem Klinikum Wetzlar gegründet."),
])
def test_a_time_between_founding_and_founders_keeps_the_founders(language, text):
    members = {s for k, s, o in found(text, language) if k == "memberOf"}
    assert len(members) >= 2, members


@pytest.mark.parametrize("language, text, cluster", [
    ("da", "Aalborg Universitet og Region Nordjylland har underskrevet en hensigtserklæring om Limfjord Telehealth "
           "Denmark (LTD). Netværket skal samle data fra hospitaler og kommuner.", "Limfjord Telehealth Denmark"),
    ("en", "Hull York Medical School and NHS Humber signed a memorandum of understanding on Humber Digital Care "
           "(HDC). The network will share data between hospitals.", "Humber Digital Care"),
])
def test_what_an_agreement_is_about_is_a_cluster_when_the_next_sentence_calls_it_the_network(language, text, cluster):
    extraction = extract(document(text, language))
    assert cluster in [e.label for e in extraction.entities if e.kind == "cluster"]
    assert any(k == "establishes" and o == cluster for k, s, o in found(text, language))


def test_what_an_agreement_is_about_stays_an_organisation_without_a_network_after_it():
    text = ("Hull York Medical School and NHS Humber signed a memorandum of understanding on Humber Digital Care "
            "Ltd. The hospital will share data.")
    assert "Humber Digital Care Ltd" not in labels(text, "en", "cluster")


# -- agreements -----------------------------------------------------------------------------------
def test_a_signed_pact_named_by_its_place_is_an_agreement_with_that_name():
    text = ("Het AZ Herentals, de Stad Geel en de Stad Mol hebben het Woonzorgpact Kempen ondertekend. Met dat "
            "samenwerkingsakkoord richten ze samen de Zorgalliantie Kempen op.")
    agreement = entity(text, "nl", "Woonzorgpact Kempen")
    assert agreement.kind == "agreement" and "samenwerkingsakkoord" in agreement.alt_labels
    facts_ = found(text, "nl")
    assert ("establishes", "Woonzorgpact Kempen", "Zorgalliantie Kempen") in facts_
    assert ("partyTo", "Stad Geel", "Woonzorgpact Kempen") in facts_
    assert ("partyTo", "Zorgalliantie Kempen", "Woonzorgpact Kempen") not in facts_


def test_a_pact_the_text_says_was_founded_is_the_cooperation():
    text = ("Negen partners hebben een intentieverklaring ondertekend. Daarmee is het Woonzorgpact Kempen officieel "
            "boven de doopvont gehouden. De partners zetten hun handtekening onder het Woonzorgpact Kempen.")
    assert "Woonzorgpact Kempen" in labels(text, "nl", "cluster")


def test_a_pact_named_with_no_signing_in_its_sentence_is_no_agreement():
    text = "Het Woonzorgpact Kempen werkt aan betere thuiszorg."
    assert "Woonzorgpact Kempen" not in labels(text, "nl", "agreement")


@pytest.mark.parametrize("language, text", [
    ("nl", "Ziekenhuis Geel en de Stad Mol tekenden het convenant. Met dit samenwerkingsakkoord richten ze het "
           "Zorgnetwerk Kempen op."),
    ("de", "Die Universität Ulm und die Stadt Ulm unterzeichneten eine Absichtserklärung. Mit diesem "
           "Kooperationsvertrag gründen sie das Netzwerk Pflege Ulm."),
])
def test_a_demonstrative_agreement_word_of_another_kind_is_the_agreement_named_before(language, text):
    agreements = [e for e in extract(document(text, language)).entities if e.kind == "agreement"]
    assert len(agreements) == 1, [e.label for e in agreements]


def test_the_definite_word_of_another_kind_is_still_another_agreement():
    text = ("The University of Exeter and Torbay Council signed a letter of intent. The consortium agreement will "
            "follow in May, signed by the University of Exeter and Devon County Council.")
    agreements = [e for e in extract(document(text, "en")).entities if e.kind == "agreement"]
    assert len(agreements) == 2, [e.label for e in agreements]


def test_a_person_in_another_cell_of_an_actors_row_is_affiliated_with_it():
    text = ("Het convenant werd ondertekend door de volgende partners:\n\n"
            "Partner | Ondertekend door | Rol\n"
            "AZ Herentals | dr. Sofie Peeters, hoofdarts | voorzitter\n"
            "Stad Geel | Koen Janssens, diensthoofd Welzijn | secretariaat\n")
    facts_ = found(text, "nl")
    assert ("affiliatedWith", "Sofie Peeters", "AZ Herentals") in facts_
    assert ("affiliatedWith", "Koen Janssens", "Stad Geel") in facts_
    assert ("affiliatedWith", "Koen Janssens", "AZ Herentals") not in facts_


# -- more names, parties and leads ------------------------------------------------------------------
def test_a_chambers_bare_abbreviation_is_its_one_chamber_named_for_two_places():
    text = ("Die Geschäftsstelle liegt bei der IHK in Passau. Partner ist die Industrie- und Handelskammer für "
            "Niederbayern Passau (IHK für Niederbayern Passau).")
    chamber = entity(text, "de", "Industrie- und Handelskammer für Niederbayern Passau")
    assert {"IHK", "IHK für Niederbayern Passau"} <= chamber.alt_labels


@pytest.mark.parametrize("language, text, name", [
    ("de", "Beteiligt sind die ortema GmbH aus Markgröningen und die Stadt Ludwigsburg.", "ortema GmbH"),
    ("nl", "Partners zijn de vitalis B.V. uit Eindhoven en de gemeente Best.", "vitalis B.V."),
])
def test_a_short_lower_case_brand_after_an_article_before_a_legal_form_is_a_company(language, text, name):
    assert name in labels(text, language, "organisation")


def test_a_common_adjective_after_an_article_before_a_legal_form_is_no_company():
    text = "Träger ist die gemeinnützige GmbH der Stadt Ludwigsburg."
    assert "gemeinnützige GmbH" not in labels(text, "de", "organisation")


def test_sentences_that_complete_a_list_of_signatories_add_their_actors():
    text = ("Zwölf Einrichtungen haben eine Absichtserklärung für die Pflegeallianz Ostbayern unterzeichnet. "
            "Zu den Unterzeichnern gehören die Universität Regensburg und die Hochschule Landshut. "
            "Aus der Wirtschaft sind die Krones AG und die Maschinenfabrik Reinhausen GmbH beteiligt. "
            "Komplettiert wird der Kreis durch die Stadt Regensburg.")
    parties = {s for k, s, o in found(text, "de") if k == "partyTo"}
    assert {"Universität Regensburg", "Krones AG", "Maschinenfabrik Reinhausen GmbH", "Stadt Regensburg"} <= parties, parties


@pytest.mark.parametrize("text, actor, field", [
    ("Das Feld Telemedizin koordiniert die Hochschule Landshut.", "Hochschule Landshut", "Telemedizin"),
    ("Im Feld Telemedizin sollen Kliniken Daten teilen; federführend ist hier die Universität Regensburg.",
     "Universität Regensburg", "Telemedizin"),
    ("Für Telemedizin ist die Hochschule Landshut verantwortlich.", "Hochschule Landshut", "Telemedizin"),
])
def test_an_actor_after_the_verb_of_leading_coordinates_the_field_named_first(text, actor, field):
    assert ("coordinates", actor, field) in found(text, "de")


def test_an_actor_after_is_without_responsible_leads_no_field():
    text = "Bei Telemedizin ist die Hochschule Landshut ein wichtiger Partner."
    assert not {t for t in found(text, "de") if t[0] == "coordinates"}


@pytest.mark.parametrize("language, text", [
    ("en", "The University of Exeter and Torbay Hospital signed a letter of intent. The partners aim to sign a full "
           "cooperation agreement by the end of the year."),
    ("de", "Die Universität Ulm und die Stadt Ulm unterzeichneten eine Absichtserklärung. Die Partner wollen bis "
           "zum Herbst einen Kooperationsvertrag unterzeichnen."),
])
def test_an_agreement_still_to_be_signed_has_no_parties_yet(language, text):
    extraction = extract(document(text, language))
    agreements = [e for e in extraction.entities if e.kind == "agreement"]
    assert len(agreements) == 1, [e.label for e in agreements]


def test_a_given_name_that_opens_an_organisations_name_is_its_short_name_not_a_person():
    text = ("Swansea University signed with Hywel Dda University Health Board. For Hywel Dda, director of therapies "
            "Sian Morgan-Rees said the agreement would help.")
    assert "Hywel Dda" not in labels(text, "en", "person")
    assert ("affiliatedWith", "Sian Morgan-Rees", "Hywel Dda University Health Board") in found(text, "en")


def test_they_who_sign_for_a_cluster_that_is_not_the_pages_are_its_members():
    text = ("Nieuws | Regio Zaanstreek\n\nHet regionaal samenwerkingsverband Regio Zaanstreek meldt: drie "
            "ziekenhuizen gaan samenwerken. Zij ondertekenden een intentieverklaring voor het Zorgnetwerk Zaanstreek."
            "\n\nHet netwerk wordt gevormd door het Zaans Medisch Centrum, Evean Zorg B.V. en het Dijklander "
            "Ziekenhuis. Regio Zaanstreek blijft partner.")
    parties = {s for k, s, o in found(text, "nl") if k == "partyTo"}
    assert {"Zaans Medisch Centrum", "Dijklander Ziekenhuis"} <= parties, parties


def test_an_authority_named_after_a_word_for_a_cooperation_is_an_organisation():
    text = "Het regionaal samenwerkingsverband Regio Zaanstreek voert het secretariaat van het Zorgnetwerk Zaanstreek."
    assert "Regio Zaanstreek" in labels(text, "nl", "organisation")


@pytest.mark.parametrize("language, text, host", [
    ("nl", "Het Zorgnetwerk Zaanstreek is opgericht. De GGD Zaanstreek, die de gemeenten vertegenwoordigt, voert het "
           "secretariaat.", "GGD Zaanstreek"),
    ("de", "Das Pflegenetzwerk Ulm ist gegründet. Die Universität Ulm, die das Projekt angestoßen hat, führt die "
           "Geschäftsstelle.", "Universität Ulm"),
])
def test_the_host_of_the_secretariat_before_a_relative_clause_coordinates_the_cluster(language, text, host):
    assert any(k == "coordinates" and s == host for k, s, o in found(text, language))


@pytest.mark.parametrize("language, text, person, org", [
    ("da", "Hos Aalborg Universitet ser docent Mette Lund frem til samarbejdet.", "Mette Lund", "Aalborg Universitet"),
    ("de", "Bei der Universität Ulm freut sich Oberärztin Anna Weber über die Förderung.", "Anna Weber",
     "Universität Ulm"),
    ("en", "At Swansea University, Professor Rhys Evans said the project would help.", "Rhys Evans",
     "Swansea University"),
])
def test_a_person_in_a_sentence_that_opens_at_an_organisation_works_there(language, text, person, org):
    assert ("affiliatedWith", person, org) in found(text, language)


def test_who_has_gone_into_the_alliance_in_danish_is_a_member():
    text = "Sundhedsalliance Djursland er etableret. Nu er Falck Danmark A/S og Systematic A/S gået med i alliancen."
    facts_ = found(text, "da")
    assert ("memberOf", "Falck Danmark A/S", "Sundhedsalliance Djursland") in facts_
    assert ("memberOf", "Systematic A/S", "Sundhedsalliance Djursland") in facts_


@pytest.mark.parametrize("language, text, actor, cluster", [
    ("da", "Sundhedsalliance Djursland er etableret. Syddjurs Kommune har formandskabet for alliancens styregruppe.",
     "Syddjurs Kommune", "Sundhedsalliance Djursland"),
    ("en", "The Devon Care Network was launched. Torbay Council holds the chair of its steering group.",
     "Torbay Council", "Devon Care Network"),
])
def test_an_organisation_holding_the_chair_coordinates_the_cluster(language, text, actor, cluster):
    assert ("coordinates", actor, cluster) in found(text, language)


def test_the_definite_chair_of_the_steering_group_is_affiliated_with_the_cluster():
    text = ("Sundhedsalliance Djursland er etableret. Formanden for styregruppen, sundhedschef Kasper Lund fra "
            "Syddjurs Kommune, er glad.")
    assert ("affiliatedWith", "Kasper Lund", "Sundhedsalliance Djursland") in found(text, "da")


@pytest.mark.parametrize("language, text, area", [
    ("nl", "Bedrijven uit de Oostelijke Mijnstreek en Parkstad Limburg werken samen.", "Oostelijke Mijnstreek"),
    ("de", "Die Kliniken im Fichtelgebirge und in der Lüneburger Heide suchen Pflegekräfte.", "Lüneburger Heide"),
    ("da", "Sygehuset dækker Norðoyggjar og Eysturoy.", "Eysturoy"),
    ("en", "Clinics on the Gower and in Furness will test the devices.", "Furness"),
])
def test_landscapes_and_islands_the_reference_data_lacks_are_places(language, text, area):
    assert area in labels(text, language, "region")
