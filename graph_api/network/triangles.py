"""Sums over the triangles of a weighted undirected graph, tie by tie, compiled with numba.

Burt's measures need, for every tie ``u - v``, a sum over the contacts ``q`` that ``u`` and ``v``
share: ``sum_q w_uq w_qv f_q`` (with ``f_q = 1 / strength_q`` it is the indirect part of the
dyadic constraint).  The sparse product ``W F W`` gives it but also fills every pair two steps
apart, most of which are not ties (in a network of overlapping cliques, twenty times as many).
:func:`shared_contact_sums` visits only the triangles, with the "forward" algorithm (Latapy 2008,
"Main-memory triangle computations for very large (sparse (power-law)) graphs"): the nodes are
ordered by degree and each tie points from its earlier to its later end; for each node ``a`` the
later ends of its ties are marked, and every later neighbour ``c`` of a later neighbour ``b`` that
is marked closes the triangle ``a b c``, found once, from its earliest corner (a hub, last in the
order, is never the corner the search starts from).  Each triangle adds its three terms to its
three ties.  Time grows as ``m^1.5`` at worst; memory is linear in the ties.

The loop is compiled by numba on its first call in a process (about a second; the machine code is
cached on disk beside this module, where that is writable, so later processes load it).
"""
from __future__ import annotations

import numba
import numpy


def shared_contact_sums(u: numpy.ndarray, v: numpy.ndarray, weights: numpy.ndarray,
                        factor: numpy.ndarray) -> numpy.ndarray:
    """For each tie ``u[e] - v[e]``, ``sum_q weights(u, q) * weights(q, v) * factor[q]``.

    Parameters
    ----------
    u, v
        The ties' end nodes, as integer positions ``0 .. len(factor) - 1``; each tie once, no
        self-loops.
    weights
        The ties' weights.
    factor
        A value per node, applied to the shared contact ``q``.

    Returns
    -------
    numpy.ndarray
        One sum per tie, in the order of ``u``; 0 for a tie in no triangle.

    Examples
    --------
    >>> u, v = numpy.array([0, 0, 1, 2]), numpy.array([1, 2, 2, 3])  # triangle 0 1 2, pendant 3
    >>> shared_contact_sums(u, v, numpy.array([1.0, 2.0, 3.0, 5.0]), numpy.ones(4)).tolist()
    [6.0, 3.0, 2.0, 0.0]
    """
    size = len(factor)
    if len(u) == 0:
        return numpy.zeros(0)
    u, v = numpy.asarray(u, dtype=numpy.int64), numpy.asarray(v, dtype=numpy.int64)
    degree = numpy.bincount(u, minlength=size) + numpy.bincount(v, minlength=size)
    rank = numpy.empty(size, dtype=numpy.int64)
    rank[numpy.lexsort((numpy.arange(size), degree))] = numpy.arange(size)
    earlier = numpy.where(rank[u] < rank[v], u, v)
    later = numpy.where(rank[u] < rank[v], v, u)
    order = numpy.argsort(earlier, kind="stable")  # the ties of each node's forward list, together
    start = numpy.zeros(size + 1, dtype=numpy.int64)
    numpy.cumsum(numpy.bincount(earlier, minlength=size), out=start[1:])
    return _forward_triangles(start, later[order], order, numpy.asarray(weights, dtype=float),
                              numpy.asarray(factor, dtype=float))


@numba.njit(cache=True, nogil=True)
def _forward_triangles(start: numpy.ndarray, targets: numpy.ndarray, ties: numpy.ndarray,
                       weights: numpy.ndarray, factor: numpy.ndarray) -> numpy.ndarray:  # pragma: no cover
    """The per-tie sums: ``targets[start[a]:start[a + 1]]`` are the later neighbours of ``a`` and
    ``ties`` the positions of those ties in the caller's arrays (numba-compiled, so not traced by
    coverage; the Python-level tests call it through :func:`shared_contact_sums`)."""
    size = len(start) - 1
    sums = numpy.zeros(len(weights))
    mark = numpy.full(size, -1, dtype=numpy.int64)  # mark[c]: the tie a - c, while a is visited
    for a in range(size):
        for i in range(start[a], start[a + 1]):
            mark[targets[i]] = ties[i]
        for i in range(start[a], start[a + 1]):
            b, ab = targets[i], ties[i]
            for j in range(start[b], start[b + 1]):
                ac = mark[targets[j]]
                if ac < 0:
                    continue
                c, bc = targets[j], ties[j]
                w_ab, w_ac, w_bc = weights[ab], weights[ac], weights[bc]
                sums[bc] += w_ab * w_ac * factor[a]
                sums[ac] += w_ab * w_bc * factor[b]
                sums[ab] += w_ac * w_bc * factor[c]
        for i in range(start[a], start[a + 1]):
            mark[targets[i]] = -1
    return sums
