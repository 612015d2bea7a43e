"""Batch screening of an uploaded CSV, run in a background thread with progress.

:func:`read_rows` checks the CSV (UTF-8, a ``name`` column, at most :data:`MAX_ROWS`
rows) and raises :class:`InputError` naming the problem. :class:`BatchJobs` keeps the
last few jobs in memory; a job's progress is polled while it runs.
"""

from __future__ import annotations

import csv
import io
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.errors import InputError, NotFoundError, SanctionwatchError

__all__ = ["MAX_ROWS", "BatchJob", "BatchJobs", "read_rows"]

MAX_ROWS = 10_000
KEEP_JOBS = 20
COLUMNS = ("name", "kind", "birth_date", "country", "id")

ScreenRow = Callable[[dict[str, str]], list[dict[str, Any]]]


def read_rows(data: bytes) -> list[dict[str, str]]:
    """The rows of a screening CSV: a ``name`` column is required; ``kind``,
    ``birth_date``, ``country`` and ``id`` are used when present."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"the CSV is not UTF-8 (byte {exc.start} is not valid)") from exc
    if not text.strip():
        raise InputError("the CSV is empty")
    try:
        reader = csv.DictReader(io.StringIO(text))
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        if "name" not in header:
            raise InputError(f"the CSV has no 'name' column (columns: {', '.join(header)})")
        reader.fieldnames = header
        rows: list[dict[str, str]] = []
        for number, raw in enumerate(reader, start=2):
            if len(rows) >= MAX_ROWS:
                raise InputError(f"the CSV has more than {MAX_ROWS:,} rows")
            row = {k: (raw.get(k) or "").strip() for k in COLUMNS}
            if not row["name"]:
                raise InputError(f"line {number}: the name is empty")
            rows.append(row)
    except csv.Error as exc:
        raise InputError(f"the CSV cannot be read: {exc}") from exc
    if not rows:
        raise InputError("the CSV has a header but no rows")
    return rows


@dataclass
class BatchJob:
    id: str
    total: int
    done: int = 0
    finished: bool = False
    error: str | None = None
    results: list[dict[str, Any]] = field(default_factory=list)

    def progress(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "total": self.total,
            "done": self.done,
            "finished": self.finished,
            "error": self.error,
        }


class BatchJobs:
    def __init__(self) -> None:
        self._jobs: OrderedDict[str, BatchJob] = OrderedDict()
        self._lock = threading.Lock()

    def start(self, rows: list[dict[str, str]], screen: ScreenRow) -> BatchJob:
        job = BatchJob(id=uuid.uuid4().hex[:12], total=len(rows))
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
        thread = threading.Thread(target=self._run, args=(job, rows, screen), daemon=True)
        thread.start()
        return job

    @staticmethod
    def _run(job: BatchJob, rows: list[dict[str, str]], screen: ScreenRow) -> None:
        try:
            for row in rows:
                try:
                    matches = screen(row)
                except InputError as exc:
                    matches = []
                    job.results.append({**row, "error": exc.message, "matches": []})
                else:
                    job.results.append({**row, "error": None, "matches": matches})
                job.done += 1
        except SanctionwatchError as exc:
            job.error = exc.message
        finally:
            job.finished = True

    def get(self, job_id: str) -> BatchJob:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFoundError(
                f"no batch job {job_id!r} (jobs are kept in memory, the last {KEEP_JOBS})"
            )
        return job
