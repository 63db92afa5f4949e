"""Reading a clerk's spreadsheet as a grid of cells: ``.xlsx`` (the streaming reader of
``otop_desktop.incoming``), old ``.xls`` (xlrd) and CSV in UTF-8 or the Thai Windows
encoding, whichever it turns out to be. The file's kind is told by ``incoming.checks``, and
every format is read under the same limits (``incoming.limits.LEGACY``) and the same rule
for characters a clerk cannot see."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import xlrd
from openpyxl.utils import get_column_letter

from otop_desktop.errors import UserError
from otop_desktop.incoming.checks import Kind, file_kind, save_as_xlsx
from otop_desktop.incoming.limits import (
    LEGACY,
    Limits,
    RefusedAt,
    too_long_cell,
    too_many_rows,
    too_much_text,
)
from otop_desktop.incoming.xlsx import XlsxReader, hidden_in_text

#: A cell as read: text, a number, a date, or nothing.
Cell = str | int | float | date | None

MAX_COLUMNS = 200
#: TAB, CR and LF in a text cell become spaces, as in the program's forms.
_SPACES = str.maketrans("\t\r\n", "   ")


@dataclass(frozen=True)
class Sheet:
    """One sheet of a file: its rows as read, numbered from 1 as the spreadsheet shows them."""

    name: str
    rows: list[list[Cell]]


@dataclass(frozen=True)
class Workbook:
    path: Path
    sheets: list[Sheet]
    #: For a CSV file, the encoding it was read in (``utf-8``, ``utf-8-sig``, ``cp874`` …).
    encoding: str = ""


def _refuse(path: Path, th: str, en: str) -> UserError:
    return UserError(f"อ่านไฟล์ {path.name} ไม่ได้: {th}", f"Cannot read {path.name}: {en}")


def read_workbook(path: str | Path, limits: Limits = LEGACY) -> Workbook:
    """Reads every sheet of ``path``; the kind of file is told by its first bytes, not only
    its name, since old files are often renamed."""
    path = Path(path)
    kind = file_kind(path, limits)
    if kind is Kind.XLSX:
        return Workbook(path, _read_xlsx(path, limits))
    if kind is Kind.XLS:
        return Workbook(path, _read_xls(path, limits))
    if kind is Kind.OTHER_ZIP:
        raise save_as_xlsx(path, kind, "ไฟล์ .xlsx .xls หรือ .csv", ".xlsx, .xls or .csv files")
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise _refuse(path, "ไฟล์เสียหรือไม่ใช่ไฟล์ Excel", "the file is damaged or not an Excel file")
    encoding, text = decode_text(path.read_bytes(), path)
    return Workbook(path, [Sheet(path.stem, _read_csv(text, path, limits))], encoding)


def _bounded(
    rows: Iterable[list[Cell]], path: Path, sheet: str, limits: Limits, *, counted: bool = False
) -> list[list[Cell]]:
    """The rows, each cut at MAX_COLUMNS, with text cells' TAB, CR and LF made spaces;
    refuses the file at a control character or a limit, naming the cell. ``counted``: the
    reader has kept the limits on text already, as it streamed."""
    out: list[list[Cell]] = []
    chars = 0
    for row_no, row in enumerate(rows, 1):
        if row_no > limits.sheet_rows:
            raise too_many_rows(path, limits, sheet, row_no)
        row = row[:MAX_COLUMNS]
        for index, cell in enumerate(row):
            if not isinstance(cell, str):
                continue
            if not counted:
                chars += len(cell)
                if len(cell) > limits.cell_chars:
                    raise too_long_cell(path, limits, sheet, row_no, get_column_letter(index + 1))
                if chars > limits.total_chars:
                    raise too_much_text(path, limits, sheet, row_no, get_column_letter(index + 1))
            hidden = hidden_in_text(cell)
            if hidden:
                raise RefusedAt(
                    path,
                    sheet,
                    row_no,
                    get_column_letter(index + 1),
                    f"มีอักขระควบคุมที่มองไม่เห็น ({hidden}) กรุณาแก้ข้อความในเซลล์นี้แล้วนำเข้าใหม่",
                    f"the text holds an invisible control character ({hidden}); retype this "
                    "cell and import the file again",
                )
            row[index] = cell.translate(_SPACES)
        out.append(row)
    # Trailing empty rows are common (formatted but unused); they are no part of the data.
    while out and all(_blank(c) for c in out[-1]):
        out.pop()
    return out


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _number(value: float) -> int | float:
    # Spreadsheets keep every number as a float; a whole one (an ID, a house number) is an int.
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _xlsx_cell(value: object) -> Cell:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float):
        return _number(value)
    if value is None or isinstance(value, str | int | date):
        return value
    return str(value)


def _read_xlsx(path: Path, limits: Limits) -> list[Sheet]:
    # Formulas read as the value Excel last saved: a clerk's totals are often formulas.
    with XlsxReader(path, limits, formulas=False) as book:
        return [
            Sheet(name, _bounded(_xlsx_rows(book, name), path, name, limits, counted=True))
            for name in book.sheet_names
        ]


def _xlsx_rows(book: XlsxReader, sheet: str) -> Iterator[list[Cell]]:
    for row in book.rows(sheet, MAX_COLUMNS, pad=False):
        yield [_xlsx_cell(c.value) for c in row]


def _xls_cell(cell: xlrd.sheet.Cell, datemode: int) -> Cell:
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            day: date = xlrd.xldate_as_datetime(cell.value, datemode).date()
            return day
        except (ValueError, OverflowError):
            return None
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return _number(float(cell.value))
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return str(cell.value)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return str(bool(cell.value))
    return None


def _read_xls(path: Path, limits: Limits) -> list[Sheet]:
    try:
        book = xlrd.open_workbook(path, on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError, CompDocError, struct errors …
        raise _refuse(path, "ไฟล์ .xls เสียหาย", f"the .xls file is damaged ({exc})") from exc
    try:
        sheets = []
        for index in range(book.nsheets):
            ws = book.sheet_by_index(index)
            rows = ([_xls_cell(c, book.datemode) for c in ws.row(r)] for r in range(ws.nrows))
            sheets.append(Sheet(ws.name, _bounded(rows, path, ws.name, limits)))
            book.unload_sheet(index)
        return sheets
    except UserError:
        raise
    except Exception as exc:
        raise _refuse(path, "ไฟล์ .xls เสียหาย", f"the .xls file is damaged ({exc})") from exc
    finally:
        book.release_resources()


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """(encoding, text) of a text file: a BOM says it; else UTF-8 if it decodes as such (a
    cp874 file of Thai text practically never does); else cp874, the Thai Windows code page
    (a superset of TIS-620)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return encoding, data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _refuse(
                    path, "ข้อความในไฟล์เสียหาย", f"it is not valid {encoding} text"
                ) from exc
    if b"\x00" in data[:4096]:
        raise _refuse(path, "ไม่ใช่ไฟล์ข้อความหรือ Excel", "it is neither a spreadsheet nor text")
    for encoding in ("utf-8", "cp874"):
        try:
            return encoding, data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse(
        path,
        "ไม่รู้จักการเข้ารหัสอักษร (ใช้ UTF-8 หรือ TIS-620)",
        "unknown text encoding (use UTF-8 or TIS-620/cp874)",
    )


def _delimiter(text: str) -> str:
    """The separator that splits the first lines into the most columns: csv.Sniffer is led
    astray by commas inside quoted amounts (``"1,250.00"``) of a semicolon file."""
    head = text[:16384].splitlines()[:50]
    widths = {
        d: max((len(row) for row in csv.reader(head, delimiter=d)), default=0) for d in ",;\t|"
    }
    return max(widths, key=lambda d: widths[d])


def _read_csv(text: str, path: Path, limits: Limits) -> list[list[Cell]]:
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        rows: Iterator[list[Cell]] = ([c or None for c in row] for row in reader)
        return _bounded(rows, path, path.stem, limits)
    except csv.Error as exc:
        raise _refuse(path, f"รูปแบบ CSV ไม่ถูกต้อง ({exc})", f"bad CSV ({exc})") from exc
