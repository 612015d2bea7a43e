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


_RUN = re.compile(r"[A-Z][\w-]*(?:\s+(?:(?:of|the|for|on)\s+)*[A-Z][\w-]*)*")
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=1)
def _name_tables() -> tuple[
    list[tuple[str, list[str]]], dict[str, str], re.Pattern[str] | None, list[Any]
]:
    with DATA.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    bodies = [(str(b["name"]), str(b["name"]).lower().split()) for b in data["bodies"]]
    # listed wrong variants, lower-cased, with the canonical name each stands for
    wrong = {str(w).lower(): str(b["name"]) for b in data["bodies"] for w in b.get("wrong") or []}
    wrong_re = (
        re.compile(r"\b(?:" + "|".join(re.escape(w) for w in wrong) + r")\b", re.I)
        if wrong
        else None
    )
    agreements = []
    for a in data["agreements"]:
        names = "|".join(re.escape(x) for x in [a["name"], *(a.get("aliases") or [])])
        pattern = re.compile(
            rf"\bthe\s+(?P<y1>(?:19|20)\d\d)\s+(?:{names})\b"
            rf"|\b(?:{names})\s*,?\s*(?:\(\s*(?P<y2>(?:19|20)\d\d)\s*\)|(?:of|signed\s+in|agreed"
            rf"\s+in|concluded\s+in|reached\s+in|struck\s+in|sealed\s+in)\s+(?P<y3>(?:19|20)\d\d))"
        )
        names_list = [str(a["name"]), *(str(x) for x in a.get("aliases") or [])]
        agreements.append((str(a["name"]), int(a["year"]), pattern, names_list))
    return bodies, wrong, wrong_re, agreements


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Words of the canonical names that a near miss must keep (all but one of them)."""
    return frozenset(w for _, words in _name_tables()[0] for w in words) - {"of", "the"}


def _near_miss(written: str, canonical: str) -> bool:
    w, c = written.lower(), canonical.lower()
    plural = {c + "s", c + "'s", c[:-1] + "ies", c + "es"}
    if w == c or w in plural or c in {w + "s", w[:-1] + "ies"}:
        return False
    return w[:4] == c[:4] or ratio(w, c) >= 80


# the nouns that say what kind of body a name is; one swapped for another in a long
# canonical name misnames it ("International Atomic Energy Commission")
_BODY_NOUNS = frozenset(
    [
        "agency",
        "authority",
        "commission",
        "committee",
        "council",
        "organisation",
        "organization",
        "office",
        "board",
        "bureau",
        "administration",
    ]
)
_UN_PREFIX = frozenset({"un", "u.n.", "nations", "the"})


def _other_body_noun(
    window: list[str], words: list[str], k: int, spans: list[tuple[int, int, str]], i: int,
    run: str,
) -> bool:  # fmt: skip
    """Is the one differing word the last of a name of three words or more, a body noun
    put for another, with the name not part of a longer one ("National Human Rights
    Commission" is another body)?"""
    n = len(words)
    if n < 3 or k != n - 1 or window[k] not in _BODY_NOUNS or words[k] not in _BODY_NOUNS:
        return False
    if i + n < len(spans):
        return False  # "Human Rights Commission of Malaysia": a longer name, another body
    return i == 0 or spans[i - 1][2] in _UN_PREFIX


# a Security Council resolution (a plain number) said to be the General Assembly's
_ADOPTED_BY_GA = re.compile(
    r"\b[Rr]esolution\s+(?P<n>[12]\d{3})\b[^.;]{0,60}?\badopted\s+(?:\w+\s+)?by\s+the\s+"
    r"(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)?General\s+Assembly\b"
)


def _assembly_resolutions(text: str) -> list[FactualIssue]:
    out = []
    for m in _ADOPTED_BY_GA.finditer(text):
        at = m.group(0).rfind("General")
        start = m.start() + at
        out.append(
            FactualIssue(
                "institution_name",
                start,
                m.end(),
                m.group(0)[at:],
                f"resolution {m.group('n')} is a Security Council resolution, not one of the "
                "General Assembly",
                0.7,
            )
        )
    return out


def check_names(text: str) -> list[FactualIssue]:
    """Bodies named with a wrong word and agreements given a wrong year."""
    bodies, wrong, wrong_re, agreements = _name_tables()
    hits: list[tuple[int, int, str]] = []  # start, end, canonical name
    lowered_text = text.lower()
    if wrong_re is not None and any(w in lowered_text for w in wrong):
        for m in wrong_re.finditer(text):
            hits.append((m.start(), m.end(), wrong[m.group(0).lower()]))
    # runs of capitalised words ("UN Securities Council"): each window as long as a
    # canonical name that differs from it in one word, spelt near the canonical word
    vocabulary = _vocabulary()
    for run in _RUN.finditer(text):
        lowered = run.group(0).lower()
        if " " not in lowered or vocabulary.isdisjoint(lowered.split()):
            continue  # a one-word run, or one sharing no word with any canonical name
        spans = [(w.start(), w.end(), w.group(0).lower()) for w in _WORD.finditer(run.group(0))]
        for name, words in bodies:
            n = len(words)
            for i in range(len(spans) - n + 1):
                window = [w for _, _, w in spans[i : i + n]]
                diff = [k for k in range(n) if window[k] != words[k]]
                if len(diff) == 1 and (
                    _near_miss(window[diff[0]], words[diff[0]])
                    or _other_body_noun(window, words, diff[0], spans, i, run.group(0))
                ):
                    start, end = run.start() + spans[i][0], run.start() + spans[i + n - 1][1]
                    hits.append((start, end, name))
    out: list[FactualIssue] = _assembly_resolutions(text) if "Assembly" in text else []
    seen: set[int] = set()
    for start, end, name in sorted(hits):
        if start in seen:
            continue
        seen.add(start)
        written = text[start:end]
        out.append(
            FactualIssue(
                "institution_name", start, end, written, f"'{written}': the body is the {name}", 0.7
            )
        )
    for name, year, pattern, names in agreements:
        if not any(n in text for n in names):
            continue  # a plain substring test first: most texts name none of them
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
