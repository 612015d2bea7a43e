"""One handler, two faces: an HTML page, or its JSON twin (``.json`` or ``Accept``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from markupsafe import Markup

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


def _presentation(value: Any) -> bool:
    """Rendered markup (a map, a chart, highlighted text): the page's, not the data's."""
    if isinstance(value, Markup):
        return True
    return isinstance(value, list) and bool(value) and all(isinstance(v, Markup) for v in value)


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
        plain = {k: v for k, v in data.items() if not _presentation(v)}
        return JSONResponse(jsonable_encoder(plain), status_code=status_code)
    ctx = request.app.state.ctx
    path = request.url.path.rstrip("/") or ""
    query = f"?{request.url.query}" if request.url.query else ""
    context = {
        **data,
        "title": title,
        "json_url": f"{path or ''}.json{query}" if path else f"/.json{query}",
    }
    return ctx.templates.TemplateResponse(request, template, context, status_code=status_code)
