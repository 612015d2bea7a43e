"""Tables for imported indicator series, recorded statuses, report filings and alert
acknowledgements (migration branch ``compliance``)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Float, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sanctionwatch.store.base import Base

__all__ = ["AlertAckRow", "FilingRow", "IndicatorPointRow", "StatusLogRow"]


class IndicatorPointRow(Base):
    __tablename__ = "compliance_indicator_points"
    __table_args__ = (
        UniqueConstraint("origin", "indicator", "state", "category", "period"),
        Index("ix_compliance_indicator_points_state", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    indicator: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(8))
    category: Mapped[str] = mapped_column(String(200), default="")
    period: Mapped[str] = mapped_column(String(10))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    obligation_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    origin: Mapped[str] = mapped_column(String(500))
    imported_at: Mapped[datetime] = mapped_column(DateTime)


class StatusLogRow(Base):
    __tablename__ = "compliance_status_log"
    __table_args__ = (Index("ix_compliance_status_log_key", "state", "obligation_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    state: Mapped[str] = mapped_column(String(8))
    obligation_id: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(40))
    evidence_keys: Mapped[str] = mapped_column(Text)  # JSON list
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class FilingRow(Base):
    __tablename__ = "compliance_report_filings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    state: Mapped[str] = mapped_column(String(8))
    obligation_id: Mapped[str] = mapped_column(String(40))
    what: Mapped[str] = mapped_column(String(100))
    filed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class AlertAckRow(Base):
    __tablename__ = "compliance_alert_acks"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    acked_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")
