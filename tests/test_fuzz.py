"""Fuzzing: ingest of arbitrary text never crashes and always conforms to the shapes (hypothesis),
and the HTTP API answers generated requests without a server error (schemathesis, from the app's
own OpenAPI description).  Examples are kept few so that the file runs in well under a minute.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from ingest.documents import read_document
from ingest.errors import DocumentError
from ingest.extract import extract
from ingest.rdf import to_dataset
from shapes import format_report, validate

LEXICON = Path(__file__).resolve().parent.parent / "ingest" / "lexicon"
SAMPLE_TRIG = Path(__file__).resolve().parent / "data" / "sample.trig"
#: Words the extraction rules react to: names, legal forms, cluster and agreement words, verbs.
TRIGGERS = ["GmbH", "e.V.", "B.V.", "A/S", "Cluster", "Netzwerk", "Universität", "Hochschule",
            "Region", "Prof. Dr.", "Dr.", "koordiniert", "unterzeichnet", "Mitglied", "Partner",
            "Kooperationsvereinbarung", "samenwerkingsovereenkomst", "klynge", "und", "en", "og",
            "and", "of", "der", "die", ",", ".", ":", "\n", "\n\n", "(", ")", "-", "&", "Tel.",
            "info@example.org", "Aachen", "Maastricht", "Syddanmark", "Twente", "Oost NL"]


def _lexicon_words(*files: str) -> list[str]:
    """The plain forms (no regular expressions, ``*`` removed) of some lexicon files."""
    words = []
    for name in files:
        with open(LEXICON / name, encoding="utf-8") as stream:
            for row in csv.reader((line for line in stream if not line.startswith("#")), delimiter="\t"):
                if len(row) >= 3 and "\\" not in row[2]:
                    words.append(row[2].replace("*", ""))
    return [word for word in words if word.strip()]


WORDS = TRIGGERS + _lexicon_words("agreement_words.tsv", "cluster_words.tsv", "org_heads.tsv",
                                  "given_names.tsv", "roles.tsv")
CAPITALISED = st.from_regex(r"[A-ZÄÖÜÆØÅ][a-zäöüßæøå]{1,9}", fullmatch=True)
#: Text made of trigger words and capitalised tokens, separated by spaces.
WORDY_TEXT = st.lists(st.one_of(st.sampled_from(WORDS), CAPITALISED), min_size=1, max_size=80).map(" ".join)

FUZZ = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
#: Texts of words take longer to extract: fewer of them.
FUZZ_WORDS = settings(FUZZ, max_examples=25)


def _ingest(text: str, folder: Path) -> None:
    """Write ``text`` as a UTF-8 document, read, extract and describe it; it must conform."""
    path = folder / "fuzzed.txt"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        document = read_document(path)
    except DocumentError as error:  # a clear refusal (e.g. only whitespace) is a valid outcome
        assert str(path) in str(error)
        assert error.reason.startswith(("has no text to extract from", "looks binary")), error
        return
    extraction = extract(document)
    result = validate(to_dataset([extraction]))
    assert result.conforms, format_report(result)


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(text=st.text(max_size=400))
def test_ingest_of_arbitrary_unicode_never_crashes_and_conforms(text, fuzz_folder):
    _ingest(text, fuzz_folder)


@FUZZ_WORDS
@given(text=WORDY_TEXT)
def test_ingest_of_trigger_words_and_capitalised_names_conforms(text, fuzz_folder):
    _ingest(text, fuzz_folder)


@FUZZ_WORDS
@given(text=st.lists(st.one_of(WORDY_TEXT, st.text(max_size=40)), min_size=1, max_size=6).map("\n".join))
def test_ingest_of_mixed_lines_conforms(text, fuzz_folder):
    _ingest(text, fuzz_folder)


# --- schemathesis over the app's OpenAPI description ----------------------------------------

def _sample_app():
    """The app over tests/data/sample.trig (an in-memory store; the settings' store is unused)."""
    from graph_api.app import create_app
    from graph_api.oxigraph_store import OxigraphStore
    from graph_api.settings import Settings

    store = OxigraphStore.in_memory()
    store.load(SAMPLE_TRIG)
    return create_app(Settings(store=Path("unused-store")), store=store)


#: Built at import: schemathesis's lazy fixture loader does not work with pytest 9.
schema = schemathesis.openapi.from_asgi("/openapi.json", _sample_app())


@schema.parametrize()
@settings(max_examples=15, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_no_request_the_openapi_description_allows_gives_a_server_error(case):
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    assert response.status_code < 500, response.text
    assert "Traceback" not in response.text
