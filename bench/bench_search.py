"""Search benchmark: the first page of the entrepreneur and product lists for a fixed set of
queries, on a nation-scale register (200,000 entrepreneurs, 600,000 products).

    .venv/bin/python bench/bench_search.py [--db NATION.sqlite3]

Without --db it builds the nation demo in a temporary folder first. Prints the median and
worst time per query class, and the ratio to plain sqlite3 running the same SQL (the raw
library doing the same work) in the same run; for queries the trigram index answers, also
beside a plain FTS5 lookup of the same text (its search key, as one phrase: the first page
of hits in index order), the least an index-backed search can cost."""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.search import TRIGRAM, fts_phrase, search_key
from otop_desktop.services.listing import (
    EntrepreneurFilter,
    ProductFilter,
    entrepreneur_ids,
    entrepreneur_rows,
    list_entrepreneurs,
    list_products,
    product_ids,
    product_rows,
)
from otop_desktop.services.office import init_register
from otop_desktop.thaiformat import Period

PAGE = 50
REPEATS = 5
QUERIES = {
    "3+ characters": [
        "ผ้าไหม",
        "น้ำพริก",
        "ลำไย",
        "กลุ่ม",
        "ร่มกระดาษ",
        "สมุนไพร",
        "กาแฟ",
        "วิสาหกิจ",
        "ทอมือ",
        "1001-25",
        "เครื่องเงิน",
        "บริษัท",
        "สบู่",
        "จักสาน",
        "ข้าวแต๋น",
        "zz9",
    ],
    # As clerks type them: without tone marks, and a leading vowel after its consonant.
    "forgiving": [
        "ผาไหม",
        "นำพริก",
        "กลุม",
        "รมกระดาษ",
        "สบู",
        "ขาวแตน",
        "เครืองเงิน",
        "ทอผา",
        "กาฟแ",
        "คเรืองงเิน",
    ],
    "2 characters": ["ผ้", "ชา", "ไห", "ยา", "ขน", "ฤๅ"],
    "1 character": ["ผ", "ร", "ฎ", "ฬ"],
}


def timed(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


LISTS = {
    "entrepreneurs": (EntrepreneurFilter, list_entrepreneurs, entrepreneur_ids, entrepreneur_rows),
    "products": (ProductFilter, list_products, product_ids, product_rows),
}


def measure(
    register: Register, raw: sqlite3.Connection, kind: str, query: str
) -> tuple[float, float, float | None]:
    """Best-of time for our first page, for plain sqlite3 running the same queries, and for a
    plain FTS5 lookup of the query's key (None when too short for the trigram index)."""
    make_filter, list_page, ids_of, rows_of = LISTS[kind]
    f = make_filter(query=query)
    with register.read() as s:
        ours = timed(lambda: list_page(s, f, limit=PAGE))
        ids = ids_of(s, f, limit=PAGE)
        statements = captured_sql(s, lambda: ids_of(s, f, limit=PAGE))
        statements += captured_sql(s, lambda: rows_of(s, ids))
    theirs = timed(lambda: [raw.execute(sql).fetchall() for sql in statements])
    key = search_key(query)
    if len(key) < TRIGRAM:
        return ours, theirs, None
    lookup = f"SELECT rowid FROM {kind}_fts WHERE {kind}_fts MATCH ? LIMIT {PAGE}"
    fts = timed(lambda: raw.execute(lookup, (fts_phrase(key),)).fetchall())
    return ours, theirs, fts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    if args.db is None:
        from otop_desktop.demo import generate

        folder = Path(tempfile.mkdtemp(prefix="otop-bench-"))
        args.db = folder / "nation.sqlite3"
        print(f"building the nation demo in {args.db} …", flush=True)
        with init_register(args.db, OfficeKind.NATION) as register:
            generate(register, "nation", seed=1, until=Period(2569, 10))
    register = Register.open(args.db)
    raw = sqlite3.connect(args.db)

    with register.read() as s:
        entrepreneurs = len(entrepreneur_ids(s, EntrepreneurFilter()))
        products = len(product_ids(s, ProductFilter()))
    print(f"register: {entrepreneurs:,} entrepreneurs, {products:,} products")
    print(
        f"{'queries':<14} {'list':<13} {'median ms':>9} {'worst ms':>9} {'raw ms':>8} {'ratio':>6}"
        f" {'fts ms':>7} {'ratio':>6} {'worst fts':>9} {'ratio':>6}"
    )
    for label, queries in QUERIES.items():
        for kind in LISTS:
            timings = [measure(register, raw, kind, q) for q in queries]
            ours = [t[0] for t in timings]
            med, worst = statistics.median(ours) * 1000, max(ours) * 1000
            raw_med = statistics.median(t[1] for t in timings) * 1000
            line = (
                f"{label:<14} {kind:<13} {med:9.2f} {worst:9.2f} {raw_med:8.2f}"
                f" {med / raw_med:6.2f}"
            )
            indexed = [(t[0], t[2]) for t in timings if t[2] is not None]
            if indexed:
                fts_med = statistics.median(fts for _, fts in indexed) * 1000
                # The slowest query beside its own lookup.
                worst_ours, worst_fts = max(indexed)
                line += (
                    f" {fts_med:7.3f} {med / fts_med:6.1f} {worst_fts * 1000:9.3f}"
                    f" {worst_ours / worst_fts:6.1f}"
                )
            print(line)
    raw.close()
    register.close()


def captured_sql(session: Session, call: Callable[[], object]) -> list[str]:
    """The SQL statements ``call`` sends, with their parameters written in, so that plain
    sqlite3 can run exactly the same queries."""
    statements: list[str] = []
    engine = session.get_bind()

    def grab(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append(_inline(statement, parameters))

    event.listen(engine, "before_cursor_execute", grab)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", grab)
    return statements


def _inline(statement: str, parameters: tuple[object, ...]) -> str:
    parts = statement.split("?")
    out = [parts[0]]
    for value, rest in zip(parameters, parts[1:], strict=True):
        out.append(
            repr(value) if not isinstance(value, str) else "'" + value.replace("'", "''") + "'"
        )
        out.append(rest)
    return "".join(out)


if __name__ == "__main__":
    main()
