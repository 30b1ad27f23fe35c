"""Time HIN's betweenness and constraint against networkx's on the same synthetic network.

Run from a source checkout::

    python -m benchmarks.centrality --actors 50000

Both sides rank the nodes of the same :func:`~graph_api.network.synthetic.synthetic_network`
(weighted: tie strength = clusters shared; path length = ``1 / weight``, as the
``/network/{view}/centrality`` endpoint computes it).  Each side gets the network as it holds a
view, built untimed: networkx a graph (and a copy that carries the distances), HIN the same graph
after :func:`graph_api.network.matrices.prepare`, which the view loader runs once per view (it
freezes the graph and reads its ties into arrays; its time is printed).  HIN's side is then the
endpoint's own call, :func:`graph_api.network.centrality.centrality`, timed to the ranked rows;
networkx's side is the plain networkx function plus sorting its values.  The compiled triangle
loop of HIN's constraint is loaded (or compiled) once per process before the timing; that
one-time cost is printed too.

* betweenness: exact networkx takes hours at 50,000 actors, so both sides estimate it from the
  same ``--pivots`` source nodes, ``random.Random(seed).sample(nodes, k)``: networkx's
  ``betweenness_centrality(k=..., seed=...)`` draws them so, and HIN passes them to igraph's
  ``Graph.betweenness(sources=...)``.  networkx gets the path lengths as whole numbers (see
  :func:`with_distance`), so the two estimates are the same number up to rounding.
  The script also prints HIN's exact time (``--exact``) and networkx's exact time extrapolated
  from its sampled one (``n / k`` times as many sources, each costing the same on average).
* constraint: ``networkx.constraint(G, weight="weight")``, which networkx 3.6 computes for every
  node with scipy sparse matrices (its per-node formula, ``constraint(G, nodes=G)``, is pure
  Python and takes minutes at 1,000 actors).

For each it prints both CPU times (one core each side), their ratio and whether the top-20 agree: the same nodes in the
same order with values within a relative 1e-9.
"""
from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable, Hashable, Mapping, Sequence

import networkx as nx

from graph_api.network.centrality import RankedNode, centrality
from graph_api.network.matrices import prepare
from graph_api.network.synthetic import synthetic_network

#: How many rows of the two rankings are compared.
TOP = 20
#: Largest relative difference of two values that count as the same (rounding only).
TOLERANCE = 1e-9


def plain_top(graph: nx.Graph, scores: Mapping[Hashable, float], *, ascending: bool, top: int = TOP
              ) -> list[tuple[str, float]]:
    """The first ``top`` ``(node, value)`` of networkx's scores, ordered as HIN orders its rows."""
    label = nx.get_node_attributes(graph, "label")
    defined = [(n, v) for n, v in scores.items() if not math.isnan(v)]
    defined.sort(key=lambda item: (item[1] if ascending else -item[1], label.get(item[0]) or "", str(item[0])))
    return [(str(n), float(v)) for n, v in defined[:top]]


def same_top(rows: list[RankedNode], plain: list[tuple[str, float]]) -> tuple[bool, float]:
    """Whether HIN's first rows and networkx's agree, and the largest relative difference."""
    ours = [(r.iri, r.value) for r in rows[:len(plain)]]
    worst = max((abs(a - b) / max(abs(a), abs(b), 1e-300) for (_, a), (_, b) in zip(ours, plain)), default=0.0)
    return [n for n, _ in ours] == [n for n, _ in plain] and worst <= TOLERANCE, worst


def with_distance(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose edges carry ``distance``: ``1 / weight`` scaled to whole numbers.

    networkx compares path lengths exactly: with lengths such as 1/3 and 1/6, two equally short
    paths can add up to sums that differ in the last bit, and it counts only one of them (igraph,
    comparing with a tolerance, counts both; their betweenness then differs by up to 1%).  Scaled
    by the least common multiple ``L`` of the weights, ``L / weight`` are whole numbers whose sums
    are exact and the shortest paths are the same, so networkx computes the exact figures.  Where
    the weights are not whole numbers (or ``L`` exceeds 2**40) the distance stays ``1 / weight``.
    """
    weights = {float(w) for _, _, w in graph.edges(data="weight", default=1)}
    whole = all(w.is_integer() for w in weights)
    scale = math.lcm(*(int(w) for w in weights)) if whole and weights else 1
    scale = scale if whole and scale <= 2**40 else 1
    copy = nx.Graph()
    copy.add_nodes_from(graph.nodes(data=True))
    copy.add_edges_from((u, v, {"distance": scale / w}) for u, v, w in graph.edges(data="weight", default=1))
    return copy


def timed(function: Callable[[], object]) -> tuple[object, float]:
    """The result of ``function()`` and the CPU seconds it took.

    Both sides run on one core; CPU time is what they cost, where wall time on a shared machine
    also counts the time other processes held the core.
    """
    started = time.process_time()
    result = function()
    return result, time.process_time() - started


def run(actors: int, *, pivots: int = 50, seed: int = 0, exact: bool = True) -> dict[str, object]:
    """Build the network, time both sides for each measure and compare their top rows."""
    graph, built = timed(lambda: synthetic_network(actors, seed=seed))
    distances = with_distance(graph)
    warm_up = timed(lambda: centrality(nx.complete_graph(3), "constraint"))[1]
    prepared = timed(lambda: prepare(graph))[1]
    measures: dict[str, dict[str, object]] = {}

    rows, hin = timed(lambda: centrality(graph, "betweenness", k=pivots, seed=seed))
    top, plain = timed(lambda: plain_top(graph, nx.betweenness_centrality(
        distances, k=pivots, seed=seed, weight="distance"), ascending=False))
    agree, worst = same_top(rows, top)
    measures["betweenness"] = {"what": f"sampled, the same {pivots} source nodes", "hin_seconds": hin,
                               "networkx_seconds": plain, "same_top": agree, "max_difference": worst,
                               "top": top}

    rows, hin = timed(lambda: centrality(graph, "constraint"))
    top, plain = timed(lambda: plain_top(graph, nx.constraint(graph, weight="weight"), ascending=True))
    agree, worst = same_top(rows, top)
    measures["constraint"] = {"what": "every node, networkx.constraint (scipy sparse)", "hin_seconds": hin,
                              "networkx_seconds": plain, "same_top": agree, "max_difference": worst, "top": top}
    for figures in measures.values():
        figures["ratio"] = figures["networkx_seconds"] / figures["hin_seconds"]

    exact_seconds = timed(lambda: centrality(graph, "betweenness"))[1] if exact else None
    per_source = measures["betweenness"]["networkx_seconds"] / min(pivots, len(graph))
    return {"actors": actors, "edges": graph.number_of_edges(), "pivots": pivots, "build_seconds": built,
            "prepare_seconds": prepared, "warm_up_seconds": warm_up,
            "measures": measures, "hin_exact_seconds": exact_seconds,
            "networkx_exact_estimate": per_source * len(graph),
            "same_top": all(m["same_top"] for m in measures.values())}


def main(argv: Sequence[str] | None = None) -> int:
    """Print the benchmark; exit status 0 when every top-20 agrees, 1 when one does not."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.centrality", description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=50000, help="number of synthetic actors (default 50000)")
    parser.add_argument("--pivots", type=int, default=50,
                        help="source nodes of the sampled betweenness, the same on both sides (default 50)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the network and of the pivots")
    parser.add_argument("--exact", action=argparse.BooleanOptionalAction, default=True,
                        help="also time HIN's exact betweenness (default: yes)")
    options = parser.parse_args(argv)
    result = run(options.actors, pivots=options.pivots, seed=options.seed, exact=options.exact)
    print(f"synthetic network: {result['actors']} actors, {result['edges']} ties "
          f"(built in {result['build_seconds']:.1f} s); weighted, path length 1 / weight")
    print(f"untimed: HIN reads the view's ties once in {result['prepare_seconds']:.2f} s (prepare); "
          f"the compiled triangle loop loads in {result['warm_up_seconds']:.2f} s, once per process")
    print(f"{'measure (CPU time)':22s} {'HIN s':>9s} {'networkx s':>11s} {'ratio':>7s}  same top-{TOP}  compared")
    for name, m in result["measures"].items():
        print(f"{name:22s} {m['hin_seconds']:9.2f} {m['networkx_seconds']:11.2f} {m['ratio']:6.1f}x  "
              f"{'yes' if m['same_top'] else 'NO':3s} ({m['max_difference']:.0e})  {m['what']}")
    if result["hin_exact_seconds"] is not None:
        print(f"exact betweenness: HIN {result['hin_exact_seconds']:.1f} s; networkx about "
              f"{result['networkx_exact_estimate']:.0f} s (its sampled time x {result['actors']} / {result['pivots']}, "
              "extrapolated, not run)")
    return 0 if result["same_top"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
