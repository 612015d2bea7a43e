"""Dates in news text, resolved against the publication date.

"last year", "on Thursday", "Dec. 22", "as of March 10", "the end of 2019",
"December 2017", "yesterday": each becomes an ISO value at the precision the text
supports (``2019-12-22``, ``2019-12``, ``2019``), marked ``inferred`` when the year
(or the day) came from the publication date rather than from the text.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sanctionwatch.documents.model import DateMention

__all__ = ["MONTHS", "find_dates", "month_number", "resolve_month_day"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

_MON = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

DATE_RE = re.compile(
    rf"""
    (?P<end_of>(?:the\s+)?end\s+of\s+(?P<eoy>{_YEAR}|this\s+year|last\s+year))
  | (?P<mdy>(?P<m1>{_MON})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?
        (?:\s+(?P<rel1>of\s+last\s+year|last\s+year|this\s+year))?)(?![\d,]*\d)
  | (?P<dmy>(?P<d2>{_DAY})\s+(?P<m2>{_MON})(?:,?\s+(?P<y2>{_YEAR}))?)
  | (?P<my>(?:in\s+|last\s+|this\s+)?
        (?P<m3>January|February|March|April|May|June|July|August|September|October|November|December)
        (?:\s+(?:of\s+)?(?P<y3>{_YEAR}))?)
  | (?P<rel>last\s+year|this\s+year|next\s+year|last\s+month|this\s+month|yesterday|today
        |last\s+week)
  | (?P<wd>(?:on\s+|last\s+)?(?P<wday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))
  | (?P<yr>(?:in|since|of|by|until|before|after|from|during)\s+(?P<y4>{_YEAR}))(?![\d-])
    """,
    re.VERBOSE,
)


def month_number(token: str) -> int | None:
    return MONTHS.get(token.lower().rstrip("."))


def _day(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def resolve_month_day(month: int, day: int, published: date | None) -> tuple[date | None, bool]:
    """The most recent (month, day) not later than about a month after publication."""
    if published is None:
        return None, True
    for year in (published.year + 1, published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None, True
        if candidate <= published + timedelta(days=31):
            return candidate, True
    return None, True


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, published: date | None, offset: int = 0) -> list[DateMention]:
    out: list[DateMention] = []
    for m in DATE_RE.finditer(text):
        value: str | None = None
        inferred = False
        g = m.groupdict()
        if g["end_of"]:
            eoy = g["eoy"]
            if eoy[0].isdigit():
                value = f"{eoy}-12-31"
            elif published:
                year = published.year - (1 if eoy.startswith("last") else 0)
                value, inferred = f"{year}-12-31", True
        elif g["mdy"] or g["dmy"]:
            month = month_number(g["m1"] or g["m2"])
            day = _day(g["d1"] or g["d2"])
            year_s = g["y1"] or g["y2"]
            rel = g.get("rel1")
            if month is None:
                continue
            if year_s:
                d = _safe_date(int(year_s), month, day)
                value = d.isoformat() if d else None
            elif rel and published:
                year = published.year - (1 if "last" in rel else 0)
                d = _safe_date(year, month, day)
                value, inferred = (d.isoformat() if d else None), True
            else:
                d, inferred = resolve_month_day(month, day, published)
                value = d.isoformat() if d else None
        elif g["my"]:
            month = month_number(g["m3"])
            if month is None:
                continue
            word = m.group(0).split()[0].lower()
            if g["y3"]:
                value = f"{int(g['y3']):04d}-{month:02d}"
            elif g["m3"] == "May" and word not in ("in", "last", "this"):
                continue  # the modal verb "may"
            elif published:
                year = published.year
                if word == "last" or month > published.month:
                    year -= 1
                value, inferred = f"{year:04d}-{month:02d}", True
        elif g["rel"]:
            rel = g["rel"].lower()
            if published is None:
                continue
            inferred = True
            if rel == "last year":
                value = str(published.year - 1)
            elif rel == "this year":
                value = str(published.year)
            elif rel == "next year":
                value = str(published.year + 1)
            elif rel in ("last month", "this month"):
                first = published.replace(day=1)
                if rel == "last month":
                    first = (first - timedelta(days=1)).replace(day=1)
                value = first.strftime("%Y-%m")
            elif rel == "yesterday":
                value = (published - timedelta(days=1)).isoformat()
            elif rel == "today":
                value = published.isoformat()
            elif rel == "last week":
                value = (published - timedelta(days=7)).strftime("%Y-%m")
        elif g["wd"]:
            if published is None:
                continue
            target = WEEKDAYS[g["wday"].lower()]
            back = (published.weekday() - target) % 7
            if g["wd"].lower().startswith("last") and back == 0:
                back = 7
            value, inferred = (published - timedelta(days=back)).isoformat(), True
        elif g["yr"]:
            value = g["y4"]
        if value:
            start = m.start()
            # do not keep a leading preposition in the mention text
            lead = re.match(r"(?:in|since|of|by|until|before|after|from|during|on)\s+", m.group(0))
            if lead:
                start += lead.end()
            out.append(
                DateMention(
                    text[start : m.end()], offset + start, offset + m.end(), value, inferred
                )
            )
    return out
