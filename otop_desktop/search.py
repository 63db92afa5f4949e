"""Thai-aware search text. Thai has no spaces between words, so search is by substring over
one normalised document per record (textnorm.normalize on both sides). SQLite indexes the
documents with FTS5's trigram tokenizer (migration 0002); queries shorter than a trigram
fall back to a scan in list order, which stops as soon as a page is full."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from otop_desktop.textnorm import normalize

# Fields are joined by a newline, which a normalised query never holds, so that no match
# runs across two fields.
_SEP = "\n"

#: Shortest query the trigram index can answer.
TRIGRAM = 3

#: Tables with a search document and, on SQLite, an FTS5 index named ``<table>_fts``.
SEARCHED_TABLES = ("entrepreneurs", "products")


def entrepreneur_doc(
    name: str, contact_name: str, reg_no: str, previous_reg_no: str, product_names: Iterable[str]
) -> str:
    parts = [name, contact_name, reg_no, previous_reg_no, *product_names]
    return _SEP.join(normalize(p) for p in parts if p)


def product_doc(name: str, code: str, entrepreneur_name: str) -> str:
    return _SEP.join(normalize(p) for p in (name, code, entrepreneur_name) if p)


# One bit per character of the Thai consonants, vowels and ฯ (U+0E01–U+0E3A) and the leading
# vowels เ–ไ (U+0E40–U+0E44): 63 bits, so the mask is a positive signed 64-bit integer on any
# backend. Queries too short for the trigram index test the mask first, which an index
# beside the sort key holds, so a rare character does not read every row of the table.
_MASK_BITS = {
    chr(code): 1 << bit for bit, code in enumerate([*range(0x0E01, 0x0E3B), *range(0x0E40, 0x0E45)])
}


def search_mask(text: str) -> int:
    """The characters of ``text`` (a normalised search document or query) that have a bit."""
    mask = 0
    for char in set(text):
        mask |= _MASK_BITS.get(char, 0)
    return mask


def fts_phrase(query: str) -> str:
    """An FTS5 MATCH operand that matches ``query`` (already normalised) as a substring."""
    return '"' + query.replace('"', '""') + '"'


@contextmanager
def bulk_load(session: Session) -> Iterator[None]:
    """Wraps a load of many rows (demo data, large imports) on SQLite. Keeping the trigram
    index row by row through its triggers costs about fifteen times a rebuild, so the triggers
    are set aside for the load and the index rebuilt after it — all in the caller's
    transaction, so an error leaves triggers and index as they were."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    triggers = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
        f"({', '.join(repr(t) for t in SEARCHED_TABLES)}) AND name LIKE '%fts%'"
    ).all()
    for name, _ in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for table in SEARCHED_TABLES:
        conn.exec_driver_sql(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
    for _, sql in triggers:
        conn.exec_driver_sql(sql)
