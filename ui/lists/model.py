"""A lazy table over a listing service, in the manner of Anki's browser table: the model holds
only the ordered ids of everything that matches, and fetches the display rows of the few that
are on screen, a block at a time, into a bounded cache. A register of 600,000 products so
costs one list of integers and a few hundred rows, however far the clerk scrolls.

Reading all the ids of a national register takes up to half a second, so a new filter or
sort reads the first HEAD ids at once (enough for the first screens, and quick even for a
search that scans) and the whole list in a worker thread, which then appends the rest. The
worker starts just after the view has painted the first screen: it holds the interpreter lock
for much of its work, and would otherwise slow that paint down threefold, and the paint's
way to the screen after it (each step back into Python waits for the lock)."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import geothai
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from sqlalchemy.orm import Session

from otop_desktop.accounts.roles import sees_personal_data
from otop_desktop.database import Register
from otop_desktop.masking import mask
from ui.jobs import Cancelled, Job, Progress

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

F = TypeVar("F")
R = TypeVar("R")
# The rows of a masked list: dataclasses, copied with the personal fields masked.
D = TypeVar("D", bound="DataclassInstance")
F_contra = TypeVar("F_contra", contravariant=True)

# Ids read before the list is first shown; the rest follow from a worker thread. Five
# screens at 1366×768: a search that walks the list's order stops after these, and a larger
# head made the first screen of a short query wait up to twice as long.
HEAD = 100
# The worker starts this long after the first ids at the latest, should no view paint them;
# and this long after a view painted them, once the painted screen is on its way out.
REST_DELAY_MS = 200
AFTER_PAINT_MS = 10
# Rows fetched at once: a screenful or two either side of the row asked for, so that
# scrolling a screen at a time costs one query per few screens. The first screen of a new
# list fetches its own rows only (fetch_screen): its paint waits for them.
BLOCK = 100
# Rows kept; the oldest block goes first. Far more than any screen shows.
MAX_CACHED = 1_000

# A name of 40 characters, the longest a list shows whole at its narrowest (longer ones are
# elided, in full in the cell's tooltip): the sample of a list's name column.
NAME_SAMPLE = "วิสาหกิจชุมชนกลุ่มทอผ้าฝ้ายบ้านป่าตึงงาม"
# A contact's full name with its title, as the lists show it.
PERSON_SAMPLE = "นางสาวจันทร์เพ็ญ ศรีสุวรรณ"

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter

# data() runs some thousand times a screen; plain integers compare fastest.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_ID = Qt.ItemDataRole.UserRole.value
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


class IdsQuery(Protocol[F_contra]):
    """``entrepreneur_ids`` / ``product_ids``: the ordered ids of the matches."""

    def __call__(
        self, session: Session, f: F_contra, *, order: str, descending: bool, limit: int | None
    ) -> list[int]: ...


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of a list: its header, the text of a cell, and how it sorts and sits."""

    title: str
    text: Callable[[R], str]
    # The service's order key (ENTREPRENEUR_ORDER / PRODUCT_ORDER); None: not sortable.
    order: str | None = None
    # A typical cell, to size the column by, or every text it can hold (the labels of an
    # enum: the widest counts); the header's title counts too.
    sample: str | tuple[str, ...] = ""
    align: Qt.AlignmentFlag = LEFT
    # Takes the width the other columns leave (the name); ``sample`` is its least.
    fill: bool = False


RowsQuery = Callable[[Session, Sequence[int]], dict[int, R]]


def masking(rows_of: RowsQuery[D], personal: Sequence[str]) -> RowsQuery[D]:
    """``rows_of`` with the ``personal`` fields of each row (citizen ID, phone) masked for
    whoever may not see them outside a record's form (roles.sees_personal_data). Masked as
    the rows are fetched, so that no cell, tooltip or copy of the list holds a full value."""

    def fetch(session: Session, ids: Sequence[int]) -> dict[int, D]:
        rows = rows_of(session, ids)
        if sees_personal_data(session):
            return rows
        return {
            key: replace(row, **{name: mask(getattr(row, name)) for name in personal})
            for key, row in rows.items()
        }

    return fetch


def subdistrict_name(code: str) -> str:
    found = geothai.subdistrict(code)
    return found.name_th if found is not None else code


class LazyTableModel(QAbstractTableModel, Generic[F, R]):
    """The rows of one list for the current filter and sort. Sorting and filtering are the
    service's work: both just read the ids again."""

    # The whole list is in: rowCount() is the number of matches.
    loaded = Signal()
    # Reading the whole list in the worker thread failed (the exception).
    failed = Signal(object)

    def __init__(
        self,
        register: Register,
        columns: Sequence[Column[R]],
        ids_of: IdsQuery[F],
        rows_of: RowsQuery[R],
        f: F,
        *,
        order: str,
        descending: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._register = register
        self.columns = list(columns)
        self._alignments = [c.align for c in self.columns]
        self._ids_of = ids_of
        self._rows_of = rows_of
        self._filter = f
        self._order = order
        self._descending = descending
        # In a machine-integer array, not a list: a list of a national register's 600,000
        # ids takes 5–20 ms to free, which the next search's first screen waited for.
        self._ids: array[int] = array("q")
        # False while the worker thread reads the rest of the ids.
        self.complete = True
        # The worker reading the current list; a result from any other is dropped.
        self._job: Job[array[int]] | None = None
        # What the worker is to read (filter, order key, descending) until it starts.
        self._rest: tuple[F, str, bool] | None = None
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.timeout.connect(self.read_rest)
        # id -> the texts of its cells; None for an id whose record went (another clerk
        # deleted it) after the ids were read. Insertion-ordered: the first keys are oldest.
        self._cells: dict[int, tuple[str, ...] | None] = {}
        # No screen of this list painted yet: fetch_screen fetches the rows it shows.
        self._unpainted = True

    # The list ----------------------------------------------------------------------------

    def set_filter(self, f: F) -> None:
        self._filter = f
        # Other records, the same data: rows already fetched stay good.
        self._load(self._order, self._descending, keep_rows=True)

    def reload(self, f: F | None = None) -> None:
        """Reads the ids again, for the filter ``f`` if given, and forgets every row (the
        records may have changed)."""
        if f is not None:
            self._filter = f
        self._load(self._order, self._descending, keep_rows=False)

    def _load(self, order: str, descending: bool, *, keep_rows: bool) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._rest = None
        # Read before the reset, so that a failed read leaves the list as it was.
        with self._register.read() as session:
            head = self._ids_of(
                session, self._filter, order=order, descending=descending, limit=HEAD
            )
        self.beginResetModel()
        self._order, self._descending, self._ids = order, descending, array("q", head)
        self.complete = len(head) < HEAD
        if not keep_rows:
            self._cells.clear()
        self._unpainted = True
        self.endResetModel()
        if self.complete:
            self.loaded.emit()
        else:
            self._rest = (self._filter, order, descending)
            self._rest_timer.start(REST_DELAY_MS)

    def painted(self) -> None:
        """The view has painted the list: the whole list is read shortly (read_rest), once
        the paint has gone out to the screen. Later paints do not put it off again."""
        timer = self._rest_timer
        if self._rest is not None and not (timer.isActive() and timer.interval() == AFTER_PAINT_MS):
            timer.start(AFTER_PAINT_MS)

    def read_rest(self) -> None:
        """Starts reading the whole list in a worker thread, if that is still to do."""
        if self._rest is None:
            return
        self._rest_timer.stop()
        f, order, descending = self._rest
        self._rest = None
        register, ids_of = self._register, self._ids_of

        def read_all(progress: Progress) -> array[int]:
            if progress.cancelled:  # a newer load came before this one started
                raise Cancelled
            with register.read() as session:
                # Made an array here, so that the list is freed in this thread.
                return array(
                    "q", ids_of(session, f, order=order, descending=descending, limit=None)
                )

        self._job = Job(read_all)
        self._job.succeeded.connect(self._append_rest)
        self._job.failed.connect(self._rest_failed)
        self._job.start()

    def _rest_failed(self, error: Exception) -> None:
        if self.sender() is self._job:
            self._job = None
            self.failed.emit(error)

    def _append_rest(self, ids: array[int]) -> None:
        if self.sender() is not self._job:
            return  # read for a filter or an order since changed
        self._job = None
        shown = len(self._ids)
        if ids[:shown] == self._ids:
            # Appended, not reset: the view keeps its place and the current row.
            if len(ids) > shown:
                self.beginInsertRows(NO_PARENT, shown, len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
        else:  # records came or went in between
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
        self.complete = True
        self.loaded.emit()

    def read_ids(self, session: Session) -> list[int]:
        """Every id of the list as it is filtered and sorted now, read in ``session``."""
        return self._ids_of(
            session, self._filter, order=self._order, descending=self._descending, limit=None
        )

    def read_rows(self, session: Session, ids: Sequence[int]) -> dict[int, R]:
        """The rows of ``ids`` as the list shows them (masked as it masks them)."""
        return self._rows_of(session, ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, item_id: int) -> int | None:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return None

    def cached_count(self) -> int:
        return len(self._cells)

    def cells(self, row: int) -> tuple[str, ...] | None:
        """The texts of the row's cells, fetched with its neighbours if not cached yet."""
        item_id = self._ids[row]
        try:
            return self._cells[item_id]
        except KeyError:
            self._fetch_around(row)
            return self._cells[item_id]

    def fetch_screen(self, first: int, last: int) -> None:
        """Before the first paint of a new list: fetches the rows ``first`` to ``last`` (those
        on screen) that are not cached, and no others, so that the screen waits for its own
        rows only; the blocks around them come as the clerk scrolls (cells)."""
        if not self._unpainted:
            return
        self._unpainted = False
        wanted = [i for i in self._ids[max(0, first) : last + 1] if i not in self._cells]
        if wanted:
            self._fetch(wanted)

    def _fetch_around(self, row: int) -> None:
        start = max(0, row - BLOCK // 2)
        self._fetch([i for i in self._ids[start : start + BLOCK] if i not in self._cells])

    def _fetch(self, wanted: list[int]) -> None:
        with self._register.read() as session:
            fetched = self._rows_of(session, wanted)
        overflow = len(self._cells) + len(wanted) - MAX_CACHED
        if overflow > 0:
            for old in list(self._cells)[:overflow]:
                del self._cells[old]
        for item_id in wanted:
            found = fetched.get(item_id)
            self._cells[item_id] = (
                None if found is None else tuple(c.text(found) for c in self.columns)
            )

    # Sorting -----------------------------------------------------------------------------

    def sort_section(self) -> int:
        return next(i for i, c in enumerate(self.columns) if c.order == self._order)

    def sort_order(self) -> Qt.SortOrder:
        if self._descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].order
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self._order, self._descending):
            return
        self._load(key, descending, keep_rows=True)

    # QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if role in (_DISPLAY, _TOOLTIP):
            if not index.isValid():
                return None
            cells = self.cells(index.row())
            return None if cells is None else cells[index.column()]
        if role == _ALIGNMENT:
            return self._alignments[index.column()] if index.isValid() else None
        if role == _ID:
            return self._ids[index.row()] if index.isValid() else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == _DISPLAY:
            return self.columns[section].title
        if role == _ALIGNMENT:
            return self._alignments[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
