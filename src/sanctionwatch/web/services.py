"""The web layer's bridge to the capabilities: imported when first used, cached per app.

Each capability (regimes, list store, screening, documents, compliance) is imported on
first use, so the app starts and its other pages work in a build that lacks one; a
request that needs a missing one gets 503 with the module named.
"""

from __future__ import annotations

import importlib
from collections import OrderedDict
from types import ModuleType
from typing import Any

from sanctionwatch.errors import InputError, SanctionwatchError
from sanctionwatch.web.context import WebContext

KEEP_ANALYSES = 64

__all__ = [
    "CapabilityMissingError",
    "analyse",
    "analysis_of",
    "kb",
    "list_repo",
    "module",
    "optional_screener",
    "picture",
    "picture_or_none",
    "remember",
    "screener",
    "stored_documents",
]


class CapabilityMissingError(SanctionwatchError):
    status_code = 503


def module(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise CapabilityMissingError(f"{name} is not available in this build: {exc}") from exc


def kb() -> Any:
    return module("sanctionwatch.regimes").load_kb()


def list_repo(ctx: WebContext) -> Any:
    return module("sanctionwatch.store.lists_repo").ListRepository(ctx.store)


def _versions_stamp(ctx: WebContext) -> tuple[tuple[str, int], ...]:
    return tuple((v.source, v.id) for v in list_repo(ctx).versions())


def screener(ctx: WebContext) -> Any:
    """A screener over the newest version of every stored list, rebuilt when a new
    version is imported. Raises InputError when no list is stored."""
    screening = module("sanctionwatch.screening.screener")
    stamp = _versions_stamp(ctx)
    if not stamp:
        raise InputError("no lists in the store yet; import one with `sanctionwatch update`")
    repo = list_repo(ctx)
    return ctx.cached(
        "screener", stamp, lambda: screening.Screener.from_entities(repo.current_entities())
    )


def stored_documents(
    ctx: WebContext, sha256: str | None = None, *, with_text: bool = True
) -> list[dict[str, Any]]:
    """Stored documents, newest first (or the one with ``sha256``), with their text."""
    from sqlalchemy import select

    row_type = module("sanctionwatch.documents.tables").DocumentRow
    query = select(row_type).order_by(row_type.id.desc())
    if sha256 is not None:
        query = query.where(row_type.sha256 == sha256)
    keys: tuple[str, ...] = ("id", "sha256", "title", "outlet", "url", "origin", "published")
    keys += ("text",) if with_text else ()
    with ctx.store.session() as session:
        return [{k: getattr(r, k) for k in keys} for r in session.scalars(query)]


def optional_screener(ctx: WebContext) -> Any | None:
    """The screener when lists are stored (names in documents are then linked to list
    entries), else None."""
    try:
        return screener(ctx)
    except InputError:
        return None


def analyse(doc: dict[str, Any], ctx: WebContext | None = None) -> Any:
    documents = module("sanctionwatch.documents")
    return documents.analyse_text(
        doc["text"],
        title=doc.get("title"),
        outlet=doc.get("outlet"),
        published=doc.get("published"),
        url=doc.get("url"),
        screener=optional_screener(ctx) if ctx is not None else None,
    )


def analysis_of(ctx: WebContext, doc: dict[str, Any]) -> Any:
    """The full analysis of a stored document (for its highlighted page), computed once
    per content hash and kept for the last :data:`KEEP_ANALYSES` documents viewed."""
    with ctx.lock:
        kept: OrderedDict[str, Any] = ctx.cache.setdefault("analyses", OrderedDict())
        if doc["sha256"] in kept:
            kept.move_to_end(doc["sha256"])
            return kept[doc["sha256"]]
    analysis = analyse(doc, ctx)
    remember(ctx, doc["sha256"], analysis)
    return analysis


def remember(ctx: WebContext, sha256: str, analysis: Any) -> None:
    with ctx.lock:
        kept: OrderedDict[str, Any] = ctx.cache.setdefault("analyses", OrderedDict())
        kept[sha256] = analysis
        while len(kept) > KEEP_ANALYSES:
            kept.popitem(last=False)


def picture_or_none(ctx: WebContext) -> Any | None:
    """The picture, or None in a build without the compliance capability (pages that
    only show it alongside other things then leave it out)."""
    try:
        return picture(ctx)
    except CapabilityMissingError:
        return None


def picture(ctx: WebContext) -> Any:
    """The compliance picture (stored claims, imported indicators and filings), exactly
    as the command line builds it, rebuilt when any of them changes."""
    service = module("sanctionwatch.compliance.service")
    compliance_repo = module("sanctionwatch.compliance.repo").ComplianceRepository(ctx.store)
    stamp = (
        tuple(d["sha256"] for d in stored_documents(ctx, with_text=False)),
        tuple(compliance_repo.origins()),
        len(compliance_repo.filings()),
    )
    return ctx.cached("picture", stamp, lambda: service.load_picture(ctx.store))
