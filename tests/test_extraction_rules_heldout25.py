"""Rules written during the twenty-fifth held-out set's session (leftovers of earlier sets first, then the
set's own failures), each on a short text written for these tests (other organisations, places and wording
than the held-out pages)."""
from __future__ import annotations

import pytest

from tests.test_extraction_rules import found, labels


# -- organisation names ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, trust", [
    ("The charter was signed by South Tyneside and Sunderland NHS Foundation Trust and Newcastle University.",
     "South Tyneside and Sunderland NHS Foundation Trust"),
    ("Partners are East Kent and Canterbury Hospitals NHS Trust, the University of Cumbria and Carlisle City "
     "Council.", "East Kent and Canterbury Hospitals NHS Trust"),
])
def test_a_compass_word_opens_the_first_area_of_a_trust_of_two(text, trust):
    assert trust in labels(text, "en", "organisation")


def test_a_university_before_and_stays_its_own_organisation():
    names = labels("The charter was signed by Newcastle University and South Tyneside NHS Foundation Trust.", "en",
                   "organisation")
    assert {"Newcastle University", "South Tyneside NHS Foundation Trust"} <= names


@pytest.mark.parametrize("board", [
    "NHS Shropshire, Telford and Wrekin",
    "NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board",
    "NHS Mid and South Essex ICB",
    "NHS Cornwall and the Isles of Scilly",
    "NHS Norfolk and Waveney Integrated Care Board",
])
def test_the_areas_an_nhs_body_serves_belong_to_its_name(board):
    text = f"The charter was signed by {board}, Keele University and the Royal Wolverhampton NHS Trust."
    assert board in labels(text, "en", "organisation")


@pytest.mark.parametrize("text, bodies", [
    ("The charter was signed by NHS Grampian and Aberdeen City Council.", {"NHS Grampian", "Aberdeen City Council"}),
    ("The charter was signed by NHS Highland, Highlands and Islands Enterprise and the University of the Highlands "
     "and Islands.", {"NHS Highland", "University of the Highlands and Islands"}),
])
def test_a_second_body_after_an_nhs_body_keeps_its_own_name(text, bodies):
    assert bodies <= labels(text, "en", "organisation")
