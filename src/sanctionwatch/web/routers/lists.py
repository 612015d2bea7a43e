"""Official lists: sources, versions, what changed, entries. API and pages."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from sanctionwatch.errors import NotFoundError
from sanctionwatch.web import services
from sanctionwatch.web.deps import Ctx, Pages, Reader, paginate
from sanctionwatch.web.render import page

__all__ = ["router"]

router = APIRouter()
Source = Annotated[str | None, Query(max_length=64, description="Dataset key, e.g. un.")]
Since = Annotated[date | None, Query(description="Compare with the version current on this day.")]


def _version(v: Any) -> dict[str, Any]:
    data = asdict(v)
    data["label"] = v.label
    return data


def _sources(ctx: Ctx) -> list[dict[str, Any]]:
    repo = services.list_repo(ctx)
    out = []
    for source in repo.sources():
        history = [v for v in repo.versions(source) if v.source == source]
        out.append({"source": source, "versions": len(history), "current": _version(history[-1])})
    return out


def _changes(ctx: Ctx, source: str, since: date | None) -> dict[str, Any]:
    diff_mod = services.module("sanctionwatch.lists.diff")
    repo = services.list_repo(ctx)
    if source not in repo.sources():
        raise NotFoundError(f"no list {source!r} in the store")
    compared = diff_mod.compare_versions(repo, source, since)
    changes = [asdict(c) for c in compared.diff.all()]
    return {
        "source": source,
        "old": _version(compared.old),
        "new": _version(compared.new),
        "counts": {
            "added": len(compared.diff.added),
            "removed": len(compared.diff.removed),
            "changed": len(compared.diff.changed),
        },
        "changes": changes,
    }


@router.get("/api/lists", tags=["lists"])
def api_lists(ctx: Ctx, who: Reader, pages: Pages) -> dict[str, Any]:
    """Every stored dataset with its newest version."""
    return paginate(_sources(ctx), pages)


@router.get("/api/lists/versions", tags=["lists"])
def api_versions(ctx: Ctx, who: Reader, pages: Pages, source: Source = None) -> dict[str, Any]:
    """Stored versions, oldest first (of one dataset, or of all)."""
    return paginate([_version(v) for v in services.list_repo(ctx).versions(source)], pages)


@router.get("/api/lists/{source}/changes", tags=["lists"])
def api_changes(
    ctx: Ctx, source: str, who: Reader, pages: Pages, since: Since = None
) -> dict[str, Any]:
    """What changed in a dataset: the newest version against the previous one (or the
    one current on ``since``)."""
    result = _changes(ctx, source, since)
    paged = paginate(result.pop("changes"), pages)
    return {**result, **paged}


@router.get("/api/entities/{source}/{ref}", tags=["lists"])
def api_entity(ctx: Ctx, source: str, ref: str, who: Reader) -> dict[str, Any]:
    """One list entry of the newest version of its dataset."""
    entity = services.list_repo(ctx).entity(source, ref)
    if entity is None:
        raise NotFoundError(f"no entry {ref!r} in list {source!r}")
    data: dict[str, Any] = entity.to_dict()
    return data


@router.get("/lists", include_in_schema=False)
def lists_page(request: Request, ctx: Ctx, who: Reader) -> Response:
    return page(request, "lists.html", {"sources": _sources(ctx)}, title="Lists")


@router.get("/lists/{source}", include_in_schema=False)
def list_page(
    request: Request, ctx: Ctx, source: str, who: Reader, since: Since = None
) -> Response:
    repo = services.list_repo(ctx)
    versions = [_version(v) for v in repo.versions(source) if v.source == source]
    if not versions:
        raise NotFoundError(f"no list {source!r} in the store")
    changes = _changes(ctx, source, since) if len(versions) > 1 else None
    if changes is not None:
        changes["changes"] = changes["changes"][:500]
    data = {"source": source, "versions": versions, "changes": changes}
    return page(request, "list.html", data, title=f"List {source}")


@router.get("/lists/{source}/entities/{ref}", include_in_schema=False)
def entity_page(request: Request, ctx: Ctx, source: str, ref: str, who: Reader) -> Response:
    entity = api_entity(ctx, source, ref, who)
    return page(request, "entity.html", {"entity": entity}, title=f"{ref}")
