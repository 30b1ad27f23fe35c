"""The network routes of the full HIN app, served by uvicorn on loopback, talked to with httpx.

The store holds tests/data/network/ties.trig (see tests/test_network_views.py for its edges).
"""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import networkx as nx
import pytest
from fastapi import FastAPI

from graph_api.app import create_app
from graph_api.errors import ApiError
from graph_api.network.centrality import MEASURES
from graph_api.network.routes import choose_format
from graph_api.oxigraph_store import OxigraphStore
from graph_api.settings import Settings

TIES = Path(__file__).resolve().parent / "data" / "network" / "ties.trig"
BROKERS = Path(__file__).resolve().parent / "data" / "network" / "brokers.trig"
ALPHA = "https://w3id.org/hin/id/organisation/alpha"
PHILIPS = "https://w3id.org/hin/id/organisation/philips"


@pytest.fixture(scope="module")
def network_store() -> Iterator[OxigraphStore]:
    store = OxigraphStore.in_memory()
    store.load(TIES)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(live_server: Callable[[FastAPI], str], network_store: OxigraphStore,
           sample_settings: Settings) -> Iterator[httpx.Client]:
    url = live_server(create_app(sample_settings, store=network_store))
    with httpx.Client(base_url=url, timeout=10) as client:
        yield client


def assert_error(response: httpx.Response, status: int, code: str, text: str) -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert (error["code"], error["status"]) == (code, status)
    assert text in error["message"]


@pytest.mark.e2e
def test_network_lists_the_views(client: httpx.Client) -> None:
    response = client.get("/network")
    assert response.status_code == 200
    views = {view["name"]: view for view in response.json()["views"]}
    assert {"shared-cluster", "shared-agreement", "shared-tie", "cluster-overlap", "co-mention"} <= set(views)
    view = views["shared-cluster"]
    assert view["title"] == "Actors linked by shared cluster membership"
    assert "SELECT ?source ?target" in view["query"] and view["description"]
    assert view["centrality"] == f"{client.base_url}/network/shared-cluster/centrality"
    assert "documents" not in views  # example queries are not views
    assert set(response.json()["metrics"]) == {"degree", "betweenness", "closeness", "eigenvector",
                                               "constraint", "effective_size"}


@pytest.mark.e2e
def test_centrality_json(client: httpx.Client) -> None:
    response = client.get("/network/shared-tie/centrality", params={"metric": "degree"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert (body["view"], body["metric"], body["nodes"], body["edges"]) == ("shared-tie", "degree", 5, 6)
    assert body["rows"][0] == {"iri": ALPHA, "label": "Alpha GmbH", "value": 1.0, "rank": 1}
    assert [r["rank"] for r in body["rows"]] == [1, 2, 3, 3, 5]


@pytest.mark.e2e
def test_centrality_of_every_metric(client: httpx.Client) -> None:
    for metric in ("betweenness", "closeness", "eigenvector", "constraint", "effective_size"):
        rows = client.get("/network/shared-tie/centrality", params={"metric": metric}).json()["rows"]
        assert rows[0]["iri"] == ALPHA, metric  # alpha is the hub and the broker of this view
        assert rows[0]["rank"] == 1


@pytest.mark.e2e
def test_centrality_csv_by_parameter_and_by_accept(client: httpx.Client) -> None:
    by_parameter = client.get("/network/shared-tie/centrality", params={"metric": "constraint", "format": "csv"})
    by_accept = client.get("/network/shared-tie/centrality", params={"metric": "constraint"},
                           headers={"Accept": "text/csv"})
    for response in (by_parameter, by_accept):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert list(rows[0]) == ["iri", "label", "value", "rank"]
        assert (rows[0]["iri"], rows[0]["rank"]) == (ALPHA, "1")
    assert by_parameter.text == by_accept.text
    limited = client.get("/network/shared-tie/centrality", params={"metric": "degree", "limit": 2, "format": "csv"})
    assert len(limited.text.splitlines()) == 3


@pytest.mark.e2e
def test_edges_of_a_view(client: httpx.Client) -> None:
    body = client.get("/network/cluster-overlap").json()
    assert body["rows"] == [{"source": "https://w3id.org/hin/id/cluster/cluster-one", "source_label": "Cluster One",
                             "target": "https://w3id.org/hin/id/cluster/cluster-two", "target_label": "Cluster Two",
                             "weight": 2.0}]


@pytest.mark.e2e
def test_unknown_view_is_404(client: httpx.Client) -> None:
    assert_error(client.get("/network/nope/centrality"), 404, "not-found", "no network view 'nope'")
    assert_error(client.get("/network/documents/centrality"), 404, "not-found", "shared-tie")


@pytest.mark.e2e
def test_bad_requests_are_400(client: httpx.Client) -> None:
    assert_error(client.get("/network/shared-tie/centrality", params={"metric": "influence"}),
                 400, "bad-request", "unknown metric 'influence'; use one of degree")
    assert_error(client.get("/network/shared-tie/centrality", params={"metric": "betweenness", "depth": "2"}),
                 400, "bad-request", "metric betweenness has no parameter depth")
    assert_error(client.get("/network/shared-tie/centrality", params={"format": "xml"}),
                 400, "bad-request", "unknown format='xml'")
    assert_error(client.get("/network/shared-tie/centrality", params={"limit": -1}), 400, "bad-request", "limit")


@pytest.mark.e2e
def test_unacceptable_accept_is_406(client: httpx.Client) -> None:
    assert_error(client.get("/network/shared-tie/centrality", headers={"Accept": "text/html"}),
                 406, "not-acceptable", "format=csv")


@pytest.mark.parametrize(("format_value", "accept", "expected"), [
    (None, None, "json"),
    (None, "", "json"),
    (None, "application/json", "json"),
    (None, "text/csv", "csv"),
    (None, "text/*", "csv"),
    (None, "*/*", "json"),
    (None, "text/html,application/xhtml+xml,*/*;q=0.8", "json"),
    (None, "application/json;q=0.4, text/csv;q=0.6", "csv"),
    (None, "text/csv;q=0, */*", "json"),
    ("csv", "application/json", "csv"),  # format= overrides Accept
    ("JSON", "text/csv", "json"),
])
def test_choose_format(format_value: str | None, accept: str | None, expected: str) -> None:
    assert choose_format(format_value, accept) == expected


@pytest.mark.parametrize(("format_value", "accept", "code"), [
    ("xml", None, "bad-request"),
    (None, "text/html", "not-acceptable"),
    (None, "application/json;q=0, text/csv;q=0", "not-acceptable"),
])
def test_choose_format_errors(format_value: str | None, accept: str | None, code: str) -> None:
    with pytest.raises(ApiError) as caught:
        choose_format(format_value, accept)
    assert caught.value.code == code


# --- measures, brokerage, exports and pictures over tests/data/network/brokers.trig ----------
# (tests/test_export.py works its shared-tie view out by hand: Philips, in NL, is the broker)

@pytest.fixture(scope="module")
def brokers(live_server: Callable[[FastAPI], str], sample_settings: Settings) -> Iterator[httpx.Client]:
    store = OxigraphStore.in_memory()
    store.load(BROKERS)
    url = live_server(create_app(sample_settings, store=store))
    with httpx.Client(base_url=url, timeout=30) as client:
        yield client


@pytest.mark.e2e
def test_network_lists_every_measure_and_partition(brokers: httpx.Client) -> None:
    body = brokers.get("/network").json()
    assert list(body["measures"]) == list(MEASURES)
    assert body["measures"]["constraint"]["order"] == "ascending"
    assert "k" in body["measures"]["betweenness"]["parameters"]
    assert "country" in {p["name"] for p in body["partitions"]}
    view = next(v for v in body["views"] if v["name"] == "shared-tie")
    assert view["graphml"] == f"{brokers.base_url}/network/shared-tie/export.graphml"
    assert view["picture"] == f"{brokers.base_url}/network/shared-tie/picture.svg"


@pytest.mark.e2e
def test_every_measure_ranks_over_http_with_parameters_and_as_a_table(brokers: httpx.Client) -> None:
    for metric in MEASURES:
        response = brokers.get("/network/shared-tie/centrality", params={"metric": metric})
        assert response.status_code == 200, (metric, response.text)
        assert len(response.json()["rows"]) == 8
    sampled = brokers.get("/network/shared-tie/centrality", params={"metric": "betweenness", "k": 8, "seed": 1})
    assert sampled.json()["rows"][0]["iri"] == PHILIPS  # k = n: every node is a source
    table = brokers.get("/network/shared-tie/centrality", params={"metric": "betweenness", "format": "table"})
    assert table.headers["content-type"].startswith("text/plain")
    assert table.text.splitlines()[0].split() == ["rank", "betweenness", "label", "iri"]
    assert table.text.splitlines()[2].split()[:3] == ["1", "0.6667", "Philips"]


@pytest.mark.e2e
def test_measures_as_json_csv_and_table(brokers: httpx.Client) -> None:
    body = brokers.get("/network/shared-tie/measures", params={"partition": "country"}).json()
    assert body["metrics"] == list(MEASURES) and body["partition"] == "country"
    first = body["rows"][0]
    assert (first["iri"], first["group"], first["constraint"]["rank"]) == (PHILIPS, "NL", 1)
    assert first["betweenness"] == {"value": pytest.approx(2 / 3), "rank": 1}
    rows = list(csv.DictReader(io.StringIO(
        brokers.get("/network/shared-tie/measures", params={"format": "csv", "limit": 3}).text)))
    assert len(rows) == 3 and list(rows[0])[:4] == ["iri", "label", "degree", "degree_rank"]
    assert {f"{m}_rank" for m in MEASURES} <= set(rows[0])
    table = brokers.get("/network/shared-tie/measures", headers={"Accept": "text/plain"})
    assert table.headers["content-type"].startswith("text/plain")
    assert table.text.splitlines()[0].split()[:3] == ["label", "degree", "strength"]
    assert_error(brokers.get("/network/shared-tie/measures", params={"partition": "planet"}),
                 400, "bad-request", "unknown partition 'planet'; use one of")


@pytest.mark.e2e
def test_cross_border_report_ranks_by_liaison_and_gatekeeper(brokers: httpx.Client) -> None:
    """Philips (NL) has 2 liaison and 3 gatekeeper two-paths (see the brokerage test below), so it
    leads the cross-border report with 5; the default partition is country."""
    body = brokers.get("/network/shared-tie/cross-border").json()
    assert body["partition"] == "country"
    first = body["rows"][0]
    assert (first["iri"], first["rank"], first["group"]) == (PHILIPS, 1, "NL")
    assert (first["cross_border"], first["liaison"], first["gatekeeper"]) == (5.0, 2.0, 3.0)
    scores = [row["cross_border"] for row in body["rows"]]
    assert scores == sorted(scores, reverse=True)
    rows = list(csv.DictReader(io.StringIO(
        brokers.get("/network/shared-tie/cross-border", params={"format": "csv", "limit": 2}).text)))
    assert len(rows) == 2 and (rows[0]["label"], rows[0]["cross_border"]) == ("Philips", "5.0")
    table = brokers.get("/network/shared-tie/cross-border", params={"format": "table"}).text
    assert table.splitlines()[2].split()[:6] == ["1", "Philips", "NL", "5", "2", "3"]
    assert_error(brokers.get("/network/shared-tie/cross-border", params={"partition": "planet"}),
                 400, "bad-request", "unknown partition 'planet'")


@pytest.mark.e2e
def test_brokerage_roles_by_country(brokers: httpx.Client) -> None:
    body = brokers.get("/network/shared-tie/brokerage", params={"partition": "country"}).json()
    assert (body["partition"], body["nodes"], body["arcs"]) == ("country", 8, 18)
    assert body["groups"] == {"DE": 3, "DK": 2, "NL": 3}
    philips = body["rows"][0]
    assert (philips["iri"], philips["rank"], philips["group"]) == (PHILIPS, 1, "NL")
    assert {role: philips[role]["raw"] for role in body["roles"]} == {
        "coordinator": 2.0, "itinerant": 0.0, "representative": 3.0, "gatekeeper": 3.0, "liaison": 2.0,
        "total": 10.0}
    assert philips["total"]["z"] > 0 and philips["total"]["expected"] > 0
    rows = list(csv.DictReader(io.StringIO(
        brokers.get("/network/shared-tie/brokerage", params={"partition": "country", "format": "csv"}).text)))
    assert list(rows[0])[:8] == ["iri", "label", "group", "group_label", "rank", "coordinator",
                                 "coordinator_expected", "coordinator_z"]
    assert (rows[0]["label"], rows[0]["liaison"]) == ("Philips", "2.0")
    table = brokers.get("/network/shared-tie/brokerage", params={"partition": "country", "format": "table"}).text
    assert table.splitlines()[2].split()[:8] == ["Philips", "NL", "2", "0", "3", "3", "2", "10"]
    assert_error(brokers.get("/network/shared-tie/brokerage"), 400, "bad-request", "partition")


@pytest.mark.e2e
def test_exports(brokers: httpx.Client) -> None:
    graphml = brokers.get("/network/shared-tie/export.graphml", params={"partition": "country"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    assert graphml.headers["content-disposition"] == 'attachment; filename="shared-tie.graphml"'
    graph = nx.read_graphml(io.BytesIO(graphml.content))
    assert graph.number_of_nodes() == 8 and graph.nodes[PHILIPS]["brokerage_liaison"] == 2.0
    gexf = nx.read_gexf(io.BytesIO(brokers.get("/network/shared-tie/export.gexf").content))
    assert gexf.nodes[PHILIPS]["betweenness_rank"] == 1 and "group" not in gexf.nodes[PHILIPS]
    nodes = list(csv.DictReader(io.StringIO(brokers.get("/network/shared-tie/nodes.csv").text)))
    assert len(nodes) == 8 and nodes[0]["id"] == PHILIPS
    edges = brokers.get("/network/shared-tie/edges.csv")
    assert edges.headers["content-type"].startswith("text/csv")
    assert len(edges.text.splitlines()) == 1 + 9
    assert_error(brokers.get("/network/nope/export.gexf"), 404, "not-found", "no network view 'nope'")


@pytest.mark.e2e
def test_pictures(brokers: httpx.Client) -> None:
    svg = brokers.get("/network/shared-tie/picture.svg",
                      params={"size_by": "betweenness", "colour_by": "country", "top": 2})
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    texts = {"".join(t.itertext()).strip() for t in ET.fromstring(svg.content).iter("{http://www.w3.org/2000/svg}text")}
    assert {"Philips", "RWTH Aachen", "NL (3)"} <= texts and "Novo Nordisk" not in texts
    png = brokers.get("/network/shared-tie/picture.png", params={"colour_by": "community"})
    assert png.headers["content-type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert_error(brokers.get("/network/shared-tie/picture.svg", params={"size_by": "fame"}),
                 400, "bad-request", "unknown size_by measure 'fame'")
    assert_error(brokers.get("/network/shared-tie/picture.svg", params={"layout": "circle"}),
                 400, "bad-request", "unknown layout 'circle'")
    assert_error(brokers.get("/network/shared-tie/picture.png", params={"top": 1000}), 400, "bad-request", "top")
