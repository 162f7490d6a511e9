"""SPARQL 1.1 Protocol pieces for ``kg serve``: query limits, content negotiation, result writers.

Nothing here touches sockets or processes, so each piece is tested alone:

>>> check_query_shape("SELECT * WHERE { ?s ?p ?o }")
'select'
>>> negotiate("text/csv;q=0.5, application/sparql-results+json", RESULT_FORMATS)
'json'
>>> negotiate("text/turtle", RESULT_FORMATS) is None
True
"""
from __future__ import annotations

import json
import re
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.errors import QueryError
from kg.rdf.build import PREFIXES
from kg.sparql.results import format_result
from kg.store import QueryResult
from kg.store.base import Triple

MAX_QUERY_BYTES = 100_000
MAX_NESTING = 100
MAX_OPERATORS = 1000

# format name -> (Content-Type we answer with, other media types that ask for it)
RESULT_FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "json": ("application/sparql-results+json", ("application/json",)),
    "xml": ("application/sparql-results+xml", ("application/xml", "text/xml")),
    "csv": ("text/csv", ()),
    "tsv": ("text/tab-separated-values", ()),
}
GRAPH_FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "turtle": ("text/turtle", ("application/turtle", "application/x-turtle")),
    "nt": ("application/n-triples", ("text/plain",)),
    "nquads": ("application/n-quads", ()),
    "trig": ("application/trig", ()),
    "json-ld": ("application/ld+json", ("application/json", "application/x-json+ld")),
    "xml": ("application/rdf+xml", ("application/xml", "text/xml")),
}
# ``format=`` values (short names as Virtuoso and SPARQLWrapper send them) -> format names
FORMAT_PARAM = {"json": ("json", "json-ld"), "xml": ("xml", "xml"), "csv": ("csv", None), "tsv": ("tsv", None),
                "turtle": (None, "turtle"), "ttl": (None, "turtle"), "n3": (None, "turtle"),
                "nt": (None, "nt"), "ntriples": (None, "nt"), "n-triples": (None, "nt"),
                "nquads": (None, "nquads"), "n-quads": (None, "nquads"), "trig": (None, "trig"),
                "json-ld": (None, "json-ld"), "jsonld": (None, "json-ld"), "rdf+xml": (None, "xml"),
                "rdfxml": (None, "xml")}
_RDFLIB_NAMES = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig", "json-ld": "json-ld", "xml": "xml"}

_SKIP_RE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
                      r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_ESCAPE_RE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_NAME_RE = re.compile(r"(?:[A-Za-z_][\w.-]*)?:[\w.:%-]*|[?$]\w+|@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^")
_OPERATOR_RE = re.compile(r"\|\||&&|!=|<=|>=|[|/^+\-*=<>!]"
                          r"|\b(?:UNION|MINUS|OPTIONAL|BIND|FILTER|EXISTS|SELECT|GRAPH|VALUES|SERVICE)\b", re.I)
_FORM_RE = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
_FORMAT_IRIS = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
                "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "nt": "N-Triples", "nquads": "N-Quads",
                "trig": "TriG", "json-ld": "JSON-LD", "rdfxml": "RDF_XML"}


def _bare(query: str) -> str:
    """The query with \\u escapes applied and strings, IRIs and comments blanked out."""
    unescaped = _ESCAPE_RE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    return _SKIP_RE.sub(" ", unescaped)


def check_query_shape(query: str, max_bytes: int = MAX_QUERY_BYTES, max_depth: int = MAX_NESTING,
                      max_operators: int = MAX_OPERATORS) -> str | None:
    """Refuse a query too large, too deeply nested or too long a chain for the parser to survive,
    before any parser sees it; return its form (``select``, ``ask``, ``graph`` or None if unknown).

    >>> check_query_shape("ASK { " + "{" * 200 + "}" * 200 + " }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: query nested too deeply: more than 100 levels of {, ( or [
    >>> check_query_shape('CONSTRUCT WHERE { ?s ?p "{{{{" }')
    'graph'
    """
    size = len(query.encode("utf-8"))
    if size > max_bytes:
        raise QueryError(f"query too large: {size} bytes (at most {max_bytes})")
    bare = _bare(query)
    depth = deepest = 0
    for char in re.sub(r"[^{}()\[\]]", "", bare):
        depth = depth + 1 if char in "{([" else max(depth - 1, 0)
        deepest = max(deepest, depth)
        if deepest > max_depth:
            raise QueryError(f"query nested too deeply: more than {max_depth} levels of {{, ( or [")
    operators = len(_OPERATOR_RE.findall(_NAME_RE.sub(" ", bare)))
    if operators > max_operators:
        raise QueryError(f"query too complex: {operators} operators such as UNION, OPTIONAL, FILTER, ||, + "
                         f"(at most {max_operators})")
    match = _FORM_RE.search(bare)
    if not match:
        return None
    return "graph" if match.group(1).upper() in ("CONSTRUCT", "DESCRIBE") else match.group(1).lower()


def _media_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        fields = part.split(";")
        media = fields[0].strip().lower()
        media = "*/*" if media == "*" else media
        if media.count("/") != 1:
            continue
        quality = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality))
    return ranges


def negotiate(accept: str | None, formats: dict[str, tuple[str, tuple[str, ...]]]) -> str | None:
    """The format (a key of ``formats``) that best satisfies an ``Accept`` header, or None (406).

    The most specific matching media range gives each format its q-value; the highest wins,
    then the one the client listed first, then the server's order (JSON, Turtle first).

    >>> negotiate(None, GRAPH_FORMATS)
    'turtle'
    >>> negotiate("application/rdf+xml;q=0.8, application/ld+json", GRAPH_FORMATS)
    'json-ld'
    >>> negotiate("text/*, */*;q=0", RESULT_FORMATS)
    'csv'
    """
    ranges = _media_ranges(accept or "*/*") or [("*/*", 1.0)]
    best: tuple[float, int, int] | None = None
    chosen = None
    refused = {name for name, (mime, _) in formats.items() if (mime, 0.0) in ranges}
    offers = [(name, mime) for name, (mime, _) in formats.items()]
    offers += [(name, alias) for name, (_, aliases) in formats.items() for alias in aliases]
    for rank, (name, media) in enumerate(offers):
        kind = media.split("/")[0] + "/*"
        matches = [(2 if r == media else 1 if r == kind else 0, -i, q)
                   for i, (r, q) in enumerate(ranges) if r in (media, kind, "*/*")]
        if not matches or name in refused:
            continue
        _, position, quality = max(matches)
        score = (quality, position, -rank)
        if quality > 0 and (best is None or score > best):
            best, chosen = score, name
    return chosen


def not_acceptable(formats: dict[str, tuple[str, tuple[str, ...]]]) -> str:
    """The 406 message: what the client could have asked for.

    >>> not_acceptable(RESULT_FORMATS).split(": ")[0]
    'no acceptable format'
    """
    return "no acceptable format: the Accept header allows none of " + ", ".join(m for m, _ in formats.values())


def _xml_term(term: Node) -> str:
    def text(value: str) -> str:
        return escape(_XML_ILLEGAL_RE.sub("\ufffd", value))

    if isinstance(term, URIRef):
        return f"<uri>{text(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{text(str(term))}</bnode>"
    attrs = ""
    if isinstance(term, Literal) and term.language:
        attrs = f" xml:lang={quoteattr(term.language)}"
    elif isinstance(term, Literal) and term.datatype:
        attrs = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attrs}>{text(str(term))}</literal>"


def results_xml(result: QueryResult) -> str:
    """SELECT or ASK results in the SPARQL Query Results XML Format.

    >>> print(results_xml(QueryResult("ask", boolean=True)))
    <?xml version="1.0" encoding="utf-8"?>
    <sparql xmlns="http://www.w3.org/2005/sparql-results#">
    <head/>
    <boolean>true</boolean>
    </sparql>
    """
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "ask":
        lines += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>"]
    else:
        lines.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables) + "</head>")
        lines.append("<results>")
        for row in result.rows:
            cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                            for v, t in zip(result.variables, row) if t is not None)
            lines.append(f"<result>{cells}</result>")
        lines.append("</results>")
    lines.append("</sparql>")
    return "\n".join(lines) + "\n"


def write_results(result: QueryResult, fmt: str) -> bytes:
    """SELECT/ASK results in one of :data:`RESULT_FORMATS`.

    >>> write_results(QueryResult("ask", boolean=False), "json")
    b'{"head": {}, "boolean": false}\\n'
    """
    if fmt == "xml":
        return results_xml(result).encode("utf-8")
    if fmt == "csv" and result.kind == "ask":  # the CSV/TSV specs only cover SELECT: answer one cell
        return f"_askResult\n{'true' if result.boolean else 'false'}\n".encode("utf-8")
    if fmt == "tsv" and result.kind == "ask":
        return f"?_askResult\n{'true' if result.boolean else 'false'}\n".encode("utf-8")
    return format_result(result, fmt).encode("utf-8")


def write_triples(triples: list[Triple] | set[Triple], fmt: str, graph: URIRef | None = None) -> bytes:
    """Triples in one of :data:`GRAPH_FORMATS`; N-Quads and TriG name ``graph`` (or the default graph).

    >>> print(write_triples([(URIRef("urn:a"), URIRef("urn:p"), Literal("x"))], "nt").decode(), end="")
    <urn:a> <urn:p> "x" .
    """
    if fmt in ("nquads", "trig"):
        dataset = Dataset()
        target = dataset.graph(graph) if graph is not None else dataset.default_context
    else:
        dataset = target = Graph()
    for prefix, namespace in {**PREFIXES, "sd": SD, "format": FORMATS_NS}.items():
        dataset.bind(prefix, namespace)
    for triple in sorted(triples):
        target.add(triple)
    text = dataset.serialize(format=_RDFLIB_NAMES[fmt])
    if fmt == "json-ld":
        text = json.dumps(json.loads(text), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return text.encode("utf-8")


def service_description(endpoint: str) -> Graph:
    """The SPARQL 1.1 Service Description of the endpoint at ``endpoint``.

    >>> graph = service_description("http://127.0.0.1:7878/sparql")
    >>> (URIRef("http://127.0.0.1:7878/sparql"), RDF.type, SD.Service) in graph
    True
    """
    graph = Graph()
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in _FORMAT_IRIS.values():
        graph.add((service, SD.resultFormat, FORMATS_NS[name]))
    dataset, default = BNode("dataset"), BNode("defaultGraph")
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    return graph
