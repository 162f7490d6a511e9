"""CSV/TSV readers: explicit column mapping, per-row errors, encodings, stdin."""
from __future__ import annotations

import codecs
import datetime as dt
import io

import pytest

from kg.errors import InputError, UsageError
from kg.read import read_inputs


def docs(results):
    return [(r.document.id, r.document.text) if r.document else r.error for r in results]


def test_columns_map_to_document_fields(tmp_path):
    path = tmp_path / "berita.csv"
    path.write_text("guid,judul,isi,tanggal,tautan,bahasa\n"
                    'n1,Kunjungan,"Lavrov tiba di Pyongyang.\nIa bertemu Kim, katanya.",2025-07-12,https://x.example/1,id\n'
                    ",,Kim tiba di Moskow.,,,en\n", encoding="utf-8")
    results = read_inputs([str(path)], text_column="isi", title_column="judul", date_column="tanggal",
                          id_column="guid", url_column="tautan", lang_column="bahasa")
    first, second = (r.document for r in results)
    assert (first.id, first.title, first.published, first.url, first.lang) == (
        "n1", "Kunjungan", dt.date(2025, 7, 12), "https://x.example/1", "id")
    assert first.text == "Lavrov tiba di Pyongyang.\nIa bertemu Kim, katanya."
    assert (second.id, second.title, second.published, second.lang) == ("berita:2", None, None, "en")
    assert results[0].source.endswith("berita.csv:row 1")


def test_tsv_and_date_format(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text("text\tdate\nKim tiba.\t12/07/2025\nLavrov tiba.\t2025-07-12\n", encoding="utf-8")
    results = read_inputs([str(path)], lang="id", text_column="text", date_column="date", date_format="%d/%m/%Y")
    assert results[0].document.published == dt.date(2025, 7, 12)
    assert "does not match --date-format '%d/%m/%Y'" in results[1].error and "a.tsv:row 2" in results[1].error


def test_iso_dates_by_default_with_a_hint(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("text,date\nKim tiba.,2025-07-12T08:00:00Z\nKim tiba.,12/07/2025\n", encoding="utf-8")
    results = read_inputs([str(path)], lang="id", text_column="text", date_column="date")
    assert results[0].document.published == dt.date(2025, 7, 12)
    assert "pass --date-format" in results[1].error


def test_table_without_text_column_is_a_usage_error_listing_columns(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,body,published\n1,Kim tiba.,2025-07-12\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"a\.csv: .*--text-column.*\(columns: id, body, published\)"):
        read_inputs([str(path)])


def test_missing_named_column_names_the_columns_that_exist(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,body\n1,Kim tiba.\n", encoding="utf-8")
    (result,) = read_inputs([str(path)], text_column="body", title_column="headline")
    assert result.error.endswith("a.csv: no column 'headline' (columns: id, body)")
    assert "\n" not in result.error


def test_column_names_match_ignoring_case(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("ID, Body \n7,Kim tiba.\n", encoding="utf-8")
    (result,) = read_inputs([str(path)], lang="id", text_column="body", id_column="id")
    assert result.document.id == "7"


def test_a_bad_row_fails_alone(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"text,lang\nKim tiba.,id\n,id\ncaf\xe9,id\nLavrov tiba.,zz\nLavrov tiba.,id\n\n")
    results = read_inputs([str(path)], text_column="text", lang_column="lang")
    assert [r.document.id if r.document else None for r in results] == ["a:1", None, None, None, "a:5"]
    assert "row 2: empty input" in results[1].error
    assert "row 3: not valid UTF-8 (byte 0xe9)" in results[2].error
    assert "unknown language code 'zz'" in results[3].error


def test_malformed_csv_stops_with_one_error(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('text\nKim tiba.\n"unterminated\nmore\n', encoding="utf-8")
    results = read_inputs([str(path)], lang="id", text_column="text")
    assert results[0].document and "row 2: malformed CSV" in results[1].error and len(results) == 2


def test_utf16_and_named_encodings(tmp_path):
    wide = tmp_path / "w.csv"
    wide.write_bytes("text\nKim tiba di Moskow.\n".encode("utf-16"))
    latin = tmp_path / "l.csv"
    latin.write_bytes("text\nKim tiba di café.\n".encode("cp1252"))
    results = read_inputs([str(wide), str(latin)], lang="id", text_column="text", encoding=None)
    assert results[0].document.text == "Kim tiba di Moskow."
    assert "not valid UTF-8" in results[1].error
    (named,) = read_inputs([str(latin)], lang="id", text_column="text", encoding="cp1252")
    assert named.document.text == "Kim tiba di café."


def test_nul_byte_anywhere_makes_a_binary_table(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"text\n" + b"Kim tiba.\n" * 5000 + b"\x00\n")
    (result,) = read_inputs([str(path)], lang="id", text_column="text")
    assert "binary file" in result.error


def test_long_cells_are_read_and_limited_per_row(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("text\n" + "Kim tiba. " * 20000 + "\nLavrov tiba.\n", encoding="utf-8")
    results = read_inputs([str(path)], lang="id", text_column="text", max_chars=100_000)
    assert "text too long (200,000 characters; the limit is 100,000" in results[0].error
    assert results[1].document.text == "Lavrov tiba."


def test_empty_table(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("", encoding="utf-8")
    (result,) = read_inputs([str(path)], text_column="text")
    assert "empty input (no header row)" in result.error


def test_table_on_stdin_with_a_text_column():
    stream = io.BytesIO(b"id\ttext\nx1\tKim tiba.\n")
    (result,) = read_inputs(["-"], lang="id", text_column="text", id_column="id", stdin=stream)
    assert result.document.id == "x1" and result.source == "<stdin>:row 1"


@pytest.mark.parametrize("options, reason", [
    ({"date_format": "dd/mm/yyyy"}, "no strptime directive"),
    ({"date_format": "%Q"}, "cannot be used"),
    ({"text_column": "  "}, "must be named"),
    ({"max_chars": 0}, "--max-chars"),
    ({"encoding": "rot13"}, "not a text encoding"),
])
def test_bad_options_are_usage_errors_before_reading(tmp_path, options, reason):
    path = tmp_path / "a.txt"
    path.write_text("Kim tiba.", encoding="utf-8")
    with pytest.raises(UsageError, match=reason):
        read_inputs([str(path)], **options)


def test_missing_path_still_raises():
    with pytest.raises(InputError, match="no such file"):
        read_inputs(["/no/such/table.csv"], text_column="text")
