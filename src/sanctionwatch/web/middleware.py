"""Pure ASGI middleware: request-size limit, ``.json`` twins of pages, and the audit trail.

* :class:`BodyLimitMiddleware` refuses bodies over the configured size with 413, by
  their ``Content-Length`` or, when streamed, as soon as the limit is passed.
* :class:`JsonTwinMiddleware` serves ``/any/page.json`` as ``/any/page`` with JSON
  wanted, so every HTML page has a JSON twin at the same path plus ``.json``.
* :class:`AuditMiddleware` hashes the body as it streams past, and after the response
  records the write in the audit trail when the route marked the request as a write.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio

from sanctionwatch.errors import SanctionwatchError
from sanctionwatch.web.audit import AuditEntry, AuditTrail

__all__ = [
    "AUDIT_KEY",
    "WANT_JSON_KEY",
    "AuditMiddleware",
    "BodyLimitMiddleware",
    "BodyTooLargeError",
    "JsonTwinMiddleware",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

WANT_JSON_KEY = "sw_want_json"
AUDIT_KEY = "sw_audit"
NO_TWIN = ("/static/", "/openapi.json", "/docs")


class BodyTooLargeError(SanctionwatchError):
    status_code = 413


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"detail": message, "status": status}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _message(self, size: int | None = None) -> str:
        got = f"{size:,} bytes" if size is not None else "more than that"
        return f"request body too large: {got}; the limit is {self.max_bytes:,} bytes"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    size = int(value)
                except ValueError:
                    await _send_error(send, 400, "Content-Length is not a number")
                    return
                if size > self.max_bytes:
                    await _send_error(send, 413, self._message(size))
                    return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLargeError(self._message())
            return message

        await self.app(scope, limited, send)


class JsonTwinMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if (
            scope["type"] == "http"
            and path.endswith(".json")
            and len(path) > len("/.json")
            and not path.startswith(NO_TWIN)
        ):
            scope = dict(scope)
            scope["path"] = path.removesuffix(".json")
            raw = scope.get("raw_path")
            if isinstance(raw, bytes) and raw.endswith(b".json"):
                scope["raw_path"] = raw.removesuffix(b".json")
            scope.setdefault("state", {})[WANT_JSON_KEY] = True
        elif path == "/.json":
            scope = dict(scope)
            scope["path"] = "/"
            scope.setdefault("state", {})[WANT_JSON_KEY] = True
        await self.app(scope, receive, send)


class AuditMiddleware:
    def __init__(self, app: ASGIApp, trail: AuditTrail) -> None:
        self.app = app
        self.trail = trail

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        digest = hashlib.sha256()
        size = 0
        status = 500

        async def hashing() -> Message:
            nonlocal size
            message = await receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                digest.update(chunk)
                size += len(chunk)
            return message

        async def watching(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, hashing, watching)
        finally:
            intent = state.get(AUDIT_KEY)
            if intent is not None:
                actor, role, action = intent
                entry = AuditEntry(
                    actor=actor,
                    role=role,
                    method=scope.get("method", ""),
                    path=scope.get("path", ""),
                    action=action,
                    status=status,
                    payload_sha256=digest.hexdigest(),
                    payload_bytes=size,
                )
                await anyio.to_thread.run_sync(self.trail.record, entry)
