"""Asked when a certificate is to be made and the office has no signing officer yet: the
clerk names the officer there and then, rather than being sent to the settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.models import Office, length
from otop_desktop.services.office import change_office
from ui.messages import show_user_error


class OfficerDialog(QDialog):
    """OK saves the officer's name and position to the office record (one transaction, as
    in the settings) and accepts; refused input is said and the dialog stays."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self.setWindowTitle(self.tr("Signing officer"))
        intro = QLabel(
            self.tr(
                "Certificates are signed by the office's officer, and none is set for this "
                "register yet. Name the officer now to print the certificate; it is kept in "
                "the settings for every certificate after it."
            )
        )
        intro.setWordWrap(True)
        self.officer_name = QLineEdit()
        self.officer_position = QLineEdit()
        self.officer_position.setPlaceholderText(
            self.tr("e.g. District Community Development Officer")
        )
        self.officer_name.setMaxLength(length(Office.officer_name))
        self.officer_position.setMaxLength(length(Office.officer_position))
        for edit in (self.officer_name, self.officer_position):
            edit.textChanged.connect(self._update_ok)
        form = QFormLayout()
        form.addRow(self.tr("Officer's &name"), self.officer_name)
        form.addRow(self.tr("Officer's posi&tion"), self.officer_position)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save and continue"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self._update_ok()

    def _update_ok(self) -> None:
        edits = (self.officer_name, self.officer_position)
        self.ok_button.setEnabled(all(edit.text().strip() for edit in edits))

    def accept(self) -> None:
        try:
            with self._register.write() as session:
                change_office(
                    session,
                    officer_name=self.officer_name.text(),
                    officer_position=self.officer_position.text(),
                )
        except UserError as exc:  # refused text, or not a head's account
            show_user_error(self, exc)
            return
        super().accept()
