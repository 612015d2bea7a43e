"""`sanctionwatch` commands for documents: thin shells over the library functions."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from sanctionwatch.clikit import console, handle_errors, settings_from

app = typer.Typer()


@app.command("analyse")
@handle_errors
def analyse_cmd(
    ctx: typer.Context,
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Text, HTML or PDF files, folders of them, or URLs (one or more).",
            metavar="SOURCE...",
        ),
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
    model_sentences: Annotated[
        bool, typer.Option(help="Split sentences with the model's statistical recogniser (slower).")
    ] = False,
    ner: Annotated[
        bool, typer.Option(help="Also find persons and organisations with the model.")
    ] = False,
) -> None:
    """Extract attributed compliance claims from news articles and reports."""

    from sanctionwatch.documents.service import analyse_source
    from sanctionwatch.errors import InputError

    if fmt not in ("table", "json"):
        raise InputError(f"--format {fmt!r}: expected table or json")
    results = analyse_source(
        sources,
        settings_from(ctx),
        outlet=outlet,
        published=date,
        store=store,
        model_sentences=model_sentences,
        ner=ner,
    )
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
        if not r.analysis.claims:
            console.print(
                "  no claims: no sentence tells of a state's conduct under a sanctions duty"
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
        if r.analysis.claims:
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
