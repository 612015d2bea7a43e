"""Designations that news mentions without naming the entities, linked to list entries.

A report such as "Washington had blacklisted two entities involved in Pyongyang's labor
export" is linked to a known designation (``data/designations.yaml``) when the
designating state, the topic, the number of entities and the date fit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import yaml

from sanctionwatch.compliance.model import Evidence
from sanctionwatch.compliance.parties import state_in
from sanctionwatch.errors import InputError

__all__ = [
    "DesignationEvent",
    "DesignationLink",
    "ListedEntity",
    "link_designations",
    "load_events",
]

WINDOW_DAYS = 120  # a report may mention a designation up to this long after it
_ACTION = re.compile(r"\b(blacklist\w*|designat\w*|sanction(?:ed|ing)|added to)\b", re.I)
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT = re.compile(
    r"\b(\d+|one|two|three|four|five|six)\s+(?:\w+\s+)?(entities|companies|firms|individuals)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ListedEntity:
    name: str
    ref: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class DesignationEvent:
    id: str
    authority: str
    list_source: str
    date: date
    obligation_id: str | None
    target_state: str | None
    topic: str
    keywords: tuple[str, ...]
    entities: tuple[ListedEntity, ...]


@dataclass(frozen=True, slots=True)
class DesignationLink:
    event: DesignationEvent
    evidence: Evidence
    why: str


def _event(raw: object) -> DesignationEvent:
    if not isinstance(raw, dict):
        raise InputError(f"designations data: an entry is not a mapping: {raw!r}")
    try:
        ents = raw["entities"]
        if not isinstance(ents, list) or not ents:
            raise TypeError("entities must be a non-empty list")
        when = raw["date"]
        return DesignationEvent(
            id=str(raw["id"]),
            authority=str(raw["authority"]),
            list_source=str(raw["list_source"]),
            date=when if isinstance(when, date) else date.fromisoformat(str(when)),
            obligation_id=str(raw["obligation_id"]) if raw.get("obligation_id") else None,
            target_state=str(raw["target_state"]) if raw.get("target_state") else None,
            topic=str(raw.get("topic", "")),
            keywords=tuple(str(k) for k in raw.get("keywords") or []),
            entities=tuple(
                ListedEntity(str(e["name"]), str(e["ref"]), str(e.get("note", ""))) for e in ents
            ),
        )
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"designations data: bad entry {raw.get('id')!r}: {exc}") from None


@lru_cache(maxsize=1)
def load_events() -> tuple[DesignationEvent, ...]:
    text = (
        resources.files("sanctionwatch.compliance")
        .joinpath("data/designations.yaml")
        .read_text(encoding="utf-8")
    )
    return tuple(_event(raw) for raw in yaml.safe_load(text) or [])


def _fits(ev: Evidence, event: DesignationEvent) -> str | None:
    text = ev.sentence
    if not _ACTION.search(text):
        return None
    low = text.lower()
    keyword = next((k for k in event.keywords if k.lower() in low), None)
    if keyword is None:
        return None
    who = ev.speaker_state or state_in(" ".join(p for p in (ev.affiliation, ev.speaker) if p))
    named = state_in(text)
    if event.authority not in (who, named):
        return None
    reasons = [f"designating state {event.authority}", f"topic (\u201c{keyword}\u201d)"]
    m = _COUNT.search(text)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _COUNTS[m.group(1).lower()]
        if n != len(event.entities):
            return None
        reasons.append(f"{n} entities")
    if ev.published is not None:
        if not event.date <= ev.published <= event.date + timedelta(days=WINDOW_DAYS):
            return None
        reasons.append(f"reported {(ev.published - event.date).days} days after {event.date}")
    return "matches on " + ", ".join(reasons)


def link_designations(
    evidence: Iterable[Evidence], events: Sequence[DesignationEvent] | None = None
) -> list[DesignationLink]:
    events = load_events() if events is None else events
    found: dict[tuple[str, str | None, int | None, str], DesignationLink] = {}
    for ev in evidence:
        for event in events:
            why = _fits(ev, event)
            if not why:
                continue
            # One sentence may give several claims (about China, about the US measure):
            # link it once, through the claim about the targeted state where there is one.
            key = (event.id, ev.document_id, ev.start, ev.sentence)
            have = found.get(key)
            if have is None or (ev.state == event.target_state != have.evidence.state):
                found[key] = DesignationLink(event, ev, why)
    return list(found.values())
