"""Tables for analysed documents and their claims (migration branch ``documents``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sanctionwatch.store.base import Base

__all__ = ["ClaimRow", "DocumentRow"]


class DocumentRow(Base):
    __tablename__ = "doc_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    published_source: Mapped[str | None] = mapped_column(String(40))
    published_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    dateline: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8), default="en")
    text: Mapped[str] = mapped_column(Text)
    analysed_at: Mapped[datetime] = mapped_column(DateTime)
    factual_errors: Mapped[Any] = mapped_column(JSON, default=list)


class ClaimRow(Base):
    __tablename__ = "doc_claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("doc_documents.id", ondelete="CASCADE"), index=True
    )
    subject_state: Mapped[str] = mapped_column(String(40), index=True)
    obligation_id: Mapped[str | None] = mapped_column(String(40), index=True)
    obligation_label: Mapped[str | None] = mapped_column(Text)
    stance: Mapped[str] = mapped_column(String(40), index=True)
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_affiliation: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    quantities: Mapped[Any] = mapped_column(JSON, default=list)
    dates: Mapped[Any] = mapped_column(JSON, default=list)
    resolution_refs: Mapped[Any] = mapped_column(JSON, default=list)
