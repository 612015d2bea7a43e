"""What every command module shares: consoles, the error handler, the settings in use."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console

from sanctionwatch.errors import SanctionwatchError
from sanctionwatch.settings import Settings

__all__ = ["console", "err_console", "handle_errors", "settings_from"]

console = Console()
err_console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn a SanctionwatchError into one red line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SanctionwatchError as exc:
            err_console.print(f"[bold red]error:[/] {exc.message}", highlight=False)
            raise typer.Exit(code=1) from exc

    return wrapper  # type: ignore[return-value]


def settings_from(ctx: typer.Context) -> Settings:
    """The Settings built by the root callback (with ``--db`` applied)."""
    obj = ctx.find_root().obj
    if isinstance(obj, Settings):
        return obj
    return Settings()
