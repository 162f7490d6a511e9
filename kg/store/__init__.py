"""Store backends behind one interface, chosen by location through a registry.

``memory`` (rdflib, in RAM), ``oxigraph-memory`` (Oxigraph in RAM) and a directory path
(Oxigraph on disk, the default ``./kg-data``). Register a new backend with :func:`register`.

>>> store = open_store("memory")
>>> store.name
'memory'
"""
from __future__ import annotations

import os
from typing import Callable

from kg.store.base import QueryResult, Store, check_query_safety
from kg.store.memory import MemoryStore
from kg.store.oxigraph import OxigraphStore

DEFAULT_LOCATION = "./kg-data"
DEFAULT_WAIT = 180.0  # seconds a writer waits for another writer (kg ingest --wait)
_REGISTRY: dict[str, Callable[..., Store]] = {}


def register(scheme: str, factory: Callable[..., Store]) -> None:
    """Make ``open_store(scheme)`` or ``open_store(scheme + ':' + rest)`` build a backend; the
    factory gets (rest of the location, create, read_only, wait)."""
    _REGISTRY[scheme] = factory


register("memory", lambda rest, create, read_only, wait: MemoryStore(rest))
register("oxigraph-memory", lambda rest, create, read_only, wait: OxigraphStore(None))
register("oxigraph", lambda rest, create, read_only, wait: OxigraphStore(rest or DEFAULT_LOCATION, create, read_only,
                                                                         wait))


def backends() -> list[str]:
    """Names of registered backends."""
    return sorted(_REGISTRY)


def open_store(location: str | None = None, create: bool = True, read_only: bool = False,
               wait: float = DEFAULT_WAIT) -> Store:
    """Open the store at ``location`` (default ``$KG_STORE`` or ``./kg-data``).

    ``create=False`` raises :class:`~kg.errors.StoreError` when an on-disk store is missing;
    ``read_only=True`` opens an existing on-disk store for reading only (readers never wait);
    a writer waits up to ``wait`` seconds for another writer to finish.
    """
    location = location or os.environ.get("KG_STORE") or DEFAULT_LOCATION
    scheme, _, rest = location.partition(":")
    if scheme in _REGISTRY and (rest or scheme in ("memory", "oxigraph-memory")):
        return _REGISTRY[scheme](rest or None, create, read_only, wait)
    if location in _REGISTRY:
        return _REGISTRY[location](None, create, read_only, wait)
    return _REGISTRY["oxigraph"](location, create and not read_only, read_only, wait)


__all__ = ["QueryResult", "Store", "open_store", "register", "backends", "check_query_safety",
           "MemoryStore", "OxigraphStore"]
