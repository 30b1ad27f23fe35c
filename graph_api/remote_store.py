"""A :class:`~graph_api.store.GraphStore` on an existing SPARQL server, over the standard protocols.

Reading
    Queries go to the server's SPARQL 1.1 Protocol endpoint (``POST`` of a form with ``query=``,
    ``default-graph-uri`` and ``named-graph-uri``).  SELECT and ASK answers are asked for as SPARQL
    JSON, CONSTRUCT and DESCRIBE answers as N-Triples; they are parsed with pyoxigraph and written
    again in the media type the caller asked for, by the same writers as the embedded store
    (:func:`graph_api.oxigraph_store.serialize_result`).  So a client of HIN gets the same bytes
    whichever store is behind it, and servers' dialects (Virtuoso's ``typed-literal``, its
    ``nodeID://`` blank nodes, ``xsd:string`` kept apart from plain literals) never leak out.
Writing
    SPARQL 1.1 Update (``update=``) and the Graph Store Protocol (``PUT`` / ``POST`` of
    N-Triples to ``?graph=IRI``), in batches; used by :mod:`graph_api.remote_build` only.
Generations
    A store built by ``hin build --store URL`` keeps each build in graphs of its own and a small
    catalogue graph names the one in use (:mod:`graph_api.remote_build`, decision record
    docs/decisions/0004-remote-atomic-build.md).  :class:`RemoteStore` reads the catalogue and
    presents the current generation as the embedded store presents its dataset: the default graph
    is the generation's union graph (the set union of its named graphs, materialised by the build),
    the named graphs are the generation's graphs under their own names.  Graph names are mapped
    both ways: in the query's dataset, in its text (``<IRI>`` and prefixed names) and in the
    answers.  A server without a HIN catalogue is queried as it is.

Transient failures (connection errors, HTTP 429, 500, 502, 503, 504) are retried with exponential
backoff; queries and Graph Store loads are safe to repeat (adding the same triples twice changes
nothing), an update is retried only when it could not be sent at all.
"""
from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timezone
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox
from rdflib import URIRef

from graph_api.oxigraph_store import (GRAPH_MEDIA_TYPES, bind_with_values, has_dataset_clause,
                                     serialize_result, to_oxigraph)
from graph_api.remote_dataset import (STRINGS_AND_COMMENTS, Generation, TriplesResult, clean_results,
                                      map_triple, rdflib_term)
from graph_api.store import QueryResponse

#: The graph holding the catalogue of generations (graph_api.remote_build writes it).
CATALOGUE_GRAPH = "urn:hin:catalogue"
#: HTTP statuses worth a retry.
TRANSIENT_STATUSES = frozenset({429, 500, 502, 503, 504})

_FORM_TYPE = "application/x-www-form-urlencoded"
_FORM = re.compile(r"(?<![\w:?$])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])", re.IGNORECASE)
_GRAPH_WORD = re.compile(r"(?<![\w:?$])GRAPH(?![\w:-])", re.IGNORECASE)
_BASE_WORD = re.compile(r"(?<![\w:?$])BASE(?![\w:-])", re.IGNORECASE)
_IRI = re.compile(r"<[^<>\s]*>")


class RemoteStore:
    """A SPARQL 1.1 server as a :class:`graph_api.store.GraphStore` (see the module notes).

    Parameters
    ----------
    query_url : str
        The SPARQL query endpoint, e.g. ``http://127.0.0.1:8890/sparql``.
    update_url, graph_store_url : str, optional
        The SPARQL Update endpoint and the Graph Store Protocol endpoint (default: ``query_url``,
        as Fuseki serves all three at a dataset's URL).  Virtuoso: ``/sparql-auth`` and
        ``/sparql-graph-crud-auth``.
    user, password : str, optional
        Credentials for updates and loads (HTTP Digest, falling back to Basic when the server asks).
    timeout : float
        Seconds one HTTP request may take.
    retries, backoff : int, float
        Attempts after the first for a transient failure, and the first wait (doubled each time).
    refresh_seconds : float
        How long the catalogue's answer (the generation in use) is trusted before it is read again.
        Default: for ever, as the embedded store keeps the generation it opened: a running
        ``hin serve`` answers from one generation (its ETags and statistics stay true) until it
        restarts or :meth:`refresh` is called.
    catalogue : str
        The catalogue graph (several HIN datasets can share a server, each with its own).
    """

    def __init__(self, query_url: str, *, update_url: str | None = None,
                 graph_store_url: str | None = None, user: str | None = None,
                 password: str | None = None, timeout: float = 60.0, retries: int = 4,
                 backoff: float = 0.5, refresh_seconds: float = float("inf"),
                 catalogue: str = CATALOGUE_GRAPH) -> None:
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.graph_store_url = graph_store_url or query_url
        self.retries, self.backoff, self.refresh_seconds = retries, backoff, refresh_seconds
        self.catalogue = catalogue
        auth = _Auth(user, password or "") if user else None
        self._client = httpx.Client(timeout=timeout, auth=auth, headers={"User-Agent": "HIN"})
        self._generation: Generation | None = None
        self._read_at = float("-inf")

    # -- the generation in use ---------------------------------------------------------------
    def generation(self) -> Generation | None:
        """The generation the catalogue names (read once, then again after ``refresh_seconds``);
        None when the server holds no HIN catalogue."""
        if self._read_at == float("-inf") or time.monotonic() - self._read_at > self.refresh_seconds:
            from graph_api.remote_build import read_current_generation

            self._generation = read_current_generation(self)
            self._read_at = time.monotonic()
        return self._generation

    def version(self) -> tuple[str, datetime] | None:
        """The generation in use as (name, UTC time of its build), for HTTP validators; None
        without a HIN catalogue."""
        current = self.generation()
        if current is None:
            return None
        made = datetime.strptime(current.name.split("-", 1)[0], "%Y%m%dT%H%M%S.%fZ")
        return current.name, made.replace(tzinfo=timezone.utc, microsecond=0)

    def refresh(self) -> Generation | None:
        """Read the catalogue now."""
        self._read_at = float("-inf")
        return self.generation()

    # -- GraphStore ----------------------------------------------------------------------------
    def execute(self, sparql: str, *, default_graph_uris: Sequence[str] = (),
                named_graph_uris: Sequence[str] = (), substitutions: Mapping[str, object] | None = None,
                base_iri: str | None = None, generation: Generation | None | bool = True):
        """Run a query; returns a pyoxigraph ``QuerySolutions`` or ``QueryBoolean``, or a
        :class:`TriplesResult`, with graph names as users see them.

        ``generation``: True (the default) for the generation in use, None to query the server's
        own dataset as it is.  Raises ``SyntaxError`` when the server refuses the query (400).
        """
        current = self.generation() if generation is True else generation
        data = self._request_data(sparql, default_graph_uris, named_graph_uris, substitutions,
                                  base_iri, current)
        form = _query_form(sparql)
        accept = "application/n-triples" if form in ("CONSTRUCT", "DESCRIBE") else \
            "application/sparql-results+json"
        response = self._send("POST", self.query_url, content=urlencode(data),
                              headers={"Accept": accept, "Content-Type": _FORM_TYPE},
                              what=f"query {sparql.strip()[:60]!r}")
        names = current.names if current else {}
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if "json" in media_type:
            return ox.parse_query_results(json.dumps(clean_results(response.json(), names)).encode(),
                                          format=ox.QueryResultsFormat.JSON)
        format_ = {"text/plain": ox.RdfFormat.N_TRIPLES}.get(media_type) or GRAPH_MEDIA_TYPES.get(media_type)
        if format_ is None:
            raise OSError(f"{self.query_url}: answered {sparql.strip()[:60]!r} as {media_type!r}, "
                          f"which HIN cannot read; it asked for {accept}")
        return TriplesResult([map_triple(t, names) for t in ox.parse(response.content, format=format_)])

    def query(self, sparql: str, *, media_type: str | None = None, default_graph_uris: Sequence[str] = (),
              named_graph_uris: Sequence[str] = (), substitutions: Mapping[str, object] | None = None,
              base_iri: str | None = None) -> QueryResponse:
        """Run a query and serialise its answer as ``media_type`` (see GraphStore.query)."""
        return serialize_result(self.execute(sparql, default_graph_uris=default_graph_uris,
                                             named_graph_uris=named_graph_uris,
                                             substitutions=substitutions, base_iri=base_iri), media_type)

    def select(self, sparql: str, substitutions: Mapping[str, object] | None = None) -> list[dict[str, object]]:
        """Rows of a SELECT query as dicts of variable name -> rdflib term; unbound ones are absent."""
        current = self.generation()
        data = self._request_data(sparql, (), (), substitutions, None, current)
        response = self._send("POST", self.query_url, content=urlencode(data),
                              headers={"Accept": "application/sparql-results+json",
                                       "Content-Type": _FORM_TYPE},
                              what=f"query {sparql.strip()[:60]!r}")
        body = clean_results(response.json(), current.names if current else {})
        if "boolean" in body:
            raise ValueError(f"select() needs a SELECT query, got an ASK query: {sparql.strip()[:80]!r}")
        return [{name: rdflib_term(value) for name, value in row.items()}
                for row in body["results"]["bindings"]]

    def select_pages(self, sparql: str, substitutions: Mapping[str, object] | None = None, *,
                     order_by: Sequence[str], size: int = 5000) -> Iterator[list[dict[str, object]]]:
        """The rows of a SELECT query, ``size`` at a time (``ORDER BY`` ``order_by``, ``LIMIT`` and
        ``OFFSET`` around the query as a subquery), so that no answer larger than a page is held.

        Each page evaluates the query again on the server: pick ``size`` as large as the server
        allows (Virtuoso: ``ResultSetMaxRows``, 10000 in Debian's configuration)."""
        blank = STRINGS_AND_COMMENTS.sub(lambda m: " " * len(m[0]),
                             _IRI.sub(lambda m: " " * len(m[0]), sparql))
        form = _FORM.search(blank)
        if form is None or form[1].upper() != "SELECT":
            raise ValueError(f"select_pages() needs a SELECT query: {sparql.strip()[:80]!r}")
        inner = _bind(sparql, substitutions, self.generation())
        prologue, body = inner[:form.start()], inner[form.start():]
        order = " ".join(f"?{name}" for name in order_by)
        offset = 0
        while True:
            page = self.select(f"{prologue}SELECT * WHERE {{ {{ {body}\n}} }} ORDER BY {order} "
                               f"LIMIT {size} OFFSET {offset}")
            if page:
                yield page
            if len(page) < size:
                return
            offset += size

    def graphs(self) -> list[str]:
        """Names of the named graphs of the generation in use (all the server's graphs without one)."""
        current = self.generation()
        if current is not None:
            return sorted(current.graphs)
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(row["g"]) for row in rows if isinstance(row.get("g"), URIRef))

    def __len__(self) -> int:
        """Quads in the named graphs plus triples in the default graph, as the embedded store counts."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows else 0

    # -- writing ---------------------------------------------------------------------------------
    def update(self, sparql: str) -> None:
        """Run a SPARQL Update request on the update endpoint (retried only when it was not sent)."""
        self._send("POST", self.update_url, content=urlencode({"update": sparql}),
                   headers={"Content-Type": _FORM_TYPE}, what=f"update {sparql.strip()[:60]!r}",
                   idempotent=False)

    def put_graph(self, graph: str, data: bytes, media_type: str = "application/n-triples") -> None:
        """Replace ``graph`` with ``data`` (Graph Store Protocol PUT)."""
        self._send("PUT", self.graph_store_url, params={"graph": graph}, content=data,
                   headers={"Content-Type": media_type}, what=f"PUT of graph {graph}")

    def post_graph(self, graph: str, data: bytes, media_type: str = "application/n-triples") -> None:
        """Add ``data`` to ``graph`` (Graph Store Protocol POST)."""
        self._send("POST", self.graph_store_url, params={"graph": graph}, content=data,
                   headers={"Content-Type": media_type}, what=f"POST to graph {graph}")

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<RemoteStore {self.query_url}>"

    # -- internals -------------------------------------------------------------------------------
    def _request_data(self, sparql: str, default_graph_uris: Sequence[str], named_graph_uris: Sequence[str],
                      substitutions: Mapping[str, object] | None, base_iri: str | None,
                      current: Generation | None) -> list[tuple[str, str]]:
        """The form fields of a query: the text (graph names mapped, values bound, BASE added) and
        the dataset."""
        blank = STRINGS_AND_COMMENTS.sub(" ", _IRI.sub(" ", sparql))
        dataset: list[tuple[str, str]] = []
        text = sparql
        if current is not None:
            text = current.rewrite(sparql)
            if default_graph_uris or named_graph_uris:
                dataset = [("default-graph-uri", current.graphs.get(i, i)) for i in default_graph_uris]
                dataset += [("named-graph-uri", current.graphs.get(i, i)) for i in named_graph_uris]
            elif not has_dataset_clause(sparql):
                dataset = [("default-graph-uri", current.union)]
                if _GRAPH_WORD.search(blank):  # named graphs matter only to GRAPH patterns
                    dataset += [("named-graph-uri", iri) for iri in current.graphs.values()]
        else:
            dataset = [("default-graph-uri", i) for i in default_graph_uris]
            dataset += [("named-graph-uri", i) for i in named_graph_uris]
        text = _bind(text, substitutions, current)
        if base_iri is not None and not _BASE_WORD.search(blank):
            text = f"BASE <{base_iri}>\n{text}"
        return [("query", text)] + dataset

    def _send(self, method: str, url: str, *, what: str, idempotent: bool = True, **request) -> httpx.Response:
        """One HTTP request with retries on transient failures; errors say what and where."""
        attempt = 0
        while True:
            try:
                response = self._client.request(method, url, **request)
            except httpx.TransportError as error:
                sent = not isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout))
                if attempt >= self.retries or (sent and not idempotent):
                    raise OSError(f"{url}: {what} failed: {error!r}; check that the SPARQL server "
                                  "is running and reachable (HIN_STORE)") from error
            else:
                if response.status_code < 300:
                    return response
                if response.status_code not in TRANSIENT_STATUSES or attempt >= self.retries or not idempotent:
                    raise _http_error(url, what, response)
                wait = response.headers.get("retry-after", "")
                if wait.isdigit():
                    time.sleep(min(float(wait), 30.0))
            time.sleep(self.backoff * 2 ** attempt)
            attempt += 1


class _Auth(httpx.Auth):
    """HTTP Digest or Basic, whichever the server's first challenge asks for (then kept)."""

    def __init__(self, user: str, password: str) -> None:
        self._digest, self._basic = httpx.DigestAuth(user, password), httpx.BasicAuth(user, password)
        self._chosen: httpx.Auth | None = None

    def auth_flow(self, request):
        if self._chosen is not None:
            yield from self._chosen.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        basic = response.headers.get("www-authenticate", "").lower().startswith("basic")
        self._chosen = self._basic if basic else self._digest
        flow = self._chosen.auth_flow(request)
        first = next(flow)
        if basic:
            yield first
            return
        try:
            yield flow.send(response)
        except StopIteration:
            pass


def _bind(sparql: str, substitutions: Mapping[str, object] | None, current: Generation | None) -> str:
    """``sparql`` with ``substitutions`` bound by a VALUES row (graph names mapped to stored IRIs)."""
    if not substitutions:
        return sparql
    terms = {}
    for name, value in substitutions.items():
        if current is not None and isinstance(value, URIRef) and str(value) in current.graphs:
            value = URIRef(current.graphs[str(value)])
        terms[name.lstrip("?$")] = to_oxigraph(value)
    return bind_with_values(sparql, terms)


def _http_error(url: str, what: str, response: httpx.Response) -> Exception:
    message = " ".join(response.text.split())[:600]
    if response.status_code == 400:
        return SyntaxError(f"{url} refused the {what}: {message}")
    if response.status_code in (401, 403):
        return PermissionError(f"{url}: {what} was refused ({response.status_code}): {message}; give "
                               "credentials with HIN_STORE_USER and HIN_STORE_PASSWORD, and check that "
                               "this user may update the store")
    return OSError(f"{url}: {what} failed with HTTP {response.status_code}: {message}")


def _query_form(sparql: str) -> str | None:
    match = _FORM.search(STRINGS_AND_COMMENTS.sub(" ", _IRI.sub(" ", sparql)))
    return match[1].upper() if match else None


def remote_store_from_settings(settings) -> RemoteStore:
    """The :class:`RemoteStore` that ``settings`` names (``store`` is a URL; see docs/settings.md)."""
    password = settings.store_password.get_secret_value() if settings.store_password else None
    return RemoteStore(str(settings.store), update_url=settings.update_url,
                       graph_store_url=settings.graph_store_url, user=settings.store_user,
                       password=password, timeout=max(settings.query_timeout, 5.0))


def open_store(settings):
    """The store ``settings.store`` names, opened for reading: a :class:`RemoteStore` for a URL,
    else the embedded store built at that folder (``OxigraphStore.open``, read-only)."""
    from graph_api.oxigraph_store import OxigraphStore
    from graph_api.settings import is_store_url

    if is_store_url(settings.store):
        return remote_store_from_settings(settings)
    return OxigraphStore.open(settings.store, read_only=True)
