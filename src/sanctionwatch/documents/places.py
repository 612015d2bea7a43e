"""Place names one letter away from a well-known place ("Jilian" for Jilin, "Gdnyia" for
Gdynia), read only where the word stands as a place ("in Jilian", "the port of Gdnyia",
"Jilian province"). The places are listed in ``data/places.yaml``."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz.distance import OSA

from sanctionwatch.documents.model import FactualIssue

__all__ = ["check_places"]

DATA = Path(__file__).with_name("data") / "places.yaml"
_WORD = re.compile(r"\b[A-Z][a-z]{3,14}\b")
_BEFORE = re.compile(
    r"\b(?:in|at|from|to|near|via|outside|port\s+of|city\s+of|province\s+of|region\s+of"
    r"|ports?\s+(?:in|at))\s+(?:the\s+)?$"
)
_AFTER = re.compile(r"^\s+(?:province|port|city|region|county|harbou?r|oblast|krai)\b", re.I)


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], dict[str, list[str]]]:
    """Every accepted spelling (lower-cased), and the main names by first letter."""
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    known: set[str] = set()
    by_letter: dict[str, list[str]] = {}
    for names in (n for group in raw["places"].values() for n in group):
        for n in names:
            known.add(str(n).lower())
        for n in names:
            if " " not in n and len(n) >= 5:
                by_letter.setdefault(n[0].lower(), []).append(str(n))
    return frozenset(known), by_letter


def check_places(text: str) -> list[FactualIssue]:
    """Words in a place position spelt one edit away from a listed place."""
    known, by_letter = _places()
    out: list[FactualIssue] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        low = word.lower()
        if low in known:
            continue
        candidates = by_letter.get(low[0])
        if not candidates:
            continue
        near = [
            p
            for p in candidates
            if abs(len(p) - len(word)) <= 1 and OSA.distance(low, p.lower()) == 1
        ]
        if len(near) != 1:
            continue  # none, or too close to two places to say which
        if not (
            _BEFORE.search(text[max(0, m.start() - 25) : m.start()])
            or _AFTER.match(text[m.end() : m.end() + 20])
        ):
            continue  # not standing as a place: a person's name, a word
        out.append(
            FactualIssue(
                "place_name",
                m.start(),
                m.end(),
                word,
                f"'{word}' is likely a misspelling of {near[0]}",
                0.5,
            )
        )
    return out
