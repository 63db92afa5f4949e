"""A month sent to the province shows read-only in the sales grid under a banner; Unlock
asks for a reason, records it, and opens the grid for changes again."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from otop_desktop.database import Register
from otop_desktop.models import PeriodLock
from otop_desktop.services.sales import SaleInput, month_sales, set_month_sales
from otop_desktop.submission.export import export_monthly
from otop_desktop.thaiformat import format_be_date, thai_today
from tests.ui.test_sales_grid import OCT, TODAY, Shop
from ui.sales.sales_page import SalesPage
from ui.sales.sheet_model import Column


@pytest.fixture
def sent(district_register: Register, tmp_path) -> Shop:
    shop = Shop(district_register)
    with district_register.write() as s:
        set_month_sales(s, shop.shop, OCT, whole=SaleInput("1500"))
    export_monthly(district_register, OCT, tmp_path / "out", user="นางสาวส่ง")
    return shop


@pytest.fixture
def page(qtbot: QtBot, district_register: Register, sent: Shop) -> SalesPage:
    widget = SalesPage(district_register, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1000, 640)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def answer_reason(qtbot: QtBot, type_text: Callable[[QLineEdit, str], None], text: str | None):
    """Answers the unlock dialog once it is open: types ``text`` and OK, or cancels."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        if text is None:
            dialog.reject()
            return
        edit = dialog.findChild(QLineEdit)
        assert edit is not None
        type_text(edit, text)
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_a_sent_month_is_read_only_under_a_banner(qtbot: QtBot, page: SalesPage) -> None:
    assert page.lock_banner.isVisible()
    assert "นางสาวส่ง" in page.lock_text.text()
    assert page.unlock_button.isVisible()
    assert page.model.read_only
    for row in range(page.model.rowCount()):
        for column in (Column.AMOUNT, Column.ONLINE, Column.BY_PRODUCT):
            flags = page.model.flags(page.model.index(row, column))
            assert not flags & Qt.ItemFlag.ItemIsEditable
            assert not flags & Qt.ItemFlag.ItemIsUserCheckable
    assert not page.model.setData(page.model.index(0, Column.AMOUNT), "99")
    assert not page.save_button.isEnabled()
    # Another month is open as before.
    page.show_period(OCT.prev())
    assert not page.lock_banner.isVisible() and not page.model.read_only


def test_the_model_passes_qt_s_checks_read_only(qtmodeltester, page: SalesPage) -> None:
    qtmodeltester.check(page.model)


def test_cancelling_the_reason_keeps_the_lock(qtbot: QtBot, page: SalesPage, type_text) -> None:
    answer_reason(qtbot, type_text, None)
    assert page.unlock() is False
    assert page.model.read_only


def test_unlock_with_a_reason_opens_the_month(
    qtbot: QtBot, page: SalesPage, district_register: Register, sent: Shop, type_text
) -> None:
    answer_reason(qtbot, type_text, "ยอดร้านร่มพิมพ์ผิด")
    assert page.unlock() is True
    assert not page.model.read_only
    assert not page.unlock_button.isVisible()
    assert "ยอดร้านร่มพิมพ์ผิด" in page.lock_text.text()  # banner: send it again
    with district_register.read() as s:
        events = s.scalars(select(PeriodLock).order_by(PeriodLock.id)).all()
    assert [e.action for e in events] == ["submitted", "unlocked"]
    assert events[-1].reason == "ยอดร้านร่มพิมพ์ผิด"
    # Now a figure can be changed and saved.
    shop_row = next(
        r
        for r in range(page.model.rowCount())
        if page.model.index(r, Column.NAME).data() == "ร้านร่มบ่อสร้าง"
    )
    assert page.model.setData(page.model.index(shop_row, Column.AMOUNT), "1600")
    assert page.save()
    with district_register.read() as s:
        (sale,) = month_sales(s, sent.shop, OCT)
    assert str(sale.amount) == "1600.00"


def test_the_banner_dates_the_sending_as_every_list_does_in_either_language(
    qtbot: QtBot, district_register: Register, sent: Shop
) -> None:
    sent_on = format_be_date(thai_today())
    thai = QLocale()
    try:
        for locale in (thai, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)):
            QLocale.setDefault(locale)
            page = SalesPage(district_register, today=TODAY)
            qtbot.addWidget(page)
            assert sent_on in page.lock_text.text(), page.lock_text.text()
    finally:
        QLocale.setDefault(thai)
