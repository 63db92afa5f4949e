"""The monthly sales page: pick a month, type every entrepreneur's figures into one grid as
in a spreadsheet, watch the totals, and save the whole month in one transaction."""

from __future__ import annotations

import html
from datetime import date

import geothai
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import (
    QAction,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.services.locks import (
    REASON_MAX,
    MonthState,
    PeriodLockedError,
    PeriodState,
    period_state,
    unlock_period,
)
from otop_desktop.services.office import get_office
from otop_desktop.services.sales import MonthChange, month_sheet, save_month_sheet
from otop_desktop.submission.export import export_user
from otop_desktop.thaiformat import (
    THAI_TIME,
    Period,
    format_be_date,
    last_complete,
    thai_today,
)
from ui.backup.busy import run_busy
from ui.headings import heading
from ui.jobs import Progress
from ui.lang import ui_is_thai
from ui.messages import ask_to_save, show_user_error
from ui.sales.sheet_model import AMOUNT_COLUMNS, Column, ModelIndex, SalesSheetModel
from ui.sales.totals_panel import TotalsPanel
from ui.widgets.month_picker import FIRST_YEAR_BE, MonthPicker, month_name

#: A save quicker than this shows no busy window (a district's month: well under it).
BUSY_AFTER_MS = 400
# Wide enough for any amount the register accepts (under a million million baht).
AMOUNT_MAX_LENGTH = 24
ERROR_STYLE = "color: #9b1c1c;"
BANNER_STYLE = "#lockBanner { background: #fff4ce; border: 1px solid #e0b400; border-radius: 4px; }"


class AmountEditor(QLineEdit):
    """A cell's editor. It remembers what the cell held, so that Escape can put it back even
    though every keystroke has already reached the model."""

    def __init__(self, cell: ModelIndex, parent: QWidget) -> None:
        super().__init__(parent)
        self.cell = QPersistentModelIndex(cell)
        self.original = ""
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaxLength(AMOUNT_MAX_LENGTH)


class AmountDelegate(QStyledItemDelegate):
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        editor = AmountEditor(index, parent)
        # Commit on every keystroke, so the totals follow the typing.
        editor.textEdited.connect(lambda _text: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, AmountEditor)
        # Once the clerk has typed, the editor leads: the model's tidied text (1,250.00 for
        # 1250) must not jump back into the line being typed.
        if editor.isModified():
            return
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.original = text
        editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, AmountEditor)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class SalesTable(QTableView):
    """Moves like a spreadsheet: Tab goes to the next figure cell (across, then down), Enter
    to the cell below, Delete empties a cell; typing starts editing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(AmountDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setWordWrap(False)
        self.verticalHeader().hide()

    def editable(self, row: int, column: int) -> bool:
        flags = self.model().flags(self.model().index(row, column))
        return bool(flags & Qt.ItemFlag.ItemIsEditable)

    def next_cell(self, forward: bool = True) -> QModelIndex:
        """The next (or previous) figure cell in reading order; the current one at the end."""
        current = self.currentIndex()
        columns = self.model().columnCount()
        end = self.model().rowCount() * columns
        position = current.row() * columns + current.column() if current.isValid() else -1
        step = 1 if forward else -1
        position += step
        while 0 <= position < end:
            row, column = divmod(position, columns)
            if column in AMOUNT_COLUMNS and self.editable(row, column):
                return self.model().index(row, column)
            position += step
        return current

    def cell_below(self) -> QModelIndex:
        current = self.currentIndex()
        if not current.isValid():
            return self.next_cell()
        column = current.column() if current.column() in AMOUNT_COLUMNS else Column.AMOUNT
        for row in range(current.row() + 1, self.model().rowCount()):
            if self.editable(row, column):
                return self.model().index(row, column)
        return current

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        if cursorAction == QAbstractItemView.CursorAction.MoveNext:
            return self.next_cell()
        if cursorAction == QAbstractItemView.CursorAction.MovePrevious:
            return self.next_cell(forward=False)
        return super().moveCursor(cursorAction, modifiers)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        Hint = QAbstractItemDelegate.EndEditHint
        target: QModelIndex | None = None
        if hint == Hint.EditNextItem:
            target = self.next_cell()
        elif hint == Hint.EditPreviousItem:
            target = self.next_cell(forward=False)
        elif hint == Hint.SubmitModelCache:  # Enter
            target = self.cell_below()
        elif (
            hint == Hint.RevertModelCache
            and isinstance(editor, AmountEditor)
            and editor.isModified()
            and editor.cell.isValid()
        ):
            self.model().setData(editor.cell, editor.original)
        model = self.model()
        if isinstance(model, SalesSheetModel):
            model.finish_edit()
        # A spreadsheet selects the next cell without opening it: typing there replaces it,
        # and the arrow keys keep moving between cells.
        super().closeEditor(editor, Hint.NoHint if target is not None else hint)
        if target is not None and target.isValid():
            self.setCurrentIndex(target)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        current = self.currentIndex()
        if (
            self.state() != QAbstractItemView.State.EditingState
            and event.commitString()
            and current.isValid()
            and current.flags() & Qt.ItemFlag.ItemIsEditable
            and self.edit(current, QAbstractItemView.EditTrigger.AnyKeyPressed, event)
        ):
            # Qt opens the editor for text from an input method but keeps the text from it.
            editor = QApplication.focusWidget()
            if isinstance(editor, AmountEditor):
                QApplication.sendEvent(editor, event)
            return
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        current = self.currentIndex()
        if not editing and plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.setCurrentIndex(self.cell_below())
            return
        if (
            not editing
            and plain
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and current.isValid()
            and current.flags() & Qt.ItemFlag.ItemIsEditable
        ):
            self.model().setData(current, "")
            return
        super().keyPressEvent(event)


class SalesPage(QWidget):
    """One month's figures of every entrepreneur. Call ``confirm_leave()`` before leaving the
    page or closing the window: it asks what to do with unsaved figures."""

    def __init__(
        self, register: Register, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        # ui.main_window imports this page, so its helper is fetched when the page is built.

        super().__init__(parent)
        self._register = register
        self._latest = Period.of(today or thai_today())
        self.period = last_complete(today or thai_today())
        office = register.office()
        assert office is not None  # Register.open refuses a register without one
        self._district: str | None = office.district_code
        self._notice = ""  # the last thing done, shown while nothing is wrong

        self.model = SalesSheetModel(self)
        self.table = SalesTable()
        self.table.setModel(self.model)
        self._size_columns()

        self.prev_button = QToolButton()
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.setShortcut(QKeySequence("Ctrl+PgUp"))
        self.prev_button.setToolTip(self.tr("Previous month (Ctrl+PgUp)"))
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.next_button.setToolTip(self.tr("Next month (Ctrl+PgDown)"))
        self.picker = MonthPicker(today=today, latest=self._latest)

        self.district_combo = QComboBox()
        if office.kind == OfficeKind.PROVINCE and office.province_code:
            self.district_combo.addItem(self.tr("All districts"), None)
            for district in geothai.districts(office.province_code):
                name = district.name_th if ui_is_thai() else district.name_en
                self.district_combo.addItem(name, district.code)
        self.district_combo.setVisible(self.district_combo.count() > 0)

        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Find a reg. no. or name (Ctrl+F)"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setMinimumWidth(self.find_edit.fontMetrics().horizontalAdvance("M") * 18)
        find_action = QAction(self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self._start_find)
        self.addAction(find_action)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the whole month (Ctrl+S)"))
        save_action = QAction(self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.triggered.connect(self.save)
        self.addAction(save_action)

        self.message = QLabel()
        self.message.setWordWrap(True)

        # Shown for a month sent to the province: its figures are read-only until unlocked.
        self.state: PeriodState | None = None
        self.lock_banner = QFrame()
        self.lock_banner.setObjectName("lockBanner")
        self.lock_banner.setStyleSheet(BANNER_STYLE)
        self.lock_text = QLabel()
        self.lock_text.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("Unlock for changes…"))
        self.unlock_button.setToolTip(
            self.tr("Open the month for changes again; it must then be sent again")
        )
        banner = QHBoxLayout(self.lock_banner)
        banner.addWidget(self.lock_text, 1)
        banner.addWidget(self.unlock_button)
        self.lock_banner.hide()

        self.totals = TotalsPanel()

        # The heading, the month, the search and Save share one line, and the totals fold
        # to one line, so the grid keeps the window's height (20 rows and more at 1366×768).
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Monthly sales")))
        top.addSpacing(16)
        for widget in (self.prev_button, self.picker, self.next_button):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.district_combo)
        top.addStretch(1)
        top.addWidget(self.find_edit)
        top.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 8, 24, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.lock_banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.totals)

        self.prev_button.clicked.connect(lambda: self.show_period(self.period.prev()))
        self.next_button.clicked.connect(lambda: self.show_period(self.period.next()))
        self.picker.changed.connect(self._picker_changed)
        self.district_combo.activated.connect(self._district_changed)
        self.find_edit.textEdited.connect(self._find)
        self.find_edit.returnPressed.connect(self.table.setFocus)
        self.save_button.clicked.connect(self.save)
        self.unlock_button.clicked.connect(self.unlock)
        self.model.figures_changed.connect(self._figures_changed)
        self.model.cell_restored.connect(self._show_restored)
        self.table.selectionModel().currentChanged.connect(self._show_message)
        self._sync_picker()
        self.reload()

    @property
    def undo_stack(self) -> QUndoStack:
        """The figures typed since the month was shown (Edit → Undo while the page is shown)."""
        return self.model.undo_stack

    def _show_restored(self, index: QModelIndex) -> None:
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    # --- layout ---------------------------------------------------------------------------

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 6)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Measured, not resized to contents: that would read every row of a province sheet.
        padding = 2 * metrics.horizontalAdvance("M")
        widths = {
            Column.NUMBER: metrics.horizontalAdvance("5013-2567-0001-P01"),
            # Either choice, and the check box before it.
            Column.BY_PRODUCT: max(
                metrics.horizontalAdvance(self.model.mode_text(b)) for b in (True, False)
            )
            + 2 * metrics.height(),
            Column.AMOUNT: metrics.horizontalAdvance("999,999,999.99"),
            Column.ONLINE: metrics.horizontalAdvance("999,999,999.99"),
        }
        for column, width in widths.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(metrics.horizontalAdvance(line) for line in title.splitlines())
            header.resizeSection(column, max(width, widest) + padding)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)

    # --- choosing the month -------------------------------------------------------------

    def period_text(self, period: Period) -> str:
        return self.tr("{month} B.E. {year}").format(
            month=month_name(period.month), year=period.year_be
        )

    def _sync_picker(self) -> None:
        self.picker.set_period(self.period)
        self.prev_button.setEnabled(self.period.prev().year_be >= FIRST_YEAR_BE)
        self.next_button.setEnabled(self.period < self._latest)

    def _picker_changed(self) -> None:
        if not self.show_period(self.picker.period()):
            self._sync_picker()

    def show_period(self, period: Period) -> bool:
        """Shows ``period``'s figures, after asking about unsaved ones; False if the clerk
        chose to stay."""
        if period == self.period:
            self._sync_picker()
            return True
        if not self.confirm_leave():
            return False
        self.period = period
        self._sync_picker()
        self.reload()
        return True

    def _district_changed(self) -> None:
        wanted = self.district_combo.currentData()
        if wanted == self._district:
            return
        if not self.confirm_leave():
            self.district_combo.setCurrentIndex(self.district_combo.findData(self._district))
            return
        self._district = wanted
        self.reload()

    # --- reading and saving ---------------------------------------------------------------

    def reload(self) -> None:
        """Reads the month again, staying on the same cell."""
        current = self.table.currentIndex()
        with self._register.read() as session:
            rows = month_sheet(session, self.period, self._district)
            # Months are locked per district; "all districts" of a province shows none.
            self.state = (
                period_state(session, self._district, self.period) if self._district else None
            )
        self.model.load(rows)
        self._show_lock()
        if current.isValid() and current.row() < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        else:
            self.table.setCurrentIndex(self.table.next_cell())
        if not rows:
            self._notice = self.tr("No active entrepreneurs are registered yet.")
            self._show_message()

    def showEvent(self, event: QShowEvent) -> None:
        # Pick up entrepreneurs and products other pages added, unless the clerk is halfway
        # through the month.
        if not event.spontaneous() and not self.model.has_changes():
            self.reload()
        super().showEvent(event)

    def save(self) -> bool:
        """Writes the month's changed figures in one transaction; False when nothing could be
        saved (cells in error, or the register refused)."""
        if self.model.error_count():
            first = self.model.first_error()
            self.table.setCurrentIndex(first)
            self.table.scrollTo(first)
            self.table.setFocus()
            self._show_message()
            return False
        changes = self.model.changes()
        if not changes:
            return True
        try:
            self._write(changes)
        except PeriodLockedError as exc:
            # Sent from another PC while this one was typing: the figures stay on screen,
            # unsaved, and the banner says why.
            show_user_error(self, exc)
            self._refresh_lock()
            return False
        except UserError as exc:
            show_user_error(self, exc)
            return False
        self.reload()
        self._notice = self.tr("Saved the sales of {period} (entrepreneurs changed: {count}).")
        self._notice = self._notice.format(period=self.period_text(self.period), count=len(changes))
        self._show_message()
        return True

    def _write(self, changes: list[MonthChange]) -> None:
        """Saves off the GUI thread (a whole province's month takes a few seconds), the
        window painting meanwhile; raises here what the save raised there."""
        register, period = self._register, self.period

        def work(_progress: Progress) -> None:
            with register.write() as session:
                save_month_sheet(session, period, changes)

        done = run_busy(
            self,
            self.tr("Monthly sales"),
            self.tr("Saving the figures of {period}…").format(period=self.period_text(period)),
            work,
            show_after_ms=BUSY_AFTER_MS,
        )
        if done.error is not None:
            raise done.error

    # --- the month's submission lock ------------------------------------------------------

    def _refresh_lock(self) -> None:
        if self._district:
            with self._register.read() as session:
                self.state = period_state(session, self._district, self.period)
        self._show_lock()

    def _show_lock(self) -> None:
        state = self.state
        locked = state is not None and state.locked
        self.model.set_read_only(locked and not self.model.has_changes())
        self.unlock_button.setVisible(locked)
        if state is None or state.state is MonthState.OPEN:
            self.lock_banner.hide()
            return
        when = self._when(state)
        if locked:
            text = self.tr(
                "<b>{period} was sent to the province</b> on {when} by {user}. Its figures "
                "are read-only; to correct them, unlock the month — it must then be sent again."
            )
        else:
            text = self.tr(
                "<b>{period} was unlocked</b> on {when} by {user} ({reason}). Export and send "
                "the month again once the figures are corrected."
            )
        self.lock_text.setText(
            text.format(
                period=html.escape(self.period_text(self.period)),
                when=html.escape(when),
                user=html.escape(state.user or "-"),
                reason=html.escape(state.reason),
            )
        )
        self.lock_banner.show()
        self.save_button.setEnabled(self.model.has_changes() and not self.model.read_only)

    @staticmethod
    def _when(state: PeriodState) -> str:
        if state.at is None:
            return ""
        # One date style in both languages (B.E. dd/mm/yyyy), as every list and form shows;
        # the office's day (Thai time), whatever the computer's time zone.
        return format_be_date(state.at.astimezone(THAI_TIME).date())

    def ask_reason(self) -> str | None:
        """The reason for unlocking, as the clerk types it; None if they cancel."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(
            self.tr("Unlock {period}").format(period=self.period_text(self.period))
        )
        dialog.setLabelText(
            self.tr("Why must the figures change? The reason is kept with the month.")
        )
        dialog.setOkButtonText(self.tr("Unlock"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        edit = dialog.findChild(QLineEdit)
        if edit is not None:
            edit.setMaxLength(REASON_MAX)
        dialog.resize(480, dialog.sizeHint().height())
        if not dialog.exec():
            return None
        return dialog.textValue()

    def unlock(self) -> bool:
        """Asks for a reason and opens the submitted month for changes; True if unlocked."""
        if self._district is None or self.state is None or not self.state.locked:
            return False
        reason = self.ask_reason()
        if reason is None:
            return False
        try:
            with self._register.write() as session:
                user = export_user(get_office(session), "")
                unlock_period(session, self._district, self.period, reason=reason, user=user)
        except UserError as exc:
            show_user_error(self, exc)
            return False
        self._refresh_lock()
        self._notice = self.tr(
            "{period} is unlocked: correct the figures, save, then send it again."
        )
        self._notice = self._notice.format(period=self.period_text(self.period))
        self._show_message()
        return True

    def confirm_leave(self) -> bool:
        """True when the page may be left: nothing unsaved, or the clerk saved or discarded
        it. False when they chose to stay."""
        if not self.model.has_changes():
            return True
        answer = ask_to_save(
            self,
            self.tr("The sales of {period} have changes that are not saved.").format(
                period=self.period_text(self.period)
            ),
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # --- feedback -------------------------------------------------------------------------

    def _figures_changed(self) -> None:
        self._notice = ""
        self.totals.show_totals(self.model.totals())
        self.save_button.setEnabled(self.model.has_changes() and not self.model.read_only)
        self._show_message()

    def _show_message(self) -> None:
        error = self.model.error_at(self.table.currentIndex())
        count = self.model.error_count()
        if not error and count:
            error = self.tr("Cells in red are wrong ({count}): correct them, then save.")
            error = error.format(count=count)
        if error:
            self.message.setStyleSheet(ERROR_STYLE)
            self._say(error)
            return
        self.message.setStyleSheet("")
        if self._notice:
            self._say(self._notice)
        elif self.model.has_changes():
            self._say(self.tr("Changes not saved yet (Ctrl+S saves)."))
        else:
            self._say("")

    def _say(self, text: str) -> None:
        # No empty line under the grid while there is nothing to say.
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _start_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _find(self, text: str) -> None:
        found = self.model.find(text)
        if not found.isValid():
            return
        # Straight to where its figure is typed, if the row has one.
        row = found.row()
        figures = [c for c in AMOUNT_COLUMNS if self.table.editable(row, c)]
        target = self.model.index(row, figures[0]) if figures else found
        self.table.setCurrentIndex(target)
        self.table.scrollTo(target, QAbstractItemView.ScrollHint.PositionAtCenter)
