"""Arithmetic a text states about its own figures: ratios ("N times", "N-fold"),
percentage changes ("rose 40 percent from A to B") and unit conversions ("110 metres
(361 feet)"). Pure functions over sentences and their quantities."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import pairwise

from sanctionwatch.documents.model import FactualIssue, Quantity, Sentence
from sanctionwatch.documents.quantities import words_to_number

__all__ = [
    "SMALL_WORDS",
    "check_changes",
    "check_conversions",
    "check_ratios",
    "check_share_of_limit",
    "check_sums",
    "parse_number",
]

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SMALL_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred"
)


def parse_number(token: str) -> float | None:
    token = token.replace(",", "")
    try:
        return float(token)
    except ValueError:
        return words_to_number(token)


def _fmt(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


# ---- arithmetic ---------------------------------------------------------------------

_RATIO = re.compile(
    rf"(?:(?P<approx>more\s+than|over|nearly|almost|about|around|roughly|some|at\s+least"
    rf"|less\s+than|close\s+to)\s+)?(?P<n>{_NUM}|{SMALL_WORDS})(?:[\s-]*(?P<unit>times|fold)\b"
    rf"|x\b)",
    re.IGNORECASE,
)
_RATIO_HINT = re.compile(r"times|fold|\dx\b", re.IGNORECASE)  # a cheap test first
_RATIO_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
_RATIO_AFTER = re.compile(
    r"\s*(?:more|less|higher|lower|larger|greater|bigger|smaller|fewer|as|the|over|what|that|its"
    r"|their)\b",
    re.IGNORECASE,
)
_NOT_FIGURES = {"ratio", "percent"}


def _ratio_agrees(r: float, n: float, approx: str | None) -> bool:
    approx = (approx or "").lower().split()[0] if approx else ""
    if approx in ("more", "over"):
        return r > n
    if approx == "at":
        return r >= n
    if approx == "less":
        return r < n
    if approx in ("nearly", "almost", "close"):
        return 0.85 * n <= r <= n * 1.005
    if approx in ("about", "around", "roughly", "some"):
        return abs(r - n) <= 0.1 * n
    # as written: the ratio rounds to it
    return abs(r - n) <= max(0.5 if float(n).is_integer() else 0.05, 0.03 * n)


def check_ratios(
    sentences: Sequence[Sentence], quantities: Sequence[Quantity], window: int = 3
) -> list[FactualIssue]:
    """A comparison "N times" against the figures of its sentence and the next ``window``."""
    out: list[FactualIssue] = []
    for i, s in enumerate(sentences):
        if not _RATIO_HINT.search(s.text):
            continue
        for m in _RATIO.finditer(s.text):
            before = s.text[max(0, m.start() - 12) : m.start()]
            by = bool(_RATIO_BEFORE.search(before))
            if (m.group("unit") or "").lower() != "fold" and not (
                by or _RATIO_AFTER.match(s.text, m.end())
            ):
                continue  # "three times" as occurrences: no comparison is made
            n = parse_number(m.group("n"))
            if n is None or n <= 1:
                continue
            last = sentences[min(i + window, len(sentences) - 1)].end
            figs = [
                q
                for q in quantities
                if s.start <= q.start < last and q.unit not in _NOT_FIGURES and q.value
            ]
            ratios = [
                (float(a.value) / float(b.value), a, b)
                for a in figs
                for b in figs
                if a is not b and a.unit == b.unit and float(a.value) > float(b.value) > 0
            ]
            # the pair meant: its ratio near the stated one ("by N times" may mean N + 1)
            targets = [n, n + 1] if by else [n]
            near = [x for x in ratios if any(0.75 * t <= x[0] <= 1.35 * t for t in targets)]
            if not near:
                continue
            if any(_ratio_agrees(r, t, m.group("approx")) for r, _, _ in near for t in targets):
                continue
            r, a, b = min(near, key=lambda x: abs(math.log(x[0] / n)))
            out.append(
                FactualIssue(
                    "arithmetic",
                    s.start + m.start(),
                    s.start + m.end(),
                    m.group(0),
                    f"'{m.group(0)}' but {a.text} / {b.text} = {_fmt(r)}",
                    0.8,
                )
            )
    return out


# ---- unit conversions ----------------------------------------------------------------

# unit -> (dimension, factors to the dimension's base unit; several where ambiguous)
_UNITS: dict[str, tuple[str, tuple[float, ...]]] = {
    "m": ("length", (1.0,)), "metres": ("length", (1.0,)), "meters": ("length", (1.0,)),
    "metre": ("length", (1.0,)), "meter": ("length", (1.0,)),
    "km": ("length", (1000.0,)), "kilometres": ("length", (1000.0,)),
    "kilometers": ("length", (1000.0,)), "kilometre": ("length", (1000.0,)),
    "kilometer": ("length", (1000.0,)), "miles": ("length", (1609.344, 1852.0)),
    "mile": ("length", (1609.344, 1852.0)), "nautical miles": ("length", (1852.0,)),
    "feet": ("length", (0.3048,)), "foot": ("length", (0.3048,)), "ft": ("length", (0.3048,)),
    "tonnes": ("mass", (1000.0,)), "tonne": ("mass", (1000.0,)),
    "metric tons": ("mass", (1000.0,)), "short tons": ("mass", (907.18474,)),
    "long tons": ("mass", (1016.0469,)),
    "tons": ("mass", (1000.0, 907.18474, 1016.0469)),
    "ton": ("mass", (1000.0, 907.18474, 1016.0469)),
    "kg": ("mass", (1.0,)), "kilograms": ("mass", (1.0,)), "pounds": ("mass", (0.45359237,)),
    "lbs": ("mass", (0.45359237,)),
    "barrels": ("volume", (158.987,)), "bbl": ("volume", (158.987,)),
    "litres": ("volume", (1.0,)), "liters": ("volume", (1.0,)),
    "gallons": ("volume", (3.78541, 4.54609)), "cubic metres": ("volume", (1000.0,)),
    "cubic meters": ("volume", (1000.0,)),
}  # fmt: skip
_METRIC_MASS = frozenset({"kg", "kilograms", "tonnes", "tonne", "metric tons"})
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_CONVERSION = re.compile(
    rf"(?<![\w.,])(?P<v1>{_NUM})\s*(?:-\s*)?(?P<u1>{_UNIT_ALT})\b"
    rf"(?:\s+(?:long|wide|high|tall|deep))?"
    rf"\s*(?:[(,—–=]\s*(?:or\s+)?|or\s+)(?:(?P<approx>about|around|roughly|approximately|some|nearly"
    rf"|almost|over|more\s+than|~)\s*)?(?P<v2>{_NUM})\s*(?:-\s*)?(?P<u2>{_UNIT_ALT})\b",
    re.IGNORECASE,
)


def _step(token: str) -> float:
    """The rounding step a written number implies: 330 -> 10, 328 -> 1, 1.5 -> 0.1."""
    token = token.replace(",", "")
    if "." in token:
        return 10.0 ** -len(token.split(".")[1])
    zeros = len(token) - len(token.rstrip("0"))
    return 10.0 ** min(zeros, len(token) - 1, 1)  # "600 feet": rounded to tens at most


def check_conversions(sentences: Sequence[Sentence]) -> list[FactualIssue]:
    """ "110 metres (361 feet)": the second figure must be the first converted."""
    out: list[FactualIssue] = []
    for s in sentences:
        for m in _CONVERSION.finditer(s.text):
            u1, u2 = _UNITS[m.group("u1").lower()], _UNITS[m.group("u2").lower()]
            if u1[0] != u2[0] or m.group("u1").lower() == m.group("u2").lower():
                continue
            v1, v2 = float(m.group("v1").replace(",", "")), float(m.group("v2").replace(",", ""))
            slack = 0.1 if m.group("approx") else 0.04
            expected = [v1 * f1 / f2 for f1 in u1[1] for f2 in u2[1]]
            step = _step(m.group("v2")) / 2
            said = f"{m.group('v1')} {m.group('u1')}"
            if not any(abs(e - v2) <= step + slack * e for e in expected):
                why = f"{said} is about {_fmt(expected[0])} {m.group('u2')}, not {m.group('v2')}"
                confidence = 0.85
            else:
                # "2,105 kg (2.32 tons)": right only in US short tons, which a text that
                # weighs in kilograms does not say
                metric = v1 * u1[1][0] / 1000.0
                if not (
                    m.group("u2").lower() in ("tons", "ton")
                    and m.group("u1").lower() in _METRIC_MASS
                    and abs(metric - v2) > step + slack * metric
                ):
                    continue
                why = (
                    f"{said} is {_fmt(metric)} metric tons; {m.group('v2')} is the figure in "
                    "US short tons, which the text does not say"
                )
                confidence = 0.6
            out.append(
                FactualIssue(
                    "unit_conversion",
                    s.start + m.start(),
                    s.start + m.end(),
                    m.group(0),
                    why,
                    confidence,
                )
            )
    return out


# ---- percentage changes --------------------------------------------------------------

_CHANGE = re.compile(
    rf"\b(?P<verb>rose|risen|increased|grew|grown|jumped|climbed|surged|fell|fallen|dropped"
    rf"|declined|decreased|shrank|slumped)\s+(?:by\s+)?(?:(?P<approx>more\s+than|over|nearly"
    rf"|almost|about|around|roughly|some|at\s+least|less\s+than)\s+)?(?P<p>{_NUM})\s*"
    rf"(?:%|percent\b|per\s+cent\b)(?P<rest>[^.;]*)",
    re.IGNORECASE,
)
_DOWN = {"fell", "fallen", "dropped", "declined", "decreased", "shrank", "slumped"}


def check_changes(
    sentences: Sequence[Sentence], quantities: Sequence[Quantity]
) -> list[FactualIssue]:
    """ "rose 40 percent, from 500 to 900 barrels": the change between the two figures
    that follow "from ... to" must be the percentage stated."""
    out: list[FactualIssue] = []
    for s in sentences:
        if "%" not in s.text and "per" not in s.text:
            continue  # no percentage: nothing to check
        for m in _CHANGE.finditer(s.text):
            if not re.search(r"\bfrom\b.*\bto\b", m.group("rest"), re.I):
                continue
            lo, hi = s.start + m.end("p"), s.start + m.end()
            figs = [q for q in quantities if lo <= q.start < hi and q.unit not in _NOT_FIGURES]
            if len(figs) < 2 or figs[0].unit != figs[1].unit or not figs[0].value:
                continue
            a, b = float(figs[0].value), float(figs[1].value)
            change = abs(b - a) / a * 100
            p = float(m.group("p").replace(",", ""))
            down = m.group("verb").lower() in _DOWN
            if (b < a) != down or b == a:
                continue  # the figures go the other way: not the pair the change is about
            if _ratio_agrees(change, p, m.group("approx")) or abs(change - p) <= 1.0:
                continue
            out.append(
                FactualIssue(
                    "arithmetic",
                    s.start + m.start("p"),
                    s.start + m.end("p") + 1,
                    s.text[m.start("p") : m.end("p")] + " percent",
                    f"from {figs[0].text} to {figs[1].text} is a change of {_fmt(change)} percent, "
                    f"not {m.group('p')}",
                    0.8,
                )
            )
    return out


# ---- sums and reductions ------------------------------------------------------------

_TOTAL = re.compile(
    r"\b(?:a\s+combined|combined|a\s+total\s+of|in\s+total|altogether|together\s+some)\s+$",
    re.IGNORECASE,
)
_TOTAL_SO_FAR = re.compile(
    r"\bbringing\s+(?:the\s+|their\s+)?(?:combined\s+)?total\b[^.;]{0,50}\bto\s+$", re.I
)
_REDUCTION = re.compile(
    rf"(?P<p>{_NUM})\s*(?:%|percent\b|per\s+cent\b)\s+(?P<what>reduction|cut|decrease|drop"
    r"|fall|increase|rise)\s+(?:from|on)\s+",
    re.IGNORECASE,
)


def _stated_change(
    s: Sentence, m: re.Match[str], start: Quantity, end: Quantity, up: bool, slack: float
) -> FactualIssue | None:
    """The issue where the change from ``start`` to ``end`` (a rise if ``up``) is not the
    percentage ``m`` states (group ``p``), beyond ``slack`` points; None where it is, or
    where the figures go the other way (not the pair the change is about)."""
    a, b = float(start.value), float(end.value)
    if (b > a) != up or a == b:
        return None
    change = abs(b - a) / a * 100
    if abs(change - float(m.group("p").replace(",", ""))) <= slack:
        return None
    said = f"from {start.text} to {end.text} is a change of {_fmt(change)} percent"
    return _percent_issue(s, m, said, 0.75)


def _percent_issue(s: Sentence, m: re.Match[str], said: str, confidence: float) -> FactualIssue:
    """An arithmetic issue on the percentage ``m`` states (group ``p``): "``said``, not P"."""
    return FactualIssue(
        "arithmetic",
        s.start + m.start("p"),
        s.start + m.end("p"),
        m.group("p") + " percent",
        f"{said}, not {m.group('p')}",
        confidence,
    )


_CHANGE_OF = re.compile(
    r"\b(?:drop|fall|decline|decrease|reduction|cut|rise|increase|jump)\s+of\s+"
    rf"(?:(?P<approx>about|around|roughly|some|nearly|almost)\s+)?(?P<p>{_NUM})\s*"
    r"(?:%|percent\b|per\s+cent\b)",
    re.IGNORECASE,
)


def _change_of(s: Sentence, figs: list[Quantity]) -> list[FactualIssue]:
    """ "fell to $12 million from $480 million, a drop of 85 percent": the change from the
    figure after "from" to the other figure of its unit before the percentage; bare
    numbers count where the unit was named before them ("the number of ... fell from
    3,100 in 2017 to 1,240")."""
    out: list[FactualIssue] = []
    for m in _CHANGE_OF.finditer(s.text):
        before = [q for q in figs if q.end <= s.start + m.start()] or _bare_from_to(
            s, s.text[: m.start()]
        )
        base = next((q for q in before if _FROM_BEFORE.search(s.text[: q.start - s.start])), None)
        if base is None:
            base = _compared_with(s, s.text[: m.start()], before)
            before = [*before, base] if base is not None else before
        if base is None or not base.value:
            continue
        other = [q for q in before if q is not base and q.unit == base.unit]
        if len(other) != 1:
            continue
        up = m.group(0).split()[0].lower() in ("rise", "increase", "jump")
        slack = 3.0 if (m.group("approx") or base.approx or other[0].approx) else 1.0
        issue = _stated_change(s, m, base, other[0], up, slack)
        if issue is not None:
            out.append(issue)
    return out


_BARE_FROM_TO = re.compile(
    r"\bfrom\s+(?P<a>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:in|by|at\s+the\s+(?:start|end"
    r"|beginning)\s+of)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d)?\s+to\s+(?P<b>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\b(?!\s*(?:%|per))",
    re.IGNORECASE,
)


def _bare_from_to(s: Sentence, text: str) -> list[Quantity]:
    """The two bare numbers of "from 3,100 in 2017 to 1,240", as figures of one unit;
    none where either looks like a year."""
    m = _BARE_FROM_TO.search(text)
    if m is None:
        return []
    out = [q for g in ("a", "b") if (q := _bare_figure(s, m, g, "number")) is not None]
    return out if len(out) == 2 else []  # "from 2017 to 2019": years


_COMPARED_WITH = re.compile(
    r"\b(?:compared\s+(?:with|to)|against|down\s+from|up\s+from)\s+(?P<n>\d{1,3}(?:,\d{3})+|\d+)\b"
    r"(?![\d,.]|\s*(?:%|per\b|percent))",
    re.IGNORECASE,
)


def _compared_with(s: Sentence, text: str, before: list[Quantity]) -> Quantity | None:
    """ "1,200 North Korean workers as of June, compared with 2,400 a year earlier": the
    bare number compared with, in the unit of the one figure before it."""
    m = _COMPARED_WITH.search(text)
    if m is None or len(before) != 1:
        return None
    return _bare_figure(s, m, "n", before[0].unit)


def _bare_figure(s: Sentence, m: re.Match[str], group: str, unit: str) -> Quantity | None:
    """The number of ``m``'s ``group`` (matched in ``s.text``) as a figure in ``unit``;
    None where it looks like a year ("2017")."""
    raw = m.group(group)
    value = float(raw.replace(",", ""))
    if "," not in raw and 1900 <= value <= 2100:
        return None
    return Quantity(
        value, unit, text=raw, start=s.start + m.start(group), end=s.start + m.end(group)
    )


_OUT_OF = re.compile(r"^\s+(?:[\w’'-]+\s+){0,6}?out\s+of\s+$", re.IGNORECASE)
_SHARE_AFTER = re.compile(
    rf"[^.;]{{0,60}}?,?\s+(?:or|some|i\.e\.)\s+(?:(?P<approx>about|around|roughly|some|nearly"
    rf"|almost|just\s+over|just\s+under)\s+)?(?P<p>{_NUM})\s*(?:%|percent\b|per\s+cent\b)",
    re.IGNORECASE,
)


def _out_of(s: Sentence, figs: list[Quantity]) -> list[FactualIssue]:
    """ "$660 million out of $1.7 billion, or about 48 percent of the total": the share
    the two figures give."""
    out: list[FactualIssue] = []
    for part, whole in pairwise(figs):
        if part.unit != whole.unit or not whole.value:
            continue
        if not _OUT_OF.match(s.text[part.end - s.start : whole.start - s.start]):
            continue
        m = _SHARE_AFTER.match(s.text, whole.end - s.start)
        if m is None:
            continue
        issue = _stated_share(s, m, part, float(whole.value), f"{part.text} of {whole.text}")
        if issue is not None:
            out.append(issue)
    return out


def _stated_share(
    s: Sentence, m: re.Match[str], part: Quantity, whole: float, said: str, of: str = ""
) -> FactualIssue | None:
    """The issue where ``part`` is not the share of ``whole`` that ``m`` states (group
    ``p``, with ``approx`` for "about"); None where it is, within rounding."""
    share = float(part.value) / whole * 100
    p = float(m.group("p").replace(",", ""))
    # "about 15 percent" may round 14.6; "about 19 percent" does not
    slack = max(2.0, 0.1 * share) if (m.group("approx") or part.approx) else 1.5
    if abs(share - p) <= slack:
        return None
    return _percent_issue(s, m, f"{said} is {_fmt(share)} percent{of}", 0.7)


_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over)\s+)?$", re.I
)
_FRACTION = {"half": 50.0, "a third": 100 / 3, "two thirds": 200 / 3, "a quarter": 25.0,
             "three quarters": 75.0}  # fmt: skip
_BY_FRACTION = re.compile(
    r"\b(?:fell|fallen|dropped|declined|shrank|shrunk|decreased|down|cut)\s+by\s+"
    r"(?P<f>half|a\s+third|two[\s-]thirds|a\s+quarter|three[\s-]quarters)\b",
    re.IGNORECASE,
)


def _by_fraction(s: Sentence, figs: list[Quantity]) -> list[FactualIssue]:
    """ "fell by two thirds, from about 30,000 to roughly 15,000": the fall the figures
    after "from ... to" give."""
    out: list[FactualIssue] = []
    for m in _BY_FRACTION.finditer(s.text):
        after = [q for q in figs if q.start >= s.start + m.end()]
        if len(after) < 2 or after[0].unit != after[1].unit or not after[0].value:
            continue
        if not _FROM_BEFORE.search(s.text[: after[0].start - s.start][-30:]):
            continue
        a, b = float(after[0].value), float(after[1].value)
        if b >= a:
            continue
        change = (a - b) / a * 100
        said = _FRACTION[" ".join(m.group("f").lower().replace("-", " ").split())]
        if abs(change - said) <= 5.0:
            continue
        out.append(
            FactualIssue(
                "arithmetic",
                s.start + m.start("f"),
                s.start + m.end("f"),
                m.group("f"),
                f"from {after[0].text} to {after[1].text} is a fall of {_fmt(change)} percent, "
                f"not {m.group('f')}",
                0.7,
            )
        )
    return out


def check_sums(sentences: Sequence[Sentence], quantities: Sequence[Quantity]) -> list[FactualIssue]:
    """ "8,900 tonnes and 6,300 tonnes, a combined 16,200 tonnes": a total must be the sum
    of the figures of its unit before it in the sentence; "500,000 barrels, a 90 percent
    reduction from 2 million barrels": the change must be the one the figures give."""
    out: list[FactualIssue] = []
    prev: list[Quantity] = []
    for s in sentences:
        figs = [q for q in quantities if s.start <= q.start < s.end and q.unit not in _NOT_FIGURES]
        last, prev = prev, figs
        for i, total in enumerate(figs):
            before = s.text[: total.start - s.start]
            parts = [q for q in figs[:i] if q.unit == total.unit]
            if _TOTAL_SO_FAR.search(before):
                # "China's came to 67,400 barrels, bringing the total of the two to 214,000
                # barrels": the one figure before and the one of the sentence before
                earlier = [q for q in last if q.unit == total.unit]
                if len(parts) == 1 and len(earlier) == 1:
                    parts = earlier + parts
            elif not _TOTAL.search(before):
                continue
            if len(parts) < 2 or any(q.unit != total.unit for q in figs[:i] if q in parts):
                continue
            added = sum(float(q.value) for q in parts)
            slack = 0.03 if any(q.approx for q in [*parts, total]) else 0.005
            if abs(added - float(total.value)) <= slack * max(added, 1.0):
                continue
            out.append(
                FactualIssue(
                    "arithmetic",
                    total.start,
                    total.end,
                    total.text,
                    f"{' + '.join(q.text for q in parts)} is {_fmt(added)}, not {total.text}",
                    0.75,
                )
            )
        out += _change_of(s, figs)
        out += _by_fraction(s, figs)
        out += _out_of(s, figs)
        for m in _REDUCTION.finditer(s.text):
            at = s.start + m.end()
            after = [q for q in figs if q.start >= at]
            if not after:
                continue
            base = after[0]
            now = [q for q in figs if q.end <= s.start + m.start() and q.unit == base.unit]
            if not now or not base.value:
                continue
            up = m.group("what").lower() in ("increase", "rise")
            issue = _stated_change(s, m, base, now[-1], up, 1.0)
            if issue is not None:
                out.append(issue)
    return out


_SHARE = re.compile(
    rf"(?:(?P<approx>about|around|roughly|some|nearly|almost|close\s+to)\s+)?(?P<p>{_NUM})\s*"
    r"(?:%|percent\b|per\s+cent\b)\s+of\s+(?:the|its|this\s+year['’]s|a)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:cap|limit|ceiling|quota)\b",
    re.IGNORECASE,
)


def check_share_of_limit(
    sentence: Sentence, quantities: Sequence[Quantity], limits: dict[str, float]
) -> list[FactualIssue]:
    """ "397,000 barrels, or about 60 percent of the yearly cap": the share a figure is of
    the obligation's cap (``limits``, unit -> value, from the knowledge base)."""
    out: list[FactualIssue] = []
    s = sentence
    for m in _SHARE.finditer(s.text):
        at = s.start + m.start()
        before = [q for q in quantities if s.start <= q.start < at and q.unit in limits]
        if not before or not limits[before[-1].unit]:
            continue
        fig = before[-1]
        cap = limits[fig.unit]
        issue = _stated_share(s, m, fig, cap, fig.text, f" of the cap of {_fmt(cap)} {fig.unit}")
        if issue is not None:
            out.append(issue)
    return out
