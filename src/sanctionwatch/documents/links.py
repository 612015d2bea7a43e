"""Links to the regimes knowledge base: resolution references and obligations.

Resolution numbers are read and checked by :func:`sanctionwatch.regimes.find_references`
(which flags numbers such as 2379 used for the December 2017 DPRK resolution); this
module only turns its answers into :class:`ReferenceInfo` and matches the obligations'
``keywords`` against sentences. When the knowledge base is not available the
document analysis still runs, without references or obligation links.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sanctionwatch.documents.model import ReferenceInfo

__all__ = ["ObligationIndex", "ObligationLink", "default_kb", "find_refs"]


def default_kb() -> Any | None:
    """The regimes knowledge base, or None where that package is not installed."""
    regimes = importlib.import_module("sanctionwatch.regimes")
    load_kb = getattr(regimes, "load_kb", None)
    return load_kb() if load_kb is not None else None


def find_refs(text: str, published: date | None, kb: Any | None) -> list[ReferenceInfo]:
    if kb is None:
        return []
    find_references = importlib.import_module("sanctionwatch.regimes").find_references
    out = []
    for ref in find_references(text, published=published, kb=kb):
        out.append(
            ReferenceInfo(
                start=ref.start,
                end=ref.end,
                text=ref.text,
                number=ref.number,
                resolved=ref.resolved,
                obligation_id=ref.obligation_id,
                problem=ref.problem,
                confidence=float(ref.confidence),
            )
        )
    return out


@dataclass(slots=True, frozen=True)
class ObligationLink:
    obligation_id: str | None  # "2397-OP8", or None for a resolution-level link
    resolution: int | None
    label: str
    score: float
    how: str  # "reference", "keywords", "document"


class ObligationIndex:
    """Obligations of the knowledge base with their keyword patterns."""

    def __init__(self, kb: Any | None) -> None:
        self.kb = kb
        self.entries: list[tuple[Any, int, date | None, list[tuple[str, re.Pattern[str]]]]] = []
        if kb is None:
            return
        for ob in kb.obligations():
            res = kb.resolution(int(ob.resolution))
            adopted = getattr(res, "adopted", None) if res is not None else None
            pats = [
                (
                    k,
                    re.compile(
                        r"(?<!\w)" + re.escape(k).replace(r"\ ", r"\s+") + r"(?!\w)", re.IGNORECASE
                    ),
                )
                for k in (ob.keywords or [])
                if k and len(k) > 2
            ]
            self.entries.append((ob, int(ob.resolution), adopted, pats))

    def label(self, obligation_id: str | None, resolution: int | None) -> str:
        if obligation_id and self.kb is not None:
            for ob, _, _, _ in self.entries:
                if ob.id == obligation_id:
                    return f"UNSCR {ob.resolution} {ob.paragraph} {ob.title}".strip()
        if resolution is not None:
            return f"UNSCR {resolution}"
        return ""

    def score(self, text: str, published: date | None) -> list[tuple[float, Any, int]]:
        scored = []
        for ob, number, adopted, pats in self.entries:
            if published is not None and adopted is not None and adopted > published:
                continue
            s = 0.0
            for keyword, pat in pats:
                if pat.search(text):
                    s += 1.0 + 0.02 * len(keyword)  # longer phrases are more specific
            if s:
                scored.append((s, ob, number))
        scored.sort(key=lambda item: (-item[0], -item[2]))
        return scored

    def link(
        self, text: str, refs: list[ReferenceInfo], published: date | None
    ) -> ObligationLink | None:
        scored = self.score(text, published)
        for ref in refs:
            if ref.obligation_id:
                res = ref.resolved or ref.number
                strength = 1.0 + 2.0 * ref.confidence
                if scored and scored[0][1].id != ref.obligation_id and scored[0][0] > strength:
                    break  # an unnumbered, uncertain reference: the sentence's own words win
                return ObligationLink(
                    ref.obligation_id,
                    res,
                    self.label(ref.obligation_id, res),
                    strength,
                    "reference",
                )
        resolved = [r.resolved for r in refs if r.resolved]
        if resolved:
            for s, ob, number in scored:
                if number in resolved:
                    return ObligationLink(
                        ob.id, number, self.label(ob.id, number), s + 1.0, "reference"
                    )
            return ObligationLink(
                None, resolved[0], self.label(None, resolved[0]), 1.0, "reference"
            )
        if scored:
            s, ob, number = scored[0]
            return ObligationLink(ob.id, number, self.label(ob.id, number), s, "keywords")
        return None
