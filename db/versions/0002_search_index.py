"""Thai substring search: a normalised search document per entrepreneur and product, indexed
by FTS5 trigrams on SQLite (kept in step by triggers) and by pg_trgm on PostgreSQL.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("entrepreneurs", "products")

# --- the search documents as this revision wrote them ------------------------------------
# Frozen copies of otop_desktop.textnorm.normalize and otop_desktop.search's document
# functions as they were, so that this revision writes the same documents whatever the
# program's search later becomes (0008 rebuilds them with today's key).

_THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
_TABLE: dict[int, int | None] = {
    **str.maketrans(_THAI_DIGITS, "0123456789"),
    **dict.fromkeys(map(ord, _INVISIBLE)),
}
_SPECIAL_RE = re.compile(f"[{_THAI_DIGITS}{_INVISIBLE}]")
_SARA_AM_RE = re.compile("([\u0e48-\u0e4b]?)\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_AM_TONE_RE = re.compile("\u0e33([\u0e48-\u0e4b])")


def _normalize(text: str) -> str:
    s = unicodedata.normalize("NFC", text)
    if _SPECIAL_RE.search(s):
        s = s.translate(_TABLE)
    s = _SARA_AM_RE.sub("\\1\\2\u0e33", s)
    s = _AM_TONE_RE.sub("\\1\u0e33", s).casefold()
    return " ".join(s.split())


def entrepreneur_doc(
    name: str, contact_name: str, reg_no: str, previous_reg_no: str, product_names: Iterable[str]
) -> str:
    parts = [name, contact_name, reg_no, previous_reg_no, *product_names]
    return "\n".join(_normalize(p) for p in parts if p)


def product_doc(name: str, code: str, entrepreneur_name: str) -> str:
    return "\n".join(_normalize(p) for p in (name, code, entrepreneur_name) if p)


def _fts_sql(table: str) -> list[str]:
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content='{table}', "
        "content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text); END",
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text);"
        " END",
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF search_text ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text);"
        f" INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _backfill() -> None:
    conn = op.get_bind()
    names = conn.execute(sa.text("SELECT id, name FROM entrepreneurs")).all()
    owner = dict(names)
    products: dict[int, list[str]] = {}
    product_rows = conn.execute(sa.text("SELECT id, entrepreneur_id, name, code FROM products"))
    updates = []
    for pid, eid, name, code in product_rows:
        products.setdefault(eid, []).append(name)
        updates.append({"i": pid, "t": product_doc(name, code, owner[eid])})
    if updates:
        conn.execute(sa.text("UPDATE products SET search_text = :t WHERE id = :i"), updates)
    rows = conn.execute(
        sa.text("SELECT id, name, contact_name, reg_no, previous_reg_no FROM entrepreneurs")
    )
    updates = [
        {"i": eid, "t": entrepreneur_doc(name, contact, reg, prev, products.get(eid, ()))}
        for eid, name, contact, reg, prev in rows
    ]
    if updates:
        conn.execute(sa.text("UPDATE entrepreneurs SET search_text = :t WHERE id = :i"), updates)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    _backfill()
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in TABLES:
            for statement in _fts_sql(table):
                op.execute(statement)
    elif dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for table in TABLES:
            op.execute(
                f"CREATE INDEX ix_{table}_search_trgm ON {table} "
                "USING gin (search_text gin_trgm_ops)"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in TABLES:
        if dialect == "sqlite":
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER {table}_fts_{suffix}")
            op.execute(f"DROP TABLE {table}_fts")
        elif dialect == "postgresql":
            op.execute(f"DROP INDEX ix_{table}_search_trgm")
        with op.batch_alter_table(table) as batch:
            batch.drop_column("search_text")
