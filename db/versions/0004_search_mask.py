"""The character mask that lets searches of one or two characters skip most rows: a BIGINT
per entrepreneur and product (otop_desktop.search.search_mask), indexed beside each list's
default sort key.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from otop_desktop.search import search_mask

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# table -> the list's default sort key
TABLES = {"entrepreneurs": "reg_no", "products": "code"}
BATCH = 20_000


def _backfill(table: str) -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text(f"SELECT id, search_text FROM {table}")).all()
    update = sa.text(f"UPDATE {table} SET search_mask = :m WHERE id = :i")
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        conn.execute(update, [{"i": i, "m": search_mask(text)} for i, text in batch])


def upgrade() -> None:
    for table, key in TABLES.items():
        op.add_column(table, sa.Column("search_mask", sa.BigInteger(), nullable=True))
        _backfill(table)
        op.create_index(f"ix_{table}_{key}_search_mask", table, [key, "search_mask"])


def downgrade() -> None:
    for table, key in TABLES.items():
        op.drop_index(f"ix_{table}_{key}_search_mask", table_name=table)
        # Not batch mode: on SQLite that copies the table and loses its search triggers.
        op.execute(f"ALTER TABLE {table} DROP COLUMN search_mask")
