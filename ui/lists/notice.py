"""A line above a list that tells the clerk what just happened to it (a new record saved, and
where it is), with a one-click way out when the list's filters hide that record."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class ListNotice(QFrame):
    """Hidden until ``say``; ``clearFilters()`` when the clerk asks for the whole list."""

    clearFilters = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("listNotice")
        # The palette's highlight, faintly: seen at once, in a light or a dark theme.
        self.setStyleSheet(
            "QFrame#listNotice { background: palette(alternate-base); "
            "border: 1px solid palette(highlight); border-radius: 4px; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self._clear)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close this message"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.close_button)
        self.hide()

    def say(self, text: str, *, offer_clear: bool = False) -> None:
        self.text.setText(text)
        self.clear_button.setVisible(offer_clear)
        self.show()

    def _clear(self) -> None:
        self.hide()
        self.clearFilters.emit()
