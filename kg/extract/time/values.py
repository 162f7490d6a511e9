"""Calendar arithmetic on TIMEX3 values: bounds of a period, shifting by units.

Every date is made through :func:`make_date`, :func:`add_days` or :func:`shift_day`, which raise
:class:`DateOutOfRange` when a result falls outside the calendar ``datetime`` can hold
(0001-01-01 to 9999-12-31); a period straddling an end of it keeps the part inside.

>>> bounds_of("2024-11")
TimeValue(value='2024-11', precision='month', earliest=datetime.date(2024, 11, 1), latest=datetime.date(2024, 11, 30))
>>> shift(day_value(datetime.date(2025, 7, 9)), "day", 1).value
'2025-07-10'
>>> shift_day(datetime.date(9999, 12, 31), "year", 1)
Traceback (most recent call last):
...
kg.extract.time.values.DateOutOfRange: year 10000 is outside 0001-9999
"""
from __future__ import annotations

import calendar
import datetime
import re

from kg.model import TimeValue

_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
MONTHS_IN = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
CALENDAR_UNITS = ("day", "week", "month", "quarter", "year", "decade", "century")  # coarser last


class DateOutOfRange(ValueError):
    """A date computed from a text lies before 0001-01-01 or after 9999-12-31."""


def make_date(year: int, month: int, day: int) -> datetime.date:
    """``datetime.date`` that raises :class:`DateOutOfRange` for a year outside 1..9999
    (and ``ValueError`` for an impossible day, as ``datetime.date`` does)."""
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise DateOutOfRange(f"year {year} is outside 0001-9999")
    return datetime.date(year, month, day)


def add_days(day: datetime.date, days: int, clamp: bool = False) -> datetime.date:
    """``day`` plus ``days``; beyond the calendar, :class:`DateOutOfRange` or, with ``clamp``,
    its first or last day.

    >>> add_days(datetime.date(9999, 12, 30), 7, clamp=True)
    datetime.date(9999, 12, 31)
    """
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        if clamp:
            return datetime.date.max if days > 0 else datetime.date.min
        raise DateOutOfRange(f"{day.isoformat()} {days:+d} days is outside 0001-9999") from None


def day_value(day: datetime.date) -> TimeValue:
    """A day as a TIMEX3 value."""
    return TimeValue(day.isoformat(), "day", day, day)


def month_value(year: int, month: int) -> TimeValue:
    """A calendar month as a TIMEX3 value."""
    first = make_date(year, month, 1)
    last = make_date(year, month, calendar.monthrange(year, month)[1])
    return TimeValue(f"{year:04d}-{month:02d}", "month", first, last)


def year_value(year: int) -> TimeValue:
    """A calendar year as a TIMEX3 value."""
    return TimeValue(f"{year:04d}", "year", make_date(year, 1, 1), make_date(year, 12, 31))


def decade_value(year: int) -> TimeValue:
    """The decade holding ``year`` ("199" for the 1990s); the 0s start on 0001-01-01."""
    start = year - year % 10
    return TimeValue(f"{start // 10:03d}", "decade", make_date(max(start, 1), 1, 1), make_date(start + 9, 12, 31))


def century_value(year: int) -> TimeValue:
    """The century holding ``year`` as TIMEX3 counts it ("20" for 2000-2099)."""
    start = year - year % 100
    return TimeValue(f"{start // 100:02d}", "century", make_date(max(start, 1), 1, 1),
                     make_date(start + 99, 12, 31))


def quarter_value(year: int, quarter: int) -> TimeValue:
    """Quarter 1-4 of ``year``."""
    first = make_date(year, 3 * quarter - 2, 1)
    last_month = 3 * quarter
    last = make_date(year, last_month, calendar.monthrange(year, last_month)[1])
    return TimeValue(f"{year:04d}-Q{quarter}", "quarter", first, last)


def week_value(day: datetime.date) -> TimeValue:
    """The ISO week holding ``day``; the first and last weeks of the calendar are cut at its ends."""
    iso_year, week, _ = day.isocalendar()
    monday = add_days(day, -day.weekday(), clamp=True)
    return TimeValue(f"{iso_year:04d}-W{week:02d}", "week", monday, add_days(monday, 6, clamp=True))


def bounds_of(value: str) -> TimeValue:
    """Parse a calendar TIMEX3 value (day, month, year, week) back into a :class:`TimeValue`."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return day_value(datetime.date.fromisoformat(value))
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return month_value(int(value[:4]), int(value[5:]))
    if re.fullmatch(r"\d{4}", value):
        return year_value(int(value))
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if quarter:
        return quarter_value(int(quarter[1]), int(quarter[2]))
    week = _WEEK_RE.match(value)
    if week:
        monday = datetime.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return week_value(monday)
    return TimeValue(value)


def unit_value(day: datetime.date, unit: str) -> TimeValue:
    """The period of the given calendar unit that contains ``day``."""
    if unit == "day":
        return day_value(day)
    if unit == "week":
        return week_value(day)
    if unit == "month":
        return month_value(day.year, day.month)
    if unit == "quarter":
        return quarter_value(day.year, (day.month - 1) // 3 + 1)
    if unit == "year":
        return year_value(day.year)
    if unit == "decade":
        return decade_value(day.year)
    if unit == "century":
        return century_value(day.year)
    raise ValueError(f"{unit!r} is not a calendar unit (one of {', '.join(CALENDAR_UNITS)})")


def shift_day(day: datetime.date, unit: str, count: int) -> datetime.date:
    """``day`` moved by ``count`` calendar units (months and years clamp the day of month);
    :class:`DateOutOfRange` when the result leaves the calendar."""
    if unit == "day":
        return add_days(day, count)
    if unit == "week":
        return add_days(day, 7 * count)
    if unit not in MONTHS_IN:
        raise ValueError(f"{unit!r} is not a calendar unit (one of {', '.join(CALENDAR_UNITS)})")
    year, month = divmod(day.year * 12 + day.month - 1 + MONTHS_IN[unit] * count, 12)
    month += 1
    make_date(year, month, 1)  # range check before calendar arithmetic
    return make_date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift(value: TimeValue, unit: str, count: int) -> TimeValue:
    """Move a value by ``count`` units; the result has the precision of ``unit``."""
    assert value.earliest is not None
    return unit_value(shift_day(value.earliest, unit, count), unit)


def calendar_precision(value: TimeValue) -> TimeValue:
    """An event date on the calendar: a week (or weekend) becomes its month, or its year when it
    straddles two months; the bounds stay exact. ``sem:hasTimeStamp`` has no week type."""
    if value.precision != "week" or value.earliest is None or value.latest is None:
        return value
    if (value.earliest.year, value.earliest.month) == (value.latest.year, value.latest.month):
        return TimeValue(f"{value.earliest.year:04d}-{value.earliest.month:02d}", "month", value.earliest, value.latest)
    if value.earliest.year == value.latest.year:
        return TimeValue(f"{value.earliest.year:04d}", "year", value.earliest, value.latest)
    return value


def part_of_period(value: TimeValue, part: str) -> TimeValue:
    """Narrow a period's bounds to its early / mid / late third; the value keeps the period.
    A period of fewer than three days has no middle third: "mid" keeps its bounds.

    >>> part_of_period(day_value(datetime.date(9999, 12, 31)), "mid").latest
    datetime.date(9999, 12, 31)
    """
    if value.earliest is None or value.latest is None:
        return value
    span = (value.latest - value.earliest).days + 1
    third = max(span // 3, 1)
    if part == "early":
        return TimeValue(value.value, value.precision, value.earliest, add_days(value.earliest, third - 1))
    if part == "late":
        return TimeValue(value.value, value.precision, add_days(value.latest, 1 - third), value.latest)
    if span < 3:
        return value
    return TimeValue(value.value, value.precision, add_days(value.earliest, third), add_days(value.latest, -third))
