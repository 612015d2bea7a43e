"""compliance: indicator points, status log, report filings, alert acknowledgements

Revision ID: compliance_0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "compliance_0001"
down_revision = None
branch_labels = ("compliance",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "compliance_indicator_points",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("indicator", sa.String(100), nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("category", sa.String(200), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(100), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("obligation_id", sa.String(40), nullable=True),
        sa.Column("origin", sa.String(500), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_compliance_indicator_points"),
        sa.UniqueConstraint(
            "origin",
            "indicator",
            "state",
            "category",
            "period",
            name="uq_compliance_indicator_points_origin",
        ),
    )
    op.create_index(
        "ix_compliance_indicator_points_state", "compliance_indicator_points", ["state"]
    )
    op.create_table(
        "compliance_status_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("obligation_id", sa.String(40), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("evidence_keys", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_compliance_status_log"),
    )
    op.create_index(
        "ix_compliance_status_log_key", "compliance_status_log", ["state", "obligation_id"]
    )
    op.create_table(
        "compliance_report_filings",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("obligation_id", sa.String(40), nullable=False),
        sa.Column("what", sa.String(100), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_compliance_report_filings"),
    )
    op.create_table(
        "compliance_alert_acks",
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("acked_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_compliance_alert_acks"),
    )


def downgrade() -> None:
    op.drop_table("compliance_alert_acks")
    op.drop_table("compliance_report_filings")
    op.drop_index("ix_compliance_status_log_key", table_name="compliance_status_log")
    op.drop_table("compliance_status_log")
    op.drop_index("ix_compliance_indicator_points_state", table_name="compliance_indicator_points")
    op.drop_table("compliance_indicator_points")
