"""One or more short texts per relation kind, in German, Dutch, Danish and English."""
from __future__ import annotations

from datetime import datetime, timezone

from ingest.extract import extract
from ingest.model import SourceDocument


def run(text: str, language: str):
    doc = SourceDocument("t", "t.txt", "t.txt", "text/plain", text, "sha256:0",
                         datetime(2026, 1, 1, tzinfo=timezone.utc), language)
    ex = extract(doc)
    labels = {e.key: e.label for e in ex.entities}
    return {(r.kind, labels[r.subject], labels[r.object]) for r in ex.relations}, ex


def test_partyto_from_a_list_between_parties_nl():
    rel, ex = run("Er is een overeenkomst getekend tussen de Universiteit Twente, het Medisch Spectrum "
                  "Ziekenhuis en de Kamer van Koophandel Oost voor samenwerking in de zorg.", "nl")
    parties = {s for k, s, o in rel if k == "partyTo"}
    assert parties == {"Universiteit Twente", "Medisch Spectrum Ziekenhuis", "Kamer van Koophandel Oost"}
    agreement = next(e for e in ex.entities if e.kind == "agreement")
    assert "overeenkomst" in agreement.alt_labels


def test_agreement_with_one_party_is_not_emitted_en():
    rel, ex = run("The University of Leeds organised a meeting to prepare a partnership agreement.", "en")
    assert not [e for e in ex.entities if e.kind == "agreement"]
    assert not [r for r in rel if r[0] in ("partyTo", "coordinates") and "agreement" in r[2]]


def test_establishes_and_founders_become_members_da():
    text = ("De regionale klynger har underskrevet en hensigtserklæring om at skabe en national organisation.\n\n"
            "Derfor vil klyngeorganisationerne Sund Vækst Nord, Odense Robotics og Care Lab samle kræfterne "
            "i en landsdækkende organisation under navnet Danish Care Alliance. Det sker i Danmark.")
    rel, ex = run(text, "da")
    agreement = next(e.label for e in ex.entities if e.kind == "agreement")
    assert ("establishes", agreement, "Danish Care Alliance") in rel
    for founder in ("Sund Vækst Nord", "Odense Robotics", "Care Lab"):
        assert ("partyTo", founder, agreement) in rel
        assert ("memberOf", founder, "Danish Care Alliance") in rel
    assert next(e for e in ex.entities if e.label == "Danish Care Alliance").kind == "cluster"


def test_affiliation_by_preposition_role_and_contact_line():
    rel, _ = run('"Wir bündeln Kräfte", sagte Prof. Dr. Jochen Werner vom Universitätsklinikum Essen.', "de")
    assert ("affiliatedWith", "Jochen Werner", "Universitätsklinikum Essen") in rel
    rel, _ = run("For yderligere oplysninger:\nBestyrelsesformand for Care Lab Cluster, direktør Lars Nielsen, "
                 "Nordic Medical A/S, mobil 20 30 40 50\n", "da")
    assert ("affiliatedWith", "Lars Nielsen", "Care Lab Cluster") in rel
    assert ("affiliatedWith", "Lars Nielsen", "Nordic Medical A/S") in rel
    rel, _ = run("Namens Biotech Cluster Gent was projectleider Sofie Peeters aanwezig.", "nl")
    assert ("affiliatedWith", "Sofie Peeters", "Biotech Cluster Gent") in rel


def test_coordinates_fields_taken_over_and_clusters_led_by():
    text = ("Die Region setzt auf drei Handlungsfelder:\n1. Medizintechnik\n2. Pflege\n3. Mobilität\n\n"
            "Die ersten beiden Handlungsfelder werden von der Hanse Beratung GmbH übernommen. "
            "Das Netzwerk MedEcon Ruhr wird von der ZENIT GmbH koordiniert.")
    rel, ex = run(text, "de")
    fields = {e.key: e.label for e in ex.entities if e.kind == "field"}
    coordinated = {o for k, s, o in rel if k == "coordinates" and s == "Hanse Beratung GmbH"}
    assert len(coordinated) == 2 and coordinated <= set(fields.values())
    assert ("coordinates", "ZENIT GmbH", "Netzwerk MedEcon Ruhr") in rel


def test_locatedin_by_name_address_and_partof_by_reference_data():
    text = ("Die Regionalagentur Bremen arbeitet mit Partnern in Bremen.\n\nKontakt\nHanse Beratung GmbH\n"
            "Bürgerstraße 1\nD-26123 Oldenburg\nTel.: +49-441-80994-45\n")
    rel, _ = run(text, "de")
    assert ("locatedIn", "Regionalagentur Bremen", "Bremen") in rel
    assert ("locatedIn", "Hanse Beratung GmbH", "Oldenburg") in rel
    rel, _ = run("Kliniken in Hamburg, Bremen und Kiel arbeiten in Deutschland zusammen.", "de")
    assert {s for k, s, o in rel if k == "partOf" and o == "Deutschland"} >= {"Hamburg", "Kiel"}


def test_focuseson_for_actor_field_and_agreement_paragraph_en():
    text = ("Medicon Valley Alliance and BioCity Ltd have signed a memorandum of understanding. "
            "The agreement covers digital health and medical technology.")
    rel, ex = run(text, "en")
    agreement = next(e.label for e in ex.entities if e.kind == "agreement")
    focused = {o for k, s, o in rel if k == "focusesOn" and s == agreement}
    assert len(focused) == 2
