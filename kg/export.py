"""Writers for the whole store: Turtle, TriG, N-Triples, N-Quads, JSON-LD — stable and sorted.

Writers sit in a registry (:data:`EXPORTERS`); contract tests round-trip each one.

>>> from kg.api import ingest_text, open_store
>>> store = open_store("memory")
>>> _ = ingest_text(store, "Lavrov bertemu Kim Jong Un.", doc_id="d", lang="id")
>>> export_text(store, "nt").splitlines()[0].startswith("<https://w3id.org/etkg/id/")
True
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from rdflib import Dataset, Graph, Literal
from rdflib.term import Node

from kg.errors import UsageError
from kg.rdf.build import PREFIXES
from kg.store import Store


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _nt(term: Node) -> str:
    """A term in N-Triples syntax (one line; literals escaped as the N-Triples grammar asks)."""
    if isinstance(term, Literal):
        body = '"' + "".join(_ESCAPES.get(ch, ch) for ch in str(term)) + '"'
        if term.language:
            return f"{body}@{term.language}"
        if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{body}^^<{term.datatype}>"
        return body
    return term.n3()


def _ntriples(store: Store) -> str:
    lines = {f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o, _ in store.quads()}
    return "".join(line + "\n" for line in sorted(lines))


def _nquads(store: Store) -> str:
    lines = [f"{_nt(s)} {_nt(p)} {_nt(o)} {_nt(g)} ." for s, p, o, g in store.quads()]
    return "".join(line + "\n" for line in sorted(lines))


def _turtle_body(graph: Graph) -> tuple[list[str], str]:
    text = graph.serialize(format="turtle")
    prefixes = [line for line in text.splitlines() if line.startswith("@prefix")]
    body = "\n".join(line for line in text.splitlines() if not line.startswith("@prefix")).strip()
    return prefixes, body


def _trig(store: Store) -> str:
    """TriG with graphs in sorted order, each written by the (sorted) Turtle serializer."""
    prefixes: set[str] = set()
    parts = []
    for graph_iri in store.graph_names():
        graph = _bound(Graph())
        for triple in store.graph_triples(graph_iri):
            graph.add(triple)
        used, body = _turtle_body(graph)
        prefixes.update(used)
        parts.append(f"<{graph_iri}> {{\n{body}\n}}\n")  # no re-indenting: literals span lines
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(parts)


def _canonical_json(value):
    """JSON-LD node and value lists are unordered: sort them so output is stable."""
    if isinstance(value, dict):
        return {k: _canonical_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _jsonld(store: Store) -> str:
    data = json.loads(_dataset(store).serialize(format="json-ld"))
    return json.dumps(_canonical_json(data), sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def _bound(graph):
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _dataset(store: Store) -> Dataset:
    dataset = _bound(Dataset())
    for s, p, o, g in store.quads():
        dataset.graph(g).add((s, p, o))
    return dataset


def _merged(store: Store) -> Graph:
    graph = _bound(Graph())
    for s, p, o, _ in store.quads():
        graph.add((s, p, o))
    return graph


EXPORTERS: dict[str, tuple[str, Callable[[Store], str]]] = {
    "turtle": (".ttl", lambda store: _merged(store).serialize(format="turtle")),
    "trig": (".trig", _trig),
    "nt": (".nt", _ntriples),
    "nquads": (".nq", _nquads),
    "jsonld": (".jsonld", _jsonld),
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
