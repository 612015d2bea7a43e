"""Assessment: ordered, explicit rules from evidence to a status with reasons.

Every rule is a data object with a name, a plain-language description and a test.
Status rules are tried in order; the first that fires decides the status, and every
rule that fires (status or annotation) adds a reason shown in the output.

Weights (why a statement counts for more or less) are data too: see ``WEIGHTS``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sanctionwatch.compliance.indicators import Surge
from sanctionwatch.compliance.model import (
    Assessment,
    Evidence,
    ObligationView,
    Polarity,
    Reason,
    ReportFiling,
    SourceKind,
    Status,
)

__all__ = ["RULES", "WEIGHTS", "Facts", "StatusRule", "assess", "weight_of"]

# How much one statement counts, by who says it and which way it points.
# A state's admission is against its own interest and weighs most; its own claim
# of compliance is self-serving and weighs less than a third party's report.
WEIGHTS: dict[tuple[SourceKind, Polarity], float] = {
    (SourceKind.OWN, Polarity.NONCOMPLIANT): 1.0,
    (SourceKind.OWN, Polarity.COMPLIANT): 0.6,
    (SourceKind.THIRD_STATE, Polarity.NONCOMPLIANT): 0.7,
    (SourceKind.THIRD_STATE, Polarity.COMPLIANT): 0.8,
    (SourceKind.INDEPENDENT, Polarity.NONCOMPLIANT): 0.6,
    (SourceKind.INDEPENDENT, Polarity.COMPLIANT): 0.8,
    (SourceKind.UNKNOWN, Polarity.NONCOMPLIANT): 0.4,
    (SourceKind.UNKNOWN, Polarity.COMPLIANT): 0.4,
}
INDIRECT_FACTOR = 0.75  # a statement counted through a related obligation or its document
SURGE_WEIGHT = 0.5  # a flagged indicator with a suspicion stated in its source
SURGE_WEIGHT_UNSTATED = 0.3  # a flagged indicator alone


def weight_of(ev: Evidence) -> float:
    w = WEIGHTS.get((ev.source_kind, ev.polarity), 0.0) * max(0.0, min(1.0, ev.confidence))
    return w * INDIRECT_FACTOR if ev.via else w


def _combine(weights: Sequence[float]) -> float:
    """Independent pieces of support: 1 - prod(1 - w)."""
    rest = 1.0
    for w in weights:
        rest *= 1.0 - max(0.0, min(1.0, w))
    return 1.0 - rest


def _surge_weight(s: Surge) -> float:
    return SURGE_WEIGHT if s.suspicion else SURGE_WEIGHT_UNSTATED


@dataclass(slots=True)
class Facts:
    """The evidence for one (state, obligation), sorted into what the rules ask about."""

    state: str
    obligation: ObligationView
    as_of: date
    evidence: list[Evidence]
    surges: list[Surge]
    filings: list[ReportFiling]
    own: list[Evidence] = field(default_factory=list)
    third: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        for ev in self.evidence:
            if ev.polarity is Polarity.NEUTRAL:
                continue
            (self.own if ev.source_kind is SourceKind.OWN else self.third).append(ev)

    @property
    def own_admissions(self) -> list[Evidence]:
        return [e for e in self.own if e.polarity is Polarity.NONCOMPLIANT]

    @property
    def own_claims(self) -> list[Evidence]:
        return [e for e in self.own if e.polarity is Polarity.COMPLIANT]

    @property
    def allegations(self) -> list[Evidence]:
        return [e for e in self.third if e.polarity is Polarity.NONCOMPLIANT]

    @property
    def confirmations(self) -> list[Evidence]:
        return [e for e in self.third if e.polarity is Polarity.COMPLIANT]

    def latest_own(self) -> Evidence | None:
        """The state's latest own statement; on the same date an admission counts as later."""
        dated = [e for e in self.own if e.published is not None]
        if not dated:
            return None
        return max(
            dated,
            key=lambda e: (e.published or date.min, e.polarity is Polarity.NONCOMPLIANT),
        )


def _cite(ev: Evidence) -> str:
    via = f" [counted as {ev.via}]" if ev.via else ""
    return f"{ev.who} ({ev.published or 'undated'}): \u201c{_short(ev.sentence)}\u201d{via}"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


# --- status rules -----------------------------------------------------------------

Test = Callable[[Facts], tuple[str, float] | None]


@dataclass(frozen=True, slots=True)
class StatusRule:
    name: str
    status: Status
    description: str
    test: Test  # returns (reason, confidence) when the rule fires


def _no_evidence(f: Facts) -> tuple[str, float] | None:
    if f.own or f.third or f.surges:
        return None
    neutral = len(f.evidence)
    why = "no statement about compliance and no flagged indicator"
    if neutral:
        why += f" ({neutral} neutral statement(s): measures or background only)"
    return why, 1.0


def _latest_admission(f: Facts) -> tuple[str, float] | None:
    latest = f.latest_own()
    unordered = latest is None and bool(f.own_admissions)
    if unordered:
        latest = f.own_admissions[-1]
    if latest is None or latest.polarity is not Polarity.NONCOMPLIANT:
        return None
    earlier = [
        c for c in f.own_claims if c.published and c.published <= (latest.published or date.max)
    ]
    why = f"{f.state}'s latest own statement admits non-compliance: {_cite(latest)}"
    if unordered:
        why = (
            f"{f.state}'s own statements are undated, so cannot be put in order; its admission "
            f"counts, being against its interest: {_cite(latest)}"
        )
    elif earlier:
        why += (
            f"; it outranks {len(earlier)} earlier or same-day claim(s) of compliance "
            "(an admission against interest outranks the claim it follows)"
        )
    return why, _combine([weight_of(e) for e in f.own_admissions])


def _contested_claim(f: Facts) -> tuple[str, float] | None:
    if not f.own_claims:
        return None
    latest = f.latest_own()
    if latest is not None and latest.polarity is not Polarity.COMPLIANT:
        return None
    against = [weight_of(e) for e in f.allegations] + [_surge_weight(s) for s in f.surges]
    if not against:
        return None
    claim = max(f.own_claims, key=lambda e: e.published or date.min)
    bits = []
    if f.allegations:
        bits.append(
            f"{len(f.allegations)} third-party report(s) of non-compliance, e.g. "
            + _cite(f.allegations[0])
        )
    if f.surges:
        bits.append(
            f"{len(f.surges)} flagged indicator(s): " + "; ".join(s.label for s in f.surges)
        )
    why = f"{f.state} claims compliance ({_cite(claim)})"
    earlier = [
        a for a in f.own_admissions if (a.published or date.min) <= (claim.published or date.min)
    ]
    if earlier:
        shown = max(earlier, key=lambda e: (e.published or date.min, bool(e.quantities)))
        why += f"; earlier it admitted non-compliance ({_cite(shown)})"
    why += "; this is contested by " + " and ".join(bits)
    strength = _combine([weight_of(e) for e in f.own_claims]) * _combine(against)
    return why, round(strength, 3)


def _third_party(f: Facts) -> tuple[str, float] | None:
    if not f.allegations or f.own_claims:
        return None
    who = sorted({e.who for e in f.allegations})
    why = (
        f"reported by third parties ({'; '.join(who)}) with no claim of compliance from "
        f"{f.state} on record: {_cite(f.allegations[0])}"
    )
    return why, _combine([weight_of(e) for e in f.allegations])


def _own_claim(f: Facts) -> tuple[str, float] | None:
    if not f.own_claims:
        return None
    claim = max(f.own_claims, key=lambda e: e.published or date.min)
    why = f"{f.state} claims compliance and nothing on record contests it: {_cite(claim)}"
    support = [weight_of(e) for e in f.own_claims] + [weight_of(e) for e in f.confirmations]
    return why, _combine(support)


def _confirmed(f: Facts) -> tuple[str, float] | None:
    if not f.confirmations or f.allegations:
        return None
    return (
        f"third parties state that {f.state} complies: {_cite(f.confirmations[0])}",
        _combine([weight_of(e) for e in f.confirmations]),
    )


def _indicator_only(f: Facts) -> tuple[str, float] | None:
    if not f.surges:
        return None
    labels = "; ".join(s.label for s in f.surges)
    return (
        f"no statement on record; flagged indicator(s) raise a suspicion only: {labels}",
        0.5,
    )


def _fallback(f: Facts) -> tuple[str, float] | None:
    return "no statement that points either way", 0.5


RULES: tuple[StatusRule, ...] = (
    StatusRule("no-evidence", Status.NO_INFORMATION,
               "Nothing on record points either way.", _no_evidence),
    StatusRule("later-admission", Status.ADMITS_NONCOMPLIANCE,
               "The state's latest own statement is an admission; it outranks earlier "
               "(and same-day) claims of compliance.", _latest_admission),
    StatusRule("contested-claim", Status.DISPUTED,
               "The state claims compliance (its latest own statement), but third parties "
               "report non-compliance or an indicator is flagged.", _contested_claim),
    StatusRule("third-party-report", Status.REPORTED_NONCOMPLIANCE,
               "Third parties report non-compliance and the state has not claimed "
               "compliance.", _third_party),
    StatusRule("own-claim", Status.CLAIMS_COMPLIANCE,
               "The state claims compliance and nothing contests it.", _own_claim),
    StatusRule("third-party-confirms", Status.CLAIMS_COMPLIANCE,
               "Third parties say the state complies and none say otherwise.", _confirmed),
    StatusRule("indicator-only", Status.NO_INFORMATION,
               "Only a flagged indicator: a suspicion, not a report.", _indicator_only),
    StatusRule("fallback", Status.NO_INFORMATION,
               "Nothing decisive.", _fallback),
)  # fmt: skip


# --- annotation rules (always evaluated) ------------------------------------------


def _deadline_reason(f: Facts) -> tuple[bool | None, Reason]:
    deadline = f.obligation.deadline
    if deadline is None:
        return None, Reason("deadline", f"{f.obligation.id} has no deadline in the knowledge base")
    if f.as_of > deadline:
        return True, Reason("deadline", f"deadline {deadline} has passed (as of {f.as_of})")
    return False, Reason("deadline", f"deadline {deadline} has not passed yet (as of {f.as_of})")


def _final_report_reason(f: Facts) -> tuple[bool, Reason | None]:
    final = f.obligation.final_report
    if final is None or final.due is None:
        return False, None
    filed = [
        r
        for r in f.filings
        if r.state == f.state
        and r.obligation_id == f.obligation.id
        and (r.what == final.what or "final" in r.what.lower())
        and (r.filed_on is None or r.filed_on <= f.as_of)
    ]
    if filed:
        r = filed[-1]
        return False, Reason("final-report", f"{r.what} filed on {r.filed_on} ({r.source})")
    if f.as_of > final.due:
        return True, Reason(
            "final-report",
            f"missed: the {final.what} was due {final.due} and no filing by {f.state} is on record",
        )
    return False, Reason("final-report", f"the {final.what} is due {final.due}")


def _weighting_reason(f: Facts) -> Reason:
    own = len(f.own)
    third = len(f.third)
    undated = sum(1 for e in f.own if e.published is None)
    text = (
        f"{own} own statement(s) and {third} third-party statement(s) weighed: admissions "
        f"{WEIGHTS[(SourceKind.OWN, Polarity.NONCOMPLIANT)]}, own claims of compliance "
        f"{WEIGHTS[(SourceKind.OWN, Polarity.COMPLIANT)]} (self-serving), other governments' "
        f"reports {WEIGHTS[(SourceKind.THIRD_STATE, Polarity.NONCOMPLIANT)]}, independent "
        f"sources {WEIGHTS[(SourceKind.INDEPENDENT, Polarity.NONCOMPLIANT)]}, flagged indicators "
        f"{SURGE_WEIGHT}"
    )
    indirect = sum(1 for e in f.evidence if e.via)
    if indirect:
        text += (
            f"; {indirect} statement(s) counted indirectly (a related obligation, or no "
            f"obligation named in a document about this one) at x{INDIRECT_FACTOR}"
        )
    if undated:
        text += f"; {undated} own statement(s) undated, so they cannot be put in order"
    return Reason("weights", text)


def assess(
    evidence: Sequence[Evidence],
    obligation: ObligationView,
    as_of: date,
    *,
    state: str | None = None,
    surges: Sequence[Surge] = (),
    filings: Sequence[ReportFiling] = (),
) -> Assessment:
    """Assess one (state, obligation) from the evidence about it. Pure.

    ``evidence`` may hold statements about other states or obligations: only those
    about ``state`` (default: the state of the first item) and ``obligation`` count,
    and only those published on or before ``as_of``.
    """
    if state is None:
        state = evidence[0].state if evidence else "??"
    state = state.upper()
    relevant = sorted(
        (
            e
            for e in evidence
            if e.state.upper() == state
            and e.obligation_id == obligation.id
            and (e.published is None or e.published <= as_of)
        ),
        key=lambda e: (e.published or date.min, e.start or 0),
    )
    facts = Facts(
        state=state,
        obligation=obligation,
        as_of=as_of,
        evidence=relevant,
        surges=[s for s in surges if s.state.upper() == state],
        filings=list(filings),
    )
    reasons: list[Reason] = []
    decided: tuple[StatusRule, str, float] | None = None
    for rule in RULES:
        fired = rule.test(facts)
        if fired is not None:
            decided = (rule, *fired)
            break
    assert decided is not None  # the fallback always fires
    rule, why, confidence = decided
    reasons.append(Reason(rule.name, why))
    passed, deadline_reason = _deadline_reason(facts)
    reasons.append(deadline_reason)
    missing, report_reason = _final_report_reason(facts)
    if report_reason is not None:
        reasons.append(report_reason)
    if rule.name != "no-evidence":
        reasons.append(_weighting_reason(facts))
    return Assessment(
        state=state,
        obligation=obligation,
        as_of=as_of,
        status=rule.status,
        confidence=round(confidence, 3),
        rule=rule.name,
        deadline_passed=passed,
        final_report_missing=missing,
        reasons=reasons,
        evidence=relevant,
        surges=list(facts.surges),
    )
