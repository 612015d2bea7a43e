"""Printing what changed between list versions as a table, JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from rich.console import Console
from rich.table import Table

from sanctionwatch.errors import InputError
from sanctionwatch.lists.diff import VersionDiff, compare_versions
from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store
from sanctionwatch.store.lists_repo import ListRepository, VersionInfo, select_sources

__all__ = ["CHANGE_FORMATS", "changes_as_json", "collect_changes", "render_changes"]

CHANGE_FORMATS = ("table", "json", "csv")


def collect_changes(
    settings: Settings, sources: Sequence[str] | None, since: date | None
) -> tuple[list[VersionDiff], list[str]]:
    """Diffs of every selected dataset, and notes on those that have nothing to compare.

    With one dataset selected, having nothing to compare is an error; with several, the
    others are still reported.
    """
    store = open_store(settings)
    try:
        repo = ListRepository(store)
        keys = select_sources(repo.sources(), sources)
        if not keys:
            wanted = ", ".join(sources or []) or "any source"
            raise InputError(f"nothing stored for {wanted}; run `sanctionwatch update` first")
        if len(keys) == 1:
            return [compare_versions(repo, keys[0], since)], []
        diffs, notes = [], []
        for key in keys:
            try:
                diffs.append(compare_versions(repo, key, since))
            except InputError as exc:
                notes.append(exc.message)
        if not diffs:
            raise InputError("; ".join(notes))
        return diffs, notes
    finally:
        store.dispose()


def _version(v: VersionInfo) -> dict[str, Any]:
    return {
        "id": v.id,
        "published": v.published.isoformat() if v.published else None,
        "sha256": v.sha256,
        "entity_count": v.entity_count,
    }


def changes_as_json(diffs: Sequence[VersionDiff]) -> list[dict[str, Any]]:
    return [
        {
            "source": d.source,
            "old_version": _version(d.old),
            "new_version": _version(d.new),
            "added": [{"ref": c.ref, "name": c.name} for c in d.diff.added],
            "removed": [{"ref": c.ref, "name": c.name} for c in d.diff.removed],
            "changed": [
                {
                    "ref": c.ref,
                    "name": c.name,
                    "fields": list(c.fields),
                    "before": c.before,
                    "after": c.after,
                }
                for c in d.diff.changed
            ],
        }
        for d in diffs
    ]


def render_changes(
    settings: Settings,
    sources: Sequence[str] | None,
    since: date | None,
    fmt: str,
    console: Console,
) -> None:
    if fmt not in CHANGE_FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(CHANGE_FORMATS)}")
    diffs, notes = collect_changes(settings, sources, since)
    for note in notes:
        Console(stderr=True).print(f"note: {note}", highlight=False, markup=False)
    if fmt == "json":
        text = json.dumps(changes_as_json(diffs), ensure_ascii=False, indent=2)
        sys.stdout.write(text + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["source", "change", "ref", "name", "fields", "old_version", "new_version"])
        for d in diffs:
            for c in d.diff.all():
                writer.writerow(
                    [d.source, c.action, c.ref, c.name, ";".join(c.fields), d.old.id, d.new.id]
                )
        return
    for d in diffs:
        title = (
            f"{d.source}: version {d.new.id} ({d.new.effective.date()}) vs "
            f"{d.old.id} ({d.old.effective.date()}): {len(d.diff.added)} added, "
            f"{len(d.diff.removed)} removed, {len(d.diff.changed)} changed"
        )
        console.print(title, highlight=False, soft_wrap=True)
        if d.diff.empty:
            continue
        table = Table("change", "ref", "name", "fields")
        for c in d.diff.all():
            table.add_row(c.action, c.ref, c.name, ", ".join(c.fields))
        console.print(table)
