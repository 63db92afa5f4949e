"""The command line: ``python -m otop_desktop COMMAND``. Exit status 0 on success, 2 on bad
input with one line in Thai and English on stderr, never a traceback."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import NoReturn

from platformdirs import user_log_path

from otop_desktop import cli_backup, cli_legacy, cli_print, cli_submission
from otop_desktop.cli_args import DB_HELP, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, period_arg
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.paths import APP_AUTHOR, APP_NAME
from otop_desktop.thaiformat import last_complete

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UserError(f"คำสั่งไม่ถูกต้อง: {message}", f"Bad command line: {message}")


def cmd_init(args: argparse.Namespace) -> int:
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
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from otop_desktop.demo import generate

    until = args.until or last_complete(date.today())
    with Register.open(args.db) as register:
        summary = generate(register, args.scale, seed=args.seed, until=until)
    print(
        f"{summary.scale} {summary.until}: {summary.entrepreneurs:,} ผู้ประกอบการ/entrepreneurs, "
        f"{summary.products:,} ผลิตภัณฑ์/products, {summary.sales:,} sales rows, "
        f"{summary.rows:,} rows in {summary.seconds:.1f} s"
    )
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from otop_desktop.services.stats import register_stats

    with Register.open(args.db) as register, register.read() as session:
        figures = register_stats(session)
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
    demo.add_argument("--scale", required=True, choices=["district", "province", "nation"])
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--until", type=period_arg, help="last month of sales, e.g. 2569-10")
    demo.set_defaults(run=cmd_demo)

    stats = commands.add_parser("stats", help="print the register's figures as JSON")
    stats.add_argument("--db", required=True, help=DB_HELP)
    stats.set_defaults(run=cmd_stats)

    exports = commands.add_parser("export", help="write files that leave the office")
    imports = commands.add_parser("import", help="read files into the register")
    export_kinds = exports.add_subparsers(dest="what", required=True, parser_class=_Parser)
    import_kinds = imports.add_subparsers(dest="what", required=True, parser_class=_Parser)
    cli_print.add_commands(commands)
    cli_submission.add_commands(export_kinds, import_kinds)
    cli_legacy.add_commands(import_kinds)
    cli_backup.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except UserError as exc:
        print(exc.one_line(), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("ยกเลิกแล้ว / Cancelled", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        logfile = user_log_path(APP_NAME, APP_AUTHOR, ensure_exists=True) / "otop-cli.log"
        logging.basicConfig(filename=logfile, level=logging.ERROR)
        log.exception("command failed")
        print(
            f"เกิดข้อผิดพลาดภายในโปรแกรม (รายละเอียดใน {logfile}) / "
            f"Internal error: {exc.__class__.__name__} (details in {logfile})",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
