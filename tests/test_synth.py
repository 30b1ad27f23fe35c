"""hin synth: synthetic datasets shaped like ingest output (ingest/synthetic.py)."""
from __future__ import annotations

import gzip
import math
from collections import Counter, defaultdict

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from graph_api.cli import main
from ingest.synthetic import BLOCK, kind_of, output_format, synthetic_quads, write_synthetic
from shapes import validate

HIN = "https://w3id.org/hin/ontology#"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
ACTORS = 3000


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return list(synthetic_quads(ACTORS, seed=7))


def _objects(quads, predicate):
    out = defaultdict(set)
    for quad in quads:
        if quad.predicate.value == predicate:
            out[quad.subject.value].add(quad.object)
    return out


def test_counts(quads):
    assert 10 * ACTORS < len(quads) < 14 * ACTORS  # about 13 quads per actor
    assert len(set(quads)) == len(quads)  # no quad twice
    graphs = {quad.graph_name.value for quad in quads}
    assert len(graphs) == math.ceil(ACTORS / BLOCK)
    assert all(g.startswith("https://w3id.org/hin/graph/synthetic-s7-") for g in graphs)
    kinds = Counter()
    for subject, classes in _objects(quads, TYPE).items():
        for cls in classes:
            if cls.value in (HIN + "Organisation", HIN + "Person", HIN + "Cluster"):
                kinds[cls.value.rsplit("#", 1)[1]] += 1
    assert sum(kinds.values()) == ACTORS  # every actor has its own IRI
    assert kinds == Counter(kind_of(i).capitalize() for i in range(ACTORS))
    documents = [q for q in quads if q.predicate.value == TYPE and q.object.value == HIN + "SourceDocument"]
    assert len(documents) == len(graphs)


def test_hubs_have_many_memberships(quads):
    memberships = Counter(q.subject.value for q in quads if q.predicate.value == HIN + "memberOf")
    counts = sorted(memberships.values(), reverse=True)
    mean = sum(counts) / len(counts)
    assert counts[0] > 10 * mean  # a power law: the top hub dwarfs the typical actor
    assert Counter(counts)[1] > len(counts) / 2  # most actors belong to one cluster


def test_regions_form_a_hierarchy_with_public_identifiers(quads):
    part_of = {(q.subject.value, q.object.value) for q in quads if q.predicate.value == HIN + "partOf"}
    parent = dict(part_of)
    assert len(parent) == len(part_of)  # one parent per region
    iso = {s: next(iter(o)).value for s, o in _objects(quads, HIN + "iso3166Code").items()}
    same_as = _objects(quads, SAME_AS)
    located = {q.object.value for q in quads if q.predicate.value == HIN + "locatedIn"}
    chains = 0
    for city in located:
        state = parent.get(city)
        country = parent.get(state)
        if state is None or country is None:
            continue
        chains += 1
        assert country not in parent  # countries are the top
        assert len(iso[country]) == 2 and iso[state].startswith(iso[country] + "-")
        assert any(n.value.startswith("https://sws.geonames.org/") for n in same_as[city] | same_as[country])
    assert chains > len(located) / 2


def test_labels_are_multilingual(quads):
    label_languages = Counter(q.object.language for q in quads if q.predicate.value == LABEL)
    assert set(label_languages) == {"de", "nl", "da", "en"}
    alt_languages = {q.object.language for q in quads if q.predicate.value == ALT}
    assert alt_languages == {"de", "nl", "da", "en"}
    denmark = {q.object.value for q in quads
               if q.subject.value == "https://w3id.org/hin/id/region/denmark" and q.predicate.value == LABEL}
    assert {"Danmark", "Dänemark"} <= denmark  # a country in the languages of the documents


def test_relations_of_every_kind(quads):
    predicates = {q.predicate.value for q in quads}
    for relation in ("memberOf", "partyTo", "locatedIn", "partOf", "focusesOn", "coordinates",
                     "affiliatedWith", "establishes"):
        assert HIN + relation in predicates
    fields = {q.object.value for q in quads if q.predicate.value == HIN + "focusesOn"}
    assert all(f.startswith("https://w3id.org/hin/id/field/") for f in fields) and len(fields) > 10


def test_deterministic_for_a_seed(quads):
    assert list(synthetic_quads(ACTORS, seed=7)) == quads
    assert list(synthetic_quads(90, seed=8)) != list(synthetic_quads(90, seed=9))


def test_conforms_to_the_shapes():
    dataset = Dataset()
    dataset.parse(data=ox.serialize(synthetic_quads(300, seed=3), format=ox.RdfFormat.N_QUADS),
                  format="nquads")
    result = validate(dataset)
    assert result.violations == [] and result.conforms
    assert len(result.graphs) == 10


def test_provenance_points_into_the_document_text(quads):
    """Quotes and sentences agree with their offsets, as in real ingest output."""
    by_subject = defaultdict(dict)
    for quad in quads:
        by_subject[quad.subject].setdefault(quad.predicate.value, []).append(quad.object)
    oa = "http://www.w3.org/ns/oa#"
    sentences = {s: v for s, v in by_subject.items()
                 if ox.NamedNode(HIN + "Sentence") in v.get(TYPE, [])}
    assert sentences
    for node, values in sentences.items():
        selector = by_subject[values[oa + "hasSelector"][0]]
        start, end = int(selector[oa + "start"][0].value), int(selector[oa + "end"][0].value)
        assert end - start == len(values["http://www.w3.org/1999/02/22-rdf-syntax-ns#value"][0].value)
    quotes = [v for v in by_subject.values() if ox.NamedNode(oa + "TextQuoteSelector") in v.get(TYPE, [])]
    assert all(v[oa + "exact"][0].value for v in quotes)


@pytest.mark.parametrize("name", ["s.nq", "s.nq.gz", "s.trig"])
def test_write_synthetic_round_trips(tmp_path, name):
    path = tmp_path / name
    count = write_synthetic(path, 120, seed=2)
    raw = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
    parsed = list(ox.parse(raw, format=output_format(path)))
    assert count == len(parsed) == len(list(synthetic_quads(120, seed=2)))
    assert not list(tmp_path.glob(".*partial"))


def test_write_synthetic_refuses_what_it_cannot_write(tmp_path):
    with pytest.raises(ValueError, match=r"\.nq, \.nq\.gz, \.trig"):
        write_synthetic(tmp_path / "s.ttl", 100)
    with pytest.raises(ValueError, match="30 or more"):
        write_synthetic(tmp_path / "s.nq", 10)
    assert not list(tmp_path.iterdir())


def test_cli_writes_the_file(tmp_path, capsys):
    out = tmp_path / "synth.nq"
    assert main(["synth", "--actors", "60", "--seed", "4", "--output", str(out)]) == 0
    assert "wrote" in capsys.readouterr().err
    assert out.read_bytes() == ox.serialize(synthetic_quads(60, seed=4), format=ox.RdfFormat.N_QUADS)
    assert main(["synth", "--actors", "60", "--output", str(tmp_path / "x.json")]) == 2
    assert "unknown output format" in capsys.readouterr().err
