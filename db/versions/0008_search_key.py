"""Forgiving search: every entrepreneur's and product's search document rebuilt to hold each
field's search key (no tone marks, mai taikhu or thanthakhat; แ as เเ), its Thai letters
coded into the private-use block U+E000–U+E07F, before the fields as typed; its character
mask with it; and on SQLite the trigram index rebuilt once from the new documents.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = ("entrepreneurs", "products")
BATCH = 20_000

# --- frozen copies ---------------------------------------------------------------------
# otop_desktop.textnorm.normalize, otop_desktop.search.search_key, the document functions
# and search_mask as they are at this revision, so that it writes the same documents
# whatever the program's search later becomes. A later change of the key brings its own
# migration that rebuilds the documents again.

_THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
_NORMALIZE_TABLE: dict[int, int | None] = {
    **str.maketrans(_THAI_DIGITS, "0123456789"),
    **dict.fromkeys(map(ord, _INVISIBLE)),
}
_SPECIAL_RE = re.compile(f"[{_THAI_DIGITS}{_INVISIBLE}]")
_SARA_AM_RE = re.compile("([\u0e48-\u0e4b]?)\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_AM_TONE_RE = re.compile("\u0e33([\u0e48-\u0e4b])")
# Mai taikhu, the tone marks and thanthakhat go; sara ae becomes two sara e.
_KEY_TABLE = str.maketrans({**dict.fromkeys(map(chr, range(0x0E47, 0x0E4D)), ""), "แ": "เเ"})
_CODE_TABLE = {c: c - 0x0E00 + 0xE000 for c in range(0x0E00, 0x0E80)}
_MASK_BITS = {
    chr(code + shift): 1 << bit
    for bit, code in enumerate([*range(0x0E01, 0x0E3B), *range(0x0E40, 0x0E45)])
    for shift in (0, 0xE000 - 0x0E00)
}


def _normalize(text: str) -> str:
    s = unicodedata.normalize("NFC", text)
    if _SPECIAL_RE.search(s):
        s = s.translate(_NORMALIZE_TABLE)
    s = _SARA_AM_RE.sub("\\1\\2\u0e33", s)
    s = _AM_TONE_RE.sub("\\1\u0e33", s).casefold()
    return " ".join(s.split())


def _keyed(parts: list[str]) -> str:
    """The document of 0008: the coded keys, then the fields as typed."""
    keys = "\n".join(_normalize(p).translate(_KEY_TABLE).translate(_CODE_TABLE) for p in parts)
    return keys + "\n" + "\n".join(_normalize(p) for p in parts) if parts else ""


def _typed(parts: list[str]) -> str:
    """The document of 0002: the fields as typed."""
    return "\n".join(_normalize(p) for p in parts)


def _mask(text: str) -> int:
    mask = 0
    for char in set(text):
        mask |= _MASK_BITS.get(char, 0)
    return mask


# --- the rebuild -------------------------------------------------------------------------

Doc = Callable[[list[str]], str]


def _batches(conn: sa.Connection, sql: str) -> Iterator[list[sa.Row]]:
    """The rows of ``sql`` (ordered by id, with a ``:last`` bound below it) a batch at a
    time, each read before the caller writes, so memory stays small at nation scale."""
    last = 0
    while rows := conn.execute(sa.text(sql), {"last": last, "n": BATCH}).all():
        yield rows
        last = rows[-1][0]


def _product_docs(conn: sa.Connection, doc: Doc) -> Iterator[list[dict[str, object]]]:
    for rows in _batches(
        conn,
        "SELECT p.id, p.name, p.code, e.name FROM products p JOIN entrepreneurs e"
        " ON e.id = p.entrepreneur_id WHERE p.id > :last ORDER BY p.id LIMIT :n",
    ):
        yield [_update(i, _joined(doc, (name, code, owner))) for i, name, code, owner in rows]


def _entrepreneur_docs(conn: sa.Connection, doc: Doc) -> Iterator[list[dict[str, object]]]:
    for rows in _batches(
        conn,
        "SELECT id, name, contact_name, reg_no, previous_reg_no FROM entrepreneurs"
        " WHERE id > :last ORDER BY id LIMIT :n",
    ):
        # The product names in code order, as register_check rebuilds the documents.
        names: dict[int, list[str]] = {}
        for eid, name in conn.execute(
            sa.text(
                "SELECT entrepreneur_id, name FROM products WHERE entrepreneur_id BETWEEN :lo"
                " AND :hi ORDER BY entrepreneur_id, code"
            ),
            {"lo": rows[0][0], "hi": rows[-1][0]},
        ):
            names.setdefault(eid, []).append(name)
        yield [
            _update(i, _joined(doc, (name, contact, reg_no, previous, *names.get(i, ()))))
            for i, name, contact, reg_no, previous in rows
        ]


def _joined(doc: Doc, parts: Iterable[str]) -> str:
    return doc([p for p in parts if p])


def _update(row_id: int, doc: str) -> dict[str, object]:
    return {"i": row_id, "t": doc, "m": _mask(doc)}


def _rebuild(doc: Doc) -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    triggers: list[tuple[str, str]] = []
    if sqlite:
        # Kept row by row through its triggers, the index costs about fifteen times one
        # rebuild (as search.bulk_load does for large loads), so the triggers are set aside.
        triggers = [
            (name, sql)
            for name, sql in conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
                "('entrepreneurs', 'products') AND name LIKE '%fts%'"
            ).all()
        ]
        for name, _ in triggers:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    # Names and codes are only read, so the documents of one table do not depend on what was
    # written to the other.
    for table, documents in (("products", _product_docs), ("entrepreneurs", _entrepreneur_docs)):
        update = sa.text(f"UPDATE {table} SET search_text = :t, search_mask = :m WHERE id = :i")
        for batch in documents(conn, doc):
            conn.execute(update, batch)
    if sqlite:
        for table in TABLES:
            conn.exec_driver_sql(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
        for _, sql in triggers:
            conn.exec_driver_sql(sql)


def upgrade() -> None:
    _rebuild(_keyed)


def downgrade() -> None:
    # Back to the documents of 0002: the fields as typed, normalised.
    _rebuild(_typed)
