"""`sanctionwatch` commands for compliance: thin shells over the library functions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from sanctionwatch.clikit import console, handle_errors, settings_from

app = typer.Typer()


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


def esc(text: str) -> str:
    """Data printed through rich: brackets in it are text, not markup."""
    from rich.markup import escape

    return escape(text)


def _as_of(text: str | None) -> Any:

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

    from sanctionwatch.compliance.export import assessment_dict
    from sanctionwatch.compliance.repo import ComplianceRepository

    store, picture = _compliance_picture(ctx, threshold)
    assessments = picture.assess_all(_as_of(as_of), state=state, obligation_id=obligation)
    if record and as_of is None:  # a look back in time is not the current status
        ComplianceRepository(store).record_statuses(assessments)
    if as_json:
        print(json.dumps([assessment_dict(a) for a in assessments], indent=2, ensure_ascii=False))
        return
    if not assessments:
        console.print("No evidence about any obligation; analyse documents first.")
        return
    for a in assessments:
        console.print(f"[bold]{esc(a.headline)}[/]  confidence {a.confidence:.0%}", highlight=False)
        for r in a.reasons:
            console.print(f"  [dim]{r.rule}:[/] {esc(r.text)}", highlight=False)
        for ev in a.evidence:
            via = f" (counted as {ev.via})" if ev.via else ""
            kind = f"{ev.source_kind.value}, {ev.stance}{via}"
            line = f"  - {ev.cite()} ({kind}): \u201c{ev.sentence}\u201d"
            console.print(esc(line), highlight=False)
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

    from sanctionwatch.compliance.export import contradiction_dict

    _, picture = _compliance_picture(ctx, 3.0)
    found = picture.contradictions(state=state, obligation_id=obligation)
    if as_json:
        print(json.dumps([contradiction_dict(c) for c in found], indent=2, ensure_ascii=False))
        return
    if not found:
        console.print("No contradictions found.")
    for c in found:
        console.print(f"[bold]{c.kind.value}[/] {esc(c.summary)}", highlight=False)
        if c.explanation:
            console.print(f"  [dim]dates:[/] {esc(c.explanation)}", highlight=False)


indicators_app = typer.Typer(
    help="Indicator series (visas, workers, trade) and surge detection.",
    no_args_is_help=False,
    invoke_without_command=True,
)
app.add_typer(indicators_app, name="indicators")


def _show_indicators(
    ctx: typer.Context, state: str | None, threshold: float, as_json: bool
) -> None:

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
        line = f"[bold red]surge[/] {esc(x.label)}, evasion indicator for {x.obligation_id}"
        console.print(line, highlight=False)
        if x.suspicion:
            quoted = esc(f"\u201c{x.suspicion}\u201d")
            console.print(f"  suspicion in the source: {quoted}", highlight=False)


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
    console.print(esc(f"imported {n} points in {len(series)} series from {path}"), highlight=False)


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
        console.print(f"[bold]{a.key}[/] {a.kind}: {esc(a.message)}{mark}", highlight=False)


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
    from sanctionwatch.compliance.service import check_listed

    store, picture = _compliance_picture(ctx, threshold)
    brief = picture.brief(state, obligation, _as_of(as_of))
    check_listed(store, brief)
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
    console.print(esc(f"wrote {output} ({len(data):,} bytes)"), highlight=False)


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
    console.print(esc(f"recorded: {state.upper()} filed the {what} under {obligation} on {filed}"))
