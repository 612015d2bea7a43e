"""Export the current version of each stored list as FtM JSON lines, JSON lines, or CSV.

Every exported record names the version it comes from (dataset, publication date,
SHA-256 of the file), so an export traces back to the official file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from sanctionwatch.errors import InputError
from sanctionwatch.lists.model import Entity
from sanctionwatch.store.lists_repo import ListRepository, VersionInfo, select_sources

__all__ = ["CSV_COLUMNS", "EXPORT_FORMATS", "export_entities"]

EXPORT_FORMATS = ("ftm", "json", "csv")
CSV_COLUMNS = (
    "source",
    "ref",
    "kind",
    "name",
    "aliases",
    "birth_dates",
    "nationalities",
    "identifiers",
    "programmes",
    "listed_on",
    "version_id",
    "version_published",
    "version_sha256",
)


def current(
    repo: ListRepository, sources: Sequence[str] | None
) -> Iterator[tuple[VersionInfo, Entity]]:
    for key in select_sources(repo.sources(), sources):
        version = repo.current_version(key)
        if version is not None:
            for entity in repo.entities_of(version.id):
                yield version, entity


def _provenance(version: VersionInfo) -> dict[str, Any]:
    return {
        "id": version.id,
        "source": version.source,
        "format": version.format,
        "published": version.published.isoformat() if version.published else None,
        "sha256": version.sha256,
        "origin": version.origin,
    }


def _csv_row(version: VersionInfo, entity: Entity) -> list[str]:
    primary = entity.primary_name
    return [
        entity.source,
        entity.ref,
        entity.kind.value,
        primary,
        "; ".join(n.full for n in entity.names if n.full != primary),
        "; ".join(b.text or str(b.start) for b in entity.birth_dates),
        "; ".join(entity.nationalities),
        "; ".join(f"{i.kind.value}:{i.value}" for i in entity.identifiers),
        "; ".join(entity.programmes),
        entity.listed_on.isoformat() if entity.listed_on else "",
        str(version.id),
        version.published.isoformat() if version.published else "",
        version.sha256,
    ]


def export_entities(
    repo: ListRepository, fmt: str, out: TextIO, sources: Sequence[str] | None = None
) -> int:
    """Write the current entities of the selected datasets to ``out``; return the count."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if not select_sources(repo.sources(), sources):
        wanted = ", ".join(sources or []) or "any source"
        raise InputError(f"nothing stored for {wanted}; run `sanctionwatch update` first")
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for version, entity in current(repo, sources):
            writer.writerow(_csv_row(version, entity))
            count += 1
    elif fmt == "json":
        for version, entity in current(repo, sources):
            record = {**entity.to_dict(), "version": _provenance(version)}
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    else:
        from sanctionwatch.lists.ftm import entity_to_ftm

        for version, entity in current(repo, sources):
            obj = entity_to_ftm(entity, dataset_version=version.label)
            out.write(json.dumps(obj, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count
