"""The command line: every command on the sample and on a JSONL file of several articles, and
one-line errors with a non-zero exit for bad input, leaving the store unchanged."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.samples import SAMPLES_DIR

DATA = Path(__file__).resolve().parent / "data"
SAMPLE = str(SAMPLES_DIR / "lavrov-kim-id.txt")


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def store(tmp_path, capsys):
    location = str(tmp_path / "kg-data")
    code, out, _ = run(capsys, "ingest", SAMPLE, "--published", "2025-07-12", "--lang", "id", "--store", location)
    assert code == 0 and "events" in out
    code, out, _ = run(capsys, "ingest", str(DATA / "articles.jsonl"), "--store", location)
    assert code == 0 and "ingested 3 article(s)" in out
    return location


def test_extract_contract(capsys):
    code, out, _ = run(capsys, "extract", "--format", "jsonl", SAMPLE, "--published", "2025-07-12")
    assert code == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    text = Path(SAMPLE).read_text(encoding="utf-8")
    assert {"id", "lang", "published", "sentences", "times", "actors", "places", "events"} <= set(record)
    for key in ("times", "actors", "places"):
        for item in record[key]:
            assert text[item["start"]:item["end"]] == item["text"]
    assert {a["mention"] for a in record["actors"]} == {"name", "nominal", "anaphor"}  # "tentara", "kedua negara"
    for event in record["events"]:
        sentence = record["sentences"][event["sentence"]]
        assert sentence["start"] <= event["trigger"]["start"] < event["trigger"]["end"] <= sentence["end"]
        assert text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
        for actor in event["source"] + event["target"] + event["according_to"]:
            assert set(actor) == {"name", "kind", "country", "id", "text", "start", "end"}
            if actor["start"] is not None:  # the mention the role was read from
                assert text[actor["start"]:actor["end"]] == actor["text"]
            assert actor["kind"] in ("person", "organization", "country", "group")
        assert event["modality"] in ("asserted", "future", "negated", "hypothetical")
        assert event["date"] is None or {"value", "earliest", "latest"} <= set(event["date"])


def test_extract_keeps_input_order_and_reports_failed_records(tmp_path, capsys):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "a", "text": "Lavrov tiba di Pyongyang.", "lang": "id"}\n{oops\n'
                    '{"id": "c", "text": "Russia attacked Ukraine.", "lang": "en"}\n', encoding="utf-8")
    code, out, err = run(capsys, "extract", "--format", "jsonl", str(path))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r.get("id") for r in records] == ["a", None, "c"]
    assert "malformed JSON" in records[1]["error"] and err.count("\n") == 1


def test_extract_offsets_are_code_points_of_the_given_text(capsys, tmp_path):
    text = "🙂 Rusia menyerang Ukraina pada hari Sabtu.\r\nKim tiba."
    path = tmp_path / "emoji.jsonl"
    path.write_text(json.dumps({"id": "e", "text": text, "lang": "id", "published": "2025-07-12"}) + "\n", encoding="utf-8")
    _, out, _ = run(capsys, "extract", "--format", "jsonl", str(path))
    record = json.loads(out)
    assert all(text[a["start"]:a["end"]] == a["text"] for a in record["actors"] + record["times"])


def test_query_timeline_graph_export_remove(store, capsys, tmp_path):
    code, out, _ = run(capsys, "query", "SELECT (COUNT(?e) AS ?n) WHERE { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }",
                       "--format", "json", "--store", store)
    assert code == 0 and int(json.loads(out)["results"]["bindings"][0]["n"]["value"]) > 20
    for name, binds in (("actor-relations", []), ("actor-timeline", ["name=Sergey Lavrov"]),
                        ("events-by-type-period", ["type=ASSAULT", "from=2025-07-01", "to=2025-07-31"])):
        code, out, err = run(capsys, "query", name, "--store", store, *[x for b in binds for x in ("--bind", b)])
        assert code == 0 and "(0 rows)" not in out, err
    code, _, err = run(capsys, "query", "actor-relations", "--bind", "type=ASSAULT", "--store", store)
    assert code != 0 and "computed by the query" in err
    rows = {}
    for period in (("2025-07-01", "2025-07-31"), ("2025-07", "2025-07"), ("2025", "2025"), ("2025-7-1", " 2025-7")):
        code, out, err = run(capsys, "query", "events-by-type-period", "--store", store, "--format", "csv",
                             "--bind", "type=ASSAULT", "--bind", f"from={period[0]}", "--bind", f"to={period[1]}")
        rows[period] = out.splitlines()
        assert code == 0 and len(rows[period]) > 1, err  # a month or a year is the whole of it
    assert rows[("2025-07", "2025-07")] == rows[("2025-07-01", "2025-07-31")] == rows[("2025-7-1", " 2025-7")]
    code, out, err = run(capsys, "query", "events-by-type-period", "--store", store, "--bind", "type=ASSAULT",
                         "--bind", "from=2025-13-01", "--bind", "to=2025-12-31")
    assert code != 0 and "not a real date" in err and err.count("\n") == 1 and not out
    rq = tmp_path / "ask.rq"
    rq.write_text("ASK { ?s ?p ?o }")
    assert run(capsys, "query", str(rq), "--store", store)[1] == "true\n"
    for fmt in ("csv", "tsv", "table"):
        assert run(capsys, "query", "actor-relations", "--format", fmt, "--store", store)[0] == 0
    code, out, _ = run(capsys, "timeline", "--actor", "Lavrov", "--format", "json", "--store", store)
    rows = json.loads(out)
    assert code == 0 and rows and all(set(r) >= {"date", "type", "source", "target", "place", "sentence", "article"} for r in rows)
    code, out, _ = run(capsys, "timeline", "--store", store)
    assert "(undated)" in out
    code, out, _ = run(capsys, "timeline", "--from", "2025-07-01", "--type", "CONSULT", "--format", "csv", "--store", store)
    assert code == 0 and out.startswith("date,type")
    html, graphml, gexf = tmp_path / "g.html", tmp_path / "g.graphml", tmp_path / "g.gexf"
    code, out, _ = run(capsys, "graph", "--html", str(html), "--graphml", str(graphml), "--gexf", str(gexf), "--store", store)
    assert code == 0 and html.stat().st_size > 1000 and graphml.exists() and gexf.exists()
    code, out, _ = run(capsys, "export", "--format", "turtle", "--store", store)
    assert code == 0 and "sem:Event" in out
    target = tmp_path / "out.nq"
    assert run(capsys, "export", "--format", "nquads", "-o", str(target), "--store", store)[0] == 0
    assert run(capsys, "remove", "id-1", "--store", store)[0] == 0
    code, _, err = run(capsys, "remove", "id-1", "--store", store)
    assert code != 0 and "no article 'id-1'" in err


def test_reingest_changes_nothing(store, capsys):
    before = run(capsys, "export", "--format", "nquads", "--store", store)[1]
    code, out, _ = run(capsys, "ingest", str(DATA / "articles.jsonl"), "--store", store)
    assert "3 unchanged" in out
    assert run(capsys, "export", "--format", "nquads", "--store", store)[1] == before


BAD_INPUTS = {
    "empty.txt": (b"", "empty input"),
    "binary.txt": (b"\x00\x01\x02\xff" * 20, "binary"),
    "latin1.txt": ("Kemarin café".encode("latin-1"), "not valid UTF-8"),
    "bad.jsonl": (b'{"id": 1, "text": "ok"\n', "malformed JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_files_get_one_line_and_leave_the_store_unchanged(store, capsys, tmp_path, name):
    raw, reason = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(raw)
    before = run(capsys, "export", "--format", "nquads", "--store", store)[1]
    code, out, err = run(capsys, "ingest", str(DATA / "articles.jsonl"), str(path), "--store", store)
    assert code != 0 and reason in err and err.count("\n") == 1 and err.startswith("kg: ")
    assert run(capsys, "export", "--format", "nquads", "--store", store)[1] == before


@pytest.mark.parametrize("argv, reason", [
    (["ingest", SAMPLE, "--lang", "xx"], "unknown language code 'xx'"),
    (["ingest", SAMPLE, "--published", "2025-02-30"], "impossible"),
    (["ingest", "/no/such/file.txt"], "no such file"),
    (["query", "SELECT * WHERE { ?s ?p }"], "SPARQL"),
    (["query", "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }"], "SERVICE is not allowed"),
    (["query", "no-such-query"], "unknown named query"),
    (["timeline", "--from", "2025-13-01"], "impossible date"),
    (["timeline", "--actor", "Nobody Atall"], "no actor matches"),
    (["evaluate", __file__], "evaluate reads gold .json"),
    (["evaluate", str(DATA / "articles.jsonl").replace(".jsonl", ".json")], "cannot read gold file"),
])
def test_bad_options_and_queries(store, capsys, argv, reason):
    code, _, err = run(capsys, *argv, *([] if argv[0] == "evaluate" else ["--store", store]))
    assert code != 0 and reason in err and err.count("\n") == 1


def test_missing_store(tmp_path, capsys):
    for argv in (["query", "ASK {}"], ["timeline"], ["export"], ["remove", "x"]):
        code, _, err = run(capsys, *argv, "--store", str(tmp_path / "nothing"))
        assert code != 0 and "no store at" in err
    assert not (tmp_path / "nothing").exists()


def test_unwritable_store(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "ingest", SAMPLE, "--store", str(blocker / "store"))
    assert code != 0 and err.startswith("kg: ") and err.count("\n") == 1


def test_stdin_and_console_script(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kg.cli", "extract", "-", "--lang", "en", "--format", "jsonl"],
                            input="Russia attacked Ukraine on Monday.".encode(), capture_output=True, timeout=120)
    assert result.returncode == 0 and json.loads(result.stdout)["events"][0]["type"] == "ASSAULT"


def test_evaluate_malformed_gold(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "evaluate", str(bad))
    assert code != 0 and "malformed gold JSON" in err and err.count("\n") == 1


def test_evaluate_on_the_sample_gold(capsys):
    code, out, _ = run(capsys, "evaluate", str(DATA / "gold" / "lavrov-kim-id.json"), "--format", "json")
    figures = json.loads(out)
    assert code == 0
    assert figures["event_typed"]["f1"] >= 0.6 and figures["time_value"]["f"] >= 0.8


def test_review_findings_bad_input(store, capsys, tmp_path):
    before = run(capsys, "export", "--format", "nquads", "--store", store)[1]
    rot = tmp_path / "a.txt"
    rot.write_text("Lavrov tiba.", encoding="utf-8")
    punct = tmp_path / "p.txt"
    punct.write_text("... !!! \u200b", encoding="utf-8")
    cases = [
        (["ingest", str(rot), "--encoding", "rot13"], "not a text encoding"),
        (["ingest", str(punct)], "no words"),
        (["ingest", str(rot), "--base", "not an iri"], "not an absolute IRI"),
        (["timeline", "--type", "FOO"], "unknown PLOVER type"),
        (["export", "-o", str(tmp_path / "missing" / "x.ttl")], "no such directory"),
        (["export", "-o", str(tmp_path)], "is a directory"),
        (["graph", "--html", str(tmp_path / "ok.html"), "--gexf", str(tmp_path / "no" / "g.gexf")], "no such directory"),
        (["remove", "id-2", "no-such-article"], "no article 'no-such-article'"),
    ]
    for argv, reason in cases:
        code, _, err = run(capsys, *argv, "--store", store)
        assert code != 0 and reason in err and err.count("\n") == 1, (argv, err)
    assert not (tmp_path / "ok.html").exists()
    assert run(capsys, "export", "--format", "nquads", "--store", store)[1] == before


def test_read_commands_do_not_touch_a_plain_folder(tmp_path, capsys):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "notes.txt").write_text("x")
    code, _, err = run(capsys, "timeline", "--store", str(folder))
    assert code != 0 and "no store at" in err and sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    code, _, err = run(capsys, "ingest", SAMPLE, "--store", str(folder))
    assert code != 0 and "not a store" in err


def test_sparql_unicode_escape_cannot_hide_service(store, capsys):
    code, _, err = run(capsys, "query", "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                       "--store", store)
    assert code != 0 and "SERVICE is not allowed" in err


def test_actor_relations_dates_on_oxigraph(store, capsys):
    out = run(capsys, "query", "actor-relations", "--format", "csv", "--store", store)[1]
    russia = next(line for line in out.splitlines() if line.startswith("Russia,Ukraine,ASSAULT"))
    assert russia.split(",")[4] and russia.split(",")[5]


def test_same_file_names_in_subfolders_are_distinct_articles(tmp_path, capsys):
    for sub in ("a", "b"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "news.txt").write_text(f"Rusia menyerang Ukraina ({sub}).", encoding="utf-8")
    code, out, err = run(capsys, "ingest", str(tmp_path / "in"), "--lang", "id", "--store", str(tmp_path / "s"))
    assert code == 0 and "ingested 2 article(s)" in out, err


def test_jsonl_line_separator_inside_a_string(tmp_path, capsys):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"id": "u", "text": "Rusia menyerang\u2028Ukraina.", "lang": "id"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "extract", "--format", "jsonl", str(path))
    assert code == 0 and json.loads(out)["id"] == "u"


def test_remove_leaves_what_ingesting_the_rest_alone_gives(tmp_path, capsys):
    both, alone = str(tmp_path / "both"), str(tmp_path / "alone")
    run(capsys, "ingest", str(DATA / "articles.jsonl"), "--store", both)
    run(capsys, "ingest", SAMPLE, "--lang", "id", "--published", "2025-07-12", "--store", both)
    run(capsys, "remove", "lavrov-kim-id", "--store", both)
    run(capsys, "ingest", str(DATA / "articles.jsonl"), "--store", alone)
    assert run(capsys, "export", "--format", "nquads", "--store", both)[1] == \
        run(capsys, "export", "--format", "nquads", "--store", alone)[1]


def test_actors_listing(store, capsys):
    code, out, _ = run(capsys, "actors", "--format", "json", "--store", store)
    rows = json.loads(out)
    lavrov = next(r for r in rows if r["name"] == "Sergey Lavrov")
    assert code == 0 and lavrov["country"] == "RUS" and "Lavrov" in lavrov["aliases"] and lavrov["mentions"] >= 5
    assert lavrov["roles"] == ["Minister of Foreign Affairs"] and lavrov["events"] >= 3
    code, out, _ = run(capsys, "actors", "--kind", "country", "--country", "ukr", "--store", store)
    assert code == 0 and "Ukraine" in out and "Russia" not in out
    code, _, err = run(capsys, "actors", "--kind", "planet", "--store", store)
    assert code != 0 and "unknown kind" in err


def test_merge_two_actors_by_hand(store, capsys):
    code, out, err = run(capsys, "actors", "--merge", "organization-rus-russian-ministry-of-foreign-affairs",
                         "organization-rus-tass", "--store", store)
    assert code == 0 and "merged" in out, err
    names = [r["name"] for r in json.loads(run(capsys, "actors", "--format", "json", "--store", store)[1])]
    assert "TASS" not in names and "Russian Ministry of Foreign Affairs" in names
    run(capsys, "remove", "lavrov-kim-id", "--store", store)
    run(capsys, "ingest", SAMPLE, "--lang", "id", "--published", "2025-07-12", "--store", store)
    names = [r["name"] for r in json.loads(run(capsys, "actors", "--format", "json", "--store", store)[1])]
    assert "TASS" not in names  # the merge holds for articles ingested later
    before = run(capsys, "export", "--format", "nquads", "--store", store)[1]
    code, _, err = run(capsys, "actors", "--merge", "country-RUS", "no-such-actor", "--store", store)
    assert code != 0 and "no actor 'no-such-actor'" in err
    assert run(capsys, "export", "--format", "nquads", "--store", store)[1] == before


@pytest.mark.parametrize("content, suffix, message", [
    (None, ".yaml", "cannot read actors file"),
    ("actors: [unclosed", ".yaml", "not valid YAML"),
    ("- just a list", ".yaml", "needs a mapping"),
    ("actors:\n  - {name: X, country: Russia}\n", ".yaml", "ISO alpha-3"),
    ("actors:\n  - {name: X, kind: robot}\n", ".yaml", "kind must be one of"),
    ("actors:\n  - {name: X, roles: [{role: PM, from: last year}]}\n", ".yaml", "role date"),
    ("kind,country\nperson,RUS\n", ".csv", "'name' column"),
])
def test_bad_actors_file_is_one_error_and_writes_nothing(tmp_path, capsys, content, suffix, message):
    path = tmp_path / f"actors{suffix}"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Lavrov tiba di Pyongyang.", encoding="utf-8")
    store = tmp_path / "store"
    for command in ("extract", "ingest"):
        code, out, err = run(capsys, command, str(article), "--lang", "id", "--actors", str(path), "--store", str(store))
        assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and not out
    assert not store.exists()
