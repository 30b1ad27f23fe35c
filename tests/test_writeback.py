"""Measures written back into the store: a new generation with a measures graph and its PROV
activity, joined with labels and regions by SPARQL; a failed write leaves the store as it was.

The store is built from tests/data/network/brokers.trig by the build's own generation functions
(load_generation + switch_generation; no extraction).  See tests/test_export.py for the
``shared-tie`` view: Philips (NL) has betweenness 2/3, RWTH Aachen (DE) 10/21, Novo Nordisk (DK)
6/21, the others 0; Philips is the only liaison of the country partition (2 paths).
"""
from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import PROV, RDF

from graph_api.app import create_app
from graph_api.build import derive_generation, load_generation, switch_generation
from graph_api.network.writeback import measures_graph_iri, software_version, write_measures
from graph_api.oxigraph_store import GENERATIONS_DIR, POINTER_FILE, OxigraphStore, read_manifest
from graph_api.settings import Settings
from ingest.iris import DEFAULT_BASE
from ontology import HIN

ROOT = Path(__file__).resolve().parent.parent
BROKERS = ROOT / "tests" / "data" / "network" / "brokers.trig"
ORG = "https://w3id.org/hin/id/organisation/"

#: Brokers by betweenness with the English label of their country: the join of measures with
#: the rest of the graph that docs/network.md shows.
JOIN = """
PREFIX hin:  <https://w3id.org/hin/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?actor ?name ?country ?betweenness ?rank WHERE {
  ?m a hin:Measurement ; hin:measure "betweenness" ; hin:ofNode ?actor ;
     hin:value ?betweenness ; hin:rank ?rank ;
     prov:wasGeneratedBy/hin:view "shared-tie" .
  ?actor rdfs:label ?name ; hin:locatedIn ?region .
  ?region rdfs:label ?country .
  FILTER (lang(?country) = "en" && ?betweenness > 0)
}
ORDER BY ?rank
"""


def built_store(folder: Path) -> Path:
    dataset = Dataset()
    dataset.parse(BROKERS, format="trig")
    name, _, _ = load_generation(dataset, folder, base_iri=DEFAULT_BASE)
    switch_generation(folder, name)
    return folder


def current(folder: Path) -> str:
    return (folder / POINTER_FILE).read_text(encoding="utf-8").strip()


def quads(folder: Path) -> int:
    with OxigraphStore.open(folder) as store:
        return len(store)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, object]:
    folder = built_store(tmp_path_factory.mktemp("writeback"))
    before = current(folder)
    report = write_measures(folder, view="shared-tie", partition="country")
    return folder, before, report


def test_a_new_generation_holds_the_measures_graph(written) -> None:
    folder, before, report = written
    assert current(folder) != before and current(folder) == report.generation
    assert (folder / GENERATIONS_DIR / before).is_dir()  # the previous generation is kept
    graph = measures_graph_iri("shared-tie", "country")
    assert report.graph == graph == "https://w3id.org/hin/graph/measures/shared-tie/country"
    manifest = read_manifest(folder / GENERATIONS_DIR / report.generation)
    assert manifest["derived_from"] == before and manifest["added_graphs"] == [graph]
    assert manifest["default_graph"] == "union"
    with OxigraphStore.open(folder) as store:
        assert graph in store.graphs()
        assert "https://w3id.org/hin/graph/brokers-1" in store.graphs()  # the documents are still there
        count = store.select(f"SELECT (COUNT(?m) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?m a <{HIN.Measurement}> }} }}")
    assert int(count[0]["n"]) == report.measurements > 8 * 10


def test_the_activity_records_view_partition_parameters_time_and_software(written) -> None:
    folder, _, report = written
    with OxigraphStore.open(folder) as store:
        rows = store.select(f"""
            PREFIX hin: <{HIN}>  PREFIX prov: <{PROV}>  PREFIX schema: <https://schema.org/>
            SELECT * WHERE {{ GRAPH ?g {{
                ?a a hin:NetworkAnalysis, prov:Activity ; hin:view ?view ; hin:partition ?partition ;
                   hin:parameters ?parameters ; prov:used ?query ; prov:generated ?g ;
                   prov:startedAtTime ?start ; prov:endedAtTime ?end ;
                   prov:wasAssociatedWith ?software .
                ?software a prov:SoftwareAgent ; schema:softwareVersion ?version .
                ?query <{RDF.value}> ?text .
            }} }}""")
    assert len(rows) == 1
    row = rows[0]
    assert str(row["a"]) == report.activity and str(row["g"]) == report.graph
    assert (str(row["view"]), str(row["partition"])) == ("shared-tie", "country")
    assert str(row["query"]) == "https://w3id.org/hin/id/query/shared-tie"
    assert "SELECT ?source ?target" in str(row["text"])
    assert row["start"].toPython() <= row["end"].toPython()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert str(row["version"]) == software_version() == pyproject
    parameters = json.loads(str(row["parameters"]))
    assert "betweenness" in parameters["measures"] and parameters["brokerage_roles"][-1] == "total"


def test_sparql_joins_the_measures_with_labels_and_regions(written) -> None:
    folder, _, _ = written
    with OxigraphStore.open(folder) as store:
        rows = store.select(JOIN)
    assert [(str(r["name"]), str(r["country"]), int(r["rank"])) for r in rows] == [
        ("Philips", "Netherlands", 1), ("RWTH Aachen", "Germany", 2), ("Novo Nordisk", "Denmark", 3)]
    assert rows[0]["betweenness"].toPython() == pytest.approx(2 / 3)
    assert rows[0]["betweenness"].datatype == URIRef("http://www.w3.org/2001/XMLSchema#double")


def test_brokerage_roles_are_measurements(written) -> None:
    folder, _, _ = written
    with OxigraphStore.open(folder) as store:
        rows = store.select(f"""PREFIX hin: <{HIN}>
            SELECT ?actor ?value ?rank WHERE {{ ?m hin:measure "brokerage_liaison" ; hin:ofNode ?actor ;
                hin:value ?value ; hin:rank ?rank }} ORDER BY ?rank ?actor""")
        z = store.select(f"""PREFIX hin: <{HIN}>
            SELECT ?value WHERE {{ ?m hin:measure "brokerage_total_z" ; hin:ofNode <{ORG}philips> ; hin:value ?value }}""")
    assert (str(rows[0]["actor"]), float(rows[0]["value"]), int(rows[0]["rank"])) == (ORG + "philips", 2.0, 1)
    assert all(float(r["value"]) == 0.0 and int(r["rank"]) == 2 for r in rows[1:]) and len(rows) == 8
    assert len(z) == 1 and float(z[0]["value"]) > 0  # Philips brokers more than chance


def test_writing_again_replaces_the_graph(tmp_path: Path) -> None:
    folder = built_store(tmp_path / "store")
    first = write_measures(folder)  # no partition: graph .../measures/shared-tie
    size = quads(folder)
    second = write_measures(folder)
    assert second.graph == first.graph == measures_graph_iri("shared-tie")
    assert second.generation != first.generation and second.activity != first.activity
    assert quads(folder) == size  # the old graph went, the new one came
    with OxigraphStore.open(folder) as store:
        activities = store.select(f"SELECT ?a WHERE {{ ?a a <{HIN.NetworkAnalysis}> }}")
    assert [str(r["a"]) for r in activities] == [second.activity]
    assert len([p for p in (folder / GENERATIONS_DIR).iterdir() if p.is_dir()]) == 2  # pruned to keep=2


def test_a_failed_write_leaves_the_previous_generation_intact(tmp_path: Path) -> None:
    folder = built_store(tmp_path / "store")
    before, size = current(folder), quads(folder)
    bad = Dataset()
    bad.graph(URIRef(measures_graph_iri("broken"))).add(
        (URIRef("not-an-absolute-iri"), HIN.measure, Literal("degree")))
    with pytest.raises(SyntaxError, match="No scheme found"):  # pyoxigraph refuses it while loading
        derive_generation(folder, bad)
    assert current(folder) == before and quads(folder) == size
    assert sorted(p.name for p in (folder / GENERATIONS_DIR).iterdir()) == [before, before + ".json"]
    with pytest.raises(ValueError, match="unknown partition 'planet'"):
        write_measures(folder, partition="planet")
    with pytest.raises(ValueError, match="unknown view 'nope'"):
        write_measures(folder, view="nope")
    assert current(folder) == before
    with pytest.raises(ValueError, match="not a built HIN store"):
        derive_generation(tmp_path / "elsewhere", bad)


@pytest.mark.e2e
def test_the_server_answers_the_join_over_sparql(written, live_server: Callable[[FastAPI], str]) -> None:
    folder, _, _ = written
    url = live_server(create_app(Settings(store=folder)))
    response = httpx.get(url + "/sparql", params={"query": JOIN},
                         headers={"Accept": "application/sparql-results+json"}, timeout=10)
    assert response.status_code == 200, response.text
    names = [b["name"]["value"] for b in response.json()["results"]["bindings"]]
    assert names == ["Philips", "RWTH Aachen", "Novo Nordisk"]


def test_hin_brokers_write(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from graph_api.cli import main

    folder = built_store(tmp_path / "store")
    before = current(folder)
    assert main(["brokers", "--store", str(folder), "--partition", "country", "--write"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing to print: the measures went into the store
    assert f"into graph <{measures_graph_iri('shared-tie', 'country')}>" in captured.err
    assert current(folder) != before
    with OxigraphStore.open(folder) as store:
        assert measures_graph_iri("shared-tie", "country") in store.graphs()
    assert main(["brokers", "--store", str(folder), "--partition", "planet", "--write"]) == 2
    assert "unknown partition 'planet'" in capsys.readouterr().err
