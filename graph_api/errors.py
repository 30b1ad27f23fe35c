"""The HTTP error body: one JSON shape for every error the server returns.

``{"error": {"code": "malformed-query", "message": "…", "status": 400}}``

Route code raises :class:`ApiError`; the app factory maps it (and SyntaxError from the query
parser, and unexpected exceptions) to this body in one place.  The machine codes are listed in
:data:`ERROR_CODES` and documented in docs/http-api.md.
"""
from __future__ import annotations

#: machine code -> (HTTP status, what it means)
ERROR_CODES: dict[str, tuple[int, str]] = {
    "malformed-query": (400, "The SPARQL query does not parse; the message is the parser's."),
    "missing-query": (400, "No query was given (use query= or a POST body)."),
    "bad-request": (400, "A request parameter is missing or invalid."),
    "update-refused": (403, "SPARQL Update or a Graph Store write that this server does not run: updates "
                       "are off (no update_token), sent other than by POST, or a LOAD."),
    "credential-required": (401, "An update or write was sent without the update credential "
                            "(Authorization: Bearer TOKEN)."),
    "credential-refused": (403, "The update credential sent is not the server's update_token."),
    "update-rejected": (422, "The update would write the default graph (the union of the named graphs) "
                        "or a graph HIN keeps itself; nothing was changed."),
    "update-violates-shapes": (422, "The graphs as the update would leave them do not conform to the "
                               "shapes; the message is the report; nothing was changed."),
    "store-busy": (503, "Another writer (a build, or another update) holds the store; try again later."),
    "not-found": (404, "No such resource, view or query."),
    "method-not-allowed": (405, "The route exists but not for this HTTP method; see the Allow header."),
    "not-acceptable": (406, "None of the media types in Accept can be produced for this result."),
    "unsupported-media-type": (415, "The request body's Content-Type is not one the endpoint reads."),
    "service-not-allowed": (403, "The query calls a SERVICE endpoint that is not on the server's allow-list."),
    "query-timeout": (503, "The query ran longer than the configured time limit and was stopped."),
    "too-many-results": (422, "The answer has more rows than the server's max_result_rows; page with LIMIT/OFFSET."),
    "request-too-large": (413, "The request body or query string is larger than max_request_bytes."),
    "internal-error": (500, "A bug in HIN; the message says no more, the server log has the details."),
}


class ApiError(Exception):
    """An error to send to the client as the standard JSON body."""

    def __init__(self, code: str, message: str, *, status: int | None = None,
                 headers: dict[str, str] | None = None) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown error code {code!r}; add it to ERROR_CODES")
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status if status is not None else ERROR_CODES[code][0]
        self.headers = headers  #: extra response headers (WWW-Authenticate, Retry-After)

    def body(self) -> dict:
        return {"error": {"code": self.code, "message": self.message, "status": self.status}}
