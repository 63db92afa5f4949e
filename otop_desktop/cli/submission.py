"""``export monthly``, ``export province``, ``import submission`` and ``import withdraw``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from otop_desktop.cli.args import DB_HELP, EXIT_OK, EXIT_USAGE, USER_HELP, open_register, period_arg
from otop_desktop.cli.printing import FORCE_HELP

# --- export monthly, export province ----------------------------------------------------


def cmd_export_monthly(args: argparse.Namespace) -> int:
    from otop_desktop.submission.export import export_monthly

    with open_register(args) as register:
        results = export_monthly(
            register,
            args.period,
            Path(args.out),
            district_code=args.district,
            all_districts=args.all_districts,
            user=args.user or "",
            force=args.force,
        )
    for r in results:
        counts = ", ".join(f"{key.removeprefix('rows_')} {n:,}" for key, n in r.rows.items())
        print(f"{r.path}  {counts}; sales {r.sales_total:,.2f} baht; sha256 {r.sha256}")
    return EXIT_OK


def cmd_export_province(args: argparse.Namespace) -> int:
    from otop_desktop.submission.provincial import export_province

    with open_register(args) as register:
        result = export_province(
            register, args.period, Path(args.out), user=args.user or "", force=args.force
        )
    counts = ", ".join(f"{key.removeprefix('rows_')} {n:,}" for key, n in result.rows.items())
    print(
        f"{result.path}  {result.districts_with_data} districts with data; {counts};"
        f" sales {result.sales_total:,.2f} baht"
    )
    return EXIT_OK


def add_export_commands(exports: argparse._SubParsersAction[Any]) -> None:
    monthly = exports.add_parser(
        "monthly",
        help="the month's submission workbook of a district (or of every district)",
        description="Writes OTOP-<district>-<YYYYMM>.xlsx (monthly-submission.md) and, on a "
        "district register, marks the month as submitted.",
    )
    monthly.add_argument("--db", required=True, help=DB_HELP)
    monthly.add_argument("--period", required=True, type=period_arg, help="B.E. month, 2568-10")
    which = monthly.add_mutually_exclusive_group()
    which.add_argument("--district", metavar="CODE", help="on a province register: a district")
    which.add_argument(
        "--all-districts", action="store_true", help="on a province register: every district"
    )
    monthly.add_argument(
        "--out", required=True, help="a folder (files get their standard names) or a .xlsx file"
    )
    monthly.add_argument("--user", help=USER_HELP)
    monthly.add_argument("--force", action="store_true", help=FORCE_HELP)
    monthly.set_defaults(run=cmd_export_monthly)

    province = exports.add_parser(
        "province", help="the consolidated provincial workbook of a month"
    )
    province.add_argument("--db", required=True, help=DB_HELP)
    province.add_argument("--period", required=True, type=period_arg, help="B.E. month, 2568-10")
    province.add_argument("--out", required=True, help="a .xlsx file or a folder")
    province.add_argument("--user", help=USER_HELP)
    province.add_argument("--force", action="store_true", help=FORCE_HELP)
    province.set_defaults(run=cmd_export_province)


# --- import submission (S2) -------------------------------------------------------------


def cmd_import_submission(args: argparse.Namespace) -> int:
    from otop_desktop.outputs import check_target
    from otop_desktop.submission.province_import import FileResult, import_submissions
    from otop_desktop.submission.reasons import ReasonsFormat, reasons_name, save_reasons

    paths = [Path(f) for f in args.files]
    kind = ReasonsFormat(args.reasons_as)
    if args.reasons:
        # Every file's reasons file is checked before the first workbook is read: a run is
        # not stopped half-way by a reasons file it may not replace.
        for path in paths:
            check_target(Path(args.reasons) / reasons_name(path, kind), force=args.force)

    def report(r: FileResult) -> None:
        """One file's fate, printed (and flushed) as soon as its transaction has ended, so
        that a run stopped half-way still says which files went in."""
        if not r.accepted:
            print(f"ไม่รับ / rejected: {r.path}", file=sys.stderr)
            for reason in r.reasons:
                print(f"  - {reason.text_th} / {reason.text_en}", file=sys.stderr)
            if args.reasons:
                (saved,) = save_reasons(
                    [r], Path(args.reasons), kind, register_db=args.db, force=args.force
                )
                print(f"  เหตุผลบันทึกใน / reasons saved in {saved}", file=sys.stderr)
            sys.stderr.flush()
            return
        notes = [f"district {r.district_code}, period {r.period}"]
        notes.append(
            f"entrepreneurs {r.entrepreneurs:,}, products {r.products:,}, sales {r.sales:,}, "
            f"households {r.households:,}, support {r.support:,}"
        )
        if r.replaced:
            notes.append("replaces the earlier file of that month")
        if not r.snapshot:
            notes.append("an older month: the register snapshot of a later month is kept")
        done = "ตรวจผ่าน / would be accepted" if args.dry_run else "รับแล้ว / accepted"
        print(f"{done}: {r.path} ({'; '.join(notes)})")
        for warning in r.warnings:
            print(f"  ! {warning.text_th} / {warning.text_en}")
        sys.stdout.flush()

    with open_register(args) as register:
        results = import_submissions(register, paths, dry_run=args.dry_run, on_result=report)
    if args.dry_run:
        print("ทดลองเท่านั้น ไม่มีการบันทึก / dry run: nothing was changed")
    return EXIT_USAGE if any(not r.accepted for r in results) else EXIT_OK


def cmd_withdraw_submission(args: argparse.Namespace) -> int:
    from otop_desktop.errors import UserError
    from otop_desktop.submission.withdraw import withdraw

    if args.district and args.period is None:
        raise UserError(
            "ระบุงวดของแบบฟอร์มที่จะถอนด้วย --period เช่น 2568-10",
            "Give the month of the workbook to withdraw with --period, e.g. 2568-10",
        )
    with open_register(args) as register:
        done = withdraw(
            register, received_id=args.id, district=args.district or "", period=args.period
        )
    print(
        f"ถอนแล้ว / withdrawn: {done.file_name} (district {done.district_code}, period "
        f"{done.period}); the district's earlier data is back"
    )
    return EXIT_OK


def add_import_commands(imports: argparse._SubParsersAction[Any]) -> None:
    submission = imports.add_parser(
        "submission",
        help="district monthly workbooks, into a province register",
        description="Reads each OTOP-<district>-<YYYYMM>.xlsx in its own transaction; a "
        "refused file changes nothing. Exit status 2 if any file was refused.",
    )
    submission.add_argument("--db", required=True, help=DB_HELP)
    submission.add_argument("--user", help=USER_HELP)
    submission.add_argument("files", nargs="+", metavar="FILE", help="district workbooks")
    submission.add_argument(
        "--dry-run", action="store_true", help="check the files and report; change nothing"
    )
    submission.add_argument(
        "--reasons",
        metavar="FOLDER",
        help="save each refused file's reasons in FOLDER as <file>-reasons.xlsx (or .txt), "
        "to send back to its district",
    )
    submission.add_argument(
        "--reasons-as",
        choices=["xlsx", "txt"],
        default="xlsx",
        help="the reasons as a workbook (default) or as text",
    )
    submission.add_argument(
        "--force", action="store_true", help="replace reasons files already in FOLDER"
    )
    submission.set_defaults(run=cmd_import_submission)

    withdrawal = imports.add_parser(
        "withdraw",
        help="withdraw an accepted district workbook (a head only)",
        description="Brings back the district's register and months as they were before "
        "the file, in one transaction, recorded in the audit trail. A district's files are "
        "withdrawn newest first.",
    )
    withdrawal.add_argument("--db", required=True, help=DB_HELP)
    withdrawal.add_argument("--user", help=USER_HELP)
    which = withdrawal.add_mutually_exclusive_group(required=True)
    which.add_argument("--district", metavar="CODE", help="the district (with --period)")
    which.add_argument("--id", type=int, help="the accepted file's number")
    withdrawal.add_argument("--period", type=period_arg, help="B.E. month, 2568-10")
    withdrawal.set_defaults(run=cmd_withdraw_submission)


def add_commands(
    exports: argparse._SubParsersAction[Any],
    imports: argparse._SubParsersAction[Any],
) -> None:
    """Adds ``monthly`` and ``province`` under ``export``, ``submission`` and ``withdraw``
    under ``import``."""
    add_export_commands(exports)
    add_import_commands(imports)
