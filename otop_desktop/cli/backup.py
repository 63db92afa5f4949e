"""``backup``, ``backups``, ``restore`` and ``check``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from otop_desktop.accounts.roles import require
from otop_desktop.backup import server, settings, sidecar
from otop_desktop.backup.make import make_backup, register_file
from otop_desktop.backup.restore import restore
from otop_desktop.backup.sqlite_file import office_row, read_only
from otop_desktop.cli.args import DB_HELP, EXIT_OK, EXIT_USAGE, USER_HELP, open_register
from otop_desktop.database import Register, database_url
from otop_desktop.errors import UserError
from otop_desktop.models.accounts import HEAD
from otop_desktop.register_check import check_register


def describe(info: sidecar.BackupInfo) -> str:
    """One line of the list of backups: when, why, what it holds, where."""
    made = info.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
    newest = max(info.highest.values(), key=lambda n: n[5:], default="-")
    return (
        f"{made}  {info.reason:<7}  {info.entrepreneurs:>7,} ผู้ประกอบการ/entrepreneurs  "
        f"{info.products:>7,} ผลิตภัณฑ์/products  {info.size / 1e6:7.1f} MB  "
        f"schema {info.schema}  เลขล่าสุด/newest number {newest}\n    {info.file}"
    )


def cmd_backup(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        out = Path(args.out) if args.out else None
        if register.path is None:  # a server's register: the server's pg_dump
            print(f"สำรองไว้ที่/backed up to {server.dump(register, out)}")
            return EXIT_OK
        info = make_backup(register, out, user=args.user or "")
    print(describe(info))
    return EXIT_OK


def _register_id(db: str) -> str:
    url = database_url(db)
    if url.get_backend_name() != "sqlite":
        with Register.open(db) as register:
            register_file(register)  # says a server's backups are the server's
    path = Path(url.database or "")
    if not path.is_file():
        raise UserError(f"ไม่พบทะเบียน {db}", f"No register at {db}")
    with read_only(path) as conn:
        return office_row(conn)["register_id"]


def cmd_backups(args: argparse.Namespace) -> int:
    register_id = _register_id(args.db)
    folder = settings.folder_of(register_id)
    found = sidecar.in_folder(folder, register_id)
    print(f"{folder}: {len(found):,} ไฟล์สำรอง/backups")
    for info in found:
        print(describe(info))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    url = database_url(args.db)
    if url.get_backend_name() != "sqlite":
        return _restore_server(args)
    db = Path(url.database or "")
    _may_restore(args, db)
    done = restore(db, Path(args.source) if args.source else None, by=args.user or "")
    print(f"กู้คืนจาก/restored from {done.source}")
    if done.set_aside is not None:
        print(f"ทะเบียนเดิมเก็บไว้ที่/the register that was there is kept as {done.set_aside}")
    if done.numbers_raised:
        print(
            f"เลขที่ออกไปแล้วหลังการสำรอง {done.numbers_raised:,} ชุดจะไม่ถูกใช้ซ้ำ / "
            f"{done.numbers_raised:,} number sequences drawn after the backup will not be reused"
        )
    return EXIT_OK


def _restore_server(args: argparse.Namespace) -> int:
    """A server's register is restored from a pg_dump file named with --from."""
    if not args.source:
        raise UserError(
            "ทะเบียนบนเซิร์ฟเวอร์กู้คืนจากไฟล์ของ pg_dump: ระบุด้วย --from FILE.pgdump",
            "A server's register is restored from a pg_dump file: name it with --from FILE.pgdump",
        )
    with open_register(args) as current:
        if current.has_accounts():
            with current.read() as session:
                require(session, HEAD, "กู้คืนทะเบียนจากไฟล์สำรอง", "restore the register")
    server.restore_dump(args.db, Path(args.source))
    print(f"กู้คืนจาก/restored from {args.source}")
    return EXIT_OK


def _may_restore(args: argparse.Namespace, db: Path) -> None:
    """On a register with accounts only a head restores: logged in on the register as it is
    (a register too damaged to open has no one to ask, and is set aside anyway)."""
    try:
        register = Register.open(db)
    except UserError:
        return
    with register:
        if register.has_accounts():
            register.close()
            with open_register(args) as current, current.read() as session:
                require(session, HEAD, "กู้คืนทะเบียนจากไฟล์สำรอง", "restore the register")


def cmd_check(args: argparse.Namespace) -> int:
    with Register.open(args.db) as register:
        problems = check_register(register)
    if problems:
        for problem in problems:
            print(problem.one_line(), file=sys.stderr)
        return EXIT_USAGE
    print("ทะเบียนสมบูรณ์ / The register is sound")
    return EXIT_OK


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    backup = commands.add_parser("backup", help="back the register up (checked, with a sidecar)")
    backup.add_argument("--db", required=True, help=DB_HELP)
    backup.add_argument("--user", help=USER_HELP)
    backup.add_argument(
        "--out",
        metavar="FILE_OR_DIR",
        help="a folder, or a new file ending .otopbackup (.pgdump for a server; default: the "
        "register's backup folder)",
    )
    backup.set_defaults(run=cmd_backup)

    backups = commands.add_parser("backups", help="list the register's backups")
    backups.add_argument("--db", required=True, help=DB_HELP)
    backups.set_defaults(run=cmd_backups)

    restore_cmd = commands.add_parser("restore", help="restore a backup over the register")
    restore_cmd.add_argument("--db", required=True, help=DB_HELP)
    restore_cmd.add_argument("--user", help=USER_HELP)
    restore_cmd.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        help="the backup (default: the newest in the register's backup folder)",
    )
    restore_cmd.set_defaults(run=cmd_restore)

    check = commands.add_parser("check", help="check the register (exit 2 with what is wrong)")
    check.add_argument("--db", required=True, help=DB_HELP)
    check.set_defaults(run=cmd_check)
