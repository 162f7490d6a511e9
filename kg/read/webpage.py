"""Whole web pages (``.html``/``.htm``): the article's text and metadata, offline.

trafilatura finds the main text (navigation, footers, comments and ads left out;
``favor_precision``) and the page's title, publication date (htmldate, without guessing from
free text) and canonical URL. The page is parsed here and handed over as a tree, so neither
library can take it for a URL to download: nothing touches the network. A page in which
trafilatura finds no article falls back to all of its visible text.

The page's metadata is a guess, so the reading options (``--title``, ``--published``,
``--url``, ``--lang``) win over it; a JSON Lines record's own fields, which are data, win over
the options.

>>> page = ("<html lang='id'><head><title>Kunjungan</title></head><body><nav>Beranda</nav>"
...         "<p>Lavrov tiba di Pyongyang.</p></body></html>")
>>> record = page_record(page, "a.html", "a")
>>> record.fields["text"], record.fields["title"], record.fields["lang"]
('Lavrov tiba di Pyongyang.', 'Kunjungan', 'id')
"""
from __future__ import annotations

import codecs
import logging
import re

from kg.errors import InputError, UsageError
from kg.read.clean import strip_markup
from kg.read.dates import parse_published
from kg.read.decode import decode_bytes
from kg.read.language import check_language
from kg.read.records import RawRecord

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)


def looks_like_page(text: str) -> bool:
    """True for a whole HTML document (``<!DOCTYPE html>`` or ``<html>`` first), e.g. on stdin.

    >>> looks_like_page("<!DOCTYPE html><html>..."), looks_like_page("<p>a fragment</p>")
    (True, False)
    """
    return bool(_HTML_START.match(text[:4096]))


def decode_page(raw: bytes, label: str, encoding: str | None = None) -> str:
    """Decode a page: ``encoding`` if given, else UTF-8 (or a BOM), else the page's own
    ``<meta charset>`` when it names a known encoding.

    >>> decode_page('<meta charset="windows-1252"><p>caf\\xe9</p>'.encode("cp1252"), "p.html")
    '<meta charset="windows-1252"><p>café</p>'
    """
    try:
        return decode_bytes(raw, label, encoding)
    except InputError as exc:
        declared = _declared_charset(raw)
        if encoding or not declared or "UTF-8" not in exc.reason:
            raise
        return decode_bytes(raw, label, declared)


def _declared_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def page_record(page: str, where: str, doc_id: str) -> RawRecord:
    """A web page -> a raw record with ``text`` and, where the page has them, ``title``,
    ``published``, ``url`` and ``lang``."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    _quiet_libraries()
    fields: dict = {"id": doc_id, "text": ""}
    tree = load_html(page)
    if tree is not None:
        lang = tree.get("lang")
        try:
            found = bare_extraction(tree, favor_precision=True, include_comments=False, with_metadata=True,
                                    date_extraction_params={"extensive_search": False, "original_date": True})
        except Exception:  # a page trafilatura cannot handle still has its visible text
            found = None
        if found is not None:
            fields.update(text=found.text or "", title=found.title, published=_date(found.date), url=found.url)
        fields["lang"] = _language(lang)
    if not fields["text"].strip():
        fields["text"] = strip_markup(page, page=True)
    kept = {key: value for key, value in fields.items() if value or key == "text"}
    return RawRecord(where, kept, defaults_win=True)


def _quiet_libraries() -> None:
    """trafilatura logs warnings ("discarding data") that Python would print on stderr when
    the application configured no logging; a NullHandler keeps them for configured handlers only."""
    for name in ("trafilatura", "htmldate", "courlan"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def _language(code: str | None) -> str | None:
    """The page's ``<html lang>`` if we have data for it; otherwise detect from the text."""
    try:
        return check_language(code) if code else None
    except UsageError:
        return None


def _date(value: str | None) -> str | None:
    """The page's date if it is a real one (a page's metadata is no reason to refuse it)."""
    try:
        return str(parse_published(value)) if value else None
    except UsageError:
        return None
