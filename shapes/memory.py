"""Python's cyclic garbage collector paused around work that makes millions of short-lived objects
and no cycles (as Mercurial's ``util.nogc``).

Each batch of new objects sets off a collection, and every so often one that walks the whole heap
(an rdflib dataset, a view's graph); reference counting frees such objects all the same.  Here
because the validators (this package) and the network measures (:mod:`graph_api.network`) both use
it, and graph_api already builds on this package.
"""
from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the ``with`` block; restore its state after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
