"""Calendar arithmetic on TIMEX3 values: bounds of a period, shifting by units.

>>> bounds_of("2024-11")
TimeValue(value='2024-11', precision='month', earliest=datetime.date(2024, 11, 1), latest=datetime.date(2024, 11, 30))
>>> shift(day_value(datetime.date(2025, 7, 9)), "day", 1).value
'2025-07-10'
"""
from __future__ import annotations

import calendar
import datetime
import re

from kg.model import TimeValue

_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")


def day_value(day: datetime.date) -> TimeValue:
    return TimeValue(day.isoformat(), "day", day, day)


def month_value(year: int, month: int) -> TimeValue:
    last = calendar.monthrange(year, month)[1]
    return TimeValue(f"{year:04d}-{month:02d}", "month", datetime.date(year, month, 1), datetime.date(year, month, last))


def year_value(year: int) -> TimeValue:
    return TimeValue(f"{year:04d}", "year", datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def decade_value(year: int) -> TimeValue:
    start = year - year % 10
    return TimeValue(f"{start // 10:03d}", "decade", datetime.date(start, 1, 1), datetime.date(start + 9, 12, 31))


def century_value(year: int) -> TimeValue:
    start = year - year % 100
    return TimeValue(f"{start // 100:02d}", "century", datetime.date(start, 1, 1), datetime.date(start + 99, 12, 31))


def quarter_value(year: int, quarter: int) -> TimeValue:
    first = datetime.date(year, 3 * quarter - 2, 1)
    last_month = 3 * quarter
    last = datetime.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return TimeValue(f"{year:04d}-Q{quarter}", "quarter", first, last)


def week_value(day: datetime.date) -> TimeValue:
    iso_year, week, _ = day.isocalendar()
    monday = day - datetime.timedelta(days=day.weekday())
    return TimeValue(f"{iso_year:04d}-W{week:02d}", "week", monday, monday + datetime.timedelta(days=6))


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
    """The period of the given unit that contains ``day``."""
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
    return century_value(day.year)


def shift_day(day: datetime.date, unit: str, count: int) -> datetime.date:
    """``day`` moved by ``count`` units (months and years clamp the day of month)."""
    if unit == "day":
        return day + datetime.timedelta(days=count)
    if unit == "week":
        return day + datetime.timedelta(weeks=count)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit] * count
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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
    """Narrow a period's bounds to its early / mid / late third; the value keeps the period."""
    if value.earliest is None or value.latest is None:
        return value
    span = (value.latest - value.earliest).days + 1
    third = max(span // 3, 1)
    if part == "early":
        return TimeValue(value.value, value.precision, value.earliest, value.earliest + datetime.timedelta(days=third - 1))
    if part == "late":
        return TimeValue(value.value, value.precision, value.latest - datetime.timedelta(days=third - 1), value.latest)
    return TimeValue(value.value, value.precision, value.earliest + datetime.timedelta(days=third),
                     value.latest - datetime.timedelta(days=third))
