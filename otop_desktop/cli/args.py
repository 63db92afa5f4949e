"""What every command of the command line shares: exit statuses and argument types."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.thaiformat import Period, ThaiDateError, parse_be_date

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2
#: ``verify``: a good signature on a number this register does not hold.
EXIT_NOT_IN_REGISTER = 3

DB_HELP = "register: a file path or a SQLAlchemy URL"


def period_arg(text: str) -> Period:
    """A B.E. month such as ``2568-10`` (argparse type)."""
    try:
        return Period.parse(text)
    except ThaiDateError as exc:
        raise argparse.ArgumentTypeError(exc.message_en) from exc


USER_HELP = "your account (once the register has accounts; password from OTOP_PASSWORD or a prompt)"


def be_date_arg(text: str) -> date:
    """A B.E. date such as ``2569-12-03`` or ``3/12/2569`` (argparse type)."""
    try:
        return parse_be_date(text)
    except ThaiDateError as exc:
        raise argparse.ArgumentTypeError(exc.message_en) from exc


def secret(variable: str, prompt: str) -> str:
    """A password from the environment variable, or typed at a prompt when there is a
    terminal; a script without either is told which variable to set."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"{prompt}: ")
    raise UserError(
        f"ไม่มีรหัสผ่าน: ตั้งตัวแปร {variable} หรือรันคำสั่งในหน้าต่างที่พิมพ์รหัสผ่านได้",
        f"No password: set {variable}, or run the command where it can be typed",
    )


def open_register(args: argparse.Namespace) -> Register:
    """The register of ``args.db``, logged in as ``args.user`` when it has accounts. On a
    register without accounts, ``--user`` is only the name the trail records."""
    register = Register.open(args.db)
    user = getattr(args, "user", None) or ""
    try:
        if register.has_accounts():
            if not user:
                raise UserError(
                    "ทะเบียนนี้มีบัญชีผู้ใช้: ระบุ --user ชื่อบัญชี",
                    "This register has accounts: give --user NAME",
                )
            register.login(user, secret("OTOP_PASSWORD", f"รหัสผ่านของ {user} / password"))
        elif user:
            register.act_as_named(user)
    except BaseException:
        register.close()
        raise
    return register
