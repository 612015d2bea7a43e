"""FastAPI dependencies: the context, who is asking, what they may do, pagination."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request
from fastapi.security import APIKeyHeader

from sanctionwatch.errors import SanctionwatchError
from sanctionwatch.web.auth import Principal
from sanctionwatch.web.context import WebContext
from sanctionwatch.web.middleware import AUDIT_KEY

__all__ = [
    "KEY_COOKIE",
    "MAX_LIMIT",
    "AuthError",
    "Ctx",
    "ForbiddenError",
    "PageParams",
    "Pages",
    "Reader",
    "get_ctx",
    "paginate",
    "writer",
]

MAX_LIMIT = 500
KEY_COOKIE = "sanctionwatch_key"  # set by the /session page for browsers
T = TypeVar("T")

api_key_header = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="An API key made with `sanctionwatch apikey create --role ROLE`.",
)


class AuthError(SanctionwatchError):
    status_code = 401


class ForbiddenError(SanctionwatchError):
    status_code = 403


def get_ctx(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.ctx
    return ctx


Ctx = Annotated[WebContext, Depends(get_ctx)]


def _bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() in ("bearer", "apikey") and token.strip():
        return token.strip()
    return None


def principal(
    request: Request, ctx: Ctx, key: Annotated[str | None, Depends(api_key_header)] = None
) -> Principal:
    """The key's principal; without a key, anonymous as the settings allow (see
    ``web_anonymous_read`` and ``web_open_until_keys``)."""
    key = key or _bearer(request) or request.cookies.get(KEY_COOKIE)
    if key:
        found = ctx.keys.lookup(key)
        if found is None:
            raise AuthError("unknown or revoked API key")
        return found
    settings = ctx.settings
    if settings.web_open_until_keys and not ctx.keys.any_active():
        return Principal("anonymous", "analyst")
    if settings.web_anonymous_read:
        return Principal("anonymous", "viewer")
    raise AuthError("an API key is needed: send it in the X-API-Key header")


Who = Annotated[Principal, Depends(principal)]


def reader(who: Who) -> Principal:
    return who


Reader = Annotated[Principal, Depends(reader)]


def writer(action: str, role: str = "analyst") -> Callable[..., Coroutine[Any, Any, Principal]]:
    """A dependency for a write: it needs ``role`` (analyst by default) and marks the
    request so that the audit trail records it, whatever its outcome."""

    async def dependency(request: Request, who: Who) -> Principal:
        if not who.can(role):
            if who.name == "anonymous":
                raise AuthError(
                    f"this needs an API key with the {role} role: send it in the X-API-Key "
                    "header, or give it to this browser on the /session page"
                )
            raise ForbiddenError(f"this needs the {role} role; key {who.name!r} is a {who.role}")
        request.scope.setdefault("state", {})[AUDIT_KEY] = (who.name, who.role, action)
        return who

    return dependency


@dataclass(slots=True, frozen=True)
class PageParams:
    limit: int
    offset: int


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")] = 0,
) -> PageParams:
    return PageParams(limit, offset)


Pages = Annotated[PageParams, Depends(page_params)]


def paginate(items: Sequence[T], params: PageParams) -> dict[str, Any]:
    """One page of ``items`` with the total, in the shape every list endpoint returns."""
    return {
        "total": len(items),
        "limit": params.limit,
        "offset": params.offset,
        "items": list(items[params.offset : params.offset + params.limit]),
    }
