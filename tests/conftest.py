"""Shared fixtures: a store loaded from tests/data/sample.trig and real HTTP servers on loopback.

``live_server(app)`` starts uvicorn serving ``app`` on a free 127.0.0.1 port in a background thread
and returns its base URL; every server started is stopped at the end of the session.  Test files
that need the SPARQL endpoint over the sample data use ``sample_server`` (the base URL) and
``sample_store``; other apps (other stores, extra test routes) go through ``live_server``.
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
import uvicorn

if TYPE_CHECKING:  # imported in the fixtures, so a broken app does not stop every test file
    from fastapi import FastAPI

    from graph_api.oxigraph_store import OxigraphStore
    from graph_api.settings import Settings

DATA_DIR = Path(__file__).resolve().parent / "data"
SAMPLE_TRIG = DATA_DIR / "sample.trig"
#: The named graphs of sample.trig.
DOC_A = "https://w3id.org/hin/graph/doc-a"
DOC_B = "https://w3id.org/hin/graph/doc-b"

_START_TIMEOUT = 10.0


class LiveServer:
    """uvicorn serving one ASGI app on a free loopback port, in a daemon thread."""

    def __init__(self, app: FastAPI) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))  # port 0: the OS picks a free one, and we hold it
        port = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]},
                                        name=f"uvicorn-{port}", daemon=True)

    def start(self) -> str:
        """Start serving and wait until the server answers HTTP; returns the base URL."""
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not start on {self.url} within {_START_TIMEOUT} s")
            time.sleep(0.01)
        httpx.get(self.url + "/", timeout=_START_TIMEOUT)  # any HTTP answer means it is serving
        return self.url

    def stop(self) -> None:
        """Ask uvicorn to exit and wait for its thread."""
        self._server.should_exit = True
        self._thread.join(timeout=_START_TIMEOUT)
        self._socket.close()


@pytest.fixture(scope="session")
def live_server() -> Iterator[Callable[[FastAPI], str]]:
    """A factory: ``live_server(app)`` serves ``app`` on a free loopback port and returns the base
    URL (``http://127.0.0.1:PORT``); the servers stop when the test session ends."""
    servers: list[LiveServer] = []

    def start(app: FastAPI) -> str:
        server = LiveServer(app)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def sample_store() -> Iterator[OxigraphStore]:
    """An in-memory OxigraphStore holding tests/data/sample.trig (graphs DOC_A and DOC_B)."""
    from graph_api.oxigraph_store import OxigraphStore

    store = OxigraphStore.in_memory()
    store.load(SAMPLE_TRIG)
    yield store
    store.close()


@pytest.fixture(scope="session")
def sample_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings for a server over ``sample_store`` (the store path is an unused temporary folder)."""
    from graph_api.settings import Settings

    return Settings(store=tmp_path_factory.mktemp("unused-store"))


@pytest.fixture(scope="session")
def sample_server(live_server: Callable[[FastAPI], str], sample_store: OxigraphStore,
                  sample_settings: Settings) -> str:
    """Base URL of the full HIN app serving ``sample_store`` on a loopback port."""
    from graph_api.app import create_app

    return live_server(create_app(sample_settings, store=sample_store))


CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="session")
def corpus_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store folder built from the shipped corpus/ by the real build (extract, validate, load)."""
    from graph_api.build import build_store
    from ingest.iris import DEFAULT_BASE

    store_dir = tmp_path_factory.mktemp("corpus-store")
    build_store(CORPUS_DIR, store_dir, base_iri=DEFAULT_BASE)
    return store_dir


@pytest.fixture(scope="session")
def corpus_server(live_server: Callable[[FastAPI], str], corpus_store_dir: Path) -> str:
    """Base URL of the HIN app serving the on-disk corpus store, opened read-only as `hin serve` does."""
    from graph_api.app import create_app
    from graph_api.settings import Settings

    return live_server(create_app(Settings(store=corpus_store_dir)))


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """A real Virtuoso Open Source server on loopback (tests/virtuoso.py), installed when missing
    and stopped at the end of the session."""
    from tests.virtuoso import VirtuosoServer

    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_settings(virtuoso) -> Settings:
    """Settings naming the Virtuoso server as a remote store (query, update and Graph Store URLs)."""
    from graph_api.settings import Settings

    return Settings(store=virtuoso.query_url, update_url=virtuoso.update_url,
                    graph_store_url=virtuoso.graph_store_url, store_user="dba", store_password="dba")


@pytest.fixture(scope="session")
def virtuoso_corpus_store(virtuoso_settings: Settings) -> Iterator:
    """A RemoteStore on Virtuoso holding the shipped corpus/, built by `hin build --store URL`'s code."""
    from graph_api.remote_build import build_remote
    from graph_api.remote_store import remote_store_from_settings

    store = remote_store_from_settings(virtuoso_settings)
    build_remote(CORPUS_DIR, store, base_iri=virtuoso_settings.base_iri)
    yield store
    store.close()
