"""Official lists: versions, entities, names and identifiers.

Revision ID: lists_0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "lists_0001"
down_revision = None
branch_labels = ("lists",)
depends_on = None

JSON_TYPE = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "list_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("format", sa.String(32), nullable=False),
        sa.Column("published", sa.DateTime(timezone=True), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("entity_count", sa.Integer(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_list_versions"),
        sa.UniqueConstraint("source", "sha256", name="uq_list_versions_source_sha256"),
    )
    op.create_index("ix_list_versions_source", "list_versions", ["source"])
    op.create_table(
        "list_entities",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("data", JSON_TYPE, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_list_entities"),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["list_versions.id"],
            name="fk_list_entities_version_id_list_versions",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("version_id", "ref", name="uq_list_entities_version_ref"),
    )
    op.create_index("ix_list_entities_version_id", "list_entities", ["version_id"])
    for table, extra in (
        (
            "list_names",
            [
                sa.Column("name", sa.Text(), nullable=False),
                sa.Column("key", sa.Text(), nullable=False),
                sa.Column("kind", sa.String(32), nullable=False),
            ],
        ),
        (
            "list_identifiers",
            [
                sa.Column("kind", sa.String(32), nullable=False),
                sa.Column("value", sa.Text(), nullable=False),
                sa.Column("country", sa.String(64), nullable=True),
            ],
        ),
    ):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("version_id", sa.Integer(), nullable=False),
            sa.Column("ref", sa.String(128), nullable=False),
            *extra,
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
            sa.ForeignKeyConstraint(
                ["version_id", "ref"],
                ["list_entities.version_id", "list_entities.ref"],
                name=f"fk_{table}_entity_list_entities",
                ondelete="CASCADE",
            ),
        )
        op.create_index(f"ix_{table}_entity", table, ["version_id", "ref"])
    op.create_index("ix_list_names_key", "list_names", ["key"])
    op.create_index("ix_list_identifiers_value", "list_identifiers", ["value"])


def downgrade() -> None:
    op.drop_table("list_identifiers")
    op.drop_table("list_names")
    op.drop_table("list_entities")
    op.drop_table("list_versions")
