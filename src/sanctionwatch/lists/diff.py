"""What changed between two versions of a list: designations added, removed, and
changed (with the fields that changed).

:func:`diff_entities` is pure: it compares two maps of reference -> entity.
:func:`compare_versions` picks the two stored versions to compare.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sanctionwatch.errors import InputError
from sanctionwatch.lists.model import Entity
from sanctionwatch.store.entity_json import entity_json
from sanctionwatch.store.lists_repo import ListRepository, VersionInfo

__all__ = ["Change", "ListDiff", "VersionDiff", "compare_versions", "diff_entities"]

IGNORED_FIELDS = frozenset({"source"})


@dataclass(slots=True, frozen=True)
class Change:
    """One designation that was added, removed or changed."""

    action: str  # "added", "removed", "changed"
    ref: str
    name: str
    fields: tuple[str, ...] = ()
    before: dict[str, Any] = field(default_factory=dict)  # changed fields, old values
    after: dict[str, Any] = field(default_factory=dict)  # changed fields, new values


@dataclass(slots=True)
class ListDiff:
    added: list[Change]
    removed: list[Change]
    changed: list[Change]

    def all(self) -> list[Change]:
        return [*self.added, *self.removed, *self.changed]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, ...]:
    """Top-level fields whose values differ between two ``Entity.to_dict()`` forms."""
    keys = (set(old) | set(new)) - IGNORED_FIELDS
    return tuple(sorted(k for k in keys if old.get(k) != new.get(k)))


def _as_dict(entity: Entity) -> dict[str, Any]:
    try:
        return entity_json(entity)  # fast; refuses text no database stores
    except ValueError:
        return entity.to_dict()


def diff_entities(old: Mapping[str, Entity], new: Mapping[str, Entity]) -> ListDiff:
    """Compare two versions given as maps of list reference -> entity."""
    added = [Change("added", ref, new[ref].primary_name) for ref in sorted(new.keys() - old)]
    removed = [Change("removed", ref, old[ref].primary_name) for ref in sorted(old.keys() - new)]
    changed = []
    for ref in sorted(old.keys() & new.keys()):
        before, after = _as_dict(old[ref]), _as_dict(new[ref])
        fields = changed_fields(before, after)
        if fields:
            changed.append(
                Change(
                    "changed",
                    ref,
                    new[ref].primary_name,
                    fields,
                    {k: before.get(k) for k in fields},
                    {k: after.get(k) for k in fields},
                )
            )
    return ListDiff(added, removed, changed)


@dataclass(slots=True)
class VersionDiff:
    source: str
    old: VersionInfo
    new: VersionInfo
    diff: ListDiff


def compare_versions(repo: ListRepository, source: str, since: date | None = None) -> VersionDiff:
    """The newest version of one dataset against the previous one, or against the
    version that was current at the start of ``since`` (UTC)."""
    history = [v for v in repo.versions(source) if v.source == source]
    if not history:
        raise InputError(f"no version of {source!r} is stored; run `sanctionwatch update`")
    newest = history[-1]
    if since is None:
        if len(history) < 2:
            raise InputError(f"only one version of {source!r} is stored; nothing to compare")
        base = history[-2]
    else:
        found = repo.version_at(source, datetime.combine(since, time(0), tzinfo=UTC))
        if found is None:
            raise InputError(
                f"no version of {source!r} was current on {since.isoformat()}; the oldest "
                f"stored is from {history[0].effective.date().isoformat()}"
            )
        base = found
    diff = diff_entities(repo.entity_map(base.id), repo.entity_map(newest.id))
    return VersionDiff(source, base, newest, diff)
