"""Read paths (files, directories, ``-`` for stdin) into :class:`~kg.model.Document` objects.

Plain text files become one document each; ``.jsonl`` files one document per line
(``{"id", "text", "published"?, "lang"?, "title"?, "url"?}``); ``.csv``/``.tsv`` files one per
row (``text_column`` says which column holds the text); ``.html`` pages one each (the article
text, see :mod:`kg.read.webpage`). :func:`iter_inputs` yields one :class:`ReadResult` at a
time, reading one file (one JSON Lines line, one table row) at a time; a record that cannot be
read is a result with an ``error``, so callers can report it in input order. Every text is
cleaned (:mod:`kg.read.clean`) before it is stored: offsets refer to the cleaned text.

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
import sys
from dataclasses import replace
from typing import Any, BinaryIO, Callable, Iterator

from kg.errors import InputError, KGError, UsageError
from kg.model import Document
from kg.read.clean import clean_id, clean_line, clean_text
from kg.read.dates import check_date_format, parse_published
from kg.read.decode import check_encoding, check_text, decode_bytes, is_wide
from kg.read.jsonl import iter_jsonl_file, iter_jsonl_lines, iter_jsonl_text
from kg.read.language import check_language, detect_language
from kg.read.paths import Source, list_sources, read_file_bytes
from kg.read.records import MAX_CHARS, METADATA_KEYS, RawRecord, ReadOptions, ReadResult
from kg.read.tabular import iter_table_file, iter_table_rows, require_text_column, sniff_delimiter
from kg.read.webpage import decode_page, looks_like_page, page_record

__all__ = ["document_from_text", "iter_inputs", "read_inputs", "parse_published", "ReadResult", "MAX_CHARS"]

Found = Iterator[RawRecord | ReadResult]


def document_from_text(
    text: str,
    doc_id: str | None = None,
    lang: str | None = None,
    published: str | dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    *,
    max_chars: int | None = MAX_CHARS,
    clean: bool = True,
) -> Document:
    """Build a checked :class:`Document` from text and metadata (the Python API's entry point).

    The text is cleaned (:func:`kg.read.clean.clean_text`) unless ``clean=False`` (for text
    whose offsets must stay as they are, e.g. gold annotations); a text longer than
    ``max_chars`` characters is refused.

    >>> doc = document_from_text("<p>Lavrov tiba.</p>\\r\\n<p>Kim menyambutnya.</p>", doc_id=" a ", lang="id")
    >>> doc.id, doc.text
    ('a', 'Lavrov tiba.\\n\\nKim menyambutnya.')
    """
    label = source or doc_id or "text"
    if not isinstance(text, str):
        raise InputError(label, "text must be a string")
    if max_chars is not None and len(text) > max_chars:
        raise InputError(label, f"text too long ({len(text):,} characters; the limit is {max_chars:,}: raise max_chars)")
    check_text(text, label)
    given = text
    if clean:
        text = clean_text(text)
        check_text(text, label, controls=False)
        doc_id, url = (clean_id(v) or None if v else v for v in (doc_id, url))
        title = clean_line(title) or None if title else title
    code = check_language(lang, "lang") if lang else detect_language(text)
    return Document(
        id=doc_id or "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12],
        text=text,
        lang=code,
        published=parse_published(published, "published"),
        title=title,
        url=url,
        source=source,
        cleaned=text != given,
    )


def iter_inputs(
    paths: list[str],
    lang: str | None = None,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
    *,
    text_column: str | None = None,
    title_column: str | None = None,
    date_column: str | None = None,
    id_column: str | None = None,
    url_column: str | None = None,
    lang_column: str | None = None,
    date_format: str | None = None,
    follow_symlinks: bool = False,
    max_chars: int = MAX_CHARS,
) -> Iterator[ReadResult]:
    """Read every path in order, one result at a time; directories are walked in sorted order.

    ``lang``/``published``/``title``/``url`` are defaults: a JSONL record's or CSV row's own
    values win (a web page's guessed metadata does not). Options, paths and tables without
    ``text_column`` are checked now, before anything is read: :class:`UsageError` for a bad
    option, :class:`InputError` for a path that does not exist. Everything else wrong is an
    error result naming the file or record.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with open(os.path.join(folder, "news.csv"), "w") as f:
    ...     _ = f.write("id,body,date\\nn1,Lavrov tiba di Pyongyang.,12/07/2025\\nn2,,\\n")
    >>> for r in iter_inputs([folder], lang="id", text_column="body", id_column="id",
    ...                      date_column="date", date_format="%d/%m/%Y"):
    ...     print(r.document.id if r.document else r.error.replace(folder, "..."))
    n1
    .../news.csv:row 2: empty input (no text)
    """
    options = check_options(ReadOptions(
        lang=lang, published=published, title=title, url=url, encoding=encoding, text_column=text_column,
        title_column=title_column, date_column=date_column, id_column=id_column, url_column=url_column,
        lang_column=lang_column, date_format=date_format, follow_symlinks=follow_symlinks, max_chars=max_chars))
    sources = [source for name in paths for source in list_sources(name, follow_symlinks)]
    require_text_column(sources, options)
    return _results(sources, options, stdin)


def read_inputs(paths: list[str], *args: Any, **options: Any) -> list[ReadResult]:
    """All of :func:`iter_inputs` as a list (same arguments and keyword options)."""
    return list(iter_inputs(paths, *args, **options))


def check_options(options: ReadOptions) -> ReadOptions:
    """Raise :class:`UsageError` for an impossible option; return the options with ``lang`` normalised.

    >>> check_options(ReadOptions(max_chars=0))
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: --max-chars must be a positive number of characters, got 0
    """
    if options.lang:
        options = replace(options, lang=check_language(options.lang))
    parse_published(options.published, "--published")
    check_date_format(options.date_format)
    if options.encoding:
        try:
            check_encoding(options.encoding)
        except InputError as exc:
            raise UsageError(str(exc)) from None
    if not isinstance(options.max_chars, int) or isinstance(options.max_chars, bool) or options.max_chars < 1:
        raise UsageError(f"--max-chars must be a positive number of characters, got {options.max_chars!r}")
    for key, name in options.columns().items():
        if not isinstance(name, str) or not name.strip():
            raise UsageError(f"the {key} column must be named, got {name!r}")
    return options


def _results(sources: list[Source], options: ReadOptions, stdin: BinaryIO | None) -> Iterator[ReadResult]:
    for source in sources:
        if source.error:
            yield ReadResult(source.label, error=f"{source.label}: {source.error}")
            continue
        for item in _READERS[source.kind](source, options, stdin):
            yield item if isinstance(item, ReadResult) else build_result(item, options)


def build_result(raw: RawRecord, options: ReadOptions) -> ReadResult:
    """A raw record -> a result with its document, or with the one-line reason it has none."""
    where, record = raw.where, raw.fields
    record_id = record.get("id")
    record_id = None if record_id is None else clean_id(str(record_id)) or None
    try:
        text = record.get("text")
        if not isinstance(text, str):
            raise InputError(where, "record has no \"text\" string")
        meta = {}
        for key, default in options.defaults().items():
            own = record.get(key)
            meta[key] = (default or own) if raw.defaults_win else (own or default)
            if meta[key] is not None and not isinstance(meta[key], (str, dt.date) if key == "published" else str):
                raise InputError(where, f"\"{key}\" must be a string")
        document = document_from_text(text, doc_id=record_id, source=where, max_chars=options.max_chars, **meta)
    except KGError as exc:
        message = str(exc)
        if not message.startswith(where):
            message = f"{where}: {message}"
        return ReadResult(where, error=message, record_id=record_id)
    return ReadResult(where, document=document, record_id=document.id)


def _read_text(source: Source, options: ReadOptions, stdin: BinaryIO | None) -> Found:
    try:
        raw = read_file_bytes(source.path, source.label, limit=4 * options.max_chars)
        text = decode_bytes(raw, source.label, options.encoding)
    except KGError as exc:
        yield ReadResult(source.label, error=str(exc))
        return
    yield RawRecord(source.label, {"id": source.doc_id, "text": text})


def _read_page(source: Source, options: ReadOptions, stdin: BinaryIO | None) -> Found:
    try:
        raw = read_file_bytes(source.path, source.label, limit=16 * options.max_chars)
        page = decode_page(raw, source.label, options.encoding)
    except KGError as exc:
        yield ReadResult(source.label, error=str(exc))
        return
    yield page_record(page, source.label, source.doc_id)


def _read_jsonl(source: Source, options: ReadOptions, stdin: BinaryIO | None) -> Found:
    return iter_jsonl_file(source.path, source.label, options.encoding, options.max_chars)


def _read_table(source: Source, options: ReadOptions, stdin: BinaryIO | None) -> Found:
    return iter_table_file(source, options)


def _read_stdin(source: Source, options: ReadOptions, stdin: BinaryIO | None) -> Found:
    """Standard input: JSON Lines (streamed) if it starts with ``{``; a table when
    ``text_column`` is given; a web page if it starts like one; else one text."""
    stream = stdin if stdin is not None else sys.stdin.buffer
    label = source.label
    head = stream.read(1 << 16)
    if _starts_with_brace(head) and not is_wide(head, options.encoding):
        yield from iter_jsonl_lines(_byte_lines(head, stream), label, options.encoding, options.max_chars)
        return
    try:
        text = decode_bytes(head + stream.read(), label, options.encoding)
    except KGError as exc:
        yield ReadResult(label, error=str(exc))
        return
    if text.lstrip().startswith("{"):
        yield from iter_jsonl_text(text, label)
    elif options.text_column:
        import io

        yield from iter_table_rows(io.StringIO(text, newline=""), label, "stdin", sniff_delimiter(text), options)
    elif looks_like_page(text):
        yield page_record(text, label, _stdin_id(text))
    else:
        yield RawRecord(label, {"id": _stdin_id(text), "text": text})


def _stdin_id(text: str) -> str:
    return "stdin-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _starts_with_brace(head: bytes) -> bool:
    return head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"{"


def _byte_lines(head: bytes, stream: BinaryIO, size: int = 1 << 16) -> Iterator[bytes]:
    """Lines of ``head`` followed by the rest of ``stream``, split on ``b"\\n"`` only."""
    carry, chunk = b"", head
    while chunk:
        lines = (carry + chunk).split(b"\n")
        carry = lines.pop()
        yield from lines
        chunk = stream.read(size)
    if carry:
        yield carry


_READERS: dict[str, Callable[[Source, ReadOptions, BinaryIO | None], Found]] = {
    "text": _read_text, "html": _read_page, "jsonl": _read_jsonl, "csv": _read_table, "tsv": _read_table,
    "stdin": _read_stdin,
}
