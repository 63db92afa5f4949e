"""Records imported from old spreadsheets without all required details ("incomplete"): a
``missing`` column on entrepreneurs and products (JSON: field → what the sheet held; NULL
once complete), and the producer type, registration date and product category allowed to
be empty on such a record.

On SQLite the NOT NULL constraints are lifted by editing the tables' stored definitions
(SQLite's documented way of removing a NOT NULL constraint, "Making Other Kinds Of Table
Schema Changes" in its ALTER TABLE page), not by batch mode: batch mode copies the table
and drops the old one, which loses the search triggers of migration 0002 and, with foreign
keys on (as the program runs every migration), cascades the drop to every product, sale
and support record of the producers.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# table → (column, its type as the stored definition writes it)
NULLABLE = {
    "entrepreneurs": (("producer_type", "SMALLINT"), ("registered_on", "DATE")),
    "products": (("category", "SMALLINT"),),
}
TYPES = {"SMALLINT": sa.SmallInteger(), "DATE": sa.Date()}


def _rewrite_sqlite(table: str, edits: list[tuple[str, str]]) -> None:
    """Replaces text in the stored CREATE TABLE of ``table``; each piece must be there once,
    so a definition not as expected stops the migration instead of being half changed."""
    conn = op.get_bind()
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar_one()
    for old, new in edits:
        if sql.count(old) != 1:
            raise RuntimeError(f"{table}: the stored definition does not hold {old!r} once")
        sql = sql.replace(old, new)
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        conn.exec_driver_sql(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (sql, table)
        )
        conn.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        conn.exec_driver_sql("PRAGMA writable_schema = OFF")
    problems = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
    if problems != ["ok"]:
        raise RuntimeError(f"{table}: integrity check after the change: {problems[:5]}")


def _set_nullable(nullable: bool) -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, columns in NULLABLE.items():
        if sqlite:
            edits = [
                (f"\t{name} {kind} NOT NULL,", f"\t{name} {kind},")
                if nullable
                else (f"\t{name} {kind},", f"\t{name} {kind} NOT NULL,")
                for name, kind in columns
            ]
            _rewrite_sqlite(table, edits)
        else:
            for name, kind in columns:
                op.alter_column(table, name, existing_type=TYPES[kind], nullable=nullable)


def upgrade() -> None:
    for table in NULLABLE:
        op.add_column(table, sa.Column("missing", sa.Text(), nullable=True))
        op.create_index(op.f(f"ix_{table}_missing"), table, ["missing"])
    _set_nullable(True)


def downgrade() -> None:
    conn = op.get_bind()
    for table in NULLABLE:
        count = conn.execute(
            sa.text(f"SELECT count(*) FROM {table} WHERE missing IS NOT NULL")
        ).scalar_one()
        if count:
            raise RuntimeError(
                f"{count} incomplete {table} records: complete them before going back to 0006"
            )
    _set_nullable(False)
    for table in NULLABLE:
        op.drop_index(op.f(f"ix_{table}_missing"), table_name=table)
        # Not batch mode: on SQLite that copies the table and loses its search triggers.
        op.execute(f"ALTER TABLE {table} DROP COLUMN missing")
