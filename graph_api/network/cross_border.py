"""The cross-border broker report: actors ranked by the Gould-Fernandez roles that span groups.

For a partition by country, a *liaison* links actors of two other countries and a *gatekeeper*
lets actors of another country reach its own; together they are the cross-border brokerage of an
actor.  :func:`cross_border_brokers` ranks actors by ``liaison + gatekeeper`` (ties: more liaison
first, then label and IRI), with the z-scores of both under sna's null model and, for context,
Burt's constraint.  On an undirected view representative equals gatekeeper (see
:mod:`graph_api.network.brokerage`), so the ranking would be the same with representative.
"""
from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import networkx as nx

from graph_api.network.brokerage import Brokerage, brokerage
from graph_api.network.structural_holes import constraint


@dataclass(frozen=True)
class BrokerRow:
    """One actor of the cross-border report."""

    iri: str
    label: str | None
    group: Hashable  #: the actor's group (country code)
    rank: int  #: competition rank by ``cross_border`` (1 = strongest cross-border broker)
    cross_border: float  #: liaison + gatekeeper
    liaison: float
    gatekeeper: float
    representative: float
    itinerant: float
    coordinator: float
    liaison_z: float | None
    gatekeeper_z: float | None
    constraint: float | None


def cross_border_brokers(graph: nx.Graph, partition: Mapping[Hashable, Hashable], *,
                         top: int | None = None, analysis: Brokerage | None = None) -> list[BrokerRow]:
    """Rank the actors of ``graph`` by cross-border brokerage for ``partition`` (e.g. country).

    Parameters
    ----------
    graph
        The view (undirected; weights are ignored by the roles, used by constraint).
    partition
        Node -> group; nodes without a group are left out.
    top
        Return only the first ``top`` rows (``None``: every actor with a group).
    analysis
        A :func:`~graph_api.network.brokerage.brokerage` result for the same graph and partition,
        to reuse.

    Examples
    --------
    >>> g = nx.Graph([("de1", "nl1"), ("nl1", "dk1"), ("de1", "de2")])
    >>> rows = cross_border_brokers(g, {"de1": "DE", "de2": "DE", "nl1": "NL", "dk1": "DK"})
    >>> [(r.iri, r.liaison, r.gatekeeper, r.rank) for r in rows[:2]]
    [('nl1', 2.0, 0.0, 1), ('de1', 0.0, 1.0, 2)]
    """
    if top is not None and top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")
    result = analysis if analysis is not None else brokerage(graph, partition)
    holes = constraint(graph)

    def label(node: Hashable) -> str | None:
        return graph.nodes[node].get("label")

    def order(node: Hashable) -> tuple:
        raw = result.raw[node]
        return (-(raw["liaison"] + raw["gatekeeper"]), -raw["liaison"], label(node) or "", str(node))

    rows: list[BrokerRow] = []
    for position, node in enumerate(sorted(result.raw, key=order), start=1):
        if top is not None and len(rows) >= top:
            break
        raw, z = result.raw[node], result.z[node]
        score = raw["liaison"] + raw["gatekeeper"]
        if rows and rows[-1].cross_border == score:
            position = rows[-1].rank
        rows.append(BrokerRow(
            iri=str(node), label=label(node), group=result.groups[node], rank=position, cross_border=score,
            liaison=raw["liaison"], gatekeeper=raw["gatekeeper"], representative=raw["representative"],
            itinerant=raw["itinerant"], coordinator=raw["coordinator"],
            liaison_z=z["liaison"], gatekeeper_z=z["gatekeeper"], constraint=holes.get(node)))
    return rows
