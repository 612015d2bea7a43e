"""Rounds of UN sanctions given a year in which the Council adopted none for the regime.

"Qatar stopped issuing visas following the previous round of UN sanctions in 2015" is
checkable: the knowledge base lists every resolution of the DPRK regime that lays down
obligations (2006, 2009, 2013, 2016, 2017), and none of them is from 2015. Only the
regime the document is about is checked, only where the sentence speaks of UN sanctions
(not a state's own), and only for years up to the document's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from sanctionwatch.documents.model import FactualIssue, Sentence

__all__ = ["check_sanction_years", "measure_years"]

_UN = r"(?:UN|U\.N\.|United\s+Nations|(?:UN\s+|U\.N\.\s+)?Security\s+Council|UNSC|international)"
_ADOPT = r"(?:imposed|adopted|introduced|approved|passed|agreed)"


def _year(n: int) -> str:
    return rf"(?P<y{n}>(?:19|20)\d\d)"


_ROUND = re.compile(
    # "the previous round of sanctions in 2015", "a new round of UN sanctions adopted in 2015"
    rf"\b(?:round|package|set|wave|tranche)\s+of\s+(?:new\s+|fresh\s+|tougher\s+)?(?:{_UN}\s+)?"
    rf"sanctions\s+(?:(?:was\s+|were\s+)?{_ADOPT}\s+)?(?:by\s+the\s+{_UN}\s+)?in\s+{_year(1)}\b"
    # "UN sanctions imposed in 2015"
    rf"|\b{_UN}\s+sanctions\s+(?:were\s+|was\s+)?{_ADOPT}\s+in\s+{_year(2)}\b"
    # "in 2015, the Security Council imposed new sanctions"
    rf"|\bin\s+{_year(3)},?\s+the\s+(?:UN\s+|U\.N\.\s+)?Security\s+Council\s+{_ADOPT}\s+"
    r"(?:new\s+|fresh\s+|tougher\s+|further\s+)?sanctions\b"
    # "the 2015 UN sanctions"
    rf"|\bthe\s+{_year(4)}\s+(?:UN|U\.N\.|Security\s+Council)\s+sanctions\b",
    re.IGNORECASE,
)
_UN_WORDS = re.compile(r"\bUN\b|\bU\.N\.|\bUnited\s+Nations\b|\bSecurity\s+Council\b|\bUNSC\b")
# a state's own sanctions: not the Council's rounds
_NATIONAL = re.compile(
    r"\b(?:unilateral|autonomous|Treasury|OFAC|European\s+Union|EU|U\.S\.\s+sanctions"
    r"|American\s+sanctions|national\s+sanctions|own\s+sanctions)\b"
)


def measure_years(kb: Any, regime: str) -> dict[int, list[int]]:
    """Years in which the Council adopted resolutions laying down obligations for
    ``regime``, with their numbers."""
    out: dict[int, list[int]] = {}
    for number in kb.measure_resolutions():
        res = kb.resolution(number)
        if res is None or getattr(res, "regime", None) != regime or res.adopted is None:
            continue
        out.setdefault(res.adopted.year, []).append(number)
    return out


def check_sanction_years(
    sentences: Sequence[Sentence],
    kb: Any,
    regime: str | None,
    published: date | None = None,
) -> list[FactualIssue]:
    """Sentences that date a round of UN sanctions on ``regime`` to a year without one."""
    if kb is None or regime is None:
        return []
    years: dict[int, list[int]] | None = None
    out: list[FactualIssue] = []
    for s in sentences:
        if "sanction" not in s.text.lower():
            continue
        for m in _ROUND.finditer(s.text):
            if not _UN_WORDS.search(s.text) or _NATIONAL.search(s.text):
                continue
            year = int(next(g for g in m.groups() if g))
            if published is not None and year > published.year:
                continue
            if years is None:
                years = measure_years(kb, regime)
            if not years or year in years or year < min(years):
                continue
            before = max((y for y in years if y < year), default=None)
            after = min((y for y in years if y > year), default=None)
            near = "; ".join(
                f"{', '.join(map(str, years[y]))} in {y}" for y in (before, after) if y
            )
            out.append(
                FactualIssue(
                    "sanctions_year",
                    s.start + m.start(),
                    s.start + m.end(),
                    m.group(0),
                    f"no Security Council resolution adopting {regime.upper()} sanctions "
                    f"measures is dated {year} (nearest: {near})",
                    0.5,
                )
            )
    return out
