"""Bad documents: each gives a result or a DocumentError that names the file and says what to do,
never another exception; through ``hin ingest`` and ``hin build`` one bad file is reported and the
rest still load (``--strict`` refuses), and a refused build leaves the store as it was.  The inputs
are made here, in tmp_path (docs/security.md, "Documents").

The full-size pathological texts (one line of 1 MB, 10,000 capitalised names) take tens of
seconds to extract; they are part of the default run, as the guarantee is about their size.
"""
from __future__ import annotations

import codecs
import os
import random
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph_api.cli import main
from graph_api.oxigraph_store import GENERATIONS_DIR, POINTER_FILE, OxigraphStore
from ingest.documents import MAX_DOCUMENT_BYTES, MAX_TEXT_CHARACTERS, read_document
from ingest.errors import DocumentError
from ingest.extract import extract
from ingest.rdf import to_dataset
from shapes import format_report, validate

REPO = Path(__file__).resolve().parent.parent
GOOD = ("Die AGIT mbH koordiniert das Netzwerk Gesundheitswirtschaft in Aachen. Die RWTH Aachen "
        "und das Universitätsklinikum Aachen sind Partner des Netzwerks.\n")
UMLAUT_TEXT = "Die Münsteraner Initiative für Gesundheit arbeitet mit Enschede zusammen.\n"


def words(count: int, seed: int = 1) -> list[str]:
    """``count`` lower-case words drawn from a pool of 2,000 random ones (fast for a megabyte)."""
    rng = random.Random(seed)
    pool = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9))) for _ in range(2000)]
    return rng.choices(pool, k=count)


def capitalised_names(count: int, seed: int = 2) -> str:
    return ", ".join(word.capitalize() for word in words(count, seed)) + ".\n"


def one_line(size: int) -> str:
    return " ".join(words(size // 5))[:size]


def refused(path: Path, *fragments: str) -> str:
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    message = str(caught.value)
    assert caught.value.path == str(path) and message.startswith(str(path))
    for fragment in fragments:
        assert fragment in message, message
    return message


def conforms(path: Path) -> None:
    result = validate(to_dataset([extract(read_document(path))]))
    assert result.conforms, format_report(result)


# --- read_document --------------------------------------------------------------------------

def test_empty_and_whitespace_files_are_refused(tmp_path):
    for name, content in (("empty.txt", b""), ("blank.md", b" \n\t\r\n"), ("bom-only.txt", codecs.BOM_UTF8)):
        (tmp_path / name).write_bytes(content)
        refused(tmp_path / name, "no text")


def test_binary_data_is_refused(tmp_path):
    rng = random.Random(3)
    noise = bytes(rng.randrange(256) for _ in range(20_000))
    cases = {"png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise, "noise.html": noise,
             "controls.txt": bytes(rng.choice(range(1, 32)) for _ in range(5000))}
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        message = refused(tmp_path / name)
        assert "binary" in message or "not UTF-8" in message


def test_a_50_mb_file_is_refused_at_once_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as stream:
        line = (" ".join(words(200)) + "\n").encode("ascii")
        stream.write(line * (50_000_000 // len(line) + 1))
    assert path.stat().st_size > 50_000_000 > MAX_DOCUMENT_BYTES
    started = time.monotonic()
    refused(path, "50.0 MB", "limit", "split it")
    assert time.monotonic() - started < 1.0


def test_a_text_over_the_character_limit_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(one_line(MAX_TEXT_CHARACTERS + 10), encoding="utf-8")
    refused(path, f"{MAX_TEXT_CHARACTERS:,}", "split it")


def test_latin1_and_windows_1252_are_refused_with_where_and_how_to_convert(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(("Erste Zeile.\n" + UMLAUT_TEXT).encode("latin-1"))
    refused(path, "not UTF-8", "line 2, column 6", "0xfc", "iconv -f WINDOWS-1252 -t UTF-8")
    path = tmp_path / "cp1252.md"
    path.write_bytes("Kosten: 5 € für „Gesundheit“.".encode("cp1252"))
    refused(path, "not UTF-8", "0x80", "iconv")


def test_mixed_encodings_are_refused_as_mixed(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(UMLAUT_TEXT.encode("utf-8") + "Zweite Zeile für Köln.\n".encode("latin-1"))
    refused(path, "not UTF-8", "mixes UTF-8 with another encoding", "line 2")
    path = tmp_path / "mixed-late.txt"
    path.write_bytes("Köln ist schön.\n".encode("latin-1") + UMLAUT_TEXT.encode("utf-8"))
    refused(path, "mixes UTF-8", "line 1")


@pytest.mark.parametrize("encoding, bom", [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                           ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-32-le", codecs.BOM_UTF32_LE)])
def test_unicode_with_a_byte_order_mark_is_read(tmp_path, encoding, bom):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(bom + UMLAUT_TEXT.replace("\n", "\r\n").encode(encoding))
    document = read_document(path)
    assert document.text == UMLAUT_TEXT
    assert document.checksum.startswith("sha256:")


def test_utf16_without_a_byte_order_mark_is_refused(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(UMLAUT_TEXT.encode("utf-16-le"))
    refused(path, "binary", "byte-order mark")


def test_a_broken_byte_order_mark_is_refused(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + b"A\x00\x00\xd8")  # a lone surrogate after the mark
    refused(path, "UTF-16", "convert it to UTF-8")


def test_html_in_its_declared_charset_is_read_and_a_false_declaration_refused(tmp_path):
    body = f"<p>{UMLAUT_TEXT * 3}</p><p>Dr. Anna de Wit von der Universität Münster war dabei.</p>"
    for declaration in ('<meta charset="ISO-8859-1">',
                        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'):
        path = tmp_path / "latin1.html"
        path.write_bytes(f"<html><head>{declaration}</head><body><article>{body}</article></body></html>"
                         .encode("cp1252"))
        assert "Münsteraner Initiative für Gesundheit" in read_document(path).text
    path = tmp_path / "liar.html"
    path.write_bytes(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode("latin-1"))
    refused(path, "not UTF-8")


@pytest.mark.parametrize("html, outcome", [
    ("<html><body><article><p>" + GOOD * 3 + "<div><span><b><i>", "text"),  # never closed
    ('<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>' + GOOD * 3 + "</p></body></html>", "text"),
    ("<html><body><article><p>" + GOOD * 3 + "</p></div></span></article></body></html></html></p>",
     "text"),  # closes what never opened
    ("<<<>>><p<<p>>>&&&&#x110000;&#0;<!-- never ends" * 50, "error"),
    ("<div>" * 100_000 + GOOD + "</div>" * 10, "either"),  # nested 100,000 deep
    ("<script>" + "x = 1;" * 5000 + "</script><style>p{}</style>", "error"),
    ("just text, no tags at all", "error"),
])
def test_malformed_html_gives_text_or_a_clear_error(tmp_path, html, outcome):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    try:
        document = read_document(path)
    except DocumentError as error:
        assert outcome != "text", error
        assert "HTML" in str(error) and str(path) in str(error)
        return
    assert outcome != "error"
    assert "AGIT" in document.text and "<" not in document.text


def test_control_characters_become_spaces(tmp_path):
    path = tmp_path / "controls.txt"
    path.write_text("Die AGIT\x0b mbH\x1f koordiniert\x7f das Netzwerk.\f", encoding="utf-8")
    assert read_document(path).text == "Die AGIT  mbH  koordiniert  das Netzwerk. "


def test_a_1_mb_line_and_10000_names_are_read_whole(tmp_path):
    line, names = tmp_path / "line.txt", tmp_path / "names.txt"
    line.write_text(one_line(1_000_000), encoding="utf-8")
    names.write_text(capitalised_names(10_000), encoding="utf-8")
    assert len(read_document(line).text) == 1_000_000
    assert read_document(names).text.count(", ") == 9_999


def test_a_1_mb_line_extracts_and_conforms(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text(one_line(1_000_000), encoding="utf-8")
    conforms(path)


def test_10000_capitalised_names_extract_and_conform(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text(capitalised_names(10_000), encoding="utf-8")
    conforms(path)


# --- the command line, as a user runs it -----------------------------------------------------

def hin(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env = {k: v for k, v in env.items() if not k.startswith("HIN_")}
    return subprocess.run([sys.executable, "-m", "graph_api.cli", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


def bad_files(folder: Path) -> dict[str, str]:
    """A bad file of each kind -> a fragment of the reason hin must give for it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes(UMLAUT_TEXT.encode("latin-1"))
    (folder / "mixed.md").write_bytes(UMLAUT_TEXT.encode("utf-8") + UMLAUT_TEXT.encode("latin-1"))
    (folder / "utf16.txt").write_bytes(UMLAUT_TEXT.encode("utf-16-le"))
    (folder / "broken.html").write_text("<<<>>><p<<p>>>" * 20, encoding="utf-8")
    with open(folder / "huge.txt", "wb") as stream:  # 50 MB, mostly a hole: refused by its size
        stream.truncate(50_000_000)
    return {"empty.txt": "no text", "binary.txt": "binary", "latin1.txt": "not UTF-8",
            "mixed.md": "mixes UTF-8", "utf16.txt": "byte-order mark", "broken.html": "HTML",
            "huge.txt": "50.0 MB"}


def assert_each_reported(stderr: str, folder: Path, reasons: dict[str, str]) -> None:
    assert "Traceback" not in stderr
    for name, reason in reasons.items():
        lines = [line for line in stderr.splitlines() if str(folder / name) in line]
        assert lines and any(reason in line for line in lines), (name, stderr)


def test_hin_ingest_reports_each_bad_file_and_writes_the_rest(tmp_path, capsys):
    reasons = bad_files(tmp_path / "in")
    good = tmp_path / "in" / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.trig"
    bad = [str(tmp_path / "in" / name) for name in reasons]
    done = hin("ingest", str(good), *bad, "--output", str(out))  # as a user runs it: a process
    assert done.returncode == 0, done.stderr
    assert_each_reported(done.stderr, tmp_path / "in", reasons)
    assert f"{len(reasons)} of {len(reasons) + 1} documents left out" in done.stderr
    assert "from 1 documents" in done.stderr and "graph/good" in out.read_text(encoding="utf-8")
    strict_out = tmp_path / "strict.trig"  # the same command line in this process (faster)
    assert main(["ingest", "--strict", str(good), *bad, "--output", str(strict_out)]) == 2
    assert "--strict" in capsys.readouterr().err and not strict_out.exists()
    assert main(["ingest", *bad, "--output", str(strict_out)]) == 2
    err = capsys.readouterr().err
    assert "none of the documents can be read" in err and not strict_out.exists()
    assert_each_reported(err, tmp_path / "in", reasons)


def store_state(store: Path) -> tuple[str, list[str]]:
    return ((store / POINTER_FILE).read_text(encoding="utf-8"),
            sorted(p.name for p in (store / GENERATIONS_DIR).iterdir()))


def test_hin_build_leaves_bad_files_out_and_strict_refuses_leaving_the_store_as_it_was(tmp_path, capsys):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    assert main(["build", "--corpus", str(corpus), "--store", str(store)]) == 0
    before = store_state(store)
    reasons = bad_files(corpus / "bad")
    (corpus / "second.txt").write_text(GOOD.replace("Aachen", "Maastricht"), encoding="utf-8")
    capsys.readouterr()

    assert main(["build", "--strict", "--corpus", str(corpus), "--store", str(store)]) == 2
    captured = capsys.readouterr()
    assert str(corpus / "bad") in captured.err and captured.out == ""
    assert store_state(store) == before

    done = hin("build", "--corpus", str(corpus), "--store", str(store))
    assert done.returncode == 0, done.stderr
    assert_each_reported(done.stderr, corpus / "bad", reasons)
    assert f"2 documents ({len(reasons)} skipped" in done.stdout
    assert store_state(store)[0] != before[0]
    with OxigraphStore.open(store) as opened:
        graphs = {str(g) for g in opened.graphs()}
    assert {"https://w3id.org/hin/graph/good", "https://w3id.org/hin/graph/second"} <= graphs
    assert not any("/graph/empty" in g or "/graph/latin1" in g for g in graphs)


def test_hin_build_of_only_bad_files_is_refused(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    reasons = bad_files(corpus)
    assert main(["build", "--corpus", str(corpus), "--store", str(tmp_path / "store")]) == 2
    err = capsys.readouterr().err
    assert "none of the" in err
    assert_each_reported(err, corpus, reasons)
    assert not (tmp_path / "store" / POINTER_FILE).exists()
