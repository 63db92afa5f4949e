"""The settings page's "Backups" group: where this register's backups go (a folder the clerk
chooses — a USB drive, a shared folder — or the default one in the user's data folder) and
whether the program makes them by itself. Kept per register on this PC, saved at once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TypedDict, Unpack

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from otop_desktop.backup import settings
from otop_desktop.backup.make import register_file
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from ui.file_dialogs import existing_directory
from ui.lang import pick

HINT_STYLE = "color: palette(placeholder-text);"


class _Changes(TypedDict, total=False):
    """Fields of settings.BackupSettings that the group changes."""

    folder: str | None
    automatic: bool


class BackupSettingsGroup(QGroupBox):
    # The folder or the automatic choice was saved.
    changed = Signal()

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Backups"), parent)
        office = register.office()
        self.register_id = office.register_id if office is not None else ""
        try:
            register_file(register)
            self.server_message = ""
        except UserError as exc:
            self.server_message = pick(exc.message_th, exc.message_en)

        form = QFormLayout(self)
        if self.server_message or not self.register_id:
            self.note = QLabel(
                self.tr(
                    "This register is on a database server: its backups are the server's, "
                    "made by whoever runs it, not by this program."
                )
            )
            self.note.setWordWrap(True)
            form.addRow(self.note)
            return

        # Read-only but a field: a long path scrolls in it, and can be selected and copied.
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        # "Folder:" or "Default folder:", so that the default needs no line of its own.
        self.folder_label = QLabel()
        self.folder_label.setBuddy(self.folder)
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.choose_button.setToolTip(
            self.tr("Keep the backups in another folder: a USB drive or a shared folder")
        )
        self.default_button = QPushButton(self.tr("Use the &default"))
        self.default_button.setToolTip(
            self.tr("Keep the backups in the program's own folder on this computer")
        )
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.default_button)
        self.automatic = QCheckBox(
            self.tr(
                "Back up &automatically when the program closes and once a day while it is open"
            )
        )
        self.automatic.setToolTip(
            self.tr(
                "The program keeps the newest backup of each of the last 7 days, 4 weeks and "
                "12 months, and removes older ones only after a new one has been checked."
            )
        )
        self.note = QLabel(
            self.tr(
                "A backup holds the whole register, citizen IDs included: keep it where only "
                "the office can reach it."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet(HINT_STYLE)

        form.addRow(self.folder_label, folder_row)
        form.addRow(self.automatic)
        form.addRow(self.note)

        self.choose_button.clicked.connect(self.choose_folder)
        self.default_button.clicked.connect(self.use_default)
        self.automatic.toggled.connect(self._automatic_toggled)
        self.refresh()

    @property
    def available(self) -> bool:
        return not self.server_message and bool(self.register_id)

    def refresh(self) -> None:
        """Shows the settings as saved (another window may have changed them)."""
        if not self.available:
            return
        saved = settings.load(self.register_id)
        folder = saved.folder or str(settings.default_folder(self.register_id))
        self.folder.setText(folder)
        self.folder.setCursorPosition(0)
        self.folder.setToolTip(folder)
        self.folder_label.setText(
            self.tr("Folder:") if saved.folder else self.tr("Default folder:")
        )
        self.default_button.setEnabled(bool(saved.folder))
        self.automatic.blockSignals(True)
        self.automatic.setChecked(saved.automatic)
        self.automatic.blockSignals(False)

    def _save(self, **changes: Unpack[_Changes]) -> None:
        saved = settings.load(self.register_id)
        settings.save(self.register_id, replace(saved, **changes))
        self.refresh()
        self.changed.emit()

    def choose_folder(self) -> None:
        current = settings.folder_of(self.register_id)
        chosen = existing_directory(
            self,
            self.tr("Choose the backup folder"),
            str(current if current.is_dir() else Path.home()),
        )
        if chosen:
            self._save(folder=str(Path(chosen)))

    def use_default(self) -> None:
        self._save(folder=None)

    def _automatic_toggled(self, on: bool) -> None:
        self._save(automatic=on)
