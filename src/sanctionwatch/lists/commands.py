"""`sanctionwatch` commands for lists: thin shells over the library functions."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from sanctionwatch.clikit import console, err_console, handle_errors, settings_from
from sanctionwatch.settings import Settings

app = typer.Typer()


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
    published: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="Publication date for --from files that state none (OFAC CSV).",
        ),
    ] = None,
    all_sources: Annotated[
        bool,
        typer.Option(
            "--all", help="Every list in the source manifest (the default; for cron jobs)."
        ),
    ] = False,
    index: Annotated[
        bool,
        typer.Option(
            help="After storing a new version, build and save the screening index, so the "
            "next screening starts at once."
        ),
    ] = True,
) -> None:
    """Download the official lists (or import local files) and store new versions."""
    from sanctionwatch.errors import InputError
    from sanctionwatch.lists.progress import RichReporter
    from sanctionwatch.lists.update import import_from, update_sources

    if all_sources and (source or from_path is not None):
        raise InputError("--all updates every list; leave out --source and --from")
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
                published=published.replace(tzinfo=UTC) if published else None,
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
    if index and any(o.status == "new" for o in outcomes):
        _build_index(settings)
    if any(o.failed for o in outcomes):
        raise typer.Exit(code=1)


def _build_index(settings: Settings) -> None:
    """Build and save the screening index over the newest version of every list."""
    import time

    from sanctionwatch.screening.loading import screener_from_store

    start = time.perf_counter()
    with err_console.status("building the screening index"):
        screener = screener_from_store(settings)
    console.print(
        f"screening index: {len(screener.index.records):,} entities, built and saved in "
        f"{time.perf_counter() - start:.1f} s",
        highlight=False,
    )


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
