"""Errors as responses: ``{"detail": message, "status": code}``, or an error page for
browsers. Every :class:`SanctionwatchError` carries its own status code."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from sanctionwatch.errors import SanctionwatchError

__all__ = ["error_response", "install_handlers", "validation_message"]

log = logging.getLogger(__name__)


def _wants_html(request: Request) -> bool:
    from sanctionwatch.web.render import wants_json

    accept = request.headers.get("accept", "")
    return "text/html" in accept and not wants_json(request)


def error_response(request: Request, status: int, message: str, **extra: Any) -> Response:
    if _wants_html(request):
        ctx = request.app.state.ctx
        return ctx.templates.TemplateResponse(
            request,
            "error.html",
            {"title": f"Error {status}", "status": status, "detail": message},
            status_code=status,
        )
    return JSONResponse({"detail": message, "status": status, **extra}, status_code=status)


def validation_message(errors: list[Any]) -> str:
    """One line per problem: where it is and what is wrong."""
    parts = []
    for err in errors[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return "invalid request: " + "; ".join(parts) + more


def install_handlers(app: FastAPI) -> None:
    async def on_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SanctionwatchError)
        return error_response(request, exc.status_code, exc.message)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        cause = exc.__cause__
        if isinstance(cause, SanctionwatchError):  # e.g. the body limit hit while parsing
            return error_response(request, cause.status_code, cause.message)
        response = error_response(request, exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = list(exc.errors())
        plain = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in errors
        ]
        return error_response(request, 422, validation_message(errors), errors=plain)

    async def on_model(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ValidationError)
        errors: list[dict[str, Any]] = [dict(e) for e in exc.errors()]
        for err in errors:
            err["loc"] = ("body", *tuple(err.get("loc") or ()))
        return error_response(request, 422, validation_message(errors))

    app.add_exception_handler(SanctionwatchError, on_error)
    app.add_exception_handler(ValidationError, on_model)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
