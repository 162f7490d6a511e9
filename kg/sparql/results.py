"""Write query results in the standard SPARQL 1.1 result formats (JSON, CSV, TSV) or a table, and
write text for people: terminal tables and spreadsheet-safe CSV.

Article text reaches these writers, so they defuse it:

- :func:`table` (and every text table of the CLI) passes each cell through :func:`terminal_safe`:
  control characters (C0, DEL, C1: ESC, CSI, BEL, backspace...) and bidi overrides become
  U+FFFD, line breaks and tabs become spaces.
- :func:`csv_text` passes each cell through :func:`spreadsheet_safe` (OWASP advice on CSV
  injection): a cell a spreadsheet would run as a formula gets a leading ``'``.
  ``format_result(..., for_spreadsheets=True)``, which ``kg query --format csv|tsv`` uses, does
  the same to SPARQL CSV/TSV results. That departs from the SPARQL 1.1 CSV/TSV formats for such
  cells only; ``for_spreadsheets=False`` (the default, and the HTTP endpoint's) keeps the standard.
- JSON, Turtle and N-Triples write control characters and bidi overrides as ``\\uXXXX``
  escapes, which mean the same text.

>>> from rdflib import Literal, URIRef
>>> from kg.store import QueryResult
>>> r = QueryResult("select", ["s", "n"], [(URIRef("urn:a"), Literal(2)), (URIRef("urn:b"), Literal("=1+1"))])
>>> print(format_result(r, "csv"), end="")
s,n
urn:a,2
urn:b,=1+1
>>> print(format_result(r, "csv", for_spreadsheets=True), end="")
s,n
urn:a,2
urn:b,'=1+1
"""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Iterable, Sequence

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import UsageError
from kg.rdf.build import PREFIXES
from kg.store import QueryResult

FORMATS = ("table", "csv", "tsv", "json")
PLACEHOLDER = "\ufffd"

_BIDI = "\u202a-\u202e\u2066-\u2069"
_LINE_BREAKS_RE = re.compile("[\t\n\x0b\x0c\r\x85\u2028\u2029]+")
_UNPRINTABLE_RE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
# What a terminal, a JSON reader or a Turtle reader should see as an escape, not as a character.
_ESCAPED_RE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_ISO_DATE_RE = re.compile(r"-?\d{4,}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?)?)?(?:Z|[+-]\d{2}:\d{2})?")


def terminal_safe(text: str) -> str:
    """Text that cannot drive a terminal: runs of line breaks and tabs become one space; other
    control characters and bidi overrides become U+FFFD.

    >>> terminal_safe("ok\\x1b[2J\\x9b31m\\a\\b \\u202egnp.exe\\tnext\\r\\nline")
    'ok\ufffd[2J\ufffd31m\ufffd\ufffd \ufffdgnp.exe next line'
    """
    return _UNPRINTABLE_RE.sub(PLACEHOLDER, _LINE_BREAKS_RE.sub(" ", text))


def escape_controls(text: str) -> str:
    """Control characters (but newline, tab and carriage return) and bidi overrides as ``\\uXXXX``:
    the same text for JSON, Turtle and N-Triples readers, and harmless on a terminal.

    >>> print(escape_controls('"a\\x1b[31m\\u202eb"'))
    "a\\u001B[31m\\u202Eb"
    """
    return _ESCAPED_RE.sub(lambda m: f"\\u{ord(m.group(0)):04X}", text)


def spreadsheet_safe(cell: str) -> str:
    r"""A cell a spreadsheet will not run as a formula: one starting (after spaces) with
    ``= + - @``, a tab or a line break gets a leading ``'``, unless it is a plain number or an
    ISO date (OWASP, "CSV Injection").

    >>> print(*[spreadsheet_safe(c) for c in ['=HYPERLINK("http://x")', "@SUM(A1)", " -2+3", "\t=1"]])
    '=HYPERLINK("http://x") '@SUM(A1) ' -2+3 '	=1
    >>> print(*[spreadsheet_safe(c) for c in ["-3", "+1.5", "-0044-03-15", "2025-07-12", "Lavrov"]])
    -3 +1.5 -0044-03-15 2025-07-12 Lavrov
    """
    text = cell.lstrip(" ")
    if text.startswith(_FORMULA_START) and not (_NUMBER_RE.fullmatch(text) or _ISO_DATE_RE.fullmatch(text)):
        return "'" + cell
    return cell


def _csv_cell(cell: object, delimiter: str) -> str:
    """One CSV field, quoted when it holds the delimiter, a quote or a line break (``\\r`` too,
    which Python's ``csv`` module leaves bare before 3.12)."""
    text = "" if cell is None else str(cell)
    if any(c in text for c in (delimiter, '"', "\n", "\r")):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_lines(header: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str) -> str:
    rows = [list(row) for row in (header, *rows)]
    # A row of one empty field is written "" so that it is not read as a blank line.
    return "".join(('""' if row == [""] else delimiter.join(_csv_cell(c, delimiter) for c in row)) + "\n"
                   for row in rows)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str = ",") -> str:
    """CSV (or TSV with ``delimiter="\\t"``) for people: every cell through :func:`spreadsheet_safe`;
    ``None`` is an empty cell.

    >>> print(csv_text(["name", "change"], [["=cmd|' /C calc'!A0", -3], ["Lavrov", None]]), end="")
    name,change
    '=cmd|' /C calc'!A0,-3
    Lavrov,
    """
    def safe(row: Sequence[object]) -> list[str]:
        return [spreadsheet_safe("" if cell is None else str(cell)) for cell in row]

    return _csv_lines(safe(header), (safe(row) for row in rows), delimiter)


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


_TSV_ECHARS = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _tsv_term(term: Node | None, for_spreadsheets: bool = False) -> str:
    r"""One SPARQL TSV cell: the term in Turtle syntax, on one line.

    >>> print(_tsv_term(Literal("=1+1\n2", lang="en"), for_spreadsheets=True), _tsv_term(URIRef("urn:a")))
    "'=1+1\n2"@en <urn:a>
    """
    if term is None:
        return ""
    if not isinstance(term, Literal):
        return escape_controls(term.n3())
    text = spreadsheet_safe(str(term)) if for_spreadsheets else str(term)
    quoted = '"' + "".join(_TSV_ECHARS.get(c, c) for c in text) + '"'
    if term.language:
        quoted += "@" + term.language
    elif term.datatype:
        quoted += f"^^<{term.datatype}>"
    return escape_controls(quoted)


def _graph_text(result: QueryResult, fmt: str) -> str:
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    for triple in result.triples:
        graph.add(triple)
    return escape_controls(graph.serialize(format="turtle" if fmt in ("table", "json") else "nt"))


def _select_text(result: QueryResult, fmt: str, for_spreadsheets: bool) -> str:
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
        return escape_controls(json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                                          ensure_ascii=False, indent=1)) + "\n"
    if fmt == "csv":
        rows = [[_plain(t) for t in row] for row in result.rows]
        return csv_text(result.variables, rows) if for_spreadsheets else _csv_lines(result.variables, rows, ",")
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in result.variables)]
        lines += ["\t".join(_tsv_term(t, for_spreadsheets) for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    return table([[_short(t) for t in row] for row in result.rows], result.variables)


def format_result(result: QueryResult, fmt: str = "table", for_spreadsheets: bool = False) -> str:
    """Serialise a result; CONSTRUCT/DESCRIBE results come out as Turtle (or N-Triples for tsv/csv).

    ``for_spreadsheets`` neutralises CSV/TSV cells a spreadsheet would run as formulas
    (:func:`spreadsheet_safe`); without it CSV/TSV follow the SPARQL 1.1 result formats exactly.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown result format {fmt!r} (choose from {', '.join(FORMATS)})")
    if result.kind == "graph":
        return _graph_text(result, fmt)
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    return _select_text(result, fmt, for_spreadsheets)


def _short(term: Node | None) -> str:
    if term is None:
        return ""
    text = str(term)
    for prefix, ns in PREFIXES.items():
        if isinstance(term, URIRef) and text.startswith(str(ns)):
            return f"{prefix}:{text[len(str(ns)):]}"
    return text


def table(rows: list[list[str]], header: list[str], max_width: int = 60) -> str:
    """A plain aligned text table, each cell made :func:`terminal_safe` and cut at ``max_width``.

    >>> print(table([["Lavrov", "said\\x1b[2J\\nhello"]], ["who", "what"]), end="")
    who     what
    ------  --------------
    Lavrov  said\ufffd[2J hello
    (1 row)
    """
    cells = [[_cut(terminal_safe(c), max_width) for c in row] for row in rows]
    header = [terminal_safe(h) for h in header]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cut(text: str, max_width: int) -> str:
    return text if len(text) <= max_width else text[: max_width - 1] + "…"
