"""Plain data passed between the readers: what a reader found, what came of it, and the options.

Each reader (text, JSON Lines, CSV/TSV, web page) yields :class:`RawRecord` for what it could
read and :class:`ReadResult` with an ``error`` for what it could not; ``kg.read.documents``
turns each raw record into a checked document.

>>> ReadOptions(lang="id").defaults()
{'lang': 'id', 'published': None, 'title': None, 'url': None}
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.model import Document

MAX_CHARS = 2_000_000
"""Longest article text accepted (characters); a longer one is an error result, not a document."""

METADATA_KEYS = ("lang", "published", "title", "url")


@dataclass
class ReadResult:
    """One input record: a document, or the one-line reason it could not be read."""

    source: str
    document: Document | None = None
    error: str | None = None
    record_id: str | None = None


@dataclass
class RawRecord:
    """A record as a reader found it: ``where`` it is ("a.jsonl:3", "b.csv:row 2") and its fields
    (``id``, ``text`` and any of ``lang``/``published``/``title``/``url``), not yet checked."""

    where: str
    fields: dict = field(default_factory=dict)
    defaults_win: bool = False  # the fields are guesses (a web page's metadata): options win


@dataclass(frozen=True)
class ReadOptions:
    """Every reading option of :func:`kg.read.iter_inputs`, in one place."""

    lang: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    encoding: str | None = None
    text_column: str | None = None
    title_column: str | None = None
    date_column: str | None = None
    id_column: str | None = None
    url_column: str | None = None
    lang_column: str | None = None
    date_format: str | None = None
    follow_symlinks: bool = False
    max_chars: int = MAX_CHARS

    def defaults(self) -> dict:
        """The metadata options, used where a record does not say."""
        return {key: getattr(self, key) for key in METADATA_KEYS}

    def columns(self) -> dict[str, str]:
        """Record field -> CSV/TSV column name, for the columns that were named.

        >>> ReadOptions(text_column="body", id_column="guid").columns()
        {'text': 'body', 'id': 'guid'}
        """
        named = {"text": self.text_column, "title": self.title_column, "published": self.date_column,
                 "id": self.id_column, "url": self.url_column, "lang": self.lang_column}
        return {key: name for key, name in named.items() if name}
