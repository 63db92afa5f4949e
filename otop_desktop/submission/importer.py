"""The province's import of district workbooks: each file read and checked outside any
transaction, then stored in its own one. A rejected file changes nothing and the others are
still read; a later file for the same district and month replaces the earlier one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from otop_desktop.audit.record import bulk
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.register_check import ensure_sound
from otop_desktop.submission.import_store import store_submission
from otop_desktop.submission.reader import Reason, RejectedFile, read_workbook
from otop_desktop.submission.reader_records import check_submission
from otop_desktop.thaiformat import Period

#: Called with (files done, files in all) before each file and at the end; may raise (e.g.
#: ui.jobs.Cancelled) to stop: the files already stored stay stored, the current one is
#: rolled back.
ProgressFn = Callable[[int, int], None]


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
) -> list[FileResult]:
    """Imports each file in its own transaction (with ``dry_run`` every check runs, the
    results say what would happen, and nothing is kept)."""
    province = province_code_of(register)
    if not dry_run:
        with register.read() as session:
            ensure_sound(session)
    results: list[FileResult] = []
    for done, path in enumerate(paths):
        if progress is not None:
            progress(done, len(paths))
        results.append(_import_one(register, Path(path), province, dry_run=dry_run))
    if progress is not None:
        progress(len(paths), len(paths))
    return results


def _import_one(register: Register, path: Path, province: str, *, dry_run: bool) -> FileResult:
    try:
        submission = check_submission(read_workbook(path), province)
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
