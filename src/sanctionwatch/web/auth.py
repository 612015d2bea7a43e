"""API keys with roles (viewer < analyst < admin), kept as SHA-256 hashes in the store.

A key is shown once, when it is created; only its hash and a short prefix are stored.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from sanctionwatch.errors import InputError, NotFoundError
from sanctionwatch.store.db import Store
from sanctionwatch.web.tables import ApiKeyRow

__all__ = ["ROLES", "ApiKeyInfo", "KeyRing", "Principal", "hash_key", "role_allows"]

ROLES = ("viewer", "analyst", "admin")
KEY_PREFIX = "sw_"


def role_allows(role: str, needed: str) -> bool:
    """True when ``role`` is at least ``needed`` in viewer < analyst < admin."""
    return ROLES.index(role) >= ROLES.index(needed)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(slots=True, frozen=True)
class Principal:
    """Who makes a request: a key's name (or "anonymous") and its role."""

    name: str
    role: str

    def can(self, needed: str) -> bool:
        return role_allows(self.role, needed)


@dataclass(slots=True, frozen=True)
class ApiKeyInfo:
    id: int
    name: str
    prefix: str
    role: str
    created_at: datetime
    revoked: bool


def _info(row: ApiKeyRow) -> ApiKeyInfo:
    return ApiKeyInfo(row.id, row.name, row.prefix, row.role, row.created_at, row.revoked)


class KeyRing:
    """Create, look up, list and revoke API keys in one :class:`Store`."""

    def __init__(self, store: Store, *, cache_seconds: float = 2.0) -> None:
        self.store = store
        self.cache_seconds = cache_seconds
        self._active: tuple[float, bool] | None = None

    def create(self, name: str, role: str) -> tuple[str, ApiKeyInfo]:
        """A new key for ``role``: returns the key itself (shown once) and its record."""
        if role not in ROLES:
            raise InputError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
        name = name.strip()
        if not name or len(name) > 200:
            raise InputError("a key needs a name of 1 to 200 characters")
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        row = ApiKeyRow(
            name=name,
            prefix=key[:10],
            key_sha256=hash_key(key),
            role=role,
            created_at=datetime.now(UTC),
            revoked=False,
        )
        with self.store.session() as session:
            session.add(row)
            session.flush()
            info = _info(row)
        self._active = None
        return key, info

    def lookup(self, key: str) -> Principal | None:
        """The principal a key stands for, or None for an unknown or revoked key."""
        with self.store.session() as session:
            row = session.scalar(select(ApiKeyRow).where(ApiKeyRow.key_sha256 == hash_key(key)))
            if row is None or row.revoked:
                return None
            return Principal(row.name, row.role)

    def any_active(self) -> bool:
        """Whether any unrevoked key exists. Asked on every anonymous request, so the
        answer is kept for ``cache_seconds`` (keys made here reset it at once; keys made
        by another process count from at most that long after)."""
        now = time.monotonic()
        if self._active is not None and now - self._active[0] < self.cache_seconds:
            return self._active[1]
        with self.store.session() as session:
            count = session.scalar(
                select(func.count()).select_from(ApiKeyRow).where(ApiKeyRow.revoked.is_(False))
            )
        self._active = (now, bool(count))
        return bool(count)

    def all(self) -> list[ApiKeyInfo]:
        with self.store.session() as session:
            return [_info(r) for r in session.scalars(select(ApiKeyRow).order_by(ApiKeyRow.id))]

    def revoke(self, prefix: str) -> ApiKeyInfo:
        with self.store.session() as session:
            rows = list(session.scalars(select(ApiKeyRow).where(ApiKeyRow.prefix == prefix)))
            if not rows:
                raise NotFoundError(f"no API key starts with {prefix!r}")
            for row in rows:
                row.revoked = True
            info = _info(rows[0])
        self._active = None
        return info
