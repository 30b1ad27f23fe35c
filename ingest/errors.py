"""Errors raised while reading and extracting documents.

``IngestError`` is the root of the small tree; ``DocumentError`` names the file and says what is
wrong with it and what to do, so the CLI can print it as it is.
"""
from __future__ import annotations


class IngestError(Exception):
    """Base class of every error raised by :mod:`ingest`."""


class DocumentError(IngestError, OSError):
    """A source document could not be used: missing, unreadable, empty or not text.

    Parameters
    ----------
    path : str
        The path of the document, as given.
    reason : str
        What is wrong and, where it helps, what to do about it.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
