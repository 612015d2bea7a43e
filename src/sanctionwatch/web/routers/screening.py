"""Screening: yente-compatible ``/match/{dataset}``, ``/search/{dataset}``, the console
page, decisions, and batch screening of a CSV with progress."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from sanctionwatch.errors import InputError
from sanctionwatch.screening.yente import EntityMatchQuery, EntityMatchResponse
from sanctionwatch.screening.yente import match as yente_match
from sanctionwatch.web import services
from sanctionwatch.web.auth import Principal
from sanctionwatch.web.batch import BatchJobs, read_rows
from sanctionwatch.web.context import WebContext
from sanctionwatch.web.deps import Ctx, Pages, Reader, paginate, writer
from sanctionwatch.web.render import page

__all__ = ["router"]

router = APIRouter()
Decider = Annotated[Principal, Depends(writer("screening.decision"))]
Limit = Annotated[int, Query(ge=1, le=100, description="Most matches to return.")]
MAX_QUERIES = 100
Name = Annotated[str, Query(min_length=1, max_length=500, description="A name, any script.")]


class DecisionIn(BaseModel):
    query: str = Field(min_length=1, max_length=500, description="The name that was screened.")
    source: str = Field(min_length=1, max_length=32)
    ref: str = Field(min_length=1, max_length=128)
    decision: str = Field(description="true_match or false_positive")
    reason: str = Field(min_length=1, max_length=2000)


def _jobs(ctx: WebContext) -> BatchJobs:
    jobs: BatchJobs = ctx.cached("batch-jobs", 0, BatchJobs)
    return jobs


def match_dict(match: Any) -> dict[str, Any]:
    e = match.entity
    decision = match.decision
    return {
        "source": e.source,
        "ref": e.ref,
        "kind": str(e.kind),
        "name": e.primary_name,
        "matched_name": match.matched_name,
        "score": round(match.score, 4),
        "explanation": [f.to_dict() for f in match.explanation],
        "programmes": list(e.programmes),
        "nationalities": list(e.nationalities),
        "birth_dates": [str(b.start) for b in e.birth_dates],
        "decision": None if decision is None else asdict(decision),
    }


def screen(
    ctx: WebContext,
    name: str,
    *,
    kind: str | None = None,
    birth_date: str | None = None,
    country: str | None = None,
    limit: int = 10,
) -> list[dict[str, Any]]:
    screening = services.module("sanctionwatch.screening")
    decisions = services.module("sanctionwatch.screening.decisions")
    query = screening.Query(
        name, kind=kind or None, birth_date=birth_date or None, country=country or None
    )
    matches = services.screener(ctx).screen(query, limit=limit)
    decisions.attach_decisions(ctx.store, query, matches)
    return [match_dict(m) for m in matches]


@router.post("/match/{dataset}", tags=["screening"], response_model=EntityMatchResponse)
def match(
    ctx: Ctx,
    dataset: Annotated[str, Path(max_length=64)],
    body: EntityMatchQuery,
    who: Reader,
    limit: Annotated[int, Query(ge=1, le=500)] = 5,
    threshold: Annotated[float | None, Query(ge=0, le=1)] = None,
    cutoff: Annotated[float, Query(ge=0, le=1)] = 0.0,
) -> EntityMatchResponse:
    """Match entities against a dataset, in yente's request and response format:
    ``{"queries": {"q1": {"schema": "Person", "properties": {"name": ["..."]}}}}``.
    ``dataset`` is ``default`` (every list) or a dataset key such as ``un``. A query
    that cannot be screened gets ``status`` 400 in its own response."""
    if len(body.queries) > MAX_QUERIES:
        raise InputError(f"{len(body.queries)} queries in one request; the limit is {MAX_QUERIES}")
    result: EntityMatchResponse = yente_match(
        services.screener(ctx), dataset, body, limit=limit, threshold=threshold, cutoff=cutoff
    )
    return result


@router.get("/search/{dataset}", tags=["screening"])
def search(
    ctx: Ctx,
    dataset: str,
    q: Name,
    who: Reader,
    limit: Limit = 10,
    schema: Annotated[str | None, Query(max_length=40)] = None,
) -> dict[str, Any]:
    """Screen one name (any script) and return the best matches with explanations."""
    results = screen(ctx, q, kind=schema, limit=100)
    if dataset not in ("default", "all", "sanctions"):
        results = [r for r in results if r["source"].startswith(dataset)]
    return {"query": q, "total": len(results[:limit]), "results": results[:limit]}


@router.post("/api/decisions", tags=["screening"], status_code=201)
def api_decide(ctx: Ctx, body: DecisionIn, who: Decider) -> dict[str, Any]:
    """Record an analyst's decision on a match (true_match or false_positive)."""
    decisions = services.module("sanctionwatch.screening.decisions")
    made = decisions.record_decision(
        ctx.store, body.query, body.source, body.ref, body.decision, who.name, body.reason
    )
    return dict(asdict(made))


@router.get("/api/decisions", tags=["screening"])
def api_decisions(
    ctx: Ctx,
    who: Reader,
    pages: Pages,
    source: Annotated[str | None, Query(max_length=32)] = None,
    ref: Annotated[str | None, Query(max_length=128)] = None,
) -> dict[str, Any]:
    """Every decision recorded, oldest first (optionally for one list entry)."""
    decisions = services.module("sanctionwatch.screening.decisions")
    found = decisions.audit_trail(ctx.store, source, ref)
    return paginate([asdict(d) for d in found], pages)


@router.post("/api/screening/batch", tags=["screening"], status_code=202)
async def api_batch(
    ctx: Ctx,
    who: Reader,
    file: Annotated[UploadFile, File(description="CSV with a 'name' column.")],
) -> dict[str, Any]:
    """Start screening every row of a CSV; poll the job for progress and results."""
    rows = read_rows(await file.read())
    services.screener(ctx)  # build the index now: a clear error before the job starts

    def one(row: dict[str, str]) -> list[dict[str, Any]]:
        return screen(
            ctx,
            row["name"],
            kind=row["kind"],
            birth_date=row["birth_date"],
            country=row["country"],
            limit=3,
        )

    return _jobs(ctx).start(rows, one).progress()


@router.get("/api/screening/batch/{job_id}", tags=["screening"])
def api_batch_status(ctx: Ctx, job_id: str, who: Reader) -> dict[str, Any]:
    """Progress of a batch job (``done`` of ``total`` rows, ``finished``)."""
    return _jobs(ctx).get(job_id).progress()


@router.get("/api/screening/batch/{job_id}/results", tags=["screening"])
def api_batch_results(
    ctx: Ctx,
    job_id: str,
    who: Reader,
    format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
) -> Response:
    """Results of a batch job: the best matches of each row, as JSON or CSV."""
    job = _jobs(ctx).get(job_id)
    if format == "json":
        from fastapi.responses import JSONResponse

        return JSONResponse({**job.progress(), "rows": job.results})
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["name", "id", "error", "best_source", "best_ref", "best_name", "best_score"])
    for row in job.results:
        best = row["matches"][0] if row["matches"] else {}
        w.writerow(
            [
                row["name"],
                row["id"],
                row["error"] or "",
                best.get("source", ""),
                best.get("ref", ""),
                best.get("name", ""),
                best.get("score", ""),
            ]
        )
    headers = {"Content-Disposition": f'attachment; filename="screening-{job_id}.csv"'}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/screening", include_in_schema=False)
def console(
    request: Request,
    ctx: Ctx,
    who: Reader,
    q: Annotated[str, Query(max_length=500)] = "",
    kind: Annotated[str, Query(max_length=20)] = "",
    birth_date: Annotated[str, Query(max_length=10)] = "",
    country: Annotated[str, Query(max_length=60)] = "",
    job: Annotated[str, Query(max_length=40)] = "",
) -> Response:
    results: list[dict[str, Any]] = []
    error = None
    if q:
        try:
            results = screen(ctx, q, kind=kind, birth_date=birth_date, country=country)
        except InputError as exc:
            error = exc.message
    data = {
        "error": error,
        "q": q,
        "kind": kind,
        "birth_date": birth_date,
        "country": country,
        "results": results,
        "job": _jobs(ctx).get(job).progress() if job else None,
    }
    return page(request, "screening.html", data, title="Screening console")


@router.post("/screening/decide", include_in_schema=False)
def console_decide(
    ctx: Ctx,
    who: Decider,
    query: Annotated[str, Form(max_length=500)],
    source: Annotated[str, Form(max_length=32)],
    ref: Annotated[str, Form(max_length=128)],
    decision: Annotated[str, Form(max_length=20)],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    body = DecisionIn(
        query=query, source=source, ref=ref, decision=decision, reason=reason or "no reason given"
    )
    api_decide(ctx, body, who)
    return RedirectResponse(f"/screening?{_qs(query)}", status_code=303)


@router.post("/screening/batch", include_in_schema=False)
async def console_batch(ctx: Ctx, who: Reader, file: Annotated[UploadFile, File()]) -> Response:
    if not file.filename:
        raise InputError("choose a CSV file to upload")
    started = await api_batch(ctx, who, file)
    return RedirectResponse(f"/screening?job={started['id']}", status_code=303)


def _qs(query: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"q": query})
