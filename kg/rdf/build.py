"""Extraction -> RDF triples in one named graph per article, with deterministic IRIs.

>>> from kg.read import document_from_text
>>> from kg.extract.pipeline import extract_document
>>> doc = document_from_text("Lavrov bertemu Kim Jong Un pada hari Sabtu.", doc_id="d1", lang="id",
...                          published="2025-07-12")
>>> iris = IRIs()
>>> graph_iri, triples, shared = document_triples(extract_document(doc), iris)
>>> str(graph_iri)
'https://w3id.org/etkg/id/graph/d1'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import yaml
from rdflib import RDF, XSD, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SKOS

from kg import __version__
from kg.errors import UsageError
from kg.extract.actors.nodes import country_actor
from kg.model import Actor, Event, Extraction, Place, TimeValue
from kg.rdf import vocab as K

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
PLOVER = Namespace("https://w3id.org/etkg/plover/")
WD = Namespace("http://www.wikidata.org/entity/")
DEFAULT_BASE = "https://w3id.org/etkg/id/"
PREFIXES = {"kg": K.KG, "sem": SEM, "nif": NIF, "schema": SCHEMA, "plover": PLOVER, "wd": WD,
            "prov": PROV, "skos": SKOS, "xsd": XSD}
Triple = tuple[URIRef, URIRef, URIRef | Literal]
SPARQL_PREFIXES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())

KIND_CLASS = {"person": K.Person, "organization": K.Organization, "country": K.Country, "group": K.Group}
MODALITY = {"asserted": K.asserted, "future": K.future, "negated": K.negated, "hypothetical": K.hypothetical}
ANCHOR = {"publication": K.publicationDate, "previous": K.previousTime, "none": K.noAnchor}
PRECISION = {"day": K.day, "week": K.week, "month": K.month, "year": K.year, "decade": K.decade,
             "century": K.century, "time": K.time}
STAMP_TYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


@lru_cache(maxsize=1)
def plover_modes() -> dict[str, set[str]]:
    """PLOVER type -> its modes, from ``kg/data/plover.yaml``."""
    path = Path(__file__).resolve().parents[1] / "data" / "plover.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {name: set(info.get("modes") or []) for name, info in data["types"].items()}


@dataclass(frozen=True)
class IRIs:
    """Deterministic IRIs under one configurable base (an absolute IRI; "/" is added if the base
    ends in neither "/" nor "#").

    >>> IRIs("http://example.org/kb").graph("a b")
    rdflib.term.URIRef('http://example.org/kb/graph/a%20b')
    """

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        base = self.base
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+", base or ""):
            raise UsageError(f"--base: {base!r} is not an absolute IRI (e.g. https://example.org/kg/)")
        if not base.endswith(("/", "#")):
            object.__setattr__(self, "base", base + "/")

    def _iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(quote(p, safe="-._~") for p in parts))

    def graph(self, doc_id: str) -> URIRef:
        return self._iri("graph", doc_id)

    def merges_graph(self) -> URIRef:
        """The graph of hand-made merges: ``<dropped> owl:sameAs <kept>``."""
        return URIRef(self.base + "merges")

    def shared_graph(self) -> URIRef:
        """The one graph that describes actors and places shared by all articles."""
        return URIRef(self.base + "shared")

    def article(self, doc_id: str) -> URIRef:
        return self._iri("article", doc_id)

    def span(self, doc_id: str, kind: str, start: int, end: int) -> URIRef:
        return self._iri("article", doc_id, f"{kind}{start}-{end}")

    def actor(self, actor: Actor) -> URIRef:
        return self._iri("actor", actor.key)

    def place(self, place: Place) -> URIRef:
        return self._iri("place", place.key)

    def event(self, doc_id: str, start: int, end: int, event_type: str = "", n: int = 1) -> URIRef:
        """An event read from the trigger at ``start``-``end``; its type (and a count, for a second
        event of that type on the trigger) keep two events of one trigger apart."""
        key = f"{start}-{end}" + (f"-{event_type}" if event_type else "") + (f"-{n}" if n > 1 else "")
        return self._iri("event", doc_id, key)


def _count(n: int) -> Literal:
    # xsd:integer, not xsd:nonNegativeInteger: Oxigraph stores the latter as the former, and the
    # graph must be the same in every backend (the shapes require >= 0).
    return Literal(n, datatype=XSD.integer)


def _bounds(node: URIRef, value: TimeValue) -> Iterator[Triple]:
    if value.earliest:
        yield node, SEM.hasEarliestBeginTimeStamp, Literal(value.earliest.isoformat(), datatype=XSD.date)
    if value.latest:
        yield node, SEM.hasLatestEndTimeStamp, Literal(value.latest.isoformat(), datatype=XSD.date)
    if value.precision in PRECISION and value.earliest:
        yield node, K.datePrecision, PRECISION[value.precision]


def _node_triples(node: URIRef, classes: tuple[URIRef, ...], name: str, country: str | None,
                  wikidata: str | None) -> Iterator[Triple]:
    """What actors and places share: classes, label, country, Wikidata item."""
    for cls in classes:
        yield node, RDF.type, cls
    yield node, SKOS.prefLabel, Literal(name)
    if country:
        yield node, K.country, Literal(country)
    if wikidata:
        yield node, K.wikidata, WD[wikidata]


def _actor_triples(node: URIRef, actor: Actor) -> Iterator[Triple]:
    yield from _node_triples(node, (KIND_CLASS[actor.kind], SEM.Actor), actor.name, actor.country, actor.wikidata)
    if actor.role:
        yield node, K.role, Literal(actor.role)
    if actor.sector:
        yield node, K.sector, Literal(actor.sector)


def document_triples(extraction: Extraction, iris: IRIs,
                     digest: str | None = None) -> tuple[URIRef, list[Triple], list[Triple]]:
    """The article's named-graph IRI, its triples, and the triples describing the
    actors and places it names (these go to the shared graph, :meth:`IRIs.shared_graph`, so that
    each actor is described once however many articles name it). ``digest`` (of the input the
    graph was made from) is kept as ``kg:inputDigest`` so an unchanged article can be skipped."""
    shared: list[Triple] = []
    doc = extraction.document
    art = iris.article(doc.id)
    out: list[Triple] = [
        (art, RDF.type, K.Article), (art, RDF.type, SCHEMA.NewsArticle),
        (art, K.documentId, Literal(doc.id)), (art, K.language, Literal(doc.lang)),
        (art, NIF.isString, Literal(doc.text)), (art, K.pipelineVersion, Literal(__version__)),
    ]
    if digest:
        out.append((art, K.inputDigest, Literal(digest)))
    if doc.published:
        out.append((art, SCHEMA.datePublished, Literal(doc.published.isoformat(), datatype=XSD.date)))
    if doc.title:
        out.append((art, SCHEMA.headline, Literal(doc.title)))
    if doc.url:
        out.append((art, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI)))
    sentence_iri = {}
    for s in extraction.sentences:
        node = iris.span(doc.id, "s", s.start, s.end)
        sentence_iri[s.index] = node
        out += [(node, RDF.type, K.Sentence), (node, NIF.beginIndex, _count(s.start)), (node, NIF.endIndex, _count(s.end)),
                (node, K.sentenceIndex, Literal(s.index)), (node, NIF.referenceContext, art),
                (node, K.inArticle, art), (node, NIF.anchorOf, Literal(doc.text[s.start:s.end]))]

    def mention(kind: str, cls: URIRef, start: int, end: int, text: str, sentence: int) -> URIRef:
        node = iris.span(doc.id, kind, start, end)
        out.extend([(node, RDF.type, cls), (node, NIF.beginIndex, _count(start)), (node, NIF.endIndex, _count(end)),
                    (node, NIF.anchorOf, Literal(text)), (node, NIF.sentence, sentence_iri[sentence]),
                    (node, K.inArticle, art)])
        return node

    for m in extraction.actors:
        node, actor_node = mention("a", K.ActorMention, m.start, m.end, m.text, m.sentence), iris.actor(m.actor)
        out += [(node, K.mentionOf, actor_node), (actor_node, K.hasMention, node)]
        if m.actor.role:  # what supports the actor's kg:role in the shared graph
            out.append((node, K.role, Literal(m.actor.role)))
        shared.extend(_actor_triples(actor_node, m.actor))
        if m.text != m.actor.name:
            shared.append((actor_node, SKOS.altLabel, Literal(m.text)))
    places = {}
    for m in extraction.places:
        node, place_node = mention("p", K.PlaceMention, m.start, m.end, m.text, m.sentence), iris.place(m.place)
        places[m.place.key] = place_node
        out += [(node, K.mentionOf, place_node), (place_node, K.hasMention, node)]
        shared.extend(_place_triples(place_node, m.place, iris))
    time_iri = {}
    for t in extraction.times:
        node = mention("t", K.TimeExpression, t.start, t.end, t.text, t.sentence)
        time_iri[(t.start, t.end)] = node
        out += [(node, K.timexValue, Literal(t.value.value)), (node, K.timexType, Literal(t.type)),
                (node, K.anchoredOn, ANCHOR[t.anchor])]
        out += list(_bounds(node, t.value))
    taken: set[URIRef] = set()
    for group in same_event_groups(extraction.events):
        e = max(group, key=_informative)  # the mention that says most gives type, date and mode
        first = group[0].trigger
        node = next(iri for n in range(1, len(extraction.events) + 2)
                    if (iri := iris.event(doc.id, first.start, first.end, e.type, n)) not in taken)
        taken.add(node)
        out += [(node, RDF.type, K.Event), (node, RDF.type, SEM.Event), (node, SEM.eventType, PLOVER[e.type]),
                (node, K.modality, MODALITY[e.modality])]
        for m in group:
            em = mention("e", K.EventMention, m.trigger.start, m.trigger.end, m.trigger_text, m.sentence)
            out += [(node, K.hasMention, em), (em, K.sentenceIndex, Literal(m.sentence)),
                    (node, PROV.wasDerivedFrom, sentence_iri[m.sentence])]
        if e.mode and e.mode in plover_modes().get(e.type, set()):
            out.append((node, K.ploverMode, PLOVER[f"{e.type}-{e.mode}"]))
        for role, attribute in ((K.source, "source"), (K.target, "target"), (SEM.accordingTo, "according_to")):
            for actor in dict.fromkeys(a for m in group for a in getattr(m, attribute)):
                out.append((node, role, iris.actor(actor)))
                shared.extend(_actor_triples(iris.actor(actor), actor))
                if role != SEM.accordingTo:
                    out.append((node, SEM.hasActor, iris.actor(actor)))
        place = e.place or next((m.place for m in group if m.place), None)
        if place:
            place_node = places.get(place.key) or iris.place(place)
            out.append((node, SEM.hasPlace, place_node))
            shared.extend(_place_triples(place_node, place, iris))
        if e.date and e.date.earliest:
            if e.date.precision in STAMP_TYPE:
                stamp = e.date.value[:10] if e.date.precision == "day" else e.date.value
                out.append((node, SEM.hasTimeStamp, Literal(stamp, datatype=STAMP_TYPE[e.date.precision])))
            out += list(_bounds(node, e.date))
            if e.date_mention is not None:
                out.append((node, K.dateExpression, time_iri[(e.date_mention.start, e.date_mention.end)]))
        elif e.latest_bound:
            out.append((node, SEM.hasLatestEndTimeStamp, Literal(e.latest_bound.isoformat(), datatype=XSD.date)))
        quantities = list(dict.fromkeys(q for m in group for q in m.quantities))
        for n, q in enumerate(quantities):
            qn = URIRef(f"{node}/q{n}")
            out += [(node, K.hasQuantity, qn), (qn, RDF.type, K.Quantity), (qn, K.unit, Literal(q.unit))]
            for prop, number in ((RDF.value, q.value), (K.minValue, q.min), (K.maxValue, q.max)):
                if number is not None:
                    out.append((qn, prop, _number(number)))
    return iris.graph(doc.id), list(dict.fromkeys(out)), _one_label_each(shared)


def _number(number: float) -> Literal:
    """A quantity as xsd:integer or xsd:decimal (the shapes' datatypes; never xsd:double)."""
    if float(number).is_integer():
        return Literal(int(number))
    return Literal(Decimal(repr(float(number))), datatype=XSD.decimal)


def _informative(event: Event) -> tuple:
    precision_rank = {"day": 3, "month": 2, "year": 1}
    return (event.date is not None and event.date.earliest is not None,
            precision_rank.get(event.date.precision if event.date else None, 0), len(event.target), -event.sentence)


def same_event_groups(events: list[Event]) -> list[list[Event]]:
    """Mentions of one event in one article, grouped: the same type, modality, source and target,
    and either the same date or an undated headline mention ("Diplomat tinggi Rusia bertemu Kim
    Jong Un" + "Lavrov bertemu dengan ... Kim Jong Un pada hari Sabtu"). Places must not differ.
    ``kg extract`` keeps every mention; the graph gets one event node with all of them."""
    groups: list[list[Event]] = []
    for event in events:
        home = next((g for g in groups if all(_same_event(m, event) for m in g)), None)
        if home is None:
            groups.append([event])
        else:
            home.append(event)
    return groups


def _same_event(a: Event, b: Event) -> bool:
    if (a.type, a.modality) != (b.type, b.modality) or not a.source or set(a.source) != set(b.source):
        return False
    if set(a.target) != set(b.target) or (a.place and b.place and a.place.key != b.place.key):
        return False
    a_date = a.date.value if a.date and a.date.earliest else None
    b_date = b.date.value if b.date and b.date.earliest else None
    if a_date and b_date:
        return a_date == b_date
    return (a_date is None and a.sentence == 0) or (b_date is None and b.sentence == 0)  # headline


def _one_label_each(triples: list[Triple]) -> list[Triple]:
    """De-duplicate; keep the first label of a node so each actor has exactly one prefLabel."""
    seen: set[URIRef] = set()
    out = []
    for s, p, o in dict.fromkeys(triples):
        if p == SKOS.prefLabel:
            if s in seen:
                continue
            seen.add(s)
        out.append((s, p, o))
    return out


def _place_triples(node: URIRef, place: Place, iris: IRIs) -> Iterator[Triple]:
    yield from _node_triples(node, (K.Place, SEM.Place), place.name, place.country, place.wikidata)
    if place.geonames:
        yield node, K.geonames, URIRef(f"https://sws.geonames.org/{place.geonames}/")
    if place.stands_for:  # the state a capital stands for is described too: every actor has its label
        state = country_actor(place.stands_for)
        yield node, K.standsFor, iris.actor(state)
        yield from _actor_triples(iris.actor(state), state)
