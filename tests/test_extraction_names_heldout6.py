"""Entity rules written after the sixth held-out set, each with a short text of its own
(never a sentence of the held-out documents)."""
from __future__ import annotations

import pytest

from ingest.regions import find_regions


def _regions(text: str, language: str) -> list[str]:
    return [m.text for m in find_regions(text, language)]


@pytest.mark.parametrize("text, language, expected", [
    # a city's name in a language of its own country is no common word there ("Aarhus" for Århus)
    ("Firmaet har kontor i Aarhus og i København.", "da", ["Aarhus", "København"]),
    # a town whose name a foreign city lists among its alternative names (Vyborg: "Viborg")
    ("Virksomheden Nordlys ApS fra Viborg udvikler sensorer.", "da", ["Viborg"]),
    # English two-tier counties are regions
    ("Partners come from Kent, Essex and Suffolk.", "en", ["Kent", "Essex", "Suffolk"]),
])
def test_gazetteer_places(text, language, expected):
    assert _regions(text, language) == expected


def test_a_common_word_after_region_names_no_region():
    assert _regions("Het geld komt uit de Regio Deal van het Rijk.", "nl") == []


def _entities(text: str, language: str):
    from ingest.boilerplate import classify
    from ingest.mentions import find_mentions
    from ingest.resolve import resolve
    from ingest.sentences import split_sentences

    sentences = split_sentences(text, language)
    entities, _ = resolve(find_mentions(text, language, sentences, classify(sentences)), language)
    return {(e.kind, e.label) for e in entities}


@pytest.mark.parametrize("text, language, body, place", [
    ("Het project krijgt subsidie van de Provincie Utrecht.", "nl", "Provincie Utrecht", "Utrecht"),
    ("Wethouder van de gemeente Almere is blij met het plan.", "nl", "gemeente Almere", "Almere"),
    ("Der Landkreis Emsland fördert das Vorhaben.", "de", "Landkreis Emsland", None),
    ("Auch die Städteregion Aachen unterstützt die Klinik.", "de", "Städteregion Aachen", "Aachen"),
])
def test_an_authority_word_names_a_body_and_its_place(text, language, body, place):
    found = _entities(text, language)
    assert ("organisation", body) in found
    if place:
        assert any(kind == "region" for kind, _ in found)


def _persons(text: str, language: str) -> list[str]:
    from ingest.boilerplate import classify
    from ingest.mentions import find_mentions
    from ingest.sentences import split_sentences

    sentences = split_sentences(text, language)
    return [c.label for c in find_mentions(text, language, sentences, classify(sentences)) if c.kind == "person"]


def test_a_region_alone_on_a_contact_line_is_no_person():
    text = ("Kontakt\n\nJens Madsen Holm\nprojektleder\nRegion Sjælland\ntlf. +45 12 34 56 78\n"
            "jmh@example.dk\n")
    assert _persons(text, "da") == ["Jens Madsen Holm"]


def _zones(text: str, language: str) -> dict:
    from ingest.boilerplate import classify
    from ingest.sentences import split_sentences

    sentences = split_sentences(text, language)
    return {s.text.strip(): zone for s, zone in zip(sentences, [classify(sentences)[s.index] for s in sentences])}


def test_menu_items_one_to_a_line_are_chrome():
    text = ("Zorgnetwerk Noord\nOver ons\nLeden\nAgenda\nNieuws\nContact\n\n"
            "Het netwerk Zorgnetwerk Noord verbindt twintig partners in Drenthe.\n")
    zones = _zones(text, "nl")
    assert zones["Agenda"] == zones["Nieuws"] == zones["Contact"] == "chrome"
    assert zones["Zorgnetwerk Noord"] == "body"


def test_a_contact_heading_over_a_name_stays_contact():
    text = "Het project loopt tot 2026.\n\nContact\nPieter de Vries\nprojectleider\ntel. 050 123 4567\n"
    assert _zones(text, "nl")["Contact"] == "contact"


def _actors(text: str, language: str) -> list[str]:
    from ingest.boilerplate import classify
    from ingest.mentions import find_mentions
    from ingest.sentences import split_sentences

    sentences = split_sentences(text, language)
    return [c.label for c in find_mentions(text, language, sentences, classify(sentences))
            if c.kind in ("organisation", "cluster")]


@pytest.mark.parametrize("text, language, name", [
    # a suspended hyphen before the head and inside the name
    ("Die Handwerks- und Handelskammer Bremen lädt ein.", "de", "Handwerks- und Handelskammer Bremen"),
    ("Das Ministerium für Wissenschafts- und Kulturpolitik fördert das Projekt.", "de",
     "Ministerium für Wissenschafts- und Kulturpolitik"),
    # a capitalised adjective before its noun after the connector
    ("Das Ministerium für Arbeit und Soziale Sicherung ist beteiligt.", "de",
     "Ministerium für Arbeit und Soziale Sicherung"),
    # a school of two towns
    ("Die Hochschule Bremen/Bremerhaven forscht mit.", "de", "Hochschule Bremen/Bremerhaven"),
    # the words a bracketed abbreviation spells are one name, "und" and all
    ("Die Innovationsagentur und Gründerzentrum Ostholstein GmbH (IGO) berät Firmen.", "de",
     "Innovationsagentur und Gründerzentrum Ostholstein GmbH"),
    ("Partner er Agentur für Wirtschaft und Technologie Nordfriesland (AWTN).", "da",
     "Agentur für Wirtschaft und Technologie Nordfriesland"),
])
def test_names_with_connectors(text, language, name):
    assert name in _actors(text, language)


def test_an_abbreviation_that_spells_a_compound_head_is_the_same_organisation():
    text = ("Die Handwerks- und Gewerbekammer Bremen lädt ein. Die HGK Bremen koordiniert das Netzwerk. "
            "Die Geschäftsstelle liegt bei der HGK.")
    orgs = [(kind, label) for kind, label in _entities(text, "de") if kind == "organisation"]
    assert orgs == [("organisation", "Handwerks- und Gewerbekammer Bremen")]


def test_a_generic_head_before_a_legal_form_name_is_no_part_of_it():
    assert "MedSensor Bremen e.V." in _actors("Dabei ist auch der Verein MedSensor Bremen e.V. aus Bremen.", "de")


@pytest.mark.parametrize("text, language, absent, present", [
    ("Limburgse partners zetten een handtekening onder het plan.", "nl", "Limburgse", None),
    ("Het samenwerkingsverband wil Duitse en Belgische partners aanhaken.", "nl", "Duitse", None),
    ("Ook het Duitse Universitätsklinikum Freiburg doet mee.", "nl", "Duitse Universitätsklinikum Freiburg",
     "Universitätsklinikum Freiburg"),
    ("Wethouder Pieter Bakker (Zorg en Welzijn) heeft het convenant ondertekend.", "nl", "Welzijn", None),
])
def test_place_adjectives_and_portfolios_name_no_actor(text, language, absent, present):
    found = _actors(text, language)
    assert absent not in found
    if present:
        assert present in found


@pytest.mark.parametrize("text, language, name", [
    # office titles of a neighbouring country keep their own word in the other language
    ("Für die niederländische Seite unterschrieb Wethouder Sanne Dijkstra (Gemeente Westerwolde).", "de",
     "Sanne Dijkstra"),
    ("Ook Landrat Klaus Brenner van de Kreis Borken was aanwezig.", "nl", "Klaus Brenner"),
])
def test_office_titles_across_the_border(text, language, name):
    assert name in _persons(text, language)


@pytest.mark.parametrize("text, language, name", [
    ('Kern ist das Interreg-Projekt „Gesund über Grenzen", das 2025 startet.', "de", "Gesund über Grenzen"),
    ("Das Interreg-Projekt MediBridge NL-DE geht an den Start.", "de", "MediBridge NL-DE"),
    ("De partners werken samen in het Interreg-project CareLink Maas-Rijn, dat volgend jaar start.", "nl",
     "CareLink Maas-Rijn"),
    # a capitalised adjective right after a cluster head opens a name in German
    ("Kliniken und Hochschulen arbeiten im Netzwerk Digitale Medizin zusammen.", "de",
     "Netzwerk Digitale Medizin"),
    # the project word alone introduces a name too
    ("Projektet Sund Hjemme ØKS afprøver sensorer i hjemmeplejen.", "da", "Sund Hjemme ØKS"),
    ("The project CareBridge Nordics tests remote monitoring in rural areas.", "en", "CareBridge Nordics"),
    ("Sinds 2023 loopt het project Thuis Verbonden in vier gemeenten.", "nl", "Thuis Verbonden"),
])
def test_project_and_network_names(text, language, name):
    assert name in _actors(text, language)


def test_a_common_word_after_a_project_word_is_no_project_name():
    assert _actors("Het netwerk ontstond uit het Interreg-project Zorg over de Grens in 2016.", "nl") == []


def test_a_list_of_signatories_runs_on_past_a_bracketed_abbreviation():
    text = "Het convenant werd ondertekend door Universiteit Twente, Ziekenhuis Noord (ZNO), Zorgkompas, Welthuis en de gemeente Almelo."
    found = _actors(text, "nl")
    assert "Zorgkompas" in found and "Welthuis" in found


@pytest.mark.parametrize("text, language, name", [
    ("Projektet samler Göteborgs universitet og Bergen kommune om velfærdsteknologi.", "da", "Göteborgs universitet"),
    ("The pilot runs with Bergen kommune and two hospitals.", "en", "Bergen kommune"),
])
def test_a_place_and_a_lower_case_nordic_head_name_an_organisation(text, language, name):
    assert ("organisation", name) in _entities(text, language)


def test_a_country_tag_after_a_name_is_no_abbreviation_of_it():
    text = ("Partnere\n\nRegion Halland (SE)\nTrondheim kommune (NO)\n\nProjektet arbejder i Sverige og Norge.")
    found = _entities(text, "da")
    assert ("organisation", "Region Halland") in found or ("region", "Halland") in found
    assert not any(label == "SE" for _, label in found)


def test_initials_in_brackets_stay_an_abbreviation_even_when_they_spell_a_country_code():
    from ingest.extract import extract
    from tests.test_extraction_rules import document

    text = "Aarhus Universitet (AU) leder projektet. AU har tidligere arbejdet med Region Midtjylland."
    entities = extract(document(text, "da")).entities
    university = next(e for e in entities if e.label == "Aarhus Universitet")
    assert "AU" in university.alt_labels


@pytest.mark.parametrize("language, first, second", [
    # a German place adjective before a short head word names the same institution
    ("de", "Das Kieler Uniklinikum koordiniert das Projekt.", "Universitätsklinikum Kiel"),
    # a topic compound before a cluster word names the same network
    ("de", "Das Pflege-Netzwerk Havelland wächst.", "Netzwerk Havelland"),
])
def test_two_spellings_of_one_institution_are_one_entity(language, first, second):
    from ingest.extract import extract
    from tests.test_extraction_rules import document

    text = f"{first} Mitglied im {second} sind zwölf Einrichtungen. Das {second} ist offen für neue Partner."
    entities = [e for e in extract(document(text, language)).entities if e.kind in ("organisation", "cluster")]
    assert len(entities) == 1, [(e.label, e.alt_labels) for e in entities]


def test_a_legal_form_before_a_comma_ends_no_sentence():
    from ingest.sentences import split_sentences

    text = "Unterzeichner:\n• Medicor Plzeň, a.s., Betreiber von drei Kliniken in Westböhmen\n• Universität Passau"
    assert [s.text for s in split_sentences(text, "de")] == [
        "Unterzeichner:", "• Medicor Plzeň, a.s., Betreiber von drei Kliniken in Westböhmen", "• Universität Passau"]


@pytest.mark.parametrize("text, name", [
    ("Die Novamed Diagnostics s.r.o. aus Brno liefert die Geräte.", "Novamed Diagnostics s.r.o."),
    ("Luxinnovation setzt auf die Partner von Digital Care Luxembourg GIE.", "Digital Care Luxembourg GIE"),
])
def test_central_european_legal_forms_end_a_name(text, name):
    assert ("organisation", name) in _entities(text, "de")


@pytest.mark.parametrize("text, language, name", [
    ("Region Gotland bliver leadpartner for Island Care Bridge (ICB), et nyt projekt under Interreg.", "da",
     "Island Care Bridge"),
    ("The county leads Coastal Care Connect, a new project on telemedicine for islands.", "en", "Coastal Care Connect"),
])
def test_an_appositive_that_calls_a_name_a_project_makes_it_a_cluster(text, language, name):
    assert ("cluster", name) in _entities(text, language)


@pytest.mark.parametrize("text, language, expected", [
    ("Das sagte Dr. med. Beat Häfliger (USB) am Montag.", "de", 1),
    ("Laut MUDr. Petr Kopecký ist das ein guter Tag.", "de", 1),
    ("Volgens prof. dr. ir. Jan Smit is het goed. Hij ging naar huis.", "nl", 2),
])
def test_a_title_ends_no_sentence(text, language, expected):
    from ingest.sentences import split_sentences

    assert len(split_sentences(text, language)) == expected


@pytest.mark.parametrize("name", ["Irish Medtech Association", "Professionshøjskolen Absalon", "Drenthe Zorgnet"])
def test_a_title_is_cut_only_as_a_whole_word(name):
    from ingest.iris import normalise_name
    from ingest.resolve import canonical

    assert canonical(name, "en") == normalise_name(name)
    assert canonical("Prof. Dr. Anna Meyer", "de") == "anna meyer"


@pytest.mark.parametrize("text, name", [
    ("Die Carl Zeiss Stiftung fördert das Netzwerk.", "Carl Zeiss Stiftung"),
    ("Beteiligt ist die Friedrich-Alexander-Universität Erlangen-Nürnberg.", "Friedrich-Alexander-Universität Erlangen-Nürnberg"),
])
def test_german_institutions_named_after_a_person_are_organisations(text, name):
    found = _entities(text, "de")
    assert ("organisation", name) in found, found
    assert not any(kind == "person" for kind, _ in found), found


@pytest.mark.parametrize("text, language, name", [
    ("Voorzitter Femke van der Linden opende de bijeenkomst.", "nl", "Femke van der Linden"),
    ("Dat zegt prof. dr. Joke Van den Eynde, decaan van de faculteit.", "nl", "Joke Van den Eynde"),
])
def test_a_surname_may_follow_two_particles(text, language, name):
    assert ("person", name) in _entities(text, language)


def test_an_abbreviation_and_the_network_name_it_spells_are_one_actor_of_either_kind():
    from ingest.extract import extract
    from tests.test_extraction_rules import document

    text = ("DiNNO – Digital Innovation Network North Overijssel\n\nOver DiNNO\n\n"
            "DiNNO is penvoerder van het nieuwe project. DiNNO verbindt zorg en techniek in Zwolle.")
    actors = [e for e in extract(document(text, "nl")).entities if e.kind in ("organisation", "cluster")]
    assert len(actors) == 1, [(e.kind, e.label, e.alt_labels) for e in actors]


def test_quotes_that_open_at_a_cluster_head_bound_the_whole_name():
    text = "Die Partner unterzeichneten eine Absichtserklärung zur Gründung des „Gesundheitsnetzes Oder/Odra“ (GNO)."
    found = _entities(text, "de")
    assert ("cluster", "Gesundheitsnetz Oder/Odra") in found, found
