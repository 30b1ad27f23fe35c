"""Network views of the graph and the centrality and brokerage measures computed on them.

A view (a named query of kind ``view``) becomes a weighted networkx graph (:func:`view_graph`);
node measures are reached by name through :data:`MEASURES` and :func:`centrality`; a partition
query groups the nodes (:func:`load_partition`) for Gould-Fernandez :func:`brokerage` and the
:func:`cross_border_brokers` report; :func:`brokers_report` renders any of them as text.
"""
from graph_api.network.brokerage import brokerage
from graph_api.network.centrality import MEASURES, METRICS, RankedNode, centrality
from graph_api.network.communities import communities
from graph_api.network.cross_border import cross_border_brokers
from graph_api.network.partitions import load_partition
from graph_api.network.report import brokers_report
from graph_api.network.views import load_view, view_graph

__all__ = [
    "MEASURES",
    "METRICS",
    "RankedNode",
    "brokerage",
    "brokers_report",
    "centrality",
    "communities",
    "cross_border_brokers",
    "load_partition",
    "load_view",
    "view_graph",
]
