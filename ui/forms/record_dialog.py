"""What the entry dialogs share: Save (button and Ctrl+S) as one unit of work, the service's
refusals under their fields, a question before unsaved edits are dropped, and Delete with
a confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.errors import UserError, ValidationError
from ui.lang import pick
from ui.messages import show_user_error
from ui.widgets.confirm import confirm
from ui.widgets.field_error import FieldMessage, FieldRows


class RecordDialog(QDialog):
    """Base of a dialog that edits one record. A subclass builds its fields (through
    ``self.fields``), puts ``button_row()`` under them, calls ``mark_clean()`` once the record
    is loaded, and implements ``snapshot``, ``write``, ``remove`` and ``delete_question``.

    After ``exec()`` returns Accepted, ``saved_id`` is the id of the record that was saved,
    or ``deleted`` is True when the record was deleted instead.

    Enter moves to the next field rather than saving: a clerk who presses it to finish a field
    (or a line of an address) must not save a half-filled record. Save is Ctrl+S, Alt+S or
    the button."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self.saved_id: int | None = None
        self.deleted = False
        self.fields = FieldRows()
        # Refusals about no field of this form (rare: a rule across records).
        self.general_message = FieldMessage()
        self._clean: object = None

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.delete_button = QPushButton(self.tr("De&lete…"))
        for button in (self.save_button, self.cancel_button, self.delete_button):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.delete_button.clicked.connect(self.delete)
        save_action = QAction(self)
        # Spelt out: QKeySequence.StandardKey.Save is not Ctrl+S everywhere.
        save_action.setShortcut(QKeySequence("Ctrl+S"))
        save_action.triggered.connect(self.save)
        self.addAction(save_action)

    def button_row(self, *, can_delete: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        if can_delete:
            row.addWidget(self.delete_button)
        else:
            self.delete_button.hide()
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        return row

    # --- what a subclass provides ---------------------------------------------------------

    def snapshot(self) -> object:
        """The form's values, comparable with ``==``: unsaved edits are a difference from the
        snapshot taken when the record was loaded."""
        raise NotImplementedError

    def write(self, session: Session) -> int:
        """Creates or updates the record through its service; returns its id."""
        raise NotImplementedError

    def remove(self, session: Session) -> None:
        raise NotImplementedError

    def delete_question(self) -> str:
        raise NotImplementedError

    # --- the shared behaviour -------------------------------------------------------------

    def mark_clean(self) -> None:
        self._clean = self.snapshot()

    def has_changes(self) -> bool:
        return self.snapshot() != self._clean

    def save(self) -> bool:
        """Saves in one unit of work. A refusal shows each message under its field and saves
        nothing; success closes the dialog with ``saved_id`` set."""
        self.fields.clear_errors()
        self.general_message.clear_message()
        try:
            with self._register.write() as session:
                saved_id = self.write(session)
        except ValidationError as exc:
            unplaced = self.fields.show_errors(exc.errors)
            self.general_message.show_message(
                "\n".join(pick(e.message_th, e.message_en) for e in unplaced)
            )
            return False
        except UserError as exc:
            show_user_error(self, exc)
            return False
        self.saved_id = saved_id
        self.accept()
        return True

    def delete(self) -> None:
        if not confirm(
            self, self.delete_question(), self.tr("&Delete"), self.tr("&Keep the record")
        ):
            return
        try:
            with self._register.write() as session:
                self.remove(session)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.deleted = True
        self.accept()

    def reject(self) -> None:
        # Esc, the window's close button and Cancel all come here.
        if self.has_changes() and not confirm(
            self,
            self.tr("The changes you made are not saved. Discard them?"),
            self.tr("&Discard changes"),
            self.tr("&Keep editing"),
        ):
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            focus = QApplication.focusWidget()
            if isinstance(focus, QAbstractButton):
                focus.click()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)
