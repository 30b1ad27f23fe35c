"""HTTP caching of read-only answers: ``ETag``, ``Last-Modified`` and ``304 Not Modified``.

The store a server reads never changes under it (``hin build`` writes a new generation and the
server keeps the one it opened; an update it accepts makes a new generation, which it then serves
under a new name), so every answer is fixed by the store's *version* and the request.
The version is the generation folder's name (``20261122T110432.123456Z``), which is also the time
of the build; a store without one (in memory, or a plain pyoxigraph folder) gets a version made
when the server first asked, so its answers are cacheable for the server's lifetime.

:func:`validators` makes the pair of headers for a resource; :func:`not_modified` applies the
conditional-request rules of RFC 9110, section 13.1: ``If-None-Match`` first (weak comparison), and
``If-Modified-Since`` only when there is no ``If-None-Match``.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime

from fastapi import Request
from fastapi.responses import Response

from graph_api.store import GraphStore

_GENERATION_TIME = "%Y%m%dT%H%M%S.%fZ"
#: Versions of stores that are not built generations, by id(): (version, time first seen).
_SEEN: dict[int, tuple[str, datetime]] = {}


@dataclass(frozen=True)
class StoreVersion:
    """What identifies the data a store holds: a name and when it was made (UTC, whole seconds)."""

    name: str
    made: datetime


def store_version(store: GraphStore) -> StoreVersion:
    """The version of ``store``: its generation name and build time, or a version fixed when first asked.

    Examples
    --------
    >>> from graph_api.oxigraph_store import OxigraphStore
    >>> store = OxigraphStore.in_memory()
    >>> store_version(store) == store_version(store)
    True
    """
    location = getattr(store, "location", None)
    if location is not None:
        name = location.name
        try:
            made = datetime.strptime(name.split("-", 1)[0], _GENERATION_TIME).replace(tzinfo=timezone.utc)
        except ValueError:
            made = datetime.fromtimestamp(location.stat().st_mtime, timezone.utc)
        return StoreVersion(name, made.replace(microsecond=0))
    if id(store) not in _SEEN:
        now = datetime.now(timezone.utc).replace(microsecond=0)
        _SEEN[id(store)] = (f"memory-{id(store):x}-{now:%Y%m%dT%H%M%SZ}", now)
    name, made = _SEEN[id(store)]
    return StoreVersion(name, made)


def validators(store: GraphStore, resource: str) -> dict[str, str]:
    """``ETag`` and ``Last-Modified`` headers for ``resource`` (a string naming the answer, its
    format included) served from ``store``."""
    version = store_version(store)
    digest = hashlib.sha1(f"{version.name} {resource}".encode()).hexdigest()[:20]
    return {"ETag": f'"{digest}"', "Last-Modified": format_datetime(version.made, usegmt=True)}


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def not_modified(request: Request, headers: dict[str, str]) -> bool:
    """Whether a GET with these validators may be answered ``304 Not Modified``."""
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        tags = _etags(if_none_match)
        return "*" in tags or headers["ETag"] in tags
    if_modified_since = request.headers.get("if-modified-since")
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False  # RFC 9110: an invalid date is ignored
        if since.tzinfo is None:
            since = since.replace(tzinfo=timezone.utc)
        return parsedate_to_datetime(headers["Last-Modified"]) <= since
    return False


def not_modified_response(headers: dict[str, str]) -> Response:
    """The ``304`` answer, carrying the validators (and whatever else ``headers`` holds)."""
    return Response(status_code=304, headers=headers)
