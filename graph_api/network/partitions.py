"""Node partitions: named queries of kind ``partition`` (``?node ?group``) as node -> group.

A partition groups a view's nodes by an attribute (country, region, field, actor type) for the
Gould-Fernandez brokerage roles and for colouring pictures.  The shipped partitions are
``queries/country.rq``, ``subdivision.rq`` (region), ``field.rq`` and ``type.rq`` (actor type) (docs/queries.md).
A node the query returns with several groups keeps the smallest (as text), so the answer is the
same every time; a node it does not return has no group.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from graph_api.network.views import node_labels
from graph_api.store import GraphStore
from queries import Catalogue, NamedQuery


@dataclass(frozen=True)
class Partition:
    """Groups of nodes: node IRI -> group (an IRI or a text), with the groups' labels."""

    name: str  #: the partition query's slug
    groups: dict[str, str]  #: node IRI -> its group; nodes without one are absent
    labels: dict[str, str] = field(default_factory=dict)  #: group IRI -> its label, where it has one

    def group_label(self, node: str) -> str | None:
        """The label of ``node``'s group (the group itself where it has no label); None without one."""
        group = self.groups.get(node)
        return None if group is None else self.labels.get(group, group)


def partition_groups(store: GraphStore, query: NamedQuery,
                     substitutions: Mapping[str, object] | None = None) -> dict[str, str]:
    """Run a partition query and return node -> group (both as text).

    Raises ``ValueError`` when ``query`` is not of kind ``partition``.
    """
    if query.kind != "partition":
        raise ValueError(f"{query.slug} ({query.path}) is a named query of kind {query.kind!r}, not a partition")
    groups: dict[str, str] = {}
    for row in store.select(query.text, substitutions):
        node, group = row.get("node"), row.get("group")
        if node is None or group is None:
            continue
        node, group = str(node), str(group)
        if node not in groups or group < groups[node]:
            groups[node] = group
    return groups


def load_partition(store: GraphStore, catalogue: Catalogue, slug: str) -> Partition:
    """The partition named ``slug``, with the labels of groups that are IRIs.

    Raises ``KeyError`` listing the partitions when the catalogue has no partition of that name.
    """
    query = catalogue.get(slug) if slug in catalogue else None
    if query is None or query.kind != "partition":
        known = ", ".join(q.slug for q in catalogue.partitions())
        raise KeyError(f"no partition {slug!r}; partitions: {known}")
    groups = partition_groups(store, query)
    iris = {g for g in groups.values() if ":" in g and " " not in g and not g.startswith("_:")}
    return Partition(slug, groups, node_labels(store, iris))
