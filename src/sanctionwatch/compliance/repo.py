"""Storing what compliance needs beyond documents: indicator series imported by the
analyst, the status last recorded per (state, obligation), report filings, and alert
acknowledgements. Every write is one transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, select

from sanctionwatch.compliance.alerts import RecordedStatus
from sanctionwatch.compliance.indicators import Point, Series, merge_series
from sanctionwatch.compliance.model import Assessment, ReportFiling, Status
from sanctionwatch.compliance.tables import AlertAckRow, FilingRow, IndicatorPointRow, StatusLogRow
from sanctionwatch.errors import InputError
from sanctionwatch.store.db import Store

__all__ = ["ComplianceRepository"]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ComplianceRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    # --- indicators ---------------------------------------------------------------

    def import_series(self, series: Sequence[Series], *, origin: str) -> int:
        """Store the points of ``series``, replacing any earlier import from ``origin``."""
        now = _now()
        rows = [
            IndicatorPointRow(
                indicator=s.indicator,
                state=s.state,
                category=s.category,
                period=p.period,
                value=p.value,
                unit=s.unit,
                source=p.source,
                note=p.sentence,
                obligation_id=s.obligation_id,
                origin=origin,
                imported_at=now,
            )
            for s in series
            for p in s.points
        ]
        if not rows:
            raise InputError(f"{origin}: nothing to import")
        with self.store.session() as session:
            session.execute(delete(IndicatorPointRow).where(IndicatorPointRow.origin == origin))
            session.add_all(rows)
        return len(rows)

    def series(self, state: str | None = None) -> list[Series]:
        stmt = select(IndicatorPointRow).order_by(IndicatorPointRow.id)
        if state:
            stmt = stmt.where(IndicatorPointRow.state == state.upper())
        with self.store.session() as session:
            rows = list(session.scalars(stmt))
        return merge_series(
            Series(
                r.indicator,
                r.state,
                r.category,
                r.unit,
                (Point(r.period, r.value, r.source, r.note, r.imported_at.date()),),
                r.obligation_id,
                r.note or None,
            )
            for r in rows
        )

    def origins(self) -> list[tuple[str, int, datetime]]:
        with self.store.session() as session:
            rows = list(session.scalars(select(IndicatorPointRow)))
        seen: dict[str, tuple[int, datetime]] = {}
        for r in rows:
            n, at = seen.get(r.origin, (0, r.imported_at))
            seen[r.origin] = (n + 1, max(at, r.imported_at))
        return [(o, n, at) for o, (n, at) in sorted(seen.items())]

    # --- statuses -----------------------------------------------------------------

    def last_statuses(self) -> dict[tuple[str, str], RecordedStatus]:
        with self.store.session() as session:
            rows = list(session.scalars(select(StatusLogRow).order_by(StatusLogRow.id)))
        out: dict[tuple[str, str], RecordedStatus] = {}
        for r in rows:  # later rows overwrite earlier ones
            out[(r.state, r.obligation_id)] = RecordedStatus(
                r.state, r.obligation_id, Status(r.status),
                frozenset(json.loads(r.evidence_keys)), r.recorded_at,
            )  # fmt: skip
        return out

    def record_statuses(self, assessments: Iterable[Assessment]) -> int:
        """Log each assessment whose status or evidence differs from the last recorded."""
        last = self.last_statuses()
        now = _now()
        rows = []
        for a in assessments:
            keys = sorted(e.key for e in a.evidence)
            prev = last.get((a.state, a.obligation.id))
            if prev is not None and prev.status is a.status and prev.evidence_keys == set(keys):
                continue
            rows.append(StatusLogRow(state=a.state, obligation_id=a.obligation.id,
                                     status=a.status.value, evidence_keys=json.dumps(keys),
                                     recorded_at=now))  # fmt: skip
        if rows:
            with self.store.session() as session:
                session.add_all(rows)
        return len(rows)

    # --- filings ------------------------------------------------------------------

    def add_filing(self, filing: ReportFiling) -> None:
        with self.store.session() as session:
            session.add(FilingRow(state=filing.state.upper(), obligation_id=filing.obligation_id,
                                  what=filing.what, filed_on=filing.filed_on,
                                  source=filing.source, recorded_at=_now()))  # fmt: skip

    def filings(self) -> list[ReportFiling]:
        with self.store.session() as session:
            rows = list(session.scalars(select(FilingRow).order_by(FilingRow.id)))
        return [ReportFiling(r.state, r.obligation_id, r.what, r.filed_on, r.source) for r in rows]

    # --- alert acknowledgements ---------------------------------------------------

    def acknowledge(self, key: str, note: str = "") -> None:
        with self.store.session() as session:
            row = session.get(AlertAckRow, key)
            if row is None:
                session.add(AlertAckRow(key=key, acked_at=_now(), note=note))
            else:
                row.note = note or row.note

    def acknowledged(self) -> dict[str, datetime]:
        with self.store.session() as session:
            return {r.key: r.acked_at for r in session.scalars(select(AlertAckRow))}
