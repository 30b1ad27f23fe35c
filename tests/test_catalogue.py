"""The named-query catalogue: every shipped .rq parses, has a header and is documented."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib import Literal, URIRef

from graph_api.oxigraph_store import OxigraphStore
from queries import QUERIES_DIR, Catalogue, NamedQuery, Parameter, load_catalogue
from queries.catalogue import KINDS, PARAMETER_TYPES

DOCS = Path(__file__).resolve().parent.parent / "docs"
SHIPPED = sorted(QUERIES_DIR.glob("*.rq"))
TIES = Path(__file__).resolve().parent / "data" / "network" / "ties.trig"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def test_every_shipped_file_is_in_the_catalogue(catalogue: Catalogue) -> None:
    assert [q.slug for q in catalogue] == [p.stem for p in SHIPPED]
    assert len(catalogue.examples()) >= 10
    assert {"shared-cluster", "shared-agreement", "shared-tie", "cluster-overlap"} <= {v.slug for v in catalogue.views()}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_query_has_a_header_and_parses(path: Path, catalogue: Catalogue) -> None:
    query = catalogue.get(path.stem)
    assert query.title and query.description and query.kind in KINDS
    assert query.text == path.read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8").startswith("# title: ")
    result = pyoxigraph.Store().query(query.text)  # parses on its own, as any client would send it
    variables = [v.value for v in result.variables]
    assert query.variables == tuple(variables)
    if query.kind == "view":
        assert variables == ["source", "target", "weight"]
        assert "STR(?source) < STR(?target)" in query.text
    for parameter in query.parameters:
        assert parameter.type in PARAMETER_TYPES and parameter.description
        assert re.search(rf"\?{parameter.name}\b", query.text)


def test_parameters_are_declared(catalogue: Catalogue) -> None:
    assert catalogue.get("actor-evidence").parameters == (
        Parameter("actor", "iri", "the actor whose ties to read"),)
    assert [p.type for p in catalogue.get("facts-by-confidence").parameters] == ["decimal"]


def test_bind_turns_text_into_terms(catalogue: Catalogue) -> None:
    query = catalogue.get("actors-across-documents")
    assert query.bind({"minDocuments": "3"}) == {"minDocuments": Literal("3", datatype=rdflib.XSD.integer)}
    evidence = catalogue.get("actor-evidence")
    iri = "https://w3id.org/hin/id/organisation/centech-gmbh"
    assert evidence.bind({"actor": iri}) == {"actor": URIRef(iri)}
    with pytest.raises(ValueError, match="not an absolute IRI"):
        evidence.bind({"actor": "centech gmbh"})
    with pytest.raises(ValueError, match="has no parameter cluster; its parameters are: actor"):
        evidence.bind({"cluster": iri})
    with pytest.raises(ValueError, match="'three' is not an integer"):
        query.bind({"minDocuments": "three"})


def test_get_unknown_slug_names_the_known_ones(catalogue: Catalogue) -> None:
    with pytest.raises(KeyError, match="no named query 'nope'; known: actor-evidence"):
        catalogue.get("nope")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_broken_query_stops_loading_with_file_and_line(tmp_path: Path) -> None:
    _write(tmp_path, "good.rq", "# title: Good\n# description: Fine.\n# kind: example\nSELECT * WHERE { ?s ?p ?o }\n")
    broken = _write(tmp_path, "broken.rq",
                    "# title: Broken\n# description: A typo.\n# kind: example\nSELECT ?s WHERE { ?s ?p }\n")
    with pytest.raises(SyntaxError) as caught:
        load_catalogue(tmp_path)
    assert str(broken) in str(caught.value) and "does not parse" in str(caught.value)
    assert caught.value.filename == str(broken)
    assert caught.value.lineno == 4


@pytest.mark.parametrize(("text", "message"), [
    ("# description: x\n# kind: example\nSELECT * {}\n", "no '# title:' line"),
    ("# title: T\n# description: x\n# kind: report\nSELECT * {}\n", "kind 'report' is not one of example, view"),
    ("# title: T\n# description: x\n# kind: example\n# author: me\nSELECT * {}\n", "unknown header key 'author'"),
    ("# title: T\n# description: x\n# kind: example\n# param: s (date) -- when\nSELECT ?s {}\n",
     "parameter type 'date' is not one of"),
    ("# title: T\n# description: x\n# kind: example\n# param: who (iri) -- an actor\nSELECT ?s { ?s ?p ?o }\n",
     "parameter 'who' is not a variable of the query"),
    ("# title: T\n# description: x\n# kind: view\nSELECT ?s ?o { ?s ?p ?o }\n", "a view must SELECT ?source ?target ?weight"),
])
def test_bad_header_is_a_syntax_error_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "bad.rq", text)
    with pytest.raises(SyntaxError, match=re.escape(message)) as caught:
        load_catalogue(tmp_path)
    assert str(path) in str(caught.value)


def test_description_continues_over_indented_lines(tmp_path: Path) -> None:
    _write(tmp_path, "long.rq", "# title: Long\n# description: One line\n#   and the next.\n# kind: example\n"
                                "# param: s (iri) -- the subject\nSELECT ?s WHERE { ?s ?p ?o }\n")
    query = load_catalogue(tmp_path).get("long")
    assert isinstance(query, NamedQuery)
    assert query.description == "One line and the next."
    assert query.parameters == (Parameter("s", "iri", "the subject"),)
    assert query.path == tmp_path / "long.rq"


def test_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="does not exist"):
        load_catalogue(tmp_path / "nowhere")


def test_every_named_query_is_documented(catalogue: Catalogue) -> None:
    queries_doc = (DOCS / "queries.md").read_text(encoding="utf-8")
    network_doc = (DOCS / "network.md").read_text(encoding="utf-8")
    for query in catalogue:
        assert f"`{query.slug}`" in queries_doc, f"docs/queries.md does not document {query.slug}"
        assert query.title in queries_doc
    for view in catalogue.views():
        assert f"`{view.slug}`" in network_doc, f"docs/network.md does not describe the view {view.slug}"


def test_bound_parameter_restricts_the_result(catalogue: Catalogue) -> None:
    query = catalogue.get("actors-by-cluster")
    two = "https://w3id.org/hin/id/cluster/cluster-two"
    with OxigraphStore.in_memory() as store:
        store.load(TIES)
        everything = store.select(query.text)
        bound = store.select(query.text, query.bind({"cluster": two}))
    assert {str(row["cluster"]) for row in everything} == {two, "https://w3id.org/hin/id/cluster/cluster-one"}
    assert [(str(r["memberLabel"]), str(r["role"])) for r in bound] == [
        ("Alpha", "memberOf"), ("Beta", "memberOf"), ("Delta", "coordinates")]


def test_the_query_catalogue_page_is_up_to_date():
    """docs/queries.md is generated (python -m queries.docgen) with each example's results on the
    sample corpus; a change to a query or to extraction must regenerate it."""
    from queries.docgen import main

    assert main(["--check"]) == 0
