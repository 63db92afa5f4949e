"""``user add|list|passwd|role|disable|enable|recover``, ``audit`` and ``key replace``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from otop_desktop.accounts import service
from otop_desktop.audit.query import AuditFilter, every
from otop_desktop.audit.workbook import write_trail
from otop_desktop.cli.args import (
    DB_HELP,
    EXIT_OK,
    USER_HELP,
    be_date_arg,
    open_register,
    secret,
)
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.services.entrepreneurs import find_by_reg_no
from otop_desktop.services.personal import anonymise
from otop_desktop.thaiformat import format_be_date

NEW_PASSWORD = "OTOP_NEW_PASSWORD"


def _new_password(name: str) -> str:
    return secret(NEW_PASSWORD, f"รหัสผ่านใหม่ของ {name} / new password")


def cmd_user_add(args: argparse.Namespace) -> int:
    register = Register.open(args.db)
    with register:
        first = not register.has_accounts()
        if not first:
            register.close()
            register = open_register(args)
        elif args.role != "head":
            raise UserError(
                "บัญชีแรกของทะเบียนต้องเป็นหัวหน้าสำนักงาน (--role head)",
                "The register's first account must be a head (--role head)",
            )
        password = _new_password(args.name)
        acting = (
            secret("OTOP_PASSWORD", "รหัสผ่านของคุณ / your password")
            if not first and args.role == "head"
            else ""
        )
        with register.write(system=first) as session:
            added = service.add_account(
                session, args.name, args.role, password, acting_password=acting
            )
    print(f"เพิ่มบัญชี/added {args.name} ({args.role})")
    if added.recovery_code:
        print(
            "รหัสกู้คืน (จดไว้ในที่ปลอดภัย ใช้เมื่อไม่มีหัวหน้าคนใดจำรหัสผ่านได้) / "
            "recovery code (write it down; it is shown once):"
        )
        print(added.recovery_code)
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    with open_register(args) as register, register.read() as session:
        for account in service.list_accounts(session):
            state = " (ปิดใช้/disabled)" if account.disabled else ""
            print(f"{account.name}\t{account.role}\t{service.role_label(account.role)}{state}")
    return EXIT_OK


def cmd_user_passwd(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        new = _new_password(args.name)
        with register.write() as session:
            if args.name == (args.user or ""):
                old = secret("OTOP_PASSWORD", "รหัสผ่านเดิม / current password")
                service.change_password(session, args.name, old, new)
            else:
                acting = secret("OTOP_PASSWORD", "รหัสผ่านของคุณ / your password")
                service.reset_password(session, args.name, new, acting_password=acting)
    print(f"ตั้งรหัสผ่านใหม่ของ {args.name} แล้ว / {args.name}'s password is set")
    return EXIT_OK


def cmd_user_role(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        new = _new_password(args.name) if args.role == "head" else ""
        acting = secret("OTOP_PASSWORD", "รหัสผ่านของคุณ") if args.role == "head" else ""
        with register.write() as session:
            service.set_role(
                session, args.name, args.role, new_password=new, acting_password=acting
            )
    print(f"{args.name}: {args.role}")
    return EXIT_OK


def cmd_user_disable(args: argparse.Namespace) -> int:
    with open_register(args) as register, register.write() as session:
        service.set_disabled(session, args.name, args.disable)
    print(f"{args.name}: {'disabled' if args.disable else 'enabled'}")
    return EXIT_OK


def cmd_user_recover(args: argparse.Namespace) -> int:
    code = secret("OTOP_RECOVERY_CODE", "รหัสกู้คืน / recovery code")
    password = _new_password(args.name)
    with Register.open(args.db) as register:
        fresh = register.recover(code, args.name, password)
    print(f"{args.name} เป็นหัวหน้าสำนักงานแล้ว / {args.name} is a head of office")
    print("รหัสกู้คืนใหม่ (รหัสเดิมใช้ไม่ได้แล้ว) / the new recovery code (the old one is used up):")
    print(fresh)
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    where = AuditFilter(
        actor=args.by or "",
        record=args.record or "",
        action=args.action or "",
        since=args.since,
        until=args.until,
    )
    with open_register(args) as register:
        if args.out:
            written = write_trail(register, where, Path(args.out), force=args.force)
            print(f"{written.path}: {written.rows:,} รายการ/entries")
            return EXIT_OK
        with register.read() as session:
            for row in every(session, where):
                at = format_be_date(row.at.astimezone().date())
                clock = row.at.astimezone().strftime("%H:%M:%S")
                print(
                    f"{row.id}\t{at} {clock}\t{row.actor}\t{row.action}\t{row.entity}\t"
                    f"{row.record}\t{row.summary()}"
                )
    return EXIT_OK


def cmd_anonymise(args: argparse.Namespace) -> int:
    with open_register(args) as register, register.write() as session:
        entrepreneur = find_by_reg_no(session, args.registration)
        reg_no = anonymise(session, entrepreneur.id)
    print(
        f"ลบข้อมูลส่วนบุคคลของ {reg_no} แล้ว (ยอดต่าง ๆ ยังอยู่) / "
        f"{reg_no}'s personal data is removed (its figures stay)"
    )
    return EXIT_OK


def cmd_key_replace(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        if not register.has_accounts():
            raise UserError(
                "ทะเบียนที่ยังไม่มีบัญชีผู้ใช้ยังไม่ได้เข้ารหัสกุญแจ เพิ่มหัวหน้าสำนักงานก่อน",
                "The key of a register without accounts is not sealed: add a head first",
            )
        password = secret("OTOP_PASSWORD", "รหัสผ่านของคุณ / your password")
        with register.write() as session:
            public = service.replace_signing_key(session, args.user, password)
    print(f"กุญแจลงนามใหม่/new signing key {public}")
    return EXIT_OK


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    user = commands.add_parser("user", help="the register's accounts")
    kinds = user.add_subparsers(dest="what", required=True, parser_class=type(user))

    def sub(
        name: str, help_text: str, run: object, *, named: bool = True
    ) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = kinds.add_parser(name, help=help_text)
        parser.add_argument("--db", required=True, help=DB_HELP)
        parser.add_argument("--user", help=USER_HELP)
        if named:
            parser.add_argument("name", metavar="NAME")
        parser.set_defaults(run=run)
        return parser

    add = sub("add", "add an account (the first must be a head)", cmd_user_add)
    add.add_argument("--role", required=True, choices=["clerk", "head", "viewer"])
    sub("list", "list the accounts", cmd_user_list, named=False)
    sub("passwd", "set a password (yours, or as a head another's)", cmd_user_passwd)
    role = sub("role", "change an account's role", cmd_user_role)
    role.add_argument("role", choices=["clerk", "head", "viewer"])
    sub("disable", "disable an account", cmd_user_disable).set_defaults(disable=True)
    sub("enable", "enable an account", cmd_user_disable).set_defaults(disable=False)
    sub("recover", "make NAME a head with the recovery code", cmd_user_recover)

    audit = commands.add_parser("audit", help="read the audit trail (newest first)")
    audit.add_argument("--db", required=True, help=DB_HELP)
    audit.add_argument("--user", help=USER_HELP)
    audit.add_argument("--since", type=be_date_arg, help="B.E. date, e.g. 2569-12-01")
    audit.add_argument("--until", type=be_date_arg, help="B.E. date (inclusive)")
    audit.add_argument("--record", metavar="NO", help="a registration number or code")
    audit.add_argument("--by", metavar="NAME", help="who acted")
    audit.add_argument("--action", help="create, update, delete, export, print, login, …")
    audit.add_argument("--out", metavar="FILE.xlsx", help="write the entries as a workbook")
    audit.add_argument("--force", action="store_true", help="replace an existing --out file")
    audit.set_defaults(run=cmd_audit)

    forget = commands.add_parser(
        "anonymise", help="remove a closed business's personal data after its retention period"
    )
    forget.add_argument("--db", required=True, help=DB_HELP)
    forget.add_argument("--user", help=USER_HELP)
    forget.add_argument("--registration", required=True, metavar="NO")
    forget.set_defaults(run=cmd_anonymise)

    key = commands.add_parser("key", help="the office's signing key")
    key_kinds = key.add_subparsers(dest="what", required=True, parser_class=type(key))
    replace = key_kinds.add_parser("replace", help="a new key pair (a head's password)")
    replace.add_argument("--db", required=True, help=DB_HELP)
    replace.add_argument("--user", required=True, help=USER_HELP)
    replace.set_defaults(run=cmd_key_replace)
