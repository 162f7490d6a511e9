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
_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")


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


def is_boilerplate(line: str) -> bool:
    """True for a web page line that carries no article content ("Post a Comment")."""
    return bool(_boilerplate_re().match(line))


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Sentences of ``text`` in order, trimmed of surrounding space; boilerplate lines skipped."""
    abbreviations = _abbreviations(lang)
    sentences: list[Sentence] = []
    for line in _LINE_RE.finditer(text):
        if not line.group().strip() or is_boilerplate(line.group()):
            continue
        start = line.start()
        for end_match in _END_RE.finditer(line.group()):
            window = line.group()[max(0, end_match.end() - 80): end_match.end()]  # not the whole line: O(n)
            word = re.search(r"([\w.]+)[.!?]*[\"'”’)\]]*$", window)
            if word and word.group(1).lower().rstrip(".") in abbreviations:
                continue
            if word and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word.group(1)):
                continue  # initials such as "U.S." or "J."
            end = line.start() + end_match.end()
            _append(text, start, end, sentences)
            start = end
        _append(text, start, line.end(), sentences)
    return sentences


def _append(text: str, start: int, end: int, sentences: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        sentences.append(Sentence(len(sentences), start, end))
