"""Rules written during the eighteenth held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.test_extraction_rules import document, found, labels


def entity(text: str, language: str, label: str):
    return next(e for e in extract(document(text, language)).entities if e.label == label)


# -- names ----------------------------------------------------------------------------------------
def test_a_country_after_a_danish_university_is_where_it_is_not_part_of_its_name():
    text = "Aalto Universitet i Finland og Aalborg Universitet har underskrevet en hensigtserklæring."
    assert {"Aalto Universitet", "Aalborg Universitet"} <= labels(text, "da", "organisation")
    assert "Finland" in labels(text, "da", "region")


def test_a_town_after_a_danish_definite_university_stays_part_of_its_name():
    text = "Universitetet i Bergen og Roskilde Universitet har underskrevet en aftale."
    assert "Universitetet i Bergen" in labels(text, "da", "organisation")


def test_a_units_short_name_from_its_parents_initials_is_the_units_not_the_parents():
    text = ("Institut for Kemiteknik på Syddansk Teknisk Universitet (STU Kemiteknik) og Lunds Universitet har "
            "underskrevet en hensigtserklæring. Projektet ledes af STU Kemiteknik.")
    unit = entity(text, "da", "Institut for Kemiteknik")
    parent = entity(text, "da", "Syddansk Teknisk Universitet")
    assert "STU Kemiteknik" in unit.alt_labels
    assert "STU Kemiteknik" not in parent.alt_labels and "Institut for Kemiteknik" not in parent.alt_labels


def test_a_short_name_of_initials_and_other_words_stays_the_parents():
    text = ("Det Nordjyske Universitet (DNU Aalborg) og Institut for Kemiteknik har underskrevet en aftale.")
    assert "DNU Aalborg" not in entity(text, "da", "Institut for Kemiteknik").alt_labels


@pytest.mark.parametrize("name", ["Caritas der Erzdiözese Freiburg", "Hilfswerk Niederösterreich",
                                  "Diakonie Württemberg", "Lebenshilfe Gießen", "Volkshilfe Wien"])
def test_a_welfare_organisation_is_an_organisation(name):
    text = f"Dem Pflegenetzwerk Südbaden ist die {name} als Mitglied beigetreten."
    assert name in labels(text, "de", "organisation")
    assert ("memberOf", name, "Pflegenetzwerk Südbaden") in found(text, "de")


def test_plural_centres_head_a_name():
    text = "Die Städtischen Gesundheitszentren Ludwigshafen (SGL) sind dem Netzwerk beigetreten."
    assert "Städtischen Gesundheitszentren Ludwigshafen" in labels(text, "de", "organisation")


# -- places and names with places -------------------------------------------------------------------
def test_a_british_authority_written_with_a_trailing_the_is_found_without_it():
    text = "The new clinic opens in the Vale of Glamorgan next spring."
    assert "Vale of Glamorgan" in labels(text, "en", "region")


def test_a_place_after_in_the_ends_a_name():
    text = "The trial runs at Royal Gwent Hospital in the Vale of Glamorgan from May."
    assert "Royal Gwent Hospital" in labels(text, "en", "organisation")
    assert "Vale of Glamorgan" in labels(text, "en", "region")


def test_a_councils_name_holds_its_places_own_of():
    text = "Vale of Glamorgan Council and Newport City Council will fund the pilot."
    assert "Vale of Glamorgan Council" in labels(text, "en", "organisation")


def test_the_article_binds_two_towns_into_one_english_name():
    text = "The project is run by the Swansea and Neath Health Collaborative with two universities."
    assert "Swansea and Neath Health Collaborative" in labels(text, "en", "cluster")


# -- clusters and their members --------------------------------------------------------------------
def test_a_collaborative_is_a_cluster_the_definite_noun_refers_back_to():
    text = ("The pilot is the first project of the Gwent MedTech Collaborative. The Collaborative is coordinated "
            "by Aneurin Bevan University Health Board and has welcomed two companies: Siltbrook Ltd and Corvane Ltd.")
    assert "Gwent MedTech Collaborative" in labels(text, "en", "cluster")
    assert ("coordinates", "Aneurin Bevan University Health Board", "Gwent MedTech Collaborative") in found(text, "en")


@pytest.mark.parametrize("text", [
    "Two companies have joined the Cluster as members: Hexwell, the wound dressing and bandage maker, and Corvane Ltd.",
    "Two companies have joined the Cluster as members: Hexwell, the hearing aid maker, and Corvane Ltd.",
])
def test_a_name_before_an_appositive_maker_is_a_company(text):
    assert "Hexwell" in labels(text, "en", "organisation")


def test_a_school_heads_a_unit_name():
    text = "Students from the Bristol School of Nursing and Midwifery will join the trial."
    assert "Bristol School of Nursing and Midwifery" in labels(text, "en", "organisation")


def test_a_sentence_opening_capital_before_a_common_noun_is_no_signatory():
    text = "Ambulance trust and Swansea University sign agreement for drone deliveries"
    assert "Ambulance" not in labels(text, "en", "organisation")


# -- persons ------------------------------------------------------------------------------------
def test_a_person_of_an_organisations_unit_in_the_possessive_is_affiliated_with_the_unit():
    text = "Dr Ffion Morgan of Swansea University's School of Health and Social Care said the trial would help."
    assert ("affiliatedWith", "Ffion Morgan", "School of Health and Social Care") in found(text, "en")


@pytest.mark.parametrize("sentence", [
    "The Collaborative's programme manager, Rhys Evans, said the call opens in May.",
    "The network’s chair, Dr Rhys Evans, said the call opens in May.",
])
def test_a_role_after_a_clusters_definite_possessive_is_held_at_that_cluster(sentence):
    text = "The pilot is a project of the Gwent MedTech Collaborative. " + sentence
    assert ("affiliatedWith", "Rhys Evans", "Gwent MedTech Collaborative") in found(text, "en")


# -- forming a cluster together --------------------------------------------------------------------
@pytest.mark.parametrize("text, lang, cluster", [
    ("Het Jessa Ziekenhuis en AZ Vesalius vormen samen met de provincie Limburg en de Hogeschool PXL het nieuwe "
     "Zorgnetwerk Noord-Limburg.", "nl", "Zorgnetwerk Noord-Limburg"),
    ("Die Kreisklinik Biberach und die Hochschule Ulm bilden gemeinsam mit der Stadt Biberach das neue "
     "Netzwerk Pflege Oberschwaben.", "de", "Netzwerk Pflege Oberschwaben"),
])
def test_who_forms_a_new_cluster_together_is_its_member(text, lang, cluster):
    assert cluster in labels(text, lang, "cluster")
    members = {r[1] for r in found(text, lang) if r[0] == "memberOf" and r[2] == cluster}
    assert len(members) >= 3


def test_a_name_after_the_new_is_the_whole_capitalised_run():
    text = "AZ Vesalius en AZ Jessa vormen het nieuwe Zorgas Tongeren-Hasselt."
    assert "Zorgas Tongeren-Hasselt" in labels(text, "nl", "cluster")


def test_both_hospitals_forming_a_cluster_are_the_two_of_the_sentence_before():
    text = ("AZ Vesalius in Tongeren en AZ Jessa in Hasselt hebben een akkoord ondertekend. Beide ziekenhuizen vormen "
            "samen met de Hogeschool PXL het nieuwe Zorgas Tongeren-Hasselt.")
    relations = found(text, "nl")
    assert ("memberOf", "AZ Vesalius", "Zorgas Tongeren-Hasselt") in relations
    assert ("memberOf", "AZ Jessa", "Zorgas Tongeren-Hasselt") in relations


def test_a_town_after_an_actor_and_in_is_its_seat_not_a_signatory():
    text = "AZ Vesalius in Tongeren en AZ Jessa in Hasselt hebben een akkoord ondertekend."
    assert "Tongeren" not in labels(text, "nl", "organisation")


def test_a_province_leading_a_cluster_is_its_authority():
    text = "Het nieuwe Zorgnetwerk Maasland is opgericht. De provincie Limburg trekt het Zorgnetwerk Maasland."
    assert ("coordinates", "provincie Limburg", "Zorgnetwerk Maasland") in found(text, "nl")


def test_a_district_in_brackets_in_a_sentence_of_leading_stays_a_place():
    text = "Die Müller Medizintechnik GmbH mit Sitz in Roding (Landkreis Cham) übernimmt die Fertigung der Prototypen."
    assert "Landkreis Cham" not in labels(text, "de", "organisation")


@pytest.mark.parametrize("text, lang, field", [
    ("Het akkoord gaat over geriatrie en thuishospitalisatie.", "nl", "thuishospitalisatie"),
    ("Die Kliniken arbeiten in der Geriatrie zusammen.", "de", "Geriatrie"),
    ("The partners work on geriatrics and virtual wards.", "en", "hospital at home"),
])
def test_geriatrics_and_hospital_at_home_are_fields(text, lang, field):
    assert field in labels(text, lang, "field")


# -- German names and roles -----------------------------------------------------------------------
@pytest.mark.parametrize("role", ["Klinikgeschäftsführer", "Pressesprecherin", "Innovationsreferent"])
def test_a_role_compound_on_a_head_word_is_no_organisation(role):
    text = f"Jan Peters, {role} der Asklepios Klinik Parchim, betonte den Nutzen."
    assert not {x for x in labels(text, "de", "organisation") if role in x}
    assert ("affiliatedWith", "Jan Peters", "Asklepios Klinik Parchim") in found(text, "de")


def test_a_bare_chamber_abbreviation_is_the_one_chamber_of_a_town():
    text = ("Unterzeichnet haben die IHK zu Rostock und die Universität Greifswald. Die IHK übernimmt die "
            "Koordination des Netzwerks Gesundheit Vorpommern.")
    chamber = entity(text, "de", "IHK zu Rostock")
    assert "IHK" in chamber.alt_labels
    assert "IHK" not in labels(text, "de", "organisation")


def test_a_place_after_in_inside_a_companys_name_stays_in_it():
    text = "Beteiligt ist die landeseigene Wirtschaftsfördergesellschaft Invest in Brandenburg GmbH."
    assert "Invest in Brandenburg GmbH" in labels(text, "de", "organisation")


def test_a_descriptor_before_a_place_and_a_legal_form_is_the_name():
    text = "Die Wirtschaftsfördergesellschaft Vorpommern mbH und die Hochschule Stralsund sind Partner."
    assert "Wirtschaftsfördergesellschaft Vorpommern mbH" in labels(text, "de", "organisation")


def test_a_legal_form_after_a_descriptor_keeps_the_descriptor_as_the_name():
    text = "Die Wirtschaftsförderungsgesellschaft mbH Greifswald unterstützt die Gründer."
    assert "Wirtschaftsförderungsgesellschaft mbH Greifswald" in labels(text, "de", "organisation")


@pytest.mark.parametrize("text, lang, area", [
    ("Acht Partner aus Westmecklenburg haben unterzeichnet.", "de", "Westmecklenburg"),
    ("Die Kliniken in Südwestfalen arbeiten zusammen.", "de", "Südwestfalen"),
    ("Ziekenhuizen uit het Pajottenland werken samen.", "nl", "Pajottenland"),
    ("Zorgaanbieders in de Kempen starten een netwerk.", "nl", "Kempen"),
    ("Kommunerne på Vestfyn samarbejder om sundhed.", "da", "Vestfyn"),
    ("Hospitals across Sussex have joined the alliance.", "en", "Sussex"),
    ("Clinics in North Wales will test the devices.", "en", "North Wales"),
])
def test_named_landscapes_and_planning_regions_are_regions(text, lang, area):
    assert area in labels(text, lang, "region")


def test_the_flemish_kempen_is_no_area_in_german_text():
    from ingest.regions import lookup_region

    record = lookup_region("Kempen", "de")
    assert record is None or record.key != "area:kempen"


# -- regions and their authorities -------------------------------------------------------------------
def test_a_signing_region_of_two_joined_names_is_its_authority():
    text = "De verklaring werd getekend door Amaris Zorggroep en de Regio Gooi en Vechtstreek."
    assert ("partyTo", "Regio Gooi en Vechtstreek", "verklaring") in found(text, "nl")


def test_two_regions_joined_by_and_stay_two_authorities():
    text = "Region Sjælland og Region Syddanmark har underskrevet aftalen."
    assert {"Region Sjælland", "Region Syddanmark"} <= labels(text, "da", "organisation")


def test_a_lower_case_regio_names_the_area_only():
    text = "Wethouder Ans de Vries van de gemeente Almelo zegt dat de regio Twente een proeftuin kan zijn."
    assert "regio Twente" not in labels(text, "nl", "organisation")


@pytest.mark.parametrize("text, lang, towns", [
    ("Andere gemeenten uit het gebied, zoals Bunschoten, Baarn en Leusden, kunnen later aansluiten.", "nl",
     {"Bunschoten", "Baarn", "Leusden"}),
    ("Flere kommuner som Faaborg-Midtfyn og Langeland overvejer at tilslutte sig.", "da", {"Langeland"}),
])
def test_towns_given_as_examples_of_municipalities_are_places(text, lang, towns):
    assert towns <= labels(text, lang, "region")


# -- German districts, newcomers and co-founders -------------------------------------------------------
@pytest.mark.parametrize("district", ["Oberbergischer Kreis", "Rheinisch-Bergischer Kreis"])
def test_an_adjective_and_kreis_is_a_district(district):
    text = f"Die neue Praxis liegt im {district} und versorgt 30 Dörfer."
    assert district in labels(text, "de", "region")


def test_districts_listed_after_a_counted_plural_are_places_not_members():
    text = ("Dem Netzwerk Pflege Bergisches Land gehören jetzt 20 Einrichtungen aus den drei Kreisen Mettmann, "
            "Oberbergischer Kreis und Rheinisch-Bergischer Kreis an.")
    assert not labels(text, "de", "organisation") & {"Oberbergischer Kreis", "Rheinisch-Bergischer Kreis"}
    assert "Oberbergischer Kreis" in labels(text, "de", "region")


def test_a_list_after_introducing_the_newcomers_names_new_members():
    text = ("Das Netzwerk Medizintechnik Bergisches Land wächst weiter. Wir stellen die Neuen kurz vor:\n\n"
            "* Sana Klinikum Remscheid GmbH, Remscheid – das Krankenhaus bringt sich ein.\n\n"
            "* Vorwerk Medical – der Hersteller unterstützt das Netzwerk als Fördermitglied.")
    relations = found(text, "de")
    assert ("memberOf", "Sana Klinikum Remscheid GmbH", "Netzwerk Medizintechnik Bergisches Land") in relations


@pytest.mark.parametrize("text, lang, cluster, founders", [
    ("Das Netzwerk Medizintechnik Bergisches Land ist gewachsen. Die Universität Wuppertal hatte das "
     "Netzwerk gemeinsam mit der Stadtsparkasse Remscheid und der Hochschule Düsseldorf ins Leben gerufen.",
     "de", "Netzwerk Medizintechnik Bergisches Land", {"Universität Wuppertal", "Hochschule Düsseldorf"}),
    ("The Humber Care Alliance keeps growing. Hull University founded the alliance together with Hull City Council "
     "in 2021.", "en", "Humber Care Alliance", {"Hull University", "Hull City Council"}),
])
def test_who_founded_a_cluster_together_with_others_are_its_members(text, lang, cluster, founders):
    members = {r[1] for r in found(text, lang) if r[0] == "memberOf" and r[2] == cluster}
    assert founders <= members


# -- joining, leading and testbeds -----------------------------------------------------------------
def test_who_agrees_to_join_is_a_member_of_the_cluster_the_page_names():
    text = ("NHS Grampian and the University of Aberdeen have set up the Grampian Remote Care Testbed. "
            "Omnicare Devices Ltd has agreed to join as the first industry partner.")
    assert ("memberOf", "Omnicare Devices Ltd", "Grampian Remote Care Testbed") in found(text, "en")


@pytest.mark.parametrize("sentence", [
    "Aberdeenshire Council has been invited to join the testbed.",
    "Aberdeenshire Council may join later.",
])
def test_who_is_invited_or_may_join_is_no_member(sentence):
    text = "NHS Grampian has set up the Grampian Remote Care Testbed. " + sentence
    assert ("memberOf", "Aberdeenshire Council", "Grampian Remote Care Testbed") not in found(text, "en")


def test_joining_forces_is_no_joining():
    text = "The North Sea Care Alliance was launched in May. Two hospitals join forces on imaging."
    assert not [r for r in found(text, "en") if r[0] == "memberOf"]


def test_an_actor_that_will_lead_the_cluster_coordinates_it():
    text = ("NHS Grampian has signed a letter of intent to set up the Grampian Remote Care Testbed. "
            "NHS Grampian will lead the consortium and provide the clinical sites.")
    assert ("coordinates", "NHS Grampian", "Grampian Remote Care Testbed") in found(text, "en")


def test_a_clinical_lead_for_the_testbed_is_affiliated_with_it():
    text = ("NHS Grampian has signed a letter of intent to set up the Grampian Remote Care Testbed. Dr Ailsa Reid, "
            "a GP in Moray who will act as clinical lead for the testbed, welcomed the plan.")
    assert ("affiliatedWith", "Ailsa Reid", "Grampian Remote Care Testbed") in found(text, "en")


def test_the_whole_capitalised_run_after_to_set_up_the_is_the_name():
    text = "The partners signed a letter of intent to set up the Orkney Remote Diagnostics Testbed next year."
    assert "Orkney Remote Diagnostics Testbed" in labels(text, "en", "cluster")


def test_a_division_heads_a_unit():
    text = "The university will evaluate each trial through its Division of Rural Health and Wellbeing."
    assert "Division of Rural Health and Wellbeing" in labels(text, "en", "organisation")


@pytest.mark.parametrize("area", ["Caithness", "Lochaber", "Skye"])
def test_scottish_counties_and_islands_are_regions(area):
    assert area in labels(f"The testbed will start in {area} and extend later.", "en", "region")


# -- Danish newsletters ---------------------------------------------------------------------------
def test_the_networks_chair_with_a_second_role_is_affiliated_with_the_network():
    text = ("Sundhedsnetværk Vestfyn vokser. »Det er den rette blanding,« siger netværkets formand, direktør for "
            "social og sundhed Lise Holm Bech, Assens Kommune.")
    relations = found(text, "da")
    assert ("affiliatedWith", "Lise Holm Bech", "Sundhedsnetværk Vestfyn") in relations
    assert ("affiliatedWith", "Lise Holm Bech", "Assens Kommune") in relations


def test_a_brand_that_is_a_common_word_names_its_company_where_the_capital_says_so():
    text = ("Sikker Forsikring A/S går ind i netværkets arbejde. Også hos Sikker ser man frem til samarbejdet. "
            "»Det er godt,« siger konsulent Mette Dahl, Sikker.")
    company = entity(text, "da", "Sikker Forsikring A/S")
    assert "Sikker" in company.alt_labels
    assert ("affiliatedWith", "Mette Dahl", "Sikker Forsikring A/S") in found(text, "da")


def test_a_common_first_word_of_a_name_without_a_head_after_it_is_no_short_name():
    text = "Die Deutsche Bahn AG und die Deutsche Rentenversicherung sind Partner."
    assert "Deutsche" not in entity(text, "de", "Deutsche Bahn AG").alt_labels


def test_two_school_heads_joined_by_og_are_one_school():
    text = "Blandt medlemmerne er Region Syddanmark, Lillebælt Erhvervsakademi og Professionshøjskole og en række virksomheder."
    assert "Lillebælt Erhvervsakademi og Professionshøjskole" in labels(text, "da", "organisation")


@pytest.mark.parametrize("text, lang, field", [
    ("Danske Diakonhjem bidrager med erfaringer fra demensområdet.", "da", "dementia care"),
    ("Die Partner arbeiten an der Versorgung von Menschen mit Demenz.", "de", "dementia care"),
    ("Tryg går ind i netværkets arbejde med faldforebyggelse.", "da", "fall prevention"),
    ("Het project richt zich op valpreventie bij ouderen.", "nl", "fall prevention"),
])
def test_dementia_and_fall_prevention_are_fields(text, lang, field):
    found_fields = {e.concept.rsplit("/", 1)[-1] for e in extract(document(text, lang)).entities
                    if e.kind == "field" and e.concept}
    assert field.replace(" ", "-") in found_fields


# -- partner tables and lists beside the signatories ----------------------------------------------------
def test_a_version_number_ends_a_name_in_a_partner_table():
    text = ("Partners:\n\n| Partner | Rol | Vestiging |\n| Meander Medisch Centrum | penvoerder | Amersfoort |\n"
            "| Zorgkracht 2.0 | partner ouderenzorg | Amersfoort |")
    assert "Zorgkracht 2.0" in labels(text, "nl", "organisation")


def test_a_list_beside_the_signatories_names_members_not_parties():
    text = ("The University of Kent and Canterbury Christ Church University have signed a memorandum of understanding "
            "that establishes the Kent Digital Care Alliance.\n\nWho is involved\n\nAlongside the two signatories, "
            "the alliance brings together:\n\n- Medway NHS Foundation Trust, which runs the pilots;\n"
            "- Invicta Devices plc, which joins as the first industrial partner.")
    relations = found(text, "en")
    assert ("memberOf", "Invicta Devices plc", "Kent Digital Care Alliance") in relations
    assert not [r for r in relations if r[0] == "partyTo" and r[1] == "Invicta Devices plc"]


def test_an_x_based_word_is_no_name():
    text = "Invicta Devices plc, the Dover-based engineering firm, which joins as the first industrial partner."
    assert labels(text, "en", "organisation") == {"Invicta Devices plc"}


def test_actors_after_with_that_closes_an_agreements_purpose_sign_too():
    text = ("Vejle Kommune og Syddansk Universitet har i dag underskrevet en hensigtserklæring om et dansk-polsk "
            "partnerskab for sundhedsdesign med Poznań University of Medical Sciences (Uniwersytet Medyczny w "
            "Poznaniu) og Poznań Technology Park.")
    parties = {r[1] for r in found(text, "da") if r[0] == "partyTo"}
    assert {"Vejle Kommune", "Syddansk Universitet", "Poznań Technology Park"} <= parties
    assert "Poznań University of Medical Sciences" in parties or "Uniwersytet Medyczny w Poznaniu" in parties
    assert not {x for x in labels(text, "da", "agreement") if "Poznań" in x}


@pytest.mark.parametrize("name", ["AOK Rheinland-Pfalz/Saarland", "AOK Nordost", "AOK Bayern"])
def test_a_local_health_insurer_is_named_by_aok_and_its_region(name):
    text = f"Als assoziierter Partner unterstützt die {name} die Allianz Gesundheit Eifel."
    assert name in labels(text, "de", "organisation")


def test_icelandic_heads_open_names_with_their_town_after_a():
    text = "Samarbejdet omfatter Sjúkrahúsið á Ísafirði og Háskólinn á Bifröst."
    assert {"Sjúkrahúsið á Ísafirði", "Háskólinn á Bifröst"} <= labels(text, "da", "organisation")
