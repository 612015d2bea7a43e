"""Documents: paste text, upload a file or give a URL; see claims, quotes, quantities,
entities and resolution references highlighted and linked. API and pages."""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from sanctionwatch.errors import InputError, NotFoundError
from sanctionwatch.web import services
from sanctionwatch.web.auth import Principal
from sanctionwatch.web.context import WebContext
from sanctionwatch.web.deps import Ctx, Pages, Reader, paginate, writer
from sanctionwatch.web.highlight import Span, to_html
from sanctionwatch.web.render import page, wants_json

__all__ = ["router"]

router = APIRouter()
MAX_TEXT = 2_000_000
PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
Saver = Annotated[Principal, Depends(writer("documents.save"))]


class DocumentIn(BaseModel):
    text: str | None = Field(None, max_length=MAX_TEXT, description="The text itself.")
    url: str | None = Field(None, max_length=2000, description="Or a URL to fetch.")
    title: str | None = Field(None, max_length=500)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(
        None,
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description="YYYY, YYYY-MM or YYYY-MM-DD; a year completes a dateline like 'Dec 17'.",
    )


def check_published(text: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real day, month or year (1900 to
    2100), or None; anything else is an InputError."""
    if text is None or not text.strip():
        return None
    value = text.strip()
    if PUBLISHED.match(value):
        parts = [int(p) for p in value.split("-")]
        year, month, day = parts[0], (parts[1:2] or [1])[0], (parts[2:3] or [1])[0]
        if 1900 <= year <= 2100:
            try:
                date(year, month, day)
            except ValueError:
                pass
            else:
                return value
    raise InputError(f"published {text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")


def _raw(body: DocumentIn, ctx: WebContext) -> dict[str, Any]:
    """The document to analyse, as stored-document fields, from text or a URL."""
    ingest = services.module("sanctionwatch.documents.ingest")
    body.published = check_published(body.published)
    if body.text and body.text.strip():
        text = ingest.check_text(body.text.replace("\r\n", "\n"), "the pasted text")
        return {
            "text": text,
            "title": body.title,
            "outlet": body.outlet,
            "published": body.published,
            "url": body.url,
            "origin": "pasted",
        }
    if body.url and body.url.strip():
        url = body.url.strip()
        if not url.startswith(("http://", "https://")):
            raise InputError(f"{url!r} is not an http(s) URL")
        raw = ingest.read_url(url, timeout=ctx.settings.http_timeout)
        return {
            "text": raw.text,
            "title": body.title or raw.title,
            "outlet": body.outlet or raw.outlet,
            "published": body.published or raw.metadata_date,
            "url": url,
            "origin": url,
        }
    raise InputError("give the text of the document, or its URL")


def _save(ctx: WebContext, doc: dict[str, Any]) -> dict[str, Any]:
    analysis = services.analyse(doc, ctx)
    repo = services.module("sanctionwatch.documents.repo").DocumentRepository(ctx.store)
    result = repo.save(analysis, origin=doc.get("origin"))
    services.remember(ctx, result.sha256, analysis)
    return {**asdict(result), "analysis": analysis}


def _claim_href(claim: Any) -> str | None:
    if claim.obligation_id and len(claim.subject_state) == 2:
        return f"/states/{claim.subject_state}/obligations/{claim.obligation_id}"
    if claim.obligation_id:
        return f"/obligations/{claim.obligation_id}"
    return None


def spans_of(analysis: Any) -> list[Span]:
    """Every highlight of an analysis, linked to what it stands for."""
    spans: list[Span] = []
    for c in analysis.claims:
        title = f"{c.subject_state} · {c.stance.replace('_', ' ')}"
        if c.obligation_id:
            title += f" · {c.obligation_id}"
        if c.speaker:
            title += f" · {c.speaker}"
        spans.append(Span(c.start, c.end, "claim", _claim_href(c), title))
    for q in analysis.quotes:
        spans.append(Span(q.start, q.end, "quote", None, f"quote: {q.speaker or 'unattributed'}"))
    for r in analysis.references:
        href = f"/obligations/{r.obligation_id}" if r.obligation_id else None
        title = r.problem or f"resolution {r.resolved or r.number}"
        spans.append(Span(r.start, r.end, "reference", href, title))
    for q in analysis.quantities:
        title = f"{q.value:g} {q.unit}" + (f" ({q.what})" if q.what else "")
        spans.append(Span(q.start, q.end, "quantity", None, title))
    for m in analysis.mentions:
        href = f"/states/{m.country}" if m.country and m.kind == "country" else None
        spans.append(Span(m.start, m.end, "entity", href, f"{m.kind}: {m.text}"))
    for hit in analysis.entities:
        start, end = hit.get("start"), hit.get("end")
        source, ref = hit.get("source"), hit.get("ref")
        if isinstance(start, int) and isinstance(end, int) and source and ref:
            spans.append(
                Span(start, end, "entity", f"/lists/{source}/entities/{ref}", f"list entry {ref}")
            )
    return spans


def _analysis_dict(analysis: Any) -> dict[str, Any]:
    data: dict[str, Any] = asdict(analysis)
    return data


def _document(ctx: WebContext, sha256: str) -> dict[str, Any]:
    found = services.stored_documents(ctx, sha256)
    if not found:
        raise NotFoundError(f"no stored document {sha256!r}")
    return found[0]


def _title(doc: dict[str, Any]) -> str:
    if doc.get("title"):
        return str(doc["title"])
    first = " ".join(str(doc["text"]).split()[:12])
    return first + ("…" if len(first) < len(doc["text"].strip()) else "")


def _listing(ctx: WebContext) -> list[dict[str, Any]]:
    return [
        {**{k: v for k, v in d.items() if k != "text"}, "label": _title(d)}
        for d in services.stored_documents(ctx)
    ]


@router.post("/api/documents/analyse", tags=["documents"])
def api_analyse(ctx: Ctx, body: DocumentIn, who: Reader) -> dict[str, Any]:
    """Analyse a text (or a URL) without storing it: sentences, mentions, quotes,
    quantities, resolution references and attributed claims."""
    return _analysis_dict(services.analyse(_raw(body, ctx), ctx))


@router.post("/api/documents", tags=["documents"], status_code=201)
def api_save(ctx: Ctx, body: DocumentIn, who: Saver) -> dict[str, Any]:
    """Analyse and store a document (once per content hash) with its claims."""
    saved = _save(ctx, _raw(body, ctx))
    analysis = saved.pop("analysis")
    return {**saved, "claims": [asdict(c) for c in analysis.claims]}


@router.post("/api/documents/upload", tags=["documents"], status_code=201)
async def api_upload(
    ctx: Ctx, who: Saver, file: Annotated[UploadFile, File(description="Text, HTML or PDF.")]
) -> dict[str, Any]:
    """Upload a file (text, HTML or PDF), analyse and store it."""
    ingest = services.module("sanctionwatch.documents.ingest")
    data = await file.read()
    raw = ingest.read_bytes(data, file.filename or "upload", content_type=file.content_type)
    doc = {
        "text": raw.text,
        "title": raw.title,
        "outlet": raw.outlet,
        "published": raw.metadata_date,
        "url": raw.url,
        "origin": file.filename,
    }
    saved = _save(ctx, doc)
    analysis = saved.pop("analysis")
    return {**saved, "claims": [asdict(c) for c in analysis.claims]}


@router.get("/api/documents", tags=["documents"])
def api_documents(ctx: Ctx, who: Reader, pages: Pages) -> dict[str, Any]:
    """Stored documents, newest first (without their text)."""
    return paginate(_listing(ctx), pages)


@router.get("/api/documents/{sha256}", tags=["documents"])
def api_document(ctx: Ctx, sha256: str, who: Reader) -> dict[str, Any]:
    """A stored document with its analysis."""
    doc = _document(ctx, sha256)
    return {**doc, "analysis": _analysis_dict(services.analysis_of(ctx, doc))}


@router.get("/api/claims", tags=["documents"])
def api_claims(
    ctx: Ctx,
    who: Reader,
    pages: Pages,
    state: Annotated[str | None, Query(max_length=3)] = None,
    obligation: Annotated[str | None, Query(max_length=40)] = None,
    stance: Annotated[str | None, Query(max_length=40)] = None,
) -> dict[str, Any]:
    """Stored claims, newest documents first."""
    repo = services.module("sanctionwatch.documents.repo").DocumentRepository(ctx.store)
    return paginate(repo.claims(state=state, obligation=obligation, stance=stance), pages)


@router.get("/documents", include_in_schema=False)
def inbox_page(request: Request, ctx: Ctx, who: Reader) -> Response:
    return page(request, "documents.html", {"documents": _listing(ctx)}, title="Document inbox")


@router.post("/documents", include_in_schema=False)
async def inbox_submit(
    ctx: Ctx,
    who: Saver,
    text: Annotated[str, Form(max_length=MAX_TEXT)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    title: Annotated[str, Form(max_length=500)] = "",
    outlet: Annotated[str, Form(max_length=200)] = "",
    published: Annotated[str, Form(max_length=10)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    when = check_published(published)
    if file is not None and file.filename:
        ingest = services.module("sanctionwatch.documents.ingest")
        raw = ingest.read_bytes(await file.read(), file.filename, content_type=file.content_type)
        doc = {
            "text": raw.text,
            "title": title or raw.title,
            "outlet": outlet or raw.outlet,
            "published": when or raw.metadata_date,
            "url": None,
            "origin": file.filename,
        }
    else:
        body = DocumentIn(
            text=text, url=url, title=title or None, outlet=outlet or None, published=when
        )
        doc = _raw(body, ctx)
    saved = _save(ctx, doc)
    return RedirectResponse(f"/documents/{saved['sha256']}", status_code=303)


@router.get("/documents/{sha256}", include_in_schema=False)
def document_page(request: Request, ctx: Ctx, sha256: str, who: Reader) -> Response:
    doc = _document(ctx, sha256)
    analysis = services.analysis_of(ctx, doc)
    if wants_json(request):
        return page(
            request,
            "document.html",
            {**doc, "analysis": _analysis_dict(analysis)},
            title=_title(doc),
        )
    data = {
        **doc,
        "html": to_html(analysis.text, spans_of(analysis)),
        "claims": [asdict(c) | {"href": _claim_href(c)} for c in analysis.claims],
        "meta": asdict(analysis.document),
        "problems": [asdict(r) for r in analysis.references if r.problem],
    }
    return page(request, "document.html", data, title=_title(doc))
