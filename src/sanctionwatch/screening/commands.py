"""`sanctionwatch` commands for screening: thin shells over the library functions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from sanctionwatch.clikit import console, err_console, handle_errors, settings_from
from sanctionwatch.errors import InputError

app = typer.Typer()


ListOpt = Annotated[
    list[Path] | None,
    typer.Option("--list", help="List file(s) to screen against instead of the store."),
]
SourceOpt = Annotated[
    list[str] | None,
    typer.Option("--source", help="Only these datasets (prefix: un, ofac, eu, uk)."),
]


def _screener(
    ctx: typer.Context, lists: list[Path] | None, sources: list[str] | None, algorithm: str
) -> Any:
    from sanctionwatch.screening.loading import screener_from_files, screener_from_store

    settings = settings_from(ctx)
    if lists:
        return screener_from_files(lists, settings, algorithm)
    return screener_from_store(settings, sources, algorithm)


@app.command("screen")
@handle_errors
def screen_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name to screen, in any script.")],
    kind: Annotated[str | None, typer.Option(help="person, organisation, vessel, aircraft")] = None,
    dob: Annotated[str | None, typer.Option(help="Birth date: YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    country: Annotated[str | None, typer.Option(help="Nationality or country")] = None,
    ident: Annotated[
        list[str] | None, typer.Option("--id", help="Identifier (IMO, passport ...)")
    ] = None,
    limit: Annotated[int, typer.Option(help="Most results to show")] = 10,
    threshold: Annotated[float | None, typer.Option(help="Lowest score shown")] = None,
    algorithm: Annotated[str, typer.Option(help="sw-v1 or jaro-winkler")] = "sw-v1",
    lists: ListOpt = None,
    sources: SourceOpt = None,
) -> None:
    """Screen one name against the lists and explain every result."""
    from rich.table import Table

    from sanctionwatch.screening import Query, parse_kind

    query = Query(
        name,
        kind=parse_kind(kind),
        birth_date=dob,
        country=country,
        identifiers=ident or [],
    )
    screener = _screener(ctx, lists, sources, algorithm)
    matches = screener.screen(query, limit=limit, threshold=threshold)
    if not lists:
        from sanctionwatch.screening.decisions import attach_decisions
        from sanctionwatch.store.db import open_store

        attach_decisions(open_store(settings_from(ctx)), query, matches)
    if not matches:
        cut = screener.threshold if threshold is None else threshold
        console.print(f"No entry scores {cut:.2f} or more for {name!r}.")
        return
    table = Table(title=f"Screening {name!r} ({screener.algorithm.name})", show_lines=True)
    for col in ("score", "entry", "kind", "listed name", "matched name", "explanation"):
        table.add_column(col)
    for m in matches:
        why = "\n".join(f"{f.name} {f.weight:+.2f}: {f.detail}" for f in m.explanation)
        if m.decision is not None:
            why += f"\nDECISION: {m.decision}"
        table.add_row(
            f"{m.score:.3f}", m.key, m.entity.kind.value, m.entity.primary_name, m.matched_name, why
        )
    console.print(table)


@app.command("screen-file")
@handle_errors
def screen_file_cmd(
    ctx: typer.Context,
    src: Annotated[
        Path, typer.Argument(help="CSV file with a header row (or Parquet with --engine spark)")
    ],
    out: Annotated[
        Path, typer.Option("-o", "--output", help="CSV file to write (Parquet with spark)")
    ],
    name_col: Annotated[str, typer.Option(help="Column holding the name")] = "name",
    kind_col: Annotated[str | None, typer.Option(help="Column holding the kind")] = None,
    dob_col: Annotated[str | None, typer.Option(help="Column holding the birth date")] = None,
    country_col: Annotated[str | None, typer.Option(help="Column holding the country")] = None,
    id_col: Annotated[str | None, typer.Option(help="Column holding identifiers (a|b)")] = None,
    encoding: Annotated[str, typer.Option(help="Input encoding")] = "utf-8-sig",
    workers: Annotated[int | None, typer.Option(help="Processes (default: all cores)")] = None,
    limit: Annotated[int, typer.Option(help="Matches kept per row")] = 5,
    threshold: Annotated[float | None, typer.Option(help="Lowest score kept")] = None,
    algorithm: Annotated[str, typer.Option(help="sw-v1 or jaro-winkler")] = "sw-v1",
    lists: ListOpt = None,
    sources: SourceOpt = None,
    engine: Annotated[str, typer.Option(help="local (this machine) or spark")] = "local",
    master: Annotated[
        str | None, typer.Option(help="Spark master with --engine spark, e.g. local[2]")
    ] = None,
) -> None:
    """Screen every row of a CSV file; bad rows are reported in the output."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from sanctionwatch.screening.batch import ColumnMap, screen_file

    if engine not in ("local", "spark"):
        raise InputError(f"unknown engine {engine!r}: use local or spark")
    screener = _screener(ctx, lists, sources, algorithm)
    cols = ColumnMap(name_col, kind_col, dob_col, country_col, id_col)
    if engine == "spark":
        from sanctionwatch.spark import screen_file as spark_screen_file

        done = spark_screen_file(
            src,
            out,
            master=master or "local[*]",
            screener=screener,
            columns=cols,
            limit=limit,
            threshold=threshold,
            encoding="UTF-8" if encoding == "utf-8-sig" else encoding,
        )
        console.print(
            f"{done.rows} rows screened, {done.matched} with matches, "
            f"{done.errors} with errors -> {out}"
        )
        return
    total = max(src.read_bytes().count(b"\n") - 1, 1) if src.is_file() else None
    with Progress(
        "{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
    ) as bar:
        task = bar.add_task("screening", total=total)
        summary = screen_file(
            screener,
            src,
            out,
            columns=cols,
            threshold=threshold,
            limit=limit,
            workers=workers,
            encoding=encoding,
            progress=lambda n: bar.advance(task, n),
        )
    console.print(
        f"{summary.rows} rows screened, {summary.matched} with matches, "
        f"{summary.errors} with errors -> {out}"
    )


@app.command("decide")
@handle_errors
def decide_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The screened name (as queried)")],
    entry: Annotated[str, typer.Option(help="The list entry: SOURCE:REF, e.g. un:KPi.033")],
    decision: Annotated[str, typer.Option(help="false_positive or true_match")],
    analyst: Annotated[str, typer.Option(help="Who decides")],
    reason: Annotated[str, typer.Option(help="Why")],
    kind: Annotated[str | None, typer.Option(help="Kind, as given when screening")] = None,
) -> None:
    """Record an analyst's decision on a screening result (append-only audit trail)."""
    from sanctionwatch.errors import InputError
    from sanctionwatch.screening import Query, parse_kind
    from sanctionwatch.screening.decisions import record_decision
    from sanctionwatch.store.db import open_store

    source, sep, ref = entry.partition(":")
    if not sep:
        raise InputError(f"entry {entry!r} must be SOURCE:REF, e.g. un:KPi.033")
    store = open_store(settings_from(ctx))
    saved = record_decision(
        store,
        Query(name, kind=parse_kind(kind)),
        source,
        ref,
        decision,
        analyst,
        reason,
    )
    console.print(f"recorded #{saved.id}: {name!r} vs {entry}: {saved}")


@app.command("decisions")
@handle_errors
def decisions_cmd(
    ctx: typer.Context,
    entry: Annotated[str | None, typer.Option(help="Only this entry: SOURCE:REF")] = None,
) -> None:
    """Print the audit trail of screening decisions, oldest first."""
    from rich.table import Table

    from sanctionwatch.screening.decisions import audit_trail
    from sanctionwatch.store.db import open_store

    source, _, ref = (entry or "").partition(":")
    trail = audit_trail(open_store(settings_from(ctx)), source or None, ref or None)
    table = Table(title="Screening decisions")
    for col in ("#", "when", "query", "entry", "decision", "analyst", "reason"):
        table.add_column(col)
    for d in trail:
        table.add_row(
            str(d.id),
            d.decided_at.isoformat(timespec="seconds"),
            d.query_text,
            f"{d.source}:{d.ref}",
            d.decision,
            d.analyst,
            d.reason,
        )
    console.print(table)
