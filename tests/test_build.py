"""The atomic build: corpus -> store generation -> pointer switch; failures leave the store as it was."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from graph_api import build
from graph_api.build import (BUILDING_PREFIX, BuildReport, build_store, list_documents,
                             prune_generations)
from graph_api.oxigraph_store import GENERATIONS_DIR, POINTER_FILE, OxigraphStore
from ingest.errors import DocumentError
from shapes import InvalidGraphError

BASE = "https://w3id.org/hin/"

DOCUMENTS = {
    "aachen.txt": (
        "Gesundheitsregion Aachen\n\n"
        "Die Gesundheitsregion Aachen ist ein Netzwerk von Kliniken, Hochschulen und Unternehmen in "
        "der Region Aachen. Die RWTH Aachen und das Universitätsklinikum Aachen sind Mitglieder des "
        "Netzwerks. Gemeinsam mit Partnern aus Belgien und den Niederlanden arbeiten sie an "
        "Medizintechnik.\n"),
    "twente.md": (
        "# Health Hub Twente\n\n"
        "Health Hub Twente is een samenwerkingsverband in de regio Twente. De Universiteit Twente "
        "en het Medisch Spectrum Twente zijn partners van Health Hub Twente en werken samen aan "
        "medische technologie.\n"),
}

#: A shape every extracted document description violates: documents must have ex:reviewedBy.
STRICT_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/test#> .
ex:Reviewed a sh:NodeShape ;
    sh:targetClass <https://w3id.org/hin/ontology#SourceDocument> ;
    sh:property [ sh:path ex:reviewedBy ; sh:minCount 1 ;
                  sh:message "every document needs a reviewer (test shape)" ] .
"""


def write_corpus(folder: Path, documents: dict[str, str] = DOCUMENTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def snapshot(store_dir: Path) -> tuple[str, int, list[str], set[str]]:
    """What a reader sees: the generation in use, its size, its graphs, every quad without bnodes."""
    with OxigraphStore.open(store_dir) as store:
        rows = store.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                            "FILTER(!isBlank(?s) && !isBlank(?o)) }")
        quads = {" ".join(row[k].n3() for k in ("s", "p", "o", "g")) for row in rows}
        return store.location.name, len(store), store.graphs(), quads


def iris(store_dir: Path) -> set[str]:
    with OxigraphStore.open(store_dir) as store:
        rows = store.select("SELECT DISTINCT ?x WHERE { { ?x ?p ?o } UNION { ?s ?p ?x } FILTER(isIRI(?x)) }")
        return {str(row["x"]) for row in rows}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, BuildReport]:
    """One build of the two-document corpus, shared by the read-only tests."""
    root = tmp_path_factory.mktemp("built")
    corpus = write_corpus(root / "corpus")
    report = build_store(corpus, root / "store", base_iri=BASE)
    return corpus, root / "store", report


def test_list_documents_skips_hidden_readme_and_other_files(tmp_path):
    write_corpus(tmp_path)
    (tmp_path / "README.md").write_text("where these came from", encoding="utf-8")
    (tmp_path / ".draft.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "data.csv").write_text("a,b", encoding="utf-8")
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "page.html").write_text("<p>x</p>", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in list_documents(tmp_path)] == [
        "aachen.txt", "nl/page.html", "twente.md"]


def test_an_empty_or_missing_corpus_is_refused(tmp_path):
    with pytest.raises(ValueError, match="no documents"):
        list_documents(tmp_path)
    with pytest.raises(OSError, match="corpus folder not found"):
        build_store(tmp_path / "missing", tmp_path / "store", base_iri=BASE)
    assert not (tmp_path / "store" / POINTER_FILE).exists()


def test_build_stores_each_document_as_a_graph_with_the_reference_graphs(built):
    _, store_dir, report = built
    assert report.documents == 2 and report.seconds > 0
    assert (store_dir / POINTER_FILE).read_text(encoding="utf-8").strip() == report.store.name
    with OxigraphStore.open(store_dir) as store:
        assert store.location == report.store
        assert store.graphs() == [BASE + "graph/aachen", BASE + "graph/fields",
                                  BASE + "graph/ontology", BASE + "graph/twente"]
        in_graphs = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert int(in_graphs[0]["n"]) == report.quads and report.graphs == 4
        merged = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        distinct = store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                                "WHERE { GRAPH ?g { ?s ?p ?o } } }")
        assert int(merged[0]["n"]) == int(distinct[0]["n"]) < report.quads  # a set, not a bag
        documents = store.select("SELECT ?d WHERE { ?d a <https://w3id.org/hin/ontology#SourceDocument> } ORDER BY ?d")
        assert [str(row["d"]) for row in documents] == [BASE + "id/document/aachen", BASE + "id/document/twente"]
    vocabulary = Graph().parse(build.REFERENCE_GRAPHS["ontology"])
    with OxigraphStore.open(store_dir) as store:
        count = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BASE}graph/ontology> {{ ?s ?p ?o }} }}")
    assert int(count[0]["n"]) == len(vocabulary)


def test_no_partial_generation_is_left_after_a_build(built):
    _, store_dir, report = built
    names = sorted(p.name for p in (store_dir / GENERATIONS_DIR).iterdir())
    assert names == [report.store.name, report.store.name + ".json"]  # the folder and its manifest


def test_rebuild_gives_the_same_iris_and_keeps_two_generations(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    store_dir = tmp_path / "store"
    reports = [build_store(corpus, store_dir, base_iri=BASE) for _ in range(3)]
    assert len({r.store.name for r in reports}) == 3
    kept = sorted(p.name for p in (store_dir / GENERATIONS_DIR).iterdir())
    assert kept == [reports[1].store.name, reports[1].store.name + ".json",
                    reports[2].store.name, reports[2].store.name + ".json"]
    with OxigraphStore.open(reports[1].store) as first, OxigraphStore.open(store_dir) as last:
        query = "SELECT DISTINCT ?x WHERE { ?x ?p ?o FILTER(isIRI(?x)) }"
        assert {str(r["x"]) for r in first.select(query)} == {str(r["x"]) for r in last.select(query)}
    assert URIRef(BASE + "id/document/aachen") in {URIRef(i) for i in iris(store_dir)}


def test_a_bad_document_leaves_the_previous_store_unchanged(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    store_dir = tmp_path / "store"
    build_store(corpus, store_dir, base_iri=BASE)
    before = snapshot(store_dir)
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    with pytest.raises(DocumentError, match="broken.txt"):
        build_store(corpus, store_dir, base_iri=BASE)
    assert snapshot(store_dir) == before
    assert len(list((store_dir / GENERATIONS_DIR).iterdir())) == 2  # one generation + manifest


def test_a_validation_failure_leaves_the_previous_store_unchanged(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    store_dir = tmp_path / "store"
    build_store(corpus, store_dir, base_iri=BASE)
    before = snapshot(store_dir)
    (corpus / "extra.txt").write_text("Die Region Aachen arbeitet mit Maastricht zusammen.\n",
                                      encoding="utf-8")
    with pytest.raises(InvalidGraphError, match="reviewer") as caught:
        build_store(corpus, store_dir, base_iri=BASE, shapes=Graph().parse(data=STRICT_SHAPES))
    assert not caught.value.result.conforms
    assert snapshot(store_dir) == before


def test_a_failure_while_loading_removes_the_partial_generation(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus")
    store_dir = tmp_path / "store"
    build_store(corpus, store_dir, base_iri=BASE)
    before = snapshot(store_dir)
    broken = tmp_path / "broken-fields.ttl"
    broken.write_text("@prefix ex: <https://example.org/> .\nex:a ex:b ", encoding="utf-8")
    monkeypatch.setitem(build.REFERENCE_GRAPHS, "fields", broken)  # the last file loaded fails
    with pytest.raises(SyntaxError):
        build_store(corpus, store_dir, base_iri=BASE)
    assert snapshot(store_dir) == before
    leftovers = [p.name for p in (store_dir / GENERATIONS_DIR).iterdir() if p.name.startswith(BUILDING_PREFIX)]
    assert leftovers == []


def test_build_refuses_a_folder_that_is_not_a_store(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="not a HIN store"):
        build_store(corpus, tmp_path / "elsewhere", base_iri=BASE)
    assert [p.name for p in (tmp_path / "elsewhere").iterdir()] == ["notes.txt"]


def test_prune_never_removes_the_current_generation(tmp_path):
    generations = tmp_path / GENERATIONS_DIR
    for name in ("20260101T000000.000000Z", "20260102T000000.000000Z", "20260103T000000.000000Z"):
        (generations / name).mkdir(parents=True)
    (tmp_path / POINTER_FILE).write_text("20260101T000000.000000Z\n", encoding="utf-8")
    removed = prune_generations(tmp_path, keep=1)
    assert sorted(p.name for p in removed) == ["20260102T000000.000000Z"]
    assert sorted(p.name for p in generations.iterdir()) == [
        "20260101T000000.000000Z", "20260103T000000.000000Z"]


def test_the_default_graph_is_the_set_union_of_the_document_graphs(built):
    """A triple stated in two document graphs is one triple of the default graph, not two
    (pyoxigraph's union-default mode would count it twice)."""
    _, store_dir, _ = built
    with OxigraphStore.open(store_dir) as store:
        assert store.has_union_graph
        per_graph = store.select("SELECT ?g WHERE { GRAPH ?g { ?s a ?type } } ")
        default = store.select("SELECT ?s ?type WHERE { ?s a ?type }")
        distinct = store.select("SELECT DISTINCT ?s ?type WHERE { GRAPH ?g { ?s a ?type } }")
        assert len(default) == len(distinct) < len(per_graph)
