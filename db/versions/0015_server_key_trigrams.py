"""PostgreSQL's trigram index of the search documents, made to see the coded keys (0008).

A document holds each field's key with its Thai letters moved to the private-use block
(U+E000–U+E07F) beside the field as typed. pg_trgm makes trigrams of letters and digits
only, and a private-use character is neither: the index of 0002 holds no trigram of any key,
so every forgiving search of three characters or more read the whole table. The index is now
built on the document with those letters moved back (``otop_key_letters``): a key and the
typed text then both have their trigrams in it. A search looks its text up there, decoded,
and tests the document itself for the coded text; the index finds a few more rows than hold
the key (a typed field that happens to spell it), which that test drops.

SQLite's FTS5 trigram tokenizer takes every character, private-use ones too: nothing changes
there.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# --- frozen copies of what the search module held at this revision ---------------------------
TABLES = ("entrepreneurs", "products")
_THAI, _CODED = 0x0E00, 0xE000
_BLOCK = 0x80

FUNCTION = "otop_key_letters"


def _letters(start: int) -> str:
    return "".join(chr(code) for code in range(start, start + _BLOCK))


# --- the change ----------------------------------------------------------------------------


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # IMMUTABLE, so that an index may hold it; a one-line SQL function, which the planner
    # inlines, so that a query's otop_key_letters(search_text) matches the index expression.
    op.execute(
        f"CREATE FUNCTION {FUNCTION}(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE"
        f" AS $$ SELECT translate($1, '{_letters(_CODED)}', '{_letters(_THAI)}') $$"
    )
    for table in TABLES:
        op.execute(f"DROP INDEX ix_{table}_search_trgm")
        op.execute(
            f"CREATE INDEX ix_{table}_search_trgm ON {table}"
            f" USING gin ({FUNCTION}(search_text) gin_trgm_ops)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP INDEX ix_{table}_search_trgm")
        op.execute(
            f"CREATE INDEX ix_{table}_search_trgm ON {table} USING gin (search_text gin_trgm_ops)"
        )
    op.execute(f"DROP FUNCTION {FUNCTION}(text)")
