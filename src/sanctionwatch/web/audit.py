"""The audit trail: one append-only row per write made through the web API.

Each row says who (the key's name and role), when, what (method, path, action),
how it ended (HTTP status) and the SHA-256 of the request body, so a payload kept
elsewhere can be proven to be the one that was sent. The database refuses updates
and deletes of these rows (triggers created by the ``web`` migration).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from sanctionwatch.store.db import Store
from sanctionwatch.web.tables import AuditRow

__all__ = ["AuditEntry", "AuditTrail", "payload_digest"]


def payload_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


@dataclass(slots=True, frozen=True)
class AuditEntry:
    actor: str
    role: str
    method: str
    path: str
    action: str
    status: int
    payload_sha256: str
    payload_bytes: int
    at: datetime | None = None
    id: int | None = None


class AuditTrail:
    def __init__(self, store: Store) -> None:
        self.store = store

    def record(self, entry: AuditEntry) -> AuditEntry:
        at = entry.at or datetime.now(UTC)
        row = AuditRow(
            at=at,
            actor=entry.actor,
            role=entry.role,
            method=entry.method,
            path=entry.path,
            action=entry.action,
            status=entry.status,
            payload_sha256=entry.payload_sha256,
            payload_bytes=entry.payload_bytes,
        )
        with self.store.session() as session:
            session.add(row)
            session.flush()
            return _entry(row)

    def entries(self, *, limit: int = 50, offset: int = 0) -> tuple[int, list[AuditEntry]]:
        """(total, newest first page)."""
        with self.store.session() as session:
            total = session.scalar(select(func.count()).select_from(AuditRow)) or 0
            rows = session.scalars(
                select(AuditRow).order_by(AuditRow.id.desc()).limit(limit).offset(offset)
            )
            return total, [_entry(r) for r in rows]


def _entry(row: AuditRow) -> AuditEntry:
    at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
    return AuditEntry(
        actor=row.actor,
        role=row.role,
        method=row.method,
        path=row.path,
        action=row.action,
        status=row.status,
        payload_sha256=row.payload_sha256,
        payload_bytes=row.payload_bytes,
        at=at,
        id=row.id,
    )
