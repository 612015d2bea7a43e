"""Factual checks a text can fail on its own terms or against the knowledge base.

Pure functions over a document's sentences and the quantities and dates found in them:

- ``arithmetic``: "N times" / "N-fold" / "rose N percent" beside figures that say
  otherwise ("more than 16 times" for 3,241 kg against 202.8 kg, a ratio of 15.98)
  (:mod:`.arithmetic`);
- ``unit_conversion``: a figure and its conversion that disagree ("110 metres (328 feet)")
  (:mod:`.arithmetic`);
- ``list_count``: "N countries: A, B, C" where the list does not have N items;
- ``deadline``: a date given for an obligation's deadline that is not the knowledge
  base's (the caller says which obligation and deadline a sentence is about);
- ``institution_name`` and ``agreement_year``: bodies and agreements misnamed or misdated,
  from the table ``data/names.yaml`` (:mod:`.naming`).

Each check reports :class:`FactualIssue` objects; ``to_dict()`` gives the form stored in
``Analysis.factual_errors`` (with ``message`` and ``number`` as for resolution numbers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from sanctionwatch.documents.arithmetic import (
    SMALL_WORDS,
    check_changes,
    check_conversions,
    check_ratios,
    check_sums,
    parse_number,
)
from sanctionwatch.documents.model import DateMention, FactualIssue, Quantity, Sentence
from sanctionwatch.documents.naming import check_names

__all__ = [
    "FactualIssue",
    "check_changes",
    "check_conversions",
    "check_deadline",
    "check_lists",
    "check_names",
    "check_ratios",
    "find_issues",
]

# ---- counted lists -------------------------------------------------------------------

_COUNTED = re.compile(
    rf"\b(?P<n>\d{{1,2}}|{SMALL_WORDS}|eleven|twelve)\s+(?P<noun>countries|nations|states"
    r"|companies|firms|entities|individuals|people|persons|vessels|ships|banks|members)"
    r"(?P<intro>(?:\s+[a-z]+){0,3}?\s*:\s*|\s*[—–]\s*|\s*\(\s*|,?\s+namely\s+|\s+(?:are|were)\s*:?\s+)",
    re.IGNORECASE,
)
_LIST_HINT = re.compile(r"[:(—–]|\bnamely\b|\b(?:are|were)\b|\bfrom\b")
# "four national implementation reports during the period, from Viet Nam, Oman and
# Nigeria": reports counted, then the states they came from, one report each
_REPORTS_FROM = re.compile(
    rf"\b(?P<n>\d{{1,2}}|{SMALL_WORDS}|eleven|twelve)\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?P<noun>reports|submissions|replies)\b[^.;:]{0,60}?,?\s+from\s+",
    re.IGNORECASE,
)
_LIST_END = re.compile(
    r"\)|[.;](?=\s+[A-Z]|\s*$)|[.;]\s*$|[—–\n]|\s+(?:is|are|were|was|have|has)\b"
)
_ITEM = re.compile(r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of|and|the|de|du|al|el|[A-Z][\w.'’-]*))*$")


def _items(chunk: str, is_name: Callable[[str], bool]) -> list[str] | None:
    parts = [p.strip() for p in re.split(r",|;", chunk) if p.strip()]
    items: list[str] = []
    for k, p in enumerate(parts):
        oxford = re.match(r"(?:and|&)\s+", p)
        p = p[oxford.end() :] if oxford else p
        # a middle item with "and" in it, or one after an Oxford comma, is one name
        if k == len(parts) - 1 and not oxford and not is_name(p):
            items.extend(x for x in re.split(r"\s+(?:and|&)\s+", p) if x)
            continue
        items.append(p)
    if len(items) < 2 or not all(_ITEM.match(x) and len(x.split()) <= 6 for x in items):
        return None
    return items


def check_lists(
    sentences: Sequence[Sentence], is_name: Callable[[str], bool] = lambda _: False
) -> list[FactualIssue]:
    """ "N countries: A, B and C" with a list of other than N names. ``is_name`` says
    whether a phrase with "and" in it is one name ("Trinidad and Tobago")."""
    out: list[FactualIssue] = []
    for s in sentences:
        if not _LIST_HINT.search(s.text):
            continue  # no colon, dash, bracket or "namely/are/were": no list follows a count
        counts = [(m, False) for m in _COUNTED.finditer(s.text)]
        counts += [(m, True) for m in _REPORTS_FROM.finditer(s.text)]
        for m, by_state in counts:
            n = parse_number(m.group("n"))
            if n is None or n < 2:
                continue
            end = _LIST_END.search(s.text, m.end())
            items = _items(s.text[m.end() : end.start() if end else len(s.text)], is_name)
            if items is None or len(items) == n:
                continue
            if by_state and not all(is_name(x) for x in items):
                continue  # reports from bodies or people: not one per name
            out.append(
                FactualIssue(
                    "list_count",
                    s.start + m.start(),
                    s.start + m.end() + sum(len(x) for x in items),
                    m.group(0).strip(),
                    f"says {int(n)} {m.group('noun')} but lists {len(items)}: {', '.join(items)}",
                    0.75,
                )
            )
    return out


# ---- deadlines -----------------------------------------------------------------------

_DEADLINE_CUE = re.compile(
    r"\b(?:deadline|due|by|until|before|no\s+later\s+than|expires?|expired)\b", re.IGNORECASE
)


_DEADLINE_WORD = re.compile(r"\b(?:deadline|due\s+date|no\s+later\s+than|expir\w*)\b", re.I)
_OBLIGED = re.compile(
    r"\b(?:must|had\s+to|have\s+to|has\s+to|required|requires?|obliged|obligated|should"
    r"|(?:are|were|is|was)\s+to|ordered|orders?|calls?\s+(?:on|for)|called\s+(?:on|for)"
    r"|demands?|demanded|decided|gave|given|(?:had|have|has)\s+until|ruled|mandated"
    r"|stipulat\w+|recommend\w*)\b",
    re.I,
)


# the date a measure was adopted, not its deadline: "adopted by the Council on Dec. 22"
_ADOPTED_ON = re.compile(
    r"\b(?:adopted|passed|approved|imposed|introduced|voted)\b(?:[^.;]|(?<=\b[A-Z])\.){0,40}"
    r"\bon\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# a date told against the deadline: "9 January, more than two weeks after the deadline"
_RELATIVE_TO_DEADLINE = re.compile(
    r",?\s+(?:(?:more|less)\s+than\s+|about\s+|some\s+|nearly\s+|almost\s+|just\s+)?"
    r"(?:\w+|\d+)\s+(?:days?|weeks?|months?)\s+(?:after|before|past)\s+(?:the|a|its)\s+"
    r"(?:[\w-]+\s+){0,3}deadline\b",
    re.IGNORECASE,
)


def check_deadline(
    sentence: Sentence,
    dates: Sequence[DateMention],
    obligation: str,
    deadline: date,
    other_dates: Sequence[date] = (),
) -> list[FactualIssue]:
    """Dates the sentence gives as ``obligation``'s deadline that are not ``deadline``
    (``other_dates``, such as reporting dates, are accepted too). Dates more than 45 days
    away are taken to be other events; "the end of <year>" is imprecise, not wrong."""
    out: list[FactualIssue] = []
    if not _DEADLINE_WORD.search(sentence.text) and not (
        _OBLIGED.search(sentence.text) and _DEADLINE_CUE.search(sentence.text)
    ):
        return out  # "by May, it had sent 500 home" reports progress, not a deadline
    here = [d for d in dates if sentence.start <= d.start < sentence.end and len(d.value) == 10]
    if any(date.fromisoformat(d.value) == deadline for d in here):
        return out  # "left before the end of 2018, well ahead of the deadline of 22 December
        # 2019": the deadline is stated right, the other dates are events
    for d in dates:
        if not sentence.start <= d.start < sentence.end or len(d.value) != 10:
            continue
        if not re.search(r"[A-Za-z]{3}.*\d|\d.*[A-Za-z]{3}|\bend\s+of\b", d.text):
            continue  # "on Wednesday", "yesterday": an event of the news, not a deadline
        before = sentence.text[: d.start - sentence.start][-40:]
        if not (_DEADLINE_CUE.search(before) or re.search(r"deadline", sentence.text, re.I)):
            continue
        if _RELATIVE_TO_DEADLINE.match(sentence.text, d.end - sentence.start):
            continue  # "did not leave until 9 January, two weeks after the deadline": an event
        if _ADOPTED_ON.search(sentence.text[: d.start - sentence.start][-80:]):
            continue  # "the sanction adopted by the Council on Dec. 22, 2017": its adoption
        stated = date.fromisoformat(d.value)
        if (stated.month, stated.day) == (deadline.month, deadline.day) and not re.search(
            r"\b(?:19|20)\d\d\b", d.text
        ):
            continue  # "ahead of the Dec. 22 deadline": the deadline's day, its year not given
        loose = bool(re.match(r"(?:the\s+)?end\s+of", d.text, re.I))
        loose = loose and stated.year == deadline.year
        # a date far from the deadline is another event, unless it is the deadline's own
        # day and month in another year ("until December 22, 2018" for 22 Dec 2019)
        same_day = (stated.month, stated.day) == (deadline.month, deadline.day)
        # "by the end of 2020" for a deadline in 2019: a deadline stated a year off
        end_of = bool(re.match(r"(?:the\s+)?end\s+of", d.text, re.I))
        # only where the date is given as the deadline ("by the end of 2020"), not as the
        # time of a figure ("from 30,000 at the end of 2017 to a few hundred")
        near_year = (
            end_of and abs(stated.year - deadline.year) <= 2 and bool(_DEADLINE_CUE.search(before))
        )
        far = abs((stated - deadline).days) > 45 and not loose and not same_day and not near_year
        if stated == deadline or stated in other_dates or far:
            continue
        if loose:
            why, conf = "imprecise", 0.3
        else:
            why, conf = "wrong", 0.8
        out.append(
            FactualIssue(
                "deadline",
                d.start,
                d.end,
                d.text,
                f"deadline {why}: {obligation} sets {deadline.isoformat()}, the text says "
                f"'{d.text}'",
                conf,
            )
        )
    return out


Deadline = tuple[str, date, list[date]]  # obligation id, its deadline, other dates it sets


def find_issues(
    text: str,
    sentences: Sequence[Sentence],
    quantities: Sequence[Quantity],
    dates: Sequence[DateMention],
    deadline_of: Callable[[Sentence], Deadline | None] = lambda _: None,
    is_name: Callable[[str], bool] = lambda _: False,
) -> list[FactualIssue]:
    """Every check above over one document. ``deadline_of`` says which obligation a
    sentence is about and its deadline (None: none, or the knowledge base has none)."""
    out = check_ratios(sentences, quantities)
    out += check_changes(sentences, quantities)
    out += check_conversions(sentences)
    out += check_sums(sentences, quantities)
    out += check_lists(sentences, is_name)
    out += check_names(text)
    for s in sentences:
        ds = [d for d in dates if s.start <= d.start < s.end and len(d.value) == 10]
        if not ds:
            continue
        found = deadline_of(s)
        if found is not None:
            out += check_deadline(s, ds, found[0], found[1], found[2])
    # one issue per kind and wording: a repeated error is reported where it first occurs
    first: dict[tuple[str, str], FactualIssue] = {}
    for issue in sorted(out, key=lambda x: x.start):
        first.setdefault((issue.kind, issue.text.lower()), issue)
    return list(first.values())
