"""No silent overwrites in the forms, and personal data in the lists and the entrepreneur form.

Two units of work in one process: a form is opened, another clerk (a second Register on the
same file, as on another PC) changes the same record through the services, then the form
saves. The form is told who, when and what, and reloads or saves only its clerk's own
changes on top. With accounts: phones are masked in the list for everyone, in full in a
clerk's form, masked and read-only in a viewer's, and a head reveals one (recorded)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from otop_desktop.accounts.service import add_account
from otop_desktop.database import Register
from otop_desktop.domain import Industry, SkillLevel
from otop_desktop.models import AuditEntry, Entrepreneur, Grant, Household, Product
from otop_desktop.services.entrepreneurs import (
    EntrepreneurInput,
    create_entrepreneur,
    get_entrepreneur,
    update_entrepreneur,
)
from otop_desktop.services.households import (
    HouseholdInput,
    SkillInput,
    create_household,
    update_household,
)
from otop_desktop.services.products import ProductInput, create_product, update_product
from otop_desktop.services.support import GrantInput, TrainingInput, save_grant, save_training
from otop_desktop.thaiid import format_thai_id
from tests.conftest import db_of, person
from tests.ui.test_forms import Confirmations, confirmations, save, shown  # noqa: F401
from tests.ui.test_lists import show
from ui.forms.entrepreneur_form import EntrepreneurDialog
from ui.forms.product_form import ProductDialog
from ui.forms.record_dialog import RecordDialog
from ui.households.household_form import HouseholdDialog
from ui.lists.entrepreneurs import EntrepreneursPage
from ui.support.grant_form import GrantDialog
from ui.support.training_form import TrainingDialog
from ui.widgets.conflict import ConflictDialog, changed_fields, on_top

TypeText = Callable[[QLineEdit, str], None]

OTHER = "สมศรี"  # the other clerk, on another PC
THEIR_NAME = "ร้านผ้าฝ้ายสมศรีแก้ไข"
THEIR_PHONE = "0899999999"
MY_PHONE = "0811112222"
PASSWORD = "รหัสผ่านยาวพอ1"


@pytest.fixture
def other_pc(district_register: Register) -> Iterator[Register]:
    """The same register opened a second time, acting as another clerk."""
    with Register.open(db_of(district_register)) as other:
        other.act_as_named(OTHER)
        yield other


@pytest.fixture
def producer(district_register: Register) -> int:
    with district_register.write() as session:
        return create_entrepreneur(session, person()).id


def as_input(record: Entrepreneur) -> EntrepreneurInput:
    return EntrepreneurInput(
        producer_type=record.producer_type,
        name=record.name,
        national_id=record.national_id,
        subdistrict_code=record.subdistrict_code,
        contact_name=record.contact_name,
        house_no=record.house_no,
        moo=record.moo,
        phone=record.phone,
        registered_on=record.registered_on,
    )


def they_change_name_and_phone(other: Register, entrepreneur_id: int) -> None:
    with other.write() as session:
        record = get_entrepreneur(session, entrepreneur_id)
        data = replace(as_input(record), name=THEIR_NAME, phone=THEIR_PHONE)
        update_entrepreneur(session, entrepreneur_id, data, expected_version=record.version)


def stored(register: Register, model: type[Any], record_id: int) -> Any:
    with register.read() as session:
        found = session.get(model, record_id)
        assert found is not None
        return found


class Answer:
    """Answers the conflict dialog when it comes up: records what it says, runs ``meanwhile``
    (what happens while the clerk reads it), and clicks one of its buttons
    (``reload_button``, ``on_top_button`` or ``cancel_button``)."""

    def __init__(self, button: str, meanwhile: Callable[[], None] | None = None) -> None:
        self.button = button
        self.meanwhile = meanwhile
        self.texts: list[str] = []
        QTimer.singleShot(0, self._try)

    def _try(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, ConflictDialog):
            QTimer.singleShot(10, self._try)
            return
        self.texts.append(box.text.text() + "\n" + box.mine.text())
        if self.meanwhile is not None:
            self.meanwhile()
        getattr(box, self.button).click()


def back_to(qtbot: QtBot, dialog: QDialog) -> None:
    """The keyboard back in the form once a message over it has closed: a desktop's window
    manager gives it back; the offscreen platform sometimes does not."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def type_phone(qtbot: QtBot, dialog: EntrepreneurDialog, phone: str) -> None:
    dialog.phone.setFocus()
    dialog.phone.selectAll()
    qtbot.keyClicks(dialog.phone, phone)


# --- the entrepreneur form ------------------------------------------------------------------


def test_the_conflict_names_the_other_change_and_mine_goes_on_top(
    qtbot: QtBot, district_register: Register, other_pc: Register, producer: int
) -> None:
    dialog = EntrepreneurDialog(district_register, producer)
    shown(qtbot, dialog)
    assert dialog.version == 1
    they_change_name_and_phone(other_pc, producer)
    type_phone(qtbot, dialog, MY_PHONE)

    answer = Answer("on_top_button")
    save(qtbot)

    [said] = answer.texts
    assert "ยังไม่ได้บันทึก" in said  # nothing was saved
    assert OTHER in said
    assert "ชื่อผู้ประกอบการ/กลุ่ม" in said and "โทรศัพท์" in said  # what they changed
    assert "คุณแก้ไข: โทรศัพท์" in said  # what I changed
    assert "ทั้งสองฝ่ายแก้ไข: โทรศัพท์" in said  # both: mine replaces theirs
    assert dialog.result() == QDialog.DialogCode.Accepted
    record = stored(district_register, Entrepreneur, producer)
    assert (record.name, record.phone) == (THEIR_NAME, MY_PHONE)
    assert record.version == 3


def test_reload_asks_then_shows_the_record_as_it_is_now(
    qtbot: QtBot,
    district_register: Register,
    other_pc: Register,
    producer: int,
    confirmations: Confirmations,  # noqa: F811
) -> None:
    dialog = EntrepreneurDialog(district_register, producer)
    shown(qtbot, dialog)
    they_change_name_and_phone(other_pc, producer)
    type_phone(qtbot, dialog, MY_PHONE)

    confirmations.answers = [True]
    Answer("reload_button")
    save(qtbot)

    assert confirmations.asked == ["ทิ้งสิ่งที่คุณพิมพ์ แล้วแสดงรายการตามที่เป็นอยู่ตอนนี้หรือไม่"]
    assert dialog.isVisible()
    assert (dialog.name.text(), dialog.phone.text()) == (THEIR_NAME, THEIR_PHONE)
    assert dialog.version == 2 and not dialog.has_changes()
    # Saved from here, the form is on the record as it is now: no conflict.
    back_to(qtbot, dialog)
    type_phone(qtbot, dialog, MY_PHONE)
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    record = stored(district_register, Entrepreneur, producer)
    assert (record.name, record.phone) == (THEIR_NAME, MY_PHONE)


def test_reload_refused_at_the_question_keeps_the_typing(
    qtbot: QtBot,
    district_register: Register,
    other_pc: Register,
    producer: int,
    confirmations: Confirmations,  # noqa: F811
) -> None:
    dialog = EntrepreneurDialog(district_register, producer)
    shown(qtbot, dialog)
    they_change_name_and_phone(other_pc, producer)
    type_phone(qtbot, dialog, MY_PHONE)
    confirmations.answers = [False]
    Answer("reload_button")
    save(qtbot)
    assert len(confirmations.asked) == 1
    assert dialog.phone.text() == MY_PHONE and dialog.version == 1


def test_cancel_keeps_the_typing_and_saves_nothing(
    qtbot: QtBot, district_register: Register, other_pc: Register, producer: int
) -> None:
    dialog = EntrepreneurDialog(district_register, producer)
    shown(qtbot, dialog)
    they_change_name_and_phone(other_pc, producer)
    type_phone(qtbot, dialog, MY_PHONE)
    Answer("cancel_button")
    save(qtbot)
    assert dialog.isVisible() and dialog.phone.text() == MY_PHONE
    record = stored(district_register, Entrepreneur, producer)
    assert (record.name, record.phone) == (THEIR_NAME, THEIR_PHONE)


def test_a_record_deleted_meanwhile_is_reported_on_reload(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    district_register: Register,
    other_pc: Register,
    producer: int,
) -> None:
    dialog = EntrepreneurDialog(district_register, producer)
    shown(qtbot, dialog)
    they_change_name_and_phone(other_pc, producer)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))

    def they_delete_it() -> None:
        with other_pc.write() as session:
            session.delete(get_entrepreneur(session, producer))

    dialog.name.setText("ร้านใหม่")
    monkeypatch.setattr("ui.forms.record_dialog.confirm", lambda *_a: True)
    Answer("reload_button", meanwhile=they_delete_it)
    save(qtbot)
    assert warned and "อาจถูกลบไปแล้ว" in warned[0]
    assert dialog.isVisible() and dialog.name.text() == "ร้านใหม่"


# --- the other forms pass their version too ------------------------------------------------


def test_a_product_keeps_their_price_under_my_name(
    qtbot: QtBot, district_register: Register, other_pc: Register, producer: int
) -> None:
    with district_register.write() as session:
        product_id = create_product(
            session, producer, ProductInput("ผ้าฝ้ายทอมือ", category=3, price="350")
        ).id
    dialog = ProductDialog(district_register, producer, product_id)
    shown(qtbot, dialog)
    with other_pc.write() as session:
        update_product(
            session,
            product_id,
            ProductInput("ผ้าฝ้ายทอมือ", category=3, price="400", unit="ผืน"),
            expected_version=1,
        )
    dialog.name.setText("ผ้าฝ้ายทอมือลายดอก")
    answer = Answer("on_top_button")
    save(qtbot)
    [said] = answer.texts
    assert OTHER in said and "ราคา" in said and "คุณแก้ไข: ชื่อผลิตภัณฑ์" in said
    assert dialog.result() == QDialog.DialogCode.Accepted
    product = stored(district_register, Product, product_id)
    assert (product.name, product.price, product.unit) == ("ผ้าฝ้ายทอมือลายดอก", Decimal(400), "ผืน")


def household(head: str) -> HouseholdInput:
    return HouseholdInput(
        head_name=head,
        subdistrict_code="501301",
        moo=3,
        house_no="12",
        member_count=3,
        surveyed_on=date(2025, 2, 1),
        skills=[SkillInput("ทอผ้าตีนจก", Industry.FASHION, SkillLevel.SKILLED, "นางแก้ว")],
    )


def test_a_household_keeps_their_members_under_my_head_of_household(
    qtbot: QtBot, district_register: Register, other_pc: Register
) -> None:
    with district_register.write() as session:
        household_id = create_household(session, household("นางบัวคำ ใจมา")).id
    dialog = HouseholdDialog(district_register, household_id)
    shown(qtbot, dialog)
    with other_pc.write() as session:
        theirs = replace(household("นางบัวคำ ใจมา"), member_count=5)
        update_household(session, household_id, theirs, expected_version=1)
    dialog.head_name.setText("นางบัวคำ ใจมาก")
    Answer("on_top_button")
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = stored(district_register, Household, household_id)
    assert (saved.head_name, saved.member_count) == ("นางบัวคำ ใจมาก", 5)


def test_a_training_reloaded_shows_their_participants(
    qtbot: QtBot,
    district_register: Register,
    other_pc: Register,
    producer: int,
    confirmations: Confirmations,  # noqa: F811
) -> None:
    with district_register.write() as session:
        other = create_entrepreneur(session, person(name="กลุ่มจักสานบ้านออน")).id
        training_id = save_training(
            session, TrainingInput(date(2025, 1, 10), "การขายออนไลน์", "DEPA", "0", [producer])
        ).id
    dialog = TrainingDialog(district_register, training_id)
    shown(qtbot, dialog)
    with other_pc.write() as session:
        data = TrainingInput(date(2025, 1, 10), "การขายออนไลน์", "DEPA", "0", [producer, other])
        save_training(session, data, training_id, expected_version=1)
    dialog.topic.setText("การขายออนไลน์ รุ่น 2")
    confirmations.answers = [True]
    Answer("reload_button")
    save(qtbot)
    assert dialog.isVisible() and dialog.topic.text() == "การขายออนไลน์"
    assert sorted(dialog.participant_ids()) == sorted([producer, other])
    assert dialog.count_label.text() == "ผู้เข้าร่วม 2 ราย"


def test_a_grant_keeps_their_amount_under_my_purpose(
    qtbot: QtBot, district_register: Register, other_pc: Register, producer: int
) -> None:
    with district_register.write() as session:
        grant_id = save_grant(
            session, producer, GrantInput(date(2025, 1, 5), "8000", "เตาแก๊ส", "กองทุน")
        ).id
    dialog = GrantDialog(district_register, grant_id)
    shown(qtbot, dialog)
    with other_pc.write() as session:
        theirs = GrantInput(date(2025, 1, 5), "9500", "เตาแก๊ส", "กองทุน")
        save_grant(session, producer, theirs, grant_id, expected_version=1)
    dialog.purpose.setText("เตาแก๊สและถังแก๊ส")
    Answer("on_top_button")
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    grant = stored(district_register, Grant, grant_id)
    assert (grant.purpose, grant.amount) == ("เตาแก๊สและถังแก๊ส", Decimal(9500))


def test_a_form_saved_twice_without_others_never_conflicts(
    qtbot: QtBot, district_register: Register, producer: int
) -> None:
    for name in ("ร้านหนึ่ง", "ร้านสอง"):
        dialog: RecordDialog = EntrepreneurDialog(district_register, producer)
        shown(qtbot, dialog)
        assert isinstance(dialog, EntrepreneurDialog)
        dialog.name.setText(name)
        save(qtbot)
        assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored(district_register, Entrepreneur, producer).name == "ร้านสอง"


def test_my_changed_fields_are_the_difference_from_what_was_loaded() -> None:
    loaded = GrantInput(date(2025, 1, 5), "8000", "เตาแก๊ส")
    typed = GrantInput(date(2025, 1, 5), "8000", "เตาแก๊สใหม่")
    now = GrantInput(date(2025, 1, 6), "9000", "เตาแก๊ส", "กองทุน")
    assert changed_fields(loaded, typed) == ["purpose"]
    assert on_top(now, loaded, typed) == GrantInput(date(2025, 1, 6), "9000", "เตาแก๊สใหม่", "กองทุน")


# --- personal data with accounts ----------------------------------------------------------


@pytest.fixture
def accounts(district_register: Register, producer: int) -> Register:
    """A head (the first account), a clerk and a viewer; nobody logged in."""
    with district_register.write(system=True) as session:
        add_account(session, "head", "head", PASSWORD)
    district_register.login("head", PASSWORD)
    with district_register.write() as session:
        add_account(session, "clerk", "clerk", PASSWORD)
        add_account(session, "viewer", "viewer", PASSWORD)
    district_register.logout()
    return district_register


def phone_section(page: EntrepreneursPage) -> int:
    return next(i for i, c in enumerate(page.model.columns) if c.title == "โทรศัพท์")


def phones_listed(qtbot: QtBot, register: Register) -> tuple[EntrepreneursPage, list[str]]:
    page = EntrepreneursPage(register)
    show(qtbot, page)
    section = phone_section(page)
    texts = [page.model.index(r, section).data() for r in range(page.model.rowCount())]
    return page, texts


@pytest.mark.parametrize("role", ["clerk", "viewer", "head"])
def test_the_list_masks_phones_for_every_role(qtbot: QtBot, accounts: Register, role: str) -> None:
    accounts.login(role, PASSWORD)
    page, phones = phones_listed(qtbot, accounts)
    assert phones == ["•••••••678"]
    # Masked where the rows are read: the tooltip and anything copied from the model too.
    tooltip = page.model.index(0, phone_section(page)).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "•••••••678"


def test_without_accounts_the_list_shows_phones_in_full(
    qtbot: QtBot, district_register: Register, producer: int
) -> None:
    page, phones = phones_listed(qtbot, district_register)
    assert phones == ["0812345678"]
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert page.reveal_actions() == []


def test_a_clerk_sees_the_id_and_phone_in_full_in_the_form(
    qtbot: QtBot, accounts: Register, producer: int
) -> None:
    accounts.login("clerk", PASSWORD)
    dialog = EntrepreneurDialog(accounts, producer)
    shown(qtbot, dialog)
    with accounts.read() as session:
        national_id = get_entrepreneur(session, producer).national_id
    assert dialog.national_id.text().replace("-", "") == national_id
    assert dialog.phone.text() == "0812345678"
    assert not dialog.national_id.isReadOnly() and not dialog.phone.isReadOnly()
    type_phone(qtbot, dialog, MY_PHONE)
    save(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored(accounts, Entrepreneur, producer).phone == MY_PHONE


def test_a_viewer_sees_them_masked_and_read_only_in_the_form(
    qtbot: QtBot, accounts: Register, producer: int
) -> None:
    accounts.login("viewer", PASSWORD)
    dialog = EntrepreneurDialog(accounts, producer)
    shown(qtbot, dialog)
    assert dialog.phone.text() == "•••••••678"
    with accounts.read() as session:
        national_id = get_entrepreneur(session, producer).national_id
    assert dialog.national_id.text() == f"•-••••-•••••-{national_id[10:12]}-{national_id[12]}"
    assert dialog.national_id.isReadOnly() and dialog.phone.isReadOnly()
    assert dialog.fields.message("national_id").text() == ""  # no check-digit judgement


def test_a_head_reveals_an_id_from_the_list_and_it_is_recorded(
    qtbot: QtBot, accounts: Register, producer: int
) -> None:
    accounts.login("head", PASSWORD)
    page, _ = phones_listed(qtbot, accounts)
    page.table.setCurrentIndex(page.model.index(0, 0))
    actions = page.reveal_actions()
    assert [a.text() for a in actions] == [
        "แสดงเลขประจำตัวฉบับเต็ม(&I)",
        "แสดงหมายเลขโทรศัพท์ฉบับเต็ม(&P)",
    ]
    shown_texts: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, read_and_close)
            return
        shown_texts.append(box.text())
        box.accept()

    with accounts.read() as session:
        record = get_entrepreneur(session, producer)
        national_id, reg_no = record.national_id, record.reg_no
    QTimer.singleShot(0, read_and_close)
    actions[0].trigger()
    [text] = shown_texts
    assert text == f"เลขประจำตัวของ {reg_no} ร้านผ้าฝ้ายป้าแก้ว: {format_thai_id(national_id)}"
    _, phones = phones_listed(qtbot, accounts)
    assert phones == ["•••••••678"]  # shown once, in the message; the list stays masked
    with accounts.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
    assert [(e.actor, e.record) for e in entries] == [("head", reg_no)]
    assert "national_id" in entries[0].detail and national_id not in entries[0].detail


@pytest.mark.parametrize("role", ["clerk", "viewer"])
def test_only_a_head_is_offered_the_reveal(qtbot: QtBot, accounts: Register, role: str) -> None:
    accounts.login(role, PASSWORD)
    page, _ = phones_listed(qtbot, accounts)
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert page.reveal_actions() == []
