"""HIN's graph side: the store interface, the embedded store, settings; build, CLI and the HTTP app
live in their own modules (graph_api.build, graph_api.cli, graph_api.app)."""
from graph_api.oxigraph_store import OxigraphStore
from graph_api.settings import Settings
from graph_api.store import GraphStore, QueryResponse

__all__ = ["GraphStore", "OxigraphStore", "QueryResponse", "Settings"]
