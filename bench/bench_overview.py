"""Overview benchmark: services.overview.overview() for one year on a given register (the
issue's target: under 300 ms on the nation register, 200,000 entrepreneurs and 600,000
products), beside the same SQL statements run by plain sqlite3 in the same run, and the
ratio between them (what the program adds: SQLAlchemy, the Python that folds the rows).

    .venv/bin/python bench/bench_overview.py --db COPY_OF_NATION.sqlite [--year 2570]
        [--calendar] [--repeats 7]

Give it a copy: opening a register upgrades it to the program's schema (migrations 0010 and
0013 build its kept totals once). Each figure is the median of the repeats after one warm-up
run; the statements the overview sent are captured in the warm-up and replayed as sent. The
two take turns, repeat by repeat, so that a busy machine slows both alike; the processor
time of each (this process's) is printed beside the wall-clock time."""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import time
from datetime import date
from typing import Any

from sqlalchemy import event

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur, Product, Sale
from otop_desktop.services.overview import overview
from otop_desktop.thaiformat import fiscal_year_be, thai_today

TARGET_MS = 300.0


def timed(work: Any) -> tuple[float, float]:
    """Wall-clock and processor seconds of ``work()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a copy of a register (SQLite file)")
    parser.add_argument("--year", type=int, help="B.E. year (default: this fiscal year)")
    parser.add_argument("--calendar", action="store_true", help="a calendar year")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    today = thai_today()
    year = args.year or fiscal_year_be(today)

    register = Register.open(args.db)
    sent: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    raw = sqlite3.connect(args.db)

    def replay() -> None:
        for statement, parameters in sent:
            raw.execute(statement, parameters).fetchall()

    program: list[tuple[float, float]] = []
    plain: list[tuple[float, float]] = []
    with register.read() as session:
        size = [session.query(model).count() for model in (Entrepreneur, Product, Sale)]
        event.listen(register.engine, "before_cursor_execute", capture)
        figures = overview(session, year, calendar=args.calendar, today=today)  # warm-up
        event.remove(register.engine, "before_cursor_execute", capture)
        replay()  # warm-up
        for _ in range(args.repeats):
            program.append(
                timed(lambda: overview(session, year, calendar=args.calendar, today=today))
            )
            plain.append(timed(replay))
    register.close()
    raw.close()

    ours, bare = (statistics.median(t[0] for t in runs) * 1000 for runs in (program, plain))
    ours_cpu, bare_cpu = (statistics.median(t[1] for t in runs) * 1000 for runs in (program, plain))
    label = "calendar" if args.calendar else "fiscal"
    print(f"register: {size[0]:,} entrepreneurs, {size[1]:,} products, {size[2]:,} sales rows")
    print(
        f"overview, {label} year {year} (as of {figures.as_of or 'its end'}): "
        f"{figures.entrepreneurs:,} entrepreneurs, {figures.products:,} products, "
        f"{figures.sales:,} baht"
    )
    print(f"  median of {args.repeats}, taking turns:        wall ms   processor ms")
    print(f"  overview():                          {ours:8.1f} {ours_cpu:12.1f}")
    print(f"  the same {len(sent)} statements, plain sqlite3: {bare:8.1f} {bare_cpu:12.1f}")
    print(f"  ratio program / plain sqlite3:       {ours / bare:8.2f} {ours_cpu / bare_cpu:12.2f}")
    verdict = "met" if ours < TARGET_MS else "NOT met"
    # On a shared machine the wall-clock time is mostly waiting for a processor: the
    # processor time is what the overview would take on a quiet one.
    load = os.getloadavg()[0]
    print(f"  target {TARGET_MS:.0f} ms: {verdict} by wall-clock (load average {load:.1f} on")
    print(f"  {os.cpu_count()} processors); processor time {ours_cpu:.0f} ms")
    print(f"  (run on {date.today().isoformat()})")


if __name__ == "__main__":
    try:
        main()
    except UserError as exc:
        raise SystemExit(exc.one_line()) from None
