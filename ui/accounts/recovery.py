"""The recovery code: shown once, to be written down, when the first head's account is made
and each time it is used; and the way back with it when no head of office remembers a
password (``Register.recover``): it makes an account a head with a new password."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.audit.record import Actor
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from ui.accounts.background import Background
from ui.accounts.steps import FittedDialog, Steps
from ui.accounts.texts import (
    name_edit,
    name_missing,
    password_edit,
    password_rule,
    passwords_differ,
)
from ui.headings import heading
from ui.messages import user_message
from ui.widgets.field_error import FieldMessage


class RecoveryCodePanel(QWidget):
    """The code in large type, what it is for, a Copy button, and a box to tick once it is
    written down; ``confirmed`` follows the box."""

    confirmed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading(self.tr("Write this recovery code down now"), size_delta=4)
        self.code = QLabel()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(QFont(self.font()).pointSize() + 8)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setStyleSheet("padding: 10px; border: 2px dashed palette(mid);")
        self.explanation = QLabel(
            self.tr(
                "It is shown only this once. Keep it on paper somewhere safe, away from the "
                "computer (the office safe). When no head of office remembers a password, "
                "this code makes an account head again with a new password. Whoever holds "
                "it can do that, so do not keep it in a file on this computer."
            )
        )
        self.explanation.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy the code, e.g. to print it"))
        self.copy_button.clicked.connect(self.copy)
        self.written = QCheckBox(self.tr("I have &written the code down"))
        self.written.toggled.connect(self.confirmed)

        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.explanation)
        layout.addWidget(self.written)

    def set_code(self, code: str) -> None:
        self.code.setText(code)
        self.code.setAccessibleName(code)
        self.written.setChecked(False)
        self.copy_button.setText(self.tr("&Copy"))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code.text())
        self.copy_button.setText(self.tr("Copied"))


class RecoveryCodeDialog(FittedDialog):
    """The code alone in a dialog that closes only once the box is ticked."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery code"))
        self.panel = RecoveryCodePanel()
        self.panel.set_code(code)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.panel.confirmed.connect(self.close_button.setEnabled)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def reject(self) -> None:
        if self.panel.written.isChecked():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.panel.written.isChecked():
            super().closeEvent(event)
        else:
            event.ignore()


class RecoverDialog(FittedDialog):
    """When no head remembers a password: the recovery code, the account to make a head
    (made if it does not exist) and its new password. Then the new code, to be written down
    (the old one is used up), and the account is logged in: ``actor``."""

    def __init__(
        self, register: Register, parent: QWidget | None = None, *, name: str = ""
    ) -> None:
        super().__init__(parent)
        self._register = register
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Recover with the recovery code"))
        self.setMinimumWidth(520)

        intro = QLabel(
            self.tr(
                "Forgot your password? Ask a head of office: a head sets a new one for you "
                "on the Accounts page.\n\nOnly when no head of office remembers a password: "
                "type the recovery code that was written down when the first head's account "
                "was made. It makes the account below a head of office with a new password."
            )
        )
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setMaxLength(40)
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX")
        self.name = name_edit()
        self.name.setText(name)
        self.password = password_edit(password_rule())
        self.repeat = password_edit()
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("Recovery &code:"), self.code)
        form.addRow(self.tr("&Account to make head:"), self.name)
        form.addRow(self.tr("&New password:"), self.password)
        form.addRow(self.tr("&Repeat it:"), self.repeat)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.recover_button = self.buttons.addButton(
            self.tr("&Recover"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.recover_button.setDefault(True)
        self.buttons.accepted.connect(self.recover)
        self.buttons.rejected.connect(self.reject)

        form_page = QWidget()
        form_layout = QVBoxLayout(form_page)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(intro)
        form_layout.addLayout(form)
        form_layout.addWidget(self.message)
        form_layout.addStretch(1)
        form_layout.addWidget(self.buttons)

        self.code_panel = RecoveryCodePanel()
        self.code_panel.title.setText(self.tr("Done. Write the new recovery code down now"))
        self.continue_button = QPushButton(self.tr("C&ontinue"))
        self.continue_button.setEnabled(False)
        self.code_panel.confirmed.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)
        code_page = QWidget()
        code_layout = QVBoxLayout(code_page)
        code_layout.setContentsMargins(0, 0, 0, 0)
        code_layout.addWidget(self.code_panel)
        code_layout.addWidget(
            QLabel(self.tr("The code you typed no longer works.")), 0, Qt.AlignmentFlag.AlignLeft
        )
        code_layout.addStretch(1)
        code_layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)

        self.pages = Steps()
        self.pages.addWidget(form_page)
        self.pages.addWidget(code_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.background = Background(
            self, [self.code, self.name, self.password, self.repeat, self.buttons]
        )
        self.code.setFocus()

    def recover(self) -> None:
        code, name = self.code.text().strip(), self.name.text().strip()
        password = self.password.text()
        if not code:
            self._refuse(self.tr("Type the recovery code"), self.code)
            return
        if not name:
            self._refuse(name_missing(), self.name)
            return
        if password != self.repeat.text():
            self._refuse(passwords_differ(), self.repeat)
            return
        self.message.clear_message()
        register = self._register

        def work() -> tuple[str, Actor]:
            fresh = register.recover(code, name, password)
            return fresh, register.login(name, password)

        self.background.run(work, self._recovered, self._refused)

    def _recovered(self, outcome: tuple[str, Actor]) -> None:
        fresh, self.actor = outcome
        self.password.clear()
        self.repeat.clear()
        self.code_panel.set_code(fresh)
        self.pages.setCurrentIndex(1)
        self.code_panel.written.setFocus()

    def _refused(self, error: UserError) -> None:
        self._refuse(user_message(error), self.code)

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.message.show_message(text)
        field.setFocus()
        field.selectAll()

    def reject(self) -> None:
        # Not while the work runs, nor once the account is a head: the new code must be seen.
        if self.background.busy or self.pages.currentIndex() == 1:
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.pages.currentIndex() == 1 and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            if self.continue_button.isEnabled():
                self.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.background.busy or self.pages.currentIndex() == 1:
            event.ignore()
        else:
            super().closeEvent(event)
