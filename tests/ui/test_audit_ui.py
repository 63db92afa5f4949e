"""The audit trail screen: a model that reads a page at a time newest first (older pages as
the view scrolls), the columns in Thai with B.E. times, the filters by person, record, kind
of action and B.E. dates, the export to a workbook (asking before replacing a file), and a
record's history for its form. Real registers and real trails."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from otop_desktop.accounts import service
from otop_desktop.audit.query import AuditFilter, every
from otop_desktop.audit.record import note
from otop_desktop.database import Register
from otop_desktop.models import Entrepreneur
from otop_desktop.models.accounts import HEAD, VIEWER
from otop_desktop.thaiformat import format_be_date
from tests.conftest import add_record
from ui.audit import AuditPage, AuditTableModel, RecordHistoryDialog
from ui.audit import page as page_module
from ui.audit.texts import action_labels, action_text

BE_TIME = re.compile(r"^\d{2}/\d{2}/25\d{2} \d{2}:\d{2}:\d{2}$")


def fill_trail(register: Register, count: int, *, who: str = "somsri") -> None:
    """``count`` exports by ``who``, in one unit of work: R0000 … oldest first."""
    register.act_as_named(who)
    with register.write() as session:
        for i in range(count):
            note(session, "export", entity="file", record=f"R{i:04d}", detail={"file": f"f{i}"})
    register.logout()


def total(register: Register) -> int:
    with register.read() as session:
        return sum(1 for _ in every(session, AuditFilter()))


def shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()


def column(model: AuditTableModel, which: int) -> list[str]:
    return [model.index(r, which).data() for r in range(model.rowCount())]


@pytest.fixture
def audit_page(qtbot: QtBot, district_register: Register) -> AuditPage:
    page = AuditPage(district_register)
    page.resize(1000, 600)
    shown(qtbot, page)
    qtbot.waitUntil(lambda: page.choices_read)
    return page


def test_the_model_passes_the_model_tester(
    qtmodeltester: ModelTester, district_register: Register
) -> None:
    fill_trail(district_register, 450)
    model = AuditTableModel(district_register)
    model.set_filter(AuditFilter())
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    model.set_filter(AuditFilter(record="R0001"))
    qtmodeltester.check(model, force_py=True)


def test_pages_are_read_newest_first_a_page_at_a_time(district_register: Register) -> None:
    fill_trail(district_register, 450)
    entries = total(district_register)
    model = AuditTableModel(district_register)
    model.set_filter(AuditFilter())
    assert model.rowCount() == 200
    assert column(model, AuditTableModel.RECORD)[:2] == ["ไฟล์ R0449", "ไฟล์ R0448"]
    ids = [model.entry_id(r) for r in range(model.rowCount())]
    assert ids == sorted(ids, reverse=True)
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == entries
    assert model.complete
    ids = [model.entry_id(r) for r in range(model.rowCount())]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == entries


def test_older_entries_come_as_the_view_scrolls(qtbot: QtBot, district_register: Register) -> None:
    fill_trail(district_register, 450)
    page = AuditPage(district_register)
    page.resize(1000, 600)
    shown(qtbot, page)
    assert page.model.rowCount() == 200
    assert page.count.text() == "200 รายการล่าสุด เลื่อนลงเพื่อดูรายการก่อนหน้า"
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 400)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.complete)
    entries = total(district_register)
    assert page.model.rowCount() == entries
    assert page.count.text() == f"{entries} รายการ เรียงจากล่าสุด"


def test_the_columns_say_when_who_what_in_thai(
    qtbot: QtBot, district_register: Register, audit_page: AuditPage
) -> None:
    reg_no = add_record(district_register, "ร้านผ้าฝ้ายป้าแก้ว")
    district_register.act_as_named("somsri")
    with district_register.write() as session:
        found = session.query(Entrepreneur).one()
        found.name = "ร้านผ้าฝ้ายป้าแก้ว สาขา 2"
        found.phone = "0899999999"
    audit_page.refresh()
    model = audit_page.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "วันเวลา",
        "ผู้ทำรายการ",
        "รายการ",
        "เกี่ยวกับ",
        "รายละเอียด",
    ]
    when, who, action, record, what = (model.index(0, c).data() for c in range(5))
    assert BE_TIME.match(when)
    assert when.split()[0].endswith(str(date.today().year + 543))
    assert (who, action, record) == ("somsri", "แก้ไข", f"ผู้ประกอบการ {reg_no}")
    assert "name: ร้านผ้าฝ้ายป้าแก้ว → ร้านผ้าฝ้ายป้าแก้ว สาขา 2" in what
    assert "phone: changed" in what and "0899999999" not in what  # a keyed hash only
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == what
    assert "เพิ่ม" in column(model, AuditTableModel.ACTION)
    assert action_text("login_failed") == "เข้าสู่ระบบไม่สำเร็จ"
    assert action_text("submitted") == "ส่งจังหวัด"
    assert action_text("withdraw") == "ถอนแบบฟอร์มรายงานของอำเภอ"
    assert action_text("something_new") == "something_new"


def test_filters_by_person_action_record_and_dates(
    qtbot: QtBot, district_register: Register
) -> None:
    fill_trail(district_register, 30, who="somsri")
    add_record(district_register, "ร้านผ้าฝ้ายป้าแก้ว")
    page = AuditPage(district_register)
    shown(qtbot, page)
    qtbot.waitUntil(lambda: page.choices_read)
    people = [page.person.itemText(i) for i in range(page.person.count())]
    assert people[0] == "ทุกคน" and "somsri" in people
    kinds = [page.action.itemText(i) for i in range(page.action.count())]
    assert kinds[0] == "ทุกรายการ" and {"เพิ่ม", "ส่งออกไฟล์"} <= set(kinds)

    page.person.setCurrentIndex(page.person.findData("somsri"))
    assert page.model.rowCount() == 30
    assert set(column(page.model, AuditTableModel.WHO)) == {"somsri"}
    page.person.setCurrentIndex(0)
    page.action.setCurrentIndex(page.action.findData("create"))
    assert set(column(page.model, AuditTableModel.ACTION)) == {"เพิ่ม"}
    page.action.setCurrentIndex(0)

    qtbot.keyClicks(page.record, "R0007")
    qtbot.keyClick(page.record, Qt.Key.Key_Return)
    assert column(page.model, AuditTableModel.RECORD) == ["ไฟล์ R0007"]
    page.record.clear()
    qtbot.keyClick(page.record, Qt.Key.Key_Return)

    everything = page.model.rowCount()
    today = date.today()
    page.since.setDate(today)
    assert page.model.rowCount() == everything
    qtbot.keyClicks(page.until.line_edit, format_be_date(today - timedelta(days=1)))
    qtbot.keyClick(page.until.line_edit, Qt.Key.Key_Return)
    assert page.filter_message.text() == "วันที่เริ่มต้นอยู่หลังวันที่สิ้นสุด"
    assert page.model.rowCount() == everything  # the list stays as it was
    page.since.setDate(today - timedelta(days=30))
    assert page.model.rowCount() == 0
    assert page.count.text() == "ไม่มีรายการตรงกับตัวกรอง"
    page.clear_filters()
    assert page.model.rowCount() == everything
    assert page.current_filter() == AuditFilter()


def test_the_filtered_trail_is_exported_asking_before_a_file_is_replaced(
    qtbot: QtBot,
    tmp_path: Path,
    district_register: Register,
    audit_page: AuditPage,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill_trail(district_register, 25)
    audit_page.record.setText("R0003")
    audit_page.apply_filters()
    out = tmp_path / "trail"  # .xlsx is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(out), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    with qtbot.waitSignal(audit_page.exported, timeout=10_000) as exported:
        audit_page.export_button.click()
    written = out.with_name("trail.xlsx")
    assert exported.args[0].path == written and exported.args[0].rows == 1
    assert told == [f"บันทึก 1 รายการลงในไฟล์ {written} แล้ว"]
    sheet = load_workbook(written).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("ลำดับ", "วันเวลา", "ผู้ทำรายการ", "รายการ")
    assert [r[5] for r in rows[1:]] == ["R0003"]

    asked: list[str] = []

    def keep(_parent: QWidget, text: str, _go: str, _back: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(page_module, "confirm", keep)
    audit_page.record.setText("")
    audit_page.apply_filters()
    audit_page.export_button.click()
    assert asked == [f"มีไฟล์ {written} อยู่แล้ว จะเขียนทับหรือไม่"]
    assert len(list(load_workbook(written).active.iter_rows())) == 2  # kept as it was

    monkeypatch.setattr(page_module, "confirm", lambda *_args: True)
    with qtbot.waitSignal(audit_page.exported, timeout=10_000) as exported:
        audit_page.export_button.click()
    assert exported.args[0].rows > 25
    assert len(list(load_workbook(written).active.iter_rows())) == exported.args[0].rows + 1
    assert audit_page.model.index(0, AuditTableModel.ACTION).data() == "ส่งออกไฟล์"


def test_a_viewers_export_is_refused(
    qtbot: QtBot,
    tmp_path: Path,
    district_register: Register,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with district_register.write(system=True) as session:
        service.add_account(session, "somchai", HEAD, "head-password-1")
    district_register.login("somchai", "head-password-1")
    with district_register.write() as session:
        service.add_account(session, "malee", VIEWER, "viewer-password")
    district_register.login("malee", "viewer-password")
    page = AuditPage(district_register)
    shown(qtbot, page)
    assert page.model.rowCount() > 0  # a viewer reads the trail
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args: (str(tmp_path / "t.xlsx"), "")
    )
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert "ผู้ดูข้อมูล" in warned[0]
    assert not (tmp_path / "t.xlsx").exists()


def test_a_records_history_lists_only_that_record(
    qtbot: QtBot, district_register: Register
) -> None:
    reg_no = add_record(district_register, "ร้านผ้าฝ้ายป้าแก้ว")
    add_record(district_register, "ร้านจักสานลุงคำ")
    with district_register.write() as session:
        found = session.query(Entrepreneur).filter_by(reg_no=reg_no).one()
        found.name = "ร้านผ้าฝ้ายป้าแก้ว สาขา 2"
    dialog = RecordHistoryDialog(district_register, reg_no)
    shown(qtbot, dialog)
    assert dialog.windowTitle() == f"ประวัติของ {reg_no}"
    assert column(dialog.model, AuditTableModel.ACTION) == ["แก้ไข", "เพิ่ม"]
    assert set(column(dialog.model, AuditTableModel.RECORD)) == {f"ผู้ประกอบการ {reg_no}"}
    assert dialog.table.isColumnHidden(AuditTableModel.RECORD)
    assert dialog.empty.isHidden()

    nothing = RecordHistoryDialog(district_register, "5013-2567-9999")
    shown(qtbot, nothing)
    assert nothing.model.rowCount() == 0
    assert nothing.empty.text() == "ยังไม่มีบันทึกเกี่ยวกับ 5013-2567-9999"


def test_every_action_the_core_records_has_a_label() -> None:
    """Each name given to audit.record.note/bulk in the core is shown in words, not raw."""
    root = Path(__file__).resolve().parents[2] / "otop_desktop"
    recorded = set()
    for source in root.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        recorded |= set(re.findall(r"\b(?:note|bulk)\(\s*session,\s*\"([a-z_]+)\"", text))
    assert recorded, "the pattern no longer finds the recorded actions"
    assert sorted(recorded - set(action_labels())) == []
