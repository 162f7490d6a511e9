"""Split a document into sentences with character offsets, dropping web boilerplate lines.

A line break always ends a sentence (headlines, captions); inside a line, ``.``, ``!`` or
``?`` ends one when followed by space and an upper-case letter, digit or quote, unless the
word before is a known abbreviation of the language (``Dr.``, ``Jl.``, ``U.S.``).

>>> text = "Dr. Budi tiba di Jl. Merdeka. Ia bertemu Lavrov.\\n\\nPost a Comment"
>>> [text[s.start:s.end] for s in split_sentences(text, "id")]
['Dr. Budi tiba di Jl. Merdeka.', 'Ia bertemu Lavrov.']
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.lang import load, supported_languages
from kg.model import Sentence

_LINE_RE = re.compile(r"[^\r\n]+")
MAX_SENTENCE_CHARS = 1000  # longer runs without a sentence end are cut (text without punctuation)
_END_RE = re.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")  # a run of stops, once: linear


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(a.lower().rstrip(".") for a in load(lang, "grammar").get("abbreviations", []))


@lru_cache(maxsize=1)
def _boilerplate_re() -> re.Pattern[str]:
    # Page furniture is often in another language than the article: use every language's list.
    patterns = []
    for lang in supported_languages():
        patterns.extend(load(lang, "boilerplate").get("lines", []))
    return re.compile(r"^\s*(?:" + "|".join(patterns) + r")\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _inline_re() -> re.Pattern[str] | None:
    patterns = [p for lang in supported_languages() for p in load(lang, "boilerplate").get("inline", [])]
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)") if patterns else None


def is_boilerplate(line: str) -> bool:
    """True for a web page line that carries no article content ("Post a Comment"), and for a
    line in capitals alone, as sites print interface text and section headings ("SUSUNAN
    PEMAIN", "SCROLL TO CONTINUE WITH CONTENT").

    >>> is_boilerplate("Baca juga: Harga minyak naik"), is_boilerplate("SCROLL TO CONTINUE WITH CONTENT")
    (True, True)
    >>> is_boilerplate("KPK menahan Bupati.")
    False
    """
    return bool(_boilerplate_re().match(line)) or _all_capitals(line)


def _all_capitals(line: str) -> bool:
    words = [w for w in line.split() if any(ch.isalpha() for ch in w)]
    letters = [ch for w in words for ch in w if ch.isalpha()]
    return len(words) >= 2 and len(letters) >= 6 and all(ch.isupper() for ch in letters)


def _segments(text: str) -> list[tuple[int, int]]:
    """Lines of ``text`` as (start, end) without the boilerplate ones, cut where a furniture
    phrase stands inside one."""
    inline = _inline_re()
    out = []
    for line in _LINE_RE.finditer(text):
        if not line.group().strip() or is_boilerplate(line.group()):
            continue
        start = line.start()
        if inline is not None:
            for hit in inline.finditer(line.group()):
                out.append((start, line.start() + hit.start()))
                start = line.start() + hit.end()
        out.append((start, line.end()))
    return out


def split_sentences(text: str, lang: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[Sentence]:
    """Sentences of ``text`` in order, trimmed of surrounding space; boilerplate lines skipped; a
    run longer than ``max_chars`` with no sentence end is cut at a space (a text without
    punctuation must not become one giant sentence)."""
    abbreviations = _abbreviations(lang)
    sentences: list[Sentence] = []
    for first, last in _segments(text):
        line_text = text[first:last]
        if not line_text.strip() or is_boilerplate(line_text):
            continue
        line = _Line(first, last, line_text)
        start = line.start()
        for end_match in _END_RE.finditer(line.group()):
            window = line.group()[max(0, end_match.end() - 80): end_match.end()]  # not the whole line: O(n)
            word = re.search(r"([\w.]+)[.!?]*[\"'”’)\]]*$", window)
            if word and word.group(1).lower().rstrip(".") in abbreviations:
                continue
            if word and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word.group(1)):
                continue  # initials such as "U.S." or "J."
            end = line.start() + end_match.end()
            _append(text, start, end, sentences, max_chars)
            start = end
        _append(text, start, line.end(), sentences, max_chars)
    return sentences


class _Line:
    """A segment of the text with the interface of a regex match (start, end, group)."""

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


def _append(text: str, start: int, end: int, sentences: list[Sentence], max_chars: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > max_chars:  # cut an over-long run at the last space before the limit
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = cut if cut > start else start + max_chars
        _append(text, start, cut, sentences, max_chars)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        sentences.append(Sentence(len(sentences), start, end))
