"""Search benchmark: the first page of the entrepreneur and product lists through the
services for classes of queries, on a nation-scale register (200,000 entrepreneurs, 600,000
products).

    .venv/bin/python bench/bench_search.py [--db NATION.sqlite3] [--pg POSTGRESQL_URL]
        [--classes "2 characters" "1 character" …]

Without --db it builds the nation demo in a temporary folder first. Prints, per query class
and list, the median and worst time (each query's best of REPEATS), beside the bare baselines
measured in the same run: plain sqlite3 running the same SQL (the raw library doing the same
work), and a plain FTS5 lookup of the same text (its key, coded as documents hold it, one
phrase, the first page of hits in index order: the least an index-backed search can cost;
none for texts shorter than a trigram). With --pg, the same register loaded on a PostgreSQL
server (demo --scale nation) is timed through the services too, beside SQLite. Goals: median
<= 5 ms and worst <= 30 ms per class on SQLite (issue 17), worst <= 50 ms on PostgreSQL (15)."""

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
from otop_desktop.search import TRIGRAM, coded, fts_phrase, search_key
from otop_desktop.services.listing import (
    EntrepreneurFilter,
    ProductFilter,
    count_entrepreneurs,
    count_products,
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
    # Words in about one record in ten to one in five.
    "common words": ["ข้าว", "จักสาน", "สมุนไพร", "ร้าน", "ตำบล", "วิสาหกิจ", "ผ้าไหม"],
    # Words in about a third of all records (or more).
    "a third": ["กลุ่ม", "บ้าน", "นาย", "นาง"],
    "rare words": ["ร่มกระดาษ", "เครื่องเงิน", "ลำไย", "หมู่", "บ้านนา", "ผลิตภัณฑ์"],
    "numbers": ["0042", "1001", "2560", "120", "6504"],
    "number parts": ["1001-25", "4101-2562", "3401-25", "-p01", "2562-0009", "-p02"],
    "no match": ["zz9", "zq7", "ฆฆฆ", "ผ้าไหมลำไย", "9999-9999"],
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
    "2 characters": ["ผ้", "ชา", "ไห", "ยา", "ขน", "ฤๅ", "าา"],
    "1 character": ["ผ", "ร", "ฎ", "ฬ", "7"],
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
    ours = ours_on(register, kind, query)
    make_filter, _list_page, ids_of, rows_of = LISTS[kind]
    f = make_filter(query=query)
    with register.read() as s:
        ids = ids_of(s, f, limit=PAGE)
        statements = captured_sql(s, lambda: ids_of(s, f, limit=PAGE))
        statements += captured_sql(s, lambda: rows_of(s, ids))
    theirs = timed(lambda: [raw.execute(sql).fetchall() for sql in statements])
    key = coded(search_key(query))
    if len(key) < TRIGRAM:
        return ours, theirs, None
    lookup = f"SELECT rowid FROM {kind}_fts WHERE {kind}_fts MATCH ? LIMIT {PAGE}"
    fts = timed(lambda: raw.execute(lookup, (fts_phrase(key),)).fetchall())
    return ours, theirs, fts


def ours_on(register: Register, kind: str, query: str) -> float:
    make_filter, list_page, _ids_of, _rows_of = LISTS[kind]
    f = make_filter(query=query)
    with register.read() as s:
        return timed(lambda: list_page(s, f, limit=PAGE))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--pg", help="the same register on a PostgreSQL server (a URL)")
    parser.add_argument(
        "--classes", nargs="+", choices=list(QUERIES), default=list(QUERIES), metavar="CLASS"
    )
    args = parser.parse_args()
    if args.db is None:
        from otop_desktop.demo import generate

        folder = Path(tempfile.mkdtemp(prefix="otop-bench-"))
        args.db = folder / "nation.sqlite3"
        print(f"building the nation demo in {args.db} …", flush=True)
        with init_register(args.db, OfficeKind.NATION) as register:
            generate(register, "nation", seed=1, until=Period(2569, 10))
    register = Register.open(args.db)
    server = Register.open(args.pg) if args.pg else None
    raw = sqlite3.connect(args.db)

    with register.read() as s:
        entrepreneurs = count_entrepreneurs(s, EntrepreneurFilter())
        products = count_products(s, ProductFilter())
    print(f"register: {entrepreneurs:,} entrepreneurs, {products:,} products")
    print(
        f"{'queries':<14} {'list':<13} {'median ms':>9} {'worst ms':>9} {'raw ms':>7}"
        f" {'ratio':>5} {'fts ms':>7} {'ratio':>6} {'worst/its fts':>13}"
        + (f" {'pg median':>9} {'pg worst':>9} {'pg/sqlite':>9}" if server else "")
    )
    for label in args.classes:
        queries = QUERIES[label]
        for kind in LISTS:
            timings = [measure(register, raw, kind, q) for q in queries]
            ours = [t[0] for t in timings]
            med, worst = statistics.median(ours) * 1000, max(ours) * 1000
            raw_med = statistics.median(t[1] for t in timings) * 1000
            line = (
                f"{label:<14} {kind:<13} {med:9.2f} {worst:9.2f} {raw_med:7.2f}"
                f" {med / raw_med:5.1f}"
            )
            indexed = [(t[0], t[2]) for t in timings if t[2] is not None]
            if indexed:
                fts_med = statistics.median(fts for _, fts in indexed) * 1000
                # The slowest query beside its own lookup.
                worst_ours, worst_fts = max(indexed)
                line += f" {fts_med:7.3f} {med / fts_med:6.1f} {worst_ours / worst_fts:13.1f}"
            else:
                line += f" {'—':>7} {'—':>6} {'—':>13}"
            if server is not None:
                # Each query run a few times first: psycopg prepares a statement after five.
                for q in queries:
                    for _ in range(6):
                        ours_on(server, kind, q)
                theirs = [ours_on(server, kind, q) for q in queries]
                pg_med, pg_worst = statistics.median(theirs) * 1000, max(theirs) * 1000
                line += f" {pg_med:9.2f} {pg_worst:9.2f} {pg_med / med:9.1f}"
            print(line, flush=True)
    raw.close()
    register.close()
    if server is not None:
        server.close()


def captured_sql(session: Session, call: Callable[[], object]) -> list[str]:
    """The SQL statements ``call`` sends, with their parameters written in, so that plain
    sqlite3 can run exactly the same queries."""
    statements: list[str] = []
    engine = session.get_bind()

    def grab(_conn, _cursor, statement, parameters, _context, _many) -> None:
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
