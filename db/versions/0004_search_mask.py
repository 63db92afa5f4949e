"""The character mask that lets searches of one or two characters skip most rows: a BIGINT
per entrepreneur and product (as otop_desktop.search.search_mask computed it then), indexed
beside each list's default sort key.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# table -> the list's default sort key
TABLES = {"entrepreneurs": "reg_no", "products": "code"}
BATCH = 20_000

# A frozen copy of otop_desktop.search.search_mask as this revision computed it: one bit per
# character of U+0E01–U+0E3A and U+0E40–U+0E44 (0008 recomputes the masks with today's).
_MASK_BITS = {
    chr(code): 1 << bit for bit, code in enumerate([*range(0x0E01, 0x0E3B), *range(0x0E40, 0x0E45)])
}


def search_mask(text: str) -> int:
    mask = 0
    for char in set(text):
        mask |= _MASK_BITS.get(char, 0)
    return mask


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
