"""``print certificate|form|register|monthly|signin|survey|memo|standards|annual`` and
``verify``."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from otop_desktop.cli.args import (
    DB_HELP,
    EXIT_NOT_IN_REGISTER,
    EXIT_OK,
    EXIT_USAGE,
    USER_HELP,
    open_register,
    period_arg,
    secret,
)
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.outputs import check_target

#: The B.E. years a report may be asked for: OTOP began in 2544.
FIRST_YEAR, LAST_YEAR = 2544, 2643
#: The documents offices made by hand, and the annual report (printing.office_documents).
SIGNIN, SURVEY, MEMO, STANDARDS, ANNUAL = "signin", "survey", "memo", "standards", "annual"

FORCE_HELP = (
    "replace the file if it exists (never the register, its -wal/-shm/-journal, a backup "
    "or another database)"
)


def cmd_print(args: argparse.Namespace) -> int:
    from otop_desktop.printing.documents import DocumentKind, PrintOptions, render

    kind = DocumentKind(args.kind)
    if kind.per_record and not (args.registration or args.all or args.blank):
        raise UserError(
            "ระบุ --registration เลขทะเบียน หรือ --all (หรือ --blank สำหรับแบบว่าง)",
            "Give --registration NO, or --all (or --blank for an empty form)",
        )
    options = PrintOptions(
        registrations=tuple(args.registration or ()),
        district_code=args.district,
        blank=args.blank,
        period=args.period,
        thai_digits=args.thai_digits,
        show_personal=args.show_personal,
        printed_by=args.user or getpass.getuser(),
    )
    with open_register(args) as register:
        if kind is DocumentKind.CERTIFICATE and register.signing_key() is None:
            # A register with accounts: a head's password unlocks signing for this run.
            register.unlock_signing(
                args.user, secret("OTOP_PASSWORD", f"รหัสผ่านของ {args.user} / password")
            )
        printed = render(register, kind, options, out=args.out, force=args.force)
    print(f"{args.out}: {printed.documents:,} {kind.label_en.lower()}(s), {printed.pages:,} pages")
    for th, en in printed.notes():
        print(f"{th}\n{en}", file=sys.stderr)
    return EXIT_OK


def cmd_print_office(args: argparse.Namespace) -> int:
    """The documents offices made by hand, and the annual report (PDF or workbook)."""
    from otop_desktop.printing.office_documents import (
        OfficeDocument,
        OfficeOptions,
        render_office,
        write_annual_report,
    )

    kind = OfficeDocument(args.kind)
    options = OfficeOptions(
        training_id=getattr(args, "training", None),
        households=tuple(getattr(args, "household", None) or ()),
        blank=getattr(args, "blank", False),
        period=getattr(args, "period", None),
        number=getattr(args, "number", None) or "",
        months=getattr(args, "months", 6),
        district_code=getattr(args, "district", None),
        year=getattr(args, "year", None),
        calendar=getattr(args, "calendar", False),
        thai_digits=args.thai_digits,
    )
    if kind is OfficeDocument.SURVEY and not (options.households or options.blank or args.all):
        raise UserError(
            "ระบุ --household รหัสครัวเรือน หรือ --all (หรือ --blank สำหรับแบบว่าง)",
            "Give --household CODE, or --all (or --blank for an empty form)",
        )
    with open_register(args) as register:
        if kind is OfficeDocument.ANNUAL:
            check_target(args.out, register_db=register.path, force=args.force)
            written = write_annual_report(register, options, Path(args.out))
            which = "calendar" if options.calendar else "fiscal"
            print(f"{written}: annual report, {which} year {options.year}")
            return EXIT_OK
        printed = render_office(register, kind, options, out=args.out, force=args.force)
    documents = f"{printed.documents:,} forms, " if printed.documents > 1 else ""
    pages = "1 page" if printed.pages == 1 else f"{printed.pages:,} pages"
    print(f"{args.out}: {kind.label_en}, {documents}{pages}")
    return EXIT_OK


def training_arg(text: str) -> int:
    """A training's id as the trainings list shows it (argparse type)."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            f"a training's id is a whole number as the trainings list shows it, not {text!r}"
        )
    return int(text)


def year_arg(text: str) -> int:
    """A B.E. year such as 2565 (argparse type)."""
    if not (text.strip().isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR):
        raise argparse.ArgumentTypeError(f"a B.E. year such as 2565, not {text!r}")
    return int(text)


def months_arg(text: str) -> int:
    """Months ahead for the list of expiring standards (argparse type)."""
    from otop_desktop.printing.standards import MAX_MONTHS

    if not (text.strip().isdigit() and 1 <= int(text) <= MAX_MONTHS):
        raise argparse.ArgumentTypeError(
            f"months ahead: a whole number 1 to {MAX_MONTHS}, not {text!r}"
        )
    return int(text)


def cmd_verify(args: argparse.Namespace) -> int:
    from otop_desktop.printing.verify import verify_qr_text

    with Register.open(args.db) as register, register.read() as session:
        result = verify_qr_text(session, args.text)
    if not result.valid:
        print(result.one_line(), file=sys.stderr)
        return EXIT_USAGE
    if not result.in_register:
        print(result.one_line(), file=sys.stderr)
        return EXIT_NOT_IN_REGISTER
    print(result.one_line())
    return EXIT_OK


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Adds ``print`` and ``verify`` to the top-level commands."""
    printing = commands.add_parser("print", help="print certificates, forms, lists and reports")
    kinds = printing.add_subparsers(dest="kind", required=True, parser_class=type(printing))
    for kind, help_text in (
        ("certificate", "registration certificates with a signed QR code"),
        ("form", "registration forms, filled from records or blank"),
        ("register", "the register list by subdistrict"),
        ("monthly", "the monthly sales report"),
    ):
        sub = kinds.add_parser(kind, help=help_text)
        sub.add_argument("--db", required=True, help=DB_HELP)
        sub.add_argument("--user", help=USER_HELP)
        sub.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
        sub.add_argument("--force", action="store_true", help=FORCE_HELP)
        sub.add_argument("--thai-digits", action="store_true", help="digits as ๐–๙")
        sub.add_argument("--district", metavar="CODE", help="only this district, e.g. 5013")
        if kind in ("certificate", "form"):
            which = sub.add_mutually_exclusive_group()
            which.add_argument(
                "--registration",
                action="append",
                metavar="NO",
                help="registration number, e.g. 5013-2567-0042 (repeatable)",
            )
            which.add_argument("--all", action="store_true", help="every active record")
            if kind == "form":
                which.add_argument("--blank", action="store_true", help="the empty form")
        sub.set_defaults(run=cmd_print, registration=None, all=False, blank=False)
        sub.set_defaults(period=None, show_personal=False)
        if kind == "register":
            sub.add_argument(
                "--show-personal",
                action="store_true",
                help="full citizen IDs and phone numbers (the print is recorded)",
            )
        if kind == "monthly":
            sub.add_argument(
                "--period", required=True, type=period_arg, help="B.E. month, e.g. 2568-10"
            )

    _add_office_documents(kinds)

    verify = commands.add_parser("verify", help="check a certificate's QR code text")
    verify.add_argument("--db", required=True, help=DB_HELP)
    verify.add_argument("text", metavar="TEXT", help="the text the QR code holds")
    verify.set_defaults(run=cmd_verify)


def _add_office_documents(kinds: argparse._SubParsersAction[Any]) -> None:
    for kind, help_text in (
        (SIGNIN, "a training's sign-in sheet, with columns to sign"),
        (SURVEY, "the OFOS household survey form, filled or blank"),
        (MEMO, "the covering memo (บันทึกข้อความ) of the month's submission"),
        (STANDARDS, "product standards expiring in the next months"),
        (ANNUAL, "the annual OTOP report, as a PDF or a workbook"),
    ):
        sub = kinds.add_parser(kind, help=help_text)
        sub.add_argument("--db", required=True, help=DB_HELP)
        sub.add_argument("--user", help=USER_HELP)
        out = "FILE.pdf|FILE.xlsx" if kind == ANNUAL else "FILE.pdf"
        sub.add_argument("--out", required=True, metavar=out, help="the file to write")
        sub.add_argument("--force", action="store_true", help=FORCE_HELP)
        sub.add_argument("--thai-digits", action="store_true", help="digits as ๐–๙")
        sub.set_defaults(run=cmd_print_office, all=False)
        if kind == SIGNIN:
            sub.add_argument(
                "--training",
                required=True,
                type=training_arg,
                metavar="ID",
                help="the training's id, as the trainings list shows it",
            )
        elif kind == SURVEY:
            which = sub.add_mutually_exclusive_group()
            which.add_argument(
                "--household",
                action="append",
                metavar="CODE",
                help="household code, e.g. 501301-03-0001 (repeatable)",
            )
            which.add_argument("--all", action="store_true", help="every household")
            which.add_argument("--blank", action="store_true", help="the empty form")
        elif kind == MEMO:
            sub.add_argument(
                "--period", required=True, type=period_arg, help="B.E. month sent, e.g. 2569-10"
            )
            sub.add_argument(
                "--number",
                metavar="TEXT",
                help="the outgoing number (ที่), e.g. 'ชม 0019.13/123'; without it, a line "
                "to write it by hand",
            )
        elif kind == STANDARDS:
            sub.add_argument(
                "--months", type=months_arg, default=6, help="months ahead (1-24, default 6)"
            )
            sub.add_argument("--district", metavar="CODE", help="only this district, e.g. 5013")
        else:
            sub.add_argument("--year", required=True, type=year_arg, help="B.E. year, e.g. 2565")
            sub.add_argument(
                "--calendar",
                action="store_true",
                help="the calendar year (January-December) instead of the fiscal year "
                "(October-September, named by the year it ends in)",
            )
