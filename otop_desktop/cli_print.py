"""``print certificate|form|register|monthly`` and ``verify``."""

from __future__ import annotations

import argparse
import getpass
import sys

from otop_desktop.cli_args import (
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


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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

    verify = commands.add_parser("verify", help="check a certificate's QR code text")
    verify.add_argument("--db", required=True, help=DB_HELP)
    verify.add_argument("text", metavar="TEXT", help="the text the QR code holds")
    verify.set_defaults(run=cmd_verify)
