"""The lists migration creates exactly the tables the ORM declares."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import sanctionwatch.store.lists_tables  # noqa: F401  (declares the tables on Base)
from sanctionwatch.store.base import Base
from sanctionwatch.store.db import Store


def _tables(diff: Any) -> set[str]:
    found: set[str] = set()
    items = diff if isinstance(diff, list) else [diff]
    for item in items:
        for part in item if isinstance(item, tuple) else (item,):
            name = getattr(part, "name", None) or getattr(
                getattr(part, "table", None), "name", None
            )
            if isinstance(name, str):
                found.add(name)
    return found


def test_migration_matches_the_declared_list_tables(store: Store) -> None:
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ours = [
        d
        for d in diffs
        if any(
            name.startswith(("list_", "ix_list_", "uq_list_", "fk_list_")) for name in _tables(d)
        )
    ]
    assert ours == []
