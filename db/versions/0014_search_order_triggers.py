"""The triggers of 0011 that keep the trigram index of entrepreneurs and products, made safe for
an update that writes a record's text and its key (registration number, product code) in one
statement, as a withdrawn workbook's records are put back.

Under 0011 such an update fired two triggers: one replaced the record's text in the index, the
other placed the record in list order, whose own update of the position replaced the text in
the index again. When the placing ran first it told the index to drop the new text at the old
position, where the index held the old text: SQLite then found the index malformed and the
register was called damaged. Now the placing fires only when the key really changes, and then
it also replaces the text itself (the other trigger stands aside), so that the index is told
exactly what it holds, whatever order SQLite fires the triggers in. PostgreSQL has none of
these triggers.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Callable

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# --- frozen copies of 0011's index SQL ------------------------------------------------------
# table -> the list's default sort key (unique)
TABLES = {"entrepreneurs": "reg_no", "products": "code"}
GAP = 1 << 32
STEP = 1 << 16


def _replace(table: str) -> str:
    """The record's text at its old position out of the index, at its new position in."""
    fts = f"{table}_fts"
    return (
        f"INSERT INTO {fts}({fts}, rowid, search_text) SELECT 'delete', old.search_pos,"
        " old.search_text WHERE old.search_pos IS NOT NULL;"
        f" INSERT INTO {fts}(rowid, search_text) SELECT new.search_pos, new.search_text"
        " WHERE new.search_pos IS NOT NULL;"
    )


def _place(table: str, key: str) -> str:
    """0011's placing: room made after the record when its neighbours are adjacent, then the
    record put between them."""
    lo = (
        f"(SELECT search_pos FROM {table} WHERE {key} < new.{key} AND search_pos IS NOT NULL"
        f" ORDER BY {key} DESC LIMIT 1)"
    )
    hi = (
        f"(SELECT search_pos FROM {table} WHERE {key} > new.{key} AND search_pos IS NOT NULL"
        f" ORDER BY {key} LIMIT 1)"
    )
    below = f"coalesce({lo}, -1)"
    return (
        f"UPDATE {table} SET search_pos = -1 - search_pos WHERE {key} > new.{key}"
        f" AND {hi} - {below} < 2;"
        f" UPDATE {table} SET search_pos = -1 - search_pos + {GAP} WHERE search_pos < 0;"
        f" UPDATE {table} SET search_pos = CASE WHEN {hi} IS NULL THEN {below} + {GAP}"
        f" ELSE {below} + min(({hi} - {below}) / 2, {STEP}) END WHERE id = new.id;"
    )


def _triggers(table: str, key: str) -> list[str]:
    return [
        # Every update that leaves the key as it was (the placing's own updates included).
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF search_text, search_pos ON {table}"
        f" WHEN old.{key} IS new.{key} BEGIN {_replace(table)} END",
        # A new key: the text first, as the trigger above would have, then the new place.
        f"CREATE TRIGGER {table}_fts_pos_au AFTER UPDATE OF {key} ON {table}"
        f" WHEN old.{key} IS NOT new.{key} BEGIN {_replace(table)} {_place(table, key)} END",
    ]


def _triggers_0011(table: str, key: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF search_text, search_pos ON {table}"
        f" BEGIN {_replace(table)} END",
        f"CREATE TRIGGER {table}_fts_pos_au AFTER UPDATE OF {key} ON {table}"
        f" BEGIN {_place(table, key)} END",
    ]


def _swap(make: Callable[[str, str], list[str]]) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, key in TABLES.items():
        for suffix in ("au", "pos_au"):
            op.execute(f"DROP TRIGGER {table}_fts_{suffix}")
        for statement in make(table, key):
            op.execute(statement)
        # An index 0011's triggers already damaged is made whole from the records.
        op.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _swap(_triggers)


def downgrade() -> None:
    _swap(_triggers_0011)
