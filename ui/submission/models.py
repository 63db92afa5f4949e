"""The table models of the submission pages: the register's past exports, and the
province's grid of which district has sent which month."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PureWindowsPath
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from otop_desktop.services.exports import PastExport
from otop_desktop.submission.completeness import Cell, Completeness
from otop_desktop.submission.export import EXPORT_KIND as MONTHLY
from otop_desktop.thaiformat import Period, format_money
from ui.lang import pick
from ui.submission.texts import (
    district_text,
    made_at_text,
    period_text,
    short_period_text,
    when_text,
)

ModelIndex = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
ROOT = QModelIndex()

SENT_MARK = "✓"
MISSING_MARK = "–"
SENT_COLOUR = QColor("#d7f0d8")
MISSING_COLOUR = QColor("#fbe3e3")


def file_name_only(path: str) -> str:
    # The record may come from a Windows computer: its separators are backslashes.
    return PureWindowsPath(path).name


class PastExportsModel(QAbstractTableModel):
    """Newest first: when, what, which month and district, the file, and who."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PastExport] = []
        self._columns: list[tuple[str, Callable[[PastExport], str]]] = [
            (self.tr("Exported"), lambda r: when_text(r.at)),
            (self.tr("Workbook"), self.kind_text),
            (self.tr("Month"), lambda r: period_text(r.period) if r.period else ""),
            (self.tr("District"), self.district_text),
            (self.tr("File"), lambda r: file_name_only(r.file_name)),
            (self.tr("By"), lambda r: r.created_by),
        ]

    def kind_text(self, row: PastExport) -> str:
        if row.kind == MONTHLY:
            return self.tr("District's monthly workbook")
        return self.tr("Provincial workbook")

    def district_text(self, row: PastExport) -> str:
        if row.kind == MONTHLY:
            return district_text(row.district_code)
        return self.tr("All districts")

    def load(self, rows: list[PastExport]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> PastExport:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Role.DisplayRole:
            return self._columns[index.column()][1](row)
        if role == Role.ToolTipRole:
            return self.tr("{path}\nSHA-256 of the data: {sha}").format(
                path=row.file_name, sha=row.sha256 or "–"
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return self._columns[section][0]
        return None


class CompletenessModel(QAbstractTableModel):
    """A row per district of the province, a column per month. A month after ``due`` (the
    last complete month) is not yet due, so it is left blank rather than marked missing."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._grid: Completeness | None = None
        self._due: Period | None = None

    def load(self, grid: Completeness, due: Period) -> None:
        self.beginResetModel()
        self._grid = grid
        self._due = due
        self.endResetModel()

    @property
    def grid(self) -> Completeness | None:
        return self._grid

    def cell(self, index: ModelIndex) -> Cell:
        assert self._grid is not None
        district = self._grid.districts[index.row()]
        return self._grid.cell(district.code, self._grid.periods[index.column()])

    def rowCount(self, parent: ModelIndex = ROOT) -> int:
        if parent.isValid() or self._grid is None:
            return 0
        return len(self._grid.districts)

    def columnCount(self, parent: ModelIndex = ROOT) -> int:
        if parent.isValid() or self._grid is None:
            return 0
        return len(self._grid.periods)

    def _due_yet(self, period: Period) -> bool:
        return self._due is None or period <= self._due

    def data(self, index: ModelIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or self._grid is None:
            return None
        cell = self.cell(index)
        due = self._due_yet(cell.period)
        if role == Role.DisplayRole:
            if cell.sent:
                return SENT_MARK
            return MISSING_MARK if due else ""
        if role == Role.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Role.BackgroundRole:
            if cell.sent:
                return SENT_COLOUR
            return MISSING_COLOUR if due else None
        if role == Role.ForegroundRole:
            return QColor("#1b5e20") if cell.sent else QColor("#9b1c1c")
        if role in (Role.ToolTipRole, Role.AccessibleTextRole):
            return self.cell_text(cell, due)
        return None

    def cell_text(self, cell: Cell, due: bool) -> str:
        district = district_text(cell.district_code)
        month = period_text(cell.period)
        received = cell.current
        if received is None:
            if not due:
                return self.tr("{district}, {month}: not due yet").format(
                    district=district, month=month
                )
            return self.tr("{district}, {month}: not sent").format(district=district, month=month)
        lines = [
            self.tr("{district}, {month}: sent").format(district=district, month=month),
            self.tr("File: {file}").format(file=file_name_only(received.file_name)),
            self.tr("Made by the district: {when}").format(
                when=made_at_text(received.created_at_text)
            ),
            self.tr("Imported: {when}").format(when=when_text(received.imported_at)),
            self.tr("Sales of the month: {amount} baht").format(
                amount=format_money(received.sales_total)
            ),
        ]
        if received.warnings:
            lines.append(self.tr("Warnings: {count}").format(count=received.warnings))
        if cell.superseded:
            lines.append(
                self.tr("Replaces {count} earlier file(s)").format(count=len(cell.superseded))
            )
        return "\n".join(lines)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if self._grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            period = self._grid.periods[section]
            if role == Role.DisplayRole:
                return short_period_text(period)
            if role == Role.ToolTipRole:
                return self.tr("{month}: {sent} of {count} districts sent").format(
                    month=period_text(period),
                    sent=self._grid.sent(period),
                    count=len(self._grid.districts),
                )
            return None
        district = self._grid.districts[section]
        if role == Role.DisplayRole:
            return pick(district.name_th, district.name_en)
        if role == Role.ToolTipRole:
            return district.code
        return None
