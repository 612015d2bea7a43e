"""Downloading one official file: timeouts, retries with backoff, conditional GET,
a size limit, and progress reports.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Protocol

import httpx

from sanctionwatch import __version__
from sanctionwatch.errors import SanctionwatchError

__all__ = ["DownloadError", "QuietReporter", "Reporter", "download"]

MAX_DOWNLOAD_BYTES = 1 << 30  # no official list comes near 1 GiB
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
USER_AGENT = f"sanctionwatch/{__version__}"


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


def download(
    client: httpx.Client,
    url: str,
    dest: Path,
    *,
    headers: dict[str, str] | None = None,
    retries: int = 3,
    backoff: float = 1.0,
    reporter: Reporter | None = None,
    max_bytes: int = MAX_DOWNLOAD_BYTES,
) -> httpx.Headers | None:
    """Fetch ``url`` into ``dest``; return the response headers, or None for 304.

    Transport errors, timeouts and 408/429/5xx answers are retried ``retries`` times in
    all, waiting ``backoff``, 2x, 4x ... seconds; other HTTP errors fail at once, and so
    does a file larger than ``max_bytes``.
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
                        if done > max_bytes:
                            raise DownloadError(
                                f"cannot download {url}: larger than {max_bytes} bytes"
                            )
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
