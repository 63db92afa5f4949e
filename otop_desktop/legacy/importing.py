"""Writing a checked sheet into the register: every row or none, in one transaction. Producers
get new registration numbers from the services, as if typed in today; the number a producer
had in the old sheet is kept as its previous registration number."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from otop_desktop.audit.record import bulk
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.legacy.headings import Mapping, Table
from otop_desktop.legacy.rows import Preview, Problem, ProgressFn, check_table
from otop_desktop.models import Entrepreneur
from otop_desktop.register_check import ensure_sound
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.products import create_product


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


@dataclass(frozen=True)
class ImportResult:
    producers: list[Imported]

    @property
    def product_count(self) -> int:
        return sum(p.products for p in self.producers)


def preview_table(
    register: Register, table: Table, mapping: Mapping, progress: ProgressFn | None = None
) -> Preview:
    """The rows as they would be imported now, with their problems."""
    with register.read() as session:
        return check_table(session, table, mapping, progress)


def import_table(
    register: Register, table: Table, mapping: Mapping, progress: ProgressFn | None = None
) -> ImportResult:
    """Imports every row, or raises RowsRefused and writes nothing. The rows are checked again
    inside the writing transaction, so a producer registered since the preview is caught."""
    total = 2 * len(table.rows)

    def checking(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, total)

    with register.write() as session:
        ensure_sound(session)
        preview = check_table(session, table, mapping, checking)
        if not preview.ok:
            raise RowsRefused(preview)
        # One entry in the audit trail for the whole file, not one per row.
        with bulk(session, "import_legacy", _file_detail(table)) as detail:
            result = _create(session, table, preview, progress, total)
            detail["producers"] = len(result.producers)
            detail["products"] = result.product_count
        return result


def _file_detail(table: Table) -> dict[str, object]:
    try:
        digest = hashlib.sha256(table.file.read_bytes()).hexdigest()
    except OSError:
        digest = ""
    return {"file": str(table.file), "sheet": table.sheet, "sha256": digest}


def _create(
    session: Session,
    table: Table,
    preview: Preview,
    progress: ProgressFn | None,
    total: int,
) -> ImportResult:
    """Creates the producers and products of the checked rows."""
    # A producer's products may be on rows anywhere below its first row. The records are
    # held here, not only their ids: the session keeps a saved record only while something
    # else refers to it, and reading each back for its products doubled the import's time.
    made: dict[int, tuple[Entrepreneur, Imported]] = {}
    for done, row in enumerate(preview.rows, 1):
        if row.entrepreneur is not None:
            entrepreneur = create_entrepreneur(session, row.entrepreneur)
            made[row.number] = (
                entrepreneur,
                Imported(
                    row.number,
                    entrepreneur.reg_no,
                    entrepreneur.previous_reg_no,
                    entrepreneur.name,
                    0,
                ),
            )
        if row.product is not None:
            owner, record = made[row.producer_row]
            create_product(session, owner.id, row.product)
            made[row.producer_row] = (owner, replace(record, products=record.products + 1))
        if progress is not None:
            progress(len(table.rows) + done, total)
    return ImportResult([record for _, record in made.values()])
