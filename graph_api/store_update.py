"""Changing a built store through a new generation: checked, recorded, switched to atomically.

An update sent to ``hin serve`` (a SPARQL Update, a Graph Store write; graph_api.sparql_update) is
applied by :func:`apply_change`, never to the generation the server reads.  The stages, on a copy
of the current generation made under the build lock (:func:`graph_api.build.derive_generation`, so
one writer at a time: a build, ``hin brokers --write`` or another update waits or is refused)::

    digest every graph           its size and a sum of hashes of its triples (no copy kept)
    run the change               pyoxigraph: all of it or nothing
    digest again                 the graphs whose digest moved are the changed ones; none: the
                                 copy is dropped and the store is unchanged (UnchangedStore)
    refuse reserved graphs       the ontology and field scheme (the installation's; a build reloads
                                 them) and the record of updates (HIN writes it, nobody else)
    refuse default-graph writes  the default graph is the union of the named graphs; an update that
                                 leaves it differing from that union (``INSERT DATA { <a> <b> <c> }``
                                 without GRAPH, ``CLEAR ALL``) is refused: name the graph
    validate                     each changed graph against the shapes, on its own, as the build does
    record                       a prov:Activity in ``{base}graph/updates`` (below)
    switch                       union made again, folder renamed, pointer replaced (os.replace)

Readers (the server's query workers included) see the old generation or the new one, never a mix.
A failed check raises before the switch: the copy is removed and the store is as it was.

The record, one activity per update, in ``GRAPH <{base}graph/updates>``::

    <{base}id/update/{time}> a prov:Activity ; rdfs:label "SPARQL Update"@en ;
        rdf:value "INSERT DATA { ... }" ;                    (the update's text; none for a GSP write)
        prov:startedAtTime ... ; prov:endedAtTime ... ;
        prov:wasAssociatedWith <{base}id/software/hin-0.1.0> ;
        prov:generated <changed graph>, ... .

A later ``hin build`` rebuilds the store from the corpus and so does not keep what updates
changed (docs/security.md); ``hin brokers --write`` and later updates do.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Dataset, Literal, URIRef
from rdflib.namespace import PROV

from graph_api.build import REFERENCE_GRAPHS, derive_generation
from graph_api.network.writeback import SCHEMA, software_version
from graph_api.oxigraph_store import OxigraphStore
from ingest.iris import entity_iri, graph_iri
from shapes import require_valid

#: Local name (under ``{base}graph/``) of the graph that records every update.
UPDATES_GRAPH = "updates"
#: Seconds an update waits for another writer (a build, another update) before store-busy.
LOCK_WAIT_SECONDS = 10.0
_DEFAULT = "DEFAULT"  # the key of the default graph in a digest
_MASK = (1 << 64) - 1

#: A change to make on the writable copy of the store.
Change = Callable[[ox.Store], None]


class UnchangedStore(Exception):
    """The change changed no graph: no generation is made."""


class UpdateRejected(ValueError):
    """The change writes what it may not (the default graph, a reserved graph); nothing is written."""


@dataclass(frozen=True)
class ChangeReport:
    """What :func:`apply_change` did."""

    generation: str  #: the generation now in use (the old one when nothing changed)
    changed_graphs: tuple[str, ...]  #: IRIs of the graphs the change wrote, sorted
    activity: str | None  #: the prov:Activity recording it; None when nothing changed

    def as_json(self) -> dict:
        """The report as the JSON body of the answer to a SPARQL Update."""
        return {"generation": self.generation, "changed_graphs": list(self.changed_graphs),
                "activity": self.activity}


def graph_digests(store: ox.Store) -> dict[str, tuple[int, int]]:
    """Per graph (``"<iri>"``, or ``"DEFAULT"``): its number of triples and the sum of their hashes.

    Two digests of the same store taken in one process differ exactly where a graph's set of
    triples differs (up to a 2^-64 chance of a collision), without holding a copy of either.

    Examples
    --------
    >>> store = ox.Store()
    >>> store.update("INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/p> 1 } }")
    >>> graph_digests(store)["<http://x/g>"][0]
    1
    """
    digests: dict[str, tuple[int, int]] = {}
    for quad in store:
        key = str(quad.graph_name)
        count, total = digests.get(key, (0, 0))
        digests[key] = (count + 1, (total + hash(str(quad.triple))) & _MASK)
    return digests


def changed_graphs(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    """Keys of the graphs whose digest differs (a graph made or emptied included), sorted."""
    return sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))


def _graph_dataset(store: ox.Store, iris: list[str]) -> Dataset:
    """The named graphs ``iris`` of ``store`` as an rdflib Dataset (for the shapes)."""
    dataset = Dataset()
    for iri in iris:
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(iri))
        dataset.graph(URIRef(iri)).parse(data=data.decode("utf-8"), format="nt")
    return dataset


def update_record(*, label: str, text: str | None, graphs: list[str], started: datetime,
                  ended: datetime, base_iri: str) -> tuple[Dataset, str]:
    """The prov:Activity recording one update (see the module notes), and its IRI."""
    dataset = Dataset()
    graph = dataset.graph(URIRef(graph_iri(UPDATES_GRAPH, base_iri)))
    activity = URIRef(entity_iri("update", ended.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ"),
                                 base_iri))
    version = software_version()
    software = URIRef(entity_iri("software", f"hin-{version}", base_iri))
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, RDFS.label, Literal(label, lang="en")))
    if text is not None:
        graph.add((activity, RDF.value, Literal(text)))
    graph.add((activity, PROV.startedAtTime, Literal(started.astimezone(timezone.utc), datatype=XSD.dateTime)))
    graph.add((activity, PROV.endedAtTime, Literal(ended.astimezone(timezone.utc), datatype=XSD.dateTime)))
    graph.add((activity, PROV.wasAssociatedWith, software))
    for iri in graphs:
        graph.add((activity, PROV.generated, URIRef(iri)))
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDFS.label, Literal(f"HIN {version}", lang="en")))
    graph.add((software, SCHEMA.softwareVersion, Literal(version)))
    return dataset, str(activity)


def apply_change(store_dir: Path | str, change: Change, *, label: str, text: str | None = None,
                 base_iri: str, wait: float | None = None) -> ChangeReport:
    """Apply ``change`` to a copy of the store's current generation and switch to it (module notes).

    Parameters
    ----------
    store_dir : path
        A store folder built by ``hin build``.
    change : callable
        Makes the change on the writable pyoxigraph store (e.g. ``store.update(text)``).
    label : str
        What the change is, for the record (``"SPARQL Update"``).
    text : str, optional
        The update's text, recorded as ``rdf:value``.
    base_iri : str
        Base of the graph and record IRIs.
    wait : float, optional
        Seconds to wait for another writer; None: :data:`LOCK_WAIT_SECONDS`.

    Returns
    -------
    ChangeReport
        The generation in use afterwards and the graphs changed.

    Raises
    ------
    SyntaxError
        The update does not parse (pyoxigraph's message).
    UpdateRejected
        It writes the default graph or a reserved graph.
    shapes.InvalidGraphError
        A changed graph does not conform; the message is the report.
    graph_api.build.StoreBusyError
        Another writer held the store for longer than ``wait``.
    """
    started = datetime.now(timezone.utc)
    reserved = {f"<{graph_iri(local, base_iri)}>" for local in (*REFERENCE_GRAPHS, UPDATES_GRAPH)}
    done: dict[str, object] = {}

    def checked(store: OxigraphStore) -> dict:
        writable = store.oxigraph
        before = graph_digests(writable)
        change(writable)
        after = graph_digests(writable)
        changed = changed_graphs(before, after)
        if not changed:
            raise UnchangedStore()
        unnamed = [key for key in changed if key != _DEFAULT and not key.startswith("<")]
        if unnamed:
            raise UpdateRejected(f"the update makes a graph named by a blank node ({unnamed[0]}); name "
                                 "graphs with IRIs")
        if reserved & set(changed):
            raise UpdateRejected(f"the update writes graph {sorted(reserved & set(changed))[0]}, which HIN "
                                 "keeps itself (the ontology, the field scheme, the record of updates); "
                                 "change the other graphs")
        if _DEFAULT in changed:
            store.materialise_union()
            if graph_digests(writable).get(_DEFAULT) != after.get(_DEFAULT):
                raise UpdateRejected(
                    "the update writes the default graph, which is the union of the named graphs and "
                    "is made again from them; write into a named graph instead: INSERT DATA { GRAPH "
                    f"<{graph_iri('curator', base_iri)}> {{ ... }} }}, DELETE WHERE {{ GRAPH ?g {{ ... }} }}, "
                    "WITH <graph> DELETE/INSERT ..., DROP GRAPH <graph>")
            changed.remove(_DEFAULT)
        graphs = [key[1:-1] for key in changed]
        present = [iri for iri in graphs if f"<{iri}>" in after]
        require_valid(_graph_dataset(writable, present))
        record, activity = update_record(label=label, text=text, graphs=graphs, started=started,
                                         ended=datetime.now(timezone.utc), base_iri=base_iri)
        require_valid(record)
        writable.load(record.serialize(format="nquads"), format=ox.RdfFormat.N_QUADS)
        done.update(graphs=graphs, activity=activity)
        return {"update": activity, "changed_graphs": graphs}

    try:
        name, _, _ = derive_generation(store_dir, Dataset(), change=checked,
                                       wait=LOCK_WAIT_SECONDS if wait is None else wait)
    except UnchangedStore:
        with OxigraphStore.open(store_dir) as current:
            return ChangeReport(current.location.name, (), None)
    return ChangeReport(name, tuple(done["graphs"]), str(done["activity"]))
