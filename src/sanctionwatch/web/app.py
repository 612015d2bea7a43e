"""The web app: ``create_app(settings)`` builds a FastAPI application over one store.

JSON API routes are documented in the OpenAPI spec (``/openapi.json``, browsable at
``/docs`` with locally served assets). Pages are server-rendered with Jinja2 and each
has a JSON twin at the same path plus ``.json``.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from sanctionwatch import __version__
from sanctionwatch.settings import Settings
from sanctionwatch.store.db import Store, open_store
from sanctionwatch.web import routers
from sanctionwatch.web.audit import AuditTrail
from sanctionwatch.web.auth import KeyRing
from sanctionwatch.web.context import HERE, TEMPLATES, WebContext
from sanctionwatch.web.handlers import install_handlers
from sanctionwatch.web.middleware import AuditMiddleware, BodyLimitMiddleware, JsonTwinMiddleware
from sanctionwatch.web.templating import install_filters

__all__ = ["create_app"]

DESCRIPTION = """\
Monitor UN sanctions over HTTP: screen names against the official lists (the
`/match/{dataset}` endpoint speaks yente's request and response format), follow list
versions and what changed, read obligations and deadlines, analyse news text into
attributed claims, and see compliance assessments, alerts and reports.

Errors are JSON objects `{"detail": "...", "status": code}`. Reads need the viewer role,
writes the analyst role; send a key in the `X-API-Key` header. Every write is recorded
in the audit trail. List endpoints take `limit` and `offset`.
"""


def create_app(settings: Settings, *, store: Store | None = None) -> FastAPI:
    """A FastAPI app serving ``settings``' store (migrated to the newest schema)."""
    store = store or open_store(settings)
    templates = Jinja2Templates(directory=str(TEMPLATES))
    install_filters(templates)
    ctx = WebContext(settings, store, KeyRing(store), AuditTrail(store), templates)
    app = FastAPI(
        title="sanctionwatch",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
    )
    app.state.ctx = ctx
    install_handlers(app)
    # The last added is the outermost: size limit, then .json twins, then the audit.
    app.add_middleware(AuditMiddleware, trail=ctx.audit)
    app.add_middleware(JsonTwinMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.web_max_body_bytes)
    routers.mount_swagger(app)  # before /static, which would hide /static/swagger
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for router in routers.ALL:
        app.include_router(router)
    return app
