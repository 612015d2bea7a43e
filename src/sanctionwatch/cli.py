"""The ``sanctionwatch`` command line: a thin shell over the package's functions.

Each command parses its options, calls one library function and prints the result.
Errors raised on purpose (:class:`SanctionwatchError`) are printed as one clear line
and exit with status 1; nothing here catches anything broader.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from sanctionwatch.errors import SanctionwatchError
from sanctionwatch.settings import Settings

__all__ = ["app", "main"]

app = typer.Typer(
    name="sanctionwatch",
    help="Monitor UN sanctions: official lists, screening, obligations and compliance.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
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
    obj = ctx.find_root().obj
    if isinstance(obj, Settings):
        return obj
    return Settings()


@app.callback()
def _root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Store to use: a SQLite file path or an SQLAlchemy URL "
            "(postgresql+psycopg://...). Default: SANCTIONWATCH_DB_URL or the "
            "embedded SQLite file in SANCTIONWATCH_HOME.",
        ),
    ] = None,
) -> None:
    settings = Settings()
    if db:
        url = db if "://" in db else f"sqlite:///{Path(db).expanduser().resolve()}"
        settings = settings.model_copy(update={"db_url": url})
    ctx.obj = settings


# --- lists ------------------------------------------------------------------------


# --- screening --------------------------------------------------------------------


# --- regimes ----------------------------------------------------------------------


# --- documents --------------------------------------------------------------------


# --- compliance -------------------------------------------------------------------


# --- web --------------------------------------------------------------------------


def main() -> None:
    app(prog_name="sanctionwatch")


if __name__ == "__main__":
    main()
