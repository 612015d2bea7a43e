"""One claim for one thing said: restatements and retellings in a document merged.

An allegation said again by the same source is one claim; a measure the outlet tells
and a source also reports is one measure. Both run over a document's claims in order.
"""

from __future__ import annotations

import re

from sanctionwatch.documents.model import Claim

__all__ = ["drop_restated", "drop_told_twice"]


_DETERMINER = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)


def _source(claim: Claim) -> tuple[str, ...]:
    label = _DETERMINER.sub("", " ".join((claim.speaker or "").lower().split()))
    return tuple(re.findall(r"[\w.'’]+", label))


def _same_source(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "UN experts" and "the experts", "a UN panel" and "the panel": one source named
    again by its head noun."""
    if a == b:
        return True
    if not a or not b or a[-1] != b[-1]:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return set(short) <= set(long)


def drop_restated(claims: list[Claim]) -> list[Claim]:
    """An allegation said again is one claim: a later allegation against the same state by
    the same source (or by the outlet again) under the same obligation, or under none,
    that brings no figure of its own restates the earlier one ("the panel said North Korea
    defied the sanctions" ... "the panel said North Korea violated the ban"). Measures are
    events and are all kept: two designations are two measures."""
    said: list[tuple[str, tuple[str, ...], str | None]] = []
    out: list[Claim] = []
    for c in claims:
        if c.stance != "alleges_violation":
            out.append(c)
            continue
        source = _source(c)
        again = any(
            state == c.subject_state
            and _same_source(src, source)
            and (ob == c.obligation_id or c.obligation_id is None)
            for state, src, ob in said
        )
        said.append((c.subject_state, source, c.obligation_id))
        if again and not c.quantities:
            continue
        out.append(c)
    return out


def drop_told_twice(claims: list[Claim]) -> list[Claim]:
    """A measure the outlet tells in its own words and a source also reports is one
    measure: "North Koreans must leave as Mongolia enforces the sanctions" beside "their
    permits will not be renewed, the ministry said" (same state, same obligation). The
    attributed account is kept; measures under no obligation (national designations) are
    events of their own and are all kept."""
    sourced = {
        (c.subject_state, c.obligation_id)
        for c in claims
        if c.stance == "reports_measure" and c.speaker and c.obligation_id
    }
    return [
        c
        for c in claims
        if not (
            c.stance == "reports_measure"
            and not c.speaker
            and c.obligation_id
            and (c.subject_state, c.obligation_id) in sourced
        )
    ]
