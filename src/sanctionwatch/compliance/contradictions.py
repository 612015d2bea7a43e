"""Contradictions: statements, numbers and facts that disagree.

Four kinds, each with a plain summary of what disagrees and, for numbers, whether the
as-of dates explain the gap:

- ``own-over-time``: the same state's own statements point opposite ways;
- ``claim-vs-third-party``: the state's claim of compliance against third-party reports;
- ``numbers``: different figures for the same quantity about the same state;
- ``document-vs-kb``: a fact in a document contradicts the knowledge base.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import combinations

from sanctionwatch.compliance.model import Evidence, Observation, Polarity, SourceKind

__all__ = [
    "Contradiction",
    "Kind",
    "ReferenceIssue",
    "find_contradictions",
    "number_contradictions",
    "quantity_key",
]

SIMILAR_DATES_DAYS = 180  # as-of dates closer than this count as "similar"
NUMBER_RATIO = 1.5  # figures this far apart disagree
# Stocks (how many are there) can be compared across statements; flows (visas issued,
# tonnes shipped) need their periods, so they are compared as indicator series instead.
STOCK_UNITS = frozenset({"workers", "work permits"})


class Kind(StrEnum):
    OWN_OVER_TIME = "own-over-time"
    CLAIM_VS_THIRD_PARTY = "claim-vs-third-party"
    NUMBERS = "numbers"
    DOCUMENT_VS_KB = "document-vs-kb"


@dataclass(frozen=True, slots=True)
class ReferenceIssue:
    """A resolution reference in a document that the knowledge base contradicts."""

    document_id: str | None
    document_title: str | None
    published: date | None
    text: str  # the reference as written, e.g. "2379"
    problem: str  # the knowledge base's explanation
    sentence: str = ""
    resolved: int | None = None


@dataclass(frozen=True, slots=True)
class Contradiction:
    kind: Kind
    state: str | None
    obligation_id: str | None
    summary: str
    evidence: tuple[Evidence, ...] = ()
    observations: tuple[Observation, ...] = ()
    issue: ReferenceIssue | None = None
    explained: bool | None = None  # numbers: do the as-of dates explain the gap?
    explanation: str = ""

    @property
    def key(self) -> str:
        parts = [self.kind.value, self.state or "", self.obligation_id or ""]
        parts += [e.key for e in self.evidence]
        parts += [f"{o.value:g}@{o.document_id}" for o in self.observations]
        if self.issue is not None:
            parts.append(f"{self.issue.document_id}:{self.issue.text}")
        return "|".join(parts)


def _when(ev: Evidence) -> str:
    return ev.published.isoformat() if ev.published else "undated"


def _q(ev: Evidence) -> str:
    text = " ".join(ev.sentence.split())
    return text if len(text) <= 140 else text[:139] + "\u2026"


def _first_per_day(items: Sequence[Evidence]) -> list[Evidence]:
    """The first statement of each (obligation, date), in the order given."""
    seen: set[tuple[str | None, date | None]] = set()
    out = []
    for e in items:
        if (e.obligation_id, e.published) not in seen:
            seen.add((e.obligation_id, e.published))
            out.append(e)
    return out


def _statement_contradictions(evidence: Sequence[Evidence]) -> list[Contradiction]:
    out: list[Contradiction] = []
    by_state: dict[str, list[Evidence]] = defaultdict(list)
    for ev in evidence:
        if ev.polarity is not Polarity.NEUTRAL:
            by_state[ev.state.upper()].append(ev)
    for state, items in sorted(by_state.items()):
        own = [e for e in items if e.source_kind is SourceKind.OWN]
        third = [e for e in items if e.source_kind is not SourceKind.OWN]
        admissions = [e for e in own if e.polarity is Polarity.NONCOMPLIANT]
        claims = [e for e in own if e.polarity is Polarity.COMPLIANT]
        # Only the first statement per (obligation, date) can start a contradiction below.
        admissions, claims = _first_per_day(admissions), _first_per_day(claims)
        seen: set[tuple[str | None, date | None, date | None]] = set()
        for adm in admissions:
            for claim in claims:
                # A general claim (no obligation) contradicts a specific admission too.
                if claim.obligation_id not in (None, adm.obligation_id):
                    continue
                # One contradiction per obligation and pair of dates: the first of each.
                pair = (adm.obligation_id, adm.published, claim.published)
                if pair in seen:
                    continue
                seen.add(pair)
                first, second = sorted((adm, claim), key=lambda e: e.published or date.min)
                same_day = adm.published is not None and adm.published == claim.published
                timing = (
                    "on the same day"
                    if same_day
                    else f"on {_when(first)} and then on {_when(second)}"
                )
                out.append(
                    Contradiction(
                        Kind.OWN_OVER_TIME,
                        state,
                        adm.obligation_id,
                        f"{state}'s own statements disagree {timing}: {first.who} "
                        f"({first.stance}) \u201c{_q(first)}\u201d vs {second.who} "
                        f"({second.stance}) \u201c{_q(second)}\u201d",
                        evidence=(first, second),
                    )
                )
        latest_claims: dict[str | None, Evidence] = {}
        for claim in claims:  # the latest claim per obligation speaks for the state
            have = latest_claims.get(claim.obligation_id)
            if have is None or (claim.published or date.min) > (have.published or date.min):
                latest_claims[claim.obligation_id] = claim
        for claim in latest_claims.values():
            for alleg in third:
                if alleg.polarity is not Polarity.NONCOMPLIANT:
                    continue
                if claim.obligation_id not in (None, alleg.obligation_id):
                    continue
                out.append(
                    Contradiction(
                        Kind.CLAIM_VS_THIRD_PARTY,
                        state,
                        alleg.obligation_id,
                        f"{state} claims compliance ({claim.who}, {_when(claim)}: "
                        f"\u201c{_q(claim)}\u201d) but {alleg.who} ({_when(alleg)}) reports "
                        f"otherwise: \u201c{_q(alleg)}\u201d",
                        evidence=(claim, alleg),
                    )
                )
    return out


_UNIT_CLASSES = {
    "worker": "workers",
    "workers": "workers",
    "labourers": "workers",
    "laborers": "workers",
    "people": "workers",
    "persons": "workers",
    "nationals": "workers",
    "citizens": "workers",
}


def quantity_key(obs: Observation) -> tuple[str, str]:
    """Observations with the same key count as the same quantity about the same state."""
    unit = obs.unit.strip().lower()
    if not unit and obs.what:
        unit = obs.what.strip().lower().split()[-1]
    return (obs.state.upper(), _UNIT_CLASSES.get(unit, unit))


def _as_of(obs: Observation) -> tuple[date | None, str]:
    if obs.as_of is not None:
        return obs.as_of, f"as of {obs.as_of}"
    if obs.stated_in is not None:
        return None, f"no as-of date (stated in a document of {obs.stated_in})"
    return None, "no date at all"


def _fmt(obs: Observation) -> str:
    approx = "about " if obs.approx else ""
    what = obs.what or obs.unit
    if obs.unit and obs.unit.lower() not in what.lower():
        # the unit first; the text's description after it when it says more than a word
        what = f"{obs.unit} ({what})" if len(what.split()) > 1 else obs.unit
    who = f" per {obs.speaker}" if obs.speaker else ""
    return f"{approx}{obs.value:,.0f} {what}{who}"


def number_contradictions(
    observations: Iterable[Observation],
    *,
    ratio: float = NUMBER_RATIO,
    similar_days: int = SIMILAR_DATES_DAYS,
    deadline: date | None = None,
) -> list[Contradiction]:
    """Pairs of figures for the same quantity that differ by ``ratio`` or more."""
    groups: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for obs in observations:
        key = quantity_key(obs)
        if obs.value > 0 and key[1] in STOCK_UNITS:
            groups[key].append(obs)
    out: list[Contradiction] = []
    for (state, _unit), items in sorted(groups.items()):
        for a, b in combinations(items, 2):
            if a.sentence and a.sentence == b.sentence and a.document_id == b.document_id:
                continue  # one sentence's figures ("from 34,000 to 11,000") are a change
            hi, lo = (a, b) if a.value >= b.value else (b, a)
            if hi.value / lo.value < ratio:
                continue
            (da, ta), (db, tb) = _as_of(hi), _as_of(lo)
            explained: bool | None
            if da is not None and db is not None:
                gap = abs((da - db).days)
                if gap >= similar_days:
                    explained = True
                    why = (
                        f"the as-of dates are {gap} days apart ({ta}; {tb}), "
                        "which can explain the gap"
                    )
                    if deadline is not None and min(da, db) <= deadline <= max(da, db):
                        why += f"; the deadline {deadline} lies between them"
                else:
                    explained = False
                    why = f"at similar dates ({ta}; {tb}, {gap} days apart) the figures disagree"
            else:
                explained = None
                why = (
                    f"{_fmt(hi)}: {ta}; {_fmt(lo)}: {tb}; "
                    "the dates given cannot tell whether time explains the gap"
                )
            out.append(
                Contradiction(
                    Kind.NUMBERS,
                    state,
                    None,
                    f"{state}: {_fmt(hi)} vs {_fmt(lo)} (x{hi.value / lo.value:.0f})",
                    observations=(hi, lo),
                    explained=explained,
                    explanation=why,
                )
            )
    return out


def find_contradictions(
    evidence: Sequence[Evidence] = (),
    observations: Iterable[Observation] = (),
    issues: Iterable[ReferenceIssue] = (),
    *,
    deadline: date | None = None,
) -> list[Contradiction]:
    """All contradictions among statements, figures and knowledge-base facts. Pure."""
    out = _statement_contradictions(evidence)
    out += number_contradictions(observations, deadline=deadline)
    for issue in issues:
        where = issue.document_title or issue.document_id or "a document"
        out.append(
            Contradiction(
                Kind.DOCUMENT_VS_KB,
                None,
                None,
                f"{where} ({issue.published or 'undated'}) cites resolution {issue.text}: "
                f"{issue.problem}",
                issue=issue,
            )
        )
    seen: set[str] = set()
    unique = []
    for c in out:
        if c.key not in seen:
            seen.add(c.key)
            unique.append(c)
    return unique
