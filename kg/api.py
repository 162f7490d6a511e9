"""The public Python API; the CLI is a thin layer over these functions.

>>> store = open_store("memory")
>>> summary = ingest_text(store, "Lavrov bertemu Kim Jong Un pada hari Sabtu.", doc_id="d1",
...                       lang="id", published="2025-07-12")
>>> summary.documents, summary.events
(1, 1)
>>> rows = query(store, "SELECT (COUNT(?e) AS ?n) WHERE { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }").rows
>>> int(rows[0][0])
1
"""
from __future__ import annotations

import datetime as dt
from typing import BinaryIO, Iterable

from kg.errors import StoreError, UsageError
from kg.extract.pipeline import extract_document, extraction_record
from kg.ingest import (OWL_SAME_AS, IngestFailure, IngestSummary, Progress, apply_merges, ingest_results, merges,
                       stale_shared)
from kg.model import Document, Extraction
from kg.rdf.build import DEFAULT_BASE, SPARQL_PREFIXES, IRIs
from kg.read import ReadResult, document_from_text, iter_inputs, read_inputs
from rdflib import URIRef

from kg.store import QueryResult, Store, open_store
from kg.views.network import EventNetwork, TimelineRow

__all__ = ["open_store", "read", "parse", "extract", "extract_text", "extraction_record", "ingest", "ingest_text", "ingest_documents",
           "remove", "query", "network", "timeline", "actors", "merge_actors", "IngestSummary", "IngestFailure", "Store",
           "QueryResult"]


def read(paths: list[str], stdin: BinaryIO | None = None, **options) -> list[ReadResult]:
    """Read files, directories, JSONL and ``-`` into documents (see :func:`kg.read.read_inputs`)."""
    return read_inputs(paths, stdin=stdin, **options)


def extract(document: Document, actors_file: str | None = None) -> Extraction:
    """Run the pipeline on one document."""
    return extract_document(document, actors_file)


def parse(document: Document, format: str = "conllu") -> str | list:
    """The dependency parse of every sentence: CoNLL-U text (``format="conllu"``) or the
    :class:`~kg.extract.syntax.trees.Tree` objects (``format="trees"``, None for an unparsed one).

    >>> conllu = parse(document_from_text("Polisi menangkap Budi.", doc_id="d", lang="id"))
    >>> [line.split(chr(9))[1] for line in conllu.splitlines() if line[:1].isdigit()]
    ['Polisi', 'menangkap', 'Budi', '.']
    """
    from kg.extract.syntax.trees import document_conllu, parse_document

    if format == "conllu":
        return document_conllu(document)
    if format == "trees":
        return [tree for _, tree in parse_document(document)]
    raise UsageError(f"unknown parse format {format!r} (conllu, trees)")


def extract_text(text: str, **metadata) -> dict:
    """``kg extract`` record for one text: ``extract_text("...", lang="id", published="2025-07-12")``."""
    return extraction_record(extract_document(document_from_text(text, **metadata)))


def ingest_documents(store: Store, documents: Iterable[Document], base: str = DEFAULT_BASE,
                     actors_file: str | None = None, fail_fast: bool = False,
                     progress: Progress | None = None) -> IngestSummary:
    """Extract and store documents; each article replaces its own named graph (idempotent).

    An article that fails is listed in ``summary.failures`` and the others are stored (with
    ``fail_fast=True`` the first failure raises instead); writes are atomic batches."""
    results = (ReadResult(d.source or d.id, document=d, record_id=d.id) for d in documents)
    return ingest_results(store, results, base, actors_file, fail_fast, progress)


def ingest(store: Store, paths: list[str], stdin: BinaryIO | None = None, base: str = DEFAULT_BASE,
           actors_file: str | None = None, fail_fast: bool = False, progress: Progress | None = None,
           **options) -> IngestSummary:
    """Read ``paths`` (files, folders, ``-``; options as :func:`kg.read.read_inputs`) and ingest
    them. Inputs that cannot be read or processed are listed in ``summary.failures``, the rest
    are stored; ``fail_fast=True`` raises at the first failure instead.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> for name, text in (("a.txt", "Rusia menyerang Ukraina."), ("b.txt", "")):
    ...     with open(os.path.join(folder, name), "w") as f:
    ...         _ = f.write(text)
    >>> summary = ingest(open_store("memory"), [folder], lang="id")
    >>> summary.documents, [f.reason for f in summary.failures]
    (1, ['...b.txt: empty input (no text)'])
    """
    results = iter_inputs(paths, stdin=stdin, **options)  # a stream: memory stays bounded
    return ingest_results(store, results, base, actors_file, fail_fast, progress)


def ingest_text(store: Store, text: str, doc_id: str | None = None, lang: str | None = None,
                published: str | dt.date | None = None, title: str | None = None, url: str | None = None,
                base: str = DEFAULT_BASE) -> IngestSummary:
    """Ingest one article given as a string (errors raise: there is only one article)."""
    document = document_from_text(text, doc_id=doc_id, lang=lang, published=published, title=title, url=url)
    return ingest_documents(store, [document], base, fail_fast=True)


def remove(store: Store, doc_ids: str | list[str], base: str = DEFAULT_BASE) -> None:
    """Remove articles' graphs, and the descriptions of actors and places no remaining article
    names, in one atomic write. Every id is checked first: with one unknown id nothing is
    removed (:class:`StoreError`)."""
    iris = IRIs(base)
    ids = [doc_ids] if isinstance(doc_ids, str) else list(doc_ids)
    present = set(store.graph_names())
    missing = [i for i in ids if iris.graph(i) not in present]
    if missing:
        raise StoreError(f"no article {missing[0]!r} in the store" + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
    graphs = [iris.graph(i) for i in ids]
    shared = iris.shared_graph()
    current = store.graph_triples(shared) if shared in present else set()
    stale = stale_shared(store, iris, graphs, {}, current) if current else []
    store.replace_graphs({g: [] for g in graphs}, None, {shared: stale} if stale else None)


def merge_actors(store: Store, keep: str, drop: str, base: str = DEFAULT_BASE) -> int:
    """Merge actor ``drop`` into ``keep`` (IRIs or keys such as ``person-lavrov``): every article graph
    is rewritten now, and later ingests apply the merge too (it is kept as ``owl:sameAs`` in the
    merges graph). Returns the number of article graphs changed; :class:`StoreError` for unknown actors."""
    iris = IRIs(base)
    known = {str(row[0]) for row in store.query(SPARQL_PREFIXES + "SELECT DISTINCT ?a WHERE { ?a skos:prefLabel ?l ; a sem:Actor }").rows}

    def resolve(name: str) -> URIRef:
        iri = name if name.startswith(("http://", "https://", "urn:")) else f"{iris.base}actor/{name}"
        if iri not in known:
            raise StoreError(f"no actor {name!r} in the store (see kg actors)")
        return URIRef(iri)

    keep_iri, drop_iri = resolve(keep), resolve(drop)
    if keep_iri == drop_iri:
        raise StoreError("an actor cannot be merged into itself")
    merged = {**merges(store, iris), drop_iri: keep_iri}
    merged = {k: merged.get(v, v) for k, v in merged.items()}  # follow chains
    changed = {}
    for graph in store.graph_names():
        if graph == iris.merges_graph():
            continue
        triples = store.graph_triples(graph)
        rewritten = apply_merges(sorted(triples), merged)
        if set(rewritten) != triples:
            changed[graph] = rewritten
    changed[iris.merges_graph()] = [(k, OWL_SAME_AS, v) for k, v in sorted(merged.items())]
    store.replace_graphs(changed)
    return len(changed) - 1


def query(store: Store, sparql: str) -> QueryResult:
    """Run a read-only SPARQL query over all articles' graphs."""
    return store.query(sparql)


def network(store: Store) -> EventNetwork:
    """The NetworkX view (:class:`~kg.views.network.EventNetwork`)."""
    return EventNetwork.from_store(store)


def timeline(store: Store, **filters) -> list[TimelineRow]:
    """Events in date order; filters as :meth:`EventNetwork.timeline`."""
    return network(store).timeline(**filters)


_PREFIXES = SPARQL_PREFIXES


def _values(store: Store, pattern: str) -> dict[str, list[str]]:
    """?a -> sorted distinct ?v for a two-variable pattern (aggregated here: GROUP_CONCAT over
    optional values is not portable across the backends)."""
    out: dict[str, set[str]] = {}
    for row in store.query(_PREFIXES + f"SELECT DISTINCT ?a ?v WHERE {{ {pattern} }}").rows:
        out.setdefault(str(row[0]), set()).add(str(row[1]))
    return {k: sorted(v) for k, v in out.items()}


def actors(store: Store, kind: str | None = None, country: str | None = None) -> list[dict]:
    """Canonical actors with kind, country, aliases (mention texts), roles, Wikidata item and the
    number of mentions and events, most mentioned first.

    >>> store = open_store("memory")
    >>> _ = ingest_text(store, "Rusia menyerang Ukraina. Moskow juga mengancam Kyiv.", doc_id="d", lang="id")
    >>> [(a["name"], a["mentions"]) for a in actors(store)]
    [('Russia', 2), ('Ukraine', 2)]
    """
    events = {a: len(v) for a, v in _values(store, "{ ?v kg:source ?a } UNION { ?v kg:target ?a }").items()}
    mentions = {a: len(v) for a, v in _values(store, "?v kg:mentionOf ?a").items()}
    aliases = _values(store, "?a skos:altLabel ?v")
    roles = _values(store, "?a kg:role ?v")
    countries = _values(store, "?a kg:country ?v")
    wikidata = _values(store, "?a kg:wikidata ?v")
    out = []
    query = _PREFIXES + ("SELECT DISTINCT ?actor ?name ?kind WHERE { ?actor skos:prefLabel ?name ; a ?kind . "
                         "FILTER(?kind IN (kg:Person, kg:Organization, kg:Country, kg:Group)) }")
    for row in store.query(query).dicts():
        key = str(row["actor"])
        item = {"id": key, "name": str(row["name"]), "kind": str(row["kind"]).rsplit("#", 1)[-1].lower(),
                "country": (countries.get(key) or [None])[0], "wikidata": (wikidata.get(key) or [None])[0],
                "aliases": aliases.get(key, []), "roles": roles.get(key, []),
                "mentions": mentions.get(key, 0), "events": events.get(key, 0)}
        if (kind is None or item["kind"] == kind) and (country is None or item["country"] == country.upper()):
            out.append(item)
    return sorted(out, key=lambda a: (-a["mentions"], -a["events"], a["name"], a["id"]))
