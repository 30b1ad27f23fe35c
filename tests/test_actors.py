"""Organisation, cluster, person and agreement mentions found by the genre's anchors."""
from __future__ import annotations

from ingest.actors import find_actors
from ingest.agreements import find_agreements
from ingest.candidates import keep_longest
from ingest.model import Sentence
from ingest.persons import find_persons
from ingest.tokens import tokenize


def actors(text: str, language: str, proper=()):
    tokens = tokenize(Sentence(0, 0, len(text), text))
    return keep_longest(find_actors(tokens, 0, text, language, list(proper)))


def names(text: str, language: str, proper=()):
    return [(c.kind, c.label) for c in actors(text, language, proper)]


def test_legal_forms_end_organisation_names():
    found = names("De CeNTech GmbH, de Stichting Zorg B.V. en Philips Danmark A/S organiseerden het.", "nl")
    assert ("organisation", "CeNTech GmbH") in found
    assert ("organisation", "Philips Danmark A/S") in found
    assert ("organisation", "Stichting Zorg B.V.") in found


def test_legal_form_name_stops_at_a_person_before_van():
    assert names("aldus Dr. Anna Kuipers van Medtron GmbH.", "nl") == [("organisation", "Medtron GmbH")]


def test_bracketed_abbreviation_is_an_alias():
    found = actors("Servicestelle bei der Hanse Beratung GmbH (HBG) in Bremen.", "de")
    assert found[0].label == "Hanse Beratung GmbH"
    assert found[0].aliases == {"HBG"}


def test_head_words_with_complement_and_capitalised_adjective():
    found = names("Unter Federführung des Ministeriums für Wirtschaft, Arbeit und Verkehr und der "
                  "Europäischen Kommission startete die Regionalagentur Bremen ein Projekt.", "de",
                  proper=[(len("Unter Federführung des Ministeriums für Wirtschaft, Arbeit und Verkehr und der "
                               "Europäischen Kommission startete die Regionalagentur "), 10**4)])
    assert ("organisation", "Ministeriums für Wirtschaft, Arbeit und Verkehr") in found
    assert ("organisation", "Europäischen Kommission") in found
    assert ("organisation", "Regionalagentur Bremen") in found


def test_a_german_noun_after_a_bare_head_is_no_name():
    assert names("Dafür will das Bündnis Beiträge leisten und das Netzwerk Mittel einwerben.", "de") == []


def test_cluster_words_make_clusters_and_quotes_give_aliases():
    found = actors('Die Regionen arbeiten in der Arbeitsgruppe „Pflege Nord" mit dem Cluster zusammen.', "de")
    assert [(c.kind, c.label, c.aliases) for c in found] == [
        ("cluster", "Arbeitsgruppe Pflege Nord", {"Pflege Nord"})]
    assert names("The Copenhagen Healthtech Cluster and the Medicon Valley Alliance met.", "en") == [
        ("cluster", "Copenhagen Healthtech Cluster"), ("cluster", "Medicon Valley Alliance")]


def test_slash_joined_names_are_one_actor():
    found = actors("Namens Biotech Cluster / Health Valley Flanders was zij aanwezig.", "nl")
    assert found[0].label == "Biotech Cluster / Health Valley Flanders"
    assert {"Biotech Cluster", "Health Valley Flanders"} <= found[0].aliases


def test_descriptor_lists_type_every_name():
    found = names("Derfor vil klyngeorganisationerne Sund Vækst Nord, Odense Robotics og Care Lab forstærke indsatsen.",
                  "da")
    assert found == [("cluster", "Sund Vækst Nord"), ("cluster", "Odense Robotics"), ("cluster", "Care Lab")]


def test_persons_by_title_role_given_name_and_contact_line():
    text = "Namens de hogeschool was innovatiemanager Femke Jansen aanwezig, met Dr. Ruud Kamp en Koen Smit."
    tokens = tokenize(Sentence(0, 0, len(text), text))
    found = {(c.label, c.rule) for c in find_persons(tokens, 0, text, "nl", "body", [])}
    assert found == {("Femke Jansen", "role-name"), ("Ruud Kamp", "title-name"), ("Koen Smit", "given-name")}
    line = "Ilse Vermeulen"
    tokens = tokenize(Sentence(3, 0, len(line), line))
    assert [c.label for c in find_persons(tokens, 3, line, "nl", "contact", [])] == ["Ilse Vermeulen"]


def test_agreements_keep_the_bare_word_as_alias():
    text = "Beide partners ondertekenden een intentieverklaring voor samenwerking in de zorg."
    tokens = tokenize(Sentence(0, 0, len(text), text))
    [found] = find_agreements(tokens, 0, text, "nl")
    assert found.label == "intentieverklaring voor samenwerking in de zorg"
    assert found.aliases == {"intentieverklaring"}


def test_a_capitalised_first_word_is_no_name_part_in_german():
    assert names("Neue Allianz für digitale Pflege in Westfalen", "de") == []
    assert names("Die Europäische Kommission investiert in Ihre Zukunft", "de") == [
        ("organisation", "Europäische Kommission")]


def test_signatories_and_role_of_names_in_english():
    found = names("Philips and Northfield Care have signed a partnership agreement.", "en")
    assert found == [("organisation", "Philips"), ("organisation", "Northfield Care")]
    assert ("organisation", "Royal Philips") in names("said Frans Berg, CEO of Royal Philips, today.", "en")
    text = "and Carl Johan Sonesson, chair of the board, agreed."
    tokens = tokenize(Sentence(0, 0, len(text), text))
    assert [(c.label, c.rule) for c in find_persons(tokens, 0, text, "en", "body", [])] == [
        ("Carl Johan Sonesson", "name-role")]
