"""Write query results in the standard SPARQL 1.1 result formats (JSON, CSV, TSV) or a table.

>>> from rdflib import Literal, URIRef
>>> from kg.store import QueryResult
>>> r = QueryResult("select", ["s", "n"], [(URIRef("urn:a"), Literal(2))])
>>> print(format_result(r, "csv"), end="")
s,n
urn:a,2
"""
from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import UsageError
from kg.rdf.build import PREFIXES
from kg.store import QueryResult

FORMATS = ("table", "csv", "tsv", "json")


def _json_term(term: Node) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        out["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def _plain(term: Node | None) -> str:
    return "" if term is None else str(term)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Serialise a result; CONSTRUCT/DESCRIBE results come out as Turtle (or N-Triples for tsv/csv)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown result format {fmt!r} (choose from {', '.join(FORMATS)})")
    if result.kind == "graph":
        graph = Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        for triple in result.triples:
            graph.add(triple)
        return graph.serialize(format="turtle" if fmt in ("table", "json") else "nt")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
        return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([_plain(t) for t in row] for row in result.rows)
        return buffer.getvalue()
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in result.variables)]
        lines += ["\t".join("" if t is None else t.n3().replace("\t", "\\t") for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    return table([[_short(t) for t in row] for row in result.rows], result.variables)


def _short(term: Node | None) -> str:
    if term is None:
        return ""
    text = str(term)
    for prefix, ns in PREFIXES.items():
        if isinstance(term, URIRef) and text.startswith(str(ns)):
            return f"{prefix}:{text[len(str(ns)):]}"
    return text.replace("\n", " ")


def table(rows: list[list[str]], header: list[str], max_width: int = 60) -> str:
    """A plain aligned text table."""
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
