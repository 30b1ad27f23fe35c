"""Network views of the graph and the centrality and brokerage measures computed on them."""
from graph_api.network.centrality import METRICS, RankedNode, centrality
from graph_api.network.report import brokers_report
from graph_api.network.views import load_view, view_graph

__all__ = ["METRICS", "RankedNode", "brokers_report", "centrality", "load_view", "view_graph"]
