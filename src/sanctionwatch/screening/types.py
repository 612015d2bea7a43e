"""What a screening asks (:class:`Query`) and what it answers (:class:`Match`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sanctionwatch.errors import InputError
from sanctionwatch.lists.model import Entity, EntityKind, PartialDate

__all__ = ["MAX_NAME_LENGTH", "Feature", "Match", "Query", "parse_kind"]

MAX_NAME_LENGTH = 500
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_KIND_ALIASES = {
    "person": EntityKind.PERSON,
    "individual": EntityKind.PERSON,
    "organisation": EntityKind.ORGANISATION,
    "organization": EntityKind.ORGANISATION,
    "company": EntityKind.ORGANISATION,
    "entity": EntityKind.ORGANISATION,
    "legalentity": EntityKind.ORGANISATION,
    "vessel": EntityKind.VESSEL,
    "ship": EntityKind.VESSEL,
    "aircraft": EntityKind.AIRCRAFT,
    "airplane": EntityKind.AIRCRAFT,
}


def parse_kind(text: str | EntityKind | None) -> EntityKind | None:
    """``person``, ``organisation`` (``company``, ``entity``), ``vessel`` or ``aircraft``."""
    if text is None or isinstance(text, EntityKind):
        return text
    key = text.strip().lower().replace(" ", "").replace("_", "")
    if not key:
        return None
    if key not in _KIND_ALIASES:
        raise InputError(f"unknown kind {text!r}: use person, organisation, vessel or aircraft")
    return _KIND_ALIASES[key]


@dataclass(slots=True)
class Query:
    """A name to screen, in any script, with optional facts that sharpen the result.

    ``birth_date`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``country`` an ISO code
    or a country name; ``identifiers`` IMO numbers, passport numbers and the like.
    Construction checks everything and raises :class:`InputError` on bad input.
    """

    name: str
    kind: EntityKind | None = None
    birth_date: str | None = None
    country: str | None = None
    identifiers: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise InputError("the name to screen must be text")
        cleaned = _CONTROL.sub(" ", self.name).strip()
        if not cleaned and not self.identifiers:
            raise InputError("the name to screen is empty")
        if len(cleaned) > MAX_NAME_LENGTH:
            raise InputError(
                f"the name to screen is {len(cleaned):,} characters long; "
                f"the limit is {MAX_NAME_LENGTH}"
            )
        self.name = cleaned
        self.kind = parse_kind(self.kind)
        if self.birth_date is not None:
            self.birth_date = self.birth_date.strip() or None
        if self.birth_date is not None:
            try:
                parsed = PartialDate.parse(self.birth_date)
                if not 1800 <= parsed.year <= 2100 or len(self.birth_date.split("-")[0]) != 4:
                    raise ValueError("year out of range")
            except ValueError as exc:
                raise InputError(
                    f"birth date {self.birth_date!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
                ) from exc
        if self.country is not None:
            self.country = self.country.strip() or None
        self.identifiers = [i.strip() for i in self.identifiers if i and i.strip()]

    @property
    def birth(self) -> PartialDate | None:
        return PartialDate.parse(self.birth_date) if self.birth_date else None


@dataclass(slots=True)
class Feature:
    """One piece of evidence: its name, the value observed, its contribution to the
    score (``weight``, positive or negative) and a readable ``detail``."""

    name: str
    value: float
    weight: float
    detail: str

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "value": self.value,
            "weight": self.weight,
            "detail": self.detail,
        }


@dataclass(slots=True)
class Match:
    """A list entry that resembles the query, with the evidence for it."""

    entity: Entity
    score: float
    matched_name: str
    explanation: list[Feature] = field(default_factory=list)
    decision: object | None = None  # a screening.decisions.Decision, when one exists

    @property
    def key(self) -> str:
        return f"{self.entity.source}:{self.entity.ref}"
