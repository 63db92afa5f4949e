"""The reasons a district workbook was refused, saved to send back to the district: a small
workbook (one row per reason, with its sheet, row and column in cells of their own, so the
district can sort and tick them off) or plain text. Written whole or not at all, and never
over an existing file unless asked (otop_desktop.outputs)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from otop_desktop.submission.province_import import FileResult
from otop_desktop.submission.spec import Kind
from otop_desktop.submission.workbook import PendingFiles, SheetWriter, new_workbook
from otop_desktop.submission.workbook_reading import Reason

SHEET = "เหตุผลที่ไม่รับ"
HEADERS = (
    "ไฟล์ / file",
    "ชีต / sheet",
    "แถว / row",
    "คอลัมน์ / column",
    "เหตุผล",
    "reason",
)
_KINDS = (Kind.TEXT, Kind.TEXT, Kind.NUMBER, Kind.TEXT, Kind.TEXT, Kind.TEXT)
#: Characters an .xlsx cannot hold (a reason may quote a hostile cell): shown as U+FFFD.
_NOT_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class ReasonsFormat(StrEnum):
    XLSX = "xlsx"
    TEXT = "txt"


def reasons_name(workbook: Path, kind: ReasonsFormat = ReasonsFormat.XLSX) -> str:
    """``OTOP-5013-256810.xlsx`` → ``OTOP-5013-256810-reasons.xlsx``."""
    return f"{workbook.stem}-reasons.{kind.value}"


def reasons_text(result: FileResult) -> str:
    """One line per reason, Thai then English, under the file's name."""
    lines = [f"ไม่รับไฟล์ / refused: {result.path.name}", ""]
    for reason in result.reasons:
        lines.append(f"- {reason.text_th}")
        lines.append(f"  {reason.text_en}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return _NOT_IN_XLSX.sub("\ufffd", text)


def _row(name: str, reason: Reason) -> tuple[object, ...]:
    # Where stays in its own cells; the texts without it, so nothing is said twice.
    return (
        _cell(name),
        _cell(reason.sheet),
        reason.row,
        _cell(reason.column),
        _cell(reason.th),
        _cell(reason.en),
    )


def save_reasons(
    results: Sequence[FileResult],
    folder: Path,
    kind: ReasonsFormat = ReasonsFormat.XLSX,
    *,
    register_db: Path | str | None = None,
    force: bool = False,
) -> list[Path]:
    """Writes the reasons of each refused file in ``results`` beside one another in
    ``folder``, all placed together; an existing file is replaced only with ``force``."""
    refused = [r for r in results if not r.accepted]
    with PendingFiles(register_db=register_db, force=force) as files:
        taken: set[str] = set()
        for result in refused:
            first = target = folder / reasons_name(result.path, kind)
            # Two refused files of one name (from different folders): the second's reasons
            # get a number rather than taking the first's place.
            number = 1
            while target.name.casefold() in taken:
                number += 1
                target = first.with_stem(f"{first.stem}-{number}")
            taken.add(target.name.casefold())
            if kind is ReasonsFormat.TEXT:
                # With a BOM, so that Notepad on older Windows reads the Thai.
                files.write(target, reasons_text(result).encode("utf-8-sig"))
            else:
                _save_workbook(files, target, result)
        return files.place()


def _save_workbook(files: PendingFiles, target: Path, result: FileResult) -> None:
    rows = [_row(result.path.name, reason) for reason in result.reasons]
    with new_workbook() as wb:
        sheet = SheetWriter(wb.create_sheet(SHEET), _KINDS)
        sheet.size_columns(HEADERS, rows[:200], maximum=80)
        sheet.header(HEADERS)
        for row in rows:
            sheet.append(row)
        sheet.filter_all(len(HEADERS))
        files.save(wb, target)
