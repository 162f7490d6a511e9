"""Readers: encodings, JSON Lines, directories, stdin, metadata and their one-line errors."""
from __future__ import annotations

import io

import pytest

from kg.errors import InputError, UsageError
from kg.read import decode_bytes, document_from_text, parse_published, read_inputs
from kg.read.language import check_language, detect_language


def test_utf8_bom_and_crlf_keep_offsets():
    text = decode_bytes("\ufeffBaris satu.\r\nBaris dua.".encode("utf-8"), "a.txt")
    assert text.startswith("Baris") and "\r\n" in text


def test_utf16_with_bom():
    assert decode_bytes("Sabtu".encode("utf-16"), "a.txt") == "Sabtu"


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty input"),
    (b"   \n\t", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"caf\xe9 au lait", "not valid UTF-8"),
])
def test_bad_bytes_are_refused(raw, reason):
    with pytest.raises(InputError, match=reason):
        decode_bytes(raw, "x.txt")


def test_named_encoding():
    assert decode_bytes("café".encode("cp1252"), "x.txt", "cp1252") == "café"
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(b"x", "x.txt", "no-such-codec")


def test_published_dates():
    assert str(parse_published("2025-07-12T08:00:00Z")) == "2025-07-12"
    for bad in ("2025-02-30", "12/07/2025", "yesterday"):
        with pytest.raises(UsageError, match="impossible"):
            parse_published(bad)


def test_language_codes():
    assert check_language("ID") == "id" and check_language("en-GB") == "en"
    with pytest.raises(UsageError, match="unknown language code 'xx'"):
        check_language("xx")


def test_language_detection_per_article():
    assert detect_language("Presiden Prabowo bertemu dengan para menteri di Istana pada hari Senin.") == "id"
    assert detect_language("The president met his ministers at the palace on Monday morning.") == "en"


def test_jsonl_records_in_order_with_errors(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "1", "text": "Lavrov tiba.", "lang": "id"}\n{bad json\n\n'
                    '{"id": "3", "lang": "id"}\n{"id": "4", "text": "Kim tiba.", "lang": "zz"}\n'
                    '{"id": "5", "text": "Kim tiba.", "lang": "id", "published": "2025-13-01"}\n', encoding="utf-8")
    results = read_inputs([str(path)])
    assert [r.document.id if r.document else None for r in results] == ["1", None, None, None, None]
    assert "malformed JSON" in results[1].error and ":2:" in results[1].error
    assert 'no "text"' in results[2].error
    assert "unknown language code 'zz'" in results[3].error
    assert "impossible" in results[4].error


def test_directory_and_stdin(tmp_path):
    (tmp_path / "b.txt").write_text("Kim tiba di Moskow.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Lavrov tiba di Pyongyang.", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00\x01")
    results = read_inputs([str(tmp_path)], lang="id")
    assert [r.document.id for r in results] == ["a", "b"]
    piped = read_inputs(["-"], lang="id", stdin=io.BytesIO(b"Lavrov tiba."))
    assert piped[0].document.id.startswith("stdin-")
    jsonl = read_inputs(["-"], stdin=io.BytesIO(b'{"id": "x", "text": "Lavrov tiba.", "lang": "id"}\n'))
    assert jsonl[0].document.id == "x"


def test_missing_path():
    with pytest.raises(InputError, match="no such file"):
        read_inputs(["/nonexistent/file.txt"])


def test_document_from_text_defaults():
    doc = document_from_text("Lavrov bertemu Kim Jong Un pada hari Sabtu di Pyongyang.", lang="id")
    assert doc.id.startswith("doc-") and doc.published is None
