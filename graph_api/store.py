"""The one small interface through which HIN reaches a triple store.

Callers (the SPARQL endpoint, network views, the build) use :class:`GraphStore` only, so the
embedded Oxigraph store and a remote SPARQL 1.1 store are interchangeable.  The embedded
implementation lives in :mod:`graph_api.oxigraph_store`.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

#: Result kinds of a SPARQL query.
SOLUTIONS, BOOLEAN, GRAPH = "solutions", "boolean", "graph"


@dataclass(frozen=True)
class QueryResponse:
    """A query answer serialised for the wire: what the endpoint sends back."""

    kind: str  #: SOLUTIONS, BOOLEAN or GRAPH
    media_type: str
    body: Iterator[bytes] | bytes


class GraphStore(Protocol):
    """Read access to an RDF dataset.  Implementations: OxigraphStore (embedded, on disk)."""

    def query(
        self,
        sparql: str,
        *,
        media_type: str | None = None,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        substitutions: Mapping[str, object] | None = None,
        base_iri: str | None = None,
    ) -> QueryResponse:
        """Run a SPARQL query and serialise its answer as ``media_type`` (``None``: the default
        of its kind: SPARQL JSON for solutions and booleans, Turtle for graphs).  Relative IRIs
        in a query without ``BASE`` resolve against ``base_iri`` (the endpoint's URL).  Raises
        ``SyntaxError`` for a malformed query and ``ValueError`` for an unsupported media type."""

    def select(
        self, sparql: str, substitutions: Mapping[str, object] | None = None
    ) -> list[dict[str, object]]:
        """Run a SELECT query and return its rows as dicts of variable name -> rdflib term
        (unbound variables are absent).  ``substitutions`` binds variables before evaluation,
        values being rdflib terms; they are never formatted into the query text."""

    def graphs(self) -> list[str]:
        """IRIs of the named graphs."""

    def __len__(self) -> int:
        """Number of quads."""

    def close(self) -> None: ...
