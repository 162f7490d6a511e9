"""A read-only SPARQL 1.1 Protocol endpoint over HTTP (``kg serve``), on loopback by default.

``GET /sparql?query=...`` or ``POST /sparql`` (form ``query=...`` or ``application/sparql-query``).
SELECT/ASK results come as SPARQL JSON, XML, CSV or TSV and CONSTRUCT/DESCRIBE graphs as Turtle,
N-Triples, N-Quads, TriG, JSON-LD or RDF/XML, by ``Accept`` (or ``format=``); 406 when nothing
fits. ``GET /sparql`` without a query is the service description; ``GET /rdf-graph-store?graph=IRI``
(or ``?default``) reads one graph (Graph Store Protocol). Updates are refused (403).

Every query passes :func:`kg.store.check_query_safety` (no SERVICE, no updates) and
:func:`kg.sparql.protocol.check_query_shape` (size, nesting), then runs in a worker process with
a time limit (:mod:`kg.sparql.worker`). Idle connections time out, handler threads are bounded,
and the Host header must name this server (no DNS rebinding).

>>> from kg.store import open_store
>>> server = make_server(open_store("memory"), "127.0.0.1", 0)
>>> server.server_address[0]
'127.0.0.1'
>>> server.server_close()
"""
from __future__ import annotations

import ipaddress
import re
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from kg.errors import QueryError, UsageError
from kg.sparql.protocol import (FORMAT_PARAM, GRAPH_FORMATS, MAX_QUERY_BYTES, RESULT_FORMATS, check_query_shape,
                                negotiate, not_acceptable, service_description, write_triples)
from kg.sparql.worker import QueryRunner, Reply, Task
from kg.store import Store, check_query_safety

QUERY_PATHS = ("/sparql", "/query")
GRAPH_STORE_PATH = "/rdf-graph-store"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
UPDATES_REFUSED = "updates are not allowed: this endpoint is read-only (use kg ingest / kg remove)"


@dataclass
class ServerSettings:
    """Limits and options of one endpoint (``kg serve`` flags)."""

    timeout: float = 30.0              # seconds a query may run before its worker is killed
    max_workers: int = 4               # query worker processes at once
    queue_wait: float = 5.0            # seconds a request waits for a free worker, then 503
    idle_timeout: float = 15.0         # seconds a client may stay silent mid-request
    max_threads: int = 64              # connections handled at once; more get 503
    max_query_bytes: int = MAX_QUERY_BYTES
    memory_mb: int = 2048              # address space a query worker may add before it is stopped
    allow_hosts: list[str] = field(default_factory=list)  # extra Host names ("name" or "name:port"; "*": any)
    cors_origin: str | None = None     # Access-Control-Allow-Origin value, e.g. "*"

    @property
    def max_body_bytes(self) -> int:
        """A form-encoded query may triple in size (``%XX``)."""
        return 3 * self.max_query_bytes + 4096


def is_loopback(host: str) -> bool:
    """Whether a bind address only listens on this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_allowed(header: str | None, port: int, loopback: bool, allow: list[str] = ()) -> bool:
    """Whether a request's Host header names this server: on a loopback bind only
    ``127.0.0.1``, ``localhost`` or ``[::1]`` with our port; elsewhere an IP address with our
    port; always a name given in ``allow``. Any other name may be a DNS-rebinding attack.

    >>> host_allowed("localhost:7878", 7878, True), host_allowed("evil.example:7878", 7878, True)
    (True, False)
    >>> host_allowed("kg.example.org", 7878, False, ["kg.example.org"])
    True
    """
    if not header:
        return False
    header = header.strip().lower()
    match = re.fullmatch(r"(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?", header)
    if not match:
        return False
    name, given_port = match.group(1), int(match.group(2) or 80)
    for entry in allow:
        entry = entry.strip().lower()
        if entry == "*" or entry in (name, header):
            return True
    if given_port != port:
        return False
    if name in LOOPBACK_NAMES:
        return True
    if loopback:
        return False
    try:
        ipaddress.ip_address(name.strip("[]"))
        return True
    except ValueError:
        return False


class SPARQLServer(ThreadingHTTPServer):
    """ThreadingHTTPServer with a bound on handler threads and quiet error handling."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type, settings: ServerSettings, runner: QueryRunner) -> None:
        self.settings = settings
        self.runner = runner
        self._handler_slots = threading.BoundedSemaphore(settings.max_threads)
        super().__init__(address, handler)

    def server_close(self) -> None:
        super().server_close()
        self.runner.close()

    def process_request(self, request: socket.socket, client_address: tuple) -> None:
        if not self._handler_slots.acquire(blocking=False):
            try:
                request.settimeout(1)
                request.sendall(b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                                b"Content-Length: 40\r\nConnection: close\r\n\r\n"
                                b"server busy: too many open connections\n\n")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._handler_slots.release()
            raise

    def process_request_thread(self, request: socket.socket, client_address: tuple) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._handler_slots.release()

    def handle_error(self, request: socket.socket, client_address: tuple) -> None:
        """A client that vanished or stalled is no news: say nothing (no traceback)."""


def _first(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name) or []
    if len(values) > 1:
        raise QueryError(f"more than one {name!r} parameter")
    return values[0] if values else None


class SPARQLHandler(BaseHTTPRequestHandler):
    """One HTTP connection: routes, limits and refusals; queries go to the server's runner."""

    server: SPARQLServer
    server_version = "etkg"

    def setup(self) -> None:
        self.timeout = self.server.settings.idle_timeout
        super().setup()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet by default
        pass

    # -- replies ------------------------------------------------------------------------------
    def _send(self, reply: Reply, extra: dict[str, str] | None = None) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.mime)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Vary", "Accept" if not self.server.settings.cors_origin else "Accept, Origin")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if self.server.settings.cors_origin:
            self.send_header("Access-Control-Allow-Origin", self.server.settings.cors_origin)
        if reply.status >= 400:
            self.close_connection = True
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def _fail(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        self._send(Reply.text(status, message), extra)

    def _checked(self) -> bool:
        """The Host header names this server; else answer 403 (False)."""
        host, port = self.server.server_address[:2]
        if host_allowed(self.headers.get("Host"), port, is_loopback(host), self.server.settings.allow_hosts):
            return True
        self._fail(403, "missing or foreign Host header: use http://127.0.0.1:PORT/ or start kg serve with "
                        "--allow-host NAME")
        return False

    # -- HTTP methods -------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 (http.server API; HEAD is the same without the body)
        if not self._checked():
            return
        url = urlsplit(self.path)
        try:
            params = parse_qs(url.query, keep_blank_values=True, errors="strict", max_num_fields=50)
        except (ValueError, UnicodeDecodeError):
            self._fail(400, "bad query string: not UTF-8 form encoding, or too many parameters")
            return
        if url.path == GRAPH_STORE_PATH:
            self._graph_store(params)
        elif url.path in QUERY_PATHS:
            self._sparql(params, None)
        elif url.path == "/":
            self._send(Reply.text(200, "SPARQL endpoint: /sparql  (graphs: /rdf-graph-store?graph=IRI)"))
        else:
            self._fail(404, "not found: use /sparql or /rdf-graph-store")

    def do_POST(self) -> None:  # noqa: N802
        if not self._checked():
            return
        url = urlsplit(self.path)
        if url.path == GRAPH_STORE_PATH:
            self._fail(405, "the graph store is read-only here", {"Allow": "GET, HEAD, OPTIONS"})
            return
        if url.path not in QUERY_PATHS:
            self._fail(404, "not found: use /sparql")
            return
        body = self._read_body()
        if body is None:
            return
        mime = self.headers.get("Content-Type", "application/x-www-form-urlencoded").split(";")[0].strip().lower()
        try:
            params = parse_qs(url.query, keep_blank_values=True, errors="strict", max_num_fields=50)
            if mime == "application/sparql-update":
                self._fail(403, UPDATES_REFUSED)
            elif mime == "application/sparql-query":
                self._sparql(params, body.decode("utf-8"))
            elif mime == "application/x-www-form-urlencoded":
                params.update(parse_qs(body.decode("utf-8"), keep_blank_values=True, errors="strict",
                                       max_num_fields=50))
                self._sparql(params, None)
            else:
                self._fail(415, f"unsupported Content-Type {mime}: send application/sparql-query or a form")
        except (ValueError, UnicodeDecodeError):
            self._fail(400, "bad request body: not UTF-8 text, or too many form fields")

    def do_OPTIONS(self) -> None:  # noqa: N802 (CORS preflight)
        if not self._checked():
            return
        extra = {"Allow": "GET, HEAD, POST, OPTIONS"}
        if self.server.settings.cors_origin:
            extra.update({"Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
                          "Access-Control-Allow-Headers": "Content-Type, Accept",
                          "Access-Control-Max-Age": "600"})
        self._send(Reply(204, "text/plain", b""), extra)

    def _refuse_write(self) -> None:
        if self._checked():
            self._fail(405, "this endpoint is read-only", {"Allow": "GET, HEAD, POST, OPTIONS"})

    do_HEAD = do_GET  # noqa: N815
    do_PUT = do_DELETE = do_PATCH = _refuse_write

    # -- pieces -------------------------------------------------------------------------------
    def _read_body(self) -> bytes | None:
        """The request body within the limits, or None after answering 400/411/413."""
        if self.headers.get("Transfer-Encoding"):
            self._fail(411, "chunked request bodies are not supported: send a Content-Length")
            return None
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            self._fail(411, "a POST needs a Content-Length header")
            return None
        if len(set(v.strip() for v in lengths)) != 1 or not re.fullmatch(r"\d{1,12}", lengths[0].strip()):
            self._fail(400, f"bad Content-Length: {', '.join(lengths)[:40]!r}")
            return None
        length = int(lengths[0])
        if length > self.server.settings.max_body_bytes:
            self._fail(413, f"request body too large: {length} bytes (at most {self.server.settings.max_body_bytes})")
            return None
        try:
            body = self.rfile.read(length)
        except (TimeoutError, OSError):
            self.close_connection = True
            return None
        if len(body) < length:
            self._fail(400, "request body shorter than its Content-Length")
            return None
        return body

    def _formats(self, params: dict[str, list[str]]) -> tuple[str | None, str | None]:
        """Negotiated (result format, graph format); ``format=`` wins over ``Accept``."""
        accept = self.headers.get("Accept")
        result_format, graph_format = negotiate(accept, RESULT_FORMATS), negotiate(accept, GRAPH_FORMATS)
        for value in params.get("format", []):
            value = value.strip().lower()
            by_name = FORMAT_PARAM.get(value, (None, None))
            by_mime = ((negotiate(value, RESULT_FORMATS), negotiate(value, GRAPH_FORMATS)) if "/" in value
                       else (None, None))
            wanted = (by_name[0] or by_mime[0], by_name[1] or by_mime[1])
            if any(wanted):
                return wanted[0] or result_format, wanted[1] or graph_format
        return result_format, graph_format

    def _sparql(self, params: dict[str, list[str]], query: str | None) -> None:
        try:
            if "update" in params:
                self._fail(403, UPDATES_REFUSED)
                return
            if "default-graph-uri" in params or "named-graph-uri" in params:
                raise QueryError("default-graph-uri and named-graph-uri are not supported: the default graph is "
                                 "the union of all articles; use GRAPH <iri> { } in the query")
            query = query if query is not None else _first(params, "query")
            result_format, graph_format = self._formats(params)
            if query is None:
                self._describe_service(graph_format)
                return
            if not query.strip():
                raise QueryError("empty query")
            form = check_query_shape(query, self.server.settings.max_query_bytes)
            check_query_safety(query)
        except QueryError as exc:
            self._fail(400, str(exc))
            return
        if (form in ("select", "ask") and result_format is None) or (form == "graph" and graph_format is None):
            self._fail(406, not_acceptable(GRAPH_FORMATS if form == "graph" else RESULT_FORMATS))
            return
        self._send(self.server.runner.run(Task("query", query, result_format, graph_format)))

    def _describe_service(self, graph_format: str | None) -> None:
        if graph_format is None:
            self._fail(406, not_acceptable(GRAPH_FORMATS))
            return
        endpoint = f"http://{self.headers.get('Host')}{urlsplit(self.path).path}"
        body = write_triples(set(service_description(endpoint)), graph_format)
        self._send(Reply(200, GRAPH_FORMATS[graph_format][0] + "; charset=utf-8", body))

    def _graph_store(self, params: dict[str, list[str]]) -> None:
        try:
            graph = _first(params, "graph")
        except QueryError as exc:
            self._fail(400, str(exc))
            return
        if (graph is None) == ("default" not in params):
            self._fail(400, "name one graph: ?graph=IRI or ?default")
            return
        if graph is not None and not re.fullmatch(r"[^<>\"{}|^`\\\s]+:[^<>\"{}|^`\\\s]*", graph):
            self._fail(400, f"not an absolute IRI: {graph[:100]!r}")
            return
        _, graph_format = self._formats(params)
        if graph_format is None:
            self._fail(406, not_acceptable(GRAPH_FORMATS))
            return
        self._send(self.server.runner.run(Task("graph", graph, None, graph_format)))


def make_server(store: Store, host: str = "127.0.0.1", port: int = 7878,
                settings: ServerSettings | None = None) -> SPARQLServer:
    """An HTTP server answering SPARQL on ``store`` (call ``serve_forever`` to run it).

    >>> from kg.store import open_store
    >>> server = make_server(open_store("memory"), "127.0.0.1", 0, ServerSettings(timeout=2))
    >>> server.settings.timeout
    2
    >>> server.server_close()
    """
    settings = settings or ServerSettings()
    if settings.timeout <= 0 or settings.max_workers < 1 or settings.max_threads < 1:
        raise UsageError("timeout, worker and thread limits must be positive")
    runner = QueryRunner(store, settings.timeout, settings.max_workers, settings.queue_wait, settings.memory_mb)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    server_class = type("SPARQLServer", (SPARQLServer,), {"address_family": family})
    try:
        return server_class((host, port), SPARQLHandler, settings, runner)
    except BaseException:
        runner.close()
        raise
