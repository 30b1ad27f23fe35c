"""Burt's structural holes: constraint, effective size, efficiency and hierarchy (Burt 1992).

All four read an undirected graph whose edges carry a ``weight`` (tie strength; missing means 1)
through the proportional tie strengths ``p_ij = w_ij / sum_k w_ik``.  They are computed with
sparse matrices (scipy), so that they run on networks of tens of thousands of actors; the tests
check them against networkx's own :func:`networkx.constraint` and
:func:`networkx.effective_size` and against igraph's ``Graph.constraint``.  A node without ties
has none of them (``None``).

* constraint ``c_i = sum_j l_ij`` over i's contacts j, with the dyadic constraint
  ``l_ij = (p_ij + sum_q p_iq p_qj)^2``;
* effective size ``sum_j (1 - sum_q p_iq m_jq)`` with ``m_jq = w_jq / max_k w_jk`` (for unweighted
  ties ``n - 2t / n``: n contacts with t ties among them);
* efficiency: effective size divided by the number of contacts;
* hierarchy ``sum_j r_ij ln r_ij / (N ln N)`` with ``r_ij = l_ij / (c_i / N)`` for N contacts: 0 when
  every contact constrains i equally, towards 1 when one contact holds all of it; undefined
  (``None``) for a node with a single contact, where ``N ln N = 0``.
"""
from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy
import scipy.sparse

from graph_api.network.matrices import weight_matrix

Scores = dict[Hashable, float | None]


def constraint(graph: nx.Graph) -> Scores:
    """Burt's constraint: how much a node's ties lead to contacts that are tied to each other.

    Low values mark brokers.

    Examples
    --------
    >>> star = nx.star_graph(3)  # centre: three unconnected contacts, 3 * (1/3)^2
    >>> round(constraint(star)[0], 4), constraint(star)[1]
    (0.3333, 1.0)
    """
    nodes, _, dyadic = _dyadic_constraint(graph)
    if len(nodes) == 0:
        return {}
    totals = numpy.asarray(dyadic.sum(axis=1)).ravel()
    return _scores(nodes, totals, numpy.diff(dyadic.indptr))


def effective_size(graph: nx.Graph) -> Scores:
    """Burt's effective size: the number of contacts less their redundancy.

    Examples
    --------
    >>> triangle = nx.complete_graph(3)  # two contacts, tied to each other: 2 - 2 * 1 / 2
    >>> effective_size(triangle)[0]
    1.0
    """
    nodes, weights = _matrix(graph)
    if len(nodes) == 0:
        return {}
    p = _proportional(weights)
    row_max = numpy.asarray(weights.max(axis=1).todense()).ravel()
    m_transposed = (weights @ scipy.sparse.diags(_inverse(row_max))).tocsr()  # [q, j] = w_qj / max_k w_jk
    redundancy = (p @ m_transposed).multiply(weights > 0)  # [i, j] = sum_q p_iq m_jq, on i's contacts j
    contacts = numpy.diff(weights.indptr).astype(float)
    sizes = contacts - numpy.asarray(redundancy.sum(axis=1)).ravel()
    return _scores(nodes, sizes, contacts)


def efficiency(graph: nx.Graph) -> Scores:
    """Effective size per contact, in (0, 1]: 1 when no contact is redundant.

    Examples
    --------
    >>> efficiency(nx.star_graph(3))[0], efficiency(nx.complete_graph(3))[0]
    (1.0, 0.5)
    """
    sizes = effective_size(graph)
    return {node: None if size is None else size / len(set(graph[node]) - {node}) for node, size in sizes.items()}


def hierarchy(graph: nx.Graph) -> Scores:
    """Burt's hierarchy: how far the constraint on a node is concentrated in one contact.

    Examples
    --------
    >>> hierarchy(nx.star_graph(3))[0]  # three contacts constrain the centre equally
    0.0
    >>> hierarchy(nx.star_graph(3))[1] is None  # a single contact: undefined
    True
    """
    nodes, weights, dyadic = _dyadic_constraint(graph)
    if len(nodes) == 0:
        return {}
    contacts = numpy.diff(dyadic.indptr)
    totals = numpy.asarray(dyadic.sum(axis=1)).ravel()
    rows = numpy.repeat(numpy.arange(len(nodes)), contacts)
    mean = totals[rows] / contacts[rows]
    ratio = numpy.divide(dyadic.data, mean, out=numpy.zeros_like(dyadic.data), where=mean > 0)
    terms = numpy.where(ratio > 0, ratio * numpy.log(numpy.where(ratio > 0, ratio, 1.0)), 0.0)
    sums = numpy.bincount(rows, weights=terms, minlength=len(nodes))
    scores: Scores = {}
    for i, node in enumerate(nodes):
        n = int(contacts[i])
        scores[node] = float(sums[i] / (n * math.log(n))) if n >= 2 and totals[i] > 0 else None
    return scores


def _dyadic_constraint(graph: nx.Graph):
    """Nodes, the weight matrix and the CSR matrix of ``l_ij`` on the pattern of the ties."""
    nodes, weights = _matrix(graph)
    if len(nodes) == 0:
        return nodes, weights, weights
    p = _proportional(weights)
    pattern = (weights > 0).astype(float)
    indirect = (p @ p).multiply(pattern)  # [i, j] = sum_q p_iq p_qj, kept on i's contacts j only
    dyadic = (p + indirect).tocsr()
    dyadic.data **= 2
    dyadic.sort_indices()
    return nodes, weights, dyadic


def _matrix(graph: nx.Graph) -> tuple[list[Hashable], scipy.sparse.csr_matrix]:
    if graph.is_directed() or graph.is_multigraph():
        raise ValueError("the structural-hole measures take an undirected simple graph (networkx.Graph)")
    nodes = list(graph)
    return nodes, weight_matrix(graph, nodes)


def _proportional(weights: scipy.sparse.csr_matrix) -> scipy.sparse.csr_matrix:
    strength = numpy.asarray(weights.sum(axis=1)).ravel()
    return (scipy.sparse.diags(_inverse(strength)) @ weights).tocsr()


def _inverse(values: numpy.ndarray) -> numpy.ndarray:
    return numpy.divide(1.0, values, out=numpy.zeros_like(values, dtype=float), where=values > 0)


def _scores(nodes: list[Hashable], values: numpy.ndarray, contacts: numpy.ndarray) -> Scores:
    return {node: float(value) if count > 0 else None for node, value, count in zip(nodes, values, contacts)}
