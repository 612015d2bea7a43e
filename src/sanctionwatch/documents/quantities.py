"""Quantities with unit and approximation: "more than $500 million", "nearly 100,000
workers", "16,613 tourist and 10,345 student visas", "three-thousand-67", "3.7m tons".

Units come from ``data/units.yaml``. A bare number takes the unit of a quantity before
it in the same sentence ("50,000 were in China") or of "the number of <noun>"; years
and numbers without any unit are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sanctionwatch.documents.model import Quantity

__all__ = ["find_quantities", "words_to_number"]

DATA = Path(__file__).with_name("data") / "units.yaml"

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SUFFIX = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "k": 1_000}

_WORD = r"(?:" + "|".join(sorted(list(_SMALL) + list(_SCALE), key=len, reverse=True)) + r")"
_NUM_WORDS = rf"{_WORD}(?:(?:[\s-]+|\s+and\s+)(?:{_WORD}|\d+))*"
NUMBER_RE = re.compile(
    rf"""(?<![\w.,-])
    (?:(?P<cur>US\$|S\$|HK\$|\$|£|€)\s?)?
    (?:
      (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?
        |\d{{1,3}}(?:[\u00a0\u202f ]\d{{3}})+(?!\d)
        |\d+(?:\.\d+)?)
        (?:\s?(?P<suffix>m|mn|bn|b|k)\b|\s+(?P<scale>hundred|thousand|million|billion)\b)?
      | (?P<words>{_NUM_WORDS})
    )
    (?P<trail>-(?:\d+|{_WORD}))*
    (?![\w-])""",
    re.VERBOSE | re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    with DATA.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    nouns = {str(k): str(v) for k, v in data["nouns"].items()}
    noun_re = re.compile(
        # not inside a compound: "ship-to-ship transfers" are transfers
        r"(?:"
        + "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
        + r")(?![\w-])",
        re.IGNORECASE,
    )
    approx = {str(k): str(v) for k, v in data["approx"].items()}
    approx_re = re.compile(
        r"(?:^|\s)("
        + "|".join(re.escape(a) for a in sorted(approx, key=len, reverse=True))
        + r")\s*$",
        re.IGNORECASE,
    )
    return {
        "nouns": nouns,
        "noun_re": noun_re,
        "approx": approx,
        "approx_re": approx_re,
        "currency": {str(k): str(v) for k, v in data["currency"].items()},
        "work_words": set(data["work_words"]),
    }


def words_to_number(text: str) -> float | None:
    """'three-thousand-67' -> 3067, 'one hundred and five' -> 105, '2' -> 2."""
    total = 0.0
    current = 0.0
    seen = False
    for token in re.split(r"[\s-]+", text.lower().replace(",", "")):
        if not token or token == "and":
            continue
        if token.replace(".", "", 1).isdigit():
            current += float(token)
        elif token in _SMALL:
            current += _SMALL[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in _SCALE:
            total += (current or 1) * _SCALE[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


_MODIFIER_STOP = {"and", "or", "of", "in", "to", "a", "the", "from", "were", "was", "is",
                  "are", "have", "has", "had", "by", "for", "with", "that", "which",
                  "per"}  # fmt: skip
_TOKEN_RE = re.compile(r"[A-Za-z][\w’'.-]*|%|\S")
_YEARLIKE = re.compile(r"^(?:1[89]|20)\d\d$")


# a number that names a resolution, paragraph or article, not a count
_REFERENCE_BEFORE = re.compile(
    r"\b(?:resolutions?|paragraphs?|para\.|articles?|annex|regulation|E\.O\.|order)\s+"
    r"(?:No\.?\s+)?$",
    re.IGNORECASE,
)
_REFERENCE_LIST_BEFORE = re.compile(
    r"\bresolutions\s+(?:\d{3,4}(?:\s*\(\d{4}\))?\s*(?:,|and|or)\s*)+$", re.IGNORECASE
)


def _value(m: re.Match[str]) -> float | None:
    if m.group("digits"):
        value = float(re.sub(r"[,\u00a0\u202f ]", "", m.group("digits")))
        if m.group("suffix"):
            value *= _SUFFIX[m.group("suffix").lower()]
        elif m.group("scale"):
            value *= _SCALE[m.group("scale").lower()]
        if m.group("trail"):
            rest = words_to_number(m.group(0).split("-", 1)[1])
            if rest is None:
                return None
            value += rest
        return value
    return words_to_number(m.group(0))


def _unit_after(text: str, pos: int, tables: dict[str, Any]) -> tuple[str, int, str] | None:
    """Look for a unit noun after ``pos`` past up to three modifier words."""
    rest = text[pos:]
    skipped = 0
    i = 0
    while skipped <= 3:
        ws = re.match(r"\s*", rest[i:])
        i += ws.end() if ws else 0
        nm = tables["noun_re"].match(rest, i)
        if nm:
            noun = nm.group(0)
            return tables["nouns"][noun.lower()], pos + nm.end(), rest[: nm.end()].strip()
        tok = _TOKEN_RE.match(rest, i)
        if not tok or tok.group(0).lower() in _MODIFIER_STOP or not tok.group(0)[0].isalpha():
            return None
        i = tok.end()
        skipped += 1
    return None


def _number_of_unit(text: str, tables: dict[str, Any]) -> str | None:
    """The unit of "the number of North Koreans working ..." for bare numbers later on."""
    m = re.search(
        r"\bnumber\s+of\s+([\w ]{2,40}?)"
        r"(\s+(?:working|employed|in|who|has|have|had|was|were|living|issued)\b)",
        text,
        re.I,
    )
    if not m:
        return None
    nm = tables["noun_re"].search(m.group(1))
    if not nm:
        return None
    unit: str = tables["nouns"][nm.group(0).lower()]
    if unit == "persons" and m.group(2).strip().lower() in tables["work_words"] | {"employed"}:
        unit = "workers"
    return unit


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Quantities in one sentence (offsets shifted by ``offset``)."""
    tables = _tables()
    found: list[tuple[re.Match[str], float]] = []
    for m in NUMBER_RE.finditer(text):
        value = _value(m)
        if value is None:
            continue
        found.append((m, value))
    found = _shared_scale(text, found)
    out: list[Quantity] = []
    pending: list[tuple[re.Match[str], float, str | None]] = []
    number_of_unit = _number_of_unit(text, tables)
    last_unit: str | None = None
    for idx, (m, value) in enumerate(found):
        before = text[: m.start()]
        approx_m = tables["approx_re"].search(before[-20:])
        approx = tables["approx"][approx_m.group(1).lower()] if approx_m else None
        currency = m.group("cur")
        unit: str | None = None
        end = m.end()
        what = ""
        if currency:
            unit = tables["currency"][currency]
        else:
            cm = re.match(r"\s*(dollars|euros|pounds|yuan)\b", text[m.end() :], re.I)
            prev = re.search(r"(?:visas?|permits?)\s+to\s+$", before, re.I)
            if prev:
                unit = tables["nouns"][prev.group(0).split()[0].lower()]
                what = prev.group(0).split()[0]
            elif cm:
                unit = tables["currency"][cm.group(1).lower()]
                end = m.end() + cm.end()
            else:
                hit = _unit_after(text, m.end(), tables)
                if hit:
                    unit, end, what = hit
                    if unit == "persons" and re.search(
                        r"\b(?:" + "|".join(tables["work_words"]) + r")\w*\b",
                        text[end : end + 25],
                        re.I,
                    ):
                        unit = "workers"
        if _REFERENCE_BEFORE.search(before) or (
            re.fullmatch(r"\d{3,4}", m.group(0)) and _REFERENCE_LIST_BEFORE.search(before)
        ):
            continue  # "resolution 2397", "resolutions 1718 and 1874", "paragraph 8": a name
        digits = m.group("digits") or ""
        bare_year = bool(_YEARLIKE.match(digits)) and not m.group("suffix") and not m.group("scale")
        words = (m.group("words") or "").lower()
        if (
            words
            and re.split(r"[\s-]+", words)[0] in _SCALE
            and not re.search(r"\ba\s+$", before, re.I)
        ):
            continue  # "several thousand", "a few hundred": no number is stated
        if unit is None and m.group("words"):
            continue  # "one country": a number in words needs its own unit
        if (
            m.group("words")
            and unit == "countries"
            and re.search(r"\b(?:the|both|these|those)\s+$", before, re.I)
        ):
            continue  # "the two countries" refers back to states just named; it does not count
        if unit is None and _DAY_OF_MONTH.search(before[-12:] + "|" + text[m.end() : m.end() + 12]):
            continue  # "as of May 11", "on 22 December": a day of the month, not a count
        if unit is None:
            after = text[m.end() : m.end() + 12]
            between = text[m.end() : found[idx + 1][0].start()] if idx + 1 < len(found) else ""
            coordinated = len(between) < 30 and (
                re.fullmatch(r"(?:\s+[a-z]+){0,2}\s+(?:and|or)\s+", between)
                or re.fullmatch(r"\s*(?:to|-|–|—)\s*", between)  # a range: "12 to 15 thousand"
            )
            if coordinated and not bare_year:
                pending.append((m, value, approx))
                continue
            if bare_year or re.match(
                r"\s*(?:-|–)?\s*(?:year|hour|day|month|week|km|mile)", after, re.I
            ):
                continue
            if last_unit and re.match(r"\s*(?:were|was|in|from|of|had|have|,|\))", after):
                unit = last_unit
            elif number_of_unit and not bare_year:
                unit = number_of_unit
            else:
                continue
        elif bare_year and unit not in ("USD", "GBP", "EUR") and len(what.split()) > 1:
            continue
        if unit == "persons" and _POPULATION.search(before[-40:]):
            continue  # "a country of 3 million people": the place's size, not a count of a claim
        for pm, pvalue, papprox in pending:
            out.append(_make(text, pm, pvalue, unit, papprox, pm.end(), "", offset))
        pending = []
        last_unit = unit
        out.append(_make(text, m, value, unit, approx, end, what, offset))
    if any(q.unit in _MASS for q in out):
        # "2.4 kg of uranium enriched to 60 percent": the percentage names the material
        out = [q for q in out if not (q.unit == "percent" and _is_grade(text, q, offset))]
    return out


# the first number of a range that states its scale once: "12 to 15 thousand", "US $360 -
# $384 million"
_RANGE_BETWEEN = re.compile(r"\s*(?:to|-|–|—|and|or)\s*$", re.IGNORECASE)


def _shared_scale(
    text: str, found: list[tuple[re.Match[str], float]]
) -> list[tuple[re.Match[str], float]]:
    out = list(found)
    for i in range(len(out) - 1):
        (m, value), (nxt, _) = out[i], out[i + 1]
        scale = nxt.group("scale") or nxt.group("suffix")
        if (
            not m.group("digits")
            or m.group("scale")
            or m.group("suffix")
            or not nxt.group("digits")
            or not scale
            or value >= 1000
            or not _RANGE_BETWEEN.match(text[m.end() : nxt.start()])
        ):
            continue
        factor = _SCALE.get(scale.lower()) or _SUFFIX[scale.lower()]
        out[i] = (m, value * factor)
    return out


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# the number stands between a month before it and the end of ``before``, or just before one
_DAY_OF_MONTH = re.compile(rf"\b{_MONTH}\.?\s+\|(?!\d)|^\|(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b")
_POPULATION = re.compile(
    r"\b(?:(?:country|nation|state|city|town|island|region|province)\s+of|population\s+of"
    r"|populations?\s+(?:is|was|stands\s+at|reached))\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_MASS = {"kg", "tonnes", "tons"}
_GRADE_AFTER = re.compile(r"\s*(?:-\s*)?(?:purity|pure|enriched|enrichment|grade)\b", re.I)
_GRADE_BEFORE = re.compile(r"\b(?:enriched|enrichment|purity|pure)\s+(?:\w+\s+){0,2}$", re.I)


def _is_grade(text: str, q: Quantity, offset: int) -> bool:
    start, end = q.start - offset, q.end - offset
    before = text[max(0, start - 30) : start]
    return bool(_GRADE_AFTER.match(text, end) or _GRADE_BEFORE.search(before))


def _make(
    text: str,
    m: re.Match[str],
    value: float,
    unit: str,
    approx: str | None,
    end: int,
    what: str,
    offset: int,
) -> Quantity:
    tail = re.match(r"(?:(?!\b(?:and|or|of\s+which)\b)[^,.;:()“”\"\d$£€])*", text[end : end + 40])
    what_text = (what + (tail.group(0) if tail else "")).strip() or None
    return Quantity(
        value=int(value) if float(value).is_integer() else value,
        unit=unit,
        what=what_text,
        approx=approx,
        text=text[m.start() : end],
        start=offset + m.start(),
        end=offset + end,
    )
