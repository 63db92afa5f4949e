"""The wizard that imports a clerk's old spreadsheet: choose the file, confirm the columns,
look over the rows with their problems, import all or nothing, see the numbers given."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from otop_desktop.database import Register
from otop_desktop.legacy import ImportResult
from otop_desktop.models import Entrepreneur
from otop_desktop.services.entrepreneurs import create_entrepreneur
from tests.conftest import person
from tests.data.legacy.files import ID_A, ID_B, good_rows, write_xlsx
from ui.legacy.preview_model import ERROR_BACKGROUND, INCOMPLETE_BACKGROUND
from ui.legacy.wizard import LegacyImportWizard


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    return shown


@pytest.fixture
def wizard(qtbot: QtBot, district_register: Register) -> LegacyImportWizard:
    w = LegacyImportWizard(district_register)
    qtbot.addWidget(w)
    w.show()
    return w


def producers(register: Register) -> int:
    with register.read() as session:
        return session.scalar(select(func.count()).select_from(Entrepreneur)) or 0


def to_preview(wizard: LegacyImportWizard, path: Path) -> None:
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page


def test_a_clean_file_all_the_way_through(
    qtbot: QtBot, wizard: LegacyImportWizard, district_register: Register, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "old.xlsx", good_rows())
    assert not wizard.file_page.isComplete()
    wizard.file_page.path_edit.setText(str(path))
    assert wizard.file_page.isComplete()
    wizard.next()
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    # The suggested columns are chosen; every heading of the file is offered.
    assert page.combos["national_id"].currentText() == "เลขบัตรประชาชน"
    assert page.combos["price"].currentText() == "ราคา (บาท)"
    assert page.combos["contact_name"].count() == 1 + 16
    assert "ใจดี" in page._examples["contact_name"].text()

    wizard.next()
    preview = wizard.preview_page
    assert wizard.currentPage() is preview
    assert preview.model.rowCount() == 4
    assert preview.isComplete()
    assert "4 แถว" in preview.summary.text()
    assert preview.model.index(0, 1).data() == "ถูกต้อง"

    received: list[ImportResult] = []
    wizard.imported.connect(received.append)
    wizard.next()
    assert wizard.currentPage() is wizard.result_page
    assert producers(district_register) == 3
    assert len(received) == 1 and received[0].product_count == 4
    assert "แถว 5: 5013-2566-0001 กลุ่มทอผ้าบ้านป่าตาล  (สก.001/2550)" in (
        wizard.result_page.numbers.toPlainText()
    )


def test_rows_with_problems_are_shown_and_block_the_import(
    wizard: LegacyImportWizard, district_register: Register, tmp_path: Path
) -> None:
    rows = good_rows()
    rows[2][3] = ID_B[:12] + str((int(ID_B[12]) + 1) % 10)  # a wrong check digit
    path = write_xlsx(tmp_path / "old.xlsx", rows)
    to_preview(wizard, path)
    page = wizard.preview_page
    assert not page.isComplete()
    assert "1 แถวที่มีปัญหา" in page.summary.text()
    model = page.model
    row = [model.row_at(r).number for r in range(model.rowCount())].index(7)
    id_column = [model.field_at(c) for c in range(model.columnCount())].index("national_id")
    cell = model.index(row, id_column)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == ERROR_BACKGROUND
    assert "ไม่ถูกต้อง" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, 1).data() == "1 ปัญหา"
    assert model.headerData(id_column, Qt.Orientation.Horizontal) == "เลขประจำตัว"
    assert "ไม่ถูกต้อง" in model.index(row, model.problems_column).data()

    page.problems_only.setChecked(True)
    assert model.rowCount() == 1 and model.row_at(0).number == 7

    # The clerk corrects the file in Excel and checks again.
    write_xlsx(path, good_rows())
    page.recheck.click()
    assert page.isComplete()
    assert model.rowCount() == 4
    assert not page.problems_only.isChecked()


def test_the_preview_model_passes_the_model_tester(
    qtmodeltester: ModelTester, wizard: LegacyImportWizard, tmp_path: Path
) -> None:
    rows = good_rows()
    rows[0][12] = "abc"
    to_preview(wizard, write_xlsx(tmp_path / "old.xlsx", rows))
    model = wizard.preview_page.model
    assert model.rowCount() == 4
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    model.set_problems_only(True)
    qtmodeltester.check(model, force_py=True)


def test_changing_a_column_in_the_mapping_step(
    wizard: LegacyImportWizard, district_register: Register, tmp_path: Path
) -> None:
    wizard.file_page.path_edit.setText(str(write_xlsx(tmp_path / "old.xlsx", good_rows())))
    wizard.next()
    combos = wizard.mapping_page.combos
    combos["phone"].setCurrentIndex(0)  # not in the file
    wizard.next()
    assert "phone" not in wizard.mapping
    wizard.next()
    with district_register.read() as session:
        assert set(session.scalars(select(Entrepreneur.phone))) == {""}


def test_an_address_column_fills_the_parts_the_file_has_no_column_for(
    wizard: LegacyImportWizard, tmp_path: Path
) -> None:
    path = tmp_path / "addresses.csv"
    path.write_text(
        f"ชื่อผู้ประกอบการ,เลขบัตรประชาชน,ประเภท,ที่อยู่,หมู่\n"
        f"ร้านหนึ่ง,{ID_B},2,12/3 หมู่ 4 ต.ทรายมูล อ.สันกำแพง,5\n",
        encoding="utf-8",
    )
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    page = wizard.mapping_page
    assert page.combos["address"].currentText() == "ที่อยู่"
    assert page._examples["house_no"].text() == "แยกจากที่อยู่ (“ที่อยู่”)"
    assert page._examples["moo"].text() == "เช่น 5"  # its own column wins
    page.combos["address"].setCurrentIndex(0)
    assert page._examples["house_no"].text() == ""
    page.combos["address"].setCurrentIndex(page.combos["address"].findData("ที่อยู่"))
    wizard.next()
    model = wizard.preview_page.model
    shown = {
        model.headerData(c, Qt.Orientation.Horizontal): model.index(0, c).data()
        for c in range(model.columnCount())
    }
    assert shown["บ้านเลขที่"] == "12/3"
    assert shown["หมู่ที่"] == "5"
    assert shown["ตำบล"] == "501302 ทรายมูล"
    house = next(c for c in range(model.columnCount()) if model.field_at(c) == "house_no")
    tip = model.headerData(house, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "คอลัมน์ “ที่อยู่” ในไฟล์"


def test_a_closed_business_without_its_reason_is_marked_at_its_status(
    wizard: LegacyImportWizard, tmp_path: Path
) -> None:
    path = tmp_path / "status.csv"
    path.write_text(
        f"ชื่อผู้ประกอบการ,เลขบัตรประชาชน,ประเภท,บ้านเลขที่,ตำบล,สถานะ\n"
        f"ร้านหนึ่ง,{ID_B},2,1,ทรายมูล,เลิกกิจการ\n",
        encoding="utf-8",
    )
    to_preview(wizard, path)
    model = wizard.preview_page.model
    status = next(c for c in range(model.columnCount()) if model.field_at(c) == "status")
    cell = model.index(0, status)
    assert cell.data() == "เลิกกิจการ"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == ERROR_BACKGROUND
    assert "กรุณาระบุเหตุผลที่หยุดหรือเลิกกิจการ" in cell.data(Qt.ItemDataRole.ToolTipRole)
    name = next(c for c in range(model.columnCount()) if model.field_at(c) == "name")
    assert model.index(0, name).data(Qt.ItemDataRole.BackgroundRole) is None


def test_one_column_for_two_fields_is_refused(
    wizard: LegacyImportWizard, tmp_path: Path, warnings: list[str]
) -> None:
    wizard.file_page.path_edit.setText(str(write_xlsx(tmp_path / "old.xlsx", good_rows())))
    wizard.next()
    combos = wizard.mapping_page.combos
    combos["contact_name"].setCurrentIndex(combos["contact_name"].findData("ชื่อกลุ่ม/ผู้ประกอบการ"))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert "มากกว่าหนึ่งช่องข้อมูล" in warnings[0]


def test_an_unreadable_file_stays_on_the_first_step(
    wizard: LegacyImportWizard, tmp_path: Path, warnings: list[str]
) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    wizard.file_page.path_edit.setText(str(bad))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "broken.xlsx" in warnings[0]


def test_a_producer_registered_since_the_check_stops_the_import(
    wizard: LegacyImportWizard, district_register: Register, tmp_path: Path, warnings: list[str]
) -> None:
    to_preview(wizard, write_xlsx(tmp_path / "old.xlsx", good_rows()))
    assert wizard.preview_page.isComplete()
    with district_register.write() as session:
        create_entrepreneur(session, person(national_id=ID_B))
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    assert not wizard.preview_page.isComplete()
    assert "ไม่ได้นำเข้าข้อมูลใด" in warnings[0]
    assert producers(district_register) == 1


def test_tab_goes_through_the_mapping_as_it_reads(
    qtbot: QtBot, wizard: LegacyImportWizard, tmp_path: Path
) -> None:
    wizard.file_page.path_edit.setText(str(write_xlsx(tmp_path / "old.xlsx", good_rows())))
    wizard.next()
    combos = wizard.mapping_page.combos
    fills = wizard.mapping_page.fills
    with qtbot.waitActive(wizard):
        wizard.activateWindow()
    combos["previous_reg_no"].setFocus()
    qtbot.waitUntil(combos["previous_reg_no"].hasFocus)
    order = []
    for _ in range(10):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order += [f for f, c in combos.items() if c is QApplication.focusWidget()]
        order += [f"{f}: every row" for f, e in fills.items() if e.focusProxy().hasFocus()]
    # A field the file has no column for offers its "every row" value next.
    assert order == [
        "product_name",
        "category",
        "price",
        "unit",
        "soft_power",
        "soft_power: every row",
        "status",
        "status: every row",
        "status_reason",
        "status_date",
    ]


SPARSE = "ชื่อผู้ประกอบการ,เลขบัตรประชาชน,บ้านเลขที่,ตำบล,วันที่ลงทะเบียน,ชื่อผลิตภัณฑ์,ราคา\n"


def _sparse(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "sparse.csv"
    path.write_text(SPARSE + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_fill_step_gives_a_whole_column_the_file_lacks(
    wizard: LegacyImportWizard,
    district_register: Register,
    tmp_path: Path,
    type_text,
    warnings: list[str],
) -> None:
    path = _sparse(
        tmp_path,
        f'ร้านหนึ่ง,{ID_A},1,ทรายมูล,1/1/2560,น้ำพริก,"฿1,250.-"',
        f"ร้านสอง,{ID_B},2,ทรายมูล,,แคบหมู,60 บาท",
    )
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    page = wizard.mapping_page
    # Beside a field without a column: "Every row", a list of the producer types.
    type_fill = page.fills["producer_type"]
    assert type_fill.isVisible()
    assert type_fill.combo is not None
    type_fill.combo.setCurrentIndex(type_fill.combo.findText("ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว"))
    category = page.fills["category"]
    assert category.combo is not None
    category.combo.setCurrentIndex(category.combo.findData("1"))
    assert page.fill() == {"producer_type": "2", "category": "1"}
    # A column chosen for the field takes the value's place.
    page.combos["category"].setCurrentIndex(page.combos["category"].findData("ชื่อผลิตภัณฑ์"))
    assert not category.isVisible() and "category" not in page.fill()
    page.combos["category"].setCurrentIndex(0)
    assert category.isVisible()
    assert not page.fills["registered_on"].isVisible()  # the file has the column
    member_count = page.fills["member_count"].line
    assert member_count is not None
    type_text(member_count, "๑ คน")  # a group has two members at least

    wizard.next()
    assert wizard.currentPage() is page
    assert any("ค่าทุกแถวของจำนวนสมาชิก “๑ คน” ใช้ไม่ได้" in t for t in warnings), warnings
    member_count.clear()
    wizard.next()

    preview = wizard.preview_page
    assert wizard.currentPage() is preview
    model = preview.model
    columns = [model.field_at(c) for c in range(model.columnCount())]
    assert "producer_type" in columns and "category" in columns
    assert model.index(0, columns.index("producer_type")).data() == ("ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว")
    # The row without a registration date goes in incomplete, in amber, saying what it lacks.
    assert model.index(0, 1).data() == "ถูกต้อง"
    assert model.index(1, 1).data() == "ข้อมูลไม่ครบ"
    date_cell = model.index(1, columns.index("registered_on"))
    assert date_cell.data(Qt.ItemDataRole.BackgroundRole) == INCOMPLETE_BACKGROUND
    assert model.index(1, model.problems_column).data() == "ขาด วันที่ลงทะเบียน"
    assert "1 แถวที่ขาดข้อมูลบางช่อง" in preview.summary.text()
    assert preview.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.result_page
    assert "ในจำนวนนี้ 1 รายข้อมูลไม่ครบ" in wizard.result_page.summary.text()
    assert "* ขาด วันที่ลงทะเบียน" in wizard.result_page.numbers.toPlainText()
    with district_register.read() as session:
        people = session.scalars(select(Entrepreneur).order_by(Entrepreneur.id)).all()
        assert [(e.producer_type, e.missing is None) for e in people] == [(2, True), (2, False)]
        assert [p.category for e in people for p in e.products] == [1, 1]


def test_the_good_rows_go_in_and_the_others_to_a_file_to_correct(
    wizard: LegacyImportWizard, district_register: Register, tmp_path: Path
) -> None:
    path = _sparse(
        tmp_path,
        f"ร้านหนึ่ง,{ID_A},1,ทรายมูล,1/1/2560,น้ำพริก,100",
        f"ร้านสอง,{ID_B},2,บางรัก,1/1/2560,แคบหมู,60",
    )
    to_preview(wizard, path)
    page = wizard.preview_page
    assert not page.isComplete()
    assert page.rejects_row.isVisible() and not page.rejects_path.isEnabled()
    expected = tmp_path / "sparse - แถวที่ต้องแก้ไข.xlsx"
    assert page.rejects_path.text() == str(expected)
    page.rejects_box.setChecked(True)
    assert page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.result_page
    assert f"ไม่ได้นำเข้า 1 แถว บันทึกพร้อมเหตุผลไว้ที่ {expected}" in (wizard.result_page.summary.text())
    assert expected.exists()
    assert producers(district_register) == 1


def test_the_rejects_file_is_not_written_over(
    wizard: LegacyImportWizard,
    district_register: Register,
    tmp_path: Path,
    warnings: list[str],
) -> None:
    path = _sparse(
        tmp_path,
        f"ร้านหนึ่ง,{ID_A},1,ทรายมูล,1/1/2560,น้ำพริก,100",
        f"ร้านสอง,{ID_B},2,บางรัก,1/1/2560,แคบหมู,60",
    )
    to_preview(wizard, path)
    page = wizard.preview_page
    existing = tmp_path / "mine.xlsx"
    existing.write_bytes(b"kept")
    page.rejects_box.setChecked(True)
    page.rejects_path.setText(str(existing))
    wizard.next()
    assert wizard.currentPage() is page
    assert any("มีไฟล์" in text for text in warnings), warnings
    assert existing.read_bytes() == b"kept"
    assert producers(district_register) == 0
