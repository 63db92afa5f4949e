"""The district's monthly submission workbook (shared/spec/monthly-submission.md): one
file per district and month, written atomically, recorded in the register (who, when,
which file, its sha256) and, on a district register, locking the month's sales."""

from __future__ import annotations

import getpass
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import geothai
from openpyxl import Workbook
from sqlalchemy.orm import Session

from otop_desktop.accounts.roles import has_accounts
from otop_desktop.audit.chain import Head
from otop_desktop.audit.record import actor_of
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import AuditHead, DistrictKey, ExportRecord, Office
from otop_desktop.models.submission import MONTHLY_EXPORT
from otop_desktop.outputs import writable_folder
from otop_desktop.services.locks import USER_MAX, record_submitted
from otop_desktop.services.office import get_office
from otop_desktop.submission import spec
from otop_desktop.submission.collect import DistrictRows, collect
from otop_desktop.submission.summary import tally, write_district_summary
from otop_desktop.submission.workbook import (
    SIZING_ROWS,
    PendingFiles,
    ProgressFn,
    RowProgress,
    SheetWriter,
    new_workbook,
)
from otop_desktop.thaiformat import THAI_TIME, Period
from otop_desktop.validation import Checker, require_ended
from otop_desktop.version import program_version

EXPORT_KIND = MONTHLY_EXPORT


@dataclass(frozen=True)
class ExportResult:
    district_code: str
    path: Path
    rows: dict[str, int]
    sales_total: Decimal
    sha256: str


def district_name(code: str) -> str:
    found = geothai.district(code)
    return found.name_th if found is not None else code


def districts_to_export(
    office: Office, district_code: str | None, all_districts: bool
) -> list[str]:
    """A district register exports its own district; a province register the district
    asked for (in its province) or all of them."""
    kind = OfficeKind(office.kind)
    if kind is OfficeKind.DISTRICT:
        own = office.district_code or ""
        if all_districts or (district_code and district_code != own):
            raise UserError(
                f"ทะเบียนอำเภอส่งได้เฉพาะอำเภอของตนเอง ({own})",
                f"A district register exports its own district only ({own})",
            )
        return [own]
    if kind is OfficeKind.PROVINCE:
        province = office.province_code or ""
        if all_districts:
            return [d.code for d in geothai.districts(province)]
        if not district_code:
            raise UserError(
                "ทะเบียนจังหวัด: ระบุ --district รหัสอำเภอ หรือ --all-districts",
                "On a province register give --district CODE or --all-districts",
            )
        found = geothai.district(district_code)
        if found is None or found.province_code != province:
            raise UserError(
                f"อำเภอรหัส {district_code} ไม่อยู่ในจังหวัดรหัส {province}",
                f"District {district_code} is not in province {province}",
            )
        return [found.code]
    raise UserError(
        "ส่งออกข้อมูลรายเดือนได้จากทะเบียนอำเภอหรือทะเบียนจังหวัดเท่านั้น",
        "The monthly workbook is exported from a district or province register only",
    )


def targets_for(
    out: Path, codes: Sequence[str], period: Period, *, register_db: Path | None = None
) -> dict[str, Path]:
    """A file ``*.xlsx`` for one district, or a folder where each file gets its spec name
    (made if missing)."""
    if out.suffix.lower() == ".xlsx":
        if len(codes) != 1:
            raise UserError(
                "ส่งออกหลายอำเภอ: --out ต้องเป็นโฟลเดอร์",
                "Several districts: --out must be a folder",
            )
        writable_folder(out.parent, register_db=register_db)
        return {codes[0]: out}
    folder = writable_folder(out, register_db=register_db)
    return {code: folder / spec.file_name(code, period) for code in codes}


def monthly_targets(
    register: Register,
    period: Period,
    out: Path,
    *,
    district_code: str | None = None,
    all_districts: bool = False,
) -> list[Path]:
    """The files export_monthly would write (so the desktop can ask before replacing)."""
    with register.read() as session:
        codes = districts_to_export(get_office(session), district_code, all_districts)
    return list(targets_for(out, codes, period, register_db=register.path).values())


def metadata(
    office: Office,
    public_key: str,
    rows: DistrictRows,
    period: Period,
    created_at: datetime,
    sha256: str,
    audit_head: str = "",
) -> list[tuple[str, object]]:
    counts = [
        (sheet.rows_key, len(r)) for sheet, r in zip(spec.DATA_SHEETS, rows.sheets(), strict=True)
    ]
    return [
        ("format_version", str(spec.FORMAT_VERSION)),
        ("province_code", rows.district_code[:2]),
        ("district_code", rows.district_code),
        ("district_name", district_name(rows.district_code)),
        ("period", str(period)),
        ("created_at", created_at.astimezone(THAI_TIME).isoformat(timespec="seconds")),
        ("program_version", program_version()),
        ("geo_data_version", geothai.DATA_VERSION),
        ("office_public_key", public_key),
        *counts,
        ("sales_total", f"{rows.sales_total():.2f}"),
        ("sha256", sha256),
        ("office_name", office.name),
        # An extra key (format 1 allows them): the district's audit trail as it stood, so
        # that a trail cut or edited afterwards no longer matches what the province holds.
        *([("audit_head", audit_head)] if audit_head else []),
    ]


def write_data_sheet(
    wb: Workbook,
    sheet: spec.DataSheet,
    rows: Sequence[Sequence[object]],
    progress: RowProgress,
    *,
    name: str | None = None,
) -> None:
    writer = SheetWriter(wb.create_sheet(name or sheet.name), [c.kind for c in sheet.columns])
    writer.size_columns(sheet.headers, rows[:SIZING_ROWS])
    writer.header(sheet.headers)
    for row in rows:
        writer.append(row)
        progress.advance()
    writer.filter_all(len(sheet.columns))


@contextmanager
def district_workbook(
    meta: list[tuple[str, object]], title: str, rows: DistrictRows, progress: RowProgress
) -> Iterator[Workbook]:
    with new_workbook() as wb:
        info = SheetWriter(wb.create_sheet(spec.META_SHEET), (spec.Kind.TEXT, spec.Kind.TEXT))
        info.size_columns((), meta, maximum=70)  # the public key whole
        for key, value in meta:
            info.append((key, value))
        write_district_summary(wb, title, tally(rows))
        for sheet, data in zip(spec.DATA_SHEETS, rows.sheets(), strict=True):
            write_data_sheet(wb, sheet, data, progress)
        yield wb


def _public_key(session: Session, office: Office, district_code: str) -> str:
    """The district office's key: this office's own on a district register; on a province
    register the one the district's last workbook carried, if any."""
    if office.kind == OfficeKind.DISTRICT.value:
        return office.signing_public_key
    known = session.get(DistrictKey, district_code)
    return known.public_key if known is not None else office.signing_public_key


def export_user(office: Office, user: str) -> str:
    """Who the export record names: the user given (checked as any typed text), else the
    office's officer, else the computer's login name."""
    check = Checker()
    user = check.text("user", user, required=False, max_len=USER_MAX)
    check.done()
    if user or office.officer_name:
        return (user or office.officer_name)[:USER_MAX]
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError):
        return ""


def export_monthly(
    register: Register,
    period: Period,
    out: Path,
    *,
    district_code: str | None = None,
    all_districts: bool = False,
    user: str = "",
    force: bool = False,
    progress: ProgressFn | None = None,
) -> list[ExportResult]:
    """Writes each district's workbook for ``period`` and records the export (and, on a
    district register, the month's 'submitted' lock) in the transaction that places the
    files. An existing workbook is replaced only with ``force``; a target that is a register
    or a backup never (otop_desktop.outputs.check_target). ``progress`` is called with
    (rows written, rows in all) and may raise to cancel: then nothing is written or
    recorded. Only a month that has ended is exported."""
    require_ended(period)
    results: list[ExportResult] = []
    register_db = register.path
    # Left in this order: the commit, then the files kept (or, on any error, taken out).
    with (
        PendingFiles(register_db=register_db, force=force) as files,
        register.write() as session,
    ):
        office = get_office(session)
        codes = districts_to_export(office, district_code, all_districts)
        targets = targets_for(out, codes, period, register_db=register_db)
        for target in targets.values():
            files.reserve(target)
        who = actor_of(session).name if has_accounts(session) else export_user(office, user)
        head = session.get(AuditHead, 1)
        audit_head = Head(head.last_id, head.last_hash).text() if head and head.last_id else ""
        data = collect(session, period, codes)
        counter = RowProgress(sum(r.row_count for r in data.values()), progress)
        created_at = datetime.now(THAI_TIME)
        for code in codes:
            rows = data[code]
            sha256 = spec.data_sha256(rows.sheets())
            key = _public_key(session, office, code)
            meta = metadata(office, key, rows, period, created_at, sha256, audit_head)
            title = f"สรุปข้อมูล OTOP อำเภอ{district_name(code)} งวด {period.label_th}"
            with district_workbook(meta, title, rows, counter) as wb:
                files.save(wb, targets[code])
            record = ExportRecord(
                kind=EXPORT_KIND,
                period=period.key,
                district_code=code,
                file_name=str(targets[code].resolve())[:500],
                sha256=sha256,
                personal_data=True,  # citizen IDs and phone numbers
                created_by=who,
            )
            session.add(record)
            if office.kind == OfficeKind.DISTRICT.value:
                record_submitted(session, code, period, record, who)
            results.append(
                ExportResult(
                    code,
                    targets[code],
                    {
                        s.rows_key: len(r)
                        for s, r in zip(spec.DATA_SHEETS, rows.sheets(), strict=True)
                    },
                    rows.sales_total(),
                    sha256,
                )
            )
        counter.finish()
        # The records first, then the files, then the commit: a failure before the
        # commit takes the files out again (PendingFiles), so that no workbook is
        # placed without its record nor recorded without being placed.
        session.flush()
        files.place()
    return results
