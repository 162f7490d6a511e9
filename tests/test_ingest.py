"""Ingest: per-article isolation, atomic batches, skipping unchanged articles, writers waiting,
unique event IRIs and exports that any RDF tool parses (synthetic texts, no corpus excerpts)."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import URIRef

from kg import api, cli
from kg.export import EXPORTERS, RDFLIB_FORMATS, export_text
from kg.extract import pipeline
from kg.model import Event, Extraction, Sentence, Span
from kg.rdf import vocab as K
from kg.rdf.build import IRIs, document_triples
from kg.read import document_from_text
from kg.store.oxigraph import OxigraphStore

OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
              "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}

# A news page's furniture: a short form of the article's organisation inside a dropped line.
FURNITURE = ("Kementerian Luar Negeri (Kemlu) menyatakan pertemuan itu penting.\n\n"
             "Lihat juga Video: Kemlu Jelaskan Pertemuan Presiden\n\n"
             "Kemlu menambahkan bahwa kedua negara sepakat bekerja sama.")


def _jsonl(tmp_path, records, name="news.jsonl"):
    path = tmp_path / name
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_short_form_inside_a_dropped_boilerplate_line_does_not_break_ingest():
    store = api.open_store("memory")
    summary = api.ingest_text(store, FURNITURE, doc_id="kemlu", lang="id", published="2025-07-12")
    assert summary.documents == 1
    record = api.extract_text(FURNITURE, lang="id", published="2025-07-12")
    assert all(0 <= a["sentence"] < len(record["sentences"]) for a in record["actors"])


def test_one_bad_article_does_not_stop_the_others(tmp_path, capsys):
    path = _jsonl(tmp_path, [{"id": "a", "text": "Rusia menyerang Ukraina.", "lang": "id"},
                             "{not json",
                             {"id": "c", "text": "", "lang": "id"},
                             {"id": "d", "text": "Iran mengecam Israel.", "lang": "id"}])
    store = str(tmp_path / "store")
    code = cli.main(["ingest", path, "--store", store, "--quiet"])
    out, err = capsys.readouterr()
    assert code == cli.PARTIAL_FAILURE
    assert "2 article(s)" in out and "2 failed" in out
    assert "news.jsonl:2: malformed JSON" in err and "news.jsonl:3" in err and "Traceback" not in err
    with api.open_store(store, read_only=True) as opened:
        assert len(opened.graph_names()) == 3  # a, d and the shared graph


def test_fail_fast_stops_at_the_first_failure(tmp_path, capsys):
    path = _jsonl(tmp_path, ["{not json", {"id": "b", "text": "Rusia menyerang Ukraina.", "lang": "id"}])
    code = cli.main(["ingest", path, "--store", str(tmp_path / "store"), "--fail-fast", "--quiet"])
    assert code == 2 and "malformed JSON" in capsys.readouterr().err


def test_a_crash_inside_extraction_fails_that_article_only(monkeypatch):
    real = pipeline.extract_document

    def flaky(document, actors_file=None):
        if document.id == "bad":
            raise KeyError(-1)
        return real(document, actors_file)

    monkeypatch.setattr("kg.ingest.extract_document", flaky)
    docs = [document_from_text("Rusia menyerang Ukraina.", doc_id=i, lang="id") for i in ("ok", "bad", "ok2")]
    summary = api.ingest_documents(api.open_store("memory"), docs)
    assert summary.documents == 2 and summary.failed == 1
    assert summary.failures[0].record_id == "bad" and "internal error: KeyError(-1)" in summary.failures[0].reason


def test_unchanged_articles_are_skipped_before_extraction(monkeypatch):
    store = api.open_store("memory")
    docs = [document_from_text("Rusia menyerang Ukraina.", doc_id="a", lang="id")]
    assert api.ingest_documents(store, docs).documents == 1
    calls = []
    monkeypatch.setattr("kg.ingest.extract_document", lambda d, a=None: calls.append(d) or pipeline.extract_document(d))
    again = api.ingest_documents(store, docs)
    assert (again.documents, again.unchanged, calls) == (0, 1, [])
    edited = [document_from_text("Rusia menyerang Ukraina lagi.", doc_id="a", lang="id")]
    assert api.ingest_documents(store, edited).documents == 1 and len(calls) == 1


def test_roles_no_article_supports_any_more_are_removed():
    store = api.open_store("memory")
    api.ingest_text(store, "Menteri Pertanian Budi Santoso bertemu Kim Jong Un.", doc_id="a", lang="id")
    budi = next(a for a in api.actors(store) if "Santoso" in a["name"])
    assert budi["roles"]
    api.ingest_text(store, "Budi Santoso bertemu Kim Jong Un.", doc_id="a", lang="id")
    assert next(a for a in api.actors(store) if "Santoso" in a["name"])["roles"] == []
    api.remove(store, "a")
    assert store.graph_names() == []


def test_two_events_read_from_one_trigger_get_two_nodes():
    doc = document_from_text("Malaysia menyatakan dukungan bagi Indonesia.", doc_id="d", lang="id")
    trigger = Span(19, 27)
    events = [Event(0, trigger, "dukungan", "SUPPORT", modality="future"),
              Event(0, trigger, "dukungan", "AGREE"), Event(0, trigger, "dukungan", "AGREE", modality="negated")]
    extraction = Extraction(doc, [Sentence(0, 0, len(doc.text))], [], [], [], events)
    _, triples, _ = document_triples(extraction, IRIs())
    nodes = {s for s, p, o in triples if p == K.modality}
    assert len(nodes) == 3
    for node in nodes:
        assert len([o for s, p, o in triples if s == node and p == K.modality]) == 1


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_exports_parse_whatever_unicode_the_text_holds(fmt):
    text = ("Rusia menyerang Ukraina.\u2028Presiden\u0085Putin bertemu \"Xi\" di Moskow\u2029pada Senin.\n\n"
            "Tanda \\ miring, tab\tdan \ufffd serta \U0001F600.")
    store = api.open_store("memory")
    api.ingest_text(store, text, doc_id="odd\u2028id", lang="id", published="2025-07-12")
    data = export_text(store, fmt)
    parsed = rdflib.Dataset()
    parsed.parse(data=data, format=RDFLIB_FORMATS[fmt])
    assert len(parsed) == len(store) or fmt in ("turtle", "nt")
    assert len(list(ox.parse(data.encode("utf-8"), format=OX_FORMATS[fmt]))) >= len(parsed) > 0
    assert export_text(store, fmt) == data  # stable


def test_a_second_writer_waits_then_says_so(tmp_path, capsys):
    location = tmp_path / "store"
    path = _jsonl(tmp_path, [{"id": "a", "text": "Rusia menyerang Ukraina.", "lang": "id"}])
    with OxigraphStore(str(location)):
        code = cli.main(["ingest", path, "--store", str(location), "--wait", "0.5", "--quiet"])
    err = capsys.readouterr().err
    assert code == 3 and "in use by another writer (waited 0.5 s)" in err
    assert cli.main(["ingest", path, "--store", str(location), "--quiet"]) == 0


def test_progress_lines_on_a_pipe(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("kg.progress.ProgressReporter.__init__.__defaults__", (None, False, 0.0, False))
    path = _jsonl(tmp_path, [{"id": str(i), "text": "Rusia menyerang Ukraina.", "lang": "id"} for i in range(3)])
    assert cli.main(["ingest", path, "--store", "memory"]) == 0
    assert "article(s) so far" in capsys.readouterr().err


def test_batches_are_written_as_they_fill(monkeypatch):
    monkeypatch.setattr("kg.ingest.BATCH_DOCUMENTS", 2)
    store = api.open_store("memory")
    writes = []
    real = store.replace_graphs
    monkeypatch.setattr(store, "replace_graphs", lambda *a, **k: writes.append(len(a[0])) or real(*a, **k))
    docs = [document_from_text(f"Rusia menyerang Ukraina {i} kali.", doc_id=str(i), lang="id") for i in range(5)]
    assert api.ingest_documents(store, docs).documents == 5
    assert writes == [2, 2, 1]
    assert sum(1 for g in store.graph_names() if "/graph/" in str(g)) == 5
    assert URIRef(IRIs().shared_graph()) in store.graph_names()


def test_a_corrupted_store_is_one_line(tmp_path, capsys):
    location = tmp_path / "store"
    path = _jsonl(tmp_path, [{"id": "a", "text": "Rusia menyerang Ukraina.", "lang": "id"}])
    assert cli.main(["ingest", path, "--store", str(location), "--quiet"]) == 0
    with OxigraphStore(str(location)) as store:
        store.store.optimize()
    for sst in location.glob("*.sst"):
        data = bytearray(sst.read_bytes())
        for i in range(100, len(data) - 100, 97):
            data[i] ^= 0xFF
        sst.write_bytes(bytes(data))
    capsys.readouterr()
    for argv in (["query", "ASK {}"], ["ingest", path, "--quiet"], ["export", "--format", "nt"]):
        code = cli.main(argv + ["--store", str(location)])
        err = capsys.readouterr().err
        assert code == 3 and err.count("\n") == 1 and "corrupt" in err, (argv, err)


def test_a_long_text_without_punctuation_takes_linear_time():
    import random
    import time

    rng = random.Random(1)
    words = ("pemerintah kota jakarta menyatakan bahwa rencana pembangunan jalan tol akan dilanjutkan tahun depan "
             "oleh Presiden Joko Widodo bersama Menteri Basuki dan warga Bandung").split()
    api.extract_text("Rusia menyerang Ukraina. Budi Santoso bertemu Joko.", lang="id")  # models loaded

    def seconds(size: int) -> float:
        text = " ".join(rng.choice(words) for _ in range(size // 6))[:size]
        started = time.perf_counter()
        api.extract_text(text, lang="id", published="2025-07-12")
        return time.perf_counter() - started

    small, large = seconds(12_000), seconds(48_000)
    assert large < 10 * small + 1.0, (small, large)  # 4x the text: about 4x the time, never 16x


def test_an_actor_keeps_one_country_and_one_label_across_articles(monkeypatch):
    from rdflib import Literal
    from rdflib.namespace import SKOS

    actor = URIRef("https://w3id.org/etkg/id/actor/person-herman-de-croo")
    real = document_triples

    def described_as(country: str, label: str):
        def fake(extraction, iris, digest=None):
            graph, triples, _ = real(extraction, iris, digest)
            return graph, triples + [(actor, K.mentionOf, actor)], [(actor, K.country, Literal(country)),
                                                                   (actor, SKOS.prefLabel, Literal(label))]
        return fake

    store = api.open_store("memory")
    for n, (country, label) in enumerate((("BEL", "Herman De Croo"), ("FRA", "Herman de Croo"))):
        monkeypatch.setattr("kg.ingest.document_triples", described_as(country, label))
        api.ingest_documents(store, [document_from_text("Rusia menyerang Ukraina.", doc_id=str(n), lang="id")])
    shared = store.graph_triples(IRIs().shared_graph())
    assert [str(o) for s, p, o in shared if s == actor and p == K.country] == ["BEL"]
    assert [str(o) for s, p, o in shared if s == actor and p == SKOS.prefLabel] == ["Herman De Croo"]


def test_an_article_with_a_term_no_store_takes_fails_alone(monkeypatch, tmp_path):
    from rdflib import Literal

    real = document_triples

    def bad_iri_in_one(extraction, iris, digest=None):
        graph, triples, shared = real(extraction, iris, digest)
        if extraction.document.id == "bad":
            shared = shared + [(URIRef("https://w3id.org/etkg/id/actor/x"), K.wikidata, URIRef("http://www.wikidata.org/entity/Q1 x"))]
        return graph, triples, shared + [(URIRef("https://w3id.org/etkg/id/actor/x"), K.country, Literal("IDN"))]

    monkeypatch.setattr("kg.ingest.document_triples", bad_iri_in_one)
    docs = [document_from_text("Rusia menyerang Ukraina.", doc_id=i, lang="id") for i in ("a", "bad", "c")]
    with api.open_store(str(tmp_path / "store")) as store:
        summary = api.ingest_documents(store, docs)
        assert (summary.documents, summary.failed) == (2, 1) and "not valid RDF" in summary.failures[0].reason
        assert sum(1 for g in store.graph_names() if "/graph/" in str(g)) == 2


def test_a_bad_wikidata_id_in_an_actors_file_is_one_line(tmp_path, capsys):
    actors = tmp_path / "actors.yaml"
    actors.write_text("actors:\n  - {name: Budi Santoso Wirawan, kind: person, wikidata: 'Q1 x'}\n", encoding="utf-8")
    path = _jsonl(tmp_path, [{"id": "a", "text": "Rusia menyerang Ukraina.", "lang": "id"}])
    assert cli.main(["ingest", path, "--store", str(tmp_path / "s"), "--actors", str(actors)]) == 2
    assert "wikidata must be an item id" in capsys.readouterr().err


def test_graphs_stored_without_a_digest_are_cleaned_up_when_replaced():
    from rdflib.namespace import SKOS

    from kg.ingest import support, supported

    store = api.open_store("memory")
    api.ingest_text(store, "Sergey Lavrov bertemu Kim Jong Un di Moskow.", doc_id="a", lang="id")
    graph = IRIs().graph("a")
    store.replace_graphs({graph: [t for t in store.graph_triples(graph) if t[1] != K.inputDigest]})  # an older store
    api.ingest_text(store, "Polisi menangkap Budi Santoso di Jakarta.", doc_id="a", lang="id")
    named, labels, roles = support(store, IRIs())
    shared = store.graph_triples(IRIs().shared_graph())
    assert [t for t in shared if not supported(t, named, labels, roles)] == []
    assert not any("Lavrov" in str(o) for s, p, o in shared if p == SKOS.prefLabel)


def test_a_merge_keeps_the_kept_actors_label_and_country():
    store = api.open_store("memory")
    api.ingest_text(store, "Menteri Luar Negeri Rusia Sergey Lavrov bertemu Presiden Prabowo Subianto.", doc_id="a",
                    lang="id")
    ids = {a["name"]: a["id"].rsplit("/", 1)[-1] for a in api.actors(store)}
    api.merge_actors(store, ids["Sergey Lavrov"], ids["Prabowo Subianto"])
    kept = [a for a in api.actors(store) if a["id"].endswith(ids["Sergey Lavrov"])]
    assert len(kept) == 1 and kept[0]["name"] == "Sergey Lavrov" and kept[0]["country"] == "RUS"
    countries = store.query("SELECT ?c WHERE { <%s> <%s> ?c }" % (kept[0]["id"], K.country)).rows
    assert len(countries) == 1


def test_nothing_stored_is_exit_2(tmp_path, capsys):
    path = _jsonl(tmp_path, [{"id": "a", "text": "", "lang": "id"}])
    assert cli.main(["ingest", path, "--store", str(tmp_path / "s"), "--quiet"]) == 2
