"""Sums over the triangles of a weighted undirected graph, tie by tie, with numpy.

Burt's measures need, for every tie ``u - v``, a sum over the contacts ``q`` that ``u`` and ``v``
share: ``sum_q w_uq w_qv f_q`` (with ``f_q = 1 / strength_q`` it is the indirect part of the
dyadic constraint).  The sparse product ``W F W`` gives it but also fills every pair two steps
apart, most of which are not ties (in a network of overlapping cliques, twenty times as many).
:func:`shared_contact_sums` visits only the triangles: it orders the nodes by degree, lists for
each node ``a`` the pairs of its later neighbours ``b, c`` (so a hub, last in the order, is never
the corner a pair is drawn from) and keeps the pairs that are tied (Latapy 2008, "Main-memory
triangle computations for very large (sparse (power-law)) graphs").  Each triangle then adds its
three terms to its three ties.  The pairs are drawn in chunks, so memory stays bounded on dense
graphs too.
"""
from __future__ import annotations

import numpy

#: Most candidate pairs held in memory at once.
CHUNK = 1 << 21


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
    sums = numpy.zeros(len(u))
    if len(u) == 0:
        return sums
    degree = numpy.bincount(u, minlength=size) + numpy.bincount(v, minlength=size)
    rank = numpy.empty(size, dtype=numpy.int64)
    rank[numpy.lexsort((numpy.arange(size), degree))] = numpy.arange(size)
    low, high = numpy.minimum(rank[u], rank[v]), numpy.maximum(rank[u], rank[v])
    keys = low * size + high
    order = numpy.argsort(keys, kind="stable")  # ties grouped by their lower end, then by the higher
    keys, low, high = keys[order], low[order], high[order]
    weight, node_factor = weights[order], numpy.empty(size)
    node_factor[rank] = factor
    sorted_sums = numpy.zeros(len(keys))
    # tie e pairs with the later ties of its group: the later neighbours c of the corner a
    group_end = numpy.searchsorted(low, low, side="right")
    later = group_end - numpy.arange(len(keys)) - 1
    ends = numpy.cumsum(later)
    start = 0
    while start < len(keys):
        stop = max(int(numpy.searchsorted(ends, (ends[start - 1] if start else 0) + CHUNK, side="right")), start + 1)
        _add_triangles(start, stop, later, keys, low, high, weight, node_factor, sorted_sums)
        start = stop
    sums[order] = sorted_sums
    return sums


def _add_triangles(start: int, stop: int, later: numpy.ndarray, keys: numpy.ndarray, low: numpy.ndarray,
                   high: numpy.ndarray, weight: numpy.ndarray, factor: numpy.ndarray, sums: numpy.ndarray) -> None:
    """Add the terms of the triangles whose first tie (corner - b) is one of ``start .. stop - 1``."""
    counts = later[start:stop]
    total = int(counts.sum())
    if total == 0:
        return
    first = numpy.repeat(numpy.arange(start, stop), counts)  # tie a - b
    offsets = numpy.repeat(numpy.cumsum(counts) - counts, counts)
    second = first + 1 + numpy.arange(total) - offsets  # tie a - c, c after b
    wanted = high[first] * len(factor) + high[second]  # is b - c a tie?
    found = numpy.searchsorted(keys, wanted).clip(max=len(keys) - 1)
    closed = keys[found] == wanted
    ab, ac, bc = first[closed], second[closed], found[closed]
    a, b, c = low[ab], high[ab], high[ac]
    w_ab, w_ac, w_bc = weight[ab], weight[ac], weight[bc]
    length = len(sums)
    sums += numpy.bincount(bc, weights=w_ab * w_ac * factor[a], minlength=length)
    sums += numpy.bincount(ac, weights=w_ab * w_bc * factor[b], minlength=length)
    sums += numpy.bincount(ab, weights=w_ac * w_bc * factor[c], minlength=length)
