"""Bodies and agreements named wrongly: a word of a canonical name replaced by a near
spelling ("Securities Council"), a listed wrong variant, an agreement given another
year than its own. The names come from ``data/names.yaml``."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz.fuzz import ratio

from sanctionwatch.documents.model import FactualIssue

__all__ = ["check_names"]

DATA = Path(__file__).with_name("data") / "names.yaml"


@lru_cache(maxsize=1)
def _name_tables() -> tuple[list[tuple[str, re.Pattern[str], re.Pattern[str] | None]], list[Any]]:
    with DATA.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    bodies = []
    for b in data["bodies"]:
        words = str(b["name"]).split()
        options = []
        for k in range(len(words)):
            parts = [re.escape(w) for w in words]
            parts[k] = r"([A-Z][\w-]+)"
            options.append(r"\s+".join(parts))
        near = re.compile(r"\b(?:" + "|".join(options) + r")\b")
        wrong = [str(w) for w in b.get("wrong") or []]
        wrong_re = (
            re.compile(r"\b(?:" + "|".join(re.escape(w) for w in wrong) + r")\b", re.I)
            if wrong
            else None
        )
        bodies.append((str(b["name"]), near, wrong_re))
    agreements = []
    for a in data["agreements"]:
        names = "|".join(re.escape(x) for x in [a["name"], *(a.get("aliases") or [])])
        pattern = re.compile(
            rf"\bthe\s+(?P<y1>(?:19|20)\d\d)\s+(?:{names})\b"
            rf"|\b(?:{names})\s*,?\s*(?:\(\s*(?P<y2>(?:19|20)\d\d)\s*\)|(?:of|signed\s+in|agreed"
            rf"\s+in|concluded\s+in|reached\s+in|struck\s+in|sealed\s+in)\s+(?P<y3>(?:19|20)\d\d))"
        )
        agreements.append((str(a["name"]), int(a["year"]), pattern))
    return bodies, agreements


def _near_miss(written: str, canonical: str) -> bool:
    w, c = written.lower(), canonical.lower()
    plural = {c + "s", c + "'s", c[:-1] + "ies", c + "es"}
    if w == c or w in plural or c in {w + "s", w[:-1] + "ies"}:
        return False
    return w[:4] == c[:4] or ratio(w, c) >= 80


def check_names(text: str) -> list[FactualIssue]:
    """Bodies named with a wrong word and agreements given a wrong year."""
    bodies, agreements = _name_tables()
    out: list[FactualIssue] = []
    seen: set[int] = set()
    for name, near, wrong_re in bodies:
        hits = list(wrong_re.finditer(text)) if wrong_re else []
        for m in near.finditer(text):
            k = next(i for i, g in enumerate(m.groups()) if g is not None)
            if _near_miss(m.group(k + 1), name.split()[k]):
                hits.append(m)
        for m in hits:
            if m.start() in seen:
                continue
            seen.add(m.start())
            out.append(
                FactualIssue(
                    "institution_name",
                    m.start(),
                    m.end(),
                    m.group(0),
                    f"'{m.group(0)}': the body is the {name}",
                    0.7,
                )
            )
    for name, year, pattern in agreements:
        for m in pattern.finditer(text):
            stated = int(m.group("y1") or m.group("y2") or m.group("y3"))
            if stated != year:
                out.append(
                    FactualIssue(
                        "agreement_year",
                        m.start(),
                        m.end(),
                        m.group(0),
                        f"the {name} dates from {year}, not {stated}",
                        0.7,
                    )
                )
    return sorted(out, key=lambda x: x.start)
