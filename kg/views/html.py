"""Interactive HTML graph (pyvis / vis-network), self-contained and offline.

vis-network is inlined by pyvis (``cdn_resources="in_line"``); the Bootstrap links pyvis adds
are removed, so the file opens with the network off. Article text is safe: pyvis embeds the data
as JSON with ``<``, ``>`` and ``&`` escaped, vis-network 9 shows string tooltips as plain text,
and the one switch pyvis has to an HTML popup (a node title containing "href") is defused; nothing
from an article goes into the page heading, which is escaped.

>>> import re, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="<b>A</b>", kind="country", country="RUS")
>>> g.add_node("b", label="B", kind="person", country="")
>>> _ = g.add_edge("a", "b", key="e1", type="ASSAULT", date="2025-07-12", modality="asserted",
...            sentence='<script>alert(1)</script>', article="d", place="")
>>> page = render_html(g, "Events")
>>> "<script>alert(1)</script>" in page, bool(re.search(r'(src|href)="https?://', page))
(False, False)
>>> "popup.innerHTML" in render_html(nx.MultiDiGraph([("a", "b")]), "x")
False
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import networkx as nx

KIND_COLOURS = {"country": "#4e79a7", "person": "#f28e2b", "organization": "#59a14f", "group": "#b07aa1"}
TYPE_COLOURS = {"ASSAULT": "#e15759", "COERCE": "#ff9da7", "THREATEN": "#edc948", "CONSULT": "#76b7b2",
                "AID": "#59a14f", "SUPPORT": "#8cd17d", "AGREE": "#499894", "COOPERATE": "#86bcb6",
                "ACCUSE": "#f1ce63", "MOBILIZE": "#d37295", "SANCTION": "#9d7660", "PROTEST": "#bab0ac"}
PHYSICS_LIMIT = 300


_HREF_RE = re.compile(r"(h)(ref)", re.IGNORECASE)


def _escape(value: object) -> str:
    """Article text for a tooltip or label: plain text, with "href" broken by a zero-width joiner
    so pyvis never switches its popups to innerHTML."""
    return _HREF_RE.sub("\\1\u200d\\2", str(value or ""))


def render_html(graph: nx.MultiDiGraph, heading: str = "Event graph") -> str:
    """The page as a string (see module docstring for the safety rules)."""
    from pyvis.network import Network

    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line", heading="")
    positions = nx.spring_layout(nx.Graph(graph), seed=7, scale=600) if len(graph) > PHYSICS_LIMIT else {}
    for node, data in sorted(graph.nodes(data=True)):
        label = _escape(data.get("label", node))
        item = {"id": node, "label": label, "shape": "dot", "size": 10 + 3 * min(graph.degree(node), 10),
                "color": KIND_COLOURS.get(data.get("kind"), "#999999"),
                "title": f"{label}\n{_escape(data.get('kind'))} {_escape(data.get('country'))}".strip()}
        if node in positions:
            item.update(x=float(positions[node][0]), y=float(positions[node][1]), physics=False)
        net.nodes.append(item)
        net.node_ids.append(node)
        net.node_map[node] = item
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        title = "\n".join(_escape(x) for x in (
            f"{data.get('type')} {data.get('date') or 'undated'} ({data.get('modality')})",
            data.get("sentence", ""), f"article: {data.get('article', '')}") if x)
        net.edges.append({"from": source, "to": target,
                          "label": _escape(f"{data.get('type')} {data.get('date') or ''}".strip()),
                          "title": title, "arrows": "to", "color": TYPE_COLOURS.get(data.get("type"), "#888888"),
                          "font": {"size": 9}})
    if len(graph) > PHYSICS_LIMIT:
        net.toggle_physics(False)
    else:
        net.set_options('{"physics": {"stabilization": {"iterations": 200}}, "interaction": {"hover": true}}')
    page = net.generate_html(notebook=False)
    return _offline_and_safe(page, heading)


def _offline_and_safe(page: str, heading: str) -> str:
    # pyvis links Bootstrap from a CDN in every mode: drop those tags (the page needs none).
    page = re.sub(r"<link[^>]+https?://[^>]+>\s*", "", page)
    page = re.sub(r"<script[^>]+src=\"https?://[^\"]+\"[^>]*>\s*</script>\s*", "", page)
    page = page.replace("<head>", f"<head>\n<title>{html.escape(heading)}</title>", 1)
    return page


def write_html(graph: nx.MultiDiGraph, path: str | Path, heading: str = "Event graph") -> Path:
    """Write :func:`render_html` to ``path``."""
    from kg.export import write_text_atomically

    return write_text_atomically(path, render_html(graph, heading))
