"""The main window on a fresh district register: title, overview, navigation, menus."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from otop_desktop.database import Register
from otop_desktop.services.entrepreneurs import EntrepreneurInput, create_entrepreneur
from otop_desktop.services.sales import SaleInput, set_month_sales
from otop_desktop.thaiformat import Period
from otop_desktop.thaiid import make_thai_id
from tests.conftest import add_record, set_officer
from ui.accounts import AccountsPage
from ui.audit import AuditPage
from ui.households import HouseholdsPage
from ui.lists.entrepreneurs import EntrepreneursPage
from ui.lists.products import ProductsPage
from ui.main_window import LazyPage, MainWindow, OverviewPage
from ui.printing import PrintPage
from ui.sales.sales_page import SalesPage
from ui.sales.sheet_model import Column
from ui.settings.settings_page import SettingsPage
from ui.support import SupportPage

OFFICE = "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง"
PAGES = [
    "overview",
    "entrepreneurs",
    "products",
    "sales",
    "households",
    "support",
    "print",
    "submission",
    "settings",
    "audit",
    "accounts",
]


def entrepreneur(name: str, first12: str) -> EntrepreneurInput:
    return EntrepreneurInput(
        producer_type=2,
        name=name,
        contact_name="นางแก้ว ใจดี",
        national_id=make_thai_id(first12),
        house_no="71/2",
        subdistrict_code="501301",
        registered_on=date(2024, 5, 1),
    )


def open_window(qtbot: QtBot, register: Register) -> MainWindow:
    window = MainWindow(register)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def test_title_names_the_program_and_the_office(qtbot: QtBot, district_register: Register) -> None:
    window = open_window(qtbot, district_register)
    assert "OTOP" in window.windowTitle()
    assert OFFICE in window.windowTitle()


def test_overview_shows_the_office_in_thai(qtbot: QtBot, district_register: Register) -> None:
    window = open_window(qtbot, district_register)
    overview = window.overview
    assert window.current_page() == "overview"
    assert overview.office_name.text() == OFFICE
    assert overview.kind.text() == "สำนักงานระดับอำเภอ"
    assert overview.area.text() == "อำเภอสันกำแพง จังหวัดเชียงใหม่"
    assert overview.officer.text() == "ยังไม่ได้ระบุ"
    qtbot.waitUntil(lambda: overview.entrepreneurs.value.text() == "0")
    assert overview.products.value.text() == "0"
    assert overview.sales.caption.text() == "ยังไม่มีข้อมูลยอดจำหน่าย"


def test_overview_counts_what_the_register_holds(qtbot: QtBot, district_register: Register) -> None:
    with district_register.write() as session:
        create_entrepreneur(session, entrepreneur("ร้านผ้าฝ้ายป้าแก้ว", "110000000001"))
        create_entrepreneur(session, entrepreneur("ร่มบ่อสร้าง", "110000000002"))
    window = open_window(qtbot, district_register)
    qtbot.waitUntil(lambda: window.overview.entrepreneurs.value.text() == "2")


def test_overview_shows_the_sales_of_the_latest_year(
    qtbot: QtBot, district_register: Register
) -> None:
    with district_register.write() as session:
        owner = create_entrepreneur(session, entrepreneur("ร้านผ้าฝ้ายป้าแก้ว", "110000000001"))
        set_month_sales(session, owner.id, Period(2567, 3), whole=SaleInput("1000.50"))
        set_month_sales(session, owner.id, Period(2568, 1), whole=SaleInput("1234567.25"))
    window = open_window(qtbot, district_register)
    qtbot.waitUntil(lambda: window.overview.sales.value.text() == "1,234,567.25")
    assert window.overview.sales.caption.text() == "ยอดจำหน่ายปี พ.ศ. 2568 (บาท)"
    assert window.overview.sales.value.text() == "1,234,567.25"


def test_overview_is_read_again_when_shown(qtbot: QtBot, district_register: Register) -> None:
    window = open_window(qtbot, district_register)
    window.show_page("settings")
    with district_register.write() as session:
        create_entrepreneur(session, entrepreneur("ร่มบ่อสร้าง", "110000000002"))
    window.show_page("overview")
    qtbot.waitUntil(lambda: window.overview.entrepreneurs.value.text() == "1")


def test_navigation_lists_every_page_in_thai(qtbot: QtBot, district_register: Register) -> None:
    window = open_window(qtbot, district_register)
    labels = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert labels == [
        "ภาพรวม",
        "ผู้ประกอบการ",
        "ผลิตภัณฑ์",
        "ยอดจำหน่ายรายเดือน",
        "ครัวเรือน Soft Power",
        "การอบรมและเงินสนับสนุน",
        "พิมพ์เอกสาร",
        "ส่งรายงานประจำเดือน",
        "ตั้งค่า",
        "บันทึกการใช้งาน",
        "บัญชีผู้ใช้",
    ]
    built = {
        "overview": OverviewPage,
        "entrepreneurs": EntrepreneursPage,
        "products": ProductsPage,
        "sales": LazyPage,
        "households": HouseholdsPage,
        "support": SupportPage,
        "print": PrintPage,
        "submission": LazyPage,
        "settings": SettingsPage,
        "audit": AuditPage,
        "accounts": AccountsPage,
    }
    for key in PAGES:
        assert isinstance(window.page(key), built[key]), key


def test_clicking_the_navigation_switches_pages(qtbot: QtBot, district_register: Register) -> None:
    window = open_window(qtbot, district_register)
    for row, key in enumerate(PAGES):
        item = window.nav.item(row)
        rect = window.nav.visualItemRect(item)
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page() == key
        assert window.stack.currentWidget() is window.page(key)


def test_ctrl_and_a_digit_switch_pages(qtbot: QtBot, district_register: Register) -> None:
    window = open_window(qtbot, district_register)
    # Shortcuts reach only the active window.
    with qtbot.waitActive(window):
        window.activateWindow()
    for row in reversed(range(9)):  # Ctrl+1 … Ctrl+9: the first nine pages
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() == PAGES[row]
        assert window.nav.currentRow() == row


def test_ctrl_p_on_a_record_previews_its_certificate(
    qtbot: QtBot, district_register: Register
) -> None:
    set_officer(district_register)
    reg_no = add_record(district_register, "กลุ่มทอผ้าบ้านกิ่งแก้ว")
    window = open_window(qtbot, district_register)
    window.show_page("products")
    products = window.records.products
    qtbot.waitUntil(lambda: products.model.rowCount() == 1)
    products.table.setFocus()
    products.table.selectRow(0)
    qtbot.keyClick(products.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "print"
    qtbot.waitUntil(lambda: window.print_page.printed is not None)
    assert window.print_page.preview.document.pageCount() == 1
    assert reg_no in [c.reg_no for c in window.print_page.options_panel.picker.choices()]


def test_ctrl_p_without_a_record_says_what_to_do(
    qtbot: QtBot, district_register: Register, monkeypatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window = open_window(qtbot, district_register)
    window.show_page("entrepreneurs")
    table = window.records.entrepreneurs.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "entrepreneurs"
    assert told == ["เลือกรายการในรายชื่อก่อน แล้วกด Ctrl+P"]


def test_edit_undo_follows_the_page_shown(qtbot: QtBot, district_register: Register) -> None:
    add_record(district_register, "กลุ่มทอผ้าบ้านกิ่งแก้ว")
    window = open_window(qtbot, district_register)
    with qtbot.waitActive(window):
        window.activateWindow()
    assert not window.undo_action.isEnabled()
    assert window.undo_action.text() == "เลิกทำ"
    window.show_page("sales")
    sales = window.page("sales").page
    assert isinstance(sales, SalesPage)
    sales.model.setData(sales.model.index(0, Column.AMOUNT), "1500")
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "เลิกทำ ยอดจำหน่ายของ กลุ่มทอผ้าบ้านกิ่งแก้ว"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    sales.table.setFocus()
    qtbot.keyClick(sales.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sales.model.index(0, Column.AMOUNT).data() == ""
    assert window.redo_action.text() == "ทำซ้ำ ยอดจำหน่ายของ กลุ่มทอผ้าบ้านกิ่งแก้ว"
    window.redo_action.trigger()
    assert sales.model.index(0, Column.AMOUNT).data() == "1,500.00"
    assert sales.save()
    window.show_page("overview")
    assert not window.undo_action.isEnabled()


def test_menus_and_quit(qtbot: QtBot, district_register: Register) -> None:
    window = open_window(qtbot, district_register)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["ไฟล์(&F)", "แก้ไข(&E)", "ไปที่(&G)", "ช่วยเหลือ(&H)"]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    window.quit_action.trigger()
    assert not window.isVisible()


def test_status_bar_says_where_the_register_is(qtbot: QtBot, district_register: Register) -> None:
    window = open_window(qtbot, district_register)
    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert f"ทะเบียน: {district_register.engine.url.database}" in texts
