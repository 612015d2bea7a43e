"""Dates as the lists write them -> PartialDate / BirthDate / date.

Handles ISO dates (with or without a time zone suffix), ``dd/mm/yyyy`` with ``00`` for
unknown parts (UK), ``01 Jan 1965`` / ``Jan 1965`` / ``Nov. 1973`` (OFAC, UN notes),
``circa``/``approximately`` prefixes and year ranges (``1960 to 1962``,
``between 1960 and 1962``). Functions return ``None`` for text they cannot read; they
never raise on arbitrary input.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from sanctionwatch.lists.model import BirthDate, PartialDate

__all__ = [
    "parse_birth_date",
    "parse_date",
    "parse_datetime",
    "parse_partial",
]

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_RE = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?(?:T\d[\d:.]*(?:Z|[+-]\d\d:?\d\d)?|[+-]\d\d:\d\d|Z)?$"
)
_MY = re.compile(r"^(?P<m>\d{1,2})/(?P<y>\d{4})$")
_DMY = re.compile(r"^(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})$")
_TEXT = re.compile(r"^(?:(?P<d>\d{1,2})\s+)?" + _MONTH_RE + r",?\s+(?P<y>\d{4})$", re.IGNORECASE)
_YEAR = re.compile(r"^(?P<y>\d{4})$")
_APPROX = re.compile(r"^(?:circa|ca\.?|c\.|approximately|approx\.?|about|around)\s*", re.IGNORECASE)
_RANGE = re.compile(
    r"^(?:between\s+)?(?P<a>.+?)\s*(?:\bto\b|\band\b|\s-\s|–|-(?=\d{4}$))\s*(?P<b>.+)$",
    re.IGNORECASE,
)


def _make(year: int, month: int | None, day: int | None) -> PartialDate | None:
    if not 1000 <= year <= 2999:
        return None
    if month is None or month == 0:
        return PartialDate(year)
    if not 1 <= month <= 12:
        return None
    if day is None or day == 0:
        return PartialDate(year, month)
    try:
        date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def parse_partial(text: str | None) -> PartialDate | None:
    """One date, to whatever precision the text gives; ``None`` if unreadable."""
    if not text:
        return None
    value = " ".join(text.split()).strip(" ,;.")
    if not value or len(value) > 64:
        return None
    m = _ISO.match(value)
    if m:
        return _make(int(m["y"]), int(m["m"]) if m["m"] else None, int(m["d"]) if m["d"] else None)
    m = _DMY.match(value)
    if m:
        return _make(int(m["y"]), int(m["m"]), int(m["d"]))
    m = _MY.match(value)
    if m:
        return _make(int(m["y"]), int(m["m"]), None)
    m = _TEXT.match(value)
    if m:
        month = _MONTHS[m["mon"].lower()[:3]]
        return _make(int(m["y"]), month, int(m["d"]) if m["d"] else None)
    return None


def parse_birth_date(text: str | None) -> BirthDate | None:
    """A stated birth date, possibly approximate or a range; ``None`` if unreadable."""
    if not text:
        return None
    raw = " ".join(text.split())
    value = raw.strip(" ,;.")
    if not value or len(value) > 80:
        return None
    approximate = False
    m = _APPROX.match(value)
    if m:
        approximate = True
        value = value[m.end() :]
    single = parse_partial(value)
    if single is not None:
        return BirthDate(start=single, approximate=approximate, text=raw)
    m = _RANGE.match(value)
    if m:
        start = parse_partial(m["a"])
        end = parse_partial(m["b"])
        if start is not None and end is not None and str(start) <= str(end):
            return BirthDate(start=start, end=end, approximate=approximate, text=raw)
    return None


@lru_cache(maxsize=8192)
def parse_date(text: str | None) -> date | None:
    """A full calendar date (day precision), else ``None``. Cached: lists repeat the
    same dates on many rows."""
    pd = parse_partial(text)
    if pd is None or pd.month is None or pd.day is None:
        return None
    return date(pd.year, pd.month, pd.day)


def parse_datetime(text: str | None) -> datetime | None:
    """ISO date-time (``Z`` or offset allowed), ``mm/dd/yyyy`` (OFAC) is not handled here."""
    if not text:
        return None
    value = text.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        day = parse_date(value)
        return datetime(day.year, day.month, day.day) if day else None
