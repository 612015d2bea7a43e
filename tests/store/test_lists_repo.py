"""The list store on every backend: versions, dedup, provenance, atomic imports."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, inspect, select

from sanctionwatch.errors import InputError, ListParseError
from sanctionwatch.lists.model import Entity, ListSnapshot, Name, NameKind
from sanctionwatch.store.db import Store
from sanctionwatch.store.lists_repo import ListRepository, select_sources
from sanctionwatch.store.lists_tables import (
    ListEntityRow,
    ListIdentifierRow,
    ListNameRow,
    ListVersionRow,
)
from tests.store.backends import make_entity

PUBLISHED = datetime(2026, 2, 27, 0, 0, 9, tzinfo=UTC)


def snapshot(source: str, entities: Iterator[Entity] | list[Entity], **kw: object) -> ListSnapshot:
    return ListSnapshot(
        source=source,
        format=str(kw.get("format", "test")),
        published=kw.get("published", PUBLISHED),  # type: ignore[arg-type]
        entities=iter(entities),
        path=str(kw.get("path", "constructed.xml")),
    )


def table_counts(store: Store) -> dict[str, int]:
    with store.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (ListVersionRow, ListEntityRow, ListNameRow, ListIdentifierRow)
        }


def failing(entities: list[Entity], after: int) -> Iterator[Entity]:
    for i, entity in enumerate(entities):
        if i == after:
            raise ListParseError("constructed.xml", f"broken record after {after} entities")
        yield entity


def test_migration_creates_the_list_tables(store: Store) -> None:
    names = set(inspect(store.engine).get_table_names())
    assert {"list_versions", "list_entities", "list_names", "list_identifiers"} <= names
    store.migrate()  # a second upgrade is a no-op
    assert table_counts(store)["list_versions"] == 0


def test_import_round_trips_entities_with_provenance(store: Store) -> None:
    repo = ListRepository(store)
    entities = [make_entity("un", i) for i in range(1, 1202)]
    info = repo.import_snapshot(snapshot("un", entities), file_sha256="a" * 64, origin="test")
    assert not info.unchanged
    assert info.entity_count == 1201
    assert info.published == PUBLISHED
    assert info.source == "un" and info.origin == "test"
    assert [v.id for v in repo.versions()] == [info.id]

    stored = repo.entity("un", "T00007")
    assert stored is not None
    assert stored.to_dict() == entities[6].to_dict()
    assert repo.entity("un", "nope") is None
    assert repo.entity("ofac_sdn", "T00007") is None
    assert [e.ref for e in repo.current_entities()] == [e.ref for e in entities]

    counts = table_counts(store)
    assert counts == {
        "list_versions": 1,
        "list_entities": 1201,
        "list_names": 2 * 1201,
        "list_identifiers": 1201,
    }
    # Every stored entity belongs to the version it came from.
    with store.session() as session:
        assert set(session.scalars(select(ListEntityRow.version_id)).all()) == {info.id}


def test_lookup_tables_find_current_entities(store: Store) -> None:
    repo = ListRepository(store)
    repo.import_snapshot(
        snapshot("un", [make_entity("un", i) for i in range(1, 20)]),
        file_sha256="b" * 64,
        origin="test",
    )
    assert [e.ref for e in repo.find_by_name("  alias   7 ")] == ["T00007"]
    assert [e.ref for e in repo.find_by_name("TEST PERSON 12")] == ["T00012"]
    assert repo.find_by_name("Test Person 99") == []
    assert [e.ref for e in repo.find_by_identifier("P0000003")] == ["T00003"]
    assert repo.find_by_identifier("P0000003", sources=["ofac"]) == []


def test_same_file_twice_is_unchanged(store: Store) -> None:
    repo = ListRepository(store)
    first = repo.import_snapshot(
        snapshot("un", [make_entity("un", i) for i in range(1, 11)]),
        file_sha256="c" * 64,
        origin="one",
    )

    def never() -> Iterator[Entity]:
        raise AssertionError("an unchanged file must not be read again")
        yield  # pragma: no cover

    again = repo.import_snapshot(snapshot("un", never()), file_sha256="c" * 64, origin="two")
    assert again.unchanged
    assert again.id == first.id
    assert len(repo.versions("un")) == 1
    assert table_counts(store)["list_entities"] == 10
    # The same bytes for another dataset are a different version.
    other = repo.import_snapshot(
        snapshot("uk", [make_entity("uk", 1)]), file_sha256="c" * 64, origin="three"
    )
    assert not other.unchanged and other.id != first.id


@pytest.mark.parametrize("after", [0, 100, 1100])
def test_error_half_way_rolls_back_everything(store: Store, after: int) -> None:
    repo = ListRepository(store)
    repo.import_snapshot(
        snapshot("un", [make_entity("un", i) for i in range(1, 6)]),
        file_sha256="d" * 64,
        origin="before",
    )
    before_versions = repo.versions()
    before_counts = table_counts(store)

    entities = [make_entity("un", i) for i in range(1, 1500)]
    with pytest.raises(ListParseError, match=f"broken record after {after} entities"):
        repo.import_snapshot(
            snapshot("un", failing(entities, after)), file_sha256="e" * 64, origin="broken"
        )
    assert repo.versions() == before_versions
    assert table_counts(store) == before_counts
    assert [e.ref for e in repo.current_entities(["un"])] == [f"T{i:05d}" for i in range(1, 6)]


def test_rejected_count_rolls_back(store: Store) -> None:
    repo = ListRepository(store)

    def too_small(count: int) -> None:
        raise InputError(f"only {count} entities")

    with pytest.raises(InputError, match="only 3 entities"):
        repo.import_snapshot(
            snapshot("un", [make_entity("un", i) for i in range(3)]),
            file_sha256="f" * 64,
            origin="x",
            check_count=too_small,
        )
    assert table_counts(store)["list_versions"] == 0
    assert table_counts(store)["list_entities"] == 0


def test_duplicate_refs_empty_files_and_foreign_entities_are_rejected(store: Store) -> None:
    repo = ListRepository(store)
    twice = [make_entity("un", 1), make_entity("un", 2), make_entity("un", 1)]
    with pytest.raises(ListParseError, match="'T00001' appears twice"):
        repo.import_snapshot(snapshot("un", twice), file_sha256="1" * 64, origin="x")
    with pytest.raises(ListParseError, match="no entities"):
        repo.import_snapshot(snapshot("un", []), file_sha256="2" * 64, origin="x")
    with pytest.raises(InputError, match="from dataset 'uk'"):
        repo.import_snapshot(
            snapshot("un", [make_entity("uk", 1)]), file_sha256="3" * 64, origin="x"
        )
    assert table_counts(store) == dict.fromkeys(table_counts(store), 0)


def test_newest_version_follows_publication_date(store: Store) -> None:
    repo = ListRepository(store)
    new_date = datetime(2026, 2, 27, tzinfo=UTC)
    old_date = datetime(2025, 11, 20, 23, 0, 9, tzinfo=UTC)
    newer = repo.import_snapshot(
        snapshot("un", [make_entity("un", 1, remark="new")], published=new_date),
        file_sha256="4" * 64,
        origin="new",
    )
    # A backfilled older file, imported later, does not become current.
    older = repo.import_snapshot(
        snapshot("un", [make_entity("un", 1, remark="old")], published=old_date),
        file_sha256="5" * 64,
        origin="old",
    )
    assert [v.id for v in repo.versions("un")] == [older.id, newer.id]
    assert repo.versions("un")[0].published == old_date
    current = repo.current_version("un")
    assert current is not None and current.id == newer.id
    entity = repo.entity("un", "T00001")
    assert entity is not None and entity.remarks == "new"

    assert repo.version_at("un", old_date - timedelta(days=1)) is None
    at = repo.version_at("un", datetime(2026, 1, 1, tzinfo=UTC))
    assert at is not None and at.id == older.id
    at = repo.version_at("un", datetime(2026, 3, 1))  # naive means UTC
    assert at is not None and at.id == newer.id


def test_sources_select_by_publisher_prefix(store: Store) -> None:
    repo = ListRepository(store)
    for i, source in enumerate(["ofac_sdn", "ofac_cons", "uk", "un"]):
        repo.import_snapshot(
            snapshot(source, [make_entity(source, i)]), file_sha256=f"{i}" * 64, origin="x"
        )
    assert sorted(e.source for e in repo.current_entities(["ofac"])) == ["ofac_cons", "ofac_sdn"]
    assert [v.source for v in repo.versions("un")] == ["un"]
    assert sorted(e.source for e in repo.current_entities()) == [
        "ofac_cons",
        "ofac_sdn",
        "uk",
        "un",
    ]


def test_select_sources_is_exact_or_dataset_prefix() -> None:
    keys = ["eu_dprk_oj", "eu_fsf", "ofac_cons", "ofac_sdn", "uk", "un"]
    assert select_sources(keys, ["ofac"]) == ["ofac_cons", "ofac_sdn"]
    assert select_sources(keys, ["u"]) == []
    assert select_sources(keys, ["un", "eu_fsf"]) == ["eu_fsf", "un"]
    assert select_sources(keys, None) == keys


def test_delete_version_removes_its_rows(store: Store) -> None:
    repo = ListRepository(store)
    info = repo.import_snapshot(
        snapshot("un", [make_entity("un", i) for i in range(4)]), file_sha256="9" * 64, origin="x"
    )
    repo.delete_version(info.id)
    assert table_counts(store) == dict.fromkeys(table_counts(store), 0)


@pytest.mark.parametrize(
    "text",
    [
        "\u202eevil\u200b name",  # bidi override and zero-width space
        "😀 КІМ Чен Ин 김정은 金正恩",
        "‮\ufeffx",
    ],
)
def test_hostile_unicode_round_trips(store: Store, text: str) -> None:
    repo = ListRepository(store)
    entity = make_entity("un", 1)
    entity.names.append(Name(text, NameKind.WEAK_ALIAS))
    repo.import_snapshot(snapshot("un", [entity]), file_sha256="7" * 64, origin="x")
    stored = repo.entity("un", "T00001")
    assert stored is not None and stored.names[-1].full == text
    assert [e.ref for e in repo.find_by_name(text.upper())] == ["T00001"]


@pytest.mark.parametrize("text", ["A\x00B", "\ud800x"])
def test_unstorable_text_is_refused_the_same_on_every_backend(store: Store, text: str) -> None:
    repo = ListRepository(store)
    good = [make_entity("un", i) for i in range(1, 700)]
    bad = make_entity("un", 700)
    bad.extra["note"] = text
    with pytest.raises(ListParseError, match="entity 'T00700': text with a NUL or unpaired"):
        repo.import_snapshot(snapshot("un", [*good, bad]), file_sha256="8" * 64, origin="x")
    assert set(table_counts(store).values()) == {0}


def test_two_imports_of_the_same_file_at_once_store_one_version(store: Store) -> None:
    """The second import waits on the first (write lock / unique index), then reports the
    version the first stored as unchanged instead of failing."""
    first_started, results = threading.Event(), {}

    def slow(entities: list[Entity]) -> Iterator[Entity]:
        for i, entity in enumerate(entities):
            if i == 600:  # a batch is written: this transaction now holds the version row
                first_started.set()
                time.sleep(0.5)
            yield entity

    def run(name: str, entities: Iterator[Entity]) -> None:
        results[name] = ListRepository(store).import_snapshot(
            snapshot("un", entities), file_sha256="6" * 64, origin=name
        )

    entities = [make_entity("un", i) for i in range(1, 1001)]
    first = threading.Thread(target=run, args=("first", slow(entities)))
    first.start()
    assert first_started.wait(30)
    second = threading.Thread(target=run, args=("second", iter(entities)))
    second.start()
    first.join(60)
    second.join(60)
    assert not results["first"].unchanged and results["first"].entity_count == 1000
    assert results["second"].unchanged and results["second"].id == results["first"].id
    assert len(ListRepository(store).versions()) == 1
    assert table_counts(store)["list_entities"] == 1000
