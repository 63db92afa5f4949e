"""PostgreSQL's ``otop_key_letters`` (0015) computed by bytes: the same text, some twenty
times faster.

0015 moved the coded letters back with translate() over the 128 characters of the block,
which compares each character of a document with those 128 in turn: at nation scale
(800,000 documents) the function took about as long as the trigram index builds it feeds
(60 s of 137 s for the products' index), and every search's check of a found row paid it
too. In UTF-8 a coded letter U+E000+n is EE 80 80+n (n < 64) or EE 81 40+n, its Thai letter
U+0E00+n is E0 B8 80+n or E0 B9 40+n: the same last byte after another two-byte lead. The
function now replaces those leads in the document's bytes, written out in hex: EE can only
begin a character, and a match of "ee80" or "ee81" one hex digit off would need the byte
E8 followed by one below 20, which UTF-8 never holds.

The function gives the same text for every text, so the indexes built on it stay as they
are. convert_to and convert_from are only stable (they follow the database's encoding, which
never changes), so the planner no longer inlines the function: a query's
otop_key_letters(search_text) then matches the index expression as the same call, as before
it matched it inlined. tests/test_migrations.py compares the two functions.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# --- frozen copies of what 0015 made -----------------------------------------------------------
FUNCTION = "otop_key_letters"
_THAI, _CODED = 0x0E00, 0xE000
_BLOCK = 0x80


def _letters(start: int) -> str:
    return "".join(chr(code) for code in range(start, start + _BLOCK))


BY_TRANSLATE = f"SELECT translate($1, '{_letters(_CODED)}', '{_letters(_THAI)}')"

# --- the change ----------------------------------------------------------------------------

BY_BYTES = (
    "SELECT convert_from(decode(replace(replace(encode(convert_to($1, 'UTF8'), 'hex'),"
    " 'ee80', 'e0b8'), 'ee81', 'e0b9'), 'hex'), 'UTF8')"
)


def _define(body: str) -> None:
    op.execute(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}(text) RETURNS text LANGUAGE sql IMMUTABLE"
        f" PARALLEL SAFE AS $$ {body} $$"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _define(BY_BYTES)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _define(BY_TRANSLATE)
