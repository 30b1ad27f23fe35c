"""Gould-Fernandez brokerage roles for a partition of the nodes, as R's ``sna::brokerage``.

Gould and Fernandez (1989, "Structures of mediation", Sociological Methodology 19: 89-126): node
``v`` brokers for ``u`` and ``w`` when there are arcs ``u -> v -> w``, ``u != w``, and NO arc
``u -> w``.  With the groups ``g(.)`` of a partition each such open two-path is one of five roles
of its broker ``v`` (sna's column names in brackets):

=================  ==========  ==================================  ===================
role               sna         groups of ``u -> v -> w``           structure
=================  ==========  ==================================  ===================
coordinator        ``w_I``     all three the same                  ``A -> A -> A``
itinerant          ``w_O``     ``u`` and ``w`` the same, ``v`` not   ``A -> B -> A``
representative     ``b_IO``    ``u`` and ``v`` the same, ``w`` not   ``A -> A -> B``
gatekeeper         ``b_OI``    ``v`` and ``w`` the same, ``u`` not   ``A -> B -> B``
liaison            ``b_O``     all three different                 ``A -> B -> C``
=================  ==========  ==================================  ===================

(itinerant is also called consultant).  ``total`` (sna ``t``) is their sum.

**Undirected ties.**  sna works on arcs; an undirected graph given to it is the symmetric matrix,
so every tie ``u - v`` is the two arcs ``u -> v`` and ``v -> u``, and this module does the same.  An
open path ``u - v - w`` is then counted twice, once each way: its broker earns 2 for a coordinator,
itinerant or liaison path, and 1 representative plus 1 gatekeeper for a path whose one end shares
the broker's group (``u -> v -> w`` is representative, ``w -> v -> u`` gatekeeper).  So on an
undirected graph representative and gatekeeper counts are always equal.  The density is
``d = m / (N (N - 1))`` with ``m`` the number of arcs, ``2 E`` for ``E`` undirected ties, which is
the undirected density.  A ``networkx.DiGraph`` is taken as it is.

**Null model** (sna, following Gould and Fernandez): each arc present independently with
probability ``d``, the groups as given.  A given two-path is open with probability
``d^2 (1 - d)``.  For a broker in a group of size ``n_i`` (``N`` nodes; sums over the other groups
``j != i``) the expected counts are::

    coordinator      d^2 (1-d) (n_i - 1)(n_i - 2)
    itinerant        d^2 (1-d) sum_j n_j (n_j - 1)
    representative   d^2 (1-d) (N - n_i)(n_i - 1)
    gatekeeper       d^2 (1-d) (N - n_i)(n_i - 1)
    liaison          d^2 (1-d) ((sum_j n_j)^2 - sum_j n_j^2)
    total            d^2 (1-d) (N - 1)(N - 2)

and the variances ``E (1 - d^2 (1 - d)) + 2 C d^3 (1 - d)^3`` where ``C`` counts the pairs of such
two-paths that share an arc: ``(n_i-1)(n_i-2)(n_i-3)``, ``sum_j n_j (n_j-1)(n_j-2)``,
``(n_i-1) C(N-n_i, 2) + (N-n_i) C(n_i-1, 2)`` (twice, for both the representative and gatekeeper),
``2 sum_j n_j C(N - n_j - n_i, 2)`` and ``(N-1)(N-2)(N-3)``.  ``z = (raw - expected) / sd``; ``None``
where the standard deviation is 0 (sna gives NaN or Inf there).  The graph-level figures (sums over
all brokers) have their own moments, in :mod:`graph_api.network.brokerage_null`.
"""
from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy
import scipy.sparse

from graph_api.network.brokerage_null import global_moments, group_moments
from graph_api.network.matrices import weight_matrix

#: The five roles, in sna's column order.
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
#: The roles and their total, as the columns of every table of :class:`Brokerage`.
COLUMNS = (*ROLES, "total")
#: sna's name of each column.
SNA_NAMES = {"coordinator": "w_I", "itinerant": "w_O", "representative": "b_IO", "gatekeeper": "b_OI",
             "liaison": "b_O", "total": "t"}

Table = dict[Hashable, dict[str, float | None]]


@dataclass(frozen=True)
class Brokerage:
    """The Gould-Fernandez analysis of a graph for one partition (all values plain data).

    Per node tables map node -> column (:data:`COLUMNS`) -> value; the ``*_total`` figures are
    for the whole graph (sna's ``raw.gli``, ``exp.gli``, ``sd.gli``, ``z.gli``).
    """

    groups: dict[Hashable, Hashable]  #: the group of each analysed node
    group_sizes: dict[Hashable, int]
    unassigned: list[Hashable]  #: nodes of the graph without a group, left out of the analysis
    nodes: int  #: N, the nodes analysed
    arcs: int  #: m (an undirected tie is two arcs)
    density: float  #: m / (N (N - 1))
    raw: Table
    expected: Table
    sd: Table
    z: Table
    raw_total: dict[str, float]
    expected_total: dict[str, float]
    sd_total: dict[str, float]
    z_total: dict[str, float | None]


def brokerage(graph: nx.Graph, partition: Mapping[Hashable, Hashable]) -> Brokerage:
    """Gould-Fernandez brokerage counts, expected counts and z-scores for ``partition``.

    Parameters
    ----------
    graph
        A ``networkx.Graph`` (each tie is two arcs) or ``networkx.DiGraph``; weights are ignored,
        self-loops dropped.
    partition
        Node -> group.  Nodes of the graph without a group are left out (they are listed in
        :attr:`Brokerage.unassigned`), as are partition entries for nodes not in the graph.

    Examples
    --------
    >>> path = nx.path_graph(["a", "b", "c"])  # a - b - c: one open path through b, both ways
    >>> result = brokerage(path, {"a": "X", "b": "Y", "c": "Z"})
    >>> result.raw["b"]["liaison"], result.raw["a"]["total"]
    (2.0, 0.0)
    """
    nodes = [n for n in graph if n in partition]
    unassigned = [n for n in graph if n not in partition]
    labels = sorted({partition[n] for n in nodes}, key=str)
    index_of = {label: i for i, label in enumerate(labels)}
    groups = numpy.array([index_of[partition[n]] for n in nodes], dtype=numpy.int64)
    arcs = _arcs(graph, nodes)
    counts = role_counts(arcs, groups)
    size, m = len(nodes), arcs.nnz
    density = m / (size * (size - 1)) if size > 1 else 0.0
    sizes = numpy.bincount(groups, minlength=len(labels)).astype(float)
    expected_by_group, variance_by_group = group_moments(sizes, float(size), density)
    expected = expected_by_group[groups] if size else numpy.zeros((0, 6))
    sd = numpy.sqrt(variance_by_group[groups]) if size else numpy.zeros((0, 6))
    raw = numpy.column_stack([counts, counts.sum(axis=1)]) if size else numpy.zeros((0, 6))
    raw_total = raw.sum(axis=0) if size else numpy.zeros(6)
    expected_total, variance_total = global_moments(sizes, float(size), density)
    sd_total = numpy.sqrt(variance_total)
    return Brokerage(
        groups={n: partition[n] for n in nodes},
        group_sizes={label: int(sizes[i]) for i, label in enumerate(labels)},
        unassigned=unassigned,
        nodes=size,
        arcs=int(m),
        density=float(density),
        raw=_table(nodes, raw),
        expected=_table(nodes, expected),
        sd=_table(nodes, sd),
        z=_table(nodes, _z(raw, expected, sd)),
        raw_total=dict(zip(COLUMNS, map(float, raw_total))),
        expected_total=dict(zip(COLUMNS, map(float, expected_total))),
        sd_total=dict(zip(COLUMNS, map(float, sd_total))),
        z_total=_table([None], _z(raw_total[None, :], expected_total[None, :], sd_total[None, :]))[None],
    )


def role_counts(arcs: scipy.sparse.csr_matrix, groups: numpy.ndarray) -> numpy.ndarray:
    """The raw counts: an ``N x 5`` array, one row per node, columns :data:`ROLES`.

    ``arcs`` is the 0/1 adjacency matrix (row -> column, no diagonal), ``groups`` the group index
    of each node.  Every two-path ``u -> v -> w`` (``u != w``) of each kind is counted from the
    group counts of ``v``'s in- and out-neighbours; the closed ones (with the arc ``u -> w``) are
    counted by sparse products restricted to within- or between-group arcs and subtracted.
    """
    n = arcs.shape[0]
    if n == 0:
        return numpy.zeros((0, 5))
    k = int(groups.max()) + 1
    member = scipy.sparse.csr_matrix((numpy.ones(n), (numpy.arange(n), groups)), shape=(n, k))
    out_by_group = (arcs @ member).toarray()  # [v, g]: arcs v -> w with w in g
    in_by_group = (arcs.T @ member).toarray()  # [v, g]: arcs u -> v with u in g
    rows = numpy.arange(n)
    in_same, out_same = in_by_group[rows, groups], out_by_group[rows, groups]
    in_other, out_other = in_by_group.sum(axis=1) - in_same, out_by_group.sum(axis=1) - out_same
    matched_other = (in_by_group * out_by_group).sum(axis=1) - in_same * out_same  # g(u) = g(w) != g(v)

    coo = arcs.tocoo()
    same = groups[coo.row] == groups[coo.col]
    within = _select(coo, same, n)  # arcs inside a group
    between = _select(coo, ~same, n)  # arcs across groups
    reciprocal_within = numpy.asarray(within.multiply(within.T).sum(axis=1)).ravel()  # u = w, same group
    reciprocal_between = numpy.asarray(between.multiply(between.T).sum(axis=1)).ravel()

    # closed two-paths u -> v -> w with u -> w, by broker v: sum_u X[u, v] * (Y Z')[u, v] where
    # X holds the arcs u -> v, Y the arcs u -> w and Z the arcs v -> w of the role's kinds
    def closed(x, y, z):
        return numpy.asarray(x.multiply(y @ z.T).sum(axis=0)).ravel()

    counts = numpy.empty((n, 5))
    counts[:, 0] = in_same * out_same - reciprocal_within - closed(within, within, within)
    counts[:, 1] = matched_other - reciprocal_between - closed(between, within, between)
    counts[:, 2] = in_same * out_other - closed(within, between, between)
    counts[:, 3] = in_other * out_same - closed(between, between, within)
    counts[:, 4] = in_other * out_other - matched_other - closed(between, between, between)
    return counts


def _arcs(graph: nx.Graph, nodes: list[Hashable]) -> scipy.sparse.csr_matrix:
    """The 0/1 arc matrix of ``graph`` on ``nodes``; an undirected tie gives both arcs."""
    return weight_matrix(graph, nodes, weighted=False)


def _select(coo: scipy.sparse.coo_matrix, keep: numpy.ndarray, n: int) -> scipy.sparse.csr_matrix:
    return scipy.sparse.csr_matrix((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=(n, n))


def _z(raw: numpy.ndarray, expected: numpy.ndarray, sd: numpy.ndarray) -> numpy.ndarray:
    """(raw - expected) / sd, NaN where sd is 0 (the tables turn NaN into None)."""
    return numpy.divide(raw - expected, sd, out=numpy.full(raw.shape, numpy.nan), where=sd > 0)


def _table(nodes: list[Hashable], values: numpy.ndarray) -> Table:
    return {node: {column: (None if v != v else v) for column, v in zip(COLUMNS, row)}
            for node, row in zip(nodes, values.tolist())}
