"""Bringing the store up to date: download the official files (or take local ones),
check that they parse and look complete, and store each as a new version.

Downloads use conditional GET (the ETag / Last-Modified stored with the current
version), retry transport errors and 5xx answers with exponential backoff, and land in
a temporary folder that is removed afterwards. The store only ever sees a file that
parsed completely and passed the sanity checks: the import is one transaction.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Protocol

import httpx

from sanctionwatch.errors import InputError, ListParseError, SanctionwatchError
from sanctionwatch.lists.model import ListSnapshot
from sanctionwatch.lists.sources import Manifest, Source, load_manifest
from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store
from sanctionwatch.store.lists_repo import ListRepository, VersionInfo, select_sources

__all__ = [
    "DownloadError",
    "Outcome",
    "Reporter",
    "download",
    "file_sha256",
    "import_from",
    "update_sources",
]

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
OFAC_SIBLINGS = ("alt.csv", "add.csv", "sdn_comments.csv")
USER_AGENT = "sanctionwatch (+https://github.com/sanctionwatch/sanctionwatch)"


class DownloadError(SanctionwatchError):
    """An official file could not be downloaded."""

    status_code = 502


class Reporter(Protocol):
    def download(self, url: str, done: int, total: int | None) -> None: ...

    def imported(self, source: str, count: int, expected: int | None) -> None: ...


class QuietReporter:
    def download(self, url: str, done: int, total: int | None) -> None:
        return None

    def imported(self, source: str, count: int, expected: int | None) -> None:
        return None


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
) -> list[Outcome]:
    """Import a local list file, or every list file found under a folder."""
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
                _import_one(repo, manifest, target, sources, fmt, check=check, reporter=reporter)
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
) -> Outcome:
    from sanctionwatch.lists import registry

    origin = str(path.resolve())
    try:
        snapshot = registry.parse_file(path, fmt=fmt)
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
        return Outcome("?", "failed", origin, message=exc.message)


# --- downloads -----------------------------------------------------------------------------


def download(
    client: httpx.Client,
    url: str,
    dest: Path,
    *,
    headers: dict[str, str] | None = None,
    retries: int = 3,
    backoff: float = 1.0,
    reporter: Reporter | None = None,
) -> httpx.Headers | None:
    """Fetch ``url`` into ``dest``; return the response headers, or None for 304.

    Transport errors, timeouts and 408/429/5xx answers are retried ``retries`` times in
    all, waiting ``backoff``, 2x, 4x ... seconds; other HTTP errors fail at once.
    """
    reporter = reporter or QuietReporter()
    problem = ""
    reached = False
    for attempt in range(1, max(retries, 1) + 1):
        if attempt > 1:
            time.sleep(backoff * 2 ** (attempt - 2))
        try:
            with client.stream("GET", url, headers=headers or {}) as resp:
                reached = True
                if resp.status_code == 304:
                    return None
                if resp.status_code >= 400:
                    problem = f"HTTP {resp.status_code} {resp.reason_phrase}".strip()
                    if resp.status_code in RETRY_STATUS:
                        continue
                    raise DownloadError(f"cannot download {url}: {problem}")
                length = resp.headers.get("content-length", "")
                total = int(length) if length.isdigit() else None
                done = 0
                with dest.open("wb") as fh:
                    for chunk in resp.iter_bytes(1 << 16):
                        fh.write(chunk)
                        done += len(chunk)
                        reporter.download(url, done, total)
                if total is not None and done != total:
                    problem = f"received {done} of {total} bytes"
                    continue
                return resp.headers
        except httpx.TimeoutException as exc:
            problem = f"timed out ({type(exc).__name__})"
        except httpx.TransportError as exc:
            problem = str(exc) or type(exc).__name__
    verb = "cannot download" if reached else "cannot reach"
    raise DownloadError(f"{verb} {url}: {problem} (after {max(retries, 1)} attempts)")


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
        from sanctionwatch.lists import registry

        snapshot = registry.parse_file(
            folder if len(files) > 1 else files[0], fmt=source.format, source=source.key
        )
        last_modified = headers.get("last-modified")
        if snapshot.published is None and last_modified:
            try:
                snapshot.published = parsedate_to_datetime(last_modified)
            except (TypeError, ValueError):
                snapshot.published = None
        return _store_snapshot(
            repo,
            snapshot,
            list_files(folder if len(files) > 1 else files[0], source.format),
            origin=source.main_url,
            source=source,
            check=check,
            reporter=reporter,
            etag=headers.get("etag"),
            last_modified=last_modified,
        )
