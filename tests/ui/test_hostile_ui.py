"""A save in a form that the register refuses for a reason outside the program — another
program holding a long write, a read-only register file — shows the clerk what is wrong and
keeps the form as typed, so that the same Save works once the cause is gone. The conditions
are real (a second process holding the write lock; ``chattr +i``), as in tests/test_hostile.py."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from otop_desktop.database import Register
from otop_desktop.domain import ProducerType
from otop_desktop.models import Entrepreneur
from otop_desktop.thaiid import make_thai_id
from tests.test_hostile import another_program_writing, immutable
from ui.forms.entrepreneur_form import EntrepreneurDialog

TypeText = Callable[[QLineEdit, str], None]
SAN_KAMPHAENG = "501301"


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The message boxes' texts, instead of boxes that would wait for a click."""
    shown: list[str] = []

    def warning(_parent: QWidget | None, _title: str, text: str, *_args: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def busy(path: Path) -> AbstractContextManager[None]:
    return another_program_writing(path)


def read_only(path: Path) -> AbstractContextManager[None]:
    if os.geteuid() != 0:
        pytest.skip("chattr +i needs root")
    return immutable(path)


@pytest.fixture(params=[(busy, "กำลังถูกโปรแกรมอื่นบันทึกข้อมูลอยู่"), (read_only, "อ่านอย่างเดียว")])
def condition(
    request: pytest.FixtureRequest,
) -> tuple[Callable[[Path], AbstractContextManager[None]], str]:
    """How the register refuses, and what the message says of it."""
    cause, words = request.param
    return cause, words


def names(register: Register) -> list[str]:
    with register.read() as session:
        return list(session.scalars(select(Entrepreneur.name)))


# SQLite-only: the causes are the file's (another program's write lock, a read-only file).
@pytest.mark.sqlite_only
def test_a_refused_save_shows_why_keeps_the_form_and_saves_once_the_cause_is_gone(
    qtbot: QtBot,
    district_register: Register,
    type_text: TypeText,
    warnings_shown: list[str],
    condition: tuple[Callable[[Path], AbstractContextManager[None]], str],
) -> None:
    cause, words = condition
    path = district_register.path
    assert path is not None
    releasing = ExitStack()
    releasing.enter_context(cause(path))
    # The clerk's program opens the register as it is (a read-only file opens for reading)
    # and waits only a moment for another program's write.
    try:
        register = Register.open(path, busy_timeout_ms=300)
    except BaseException:
        releasing.close()
        raise
    try:
        dialog = EntrepreneurDialog(register, None)
        qtbot.addWidget(dialog, before_close_func=lambda d: d.mark_clean())
        with qtbot.waitExposed(dialog):
            dialog.show()
        dialog.producer_type.setCurrentIndex(
            dialog.producer_type.findData(int(ProducerType.SINGLE_OWNER))
        )
        type_text(dialog.name, "ร้านร่มบ่อสร้าง")
        type_text(dialog.contact_name, "นายสมชาย ใจดี")
        qtbot.keyClicks(dialog.national_id, make_thai_id("310010012345"))
        type_text(dialog.house_no, "5")
        dialog.subdistrict.setCurrentIndex(dialog.subdistrict.findData(SAN_KAMPHAENG))
        typed = dialog.snapshot()

        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert len(warnings_shown) == 1
        assert words in warnings_shown[0] and str(path) in warnings_shown[0]
        assert warnings_shown[0].startswith("ไม่ได้บันทึก: ")
        assert dialog.isVisible() and dialog.saved_id is None
        assert dialog.snapshot() == typed  # nothing the clerk typed is lost
        assert names(register) == []

        releasing.close()  # the cause is gone; the same register and form go on
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the same Save
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.saved_id is not None
        assert names(register) == ["ร้านร่มบ่อสร้าง"]
        assert len(warnings_shown) == 1
    finally:
        releasing.close()
        register.close()
