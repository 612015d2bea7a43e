"""The ``sanctionwatch`` command line: a thin shell over the package's functions.

Each command parses its options, calls one library function and prints the result.
Errors raised on purpose (:class:`SanctionwatchError`) are printed as one clear line
and exit with status 1; nothing here catches anything broader.
"""

from __future__ import annotations

import functools
import json
import sys
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
    all_sources: Annotated[
        bool,
        typer.Option(
            "--all", help="Every list in the source manifest (the default; for cron jobs)."
        ),
    ] = False,
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
    src: Annotated[Path, typer.Argument(help="CSV file with a header row")],
    out: Annotated[Path, typer.Option("-o", "--output", help="CSV file to write")],
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
) -> None:
    """Screen every row of a CSV file; bad rows are reported in the output."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from sanctionwatch.screening.batch import ColumnMap, screen_file

    screener = _screener(ctx, lists, sources, algorithm)
    cols = ColumnMap(name_col, kind_col, dob_col, country_col, id_col)
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


@app.command("analyse")
@handle_errors
def analyse_cmd(
    ctx: typer.Context,
    source: Annotated[
        str, typer.Argument(help="A text, HTML or PDF file, a folder of them, or a URL.")
    ],
    outlet: Annotated[
        str | None, typer.Option(help="Outlet that published it (e.g. Reuters).")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Publication date YYYY-MM-DD, or YYYY / YYYY-MM to give a dateline its year.",
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    store: Annotated[
        bool, typer.Option("--store/--no-store", help="Keep documents and claims in the store.")
    ] = True,
) -> None:
    """Extract attributed compliance claims from news articles and reports."""
    import json

    from sanctionwatch.documents.service import analyse_source
    from sanctionwatch.errors import InputError

    if fmt not in ("table", "json"):
        raise InputError(f"--format {fmt!r}: expected table or json")
    results = analyse_source(source, settings_from(ctx), outlet=outlet, published=date, store=store)
    if fmt == "json":
        payload = [{"origin": r.raw.origin, **r.analysis.to_dict()} for r in results]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=1, default=str))
        return
    from rich.table import Table

    for r in results:
        meta = r.analysis.document
        when = meta.published.isoformat() if meta.published else "date unknown"
        if meta.published_inferred:
            when += " (inferred)"
        stored = "" if r.saved is None else (" stored" if r.saved.created else " already stored")
        console.print(
            f"[bold]{r.raw.origin}[/] {meta.outlet or ''} {when}{stored}", highlight=False
        )
        table = Table("state", "stance", "obligation", "speaker", "quantities", "evidence")
        for c in r.analysis.claims:
            qty = ", ".join(
                f"{q.approx + ' ' if q.approx else ''}{q.value:,} {q.unit}" for q in c.quantities
            )
            table.add_row(
                c.subject_state,
                c.stance,
                c.obligation_id or "",
                c.speaker or "",
                qty,
                c.evidence[:90],
            )
        console.print(table)
        for err in r.analysis.factual_errors:
            console.print(f"[yellow]flag:[/] {err['text']}: {err['message']}", highlight=False)


@app.command("claims")
@handle_errors
def claims_cmd(
    ctx: typer.Context,
    state: Annotated[str | None, typer.Option(help="Subject state, ISO2 (RU) or ALL.")] = None,
    obligation: Annotated[
        str | None, typer.Option(help="Obligation id (2397-OP8) or resolution (2397).")
    ] = None,
    stance: Annotated[
        str | None, typer.Option(help="Only this stance (e.g. alleges_violation).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table",
) -> None:
    """List stored claims, filtered by state, obligation and stance."""
    import json

    from sanctionwatch.documents.repo import DocumentRepository
    from sanctionwatch.errors import InputError
    from sanctionwatch.store.db import open_store

    if fmt not in ("table", "json"):
        raise InputError(f"--format {fmt!r}: expected table or json")
    st = open_store(settings_from(ctx))
    try:
        rows = DocumentRepository(st).claims(state=state, obligation=obligation, stance=stance)
    finally:
        st.dispose()
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    from rich.table import Table

    table = Table("state", "stance", "obligation", "speaker", "outlet", "published", "evidence")
    for c in rows:
        doc = c["document"]
        table.add_row(c["subject_state"], c["stance"], c["obligation_id"] or "", c["speaker"] or "",
                      doc["outlet"] or "", doc["published"] or "", c["evidence"][:80])  # fmt: skip
    console.print(table)
    console.print(f"{len(rows)} claim(s)")


# --- compliance -------------------------------------------------------------------

_STATE_OPT = typer.Option("--state", help="ISO 3166 alpha-2 code of the state, e.g. RU.")
_OBLIGATION_OPT = typer.Option("--obligation", help="Knowledge-base obligation id, e.g. 2397-OP8.")
_AS_OF_OPT = typer.Option(
    "--as-of", help="Assess as of this date (YYYY-MM-DD); default today.", show_default=False
)
_THRESHOLD_OPT = typer.Option(
    "--surge-threshold",
    envvar="SANCTIONWATCH_SURGE_THRESHOLD",
    help="Flag an indicator that rises by at least this factor from one period to the next.",
)
_JSON_OPT = typer.Option("--json", help="Print JSON instead of a table.")


def _as_of(text: str | None) -> Any:
    from datetime import date

    from sanctionwatch.errors import InputError

    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--as-of {text!r} is not a date (YYYY-MM-DD)") from None


def _compliance_picture(ctx: typer.Context, threshold: float) -> Any:
    from sanctionwatch.compliance.service import load_picture
    from sanctionwatch.store.db import open_store

    store = open_store(settings_from(ctx))
    return store, load_picture(store, threshold)


@app.command("assess")
@handle_errors
def assess_cmd(
    ctx: typer.Context,
    state: Annotated[str | None, _STATE_OPT] = None,
    obligation: Annotated[str | None, _OBLIGATION_OPT] = None,
    as_of: Annotated[str | None, _AS_OF_OPT] = None,
    threshold: Annotated[float, _THRESHOLD_OPT] = 3.0,
    as_json: Annotated[bool, _JSON_OPT] = False,
    record: Annotated[
        bool, typer.Option("--record/--no-record", help="Log the statuses for alerts.")
    ] = True,
) -> None:
    """Status per (state, obligation), with the reasons and evidence behind it."""
    import json

    from sanctionwatch.compliance.export import assessment_dict
    from sanctionwatch.compliance.repo import ComplianceRepository

    store, picture = _compliance_picture(ctx, threshold)
    assessments = picture.assess_all(_as_of(as_of), state=state, obligation_id=obligation)
    if record:
        ComplianceRepository(store).record_statuses(assessments)
    if as_json:
        print(json.dumps([assessment_dict(a) for a in assessments], indent=2, ensure_ascii=False))
        return
    if not assessments:
        console.print("No evidence about any obligation; analyse documents first.")
        return
    for a in assessments:
        console.print(f"[bold]{a.headline}[/]  confidence {a.confidence:.0%}", highlight=False)
        for r in a.reasons:
            console.print(f"  [dim]{r.rule}:[/] {r.text}", highlight=False)
        for ev in a.evidence:
            console.print(
                f"  - {ev.cite()} [{ev.source_kind.value}, {ev.stance}]: \u201c{ev.sentence}\u201d",
                highlight=False,
            )
        console.print()


@app.command("contradictions")
@handle_errors
def contradictions_cmd(
    ctx: typer.Context,
    state: Annotated[str | None, _STATE_OPT] = None,
    obligation: Annotated[str | None, _OBLIGATION_OPT] = None,
    as_json: Annotated[bool, _JSON_OPT] = False,
) -> None:
    """Statements, figures and knowledge-base facts that disagree."""
    import json

    from sanctionwatch.compliance.export import contradiction_dict

    _, picture = _compliance_picture(ctx, 3.0)
    found = picture.contradictions(state=state, obligation_id=obligation)
    if as_json:
        print(json.dumps([contradiction_dict(c) for c in found], indent=2, ensure_ascii=False))
        return
    if not found:
        console.print("No contradictions found.")
    for c in found:
        console.print(f"[bold]{c.kind.value}[/] {c.summary}", highlight=False)
        if c.explanation:
            console.print(f"  [dim]dates:[/] {c.explanation}", highlight=False)


indicators_app = typer.Typer(
    help="Indicator series (visas, workers, trade) and surge detection.",
    no_args_is_help=False,
    invoke_without_command=True,
)
app.add_typer(indicators_app, name="indicators")


def _show_indicators(
    ctx: typer.Context, state: str | None, threshold: float, as_json: bool
) -> None:
    import json

    from sanctionwatch.compliance.export import surge_dict

    _, picture = _compliance_picture(ctx, threshold)
    series = [s for s in picture.series if state is None or s.state == state.upper()]
    surges = [s for s in picture.surges() if state is None or s.state == state.upper()]
    if as_json:
        out = {
            "series": [
                {"indicator": s.indicator, "state": s.state, "category": s.category,
                 "unit": s.unit, "points": [[p.period, p.value, p.source] for p in s.points]}
                for s in series
            ],
            "surges": [surge_dict(s) for s in surges],
        }  # fmt: skip
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table("state", "indicator", "category", "period", "value", "source")
    for s in series:
        for p in s.points:
            table.add_row(s.state, s.indicator, s.category, p.period, f"{p.value:,.0f}", p.source)
    console.print(table)
    for x in surges:
        line = f"[bold red]surge[/] {x.label}, evasion indicator for {x.obligation_id}"
        console.print(line, highlight=False)
        if x.suspicion:
            console.print(f"  suspicion in the source: \u201c{x.suspicion}\u201d", highlight=False)


@indicators_app.callback()
def indicators_root(ctx: typer.Context) -> None:
    """With no subcommand: list series and surges."""
    if ctx.invoked_subcommand is None:
        handle_errors(_show_indicators)(ctx, None, 3.0, False)


@indicators_app.command("list")
@handle_errors
def indicators_list(
    ctx: typer.Context,
    state: Annotated[str | None, _STATE_OPT] = None,
    threshold: Annotated[float, _THRESHOLD_OPT] = 3.0,
    as_json: Annotated[bool, _JSON_OPT] = False,
) -> None:
    """Series from documents and imports, and the surges among them."""
    _show_indicators(ctx, state, threshold, as_json)


@indicators_app.command("import")
@handle_errors
def indicators_import(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="CSV: indicator,state,period,value[,...]")],
) -> None:
    """Import an indicator CSV (re-importing the same file replaces its rows)."""
    from sanctionwatch.compliance.indicators import read_csv
    from sanctionwatch.compliance.repo import ComplianceRepository
    from sanctionwatch.store.db import open_store

    series = read_csv(path)
    repo = ComplianceRepository(open_store(settings_from(ctx)))
    n = repo.import_series(series, origin=str(path.resolve()))
    console.print(f"imported {n} points in {len(series)} series from {path}", highlight=False)


@app.command("alerts")
@handle_errors
def alerts_cmd(
    ctx: typer.Context,
    ack: Annotated[str | None, typer.Option("--ack", help="Acknowledge the alert KEY.")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Include acknowledged ones.")] = False,
    as_of: Annotated[str | None, _AS_OF_OPT] = None,
    as_json: Annotated[bool, _JSON_OPT] = False,
) -> None:
    """Deadlines passed without a final report, new evidence against a recorded status,
    list changes touching names in stored documents."""
    import json

    from sanctionwatch.compliance.repo import ComplianceRepository
    from sanctionwatch.compliance.service import load_list_changes

    store, picture = _compliance_picture(ctx, 3.0)
    repo = ComplianceRepository(store)
    alerts = picture.alerts(_as_of(as_of), repo.last_statuses(), load_list_changes(store))
    if ack:
        if ack not in {a.key for a in alerts}:
            from sanctionwatch.errors import NotFoundError

            raise NotFoundError(f"no current alert has the key {ack!r}")
        repo.acknowledge(ack)
        console.print(f"acknowledged {ack}")
        return
    acked = repo.acknowledged()
    shown = [a for a in alerts if show_all or a.key not in acked]
    if as_json:
        print(json.dumps([a.to_dict() | {"acknowledged": a.key in acked} for a in shown],
                         indent=2, ensure_ascii=False))  # fmt: skip
        return
    if not shown:
        console.print("No alerts.")
    for a in shown:
        mark = " [dim](acknowledged)[/]" if a.key in acked else ""
        console.print(f"[bold]{a.key}[/] {a.kind}: {a.message}{mark}", highlight=False)


@app.command("report")
@handle_errors
def report_cmd(
    ctx: typer.Context,
    state: Annotated[str, _STATE_OPT],
    obligation: Annotated[str, _OBLIGATION_OPT],
    fmt: Annotated[str, typer.Option("--format", help="md, html or pdf.")] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; default stdout (md).")
    ] = None,
    as_of: Annotated[str | None, _AS_OF_OPT] = None,
    threshold: Annotated[float, _THRESHOLD_OPT] = 3.0,
) -> None:
    """An analyst's brief: status and reasons, timeline, charts, cited statements."""
    from sanctionwatch.compliance.report import render_html, render_markdown
    from sanctionwatch.errors import InputError

    if fmt not in ("md", "html", "pdf"):
        raise InputError(f"--format {fmt!r}: choose md, html or pdf")
    if fmt == "pdf" and output is None:
        raise InputError("--format pdf needs --output FILE")
    _, picture = _compliance_picture(ctx, threshold)
    brief = picture.brief(state, obligation, _as_of(as_of))
    if fmt == "pdf":
        from sanctionwatch.compliance.pdf import render_pdf

        data = render_pdf(brief)
    else:
        text = render_markdown(brief) if fmt == "md" else render_html(brief)
        data = text.encode("utf-8")
    if output is None:
        typer.echo(data.decode("utf-8"), nl=False)
        return
    output.write_bytes(data)
    console.print(f"wrote {output} ({len(data):,} bytes)", highlight=False)


@app.command("record-filing")
@handle_errors
def record_filing_cmd(
    ctx: typer.Context,
    state: Annotated[str, _STATE_OPT],
    obligation: Annotated[str, _OBLIGATION_OPT],
    filed: Annotated[str, typer.Option("--filed", help="Date filed, YYYY-MM-DD.")],
    what: Annotated[str, typer.Option("--what", help="Which report.")] = "final report",
    source: Annotated[str, typer.Option("--source", help="Where this is recorded.")] = "",
) -> None:
    """Record that a state filed a report under an obligation (clears the missed-report flag)."""
    import re

    from sanctionwatch.compliance.model import ReportFiling
    from sanctionwatch.compliance.repo import ComplianceRepository
    from sanctionwatch.errors import InputError
    from sanctionwatch.store.db import open_store

    if not re.fullmatch(r"[A-Za-z]{2}", state):
        raise InputError(f"--state {state!r} is not an ISO 3166 alpha-2 code")
    repo = ComplianceRepository(open_store(settings_from(ctx)))
    repo.add_filing(ReportFiling(state.upper(), obligation, what, _as_of(filed), source))
    console.print(f"recorded: {state.upper()} filed the {what} under {obligation} on {filed}")


# --- web --------------------------------------------------------------------------

apikey_app = typer.Typer(help="API keys for the web app (viewer, analyst, admin).")
app.add_typer(apikey_app, name="apikey")


@app.command("serve")
@handle_errors
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Start the web app and REST API on the configured store (the embedded default)."""
    import uvicorn

    from sanctionwatch.web.app import create_app

    settings = settings_from(ctx)
    web = create_app(settings)
    console.print(f"serving on http://{host}:{port}/ (API description at /docs)")
    uvicorn.run(web, host=host, port=port, log_level="info")


@apikey_app.command("create")
@handle_errors
def apikey_create(
    ctx: typer.Context,
    role: Annotated[str, typer.Option(help="viewer, analyst or admin.")] = "analyst",
    name: Annotated[str, typer.Option(help="Who or what the key is for.")] = "default",
) -> None:
    """Create an API key and print it (it is shown only this once)."""
    from sanctionwatch.store.db import open_store
    from sanctionwatch.web.auth import KeyRing

    key, info = KeyRing(open_store(settings_from(ctx))).create(name, role)
    console.print(f"created {info.role} key {info.prefix}... for {info.name!r}:")
    typer.echo(key)


@apikey_app.command("list")
@handle_errors
def apikey_list(ctx: typer.Context) -> None:
    """List API keys: prefix, name, role, created, revoked (never the keys)."""
    from sanctionwatch.store.db import open_store
    from sanctionwatch.web.auth import KeyRing

    for info in KeyRing(open_store(settings_from(ctx))).all():
        state = "revoked" if info.revoked else "active"
        typer.echo(f"{info.prefix}\t{info.name}\t{info.role}\t{info.created_at:%Y-%m-%d}\t{state}")


@apikey_app.command("revoke")
@handle_errors
def apikey_revoke(
    ctx: typer.Context,
    prefix: Annotated[str, typer.Argument(help="The key's prefix, as `apikey list` shows.")],
) -> None:
    """Revoke an API key by its prefix."""
    from sanctionwatch.store.db import open_store
    from sanctionwatch.web.auth import KeyRing

    info = KeyRing(open_store(settings_from(ctx))).revoke(prefix)
    console.print(f"revoked {info.prefix}... ({info.name})")


def main() -> None:
    app(prog_name="sanctionwatch")


if __name__ == "__main__":
    main()
