"""The records a certificate or form batch is printed for: found by typing part of a name or
a number, gathered in a list the clerk can trim."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.database import Register
from otop_desktop.services.support import EntrepreneurChoice
from ui.support.entrepreneur_search import EntrepreneurSearch, choice_text

_CHOICE = Qt.ItemDataRole.UserRole
# The list is at least this many rows high and grows with the page.
VISIBLE_ROWS = 4


class ChosenList(QListWidget):
    """Delete removes the selected records."""

    removeRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.removeRequested.emit()
            return
        super().keyPressEvent(event)


class RecordPicker(QWidget):
    """``changed`` whenever a record is added or removed."""

    changed = Signal()

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = EntrepreneurSearch(register)
        self.search.setAccessibleName(self.tr("Add a record"))
        self.chosen = ChosenList()
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.chosen.setAccessibleName(self.tr("Records to print"))
        # Long names are cut short (the tooltip has them whole) rather than scrolled sideways.
        self.chosen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chosen.setMinimumHeight(self.chosen.fontMetrics().height() * VISIBLE_ROWS)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected records from the list (Del)"))
        self.clear_button = QPushButton(self.tr("Remove all"))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.chosen, 1)
        layout.addLayout(buttons)

        self.search.picked.connect(self._picked)
        self.chosen.removeRequested.connect(self.remove_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button.clicked.connect(self.clear)
        self.chosen.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def reg_nos(self) -> tuple[str, ...]:
        return tuple(choice.reg_no for choice in self.choices())

    def choices(self) -> list[EntrepreneurChoice]:
        return [self.chosen.item(row).data(_CHOICE) for row in range(self.chosen.count())]

    def add(self, choices: Iterable[EntrepreneurChoice]) -> None:
        """Adds the records not in the list yet, and selects the last one given."""
        present = set(self.reg_nos())
        last: QListWidgetItem | None = None
        for choice in choices:
            if choice.reg_no in present:
                last = self._item_of(choice.reg_no)
                continue
            present.add(choice.reg_no)
            last = QListWidgetItem(choice_text(choice))
            last.setToolTip(choice_text(choice))
            last.setData(_CHOICE, choice)
            self.chosen.addItem(last)
        if last is not None:
            self.chosen.setCurrentItem(last)
            self.chosen.scrollToItem(last)
        self._update_buttons()
        self.changed.emit()

    def set_choices(self, choices: Iterable[EntrepreneurChoice]) -> None:
        self.chosen.clear()
        self.add(choices)

    def remove_selected(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))
        self._update_buttons()
        self.changed.emit()

    def clear(self) -> None:
        self.chosen.clear()
        self._update_buttons()
        self.changed.emit()

    def _item_of(self, reg_no: str) -> QListWidgetItem | None:
        for row in range(self.chosen.count()):
            item = self.chosen.item(row)
            if item.data(_CHOICE).reg_no == reg_no:
                return item
        return None

    def _picked(self, choice: EntrepreneurChoice) -> None:
        self.add([choice])
        # Ready for the next name.
        self.search.clear()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.chosen.selectedItems()))
        self.clear_button.setEnabled(self.chosen.count() > 0)
