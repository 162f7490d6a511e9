"""The HTTP SPARQL endpoint on loopback: protocol, formats, refusals, limits and isolation."""
from __future__ import annotations

import contextlib
import csv
import http.client
import io
import json
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from rdflib import Dataset, Graph, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, RDFXML, TURTLE, XML, SPARQLWrapper

from kg import api
from kg.samples import sample_documents
from kg.sparql.protocol import check_query_shape, negotiate, RESULT_FORMATS
from kg.sparql.server import ServerSettings, host_allowed, make_server
from kg.sparql.worker import QueryRunner, Task
from kg.store import open_store

EVENT = "<http://semanticweb.cs.vu.nl/2009/11/sem/Event>"
COUNT = f"SELECT (COUNT(?e) AS ?n) WHERE {{ ?e a {EVENT} }}"
CONSTRUCT = f"CONSTRUCT {{ ?e a {EVENT} }} WHERE {{ ?e a {EVENT} }}"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
FAST = dict(timeout=2.0, idle_timeout=1.0, queue_wait=0.5, max_workers=3)


@contextlib.contextmanager
def serving(store, **options):
    """A server on 127.0.0.1 and a free port, in a thread; yields (host, port)."""
    server = make_server(store, "127.0.0.1", 0, ServerSettings(**{**FAST, **options}))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[:2]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def sample_documents_store():
    """The sample article in an in-memory Oxigraph store."""
    store = open_store("oxigraph-memory")
    api.ingest_documents(store, sample_documents())
    return store


@pytest.fixture(scope="module")
def endpoint(sample_store):
    with serving(sample_store) as address:
        yield address


def request(address, method, path, body=None, headers=None, timeout=10):
    """(status, headers, body text) of one request with exactly the given headers."""
    conn = http.client.HTTPConnection(*address, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read().decode("utf-8")
    finally:
        conn.close()


def get(address, query=None, accept=None, path="/sparql", **params):
    if query is not None:
        params["query"] = query
    url = path + ("?" + urllib.parse.urlencode(params) if params else "")
    return request(address, "GET", url, headers={"Accept": accept} if accept else {})


def post_query(address, query, accept=None):
    headers = {"Content-Type": "application/sparql-query", **({"Accept": accept} if accept else {})}
    return request(address, "POST", "/sparql", body=query.encode("utf-8"), headers=headers)


def raw(address, data: bytes, wait=5.0) -> bytes:
    """Send raw bytes, return everything the server answers until it closes."""
    with socket.create_connection(address, timeout=wait) as sock:
        sock.sendall(data)
        chunks = []
        with contextlib.suppress(ConnectionResetError):
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks)


def test_get_json_and_csv(endpoint):
    status, headers, body = get(endpoint, COUNT, "application/sparql-results+json")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 10
    status, headers, body = get(endpoint, COUNT, "text/csv")
    assert headers["Content-Type"].startswith("text/csv") and body.startswith("n\r\n" if "\r" in body else "n\n")


def test_post_sparql_query_and_form(endpoint):
    status, _, body = post_query(endpoint, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    status, _, body = request(endpoint, "POST", "/sparql", form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and json.loads(body)["boolean"] is True


@pytest.mark.parametrize("query, reason", [
    ("SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "not allowed"),
    ("SELECT * WHERE { ?s ?p }", "SPARQL"),
    ("   ", "empty query"),
])
def test_refusals(endpoint, query, reason):
    status, _, body = get(endpoint, query)
    assert status == 400 and reason in body


@pytest.mark.parametrize("bomb, reason", [
    ("SELECT * WHERE " + "{" * 3000 + "}" * 3000, "nested too deeply"),
    ("SELECT * WHERE { " + "UNION".join(["{}"] * 10000) + " }", "too complex"),
    ("SELECT * WHERE { FILTER(" + "(" * 20000 + "1" + ")" * 20000 + ") }", "nested too deeply"),
    ("SELECT * WHERE { " + " ".join(f"BIND({i} AS ?v{i})" for i in range(3000)) + " }", "too complex"),
    ("ASK { FILTER(" + "1+" * 30000 + "1) }", "too complex"),
    ("ASK {} #" + "x" * 120_000, "too large"),
])
def test_query_bombs_are_refused_and_the_server_lives(endpoint, bomb, reason):
    status, _, body = post_query(endpoint, bomb)
    assert status == 400 and reason in body and len(body.splitlines()) == 1
    assert json.loads(post_query(endpoint, "ASK {}")[2])["boolean"] is True


def test_query_shape_ignores_strings_iris_and_comments():
    braces = "{" * 150
    assert check_query_shape(f'SELECT * WHERE {{ ?s ?p "{braces}" . ?s ?p <urn:x#{{> }} # {braces}') == "select"
    with pytest.raises(Exception, match="nested too deeply"):  # \u escapes are applied before parsing
        check_query_shape("ASK " + "\\u007B" * 150 + "}" * 150)


def test_a_crashing_query_kills_only_its_worker():
    runner = QueryRunner(open_store("oxigraph-memory"), timeout=20)
    crash = runner.run(Task("query", "SELECT * WHERE " + "{" * 5000 + "}" * 5000, result_format="json"))
    assert crash.status == 500 and b"crashed" in crash.body
    assert runner.run(Task("query", "ASK {}", result_format="json")).status == 200


def test_a_query_over_its_memory_limit_stops(sample_documents_store):
    runner = QueryRunner(sample_documents_store, timeout=20, memory_mb=64)
    start = time.monotonic()
    hog = "SELECT (GROUP_CONCAT(STR(?c)) AS ?x) WHERE { ?a ?b ?c . ?d ?e ?f }"
    reply = runner.run(Task("query", hog, result_format="json"))
    assert reply.status == 500 and b"64 MB" in reply.body and time.monotonic() - start < 10
    assert runner.run(Task("query", "ASK { ?s ?p ?o }", result_format="json")).status == 200


def test_timeout_answers_503_while_other_clients_are_served(endpoint):
    outcome = {}

    def slow():
        start = time.monotonic()
        outcome["reply"] = post_query(endpoint, CROSS)
        outcome["seconds"] = time.monotonic() - start

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.3)
    start = time.monotonic()
    status, _, body = post_query(endpoint, "ASK {}")
    assert status == 200 and json.loads(body)["boolean"] is True
    assert time.monotonic() - start < 1.0
    thread.join(10)
    status, _, body = outcome["reply"]
    assert status == 503 and "timed out after 2 s" in body and outcome["seconds"] < 3.5


def test_busy_pool_answers_503(sample_store):
    with serving(sample_store, max_workers=1, queue_wait=0.2) as address:
        thread = threading.Thread(target=post_query, args=(address, CROSS))
        thread.start()
        time.sleep(0.3)
        status, _, body = post_query(address, "ASK {}")
        assert status == 503 and "busy" in body
        thread.join(10)
        assert post_query(address, "ASK {}")[0] == 200


@pytest.mark.parametrize("length_headers, status", [
    ([], 411),
    (["Content-Length: -1"], 400),
    (["Content-Length: abc"], 400),
    (["Content-Length: 5", "Content-Length: 6"], 400),
    (["Content-Length: 300000000"], 413),
    (["Transfer-Encoding: chunked"], 411),
])
def test_bad_content_length(endpoint, length_headers, status):
    head = ["POST /sparql HTTP/1.1", f"Host: 127.0.0.1:{endpoint[1]}", "Content-Type: application/sparql-query",
            *length_headers]
    answer = raw(endpoint, ("\r\n".join(head) + "\r\n\r\n").encode() + b"ASK {}" + b"x" * 100_000)
    assert answer.startswith(f"HTTP/1.0 {status} ".encode()), answer[:200]
    assert b"Traceback" not in answer
    assert post_query(endpoint, "ASK {}")[0] == 200


def test_short_body_is_refused(endpoint):
    head = f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{endpoint[1]}\r\nContent-Length: 50\r\n\r\nquery=ASK"
    with socket.create_connection(endpoint, timeout=5) as sock:
        sock.sendall(head.encode())
        sock.shutdown(socket.SHUT_WR)
        assert sock.recv(100).startswith(b"HTTP/1.0 400")


def test_idle_connections_time_out(endpoint):
    for opening in (b"", b"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\n"):
        with socket.create_connection(endpoint, timeout=5) as sock:
            sock.sendall(opening)
            start = time.monotonic()
            assert sock.recv(100) == b""  # closed after the 1 s idle timeout, not left open
            assert time.monotonic() - start < 3


def test_handler_threads_are_bounded(sample_store):
    with serving(sample_store, max_threads=3, idle_timeout=5) as address:
        idle = [socket.create_connection(address, timeout=5) for _ in range(3)]
        try:
            time.sleep(0.2)
            assert raw(address, b"GET / HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.0 503")
        finally:
            for sock in idle:
                sock.close()
        time.sleep(0.2)
        assert post_query(address, "ASK {}")[0] == 200


def test_host_header_is_checked(endpoint):
    port = endpoint[1]
    for host, status in ((f"localhost:{port}", 200), (f"127.0.0.1:{port}", 200), (f"[::1]:{port}", 200),
                         (f"evil.example:{port}", 403), ("127.0.0.1:1", 403), ("localhost", 403)):
        assert request(endpoint, "GET", "/sparql?query=ASK%7B%7D", headers={"Host": host})[0] == status, host
    answer = raw(endpoint, b"GET /sparql?query=ASK%7B%7D HTTP/1.0\r\n\r\n")  # no Host at all
    assert answer.startswith(b"HTTP/1.0 403")


def test_allowed_hosts(sample_store):
    with serving(sample_store, allow_hosts=["kg.example.org"]) as address:
        assert request(address, "GET", "/sparql?query=ASK%7B%7D", headers={"Host": "kg.example.org"})[0] == 200
        assert request(address, "GET", "/sparql?query=ASK%7B%7D", headers={"Host": "other.example"})[0] == 403
    assert host_allowed("192.168.1.5:7878", 7878, loopback=False)
    assert not host_allowed("192.168.1.5:7878", 7878, loopback=True)
    assert not host_allowed("attacker.example:7878", 7878, loopback=False)
    assert host_allowed("anything:1", 7878, loopback=False, allow=["*"])


def test_queries_see_fresh_data_of_an_on_disk_store(tmp_path):
    location = str(tmp_path / "store")
    with open_store(location) as writer:
        api.ingest_text(writer, "Lavrov bertemu Kim Jong Un pada hari Sabtu.", doc_id="d1", lang="id",
                        published="2025-07-12")
        with serving(writer) as address:
            def events() -> int:
                status, _, body = get(address, COUNT)
                assert status == 200, body
                return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

            first = events()
            api.ingest_text(writer, "Putin bertemu Kim Jong Un di Pyongyang pada hari Rabu.", doc_id="d2",
                            lang="id", published="2025-07-12")
            assert events() > first
            api.remove(writer, "d2")
            assert events() == first


@pytest.mark.parametrize("accept, mime", [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.4, application/sparql-results+xml;q=0.9, */*;q=0.1", "application/sparql-results+xml"),
    ("application/json", "application/sparql-results+json"),
])
def test_select_negotiation(endpoint, accept, mime):
    status, headers, body = get(endpoint, COUNT, accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == mime
    if mime.endswith("+xml"):
        literal = ET.fromstring(body).find(".//{http://www.w3.org/2005/sparql-results#}literal")
        assert int(literal.text) > 10
    elif mime.startswith("text/"):
        rows = list(csv.reader(io.StringIO(body), delimiter="," if mime == "text/csv" else "\t"))
        assert rows[0] in (["n"], ["?n"]) and len(rows) == 2


@pytest.mark.parametrize("accept, mime, rdflib_format", [
    (None, "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/n-quads", "application/n-quads", "nquads"),
    ("application/trig", "application/trig", "trig"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    ("text/turtle;q=0.2, application/rdf+xml;q=0.5", "application/rdf+xml", "xml"),
])
def test_construct_negotiation(endpoint, sample_store, accept, mime, rdflib_format):
    status, headers, body = get(endpoint, CONSTRUCT, accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == mime
    graph = Dataset() if rdflib_format in ("nquads", "trig") else Graph()
    graph.parse(data=body, format=rdflib_format)
    assert len(graph) == len(sample_store.query(CONSTRUCT).triples) > 10


def test_format_parameter_and_406(endpoint):
    status, headers, _ = get(endpoint, COUNT, "application/sparql-results+json", format="xml")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+xml")
    status, _, body = get(endpoint, COUNT, "text/turtle")
    assert status == 406 and "application/sparql-results+json" in body
    assert get(endpoint, CONSTRUCT, "text/csv")[0] == 406
    assert get(endpoint, "ASK {}", "application/sparql-results+json;q=0, text/csv;q=0")[0] == 406
    assert negotiate("text/html, */*;q=0.8", RESULT_FORMATS) == "json"


def test_updates_are_refused(endpoint):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    status, _, body = request(endpoint, "POST", "/sparql", update.encode(),
                              {"Content-Type": "application/sparql-update"})
    assert status == 403 and "read-only" in body
    form = urllib.parse.urlencode({"update": update}).encode()
    assert request(endpoint, "POST", "/sparql", form, {"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    assert get(endpoint, update=update)[0] == 403
    assert request(endpoint, "PUT", "/rdf-graph-store?default", b"", {"Content-Length": "0"})[0] == 405


def test_cors(sample_store, endpoint):
    assert "Access-Control-Allow-Origin" not in get(endpoint, "ASK {}")[1]
    with serving(sample_store, cors_origin="https://app.example") as address:
        status, headers, _ = get(address, "ASK {}")
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://app.example"
        status, headers, _ = request(address, "OPTIONS", "/sparql", headers={
            "Origin": "https://app.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type"})
        assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
        assert "Content-Type" in headers["Access-Control-Allow-Headers"]
        assert headers["Access-Control-Allow-Origin"] == "https://app.example"


def test_service_description(endpoint):
    status, headers, body = get(endpoint)
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=body, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    service = URIRef(f"http://127.0.0.1:{endpoint[1]}/sparql")
    assert (service, URIRef(sd + "endpoint"), service) in graph
    assert (None, URIRef(sd + "resultFormat"), URIRef("http://www.w3.org/ns/formats/SPARQL_Results_XML")) in graph


def test_graph_store_get(endpoint, sample_store):
    name = sample_store.graph_names()[0]
    status, headers, body = get(endpoint, path="/rdf-graph-store", graph=str(name))
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert len(Graph().parse(data=body, format="turtle")) == len(sample_store.graph_triples(name))
    status, _, body = get(endpoint, path="/rdf-graph-store", accept="application/n-quads", graph=str(name))
    assert status == 200 and f"<{name}> ." in body.splitlines()[0]
    status, _, body = get(endpoint, path="/rdf-graph-store", accept="application/n-triples", default="")
    union = {t for g in sample_store.graph_names() for t in sample_store.graph_triples(g)}
    assert status == 200 and len(Graph().parse(data=body, format="nt")) == len(union)
    assert get(endpoint, path="/rdf-graph-store", graph="urn:no-such-graph")[0] == 404
    assert get(endpoint, path="/rdf-graph-store")[0] == 400
    assert get(endpoint, path="/rdf-graph-store", accept="text/csv", graph=str(name))[0] == 406
    assert request(endpoint, "HEAD", "/rdf-graph-store?graph=" + urllib.parse.quote(str(name)))[0] == 200


def test_sparqlwrapper_client(endpoint):
    url = f"http://127.0.0.1:{endpoint[1]}/sparql"
    client = SPARQLWrapper(url)
    client.setQuery(COUNT)
    for fmt in (JSON, XML, CSV):
        client.setReturnFormat(fmt)
        result = client.queryAndConvert()
        if fmt == JSON:
            assert int(result["results"]["bindings"][0]["n"]["value"]) > 10
        elif fmt == XML:
            assert int(result.getElementsByTagName("literal")[0].firstChild.data) > 10
        else:
            assert result.decode().splitlines()[0] == "n"
    client.setMethod("POST")
    client.setQuery("ASK { ?s ?p ?o }")
    client.setReturnFormat(JSON)
    assert client.queryAndConvert()["boolean"] is True
    client.setMethod("GET")
    client.setQuery(CONSTRUCT)
    for fmt in (TURTLE, RDFXML, JSONLD):
        client.setReturnFormat(fmt)
        result = client.queryAndConvert()
        graph = result if isinstance(result, Graph) else Graph().parse(data=result, format="turtle")
        assert len(graph) > 10


def test_unknown_path_and_bad_query_string(endpoint):
    assert get(endpoint, path="/nothing")[0] == 404
    assert request(endpoint, "GET", "/sparql?query=%FF%FE")[0] == 400
    assert request(endpoint, "GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D")[0] == 400


def test_kg_serve_command(tmp_path):
    location = str(tmp_path / "store")
    with open_store(location) as store:
        api.ingest_text(store, "Lavrov bertemu Kim Jong Un pada hari Sabtu.", doc_id="d1", lang="id",
                        published="2025-07-12")
    code = "import sys; from kg.cli import main; sys.exit(main(sys.argv[1:]))"
    server = subprocess.Popen([sys.executable, "-c", code, "serve", "--store", location, "--port", "0",
                               "--timeout", "2", "--cors", "*"], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        assert "queries stop after 2 s" in line, line
        port = int(line.split("/sparql")[0].rsplit(":", 1)[1])
        status, headers, body = get(("127.0.0.1", port), COUNT)
        assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == 1
        assert headers["Access-Control-Allow-Origin"] == "*"
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(10) == 0
        server.stdout.close()
