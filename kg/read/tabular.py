"""CSV and TSV: one article per row, with the columns named by the user.

Which column holds the text must be said (``text_column``; the CLI's ``--text-column``): a
table read as one article would be wrong, so a table without it is a :class:`UsageError`
listing its columns. The other columns are optional: ``title_column``, ``date_column``
(ISO ``YYYY-MM-DD``, or ``date_format`` such as ``%d/%m/%Y``), ``id_column``, ``url_column``,
``lang_column``. A row without an id gets ``<file id>:<row>``, rows counted from 1 after the
header. A bad row is an error result for that row only; rows are read one at a time.

>>> import io
>>> table = io.StringIO("judul,isi\\nLavrov tiba,Lavrov tiba di Pyongyang.\\n")
>>> [r.fields for r in iter_table_rows(table, "a.csv", "a", ",", ReadOptions(text_column="isi", title_column="judul"))]
[{'text': 'Lavrov tiba di Pyongyang.', 'title': 'Lavrov tiba', 'id': 'a:1'}]
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from kg.errors import InputError, KGError, UsageError
from kg.read.dates import parse_published, parse_with_format
from kg.read.decode import is_wide, stream_encoding
from kg.read.paths import Source, file_has_nul
from kg.read.records import RawRecord, ReadOptions, ReadResult

_UNDECODABLE = re.compile("[\udc80-\udcff]")
_FIELD_LIMIT = 2**31 - 1  # a cell may hold a whole article; the text length is checked per row


def delimiter_for(kind: str) -> str:
    """``","`` for CSV, a tab for TSV."""
    return "\t" if kind == "tsv" else ","


def iter_table_file(source: Source, options: ReadOptions) -> Iterator[RawRecord | ReadResult]:
    """Rows of a ``.csv``/``.tsv`` file as raw records, read incrementally."""
    label = source.label
    try:
        with open(source.path, "rb") as handle:
            head = handle.read(4)
            handle.seek(0)
            if not is_wide(head, options.encoding) and file_has_nul(source.path):
                yield ReadResult(label, error=f"{label}: binary file (contains NUL bytes), not text")
                return
            # bad bytes become U+DC80..U+DCFF, so only the rows holding them fail
            stream = io.TextIOWrapper(handle, encoding=stream_encoding(head, options.encoding), newline="",
                                      errors="surrogateescape")
            yield from iter_table_rows(stream, label, source.doc_id, delimiter_for(source.kind), options)
    except OSError as exc:
        yield ReadResult(label, error=f"{label}: cannot read ({exc.strerror or exc})")
    except KGError as exc:
        yield ReadResult(label, error=str(exc))


def iter_table_rows(stream: TextIO, label: str, doc_id: str, delimiter: str,
                    options: ReadOptions) -> Iterator[RawRecord | ReadResult]:
    """Rows of an open text stream; the first row is the header."""
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    reader = csv.reader(stream, delimiter=delimiter, strict=True)
    number = 0
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            yield ReadResult(label, error=f"{label}: empty input (no header row)")
            return
        try:
            indexes = column_indexes(header, options.columns(), label)
        except InputError as exc:
            yield ReadResult(label, error=str(exc))
            return
        for number, row in enumerate(reader, start=1):
            if any(cell.strip() for cell in row):
                yield row_record(row, indexes, f"{label}:row {number}", f"{doc_id}:{number}", options)
    except csv.Error as exc:
        where = f"{label}:row {number + 1}"
        yield ReadResult(where, error=f"{where}: malformed CSV ({exc}); the rows after it are not read")


def column_indexes(header: list[str], wanted: dict[str, str], label: str) -> dict[str, int]:
    """Record field -> column position; a name not in the header is an :class:`InputError`.

    Names match exactly, or else ignoring case and surrounding spaces.

    >>> column_indexes(["ID", "Body "], {"text": "body", "id": "ID"}, "a.csv")
    {'text': 1, 'id': 0}
    >>> column_indexes(["id", "body"], {"text": "isi"}, "a.csv")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: a.csv: no column 'isi' (columns: id, body)
    """
    folded = [cell.strip().casefold() for cell in header]
    indexes = {}
    for key, name in wanted.items():
        if name in header:
            indexes[key] = header.index(name)
        elif name.strip().casefold() in folded:
            indexes[key] = folded.index(name.strip().casefold())
        else:
            raise InputError(label, f"no column {name!r} (columns: {describe_columns(header)})")
    return indexes


def row_record(row: list[str], indexes: dict[str, int], where: str, default_id: str,
               options: ReadOptions) -> RawRecord | ReadResult:
    """One row -> a raw record (dates already parsed), or the row's one-line error.

    >>> row_record(["caf\\udce9"], {"text": 0}, "a.csv:row 1", "a:1", ReadOptions()).error
    'a.csv:row 1: not valid UTF-8 (byte 0xe9); re-encode it as UTF-8 or pass --encoding'
    """
    undecodable = _UNDECODABLE.search("\x00".join(row))
    if undecodable:
        byte = ord(undecodable.group()) - 0xDC00
        return ReadResult(where, error=f"{where}: not valid {_codec_name(options.encoding)} (byte 0x{byte:02x}); "
                                       "re-encode it as UTF-8 or pass --encoding")
    fields: dict = {}
    for key, index in indexes.items():
        value = row[index] if index < len(row) else ""
        if value.strip():
            fields[key] = value if key == "text" else value.strip()
    fields["text"] = fields.get("text", "")
    fields.setdefault("id", default_id)
    if "published" in fields:
        try:
            fields["published"] = _row_date(fields["published"], options.date_format)
        except UsageError as exc:
            return ReadResult(where, error=f"{where}: {exc}", record_id=fields["id"])
    return RawRecord(where, fields)


def _row_date(value: str, date_format: str | None):
    if date_format:
        return parse_with_format(value, date_format)
    try:
        return parse_published(value)
    except UsageError as exc:
        raise UsageError(f"{exc}; pass --date-format (e.g. %d/%m/%Y) for other date forms") from None


def read_header(path: Path, kind: str, encoding: str | None = None) -> list[str] | None:
    """A table file's header row, or None when it cannot be read (reported when the file is)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
            handle.seek(0)
            stream = io.TextIOWrapper(handle, encoding=stream_encoding(head, encoding), newline="",
                                      errors="surrogateescape")
            csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
            return next(csv.reader(stream, delimiter=delimiter_for(kind)), None)
    except (OSError, UnicodeDecodeError, csv.Error, KGError):
        return None


def require_text_column(sources: Iterable[Source], options: ReadOptions) -> None:
    """Refuse, before reading anything, a table given without ``text_column``.

    >>> require_text_column([Source("a.csv", kind="csv")], ReadOptions())
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: a.csv: a CSV/TSV file needs --text-column to say which column holds the article text
    """
    if options.text_column:
        return
    for source in sources:
        if source.kind in ("csv", "tsv") and not source.error:
            header = read_header(source.path, source.kind, options.encoding) if source.path else None
            columns = f" (columns: {describe_columns(header)})" if header else ""
            raise UsageError(f"{source.label}: a CSV/TSV file needs --text-column to say which column "
                             f"holds the article text{columns}")


def describe_columns(header: list[str], limit: int = 30) -> str:
    """The header's column names for a message (the first ``limit`` of them).

    >>> describe_columns(["id", "", "text"])
    "id, '', text"
    """
    names = [_UNDECODABLE.sub("\ufffd", cell.strip()) or "''" for cell in header[:limit]]
    return ", ".join(names) + (f", ... ({len(header)} columns)" if len(header) > limit else "")


def sniff_delimiter(text: str) -> str:
    """Tab when the first line has tabs and no commas (a TSV on stdin), else comma.

    >>> sniff_delimiter("id\\ttext\\n1\\tx"), sniff_delimiter("id,text")
    ('\\t', ',')
    """
    first = text.split("\n", 1)[0]
    return "\t" if "\t" in first and "," not in first else ","


def _codec_name(encoding: str | None) -> str:
    return encoding or "UTF-8"
