"""Atomic imports of real list files: a failure half way leaves the store as it was."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from sanctionwatch.errors import ListParseError
from sanctionwatch.lists.model import Entity
from sanctionwatch.store.db import Store
from sanctionwatch.store.lists_repo import ListRepository
from tests.conftest import shared_file
from tests.store.test_lists_repo import table_counts

registry = pytest.importorskip("sanctionwatch.lists.registry")


def fail_after(entities: Iterator[Entity], n: int, path: Path) -> Iterator[Entity]:
    for i, entity in enumerate(entities):
        if i == n:
            raise ListParseError(path, f"record {n + 1}: broken")
        yield entity


def test_real_import_failing_after_100_entities_rolls_back(store: Store) -> None:
    repo = ListRepository(store)
    first = shared_file("lists/un/consolidated_2025-11-20.xml")
    second = shared_file("lists/un/consolidated_2026-02-27.xml")
    kept = repo.import_snapshot(registry.parse_file(first), file_sha256="1" * 64, origin="a")
    before = (repo.versions(), table_counts(store))

    snapshot = registry.parse_file(second)
    broken = replace(snapshot, entities=fail_after(snapshot.entities, 100, second))
    with pytest.raises(ListParseError, match="record 101: broken"):
        repo.import_snapshot(broken, file_sha256="2" * 64, origin="b")
    assert (repo.versions(), table_counts(store)) == before
    current = repo.current_version("un")
    assert current is not None and current.id == kept.id

    # The same file imports cleanly afterwards: nothing half-stored is in the way.
    info = repo.import_snapshot(registry.parse_file(second), file_sha256="2" * 64, origin="b")
    root = ET.parse(second).getroot()
    expected = len(root.findall("INDIVIDUALS/INDIVIDUAL")) + len(root.findall("ENTITIES/ENTITY"))
    assert info.entity_count == expected == 1003


def test_truncated_real_file_rolls_back(store: Store, tmp_path: Path) -> None:
    repo = ListRepository(store)
    data = shared_file("lists/un/consolidated_2026-02-27.xml").read_bytes()
    truncated = tmp_path / "consolidated.xml"
    truncated.write_bytes(data[: int(len(data) * 0.6)])  # cut inside a record
    seen = []

    with pytest.raises(ListParseError) as err:
        repo.import_snapshot(
            registry.parse_file(truncated),
            file_sha256="3" * 64,
            origin=str(truncated),
            progress=seen.append,
        )
    assert str(truncated) in err.value.message
    assert seen and seen[-1] >= 500  # batches had been written before the error
    assert repo.versions() == []
    assert set(table_counts(store).values()) == {0}
