"""Reading a clerk's spreadsheet as a grid of cells: ``.xlsx`` (openpyxl, read-only), old
``.xls`` (xlrd) and CSV in UTF-8 or the Thai Windows encoding, whichever it turns out to be."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import xlrd

from otop_desktop.errors import UserError

#: A cell as read: text, a number, a date, or nothing.
Cell = str | int | float | date | None

# A district's register is a few thousand rows; a sheet far longer is not a register (or
# is a sheet padded with formatting) and would only keep the clerk waiting.
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_FILE_BYTES = 50 * 1024 * 1024
# What the parts of an .xlsx may unpack to: a small file that unpacks to gigabytes is a
# zip bomb, refused before openpyxl starts on it.
MAX_UNPACKED_BYTES = 500 * 1024 * 1024

_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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


def read_workbook(path: str | Path) -> Workbook:
    """Reads every sheet of ``path``; the kind of file is told by its first bytes, not only
    its name, since old files are often renamed."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise _refuse(
            path, "ไม่พบไฟล์หรือเปิดไม่ได้", f"no such file or no access ({exc.strerror})"
        ) from exc
    if size > MAX_FILE_BYTES:
        raise _refuse(
            path,
            f"ไฟล์ใหญ่เกิน {MAX_FILE_BYTES // 1024 // 1024} MB",
            f"the file is over {MAX_FILE_BYTES // 1024 // 1024} MB",
        )
    if head.startswith(_XLSX_MAGIC):
        return Workbook(path, _read_xlsx(path))
    if head.startswith(_XLS_MAGIC):
        return Workbook(path, _read_xls(path))
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise _refuse(path, "ไฟล์เสียหรือไม่ใช่ไฟล์ Excel", "the file is damaged or not an Excel file")
    encoding, text = decode_text(path.read_bytes(), path)
    return Workbook(path, [Sheet(path.stem, _read_csv(text, path))], encoding)


def _bounded(rows: Iterator[list[Cell]], path: Path, sheet: str) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for row in rows:
        if len(out) >= MAX_ROWS:
            raise _refuse(
                path,
                f"แผ่นงาน {sheet} มีเกิน {MAX_ROWS:,} แถว",
                f"sheet {sheet} has over {MAX_ROWS:,} rows",
            )
        out.append(row[:MAX_COLUMNS])
    # Trailing empty rows are common (formatted but unused); they are no part of the data.
    while out and all(_blank(c) for c in out[-1]):
        out.pop()
    return out


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _number(value: float) -> int | float:
    # Spreadsheets keep every number as a float; a whole one (an ID, a house number) is an int.
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _xlsx_cell(value: Any) -> Cell:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float):
        return _number(value)
    if value is None or isinstance(value, str | int | date):
        return value
    return str(value)


def _read_xlsx(path: Path) -> list[Sheet]:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refuse(path, "ไฟล์ .xlsx เสียหาย", "the .xlsx file is damaged") from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise _refuse(
            path,
            "ข้อมูลในไฟล์ขยายออกมาใหญ่ผิดปกติ",
            f"its parts would unpack to {unpacked:,} bytes, far more than a register holds",
        )
    # A file object, not the name: openpyxl refuses a name ending .xls even when the content is
    # a workbook, and clerks' files are often renamed.
    with path.open("rb") as stream:
        try:
            book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
            try:
                return [
                    Sheet(ws.title, _bounded(_xlsx_rows(ws), path, ws.title))
                    for ws in book.worksheets
                ]
            finally:
                book.close()
        except UserError:
            raise
        except Exception as exc:  # zipfile, the XML parser and defusedxml raise their own kinds
            raise _refuse(
                path, "ไฟล์ .xlsx เสียหาย", f"the .xlsx file is damaged ({exc.__class__.__name__})"
            ) from exc


def _xlsx_rows(ws: Any) -> Iterator[list[Cell]]:
    for row in ws.iter_rows(values_only=True):
        yield [_xlsx_cell(v) for v in row]


def _xls_cell(cell: xlrd.sheet.Cell, datemode: int) -> Cell:
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode).date()
        except (ValueError, OverflowError):
            return None
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return _number(float(cell.value))
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return str(cell.value)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return str(bool(cell.value))
    return None


def _read_xls(path: Path) -> list[Sheet]:
    try:
        book = xlrd.open_workbook(path, on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError, CompDocError, struct errors …
        raise _refuse(path, "ไฟล์ .xls เสียหาย", f"the .xls file is damaged ({exc})") from exc
    try:
        sheets = []
        for index in range(book.nsheets):
            ws = book.sheet_by_index(index)
            rows = ([_xls_cell(c, book.datemode) for c in ws.row(r)] for r in range(ws.nrows))
            sheets.append(Sheet(ws.name, _bounded(rows, path, ws.name)))
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


def _read_csv(text: str, path: Path) -> list[list[Cell]]:
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        return _bounded(([c or None for c in row] for row in reader), path, path.stem)
    except csv.Error as exc:
        raise _refuse(path, f"รูปแบบ CSV ไม่ถูกต้อง ({exc})", f"bad CSV ({exc})") from exc
