"""The month picker of the pages that work on one month (sales, printing, submission): a month
named in the program's language and a B.E. year, from the first month the register takes up to
a latest one. One widget, so that the pages agree on the range and on what a choice emits."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from otop_desktop.thaiformat import THAI_MONTHS, Period, be_year, last_complete, thai_today
from otop_desktop.validation import EARLIEST
from ui.lang import ui_is_thai

FIRST_YEAR_BE = be_year(EARLIEST)


def month_name(month: int) -> str:
    """The month's name in the program's language (Thai, or the locale's)."""
    if ui_is_thai():
        return THAI_MONTHS[month - 1]
    return QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)


class MonthPicker(QWidget):
    """A B.E. month up to ``latest`` (default: the current month); starts at the last complete
    month. ``changed`` is emitted when the clerk picks a month (a month after ``latest`` is
    taken back to it first), never when ``set_period`` sets one."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        latest: Period | None = None,
    ) -> None:
        super().__init__(parent)
        today = today or thai_today()
        self.latest = latest or Period.of(today)
        self.month_combo = QComboBox()
        self.month_combo.addItems([month_name(m) for m in range(1, 13)])
        self.month_combo.setAccessibleName(self.tr("Month"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR_BE, self.latest.year_be)
        self.year_spin.setPrefix(self.tr("B.E. "))
        # A year typed digit by digit is one choice, not four.
        self.year_spin.setKeyboardTracking(False)
        self.year_spin.setAccessibleName(self.tr("Year (B.E.)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.month_combo, 1)
        layout.addWidget(self.year_spin)
        self.set_period(last_complete(today))
        self.month_combo.activated.connect(self._picked)
        self.year_spin.valueChanged.connect(self._picked)

    def period(self) -> Period:
        return Period(self.year_spin.value(), self.month_combo.currentIndex() + 1)

    def set_period(self, period: Period) -> None:
        period = min(period, self.latest)
        with QSignalBlocker(self.month_combo), QSignalBlocker(self.year_spin):
            self.month_combo.setCurrentIndex(period.month - 1)
            self.year_spin.setValue(period.year_be)

    def _picked(self) -> None:
        if self.period() > self.latest:
            self.set_period(self.latest)
        self.changed.emit()
