"""The lists migration creates exactly the tables the ORM declares."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import sanctionwatch.store.lists_tables  # noqa: F401  (declares the tables on Base)
from sanctionwatch.store.base import Base
from sanctionwatch.store.db import Store


def _names(diff: Any) -> set[str]:
    """Table, index and constraint names in one compare_metadata entry, e.g.
    ("add_column", None, "list_versions", Column(...)) or ("remove_index", Index(...))."""
    if isinstance(diff, list | tuple):
        return set().union(*(_names(part) for part in diff)) if diff else set()
    if isinstance(diff, str):
        return {diff}
    found = set()
    for obj in (diff, getattr(diff, "table", None)):
        name = getattr(obj, "name", None)
        if isinstance(name, str):
            found.add(name)
    return found


def test_migration_matches_the_declared_list_tables(store: Store) -> None:
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ours = [
        d
        for d in diffs
        if any(name.startswith(("list_", "ix_list_", "uq_list_", "fk_list_")) for name in _names(d))
    ]
    assert ours == []
