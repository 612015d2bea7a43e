"""One router per capability; :data:`ALL` is what the app includes."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from sanctionwatch.web.routers import compliance, documents, lists, regimes, screening, system

__all__ = ["ALL", "mount_swagger"]

ALL: list[APIRouter] = [
    compliance.router,
    screening.router,
    documents.router,
    regimes.router,
    lists.router,
    system.router,
]


def mount_swagger(app: FastAPI) -> None:
    """Serve the OpenAPI browser at ``/docs`` from the locally installed Swagger UI
    bundle (no CDN); without that package, ``/docs`` is simply absent."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:  # pragma: no cover - optional package
        return
    app.mount("/static/swagger", StaticFiles(directory=str(swagger_ui_path)), name="swagger")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="sanctionwatch API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},  # no badge from an outside site
        )
