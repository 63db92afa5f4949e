"""Logging in, and the screen lock. On a register with accounts the program asks who is
working before the main window opens (``log_in``); after the idle time a head set (the
office's ``idle_lock_minutes``) without a key pressed or the mouse moved, the windows are
covered until the same person — or a head of office — logs in again (``IdleLock``)."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.errors import UserError
from ui.accounts.background import Background
from ui.accounts.opening import OpeningRegister
from ui.accounts.steps import FittedDialog
from ui.accounts.texts import name_edit, name_missing, password_edit, password_missing, role_text
from ui.headings import heading
from ui.messages import user_message
from ui.widgets.field_error import FieldMessage

# The login comes before the first window, and a register with accounts shows it before the
# core (SQLAlchemy, the models) is loaded (OpeningRegister): what needs the core is imported
# where it is used, once the register is open.
if TYPE_CHECKING:
    from otop_desktop.audit.record import Actor
    from otop_desktop.database import Register
    from ui.accounts.recovery import RecoverDialog

# The service's back-off refusal names the wait in seconds ("wait 4 s and try again").
_WAIT = re.compile(r"wait (\d+) s\b")
#: Events that count as someone at the computer.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


def wait_seconds(error: UserError) -> int:
    """The seconds a refused login must wait before the next try; 0 when it need not."""
    found = _WAIT.search(error.message_en)
    return int(found.group(1)) if found else 0


class LoginDialog(FittedDialog):
    """Account name and password; Enter logs in. A refusal shows under the fields (a wrong
    password, a disabled account, the growing wait after several wrong ones — the Log in
    button stays disabled for the wait). After OK, ``actor`` is who logged in (and the
    register's actor). "Forgot your password?" leads to the recovery code."""

    def __init__(
        self,
        register: Register | OpeningRegister,
        parent: QWidget | None = None,
        *,
        name: str = "",
        quit_text: str = "",
    ) -> None:
        super().__init__(parent)
        # A register being opened behind the dialog (the program's start) is waited for
        # only by what needs it: the login's password check, the recovery code.
        self._source = register
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Log in – OTOP register"))
        self.setMinimumWidth(440)

        if isinstance(register, OpeningRegister):
            office_name = register.office_name
            register.failed.connect(self._opening_failed)
        else:
            office = register.office()
            office_name = office.name if office is not None else ""
        self.title = heading(self.tr("Log in"))
        self.office = QLabel(office_name)
        self.office.setWordWrap(True)
        self.name = name_edit()
        self.name.setText(name)
        self.password = password_edit()
        self.message = FieldMessage()
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Account name:"), self.name)
        self.form.addRow(self.tr("&Password:"), self.password)

        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(
            self.tr("&Log in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.login_button.setDefault(True)
        self.quit_button = self.buttons.addButton(
            quit_text or self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.log_in)
        self.buttons.rejected.connect(self.quit)
        self.forgot_button = QPushButton(self.tr("&Forgot your password?"))
        self.forgot_button.setFlat(True)
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.clicked.connect(self.forgot_password)
        bottom = QHBoxLayout()
        bottom.addWidget(self.forgot_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        self.box = QFrame()
        box_layout = QVBoxLayout(self.box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.title)
        box_layout.addWidget(self.office)
        box_layout.addSpacing(8)
        box_layout.addLayout(self.form)
        box_layout.addWidget(self.message)
        box_layout.addSpacing(8)
        box_layout.addLayout(bottom)
        self._lay_out()

        self.background = Background(
            self, [self.name, self.password, self.login_button, self.forgot_button]
        )
        self._wait_left = 0
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._tick)
        (self.password if name else self.name).setFocus()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)

    # Logging in ---------------------------------------------------------------------------

    def log_in(self) -> None:
        if self._wait_left or self.background.busy:
            return
        name, password = self.name.text().strip(), self.password.text()
        if not name:
            self._refuse(name_missing(), self.name)
            return
        if not password:
            self._refuse(password_missing(), self.password)
            return
        refusal = self.refusal(name)
        if refusal:
            self._refuse(refusal, self.name)
            return
        self.message.clear_message()
        self.background.run(
            lambda: self._opened_register().login(name, password), self._logged_in, self._refused
        )

    def _opened_register(self) -> Register:
        """The register, once open: a worker waits here for the opening behind the dialog."""
        source = self._source
        return source.register() if isinstance(source, OpeningRegister) else source

    def refusal(self, _name: str) -> str:
        """Why ``name`` may not log in here before its password is even checked ("" if it
        may): any account may log in; the lock screen narrows it."""
        return ""

    def _logged_in(self, actor: Actor) -> None:
        self.actor = actor
        self.password.clear()
        self.accept()

    def _opening_failed(self, _error: BaseException) -> None:
        # The register cannot be opened: the dialog ends, and whoever opened it says why. A
        # login waiting for the register ends with the same error just after (_refused).
        if not self.background.busy:
            self.done(QDialog.DialogCode.Rejected)

    def _refused(self, error: UserError) -> None:
        source = self._source
        if isinstance(source, OpeningRegister) and source.error is not None:
            self.done(QDialog.DialogCode.Rejected)
            return
        self.password.clear()
        self._refuse(user_message(error), self.password)
        wait = wait_seconds(error)
        if wait:
            self._wait_left = wait
            self._show_wait()
            self._wait_timer.start()

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.message.show_message(text)
        field.setFocus()
        field.selectAll()

    def _tick(self) -> None:
        self._wait_left = max(0, self._wait_left - 1)
        self._show_wait()

    def _show_wait(self) -> None:
        if self._wait_left:
            self.login_button.setEnabled(False)
            self.login_button.setText(self.tr("Wait {n} s").format(n=self._wait_left))
            return
        self._wait_timer.stop()
        self.login_button.setText(self.tr("&Log in"))
        self.login_button.setEnabled(not self.background.busy)
        self.login_button.setDefault(True)
        self.message.clear_message()
        self.password.setFocus()

    @property
    def waiting(self) -> bool:
        """The Log in button is held back by the wait after wrong passwords."""
        return self._wait_left > 0

    # The recovery code -------------------------------------------------------------------

    def forgot_password(self) -> None:
        try:
            # In the GUI thread: the register opening behind the dialog is ready by now, or
            # all but (it began when the dialog showed).
            register = self._opened_register()
        except Exception:
            return  # it could not be opened: the dialog is ending (_opening_failed)
        # Only now: the opening's thread has loaded the core this needs (one thread at a
        # time importing the same modules could find them half made).
        from ui.accounts.recovery import RecoverDialog

        dialog = RecoverDialog(register, self, name=self.name.text().strip())
        self.recover_dialog = dialog
        dialog.accepted.connect(lambda: self._recovered(dialog))
        dialog.open()

    def _recovered(self, dialog: RecoverDialog) -> None:
        if dialog.actor is not None:
            self._logged_in(dialog.actor)

    def quit(self) -> None:
        self.reject()

    def reject(self) -> None:
        if not self.background.busy:
            super().reject()


def log_in(register: Register, parent: QWidget | None = None) -> Actor | None:
    """Asks who is working, before the main window opens on a register with accounts; None
    when they quit instead."""
    dialog = LoginDialog(register, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return dialog.actor if accepted else None


def log_in_while_opening(db: str | Path, office_name: str) -> Register | None:
    """The program's start on a register with accounts (otop_desktop.first_look tells): the
    login shows at once, and the register opens behind it off the GUI thread. The register,
    whoever logged in its actor; None when they quit (the register let go again). Raises what
    opening it raised (a UserError when it cannot be opened), once the dialog has closed."""
    opening = OpeningRegister(db, office_name)
    dialog = LoginDialog(opening)
    QTimer.singleShot(0, opening.start)  # once the dialog is on the screen
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if not accepted:
        opening.close()
        if opening.error is None:
            return None
    return opening.register()  # raises the opening's error


class LockDialog(LoginDialog):
    """The windows covered while nobody is at the computer: who was working, and the login
    again. Only that account or a head of office unlocks it; a head who does works on as
    themself from then on. "Close the program" ends ``done(CLOSE)``."""

    CLOSE = 2
    FIT = False  # as large as the windows it covers

    def __init__(self, register: Register, locked: Actor, parent: QWidget | None = None) -> None:
        super().__init__(
            register,
            parent,
            name=locked.name,
            quit_text=QCoreApplication.translate("LockDialog", "&Close the program"),
        )
        self._register = register
        self.locked = locked
        self.setWindowTitle(self.tr("Locked – OTOP register"))
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.title.setText(self.tr("Locked – log in again"))
        self.office.setText(
            self.tr(
                "The screen was locked while nobody used it. {name} ({role}) was working: "
                "{name} or a head of office may go on."
            ).format(name=locked.name, role=role_text(locked.role))
        )

    def _lay_out(self) -> None:
        # The box in the middle of a plain sheet as large as the windows it covers.
        self.setAutoFillBackground(True)
        self.box.setFrameShape(QFrame.Shape.StyledPanel)
        self.box.setFixedWidth(460)
        box_layout = self.box.layout()
        assert box_layout is not None  # set when the box was made
        box_layout.setContentsMargins(20, 16, 20, 16)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.box)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def refusal(self, name: str) -> str:
        if name == self.locked.name:
            return ""
        from sqlalchemy import select  # the core is loaded by now: see the top

        from otop_desktop.models import Account
        from otop_desktop.models.accounts import HEAD

        with self._register.read() as session:
            found = session.execute(
                select(Account.role, Account.disabled).where(Account.name == name)
            ).first()
        if found is not None and found.role == HEAD and not found.disabled:
            return ""
        return self.tr("Only {name} or a head of office may unlock the screen").format(
            name=self.locked.name
        )

    def quit(self) -> None:
        if not self.background.busy:
            self.done(self.CLOSE)

    def reject(self) -> None:
        pass  # Esc does not unlock

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()  # nor does closing the sheet


class IdleLock(QObject):
    """Watches the keyboard and mouse of the whole application (an event filter on it) and,
    after ``timeout_ms`` without input — the office's idle-lock minutes unless given —
    covers the program's windows with a ``LockDialog``. ``unlocked`` carries who works on
    (the register's actor). Create it for a register with accounts, once someone logged in;
    ``start()`` it with the window shown."""

    locked = Signal()
    unlocked = Signal(object)

    def __init__(
        self,
        window: QWidget,
        register: Register,
        *,
        timeout_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else window)
        self._window = window
        self._register = register
        if timeout_ms is None:
            office = register.office()
            minutes = office.idle_lock_minutes if office is not None else 15
            timeout_ms = minutes * 60_000
        self._timeout_ms = timeout_ms
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self.dialog: LockDialog | None = None
        self._running = False

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._restart()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """The Accounts page changed the idle time: it counts from now."""
        self.set_timeout_ms(minutes * 60_000)

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timeout_ms = timeout_ms
        if self._running and not self.is_locked:
            self._restart()

    def _restart(self) -> None:
        self._last_input = time.monotonic()
        self._timer.start(self._timeout_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _check(self) -> None:
        if not self._running or self.is_locked:
            return
        idle_ms = (time.monotonic() - self._last_input) * 1000
        if idle_ms + 1 >= self._timeout_ms:
            self.lock_now()
        else:
            self._timer.start(max(1, int(self._timeout_ms - idle_ms)))

    def lock_now(self) -> None:
        """Covers the windows at once (the window's Lock now; the idle time passing)."""
        actor = self._register.actor
        if self.is_locked or actor is None or actor.account_id is None:
            return
        self._timer.stop()
        app = cast(QApplication, QApplication.instance())
        popup = app.activePopupWidget()
        if popup is not None:
            popup.close()
        dialog = LockDialog(self._register, actor, self._window)
        dialog.setGeometry(self._covered_area())
        dialog.finished.connect(self._finished)
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.locked.emit()

    def _covered_area(self) -> QRect:
        """Every visible window of the program: the main window and any form open over it."""
        area = self._window.frameGeometry()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.windowType() in (
                Qt.WindowType.Window,
                Qt.WindowType.Dialog,
            ):
                area = area.united(widget.frameGeometry())
        return area

    def _finished(self, result: int) -> None:
        dialog = self.dialog
        self.dialog = None
        if dialog is not None:
            dialog.deleteLater()
        if result == LockDialog.CLOSE:
            self._window.close()
            if self._window.isVisible():  # the window stayed open (unsaved work): lock again
                self.lock_now()
            return
        actor = dialog.actor if dialog is not None else None
        if self._running:
            self._restart()
        self.unlocked.emit(actor)
