"""Names the gazetteer does not know, found by the statistical tagger (:mod:`kg.extract.actors.tagger`).

The rules in :mod:`kg.extract.actors.recognizer` resolve what they can; the tagger decides whether an
unknown capitalised sequence is a person, an organisation or a place, and adds the names the
rules miss (lower-cased text, one-word names).

>>> from kg.nlp.tokens import tokenize
>>> spans = tagged_spans(tokenize("Budi Santoso bekerja di Bank Mandiri", "id"), "id")
>>> [label for _, _, label in spans]
['PER', 'ORG']
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.actors.gazetteer import gazetteer, slug
from kg.extract.actors.geonames import city
from kg.extract.actors.namehints import hint_features
from kg.extract.actors.tagger import bio_spans, load_tagger, token_features
from kg.model import Actor, Place, Token

Span = tuple[int, int, str]  # first token, end token (exclusive), PER/ORG/LOC


def tagged_spans(tokens: list[Token], lang: str) -> list[Span]:
    """Tagger spans over a sentence's tokens; empty when the language has no model."""
    tagger = load_tagger(lang)
    if tagger is None or not tokens:
        return []
    words = [t.text for t in tokens]
    cased = any(ch.isupper() for w in words for ch in w)  # as token_features decides
    return bio_spans(tagger.tag(words, sentence_features(words, lang, cased_copy=False), cased=cased))


def sentence_features(words: list[str], lang: str, cased_copy: bool = True) -> list[list[str]]:
    """The tagger's features for one sentence: gazetteer tags and word-list hints."""
    return token_features(words, gazetteer(lang).token_tags(words), hint_features(words, lang), cased_copy)


def label_of(spans: list[Span], first: int, end: int) -> str | None:
    """The tagger's label for a token range: an exact span, else the one covering most of it."""
    best, overlap = None, 0
    for s, e, label in spans:
        shared = min(end, e) - max(first, s)
        if (s, e) == (first, end):
            return label
        if shared > overlap:
            best, overlap = label, shared
    return best if overlap * 2 >= end - first else None


_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]|[\u00d8\u00d9\u00da\u00db][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]|\u00e2\u20ac")


def plausible_name(name: str, kind: str) -> bool:
    """Can ``name`` be an actor's or a place's name at all? Not without two letters, not with a
    replacement character or text decoded twice ("Ã©", "Ù…"), not as a line of capitals of three
    or more words (interface text: "SCROLL TO CONTINUE WITH CONTENT"), and not longer than a
    name runs (a person's five words, an institution's twelve).

    >>> plausible_name("Sergey Lavrov", "person"), plausible_name("SCROLL TO CONTINUE WITH CONTENT", "person")
    (True, False)
    >>> plausible_name("\u00d9\u2026", "organization"), plausible_name("KPK", "organization")
    (False, True)
    """
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 2 or "\ufffd" in name or _MOJIBAKE.search(name):
        return False
    words = name.split()
    if len(words) >= 3 and all(ch.isupper() for ch in letters):
        return False
    if kind == "person" and any(w.strip(".,") in _currency_marks() for w in words):
        return False  # "Els Mangundap Rp", "Defisit APBN Rp": money, not a person
    return len(words) <= (5 if kind == "person" else 12)


@lru_cache(maxsize=1)
def _currency_marks() -> frozenset[str]:
    """ISO 4217 codes and the CLDR symbols Indonesian and English write them with ("Rp", "US$")."""
    from babel.numbers import get_currency_symbol, list_currencies

    codes = list_currencies()
    return frozenset(codes) | {get_currency_symbol(c, loc) for c in codes for loc in ("id", "en")}


def actor_for(name: str, label: str, country: str | None = None) -> Actor | Place | None:
    """A canonical node for an unknown name with the tagger's label (and a country, when the
    text gives one: "Ivory Coast's Supreme Court")."""
    if label == "PER":
        return Actor(f"person-{slug(name)}", name, "person", country)
    if label == "ORG":
        return Actor(f"organization-{(country or 'xx').lower()}-{slug(name)}", name, "organization", country)
    if label == "LOC":  # the tagger says it is a place: GeoNames may know which ("Samarra" -> Iraq)
        hit = city(name)
        if hit:
            return Place(f"place-{hit[1].lower()}-{slug(name)}", name, hit[1], None, None, hit[0])
        return Place(f"place-xx-{slug(name)}", name)
    return None
