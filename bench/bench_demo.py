"""Times the demo generator at district, province and nation scale, and the raw library
doing the same writes: plain sqlite3 executemany of the same rows, table by table, into the
same schema in one transaction (rows made beforehand, so the raw figure is writing only).

    .venv/bin/python bench/bench_demo.py [--scale nation] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from otop_desktop.database import Register
from otop_desktop.demo import DemoSummary, generate
from otop_desktop.demo.loader import TABLES
from otop_desktop.domain import OfficeKind
from otop_desktop.services.office import init_register
from otop_desktop.thaiformat import Period

UNTIL = Period(2568, 9)
AREAS = {"district": "5013", "province": "50", "nation": None}


def ours(db: Path, scale: str) -> DemoSummary:
    register = init_register(db, OfficeKind(scale), AREAS[scale])
    try:
        return generate(register, scale, seed=1, until=UNTIL)
    finally:
        register.close()


def raw(source: Path, target: Path) -> float:
    """Seconds for sqlite3 executemany of ``source``'s demo rows into an empty register,
    with the pragmas the program sets on every connection."""
    Register.open(target, create=True).close()
    read = sqlite3.connect(source)
    write = sqlite3.connect(target, isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
            write.execute(f"PRAGMA {pragma}")
        seconds = 0.0
        write.execute("BEGIN IMMEDIATE")
        for table in TABLES:
            columns = ", ".join(c.name for c in table.c)
            rows = read.execute(f"SELECT {columns} FROM {table.name} ORDER BY rowid").fetchall()
            marks = ", ".join("?" * len(table.c))
            started = time.perf_counter()
            write.executemany(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", rows)
            seconds += time.perf_counter() - started
        started = time.perf_counter()
        write.execute("COMMIT")
        return seconds + time.perf_counter() - started
    finally:
        read.close()
        write.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=[*AREAS, "all"], default="all")
    parser.add_argument("--out", type=Path, help="keep the registers here (default: a temp dir)")
    args = parser.parse_args()
    scales = list(AREAS) if args.scale == "all" else [args.scale]
    with tempfile.TemporaryDirectory() as temp:
        out = args.out or Path(temp)
        out.mkdir(parents=True, exist_ok=True)
        print(
            f"{'scale':<9}{'rows':>11}{'ours s':>9}{'rows/s':>10}{'raw s':>9}{'rows/s':>10}"
            f"{'ours/raw':>10}"
        )
        for scale in scales:
            for name in (f"{scale}.sqlite3", f"{scale}-raw.sqlite3"):
                for suffix in ("", "-wal", "-shm"):
                    (out / f"{name}{suffix}").unlink(missing_ok=True)
            summary = ours(out / f"{scale}.sqlite3", scale)
            raw_seconds = raw(out / f"{scale}.sqlite3", out / f"{scale}-raw.sqlite3")
            print(
                f"{scale:<9}{summary.rows:>11,}{summary.seconds:>9.2f}"
                f"{summary.rows / summary.seconds:>10,.0f}{raw_seconds:>9.2f}"
                f"{summary.rows / raw_seconds:>10,.0f}{summary.seconds / raw_seconds:>10.2f}",
                flush=True,
            )
            # Other work on the machine slows both figures: the load says how much there was.
            print(f"  load average {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
            print(
                f"  {summary.entrepreneurs:,} entrepreneurs, {summary.products:,} products, "
                f"{summary.sales:,} sales rows, {summary.households:,} households, "
                f"{summary.trainings:,} trainings, {summary.grants:,} grants",
                flush=True,
            )


if __name__ == "__main__":
    main()
