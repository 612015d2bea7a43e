"""Document metadata found in the text itself: dateline, publication date, language.

A dateline such as "Moscow, Dec 17 (UNI)" gives place, agency and a day without a
year: the year comes from a partial date given by the caller (``2023``) or, failing
that, from the text (the first year that puts the dateline after every full date the
text mentions and every datable event it speaks of), and the result says it was inferred.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from sanctionwatch.documents.dates import _MON, month_number
from sanctionwatch.documents.events import earliest_date

__all__ = [
    "Dateline",
    "PartialDate",
    "content_hash",
    "english_share",
    "find_dateline",
    "infer_year",
    "parse_partial_date",
    "text_date",
]

_STOPWORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "it",
        "with",
        "as",
        "was",
        "by",
        "at",
        "be",
        "this",
        "are",
        "from",
        "or",
        "an",
        "have",
        "has",
        "had",
        "not",
        "but",
        "were",
        "which",
        "their",
        "its",
        "they",
        "he",
        "she",
        "said",
        "will",
        "would",
        "been",
        "also",
        "after",
        "who",
        "more",
        "than",
        "over",
        "into",
        "about",
        "his",
        "her",
        "there",
        "can",
        "all",
        "new",
        "one",
        "two",
        "we",
        "our",
    ]
)
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def english_share(text: str, sample: int = 4000) -> float:
    """Share of words that are common English function words (about 0.3-0.5 for English)."""
    words = _WORD_RE.findall(text[:sample].lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in _STOPWORDS) / len(words)


@dataclass(slots=True)
class Dateline:
    place: str | None
    agency: str | None
    month: int | None
    day: int | None
    start: int
    end: int


# "Moscow, Dec 17 (UNI) ", "MOSCOW (Reuters) - ", "WASHINGTON – ",
# "AFP-Jiji ULAANBAATAR (AFP-Jiji) — "
_DATELINE_RE = re.compile(
    rf"""\s*(?:[A-Z][\w-]*\s+)?
    (?P<place>[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+){{0,2}})
    (?:,\s*(?P<mon>{_MON})\s+(?P<day>\d{{1,2}}))?
    \s*(?:\((?P<agency>[A-Za-z][\w./ -]{{0,20}})\))?
    \s*(?P<dash>--|[-–—:])?\s*""",
    re.VERBOSE,
)


def find_dateline(text: str, lines: int = 4) -> Dateline | None:
    """A dateline at the start of the text or of one of its first few lines."""
    pos = 0
    for n in range(lines):
        found = _dateline_at(text, pos, first=n == 0)
        if found:
            return found
        nxt = text.find("\n", pos)
        if nxt < 0:
            return None
        pos = nxt + 1
    return None


def _dateline_at(text: str, pos: int, *, first: bool) -> Dateline | None:
    m = _DATELINE_RE.match(text, pos)
    if not m:
        return None
    place = m.group("place")
    has_date = bool(m.group("mon"))
    has_agency = bool(m.group("agency"))
    upper = place.isupper() and len(place) > 2
    if not (has_date or has_agency or (upper and m.group("dash"))):
        return None
    if not first and not (has_date or upper):
        return None
    month = month_number(m.group("mon")) if has_date else None
    day = int(m.group("day")) if has_date else None
    return Dateline(
        place.title() if upper else place, m.group("agency"), month, day, m.start("place"), m.end()
    )


@dataclass(slots=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def full(self) -> date | None:
        if self.month and self.day:
            return date(self.year, self.month, self.day)
        return None


def parse_partial_date(value: str | date | None) -> PartialDate | None:
    """'2023' -> year only, '2019-12' -> year and month, '2020-01-16' -> a full date."""
    if value is None:
        return None
    if isinstance(value, date):
        return PartialDate(value.year, value.month, value.day)
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", value)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    part = PartialDate(year, int(month) if month else None, int(day) if day else None)
    if part.month is not None and not 1 <= part.month <= 12:
        return None
    if part.day is not None:
        try:
            date(year, part.month or 1, part.day)
        except ValueError:
            return None
    return part


_FULL_DATE_RE = re.compile(
    rf"(?:(?P<m1>{_MON})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d))"
    rf"|(?:(?P<d2>\d{{1,2}})\.?\s+(?P<m2>{_MON}|januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)\s+(?P<y2>(?:19|20)\d\d))",
    re.IGNORECASE,
)


def _full_dates(text: str) -> list[tuple[int, date]]:
    out = []
    for m in _FULL_DATE_RE.finditer(text):
        month = month_number((m.group("m1") or m.group("m2") or "")[:3])
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y1") or m.group("y2"))
        if month is None:
            continue
        try:
            out.append((m.start(), date(year, month, day)))
        except ValueError:
            continue
    return out


def text_date(text: str, head: int = 400) -> date | None:
    """A full date standing near the top of the text (byline or blog date)."""
    for start, value in _full_dates(text[:head]):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if len(line) <= 80:
            return value
    return None


def infer_year(month: int, day: int, text: str, hint: PartialDate | None = None) -> int | None:
    """The year of a dateline day: from a partial date hint, else from the text: the
    first year that puts the day after every full date the text gives, every year it
    names, and the datable events it mentions (:mod:`.events`)."""
    if hint is not None:
        return hint.year
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)]
    latest_full = max((d for _, d in _full_dates(text)), default=None)
    bound = earliest_date(text, latest_full)
    if not years and bound is None:
        return None
    year = max([*years, bound.year if bound else 0])
    try:
        candidate = date(year, month, day)
    except ValueError:  # 29 February in a year without it
        candidate = date(year, month, 28)
    if bound and candidate <= bound:
        year += 1
    return year
