"""Backups in the desktop, on real register files in temporary folders: File → Back up now,
the status bar's last backup and its warnings, the backup folder in the settings, the backup
on closing, File → Restore from a backup…, the restore on a new PC, and the check of the
register at start."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.engine import make_url

from otop_desktop.backup import settings, sidecar
from otop_desktop.backup.lock import lock_path
from otop_desktop.backup.make import CLOSING, MANUAL, make_backup, verify
from otop_desktop.backup.settings import BackupSettings
from otop_desktop.backup.sidecar import BackupInfo
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur
from otop_desktop.services.office import init_register
from tests.conftest import add_record
from ui.backup import BackupSettingsGroup, RestoreDialog
from ui.backup import controller as controller_module
from ui.backup import restore_dialog as restore_dialog_module
from ui.backup.status import WARNING_TEXT, BackupStatus
from ui.backup.texts import when_text
from ui.first_run import FirstRunDialog
from ui.main_window import MainWindow


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    with init_register(tmp_path / "office" / "r.sqlite3", OfficeKind.DISTRICT, "5013") as reg:
        yield reg


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warnings shown (QMessageBox.warning: show_user_error, show_error)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


def register_id(register: Register) -> str:
    office = register.office()
    assert office is not None
    return office.register_id


def backups_of(register: Register, folder: Path | None = None) -> list[BackupInfo]:
    rid = register_id(register)
    return sidecar.in_folder(folder or settings.folder_of(rid), rid)


def names(register: Register) -> list[str]:
    with register.read() as session:
        return list(session.scalars(select(Entrepreneur.name).order_by(Entrepreneur.id)))


def open_window(qtbot: QtBot, register: Register) -> MainWindow:
    window = MainWindow(register)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def status_text(qtbot: QtBot, window: MainWindow, starts: str) -> str:
    label = window.backups.status
    qtbot.waitUntil(lambda: label.text().startswith(starts), timeout=5000)
    return label.text()


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# --- Back up now and the status bar ------------------------------------------------------


def test_back_up_now_makes_a_checked_backup_and_the_status_bar_says_so(
    qtbot: QtBot, register: Register, warnings: list[str]
) -> None:
    add_record(register, "ร้านผ้าฝ้ายป้าแก้ว")
    window = open_window(qtbot, register)
    file_menu = window.menuBar().actions()[0].menu().actions()
    assert window.backup_action in file_menu and window.restore_action in file_menu
    assert [window.backup_action.text(), window.restore_action.text()] == [
        "สำรองข้อมูลเดี๋ยวนี้(&B)",
        "กู้คืนจากไฟล์สำรอง(&R)…",
    ]
    window.backup_action.trigger()

    [info] = backups_of(register)
    assert info.reason == MANUAL
    assert info.file.parent == settings.default_folder(register_id(register))
    assert verify(info.file) == []
    assert info.entrepreneurs == 1
    message = window.statusBar().currentMessage()
    assert message == f"สำรองข้อมูลแล้ว {when_text(info.made_at)} ไปที่ {info.file}"
    assert "/25" in message  # the B.E. year
    text = status_text(qtbot, window, "สำรองล่าสุด")
    assert text == f"สำรองล่าสุด {when_text(info.made_at)}"
    assert not window.backups.status.warning
    # The message stands alone: the register's path is hidden while it is shown.
    [location] = [
        label
        for label in window.statusBar().findChildren(QLabel)
        if label.text().startswith("ทะเบียน:")
    ]
    assert not location.isVisible()
    assert warnings == []


def test_the_status_bar_warns_when_there_is_no_backup(qtbot: QtBot, register: Register) -> None:
    window = open_window(qtbot, register)
    assert status_text(qtbot, window, "⚠") == "⚠ ยังไม่มีไฟล์สำรองของทะเบียนนี้"
    assert window.backups.status.warning
    palette = window.backups.status.palette()
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#7a1010"
    assert palette.color(QPalette.ColorRole.Window).name() == "#fde2e2"
    assert window.backups.status.autoFillBackground()


def make_old(info: BackupInfo, days: int) -> None:
    """Dates a real backup's sidecar back ``days`` days (its file and sha256 unchanged)."""
    older = replace(info, made_at=info.made_at - timedelta(days=days))
    sidecar.sidecar_of(info.file).write_text(older.to_json(), encoding="utf-8")


def test_the_warning_keeps_the_tone_marks_above_its_vowels(qtbot: QtBot, tmp_path: Path) -> None:
    """The warning ends in นี้, whose tone mark sits above the font's ascent: the label leaves
    it room instead of cutting it off at its top edge (seen on the screen: "นี")."""
    label = BackupStatus()
    qtbot.addWidget(label)
    label.show_newest(None, tmp_path, folder_found=True)
    assert label.warning

    def ink_rows(text: str) -> list[int]:
        label.setText(text)
        label.adjustSize()
        image = label.grab().toImage()
        return [
            sum(
                1
                for x in range(image.width())
                if image.pixelColor(x, y).red() < 200
                and image.pixelColor(x, y).green() < WARNING_TEXT.green() + 60
            )
            for y in range(image.height())
        ]

    without, with_tone = ink_rows("นี"), ink_rows("นี้")
    assert sum(with_tone) > sum(without)  # the tone mark is drawn
    assert with_tone[0] == 0  # and not cut by the label's top edge


def test_the_status_bar_warns_after_seven_days_without_a_backup(
    qtbot: QtBot, register: Register
) -> None:
    info = make_backup(register)
    make_old(info, 8)
    window = open_window(qtbot, register)
    old = when_text(info.made_at - timedelta(days=8))
    assert status_text(qtbot, window, "⚠") == f"⚠ สำรองล่าสุด {old} ผ่านมาแล้ว 8 วัน"
    assert window.backups.status.warning


def test_a_backup_of_two_days_ago_is_no_warning(qtbot: QtBot, register: Register) -> None:
    info = make_backup(register)
    make_old(info, 2)
    window = open_window(qtbot, register)
    old = when_text(info.made_at - timedelta(days=2))
    assert status_text(qtbot, window, "สำรองล่าสุด") == f"สำรองล่าสุด {old}"
    assert not window.backups.status.warning


# --- the settings ------------------------------------------------------------------------


def test_the_settings_group_saves_a_chosen_folder_and_backups_go_there(
    qtbot: QtBot, register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    rid = register_id(register)
    window = open_window(qtbot, register)
    window.show_page("settings")
    group = window.settings.backups
    assert group.title() == "การสำรองข้อมูล"
    assert group.folder.text() == str(settings.default_folder(rid))
    assert group.folder_label.text() == "โฟลเดอร์ตั้งต้น:"
    assert not group.default_button.isEnabled()
    assert group.automatic.isChecked()

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(usb))
    group.choose_button.click()
    assert settings.load(rid) == BackupSettings(folder=str(usb), automatic=True)
    assert group.folder.text() == str(usb)
    assert group.folder_label.text() == "โฟลเดอร์:"
    assert group.default_button.isEnabled()

    window.backup_action.trigger()
    [info] = backups_of(register, usb)
    assert info.file.parent == usb
    # The status bar follows the settings: it looks in the chosen folder.
    status_text(qtbot, window, "สำรองล่าสุด")

    group.automatic.click()
    assert settings.load(rid) == BackupSettings(folder=str(usb), automatic=False)
    group.default_button.click()
    assert settings.load(rid) == BackupSettings(folder=None, automatic=False)
    assert group.folder.text() == str(settings.default_folder(rid))
    assert status_text(qtbot, window, "⚠") == "⚠ ยังไม่มีไฟล์สำรองของทะเบียนนี้"


def test_a_missing_chosen_folder_is_told_and_nothing_is_removed(
    qtbot: QtBot, register: Register, tmp_path: Path, warnings: list[str]
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    rid = register_id(register)
    settings.save(rid, BackupSettings(folder=str(usb)))
    make_old(make_backup(register), 2)
    make_backup(register, reason=CLOSING)
    unplugged = tmp_path / "unplugged"
    usb.rename(unplugged)  # the drive is pulled out
    before = files_in(unplugged)
    assert len(sidecar.in_folder(unplugged)) == 2

    window = open_window(qtbot, register)
    assert status_text(qtbot, window, "⚠") == f"⚠ ไม่พบโฟลเดอร์สำรองข้อมูล: {usb}"
    window.backup_action.trigger()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"ไม่พบโฟลเดอร์สำรองข้อมูล {usb}")
    assert not usb.exists()  # never made on the PC's own disk under the drive's path
    assert files_in(unplugged) == before


def test_a_server_register_says_its_backups_are_the_servers(qtbot: QtBot) -> None:
    server = SimpleNamespace(
        engine=SimpleNamespace(url=make_url("postgresql+psycopg://clerk@server/otop")),
        path=None,  # what Register.path is for a server's register
        office=lambda: SimpleNamespace(register_id="abc"),
    )
    group = BackupSettingsGroup(server)
    qtbot.addWidget(group)
    assert not group.available
    assert group.note.text().startswith("ทะเบียนนี้อยู่บนเซิร์ฟเวอร์ฐานข้อมูล")


# --- the backup on closing ---------------------------------------------------------------


def test_closing_makes_a_backup_when_automatic_backups_are_on(
    qtbot: QtBot, register: Register, warnings: list[str]
) -> None:
    window = open_window(qtbot, register)
    db = Path(register.engine.url.database or "")
    assert lock_path(db).is_file()  # the window marks the register as open here
    add_record(register, "ร้านผ้าฝ้ายป้าแก้ว")
    assert window.close()
    [info] = backups_of(register)
    assert info.reason == CLOSING
    assert info.entrepreneurs == 1
    assert verify(info.file) == []
    assert not lock_path(db).exists()
    assert warnings == []


def test_closing_makes_no_backup_when_automatic_backups_are_off(
    qtbot: QtBot, register: Register
) -> None:
    settings.save(register_id(register), BackupSettings(automatic=False))
    window = open_window(qtbot, register)
    add_record(register, "ร้านผ้าฝ้ายป้าแก้ว")
    assert window.close()
    assert backups_of(register) == []


def test_closing_with_nothing_saved_since_todays_backup_makes_none(
    qtbot: QtBot, register: Register
) -> None:
    window = open_window(qtbot, register)
    window.backup_action.trigger()
    assert window.close()
    assert [b.reason for b in backups_of(register)] == [MANUAL]


def test_a_failed_backup_on_closing_is_told_and_the_window_closes(
    qtbot: QtBot, register: Register, tmp_path: Path, warnings: list[str]
) -> None:
    settings.save(register_id(register), BackupSettings(folder=str(tmp_path / "gone")))
    window = open_window(qtbot, register)
    add_record(register, "ร้านผ้าฝ้ายป้าแก้ว")
    assert window.close()
    assert not window.isVisible()
    [text] = warnings
    assert text.startswith("สำรองข้อมูลก่อนปิดโปรแกรมไม่สำเร็จ:\nไม่พบโฟลเดอร์สำรองข้อมูล")


def test_the_daily_backup_is_made_when_the_newest_is_over_a_day_old(
    qtbot: QtBot, register: Register
) -> None:
    make_old(make_backup(register), 2)
    window = open_window(qtbot, register)
    window.backups.check_daily()
    qtbot.waitUntil(lambda: len(backups_of(register)) == 2, timeout=5000)
    assert backups_of(register)[0].reason == "daily"
    status_text(qtbot, window, "สำรองล่าสุด")
    window.backups.check_daily()  # the newest is of today now: no second one
    qtbot.waitUntil(lambda: not window.backups.automatic_job.running)
    assert len(backups_of(register)) == 2


# --- restoring ---------------------------------------------------------------------------


def pick_in_restore_dialog(row: int = 0, *, choose_file: bool = False) -> None:
    """Once the restore dialog is up with its list read, restores the backup on ``row`` (or
    presses Choose a file…), as the clerk would. A dialog that is not ready within seconds
    is closed, so that the test fails instead of waiting for ever."""
    tries = iter(range(250))

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            if next(tries, None) is not None:
                QTimer.singleShot(20, act)
            return
        if not choose_file and dialog.table.rowCount() <= row:
            if next(tries, None) is None:
                dialog.reject()
            else:
                QTimer.singleShot(20, act)
            return
        if choose_file:
            dialog.choose_button.click()
        else:
            dialog.table.selectRow(row)
            dialog.restore_button.click()

    QTimer.singleShot(0, act)


def test_restore_puts_the_register_back_as_the_backup_holds_it(
    qtbot: QtBot, register: Register, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    add_record(register, "ร้านก่อนสำรอง")
    backup = make_backup(register)
    add_record(register, "ร้านหลังสำรอง")
    db = Path(register.engine.url.database or "")
    questions: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        restore_dialog_module, "confirm", lambda _p, text, *_buttons: questions.append(text) or True
    )
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window = open_window(qtbot, register)

    pick_in_restore_dialog(0)
    window.restore_action.trigger()

    assert window.reopen_requested
    assert not window.isVisible()
    [question] = questions
    assert f"เมื่อ {when_text(backup.made_at)}" in question
    assert "มีผู้ประกอบการ 1 ราย ผลิตภัณฑ์ 1 รายการ" in question
    assert "r.sqlite3.before-restore-" in question
    assert window.restored is not None
    aside = window.restored.set_aside
    assert aside is not None and aside.is_file()
    assert told and str(aside) in told[0]
    assert warnings == []
    assert not lock_path(db).exists()
    with Register.open(db) as restored:
        assert names(restored) == ["ร้านก่อนสำรอง"]
    with Register.open(aside) as old:
        assert names(old) == ["ร้านก่อนสำรอง", "ร้านหลังสำรอง"]


def test_the_restore_dialog_lists_the_backups_with_what_they_hold(
    qtbot: QtBot, register: Register
) -> None:
    add_record(register, "ร้านผ้าฝ้ายป้าแก้ว")
    first = make_backup(register)
    make_old(first, 3)
    reg_no = add_record(register, "ร้านผ้าฝ้ายป้าแก้ว 2")
    second = make_backup(register, reason=CLOSING)
    db = Path(register.engine.url.database or "")
    dialog = RestoreDialog(register_id(register), db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    rows = [
        [dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
        for r in range(2)
    ]
    assert rows[0][:4] == [when_text(second.made_at), "อัตโนมัติเมื่อปิดโปรแกรม", "2", "2"]
    assert rows[0][4].endswith("KB")
    assert rows[0][5] == reg_no
    assert rows[1][:4] == [
        when_text(first.made_at - timedelta(days=3)),
        "สำรองเอง",
        "1",
        "1",
    ]
    assert dialog.note.text() == "ไฟล์สำรอง 2 ไฟล์ ทุกไฟล์ผ่านการตรวจแล้วเมื่อสำรอง"
    assert dialog.restore_button.isEnabled()


def test_a_failed_restore_leaves_the_register_open_as_it_was(
    qtbot: QtBot, register: Register, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    add_record(register, "ร้านก่อนสำรอง")
    make_backup(register)
    add_record(register, "ร้านหลังสำรอง")
    db = Path(register.engine.url.database or "")
    monkeypatch.setattr(restore_dialog_module, "confirm", lambda *_args: True)

    def failing(*_args: object) -> None:
        raise UserError("คัดลอกไฟล์สำรองไม่ได้", "Cannot copy the backup")

    monkeypatch.setattr(controller_module, "restore", failing)
    window = open_window(qtbot, register)
    pick_in_restore_dialog(0)
    window.restore_action.trigger()

    assert warnings == ["คัดลอกไฟล์สำรองไม่ได้"]
    assert not window.reopen_requested
    assert window.isVisible()
    assert lock_path(db).is_file()
    assert names(register) == ["ร้านก่อนสำรอง", "ร้านหลังสำรอง"]
    add_record(register, "ร้านหลังกู้คืนไม่สำเร็จ")  # the register is usable as before
    assert window.backups.changed_since_backup()


def test_a_backup_of_another_register_is_refused_before_anything_happens(
    qtbot: QtBot, register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with init_register(tmp_path / "other" / "o.sqlite3", OfficeKind.DISTRICT, "5001") as other:
        foreign = make_backup(other, tmp_path / "other")
    shown: list[str] = []
    monkeypatch.setattr(restore_dialog_module, "show_error", lambda _p, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(foreign.file), ""))
    window = open_window(qtbot, register)

    tries = iter(range(500))

    def close_dialog() -> None:  # once the refusal has been told
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RestoreDialog) and (shown or next(tries, None) is None):
            dialog.reject()
        else:
            QTimer.singleShot(20, close_dialog)

    pick_in_restore_dialog(choose_file=True)
    QTimer.singleShot(0, close_dialog)
    window.restore_action.trigger()

    [text] = shown
    assert text.startswith(f"{foreign.file} เป็นไฟล์สำรองของทะเบียนอื่น")
    assert not window.reopen_requested
    assert window.isVisible()


# --- a new PC ----------------------------------------------------------------------------


def test_the_first_run_restores_a_backup_on_a_new_pc(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    with init_register(tmp_path / "old-pc" / "r.sqlite3", OfficeKind.DISTRICT, "5013") as old:
        add_record(old, "ร้านผ้าฝ้ายป้าแก้ว")
        backup = make_backup(old, usb)
    db = tmp_path / "new-pc" / "otop-register.sqlite3"
    questions: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(backup.file), ""))
    monkeypatch.setattr(
        "ui.first_run.confirm", lambda _p, text, *_buttons: questions.append(text) or True
    )
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.restore_button.text() == "กู้คืนจากไฟล์สำรอง(&R)…"
    dialog.restore_button.click()

    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert dialog.register is not None
    with dialog.register as register:
        assert names(register) == ["ร้านผ้าฝ้ายป้าแก้ว"]
        assert Path(register.engine.url.database or "") == db
    [question] = questions
    assert "มีผู้ประกอบการ 1 ราย" in question
    assert str(db) in question


def test_the_first_run_refuses_a_damaged_backup(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    with init_register(tmp_path / "old-pc" / "r.sqlite3", OfficeKind.DISTRICT, "5013") as old:
        backup = make_backup(old, tmp_path)
    with backup.file.open("r+b") as file:  # changed after it was made
        file.seek(backup.size - 100)
        file.write(b"\x01")
    db = tmp_path / "new-pc" / "otop-register.sqlite3"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(backup.file), ""))
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.restore_button.click()
    [text] = warnings
    assert "sha256" in text
    assert dialog.register is None
    assert not db.exists()


# --- the check at start ------------------------------------------------------------------


def damaged_copy(register: Register, to: Path) -> Path:
    """A copy of the register whose index of received submissions (which nothing reads on
    opening a district register) has its page header overwritten: it opens, and fails
    quick_check."""
    source = Path(register.engine.url.database or "")
    with sqlite3.connect(source) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        [root] = conn.execute(
            "SELECT rootpage FROM sqlite_master "
            "WHERE name = 'ix_received_submissions_district_code_period'"
        ).fetchone()
    conn.close()
    to.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, to)
    with to.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\x00" * 8)
    return to


def test_a_register_that_fails_its_check_at_start_is_named_and_not_backed_up(
    qtbot: QtBot, register: Register, tmp_path: Path
) -> None:
    add_record(register, "ร้านผ้าฝ้ายป้าแก้ว")
    copy = damaged_copy(register, tmp_path / "damaged" / "r.sqlite3")
    with Register.open(copy) as damaged:
        window = open_window(qtbot, damaged)
        check = window.startup_check
        qtbot.waitUntil(lambda: check.box is not None and check.box.isVisible(), timeout=5000)
        box = check.box
        assert box is not None
        assert box.text().startswith("ทะเบียนไม่ผ่านการตรวจเมื่อเปิดโปรแกรม ไฟล์ทะเบียนเสียหาย")
        assert "กู้คืนจากไฟล์สำรอง" in box.text()
        assert "ไฟล์เสียหาย:" in box.informativeText()
        assert check.problems
        assert window.backups.suspended
        assert check.writes_refused == callable(getattr(damaged, "refuse_writes", None))
        if check.writes_refused:  # Register.refuse_writes: nothing more is written to it
            assert "โปรแกรมจะไม่บันทึกข้อมูลลงในทะเบียนนี้อีก" in box.text()
            with pytest.raises(UserError, match="failed its check"):
                add_record(damaged, "ร้านหลังตรวจพบความเสียหาย")
        [close] = [b for b in box.buttons() if b.text() == "ปิด"]
        close.click()
        assert window.close()
        assert backups_of(damaged) == []  # no automatic backup of a damaged register


def test_a_sound_register_passes_its_check_at_start_without_a_word(
    qtbot: QtBot, register: Register
) -> None:
    window = open_window(qtbot, register)
    check = window.startup_check
    qtbot.waitUntil(lambda: check.job is not None and not check.job.running, timeout=5000)
    assert check.problems == []
    assert check.box is None
    assert not window.backups.suspended


def test_moments_are_shown_in_be_in_the_computers_time_zone() -> None:
    moment = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    assert when_text(moment).startswith(moment.astimezone().strftime("%d/%m/") + "25")


def test_only_a_head_restores_on_a_register_with_accounts(
    qtbot: QtBot, register, monkeypatch
) -> None:
    from otop_desktop.accounts.service import add_account

    with register.write(system=True) as session:
        add_account(session, "somchai", "head", "head-pass-1")
    register.login("somchai", "head-pass-1")
    with register.write() as session:
        add_account(session, "kaew", "clerk", "clerk-pass-1")
    register.login("kaew", "clerk-pass-1")
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.main_window.show_user_error", lambda _parent, exc: shown.append(exc.message_en)
    )
    window = open_window(qtbot, register)
    window.restore_action.trigger()
    assert shown and "it takes a head" in shown[0]
    assert not window.reopen_requested
