"""Health, who am I, API keys and the audit trail."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from sanctionwatch import __version__
from sanctionwatch.errors import InputError
from sanctionwatch.web.auth import ROLES, Principal
from sanctionwatch.web.deps import Ctx, ForbiddenError, Pages, Reader, writer
from sanctionwatch.web.render import page

__all__ = ["router"]

router = APIRouter()
KeyAdmin = Annotated[Principal, Depends(writer("apikey.create", "admin"))]


class Health(BaseModel):
    status: str
    version: str
    store: str


class WhoAmI(BaseModel):
    name: str
    role: str


class NewKey(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    role: str = Field(description="viewer, analyst or admin")


def _admin(who: Principal) -> None:
    if not who.can("admin"):
        raise ForbiddenError("this needs the admin role")


@router.get("/api/health", tags=["system"], response_model=Health)
def health(ctx: Ctx) -> Health:
    """The server is up and its store reachable."""
    return Health(status="ok", version=__version__, store=ctx.store.dialect)


@router.get("/api/whoami", tags=["system"], response_model=WhoAmI)
def whoami(who: Reader) -> WhoAmI:
    """The name and role the request is served as."""
    return WhoAmI(name=who.name, role=who.role)


@router.get("/api/keys", tags=["system"])
def list_keys(ctx: Ctx, who: Reader, pages: Pages) -> dict[str, Any]:
    """API keys (never the keys themselves: name, prefix, role). Admin only."""
    _admin(who)
    keys = [asdict(k) for k in ctx.keys.all()]
    return {
        "total": len(keys),
        "limit": pages.limit,
        "offset": pages.offset,
        "items": keys[pages.offset : pages.offset + pages.limit],
    }


@router.post("/api/keys", tags=["system"], status_code=201)
def create_key(ctx: Ctx, body: NewKey, who: KeyAdmin) -> dict[str, Any]:
    """A new API key, shown once. Admin only."""
    if body.role not in ROLES:
        raise InputError(f"unknown role {body.role!r}: use one of {', '.join(ROLES)}")
    key, info = ctx.keys.create(body.name, body.role)
    return {"key": key, **asdict(info)}


@router.get("/api/audit", tags=["system"])
def audit(ctx: Ctx, who: Reader, pages: Pages) -> dict[str, Any]:
    """The audit trail of writes, newest first. Admin only."""
    _admin(who)
    total, entries = ctx.audit.entries(limit=pages.limit, offset=pages.offset)
    return {
        "total": total,
        "limit": pages.limit,
        "offset": pages.offset,
        "items": [asdict(e) for e in entries],
    }


@router.get("/about", include_in_schema=False)
def about(request: Request, ctx: Ctx, who: Reader) -> Response:
    data = {
        "version": __version__,
        "store": ctx.store.safe_url.split("://")[0],
        "you": {"name": who.name, "role": who.role},
    }
    return page(request, "about.html", data, title="About")
