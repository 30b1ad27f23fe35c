"""hin load: RDF dataset files into a new store generation, atomically (graph_api/bulk_load.py)."""
from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_api.build import REFERENCE_GRAPHS
from graph_api.bulk_load import dataset_format, load_store
from graph_api.cli import main
from graph_api.oxigraph_store import POINTER_FILE, OxigraphStore, read_manifest, resolve_store_path
from ingest.synthetic import synthetic_quads, write_synthetic

BASE = "https://w3id.org/hin/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def synth(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("synth") / "synth.nq.gz"
    write_synthetic(path, 150, seed=5)
    return path


def _count(store: OxigraphStore, sparql: str = COUNT) -> int:
    return int(store.select(sparql)[0]["n"])


def test_load_makes_a_generation_with_the_union_and_the_reference_graphs(synth, tmp_path):
    store_dir = tmp_path / "store"
    report = load_store([synth], store_dir, base_iri=BASE)
    quads = list(synthetic_quads(150, seed=5))
    assert report.files == 1 and report.store == resolve_store_path(store_dir)
    manifest = read_manifest(report.store)
    assert manifest["default_graph"] == "union" and manifest["loaded_from"] == [str(synth)]
    with OxigraphStore.open(store_dir) as store:
        graphs = set(store.graphs())
        assert {BASE + "graph/" + local for local in REFERENCE_GRAPHS} <= graphs
        assert len(graphs) == len({q.graph_name for q in quads}) + len(REFERENCE_GRAPHS)
        in_named = _count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert in_named == report.quads == manifest["quads_in_named_graphs"]
        union = {(q.subject, q.predicate, q.object) for q in store.oxigraph.quads_for_pattern(None, None, None, None)
                 if not isinstance(q.graph_name, ox.DefaultGraph)}
        assert _count(store) == len(union)  # the default graph is the set union, blank nodes kept
        assert store.oxigraph.contains_named_graph(ox.NamedNode(quads[0].graph_name.value))


def test_a_failed_load_leaves_the_store_as_it_was(synth, tmp_path):
    store_dir = tmp_path / "store"
    load_store([synth], store_dir, base_iri=BASE)
    pointer = (store_dir / POINTER_FILE).read_text()
    bad = tmp_path / "bad.nq"
    bad.write_text('<http://x/s> <http://x/p> "unterminated <http://x/g> .\n')
    with pytest.raises(SyntaxError, match="bad.nq"):
        load_store([synth, bad], store_dir, base_iri=BASE)
    loose = tmp_path / "loose.nq"
    loose.write_text("<http://x/s> <http://x/p> <http://x/o> .\n")  # a triple in no named graph
    with pytest.raises(ValueError, match="outside named graphs"):
        load_store([loose], store_dir, base_iri=BASE)
    assert (store_dir / POINTER_FILE).read_text() == pointer
    assert [p.name for p in (store_dir / "generations").iterdir() if p.name.startswith(".")] == []


def test_reference_graphs_of_a_dump_are_replaced(tmp_path):
    dump = tmp_path / "dump.trig"
    dump.write_text(f"<{BASE}graph/ontology> {{ <http://x/old> <http://x/p> <http://x/o> . }}\n"
                    f"<{BASE}graph/doc> {{ <http://x/s> <http://x/p> <http://x/o> . }}\n")
    load_store([dump], tmp_path / "store", base_iri=BASE)
    with OxigraphStore.open(tmp_path / "store") as store:
        assert store.select("SELECT ?g WHERE { GRAPH ?g { <http://x/old> ?p ?o } }") == []
        assert store.select("SELECT ?g WHERE { GRAPH ?g { <http://x/s> ?p ?o } }") != []
        assert _count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BASE}graph/ontology> {{ ?s ?p ?o }} }}") > 100


@pytest.mark.parametrize("name, expected", [("a.nq", (ox.RdfFormat.N_QUADS, False)),
                                            ("a.NQ.gz", (ox.RdfFormat.N_QUADS, True)),
                                            ("a.trig.gz", (ox.RdfFormat.TRIG, True)),
                                            ("a.trig", (ox.RdfFormat.TRIG, False))])
def test_dataset_format(name, expected):
    assert dataset_format(name) == expected


@pytest.mark.parametrize("name", ["a.ttl", "a.gz", "a", "a.nt.gz"])
def test_dataset_format_refuses_triples_and_unknown_files(name):
    with pytest.raises(ValueError, match="named graphs"):
        dataset_format(name)


def test_cli_load_and_validate(synth, tmp_path, capsys):
    store_dir = tmp_path / "store"
    assert main(["load", str(synth), "--store", str(store_dir), "--validate"]) == 0
    captured = capsys.readouterr()
    assert "validating" in captured.err and "loaded" in captured.out and "quads/s" in captured.out
    first = (store_dir / POINTER_FILE).read_text()
    invalid = tmp_path / "invalid.nq"  # a member of a cluster that this graph does not type
    invalid.write_text(f"<{BASE}id/organisation/a> <https://w3id.org/hin/ontology#memberOf> "
                       f"<{BASE}id/cluster/c> <{BASE}graph/doc> .\n")
    assert main(["load", str(invalid), "--store", str(store_dir), "--validate"]) == 1
    assert "does not conform" in capsys.readouterr().err
    assert main(["load", str(tmp_path / "missing.nq"), "--store", str(store_dir)]) == 2
    assert "file not found" in capsys.readouterr().err
    assert (store_dir / POINTER_FILE).read_text() == first
    with gzip.open(synth) as stream:
        lines = stream.read().count(b"\n")
    with OxigraphStore.open(store_dir) as store:
        assert _count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                      f"FILTER(STRSTARTS(STR(?g), '{BASE}graph/synthetic')) }}") == lines
