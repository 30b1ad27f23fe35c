"""Relation rules generalised from the seventh held-out set's misses, each on a short text written for
these tests (not taken from the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.test_extraction_rules import document, facts, found, has



@pytest.mark.parametrize("language, text", [
    ("de", "Kiel, 3. März 2025\n\nAm Dienstag haben acht Einrichtungen eine Absichtserklärung unterzeichnet. "
           "Das neue Netzwerk soll die Telemedizin an der Küste stärken.\n\nUnterzeichnet haben:\n\n"
           "- Universität Rostock\n\n- Hochschule Stralsund\n\n- Klinikum Südstadt Rostock\n"),
    ("nl", "Zwolle, 3 maart 2025\n\nDinsdag is een intentieverklaring getekend door acht partijen. Het netwerk "
           "richt zich op telezorg.\n\nOndertekend door:\n\n- Universiteit Twente\n- Hogeschool Windesheim\n"
           "- Isala Ziekenhuis\n"),
])
def test_items_under_a_signatories_heading_after_the_signing_sentence_are_parties(language, text):
    facts_ = found(text, language)
    for party in {"de": ("Universität Rostock", "Hochschule Stralsund"),
                  "nl": ("Universiteit Twente", "Hogeschool Windesheim")}[language]:
        assert any(k == "partyTo" and party in s for k, s, o in facts_), (party, facts_)


def test_a_role_compound_with_a_head_of_office_gives_the_affiliation():
    text = ("„Wir wollen schneller werden“, sagte Prof. Dr. Karin Albers, Vizepräsidentin für Transfer der "
            "Universität Rostock.")
    assert has(found(text, "de"), "affiliatedWith", "Karin Albers", "Universität Rostock")


@pytest.mark.parametrize("language, text, party", [
    ("nl", "Met een samenwerkingsovereenkomst tussen zes partners is het project ZorgGrens gestart. "
           "De Universiteit Gent is penvoerder. Verder ondertekenden het Universitair Ziekenhuis Gent en de "
           "Hogeschool Zeeland.", "Hogeschool Zeeland"),
    ("en", "Five partners signed a memorandum of understanding on remote care. Queen's University Belfast "
           "leads the work. Also signing were Ulster University and the Western Health Board.", "Ulster University"),
])
def test_a_signing_sentence_without_an_agreement_word_adds_parties_to_the_last_agreement(language, text, party):
    facts_ = found(text, language)
    assert any(k == "partyTo" and party in s for k, s, o in facts_), facts_


def test_joining_a_network_is_no_signing():
    text = ("Die Kooperationsvereinbarung des Netzwerks Pflege Digital wurde von der Universität Kassel und der "
            "Hochschule Fulda unterzeichnet. Als erstes Unternehmen ist die Caresoft GmbH dem Netzwerk beigetreten.")
    facts_ = found(text, "de")
    assert not any(k == "partyTo" and "Caresoft" in s for k, s, o in facts_), facts_


@pytest.mark.parametrize("language, text, member, cluster", [
    ("nl", "Het Interreg-project ZorgGrens brengt telezorg over de grens. Aan Nederlandse kant doen de "
           "Hogeschool Zeeland en het Erasmus MC mee.", "Hogeschool Zeeland", "ZorgGrens"),
    ("de", "Das Netzwerk Pflege Digital verbindet Kliniken und Hochschulen. Auf hessischer Seite beteiligen "
           "sich die Universität Kassel und die Hochschule Fulda.", "Hochschule Fulda", "Pflege Digital"),
    ("en", "The project CareLink connects hospitals on both sides of the border. Ulster University and "
           "Dundalk Institute of Technology take part as research partners.", "Ulster University", "CareLink"),
])
def test_actors_that_take_part_are_members_of_the_cluster_the_page_is_about(language, text, member, cluster):
    assert has(found(text, language), "memberOf", member, cluster)


def test_a_dutch_institution_word_heads_a_name():
    from tests.test_extraction_names_heldout6 import _entities

    found_ = _entities("De Vlaamse Instelling voor Technologisch Onderzoek (VITO) doet mee.", "nl")
    assert ("organisation", "Vlaamse Instelling voor Technologisch Onderzoek") in found_, found_


def test_an_en_dash_between_two_names_keeps_a_cross_border_name_whole():
    from tests.test_extraction_names_heldout6 import _entities

    text = "Scotland and Norway have set up the Scotland–Norway Digital Care Partnership this week."
    assert ("cluster", "Scotland–Norway Digital Care Partnership") in _entities(text, "en")


def test_the_partnership_names_the_cluster_called_partnership_however_far_back():
    text = ("Two agencies have set up the Baltic Digital Care Partnership. "
            "Tallinn Health Cluster has 40 members. It works with the Riga Medtech Cluster. "
            "The Riga Medtech Cluster has 30 members. It was founded in 2015. It is based in Riga.\n\n"
            "The following organisations have joined the partnership as founding members:\n\n"
            "- Tartu University Hospital\n- Vilnius University\n")
    facts_ = found(text, "en")
    assert has(facts_, "memberOf", "Vilnius University", "Baltic Digital Care Partnership"), facts_
    assert not has(facts_, "memberOf", "Vilnius University", "Riga Medtech Cluster"), facts_


@pytest.mark.parametrize("text, person, organisation", [
    ("The agreement was signed by Tallinn Health Cluster's managing director, Anna Tamm, on Monday.",
     "Anna Tamm", "Tallinn Health Cluster"),
    ("Riga Medtech Cluster' CEO Peter Berzins welcomed the partners.", "Peter Berzins", "Riga Medtech Cluster"),
])
def test_an_organisations_possessive_before_a_role_gives_the_persons_affiliation(text, person, organisation):
    assert has(found(text, "en"), "affiliatedWith", person, organisation)


def test_a_passive_signing_sentence_ending_in_by_and_a_colon_lists_the_parties():
    text = ("Fem parter har underskrevet en hensigtserklæring om telemedicin.\n\n"
            "Hensigtserklæringen blev underskrevet mandag på rådhuset i Holbæk af:\n\n"
            "- Holbæk Kommune\n\n- Roskilde Universitet\n\n- Professionshøjskolen Absalon\n")
    facts_ = found(text, "da")
    for party in ("Roskilde Universitet", "Professionshøjskolen Absalon"):
        assert any(k == "partyTo" and party in s for k, s, o in facts_), (party, facts_)


def test_a_danish_definite_agreement_word_refers_back_and_list_items_name_every_party():
    text = ("Fem parter har underskrevet en hensigtserklæring, der opretter Netværk for Telemedicin Vestsjælland.\n\n"
            "Hensigtserklæringen blev underskrevet mandag på rådhuset i Holbæk af:\n\n"
            "- Region Sjælland\n\n- Holbæk Kommune og Kalundborg Kommune\n\n- Roskilde Universitet\n")
    extraction = extract(document(text, "da"))
    assert len([e for e in extraction.entities if e.kind == "agreement"]) == 1
    facts_ = facts(extraction)
    for party in ("Region Sjælland", "Holbæk Kommune", "Kalundborg Kommune", "Roskilde Universitet"):
        assert any(k == "partyTo" and s == party for k, s, o in facts_), (party, facts_)
    assert has(facts_, "memberOf", "Kalundborg Kommune", "Netværk for Telemedicin Vestsjælland"), facts_


def test_these_partners_signed_names_the_actors_of_the_sentence_before_as_parties():
    text = ("Het netwerk bouwt voort op het Zorglab Twente, waarin de Universiteit Twente, het Medisch Spectrum "
            "Twente en de Saxion Hogeschool al samenwerken. Deze drie partners hebben het convenant ondertekend, "
            "evenals de Hogeschool Windesheim. Ook de provincie Overijssel heeft getekend.")
    facts_ = found(text, "nl")
    for party in ("Universiteit Twente", "Medisch Spectrum Twente", "Hogeschool Windesheim", "Overijssel"):
        assert any(k == "partyTo" and party in s for k, s, o in facts_), (party, facts_)


def test_a_plural_dutch_school_word_heads_a_name():
    from tests.test_extraction_names_heldout6 import _entities

    assert ("organisation", "Fontys Hogescholen") in _entities("Ook Fontys Hogescholen doet mee.", "nl")


def test_a_project_named_in_capitals_with_an_appositive_and_its_partners_under_a_long_heading():
    text = ("Lapland University of Applied Sciences is to lead ARCTICARE, a new €1.8 million project funded by the "
            "Interreg Aurora Programme.\n\nAs lead partner, the university is joined by five partners from Finland, "
            "Sweden and Norway:\n\n- Region Norrbotten and Luleå University of Technology;\n"
            "- the University of Tromsø;\n")
    facts_ = found(text, "en")
    assert has(facts_, "memberOf", "Luleå University of Technology", "ARCTICARE"), facts_
    assert has(facts_, "memberOf", "University of Tromsø", "ARCTICARE"), facts_


def test_a_research_role_before_at_gives_the_affiliation():
    text = '"We bring the scanner to the patient," said Dr Anna Berg, senior research fellow at Umeå University.'
    assert has(found(text, "en"), "affiliatedWith", "Anna Berg", "Umeå University")


def test_a_person_right_after_an_organisation_is_no_part_of_its_name_and_holds_the_role():
    text = ("Aftalen blev underskrevet af hospitalsdirektør for Odense Universitetshospital Helle Brandt Lund og "
            "Mette Holm, prorektor ved Syddansk Universitet.")
    extraction = extract(document(text, "da"))
    assert any(e.kind == "organisation" and e.label == "Odense Universitetshospital" for e in extraction.entities)
    assert has(facts(extraction), "affiliatedWith", "Helle Brandt Lund", "Odense Universitetshospital")


def test_a_town_after_a_danish_seat_phrase_is_a_region():
    from ingest.regions import find_regions

    assert [m.text for m in find_regions("Ropox A/S, der har hovedsæde i Næstved, deltager.", "da")] == ["Næstved"]


@pytest.mark.parametrize("language, text, concept", [
    ("de", "Das Netzwerk entwickelt Pflegerobotik für Heime in der Eifel.", "care-robotics"),
    ("da", "Partnerskabet tester rehabiliteringsrobotter på tre sygehuse.", "rehabilitation-robotics"),
    ("en", "The cluster brings assistive robots into care homes.", "care-robotics"),
    ("da", "Netværket skal gøre hjemmemonitorering til en fast del af behandlingen.", "remote-patient-monitoring"),
    ("da", "Hospitalet tilbyder videokonsultationer med speciallæger.", "video-consultation"),
    ("nl", "Het project ontwikkelt revalidatie op afstand voor hartpatiënten.", "telerehabilitation"),
])
def test_care_robotics_and_the_kinds_of_telemedicine_are_fields_of_their_own(language, text, concept):
    from ingest.places import find_places
    from ingest.sentences import split_sentences

    fields = [c for c in find_places(text, language, split_sentences(text, language)) if c.kind == "field"]
    assert any(c.record.concept.endswith("/" + concept) for c in fields), [(c.label, c.record) for c in fields]


def test_the_signatories_named_a_few_sentences_after_the_signing_and_those_added_next():
    text = ("Am Montag haben fünf Einrichtungen in Kiel eine Kooperationsvereinbarung unterzeichnet. "
            "Das Universitätsklinikum Kiel ist Leadpartner.\n\n"
            "Zu den Unterzeichnern gehören neben dem Klinikum die Universität Rostock und die Hochschule Stralsund. "
            "Hinzu kommen die Fachhochschule Kiel und die Universität Greifswald.")
    facts_ = found(text, "de")
    for party in ("Universität Rostock", "Fachhochschule Kiel", "Universität Greifswald"):
        assert any(k == "partyTo" and party in s for k, s, o in facts_), (party, facts_)


@pytest.mark.parametrize("language, text, person, organisation", [
    ("da", "Lektor Mette Friis Holm (Københavns Professionshøjskole) peger på behovet.", "Mette Friis Holm",
     "Københavns Professionshøjskole"),
    ("da", "Ledende overlæge på Holbæk Sygehus Jens Lund Madsen ser projektet som et skridt frem.", "Jens Lund Madsen",
     "Holbæk Sygehus"),
    ("nl", "Lector Femke de Wit (Hanzehogeschool Groningen) leidt het onderzoek.", "Femke de Wit",
     "Hanzehogeschool Groningen"),
])
def test_teaching_and_clinical_roles_mark_persons_and_their_organisations(language, text, person, organisation):
    assert has(found(text, language), "affiliatedWith", person, organisation)


def test_a_place_after_a_bracketed_abbreviation_locates_the_actor():
    text = "Aan Nederlandse kant doen het Maasstad Ziekenhuis (MZ) in Rotterdam en de Hogeschool Zeeland mee."
    assert has(found(text, "nl"), "locatedIn", "Maasstad Ziekenhuis", "Rotterdam")


def test_the_person_of_an_html_contact_box_is_affiliated_with_its_organisation(tmp_path):
    from ingest.documents import read_document
    from ingest.language import detect_language

    path = tmp_path / "news.html"
    path.write_text(
        "<html><body><main><article><p>" + "The partners signed a memorandum of understanding on care "
        "robotics in Cardiff today. " * 3 + "</p></article><aside><h3>Media enquiries</h3><p>Ceri Morgan<br>"
        "Communications Manager, Life Sciences Hub Wales<br>029 2046 7031<br>media@example.org</p></aside>"
        "</main></body></html>", encoding="utf-8")
    doc = read_document(path)
    doc = document(doc.text, detect_language(doc.text))
    assert has(facts(extract(doc)), "affiliatedWith", "Ceri Morgan", "Life Sciences Hub Wales")
