"""One handler, two faces: an HTML page, or its JSON twin (``.json`` or ``Accept``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from sanctionwatch.web.middleware import WANT_JSON_KEY

__all__ = ["page", "wants_json"]


def wants_json(request: Request) -> bool:
    """True for ``/page.json`` and for clients that prefer JSON to HTML."""
    if request.scope.get("state", {}).get(WANT_JSON_KEY):
        return True
    accept = request.headers.get("accept", "")
    if not accept:
        return False
    first = accept.split(",")[0].split(";")[0].strip().lower()
    return first == "application/json" or ("json" in accept and "html" not in accept)


def page(
    request: Request,
    template: str,
    data: Mapping[str, Any],
    *,
    title: str,
    status_code: int = 200,
) -> Response:
    """Render ``template`` with ``data``, or return ``data`` itself as JSON."""
    if wants_json(request):
        return JSONResponse(jsonable_encoder(data), status_code=status_code)
    ctx = request.app.state.ctx
    path = request.url.path.rstrip("/") or ""
    query = f"?{request.url.query}" if request.url.query else ""
    context = {
        **data,
        "title": title,
        "json_url": f"{path or ''}.json{query}" if path else f"/.json{query}",
    }
    return ctx.templates.TemplateResponse(request, template, context, status_code=status_code)
