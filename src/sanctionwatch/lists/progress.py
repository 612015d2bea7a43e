"""Rich progress bars for downloads (bytes) and imports (entities)."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

__all__ = ["RichReporter"]


class RichReporter:
    """A :class:`sanctionwatch.lists.update.Reporter` drawing rich progress bars."""

    def __init__(self, console: Console) -> None:
        self._downloads = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._imports = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._tasks: dict[tuple[str, str], TaskID] = {}

    def __enter__(self) -> RichReporter:
        self._downloads.start()
        self._imports.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._imports.stop()
        self._downloads.stop()

    def _task(self, progress: Progress, kind: str, label: str, total: int | None) -> TaskID:
        key = (kind, label)
        if key not in self._tasks:
            self._tasks[key] = progress.add_task(label, total=total)
        return self._tasks[key]

    def download(self, url: str, done: int, total: int | None) -> None:
        task = self._task(self._downloads, "download", url.rsplit("/", 1)[-1][:40], total)
        self._downloads.update(task, completed=done, total=total)

    def imported(self, source: str, count: int, expected: int | None) -> None:
        task = self._task(self._imports, "import", f"importing {source}", expected)
        self._imports.update(task, completed=count)
