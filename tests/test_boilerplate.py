"""Page chrome and contact blocks."""
from __future__ import annotations

from ingest.boilerplate import classify, is_chrome
from ingest.sentences import split_sentences


def test_menus_share_buttons_and_credits_are_chrome():
    for line in ("Skip til primært indhold", "Delen: LinkedIn logo", "Bildnachweis: fotolia (© Kara)",
                 "Sie sind hier: Start / Gesundheit", "• Vond u wat u zocht?", "Deel deze pagina"):
        assert is_chrome(line.lstrip("• ")), line
    assert not is_chrome("Die AGIT mbH koordiniert das Handlungsfeld.")


def test_contact_block_takes_the_name_line_before_the_phone():
    text = ("Der Text endet hier mit einem Satz.\n\nAnsprechpartnerin\nPetra Schulz\nZENIT GmbH\n"
            "Tel.: 0208 30004-0\nMail: info@zenit.de\n")
    sentences = split_sentences(text, "de")
    zones = classify(sentences)
    by_text = {s.text: zones[s.index] for s in sentences}
    assert by_text["Der Text endet hier mit einem Satz."] == "body"
    assert by_text["Petra Schulz"] == "contact"
    assert by_text["ZENIT GmbH"] == "contact"
    assert by_text["Tel.: 0208 30004-0"] == "contact"
