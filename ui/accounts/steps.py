"""Pages of a dialog shown one at a time (the first head's account, then its recovery code,
then a new key), and dialogs as tall as their word-wrapped text. Unlike QStackedWidget, the
hidden pages take no room and the shown one's text gets the height it needs."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget


def fit_height(window: QWidget) -> None:
    """Makes ``window`` as tall as its word-wrapped text needs at its width. Qt sizes a new
    window by its layout's size hint, which leaves a wrapped label a line or two short."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = max(window.width(), window.minimumSizeHint().width())
    height = window.heightForWidth(width)
    if height < 0:
        height = window.sizeHint().height()
    height = max(height, window.minimumSizeHint().height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)


class FittedDialog(QDialog):
    """A dialog fitted to its text each time it is shown (unless ``FIT`` is False), whose
    default button stays the one Enter presses. Qt moves the default to whichever button
    had the focus last ("auto default"), and after a click on the default button and a
    refusal that focuses a field, Enter would press none."""

    FIT = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if event.spontaneous():
            return
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        if self.FIT:
            fit_height(self)


class Steps(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = 0

    def addWidget(self, page: QWidget) -> None:
        page.setVisible(not self._pages)
        self._layout.addWidget(page)
        self._pages.append(page)

    def currentIndex(self) -> int:
        return self._current

    def widget(self, index: int) -> QWidget:
        return self._pages[index]

    def setCurrentIndex(self, index: int) -> None:
        self._current = index
        for number, page in enumerate(self._pages):
            page.setVisible(number == index)
        window = self.window()
        if window is not self and window.isVisible():
            fit_height(window)
