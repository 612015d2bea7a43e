"""Tables of the official-lists store: versions, entities, and lookup tables.

Every row traces back to one list version (``list_versions``): an entity belongs to
the version it was published in, and its names and identifiers belong to that entity
(by the entity's key: version id and list reference).
The schema itself is created only by the ``lists`` alembic migration branch.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from sanctionwatch.store.base import Base

__all__ = ["ListEntityRow", "ListIdentifierRow", "ListNameRow", "ListVersionRow"]

JSON_TYPE = JSON().with_variant(JSONB(), "postgresql")


class ListVersionRow(Base):
    """One imported file of one dataset ("un", "ofac_sdn", ...)."""

    __tablename__ = "list_versions"
    __table_args__ = (UniqueConstraint("source", "sha256", name="uq_list_versions_source_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(64), index=True)
    format: Mapped[str] = mapped_column(String(32))
    published: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sha256: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(Text)
    entity_count: Mapped[int] = mapped_column(Integer)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)


class ListEntityRow(Base):
    """One designation as published in one version."""

    __tablename__ = "list_entities"
    __table_args__ = (UniqueConstraint("version_id", "ref", name="uq_list_entities_version_ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("list_versions.id", ondelete="CASCADE"), index=True
    )
    ref: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON_TYPE)


class ListNameRow(Base):
    """Every name of an entity (primary and aliases), for lookups by name."""

    __tablename__ = "list_names"
    __table_args__ = (
        ForeignKeyConstraint(
            ["version_id", "ref"],
            ["list_entities.version_id", "list_entities.ref"],
            name="fk_list_names_entity_list_entities",
            ondelete="CASCADE",
        ),
        Index("ix_list_names_entity", "version_id", "ref"),
        Index("ix_list_names_key", "key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(Integer)
    ref: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text)  # casefolded, whitespace collapsed
    kind: Mapped[str] = mapped_column(String(32))


class ListIdentifierRow(Base):
    """Every identifier of an entity (passport, IMO number, ...), for lookups."""

    __tablename__ = "list_identifiers"
    __table_args__ = (
        ForeignKeyConstraint(
            ["version_id", "ref"],
            ["list_entities.version_id", "list_entities.ref"],
            name="fk_list_identifiers_entity_list_entities",
            ondelete="CASCADE",
        ),
        Index("ix_list_identifiers_entity", "version_id", "ref"),
        Index("ix_list_identifiers_value", "value"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(Integer)
    ref: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(64))
