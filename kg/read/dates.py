"""Publication dates of inputs: ISO ``YYYY-MM-DD`` (optionally with a time), or a strptime format.

>>> parse_published("2025-07-12")
datetime.date(2025, 7, 12)
>>> parse_published("2025-02-30")
Traceback (most recent call last):
...
kg.errors.UsageError: impossible published date '2025-02-30' (day is out of range for month)
>>> parse_with_format("12/07/2025", "%d/%m/%Y")
datetime.date(2025, 7, 12)
"""
from __future__ import annotations

import datetime as dt
import re

from kg.errors import UsageError

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


def parse_published(value: str | dt.date | None, source: str = "published") -> dt.date | None:
    """Parse an ISO date (``YYYY-MM-DD``, optionally with a time) or raise :class:`UsageError`."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE_RE.match(str(value).strip())
    if not match:
        raise UsageError(f"impossible {source} date {value!r} (expected YYYY-MM-DD)")
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise UsageError(f"impossible {source} date {value!r} ({exc})") from None


def parse_with_format(value: str, date_format: str, source: str = "published") -> dt.date:
    """Parse ``value`` with a strptime format such as ``%d/%m/%Y``, or raise :class:`UsageError`.

    >>> parse_with_format("2025-07-12", "%d/%m/%Y")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: impossible published date '2025-07-12' (does not match --date-format '%d/%m/%Y')
    """
    try:
        return dt.datetime.strptime(value.strip(), date_format).date()
    except ValueError:
        raise UsageError(f"impossible {source} date {value!r} (does not match --date-format {date_format!r})") from None


def check_date_format(date_format: str | None) -> str | None:
    """Refuse a ``--date-format`` with no ``%`` directive (it could never match a real date).

    >>> check_date_format("dd/mm/yyyy")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: --date-format 'dd/mm/yyyy' has no strptime directive (e.g. %d/%m/%Y)
    """
    if date_format is None:
        return None
    if "%" not in date_format:
        raise UsageError(f"--date-format {date_format!r} has no strptime directive (e.g. %d/%m/%Y)")
    try:
        dt.datetime.strptime(dt.date(2025, 7, 12).strftime(date_format), date_format)
    except ValueError as exc:
        raise UsageError(f"--date-format {date_format!r} cannot be used ({exc})") from None
    return date_format
