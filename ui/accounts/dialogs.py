"""The Accounts page's dialogs: add an account, reset a forgotten password, change a role,
change one's own password, replace the signing key. Each runs its service in one
``register.write()`` off the GUI thread (the password work is slow on purpose) and shows a
refusal — a clerk's missing right included — under its fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.accounts import service
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.models.accounts import CLERK, HEAD, ROLES
from ui.accounts.background import Background
from ui.accounts.steps import FittedDialog
from ui.accounts.texts import (
    name_edit,
    name_missing,
    password_edit,
    password_missing,
    password_rule,
    passwords_differ,
    role_hint,
    role_text,
)
from ui.headings import heading
from ui.messages import user_message
from ui.widgets.field_error import FieldMessage

Problem = tuple[str, QWidget]


class AccountDialog(FittedDialog):
    """Fields in a form, a message under them, OK (``ok_text``) and Cancel. ``problem()``
    finds what is wrong before anything is sent; ``work()`` is what OK runs off the GUI
    thread; the dialog is accepted once it ran."""

    def __init__(
        self, register: Register, title: str, ok_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.title = heading(title, size_delta=4)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.message = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.background = Background(self)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def acting_password(self) -> QLineEdit:
        """The acting head's own password: a head's password unlocks the signing key to
        hand it to another head."""
        return password_edit(self.tr("your own password, to hand on the signing key"))

    def problem(self) -> Problem | None:
        return None

    def work(self) -> Callable[[], object]:
        raise NotImplementedError

    def submit(self) -> None:
        if self.background.busy:
            return
        found = self.problem()
        if found is not None:
            self.refuse(*found)
            return
        self.message.clear_message()
        items = (self.form.itemAt(i) for i in range(self.form.count()))
        inputs = [w for item in items if item is not None and (w := item.widget()) is not None]
        self.background.set_widgets([*inputs, self.buttons])
        self.background.run(self.work(), self._done, self._refused)

    def _done(self, _result: object) -> None:
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.message.show_message(user_message(error))
        first = next(
            (
                w
                for w in self.findChildren(QLineEdit)
                if w.isVisible() and w.echoMode() == QLineEdit.EchoMode.Password
            ),
            None,
        )
        if first is not None:
            first.setFocus()

    def refuse(self, text: str, field: QWidget) -> None:
        self.message.show_message(text)
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.selectAll()

    def reject(self) -> None:
        if not self.background.busy:
            super().reject()


def role_combo(current: str = CLERK) -> QComboBox:
    combo = QComboBox()
    for role in ROLES:
        combo.addItem(role_text(role), role)
        combo.setItemData(combo.count() - 1, role_hint(role), Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(combo.findData(current))
    return combo


def _new_password_problem(password: QLineEdit, repeat: QLineEdit) -> Problem | None:
    if not password.text():
        return password_missing(), password
    if password.text() != repeat.text():
        return passwords_differ(), repeat
    return None


class AddAccountDialog(AccountDialog):
    """A new account: name, role, password twice; a new head also takes the acting head's
    own password (to hand the signing key on)."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(register, self.tr("Add an account"), self.tr("&Add"), parent)
        self.name = name_edit()
        self.name.setPlaceholderText(self.tr("letters, digits, . - _ @"))
        self.role = role_combo()
        self.role_hint = QLabel()
        self.role_hint.setWordWrap(True)
        self.role_hint.setStyleSheet("color: palette(placeholder-text);")
        self.password = password_edit(password_rule())
        self.repeat = password_edit()
        self.acting = self.acting_password()
        self.form.addRow(self.tr("&Account name:"), self.name)
        self.form.addRow(self.tr("&Role:"), self.role)
        self.form.addRow("", self.role_hint)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.form.addRow(self.tr("R&epeat it:"), self.repeat)
        self.form.addRow(self.tr("&Your password:"), self.acting)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self.name.setFocus()

    def _role_changed(self) -> None:
        role = self.role.currentData()
        self.role_hint.setText(role_hint(role))
        self.form.setRowVisible(self.acting, role == HEAD)

    def problem(self) -> Problem | None:
        if not self.name.text().strip():
            return name_missing(), self.name
        found = _new_password_problem(self.password, self.repeat)
        if found is not None:
            return found
        if self.role.currentData() == HEAD and not self.acting.text():
            return password_missing(), self.acting
        return None

    def work(self) -> Callable[[], object]:
        register = self.register
        name, role = self.name.text().strip(), self.role.currentData()
        password = self.password.text()
        acting = self.acting.text() if role == HEAD else ""

        def add() -> None:
            with register.write() as session:
                service.add_account(session, name, role, password, acting_password=acting)

        return add


class ResetPasswordDialog(AccountDialog):
    """A head sets a new password for someone who forgot theirs."""

    def __init__(
        self, register: Register, name: str, role: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            register, self.tr("Reset {name}'s password").format(name=name), self.tr("&Set"), parent
        )
        self.account = name
        self.account_role = role
        self.set_intro(
            self.tr(
                "Give {name} the new password in person; they can change it afterwards on "
                "this page."
            ).format(name=name)
        )
        self.password = password_edit(password_rule())
        self.repeat = password_edit()
        self.acting = self.acting_password()
        self.form.addRow(self.tr("&New password:"), self.password)
        self.form.addRow(self.tr("R&epeat it:"), self.repeat)
        self.form.addRow(self.tr("&Your password:"), self.acting)
        self.form.setRowVisible(self.acting, role == HEAD)
        self.password.setFocus()

    def problem(self) -> Problem | None:
        found = _new_password_problem(self.password, self.repeat)
        if found is not None:
            return found
        if self.account_role == HEAD and not self.acting.text():
            return password_missing(), self.acting
        return None

    def work(self) -> Callable[[], object]:
        register, name = self.register, self.account
        password = self.password.text()
        acting = self.acting.text() if self.account_role == HEAD else ""

        def reset() -> None:
            with register.write() as session:
                service.reset_password(session, name, password, acting_password=acting)

        return reset


class ChangeRoleDialog(AccountDialog):
    """Another role for an account; making a head sets its password too (the signing key is
    handed to it under that password, with the acting head's own)."""

    def __init__(
        self, register: Register, name: str, role: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            register,
            self.tr("Change {name}'s role").format(name=name),
            self.tr("&Change"),
            parent,
        )
        self.account = name
        self.role = role_combo(role)
        self.role_hint = QLabel()
        self.role_hint.setWordWrap(True)
        self.role_hint.setStyleSheet("color: palette(placeholder-text);")
        self.password = password_edit(password_rule())
        self.repeat = password_edit()
        self.acting = self.acting_password()
        self.form.addRow(self.tr("&Role:"), self.role)
        self.form.addRow("", self.role_hint)
        self.form.addRow(self.tr("Their &new password:"), self.password)
        self.form.addRow(self.tr("R&epeat it:"), self.repeat)
        self.form.addRow(self.tr("&Your password:"), self.acting)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self.role.setFocus()

    def _making_head(self) -> bool:
        return bool(self.role.currentData() == HEAD)

    def _role_changed(self) -> None:
        self.role_hint.setText(role_hint(self.role.currentData()))
        for field in (self.password, self.repeat, self.acting):
            self.form.setRowVisible(field, self._making_head())

    def problem(self) -> Problem | None:
        if not self._making_head():
            return None
        found = _new_password_problem(self.password, self.repeat)
        if found is not None:
            return found
        if not self.acting.text():
            return password_missing(), self.acting
        return None

    def work(self) -> Callable[[], object]:
        register, name, role = self.register, self.account, self.role.currentData()
        making_head = self._making_head()
        password = self.password.text() if making_head else ""
        acting = self.acting.text() if making_head else ""

        def change() -> None:
            with register.write() as session:
                service.set_role(session, name, role, new_password=password, acting_password=acting)
            actor = register.actor
            if actor is not None and actor.name == name:  # one's own role: act as it now
                register.actor = replace(actor, role=role)

        return change


class ChangePasswordDialog(AccountDialog):
    """One's own password: the current one, and the new one twice. Anyone logged in may
    change their own (the current password is the proof), a viewer included."""

    def __init__(self, register: Register, name: str, parent: QWidget | None = None) -> None:
        super().__init__(register, self.tr("Change my password"), self.tr("&Change"), parent)
        self.account = name
        self.old = password_edit()
        self.password = password_edit(password_rule())
        self.repeat = password_edit()
        self.form.addRow(self.tr("&Current password:"), self.old)
        self.form.addRow(self.tr("&New password:"), self.password)
        self.form.addRow(self.tr("R&epeat it:"), self.repeat)
        self.old.setFocus()

    def problem(self) -> Problem | None:
        if not self.old.text():
            return password_missing(), self.old
        return _new_password_problem(self.password, self.repeat)

    def work(self) -> Callable[[], object]:
        register, name = self.register, self.account
        old, new = self.old.text(), self.password.text()

        def change() -> None:
            # The rights check is the current password, which the service verifies.
            with register.write(system=True) as session:
                service.change_password(session, name, old, new)

        return change


class ReplaceKeyDialog(AccountDialog):
    """A new signing key for the office, for a head (with their password)."""

    def __init__(self, register: Register, name: str, parent: QWidget | None = None) -> None:
        super().__init__(
            register, self.tr("Replace the signing key"), self.tr("&Make a new key"), parent
        )
        self.account = name
        self.set_intro(
            self.tr(
                "Certificates signed from now on carry a new key. Do it when a copy of the "
                "register may have left the office with the old key in it — every copy made "
                "before the first head's account was created holds it unencrypted. "
                "Certificates signed with the old key keep verifying."
            )
        )
        self.password = password_edit()
        self.form.addRow(self.tr("&Your password:"), self.password)
        self.password.setFocus()

    def problem(self) -> Problem | None:
        if not self.password.text():
            return password_missing(), self.password
        return None

    def work(self) -> Callable[[], object]:
        register, name, password = self.register, self.account, self.password.text()

        def make() -> str:
            with register.write() as session:
                return service.replace_signing_key(session, name, password)

        return make
