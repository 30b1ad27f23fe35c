"""Read source documents (.txt, .html/.htm, .md) from disk into :class:`SourceDocument`.

HTML is turned into plain text with trafilatura (so is a page saved under .txt with its markup:
a .txt file that opens with a doctype or ``<html>`` is read as HTML); the text it returns is the text that extraction
reads, so every offset points into ``SourceDocument.text``.  The checksum is taken over the raw
bytes.  Problems raise :class:`~ingest.errors.DocumentError` naming the file and saying what to do.

The policies for awkward files (docs/security.md, "Documents"):

* **Size.**  A file larger than :data:`MAX_DOCUMENT_BYTES` is refused before it is read, and a
  document whose text (after decoding, and after HTML is reduced to its main text) is longer than
  :data:`MAX_TEXT_CHARACTERS` is refused: extraction reads about 50,000 characters a second, so
  the limits keep one document to well under a minute.  Nothing is truncated silently: split a
  larger file into several documents.
* **Encoding.**  UTF-8, with or without a byte-order mark, and UTF-16 or UTF-32 *with* a
  byte-order mark are read.  An HTML page whose bytes are not UTF-8 is read in the charset its
  ``<meta charset>`` (or ``<?xml encoding?>``) declares.  Any other file that is not valid UTF-8
  -- Latin-1, Windows-1252, or UTF-8 mixed with another encoding -- is refused with the line and
  column of the first bad byte and an ``iconv`` command that converts it: HIN never guesses an
  encoding, since a wrong guess puts garbled names into the graph without anyone noticing.
* **Binary data** (NUL bytes, or many control bytes, near the start) is refused.  Control
  characters other than tab and newline in a text are replaced by spaces (XML and HTML cannot
  carry them).
"""
from __future__ import annotations

import codecs
import hashlib
import re
from datetime import datetime, timezone
from pathlib import Path

from ingest.errors import DocumentError
from ingest.html_contacts import contact_blocks
from ingest.iris import document_id
from ingest.model import SourceDocument

#: The start of an HTML page (after a byte-order mark, blank lines or an XML declaration).
_HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]",
                         re.IGNORECASE | re.DOTALL)
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

#: Files larger than this (bytes) are refused before they are read.
MAX_DOCUMENT_BYTES = 16_000_000
#: Texts longer than this (characters, after decoding and HTML-to-text) are refused.
MAX_TEXT_CHARACTERS = 2_000_000

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: How much of the start of a file is looked at to tell binary data and a declared charset.
_SNIFF = 8192
#: Bytes that do not occur in text (C0 controls other than tab, newline, form feed, carriage return, escape).
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
                               rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
#: Declared charsets that browsers read as Windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
                        "cp1252", "windows-1252", "x-cp1252"}


def read_document(path: str | Path, *, now: datetime | None = None,
                  max_bytes: int = MAX_DOCUMENT_BYTES) -> SourceDocument:
    """Read one document from disk.

    Parameters
    ----------
    path : str or Path
        A .txt, .html/.htm or .md file; a .txt file that holds an HTML page (it opens with a
        doctype or ``<html>``) is read as HTML.
    now : datetime, optional
        The ingestion time to record (default: the current UTC time).
    max_bytes : int
        Larger files are refused without being read (default :data:`MAX_DOCUMENT_BYTES`).

    Returns
    -------
    SourceDocument
        With ``language`` still ``"und"``; :func:`ingest.language.detect_language` fills it in.

    Raises
    ------
    DocumentError
        When the file is missing, unreadable, of an unknown type, too large, binary, not in an
        encoding that can be read (see the module notes), malformed HTML without text, or empty.
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
        size = file.stat().st_size
        if size > max_bytes:
            raise DocumentError(str(path), f"is {_megabytes(size)}, larger than the {_megabytes(max_bytes)} "
                                "limit for one document; split it into smaller documents")
        raw = file.read_bytes()
    except DocumentError:
        raise
    except OSError as error:
        raise DocumentError(str(path), f"cannot be read ({error.strerror or error}); check its permissions") from error
    if media_type == "text/plain" and _HTML_START.match(raw[:512]):
        media_type = "text/html"  # a page saved with its markup under .txt: read it as the page it is
    text = decode(raw, str(path), html=media_type == "text/html")
    if media_type == "text/html":
        text = html_to_text(text, str(path))
    text = _CONTROL_CHARACTERS.sub(" ", text)
    if not text.strip():
        raise DocumentError(str(path), "has no text to extract from (empty or only whitespace)")
    if len(text) > MAX_TEXT_CHARACTERS:
        raise DocumentError(str(path), f"has {len(text):,} characters of text, more than the "
                            f"{MAX_TEXT_CHARACTERS:,} that one document may have; split it into "
                            "smaller documents")
    return SourceDocument(
        doc_id=document_id(file.name),
        path=str(path),
        file_name=file.name,
        media_type=media_type,
        text=text,
        checksum="sha256:" + hashlib.sha256(raw).hexdigest(),
        ingested_at=now or datetime.now(timezone.utc).replace(microsecond=0),
    )


def decode(raw: bytes, path: str, *, html: bool = False) -> str:
    """Bytes -> text with ``\\n`` line ends, by the encoding policy of the module notes.

    Parameters
    ----------
    raw : bytes
        The file's content.
    path : str
        The file, for messages.
    html : bool
        The bytes are an HTML page: a charset it declares is used when they are not UTF-8.

    Raises
    ------
    DocumentError
        Binary data, or bytes that are not in an encoding HIN reads.
    """
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), None)
    if encoding is None and _looks_binary(raw[:_SNIFF]):
        raise DocumentError(path, "looks binary (contains NUL or control bytes); give a text, HTML or "
                            "Markdown file (UTF-16 and UTF-32 need a byte-order mark)")
    try:
        text = raw.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as error:
        if encoding is not None:
            raise DocumentError(path, f"starts with a {encoding.upper()} byte-order mark but is not valid "
                                f"{encoding.upper()} (byte {error.start}); convert it to UTF-8") from None
        declared = _declared_charset(raw) if html else None
        if declared is None:
            raise DocumentError(path, _not_utf8(raw, error)) from None
        try:
            text = raw.decode(declared)
        except UnicodeDecodeError as again:
            raise DocumentError(path, f"declares charset {declared} but byte {again.start} is not valid "
                                f"{declared}; convert the page to UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(html: str, path: str) -> str:
    """The main text of an HTML page, paragraphs separated by blank lines (trafilatura), then the
    contact blocks it leaves out (:func:`ingest.html_contacts.contact_blocks`), a block's lines one
    to a line.

    Raises
    ------
    DocumentError
        The page has no main text, or the HTML cannot be parsed at all.
    """
    import trafilatura  # imported here: plain-text ingestion does not need it

    try:
        text = trafilatura.extract(_quote_attributions(html), include_comments=False, include_tables=True,
                                   favor_recall=True, with_metadata=False)
    except (ValueError, TypeError, RecursionError, MemoryError) as error:
        raise DocumentError(path, f"HTML cannot be parsed ({type(error).__name__}: {error}); "
                            "check that the file is an HTML page") from None
    if not text:
        raise DocumentError(path, "HTML page has no main text that trafilatura could find")
    text = "\n\n".join(part.strip() for part in text.split("\n") if part.strip())
    return "\n\n".join([text, *("\n".join(block) for block in contact_blocks(html, text))])


#: A quotation with what may name its speaker: a blockquote, or a figure that holds one.
_QUOTATION = re.compile(r"<blockquote\b.*?</blockquote>|<figure\b(?:(?!</figure>).)*?<blockquote\b.*?</figure>",
                        re.IGNORECASE | re.DOTALL)
_ATTRIBUTION_TAG = re.compile(r"<(/?)(?:footer|figcaption)\b", re.IGNORECASE)
_FIGURE_TAG = re.compile(r"<(/?)figure\b", re.IGNORECASE)


def _quote_attributions(html: str) -> str:
    """``html`` with the speaker line of each quotation (``<footer>`` in a ``<blockquote>``,
    ``<figcaption>`` of a quotation's ``<figure>``) made a paragraph, and such a figure a block:
    trafilatura drops footers, figures and captions as page furniture, and with them who said the
    quote ("said Professor X, head of Y")."""
    return _QUOTATION.sub(lambda m: _FIGURE_TAG.sub(r"<\1div", _ATTRIBUTION_TAG.sub(r"<\1p", m.group())), html)


def _looks_binary(head: bytes) -> bool:
    """NUL bytes, or more than one byte in twenty a control byte, in the start of the file."""
    if b"\x00" in head:
        return True
    return sum(byte in _CONTROL_BYTES for byte in head) * 20 > len(head)


def _declared_charset(raw: bytes) -> str | None:
    """The codec of the charset an HTML page declares near its start, or None."""
    match = _DECLARED_CHARSET.search(raw[:_SNIFF])
    if match is None:
        return None
    label = (match[1] or match[2]).decode("ascii").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return None if name == "utf-8" else name


def _not_utf8(raw: bytes, error: UnicodeDecodeError) -> str:
    """What is wrong with bytes that are not UTF-8, where, and the command that fixes it."""
    before = raw[:error.start]
    line = before.count(b"\n") + 1
    column = error.start - (before.rfind(b"\n") + 1) + 1
    where = f"byte 0x{raw[error.start]:02x} at line {line}, column {column}"
    # The bytes before the error are valid UTF-8: non-ASCII there, or valid multi-byte sequences
    # after it, mean the file mixes UTF-8 with another encoding.
    if any(byte >= 0x80 for byte in before) or _has_utf8_sequences(raw[error.end:]):
        return (f"is not UTF-8 text: it mixes UTF-8 with another encoding ({where}); fix the lines "
                "in the other encoding, or convert the whole file to UTF-8")
    return (f"is not UTF-8 text ({where}); it looks like Latin-1 / Windows-1252: convert it with "
            f"`iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8` and ingest that")


def _has_utf8_sequences(raw: bytes) -> bool:
    """Whether ``raw`` holds a valid multi-byte UTF-8 sequence (a sign of mixed encodings)."""
    return re.search(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", raw) is not None


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
