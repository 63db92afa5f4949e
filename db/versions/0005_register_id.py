"""A register's own id: the key under which the numbers it has handed out are kept outside it
(beside its backups and in the user's data folder), so that a restored older copy never
hands out a number again. Copies and backups of a register share its id on purpose.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "office", sa.Column("register_id", sa.String(length=32), nullable=False, server_default="")
    )
    op.execute(sa.text("UPDATE office SET register_id = :i").bindparams(i=uuid.uuid4().hex))


def downgrade() -> None:
    # Not batch mode: on SQLite that copies the table (see 0004).
    op.execute("ALTER TABLE office DROP COLUMN register_id")
