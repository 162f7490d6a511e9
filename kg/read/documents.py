"""Read paths (files, directories, ``-`` for stdin) into :class:`~kg.model.Document` objects.

Plain text files become one document each; ``.jsonl`` files one document per line
(``{"id", "text", "published"?, "lang"?, "title"?, "url"?}``). A record that cannot be read
becomes a :class:`ReadResult` with an ``error`` so callers can report it in input order.

>>> parse_published("2025-07-12")
datetime.date(2025, 7, 12)
>>> parse_published("2025-02-30")
Traceback (most recent call last):
...
kg.errors.UsageError: impossible published date '2025-02-30' (day is out of range for month)
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from kg.errors import InputError, KGError, UsageError
from kg.model import Document
from kg.read.decode import check_text, decode_bytes
from kg.read.language import check_language, detect_language

TEXT_SUFFIXES = (".txt", ".text", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


@dataclass
class ReadResult:
    """One input record: a document, or the one-line reason it could not be read."""

    source: str
    document: Document | None = None
    error: str | None = None
    record_id: str | None = None


def parse_published(value: str | dt.date | None, source: str = "published") -> dt.date | None:
    """Parse an ISO date (``YYYY-MM-DD``, optionally with a time) or raise :class:`UsageError`."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE_RE.match(str(value).strip())
    if not match:
        raise UsageError(f"impossible {source} date {value!r} (expected YYYY-MM-DD)")
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise UsageError(f"impossible {source} date {value!r} ({exc})") from None


def document_from_text(
    text: str,
    doc_id: str | None = None,
    lang: str | None = None,
    published: str | dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Document:
    """Build a checked :class:`Document` from text and metadata (the Python API's entry point)."""
    label = source or doc_id or "text"
    if not isinstance(text, str):
        raise InputError(label, "text must be a string")
    check_text(text, label)
    code = check_language(lang, "lang") if lang else detect_language(text)
    return Document(
        id=doc_id or "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12],
        text=text,
        lang=code,
        published=parse_published(published, "published"),
        title=title,
        url=url,
        source=source,
    )


def read_inputs(
    paths: list[str],
    lang: str | None = None,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
) -> list[ReadResult]:
    """Read every path in order; directories are walked in sorted order.

    Options are defaults: a JSONL record's own ``lang``/``published``/``title``/``url`` win.
    Raises :class:`InputError` for a path that does not exist.
    """
    if lang:
        check_language(lang)
    parse_published(published, "--published")
    results: list[ReadResult] = []
    defaults = {"lang": lang, "published": published, "title": title, "url": url}
    for name in paths:
        for label, raw, is_jsonl, relative in _expand(name, stdin):
            try:
                text = decode_bytes(raw, label, encoding)
            except KGError as exc:
                results.append(ReadResult(label, error=str(exc)))
                continue
            if is_jsonl or (label == "<stdin>" and _looks_like_jsonl(text)):
                results.extend(_read_jsonl(text, label, defaults))
            else:
                doc_id = "stdin" if label == "<stdin>" else relative
                if label == "<stdin>":
                    doc_id += "-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
                results.append(_build(label, {"id": doc_id, "text": text}, defaults))
    return results


def _expand(name: str, stdin: BinaryIO | None) -> Iterator[tuple[str, bytes, bool, str]]:
    """(label, bytes, is JSON Lines, document id): a file's id is its name without suffix, or
    its path inside the directory given ("2025/07/news"), so same-named files do not clash."""
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield "<stdin>", stream.read(), False, "stdin"
        return
    path = Path(name)
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
        )
        if not files:
            raise InputError(name, "directory holds no .txt or .jsonl files")
        for file in files:
            relative = file.relative_to(path).with_suffix("").as_posix()
            yield str(file), file.read_bytes(), file.suffix.lower() in JSONL_SUFFIXES, relative
        return
    if not path.exists():
        raise InputError(name, "no such file or directory")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror})") from None
    yield name, raw, path.suffix.lower() in JSONL_SUFFIXES, path.stem


def _looks_like_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    return first == "{"


def _read_jsonl(text: str, label: str, defaults: dict) -> list[ReadResult]:
    results = []
    # split on "\n" only: U+2028 and U+0085 may stand inside a JSON string
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            results.append(ReadResult(where, error=f"{where}: malformed JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(record, dict):
            results.append(ReadResult(where, error=f"{where}: a JSON Lines record must be an object"))
            continue
        results.append(_build(where, record, defaults))
    if not results:
        results.append(ReadResult(label, error=f"{label}: empty input (no JSON Lines records)"))
    return results


def _build(where: str, record: dict, defaults: dict) -> ReadResult:
    record_id = record.get("id")
    record_id = None if record_id is None else str(record_id)
    try:
        text = record.get("text")
        if not isinstance(text, str):
            raise InputError(where, "record has no \"text\" string")
        meta = {key: record.get(key) or defaults.get(key) for key in ("lang", "published", "title", "url")}
        for key in ("lang", "published", "title", "url"):
            if meta[key] is not None and not isinstance(meta[key], str):
                raise InputError(where, f"\"{key}\" must be a string")
        document = document_from_text(text, doc_id=record_id, source=where, **meta)
    except KGError as exc:
        message = str(exc)
        if not message.startswith(where):
            message = f"{where}: {message}"
        return ReadResult(where, error=message, record_id=record_id)
    return ReadResult(where, document=document, record_id=document.id)
