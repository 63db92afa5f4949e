"""The province's import of district workbooks: each file read and checked outside any
transaction, then stored in its own one. A rejected file changes nothing and the others are
still read; a later file for the same district and month replaces the earlier one. Whatever
goes wrong while one file is checked or stored is a reason for that file, never an error of
the whole run."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.exc import DataError, IntegrityError

from otop_desktop.audit.record import bulk
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.register_check import ensure_sound
from otop_desktop.submission.month_store import store_submission
from otop_desktop.submission.workbook_reading import Reason, RejectedFile, read_workbook
from otop_desktop.submission.workbook_records import check_submission
from otop_desktop.thaiformat import Period

#: Called with each file's result as soon as it is known: after its transaction has
#: committed (or been rolled back, for a dry run or a refused file).
ResultFn = Callable[["FileResult"], None]

#: Called with (files done, files in all) before each file and at the end; may raise (e.g.
#: ui.jobs.Cancelled) to stop: the files already stored stay stored, the current one is
#: rolled back.
ProgressFn = Callable[[int, int], None]

log = logging.getLogger(__name__)

#: What checking or storing one file may raise because of what the file holds: the file is
#: refused with it (its transaction rolled back) and the next file is read. A value that
#: the checks should have caught, so it is logged with its traceback too. Type and lookup
#: errors are among them: a reader that meets a cell of a type it did not expect (a TRUE in
#: the format_version cell) must cost that file, not the batch.
_FILE_FAULTS = (
    UserError,
    ValueError,
    ArithmeticError,
    LookupError,
    TypeError,
    DataError,
    IntegrityError,
)


@dataclass
class FileResult:
    """What became of one file."""

    path: Path
    accepted: bool
    #: Why the file was refused, each naming the sheet, row and column (empty if accepted).
    reasons: list[Reason] = field(default_factory=list)
    #: What was flagged without refusing the file.
    warnings: list[Reason] = field(default_factory=list)
    district_code: str = ""
    period: Period | None = None
    #: An earlier file for the same district and month was replaced.
    replaced: bool = False
    #: False when an older month came in late: its figures were stored, the register
    #: snapshot was left as the newer month has it.
    snapshot: bool = False
    entrepreneurs: int = 0
    products: int = 0
    sales: int = 0
    households: int = 0
    support: int = 0


class _DryRun(Exception):
    """Rolls back a dry run's transaction once everything has been checked."""


def province_code_of(register: Register) -> str:
    office = register.office()
    if office is None or office.kind != OfficeKind.PROVINCE or not office.province_code:
        raise UserError(
            "นำเข้าแบบฟอร์มส่งรายเดือนของอำเภอได้เฉพาะในทะเบียนของจังหวัด",
            "District workbooks can be imported only into a province register",
        )
    return office.province_code


def import_submissions(
    register: Register,
    paths: Sequence[Path],
    progress: ProgressFn | None = None,
    *,
    dry_run: bool = False,
    on_result: ResultFn | None = None,
    today: date | None = None,
) -> list[FileResult]:
    """Imports each file in its own transaction (with ``dry_run`` every check runs, the
    results say what would happen, and nothing is kept). ``on_result`` hears each file's
    fate as it happens; ``today`` is the province's date (Thai time by default)."""
    province = province_code_of(register)
    if not dry_run:
        with register.read() as session:
            ensure_sound(session)
    results: list[FileResult] = []
    for done, path in enumerate(paths):
        if progress is not None:
            progress(done, len(paths))
        result = _judged(register, Path(path), province, dry_run=dry_run, today=today)
        results.append(result)
        if on_result is not None:
            on_result(result)
    if progress is not None:
        progress(len(paths), len(paths))
    return results


def _judged(
    register: Register, path: Path, province: str, *, dry_run: bool, today: date | None
) -> FileResult:
    """One file's result, whatever the file holds: the last line of defence behind the
    reader's checks (the transaction of a file refused here has been rolled back)."""
    try:
        return _import_one(register, path, province, dry_run=dry_run, today=today)
    except _FILE_FAULTS as exc:
        if isinstance(exc, RejectedFile):
            return FileResult(path, accepted=False, reasons=exc.reasons)
        if isinstance(exc, UserError):
            return FileResult(
                path, accepted=False, reasons=[Reason(exc.message_th, exc.message_en)]
            )
        # Where it happened, but not the error's text: it may carry a value from the file (a
        # name, a citizen ID), which must not reach the log or the reasons sent back.
        detail = exc.__class__.__name__
        log.error(
            "import of %s refused by an unexpected %s at\n%s",
            path.name,
            detail,
            "".join(traceback.format_tb(exc.__traceback__)),
        )
        return FileResult(
            path,
            accepted=False,
            reasons=[
                Reason(
                    f"ไม่รับไฟล์: ตรวจหรือบันทึกข้อมูลในไฟล์ไม่ได้ ({detail}) ไม่มีการเปลี่ยนแปลงใด",
                    f"file refused: its data could not be checked or stored ({detail}); "
                    "nothing was changed",
                )
            ],
        )


def _import_one(
    register: Register, path: Path, province: str, *, dry_run: bool, today: date | None
) -> FileResult:
    try:
        submission = check_submission(read_workbook(path), province, today)
    except RejectedFile as exc:
        return FileResult(path, accepted=False, reasons=exc.reasons)
    except UserError as exc:  # not a workbook, or not a safe one
        return FileResult(path, accepted=False, reasons=[Reason(exc.message_th, exc.message_en)])
    result = FileResult(
        path,
        accepted=True,
        district_code=submission.district_code,
        period=submission.period,
        entrepreneurs=len(submission.entrepreneurs),
        products=len(submission.products),
        sales=len(submission.sales),
        households=len(submission.households),
        support=len(submission.support),
    )
    try:
        with (
            register.write() as session,
            bulk(
                session,
                "import_workbook",
                {
                    "file": str(path),
                    "sha256": submission.sha256,
                    "district": submission.district_code,
                    "period": str(submission.period),
                    "entrepreneurs": result.entrepreneurs,
                    "products": result.products,
                    "sales": result.sales,
                },
            ),
        ):
            stored = store_submission(session, submission)
            result.warnings = list(stored.warnings)
            result.replaced = stored.replaced
            result.snapshot = stored.snapshot
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return result
