"""Number words -> integers, from ``kg/lang/<code>/numbers.yaml``.

>>> parse_number_words("dua puluh lima", "id"), parse_number_words("seratus dua belas", "id")
(25, 112)
>>> parse_number_words("twenty-five", "en"), parse_number_words("two hundred thousand", "en")
(25, 200000)
>>> parse_number_words("beberapa", "id") is None
True
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.lang import load


@lru_cache(maxsize=None)
def number_word_pattern(lang: str) -> str:
    """Regex (non-capturing) for a run of number words such as "dua puluh lima" or "twenty-five"."""
    data = load(lang, "numbers")
    words = sorted({*map(str, data["atoms"]), *data["teen"], *map(str, data["scales"])}, key=lambda w: (-len(w), w))
    vague = sorted(map(str, data["vague"]), key=lambda w: (-len(w), w))
    word = "(?:" + "|".join(re.escape(w) for w in words) + ")"
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in vague) + rf"|{word}(?:[\s-]+{word})*)"


@lru_cache(maxsize=20_000)
def parse_number_words(text: str, lang: str) -> int | None:
    """Value of a run of number words; ``None`` for vague words or words that do not combine."""
    data = load(lang, "numbers")
    text = re.sub(r"\s+", " ", text.strip().lower())
    if text in {str(v).lower() for v in data["vague"]}:
        return None
    atoms, scales, teen = data["atoms"], data["scales"], set(data["teen"])
    total = hundreds = last = 0  # groups of thousands and up / hundreds / the small number being built
    seen = False

    def scale(size: int) -> None:
        nonlocal total, hundreds, last
        if size >= 1000:
            total += (hundreds + last or 1) * size
            hundreds = last = 0
        elif size == 100:
            hundreds += (last or 1) * 100
            last = 0
        else:
            last = (last or 1) * size

    for word in re.split(r"[\s-]+", text):
        if word in atoms and atoms[word] >= 100:  # "seratus", "seribu": one of a scale
            scale(atoms[word])
        elif word in atoms:
            last += atoms[word]
        elif word in teen and 0 < last < 10:
            last += 10
        elif word in scales:
            scale(scales[word])
        else:
            return None
        seen = True
    return total + hundreds + last if seen else None
