"""Dereferencing: every HIN IRI under the configured base resolves on this server.

The base IRI (``settings.base_iri``, default ``https://w3id.org/hin/``) maps to the server's root:
``{base}id/organisation/centech`` is served at ``/id/organisation/centech``, and so on.

Things (entities, source documents, the field scheme): ``/id/{kind}/{name}``
    A slash IRI names the thing, not a document about it, so the server answers ``303 See Other``
    to the description document chosen by ``Accept``: ``/id/{kind}/{name}.html`` for browsers,
    ``.ttl`` (the default), ``.nt``, ``.jsonld`` or ``.rdf``.  A description URL with an extension
    answers ``200`` in that format whatever ``Accept`` says.
Documents (named graphs and the ontology): ``/graph/{doc}``, ``/ontology``
    These IRIs name documents, so they answer ``200`` directly, negotiated by ``Accept``, with
    ``Content-Location`` naming the extension URL of the format sent; the extension URLs work too.
    Evidence nodes (``/graph/{doc}#sentence-4``) and vocabulary terms (``/ontology#Cluster``) are
    hash IRIs: the client fetches the document and the HTML page has an anchor for each.
``/ontology/{Term}``
    Not an IRI of the data; a convenience for clients that drop the ``#``: ``303 See Other`` to
    ``/ontology#{Term}`` when the term exists, 404 otherwise.

An IRI that the store holds no statement about is ``404``: the JSON error body, or an HTML page
when the client prefers HTML.  Every answer carries ``ETag`` and ``Last-Modified`` and a
conditional GET is answered ``304`` (graph_api.http_cache).
"""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from rdflib import URIRef
from starlette.concurrency import run_in_threadpool

from graph_api.conneg import SUFFIXES, Format, negotiate, parse_accept
from graph_api.errors import ApiError
from graph_api.http_cache import not_modified, not_modified_response, validators
from graph_api.pages import graph_page, render_not_found, resource_page
from graph_api.store import GRAPH, GraphStore

router = APIRouter(tags=["Linked data"])

HTML = "html"
#: The vocabulary's IRI: its terms are hash IRIs of it.
ONTOLOGY_IRI = "https://w3id.org/hin/ontology"

#: The description of a thing: its statements out and in, and the reified facts about it with
#: the sentences they come from (the same shape as docs/rdf-model.md).
DESCRIBE = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX hin: <https://w3id.org/hin/ontology#>
CONSTRUCT { ?r ?p ?o . ?s ?q ?r . ?fact ?fp ?fo . ?sentence rdf:value ?text ; oa:hasSource ?doc . }
WHERE {
  { ?r ?p ?o }
  UNION { ?s ?q ?r FILTER(isIRI(?s)) }
  UNION { { ?fact rdf:subject ?r } UNION { ?fact rdf:object ?r } ?fact ?fp ?fo }
  UNION { { ?fact rdf:subject ?r } UNION { ?fact rdf:object ?r }
          ?fact hin:evidence ?sentence . ?sentence rdf:value ?text ; oa:hasSource ?doc }
}"""
GRAPH_CONTENT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
EXISTS = "SELECT ?p WHERE { ?r ?p ?o } LIMIT 1"


def base_of(request: Request) -> str:
    """The configured base IRI, ending in ``/``."""
    base = request.app.state.settings.base_iri
    return base if base.endswith("/") else base + "/"


def _html_quality(accept: str | None) -> tuple[float, int]:
    """The quality and specificity with which ``Accept`` asks for HTML."""
    best: tuple[int, float] | None = None
    for media_range in parse_accept(accept):
        if media_range.media_type in ("text/html", "application/xhtml+xml"):
            spec = 3
        elif media_range.media_type == "text/*":
            spec = 1
        elif media_range.media_type == "*/*":
            spec = 0
        else:
            continue
        if best is None or spec > best[0]:
            best = (spec, media_range.q)
    return (best[1], best[0]) if best else (0.0, -1)


def _rdf_quality(accept: str | None, chosen: Format) -> tuple[float, int]:
    """The quality and specificity with which ``Accept`` asks for the RDF format ``chosen``."""
    best: tuple[int, float] | None = None
    for media_range in parse_accept(accept):
        if media_range.media_type == chosen.media_type:
            spec = 3
        elif media_range.media_type == "*/*":
            spec = 0
        elif media_range.subtype == "*" and chosen.media_type.startswith(media_range.type + "/"):
            spec = 1
        else:
            spec = 2  # an alias negotiate() accepted (application/xml for RDF/XML, ...)
        if best is None or spec > best[0]:
            best = (spec, media_range.q)
    return (best[1], best[0]) if best else (1.0, 0)


def choose_representation(accept: str | None, suffix: str | None) -> Format | None:
    """The RDF format to send, or None for the HTML page.

    A ``suffix`` (``ttl``, ``nt``, ``jsonld``, ``rdf`` or ``html``) decides alone.  Otherwise HTML is
    sent when ``Accept`` ranks ``text/html`` above every RDF format (browsers do); on a tie, and
    without ``Accept``, Turtle.

    Raises
    ------
    ApiError
        ``not-acceptable`` when ``Accept`` allows neither HTML nor an RDF format.

    Examples
    --------
    >>> choose_representation("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", None)
    >>> choose_representation("*/*", None).name
    'turtle'
    >>> choose_representation("text/html", "jsonld").media_type
    'application/ld+json'
    """
    if suffix is not None:
        return None if suffix == HTML else negotiate(GRAPH, None, [SUFFIXES[suffix]])
    html = _html_quality(accept)
    try:
        chosen = negotiate(GRAPH, accept)
    except ApiError:
        if html[0] > 0:
            return None
        raise ApiError("not-acceptable", f"none of the media types in Accept: {accept} can be sent; "
                       "linked-data resources are text/html, text/turtle, application/n-triples, "
                       "application/ld+json or application/rdf+xml") from None
    return None if html > _rdf_quality(accept, chosen) else chosen


def split_suffix(name: str) -> tuple[str, str | None]:
    """``("centech", "ttl")`` for ``"centech.ttl"``; a name without a known extension is kept whole."""
    stem, dot, extension = name.rpartition(".")
    if dot and stem and (extension in SUFFIXES or extension == HTML):
        return stem, extension
    return name, None


def _extension(chosen: Format | None) -> str:
    return HTML if chosen is None else next(s for s, n in SUFFIXES.items() if n == chosen.name)


def _exists(store: GraphStore, iri: str) -> bool:
    try:
        return bool(store.select(EXISTS, substitutions={"r": URIRef(iri)}))
    except ValueError:  # not a valid IRI (a stray '%', a non-character in the path): not in the store
        return False


def _body(answer_body: object) -> bytes:
    return answer_body if isinstance(answer_body, bytes) else b"".join(answer_body)


def not_found(request: Request, iri: str) -> Response:
    """404 for an IRI the store says nothing about: an HTML page for browsers, else the JSON body."""
    message = f"{iri} is not in this dataset; GET /.well-known/void lists what is, /sparql queries it"
    try:
        wants_html = choose_representation(request.headers.get("accept"), None) is None
    except ApiError:
        wants_html = False
    if wants_html:
        return HTMLResponse(render_not_found(iri, message), status_code=404)
    raise ApiError("not-found", message)


async def _answer(request: Request, iri: str, chosen: Format | None, *, graph: str | None = None,
                  location: str | None = None) -> Response:
    """The description of ``iri`` (or, with ``graph``, that graph's content) as ``chosen``."""
    store: GraphStore = request.app.state.store
    headers = validators(store, f"{iri} {graph} {_extension(chosen)}")
    headers["Vary"] = "Accept"
    if location is not None:
        headers["Content-Location"] = location
    if not_modified(request, headers):
        return not_modified_response(headers)
    base = base_of(request)
    if chosen is None:
        html = await run_in_threadpool(graph_page if graph else resource_page, store, iri, base,
                                       **({"graph": graph} if graph else {}))
        return HTMLResponse(html, headers=headers)
    query, dataset = (GRAPH_CONTENT, {"default_graph_uris": [graph]}) if graph else (DESCRIBE, {})
    answer = await run_in_threadpool(
        lambda: store.query(query, media_type=chosen.media_type,
                            substitutions=None if graph else {"r": URIRef(iri)}, **dataset))
    return Response(_body(answer.body), media_type=chosen.content_type, headers=headers)


@router.get("/id/{kind}/{name}", summary="An entity, document or concept: 303 to its description, "
            "or the description itself (.html .ttl .nt .jsonld .rdf)")
async def thing(request: Request, kind: str, name: str) -> Response:
    """Resolve ``{base}id/{kind}/{name}``; see docs/linked-data.md."""
    store: GraphStore = request.app.state.store
    stem, suffix = split_suffix(name)
    iri = f"{base_of(request)}id/{kind}/{stem}"
    if suffix is not None and not await run_in_threadpool(_exists, store, iri):
        stem, suffix, iri = name, None, f"{base_of(request)}id/{kind}/{name}"
    if not await run_in_threadpool(_exists, store, iri):
        return not_found(request, iri)
    if suffix is not None:
        return await _answer(request, iri, choose_representation(None, suffix))
    chosen = choose_representation(request.headers.get("accept"), None)
    return RedirectResponse(f"/id/{kind}/{stem}.{_extension(chosen)}", status_code=303,
                            headers={"Vary": "Accept"})


@router.get("/graph/{name}", summary="A document's named graph (HTML, Turtle, N-Triples, JSON-LD, RDF/XML)")
async def named_graph(request: Request, name: str) -> Response:
    """Serve the named graph ``{base}graph/{name}``; its evidence nodes are anchors of the page."""
    store: GraphStore = request.app.state.store
    stem, suffix = split_suffix(name)
    graphs = await run_in_threadpool(store.graphs)
    iri = f"{base_of(request)}graph/{stem}"
    if suffix is not None and iri not in graphs:
        stem, suffix, iri = name, None, f"{base_of(request)}graph/{name}"
    if iri not in graphs:
        return not_found(request, iri)
    chosen = choose_representation(request.headers.get("accept"), suffix)
    location = None if suffix else f"/graph/{stem}.{_extension(chosen)}"
    return await _answer(request, iri, chosen, graph=iri, location=location)


@router.get("/ontology", summary="The HIN vocabulary (HTML with an anchor per term, or RDF)")
async def ontology(request: Request) -> Response:
    """The ontology document; ``https://w3id.org/hin/ontology#Term`` are its hash IRIs."""
    return await _ontology(request, None)


@router.get("/ontology.{suffix}", summary="The HIN vocabulary in the format of the extension")
async def ontology_file(request: Request, suffix: str) -> Response:
    """The ontology document as ``.html``, ``.ttl``, ``.nt``, ``.jsonld`` or ``.rdf``."""
    if suffix not in SUFFIXES and suffix != HTML:
        return not_found(request, f"{ONTOLOGY_IRI}.{suffix}")
    return await _ontology(request, suffix)


async def _ontology(request: Request, suffix: str | None) -> Response:
    graph = f"{base_of(request)}graph/ontology"
    if graph not in await run_in_threadpool(request.app.state.store.graphs):
        return not_found(request, ONTOLOGY_IRI)
    chosen = choose_representation(request.headers.get("accept"), suffix)
    location = None if suffix else f"/ontology.{_extension(chosen)}"
    return await _answer(request, ONTOLOGY_IRI, chosen, graph=graph, location=location)


@router.get("/ontology/{term}", summary="303 See Other to /ontology#{term} (for clients that drop '#')")
async def ontology_term(request: Request, term: str) -> Response:
    """Redirect a slash form of a vocabulary term to its hash IRI's document."""
    iri = f"{ONTOLOGY_IRI}#{term}"
    if not await run_in_threadpool(_exists, request.app.state.store, iri):
        return not_found(request, iri)
    return RedirectResponse(f"/ontology#{term}", status_code=303)
