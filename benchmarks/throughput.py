"""Throughput of extraction and of the time recognizer, plus ingest and query latency.

    python benchmarks/throughput.py [--sentences N]

Builds a corpus by repeating real article text (the bundled Indonesian sample and English
PLOVER-style sentences shipped in tests/data) to N sentences, then prints sentences/second
for the time recognizer alone and for the whole `kg extract` pipeline, the time to ingest
into the on-disk Oxigraph store, and the latency of the named queries. Figures, not asserts.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg import api  # noqa: E402
from kg.extract.time.recognizer import find_times  # noqa: E402
from kg.nlp.sentences import split_sentences  # noqa: E402
from kg.read import document_from_text  # noqa: E402
from kg.samples import sample_documents  # noqa: E402
from kg.sparql import bind, resolve_query  # noqa: E402
from kg.store import open_store  # noqa: E402


def corpus(sentences: int) -> list:
    sample = sample_documents()[0]
    english = [json.loads(line) for line in (ROOT / "tests" / "data" / "articles.jsonl").read_text().splitlines()]
    english = [r for r in english if r.get("lang") == "en"]
    per_doc = len(split_sentences(sample.text, "id"))
    docs, total, i = [], 0, 0
    while total < sentences:
        docs.append(document_from_text(sample.text, doc_id=f"id-{i}", lang="id", published="2025-07-12"))
        total += per_doc
        for record in english:
            docs.append(document_from_text(record["text"] * 4, doc_id=f"en-{i}", lang="en", published=record["published"]))
            total += 4 * len(split_sentences(record["text"], "en"))
        i += 1
    return docs


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=3000)
    args = parser.parse_args()
    docs = corpus(args.sentences)
    api.extract(docs[0])  # warm caches (YAML, gazetteer, dateparser)
    spans = [(d, [(s.start, s.end) for s in split_sentences(d.text, d.lang)]) for d in docs]
    n_sent = sum(len(s) for _, s in spans)

    t0 = time.perf_counter()
    for doc, sp in spans:
        find_times(doc.text, doc.lang, doc.published, sp)
    t_times = time.perf_counter() - t0

    t0 = time.perf_counter()
    events = sum(len(api.extract(d).events) for d in docs)
    t_extract = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "kg-data"))
        t0 = time.perf_counter()
        summary = api.ingest_documents(store, docs)
        t_ingest = time.perf_counter() - t0
        latencies = {}
        for name, binds in (("actor-relations", {}), ("actor-timeline", {"name": "Sergey Lavrov"}),
                            ("events-by-type-period", {"type": "ASSAULT", "from": "2025-07-01", "to": "2025-07-31"})):
            query = bind(resolve_query(name), binds) if binds else resolve_query(name)
            t0 = time.perf_counter()
            for _ in range(5):
                store.query(query)
            latencies[name] = (time.perf_counter() - t0) / 5 * 1000
        t0 = time.perf_counter()
        timeline = api.timeline(store)
        t_timeline = time.perf_counter() - t0
        store.close()

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"1 process (single core)")
    print(f"corpus: {len(docs)} documents, {n_sent} sentences, {events} events")
    print(f"time recognizer: {n_sent / t_times:,.0f} sentences/s")
    print(f"kg extract pipeline: {n_sent / t_extract:,.0f} sentences/s ({len(docs) / t_extract:,.1f} docs/s)")
    print(f"ingest into Oxigraph (extract + RDF + write): {n_sent / t_ingest:,.0f} sentences/s, "
          f"{summary.triples:,} triples in {t_ingest:.1f} s")
    for name, ms in latencies.items():
        print(f"query {name}: {ms:.1f} ms")
    print(f"timeline of {len(timeline)} events through NetworkX: {t_timeline * 1000:.0f} ms")
    print(f"peak RSS: {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
