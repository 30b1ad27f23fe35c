"""HIN's settings, read once.

One :class:`Settings` object is created by the CLI (or the app factory) and passed down; nothing
else reads the environment.  Every setting can be given as an environment variable with the
``HIN_`` prefix (``HIN_STORE=/srv/hin``) and most have a CLI flag of the same name.  The list in
docs/settings.md is checked against this class by a test.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from ingest.iris import DEFAULT_BASE

#: The shipped sample corpus, next to the packages in a source checkout.
SHIPPED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HIN_", extra="ignore")

    base_iri: str = Field(DEFAULT_BASE, description="Base of every entity and graph IRI.")
    store: Path = Field(Path("hin-store"), description="Directory of the embedded on-disk store.")
    corpus: Path = Field(SHIPPED_CORPUS, description="Folder of source documents that `hin build` reads.")
    host: str = Field("127.0.0.1", description="Address `hin serve` listens on.")
    port: int = Field(8000, description="Port `hin serve` listens on.")
    query_timeout: float = Field(30.0, description="Seconds a SPARQL query may run before it is stopped.")
    threshold: float = Field(0.0, ge=0.0, le=1.0, description="Confidence below which extracted "
                             "mentions and relations are left out of the graph (0 keeps all).")
    curation: Path | None = Field(None, description="Curation file applied on ingest and build "
                                  "(`hin build` default: corpus/curation.yaml when it exists).")
    service_allow_list: list[str] = Field(
        default_factory=list,
        description="SPARQL endpoint IRIs that SERVICE in a query sent to HIN may call (exact match); "
                    "empty: SERVICE is refused.")
