"""The filtered trail as a workbook (the audit screen's and ``audit --out``'s export). It
holds who did what, not personal data (personal fields are keyed hashes in the trail)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from otop_desktop.audit.query import AuditFilter, every
from otop_desktop.database import Register
from otop_desktop.models import ExportRecord
from otop_desktop.submission.workbook import PendingFiles

HEADINGS = ("ลำดับ", "วันเวลา", "ผู้ทำรายการ", "รายการ", "ชนิด", "เลขที่", "รายละเอียด")
EXPORT_KIND = "audit"


@dataclass(frozen=True)
class WrittenTrail:
    path: Path
    rows: int


def write_trail(
    register: Register, where: AuditFilter, out: Path, *, force: bool = False
) -> WrittenTrail:
    with (
        PendingFiles(register_db=register.path, force=force) as files,
        register.write() as session,
    ):
        target = files.check(out if out.suffix == ".xlsx" else out / "audit.xlsx")
        files.reserve(target)
        wb = Workbook(write_only=True)
        sheet = wb.create_sheet("บันทึกการใช้งาน")
        sheet.append(HEADINGS)
        rows = 0
        for row in every(session, where):
            at = row.at.astimezone().replace(tzinfo=None)
            sheet.append([row.id, at, row.actor, row.action, row.entity, row.record, row.summary()])
            rows += 1
        files.save(wb, target)
        session.add(ExportRecord(kind=EXPORT_KIND, file_name=str(target)[:500]))
        session.flush()
        files.place()
    return WrittenTrail(target, rows)
