"""What every request handler can reach: settings, the store, keys, audit trail, templates."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates

from sanctionwatch.settings import Settings
from sanctionwatch.store.db import Store
from sanctionwatch.web.audit import AuditTrail
from sanctionwatch.web.auth import KeyRing

__all__ = ["TEMPLATES", "WebContext"]

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"


@dataclass
class WebContext:
    settings: Settings
    store: Store
    keys: KeyRing
    audit: AuditTrail
    templates: Jinja2Templates
    cache: dict[str, Any] = field(default_factory=dict)
    lock: Any = field(default_factory=threading.RLock)

    def cached(self, key: str, stamp: object, build: Callable[[], Any]) -> Any:
        """``build()`` once per ``stamp`` (e.g. the newest list version id): a cache that
        refreshes itself when the data under it changes."""
        with self.lock:
            hit = self.cache.get(key)
            if hit is not None and hit[0] == stamp:
                return hit[1]
            value = build()
            self.cache[key] = (stamp, value)
            return value
