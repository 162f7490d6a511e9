"""Find time expressions and normalise them to TIMEX3 values, anchored like a careful reader.

A regex pass (families in :mod:`kg.extract.time.patterns`) proposes candidates; absolute dates
written with month names are read by one reused ``dateparser.DateDataParser`` per language;
relative expressions are resolved with news rules: a weekday is the most recent such day,
the publication day included; "tahun lalu" is the previous calendar year; anaphoric phrases
("keesokan harinya", "saat itu") count from the last anchored time in the text.

>>> import datetime
>>> times = find_times("Lavrov tiba pada hari Jumat. Keesokan harinya ia bertemu Kim.", "id",
...                    datetime.date(2025, 7, 12))
>>> [(t.text, t.value.value, t.anchor) for t in times]
[('hari Jumat', '2025-07-11', 'publication'), ('Keesokan harinya', '2025-07-12', 'previous')]
"""
from __future__ import annotations

import datetime
import re

from kg.extract.time.patterns import TimePatterns, is_one_of, time_patterns
from kg.extract.time.resolvers import RESOLVERS, TimeContext, parse_absolute, resolve  # noqa: F401 (public)
from kg.model import TimeMention

PRIORITY = ["iso", "numeric", "dmy", "mdy", "month_year", "quarter", "weekend", "period_part", "decade", "year", "weekday",
            "deictic", "ago", "anaphoric_offset", "anaphoric", "vague", "recent_duration", "relative_unit", "clock",
            "part_of_day", "deictic_time", "vague_duration", "set", "set_word", "duration", "month_alone", "bare_year"]


def find_times(text: str, lang: str, published: datetime.date | None,
               spans: list[tuple[int, int]] | None = None) -> list[TimeMention]:
    """All time expressions in ``text`` (optionally only inside ``spans``), in text order.

    With ``spans`` (sentences) each mention carries its span's index, and text outside every
    span (boilerplate) is not read; without them the whole text is one span, index -1.
    """
    patterns = time_patterns(lang)
    context = TimeContext(published, patterns)
    result: list[TimeMention] = []
    for index, (start, end) in enumerate([(0, len(text))] if spans is None else spans):
        chunk = text[start:end]
        context.sentence = chunk
        for begin, finish, family, match in _candidates(chunk, patterns):
            resolved = resolve(family, match, context)
            if resolved is None:
                continue
            kind, value, anchor = resolved
            result.append(TimeMention(start + begin, start + finish, chunk[begin:finish], kind, value,
                                      anchor, -1 if spans is None else index))
            if kind in ("DATE", "TIME") and value.earliest is not None and family != "vague":
                context.previous = value
    return result


def _candidates(chunk: str, patterns: TimePatterns) -> list[tuple[int, int, str, re.Match[str]]]:
    found = []
    active = set(patterns.families_for(chunk))
    for rank, family in enumerate(PRIORITY):
        if family not in active:
            continue
        for match in patterns.families[family].finditer(chunk):
            if _acceptable(family, match, patterns):
                core = "core" if match.groupdict().get("core") else 0
                begin = match.start(core) + _leading_preposition(match.group(core), patterns)
                found.append((begin, match.end(core), rank, family, match))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    for begin, finish, _, family, match in found:
        if all(finish <= b or begin >= f for b, f, _, _ in chosen):
            chosen.append((begin, finish, family, match))
    chosen.sort(key=lambda c: c[0])
    return _merge_part_of_day(chunk, chosen)


def _leading_preposition(text: str, patterns: TimePatterns) -> int:
    """Length of a leading preposition (and the space after it) to leave out of the span."""
    found = patterns.strip_leading.match(text) if patterns.strip_leading else None
    return found.end() if found and found.end() < len(text) else 0


def _acceptable(family: str, match: re.Match[str], patterns: TimePatterns) -> bool:
    groups = match.groupdict()
    weekday = groups.get("wd")
    if weekday and not weekday[0].isupper():
        return False  # "minggu" is a week, "Minggu" is Sunday; "sat" is a verb
    month = groups.get("m")
    if month and not month[0].isupper() and is_one_of(patterns.data["ambiguous_months"], month):
        return False  # "may", "march" as words
    return True


def _merge_part_of_day(chunk: str, chosen: list) -> list:
    """Join "siang hari" + "pada hari Sabtu" into one expression anchored on the day."""
    merged: list = []
    for item in chosen:
        if merged and merged[-1][2] == "part_of_day" and item[2] in ("weekday", "dmy", "mdy", "numeric", "iso", "deictic"):
            gap = chunk[merged[-1][1]:item[0]]
            if re.fullmatch(r"\s*(?:pada|on|,)?\s*", gap, re.IGNORECASE):
                pod = merged.pop()
                merged.append((pod[0], item[1], item[2], item[3]))
                continue
        merged.append(item)
    return merged


