"""Rules written during the thirteenth held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.test_extraction_rules import document, facts as facts_of, found, labels


@pytest.mark.parametrize("language, text, name, short, full", [
    ("de", "Partner sind die MHH – Medizinische Hochschule Hannover und die Stadt Hannover.",
     "MHH – Medizinische Hochschule Hannover", "MHH", "Medizinische Hochschule Hannover"),
    ("de", "Die HSRT Reutlingen – Hochschule für Angewandte Wissenschaften unterzeichnete ebenfalls.",
     "HSRT Reutlingen – Hochschule für Angewandte Wissenschaften", "HSRT Reutlingen",
     "Hochschule für Angewandte Wissenschaften"),
    ("nl", "Ook Unizo – Unie van Zelfstandige Ondernemers ondertekende de verklaring.",
     "Unizo – Unie van Zelfstandige Ondernemers", "Unizo", "Unie van Zelfstandige Ondernemers"),
    ("en", "The partners include Sahlgrenska – The University Hospital of Gothenburg and two companies.",
     "Sahlgrenska – The University Hospital of Gothenburg", "Sahlgrenska", "University Hospital of Gothenburg"),
])
def test_a_short_name_and_a_dash_before_the_full_name_are_one_actor(language, text, name, short, full):
    entities = {e.label: e for e in extract(document(text, language)).entities}
    assert name in entities, sorted(entities)
    assert {short, full} <= entities[name].alt_labels


@pytest.mark.parametrize("language, text", [
    ("de", "Hamburg – Die Universität Hamburg und das UKE gründen ein Netzwerk."),
    ("de", "Pressemitteilung – Universität Leipzig startet ein Projekt zur Pflege."),
    ("en", "Bristol – University of Bristol and North Bristol NHS Trust sign a memorandum."),
])
def test_a_dateline_or_a_common_word_before_a_dash_is_no_short_name(language, text):
    assert not any("–" in label for label in labels(text, language, "organisation", "cluster"))


def test_an_abbreviation_after_and_is_an_actor_of_its_own():
    names = labels("The partners are the National Hospital of Malta and MCAST.", "en", "organisation")
    assert "National Hospital of Malta" in names and "MCAST" in names, names


@pytest.mark.parametrize("language, text, lead, cluster", [
    ("nl", "Tien partners richten het Netwerk Zorgtechnologie Kennemerland op. Het netwerk brengt zorg en "
           "techniek samen. Het Healthy Ageing Netwerk is penvoerder.", "Healthy Ageing Netwerk",
     "Netwerk Zorgtechnologie Kennemerland"),
    ("de", "Acht Partner gründen das Netzwerk Pflegetechnik Kassel. Das Netzwerk bündelt Forschung und Praxis. "
           "Der Cluster Gesundheitswirtschaft Nordhessen ist Koordinator.", "Cluster Gesundheitswirtschaft Nordhessen",
     "Netzwerk Pflegetechnik Kassel"),
])
def test_a_cluster_named_as_the_coordinator_leads_the_other_cluster(language, text, lead, cluster):
    facts = found(text, language)
    assert ("coordinates", lead, cluster) in facts, facts


@pytest.mark.parametrize("language, text, cluster, members", [
    ("de", "Acht Partner gründen das Netzwerk Pflegetechnik Kassel.\n\nDem Netzwerk gehören folgende Einrichtungen an:\n\n"
           "- die Universität Kassel,\n- das Klinikum Kassel GmbH,\n- die Stadt Kassel.\n",
     "Netzwerk Pflegetechnik Kassel", {"Universität Kassel", "Klinikum Kassel GmbH"}),
    ("en", "Six partners have formed the Bristol Care Robotics Network.\n\nThe network brings together the following "
           "organisations:\n\n- University of Bristol\n- North Bristol NHS Trust\n", "Bristol Care Robotics Network",
     {"University of Bristol", "North Bristol NHS Trust"}),
])
def test_items_under_the_following_organisations_are_members(language, text, cluster, members):
    facts = found(text, language)
    assert {s for k, s, o in facts if k == "memberOf" and o == cluster} >= members, facts


def test_all_founding_partners_signing_at_a_venue_are_the_listed_members():
    text = ("Acht Partner haben eine Kooperationsvereinbarung zur Gründung des Netzwerks Pflegetechnik Kassel "
            "unterzeichnet. Die Vereinbarung wurde im Rathaus der Stadt Kassel von Vertretern aller acht "
            "Gründungspartner unterschrieben.\n\nDem Netzwerk gehören folgende Einrichtungen an:\n\n"
            "- die Universität Kassel,\n- die Klinikum Kassel GmbH,\n- die Wicker Gruppe GmbH.\n")
    facts = found(text, "de")
    parties = {s for k, s, o in facts if k == "partyTo" and o.startswith("Kooperationsvereinbarung")}
    assert {"Universität Kassel", "Klinikum Kassel GmbH", "Wicker Gruppe GmbH"} <= parties, facts
    assert not any("Stadt Kassel" in p for p in parties), parties


@pytest.mark.parametrize("language, text, name, short", [
    ("de", "Mitglied ist die Gesellschaft für Wirtschaftsförderung Kassel mbH (Kassel Marketing).",
     "Gesellschaft für Wirtschaftsförderung Kassel mbH", "Kassel Marketing"),
    ("de", "Auch die Industrie- und Handelskammer zu Leipzig (IHK zu Leipzig) ist dabei.",
     "Industrie- und Handelskammer zu Leipzig", "IHK zu Leipzig"),
])
def test_a_short_name_in_brackets_that_shares_a_word_is_another_name(language, text, name, short):
    entities = {e.label: e for e in extract(document(text, language)).entities}
    assert name in entities and short in entities[name].alt_labels, sorted(entities)


def test_a_place_in_brackets_is_no_short_name():
    entities = {e.label: e for e in extract(document("Partner ist die Universität Leipzig (Sachsen).", "de")).entities}
    assert "Sachsen" not in entities.get("Universität Leipzig").alt_labels


def test_zu_before_a_place_belongs_to_the_name():
    names = labels("Partner sind die Universität zu Lübeck und das Land Schleswig-Holstein.", "de", "organisation")
    assert "Universität zu Lübeck" in names, names


def test_a_seat_after_a_comma_ends_the_name_and_places_the_actor():
    text = "Dem Netzwerk gehören folgende Einrichtungen an:\n\n- das Fraunhofer-Institut für Lasertechnik ILT, Aachen,\n- die Klinik Aachen.\n"
    facts = found(text, "de")
    assert "Fraunhofer-Institut für Lasertechnik ILT" in labels(text, "de", "organisation")
    assert ("locatedIn", "Fraunhofer-Institut für Lasertechnik ILT", "Aachen") in facts, facts


@pytest.mark.parametrize("text, district, alone", [
    ("Die Firma sitzt in Hamburg-Eppendorf.", "Hamburg-Eppendorf", "Eppendorf"),
    ("Das Labor liegt in Rostock-Warnemünde.", "Rostock-Warnemünde", "Warnemünde"),
])
def test_a_city_and_its_district_are_one_region(text, district, alone):
    regions = {e.label: e for e in extract(document(text, "de")).entities if e.kind == "region"}
    assert district in regions and alone in regions[district].alt_labels, sorted(regions)


@pytest.mark.parametrize("text", ["Die Kooperation Aachen-Maastricht wächst.", "Die Caritas der Diözese Graz-Seckau hilft."])
def test_two_cities_or_a_diocese_are_no_city_and_district(text):
    assert not any("-" in label for label in labels(text, "de", "region")), labels(text, "de", "region")


def test_a_contact_line_that_opens_with_a_town_names_no_person():
    text = "Ansprechpartnerin\nSvenja Holm\nProjektmanagerin\nKassel Marketing\nTel. +49 561 1234\n"
    assert "Kassel Marketing" not in labels(text, "de", "person")


def test_a_definite_agreement_of_another_kind_is_a_second_agreement():
    text = ("The project builds on a letter of intent that Lund University and Region Skåne signed in 2023. "
            "The consortium agreement was signed by Lund University, Region Skåne and Sony Mobile AB in 2024.")
    agreements = [e for e in extract(document(text, "en")).entities if e.kind == "agreement"]
    assert len(agreements) == 2, [(e.label, e.alt_labels) for e in agreements]


def test_a_definite_generic_agreement_word_refers_back():
    text = ("Lund University and Region Skåne signed a letter of intent in 2023. The agreement runs for three years.")
    agreements = [e for e in extract(document(text, "en")).entities if e.kind == "agreement"]
    assert len(agreements) == 1, [(e.label, e.alt_labels) for e in agreements]


@pytest.mark.parametrize("text", [
    "The partners develop a mobile app that patients use via the web.",
    "The framework agreement was signed by Umeå University and Telia Mobile AB.",
])
def test_a_contact_word_inside_a_sentence_makes_no_contact_line(text):
    from ingest.boilerplate import classify
    from ingest.sentences import split_sentences

    assert set(classify(split_sentences(text, "en")).values()) == {"body"}


@pytest.mark.parametrize("line", ["Tel. +49 381 1234", "Tlf.", "Mobil: 0151 2345678", "E-Mail: info@example.org",
                                  "Kontakt", "Weitere Informationen bei Frau Holm"])
def test_contact_labels_still_mark_contact_lines(line):
    from ingest.boilerplate import classify
    from ingest.sentences import split_sentences

    assert set(classify(split_sentences(line, "de")).values()) == {"contact"}


@pytest.mark.parametrize("language, text, cluster", [
    ("de", "Zehn Einrichtungen gründen das Netzwerk Pflege Nordhessen.\n\nZum Netzwerk Pflege Nordhessen gehören:\n\n"
           "- Universität Kassel, Kassel\n- Klinikum Kassel GmbH, Kassel\n", "Netzwerk Pflege Nordhessen"),
    ("nl", "Negen partners richten de Zorgalliantie Kennemerland op.\n\nDe alliantie bestaat uit:\n\n"
           "- Spaarne Gasthuis\n- Hogeschool Inholland\n", "Zorgalliantie Kennemerland"),
])
def test_items_under_a_heading_ending_in_a_membership_verb_are_members(language, text, cluster):
    result = extract(document(text, language))
    target = next(e.key for e in result.entities if e.label == cluster)
    members = {r.subject for r in result.relations if r.kind == "memberOf" and r.object == target}
    assert len(members) == 2, members  # two entities (one may have two labels: "Inholland" too)


def test_a_state_after_a_hyphen_makes_another_actor():
    names = labels("Partner sind die Kassenärztliche Vereinigung Sachsen und die Kassenärztliche Vereinigung "
                   "Sachsen-Anhalt.", "de", "organisation")
    assert {"Kassenärztliche Vereinigung Sachsen", "Kassenärztliche Vereinigung Sachsen-Anhalt"} <= names, names


@pytest.mark.parametrize("text, name", [
    ("Beteiligt ist die Klinik und Poliklinik für Neurologie des Klinikums.", "Klinik und Poliklinik für Neurologie"),
    ("Das Staatsministerium für Soziales und Gesellschaftlichen Zusammenhalt fördert das Projekt.",
     "Staatsministerium für Soziales und Gesellschaftlichen Zusammenhalt"),
    ("Gefördert wird es vom Ministerium für Wirtschaft, Arbeit, Energie und Verkehr des Landes Niedersachsen.",
     "Ministerium für Wirtschaft, Arbeit, Energie und Verkehr des Landes Niedersachsen"),
])
def test_long_german_institution_names_are_read_whole(text, name):
    assert name in labels(text, "de", "organisation"), labels(text, "de", "organisation")


def test_a_committee_is_an_organisation():
    names = labels("Gefördert wird das Vorhaben vom Gemeinsamen Bundesausschuss (G-BA).", "de", "organisation")
    assert any("Bundesausschuss" in n for n in names), names


def test_a_compound_cluster_word_before_a_name_gives_the_name_alone():
    text = ("Acht Kliniken gründen den Versorgungsverbund HerzWerk Nordhessen. Das HerzWerk Nordhessen wird von der "
            "Universität Kassel koordiniert.")
    clusters = [e for e in extract(document(text, "de")).entities if e.kind == "cluster"]
    assert len(clusters) == 1 and "HerzWerk Nordhessen" in clusters[0].alt_labels | {clusters[0].label}, clusters


@pytest.mark.parametrize("language, text", [
    ("de", "Flankiert wird das Netzwerk von einer Absichtserklärung. Das Klinikum Kassel und die Universität Kassel haben "
           "darin vereinbart, Daten zu teilen."),
    ("en", "The network is backed by a memorandum of understanding. Lund University and Skåne University Hospital have agreed in it "
           "to share data."),
])
def test_actors_that_agreed_therein_are_parties_of_the_agreement_before(language, text):
    facts = found(text, language)
    assert len({s for k, s, o in facts if k == "partyTo"}) == 2, facts


def test_a_press_sub_heading_inside_a_contact_box_keeps_its_person(tmp_path):
    from ingest.documents import read_document

    path = tmp_path / "nyhed.html"
    article = "<p>" + "Seks parter har underskrevet en samarbejdsaftale om telemedicin i Region Sjælland. " * 3 + "</p>"
    path.write_text(
        f"<html><body><main><article>{article}</article></main><aside><section><h2>Kontakt</h2>"
        "<p><strong>Mette Vang</strong><br>Specialkonsulent, Aarhus Universitet<br>Telefon: +45 87 15 00 00</p>"
        "<h3>Presse</h3><p><strong>Ole Brandt</strong><br>Pressechef, Vejle Kommune<br>Mobil: +45 22 41 07 53</p>"
        "</section></aside></body></html>", encoding="utf-8")
    read = facts_of(extract(read_document(path)))
    assert ("affiliatedWith", "Ole Brandt", "Vejle Kommune") in read, read


def test_signing_in_danish_word_order_and_the_parties_named_after():
    text = ("Otte parter har underskrevet en hensigtserklæring om sundhedsdata. Fra dansk side har Region Midtjylland "
            "og Aarhus Universitet skrevet under. Fra tysk side er parterne Universität Hamburg og Asklepios Kliniken "
            "GmbH.")
    facts = found(text, "da")
    parties = {s for k, s, o in facts if k == "partyTo"}
    assert {"Aarhus Universitet", "Universität Hamburg", "Asklepios Kliniken GmbH"} <= parties, facts


def test_a_compound_ending_in_organisation_introduces_a_name_but_a_cluster_compound_stays_a_cluster():
    text = ("Også investeringsfremmeorganisationen Capital Invest Partners deltager, sammen med klyngeorganisationerne "
            "Welfare Tech og BioInnovation Syd.")
    extraction = extract(document(text, "da"))
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds.get("Capital Invest Partners") == "organisation", kinds
    assert kinds.get("Welfare Tech") == "cluster", kinds


@pytest.mark.parametrize("language, text, local, foreign", [
    ("da", "Parterne vil etablere Sundhedsnetværket Aarhus–Kiel. Netværket, der på tysk får navnet Gesundheitsnetzwerk "
           "Aarhus–Kiel, får sekretariat i Kiel.", "Sundhedsnetværket Aarhus–Kiel", "Gesundheitsnetzwerk Aarhus–Kiel"),
    ("nl", "De partners richten het Zorgnetwerk Venlo–Krefeld op, in het Duits genaamd Gesundheitsnetzwerk "
           "Venlo–Krefeld.", "Zorgnetwerk Venlo–Krefeld", "Gesundheitsnetzwerk Venlo–Krefeld"),
])
def test_a_name_given_in_another_language_is_the_same_cluster(language, text, local, foreign):
    clusters = [e for e in extract(document(text, language)).entities if e.kind == "cluster"]
    assert len(clusters) == 1 and {local, foreign} <= clusters[0].alt_labels | {clusters[0].label}, clusters


def test_a_secretariat_shared_between_two_organisations_is_led_by_both():
    text = ("Tre regioner danner Sundhedsnetværket Aarhus–Kiel. Sekretariatet deles mellem Aarhus Universitet og "
            "Kiel Marketing GmbH.")
    facts = found(text, "da")
    leads = {s for k, s, o in facts if k == "coordinates" and o == "Sundhedsnetværket Aarhus–Kiel"}
    assert {"Aarhus Universitet", "Kiel Marketing GmbH"} <= leads, facts


def test_signatories_named_after_a_founding_agreement_are_members_of_what_it_founds():
    text = ("A cooperation agreement signed in Aarhus launches the Aarhus–Oslo Care Corridor (AOCC). On the Danish "
            "side, the signatories are Aarhus University and Region Midtjylland. The Norwegian signatories are "
            "Oslo University Hospital and the University of Oslo.")
    facts = found(text, "en")
    members = {s for k, s, o in facts if k == "memberOf" and o == "Aarhus–Oslo Care Corridor"}
    assert {"Aarhus University", "Oslo University Hospital", "University of Oslo"} <= members, facts


@pytest.mark.parametrize("text, name", [
    ("The technology transfer office Vestlandets Innovasjonsselskap (VIS) takes part.", "Vestlandets Innovasjonsselskap"),
    ("Almi Företagspartner Väst AB and Västsvenska Handelsbolag take part.", "Västsvenska Handelsbolag"),
])
def test_nordic_company_words_end_a_name(text, name):
    assert name in labels(text, "en", "organisation"), labels(text, "en", "organisation")


def test_headquartered_in_places_an_actor():
    facts = found("The Danish health cluster MedTech Denmark, headquartered in Aarhus, has joined.", "en")
    assert any(k == "locatedIn" and s == "MedTech Denmark" for k, s, o in facts), facts


def test_a_rare_first_word_alone_is_the_one_institution_it_opens():
    text = ("Chalmers University of Technology and Lund University signed. From Chalmers, the Department of Life "
            "Sciences contributes. Aarhus University and the city of Aarhus host it.")
    entities = {e.label: e for e in extract(document(text, "en")).entities}
    assert "Chalmers" in entities["Chalmers University of Technology"].alt_labels, sorted(entities)
    assert "Aarhus" not in entities["Aarhus University"].alt_labels


def test_a_word_that_opens_two_institutions_stays_apart():
    text = "Sahlgrenska University Hospital and Sahlgrenska Academy signed. Sahlgrenska hosts the meeting."
    entities = {e.label: e for e in extract(document(text, "en")).entities}
    assert not any("Sahlgrenska" in e.alt_labels for e in entities.values()), sorted(entities)


def test_an_actor_that_coordinates_the_corridor_leads_it():
    text = ("Nine partners launched the Oslo–Aarhus Health Corridor (OAHC). Aarhus Science Park, based in Aarhus, "
            "coordinates the corridor and hosts its secretariat.")
    assert ("coordinates", "Aarhus Science Park", "Oslo–Aarhus Health Corridor") in found(text, "en")


@pytest.mark.parametrize("language, text, name", [
    ("nl", "Tien organisaties richten de Coalitie Zorginnovatie Kennemerland op.", "Coalitie Zorginnovatie Kennemerland"),
    ("en", "Six councils formed the Cornwall Care Technology Coalition last year.", "Cornwall Care Technology Coalition"),
])
def test_a_coalition_is_a_cluster(language, text, name):
    assert name in labels(text, language, "cluster"), labels(text, language, "cluster")


def test_an_acronym_ending_a_list_of_common_nouns_is_no_project():
    text = ("Het gaat om thuismonitoring van mensen met hartfalen en COPD, een project waarin het Spaarne Gasthuis "
            "en de huisartsen al samenwerken.")
    assert "COPD" not in labels(text, "nl", "cluster", "organisation")


def test_a_coined_one_word_name_found_again_alone_is_the_same_actor():
    text = ("De intentieverklaring is ondertekend door:\n\n- Zorgburo Kennemerland\n- Amstelring\n\n"
            "Amstelring is gevestigd in Amsterdam.")
    facts = found(text, "nl")
    assert ("locatedIn", "Amstelring", "Amsterdam") in facts, facts


def test_a_definite_cluster_word_is_no_coined_name():
    text = ("Dansk-Polsk Partnerskab for Sund Aldring blev stiftet i 2023. Partnerskabet arbejder med telemedicin. "
            "Partnerskabet har otte medlemmer.")
    assert not any(label.casefold() == "partnerskabet" for label in labels(text, "da", "cluster", "organisation"))


def test_all_partners_listed_in_a_table_sign_the_agreement_they_signed_as_a_group():
    text = ("The project is run by the Fenland Falls Consortium (FFC). A consortium agreement was signed by all three "
            "partners in 2024.\n\nPartners\n\nPartner | Location | Role\n"
            "University of Cambridge | Cambridge | Coordinator\nAnglia Ruskin University | Chelmsford | Sensors\n"
            "Cambridgeshire County Council | Cambridge | Social care\n")
    facts = found(text, "en")
    parties = {s for k, s, o in facts if k == "partyTo"}
    assert {"University of Cambridge", "Anglia Ruskin University", "Cambridgeshire County Council"} <= parties, facts


@pytest.mark.parametrize("name", ["East Midlands", "West Midlands", "Yorkshire and the Humber"])
def test_the_statistical_regions_of_england_are_regions(name):
    assert name in labels(f"The network has partners across the {name}.", "en", "region")


@pytest.mark.parametrize("language, text, name", [
    ("nl", "In Noord-Holland Noord groeit het aantal ouderen snel.", "Noord-Holland Noord"),
    ("de", "Die Kliniken in Niedersachsen Ost arbeiten zusammen.", "Niedersachsen Ost"),
])
def test_a_province_with_a_compass_word_after_it_is_a_region(language, text, name):
    assert name in labels(text, language, "region"), labels(text, language, "region")


def test_an_english_title_in_a_danish_text_is_a_role_and_its_unit_no_cluster():
    text = ("Fem virksomheder er blevet medlem af netværket. - Vi vil gerne samarbejde mere, siger Jakob Holm, "
            "Director, Clinical Partnerships i Coloplast A/S.")
    assert "Director" not in labels(text, "da", "organisation", "cluster")
    assert "Clinical Partnerships" not in labels(text, "da", "cluster")


def test_a_bracketed_abbreviation_after_a_legal_forms_dot_is_another_name():
    entities = extract(document("Das Netzwerk Pflege Kassel e.V. (NPK) wächst. NPK hat 40 Mitglieder.", "de")).entities
    assert any("NPK" in e.alt_labels for e in entities if e.kind == "cluster"), [(e.label, e.alt_labels) for e in entities]


@pytest.mark.parametrize("language, text, cluster", [
    ("de", "Das Netzwerk Pflege Kassel wächst.\n\nNeu im Netzwerk sind:\n\n- Klinikum Kassel GmbH\n- Universität Kassel\n",
     "Netzwerk Pflege Kassel"),
    ("en", "The Bristol Care Network keeps growing.\n\nNew to the network are:\n\n- University of Bristol\n"
           "- North Bristol NHS Trust\n", "Bristol Care Network"),
])
def test_items_under_new_in_the_network_are_members(language, text, cluster):
    facts = found(text, language)
    assert len({s for k, s, o in facts if k == "memberOf" and o == cluster}) == 2, facts


def test_founders_counted_as_institutions_and_named_in_the_next_sentence_are_members():
    text = ("Gegründet wurde das Netzwerk Pflege Kassel im Jahr 2021 von acht Einrichtungen. Zu ihnen zählen die "
            "Universität Kassel und die Klinikum Kassel GmbH.")
    facts = found(text, "de")
    assert {s for k, s, o in facts if k == "memberOf"} >= {"Universität Kassel", "Klinikum Kassel GmbH"}, facts


def test_an_office_run_by_an_organisation_makes_it_the_coordinator():
    text = ("Das Netzwerk Pflege Kassel hat 40 Mitglieder. Die Geschäftsstelle des Vereins wird von der "
            "Kassel Marketing GmbH geführt.")
    assert ("coordinates", "Kassel Marketing GmbH", "Netzwerk Pflege Kassel") in found(text, "de")
