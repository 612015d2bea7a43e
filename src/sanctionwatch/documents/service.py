"""One call for the command line and the web layer: read, analyse, store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sanctionwatch.documents.ingest import RawDocument, read_source
from sanctionwatch.documents.meta import parse_partial_date
from sanctionwatch.documents.model import Analysis
from sanctionwatch.documents.pipeline import DocumentInput, analyse_many
from sanctionwatch.documents.repo import DocumentRepository, SaveResult
from sanctionwatch.errors import InputError
from sanctionwatch.settings import Settings

__all__ = ["AnalysedDocument", "analyse_source"]


@dataclass(slots=True)
class AnalysedDocument:
    raw: RawDocument
    analysis: Analysis
    saved: SaveResult | None


def analyse_source(
    source: str | Sequence[str],
    settings: Settings,
    *,
    outlet: str | None = None,
    published: str | date | None = None,
    store: bool = True,
    model_sentences: bool = False,
    ner: bool = False,
) -> list[AnalysedDocument]:
    """Read ``source`` (a file, folder or URL, or several), analyse every document, and
    store them all in one transaction (or none, if anything fails before that)."""
    if isinstance(published, str) and parse_partial_date(published) is None:
        raise InputError(f"--date {published!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    sources = [source] if isinstance(source, str) else list(source)
    if not sources:
        raise InputError("no source given: name a file, a folder or a URL")
    # every source is read before anything is analysed or stored: one bad one stops all
    raws = [r for one in sources for r in read_source(one, timeout=settings.http_timeout)]
    inputs = [
        DocumentInput(
            r.text,
            title=r.title,
            outlet=outlet or r.outlet,
            published=published or r.date_hint,
            url=r.url,
            metadata_date=r.metadata_date,
            date_source="given" if published or not r.date_hint else "header",
            date_inferred=bool(r.date_inferred and not published),
        )
        for r in raws
    ]
    analyses = analyse_many(inputs, model_sentences=model_sentences, ner=ner)
    saved: list[SaveResult | None] = [None] * len(analyses)
    if store:
        from sanctionwatch.store.db import open_store

        st = open_store(settings)
        try:
            saved = list(DocumentRepository(st).save_many(analyses, [r.origin for r in raws]))
        finally:
            st.dispose()
    return [AnalysedDocument(r, a, s) for r, a, s in zip(raws, analyses, saved, strict=True)]
