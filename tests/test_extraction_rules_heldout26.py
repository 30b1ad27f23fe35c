"""Rules written during the twenty-sixth held-out set's session (leftovers of earlier sets first, then the
set's own failures), each on a short text written for these tests (other organisations, places and wording
than the held-out pages)."""
from __future__ import annotations

import pytest

from tests.test_extraction_rules import found, labels


# -- regions -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The service will be offered to care homes across the UK from next spring.",
    "Keele University, Keele, Newcastle-under-Lyme ST5 5BG, UK",
    "The consortium is the first of its kind in Great Britain.",
])
def test_a_short_name_of_a_country_names_it(text):
    assert "United Kingdom" in labels(text, "en", "region")


@pytest.mark.parametrize("text, language, country", [
    ("The first phase is funded with £2 million from Innovate UK.", "en", "United Kingdom"),
    ("Das Projekt wird von Medical Valley Austria begleitet.", "de", "Austria"),
    ("Het netwerk werkt samen met Health Holland Norway.", "nl", "Norway"),
])
def test_a_country_that_ends_an_organisations_name_is_no_region_of_its_own(text, language, country):
    assert country not in labels(text, language, "region")


def test_a_country_that_ends_a_name_stays_in_the_name():
    text = "Hinzu kommen die Hochschule Aalen sowie Medical Valley Austria mit Sitz in Wiener Neustadt."
    assert "Medical Valley Austria" in labels(text, "de", "organisation", "cluster")


def test_a_country_in_brackets_before_a_legal_form_is_part_of_the_name():
    text = "Industry is represented by Ampleon Healthcare (UK) Ltd, which joins as an associate member."
    assert "United Kingdom" not in labels(text, "en", "region")


@pytest.mark.parametrize("text, language, country", [
    ("From Norway, Helse Bergen and the University of Bergen take part.", "en", "Norway"),
    ("Aus Frankreich kommen das CHU de Nancy und die Université de Lorraine.", "de", "Frankreich"),
])
def test_a_country_after_a_capitalised_preposition_is_a_region(text, language, country):
    assert country in labels(text, language, "region")


# -- lists of signatories ------------------------------------------------------------------------
_SIGNED_LIST = ("Het convenant werd getekend door:\n"
                "1. Evean\n"
                "2. Zilveren Kruis uit Zeist\n"
                "3. gemeente Bergen op Zoom\n"
                "4. Noordwest Ziekenhuisgroep, de ziekenhuizen van Alkmaar en Den Helder")


@pytest.mark.parametrize("party", ["Evean", "Zilveren Kruis", "gemeente Bergen op Zoom", "Noordwest Ziekenhuisgroep"])
def test_the_items_under_a_signed_by_heading_are_parties(party):
    assert ("partyTo", party, "convenant") in found(_SIGNED_LIST, "nl")


def test_a_seat_after_a_preposition_of_origin_is_no_part_of_a_listed_name():
    facts = found(_SIGNED_LIST, "nl")
    assert ("locatedIn", "Zilveren Kruis", "Zeist") in facts
    assert not any(s.startswith("Zilveren Kruis uit") for _, s, _ in facts)


@pytest.mark.parametrize("text, town", [
    ("Die Vereinbarung unterschrieben haben:\n- Stadt Frankfurt am Main\n- Stadt Offenbach am Main\n"
     "- Goethe-Universität Frankfurt", "Stadt Offenbach am Main"),
    ("De intentieverklaring tekenden:\n- gemeente Bergen op Zoom\n- gemeente Capelle aan den IJssel\n"
     "- Erasmus MC", "gemeente Bergen op Zoom"),
])
def test_a_towns_own_link_word_stays_in_a_listed_council(text, town):
    assert town in labels(text, "de" if "Die " in text else "nl", "organisation")


_FOUNDING = ("Founding partners launch the Tamar Health Cluster\n\n"
             "Organisations from both sides of the Tamar have signed a cooperation agreement that sets up the Tamar "
             "Health Cluster. The cluster wants new health technology to be used in Cornwall and Devon.\n\n"
             "The {count} founding partners are:\n"
             "- University of Plymouth, which runs the Peninsula Medical School\n"
             "- Royal Cornwall Hospitals NHS Trust\n"
             "- Cornwall Council\n"
             "- Plymouth City Council\n"
             "- Babcock International Group plc, the engineering group based in Devonport\n\n"
             "NHS Devon has endorsed the agreement and will have an observer seat, but has chosen not to become a "
             "signatory. Health Innovation South West has also offered support with evaluation, again without signing.")


@pytest.mark.parametrize("partner", ["University of Plymouth", "Royal Cornwall Hospitals NHS Trust", "Cornwall Council",
                                     "Plymouth City Council", "Babcock International Group plc"])
def test_the_listed_founders_of_a_cluster_an_agreement_sets_up_signed_it(partner):
    assert ("partyTo", partner, "cooperation agreement") in found(_FOUNDING.format(count="five"), "en")


def test_founders_counted_otherwise_than_listed_are_another_group():
    facts = found(_FOUNDING.format(count="seven"), "en")
    assert not any(k == "partyTo" and s == "Cornwall Council" for k, s, _ in facts), facts


def test_support_given_without_signing_makes_no_party():
    facts = found(_FOUNDING.format(count="five"), "en")
    assert not any(s == "Health Innovation South West" and k in ("partyTo", "memberOf") for k, s, _ in facts), facts


def test_a_common_word_that_opens_a_headline_before_its_noun_is_no_name():
    assert not any(name.startswith("Founding") for name in labels(_FOUNDING.format(count="five"), "en", "organisation"))


def test_a_lone_brand_that_opens_a_sentence_stays_a_name():
    assert ("partyTo", "Medilink", "agreement") in found(
        "The Tamar Health Cluster agreement was signed on Monday by Cornwall Council. Medilink signs the agreement "
        "too.", "en")


@pytest.mark.parametrize("text, language", [
    ("Das Netzwerk Pflege Rheintal wurde gegründet. Die Stiftung Liechtenstein hat den Prozess begleitet, ohne "
     "selbst zu unterzeichnen.", "de"),
    ("Het netwerk Zorg Rijnmond is opgericht. Ook het Erasmus MC steunt het netwerk, zonder te tekenen.", "nl"),
])
def test_without_signing_negates_the_signing(text, language):
    assert not any(k == "partyTo" for k, _, _ in found(text, language))


# -- signatories named in a sentence -------------------------------------------------------------
def test_the_parts_after_the_signatories_are_are_names():
    facts = found("Four organisations signed a letter of intent on Monday. On the island side, the signatories are "
                  "Manx Care, which delivers health and social care services; University College Isle of Man; and "
                  "Business Isle of Man, the government agency for enterprise.", "en")
    for party in ("Manx Care", "University College Isle of Man", "Business Isle of Man"):
        assert ("partyTo", party, "letter of intent") in facts, (party, facts)


def test_each_agent_of_a_signing_is_a_name():
    facts = found("Three organisations signed a letter of intent on Monday. From Canada, the letter has been signed by "
                  "Vitalité Health Network, the provincial health authority, by UNB and by Holland College.", "en")
    assert ("partyTo", "Vitalité Health Network", "letter of intent") in facts, facts
    assert ("partyTo", "Holland College", "letter of intent") in facts, facts


def test_a_part_that_a_lower_case_word_continues_is_no_name():
    names = labels("Hensigtserklæringen blev underskrevet i Bremen. Fra tysk side er parterne Freie und Hansestadt "
                   "Bremen, repræsenteret ved sundhedsforvaltningen.", "da", "organisation")
    assert "Freie" not in names


# -- fields --------------------------------------------------------------------------------------
def test_an_actor_named_after_every_field_through_which_work_is_done_gets_no_field():
    facts = found("The partners have agreed on three priority themes: telehealth; medical imaging; and the care "
                  "workforce, with new routes into clinical roles through Truro and Penwith College and the University "
                  "of Exeter.", "en")
    assert not any(k == "focusesOn" and s in ("Truro and Penwith College", "University of Exeter")
                   for k, s, _ in facts), facts


# -- tables --------------------------------------------------------------------------------------
def test_a_table_under_the_signing_ones_lists_parties():
    text = ("Am Mittwoch unterzeichneten sie eine Absichtserklärung zum Aufbau des Netzwerks Pflege Unterinntal.\n\n"
            "Im Netzwerk sollen Kliniken, Pflegedienste und Gemeinden gemeinsam Lösungen für die Pflege zu Hause "
            "entwickeln.\n\n"
            "Die Unterzeichnenden und ihre Vertreterinnen und Vertreter\n\n"
            "| Organisation | Land | vertreten durch |\n"
            "|---|---|---|\n"
            "| Bezirkskrankenhaus Kufstein | Tirol | Dr. Eva Moser, Pflegedirektion |\n"
            "| Stadtgemeinde Wörgl | Tirol | Mag. Paul Huber, Sozialamt |\n"
            "| fh gesundheit Tirol | Tirol | Anna Berger, Pflegewissenschaft |\n")
    facts = found(text, "de")
    for party in ("Bezirkskrankenhaus Kufstein", "Stadtgemeinde Wörgl"):
        assert ("partyTo", party, "Absichtserklärung") in facts, (party, facts)


# -- organisation names ---------------------------------------------------------------------------
@pytest.mark.parametrize("hospital", ["Antonius ziekenhuis", "Rode Kruis ziekenhuis", "Sint Jansdal ziekenhuis"])
def test_a_dutch_hospital_named_after_a_person_keeps_its_lower_case_head(hospital):
    text = f"Het {hospital}, de gemeente Harderwijk en Zorggroep Noordwest-Veluwe ondertekenden het convenant."
    assert ("partyTo", hospital, "convenant") in found(text, "nl")


def test_a_place_adjective_before_ziekenhuis_names_no_hospital():
    names = labels("Het Amsterdamse ziekenhuis en Hogeschool Inholland ondertekenden het convenant.", "nl",
                   "organisation")
    assert not any(name.endswith("ziekenhuis") for name in names), names


# -- founding told by its signing ------------------------------------------------------------------
@pytest.mark.parametrize("text, language, cluster, agreement, parties", [
    ("Netværket Sundhed Vestfyn blev sat i gang i september, da Assens Kommune, Nordfyns Kommune og Odense "
     "Universitetshospital underskrev en samarbejdsaftale.", "da", "Sundhed Vestfyn", "samarbejdsaftale",
     ["Assens Kommune", "Nordfyns Kommune", "Odense Universitetshospital"]),
    ("Das Netzwerk Pflege Emsland wurde im September gestartet, als die Stadt Lingen, die Hochschule Osnabrück und das "
     "Bonifatius Hospital eine Kooperationsvereinbarung unterzeichneten.", "de", "Netzwerk Pflege Emsland",
     "Kooperationsvereinbarung", ["Stadt Lingen", "Hochschule Osnabrück", "Bonifatius Hospital"]),
    ("The Tamar Health Network was launched in September, when Cornwall Council, the University of Plymouth and Royal "
     "Cornwall Hospitals NHS Trust signed a cooperation agreement.", "en", "Tamar Health Network",
     "cooperation agreement", ["Cornwall Council", "University of Plymouth", "Royal Cornwall Hospitals NHS Trust"]),
])
def test_a_cluster_launched_when_others_signed_is_what_the_agreement_founds(text, language, cluster, agreement,
                                                                             parties):
    facts = found(text, language)
    assert ("establishes", agreement, cluster) in facts, facts
    assert not any(k == "partyTo" and s == cluster for k, s, _ in facts), facts
    for party in parties:
        assert ("partyTo", party, agreement) in facts, (party, facts)
        assert ("memberOf", party, cluster) in facts, (party, facts)


def test_a_year_over_a_name_is_no_postal_code():
    text = "Kerteminde Kommune\n\n12. marts 2025\n\nFalck, UCL og Kerteminde Kommune går med i netværket."
    assert "Falck" not in labels(text, "da", "region")


# -- signings told in parts -------------------------------------------------------------------------
@pytest.mark.parametrize("text, language, agreement, party", [
    ("Am Montag unterzeichneten sie eine Kooperationsvereinbarung. Auf deutscher Seite haben die Universität des "
     "Saarlandes und die Hochschule für Technik und Wirtschaft des Saarlandes unterschrieben. Von französischer Seite "
     "sind das CHR Metz-Thionville und die Université de Lorraine dabei.", "de", "Kooperationsvereinbarung",
     "CHR Metz-Thionville"),
    ("Maandag werd het convenant getekend. Aan Nederlandse zijde tekenden het Amphia ziekenhuis en Avans Hogeschool. "
     "Aan Vlaamse zijde zijn AZ Turnhout en Thomas More erbij.", "nl", "convenant", "AZ Turnhout"),
])
def test_the_other_side_of_a_cross_border_signing_signs_too(text, language, agreement, party):
    assert ("partyTo", party, agreement) in found(text, language)


@pytest.mark.parametrize("text, language", [
    ("Die Universität Trier und die Hochschule Trier haben eine Absichtserklärung unterzeichnet. Die Partner wollen "
     "bis Ende 2026 eine Kooperationsvereinbarung abschließen.", "de"),
    ("Syddansk Universitet og Odense Kommune har underskrevet en hensigtserklæring. Parterne forventer at indgå en "
     "egentlig samarbejdsaftale inden udgangen af 2025.", "da"),
    ("Cornwall Council and the University of Plymouth signed a letter of intent. The partners expect to conclude a "
     "formal memorandum of understanding by the summer.", "en"),
])
def test_an_agreement_the_parties_expect_to_conclude_has_no_parties_yet(text, language):
    facts = found(text, language)
    later = {"de": "Kooperationsvereinbarung", "da": "samarbejdsaftale", "en": "memorandum of understanding"}[language]
    assert not any(k == "partyTo" and o.startswith(later) for k, _, o in facts), facts


def test_a_secretariat_that_comes_to_lie_with_an_actor_is_hosted_there():
    facts = found("Het netwerk Zorgeiland Goeree is opgericht. Het secretariaat van het netwerk komt te liggen bij de "
                  "gemeente Goeree-Overflakkee.", "nl")
    assert ("coordinates", "gemeente Goeree-Overflakkee", "Zorgeiland Goeree") in facts, facts
