"""Rules generalised from the third held-out set, each on a short text written for this test
(other names and places than the held-out documents): coordinator nouns and lead partners as
members, partner tables, founders, chairs, appositive cluster names, roles with any preposition,
"Universitetet i X", list items with a place under any heading, and the new field concepts."""
from __future__ import annotations

from ingest.extract import extract
from tests.test_extraction_rules import document, facts, has


def test_penvoerder_definite_partners_and_coordinator_as_party():
    text = """Nieuws

Het consortium ZORG-West, waarin ziekenhuizen en bedrijven samenwerken, krijgt subsidie.
Ziekenhuis Duinzicht is penvoerder van het consortium.
De partners in het consortium zijn Hogeschool Leiden, Universiteit Delft en het bedrijf Caremetrics B.V. uit Haarlem.
De partners ondertekenden in mei een consortiumovereenkomst.
"""
    found = facts(extract(document(text, "nl")))
    assert has(found, "coordinates", "Ziekenhuis Duinzicht", "ZORG-West")
    assert has(found, "memberOf", "Universiteit Delft", "ZORG-West")
    assert has(found, "memberOf", "Ziekenhuis Duinzicht", "ZORG-West")
    assert has(found, "partyTo", "Ziekenhuis Duinzicht", "consortiumovereenkomst")
    assert has(found, "partyTo", "Caremetrics", "consortiumovereenkomst")


def test_partner_table_with_countries_and_a_coordinator_heading():
    text = """Project factsheet

Coordinator
Baltic Imaging Institute, Gdansk, Poland

Participants
| Partner | Country | Role |
| Riga Stradins Clinic | Latvia | WP2 lead |
| ScanWorks Ltd | United Kingdom | partner |

The partners have signed a consortium agreement on data sharing.
"""
    found = facts(extract(document(text, "en")))
    assert has(found, "locatedIn", "ScanWorks", "United Kingdom")
    assert has(found, "locatedIn", "Baltic Imaging Institute", "Poland")
    assert not any(s == "Partner" for _, s, _ in found)


def test_founders_chair_and_appositive_cluster():
    text = """Odense, 2 May 2025 — CareTech Funen, the cluster for welfare technology in Funen, welcomes new members.
The cluster is chaired by Professor Anna Winther, Dean of Research at the University of Southern Denmark.
Netværket blev etableret i 2022 af Odense Kommune, Svendborg Kommune og Welfaretech Fyn ApS.
"""
    found = facts(extract(document(text, "en")))
    assert has(found, "coordinates", "Anna Winther", "CareTech Funen")
    assert has(found, "affiliatedWith", "Anna Winther", "CareTech Funen")
    dansk = facts(extract(document("Velfærdsnetværket Sydfyn samler virksomheder og kommuner. "
                                   "Netværket blev etableret i 2022 af Odense Kommune, Svendborg Kommune "
                                   "og Welfaretech Fyn ApS.\n", "da")))
    assert has(dansk, "memberOf", "Svendborg Kommune", "Velfærdsnetværket Sydfyn")


def test_roles_with_other_prepositions_and_universitetet_i():
    de = facts(extract(document("„Wir sind bereit“, sagt Prof. Dr. Jana Mertens, Chefärztin der Klinik für "
                                "Kardiologie am Klinikum Vorpommern.\n", "de")))
    assert has(de, "affiliatedWith", "Jana Mertens", "Klinikum Vorpommern")
    da = facts(extract(document('"Det er en god dag," siger Lone Bech, vicedirektør på Sygehus Nordvest. '
                                "Universitetet i Kiel og Sygehus Nordvest har underskrevet en samarbejdsaftale.\n",
                                "da")))
    assert has(da, "affiliatedWith", "Lone Bech", "Sygehus Nordvest")
    assert has(da, "partyTo", "Universitetet i Kiel", "samarbejdsaftale")


def test_list_item_place_under_any_heading_and_new_fields():
    text = """Deelnemende bedrijven
De eerste bedrijven die financiering ontvangen:
- Ortholab B.V., Eindhoven – implantaten
- Pulmocare GmbH, Aachen

De bedrijven werken aan robotchirurgie, digitale pathologie en leefstijlgeneeskunde.
"""
    extraction = extract(document(text, "nl"))
    found = facts(extraction)
    assert has(found, "locatedIn", "Ortholab", "Eindhoven")
    assert has(found, "locatedIn", "Pulmocare", "Aachen")
    concepts = {e.concept.rsplit("/", 1)[1] for e in extraction.entities if e.kind == "field" and e.concept}
    assert {"robotic-surgery", "digital-pathology", "lifestyle-medicine"} <= concepts
