"""Times the monthly export of every district of the ``province`` demo (25 workbooks) and
the provincial workbook, against openpyxl alone writing the same cells in write-only mode
in the same run: the cells are read back from our files beforehand (values, number formats,
bold, text kept as text), so the raw figure is openpyxl's writing and nothing else.

    .venv/bin/python bench/bench_export.py [--db /tmp/otop-bench-export/province.sqlite3]
        [--period 2568-10] [--repeat 5]

The demo register is made once (if missing) and reused.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from otop_desktop.database import Register
from otop_desktop.demo import generate
from otop_desktop.domain import OfficeKind
from otop_desktop.services.office import init_register
from otop_desktop.submission.export import export_monthly
from otop_desktop.submission.provincial import export_province
from otop_desktop.thaiformat import Period

DEFAULT_DB = Path(tempfile.gettempdir()) / "otop-bench-export" / "province.sqlite3"
BOLD = Font(bold=True)

# One sheet as read back: its title, column widths, freeze pane, filter and cells
# (value, number format or None, bold, text).
Sheet = tuple[str, dict[str, float], str | None, str | None, list[list[tuple]]]


def demo_register(db: Path, period: Period) -> None:
    if db.exists():
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    register = init_register(db, OfficeKind.PROVINCE, "50")
    try:
        generate(register, "province", seed=1, until=period)
    finally:
        register.close()


def read_cells(path: Path) -> list[Sheet]:
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells = []
            for c in row:
                fmt = c.number_format if c.number_format != "General" else None
                cells.append((c.value, fmt, bool(c.font and c.font.b), c.data_type == "s"))
            rows.append(cells)
        widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
        sheets.append((ws.title, widths, ws.freeze_panes, ws.auto_filter.ref, rows))
    wb.close()
    return sheets


def raw_write(sheets: list[Sheet], target: Path) -> None:
    """openpyxl write-only mode writing exactly these cells."""
    wb = openpyxl.Workbook(write_only=True)
    for title, widths, freeze, ref, rows in sheets:
        ws = wb.create_sheet(title)
        for letter, width in widths.items():
            ws.column_dimensions[letter].width = width
        if freeze:
            ws.freeze_panes = freeze
        for row in rows:
            out: list[object] = []
            for value, fmt, bold, text in row:
                if fmt is None and not bold and not (text and str(value).startswith("=")):
                    out.append(value)
                    continue
                cell = WriteOnlyCell(ws, value)
                if text:
                    cell.data_type = "s"
                if fmt:
                    cell.number_format = fmt
                if bold:
                    cell.font = BOLD
                out.append(cell)
            ws.append(out)
        if ref:
            ws.auto_filter.ref = ref
    wb.save(target)


def best_of(
    repeat: int, ours: Callable[[], object], raw: Callable[[], object]
) -> tuple[float, float]:
    """Best time of each, the two taking turns so that a busy machine slows both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for i, run in enumerate((ours, raw)):
            started = time.perf_counter()
            run()
            best[i] = min(best[i], time.perf_counter() - started)
    return best[0], best[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--period", type=Period.parse, default=Period(2568, 10))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    demo_register(args.db, args.period)
    with tempfile.TemporaryDirectory() as temp, Register.open(args.db) as register:
        ours_dir, raw_dir = Path(temp, "ours"), Path(temp, "raw")
        raw_dir.mkdir()
        export_monthly(register, args.period, ours_dir, all_districts=True)
        files = sorted(ours_dir.glob("OTOP-*.xlsx"))
        cells = {f.name: read_cells(f) for f in files}
        count = sum(len(r) for sheets in cells.values() for *_, rows in sheets for r in rows)
        ours_monthly, raw_monthly = best_of(
            args.repeat,
            lambda: export_monthly(register, args.period, ours_dir, all_districts=True),
            lambda: [raw_write(sheets, raw_dir / name) for name, sheets in cells.items()],
        )

        province_file = Path(temp, "province.xlsx")
        export_province(register, args.period, province_file)
        province_cells = read_cells(province_file)
        province_count = sum(len(r) for *_, rows in province_cells for r in rows)
        ours_province, raw_province = best_of(
            args.repeat,
            lambda: export_province(register, args.period, province_file),
            lambda: raw_write(province_cells, Path(temp, "raw-province.xlsx")),
        )

    print(f"{'export':<26}{'cells':>9}{'ours s':>9}{'raw s':>9}{'ours/raw':>10}")
    for name, n, ours, raw in (
        (f"monthly, {len(files)} districts", count, ours_monthly, raw_monthly),
        ("provincial workbook", province_count, ours_province, raw_province),
    ):
        print(f"{name:<26}{n:>9,}{ours:>9.2f}{raw:>9.2f}{ours / raw:>10.2f}")
    print(
        f"(best of {args.repeat}, taking turns; ours includes reading the register and "
        "recording the export)"
    )


if __name__ == "__main__":
    main()
