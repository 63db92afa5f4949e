"""What the entrepreneur and product lists share: a search box that narrows the list as the
clerk types, filter boxes, a count, and a lazy table that the keyboard alone can work."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypedDict, TypeVar

import geothai
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.domain import Category, OfficeKind, Status
from otop_desktop.errors import UserError
from otop_desktop.thaiformat import format_be_date, thai_today
from ui.file_dialogs import save_file_name
from ui.jobs import report_error
from ui.lang import label_of
from ui.lists.model import Column, LazyTableModel
from ui.lists.notice import ListNotice
from ui.messages import show_user_error

if TYPE_CHECKING:
    from otop_desktop.list_workbook import SavedList

F = TypeVar("F")
R = TypeVar("R")

# Typing pauses this long before the list follows; short enough to feel immediate, long
# enough that a fast typist's word is one query, not one per letter.
SEARCH_DELAY_MS = 120
# Room beside a column's text: the cell's margins, and the header's with its sort arrow.
CELL_PADDING = 8
TITLE_PADDING = 24
# Filter boxes share the row's width equally, down to this many characters at the window's
# smallest (where a province office has six of them); their lists open wide enough for every
# entry whatever the width of the box.
COMBO_CHARS = 4
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class AreaFilter(TypedDict):
    """The area boxes' choice, as the listing filters' fields of the same names."""

    province_code: str | None
    district_code: str | None
    subdistrict_code: str | None


class ListTable(QTableView):
    """The table of a list page: Enter opens the current row, Up on the first row goes back
    to the search box, and typing goes to the search box (a view's own type-ahead would read
    every row of the list to find a match)."""

    openCurrent = Signal()
    leftAtTop = Signal()
    typed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The column that takes the width the others leave, but never less than its minimum
        # (a Stretch section would shrink to nothing on a small screen).
        self.fill_section = -1
        self.fill_minimum = 0

    def fill_width(self) -> None:
        if self.fill_section < 0:
            return
        header = self.horizontalHeader()
        others = sum(
            header.sectionSize(i)
            for i in range(header.count())
            if i != self.fill_section and not header.isSectionHidden(i)
        )
        width = max(self.fill_minimum, self.viewport().width() - others)
        header.resizeSection(self.fill_section, width)

    def other_resized(self, section: int, _old: int, _new: int) -> None:
        if section != self.fill_section:
            self.fill_width()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fill_width()
        elif event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            index = self.indexAt(event.pos())
            tip = self.elided_text(index)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport(), self.visualRect(index))
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def elided_text(self, index: QModelIndex) -> str:
        """The whole text of a cell too narrow for it (shown elided, so in a tooltip); "" for
        a cell that shows all of it."""
        text = index.data() if index.isValid() else None
        if not isinstance(text, str) or not text:
            return ""
        room = self.columnWidth(index.column()) - CELL_PADDING
        return text if self.fontMetrics().horizontalAdvance(text) > room else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in OPEN_KEYS and self.currentIndex().isValid():
            self.openCurrent.emit()
            return
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.leftAtTop.emit()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        self.typed.emit(search)

    def paintEvent(self, event: QPaintEvent) -> None:
        model = self.model()
        if not isinstance(model, LazyTableModel):
            super().paintEvent(event)
            return
        # The rows on screen, in one query, before the delegates ask for them cell by cell.
        last = self.rowAt(self.viewport().height() - 1)
        model.fetch_screen(self.rowAt(0), model.rowCount() - 1 if last < 0 else last)
        super().paintEvent(event)
        model.painted()


class ListPage(QWidget, Generic[F, R]):
    """A list of records over a LazyTableModel. Subclasses make the model and the filter
    boxes, and say how the boxes and the search text make a filter (``current_filter``)."""

    # The record (entrepreneur or product id) the clerk asked to open.
    openRequested = Signal(int)
    # The clerk asked to register a new record.
    newRequested = Signal()

    model: LazyTableModel[F, R]

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        office = register.office()
        assert office is not None  # Register.open refuses a register without one
        self._register = register
        self._loaded = False
        # How many records the list has unfiltered, read again with the list (count_all).
        self.total = 0
        self._count_all: Callable[[Session], int] | None = None
        # A record to make current once a long list has been read to it.
        self._pending: int | None = None

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.new_button = QPushButton()
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.newRequested)
        self.save_button = QPushButton(QCoreApplication.translate("ListPage", "Save as workbook…"))
        self.save_button.setToolTip(
            QCoreApplication.translate(
                "ListPage",
                "Save the list as shown, its filters applied, to an Excel workbook (.xlsx) "
                "(Ctrl+Shift+S)",
            )
        )
        self.save_button.clicked.connect(self.save_as_workbook)
        self.count_label = QLabel()
        self.table = ListTable()
        self.notice = ListNotice()
        self.notice.clearFilters.connect(self.clear_filters)
        # What an empty register's list says to do first, in place of nothing at all.
        self.empty_help = QLabel()
        self.empty_help.setWordWrap(True)
        self.empty_help.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_help.setContentsMargins(8, 16, 8, 16)
        self.empty_help.hide()
        # Every filter box, in the order of the row, for clearing them and naming them.
        self.filter_boxes: list[QComboBox] = []
        # The record a notice is about, made current once the filters are cleared.
        self._announced: int | None = None

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.save_button)
        top.addWidget(self.new_button)
        self.filters = QHBoxLayout()
        self.filters.setSpacing(6)
        layout = QVBoxLayout(self)
        # Narrow side margins: every pixel goes to the columns at 1366×768.
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addLayout(self.filters)
        layout.addWidget(self.notice)
        layout.addWidget(self.empty_help)
        layout.addWidget(self.table, 1)

        # Window-wide, so that they work straight after the page is picked in the navigation
        # list; a hidden page's shortcuts do not fire, so the pages do not clash.
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.newRequested)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self).activated.connect(self.save_as_workbook)

        # Filters on the office's own area: subdistricts for a district office; districts,
        # then their subdistricts, for a province office; provinces, then districts, then
        # subdistricts for the national office. Each box below is filled when the one above
        # is chosen.
        self.province_box: QComboBox | None = None
        self.district_box: QComboBox | None = None
        self.subdistrict_box: QComboBox | None = None
        # A district office's subdistricts, offered once the page is first shown: geothai
        # reads the whole country's the first time, which opening the window need not wait for.
        self._subdistricts_due: str | None = None
        kind = OfficeKind(office.kind)
        if kind is OfficeKind.NATION:
            self.province_box = self.add_filter(
                QCoreApplication.translate("ListPage", "All provinces"),
                [(p.name_th, p.code) for p in geothai.provinces()],
                first=self._fill_districts,
            )
        if kind in (OfficeKind.NATION, OfficeKind.PROVINCE):
            districts = geothai.districts(office.province_code) if office.province_code else []
            self.district_box = self.add_filter(
                QCoreApplication.translate("ListPage", "All districts"),
                [(d.name_th, d.code) for d in districts],
                first=self._fill_subdistricts,
            )
            self.district_box.setEnabled(bool(districts))
            self.subdistrict_box = self.add_filter(
                QCoreApplication.translate("ListPage", "All subdistricts"), []
            )
            self.subdistrict_box.setEnabled(False)
        elif kind is OfficeKind.DISTRICT:
            self.subdistrict_box = self.add_filter(
                QCoreApplication.translate("ListPage", "All subdistricts"), []
            )
            self._subdistricts_due = office.district_code or ""

    # Building, for the subclasses ---------------------------------------------------------

    def set_model(
        self, model: LazyTableModel[F, R], count_all: Callable[[Session], int] | None = None
    ) -> None:
        """``count_all`` counts the records of the list unfiltered, for "12 of 2,156"."""
        self.model = model
        self._count_all = count_all
        table = self.table
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setTabKeyNavigation(False)
        rows = table.verticalHeader()
        rows.hide()
        # Fixed heights: sized to the contents, the view would read every row of the list.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        # Fitting a column to its contents (double-click on a divider) reads the rows on
        # screen only.
        header.setResizeContentsPrecision(0)
        header.setStretchLastSection(False)
        self._size_columns(model.columns)
        # The page sorts rather than the view, so that the current record stays current.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(model.sort_section(), model.sort_order())
        header.sortIndicatorChanged.connect(self._sort)
        table.doubleClicked.connect(self._open_at)
        table.openCurrent.connect(self._open_current)
        table.leftAtTop.connect(self.focus_search)
        table.typed.connect(self._type_into_search)
        model.loaded.connect(self._list_complete)
        model.failed.connect(self._report_failure)

    def add_filter(
        self,
        all_text: str,
        choices: Sequence[tuple[str, Any]],
        first: Callable[[], None] | None = None,
    ) -> QComboBox:
        """A filter box whose first entry (``all_text``) does not filter. A change runs
        ``first`` (if given), then filters."""
        box = QComboBox()
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(COMBO_CHARS)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        box.setToolTip(all_text)
        self._set_choices(box, all_text, choices)
        if first is not None:
            box.currentIndexChanged.connect(first)
        box.currentIndexChanged.connect(self.apply_filter)
        self.filters.addWidget(box)
        self.filter_boxes.append(box)
        return box

    def category_choices(self) -> list[tuple[str, Any]]:
        return [(label_of(c), int(c)) for c in Category]

    def status_choices(self) -> list[tuple[str, Any]]:
        return [(label_of(s), s.value) for s in Status]

    def stars_choices(self) -> list[tuple[str, Any]]:
        return [
            (QCoreApplication.translate("ListPage", "No stars"), 0),
            *(("★" * n, n) for n in range(1, 6)),
        ]

    def area_filter(self) -> AreaFilter:
        """The province, district and subdistrict the area boxes ask for, as filter fields."""
        return {
            "province_code": self.province_box.currentData() if self.province_box else None,
            "district_code": self.district_box.currentData() if self.district_box else None,
            "subdistrict_code": (
                self.subdistrict_box.currentData() if self.subdistrict_box else None
            ),
        }

    def current_filter(self) -> F:
        raise NotImplementedError

    def count_text(self, count: int, complete: bool) -> str:
        """How many the list shows; ``complete`` False while the rest are still being read."""
        raise NotImplementedError

    def numbers(self, count: int) -> dict[str, str]:
        """``count`` and the list's unfiltered total as the UI's language writes them, with
        thousands separators: the fields of a ``count_text``."""
        locale = self.locale()
        return {"count": locale.toString(count), "total": locale.toString(self.total)}

    def empty_text(self) -> str:
        """What to do first, shown while the register has no record of this list."""
        return QCoreApplication.translate(
            "ListPage", "Nothing is registered here yet. Press Ctrl+N to add the first record."
        )

    # Using the list ----------------------------------------------------------------------

    def reload(self) -> None:
        """Reads the list again (after records changed), keeping the filter, the sort and
        the current record."""
        f = self.current_filter()
        if self._count_all is not None:
            with self._register.read() as session:
                self.total = self._count_all(session)
        self._keeping_current(lambda: self.model.reload(f))
        self._loaded = True

    def apply_filter(self) -> None:
        """Shows what the search text and the filter boxes ask for, at once."""
        self._debounce.stop()
        if not self._loaded:
            return  # the first show reads the list with this filter
        f = self.current_filter()
        self._keeping_current(lambda: self.model.set_filter(f))

    def select_id(self, item_id: int) -> bool:
        """Makes the record current and scrolls to it; False if the list does not show it.
        While a long list is still being read, a record not read yet is made current when it
        comes (if the clerk has not picked another meanwhile)."""
        row = self.model.row_of(item_id)
        if row is None:
            if self.model.complete:
                return False
            self._pending = item_id
            return True
        self._pending = None
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def show_saved(self, item_id: int, message: str) -> None:
        """After a new record was saved: says so (``message``, with its number) and makes it
        current; or, when the search or a filter hides it, names them and offers to clear
        them."""
        self._announced = item_id
        if self.select_id(item_id):
            self.notice.say(message)
            return
        hiding = self.active_filters()
        if not hiding:  # gone already: deleted on another PC
            self.notice.say(message)
            return
        self.notice.say(
            QCoreApplication.translate(
                "ListPage", "{saved} It is not in the list, hidden by {filters}."
            ).format(saved=message, filters=", ".join(hiding)),
            offer_clear=True,
        )

    def active_filters(self) -> list[str]:
        """The search and the filter boxes that narrow the list now, as the clerk sees them."""
        active = []
        if self.search.text().strip():
            active.append(
                QCoreApplication.translate("ListPage", "the search “{text}”").format(
                    text=self.search.text().strip()
                )
            )
        active += [
            f"“{box.currentText()}”"
            for box in self.filter_boxes
            if box.currentIndex() > 0 and not box.isHidden()
        ]
        return active

    def clear_filters(self) -> None:
        """Shows the whole list again, keeping the current record (or the one announced)."""
        wanted = self._announced if self._announced is not None else self.current_id()
        loaded, self._loaded = self._loaded, False  # one read for all the changes below
        try:
            self.search.clear()
            for box in self.filter_boxes:
                box.setCurrentIndex(0)
        finally:
            self._loaded = loaded
        self.apply_filter()
        if wanted is not None:
            self.select_id(wanted)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def list_title(self) -> str:
        """The list's name: its sheet's, and the start of the suggested file name."""
        raise NotImplementedError

    def save_as_workbook(self) -> SavedList | None:
        """Asks where, then saves the list as shown to a new .xlsx workbook (the file dialog
        asks before an existing file is replaced)."""
        today = format_be_date(thai_today()).replace("/", "-")
        suggested = str(Path.home() / f"{self.list_title()} {today}.xlsx")
        name = save_file_name(
            self,
            QCoreApplication.translate("ListPage", "Save the list as a workbook"),
            suggested,
            QCoreApplication.translate("ListPage", "Excel workbooks (*.xlsx)"),
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
            # Not the name the dialog asked about: an existing file is not replaced unasked.
            return self.save_workbook_to(target, force=False)
        return self.save_workbook_to(target, force=True)

    def save_workbook_to(self, target: Path, *, force: bool = False) -> SavedList | None:
        """Saves the list as shown to ``target``; says where, or why not (nothing written)."""
        # Imported here: the workbook writer (openpyxl) would otherwise load with every list,
        # at the program's start.
        from otop_desktop.list_workbook import ShownList, save_list

        model = self.model
        columns = list(model.columns)

        def cells(row: R) -> list[str]:
            return [column.text(row) for column in columns]

        table: ShownList[R] = ShownList(
            title=self.list_title(),
            headers=[column.title for column in columns],
            cells=cells,
            ids_of=model.read_ids,
            rows_of=model.read_rows,
            about=self._about_lines(),
            about_title=QCoreApplication.translate("ListPage", "About this list"),
        )
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            saved = save_list(self._register, target, table, force=force)
        except UserError as exc:
            show_user_error(self, exc)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.notice.say(
            QCoreApplication.translate("ListPage", "Saved {rows} rows to {file}.").format(
                rows=self.locale().toString(saved.rows), file=saved.path
            )
        )
        return saved

    def _about_lines(self) -> list[str]:
        hiding = self.active_filters()
        column = self.model.columns[self.model.sort_section()].title
        descending = self.model.sort_order() == Qt.SortOrder.DescendingOrder
        now = datetime.now()
        filters = (
            QCoreApplication.translate("ListPage", "Filters: {filters}").format(
                filters=", ".join(hiding)
            )
            if hiding
            else QCoreApplication.translate("ListPage", "Filters: none, the whole list")
        )
        order = (
            QCoreApplication.translate("ListPage", "Sorted by {column}, descending")
            if descending
            else QCoreApplication.translate("ListPage", "Sorted by {column}")
        )
        saved = QCoreApplication.translate("ListPage", "Saved on {date} at {time}")
        return [
            filters,
            order.format(column=column),
            self.count_label.text(),
            saved.format(date=format_be_date(now.date()), time=f"{now:%H:%M}"),
        ]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def showEvent(self, event: QShowEvent) -> None:
        if self._subdistricts_due is not None:  # the first showing
            assert self.subdistrict_box is not None
            self._fill_below(
                self.subdistrict_box,
                QCoreApplication.translate("ListPage", "All subdistricts"),
                self._subdistricts(self._subdistricts_due),
            )
            self._subdistricts_due = None
        # Read on being shown, not when built, so that the window opens without waiting for
        # a long list; and again on each later showing, since other pages change records.
        # Not on spontaneous shows (the window restored from the taskbar): nothing changed.
        if not event.spontaneous():
            self.reload()
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown, *OPEN_KEYS):
                self._enter_table()
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    # Internals ---------------------------------------------------------------------------

    def _keeping_current(self, change: Callable[[], None]) -> None:
        current = self.current_id()
        if current is None:
            current = self._pending
        change()
        if current is not None:
            self.select_id(current)
        self._show_count()

    def _list_complete(self) -> None:
        if self._pending is not None and not self.table.currentIndex().isValid():
            self.select_id(self._pending)
        self._pending = None
        self._show_count()

    def _show_count(self) -> None:
        model = self.model
        self.count_label.setText(self.count_text(model.rowCount(), model.complete))
        empty = self._count_all is not None and self.total == 0 and model.rowCount() == 0
        if empty:
            self.empty_help.setText(self.empty_text())
        self.empty_help.setVisible(empty)

    def _enter_table(self) -> None:
        self.apply_filter()  # the clerk may be quicker than the debounce
        if self.model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_at(self, index: QModelIndex) -> None:
        self.openRequested.emit(self.model.id_at(index.row()))

    def _report_failure(self, error: Exception) -> None:
        report_error(self, error)

    def _open_current(self) -> None:
        item_id = self.current_id()
        if item_id is not None:
            self.openRequested.emit(item_id)

    def _type_into_search(self, text: str) -> None:
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.end(False)
        self.search.insert(text)

    def _sort(self, section: int, order: Qt.SortOrder) -> None:
        if self.model.columns[section].order is None:
            # A column the service cannot sort by: the click changed nothing, so the arrow
            # goes back to where the list is sorted.
            self.table.horizontalHeader().setSortIndicator(
                self.model.sort_section(), self.model.sort_order()
            )
            return
        self._keeping_current(lambda: self.model.sort(section, order))

    def _size_columns(self, columns: Sequence[Column[R]]) -> None:
        table = self.table
        header = table.horizontalHeader()
        cell = table.fontMetrics()
        title = header.fontMetrics()
        for section, column in enumerate(columns):
            samples = (column.sample,) if isinstance(column.sample, str) else column.sample
            # Only a sortable column's header shows the sort arrow, and needs room for it.
            title_padding = TITLE_PADDING if column.order is not None else CELL_PADDING
            width = max(
                *(cell.horizontalAdvance(sample) + CELL_PADDING for sample in samples),
                title.horizontalAdvance(column.title) + title_padding,
            )
            header.resizeSection(section, width)
            if column.fill:
                table.fill_section, table.fill_minimum = section, width
        # The clerk narrowed or widened another column: the name takes up the difference.
        header.sectionResized.connect(table.other_resized)

    def _subdistricts(self, district_code: str) -> list[tuple[str, Any]]:
        return [(s.name_th, s.code) for s in geothai.subdistricts(district_code)]

    def _fill_districts(self) -> None:
        assert self.province_box is not None and self.district_box is not None
        province = self.province_box.currentData()
        self._fill_below(
            self.district_box,
            QCoreApplication.translate("ListPage", "All districts"),
            [(d.name_th, d.code) for d in geothai.districts(province)] if province else [],
        )
        self._fill_subdistricts()

    def _fill_subdistricts(self) -> None:
        assert self.district_box is not None and self.subdistrict_box is not None
        district = self.district_box.currentData()
        self._fill_below(
            self.subdistrict_box,
            QCoreApplication.translate("ListPage", "All subdistricts"),
            self._subdistricts(district) if district else [],
        )

    def _fill_below(self, box: QComboBox, all_text: str, choices: list[tuple[str, Any]]) -> None:
        """New choices for a box below the one the clerk changed, without filtering twice."""
        box.blockSignals(True)
        self._set_choices(box, all_text, choices)
        box.blockSignals(False)
        box.setEnabled(bool(choices))

    def _set_choices(
        self, box: QComboBox, all_text: str, choices: Sequence[tuple[str, Any]]
    ) -> None:
        box.clear()
        box.addItem(all_text, None)
        for text, value in choices:
            box.addItem(text, value)
        # The closed box is narrow; its open list is as wide as its longest entry.
        view = box.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + TITLE_PADDING)
