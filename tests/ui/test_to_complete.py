"""The "to complete" page: the records imported incomplete with what each lacks, a signal to
open one, and the list read again when shown (a completed record leaves it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from otop_desktop.database import Register
from otop_desktop.legacy import import_table, open_table, suggest_mapping
from otop_desktop.models import Entrepreneur
from otop_desktop.services.entrepreneurs import EntrepreneurInput, update_entrepreneur
from tests.data.legacy.files import ID_A, ID_B
from ui.forms.entrepreneur_form import EntrepreneurDialog
from ui.legacy.to_complete import ToCompletePage
from ui.main_window import MainWindow

SPARSE = "ชื่อผู้ประกอบการ,เลขบัตรประชาชน,บ้านเลขที่,ตำบล,วันที่ลงทะเบียน,ประเภท,ชื่อผลิตภัณฑ์\n"


def _import(register: Register, tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_text(
        SPARSE
        + f"ร้านหนึ่ง,{ID_A},1,ทรายมูล,1/1/2530,2,น้ำพริก\n"
        + f"ร้านสอง,{ID_B},2,ทรายมูล,1/1/2560,,\n",
        encoding="utf-8",
    )
    table = open_table(path)
    import_table(register, table, suggest_mapping(table.headings))


def test_the_page_lists_what_each_record_lacks_and_opens_it(
    qtbot: QtBot, district_register: Register, tmp_path: Path
) -> None:
    page = ToCompletePage(district_register)
    qtbot.addWidget(page)
    page.show()
    assert page.empty.isVisible() and not page.tree.isVisible()
    assert page.empty.text() == "ข้อมูลทุกรายการครบแล้ว"

    _import(district_register, tmp_path)
    page.refresh()
    assert page.tree.isVisible() and not page.empty.isVisible()
    assert page.count.text() == "ผู้ประกอบการที่ต้องกรอกให้ครบ 2 ราย (มีผลิตภัณฑ์รวมอยู่ 1 รายการ)"
    # By registration number: ร้านหนึ่ง, without a plausible date, is numbered this year.
    second, first = (page.tree.topLevelItem(i) for i in range(2))
    assert first.text(1) == "ร้านหนึ่ง"
    assert first.text(2) == "วันที่ลงทะเบียน (ในไฟล์: 01/01/2530)"
    assert first.child(0).text(1) == "น้ำพริก"
    assert first.child(0).text(2) == "ประเภทผลิตภัณฑ์"
    assert second.text(2) == "ประเภทผู้ผลิต"

    opened: list[tuple[str, int]] = []
    page.open_entrepreneur.connect(lambda ident: opened.append(("e", ident)))
    page.open_product.connect(lambda ident: opened.append(("p", ident)))
    page.tree.setCurrentItem(second)
    page.open_button.click()
    page.tree.setCurrentItem(first.child(0))
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    with district_register.read() as session:
        ids = {e.name: e.id for e in session.scalars(select(Entrepreneur))}
        product_id = session.get(Entrepreneur, ids["ร้านหนึ่ง"]).products[0].id
    assert opened == [("e", ids["ร้านสอง"]), ("p", product_id)]

    # Completed elsewhere (the entrepreneur's form), it leaves the list when the page shows.
    with district_register.write() as session:
        record = session.get(Entrepreneur, ids["ร้านสอง"])
        assert record is not None
        update_entrepreneur(
            session,
            record.id,
            EntrepreneurInput(
                producer_type=2,
                name=record.name,
                national_id=record.national_id,
                subdistrict_code=record.subdistrict_code,
                contact_name=record.contact_name,
                house_no=record.house_no,
                registered_on=record.registered_on,
            ),
        )
    page.hide()
    page.show()
    assert [page.tree.topLevelItem(i).text(1) for i in range(page.tree.topLevelItemCount())] == [
        "ร้านหนึ่ง"
    ]


def test_the_main_window_lists_them_and_opens_the_entrepreneurs_form(
    qtbot: QtBot, district_register: Register, tmp_path: Path
) -> None:
    _import(district_register, tmp_path)
    window = MainWindow(district_register)
    qtbot.addWidget(window)
    window.show()
    window.show_page("to_complete")
    assert window.nav.currentItem().text() == "ข้อมูลที่ต้องกรอกให้ครบ"
    page = window.to_complete
    assert page.tree.topLevelItemCount() == 2
    seen: list[str] = []

    def close_form() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EntrepreneurDialog)
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, close_form)
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    page.open_button.click()
    assert len(seen) == 1
    assert page.tree.topLevelItemCount() == 2  # read again after the form closed


def test_the_lists_show_an_incomplete_record_with_what_it_lacks_not_given(
    qtbot: QtBot, district_register: Register, tmp_path: Path
) -> None:
    _import(district_register, tmp_path)
    window = MainWindow(district_register)
    qtbot.addWidget(window)
    window.show()
    for key, title, rows in (("entrepreneurs", "ประเภท", 2), ("products", "ประเภท", 1)):
        window.show_page(key)
        page = window.page(key)
        qtbot.waitUntil(lambda page=page, rows=rows: page.model.rowCount() == rows)
        model = page.model
        column = next(
            c
            for c in range(model.columnCount())
            if model.headerData(c, Qt.Orientation.Horizontal) == title
        )
        shown = [model.index(row, column).data() for row in range(model.rowCount())]
        assert "ไม่ระบุ" in shown, (key, shown)
