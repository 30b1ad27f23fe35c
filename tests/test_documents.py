"""Reading documents from disk: text, HTML, Markdown, checksums and the errors for bad files."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone

import pytest

from ingest.documents import read_document
from ingest.errors import DocumentError, IngestError


def test_reads_plain_text_with_checksum_and_id(tmp_path):
    path = tmp_path / "007_press.txt"
    raw = "Die AGIT mbH koordiniert.\r\nZweite Zeile.\n".encode("utf-8")
    path.write_bytes(raw)
    doc = read_document(path, now=datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert doc.doc_id == "007_press"
    assert doc.media_type == "text/plain"
    assert doc.text == "Die AGIT mbH koordiniert.\nZweite Zeile.\n"
    assert doc.checksum == "sha256:" + hashlib.sha256(raw).hexdigest()
    assert doc.language == "und"
    assert doc.ingested_at.year == 2026


def test_reads_markdown_as_text(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Cluster\n\nThe Health Valley Cluster signed.", encoding="utf-8")
    doc = read_document(path)
    assert doc.media_type == "text/markdown"
    assert "Health Valley Cluster" in doc.text


def test_html_becomes_the_text_that_offsets_point_into(tmp_path):
    path = tmp_path / "page.html"
    body = "<p>" + "Het Twente Board en Oost NL hebben een overeenkomst ondertekend. " * 3 + "</p>"
    path.write_text(f"<html><head><title>x</title></head><body><nav>Menu</nav><article>{body}"
                    "<p>Dr. Anna de Wit van de Universiteit Twente was aanwezig bij de ondertekening.</p>"
                    "</article></body></html>", encoding="utf-8")
    doc = read_document(path)
    assert doc.media_type == "text/html"
    assert "<p>" not in doc.text
    start = doc.text.index("Universiteit Twente")
    assert doc.text[start:start + 19] == "Universiteit Twente"


@pytest.mark.parametrize("start", ["<!DOCTYPE html>\n<html lang=\"nl\">", "\ufeff\n<html>",
                                   "<?xml version=\"1.0\"?>\n<!-- saved page -->\n<!doctype HTML><html>"])
def test_a_page_saved_as_txt_with_its_markup_is_read_as_html(tmp_path, start):
    path = tmp_path / "scrape.txt"
    body = "<p>" + "Het Twente Board en Oost NL hebben een overeenkomst ondertekend. " * 3 + "</p>"
    path.write_text(f"{start}<head><title>x</title></head><body><nav>Menu</nav><article>{body}</article>"
                    "</body></html>", encoding="utf-8")
    doc = read_document(path)
    assert doc.media_type == "text/html"
    assert "<p>" not in doc.text and "Twente Board" in doc.text


def test_a_text_about_html_is_still_text(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("The page starts with <html> and then <body>.", encoding="utf-8")
    assert read_document(path).media_type == "text/plain"


@pytest.mark.parametrize("name, content, reason", [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"  \n\n", "no text"),
    ("binary.txt", b"\x89PNG\x00\x00\x01", "binary"),
    ("latin1.txt", "Münster".encode("latin-1"), "not UTF-8"),
    ("table.xlsx", b"x", "unknown file type"),
])
def test_bad_files_raise_document_error_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert info.value.path == str(path)
    assert reason in str(info.value)
    assert str(path) in str(info.value)
    assert isinstance(info.value, IngestError) and isinstance(info.value, OSError)


def test_a_folder_is_not_a_document(tmp_path):
    folder = tmp_path / "docs.txt"
    folder.mkdir()
    with pytest.raises(DocumentError, match="not a regular file"):
        read_document(folder)


def test_an_html_contact_box_beside_the_article_is_read(tmp_path):
    path = tmp_path / "news.html"
    article = "<p>" + "Zwölf Partner unterzeichnen eine Absichtserklärung für die Pflegerobotik. " * 3 + "</p>"
    path.write_text(
        f"<html><body><nav><ul><li><a href='/kontakt'>Kontakt</a></li></ul></nav><main><article>{article}"
        "</article><aside><h2>Ihr Ansprechpartner</h2><p>Stefan Lauer<br>Projektmanager, saaris<br>"
        "Tel. +49 681 9520-470</p><p><a href='/team'>Zum Team</a></p></aside></main>"
        "<footer><h3>Kontakt</h3><p>saaris e. V.<br>Franz-Josef-Röder-Straße 9<br>66119 Saarbrücken</p>"
        "</footer></body></html>",
        encoding="utf-8")
    text = read_document(path).text
    assert text.endswith("\n\nIhr Ansprechpartner\nStefan Lauer\nProjektmanager, saaris\nTel. +49 681 9520-470\n\n"
                         "Kontakt\nsaaris e. V.\nFranz-Josef-Röder-Straße 9\n66119 Saarbrücken")
    assert "Zum Team" not in text  # a paragraph of links only is navigation


def test_a_contact_box_the_main_text_already_holds_is_not_repeated(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><article><p>" + "Die Partner arbeiten zusammen und unterzeichnen heute. " * 3 + "</p>"
        "<h2>Kontakt</h2><p>Petra Schulz</p><p>ZENIT GmbH</p><p>Tel.: 0208 30004-0</p></article></body></html>",
        encoding="utf-8")
    text = read_document(path).text
    assert text.count("Petra Schulz") == 1
