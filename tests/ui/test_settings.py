"""The settings page: the office record saved to the register in one action, bad input shown
next to its field, and the language kept as the clerk's own preference."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from otop_desktop.accounts import service
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.models import Office, length
from otop_desktop.services.office import init_register
from tests.ui.mnemonics import walk_buddies
from ui.settings import settings_page
from ui.settings.preferences import Preferences
from ui.settings.settings_page import EMBLEM_PREVIEW, SettingsPage

TypeText = Callable[[QLineEdit, str], None]


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat))


def open_page(qtbot: QtBot, register: Register, preferences: Preferences) -> SettingsPage:
    page = SettingsPage(register, preferences=preferences)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    return page


@pytest.fixture
def page(qtbot: QtBot, district_register: Register, preferences: Preferences) -> SettingsPage:
    return open_page(qtbot, district_register, preferences)


def answer_next_question(button: str) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        [chosen] = [b for b in box.buttons() if b.text() == button]
        chosen.click()

    QTimer.singleShot(0, click)


def test_the_page_shows_the_office(page: SettingsPage) -> None:
    assert page.kind.text() == "สำนักงานระดับอำเภอ"
    assert page.area.text() == "อำเภอสันกำแพง จังหวัดเชียงใหม่"
    assert page.office_name.text() == "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง"
    assert page.officer_name.text() == ""
    assert not page.save_button.isEnabled()
    assert page.language.currentText() == "ไทย"


def test_a_province_register_shows_its_province(
    qtbot: QtBot, tmp_path: Path, preferences: Preferences
) -> None:
    with init_register(tmp_path / "p.sqlite3", OfficeKind.PROVINCE, "50") as register:
        page = open_page(qtbot, register, preferences)
        assert page.kind.text() == "สำนักงานระดับจังหวัด"
        assert page.area.text() == "จังหวัดเชียงใหม่"


def test_office_and_officer_are_saved_to_the_register(
    qtbot: QtBot, page: SettingsPage, district_register: Register, type_text: TypeText
) -> None:
    type_text(page.office_name, "  สำนักงานพัฒนาชุมชนอำเภอสันกำแพง จังหวัดเชียงใหม่ ")
    type_text(page.officer_name, "นางสาวกิ่งแก้ว ปี่ทอง")
    type_text(page.officer_position, "พัฒนาการอำเภอสันกำแพง")
    assert page.save_button.isEnabled()
    with qtbot.waitSignal(page.office_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    office = district_register.office()
    assert office is not None
    assert office.name == "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง จังหวัดเชียงใหม่"
    assert office.officer_name == "นางสาวกิ่งแก้ว ปี่ทอง"
    assert office.officer_position == "พัฒนาการอำเภอสันกำแพง"
    assert page.office_name.text() == office.name  # as the register keeps it, trimmed
    assert page.office_message.text() == "บันทึกแล้ว"
    assert not page.save_button.isEnabled()
    assert not page.has_changes()


def test_ctrl_s_saves(
    qtbot: QtBot, page: SettingsPage, district_register: Register, type_text: TypeText
) -> None:
    type_text(page.officer_position, "พัฒนาการอำเภอ")
    page.officer_name.setFocus()
    type_text(page.officer_name, "นายสมชาย ใจดี")
    qtbot.keyClick(page.officer_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    office = district_register.office()
    assert office is not None and office.officer_name == "นายสมชาย ใจดี"


def test_bad_input_is_refused_next_to_its_field(
    qtbot: QtBot, page: SettingsPage, district_register: Register, type_text: TypeText
) -> None:
    type_text(page.office_name, "   ")
    type_text(page.officer_name, "นางสาวกิ่งแก้ว ปี่ทอง")
    with qtbot.assertNotEmitted(page.office_changed):
        assert not page.save()

    assert page.errors["office_name"].text() == "กรุณากรอกชื่อสำนักงาน"
    assert page.errors["office_name"].isVisible()
    assert not page.errors["officer_name"].isVisible()
    # Without the officer's position certificates could not be printed: required as well.
    assert page.errors["officer_position"].text() == "กรุณากรอกตำแหน่ง"
    assert QApplication.focusWidget() is page.office_name
    office = district_register.office()
    assert office is not None
    assert (office.name, office.officer_name) == ("สำนักงานพัฒนาชุมชนอำเภอสันกำแพง", "")

    type_text(page.office_name, "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง")
    type_text(page.officer_position, "พัฒนาการอำเภอสันกำแพง")
    assert page.save()
    assert not page.errors["office_name"].isVisible()


def test_fields_take_no_more_than_the_register_keeps(page: SettingsPage) -> None:
    page.officer_name.setText("นายสมชาย ใจดี")
    page.officer_position.setText("ก" * 500)
    assert len(page.officer_position.text()) == 200
    assert page.save()


def test_leaving_with_unsaved_office_details_asks(
    page: SettingsPage, district_register: Register, type_text: TypeText
) -> None:
    assert page.confirm_leave()
    type_text(page.officer_name, "นายสมชาย ใจดี")
    answer_next_question("กลับไปแก้ไข")
    assert not page.confirm_leave()
    assert page.officer_name.text() == "นายสมชาย ใจดี"
    answer_next_question("ไม่บันทึก")
    assert page.confirm_leave()
    assert page.officer_name.text() == ""
    type_text(page.officer_name, "นายสมชาย ใจดี")
    type_text(page.officer_position, "พัฒนาการอำเภอ")
    answer_next_question("บันทึก")
    assert page.confirm_leave()
    office = district_register.office()
    assert office is not None and office.officer_name == "นายสมชาย ใจดี"


def test_the_language_is_kept_as_a_preference(
    qtbot: QtBot, page: SettingsPage, preferences: Preferences, tmp_path: Path
) -> None:
    assert preferences.language == "th"
    assert page.language_note.text().endswith("จะเปลี่ยนเมื่อเปิดโปรแกรมครั้งถัดไป")
    page.language.setFocus()
    qtbot.keyClick(page.language, Qt.Key.Key_Down)  # a closed combo box steps to the next item
    assert page.language.currentText() == "English"
    assert preferences.language == "en"
    assert page.language_note.text() == (
        "โปรแกรมจะใช้ภาษา English เมื่อเปิดครั้งถัดไป หากต้องการเปลี่ยนทันที ให้ปิดโปรแกรมแล้วเปิดใหม่"
    )
    stored = QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat)
    assert stored.value("language") == "en"


def test_a_stored_language_the_program_does_not_know_falls_back_to_thai(
    preferences: Preferences,
) -> None:
    preferences.settings.setValue("language", "klingon")
    assert preferences.language == "th"
    with pytest.raises(ValueError):
        preferences.language = "fr"
    preferences.language = "en"
    assert Preferences(preferences.settings).language == "en"


def test_preferences_are_the_programs_own_per_user_settings() -> None:
    settings = Preferences().settings
    assert (settings.organizationName(), settings.applicationName()) == ("OTOP", "OTOP Desktop")
    assert settings.scope() == QSettings.Scope.UserScope


def test_every_label_mnemonic_reaches_its_own_field(qtbot: QtBot, page: SettingsPage) -> None:
    # Alt+O, Alt+T and Alt+N all left the cursor in the office name.
    assert walk_buddies(qtbot, page) >= 4


def test_with_accounts_a_clerk_sees_the_office_read_only(
    qtbot: QtBot, district_register: Register, preferences: Preferences
) -> None:
    with district_register.write(system=True) as session:
        service.add_account(session, "somchai", "head", "head-pass-1")
    district_register.login("somchai", "head-pass-1")
    with district_register.write() as session:
        service.add_account(session, "kaew", "clerk", "clerk-pass-1")
    district_register.login("kaew", "clerk-pass-1")
    page = open_page(qtbot, district_register, preferences)
    assert page.office_name.isReadOnly() and page.officer_name.isReadOnly()
    assert page.head_only_note.isVisible() and not page.save_button.isVisible()
    assert not page.emblem_button.isVisible()
    district_register.login("somchai", "head-pass-1")
    page.refresh()
    assert not page.office_name.isReadOnly() and page.save_button.isVisible()
    assert page.emblem_button.isVisible()


def emblem_file(folder: Path) -> Path:
    """A stand-in for the office's emblem (the program ships none)."""
    path = folder / "garuda.png"
    image = QImage(60, 66, QImage.Format.Format_ARGB32)
    image.fill(QColor("darkred"))
    assert image.save(str(path))
    return path


def test_the_office_phone_is_saved_with_the_office_details(
    qtbot: QtBot, page: SettingsPage, district_register: Register, type_text: TypeText
) -> None:
    type_text(page.officer_name, "นางสาวกิ่งแก้ว ปี่ทอง")
    type_text(page.officer_position, "พัฒนาการอำเภอสันกำแพง")
    type_text(page.office_phone, " 0 5333 1234 ต่อ 12 ")
    assert page.save()
    office = district_register.office()
    assert office is not None and office.phone == "0 5333 1234 ต่อ 12"
    assert page.office_phone.text() == office.phone
    assert page.office_phone.maxLength() == length(Office.phone)


def test_the_emblem_is_chosen_shown_and_removed(
    page: SettingsPage,
    district_register: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not page.emblem_remove.isVisible()
    assert page.emblem_preview.text() == "ไม่มี"
    path = emblem_file(tmp_path)
    monkeypatch.setattr(settings_page, "open_file_name", lambda *_args: str(path))
    assert page.choose_emblem()
    office = district_register.office()
    assert office is not None and office.emblem_image == path.read_bytes()
    assert not page.emblem_preview.pixmap().isNull()
    assert page.emblem_preview.pixmap().height() == EMBLEM_PREVIEW
    assert page.emblem_remove.isVisible()
    assert page.emblem_message.text() == "บันทึกตราครุฑแล้ว บันทึกข้อความจะพิมพ์ตรานี้"
    assert page.remove_emblem()
    office = district_register.office()
    assert office is not None and office.emblem_image is None
    assert page.emblem_preview.pixmap().isNull() and not page.emblem_remove.isVisible()


def test_a_file_that_is_no_image_is_refused_with_its_reason(
    page: SettingsPage,
    district_register: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    not_image = tmp_path / "garuda.png"
    not_image.write_text("not a picture")
    monkeypatch.setattr(settings_page, "open_file_name", lambda *_args: str(not_image))
    assert not page.choose_emblem()
    monkeypatch.setattr(settings_page, "open_file_name", lambda *_args: str(tmp_path / "gone.png"))
    assert not page.choose_emblem()
    monkeypatch.setattr(settings_page, "open_file_name", lambda *_args: "")
    assert not page.choose_emblem()
    assert shown[0] == "ไฟล์ที่เลือกไม่ใช่ภาพ PNG หรือ JPEG ที่อ่านได้"
    assert str(tmp_path / "gone.png") in shown[1]
    assert len(shown) == 2
    office = district_register.office()
    assert office is not None and office.emblem_image is None
