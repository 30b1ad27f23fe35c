"""Starlette's CORS and GZip middlewares, with a short way through for the common answer.

Both wrap every request.  On a short SPARQL answer Starlette's own classes cost several
hundredths of a millisecond together (each parses the request's headers into a ``Headers``, and
GZip a response's headers again, to leave a short answer as it was), against a lookup that
pyoxigraph answers in about 0.15 ms.  The subclasses here give exactly Starlette's answers:

* :class:`CORS`: a request without an ``Origin`` header gets only ``Origin`` added to ``Vary``,
  done on the raw header list; a request with one (a browser's cross-origin call, a preflight) goes
  through Starlette's code as before.
* :class:`GZip`: the response's start is held until its first body; a whole body shorter than
  ``minimum_size`` goes out as it came (as Starlette sends it); anything else (a larger or
  streamed body, another message) is handed to Starlette's own responder, which compresses as
  before.

The behaviour is pinned by tests/test_sparql_fixed_cost.py against Starlette's classes.
"""
from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware, GZipResponder, IdentityResponder
from starlette.types import Message, Receive, Scope, Send


def add_vary(raw: list[tuple[bytes, bytes]], name: bytes) -> None:
    """Add ``name`` to the ``Vary`` header of ``raw`` as Starlette's ``MutableHeaders`` does
    (``headers["Vary"] = ", ".join([*headers.getlist("Vary"), name])``): the values joined into
    the first ``vary`` entry, the others removed, or a new entry at the end."""
    found = [index for index, (key, _) in enumerate(raw) if key == b"vary"]
    if not found:
        raw.append((b"vary", name))
        return
    raw[found[0]] = (b"vary", b", ".join([raw[index][1] for index in found] + [name]))
    for index in reversed(found[1:]):
        del raw[index]


class CORS(CORSMiddleware):
    """Starlette's CORSMiddleware; a request without ``Origin`` takes the short way."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or any(key == b"origin" for key, _ in scope["headers"]):
            await super().__call__(scope, receive, send)
            return
        # No Origin: not a preflight, and Starlette's send would only add Origin to Vary (with any
        # configuration: every branch that does more needs an Origin).

        async def send_varying(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = message["headers"] = list(message.get("headers", ()))
                add_vary(raw, b"Origin")
            await send(message)

        await self.app(scope, receive, send_varying)


class GZip(GZipMiddleware):
    """Starlette's GZipMiddleware; a whole answer under ``minimum_size`` takes the short way."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        held: Message | None = None
        responder: IdentityResponder | None = None
        passing = False

        async def send_small_as_is(message: Message) -> None:
            nonlocal held, responder, passing
            if passing:
                await send(message)
                return
            if responder is not None:
                await responder.send_with_compression(message)
                return
            kind = message["type"]
            if kind == "http.response.start" and held is None:
                held = message
                return
            body = message.get("body", b"")
            if (kind == "http.response.body" and held is not None and not message.get("more_body", False)
                    and len(body) < self.minimum_size):
                passing = True  # what Starlette's responders do with a short whole body
                await send(held)
                await send(message)
                return
            responder = self._responder(scope)
            responder.send = send
            if held is not None:
                await responder.send_with_compression(held)
            await responder.send_with_compression(message)

        await self.app(scope, receive, send_small_as_is)

    def _responder(self, scope: Scope) -> IdentityResponder:
        """The responder Starlette's ``__call__`` would have made for this request."""
        if "gzip" in Headers(scope=scope).get("Accept-Encoding", ""):
            return GZipResponder(self.app, self.minimum_size, compresslevel=self.compresslevel,
                                 thread_minimum_size=self.thread_minimum_size,
                                 exclude_content_types=self.exclude_content_types)
        return IdentityResponder(self.app, self.minimum_size, exclude_content_types=self.exclude_content_types)
