"""The hin command line: ingest, build, query, validate, brokers, settings, help and docs."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from graph_api.cli import build_parser, main, settings_from
from graph_api.oxigraph_store import OxigraphStore
from graph_api.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "store" / "sample.trig"
BASE = "https://w3id.org/hin/"
DOCUMENT = ("Die Gesundheitsregion Aachen ist ein Netzwerk in der Region Aachen. Die RWTH Aachen ist "
            "Mitglied der Gesundheitsregion Aachen und arbeitet an Medizintechnik.\n")
#: A shape every extracted document description violates: documents must have ex:reviewedBy.
STRICT_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/test#> .
ex:Reviewed a sh:NodeShape ;
    sh:targetClass <https://w3id.org/hin/ontology#SourceDocument> ;
    sh:property [ sh:path ex:reviewedBy ; sh:minCount 1 ; sh:message "needs a reviewer (test shape)" ] .
"""


def run_module(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "graph_api.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def document(tmp_path) -> Path:
    path = tmp_path / "aachen.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


@pytest.fixture
def sample_store(tmp_path) -> Path:
    """A plain on-disk store holding tests/data/store/sample.trig."""
    with OxigraphStore.open(tmp_path / "store", read_only=False) as store:
        store.load(SAMPLE)
    return tmp_path / "store"


# --- help, settings, docs ----------------------------------------------------------------------

def test_help_runs_as_a_module_and_lists_every_command():
    result = run_module("--help")
    assert result.returncode == 0, result.stderr
    for command in ("ingest", "build", "serve", "query", "validate", "brokers"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE), command
    assert "examples:" in result.stdout and "hin ingest" in result.stdout


@pytest.mark.parametrize("command", ["ingest", "build", "serve", "query", "validate", "brokers"])
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert f"hin {command}" in capsys.readouterr().out.split("example:")[1]


def test_flags_override_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("HIN_STORE", str(tmp_path / "from-env"))
    monkeypatch.setenv("HIN_PORT", "9001")
    parser = build_parser()
    settings = settings_from(parser.parse_args(["serve", "--port", "9002"]))
    assert settings.store == tmp_path / "from-env" and settings.port == 9002
    settings = settings_from(parser.parse_args(["query", "ASK {}", "--store", str(tmp_path / "flag")]))
    assert settings.store == tmp_path / "flag" and settings.port == 9001


def test_an_invalid_setting_exits_2_naming_the_variable(monkeypatch, sample_store, capsys):
    monkeypatch.setenv("HIN_PORT", "eighty")
    assert main(["query", "ASK {}", "--store", str(sample_store)]) == 2
    assert "HIN_PORT" in capsys.readouterr().err


def test_every_setting_is_documented():
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        row = next((line for line in text.splitlines() if line.startswith(f"| `{name}` |")), None)
        assert row is not None, f"setting {name} is missing from docs/settings.md"
        assert f"`HIN_{name.upper()}`" in row


def test_every_command_is_documented():
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices
    for command in commands:
        assert f"## `hin {command}`" in text, f"hin {command} is missing from docs/cli.md"


# --- ingest ------------------------------------------------------------------------------------

def test_ingest_writes_trig_with_one_graph_per_document(document, tmp_path):
    out = tmp_path / "out.trig"
    result = run_module("ingest", str(document), "--output", str(out))
    assert result.returncode == 0, result.stderr
    dataset = Dataset().parse(out, format="trig")
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert graphs == {BASE + "graph/aachen"}
    assert (URIRef(BASE + "id/document/aachen"), None, None) in dataset.graph(URIRef(BASE + "graph/aachen"))


@pytest.mark.parametrize("suffix, rdflib_format, quads", [
    (".nq", "nquads", True), (".jsonld", "json-ld", True), (".ttl", "turtle", False)])
def test_ingest_writes_each_format_by_extension(document, tmp_path, suffix, rdflib_format, quads):
    out = tmp_path / f"out{suffix}"
    assert main(["ingest", str(document), "--output", str(out)]) == 0
    reference = tmp_path / "reference.nq"
    assert main(["ingest", str(document), "--output", str(reference)]) == 0
    expected = Dataset().parse(reference, format="nquads")
    if quads:
        parsed = Dataset().parse(out, format=rdflib_format)
        assert {str(g.identifier) for g in parsed.graphs() if len(g)} == {BASE + "graph/aachen"}
        assert len(parsed.graph(URIRef(BASE + "graph/aachen"))) == len(expected.graph(URIRef(BASE + "graph/aachen")))
    else:
        parsed = Graph().parse(out, format=rdflib_format)
        union = {(s, p, o) for s, p, o, _ in expected.quads((None, None, None, None))}
        assert len(parsed) == len(union) > 0


def test_ingest_with_a_base_iri_mints_under_it(document, tmp_path):
    out = tmp_path / "out.nq"
    assert main(["ingest", str(document), "--output", str(out), "--base", "https://data.example.org/hin/"]) == 0
    graphs = {str(g.identifier) for g in Dataset().parse(out, format="nquads").graphs() if len(g)}
    assert graphs == {"https://data.example.org/hin/graph/aachen"}


def test_ingest_refuses_an_unknown_extension_before_reading(document, tmp_path, capsys):
    out = tmp_path / "out.xlsx"
    assert main(["ingest", str(document), "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert "'.xlsx'" in err and ".trig" in err
    assert not out.exists()


def test_ingest_of_a_missing_file_exits_2_naming_it(tmp_path, capsys):
    out = tmp_path / "out.trig"
    assert main(["ingest", str(tmp_path / "nowhere.txt"), "--output", str(out)]) == 2
    assert "nowhere.txt" in capsys.readouterr().err
    assert not out.exists()


def test_ingest_validation_failure_writes_nothing(document, tmp_path, capsys):
    shapes = tmp_path / "strict.ttl"
    shapes.write_text(STRICT_SHAPES, encoding="utf-8")
    out = tmp_path / "out.trig"
    assert main(["ingest", str(document), "--output", str(out), "--shapes", str(shapes)]) == 1
    err = capsys.readouterr().err
    assert "needs a reviewer" in err and "nothing was written" in err
    assert sorted(tmp_path.iterdir()) == sorted([document, shapes])  # no output, no partial file


# --- validate ----------------------------------------------------------------------------------

def test_validate_accepts_what_ingest_wrote(document, tmp_path, capsys):
    out = tmp_path / "out.trig"
    assert main(["ingest", str(document), "--output", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    assert "Valid" in capsys.readouterr().out


def test_validate_reports_a_violation_with_exit_1(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<https://w3id.org/hin/id/organisation/x> a <https://w3id.org/hin/ontology#Organisation> .\n",
                   encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "bad.ttl" in out and "organisation/x" in out


def test_validate_of_an_unparsable_file_exits_2(tmp_path, capsys):
    bad = tmp_path / "broken.ttl"
    bad.write_text("<a> <b> ", encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    assert "broken.ttl" in capsys.readouterr().err


# --- build and query ---------------------------------------------------------------------------

def test_build_then_query_the_built_store(document, tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["build", "--corpus", str(document.parent), "--store", str(store)]) == 0
    captured = capsys.readouterr()
    assert "1 documents" in captured.out and "extracting" in captured.err
    query = "SELECT ?g WHERE { GRAPH ?g { ?s a <https://w3id.org/hin/ontology#SourceDocument> } }"
    assert main(["query", query, "--store", str(store), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [["g"], [BASE + "graph/aachen"]]


def test_build_refused_by_the_shapes_exits_1_and_stores_nothing(document, tmp_path, capsys):
    shapes = tmp_path / "strict.ttl"
    shapes.write_text(STRICT_SHAPES, encoding="utf-8")
    store = tmp_path / "store"
    assert main(["build", "--corpus", str(document.parent), "--store", str(store),
                 "--shapes", str(shapes)]) == 1
    err = capsys.readouterr().err
    assert "needs a reviewer" in err and "unchanged" in err
    assert not (store / "current-generation").exists()


def test_query_prints_a_table_by_default(sample_store, capsys):
    query = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label LIMIT 2"
    assert main(["query", query, "--store", str(sample_store)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["s", "label"]
    assert lines[2].split() == [BASE + "id/organisation/centech-gmbh", "CeNTech", "GmbH@de"]
    assert lines[-1] == "(2 rows)"


def test_query_reads_a_file_and_prints_json(sample_store, tmp_path, capsys):
    file = tmp_path / "count.rq"
    file.write_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", encoding="utf-8")
    assert main(["query", str(file), "--store", str(sample_store), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"]["bindings"][0]["n"]["value"] == "11"


def test_query_construct_prints_turtle_and_refuses_csv(sample_store, capsys):
    construct = "CONSTRUCT WHERE { ?s a <https://w3id.org/hin/ontology#Region> }"
    assert main(["query", construct, "--store", str(sample_store)]) == 0
    graph = Graph().parse(data=capsys.readouterr().out, format="turtle")
    assert len(graph) == 1
    assert main(["query", construct, "--store", str(sample_store), "--format", "csv"]) == 2
    assert "--format" in capsys.readouterr().err


def test_query_errors_exit_2_with_a_message(sample_store, tmp_path, capsys):
    assert main(["query", "SELECT WHERE {", "--store", str(sample_store)]) == 2
    assert "query 'SELECT WHERE {'" in capsys.readouterr().err
    assert main(["query", "ASK {}", "--store", str(tmp_path / "no-store")]) == 2
    assert "hin build" in capsys.readouterr().err
    assert main(["query", str(tmp_path / "missing.rq"), "--store", str(sample_store)]) == 2
    assert "missing.rq" in capsys.readouterr().err


# --- brokers -----------------------------------------------------------------------------------

def test_brokers_prints_a_ranking_of_the_built_store(document, tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["build", "--corpus", str(document.parent), "--store", str(store)]) == 0
    capsys.readouterr()
    assert main(["brokers", "--store", str(store), "--format", "json", "--metric", "degree"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert isinstance(report, dict)
    assert main(["brokers", "--store", str(store), "--metric", "no-such-metric"]) == 2
    assert "betweenness" in capsys.readouterr().err


# --- serve -------------------------------------------------------------------------------------

@pytest.mark.e2e
def test_serve_builds_a_missing_store_then_answers_sparql(document, tmp_path):
    import socket
    import time

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    store = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HIN_STORE": str(store)}
    server = subprocess.Popen(
        [sys.executable, "-m", "graph_api.cli", "serve", "--port", str(port),
         "--corpus", str(document.parent)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline, answer = time.monotonic() + 120, None
        while answer is None and time.monotonic() < deadline and server.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/sparql",
                                   params={"query": "SELECT ?g WHERE { GRAPH ?g { ?s a <https://w3id.org/hin/ontology#SourceDocument> } }"},
                                   headers={"Accept": "application/sparql-results+json"}, timeout=5)
            except httpx.TransportError:
                time.sleep(0.2)
        assert answer is not None, server.stderr.read() if server.poll() is not None else "no answer"
        assert answer.status_code == 200, answer.text
        rows = answer.json()["results"]["bindings"]
        assert [row["g"]["value"] for row in rows] == [BASE + "graph/aachen"]
        assert (store / "current-generation").is_file()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_brokers_cross_border_report_from_the_command_line(tmp_path, capsys):
    """`hin brokers --partition country --cross-border` over tests/data/network/brokers.trig,
    where Philips (NL) has 2 liaison and 3 gatekeeper two-paths in the shared-tie view."""
    store_dir = tmp_path / "store"
    with OxigraphStore.open(store_dir, read_only=False) as store:
        store.load(Path(__file__).resolve().parent / "data" / "network" / "brokers.trig")
    assert main(["brokers", "--store", str(store_dir), "--partition", "country", "--cross-border",
                 "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (rows[0]["label"], rows[0]["group"], rows[0]["cross_border"]) == ("Philips", "NL", "5.0")
    assert main(["brokers", "--store", str(store_dir), "--cross-border"]) == 2
    assert "need a partition" in capsys.readouterr().err
