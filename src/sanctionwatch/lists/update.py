"""Bringing the store up to date: download the official files (or take local ones),
check that they parse and look complete, and store each as a new version.

Downloads use conditional GET (the ETag / Last-Modified stored with the current
version), retry transport errors and 5xx answers with exponential backoff, and land in
a temporary folder that is removed afterwards. The store only ever sees a file that
parsed completely and passed the sanity checks: the import is one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx

from sanctionwatch.errors import InputError, ListParseError, SanctionwatchError
from sanctionwatch.lists.download import USER_AGENT, QuietReporter, Reporter, download
from sanctionwatch.lists.model import ListSnapshot
from sanctionwatch.lists.sources import Manifest, Source, load_manifest
from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store
from sanctionwatch.store.lists_repo import ListRepository, VersionInfo, select_sources

__all__ = ["Outcome", "file_sha256", "import_from", "update_sources"]

OFAC_SIBLINGS = ("alt.csv", "add.csv", "sdn_comments.csv")


@dataclass(slots=True)
class Outcome:
    """What happened to one dataset or file: new, unchanged, not modified, skipped, failed."""

    source: str
    status: str
    origin: str
    version: VersionInfo | None = None
    message: str = ""

    @property
    def failed(self) -> bool:
        return self.status == "failed"


# --- files -----------------------------------------------------------------------------


def list_files(path: Path, fmt: str) -> list[Path]:
    """The files one list consists of: OFAC's sdn.csv comes with its sibling files."""
    if fmt == "ofac-csv":
        folder = path if path.is_dir() else path.parent
        main = path if path.is_file() else folder / "sdn.csv"
        return [main, *(folder / n for n in OFAC_SIBLINGS if (folder / n).is_file())]
    return [path]


def file_sha256(paths: Sequence[Path]) -> str:
    """SHA-256 of one file; for several, of their names and digests in order."""
    digests = []
    for path in paths:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
        digests.append((path.name, digest.hexdigest()))
    if len(digests) == 1:
        return digests[0][1]
    combined = "\n".join(f"{name}\t{hexd}" for name, hexd in digests)
    return hashlib.sha256(combined.encode()).hexdigest()


def discover(folder: Path) -> list[Path]:
    """List files under ``folder``, OFAC sibling files left to their sdn.csv."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name.startswith(".") or path.suffix.lower() in {".md", ".txt"}:
            continue
        if path.name in OFAC_SIBLINGS and (path.parent / "sdn.csv").is_file():
            continue
        found.append(path)
    return found


def count_check(
    source: Source | None, declared: int | None, path: str | None
) -> Callable[[int], None]:
    """A check run before commit: the file's own count, then the manifest's range."""

    def check(count: int) -> None:
        if declared is not None and declared != count:
            raise ListParseError(
                path, f"the file declares {declared} entries but {count} were read"
            )
        if source is not None:
            source.check_count(count)

    return check


def _store_snapshot(
    repo: ListRepository,
    snapshot: ListSnapshot,
    files: list[Path],
    *,
    origin: str,
    source: Source | None,
    check: bool,
    reporter: Reporter,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Outcome:
    declared = snapshot.declared_count
    info = repo.import_snapshot(
        snapshot,
        file_sha256=file_sha256(files),
        origin=origin,
        etag=etag,
        last_modified=last_modified,
        check_count=count_check(source, declared, snapshot.path) if check else None,
        progress=lambda n: reporter.imported(snapshot.source, n, declared),
    )
    if info.unchanged and (etag or last_modified):
        repo.set_http_validators(info.id, etag=etag, last_modified=last_modified)
    status = "unchanged" if info.unchanged else "new"
    return Outcome(snapshot.source, status, origin, info)


# --- local files -------------------------------------------------------------------------


def import_from(
    settings: Settings,
    path: Path,
    *,
    sources: Sequence[str] | None = None,
    fmt: str | None = None,
    check: bool = True,
    reporter: Reporter | None = None,
    published: datetime | None = None,
) -> list[Outcome]:
    """Import a local list file, or every list file found under a folder.

    ``published`` is used as the publication date of files that state none (OFAC's CSV).
    """
    reporter = reporter or QuietReporter()
    if not path.exists():
        raise InputError(f"no such file or folder: {path}")
    from sanctionwatch.lists import registry

    manifest = load_manifest(settings)
    store = open_store(settings)
    repo = ListRepository(store)
    single = path.is_file() or (path / "sdn.csv").is_file()
    targets = [path] if single else discover(path)
    outcomes = []
    try:
        for target in targets:
            if not single and fmt is None:
                try:
                    registry.detect_format(target)
                except ListParseError as exc:
                    outcomes.append(Outcome("?", "skipped", str(target), message=exc.problem))
                    continue
            outcomes.append(
                _import_one(
                    repo,
                    manifest,
                    target,
                    sources,
                    fmt,
                    check=check,
                    reporter=reporter,
                    published=published,
                )
            )
    finally:
        store.dispose()
    if not outcomes:
        raise InputError(f"no list files found under {path}")
    return outcomes


def _import_one(
    repo: ListRepository,
    manifest: Manifest,
    path: Path,
    sources: Sequence[str] | None,
    fmt: str | None,
    *,
    check: bool,
    reporter: Reporter,
    published: datetime | None,
) -> Outcome:
    from sanctionwatch.lists import registry

    origin = str(path.resolve())
    try:
        snapshot = registry.parse_file(path, fmt=fmt)
        if snapshot.published is None and published is not None:
            snapshot.published = published
        if sources and not select_sources([snapshot.source], sources):
            return Outcome(snapshot.source, "skipped", origin, message="not a selected source")
        return _store_snapshot(
            repo,
            snapshot,
            list_files(path, snapshot.format),
            origin=origin,
            source=manifest.get(snapshot.source),
            check=check,
            reporter=reporter,
        )
    except SanctionwatchError as exc:
        message = exc.message if origin in exc.message else f"{origin}: {exc.message}"
        return Outcome("?", "failed", origin, message=message)


# --- downloads -----------------------------------------------------------------------------


def update_sources(
    settings: Settings,
    sources: Sequence[str] | None = None,
    *,
    check: bool = True,
    reporter: Reporter | None = None,
    backoff: float = 1.0,
) -> list[Outcome]:
    """Download and store every selected source; one failure does not stop the others."""
    reporter = reporter or QuietReporter()
    manifest = load_manifest(settings)
    chosen = manifest.select(sources)
    settings.downloads_dir.mkdir(parents=True, exist_ok=True)
    store = open_store(settings)
    repo = ListRepository(store)
    outcomes = []
    timeout = httpx.Timeout(settings.http_timeout)
    try:
        with httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
        ) as client:
            for source in chosen:
                try:
                    outcomes.append(
                        _update_one(
                            repo,
                            client,
                            source,
                            settings,
                            check=check,
                            reporter=reporter,
                            backoff=backoff,
                        )
                    )
                except SanctionwatchError as exc:
                    outcomes.append(
                        Outcome(source.key, "failed", source.main_url, None, exc.message)
                    )
    finally:
        store.dispose()
    return outcomes


def _update_one(
    repo: ListRepository,
    client: httpx.Client,
    source: Source,
    settings: Settings,
    *,
    check: bool,
    reporter: Reporter,
    backoff: float,
) -> Outcome:
    previous = repo.current_version(source.key)
    conditional: dict[str, str] = {}
    if previous is not None and previous.origin == source.main_url:
        if previous.etag:
            conditional["If-None-Match"] = previous.etag
        if previous.last_modified:
            conditional["If-Modified-Since"] = previous.last_modified
    with TemporaryDirectory(dir=settings.downloads_dir, prefix=f"{source.key}-") as tmp:
        folder = Path(tmp)
        files = [folder / d.filename for d in source.downloads]
        headers = None
        for i, (item, dest) in enumerate(zip(source.downloads, files, strict=True)):
            got = download(
                client,
                str(item.url),
                dest,
                headers=conditional if i == 0 else None,
                retries=settings.http_retries,
                backoff=backoff,
                reporter=reporter,
            )
            if got is None:
                return Outcome(source.key, "not modified", source.main_url, previous)
            if i == 0:
                headers = got
        assert headers is not None
        try:
            return _store_download(repo, source, folder, files, headers, check, reporter)
        except ListParseError as exc:
            raise InputError(f"{source.main_url}: {exc.problem}") from exc


def _store_download(
    repo: ListRepository,
    source: Source,
    folder: Path,
    files: list[Path],
    headers: httpx.Headers,
    check: bool,
    reporter: Reporter,
) -> Outcome:
    from sanctionwatch.lists import registry

    target = folder if len(files) > 1 else files[0]
    snapshot = registry.parse_file(target, fmt=source.format, source=source.key)
    last_modified = headers.get("last-modified")
    if snapshot.published is None and last_modified:
        try:
            snapshot.published = parsedate_to_datetime(last_modified)
        except (TypeError, ValueError):
            snapshot.published = None
    return _store_snapshot(
        repo,
        snapshot,
        list_files(target, source.format),
        origin=source.main_url,
        source=source,
        check=check,
        reporter=reporter,
        etag=headers.get("etag"),
        last_modified=last_modified,
    )
