"""The NetworkX view of a store: actors and events, timelines, ego networks.

>>> from kg.api import ingest_text, open_store
>>> store = open_store("memory")
>>> _ = ingest_text(store, "Lavrov bertemu Kim Jong Un pada hari Sabtu.", doc_id="d", lang="id",
...                 published="2025-07-12")
>>> net = EventNetwork.from_store(store)
>>> [(row.date, row.type, row.source, row.target) for row in net.timeline()]
[('2025-07-12', 'CONSULT', ['Sergey Lavrov'], ['Kim Jong Un'])]
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

import networkx as nx

from kg.errors import UsageError
from kg.rdf.build import SPARQL_PREFIXES
from kg.store import Store

PREFIXES = SPARQL_PREFIXES
EVENTS_QUERY = PREFIXES + """
SELECT ?event ?type ?modality ?stamp ?earliest ?latest ?placeLabel ?sentence ?doc ?trigger ?begin ?dated WHERE {
  ?event a kg:Event ; sem:eventType ?type ; kg:modality ?modality ; kg:hasMention ?em .
  ?em nif:sentence ?s ; kg:inArticle ?a ; nif:anchorOf ?trigger ; nif:beginIndex ?begin .
  ?s nif:anchorOf ?sentence . ?a kg:documentId ?doc .
  OPTIONAL { ?event sem:hasTimeStamp ?stamp }
  OPTIONAL { ?event sem:hasEarliestBeginTimeStamp ?earliest }
  OPTIONAL { ?event sem:hasLatestEndTimeStamp ?latest }
  OPTIONAL { ?event sem:hasPlace ?place . ?place skos:prefLabel ?placeLabel }
  OPTIONAL { ?event kg:dateExpression/nif:sentence ?ds . FILTER(?ds = ?s) BIND(true AS ?dated) }
}"""
ROLES_QUERY = PREFIXES + """
SELECT ?event ?role ?actor WHERE {
  ?event a kg:Event .
  { ?event kg:source ?actor BIND("source" AS ?role) } UNION { ?event kg:target ?actor BIND("target" AS ?role) }
  UNION { ?event sem:accordingTo ?actor BIND("according_to" AS ?role) }
}"""
ACTORS_QUERY = PREFIXES + """
SELECT ?actor ?label ?kind ?country ?alt WHERE {
  ?actor skos:prefLabel ?label ; a ?kind .
  FILTER(?kind IN (kg:Person, kg:Organization, kg:Country, kg:Group))
  OPTIONAL { ?actor kg:country ?country }
  OPTIONAL { ?actor skos:altLabel ?alt }
}"""


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


@dataclass
class TimelineRow:
    """One event on a timeline."""

    date: str | None
    earliest: str | None
    latest: str | None
    type: str
    modality: str
    source: list[str]
    target: list[str]
    according_to: list[str]
    place: str | None
    sentence: str
    article: str
    trigger: str
    event: str
    dated: bool = True

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EventNetwork:
    """A ``MultiDiGraph`` of actor and event nodes (actor -source-> event -target-> actor)."""

    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)

    @classmethod
    def from_store(cls, store: Store) -> "EventNetwork":
        """Read every event and actor of ``store`` into a graph."""
        g = nx.MultiDiGraph()
        for row in store.query(ACTORS_QUERY).dicts():
            node = str(row["actor"])
            data = g.nodes[node] if node in g else {}
            aliases = set(data.get("aliases", [])) | ({str(row["alt"])} if row["alt"] else set())
            g.add_node(node, kind="actor", label=str(row["label"]), actor_kind=str(row["kind"]).rsplit("#", 1)[-1].lower(),
                       country=str(row["country"]) if row["country"] else None, aliases=sorted(aliases))
        for row in store.query(EVENTS_QUERY).dicts():
            node = str(row["event"])
            rank = (0 if row["dated"] else 1, int(row["begin"]))  # show the mention that gives the date
            if node in g and g.nodes[node].get("rank", (2, 0)) <= rank:
                continue
            g.add_node(node, kind="event", type=str(row["type"]).rsplit("/", 1)[-1],
                       modality=str(row["modality"]).rsplit("#", 1)[-1],
                       date=str(row["stamp"]) if row["stamp"] else None,
                       earliest=str(row["earliest"]) if row["earliest"] else None,
                       latest=str(row["latest"]) if row["latest"] else None,
                       place=str(row["placeLabel"]) if row["placeLabel"] else None,
                       sentence=str(row["sentence"]), article=str(row["doc"]), trigger=str(row["trigger"]),
                       begin=int(row["begin"]), rank=rank)
        for row in sorted(store.query(ROLES_QUERY).dicts(), key=lambda r: (str(r["event"]), str(r["role"]), str(r["actor"]))):
            event, actor, role = str(row["event"]), str(row["actor"]), str(row["role"])
            if event not in g or actor not in g:
                continue
            if role == "target":
                g.add_edge(event, actor, key=role, role=role)
            else:
                g.add_edge(actor, event, key=role, role=role)
        return cls(g)

    # ------------------------------------------------------------------ lookups
    def find_actors(self, name: str) -> set[str]:
        """Actor nodes whose label, alias, IRI or country code matches ``name``."""
        wanted = _norm(name)
        exact = {n for n, d in self.graph.nodes(data=True) if d["kind"] == "actor" and (
            wanted in {_norm(d["label"]), *(_norm(a) for a in d["aliases"])} or n == name
            or n.rsplit("/", 1)[-1] == name)}
        if exact:
            return exact
        return {n for n, d in self.graph.nodes(data=True) if d["kind"] == "actor" and wanted in _norm(d["label"])}

    def _actors_of(self, event: str, role: str) -> list[str]:
        if role == "target":
            return sorted(v for _, v, k in self.graph.out_edges(event, keys=True) if k == role)
        return sorted(u for u, _, k in self.graph.in_edges(event, keys=True) if k == role)

    def _label(self, node: str) -> str:
        return self.graph.nodes[node]["label"]

    # ------------------------------------------------------------------ timeline
    def timeline(self, actor: str | None = None, with_actor: str | None = None, start: str | None = None,
                 end: str | None = None, types: Iterable[str] | None = None,
                 asserted_only: bool = False) -> list[TimelineRow]:
        """Events in date order (by earliest bound); undated events last, marked ``dated=False``.

        ``actor``/``with_actor`` keep events where those actors take part (any role but
        attribution); ``start``/``end`` (ISO dates) keep dated events whose bounds overlap
        the window; ``types`` keeps PLOVER types.
        """
        first = self._required(actor) if actor else None
        second = self._required(with_actor) if with_actor else None
        window_start, window_end = _iso(start, "--from"), _iso(end, "--to", end=True)
        type_set = {t.upper() for t in types} if types else None
        rows = []
        for node, data in self.graph.nodes(data=True):
            if data["kind"] != "event":
                continue
            sources, targets = self._actors_of(node, "source"), self._actors_of(node, "target")
            parties = set(sources) | set(targets)
            if first is not None and not parties & first:
                continue
            if second is not None and not parties & second:
                continue
            if type_set and data["type"] not in type_set:
                continue
            if asserted_only and data["modality"] != "asserted":
                continue
            dated = data["earliest"] is not None
            if (window_start or window_end) and not dated:
                continue
            if window_start and data["latest"] < window_start:
                continue
            if window_end and data["earliest"] > window_end:
                continue
            rows.append(TimelineRow(
                data["date"] or (None if not dated else data["earliest"]), data["earliest"], data["latest"],
                data["type"], data["modality"], [self._label(a) for a in sources], [self._label(a) for a in targets],
                [self._label(a) for a in self._actors_of(node, "according_to")], data["place"], data["sentence"],
                data["article"], data["trigger"], node, dated))
        rows.sort(key=lambda r: (not r.dated, r.earliest or "", r.latest or "", r.article, r.event))
        return rows

    def _required(self, name: str) -> set[str]:
        found = self.find_actors(name)
        if not found:
            raise UsageError(f"no actor matches {name!r} in the store")
        return found

    # ------------------------------------------------------------------ actor graph
    def actor_graph(self, **filters: Any) -> nx.MultiDiGraph:
        """Actors as nodes, each event as a directed edge source -> target (filters as :meth:`timeline`)."""
        g = nx.MultiDiGraph()
        for row in self.timeline(**filters):
            sources = self._actors_of(row.event, "source")
            targets = self._actors_of(row.event, "target")
            for s in sources:
                for t in (t for t in targets if t != s):  # "X and Y met": X -> Y and Y -> X, no self-loops
                    for node in (s, t):
                        d = self.graph.nodes[node]
                        g.add_node(node, label=d["label"], kind=d["actor_kind"], country=d["country"] or "")
                    g.add_edge(s, t, key=row.event, type=row.type, date=row.date or "", modality=row.modality,
                               sentence=row.sentence, article=row.article, place=row.place or "")
        return g

    def ego(self, actor: str, start: str | None = None, end: str | None = None, radius: int = 1) -> nx.MultiDiGraph:
        """The actor graph around ``actor`` within ``radius`` hops, for events in a window."""
        centre = self._required(actor)
        g = self.actor_graph(start=start, end=end)
        keep: set[str] = set()
        for node in centre & set(g.nodes):
            keep |= set(nx.ego_graph(g.to_undirected(as_view=True), node, radius=radius).nodes)
        return g.subgraph(keep).copy()


def write_graph_file(graph: nx.MultiDiGraph, path: str, fmt: str) -> None:
    """Write an actor graph as GraphML or GEXF (for Gephi); attributes without a value are left out."""
    from kg.export import write_text_atomically

    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, {k: v for k, v in d.items() if v is not None}) for n, d in graph.nodes(data=True))
    flat.add_edges_from((u, v, k, {a: b for a, b in d.items() if b is not None})
                        for u, v, k, d in graph.edges(keys=True, data=True))
    lines = nx.generate_graphml(flat) if fmt == "graphml" else nx.generate_gexf(flat)
    write_text_atomically(path, "\n".join(lines) + "\n")


def _iso(value: str | None, option: str, end: bool = False) -> str | None:
    """An ISO day for a window bound; a year or month means its first (or, for ``end``, last) day."""
    if value is None:
        return None
    text = str(value)
    try:
        if len(text) == 4:
            return f"{int(text):04d}-12-31" if end else f"{int(text):04d}-01-01"
        if len(text) == 7:
            first = dt.date(int(text[:4]), int(text[5:7]), 1)
            if not end:
                return first.isoformat()
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return (following - dt.timedelta(days=1)).isoformat()
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise UsageError(f"{option}: impossible date {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)") from None
