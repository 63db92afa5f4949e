"""The consolidated provincial workbook for a month: every district's rows in the same
data sheets as the district workbook, each row led by its district, and a summary by
district and product category. For people and the province's own reports; no district
reads it back, so it carries no sha256."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import geothai
from openpyxl import Workbook

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import ExportRecord
from otop_desktop.models.submission import PROVINCE_EXPORT
from otop_desktop.outputs import writable_folder
from otop_desktop.services.office import get_office
from otop_desktop.submission import spec
from otop_desktop.submission.collect import DistrictRows, collect
from otop_desktop.submission.export import export_user, write_data_sheet
from otop_desktop.submission.summary import tally, write_province_summary
from otop_desktop.submission.workbook import (
    PendingFiles,
    ProgressFn,
    RowProgress,
    SheetWriter,
    new_workbook,
)
from otop_desktop.thaiformat import THAI_TIME, Period
from otop_desktop.version import program_version

EXPORT_KIND = PROVINCE_EXPORT
INFO_SHEET = "ข้อมูล"
DISTRICT_COLUMNS = (
    spec.Column("รหัสอำเภอ", spec.Kind.TEXT),
    spec.Column("อำเภอ", spec.Kind.TEXT),
)


@dataclass(frozen=True)
class ProvinceResult:
    path: Path
    districts_with_data: int
    rows: dict[str, int]
    sales_total: Decimal


def province_file_name(province_code: str, period: Period) -> str:
    """``OTOP-50-256810.xlsx``."""
    return f"OTOP-{province_code}-{period.year_be:04d}{period.month:02d}.xlsx"


def province_target(
    out: Path, province_code: str, period: Period, *, register_db: Path | None = None
) -> Path:
    """``out`` if it names a ``.xlsx`` file, else the standard name in the folder ``out``
    (made if missing)."""
    if out.suffix.lower() == ".xlsx":
        return writable_folder(out.parent, register_db=register_db) / out.name
    folder = writable_folder(out, register_db=register_db)
    return folder / province_file_name(province_code, period)


def _with_district(sheet: spec.DataSheet) -> spec.DataSheet:
    return spec.DataSheet(sheet.name, sheet.rows_key, (*DISTRICT_COLUMNS, *sheet.columns))


@contextmanager
def province_workbook(
    title: str,
    info: list[tuple[str, object]],
    districts: list[tuple[str, str, DistrictRows]],
    progress: RowProgress,
) -> Iterator[Workbook]:
    with new_workbook() as wb:
        about = SheetWriter(wb.create_sheet(INFO_SHEET), (spec.Kind.TEXT, spec.Kind.TEXT))
        about.size_columns((), info, maximum=70)
        for key, value in info:
            about.append((key, value))
        figures = [(code, name, tally(rows)) for code, name, rows in districts]
        write_province_summary(wb, title, figures)
        for i, sheet in enumerate(spec.DATA_SHEETS):
            rows = [
                (code, name, *row) for code, name, data in districts for row in data.sheets()[i]
            ]
            write_data_sheet(wb, _with_district(sheet), rows, progress)
        yield wb


def export_province(
    register: Register,
    period: Period,
    out: Path,
    *,
    user: str = "",
    force: bool = False,
    progress: ProgressFn | None = None,
) -> ProvinceResult:
    """Writes the provincial workbook for ``period`` from a province register and records
    the export in the transaction that places the file; ``force`` and ``progress`` as in
    export_monthly."""
    register_db = register.path
    # Left in this order: the commit, then the files kept (or, on any error, taken out).
    with (
        PendingFiles(register_db=register_db, force=force) as files,
        register.write() as session,
    ):
        office = get_office(session)
        if office.kind != OfficeKind.PROVINCE.value:
            raise UserError(
                "รวมข้อมูลระดับจังหวัดได้จากทะเบียนจังหวัดเท่านั้น",
                "The provincial workbook is made from a province register only",
            )
        province = office.province_code or ""
        target = province_target(out, province, period, register_db=register_db)
        files.reserve(target)
        names = {d.code: d.name_th for d in geothai.districts(province)}
        data = collect(session, period, list(names))
        districts = [(code, names[code], data[code]) for code in names]
        counts = {
            sheet.rows_key: sum(len(rows.sheets()[i]) for rows in data.values())
            for i, sheet in enumerate(spec.DATA_SHEETS)
        }
        total = sum((rows.sales_total() for rows in data.values()), Decimal("0.00"))
        with_data = sum(1 for rows in data.values() if rows.row_count)
        found = geothai.province(province)
        province_name = found.name_th if found is not None else province
        info: list[tuple[str, object]] = [
            ("จังหวัด", province_name),
            ("province_code", province),
            ("period", str(period)),
            ("created_at", datetime.now(THAI_TIME).isoformat(timespec="seconds")),
            ("program_version", program_version()),
            ("districts", len(names)),
            ("districts_with_data", with_data),
            *counts.items(),
            ("sales_total", f"{total:.2f}"),
        ]
        title = f"สรุปข้อมูล OTOP จังหวัด{province_name} งวด {period.label_th}"
        counter = RowProgress(sum(counts.values()), progress)
        with province_workbook(title, info, districts, counter) as wb:
            files.save(wb, target)
        session.add(
            ExportRecord(
                kind=EXPORT_KIND,
                period=period.key,
                file_name=str(target.resolve())[:500],
                personal_data=True,
                created_by=export_user(office, user),
            )
        )
        counter.finish()
        session.flush()  # the record, then the file, then the commit (export_monthly)
        files.place()
    return ProvinceResult(target, with_data, counts, total)
