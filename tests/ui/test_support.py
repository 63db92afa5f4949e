"""The trainings and grants page and their forms, driven as a clerk drives them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from otop_desktop.database import Register
from otop_desktop.models import Grant, Training
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.support import GrantInput, TrainingInput, save_grant, save_training
from otop_desktop.thaiformat import fiscal_year_be, thai_today
from tests.conftest import person
from tests.ui.conftest import take_suggestion
from tests.ui.test_forms import Confirmations, confirmations, save, shown  # noqa: F401
from tests.ui.test_lists import listed, wait_for_list
from ui.support import SupportPage
from ui.support.entrepreneur_search import EntrepreneurSearch
from ui.support.grant_form import GrantDialog
from ui.support.training_form import TrainingDialog

TypeText = Callable[[QLineEdit, str], None]


@pytest.fixture
def people(district_register: Register) -> tuple[int, int]:
    with district_register.write() as s:
        weaver = create_entrepreneur(s, person(name="กลุ่มทอผ้าบ้านดอนหลวง")).id
        cook = create_entrepreneur(s, person(name="ร้านน้ำพริกป้าแก้ว", subdistrict_code="501302")).id
    return weaver, cook


@pytest.fixture
def records(district_register: Register, people: tuple[int, int]) -> tuple[int, int, int, int]:
    weaver, cook = people
    with district_register.write() as s:
        packaging = save_training(
            s, TrainingInput(date(2024, 9, 30), "ออกแบบบรรจุภัณฑ์", "พช.จังหวัด", "15000", [weaver])
        ).id
        online = save_training(
            s, TrainingInput(date(2024, 10, 1), "การขายออนไลน์", "DEPA", "0", [weaver, cook])
        ).id
        looms = save_grant(s, weaver, GrantInput(date(2024, 5, 1), "50000", "กี่ทอผ้า", "อบจ.")).id
        stove = save_grant(s, cook, GrantInput(date(2025, 1, 5), "8000", "เตาแก๊ส", "กองทุน")).id
    return packaging, online, looms, stove


@pytest.fixture
def page(qtbot: QtBot, district_register: Register, records: object) -> SupportPage:
    shown_page = SupportPage(district_register)
    qtbot.addWidget(shown_page)
    shown_page.resize(1100, 600)
    with qtbot.waitExposed(shown_page):
        shown_page.show()
    return shown_page


def count(register: Register, model: type[Training] | type[Grant]) -> int:
    with register.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def pick(qtbot: QtBot, search: EntrepreneurSearch, type_text: TypeText, text: str) -> None:
    """Types part of a name and takes the first match with the keyboard."""
    search.setFocus()
    type_text(search, text)
    take_suggestion(qtbot, search.suggestions.popup(), search)


# --- the lists ----------------------------------------------------------------------------


def test_both_models_pass_the_model_tester(qtmodeltester: ModelTester, page: SupportPage) -> None:
    for model in (page.trainings.model, page.grants.model):
        qtmodeltester.check(model, force_py=True)
        qtmodeltester.check(model)


def test_the_trainings_list_reads_in_thai_newest_first(
    page: SupportPage, records: tuple[int, int, int, int]
) -> None:
    packaging, online, _, _ = records
    assert page.tabs.tabText(0) == "การฝึกอบรม(&T)"
    trainings = page.trainings
    assert listed(trainings) == [online, packaging]
    assert trainings.count_label.text() == "2 จาก 2 ครั้ง"
    model = trainings.model
    assert [model.index(1, c).data() for c in range(model.columnCount())] == [
        # The number `print signin --training` takes.
        str(packaging),
        "30/09/2567",
        "ออกแบบบรรจุภัณฑ์",
        "พช.จังหวัด",
        "15,000.00",
        "1",
    ]
    # No area boxes: a training has no place; the years are fiscal years.
    assert trainings.subdistrict_box is not None and not trainings.subdistrict_box.isVisible()
    years = [trainings.year_box.itemText(i) for i in range(trainings.year_box.count())]
    newest = max(2568, fiscal_year_be(thai_today()))
    assert years[0] == "ทุกปีงบประมาณ" and years[1] == f"ปีงบประมาณ {newest}"
    trainings.year_box.setCurrentIndex(trainings.year_box.findData(2567))
    assert listed(trainings) == [packaging]


def test_thai_search_narrows_the_trainings(
    qtbot: QtBot, type_text: TypeText, page: SupportPage, records: tuple[int, int, int, int]
) -> None:
    type_text(page.trainings.search, "ออนไลน์")
    wait_for_list(qtbot, page.trainings, [records[1]])


def test_the_grants_list_filters_by_subdistrict_and_searches(
    qtbot: QtBot, type_text: TypeText, page: SupportPage, records: tuple[int, int, int, int]
) -> None:
    _, _, looms, stove = records
    page.tabs.setCurrentIndex(1)
    grants = page.grants
    assert listed(grants) == [stove, looms]
    assert grants.model.index(1, 3).data() == "50,000.00"
    assert grants.model.index(1, 2).data() == "กลุ่มทอผ้าบ้านดอนหลวง"
    assert grants.subdistrict_box is not None
    grants.subdistrict_box.setCurrentIndex(grants.subdistrict_box.findData("501302"))
    assert listed(grants) == [stove]
    grants.subdistrict_box.setCurrentIndex(0)
    type_text(grants.search, "ดอนหลวง")
    wait_for_list(qtbot, grants, [looms])
    grants.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.AscendingOrder)


def test_ctrl_n_on_a_tab_opens_its_form_and_the_list_shows_what_was_saved(
    qtbot: QtBot, type_text: TypeText, page: SupportPage
) -> None:
    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TrainingDialog)
        try:
            type_text(dialog.topic, "การถ่ายภาพสินค้า")
            dialog.save()
        finally:
            if dialog.isVisible():  # a failed step must not leave the test waiting forever
                dialog.mark_clean()
                dialog.reject()

    QTimer.singleShot(0, fill_and_save)
    page.trainings.table.setFocus()
    qtbot.keyClick(page.trainings.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.trainings.count_label.text() == "3 จาก 3 ครั้ง"
    current = page.trainings.table.currentIndex().row()
    assert page.trainings.model.index(current, 2).data() == "การถ่ายภาพสินค้า"


# --- the training form --------------------------------------------------------------------


def test_a_training_with_participants_picked_by_search_is_saved(
    qtbot: QtBot, district_register: Register, type_text: TypeText, people: tuple[int, int]
) -> None:
    weaver, cook = people
    dialog = TrainingDialog(district_register, None)
    shown(qtbot, dialog)
    assert dialog.windowTitle() == "เพิ่มการฝึกอบรม"
    type_text(dialog.held_on.line_edit, "15 ต.ค. 2568")
    type_text(dialog.topic, "การพัฒนาบรรจุภัณฑ์")
    type_text(dialog.organiser, "สำนักงานพัฒนาชุมชนจังหวัด")
    type_text(dialog.budget, "๑๕,๐๐๐.๕")
    dialog.budget.editingFinished.emit()
    assert dialog.budget.text() == "15,000.50"
    pick(qtbot, dialog.search, type_text, "น้ำพริก")
    pick(qtbot, dialog.search, type_text, "ดอนหลวง")
    pick(qtbot, dialog.search, type_text, "น้ำพริก")  # already listed: not twice
    assert dialog.participant_ids() == [cook, weaver]
    assert dialog.count_label.text() == "ผู้เข้าร่วม 2 ราย"
    assert dialog.search.text() == ""
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with district_register.read() as session:
        saved = session.get(Training, dialog.saved_id)
        assert saved is not None
        assert (saved.held_on, saved.topic, saved.budget) == (
            date(2025, 10, 15),
            "การพัฒนาบรรจุภัณฑ์",
            Decimal("15000.50"),
        )
        assert sorted(p.entrepreneur_id for p in saved.participants) == sorted([weaver, cook])


def test_a_search_that_finds_nobody_says_so(
    qtbot: QtBot, district_register: Register, type_text: TypeText, people: object
) -> None:
    dialog = TrainingDialog(district_register, None)
    shown(qtbot, dialog)
    dialog.search.setFocus()
    type_text(dialog.search, "ไม่มีใคร")
    qtbot.waitUntil(dialog.search.suggestions.popup().isVisible, timeout=2000)
    assert dialog.search.matches.rowCount() == 1
    item = dialog.search.matches.item(0)
    assert item.text() == "ไม่พบผู้ประกอบการที่ตรงกับ “ไม่มีใคร”"
    assert not item.isEnabled()


def test_a_training_is_refused_under_its_fields(
    qtbot: QtBot, district_register: Register, type_text: TypeText
) -> None:
    dialog = TrainingDialog(district_register, None)
    shown(qtbot, dialog)
    dialog.held_on.line_edit.selectAll()
    qtbot.keyClick(dialog.held_on.line_edit, Qt.Key.Key_Delete)
    type_text(dialog.budget, "ห้าพัน")
    save(qtbot)
    assert dialog.isVisible() and count(district_register, Training) == 0
    assert dialog.fields.message("held_on").text() == "กรุณากรอกวันที่อบรม"
    assert dialog.fields.message("topic").text() == "กรุณากรอกหัวข้อ"
    assert dialog.fields.message("budget").text() == "งบประมาณต้องเป็นตัวเลข"


def test_a_training_is_edited_and_a_participant_removed_with_the_delete_key(
    qtbot: QtBot, district_register: Register, records: tuple[int, int, int, int], people: tuple
) -> None:
    online = records[1]
    dialog = TrainingDialog(district_register, online)
    shown(qtbot, dialog)
    assert dialog.budget.text() == "0.00"
    assert len(dialog.participant_ids()) == 2 and not dialog.has_changes()
    dialog.participants.setFocus()
    dialog.participants.setCurrentRow(0)
    qtbot.keyClick(dialog.participants, Qt.Key.Key_Delete)
    assert dialog.participant_ids() == [people[1]] and dialog.has_changes()
    save(qtbot)
    with district_register.read() as session:
        saved = session.get(Training, online)
        assert saved is not None
        assert [p.entrepreneur_id for p in saved.participants] == [people[1]]


def test_a_training_is_deleted_after_asking(
    qtbot: QtBot,
    district_register: Register,
    records: tuple[int, int, int, int],
    confirmations: Confirmations,  # noqa: F811
) -> None:
    dialog = TrainingDialog(district_register, records[0])
    shown(qtbot, dialog)
    confirmations.answers.append(True)
    dialog.delete()
    assert confirmations.asked[0].startswith("ลบการฝึกอบรม “ออกแบบบรรจุภัณฑ์” หรือไม่")
    assert dialog.deleted and count(district_register, Training) == 1


# --- the grant form -----------------------------------------------------------------------


def test_a_grant_needs_its_entrepreneur_picked(
    qtbot: QtBot, district_register: Register, type_text: TypeText, people: tuple[int, int]
) -> None:
    dialog = GrantDialog(district_register, None)
    shown(qtbot, dialog)
    assert dialog.chosen.text() == "ยังไม่ได้เลือก ค้นหาในช่องด้านล่าง"
    type_text(dialog.amount, "๘,๕๐๐")
    type_text(dialog.purpose, "จัดซื้อกี่ทอผ้า")
    save(qtbot)
    assert dialog.isVisible() and count(district_register, Grant) == 0
    assert dialog.fields.message("entrepreneur").text() == "กรุณาเลือกผู้ประกอบการ"
    assert dialog.search.hasFocus()
    pick(qtbot, dialog.search, type_text, "ดอนหลวง")
    assert dialog.chosen.text().endswith("กลุ่มทอผ้าบ้านดอนหลวง")
    assert not dialog.fields.message("entrepreneur").isVisible()
    type_text(dialog.funder, "องค์การบริหารส่วนจังหวัด")
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with district_register.read() as session:
        saved = session.get(Grant, dialog.saved_id)
        assert saved is not None
        assert (saved.entrepreneur_id, saved.amount, saved.granted_on, saved.funder) == (
            people[0],
            Decimal("8500.00"),
            thai_today(),
            "องค์การบริหารส่วนจังหวัด",
        )


def test_a_grant_is_edited_moved_to_another_entrepreneur_and_deleted(
    qtbot: QtBot,
    district_register: Register,
    type_text: TypeText,
    records: tuple[int, int, int, int],
    people: tuple[int, int],
    confirmations: Confirmations,  # noqa: F811
) -> None:
    looms = records[2]
    dialog = GrantDialog(district_register, looms)
    shown(qtbot, dialog)
    assert dialog.amount.text() == "50,000.00" and not dialog.has_changes()
    pick(qtbot, dialog.search, type_text, "น้ำพริก")
    type_text(dialog.amount, "-5")
    save(qtbot)
    assert dialog.fields.message("amount").text() == "จำนวนเงินต้องไม่ติดลบ"
    type_text(dialog.amount, "45000")
    save(qtbot)
    with district_register.read() as session:
        saved = session.get(Grant, looms)
        assert saved is not None
        assert (saved.entrepreneur_id, saved.amount) == (people[1], Decimal("45000.00"))
    again = GrantDialog(district_register, looms)
    shown(qtbot, again)
    confirmations.answers.append(True)
    again.delete()
    assert confirmations.asked == ["ลบรายการเงินสนับสนุน 45,000.00 บาท ของ ร้านน้ำพริกป้าแก้ว หรือไม่"]
    assert count(district_register, Grant) == 1
