"""The overview's charts on a small district register: what each chart draws is the service's
figure (and stats' where it has one, a plain SQL count where it does not); a bar leads to the
list behind it; a chart saves as a picture and as a workbook; a failed count is said; a count
under way stops and gives its connection back before the register closes."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCharts import QAbstractBarSeries
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.domain import Category, Standard
from otop_desktop.errors import UserError
from otop_desktop.models import DigitalReadiness, Entrepreneur, Product
from otop_desktop.services.entrepreneurs import (
    EntrepreneurInput,
    create_entrepreneur,
    set_readiness,
)
from otop_desktop.services.overview import Overview, overview
from otop_desktop.services.products import ProductInput, StandardInput, create_product
from otop_desktop.services.readiness import level_sql
from otop_desktop.services.sales import SaleInput, set_month_sales
from otop_desktop.services.stats import register_stats
from otop_desktop.thaiformat import Period
from otop_desktop.thaiid import make_thai_id
from ui.main_window import MainWindow
from ui.overview import page as overview_page
from ui.overview.chart_card import ChartCard
from ui.overview.series import Chart

YEAR = 2568  # fiscal: October 2567 – September 2568


def producer(session: Session, name: str, n: int, subdistrict: str = "501301") -> int:
    return create_entrepreneur(
        session,
        EntrepreneurInput(
            producer_type=2,
            name=name,
            national_id=make_thai_id(f"3100100{n:05d}"),
            subdistrict_code=subdistrict,
            contact_name="นางแก้ว ใจดี",
            house_no=str(n),
            registered_on=date(2023, 5, 1),
        ),
    ).id


@pytest.fixture
def filled(district_register: Register) -> Register:
    """Three producers in two subdistricts: textiles, food and herbs, sales in fiscal 2567
    and 2568, two of them assessed for digital readiness."""
    with district_register.write() as s:
        weaver = producer(s, "กลุ่มทอผ้าบ้านดอน", 1)
        cook = producer(s, "ร้านน้ำพริกป้าศรี", 2, "501302")
        herbs = producer(s, "กลุ่มสมุนไพรบ้านป่า", 3, "501302")
        for name, category in (("ผ้าซิ่น", 3), ("ผ้าคลุมไหล่", 3)):
            create_product(s, weaver, ProductInput(name, category=category, price="450"))
        create_product(s, cook, ProductInput("น้ำพริกหนุ่ม", category=1, price="60"))
        create_product(s, herbs, ProductInput("ยาหม่อง", category=5, price="35"))
        set_month_sales(s, weaver, Period(2567, 11), whole=SaleInput("12000.00"))
        set_month_sales(s, weaver, Period(2568, 2), whole=SaleInput("30500.50"))
        set_month_sales(s, cook, Period(2568, 1), whole=SaleInput("4200.00"))
        set_month_sales(s, cook, Period(2567, 1), whole=SaleInput("1000.00"))  # fiscal 2567
        set_readiness(s, weaver, {"bank_account": True, "promptpay": True}, date(2025, 3, 1))
        set_readiness(s, cook, {"promptpay": True}, date(2025, 3, 1))
    return district_register


@pytest.fixture
def window(qtbot: QtBot, filled: Register) -> Iterator[MainWindow]:
    window = MainWindow(filled)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    yield window
    window.overview.stop()


def show_year(qtbot: QtBot, window: MainWindow, year: int = YEAR) -> Overview:
    page = window.overview
    page.show_year(year)
    qtbot.waitUntil(lambda: page.counting is None and page.figures is not None, timeout=10000)
    assert page.figures is not None and page.figures.year == year
    return page.figures


def card(window: MainWindow, name: str) -> ChartCard:
    return window.overview.cards[name]


def drawn_values(card: ChartCard) -> list[list[float]]:
    """Each bar set's values in the chart's row order (horizontal charts draw them bottom
    up)."""
    data = card.chart_data
    assert data is not None
    horizontal = data.shape.value != "columns"
    values = []
    for bar_set in card.bar_sets:
        row = [bar_set.at(i) for i in range(bar_set.count())]
        values.append(row[::-1] if horizontal else row)
    return values


def column(chart: Chart, title: str) -> tuple[int | Decimal, ...]:
    return next(c.values for c in chart.columns if c.title == title)


# --- the charts' figures ----------------------------------------------------------------


def test_every_chart_draws_the_services_figures(
    qtbot: QtBot, window: MainWindow, filled: Register
) -> None:
    shown = show_year(qtbot, window)
    with filled.read() as s:
        expected = overview(s, YEAR)
    assert shown == expected
    for name, chart_card in window.overview.cards.items():
        data = chart_card.chart_data
        assert data is not None, name
        scale = chart_card.scale
        for drawn, values in zip(data.drawn, drawn_values(chart_card), strict=True):
            assert values == pytest.approx([scale.drawn(v) for v in drawn.values]), name
    months = card(window, "months").chart_data
    assert months is not None
    assert months.keys == tuple(r.key for r in expected.months)
    assert column(months, "ปีงบ 2568") == tuple(r.sales for r in expected.months)
    assert column(months, "ปีงบ 2567") == tuple(r.previous_year for r in expected.months)


def test_the_figures_equal_stats_and_a_plain_count(
    qtbot: QtBot, window: MainWindow, filled: Register
) -> None:
    shown = show_year(qtbot, window)
    with filled.read() as s:
        stats = register_stats(s, YEAR)
        by_category_sql = dict(
            s.execute(select(Product.category, func.count()).group_by(Product.category)).all()
        )
        levels_sql = Counter(s.scalars(select(level_sql()).select_from(DigitalReadiness)))
        never_assessed = s.scalar(
            select(func.count())
            .select_from(Entrepreneur)
            .where(~Entrepreneur.id.in_(select(DigitalReadiness.entrepreneur_id)))
        )
    year = stats["year"]
    assert isinstance(year, dict)
    assert window.overview.entrepreneurs.value.text() == str(year["entrepreneurs"]) == "3"
    assert window.overview.products.value.text() == str(year["products"]) == "4"
    assert window.overview.sales.value.text() == "46,700.50"
    assert Decimal(year["sales"]) == shown.sales == Decimal("46700.50")

    categories = card(window, "categories").chart_data
    assert categories is not None
    for code, sales in zip(categories.keys, column(categories, "ยอดจำหน่าย"), strict=True):
        listed = year["by_category"].get(str(code), {"sales": "0.00"})
        assert sales == Decimal(listed["sales"]), code
    counts = card(window, "category_counts").chart_data
    assert counts is not None
    products = dict(zip(counts.keys, column(counts, "ผลิตภัณฑ์"), strict=True))
    assert {k: v for k, v in products.items() if v} == by_category_sql

    readiness = card(window, "readiness").chart_data
    assert readiness is not None
    levels = dict(zip(readiness.keys, column(readiness, "ผู้ประกอบการ"), strict=True))
    # -1: never assessed, as the list's filter names it.
    assert {k: v for k, v in levels.items() if v and k >= 0} == levels_sql
    assert levels[-1] == never_assessed == 1


def test_a_year_under_way_compares_its_sales_with_the_same_months(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown = show_year(qtbot, window)
    assert shown.as_of is None  # fiscal 2568 is over
    assert window.overview.sales.caption.text() == (
        "ยอดจำหน่าย (บาท)\nปีงบประมาณ 2567: 1,000.00 (+4570.1%)"
    )


# --- from a bar to its list ----------------------------------------------------------------


def test_a_category_bar_opens_that_categorys_products(
    qtbot: QtBot, window: MainWindow, filled: Register
) -> None:
    show_year(qtbot, window)
    chart_card = card(window, "categories")
    data = chart_card.chart_data
    assert data is not None
    row = data.keys.index(int(Category.TEXTILE))
    # The keyboard: Tab to the chart, the arrows to the textiles' bar, Enter.
    chart_card.view.setFocus(Qt.FocusReason.TabFocusReason)
    while chart_card.view.current != (row, 0):
        qtbot.keyClick(chart_card.view, Qt.Key.Key_Down)
    assert chart_card.caption.text().startswith("ผ้า เครื่องแต่งกาย: 42,500.50 บาท")
    qtbot.keyClick(chart_card.view, Qt.Key.Key_Return)
    assert window.current_page() == "products"
    products = window.records.products
    assert products.category_box.currentData() == int(Category.TEXTILE)
    qtbot.waitUntil(lambda: products.model.complete)
    shown = {products.model.id_at(r) for r in range(products.model.rowCount())}
    with filled.read() as s:
        textiles = set(s.scalars(select(Product.id).where(Product.category == 3)))
    assert shown == textiles and len(shown) == 2


def test_a_click_on_a_checklist_bar_lists_those_lacking_the_item(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_year(qtbot, window)
    chart_card = card(window, "readiness_checks")
    data = chart_card.chart_data
    assert data is not None
    row = data.keys.index("promptpay")
    series = chart_card.view.chart().series()[0]
    assert isinstance(series, QAbstractBarSeries)
    # Qt numbers a horizontal chart's bars from the bottom.
    series.clicked.emit(len(data.keys) - 1 - row, chart_card.bar_sets[0])
    assert window.current_page() == "entrepreneurs"
    page = window.records.entrepreneurs
    assert page.readiness_box.currentData() == "lacking:promptpay"
    qtbot.waitUntil(lambda: page.model.complete)
    # The herbalist was never assessed; the other two have PromptPay.
    names = {page.model.cells(r)[1] for r in range(page.model.rowCount())}
    assert names == {"กลุ่มสมุนไพรบ้านป่า"}


def test_a_readiness_level_bar_lists_the_producers_at_that_level(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_year(qtbot, window)
    chart_card = card(window, "readiness")
    data = chart_card.chart_data
    assert data is not None
    page = window.records.entrepreneurs
    expected = {1: {"กลุ่มทอผ้าบ้านดอน"}, 0: {"ร้านน้ำพริกป้าศรี"}, -1: {"กลุ่มสมุนไพรบ้านป่า"}}
    for level, names in expected.items():
        window.overview.openRequested.emit(data.target, data.keys[data.keys.index(level)])
        assert window.current_page() == "entrepreneurs"
        qtbot.waitUntil(lambda: page.model.complete)
        assert {page.model.cells(r)[1] for r in range(page.model.rowCount())} == names, level
        window.show_page("overview")


def test_a_standard_bar_lists_the_products_holding_it(
    qtbot: QtBot, window: MainWindow, filled: Register
) -> None:
    with filled.write() as s:
        cook = s.scalar(select(Entrepreneur.id).where(Entrepreneur.name == "ร้านน้ำพริกป้าศรี"))
        assert cook is not None
        chilli = create_product(
            s,
            cook,
            ProductInput(
                "น้ำพริกตาแดง",
                category=1,
                price="65",
                standards=[StandardInput(Standard.FDA, "50-1-00001-2-0001")],
            ),
        )
    show_year(qtbot, window)
    chart_card = card(window, "standards")
    data = chart_card.chart_data
    assert data is not None and data.target is not None
    assert dict(zip(data.keys, column(data, "ผลิตภัณฑ์"), strict=True))[Standard.FDA.value] == 1
    window.overview.openRequested.emit(data.target, Standard.FDA.value)
    products = window.records.products
    assert window.current_page() == "products"
    qtbot.waitUntil(lambda: products.model.complete)
    assert [products.model.id_at(r) for r in range(products.model.rowCount())] == [chilli.id]


def test_a_subdistrict_bar_opens_its_entrepreneurs(qtbot: QtBot, window: MainWindow) -> None:
    show_year(qtbot, window)
    chart_card = card(window, "areas")
    data = chart_card.chart_data
    assert data is not None
    assert data.keys[0] == "501301"  # the weaver's subdistrict sells most
    window.overview.openRequested.emit(data.target, data.keys[0])
    page = window.records.entrepreneurs
    assert window.current_page() == "entrepreneurs"
    assert page.subdistrict_box is not None and page.subdistrict_box.currentData() == "501301"


def test_a_months_bar_opens_the_sales_grid_at_that_month(qtbot: QtBot, window: MainWindow) -> None:
    show_year(qtbot, window)
    chart_card = card(window, "months")
    chart_card.view.setFocus(Qt.FocusReason.TabFocusReason)
    # The chart, given the keyboard, chooses its first bar (October of this year); then in
    # reading order October of the year before, November of this year…
    assert chart_card.view.current == (0, 0)
    for _ in range(2):
        qtbot.keyClick(chart_card.view, Qt.Key.Key_Right)
    assert chart_card.view.current == (1, 0)
    qtbot.keyClick(chart_card.view, Qt.Key.Key_Return)
    assert window.current_page() == "sales"
    sales = window.sales.page
    assert sales is not None and sales.period == Period(2567, 11)


# --- saving a chart --------------------------------------------------------------------------


def test_a_chart_saves_as_a_picture_and_its_figures_as_a_workbook(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    show_year(qtbot, window)
    chart_card = card(window, "categories")
    picture = window.overview.write_chart_image(chart_card, tmp_path / "c.png", force=False)
    assert picture is not None and picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    saved = window.overview.write_chart_figures(chart_card, tmp_path / "c.xlsx", force=False)
    assert saved is not None
    workbook = openpyxl.load_workbook(saved, read_only=True)
    try:
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        about = [r[0] for r in workbook.worksheets[1].iter_rows(values_only=True)]
    finally:
        workbook.close()
    assert rows[0] == ("ประเภทผลิตภัณฑ์", "ยอดจำหน่าย", "ผลิตภัณฑ์")
    textiles = next(r for r in rows if r[0] == "ผ้า เครื่องแต่งกาย")
    assert textiles[1:] == (42500.5, 2)
    assert about[:3] == [
        "ยอดจำหน่ายตามประเภทผลิตภัณฑ์ (บาท)",
        "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง",
        "ปีงบประมาณ 2568",
    ]


# --- counting ---------------------------------------------------------------------------------


def test_a_failed_count_is_said(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[Exception] = []

    def refuse(_session: Session, year: int, *, calendar: bool) -> Overview:
        raise UserError("นับไม่ได้", "Cannot count")

    monkeypatch.setattr(overview_page, "overview", refuse)
    monkeypatch.setattr(overview_page, "report_error", lambda _w, e: reported.append(e))
    page = window.overview
    page.show_year(YEAR)
    qtbot.waitUntil(lambda: page.counting is None)
    assert page.state.text() == "นับข้อมูลไม่สำเร็จ"
    assert [str(e) for e in reported] == [str(UserError("นับไม่ได้", "Cannot count"))]


def test_a_count_under_way_stops_and_gives_its_connection_back(
    qtbot: QtBot, window: MainWindow, filled: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    running = threading.Event()

    def endless(session: Session, year: int, *, calendar: bool) -> Overview:
        running.set()
        # A query that runs until interrupted (a count without end).
        session.execute(
            text(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                "SELECT count(*) FROM n"
            )
        )
        raise AssertionError("the endless query ended")

    monkeypatch.setattr(overview_page, "overview", endless)
    page = window.overview
    page.show_year(YEAR)
    counting = page.counting
    assert counting is not None
    assert running.wait(10)
    cancelled: list[bool] = []
    counting.job.cancelled.connect(lambda: cancelled.append(True))
    page.stop()
    assert filled.engine.pool.checkedout() == 0
    qtbot.waitUntil(lambda: cancelled == [True])
    assert page.counting is None


@pytest.fixture
def in_english(qapp: QApplication) -> Iterator[None]:
    """The program as started with ``--lang en``: no Thai catalog, an English locale."""
    translators = qapp.findChildren(QTranslator)
    for translator in translators:
        qapp.removeTranslator(translator)
    default = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        yield
    finally:
        QLocale.setDefault(default)
        for translator in translators:
            qapp.installTranslator(translator)


def test_the_charts_speak_english_in_baht_and_be_years(
    qtbot: QtBot, in_english: None, filled: Register
) -> None:
    window = MainWindow(filled)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    shown = show_year(qtbot, window)
    page = window.overview
    assert page.year_kind.currentText() == "Fiscal year"
    assert page.state.text() == "01/10/2567 to 30/09/2568"
    assert page.sales.caption.text() == "baht of sales\nfiscal year 2567: 1,000.00 (+4570.1%)"
    months = card(window, "months")
    assert months.chart_data is not None
    assert months.chart_data.title == "Sales by month, against the year before (baht)"
    assert months.chart_data.axis_labels[:3] == ("Oct", "Nov", "Dec")
    assert [c.title for c in months.chart_data.drawn] == ["FY 2568", "FY 2567"]
    assert months.scale.unit == "thousand baht"
    assert months.bar_text(1, 0) == "Nov 2567, FY 2568: 12,000.00 baht"
    categories = card(window, "categories").chart_data
    assert categories is not None and "Textiles and apparel" in categories.labels
    assert shown.year == 2568
    window.overview.stop()
