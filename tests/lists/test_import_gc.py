"""An import holds off the collector's full passes only while it runs: the thresholds
are back as they were afterwards, also when the import fails half way."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctionwatch.errors import ListParseError
from sanctionwatch.lists.model import Entity, EntityKind, ListSnapshot, Name
from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store
from sanctionwatch.store.lists_repo import ListRepository


def _entities(thresholds: list[tuple[int, int, int]], fail: bool) -> Iterator[Entity]:
    for i in range(3):
        thresholds.append(gc.get_threshold())
        yield Entity(source="uk", ref=f"X{i}", kind=EntityKind.PERSON, names=[Name(f"Name {i}")])
    if fail:
        raise ListParseError(Path("test.csv"), "row 5: no Group ID")


@pytest.mark.parametrize("fail", [False, True])
def test_thresholds_restored(tmp_path: Path, fail: bool) -> None:
    store = open_store(Settings(home=tmp_path))
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    snapshot = ListSnapshot(
        source="uk", format="uk-csv", published=None, entities=_entities(seen, fail), path="t"
    )
    try:
        if fail:
            with pytest.raises(ListParseError):
                ListRepository(store).import_snapshot(snapshot, file_sha256="a" * 64, origin="t")
        else:
            ListRepository(store).import_snapshot(snapshot, file_sha256="a" * 64, origin="t")
    finally:
        store.dispose()
    assert gc.get_threshold() == before
    assert seen and all(t[:2] == before[:2] and t[2] > before[2] for t in seen)
