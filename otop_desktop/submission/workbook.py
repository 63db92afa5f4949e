"""Writing the program's workbooks with openpyxl in write-only mode: typed cells (text that
never turns into a formula, whole numbers, money as ``#,##0.00``, Excel dates), bold frozen
headers with filters and widths, set up to print (otop_desktop.xlsx_print), and a save that
never leaves half a file behind."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from otop_desktop.errors import UserError
from otop_desktop.outputs import PendingOutputs, cannot_write
from otop_desktop.submission.spec import Kind
from otop_desktop.xlsx_print import BOLD_FONT, print_workbook, repeat_heading, set_up_printing

MONEY_FORMAT = "#,##0.00"
# Day/month/year with the year in B.E. (Excel's Thai Buddhist calendar, 07), as every
# other date in the program is shown.
DATE_FORMAT = "[$-1070000]d/m/yyyy;@"
FORMATS = {Kind.MONEY: MONEY_FORMAT, Kind.DATE: DATE_FORMAT}

BOLD = BOLD_FONT

_THAI_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")

#: Column widths (in characters) never go beyond this; longer text wraps in Excel's view.
MAX_WIDTH = 48
#: Rows looked at to size the columns: enough for a typical width, cheap on a big sheet.
SIZING_ROWS = 100

FORMULA_STARTS = ("=", "+", "-", "@")
#: Rows between two progress reports.
PROGRESS_STEP = 2000

#: Called with (done, total) as rows are written; may raise to cancel.
ProgressFn = Callable[[int, int], None]


def display_width(text: str) -> int:
    """Characters that take room on screen: Thai vowels and tone marks above or below a
    consonant take none."""
    return len(text) - len(_THAI_MARKS.findall(text))


class RowProgress:
    """Reports rows written across all the files of one export."""

    def __init__(self, total: int, report: ProgressFn | None) -> None:
        self.total, self.done, self.report = total, 0, report
        self._next = 0

    def advance(self, rows: int = 1) -> None:
        self.done += rows
        if self.report is not None and self.done >= self._next:
            self._next = self.done + PROGRESS_STEP
            self.report(self.done, self.total)

    def finish(self) -> None:
        if self.report is not None:
            self.report(self.total, self.total)


class SheetWriter:
    """One write-only sheet whose columns have fixed kinds, set up to print landscape and
    fitted to the width. Column widths must be known before the first row in write-only
    mode: ``size_columns`` first, from a sample."""

    def __init__(self, ws: WriteOnlyWorksheet, kinds: Sequence[Kind]) -> None:
        self.ws = ws
        set_up_printing(ws, heading_rows=0)
        self.kinds = tuple(kinds)
        self.rows = 0
        # Only money and dates need a styled cell; the rest go in as plain values, which
        # openpyxl writes fastest (whole numbers show as they are in the General format).
        self._styled = frozenset(i for i, k in enumerate(self.kinds) if k in FORMATS)

    def size_columns(
        self,
        headers: Sequence[str],
        sample: Iterable[Sequence[object]],
        minimum: int = 6,
        maximum: int = MAX_WIDTH,
    ) -> None:
        """Widths from the headers and a sample of the rows, before the first row."""
        widths = [minimum] * len(self.kinds)
        for i, text in enumerate(headers):
            widths[i] = max(minimum, display_width(text) + 3)
        for row in sample:
            for i, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, Decimal | float):
                    w = len(f"{value:,.2f}") + 2
                elif isinstance(value, date):
                    w = 12
                else:
                    w = display_width(str(value)) + 2
                widths[i] = max(widths[i], min(w, maximum))
        for i, width in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(i)].width = width

    def header(self, headers: Sequence[str]) -> None:
        """Bold headers in a frozen first row, repeated on every printed page (write-only
        mode: before any other row)."""
        self.ws.freeze_panes = "A2"
        repeat_heading(self.ws, 1)
        row = []
        for text in headers:
            cell = WriteOnlyCell(self.ws, text)
            cell.data_type = "s"
            cell.font = BOLD
            row.append(cell)
        self.ws.append(row)
        self.rows += 1

    def filter_all(self, columns: int) -> None:
        """Auto-filter over the header and every row written so far."""
        self.ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(self.rows, 1)}"

    def append(self, values: Sequence[object], *, bold: bool = False) -> None:
        try:
            self.ws.append(self._cells(values, bold))
        except IllegalCharacterError as exc:
            raise UserError(
                f"ชีต {self.ws.title} แถว {self.rows + 1}: มีอักขระควบคุมที่ Excel เก็บไม่ได้",
                f"Sheet {self.ws.title} row {self.rows + 1}: a control character Excel cannot hold",
            ) from exc
        self.rows += 1

    def _cells(self, values: Sequence[object], bold: bool) -> list[object]:
        row: list[object] = list(values)
        for i, value in enumerate(row):
            if isinstance(value, str):
                if value[:1] in FORMULA_STARTS or bold:
                    row[i] = self._text_cell(value, bold)
            elif value is not None and (bold or i in self._styled):
                cell = WriteOnlyCell(self.ws, value)
                # A whole number in a money column (a count in a summary table) stays plain.
                if i in self._styled and not isinstance(value, int):
                    cell.number_format = FORMATS[self.kinds[i]]
                if bold:
                    cell.font = BOLD
                row[i] = cell
        return row

    def _text_cell(self, value: str, bold: bool) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, value)
        # After the value: assigning "=..." makes openpyxl mark the cell as a formula.
        cell.data_type = "s"
        if bold:
            cell.font = BOLD
        return cell


@contextmanager
def new_workbook() -> Iterator[Workbook]:
    """A write-only workbook, abandoned cleanly if building it fails or is cancelled."""
    wb = print_workbook(write_only=True)
    try:
        yield wb
    except BaseException:
        abandon(wb)
        raise


def abandon(wb: Workbook) -> None:
    """Closes the sheets of a write-only workbook that will not be saved and removes their
    temporary files; left to the garbage collector, their half-written XML streams complain."""
    for ws in wb.worksheets:
        writer = ws._writer  # openpyxl keeps each write-only sheet's stream here
        if writer is None:
            continue
        with suppress(Exception):
            ws.close()
        with suppress(OSError, ValueError):
            writer.cleanup()


class PendingFiles(PendingOutputs):
    """Workbooks saved under hidden temporary names beside their targets and renamed into
    place together by ``place`` (otop_desktop.outputs.PendingOutputs, which this adds
    openpyxl's saving to): an error, a cancel or a crash before then leaves no new file and
    no half-written one."""

    def save(self, wb: Workbook, target: Path) -> None:
        temp = self.reserve(target)
        try:
            wb.save(temp)
        except OSError as exc:
            abandon(wb)
            raise cannot_write(target, exc) from exc
