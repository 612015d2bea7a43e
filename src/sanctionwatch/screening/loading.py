"""Getting a screener for the CLI and the web: from list files or from the store.

The index is cached in ``<home>/screening/index-<key>.pkl`` where the key is derived
from the list versions (file hashes, or the store's version ids and hashes), so it
is rebuilt only when a list changes.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sanctionwatch.errors import InputError
from sanctionwatch.lists.model import Entity
from sanctionwatch.screening.screener import INDEX_FORMAT, Screener, index_key
from sanctionwatch.settings import Settings

__all__ = ["KEEP_INDEXES", "cache_path", "screener_from_files", "screener_from_store"]

# Saved indexes kept in ``<home>/screening`` (the most recently used ones); older ones
# are deleted when a new one is saved, so daily list updates do not fill the disk.
KEEP_INDEXES = 4


def cache_path(settings: Settings, key: str) -> Path:
    return settings.home / "screening" / f"index-v{INDEX_FORMAT}-{key}.pkl"


def _prune(folder: Path, keep: Path) -> None:
    """Delete all but the :data:`KEEP_INDEXES` most recently used saved indexes."""
    found = []
    for path in folder.glob("index-v*.pkl"):
        try:
            found.append((path.stat().st_mtime, path))
        except FileNotFoundError:  # deleted meanwhile by another process
            continue
    found.sort(reverse=True)
    for _, path in found[KEEP_INDEXES:]:
        if path != keep:
            path.unlink(missing_ok=True)


def _module(name: str, what: str) -> Any:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        raise InputError(f"{what} is not available in this installation ({name})") from exc


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    if path.is_dir():
        for child in sorted(p for p in path.iterdir() if p.is_file()):
            digest.update(child.name.encode())
            digest.update(child.read_bytes())
    else:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _cached(
    settings: Settings | None, key: str, build: Iterator[Entity], algorithm: str
) -> Screener:
    path = cache_path(settings, key) if settings is not None else None
    if path is not None:
        found = Screener.load(path, algorithm)
        if found is not None:
            path.touch()  # most recently used: kept by _prune
            return found
    screener = Screener.from_entities(build, algorithm)
    if path is not None:
        screener.save(path)
        _prune(path.parent, path)
    return screener


def screener_from_files(
    paths: Sequence[Path], settings: Settings | None = None, algorithm: str = "sw-v1"
) -> Screener:
    """A screener over list files parsed with :func:`lists.registry.parse_file`."""
    registry = _module("sanctionwatch.lists.registry", "list parsing")
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such list file")
    key = index_key(f"{p.resolve()}:{_file_digest(p)}" for p in paths)

    def entities() -> Iterator[Entity]:
        for path in paths:
            yield from registry.parse_file(path).entities

    return _cached(settings, key, entities(), algorithm)


def screener_from_store(
    settings: Settings, sources: Sequence[str] | None = None, algorithm: str = "sw-v1"
) -> Screener:
    """A screener over the newest version of each list in the store."""
    db = _module("sanctionwatch.store.db", "the store")
    repo_mod = _module("sanctionwatch.store.lists_repo", "the list store")
    store = db.open_store(settings)
    repo = repo_mod.ListRepository(store)
    versions = repo.versions()
    if sources:
        versions = [v for v in versions if any(v.source.startswith(s) for s in sources)]
    if not versions:
        raise InputError("no lists in the store; import one first or pass --list FILE")
    key = index_key(f"{v.source}:{v.id}:{v.sha256}" for v in versions)
    wanted = sorted({v.source for v in versions})
    return _cached(settings, key, repo.current_entities(wanted), algorithm)
