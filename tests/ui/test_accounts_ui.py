"""Accounts in the desktop: the login dialog (Enter, refusals in Thai next to the fields, the
growing wait), the recovery code, the screen lock after the idle time (only the same account
or a head unlocks it; a head who does acts from then on), the first head's account with its
recovery code and a new signing key, the Accounts page (a head's actions through the
services; a clerk's refused by them), and a head unlocking signing. Real registers, real
Argon2 passwords."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from otop_desktop.accounts import service
from otop_desktop.audit.query import AuditFilter, page
from otop_desktop.database import Register
from otop_desktop.models.accounts import CLERK, HEAD, VIEWER
from ui.accounts import (
    AccountsPage,
    FirstHeadDialog,
    IdleLock,
    LoginDialog,
    UnlockSigningDialog,
    ask_to_unlock_signing,
    offer_first_head,
)
from ui.accounts import first_head as first_head_module
from ui.accounts import page as page_module
from ui.accounts.dialogs import (
    AddAccountDialog,
    ChangePasswordDialog,
    ChangeRoleDialog,
    ResetPasswordDialog,
)
from ui.accounts.login import wait_seconds

HEAD_NAME, HEAD_PASSWORD = "somchai", "head-password-1"
CLERK_NAME, CLERK_PASSWORD = "kaew", "clerk-password-1"
# Argon2 takes a third of a second a password; a few of them in a row take a while.
WORK_MS = 15_000


def add_head(register: Register) -> str:
    """The register's first head (logged in); its recovery code."""
    with register.write(system=True) as session:
        added = service.add_account(session, HEAD_NAME, HEAD, HEAD_PASSWORD)
    register.login(HEAD_NAME, HEAD_PASSWORD)
    assert added.recovery_code
    return added.recovery_code


def add_clerk(register: Register, name: str = CLERK_NAME, role: str = CLERK) -> None:
    with register.write() as session:
        service.add_account(session, name, role, CLERK_PASSWORD)


def accounts(register: Register) -> dict[str, tuple[str, bool]]:
    with register.read() as session:
        return {a.name: (a.role, a.disabled) for a in service.list_accounts(session)}


def actions(register: Register) -> list[str]:
    with register.read() as session:
        return [row.action for row in page(session, AuditFilter())]


def type_keys(widget: QWidget, text: str) -> None:
    """Types ``text`` as key presses that carry it, one character at a time: QTest's key
    clicks only know Latin-1 and abort the process on Thai."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warnings shown (show_user_error), instead of showing them."""
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: seen.append(text))
    return seen


# Logging in ----------------------------------------------------------------------------------


def test_enter_logs_in_and_the_dialog_returns_the_actor(
    qtbot: QtBot, district_register: Register
) -> None:
    add_head(district_register)
    district_register.logout()
    dialog = LoginDialog(district_register)
    shown(qtbot, dialog)
    assert dialog.windowTitle() == "เข้าสู่ระบบ – ทะเบียน OTOP"
    assert dialog.office.text() == "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง"
    assert dialog.login_button.text() == "เข้าสู่ระบบ(&L)"
    qtbot.keyClicks(dialog.name, HEAD_NAME)
    qtbot.keyClicks(dialog.password, HEAD_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=WORK_MS):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.name == HEAD_NAME
    assert dialog.actor.role == HEAD
    assert district_register.actor == dialog.actor
    assert actions(district_register)[0] == "login"


def test_a_wrong_password_is_refused_next_to_the_fields_in_thai(
    qtbot: QtBot, district_register: Register
) -> None:
    add_head(district_register)
    district_register.logout()
    dialog = LoginDialog(district_register)
    shown(qtbot, dialog)
    click(qtbot, dialog.login_button)
    assert dialog.message.text() == "กรุณาใส่ชื่อบัญชี"
    assert QApplication.focusWidget() is dialog.name
    qtbot.keyClicks(dialog.name, HEAD_NAME)
    qtbot.keyClicks(dialog.password, "not-the-password")
    click(qtbot, dialog.login_button)
    assert not dialog.name.isEnabled()  # the password is checked off the GUI thread
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WORK_MS)
    assert dialog.message.text() == "ชื่อบัญชีหรือรหัสผ่านไม่ถูกต้อง"
    assert dialog.message.isVisible()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.password.text() == ""
    assert dialog.name.isEnabled() and dialog.login_button.isEnabled()
    assert district_register.actor is None
    assert actions(district_register)[0] == "login_failed"


def test_after_several_wrong_passwords_the_button_waits_out_the_back_off(
    qtbot: QtBot, district_register: Register
) -> None:
    add_head(district_register)
    district_register.logout()
    for _ in range(service.FREE_FAILURES + 1):
        with pytest.raises(service.LoginRefused):
            district_register.login(HEAD_NAME, "wrong-password")
    dialog = LoginDialog(district_register, name=HEAD_NAME)
    shown(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, HEAD_PASSWORD)
    click(qtbot, dialog.login_button)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WORK_MS)
    assert "กรุณารอ" in dialog.message.text() and "วินาที" in dialog.message.text()
    assert dialog.waiting
    assert not dialog.login_button.isEnabled()
    assert dialog.login_button.text().startswith("รอ ")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter does nothing meanwhile
    assert district_register.actor is None
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=5_000)
    assert dialog.login_button.text() == "เข้าสู่ระบบ(&L)"
    assert dialog.message.text() == ""
    qtbot.keyClicks(dialog.password, HEAD_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=WORK_MS):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.name == HEAD_NAME


def test_the_wait_is_read_from_the_services_refusal() -> None:
    refused = service.LoginRefused(
        "ใส่รหัสผ่านผิดหลายครั้ง กรุณารอ 8 วินาทีแล้วลองใหม่",
        "Too many wrong passwords: wait 8 s and try again",
    )
    assert wait_seconds(refused) == 8
    assert wait_seconds(service.LoginRefused("ผิด", "The password is wrong")) == 0


def test_a_thai_account_name_typed_on_the_keyboard_logs_in(
    qtbot: QtBot, district_register: Register
) -> None:
    add_head(district_register)
    add_clerk(district_register, "สมพร")
    district_register.logout()
    dialog = LoginDialog(district_register)
    shown(qtbot, dialog)
    type_keys(dialog.name, "สมพร")
    assert dialog.name.text() == "สมพร"
    qtbot.keyClicks(dialog.password, CLERK_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=WORK_MS):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert district_register.actor is not None
    assert (district_register.actor.name, district_register.actor.role) == ("สมพร", CLERK)


def test_the_recovery_code_makes_a_head_and_shows_the_new_code_once(
    qtbot: QtBot, district_register: Register
) -> None:
    code = add_head(district_register)
    district_register.logout()
    dialog = LoginDialog(district_register, name=HEAD_NAME)
    shown(qtbot, dialog)
    click(qtbot, dialog.forgot_button)
    recover = dialog.recover_dialog
    qtbot.waitExposed(recover)
    assert recover.name.text() == HEAD_NAME
    qtbot.keyClicks(recover.code, "AAAAA-BBBBB-CCCCC-DDDDD")
    qtbot.keyClicks(recover.password, "new-password-1")
    qtbot.keyClicks(recover.repeat, "new-password-1")
    click(qtbot, recover.recover_button)
    qtbot.waitUntil(lambda: recover.message.text() != "", timeout=WORK_MS)
    assert recover.message.text() == "รหัสกู้คืนไม่ถูกต้อง"
    assert recover.pages.currentIndex() == 0

    recover.code.clear()
    qtbot.keyClicks(recover.code, code.lower())  # as typed from the paper, in any case
    click(qtbot, recover.recover_button)
    qtbot.waitUntil(lambda: recover.pages.currentIndex() == 1, timeout=WORK_MS)
    fresh = recover.code_panel.code.text()
    assert fresh and fresh != code
    assert recover.code_panel.title.text() == "เรียบร้อย จดรหัสกู้คืนใหม่ไว้เดี๋ยวนี้"
    click(qtbot, recover.code_panel.copy_button)
    assert QGuiApplication.clipboard().text() == fresh
    assert not recover.continue_button.isEnabled()
    qtbot.keyClick(recover, Qt.Key.Key_Escape)
    assert recover.isVisible()  # the new code cannot be dismissed unseen
    recover.code_panel.written.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=WORK_MS):
        click(qtbot, recover.continue_button)
    assert dialog.actor is not None and dialog.actor.name == HEAD_NAME
    assert district_register.actor == dialog.actor

    district_register.logout()
    district_register.login(HEAD_NAME, "new-password-1")
    with pytest.raises(service.LoginRefused):
        district_register.recover(code, HEAD_NAME, "another-password")
    assert {"recovered", "recovery_failed"} <= set(actions(district_register))


# The screen lock -------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    main = QMainWindow()
    main.setCentralWidget(QLabel("ทะเบียน"))
    main.resize(800, 500)
    shown(qtbot, main)
    return main


def test_input_keeps_the_screen_unlocked_and_idleness_locks_it(
    qtbot: QtBot, district_register: Register, window: QMainWindow
) -> None:
    add_head(district_register)
    add_clerk(district_register)
    district_register.login(CLERK_NAME, CLERK_PASSWORD)
    lock = IdleLock(window, district_register, timeout_ms=400)
    lock.start()
    for _ in range(8):  # keys pressed every 100 ms for 800 ms: never 400 ms idle
        qtbot.wait(100)
        qtbot.keyClick(window, Qt.Key.Key_Shift)
        assert not lock.is_locked
    with qtbot.waitSignal(lock.locked, timeout=2_000):
        pass
    dialog = lock.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.isModal()
    assert dialog.geometry().contains(window.frameGeometry())
    assert dialog.title.text() == "ล็อกหน้าจอแล้ว – เข้าสู่ระบบอีกครั้ง"
    assert "kaew (เจ้าหน้าที่)" in dialog.office.text()
    assert dialog.name.text() == CLERK_NAME
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # Esc does not unlock

    qtbot.keyClicks(dialog.password, CLERK_PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=WORK_MS) as unlocked:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert unlocked.args[0].name == CLERK_NAME
    assert not lock.is_locked
    assert district_register.actor is not None and district_register.actor.name == CLERK_NAME
    with qtbot.waitSignal(lock.locked, timeout=2_000):  # counting again
        pass
    lock.stop()


def test_only_the_same_account_or_a_head_unlocks_and_a_head_then_acts(
    qtbot: QtBot, district_register: Register, window: QMainWindow
) -> None:
    add_head(district_register)
    add_clerk(district_register)
    add_clerk(district_register, "malee")
    district_register.login(CLERK_NAME, CLERK_PASSWORD)
    lock = IdleLock(window, district_register, timeout_ms=60_000)
    lock.start()
    lock.lock_now()
    dialog = lock.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)

    dialog.name.setText("malee")
    qtbot.keyClicks(dialog.password, CLERK_PASSWORD)
    click(qtbot, dialog.login_button)
    assert dialog.message.text() == "มีเพียง kaew หรือหัวหน้าสำนักงานที่ปลดล็อกหน้าจอได้"
    assert lock.is_locked and district_register.actor.name == CLERK_NAME

    dialog.name.setText(HEAD_NAME)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, HEAD_PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=WORK_MS) as unlocked:
        click(qtbot, dialog.login_button)
    assert unlocked.args[0].name == HEAD_NAME
    assert district_register.actor is not None
    assert (district_register.actor.name, district_register.actor.role) == (HEAD_NAME, HEAD)
    lock.stop()


def test_the_minutes_come_from_the_office_and_lock_now_needs_someone_logged_in(
    qtbot: QtBot, district_register: Register, window: QMainWindow
) -> None:
    lock = IdleLock(window, district_register)
    assert lock.timeout_ms == 15 * 60_000
    lock.lock_now()  # a register without accounts: nobody to lock out
    assert not lock.is_locked
    lock.set_minutes(3)
    assert lock.timeout_ms == 3 * 60_000


def test_close_the_program_from_the_lock_closes_the_window(
    qtbot: QtBot, district_register: Register, window: QMainWindow
) -> None:
    add_head(district_register)
    lock = IdleLock(window, district_register, timeout_ms=60_000)
    lock.start()
    lock.lock_now()
    assert lock.dialog is not None
    assert lock.dialog.quit_button.text() == "ปิดโปรแกรม(&C)"
    click(qtbot, lock.dialog.quit_button)
    assert not window.isVisible()
    assert not lock.is_locked
    lock.stop()


# The first head -------------------------------------------------------------------------------


def test_the_first_head_gets_the_recovery_code_and_a_new_signing_key(
    qtbot: QtBot, district_register: Register
) -> None:
    office = district_register.office()
    assert office is not None
    old_public = office.signing_public_key
    assert district_register.signing_key() is not None  # unencrypted until now
    dialog = FirstHeadDialog(district_register)
    shown(qtbot, dialog)
    assert dialog.windowTitle() == "บัญชีหัวหน้าสำนักงาน"
    qtbot.keyClicks(dialog.name, HEAD_NAME)
    qtbot.keyClicks(dialog.password, HEAD_PASSWORD)
    qtbot.keyClicks(dialog.repeat, "something-else")
    click(qtbot, dialog.create_button)
    assert dialog.form_message.text() == "รหัสผ่านสองช่องไม่ตรงกัน"
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, HEAD_PASSWORD)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.CODE, timeout=WORK_MS)

    assert district_register.has_accounts()
    assert district_register.actor is not None and district_register.actor.name == HEAD_NAME
    code = dialog.code_panel.code.text()
    assert len(code.replace("-", "")) == 20
    assert dialog.code_panel.title.text() == "จดรหัสกู้คืนนี้ไว้เดี๋ยวนี้"
    assert not dialog.code_continue.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    dialog.code_panel.written.setChecked(True)
    click(qtbot, dialog.code_continue)
    assert dialog.pages.currentIndex() == dialog.NEW_KEY
    assert district_register.signing_key() is None  # sealed under the head's password

    click(qtbot, dialog.new_key_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.DONE, timeout=WORK_MS)
    assert dialog.key_replaced
    office = district_register.office()
    assert office is not None and office.signing_public_key != old_public
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.finish_button)
    assert dialog.actor is not None and dialog.actor.role == HEAD
    assert {"create", "login", "new_key"} <= set(actions(district_register))
    # The code is the way back in.
    district_register.logout()
    district_register.recover(code, HEAD_NAME, "brand-new-password")


def test_a_register_made_just_now_is_not_offered_a_new_key(
    qtbot: QtBot, district_register: Register
) -> None:
    office = district_register.office()
    assert office is not None
    public = office.signing_public_key
    dialog = FirstHeadDialog(district_register, offer_new_key=False)
    shown(qtbot, dialog)
    qtbot.keyClicks(dialog.name, HEAD_NAME)
    for edit in (dialog.password, dialog.repeat):
        edit.setText(HEAD_PASSWORD)
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.CODE, timeout=WORK_MS)
    dialog.code_panel.written.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.code_continue)
    assert dialog.actor is not None and dialog.actor.name == HEAD_NAME
    office = district_register.office()
    assert office is not None and office.signing_public_key == public
    assert district_register.signing_key() is None  # sealed all the same


def test_not_now_keeps_the_register_without_accounts(
    qtbot: QtBot, district_register: Register
) -> None:
    dialog = FirstHeadDialog(district_register)
    shown(qtbot, dialog)
    with qtbot.waitSignal(dialog.rejected):
        click(qtbot, dialog.later_button)
    assert dialog.actor is None
    assert not district_register.has_accounts()


def test_the_first_head_is_offered_once_per_register(
    tmp_path: Path, district_register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    offered: list[FirstHeadDialog] = []

    def exec_(dialog: FirstHeadDialog) -> int:
        offered.append(dialog)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(first_head_module.FirstHeadDialog, "exec", exec_)
    assert offer_first_head(district_register, settings=settings) is None
    assert len(offered) == 1
    assert offer_first_head(district_register, settings=settings) is None
    assert len(offered) == 1  # asked already on this computer
    assert first_head_module.first_head_asked(district_register, settings)


# The Accounts page ---------------------------------------------------------------------------


@pytest.fixture
def head_page(qtbot: QtBot, district_register: Register) -> AccountsPage:
    add_head(district_register)
    add_clerk(district_register)
    accounts_page = AccountsPage(district_register)
    shown(qtbot, accounts_page)
    return accounts_page


def select(accounts_page: AccountsPage, name: str) -> None:
    row = accounts_page.model.row_of(name)
    assert row is not None
    accounts_page.table.selectRow(row)


def table_texts(accounts_page: AccountsPage) -> list[list[str]]:
    model = accounts_page.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_a_head_sees_the_accounts_in_thai_and_may_change_them(head_page: AccountsPage) -> None:
    assert head_page.who.text() == "เข้าสู่ระบบเป็น somchai (หัวหน้าสำนักงาน)"
    assert table_texts(head_page) == [
        ["kaew", "เจ้าหน้าที่", "ใช้งาน"],
        ["somchai", "หัวหน้าสำนักงาน", "ใช้งาน"],
    ]
    assert head_page.note.isHidden()
    for button in (head_page.add_button, head_page.reset_button, head_page.role_button):
        assert button.isEnabled()
    select(head_page, HEAD_NAME)
    assert not head_page.disable_button.isEnabled()  # not one's own account


def test_adding_a_clerk_and_a_head(
    qtbot: QtBot, head_page: AccountsPage, district_register: Register
) -> None:
    click(qtbot, head_page.add_button)
    dialog = head_page.dialog
    assert isinstance(dialog, AddAccountDialog)
    qtbot.waitExposed(dialog)
    assert not dialog.acting.isVisible()
    qtbot.keyClicks(dialog.name, "malee")
    dialog.role.setCurrentIndex(dialog.role.findData(VIEWER))
    assert dialog.role.currentText() == "ผู้ดูข้อมูล"
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WORK_MS)
    assert dialog.message.text() == "รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร"
    for edit in (dialog.password, dialog.repeat):
        edit.setText("viewer-password")
    with qtbot.waitSignal(head_page.accounts_changed, timeout=WORK_MS):
        click(qtbot, dialog.ok_button)
    assert accounts(district_register)["malee"] == (VIEWER, False)
    assert ["malee", "ผู้ดูข้อมูล", "ใช้งาน"] in table_texts(head_page)

    click(qtbot, head_page.add_button)
    dialog = head_page.dialog
    assert isinstance(dialog, AddAccountDialog)
    qtbot.keyClicks(dialog.name, "prasert")
    dialog.role.setCurrentIndex(dialog.role.findData(HEAD))
    assert dialog.acting.isVisible()
    for edit in (dialog.password, dialog.repeat):
        edit.setText("second-head-pass")
    click(qtbot, dialog.ok_button)
    assert dialog.message.text() == "กรุณาใส่รหัสผ่าน"  # the acting head's own
    dialog.acting.setText("wrong-password")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: "ต้องใช้รหัสผ่านของหัวหน้าสำนักงาน" in dialog.message.text(), timeout=WORK_MS)
    assert "prasert" not in accounts(district_register)
    dialog.acting.setText(HEAD_PASSWORD)
    with qtbot.waitSignal(head_page.accounts_changed, timeout=WORK_MS):
        click(qtbot, dialog.ok_button)
    assert accounts(district_register)["prasert"] == (HEAD, False)
    district_register.unlock_signing("prasert", "second-head-pass")  # the key was handed on
    assert district_register.signing_key() is not None


def test_reset_password_change_role_and_disable(
    qtbot: QtBot,
    head_page: AccountsPage,
    district_register: Register,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    select(head_page, CLERK_NAME)
    click(qtbot, head_page.reset_button)
    dialog = head_page.dialog
    assert isinstance(dialog, ResetPasswordDialog)
    assert not dialog.acting.isVisible()  # a clerk's password hands on no key
    for edit in (dialog.password, dialog.repeat):
        edit.setText("reset-password-1")
    with qtbot.waitSignal(head_page.accounts_changed, timeout=WORK_MS):
        click(qtbot, dialog.ok_button)

    select(head_page, CLERK_NAME)
    click(qtbot, head_page.role_button)
    role_dialog = head_page.dialog
    assert isinstance(role_dialog, ChangeRoleDialog)
    role_dialog.role.setCurrentIndex(role_dialog.role.findData(VIEWER))
    assert not role_dialog.password.isVisible()
    with qtbot.waitSignal(head_page.accounts_changed, timeout=WORK_MS):
        click(qtbot, role_dialog.ok_button)
    assert accounts(district_register)[CLERK_NAME] == (VIEWER, False)

    monkeypatch.setattr(page_module, "confirm", lambda *_args: True)
    select(head_page, CLERK_NAME)
    assert head_page.disable_button.text() == "ปิดใช้(&D)"
    click(qtbot, head_page.disable_button)
    assert accounts(district_register)[CLERK_NAME] == (VIEWER, True)
    assert table_texts(head_page)[0] == ["kaew", "ผู้ดูข้อมูล", "ปิดใช้"]
    assert head_page.disable_button.text() == "เปิดใช้(&E)"
    with pytest.raises(service.LoginRefused):
        district_register.login(CLERK_NAME, "reset-password-1")
    click(qtbot, head_page.disable_button)
    assert accounts(district_register)[CLERK_NAME] == (VIEWER, False)
    district_register.login(CLERK_NAME, "reset-password-1")


def test_the_idle_minutes_are_saved_by_a_head(
    qtbot: QtBot, head_page: AccountsPage, district_register: Register
) -> None:
    assert head_page.idle_minutes.value() == 15
    assert not head_page.idle_save.isEnabled()
    head_page.idle_minutes.setValue(5)
    with qtbot.waitSignal(head_page.idle_lock_changed) as changed:
        click(qtbot, head_page.idle_save)
    assert changed.args == [5]
    office = district_register.office()
    assert office is not None and office.idle_lock_minutes == 5
    assert head_page.idle_message.text() == "บันทึกแล้ว"


def test_a_clerk_sees_the_page_read_only_and_the_services_refuse_anyway(
    qtbot: QtBot, district_register: Register, warnings: list[str]
) -> None:
    add_head(district_register)
    add_clerk(district_register)
    add_clerk(district_register, "malee")
    district_register.login(CLERK_NAME, CLERK_PASSWORD)
    accounts_page = AccountsPage(district_register)
    shown(qtbot, accounts_page)
    assert accounts_page.note.isVisible()
    assert accounts_page.note.text().startswith("เฉพาะหัวหน้าสำนักงาน")
    for button in (
        accounts_page.add_button,
        accounts_page.reset_button,
        accounts_page.role_button,
        accounts_page.disable_button,
        accounts_page.idle_save,
        accounts_page.key_button,
    ):
        assert not button.isEnabled()
    assert accounts_page.own_password_button.isEnabled()

    # The buttons are only a courtesy: the same actions, called anyway, are refused.
    select(accounts_page, "malee")
    with district_register.write(system=True) as session:
        service.find(session, "malee").disabled = True
    accounts_page.refresh()
    select(accounts_page, "malee")
    accounts_page.toggle_disabled()
    assert warnings == ["บัญชี kaew (เจ้าหน้าที่) ไม่มีสิทธิ์ปิดหรือเปิดบัญชี ต้องเป็นหัวหน้าสำนักงาน"]
    accounts_page.idle_minutes.setEnabled(True)
    accounts_page.idle_minutes.setValue(1)
    accounts_page.save_idle_lock()
    assert warnings[1] == ("บัญชี kaew (เจ้าหน้าที่) ไม่มีสิทธิ์ตั้งเวลาล็อกหน้าจอ ต้องเป็นหัวหน้าสำนักงาน")

    dialog = AddAccountDialog(district_register)
    shown(qtbot, dialog)
    qtbot.keyClicks(dialog.name, "intruder")
    for edit in (dialog.password, dialog.repeat):
        edit.setText("intruder-password")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WORK_MS)
    assert dialog.message.text() == ("บัญชี kaew (เจ้าหน้าที่) ไม่มีสิทธิ์เพิ่มบัญชีผู้ใช้ ต้องเป็นหัวหน้าสำนักงาน")
    assert dialog.isVisible()
    assert "intruder" not in accounts(district_register)
    office = district_register.office()
    assert office is not None and office.idle_lock_minutes == 15


def test_anyone_changes_their_own_password_a_viewer_too(
    qtbot: QtBot, district_register: Register
) -> None:
    add_head(district_register)
    add_clerk(district_register, "malee", VIEWER)
    district_register.login("malee", CLERK_PASSWORD)
    accounts_page = AccountsPage(district_register)
    shown(qtbot, accounts_page)
    click(qtbot, accounts_page.own_password_button)
    dialog = accounts_page.dialog
    assert isinstance(dialog, ChangePasswordDialog)
    dialog.old.setText("not-my-password")
    for edit in (dialog.password, dialog.repeat):
        edit.setText("my-new-password")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WORK_MS)
    assert dialog.message.text() == "รหัสผ่านเดิมไม่ถูกต้อง"
    dialog.old.setText(CLERK_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=WORK_MS):
        click(qtbot, dialog.ok_button)
    district_register.login("malee", "my-new-password")


def test_a_register_without_accounts_offers_the_first_head(
    qtbot: QtBot, district_register: Register
) -> None:
    accounts_page = AccountsPage(district_register)
    shown(qtbot, accounts_page)
    assert accounts_page.first_head_button.isVisible()
    assert not accounts_page.table.isVisible()
    assert accounts_page.who.text().startswith("ทะเบียนนี้ยังไม่มีบัญชีผู้ใช้")
    click(qtbot, accounts_page.first_head_button)
    dialog = accounts_page.dialog
    assert isinstance(dialog, FirstHeadDialog)
    qtbot.keyClicks(dialog.name, HEAD_NAME)
    for edit in (dialog.password, dialog.repeat):
        edit.setText(HEAD_PASSWORD)
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.CODE, timeout=WORK_MS)
    dialog.code_panel.written.setChecked(True)
    click(qtbot, dialog.code_continue)
    with qtbot.waitSignal(accounts_page.first_head_created) as created:
        click(qtbot, dialog.keep_key_button)
    assert created.args[0].name == HEAD_NAME
    assert accounts_page.table.isVisible()
    assert not accounts_page.first_head_button.isVisible()
    assert table_texts(accounts_page) == [["somchai", "หัวหน้าสำนักงาน", "ใช้งาน"]]


# Unlocking signing ---------------------------------------------------------------------------


def test_signing_needs_no_unlock_on_a_register_without_accounts(
    district_register: Register,
) -> None:
    assert ask_to_unlock_signing(None, district_register)


def test_a_head_unlocks_signing_for_the_run(qtbot: QtBot, district_register: Register) -> None:
    add_head(district_register)
    add_clerk(district_register)
    district_register.login(CLERK_NAME, CLERK_PASSWORD)  # a clerk prepares; a head unlocks
    assert district_register.signing_key() is None
    dialog = UnlockSigningDialog(district_register)
    shown(qtbot, dialog)
    assert dialog.name.text() == ""
    qtbot.keyClicks(dialog.name, CLERK_NAME)
    qtbot.keyClicks(dialog.password, CLERK_PASSWORD)
    click(qtbot, dialog.unlock_button)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WORK_MS)
    assert dialog.message.text().startswith("ต้องใช้รหัสผ่านของหัวหน้าสำนักงาน")
    assert district_register.signing_key() is None
    dialog.name.setText(HEAD_NAME)
    qtbot.keyClicks(dialog.password, HEAD_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=WORK_MS):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert district_register.signing_key() is not None
    assert ask_to_unlock_signing(None, district_register)  # once per run: no second question
    assert {"unlock_key", "unlock_failed"} <= set(actions(district_register))
    assert district_register.actor is not None and district_register.actor.name == CLERK_NAME
