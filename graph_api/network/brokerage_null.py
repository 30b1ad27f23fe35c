"""Moments of the Gould-Fernandez brokerage counts under sna's null model.

The null model and the per-broker formulas are written out in :mod:`graph_api.network.brokerage`;
this module computes them, and the moments of the graph-level counts, exactly as
``sna::brokerage`` (R package sna, Carter T. Butts, file R/models.R) does, with ``n`` the group
sizes, ``N`` the number of nodes and ``d`` the density.  Columns follow
:data:`graph_api.network.brokerage.COLUMNS`: coordinator, itinerant, representative, gatekeeper,
liaison, total.
"""
from __future__ import annotations

import numpy
from scipy.special import comb


def group_moments(n: numpy.ndarray, N: float, d: float) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Expected count and variance of each role for a broker of each group: two ``K x 6`` arrays."""
    k = len(n)
    p = d**2 * (1 - d)  # a given two-path is open
    q = d**3 * (1 - d) ** 3  # two given two-paths that share an arc are both open (times 2 below)
    expected = numpy.zeros((k, 6))
    variance = numpy.zeros((k, 6))
    for i in range(k):
        size = n[i]
        others = numpy.delete(n, i)
        expected[i, 0] = p * (size - 1) * (size - 2)
        variance[i, 0] = expected[i, 0] * (1 - p) + 2 * (size - 1) * (size - 2) * (size - 3) * q
        expected[i, 1] = p * numpy.sum(others * (others - 1))
        variance[i, 1] = expected[i, 1] * (1 - p) + 2 * numpy.sum(others * (others - 1) * (others - 2)) * q
        expected[i, 2] = p * (N - size) * (size - 1)
        variance[i, 2] = expected[i, 2] * (1 - p) + 2 * ((size - 1) * comb(N - size, 2)
                                                          + (N - size) * comb(size - 1, 2)) * q
        expected[i, 3], variance[i, 3] = expected[i, 2], variance[i, 2]
        expected[i, 4] = p * (numpy.sum(numpy.outer(others, others)) - numpy.sum(others**2))
        variance[i, 4] = expected[i, 4] * (1 - p) + 4 * numpy.sum(others * comb(N - others - size, 2) * q)
        expected[i, 5] = p * (N - 1) * (N - 2)
        variance[i, 5] = expected[i, 5] * (1 - p) + 2 * (N - 1) * (N - 2) * (N - 3) * q
    return expected, variance


def global_moments(n: numpy.ndarray, N: float, d: float) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Expected value and variance of each graph-level count (summed over all brokers)."""
    p = d**2 * (1 - d)
    a = d**3 * (1 - d) ** 3
    b = d**4 * (1 - d) ** 2
    c = d**5 * (1 - d)
    expected = numpy.zeros(6)
    variance = numpy.zeros(6)
    if len(n) == 0:
        return expected, variance
    expected[0] = p * numpy.sum(n * (n - 1) * (n - 2))
    variance[0] = expected[0] * (1 - p) + numpy.sum(
        n * (n - 1) * (n - 2) * ((4 * n - 10) * a - 4 * (n - 3) * b + (n - 3) * c))
    expected[1] = p * numpy.sum(n * (N - n) * (n - 1))
    x, y = n[:, None], n[None, :]
    variance[1] = expected[1] * (1 - p) + (
        numpy.sum(x * y * (x - 1) * ((2 * x + 2 * y - 6) * a + (N - x - 1) * c))
        - numpy.sum(n * n * (n - 1) * ((4 * n - 6) * a + (N - n - 1) * c)))
    expected[2] = p * numpy.sum(n * (N - n) * (n - 1))
    variance[2] = expected[2] * (1 - p) + numpy.sum(n * (N - n) * (n - 1) * ((N - 3) * a + (n - 2) * c))
    expected[3], variance[3] = expected[2], variance[2]
    expected[4] = p * (numpy.sum(x * y * (N - x - y)) - numpy.sum(n * n * (N - 2 * n)))
    variance[4] = expected[4] * (1 - p) + _liaison_triples(n, N, a, b, c)
    expected[5] = p * N * (N - 1) * (N - 2)
    variance[5] = expected[5] * (1 - p) + N * (N - 1) * (N - 2) * (
        (4 * N - 10) * a - 4 * (N - 3) * b + (N - 3) * c)
    return expected, variance


def _liaison_triples(n: numpy.ndarray, N: float, a: float, b: float, c: float) -> float:
    """sna's sum over ordered triples of distinct groups (i, j, k) of
    ``n_i n_j n_k ((4 (N - n_j) - 2 (n_i + n_k + 1)) a - (4 (N - n_k) - 2 (n_i + n_j + 1)) b
    + (N - (n_i + n_k + 1)) c)``, one group ``i`` at a time over all (j, k)."""
    k = len(n)
    total = 0.0
    nj, nk = n[:, None], n[None, :]
    for i in range(k):
        ni = n[i]
        term = ni * nj * nk * ((4 * (N - nj) - 2 * (ni + nk + 1)) * a
                               - (4 * (N - nk) - 2 * (ni + nj + 1)) * b
                               + (N - (ni + nk + 1)) * c)
        distinct = numpy.ones((k, k), dtype=bool)
        distinct[i, :] = False
        distinct[:, i] = False
        numpy.fill_diagonal(distinct, False)
        total += float(term[distinct].sum())
    return total
