"""Security headers on every response: an ASGI middleware, and the headers it sets.

Every answer carries ``X-Content-Type-Options: nosniff`` (a browser must not run an RDF or CSV
answer as a script or page), ``X-Frame-Options: DENY`` (no page of HIN may be framed, against
click-jacking), ``Referrer-Policy`` and ``Cross-Origin-Opener-Policy``.  HTML answers also carry a
``Content-Security-Policy``: HIN's own pages load nothing and run no script, so theirs allows only
their inline style sheet; the interactive API documentation (``/docs``, ``/redoc``, FastAPI's
pages that load Swagger UI and ReDoc from a CDN) gets a policy that allows exactly that CDN.
A header that a route set itself is left as the route set it.  docs/security.md lists them.

The middleware is pure ASGI (it wraps ``send``), so streamed answers stay streamed.
"""
from __future__ import annotations

from functools import lru_cache

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Headers set on every response.
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
#: The Content-Security-Policy of HIN's own HTML pages (templates/: one inline <style>, no script).
PAGE_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
#: Where FastAPI's documentation pages load Swagger UI and ReDoc from.
_DOCS_CDN = "https://cdn.jsdelivr.net"
#: The Content-Security-Policy of the API documentation pages (inline start-up script, CDN assets).
DOCS_POLICY = (f"default-src 'none'; script-src 'unsafe-inline' {_DOCS_CDN}; "
               f"style-src 'unsafe-inline' {_DOCS_CDN} https://fonts.googleapis.com; "
               f"font-src https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com; "
               f"worker-src blob:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'")
#: Paths of the API documentation pages that DOCS_POLICY applies to.
DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})


def security_headers(content_type: str | None, path: str = "") -> dict[str, str]:
    """The security headers for a response of ``content_type`` to a request for ``path``.

    Examples
    --------
    >>> security_headers("application/json")["X-Content-Type-Options"]
    'nosniff'
    >>> "Content-Security-Policy" in security_headers("text/turtle; charset=utf-8")
    False
    >>> security_headers("text/html; charset=utf-8")["Content-Security-Policy"] == PAGE_POLICY
    True
    """
    headers = dict(COMMON_HEADERS)
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type in ("text/html", "application/xhtml+xml", "image/svg+xml"):
        headers["Content-Security-Policy"] = DOCS_POLICY if path in DOCS_PATHS else PAGE_POLICY
    return headers


@lru_cache(maxsize=64)
def _raw_headers(content_type: bytes | None, docs_page: bool) -> tuple[tuple[bytes, bytes], ...]:
    """:func:`security_headers` as raw ASGI header pairs (lower-case names), made once per
    content type: building them for every response cost more than the rest of this middleware."""
    text = content_type.decode("latin-1") if content_type is not None else None
    path = next(iter(DOCS_PATHS)) if docs_page else ""
    return tuple((name.lower().encode("latin-1"), value.encode("latin-1"))
                 for name, value in security_headers(text, path).items())


class SecurityHeaders:
    """ASGI middleware: add :func:`security_headers` to every HTTP response.

    Parameters
    ----------
    app
        The ASGI application whose responses get the headers.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs_page = scope.get("path", "") in DOCS_PATHS

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = message["headers"] = list(message.get("headers", ()))
                present = {key for key, _ in raw}
                content_type = next((value for key, value in raw if key == b"content-type"), None)
                if len(content_type or b"") > 200:  # not worth remembering
                    pairs = _raw_headers.__wrapped__(content_type, docs_page)
                else:
                    pairs = _raw_headers(content_type, docs_page)
                raw.extend(pair for pair in pairs if pair[0] not in present)
            await send(message)

        await self.app(scope, receive, send_with_headers)
