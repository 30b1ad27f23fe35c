"""Rules written during the twenty-fourth held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.test_extraction_rules import document, found, labels


# -- agreements and parties -----------------------------------------------------------------------
@pytest.mark.parametrize("text, language, agreement, joined", [
    ("Die Kooperationsvereinbarung unterzeichneten im Mai die Universität Passau und das Klinikum Deggendorf. "
     "Für Tschechien traten die Westböhmische Universität Pilsen und das Krankenhaus Klatovy bei.",
     "de", "Kooperationsvereinbarung", "Krankenhaus Klatovy"),
    ("Die Absichtserklärung unterzeichneten die Universität Passau und das Klinikum Deggendorf. "
     "Später sind auch die Hochschule Landshut und das Klinikum Straubing beigetreten.",
     "de", "Absichtserklärung", "Hochschule Landshut"),
    ("De samenwerkingsovereenkomst werd ondertekend door de Universiteit Twente en het Medisch Spectrum Twente. "
     "Later traden ook de gemeente Enschede en de GGD Twente toe.", "nl", "samenwerkingsovereenkomst",
     "GGD Twente"),
    ("Aftalen blev underskrevet af Vejle Kommune og Vejle Sygehus. Senere tilsluttede UC Lillebælt og Fredericia "
     "Kommune sig.", "da", "Aftalen", "UC Lillebælt"),
    ("The memorandum was signed by Keele University and the University Hospitals of North Midlands NHS Trust. "
     "Staffordshire County Council and Stoke-on-Trent College joined later.", "en", "memorandum",
     "Staffordshire County Council"),
])
def test_who_joins_right_after_a_signing_naming_nothing_joined_is_a_party(text, language, agreement, joined):
    assert ("partyTo", joined, agreement) in found(text, language)


def test_who_joins_a_named_network_after_a_signing_is_no_party():
    text = ("Die Kooperationsvereinbarung unterzeichneten die Universität Passau und das Klinikum Deggendorf. "
            "2024 traten die Stadt Straubing und das Klinikum Straubing dem Netzwerk bei.")
    assert not {f for f in found(text, "de") if f[0] == "partyTo" and "Straubing" in f[1]}


@pytest.mark.parametrize("text, language, party", [
    ("Den Kooperationsvertrag unterschrieben haben:\n- die Medizinische Universität Graz,\n- die Technische "
     "Universität Graz.", "de", "Technische Universität Graz"),
    ("De overeenkomst ondertekend hebben:\n- Ziekenhuis Amstelland,\n- de Hogeschool van Amsterdam.", "nl",
     "Ziekenhuis Amstelland"),
])
def test_a_signing_verb_and_its_auxiliary_before_a_colon_open_the_parties(text, language, party):
    assert any(f[0] == "partyTo" and f[1] == party for f in found(text, language))


@pytest.mark.parametrize("text, language, agreement, party", [
    ("Sechs Einrichtungen aus der Steiermark haben eine Absichtserklärung zur Gründung des Netzwerks Pflege "
     "Digital Steiermark unterzeichnet.\n\nDen Letter of Intent unterschrieben:\n- die Medizinische Universität Graz,"
     "\n- die Technische Universität Graz.", "de",
     "Absichtserklärung zur Gründung des Netzwerks Pflege Digital Steiermark", "Technische Universität Graz"),
    ("Vijf partners uit Twente ondertekenden een intentieverklaring voor het Zorgnetwerk Twente Thuis.\n\n"
     "De letter of intent werd ondertekend door:\n- Medisch Spectrum Twente,\n- de Universiteit Twente.", "nl",
     "intentieverklaring voor het Zorgnetwerk Twente Thuis", "Universiteit Twente"),
])
def test_a_letter_of_intent_refers_back_to_a_declaration_of_intent(text, language, agreement, party):
    agreements = [e for e in extract(document(text, language)).entities if e.kind == "agreement"]
    assert len(agreements) == 1 and ("partyTo", party, agreement) in found(text, language)


# -- resolution -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, language, names", [
    ("Das Netzwerk Pflege Digital Steiermark wurde in Graz gegründet. Pflege Digital Steiermark verbindet "
     "Kliniken und Hochschulen.", "de", {"Netzwerk Pflege Digital Steiermark", "Pflege Digital Steiermark"}),
    ("Het netwerk Zorg Dichtbij Twente is opgericht door de Universiteit Twente. Zorg Dichtbij Twente verbindt "
     "ziekenhuizen en gemeenten.", "nl", {"netwerk Zorg Dichtbij Twente", "Zorg Dichtbij Twente"}),
])
def test_a_cluster_word_before_a_name_and_the_name_alone_are_one_cluster(text, language, names):
    clusters = [e for e in extract(document(text, language)).entities if e.kind in ("cluster", "organisation")
                and names & {e.label, *e.alt_labels}]
    assert len(clusters) == 1 and clusters[0].kind == "cluster"


def test_a_district_after_a_compound_cluster_word_stays_the_district():
    text = ("Der Gesundheitsverbund Landkreis Tübingen gGmbH und der Landkreis Tübingen unterzeichneten die "
            "Kooperationsvereinbarung.")
    parties = {f[1] for f in found(text, "de") if f[0] == "partyTo"}
    assert {"Landkreis Tübingen", "Gesundheitsverbund Landkreis Tübingen gGmbH"} <= parties


def test_fh_and_fachhochschule_of_one_place_are_one_organisation():
    text = ("Die Fachhochschule Salzburg und die Paracelsus Medizinische Privatuniversität unterzeichneten den "
            "Kooperationsvertrag. Die FH Salzburg übernimmt die Koordination.")
    organisations = [e for e in extract(document(text, "de")).entities
                     if e.kind == "organisation" and "Salzburg" in e.label]
    assert len(organisations) == 1 and "FH Salzburg" in {organisations[0].label, *organisations[0].alt_labels}


# -- names ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, language, cluster", [
    ("De gemeente Zwolle en Isala openen de Proeftuin Leven op Afstand.", "nl", "Proeftuin Leven op Afstand"),
    ("Das Reallabor Pflege Ostwestfalen wurde von der Universität Bielefeld und der Stadt Bielefeld gegründet.",
     "de", "Reallabor Pflege Ostwestfalen"),
    ("Het ThuisZorgLab Kempen is een samenwerking van de stad Turnhout en AZ Turnhout.", "nl",
     "ThuisZorgLab Kempen"),
    ("Velfærdslab Horsens er et samarbejde mellem Horsens Kommune og Regionshospitalet Horsens.", "da",
     "Velfærdslab Horsens"),
])
def test_a_test_ground_or_a_care_lab_names_a_cluster(text, language, cluster):
    assert cluster in labels(text, language, "cluster")


@pytest.mark.parametrize("text, language", [
    ("Das Fablab der Hochschule Ulm steht allen offen.", "de"),
    ("The Citylabs 1.0 building houses the network's office.", "en"),
])
def test_a_lab_of_no_care_names_no_cluster(text, language):
    assert not labels(text, language, "cluster")


def test_a_cluster_word_and_a_place_after_in_name_no_cluster():
    text = "Proeftuin in Den Haag Zuidwest\n\nVoor de periode ontvangt het netwerk een bijdrage van ZonMw."
    assert not labels(text, "nl", "cluster")


@pytest.mark.parametrize("text, language, party, cluster", [
    ("In Zwolle is de samenwerkingsovereenkomst voor de Proeftuin Leven op Afstand ondertekend.\n\n"
     "Met hun handtekening richten de volgende partijen de proeftuin op:\n- Isala\n- Gemeente Zwolle\n- Zilveren Kruis",
     "nl", "Gemeente Zwolle", "Proeftuin Leven op Afstand"),
    ("In Bielefeld wurde die Kooperationsvereinbarung für das Reallabor Pflege Ostwestfalen unterzeichnet.\n\n"
     "Mit ihrer Unterschrift gründen folgende Partner das Reallabor:\n- Universität Bielefeld\n- Stadt Bielefeld\n"
     "- Evangelisches Klinikum Bethel", "de", "Evangelisches Klinikum Bethel", "Reallabor Pflege Ostwestfalen"),
])
def test_a_heading_of_signatures_opens_the_parties_of_the_agreement_before(text, language, party, cluster):
    facts = found(text, language)
    assert any(f[0] == "partyTo" and f[1] == party for f in facts) and ("memberOf", party, cluster) in facts


# -- persons ----------------------------------------------------------------------------------------
def test_a_particle_before_a_name_that_a_region_ends_leads_to_the_employer():
    text = "De projectleiding ligt bij Sanne Mulder van Kompas Drenthe."
    assert labels(text, "nl", "person") == {"Sanne Mulder"}


def test_a_role_before_a_name_that_a_region_ends_names_no_person():
    text = "Neem contact op met Daan Visser, communicatieadviseur Zorgnet Groningen, via pers@zorgnet.example."
    assert labels(text, "nl", "person") == {"Daan Visser"}


def test_a_role_before_a_surname_that_is_a_small_town_still_names_a_person():
    text = "»Det får vi nu,« siger centerchef Lone Vestergaard Bech, Vejle Kommune."
    assert "Lone Vestergaard Bech" in labels(text, "da", "person")


def test_ruben_is_a_given_name():
    text = "\"Wij doen mee,\" zegt Ruben Janssen, verpleegkundig specialist bij het Catharina Ziekenhuis."
    assert "Ruben Janssen" in labels(text, "nl", "person")


@pytest.mark.parametrize("text, language, cluster", [
    ("In Kraków the partners signed a memorandum of understanding for the Healthy Ageing Bridge Kolding–Kraków.", "en",
     "Healthy Ageing Bridge Kolding–Kraków"),
    ("De partners tekenden een convenant voor de Care Bridge Groningen–Bremen.", "nl", "Care Bridge Groningen–Bremen"),
])
def test_a_bridge_of_health_or_care_names_a_cluster(text, language, cluster):
    assert cluster in labels(text, language, "cluster")


def test_who_joins_as_a_partner_besides_the_signatories_is_a_member_not_a_party():
    text = ("In Bremen tekenden de Universiteit Groningen en de Universität Bremen een convenant voor de Care Bridge "
            "Groningen–Bremen.\n\nNaast de ondertekenaars sluiten twee organisaties aan als partner van de Bridge: "
            "het Martini Ziekenhuis en Zorggroep Groningen.")
    facts = found(text, "nl")
    assert ("memberOf", "Martini Ziekenhuis", "Care Bridge Groningen–Bremen") in facts
    assert not any(f[0] == "partyTo" and f[1] == "Martini Ziekenhuis" for f in facts)


# -- membership -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, language, member, cluster", [
    ("Sundhedsklynge Vejle er et samarbejde mellem Vejle Kommune, Vejle Sygehus og UC Lillebælt.", "da",
     "UC Lillebælt", "Sundhedsklynge Vejle"),
    ("Sundhedsklynge Vejle er et udviklings- og forskningssamarbejde mellem Vejle Kommune og Vejle Sygehus.", "da",
     "Vejle Sygehus", "Sundhedsklynge Vejle"),
    ("Zorgnetwerk Twente is een samenwerking van Medisch Spectrum Twente, ZGT en de Universiteit Twente.", "nl",
     "ZGT", "Zorgnetwerk Twente"),
    ("Das Pflegenetz Graz ist eine Kooperation zwischen der Medizinischen Universität Graz, der FH Joanneum und der "
     "Stadt Graz.", "de", "Stadt Graz", "Pflegenetz Graz"),
    ("Care Connect Kent is a partnership between the University of Kent, Kent County Council and Canterbury Christ "
     "Church University.", "en", "Kent County Council", "Care Connect Kent"),
])
def test_a_cluster_that_is_a_collaboration_between_actors_has_them_as_members(text, language, member, cluster):
    assert ("memberOf", member, cluster) in found(text, language)


# -- bodies and organisations ---------------------------------------------------------------------
def test_a_capitalised_stad_before_a_flemish_town_names_its_authority():
    text = "De intentieverklaring werd ondertekend door de Gemeente Bonheiden en de Stad Mechelen."
    assert ("partyTo", "Stad Mechelen", "intentieverklaring") in found(text, "nl")


def test_a_name_that_an_organisation_head_names_elsewhere_is_no_person():
    text = ("De intentieverklaring werd ondertekend door de Stad Mechelen, het Sint-Jozefziekenhuis Mechelen en de "
            "hogeschool Thomas Moore. \"Na een val komt een oudere bij ons,\" aldus dr. Pieter Peeters, geriater in het "
            "Sint-Jozefziekenhuis Mechelen. Thomas Moore, met opleidingen verpleegkunde en ergotherapie, zet studenten "
            "in als coaches.")
    assert labels(text, "nl", "person") == {"Pieter Peeters"} and "Thomas Moore" in labels(text, "nl", "organisation")


@pytest.mark.parametrize("text, language, member, cluster", [
    ("Das Gesundheitsnetz Saale wurde 2022 gegründet. Ins Leben gerufen hatten das Netz die Stadt Merseburg, der "
     "Saalekreis und das Carl-von-Basedow-Klinikum.", "de", "Carl-von-Basedow-Klinikum", "Gesundheitsnetz Saale"),
    ("Die Stadt Merseburg und das Carl-von-Basedow-Klinikum haben 2022 das Gesundheitsnetz Saale gegründet.", "de",
     "Carl-von-Basedow-Klinikum", "Gesundheitsnetz Saale"),
    ("De gemeente Enschede en de Universiteit Twente richtten in 2021 het Zorgnetwerk Twente op.", "nl",
     "Universiteit Twente", "Zorgnetwerk Twente"),
    ("Keele University and Staffordshire County Council founded the Staffordshire Care Alliance in 2020.", "en",
     "Keele University", "Staffordshire Care Alliance"),
    ("Vejle Kommune og Vejle Sygehus stiftede i 2021 Sundhedsklynge Vejle.", "da", "Vejle Sygehus",
     "Sundhedsklynge Vejle"),
])
def test_who_founds_a_cluster_in_the_active_voice_is_its_member(text, language, member, cluster):
    assert ("memberOf", member, cluster) in found(text, language)


def test_a_cluster_that_founds_something_is_no_member_of_it():
    text = "Das Gesundheitsnetz Saale gründete 2023 eine Arbeitsgruppe mit der Hochschule Merseburg."
    assert not {f for f in found(text, "de") if f[0] == "memberOf"}


def test_a_town_body_keeps_the_bracketed_qualifier_of_its_town():
    text = "Ins Leben gerufen hatten das Gesundheitsnetz Ruhr die Stadt Wetter (Ruhr) und die Stadt Frankfurt (Oder)."
    assert {"Stadt Wetter (Ruhr)", "Stadt Frankfurt (Oder)"} <= labels(text, "de", "organisation")


def test_a_definite_agreement_word_refers_back_to_the_last_agreement_of_its_kind():
    text = ("Vejle Kommune og Vejle Sygehus underskrev i dag en hensigtserklæring om velfærdsteknologi. En egentlig "
            "samarbejdsaftale ventes underskrevet næste år. UC Lillebælt deltog som observatør, men er ikke part i "
            "erklæringen.\n\nUnderskrivere\nPart | Land | Underskrevet af\nVejle Kommune | Danmark | Anne Holm, "
            "chefkonsulent\nVejle Sygehus | Danmark | Peter Lund, afdelingschef")
    agreements = [e for e in extract(document(text, "da")).entities if e.kind == "agreement"]
    declaration = next(e for e in agreements if e.label.startswith("hensigtserklæring"))
    assert "erklæringen" in declaration.alt_labels
    assert ("partyTo", "Vejle Sygehus", declaration.label) in found(text, "da")
