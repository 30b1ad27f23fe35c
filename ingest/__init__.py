"""The extraction stage: source documents in, one RDF dataset (a named graph per document) out.

``extract_documents`` chains the stages (read -> detect language -> split sentences -> find
mentions -> resolve -> relations -> RDF); ``write_dataset`` writes the result by file extension.
The names are imported on first use, so that ``import ingest.iris`` stays cheap (the extraction
modules load spaCy and lingua).
"""
from importlib import import_module

__all__ = ["DocumentError", "IngestError", "extract", "extract_documents", "ingest_documents",
           "write_dataset"]

_HOMES = {
    "DocumentError": "ingest.errors",
    "IngestError": "ingest.errors",
    "extract": "ingest.extract",
    "extract_documents": "ingest.pipeline",
    "ingest_documents": "ingest.pipeline",
    "write_dataset": "ingest.pipeline",
}


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'ingest' has no attribute {name!r}")
