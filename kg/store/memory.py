"""In-memory store on rdflib's Dataset: for the Python API, tests and small jobs.

>>> from rdflib import URIRef, Literal
>>> store = MemoryStore()
>>> g = URIRef("urn:g")
>>> store.replace_graphs({g: [(URIRef("urn:a"), URIRef("urn:p"), Literal(1))]})
>>> store.query("ASK { ?s ?p 1 }").boolean
True
"""
from __future__ import annotations

import rdflib.plugins.sparql as rdflib_sparql
from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result

from kg.errors import QueryError
from kg.store.base import QueryResult, Store, Triple

# Never fetch graphs named in FROM / FROM NAMED from the web, and never call a SERVICE, even if a
# query slipped past check_query_safety.
rdflib_sparql.SPARQL_LOAD_GRAPHS = False


def _no_service(*_args, **_kwargs):
    raise QueryError("SERVICE is not allowed: queries cannot reach the network")


import rdflib.plugins.sparql.evaluate as _rdflib_evaluate  # noqa: E402

_rdflib_evaluate.evalServiceQuery = _no_service


class MemoryStore(Store):
    name = "memory"

    def __init__(self, location: str | None = None) -> None:
        self.dataset = Dataset(default_union=True)

    def replace_graphs(self, graphs: dict[URIRef, list[Triple]],
                       additions: dict[URIRef, list[Triple]] | None = None,
                       removals: dict[URIRef, list[Triple]] | None = None) -> None:
        staged = {}
        for iri, triples in graphs.items():  # built first: a bad term fails before any change
            graph = Graph(identifier=iri)
            for triple in triples:
                graph.add(triple)
            staged[iri] = graph
        for iri, graph in staged.items():
            self.dataset.remove_graph(self.dataset.graph(iri))
            target = self.dataset.graph(iri)
            for triple in graph:
                target.add(triple)
        for iri, triples in (removals or {}).items():
            target = self.dataset.graph(iri)
            for triple in triples:
                target.remove(triple)
        for iri, triples in (additions or {}).items():
            target = self.dataset.graph(iri)
            for triple in triples:
                target.add(triple)

    def remove_graph(self, graph: URIRef) -> bool:
        if graph not in self.graph_names():
            return False
        self.dataset.remove_graph(self.dataset.graph(graph))
        return True

    def graph_names(self) -> list[URIRef]:
        return sorted(c.identifier for c in self.dataset.graphs()
                      if isinstance(c.identifier, URIRef) and len(c) > 0 and str(c.identifier) != "urn:x-rdflib:default")

    def graph_triples(self, graph: URIRef) -> set[Triple]:
        return set(self.dataset.graph(graph))

    def _run_query(self, sparql: str) -> QueryResult:
        try:
            result: Result = self.dataset.query(sparql)
        except QueryError:
            raise
        except Exception as exc:  # rdflib raises pyparsing errors and others
            raise QueryError(f"SPARQL error: {str(exc).splitlines()[0][:200]}") from None
        if result.type == "ASK":
            return QueryResult("ask", boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult("graph", triples=sorted(result.graph))
        variables = [str(v) for v in result.vars]
        return QueryResult("select", variables, [tuple(row) for row in result])
