"""The monthly submission: the district's month locks, and on the province side the
workbooks received and each district's public key.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "district_keys",
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("district_code", name=op.f("pk_district_keys")),
    )
    op.create_table(
        "received_submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at_text", sa.String(length=40), nullable=False),
        sa.Column("program_version", sa.String(length=40), nullable=False),
        sa.Column("rows_entrepreneurs", sa.Integer(), nullable=False),
        sa.Column("rows_products", sa.Integer(), nullable=False),
        sa.Column("rows_sales", sa.Integer(), nullable=False),
        sa.Column("rows_households", sa.Integer(), nullable=False),
        sa.Column("rows_support", sa.Integer(), nullable=False),
        sa.Column("sales_total", sa.BigInteger(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_submissions")),
    )
    with op.batch_alter_table("received_submissions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_received_submissions_district_code_period"),
            ["district_code", "period"],
            unique=False,
        )

    op.create_table(
        "period_locks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("export_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("user", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "action IN ('submitted', 'unlocked')", name=op.f("ck_period_locks_action")
        ),
        sa.ForeignKeyConstraint(
            ["export_id"],
            ["export_records.id"],
            name=op.f("fk_period_locks_export_id_export_records"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_period_locks")),
    )
    with op.batch_alter_table("period_locks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_period_locks_district_code_period"),
            ["district_code", "period"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("period_locks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_period_locks_district_code_period"))

    op.drop_table("period_locks")
    with op.batch_alter_table("received_submissions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_received_submissions_district_code_period"))

    op.drop_table("received_submissions")
    op.drop_table("district_keys")
