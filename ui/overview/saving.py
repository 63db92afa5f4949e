"""Saving one chart of the overview: its picture as a PNG, its figures as a workbook (the
rows of the chart with every column, drawn or not, exact to the satang, and a second sheet
saying which register, year and chart they are). Both go through otop_desktop.outputs:
never over the register or a backup, an existing file replaced only when the clerk agreed,
nothing half-written left behind."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QPixmap

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.list_workbook import sheet_name
from otop_desktop.outputs import write_file
from otop_desktop.submission.spec import Kind
from otop_desktop.submission.workbook import PendingFiles, SheetWriter, new_workbook
from ui.overview.series import Chart


def figures_rows(chart: Chart) -> tuple[list[str], list[list[object]]]:
    """The workbook's header and rows: the row's name, then every column's figure."""
    headers = [chart.row_title, *(c.title for c in chart.columns)]
    rows: list[list[object]] = [
        [label, *(c.values[i] for c in chart.columns)] for i, label in enumerate(chart.labels)
    ]
    return headers, rows


def save_figures(
    register: Register,
    target: Path,
    chart: Chart,
    about: Sequence[str],
    *,
    force: bool,
) -> Path:
    """Writes ``chart``'s figures to a new workbook at ``target``; ``about`` are the lines
    of its second sheet. Raises UserError (nothing written) when it may not be written."""
    headers, rows = figures_rows(chart)
    kinds = [Kind.TEXT, *(Kind.MONEY if c.money else Kind.NUMBER for c in chart.columns)]
    with PendingFiles(register_db=register.path, force=force) as files:
        files.reserve(target)
        with new_workbook() as wb:
            sheet = SheetWriter(wb.create_sheet(sheet_name(chart.title)), kinds)
            sheet.size_columns(headers, rows)
            sheet.header(headers)
            for row in rows:
                sheet.append(row)
            lines = [chart.title, *about]
            about_sheet = SheetWriter(
                wb.create_sheet(sheet_name(QCoreApplication.translate("Overview", "About"))),
                [Kind.TEXT],
            )
            about_sheet.size_columns([""], [[line] for line in lines])
            for line in lines:
                about_sheet.append([line])
            files.save(wb, target)
        (placed,) = files.place()
    return placed


def save_image(register: Register, target: Path, picture: QPixmap, *, force: bool) -> Path:
    """Writes ``picture`` as a PNG file at ``target``."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not picture.save(buffer, "PNG"):
        raise UserError("สร้างภาพแผนภูมิไม่ได้", "The chart's picture could not be made")
    buffer.close()
    return write_file(target, bytes(data.data()), register_db=register.path, force=force)
