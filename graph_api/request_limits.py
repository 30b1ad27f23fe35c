"""The request size limit: an ASGI middleware that refuses bodies and query strings over a size.

A request whose ``Content-Length`` or query string is larger than ``max_request_bytes`` is
answered ``413 request-too-large`` before the route sees it; a body sent without a length
(chunked) is counted as it is read, and the route's read fails with the same error once the count
passes the limit.  The body of a refused request is not read.
"""
from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_api.errors import ApiError


def too_large(what: str, size: int | None, limit: int) -> ApiError:
    """The ``request-too-large`` error for ``what`` (e.g. "the request body") of ``size`` bytes."""
    told = f" ({size} bytes)" if size is not None else ""
    return ApiError("request-too-large", f"{what}{told} is larger than the server's limit of {limit} "
                    "bytes (max_request_bytes); send a shorter query, or ask the operator to raise "
                    "the limit")


#: How much of a refused body is read and dropped before the 413 is sent (see ``_refuse``).
DRAIN_BYTES = 16_000_000


class RequestSizeLimit:
    """ASGI middleware: refuse requests larger than ``max_bytes`` with ``413 request-too-large``.

    Parameters
    ----------
    app
        The ASGI application to protect.
    max_bytes : int
        Largest request body, and largest query string, in bytes.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        query_string = scope.get("query_string", b"")
        if len(query_string) > limit:
            await self._refuse(too_large("the query string", len(query_string), limit), scope, receive, send)
            return
        length = None
        for key, value in scope.get("headers", ()):
            if key == b"content-length":
                length = value  # the last one, as a dict of the headers would keep
        if length is not None and length.strip().isdigit() and int(length) > limit:
            await self._refuse(too_large("the request body", int(length), limit), scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise too_large("the request body", None, limit)
            return message

        await self.app(scope, counted, send)

    @staticmethod
    async def _refuse(error: ApiError, scope: Scope, receive: Receive, send: Send) -> None:
        # Read (and drop) what the client is still sending, up to DRAIN_BYTES: a server that
        # answers and closes while the client uploads makes the client see a connection reset
        # instead of the 413.  Past DRAIN_BYTES the connection is closed regardless.
        drained = 0
        while drained <= DRAIN_BYTES:
            message = await receive()
            if message["type"] != "http.request":
                break
            drained += len(message.get("body", b""))
            if not message.get("more_body", False):
                break
        response = JSONResponse(error.body(), status_code=error.status, headers={"Connection": "close"})
        await response(scope, receive, send)
