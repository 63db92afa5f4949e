"""The main window on a fresh district register: title, overview, navigation, menus."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.services.entrepreneurs import EntrepreneurInput, create_entrepreneur
from otop_desktop.services.office import init_register
from otop_desktop.services.sales import SaleInput, set_month_sales
from otop_desktop.thaiformat import Period, fiscal_year_be, thai_today
from otop_desktop.thaiid import make_thai_id
from tests.conftest import add_record, set_officer
from ui import main_window
from ui.accounts import AccountsPage
from ui.audit import AuditPage
from ui.help import HelpDialog
from ui.households import HouseholdsPage
from ui.legacy.to_complete import ToCompletePage
from ui.lists.entrepreneurs import EntrepreneursPage
from ui.lists.products import ProductsPage
from ui.main_window import LazyPage, MainWindow
from ui.overview import OverviewPage
from ui.printing.print_page import PrintPage
from ui.sales.sales_page import SalesPage
from ui.sales.sheet_model import Column
from ui.settings.preferences import Preferences
from ui.settings.settings_page import SettingsPage
from ui.submission import SubmissionPage
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
    "to_complete",
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
    assert overview.sales.value.text() == "0.00"
    # The current fiscal year, named as the government names it.
    assert overview.year_kind.currentText() == "ปีงบประมาณ"
    assert overview.year.value() == fiscal_year_be(thai_today())


def test_overview_counts_what_the_register_holds(qtbot: QtBot, district_register: Register) -> None:
    with district_register.write() as session:
        create_entrepreneur(session, entrepreneur("ร้านผ้าฝ้ายป้าแก้ว", "110000000001"))
        create_entrepreneur(session, entrepreneur("ร่มบ่อสร้าง", "110000000002"))
    window = open_window(qtbot, district_register)
    qtbot.waitUntil(lambda: window.overview.entrepreneurs.value.text() == "2")


def test_overview_shows_the_sales_of_the_year_chosen_against_the_year_before(
    qtbot: QtBot, district_register: Register
) -> None:
    with district_register.write() as session:
        owner = create_entrepreneur(session, entrepreneur("ร้านผ้าฝ้ายป้าแก้ว", "110000000001"))
        # Registered in May 2567: sales from then on. June 2567 is in fiscal year 2567,
        # October 2567 and January 2568 in fiscal year 2568.
        set_month_sales(session, owner.id, Period(2567, 6), whole=SaleInput("1000.00"))
        set_month_sales(session, owner.id, Period(2567, 10), whole=SaleInput("300.00"))
        set_month_sales(session, owner.id, Period(2568, 1), whole=SaleInput("1200.00"))
    window = open_window(qtbot, district_register)
    overview = window.overview
    overview.show_year(2568)
    qtbot.waitUntil(lambda: overview.sales.value.text() == "1,500.00")
    assert overview.sales.caption.text() == "ยอดจำหน่าย (บาท)\nปีงบประมาณ 2567: 1,000.00 (+50.0%)"
    assert overview.state.text() == "01/10/2567 ถึง 30/09/2568"
    overview.show_year(2567, calendar=True)
    qtbot.waitUntil(lambda: overview.sales.value.text() == "1,300.00")
    assert overview.year_kind.currentText() == "ปีปฏิทิน"


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
        "ข้อมูลที่ต้องกรอกให้ครบ",
    ]
    built = {
        "overview": OverviewPage,
        "entrepreneurs": EntrepreneursPage,
        "products": ProductsPage,
        "sales": LazyPage,
        "households": LazyPage,
        "support": LazyPage,
        "print": LazyPage,
        "submission": LazyPage,
        "settings": LazyPage,
        "audit": LazyPage,
        "accounts": AccountsPage,
        "to_complete": LazyPage,
    }
    for key in PAGES:
        assert isinstance(window.page(key), built[key]), key
    # The pages built when first shown, their modules imported then (the window opens sooner).
    lazy = {
        "sales": SalesPage,
        "households": HouseholdsPage,
        "support": SupportPage,
        "print": PrintPage,
        "submission": SubmissionPage,
        "settings": SettingsPage,
        "audit": AuditPage,
        "to_complete": ToCompletePage,
    }
    for key, kind in lazy.items():
        page = window.page(key)
        assert isinstance(page, LazyPage) and page.page is None, key
        window.show_page(key)
        assert isinstance(page.page, kind), key


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


# SQLite only: the register's file path is what the status bar shows.
@pytest.mark.sqlite_only
def test_status_bar_says_where_the_register_is(qtbot: QtBot, district_register: Register) -> None:
    window = open_window(qtbot, district_register)
    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert f"ทะเบียน: {district_register.engine.url.database}" in texts


def temp_preferences(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat))


# SQLite only: the title names the register's file.
@pytest.mark.sqlite_only
def test_the_title_says_which_register_is_open(qtbot: QtBot, district_register: Register) -> None:
    window = open_window(qtbot, district_register)
    assert window.windowTitle() == f"ทะเบียน OTOP – {OFFICE} (r.sqlite3)"


def test_ctrl_and_a_digit_put_the_keyboard_in_the_pages_content(
    qtbot: QtBot, district_register: Register
) -> None:
    add_record(district_register, "กลุ่มทอผ้าบ้านกิ่งแก้ว")
    window = open_window(qtbot, district_register)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.nav.setFocus()
    expected = {
        "entrepreneurs": window.records.entrepreneurs.table,
        "products": window.records.products.table,
    }
    for row, key in enumerate(PAGES[:9]):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() == key
        focused = QApplication.focusWidget()
        assert focused is not window.nav, f"Ctrl+{row + 1} left the keyboard in the page list"
        if key in expected:
            assert focused is expected[key]
        elif key == "sales":
            sales = window.page("sales").page
            assert isinstance(sales, SalesPage) and focused is sales.table
        elif key == "overview":  # the year, then Tab on to the charts
            assert focused is window.overview.year
        else:
            assert window.page(key).isAncestorOf(focused), (key, focused)
    # The list on the left still moves between pages with the arrows, and keeps the keyboard.
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Up)
    assert window.current_page() == PAGES[7] and window.nav.hasFocus()


def test_an_empty_register_says_what_to_do_first(qtbot: QtBot, district_register: Register) -> None:
    window = open_window(qtbot, district_register)
    steps = window.overview.first_steps
    qtbot.waitUntil(steps.isVisible)
    assert "ทะเบียนนี้ยังว่างอยู่" in steps.text()
    assert "นำเข้าจากไฟล์ตารางเดิม" in steps.text() and "Ctrl+N" in steps.text()
    add_record(district_register, "กลุ่มทอผ้าบ้านกิ่งแก้ว")
    window.overview.refresh()
    qtbot.waitUntil(lambda: not steps.isVisible())


def test_an_empty_province_register_points_to_the_districts_workbooks(
    qtbot: QtBot, province_register: Register
) -> None:
    window = open_window(qtbot, province_register)
    steps = window.overview.first_steps
    qtbot.waitUntil(steps.isVisible)
    assert "ไฟล์รายงานประจำเดือนของอำเภอ" in steps.text()


# SQLite only: the recent registers it opens are files beside the fixture's.
@pytest.mark.sqlite_only
def test_recent_registers_never_keep_a_password(
    qtbot: QtBot, district_register: Register, tmp_path: Path
) -> None:
    preferences = temp_preferences(tmp_path)
    other = tmp_path / "other.sqlite3"
    init_register(other, OfficeKind.DISTRICT, "5019").close()
    preferences.remember_register("postgresql+psycopg://kaew:s3cret@db.office/otop?password=x")
    preferences.remember_register(other)
    preferences.remember_register(str(district_register.engine.url.database))
    stored = (tmp_path / "preferences.ini").read_text(encoding="utf-8")
    assert "s3cret" not in stored and "password" not in stored
    assert preferences.recent_registers()[1:] == [
        str(other),
        "postgresql+psycopg://kaew@db.office/otop",
    ]
    window = MainWindow(district_register, preferences=preferences)
    qtbot.addWidget(window)
    window.show()
    window._fill_recent_menu()
    actions = window.recent_menu.actions()
    # The open register is not offered; the others are, numbered, newest first.
    assert [a.text() for a in actions] == [
        f"&1 other.sqlite3 ({tmp_path})",
        "&2 postgresql+psycopg://kaew@db.office/otop",
    ]
    actions[0].trigger()
    assert window.reopen_requested and window.next_db == str(other)
    assert not window.isVisible()


def test_open_register_refuses_what_is_not_a_register(
    qtbot: QtBot, district_register: Register, tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        main_window, "show_user_error", lambda _p, exc: shown.append(exc.message_en)
    )
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a register")
    monkeypatch.setattr(main_window, "open_file_name", lambda *_args: str(notes))
    window = open_window(qtbot, district_register)
    window.open_register()
    assert shown == [f"{notes} is not an OTOP register file"]
    assert window.isVisible() and not window.reopen_requested

    other = tmp_path / "other.sqlite3"
    init_register(other, OfficeKind.DISTRICT, "5019").close()
    monkeypatch.setattr(main_window, "open_file_name", lambda *_args: str(other))
    window.open_register()
    assert window.next_db == str(other) and not window.isVisible()


def test_new_register_never_writes_over_a_file(
    qtbot: QtBot, district_register: Register, tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        main_window, "show_user_error", lambda _p, exc: shown.append(exc.message_en)
    )
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("last year's notes")
    monkeypatch.setattr(main_window, "save_file_name", lambda *_args, **_kw: str(notes))
    window = open_window(qtbot, district_register)
    window.new_register()
    assert shown == [f"{notes} is not an OTOP register file"]
    assert notes.read_text() == "last year's notes" and window.isVisible()

    monkeypatch.setattr(main_window, "save_file_name", lambda *_args, **_kw: str(tmp_path / "y69"))
    window.new_register()
    # Set up in the first-run dialog once this window has closed (main.py's loop).
    assert window.next_db == str(tmp_path / "y69.sqlite3") and not window.isVisible()
    assert not (tmp_path / "y69.sqlite3").exists()


def test_f1_opens_the_guide_in_thai_with_its_pictures(
    qtbot: QtBot, district_register: Register
) -> None:
    window = open_window(qtbot, district_register)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "คู่มือ OTOP Desktop"
    text = dialog.browser.toPlainText()
    for words in ("งานประจำวัน", "ส่งรายงานประจำเดือน", "แป้นลัด", "Ctrl+N", "F1"):
        assert words in text
    html = dialog.browser.toHtml()
    pictures = re.findall(r'<img src="([^"]+)"', html)
    assert pictures
    for picture in pictures:
        image = dialog.browser.document().resource(3, QUrl(picture))  # ImageResource
        assert image is not None and not image.isNull(), picture
    qtbot.keyClick(window, Qt.Key.Key_F1)  # again: the same window, not a second one
    assert len(window.findChildren(HelpDialog)) == 1


def test_a_recent_register_that_has_gone_is_said_and_forgotten(
    qtbot: QtBot, district_register: Register, tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        main_window, "show_user_error", lambda _p, exc: shown.append(exc.message_en)
    )
    preferences = temp_preferences(tmp_path)
    gone = tmp_path / "usb" / "otop.sqlite3"
    preferences.remember_register(gone)
    window = MainWindow(district_register, preferences=preferences)
    qtbot.addWidget(window)
    window.show()
    window._fill_recent_menu()
    window.recent_menu.actions()[0].trigger()
    assert shown == [
        f"The register {gone} is no longer there (moved, or on a drive not plugged in)"
    ]
    assert window.isVisible() and not window.reopen_requested
    assert not gone.parent.exists()  # nothing was set up there
    assert preferences.recent_registers() == []
