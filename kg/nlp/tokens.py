"""Tokens with offsets, lower-case form and lemma (simplemma, offline).

A number with its separators is one token ("25.000", "1,5", "09.40", "3/3/2025"), as the
Universal Dependencies treebanks the parsers learn from write them.

A possessive "'s" is its own token ("Sudan's government" -> "Sudan", "'s", "government"), so
names before it are found; other apostrophes stay inside words ("Jum'at", "don't").

>>> [t.lemma for t in tokenize("Lavrov bertemu Kim.", "id")]
['lavrov', 'temu', 'kim', '.']
>>> [t.text for t in tokenize("Sudan's army", "en")]
['Sudan', "'s", 'army']
>>> [t.text for t in tokenize("U.S. President George W. Bush", "en")]
['U.S.', 'President', 'George', 'W.', 'Bush']
>>> [t.text for t in tokenize("25.000 tentara, 1,5 juta, pukul 09.40 (3/3/2025).", "id")]
['25.000', 'tentara', ',', '1,5', 'juta', ',', 'pukul', '09.40', '(', '3/3/2025', ')', '.']
"""
from __future__ import annotations

import re
from functools import lru_cache

import simplemma

from kg.model import Token

# Initials keep their stops: "U.S.", "U.N.", "George W. Bush", "george h. w. bush"; a web domain
# is one token ("Kompas.com", "detik.com", "antaranews.co.id": news outlets are named by them).
_DOMAIN = r"(?:com|net|org|info|news|tv|co|id|go|ac|or|gov|edu|uk|au|my|sg|ru|cn|jp|de|fr|io)"
_TOKEN_RE = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}|(?<![\w.])[^\W\d_]\.(?=[ \t]+[^\W\d_])"
                       rf"|(?<![\w.])\w[\w-]*(?:\.\w[\w-]*)*\.{_DOMAIN}(?:\.{_DOMAIN})?(?!\w|\.\w)"
                       r"|(?<![\w.,:/])(?:[^\W\d_]{1,3})?\d+(?:[.,:/]\d+)+(?![\w.,:/]\d)"
                       r"|\w+(?:-\w+|['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]")


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """Lemma of a lower-case word; the word itself when simplemma does not know it."""
    try:
        return simplemma.lemmatize(word, lang=lang).lower()
    except ValueError:
        return word


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into word and punctuation tokens; offsets are shifted by ``offset``."""
    tokens = []
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        lower = word.lower()
        tokens.append(Token(offset + match.start(), offset + match.end(), word, lower, lemma(lower, lang)))
    return tokens


def is_title_case(tokens: list[Token]) -> bool:
    """A headline in title case ("Russia Attacks Ukraine"): capitals say nothing about names there.

    >>> is_title_case(tokenize("Menlu Malaysia Kunjungi Jakarta", "id"))
    True
    """
    words = [t.text for t in tokens if t.text[:1].isalpha()]
    if len(words) < 3:
        return False
    upper = sum(w[0].isupper() for w in words)
    if upper < 0.6 * len(words):
        return False
    # "Kenzo Oshima, the United Nations Emergency Relief Coordinator, condemned ...": a sentence
    return not any(len(w) > 4 and w.islower() and w.isalpha() for w in words)
