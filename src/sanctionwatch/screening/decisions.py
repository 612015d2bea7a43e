"""Analysts' decisions on screening results, kept as an append-only audit trail.

A decision says that, for one query, one list entry is a ``false_positive`` or a
``true_match``, who said so, when and why. Nothing is ever updated or deleted (the
database refuses it with triggers); a newer decision on the same query and entry
supersedes the older one for display, and the full trail stays readable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from sanctionwatch import names
from sanctionwatch.errors import InputError
from sanctionwatch.screening.types import Match, Query
from sanctionwatch.store.base import Base
from sanctionwatch.store.db import Store

__all__ = [
    "DECISIONS",
    "Decision",
    "DecisionRow",
    "attach_decisions",
    "audit_trail",
    "decisions_for",
    "query_key",
    "record_decision",
]

DECISIONS = ("false_positive", "true_match")


class DecisionRow(Base):
    __tablename__ = "screening_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    query_key: Mapped[str] = mapped_column(String(64))
    query_text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(32))
    ref: Mapped[str] = mapped_column(String(128))
    decision: Mapped[str] = mapped_column(String(16))
    analyst: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


@dataclass(slots=True, frozen=True)
class Decision:
    id: int
    query_text: str
    source: str
    ref: str
    decision: str
    analyst: str
    reason: str
    decided_at: datetime

    def __str__(self) -> str:
        when = self.decided_at.strftime("%Y-%m-%d %H:%M")
        return f"{self.decision.replace('_', ' ')} by {self.analyst} on {when}: {self.reason}"


def query_key(query: Query | str) -> str:
    """The same query, however spaced, cased or punctuated, gives the same key."""
    q = query if isinstance(query, Query) else Query(query)
    text = f"{q.kind.value if q.kind else ''}|{names.normalize(q.name)}"
    return hashlib.sha256(text.encode()).hexdigest()


def _to_decision(row: DecisionRow) -> Decision:
    when = row.decided_at if row.decided_at.tzinfo else row.decided_at.replace(tzinfo=UTC)
    return Decision(
        row.id, row.query_text, row.source, row.ref, row.decision, row.analyst, row.reason, when
    )


def record_decision(
    store: Store,
    query: Query | str,
    source: str,
    ref: str,
    decision: str,
    analyst: str,
    reason: str,
    *,
    now: datetime | None = None,
) -> Decision:
    """Append one decision; raise InputError for an unknown verdict or a missing who/why."""
    decision = decision.strip().lower().replace("-", "_").replace(" ", "_")
    if decision not in DECISIONS:
        raise InputError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    if not analyst.strip():
        raise InputError("a decision needs the analyst's name")
    if not reason.strip():
        raise InputError("a decision needs a reason")
    if not source.strip() or not ref.strip():
        raise InputError("a decision needs the list entry (source and reference)")
    q = query if isinstance(query, Query) else Query(query)
    row = DecisionRow(
        query_key=query_key(q),
        query_text=q.name,
        source=source.strip(),
        ref=ref.strip(),
        decision=decision,
        analyst=analyst.strip()[:200],
        reason=reason.strip(),
        decided_at=now or datetime.now(UTC),
    )
    with store.session() as session:
        session.add(row)
        session.flush()
        return _to_decision(row)


def decisions_for(
    store: Store, query: Query | str, entries: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], Decision]:
    """The latest decision for each (source, ref) under this query, where one exists."""
    wanted = set(entries)
    if not wanted:
        return {}
    key = query_key(query)
    stmt = (
        select(DecisionRow)
        .where(DecisionRow.query_key == key)
        .where(DecisionRow.ref.in_(sorted({ref for _, ref in wanted})))
        .order_by(DecisionRow.id)
    )
    found: dict[tuple[str, str], Decision] = {}
    with store.session() as session:
        for row in session.scalars(stmt):
            if (row.source, row.ref) in wanted:
                found[(row.source, row.ref)] = _to_decision(row)
    return found


def attach_decisions(store: Store, query: Query, matches: list[Match]) -> None:
    """Set ``match.decision`` on every match an analyst has already decided."""
    found = decisions_for(store, query, ((m.entity.source, m.entity.ref) for m in matches))
    for match in matches:
        match.decision = found.get((match.entity.source, match.entity.ref))


def audit_trail(store: Store, source: str | None = None, ref: str | None = None) -> list[Decision]:
    """Every decision ever recorded (optionally for one entry), oldest first."""
    stmt = select(DecisionRow).order_by(DecisionRow.id)
    if source is not None:
        stmt = stmt.where(DecisionRow.source == source)
    if ref is not None:
        stmt = stmt.where(DecisionRow.ref == ref)
    with store.session() as session:
        return [_to_decision(row) for row in session.scalars(stmt)]
