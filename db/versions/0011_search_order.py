"""Search hits in list order: every entrepreneur and product gets ``search_pos``, its place in
the list's default order (registration number, product code), and on SQLite the trigram index
is keyed by it instead of the id. The index returns hits in rowid order, so the first page of
a search in the default order is the index's first hits: no hit is fetched only to be sorted
away.

Positions are spaced (``GAP``) so that a new record takes a free place between its
neighbours; SQLite's triggers place every record written (the program never sets the column),
and make room by moving the records after it when its neighbours are adjacent. PostgreSQL
keeps no trigram rowid order, so there the column is only added (and stays empty); instead
an index of each document's characters finds the rows of a rare text of one or two characters,
which has no trigram for pg_trgm to look up.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# table -> the list's default sort key (unique)
TABLES = {"entrepreneurs": "reg_no", "products": "code"}

# --- frozen copies of otop_desktop.search's index SQL as at this revision -----------------
# The spacing of positions: numbered afresh, the n-th record in order is at n * GAP; a record
# added after the last one goes GAP further, one added between two goes halfway, at most STEP
# past the one before (so a run of records added in order fills a gap slowly).
GAP = 1 << 32
STEP = 1 << 16
CHARS_INDEX = "ix_{table}_search_chars"


def _position_sql(table: str, key: str) -> list[str]:
    """Triggers that place a new record, or one whose key changed, between its neighbours."""
    lo = (
        f"(SELECT search_pos FROM {table} WHERE {key} < new.{key} AND search_pos IS NOT NULL"
        f" ORDER BY {key} DESC LIMIT 1)"
    )
    hi = (
        f"(SELECT search_pos FROM {table} WHERE {key} > new.{key} AND search_pos IS NOT NULL"
        f" ORDER BY {key} LIMIT 1)"
    )
    below = f"coalesce({lo}, -1)"
    # No free place: the records after it move GAP up, through negative positions so that no
    # two records ever share one (all positions are otherwise >= 0).
    make_room = (
        f"UPDATE {table} SET search_pos = -1 - search_pos WHERE {key} > new.{key}"
        f" AND {hi} - {below} < 2;"
        f" UPDATE {table} SET search_pos = -1 - search_pos + {GAP} WHERE search_pos < 0;"
    )
    place = (
        f"UPDATE {table} SET search_pos = CASE WHEN {hi} IS NULL THEN {below} + {GAP}"
        f" ELSE {below} + min(({hi} - {below}) / 2, {STEP}) END WHERE id = new.id;"
    )
    return [
        f"CREATE TRIGGER {table}_fts_pos_ai AFTER INSERT ON {table}"
        f" WHEN new.search_pos IS NULL BEGIN {make_room} {place} END",
        f"CREATE TRIGGER {table}_fts_pos_au AFTER UPDATE OF {key} ON {table}"
        f" BEGIN {make_room} {place} END",
    ]


def _fts_sql(table: str) -> list[str]:
    """The trigram index keyed by position, and the triggers that keep it."""
    fts = f"{table}_fts"
    delete = (
        f"INSERT INTO {fts}({fts}, rowid, search_text) SELECT 'delete', old.search_pos,"
        " old.search_text WHERE old.search_pos IS NOT NULL;"
    )
    insert = (
        f"INSERT INTO {fts}(rowid, search_text) SELECT new.search_pos, new.search_text"
        " WHERE new.search_pos IS NOT NULL;"
    )
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content='{table}', "
        "content_rowid='search_pos', tokenize='trigram')",
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF search_text, search_pos ON {table}"
        f" BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        # Its trigrams, for queries too short to be one (those a trigram begins with).
        f"CREATE VIRTUAL TABLE {fts}_terms USING fts5vocab({fts}, row)",
    ]


# --- the lists without a search document: households, trainings, grants ---------------
# Each gets, on SQLite, a trigram index over a view of its searched fields' keys (tone marks,
# mai taikhu and thanthakhat left out, แ as เเ: a frozen SQL copy of search.sql_key), kept by
# triggers that read the view (before a change for the old text, after it for the new).


def _sql_key(column: str) -> str:
    expr = column
    for code in range(0x0E47, 0x0E4D):
        expr = f"replace({expr}, char({code}), '')"
    return f"replace({expr}, char(3649), char(3648, 3648))"


#: table -> its searched fields (the house number as typed, the others by their keys)
LIST_DOCS = {
    "households": f"{_sql_key('head_name')} || char(10) || house_no",
    "trainings": f"{_sql_key('topic')} || char(10) || {_sql_key('organiser')}",
    "grants": f"{_sql_key('purpose')} || char(10) || {_sql_key('funder')}",
}
LIST_FIELDS = {
    "households": "head_name, house_no",
    "trainings": "topic, organiser",
    "grants": "purpose, funder",
}


def _list_fts_sql(table: str) -> list[str]:
    view, fts = f"{table}_fts_source", f"{table}_fts"
    old = (
        f"INSERT INTO {fts}({fts}, rowid, search_text) SELECT 'delete', id, search_text"
        f" FROM {view} WHERE id = old.id;"
    )
    new = (
        f"INSERT INTO {fts}(rowid, search_text) SELECT id, search_text FROM {view}"
        " WHERE id = new.id;"
    )
    fields = LIST_FIELDS[table]
    return [
        f"CREATE VIEW {view} AS SELECT id, {LIST_DOCS[table]} AS search_text FROM {table}",
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content='{view}',"
        " content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN {new} END",
        f"CREATE TRIGGER {table}_fts_bu BEFORE UPDATE OF {fields} ON {table} BEGIN {old} END",
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {fields} ON {table} BEGIN {new} END",
        f"CREATE TRIGGER {table}_fts_bd BEFORE DELETE ON {table} BEGIN {old} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _number(table: str, key: str) -> str:
    return (
        f"UPDATE {table} SET search_pos = ordered.n * {GAP} FROM (SELECT id, row_number()"
        f" OVER (ORDER BY {key}) AS n FROM {table}) AS ordered WHERE {table}.id = ordered.id"
    )


# --- the change ----------------------------------------------------------------------------


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, key in TABLES.items():
        op.add_column(table, sa.Column("search_pos", sa.BigInteger(), nullable=True))
        if sqlite:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER {table}_fts_{suffix}")
            op.execute(f"DROP TABLE {table}_fts")
            op.execute(_number(table, key))
        op.create_index(f"ix_{table}_search_pos", table, ["search_pos"])
        if sqlite:
            for statement in [*_fts_sql(table), *_position_sql(table, key)]:
                op.execute(statement)
        else:
            # Each document's characters, for texts too short for a trigram and too rare
            # for a walk of the list's order (pg_trgm has nothing to look up for them).
            op.execute(
                f"CREATE INDEX {CHARS_INDEX.format(table=table)} ON {table}"
                " USING gin (string_to_array(search_text, NULL))"
            )
    if sqlite:
        for table in LIST_DOCS:
            for statement in _list_fts_sql(table):
                op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for table in LIST_DOCS:
            for suffix in ("ai", "bu", "au", "bd"):
                op.execute(f"DROP TRIGGER {table}_fts_{suffix}")
            op.execute(f"DROP TABLE {table}_fts")
            op.execute(f"DROP VIEW {table}_fts_source")
    for table in TABLES:
        fts = f"{table}_fts"
        if sqlite:
            for suffix in ("ai", "ad", "au", "pos_ai", "pos_au"):
                op.execute(f"DROP TRIGGER {table}_fts_{suffix}")
            op.execute(f"DROP TABLE {fts}_terms")
            op.execute(f"DROP TABLE {fts}")
        if not sqlite:
            op.execute(f"DROP INDEX {CHARS_INDEX.format(table=table)}")
        op.drop_index(f"ix_{table}_search_pos", table_name=table)
        # Not batch mode: on SQLite that copies the table and loses its triggers.
        op.execute(f"ALTER TABLE {table} DROP COLUMN search_pos")
        if sqlite:
            # The index of 0002, keyed by id.
            for statement in (
                f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content='{table}', "
                "content_rowid='id', tokenize='trigram')",
                f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
                f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text); END",
                f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES "
                "('delete', old.id, old.search_text); END",
                f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF search_text ON {table} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES "
                "('delete', old.id, old.search_text);"
                f" INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text); END",
                f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
            ):
                op.execute(statement)
