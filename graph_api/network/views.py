"""Network views: a named query of kind ``view`` run on a store, as a weighted networkx graph.

A view query returns ``?source ?target ?weight`` with ``STR(?source) < STR(?target)``, one row per
pair.  Nodes are the IRIs as strings and carry a ``label`` attribute: one ``rdfs:label`` of the
node, chosen deterministically (English first, then a label without language, then the other
languages in code order; the smallest string within a language).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import networkx as nx
from rdflib import Literal, URIRef

from graph_api.network.matrices import prepare
from graph_api.store import GraphStore
from queries import Catalogue, NamedQuery

#: How many node IRIs one label query asks for at most.
LABEL_BATCH = 1000
#: Rows of a view fetched per request from a store that pages its answers (a remote store:
#: graph_api.remote_store.RemoteStore.select_pages), so memory holds the graph, not the answer.
VIEW_PAGE_ROWS = 5000

_LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?node ?label WHERE {{ VALUES ?node {{ {nodes} }} ?node rdfs:label ?label }}"""


def view_graph(
    store: GraphStore, view: NamedQuery, substitutions: Mapping[str, object] | None = None
) -> nx.Graph:
    """Run the view on ``store`` and build its undirected weighted graph.

    Parameters
    ----------
    store
        Any :class:`graph_api.store.GraphStore`.
    view
        A named query of kind ``view``.
    substitutions
        Values for the view's parameters (rdflib terms), bound by the store.

    Returns
    -------
    networkx.Graph
        Nodes are IRI strings with a ``label`` attribute (``None`` where the node has no
        label); edges carry ``weight`` (float).  A pair that comes back twice has its weights
        added.  ``graph.graph["view"]`` is the view's slug.  The graph is frozen and its ties
        read once (:func:`graph_api.network.matrices.prepare`); copy it to change it.

    Raises
    ------
    ValueError
        When ``view`` is not a view or a row's weight is not a positive number.
    """
    if view.kind != "view":
        raise ValueError(f"{view.slug} is a named query of kind {view.kind!r}, not a network view")
    graph = nx.Graph(view=view.slug)
    for row in _view_rows(store, view, substitutions):
        source, target = row.get("source"), row.get("target")
        if source is None or target is None or source == target:
            continue
        weight = _weight(view, row.get("weight"))
        u, v = str(source), str(target)
        if graph.has_edge(u, v):
            graph[u][v]["weight"] += weight
        else:
            graph.add_edge(u, v, weight=weight)
    labels = node_labels(store, [n for n in graph if _is_iri(n)])
    nx.set_node_attributes(graph, {node: labels.get(node) for node in graph}, "label")
    return prepare(graph)


def load_view(store: GraphStore, catalogue: Catalogue, slug: str) -> nx.Graph:
    """The graph of the view named ``slug``.  ``KeyError`` when the catalogue has no such view."""
    query = catalogue.get(slug)
    if query.kind != "view":
        raise KeyError(f"{slug} is not a network view; views: {', '.join(v.slug for v in catalogue.views())}")
    return view_graph(store, query)


def node_labels(store: GraphStore, iris: Iterable[str]) -> dict[str, str]:
    """One label per IRI that has any ``rdfs:label`` (see the module docstring for the choice).

    The IRIs come from the store's own answers and are written into a ``VALUES`` block as
    validated N-Triples terms (``URIRef.n3``), one query per :data:`LABEL_BATCH` IRIs.
    """
    iris = sorted(set(iris))
    found: dict[str, list[Literal]] = {}
    for start in range(0, len(iris), LABEL_BATCH):
        batch = " ".join(URIRef(iri).n3() for iri in iris[start:start + LABEL_BATCH])
        for row in store.select(_LABELS.format(nodes=batch)):
            label = row.get("label")
            if isinstance(label, Literal):
                found.setdefault(str(row["node"]), []).append(label)
    return {iri: str(min(labels, key=_label_preference)) for iri, labels in found.items()}


def _view_rows(store: GraphStore, view: NamedQuery,
               substitutions: Mapping[str, object] | None) -> Iterator[dict[str, object]]:
    """The view's rows: in pages of VIEW_PAGE_ROWS when the store pages (ordered by source, target
    and weight, so the pages are disjoint), else in one answer."""
    pages = getattr(store, "select_pages", None)
    if pages is None:
        yield from store.select(view.text, substitutions)
        return
    for page in pages(view.text, substitutions, order_by=("source", "target", "weight"), size=VIEW_PAGE_ROWS):
        yield from page


def _label_preference(label: Literal) -> tuple[int, str, str]:
    language = (label.language or "").lower()
    group = 0 if language == "en" or language.startswith("en-") else 1 if not language else 2
    return (group, language, str(label))


def _weight(view: NamedQuery, term: object) -> float:
    if term is None:
        return 1.0
    value = term.toPython() if isinstance(term, Literal) else term
    try:
        weight = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"view {view.slug} ({view.path}) returned weight {term!r}, not a number") from None
    if not weight > 0:
        raise ValueError(f"view {view.slug} ({view.path}) returned weight {weight}; weights must be positive")
    return weight


def _is_iri(node: str) -> bool:
    return ":" in node and not node.startswith("_:")
