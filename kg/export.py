"""Writers for the whole store: Turtle, TriG, N-Triples, N-Quads, JSON-LD — stable and sorted,
written by Oxigraph's serialisers.

Writers sit in a registry (:data:`EXPORTERS`); contract tests round-trip each one.

>>> from kg.api import ingest_text, open_store
>>> store = open_store("memory")
>>> _ = ingest_text(store, "Lavrov bertemu Kim Jong Un.", doc_id="d", lang="id")
>>> export_text(store, "nt").splitlines()[0].startswith("<https://w3id.org/etkg/id/")
True
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from kg.errors import UsageError
from kg.rdf.build import PREFIXES
from kg.store import Store


def _sorted_quads(store: Store) -> list[ox.Quad]:
    """Every quad of the store's named graphs, sorted by graph, subject, predicate, object."""
    return sorted(store.oxigraph_quads(), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate),
                                                         str(q.object)))


def _serialize(items: list, fmt: ox.RdfFormat) -> str:
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    data = ox.serialize(items, format=fmt, prefixes=prefixes if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)
                        else None)
    return (data or b"").decode("utf-8")


def _quads_as(fmt: ox.RdfFormat) -> Callable[[Store], str]:
    return lambda store: _serialize(_sorted_quads(store), fmt)


def _triples_as(fmt: ox.RdfFormat) -> Callable[[Store], str]:
    """The union of all graphs as one graph (each triple once)."""
    def write(store: Store) -> str:
        triples = dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in _sorted_quads(store))
        return _serialize(sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object))), fmt)
    return write


# Every writer is Oxigraph's serialiser (escaping as its parsers and rdflib expect, for any
# Unicode in any text), fed in sorted order so that the output is stable.
EXPORTERS: dict[str, tuple[str, Callable[[Store], str]]] = {
    "turtle": (".ttl", _triples_as(ox.RdfFormat.TURTLE)),
    "trig": (".trig", _quads_as(ox.RdfFormat.TRIG)),
    "nt": (".nt", _triples_as(ox.RdfFormat.N_TRIPLES)),
    "nquads": (".nq", _quads_as(ox.RdfFormat.N_QUADS)),
    "jsonld": (".jsonld", _quads_as(ox.RdfFormat.JSON_LD)),
}
RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nquads": "nquads", "jsonld": "json-ld"}


def register_exporter(name: str, suffix: str, writer: Callable[[Store], str]) -> None:
    """Add an export format."""
    EXPORTERS[name] = (suffix, writer)


def export_text(store: Store, fmt: str) -> str:
    """The whole store in ``fmt`` (one of :data:`EXPORTERS`)."""
    if fmt not in EXPORTERS:
        raise UsageError(f"unknown export format {fmt!r} (choose from {', '.join(sorted(EXPORTERS))})")
    return EXPORTERS[fmt][1](store)


def check_writable(path: str | Path) -> Path:
    """An output path whose folder exists and that is not a folder itself (else :class:`UsageError`)."""
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{path}: is a directory, not an output file")
    if not target.parent.is_dir():
        raise UsageError(f"{path}: no such directory {str(target.parent)!r}")
    return target


def write_text_atomically(path: str | Path, text: str) -> Path:
    """Write to a temporary file beside ``path``, then rename: never a half-written output."""
    target = check_writable(path)
    tmp = target.with_name(target.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"{path}: cannot write ({exc.strerror})") from None
    return target


def export_file(store: Store, fmt: str, path: str | Path) -> Path:
    """Write the store to ``path`` in ``fmt``."""
    check_writable(path)
    return write_text_atomically(path, export_text(store, fmt))
