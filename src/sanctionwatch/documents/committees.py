"""Sanctions committees named by the number of the resolution that set them up ("the 1718
Committee"): a number that belongs to another regime than the one the text is about is a
misnamed body (the 1267 Committee in a text on North Korea, the 1718 Committee said to
oversee the sanctions on Al-Shabaab)."""

from __future__ import annotations

import re
from typing import Any

from sanctionwatch.documents.model import FactualIssue

__all__ = ["check_committees"]

_COMMITTEE = re.compile(r"\b(?P<n>1[0-9]{3}|2[0-9]{3})\s+(?:[Ss]anctions\s+)?Committee\b")


def check_committees(
    text: str, kb: Any, regime: str | None, foreign: int | None = None
) -> list[FactualIssue]:
    """``regime``: the knowledge base's regime the text is about, or None where it names
    none of them; ``foreign``: the resolution of another regime the text is about, where
    it names one. A text that names neither is not judged."""
    if kb is None or "Committee" not in text:
        return []
    out: list[FactualIssue] = []
    for m in _COMMITTEE.finditer(text):
        number = int(m.group("n"))
        res = kb.resolution(number)
        if res is None:
            continue
        own = kb.regime_of(number)
        founder = _founder(kb, own)
        if own is not None and own == regime and founder not in (None, number):
            # "the 1874 Committee" in a text on North Korea: the regime's committee is
            # named after the resolution that set it up (1718), not a later one
            why = (
                f"the committee of this regime is the {founder} Committee (set up by "
                f"resolution {founder}), not the {number} Committee"
            )
        elif own == regime or (regime is None and (own is None or foreign is None)):
            continue
        else:
            about = f"the {regime.upper()} regime" if regime else f"resolution {foreign}"
            why = (
                f"the {number} Committee oversees the sanctions of resolution {number} "
                f"({res.topic}), but the text is about {about}"
            )
        out.append(FactualIssue("institution_name", m.start(), m.end(), m.group(0), why, 0.6))
    return out


def _founder(kb: Any, regime: str | None) -> int | None:
    """The resolution that set up the regime's committee, as its description says ("...
    Committee established pursuant to resolution 1718 (2006)"); None where the regime
    has no such committee now (Iran's 1737 Committee was dissolved)."""
    if regime is None:
        return None
    found = (getattr(kb, "regimes", None) or {}).get(regime)
    m = _PURSUANT.search(str(getattr(found, "committee", "") or ""))
    return int(m.group(1)) if m else None


_PURSUANT = re.compile(r"Committee\s+established\s+pursuant\s+to\s+resolution\s+(\d{4})")
