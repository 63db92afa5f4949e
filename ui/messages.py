"""Telling the clerk what went wrong: a message box for an error they can act on, and a
last-resort hook that logs a program fault and says where its details are. Neither ever
shows a traceback."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from otop_desktop.errors import UserError, ValidationError
from ui.lang import pick

log = logging.getLogger(__name__)


def message_title() -> str:
    return QCoreApplication.translate("Messages", "OTOP register")


def ask_to_save(parent: QWidget, text: str) -> QMessageBox.StandardButton:
    """Asks what to do with unsaved changes before leaving them: Save, Discard, or Cancel
    (stay and go on editing), which is also what Esc answers."""
    buttons = (
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box = QMessageBox(QMessageBox.Icon.Question, message_title(), text, buttons, parent)
    box.setInformativeText(QCoreApplication.translate("Messages", "Save them before going on?"))
    box.button(QMessageBox.StandardButton.Save).setText(
        QCoreApplication.translate("Messages", "Save")
    )
    box.button(QMessageBox.StandardButton.Discard).setText(
        QCoreApplication.translate("Messages", "Discard changes")
    )
    box.button(QMessageBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Messages", "Stay")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return QMessageBox.StandardButton(box.exec())


def user_message(exc: UserError) -> str:
    """The error in the language the program is running in; one line per field at fault."""
    if isinstance(exc, ValidationError):
        return "\n".join(pick(e.message_th, e.message_en) for e in exc.errors)
    return pick(exc.message_th, exc.message_en)


def show_user_error(parent: QWidget | None, exc: UserError) -> None:
    QMessageBox.warning(parent, message_title(), user_message(exc))


def show_error(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, message_title(), text)


def install_excepthook(log_file: Path) -> None:
    """Routes every uncaught exception, including those raised in Qt slots, to the clerk as a
    message and to the log as a traceback. ``log_file`` is where logging writes, so the
    message can say where the details are."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, UserError):
            # A slot that forgot to catch it: still the clerk's to fix, not a program fault.
            show_user_error(QApplication.activeWindow(), exc)
            return
        log.error("unhandled exception", exc_info=(exc_type, exc, tb))
        text = QCoreApplication.translate(
            "Messages",
            "The program ran into an internal error. What you were doing may not have "
            "been saved.\n\nThe details were written to:\n{log}\n\nPlease send this file "
            "to whoever supports the program.",
        ).format(log=log_file)
        if QApplication.instance() is None:
            print(text, file=sys.stderr)
        else:
            QMessageBox.critical(QApplication.activeWindow(), message_title(), text)

    sys.excepthook = hook
