"""Arrays and sparse matrices of a networkx graph, read straight from its adjacency.

:func:`networkx.to_scipy_sparse_array` is general (any attribute, any order, multigraphs) and
spends most of its time in per-edge Python calls.  The measures here need only the tie weights of
a simple graph; :func:`arcs` reads them with one C-level pass over networkx's adjacency dicts
(``map`` and :func:`numpy.fromiter`, no Python loop per edge), several times faster than
iterating ``graph.edges(data="weight")``.  :func:`weight_matrix`, :func:`ties` and
:func:`~graph_api.network.paths.to_igraph` are built on it.
"""
from __future__ import annotations

import itertools
import operator
from collections.abc import Hashable, Sequence

import networkx as nx
import numpy
import scipy.sparse

_VALUES = operator.methodcaller("values")


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
