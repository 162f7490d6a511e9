"""JSON Lines: one record per line (``{"id", "text", "published"?, "lang"?, "title"?, "url"?}``),
read one line at a time so a large file is never held in memory whole.

A line that cannot be read (bad bytes, malformed JSON, nested deeper than :data:`MAX_DEPTH`,
too long) is an error result for that line only; the other lines are still read.

>>> lines = [b'{"id": "a", "text": "Lavrov tiba."}\\n', b'\\n', b'[' * 1000 + b'\\n']
>>> for item in iter_jsonl_lines(lines, "x.jsonl"):
...     print(getattr(item, "fields", None) or item.error)
{'id': 'a', 'text': 'Lavrov tiba.'}
x.jsonl:3: JSON nested deeper than 64 levels
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import KGError
from kg.read.decode import decode_line, is_wide
from kg.read.paths import file_has_nul
from kg.read.records import MAX_CHARS, RawRecord, ReadResult

MAX_DEPTH = 64
"""Deepest JSON nesting read; a news record is a flat object (deeper input is an attack or a bug)."""

# A JSON string (unrolled so a long one is matched without backtracking), or a bracket.
_STRUCTURE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def iter_jsonl_file(path: Path, label: str, encoding: str | None = None,
                    max_chars: int = MAX_CHARS) -> Iterator[RawRecord | ReadResult]:
    """Records of a ``.jsonl`` file, in order; a NUL byte anywhere makes it one "binary" error."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
            handle.seek(0)
            if is_wide(head, encoding):
                yield from _iter_wide(handle.read(), label, encoding, max_chars)
                return
            if file_has_nul(path):
                yield ReadResult(label, error=f"{label}: binary file (contains NUL bytes), not text")
                return
            yield from iter_jsonl_lines(handle, label, encoding, max_chars)
    except OSError as exc:
        yield ReadResult(label, error=f"{label}: cannot read ({exc.strerror or exc})")


def iter_jsonl_lines(lines: Iterable[bytes], label: str, encoding: str | None = None,
                     max_chars: int = MAX_CHARS) -> Iterator[RawRecord | ReadResult]:
    """Records of byte lines (split on ``b"\\n"`` only: U+2028 may stand inside a JSON string)."""
    found = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.strip() == b"\xef\xbb\xbf":
            continue
        found = True
        where = f"{label}:{number}"
        if len(raw) > _line_limit(max_chars):
            yield ReadResult(where, error=f"{where}: record too long (over {_line_limit(max_chars):,} bytes)")
            continue
        try:
            line = decode_line(raw, where, encoding)
        except KGError as exc:
            yield ReadResult(where, error=str(exc))
            continue
        yield parse_record(line, where)
    if not found:
        yield ReadResult(label, error=f"{label}: empty input (no JSON Lines records)")


def iter_jsonl_text(text: str, label: str) -> Iterator[RawRecord | ReadResult]:
    """Records of already decoded JSON Lines text (stdin, UTF-16 files).

    >>> [r.fields["id"] for r in iter_jsonl_text('{"id": 1}\\r\\n{"id": 2}', "<stdin>")]
    [1, 2]
    """
    found = False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            found = True
            yield parse_record(line, f"{label}:{number}")
    if not found:
        yield ReadResult(label, error=f"{label}: empty input (no JSON Lines records)")


def parse_record(line: str, where: str) -> RawRecord | ReadResult:
    """One line -> the record it holds, or the one-line reason it holds none.

    >>> print(parse_record('{"id": 1, "text": "ok"', "a.jsonl:1").error)
    a.jsonl:1: malformed JSON (Expecting ',' delimiter at column 23)
    >>> parse_record('["x"]', "a.jsonl:2").error
    'a.jsonl:2: a JSON Lines record must be an object'
    """
    line = line.rstrip("\r")
    if too_deep(line):
        return ReadResult(where, error=f"{where}: JSON nested deeper than {MAX_DEPTH} levels")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadResult(where, error=f"{where}: malformed JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return ReadResult(where, error=f"{where}: JSON nested too deeply")
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        return ReadResult(where, error=f"{where}: malformed JSON ({exc})")
    if not isinstance(record, dict):
        return ReadResult(where, error=f"{where}: a JSON Lines record must be an object")
    return RawRecord(where, record)


def too_deep(line: str, limit: int = MAX_DEPTH) -> bool:
    """True if brackets outside strings nest deeper than ``limit`` (checked before parsing).

    >>> too_deep('{"text": "[[[[[[[["}', 3), too_deep('{"a": [[[[1]]]]}', 3)
    (False, True)
    """
    if line.count("[") + line.count("{") <= limit:
        return False
    depth = 0
    for match in _STRUCTURE.finditer(line):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return True
        elif token in "]}":
            depth -= 1
    return False


def _line_limit(max_chars: int) -> int:
    """Bytes a line may take: the text at 6 bytes a character (``\\uXXXX``) plus metadata."""
    return 6 * max_chars + (1 << 16)


def _iter_wide(raw: bytes, label: str, encoding: str | None, max_chars: int) -> Iterator[RawRecord | ReadResult]:
    if len(raw) > 4 * _line_limit(max_chars):
        yield ReadResult(label, error=f"{label}: UTF-16/32 JSON Lines file too large; re-encode it as UTF-8")
        return
    try:
        text = decode_line(raw, label, encoding)
    except KGError as exc:
        yield ReadResult(label, error=str(exc))
        return
    yield from iter_jsonl_text(text, label)
