"""documents: analysed documents and their claims

Revision ID: documents_0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "documents_0001"
down_revision = None
branch_labels = ("documents",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "doc_documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("outlet", sa.String(200)),
        sa.Column("url", sa.Text()),
        sa.Column("origin", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("published_source", sa.String(40)),
        sa.Column("published_inferred", sa.Boolean(), nullable=False),
        sa.Column("dateline", sa.String(200)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("analysed_at", sa.DateTime(), nullable=False),
        sa.Column("factual_errors", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_doc_documents"),
    )
    op.create_index("ix_doc_documents_sha256", "doc_documents", ["sha256"], unique=True)
    op.create_table(
        "doc_claims",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey(
                "doc_documents.id",
                ondelete="CASCADE",
                name="fk_doc_claims_document_id_doc_documents",
            ),
            nullable=False,
        ),
        sa.Column("subject_state", sa.String(40), nullable=False),
        sa.Column("obligation_id", sa.String(40)),
        sa.Column("obligation_label", sa.Text()),
        sa.Column("stance", sa.String(40), nullable=False),
        sa.Column("speaker", sa.Text()),
        sa.Column("speaker_affiliation", sa.Text()),
        sa.Column("outlet", sa.String(200)),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("quantities", sa.JSON(), nullable=False),
        sa.Column("dates", sa.JSON(), nullable=False),
        sa.Column("resolution_refs", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_doc_claims"),
    )
    op.create_index("ix_doc_claims_document_id", "doc_claims", ["document_id"])
    op.create_index("ix_doc_claims_subject_state", "doc_claims", ["subject_state"])
    op.create_index("ix_doc_claims_obligation_id", "doc_claims", ["obligation_id"])
    op.create_index("ix_doc_claims_stance", "doc_claims", ["stance"])


def downgrade() -> None:
    op.drop_table("doc_claims")
    op.drop_table("doc_documents")
