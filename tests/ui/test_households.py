"""The OFOS households page and the household form, driven as a clerk drives them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from otop_desktop.database import Register
from otop_desktop.domain import Industry, SkillLevel
from otop_desktop.models import Household
from otop_desktop.services.households import HouseholdInput, SkillInput, create_household
from otop_desktop.thaiformat import thai_today
from tests.ui.test_forms import Confirmations, confirmations, save, shown  # noqa: F401
from tests.ui.test_lists import listed, show, wait_for_list
from ui.households import HouseholdsPage
from ui.households.household_form import HouseholdDialog

TypeText = Callable[[QLineEdit, str], None]


def add(register: Register, head: str, subdistrict: str, moo: int, *industries: Industry) -> int:
    with register.write() as session:
        return create_household(
            session,
            HouseholdInput(
                head_name=head,
                subdistrict_code=subdistrict,
                moo=moo,
                house_no="12",
                member_count=3,
                surveyed_on=date(2025, 2, 1),
                skills=[
                    SkillInput("ทอผ้าตีนจก", i, SkillLevel.SKILLED, "นางแก้ว", "การตลาดออนไลน์")
                    for i in industries
                ],
            ),
        ).id


def households(register: Register) -> int:
    with register.read() as session:
        return session.scalar(select(func.count()).select_from(Household)) or 0


@pytest.fixture
def page(qtbot: QtBot, district_register: Register) -> HouseholdsPage:
    add(district_register, "นางบัวคำ ใจมา", "501301", 3, Industry.FASHION)
    add(district_register, "นายสมศักดิ์ ทองดี", "501302", 5, Industry.FOOD, Industry.MUSIC)
    add(district_register, "นางสาวเพ็ญ ศรีคำ", "501302", 3)
    shown_page = HouseholdsPage(district_register)
    show(qtbot, shown_page)
    return shown_page


def test_the_model_passes_the_model_tester(
    qtmodeltester: ModelTester, page: HouseholdsPage
) -> None:
    qtmodeltester.check(page.model, force_py=True)
    qtmodeltester.check(page.model)


def test_the_list_reads_in_thai(page: HouseholdsPage) -> None:
    model = page.model
    assert page.count_label.text() == "3 จาก 3 ครัวเรือน"
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert titles[:2] == ["รหัสครัวเรือน", "หัวหน้าครัวเรือน"]
    second = [model.index(1, c).data() for c in range(model.columnCount())]
    assert second == [
        "501302-03-0001",
        "นางสาวเพ็ญ ศรีคำ",
        "12",
        "3",
        "ทรายมูล",
        "3",
        "",
        "01/02/2568",
    ]
    assert model.index(2, 6).data() == "อาหาร, ดนตรี"


def test_thai_search_and_the_filters_narrow_the_list(
    qtbot: QtBot, type_text: TypeText, page: HouseholdsPage
) -> None:
    everyone = listed(page)
    type_text(page.search, "สมศักดิ์")
    wait_for_list(qtbot, page, [everyone[2]])
    page.search.clear()
    page.apply_filter()
    assert page.subdistrict_box is not None
    page.subdistrict_box.setCurrentIndex(page.subdistrict_box.findData("501302"))
    assert listed(page) == everyone[1:]
    # Only the villages surveyed in the subdistrict are offered.
    moos = [page.moo_box.itemText(i) for i in range(page.moo_box.count())]
    assert moos == ["ทุกหมู่บ้าน", "หมู่ 3", "หมู่ 5"]
    page.moo_box.setCurrentIndex(page.moo_box.findData(5))
    assert listed(page) == [everyone[2]]
    page.industry_box.setCurrentIndex(page.industry_box.findData(Industry.FASHION.value))
    assert listed(page) == []
    assert page.count_label.text() == "0 จาก 3 ครัวเรือน"
    # Back to every subdistrict: หมู่ 5 is still offered, and kept.
    page.subdistrict_box.setCurrentIndex(0)
    page.moo_box.setCurrentIndex(0)
    assert listed(page) == [everyone[0]]


def test_a_village_gone_from_the_area_clears_its_filter(page: HouseholdsPage) -> None:
    everyone = listed(page)
    page.moo_box.setCurrentIndex(page.moo_box.findData(5))
    assert listed(page) == [everyone[2]]
    assert page.subdistrict_box is not None
    page.subdistrict_box.setCurrentIndex(page.subdistrict_box.findData("501301"))
    assert page.moo_box.currentData() is None
    assert listed(page) == [everyone[0]]


def test_sorting_by_the_head_of_household(page: HouseholdsPage) -> None:
    page.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    assert [page.model.index(r, 1).data() for r in range(3)] == [
        "นางบัวคำ ใจมา",
        "นางสาวเพ็ญ ศรีคำ",
        "นายสมศักดิ์ ทองดี",
    ]


def fill(qtbot: QtBot, dialog: HouseholdDialog, type_text: TypeText) -> None:
    type_text(dialog.house_no, "๔๕/๑")
    # The blank หมู่ที่ shows "–", which the typed number replaces.
    dialog.moo.selectAll()
    qtbot.keyClicks(dialog.moo, "7")
    line_edit = dialog.place.subdistrict.lineEdit()
    assert line_edit is not None
    type_text(line_edit, "ทรายมูล")
    type_text(dialog.head_name, "นายคำปัน ใจดี")
    dialog.member_count.setValue(4)
    type_text(dialog.surveyed_on.line_edit, "15 ต.ค. 2568")


def test_a_new_household_with_its_skills_is_saved(
    qtbot: QtBot, district_register: Register, type_text: TypeText
) -> None:
    dialog = HouseholdDialog(district_register, None)
    shown(qtbot, dialog)
    assert dialog.windowTitle() == "เพิ่มครัวเรือน"
    assert dialog.surveyed_on.date() == thai_today()
    fill(qtbot, dialog, type_text)
    qtbot.mouseClick(dialog.skills.add_button, Qt.MouseButton.LeftButton)
    member, skill, industry, level, training = dialog.skills.rows()[0]
    assert isinstance(member, QLineEdit) and isinstance(skill, QLineEdit)
    assert isinstance(industry, QComboBox) and isinstance(level, QComboBox)
    assert isinstance(training, QLineEdit)
    assert member.hasFocus()
    type_text(member, "นางคำ ใจดี")
    type_text(skill, "ทำโคมยี่เป็ง")
    industry.setCurrentIndex(industry.findText("เทศกาล"))
    level.setCurrentIndex(level.findText("เชี่ยวชาญ"))
    type_text(training, "การขายออนไลน์")
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with district_register.read() as session:
        saved = session.get(Household, dialog.saved_id)
        assert saved is not None
        assert saved.code == "501302-07-0001"
        assert (saved.house_no, saved.head_name, saved.member_count) == ("๔๕/๑", "นายคำปัน ใจดี", 4)
        assert saved.surveyed_on == date(2025, 10, 15)
        [row] = saved.skills
        assert (row.member_name, row.skill, row.industry, row.level, row.training_wanted) == (
            "นางคำ ใจดี",
            "ทำโคมยี่เป็ง",
            "เทศกาล",
            "เชี่ยวชาญ",
            "การขายออนไลน์",
        )


def test_wrong_input_is_refused_under_its_field_and_nothing_is_saved(
    qtbot: QtBot, district_register: Register, type_text: TypeText
) -> None:
    dialog = HouseholdDialog(district_register, None)
    shown(qtbot, dialog)
    type_text(dialog.house_no, "9")
    dialog.skills.add_row()
    type_text(dialog.skills.rows()[0][1], "ตีกลองสะบัดชัย")
    save(qtbot)
    assert dialog.isVisible() and households(district_register) == 0
    assert dialog.fields.message("head_name").text() == "กรุณากรอกหัวหน้าครัวเรือน"
    assert dialog.fields.message("moo").text() == "กรุณากรอกหมู่ที่"
    assert dialog.fields.message("subdistrict_code").text() == "กรุณาเลือกตำบล"
    assert dialog.fields.message("skills").text() == "ทักษะแถวที่ 1: กรุณาเลือกสาขา Soft Power"
    assert not dialog.fields.message("house_no").isVisible()
    # The first field at fault has the focus, and typing into it clears its message.
    assert dialog.moo.hasFocus()
    dialog.moo.selectAll()
    qtbot.keyClicks(dialog.moo, "2")
    assert not dialog.fields.message("moo").isVisible()


def test_a_household_is_edited_and_its_code_kept(
    qtbot: QtBot, district_register: Register, type_text: TypeText
) -> None:
    household_id = add(district_register, "นางบัวคำ ใจมา", "501301", 3, Industry.FASHION)
    dialog = HouseholdDialog(district_register, household_id)
    shown(qtbot, dialog)
    assert dialog.windowTitle() == "ครัวเรือน 501301-03-0001"
    assert dialog.place.subdistrict.currentText() == "สันกำแพง"
    assert len(dialog.skills.rows()) == 1
    assert not dialog.has_changes()
    type_text(dialog.head_name, "นางบัวคำ ใจงาม")
    dialog.moo.setValue(4)
    dialog.skills.remove_row(0)
    save(qtbot)
    with district_register.read() as session:
        saved = session.get(Household, household_id)
        assert saved is not None
        assert (saved.code, saved.head_name, saved.moo, saved.skills) == (
            "501301-03-0001",
            "นางบัวคำ ใจงาม",
            4,
            [],
        )


def test_history_opens_the_trail_of_the_household(
    qtbot: QtBot, district_register: Register
) -> None:
    from ui.audit.history import RecordHistoryDialog

    household_id = add(district_register, "นางบัวคำ ใจมา", "501301", 3, Industry.FASHION)
    dialog = HouseholdDialog(district_register, household_id)
    shown(qtbot, dialog)
    qtbot.mouseClick(dialog.history_button, Qt.MouseButton.LeftButton)
    [history] = dialog.findChildren(RecordHistoryDialog)
    qtbot.waitUntil(history.isVisible)
    assert history.record == "501301-03-0001"
    assert history.model.rowCount() >= 1
    history.close()


def test_unsaved_changes_are_not_dropped_without_asking(
    qtbot: QtBot,
    district_register: Register,
    type_text: TypeText,
    confirmations: Confirmations,  # noqa: F811
) -> None:
    household_id = add(district_register, "นางบัวคำ ใจมา", "501301", 3)
    dialog = HouseholdDialog(district_register, household_id)
    shown(qtbot, dialog)
    type_text(dialog.head_name, "นางบัวคำ")
    qtbot.keyClick(dialog.head_name, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert confirmations.asked == ["ข้อมูลที่แก้ไขยังไม่ได้บันทึก ต้องการทิ้งการแก้ไขหรือไม่"]


def test_a_household_is_deleted_after_asking(
    qtbot: QtBot,
    district_register: Register,
    confirmations: Confirmations,  # noqa: F811
) -> None:
    household_id = add(district_register, "นางบัวคำ ใจมา", "501301", 3, Industry.ART)
    dialog = HouseholdDialog(district_register, household_id)
    shown(qtbot, dialog)
    dialog.delete()
    assert households(district_register) == 1  # answered "keep"
    assert confirmations.asked[0].startswith("ลบครัวเรือน 501301-03-0001 (นางบัวคำ ใจมา)")
    confirmations.answers.append(True)
    dialog.delete()
    assert dialog.deleted and households(district_register) == 0


def test_ctrl_n_opens_the_form_and_the_list_shows_what_was_saved(
    qtbot: QtBot, type_text: TypeText, page: HouseholdsPage
) -> None:
    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HouseholdDialog)
        try:
            fill(qtbot, dialog, type_text)
            dialog.save()
        finally:
            if dialog.isVisible():  # a failed step must not leave the test waiting forever
                dialog.mark_clean()
                dialog.reject()

    QTimer.singleShot(0, fill_and_save)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.count_label.text() == "4 จาก 4 ครัวเรือน"
    assert page.model.index(page.table.currentIndex().row(), 1).data() == "นายคำปัน ใจดี"
    assert page.moo_box.findData(7) > 0
    # Said, with the new household's code.
    assert page.notice.isVisible()
    assert page.notice.text.text() == "บันทึกครัวเรือนใหม่แล้ว รหัสครัวเรือน 501302-07-0001"
    assert not page.notice.clear_button.isVisible()


def test_a_new_record_that_the_filters_hide_is_named_with_a_way_to_clear_them(
    qtbot: QtBot, type_text: TypeText, page: HouseholdsPage
) -> None:
    type_text(page.search, "บัวคำ")
    page.industry_box.setCurrentIndex(page.industry_box.findData(Industry.FASHION.value))
    wait_for_list(qtbot, page, [1])

    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HouseholdDialog)
        try:
            fill(qtbot, dialog, type_text)
            dialog.save()
        finally:
            if dialog.isVisible():
                dialog.mark_clean()
                dialog.reject()

    QTimer.singleShot(0, fill_and_save)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.notice.isVisible()
    assert page.notice.text.text() == (
        "บันทึกครัวเรือนใหม่แล้ว รหัสครัวเรือน 501302-07-0001 แต่ไม่แสดงในรายการ "
        "เพราะถูกซ่อนด้วย คำค้น “บัวคำ”, “แฟชั่น”"
    )
    assert page.notice.clear_button.isVisible()
    qtbot.mouseClick(page.notice.clear_button, Qt.MouseButton.LeftButton)
    assert page.search.text() == ""
    assert page.industry_box.currentIndex() == 0
    assert not page.notice.isVisible()
    assert page.model.rowCount() == 4
    assert page.model.index(page.table.currentIndex().row(), 1).data() == "นายคำปัน ใจดี"
    assert page.count_label.text() == "4 จาก 4 ครัวเรือน"


def test_an_empty_survey_says_what_to_do_first(qtbot: QtBot, district_register: Register) -> None:
    empty = HouseholdsPage(district_register)
    show(qtbot, empty)
    assert empty.count_label.text() == "0 จาก 0 ครัวเรือน"
    assert empty.empty_help.isVisible()
    assert "Ctrl+N" in empty.empty_help.text()
    add(district_register, "นางบัวคำ ใจมา", "501301", 3)
    empty.reload()
    assert not empty.empty_help.isVisible()


def test_a_province_office_picks_the_district_then_the_subdistrict(
    qtbot: QtBot, province_register: Register
) -> None:
    add(province_register, "นายแสง ดอยคำ", "500101", 2)  # เมืองเชียงใหม่
    san_kamphaeng = add(province_register, "นางบัวคำ ใจมา", "501302", 5)
    page = HouseholdsPage(province_register)
    show(qtbot, page)
    assert page.district_box is not None and page.subdistrict_box is not None
    page.district_box.setCurrentIndex(page.district_box.findData("5013"))
    assert listed(page) == [san_kamphaeng]
    assert [page.moo_box.itemData(i) for i in range(page.moo_box.count())] == [None, 5]

    dialog = HouseholdDialog(province_register, san_kamphaeng)
    shown(qtbot, dialog)
    assert dialog.place.district_combo is not None
    assert dialog.place.district_combo.currentData() == "5013"
    assert dialog.place.code() == "501302"
    dialog.place.district_combo.setCurrentIndex(dialog.place.district_combo.findData("5001"))
    assert dialog.place.code() == ""  # a new district: its subdistrict is still to choose
    dialog.place.subdistrict.setCurrentIndex(dialog.place.subdistrict.findData("500101"))
    save(qtbot)
    with province_register.read() as session:
        saved = session.get(Household, san_kamphaeng)
        assert saved is not None and saved.subdistrict_code == "500101"
