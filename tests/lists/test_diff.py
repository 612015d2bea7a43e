"""What changed between versions: the pure diff, and the real UN snapshots end to end."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.errors import InputError
from sanctionwatch.lists.diff import compare_versions, diff_entities
from sanctionwatch.lists.model import Entity, EntityKind, Name
from sanctionwatch.store.db import Store
from sanctionwatch.store.lists_repo import ListRepository
from tests.conftest import shared_file
from tests.store.backends import make_entity, store, store_settings

__all__ = ["store", "store_settings"]


def as_map(entities: list[Entity]) -> dict[str, Entity]:
    return {e.ref: e for e in entities}


def test_added_removed_changed_with_fields() -> None:
    old = as_map([make_entity("un", 1), make_entity("un", 2), make_entity("un", 3)])
    new_three = make_entity("un", 3, remark="now with a remark")
    new_three.programmes.append("DPRK3")
    new = as_map([make_entity("un", 2), new_three, make_entity("un", 4)])
    diff = diff_entities(old, new)
    assert [c.ref for c in diff.added] == ["T00004"]
    assert [c.ref for c in diff.removed] == ["T00001"]
    assert [(c.ref, c.fields) for c in diff.changed] == [("T00003", ("programmes", "remarks"))]
    change = diff.changed[0]
    assert change.before == {"programmes": ["DPRK"], "remarks": None}
    assert change.after == {"programmes": ["DPRK", "DPRK3"], "remarks": "now with a remark"}
    assert diff.added[0].name == "Test Person 4"


def test_identical_versions_and_other_dataset_key_give_no_change() -> None:
    a = make_entity("un", 1)
    b = make_entity("un_other", 1)  # only the dataset key differs
    assert diff_entities({"T00001": a}, {"T00001": b}).empty


entities = st.builds(
    lambda ref, names: Entity("un", ref, EntityKind.PERSON, [Name(n) for n in names]),
    st.sampled_from([f"R{i}" for i in range(12)]),
    st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=3),
)
maps = st.lists(entities, max_size=12).map(as_map)


@given(maps, maps)
def test_diff_is_symmetric_and_complete(old: dict[str, Entity], new: dict[str, Entity]) -> None:
    forward, backward = diff_entities(old, new), diff_entities(new, old)
    assert [c.ref for c in forward.added] == [c.ref for c in backward.removed]
    assert [c.ref for c in forward.changed] == [c.ref for c in backward.changed]
    assert diff_entities(new, new).empty
    # Applying the diff to the old refs gives the new refs.
    refs = (set(old) - {c.ref for c in forward.removed}) | {c.ref for c in forward.added}
    assert refs == set(new)


# --- real UN snapshots --------------------------------------------------------------------


def un_records(path: Path) -> dict[str, dict[str, str]]:
    """Reference -> {child tag: whitespace-normalised XML of that child}, read with the
    standard library, independently of the project's parser."""
    records: dict[str, dict[str, str]] = {}
    for element in ET.parse(path).getroot().iter():
        if element.tag in ("INDIVIDUAL", "ENTITY"):
            ref = (element.findtext("REFERENCE_NUMBER") or "").strip()
            records[ref] = {
                child.tag: " ".join(ET.tostring(child, encoding="unicode").split())
                for child in element
            }
    return records


def import_un(repo: ListRepository, path: Path) -> None:
    from sanctionwatch.lists.registry import parse_file
    from sanctionwatch.lists.update import file_sha256

    repo.import_snapshot(parse_file(path), file_sha256=file_sha256([path]), origin=str(path))


def test_real_un_snapshots_2025_11_to_2026_02(store: Store) -> None:
    pytest.importorskip("sanctionwatch.lists.registry")
    old_path = shared_file("lists/un/consolidated_2025-11-20.xml")
    new_path = shared_file("lists/un/consolidated_2026-02-27.xml")
    repo = ListRepository(store)
    import_un(repo, old_path)
    import_un(repo, new_path)

    result = compare_versions(repo, "un")
    assert result.old.published is not None and result.old.published.date() == date(2025, 11, 20)
    assert result.new.published is not None and result.new.published.date() == date(2026, 2, 27)
    diff = result.diff
    assert [c.ref for c in diff.added] == ["SDi.007", "SDi.008", "SDi.009", "SDi.010"]
    assert [c.ref for c in diff.removed] == ["IQi.074"]

    # Independently: the records present in both files whose XML differs.
    old, new = un_records(old_path), un_records(new_path)
    assert sorted(new.keys() - old.keys()) == [c.ref for c in diff.added]
    assert sorted(old.keys() - new.keys()) == [c.ref for c in diff.removed]
    differing = {ref for ref in old.keys() & new.keys() if old[ref] != new[ref]}
    assert differing == {"HTi.006", "SOi.022"}  # both: a rewritten COMMENTS1
    assert {c.ref for c in diff.changed} == differing
    for change in diff.changed:
        assert change.fields == ("remarks",)
        raw_tags = {t for t in old[change.ref] if old[change.ref][t] != new[change.ref].get(t)}
        assert raw_tags == {"COMMENTS1"}
        assert change.after["remarks"] != change.before["remarks"]


def test_real_un_snapshots_2025_04_to_2025_11_counts(store: Store) -> None:
    pytest.importorskip("sanctionwatch.lists.registry")
    old_path = shared_file("lists/un/consolidated_2025-04-19.xml")
    new_path = shared_file("lists/un/consolidated_2025-11-20.xml")
    repo = ListRepository(store)
    import_un(repo, new_path)  # imported out of order: publication date decides
    import_un(repo, old_path)
    diff = compare_versions(repo, "un").diff
    old, new = un_records(old_path), un_records(new_path)
    assert len(diff.added) == len(new.keys() - old.keys()) == 126
    assert len(diff.removed) == len(old.keys() - new.keys()) == 3
    # --since picks the version current at the start of that day.
    since = compare_versions(repo, "un", since=date(2025, 6, 1))
    assert since.old.published is not None and since.old.published.date() == date(2025, 4, 19)
    with pytest.raises(InputError, match="no version of 'un' was current on 2020-01-01"):
        compare_versions(repo, "un", since=date(2020, 1, 1))


def test_compare_needs_two_versions(store: Store) -> None:
    repo = ListRepository(store)
    with pytest.raises(InputError, match="no version of 'un' is stored"):
        compare_versions(repo, "un")
    from sanctionwatch.lists.model import ListSnapshot

    repo.import_snapshot(
        ListSnapshot("un", "test", None, iter([make_entity("un", 1)])),
        file_sha256="0" * 64,
        origin="x",
    )
    with pytest.raises(InputError, match="only one version"):
        compare_versions(repo, "un")
