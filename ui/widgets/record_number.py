"""The number a record's form shows at its top: the registration number or code, or, for a
new record, a note that the register gives it when the record is saved."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


def record_number_label(number: str | None) -> QLabel:
    """Bold and selectable (clerks copy it) when there is a number, italic when there is not."""
    label = QLabel(number or QCoreApplication.translate("RecordNumber", "assigned on save"))
    font = QFont(label.font())
    font.setBold(number is not None)
    font.setItalic(number is None)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
