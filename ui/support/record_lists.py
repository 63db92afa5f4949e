"""What the household, training and grant lists add to a ListPage: each opens its own form
(the entrepreneur and product lists leave that to ui.records), and a filter box whose
choices follow the records (the years, the villages that have any)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from ui.forms.record_dialog import RecordDialog
from ui.lists.page import ListPage
from ui.messages import show_user_error

F = TypeVar("F")
R = TypeVar("R")


class RecordListPage(ListPage[F, R]):
    """Ctrl+N or the button opens an empty form, Enter or a double-click the current
    record's; the list is read again after a save or a delete."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(register, parent)
        self.register = register
        self.openRequested.connect(self.open_record)
        self.newRequested.connect(lambda: self.open_record(None))

    def make_dialog(self, record_id: int | None) -> RecordDialog:
        """The form of ``record_id`` (None: a new record), parented to this page."""
        raise NotImplementedError

    def open_record(self, record_id: int | None) -> None:
        try:
            dialog = self.make_dialog(record_id)
        except UserError as exc:  # deleted on another PC meanwhile
            show_user_error(self, exc)
            self.reload()
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            if dialog.saved_id is None:
                return
            if dialog.created:
                self.show_saved(dialog.saved_id, dialog.saved_message())
            else:
                self.select_id(dialog.saved_id)

    def refill(self, box: QComboBox, all_text: str, choices: Sequence[tuple[str, Any]]) -> None:
        """Offers ``choices`` in a filter box, keeping its choice if still offered; if not,
        the box goes back to ``all_text`` and the list follows."""
        chosen = box.currentData()
        box.blockSignals(True)
        self._set_choices(box, all_text, choices)
        index = box.findData(chosen) if chosen is not None else 0
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)
        if index < 0:
            self.apply_filter()
