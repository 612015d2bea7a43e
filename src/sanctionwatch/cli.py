"""The ``sanctionwatch`` command line: a thin shell over the package's functions.

Each command parses its options, calls one library function and prints the result.
Errors raised on purpose (:class:`SanctionwatchError`) are printed as one clear line
and exit with status 1; nothing here catches anything broader.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
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


def _split(value: str | None) -> list[str] | None:
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    return items or None


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"


@app.command("update")
@handle_errors
def update_cmd(
    ctx: typer.Context,
    source: Annotated[
        str | None, typer.Option(help="Datasets or publishers, comma-separated: un,ofac,eu,uk.")
    ] = None,
    from_path: Annotated[
        Path | None,
        typer.Option("--from", help="Import a local file or every list file in a folder."),
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="Format of --from file (default: detected).")
    ] = None,
    check: Annotated[
        bool, typer.Option(help="Reject files whose entity count looks incomplete.")
    ] = True,
) -> None:
    """Download the official lists (or import local files) and store new versions."""
    from sanctionwatch.lists.progress import RichReporter
    from sanctionwatch.lists.update import import_from, update_sources

    settings = settings_from(ctx)
    with RichReporter(err_console) as reporter:
        if from_path is not None:
            outcomes = import_from(
                settings,
                from_path,
                sources=_split(source),
                fmt=fmt,
                check=check,
                reporter=reporter,
            )
        else:
            outcomes = update_sources(settings, _split(source), check=check, reporter=reporter)
    for o in outcomes:
        if o.failed:
            err_console.print(f"[bold red]error:[/] {o.message}", highlight=False)
        elif o.version is not None:
            v = o.version
            console.print(
                f"{o.source}: {o.status} (version {v.id}, {v.entity_count} entities, "
                f"published {_when(v.published)}) from {o.origin}",
                highlight=False,
            )
        else:
            console.print(
                f"{o.source}: {o.status} {o.origin} {o.message}".rstrip(), highlight=False
            )
    if any(o.failed for o in outcomes):
        raise typer.Exit(code=1)


@app.command("versions")
@handle_errors
def versions_cmd(
    ctx: typer.Context,
    source: Annotated[str | None, typer.Option(help="Dataset or publisher, e.g. un, ofac.")] = None,
) -> None:
    """List the stored versions of each list, oldest first."""
    from rich import box
    from rich.table import Table

    from sanctionwatch.store.db import open_store
    from sanctionwatch.store.lists_repo import ListRepository

    store = open_store(settings_from(ctx))
    try:
        versions = ListRepository(store).versions(source)
    finally:
        store.dispose()
    if not versions:
        console.print("no versions stored; run `sanctionwatch update`")
        return
    table = Table(box=box.SIMPLE, pad_edge=False)
    for column in ("id", "source", "published", "imported", "entities", "sha256"):
        table.add_column(column, no_wrap=True)
    table.add_column("origin", overflow="fold", min_width=12)
    for v in versions:
        table.add_row(
            str(v.id),
            v.source,
            _when(v.published),
            _when(v.imported_at),
            str(v.entity_count),
            v.sha256[:12],
            v.origin,
        )
    console.print(table)


@app.command("changes")
@handle_errors
def changes_cmd(
    ctx: typer.Context,
    source: Annotated[
        str | None, typer.Option(help="Datasets or publishers, comma-separated.")
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Compare with the version current on DATE."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """Designations added, removed and changed: newest version vs the previous one."""
    from sanctionwatch.lists.diff_report import render_changes

    render_changes(
        settings_from(ctx), _split(source), since.date() if since else None, fmt, console
    )


@app.command("export")
@handle_errors
def export_cmd(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="ftm, csv or json.")] = "ftm",
    source: Annotated[
        str | None, typer.Option(help="Datasets or publishers, comma-separated.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (default stdout).")
    ] = None,
) -> None:
    """Export the current version of each list."""
    import sys

    from sanctionwatch.lists.export import export_entities
    from sanctionwatch.store.db import open_store
    from sanctionwatch.store.lists_repo import ListRepository

    store = open_store(settings_from(ctx))
    try:
        repo = ListRepository(store)
        if output is None:
            export_entities(repo, fmt, sys.stdout, _split(source))
            return
        with output.open("w", encoding="utf-8", newline="") as fh:
            count = export_entities(repo, fmt, fh, _split(source))
    finally:
        store.dispose()
    err_console.print(f"wrote {count} entities to {output}", highlight=False)


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
    import sys

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

    from sanctionwatch.regimes.refs import find_references
    from sanctionwatch.regimes.textfile import read_text_file

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
    main()
