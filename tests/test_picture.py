"""Pictures of a network view: SVG with text labels for the top brokers, PNG, a few hundred nodes.

The store holds tests/data/network/brokers.trig (see tests/test_export.py for its shared-tie view:
Philips has the highest betweenness, then RWTH Aachen, then Novo Nordisk; the other five 0).
"""
from __future__ import annotations

import random
import struct
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from graph_api.network.partitions import Partition, load_partition
from graph_api.network.picture import draw_network, picture_file
from graph_api.network.views import load_view
from graph_api.oxigraph_store import OxigraphStore
from queries import load_catalogue

BROKERS = Path(__file__).resolve().parent / "data" / "network" / "brokers.trig"
SVG = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def view_and_partition() -> Iterator[tuple[nx.Graph, Partition]]:
    with OxigraphStore.in_memory() as store:
        store.load(BROKERS)
        catalogue = load_catalogue()
        yield load_view(store, catalogue, "shared-tie"), load_partition(store, catalogue, "country")


def svg_texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)  # raises if the SVG is not well-formed XML
    assert root.tag == f"{SVG}svg"
    return ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_svg_labels_exactly_the_top_brokers(view_and_partition) -> None:
    graph, country = view_and_partition
    texts = svg_texts(draw_network(graph, size_by="betweenness", partition=country, top=2))
    labels = {"Philips", "RWTH Aachen", "Novo Nordisk", "Bayer", "Siemens Healthineers",
              "Maastricht University", "TU Eindhoven", "Rigshospitalet"}
    assert labels & set(texts) == {"Philips", "RWTH Aachen"}
    assert "shared-tie: node size by betweenness, colour by country" in texts
    assert {"NL (3)", "DE (3)", "DK (2)"} <= set(texts)  # the legend counts each group


def test_top_zero_labels_nothing_and_no_partition_has_no_legend(view_and_partition) -> None:
    graph, _ = view_and_partition
    texts = svg_texts(draw_network(graph, top=0))
    assert "Philips" not in texts and not any(t.endswith(")") and "(" in t for t in texts)


def test_constraint_labels_the_lowest_values(view_and_partition) -> None:
    graph, _ = view_and_partition
    texts = svg_texts(draw_network(graph, size_by="constraint", top=1))
    assert "Philips" in texts and "RWTH Aachen" not in texts  # Philips has the lowest constraint


def test_png_has_the_signature_and_the_size_asked(view_and_partition, tmp_path: Path) -> None:
    graph, country = view_and_partition
    data = draw_network(graph, partition=country, fmt="png")
    assert png_size(data) == (1440, 1080)  # 12 x 9 inches at 120 dpi
    assert png_size(draw_network(graph, fmt="png", width=6, height=4, dpi=100)) == (600, 400)
    path = picture_file(graph, tmp_path / "net.png", partition=country)
    assert path.read_bytes()[:8] == PNG_SIGNATURE
    assert draw_network(graph, fmt="png", seed=3) == draw_network(graph, fmt="png", seed=3)  # reproducible


def test_a_few_hundred_nodes_render_with_only_the_top_labelled(tmp_path: Path) -> None:
    rng = random.Random(11)
    graph = nx.Graph(view="synthetic")
    groups = {}
    for i in range(300):
        node = f"https://example.org/actor/{i}"
        graph.add_node(node, label=f"Actor {i:03d}")
        groups[node] = f"country-{i % 12}"
    nodes = list(graph)
    for i, node in enumerate(nodes):  # ties mostly inside a country, a few across
        same = [v for v in nodes if groups[v] == groups[node] and v != node]
        for other in rng.sample(same, 2):
            graph.add_edge(node, other, weight=float(rng.randint(1, 3)))
    for _ in range(30):
        graph.add_edge(*rng.sample(nodes, 2), weight=1.0)
    partition = Partition("country", groups, {})
    texts = svg_texts(draw_network(graph, partition=partition, top=15))
    assert sum(t.startswith("Actor ") for t in texts) == 15
    assert "2 other groups (50)" in texts  # 12 groups: 10 coloured, the rest grey
    png = draw_network(graph, partition=partition, top=15, fmt="png")
    assert png_size(png) == (1440, 1080) and len(png) > 50_000


def test_an_empty_view_draws_a_note() -> None:
    assert "(the view has no nodes)" in svg_texts(draw_network(nx.Graph()))


def test_bad_options_are_refused(view_and_partition, tmp_path: Path) -> None:
    graph, _ = view_and_partition
    with pytest.raises(ValueError, match="unknown measure to size by 'fame'"):
        draw_network(graph, size_by="fame")
    with pytest.raises(ValueError, match="unknown picture format 'gif'"):
        draw_network(graph, fmt="gif")
    with pytest.raises(ValueError, match="unknown layout 'circle'"):
        draw_network(graph, layout="circle")
    with pytest.raises(ValueError, match="top must be 0 or more"):
        draw_network(graph, top=-1)
    with pytest.raises(ValueError, match=r"net\.jpg: cannot tell the picture format"):
        picture_file(graph, tmp_path / "net.jpg")
