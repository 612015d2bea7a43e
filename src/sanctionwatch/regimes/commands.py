"""`sanctionwatch` commands for regimes: thin shells over the library functions."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sanctionwatch.clikit import console, handle_errors

if TYPE_CHECKING:
    from sanctionwatch.regimes.model import Obligation

app = typer.Typer()


def _regimes_format(fmt: str) -> None:
    from sanctionwatch.errors import InputError

    if fmt not in ("table", "json"):
        raise InputError(f"--format must be table or json, not {fmt!r}")


def _regimes_day(value: str | None, option: str) -> Any:

    from sanctionwatch.errors import InputError

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option}: {value!r} is not a date (YYYY-MM-DD)") from None


def _regimes_json(data: object) -> None:

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
            _paragraph(ob),
            ob.title,
            str(ob.deadline or ob.deadline_rule or ""),
            ob.status,
        )
    console.print(table)


def _paragraph(ob: Obligation) -> str:
    """The paragraph, marked where no source read states it ("OP5?")."""
    if ob.paragraph is None:
        return "[dim]unconfirmed[/]"
    return f"{ob.paragraph}[dim]?[/]" if "paragraph" in ob.unconfirmed else ob.paragraph


@app.command("deadlines")
@handle_errors
def deadlines_command(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date to compare with.")] = None,
    missed: Annotated[bool, typer.Option("--missed", help="Only dates already passed.")] = False,
    upcoming: Annotated[bool, typer.Option("--upcoming", help="Only dates to come.")] = False,
    regime: Annotated[str | None, typer.Option(help="Regime key, e.g. dprk.")] = None,
    panel: Annotated[bool, typer.Option("--panel", help="Add panel of experts reports.")] = False,
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
        rows = deadlines(load_kb(), as_of=day, which="missed", regime=regime, panel=panel)
    elif upcoming:
        rows = deadlines(load_kb(), as_of=day, which="upcoming", regime=regime, panel=panel)
    else:
        rows = deadlines(load_kb(), as_of=day, regime=regime, panel=panel)
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
            f"[red]{ref.problem or ref.date_problem}[/]" if ref.problem or ref.date_problem else "",
        )
    console.print(table)
    flagged = sum(1 for ref in refs if ref.problem or ref.date_problem)
    console.print(f"{len(refs)} reference(s), {flagged} flagged", highlight=False)
