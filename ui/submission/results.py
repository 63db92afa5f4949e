"""What became of each district workbook the province imported: accepted or refused, its
district and month, and every reason and warning with its sheet, row and column. Each file's
row appears as soon as its transaction has ended, so that an import stopped half-way still
shows which files went in. The list can be copied or saved as text, and the reasons of the
refused files saved as workbooks, to send back to the districts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.errors import UserError
from otop_desktop.outputs import existing, write_file
from otop_desktop.submission.province_import import FileResult
from otop_desktop.submission.reasons import reasons_name, save_reasons
from otop_desktop.submission.workbook_reading import Reason
from ui.file_dialogs import existing_directory, save_file_name
from ui.lang import pick
from ui.messages import show_user_error
from ui.submission.texts import district_text, period_text
from ui.submission.widgets import ask_to_replace, default_folder

REFUSED_COLOUR = QColor("#9b1c1c")
WARNING_COLOUR = QColor("#8a5a00")
ACCEPTED_COLOUR = QColor("#1b5e20")
REASON_MARK = "✗"
WARNING_MARK = "⚠"
#: Reasons listed under a file before the tree stops opening them all at once.
EXPAND_UP_TO = 300


def outcome_text(result: FileResult) -> str:
    return (
        QCoreApplication.translate("ImportResults", "Accepted")
        if result.accepted
        else QCoreApplication.translate("ImportResults", "Refused")
    )


def notes_text(result: FileResult) -> str:
    notes = []
    if result.accepted:
        notes.append(
            QCoreApplication.translate(
                "ImportResults", "{sales} sales rows, {entrepreneurs} entrepreneurs"
            ).format(sales=result.sales, entrepreneurs=result.entrepreneurs)
        )
    if result.replaced:
        notes.append(QCoreApplication.translate("ImportResults", "replaces the file sent before"))
    if result.accepted and not result.snapshot:
        notes.append(
            QCoreApplication.translate(
                "ImportResults",
                "sent late: the register list stays as the newer month has it",
            )
        )
    if result.warnings:
        notes.append(
            QCoreApplication.translate("ImportResults", "{count} warning(s)").format(
                count=len(result.warnings)
            )
        )
    if result.reasons:
        notes.append(
            QCoreApplication.translate("ImportResults", "{count} reason(s)").format(
                count=len(result.reasons)
            )
        )
    return "; ".join(notes)


def reason_text(reason: Reason) -> str:
    return pick(reason.text_th, reason.text_en)


class ResultRelay(QObject):
    """Carries each file's result from the import's worker thread to the list (a queued
    signal: the list is only ever touched in the GUI thread)."""

    result = Signal(object)


def summary_text(results: list[FileResult], not_read: int = 0) -> str:
    accepted = sum(r.accepted for r in results)
    text = QCoreApplication.translate(
        "ImportResults", "{accepted} of {count} file(s) accepted, {refused} refused."
    ).format(accepted=accepted, count=len(results) + not_read, refused=len(results) - accepted)
    if not_read:
        text += " " + QCoreApplication.translate(
            "ImportResults", "Cancelled: {count} file(s) were not read."
        ).format(count=not_read)
    return text


def results_text(results: list[FileResult], not_read: int = 0) -> str:
    """The whole list as plain text, one file after another with its reasons indented."""
    lines = [summary_text(results, not_read), ""]
    for result in results:
        head = f"{result.path.name} — {outcome_text(result)}"
        if result.district_code:
            head += f": {district_text(result.district_code)}"
        if result.period is not None:
            head += f", {period_text(result.period)}"
        lines.append(head)
        lines.append(f"    {result.path}")
        notes = notes_text(result)
        if notes:
            lines.append(f"    {notes}")
        lines.extend(f"    {REASON_MARK} {reason_text(r)}" for r in result.reasons)
        lines.extend(f"    {WARNING_MARK} {reason_text(r)}" for r in result.warnings)
        lines.append("")
    return "\n".join(lines)


class ImportResults(QWidget):
    """The results of the last import; empty until one has run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: list[FileResult] = []
        self.not_read = 0
        self.summary = QLabel(self.tr("No workbooks imported yet in this session."))
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [
                self.tr("File"),
                self.tr("Result"),
                self.tr("District"),
                self.tr("Month"),
                self.tr("Notes"),
            ]
        )
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._details = 0
        self.copy_button = QPushButton(self.tr("Copy the list"))
        self.save_button = QPushButton(self.tr("Save as text…"))
        self.reasons_button = QPushButton(self.tr("Save the reasons…"))
        self.reasons_button.setToolTip(
            self.tr(
                "Saves each refused file's reasons as a workbook (sheet, row and column in "
                "their own cells) to send back to its district."
            )
        )
        for button in (self.copy_button, self.save_button, self.reasons_button):
            button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        self.reasons_button.clicked.connect(self.save_reasons)
        # The folder the reasons were last saved in.
        self.reasons_folder = default_folder()

        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reasons_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)

    def begin(self, count: int) -> None:
        """An import of ``count`` files starts: the list is emptied and fills as they come."""
        self.results = []
        self.not_read = 0
        self.tree.clear()
        self._details = 0
        self.summary.setText(self.tr("Importing {count} file(s)…").format(count=count))
        for button in (self.copy_button, self.save_button, self.reasons_button):
            button.setEnabled(False)

    def add(self, result: FileResult) -> None:
        """One file's result, as soon as it is known."""
        self.results.append(result)
        item = QTreeWidgetItem(
            [
                result.path.name,
                outcome_text(result),
                district_text(result.district_code) if result.district_code else "",
                period_text(result.period) if result.period else "",
                notes_text(result),
            ]
        )
        item.setToolTip(0, str(result.path))
        item.setToolTip(4, notes_text(result))
        item.setForeground(1, QBrush(ACCEPTED_COLOUR if result.accepted else REFUSED_COLOUR))
        font = item.font(1)
        font.setBold(True)
        item.setFont(1, font)
        self.tree.addTopLevelItem(item)
        for reasons, mark, colour in (
            (result.reasons, REASON_MARK, REFUSED_COLOUR),
            (result.warnings, WARNING_MARK, WARNING_COLOUR),
        ):
            for reason in reasons:
                child = QTreeWidgetItem(item, [f"{mark} {reason_text(reason)}"])
                child.setForeground(0, QBrush(colour))
                child.setToolTip(0, reason_text(reason))
                child.setFirstColumnSpanned(True)
                self._details += 1
        # Refused files open at once: their reasons are what the clerk needs to read.
        item.setExpanded(not result.accepted or self._details <= EXPAND_UP_TO)
        self.tree.scrollToItem(item)
        self.summary.setText(summary_text(self.results))

    def finish(self, not_read: int = 0) -> None:
        """The import has ended (``not_read`` files were left when it was cancelled)."""
        self.not_read = not_read
        self.summary.setText(summary_text(self.results, not_read))
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        for button in (self.copy_button, self.save_button):
            button.setEnabled(bool(self.results))
        self.reasons_button.setEnabled(any(not r.accepted for r in self.results))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(results_text(self.results, self.not_read))

    def save(self) -> None:
        path = save_file_name(
            self,
            self.tr("Save the import results"),
            str(Path.home() / "OTOP-import-results.txt"),
            self.tr("Text files (*.txt)"),
        )
        if not path:
            return
        # With a BOM, so that Notepad on older Windows reads the Thai correctly. force: the
        # save dialog asked before the clerk picked an existing file.
        data = results_text(self.results, self.not_read).encode("utf-8-sig")
        try:
            write_file(Path(path), data, force=True)
        except UserError as exc:
            show_user_error(self, exc)

    def save_reasons(self) -> None:
        refused = [r for r in self.results if not r.accepted]
        chosen = existing_directory(
            self,
            self.tr("Folder for the reasons of {count} refused file(s)").format(count=len(refused)),
            str(self.reasons_folder),
        )
        if not chosen:
            return
        folder = Path(chosen)
        self.reasons_folder = folder
        there = existing(folder / reasons_name(r.path) for r in refused)
        if there and not ask_to_replace(self, there):
            return
        try:
            saved = save_reasons(refused, folder, force=bool(there))
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.summary.setText(
            summary_text(self.results, self.not_read)
            + " "
            + self.tr("Reasons saved: {count} file(s) in {folder}.").format(
                count=len(saved), folder=folder
            )
        )
