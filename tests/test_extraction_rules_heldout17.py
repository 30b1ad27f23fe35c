"""Rules written during the seventeenth held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.sentences import split_sentences
from tests.test_extraction_rules import document, found, labels


def regions(text: str, language: str) -> set[str]:
    return labels(text, language, "region")


# -- places -------------------------------------------------------------------------------------
def test_a_district_in_brackets_after_an_actor_is_its_seat_not_its_other_name():
    text = "Partner sind die Kreiskliniken Reutlingen (Landkreis Reutlingen) und die Universität Hohenheim."
    result = extract(document(text, "de"))
    clinic = next(e for e in result.entities if e.label == "Kreiskliniken Reutlingen")
    assert "Landkreis Reutlingen" not in clinic.alt_labels
    assert "Landkreis Reutlingen" in regions(text, "de")
    assert ("locatedIn", "Kreiskliniken Reutlingen", "Landkreis Reutlingen") in found(text, "de")


def test_a_district_in_brackets_after_a_person_is_the_body_the_person_speaks_for():
    text = "Landrat Peter Vogel (Landkreis Calw) unterzeichnete die Erklärung."
    assert "Landkreis Calw" in labels(text, "de", "organisation")
    assert ("affiliatedWith", "Peter Vogel", "Landkreis Calw") in found(text, "de")


@pytest.mark.parametrize("district", ["Main-Kinzig-Kreis", "Rhein-Sieg-Kreis", "Ennepe-Ruhr-Kreis"])
def test_a_hyphenated_kreis_is_a_district(district):
    assert district in regions(f"Die neue Praxis liegt im {district} und versorgt 40 Dörfer.", "de")


def test_a_one_word_kreis_like_a_working_group_is_no_district():
    assert not regions("Der Arbeitskreis Pflege und der Freundeskreis des Hospizes tagen.", "de")


@pytest.mark.parametrize("text, lang, region", [
    ("Kliniken in der Region Hannover gründen ein Netzwerk für Schlaganfallversorgung.", "de", "Region Hannover"),
    ("Huisartsenposten in de regio Achterhoek werken samen aan telemonitoring.", "nl", "Achterhoek"),
])
def test_a_plural_head_in_a_named_region_names_where_they_are_not_an_actor(text, lang, region):
    assert not {x for x in labels(text, lang, "organisation", "cluster") if " in " in x}
    assert any(region in x for x in regions(text, lang))


def test_a_name_with_in_der_before_a_common_noun_stays_whole():
    text = "Das Bündnis Innovation in der Daseinsvorsorge tagt in Kassel."
    assert "Bündnis Innovation in der Daseinsvorsorge" in labels(text, "de", "cluster")


def test_a_district_named_after_its_town_is_not_the_town():
    text = "Die Rehaklinik liegt im Landkreis Göppingen. Die Hochschule hat ihren Sitz in Göppingen."
    assert {"Landkreis Göppingen", "Göppingen"} <= regions(text, "de")


def test_a_district_the_text_calls_by_its_towns_name_is_one_place_with_it():
    text = ("Die Region umfasst die Landkreise Biberach und Sigmaringen. Die Hochschule Biberach mit Sitz in "
            "Biberach leitet das Projekt.")
    assert not {"Landkreis Biberach", "Biberach"} <= regions(text, "de")


@pytest.mark.parametrize("text, lang, town", [
    ("Mødet blev holdt i Lemvig, hvor netværket har sekretariat.", "da", "Lemvig"),
    ("De stichting opent volgend jaar een nieuwe polikliniek in Zierikzee.", "nl", "Zierikzee"),
    ("The trust opened a new community clinic in Bodmin last year.", "en", "Bodmin"),
    ("Das Pflegeheim eröffnet eine Tagespflege in Nürtingen.", "de", "Nürtingen"),
])
def test_a_small_town_after_in_is_a_place(text, lang, town):
    assert town in regions(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Det næste møde holdes i Lemvig Kommune.", "da"),
    ("The Hospital in Truro Road opened a ward.", "en"),
])
def test_a_town_that_a_capitalised_word_continues_is_part_of_a_name(text, lang):
    assert not regions(text, lang) - {"Lemvig Kommune"}


# -- names --------------------------------------------------------------------------------------
def test_a_nordic_genitive_of_a_whole_name_is_the_same_actor():
    text = ("Sundhedsnetværk Vestjylland-Thy vokser. Netværket vil samarbejde med Sundhedsnetværk "
            "Vestjylland-Thys naboer i Struer Kommune.")
    assert labels(text, "da", "cluster") == {"Sundhedsnetværk Vestjylland-Thy"}


# -- agreements and members ---------------------------------------------------------------------
def test_a_founding_participle_closes_a_long_list_of_founders():
    text = ("Mit einer Rahmenvereinbarung haben die Universität Hohenheim, die Klinikum Esslingen GmbH aus dem "
            "Landkreis Esslingen, die Kreiskliniken Reutlingen aus Reutlingen, die Stadtwerke Tübingen und die "
            "Medizintechnik Schwaben GmbH aus Balingen das Netzwerk Herzgesundheit Alb gegründet.")
    facts = found(text, "de")
    assert ("establishes", "Rahmenvereinbarung", "Netzwerk Herzgesundheit Alb") in facts
    for member in ["Universität Hohenheim", "Klinikum Esslingen GmbH", "Kreiskliniken Reutlingen",
                   "Medizintechnik Schwaben GmbH"]:
        assert ("memberOf", member, "Netzwerk Herzgesundheit Alb") in facts
        assert ("partyTo", member, "Rahmenvereinbarung") in facts


def test_a_bare_adjective_inside_a_clusters_name_before_its_place_belongs_to_the_name():
    text = "Das Netzwerk Reha digital Oberfranken wurde am Dienstag in Bayreuth gegründet."
    assert "Netzwerk Reha digital Oberfranken" in labels(text, "de", "cluster")


def test_a_town_in_a_genitive_list_of_signatories_is_its_council():
    text = ("In Erlangen unterzeichneten Vertreter des Klinikums Bamberg, der Stadt Bamberg und der Hochschule "
            "Coburg die Kooperationsvereinbarung.")
    assert ("partyTo", "Stadt Bamberg", "Kooperationsvereinbarung") in found(text, "de")


def test_a_town_after_a_genitive_article_outside_a_list_stays_a_place():
    text = "Die Kliniken der Stadt Bamberg unterzeichneten eine Kooperationsvereinbarung mit der Hochschule Coburg."
    assert ("partyTo", "Stadt Bamberg", "Kooperationsvereinbarung") not in found(text, "de")


@pytest.mark.parametrize("text, lang, name", [
    ("Neu im Netzwerk ist der kirchliche Träger Agaplesion.", "de", "Agaplesion"),
    ("Zu den Mitgliedern gehört der Pflegedienstleister Vitanas.", "de", "Vitanas"),
    ("Ook de thuiszorgaanbieder Buurtzorg Oost sluit aan bij het netwerk.", "nl", "Buurtzorg Oost"),
    ("The care provider Healthwise Care joined the network in May.", "en", "Healthwise Care"),
    ("The charity Age Kernow supports the project.", "en", "Age Kernow"),
])
def test_a_provider_or_operator_word_introduces_a_name(text, lang, name):
    assert name in labels(text, lang, "organisation")


def test_rows_of_a_term_and_its_description_under_a_signatories_heading_are_the_parties():
    text = ("Zes partners ondertekenden gisteren een intentieverklaring.\n\n"
            "Ondertekenaars van de intentieverklaring\n"
            "  Ziekenhuis Oost-Limburg — algemeen ziekenhuis met campussen in Genk en Lanaken\n"
            "  Stad Bilzen — lokaal bestuur, focus op ouderenzorg en mantelzorg in de deelgemeenten\n"
            "  Zorgkring Maasland — coördinatie en secretariaat van het nieuwe zorgnetwerk\n"
            "  Hogeschool PXL — opleiding verpleegkunde en praktijkonderzoek in de thuiszorg\n")
    facts = found(text, "nl")
    for party in ["Ziekenhuis Oost-Limburg", "Stad Bilzen", "Zorgkring Maasland", "Hogeschool PXL"]:
        assert ("partyTo", party, "intentieverklaring") in facts


def test_a_citys_short_form_from_its_own_name_is_the_city():
    assert "Kingston upon Hull" in regions("More than 100 guests gathered at the innovation centre in Hull.", "en")


def test_a_town_after_or_is_listed_too():
    text = "A small company in Grimsby or Beverley should not have to knock on nine doors."
    assert {"Grimsby", "Beverley"} <= regions(text, "en")


def test_a_signatories_table_further_down_names_the_parties_of_counted_signatories():
    text = ("At the Quayside Centre in Sunderland six organisations signed the Wearside Care Technology Compact.\n"
            "The compact, a four-year cooperation agreement, sets up a testbed for home care.\n\n"
            "The ceremony\n\n"
            "The evening opened with a welcome from the host. Each signatory then came forward to sign the compact "
            "on behalf of their organisation. The speeches were short.\n\n"
            "The signatories\n\n"
            "Organisation | Type | Role\n"
            "University of Sunderland | University | Coordinator\n"
            "City Hospitals Sunderland NHS Foundation Trust | Hospital trust | Clinical lead for home care\n"
            "Sunderland City Council | Local authority | Partner\n")
    facts = found(text, "en")
    for party in ["University of Sunderland", "City Hospitals Sunderland NHS Foundation Trust",
                  "Sunderland City Council"]:
        assert ("partyTo", party, "Wearside Care Technology Compact") in facts


def test_on_behalf_of_after_an_agreement_word_is_no_purpose():
    text = "Each partner signed the charter on behalf of their organisation at the Guildhall in Exeter."
    assert "charter on behalf of their organisation" not in labels(text, "en", "agreement")


@pytest.mark.parametrize("text, lang, person, org", [
    ("Kernow Medical Ltd joined in May. Speaking for Kernow Medical, Tom Penrose, who heads the company's lab, "
     "said it would mentor start-ups.", "en", "Tom Penrose", "Kernow Medical"),
    ("Die Kliniken Nordoberpfalz AG, vertreten durch Vorstand Dr. Jana Keller, unterzeichnete die Vereinbarung.", "de",
     "Jana Keller", "Kliniken Nordoberpfalz AG"),
    ("Councillor Ann Trelawny, cabinet member for adult social care at Plymouth City Council, welcomed the plan.", "en",
     "Ann Trelawny", "Plymouth City Council"),
])
def test_who_speaks_for_or_represents_an_actor_is_affiliated_with_it(text, lang, person, org):
    assert ("affiliatedWith", person, org) in found(text, lang)


def test_the_company_in_a_relative_clause_is_the_one_named_with_a_legal_form():
    text = ("Partners are Tamar Devices plc and Penwith Group. Speaking for Tamar Devices, Joanna Nance, who heads the "
            "company's site in Truro, welcomed the network.")
    facts = found(text, "en")
    assert ("affiliatedWith", "Joanna Nance", "Tamar Devices") in facts
    assert ("affiliatedWith", "Joanna Nance", "Penwith Group") not in facts


@pytest.mark.parametrize("text, lang, actor, agreement", [
    ("De Provincie Gelderland ondertekende de overeenkomst niet, maar is als subsidiegever nauw betrokken.", "nl",
     "Provincie Gelderland", "overeenkomst"),
    ("Das Sozialministerium hat die Kooperationsvereinbarung nicht unterzeichnet.", "de", "Sozialministerium",
     "Kooperationsvereinbarung"),
    ("The University of Exeter did not sign the memorandum of understanding.", "en", "University of Exeter",
     "memorandum of understanding"),
    ("Region Midtjylland har ikke underskrevet aftalen.", "da", "Region Midtjylland", "aftalen"),
])
def test_who_did_not_sign_is_no_party(text, lang, actor, agreement):
    assert ("partyTo", actor, agreement) not in found(text, lang)


def test_not_only_is_no_negation():
    text = "Nicht nur die Universität Passau, sondern auch die Stadt Passau unterzeichneten die Vereinbarung."
    assert ("partyTo", "Universität Passau", "Vereinbarung") in found(text, "de")


def test_a_dutch_venue_after_op_de_is_no_signatory():
    text = ("Op de Brightlands Chemelot Campus in Sittard hebben zes partijen donderdag een samenwerkingsovereenkomst "
            "ondertekend.\n\nDe partners\n\n- Zuyderland Medisch Centrum\n- Gemeente Sittard-Geleen\n- Zuyd Hogeschool\n")
    facts = found(text, "nl")
    assert ("partyTo", "Brightlands Chemelot Campus", "samenwerkingsovereenkomst") not in facts
    assert ("partyTo", "Zuyd Hogeschool", "samenwerkingsovereenkomst") in facts


def test_the_signing_participle_is_no_part_of_an_agreements_purpose():
    text = ("In Venlo hebben Zuyd Hogeschool en VieCuri donderdag de samenwerkingsovereenkomst voor de Zorgalliantie "
            "Noord-Limburg ondertekend.")
    assert "samenwerkingsovereenkomst voor de Zorgalliantie Noord-Limburg" in labels(text, "nl", "agreement")


def test_towns_listed_after_a_city_and_a_preposition_of_place_are_places():
    text = "Het netwerk werkt in het gebied rond Heerlen, Kerkrade en Brunssum in Zuid-Limburg."
    assert {"Heerlen", "Kerkrade", "Brunssum"} <= regions(text, "nl")


def test_a_number_word_opening_a_list_of_companies_is_no_name():
    text = "To virksomheder, Trifork A/S og Radiometer Medical ApS, indgår som teknologipartnere."
    names = labels(text, "da", "organisation")
    assert "To" not in names and "S" not in {a for e in extract(document(text, "da")).entities for a in e.alt_labels}


def test_a_rare_first_word_of_a_companys_name_is_that_company():
    text = ("Aalborg Kommune og Kamstrup Medical ApS indgår i partnerskabet. Kamstrup bidrager med udstyr til "
            "målinger i hjemmet.")
    assert labels(text, "da", "organisation") == {"Aalborg Kommune", "Kamstrup Medical ApS"}


@pytest.mark.parametrize("text, lang, actor, agreement", [
    ("Horsens Kommune og Regionshospitalet Horsens har underskrevet en hensigtserklæring. Region Midtjylland og "
     "VIA University College har tilsluttet sig erklæringen som samarbejdspartnere.", "da", "VIA University College",
     "erklæringen"),
    ("Die Stadt Kassel und die Universität Kassel unterzeichneten eine Absichtserklärung. Die Hochschule Fulda hat "
     "sich der Absichtserklärung angeschlossen.", "de", "Hochschule Fulda", "Absichtserklärung"),
])
def test_joining_an_agreement_makes_a_party(text, lang, actor, agreement):
    assert ("partyTo", actor, agreement) in found(text, lang)


@pytest.mark.parametrize("text, lang, funder", [
    ("Netværket har i år desuden fået 450.000 kr. fra Region Nordjylland til projektet.", "da", "Region Nordjylland"),
    ("Das Netzwerk erhält 1,2 Millionen Euro von der Region Hannover.", "de", "Region Hannover"),
])
def test_a_region_that_money_comes_from_is_its_body(text, lang, funder):
    assert funder in labels(text, lang, "organisation")


@pytest.mark.parametrize("text, lang, name", [
    ("Salling Bank har siden 2024 været netværkets eneste erhvervsmedlem.", "da", "Salling Bank"),
    ("Neues Mitglied ist die Frankfurter Volksbank.", "de", "Frankfurter Volksbank"),
    ("Skive College og foreningen Ældre Sagen Skive blev optaget som nye medlemmer.", "da", "Ældre Sagen Skive"),
])
def test_banks_and_associations_named_in_lower_case_are_organisations(text, lang, name):
    assert name in labels(text, lang, "organisation")


def test_a_focus_sentence_after_a_clusters_founding_gives_its_fields():
    text = ("Sundhedsnetværk Thy-Mors vokser. Netværket blev stiftet i 2022 af Thisted Kommune og Morsø Kommune. "
            "Fokus er på forebyggelse og telemedicin.")
    facts = found(text, "da")
    assert ("focusesOn", "Sundhedsnetværk Thy-Mors", "forebyggelse") in facts
    assert ("focusesOn", "Sundhedsnetværk Thy-Mors", "telemedicin") in facts


@pytest.mark.parametrize("text, lang, name", [
    ("Het netwerk werd opgericht door het Deventer Ziekenhuis en Salland Zorgverzekeringen.", "nl",
     "Salland Zorgverzekeringen"),
    ("Neues Mitglied ist die Techniker Krankenkasse.", "de", "Techniker Krankenkasse"),
    ("PFA Forsikring er med i netværket.", "da", "PFA Forsikring"),
])
def test_insurers_are_named_by_their_head(text, lang, name):
    assert name in labels(text, lang, "organisation")


def test_the_holder_of_the_coordination_with_a_person_named_after_it():
    text = ("Het Zorgnetwerk Achterhoek groeit. De coördinatie blijft in handen van het Slingeland Ziekenhuis, waar "
            "programmamanager Femke Olthof het netwerkbureau leidt.")
    facts = found(text, "nl")
    assert ("coordinates", "Slingeland Ziekenhuis", "Zorgnetwerk Achterhoek") in facts
    assert ("affiliatedWith", "Femke Olthof", "Slingeland Ziekenhuis") in facts


def test_a_role_after_where_places_the_person_at_the_actor_just_named():
    text = "Die Studie läuft am Klinikum Fulda, wo Oberärztin Dr. Anna Berg die Station leitet."
    assert ("affiliatedWith", "Anna Berg", "Klinikum Fulda") in found(text, "de")


@pytest.mark.parametrize("text, lang, cluster, places", [
    ("Exe Valley MedTech Alliance launched to connect Devon and Somerset", "en", "Exe Valley MedTech Alliance",
     ["Devon", "Somerset"]),
    ("Das Gesundheitsnetz Oderland verbindet Brandenburg und Sachsen.", "de", "Gesundheitsnetz Oderland",
     ["Brandenburg", "Sachsen"]),
])
def test_a_cluster_lies_in_the_places_it_connects(text, lang, cluster, places):
    facts = found(text, lang)
    for place in places:
        assert ("locatedIn", cluster, place) in facts


def test_a_cluster_that_will_concentrate_on_themes_focuses_on_them():
    text = ("The Wessex Care Tech Network was launched on Friday. The network will concentrate on three themes: "
            "telemedicine, falls prevention and healthy ageing.")
    facts = found(text, "en")
    assert ("focusesOn", "Wessex Care Tech Network", "telemedicine") in facts


@pytest.mark.parametrize("name", ["Miltenyi Biotec B.V. & Co. KG", "Brenner Medical N.V. & Co. KG",
                                  "Tamar Devices Ltd. & Co. KG"])
def test_a_foreign_general_partner_keeps_the_whole_legal_form(name):
    assert name in labels(f"Partner ist die {name} aus Bergisch Gladbach.", "de", "organisation")


def test_a_citys_title_is_no_other_city():
    assert regions("Das Klinikum gehört zu den großen Arbeitgebern der Bundesstadt Bonn.", "de") == {"Bonn"}


def test_an_indefinite_head_with_a_common_noun_describes_and_names_nothing():
    text = "Das Universitätsklinikum Bonn ist ein Krankenhaus der Maximalversorgung und ein großer Arbeitgeber."
    assert labels(text, "de", "organisation") == {"Universitätsklinikum Bonn"}


def test_a_contact_blocks_possessive_heading_and_the_next_blocks_heading_are_no_organisations():
    text = ("Die Wirtschaftsförderung moderiert das Netzwerk.\n\n"
            "Ihr Kontakt\nTanja Reichenecker\nProjektleiterin Gesundheitswirtschaft\nTelefon: +49 711 22835-0\n\n"
            "Weitere News\nMedizintechnik-Tag: Anmeldung geöffnet\n")
    assert not labels(text, "de", "organisation") & {"Ihr Kontakt", "Weitere News"}


def test_a_sentence_never_ends_in_an_ampersand():
    text = "Partner ist die Tamar Devices Ltd. & Co. KG aus Bergisch Gladbach."
    assert [s.text for s in split_sentences(text, "de")] == [text]
