"""Named SPARQL queries: the ``*.rq`` files of this folder and the loader that parses them."""
from queries.catalogue import QUERIES_DIR, Catalogue, NamedQuery, Parameter, load_catalogue

__all__ = ["Catalogue", "NamedQuery", "Parameter", "QUERIES_DIR", "load_catalogue"]
