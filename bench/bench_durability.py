"""Times what synchronous=FULL costs (the register runs with FULL, so that a power cut keeps
every committed action; before, it ran NORMAL): a single save through the services
(create_entrepreneur in one register.write(), the median of many) and a bulk import (the
legacy import of a spreadsheet, bench_legacy's sheet), each with FULL and with NORMAL in the
same run, taking turns; and the bare baseline, plain sqlite3 inserting the same rows with
FULL and with NORMAL (one row a transaction, and executemany in one transaction).

NORMAL is had without changing the program: a connection event added after the program's own
sets PRAGMA synchronous=NORMAL, and the value in force is read back and printed. Each save
also appends the numbers it drew to the number journal outside the register, with an fsync
of its own, in both modes: that append alone is timed too.

    .venv/bin/python bench/bench_durability.py [--saves 200] [--producers 1000]
        [--products 3000] [--repeat 3] [--dir DIR]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from bench_legacy import sheet
from sqlalchemy import event, text

from otop_desktop.backup import floors
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.legacy import import_table, open_table, suggest_mapping
from otop_desktop.legacy.headings import Table
from otop_desktop.paths import DATA_DIR_ENV
from otop_desktop.services.entrepreneurs import EntrepreneurInput, create_entrepreneur
from otop_desktop.services.office import init_register
from otop_desktop.thaiid import make_thai_id

MODES = ("FULL", "NORMAL")
SYNCHRONOUS = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}
WARM_UP = 5


def _normal(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA synchronous=NORMAL")


def open_in(db: Path, mode: str) -> Register:
    """A new district register; with NORMAL, every connection it opens is set to NORMAL
    after the program's own FULL."""
    register = init_register(db, OfficeKind.DISTRICT, "5013")
    if mode == "NORMAL":
        register.engine.dispose()  # the connections opened so far were set to FULL
        event.listen(register.engine, "connect", _normal)
    return register


def in_force(register: Register) -> str:
    with register.read() as session:
        return SYNCHRONOUS[session.execute(text("PRAGMA synchronous")).scalar_one()]


def raw_connection(db: Path, mode: str) -> sqlite3.Connection:
    """Plain sqlite3 on an empty register (the program's schema, search triggers included)
    with the program's pragmas but ``mode``."""
    Register.open(db, create=True).close()
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", f"synchronous={mode}"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def raw_in_force(conn: sqlite3.Connection) -> str:
    return SYNCHRONOUS[conn.execute("PRAGMA synchronous").fetchone()[0]]


def rows_of(db: Path, table: str) -> tuple[str, list[tuple[Any, ...]]]:
    """The INSERT of ``table`` and the rows the program wrote into it."""
    with closing(sqlite3.connect(db)) as read:
        columns = [r[1] for r in read.execute(f"PRAGMA table_info({table})")]
        rows = read.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id").fetchall()
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows


def person(n: int) -> EntrepreneurInput:
    """A valid single owner in San Kamphaeng, as the tests make one."""
    return EntrepreneurInput(
        producer_type=2,
        name=f"ร้านผ้าฝ้ายป้าแก้ว {n}",
        contact_name="นางแก้ว ใจดี",
        national_id=make_thai_id(f"1{n:011d}"),
        house_no="71/2",
        moo=3,
        subdistrict_code="501301",
        phone="0812345678",
        registered_on=date(2024, 5, 1),
    )


def taking_turns(repeat: int, runs: dict[str, Callable[[int], float]]) -> dict[str, list[float]]:
    """Each run's seconds ``repeat`` times, the runs taking turns (in turn forwards and
    backwards) so that a busy machine slows them alike."""
    times: dict[str, list[float]] = {mode: [] for mode in runs}
    for i in range(repeat):
        order = list(runs) if i % 2 == 0 else list(reversed(runs))
        for mode in order:
            times[mode].append(runs[mode](i))
    return times


def single_saves(folder: Path, saves: int) -> tuple[dict[str, list[float]], dict[str, str], Path]:
    registers = {mode: open_in(folder / f"saves-{mode}.sqlite3", mode) for mode in MODES}
    numbers = iter(range(1, 10_000_000))

    def save(mode: str) -> Callable[[int], float]:
        def run(_i: int) -> float:
            data = person(next(numbers))
            started = time.perf_counter()
            with registers[mode].write() as session:
                create_entrepreneur(session, data)
            return time.perf_counter() - started

        return run

    journal = folder / "journal" / "numbers"

    def append(i: int) -> float:
        """The number journal's append alone, with its fsync, as each save makes one."""
        started = time.perf_counter()
        floors.append(journal, {"5013-2567": i + 1})
        return time.perf_counter() - started

    runs = {**{mode: save(mode) for mode in MODES}, "journal": append}
    try:
        taking_turns(WARM_UP, runs)
        times = taking_turns(saves, runs)
        modes = {mode: in_force(register) for mode, register in registers.items()}
    finally:
        for register in registers.values():
            register.close()
    return times, modes, folder / "saves-FULL.sqlite3"


def raw_single(folder: Path, source: Path) -> tuple[dict[str, list[float]], dict[str, str]]:
    """Plain sqlite3 inserting the rows the saves wrote, one row a transaction."""
    insert, rows = rows_of(source, "entrepreneurs")
    conns = {mode: raw_connection(folder / f"raw-saves-{mode}.sqlite3", mode) for mode in MODES}
    position = {mode: 0 for mode in MODES}

    def save(mode: str) -> Callable[[int], float]:
        def run(_i: int) -> float:
            row = rows[position[mode]]
            position[mode] += 1
            conn = conns[mode]
            started = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(insert, row)
            conn.execute("COMMIT")
            return time.perf_counter() - started

        return run

    try:
        times = taking_turns(len(rows), {mode: save(mode) for mode in MODES})
        modes = {mode: raw_in_force(conn) for mode, conn in conns.items()}
    finally:
        for conn in conns.values():
            conn.close()
    return times, modes


def spreadsheet(folder: Path, producers: int, products: int) -> Table:
    path = folder / "old.xlsx"
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("ผู้ประกอบการ")
    for row in sheet(producers, products):
        ws.append(row)
    book.save(path)
    return open_table(path)


def bulk_imports(
    folder: Path, table: Table, repeat: int
) -> tuple[dict[str, list[float]], dict[str, str], Path]:
    mapping = suggest_mapping(table.headings)
    modes: dict[str, str] = {}
    last: dict[str, Path] = {}

    def imports(mode: str) -> Callable[[int], float]:
        def run(i: int) -> float:
            db = folder / f"import-{mode}-{i}.sqlite3"
            register = open_in(db, mode)
            try:
                started = time.perf_counter()
                import_table(register, table, mapping)
                seconds = time.perf_counter() - started
                modes[mode] = in_force(register)
            finally:
                register.close()
            last[mode] = db
            return seconds

        return run

    times = taking_turns(repeat, {mode: imports(mode) for mode in MODES})
    return times, modes, last["FULL"]


def raw_bulk(
    folder: Path, source: Path, repeat: int
) -> tuple[dict[str, list[float]], dict[str, str]]:
    """Plain sqlite3 executemany of the producers and products the import wrote, into an
    empty register in one transaction (bench_legacy's measure), with FULL and with NORMAL."""
    inserts = [rows_of(source, table) for table in ("entrepreneurs", "products")]
    modes: dict[str, str] = {}

    def writes(mode: str) -> Callable[[int], float]:
        def run(i: int) -> float:
            with closing(raw_connection(folder / f"raw-import-{mode}-{i}.sqlite3", mode)) as conn:
                modes[mode] = raw_in_force(conn)
                started = time.perf_counter()
                conn.execute("BEGIN IMMEDIATE")
                for insert, rows in inserts:
                    conn.executemany(insert, rows)
                conn.execute("COMMIT")
                return time.perf_counter() - started

        return run

    return taking_turns(repeat, {mode: writes(mode) for mode in MODES}), modes


def line(name: str, unit: str, times: dict[str, list[float]], modes: dict[str, str]) -> str:
    scale, digits = (1000, 2) if unit == "ms" else (1, 3)
    full, normal = (statistics.median(times[mode]) * scale for mode in MODES)
    read = "/".join(modes[mode] for mode in MODES)
    return (
        f"{name:<40}{full:>9.{digits}f}{normal:>9.{digits}f}{full / normal:>13.2f}"
        f"  {unit:<3}{read:>13}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--producers", type=int, default=1000)
    parser.add_argument("--products", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3, help="bulk imports of each mode")
    parser.add_argument(
        "--dir", type=Path, help="where the registers go (the disk is what an fsync costs)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as temp:
        folder = Path(temp)
        # The number journal goes into the scratch folder, on the same disk, not the user's.
        os.environ[DATA_DIR_ENV] = str(folder / "data")
        saves, save_modes, saved = single_saves(folder, args.saves)
        raw_saves, raw_save_modes = raw_single(folder, saved)
        table = spreadsheet(folder, args.producers, args.products)
        imports, import_modes, imported = bulk_imports(folder, table, args.repeat)
        raw_imports, raw_import_modes = raw_bulk(folder, imported, args.repeat)
        where = os.path.realpath(folder)
    print(f"registers in {where}; synchronous read back from a connection of each")
    print(f"{'':<40}{'FULL':>9}{'NORMAL':>9}{'FULL/NORMAL':>13}  {'':<3}{'in force':>13}")
    print(line(f"single save, median of {args.saves}", "ms", saves, save_modes))
    print(line("  sqlite3, one row a transaction", "ms", raw_saves, raw_save_modes))
    print(
        f"  (in each save, both modes: the number journal's append + fsync "
        f"{statistics.median(saves['journal']) * 1000:.2f} ms, timed alone)"
    )
    records = args.producers + args.products
    print(
        line(
            f"legacy import, {args.products:,} rows, median of {args.repeat}",
            "s",
            imports,
            import_modes,
        )
    )
    print(line(f"  sqlite3 executemany, {records:,} rows", "s", raw_imports, raw_import_modes))
    print("(taking turns, FULL and NORMAL in the same run)")


if __name__ == "__main__":
    main()
