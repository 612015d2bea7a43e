"""Keys and the append-only audit trail on each storage backend: SQLite always,
PostgreSQL when ``SANCTIONWATCH_TEST_POSTGRES_URL`` is set."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store
from sanctionwatch.web.app import create_app
from sanctionwatch.web.auth import KeyRing
from tests.store.backends import postgres_settings


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    if request.param == "sqlite":
        yield Settings(home=tmp_path)
    else:
        yield from postgres_settings(tmp_path)


def test_audited_write_and_append_only_trail(backend: Settings) -> None:
    store = open_store(backend)
    try:
        admin, _ = KeyRing(store).create("root", "admin")
        with TestClient(create_app(backend, store=store)) as client:
            made = client.post(
                "/api/keys", json={"name": "desk", "role": "analyst"}, headers={"X-API-Key": admin}
            )
            assert made.status_code == 201
            key = made.json()["key"]
            assert client.get("/api/whoami", headers={"X-API-Key": key}).json()["role"] == "analyst"
            trail = client.get("/api/audit", headers={"X-API-Key": admin}).json()
        assert trail["total"] == 1 and trail["items"][0]["actor"] == "root"
        for statement in ("UPDATE web_audit SET actor = 'x'", "DELETE FROM web_audit"):
            with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
                conn.execute(text(statement))
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT actor FROM web_audit")).scalars().all() == ["root"]
    finally:
        store.dispose()
