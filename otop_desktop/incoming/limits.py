"""How much an incoming file may hold, enforced while it streams: a file over a limit is
refused at the cell that crosses it, before the rest is read, so that neither its time nor
its memory grows with what a hostile file claims to hold."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from otop_desktop.errors import UserError


@dataclass(frozen=True)
class Limits:
    """One importer's limits. ``sheet_rows`` counts rows by their number, as the spreadsheet
    shows them; ``total_chars`` counts the text of every cell read (shared strings once)."""

    file_bytes: int
    cell_chars: int
    sheet_rows: int
    total_chars: int
    #: A zip's parts: how many, each one's and all of them together unpacked.
    parts: int = 1_000
    part_bytes: int = 512 * 1024 * 1024
    unpacked_bytes: int = 1024 * 1024 * 1024


#: A district's monthly workbook. Its largest sheet holds one row per product or household
#: of one district (a few thousand at most, nationwide); 50,000 rows is ten times more, and a
#: file over it is refused within a second or two. Excel itself stops a cell at 32,767
#: characters. A Chiang Mai district's month holds some 80,000 characters of text; 8 million
#: is a hundred times that.
SUBMISSION = Limits(
    file_bytes=256 * 1024 * 1024,
    cell_chars=32_767,
    sheet_rows=50_000,
    total_chars=8_000_000,
)

#: A clerk's old register: a few thousand rows; a sheet far longer is not a register (or is a
#: sheet padded with formatting) and would only keep the clerk waiting.
LEGACY = Limits(
    file_bytes=50 * 1024 * 1024,
    cell_chars=32_767,
    sheet_rows=50_000,
    total_chars=16_000_000,
    unpacked_bytes=500 * 1024 * 1024,
)


class RefusedAt(UserError):
    """A file refused at a sheet, row and column: where it crossed a limit, or where a cell
    cannot be read."""

    def __init__(
        self, path: Path, sheet: str, row: int | None, column: str, why_th: str, why_en: str
    ) -> None:
        self.path = path
        self.sheet = sheet
        self.row = row
        self.column = column
        self.why_th = why_th
        self.why_en = why_en
        where_th = " ".join(
            p
            for p in (
                f"ชีต “{sheet}”" if sheet else "",
                f"แถว {row}" if row is not None else "",
                f"คอลัมน์ {column}" if column else "",
            )
            if p
        )
        where_en = ", ".join(
            p
            for p in (
                f"sheet “{sheet}”" if sheet else "",
                f"row {row}" if row is not None else "",
                f"column {column}" if column else "",
            )
            if p
        )
        super().__init__(
            f"{path.name}: {where_th}: {why_th}" if where_th else f"{path.name}: {why_th}",
            f"{path.name}: {where_en}: {why_en}" if where_en else f"{path.name}: {why_en}",
        )


def too_many_rows(path: Path, limits: Limits, sheet: str, row: int) -> RefusedAt:
    return RefusedAt(
        path,
        sheet,
        row,
        "",
        f"มีเกิน {limits.sheet_rows:,} แถว ซึ่งเกินขีดจำกัดของไฟล์นำเข้า ไม่รับไฟล์",
        f"the sheet has over {limits.sheet_rows:,} rows, the limit for an imported file",
    )


def too_long_cell(
    path: Path, limits: Limits, sheet: str, row: int | None, column: str
) -> RefusedAt:
    return RefusedAt(
        path,
        sheet,
        row,
        column,
        f"ข้อความในเซลล์ยาวเกิน {limits.cell_chars:,} ตัวอักษร (ขีดจำกัดของ Excel) ไม่รับไฟล์",
        f"the cell's text is over {limits.cell_chars:,} characters (Excel's own limit)",
    )


def too_much_text(
    path: Path, limits: Limits, sheet: str, row: int | None, column: str
) -> RefusedAt:
    return RefusedAt(
        path,
        sheet,
        row,
        column,
        f"ข้อความทั้งไฟล์เกิน {limits.total_chars:,} ตัวอักษร ซึ่งเกินขีดจำกัดของไฟล์นำเข้า ไม่รับไฟล์",
        f"the file's text passes {limits.total_chars:,} characters here, the limit for an "
        "imported file",
    )
