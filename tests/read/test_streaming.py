"""iter_inputs streams one result at a time; JSON Lines records that would crash a parser do not."""
from __future__ import annotations

import io
import inspect
import json

import pytest

from kg.errors import InputError, UsageError
from kg.read import iter_inputs, read_inputs
from kg.read import jsonl as jsonl_module


class CountingStream(io.BytesIO):
    """stdin that remembers how many bytes were asked of it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.taken = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.taken += len(chunk)
        return chunk


def records(count: int, size: int = 200) -> bytes:
    line = {"text": "Kim tiba di Moskow. " * (size // 20), "lang": "id"}
    return b"".join(json.dumps({"id": f"r{i}", **line}).encode() + b"\n" for i in range(count))


def test_iter_inputs_is_lazy_over_files(tmp_path, monkeypatch):
    path = tmp_path / "a.jsonl"
    path.write_bytes(records(50))
    parsed = []
    real = jsonl_module.parse_record
    monkeypatch.setattr(jsonl_module, "parse_record", lambda line, where: parsed.append(where) or real(line, where))
    results = iter_inputs([str(path)])
    assert inspect.isgenerator(results) and parsed == []
    assert next(results).document.id == "r0" and len(parsed) == 1
    assert sum(1 for _ in results) == 49


def test_stdin_jsonl_is_read_in_chunks():
    stream = CountingStream(records(3000))      # about 0.7 MB
    results = iter_inputs(["-"], stdin=stream)
    assert next(results).document.id == "r0"
    assert stream.taken < 200_000
    assert [r.document.id for r in results][-1] == "r2999"


def test_options_and_paths_are_checked_before_iterating(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        iter_inputs([str(tmp_path / "missing.txt")])
    with pytest.raises(UsageError, match="unknown language code"):
        iter_inputs([str(tmp_path)], lang="xx")


def test_read_inputs_equals_iter_inputs(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(records(5))
    assert [r.document.id for r in read_inputs([str(path)])] == [r.document.id for r in iter_inputs([str(path)])]


def test_deeply_nested_json_is_an_error_for_its_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100000 + "\n" + '{"a": ' * 100 + "1" + "}" * 100 + "\n"
                    + '{"id": "ok", "text": "Kim tiba [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[.", '
                      '"lang": "id"}\n', encoding="utf-8")
    results = read_inputs([str(path)])
    assert "deep.jsonl:1: JSON nested deeper than 64 levels" in results[0].error
    assert "deep.jsonl:2: JSON nested deeper" in results[1].error
    assert results[2].document.id == "ok"


def test_lone_surrogate_escapes_do_not_crash_later(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "s\\ud800", "text": "Kim \\ud800tiba \\udfff.", "title": "T\\udc00", "lang": "id"}\n'
                    '{"id": "t", "text": "\\ud800", "lang": "id"}\n', encoding="utf-8")
    ok, empty = read_inputs([str(path)])
    assert (ok.document.id, ok.document.text, ok.document.title) == ("s", "Kim \ufffdtiba \ufffd.", "T")
    json.dumps(ok.document.text, ensure_ascii=False).encode("utf-8")
    assert "no words" in empty.error or "empty" in empty.error


def test_huge_integer_and_bad_bytes_fail_alone(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_bytes(b'{"id": "n", "text": "x", "n": ' + b"1" * 5000 + b"}\n"
                     + b'{"id": "b", "text": "caf\xe9"}\n'
                     + b'{"id": "ok", "text": "Kim tiba.", "lang": "id"}\n')
    results = read_inputs([str(path)])
    assert "n.jsonl:1: malformed JSON" in results[0].error
    assert "n.jsonl:2: not valid UTF-8 (byte 0xe9" in results[1].error
    assert results[2].document.id == "ok"


def test_nul_byte_late_in_jsonl_makes_it_binary(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(records(100) + b"\x00\n")
    (result,) = read_inputs([str(path)])
    assert "binary file" in result.error


def test_utf16_jsonl(tmp_path):
    path = tmp_path / "w.jsonl"
    path.write_bytes('{"id": "w", "text": "Kim tiba.", "lang": "id"}\r\n'.encode("utf-16"))
    (result,) = read_inputs([str(path)])
    assert result.document.id == "w"


def test_record_text_over_the_limit(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "Kim tiba. " * 500, "lang": "id"}) + "\n", encoding="utf-8")
    (result,) = read_inputs([str(path)], max_chars=1000)
    assert "a.jsonl:1: text too long (5,000 characters" in result.error and result.record_id == "big"


def test_empty_jsonl(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n  \n", encoding="utf-8")
    (result,) = read_inputs([str(path)])
    assert "empty input" in result.error
