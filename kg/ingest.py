"""Ingest: extract articles and write their graphs, one bad article never stopping the others.

Articles are read lazily, extracted one by one and written in bounded batches; each batch is one
atomic store write (old graphs replaced, stale shared descriptions removed and new ones added
together), so memory stays bounded and a crash leaves each batch either before or after.
An article whose input (text, metadata, options, pipeline version) is unchanged since it was
stored is skipped before extraction.

>>> from kg.store import open_store
>>> from kg.read import ReadResult, document_from_text
>>> store = open_store("memory")
>>> good = ReadResult("a.txt", document_from_text("Rusia menyerang Ukraina.", doc_id="a", lang="id"))
>>> bad = ReadResult("b.txt", error="b.txt: empty input (no text)")
>>> summary = ingest_results(store, [good, bad])
>>> summary.documents, summary.failed, summary.failures[0].reason
(1, 1, 'b.txt: empty input (no text)')
>>> ingest_results(store, [good]).unchanged
1
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from kg import __version__
from kg.errors import InputError, InvalidTermError, KGError
from kg.extract.pipeline import extract_document
from kg.model import Document
from kg.rdf import vocab as K
from kg.rdf.build import IRIs, Triple, document_triples
from kg.read import ReadResult
from kg.store import Store

BATCH_DOCUMENTS = 200        # articles per store transaction
BATCH_TRIPLES = 250_000      # ... or fewer, when they are large
BATCH_CHARS = 20_000_000     # ... or fewer, when their texts are long (the text is stored twice)
OWL_SAME_AS = URIRef("http://www.w3.org/2002/07/owl#sameAs")
FUNCTIONAL = frozenset({SKOS.prefLabel, K.country, K.wikidata})  # one value per actor or place (the shapes)


@dataclass
class IngestFailure:
    """An input that was not stored, and why (one line)."""

    source: str
    record_id: str | None
    reason: str


@dataclass
class IngestSummary:
    """What an ingest did: articles stored, skipped as unchanged, and failed (with reasons)."""

    documents: int = 0
    sentences: int = 0
    events: int = 0
    triples: int = 0
    unchanged: int = 0
    failures: list[IngestFailure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def seen(self) -> int:
        return self.documents + self.unchanged + self.failed


Progress = Callable[[IngestSummary], None]


def file_digest(path: str | None) -> str | None:
    """SHA-256 of a file's bytes (None for no file)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else None


def input_digest(document: Document, base: str, actors_digest: str | None) -> str:
    """SHA-256 of everything an article's graph depends on besides the code's data files
    (``actors_digest``: :func:`file_digest` of the ``--actors`` file)."""
    key = [__version__, base, actors_digest, document.id, document.text, document.lang,
           document.published.isoformat() if document.published else None, document.title, document.url]
    return hashlib.sha256(json.dumps(key, ensure_ascii=True).encode("ascii")).hexdigest()


def stored_digests(store: Store) -> dict[URIRef, str]:
    """Graph IRI -> the input digest its article was stored with."""
    rows = store.query(f"SELECT ?g ?d WHERE {{ GRAPH ?g {{ ?a <{K.inputDigest}> ?d }} }}").rows
    return {URIRef(str(g)): str(d) for g, d in rows}


def merges(store: Store, iris: IRIs) -> dict[URIRef, URIRef]:
    """Hand-made merges kept in the store: dropped actor -> kept actor."""
    if iris.merges_graph() not in store.graph_names():
        return {}
    return {s: o for s, p, o in store.graph_triples(iris.merges_graph()) if p == OWL_SAME_AS}


def apply_merges(triples: Iterable[Triple], merged: dict) -> list[Triple]:
    """Triples with merged actors replaced by the kept ones; the kept actor's own label, country
    and Wikidata item win over the dropped one's (one of each per node)."""
    out, seen = [], set()
    for s, p, o in sorted(triples, key=lambda t: t[0] in merged):  # the kept actors' own triples first
        s, o = merged.get(s, s), merged.get(o, o)
        if p in FUNCTIONAL:
            if (s, p) in seen:
                continue
            seen.add((s, p))
        out.append((s, p, o))
    return list(dict.fromkeys(out))


class _Batch:
    """Graphs waiting for one store write."""

    def __init__(self) -> None:
        self.graphs: dict[URIRef, list[Triple]] = {}
        self.shared: dict[URIRef, list[Triple]] = {}  # per article, so one bad article can be left out
        self.sources: dict[URIRef, tuple[str, str]] = {}
        self.triples = self.chars = 0

    def full(self) -> bool:
        return (len(self.graphs) >= BATCH_DOCUMENTS or self.triples >= BATCH_TRIPLES
                or self.chars >= BATCH_CHARS)


class Ingester:
    """Extract and store articles in batches (see the module docstring)."""

    def __init__(self, store: Store, base: str, actors_file: str | None = None, fail_fast: bool = False,
                 progress: Progress | None = None) -> None:
        self.store, self.iris, self.actors_file = store, IRIs(base), actors_file
        self.actors_digest = file_digest(actors_file)  # read once, not once per article
        self.fail_fast, self.progress = fail_fast, progress
        self.summary = IngestSummary()
        self.merged = merges(store, self.iris)
        self.digests = stored_digests(store)
        self.existing = set(store.graph_names())  # graphs stored before this run (with or without a digest)
        shared = self.iris.shared_graph()
        known = store.graph_triples(shared) if shared in store.graph_names() else set()
        self.known_shared = set(known)
        self.labelled = {(s, p) for s, p, _ in known if p in FUNCTIONAL}
        self.seen_ids: set[URIRef] = set()
        self.batch = _Batch()

    def add(self, result: ReadResult) -> None:
        """Read result -> stored, skipped as unchanged, or counted as a failure."""
        if result.error or result.document is None:
            self._fail(result.source, result.record_id, result.error or f"{result.source}: no document")
        else:
            self._add_document(result.document, result.source)
        if self.batch.full():
            self.flush()

    def _add_document(self, document: Document, source: str) -> None:
        graph = self.iris.graph(document.id)
        if graph in self.seen_ids:
            self._fail(source, document.id, f"{source}: duplicate document id {document.id!r} in this input")
            return
        self.seen_ids.add(graph)
        digest = input_digest(document, self.iris.base, self.actors_digest)
        if self.digests.get(graph) == digest:
            self.summary.unchanged += 1
            self._report()
            return
        try:
            extraction = extract_document(document, self.actors_file)
            graph, triples, described = document_triples(extraction, self.iris, digest)
        except KGError as exc:
            self._fail(source, document.id, str(exc))
            return
        except Exception as exc:  # a bug in extraction: this article fails, the others go on
            self._fail(source, document.id, f"{source}: internal error: {exc!r} (please report it)")
            return
        if self.merged:
            triples, described = apply_merges(triples, self.merged), apply_merges(described, self.merged)
        self.batch.graphs[graph] = triples
        self.batch.shared[graph] = described
        self.batch.sources[graph] = (source, document.id)
        self.batch.triples += len(triples)
        self.batch.chars += len(document.text)
        self.summary.documents += 1
        self.summary.sentences += len(extraction.sentences)
        self.summary.events += len(extraction.events)
        self.summary.triples += len(triples)

    def _fail(self, source: str, record_id: str | None, reason: str) -> None:
        if self.fail_fast:
            raise InputError.from_line(reason if reason.startswith(source) else f"{source}: {reason}")
        self.summary.failures.append(IngestFailure(source, record_id, reason))
        self._report()

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.summary)

    def flush(self) -> None:
        """Write the batch: one atomic store write. A term no RDF store takes (a bad IRI from an
        actors file) fails the batch before anything is written; its articles are then written
        one by one, and only those holding such a term fail."""
        batch, self.batch = self.batch, _Batch()
        if not batch.graphs:
            return
        try:
            self._write(batch)
        except InvalidTermError:
            for graph in batch.graphs:
                single = _Batch()
                single.graphs[graph], single.shared[graph] = batch.graphs[graph], batch.shared[graph]
                try:
                    self._write(single)
                except InvalidTermError as exc:
                    source, doc_id = batch.sources[graph]
                    self.summary.documents -= 1
                    self._fail(source, doc_id, f"{source}: {exc}")
        self._report()

    def _write(self, batch: _Batch) -> None:
        shared = self.iris.shared_graph()
        new_shared = []
        for s, p, o in dict.fromkeys(t for triples in batch.shared.values() for t in triples):
            if (s, p, o) in self.known_shared or (p in FUNCTIONAL and (s, p) in self.labelled):
                continue  # one label, one country per node: the first one stored stays
            new_shared.append((s, p, o))
            self.known_shared.add((s, p, o))
            if p in FUNCTIONAL:
                self.labelled.add((s, p))
        replaced = [g for g in batch.graphs if g in self.existing]
        stale = stale_shared(self.store, self.iris, replaced, batch.graphs, self.known_shared) if replaced else []
        try:
            self.store.replace_graphs(batch.graphs, {shared: new_shared} if new_shared else None,
                                      {shared: stale} if stale else None)
        except InvalidTermError:
            self.known_shared.difference_update(new_shared)
            self.labelled.difference_update((s, p) for s, p, _ in new_shared if p in FUNCTIONAL)
            raise
        self.known_shared.difference_update(stale)
        self.labelled.difference_update((s, p) for s, p, _ in stale if p in FUNCTIONAL)


def stale_shared(store: Store, iris: IRIs, replaced: list[URIRef], new_graphs: dict[URIRef, list[Triple]],
                 shared_triples: set[Triple]) -> list[Triple]:
    """Shared triples that no article will support once ``replaced`` graphs hold ``new_graphs``:
    nodes no longer named, alternative labels and roles no mention still carries. Only what the
    replaced graphs named can lose its support, so only those nodes are looked up in the store
    (the cost follows the batch, not the store)."""
    affected = {o for g in replaced for _, _, o in store.graph_triples(g) if isinstance(o, URIRef)}
    _add_represented(affected, shared_triples)  # a state described because a capital stood for it
    candidates = [t for t in shared_triples if t[0] in affected]
    if not candidates:
        return []
    nodes = {t[0] for t in candidates}
    nodes |= {s for s, p, o in shared_triples if p == K.standsFor and o in nodes}  # its capitals
    named, labels, roles = support(store, iris, exclude=set(replaced), nodes=nodes)
    for triples in new_graphs.values():
        _support_from(triples, named, labels, roles)
    _add_represented(named, shared_triples)
    return [t for t in candidates if not supported(t, named, labels, roles)]


def _add_represented(named: set, shared_triples: Iterable[Triple]) -> None:
    """A named capital names the state it stands for ("Moskow" -> Russia) too."""
    for s, p, o in shared_triples:
        if p == K.standsFor and s in named:
            named.add(o)


def support(store: Store, iris: IRIs, exclude: set[URIRef] = frozenset(),
            nodes: set[URIRef] | None = None) -> tuple[set, set, set]:
    """What the article graphs (but ``exclude``) support: nodes they name, (node, alternative
    label) and (node, role) pairs their mentions carry; only for ``nodes`` when given."""
    skip = {iris.shared_graph(), iris.merges_graph(), *exclude}
    not_in = f"FILTER(?g NOT IN ({', '.join(f'<{g}>' for g in sorted(skip))}))"
    only = "" if nodes is None else "VALUES ?x { " + " ".join(f"<{n}>" for n in sorted(nodes)) + " } "
    named = {row[0] for row in store.query(
        f"SELECT DISTINCT ?x WHERE {{ {only}GRAPH ?g {{ ?s ?p ?x }} {not_in} FILTER(isIRI(?x)) }}").rows}
    mention = f"?m <{K.mentionOf}> ?x"
    labels = {(row[0], str(row[1])) for row in store.query(
        f"SELECT DISTINCT ?x ?t WHERE {{ {only}GRAPH ?g {{ {mention} ; <http://persistence.uni-leipzig.org/nlp2rdf/"
        f"ontologies/nif-core#anchorOf> ?t }} {not_in} }}").rows}
    roles = {(row[0], str(row[1])) for row in store.query(
        f"SELECT DISTINCT ?x ?r WHERE {{ {only}GRAPH ?g {{ {mention} ; <{K.role}> ?r }} {not_in} }}").rows}
    represented = store.query(f"SELECT ?s ?o WHERE {{ GRAPH <{iris.shared_graph()}> {{ ?s <{K.standsFor}> ?o }} }}")
    _add_represented(named, ((s, K.standsFor, o) for s, o in represented.rows))
    return named, labels, roles


def _support_from(triples: list[Triple], named: set, labels: set, roles: set) -> None:
    anchors, mention_of, mention_roles = {}, {}, {}
    for s, p, o in triples:
        if isinstance(o, URIRef):
            named.add(o)
        if p == K.mentionOf:
            mention_of[s] = o
        elif p == URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf"):
            anchors[s] = str(o)
        elif p == K.role:
            mention_roles[s] = str(o)
    for m, x in mention_of.items():
        if m in anchors:
            labels.add((x, anchors[m]))
        if m in mention_roles:
            roles.add((x, mention_roles[m]))


def supported(triple: Triple, named: set, labels: set, roles: set) -> bool:
    """Is a shared triple still backed by some article?"""
    s, p, o = triple
    if s not in named:
        return False
    if p == SKOS.altLabel:
        return (s, str(o)) in labels
    if p == K.role and isinstance(o, Literal):
        return (s, str(o)) in roles
    return True


def ingest_results(store: Store, results: Iterable[ReadResult], base: str | None = None,
                   actors_file: str | None = None, fail_fast: bool = False,
                   progress: Progress | None = None) -> IngestSummary:
    """Ingest read results (documents or read errors); see the module docstring."""
    ingester = Ingester(store, base or IRIs().base, actors_file, fail_fast, progress)
    try:
        for result in results:
            ingester.add(result)
    finally:
        ingester.flush()  # what was extracted before a stop (or --fail-fast) is kept
    return ingester.summary
