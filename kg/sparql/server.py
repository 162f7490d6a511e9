"""A small read-only SPARQL 1.1 Protocol endpoint over HTTP (``kg serve``), on loopback by default.

``GET /sparql?query=...`` or ``POST /sparql`` (form ``query=...`` or ``application/sparql-query``);
results as SPARQL JSON, or CSV/TSV when the ``Accept`` header (or ``format=csv|tsv``) asks for them.
Queries go through the same safety check as ``kg query``: no SERVICE, no LOAD, no updates.

>>> from kg.store import open_store
>>> server = make_server(open_store("memory"), "127.0.0.1", 0)
>>> server.server_address[0]
'127.0.0.1'
>>> server.server_close()
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from kg.errors import KGError
from kg.sparql.results import format_result
from kg.store import Store

MAX_QUERY_BYTES = 1_000_000
TYPES = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values"}


def _format_for(accept: str, explicit: str | None) -> str:
    if explicit in TYPES:
        return explicit
    for fmt, mime in (("csv", "text/csv"), ("tsv", "text/tab-separated-values")):
        if mime in accept:
            return fmt
    return "json"


def make_server(store: Store, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
    """An HTTP server answering SPARQL queries on ``store`` (call ``serve_forever`` to run it)."""
    lock = threading.Lock()  # one query at a time: stores are not all thread-safe

    class Handler(BaseHTTPRequestHandler):
        server_version = "etkg"

        def log_message(self, fmt: str, *args) -> None:  # quiet by default
            pass

        def _reply(self, status: int, body: str, mime: str = "text/plain; charset=utf-8") -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", mime)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _answer(self, params: dict[str, list[str]], query: str | None) -> None:
            if urlparse(self.path).path not in ("/sparql", "/query"):
                self._reply(404, "not found: use /sparql\n")
                return
            query = query if query is not None else (params.get("query") or [None])[0]
            if not query:
                self._reply(400, "missing query\n")
                return
            fmt = _format_for(self.headers.get("Accept", ""), (params.get("format") or [None])[0])
            try:
                with lock:
                    result = store.query(query)
            except KGError as exc:
                self._reply(400, f"{exc}\n")
                return
            mime = "text/turtle" if result.kind == "graph" else TYPES[fmt]
            self._reply(200, format_result(result, fmt), mime + "; charset=utf-8")

        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            self._answer(parse_qs(urlparse(self.path).query), None)

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_QUERY_BYTES:
                self._reply(413, "query too large\n")
                return
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            params = parse_qs(urlparse(self.path).query)
            if self.headers.get("Content-Type", "").startswith("application/sparql-query"):
                self._answer(params, body)
            else:
                params.update(parse_qs(body))
                self._answer(params, None)

    return ThreadingHTTPServer((host, port), Handler)
