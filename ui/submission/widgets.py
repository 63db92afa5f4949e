"""Pieces both submission pages use: the summary of the last export, the
list of past exports, and asking where a file goes."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.outputs import existing
from otop_desktop.services.exports import PastExport
from otop_desktop.thaiformat import format_money
from ui.file_dialogs import save_file_name
from ui.submission.models import PastExportsModel
from ui.widgets.confirm import confirm


class ExportSummary(QGroupBox):
    """What the last export wrote: its file or folder, the rows of each sheet, the sales."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Last export"), parent)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.total_label = QLabel()
        self.open_button = QPushButton(self.tr("Open the folder"))
        self.open_button.clicked.connect(self.open_folder)
        self.folder: Path | None = None
        form = QFormLayout()
        form.addRow(self.tr("Written:"), self.file_label)
        form.addRow(self.tr("Rows:"), self.counts_label)
        form.addRow(self.tr("Sales of the month:"), self.total_label)
        layout = QHBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_export(
        self,
        written: str,
        folder: Path,
        counts: Sequence[tuple[str, int]],
        sales_total: Decimal,
    ) -> None:
        locale = self.locale()
        self.file_label.setText(written)
        self.counts_label.setText(
            "; ".join(f"{label}: {locale.toString(n)}" for label, n in counts)
        )
        self.total_label.setText(self.tr("{amount} baht").format(amount=format_money(sales_total)))
        self.folder = folder
        self.show()

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


class PastExports(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Past exports"), parent)
        self.model = PastExportsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("Nothing exported yet."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)

    def load(self, rows: list[PastExport]) -> None:
        self.model.load(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))


def ask_save_path(parent: QWidget, title: str, folder: Path, name: str) -> Path | None:
    """The file the clerk chose (``.xlsx`` added if they left it out), or None. An existing
    file is chosen only once the clerk has agreed to replace it: the save dialog asks when
    they pick one, and this asks when the added ``.xlsx`` names one."""
    chosen = save_file_name(
        parent,
        title,
        str(folder / name),
        QCoreApplication.translate("Submission", "Excel workbooks (*.xlsx)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() == ".xlsx":
        return path
    path = path.with_name(path.name + ".xlsx")
    if existing([path]) and not ask_to_replace(parent, [path]):
        return None
    return path


def ask_to_replace(parent: QWidget, files: Sequence[Path]) -> bool:
    """Asks before existing files are replaced; True when the clerk agrees."""
    if len(files) == 1:
        text = QCoreApplication.translate(
            "Submission", "{file} already exists. Replace it?"
        ).format(file=files[0])
    else:
        text = QCoreApplication.translate(
            "Submission", "{count} of these workbooks are already in {folder}. Replace them?"
        ).format(count=len(files), folder=files[0].parent)
    keep = (
        QCoreApplication.translate("Submission", "Keep it")
        if len(files) == 1
        else QCoreApplication.translate("Submission", "Keep them")
    )
    return confirm(parent, text, QCoreApplication.translate("Submission", "Replace"), keep)


def default_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()
