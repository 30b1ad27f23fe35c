"""HIN's settings, read once.

One :class:`Settings` object is created by the CLI (or the app factory) and passed down; nothing
else reads the environment.  Every setting can be given as an environment variable with the
``HIN_`` prefix (``HIN_STORE=/srv/hin``) and most have a CLI flag of the same name.  The list in
docs/settings.md is checked against this class by a test.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ingest.iris import DEFAULT_BASE

#: The shipped sample corpus, next to the packages in a source checkout.
SHIPPED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HIN_", extra="ignore")

    base_iri: str = Field(DEFAULT_BASE, description="Base of every entity and graph IRI.")
    store: Path | str = Field(Path("hin-store"), description="Directory of the embedded on-disk "
                              "store, or the URL of a SPARQL 1.1 query endpoint (http:// or https://) "
                              "to use a remote store (docs/deploy.md).")
    update_url: str | None = Field(None, description="SPARQL Update endpoint of a remote store "
                                   "(default: the store URL).")
    graph_store_url: str | None = Field(None, description="Graph Store Protocol endpoint of a remote "
                                        "store, used by `hin build` (default: the store URL).")
    store_user: str | None = Field(None, description="User for updates and loads on a remote store.")
    store_password: SecretStr | None = Field(None, description="Password of store_user.")
    corpus: Path = Field(SHIPPED_CORPUS, description="Folder of source documents that `hin build` reads.")
    host: str = Field("127.0.0.1", description="Address `hin serve` listens on.")
    port: int = Field(8000, description="Port `hin serve` listens on.")
    query_timeout: float = Field(30.0, gt=0, description="Seconds a SPARQL query may run before it is "
                                 "stopped (`hin serve`: its worker process is killed and replaced).")
    query_workers: int = Field(4, ge=0, description="Worker processes that evaluate SPARQL queries "
                               "for `hin serve` (queries at once); 0: evaluate in the server process, "
                               "without a time limit.")
    max_result_rows: int = Field(100_000, ge=0, description="Most rows (solutions or triples) a SPARQL "
                                 "answer may have; more is refused with too-many-results (0: no limit).")
    max_request_bytes: int = Field(1_000_000, ge=1, description="Largest request body (and query "
                                   "string) the server reads; larger is refused with request-too-large.")
    threshold: float = Field(0.0, ge=0.0, le=1.0, description="Confidence below which extracted "
                             "mentions and relations are left out of the graph (0 keeps all).")
    curation: Path | None = Field(None, description="Curation file applied on ingest and build "
                                  "(`hin build` default: corpus/curation.yaml when it exists).")
    update_token: SecretStr | None = Field(None, description="Credential that turns on SPARQL Update "
                                           "and Graph Store writes on `hin serve`: sent as "
                                           "`Authorization: Bearer TOKEN`; unset: the server is "
                                           "read-only.")
    service_allow_list: list[str] = Field(
        default_factory=list,
        description="SPARQL endpoint IRIs that SERVICE in a query sent to HIN may call (exact match); "
                    "empty: SERVICE is refused.")

    @field_validator("store", mode="before")
    @classmethod
    def _store_path_or_url(cls, value: object) -> object:
        """A URL stays a string (a remote store); anything else is a folder path."""
        if isinstance(value, str) and not is_store_url(value):
            return Path(value)
        return value


def is_store_url(store: object) -> bool:
    """Whether a ``store`` setting names a remote SPARQL endpoint rather than a folder."""
    return isinstance(store, str) and store.lower().startswith(("http://", "https://"))
