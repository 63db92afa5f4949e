"""The command line: ``python -m otop_desktop COMMAND``. Exit status 0 on success, 2 on bad
input with one line in Thai and English on stderr, never a traceback."""

from __future__ import annotations

import argparse
import errno
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from otop_desktop.cli import accounts, backup, legacy, office, printing, submission
from otop_desktop.cli.args import (
    DB_HELP,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    USER_HELP,
    open_register,
    period_arg,
)
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import Subject, UserError, os_storage_error
from otop_desktop.logfile import private_log_handler
from otop_desktop.outputs import remove_leftovers

log = logging.getLogger(__name__)

#: Errors writing a file that are the PC's, not the program's: said plainly, never logged.
_FILE_CONDITIONS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UserError(f"คำสั่งไม่ถูกต้อง: {message}", f"Bad command line: {message}")


def cmd_init(args: argparse.Namespace) -> int:
    from otop_desktop.register_check import thai_search_warning
    from otop_desktop.services.office import init_register

    if args.nation:
        kind, code = OfficeKind.NATION, None
    elif args.province:
        kind, code = OfficeKind.PROVINCE, args.province
    else:
        kind, code = OfficeKind.DISTRICT, args.district
    with init_register(args.db, kind, code) as register:
        office = register.office()
        assert office is not None
        print(f"{office.name} ({office.kind} {office.district_code or office.province_code or ''})")
        # A server database whose locale leaves Thai out of the search index still works,
        # slowly: said here, with the fix, without failing the command.
        if (warning := thai_search_warning(register)) is not None:
            print(warning.one_line(), file=sys.stderr)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from otop_desktop.demo import generate

    with open_register(args) as register:
        # No --until: the last month that has ended in Thai time (generate's default).
        summary = generate(register, args.scale, seed=args.seed, until=args.until)
    print(
        f"{summary.scale} {summary.until}: {summary.entrepreneurs:,} ผู้ประกอบการ/entrepreneurs, "
        f"{summary.products:,} ผลิตภัณฑ์/products, {summary.sales:,} sales rows, "
        f"{summary.rows:,} rows in {summary.seconds:.1f} s"
    )
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from otop_desktop.services.stats import register_stats

    with Register.open(args.db) as register, register.read() as session:
        figures = register_stats(session, args.year, calendar=args.calendar)
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m otop_desktop", description="OTOP register")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    init = commands.add_parser("init", help="create or upgrade a register")
    init.add_argument("--db", required=True, help=DB_HELP)
    area = init.add_mutually_exclusive_group(required=True)
    area.add_argument("--district", metavar="CODE", help="district register, e.g. 5013")
    area.add_argument("--province", metavar="CODE", help="province register, e.g. 50")
    area.add_argument("--nation", action="store_true", help="national register")
    init.set_defaults(run=cmd_init)

    demo = commands.add_parser("demo", help="fill an empty register with synthetic data")
    demo.add_argument("--db", required=True, help=DB_HELP)
    demo.add_argument("--user", help=USER_HELP)
    demo.add_argument("--scale", required=True, choices=["district", "province", "nation"])
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--until", type=period_arg, help="last month of sales, e.g. 2569-10")
    demo.set_defaults(run=cmd_demo)

    stats = commands.add_parser("stats", help="print the register's figures as JSON")
    stats.add_argument("--db", required=True, help=DB_HELP)
    stats.add_argument(
        "--year",
        type=int,
        help="add a B.E. year's figures under 'year' (fiscal year, October–September)",
    )
    stats.add_argument(
        "--calendar", action="store_true", help="with --year: the calendar year instead"
    )
    stats.set_defaults(run=cmd_stats)
    office.add_commands(commands)

    exports = commands.add_parser("export", help="write files that leave the office")
    imports = commands.add_parser("import", help="read files into the register")
    export_kinds = exports.add_subparsers(dest="what", required=True, parser_class=_Parser)
    import_kinds = imports.add_subparsers(dest="what", required=True, parser_class=_Parser)
    printing.add_commands(commands)
    submission.add_commands(export_kinds, import_kinds)
    legacy.add_commands(import_kinds)
    backup.add_commands(commands)
    accounts.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    handler: logging.Handler
    logfile: Path | None
    try:
        file_handler = private_log_handler("otop-cli.log")
        handler, logfile = file_handler, Path(file_handler.baseFilename)
    except OSError:  # no log folder (a read-only or full home drive): the command still runs
        handler, logfile = logging.NullHandler(), None
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        return _run(argv, logfile)
    finally:
        root.removeHandler(handler)
        handler.close()


def _run(argv: Sequence[str] | None, logfile: Path | None) -> int:
    remove_leftovers()  # what a writer killed half-way left beside its files
    try:
        args = build_parser().parse_args(argv)
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except UserError as exc:
        return _refused(exc)
    except KeyboardInterrupt:
        print("ยกเลิกแล้ว / Cancelled", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The output went to a reader that stopped early (`stats | head`): not a fault. Python
        # would complain again flushing stdout at exit, so stdout goes nowhere from here.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        # A file the command writes or reads (not the register, whose conditions come as
        # UserErrors) on a full, read-only or failing drive, or out of the user's reach.
        if exc.errno in _FILE_CONDITIONS:
            where = str(exc.filename) if exc.filename else ""
            subject = Subject.file(where) if where else Subject("ไฟล์", "a file", "")
            error = os_storage_error(exc, subject, saving=False)
            if error is not None:
                return _refused(error)
        return _internal(exc, logfile)
    except Exception as exc:
        # The last resort: a fault of the program, with its details in the private log.
        return _internal(exc, logfile)


def _refused(exc: UserError) -> int:
    print(exc.one_line(), file=sys.stderr)
    return EXIT_USAGE


def _internal(exc: BaseException, logfile: Path | None) -> int:
    log.error("command failed", exc_info=exc)
    where_th = f" (รายละเอียดใน {logfile})" if logfile else ""
    where_en = f" (details in {logfile})" if logfile else ""
    print(
        f"เกิดข้อผิดพลาดภายในโปรแกรม{where_th} / Internal error: {exc.__class__.__name__}{where_en}",
        file=sys.stderr,
    )
    return EXIT_INTERNAL
