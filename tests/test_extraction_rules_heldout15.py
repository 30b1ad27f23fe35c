"""Rules written during the fifteenth held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.boilerplate import classify
from ingest.extract import extract
from ingest.gazetteer import gazetteer
from ingest.sentences import split_sentences
from tests.test_extraction_rules import document, found, labels


# -- places -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, parent", [
    ("Oberfranken", "subdivision:DE-BY"), ("Niederbayern", "subdivision:DE-BY"), ("Schwaben", "subdivision:DE-BY"),
    ("Mittelhessen", "subdivision:DE-HE"), ("Vorpommern", "subdivision:DE-MV"), ("Merseyside", "subdivision:GB-ENG"),
])
def test_named_regions_that_iso_3166_does_not_list_are_places_in_their_state(name, parent):
    found_places = gazetteer().candidates(name, "de")
    assert found_places and found_places[0].parent == parent, found_places


@pytest.mark.parametrize("name, nation", [
    ("Cornwall", "subdivision:GB-ENG"), ("Wirral", "subdivision:GB-ENG"), ("East Lothian", "subdivision:GB-SCT"),
    ("Inverclyde", "subdivision:GB-SCT"), ("Conwy", "subdivision:GB-WLS"),
])
def test_the_united_kingdoms_local_authority_areas_are_places_in_their_nation(name, nation):
    places = gazetteer().candidates(name, "en")
    assert places and places[0].kind == "subdivision" and places[0].parent == nation, places


@pytest.mark.parametrize("name", ["Southampton", "Leicester", "Plymouth"])
def test_a_city_keeps_its_own_name_beside_its_local_authority(name):
    assert gazetteer().candidates(name, "en")[0].kind == "city"


def test_a_local_authority_whose_name_is_a_common_word_is_left_out():
    assert not gazetteer().candidates("Reading", "en") or gazetteer().candidates("Reading", "en")[0].kind == "city"


@pytest.mark.parametrize("form", ["County Mayo", "Co. Mayo", "Mayo"])
def test_an_irish_county_is_named_with_or_without_county(form):
    assert [p.key for p in gazetteer().candidates(form, "en")][:1] == ["subdivision:IE-MO"]


def test_a_danish_island_named_like_a_german_word_is_a_place_only_in_danish():
    assert "Als" in labels("Fabrikken ligger i Nordborg på Als.", "da", "region")
    assert not labels("Als Partner bringt die Klinik ihre Daten ein.", "de", "region")


def test_a_bavarian_government_region_ends_a_cluster_name_after_fur():
    clusters = {e.label: e for e in extract(document(
        "Die Allianz für digitale Pflege Schwaben (ADPS) wird von der Wirtschaftsförderung Kempten "
        "koordiniert.", "de")).entities if e.kind == "cluster"}
    assert "Allianz für digitale Pflege Schwaben" in clusters, sorted(clusters)
    assert "ADPS" in clusters["Allianz für digitale Pflege Schwaben"].alt_labels


@pytest.mark.parametrize("text, district", [
    ("Beteiligt sind auch die Kliniken im Kreis Steinburg.", "Kreis Steinburg"),
    ("Weitere Praxen aus Passau, Vilshofen und dem Landkreis Freyung-Grafenau sind eingeladen.",
     "Landkreis Freyung-Grafenau"),
    ("Die Glashütte mit Sitz in Spiegelau (Landkreis Freyung-Grafenau) liefert die Gehäuse.",
     "Landkreis Freyung-Grafenau"),
    ("Zwölf Einrichtungen aus Stadt und Landkreis Fulda und dem Vogelsbergkreis unterzeichneten einen "
     "Kooperationsvertrag.", "Vogelsbergkreis"),
])
def test_a_german_district_after_a_locative_preposition_is_a_place_not_its_council(text, district):
    extraction = extract(document(text, "de"))
    regions = {name for e in extraction.entities if e.kind == "region" for name in (e.label, *e.alt_labels)}
    organisations = {e.label for e in extraction.entities if e.kind == "organisation"}
    assert district in regions, regions
    assert district not in organisations, organisations


def test_a_district_in_brackets_after_a_person_is_the_persons_council():
    facts = found("Landrat Tobias Brenner (Landkreis Freyung-Grafenau) unterzeichnete die Vereinbarung.", "de")
    assert ("affiliatedWith", "Tobias Brenner", "Landkreis Freyung-Grafenau") in facts, facts


def test_every_town_of_a_list_after_aus_is_a_place():
    assert {"Sonthofen", "Oberstdorf"} <= labels("Weitere Pflegedienste aus Kempten, Sonthofen und Oberstdorf "
                                                "sind eingeladen.", "de", "region")


def test_the_topics_of_a_site_menu_are_chrome():
    text = ("Wirtschaftsförderung Mittelhessen\nRegion\nWirtschaft\nCluster & Netzwerke\nGesundheit\nAktuelles\n"
            "Kontakt\nSuche\n\nDas Netzwerk Pflege Mittelhessen ist gestartet.")
    sentences = split_sentences(text)
    zones = classify(sentences)
    by_text = {s.text.strip(): zones[s.index] for s in sentences}
    assert by_text["Cluster & Netzwerke"] == by_text["Wirtschaft"] == "chrome", by_text
    assert by_text["Wirtschaftsförderung Mittelhessen"] == "body", by_text
    assert "Cluster Netzwerke" not in labels(text, "de", "cluster")


# -- names --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("Das Schlaganfallnetz Ost verbindet acht Kliniken.", "Schlaganfallnetz Ost"),
    ("Die Partner gründen das „Traumanetz Rhön“.", "Traumanetz Rhön"),
])
def test_a_health_network_compound_heads_a_cluster_name(text, name):
    assert name in labels(text, "de", "cluster")


def test_an_den_start_ends_a_network_name():
    assert labels("Im März ist das Netzwerk Pflege Mittelhessen an den Start gegangen.", "de", "cluster") == {
        "Netzwerk Pflege Mittelhessen"}


def test_a_hospital_named_by_the_two_towns_it_serves_is_one_organisation():
    assert "Kreiskliniken Dillingen und Wertingen" in labels(
        "Dabei sind die Kreiskliniken Dillingen und Wertingen, das Klinikum Augsburg und die Stadt Lauingen.",
        "de", "organisation")


def test_an_adjective_after_a_role_word_opens_a_units_name_not_a_persons():
    assert labels("Dr. Jan Peters, Leiter Digitale Dienste Europa bei der Siemens Healthineers AG, ergänzte: "
                  "„Gut.“", "de", "person") == {"Jan Peters"}


@pytest.mark.parametrize("text, name", [
    ("Partner:\n\n- die AOK Niedersachsen,\n- die KUKA Deutschland GmbH.", "AOK Niedersachsen"),
    ("Mit dabei sind die IHK Schwaben und die AOK Bayern.", "AOK Bayern"),
])
def test_an_abbreviation_and_a_state_name_an_institution(text, name):
    assert name in labels(text, "de", "organisation")


def test_an_abbreviation_that_is_a_state_makes_no_institution():
    assert "JTF NRW" not in labels("Gefördert wird das Projekt aus dem JTF NRW.", "de", "organisation")


def test_an_abbreviated_name_after_its_head_word_is_the_same_organisation():
    organisations = [e for e in extract(document(
        "Die Entwicklungsgesellschaft POM West-Vlaanderen und die Universität Gent unterzeichnen. Anke Muster, "
        "Direktorin von POM West-Vlaanderen, sagte: „Gut.“", "de")).entities if e.kind == "organisation"]
    pom = [e for e in organisations if "POM" in e.label]
    assert len(pom) == 1 and "POM West-Vlaanderen" in {pom[0].label, *pom[0].alt_labels}, organisations


def test_a_number_word_opening_a_clause_is_no_organisation():
    assert not labels("Pflege Digital Rhön: Dreizehn Partner gründen Netzwerk für Pflege und Technik", "de",
                      "organisation")


# -- relations ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lead", [
    ("Das Herznetz Franken wurde 2024 gegründet. Die Koordination liegt bei der Klinik für Kardiologie am "
     "Campus Süd des Klinikums Nürnberg.", "Klinik für Kardiologie"),
    ("Das Netzwerk Pflege Allgäu wurde gegründet. Die Koordination übernimmt die Allgäu GmbH, die "
     "Standortagentur der Landkreise Oberallgäu und Ostallgäu.", "Allgäu GmbH"),
    ("Das Netzwerk Pflege Allgäu wurde gegründet. Das Netzwerkmanagement übernimmt die Allgäu GmbH.",
     "Allgäu GmbH"),
])
def test_the_holder_of_the_coordination_named_after_it_coordinates_the_cluster(text, lead):
    facts = found(text, "de")
    assert any(k == "coordinates" and s == lead for k, s, _ in facts), facts
    assert not any(k == "coordinates" and s.startswith(("Klinikum", "Landkreis", "Standortagentur"))
                   for k, s, _ in facts), facts


def test_a_town_named_with_its_authority_word_in_a_member_list_is_its_council():
    facts = found("Das Netzwerk Pflege Allgäu wurde gegründet. Zu den Gründungspartnern gehören:\n\n"
                  "- die Hochschule Kempten,\n- die Stadt Kaufbeuren sowie\n- die Allgäu GmbH.", "de")
    assert ("memberOf", "Stadt Kaufbeuren", "Netzwerk Pflege Allgäu") in facts, facts


_FOUNDED = ("In Gießen ist das Netzwerk Pflege Mittelhessen gestartet. {count} Einrichtungen unterzeichneten im "
            "Science Park der Technischen Hochschule Mittelhessen eine Kooperationsvereinbarung.\n\n"
            "Die Gründungsmitglieder im Überblick:\n\n{items}")
_MEMBERS = ["Universitätsklinikum Gießen", "Technische Hochschule Mittelhessen", "Diakonie Wetzlar e.V.",
            "Lahn-Dill-Kliniken GmbH", "Caritasverband Gießen e.V."]


@pytest.mark.parametrize("count, members", [("Fünf", _MEMBERS), ("Sechs", _MEMBERS)])
def test_a_counted_group_signing_after_the_cluster_was_named_are_its_listed_members(count, members):
    facts = found(_FOUNDED.format(count=count, items="\n".join(f"- {m}" for m in members)), "de")
    for member in members:
        assert ("partyTo", member, "Kooperationsvereinbarung") in facts, (member, facts)


def test_a_counted_group_two_more_than_the_listed_members_is_another_group():
    facts = found(_FOUNDED.format(count="Sieben", items="\n".join(f"- {m}" for m in _MEMBERS)), "de")
    assert not any(k == "partyTo" for k, _, _ in facts), facts


def test_a_press_office_line_in_a_contact_block_leaves_the_person_with_the_organisation():
    facts = found("Das Herznetz Franken wurde gegründet.\n\nPressekontakt:\nKlinikum Darmstadt\n"
                  "Stabsstelle Unternehmenskommunikation\nLena Hartwig\nTel.: 06151 107-0", "de")
    assert ("affiliatedWith", "Lena Hartwig", "Klinikum Darmstadt") in facts, facts
    assert not any(k == "affiliatedWith" and o.startswith("Stabsstelle") for k, _, o in facts), facts
    assert "Stabsstelle Unternehmenskommunikation" not in labels(
        "Pressekontakt:\nKlinikum Darmstadt\nStabsstelle Unternehmenskommunikation\nLena Hartwig\nTel.: 06151 107-0",
        "de", "person")


def test_an_organisation_named_as_the_venue_and_among_the_signatories_is_a_party():
    facts = found("Het convenant werd op de campus van de Hanzehogeschool Groningen ondertekend door het Martini "
                  "Ziekenhuis, de Hanzehogeschool Groningen en de gemeente Assen.", "nl")
    assert ("partyTo", "Hanzehogeschool Groningen", "convenant") in facts, facts
    assert ("partyTo", "Martini Ziekenhuis", "convenant") in facts, facts


def test_a_name_ending_in_an_agreement_word_is_a_named_agreement_that_founds_the_cluster():
    facts = found("Seven partners have signed the North Wales Care Technology Compact, which establishes the Conwy "
                  "CareTech Alliance. The signatories are Bangor University, Wrexham University and Conwy County "
                  "Borough Council.", "en")
    assert ("establishes", "North Wales Care Technology Compact", "Conwy CareTech Alliance") in facts, facts
    assert ("partyTo", "Bangor University", "North Wales Care Technology Compact") in facts, facts
    assert ("memberOf", "Bangor University", "Conwy CareTech Alliance") in facts, facts


def test_a_quoted_name_the_partners_sign_to_build_is_a_cluster_that_the_agreement_founds():
    facts = found('Partners from Cornwall and Brittany have signed a letter of intent to build a "Celtic Care Bridge" '
                  "between the two regions. The letter of intent was signed by the University of Exeter and the "
                  "Université de Bretagne Occidentale.", "en")
    assert any(k == "establishes" and o == "Celtic Care Bridge" for k, _, o in facts), facts
    assert ("memberOf", "University of Exeter", "Celtic Care Bridge") in facts, facts


def test_an_abbreviation_that_spells_a_name_joined_by_and_keeps_the_name_whole():
    assert "NHS Lanarkshire and Forth Valley" in labels(
        "Partners are the University of Stirling and NHS Lanarkshire and Forth Valley (NHSLFV).", "en", "organisation")


def test_a_country_adjective_before_a_task_word_names_an_agency():
    facts = found("Fiona Reid, Head of Life Sciences at Scottish Enterprise, welcomed the plan.", "en")
    assert ("affiliatedWith", "Fiona Reid", "Scottish Enterprise") in facts, facts
    assert "Scottish Enterprise" not in labels("It is a Scottish Enterprise of its own kind.", "en", "organisation")


def test_french_regional_councils_and_university_hospitals_are_named():
    organisations = labels("The letter of intent was signed by the Région Normandie, the CHU de Caen and the "
                           "University of Southampton.", "en", "organisation")
    assert {"Région Normandie", "CHU de Caen"} <= organisations, organisations


def test_both_agents_of_jointly_led_by_coordinate_the_cluster():
    facts = found('Partners signed a letter of intent to build a "Celtic Care Bridge". The Celtic Care Bridge will be '
                  "jointly led by Cornwall Council and the Brittany Development Agency.", "en")
    assert ("coordinates", "Cornwall Council", "Celtic Care Bridge") in facts, facts
    assert ("coordinates", "Brittany Development Agency", "Celtic Care Bridge") in facts, facts


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_a_counted_group_among_the_signatories_is_named_in_the_next_sentence(gap):
    facts = found("Two Dorset hospital trusts and Bournemouth University have signed a partnership agreement to "
                  f"test remote monitoring.{gap}University Hospitals Dorset NHS Foundation Trust and Dorset County "
                  "Hospital NHS Foundation Trust will share data.", "en")
    for party in ("Bournemouth University", "University Hospitals Dorset NHS Foundation Trust",
                  "Dorset County Hospital NHS Foundation Trust"):
        assert ("partyTo", party, "partnership agreement") in facts, (party, facts)


@pytest.mark.parametrize("language, text, name", [
    ("nl", "Jessa Ziekenhuis en AZ Vesalius hebben een intentieverklaring ondertekend. Het initiatief kreeg de naam "
           "Zorgdata Alliantie Kempen (ZAK).", "Zorgdata Alliantie Kempen"),
    ("de", "Die Klinikum Passau GmbH und die Universität Passau haben eine Absichtserklärung unterzeichnet. Das "
           "Vorhaben erhielt den Namen Pflegeverbund Passau.", "Pflegeverbund Passau"),
])
def test_a_name_given_after_the_signing_is_the_cluster_the_agreement_founds(language, text, name):
    facts = found(text, language)
    assert any(k == "establishes" and o == name for k, _, o in facts), facts


def test_a_release_dated_in_two_towns_names_each_town():
    assert {"Kiel", "Flensburg"} <= labels("Kiel/Flensburg, 4. Mai 2025\n\nDie Partner unterzeichnen heute.", "de",
                                          "region")


def test_the_sites_of_the_subject_after_und_hat_standorte_in_locate_it():
    facts = found("Das Klinikum Nordfriesland ist der größte Versorger der Westküste und hat Standorte in Husum und "
                  "Niebüll.", "de")
    assert ("locatedIn", "Klinikum Nordfriesland", "Husum") in facts, facts
    assert ("locatedIn", "Klinikum Nordfriesland", "Niebüll") in facts, facts


def test_a_role_name_stops_before_the_particles_that_lead_to_the_organisation():
    facts = found("Aanwezig was gedeputeerde Anneloes Brookhuis van de Provincie Overijssel.", "nl")
    assert ("affiliatedWith", "Anneloes Brookhuis", "Provincie Overijssel") in facts, facts


def test_a_regions_body_that_hosts_the_secretariat_coordinates_the_cluster():
    facts = found("Grænselandets Sundhedsalliance blev stiftet i 2025. Sekretariatet placeres hos Region "
                  "Sønderjylland-Schleswig i Padborg.", "da")
    assert ("coordinates", "Region Sønderjylland-Schleswig", "Grænselandets Sundhedsalliance") in facts, facts


def test_a_given_name_after_a_units_common_word_starts_a_persons_name():
    facts = found("»Vi tager ansvaret sammen,« siger direktør for Sundhed og Omsorg Mette Kjærgaard Bach, Viborg "
                  "Kommune.", "da")
    assert ("affiliatedWith", "Mette Kjærgaard Bach", "Viborg Kommune") in facts, facts


def test_a_regional_councils_chair_speaks_for_the_administrative_region_not_a_cross_border_body():
    facts = found("Region Syddanmark og Region Sønderjylland-Schleswig har underskrevet en hensigtserklæring. "
                  "- Det er et vigtigt skridt, siger regionsrådsformand Bo Hansen.", "da")
    assert ("affiliatedWith", "Bo Hansen", "Region Syddanmark") in facts, facts
    assert ("affiliatedWith", "Bo Hansen", "Region Sønderjylland-Schleswig") not in facts, facts


@pytest.mark.parametrize("text, cluster, fields", [
    ("Das Herznetz Franken ist ein Netzwerk in Bayern. Schwerpunkte sind Telekardiologie, Rhythmologie und "
     "Herzinsuffizienz.", "Herznetz Franken", {"Telekardiologie", "Rhythmologie"}),
    ("Das Netzwerk Pflege Rhön wurde gegründet. Drei Themen stehen im ersten Jahr im Mittelpunkt: digitale "
     "Pflegedokumentation, Telepflege im ländlichen Raum und Pflegeberatung.", "Netzwerk Pflege Rhön",
     {"digitale Pflegedokumentation", "Telepflege im ländlichen Raum"}),
])
def test_the_themes_listed_after_the_cluster_are_its_fields(text, cluster, fields):
    facts = found(text, "de")
    for field in fields:
        assert ("focusesOn", cluster, field) in facts, (field, facts)


@pytest.mark.parametrize("language, text, actor, town", [
    ("de", "Die Partner treffen sich in Kiel. Dabei ist der Kieler Medizintechnikhersteller Geomar Devices GmbH.",
     "Geomar Devices GmbH", "Kiel"),
    ("nl", "Het bureau zit in Hengelo. Thales Care, het Hengelose technologiebedrijf dat sensoren maakt, doet mee.",
     "Thales Care", "Hengelo"),
])
def test_a_towns_adjective_before_a_word_for_a_company_locates_it(language, text, actor, town):
    facts = found(text, language)
    assert ("locatedIn", actor, town) in facts, facts


def test_a_common_word_before_a_definite_apposition_is_no_company():
    assert "Partner" not in labels("Mit dem Netzwerk gewinnen wir einen Partner, der uns junge Unternehmen "
                                   "erschließt.", "de", "organisation")
