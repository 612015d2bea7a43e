"""The ``sanctionwatch`` command line: a thin shell over the package's functions.

Each command parses its options, calls one library function and prints the result.
Errors raised on purpose (:class:`SanctionwatchError`) are printed as one clear line
and exit with status 1; nothing here catches anything broader.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from sanctionwatch.clikit import console, handle_errors, settings_from
from sanctionwatch.settings import Settings

__all__ = ["app", "main"]

app = typer.Typer(
    name="sanctionwatch",
    help="Monitor UN sanctions: official lists, screening, obligations and compliance.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


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


# --- overview ---------------------------------------------------------------------


@app.command("status")
@handle_errors
def status_command(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """What is stored and known: lists, obligations and deadlines, documents; what to do next."""
    from rich.table import Table

    from sanctionwatch.errors import InputError
    from sanctionwatch.overview import overview

    if fmt not in ("table", "json"):
        raise InputError(f"unknown format {fmt!r}: use table or json")
    view = overview(settings_from(ctx))
    if fmt == "json":
        sys.stdout.write(json.dumps(view.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    console.print(f"[bold]sanctionwatch[/] store: {view.store_url}", highlight=False)
    if view.lists:
        lists = Table("list", "version", "published", "entries", title="Stored lists")
        for v in view.lists:
            published = v.published.date().isoformat() if v.published else "not stated"
            lists.add_row(v.source, str(v.id), published, f"{v.entity_count:,}")
        console.print(lists)
    else:
        console.print("No sanctions lists stored yet.")
    console.print(
        f"Knowledge base: {view.resolutions:,} Security Council resolutions, "
        f"{view.obligations} obligations on States in regimes: {', '.join(view.regimes)}."
    )
    dates = Table("due", "kind", "obligation", "what", title=f"Deadlines around {view.as_of}")
    for d in [*view.recent_deadlines, *view.next_deadlines]:
        when = f"{d.due} (passed)" if d.passed else str(d.due)
        dates.add_row(when, d.kind, d.obligation_id, d.what)
    console.print(dates)
    console.print(f"Documents analysed: {view.documents}; claims extracted: {view.claims}.")
    console.print("[bold]Next:[/]")
    for step in view.next_steps:
        console.print(f"  {step}", highlight=False, markup=False)


def _mount() -> None:
    """Add each capability's commands (defined next to the capability) to the root app."""
    from sanctionwatch.compliance import commands as compliance
    from sanctionwatch.documents import commands as documents
    from sanctionwatch.lists import commands as lists
    from sanctionwatch.regimes import commands as regimes
    from sanctionwatch.screening import commands as screening
    from sanctionwatch.web import commands as web

    for module in (lists, screening, regimes, documents, compliance, web):
        app.add_typer(module.app)


_mount()


def main() -> None:
    app(prog_name="sanctionwatch")


if __name__ == "__main__":
    main()
