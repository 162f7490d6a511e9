"""The store interface every backend implements, and the shared query result type.

>>> check_query_safety("SELECT * WHERE { ?s ?p ?o }")
>>> check_query_safety("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.QueryError: SERVICE is not allowed: queries cannot reach the network
"""
from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Iterator

import pyoxigraph as ox
from rdflib.term import Node, URIRef

from kg.errors import QueryError

Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef]

# Escapes in prefixed names first ("ex:a\\#" holds no comment), then strings, IRIs, comments.
_STRIP_RE = re.compile(r'\\.|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_ESCAPE_RE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_UPDATE_RE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b\s*(DATA|WHERE|\{|SILENT|GRAPH|<|DEFAULT|NAMED|ALL)?", re.I)


def check_query_safety(sparql: str) -> None:
    """Refuse what could reach the network or change the store through ``query``."""
    # SPARQL applies \\u escapes before parsing ("\\u0053ERVICE" is SERVICE): undo them first.
    unescaped = _ESCAPE_RE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), sparql)
    bare = _STRIP_RE.sub(" ", unescaped)
    if re.search(r"\bSERVICE\b", bare, re.I):
        raise QueryError("SERVICE is not allowed: queries cannot reach the network")
    match = _UPDATE_RE.search(bare)
    if match and (match.group(1).upper() in ("LOAD", "INSERT", "DELETE", "CLEAR", "DROP") or match.group(2)):
        raise QueryError(f"{match.group(1).upper()} is not allowed: kg query is read-only (use kg ingest / kg remove)")


@dataclass
class QueryResult:
    """SELECT rows, an ASK boolean, or CONSTRUCT/DESCRIBE triples, with rdflib terms."""

    kind: str  # select, ask, graph
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Triple] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Node | None]]:
        """SELECT rows as ``{variable: term}`` dictionaries."""
        return [dict(zip(self.variables, row)) for row in self.rows]


class Store(ABC):
    """An RDF dataset with one named graph per article.

    Writes are atomic per call: :meth:`replace_graphs` either replaces every given graph or
    changes nothing.
    """

    name = "abstract"

    @abstractmethod
    def replace_graphs(self, graphs: dict[URIRef, list[Triple]],
                       additions: dict[URIRef, list[Triple]] | None = None,
                       removals: dict[URIRef, list[Triple]] | None = None) -> None:
        """Set each graph in ``graphs`` to exactly the given triples, delete ``removals`` from
        their graphs, then add ``additions`` to the content of their graphs (kept): all in one
        atomic write (a crash leaves the old state or the new one)."""

    @abstractmethod
    def remove_graph(self, graph: URIRef) -> bool:
        """Delete a named graph; False when it did not exist."""

    @abstractmethod
    def graph_names(self) -> list[URIRef]:
        """IRIs of the named graphs, sorted."""

    @abstractmethod
    def graph_triples(self, graph: URIRef) -> set[Triple]:
        """The triples of one named graph."""

    @abstractmethod
    def _run_query(self, sparql: str) -> QueryResult:
        """Backend query over the union of all named graphs."""

    def query(self, sparql: str) -> QueryResult:
        """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over all graphs."""
        check_query_safety(sparql)
        return self._run_query(sparql)

    def quads(self) -> Iterator[Quad]:
        """Every quad, sorted by graph then triple."""
        for graph in self.graph_names():
            for s, p, o in sorted(self.graph_triples(graph)):
                yield s, p, o, graph

    def oxigraph_quads(self) -> Iterator["ox.Quad"]:
        """Every quad of the named graphs as pyoxigraph terms (any order), for the serialisers."""
        from kg.store.oxigraph import to_ox

        for s, p, o, g in self.quads():
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g))

    def __len__(self) -> int:
        return sum(len(self.graph_triples(g)) for g in self.graph_names())

    def close(self) -> None:
        """Release files and locks."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

