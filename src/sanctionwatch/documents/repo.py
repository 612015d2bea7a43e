"""Storing, querying and exporting analysed documents and their claims.

A document is stored once per content hash: analysing the same text again returns
the stored document. A batch is written in one transaction, so a failure leaves the
store as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from sanctionwatch.documents.model import Analysis
from sanctionwatch.documents.tables import ClaimRow, DocumentRow
from sanctionwatch.store.db import Store

__all__ = ["DocumentRepository", "SaveResult"]


@dataclass(slots=True)
class SaveResult:
    document_id: int
    sha256: str
    created: bool
    claims: int


class DocumentRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def save_many(
        self, analyses: Sequence[Analysis], origins: Sequence[str | None] | None = None
    ) -> list[SaveResult]:
        out: list[SaveResult] = []
        now = datetime.now(UTC).replace(tzinfo=None)
        with self.store.session() as session:
            for i, an in enumerate(analyses):
                meta = an.document
                existing = session.scalar(
                    select(DocumentRow).where(DocumentRow.sha256 == meta.sha256)
                )
                if existing is not None:
                    n = session.scalar(
                        select(func.count())
                        .select_from(ClaimRow)
                        .where(ClaimRow.document_id == existing.id)
                    )
                    out.append(SaveResult(existing.id, meta.sha256, False, int(n or 0)))
                    continue
                row = DocumentRow(
                    sha256=meta.sha256,
                    title=meta.title,
                    outlet=meta.outlet,
                    url=meta.url,
                    origin=origins[i] if origins else None,
                    published=meta.published,
                    published_source=meta.published_source,
                    published_inferred=meta.published_inferred,
                    dateline=meta.dateline,
                    language=meta.language,
                    text=an.text,
                    analysed_at=now,
                    factual_errors=list(an.factual_errors),
                )
                session.add(row)
                session.flush()
                for c in an.claims:
                    session.add(
                        ClaimRow(
                            document_id=row.id,
                            subject_state=c.subject_state,
                            obligation_id=c.obligation_id,
                            obligation_label=c.obligation_label,
                            stance=c.stance,
                            speaker=c.speaker,
                            speaker_affiliation=c.speaker_affiliation,
                            outlet=c.outlet,
                            evidence=c.evidence,
                            start=c.start,
                            end=c.end,
                            confidence=c.confidence,
                            quantities=[asdict(q) for q in c.quantities],
                            dates=list(c.dates),
                            resolution_refs=list(c.resolution_refs),
                        )
                    )
                out.append(SaveResult(row.id, meta.sha256, True, len(an.claims)))
        return out

    def save(self, analysis: Analysis, origin: str | None = None) -> SaveResult:
        return self.save_many([analysis], [origin])[0]

    def document_count(self) -> int:
        with self.store.session() as session:
            return int(session.scalar(select(func.count()).select_from(DocumentRow)) or 0)

    def claims(
        self,
        *,
        state: str | None = None,
        obligation: str | None = None,
        stance: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored claims, newest documents first, as plain dicts (the JSON export form).

        ``obligation`` may be an obligation id ("2397-OP8") or a resolution ("2397").
        """
        q = select(ClaimRow, DocumentRow).join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
        if state:
            q = q.where(ClaimRow.subject_state == state.upper())
        if obligation:
            ob = obligation.upper()
            if "-" in ob:
                q = q.where(ClaimRow.obligation_id == ob)
            else:
                q = q.where(
                    ClaimRow.obligation_id.like(f"{ob}-%")
                    | (ClaimRow.obligation_label == f"UNSCR {ob}")
                )
        if stance:
            q = q.where(ClaimRow.stance == stance)
        q = q.order_by(DocumentRow.published.desc(), ClaimRow.document_id, ClaimRow.start)
        if limit:
            q = q.limit(limit)
        with self.store.session() as session:
            return [_claim_dict(c, d) for c, d in session.execute(q).all()]


def _claim_dict(c: ClaimRow, d: DocumentRow) -> dict[str, Any]:
    return {
        "subject_state": c.subject_state,
        "obligation_id": c.obligation_id,
        "obligation_label": c.obligation_label,
        "stance": c.stance,
        "speaker": c.speaker,
        "speaker_affiliation": c.speaker_affiliation,
        "quantities": c.quantities,
        "dates": c.dates,
        "resolution_refs": c.resolution_refs,
        "evidence": c.evidence,
        "start": c.start,
        "end": c.end,
        "confidence": c.confidence,
        "document": {
            "sha256": d.sha256,
            "title": d.title,
            "outlet": d.outlet,
            "url": d.url,
            "published": d.published.isoformat() if d.published else None,
            "published_inferred": d.published_inferred,
        },
    }
