"""A synthetic actor network shaped like HIN's views, for tests and benchmarks.

:func:`synthetic_network` draws actors in countries of very different sizes (Zipf), clusters
that are mostly national with some cross-border ones, and a few hub actors that join many
clusters; it returns the ``shared-cluster`` projection (two actors are tied when they share a
cluster, weight = clusters shared), so a cluster is a clique, as in the real view.  Everything is
drawn from one ``random.Random(seed)``: the same arguments give the same graph.
"""
from __future__ import annotations

import random

import networkx as nx

#: Country codes used for the synthetic countries (ISO 3166-1 alpha-2 of European states).
COUNTRIES = ("DE", "NL", "DK", "BE", "FR", "SE", "PL", "AT", "CZ", "ES", "IT", "FI", "NO", "LU",
             "IE", "PT", "EE", "LV", "LT", "SI", "SK", "HU", "HR", "RO", "BG", "GR", "CY", "MT")


def synthetic_network(actors: int = 1000, *, seed: int = 0, countries: int = 12,
                      memberships: float = 1.6, cross_border: float = 0.15, hubs: float = 0.01,
                      max_cluster: int = 30) -> nx.Graph:
    """The shared-cluster projection of a random actor-cluster network.

    Parameters
    ----------
    actors
        Number of actors (nodes ``actor-00000`` ...; actors in no shared cluster stay isolated).
    seed
        Seed of every random draw.
    countries
        Number of countries (at most 28); country sizes follow Zipf's law (weight ``1 / rank``).
    memberships
        Mean number of clusters an ordinary actor joins.
    cross_border
        Share of clusters whose members come from any country, not from one.
    hubs
        Share of actors that are hubs: each joins ten times as many clusters.
    max_cluster
        Largest cluster size; sizes are drawn between 3 and this, small ones more often.

    Returns
    -------
    networkx.Graph
        Nodes carry ``label`` and ``country``; edges ``weight``; ``graph.graph`` holds the
        parameters and the number of clusters.

    Examples
    --------
    >>> g = synthetic_network(200, seed=1)
    >>> len(g), sorted(set(nx.get_node_attributes(g, "country").values()))[:3]
    (200, ['AT', 'BE', 'CZ'])
    """
    if actors < 3:
        raise ValueError(f"actors must be 3 or more, not {actors}")
    if not 1 <= countries <= len(COUNTRIES):
        raise ValueError(f"countries must lie between 1 and {len(COUNTRIES)}, not {countries}")
    rng = random.Random(seed)
    codes = COUNTRIES[:countries]
    nodes = [f"actor-{i:05d}" for i in range(actors)]
    country = dict(zip(nodes, rng.choices(codes, weights=[1 / (r + 1) for r in range(countries)], k=actors)))
    by_country: dict[str, list[str]] = {code: [] for code in codes}
    for node in nodes:
        by_country[country[node]].append(node)
    hub_set = set(rng.sample(nodes, max(1, int(hubs * actors))))
    # each actor offers "slots": the clusters it will join; hubs offer ten times as many
    slots = {node: _poisson(rng, memberships * (10 if node in hub_set else 1)) for node in nodes}
    graph = nx.Graph()
    graph.add_nodes_from((node, {"label": f"Actor {node[6:]}", "country": country[node]}) for node in nodes)
    open_national = {code: [n for n in members for _ in range(slots[n])] for code, members in by_country.items()}
    open_any = [n for n in nodes for _ in range(slots[n])]
    joining = {code: sum(1 for n in members if slots[n]) for code, members in by_country.items()}
    clusters = 0
    target_memberships = sum(slots.values())
    placed = 0
    while placed < target_memberships:
        size = min(max_cluster, 3 + int(rng.paretovariate(1.6)) - 1)
        if rng.random() < cross_border:
            pool = open_any
        else:
            code = rng.choices(codes, weights=[len(by_country[c]) + 1 for c in codes])[0]
            pool = open_national[code] if joining[code] >= 3 else open_any
        members = set()
        for _ in range(size * 3):
            if len(members) >= size or not pool:
                break
            members.add(pool[rng.randrange(len(pool))])
        placed += max(len(members), 1)
        if len(members) < 2:
            continue
        clusters += 1
        ordered = sorted(members)
        for i, u in enumerate(ordered):
            for v in ordered[i + 1:]:
                if graph.has_edge(u, v):
                    graph[u][v]["weight"] += 1.0
                else:
                    graph.add_edge(u, v, weight=1.0)
    graph.graph.update(actors=actors, seed=seed, countries=countries, clusters=clusters)
    return graph


def country_partition(graph: nx.Graph) -> dict[str, str]:
    """Node -> country code of a :func:`synthetic_network`."""
    return dict(nx.get_node_attributes(graph, "country"))


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw (Knuth's method; the means here are small)."""
    limit, k, product = pow(2.718281828459045, -mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k
