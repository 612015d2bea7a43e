"""Health, who am I, API keys and the audit trail."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from sanctionwatch import __version__
from sanctionwatch.errors import InputError
from sanctionwatch.web.auth import ROLES, Principal
from sanctionwatch.web.deps import (
    KEY_COOKIE,
    AuthError,
    Ctx,
    ForbiddenError,
    Pages,
    Reader,
    writer,
)
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


@router.get("/session", include_in_schema=False)
def session_page(request: Request, who: Reader) -> Response:
    data = {"you": {"name": who.name, "role": who.role}}
    return page(request, "session.html", data, title="API key for this browser")


@router.post("/session", include_in_schema=False)
def session_start(ctx: Ctx, key: Annotated[str, Form(max_length=200)]) -> Response:
    """Keep an API key in a cookie (HttpOnly, SameSite=Strict) so the pages can write."""
    if ctx.keys.lookup(key.strip()) is None:
        raise AuthError("unknown or revoked API key")
    response = RedirectResponse("/session", status_code=303)
    response.set_cookie(KEY_COOKIE, key.strip(), httponly=True, samesite="strict")
    return response


@router.post("/session/end", include_in_schema=False)
def session_end() -> Response:
    response = RedirectResponse("/session", status_code=303)
    response.delete_cookie(KEY_COOKIE)
    return response


@router.get("/audit", include_in_schema=False)
def audit_page(request: Request, ctx: Ctx, who: Reader, pages: Pages) -> Response:
    _admin(who)
    total, entries = ctx.audit.entries(limit=pages.limit, offset=pages.offset)
    items = [asdict(e) for e in entries]
    data = {"total": total, "limit": pages.limit, "offset": pages.offset, "items": items}
    return page(request, "audit.html", data, title="Audit trail")
