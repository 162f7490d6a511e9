"""Embedded on-disk store on Oxigraph (pyoxigraph): the default backend, fast at millions of
triples. The new content of a write is added in one transaction.

>>> import tempfile
>>> from rdflib import URIRef, Literal
>>> with OxigraphStore(tempfile.mkdtemp()) as store:
...     store.replace_graphs({URIRef("urn:g"): [(URIRef("urn:a"), URIRef("urn:p"), Literal("x"))]})
...     store.query("SELECT ?o WHERE { ?s ?p ?o }").rows[0][0]
rdflib.term.Literal('x')
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import InvalidTermError, QueryError, StoreError
from kg.store.base import QueryResult, Store, Triple


def to_ox(term: Node):
    """rdflib term -> pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term) -> Node | None:
    """pyoxigraph term -> rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unsupported term {term!r}")


def _nt(term: Node) -> str:
    """A term in N-Triples/SPARQL syntax, written by Oxigraph (so escaping follows its parser)."""
    return str(to_ox(term))


def _data_blocks(verb: str, graphs: dict[URIRef, list[Triple]]) -> list[str]:
    """``INSERT DATA { GRAPH <g> { ... } }`` (or DELETE DATA) for the non-empty graphs."""
    parts = []
    for graph, triples in graphs.items():
        if triples:
            body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in triples)
            parts.append(f"{verb} DATA {{ GRAPH {_nt(graph)} {{\n{body}\n}} }}")
    return parts


class OxigraphStore(Store):
    name = "oxigraph"

    def __init__(self, location: str | None = None, create: bool = True, read_only: bool = False,
                 wait: float = 0.0) -> None:
        """``wait``: seconds a writer waits for another writer to release the store."""
        self.read_only = read_only
        if location is None:
            self.path = None
            self.store = ox.Store()
            return
        self.path = Path(location)
        exists = (self.path / "CURRENT").is_file()  # the marker file of an Oxigraph (RocksDB) store
        if not create and not exists:
            raise StoreError(f"no store at {location} (run kg ingest first, or pass --store)")
        if not exists and self.path.is_dir() and any(p.name != "LOCK" for p in self.path.iterdir()):
            raise StoreError(f"{location} is a folder that holds other files, not a store")
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            try:
                self.store = self._open(read_only)
                return
            except OSError as exc:
                first = str(exc).splitlines()[0] if str(exc) else repr(exc)
                if "lock" not in first.lower():
                    kind = "corrupted" if "corrupt" in first.lower() else "cannot open"
                    raise StoreError(f"{kind} store at {location}: {first[:200]}") from None
                if time.monotonic() >= deadline:
                    raise StoreError(f"store at {location} is in use by another writer (waited {wait:g} s); "
                                     "try again when it is done, or pass --wait SECONDS") from None
                time.sleep(0.2)
            except RuntimeError as exc:  # RocksDB corruption and other storage failures
                first = str(exc).splitlines()[0] if str(exc) else repr(exc)
                if "corrupt" in first.lower():
                    raise StoreError(f"store at {location} is corrupted ({first[:160]}); restore a backup or "
                                     "ingest again into a new store") from None
                raise StoreError(f"cannot open store at {location}: {first[:200]}") from None

    def _open(self, read_only: bool) -> ox.Store:
        if read_only:
            return ox.Store.read_only(str(self.path))
        self.path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(self.path))

    def replace_graphs(self, graphs: dict[URIRef, list[Triple]],
                       additions: dict[URIRef, list[Triple]] | None = None,
                       removals: dict[URIRef, list[Triple]] | None = None) -> None:
        # One SPARQL update is one Oxigraph transaction: the old graphs are dropped, stale
        # shared triples deleted and the new content inserted together, so a crash or kill -9
        # leaves either the old state or the new one, never a mix.
        try:
            operations = [f"DROP SILENT GRAPH {_nt(graph)}" for graph in graphs]
            operations += _data_blocks("DELETE", removals or {})
            operations += _data_blocks("INSERT", {**graphs, **{g: list(graphs.get(g, [])) + list(t)
                                                              for g, t in (additions or {}).items()}})
        except (ValueError, TypeError) as exc:  # checked before anything is written
            raise InvalidTermError(f"cannot write store at {self.path}: a term is not valid RDF ({str(exc)[:200]})") from None
        if not operations:
            return
        try:
            self.store.update(" ;\n".join(operations))
            self.store.flush()
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"cannot write store at {self.path}: {str(exc).splitlines()[0][:200]}") from None
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write store at {self.path}: a term is not valid RDF ({str(exc)[:200]})") from None

    def remove_graph(self, graph: URIRef) -> bool:
        node = ox.NamedNode(str(graph))
        if not self.store.contains_named_graph(node):
            return False
        self.store.remove_graph(node)
        self.store.flush()
        return True

    def graph_names(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_triples(self, graph: URIRef) -> set[Triple]:
        quads = self.store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)))
        return {(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)) for q in quads}

    def __len__(self) -> int:
        return len(self.store)

    def oxigraph_quads(self) -> Iterator[ox.Quad]:
        return (q for q in self.store.quads_for_pattern(None, None, None, None)
                if isinstance(q.graph_name, ox.NamedNode))

    def _run_query(self, sparql: str) -> QueryResult:
        try:
            result = self.store.query(sparql, use_default_graph_as_union=True)
            if isinstance(result, ox.QueryBoolean):
                return QueryResult("ask", boolean=bool(result))
            if isinstance(result, ox.QuerySolutions):
                variables = [v.value for v in result.variables]
                rows = [tuple(from_ox(solution[v]) for v in variables) for solution in result]
                return QueryResult("select", variables, rows)
            return QueryResult("graph", triples=sorted((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                                                       for t in result))
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {str(exc).splitlines()[0][:200]}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"SPARQL error: {str(exc).splitlines()[0][:200]}") from None

    def close(self) -> None:
        if getattr(self, "store", None) is not None:
            try:
                if not self.read_only:
                    self.store.flush()
            except OSError:
                pass
            del self.store
            self.store = None
