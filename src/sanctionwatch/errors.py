"""Errors that carry a clear message (and, for the web layer, an HTTP status)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["InputError", "ListParseError", "NotFoundError", "SanctionwatchError", "StoreError"]


class SanctionwatchError(Exception):
    """Base class: every error sanctionwatch raises on purpose."""

    status_code = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(SanctionwatchError):
    """The user's input is unusable (bad file, bad argument, bad request)."""

    status_code = 400


class ListParseError(InputError):
    """A list file cannot be parsed. The message names the file and the problem."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = str(path) if path is not None else "<input>"
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class NotFoundError(SanctionwatchError):
    status_code = 404


class StoreError(SanctionwatchError):
    """The store cannot be opened or written."""

    status_code = 503
