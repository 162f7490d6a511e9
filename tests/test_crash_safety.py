"""kill -9 during a re-ingest loses no article and leaves no orphan in the shared graph."""
from __future__ import annotations

import json
import random
import subprocess
import sys
import time

from kg import api
from kg.ingest import support, supported
from kg.rdf.build import IRIs
from kg.rdf.build import NIF

ARTICLES = 30
WORKER = """
import sys
import kg.ingest
from kg import api
kg.ingest.BATCH_DOCUMENTS = 3  # many small transactions: kills land between and inside them
api.extract_text("Menteri Budi Santoso bertemu Kim Jong Un di Pyongyang.", lang="id")  # models loaded
print("ready", flush=True)
with api.open_store(sys.argv[1], wait=30) as store:
    api.ingest(store, [sys.argv[2]])
print("done", flush=True)
"""


def _articles(version: str) -> list[dict]:
    people = ["Budi Santoso", "Siti Rahayu", "Agus Salim", "Dewi Lestari", "Joko Susilo"]
    return [{"id": f"art-{i}", "lang": "id", "published": "2025-07-12",
             "text": f"Rusia menyerang Ukraina pada hari Senin. Menteri Pertanian {people[i % 5]} bertemu "
                     f"Kim Jong Un di Pyongyang ({version}). Polisi menangkap {i + 2} orang di Jakarta."}
            for i in range(ARTICLES)]


def _write(path, records) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _check(location: str, versions: set[str]) -> None:
    iris = IRIs()
    with api.open_store(location) as store:  # opened for writing: recovers what the kill left
        graphs = [g for g in store.graph_names() if "/graph/" in str(g)]
        assert len(graphs) == ARTICLES, "an article was lost"
        for graph in graphs:
            texts = [str(o) for s, p, o in store.graph_triples(graph) if p == NIF.isString]
            assert len(texts) == 1 and any(f"({v})" in texts[0] for v in versions)
        named, labels, roles = support(store, iris)
        shared = store.graph_triples(iris.shared_graph())
        orphans = [t for t in shared if not supported(t, named, labels, roles)]
        assert orphans == []


def test_kill_during_reingest_loses_nothing(tmp_path):
    location = str(tmp_path / "store")
    with api.open_store(location) as store:
        api.ingest(store, [_write(tmp_path / "v0.jsonl", _articles("v0"))])
    with api.open_store(str(tmp_path / "timing")) as store:  # how long a re-ingest takes on this machine
        start = time.perf_counter()
        api.ingest(store, [_write(tmp_path / "timing.jsonl", _articles("timing"))])
        duration = time.perf_counter() - start
    rng = random.Random(7)
    versions = {"v0"}
    killed = 0
    for trial in range(1, 11):
        version = f"v{trial}"
        versions.add(version)
        source = _write(tmp_path / f"{version}.jsonl", _articles(version))
        worker = subprocess.Popen([sys.executable, "-c", WORKER, location, source], stdout=subprocess.PIPE, text=True)
        assert worker.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.9) * duration)  # kills land inside the run, wherever it is
        if worker.poll() is None:
            worker.kill()
            killed += 1
        worker.wait(timeout=60)
        _check(location, versions)
    assert killed >= 7  # most trials really were killed mid-run
