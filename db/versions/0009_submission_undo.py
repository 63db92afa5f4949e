"""What each accepted district workbook changed, kept so that a head can withdraw it.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "received_submission_undo",
        sa.Column("received_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["received_id"],
            ["received_submissions.id"],
            name=op.f("fk_received_submission_undo_received_id_received_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("received_id", name=op.f("pk_received_submission_undo")),
    )
    op.create_index(
        op.f("ix_received_submission_undo_district_code"),
        "received_submission_undo",
        ["district_code"],
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_received_submission_undo_district_code"), table_name="received_submission_undo"
    )
    op.drop_table("received_submission_undo")
