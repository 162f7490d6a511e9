"""Regular expressions for time-expression candidates, compiled from ``kg/lang/<code>/time.yaml``.

Each family is one pattern with named groups; :mod:`kg.extract.time.recognizer` turns matches into values.

>>> pats = time_patterns("id")
>>> bool(pats.families["weekday"].search("bertemu pada hari Sabtu"))
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.lang import load
from kg.nlp.numbers import number_word_pattern, parse_number_words


WORD_RE = re.compile(r"[^\W\d_]+")
DIGIT = "<digit>"


def _words_of(*collections: Any) -> frozenset[str]:
    words: set[str] = set()
    for collection in collections:
        for item in collection:
            words.update(WORD_RE.findall(str(item).lower()))
    return frozenset(words)


def alt(words: Any) -> str:
    """A non-capturing alternation of words, longest first, spaces matching any white space."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    if not items:
        return "(?!)"  # matches nothing
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def normalise(phrase: str) -> str:
    """A matched phrase as a table key: lower case, runs of white space as one space."""
    return " ".join(phrase.lower().split())


def lookup(table: dict[Any, Any], phrase: str) -> Any:
    """The entry of ``table`` (time-word data) for a phrase one of its keys matched.

    The patterns match case-insensitively as :mod:`re` does, which also pairs "ı" with "i", "ſ"
    with "s" and "K" (Kelvin) with "k": a key that ``str.lower`` misses is found by matching the
    phrase against each key as the pattern did. ``KeyError`` only for a phrase no key matches.

    >>> lookup({"senin": 0, "I": 1}, "SENıN"), lookup({"senin": 0, "I": 1}, "i")
    (0, 1)
    """
    key = normalise(phrase)
    if key in table:
        return table[key]
    for word, value in table.items():
        if normalise(str(word)) == key or (not phrase.isascii() and re.fullmatch(alt([word]), phrase, re.IGNORECASE)):
            return value
    raise KeyError(phrase)


def is_one_of(words: Any, phrase: str) -> bool:
    """True when ``phrase`` is one of ``words``, compared as :func:`lookup` does."""
    try:
        lookup(dict.fromkeys(words, True), phrase)
    except KeyError:
        return False
    return True


@dataclass(frozen=True)
class TimePatterns:
    lang: str
    data: dict[str, Any]
    families: dict[str, re.Pattern[str]]
    gates: dict[str, frozenset[str]]  # a family runs only on text holding one of these words
    strip_leading: re.Pattern[str] | None = None  # prepositions left out of a span

    def families_for(self, text: str) -> list[str]:
        """Names of the families worth running on ``text`` (a cheap word test first)."""
        words = set(WORD_RE.findall(text.lower()))
        if any(ch.isdigit() for ch in text):
            words.add(DIGIT)
        return [name for name, gate in self.gates.items() if gate & words]

    def number(self, text: str) -> int | None:
        """Integer of a digit string or number words; ``None`` for vague words ("beberapa")."""
        return int(text) if text.isdigit() else parse_number_words(text, self.lang)


@lru_cache(maxsize=None)
def time_patterns(lang: str) -> TimePatterns:
    """Compiled candidate patterns for one language (cached)."""
    d = load(lang, "time")
    months = alt(d["months"])
    weekdays = alt(d["weekdays"])
    units = alt(d["units"])
    one = alt(d["unit_with_one"])
    count_unit = rf"(?:(?P<n>{{numbers}})\s+(?P<u>{units})|(?P<one>{one}))"
    maybe_count_unit = rf"(?:(?:(?P<n>{{numbers}})\s+)?(?P<u>{units})|(?P<one>{one}))"
    numbers = r"(?:\d{1,3}|" + number_word_pattern(lang) + ")"
    count_unit = count_unit.format(numbers=numbers)
    maybe_count_unit = maybe_count_unit.format(numbers=numbers)
    pods = alt(d["parts_of_day"])
    b, e = r"(?<![\w])", r"(?![\w])"
    wd_lead = alt(d["weekday_lead"])
    year_lead = alt(d["year_lead"])
    past = alt(d["past_markers"])
    future = alt(d["future_markers"])
    this = alt(d["this_markers"])
    pre_dir = alt(d.get("last_markers", []) + d.get("next_markers", []) + d["this_markers"]) if d.get("last_markers") else None
    wd_dir = alt(d["weekday_past"] + d["weekday_future"])
    week_dir = alt(d["weekday_prev_week"] + d["weekday_next_week"])
    parts = alt(d["period_parts"])
    quarter_words = alt(w for w, u in d["units"].items() if u == "quarter")
    ordinals = alt(d["ordinals"])
    count_nouns = alt(d["count_nouns"])
    anaphoric_markers = alt(d["anaphoric_markers"])
    if d.get("recent_duration_lead"):
        recent = rf"{b}(?P<lead>{alt(d['recent_duration_lead'])})\s+{maybe_count_unit}{e}"
    else:
        recent = rf"{b}(?:dalam\s+)?{maybe_count_unit}\s+(?P<tail>{alt(d['recent_duration_tail'])}){e}"
    ordinal = r"(?:st|nd|rd|th)?"
    families = {
        "iso": rf"{b}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){e}",
        "numeric": rf"(?:(?P<wd>{weekdays}),?\s*\(\s*)?(?<![\d/.-])(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})(?![\d/.-]?\d)(?(wd)\)?)",
        "dmy": rf"{b}(?:(?P<lead>{wd_lead})\s+)?(?:(?P<wd>{weekdays}),?\s+(?:\(\s*)?)?(?P<d>\d{{1,2}}){ordinal}\s+(?:of\s+)?(?P<m>{months})\.?(?:,?\s+(?P<y>\d{{4}}))?{e}\)?",
        "mdy": rf"{b}(?:(?P<wd>{weekdays}),?\s+)?(?P<m>{months})\.?\s+(?P<d>\d{{1,2}}){ordinal}(?:,?\s+(?P<y>\d{{4}}))?{e}(?![.,]\d)",
        "month_year": rf"{b}(?P<m>{months})\.?,?\s+(?P<y>\d{{4}}){e}",
        "month_alone": rf"{b}(?:{alt(d['month_lead'])})\s+(?P<core>(?P<m>{months})){e}(?!\.?\s*\d)",
        "bare_year": rf"(?<![\w$€£¥.,/-])(?P<y>1[89]\d\d|20\d\d)(?![\w/-]|[.,]\d|-an|'?s{e}|\s*%|\s+{count_nouns}{e})",
        "quarter": (rf"{b}(?:(?:the\s+)?(?P<ord>{ordinals})\s+(?P<u>{quarter_words})|(?P<u2>{quarter_words})\s+(?P<ord2>{ordinals}))"
                    rf"(?:\s+(?:of\s+)?(?:tahun\s+)?(?P<y>\d{{4}}))?{e}|{b}Q(?P<q>[1-4])[\s-]*(?P<y2>\d{{4}}){e}"),
        "set_word": rf"{b}(?P<word>{alt(d['set_words'])}){e}",
        "weekend": (rf"{b}(?:(?P<pre>{pre_dir}|the)\s+)?(?P<w>{alt(d['weekend'])}){e}" if pre_dir else
                    rf"{b}(?P<w>{alt(d['weekend'])})(?:\s+(?P<dir>{past}|{future}|{this}))?{e}"),
        "recent_duration": recent,
        "anaphoric_offset": rf"{b}{count_unit}\s+(?P<dir>{anaphoric_markers}){e}",
        "year": rf"{b}(?:{year_lead})\s+(?P<y>1[5-9]\d\d|20\d\d|21\d\d){e}(?![.,]\d|-an|'?s{e})",
        "decade": rf"{b}(?:(?:the|tahun)\s+)?(?P<y>1[5-9]\d0|20\d0)(?:-an|'?s){e}",
        "weekday": rf"{b}(?:(?P<pre>{pre_dir})\s+)?(?:(?P<lead>{wd_lead})\s+)?(?P<wd>{weekdays})(?:\s+(?P<pod>{pods}))?(?:\s+(?P<week>{week_dir})|\s+(?P<dir>{wd_dir}))?{e}" if pre_dir else
                   rf"{b}(?:(?P<lead>{wd_lead})\s+)?(?P<wd>{weekdays})(?:\s+(?P<pod>{pods}))?(?:\s+(?P<week>{week_dir})|\s+(?P<dir>{wd_dir}))?{e}",
        "deictic": rf"{b}(?P<deictic>{alt(d['deictic_days'])})(?:\s+(?P<pod>{pods}))?{e}",
        "ago": rf"{b}{count_unit}\s+(?P<dir>{past}|{future}){e}",
        "relative_unit": (rf"{b}(?P<dir>{pre_dir})\s+(?P<u>{units}){e}" if pre_dir else
                          rf"{b}(?P<u>{units})\s+(?P<dir>{past}|{future}|{this}){e}"),
        "anaphoric": rf"{b}(?P<phrase>{alt(d['anaphoric'])}){e}",
        "vague": rf"{b}(?P<phrase>{alt(d['vague'])}){e}",
        "period_part": rf"{b}(?P<part>{parts})[\s-]+(?:(?P<m>{months})(?:\s+(?P<y>\d{{4}}))?|(?:(?:{year_lead})\s+)?(?P<y2>1[5-9]\d\d|20\d\d)(?P<dec>-an|'?s)?|(?:the\s+)?(?:(?P<pre>{pre_dir or this})\s+)?(?P<u>{units})(?:\s+(?P<dir>{past}|{future}|{this}))?){e}",
        "clock": rf"{b}(?:(?P<lead>{alt(d['clock_lead'])})\s+(?P<h>\d{{1,2}})(?:[.:](?P<mi>\d{{2}}))?(?:\s*(?P<ampm>[ap]\.?m\.?))?|(?P<h2>\d{{1,2}})(?:[.:](?P<mi2>\d{{2}}))?\s*(?P<ampm2>[ap]\.m\.|[ap]m{e}))(?:\s*(?P<zone>{alt(d['clock_zones'])}))?",
        "part_of_day": rf"{b}(?:(?P<this>{this})\s+)?(?P<pod>{pods})(?:\s+(?P<suffix>{alt(d['part_of_day_suffix'])}))?{e}" if d["part_of_day_suffix"] else rf"{b}(?P<this>{this})\s+(?P<pod>{pods}){e}",
        "duration": rf"{b}(?:(?P<lead>{alt(d['duration_lead'])})\s+)?{count_unit}{e}",
        "set": rf"{b}(?P<lead>{alt(d['set_lead'])})\s+{maybe_count_unit}{e}",
        "deictic_time": rf"{b}(?P<phrase>{alt(d['deictic_times'])}){e}",
        "vague_duration": rf"{b}(?P<phrase>{alt(d['vague_duration'])}){e}",
    }
    compiled = {name: re.compile(p, re.IGNORECASE) for name, p in families.items()}
    digit = frozenset([DIGIT])
    unit_words = _words_of(d["units"], d["unit_with_one"])
    gates = {
        "iso": digit, "numeric": digit, "bare_year": digit, "clock": digit, "year": digit, "decade": digit,
        "dmy": _words_of(d["months"]), "mdy": _words_of(d["months"]), "month_year": _words_of(d["months"]),
        "month_alone": _words_of(d["months"]), "quarter": _words_of(d["units"], ["q"]) | digit,
        "weekend": _words_of(d["weekend"]), "period_part": _words_of(d["period_parts"]),
        "weekday": _words_of(d["weekdays"]), "deictic": _words_of(d["deictic_days"]),
        "deictic_time": _words_of(d["deictic_times"]), "vague": _words_of(d["vague"]),
        "anaphoric": _words_of(d["anaphoric"]), "vague_duration": _words_of(d["vague_duration"]),
        "set_word": _words_of(d["set_words"]), "part_of_day": _words_of(d["parts_of_day"]),
        "ago": unit_words, "relative_unit": unit_words, "recent_duration": unit_words,
        "anaphoric_offset": unit_words, "duration": unit_words, "set": unit_words,
    }
    assert set(gates) == set(compiled), set(compiled) ^ set(gates)
    strip = d.get("span_strip_leading") or []
    strip_re = re.compile(rf"(?:{alt(strip)})\s+", re.IGNORECASE) if strip else None
    return TimePatterns(lang, d, compiled, gates, strip_re)
