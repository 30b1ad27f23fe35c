"""Read source documents (.txt, .html/.htm, .md) from disk into :class:`SourceDocument`.

HTML is turned into plain text with trafilatura; the text it returns is the text that extraction
reads, so every offset points into ``SourceDocument.text``.  The checksum is taken over the raw
bytes.  Problems raise :class:`~ingest.errors.DocumentError` naming the file.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

from ingest.errors import DocumentError
from ingest.iris import document_id
from ingest.model import SourceDocument

#: File suffix -> media type of the documents that can be read.
MEDIA_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
}


def read_document(path: str | Path, *, now: datetime | None = None) -> SourceDocument:
    """Read one document from disk.

    Parameters
    ----------
    path : str or Path
        A .txt, .html/.htm or .md file.
    now : datetime, optional
        The ingestion time to record (default: the current UTC time).

    Returns
    -------
    SourceDocument
        With ``language`` still ``"und"``; :func:`ingest.language.detect_language` fills it in.

    Raises
    ------
    DocumentError
        When the file is missing, unreadable, of an unknown type, binary, not UTF-8 or empty.
    """
    file = Path(path)
    media_type = MEDIA_TYPES.get(file.suffix.lower())
    if media_type is None:
        known = ", ".join(sorted(MEDIA_TYPES))
        raise DocumentError(str(path), f"unknown file type {file.suffix or '(none)'!r}; use one of {known}")
    if not file.exists():
        raise DocumentError(str(path), "no such file; check the path")
    if not file.is_file():
        raise DocumentError(str(path), "not a regular file; give a document, not a folder")
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise DocumentError(str(path), f"cannot be read ({error.strerror or error}); check its permissions") from error
    text = decode(raw, str(path))
    if media_type == "text/html":
        text = html_to_text(text, str(path))
    if not text.strip():
        raise DocumentError(str(path), "has no text to extract from (empty or only whitespace)")
    return SourceDocument(
        doc_id=document_id(file.name),
        path=str(path),
        file_name=file.name,
        media_type=media_type,
        text=text,
        checksum="sha256:" + hashlib.sha256(raw).hexdigest(),
        ingested_at=now or datetime.now(timezone.utc).replace(microsecond=0),
    )


def decode(raw: bytes, path: str) -> str:
    """Bytes -> text: UTF-8 (with or without BOM); binary data and other encodings are refused."""
    if b"\x00" in raw[:4096]:
        raise DocumentError(path, "looks binary (contains NUL bytes); give a text, HTML or Markdown file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(path, f"is not UTF-8 text (byte {error.start}); convert it to UTF-8") from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(html: str, path: str) -> str:
    """The main text of an HTML page, paragraphs separated by blank lines (trafilatura)."""
    import trafilatura  # imported here: plain-text ingestion does not need it

    text = trafilatura.extract(html, include_comments=False, include_tables=True,
                               favor_recall=True, with_metadata=False)
    if not text:
        raise DocumentError(path, "HTML page has no main text that trafilatura could find")
    return "\n\n".join(part.strip() for part in text.split("\n") if part.strip())
