"""Deadline rules and the deadline calendar.

A rule is either an ISO date ("2019-12-22") or a period counted from an anchor date,
normally the resolution's adoption: "24 months after adoption", "within 120 days of
adoption", "90 days after adoption". Months are added on the calendar (22 Dec 2017 plus
24 months is 22 Dec 2019; a day past the end of the target month falls back to its last
day); days are counted exactly.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from sanctionwatch.regimes.kb import KnowledgeBase

__all__ = ["Deadline", "add_months", "deadlines", "resolve_rule"]

_RELATIVE = re.compile(
    r"^(?:within\s+|no later than\s+)?(?P<n>[0-9]{1,4})\s+(?P<unit>day|month|year)s?\s+"
    r"(?:after|from|of)\s+(?:the\s+(?:date\s+of\s+)?)?(?P<anchor>adoption|[0-9]{4}-[0-9]{2}-[0-9]{2})$"
)
_OPEN = {"immediately", "immediate", "open-ended", "ongoing", "none"}


def add_months(start: date, months: int) -> date:
    """``start`` moved by whole calendar months, clamped to the last day of the month."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last))


def resolve_rule(rule: str | date | None, adopted: date) -> date | None:
    """The date a rule points to; ``None`` for open rules ("immediately").

    Raises ``ValueError`` with the reason when the rule cannot be read.
    """
    if rule is None:
        return None
    if isinstance(rule, date):
        return rule
    text = " ".join(rule.casefold().split())
    if text in _OPEN:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    match = _RELATIVE.match(text)
    if not match:
        raise ValueError(
            f"cannot read deadline rule {rule!r}: write a date (2019-12-22) or "
            "'N days|months|years after adoption'"
        )
    count = int(match["n"])
    anchor_text = match["anchor"]
    try:
        anchor = adopted if anchor_text == "adoption" else date.fromisoformat(anchor_text)
    except ValueError:
        raise ValueError(f"deadline rule {rule!r}: {anchor_text} is not a date") from None
    unit = match["unit"]
    try:
        if unit == "day":
            return anchor + timedelta(days=count)
        return add_months(anchor, count * 12 if unit == "year" else count)
    except (OverflowError, ValueError):
        raise ValueError(f"deadline rule {rule!r} gives a date out of range") from None


Kind = Literal["obligation", "report", "expiry", "panel report"]


@dataclass(frozen=True, slots=True)
class Deadline:
    """One dated event of the calendar: an obligation's deadline, a report due by States,
    an expiry, or a report due from a regime's panel of experts."""

    due: date
    kind: Kind
    obligation_id: str
    resolution: int
    regime: str | None
    what: str
    rule: str | None
    passed: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "due": self.due.isoformat(),
            "kind": self.kind,
            "obligation_id": self.obligation_id,
            "resolution": self.resolution,
            "regime": self.regime,
            "what": self.what,
            "rule": self.rule,
            "passed": self.passed,
        }


def deadlines(
    kb: KnowledgeBase,
    *,
    as_of: date | None = None,
    which: Literal["all", "missed", "upcoming"] = "all",
    regime: str | None = None,
    panel: bool = False,
) -> list[Deadline]:
    """Every dated deadline, report and expiry in the knowledge base, oldest first.

    ``missed`` keeps those before ``as_of`` (today by default): the date has passed, so a
    State that had not acted by then missed it. ``upcoming`` keeps those on or after it.
    ``panel=True`` adds the reports due from a regime's panel of experts, listed under the
    obligation that set the panel up ("1874-OP26").
    """
    today = as_of or date.today()
    rows: list[Deadline] = []

    def add(
        due: date | None, kind: Kind, ob_id: str, res: int, what: str, rule: str | None
    ) -> None:
        if due is not None:
            rows.append(Deadline(due, kind, ob_id, res, kb.regime_of(res), what, rule, due < today))

    for ob in kb.obligations(regime):
        add(ob.deadline, "obligation", ob.id, ob.resolution, ob.title, ob.deadline_rule)
        for duty in ob.reporting:
            add(duty.due, "report", ob.id, ob.resolution, duty.what, duty.due_rule)
        add(ob.ends, "expiry", ob.id, ob.resolution, f"ends: {ob.title}", ob.ends_rule)
    keys = ([regime.casefold()] if regime else list(kb.regimes)) if panel else []
    for key in keys:
        reg = kb.regimes[key]
        if reg.panel_obligation is None:
            continue
        for step in reg.panel:
            for duty in step.reports:
                if step.resolution is not None:
                    add(
                        duty.due,
                        "panel report",
                        reg.panel_obligation,
                        step.resolution,
                        duty.what,
                        duty.due_rule,
                    )
    if which == "missed":
        rows = [r for r in rows if r.passed]
    elif which == "upcoming":
        rows = [r for r in rows if not r.passed]
    rows.sort(key=lambda r: (r.due, r.obligation_id, r.kind))
    return rows
