"""List benchmark: the entrepreneur and product pages driven offscreen on a given register,
against the issues' targets (window usable within 2 s of start, the list's first screen
painted within 50 ms of the debounce firing for every class of query (issue 17), smooth
scrolling, under 500 MB).

    .venv/bin/python bench/bench_lists.py --db NATION.sqlite3 [--screens 200]

For each page: process start to the first rows on screen; for each search of
bench_search.QUERIES, the time from the debounce firing to the first screen of the new list
painted, and to the whole list read (the worker thread's part); paging down and wheel
scrolling, per step. Beside each, the raw library doing the same work in the same run (plain
sqlite3 running the SQL the page sent) and the ratio. Peak memory last."""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402  (after START: the imports are part of the start-up measured)
import os  # noqa: E402
import resource  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import threading  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_search import QUERIES, _inline  # noqa: E402
from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import Engine, event  # noqa: E402

from otop_desktop.database import Register  # noqa: E402
from ui.app import configure_application  # noqa: E402
from ui.lists import EntrepreneursPage, ProductsPage  # noqa: E402
from ui.lists.page import SEARCH_DELAY_MS, ListPage  # noqa: E402

# The page's size in the main window on a 1366×768 screen.
PAGE_SIZE = (1100, 620)
RAW_REPEATS = 3
WHEEL_ROWS = 3  # one notch of a mouse wheel
TARGET_START_S = 2.0
TARGET_UPDATE_MS = 50
TARGET_FRAME_MS = 16  # a frame at 60 Hz: smooth
TARGET_RSS_MB = 500

Page = ListPage[Any, Any]
Sent = list[tuple[str, Any]]


@dataclass
class Run:
    """One timed action: to the first screen painted, and to the whole list read."""

    first: float = 0.0
    whole: float = 0.0
    # SELECTs sent for the first screen (GUI thread) and for the rest (worker thread).
    screen_sql: Sent = field(default_factory=list)
    rest_sql: Sent = field(default_factory=list)


@contextmanager
def sent_sql(engine: Engine, run: Run) -> Iterator[None]:
    gui = threading.get_ident()

    def grab(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent = run.screen_sql if threading.get_ident() == gui else run.rest_sql
            sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", grab)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", grab)


def raw_seconds(raw: sqlite3.Connection, sent: Sent) -> float:
    """Best-of time for plain sqlite3 to run and fetch the same statements."""
    sql = [_inline(statement, parameters) for statement, parameters in sent]
    best = float("inf")
    for _ in range(RAW_REPEATS):
        start = time.perf_counter()
        for statement in sql:
            raw.execute(statement).fetchall()
        best = min(best, time.perf_counter() - start)
    return best


def paints(page: Page) -> list[int]:
    """How many screens the list has painted (the view tells its model after each), counted
    from the first call on."""
    if id(page) not in PAINTS:
        count = PAINTS[id(page)] = [0]
        told = page.model.painted

        def painted() -> None:
            count[0] += 1
            told()

        page.model.painted = painted  # type: ignore[method-assign]
    return PAINTS[id(page)]


PAINTS: dict[int, list[int]] = {}


def painted(page: Page, seen: int) -> None:
    """Lets the list paint, as the event loop would after the action: the posted events (the
    layouts, then the update that paints the window, and with it the list's screen). Timers
    are left to the event loop after it, as it leaves them: one due by then (the list's
    worker, started just after a paint) runs once the screen is painted. A window shown for
    the first time paints when the platform exposes it, a later event: the loop runs until
    the list has painted more than ``seen`` screens."""
    count = paints(page)
    QApplication.sendPostedEvents()
    while count[0] == seen:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def timed(engine: Engine, page: Page, action: Callable[[], None]) -> Run:
    run = Run()
    seen = paints(page)[0]
    with sent_sql(engine, run):
        start = time.perf_counter()
        action()
        painted(page, seen)
        run.first = time.perf_counter() - start
        if not page.model.complete:
            # The worker's result arrives as a queued signal: wait for it in an event loop.
            loop = QEventLoop()
            page.model.loaded.connect(loop.quit)
            loop.exec()
            page.model.loaded.disconnect(loop.quit)
        run.whole = time.perf_counter() - start
    return run


def reset(engine: Engine, page: Page) -> None:
    """Back to the whole list with no row cached, as a freshly opened page."""
    page.search.setText("")
    timed(engine, page, page.reload)


def search(page: Page, query: str) -> Callable[[], None]:
    page.search.setText(query)
    # What the debounce timer's timeout runs, called at once instead of after the delay.
    return page.apply_filter


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f}"


def ratio(ours: float, raw: float) -> str:
    return f"{ours / raw:6.1f}" if raw > 0 else f"{'–':>6}"


def bench_searches(engine: Engine, page: Page, raw: sqlite3.Connection) -> list[str]:
    lines = [
        f"  search: debounce ({SEARCH_DELAY_MS} ms) firing to the first screen painted, and to"
        " the whole list read; raw = the same SQL in plain sqlite3",
        f"  {'queries':<14}{'screen med':>10}{'raw':>7}{'ratio':>6}"
        f"{'worst':>8}{'raw':>7}  {'(query)':<10}{'whole med':>10}{'raw':>7}{'ratio':>6}",
    ]
    for label, queries in [*QUERIES.items(), ("cleared", [""])]:
        runs = []
        for query in queries:
            if query:
                reset(engine, page)
            else:  # from a search back to the whole list
                timed(engine, page, search(page, QUERIES["common words"][0]))
            runs.append((query, timed(engine, page, search(page, query))))
        first = statistics.median(r.first for _, r in runs)
        whole = statistics.median(r.whole for _, r in runs)
        raw_first = statistics.median(raw_seconds(raw, r.screen_sql) for _, r in runs)
        raw_whole = statistics.median(raw_seconds(raw, r.screen_sql + r.rest_sql) for _, r in runs)
        worst_q, worst = max(runs, key=lambda qr: qr[1].first)
        raw_worst = raw_seconds(raw, worst.screen_sql)
        ok = "ok" if worst.first * 1000 <= TARGET_UPDATE_MS else "SLOW"
        lines.append(
            f"  {label:<14}{first * 1000:10.1f}{raw_first * 1000:7.1f}{ratio(first, raw_first)}"
            f"{worst.first * 1000:8.1f}{raw_worst * 1000:7.1f}  {worst_q or '(all)':<10}"
            f"{whole * 1000:10.1f}{raw_whole * 1000:7.1f}{ratio(whole, raw_whole)}  [{ok}]"
        )
    return lines


def bench_scrolling(engine: Engine, page: Page, raw: sqlite3.Connection, steps: int) -> list[str]:
    lines = []
    bar = page.table.verticalScrollBar()
    for how, rows in [("paging down", bar.pageStep()), ("wheel", WHEEL_ROWS)]:
        reset(engine, page)
        QApplication.processEvents()  # the scroll bar's range follows the rows appended
        count = min(steps, max(1, bar.maximum() // rows))

        def scroll(rows: int = rows, count: int = count) -> None:
            for _ in range(count):
                # A page down paints the whole view; a wheel notch moves the picture and
                # paints the rows that came in.
                bar.setValue(bar.value() + rows)
                QApplication.processEvents()

        run = timed(engine, page, scroll)
        per_step = run.first / count
        raw_step = raw_seconds(raw, run.screen_sql) / count
        ok = "ok" if per_step * 1000 <= TARGET_FRAME_MS else "SLOW"
        lines.append(
            f"  {how} ({rows} rows) × {count}: {per_step * 1000:6.2f} ms a step, raw"
            f" {raw_step * 1000:6.3f} ms; {len(run.screen_sql)} row queries,"
            f" {page.model.cached_count()} rows cached [{ok}]"
        )
    return lines


def bench_page(
    engine: Engine, name: str, page: Page, raw: sqlite3.Connection, steps: int, first: bool
) -> list[str]:
    page.resize(*PAGE_SIZE)
    run = timed(engine, page, page.show)
    since_start = time.perf_counter() - START - (run.whole - run.first)
    lines = [f"{name}: {page.model.rowCount():,} in the list"]
    if first:
        ok = "ok" if since_start <= TARGET_START_S else "SLOW"
        lines.append(f"  process start to first rows shown: {since_start:7.3f} s [{ok}]")
    raw_first = raw_seconds(raw, run.screen_sql)
    raw_whole = raw_seconds(raw, run.screen_sql + run.rest_sql)
    lines.append(
        f"  page shown to first rows: {ms(run.first)} ms, raw {raw_first * 1000:.1f} ms,"
        f" ratio {ratio(run.first, raw_first)}; whole list read: {ms(run.whole)} ms,"
        f" raw {raw_whole * 1000:.1f} ms, ratio {ratio(run.whole, raw_whole)}"
    )
    reset(engine, page)
    repaint = timed(engine, page, page.table.viewport().update)
    lines.append(f"  painting one screen, every row cached (no SQL): {repaint.first * 1000:.1f} ms")
    lines += bench_searches(engine, page, raw)
    lines += bench_scrolling(engine, page, raw, steps)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True, help="the register to open")
    parser.add_argument("--screens", type=int, default=200, help="scrolling steps")
    parser.add_argument("--lang", choices=["th", "en"], default="th")
    args = parser.parse_args()

    app = QApplication([])
    configure_application(app, args.lang)
    register = Register.open(args.db)
    raw = sqlite3.connect(args.db)
    out = []
    pages: list[tuple[str, type[Page]]] = [
        ("entrepreneurs", EntrepreneursPage),
        ("products", ProductsPage),
    ]
    for n, (name, cls) in enumerate(pages):
        page = cls(register)
        out += bench_page(register.engine, name, page, raw, args.screens, first=n == 0)
        page.close()
    print("\n".join(out))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB [{'ok' if peak <= TARGET_RSS_MB else 'OVER'}]")
    raw.close()
    register.close()


if __name__ == "__main__":
    main()
