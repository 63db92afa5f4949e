"""Walks a window's mnemonics (Alt+letter) the way a clerk uses them: every label's letter
must reach its own field, and no letter may be taken twice in one window."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

_MNEMONIC = re.compile(r"&([^&])")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def shown_mnemonics(window: QWidget) -> dict[str, QWidget]:
    """Letter → the label or button that carries it, for what is shown in ``window``."""
    taken: dict[str, QWidget] = {}
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton) and widget.isVisibleTo(window):
            letter = mnemonic(widget.text())
            if letter is None:
                continue
            assert letter not in taken, (
                f"Alt+{letter} is on both {taken[letter].text()!r} and {widget.text()!r}"
            )
            taken[letter] = widget
    return taken


def walk_buddies(qtbot: QtBot, window: QWidget) -> int:
    """Presses each label's Alt+letter and checks the focus lands in that label's buddy;
    returns how many were walked."""
    walked = 0
    for letter, widget in shown_mnemonics(window).items():
        if not isinstance(widget, QLabel):
            continue
        buddy = widget.buddy()
        assert buddy is not None, f"{widget.text()!r} has a mnemonic but no buddy"
        assert buddy.isEnabled(), f"{widget.text()!r} leads to a disabled field"
        focused = QApplication.focusWidget() or window
        qtbot.keyClick(
            focused, QKeySequence(f"Alt+{letter}")[0].key(), Qt.KeyboardModifier.AltModifier
        )
        assert QApplication.focusWidget() is buddy, (
            f"Alt+{letter} ({widget.text()!r}) put the cursor in "
            f"{QApplication.focusWidget()!r}, not its field"
        )
        walked += 1
    return walked
