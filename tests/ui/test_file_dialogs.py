"""The program's file dialogs are Qt's own, in the program's language (Thai here), never the
system's dialog in the system's language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel

from ui import file_dialogs


def look_then_cancel(own: list[bool], texts: list[str]) -> None:
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):  # not up yet
            QTimer.singleShot(20, look)
            return
        own.append(dialog.testOption(QFileDialog.Option.DontUseNativeDialog))
        texts.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        texts.extend(button.text() for button in buttons.buttons())
        dialog.reject()

    QTimer.singleShot(0, look)


@pytest.mark.parametrize(
    ("ask", "words"),
    [
        (
            lambda folder: file_dialogs.save_file_name(
                None, "บันทึก", str(folder / "a.pdf"), "PDF (*.pdf)"
            ),
            ["ชื่อไฟล์(&N):", "ชนิดไฟล์(&T):", "ดูใน(&L):", "บันทึก(&S)", "ยกเลิก"],
        ),
        (
            lambda folder: file_dialogs.open_file_name(None, "เปิด", str(folder), "*.xlsx"),
            ["ชื่อไฟล์(&N):", "เปิด(&O)", "ยกเลิก"],
        ),
        (
            lambda folder: file_dialogs.open_file_names(None, "เปิด", str(folder), "*.xlsx"),
            ["ชื่อไฟล์(&N):", "เปิด(&O)"],
        ),
        (
            lambda folder: file_dialogs.existing_directory(None, "โฟลเดอร์", str(folder)),
            ["โฟลเดอร์:", "เลือก(&C)", "ยกเลิก"],
        ),
    ],
)
def test_each_file_dialog_is_qts_own_and_speaks_thai(
    tmp_path: Path, ask: Callable[[Path], object], words: list[str]
) -> None:
    own: list[bool] = []
    texts: list[str] = []
    look_then_cancel(own, texts)
    assert not ask(tmp_path)  # cancelled
    assert own == [True]
    for word in words:
        assert word in texts, texts
