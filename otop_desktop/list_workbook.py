"""Saving a list as the clerk sees it — its columns, its rows in their order, its filters —
to a new .xlsx workbook. The caller (the desktop's list page) gives the columns' titles and
texts and the queries of its list; the rows are read here in one read transaction and
written through otop_desktop.outputs, so that no file is replaced without being asked and
no half-written workbook is left behind.

The cells hold the texts shown on screen: personal data masked for an account that does not
see it (the list's row query masks them), dates in B.E., numbers with their separators. A
second sheet says what the list is and which filters made it, in the caller's words."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.submission.spec import Kind
from otop_desktop.submission.workbook import PendingFiles, SheetWriter, new_workbook

R = TypeVar("R")

# Rows read from the register at once: a few hundred kilobytes of text at most.
CHUNK = 1000
# Excel's limits on a sheet's name.
SHEET_NAME_LEN = 31
_SHEET_NAME_BANNED = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass(frozen=True)
class ShownList(Generic[R]):
    """A list as shown: ``title`` names it (and its sheet), ``about`` are the lines of the
    second sheet (the filters in use, in the UI's words), ``headers`` the columns' titles
    and ``cells`` a row's texts in the same order. ``ids_of`` reads the ids of the rows in
    the list's order, ``rows_of`` the rows of some ids (masked as the list masks them)."""

    title: str
    headers: Sequence[str]
    cells: Callable[[R], Sequence[str]]
    ids_of: Callable[[Session], list[int]]
    rows_of: Callable[[Session, Sequence[int]], dict[int, R]]
    about: Sequence[str] = field(default_factory=tuple)
    about_title: str = "About"


@dataclass(frozen=True)
class SavedList:
    path: Path
    rows: int


def sheet_name(title: str) -> str:
    """``title`` as Excel allows a sheet's name: no []:*?/\\, at most 31 characters."""
    name = " ".join(title.translate(_SHEET_NAME_BANNED).split())[:SHEET_NAME_LEN]
    return name or "Sheet"


def save_list(
    register: Register, target: Path | str, table: ShownList[R], *, force: bool = False
) -> SavedList:
    """Writes ``table`` to a new workbook at ``target``; an existing file is replaced only
    with ``force`` (the desktop asks first). Raises UserError (nothing written) when the
    target may not be written, or a cell holds a character Excel cannot keep."""
    kinds = [Kind.TEXT] * len(table.headers)
    with PendingFiles(register_db=register.path, force=force) as files:
        # Checked before any row is read: a refused target costs nothing.
        files.reserve(target)
        with new_workbook() as wb:
            sheet = SheetWriter(wb.create_sheet(sheet_name(table.title)), kinds)
            rows = 0
            with register.read() as session:
                ids = table.ids_of(session)
                first = _rows(session, table, ids[:CHUNK])
                # Write-only sheets take their widths before the first row.
                sheet.size_columns(table.headers, first)
                sheet.header(table.headers)
                for row in first:
                    sheet.append(row)
                rows += len(first)
                for start in range(CHUNK, len(ids), CHUNK):
                    chunk = _rows(session, table, ids[start : start + CHUNK])
                    for row in chunk:
                        sheet.append(row)
                    rows += len(chunk)
            sheet.filter_all(len(table.headers))
            about = SheetWriter(wb.create_sheet(sheet_name(table.about_title)), [Kind.TEXT])
            lines = [table.title, *table.about]
            about.size_columns([""], [[line] for line in lines])
            for line in lines:
                about.append([line])
            files.save(wb, Path(target))
        (placed,) = files.place()
    return SavedList(placed, rows)


def _rows(session: Session, table: ShownList[R], ids: Sequence[int]) -> list[Sequence[str]]:
    found = table.rows_of(session, ids)
    # In the list's order; a record deleted meanwhile on another PC is left out.
    return [table.cells(found[i]) for i in ids if i in found]
