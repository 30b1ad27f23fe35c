"""Burt's structural holes: constraint, effective size, efficiency and hierarchy (Burt 1992).

All four read an undirected graph whose edges carry a ``weight`` (tie strength; missing means 1)
through the proportional tie strengths ``p_ij = w_ij / sum_k w_ik``.  Their two-step terms are
sums over the contacts that two tied nodes share, which
:func:`~graph_api.network.triangles.shared_contact_sums` computes triangle by triangle with numpy,
so that they run on networks of tens of thousands of actors; the tests check them against
networkx's own :func:`networkx.constraint` and :func:`networkx.effective_size` and against
igraph's ``Graph.constraint``.  A node without ties (a self-loop is not a tie) has none of them
(``None``).

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

from graph_api.network.matrices import ties
from graph_api.network.triangles import shared_contact_sums

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
    nodes, rows, dyadic = _dyadic_constraint(graph)
    size = len(nodes)
    return _scores(nodes, numpy.bincount(rows, weights=dyadic, minlength=size), numpy.bincount(rows, minlength=size))


def effective_size(graph: nx.Graph) -> Scores:
    """Burt's effective size: the number of contacts less their redundancy.

    Examples
    --------
    >>> triangle = nx.complete_graph(3)  # two contacts, tied to each other: 2 - 2 * 1 / 2
    >>> effective_size(triangle)[0]
    1.0
    """
    nodes, sizes, contacts = _effective_sizes(graph)
    return _scores(nodes, sizes, contacts)


def efficiency(graph: nx.Graph) -> Scores:
    """Effective size per contact, in (0, 1]: 1 when no contact is redundant.

    Examples
    --------
    >>> efficiency(nx.star_graph(3))[0], efficiency(nx.complete_graph(3))[0]
    (1.0, 0.5)
    """
    nodes, sizes, contacts = _effective_sizes(graph)
    return _scores(nodes, sizes / numpy.maximum(contacts, 1), contacts)


def hierarchy(graph: nx.Graph) -> Scores:
    """Burt's hierarchy: how far the constraint on a node is concentrated in one contact.

    Examples
    --------
    >>> hierarchy(nx.star_graph(3))[0]  # three contacts constrain the centre equally
    0.0
    >>> hierarchy(nx.star_graph(3))[1] is None  # a single contact: undefined
    True
    """
    nodes, rows, dyadic = _dyadic_constraint(graph)
    size = len(nodes)
    contacts = numpy.bincount(rows, minlength=size)
    totals = numpy.bincount(rows, weights=dyadic, minlength=size)
    mean = totals[rows] / contacts[rows]
    ratio = numpy.divide(dyadic, mean, out=numpy.zeros_like(dyadic), where=mean > 0)
    terms = numpy.where(ratio > 0, ratio * numpy.log(numpy.where(ratio > 0, ratio, 1.0)), 0.0)
    sums = numpy.bincount(rows, weights=terms, minlength=size)
    scores: Scores = {}
    for i, node in enumerate(nodes):
        n = int(contacts[i])
        scores[node] = float(sums[i] / (n * math.log(n))) if n >= 2 and totals[i] > 0 else None
    return scores


def _dyadic_constraint(graph: nx.Graph) -> tuple[list[Hashable], numpy.ndarray, numpy.ndarray]:
    """Nodes and, for every ordered pair of tied nodes ``(i, j)``, ``i`` and ``l_ij``.

    ``l_ij = (p_ij + sum_q p_iq p_qj)^2 = ((w_ij + sum_q w_iq w_qj / s_q) / s_i)^2`` with ``s`` the
    nodes' strengths: the shared-contact sum is the same for ``(i, j)`` and ``(j, i)``.
    """
    nodes, u, v, weights = _ties(graph)
    strength = _strength(len(nodes), u, v, weights)
    tied = weights + shared_contact_sums(u, v, weights, _inverse(strength))
    rows = numpy.concatenate([u, v])
    return nodes, rows, (numpy.concatenate([tied, tied]) / strength[rows]) ** 2


def _effective_sizes(graph: nx.Graph) -> tuple[list[Hashable], numpy.ndarray, numpy.ndarray]:
    """Nodes, their effective sizes and their numbers of contacts, as arrays.

    The redundancy of contact j to i is ``sum_q p_iq m_jq = sum_q w_iq w_qj / (s_i max_k w_jk)``.
    """
    nodes, u, v, weights = _ties(graph)
    size = len(nodes)
    strength, strongest = _strength(size, u, v, weights), numpy.zeros(size)
    numpy.maximum.at(strongest, u, weights)
    numpy.maximum.at(strongest, v, weights)
    shared = shared_contact_sums(u, v, weights, numpy.ones(size))
    rows, others = numpy.concatenate([u, v]), numpy.concatenate([v, u])
    redundancy = numpy.concatenate([shared, shared]) * _inverse(strength)[rows] * _inverse(strongest)[others]
    contacts = numpy.bincount(rows, minlength=size).astype(float)
    return nodes, contacts - numpy.bincount(rows, weights=redundancy, minlength=size), contacts


def _ties(graph: nx.Graph) -> tuple[list[Hashable], numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    if graph.is_directed() or graph.is_multigraph():
        raise ValueError("the structural-hole measures take an undirected simple graph (networkx.Graph)")
    nodes = list(graph)
    return (nodes, *ties(graph, nodes))


def _strength(size: int, u: numpy.ndarray, v: numpy.ndarray, weights: numpy.ndarray) -> numpy.ndarray:
    return numpy.bincount(u, weights=weights, minlength=size) + numpy.bincount(v, weights=weights, minlength=size)


def _inverse(values: numpy.ndarray) -> numpy.ndarray:
    return numpy.divide(1.0, values, out=numpy.zeros_like(values, dtype=float), where=values > 0)


def _scores(nodes: list[Hashable], values: numpy.ndarray, contacts: numpy.ndarray) -> Scores:
    return {node: float(value) if count > 0 else None for node, value, count in zip(nodes, values, contacts)}
