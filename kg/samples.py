"""The bundled sample article and the reference outputs in ``exports/`` built from it.

``kg demo`` (or :func:`build_exports`) regenerates ``exports/``; a test fails when the
committed files differ from a fresh build.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from kg import api
from kg.export import export_file
from kg.model import Document
from kg.read import document_from_text
from kg.store import Store, open_store
from kg.views.html import write_html

SAMPLES_DIR = Path(__file__).resolve().parent / "data" / "samples"
EXPORT_NAMES = ("lavrov-kim-id.ttl", "lavrov-kim-id.trig", "lavrov-kim-id.html", "lavrov-kim-id.timeline.csv",
                "lavrov-kim-id.timeline.json")


def sample_documents() -> list[Document]:
    """The bundled sample(s) with their metadata."""
    meta = yaml.safe_load((SAMPLES_DIR / "samples.yaml").read_text(encoding="utf-8"))
    return [document_from_text((SAMPLES_DIR / s["file"]).read_text(encoding="utf-8"), doc_id=s["id"], lang=s["lang"],
                               published=s["published"], title=s["title"], source=s["file"])
            for s in meta["samples"]]


def ingest_sample(store: Store) -> api.IngestSummary:
    """Ingest the bundled sample into ``store``."""
    return api.ingest_documents(store, sample_documents())


def build_exports(out: Path) -> list[Path]:
    """Write the sample's Turtle, TriG, HTML graph and timeline CSV/JSON into ``out``."""
    from kg.cli import timeline_text

    out.mkdir(parents=True, exist_ok=True)
    store = open_store("memory")
    ingest_sample(store)
    paths = [export_file(store, "turtle", out / EXPORT_NAMES[0]), export_file(store, "trig", out / EXPORT_NAMES[1])]
    net = api.network(store)
    paths.append(write_html(net.actor_graph(), out / EXPORT_NAMES[2], "Lavrov visits Kim Jong Un: actors and events"))
    rows = net.timeline()
    for name, fmt in ((EXPORT_NAMES[3], "csv"), (EXPORT_NAMES[4], "json")):
        (out / name).write_text(timeline_text(rows, fmt), encoding="utf-8")
        paths.append(out / name)
    return paths
