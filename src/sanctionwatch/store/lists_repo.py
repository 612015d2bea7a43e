"""The canonical store of official lists: import a parsed snapshot as a new version,
list versions, and read the entities of any version back.

An import is one transaction: either the whole version (its row, every entity, every
name and identifier) is stored, or nothing is. Importing a file whose SHA-256 is
already stored for that dataset stores nothing and reports the version as unchanged.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import islice
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.exc import IntegrityError

from sanctionwatch.errors import InputError, ListParseError, NotFoundError, StoreError
from sanctionwatch.lists.model import Entity, ListSnapshot
from sanctionwatch.store.db import Store
from sanctionwatch.store.entity_json import entity_json
from sanctionwatch.store.lists_tables import (
    ListEntityRow,
    ListIdentifierRow,
    ListNameRow,
    ListVersionRow,
)

__all__ = ["ListRepository", "VersionInfo", "name_key", "select_sources"]

BATCH = 500
ENTITIES = cast(Table, ListEntityRow.__table__)
NAMES = cast(Table, ListNameRow.__table__)
IDENTIFIERS = cast(Table, ListIdentifierRow.__table__)


@dataclass(slots=True, frozen=True)
class VersionInfo:
    """One stored version of one dataset."""

    id: int
    source: str
    format: str
    published: datetime | None
    imported_at: datetime
    sha256: str
    entity_count: int
    origin: str
    etag: str | None = None
    last_modified: str | None = None
    unchanged: bool = False  # True when an import found this exact file already stored

    @property
    def effective(self) -> datetime:
        """The moment this version speaks for: its publication date, else its import."""
        return self.published or self.imported_at

    @property
    def label(self) -> str:
        """A short provenance label, e.g. ``un@2026-02-27#3``."""
        return f"{self.source}@{self.effective.date().isoformat()}#{self.id}"


def name_key(text: str) -> str:
    """The lookup key of a name: casefolded, whitespace collapsed."""
    return " ".join(text.casefold().split())


def select_sources(available: Iterable[str], wanted: Sequence[str] | None) -> list[str]:
    """Dataset keys matching ``wanted``: a key matches itself and its ``key_*`` datasets,
    so "ofac" selects "ofac_sdn" and "ofac_cons". ``None`` selects everything."""
    keys = sorted(set(available))
    if not wanted:
        return keys
    return [k for k in keys if any(k == w or k.startswith(f"{w}_") for w in wanted)]


_gc_lock = threading.Lock()
_gc_users = 0
_gc_saved: tuple[int, int, int] = (0, 0, 0)


@contextmanager
def _few_full_collections() -> Iterator[None]:
    """Hold off the garbage collector's full (oldest-generation) passes while one large
    version is built. An import creates hundreds of thousands of long-lived objects; each
    full pass walks all of them, and the collector's default trigger runs one every time
    the heap has grown by a quarter (about 0.6 CPU s per UK import). The young
    generations are still collected; the thresholds are restored afterwards."""
    global _gc_users, _gc_saved
    with _gc_lock:
        if _gc_users == 0:
            _gc_saved = gc.get_threshold()
            young, middle, _ = _gc_saved
            gc.set_threshold(young, middle, 1_000_000)
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0:
                gc.set_threshold(*_gc_saved)


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _info(row: ListVersionRow) -> VersionInfo:
    imported = _utc(row.imported_at)
    assert imported is not None
    return VersionInfo(
        id=row.id,
        source=row.source,
        format=row.format,
        published=_utc(row.published),
        imported_at=imported,
        sha256=row.sha256,
        entity_count=row.entity_count,
        origin=row.origin,
        etag=row.etag,
        last_modified=row.last_modified,
    )


def _order(versions: Iterable[VersionInfo]) -> list[VersionInfo]:
    """Oldest first: by publication date (import time when the file states none), then id."""
    return sorted(versions, key=lambda v: (v.effective, v.id))


class ListRepository:
    """Versions and entities of the official lists, in one :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- writing -------------------------------------------------------------------

    def import_snapshot(
        self,
        snapshot: ListSnapshot,
        *,
        file_sha256: str,
        origin: str,
        etag: str | None = None,
        last_modified: str | None = None,
        check_count: Callable[[int], None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> VersionInfo:
        """Store ``snapshot`` as a new version of ``snapshot.source``, atomically.

        ``check_count`` is called with the number of entities before the commit and may
        raise to reject the import. ``progress`` is called with the count so far after
        every batch. Any error (from the parser's iterator, a check, or the database)
        rolls the whole import back.
        """
        try:
            found = self._by_sha(snapshot.source, file_sha256)
            if found is not None:
                return replace(found, unchanged=True)
            with _few_full_collections(), self.store.session() as session:
                row = ListVersionRow(
                    source=snapshot.source,
                    format=snapshot.format,
                    published=_utc(snapshot.published),
                    imported_at=datetime.now(UTC),
                    sha256=file_sha256,
                    origin=origin,
                    entity_count=0,
                    etag=etag,
                    last_modified=last_modified,
                )
                session.add(row)
                session.flush()
                count = self._insert_entities(session, row.id, snapshot, progress)
                if count == 0:
                    raise ListParseError(snapshot.path, "the file holds no entities")
                if check_count is not None:
                    check_count(count)
                row.entity_count = count
                info = _info(row)
        except IntegrityError as exc:
            # Another process stored the same file while this import ran.
            stored = self._by_sha(snapshot.source, file_sha256)
            if stored is not None:
                return replace(stored, unchanged=True)
            raise StoreError(f"cannot store {snapshot.source} from {origin}: {exc.orig}") from exc
        return info

    def _by_sha(self, source: str, sha256: str) -> VersionInfo | None:
        with self.store.session() as session:
            row = session.scalar(
                select(ListVersionRow).where(
                    ListVersionRow.source == source, ListVersionRow.sha256 == sha256
                )
            )
            return _info(row) if row is not None else None

    def _insert_entities(
        self,
        session: Any,
        version_id: int,
        snapshot: ListSnapshot,
        progress: Callable[[int], None] | None,
    ) -> int:
        seen: set[str] = set()
        count = 0
        iterator = iter(snapshot.entities)
        while batch := list(islice(iterator, BATCH)):
            rows: list[dict[str, Any]] = []
            names: list[dict[str, Any]] = []
            idents: list[dict[str, Any]] = []
            for entity in batch:
                ref = entity.ref
                if entity.source != snapshot.source:
                    raise InputError(
                        f"{snapshot.path}: entity {ref!r} is from dataset "
                        f"{entity.source!r}, not {snapshot.source!r}"
                    )
                if ref in seen:
                    raise ListParseError(snapshot.path, f"reference {ref!r} appears twice")
                seen.add(ref)
                try:
                    data = entity_json(entity)
                except ValueError as exc:
                    raise ListParseError(snapshot.path, f"entity {ref!r}: {exc}") from exc
                rows.append(
                    {
                        "version_id": version_id,
                        "ref": ref,
                        "kind": entity.kind.value,
                        "name": entity.primary_name,
                        "data": data,
                    }
                )
                names.extend(
                    {
                        "version_id": version_id,
                        "ref": ref,
                        "name": n.full,
                        "key": name_key(n.full),
                        "kind": n.kind.value,
                    }
                    for n in entity.names
                )
                idents.extend(
                    {
                        "version_id": version_id,
                        "ref": ref,
                        "kind": i.kind.value,
                        "value": i.value,
                        "country": i.country,
                    }
                    for i in entity.identifiers
                )
            session.execute(insert(ENTITIES), rows)
            if names:
                session.execute(insert(NAMES), names)
            if idents:
                session.execute(insert(IDENTIFIERS), idents)
            count += len(batch)
            if progress is not None:
                progress(count)
        return count

    def set_http_validators(
        self, version_id: int, *, etag: str | None, last_modified: str | None
    ) -> None:
        """Remember the ETag / Last-Modified of the download that produced a version."""
        with self.store.session() as session:
            row = session.get(ListVersionRow, version_id)
            if row is None:
                raise NotFoundError(f"no list version {version_id}")
            row.etag = etag
            row.last_modified = last_modified

    def delete_version(self, version_id: int) -> None:
        """Remove one version and everything stored with it."""
        with self.store.session() as session:
            if session.get(ListVersionRow, version_id) is None:
                raise NotFoundError(f"no list version {version_id}")
            session.execute(delete(ListNameRow).where(ListNameRow.version_id == version_id))
            session.execute(
                delete(ListIdentifierRow).where(ListIdentifierRow.version_id == version_id)
            )
            session.execute(delete(ListEntityRow).where(ListEntityRow.version_id == version_id))
            session.execute(delete(ListVersionRow).where(ListVersionRow.id == version_id))

    # --- versions ------------------------------------------------------------------

    def versions(self, source: str | None = None) -> list[VersionInfo]:
        """Stored versions, oldest first per dataset; ``source`` selects datasets as
        :func:`select_sources` does."""
        with self.store.session() as session:
            rows = session.scalars(select(ListVersionRow)).all()
            infos = [_info(r) for r in rows]
        keys = set(select_sources({v.source for v in infos}, [source] if source else None))
        chosen = [v for v in infos if v.source in keys]
        return sorted(_order(chosen), key=lambda v: v.source)

    def sources(self) -> list[str]:
        with self.store.session() as session:
            return sorted(set(session.scalars(select(ListVersionRow.source)).all()))

    def version(self, version_id: int) -> VersionInfo | None:
        with self.store.session() as session:
            row = session.get(ListVersionRow, version_id)
            return _info(row) if row is not None else None

    def current_version(self, source: str) -> VersionInfo | None:
        """The newest version of exactly one dataset."""
        history = [v for v in self.versions(source) if v.source == source]
        return history[-1] if history else None

    def version_at(self, source: str, when: datetime) -> VersionInfo | None:
        """The version of ``source`` that was current at ``when`` (None before the first)."""
        moment = _utc(when)
        assert moment is not None
        history = [v for v in self.versions(source) if v.source == source]
        earlier = [v for v in history if v.effective <= moment]
        return earlier[-1] if earlier else None

    # --- entities ------------------------------------------------------------------

    def entities_of(self, version_id: int) -> Iterator[Entity]:
        """Every entity of one version, in stored order (streamed)."""
        query = (
            select(ListEntityRow.data)
            .where(ListEntityRow.version_id == version_id)
            .order_by(ListEntityRow.id)
        )
        with self.store.engine.connect() as conn:
            for (data,) in conn.execution_options(yield_per=BATCH).execute(query):
                yield Entity.from_dict(data)

    def entity_map(self, version_id: int) -> dict[str, Entity]:
        return {e.ref: e for e in self.entities_of(version_id)}

    def current_entities(self, sources: Sequence[str] | None = None) -> Iterator[Entity]:
        """Entities of the newest version of each selected dataset."""
        for key in select_sources(self.sources(), sources):
            current = self.current_version(key)
            if current is not None:
                yield from self.entities_of(current.id)

    def entity(self, source: str, ref: str) -> Entity | None:
        """One entity of the newest version of ``source``, by its list reference."""
        current = self.current_version(source)
        if current is None:
            return None
        with self.store.session() as session:
            data = session.scalar(
                select(ListEntityRow.data).where(
                    ListEntityRow.version_id == current.id, ListEntityRow.ref == ref
                )
            )
        return Entity.from_dict(data) if data is not None else None

    def find_by_name(self, name: str, sources: Sequence[str] | None = None) -> list[Entity]:
        """Current entities having a name equal to ``name`` (casefolded, spaces collapsed)."""
        return self._lookup(
            select(ListEntityRow.id, ListEntityRow.version_id, ListEntityRow.data)
            .join(
                ListNameRow,
                (ListNameRow.version_id == ListEntityRow.version_id)
                & (ListNameRow.ref == ListEntityRow.ref),
            )
            .where(ListNameRow.key == name_key(name)),
            sources,
        )

    def find_by_identifier(self, value: str, sources: Sequence[str] | None = None) -> list[Entity]:
        """Current entities carrying the identifier ``value`` (exact match)."""
        return self._lookup(
            select(ListEntityRow.id, ListEntityRow.version_id, ListEntityRow.data)
            .join(
                ListIdentifierRow,
                (ListIdentifierRow.version_id == ListEntityRow.version_id)
                & (ListIdentifierRow.ref == ListEntityRow.ref),
            )
            .where(ListIdentifierRow.value == value.strip()),
            sources,
        )

    def _lookup(self, query: Any, sources: Sequence[str] | None) -> list[Entity]:
        current = {
            v.id
            for key in select_sources(self.sources(), sources)
            if (v := self.current_version(key)) is not None
        }
        with self.store.session() as session:
            rows = session.execute(query.order_by(ListEntityRow.id)).all()
        found: dict[int, Entity] = {}
        for entity_id, version_id, data in rows:
            if version_id in current and entity_id not in found:
                found[entity_id] = Entity.from_dict(data)
        return list(found.values())
