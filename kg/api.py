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
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError, StoreError
from kg.extract.pipeline import extract_document, extraction_record
from kg.model import Document, Extraction
from kg.rdf.build import DEFAULT_BASE, IRIs, document_triples
from kg.read import ReadResult, document_from_text, read_inputs
from kg.store import QueryResult, Store, open_store
from kg.views.network import EventNetwork, TimelineRow

__all__ = ["open_store", "read", "extract", "extract_text", "extraction_record", "ingest", "ingest_text", "ingest_documents",
           "remove", "query", "network", "timeline", "IngestSummary", "Store", "QueryResult"]


@dataclass
class IngestSummary:
    documents: int = 0
    sentences: int = 0
    events: int = 0
    triples: int = 0
    unchanged: int = 0


def read(paths: list[str], stdin: BinaryIO | None = None, **options) -> list[ReadResult]:
    """Read files, directories, JSONL and ``-`` into documents (see :func:`kg.read.read_inputs`)."""
    return read_inputs(paths, stdin=stdin, **options)


def extract(document: Document, actors_file: str | None = None) -> Extraction:
    """Run the pipeline on one document."""
    return extract_document(document, actors_file)


def extract_text(text: str, **metadata) -> dict:
    """``kg extract`` record for one text: ``extract_text("...", lang="id", published="2025-07-12")``."""
    return extraction_record(extract_document(document_from_text(text, **metadata)))


def ingest_documents(store: Store, documents: list[Document], base: str = DEFAULT_BASE,
                     actors_file: str | None = None) -> IngestSummary:
    """Extract and store documents; each article replaces its own named graph (idempotent).

    Everything is extracted before anything is written, and the write is one atomic step.
    """
    iris = IRIs(base)
    summary = IngestSummary()
    graphs: dict = {}
    shared: set = set()
    for document in documents:
        extraction = extract_document(document, actors_file)
        graph, triples, described = document_triples(extraction, iris)
        if graph in graphs:
            raise InputError(document.source or document.id, f"duplicate document id {document.id!r} in this input")
        summary.documents += 1
        summary.sentences += len(extraction.sentences)
        summary.events += len(extraction.events)
        summary.triples += len(triples)
        graphs[graph] = triples
        shared.update(described)
    existing = set(store.graph_names())
    changed = {}
    for graph, triples in graphs.items():
        if graph in existing and store.graph_triples(graph) == set(triples):
            summary.unchanged += 1
        else:
            changed[graph] = triples
    known = store.graph_triples(iris.shared_graph()) if iris.shared_graph() in existing else set()
    new_shared = sorted(shared - known)
    store.replace_graphs(changed, {iris.shared_graph(): new_shared} if new_shared else None)
    return summary


def ingest(store: Store, paths: list[str], stdin: BinaryIO | None = None, base: str = DEFAULT_BASE,
           actors_file: str | None = None, **options) -> IngestSummary:
    """Read ``paths`` and ingest them; any unreadable input aborts before the store is touched."""
    results = read(paths, stdin=stdin, **options)
    failed = [r for r in results if r.error]
    if failed:
        more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
        raise InputError(failed[0].source, failed[0].error.split(": ", 1)[-1] + more) if not failed[0].error.startswith(failed[0].source) \
            else _input_error(failed[0].error + more)
    return ingest_documents(store, [r.document for r in results if r.document], base, actors_file)


def _input_error(message: str) -> InputError:
    source, _, reason = message.partition(": ")
    return InputError(source, reason)


def ingest_text(store: Store, text: str, doc_id: str | None = None, lang: str | None = None,
                published: str | dt.date | None = None, title: str | None = None, url: str | None = None,
                base: str = DEFAULT_BASE) -> IngestSummary:
    """Ingest one article given as a string."""
    document = document_from_text(text, doc_id=doc_id, lang=lang, published=published, title=title, url=url)
    return ingest_documents(store, [document], base)


def remove(store: Store, doc_id: str, base: str = DEFAULT_BASE) -> None:
    """Remove one article's graph, and the descriptions of actors and places no other article
    names; :class:`StoreError` when the article is not in the store."""
    iris = IRIs(base)
    if not store.remove_graph(iris.graph(doc_id)):
        raise StoreError(f"no article {doc_id!r} in the store")
    shared = iris.shared_graph()
    if shared not in store.graph_names():
        return
    still_named = {row[0] for row in store.query(
        "SELECT DISTINCT ?x WHERE { GRAPH ?g { ?s ?p ?x } FILTER(?g != <%s> && isIRI(?x)) }" % shared).rows}
    kept = [t for t in store.graph_triples(shared) if t[0] in still_named]
    if kept:
        store.replace_graphs({shared: kept})
    else:
        store.remove_graph(shared)


def query(store: Store, sparql: str) -> QueryResult:
    """Run a read-only SPARQL query over all articles' graphs."""
    return store.query(sparql)


def network(store: Store) -> EventNetwork:
    """The NetworkX view (:class:`~kg.views.network.EventNetwork`)."""
    return EventNetwork.from_store(store)


def timeline(store: Store, **filters) -> list[TimelineRow]:
    """Events in date order; filters as :meth:`EventNetwork.timeline`."""
    return network(store).timeline(**filters)


def sample_path() -> Path:
    """The bundled sample article."""
    return Path(__file__).resolve().parent / "data" / "samples" / "lavrov-kim-id.txt"
