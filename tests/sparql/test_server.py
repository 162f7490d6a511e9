"""The HTTP SPARQL endpoint on loopback: GET and POST, result formats, refusals."""
from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.sparql.server import make_server


@pytest.fixture
def endpoint(sample_store):
    server = make_server(sample_store, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def _get(url, accept="application/sparql-results+json"):
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers.get("Content-Type"), response.read().decode()


COUNT = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }"


def test_get_json_and_csv(endpoint):
    status, mime, body = _get(endpoint + "?" + urllib.parse.urlencode({"query": COUNT}))
    assert status == 200 and mime.startswith("application/sparql-results+json")
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 10
    status, mime, body = _get(endpoint + "?" + urllib.parse.urlencode({"query": COUNT}), accept="text/csv")
    assert mime.startswith("text/csv") and body.startswith("n\n")


def test_post_sparql_query(endpoint):
    request = urllib.request.Request(endpoint, data=b"ASK { ?s ?p ?o }",
                                     headers={"Content-Type": "application/sparql-query"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert json.loads(response.read())["boolean"] is True


@pytest.mark.parametrize("query, reason", [
    ("SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("SELECT * WHERE { ?s ?p }", "SPARQL"),
])
def test_refusals(endpoint, query, reason):
    with pytest.raises(urllib.error.HTTPError) as caught:
        _get(endpoint + "?" + urllib.parse.urlencode({"query": query}))
    assert caught.value.code == 400 and reason in caught.value.read().decode()
