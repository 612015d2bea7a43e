"""The ``sanctionwatch`` command line: a thin shell over the package's functions.

Each command parses its options, calls one library function and prints the result.
Errors raised on purpose (:class:`SanctionwatchError`) are printed as one clear line
and exit with status 1; nothing here catches anything broader.
"""

from __future__ import annotations

import functools
import sys
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


def _regimes_format(fmt: str) -> None:
    from sanctionwatch.errors import InputError

    if fmt not in ("table", "json"):
        raise InputError(f"--format must be table or json, not {fmt!r}")


def _regimes_day(value: str | None, option: str) -> Any:
    from datetime import date

    from sanctionwatch.errors import InputError

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option}: {value!r} is not a date (YYYY-MM-DD)") from None


def _regimes_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@app.command("obligations")
@handle_errors
def obligations_command(
    regime: Annotated[str | None, typer.Option(help="Regime key, e.g. dprk or iran.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """List obligations on States, with paragraph, deadline and status."""
    from rich.table import Table

    from sanctionwatch.regimes import load_kb

    _regimes_format(fmt)
    rows = load_kb().obligations(regime)
    if fmt == "json":
        _regimes_json([ob.model_dump(mode="json") for ob in rows])
        return
    table = Table("id", "paragraph", "obligation", "deadline", "status")
    for ob in rows:
        table.add_row(
            ob.id,
            ob.paragraph or "[dim]unconfirmed[/]",
            ob.title,
            str(ob.deadline or ob.deadline_rule or ""),
            ob.status,
        )
    console.print(table)


@app.command("deadlines")
@handle_errors
def deadlines_command(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date to compare with.")] = None,
    missed: Annotated[bool, typer.Option("--missed", help="Only dates already passed.")] = False,
    upcoming: Annotated[bool, typer.Option("--upcoming", help="Only dates to come.")] = False,
    regime: Annotated[str | None, typer.Option(help="Regime key, e.g. dprk.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Deadlines, reports due and expiries, oldest first."""
    from rich.table import Table

    from sanctionwatch.errors import InputError
    from sanctionwatch.regimes import deadlines, load_kb

    _regimes_format(fmt)
    if missed and upcoming:
        raise InputError("choose --missed or --upcoming, not both")
    day = _regimes_day(as_of, "--as-of")
    if missed:
        rows = deadlines(load_kb(), as_of=day, which="missed", regime=regime)
    elif upcoming:
        rows = deadlines(load_kb(), as_of=day, which="upcoming", regime=regime)
    else:
        rows = deadlines(load_kb(), as_of=day, regime=regime)
    if fmt == "json":
        _regimes_json([row.to_dict() for row in rows])
        return
    table = Table("due", "kind", "obligation", "what", "rule", "passed")
    for row in rows:
        table.add_row(
            row.due.isoformat(),
            row.kind,
            row.obligation_id,
            row.what,
            row.rule or "",
            "yes" if row.passed else "no",
        )
    console.print(table)


@app.command("check-refs")
@handle_errors
def check_refs_command(
    file: Annotated[Path, typer.Argument(help="UTF-8 text file to check.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date, for 'last December'.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Find references to resolutions in a text and flag numbers that contradict it."""
    from rich.table import Table

    from sanctionwatch.regimes.refs import find_references, read_text_file

    _regimes_format(fmt)
    text = read_text_file(file)
    refs = find_references(text, published=_regimes_day(published, "--published"))
    if fmt == "json":
        _regimes_json([ref.to_dict() for ref in refs])
        return
    table = Table("at", "as written", "resolved", "conf.", "obligation", "problem")
    for ref in refs:
        table.add_row(
            f"{ref.start}-{ref.end}",
            ref.text,
            str(ref.resolved or "?"),
            f"{ref.confidence:.2f}",
            ref.obligation_id or "",
            f"[red]{ref.problem}[/]" if ref.problem else "",
        )
    console.print(table)
    flagged = sum(1 for ref in refs if ref.problem)
    console.print(f"{len(refs)} reference(s), {flagged} flagged", highlight=False)


# --- documents --------------------------------------------------------------------


# --- compliance -------------------------------------------------------------------


# --- web --------------------------------------------------------------------------


def main() -> None:
    app(prog_name="sanctionwatch")


if __name__ == "__main__":
    sys.exit(main())
