"""A date field in the Buddhist Era. Clerks type dates as they write them on paper
(``15/10/2568``, ``15 ต.ค. 2568``, ``๑๕ ตุลาคม ๒๕๖๘``) or pick them from a calendar whose years
are B.E. and whose months are named in Thai: Qt's own QDateEdit and QCalendarWidget only
know Christian years, and a clerk who sees 2025 in one place and 2568 in another mixes
them up."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import cast

from PySide6.QtCore import QEvent, QLocale, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.thaiformat import (
    MAX_BE_YEAR,
    MIN_BE_YEAR,
    THAI_MONTHS,
    ThaiDateError,
    be_year,
    ce_year,
    format_be_date,
    parse_be_date,
    thai_today,
)
from ui.lang import pick, ui_is_thai
from ui.widgets.field_error import FieldMessage

# The calendar never leaves the years parse_be_date accepts, so a picked date always reads
# back as itself.
EARLIEST = date(ce_year(MIN_BE_YEAR), 1, 1)
LATEST = date(ce_year(MAX_BE_YEAR), 12, 31)
INVALID_BACKGROUND = QColor("#fde7e7")
# Room for the longest way a clerk types a date, so the text does not scroll while typed.
WIDEST_TYPED = "30 พฤศจิกายน 2568"


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), or the month's last day if it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def month_title(day: date) -> str:
    """``ตุลาคม 2568``: the month by name and the B.E. year."""
    thai = ui_is_thai()
    name = THAI_MONTHS[day.month - 1] if thai else QLocale().standaloneMonthName(day.month)
    return f"{name} {be_year(day)}"


def _clamped(day: date) -> date:
    return min(max(day, EARLIEST), LATEST)


class MonthGrid(QWidget):
    """One month as a grid of days. The cursor is the day that Enter picks: arrows move it a
    day or a week, Page Up/Page Down a month (with Ctrl a year), Home/End to the month's
    ends; Esc asks to close."""

    picked = Signal(object)
    monthChanged = Signal()
    closeRequested = Signal()

    ROWS = 6  # the most weeks a month touches

    def __init__(self, cursor: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._cursor = _clamped(cursor)
        self.selected: date | None = None
        self._first_day = self.locale().firstDayOfWeek().value
        names = [self._day_name(column) for column in range(7)]
        metrics = self.fontMetrics()
        width = max(metrics.horizontalAdvance(text) for text in [*names, "28"]) + 18
        self._cell = QSize(width, metrics.height() + 12)
        self.setFixedSize(self._cell.width() * 7, self._cell.height() * (self.ROWS + 1))

    def cursor_day(self) -> date:
        return self._cursor

    def set_cursor(self, day: date) -> None:
        day = _clamped(day)
        new_month = (day.year, day.month) != (self._cursor.year, self._cursor.month)
        self._cursor = day
        self.update()
        if new_month:
            self.monthChanged.emit()

    def move_months(self, months: int) -> None:
        index = self._cursor.year * 12 + self._cursor.month - 1 + months
        if ce_year(MIN_BE_YEAR) * 12 <= index < (ce_year(MAX_BE_YEAR) + 1) * 12:
            self.set_cursor(add_months(self._cursor, months))

    def _day_name(self, column: int) -> str:
        day_of_week = (self._first_day - 1 + column) % 7 + 1
        # Thai calendars head their columns อา จ อ …; English ones Mon Tue ….
        form = QLocale.FormatType.NarrowFormat if ui_is_thai() else QLocale.FormatType.ShortFormat
        return self.locale().standaloneDayName(day_of_week, form)

    def _cell_rect(self, row: int, column: int) -> QRect:
        return QRect(
            column * self._cell.width(),
            row * self._cell.height(),
            self._cell.width(),
            self._cell.height(),
        )

    def _place(self, day: date) -> tuple[int, int]:
        """(row, column) of a day of the shown month; row 0 holds the day names."""
        offset = (day.replace(day=1).isoweekday() - self._first_day) % 7
        index = offset + day.day - 1
        return 1 + index // 7, index % 7

    def _day_at(self, pos: QPoint) -> date | None:
        last = calendar.monthrange(self._cursor.year, self._cursor.month)[1]
        for number in range(1, last + 1):
            day = self._cursor.replace(day=number)
            if self._cell_rect(*self._place(day)).contains(pos):
                return day
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        for column in range(7):
            painter.drawText(
                self._cell_rect(0, column), Qt.AlignmentFlag.AlignCenter, self._day_name(column)
            )
        today = thai_today()
        last = calendar.monthrange(self._cursor.year, self._cursor.month)[1]
        for number in range(1, last + 1):
            day = self._cursor.replace(day=number)
            rect = self._cell_rect(*self._place(day)).adjusted(2, 2, -2, -2)
            painter.setFont(bold if day in (today, self.selected) else self.font())
            pen = palette.color(QPalette.ColorRole.Text)
            if day == self._cursor:
                group = (
                    QPalette.ColorGroup.Active if self.hasFocus() else QPalette.ColorGroup.Inactive
                )
                painter.fillRect(rect, palette.color(group, QPalette.ColorRole.Highlight))
                pen = palette.color(group, QPalette.ColorRole.HighlightedText)
            if day == today:
                painter.setPen(palette.color(QPalette.ColorRole.Highlight))
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
            painter.setPen(pen)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(number))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        months = 12 if event.modifiers() & Qt.KeyboardModifier.ControlModifier else 1
        if key in steps:
            self.set_cursor(self._cursor + timedelta(days=steps[key]))
        elif key == Qt.Key.Key_PageUp:
            self.move_months(-months)
        elif key == Qt.Key.Key_PageDown:
            self.move_months(months)
        elif key == Qt.Key.Key_Home:
            self.set_cursor(self._cursor.replace(day=1))
        elif key == Qt.Key.Key_End:
            last = calendar.monthrange(self._cursor.year, self._cursor.month)[1]
            self.set_cursor(self._cursor.replace(day=last))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.picked.emit(self._cursor)
        elif key == Qt.Key.Key_Escape:
            self.closeRequested.emit()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self._day_at(event.position().toPoint())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.set_cursor(day)
            self.picked.emit(day)
        else:
            super().mousePressEvent(event)


class CalendarPopup(QFrame):
    """The calendar under a BEDateEdit: a month title in B.E. with buttons to the previous and
    next month and year, the grid of days, and Today. ``picked`` carries the chosen date;
    ``finished`` follows a pick or Esc (not a click elsewhere, which moves the focus there)."""

    picked = Signal(object)
    finished = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = MonthGrid(thai_today())
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        header = QHBoxLayout()
        header.setSpacing(0)
        steps = (
            ("«", self.tr("Previous year (Ctrl+Page Up)"), -12),
            ("‹", self.tr("Previous month (Page Up)"), -1),
            ("›", self.tr("Next month (Page Down)"), 1),
            ("»", self.tr("Next year (Ctrl+Page Down)"), 12),
        )
        for index, (text, tip, months) in enumerate(steps):
            if index == 2:
                header.addWidget(self.title, 1)
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setAutoRaise(True)
            # The grid keeps the focus, so the keys keep working after a click.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, m=months: self.grid.move_months(m))
            header.addWidget(button)

        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.today_button.clicked.connect(lambda: self._pick(thai_today()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.grid)
        layout.addWidget(self.today_button, 0, Qt.AlignmentFlag.AlignRight)

        self.grid.monthChanged.connect(self._show_month)
        self.grid.picked.connect(self._pick)
        self.grid.closeRequested.connect(self._dismiss)
        self._show_month()

    def _show_month(self) -> None:
        self.title.setText(month_title(self.grid.cursor_day()))

    def _pick(self, day: date) -> None:
        self.close()
        self.picked.emit(day)
        self.finished.emit()

    def _dismiss(self) -> None:
        self.close()
        self.finished.emit()

    def open_at(self, selected: date | None, anchor: QWidget) -> None:
        """Shows the month of ``selected`` (today's if None) under ``anchor``, or above it
        when the screen ends below."""
        self.grid.selected = selected
        self.grid.set_cursor(selected or thai_today())
        self._show_month()
        self.adjustSize()
        size = self.size()
        area = anchor.screen().availableGeometry()
        below = anchor.mapToGlobal(QPoint(0, anchor.height()))
        x = max(area.left(), min(below.x(), area.right() - size.width()))
        y = below.y()
        if y + size.height() > area.bottom():
            y = anchor.mapToGlobal(QPoint(0, 0)).y() - size.height()
        self.move(x, max(area.top(), y))
        self.show()
        self.grid.setFocus(Qt.FocusReason.PopupFocusReason)


#: ``date`` under another name: inside BEDateEdit the name is its method ``date``.
Day = date


class BEDateEdit(QWidget):
    """A B.E. date typed as text or picked from the calendar (the button, Alt+Down or F4).
    The text reads back as ``15/10/2568`` once the clerk leaves the field; text that is not a
    date keeps as typed, with parse_be_date's message under it (or, with
    ``inline_message=False`` for a table cell, in the tooltip) and ``date()`` None."""

    dateChanged = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        required: bool = False,
        inline_message: bool = True,
    ) -> None:
        super().__init__(parent)
        self._required = required
        self._committed: date | None = None
        self.line_edit = QLineEdit()
        self.line_edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.line_edit.setMaxLength(40)
        margins = self.line_edit.textMargins()
        self.line_edit.setFixedWidth(
            self.line_edit.fontMetrics().horizontalAdvance(WIDEST_TYPED)
            + margins.left()
            + margins.right()
            + 16
        )
        self.line_edit.installEventFilter(self)
        self.button = QToolButton()
        self.button.setText("▾")
        tip = self.tr("Choose from a calendar (Alt+Down)")
        self.button.setToolTip(tip)
        self.button.setAccessibleName(tip)
        # Alt+Down reaches the calendar from the text, so Tab need not stop on the button.
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        self.message = FieldMessage() if inline_message else None
        self.calendar: CalendarPopup | None = None

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line_edit)
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        if self.message is not None:
            layout.addWidget(self.message)
        # Expanding, so that a message under the field has the form's width to wrap in.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusProxy(self.line_edit)
        self.line_edit.editingFinished.connect(self._commit)
        self.line_edit.textEdited.connect(self._clear_problem)

    def date(self) -> date | None:
        """The date the text reads as, or None when it is empty or not a date."""
        try:
            return parse_be_date(self.line_edit.text())
        except ThaiDateError:
            return None

    def setDate(self, value: Day | None) -> None:
        self.line_edit.setText("" if value is None else format_be_date(value))
        self._show_problem("")
        self._set_committed(value)

    def text(self) -> str:
        return self.line_edit.text()

    def is_required(self) -> bool:
        return self._required

    def setRequired(self, required: bool) -> None:
        self._required = required

    def error(self) -> str:
        """What is wrong with the text, in the UI's language; empty when nothing is."""
        text = self.line_edit.text()
        if not text.strip() and not self._required:
            return ""
        try:
            parse_be_date(text)
        except ThaiDateError as exc:
            return pick(exc.message_th, exc.message_en)
        return ""

    def entered(self) -> Day | str | None:
        """What to give a service: the date; the text as typed when it is not a date, so the
        service refuses it in its own words under the field; None when empty."""
        if not self.line_edit.text().strip():
            return None
        return self.date() or self.line_edit.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line_edit and event.type() == QEvent.Type.KeyPress:
            key_event = cast(QKeyEvent, event)
            alt_down = key_event.key() == Qt.Key.Key_Down and bool(
                key_event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if alt_down or key_event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def open_calendar(self) -> None:
        if not self.isEnabled():
            return
        if self.calendar is None:
            self.calendar = CalendarPopup(self)
            self.calendar.picked.connect(self._picked)
            self.calendar.finished.connect(self.line_edit.setFocus)
        self.calendar.open_at(self.date(), self.line_edit)

    def _picked(self, day: Day) -> None:
        self.setDate(day)
        self.line_edit.selectAll()

    def _commit(self) -> None:
        problem = self.error()
        self._show_problem(problem)
        value = self.date()
        if value is not None and self.line_edit.text() != format_be_date(value):
            self.line_edit.setText(format_be_date(value))
        self._set_committed(value)

    def _clear_problem(self) -> None:
        # Typing makes the message stale; leaving the field judges the text again.
        self._show_problem("")

    def _show_problem(self, problem: str) -> None:
        if self.message is not None:
            self.message.show_message(problem)
        self.line_edit.setToolTip(problem)
        # A palette with only Base set overrides only Base; an empty one inherits everything.
        palette = QPalette()
        if problem:
            palette.setColor(QPalette.ColorRole.Base, INVALID_BACKGROUND)
        self.line_edit.setPalette(palette)

    def _set_committed(self, value: Day | None) -> None:
        if value != self._committed:
            self._committed = value
            self.dateChanged.emit(value)
