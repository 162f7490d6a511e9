"""Resolvers: turn one regex match of a time family into a TIMEX3 type, value and anchor.

Each resolver takes the match and the :class:`TimeContext` (publication date, the previous
anchored time, the sentence) and returns ``(type, TimeValue, anchor)`` or ``None``. Words are
looked up with :func:`~kg.extract.time.patterns.lookup` and dates made with the range-checked
helpers of :mod:`kg.extract.time.values`; :func:`resolve` keeps a value beyond year 9999 or
before year 1 unresolved.

>>> import datetime
>>> ctx = TimeContext(datetime.date(2025, 7, 12), time_patterns("id"))
>>> _weekday(time_patterns("id").families["weekday"].search("pada hari Jumat"), ctx)[1].value
'2025-07-11'
"""
from __future__ import annotations

import calendar
import datetime
import re
from functools import lru_cache
from typing import Callable

from kg.extract.time import values as tv
from kg.extract.time.patterns import TimePatterns, is_one_of, lookup, time_patterns  # noqa: F401 (doctest)
from kg.model import TimeValue

Resolved = tuple[str, TimeValue, str] | None  # (TIMEX type, value, anchor)
TIME_UNITS = {"second": "S", "minute": "M", "hour": "H"}  # clock units: finer than a calendar date
UNIT_CODES = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}
REFERENCES = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}


@lru_cache(maxsize=None)
def _reporting_verbs(lang: str) -> list[str]:
    from kg.lang import load

    attribution = load(lang, "grammar")["attribution"]
    return [str(w) for w in attribution["speech_verbs"] + attribution["quote_verbs"]]


@lru_cache(maxsize=None)
def _date_parser(lang: str, order: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings={
        "DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": False, "REQUIRE_PARTS": [],
    })


@lru_cache(maxsize=20_000)
def parse_absolute(text: str, lang: str, order: str) -> TimeValue | None:
    """A month-name or numeric date read by dateparser, at the precision it reports."""
    data = _date_parser(lang, order).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "month":
        return tv.month_value(day.year, day.month)
    if data.period == "year":
        return tv.year_value(day.year)
    return tv.day_value(day)


class TimeContext:
    """State carried through one document: the anchors."""

    def __init__(self, published: datetime.date | None, patterns: TimePatterns) -> None:
        self.published = published
        self.patterns = patterns
        self.previous: TimeValue | None = None
        self.sentence = ""

    def unanchored(self) -> "TimeContext":
        """The same sentence with neither a publication date nor a previous time to count from."""
        context = TimeContext(None, self.patterns)
        context.sentence = self.sentence
        return context

    def _has(self, words: list[str], text: str) -> bool:
        return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in words)

    def future_context(self, before: int) -> bool:
        """True when a future word ("akan", "will") comes earlier in the sentence, unless the
        expression hangs on a reporting verb ("officials said on Thursday")."""
        head = self.sentence[:before].lower()
        if self._has(_reporting_verbs(self.patterns.lang), " ".join(head.split()[-3:])):
            return False
        return self._has(self.patterns.data["future_context"], head)

    def right_after(self, before: int, words: list[str]) -> bool:
        """True when one of ``words`` ends within the two words before position ``before``."""
        return self._has(words, " ".join(self.sentence[:before].lower().split()[-2:]))


# ---------------------------------------------------------------- resolvers, one per family
def _weekday(match: re.Match[str], ctx: TimeContext) -> Resolved:
    wd = lookup(ctx.patterns.data["weekdays"], match["wd"])
    pod = _pod_code(match, ctx)
    if ctx.published is None:
        return "DATE", TimeValue(f"XXXX-WXX-{wd + 1}"), "none"
    direction = match["dir"] or match.groupdict().get("pre") or ""
    pub, data = ctx.published, ctx.patterns.data
    if match["week"]:  # "Jumat pekan lalu", "Friday next week"
        sign = -1 if is_one_of(data["weekday_prev_week"], match["week"]) else 1
        day = tv.add_days(pub, 7 * sign + wd - pub.weekday())
    elif is_one_of(data["weekday_future"] + data.get("next_markers", []), direction):
        day = tv.add_days(pub, (wd - pub.weekday()) % 7 or 7)
    elif is_one_of(data["weekday_past"], direction):
        day = tv.add_days(pub, -((pub.weekday() - wd) % 7 or 7))
    elif not direction and ctx.future_context(match.start()):
        day = tv.add_days(pub, (wd - pub.weekday()) % 7)  # "akan bertemu pada hari Senin"
    else:
        day = tv.add_days(pub, -((pub.weekday() - wd) % 7))
    return _with_pod(tv.day_value(day), pod, "publication")


def _pod_code(match: re.Match[str], ctx: TimeContext) -> str | None:
    pod = match.groupdict().get("pod")
    return lookup(ctx.patterns.data["parts_of_day"], pod) if pod else None


def _with_pod(value: TimeValue, pod: str | None, anchor: str) -> Resolved:
    if pod:
        return "TIME", TimeValue(f"{value.value}T{pod}", "day", value.earliest, value.latest), anchor
    return "DATE", value, anchor


def _absolute(match: re.Match[str], ctx: TimeContext) -> Resolved:
    groups = match.groupdict()
    months = ctx.patterns.data["months"]
    if groups.get("a") and groups.get("b"):
        text = f"{groups['a']}/{groups['b']}/{groups['y']}"
    elif groups.get("m") and not groups["m"].isdigit():
        month = lookup(months, groups["m"].rstrip("."))
        if groups.get("d") and not groups.get("y"):
            if ctx.published is None:
                return "DATE", TimeValue(f"XXXX-{month:02d}-{int(groups['d']):02d}"), "none"
            try:
                day = tv.make_date(_year_of_month(month, ctx, match.start(), int(groups["d"])), month,
                                   int(groups["d"]))
            except ValueError:  # "31 Juni"
                return None
            return "DATE", tv.day_value(day), "publication"
        text = " ".join(x for x in (groups.get("d"), groups["m"], groups.get("y")) if x)
    else:
        text = match.group()
    value = parse_absolute(text, ctx.patterns.lang, ctx.patterns.data["date_order"])
    return ("DATE", value, "none") if value else None


def _year(match: re.Match[str], ctx: TimeContext) -> Resolved:
    return "DATE", tv.year_value(int(match["y"])), "none"


def _decade(match: re.Match[str], ctx: TimeContext) -> Resolved:
    return "DATE", tv.decade_value(int(match["y"])), "none"


def _deictic(match: re.Match[str], ctx: TimeContext) -> Resolved:
    offset = lookup(ctx.patterns.data["deictic_days"], match["deictic"])
    if ctx.published is None:
        return "DATE", TimeValue("PRESENT_REF" if offset == 0 else "XXXX-XX-XX"), "none"
    return _with_pod(tv.day_value(tv.add_days(ctx.published, offset)), _pod_code(match, ctx), "publication")


def _unit(ctx: TimeContext, word: str) -> str:
    """The unit (``day``, ``hour``...) a unit word names."""
    return lookup(ctx.patterns.data["units"], word)


def _direction(ctx: TimeContext, word: str | None) -> int:
    """-1 for "lalu", "last"; 1 for "depan", "next"; 0 otherwise ("ini", "this")."""
    d = ctx.patterns.data
    if is_one_of(d["past_markers"] + d.get("last_markers", []), word or ""):
        return -1
    if is_one_of(d["future_markers"] + d.get("next_markers", []), word or ""):
        return 1
    return 0


def _relative_period(day: datetime.date, unit: str, count: int, anchor: str) -> Resolved:
    """The ``unit`` period ``count`` units away from ``day`` ("tahun lalu": last year). A clock
    unit ("detik ini", "the next hour") is finer than a date: it stays a present, past or
    future reference."""
    if unit in TIME_UNITS:
        return "DATE", TimeValue(REFERENCES[(count > 0) - (count < 0)]), "none"
    return "DATE", tv.unit_value(tv.shift_day(day, unit, count), unit), anchor


def _count_unit(match: re.Match[str], ctx: TimeContext) -> tuple[int | None, str]:
    """(count, unit) of "tiga hari", "sehari", "weeks"; count None when vague or unwritten."""
    if match["one"]:
        return 1, lookup(ctx.patterns.data["unit_with_one"], match["one"])
    return (ctx.patterns.number(match["n"]) if match["n"] else None), _unit(ctx, match["u"])


def _ago(match: re.Match[str], ctx: TimeContext) -> Resolved:
    count, unit = _count_unit(match, ctx)
    sign = _direction(ctx, match["dir"])
    if unit in TIME_UNITS or ctx.right_after(match.start(), ctx.patterns.data["duration_context"]):
        return "DURATION", TimeValue(_duration_code(count, unit)), "none"  # "dalam enam bulan mendatang"
    if count is None:
        return "DATE", TimeValue("PAST_REF" if sign < 0 else "FUTURE_REF"), "none"
    if ctx.published is None:
        return "DATE", TimeValue(f"P{count}{UNIT_CODES[unit]}"), "none"
    return _relative_period(ctx.published, unit, sign * count, "publication")


def _relative_unit(match: re.Match[str], ctx: TimeContext) -> Resolved:
    unit, sign = _unit(ctx, match["u"]), _direction(ctx, match["dir"])
    if ctx.published is None:
        return "DATE", TimeValue(REFERENCES[sign]), "none"  # "tahun depan" with no date to count from
    return _relative_period(ctx.published, unit, sign, "publication")


def _anaphoric(match: re.Match[str], ctx: TimeContext) -> Resolved:
    rule = lookup(ctx.patterns.data["anaphoric"], match["phrase"])
    base = ctx.previous
    if base is None or base.earliest is None:
        return "DATE", TimeValue("PAST_REF"), "none"
    if rule["unit"] == "same":
        return "DATE", base, "previous"
    return "DATE", tv.shift(base, rule["unit"], rule["offset"]), "previous"


def _vague(match: re.Match[str], ctx: TimeContext) -> Resolved:
    return "DATE", TimeValue(lookup(ctx.patterns.data["vague"], match["phrase"])), "none"


def _period_part(match: re.Match[str], ctx: TimeContext) -> Resolved:
    part = lookup(ctx.patterns.data["period_parts"], match["part"])
    if match["m"]:
        month = lookup(ctx.patterns.data["months"], match["m"])
        if match["y"]:
            base, anchor = tv.month_value(int(match["y"]), month), "none"
        elif ctx.published:
            base, anchor = tv.month_value(_year_of_month(month, ctx, match.start()), month), "publication"
        else:
            return "DATE", TimeValue(f"XXXX-{month:02d}"), "none"
    elif match["y2"]:
        year = int(match["y2"])
        base, anchor = (tv.decade_value(year) if match["dec"] else tv.year_value(year)), "none"
    else:
        unit, sign = _unit(ctx, match["u"]), _direction(ctx, match["dir"] or match["pre"])
        if ctx.published is None:
            return "DATE", TimeValue(REFERENCES[sign]), "none"
        resolved = _relative_period(ctx.published, unit, sign, "publication")
        if unit in TIME_UNITS:
            return resolved  # "akhir jam ini": no thirds of an hour on a calendar
        _, base, anchor = resolved
    return "DATE", tv.part_of_period(base, part), anchor


def _clock(match: re.Match[str], ctx: TimeContext) -> Resolved:
    hour = int(match["h"] or match["h2"])
    minute = int(match["mi"] or match["mi2"] or 0)
    ampm = (match["ampm"] or match["ampm2"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if hour > 23 or minute > 59 or (match["lead"] and not (match["mi"] or ampm or match["zone"])):
        return None
    base = _day_of_previous(ctx)
    if base is None:
        return "TIME", TimeValue(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "time"), "none"
    return "TIME", TimeValue(f"{base.value}T{hour:02d}:{minute:02d}", "time", base.earliest, base.latest), "publication"


def _day_of_previous(ctx: TimeContext) -> TimeValue | None:
    """The day of the last day- or time-precise expression in the text, else the publication day."""
    if ctx.previous and ctx.previous.precision in ("day", "time") and ctx.previous.earliest:
        return tv.day_value(ctx.previous.earliest)
    return tv.day_value(ctx.published) if ctx.published else None


def _part_of_day(match: re.Match[str], ctx: TimeContext) -> Resolved:
    code = lookup(ctx.patterns.data["parts_of_day"], match["pod"])
    base = _day_of_previous(ctx) if not match.groupdict().get("this") else (
        tv.day_value(ctx.published) if ctx.published else None)
    if base is None:
        return "TIME", TimeValue(f"XXXX-XX-XXT{code}"), "none"
    return "TIME", TimeValue(f"{base.value}T{code}", "day", base.earliest, base.latest), "publication"


def _deictic_time(match: re.Match[str], ctx: TimeContext) -> Resolved:
    offset, code = lookup(ctx.patterns.data["deictic_times"], match["phrase"])
    if ctx.published is None:
        return "TIME", TimeValue(f"XXXX-XX-XXT{code}"), "none"
    day = tv.add_days(ctx.published, offset)
    return "TIME", TimeValue(f"{day.isoformat()}T{code}", "day", day, day), "publication"


def _vague_duration(match: re.Match[str], ctx: TimeContext) -> Resolved:
    word = re.split(r"[\s-]+", match["phrase"].lower())[-1]
    units = ctx.patterns.data["units"]
    unit = units.get(word) or units.get(word.removeprefix("ber")) or "day"
    return "DURATION", TimeValue(_duration_code(None, unit)), "none"


def _duration(match: re.Match[str], ctx: TimeContext) -> Resolved:
    count, unit = _count_unit(match, ctx)
    return "DURATION", TimeValue(_duration_code(count, unit)), "none"


def _set(match: re.Match[str], ctx: TimeContext) -> Resolved:
    count, unit = _count_unit(match, ctx)
    return "SET", TimeValue(_duration_code(1 if count is None and not match["n"] else count, unit)), "none"


FUTURE_WINDOW_DAYS = 92  # a month named without a year may lie this far after publication


def _year_of_month(month: int, ctx: TimeContext, start: int, day: int = 15) -> int:
    """The year of a month (or day of a month) named without one: the nearest occurrence to the
    publication date, looking forward at most :data:`FUTURE_WINDOW_DAYS` unless the sentence
    looks forward ("akan", "will") or the date closes a period ("hingga 31 Oktober")."""
    assert ctx.published is not None
    pub = ctx.published
    forward = ctx.future_context(start) or ctx.right_after(start, ctx.patterns.data["until_words"])
    best = None
    for year in range(max(pub.year - 1, datetime.MINYEAR), min(pub.year + 1, datetime.MAXYEAR) + 1):
        candidate = tv.make_date(year, month, min(day, calendar.monthrange(year, month)[1]))
        delta = (candidate - pub).days
        if delta > (366 if forward else FUTURE_WINDOW_DAYS) or (forward and delta < -31):
            continue
        if best is None or abs(delta) < abs(best[1]):
            best = (year, delta)
    return best[0] if best else pub.year


def _month_alone(match: re.Match[str], ctx: TimeContext) -> Resolved:
    month = lookup(ctx.patterns.data["months"], match["m"])
    if ctx.published is None:
        return "DATE", TimeValue(f"XXXX-{month:02d}"), "none"
    return "DATE", tv.month_value(_year_of_month(month, ctx, match.start()), month), "publication"


def _quarter(match: re.Match[str], ctx: TimeContext) -> Resolved:
    number = int(match["q"]) if match["q"] else lookup(ctx.patterns.data["ordinals"], match["ord"] or match["ord2"])
    year = match["y"] or match["y2"]
    if year:
        return "DATE", tv.quarter_value(int(year), number), "none"
    if ctx.published is None:
        return "DATE", TimeValue(f"XXXX-Q{number}"), "none"
    return "DATE", tv.quarter_value(ctx.published.year, number), "publication"


def _weekend(match: re.Match[str], ctx: TimeContext) -> Resolved:
    """The Saturday-Sunday of a week: "akhir pekan ini/lalu/depan", "this/last/next weekend"."""
    if ctx.published is None:
        return "DATE", TimeValue("XXXX-WXX-WE"), "none"
    groups = match.groupdict()
    word = groups.get("dir") or groups.get("pre") or ""
    shift = _direction(ctx, word)
    pub = ctx.published
    if not shift and not is_one_of(ctx.patterns.data["this_markers"], word):
        # bare "akhir pekan": the coming one when the sentence looks forward, else the last one
        shift = 0 if pub.weekday() >= 5 else (0 if ctx.future_context(match.start()) else -1)
    saturday = tv.add_days(pub, 5 + 7 * shift - pub.weekday())
    week = tv.week_value(saturday)
    return "DATE", TimeValue(f"{week.value}-WE", "week", saturday, tv.add_days(saturday, 1)), "publication"


def _set_word(match: re.Match[str], ctx: TimeContext) -> Resolved:
    return "SET", TimeValue(lookup(ctx.patterns.data["set_words"], match["word"])), "none"


def _duration_code(count: int | None, unit: str) -> str:
    if unit in TIME_UNITS:
        return f"PT{'X' if count is None else count}{TIME_UNITS[unit]}"
    if unit == "decade":
        return f"P{'X' if count is None else count * 10}Y"
    if unit == "century":
        return f"P{'X' if count is None else count * 100}Y"
    return f"P{'X' if count is None else count}{UNIT_CODES[unit]}"


def _recent_duration(match: re.Match[str], ctx: TimeContext) -> Resolved:
    count, unit = _count_unit(match, ctx)
    if match["one"]:
        return "DURATION", TimeValue(_duration_code(1, unit)), "none"
    lead = match.groupdict().get("lead") or ""
    singular = not match["n"] and not (ctx.patterns.lang == "en" and match["u"].lower().endswith("s"))
    if singular and unit not in TIME_UNITS and is_one_of(ctx.patterns.data.get("recent_date_lead", []), lead) \
            and ctx.published:
        return _relative_period(ctx.published, unit, -1, "publication")  # "the last quarter"
    if match["n"]:
        count = ctx.patterns.number(match["n"])
    else:
        count = None if match["u"].lower().endswith("s") and ctx.patterns.lang == "en" else 1
    return "DURATION", TimeValue(_duration_code(count, unit)), "none"


def _anaphoric_offset(match: re.Match[str], ctx: TimeContext) -> Resolved:
    count, unit = _count_unit(match, ctx)
    sign = lookup(ctx.patterns.data["anaphoric_markers"], match["dir"])
    base = ctx.previous
    order = tv.CALENDAR_UNITS
    if count is None or unit not in order or base is None or base.earliest is None or base.precision not in order \
            or order.index(base.precision) > order.index(unit):
        return "DURATION", TimeValue(_duration_code(count, unit)), "none"
    return _relative_period(base.earliest, unit, sign * count, "previous")


def resolve(family: str, match: re.Match[str], ctx: TimeContext) -> Resolved:
    """Resolve one match of ``family``; a value that falls outside the calendar (before year 1,
    after year 9999: "next year" published 9999-12-31) is resolved again without anchors and so
    kept unresolved ("XXXX-XX-XX", "FUTURE_REF"...)."""
    try:
        return RESOLVERS[family](match, ctx)
    except tv.DateOutOfRange:
        return RESOLVERS[family](match, ctx.unanchored())


RESOLVERS: dict[str, Callable[[re.Match[str], TimeContext], Resolved]] = {
    "deictic_time": _deictic_time, "vague_duration": _vague_duration,
    "weekend": _weekend, "month_alone": _month_alone, "bare_year": _year, "quarter": _quarter, "set_word": _set_word,
    "recent_duration": _recent_duration, "anaphoric_offset": _anaphoric_offset,
    "iso": _absolute, "numeric": _absolute, "dmy": _absolute, "mdy": _absolute,
    "month_year": _absolute, "year": _year, "decade": _decade, "weekday": _weekday,
    "deictic": _deictic, "ago": _ago, "relative_unit": _relative_unit, "anaphoric": _anaphoric,
    "vague": _vague, "period_part": _period_part, "clock": _clock, "part_of_day": _part_of_day,
    "duration": _duration, "set": _set,
}
