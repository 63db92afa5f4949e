"""The submission page driven as a clerk would: the district sends its month (a real .xlsx)
and unlocks it, the province imports the districts' workbooks, reads what was refused and
why, and sees the month ticked in its completeness grid. File and reason dialogs are the
only things answered for the clerk."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from otop_desktop.database import Register
from otop_desktop.demo import generate
from otop_desktop.domain import OfficeKind
from otop_desktop.models import Entrepreneur
from otop_desktop.services.locks import MonthState, PeriodLockedError
from otop_desktop.services.office import init_register
from otop_desktop.services.sales import SaleInput, set_month_sales
from otop_desktop.submission import spec
from otop_desktop.submission.export import export_monthly
from otop_desktop.thaiformat import Period
from ui.submission import SubmissionPage
from ui.submission import widgets as submission_widgets
from ui.submission.district import DistrictPanel
from ui.submission.models import SENT_MARK, CompletenessModel, PastExportsModel
from ui.submission.province import ProvincePanel
from ui.submission.results import results_text

TODAY = date(2026, 7, 15)  # the last complete month is มิถุนายน 2569
JUNE = Period(2569, 6)
MAY = Period(2569, 5)


@pytest.fixture
def filled(district_register: Register) -> Register:
    generate(district_register, "district", until=JUNE)
    return district_register


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Register]:
    with init_register(tmp_path / "province.sqlite3", OfficeKind.PROVINCE, "50") as register:
        yield register


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warning(_parent: QWidget | None, _title: str, text: str, *_args: Any) -> None:
        shown.append(text)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def district_page(qtbot: QtBot, register: Register) -> tuple[SubmissionPage, DistrictPanel]:
    """The page (kept by the caller: the panel lives as long as it) and its district side."""
    page = SubmissionPage(register, today=TODAY)
    qtbot.addWidget(page)
    assert isinstance(page.panel, DistrictPanel)
    return page, page.panel


def province_page(qtbot: QtBot, register: Register) -> tuple[SubmissionPage, ProvincePanel]:
    page = SubmissionPage(register, today=TODAY)
    qtbot.addWidget(page)
    assert isinstance(page.panel, ProvincePanel)
    return page, page.panel


def save_to(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """Answers the save dialog with the name it offers, in ``folder``; returns the offers."""
    offered: list[str] = []

    def get_save_file_name(
        _parent: QWidget, _title: str, suggested: str, _filter: str, *_options: object
    ) -> Any:
        offered.append(Path(suggested).name)
        return str(folder / Path(suggested).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return offered


def test_district_export_writes_the_workbook_and_shows_the_month_sent(
    qtbot: QtBot, filled: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _page, panel = district_page(qtbot, filled)
    assert panel.picker.period() == JUNE
    assert panel.state_label.text() == "มิถุนายน 2569: ยังไม่ได้ส่งจังหวัด"
    assert not panel.unlock_button.isEnabled()
    assert panel.exports.empty.isVisibleTo(panel)

    offered = save_to(monkeypatch, tmp_path)
    panel.export_button.click()

    assert offered == ["OTOP-5013-256906.xlsx"]
    workbook = openpyxl.load_workbook(tmp_path / "OTOP-5013-256906.xlsx", read_only=True)
    assert workbook.sheetnames == list(spec.SHEET_NAMES)
    workbook.close()
    assert panel.state is not None and panel.state.state is MonthState.SUBMITTED
    assert panel.state_label.text().startswith("มิถุนายน 2569: ส่งจังหวัดแล้วเมื่อ ")
    assert panel.state_label.text().endswith(" ไฟล์ OTOP-5013-256906.xlsx")
    assert panel.unlock_button.isEnabled()
    assert panel.export_button.text() == "ส่งออกแบบฟอร์มของเดือนอีกครั้ง…"
    assert panel.summary.isVisibleTo(panel)
    assert str(tmp_path / "OTOP-5013-256906.xlsx") in panel.summary.file_label.text()
    assert "ผู้ประกอบการ: 186;" in panel.summary.counts_label.text()
    assert panel.summary.total_label.text().endswith(" บาท")
    model = panel.exports.model
    assert model.rowCount() == 1
    assert model.index(0, 2).data() == "มิถุนายน 2569"
    assert model.index(0, 4).data() == "OTOP-5013-256906.xlsx"

    # Another month has its own state.
    panel.picker.set_period(MAY)
    panel.picker.changed.emit()
    assert panel.state_label.text() == "พฤษภาคม 2569: ยังไม่ได้ส่งจังหวัด"
    assert not panel.unlock_button.isEnabled()


def test_a_sent_month_refuses_changes_until_unlocked_with_a_reason(
    qtbot: QtBot,
    filled: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings_shown: list[str],
) -> None:
    _page, panel = district_page(qtbot, filled)
    save_to(monkeypatch, tmp_path)
    panel.export_button.click()
    with filled.read() as session:
        entrepreneur_id = session.scalars(select(func.min(Entrepreneur.id))).one()
    change = SaleInput(amount=Decimal("1234.50"))
    with pytest.raises(PeriodLockedError), filled.write() as session:
        set_month_sales(session, entrepreneur_id, JUNE, whole=change)

    answers = iter([("   ", True), ("", False), ("ยอดของร้านป้าแก้วกรอกผิด", True)])
    asked: list[str] = []

    def get_text(_parent: QWidget, title: str, _label: str, *_args: Any) -> tuple[str, bool]:
        asked.append(title)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    panel.unlock_button.click()  # a blank reason is refused
    assert warnings_shown == ["กรุณากรอกเหตุผลที่ปลดล็อก"]
    assert panel.state is not None and panel.state.locked
    panel.unlock_button.click()  # the clerk thinks again
    assert panel.state.locked
    panel.unlock_button.click()

    assert asked == ["ปลดล็อกเดือนมิถุนายน 2569"] * 3
    assert panel.state.state is MonthState.UNLOCKED
    assert "(เหตุผล: ยอดของร้านป้าแก้วกรอกผิด)" in panel.state_label.text()
    assert panel.state_label.text().endswith("ต้องส่งเดือนนี้ให้จังหวัดใหม่")
    assert not panel.unlock_button.isEnabled()
    assert panel.export_button.text() == "ส่งออกแบบฟอร์มของเดือน…"
    with filled.write() as session:
        set_month_sales(session, entrepreneur_id, JUNE, whole=change)


def test_an_export_the_core_refuses_is_told_in_thai(
    qtbot: QtBot,
    filled: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings_shown: list[str],
) -> None:
    _page, panel = district_page(qtbot, filled)
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("", encoding="utf-8")
    save_to(monkeypatch, blocker)
    panel.export_button.click()
    assert len(warnings_shown) == 1
    assert warnings_shown[0].startswith(f"เขียนไฟล์ {blocker} ไม่ได้: ")
    assert "Traceback" not in warnings_shown[0]
    assert panel.state is not None and panel.state.state is MonthState.OPEN


def district_workbooks(register: Register, folder: Path) -> list[Path]:
    generate(register, "district", until=JUNE)
    return [r.path for p in (MAY, JUNE) for r in export_monthly(register, p, folder)]


def choose_files(monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *_args: ([str(p) for p in paths], ""),
    )


def test_province_imports_workbooks_lists_the_refused_and_ticks_the_grid(
    qtbot: QtBot,
    district_register: Register,
    province: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    may, june = district_workbooks(district_register, tmp_path)
    edited = tmp_path / "OTOP-5013-256906-edited.xlsx"
    workbook = openpyxl.load_workbook(june)
    workbook["ยอดจำหน่าย"]["D3"] = "สามพัน"
    workbook.save(edited)
    not_a_workbook = tmp_path / "notes.xlsx"
    not_a_workbook.write_text("hello", encoding="utf-8")

    _page, panel = province_page(qtbot, province)
    grid = panel.grid_model
    assert grid.rowCount() == 25
    assert grid.columnCount() == 12
    assert grid.headerData(0, Qt.Orientation.Horizontal) == "ต.ค. 68"
    assert grid.headerData(11, Qt.Orientation.Horizontal) == "ก.ย. 69"
    row = next(
        r
        for r in range(grid.rowCount())
        if grid.headerData(r, Qt.Orientation.Vertical) == "สันกำแพง"
    )
    june_column, july_column = 8, 9
    assert grid.index(row, june_column).data() == "–"
    assert grid.index(row, july_column).data() == ""  # not due yet
    assert panel.grid_note.text().startswith("มิถุนายน 2569: ส่งแบบฟอร์มแล้ว 0 จาก 25 อำเภอ")

    choose_files(monkeypatch, [may, edited, june, not_a_workbook])
    panel.import_button.click()

    results = panel.results
    assert panel.tabs.currentWidget() is results
    assert results.summary.text() == "รับ 2 จาก 4 ไฟล์ ไม่รับ 2 ไฟล์"
    tree = results.tree
    assert tree.topLevelItemCount() == 4
    rows = [[tree.topLevelItem(i).text(c) for c in range(4)] for i in range(4)]
    assert rows == [
        ["OTOP-5013-256905.xlsx", "รับแล้ว", "สันกำแพง (5013)", "พฤษภาคม 2569"],
        ["OTOP-5013-256906-edited.xlsx", "ไม่รับ", "", ""],
        ["OTOP-5013-256906.xlsx", "รับแล้ว", "สันกำแพง (5013)", "มิถุนายน 2569"],
        ["notes.xlsx", "ไม่รับ", "", ""],
    ]
    refused = tree.topLevelItem(1)
    assert refused.isExpanded()
    reasons = [refused.child(i).text(0) for i in range(refused.childCount())]
    assert any(r.startswith("✗ ชีต “ยอดจำหน่าย” แถว 3 คอลัมน์ D (ยอดจำหน่าย (บาท)): ") for r in reasons)
    assert tree.topLevelItem(3).child(0).text(0).startswith("✗ notes.xlsx: ไม่ใช่ไฟล์ Excel (.xlsx)")

    assert grid.index(row, june_column).data() == SENT_MARK
    assert grid.index(row, june_column - 1).data() == SENT_MARK
    tip = grid.index(row, june_column).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("สันกำแพง (5013) มิถุนายน 2569: ส่งแล้ว\nไฟล์: OTOP-5013-256906.xlsx\n")
    assert panel.grid_note.text().startswith("มิถุนายน 2569: ส่งแบบฟอร์มแล้ว 1 จาก 25 อำเภอ")

    # The list goes to the clipboard and to a text file as it reads on screen.
    text = results_text(results.results)
    assert "OTOP-5013-256906-edited.xlsx — ไม่รับ" in text
    assert "    ✗ ชีต “ยอดจำหน่าย” แถว 3 คอลัมน์ D (ยอดจำหน่าย (บาท)): " in text
    results.copy_button.click()
    assert QApplication.clipboard().text() == text
    out = tmp_path / "results.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(out), ""))
    results.save_button.click()
    assert out.read_text(encoding="utf-8-sig") == text


def test_province_exports_its_workbook_and_every_districts(
    qtbot: QtBot,
    district_register: Register,
    province: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose_files(monkeypatch, district_workbooks(district_register, tmp_path / "in"))
    _page, panel = province_page(qtbot, province)
    panel.import_button.click()

    out = tmp_path / "out"
    out.mkdir()
    offered = save_to(monkeypatch, out)
    panel.province_button.click()
    assert offered == ["OTOP-50-256906.xlsx"]
    assert (out / "OTOP-50-256906.xlsx").is_file()
    assert panel.tabs.currentWidget() is panel.exports_tab
    assert "อำเภอที่มีข้อมูล: 1;" in panel.summary.counts_label.text()

    every = tmp_path / "every"
    every.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(every))
    panel.districts_button.click()
    assert len(list(every.glob("OTOP-50??-256906.xlsx"))) == 25
    assert panel.summary.file_label.text() == f"แบบฟอร์ม 25 ไฟล์ ใน {every}"
    assert panel.exports.model.rowCount() == 26
    assert panel.exports.model.index(0, 1).data() == "แบบฟอร์มรายเดือนของอำเภอ"
    assert panel.exports.model.index(25, 1).data() == "แบบฟอร์มรวมของจังหวัด"
    assert panel.exports.model.index(25, 3).data() == "ทุกอำเภอ"


def asked_to_replace(monkeypatch: pytest.MonkeyPatch, answer: list[bool]) -> list[str]:
    """Answers the question before replacing files with ``answer[0]``; returns the texts."""
    asked: list[str] = []

    def confirm(_parent: QWidget, text: str, go: str, back: str) -> bool:
        asked.append(f"{text} [{go}/{back}]")
        return answer[0]

    monkeypatch.setattr(submission_widgets, "confirm", confirm)
    return asked


def test_a_district_export_replaces_a_file_only_when_the_clerk_agreed(
    qtbot: QtBot,
    filled: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings_shown: list[str],
) -> None:
    _page, panel = district_page(qtbot, filled)
    answer = [False]
    asked = asked_to_replace(monkeypatch, answer)
    target = tmp_path / "OTOP-5013-256906.xlsx"
    target.write_bytes(b"sent last time")
    # Picked in the save dialog, which asked already: replaced without a second question.
    save_to(monkeypatch, tmp_path)
    panel.export_button.click()
    assert asked == [] and warnings_shown == []
    assert target.read_bytes().startswith(b"PK")

    # Typed without ".xlsx": asked here.
    target.write_bytes(b"sent last time")
    typed = tmp_path / "OTOP-5013-256906"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(typed), ""))
    panel.export_button.click()
    assert asked == [f"มีไฟล์ {target} อยู่แล้ว ต้องการแทนที่หรือไม่ [แทนที่/เก็บไฟล์เดิมไว้]"]
    assert target.read_bytes() == b"sent last time"
    answer[0] = True
    panel.export_button.click()
    assert target.read_bytes().startswith(b"PK") and warnings_shown == []
    assert panel.exports.model.rowCount() == 2


def test_every_district_s_workbooks_replace_old_ones_only_when_the_clerk_agreed(
    qtbot: QtBot,
    province: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings_shown: list[str],
) -> None:
    _page, panel = province_page(qtbot, province)
    answer = [False]
    asked = asked_to_replace(monkeypatch, answer)
    every = tmp_path / "every"
    every.mkdir()
    old = every / "OTOP-5013-256906.xlsx"
    old.write_bytes(b"sent last time")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(every))
    panel.districts_button.click()
    assert asked == [f"มีไฟล์ {old} อยู่แล้ว ต้องการแทนที่หรือไม่ [แทนที่/เก็บไฟล์เดิมไว้]"]
    assert list(every.iterdir()) == [old] and old.read_bytes() == b"sent last time"
    answer[0] = True
    panel.districts_button.click()
    assert len(list(every.glob("OTOP-50??-256906.xlsx"))) == 25
    assert old.read_bytes().startswith(b"PK") and warnings_shown == []
    asked.clear()
    panel.districts_button.click()
    assert asked == [f"ใน {every} มีแบบฟอร์มเหล่านี้อยู่แล้ว 25 ไฟล์ ต้องการแทนที่หรือไม่ [แทนที่/เก็บไฟล์เดิมไว้]"]


def test_the_fiscal_year_can_be_changed(qtbot: QtBot, province: Register) -> None:
    # In October the new fiscal year can be chosen, though none of its months is due yet.
    page = SubmissionPage(province, today=date(2026, 10, 15))
    qtbot.addWidget(page)
    panel = page.panel
    assert isinstance(panel, ProvincePanel)
    assert panel.year_spin.value() == 2569
    assert panel.grid_model.index(0, 11).data() == "–"
    panel.year_spin.setValue(2570)
    assert panel.grid_model.headerData(0, Qt.Orientation.Horizontal) == "ต.ค. 69"
    assert panel.grid_model.index(0, 0).data() == ""
    assert panel.grid_note.text() == "ยังไม่มีเดือนใดของปีงบประมาณนี้ถึงกำหนดส่ง"
    panel.year_spin.setValue(2571)  # no further
    assert panel.year_spin.value() == 2570


@pytest.fixture
def pages(
    qtbot: QtBot,
    district_register: Register,
    province: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[SubmissionPage, SubmissionPage]:
    """A district page with two exports, and a province page that imported them. From a
    fixture, so that they outlive the model tester's checks at the end of the test."""
    choose_files(monkeypatch, district_workbooks(district_register, tmp_path))
    district, _ = district_page(qtbot, district_register)
    province_side, panel = province_page(qtbot, province)
    panel.import_button.click()
    return district, province_side


def test_the_models_keep_qts_rules(
    pages: tuple[SubmissionPage, SubmissionPage], qtmodeltester: ModelTester
) -> None:
    district, province_side = pages
    assert isinstance(province_side.panel, ProvincePanel)
    grid: CompletenessModel = province_side.panel.grid_model
    assert grid.index(12, 8).data() == SENT_MARK
    qtmodeltester.check(grid, force_py=True)
    qtmodeltester.check(grid)
    assert isinstance(district.panel, DistrictPanel)
    exports: PastExportsModel = district.panel.exports.model
    assert exports.rowCount() == 2
    qtmodeltester.check(exports, force_py=True)
    qtmodeltester.check(exports)


def test_a_national_register_neither_sends_nor_receives(qtbot: QtBot, tmp_path: Path) -> None:
    with init_register(tmp_path / "nation.sqlite3", OfficeKind.NATION) as register:
        page = SubmissionPage(register, today=TODAY)
        qtbot.addWidget(page)
        assert page.panel is None


def test_an_old_spreadsheet_is_imported_with_the_legacy_wizard(
    qtbot: QtBot, district_register: Register
) -> None:
    _page, panel = district_page(qtbot, district_register)
    opened: list[QWidget] = []

    def close_it() -> None:
        wizard = QApplication.activeModalWidget()
        assert wizard is not None
        opened.append(wizard)
        wizard.close()

    QTimer.singleShot(0, close_it)
    panel.legacy_button.click()
    assert [type(w).__name__ for w in opened] == ["LegacyImportWizard"]


def test_a_cancelled_import_keeps_the_files_read_and_says_how_many_were_not(
    qtbot: QtBot,
    district_register: Register,
    province: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = district_workbooks(district_register, tmp_path)
    choose_files(monkeypatch, [*files, *files])
    _page, panel = province_page(qtbot, province)

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QProgressDialog)
        dialog.findChild(QPushButton).click()

    QTimer.singleShot(0, cancel)
    panel.import_button.click()
    read = panel.results.tree.topLevelItemCount()
    assert read < 4
    assert panel.results.summary.text().endswith(f"ยกเลิกแล้ว: ยังไม่ได้อ่าน {4 - read} ไฟล์")
    accepted = sum(panel.grid_model.index(12, c).data() == SENT_MARK for c in range(12))
    assert accepted == min(read, 2)


def answer_box(button_text: str) -> list[str]:
    """Clicks ``button_text`` in the next message box once it shows; returns its text."""
    asked: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)
    return asked


def test_a_head_withdraws_a_workbook_from_the_grid_after_saying_so(
    qtbot: QtBot,
    district_register: Register,
    province: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose_files(monkeypatch, district_workbooks(district_register, tmp_path))
    _page, panel = province_page(qtbot, province)
    panel.import_button.click()
    grid = panel.grid_model
    row = next(
        r
        for r in range(grid.rowCount())
        if grid.headerData(r, Qt.Orientation.Vertical) == "สันกำแพง"
    )
    june_column = 8
    panel.grid.setCurrentIndex(grid.index(row, june_column + 1))  # July: nothing to withdraw
    assert not panel.withdraw_button.isEnabled()
    panel.grid.setCurrentIndex(grid.index(row, june_column))
    assert panel.withdraw_button.isEnabled()

    asked = answer_box("ไม่ถอน")
    panel.withdraw_button.click()
    assert asked[0].startswith("ถอน OTOP-5013-256906.xlsx แบบฟอร์มของสันกำแพง (5013) งวด มิถุนายน 2569")
    assert grid.index(row, june_column).data() == SENT_MARK

    answer_box("ถอน")
    panel.withdraw_button.click()
    assert grid.index(row, june_column).data() == "–"
    assert grid.index(row, june_column - 1).data() == SENT_MARK
    with province.read() as session:
        assert session.scalar(select(func.count()).select_from(Entrepreneur))

    # May is the district's newest now, and can go too; then nothing is left.
    panel.grid.setCurrentIndex(grid.index(row, june_column - 1))
    answer_box("ถอน")
    panel.withdraw_button.click()
    assert grid.index(row, june_column - 1).data() == "–"
    with province.read() as session:
        assert not session.scalar(select(func.count()).select_from(Entrepreneur))


def test_the_reasons_of_the_refused_files_are_saved_as_workbooks(
    qtbot: QtBot,
    district_register: Register,
    province: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    may, june = district_workbooks(district_register, tmp_path)
    edited = tmp_path / "OTOP-5013-256906-edited.xlsx"
    workbook = openpyxl.load_workbook(june)
    workbook["ยอดจำหน่าย"]["D3"] = "สามพัน"
    workbook.save(edited)
    choose_files(monkeypatch, [may, edited])
    _page, panel = province_page(qtbot, province)
    results = panel.results
    assert not results.reasons_button.isEnabled()
    panel.import_button.click()
    assert results.reasons_button.isEnabled()
    out = tmp_path / "reasons"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(out))
    results.reasons_button.click()
    saved = out / "OTOP-5013-256906-edited-reasons.xlsx"
    book = openpyxl.load_workbook(saved, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert rows[1][:4] == ("OTOP-5013-256906-edited.xlsx", "ยอดจำหน่าย", 3, "D (ยอดจำหน่าย (บาท))")
    assert "บันทึกเหตุผลแล้ว 1 ไฟล์" in results.summary.text()
    # Saved again: asked before the file is replaced, and kept when the clerk says so.
    before = saved.read_bytes()
    asked = answer_box("เก็บไฟล์เดิมไว้")
    results.reasons_button.click()
    assert asked and saved.read_bytes() == before


def test_each_files_result_is_listed_as_it_comes(
    qtbot: QtBot,
    district_register: Register,
    province: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = district_workbooks(district_register, tmp_path)
    choose_files(monkeypatch, files)
    _page, panel = province_page(qtbot, province)
    seen: list[int] = []

    def note_rows(_done: int, _total: int) -> None:
        # While the import runs: the rows of the files already done are on the list.
        seen.append(panel.results.tree.topLevelItemCount())

    from ui import jobs

    original = jobs.Job.__init__

    def watched(self: jobs.Job[Any], work: Any, parent: Any = None) -> None:
        original(self, work, parent)
        self.progressed.connect(note_rows)

    monkeypatch.setattr(jobs.Job, "__init__", watched)
    panel.import_button.click()
    assert panel.results.tree.topLevelItemCount() == 2
    assert seen and max(seen) >= 1
