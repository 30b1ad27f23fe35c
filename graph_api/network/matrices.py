"""Sparse matrices of a networkx graph, built in one pass over its edges.

:func:`networkx.to_scipy_sparse_array` is general (any attribute, any order, multigraphs) and
spends most of its time in per-edge Python calls; the measures here need only the weight matrix
of a simple graph, which one pass over ``graph.edges(data="weight")`` gives several times faster.
"""
from __future__ import annotations

from collections.abc import Hashable, Sequence

import networkx as nx
import numpy
import scipy.sparse


def weight_matrix(graph: nx.Graph, nodes: Sequence[Hashable], *, weighted: bool = True) -> scipy.sparse.csr_matrix:
    """The ``len(nodes)`` square CSR matrix of tie weights (1 where ``weighted`` is False), rows
    and columns in the order of ``nodes``; edges to nodes not listed are left out, self-loops
    dropped.  An undirected tie fills both ``[u, v]`` and ``[v, u]``; a directed graph gives its
    arcs ``[u, v]``.  A missing weight is 1; a weight that is not positive is a ``ValueError``.

    >>> weight_matrix(nx.Graph([("a", "b")]), ["a", "b"]).toarray().tolist()
    [[0.0, 1.0], [1.0, 0.0]]
    """
    if graph.is_multigraph():
        raise ValueError("the measures take a simple graph (networkx.Graph or DiGraph), not a multigraph")
    index = {node: i for i, node in enumerate(nodes)}
    rows, cols, values = [], [], []
    for u, v, weight in graph.edges(data="weight", default=1):
        i, j = index.get(u), index.get(v)
        if i is None or j is None or i == j:
            continue
        if weighted:
            weight = float(weight)
            if not weight > 0:
                raise ValueError(f"edge {u} - {v} has weight {weight}; weights must be positive")
        else:
            weight = 1.0
        rows.append(i)
        cols.append(j)
        values.append(weight)
    rows_a, cols_a, values_a = numpy.array(rows, dtype=numpy.int64), numpy.array(cols, dtype=numpy.int64), \
        numpy.array(values, dtype=float)
    if not graph.is_directed():
        rows_a, cols_a = numpy.concatenate([rows_a, cols_a]), numpy.concatenate([cols_a, rows_a])
        values_a = numpy.concatenate([values_a, values_a])
    size = len(nodes)
    matrix = scipy.sparse.csr_matrix((values_a, (rows_a, cols_a)), shape=(size, size))
    matrix.sum_duplicates()
    matrix.sort_indices()
    return matrix
