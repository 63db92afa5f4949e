"""The entrepreneur and product dialogs, driven as a clerk drives them: typed into, saved with
Ctrl+S, closed with Esc, each against a fresh register."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from otop_desktop.database import Register
from otop_desktop.domain import Category, OfficeKind, ProducerType, SoftPower, Status
from otop_desktop.models import Entrepreneur, Product
from otop_desktop.services.entrepreneurs import EntrepreneurInput, create_entrepreneur
from otop_desktop.services.office import init_register
from otop_desktop.services.products import (
    ProductInput,
    RatingInput,
    StandardInput,
    create_product,
    get_product,
)
from otop_desktop.services.support import GrantInput, TrainingInput, save_grant, save_training
from otop_desktop.thaiformat import thai_today
from otop_desktop.thaiid import make_thai_id
from tests.ui.conftest import take_suggestion
from ui.forms import record_dialog
from ui.forms.entrepreneur_form import EntrepreneurDialog
from ui.forms.product_form import ProductDialog
from ui.forms.record_dialog import RecordDialog
from ui.lists import EntrepreneursPage, ProductsPage
from ui.records import RecordActions
from ui.widgets.be_date import BEDateEdit
from ui.widgets.field_error import Level

TypeText = Callable[[QLineEdit, str], None]

VALID_ID = make_thai_id("310010012345")
WRONG_CHECK = VALID_ID[:12] + str((int(VALID_ID[12]) + 1) % 10)
SAI_MUN = "501302"  # ทรายมูล, a subdistrict of San Kamphaeng


class Confirmations:
    """Stands in for the confirm() question: records each question, answers from a list."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answers: list[bool] = []

    def __call__(self, _parent: QWidget | None, text: str, _go: str, _back: str) -> bool:
        self.asked.append(text)
        # An unexpected question is answered "no"; the test's check of ``asked`` shows it.
        return self.answers.pop(0) if self.answers else False


@pytest.fixture
def confirmations(monkeypatch: pytest.MonkeyPatch) -> Confirmations:
    answered = Confirmations()
    monkeypatch.setattr(record_dialog, "confirm", answered)
    return answered


def shown(qtbot: QtBot, dialog: RecordDialog) -> None:
    # Closed at the end of the test without the unsaved-changes question, which would wait
    # for an answer forever.
    qtbot.addWidget(dialog, before_close_func=lambda d: d.mark_clean())
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def count(register: Register, model: type[Entrepreneur] | type[Product]) -> int:
    with register.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A key press where the clerk's focus is, as a shortcut would arrive."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, modifier)


def save(qtbot: QtBot) -> None:
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def add_entrepreneur(register: Register, **changes: object) -> int:
    values: dict[str, object] = {
        "producer_type": ProducerType.SINGLE_OWNER,
        "name": "ร้านร่มบ่อสร้าง",
        "national_id": VALID_ID,
        "subdistrict_code": "501301",
        "contact_name": "นายสมชาย ใจดี",
        "house_no": "5",
        "registered_on": date(2024, 3, 2),
    }
    values.update(changes)
    with register.write() as session:
        return create_entrepreneur(session, EntrepreneurInput(**values)).id


@pytest.fixture
def new_entrepreneur(qtbot: QtBot, district_register: Register) -> Iterator[EntrepreneurDialog]:
    dialog = EntrepreneurDialog(district_register, None)
    shown(qtbot, dialog)
    yield dialog


def fill_group(qtbot: QtBot, dialog: EntrepreneurDialog, type_text: TypeText) -> None:
    """Fills the form for a weaving group as a clerk types it; the subdistrict is left."""
    choose(dialog.producer_type, int(ProducerType.GROUP))
    type_text(dialog.name, "กลุ่มทอผ้าบ้านทรายมูล")
    type_text(dialog.contact_name, "นางบัวคำ ใจงาม")
    # The mnemonic focuses the field with its text selected, ready to be typed over.
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert dialog.member_count.hasFocus()
    qtbot.keyClicks(dialog.member_count, "25")
    qtbot.keyClicks(dialog.national_id, VALID_ID)
    type_text(dialog.house_no, "12/3")
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(dialog.moo, "4")
    qtbot.keyClicks(dialog.phone, "081-234-5678")


def pick_subdistrict(qtbot: QtBot, dialog: EntrepreneurDialog, type_text: TypeText) -> None:
    """Types part of the name and takes the completer's first suggestion."""
    line_edit = dialog.subdistrict.lineEdit()
    assert line_edit is not None
    line_edit.setFocus()
    type_text(line_edit, "ทราย")
    take_suggestion(qtbot, dialog.subdistrict.completer().popup(), dialog)
    assert dialog.subdistrict.currentText() == "ทรายมูล"


# --- entrepreneurs ----------------------------------------------------------------------


def test_a_new_entrepreneur_is_typed_in_and_saved(
    qtbot: QtBot,
    district_register: Register,
    new_entrepreneur: EntrepreneurDialog,
    type_text: TypeText,
) -> None:
    dialog = new_entrepreneur
    assert dialog.windowTitle() == "ลงทะเบียนผู้ประกอบการใหม่"
    assert dialog.reg_no.text() == "ออกให้เมื่อบันทึก"
    assert dialog.registered_on.date() == thai_today()
    fill_group(qtbot, dialog, type_text)
    pick_subdistrict(qtbot, dialog, type_text)
    type_text(dialog.previous_reg_no, "สพช.13/2560")
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_id is not None
    with district_register.read() as session:
        saved = session.get(Entrepreneur, dialog.saved_id)
        assert saved is not None
        assert saved.reg_no.startswith("5013-")
        assert saved.producer_type == ProducerType.GROUP
        assert saved.name == "กลุ่มทอผ้าบ้านทรายมูล"
        assert saved.contact_name == "นางบัวคำ ใจงาม"
        assert saved.member_count == 25
        assert saved.national_id == VALID_ID
        assert (saved.house_no, saved.moo, saved.subdistrict_code) == ("12/3", 4, SAI_MUN)
        assert saved.phone == "0812345678"
        assert saved.status == Status.ACTIVE
        assert saved.registered_on == thai_today()
        assert saved.previous_reg_no == "สพช.13/2560"


def test_an_entrepreneur_is_edited(
    qtbot: QtBot, district_register: Register, type_text: TypeText
) -> None:
    entrepreneur_id = add_entrepreneur(district_register)
    dialog = EntrepreneurDialog(district_register, entrepreneur_id)
    shown(qtbot, dialog)
    assert dialog.windowTitle() == "ผู้ประกอบการ 5013-2567-0001"
    assert dialog.reg_no.text() == "5013-2567-0001"
    assert dialog.name.text() == "ร้านร่มบ่อสร้าง"
    assert dialog.national_id.text() == f"{VALID_ID[0]}-{VALID_ID[1:5]}-{VALID_ID[5:10]}-" + (
        f"{VALID_ID[10:12]}-{VALID_ID[12]}"
    )
    assert dialog.subdistrict.currentText() == "สันกำแพง"
    assert dialog.registered_on.text() == "02/03/2567"
    assert not dialog.member_count.isEnabled()
    assert not dialog.status_reason.isEnabled() and not dialog.status_date.isEnabled()
    assert not dialog.has_changes()

    type_text(dialog.name, "ร้านร่มกระดาษบ่อสร้าง")
    choose(dialog.status, Status.CLOSED.value)
    assert dialog.status_reason.isEnabled() and dialog.status_date.isEnabled()
    type_text(dialog.status_reason, "โควิด-19")
    type_text(dialog.status_date.line_edit, "1 มี.ค. 2568")
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_id == entrepreneur_id
    with district_register.read() as session:
        saved = session.get(Entrepreneur, entrepreneur_id)
        assert saved is not None
        assert saved.name == "ร้านร่มกระดาษบ่อสร้าง"
        assert saved.reg_no == "5013-2567-0001"
        assert (saved.status, saved.status_reason) == ("closed", "โควิด-19")
        assert saved.status_date == date(2025, 3, 1)


def test_delete_asks_in_a_message_box_naming_the_record_then_deletes(
    qtbot: QtBot, district_register: Register
) -> None:
    entrepreneur_id = add_entrepreneur(district_register)
    dialog = EntrepreneurDialog(district_register, entrepreneur_id)
    shown(qtbot, dialog)
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        [delete] = [b for b in box.buttons() if b.text() == "ลบ(&D)"]
        assert box.defaultButton() is not delete  # Enter out of habit keeps the record
        delete.click()

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    [question] = asked
    assert question.startswith("ลบ 5013-2567-0001 ร้านร่มบ่อสร้าง ออกจากทะเบียนหรือไม่")
    assert dialog.deleted and dialog.result() == QDialog.DialogCode.Accepted
    assert count(district_register, Entrepreneur) == 0


def test_delete_is_not_done_when_the_clerk_keeps_the_record(
    qtbot: QtBot, district_register: Register, confirmations: Confirmations
) -> None:
    dialog = EntrepreneurDialog(district_register, add_entrepreneur(district_register))
    shown(qtbot, dialog)
    confirmations.answers = [False]
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Delete…
    qtbot.waitUntil(lambda: len(confirmations.asked) == 1)
    assert dialog.isVisible() and not dialog.deleted
    assert count(district_register, Entrepreneur) == 1


def test_a_new_record_has_no_delete_button(new_entrepreneur: EntrepreneurDialog) -> None:
    assert new_entrepreneur.delete_button.isHidden()
    assert new_entrepreneur.history_button.isHidden()  # no number, no history yet


def history_shown(qtbot: QtBot, dialog: RecordDialog) -> tuple[str, int]:
    """Clicks History… and reads the history it opens over the form: whose it is and how
    many entries of the trail it lists."""
    from ui.audit.history import RecordHistoryDialog

    assert dialog.history_button.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.history_button, Qt.MouseButton.LeftButton)
    [history] = dialog.findChildren(RecordHistoryDialog)
    qtbot.waitUntil(history.isVisible)
    found = (history.record, history.model.rowCount())
    history.close()
    qtbot.waitUntil(lambda: not dialog.findChildren(RecordHistoryDialog))
    return found


def test_history_opens_the_trail_of_the_record_over_its_form(
    qtbot: QtBot, district_register: Register
) -> None:
    entrepreneur_id = add_entrepreneur(district_register)
    with district_register.write() as session:
        product = create_product(
            session, entrepreneur_id, ProductInput("ร่มกระดาษสา", Category.TEXTILE, price="350")
        )
        product_id, code = product.id, product.code
    dialog = EntrepreneurDialog(district_register, entrepreneur_id)
    shown(qtbot, dialog)
    assert dialog.history_button.text() == "ประวัติ…(&Y)"
    record, entries = history_shown(qtbot, dialog)
    assert record == "5013-2567-0001" and entries >= 1  # registered, at least
    assert dialog.isVisible()  # the form stays open as it was
    product_dialog = ProductDialog(district_register, entrepreneur_id, product_id)
    shown(qtbot, product_dialog)
    record, entries = history_shown(qtbot, product_dialog)
    assert record == code and entries >= 1


def test_a_wrong_check_digit_is_refused_next_to_the_id_and_nothing_is_saved(
    qtbot: QtBot,
    district_register: Register,
    new_entrepreneur: EntrepreneurDialog,
    type_text: TypeText,
) -> None:
    dialog = new_entrepreneur
    fill_group(qtbot, dialog, type_text)
    pick_subdistrict(qtbot, dialog, type_text)
    type_text(dialog.national_id, WRONG_CHECK)
    save(qtbot)
    assert dialog.isVisible() and dialog.saved_id is None
    message = dialog.fields.message("national_id")
    assert message.isVisible() and message.level is Level.ERROR
    # No digit suggested: the typo may be anywhere.
    assert message.text() == "เลขประจำตัวนี้ไม่ถูกต้อง กรุณาตรวจทีละหลักกับบัตร"
    assert dialog.national_id.hasFocus()
    assert count(district_register, Entrepreneur) == 0


def test_a_missing_subdistrict_is_refused_next_to_it(
    qtbot: QtBot,
    district_register: Register,
    new_entrepreneur: EntrepreneurDialog,
    type_text: TypeText,
) -> None:
    dialog = new_entrepreneur
    fill_group(qtbot, dialog, type_text)
    save(qtbot)
    assert dialog.isVisible()
    assert dialog.fields.message("subdistrict_code").text() == "กรุณาเลือกตำบล"
    assert dialog.subdistrict.hasFocus()
    assert count(district_register, Entrepreneur) == 0
    # A name that is no subdistrict of the district is no choice either.
    line_edit = dialog.subdistrict.lineEdit()
    assert line_edit is not None
    type_text(line_edit, "ไม่มีตำบลนี้")
    assert dialog.fields.message("subdistrict_code").isHidden()  # cleared by the edit
    save(qtbot)
    assert dialog.fields.message("subdistrict_code").text() == "กรุณาเลือกตำบล"


def test_every_field_at_fault_is_shown_at_once(
    qtbot: QtBot, district_register: Register, new_entrepreneur: EntrepreneurDialog
) -> None:
    dialog = new_entrepreneur
    save(qtbot)
    for field, text in [
        ("producer_type", "กรุณาเลือกประเภทผู้ผลิต"),
        ("name", "กรุณากรอกชื่อผู้ประกอบการ/กลุ่ม"),
        ("national_id", "กรุณากรอกเลขประจำตัว"),
        ("house_no", "กรุณากรอกบ้านเลขที่"),
        ("subdistrict_code", "กรุณาเลือกตำบล"),
    ]:
        assert dialog.fields.message(field).text() == text
    assert dialog.producer_type.hasFocus()  # the first field of the form at fault
    assert count(district_register, Entrepreneur) == 0


def test_the_id_is_checked_while_it_is_typed(
    qtbot: QtBot, new_entrepreneur: EntrepreneurDialog
) -> None:
    dialog = new_entrepreneur
    message = dialog.fields.message("national_id")
    assert message.isHidden()
    dialog.national_id.setFocus()
    qtbot.keyClicks(dialog.national_id, VALID_ID[:5])
    assert (message.text(), message.level) == ("พิมพ์แล้ว 5 จาก 13 หลัก", Level.HINT)
    qtbot.keyClicks(dialog.national_id, WRONG_CHECK[5:])
    assert message.level is Level.ERROR
    assert message.text() == "เลขประจำตัวนี้ไม่ถูกต้อง กรุณาตรวจทีละหลักกับบัตร"
    # Two lines in the ID's column: both shown while the clerk types, none cut off.
    assert message.heightForWidth(message.width()) > message.fontMetrics().lineSpacing() * 1.5
    qtbot.waitUntil(
        lambda: (
            message.visibleRegion().boundingRect().height()
            >= message.heightForWidth(message.width())
        )
    )
    qtbot.keyClick(dialog.national_id, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.national_id, VALID_ID[12])
    assert (message.text(), message.level) == ("✓ เลขประจำตัวถูกต้อง", Level.OK)
    qtbot.keyClicks(dialog.national_id, "x")
    assert message.text() == "เลขประจำตัวต้องเป็นตัวเลขเท่านั้น (พบ “x”)"
    qtbot.keyClick(dialog.national_id, Qt.Key.Key_Backspace)
    # Leaving the field shows the ID in its usual groups.
    qtbot.keyClick(dialog.national_id, Qt.Key.Key_Tab)
    assert dialog.national_id.text().count("-") == 4


def test_an_id_already_registered_is_warned_about_but_saved(
    qtbot: QtBot,
    district_register: Register,
    new_entrepreneur: EntrepreneurDialog,
    type_text: TypeText,
) -> None:
    add_entrepreneur(district_register)
    dialog = new_entrepreneur
    fill_group(qtbot, dialog, type_text)
    message = dialog.fields.message("national_id")
    assert message.level is Level.WARNING
    assert message.text().startswith("⚠ เลขประจำตัวนี้มีในทะเบียนแล้ว: 5013-2567-0001 ร้านร่มบ่อสร้าง")
    pick_subdistrict(qtbot, dialog, type_text)
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert count(district_register, Entrepreneur) == 2


def test_a_record_is_no_duplicate_of_itself(qtbot: QtBot, district_register: Register) -> None:
    dialog = EntrepreneurDialog(district_register, add_entrepreneur(district_register))
    shown(qtbot, dialog)
    message = dialog.fields.message("national_id")
    assert (message.text(), message.level) == ("✓ เลขประจำตัวถูกต้อง", Level.OK)


def test_unsaved_changes_are_not_dropped_without_asking(
    qtbot: QtBot,
    new_entrepreneur: EntrepreneurDialog,
    confirmations: Confirmations,
    type_text: TypeText,
) -> None:
    dialog = new_entrepreneur
    type_text(dialog.name, "กลุ่มจักสาน")
    confirmations.answers = [False]
    press(qtbot, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert confirmations.asked == ["ข้อมูลที่แก้ไขยังไม่ได้บันทึก ต้องการทิ้งการแก้ไขหรือไม่"]
    assert dialog.isVisible() and dialog.name.text() == "กลุ่มจักสาน"
    confirmations.answers = [False]
    dialog.close()  # the window's close button
    assert dialog.isVisible()
    confirmations.answers = [True]
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert len(confirmations.asked) == 3


def test_a_form_without_changes_closes_without_asking(
    qtbot: QtBot,
    new_entrepreneur: EntrepreneurDialog,
    confirmations: Confirmations,
    type_text: TypeText,
) -> None:
    dialog = new_entrepreneur
    dialog.name.setFocus()
    type_text(dialog.name, "กลุ่มจักสาน")
    # Typed and taken back: nothing to lose.
    qtbot.keyClick(dialog.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Backspace)
    assert dialog.name.text() == ""
    press(qtbot, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert confirmations.asked == []
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_enter_moves_to_the_next_field_and_never_saves(
    qtbot: QtBot,
    district_register: Register,
    new_entrepreneur: EntrepreneurDialog,
    type_text: TypeText,
) -> None:
    dialog = new_entrepreneur
    dialog.name.setFocus()
    type_text(dialog.name, "กลุ่มจักสาน")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.contact_name.hasFocus()
    assert dialog.isVisible() and count(district_register, Entrepreneur) == 0


def test_the_fields_follow_the_producer_type_and_the_status(
    new_entrepreneur: EntrepreneurDialog,
) -> None:
    dialog = new_entrepreneur
    assert not dialog.member_count.isEnabled()
    choose(dialog.producer_type, int(ProducerType.GROUP))
    assert dialog.member_count.isEnabled()
    choose(dialog.producer_type, int(ProducerType.SME))
    assert not dialog.member_count.isEnabled()
    choose(dialog.status, Status.SUSPENDED.value)
    assert dialog.status_reason.isEnabled() and dialog.status_date.isEnabled()
    # The suspension needs its reason and date; the service asks for both.
    assert dialog.entered().status == "suspended"


def test_the_office_district_is_shown_and_its_subdistricts_offered(
    new_entrepreneur: EntrepreneurDialog,
) -> None:
    dialog = new_entrepreneur
    assert dialog.district_combo is None and dialog.province_combo is None
    codes = [dialog.subdistrict.itemData(i) for i in range(dialog.subdistrict.count())]
    assert codes and all(code.startswith("5013") for code in codes)
    assert dialog.subdistrict.currentText() == ""


def test_a_province_register_chooses_the_district_first(
    qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    with init_register(tmp_path / "p.sqlite3", OfficeKind.PROVINCE, "50") as register:
        dialog = EntrepreneurDialog(register, None)
        shown(qtbot, dialog)
        assert dialog.province_combo is None and dialog.district_combo is not None
        assert dialog.district_combo.count() == 25
        choose(dialog.district_combo, "5013")
        codes = [dialog.subdistrict.itemData(i) for i in range(dialog.subdistrict.count())]
        assert SAI_MUN in codes and all(code.startswith("5013") for code in codes)
        line_edit = dialog.subdistrict.lineEdit()
        assert line_edit is not None
        type_text(line_edit, "ทรายมูล")
        assert dialog.entered().subdistrict_code == SAI_MUN
        dialog.done(QDialog.DialogCode.Rejected)


# --- products ---------------------------------------------------------------------------


@pytest.fixture
def producer(district_register: Register) -> int:
    return add_entrepreneur(district_register, name="กลุ่มทอผ้าฝ้าย")


def typed_over(qtbot: QtBot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_a_product_with_a_standard_and_two_ratings_is_typed_in_and_saved(
    qtbot: QtBot, district_register: Register, producer: int, type_text: TypeText
) -> None:
    dialog = ProductDialog(district_register, producer, None)
    shown(qtbot, dialog)
    assert dialog.windowTitle() == "เพิ่มผลิตภัณฑ์ใหม่"
    assert dialog.code.text() == "ออกให้เมื่อบันทึก"
    type_text(dialog.name, "ผ้าซิ่นตีนจก")
    choose(dialog.category, int(Category.TEXTILE))
    qtbot.keyClicks(dialog.price, "1,250.50")
    unit = dialog.unit.lineEdit()
    assert unit is not None
    type_text(unit, "ผืน")
    choose(dialog.soft_power, SoftPower.FASHION.value)

    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Add standard
    # A mnemonic clicks its button the way Qt animates it: a moment later.
    qtbot.waitUntil(lambda: len(dialog.standards.rows()) == 1)
    [[standard, cert_no, expires_on]] = dialog.standards.rows()
    assert standard.hasFocus()
    assert isinstance(standard, QComboBox) and isinstance(cert_no, QLineEdit)
    assert isinstance(expires_on, BEDateEdit)
    choose(standard, "มผช.")
    type_text(cert_no, "มผช. 23/2558")
    type_text(expires_on.line_edit, "15 ต.ค. 2570")

    for year, stars in (("2562", "4"), ("2565", "5")):
        qtbot.mouseClick(dialog.ratings.add_button, Qt.MouseButton.LeftButton)
        year_spin, stars_spin = dialog.ratings.rows()[-1]
        assert isinstance(year_spin, QSpinBox) and isinstance(stars_spin, QSpinBox)
        assert year_spin.hasFocus()
        typed_over(qtbot, year_spin, year)
        typed_over(qtbot, stars_spin, stars)
    save(qtbot)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_id is not None
    with district_register.read() as session:
        product = get_product(session, dialog.saved_id)
        assert product.code == "5013-2567-0001-P01"
        assert (product.name, product.category, product.price) == (
            "ผ้าซิ่นตีนจก",
            Category.TEXTILE,
            Decimal("1250.50"),
        )
        assert (product.unit, product.soft_power) == ("ผืน", "Fashion")
        assert [(s.standard, s.cert_no, s.expires_on) for s in product.standards] == [
            ("มผช.", "มผช. 23/2558", date(2027, 10, 15))
        ]
        assert [(r.year_be, r.stars) for r in product.ratings] == [(2562, 4), (2565, 5)]
        assert product.current_stars == 5


def add_product(register: Register, entrepreneur_id: int) -> int:
    with register.write() as session:
        return create_product(
            session,
            entrepreneur_id,
            ProductInput(
                name="ผ้าซิ่นตีนจก",
                category=Category.TEXTILE,
                price="1250.50",
                unit="ผืน",
                standards=[StandardInput("มผช.", "มผช. 23/2558", date(2027, 10, 15))],
                ratings=[RatingInput(2562, 4), RatingInput(2565, 5)],
            ),
        ).id


def test_a_product_is_edited(
    qtbot: QtBot, district_register: Register, producer: int, type_text: TypeText
) -> None:
    product_id = add_product(district_register, producer)
    dialog = ProductDialog(district_register, producer, product_id)
    shown(qtbot, dialog)
    assert dialog.windowTitle() == "ผลิตภัณฑ์ 5013-2567-0001-P01"
    assert dialog.code.text() == "5013-2567-0001-P01"
    assert dialog.price.text() == "1,250.50"
    assert dialog.unit.currentText() == "ผืน"
    assert len(dialog.standards.rows()) == 1 and len(dialog.ratings.rows()) == 2
    assert not dialog.has_changes()

    type_text(dialog.price, "๒,๐๐๐")  # Thai digits
    dialog.ratings.remove_row(0)
    dialog.standards.remove_row(0)
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with district_register.read() as session:
        product = get_product(session, product_id)
        assert product.price == Decimal("2000.00")
        assert [(r.year_be, r.stars) for r in product.ratings] == [(2565, 5)]
        assert product.standards == []


def test_a_product_is_deleted_after_confirmation(
    qtbot: QtBot, district_register: Register, producer: int, confirmations: Confirmations
) -> None:
    dialog = ProductDialog(district_register, producer, add_product(district_register, producer))
    shown(qtbot, dialog)
    confirmations.answers = [True]
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    [question] = confirmations.asked
    assert question.startswith("ลบผลิตภัณฑ์ 5013-2567-0001-P01 ผ้าซิ่นตีนจก หรือไม่")
    assert dialog.deleted
    assert count(district_register, Product) == 0


def test_a_negative_price_is_refused_next_to_it(
    qtbot: QtBot, district_register: Register, producer: int, type_text: TypeText
) -> None:
    dialog = ProductDialog(district_register, producer, None)
    shown(qtbot, dialog)
    type_text(dialog.name, "ผ้าซิ่น")
    choose(dialog.category, int(Category.TEXTILE))
    qtbot.keyClicks(dialog.price, "-5")
    save(qtbot)
    assert dialog.isVisible()
    assert dialog.fields.message("price").text() == "ราคาต้องไม่ติดลบ"
    assert dialog.price.hasFocus()
    assert count(district_register, Product) == 0


def test_a_wrong_expiry_date_is_refused_under_the_standards(
    qtbot: QtBot, district_register: Register, producer: int, type_text: TypeText
) -> None:
    dialog = ProductDialog(district_register, producer, None)
    shown(qtbot, dialog)
    type_text(dialog.name, "ผ้าซิ่น")
    choose(dialog.category, int(Category.TEXTILE))
    _, _, expires_on = dialog.standards.add_row()
    assert isinstance(expires_on, BEDateEdit)
    expires_on.setFocus()
    type_text(expires_on.line_edit, "31/02/2570")
    qtbot.keyClick(expires_on.line_edit, Qt.Key.Key_Tab)
    assert expires_on.line_edit.toolTip().startswith("ไม่มีวันที่ 31")  # in the cell at once
    save(qtbot)
    assert dialog.fields.message("standards").text().startswith("ไม่มีวันที่ 31")
    assert count(district_register, Product) == 0


def test_a_new_rating_row_offers_a_year_not_yet_listed(
    qtbot: QtBot, district_register: Register, producer: int
) -> None:
    dialog = ProductDialog(district_register, producer, None)
    shown(qtbot, dialog)
    first, _ = dialog.ratings.add_row()
    second, _ = dialog.ratings.add_row()
    assert isinstance(first, QSpinBox) and isinstance(second, QSpinBox)
    assert second.value() == first.value() - 1
    third, _, _ = dialog.standards.add_row()
    fourth, _, _ = dialog.standards.add_row()
    assert isinstance(third, QComboBox) and isinstance(fourth, QComboBox)
    assert third.currentData() != fourth.currentData()


# --- a new product's producer -------------------------------------------------------------


def fill_product(qtbot: QtBot, dialog: ProductDialog, type_text: TypeText) -> None:
    type_text(dialog.name, "ผ้าซิ่นตีนจก")
    choose(dialog.category, int(Category.TEXTILE))
    qtbot.keyClicks(dialog.price, "450")


def test_a_new_product_shows_its_producer_and_goes_to_the_one_the_clerk_picks(
    qtbot: QtBot, district_register: Register, producer: int, type_text: TypeText
) -> None:
    other = add_entrepreneur(
        district_register, name="วิสาหกิจชุมชนน้ำพริกดอนหลวง", national_id=make_thai_id("310010012346")
    )
    dialog = ProductDialog(district_register, producer, None)
    shown(qtbot, dialog)
    # The producer the clerk came from, in sight, ready to be changed.
    assert dialog.producer.text() == "5013-2567-0001  กลุ่มทอผ้าฝ้าย"
    assert not dialog.producer.isReadOnly()
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert dialog.producer.hasFocus()
    type_text(dialog.producer, "ดอนหลวง")
    take_suggestion(qtbot, dialog.producer.suggestions.popup(), dialog)
    assert dialog.producer.text() == "5013-2567-0002  วิสาหกิจชุมชนน้ำพริกดอนหลวง"
    assert dialog.name.hasFocus()
    fill_product(qtbot, dialog, type_text)
    save(qtbot)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_id is not None
    with district_register.read() as session:
        product = get_product(session, dialog.saved_id)
        assert product.entrepreneur_id == other
        assert product.code == "5013-2567-0002-P01"


def test_a_new_product_without_a_producer_is_refused_next_to_the_producer(
    qtbot: QtBot, district_register: Register, producer: int, type_text: TypeText
) -> None:
    dialog = ProductDialog(district_register, None, None)
    shown(qtbot, dialog)
    assert dialog.producer.text() == ""
    assert dialog.producer.hasFocus()
    fill_product(qtbot, dialog, type_text)
    save(qtbot)
    assert dialog.isVisible()
    assert dialog.fields.message("entrepreneur").text().startswith("เลือกผู้ผลิตจากรายชื่อที่ค้นพบ")
    assert dialog.producer.hasFocus()
    assert count(district_register, Product) == 0


def test_a_producer_typed_over_but_not_picked_is_no_producer(
    qtbot: QtBot, district_register: Register, producer: int, type_text: TypeText
) -> None:
    dialog = ProductDialog(district_register, producer, None)
    shown(qtbot, dialog)
    dialog.producer.setFocus()
    type_text(dialog.producer, "ใครสักคน")
    fill_product(qtbot, dialog, type_text)
    save(qtbot)
    assert dialog.isVisible()
    assert dialog.fields.message("entrepreneur").isVisible()
    assert count(district_register, Product) == 0


def test_a_registered_product_shows_its_producer_unchangeable(
    qtbot: QtBot, district_register: Register, producer: int
) -> None:
    dialog = ProductDialog(district_register, None, add_product(district_register, producer))
    shown(qtbot, dialog)
    assert dialog.producer.text() == "5013-2567-0001  กลุ่มทอผ้าฝ้าย"
    assert dialog.producer.isReadOnly()
    assert not dialog.has_changes()


# --- the producer's products, trainings and grants in its form ------------------------------


def test_the_entrepreneurs_form_shows_its_products_trainings_and_grants_and_adds_a_product(
    qtbot: QtBot, district_register: Register, producer: int, type_text: TypeText
) -> None:
    add_product(district_register, producer)
    other = add_entrepreneur(district_register, national_id=make_thai_id("310010012346"))
    with district_register.write() as session:
        save_training(
            session,
            TrainingInput(date(2025, 1, 15), "การออกแบบบรรจุภัณฑ์", "พช.อำเภอ", "0", [producer]),
        )
        save_training(session, TrainingInput(date(2025, 2, 1), "การตลาดออนไลน์", "", "0", [other]))
        save_grant(session, producer, GrantInput(date(2025, 3, 1), "12500", "กี่ทอผ้า", "กองทุน"))
        save_grant(session, other, GrantInput(date(2025, 3, 2), "900", "ป้าย"))
    dialog = EntrepreneurDialog(district_register, producer)
    shown(qtbot, dialog)
    activity = dialog.activity
    assert activity is not None
    assert [activity.tabText(i) for i in range(3)] == [
        "ผลิตภัณฑ์และดาว (1)",
        "การฝึกอบรม (1)",
        "เงินสนับสนุน (1)",
    ]
    cells = [activity.products.item(0, c).text() for c in range(4)]
    assert cells == ["5013-2567-0001-P01", "ผ้าซิ่นตีนจก", "★★★★★", "2562: ★★★★, 2565: ★★★★★"]
    assert activity.trainings.item(0, 1).text() == "การออกแบบบรรจุภัณฑ์"
    assert activity.trainings.item(0, 0).text() == "15/01/2568"
    assert [activity.grants.item(0, c).text() for c in range(2)] == ["01/03/2568", "12,500.00"]

    def add_one() -> None:
        product = QApplication.activeModalWidget()
        assert isinstance(product, ProductDialog)
        try:
            # The producer is the entrepreneur whose form it came from.
            assert product.producer.text() == "5013-2567-0001  กลุ่มทอผ้าฝ้าย"
            fill_product(qtbot, product, type_text)
            product.save()
        finally:
            if product.isVisible():
                product.mark_clean()
                product.reject()

    QTimer.singleShot(0, add_one)
    qtbot.mouseClick(activity.add_product_button, Qt.MouseButton.LeftButton)
    assert activity.products.rowCount() == 2
    assert activity.products.item(1, 0).text() == "5013-2567-0001-P02"
    assert activity.tabText(0) == "ผลิตภัณฑ์และดาว (2)"
    # The producer's own record is untouched: its form saves without a conflict.
    assert not dialog.has_changes()


def test_a_new_entrepreneur_has_no_products_to_show(new_entrepreneur: EntrepreneurDialog) -> None:
    assert new_entrepreneur.activity is None


def test_ctrl_n_on_the_product_list_opens_the_form_with_the_selected_rows_producer_to_change(
    qtbot: QtBot, district_register: Register, producer: int, type_text: TypeText
) -> None:
    add_product(district_register, producer)
    other = add_entrepreneur(
        district_register, name="วิสาหกิจชุมชนน้ำพริกดอนหลวง", national_id=make_thai_id("310010012346")
    )
    window = QWidget()
    qtbot.addWidget(window)
    products = ProductsPage(district_register, window)
    actions = RecordActions(
        district_register, EntrepreneursPage(district_register), products, window
    )
    window.resize(1100, 600)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: products.model.rowCount() == 1)
    products.table.selectRow(0)
    seen: list[str] = []

    def change_producer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ProductDialog)
        try:
            seen.append(dialog.producer.text())
            dialog.producer.setFocus()
            type_text(dialog.producer, "ดอนหลวง")
            take_suggestion(qtbot, dialog.producer.suggestions.popup(), dialog)
            fill_product(qtbot, dialog, type_text)
            dialog.save()
        finally:
            if dialog.isVisible():
                dialog.mark_clean()
                dialog.reject()

    QTimer.singleShot(0, change_producer)
    actions.new_product()
    assert seen == ["5013-2567-0001  กลุ่มทอผ้าฝ้าย"]
    with district_register.read() as session:
        owners = session.scalars(select(Product.entrepreneur_id).order_by(Product.id)).all()
    assert owners == [producer, other]
    # The list says what was saved, with the new code, and shows it selected.
    assert "5013-2567-0002-P01" in products.notice.text.text()
    with district_register.read() as session:
        new_id = session.scalars(select(Product.id).where(Product.entrepreneur_id == other)).one()
    assert products.current_id() == new_id


def test_ctrl_n_with_nothing_selected_opens_the_form_to_pick_the_producer(
    qtbot: QtBot, district_register: Register
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    products = ProductsPage(district_register, window)
    actions = RecordActions(
        district_register, EntrepreneursPage(district_register), products, window
    )
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ProductDialog)
        seen.append(dialog.producer.text())
        dialog.reject()

    QTimer.singleShot(0, look)
    actions.new_product()
    assert seen == [""]


# --- digital readiness --------------------------------------------------------------------


def show_readiness_tab(qtbot: QtBot, dialog: EntrepreneurDialog) -> None:
    """Ctrl+Tab, as a clerk reaches the second tab from the keyboard."""
    dialog.name.setFocus()
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert dialog.tabs.currentIndex() == 1


def test_the_readiness_tab_saves_the_checklist_and_reads_it_back(
    qtbot: QtBot, district_register: Register
) -> None:
    entrepreneur_id = add_entrepreneur(district_register)
    dialog = EntrepreneurDialog(district_register, entrepreneur_id)
    shown(qtbot, dialog)
    show_readiness_tab(qtbot, dialog)
    assert dialog.readiness_level.text() == "ยังไม่ได้ประเมิน"
    for key in ("bank_account", "promptpay", "online_sales"):
        qtbot.keyClick(dialog.readiness_checks[key], Qt.Key.Key_Space)
    # Ticking dates the assessment today, unless the clerk gives another date.
    assert dialog.assessed_on.date() == thai_today()
    assert dialog.readiness_level.text() == "ระดับ 2 จาก 5"
    assert dialog.readiness_lacking.text() == (
        "รับชำระผ่าน QR, ทำบัญชีแบบดิจิทัล, ลงทะเบียนโครงการเงินดิจิทัลของรัฐ"
    )
    dialog.assessed_on.line_edit.setText("15/11/2568")
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted

    with district_register.read() as session:
        saved = session.get(Entrepreneur, entrepreneur_id)
        assert saved is not None and saved.readiness is not None
        assert (saved.readiness.bank_account, saved.readiness.promptpay) == (True, True)
        assert (saved.readiness.qr_payment, saved.readiness.online_sales) == (False, True)
        assert saved.readiness.assessed_on == date(2025, 11, 15)
        assert saved.readiness.level == 2

    again = EntrepreneurDialog(district_register, entrepreneur_id)
    shown(qtbot, again)
    assert [again.readiness_checks[k].isChecked() for k in ("bank_account", "qr_payment")] == [
        True,
        False,
    ]
    assert again.assessed_on.text() == "15/11/2568"
    assert again.readiness_level.text() == "ระดับ 2 จาก 5"
    assert not again.has_changes()
    # Taking away the bank account takes the level to 0: nothing digital works without it.
    again.readiness_checks["bank_account"].click()
    assert again.readiness_level.text() == "ระดับ 0 จาก 5"
    assert again.has_changes()


def test_saving_the_record_alone_leaves_a_producer_unassessed(
    qtbot: QtBot, district_register: Register, type_text: TypeText
) -> None:
    entrepreneur_id = add_entrepreneur(district_register)
    dialog = EntrepreneurDialog(district_register, entrepreneur_id)
    shown(qtbot, dialog)
    type_text(dialog.name, "ร้านร่มกระดาษบ่อสร้าง")
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with district_register.read() as session:
        saved = session.get(Entrepreneur, entrepreneur_id)
        assert saved is not None and saved.readiness is None


def test_a_refused_assessment_date_shows_the_readiness_tab(
    qtbot: QtBot, district_register: Register
) -> None:
    dialog = EntrepreneurDialog(district_register, add_entrepreneur(district_register))
    shown(qtbot, dialog)
    show_readiness_tab(qtbot, dialog)
    dialog.readiness_checks["bank_account"].click()
    dialog.assessed_on.line_edit.setText("1/1/2540")  # before OTOP began
    dialog.tabs.setCurrentIndex(0)
    dialog.name.setFocus()
    save(qtbot)
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 1
    message = dialog.fields.message("assessed_on")
    assert message.level is Level.ERROR and message.isVisible()
    assert dialog.assessed_on.isAncestorOf(QApplication.focusWidget())


def test_the_list_finds_who_has_no_promptpay_yet(qtbot: QtBot, district_register: Register) -> None:
    never_assessed = add_entrepreneur(district_register, name="ร้านยังไม่ประเมิน")
    without = add_entrepreneur(
        district_register, name="ร้านไม่มีพร้อมเพย์", national_id=make_thai_id("310010012346")
    )
    with_promptpay = add_entrepreneur(
        district_register, name="ร้านมีพร้อมเพย์", national_id=make_thai_id("310010012347")
    )
    for entrepreneur_id, promptpay in ((without, False), (with_promptpay, True)):
        dialog = EntrepreneurDialog(district_register, entrepreneur_id)
        shown(qtbot, dialog)
        dialog.readiness_checks["bank_account"].click()
        if promptpay:
            dialog.readiness_checks["promptpay"].click()
        save(qtbot)
        assert dialog.result() == QDialog.DialogCode.Accepted

    page = EntrepreneursPage(district_register)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    choose(page.readiness_box, "lacking:promptpay")
    assert page.readiness_box.currentText() == "ยังขาด: ผูกพร้อมเพย์"
    model = page.model
    qtbot.waitUntil(lambda: model.complete)
    shown_ids = {model.id_at(row) for row in range(model.rowCount())}
    assert shown_ids == {never_assessed, without}
