"""The office's telephone and Garuda emblem image, for the covering memo (บันทึกข้อความ).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "office", sa.Column("phone", sa.String(length=40), nullable=False, server_default="")
    )
    op.add_column("office", sa.Column("emblem_image", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    # Not batch mode: on SQLite that copies the table (see 0004).
    op.execute("ALTER TABLE office DROP COLUMN emblem_image")
    op.execute("ALTER TABLE office DROP COLUMN phone")
