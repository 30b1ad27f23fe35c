"""Partition queries (?node ?group), the bipartite views and Newman's projection weighting,
run on a small hand-written store (tests/data/partitions/actors.trig)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph_api.network.brokerage import brokerage
from graph_api.network.partitions import Partition, load_partition, partition_groups
from graph_api.network.views import load_view
from graph_api.oxigraph_store import OxigraphStore
from queries import Catalogue, load_catalogue

DATA = Path(__file__).resolve().parent / "data" / "partitions" / "actors.trig"
ID = "https://w3id.org/hin/id/"
ALPHA, BETA, GAMMA, DORA = (ID + s for s in ("organisation/alpha", "organisation/beta", "organisation/gamma",
                                             "person/dora"))
BIG, SMALL, PACT = ID + "cluster/big", ID + "cluster/small", ID + "agreement/pact"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def store():
    with OxigraphStore.in_memory() as store:
        store.load(DATA)
        yield store


def test_country_follows_part_of_to_a_two_letter_code(store, catalogue: Catalogue) -> None:
    country = load_partition(store, catalogue, "country")
    # alpha: Aachen < NRW (DE-NW, not a country code) < Germany (DE); gamma: Limburg < Netherlands;
    # Dora is located in both countries and gets the code that sorts first; the small cluster has none
    assert country == Partition("country", {ALPHA: "DE", BETA: "NL", GAMMA: "NL", DORA: "DE", BIG: "DE"}, {})


def test_region_field_and_actor_type(store, catalogue: Catalogue) -> None:
    assert partition_groups(store, catalogue.get("subdivision")) == {ALPHA: "DE-NW", GAMMA: "NL-LI", BIG: "DE-NW"}
    field = load_partition(store, catalogue, "field")
    # alpha works on imaging, below medtech; beta on health (top) and imaging: health sorts first
    assert field.groups == {ALPHA: ID + "field/medtech", BETA: ID + "field/health"}
    assert field.group_label(ALPHA) == "Medical technology" and field.group_label(DORA) is None
    types = partition_groups(store, catalogue.get("type"))
    assert types == {ALPHA: "Organisation", BETA: "Organisation", GAMMA: "Organisation", DORA: "Person",
                     BIG: "Cluster", SMALL: "Cluster"}


def test_unknown_partition_and_wrong_kind(store, catalogue: Catalogue) -> None:
    with pytest.raises(KeyError, match="no partition 'planet'; partitions: country, field, subdivision, type"):
        load_partition(store, catalogue, "planet")
    with pytest.raises(KeyError, match="no partition 'shared-tie'"):
        load_partition(store, catalogue, "shared-tie")
    with pytest.raises(ValueError, match="is a named query of kind 'view', not a partition"):
        partition_groups(store, catalogue.get("shared-tie"))


def test_bipartite_views(store, catalogue: Catalogue) -> None:
    clusters = load_view(store, catalogue, "two-mode-clusters")
    # gamma is both member and coordinator of the big cluster: one tie, weight 1
    assert {frozenset(e) for e in clusters.edges} == {
        frozenset(p) for p in ((ALPHA, BIG), (ALPHA, SMALL), (BETA, BIG), (BETA, SMALL), (GAMMA, BIG), (DORA, BIG))}
    assert set(nx.get_edge_attributes(clusters, "weight").values()) == {1.0}
    assert nx.is_bipartite(clusters)
    agreements = load_view(store, catalogue, "two-mode-agreements")
    assert {frozenset(e) for e in agreements.edges} == {frozenset((ALPHA, PACT)), frozenset((BETA, PACT))}


def test_newman_weighting(store, catalogue: Catalogue) -> None:
    newman = load_view(store, catalogue, "newman-shared-cluster")
    # big has 4 members (gamma counted once), small 2: a pair in big gains 1/3, in small 1/1
    assert newman[ALPHA][BETA]["weight"] == pytest.approx(1 / 3 + 1)
    for u, v in ((ALPHA, GAMMA), (ALPHA, DORA), (BETA, GAMMA), (BETA, DORA), (GAMMA, DORA)):
        assert newman[u][v]["weight"] == pytest.approx(1 / 3), (u, v)
    # Newman's property: an actor's strength is the number of its clusters that have other members
    assert newman.degree(ALPHA, weight="weight") == pytest.approx(2.0)
    assert newman.degree(GAMMA, weight="weight") == pytest.approx(1.0)
    count = load_view(store, catalogue, "shared-cluster")
    assert count[ALPHA][BETA]["weight"] == 2.0 and count[GAMMA][DORA]["weight"] == 1.0
    # one bilateral agreement: weight 1 / (2 - 1)
    assert load_view(store, catalogue, "newman-shared-agreement")[ALPHA][BETA]["weight"] == pytest.approx(1.0)


def test_partition_feeds_brokerage(store, catalogue: Catalogue) -> None:
    # the two-mode-clusters view by actor type: the big cluster is the broker between
    # organisations and the person
    graph = load_view(store, catalogue, "two-mode-clusters")
    result = brokerage(graph, load_partition(store, catalogue, "type").groups)
    # big's contacts: alpha, beta, gamma (organisations) and dora (person), none tied to another:
    # 4 * 3 ordered pairs; organisation -> cluster -> person and back are liaison: 2 * 3 * 1 = 6;
    # organisation -> cluster -> organisation: itinerant, 3 * 2 = 6
    assert result.raw[BIG]["liaison"] == 6.0 and result.raw[BIG]["itinerant"] == 6.0
    # by country the small cluster has no group and is left out of the analysis
    by_country = brokerage(graph, load_partition(store, catalogue, "country").groups)
    assert by_country.unassigned == [SMALL] and by_country.nodes == 5
