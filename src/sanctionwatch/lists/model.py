"""The canonical model every list parser produces and every other package reads.

Plain ``__slots__`` dataclasses: they sit on the hot path (parsing tens of thousands
of entries, building the screening index), so no validation happens here; parsers
are responsible for handing over clean values. ``to_dict``/``from_dict`` give the
JSON form stored in the database and exported to users.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

__all__ = [
    "Address",
    "BirthDate",
    "Entity",
    "EntityKind",
    "Identifier",
    "IdentifierKind",
    "ListSnapshot",
    "Name",
    "NameKind",
    "PartialDate",
]


class EntityKind(enum.StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"


class NameKind(enum.StrEnum):
    PRIMARY = "primary"
    STRONG_ALIAS = "strong_alias"  # a.k.a., good quality
    WEAK_ALIAS = "weak_alias"  # low quality / f.k.a. fragments
    ORIGINAL_SCRIPT = "original_script"  # name as written in its own script
    FORMER = "former"  # formerly known as


class IdentifierKind(enum.StrEnum):
    PASSPORT = "passport"
    NATIONAL_ID = "national_id"
    IMO = "imo"
    MMSI = "mmsi"
    CALL_SIGN = "call_sign"
    SWIFT_BIC = "swift_bic"
    TAX_ID = "tax_id"
    REGISTRATION = "registration"
    OTHER = "other"


@dataclass(slots=True, frozen=True)
class PartialDate:
    """A date known to year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise."""
        parts = text.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
            raise ValueError(f"not a partial ISO date: {text!r}")
        nums = [int(p) for p in parts]
        if len(nums) == 3:
            date(nums[0], nums[1], nums[2])  # validates the day
            return cls(nums[0], nums[1], nums[2])
        if len(nums) == 2:
            if not 1 <= nums[1] <= 12:
                raise ValueError(f"month out of range: {text!r}")
            return cls(nums[0], nums[1])
        return cls(nums[0])


@dataclass(slots=True)
class Name:
    full: str
    kind: NameKind = NameKind.PRIMARY
    given: str | None = None
    middle: str | None = None
    family: str | None = None
    script: str | None = None  # e.g. "Hang", "Cyrl", "Arab" (ISO 15924) when known
    lang: str | None = None


@dataclass(slots=True)
class BirthDate:
    """One stated birth date: exact, year/month only, or a range (``start``..``end``).

    ``approximate`` marks the list's own "circa"/"approximately". ``text`` keeps the
    value as the list wrote it.
    """

    start: PartialDate
    end: PartialDate | None = None
    approximate: bool = False
    text: str | None = None

    def years(self) -> range:
        last = self.end.year if self.end else self.start.year
        return range(self.start.year, last + 1)


@dataclass(slots=True)
class Address:
    full: str | None = None
    street: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 where known, else the list's text
    note: str | None = None


@dataclass(slots=True)
class Identifier:
    kind: IdentifierKind
    value: str
    country: str | None = None
    note: str | None = None


@dataclass(slots=True)
class Entity:
    """One designation on one official list, as published in one version of it."""

    source: str  # "un", "ofac", "eu", "uk", "ftm"
    ref: str  # the list's own reference: UN "KPi.066", OFAC ent_num, UK Group ID
    kind: EntityKind
    names: list[Name] = field(default_factory=list)
    birth_dates: list[BirthDate] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    gender: str | None = None  # "male", "female" or None
    titles: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)  # e.g. "DPRK" (UN 1718), "DPRK3"
    listed_on: date | None = None
    remarks: str | None = None
    extra: dict[str, str] = field(default_factory=dict)  # source-specific fields kept verbatim

    @property
    def primary_name(self) -> str:
        for name in self.names:
            if name.kind is NameKind.PRIMARY:
                return name.full
        return self.names[0].full if self.names else ""

    def all_names(self) -> Iterator[Name]:
        yield from self.names

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(asdict(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        def pd(d: dict[str, Any] | None) -> PartialDate | None:
            return PartialDate(**d) if d else None

        return cls(
            source=data["source"],
            ref=data["ref"],
            kind=EntityKind(data["kind"]),
            names=[
                Name(**{**n, "kind": NameKind(n.get("kind", "primary"))})
                for n in data.get("names", [])
            ],
            birth_dates=[
                BirthDate(
                    start=PartialDate(**b["start"]),
                    end=pd(b.get("end")),
                    approximate=b.get("approximate", False),
                    text=b.get("text"),
                )
                for b in data.get("birth_dates", [])
            ],
            birth_places=list(data.get("birth_places", [])),
            nationalities=list(data.get("nationalities", [])),
            addresses=[Address(**a) for a in data.get("addresses", [])],
            identifiers=[
                Identifier(**{**i, "kind": IdentifierKind(i["kind"])})
                for i in data.get("identifiers", [])
            ],
            gender=data.get("gender"),
            titles=list(data.get("titles", [])),
            positions=list(data.get("positions", [])),
            programmes=list(data.get("programmes", [])),
            listed_on=date.fromisoformat(data["listed_on"]) if data.get("listed_on") else None,
            remarks=data.get("remarks"),
            extra=dict(data.get("extra", {})),
        )


@dataclass(slots=True)
class ListSnapshot:
    """A parsed list file: its metadata and a stream of entities.

    ``entities`` is an iterator so that large files are never held in memory by the
    parser; the store consumes it inside one transaction.
    """

    source: str
    format: str
    published: datetime | None
    entities: Iterator[Entity]
    path: str | None = None
    declared_count: int | None = None  # a count the file states about itself, if any


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value
