"""Times the province's import of the 25 district workbooks of the Chiang Mai demo for one
month (checks, streaming reading, every check of the records, storing; first into an empty
province register, then the same files again), and openpyxl alone reading the same cells in
read-only mode (every row of the metadata and the five data sheets, cell objects with their
types, as the import once read them) in the same run, as a ratio, with the import's parts
timed alone (the file checks; the checks and the streaming reading together; the checks of
the records; the rest, mostly storing, by difference); then the peak memory of
each (Python's heap, by tracemalloc, in a run of its own so that it does not slow the
timings).

    .venv/bin/python bench/bench_import.py [--out DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path

import openpyxl

from otop_desktop.demo import generate
from otop_desktop.domain import OfficeKind
from otop_desktop.incoming.checks import check_xlsx
from otop_desktop.incoming.limits import SUBMISSION
from otop_desktop.services.office import init_register
from otop_desktop.submission import spec
from otop_desktop.submission.export import export_monthly
from otop_desktop.submission.province_import import import_submissions
from otop_desktop.submission.workbook_reading import read_workbook
from otop_desktop.submission.workbook_records import check_submission
from otop_desktop.thaiformat import Period

MONTH = Period(2568, 10)


def district_files(folder: Path) -> list[Path]:
    with init_register(folder / "source.sqlite3", OfficeKind.PROVINCE, "50") as source:
        generate(source, "province", seed=1, until=MONTH)
        return [r.path for r in export_monthly(source, MONTH, folder / "out", all_districts=True)]


def openpyxl_alone(files: list[Path]) -> tuple[float, int]:
    """Seconds and cells for openpyxl (read-only) reading what the import reads."""
    widths = {spec.META_SHEET: 2} | {s.name: len(s.columns) for s in spec.DATA_SHEETS}
    cells = 0
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in files:
            book = openpyxl.load_workbook(path, read_only=True)
            for name, width in widths.items():
                for row in book[name].iter_rows(max_col=width):
                    cells += sum(1 for c in row if c.value is not None and c.data_type)
            book.close()
    return time.perf_counter() - started, cells


def ours(files: list[Path], db: Path) -> tuple[float, float]:
    with init_register(db, OfficeKind.PROVINCE, "50") as province:
        started = time.perf_counter()
        first = import_submissions(province, files)
        middle = time.perf_counter()
        again = import_submissions(province, files)
        ended = time.perf_counter()
    assert all(r.accepted for r in first + again)
    return middle - started, ended - middle


def peak_mb(work: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="keep the files here (default: a temp dir)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is shown")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        out = args.out or Path(temp)
        out.mkdir(parents=True, exist_ok=True)
        files = district_files(out)
        size = sum(p.stat().st_size for p in files)
        best_raw = best_first = best_again = best_scan = best_read = best_checked = float("inf")
        cells = 0
        for run in range(args.repeat):
            raw, cells = openpyxl_alone(files)
            db = out / f"province-{run}.sqlite3"
            first, again = ours(files, db)
            started = time.perf_counter()
            for path in files:
                check_xlsx(path, SUBMISSION)
            scan = time.perf_counter() - started
            books = [read_workbook(path) for path in files]
            read = time.perf_counter() - started - scan
            for book in books:
                check_submission(book, "50")
            checked = time.perf_counter() - started - scan - read
            best_raw, best_first = min(best_raw, raw), min(best_first, first)
            best_again, best_scan = min(best_again, again), min(best_scan, scan)
            best_read, best_checked = min(best_read, read), min(best_checked, checked)
        print(f"{len(files)} files, {size / 1e6:.1f} MB, {cells:,} cells (best of {args.repeat})")
        print(f"{'':<26}{'s':>8}{'cells/s':>11}{'÷ openpyxl':>12}")
        for label, seconds in (
            ("openpyxl read-only alone", best_raw),
            ("import into empty", best_first),
            ("import again (no change)", best_again),
            ("  of it: file checks", best_scan),
            ("  of it: reading (+checks)", best_read),
            ("  of it: records checked", best_checked),
            ("  of it: the rest (store)", best_first - best_read - best_checked),
        ):
            print(f"{label:<26}{seconds:>8.2f}{cells / seconds:>11,.0f}{seconds / best_raw:>12.2f}")
        raw_peak = peak_mb(lambda: openpyxl_alone(files))
        import_peak = peak_mb(lambda: ours(files, out / "province-peak.sqlite3"))
        print(
            f"peak memory (Python heap): openpyxl read-only {raw_peak:,.1f} MB, import "
            f"{import_peak:,.1f} MB (it holds one file's rows at a time)"
        )


if __name__ == "__main__":
    main()
