"""Time HIN's cross-border broker report against plain networkx on a synthetic network.

Run from a source checkout::

    python -m benchmarks.broker_report --actors 50000

Both sides compute the same report on the same :func:`~graph_api.network.synthetic.synthetic_network`
with partition = country: the five Gould-Fernandez role counts of every actor (sna's definition,
an undirected tie being two arcs) and Burt's constraint, ranked by liaison + gatekeeper.  HIN uses
:func:`graph_api.network.cross_border.cross_border_brokers` (sparse matrices); plain networkx walks
every two-path of every ego in Python and calls :func:`networkx.constraint`.  The script prints
both times, their ratio and whether the two top-20 lists agree (same actors, same order, same
counts).
"""
from __future__ import annotations

import argparse
import time
from collections.abc import Hashable, Mapping, Sequence

import networkx as nx

from graph_api.network.cross_border import cross_border_brokers
from graph_api.network.synthetic import country_partition, synthetic_network

#: How many rows of the two rankings are compared.
TOP = 20


def plain_networkx_report(graph: nx.Graph, partition: Mapping[Hashable, Hashable],
                          top: int = TOP) -> list[tuple[str, float, float, float | None]]:
    """The top rows ``(node, liaison, gatekeeper, constraint)`` computed with networkx alone."""
    liaison: dict[Hashable, int] = {}
    gatekeeper: dict[Hashable, int] = {}
    for v in graph:
        if v not in partition:
            continue
        group = partition[v]
        contacts = [u for u in graph[v] if u != v and u in partition]
        counts = [0, 0]
        for u in contacts:
            for w in contacts:  # u -> v -> w; the tie u - w closes the path
                if u == w or graph.has_edge(u, w):
                    continue
                gu, gw = partition[u], partition[w]
                if gu != group and gw != group and gu != gw:
                    counts[0] += 1
                elif gu != group and gw == group:
                    counts[1] += 1
        liaison[v], gatekeeper[v] = counts
    holes = nx.constraint(graph, weight="weight")
    label = nx.get_node_attributes(graph, "label")
    ranked = sorted(liaison, key=lambda n: (-(liaison[n] + gatekeeper[n]), -liaison[n], label.get(n, ""), str(n)))
    return [(str(n), float(liaison[n]), float(gatekeeper[n]), holes.get(n)) for n in ranked[:top]]


def run(actors: int, seed: int = 0) -> dict[str, object]:
    """Build the network, time both reports and compare their top rows."""
    started = time.perf_counter()
    graph = synthetic_network(actors, seed=seed)
    partition = country_partition(graph)
    built = time.perf_counter() - started

    started = time.perf_counter()
    hin_rows = cross_border_brokers(graph, partition)
    hin_seconds = time.perf_counter() - started

    started = time.perf_counter()
    plain_rows = plain_networkx_report(graph, partition)
    plain_seconds = time.perf_counter() - started

    hin_top = [(r.iri, r.liaison, r.gatekeeper) for r in hin_rows[:TOP]]
    plain_top = [(node, li, gk) for node, li, gk, _ in plain_rows]
    constraint_agrees = all(
        (r.constraint is None and c != c) or (r.constraint is not None and abs(r.constraint - c) < 1e-9)
        for r, (_, _, _, c) in zip(hin_rows[:TOP], plain_rows))
    return {
        "actors": actors, "edges": graph.number_of_edges(), "clusters": graph.graph["clusters"],
        "build_seconds": built, "hin_seconds": hin_seconds, "networkx_seconds": plain_seconds,
        "ratio": plain_seconds / hin_seconds if hin_seconds else float("inf"),
        "same_top": hin_top == plain_top and constraint_agrees, "top": hin_top,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print the benchmark; exit status 0 when the top-20 lists agree, 1 when they do not."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.broker_report", description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=50000, help="number of synthetic actors (default 50000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic network")
    options = parser.parse_args(argv)
    result = run(options.actors, options.seed)
    print(f"synthetic network: {result['actors']} actors, {result['edges']} ties, {result['clusters']} clusters "
          f"(built in {result['build_seconds']:.1f} s)")
    print(f"HIN cross-border broker report: {result['hin_seconds']:.2f} s")
    print(f"plain networkx:                 {result['networkx_seconds']:.2f} s")
    print(f"ratio (networkx / HIN):         {result['ratio']:.1f}x")
    print(f"same top-{TOP}:                    {'yes' if result['same_top'] else 'NO'}")
    for rank, (node, liaison, gatekeeper) in enumerate(result["top"][:5], start=1):
        print(f"  {rank}. {node}  liaison {liaison:.0f}  gatekeeper {gatekeeper:.0f}")
    return 0 if result["same_top"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
