"""Obligations and deadlines from the regimes knowledge base: API and pages."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from sanctionwatch.errors import NotFoundError
from sanctionwatch.web import services
from sanctionwatch.web.deps import Ctx, Pages, Reader, paginate
from sanctionwatch.web.render import page

__all__ = ["obligation_dict", "router"]

router = APIRouter()
Regime = Annotated[str | None, Query(max_length=40, description="Regime key, e.g. dprk.")]
Which = Annotated[Literal["all", "missed", "upcoming"], Query(description="Which deadlines.")]


def obligation_dict(ob: Any, kb: Any) -> dict[str, Any]:
    data: dict[str, Any] = ob.model_dump(mode="json")
    res = kb.resolution(ob.resolution)
    data["label"] = ob.label if isinstance(ob.label, str) else ob.id
    data["regime"] = kb.regime_of(ob.resolution)
    data["adopted"] = res.adopted.isoformat() if res else None
    data["resolution_subject"] = res.subject if res else None
    return data


def _obligation(obligation_id: str) -> tuple[Any, Any]:
    kb = services.kb()
    ob = kb.find_obligation(obligation_id)
    if ob is None:
        raise NotFoundError(f"no obligation {obligation_id!r} in the knowledge base")
    return kb, ob


def _deadlines(which: str, regime: str | None, as_of: date | None) -> list[dict[str, Any]]:
    regimes = services.module("sanctionwatch.regimes")
    rows = regimes.deadlines(services.kb(), as_of=as_of, which=which, regime=regime)
    return [d.to_dict() for d in rows]


@router.get("/api/obligations", tags=["obligations"])
def api_obligations(who: Reader, pages: Pages, regime: Regime = None) -> dict[str, Any]:
    """Obligations of the knowledge base (optionally of one regime)."""
    kb = services.kb()
    return paginate([obligation_dict(o, kb) for o in kb.obligations(regime)], pages)


@router.get("/api/obligations/{obligation_id}", tags=["obligations"])
def api_obligation(obligation_id: str, who: Reader) -> dict[str, Any]:
    """One obligation, e.g. ``2397-OP8``."""
    kb, ob = _obligation(obligation_id)
    return obligation_dict(ob, kb)


@router.get("/api/deadlines", tags=["obligations"])
def api_deadlines(
    who: Reader,
    pages: Pages,
    which: Which = "all",
    regime: Regime = None,
    as_of: Annotated[date | None, Query(description="Day to judge 'passed' by.")] = None,
) -> dict[str, Any]:
    """Deadlines, reports due and expiries, oldest first."""
    return paginate(_deadlines(which, regime, as_of), pages)


@router.get("/obligations", include_in_schema=False)
def obligations_page(request: Request, who: Reader, regime: Regime = None) -> Response:
    kb = services.kb()
    data = {
        "regime": regime,
        "obligations": [obligation_dict(o, kb) for o in kb.obligations(regime)],
        "deadlines": _deadlines("upcoming", regime, None)[:20],
        "missed": _deadlines("missed", regime, None)[-20:],
    }
    return page(request, "obligations.html", data, title="Obligations and deadlines")


@router.get("/obligations/{obligation_id}", include_in_schema=False)
def obligation_page(request: Request, ctx: Ctx, obligation_id: str, who: Reader) -> Response:
    from sanctionwatch.web.routers.compliance import assessments_for, status_map

    kb, ob = _obligation(obligation_id)
    assessments = assessments_for(ctx, obligation_id=ob.id, required=False)
    data = {
        "obligation": obligation_dict(ob, kb),
        "deadlines": [d for d in _deadlines("all", None, None) if d["obligation_id"] == ob.id],
        "assessments": assessments,
        "map": status_map(assessments),
    }
    return page(request, "obligation.html", data, title=f"{ob.id}: {ob.title}")
