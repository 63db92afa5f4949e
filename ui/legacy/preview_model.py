"""The rows of a clerk's old spreadsheet as they would be imported: one table row per sheet
row, a column per mapped field with the cleaned value, the cells at fault in red with their
problems as tool tips, the details a row lacks (it goes in incomplete) in amber, and every
problem of the row, or what it lacks, in the problems column."""

from __future__ import annotations

from typing import Any

import geothai
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from otop_desktop.domain import Category, ProducerType, SoftPower, Status
from otop_desktop.legacy import Preview, Problem, Row
from otop_desktop.legacy.headings import source_heading
from otop_desktop.services.incomplete import describe
from otop_desktop.validation import label
from ui.lang import label_of, pick

ERROR_BACKGROUND = QColor("#fbd5d5")
ERROR_FOREGROUND = QColor("#9b1c1c")
OK_FOREGROUND = QColor("#166534")
INCOMPLETE_BACKGROUND = QColor("#fdecc8")
INCOMPLETE_FOREGROUND = QColor("#92400e")

AnyIndex = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# The problems come right after the verdict, so that they are on screen however many
# fields there are; the cells at fault are marked in their own columns too.
ROW, STATUS, PROBLEMS = 0, 1, 2
FIRST_FIELD = 3


def field_label(field: str) -> str:
    """A field's name as a heading: the validation messages' label, capitalised in English."""
    th, en = label(field)
    return pick(th, en[:1].upper() + en[1:])


#: The codes each coded field takes.
_PRODUCER_TYPES = {m.value for m in ProducerType}
_CATEGORIES = {m.value for m in Category}
_STATUSES = {m.value for m in Status}
_SOFT_POWER = {m.value for m in SoftPower}


def _shown(field: str, value: str) -> str:
    """Codes as the clerk knows them: the type's and category's names, the subdistrict's."""
    if field == "producer_type" and value.isdigit() and int(value) in _PRODUCER_TYPES:
        return label_of(ProducerType(int(value)))
    if field == "category" and value.isdigit() and int(value) in _CATEGORIES:
        return label_of(Category(int(value)))
    if field == "status" and value in _STATUSES:
        return label_of(Status(value))
    if field == "soft_power" and value in _SOFT_POWER:
        return label_of(SoftPower(value))
    if field == "subdistrict_code" and (found := geothai.subdistrict(value)) is not None:
        return f"{value} {pick(found.name_th, found.name_en)}"
    return value


class PreviewModel(QAbstractTableModel):
    """Read-only; ``set_problems_only`` narrows it to the rows with problems."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._preview: Preview | None = None
        self._fields: list[str] = []
        self._rows: list[Row] = []
        self._problems_only = False

    # --- what it shows ----------------------------------------------------------------

    def set_preview(self, preview: Preview | None) -> None:
        self.beginResetModel()
        self._preview = preview
        self._fields = preview.fields if preview is not None else []
        self._filter()
        self.endResetModel()

    def set_problems_only(self, on: bool) -> None:
        self.beginResetModel()
        self._problems_only = on
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        rows = self._preview.rows if self._preview is not None else []
        self._rows = [r for r in rows if not r.ok] if self._problems_only else list(rows)

    def _problems_at(self, row: Row, field: str) -> list[Problem]:
        """A cell's problems: its field's, and those of fields without a column here that are
        named by this column (a closed business's missing reason, by its status)."""
        assert self._preview is not None
        heading = source_heading(self._preview.mapping, field)
        return [
            p
            for p in row.problems
            if p.field == field or (p.field not in self._fields and p.heading == heading)
        ]

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def field_at(self, column: int) -> str | None:
        index = column - FIRST_FIELD
        return self._fields[index] if 0 <= index < len(self._fields) else None

    @property
    def problems_column(self) -> int:
        return PROBLEMS

    # --- QAbstractTableModel ----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_FIELD + len(self._fields)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        field = self.field_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == ROW:
                return self.tr("Row")
            if section == STATUS:
                return self.tr("Check")
            if section == PROBLEMS:
                return self.tr("Problems")
            return field_label(field) if field is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and field is not None and self._preview:
            return self.tr("Column “{heading}” of the file").format(
                heading=source_heading(self._preview.mapping, field)
            )
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        field = self.field_at(column)
        problems = self._problems_at(row, field) if field is not None else []
        lacking = field is not None and field in row.lacking_all()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ROW:
                return str(row.number)
            if column == STATUS:
                if row.ok:
                    return self.tr("Incomplete") if row.incomplete else self.tr("OK")
                if len(row.problems) == 1:
                    return self.tr("1 problem")
                return self.tr("{n} problems").format(n=len(row.problems))
            if field is not None:
                return _shown(field, row.values.get(field, ""))
            if row.ok and row.incomplete:
                return self.tr("Lacks {what}").format(what=pick(*describe(row.lacking_all())))
            return "; ".join(pick(p.message_th, p.message_en) for p in row.problems)
        if role == Qt.ItemDataRole.ToolTipRole:
            if problems:
                return "\n".join(pick(p.message_th, p.message_en) for p in problems)
            if column == self.problems_column and row.problems:
                return "\n".join(pick(p.message_th, p.message_en) for p in row.problems)
            if lacking:
                return self.tr("Lacking: the row goes in incomplete, to be completed later")
            if field is not None and row.entrepreneur is None and field not in row.values:
                return self.tr("Another product of the producer on row {row}").format(
                    row=row.producer_row
                )
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if problems:
                return ERROR_BACKGROUND
            if lacking:
                return INCOMPLETE_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            if problems or (column in (STATUS, self.problems_column) and not row.ok):
                return ERROR_FOREGROUND
            if column in (STATUS, self.problems_column) and row.incomplete:
                return INCOMPLETE_FOREGROUND
            if column == STATUS:
                return OK_FOREGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROW:
            return _RIGHT
        return None
