"""No silent overwrites, in the forms: saving a record that someone else changed since the form
was opened is refused by the service (versions.ConflictError); the clerk is told who changed
it, when and what, and chooses — reload the record as it is now, save only the fields they
changed themselves on top of it, or go back to the form and keep typing.

Used by every edit form through ui.forms.record_dialog.RecordDialog. A form's values are a
dataclass (the service's input as the form gives it); the clerk's own changes are the fields
that differ between the values the form loaded and the values it holds now."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.services.versions import ConflictError, OtherChange
from otop_desktop.thaiformat import format_be_date

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

#: A form's values: a dataclass.
V = TypeVar("V", bound="DataclassInstance")

# Wide enough for a line naming who, when and four fields without wrapping on 1366 px.
DIALOG_WIDTH = 560


class Choice(Enum):
    RELOAD = "reload"
    ON_TOP = "on_top"
    CANCEL = "cancel"


def changed_fields(loaded: Any, typed: Any) -> list[str]:
    """The names of the fields whose values differ between ``loaded`` (the form's values when
    the record was loaded) and ``typed`` (its values now): what this clerk changed."""
    return [f.name for f in fields(loaded) if getattr(loaded, f.name) != getattr(typed, f.name)]


def on_top(current: V, loaded: V, typed: V) -> V:
    """The record as it is now (``current``) with only the clerk's changed fields put over it;
    every field the clerk did not touch keeps what the other change made of it."""
    mine = changed_fields(loaded, typed)
    return replace(current, **{name: getattr(typed, name) for name in mine})


def unique_labels(names: Sequence[str], label: Callable[[str], str]) -> list[str]:
    """The fields' labels, each once (two columns may share one: a subdistrict and its
    district), in order."""
    shown: list[str] = []
    for name in names:
        text = label(name)
        if text not in shown:
            shown.append(text)
    return shown


def when_text(at: datetime) -> str:
    """A moment in the office's local time: the B.E. date and the time of day."""
    local = at.astimezone()
    return f"{format_be_date(local.date())} {local:%H:%M}"


class ConflictDialog(QDialog):
    """Who changed the record, when and what, what this clerk changed, and the three ways on.
    Enter and Esc keep the form as typed (Cancel): nothing is lost by a key out of habit."""

    def __init__(
        self,
        error: ConflictError,
        mine: Sequence[str],
        label: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choice = Choice.CANCEL
        self.setWindowTitle(self.tr("Changed by someone else"))
        theirs = [name for change in error.changes for name in change.fields]
        both = [name for name in mine if name in theirs]

        lines = [self.tr("Nothing was saved: this record was changed after you opened it.")]
        lines += [self._change_line(change, label) for change in error.changes]
        if not error.changes:
            lines.append(self.tr("• by another user"))
        self.text = QLabel("\n".join(lines))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mine_text = (
            self.tr("You changed: {fields}.").format(fields=", ".join(unique_labels(mine, label)))
            if mine
            else self.tr("You changed nothing.")
        )
        if both:
            mine_text += "\n" + self.tr(
                "You both changed: {fields}. Saving your changes on top replaces theirs in "
                "these fields."
            ).format(fields=", ".join(unique_labels(both, label)))
        self.mine = QLabel(mine_text)
        self.mine.setWordWrap(True)

        self.reload_button = QPushButton(self.tr("&Reload the record"))
        self.reload_button.setToolTip(
            self.tr("Show the record as it is now; what you typed is dropped")
        )
        self.on_top_button = QPushButton(self.tr("&Save my changes on top"))
        self.on_top_button.setToolTip(
            self.tr("Keep their changes and save only the fields you changed")
        )
        self.on_top_button.setEnabled(bool(mine))
        self.cancel_button = QPushButton(self.tr("&Cancel (keep editing)"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.on_top_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.reload_button, self.on_top_button, self.cancel_button):
            button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.reload_button.clicked.connect(lambda: self._done(Choice.RELOAD))
        self.on_top_button.clicked.connect(lambda: self._done(Choice.ON_TOP))
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.mine)
        layout.addWidget(buttons)
        self.resize(DIALOG_WIDTH, self.sizeHint().height())
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _change_line(self, change: OtherChange, label: Callable[[str], str]) -> str:
        who = change.actor or self.tr("another user")
        what = ", ".join(unique_labels(change.fields, label)) or self.tr("details")
        return self.tr("• {who}, {when}: {fields}").format(
            who=who, when=when_text(change.at), fields=what
        )

    def _done(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()

    def choose(self) -> Choice:
        self.exec()
        return self.choice
