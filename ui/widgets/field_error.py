"""A message under each field of a form: the service's refusal in red, next to the field it is
about, instead of one box listing every problem that the clerk must then find."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.errors import FieldError
from ui.lang import pick


class Level(Enum):
    """How a message reads: a refusal, a warning that does not refuse, a confirmation, or a
    neutral hint while the clerk is still typing."""

    ERROR = "#b3261e"
    WARNING = "#8a5300"
    OK = "#1e7b34"
    HINT = ""


class FieldMessage(QLabel):
    """A word-wrapped line under a field; takes no room while it has nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.level: Level | None = None
        self.hide()

    def show_message(self, text: str, level: Level = Level.ERROR) -> None:
        if not text:
            self.clear_message()
            return
        self.level = level
        # A hint takes the palette's own muted colour, so it follows a dark theme too.
        colour = level.value or self.palette().placeholderText().color().name()
        self.setStyleSheet(f"color: {colour};")
        self.setText(text)
        self.show()
        self._fit_height()
        _grow_window(self)

    def clear_message(self) -> None:
        self.level = None
        self.clear()
        self.setMinimumHeight(0)
        self.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def _fit_height(self) -> None:
        """Claims the height of every line the message wraps onto at its width. A form or
        grid layout gives a row the height of one line otherwise (word wrap's height for a
        width reaches no further than the label's own box), and the message's second line,
        such as the check-digit one while the ID is typed, would be cut off."""
        if self.isHidden():
            return
        needed = self.heightForWidth(max(self.width(), 1))
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def clear_error(self) -> None:
        if self.level is Level.ERROR:
            self.clear_message()


@dataclass
class _Field:
    widget: QWidget
    message: FieldMessage


class FieldRows:
    """The fields of one form, each in a QFormLayout row with its message under it, named by
    the service's field names (``FieldError.field``) so that a refusal finds its field."""

    def __init__(self) -> None:
        self._fields: dict[str, _Field] = {}
        self._order: list[str] = []

    def add_row(
        self,
        form: QFormLayout,
        label: str | None,
        widget: QWidget,
        field: str | None = None,
        *,
        clear_on_edit: bool = True,
    ) -> QLabel | None:
        """Adds ``label`` and ``widget`` with a message line under the widget, or under its
        own ``message`` line when it has one (BEDateEdit); without a label the widget spans
        the row. Returns the row's label, whose mnemonic focuses the widget."""
        own = getattr(widget, "message", None)
        message = own if isinstance(own, FieldMessage) else FieldMessage()
        cell = QWidget()
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        if message is not own:
            layout.addWidget(message)
        cell.setFocusProxy(widget)
        if label is None:
            form.addRow(cell)
        else:
            form.addRow(label, cell)
        if field is not None:
            self._fields[field] = _Field(widget, message)
            self._order.append(field)
        if clear_on_edit:
            _connect_edited(widget, message.clear_error)
        row_label = form.labelForField(cell)
        if not isinstance(row_label, QLabel):
            return None
        # QLabel focuses its buddy only if the buddy itself takes focus: the cell does not.
        row_label.setBuddy(widget.focusProxy() or widget)
        return row_label

    def message(self, field: str) -> FieldMessage:
        return self._fields[field].message

    def widget(self, field: str) -> QWidget:
        return self._fields[field].widget

    def clear_errors(self) -> None:
        for item in self._fields.values():
            item.message.clear_error()

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        """Shows each error under its field and focuses the first field (in the form's order)
        at fault. Returns the errors of fields this form does not have, for the caller to
        show elsewhere."""
        self.clear_errors()
        by_field: dict[str, list[str]] = {}
        unplaced: list[FieldError] = []
        for error in errors:
            if error.field in self._fields:
                by_field.setdefault(error.field, []).append(
                    pick(error.message_th, error.message_en)
                )
            else:
                unplaced.append(error)
        for field, messages in by_field.items():
            # The same message twice (two rows of a table with one fault) says nothing more.
            self._fields[field].message.show_message("\n".join(dict.fromkeys(messages)))
        first = next((f for f in self._order if f in by_field), None)
        if first is not None:
            self._fields[first].widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return unplaced


def _grow_window(widget: QWidget) -> None:
    """Makes the window tall enough for a message that wrapped onto more lines. Qt sizes a
    window by its layout's minimum, which ignores word wrap, so the last lines of a long
    message would be cut off."""
    window = widget.window()
    layout = window.layout()
    if window is widget or layout is None or not window.isVisible():
        return
    needed = window.heightForWidth(window.width())
    if needed > window.height():
        room = window.screen().availableGeometry().height()
        window.resize(window.width(), min(needed, room))


def _connect_edited(widget: QWidget, slot: Callable[[], None]) -> None:
    """A message about a field is out of date as soon as the clerk changes the field."""
    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
        if widget.isEditable():
            widget.editTextChanged.connect(slot)
    elif isinstance(widget, QSpinBox):
        widget.valueChanged.connect(slot)
    elif hasattr(widget, "edited"):
        widget.edited.connect(slot)
