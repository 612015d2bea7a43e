"""The web layer's bridge to the capabilities: imported when first used, cached per app.

Each capability (regimes, list store, screening, documents, compliance) is imported on
first use, so the app starts and its other pages work in a build that lacks one; a
request that needs a missing one gets 503 with the module named.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from sanctionwatch.errors import InputError, SanctionwatchError
from sanctionwatch.web.context import WebContext

__all__ = [
    "CapabilityMissingError",
    "analyse",
    "analysis_of",
    "doc_count",
    "kb",
    "list_repo",
    "module",
    "optional_screener",
    "picture",
    "picture_or_none",
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


def doc_count(ctx: WebContext) -> int:
    repo = module("sanctionwatch.documents.repo").DocumentRepository(ctx.store)
    return int(repo.document_count())


def stored_documents(ctx: WebContext, sha256: str | None = None) -> list[dict[str, Any]]:
    """Stored documents, newest first (or the one with ``sha256``), with their text."""
    from sqlalchemy import select

    row_type = module("sanctionwatch.documents.tables").DocumentRow
    query = select(row_type).order_by(row_type.id.desc())
    if sha256 is not None:
        query = query.where(row_type.sha256 == sha256)
    keys = ("id", "sha256", "title", "outlet", "url", "origin", "published", "text")
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
    """The analysis of a stored document, computed once per content hash."""
    return ctx.cached(f"analysis:{doc['sha256']}", doc["sha256"], lambda: analyse(doc, ctx))


def picture_or_none(ctx: WebContext) -> Any | None:
    """The picture, or None in a build without the compliance capability (pages that
    only show it alongside other things then leave it out)."""
    try:
        return picture(ctx)
    except CapabilityMissingError:
        return None


def picture(ctx: WebContext) -> Any:
    """The compliance picture (stored documents' evidence, imported indicators and
    filings), rebuilt when any of them changes."""
    service = module("sanctionwatch.compliance.service")
    compliance_repo = module("sanctionwatch.compliance.repo").ComplianceRepository(ctx.store)
    docs = stored_documents(ctx)
    stamp = (
        tuple(d["sha256"] for d in docs),
        tuple(compliance_repo.origins()),
        len(compliance_repo.filings()),
    )

    def build() -> Any:
        return service.build_picture(
            [analysis_of(ctx, d) for d in reversed(docs)],
            service.load_obligations(),
            imported=compliance_repo.series(),
            filings=compliance_repo.filings(),
        )

    return ctx.cached("picture", stamp, build)
