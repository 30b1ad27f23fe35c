"""The network routes of the full HIN app, served by uvicorn on loopback, talked to with httpx.

The store holds tests/data/network/ties.trig (see tests/test_network_views.py for its edges).
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from graph_api.app import create_app
from graph_api.errors import ApiError
from graph_api.network.routes import choose_format
from graph_api.oxigraph_store import OxigraphStore
from graph_api.settings import Settings

TIES = Path(__file__).resolve().parent / "data" / "network" / "ties.trig"
ALPHA = "https://w3id.org/hin/id/organisation/alpha"


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
    assert_error(client.get("/network/shared-tie/centrality", params={"metric": "pagerank"}),
                 400, "bad-request", "unknown metric 'pagerank'; use one of degree")
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
