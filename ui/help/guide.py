"""The guide's window: the HTML pages of resources/help/<language>/ with their screenshots,
in a QTextBrowser. Nothing is fetched from the network: a link outside the guide is not
followed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.paths import resources_dir
from ui.lang import ui_is_thai

# Fits beside the main window's content on a 1366×768 screen.
GUIDE_SIZE = (900, 640)


def guide_file() -> Path:
    """The guide's first page in the language the program runs in."""
    return resources_dir() / "help" / ("th" if ui_is_thai() else "en") / "index.html"


class HelpDialog(QDialog):
    """The guide, beside the program (not modal: the clerk follows it while working)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Guide to OTOP Desktop"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)  # offline: nothing leaves the computer
        start = guide_file()
        self.browser.setSearchPaths([str(start.parent), str(start.parent.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(start)))

        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setShortcut(QKeySequence.StandardKey.Back)
        self.back_button.setEnabled(False)
        self.home_button = QPushButton(self.tr("&Contents"))
        self.back_button.clicked.connect(self.browser.backward)
        self.home_button.clicked.connect(self.browser.home)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)

        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        self.resize(*GUIDE_SIZE)


def show_help(parent: QWidget) -> HelpDialog:
    """Shows the guide (F1), one window per main window, brought forward if already open."""
    dialog = parent.findChild(HelpDialog)
    if dialog is None:
        dialog = HelpDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
