"""PostgreSQL: the search documents' trigrams taken from whole Thai words, kept in a column.

pg_trgm makes trigrams of the runs of what the database's locale calls letters, and no Thai
vowel or tone mark written above or below its consonant is one (ั ิ ี ึ ื ุ ู ็ ่ ้ ๊ ๋ ์ ํ):
every Thai word was cut into pieces of one to four letters at them (ผ้าไหม is ผ and าไหม,
ผลิตภัณฑ์ is ผล, ตภ and ณฑ). The pieces' trigrams are common to thousands of documents: บ้านนา
found 19,878 documents in the index of 0015 for 71 that hold it, each then tested through
otop_key_letters, and a search of a rare word took a quarter of a second on a national
register. The keys (tone marks left out) were cut at the other marks too.

Each document now also has ``search_words``, computed by the server: its coded keys moved
to CJK ideographs U+4E00–U+4E7F and its typed Thai to U+4E80–U+4EFF — 256 characters every
locale with Unicode letters calls letters, so a Thai word is one word to pg_trgm and its
trigrams are as selective as its letters. The keys and the typed text stay apart, as in the
document. Each run of anything but those letters, digits and a-z is one space: so every word
ends in a space or at the text's end, and two letters are found by the trigrams they begin
(with each letter that may follow them, or the space) however common each letter is. The
column is stored, not an index expression: the index's candidates are tested against the
column as it is, with no function run for each. otop_desktop.search.search_words is the same
mapping in Python, for queries; tests/test_migrations.py compares the two.

In UTF-8, coded U+E000+n is EE 80 80+n (n < 64) or EE 81 40+n, Thai U+0E00+n is E0 B8 80+n
or E0 B9 40+n, and U+4E00+n / U+4E80+n are E4 B8 / E4 B9 and E4 BA / E4 BB with the same last
byte: the function replaces lead byte pairs in the document's bytes written in hex (0016
says why no match can be one hex digit off; E0 and EE likewise begin only a character).

The index of single characters (0011) finds the rows holding a rare letter of a short query's
key, the only lookup it serves: it now holds only the characters of the keys (coded) that are
not common to most keys — digits and two dozen Thai letters go — some 3 to 6 entries a
document instead of about 70, sorted by bytes (the "C" collation) instead of through the
locale, and built in a fraction of the time (a large import or the demo rebuilds it). A short
text of common letters alone is either common itself, read by a walk of the list's order, or
two letters found by their trigrams. Queries use the same expression.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

TABLES = ("entrepreneurs", "products")

# --- frozen copies of what 0011, 0015 and 0016 made ----------------------------------------
KEY_LETTERS = "otop_key_letters"
KEY_LETTERS_BODY = (
    "SELECT convert_from(decode(replace(replace(encode(convert_to($1, 'UTF8'), 'hex'),"
    " 'ee80', 'e0b8'), 'ee81', 'e0b9'), 'hex'), 'UTF8')"
)
CHARS = "string_to_array(search_text, NULL)"

# --- the change ----------------------------------------------------------------------------
WORDS = "otop_search_words"
WORDS_BODY = (
    "SELECT regexp_replace(convert_from(decode(replace(replace(replace(replace("
    "encode(convert_to($1, 'UTF8'), 'hex'),"
    " 'ee80', 'e4b8'), 'ee81', 'e4b9'), 'e0b8', 'e4ba'), 'e0b9', 'e4bb'), 'hex'), 'UTF8'),"
    " '[^0-9a-z\u4e00-\u4eff]+', ' ', 'g')"
)
# Thai letters in half or more of the keys of a register's documents, and digits (in every
# code): an index entry for one would list most rows, and no search that needs this index
# looks one up (see the docstring).
COMMON_IN_KEYS = "0123456789กขงจดตทนบผมยรลวสหอัาำิุเ"
INDEXED_KEY_CHARS = "a-z" + "".join(
    chr(c) for c in range(0xE001, 0xE07F) if chr(c - 0xE000 + 0x0E00) not in COMMON_IN_KEYS
)
KEY_CHARS = (
    f"string_to_array(regexp_replace(search_text, '[^{INDEXED_KEY_CHARS}]+', '', 'g'), NULL)"
    ' COLLATE "C"'
)


def _function(name: str, body: str) -> str:
    # IMMUTABLE, so that a generated column or an index may hold it.
    return (
        f"CREATE FUNCTION {name}(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE"
        f" AS $$ {body} $$"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_function(WORDS, WORDS_BODY))
    for table in TABLES:
        op.execute(f"DROP INDEX ix_{table}_search_trgm")
        op.execute(f"DROP INDEX ix_{table}_search_chars")
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN search_words text"
            f" GENERATED ALWAYS AS ({WORDS}(search_text)) STORED"
        )
        op.execute(
            f"CREATE INDEX ix_{table}_search_words ON {table} USING gin (search_words gin_trgm_ops)"
        )
        op.execute(f"CREATE INDEX ix_{table}_search_chars ON {table} USING gin (({KEY_CHARS}))")
        # The planner's figures for the new column, which choose between the index and a
        # walk of the list's order.
        op.execute(f"ANALYZE {table}")
    op.execute(f"DROP FUNCTION {KEY_LETTERS}(text)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_function(KEY_LETTERS, KEY_LETTERS_BODY))
    for table in TABLES:
        op.execute(f"DROP INDEX ix_{table}_search_chars")
        op.execute(f"ALTER TABLE {table} DROP COLUMN search_words")  # and its index
        op.execute(f"CREATE INDEX ix_{table}_search_chars ON {table} USING gin ({CHARS})")
        op.execute(
            f"CREATE INDEX ix_{table}_search_trgm ON {table}"
            f" USING gin ({KEY_LETTERS}(search_text) gin_trgm_ops)"
        )
    op.execute(f"DROP FUNCTION {WORDS}(text)")
