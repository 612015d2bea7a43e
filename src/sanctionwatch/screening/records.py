"""What the index keeps of each entity: its facts pre-digested for scoring, the entity
itself serialised until shown, and a table that builds such objects when first read."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from sanctionwatch.lists.model import Entity, EntityKind, IdentifierKind

__all__ = ["Birth", "EntityRecord", "LazyTable", "clean_identifier"]

_ENTITY_KINDS = {kind.value: kind for kind in EntityKind}
T = TypeVar("T")
_NON_ALNUM = re.compile(r"[^0-9A-Z]")
_IMO_PREFIX = re.compile(r"^IMO")


def clean_identifier(value: str) -> str:
    """Upper-case alphanumerics only: ``"IMO 9,123,456"`` -> ``"9123456"``."""
    text = _NON_ALNUM.sub("", value.upper())
    return _IMO_PREFIX.sub("", text) if len(text) == 10 else text


Birth = tuple[int, int | None, int | None, int | None, bool]  # year, month, day, end year, approx


class EntityRecord:
    """An entity with its facts pre-digested for scoring. In a loaded index the entity
    itself stays serialised until it is shown."""

    __slots__ = (
        "_blob",
        "_entity",
        "births",
        "countries",
        "identifiers",
        "imos",
        "kind",
        "names",
        "primary",
        "ref",
        "source",
    )

    def __init__(self, entity: Entity) -> None:
        self._entity: Entity | None = entity
        self._blob: bytes | None = None
        self.source, self.ref, self.primary = entity.source, entity.ref, entity.primary_name
        self.kind = entity.kind
        self.names: list[int] = []
        countries = {c.lower() for c in entity.nationalities if c}
        countries.update(a.country.lower() for a in entity.addresses if a.country)
        self.countries = frozenset(countries)
        ids: dict[str, str] = {}
        imos: set[str] = set()
        for ident in entity.identifiers:
            cleaned = clean_identifier(ident.value)
            if cleaned:
                ids[cleaned] = ident.kind.value
                if ident.kind is IdentifierKind.IMO:
                    imos.add(cleaned)
        self.identifiers = ids
        self.imos = frozenset(imos)
        self.births: list[Birth] = [
            (b.start.year, b.start.month, b.start.day, b.end.year if b.end else None, b.approximate)
            for b in entity.birth_dates
        ]

    @property
    def entity(self) -> Entity:
        if self._entity is None:
            assert self._blob is not None
            self._entity = pickle.loads(self._blob)
        return self._entity

    def state(self) -> tuple[object, ...]:
        if self._blob is None:
            self._blob = pickle.dumps(self._entity, protocol=pickle.HIGHEST_PROTOCOL)
        return (
            self._blob,
            self.source,
            self.ref,
            self.primary,
            self.kind.value,
            self.names,
            tuple(self.countries),
            self.identifiers,
            tuple(self.imos),
            self.births,
        )

    @classmethod
    def from_state(cls, state: tuple[Any, ...]) -> EntityRecord:
        record = cls.__new__(cls)
        record._entity = None
        (
            record._blob,
            record.source,
            record.ref,
            record.primary,
            kind,
            record.names,
            countries,
            record.identifiers,
            imos,
            record.births,
        ) = state
        record.kind = _ENTITY_KINDS[kind]
        record.countries = frozenset(countries)
        record.imos = frozenset(imos)
        return record


class LazyTable(Generic[T]):
    """A list whose items stay in their saved form (plain tuples) until first read.

    Loading an index then costs one unpickling of tuples, and a query builds only the
    few names and entities it touches."""

    __slots__ = ("_items", "_make")

    def __init__(self, items: list[Any], make: Callable[[Any], T]) -> None:
        self._items = items
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i: int) -> T:
        item = self._items[i]
        if type(item) is tuple:
            item = self._items[i] = self._make(item)
        return item

    def __iter__(self) -> Iterator[T]:
        for i in range(len(self._items)):
            yield self[i]

    def materialise(self) -> list[T]:
        """Every item built: the list itself, for callers that will touch most items."""
        make = self._make
        items = self._items
        for i, item in enumerate(items):
            if type(item) is tuple:
                items[i] = make(item)
        return items
