"""Network measures written back into the store as RDF, so that SPARQL joins brokers with the rest.

``hin brokers --write`` computes every measure of a view's registry
(:data:`~graph_api.network.centrality.MEASURES`, default parameters) and, with a partition, the
Gould-Fernandez brokerage roles (:func:`brokerage_measurements`), describes them in one named graph and makes a new store generation that holds it
(:func:`graph_api.build.derive_generation`): the server never writes the store, and readers switch
to the new generation atomically.  The graph (docs/network.md, "Write-back")::

    GRAPH <{base}graph/measures/{view}>                 (…/{view}/{partition} with a partition)
      <{base}id/analysis/{view}-{time}> a hin:NetworkAnalysis, prov:Activity ;
          hin:view "shared-tie" ; hin:partition "country" ; hin:parameters "{...json...}" ;
          prov:used <{base}id/query/shared-tie> ;
          prov:startedAtTime ... ; prov:endedAtTime ... ;
          prov:wasAssociatedWith <{base}id/software/hin-0.1.0> ;
          prov:generated <{base}graph/measures/shared-tie> .
      <{base}id/query/shared-tie> a prov:Entity ; rdfs:label "..."@en ; rdf:value "SELECT ..." .
      <{base}id/software/hin-0.1.0> a prov:SoftwareAgent ; rdfs:label "HIN 0.1.0" ;
          schema:softwareVersion "0.1.0" .
      <{base}id/measurement/shared-tie/betweenness/{hash}> a hin:Measurement ;
          hin:ofNode <actor> ; hin:measure "betweenness" ; hin:value 0.41e0 ; hin:rank 1 ;
          prov:wasGeneratedBy <…/analysis/…> .

A measurement IRI is the view (and partition), the measure and a hash of the node IRI, so writing
the same view again gives the same IRIs; the graph of a view is replaced when it is written again.
A value that is undefined for a node (constraint without ties) is not written.
"""
from __future__ import annotations

import hashlib
import json
import time
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, RDFS, XSD, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from graph_api.network.brokerage import COLUMNS
from graph_api.network.centrality import MEASURES, rank
from graph_api.network.partitions import Partition
from graph_api.network.report import COMMUNITY, DEFAULT_VIEW, brokerage_rows, measure_rows, partition_for, view_or_error
from graph_api.oxigraph_store import OxigraphStore
from ingest.iris import DEFAULT_BASE, entity_iri, graph_iri
from ontology import HIN
from queries import Catalogue, NamedQuery, load_catalogue

SCHEMA = Namespace("https://schema.org/")

#: One measurement to write: (measure name, node IRI, value, rank or None).
Measurement = tuple[str, str, float, int | None]


@dataclass(frozen=True)
class WriteReport:
    """What :func:`write_measures` wrote."""

    graph: str  #: the named graph of the measures
    activity: str  #: the hin:NetworkAnalysis IRI
    measurements: int
    generation: str  #: the new store generation's name

    def __str__(self) -> str:
        return (f"wrote {self.measurements} measurements into graph <{self.graph}> "
                f"(store generation {self.generation})")


def software_version() -> str:
    """HIN's version: the installed package's, else the source checkout's pyproject.toml."""
    try:
        return metadata.version("hin")
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        if pyproject.is_file():
            return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
        return "0+unknown"


def measures_graph_iri(view: str, partition: str | None = None, base: str = DEFAULT_BASE) -> str:
    """``{base}graph/measures/{view}``, or ``…/{view}/{partition}`` with a partition.

    >>> measures_graph_iri("shared-tie", "country")
    'https://w3id.org/hin/graph/measures/shared-tie/country'
    """
    return graph_iri("measures/" + "/".join(quote(p, safe="") for p in (view, partition) if p), base)


def measurements_of(rows: list[dict]) -> list[Measurement]:
    """Every defined value of :func:`~graph_api.network.report.measure_rows` as a measurement."""
    return [(name, row["iri"], float(row[name]["value"]), row[name]["rank"])
            for row in rows for name in MEASURES if name in row and row[name]["value"] is not None]


def brokerage_measurements(graph: nx.Graph, partition: Partition) -> list[Measurement]:
    """The Gould-Fernandez roles as measurements: ``brokerage_<role>`` (the count, ranked most
    first), ``brokerage_<role>_expected`` and ``brokerage_<role>_z`` (ranked highest first), for
    each role and the ``total``; a z-score that is undefined (no variance) is left out."""
    _, rows = brokerage_rows(graph, partition)
    found: list[Measurement] = []
    for column in COLUMNS:
        for suffix, key, ranked in (("", "raw", True), ("_expected", "expected", False), ("_z", "z", True)):
            values = {row["iri"]: row[column][key] for row in rows}
            ranks = {r.iri: r.rank for r in rank(graph, values)} if ranked else {}
            found += [(f"brokerage_{column}{suffix}", iri, float(value), ranks.get(iri))
                      for iri, value in values.items() if value is not None]
    return found


def measures_dataset(
    measurements: Iterable[Measurement],
    *,
    view: NamedQuery,
    partition: str | None = None,
    parameters: dict | None = None,
    started: datetime,
    ended: datetime,
    base: str = DEFAULT_BASE,
) -> Dataset:
    """The named graph of measures (see the module notes) as an rdflib Dataset.

    Parameters
    ----------
    measurements
        ``(measure, node IRI, value, rank or None)`` tuples.
    view
        The view query the measures were computed on.
    partition
        The partition's name, where brokerage by group was computed.
    parameters
        Recorded as ``hin:parameters`` (JSON).
    started, ended
        When the computation started and ended (timezone-aware).
    base
        Base of the IRIs minted.
    """
    graph_name = URIRef(measures_graph_iri(view.slug, partition, base))
    dataset = Dataset()
    graph = dataset.graph(graph_name)
    scope = "/".join(quote(p, safe="") for p in (view.slug, partition) if p)
    stamp = ended.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    activity = URIRef(entity_iri("analysis", f"{scope.replace('/', '-')}-{stamp}", base))
    query = URIRef(entity_iri("query", view.slug, base))
    version = software_version()
    software = URIRef(entity_iri("software", f"hin-{version}", base))
    graph.add((activity, RDF.type, HIN.NetworkAnalysis))
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, RDFS.label, Literal(f"network measures of {view.slug}"
                                              + (f" by {partition}" if partition else ""), lang="en")))
    graph.add((activity, HIN.view, Literal(view.slug)))
    if partition:
        graph.add((activity, HIN.partition, Literal(partition)))
    graph.add((activity, HIN.parameters, Literal(json.dumps(parameters or {}, sort_keys=True))))
    graph.add((activity, PROV.used, query))
    graph.add((activity, PROV.startedAtTime, Literal(started.astimezone(timezone.utc), datatype=XSD.dateTime)))
    graph.add((activity, PROV.endedAtTime, Literal(ended.astimezone(timezone.utc), datatype=XSD.dateTime)))
    graph.add((activity, PROV.wasAssociatedWith, software))
    graph.add((activity, PROV.generated, graph_name))
    graph.add((query, RDF.type, PROV.Entity))
    graph.add((query, RDFS.label, Literal(view.title, lang="en")))
    graph.add((query, RDF.value, Literal(view.text)))
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDFS.label, Literal(f"HIN {version}", lang="en")))
    graph.add((software, SCHEMA.softwareVersion, Literal(version)))
    for measure, node, value, rank in measurements:
        digest = hashlib.sha256(node.encode("utf-8")).hexdigest()[:16]
        subject = URIRef(entity_iri("measurement", f"{scope}/{quote(measure, safe='')}/{digest}", base))
        graph.add((subject, RDF.type, HIN.Measurement))
        graph.add((subject, HIN.ofNode, URIRef(node)))
        graph.add((subject, HIN.measure, Literal(measure)))
        graph.add((subject, HIN.value, Literal(float(value), datatype=XSD.double)))
        if rank is not None:
            graph.add((subject, HIN.rank, Literal(int(rank), datatype=XSD.integer)))
        graph.add((subject, PROV.wasGeneratedBy, activity))
    return dataset


def write_measures(
    store_dir: Path | str,
    *,
    view: str = DEFAULT_VIEW,
    partition: str | None = None,
    base_iri: str = DEFAULT_BASE,
    catalogue: Catalogue | None = None,
    keep: int = 2,
    progress: Callable[[str], None] | None = None,
) -> WriteReport:
    """Compute every measure of ``view`` on the store at ``store_dir`` and write them back.

    The measures graph (see the module notes) is validated against HIN's shapes, then added to a
    new store generation (:func:`graph_api.build.derive_generation`), replacing the graph of the
    same view and partition written before.

    Raises
    ------
    ValueError
        An unknown view or partition, or ``store_dir`` is not a built store.
    shapes.InvalidGraphError
        The graph does not conform (a bug); the store is unchanged.
    OSError
        The new generation could not be written; the store is unchanged.
    """
    from graph_api.build import derive_generation  # the build imports the extraction: load it late
    from shapes import require_valid

    say = progress or (lambda message: None)
    catalogue = catalogue if catalogue is not None else load_catalogue()
    started, clock = datetime.now(timezone.utc), time.monotonic()
    with OxigraphStore.open(store_dir) as store:
        graph = view_or_error(store, catalogue, view)
        groups: Partition | None = partition_for(store, catalogue, graph, partition) if partition else None
    say(f"computing {len(MEASURES)} measures on {view}: {len(graph)} nodes, {graph.number_of_edges()} edges")
    measurements = measurements_of(measure_rows(graph, groups))
    if groups is not None:
        measurements += brokerage_measurements(graph, groups)
    parameters = {"measures": {name: {p.name: p.default for p in m.parameters} for name, m in MEASURES.items()},
                  "nodes": len(graph), "edges": graph.number_of_edges(),
                  "brokerage_roles": list(COLUMNS) if groups is not None else [],
                  "community": {"method": "louvain", "seed": 0} if partition == COMMUNITY else None,
                  "seconds": round(time.monotonic() - clock, 3)}
    dataset = measures_dataset(measurements, view=catalogue.get(view), partition=partition,
                               parameters=parameters, started=started, ended=datetime.now(timezone.utc),
                               base=base_iri)
    require_valid(dataset)
    graph_name = measures_graph_iri(view, partition, base_iri)
    say(f"writing {len(measurements)} measurements into a new store generation under {store_dir}")
    name, _, _ = derive_generation(store_dir, dataset, keep=keep)
    activity = next(str(s) for s in dataset.graph(URIRef(graph_name)).subjects(RDF.type, HIN.NetworkAnalysis))
    return WriteReport(graph_name, activity, len(measurements), name)
