"""``hin build --store URL``: the atomic build on a remote SPARQL server.

The same stages as :func:`graph_api.build.build_store` (extract, validate), then, on the server::

    load      every document graph and the reference graphs, in N-Triples batches over the Graph
              Store Protocol, into graphs of a NEW generation: urn:hin:generation:{G}:{graph IRI}
    union     the set union of those graphs into urn:hin:generation:{G}:union (SPARQL Update,
              a few graphs per request)
    record    the generation's description into the catalogue graph urn:hin:catalogue
              (an sd:Dataset with its sd:defaultGraph and sd:namedGraph, each with its sd:name)
    switch    ONE triple: <urn:hin:generation:{G}> dcterms:issued "now" -- the current generation
              is the one issued last
    prune     older generations beyond ``keep``: their graphs dropped, then their record

Readers (:class:`graph_api.remote_store.RemoteStore`) read the catalogue and query only the graphs
of the generation issued last, so they never see a generation before its switch triple exists,
and that triple is written only after every graph of it is complete.  Why not load into the
graphs' own names and ``MOVE`` them into place: docs/decisions/0004-remote-atomic-build.md.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from graph_api.build import REFERENCE_GRAPHS, BuildReport, Progress, extract_valid
from graph_api.remote_dataset import Generation, stored_graph_iri, union_graph_iri
from graph_api.remote_store import CATALOGUE_GRAPH, RemoteStore
from ingest.iris import graph_iri

#: N-Triples lines per Graph Store request.
BATCH_LINES = 20000
#: Graphs whose union one SPARQL Update request makes.
UNION_GRAPHS_PER_REQUEST = 20

_SD = "http://www.w3.org/ns/sparql-service-description#"
_DCT = "http://purl.org/dc/terms/"
_PREFIXES = f"PREFIX sd: <{_SD}>\nPREFIX dcterms: <{_DCT}>\n"
_CURRENT = _PREFIXES + f"""SELECT ?generation ?union WHERE {{ GRAPH <{CATALOGUE_GRAPH}> {{
  ?generation dcterms:issued ?issued ; sd:defaultGraph ?union }} }}
ORDER BY DESC(?issued) DESC(STR(?generation)) LIMIT 1"""
_GRAPHS = _PREFIXES + f"""SELECT ?stored ?name WHERE {{ GRAPH <{CATALOGUE_GRAPH}> {{
  ?generation sd:namedGraph ?stored . ?stored sd:name ?name }} }}"""
_ALL = _PREFIXES + f"""SELECT ?generation ?issued ?created WHERE {{ GRAPH <{CATALOGUE_GRAPH}> {{
  ?generation a sd:Dataset ; dcterms:created ?created OPTIONAL {{ ?generation dcterms:issued ?issued }} }} }}"""


def generation_iri(name: str) -> str:
    """The catalogue's IRI for generation ``name``."""
    return f"urn:hin:generation:{name}"


def read_current_generation(store: RemoteStore) -> Generation | None:
    """The generation issued last in the catalogue, or None when the server has no HIN catalogue."""
    rows = _catalogue_query(store, _CURRENT)
    row = next(iter(rows), None)
    if row is None:
        return None
    iri = row["generation"].value
    graphs = _catalogue_query(store, _GRAPHS, {"generation": URIRef(iri)})
    return Generation(name=iri.removeprefix("urn:hin:generation:"), union=row["union"].value,
                      graphs={r["name"].value: r["stored"].value for r in graphs})


def ntriples_batches(lines: Iterable[bytes], size: int = BATCH_LINES) -> Iterator[bytes]:
    """N-Triples ``lines`` in batches of at most ``size`` lines, except that every line with a blank
    node goes into the last batch, so that each blank node reaches the server in one request."""
    plain: list[bytes] = []
    blank: list[bytes] = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith(b"#"):
            continue
        if b"_:" in line:
            blank.append(line)
            continue
        plain.append(line)
        if len(plain) >= size:
            yield b"\n".join(plain) + b"\n"
            plain = []
    if plain or blank:
        yield b"\n".join(blank + plain) + b"\n"


def load_graph(store: RemoteStore, graph: str, lines: Iterable[bytes]) -> int:
    """Replace ``graph`` on the server with the N-Triples ``lines`` (a PUT, then POSTs); returns
    the number of batches sent."""
    sent = 0
    for batch in ntriples_batches(lines):
        (store.put_graph if sent == 0 else store.post_graph)(graph, batch)
        sent += 1
    if sent == 0:
        store.put_graph(graph, b"")
    return sent


def load_generation_remote(store: RemoteStore, dataset: Dataset, *, base_iri: str,
                           progress: Progress | None = None) -> tuple[str, int, int]:
    """Load ``dataset`` and the reference graphs into a new generation on the server, make its
    union and record it in the catalogue (not yet switched to).  Returns the generation's name,
    its quad count and its graph count.  On any error the generation's graphs are dropped."""
    say = progress or (lambda message: None)
    name = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    sources: dict[str, Graph | Path] = {str(g.identifier): g for g in dataset.graphs()
                                        if len(g) and g.identifier != dataset.default_graph.identifier}
    for local, path in REFERENCE_GRAPHS.items():
        if graph_iri(local, base_iri) in sources:
            raise ValueError(f"document graph {graph_iri(local, base_iri)} clashes with a reference "
                             f"graph; rename the document (names {', '.join(REFERENCE_GRAPHS)} are reserved)")
        sources[graph_iri(local, base_iri)] = Path(path)
    stored = {graph: stored_graph_iri(name, graph) for graph in sorted(sources)}
    union = union_graph_iri(name)
    try:
        for number, (graph, source) in enumerate(sorted(sources.items()), 1):
            if number % 50 == 0:
                say(f"loaded {number} of {len(sources)} graphs")
            load_graph(store, stored[graph], _lines(source))
        say("making the union of the graphs")
        store.put_graph(union, b"")
        targets = list(stored.values())
        for start in range(0, len(targets), UNION_GRAPHS_PER_REQUEST):
            values = " ".join(f"<{iri}>" for iri in targets[start:start + UNION_GRAPHS_PER_REQUEST])
            store.update(f"INSERT {{ GRAPH <{union}> {{ ?s ?p ?o }} }} WHERE {{ "
                         f"VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        record = [f"<{generation_iri(name)}> a sd:Dataset ; sd:defaultGraph <{union}> ; "
                  f"dcterms:created \"{_now()}\"^^<http://www.w3.org/2001/XMLSchema#dateTime> ."]
        record += [f"<{generation_iri(name)}> sd:namedGraph <{iri}> . <{iri}> sd:name <{graph}> ."
                   for graph, iri in stored.items()]
        for start in range(0, len(record), 500):
            _catalogue_update(store, _PREFIXES + f"INSERT DATA {{ GRAPH <{CATALOGUE_GRAPH}> {{ "
                         + "\n".join(record[start:start + 500]) + " } }")
        count = store.execute("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?g { "
                              + " ".join(f"<{iri}>" for iri in targets) + " } }", generation=None)
        quads = int(next(iter(count))["n"].value)
    except BaseException:
        try:  # best effort: the catalogue never named this generation, so readers never see it
            drop_generation(store, name, list(stored.values()) + [union])
        except OSError:
            pass
        raise
    return name, quads, len(stored)


def switch_generation_remote(store: RemoteStore, name: str) -> None:
    """Make generation ``name`` the current one: one triple, ``dcterms:issued``, in the catalogue."""
    _catalogue_update(store, _PREFIXES + f"INSERT DATA {{ GRAPH <{CATALOGUE_GRAPH}> {{ <{generation_iri(name)}> "
                 f"dcterms:issued \"{_now()}\"^^<http://www.w3.org/2001/XMLSchema#dateTime> }} }}")
    store.refresh()


def drop_generation(store: RemoteStore, name: str, graphs: Iterable[str] = ()) -> None:
    """Drop a generation's graphs, then its catalogue record (best effort for the graphs given)."""
    graphs = set(graphs) | {union_graph_iri(name)}
    rows = _catalogue_query(store, _GRAPHS, {"generation": URIRef(generation_iri(name))})
    graphs |= {row["stored"].value for row in rows}
    ordered = sorted(graphs)
    for start in range(0, len(ordered), UNION_GRAPHS_PER_REQUEST):
        store.update(" ;\n".join(f"DROP SILENT GRAPH <{graph}>"
                                  for graph in ordered[start:start + UNION_GRAPHS_PER_REQUEST]))
    generation = generation_iri(name)
    _catalogue_update(store, _PREFIXES + f"DELETE {{ GRAPH <{CATALOGUE_GRAPH}> {{ ?x ?p ?o }} }} WHERE {{ "
                      f"GRAPH <{CATALOGUE_GRAPH}> {{ <{generation}> sd:namedGraph ?x . ?x ?p ?o }} }}")
    _catalogue_update(store, f"DELETE WHERE {{ GRAPH <{CATALOGUE_GRAPH}> {{ <{generation}> ?p ?o }} }}")


def prune_generations_remote(store: RemoteStore, keep: int = 2) -> list[str]:
    """Drop all but the ``keep`` generations issued last (never the current one) and generations
    never switched to that are older than an hour (left by killed builds).  Returns their names."""
    rows = list(_catalogue_query(store, _ALL))
    issued = sorted(((r["issued"].value, r["generation"].value) for r in rows if r["issued"] is not None),
                    reverse=True)
    keep_iris = {iri for _, iri in issued[:max(keep, 1)]}
    cutoff = datetime.fromtimestamp(time.time() - 3600, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    doomed = {r["generation"].value for r in rows
              if r["generation"].value not in keep_iris
              and (r["issued"] is not None or r["created"].value[:19] < cutoff)}
    names = sorted(iri.removeprefix("urn:hin:generation:") for iri in doomed)
    for name in names:
        drop_generation(store, name)
    return names


def build_remote(corpus: Path | str, store: RemoteStore, *, base_iri: str, progress: Progress | None = None,
                 keep: int = 2, shapes: Graph | None = None, threshold: float = 0.0,
                 curation: Path | str | None = None, strict: bool = False,
                 skip_unreadable: bool = False, validator: str = "auto") -> BuildReport:
    """Build the generation of ``corpus`` on the server behind ``store`` and switch to it.

    The parameters and errors are those of :func:`graph_api.build.build_store`; a failed build
    leaves the generation in use as it was.  The report's ``store`` is the generation's IRI.
    """
    started = time.monotonic()
    say = progress or (lambda message: None)
    paths, result = extract_valid(Path(corpus), base_iri=base_iri, say=say, progress=progress,
                                  shapes=shapes, threshold=threshold, curation=curation, strict=strict,
                                  skip_unreadable=skip_unreadable, validator=validator)
    skipped = tuple(str(error) for error in result.skipped)
    say(f"loading into a new generation on {store.graph_store_url}")
    name, quads, graphs = load_generation_remote(store, result.dataset, base_iri=base_iri, progress=say)
    switch_generation_remote(store, name)
    for removed in prune_generations_remote(store, keep):
        say(f"removed old generation {removed}")
    return BuildReport(documents=len(paths) - len(skipped), quads=quads, graphs=graphs,
                       seconds=time.monotonic() - started, store=generation_iri(name),  # type: ignore[arg-type]
                       warnings=tuple(result.warnings + result.curation.not_in_run), skipped=skipped)


def _lines(source: Graph | Path) -> Iterator[bytes]:
    """N-Triples lines of an rdflib graph or of a Turtle file."""
    if isinstance(source, Path):
        if not source.is_file():
            raise OSError(f"{source}: reference data missing from the installation; reinstall HIN")
        data = ox.serialize(ox.parse(path=str(source), format=ox.RdfFormat.TURTLE),
                            format=ox.RdfFormat.N_TRIPLES)
    else:
        data = source.serialize(format="nt", encoding="utf-8")
    return iter(data.splitlines())


def _catalogue_query(store: RemoteStore, sparql: str, bindings: dict | None = None):
    """Run a query on the server's own dataset, in ``store``'s catalogue graph."""
    text = sparql.replace(f"<{CATALOGUE_GRAPH}>", f"<{store.catalogue}>")
    return store.execute(text, substitutions=bindings, generation=None)


def _catalogue_update(store: RemoteStore, sparql: str) -> None:
    store.update(sparql.replace(f"<{CATALOGUE_GRAPH}>", f"<{store.catalogue}>"))


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
