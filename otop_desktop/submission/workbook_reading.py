"""Reading a district's monthly workbook as the spec fixes it: the sheets and their headers,
every cell's type, the metadata, the row counts, the sales total and the sha256. The file is
checked and streamed by ``otop_desktop.incoming`` (one reader for every incoming workbook,
under the submission's limits), which also finds the merged cells.

Every problem is a ``Reason`` naming the sheet, row and column, in Thai and English; a file
with any of them is refused as a whole (``RejectedFile``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeGuard

from openpyxl.utils import get_column_letter

from otop_desktop.errors import UserError
from otop_desktop.incoming.limits import SUBMISSION, RefusedAt
from otop_desktop.incoming.xlsx import Cell, XlsxReader, hidden_in_text
from otop_desktop.submission import spec
from otop_desktop.version import program_version

#: The metadata sheet holds some twenty keys; a reader of format 1 looks no further.
MAX_META_ROWS = 1_000
#: A file is refused after this many reasons; listing thousands helps nobody.
MAX_REASONS = 200

_KIND_TH = {
    spec.Kind.TEXT: ("ข้อความ", "a text cell"),
    spec.Kind.NUMBER: ("จำนวนเต็ม", "a whole number"),
    spec.Kind.MONEY: ("จำนวนเงิน (ตัวเลข)", "an amount (a number)"),
    spec.Kind.DATE: ("วันที่ของ Excel", "an Excel date"),
}
_FOUND = {
    "s": ("ข้อความ", "text"),
    "n": ("ตัวเลข", "a number"),
    "d": ("วันที่", "a date"),
    "b": ("ค่าจริง/เท็จ", "TRUE/FALSE"),
    "e": ("ค่าผิดพลาด", "an error value"),
    "f": ("สูตร", "a formula"),
}
_CENT = Decimal("0.01")
#: TAB, CR and LF in a text cell become spaces, as in the program's forms.
_SPACES = str.maketrans("\t\r\n", "   ")


@dataclass(frozen=True)
class Reason:
    """One thing wrong with (or, as a warning, worth noting in) a file, with where it is."""

    th: str
    en: str
    sheet: str = ""
    row: int | None = None
    #: The column's letter and header, e.g. ``H (ราคา (บาท))``.
    column: str = ""

    @property
    def text_th(self) -> str:
        return _where_th(self) + self.th

    @property
    def text_en(self) -> str:
        return _where_en(self) + self.en

    def as_json(self) -> dict[str, str]:
        return {"th": self.text_th, "en": self.text_en}


def _where_th(r: Reason) -> str:
    parts = [f"ชีต “{r.sheet}”"] if r.sheet else []
    if r.row is not None:
        parts.append(f"แถว {r.row}")
    if r.column:
        parts.append(f"คอลัมน์ {r.column}")
    return " ".join(parts) + ": " if parts else ""


def _where_en(r: Reason) -> str:
    parts = [f"sheet “{r.sheet}”"] if r.sheet else []
    if r.row is not None:
        parts.append(f"row {r.row}")
    if r.column:
        parts.append(f"column {r.column}")
    return ", ".join(parts) + ": " if parts else ""


class RejectedFile(UserError):
    """A file refused as a whole; ``reasons`` says every problem found."""

    def __init__(self, path: Path, reasons: Sequence[Reason]) -> None:
        self.path = path
        self.reasons = list(reasons)
        super().__init__(
            f"{path.name}: ไม่รับไฟล์ — " + "; ".join(r.text_th for r in self.reasons),
            f"{path.name}: file refused — " + "; ".join(r.text_en for r in self.reasons),
        )


class Reasons:
    """Collects a file's reasons; stops the reading once there are too many to be useful."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[Reason] = []

    def add(self, reason: Reason) -> None:
        self.items.append(reason)
        if len(self.items) >= MAX_REASONS:
            self.items.append(
                Reason(
                    f"พบปัญหามากกว่า {MAX_REASONS} รายการ หยุดตรวจเพียงเท่านี้",
                    f"over {MAX_REASONS} problems; checking stopped here",
                )
            )
            raise RejectedFile(self.path, self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise RejectedFile(self.path, self.items)


def column_label(index: int, header: str) -> str:
    """``H (ราคา (บาท))`` for the 0-based column ``index``."""
    return f"{get_column_letter(index + 1)} ({header})"


@dataclass
class Sheet:
    """A data sheet's rows as read: each the cell values under the spec's columns, with
    numbers already turned into int or Decimal and dates into ``date`` where the type is
    right. ``raw`` keeps the values exactly as openpyxl gave them, for the sha256."""

    spec: spec.DataSheet
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    raw: list[tuple[object, ...]] = field(default_factory=list)


@dataclass
class Workbook:
    """The metadata (key → value as typed by the checks) and the five data sheets."""

    path: Path
    meta: dict[str, object]
    sheets: dict[str, Sheet]


def read_workbook(path: Path) -> Workbook:
    """Checks the file, then reads it; raises RejectedFile with every reason found (or
    ``incoming.checks.UnsafeFile`` when it is no workbook, or not one safe to read)."""
    reasons = Reasons(path)
    try:
        with XlsxReader(path, SUBMISSION, formulas=True) as book:
            return _read(book, reasons)
    except RefusedAt as exc:
        reasons.items.append(Reason(exc.why_th, exc.why_en, exc.sheet, exc.row, exc.column))
        raise RejectedFile(path, reasons.items) from exc


def _read(book: XlsxReader, reasons: Reasons) -> Workbook:
    names = book.sheet_names
    if missing := [n for n in spec.SHEET_NAMES if n not in names]:
        for name in missing:
            reasons.add(
                Reason(
                    f"ไม่มีชีต “{name}” (ต้องมีชีต {', '.join(spec.SHEET_NAMES)})",
                    f"the sheet “{name}” is missing",
                )
            )
        reasons.raise_if_any()
    meta = _read_meta(book, reasons)
    reasons.raise_if_any()
    sheets: dict[str, Sheet] = {}
    for data_sheet in spec.DATA_SHEETS:
        sheets[data_sheet.name] = _read_sheet(book, data_sheet, reasons)
        for ref in book.merged(data_sheet.name):
            reasons.add(
                Reason(
                    f"มีเซลล์ที่ผสานไว้ ({ref}) ซึ่งชีตข้อมูลต้องไม่มี",
                    f"cells {ref} are merged; data sheets must have no merged cells",
                    sheet=data_sheet.name,
                )
            )
    reasons.raise_if_any()
    _check_totals(meta, sheets, reasons)
    reasons.raise_if_any()
    return Workbook(reasons.path, meta, sheets)


def _text(cell: Cell, sheet: str, row: int, column: str, reasons: Reasons) -> str | None:
    """A text cell's value with TAB, CR and LF as spaces; None (and a reason naming the
    cell) when it holds a control or bidirectional-override character a reader cannot see."""
    value = str(cell.value)
    hidden = hidden_in_text(value)
    if hidden:
        reasons.add(
            Reason(
                f"มีอักขระควบคุมที่มองไม่เห็น ({hidden}) ไม่รับไฟล์ ให้อำเภอแก้ข้อความในเซลล์นี้",
                f"the text holds an invisible control character ({hidden}); ask the district "
                "to retype this cell",
                sheet,
                row,
                column,
            )
        )
        return None
    if "\t" in value or "\n" in value or "\r" in value:
        return value.translate(_SPACES)
    return value


# --- metadata --------------------------------------------------------------------------


def _read_meta(book: XlsxReader, reasons: Reasons) -> dict[str, object]:
    sheet = spec.META_SHEET
    cells: dict[str, tuple[int, Cell]] = {}
    for row_no, row in enumerate(book.rows(sheet, 2), 1):
        if row_no > MAX_META_ROWS:
            break
        key_cell, value_cell = row
        for index, cell in enumerate(row):
            if cell.data_type == "f":
                reasons.add(_formula(sheet, row_no, get_column_letter(index + 1)))
        if key_cell.data_type != "s" or not isinstance(key_cell.value, str):
            continue
        cells.setdefault(key_cell.value.strip(), (row_no, value_cell))
    version = cells.get("format_version")
    version_text = _shown(version[1].value).strip() if version else ""
    if version_text != str(spec.FORMAT_VERSION):
        _unknown_version(version_text, cells, reasons)
        reasons.raise_if_any()
    meta: dict[str, object] = {}
    for key in spec.REQUIRED_META:
        if key not in cells:
            reasons.add(Reason(f"ไม่มีข้อมูล “{key}” ในคอลัมน์ A", f"the key “{key}” is missing", sheet))
            continue
        row_no, cell = cells[key]
        where: dict[str, Any] = {"sheet": sheet, "row": row_no, "column": f"B ({key})"}
        if cell.data_type == "f":
            continue  # refused above as a formula
        if cell.value is None or cell.value == "":
            reasons.add(Reason("ไม่มีค่า", "the value is empty", **where))
        elif key in spec.NUMBER_META:
            if cell.data_type == "n" and _is_whole(cell.value) and cell.value >= 0:
                meta[key] = int(cell.value)
            else:
                reasons.add(_wrong_type(spec.Kind.NUMBER, cell, **where))
        elif cell.data_type == "s" and isinstance(cell.value, str):
            text = _text(cell, sheet, row_no, f"B ({key})", reasons)
            if text is not None:
                meta[key] = text.strip()
        else:
            reasons.add(_wrong_type(spec.Kind.TEXT, cell, **where))
    return meta


def _shown(value: object) -> str:
    """A metadata value as text, to compare and to name in a message, whatever its cell
    type: a TRUE/FALSE, a time or an error value is never a version, but must not stop the
    reading (spec.cell_text knows only the types a valid workbook holds)."""
    try:
        return spec.cell_text(value)
    except TypeError:
        return str(value)


def _unknown_version(text: str, cells: dict[str, tuple[int, Cell]], reasons: Reasons) -> None:
    written = cells.get("program_version")
    writer = _shown(written[1].value) if written else ""
    by_th = f" (สร้างโดยโปรแกรม OTOP รุ่น {writer})" if writer else ""
    by_en = f" (written by OTOP Desktop {writer})" if writer else ""
    need_th = f"กรุณาปรับปรุงโปรแกรมของจังหวัดเป็นรุ่น {writer} ขึ้นไป" if writer else ""
    need_en = f"; update the province's program to version {writer} or later" if writer else ""
    mine = program_version()
    if not text:
        reasons.add(
            Reason(
                "ไม่มี format_version จึงไม่ใช่แบบฟอร์มส่งรายเดือน",
                "there is no format_version: not a monthly submission workbook",
                spec.META_SHEET,
            )
        )
        return
    reasons.add(
        Reason(
            f"ไฟล์รูปแบบรุ่น {text}{by_th} แต่โปรแกรมนี้ (รุ่น {mine}) อ่านได้เฉพาะรูปแบบรุ่น "
            f"{spec.FORMAT_VERSION} {need_th}",
            f"the file is format {text}{by_en}, but this program ({mine}) reads format "
            f"{spec.FORMAT_VERSION} only{need_en}",
            spec.META_SHEET,
            column="B (format_version)",
        )
    )


# --- data sheets -------------------------------------------------------------------------


def _read_sheet(book: XlsxReader, data_sheet: spec.DataSheet, reasons: Reasons) -> Sheet:
    name = data_sheet.name
    width = len(data_sheet.columns)
    sheet = Sheet(data_sheet)
    rows: Iterator[tuple[Cell, ...]] = book.rows(name, width)
    header = next(rows, ())
    found = [c.value for c in header] + [None] * (width - len(header))
    for index, column in enumerate(data_sheet.columns):
        if found[index] != column.header:
            got = f"“{found[index]}”" if found[index] is not None else "ว่าง"
            got_en = f"“{found[index]}”" if found[index] is not None else "empty"
            reasons.add(
                Reason(
                    f"หัวคอลัมน์ต้องเป็น “{column.header}” (พบ {got})",
                    f"the header must be “{column.header}” (found {got_en})",
                    name,
                    1,
                    get_column_letter(index + 1),
                )
            )
    if reasons.items:
        return sheet
    blank_at: int | None = None
    for row_no, cells in enumerate(rows, 2):
        if all(c.value is None for c in cells):
            blank_at = blank_at or row_no
            continue
        if blank_at is not None:
            reasons.add(
                Reason(
                    f"มีแถวว่างภายในข้อมูล (แถว {blank_at})",
                    f"a blank row inside the data (row {blank_at})",
                    name,
                    row_no,
                )
            )
            blank_at = None
        sheet.raw.append(tuple(c.value for c in cells))
        sheet.rows.append(_typed_row(cells, data_sheet, row_no, reasons))
    return sheet


def _typed_row(
    cells: tuple[Cell, ...], data_sheet: spec.DataSheet, row_no: int, reasons: Reasons
) -> tuple[Any, ...]:
    values: list[Any] = []
    for index, (cell, column) in enumerate(zip(cells, data_sheet.columns, strict=True)):
        value = cell.value
        data_type = cell.data_type
        if data_type == "f":
            reasons.add(_formula(data_sheet.name, row_no, column_label(index, column.header)))
            values.append(None)
            continue
        if value is None or (value == "" and data_type == "s"):
            values.append(None)
            continue
        typed = _typed(column.kind, data_type, value)
        if typed is not None and column.kind is spec.Kind.TEXT:
            typed = _text(
                cell, data_sheet.name, row_no, column_label(index, column.header), reasons
            )
        elif typed is None:
            reasons.add(
                _wrong_type(
                    column.kind,
                    cell,
                    sheet=data_sheet.name,
                    row=row_no,
                    column=column_label(index, column.header),
                )
            )
        values.append(typed)
    return tuple(values)


def _typed(kind: spec.Kind, data_type: str, value: Any) -> Any:
    """The value as its column's kind wants it, or None when the cell is of the wrong type."""
    if kind is spec.Kind.TEXT:
        return value if data_type == "s" and isinstance(value, str) else None
    if kind is spec.Kind.DATE:
        if data_type == "d" and isinstance(value, datetime | date):
            return value.date() if isinstance(value, datetime) else value
        return None
    if data_type != "n" or isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if kind is spec.Kind.NUMBER:
        return int(value) if _is_whole(value) else None
    return money(value)


def _is_whole(value: object) -> TypeGuard[int | float]:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def money(value: int | float) -> Decimal | None:
    """A number cell as baht, or None when it has more than two decimals. A float's shortest
    repr gives back the decimal that was written (amounts under a trillion baht have at most
    14 significant digits, within a double's 15)."""
    amount = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    if not amount.is_finite():
        return None
    try:
        cents = amount.quantize(_CENT)
    except InvalidOperation:
        # Too many digits to carry two decimals (1e30): a whole number far too large, which
        # the record checks refuse by its size, naming the cell.
        return amount
    return cents if amount == cents else None


def _formula(sheet: str, row: int, column: str) -> Reason:
    return Reason(
        "เป็นสูตร ซึ่งแบบฟอร์มส่งต้องไม่มี (พิมพ์เป็นค่า)",
        "the cell is a formula; a submission holds values only",
        sheet,
        row,
        column,
    )


def _wrong_type(kind: spec.Kind, cell: Cell, **where: Any) -> Reason:
    want_th, want_en = _KIND_TH[kind]
    found_th, found_en = _FOUND.get(cell.data_type, (cell.data_type, cell.data_type))
    if kind is spec.Kind.NUMBER and cell.data_type == "n":
        found_th, found_en = "ตัวเลขมีทศนิยม", "a number with decimals"
    if kind is spec.Kind.MONEY and cell.data_type == "n":
        found_th, found_en = "ตัวเลขเกินสองตำแหน่งทศนิยม", "a number with over two decimals"
    shown = str(cell.value)[:40]
    return Reason(
        f"ต้องเป็น{want_th} (พบ{found_th} “{shown}”)",
        f"must be {want_en} (found {found_en} “{shown}”)",
        **where,
    )


# --- counts, total, sha256 -------------------------------------------------------------


def _check_totals(meta: dict[str, object], sheets: dict[str, Sheet], reasons: Reasons) -> None:
    counts_ok = True
    for data_sheet in spec.DATA_SHEETS:
        found = len(sheets[data_sheet.name].rows)
        declared = meta.get(data_sheet.rows_key)
        if declared != found:
            counts_ok = False
            reasons.add(
                Reason(
                    f"{data_sheet.rows_key} ระบุ {declared} แถว แต่ชีต “{data_sheet.name}” "
                    f"มีข้อมูล {found} แถว",
                    f"{data_sheet.rows_key} says {declared} rows but the sheet "
                    f"“{data_sheet.name}” holds {found}",
                    spec.META_SHEET,
                )
            )
    sales = sheets[spec.SALES.name].rows
    total = sum((r[spec.SALES_AMOUNT_COLUMN] or Decimal(0) for r in sales), Decimal("0.00"))
    declared_total = str(meta.get("sales_total", ""))
    if declared_total != f"{total:.2f}":
        reasons.add(
            Reason(
                f"sales_total ระบุ {declared_total} แต่ยอดจำหน่ายในชีต “{spec.SALES.name}” "
                f"รวมได้ {total:.2f}",
                f"sales_total says {declared_total} but the sheet “{spec.SALES.name}” adds up "
                f"to {total:.2f}",
                spec.META_SHEET,
            )
        )
    if not counts_ok:
        return  # the sha256 is over the declared rows; it says nothing more here
    digest = spec.data_sha256(sheets[s.name].raw for s in spec.DATA_SHEETS)
    if meta.get("sha256") != digest:
        reasons.add(
            Reason(
                "sha256 ไม่ตรงกับข้อมูล: ไฟล์ถูกแก้ไขหลังจากอำเภอส่งออก ให้อำเภอส่งออกใหม่",
                "the sha256 does not match the data: the file was changed after the district "
                "exported it; ask the district to export it again",
                spec.META_SHEET,
                column="B (sha256)",
            )
        )
