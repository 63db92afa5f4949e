"""Trainings and grants: the support the office gives its entrepreneurs, on two tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from otop_desktop.database import Register
from ui.support.lists import GrantsList, TrainingsList


class SupportPage(QWidget):
    """The trainings tab and the grants tab; each list has its own search, Ctrl+N and form
    (a hidden tab's shortcuts do not fire)."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trainings = TrainingsList(register)
        self.grants = GrantsList(register)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # In line with the lists' own margin below them.
        self.tabs.setStyleSheet("QTabWidget::tab-bar { left: 8px; }")
        self.tabs.addTab(self.trainings, self.tr("&Trainings"))
        self.tabs.addTab(self.grants, self.tr("&Grants"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.tabs)
