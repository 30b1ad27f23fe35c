"""Exports of a network view with its measures: GraphML, GEXF and CSV node and edge tables.

The store holds tests/data/network/brokers.trig.  Its ``shared-tie`` view, worked out by hand
(every weight 1): Euregio Health ties RWTH, Maastricht and Philips; MedTech NRW ties RWTH,
Siemens and Bayer; Brainport Health ties Philips and TU Eindhoven; Medicon Valley ties Novo and
Rigshospitalet; the pact ties Philips and Novo.  8 nodes, 9 edges.  Countries: RWTH, Siemens, Bayer
DE; Maastricht, Philips, TU Eindhoven NL; Novo, Rigshospitalet DK.

Philips's contacts RWTH (DE), Maastricht (NL), TU Eindhoven (NL) and Novo (DK) are tied only as
RWTH - Maastricht, so five open two-paths run through Philips (NL), each counted both ways:
Maastricht - TU Eindhoven (NL, NL: coordinator 2), RWTH - Novo (DE, DK: liaison 2), and RWTH -
TU Eindhoven, Maastricht - Novo, TU Eindhoven - Novo (one end in NL: representative 1 + gatekeeper
1 each).  Total 10.
"""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from graph_api.network.centrality import MEASURES
from graph_api.network.export import (annotated_graph, edges_csv, export_file, gexf_bytes, graphml_bytes,
                                      nodes_csv, save_view)
from graph_api.network.partitions import Partition, load_partition
from graph_api.network.views import load_view
from graph_api.oxigraph_store import OxigraphStore
from queries import Catalogue, load_catalogue

BROKERS = Path(__file__).resolve().parent / "data" / "network" / "brokers.trig"
ORG = "https://w3id.org/hin/id/organisation/"
PHILIPS, RWTH, NOVO = ORG + "philips", ORG + "rwth", ORG + "novo"


@pytest.fixture(scope="module")
def store() -> Iterator[OxigraphStore]:
    store = OxigraphStore.in_memory()
    store.load(BROKERS)
    yield store
    store.close()


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def graph(store: OxigraphStore, catalogue: Catalogue) -> nx.Graph:
    return load_view(store, catalogue, "shared-tie")


@pytest.fixture(scope="module")
def country(store: OxigraphStore, catalogue: Catalogue) -> Partition:
    return load_partition(store, catalogue, "country")


@pytest.fixture(scope="module")
def annotated(graph: nx.Graph, country: Partition) -> nx.Graph:
    return annotated_graph(graph, country)


def test_annotated_graph_carries_every_measure_the_group_and_the_roles(annotated: nx.Graph) -> None:
    assert (annotated.number_of_nodes(), annotated.number_of_edges()) == (8, 9)
    philips = annotated.nodes[PHILIPS]
    assert philips["label"] == "Philips"
    assert (philips["group"], philips["group_label"]) == ("NL", "NL")
    for name in MEASURES:
        if name in ("constraint", "effective_size", "efficiency", "hierarchy"):
            continue  # defined here too, but checked below by value
        assert name in philips and f"{name}_rank" in philips, name
    assert philips["degree"] == pytest.approx(4 / 7) and philips["betweenness_rank"] == 1
    assert philips["betweenness"] == pytest.approx(2 / 3)  # 14 of the 21 pairs of other nodes
    roles = {role: philips[f"brokerage_{role}"] for role in
             ("coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total")}
    assert roles == {"coordinator": 2.0, "itinerant": 0.0, "representative": 3.0, "gatekeeper": 3.0,
                     "liaison": 2.0, "total": 10.0}
    assert annotated.nodes[RWTH]["brokerage_total"] == 8.0  # four open paths, each rep + gate
    assert annotated[PHILIPS][NOVO]["weight"] == 1.0


def test_graphml_parses_back_with_the_attributes(annotated: nx.Graph) -> None:
    back = nx.read_graphml(io.BytesIO(graphml_bytes(annotated)))
    assert set(back.nodes) == set(annotated.nodes) and back.number_of_edges() == 9
    philips = back.nodes[PHILIPS]
    assert philips["label"] == "Philips" and philips["group"] == "NL"
    assert philips["betweenness"] == pytest.approx(2 / 3)
    assert philips["betweenness_rank"] == 1 and isinstance(philips["betweenness_rank"], int)
    assert philips["brokerage_liaison"] == 2.0
    assert back[PHILIPS][NOVO]["weight"] == 1.0


def test_gexf_parses_back_with_the_attributes(annotated: nx.Graph) -> None:
    data = gexf_bytes(annotated)
    assert b'xmlns="http://www.gexf.net/1.2draft"' in data
    back = nx.read_gexf(io.BytesIO(data))
    philips = back.nodes[PHILIPS]
    assert philips["label"] == "Philips"
    assert philips["degree"] == pytest.approx(4 / 7) and philips["degree_rank"] == 1
    assert philips["brokerage_total"] == 10.0 and philips["group"] == "NL"
    assert back.number_of_edges() == 9


def test_undefined_values_are_left_out_not_written_as_none() -> None:
    graph = nx.Graph(view="test")
    graph.add_edge("http://x/a", "http://x/b", weight=1.0)
    graph.add_node("http://x/lonely")
    nx.set_node_attributes(graph, {n: n[-1] for n in graph}, "label")
    annotated = annotated_graph(graph)
    assert "constraint" not in annotated.nodes["http://x/lonely"]  # undefined without ties
    assert annotated.nodes["http://x/lonely"]["degree"] == 0.0
    back = nx.read_graphml(io.BytesIO(graphml_bytes(annotated)))
    assert "constraint" not in back.nodes["http://x/lonely"] and "constraint" in back.nodes["http://x/a"]
    lonely = next(r for r in csv.DictReader(io.StringIO(nodes_csv(annotated))) if r["id"] == "http://x/lonely")
    assert lonely["constraint"] == "" and lonely["constraint_rank"] == ""


def test_node_and_edge_tables(annotated: nx.Graph) -> None:
    nodes = list(csv.DictReader(io.StringIO(nodes_csv(annotated))))
    assert len(nodes) == 8
    header = list(nodes[0])
    assert header[:4] == ["id", "label", "group", "group_label"]
    assert {"betweenness", "betweenness_rank", "pagerank", "brokerage_liaison_z"} <= set(header)
    philips = next(r for r in nodes if r["id"] == PHILIPS)
    assert float(philips["betweenness"]) == pytest.approx(2 / 3) and philips["brokerage_total"] == "10.0"
    assert nodes[0]["id"] == PHILIPS  # the strongest broker (lowest constraint) first
    edges = list(csv.DictReader(io.StringIO(edges_csv(annotated))))
    assert len(edges) == 9 and list(edges[0]) == ["source", "target", "weight", "source_label", "target_label"]
    pact = next(e for e in edges if {e["source"], e["target"]} == {PHILIPS, NOVO})
    assert (pact["source"], pact["source_label"], pact["weight"]) == (NOVO, "Novo Nordisk", "1.0")


def test_export_file_by_extension(annotated: nx.Graph, tmp_path: Path) -> None:
    assert export_file(annotated, tmp_path / "net.graphml") == [tmp_path / "net.graphml"]
    assert nx.read_graphml(tmp_path / "net.graphml").number_of_nodes() == 8
    assert nx.read_gexf(export_file(annotated, tmp_path / "net.gexf")[0]).number_of_nodes() == 8
    assert export_file(annotated, tmp_path / "net.csv") == [tmp_path / "net-nodes.csv", tmp_path / "net-edges.csv"]
    assert (tmp_path / "net-edges.csv").read_text(encoding="utf-8") == edges_csv(annotated)
    with zipfile.ZipFile(export_file(annotated, tmp_path / "net.zip")[0]) as archive:
        assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
        assert archive.read("nodes.csv").decode("utf-8") == nodes_csv(annotated)
    with pytest.raises(ValueError, match=r"net\.xlsx: cannot tell the export format.*\.graphml"):
        export_file(annotated, tmp_path / "net.xlsx")
    assert not (tmp_path / "net.xlsx").exists()


def test_save_view_writes_export_and_picture(store: OxigraphStore, catalogue: Catalogue, tmp_path: Path) -> None:
    written = save_view(store, view="shared-tie", export=tmp_path / "v.graphml", picture=tmp_path / "v.svg",
                        partition="country", top=3, catalogue=catalogue)
    assert written == [tmp_path / "v.graphml", tmp_path / "v.svg"]
    assert nx.read_graphml(written[0]).nodes[PHILIPS]["group"] == "NL"
    assert b"Philips" in written[1].read_bytes()
    with pytest.raises(ValueError, match="unknown partition 'planet'; use one of .*country"):
        save_view(store, view="shared-tie", export=tmp_path / "w.graphml", partition="planet", catalogue=catalogue)
    with pytest.raises(ValueError, match="w.pdf: unknown file extension"):
        save_view(store, view="shared-tie", picture=tmp_path / "w.pdf", catalogue=catalogue)
    with pytest.raises(ValueError, match="unknown view 'nope'"):
        save_view(store, view="nope", export=tmp_path / "w.gexf", catalogue=catalogue)
    assert not any(p.name.startswith("w.") for p in tmp_path.iterdir())


def test_hin_brokers_export_and_picture(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from graph_api.cli import main

    with OxigraphStore.open(tmp_path / "store", read_only=False) as store:
        store.load(BROKERS)
    status = main(["brokers", "--store", str(tmp_path / "store"), "--partition", "country",
                   "--export", str(tmp_path / "net.gexf"), "--picture", str(tmp_path / "net.svg"),
                   "--size-by", "constraint", "--top", "1"])
    assert status == 0
    captured = capsys.readouterr()
    assert captured.out == "" and f"wrote {tmp_path / 'net.gexf'}" in captured.err
    assert nx.read_gexf(tmp_path / "net.gexf").nodes[PHILIPS]["group"] == "NL"
    svg = (tmp_path / "net.svg").read_text(encoding="utf-8")
    assert ">Philips<" in svg and ">RWTH Aachen<" not in svg  # only the lowest constraint labelled
    assert main(["brokers", "--store", str(tmp_path / "store"), "--partition", "country", "--roles",
                 "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (rows[0]["label"], rows[0]["liaison"], rows[0]["total"]) == ("Philips", "2.0", "10.0")
    assert main(["brokers", "--store", str(tmp_path / "store"), "--export", str(tmp_path / "net.pdf")]) == 2
    assert "net.pdf: unknown file extension" in capsys.readouterr().err
