"""The trail as a table, newest first, read a page at a time: the first page when the filter
is set (one short walk down an index, however long the trail), each older one as the view
scrolls to the end (Qt's canFetchMore/fetchMore, keyed on the oldest id shown). The model
keeps only the entries fetched so far, as the texts of their cells."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from otop_desktop.audit.query import PAGE, AuditFilter, Row, page
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from ui.audit.texts import action_labels, entity_labels, record_text, when_text

AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ID = Qt.ItemDataRole.UserRole.value
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def cells_of(rows: list[Row]) -> list[tuple[str, ...]]:
    """The texts of the entries' cells: when, who, what kind, which record, what changed."""
    kinds, entities = action_labels(), entity_labels()
    return [
        (
            when_text(row.at),
            row.actor,
            kinds.get(row.action, row.action),
            record_text(row.entity, row.record, entities),
            row.summary(),
        )
        for row in rows
    ]


class AuditTableModel(QAbstractTableModel):
    """Entries of the trail matching a filter (``otop_desktop.audit.query.AuditFilter``)."""

    TIME, WHO, ACTION, RECORD, WHAT = range(5)
    #: Reading an older page failed (the UserError); the list stops there.
    failed = Signal(object)
    #: Entries were added at the end (a page came in) or the list was read anew.
    fetched = Signal()

    def __init__(
        self,
        register: Register,
        where: AuditFilter | None = None,
        *,
        page_size: int = PAGE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._register = register
        self._where = where if where is not None else AuditFilter()
        self._page_size = page_size
        self._ids: list[int] = []
        self._cells: list[tuple[str, ...]] = []
        self._exhausted = True
        self._titles = (
            self.tr("Time"),
            self.tr("Who"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("What"),
        )

    # The list -----------------------------------------------------------------------------

    @property
    def where(self) -> AuditFilter:
        return self._where

    def set_filter(self, where: AuditFilter) -> None:
        """Reads the first page for ``where``. A failed read (UserError, raised) leaves the
        list as it was."""
        rows = self._read(where, None)
        self.beginResetModel()
        self._where = where
        self._ids = [r.id for r in rows]
        self._cells = cells_of(rows)
        self._exhausted = len(rows) < self._page_size
        self.endResetModel()
        self.fetched.emit()

    def reload(self) -> None:
        """The newest entries again (others were written meanwhile)."""
        self.set_filter(self._where)

    def _read(self, where: AuditFilter, before_id: int | None) -> list[Row]:
        with self._register.read() as session:
            return page(session, where, before_id=before_id, size=self._page_size)

    def entry_id(self, row: int) -> int:
        return self._ids[row]

    @property
    def complete(self) -> bool:
        """Every matching entry is in the list."""
        return self._exhausted

    # Fetching older pages -----------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = NO_PARENT) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = NO_PARENT) -> None:
        if parent.isValid() or self._exhausted or not self._ids:
            return
        try:
            rows = self._read(self._where, self._ids[-1])
        except UserError as exc:
            self._exhausted = True
            self.failed.emit(exc)
            return
        self._exhausted = len(rows) < self._page_size
        if rows:
            first = len(self._ids)
            self.beginInsertRows(NO_PARENT, first, first + len(rows) - 1)
            self._ids.extend(r.id for r in rows)
            self._cells.extend(cells_of(rows))
            self.endInsertRows()
        self.fetched.emit()

    # QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        if role in (_DISPLAY, _TOOLTIP):
            return self._cells[index.row()][index.column()]
        if role == _ID:
            return self._ids[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == _DISPLAY and 0 <= section < len(self._titles):
            return self._titles[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
