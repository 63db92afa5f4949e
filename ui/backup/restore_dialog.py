"""File → Restore…: the register's backups in its backup folder, newest first, each with what
it holds; or a backup file from elsewhere. The one picked is checked, described, and
restored only after the clerk confirms; the register as it is now is set aside, not
deleted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.backup import settings, sidecar
from otop_desktop.backup.sidecar import BACKUP_SUFFIX, BackupInfo
from ui.backup.busy import run_busy
from ui.backup.source import CheckedBackup, check_backup
from ui.backup.texts import count_text, newest_number, reason_text, size_text, when_text
from ui.file_dialogs import open_file_name
from ui.jobs import Job, Progress, report_error
from ui.messages import show_error
from ui.widgets.confirm import confirm

# The table's columns.
MADE, REASON, ENTREPRENEURS, PRODUCTS, SIZE, NEWEST = range(6)


class RestoreDialog(QDialog):
    """After ``exec()`` returns Accepted, ``chosen`` is the checked backup to restore."""

    def __init__(self, register_id: str, db: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register_id = register_id
        self._db = db
        self.folder = settings.folder_of(register_id)
        self.backups: list[BackupInfo] = []
        self.chosen: CheckedBackup | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.resize(880, 460)

        intro = QLabel(
            self.tr(
                "The backups of this register in {folder}, newest first. Choose the one to go "
                "back to. What was saved after it is not in it. The register as it is now is "
                "not deleted: it is set aside beside it, and can be restored again."
            ).format(folder=self.folder)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Made"),
                self.tr("Kind"),
                self.tr("Entrepreneurs"),
                self.tr("Products"),
                self.tr("Size"),
                self.tr("Newest registration number"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())

        self.note = QLabel(self.tr("Reading the backups…"))
        self.note.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.setToolTip(
            self.tr("Restore a backup from another folder or drive (a .otopbackup file)")
        )
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setDefault(True)  # Enter restores the chosen one, after asking
        self.buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.choose_button.clicked.connect(self.choose_file)
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._update_buttons()
        self._load()

    # --- the list ----------------------------------------------------------------------

    def _load(self) -> None:
        folder, register_id = self.folder, self._register_id

        def read(_progress: Progress) -> list[BackupInfo]:
            return sidecar.in_folder(folder, register_id)

        self.load_job = Job(read, self)
        self.load_job.succeeded.connect(self._show)
        self.load_job.start()

    def _show(self, backups: list[BackupInfo]) -> None:
        self.backups = backups
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            cells = {
                MADE: when_text(info.made_at),
                REASON: reason_text(info.reason),
                ENTREPRENEURS: count_text(info.entrepreneurs),
                PRODUCTS: count_text(info.products),
                SIZE: size_text(info.size),
                NEWEST: newest_number(info.highest),
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                if column in (ENTREPRENEURS, PRODUCTS, SIZE):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(str(info.file))
                self.table.setItem(row, column, item)
        if backups:
            self.note.setText(
                self.tr("{n} backups. Each was checked when it was made.").format(
                    n=count_text(len(backups))
                )
            )
            self.table.selectRow(0)
            self.table.setFocus()
        elif self.folder.is_dir():
            self.note.setText(self.tr("There is no backup of this register in this folder yet."))
        else:
            self.note.setText(
                self.tr(
                    "The backup folder is not there (a USB drive not plugged in?). Plug it in "
                    "and open this window again, or choose a backup file."
                )
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    # --- choosing ----------------------------------------------------------------------

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._pick(self.backups[rows[0].row()].file)

    def choose_file(self) -> None:
        start = str(self.folder if self.folder.is_dir() else Path.home())
        name = open_file_name(
            self,
            self.tr("Choose a backup"),
            start,
            self.tr("OTOP backups (*{suffix});;All files (*)").format(suffix=BACKUP_SUFFIX),
        )
        if name:
            self._pick(Path(name))

    def _pick(self, file: Path) -> None:
        """Checks the backup (off the GUI thread), says what it holds and asks."""
        outcome = run_busy(
            self,
            self.tr("Restore from a backup"),
            self.tr("Checking the backup…"),
            lambda _progress: check_backup(file),
        )
        if outcome.error is not None:
            report_error(self, outcome.error)
            return
        checked = outcome.result
        assert checked is not None
        if checked.register_id and checked.register_id != self._register_id:
            show_error(
                self,
                self.tr(
                    "{file} is a backup of another register ({office}), not of this one. "
                    "Nothing was restored."
                ).format(file=file, office=checked.office_name),
            )
            return
        question = self.tr(
            "{holds}\n\nRestore it? The register goes back to what this backup holds.\n\n"
            "The register as it is now is not deleted: it is set aside in {folder} as "
            "{aside} and can be restored again. The program then opens the restored register."
        ).format(
            holds=checked.holds_text(),
            folder=self._db.parent,
            aside=f"{self._db.name}.before-restore-…",
        )
        if confirm(self, question, self.tr("Restore"), self.tr("Do not restore")):
            self.chosen = checked
            self.accept()
