"""Sentence splitting: lines first, then sentence ends; offsets point into the text."""
from __future__ import annotations

from ingest.sentences import split_sentences


def test_every_line_is_cut_and_offsets_match_the_text():
    text = "Menü\nStart\n\nDie AGIT mbH koordiniert. Sie sitzt in Aachen.\n- Medizintechnik\n"
    sentences = split_sentences(text, "de")
    assert [s.text for s in sentences] == ["Menü", "Start", "Die AGIT mbH koordiniert.",
                                           "Sie sitzt in Aachen.", "- Medizintechnik"]
    assert [s.index for s in sentences] == list(range(5))
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_titles_and_glued_names_do_not_end_a_sentence():
    text = "Es sprach Dr. Holger Winter vom Clustermanagement Gesundheitswirtschaft.NRW heute."
    assert [s.text for s in split_sentences(text, "de")] == [text]


def test_an_opening_quote_belongs_to_the_next_sentence():
    text = 'Er kam an. "Wir bündeln Kräfte," sagte sie.'
    sentences = split_sentences(text, "de")
    assert sentences[1].text.startswith('"Wir')


def test_hard_wrapped_prose_joins_but_a_name_line_stays_alone():
    prose = ("Die Partner aus Freiburg und Basel wollen in den kommenden drei Jahren\n"
             "gemeinsam neue Wege in der telemedizinischen Versorgung gehen.")
    assert [s.text for s in split_sentences(prose, "de")] == [prose]
    block = ("Programmabureau Zorgtechnologie Alliantie Brainport\n"
             "Sanne Kuijpers, programmamanager (Brainport Development)")
    assert [s.text for s in split_sentences(block, "nl")] == block.split("\n")
