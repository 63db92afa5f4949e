"""Unlocking the office's signing key before certificates are printed or saved. On a
register with accounts the key is sealed under the heads' passwords: a head unlocks it once
per program run (``Register.unlock_signing``, recorded in the trail); a clerk prepares and
previews, and calls a head over for the password."""

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
from otop_desktop.models.accounts import HEAD
from ui.accounts.background import Background
from ui.accounts.steps import FittedDialog
from ui.accounts.texts import name_edit, name_missing, password_edit, password_missing
from ui.headings import heading
from ui.messages import user_message
from ui.widgets.field_error import FieldMessage


class UnlockSigningDialog(FittedDialog):
    """A head's account name and password; OK unlocks signing for the rest of the run."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self.setWindowTitle(self.tr("Unlock signing"))
        self.setMinimumWidth(480)
        title = heading(self.tr("A head of office unlocks signing"), size_delta=4)
        text = QLabel(
            self.tr(
                "Certificates carry the office's signature, which a head of office unlocks "
                "with their password once each time the program runs. Until then "
                "certificates can only be previewed."
            )
        )
        text.setWordWrap(True)
        actor = register.actor
        self.name = name_edit()
        if actor is not None and actor.role == HEAD:
            self.name.setText(actor.name)
        self.password = password_edit()
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("Head's &account name:"), self.name)
        form.addRow(self.tr("&Password:"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.unlock_button = self.buttons.addButton(
            self.tr("&Unlock signing"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setDefault(True)
        self.buttons.accepted.connect(self.unlock)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.background = Background(self, [self.name, self.password, self.buttons])
        (self.password if self.name.text() else self.name).setFocus()

    def unlock(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        if not name:
            self._refuse(name_missing(), self.name)
            return
        if not password:
            self._refuse(password_missing(), self.password)
            return
        self.message.clear_message()
        register = self._register
        self.background.run(
            lambda: register.unlock_signing(name, password), self._unlocked, self._refused
        )

    def _unlocked(self, _result: None) -> None:
        self.password.clear()
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.password.clear()
        self._refuse(user_message(error), self.password)

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.message.show_message(text)
        field.setFocus()
        field.selectAll()

    def reject(self) -> None:
        if not self.background.busy:
            super().reject()


def ask_to_unlock_signing(parent: QWidget | None, register: Register) -> bool:
    """True when certificates can be signed: at once when the key is usable (a register
    without accounts, or a head unlocked it earlier in this run); otherwise after a head
    unlocked it in the dialog. False when they cancelled."""
    if register.signing_key() is not None:
        return True
    dialog = UnlockSigningDialog(register, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted and register.signing_key() is not None
