"""Thai-aware search text. Thai has no spaces between words, so search is by substring over
one search document per record. SQLite indexes the documents with FTS5's trigram tokenizer
(migrations 0002, 0008); queries shorter than a trigram fall back to a scan in list order,
which stops as soon as a page is full.

A document holds each field twice: first its search key (search_key()), with its Thai
letters moved into a private-use block (coded()), then as typed (textnorm.normalize). The
two alphabets never meet, so one index answers both the forgiving query (the query's key,
coded) and the query as typed, which lists its matches first: a broad forgiving query whose
typed form is rare (ทอผา) finds those few by the index instead of testing every match.

The key forgives what Thai typists commonly get wrong: tone marks (and the mai taikhu and
thanthakhat) are left out, so ทอผา finds ทอผ้า and ท่อผ้า; แ is written as เ twice, as it
is often typed; and a leading vowel typed after its consonant instead of before it is tried
both ways (search_variants). It is its own function, not textnorm.normalize, which legacy
cleaning and display values also use and which must keep tone marks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache, reduce
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    SQLColumnExpression,
    column,
    func,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from otop_desktop.textnorm import normalize, to_thai_digits

# Fields are joined by a newline, which a normalised query never holds, so that no match
# runs across two fields.
_SEP = "\n"

#: Shortest query the trigram index can answer.
TRIGRAM = 3

#: Tables with a search document and, on SQLite, an FTS5 index named ``<table>_fts``.
SEARCHED_TABLES = ("entrepreneurs", "products")

#: Each searched table's list order, a unique key. On SQLite a row's ``search_pos`` is its
#: place in that order and the rowid of its FTS5 index, so that the index lists hits in the
#: list's order (migration 0011, whose triggers place each row written).
LIST_ORDER = {"entrepreneurs": "reg_no", "products": "code"}
#: Spacing of positions numbered afresh: the n-th row in order is at n * POSITION_GAP.
POSITION_GAP = 1 << 32

# Each of these characters becomes the string beside it in a key. Every replacement is of one
# character by a fixed string, so a text that holds a query also holds it once both are keys:
# forgiving only ever adds matches. Mai taikhu, the four tone marks and thanthakhat
# (U+0E47–U+0E4C) go; sara ae becomes the two sara e that many type for it.
_SARA_E, _SARA_AE = "\u0e40", "\u0e41"
_KEY_REPLACEMENTS: dict[str, str] = {
    **dict.fromkeys(map(chr, range(0x0E47, 0x0E4D)), ""),
    _SARA_AE: _SARA_E + _SARA_E,
}
_KEY_TABLE = str.maketrans(_KEY_REPLACEMENTS)
# str.translate with a dict is slow on non-ASCII text: run it only when a scan finds work.
_KEY_SPECIAL_RE = re.compile("[\u0e47-\u0e4c\u0e41]")

# A run of leading vowels (เ แ โ ใ ไ; in a key แ is เเ) and the consonant after or before it.
_LEADING = "[\u0e40-\u0e44]+"
_CONSONANT = "[\u0e01-\u0e2e]"
_VOWEL_FIRST_RE = re.compile(f"({_LEADING})({_CONSONANT})")
_CONSONANT_FIRST_RE = re.compile(f"({_CONSONANT})({_LEADING})")
#: Most leading vowels in a query for which each is also moved on its own.
_MAX_SINGLE_MOVES = 3


def search_key(text: str) -> str:
    """The search key of ``text``: textnorm.normalize (NFC, no invisibles, Arabic digits,
    composed sara am, casefolded, single spaces), then without tone marks, mai taikhu and
    thanthakhat, and with แ as เเ."""
    s = normalize(text)
    return s.translate(_KEY_TABLE) if _KEY_SPECIAL_RE.search(s) else s


def search_variants(key: str) -> list[str]:
    """The ways ``key`` (a search key) may have been meant as to its leading vowels: as typed
    first; then with every leading vowel moved in front of the consonant typed before it
    (typed as spoken, consonant first), and with every one moved behind the consonant after
    it (for text stored that way); then, for a query or a text that mixes the two, each
    vowel moved on its own (up to a few vowels: each variant costs one more index lookup)."""
    variants = [key]
    singles = []
    for pattern in (_CONSONANT_FIRST_RE, _VOWEL_FIRST_RE):
        spots = list(pattern.finditer(key))
        if spots:
            variants.append(pattern.sub(r"\2\1", key))
        if 1 < len(spots) <= _MAX_SINGLE_MOVES:
            singles += [key[: m.start()] + m[2] + m[1] + key[m.end() :] for m in spots]
    return list(dict.fromkeys(variants + singles))


# The Thai block U+0E00–U+0E7F and its private-use twin in keys (U+E000–U+E07F).
_THAI, _CODED = 0x0E00, 0xE000
_CODE_TABLE = {c: c - _THAI + _CODED for c in range(_THAI, _THAI + 0x80)}


def coded(key: str) -> str:
    """``key`` with its Thai letters moved to their private-use twins: how keys are stored
    and looked up, apart from the typed text beside them (see the module's docstring)."""
    return key.translate(_CODE_TABLE)


# Coded letters to the CJK ideographs U+4E00–U+4E7F and Thai ones to U+4E80–U+4EFF: letters
# to pg_trgm in every locale with Unicode letters, where Thai marks are not (migration 0018).
_WORDS, _TYPED_WORDS = 0x4E00, 0x4E80
_WORDS_TABLE = {
    **{code: code - _CODED + _WORDS for code in range(_CODED, _CODED + 0x80)},
    **{thai: thai - _THAI + _TYPED_WORDS for thai in range(_THAI, _THAI + 0x80)},
}
#: The letters of ``search_words`` (the function's class [0-9a-z\u4e00-\u4eff]); each run of
#: anything else is one space there.
WORD_LETTERS = "".join(
    chr(c)
    for first, last in ((0x30, 0x39), (0x61, 0x7A), (0x4E00, 0x4EFF))
    for c in range(first, last + 1)
)
_NOT_WORD_RE = re.compile(f"[^{WORD_LETTERS}]+")


def search_words(text: str) -> str:
    """``text`` (a search document, or a part of one) as PostgreSQL's ``search_words`` column
    holds it (migration 0018's otop_search_words): coded and typed Thai letters moved to two
    blocks of CJK ideographs, so that pg_trgm reads a Thai word whole instead of cutting it at
    every mark above or below its consonant, and each run of other characters but digits and
    a-z made one space, so that every word ends in a space or at the text's end."""
    return _NOT_WORD_RE.sub(" ", text.translate(_WORDS_TABLE))


@lru_cache(maxsize=65536)
def _field(text: str) -> tuple[str, str]:
    """A field's coded key and its text as typed. Cached: names repeat across documents (a
    producer's name in each of its products', common product names), and large loads build
    hundreds of thousands of documents."""
    return coded(search_key(text)), normalize(text)


def _doc(parts: Iterable[str]) -> str:
    fields = [_field(p) for p in parts if p]
    keys = _SEP.join(key for key, _ in fields)
    return keys + _SEP + _SEP.join(typed for _, typed in fields) if fields else ""


def entrepreneur_doc(
    name: str, contact_name: str, reg_no: str, previous_reg_no: str, product_names: Iterable[str]
) -> str:
    return _doc([name, contact_name, reg_no, previous_reg_no, *product_names])


def product_doc(name: str, code: str, entrepreneur_name: str) -> str:
    return _doc([name, code, entrepreneur_name])


def sql_key(column: SQLColumnExpression[str]) -> SQLColumnExpression[str]:
    """search_key of a column's stored (clean_text) value, in SQL, for lists without a
    search document: the same replacements by nested replace(), in SQLite and PostgreSQL
    alike. Case and Thai digits are left to the comparison (see key_contains)."""
    return reduce(
        lambda expr, item: func.replace(expr, item[0], item[1]),
        _KEY_REPLACEMENTS.items(),
        column,
    )


def key_contains(column: SQLColumnExpression[str], query: str) -> ColumnElement[bool] | None:
    """The forgiving condition 'the column holds ``query``' for a column without a search
    document (a substring scan, as plain icontains is), or None for an empty query. Thai
    digits in the column match Arabic ones in the query, as search documents do."""
    key = search_key(query)
    if not key:
        # Nothing but tone marks (or nothing at all): held as typed.
        typed = normalize(query)
        return column.icontains(typed, autoescape=True) if typed else None
    column_key = sql_key(column)
    tests: list[Any] = []
    for variant in search_variants(key):
        tests.append(column_key.icontains(variant, autoescape=True))
        thai = to_thai_digits(variant)
        if thai != variant:
            tests.append(column_key.icontains(thai, autoescape=True))
    return or_(*tests)


def indexed(
    session: Session, table_name: str, id_column: SQLColumnExpression[int], query: str
) -> ColumnElement[bool] | None:
    """On SQLite, 'the row's searched fields hold ``query``, forgivingly' through the trigram
    index of a list without a search document (households, trainings, grants: migration
    0011 indexes their fields' keys): the rows key_contains finds over those fields. None
    where the index cannot answer (another engine, a key shorter than a trigram): the caller
    tests the columns instead."""
    key = search_key(query)
    if session.get_bind().dialect.name != "sqlite" or len(key) < TRIGRAM:
        return None
    # Thai digits in a field match Arabic ones in the query, as key_contains does.
    texts = [
        text for variant in search_variants(key) for text in (variant, to_thai_digits(variant))
    ]
    fts_name = f"{table_name}_fts"
    fts = table(fts_name, column("rowid"), column(fts_name))
    hits = select(fts.c.rowid).where(fts.c[fts_name].op("MATCH")(fts_any(dict.fromkeys(texts))))
    return id_column.in_(hits)


def forgiving(query: str, *columns: SQLColumnExpression[str]) -> list[ColumnElement[bool]]:
    """``key_contains`` for each of ``columns`` (none for an empty query), to spread into an
    ``or_`` beside a list's other tests."""
    tests = (key_contains(column, query) for column in columns)
    return [test for test in tests if test is not None]


# One bit per character of the Thai consonants, vowels and ฯ (U+0E01–U+0E3A) and the leading
# vowels เ–ไ (U+0E40–U+0E44), typed or coded alike: 63 bits, so the mask is a positive signed
# 64-bit integer on any backend. Queries too short for the trigram index test the mask first,
# which an index beside the sort key holds, so a rare character does not read every row.
_MASK_BITS = {
    chr(code + shift): 1 << bit
    for bit, code in enumerate([*range(0x0E01, 0x0E3B), *range(0x0E40, 0x0E45)])
    for shift in (0, _CODED - _THAI)
}


_MASK_CHARS = frozenset(_MASK_BITS)


def search_mask(text: str) -> int:
    """The characters of ``text`` (a search document, a key or a query) that have a bit."""
    mask = 0
    for char in _MASK_CHARS.intersection(text):
        mask |= _MASK_BITS[char]
    return mask


def fts_phrase(query: str) -> str:
    """An FTS5 MATCH operand that matches ``query`` (a normalised text or a coded key) as a
    substring."""
    return '"' + query.replace('"', '""') + '"'


def fts_any(queries: Iterable[str]) -> str:
    """An FTS5 MATCH operand that matches any of ``queries`` as a substring."""
    return " OR ".join(fts_phrase(q) for q in queries)


@contextmanager
def bulk_load(session: Session) -> Iterator[None]:
    """Wraps a load of many rows (demo data, large imports). Keeping the search indexes row
    by row costs many times building them once, so they are set aside for the load and made
    again after it — all in the caller's transaction, so an error leaves them as they were.
    On SQLite the trigram index's triggers (and those placing rows in list order) are dropped
    and the index rebuilt; on PostgreSQL the GIN indexes of the search documents are dropped
    and re-created from their own definitions."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        with _sqlite_bulk_load(conn):
            yield
    elif conn.dialect.name == "postgresql":
        indexes = conn.execute(
            text(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                f" AND tablename IN ({_listed(SEARCHED_TABLES)}) AND indexdef LIKE '%USING gin%'"
            )
        ).all()
        for name, _ in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        yield
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
        for _, definition in indexes:
            conn.exec_driver_sql(definition)
    else:
        yield


def _listed(names: Iterable[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


@contextmanager
def _sqlite_bulk_load(conn: Connection) -> Iterator[None]:
    triggers = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
        f"({_listed(SEARCHED_TABLES)}) AND name LIKE '%fts%'"
    ).all()
    for name, _ in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for name, key in LIST_ORDER.items():
        # Rows loaded without their triggers have no place yet: all are numbered afresh.
        if conn.exec_driver_sql(f"SELECT 1 FROM {name} WHERE search_pos IS NULL").first():
            conn.exec_driver_sql(
                f"UPDATE {name} SET search_pos = ordered.n * {POSITION_GAP} FROM (SELECT id,"
                f" row_number() OVER (ORDER BY {key}) AS n FROM {name}) AS ordered"
                f" WHERE {name}.id = ordered.id"
            )
        conn.exec_driver_sql(f"INSERT INTO {name}_fts({name}_fts) VALUES ('rebuild')")
    for _, sql in triggers:
        conn.exec_driver_sql(sql)
