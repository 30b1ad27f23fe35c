"""The explain view (ingest.explain) and `hin ingest --explain`."""
from __future__ import annotations

import re

from graph_api.cli import main
from ingest.explain import explain_html, explain_text, mark_text, marked_spans
from tests.handmade import DOC_A, doc_a


def test_mark_text_puts_each_mark_at_its_offsets():
    text = "De CeNTech GmbH in Münster."
    assert mark_text(text, [(3, 15, "Organisation"), (19, 26, "Region")]) == \
        "De [Organisation: CeNTech GmbH] in [Region: Münster]."


def test_explain_text_marks_every_mention_at_the_right_place():
    extraction = doc_a()
    view = explain_text(extraction)
    body = view.split("\n== entities")[0].split("\n", 2)[2]
    assert "[Organisation: Industrie- und Handelskammer Nord Westfalen]" in body
    assert "Dr. [Person: Holger Winter]" not in body  # the longer alias "Dr. Holger Winter" is the mention
    assert "[Person: Dr. Holger Winter]" in body
    # removing the marks gives the text back, so every mark sits exactly on its span
    plain = re.sub(r"\[(?:Organisation|Person|Cluster|Region|Field|Agreement): ([^\]]*)\]", r"\1", body)
    assert plain.strip() == DOC_A.strip()
    assert len(re.findall(r"\[(?:Organisation|Person|Region|Agreement): ", body)) == len(marked_spans(extraction))


def test_explain_text_lists_relations_with_confidence_rule_and_sentence():
    view = explain_text(doc_a())
    assert "0.90  person-of-org  Holger Winter -affiliatedWith-> CeNTech GmbH" in view
    assert "sentence 2: Dr. Holger Winter von der CeNTech GmbH sprach in Münster." in view


def test_explain_html_escapes_and_highlights():
    page = explain_html([doc_a()])
    assert '<mark class="organisation" title="Organisation: CeNTech GmbH (0.90, test)">CeNTech GmbH</mark>' in page
    assert "<td>person-of-org</td>" in page and page.startswith("<!DOCTYPE html>")


def test_cli_explain_prints_the_view_and_writes_no_rdf(tmp_path, capsys, monkeypatch):
    document = tmp_path / "page.txt"
    document.write_text("Die CeNTech GmbH in Münster arbeitet mit der Universität Twente zusammen.\n",
                        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", "--explain", str(document), "--explain-html", str(tmp_path / "view.html")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== page.txt (de)")
    assert "[Organisation: CeNTech GmbH]" in out
    assert (tmp_path / "view.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt", "view.html"]


def test_cli_ingest_without_output_or_explain_is_refused(tmp_path, capsys):
    document = tmp_path / "page.txt"
    document.write_text("Die CeNTech GmbH forscht.\n", encoding="utf-8")
    assert main(["ingest", str(document)]) == 2
    assert "--output" in capsys.readouterr().err
