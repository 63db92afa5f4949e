"""The first head of office's account, for a register without accounts: made right after
the first run sets a register up, and asked for once at the first start of an existing
register after the program was upgraded (``offer_first_head``). Making it seals the office's
signing key under the head's password and issues the one-time recovery code, shown here to
be written down; then a new signing key is offered, since every older copy of the register
holds today's key unencrypted."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.accounts.service import add_account, replace_signing_key
from otop_desktop.audit.record import Actor
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.models.accounts import HEAD
from otop_desktop.paths import APP_AUTHOR, APP_NAME
from ui.accounts.background import Background
from ui.accounts.recovery import RecoveryCodePanel
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
from ui.widgets.field_error import FieldMessage, Level

#: QSettings key (per register id) set once the first head was asked for on this computer.
ASKED_KEY = "accounts/first_head_asked/{register_id}"


class FirstHeadDialog(FittedDialog):
    """Name and password (twice) of the first head → the recovery code, to be written down
    → "replace the signing key now?" → done. After it, ``actor`` is the head, logged in
    (None when the clerk chose Not now on the first page). ``offer_new_key`` False: no
    question about the key (a register made just now: no older copy holds its key)."""

    FORM, CODE, NEW_KEY, DONE = range(4)

    def __init__(
        self, register: Register, parent: QWidget | None = None, *, offer_new_key: bool = True
    ) -> None:
        super().__init__(parent)
        self._register = register
        self._offer_new_key = offer_new_key
        self.actor: Actor | None = None
        self.key_replaced = False
        self._password = ""
        self.setWindowTitle(self.tr("The head of office's account"))
        self.setMinimumWidth(560)

        self.pages = Steps()
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._code_page())
        self.pages.addWidget(self._key_page())
        self.pages.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.background = Background(
            self, [self.name, self.password, self.repeat, self.form_buttons]
        )
        # One default button per dialog: the shown page's (Enter presses it).
        self.create_button.setDefault(True)
        self.name.setFocus()

    # Pages --------------------------------------------------------------------------------

    def _form_page(self) -> QWidget:
        title = heading(self.tr("Create the head of office's account"), size_delta=4)
        intro = QLabel(
            self.tr(
                "This register has no accounts yet: whoever opens the program may do "
                "everything, and the office's signing key lies unencrypted in the register "
                "file.\n\nCreate the account of the head of office. From then on everyone "
                "logs in with an account of their own, every change is recorded with who "
                "made it, and only a head's password unlocks the signing key. The head adds "
                "the clerks' accounts on the Accounts page."
            )
        )
        intro.setWordWrap(True)
        self.name = name_edit()
        self.name.setPlaceholderText(self.tr("e.g. somchai"))
        self.password = password_edit(password_rule())
        self.repeat = password_edit()
        self.form_message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("Head's &account name:"), self.name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat it:"), self.repeat)
        self.form_buttons = QDialogButtonBox()
        self.create_button = self.form_buttons.addButton(
            self.tr("&Create the account"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.later_button = self.form_buttons.addButton(
            self.tr("&Not now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.later_button.setToolTip(
            self.tr("Go on without accounts; a head can be added later on the Accounts page")
        )
        self.form_buttons.accepted.connect(self.create_head)
        self.form_buttons.rejected.connect(self.reject)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addStretch(1)
        layout.addWidget(self.form_buttons)
        return page

    def _code_page(self) -> QWidget:
        self.code_panel = RecoveryCodePanel()
        self.code_continue = QPushButton(self.tr("C&ontinue"))
        self.code_continue.setEnabled(False)
        self.code_panel.confirmed.connect(self.code_continue.setEnabled)
        self.code_continue.clicked.connect(self._code_written)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code_panel)
        layout.addStretch(1)
        layout.addWidget(self.code_continue, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _code_written(self) -> None:
        if self._offer_new_key:
            self._show(self.NEW_KEY)
        else:
            self.accept()

    def _key_page(self) -> QWidget:
        title = heading(self.tr("Replace the signing key now?"), size_delta=4)
        text = QLabel(
            self.tr(
                "Until now the office's signing key lay unencrypted in the register, so every "
                "copy of the register made before today — backups, copies on USB sticks or "
                "on other computers — holds it and could sign certificates. A new key, which "
                "only a head's password unlocks, makes those copies unable to sign.\n\n"
                "Certificates already signed with the old key keep verifying."
            )
        )
        text.setWordWrap(True)
        self.key_message = FieldMessage()
        self.key_buttons = QDialogButtonBox()
        self.new_key_button = self.key_buttons.addButton(
            self.tr("&Make a new key now"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_key_button = self.key_buttons.addButton(
            self.tr("&Not now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_key_button.setToolTip(
            self.tr("A head can replace the key later on the Accounts page")
        )
        self.key_buttons.accepted.connect(self.replace_key)
        self.key_buttons.rejected.connect(self.accept)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.key_message)
        layout.addStretch(1)
        layout.addWidget(self.key_buttons)
        return page

    def _done_page(self) -> QWidget:
        title = heading(self.tr("The new signing key is made"), size_delta=4)
        text = QLabel(
            self.tr(
                "Certificates are signed with the new key from now on. Printing one asks a "
                "head of office for the password once each time the program runs."
            )
        )
        text.setWordWrap(True)
        self.finish_button = QPushButton(self.tr("&Finish"))
        self.finish_button.clicked.connect(self.accept)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _show(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        default = {
            self.CODE: self.code_continue,
            self.NEW_KEY: self.new_key_button,
            self.DONE: self.finish_button,
        }.get(page)
        if default is not None:
            default.setDefault(True)
            default.setFocus()
        if page == self.CODE:
            self.code_panel.written.setFocus()
        if page == self.NEW_KEY:
            self.background.set_widgets([self.key_buttons])

    # Work ---------------------------------------------------------------------------------

    def create_head(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        if not name:
            self._refuse(name_missing(), self.name)
            return
        if password != self.repeat.text():
            self._refuse(passwords_differ(), self.repeat)
            return
        self.form_message.clear_message()
        register = self._register

        def work() -> tuple[str, Actor]:
            with register.write(system=True) as session:
                added = add_account(session, name, HEAD, password)
            return added.recovery_code or "", register.login(name, password)

        def done(outcome: tuple[str, Actor]) -> None:
            code, self.actor = outcome
            self._password = password
            self.password.clear()
            self.repeat.clear()
            self.code_panel.set_code(code)
            self._show(self.CODE)

        self.background.run(work, done, lambda error: self._refuse(user_message(error), self.name))

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.form_message.show_message(text)
        field.setFocus()
        field.selectAll()

    def replace_key(self) -> None:
        register, actor, password = self._register, self.actor, self._password
        assert actor is not None
        self.key_message.show_message(self.tr("Making the new key…"), Level.HINT)

        def work() -> str:
            with register.write() as session:
                return replace_signing_key(session, actor.name, password)

        def done(_public_key: str) -> None:
            self.key_replaced = True
            self._password = ""
            self.key_message.clear_message()
            self._show(self.DONE)

        def refused(error: UserError) -> None:
            self.key_message.show_message(user_message(error))

        self.background.run(work, done, refused)

    # Closing ------------------------------------------------------------------------------

    def _may_close(self) -> bool:
        # Not while work runs, nor before the recovery code was confirmed written down.
        return not self.background.busy and self.pages.currentIndex() != self.CODE

    def reject(self) -> None:
        if not self._may_close():
            return
        if self.actor is not None:  # the head exists: closing is finishing
            self.accept()
            return
        super().reject()

    def done(self, result: int) -> None:
        self._password = ""
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close():
            super().closeEvent(event)
        else:
            event.ignore()


def _settings(settings: QSettings | None) -> QSettings:
    return settings if settings is not None else QSettings(APP_AUTHOR, APP_NAME)


def first_head_asked(register: Register, settings: QSettings | None = None) -> bool:
    """Whether this computer already asked for the register's first head."""
    office = register.office()
    if office is None:
        return True
    key = ASKED_KEY.format(register_id=office.register_id)
    return bool(_settings(settings).value(key, False, type=bool))


def remember_first_head_asked(register: Register, settings: QSettings | None = None) -> None:
    office = register.office()
    if office is None:
        return
    chosen = _settings(settings)
    chosen.setValue(ASKED_KEY.format(register_id=office.register_id), True)
    chosen.sync()


def offer_first_head(
    register: Register,
    parent: QWidget | None = None,
    *,
    new_register: bool = False,
    settings: QSettings | None = None,
) -> Actor | None:
    """For a register without accounts, once per register on this computer (a new register
    right after the first run, an existing one at its first start after the upgrade): asks
    for the first head. Returns the head, logged in, or None (accounts exist already, it
    was asked before, or the clerk chose Not now — the Accounts page still offers it).
    ``new_register``: made just now by the first run, so no new signing key is offered."""
    if register.has_accounts() or first_head_asked(register, settings):
        return None
    remember_first_head_asked(register, settings)
    dialog = FirstHeadDialog(register, parent, offer_new_key=not new_register)
    dialog.exec()
    dialog.deleteLater()
    return dialog.actor
