"""RDF: vocabulary in sync with the ontology, SHACL-valid sample graph, provenance, deterministic IRIs."""
from __future__ import annotations

from pathlib import Path

import pyshacl
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from kg.rdf import genvocab
from kg.rdf.build import IRIs, document_triples

ROOT = Path(__file__).resolve().parents[2]
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
KG = Namespace("https://w3id.org/etkg/ontology#")


def _graph(triples):
    graph = Graph()
    for t in triples:
        graph.add(t)
    return graph


def test_generated_vocabulary_is_in_sync():
    on_disk = (ROOT / "kg" / "rdf" / "vocab.py").read_text(encoding="utf-8")
    assert on_disk == genvocab.render(ROOT / "ontology" / "kg.ttl"), "run: python -m kg.rdf.genvocab"


def test_sample_graph_conforms_to_shapes(sample_extraction):
    _, triples, shared = document_triples(sample_extraction, IRIs())
    triples = triples + shared
    conforms, _, report = pyshacl.validate(
        _graph(triples), shacl_graph=Graph().parse(ROOT / "ontology" / "shapes.ttl"),
        ont_graph=Graph().parse(ROOT / "ontology" / "kg.ttl"), inference="rdfs", advanced=True)
    assert conforms, report


def test_shapes_reject_a_broken_event(sample_extraction):
    _, triples, shared = document_triples(sample_extraction, IRIs())
    graph = _graph(triples + shared)
    event = next(graph.subjects(RDF.type, KG.Event))
    graph.remove((event, SEM.eventType, None))
    conforms, _, _ = pyshacl.validate(graph, shacl_graph=Graph().parse(ROOT / "ontology" / "shapes.ttl"),
                                      ont_graph=Graph().parse(ROOT / "ontology" / "kg.ttl"), inference="rdfs")
    assert not conforms


def test_every_event_is_explicitly_sem_event_with_provenance(sample_extraction, sample_doc):
    _, triples, shared = document_triples(sample_extraction, IRIs())
    graph = _graph(triples + shared)
    events = set(graph.subjects(RDF.type, KG.Event))
    assert events and events <= set(graph.subjects(RDF.type, SEM.Event))
    for event in events:
        mention = graph.value(event, KG.hasMention)
        begin, end = int(graph.value(mention, NIF.beginIndex)), int(graph.value(mention, NIF.endIndex))
        assert sample_doc.text[begin:end] == str(graph.value(mention, NIF.anchorOf))
        sentence = graph.value(mention, NIF.sentence)
        s_begin = int(graph.value(sentence, NIF.beginIndex))
        assert sample_doc.text[s_begin:int(graph.value(sentence, NIF.endIndex))] == str(graph.value(sentence, NIF.anchorOf))


def test_dated_events_have_xsd_date_bounds(sample_extraction):
    _, triples, shared = document_triples(sample_extraction, IRIs())
    graph = _graph(triples + shared)
    for event in graph.subjects(SEM.hasTimeStamp, None):
        for prop in (SEM.hasEarliestBeginTimeStamp, SEM.hasLatestEndTimeStamp):
            value = graph.value(event, prop)
            assert isinstance(value, Literal) and str(value.datatype).endswith("#date")


def test_iris_are_deterministic_and_base_is_configurable(sample_extraction):
    first = document_triples(sample_extraction, IRIs())
    assert first == document_triples(sample_extraction, IRIs())
    graph_iri, triples, shared = document_triples(sample_extraction, IRIs("http://example.org/kb/"))
    assert graph_iri == URIRef("http://example.org/kb/graph/lavrov-kim-id")
    assert any(str(s).startswith("http://example.org/kb/actor/") for s, _, _ in shared)


def test_mentions_of_one_event_make_one_node():
    from kg.extract.pipeline import extract_document
    from kg.read import document_from_text
    text = ("Diplomat tinggi Rusia bertemu Kim Jong Un\n\n"
            "Menteri Luar Negeri Rusia Sergey Lavrov bertemu dengan Kim Jong Un pada hari Sabtu. "
            "Lavrov juga bertemu dengan Kim Jong Un pada hari Jumat.")
    extraction = extract_document(document_from_text(text, doc_id="m", lang="id", published="2025-07-12"))
    assert len(extraction.events) == 3  # kg extract keeps every mention
    _, triples, _ = document_triples(extraction, IRIs())
    graph = _graph(triples)
    events = sorted(graph.subjects(RDF.type, KG.Event))
    assert len(events) == 2  # the headline joins Saturday's meeting; Friday's is another
    mentions = sorted(len(list(graph.objects(e, KG.hasMention))) for e in events)
    assert mentions == [1, 2]


def test_implied_attackers_and_geonames_places_conform_to_shapes():
    from kg.extract.pipeline import extract_document
    from kg.read import document_from_text

    doc = document_from_text("A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier.",
                             doc_id="samarra", lang="en", published="2007-05-06")
    extraction = extract_document(doc)
    _, triples, shared = document_triples(extraction, IRIs())
    graph = _graph(triples + shared)
    assert (None, KG.geonames, URIRef("https://sws.geonames.org/91597/")) in graph
    assert any("Unidentified Armed Group (Iraq)" in str(o) for o in graph.objects(None, None))
    conforms, _, report = pyshacl.validate(
        graph, shacl_graph=Graph().parse(ROOT / "ontology" / "shapes.ttl"),
        ont_graph=Graph().parse(ROOT / "ontology" / "kg.ttl"), inference="rdfs", advanced=True)
    assert conforms, report


def test_decimal_quantities_and_states_capitals_stand_for_conform_to_shapes():
    from rdflib import XSD, Literal

    from kg.extract.pipeline import extract_document
    from kg.model import Quantity
    from kg.rdf.build import _number
    from kg.read import document_from_text

    assert _number(2.6) == Literal("2.6", datatype=XSD.decimal) and _number(3.0) == Literal(3)
    doc = document_from_text("Pyongyang mengirim 2,6 juta peluru ke Santiago. Moskow mengecam Kyiv.",
                             doc_id="q", lang="id", published="2025-07-12")
    extraction = extract_document(doc)
    extraction.events[0].quantities.append(Quantity(value=7.18, unit="percent"))
    _, triples, shared = document_triples(extraction, IRIs())
    graph = _graph(triples + shared)
    conforms, _, report = pyshacl.validate(
        graph, shacl_graph=Graph().parse(ROOT / "ontology" / "shapes.ttl"),
        ont_graph=Graph().parse(ROOT / "ontology" / "kg.ttl"), inference="rdfs", advanced=True)
    assert conforms, report
