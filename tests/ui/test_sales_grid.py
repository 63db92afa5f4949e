"""The monthly sales grid, driven from the keyboard as a clerk would: figures typed cell by
cell, totals following the typing, one Save for the month, bad amounts refused."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import insert
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.domain import Category, OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import Sale
from otop_desktop.services.entrepreneurs import create_entrepreneur, delete_entrepreneur
from otop_desktop.services.office import init_register
from otop_desktop.services.products import ProductInput, create_product
from otop_desktop.services.sales import (
    MonthChange,
    SaleInput,
    month_sales,
    month_sheet,
    set_month_sales,
)
from otop_desktop.thaiformat import Period
from tests.conftest import person
from ui.main_window import MainWindow
from ui.sales import sales_page
from ui.sales.sales_page import SalesPage
from ui.sales.sheet_model import ERROR_BACKGROUND, Column, SalesSheetModel

TODAY = date(2025, 11, 15)  # so the page opens on ตุลาคม 2568
OCT = Period(2568, 10)


class Shop:
    """Three entrepreneurs: a weaver with two products, a shop with none, a kitchen with one."""

    def __init__(self, register: Register) -> None:
        with register.write() as s:
            weaver = create_entrepreneur(s, person(name="กลุ่มทอผ้าบ้านออน"))
            shop = create_entrepreneur(s, person(name="ร้านร่มบ่อสร้าง"))
            kitchen = create_entrepreneur(s, person(name="น้ำพริกแม่ศรี"))
            silk = create_product(s, weaver.id, ProductInput("ผ้าไหมยกดอก", 3, "1200", "ผืน"))
            herb = create_product(s, weaver.id, ProductInput("ลูกประคบ", 5, "80", "ลูก"))
            create_product(s, kitchen.id, ProductInput("น้ำพริกหนุ่ม", 1, "60", "กระปุก"))
        self.weaver, self.shop, self.kitchen = weaver.id, shop.id, kitchen.id
        self.silk, self.herb = silk.id, herb.id


@pytest.fixture
def shop(district_register: Register) -> Shop:
    return Shop(district_register)


@pytest.fixture
def page(qtbot: QtBot, district_register: Register, shop: Shop) -> SalesPage:
    widget = SalesPage(district_register, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1000, 640)
    with qtbot.waitExposed(widget):
        widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()
    widget.table.setFocus()
    return widget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_keys(qtbot: QtBot, text: str) -> None:
    """ASCII typed key by key to whatever has the focus: the grid, then the cell's editor."""
    for ch in text:
        qtbot.keyClicks(focused(), ch)


def type_thai(text: str) -> None:
    """Thai as an input method commits it (QTest's key clicks abort on Thai)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(focused(), event)


def type_thai_keys(text: str) -> None:
    """Thai key by key, as the Thai (Kedmanee) keyboard layout sends it."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                focused(), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
            )


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)
    # An editor closes on Enter through a queued call, so the grid moves on only then.
    QApplication.processEvents()


def cell(page: SalesPage, row: int, column: Column) -> QModelIndex:
    return page.model.index(row, column)


def text(page: SalesPage, row: int, column: Column) -> str:
    return str(cell(page, row, column).data())


def answer_next_question(button: str) -> None:
    """Clicks ``button`` on the message box about to open."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        [chosen] = [b for b in box.buttons() if b.text() == button]
        chosen.click()

    QTimer.singleShot(0, click)


def figures(register: Register, entrepreneur_id: int) -> list[tuple[int | None, Decimal, Decimal]]:
    with register.read() as s:
        return [
            (r.product_id, r.amount, r.online_amount) for r in month_sales(s, entrepreneur_id, OCT)
        ]


def late_comer(register: Register) -> int:
    """A producer registered on 5 November 2568, after the month the page opens on."""
    with register.write() as s:
        return create_entrepreneur(
            s, person(name="กลุ่มจักสานมาใหม่", registered_on=date(2025, 11, 5))
        ).id


def test_a_month_before_registration_is_shown_as_not_expected_and_not_counted(
    qtbot: QtBot, district_register: Register, shop: Shop
) -> None:
    late_comer(district_register)
    page = SalesPage(district_register, today=TODAY)
    qtbot.addWidget(page)
    rows = [text(page, r, Column.NUMBER) for r in range(page.model.rowCount())]
    row = rows.index("5013-2568-0001")
    assert text(page, row, Column.NAME) == "กลุ่มจักสานมาใหม่ (ลงทะเบียนเมื่อ 05/11/2568)"
    assert text(page, row, Column.BY_PRODUCT) == "ไม่ต้องรายงาน"
    assert text(page, row, Column.AMOUNT) == text(page, row, Column.ONLINE) == "—"
    for column in (Column.AMOUNT, Column.ONLINE, Column.BY_PRODUCT):
        flags = cell(page, row, column).flags()
        assert not flags & Qt.ItemFlag.ItemIsEditable
        assert not flags & Qt.ItemFlag.ItemIsUserCheckable
    tip = cell(page, row, Column.AMOUNT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "ไม่ต้องรายงานเดือนนี้: ลงทะเบียนเมื่อ 05/11/2568"
    totals = page.model.totals()
    assert (totals.reported, totals.entrepreneurs, totals.not_expected) == (0, 3, 1)
    assert page.totals.reported.text() == "กรอกยอดแล้ว 0 จาก 3 ราย (ไม่ต้องรายงานเดือนนี้ 1 ราย)"
    # Tab walks the figures to fill and never stops on it.
    page.table.setCurrentIndex(cell(page, 0, Column.AMOUNT))
    visited = set()
    for _ in range(page.model.rowCount() * 2):
        page.table.setCurrentIndex(page.table.next_cell())
        visited.add(page.table.currentIndex().row())
    assert row not in visited
    assert not page.model.setData(cell(page, row, Column.AMOUNT), "500") or (
        page.model.error_count() == 1
    )


def test_figures_standing_in_a_month_not_traded_are_marked_and_removed(
    qtbot: QtBot, district_register: Register, shop: Shop
) -> None:
    late = late_comer(district_register)
    with district_register.write() as s:  # entered before the rule, or by an old import
        s.execute(
            insert(Sale).values(entrepreneur_id=late, period=OCT.key, amount=7, online_amount=0)
        )
    page = SalesPage(district_register, today=TODAY)
    qtbot.addWidget(page)
    rows = [text(page, r, Column.NUMBER) for r in range(page.model.rowCount())]
    row = rows.index("5013-2568-0001")
    amount = cell(page, row, Column.AMOUNT)
    assert text(page, row, Column.AMOUNT) == "7.00"
    assert amount.data(Qt.ItemDataRole.BackgroundRole) == ERROR_BACKGROUND
    assert "กด Delete เพื่อลบออก" in amount.data(Qt.ItemDataRole.ToolTipRole)
    # Typing another figure there is refused in the cell, before saving.
    page.model.setData(amount, "9")
    assert page.model.error_at(amount) == "ไม่ต้องรายงานเดือนนี้: ลงทะเบียนเมื่อ 05/11/2568"
    assert not page.save()
    page.model.setData(amount, "")
    assert page.model.error_count() == 0
    assert text(page, row, Column.AMOUNT) == "—"
    assert page.save()
    with district_register.read() as s:
        assert month_sales(s, late, OCT) == []


def test_the_grid_keeps_the_windows_height(
    qtbot: QtBot, district_register: Register, shop: Shop
) -> None:
    """At least 20 rows at 1366×768, less the title bar and the taskbar of an office PC."""
    window = MainWindow(district_register)
    qtbot.addWidget(window)
    window.resize(1366, 768 - 70)
    with qtbot.waitExposed(window):
        window.show()
    window.show_page("sales")
    page = window.findChild(SalesPage)
    assert isinstance(page, SalesPage)
    row_height = page.table.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: page.table.viewport().height() >= 20 * row_height)
    assert not page.totals.details.isVisibleTo(page)  # folded: one line of totals
    page.totals.toggle.click()
    assert page.totals.details.isVisibleTo(page)
    assert page.totals.category_totals[Category.TEXTILE].isVisibleTo(page)
    page.totals.toggle.click()
    assert not page.totals.details.isVisibleTo(page)


def test_the_model_keeps_the_qt_rules(
    qtmodeltester: ModelTester, district_register: Register, shop: Shop
) -> None:
    with district_register.write() as s:
        set_month_sales(s, shop.weaver, OCT, by_product={shop.silk: SaleInput("10")})
    with district_register.read() as s:
        rows = month_sheet(s, OCT)
    model = SalesSheetModel()
    model.load(rows)
    qtmodeltester.check(model, force_py=True)
    # Switching between whole-business and per-product figures adds and removes rows.
    assert model.rowCount() == 1 + 2 + 1 + 1
    model.setData(
        model.index(0, Column.BY_PRODUCT), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert model.rowCount() == 3
    model.setData(
        model.index(2, Column.BY_PRODUCT),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert model.rowCount() == 4
    model.setData(model.index(3, Column.AMOUNT), "12")
    qtmodeltester.check(model, force_py=True)


def test_the_page_opens_on_the_last_complete_month(page: SalesPage) -> None:
    assert page.period == OCT
    assert page.picker.month_combo.currentText() == "ตุลาคม"
    assert page.picker.year_spin.text() == "พ.ศ. 2568"
    assert [text(page, row, Column.NUMBER) for row in range(page.model.rowCount())] == [
        "5013-2567-0001",
        "5013-2567-0002",
        "5013-2567-0003",
    ]
    assert text(page, 0, Column.BY_PRODUCT) == "รวมทั้งกิจการ"
    assert page.table.currentIndex() == cell(page, 0, Column.AMOUNT)
    assert page.model.headerData(Column.AMOUNT, Qt.Orientation.Horizontal) == "ยอดจำหน่าย (บาท)"
    assert not page.save_button.isEnabled()


def test_months_go_back_to_2544_but_not_past_this_month(qtbot: QtBot, page: SalesPage) -> None:
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.period == Period(2568, 11)  # this month, figures may come in early
    assert not page.next_button.isEnabled()
    page.picker.month_combo.setCurrentIndex(11)
    page.picker.month_combo.activated.emit(11)
    assert page.period == Period(2568, 11)  # December 2568 has not come yet
    press(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.period == OCT)  # a button's shortcut clicks it animated
    page.picker.year_spin.setValue(2500)
    assert (page.picker.year_spin.value(), page.period) == (2544, Period(2544, 10))


def test_a_month_is_typed_in_from_the_keyboard_and_saved(
    qtbot: QtBot, page: SalesPage, district_register: Register, shop: Shop
) -> None:
    # The weaver reports per product: Space on its choice opens a row per product.
    page.table.setCurrentIndex(cell(page, 0, Column.BY_PRODUCT))
    press(qtbot, Qt.Key.Key_Space)
    assert text(page, 0, Column.BY_PRODUCT) == "รายผลิตภัณฑ์"
    assert [text(page, row, Column.NUMBER) for row in (1, 2)] == [
        "5013-2567-0001-P01",
        "5013-2567-0001-P02",
    ]
    press(qtbot, Qt.Key.Key_Tab)  # to the first product's sales
    assert page.table.currentIndex() == cell(page, 1, Column.AMOUNT)

    type_keys(qtbot, "1,250.50")
    assert page.totals.all_sales.text() == "ยอดจำหน่ายทั้งหมด <b>1,250.50</b>"  # while still typing
    press(qtbot, Qt.Key.Key_Tab)
    assert page.table.currentIndex() == cell(page, 1, Column.ONLINE)
    type_keys(qtbot, "250")
    press(qtbot, Qt.Key.Key_Tab)
    type_thai("๓๐๐")  # Thai digits from a Thai keyboard
    press(qtbot, Qt.Key.Key_Return)  # Enter goes down: the shop's sales
    assert page.table.currentIndex() == cell(page, 3, Column.AMOUNT)
    type_keys(qtbot, "5000")
    press(qtbot, Qt.Key.Key_Return)
    assert page.table.currentIndex() == cell(page, 4, Column.AMOUNT)
    type_thai_keys("๗๐๐")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "700")
    press(qtbot, Qt.Key.Key_Return)

    assert text(page, 1, Column.AMOUNT) == "1,250.50"
    assert text(page, 2, Column.AMOUNT) == "300.00"
    assert text(page, 0, Column.AMOUNT) == "1,550.50"  # the weaver's products summed
    assert page.totals.all_sales.text() == "ยอดจำหน่ายทั้งหมด <b>7,250.50</b>"
    assert page.totals.online_sales.text() == "ขายออนไลน์ <b>950.00</b>"
    assert page.totals.reported.text() == "กรอกยอดแล้ว 3 จาก 3 ราย"
    assert page.totals.whole_total.text() == "รวมทั้งกิจการ <b>5,700.00</b>"
    assert page.save_button.isEnabled()
    assert page.message.text() == "มีการแก้ไขที่ยังไม่ได้บันทึก (กด Ctrl+S เพื่อบันทึก)"

    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert not page.model.has_changes()
    assert page.message.text() == "บันทึกยอดจำหน่ายเดือนตุลาคม 2568 แล้ว (แก้ไข 3 ราย)"
    assert figures(district_register, shop.weaver) == [
        (shop.silk, Decimal("1250.50"), Decimal("250.00")),
        (shop.herb, Decimal("300.00"), Decimal("0.00")),
    ]
    assert figures(district_register, shop.shop) == [(None, Decimal("5000.00"), Decimal("0.00"))]
    assert figures(district_register, shop.kitchen) == [
        (None, Decimal("700.00"), Decimal("700.00"))
    ]

    again = SalesPage(district_register, today=TODAY)
    qtbot.addWidget(again)
    assert text(again, 0, Column.BY_PRODUCT) == "รายผลิตภัณฑ์"
    assert [text(again, 1, c) for c in (Column.AMOUNT, Column.ONLINE)] == ["1,250.50", "250.00"]
    assert text(again, 2, Column.AMOUNT) == "300.00"
    assert text(again, 3, Column.AMOUNT) == "5,000.00"
    assert [text(again, 4, c) for c in (Column.AMOUNT, Column.ONLINE)] == ["700.00", "700.00"]


@pytest.mark.parametrize(
    ("amount", "online", "wrong", "message"),
    [
        ("-5", "", Column.AMOUNT, "ยอดจำหน่ายต้องไม่ติดลบ"),
        ("100", "150", Column.ONLINE, "ยอดขายออนไลน์ต้องไม่เกินยอดจำหน่ายทั้งหมด"),
        ("abc", "", Column.AMOUNT, "ยอดจำหน่ายต้องเป็นตัวเลข"),
        ("", "20", Column.AMOUNT, "กรุณากรอกยอดจำหน่าย"),
        ("10.005", "", Column.AMOUNT, "ยอดจำหน่ายมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง"),
    ],
)
def test_a_bad_amount_is_marked_and_nothing_is_saved(
    qtbot: QtBot,
    page: SalesPage,
    district_register: Register,
    shop: Shop,
    amount: str,
    online: str,
    wrong: Column,
    message: str,
) -> None:
    with district_register.write() as s:
        set_month_sales(s, shop.kitchen, OCT, whole=SaleInput("99"))
    page.reload()
    page.table.setCurrentIndex(cell(page, 0, Column.AMOUNT))
    type_keys(qtbot, "400")  # a good figure, which must not be saved either
    press(qtbot, Qt.Key.Key_Return)
    assert page.table.currentIndex() == cell(page, 1, Column.AMOUNT)
    if amount:
        type_keys(qtbot, amount)
    press(qtbot, Qt.Key.Key_Tab)
    if online:
        type_keys(qtbot, online)
    press(qtbot, Qt.Key.Key_Tab)

    bad = cell(page, 1, wrong)
    assert bad.data(Qt.ItemDataRole.ToolTipRole) == message
    assert bad.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert page.message.text() == "ช่องสีแดงไม่ถูกต้อง (1 ช่อง) กรุณาแก้ไขก่อนบันทึก"

    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert page.table.currentIndex() == bad  # taken to the cell at fault
    assert page.message.text() == message
    assert page.model.has_changes()
    assert figures(district_register, shop.weaver) == []
    assert figures(district_register, shop.shop) == []
    assert figures(district_register, shop.kitchen) == [(None, Decimal("99.00"), Decimal("0.00"))]


def test_correcting_a_bad_amount_lets_the_month_be_saved(
    qtbot: QtBot, page: SalesPage, district_register: Register, shop: Shop
) -> None:
    page.table.setCurrentIndex(cell(page, 1, Column.AMOUNT))
    type_keys(qtbot, "12x")
    press(qtbot, Qt.Key.Key_Return)
    assert not page.save()
    assert page.table.currentIndex() == cell(page, 1, Column.AMOUNT)
    type_keys(qtbot, "12")
    press(qtbot, Qt.Key.Key_Return)
    assert page.model.error_count() == 0
    assert page.save()
    assert figures(district_register, shop.shop) == [(None, Decimal("12.00"), Decimal("0.00"))]


def test_the_month_is_saved_off_the_gui_thread(
    qtbot: QtBot,
    page: SalesPage,
    district_register: Register,
    shop: Shop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A province's month takes seconds to save: the window keeps painting meanwhile."""
    saved_in: list[threading.Thread] = []
    real_save = sales_page.save_month_sheet

    def watched_save(session: Session, period: Period, changes: list[MonthChange]) -> int:
        saved_in.append(threading.current_thread())
        return real_save(session, period, changes)

    monkeypatch.setattr(sales_page, "save_month_sheet", watched_save)
    page.table.setCurrentIndex(cell(page, 1, Column.AMOUNT))
    type_keys(qtbot, "12")
    press(qtbot, Qt.Key.Key_Return)
    assert page.save()
    assert saved_in and saved_in[0] is not threading.main_thread()
    assert figures(district_register, shop.shop) == [(None, Decimal("12.00"), Decimal("0.00"))]


def test_escape_puts_the_cell_back_and_delete_empties_it(
    qtbot: QtBot, page: SalesPage, district_register: Register, shop: Shop
) -> None:
    with district_register.write() as s:
        set_month_sales(s, shop.shop, OCT, whole=SaleInput("800"))
    page.reload()
    page.table.setCurrentIndex(cell(page, 1, Column.AMOUNT))
    type_keys(qtbot, "9")
    assert page.totals.all_sales.text() == "ยอดจำหน่ายทั้งหมด <b>9.00</b>"
    press(qtbot, Qt.Key.Key_Escape)
    assert text(page, 1, Column.AMOUNT) == "800.00"
    assert not page.model.has_changes()
    press(qtbot, Qt.Key.Key_Delete)
    assert text(page, 1, Column.AMOUNT) == ""
    assert page.save()
    assert figures(district_register, shop.shop) == []


def test_typed_figures_are_undone_and_redone_one_by_one(qtbot: QtBot, page: SalesPage) -> None:
    undo = page.undo_stack
    assert not undo.canUndo()
    page.table.setCurrentIndex(cell(page, 1, Column.AMOUNT))  # the shop
    type_keys(qtbot, "5000")
    press(qtbot, Qt.Key.Key_Return)  # down to the kitchen
    type_keys(qtbot, "700")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "900")  # online above the whole: marked
    press(qtbot, Qt.Key.Key_Return)
    assert page.model.error_count() == 1
    assert undo.undoText() == "ยอดจำหน่ายของ น้ำพริกแม่ศรี"

    undo.undo()  # the online figure: the mistake goes, the cursor shows where
    assert text(page, 2, Column.ONLINE) == ""
    assert page.model.error_count() == 0
    assert page.table.currentIndex() == cell(page, 2, Column.ONLINE)
    undo.undo()
    undo.undo()
    assert [text(page, r, Column.AMOUNT) for r in (1, 2)] == ["", ""]
    assert page.table.currentIndex() == cell(page, 1, Column.AMOUNT)
    assert page.totals.all_sales.text() == "ยอดจำหน่ายทั้งหมด <b>0.00</b>"
    assert not page.model.has_changes()
    undo.redo()
    assert text(page, 1, Column.AMOUNT) == "5,000.00"
    assert page.totals.all_sales.text() == "ยอดจำหน่ายทั้งหมด <b>5,000.00</b>"

    # A product's figure is undone by product, wherever its row has moved to.
    page.model.setData(
        cell(page, 0, Column.BY_PRODUCT), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    page.model.setData(cell(page, 2, Column.AMOUNT), "80")  # ลูกประคบ
    assert undo.undoText() == "ยอดจำหน่ายของ ลูกประคบ"
    undo.undo()
    assert text(page, 2, Column.AMOUNT) == ""

    assert page.save()
    assert not undo.canUndo()  # saved figures are the register's now


def test_each_opening_of_a_cell_is_its_own_step(qtbot: QtBot, page: SalesPage) -> None:
    page.table.setCurrentIndex(cell(page, 1, Column.AMOUNT))
    type_keys(qtbot, "5000")
    press(qtbot, Qt.Key.Key_Return)
    page.table.setCurrentIndex(cell(page, 1, Column.AMOUNT))
    type_keys(qtbot, "6000")
    press(qtbot, Qt.Key.Key_Return)
    page.undo_stack.undo()
    assert text(page, 1, Column.AMOUNT) == "5,000.00"
    page.undo_stack.undo()
    assert text(page, 1, Column.AMOUNT) == ""
    assert not page.undo_stack.canUndo()


def test_going_back_to_one_figure_starts_from_the_products_sum(page: SalesPage) -> None:
    model = page.model
    model.setData(
        cell(page, 0, Column.BY_PRODUCT), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    model.setData(cell(page, 1, Column.AMOUNT), "100")
    model.setData(cell(page, 2, Column.AMOUNT), "50.25")
    model.setData(
        cell(page, 0, Column.BY_PRODUCT), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert model.rowCount() == 3
    assert text(page, 0, Column.AMOUNT) == "150.25"
    [change] = model.changes()
    assert change.whole == SaleInput(Decimal("150.25"), Decimal(0))
    assert change.by_product == {}


def test_switching_month_with_unsaved_figures_asks_first(
    qtbot: QtBot, page: SalesPage, district_register: Register, shop: Shop
) -> None:
    type_keys(qtbot, "500")
    press(qtbot, Qt.Key.Key_Return)

    answer_next_question("กลับไปแก้ไข")
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    assert page.period == OCT
    assert (page.picker.month_combo.currentIndex(), page.picker.year_spin.value()) == (9, 2568)
    assert text(page, 0, Column.AMOUNT) == "500.00"

    answer_next_question("ไม่บันทึก")
    page.picker.year_spin.setValue(2567)  # ตุลาคม 2567
    assert page.period == Period(2567, 10)
    assert not page.model.has_changes()
    assert figures(district_register, shop.weaver) == []

    page.model.setData(cell(page, 0, Column.AMOUNT), "42")
    answer_next_question("บันทึก")
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.period == Period(2567, 11)
    with district_register.read() as s:
        [sale] = month_sales(s, shop.weaver, Period(2567, 10))
    assert sale.amount == Decimal("42.00")


def test_leaving_the_page_asks_only_when_something_is_unsaved(page: SalesPage) -> None:
    assert page.confirm_leave()  # nothing typed: no question
    page.model.setData(cell(page, 1, Column.AMOUNT), "1")
    answer_next_question("กลับไปแก้ไข")
    assert not page.confirm_leave()
    answer_next_question("ไม่บันทึก")
    assert page.confirm_leave()


def test_find_goes_to_an_entrepreneur_or_a_product(
    qtbot: QtBot, page: SalesPage, type_text: Callable[[QLineEdit, str], None]
) -> None:
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is page.find_edit
    type_text(page.find_edit, "น้ำพริก")
    assert page.table.currentIndex() == cell(page, 2, Column.AMOUNT)
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is page.table


def test_an_inactive_entrepreneur_with_figures_is_named_with_its_status(
    qtbot: QtBot, district_register: Register
) -> None:
    with district_register.write() as s:
        gone = create_entrepreneur(
            s,
            person(
                name="ร้านปิดแล้ว", status="closed", status_reason="COVID-19", status_date="15/10/2568"
            ),
        )
        set_month_sales(s, gone.id, OCT, whole=SaleInput("10"))
    page = SalesPage(district_register, today=TODAY)
    qtbot.addWidget(page)
    assert text(page, 0, Column.NAME) == "ร้านปิดแล้ว (เลิกกิจการ)"
    assert page.model.totals().amount == Decimal("10.00")
    assert page.model.totals().whole_business == Decimal("10.00")


def test_an_empty_register_says_so(qtbot: QtBot, district_register: Register) -> None:
    page = SalesPage(district_register, today=TODAY)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0
    assert page.message.text() == "ยังไม่มีผู้ประกอบการที่ดำเนินกิจการอยู่ในทะเบียน"


def test_a_province_sheet_can_be_narrowed_to_a_district(qtbot: QtBot, tmp_path: Path) -> None:
    with init_register(tmp_path / "p.sqlite3", OfficeKind.PROVINCE, "50") as register:
        with register.write() as s:
            create_entrepreneur(s, person(name="ร่มบ่อสร้าง", subdistrict_code="501301"))
            create_entrepreneur(s, person(name="แคบหมูเมือง", subdistrict_code="500101"))
        page = SalesPage(register, today=TODAY)
        qtbot.addWidget(page)
        assert not page.district_combo.isHidden()
        assert page.district_combo.count() == 1 + 25
        assert page.district_combo.currentText() == "ทุกอำเภอ"
        assert page.model.rowCount() == 2
        page.district_combo.setCurrentIndex(page.district_combo.findData("5013"))
        page.district_combo.activated.emit(page.district_combo.currentIndex())
        assert page.district_combo.currentText() == "สันกำแพง"
        assert [text(page, 0, Column.NAME)] == ["ร่มบ่อสร้าง"]
        assert page.model.rowCount() == 1


def test_a_district_sheet_has_no_district_choice(page: SalesPage) -> None:
    assert page.district_combo.isHidden()


def test_a_refusal_by_the_register_is_shown_and_the_figures_kept(
    qtbot: QtBot,
    page: SalesPage,
    district_register: Register,
    shop: Shop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[UserError] = []
    monkeypatch.setattr(sales_page, "show_user_error", lambda _parent, exc: shown.append(exc))
    type_keys(qtbot, "10")
    press(qtbot, Qt.Key.Key_Return)
    with district_register.write() as s:  # another computer deletes the weaver meanwhile
        delete_entrepreneur(s, shop.weaver)
    assert not page.save()
    [error] = shown
    assert error.message_th.startswith("ไม่พบผู้ประกอบการ")
    assert page.model.has_changes()
    assert text(page, 0, Column.AMOUNT) == "10.00"


def test_typing_does_not_wear_down_pysides_reference_to_true(qtbot: QtBot, page: SalesPage) -> None:
    # PySide6 6.12.0 drops a reference to True on every emit from Python; thousands of
    # keystrokes would free True and abort the program. Guards the pin in pyproject.toml.
    before = sys.getrefcount(True)
    for _ in range(200):
        page.model.figures_changed.emit()
        page.model.setData(cell(page, 1, Column.AMOUNT), "5")
    assert sys.getrefcount(True) >= before


def test_a_product_imported_without_its_category_is_on_the_grid_and_counted(
    qtbot: QtBot, district_register: Register, shop: Shop
) -> None:
    with district_register.write() as s:
        loose = create_product(
            s, shop.shop, ProductInput("ของฝาก", None, "50", "ชิ้น"), lacking={"category": ""}
        )
        set_month_sales(s, shop.shop, OCT, by_product={loose.id: SaleInput("500")})
    page = SalesPage(district_register, today=TODAY)
    qtbot.addWidget(page)
    assert page.period == OCT
    rows = [text(page, r, Column.NAME).strip() for r in range(page.model.rowCount())]
    row = rows.index("ของฝาก")
    assert cell(page, row, Column.NAME).data(Qt.ItemDataRole.ToolTipRole) == (
        "ยังไม่ได้ระบุประเภทผลิตภัณฑ์ (ข้อมูลที่ต้องกรอกให้ครบ)"
    )
    assert page.model.totals().amount == Decimal("500")
