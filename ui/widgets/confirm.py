"""The question asked before something is lost: deleting a record, dropping unsaved edits."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.messages import message_title


def confirm(parent: QWidget | None, text: str, go_text: str, back_text: str) -> bool:
    """Asks ``text`` with two buttons that say what they do (``go_text``, ``back_text``)
    rather than Yes/No; True when the clerk chose ``go_text``. Enter and Esc both take the
    safe ``back_text``, so a key pressed out of habit loses nothing."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(message_title())
    box.setText(text)
    go = box.addButton(go_text, QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(back_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is go
