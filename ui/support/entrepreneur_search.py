"""Picking an entrepreneur of the register by typing part of a name or a registration number:
the matches drop down under the field as the clerk types, and a click or Enter picks one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

from otop_desktop.database import Register
from otop_desktop.services.support import EntrepreneurChoice, find_entrepreneurs
from ui.lists.page import SEARCH_DELAY_MS

# Matches offered at once: enough to see the one meant; a longer query narrows them.
MATCHES = 15
_CHOICE = Qt.ItemDataRole.UserRole


def choice_text(choice: EntrepreneurChoice) -> str:
    return f"{choice.reg_no}  {choice.name}"


class EntrepreneurSearch(QLineEdit):
    """``picked(EntrepreneurChoice)`` when the clerk chooses one of the matches."""

    picked = Signal(object)

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self.setPlaceholderText(self.tr("Type a name or a registration number"))
        self.setClearButtonEnabled(True)
        self.matches = QStandardItemModel(self)
        # Not the line edit's own completer: that would write the match into the field and
        # filter the matches again by the text; the service has matched them already.
        self.suggestions = QCompleter(self.matches, self)
        self.suggestions.setWidget(self)
        self.suggestions.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        # The overload of the signal is chosen by its argument type.
        self.suggestions.activated[QModelIndex].connect(self._activated)  # type: ignore[index]  # PySide6's stub lacks signal overload indexing
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_now)
        self.textEdited.connect(self._debounce.start)

    def search_now(self) -> None:
        """Offers the matches of the text at once (the debounce does it as the clerk types)."""
        self._debounce.stop()
        text = self.text()
        with self._register.read() as session:
            found = find_entrepreneurs(session, text, limit=MATCHES)
        self.matches.clear()
        for choice in found:
            item = QStandardItem(choice_text(choice))
            item.setData(choice, _CHOICE)
            item.setEditable(False)
            self.matches.appendRow(item)
        if not found and text.strip():
            nothing = QStandardItem(self.tr("No entrepreneur matches “{text}”").format(text=text))
            nothing.setFlags(Qt.ItemFlag.NoItemFlags)
            self.matches.appendRow(nothing)
        if self.matches.rowCount():
            self.suggestions.complete()
        else:
            self._popup().hide()

    def _popup(self) -> QAbstractItemView:
        popup = self.suggestions.popup()
        assert popup is not None  # a completer always has its list
        return popup

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Down opens the matches, as in a combo box.
        if event.key() == Qt.Key.Key_Down and not self._popup().isVisible():
            self.search_now()
            return
        super().keyPressEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        choice = index.data(_CHOICE)
        if isinstance(choice, EntrepreneurChoice):
            self.picked.emit(choice)
