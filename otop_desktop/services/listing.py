"""Lists of entrepreneurs and products with filters, sorting, paging and Thai-aware search.

Lists are built for lazy views: ``*_ids`` returns the ordered ids of everything that matches
(cheap, integers only) and ``*_rows`` fetches the display rows of the few ids on screen."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    any_,
    bindparam,
    case,
    column,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause
from sqlalchemy.types import Integer, Text

from otop_desktop.domain import READINESS_ITEMS
from otop_desktop.models import DigitalReadiness, Entrepreneur, Product, ProductStandard
from otop_desktop.search import (
    TRIGRAM,
    WORD_LETTERS,
    coded,
    fts_any,
    fts_phrase,
    search_key,
    search_mask,
    search_variants,
    search_words,
)
from otop_desktop.services.readiness import level_sql
from otop_desktop.textnorm import normalize

READINESS_KEYS = frozenset(key for key, _, _ in READINESS_ITEMS)


@dataclass(frozen=True)
class EntrepreneurFilter:
    query: str = ""
    province_code: str | None = None
    district_code: str | None = None
    subdistrict_code: str | None = None
    producer_type: int | None = None
    status: str | None = None
    #: has at least one product of this category
    category: int | None = None
    #: has at least one product whose latest rating is this many stars
    stars: int | None = None
    #: lacks this digital-readiness check (a DigitalReadiness column of READINESS_ITEMS):
    #: not assessed at all, or assessed without it
    readiness_lacking: str | None = None
    #: assessed at this digital-readiness level (0–5, services.readiness.level_sql); -1: never
    #: assessed
    readiness_level: int | None = None

    def __post_init__(self) -> None:
        # A wrong name would otherwise pass silently as "nobody has it".
        if self.readiness_lacking is not None and self.readiness_lacking not in READINESS_KEYS:
            raise ValueError(f"not a readiness check: {self.readiness_lacking!r}")


@dataclass(frozen=True)
class ProductFilter:
    query: str = ""
    province_code: str | None = None
    district_code: str | None = None
    subdistrict_code: str | None = None
    category: int | None = None
    stars: int | None = None
    soft_power: str | None = None
    status: str | None = None
    entrepreneur_id: int | None = None
    #: holds this standard (a Standard value), whatever its expiry date
    standard: str | None = None


@dataclass(frozen=True)
class EntrepreneurRow:
    id: int
    reg_no: str
    name: str
    producer_type: int | None
    contact_name: str
    subdistrict_code: str
    moo: int | None
    phone: str
    status: str
    registered_on: Any
    product_count: int


@dataclass(frozen=True)
class ProductRow:
    id: int
    code: str
    name: str
    category: int | None
    price: Decimal
    unit: str
    current_stars: int
    soft_power: str | None
    entrepreneur_id: int
    entrepreneur_name: str
    subdistrict_code: str


# Sort keys, each ended by the id so that equal keys keep one order. The unique codes are
# followed by the search mask, which changes nothing in the order but lets SQLite read the
# list from the (code, search_mask) index, where short searches test the mask.
ENTREPRENEUR_ORDER: dict[str, tuple[SQLColumnExpression[Any], ...]] = {
    "reg_no": (Entrepreneur.reg_no, Entrepreneur.search_mask),
    "name": (Entrepreneur.name,),
    "registered_on": (Entrepreneur.registered_on,),
    "subdistrict": (Entrepreneur.subdistrict_code,),
    "status": (Entrepreneur.status,),
    "producer_type": (Entrepreneur.producer_type,),
}
PRODUCT_ORDER: dict[str, tuple[SQLColumnExpression[Any], ...]] = {
    "code": (Product.code, Product.search_mask),
    "name": (Product.name,),
    "category": (Product.category,),
    "price": (Product.price,),
    "stars": (Product.current_stars,),
}


#: Above this many trigram hits, a list in an order other than its default one is read by
#: walking that order and keeping the hits (the first page comes after a few hundred rows);
#: below it, the hits are fetched and sorted. Either plan alone costs up to 100 ms on a
#: national register for the other kind of query. (In the default order the index lists the
#: hits in order itself: _in_index_order.)
BROAD_MATCH = 1500

#: A query shorter than a trigram is tested on SAMPLE_RUNS runs of SAMPLE_RUN rows spread
#: over the table: found in at least COMMON_IN_SAMPLE of them (by engine), it is common and a
#: walk of the list's order soon fills a page; rarer, walking would read most of the table, so
#: its rows are looked up by an index. SQLite walks the (sort key, character mask) index
#: without reading rows, PostgreSQL reads each row it walks past: its walk pays off only for
#: texts in about one row in thirty. On SQLite at most MAX_SHORT_TERMS trigrams may begin the
#: text (_starting_trigrams).
SAMPLE_RUNS, SAMPLE_RUN = 8, 128
COMMON_IN_SAMPLE = {"sqlite": 3, "postgresql": 32}
MAX_SHORT_TERMS = 300
#: A text found by PostgreSQL's trigram index in at least this many of the sample's rows (in
#: most of its runs) is read by a walk of the list's order; rarer, its rows are fetched from
#: the index and sorted. Fetching costs about 3 µs a row found, walking about 2 µs a row
#: walked past (50 / its share of rows): even at near one row in a hundred on a national
#: register (some 8 of the sample's 1,024 rows).
SPREAD_IN_SAMPLE = 8


@dataclass(frozen=True)
class _Search:
    """A query's conditions. ``match`` forgives tone marks and the order of leading vowels
    (search.search_key, search_variants); ``typed`` holds for the rows whose text holds the
    query as typed, which are listed first, and ``untyped`` for the other matches; ``rank``
    is 0 for the first and 1 for the others, read from the row. ``narrow``: few enough
    matches to fetch and sort them all at once."""

    match: Any
    typed: Any
    untyped: Any
    rank: Any
    narrow: bool


@dataclass(frozen=True)
class _Contains:
    match: Any
    #: the positions (search_pos) the trigram index found (None: a substring scan)
    hits: Any
    narrow: bool


Searched = type[Entrepreneur] | type[Product]


def _fts(model: Searched) -> Any:
    """The model's FTS5 trigram index (SQLite), whose rowids are the rows' search_pos."""
    name = f"{model.__tablename__}_fts"
    return table(name, column("rowid"), column(name))


def _matching(fts: Any, operand: str) -> Any:
    return fts.c[fts.name].op("MATCH")(operand)


def _search(
    session: Session, model: Searched, query: str, *, ranked: bool = True
) -> _Search | None:
    """The query's conditions, or None for an empty query. Without ``ranked`` (a count), only
    ``match`` is wanted."""
    typed = normalize(query)
    if not typed:
        return None
    sqlite = session.get_bind().dialect.name == "sqlite"
    if len(typed) < TRIGRAM and not sqlite:
        holds_typed = _like(model.search_text, typed)  # written into the statement: see _like
    else:
        holds_typed = model.search_text.contains(typed, autoescape=True)
    rank = case((holds_typed, 0), else_=1)
    key = search_key(typed)
    if not key:
        # Tone marks alone: nothing to forgive.
        exact = _contains(session, model, [typed], sqlite)
        return _Search(exact.match, exact.match, false(), rank, exact.narrow)
    # The document's keys are coded, apart from the text as typed (search.coded).
    forgiving = _contains(
        session, model, [coded(v) for v in search_variants(key)], sqlite, in_keys=True
    )
    if forgiving.narrow or not ranked:
        # Sorted by rank, or not ordered at all: the typed text's own lookup is not needed.
        return _Search(forgiving.match, None, None, rank, forgiving.narrow)
    exact = _contains(session, model, [typed], sqlite)
    untyped = ~holds_typed if exact.hits is None else (model.search_pos + 0).not_in(exact.hits)
    return _Search(forgiving.match, exact.match, untyped, rank, narrow=False)


def _contains(
    session: Session, model: Searched, texts: list[str], sqlite: bool, *, in_keys: bool = False
) -> _Contains:
    """The condition 'the search document holds one of ``texts``' (all of one length);
    ``in_keys``: texts that, when a document holds them, its coded keys hold (search.coded)."""
    if len(texts[0]) >= TRIGRAM and sqlite:
        fts = _fts(model)
        hits = select(fts.c.rowid).where(_matching(fts, fts_any(texts)))
        probe = select(func.count()).select_from(hits.limit(BROAD_MATCH + 1).subquery())
        if (session.scalar(probe) or 0) > BROAD_MATCH:
            # "search_pos + 0" cannot be looked up by its index, so SQLite walks the ORDER BY
            # index and tests each row against the hits, stopping when the page is full.
            return _Contains((model.search_pos + 0).in_(hits), hits, narrow=False)
        return _Contains(model.search_pos.in_(hits), hits, narrow=True)
    if len(texts[0]) >= TRIGRAM:
        # A server with its own trigram index (pg_trgm) of each document's search_words,
        # where Thai words are whole (migration 0018): the text is looked up there as that
        # column holds it, and the rows found are tested for the text itself.
        substring = or_(*(_like(model.search_text, t) for t in texts))
        if not _spread(session, model, substring):
            words = _words(model)
            looked_up = or_(
                *(and_(_like(words, search_words(t)), _like(model.search_text, t)) for t in texts)
            )
            return _Contains(looked_up, None, narrow=True)
        # Common all over the table: a walk of the list's order soon fills a page. Tested by
        # strpos, which no index answers and the planner weighs by a default: with the
        # lookup beside it, or LIKE, it takes the text for a rare one (the two tests as if
        # independent) and reads and sorts every row found.
        walked = or_(*(func.strpos(model.search_text, t) > 0 for t in texts))
        return _Contains(walked, None, narrow=False)
    if sqlite:
        # Documents and queries are both normalised (casefolded): a plain substring search,
        # which SQLite's instr does many times faster than LIKE.
        substring = or_(*(func.instr(model.search_text, t) > 0 for t in texts))
    else:
        substring = or_(*(_like(model.search_text, t) for t in texts))
    # Shorter than a trigram. On SQLite the substring test goes behind the character mask,
    # which the index on (sort key, mask) answers without reading the rows that lack one of
    # the query's characters, and which spares the sample most of its substring tests.
    # Variants of one key have the same characters, so one mask serves them all.
    mask = search_mask(texts[0]) if sqlite else 0
    if mask:
        masked = or_(model.search_mask.is_(None), model.search_mask.op("&")(mask) == mask)
        substring = and_(masked, substring)
    if in_keys and _rare(session, model, substring):
        if sqlite:
            hits = _starting_trigrams(session, model, texts)
            if hits is not None:
                return _Contains(model.search_pos.in_(hits), hits, narrow=True)
        elif len(texts[0]) == 2 and all(" " not in search_words(t) for t in texts):
            # Two letters of search_words (no space there): their trigrams in it (migration
            # 0018) find every row holding them, also where both letters are common.
            found = _word_pair_hits(session, model, [search_words(t) for t in texts])
            held = model.id == any_(bindparam(None, found, type_=ARRAY(Integer)))
            return _Contains(and_(held, substring), None, narrow=True)
        elif letters := sorted(set(_KEY_CHAR_RE.findall(texts[0]))):
            # The index of the less common characters of each document's keys (migrations
            # 0011, 0018) finds the few rows holding all of the text's; the substring test
            # keeps those holding the text.
            held = _key_chars(model).contains(letters)
            return _Contains(and_(held, substring), None, narrow=True)
    # A text common enough that a walk of the list's order soon fills a page.
    return _Contains(substring, None, narrow=False)


def _word_pair_hits(session: Session, model: Searched, pairs: list[str]) -> list[int]:
    """_word_pairs' ids, looked up in the index also on a small table, where the planner
    would rather test each pattern on every row it reads once (LIKE on a document costs far
    more than it reckons: 227 ms for a district's 186 producers, against 2 ms through the
    index): for this statement only, the index is its one way to the rows."""
    connection = session.connection()
    # Nor is it compiled (JIT): the planner reckons 3,000 rows a pattern, and the compiling
    # took 8 ms of the 11 the statement did.
    settings = ("enable_seqscan", "enable_indexscan", "jit")
    connection.exec_driver_sql("; ".join(f"SET LOCAL {name} = off" for name in settings))
    try:
        return list(session.scalars(_word_pairs(model, pairs)))
    finally:
        connection.exec_driver_sql("; ".join(f"RESET {name}" for name in settings))


def _word_pairs(model: Searched, pairs: list[str]) -> Select[int]:
    """The ids of the rows whose search_words hold one of ``pairs`` (two letters each), from
    its trigram index: within a word a pair begins a trigram with the letter after it, and at
    a word's end one with the space or the text's end after it. One lookup per trigram, each
    pattern joined in from a list, so that the server's planner weighs one pattern instead of
    testing each of some three hundred against its statistics (milliseconds each). The list is
    written into the statement: a prepared statement's generic plan, made for any list, tests
    every pattern on every row of a small table (some 300 ms on a district's)."""
    patterns = [f"%{pair}{after}%" for pair in pairs for after in (*WORD_LETTERS, " ")]
    patterns += [f"%{pair}" for pair in pairs]
    listed = (
        func.unnest(bindparam(None, patterns, type_=ARRAY(Text), literal_execute=True))
        .table_valued("pattern")
        .render_derived()
    )
    words = _words(model)
    return select(model.id).distinct().select_from(listed).join(model, words.like(listed.c.pattern))


#: What the index of keys' characters holds (migration 0018's KEY_CHARS): a-z and the coded
#: Thai letters but those in most keys (and digits), which it leaves out.
_COMMON_IN_KEYS = "0123456789กขงจดตทนบผมยรลวสหอัาำิุเ"
_KEY_CHARS = "a-z" + "".join(
    chr(c) for c in range(0xE001, 0xE07F) if chr(c - 0xE000 + 0x0E00) not in _COMMON_IN_KEYS
)
_KEY_CHAR_RE = re.compile(f"[{_KEY_CHARS}]")


def _key_chars(model: Searched) -> Any:
    """PostgreSQL's indexed expression of the characters of a document's keys (migration
    0018), written as the index is, or the index is not used."""
    expression = (
        f"string_to_array(regexp_replace({model.__tablename__}.search_text,"
        f" '[^{_KEY_CHARS}]+', '', 'g'), NULL) COLLATE \"C\""
    )
    return literal_column(expression, ARRAY(Text))


def _words(model: Searched) -> Any:
    """PostgreSQL's ``search_words`` column (migration 0018), which the server computes and
    the models leave out: SQLite has none."""
    return literal_column(f"{model.__tablename__}.search_words", Text)


def _like(document: Any, text: str) -> Any:
    """'``document`` holds ``text``' on a server, the text written into the statement: a
    prepared statement's generic plan, made for any pattern, scans the whole trigram index
    even for a text that has no trigram."""
    escaped = text.replace("/", "//").replace("%", "/%").replace("_", "/_")
    pattern = bindparam(None, f"%{escaped}%", type_=Text, literal_execute=True)
    return document.like(pattern, escape="/")


def _rare(session: Session, model: Searched, substring: Any) -> bool:
    """Whether a text shorter than a trigram is too rare for a walk of the list's order to
    fill a page soon: tested on runs of rows spread over the table, stopping at the number of
    rows that make it common (most texts are common)."""
    first, last = _table_ends(session, model)
    if first is None or last is None:
        return False
    common = COMMON_IN_SAMPLE[session.get_bind().dialect.name]
    found = select(model.id).where(_sampled(model, _run_starts(first, last)), substring)
    found = found.limit(common)
    return (session.scalar(select(func.count()).select_from(found.subquery())) or 0) < common


def _table_ends(session: Session, model: Searched) -> tuple[int | None, int | None]:
    """The table's least and greatest ids, read once per unit of work: a search samples the
    table up to three times, and rows added meanwhile only move the sample a little."""
    key = ("table ends", model.__tablename__)
    if key not in session.info:
        first, last = session.execute(_ends(model)).one()
        session.info[key] = (first, last)
    ends: tuple[int | None, int | None] = session.info[key]
    return ends


@functools.cache
def _ends(model: Searched) -> Select[int | None, int | None]:
    """The table's least and greatest ids. Two scalar subqueries: SQLite reads min and max
    from the index only one at a time."""
    return select(
        select(func.min(model.id)).scalar_subquery(), select(func.max(model.id)).scalar_subquery()
    )


def _spread(session: Session, model: Searched, substring: Any) -> bool:
    """Whether a text found by an index is common enough, and spread widely enough over the
    table, for a walk of the list's order to fill a page soon: found in at least
    SPREAD_IN_SAMPLE of the sample's rows, in most of its runs. Rows in one place (a
    district's codes, 6504) a walk reaches only after most of the table."""
    first, last = _table_ends(session, model)
    if first is None or last is None:
        return False
    starts = _run_starts(first, last)
    found = session.scalars(select(model.id).where(_sampled(model, starts), substring)).all()
    runs = [bisect.bisect_right(starts, ident) for ident in found]
    if runs.count(1) >= SPREAD_IN_SAMPLE:
        # Many in the first rows written, which mostly come first in the list's order too.
        return True
    return len(found) >= SPREAD_IN_SAMPLE and len(set(runs)) > len(starts) // 2


def _run_starts(first: int, last: int) -> list[int]:
    """The first ids of the sample's runs, spread over the ids from ``first`` to ``last``."""
    span = last - first + 1
    return sorted({first + span * i // SAMPLE_RUNS for i in range(SAMPLE_RUNS)})


def _sampled(model: Searched, starts: list[int]) -> TextClause:
    """'The row is in one of the sample's runs', which begin at ``starts``. The runs are
    written into the statement as numbers: the server's planner then sees how few rows they
    hold, and SQLAlchemy builds no expression for them on each search (which cost a short
    search about a millisecond)."""
    name = model.__tablename__
    runs = (f"{name}.id BETWEEN {start} AND {start + SAMPLE_RUN - 1}" for start in starts)
    return sql_text(f"({' OR '.join(runs)})")


def _starting_trigrams(session: Session, model: Searched, texts: list[str]) -> Any:
    """The positions of the rows holding one of ``texts`` (shorter than a trigram, found in
    the coded keys) as a query of SQLite's trigram index, or None when too many trigrams begin
    with them. A document's keys are followed by a newline and the fields as typed, so each
    character of its keys begins a trigram: the trigrams that begin with a text find every
    document holding it in its keys."""
    vocabulary = table(f"{model.__tablename__}_fts_terms", column("term"))
    terms: set[str] = set()
    for text in texts:
        starting = select(vocabulary.c.term).where(
            vocabulary.c.term >= text, vocabulary.c.term < text + "\U0010ffff"
        )
        terms.update(session.scalars(starting.limit(MAX_SHORT_TERMS + 1)))
        if len(terms) > MAX_SHORT_TERMS:
            return None
    fts = _fts(model)
    if not terms:
        return select(fts.c.rowid).where(false())
    return select(fts.c.rowid).where(_matching(fts, fts_any(sorted(terms))))


def _in_index_order(
    session: Session,
    model: Searched,
    query: str,
    *,
    descending: bool,
    offset: int,
    limit: int | None,
) -> list[int] | None:
    """A page of an unfiltered search in the list's default order, read from the trigram
    index in its rowid order, which is that order (search_pos): the rows holding the query as
    typed, then the other matches, as _ids lists them. None where the index cannot answer: on
    another engine, or for a query (or its key) shorter than a trigram."""
    typed = normalize(query)
    key = search_key(typed)
    if session.get_bind().dialect.name != "sqlite" or min(len(typed), len(key)) < TRIGRAM:
        return None
    fts = _fts(model)
    exact = fts_phrase(typed)
    others = f"({fts_any(coded(v) for v in search_variants(key))}) NOT {exact}"

    def hits(operand: str, skip: int, take: int | None) -> list[int]:
        stmt = (
            select(model.id)
            .select_from(fts)
            .join(model, model.search_pos == fts.c.rowid)
            .where(_matching(fts, operand))
            .order_by(fts.c.rowid.desc() if descending else fts.c.rowid)
        )
        return list(session.scalars(stmt.offset(skip).limit(take)))

    end = None if limit is None else offset + limit
    first = hits(exact, 0, end)
    if end is not None and len(first) >= end:
        return first[offset:]
    rest = hits(
        others, max(0, offset - len(first)), None if end is None else end - max(offset, len(first))
    )
    return first[offset:] + rest


def holding(session: Session, query: str) -> Select[Any] | None:
    """On SQLite, the ids of the entrepreneurs whose search document holds ``query``
    forgivingly, by the trigram index: a superset of those whose name does, for a list that
    tests the name only among them. None where the index cannot answer (another engine, a key
    shorter than a trigram)."""
    key = search_key(query)
    if session.get_bind().dialect.name != "sqlite" or len(key) < TRIGRAM:
        return None
    fts = _fts(Entrepreneur)
    texts = [coded(v) for v in search_variants(key)]
    hits = select(fts.c.rowid).where(_matching(fts, fts_any(texts)))
    # Never correlated: a list that joins the entrepreneurs reads this as its own set.
    return select(Entrepreneur.id).where(Entrepreneur.search_pos.in_(hits)).correlate(None)


def _in_province(province_code: str | None) -> Any:
    """District codes begin with their province's two digits: a range on the district index."""
    if not province_code:
        return None
    return Entrepreneur.district_code.between(f"{province_code}00", f"{province_code}99")


def _entrepreneur_where(f: EntrepreneurFilter) -> list[Any]:
    """The filters other than the search."""
    where = [_in_province(f.province_code)]
    if f.district_code:
        where.append(Entrepreneur.district_code == f.district_code)
    if f.subdistrict_code:
        where.append(Entrepreneur.subdistrict_code == f.subdistrict_code)
    if f.producer_type:
        where.append(Entrepreneur.producer_type == f.producer_type)
    if f.status:
        where.append(Entrepreneur.status == f.status)
    product_terms = []
    if f.category:
        product_terms.append(Product.category == f.category)
    if f.stars is not None:
        product_terms.append(Product.current_stars == f.stars)
    if product_terms:
        where.append(exists().where(Product.entrepreneur_id == Entrepreneur.id, *product_terms))
    if f.readiness_lacking:
        check = getattr(DigitalReadiness, f.readiness_lacking)
        where.append(
            ~exists().where(DigitalReadiness.entrepreneur_id == Entrepreneur.id, check.is_(True))
        )
    if f.readiness_level is not None:
        assessed = exists().where(DigitalReadiness.entrepreneur_id == Entrepreneur.id)
        if f.readiness_level < 0:
            where.append(~assessed)
        else:
            where.append(assessed.where(level_sql() == f.readiness_level))
    return [w for w in where if w is not None]


def _product_where(f: ProductFilter) -> list[Any]:
    """The filters other than the search."""
    where = [_in_province(f.province_code)]
    if f.category:
        where.append(Product.category == f.category)
    if f.stars is not None:
        where.append(Product.current_stars == f.stars)
    if f.soft_power:
        where.append(Product.soft_power == f.soft_power)
    if f.entrepreneur_id is not None:
        where.append(Product.entrepreneur_id == f.entrepreneur_id)
    if f.standard:
        where.append(
            exists().where(
                ProductStandard.product_id == Product.id, ProductStandard.standard == f.standard
            )
        )
    if f.district_code:
        where.append(Entrepreneur.district_code == f.district_code)
    if f.subdistrict_code:
        where.append(Entrepreneur.subdistrict_code == f.subdistrict_code)
    if f.status:
        where.append(Entrepreneur.status == f.status)
    return [w for w in where if w is not None]


def _ordered(
    stmt: Select[Any],
    keys: tuple[SQLColumnExpression[Any], ...],
    tiebreak: Any,
    descending: bool,
    *first: ColumnElement[Any],
) -> Any:
    # All one direction: with mixed directions SQLite sorts instead of walking an index.
    columns = (*keys, tiebreak)
    return stmt.order_by(*first, *(c.desc() for c in columns) if descending else columns)


def _ids(
    session: Session,
    stmt: Select[Any],
    search: _Search | None,
    keys: tuple[SQLColumnExpression[Any], ...],
    tiebreak: Any,
    *,
    descending: bool,
    offset: int,
    limit: int | None,
) -> list[int]:
    """The ids ``stmt`` selects, in order; with a search, those holding the query as typed
    first, then those it matches only forgivingly."""
    if search is None:
        stmt = _ordered(stmt, keys, tiebreak, descending)
        return list(session.scalars(stmt.offset(offset).limit(limit)))
    if search.narrow:
        # Few matches: fetched and sorted at once, those holding the typed text first.
        stmt = _ordered(stmt.where(search.match), keys, tiebreak, descending, search.rank)
        return list(session.scalars(stmt.offset(offset).limit(limit)))
    # Many matches: the typed text's, found by the index, which fill the page at once when
    # the clerk typed it as the register spells it; then, as far as the page needs, the rest.
    end = None if limit is None else offset + limit
    typed = _ordered(stmt.where(search.typed), keys, tiebreak, descending)
    first = list(session.scalars(typed.limit(end)))
    if end is not None and len(first) >= end:
        return first[offset:]
    rest = _ordered(stmt.where(search.match, search.untyped), keys, tiebreak, descending)
    rest = rest.offset(max(0, offset - len(first)))
    if end is not None:
        rest = rest.limit(end - max(offset, len(first)))
    return first[offset:] + list(session.scalars(rest))


def entrepreneur_ids(
    session: Session,
    f: EntrepreneurFilter,
    *,
    order: str = "reg_no",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[int]:
    where = _entrepreneur_where(f)
    if not where and order == "reg_no":
        page = _in_index_order(
            session, Entrepreneur, f.query, descending=descending, offset=offset, limit=limit
        )
        if page is not None:
            return page
    search = _search(session, Entrepreneur, f.query)
    stmt = select(Entrepreneur.id).where(*where)
    return _ids(
        session,
        stmt,
        search,
        ENTREPRENEUR_ORDER[order],
        Entrepreneur.id,
        descending=descending,
        offset=offset,
        limit=limit,
    )


def count_entrepreneurs(session: Session, f: EntrepreneurFilter) -> int:
    stmt = select(func.count()).select_from(Entrepreneur).where(*_entrepreneur_where(f))
    if (search := _search(session, Entrepreneur, f.query, ranked=False)) is not None:
        stmt = stmt.where(search.match)
    return int(session.scalar(stmt) or 0)


def entrepreneur_rows(session: Session, ids: Sequence[int]) -> dict[int, EntrepreneurRow]:
    """The display rows of ``ids`` (those on screen), keyed by id."""
    products = (
        select(func.count())
        .where(Product.entrepreneur_id == Entrepreneur.id)
        .correlate(Entrepreneur)
        .scalar_subquery()
    )
    # Past ten columns select() types the rest as any number of Any: the row's types, spelt.
    stmt: Select[int, str, str, int | None, str, str, int | None, str, str, date | None, int] = (
        select(
            Entrepreneur.id,
            Entrepreneur.reg_no,
            Entrepreneur.name,
            Entrepreneur.producer_type,
            Entrepreneur.contact_name,
            Entrepreneur.subdistrict_code,
            Entrepreneur.moo,
            Entrepreneur.phone,
            Entrepreneur.status,
            Entrepreneur.registered_on,
            products,
        ).where(Entrepreneur.id.in_(ids))
    )
    return {row[0]: EntrepreneurRow(*row) for row in session.execute(stmt)}


def list_entrepreneurs(
    session: Session,
    f: EntrepreneurFilter,
    *,
    order: str = "reg_no",
    descending: bool = False,
    offset: int = 0,
    limit: int = 50,
) -> list[EntrepreneurRow]:
    """One page of the list, in order."""
    ids = entrepreneur_ids(
        session, f, order=order, descending=descending, offset=offset, limit=limit
    )
    rows = entrepreneur_rows(session, ids)
    return [rows[i] for i in ids]


def _product_select(f: ProductFilter, *columns: Any) -> Select[Any]:
    stmt = select(*columns).where(*_product_where(f))
    if f.province_code or f.district_code or f.subdistrict_code or f.status:
        stmt = stmt.join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
    return stmt


def product_ids(
    session: Session,
    f: ProductFilter,
    *,
    order: str = "code",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[int]:
    if order == "code" and not _product_where(f):
        page = _in_index_order(
            session, Product, f.query, descending=descending, offset=offset, limit=limit
        )
        if page is not None:
            return page
    return _ids(
        session,
        _product_select(f, Product.id),
        _search(session, Product, f.query),
        PRODUCT_ORDER[order],
        Product.id,
        descending=descending,
        offset=offset,
        limit=limit,
    )


def count_products(session: Session, f: ProductFilter) -> int:
    stmt = _product_select(f, func.count(Product.id))
    if (search := _search(session, Product, f.query, ranked=False)) is not None:
        stmt = stmt.where(search.match)
    return int(session.scalar(stmt) or 0)


def product_rows(session: Session, ids: Sequence[int]) -> dict[int, ProductRow]:
    # Past ten columns select() types the rest as any number of Any: the row's types, spelt.
    stmt: Select[int, str, str, int | None, Decimal, str, int, str | None, int, str, str] = (
        select(
            Product.id,
            Product.code,
            Product.name,
            Product.category,
            Product.price,
            Product.unit,
            Product.current_stars,
            Product.soft_power,
            Product.entrepreneur_id,
            Entrepreneur.name,
            Entrepreneur.subdistrict_code,
        )
        .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
        .where(Product.id.in_(ids))
    )
    return {row[0]: ProductRow(*row) for row in session.execute(stmt)}


def list_products(
    session: Session,
    f: ProductFilter,
    *,
    order: str = "code",
    descending: bool = False,
    offset: int = 0,
    limit: int = 50,
) -> list[ProductRow]:
    ids = product_ids(session, f, order=order, descending=descending, offset=offset, limit=limit)
    rows = product_rows(session, ids)
    return [rows[i] for i in ids]
