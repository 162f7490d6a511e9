"""The contract every store backend must keep (run against each registered backend)."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg import api
from kg.errors import QueryError, StoreError
from kg.store import open_store

G1, G2 = URIRef("urn:graph:1"), URIRef("urn:graph:2")
P = URIRef("urn:p")


def triples(n, graph_tag):
    return [(URIRef(f"urn:s{i}"), P, Literal(f"{graph_tag}-{i}")) for i in range(n)]


def test_replace_is_idempotent_and_per_graph(any_store):
    any_store.replace_graphs({G1: triples(3, "a"), G2: triples(2, "b")})
    any_store.replace_graphs({G1: triples(3, "a")})
    assert any_store.graph_names() == [G1, G2] and len(any_store) == 5
    any_store.replace_graphs({G1: triples(1, "c")})
    assert any_store.graph_triples(G1) == set(triples(1, "c"))


def test_remove_graph(any_store):
    any_store.replace_graphs({G1: triples(2, "a"), G2: triples(2, "b")})
    assert any_store.remove_graph(G1) and not any_store.remove_graph(G1)
    assert any_store.graph_names() == [G2]


def test_queries_run_over_the_union_of_graphs(any_store):
    any_store.replace_graphs({G1: triples(2, "a"), G2: triples(2, "b")})
    result = any_store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert result.kind == "select" and int(result.rows[0][0]) == 4
    assert any_store.query("ASK { ?s ?p 'b-1' }").boolean is True
    construct = any_store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?o = 'a-0') }")
    assert construct.kind == "graph" and len(construct.triples) == 1


def test_date_filters_use_xsd_date_bounds(any_store):
    any_store.replace_graphs({G1: [(URIRef("urn:e1"), P, Literal("2024-11-01", datatype=XSD.date)),
                                   (URIRef("urn:e2"), P, Literal("2025-07-12", datatype=XSD.date))]})
    rows = any_store.query('SELECT ?e WHERE { ?e ?p ?d FILTER(?d >= "2025-01-01"^^<http://www.w3.org/2001/XMLSchema#date>) }').rows
    assert [str(r[0]) for r in rows] == ["urn:e2"]


@pytest.mark.parametrize("sparql, message", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("PREFIX ex: <urn:ex:>\nSELECT * WHERE { BIND(ex:a\\# AS ?x) SERVICE <http://127.0.0.1:9/sparql> { ?a ?b ?c } }",
     "SERVICE is not allowed"),  # an escaped '#' in a prefixed name starts no comment
    ("LOAD <http://example.org/data.ttl>", "LOAD is not allowed"),
    ("DROP ALL", "DROP is not allowed"),
    ("SELECT * WHERE { ?s ?p }", "SPARQL"),
])
def test_bad_and_unsafe_queries_are_refused(any_store, sparql, message):
    any_store.replace_graphs({G1: triples(1, "a")})
    with pytest.raises(QueryError, match=message):
        any_store.query(sparql)
    assert len(any_store) == 1


def test_keyword_inside_a_string_is_not_refused(any_store):
    any_store.replace_graphs({G1: [(URIRef("urn:s"), P, Literal("customer SERVICE desk"))]})
    assert any_store.query('ASK { ?s ?p "customer SERVICE desk" }').boolean


def test_missing_on_disk_store(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "absent"), create=False)


def test_unwritable_store_location(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        open_store(str(blocker / "store"))


def test_ingest_is_idempotent_and_remove_works(any_store, sample_doc):
    api.ingest_documents(any_store, [sample_doc])
    before = sorted(any_store.quads())
    again = api.ingest_documents(any_store, [sample_doc])
    assert again.unchanged == 1 and sorted(any_store.quads()) == before
    api.remove(any_store, sample_doc.id)
    assert len(any_store) == 0
    with pytest.raises(StoreError, match="no article"):
        api.remove(any_store, sample_doc.id)


def test_actors_are_described_once_and_survive_removal_of_one_article(any_store):
    from kg.read import document_from_text
    docs = [document_from_text("Rusia menyerang Ukraina pada hari Sabtu.", doc_id=f"d{i}", lang="id",
                               published="2025-07-12") for i in range(3)]
    api.ingest_documents(any_store, docs)
    labels = any_store.query("SELECT ?l WHERE { <https://w3id.org/etkg/id/actor/country-RUS> "
                             "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }").rows
    assert labels == [(labels[0][0],)] and str(labels[0][0]) == "Russia"
    api.remove(any_store, "d0")
    assert any_store.query("ASK { <https://w3id.org/etkg/id/actor/country-RUS> ?p ?o }").boolean
    api.remove(any_store, "d1")
    api.remove(any_store, "d2")
    assert len(any_store) == 0
