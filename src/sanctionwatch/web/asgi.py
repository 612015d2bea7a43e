"""An app factory for ASGI servers that start several worker processes.

``uvicorn --factory sanctionwatch.web.asgi:app_from_environment --workers 4`` (or
``sanctionwatch serve --workers 4``) calls it once in every worker; each worker reads
its settings from the ``SANCTIONWATCH_*`` environment variables.
"""

from __future__ import annotations

from fastapi import FastAPI

from sanctionwatch.settings import Settings
from sanctionwatch.web.app import create_app

__all__ = ["app_from_environment"]


def app_from_environment() -> FastAPI:
    """The web app for the store that ``SANCTIONWATCH_*`` settings name."""
    return create_app(Settings())
