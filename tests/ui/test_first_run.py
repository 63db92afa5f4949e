"""The first-run dialog: it creates a register for the chosen district, or nothing at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from otop_desktop.database import Register, needs_set_up
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.services.office import init_register
from tests.ui.mnemonics import walk_buddies
from ui import first_run
from ui.first_run import FirstRunDialog, open_or_set_up

TypeText = Callable[[QLineEdit, str], None]


def make_dialog(qtbot: QtBot, db: Path) -> FirstRunDialog:
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def choose_district(dialog: FirstRunDialog, code: str) -> None:
    dialog.district.setCurrentIndex(dialog.district.findData(code))


def fill_officer(dialog: FirstRunDialog) -> None:
    dialog.officer_name.setText("นายสมชาย ใจดี")
    dialog.officer_position.setText("พัฒนาการอำเภอ")


def click(qtbot: QtBot, dialog: FirstRunDialog, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def test_starts_in_chiang_mai_with_a_suggested_office_name(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, tmp_path / "r.sqlite3")
    assert dialog.windowTitle() == "ตั้งค่าทะเบียน OTOP"
    assert dialog.province.currentText() == "เชียงใหม่"
    assert dialog.district.count() == 25
    assert dialog.district.currentText() == "เมืองเชียงใหม่"
    assert dialog.office_name.text() == "สำนักงานพัฒนาชุมชนอำเภอเมืองเชียงใหม่"
    assert dialog.ok_button.text() == "สร้างทะเบียน"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "ยกเลิก"


def test_districts_follow_the_province(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, tmp_path / "r.sqlite3")
    dialog.province.setCurrentIndex(dialog.province.findData("57"))
    assert dialog.district.currentData() == "5701"
    assert dialog.office_name.text() == "สำนักงานพัฒนาชุมชนอำเภอเมืองเชียงราย"
    codes = [dialog.district.itemData(i) for i in range(dialog.district.count())]
    assert len(codes) == 18
    assert all(code.startswith("57") for code in codes)


def test_a_name_the_clerk_wrote_is_kept_when_the_district_changes(
    qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    dialog = make_dialog(qtbot, tmp_path / "r.sqlite3")
    choose_district(dialog, "5013")
    assert dialog.office_name.text() == "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง"
    type_text(dialog.office_name, "สพอ.สันกำแพง")
    choose_district(dialog, "5019")
    assert dialog.office_name.text() == "สพอ.สันกำแพง"


def test_ok_needs_the_office_name_and_the_signing_officer(
    qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    # Without its signing officer a register could not print a certificate.
    dialog = make_dialog(qtbot, tmp_path / "r.sqlite3")
    assert not dialog.ok_button.isEnabled()
    type_text(dialog.officer_name, "นางสาวกิ่งแก้ว ปี่ทอง")
    assert not dialog.ok_button.isEnabled()
    type_text(dialog.officer_position, "พัฒนาการอำเภอ")
    assert dialog.ok_button.isEnabled()
    type_text(dialog.office_name, "   ")
    assert not dialog.ok_button.isEnabled()
    type_text(dialog.office_name, "สำนักงาน")
    assert dialog.ok_button.isEnabled()
    type_text(dialog.officer_position, " ")
    assert not dialog.ok_button.isEnabled()


def test_a_province_register_is_set_up_for_its_province(
    qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    db = tmp_path / "province.sqlite3"
    dialog = make_dialog(qtbot, db)
    dialog.kind.setCurrentIndex(dialog.kind.findData(OfficeKind.PROVINCE))
    assert not dialog.district.isVisibleTo(dialog)
    assert dialog.office_name.text() == "สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่"
    dialog.province.setCurrentIndex(dialog.province.findData("57"))
    assert dialog.office_name.text() == "สำนักงานพัฒนาชุมชนจังหวัดเชียงราย"
    type_text(dialog.officer_name, "นายสมชาย ใจดี")
    type_text(dialog.officer_position, "พัฒนาการจังหวัดเชียงราย")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.register is not None
    dialog.register.close()
    with Register.open(db) as register:
        office = register.office()
    assert office is not None
    assert (office.kind, office.province_code, office.district_code) == ("province", "57", None)
    assert office.officer_position == "พัฒนาการจังหวัดเชียงราย"
    # Back to a district: its row comes back and the name follows the district again.
    dialog.kind.setCurrentIndex(dialog.kind.findData(OfficeKind.DISTRICT))
    assert dialog.district.isVisibleTo(dialog)
    assert dialog.office_name.text() == "สำนักงานพัฒนาชุมชนอำเภอเมืองเชียงราย"


def test_every_label_mnemonic_reaches_its_own_field(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, tmp_path / "r.sqlite3")
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    assert walk_buddies(qtbot, dialog) == 6


def test_ok_creates_the_register_for_the_chosen_district(
    qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    db = tmp_path / "new" / "r.sqlite3"
    dialog = make_dialog(qtbot, db)
    choose_district(dialog, "5013")
    type_text(dialog.office_name, "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง จังหวัดเชียงใหม่")
    type_text(dialog.officer_name, "นางสาวกิ่งแก้ว ปี่ทอง")
    type_text(dialog.officer_position, "พัฒนาการอำเภอสันกำแพง")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.register is not None
    dialog.register.close()
    with Register.open(db) as register:
        office = register.office()
    assert office is not None
    assert (office.kind, office.province_code, office.district_code) == ("district", "50", "5013")
    assert office.name == "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง จังหวัดเชียงใหม่"
    assert office.officer_name == "นางสาวกิ่งแก้ว ปี่ทอง"
    assert office.officer_position == "พัฒนาการอำเภอสันกำแพง"


def test_cancel_creates_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "new" / "r.sqlite3"
    dialog = make_dialog(qtbot, db)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.register is None
    assert list(tmp_path.iterdir()) == []


def test_an_error_is_shown_and_the_dialog_stays(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "r.sqlite3"
    db.write_bytes(b"not a database, just bytes" * 100)
    shown: list[UserError] = []
    monkeypatch.setattr(first_run, "show_user_error", lambda _parent, exc: shown.append(exc))
    dialog = make_dialog(qtbot, db)
    fill_officer(dialog)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert len(shown) == 1
    assert "เปิดทะเบียน" in shown[0].message_th
    assert dialog.isVisible()
    assert dialog.register is None


def test_a_folder_that_cannot_be_made_is_reported(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("")
    shown: list[str] = []
    monkeypatch.setattr(first_run, "show_error", lambda _parent, text: shown.append(text))
    dialog = make_dialog(qtbot, tmp_path / "file" / "r.sqlite3")
    fill_officer(dialog)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert len(shown) == 1
    assert shown[0].startswith(f"สร้างทะเบียนที่ {tmp_path / 'file' / 'r.sqlite3'} ไม่ได้")
    assert dialog.isVisible()


def test_which_registers_need_setting_up(tmp_path: Path) -> None:
    assert needs_set_up(tmp_path / "missing.sqlite3")
    with init_register(tmp_path / "ready.sqlite3", OfficeKind.DISTRICT, "5013"):
        pass
    assert not needs_set_up(tmp_path / "ready.sqlite3")
    with Register.open(tmp_path / "schema-only.sqlite3", create=True):
        pass
    assert needs_set_up(tmp_path / "schema-only.sqlite3")
    (tmp_path / "junk.sqlite3").write_bytes(b"junk" * 1000)
    assert not needs_set_up(tmp_path / "junk.sqlite3")


def test_open_or_set_up_opens_a_ready_register_directly(tmp_path: Path) -> None:
    with init_register(tmp_path / "r.sqlite3", OfficeKind.DISTRICT, "5013"):
        pass
    register = open_or_set_up(tmp_path / "r.sqlite3")
    assert register is not None
    register.close()


def test_open_or_set_up_returns_nothing_when_cancelled(qtbot: QtBot, tmp_path: Path) -> None:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert open_or_set_up(tmp_path / "r.sqlite3") is None
    assert list(tmp_path.iterdir()) == []


def test_open_or_set_up_refuses_what_is_not_a_register(tmp_path: Path) -> None:
    (tmp_path / "junk.sqlite3").write_bytes(b"junk" * 1000)
    with pytest.raises(UserError):
        open_or_set_up(tmp_path / "junk.sqlite3")
