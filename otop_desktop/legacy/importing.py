"""Writing a checked sheet into the register in one transaction: every row or none, or, when
the clerk chooses, the good rows with the refused ones (and the other rows of their
producers) saved with their reasons to a new workbook to correct and import later. Producers
get new registration numbers from the services, as if typed in today; the number a producer
had in the old sheet is kept as its previous registration number. Rows lacking only details
an old register often lacks go in incomplete (services.incomplete)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field, replace
from pathlib import Path

import openpyxl
from sqlalchemy.orm import Session

from otop_desktop.audit.record import bulk
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.legacy.headings import Mapping, Table
from otop_desktop.legacy.rows import Preview, Problem, ProgressFn, Row, check_table
from otop_desktop.models import Entrepreneur
from otop_desktop.outputs import PendingOutputs
from otop_desktop.register_check import ensure_sound
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.products import create_product
from otop_desktop.validation import label


class RowsRefused(UserError):
    """The sheet has rows at fault; nothing was written. ``problems`` name every one."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.problems: list[Problem] = preview.problems
        table = preview.table
        if not preview.rows:
            super().__init__(
                f"ไม่พบแถวข้อมูลใต้แถวหัวตารางที่ {table.heading_row} ในแผ่นงาน {table.sheet} "
                f"ของไฟล์ {table.file.name} ไม่ได้นำเข้าข้อมูลใด",
                f"No data rows below heading row {table.heading_row} in sheet {table.sheet} "
                f"of {table.file.name}; nothing was imported",
            )
            return
        bad = len({p.row for p in self.problems})
        super().__init__(
            f"ไฟล์ {table.file.name} มี {bad:,} แถวที่มีปัญหา ({len(self.problems):,} รายการ) "
            "ไม่ได้นำเข้าข้อมูลใด กรุณาแก้ไขแล้วนำเข้าใหม่",
            f"{table.file.name} has {bad:,} rows with problems ({len(self.problems):,} in all); "
            "nothing was imported; correct them and import again",
        )


@dataclass(frozen=True)
class Imported:
    """One producer written: the row it came from and the number it was given."""

    row: int
    reg_no: str
    previous_reg_no: str
    name: str
    products: int
    #: What the producer and its products went in without (field → what the sheet held).
    lacking: dict[str, str] = field(default_factory=dict)

    @property
    def incomplete(self) -> bool:
        return bool(self.lacking)


@dataclass(frozen=True)
class ImportResult:
    producers: list[Imported]
    #: The rows left out (with ``rejects``), each with its problems; and where they went.
    refused: list[Row] = field(default_factory=list)
    rejects_file: Path | None = None

    @property
    def product_count(self) -> int:
        return sum(p.products for p in self.producers)

    @property
    def incomplete_count(self) -> int:
        return sum(1 for p in self.producers if p.incomplete)

    @property
    def refused_rows(self) -> int:
        return len(self.refused)


def preview_table(
    register: Register,
    table: Table,
    mapping: Mapping,
    progress: ProgressFn | None = None,
    *,
    fill: dict[str, str] | None = None,
) -> Preview:
    """The rows as they would be imported now, with their problems; ``fill``: values for
    whole columns the sheet lacks."""
    with register.read() as session:
        return check_table(session, table, mapping, progress, fill=fill)


def import_table(
    register: Register,
    table: Table,
    mapping: Mapping,
    progress: ProgressFn | None = None,
    *,
    fill: dict[str, str] | None = None,
    rejects: Path | str | None = None,
) -> ImportResult:
    """Imports every row, or raises RowsRefused and writes nothing. With ``rejects`` (a new
    .xlsx file: otop_desktop.outputs refuses an existing one before anything is done) the
    good rows go in and the refused ones, with the other rows of their producers, are saved
    there with their reasons — in the same transaction: the file is there only if the rows
    went in. The rows are checked again inside the writing transaction, so a producer
    registered since the preview is caught."""
    total = 2 * len(table.rows)

    def checking(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, total)

    with PendingOutputs(register_db=register.path) as files:
        target = files.check(rejects) if rejects is not None else None
        if target is not None:
            files.reserve(target)  # a folder that cannot be written is found now
        with register.write() as session:
            ensure_sound(session)
            preview = check_table(session, table, mapping, checking, fill=fill)
            good, refused = preview.split()
            if not good or (refused and target is None):
                raise RowsRefused(preview)
            # One entry in the audit trail for the whole file, not one per row.
            with bulk(session, "import_legacy", _file_detail(table)) as detail:
                result = _create(session, table, good, progress, total)
                detail["producers"] = len(result.producers)
                detail["products"] = result.product_count
                detail["incomplete"] = result.incomplete_count
                detail["refused_rows"] = len(refused)
            if target is not None and refused:
                files.write(target, rejects_workbook(table, refused))
                files.place()
                return replace(result, refused=refused, rejects_file=target)
            return result


# The column the reasons go in; no heading a register's field is recognised by.
REASONS_HEADING = "ปัญหาที่พบ (problems found)"


def rejects_workbook(table: Table, rows: list[Row]) -> bytes:
    """The refused rows under the sheet's own headings (so the file imports with the same
    mapping once corrected), each with its problems in a last column."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.sheet[:31] or "Sheet1"
    sheet.append([*table.headings, REASONS_HEADING])
    width = len(table.headings)
    for row in rows:
        cells = [*row.cells[:width], *[None] * (width - len(row.cells))]
        sheet.append([*cells, _reasons(row)])
        for cell in sheet[sheet.max_row]:
            # A text cell is text, never a formula, whatever it begins with.
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _reasons(row: Row) -> str:
    if not row.problems:
        return "ผู้ประกอบการรายนี้มีแถวอื่นที่มีปัญหา / another row of this producer has problems"
    lines = []
    for problem in row.problems:
        th, en = label(problem.field) if problem.field else ("", "")
        where_th = f"“{problem.heading}” ({th})" if problem.heading else th
        where_en = f"“{problem.heading}” ({en})" if problem.heading else en
        lines.append(f"{where_th}: {problem.message_th} / {where_en}: {problem.message_en}")
    return "\n".join(lines)


def _file_detail(table: Table) -> dict[str, object]:
    try:
        digest = hashlib.sha256(table.file.read_bytes()).hexdigest()
    except OSError:
        digest = ""
    return {"file": str(table.file), "sheet": table.sheet, "sha256": digest}


def _create(
    session: Session,
    table: Table,
    rows: list[Row],
    progress: ProgressFn | None,
    total: int,
) -> ImportResult:
    """Creates the producers and products of the checked rows."""
    # A producer's products may be on rows anywhere below its first row. The records are
    # held here, not only their ids: the session keeps a saved record only while something
    # else refers to it, and reading each back for its products doubled the import's time.
    made: dict[int, tuple[Entrepreneur, Imported]] = {}
    for done, row in enumerate(rows, 1):
        if row.entrepreneur is not None:
            entrepreneur = create_entrepreneur(session, row.entrepreneur, lacking=row.lacking)
            made[row.number] = (
                entrepreneur,
                Imported(
                    row.number,
                    entrepreneur.reg_no,
                    entrepreneur.previous_reg_no,
                    entrepreneur.name,
                    0,
                    dict(row.lacking),
                ),
            )
        if row.product is not None:
            owner, record = made[row.producer_row]
            create_product(session, owner.id, row.product, lacking=row.product_lacking)
            made[row.producer_row] = (
                owner,
                replace(
                    record,
                    products=record.products + 1,
                    lacking=record.lacking | row.product_lacking,
                ),
            )
        if progress is not None:
            progress(len(table.rows) + done, total)
    return ImportResult([record for _, record in made.values()])
