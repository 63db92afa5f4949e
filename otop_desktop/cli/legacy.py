"""``import legacy``: a clerk's old spreadsheet of producers and products.

The mapping it used goes to standard output as JSON (the form ``--mapping`` takes, so it can
be saved, corrected and given back); what it found and did goes to standard error."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from otop_desktop.cli.args import DB_HELP, EXIT_OK, EXIT_USAGE, USER_HELP, open_register
from otop_desktop.legacy import (
    Preview,
    Problem,
    RowsRefused,
    import_table,
    mapping_json,
    open_table,
    preview_table,
    suggest_mapping,
)
from otop_desktop.legacy.filling import check_fill, load_mapping_and_fill, parse_fill_options
from otop_desktop.legacy.rows import Row
from otop_desktop.services.incomplete import describe
from otop_desktop.validation import label


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def problem_line(problem: Problem) -> str:
    """``แถว 7 คอลัมน์ “เลขบัตร” (เลขประจำตัว): … / row 7, column “เลขบัตร” (ID number): …``"""
    th, en = label(problem.field) if problem.field else ("", "")
    where_th = f"แถว {problem.row}"
    where_en = f"row {problem.row}"
    if problem.heading:
        where_th += f" คอลัมน์ “{problem.heading}”"
        where_en += f", column “{problem.heading}”"
    if problem.field:
        where_th += f" ({th})"
        where_en += f" ({en})"
    return f"{where_th}: {problem.message_th} / {where_en}: {problem.message_en}"


def _report(preview: Preview) -> None:
    table = preview.table
    _say(
        f"ไฟล์ {table.file.name} แผ่นงาน {table.sheet} หัวตารางแถว {table.heading_row}: "
        f"{len(preview.rows):,} แถวข้อมูล ข้าม {len(preview.skipped):,} แถว / "
        f"{table.file.name}, sheet {table.sheet}, headings on row {table.heading_row}: "
        f"{len(preview.rows):,} data rows, {len(preview.skipped):,} skipped"
    )
    for problem in preview.problems:
        _say(problem_line(problem))
    for row in preview.rows:
        if row.incomplete and row.ok:
            _say(incomplete_line(row))


def incomplete_line(row: Row) -> str:
    """``แถว 7 ข้อมูลไม่ครบ ขาด ประเภทผู้ผลิต / row 7 incomplete, lacks producer type``"""
    th, en = describe(row.lacking_all())
    return (
        f"แถว {row.number} นำเข้าแบบข้อมูลไม่ครบ ขาด {th} / "
        f"row {row.number} goes in incomplete, lacking {en}"
    )


def _incomplete_note(count: int) -> str:
    if not count:
        return ""
    return (
        f" (ข้อมูลไม่ครบ {count:,} ราย ต้องกรอกให้ครบก่อนออกหนังสือรับรองหรือส่งรายงาน)"
        f" / ({count:,} incomplete: complete them before certificates or submissions)"
    )


def cmd_import_legacy(args: argparse.Namespace) -> int:
    table = open_table(args.file)
    if args.mapping:
        mapping, fill = load_mapping_and_fill(args.mapping, table)
    else:
        mapping, fill = suggest_mapping(table.headings), {}
    if args.fill:
        # The command line's values win over the mapping file's; a column chosen for a field
        # in the suggested mapping gives way to a value for every row.
        given = parse_fill_options(args.fill)
        if not args.mapping:
            mapping = {f: h for f, h in mapping.items() if f not in given}
        fill = check_fill(fill | given, mapping, "--fill")
    print(mapping_json(mapping, fill))
    with open_register(args) as register:
        if args.dry_run:
            preview = preview_table(register, table, mapping, fill=fill)
            _report(preview)
            if not preview.ok:
                _say(RowsRefused(preview).one_line())
                return EXIT_USAGE
            _say(
                f"ตรวจแล้วไม่พบปัญหา: ผู้ประกอบการ {preview.producer_count:,} ราย "
                f"ผลิตภัณฑ์ {preview.product_count:,} รายการ (ยังไม่ได้บันทึก) / "
                f"No problems: {preview.producer_count:,} producers, "
                f"{preview.product_count:,} products (nothing written: dry run)"
                + _incomplete_note(preview.incomplete_count)
            )
            return EXIT_OK
        try:
            result = import_table(register, table, mapping, fill=fill, rejects=args.rejects)
        except RowsRefused as refused:
            _report(refused.preview)
            _say(refused.one_line())
            return EXIT_USAGE
    for record in result.producers:
        before = f" ({record.previous_reg_no})" if record.previous_reg_no else ""
        mark = ""
        if record.incomplete:
            th, en = describe(record.lacking)
            mark = f" * ขาด {th} / lacks {en}"
        _say(f"{record.row}: {record.reg_no}{before} {record.name}{mark}")
    _say(
        f"นำเข้าผู้ประกอบการ {len(result.producers):,} ราย ผลิตภัณฑ์ {result.product_count:,} "
        f"รายการ / Imported {len(result.producers):,} producers, "
        f"{result.product_count:,} products" + _incomplete_note(result.incomplete_count)
    )
    if result.refused:
        for problem in (p for row in result.refused for p in row.problems):
            _say(problem_line(problem))
        _say(
            f"ไม่ได้นำเข้า {result.refused_rows:,} แถว บันทึกพร้อมเหตุผลไว้ที่ "
            f"{result.rejects_file} ให้แก้ไขแล้วนำเข้าใหม่ / {result.refused_rows:,} rows "
            f"refused, saved with their reasons to {result.rejects_file} to correct and "
            "import again"
        )
    return EXIT_OK


def add_commands(imports: argparse._SubParsersAction[Any]) -> None:
    """Adds ``legacy`` under ``import``."""
    legacy = imports.add_parser(
        "legacy",
        help="import a clerk's old spreadsheet of producers and products",
        description="Reads FILE (.xlsx, .xls or CSV in UTF-8 or TIS-620), prints the column "
        "mapping as JSON on standard output and every row's problems on standard error, and "
        "imports all rows in one transaction; exit status 2 and nothing written if any row "
        "is at fault (unless --rejects). Rows lacking only a producer type, a group's member "
        "count, a plausible registration date or a product category go in incomplete "
        "(marked * and counted by stats), to be completed before certificates and "
        "submissions.",
    )
    legacy.add_argument("--db", required=True, help=DB_HELP)
    legacy.add_argument("--user", help=USER_HELP)
    legacy.add_argument("file", metavar="FILE", help="the spreadsheet")
    legacy.add_argument(
        "--mapping",
        metavar="MAPPING.json",
        help="which column heading holds which field, as the command prints it",
    )
    legacy.add_argument(
        "--fill",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="a value for every row of a field the file has no column for, e.g. "
        'producer_type=รายเดียว or category=อาหาร (repeatable); printed under "fill" '
        "in the mapping",
    )
    legacy.add_argument(
        "--rejects",
        metavar="FILE.xlsx",
        help="import the good rows and save the refused ones (with the other rows of their "
        "producers) and their reasons to this new file; exit 0 when the good rows went in",
    )
    legacy.add_argument(
        "--dry-run", action="store_true", help="check and report only; write nothing"
    )
    legacy.set_defaults(run=cmd_import_legacy)
