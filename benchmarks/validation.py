"""Time SHACL validation by compiled SPARQL (pyoxigraph) against pySHACL on a synthetic dataset.

Run from a source checkout::

    python -m benchmarks.validation --actors 100000

Both sides validate the same rdflib Dataset (:func:`ingest.synthetic.synthetic_quads`, about 10
triples per actor) into which :func:`inject_violations` has put known violations of ten kinds, with
HIN's shapes: pySHACL in one run per document graph (:func:`shapes.validation.validate_pyshacl`,
what ``hin build`` did before) and the compiled SPARQL validator
(:func:`shapes.sparql_validation.validate_sparql`), which checks every graph in one pass.  With
``--whole`` both also validate the union of the graphs as one graph (one pySHACL run).  The script
prints the results of each side, whether the two result sets are identical (focus node, path,
component, source shape, value, severity, graph), whether they are exactly the injected ones, the
times, their ratio and the peak memory of each side (peak RSS of a forked process that holds the
dataset and runs one side; the dataset's own share is printed).
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyshacl
from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SH, XSD
from rdflib.term import Node

from graph_api.oxigraph_store import to_rdflib
from ingest.synthetic import synthetic_quads
from shapes import load_shapes
from shapes.sparql_validation import validate_sparql
from shapes.validation import ValidationResult, Violation, _violations, validate_pyshacl

HIN = Namespace("https://w3id.org/hin/ontology#")
HINSH = Namespace("https://w3id.org/hin/shapes#")
OA = Namespace("http://www.w3.org/ns/oa#")


@dataclass(frozen=True)
class Injected:
    """One violation :func:`inject_violations` made: where, and what each validator must report."""

    kind: str
    graph: URIRef
    focus: Node
    shape: URIRef
    component: URIRef
    value: Node | None = None


def result_key(violation: Violation) -> tuple:
    """What must agree between validators: graph, focus, path, component, shape, value, severity."""
    path = None if violation.path is None else violation.path.n3()
    return (violation.graph, violation.focus_node, path, violation.component,
            violation.source_shape, violation.value, violation.severity)


def result_keys(result: ValidationResult) -> Counter:
    """The results of a validation as a multiset of :func:`result_key`."""
    return Counter(result_key(v) for v in result.violations)


def synthetic_dataset(actors: int, seed: int = 0) -> Dataset:
    """The synthetic dataset of ``actors`` actors as an rdflib Dataset, one graph per document."""
    dataset = Dataset()
    graphs: dict[str, Graph] = {}
    for quad in synthetic_quads(actors, seed=seed):
        name = quad.graph_name.value
        graph = graphs.get(name) or graphs.setdefault(name, dataset.graph(URIRef(name)))
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return dataset


def inject_violations(dataset: Dataset) -> list[Injected]:
    """Break a conforming HIN dataset in ten known ways, each in its own document graph.

    Kinds: an entity without label, ``hin:memberOf`` to a Person, a confidence of the wrong
    datatype, an ill-typed confidence (two results), a fact without evidence, a label without
    language, two labels in one language, a fact whose triple is not asserted, a selector whose
    start is after its end, a malformed checksum.  Needs at least ten graphs with facts.

    Returns
    -------
    list of Injected
        The results each validator must report, and nothing else (one per result).
    """
    graphs = [g for g in sorted(dataset.graphs(), key=lambda g: str(g.identifier))
              if len(g) and (None, RDF.type, RDF.Statement) in g]
    if len(graphs) < len(_INJECTIONS):
        raise ValueError(f"need {len(_INJECTIONS)} document graphs with facts, not {len(graphs)}")
    injected: list[Injected] = []
    for graph, (kind, inject) in zip(graphs, _INJECTIONS.items(), strict=False):
        injected += [Injected(kind, graph.identifier, *found) for found in inject(graph)]
    return injected


def _first(graph: Graph, cls: URIRef, having: URIRef | None = None) -> Node:
    nodes = sorted(n for n in graph.subjects(RDF.type, cls) if having is None or (n, having, None) in graph)
    return nodes[0]


def _no_label(graph: Graph):
    node = _first(graph, HIN.Organisation, RDFS.label)
    graph.remove((node, RDFS.label, None))
    yield node, HINSH.EntityLabelShape, SH.MinCountConstraintComponent


def _member_of_person(graph: Graph):
    node, person = _first(graph, HIN.Organisation), _first(graph, HIN.Person)
    graph.add((node, HIN.memberOf, person))
    yield node, HINSH.MemberOfRangeShape, SH.ClassConstraintComponent, person


def _confidence(value: Literal, components: Sequence[URIRef]) -> Callable:
    def inject(graph: Graph):
        fact = _first(graph, RDF.Statement, HIN.confidence)
        graph.set((fact, HIN.confidence, value))
        for component in components:
            yield fact, HINSH.FactConfidenceShape, component, value
    return inject


def _no_evidence(graph: Graph):
    fact = _first(graph, RDF.Statement, HIN.evidence)
    graph.remove((fact, HIN.evidence, None))
    yield fact, HINSH.FactEvidenceShape, SH.MinCountConstraintComponent


def _plain_label(graph: Graph):
    node = _first(graph, HIN.Cluster, RDFS.label)
    plain = Literal(str(graph.value(node, RDFS.label)))
    graph.remove((node, RDFS.label, None))
    graph.add((node, RDFS.label, plain))
    yield node, HINSH.EntityLabelLanguageShape, SH.DatatypeConstraintComponent, plain


def _two_labels(graph: Graph):
    node = _first(graph, HIN.Organisation, RDFS.label)
    label = graph.value(node, RDFS.label)
    graph.add((node, RDFS.label, Literal(f"{label} (second name)", lang=label.language)))
    yield node, HINSH.EntityLabelUniqueLanguageShape, SH.UniqueLangConstraintComponent


def _not_asserted(graph: Graph):
    fact = sorted(graph.subjects(RDF.predicate, HIN.memberOf))[0]
    triple = (graph.value(fact, RDF.subject), HIN.memberOf, graph.value(fact, RDF.object))
    graph.remove(triple)
    document = _first(graph, HIN.SourceDocument)
    yield document, HINSH.FactAssertedShape, SH.SPARQLConstraintComponent, fact


def _reversed_offsets(graph: Graph):
    selector = _first(graph, OA.TextPositionSelector, OA.start)
    start, end = graph.value(selector, OA.start), graph.value(selector, OA.end)
    graph.set((selector, OA.start, end))
    graph.set((selector, OA.end, start))
    yield selector, HINSH.PositionOrderShape, SH.LessThanOrEqualsConstraintComponent, end


def _bad_checksum(graph: Graph):
    document = _first(graph, HIN.SourceDocument)
    value = Literal("md5:0123")
    graph.set((document, HIN.checksum, value))
    yield document, HINSH.DocumentChecksumShape, SH.PatternConstraintComponent, value


_INJECTIONS: dict[str, Callable] = {
    "entity without label": _no_label,
    "memberOf a Person": _member_of_person,
    "confidence as xsd:float": _confidence(Literal("0.5", datatype=XSD.float), [SH.OrConstraintComponent]),
    # pySHACL ranks an ill-typed literal below any bound: sh:minInclusive fails, sh:maxInclusive not
    "ill-typed confidence": _confidence(Literal("high", datatype=XSD.decimal),
                                        [SH.OrConstraintComponent, SH.MinInclusiveConstraintComponent]),
    "fact without evidence": _no_evidence,
    "label without language": _plain_label,
    "two labels in one language": _two_labels,
    "fact not asserted": _not_asserted,
    "start after end": _reversed_offsets,
    "malformed checksum": _bad_checksum,
}


def injected_keys(injected: Sequence[Injected], shapes: Graph) -> Counter:
    """The injected violations as :func:`result_key` values (path and severity from the shapes)."""
    from shapes.validation import property_path

    keys = Counter()
    for item in injected:
        path = shapes.value(item.shape, SH.path)
        path = None if path is None else property_path(shapes, path).n3()
        keys[(item.graph, item.focus, path, item.component, item.shape, item.value, SH.Violation)] += 1
    return keys


def pyshacl_whole(dataset: Dataset, shapes: Graph) -> ValidationResult:
    """One pySHACL run over the union of the dataset's graphs, as a ValidationResult."""
    union = Graph()
    for graph in dataset.graphs():
        union += graph
    conforms, report, text = pyshacl.validate(union, shacl_graph=shapes, inference="none",
                                              advanced=False, allow_warnings=False)
    return ValidationResult(conforms, report, text, list(_violations(report, union, None)), (None,))


def _measure(function: Callable[[], ValidationResult]) -> tuple[Counter, int, float, int, float]:
    """Run ``function`` in a forked child: its result keys and count, CPU seconds, peak RSS (bytes)
    and wall seconds.  The ratios are taken over CPU time: on a shared machine wall time also
    counts the time other processes held the core."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        started, cpu = time.perf_counter(), time.process_time()
        result = function()
        seconds, wall = time.process_time() - cpu, time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        send.send((result_keys(result), len(result.violations), seconds, peak, wall))

    process = context.Process(target=child)
    process.start()
    keys, count, seconds, peak, wall = receive.recv()
    process.join()
    return keys, count, seconds, peak, wall


def run(actors: int, seed: int = 0, *, whole: bool = False) -> dict[str, object]:
    """Build and break the dataset, validate it both ways, compare the results."""
    started = time.perf_counter()
    dataset = synthetic_dataset(actors, seed)
    injected = inject_violations(dataset)
    built = time.perf_counter() - started
    shapes = load_shapes()
    expected = injected_keys(injected, shapes)
    figures: dict[str, object] = {"actors": actors, "triples": len(dataset), "build_seconds": built,
                                  "graphs": sum(1 for g in dataset.graphs() if len(g)),
                                  "injected": sum(expected.values())}
    figures["dataset_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    sides = {"sparql": lambda: validate_sparql(dataset, shapes=shapes),
             "pyshacl": lambda: validate_pyshacl(dataset, shapes=shapes)}
    if whole:
        sides["whole_sparql"] = lambda: validate_sparql(dataset, shapes=shapes, per_graph=False)
        sides["whole_pyshacl"] = lambda: pyshacl_whole(dataset, shapes)
    keys = {}
    for side, function in sides.items():
        (keys[side], figures[f"{side}_results"], figures[f"{side}_seconds"], figures[f"{side}_peak"],
         figures[f"{side}_wall"]) = _measure(function)
    figures["identical"] = keys["sparql"] == keys["pyshacl"]
    figures["as_injected"] = keys["sparql"] == expected
    if whole:
        figures["whole_identical"] = keys["whole_sparql"] == keys["whole_pyshacl"]
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures of :func:`run`; exit 1 when the result sets differ."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.validation",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000, help="synthetic actors (default 100000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--whole", action="store_true",
                        help="also validate the union of all graphs as one graph, one pySHACL run")
    options = parser.parse_args(argv)
    f = run(options.actors, options.seed, whole=options.whole)
    mib = 1024 * 1024
    print(f"{f['actors']} actors: {f['triples']} triples in {f['graphs']} document graphs "
          f"(built in {f['build_seconds']:.1f} s, process RSS {f['dataset_rss'] / mib:.0f} MiB), "
          f"{f['injected']} injected violations")
    print("per document graph:")
    print(f"  pySHACL, one run per graph: {f['pyshacl_results']} results, {f['pyshacl_seconds']:.2f} CPU s "
          f"({f['pyshacl_wall']:.1f} s wall), "
          f"peak {f['pyshacl_peak'] / mib:.0f} MiB")
    print(f"  compiled SPARQL, one pass:  {f['sparql_results']} results, {f['sparql_seconds']:.2f} CPU s "
          f"({f['sparql_wall']:.1f} s wall), "
          f"peak {f['sparql_peak'] / mib:.0f} MiB")
    print(f"  ratio (pySHACL / SPARQL, CPU time): {f['pyshacl_seconds'] / f['sparql_seconds']:.1f}x")
    print(f"  identical results: {'yes' if f['identical'] else 'NO'}; "
          f"exactly the injected ones: {'yes' if f['as_injected'] else 'NO'}")
    ok = f["identical"] and f["as_injected"]
    if "whole_identical" in f:
        print("whole graph (union of all graphs):")
        print(f"  pySHACL, one run: {f['whole_pyshacl_results']} results, {f['whole_pyshacl_seconds']:.2f} CPU s "
              f"({f['whole_pyshacl_wall']:.1f} s wall), "
              f"peak {f['whole_pyshacl_peak'] / mib:.0f} MiB")
        print(f"  compiled SPARQL:  {f['whole_sparql_results']} results, {f['whole_sparql_seconds']:.2f} CPU s "
              f"({f['whole_sparql_wall']:.1f} s wall), "
              f"peak {f['whole_sparql_peak'] / mib:.0f} MiB")
        print(f"  ratio (pySHACL / SPARQL, CPU time): {f['whole_pyshacl_seconds'] / f['whole_sparql_seconds']:.1f}x")
        print(f"  identical results: {'yes' if f['whole_identical'] else 'NO'}")
        ok = ok and f["whole_identical"]
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
