"""Rules written during the fourteenth held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.test_extraction_rules import document, found, labels


@pytest.mark.parametrize("language, text, name, short", [
    ("de", "Im Forschungsprojekt CareLink Allgäu (CLA) erproben Praxen und Kliniken ein Modell.",
     "CareLink Allgäu", "CLA"),
    ("de", "Im Modellprojekt TeleReha Ostalb-Jagst (TROJ) arbeiten Kliniken und Praxen zusammen.",
     "TeleReha Ostalb-Jagst", "TROJ"),
])
def test_a_project_compound_names_a_cluster_with_its_bracketed_abbreviation(language, text, name, short):
    clusters = {e.label: e for e in extract(document(text, language)).entities if e.kind == "cluster"}
    assert name in clusters, sorted(clusters)
    assert short in clusters[name].alt_labels


def test_the_consortium_lead_and_the_overall_coordination_coordinate_the_project():
    facts = found("Im Verbundprojekt CareLink Allgäu arbeiten sechs Partner zusammen. Die Konsortialführung "
                  "liegt beim Klinikum Kempten; die Gesamtkoordination übernimmt dort das Institut für Pflegeforschung.",
                  "de")
    assert ("coordinates", "Klinikum Kempten", "CareLink Allgäu") in facts, facts
    assert ("coordinates", "Institut für Pflegeforschung", "CareLink Allgäu") in facts, facts


def test_a_table_whose_first_column_numbers_the_rows_lists_the_partners():
    text = ("Im Verbundprojekt CareLink Allgäu arbeiten drei Partner zusammen.\n\n"
            "Nr. | Partner | Sitz | Aufgabe\n"
            "1 | Klinikum Kempten | Kempten | Koordination\n"
            "2 | Hochschule Kempten | Kempten | Evaluation\n"
            "3 | Caritasverband Kempten e.V. | Kempten | Pflege\n")
    facts = found(text, "de")
    for partner in ("Klinikum Kempten", "Hochschule Kempten", "Caritasverband Kempten e.V."):
        assert ("memberOf", partner, "CareLink Allgäu") in facts, facts
        assert ("locatedIn", partner, "Kempten") in facts, facts


@pytest.mark.parametrize("language, text", [
    ("en", "The project is funded by Horizon Europe and supported by MedTech Europe."),
    ("de", "Gefördert wird das Projekt aus Mitteln von Horizon Europe."),
])
def test_a_continent_that_ends_a_name_is_no_region(language, text):
    assert not labels(text, language, "region")


def test_a_continent_after_a_lower_case_word_is_still_a_region():
    assert "Europe" in labels("Hospitals across Europe share the data.", "en", "region")


@pytest.mark.parametrize("text, region", [
    ("Care homes across the West of England take part.", "West of England"),
    ("Partners from the South West of England and Wales joined.", "South West of England"),
    ("Care homes in the North East of England signed.", "North East of England"),
])
def test_a_compass_point_of_a_country_is_a_region(text, region):
    assert region in labels(text, "en", "region")


@pytest.mark.parametrize("language, text, cluster, agreement", [
    ("en", "Care Tech Somerset is a regional cluster that tests robots in care homes.\n\nThe partners of the cluster "
           "are:\n\n- Somerset Council\n- Musgrove Park Hospital\n- Taunton Robotics Ltd\n\nThe cluster was launched at "
           "the Taunton Innovation Centre, where three organisations signed a memorandum of understanding on shared "
           "trials.", "Care Tech Somerset", "memorandum of understanding"),
    ("nl", "Met hun handtekening onder een samenwerkingsovereenkomst hebben drie zorg- en onderwijspartijen de "
           "Alliantie Zorg Rivierenland opgericht.\n\nDe partners van de alliantie zijn:\n\n- Rivas Zorggroep\n"
           "- Gemeente Gorinchem\n- Da Vinci College\n", "Alliantie Zorg Rivierenland", "samenwerkingsovereenkomst"),
])
def test_a_group_counted_as_many_as_the_listed_members_signed_the_agreement(language, text, cluster, agreement):
    facts = found(text, language)
    parties = {s for k, s, o in facts if k == "partyTo" and o.casefold().startswith(agreement)}
    members = {s for k, s, o in facts if k == "memberOf" and o == cluster}
    assert len(members) == 3 and members <= parties, (members, parties)


def test_a_group_counted_fewer_than_the_listed_members_names_no_parties():
    text = ("Care Tech Somerset is a regional cluster that tests robots in care homes.\n\nThe partners of the cluster "
            "are:\n\n- Somerset Council\n- Musgrove Park Hospital\n- Taunton Robotics Ltd\n\nThe cluster was launched "
            "at the Taunton Innovation Centre, where two organisations signed a memorandum of understanding on shared "
            "trials.")
    facts = found(text, "en")
    assert not any(k == "partyTo" for k, _, _ in facts), facts


def test_a_venue_before_the_signing_is_no_party():
    facts = found("At the Taunton Innovation Centre, Somerset Council and Musgrove Park Hospital signed a memorandum "
                  "of understanding.", "en")
    parties = {s for k, s, _ in facts if k == "partyTo"}
    assert parties == {"Somerset Council", "Musgrove Park Hospital"}, parties


@pytest.mark.parametrize("language, item", [
    ("en", "Sirona care & health"),
    ("nl", "Albert Schweitzer ziekenhuis"),
    ("nl", "gemeente Gorinchem"),
])
def test_a_list_item_with_lower_case_words_names_a_partner(language, item):
    heading = {"en": "The founding partners are:", "nl": "De partners zijn:"}[language]
    text = f"{heading}\n\n- {item}\n- Somerset Council\n"
    assert item in labels(text, language, "organisation")


def test_a_list_item_of_common_words_names_no_partner():
    assert "Medical technology" not in labels("The partners are:\n\n- Medical technology\n- Somerset Council\n", "en",
                                              "organisation")


def test_a_town_among_the_founders_is_its_authority_and_a_member():
    facts = found("Het Zorgnetwerk Waasland (ZWL) groeit. ZWL werd in 2022 opgericht door het AZ Nikolaas, hogeschool "
                  "Vives en de stad Lokeren.", "nl")
    for founder in ("AZ Nikolaas", "Vives", "stad Lokeren"):
        assert ("memberOf", founder, "Zorgnetwerk Waasland") in facts, facts
    assert ("locatedIn", "stad Lokeren", "Lokeren") in facts, facts


@pytest.mark.parametrize("language, text, cluster, partners", [
    ("nl", "Het Zorgnetwerk Waasland (ZWL) breidt uit. Op de receptie van het netwerk werden het AZ Nikolaas en de "
           "stad Lokeren voorgesteld als nieuwe partners.", "Zorgnetwerk Waasland", {"AZ Nikolaas", "stad Lokeren"}),
    ("de", "Das Pflegenetz Ostalb wächst. Beim Jahrestreffen des Netzwerks wurden das Klinikum Aalen und die "
           "Hochschule Aalen als neue Partner aufgenommen.", "Pflegenetz Ostalb", {"Klinikum Aalen", "Hochschule Aalen"}),
])
def test_actors_presented_as_new_partners_are_members(language, text, cluster, partners):
    facts = found(text, language)
    members = {s for k, s, o in facts if k == "memberOf" and o == cluster}
    assert partners <= members, facts


def test_a_town_named_as_a_place_of_the_members_stays_a_region():
    text = "Het Zorgnetwerk Waasland (ZWL) breidt uit. Twee bedrijven uit de stad Lokeren zijn nieuwe leden van het netwerk."
    assert "stad Lokeren" not in labels(text, "nl", "organisation")


@pytest.mark.parametrize("language, text, region", [
    ("en", "Hospitals in Styria and Carinthia share imaging data.", "Styria"),
    ("en", "The cluster links firms in Lower Silesia with partners in Saxony.", "Lower Silesia"),
    ("en", "Clinics in Sardinia and Sicily test the service.", "Sardinia"),
    ("da", "Partnere fra Skåne og Halland deltager.", "Skåne"),
    ("en", "Region Västerbotten and partners in Norrbotten signed.", "Norrbotten"),
    ("nl", "Ziekenhuizen uit Catalunya en Zuid-Tirol doen mee.", "Catalunya"),
])
def test_exonyms_and_swedish_counties_name_their_subdivisions(language, text, region):
    regions = {e.label: e for e in extract(document(text, language)).entities if e.kind == "region"}
    assert any(region == label or region in e.alt_labels for label, e in regions.items()), sorted(regions)
    assert all(e.identifiers.get("iso3166") for e in regions.values()), regions


def test_a_swedish_county_seat_stays_a_city():
    regions = [e for e in extract(document("The hospital in Uppsala joins.", "en")).entities if e.kind == "region"]
    assert [e.label for e in regions] == ["Uppsala"], regions
    assert "iso3166" not in regions[0].identifiers and any("geonames" in iri for iri in regions[0].same_as), regions


@pytest.mark.parametrize("language, text, name", [
    ("en", "The network signed with the Università degli Studi di Padova and two firms.", "Università degli Studi di Padova"),
    ("da", "Konsortiet omfatter nu Uniwersytet Medyczny we Wrocławiu og to virksomheder.", "Uniwersytet Medyczny we Wrocławiu"),
])
def test_italian_and_polish_link_words_stay_inside_a_name(language, text, name):
    assert name in labels(text, language, "organisation")


def test_an_abbreviation_of_a_name_with_an_italian_link_is_the_same_actor():
    text = ("The University of Malta signed with Mater Dei Hospital, the Azienda Sanitaria Provinciale di Siracusa "
            "(ASP Siracusa) and Gozo General Hospital. ASP Siracusa will run the pilots.")
    entities = {e.label: e for e in extract(document(text, "en")).entities if e.kind == "organisation"}
    assert "ASP Siracusa" in entities["Azienda Sanitaria Provinciale di Siracusa"].alt_labels, sorted(entities)
    assert "ASP Siracusa" not in entities


@pytest.mark.parametrize("text, cluster", [
    ("Patients will benefit from MEDLINK-ISLES, a new telehealth alliance between Gozo and Crete.", "MEDLINK-ISLES"),
    ("MEDLINK-ISLES brings together six partners from both islands.", "MEDLINK-ISLES"),
])
def test_an_alliance_between_places_or_a_name_that_brings_partners_together_is_a_cluster(text, cluster):
    assert cluster in labels(text, "en", "cluster")


def test_the_organisations_named_after_a_count_of_partners_are_the_members():
    text = ("MEDLINK-ISLES brings together four partners. The University of Crete signed the agreement with "
            "Mater Dei Hospital and Gozo General Hospital. The Malta Life Sciences Park, located in San Ġwann, "
            "completes the consortium.")
    facts = found(text, "en")
    members = {s for k, s, o in facts if k == "memberOf" and o == "MEDLINK-ISLES"}
    assert members == {"University of Crete", "Mater Dei Hospital", "Gozo General Hospital",
                       "Malta Life Sciences Park"}, facts


def test_a_count_that_differs_from_the_organisations_named_gives_no_members():
    text = ("MEDLINK-ISLES brings together five partners. The University of Crete signed the agreement with "
            "Mater Dei Hospital and Gozo General Hospital.")
    facts = found(text, "en")
    assert not any(k == "memberOf" and o == "MEDLINK-ISLES" for k, _, o in facts), facts


def test_a_modifier_before_a_company_word_is_no_name():
    names = labels("Partners are Mater Dei Hospital, the Malta Information Technology Agency and the IT company "
                   "Acme Informatica S.p.A.", "en", "organisation")
    assert "IT" not in names and "Acme Informatica S.p.A." in names, names


def test_a_relative_clause_names_the_lead_partner_among_several():
    facts = found("MEDLINK-ISLES brings together four partners. The University of Crete, which acts as lead "
                  "partner, signed the agreement with Mater Dei Hospital and Gozo General Hospital.", "en")
    leads = {s for k, s, o in facts if k == "coordinates" and o == "MEDLINK-ISLES"}
    assert leads == {"University of Crete"}, facts


@pytest.mark.parametrize("language, text, person, cluster", [
    ("en", "MEDLINK-ISLES brings together four partners. \"We start now,\" said Prof. Elena Grech of the Faculty of Health Sciences at the University of Crete, "
           "who coordinates MEDLINK-ISLES.", "Elena Grech", "MEDLINK-ISLES"),
    ("de", "Das Netzwerk Pflege Ostalb wächst. \"Wir sind stolz\", sagt Dr. Anna Berger, die das Netzwerk Pflege "
           "Ostalb koordiniert.", "Anna Berger", "Netzwerk Pflege Ostalb"),
])
def test_a_person_who_coordinates_the_cluster_leads_it(language, text, person, cluster):
    facts = found(text, language)
    assert ("coordinates", person, cluster) in facts and ("affiliatedWith", person, cluster) in facts, facts


def test_actors_that_have_joined_are_members():
    facts = found("Het Zorgnetwerk Rijnmond (ZNR) groeit. Tijdens de bijeenkomst zijn drie organisaties toegetreden "
                  "tot het netwerk: de Antes Groep, het softwarebedrijf Nedap en de gemeente Schiedam.", "nl")
    members = {s for k, s, o in facts if k == "memberOf" and o == "Zorgnetwerk Rijnmond"}
    assert {"Antes Groep", "Nedap", "gemeente Schiedam"} <= members, facts


@pytest.mark.parametrize("language, text, founders", [
    ("nl", "Het Zorgnetwerk Rijnmond (ZNR) groeit. Het ZNR werd in 2021 opgericht door het Maasstad Ziekenhuis, de "
           "Hogeschool Rotterdam en de gemeente Schiedam. De drie oprichters ondertekenden toen een convenant over "
           "zorg op afstand. Later sloot de Antes Groep zich aan bij het netwerk.",
     {"Maasstad Ziekenhuis", "Hogeschool Rotterdam", "gemeente Schiedam"}),
    ("en", "The Tees Care Network was founded in 2021 by Teesside University and South Tees Hospitals NHS "
           "Foundation Trust. The founders signed a memorandum of understanding on remote care. Later Stockton "
           "Council joined the network as a member.",
     {"Teesside University", "South Tees Hospitals NHS Foundation Trust"}),
])
def test_an_agreement_the_founders_signed_has_the_founders_as_parties(language, text, founders):
    facts = found(text, language)
    parties = {s for k, s, _ in facts if k == "partyTo"}
    assert parties == founders, facts


@pytest.mark.parametrize("text, name", [
    ("Partner sind die Gesellschaft für Wirtschaftsförderung und Stadtentwicklung Kiel mbH und die Stadt Kiel.",
     "Gesellschaft für Wirtschaftsförderung und Stadtentwicklung Kiel mbH"),
    ("Es unterzeichnet die Gesellschaft für Forschung und Entwicklung mbH.", "Gesellschaft für Forschung und Entwicklung mbH"),
])
def test_two_fields_after_fuer_before_a_legal_form_are_one_name(text, name):
    assert name in labels(text, "de", "organisation")


def test_a_company_after_und_before_its_legal_form_stays_a_company_of_its_own():
    names = labels("Partner sind die Universität Kiel und Medtronic GmbH.", "de", "organisation")
    assert {"Universität Kiel", "Medtronic GmbH"} <= names, names


def test_a_list_item_may_hold_a_slash_between_two_places():
    names = labels("Mitglieder des Netzwerks sind:\n\n- AOK Niedersachsen/Bremen\n- Universität Bremen\n", "de",
                   "organisation")
    assert "AOK Niedersachsen/Bremen" in names, names


@pytest.mark.parametrize("language, text, name", [
    ("da", "Erklæringen er underskrevet af IT-Universitetet i København og af Region Sjælland.", "IT-Universitetet i København"),
    ("de", "Die Kooperations-Vereinbarung unterzeichneten die Universität Kiel und die Stadt Kiel.", None),
])
def test_a_hyphenated_word_counts_by_its_last_part(language, text, name):
    extraction = extract(document(text, language))
    if name:
        assert name in {e.label for e in extraction.entities if e.kind == "organisation"}
    else:
        assert any(e.kind == "agreement" for e in extraction.entities), extraction.entities


@pytest.mark.parametrize("language, text, name", [
    ("da", "Projektet støttes af Nordisk Ministerråd og af Region Syddanmark.", "Nordisk Ministerråd"),
    ("de", "Das Projekt wird vom Nordischen Ministerrat gefördert.", "Nordischen Ministerrat"),
])
def test_a_council_of_ministers_is_an_organisation(language, text, name):
    assert name in labels(text, language, "organisation")


def test_a_cluster_becomes_coordinator():
    facts = found("Den danske klyngeorganisation MedTech Sjælland og netværket Connected Care Tallinn har underskrevet en "
                  "hensigtserklæring, der opretter Dansk-Estisk Plejenetværk (DEP). MedTech Sjælland bliver "
                  "koordinator for DEP de første tre år.", "da")
    assert ("coordinates", "MedTech Sjælland", "Dansk-Estisk Plejenetværk") in facts, facts


def test_each_contact_person_belongs_to_the_organisation_on_the_line_above():
    text = ("Netværket Connected Health Cluster og klyngen MedTech Sjælland samarbejder.\n\nPressekontakt:\n\n"
            "MedTech Sjælland\nSofie Lund, kommunikationskonsulent\nMobil: 20 00 00 00\n\n"
            "Connected Health Cluster\nMarten Kask, kommunikationskonsulent\nTel.: +372 000 0000\n")
    facts = found(text, "da")
    assert ("affiliatedWith", "Sofie Lund", "MedTech Sjælland") in facts, facts
    assert ("affiliatedWith", "Marten Kask", "Connected Health Cluster") in facts, facts
    assert ("affiliatedWith", "Sofie Lund", "Connected Health Cluster") not in facts, facts


def test_a_contact_line_of_common_words_is_an_organisation_not_a_person():
    extraction = extract(document("Contact\n\nFiona Drummond\nProgramme Director\nScottish Enterprise\n"
                                  "Tel. +44 141 000 0000\n", "en"))
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds.get("Scottish Enterprise") == "organisation", kinds


@pytest.mark.parametrize("language, text", [
    ("da", "Kontakt:\nCenter for Sundhed\nNiels Bohrs Vej 12, 6700 Esbjerg\nTlf. 70 00 00 00\n"),
    ("nl", "Het secretariaat is gevestigd aan het Johanna Westerdijkplein in Den Haag."),
])
def test_a_street_named_after_a_person_is_no_person(language, text):
    assert not labels(text, language, "person")


def test_a_hospital_named_after_two_towns_is_one_actor_with_its_short_name():
    text = ("Bispebjerg og Frederiksberg Hospital og Rigshospitalet har underskrevet en samarbejdsaftale. "
            "Aftalen blev underskrevet på Bispebjerg Hospital.")
    entities = {e.label: e for e in extract(document(text, "da")).entities if e.kind == "organisation"}
    assert "Bispebjerg og Frederiksberg Hospital" in entities, sorted(entities)
    assert "Bispebjerg Hospital" in entities["Bispebjerg og Frederiksberg Hospital"].alt_labels
    assert "Rigshospitalet" in entities


def test_two_councils_joined_by_og_stay_two():
    names = labels("Aalborg Universitetshospital, Herning og Viborg Kommune deltager.", "da", "organisation")
    assert "Viborg Kommune" in names and not any(" og " in name for name in names), names


def test_a_danish_department_pair_with_a_suspended_hyphen_is_one_organisation():
    names = labels("I Aarhus Kommune er det Sundheds- og Omsorgsforvaltningen, der står for indsatsen.", "da",
                   "organisation")
    assert names == {"Aarhus Kommune", "Sundheds- og Omsorgsforvaltningen"}, names


def test_a_german_pair_of_common_nouns_with_a_suspended_hyphen_is_no_organisation():
    assert not labels("Gefördert werden Strategien für das Engagement; Tandem-Modelle Haupt- und Ehrenamt; "
                      "Unterstützung der Pflege.", "de", "organisation")


def test_the_districts_a_region_comprises_are_its_parts_and_those_of_their_states():
    text = ("Das Netzwerk arbeitet in der Region Bodensee-Oberschwaben. Sie umfasst den Bodenseekreis und den "
            "Landkreis Ravensburg in Baden-Württemberg sowie die Landkreise Lindau und Oberallgäu in Bayern.")
    extraction = extract(document(text, "de"))
    kinds = {e.label: e.kind for e in extraction.entities}
    assert not {k for k in kinds.values() if k == "organisation"}, kinds
    facts = found(text, "de")
    for part in ("Bodenseekreis", "Landkreis Ravensburg", "Lindau", "Oberallgäu"):
        assert any(k == "partOf" and part in (s, s.replace("Landkreis ", "")) and o == "Bodensee-Oberschwaben"
                   for k, s, o in facts), (part, facts)
    assert ("partOf", "Bodenseekreis", "Baden-Württemberg") in facts, facts
    assert any(k == "partOf" and "Oberallgäu" in s and o == "Bayern" for k, s, o in facts), facts


def test_a_district_that_signs_is_still_its_council():
    names = labels("Der Landkreis Ravensburg und die Stadt Ulm unterzeichneten eine Kooperationsvereinbarung.", "de",
                   "organisation")
    assert "Landkreis Ravensburg" in names, names


@pytest.mark.parametrize("language, text, name", [
    ("da", "Arbejdet finansieres af Innovationsfonden, som ikke selv er medlem.", "Innovationsfonden"),
    ("da", "Projektet støttes af Novo Nordisk Fonden.", "Novo Nordisk Fonden"),
])
def test_a_danish_foundation_in_one_word_is_an_organisation(language, text, name):
    assert name in labels(text, language, "organisation")


def test_the_group_word_before_a_member_list_is_no_name():
    text = "Konsortiets medlemmer efter 1. oktober:\n\n- Coloplast A/S, Humlebæk\n- Ambu A/S, Ballerup (nyt medlem)\n"
    assert labels(text, "da", "organisation") == {"Coloplast A/S", "Ambu A/S"}


def test_a_town_after_a_list_items_name_may_carry_a_note_in_brackets():
    facts = found("Medlemmer:\n\n- Ambu A/S, Ballerup (nyt medlem)\n- DTU Sundhedsteknologi, Kongens Lyngby "
                  "(koordinator)\n", "da")
    assert ("locatedIn", "Ambu A/S", "Ballerup") in facts, facts
    assert ("locatedIn", "DTU Sundhedsteknologi", "Kongens Lyngby") in facts, facts


def test_an_abbreviation_and_a_unit_named_after_it_stay_two_actors():
    text = ("Medlemmer:\n\n- DTU Sundhedsteknologi, Kongens Lyngby (koordinator)\n- Coloplast A/S, Humlebæk\n\n"
            "Konsortiet koordineres af DTU Sundhedsteknologi, som er et institut under Danmarks Tekniske "
            "Universitet (DTU) i Kongens Lyngby.")
    entities = {e.label: e for e in extract(document(text, "da")).entities if e.kind == "organisation"}
    assert {"DTU Sundhedsteknologi", "Danmarks Tekniske Universitet"} <= set(entities), sorted(entities)
    assert "DTU Sundhedsteknologi" not in entities["Danmarks Tekniske Universitet"].alt_labels


def test_a_head_borrowed_back_after_und_stays_in_the_name():
    names = labels("Beteiligt ist das Institut für Pflegewissenschaft und -praxis der Universität Salzburg.", "de",
                   "organisation")
    assert "Institut für Pflegewissenschaft und -praxis" in names, names


@pytest.mark.parametrize("text, region", [
    ("Partner kommen aus dem Berchtesgadener Land und aus Traunstein.", "Berchtesgadener Land"),
    ("Die Kliniken im Osnabrücker Land sind dabei.", "Osnabrücker Land"),
])
def test_a_towns_adjective_before_land_names_the_district_around_it(text, region):
    assert region in labels(text, "de", "region")


def test_a_country_named_after_a_small_town_is_not_read_as_its_land():
    assert "Holland" not in labels("Auch Health~Holland ist beteiligt.", "de", "region")


def test_a_header_of_two_parts_reads_as_its_topic_and_still_marks_the_coordinator():
    text = ("Members of the Stroke Rehab Network\n\n| Member | City | Role / main topic |\n|---|---|---|\n"
            "| Aarhus University Hospital | Aarhus | coordinator; stroke rehabilitation |\n"
            "| University of Gothenburg | Gothenburg | rehabilitation robotics |\n")
    facts = found(text, "en")
    assert ("coordinates", "Aarhus University Hospital", "Stroke Rehab Network") in facts, facts
    assert ("coordinates", "University of Gothenburg", "Stroke Rehab Network") not in facts, facts
    assert any(k == "focusesOn" and s == "University of Gothenburg" for k, s, _ in facts), facts


def test_a_dutch_ministry_written_in_lower_case_is_an_organisation():
    names = labels("Daarnaast stelt het ministerie van Volksgezondheid, Welzijn en Sport (VWS) middelen beschikbaar.",
                   "nl", "organisation")
    assert "ministerie van Volksgezondheid, Welzijn en Sport" in names, names


@pytest.mark.parametrize("language, text, towns", [
    ("nl", "In 2025 starten proeftuinen in Gorinchem, Leerdam en Zaltbommel.",
     {"Gorinchem", "Leerdam", "Zaltbommel"}),
    ("de", "Erprobt wird das Modell in den Modellregionen in Biberach und Ehingen.", {"Biberach", "Ehingen"}),
])
def test_towns_listed_after_a_word_for_pilot_sites_are_regions(language, text, towns):
    assert towns <= labels(text, language, "region")


@pytest.mark.parametrize("text, unit, parent", [
    ("The secretariat is run by the Faculty of Medicine of Vilnius University.", "Faculty of Medicine",
     "Vilnius University"),
    ("The Department of Clinical and Experimental Medicine of the University of Padova leads the trials.",
     "Department of Clinical and Experimental Medicine", "University of Padova"),
])
def test_an_english_unit_of_a_university_and_the_university_are_two_actors(text, unit, parent):
    names = labels(text, "en", "organisation")
    assert {unit, parent} <= names, names


def test_a_government_department_of_two_fields_stays_whole():
    assert "Department of Health and Social Care" in labels("The Department of Health and Social Care funds it.", "en",
                                                            "organisation")


def test_a_university_of_a_town_before_and_keeps_its_town():
    names = labels("Among them are the University of Southampton and Portsmouth Hospitals University NHS Trust.", "en",
                   "organisation")
    assert "University of Southampton" in names, names
