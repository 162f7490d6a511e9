"""Counted quantities: "25.000 hingga 30.000 tentara", "sedikitnya dua orang", "1.5 million
people", with the counted noun as unit and casualties ("tewas", "killed") in the unit.

>>> [q.as_dict() for q in find_quantities("menambah 25.000 hingga 30.000 tentara untuk", "id")]
[{'min': 25000, 'max': 30000, 'unit': 'tentara'}]
>>> [q.as_dict() for q in find_quantities("menewaskan sedikitnya dua orang di kota", "id")]
[{'min': 2, 'unit': 'orang tewas'}]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.time.patterns import alt
from kg.lang import load
from kg.nlp.numbers import number_word_pattern, parse_number_words
from kg.model import Quantity


@dataclass(frozen=True)
class _Rules:
    pattern: re.Pattern[str]
    data: dict


@lru_cache(maxsize=None)
def _rules(lang: str) -> _Rules:
    q = load(lang, "grammar")["quantities"]
    mult = alt(k for k, v in load(lang, "numbers")["scales"].items() if v >= 1000)
    number = rf"(?:\d[\d.,]*\d|\d)(?:\s+{mult})?|{number_word_pattern(lang)}"
    marker = alt(q["min_markers"] + q["max_markers"] + q["approx_markers"])
    pattern = (
        rf"(?<![\w.,])(?:(?P<marker>{marker})\s+)?(?P<n1>{number})"
        rf"(?:\s*(?P<conn>{alt(q['range_connectors'])})\s*(?P<n2>{number}))?"
        rf"(?P<unit>(?:\s+[a-z][\w-]*){{1,3}})?"
    )
    return _Rules(re.compile(pattern, re.IGNORECASE), q)


def parse_number(text: str, lang: str) -> float | None:
    """Numeric value of "25.000", "1,5 juta", "dua", "9 juta" in the language's conventions."""
    q = _rules(lang).data
    text = re.sub(r"\s+", " ", text.strip().lower())
    if not text[:1].isdigit():
        value = parse_number_words(text, lang)
        return None if value is None else float(value)
    multiplier = 1
    for word, factor in load(lang, "numbers")["scales"].items():
        if factor >= 1000 and text.endswith(" " + word):
            text, multiplier = text[: -len(word) - 1], factor
            break
    digits = text.replace(q["thousands_separator"], "")
    digits = digits.replace(q["decimal_separator"], ".")
    try:
        return float(digits) * multiplier
    except ValueError:
        return None


def find_quantities(text: str, lang: str, offset: int = 0,
                    exclude: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Quantities in ``text`` (one sentence); spans inside ``exclude`` (dates) are skipped."""
    rules = _rules(lang)
    q = rules.data
    stops = set(q["unit_stop_words"])
    found = []
    for match in rules.pattern.finditer(text):
        start, end = offset + match.start(), offset + match.end()
        if any(s < end and start < e for s, e in exclude or []):
            continue
        unit_words = []
        for word in (match["unit"] or "").split():
            if word[0].isupper() or word.lower() in stops or word.lower() in load(lang, "numbers")["scales"]:
                break
            unit_words.append(word.lower())
        if not unit_words:
            continue
        n1 = parse_number(match["n1"], lang)
        n2 = parse_number(match["n2"], lang) if match["n2"] else None
        if n1 is None:
            continue
        casualty = _casualty(text, match, q)
        unit = " ".join(unit_words[:3])
        if casualty and casualty not in unit_words:
            unit = f"{unit_words[0]} {casualty}" if unit_words[0] in ("orang", "people", "persons", "warga") else f"{unit} {casualty}"
        marker = re.sub(r"\s+", " ", (match["marker"] or "").lower())
        if n2 is not None:
            item = Quantity(unit, min=n1, max=n2)
        elif marker in q["min_markers"]:
            item = Quantity(unit, min=n1)
        elif marker in q["max_markers"]:
            item = Quantity(unit, max=n1)
        else:
            item = Quantity(unit, value=n1)
        found.append(Quantity(item.unit, item.value, item.min, item.max, start, offset + _unit_end(match, unit_words)))
    return found


def _unit_end(match: re.Match[str], unit_words: list[str]) -> int:
    pos = match.start("unit")
    segment = match["unit"]
    consumed = 0
    for word in unit_words[:3]:
        idx = segment.lower().find(word, consumed)
        consumed = idx + len(word)
    return pos + consumed


def _casualty(text: str, match: re.Match[str], q: dict) -> str | None:
    before = text[max(0, match.start() - 25):match.start()].lower().split()
    after = text[match.end() - len(match["unit"] or ""):match.end() + 20].lower().split()
    words = q["casualty_words"]
    for word in (before[-2:] if before else []) + after[:4]:
        word = word.strip(".,;:\"'")
        if word in words:
            return words[word]
    return None
