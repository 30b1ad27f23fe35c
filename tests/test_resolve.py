"""Within-document resolution and slugs."""
from __future__ import annotations

from ingest.candidates import Candidate
from ingest.resolve import canonical, resolve


def cand(label, kind="organisation", aliases=(), head="", start=0):
    return Candidate(kind, start, start + len(label), label, 0, label, "test", 0.9, set(aliases), head)


def test_canonical_drops_legal_form_title_and_bracket():
    assert canonical("Dieter Meyer Consulting GmbH (MCON)", "de") == "dieter meyer consulting"
    assert canonical("REGIO Aachen e. V.", "de") == canonical("Regio Aachen e.V.", "de") == "regio aachen"
    assert canonical("Dr. Holger Winter", "nl") == "holger winter"


def test_same_actor_with_and_without_legal_form_or_by_its_abbreviation():
    entities, keys = resolve([cand("Hanse Beratung GmbH", aliases={"HBG"}), cand("Hanse Beratung", start=50),
                              cand("HBG", start=90)], "de")
    assert len(entities) == 1
    assert entities[0].slug == "hanse-beratung"
    assert entities[0].label == "Hanse Beratung GmbH"
    assert {"HBG", "Hanse Beratung"} <= entities[0].alt_labels


def test_translated_names_of_the_same_class_merge_but_other_institutions_do_not():
    entities, _ = resolve([cand("Gesellschaft für Zellbiologie Bremen e.V.", head="association"),
                           cand("Vereniging voor Zellbiologie Bremen e.V.", head="association", start=80),
                           cand("Universität Bremen", head="university", start=160),
                           cand("Universitätsklinikum Bremen", head="hospital", start=200)], "nl")
    assert sorted(e.label for e in entities) == ["Gesellschaft für Zellbiologie Bremen e.V.", "Universität Bremen",
                                                 "Universitätsklinikum Bremen"]


def test_a_name_and_the_same_name_with_a_trailing_place_are_one_cluster():
    entities, _ = resolve([cand("Bündnis Pflege im Norden", "cluster"),
                           cand("Bündnis Pflege im Norden Weser-Ems", "cluster", start=60)], "de")
    assert [e.label for e in entities] == ["Bündnis Pflege im Norden Weser-Ems"]
