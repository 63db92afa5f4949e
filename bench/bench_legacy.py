"""Times the import of a clerk's old spreadsheet at Chiang Mai's size (2,475 producers, 7,324
products, one product a row) in each format, with the raw library doing the same work in the
same run: reading — openpyxl (read-only), xlrd and the csv module alone walking the same
cells; importing — plain sqlite3 executemany of the rows the import wrote, into an empty
register in one transaction (bench_demo's measure of raw writing).

    .venv/bin/python bench/bench_legacy.py [--producers 2475] [--products 7324]
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import geothai
import openpyxl
import xlrd
import xlwt

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.legacy import import_table, open_table, preview_table, suggest_mapping
from otop_desktop.services.office import init_register
from otop_desktop.thaiid import make_thai_id

T = TypeVar("T")

HEADINGS = [
    "ลำดับ",
    "ชื่อกลุ่ม/ผู้ประกอบการ",
    "ชื่อ-สกุล",
    "เลขบัตรประชาชน",
    "ประเภท",
    "บ้านเลขที่",
    "หมู่ที่",
    "ตำบล",
    "โทร",
    "วันที่ลงทะเบียน",
    "ชื่อผลิตภัณฑ์",
    "ประเภทผลิตภัณฑ์",
    "ราคา",
    "หน่วย",
    "เลขทะเบียนเดิม",
    "จำนวนสมาชิก",
]
TYPES = ["กลุ่มผู้ผลิตชุมชน", "ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว", "SME"]
CATEGORIES = ["อาหาร", "เครื่องดื่ม", "ผ้า เครื่องแต่งกาย", "ของที่ระลึก", "สมุนไพร"]


def sheet(producers: int, products: int) -> list[list[str]]:
    """Title, headings, and one row a product; a producer's first row carries its details."""
    places = [s.name_th for s in geothai.subdistricts("5013")]
    rows: list[list[str]] = [["ทะเบียนผู้ประกอบการ OTOP อำเภอสันกำแพง"], [], HEADINGS]
    for p in range(products):
        owner = p % producers
        first = p < producers
        kind = owner % 3
        rows.append(
            [
                str(p + 1),
                f"กลุ่มผลิตภัณฑ์ชุมชนที่ {owner + 1}" if first else "",
                f"นางสมใจ ทดสอบ{owner + 1}" if first else "",
                make_thai_id(f"3{owner + 1:011d}"),
                TYPES[kind] if first else "",
                f"{owner % 200 + 1}/{owner % 7 + 1}" if first else "",
                f"หมู่ {owner % 12 + 1}" if first else "",
                f"ต.{places[owner % len(places)]}" if first else "",
                f"08{owner:08d}" if first else "",
                f"{owner % 28 + 1} ต.ค. 2566" if first else "",
                f"ผลิตภัณฑ์ที่ {p + 1}",
                CATEGORIES[p % 5],
                f"{(p % 50) * 10 + 25}.00",
                "ชิ้น",
                f"สก.{owner + 1:04d}/2550" if first else "",
                str(owner % 30 + 5) if first and kind == 0 else "",
            ]
        )
    return rows


def write_all(rows: list[list[str]], folder: Path) -> dict[str, Path]:
    xlsx = folder / "old.xlsx"
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("ผู้ประกอบการ")
    for row in rows:
        ws.append(row)
    book.save(xlsx)
    xls = folder / "old.xls"
    old = xlwt.Workbook(encoding="utf-8")
    sheet_ = old.add_sheet("Sheet1")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                sheet_.write(r, c, value)
    old.save(str(xls))
    paths = {"xlsx": xlsx, "xls": xls}
    for name, encoding in (("csv utf-8", "utf-8-sig"), ("csv cp874", "cp874")):
        path = folder / f"{encoding}.csv"
        with path.open("w", encoding=encoding, newline="") as f:
            csv.writer(f).writerows(rows)
        paths[name] = path
    return paths


def raw_read(kind: str, path: Path) -> int:
    """The library alone walking every cell; returns the count so nothing is optimised away."""
    cells = 0
    if kind == "xlsx":
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for ws in book.worksheets:
            for row in ws.iter_rows(values_only=True):
                cells += sum(1 for v in row if v is not None)
        book.close()
    elif kind == "xls":
        old = xlrd.open_workbook(path, on_demand=True)
        for index in range(old.nsheets):
            ws = old.sheet_by_index(index)
            for r in range(ws.nrows):
                cells += sum(1 for c in ws.row(r) if c.value != "")
        old.release_resources()
    else:
        encoding = "utf-8-sig" if "utf-8" in kind else "cp874"
        with path.open(encoding=encoding, newline="") as f:
            for row in csv.reader(f):
                cells += sum(1 for v in row if v)
    return cells


def timed(work: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def raw_write(source: Path, target: Path) -> float:
    """sqlite3 executemany of the producers and products the import wrote (bench_demo's
    measure), into an empty register with the program's pragmas, in one transaction."""
    Register.open(target, create=True).close()
    read = sqlite3.connect(source)
    write = sqlite3.connect(target, isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
            write.execute(f"PRAGMA {pragma}")
        seconds = 0.0
        write.execute("BEGIN IMMEDIATE")
        for table in ("entrepreneurs", "products"):
            columns = [r[1] for r in read.execute(f"PRAGMA table_info({table})")]
            rows = read.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            marks = ", ".join("?" * len(columns))
            started = time.perf_counter()
            write.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
            seconds += time.perf_counter() - started
        started = time.perf_counter()
        write.execute("COMMIT")
        return seconds + time.perf_counter() - started
    finally:
        read.close()
        write.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--producers", type=int, default=2475)
    parser.add_argument("--products", type=int, default=7324)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        paths = write_all(sheet(args.producers, args.products), folder)
        print(f"{args.producers:,} producers, {args.products:,} products (rows)")
        print(f"{'format':<11}{'read s':>8}{'raw s':>8}{'ours/raw':>10}{'check s':>9}")
        for kind, path in paths.items():
            ours_s, table = timed(lambda path=path: open_table(path))
            raw_s, _ = timed(lambda kind=kind, path=path: raw_read(kind, path))
            register = init_register(folder / f"{kind}.sqlite3", OfficeKind.DISTRICT, "5013")
            try:
                mapping = suggest_mapping(table.headings)
                check_s, preview = timed(
                    lambda r=register, t=table, m=mapping: preview_table(r, t, m)
                )
                assert preview.ok, preview.problems[:3]
            finally:
                register.close()
            print(f"{kind:<11}{ours_s:>8.2f}{raw_s:>8.2f}{ours_s / raw_s:>10.2f}{check_s:>9.2f}")
        db = folder / "import.sqlite3"
        register = init_register(db, OfficeKind.DISTRICT, "5013")
        try:
            table = open_table(paths["xlsx"])
            import_s, result = timed(
                lambda: import_table(register, table, suggest_mapping(table.headings))
            )
        finally:
            register.close()
        raw_s = raw_write(db, folder / "raw.sqlite3")
        rows = args.producers + args.products
        print(
            f"import (check + write, xlsx): {import_s:.2f} s, {rows / import_s:,.0f} rows/s; "
            f"sqlite3 executemany of the same rows {raw_s:.2f} s; ours/raw {import_s / raw_s:.1f}"
        )
        print(f"  {len(result.producers):,} producers, {result.product_count:,} products")


if __name__ == "__main__":
    main()
