"""NetworkX view, timelines, HTML (offline, escaped) and exporters (round trip, stable)."""
from __future__ import annotations

import re

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg import api
from kg.errors import UsageError
from kg.export import EXPORTERS, RDFLIB_FORMATS, export_text
from kg.store import open_store
from kg.views.html import render_html
from kg.views.network import EventNetwork


def test_network_is_a_multidigraph_of_actors_and_events(sample_store):
    net = EventNetwork.from_store(sample_store)
    kinds = {d["kind"] for _, d in net.graph.nodes(data=True)}
    assert kinds == {"actor", "event"} and net.graph.is_multigraph() and net.graph.is_directed()


def test_timeline_is_in_date_order_with_undated_last(sample_store):
    rows = api.timeline(sample_store)
    dated = [r for r in rows if r.dated]
    assert [r.earliest for r in dated] == sorted(r.earliest for r in dated)
    assert all(not r.dated for r in rows[len(dated):]) and len(dated) < len(rows)
    assert all(r.sentence and r.article == "lavrov-kim-id" for r in rows)


def test_timeline_filters(sample_store):
    net = EventNetwork.from_store(sample_store)
    lavrov = net.timeline(actor="Lavrov")
    assert lavrov and all("Sergey Lavrov" in r.source + r.target for r in lavrov)
    pair = net.timeline(actor="Russia", with_actor="Ukraine")
    assert pair and all({"Russia", "Ukraine"} <= set(r.source + r.target) for r in pair)
    window = net.timeline(start="2025-07-09", end="2025-07-10")
    assert {r.date for r in window} == {"2025-07-09", "2025-07-10"}
    assert {r.type for r in net.timeline(types=["assault"])} == {"ASSAULT"}
    assert all(r.modality == "asserted" for r in net.timeline(asserted_only=True))
    year = net.timeline(start="2024", end="2024")
    assert year and all(r.date.startswith("2024") for r in year)
    with pytest.raises(UsageError, match="no actor"):
        net.timeline(actor="Nobody Atall")
    with pytest.raises(UsageError, match="impossible date"):
        net.timeline(start="2025-02-30")


def test_ego_network_in_a_window(sample_store):
    net = EventNetwork.from_store(sample_store)
    ego = net.ego("Sergey Lavrov", start="2025-07-01", end="2025-07-31")
    labels = {d["label"] for _, d in ego.nodes(data=True)}
    assert "Sergey Lavrov" in labels and "Kim Jong Un" in labels and "Ukraine" not in labels


def test_html_is_offline_and_escapes_article_text():
    import networkx as nx
    g = nx.MultiDiGraph()
    g.add_node("a", label='Evil <img src=x onerror="alert(1)">', kind="person", country="")
    g.add_node("b", label="B", kind="country", country="RUS")
    g.add_edge("a", "b", key="e", type="ASSAULT", date="2025-07-12", modality="asserted",
               sentence="<script>alert('x')</script> href", article="d", place="")
    g.add_node("c", label="link", kind="person", country="", title="x")
    g.nodes["a"]["label"] = 'see <a href="http://evil">x</a>'
    page = render_html(g, "x")
    assert not re.search(r'(src|href)\s*=\s*["\']?https?://', page)
    assert "<script>alert" not in page and "<img src=x" not in page and "</script> href" not in page
    assert "\\u003cscript\\u003e" in page  # JSON-escaped, shown as text by vis-network
    assert "popup.innerHTML" not in page  # "href" in a node title did not switch on HTML popups


def test_sample_html_works_offline(sample_store, tmp_path):
    page = render_html(EventNetwork.from_store(sample_store).actor_graph())
    assert "vis.Network" in page or "new vis" in page
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', page)


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_exporters_round_trip_and_are_stable(sample_store, fmt):
    text = export_text(sample_store, fmt)
    assert text == export_text(sample_store, fmt)
    expected = Graph()
    for s, p, o, _ in sample_store.quads():
        expected.add((s, p, o))
    if fmt in ("trig", "nquads", "jsonld"):
        parsed = Dataset()
        parsed.parse(data=text, format=RDFLIB_FORMATS[fmt])
        assert {str(g) for g in sample_store.graph_names()} <= {str(c.identifier) for c in parsed.graphs()}
        merged = Graph()
        for s, p, o, _ in parsed.quads((None, None, None, None)):
            merged.add((s, p, o))
    else:
        merged = Graph().parse(data=text, format=RDFLIB_FORMATS[fmt])
    assert isomorphic(merged, expected)


def test_exports_identical_from_every_backend(sample_doc, tmp_path):
    outputs = set()
    for location in ("memory", "oxigraph-memory", str(tmp_path / "disk")):
        store = open_store(location)
        api.ingest_documents(store, [sample_doc])
        outputs.add(export_text(store, "nt"))
        store.close()
    assert len(outputs) == 1
