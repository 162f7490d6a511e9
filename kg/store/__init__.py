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
_REGISTRY: dict[str, Callable[[str | None, bool, bool], Store]] = {}


def register(scheme: str, factory: Callable[[str | None, bool, bool], Store]) -> None:
    """Make ``open_store(scheme)`` or ``open_store(scheme + ':' + rest)`` build a backend; the
    factory gets (rest of the location, create, read_only)."""
    _REGISTRY[scheme] = factory


register("memory", lambda rest, create, read_only: MemoryStore(rest))
register("oxigraph-memory", lambda rest, create, read_only: OxigraphStore(None))
register("oxigraph", lambda rest, create, read_only: OxigraphStore(rest or DEFAULT_LOCATION, create, read_only))


def backends() -> list[str]:
    """Names of registered backends."""
    return sorted(_REGISTRY)


def open_store(location: str | None = None, create: bool = True, read_only: bool = False) -> Store:
    """Open the store at ``location`` (default ``$KG_STORE`` or ``./kg-data``).

    ``create=False`` raises :class:`~kg.errors.StoreError` when an on-disk store is missing;
    ``read_only=True`` opens an existing on-disk store for reading only.
    """
    location = location or os.environ.get("KG_STORE") or DEFAULT_LOCATION
    scheme, _, rest = location.partition(":")
    if scheme in _REGISTRY and (rest or scheme in ("memory", "oxigraph-memory")):
        return _REGISTRY[scheme](rest or None, create, read_only)
    if location in _REGISTRY:
        return _REGISTRY[location](None, create, read_only)
    return _REGISTRY["oxigraph"](location, create and not read_only, read_only)


__all__ = ["QueryResult", "Store", "open_store", "register", "backends", "check_query_safety",
           "MemoryStore", "OxigraphStore"]
