"""Compliance: the dashboard, states, assessments, contradictions, alerts and reports."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from markupsafe import Markup

from sanctionwatch.errors import InputError
from sanctionwatch.web import services
from sanctionwatch.web.context import WebContext
from sanctionwatch.web.deps import Ctx, Pages, Reader, paginate
from sanctionwatch.web.render import page
from sanctionwatch.web.worldgrid import STATUS_COLOURS, country_name, tile_map_svg

__all__ = ["assessments_for", "router", "status_map"]

router = APIRouter()
State = Annotated[str | None, Query(min_length=2, max_length=3, description="ISO2 code.")]
Obligation = Annotated[str | None, Query(max_length=40, description="e.g. 2397-OP8.")]
AsOf = Annotated[date | None, Query(description="Assess as of this day (default today).")]


def _iso(state: str) -> str:
    code = state.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise InputError(f"{state!r} is not an ISO 3166-1 alpha-2 country code")
    return code


def _export() -> Any:
    return services.module("sanctionwatch.compliance.export")


def assessments_for(
    ctx: WebContext,
    *,
    state: str | None = None,
    obligation_id: str | None = None,
    as_of: date | None = None,
    required: bool = True,
) -> list[dict[str, Any]]:
    pic = services.picture(ctx) if required else services.picture_or_none(ctx)
    if pic is None:
        return []
    found = pic.assess_all(as_of or date.today(), state=state, obligation_id=obligation_id)
    out = []
    for a in found:
        data = _export().assessment_dict(a)
        data["state_name"] = country_name(a.state) if len(a.state) == 2 else a.state
        out.append(data)
    return out


def status_map(assessments: list[dict[str, Any]]) -> Markup:
    statuses = {a["state"]: a["status"] for a in assessments if len(a["state"]) == 2}
    return Markup(tile_map_svg(statuses, title="compliance status by state"))


def _alerts(ctx: WebContext, as_of: date | None, required: bool = True) -> list[dict[str, Any]]:
    pic = services.picture(ctx) if required else services.picture_or_none(ctx)
    if pic is None:
        return []
    repo = services.module("sanctionwatch.compliance.repo").ComplianceRepository(ctx.store)
    service = services.module("sanctionwatch.compliance.service")
    changes = service.load_list_changes(ctx.store) if _has_lists(ctx) else []
    alerts = pic.alerts(as_of or date.today(), repo.last_statuses(), changes)
    return [a.to_dict() for a in alerts]


def _has_lists(ctx: WebContext) -> bool:
    try:
        return bool(services.list_repo(ctx).sources())
    except services.CapabilityMissingError:
        return False


def _charts(ctx: WebContext, state: str) -> list[Markup]:
    charts = services.module("sanctionwatch.compliance.charts")
    pic = services.picture(ctx)
    series = [s for s in pic.series if s.state == state]
    surges = [s for s in pic.surges() if s.state == state]
    return [Markup(charts.svg_bars(c)) for c in charts.chart_for(series, surges)]


@router.get("/api/assessments", tags=["compliance"])
def api_assessments(
    ctx: Ctx,
    who: Reader,
    pages: Pages,
    state: State = None,
    obligation: Obligation = None,
    as_of: AsOf = None,
) -> dict[str, Any]:
    """Status of each (state, obligation) that evidence speaks about, with the reasons
    and the evidence behind it."""
    state = _iso(state) if state else None
    return paginate(assessments_for(ctx, state=state, obligation_id=obligation, as_of=as_of), pages)


@router.get("/api/contradictions", tags=["compliance"])
def api_contradictions(
    ctx: Ctx, who: Reader, pages: Pages, state: State = None, obligation: Obligation = None
) -> dict[str, Any]:
    """Statements that contradict each other, numbers that do not add up, references
    that point at the wrong resolution."""
    state = _iso(state) if state else None
    found = services.picture(ctx).contradictions(state=state, obligation_id=obligation)
    return paginate([_export().contradiction_dict(c) for c in found], pages)


@router.get("/api/alerts", tags=["compliance"])
def api_alerts(ctx: Ctx, who: Reader, pages: Pages, as_of: AsOf = None) -> dict[str, Any]:
    """Deadlines passed without evidence of compliance, status changes, and list changes
    that touch names in the news."""
    return paginate(_alerts(ctx, as_of), pages)


@router.get("/api/reports/{state}/{obligation_id}", tags=["compliance"])
def api_report(
    ctx: Ctx,
    state: str,
    obligation_id: str,
    who: Reader,
    format: Annotated[Literal["markdown", "html"], Query(description="Report format.")] = "html",
    as_of: AsOf = None,
) -> Response:
    """A brief on one state and one obligation, with every statement cited, to download."""
    iso = _iso(state)
    brief = services.picture(ctx).brief(iso, obligation_id, as_of or date.today())
    report = services.module("sanctionwatch.compliance.report")
    name = f"sanctionwatch-{iso}-{obligation_id}"
    if format == "markdown":
        body, media, ext = report.render_markdown(brief), "text/markdown", "md"
    else:
        body, media, ext = report.render_html(brief), "text/html", "html"
    headers = {"Content-Disposition": f'attachment; filename="{name}.{ext}"'}
    return Response(body, media_type=f"{media}; charset=utf-8", headers=headers)


@router.get("/", include_in_schema=False)
def dashboard(request: Request, ctx: Ctx, who: Reader, obligation: Obligation = None) -> Response:
    regimes = services.module("sanctionwatch.regimes")
    kb = services.kb()
    assessments = assessments_for(ctx, required=False)
    with_evidence = sorted({a["obligation_id"] for a in assessments})
    chosen = obligation or (with_evidence[0] if with_evidence else "2397-OP8")
    on_chosen = [a for a in assessments if a["obligation_id"] == chosen]
    data = {
        "obligation": chosen,
        "obligations": [{"id": o.id, "title": o.title} for o in kb.obligations()],
        "upcoming": [d.to_dict() for d in regimes.deadlines(kb, which="upcoming")][:10],
        "missed": [d.to_dict() for d in regimes.deadlines(kb, which="missed")][-10:],
        "by_status": dict(Counter(a["status"] for a in assessments).most_common()),
        "assessments": [
            {k: a[k] for k in ("state", "state_name", "obligation_id", "status", "headline")}
            for a in assessments
        ],
        "alerts": _alerts(ctx, None, required=False)[:10],
        "map": status_map(on_chosen),
        "map_statuses": {a["state"]: a["status"] for a in on_chosen},
        "colours": STATUS_COLOURS,
    }
    return page(request, "dashboard.html", data, title="Dashboard")


@router.get("/states", include_in_schema=False)
def states_page(request: Request, ctx: Ctx, who: Reader) -> Response:
    data = {"assessments": assessments_for(ctx)}
    return page(request, "states.html", data, title="States")


@router.get("/states/{state}", include_in_schema=False)
def state_page(request: Request, ctx: Ctx, state: str, who: Reader) -> Response:
    iso = _iso(state)
    data = {
        "state": iso,
        "state_name": country_name(iso),
        "assessments": assessments_for(ctx, state=iso),
        "charts": _charts(ctx, iso),
    }
    return page(request, "state.html", data, title=f"{country_name(iso)} ({iso})")


@router.get("/states/{state}/obligations/{obligation_id}", include_in_schema=False)
def state_obligation_page(
    request: Request, ctx: Ctx, state: str, obligation_id: str, who: Reader, as_of: AsOf = None
) -> Response:
    iso = _iso(state)
    pic = services.picture(ctx)
    when = as_of or date.today()
    assessment = _export().assessment_dict(pic.assess(iso, obligation_id, when))
    contradictions = [
        _export().contradiction_dict(c)
        for c in pic.contradictions(state=iso, obligation_id=obligation_id)
    ]
    # The timeline: the evidence assessed, and the statements the contradictions set
    # against it, each once, oldest first.
    seen: dict[str, dict[str, Any]] = {e["key"]: e for e in assessment["evidence"]}
    for c in contradictions:
        for e in c["evidence"]:
            seen.setdefault(e["key"], e)
    timeline = sorted(seen.values(), key=lambda e: (e["published"] or "", e["start"] or 0))
    data = {
        "state": iso,
        "state_name": country_name(iso),
        "assessment": assessment,
        "timeline": timeline,
        "contradictions": contradictions,
        "charts": _charts(ctx, iso),
        "report": f"/api/reports/{iso}/{obligation_id}",
    }
    title = f"{country_name(iso)} on {obligation_id}"
    return page(request, "state_obligation.html", data, title=title)
