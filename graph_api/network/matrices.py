"""Arrays and sparse matrices of a networkx graph, read straight from its adjacency.

:func:`networkx.to_scipy_sparse_array` is general (any attribute, any order, multigraphs) and
spends most of its time in per-edge Python calls.  The measures here need only the tie weights of
a simple graph; :func:`arcs` reads them with one C-level pass over networkx's adjacency dicts
(``map`` and :func:`numpy.fromiter`, no Python loop per edge), several times faster than
iterating ``graph.edges(data="weight")``.  :func:`weight_matrix`, :func:`ties` and
:func:`~graph_api.network.paths.to_igraph` are built on it.

A network view is read once: :func:`prepare` freezes its graph (``networkx.freeze``: it can no
longer change) and keeps its arcs and the order of its nodes by label (:func:`label_order`), so
that every measure and ranking computed on the view afterwards starts from arrays instead of
reading the adjacency and sorting the labels again.
"""
from __future__ import annotations

import itertools
import operator
import weakref
from collections.abc import Hashable, Sequence

import networkx as nx
import numpy
import scipy.sparse

_VALUES = operator.methodcaller("values")
#: Frozen graphs and their arcs in the order of their nodes: ``(nodes, rows, cols, weights)``.
_PREPARED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
#: Frozen graphs and their nodes in label order (:func:`label_order`).
_LABEL_ORDER: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def prepare(graph: nx.Graph) -> nx.Graph:
    """Freeze ``graph`` and read its weighted arcs once for every later :func:`arcs` call.

    Returns the same graph, now frozen: adding or removing a node or edge raises
    ``networkx.NetworkXError`` (``networkx.Graph(graph)`` is a copy that can change).

    >>> graph = prepare(nx.Graph([("a", "b")]))
    >>> nx.is_frozen(graph), arcs(graph, ["a", "b"])[0].tolist()
    (True, [0, 1])
    """
    nodes = list(graph)
    rows, cols, weights = arcs(graph, nodes)
    for array in (rows, cols, weights):
        array.setflags(write=False)
    nx.freeze(graph)
    _PREPARED[graph] = (nodes, rows, cols, weights)
    _LABEL_ORDER[graph] = _by_label(graph)
    return graph


def label_order(graph: nx.Graph) -> list[Hashable]:
    """The nodes ordered by their ``label`` attribute (a missing label as ""), then as strings:
    the order in which rankings list nodes of equal value.  Read once for a :func:`prepare`-d
    graph (its labels are taken as they were then).

    >>> label_order(nx.Graph([("b", "a"), ("c", "a")]))
    ['a', 'b', 'c']
    """
    order = _LABEL_ORDER.get(graph)
    return order if order is not None and nx.is_frozen(graph) else _by_label(graph)


def _by_label(graph: nx.Graph) -> list[Hashable]:
    attributes = graph._node  # networkx's own dict of node attributes; graph.nodes[n] builds a view per call
    return sorted(attributes, key=lambda node: (attributes[node].get("label") or "", str(node)))


def arcs(graph: nx.Graph, nodes: Sequence[Hashable], *, weighted: bool = True
         ) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """Every stored arc ``(row, col, weight)`` between the listed nodes, as three arrays.

    ``row`` and ``col`` are positions in ``nodes``.  An undirected tie gives two arcs
    (``[u, v]`` and ``[v, u]``), a directed one its arc, a self-loop one arc ``[u, u]``; arcs come
    row by row in the order of ``nodes`` and, within a row, in the graph's adjacency order (so the
    arcs with ``row <= col`` of an undirected graph listed in graph order are ``graph.edges()`` in
    its order).  A missing weight is 1 (every weight is 1 where ``weighted`` is False); a weight
    that is not positive is a ``ValueError`` naming the tie.

    >>> rows, cols, weights = arcs(nx.Graph([("a", "b")]), ["a", "b"])
    >>> rows.tolist(), cols.tolist(), weights.tolist()
    ([0, 1], [1, 0], [1.0, 1.0])
    """
    prepared = _PREPARED.get(graph)
    if prepared is not None and nx.is_frozen(graph) and (nodes is prepared[0] or list(nodes) == prepared[0]):
        _, rows, cols, weights = prepared
        return rows, cols, weights if weighted else numpy.ones(len(cols))
    if graph.is_multigraph():
        raise ValueError("the measures take a simple graph (networkx.Graph or DiGraph), not a multigraph")
    adjacency = graph._adj  # networkx's own dict of dicts; the public graph.adj wraps it in slower views
    index = {node: i for i, node in enumerate(nodes)}
    neighbours = [adjacency.get(node, {}) for node in nodes]
    counts = numpy.fromiter(map(len, neighbours), dtype=numpy.int64, count=len(neighbours))
    rows = numpy.repeat(numpy.arange(len(nodes), dtype=numpy.int64), counts)
    targets = itertools.chain.from_iterable(neighbours)
    if len(index) == len(adjacency) and all(node in index for node in adjacency):
        cols = numpy.array(list(map(index.__getitem__, targets)), dtype=numpy.int64)  # every node listed
    else:
        cols = numpy.array(list(map(index.get, targets, itertools.repeat(-1))), dtype=numpy.int64)
    weights = _weights(neighbours) if weighted else numpy.ones(len(cols))
    listed = cols >= 0
    rows, cols, weights = rows[listed], cols[listed], weights[listed]
    bad = numpy.flatnonzero(~(weights > 0))
    if len(bad):
        first = bad[0]
        raise ValueError(f"edge {nodes[rows[first]]} - {nodes[cols[first]]} has weight {float(weights[first])}; "
                         "weights must be positive")
    return rows, cols, weights


def _weights(neighbours: list) -> numpy.ndarray:
    """The ``weight`` of every arc of ``neighbours`` (adjacency dicts), 1 where it is missing."""
    def data() -> itertools.chain:
        return itertools.chain.from_iterable(map(_VALUES, neighbours))
    try:  # itemgetter is the faster call; a tie without a weight sends it to get(..., 1)
        values = list(map(operator.itemgetter("weight"), data()))
    except KeyError:
        values = list(map(operator.methodcaller("get", "weight", 1), data()))
    return numpy.array(values, dtype=float)


def ties(graph: nx.Graph, nodes: Sequence[Hashable]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """Each tie of an undirected graph once, self-loops left out: arrays ``(u, v, weight)``, ``u < v``.

    ``u`` and ``v`` are positions in ``nodes``; ties to nodes not listed are left out.

    >>> u, v, weights = ties(nx.Graph([("b", "a"), ("a", "a")]), ["a", "b"])
    >>> u.tolist(), v.tolist(), weights.tolist()
    ([0], [1], [1.0])
    """
    if graph.is_directed():
        raise ValueError("ties are those of an undirected graph (networkx.Graph)")
    rows, cols, weights = arcs(graph, nodes)
    upper = rows < cols
    return rows[upper], cols[upper], weights[upper]


def weight_matrix(graph: nx.Graph, nodes: Sequence[Hashable], *, weighted: bool = True) -> scipy.sparse.csr_matrix:
    """The ``len(nodes)`` square CSR matrix of tie weights (1 where ``weighted`` is False), rows
    and columns in the order of ``nodes``; edges to nodes not listed are left out, self-loops
    dropped.  An undirected tie fills both ``[u, v]`` and ``[v, u]``; a directed graph gives its
    arcs ``[u, v]``.  A missing weight is 1; a weight that is not positive is a ``ValueError``.

    >>> weight_matrix(nx.Graph([("a", "b")]), ["a", "b"]).toarray().tolist()
    [[0.0, 1.0], [1.0, 0.0]]
    """
    rows, cols, weights = arcs(graph, nodes, weighted=weighted)
    other = rows != cols
    size = len(nodes)
    matrix = scipy.sparse.csr_matrix((weights[other], (rows[other], cols[other])), shape=(size, size))
    matrix.sum_duplicates()
    matrix.sort_indices()
    return matrix
