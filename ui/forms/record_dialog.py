"""What the entry dialogs share: Save (button and Ctrl+S) as one unit of work, the service's
refusals under their fields, a question before unsaved edits are dropped, Delete with a
confirmation, and no silent overwrites: the version the record had when the form loaded it
goes with every save, and a change someone made meanwhile is shown (ui.widgets.conflict)
with the choice to reload or to save only the clerk's own changes on top."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

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
from otop_desktop.services.versions import ConflictError
from otop_desktop.validation import label
from ui.lang import pick
from ui.messages import show_user_error
from ui.widgets.be_date import BEDateEdit
from ui.widgets.confirm import confirm
from ui.widgets.conflict import Choice, ConflictDialog, changed_fields, on_top
from ui.widgets.field_error import FieldMessage, FieldRows


def set_entered(edit: BEDateEdit, value: date | str | None) -> None:
    """Shows a date as read from the record, or as the field gave it (``entered()``: text
    that is not a date stays as typed)."""
    if isinstance(value, str):
        edit.line_edit.setText(value)
    else:
        edit.setDate(value)


class RecordDialog(QDialog):
    """Base of a dialog that edits one record. A subclass builds its fields (through
    ``self.fields``), puts ``button_row()`` under them, calls ``mark_clean()`` once the record
    is loaded, and implements ``snapshot``, ``write``, ``remove`` and ``delete_question``; a
    form that edits existing records also ``fill`` and ``current``, sets ``version`` when it
    loads one and saves with ``expected_version=self.version``.

    After ``exec()`` returns Accepted, ``saved_id`` is the id of the record that was saved
    (``created`` True for a new one, with ``saved_message()`` to tell the clerk), or
    ``deleted`` is True when the record was deleted instead.

    Enter moves to the next field rather than saving: a clerk who presses it to finish a field
    (or a line of an address) must not save a half-filled record. Save is Ctrl+S, Alt+S or
    the button."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self.saved_id: int | None = None
        self.created = False
        # The new record's registration number or code, as ``write`` gave it.
        self.saved_number = ""
        self.deleted = False
        self.fields = FieldRows()
        # Refusals about no field of this form (rare: a rule across records).
        self.general_message = FieldMessage()
        self._clean: Any = None
        # The version of the record when the form loaded it (None: a new record). Saved as
        # ``expected_version``: the service refuses to save over a change made since.
        self.version: int | None = None

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.delete_button = QPushButton(self.tr("De&lete…"))
        self.history_button = QPushButton(self.tr("Histor&y…"))
        self.history_button.setToolTip(self.tr("Who changed this record, when and what"))
        # The registration number or code whose history the button shows.
        self._history = ""
        for button in (
            self.save_button,
            self.cancel_button,
            self.delete_button,
            self.history_button,
        ):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.delete_button.clicked.connect(self.delete)
        self.history_button.clicked.connect(self.show_history)
        save_action = QAction(self)
        # Spelt out: QKeySequence.StandardKey.Save is not Ctrl+S everywhere.
        save_action.setShortcut(QKeySequence("Ctrl+S"))
        save_action.triggered.connect(self.save)
        self.addAction(save_action)

    def button_row(self, *, can_delete: bool, history: str = "") -> QHBoxLayout:
        """Delete (when ``can_delete``) and History… (for a record with a registration
        number or code, ``history``) on the left, Save and Cancel on the right."""
        row = QHBoxLayout()
        if can_delete:
            row.addWidget(self.delete_button)
        else:
            self.delete_button.hide()
        self._history = history
        if history:
            row.addWidget(self.history_button)
        else:
            self.history_button.hide()
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        return row

    # --- what a subclass provides ---------------------------------------------------------

    # Names of the record's fields (the service's and the trail's) that the validation
    # labels know by another name, e.g. a product's "name" is "product_name".
    FIELD_ALIASES: ClassVar[dict[str, str]] = {}

    def snapshot(self) -> Any:
        """The form's values, a dataclass comparable with ``==``: unsaved edits are a
        difference from the snapshot taken when the record was loaded, field by field."""
        raise NotImplementedError

    def fill(self, values: Any) -> None:
        """Shows ``values`` in the fields: the record as read (``current``) or as the form
        gave it (``snapshot``) with some fields taken from the other."""
        raise NotImplementedError

    def current(self, session: Session) -> tuple[Any, int]:
        """The record as it is now, as ``fill`` takes it, and its version."""
        raise NotImplementedError

    def field_label(self, name: str) -> str:
        """The label of one of the record's fields, to say what was changed."""
        return pick(*label(self.FIELD_ALIASES.get(name, name)))

    def write(self, session: Session) -> int:
        """Creates or updates the record through its service; returns its id."""
        raise NotImplementedError

    def remove(self, session: Session) -> None:
        raise NotImplementedError

    def saved_message(self) -> str:
        """What the list says once a new record is saved: what it is and its number."""
        return self.tr("The new record is saved.")

    def delete_question(self) -> str:
        raise NotImplementedError

    # --- the shared behaviour -------------------------------------------------------------

    def mark_clean(self) -> None:
        self._clean = self.snapshot()

    def show_record(self, values: Any, version: int) -> None:
        """Shows the record as read, at ``version``, with no unsaved edits."""
        self.fill(values)
        self.version = version
        self.mark_clean()

    def has_changes(self) -> bool:
        return bool(self.snapshot() != self._clean)

    def save(self) -> bool:
        """Saves in one unit of work. A refusal shows each message under its field and saves
        nothing; success closes the dialog with ``saved_id`` set."""
        self.fields.clear_errors()
        self.general_message.clear_message()
        creating = self.version is None
        try:
            with self._register.write() as session:
                saved_id = self.write(session)
        except ConflictError as exc:
            return self._resolve_conflict(exc)
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
        self.created = creating
        self.accept()
        return True

    def _resolve_conflict(self, error: ConflictError) -> bool:
        """Someone changed the record since the form loaded it: says who, when and what, and
        does what the clerk chooses. Cancel leaves the form as typed; Reload (asked first
        when something was typed) shows the record as it is now; "on top" shows the record
        as it is now with the clerk's changed fields over it, and saves that against its
        current version."""
        typed = self.snapshot()
        mine = changed_fields(self._clean, typed)
        question = ConflictDialog(error, mine, self.field_label, self)
        choice = question.choose()
        question.deleteLater()
        if choice is Choice.CANCEL:
            return False
        if (
            choice is Choice.RELOAD
            and mine
            and not confirm(
                self,
                self.tr("Drop what you typed and show the record as it is now?"),
                self.tr("&Reload"),
                self.tr("&Keep editing"),
            )
        ):
            return False
        try:
            with self._register.read() as session:
                now, version = self.current(session)
        except UserError as exc:  # deleted meanwhile, or the register went away
            show_user_error(self, exc)
            return False
        merged = on_top(now, self._clean, typed)
        self.show_record(now, version)
        if choice is Choice.RELOAD:
            return False
        self.fill(merged)
        return self.save()

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

    def show_history(self) -> None:
        """The record's entries in the audit trail, over the form (which stays as typed)."""
        # Imported when first asked for: the audit screens are a part of the program apart.
        from ui.audit.history import RecordHistoryDialog

        dialog = RecordHistoryDialog(self._register, self._history, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

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
