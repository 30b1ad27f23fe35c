"""Network views run on a real in-memory Oxigraph store loaded from tests/data/network/ties.trig.

In ties.trig: cluster-one has members alpha, beta, gamma; cluster-two has members alpha, beta
and coordinator delta; alpha and epsilon are parties to the pact; sentences name alpha + beta
(twice) and alpha + gamma (+ the pact, which is no organisation).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from graph_api.network import brokers_report, load_view, view_graph
from graph_api.network.views import node_labels
from graph_api.oxigraph_store import OxigraphStore
from queries import Catalogue, load_catalogue

TIES = Path(__file__).resolve().parent / "data" / "network" / "ties.trig"
ORG = "https://w3id.org/hin/id/organisation/"
CLUSTER = "https://w3id.org/hin/id/cluster/"


@pytest.fixture(scope="module")
def store() -> Iterator[OxigraphStore]:
    store = OxigraphStore.in_memory()
    store.load(TIES)
    yield store
    store.close()


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def edges(graph: nx.Graph, prefix: str = ORG) -> dict[tuple[str, str], float]:
    return {tuple(sorted((u.removeprefix(prefix), v.removeprefix(prefix)))): w
            for u, v, w in graph.edges(data="weight")}


def test_shared_cluster(store: OxigraphStore, catalogue: Catalogue) -> None:
    # alpha and beta share both clusters; delta coordinates cluster-two, which counts as taking part;
    # alpha's membership of cluster-one is stated in both graphs and counts once
    assert edges(load_view(store, catalogue, "shared-cluster")) == {
        ("alpha", "beta"): 2.0, ("alpha", "gamma"): 1.0, ("beta", "gamma"): 1.0,
        ("alpha", "delta"): 1.0, ("beta", "delta"): 1.0,
    }


def test_shared_agreement_and_both(store: OxigraphStore, catalogue: Catalogue) -> None:
    assert edges(load_view(store, catalogue, "shared-agreement")) == {("alpha", "epsilon"): 1.0}
    both = load_view(store, catalogue, "shared-tie")
    assert edges(both) == {
        ("alpha", "beta"): 2.0, ("alpha", "gamma"): 1.0, ("beta", "gamma"): 1.0,
        ("alpha", "delta"): 1.0, ("beta", "delta"): 1.0, ("alpha", "epsilon"): 1.0,
    }
    assert both.graph["view"] == "shared-tie"


def test_cluster_overlap_and_co_mention(store: OxigraphStore, catalogue: Catalogue) -> None:
    assert edges(load_view(store, catalogue, "cluster-overlap"), CLUSTER) == {("cluster-one", "cluster-two"): 2.0}
    assert edges(load_view(store, catalogue, "co-mention")) == {("alpha", "beta"): 2.0, ("alpha", "gamma"): 1.0}


def test_labels_prefer_english_then_untagged(store: OxigraphStore, catalogue: Catalogue) -> None:
    graph = load_view(store, catalogue, "shared-tie")
    assert dict(graph.nodes(data="label")) == {
        ORG + "alpha": "Alpha GmbH",  # "Alpha"@de, "Alpha AG"@de, "Alpha GmbH"@en
        ORG + "beta": "Beta", ORG + "delta": "Delta", ORG + "epsilon": "Epsilon",
        ORG + "gamma": "Gamma",  # "Gamma" (no language) over "Gamma BV"@nl
    }
    assert node_labels(store, [ORG + "alpha", ORG + "nobody"]) == {ORG + "alpha": "Alpha GmbH"}


def test_not_a_view(store: OxigraphStore, catalogue: Catalogue) -> None:
    with pytest.raises(KeyError, match="documents is not a network view"):
        load_view(store, catalogue, "documents")
    with pytest.raises(ValueError, match="not a network view"):
        view_graph(store, catalogue.get("documents"))


def test_brokers_report_one_metric(store: OxigraphStore, catalogue: Catalogue) -> None:
    # shared-tie as a graph: alpha is tied to all 4 others, beta to 3, gamma and delta to 2,
    # epsilon to 1 -> degree 4/4, 3/4, 2/4, 2/4, 1/4; competition ranks 1 2 3 3 5
    report = brokers_report(store, view="shared-tie", metric="degree", fmt="csv", catalogue=catalogue)
    rows = list(csv.DictReader(io.StringIO(report)))
    assert [(r["label"], float(r["value"]), r["rank"]) for r in rows] == [
        ("Alpha GmbH", 1.0, "1"), ("Beta", 0.75, "2"), ("Delta", 0.5, "3"), ("Gamma", 0.5, "3"),
        ("Epsilon", 0.25, "5")]
    table = brokers_report(store, view="shared-tie", metric="degree", limit=2, catalogue=catalogue)
    lines = table.splitlines()
    assert lines[0].split() == ["rank", "degree", "label", "iri"]
    assert lines[2].split() == ["1", "1.0000", "Alpha", "GmbH", ORG + "alpha"]
    assert len(lines) == 4  # header, rule, two rows
    body = json.loads(brokers_report(store, view="shared-agreement", metric="constraint", fmt="json",
                                     catalogue=catalogue))
    assert body["order"] == "ascending" and body["nodes"] == 2 and body["edges"] == 1
    assert [(r["label"], r["value"], r["rank"]) for r in body["rows"]] == [("Alpha GmbH", 1.0, 1), ("Epsilon", 1.0, 1)]


def test_brokers_report_all_metrics(store: OxigraphStore, catalogue: Catalogue) -> None:
    body = json.loads(brokers_report(store, view="shared-cluster", fmt="json", catalogue=catalogue))
    assert body["metrics"] == ["degree", "betweenness", "closeness", "eigenvector", "constraint", "effective_size"]
    first = body["rows"][0]
    # alpha and beta are tied to each other (weight 2) and to gamma and delta (weight 1 each),
    # which are not tied to each other.  alpha: p = 1/2 to beta, 1/4 to gamma and to delta;
    # gamma and delta split their ties 1/2 - 1/2.  constraint(alpha) =
    #   beta:  (1/2 + 1/4*1/2 via gamma + 1/4*1/2 via delta)^2 = (3/4)^2 = 36/64
    #   gamma: (1/4 + 1/2*1/4 via beta)^2 = (3/8)^2 = 9/64, delta the same
    # = 54/64; beta ties with alpha, which comes first by its label.  gamma: 2 * (1/2 + 1/2*1/2)^2
    assert (first["label"], first["constraint"]) == ("Alpha GmbH", {"value": pytest.approx(54 / 64), "rank": 1})
    assert (body["rows"][1]["label"], body["rows"][1]["constraint"]["rank"]) == ("Beta", 1)
    assert body["rows"][2]["constraint"] == {"value": pytest.approx(9 / 8), "rank": 3}
    table = brokers_report(store, view="shared-cluster", catalogue=catalogue).splitlines()
    assert table[0].split() == ["label", *body["metrics"], "iri"]
    assert len(table) == 2 + 4


def test_brokers_report_errors(store: OxigraphStore, catalogue: Catalogue) -> None:
    with pytest.raises(ValueError, match="unknown view 'nope'; views: cluster-overlap"):
        brokers_report(store, view="nope", catalogue=catalogue)
    with pytest.raises(ValueError, match="unknown metric 'influence'"):
        brokers_report(store, metric="influence", catalogue=catalogue)
    with pytest.raises(ValueError, match="the brokerage roles need a partition"):
        brokers_report(store, roles=True, catalogue=catalogue)
    with pytest.raises(ValueError, match="unknown format 'xml'; use one of table, csv, json"):
        brokers_report(store, fmt="xml", catalogue=catalogue)


def test_empty_store_gives_an_empty_view(catalogue: Catalogue) -> None:
    with OxigraphStore.in_memory() as empty:
        assert len(load_view(empty, catalogue, "shared-tie")) == 0
        assert brokers_report(empty, metric="degree", catalogue=catalogue) == "(the view has no nodes)\n"
