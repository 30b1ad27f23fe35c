"""The IRI scheme of DESIGN.md: entities, document graphs and evidence nodes.

Entities are ``{base}id/{kind}/{slug}``; the slug comes from the normalised name, so rebuilding
gives the same IRIs and the same name in two documents gives one IRI.  Each source document is a
named graph ``{base}graph/{doc_id}``; the document's own description is ``{base}id/document/{doc_id}``
and the evidence nodes of a document (sentences, mentions, statements) are fragments of its graph
IRI.  ``base`` is configurable so a deployment can live under another domain.
"""
from __future__ import annotations

import re
import unicodedata

DEFAULT_BASE = "https://w3id.org/hin/"

_TRANSLITERATE = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ð": "d",
                                "þ": "th", "ł": "l", "Ł": "L", "œ": "oe", "Œ": "OE"})


def normalise_name(name: str) -> str:
    """Case-folded, diacritic-free, punctuation-free form of a name, used to compare names."""
    text = name.translate(_TRANSLITERATE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = "".join(c if c.isalnum() else " " for c in text)
    return " ".join(text.split())


def slugify(name: str, max_length: int = 80) -> str:
    """Deterministic IRI slug of a name: ``"Gesellschaft für Bioanalytik Münster e.V."`` ->
    ``"gesellschaft-fur-bioanalytik-munster-e-v"``.

    >>> slugify("Region Syddanmark")
    'region-syddanmark'
    >>> slugify("Kamer van Koophandel Nord Westfalen Münster")
    'kamer-van-koophandel-nord-westfalen-munster'
    """
    slug = re.sub(r"\s+", "-", normalise_name(name))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "unnamed"


def _base(base: str) -> str:
    return base if base.endswith(("/", "#")) else base + "/"


def entity_iri(kind: str, slug: str, base: str = DEFAULT_BASE) -> str:
    return f"{_base(base)}id/{kind}/{slug}"


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> str:
    return f"{_base(base)}id/document/{doc_id}"


def graph_iri(doc_id: str, base: str = DEFAULT_BASE) -> str:
    return f"{_base(base)}graph/{doc_id}"


def evidence_iri(doc_id: str, local: str, base: str = DEFAULT_BASE) -> str:
    """A node that belongs to one document: ``sentence-3``, ``mention-120-131``, ``fact-…``."""
    return f"{graph_iri(doc_id, base)}#{local}"


def document_id(file_name: str) -> str:
    """Document id from a file name: its stem, reduced to IRI-safe characters."""
    stem = file_name.rsplit("/", 1)[-1]
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-") or "document"
