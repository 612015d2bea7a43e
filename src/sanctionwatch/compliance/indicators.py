"""Indicator series (visa issuance, workers reported, trade figures) and surge detection.

Series come from an analyst's CSV (:func:`read_csv`) or from document text
(:func:`series_from_text`). :func:`detect_surges` compares consecutive periods and
flags a jump by at least ``threshold`` times as an evasion indicator for the
obligation the indicator is mapped to, with the suspicion stated in the source.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sanctionwatch.compliance.parties import state_in
from sanctionwatch.errors import InputError

__all__ = [
    "DEFAULT_SURGE_THRESHOLD",
    "INDICATOR_OBLIGATIONS",
    "MAX_CSV_BYTES",
    "TRADE_OBLIGATIONS",
    "Point",
    "Series",
    "Surge",
    "detect_surges",
    "merge_series",
    "obligation_for",
    "parse_csv",
    "read_csv",
    "series_from_text",
]

DEFAULT_SURGE_THRESHOLD = 3.0
MAX_CSV_BYTES = 20 * 1024 * 1024

# Which obligation a jump in an indicator may point at evading, and why.
INDICATOR_OBLIGATIONS: dict[str, tuple[str, str]] = {
    "visas": (
        "2397-OP8",
        "visas of other types issued to DPRK nationals can cover workers kept or sent "
        "after the repatriation deadline",
    ),
    "workers": ("2397-OP8", "DPRK nationals earning income must be repatriated"),
    "work permits": ("2397-OP8", "DPRK nationals earning income must be repatriated"),
}
# Trade figures: the goods named in the series' category decide the obligation.
TRADE_OBLIGATIONS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"\bcoal|iron\b", re.I),
        "2371-OP8",
        "DPRK coal, iron and iron ore exports are banned",
    ),
    (
        re.compile(r"\bseafood|fish|lead\b", re.I),
        "2371-lead-seafood",
        "DPRK lead and seafood exports are banned",
    ),
    (
        re.compile(r"\btextile|garment|cloth", re.I),
        "2375-textiles",
        "DPRK textile exports are banned",
    ),
    (
        re.compile(r"\brefined|petroleum|diesel|gasoline", re.I),
        "2397-OP5",
        "refined petroleum supplied to the DPRK is capped at 500,000 barrels a year",
    ),
    (re.compile(r"\bcrude\b", re.I), "2397-OP4", "crude oil supplied to the DPRK is capped"),
)


def obligation_for(indicator: str, category: str) -> tuple[str | None, str]:
    """The obligation a jump in this indicator may point at evading, and why."""
    if indicator in INDICATOR_OBLIGATIONS:
        return INDICATOR_OBLIGATIONS[indicator]
    if indicator in ("trade", "imports", "exports"):
        for pattern, obligation, why in TRADE_OBLIGATIONS:
            if pattern.search(category):
                return obligation, why
    return None, ""


_PERIOD = re.compile(r"^(?:19|20)\d\d(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


@dataclass(frozen=True, slots=True)
class Point:
    period: str  # "2019", "2019-12" or "2019-12-22"
    value: float
    source: str = ""
    sentence: str = ""
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Series:
    indicator: str  # "visas", "workers", "trade"
    state: str  # ISO2 of the state the figures are about (the issuer, the host)
    category: str = ""  # "tourist", "student", "coal imports"
    unit: str = ""
    points: tuple[Point, ...] = ()
    obligation_id: str | None = None
    suspicion: str | None = None  # the suspicion stated in the source, verbatim

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.indicator, self.state, self.category)

    @property
    def label(self) -> str:
        return " ".join(p for p in (self.category, self.unit or self.indicator) if p)


@dataclass(frozen=True, slots=True)
class Surge:
    indicator: str
    state: str
    category: str
    unit: str
    period_from: str
    period_to: str
    value_from: float
    value_to: float
    ratio: float
    threshold: float
    obligation_id: str | None
    why: str = ""  # why this indicator matters for the obligation
    suspicion: str | None = None
    sources: tuple[str, ...] = field(default=())
    published: date | None = None  # when the later figure was published, if known

    @property
    def label(self) -> str:
        what = " ".join(p for p in (self.category, self.unit or self.indicator) if p)
        return (
            f"{self.state} {what} {self.period_from}\u2192{self.period_to}: "
            f"{self.value_from:,.0f} \u2192 {self.value_to:,.0f} (x{self.ratio:.1f})"
        )


def merge_series(series: Iterable[Series]) -> list[Series]:
    """One series per (indicator, state, category); one point per period (latest source)."""
    merged: dict[tuple[str, str, str], Series] = {}
    for s in series:
        old = merged.get(s.key)
        if old is None:
            merged[s.key] = s
            continue
        points = {p.period: p for p in old.points}
        for p in s.points:
            have = points.get(p.period)
            if have is None or (p.published or date.min) >= (have.published or date.min):
                points[p.period] = p
        merged[s.key] = Series(
            old.indicator,
            old.state,
            old.category,
            old.unit or s.unit,
            tuple(sorted(points.values(), key=lambda p: p.period)),
            old.obligation_id or s.obligation_id,
            old.suspicion or s.suspicion,
        )
    return sorted(merged.values(), key=lambda s: s.key)


def detect_surges(
    series: Iterable[Series], threshold: float = DEFAULT_SURGE_THRESHOLD
) -> list[Surge]:
    """Every rise between consecutive periods of at least ``threshold`` times."""
    if not threshold > 1.0 or math.isinf(threshold):
        raise InputError(f"surge threshold must be a number above 1, not {threshold}")
    surges: list[Surge] = []
    for s in merge_series(series):
        pts = sorted(s.points, key=lambda p: p.period)
        for before, after in itertools.pairwise(pts):
            if before.value <= 0:
                continue
            ratio = after.value / before.value
            if ratio < threshold:
                continue
            obligation, why = obligation_for(s.indicator, s.category)
            surges.append(
                Surge(
                    indicator=s.indicator,
                    state=s.state,
                    category=s.category,
                    unit=s.unit,
                    period_from=before.period,
                    period_to=after.period,
                    value_from=before.value,
                    value_to=after.value,
                    ratio=ratio,
                    threshold=threshold,
                    obligation_id=s.obligation_id or obligation,
                    why=why,
                    suspicion=s.suspicion,
                    sources=tuple(dict.fromkeys(p.source for p in (before, after) if p.source)),
                    published=after.published,
                )
            )
    return surges


# --- CSV import -------------------------------------------------------------------

REQUIRED = ("indicator", "state", "period", "value")
OPTIONAL = ("category", "unit", "source", "obligation", "note")


def _number(text: str, where: str) -> float:
    cleaned = text.strip().replace(",", "").replace("_", "").replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        raise InputError(f"{where}: value is empty")
    try:
        value = float(cleaned)
    except ValueError:
        raise InputError(f"{where}: value {text!r} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise InputError(f"{where}: value {text!r} must be a finite number >= 0")
    return value


def parse_csv(text: str, *, origin: str = "<csv>") -> list[Series]:
    """Parse indicator rows. Columns: indicator, state, period, value (required) and
    category, unit, source, obligation, note (optional). Raises InputError naming the
    line and the problem."""
    if not text.strip():
        raise InputError(f"{origin}: the file is empty")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except csv.Error as exc:
        raise InputError(f"{origin}: line 1: {exc}") from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            f"{origin}: header lacks column(s) {', '.join(missing)} "
            f"(need {', '.join(REQUIRED)}; optional {', '.join(OPTIONAL)})"
        )
    unknown = [h for h in header if h not in REQUIRED + OPTIONAL]
    if unknown:
        raise InputError(f"{origin}: unknown column(s) {', '.join(unknown)}")
    if len(set(header)) != len(header):
        raise InputError(f"{origin}: a column is named twice in the header")
    rows: dict[tuple[str, str, str, str], tuple[float, dict[str, str]]] = {}
    try:
        for row in reader:
            line = reader.line_num
            where = f"{origin}: line {line}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise InputError(
                    f"{where}: expected {len(header)} fields, got {len(row)} "
                    "(truncated or misquoted row?)"
                )
            rec = {h: cell.strip() for h, cell in zip(header, row, strict=True)}
            state = rec["state"].upper()
            if not re.fullmatch(r"[A-Z]{2}", state):
                raise InputError(f"{where}: state {rec['state']!r} is not an ISO 3166 alpha-2 code")
            if not rec["indicator"]:
                raise InputError(f"{where}: indicator is empty")
            if not _PERIOD.match(rec["period"]):
                raise InputError(
                    f"{where}: period {rec['period']!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
                )
            value = _number(rec["value"], where)
            key = (rec["indicator"].lower(), state, rec.get("category", "").lower(), rec["period"])
            if key in rows and rows[key][0] != value:
                raise InputError(
                    f"{where}: {'/'.join(key)} given twice with different values "
                    f"({rows[key][0]:g} and {value:g})"
                )
            rows[key] = (value, rec)
    except csv.Error as exc:
        raise InputError(f"{origin}: line {reader.line_num}: {exc}") from None
    if not rows:
        raise InputError(f"{origin}: no data rows after the header")
    grouped: dict[tuple[str, str, str], list[tuple[str, float, dict[str, str]]]] = {}
    for (indicator, state, category, period), (value, rec) in rows.items():
        grouped.setdefault((indicator, state, category), []).append((period, value, rec))
    out = []
    for (indicator, state, category), items in grouped.items():
        items.sort(key=lambda t: t[0])
        recs = [r for _, _, r in items]
        out.append(
            Series(
                indicator=indicator,
                state=state,
                category=category,
                unit=next((r["unit"] for r in recs if r.get("unit")), ""),
                points=tuple(
                    Point(period, value, r.get("source") or origin, r.get("note", ""))
                    for period, value, r in items
                ),
                obligation_id=next((r["obligation"] for r in recs if r.get("obligation")), None),
                suspicion=next((r["note"] for r in recs if r.get("note")), None),
            )
        )
    return sorted(out, key=lambda s: s.key)


def read_csv(path: Path, *, max_bytes: int = MAX_CSV_BYTES) -> list[Series]:
    """Read an indicator CSV file (UTF-8, with or without a BOM)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    if size > max_bytes:
        raise InputError(f"{path}: {size} bytes is more than the {max_bytes} allowed")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    if "\x00" in text:
        raise InputError(f"{path}: contains NUL bytes; not a text CSV")
    return parse_csv(text, origin=str(path))


# --- series stated in document text -----------------------------------------------

_SENT = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])")
_NUM = r"\d{1,3}(?:,\d{3})+|\d+"
_UNITS = r"visas|work permits|workers"
_LIST = re.compile(
    rf"((?:(?:{_NUM})\s+[a-z]+(?:\s*,\s*|\s*,?\s+and\s+))*(?:{_NUM})\s+[a-z]+)\s+({_UNITS})\b",
    re.IGNORECASE,
)
_ITEM = re.compile(rf"({_NUM})\s+([a-z]+)", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:in|for|during|of)\s+((?:19|20)\d\d)\b")
_SUSPICION = re.compile(
    r"\b(suspect\w*|suspicion|believed to|working illegally|evad\w*|circumvent\w*|loophole)\b",
    re.IGNORECASE,
)


def _year_of(sentences: Sequence[str], i: int, published: date | None) -> str | None:
    m = _YEAR.search(sentences[i])
    if m:
        return m.group(1)
    if published is None:
        return None
    for j in range(i, max(-1, i - 3), -1):
        low = sentences[j].lower()
        if "last year" in low:
            return str(published.year - 1)
        if "this year" in low:
            return str(published.year)
    return None


def series_from_text(text: str, *, published: date | None = None, source: str = "") -> list[Series]:
    """Figures like "16,613 tourist and 10,345 student visas ... in 2018" as series.

    The year comes from "in YYYY" in the sentence, or from "last year"/"this year" in it
    or the two sentences before, relative to ``published``. The state is the first one
    named (other than the DPRK) in the sentence or the two before it. A sentence within
    three after that voices a suspicion ("experts suspect ...") is kept with the series.
    """
    sentences = [s.strip() for s in _SENT.split(text) if s.strip()]
    found: list[Series] = []
    for i, sentence in enumerate(sentences):
        for m in _LIST.finditer(sentence):
            unit = m.group(2).lower()
            year = _year_of(sentences, i, published)
            state = None
            for j in range(i, max(-1, i - 3), -1):
                state = state_in(sentences[j], exclude=("KP",))
                if state:
                    break
            if year is None or state is None:
                continue
            suspicion = next((s for s in sentences[i + 1 : i + 4] if _SUSPICION.search(s)), None)
            for num, category in _ITEM.findall(m.group(1)):
                found.append(
                    Series(
                        indicator=unit,
                        state=state,
                        category=category.lower(),
                        unit=unit,
                        points=(
                            Point(year, float(num.replace(",", "")), source, sentence, published),
                        ),
                        suspicion=suspicion,
                    )
                )
    return merge_series(found)
