"""The ``hin`` command line: ingest, build, synth, load, serve, query, validate, brokers.

``main`` creates the one :class:`~graph_api.settings.Settings` (environment ``HIN_*``, overridden by
the flags given), runs a subcommand and turns the project's known errors into a one-paragraph
message and exit status 2.  Exit statuses: 0 done, 1 the data does not conform to the shapes
(report printed, nothing written), 2 could not run.  Heavy stages (extraction, the server) are
imported by the subcommand that needs them, so ``hin query`` starts fast.  docs/cli.md has examples.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from graph_api.oxigraph_store import OxigraphStore, result_kind, serialize_result, store_exists
from graph_api.remote_store import open_store
from graph_api.settings import Settings, is_store_url
from graph_api.store import GRAPH, SOLUTIONS
from ingest.errors import DocumentError

#: hin query --format -> (media type for SELECT/ASK, for CONSTRUCT/DESCRIBE); TABLE: a text table,
#: None: refused for that kind.
TABLE = "table"
QUERY_FORMATS = {
    "table": (TABLE, "text/turtle"),
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"),
    "nt": (None, "application/n-triples"),
    "jsonld": (None, "application/ld+json"),
}

#: hin validate: rdflib parser by file extension.
RDF_FILE_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt",
                    ".jsonld": "json-ld", ".rdf": "xml"}

EPILOG = """\
examples:
  hin ingest corpus/001_8619a57f6dfb2c7c.txt --output out.trig
  hin build --corpus corpus --store hin-store
  hin synth --actors 100000 --output synth.nq.gz
  hin load synth.nq.gz --store hin-store
  hin serve --port 8000
  hin query 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g'
  hin query queries/actors-by-region.rq --format csv
  hin validate out.trig
  hin brokers --top 10
  hin brokers --partition country --picture brokers.svg --export brokers.graphml
  hin brokers --partition country --cross-border

Settings come from HIN_* environment variables (docs/settings.md); flags override them.
exit status: 0 done, 1 data does not conform to the shapes, 2 could not run."""


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _print_bytes(body: bytes) -> None:
    text = body.decode("utf-8")
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.curation import load_curation
    from ingest.explain import explain_html, explain_text
    from ingest.pipeline import ingest_documents, output_format, write_dataset
    from shapes import InvalidGraphError, require_valid

    if args.output is None and not (args.explain or args.explain_html):
        raise ValueError("give --output OUT for the RDF, or --explain / --explain-html OUT.html to "
                         "see what was found")
    if args.output is not None:
        output_format(args.output)  # an unknown extension stops us before any work
    shapes = _shapes(args)
    curation = load_curation(settings.curation) if settings.curation else None
    result = ingest_documents(args.files, base=settings.base_iri, progress=_say,
                              threshold=settings.threshold, curation=curation, strict=args.strict,
                              skip_unreadable=True)
    _left_out([str(error) for error in result.skipped], len(args.files), args.strict)
    for line in result.warnings:
        _say(f"warning: {line}")
    if result.curation.not_in_run:
        _say(f"note: {len(result.curation.not_in_run)} curation entries are for documents not in this run")
    if args.explain:
        for extraction in result.extractions:
            sys.stdout.write(explain_text(extraction, decisions=result.linking.decisions))
    if args.explain_html:
        Path(args.explain_html).write_text(
            explain_html(result.extractions, decisions=result.linking.decisions), encoding="utf-8")
        _say(f"wrote {args.explain_html}")
    if args.output is None:
        return 0
    dataset = result.dataset
    try:
        require_valid(dataset, shapes=shapes, engine=args.validator)
    except InvalidGraphError as error:
        _say(f"hin ingest: the RDF extracted from {', '.join(args.files)} does not conform to the "
             f"shapes, so nothing was written to {args.output}.\n{error}")
        return 1
    write_dataset(dataset, args.output)
    quads = sum(1 for _ in dataset.quads((None, None, None, None)))
    _say(f"wrote {args.output}: {quads} quads from {len(result.extractions)} documents")
    return 0


def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    from graph_api.build import build_store
    from shapes import InvalidGraphError

    build = build_store
    if is_store_url(settings.store):  # a remote SPARQL store (docs/deploy.md)
        from graph_api.remote_build import build_remote
        from graph_api.remote_store import remote_store_from_settings

        build = lambda corpus, store, **options: build_remote(  # noqa: E731
            corpus, remote_store_from_settings(settings), **options)
    try:
        report = build(settings.corpus, settings.store, base_iri=settings.base_iri,
                       progress=_say, shapes=_shapes(args), validator=getattr(args, "validator", "auto"),
                       threshold=settings.threshold,
                       curation=settings.curation, strict=getattr(args, "strict", False),
                       skip_unreadable=not getattr(args, "strict", False))
    except InvalidGraphError as error:
        _say(f"hin build: the RDF extracted from {settings.corpus} does not conform to the shapes, "
             f"so the store at {settings.store} is unchanged.\n{error}")
        return 1
    print(report)
    _left_out(list(report.skipped), report.documents + len(report.skipped), strict=False)
    return 0


def _left_out(skipped: list[str], given: int, strict: bool) -> None:
    """Report the documents that cannot be read; with ``strict``, or when none can, refuse."""
    if not skipped:
        return
    listing = "\n  ".join(skipped)
    if strict or len(skipped) == given:
        why = "--strict refuses any" if strict else "none of the documents can be read"
        raise DocumentError(f"{len(skipped)} of {given} documents", f"cannot be read ({why}), so "
                            f"nothing was written:\n  {listing}")
    _say(f"warning: {len(skipped)} of {given} documents left out, they cannot be read "
         f"(--strict makes this an error):\n  {listing}")


def cmd_synth(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.synthetic import output_format, write_synthetic

    output_format(args.output)  # an unknown extension stops us before any work
    tenths = [0]

    def progress(done: int, total: int) -> None:  # every tenth of a big run
        if total >= 100_000 and done * 10 // total > tenths[0]:
            tenths[0] = done * 10 // total
            _say(f"{done}/{total} actors")

    quads = write_synthetic(args.output, args.actors, seed=args.seed, base=settings.base_iri,
                            progress=progress)
    _say(f"wrote {args.output}: {quads} quads, {args.actors} actors, seed {args.seed}")
    return 0


def cmd_load(args: argparse.Namespace, settings: Settings) -> int:
    from graph_api.bulk_load import load_store
    from shapes import InvalidGraphError

    if is_store_url(settings.store):
        raise ValueError(f"hin load writes an embedded store folder, not {settings.store}; load the "
                         "files with the remote store's own bulk loader, or give --store DIR")
    try:
        report = load_store(args.files, settings.store, base_iri=settings.base_iri,
                            validate=args.validate, shapes=_shapes(args), progress=_say)
    except InvalidGraphError as error:
        _say(f"hin load: {getattr(error, 'path', 'the data')} does not conform to the shapes, so "
             f"the store at {settings.store} is unchanged.\n{error}")
        return 1
    print(report)
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    if not is_store_url(settings.store) and not store_exists(settings.store):
        _say(f"no store at {settings.store}; building it from {settings.corpus} first")
        status = cmd_build(args, settings)
        if status:
            return status
    import uvicorn

    from graph_api.app import create_app

    store = open_store(settings)
    try:
        uvicorn.run(create_app(settings, store), host=settings.host, port=settings.port)
    finally:
        store.close()
    return 0


def cmd_query(args: argparse.Namespace, settings: Settings) -> int:
    source, sparql = _read_query(args.query)
    with open_store(settings) as store:
        try:
            result = store.execute(sparql)
        except SyntaxError as error:
            raise SyntaxError(f"query {source}: {error}; fix the SPARQL and run again") from None
        column = 1 if result_kind(result) == GRAPH else 0
        media_type = QUERY_FORMATS[args.format][column]
        if media_type is None:
            usable = [name for name, types in QUERY_FORMATS.items() if types[column]]
            what = "CONSTRUCT/DESCRIBE" if column else "SELECT/ASK"
            raise ValueError(f"query {source}: {what} results cannot be printed as "
                             f"{args.format!r}; use --format {' or '.join(usable)}")
        if media_type == TABLE:
            response = serialize_result(result, "application/sparql-results+json")
            print(render_table(json.loads(response.body), response.kind))
        else:
            _print_bytes(serialize_result(result, media_type).body)
    return 0


def cmd_validate(args: argparse.Namespace, settings: Settings) -> int:
    from rdflib import Dataset
    from rdflib.exceptions import ParserError

    from shapes import format_report, validate

    failed, shapes = 0, _shapes(args)
    for file in args.files:
        fmt = RDF_FILE_FORMATS.get(Path(file).suffix.lower())
        if fmt is None:
            raise ValueError(f"{file}: cannot tell the RDF format from the extension; "
                             "use .trig, .nq, .ttl, .nt, .jsonld or .rdf")
        dataset = Dataset(default_union=True)
        try:
            dataset.parse(file, format=fmt)
        except (ParserError, SyntaxError, ValueError) as error:
            raise SyntaxError(f"{file}: not valid {fmt}: {error}; fix the file or its extension") from None
        result = validate(dataset, shapes=shapes, engine=args.validator)
        print(f"{file}: {format_report(result)}", end="")
        failed += not result.conforms
    return 1 if failed else 0


def cmd_brokers(args: argparse.Namespace, settings: Settings) -> int:
    from graph_api.network import brokers_report
    from graph_api.network.centrality import MEASURES
    from graph_api.network.export import save_view
    from graph_api.network.report import DEFAULT_VIEW

    view = args.view if args.view is not None else DEFAULT_VIEW
    if args.write and is_store_url(settings.store):
        raise ValueError("hin brokers --write writes a new generation of the embedded store; on a remote "
                         "store, export the measures (--export) and load them with the server's tools")
    with open_store(settings) as store:
        if args.export is None and args.picture is None and not args.write:
            sys.stdout.write(brokers_report(store, view=view, metric=args.metric, fmt=args.format,
                                            limit=20 if args.top is None else args.top,
                                            partition=args.partition, roles=args.roles,
                                            cross_border=args.cross_border,
                                            measures=list(MEASURES) if args.all else None))
        for path in save_view(store, view=view, export=args.export, picture=args.picture,
                              partition=args.partition, size_by=args.size_by,
                              colour_by=args.colour_by, top=args.top):
            _say(f"wrote {path}")
    if args.write:
        from graph_api.network.writeback import write_measures

        _say(str(write_measures(settings.store, view=view, partition=args.partition,
                                base_iri=settings.base_iri, progress=_say)))
    return 0


def _store_argument(value: str) -> Path | str:
    """--store: a URL stays as given (a remote store), anything else is a folder."""
    return value if is_store_url(value) else Path(value)


def _shapes(args: argparse.Namespace):
    """The shapes graph of --shapes, or None for HIN's own shapes."""
    if getattr(args, "shapes", None) is None:
        return None
    from shapes import load_shapes

    return load_shapes(args.shapes)


def render_table(results: dict, kind: str) -> str:
    """A SPARQL JSON result as a plain-text table (IRIs in full, literals with @lang)."""
    if kind != SOLUTIONS:
        return "true" if results.get("boolean") else "false"
    names = results["head"]["vars"]
    rows = [[_cell(binding.get(name)) for name in names]
            for binding in results["results"]["bindings"]]
    widths = [max([len(name)] + [len(row[i]) for row in rows]) for i, name in enumerate(names)]
    lines = ["  ".join(name.ljust(width) for name, width in zip(names, widths)).rstrip(),
             "  ".join("-" * width for width in widths)]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
              for row in rows]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines)


def _cell(term: dict | None) -> str:
    if term is None:
        return ""
    if term["type"] == "bnode":
        return "_:" + term["value"]
    value = " ".join(term["value"].split())
    return f"{value}@{term['xml:lang']}" if "xml:lang" in term else value


def _read_query(argument: str) -> tuple[str, str]:
    """(how to name it in messages, the SPARQL text) for a query given inline, as a file, or '-'."""
    if argument == "-":
        return "from stdin", sys.stdin.read()
    path = Path(argument)
    if "\n" not in argument and len(argument) < 1024 and (path.suffix in (".rq", ".sparql") or path.is_file()):
        return str(path), path.read_text(encoding="utf-8")
    return repr(argument[:60] + ("…" if len(argument) > 60 else "")), argument


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``hin``; flags without a value given leave the setting to HIN_*."""
    parser = argparse.ArgumentParser(
        prog="hin", description="HIN: a knowledge graph of health innovation networks, from "
        "regional documents to a SPARQL endpoint and broker analysis.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    keep = argparse.SUPPRESS  # an absent flag must not override the environment

    def command(name: str, help: str, epilog: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help, description=help, epilog="example:\n  " + epilog,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)

    def store_flag(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--store", type=_store_argument, default=keep, metavar="DIR|URL",
                         help="store folder, or the URL of a SPARQL endpoint for a remote store "
                         "(default: HIN_STORE or ./hin-store)")

    def corpus_flag(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--corpus", type=Path, default=keep, metavar="DIR",
                         help="folder of source documents (default: HIN_CORPUS or the shipped corpus)")

    def shapes_flag(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--shapes", type=Path, default=None, metavar="FILE",
                         help="SHACL shapes (Turtle) to validate against instead of HIN's own "
                         "(shapes/hin-shapes.ttl)")

    def validator_flag(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--validator", choices=("auto", "sparql", "pyshacl"), default="auto",
                         help="how to check the shapes: auto (default) compiles them to SPARQL on "
                         "pyoxigraph and uses pySHACL for shapes that cannot be compiled; sparql "
                         "refuses those; pyshacl runs pySHACL per graph (same results, slower)")

    def base_flag(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--base", dest="base_iri", default=keep, metavar="IRI",
                         help="base of every IRI minted (default: HIN_BASE_IRI or https://w3id.org/hin/)")

    def curation_flags(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--threshold", type=float, default=keep, metavar="X",
                         help="leave out mentions and relations of confidence below X, 0..1 "
                         "(default: HIN_THRESHOLD or 0, keep all)")
        sub.add_argument("--curation", type=Path, default=keep, metavar="FILE",
                         help="curation file, docs/curation.md (default: HIN_CURATION; hin build: "
                         "{corpus}/curation.yaml when it exists)")
        sub.add_argument("--strict", action="store_true",
                         help="fail when a curation entry matches nothing or a document cannot be "
                         "read (default: warn and leave the document out)")

    sub = command("ingest", "extract RDF from documents, validate it and write it to a file",
                  "hin ingest corpus/001_8619a57f6dfb2c7c.txt --output out.trig")
    sub.add_argument("files", nargs="+", metavar="FILE", help="source documents (.txt .html .htm .md)")
    sub.add_argument("-o", "--output", default=None, metavar="OUT",
                     help="output file; the extension sets the format: .trig .nq (one graph per "
                     "document), .ttl .nt (the union), .jsonld (required unless --explain)")
    sub.add_argument("--explain", action="store_true",
                     help="print each document with its mentions marked and its relations with "
                     "sentence, confidence and rule (writes no RDF unless --output is given)")
    sub.add_argument("--explain-html", metavar="OUT.html", default=None,
                     help="write the same view as an HTML page")
    base_flag(sub)
    shapes_flag(sub)
    validator_flag(sub)
    curation_flags(sub)
    sub.set_defaults(handler=cmd_ingest)

    sub = command("build", "build the store from a corpus folder (atomic: a failed build changes "
                  "nothing)", "hin build --corpus corpus --store hin-store")
    corpus_flag(sub)
    store_flag(sub)
    base_flag(sub)
    shapes_flag(sub)
    validator_flag(sub)
    curation_flags(sub)
    sub.set_defaults(handler=cmd_build)

    sub = command("synth", "write a synthetic dataset of a chosen size, shaped like hin ingest's "
                  "output (for benchmarks)", "hin synth --actors 100000 --seed 1 --output synth.nq.gz")
    sub.add_argument("--actors", type=int, required=True, metavar="N",
                     help="organisations, persons and clusters together, 30 or more (about 13 quads "
                     "each; 1000000 gives about 13 million quads)")
    sub.add_argument("--seed", type=int, default=0, metavar="S",
                     help="seed of every draw: the same seed gives the same file (default: 0)")
    sub.add_argument("-o", "--output", required=True, metavar="OUT",
                     help="output file; the ending sets the format: .nq, .nq.gz, .trig, .trig.gz")
    base_flag(sub)
    sub.set_defaults(handler=cmd_synth)

    sub = command("load", "bulk-load RDF datasets (from hin ingest, hin synth or a dump) into a new "
                  "store generation (atomic: a failed load changes nothing)",
                  "hin load synth.nq.gz --store hin-store --validate")
    sub.add_argument("files", nargs="+", metavar="FILE",
                     help="N-Quads or TriG files (.nq .trig, or .nq.gz .trig.gz) with one named "
                     "graph per source document")
    sub.add_argument("--validate", action="store_true",
                     help="validate every file against the shapes first; nothing is loaded when one "
                     "does not conform (exit 1)")
    store_flag(sub)
    base_flag(sub)
    shapes_flag(sub)
    sub.set_defaults(handler=cmd_load)

    sub = command("serve", "serve the store over HTTP (SPARQL endpoint, pages, network views), "
                  "building it first when missing", "hin serve --host 127.0.0.1 --port 8000")
    sub.add_argument("--host", default=keep, help="address to listen on (default: 127.0.0.1)")
    sub.add_argument("--port", type=int, default=keep, help="port to listen on (default: 8000)")
    store_flag(sub)
    corpus_flag(sub)
    base_flag(sub)
    sub.set_defaults(handler=cmd_serve)

    sub = command("query", "run a SPARQL query on the store and print the answer",
                  "hin query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format csv")
    sub.add_argument("query", metavar="QUERY_OR_FILE",
                     help="the query text, a .rq file, or - to read standard input; the default "
                     "graph is the union of all document graphs")
    sub.add_argument("--format", choices=list(QUERY_FORMATS), default="table",
                     help="table (default; Turtle for CONSTRUCT), json, xml, csv, tsv for SELECT/ASK; "
                     "turtle, nt, jsonld, json, xml for CONSTRUCT/DESCRIBE")
    store_flag(sub)
    sub.set_defaults(handler=cmd_query)

    sub = command("validate", "validate RDF files against the shapes (exit 1 when one does not "
                  "conform)", "hin validate out.trig")
    sub.add_argument("files", nargs="+", metavar="FILE",
                     help="RDF files (.trig .nq .ttl .nt .jsonld .rdf)")
    shapes_flag(sub)
    validator_flag(sub)
    sub.set_defaults(handler=cmd_validate)

    sub = command("brokers", "rank the actors that broker between regions or clusters",
                  "hin brokers --metric betweenness --top 10 --format csv")
    sub.add_argument("--view", default=None, help="network view, a named query of queries/ "
                     "(GET /network lists them; default: shared-tie)")
    sub.add_argument("--metric", default=None, help="rank by one measure: degree, betweenness, "
                     "closeness, eigenvector, constraint, effective_size, or any other of GET /network's "
                     "measures (default: show the broker measures, strongest brokers by constraint first)")
    sub.add_argument("--format", choices=["table", "csv", "json"], default="table",
                     help="output format (default: table)")
    sub.add_argument("--top", type=int, default=None, metavar="N", help="show the N best (default: "
                     "20), or label the N best in --picture (default: 10)")
    sub.add_argument("--partition", default=None, metavar="P", help="group the nodes by a partition "
                     "query of queries/ (e.g. country) or by community; adds the group to the report "
                     "and the exports and colours the picture")
    sub.add_argument("--roles", action="store_true", help="show the Gould-Fernandez brokerage roles "
                     "(coordinator, itinerant, representative, gatekeeper, liaison: counts and z-scores) "
                     "for --partition")
    sub.add_argument("--cross-border", action="store_true", help="the cross-border broker report: "
                     "actors ranked by liaison + gatekeeper roles for --partition (e.g. country)")
    sub.add_argument("--all", action="store_true", help="show every measure of the registry as "
                     "columns, not only the six broker measures")
    sub.add_argument("--export", type=Path, default=None, metavar="FILE", help="write the network "
                     "with every measure: .graphml, .gexf, .zip (node and edge CSV tables) or .csv "
                     "(FILE-nodes.csv and FILE-edges.csv)")
    sub.add_argument("--picture", type=Path, default=None, metavar="FILE",
                     help="draw the network into FILE, .svg or .png")
    sub.add_argument("--size-by", default=None, metavar="M",
                     help="the measure that sizes nodes in --picture (default: betweenness)")
    sub.add_argument("--colour-by", default=None, metavar="P",
                     help="the partition that colours --picture (default: --partition)")
    sub.add_argument("--write", action="store_true", help="write every measure back into the store "
                     "as RDF (a new store generation with the graph {base}graph/measures/VIEW)")
    store_flag(sub)
    base_flag(sub)
    sub.set_defaults(handler=cmd_brokers)
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings from HIN_* environment variables, overridden by the flags that were given."""
    from pydantic import ValidationError

    given = {name: getattr(args, name) for name in Settings.model_fields if hasattr(args, name)}
    try:
        return Settings(**given)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))} (HIN_{'_'.join(map(str, e['loc'])).upper()}): "
            f"{e['msg']}, got {e.get('input')!r}" for e in error.errors())
        raise ValueError(f"invalid setting: {problems}; fix the environment variable or flag "
                         "(docs/settings.md)") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``hin`` with ``argv`` (default: the process arguments); return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from(args)
        return args.handler(args, settings)
    except BrokenPipeError:
        # the reader went away (`hin query ... | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except DocumentError as error:
        _say(f"hin {args.command}: {error}\nCheck that the file is a readable text, HTML or "
             "Markdown document, or leave it out.")
    except OSError as error:
        hint = "; check the path and its permissions" if getattr(error, "filename", None) else ""
        _say(f"hin {args.command}: {error}{hint}")
    except (SyntaxError, ValueError) as error:
        _say(f"hin {args.command}: {error}")
    except KeyboardInterrupt:
        _say(f"hin {args.command}: interrupted")
        return 130
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
