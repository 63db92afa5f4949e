"""The entrepreneur and product lists: the lazy model, search, filters, sorting, the keyboard,
and the signals the forms are wired to."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QTableView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from otop_desktop.accounts import service as accounts_service
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.masking import MASK
from otop_desktop.models.accounts import HEAD
from otop_desktop.services import listing
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.office import init_register
from otop_desktop.services.products import ProductInput, RatingInput, create_product
from tests.conftest import person
from tests.ui.test_mnemonics import language  # noqa: F401
from ui.households import HouseholdsPage
from ui.lists import EntrepreneursPage, ProductsPage
from ui.lists import page as page_module
from ui.lists.model import BLOCK, MAX_CACHED, Column, LazyTableModel
from ui.lists.page import SEARCH_DELAY_MS, ListPage
from ui.support import SupportPage

TypeText = Callable[[QLineEdit, str], None]


@dataclass
class Sample:
    """Ids of the sample register's records."""

    silk: int
    chilli: int
    umbrella: int
    soap: int
    silk_scarf: int
    chilli_paste: int
    paper_umbrella: int
    herbal_soap: int


def fill(register: Register) -> Sample:
    with register.write() as s:
        silk = create_entrepreneur(
            s,
            person(
                name="กลุ่มทอผ้าไหมบ้านดอนหลวง",
                producer_type=1,
                member_count=12,
                contact_name="นางบัวคำ ใจมา",
                registered_on=date(2023, 3, 1),
            ),
        )
        chilli = create_entrepreneur(
            s,
            person(
                name="ร้านน้ำพริกป้าแก้ว",
                subdistrict_code="501302",
                phone="0899999999",
                registered_on=date(2024, 1, 15),
            ),
        )
        umbrella = create_entrepreneur(
            s,
            person(
                name="Bo Sang Umbrella Co.",
                producer_type=3,
                subdistrict_code="501302",
                status="suspended",
                status_reason="COVID-19",
                status_date=date(2024, 6, 1),
                registered_on=date(2022, 11, 2),
            ),
        )
        soap = create_entrepreneur(
            s,
            person(
                name="ร้านสบู่สมุนไพรบ้านสันกลาง",
                subdistrict_code="501313",
                registered_on=date(2024, 2, 20),
            ),
        )
        ids = Sample(silk.id, chilli.id, umbrella.id, soap.id, 0, 0, 0, 0)
        ids.silk_scarf = create_product(
            s,
            silk.id,
            ProductInput(
                name="ผ้าไหมทอมือ",
                category=3,
                price="1200",
                unit="ผืน",
                soft_power="Fashion",
                ratings=[RatingInput(2565, 3)],
            ),
        ).id
        ids.chilli_paste = create_product(
            s,
            chilli.id,
            ProductInput(
                name="น้ำพริกหนุ่ม",
                category=1,
                price="60",
                unit="กระปุก",
                soft_power="Food",
                ratings=[RatingInput(2565, 5)],
            ),
        ).id
        ids.paper_umbrella = create_product(
            s, umbrella.id, ProductInput(name="ร่มกระดาษสา", category=4, price="450", unit="คัน")
        ).id
        ids.herbal_soap = create_product(
            s,
            soap.id,
            ProductInput(name="สบู่สมุนไพร", category=5, price="35.50", unit="ก้อน"),
        ).id
    return ids


@pytest.fixture
def sample(district_register: Register) -> Sample:
    return fill(district_register)


def show(qtbot: QtBot, page: ListPage) -> None:
    qtbot.addWidget(page)
    page.resize(1100, 600)
    with qtbot.waitExposed(page):
        page.show()


@pytest.fixture
def entrepreneurs(qtbot: QtBot, district_register: Register, sample: Sample) -> EntrepreneursPage:
    page = EntrepreneursPage(district_register)
    show(qtbot, page)
    return page


@pytest.fixture
def products(qtbot: QtBot, district_register: Register, sample: Sample) -> ProductsPage:
    page = ProductsPage(district_register)
    show(qtbot, page)
    return page


def listed(page: ListPage) -> list[int]:
    model = page.model
    return [model.id_at(row) for row in range(model.rowCount())]


def column_texts(page: ListPage, title: str) -> list[str]:
    model = page.model
    section = next(i for i, c in enumerate(model.columns) if c.title == title)
    return [model.index(row, section).data() for row in range(model.rowCount())]


def choose(box: QComboBox, text: str) -> None:
    index = box.findText(text)
    assert index > 0, f"{text!r} is not offered"
    box.setCurrentIndex(index)


def wait_for_list(qtbot: QtBot, page: ListPage, expected: Sequence[int]) -> None:
    qtbot.waitUntil(lambda: sorted(listed(page)) == sorted(expected), timeout=2000)


# The model ------------------------------------------------------------------------------


def test_the_entrepreneur_model_passes_the_model_tester(
    qtmodeltester: ModelTester, entrepreneurs: EntrepreneursPage
) -> None:
    assert entrepreneurs.model.rowCount() == 4
    qtmodeltester.check(entrepreneurs.model, force_py=True)
    qtmodeltester.check(entrepreneurs.model)


def test_the_product_model_passes_the_model_tester(
    qtmodeltester: ModelTester, products: ProductsPage
) -> None:
    assert products.model.rowCount() == 4
    qtmodeltester.check(products.model, force_py=True)
    qtmodeltester.check(products.model)


def test_entrepreneur_cells_read_in_thai(entrepreneurs: EntrepreneursPage, sample: Sample) -> None:
    model = entrepreneurs.model
    row = model.row_of(sample.umbrella)
    assert row is not None
    cells = [model.index(row, c).data() for c in range(model.columnCount())]
    assert cells == [
        "5013-2565-0001",
        "Bo Sang Umbrella Co.",
        "SME",  # the short name: the full one does not fit a column
        "นางแก้ว ใจดี",
        "ทรายมูล",
        "3",
        "0812345678",
        "หยุดชั่วคราว",
        "02/11/2565",
        "1",
    ]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["เลขทะเบียน", "ชื่อผู้ประกอบการ", "ประเภท"]
    assert entrepreneurs.count_label.text() == "4 จาก 4 ราย"


def test_product_cells_read_in_thai(products: ProductsPage, sample: Sample) -> None:
    model = products.model
    row = model.row_of(sample.chilli_paste)
    assert row is not None
    cells = [model.index(row, c).data() for c in range(model.columnCount())]
    assert cells == [
        "5013-2567-0001-P01",
        "น้ำพริกหนุ่ม",
        "อาหาร",
        "60.00",
        "กระปุก",
        "★★★★★",
        "Food",
        "ร้านน้ำพริกป้าแก้ว",
        "ทรายมูล",
    ]
    price = model.index(row, 3).data(Qt.ItemDataRole.TextAlignmentRole)
    assert price & Qt.AlignmentFlag.AlignRight
    assert products.count_label.text() == "4 จาก 4 รายการ"


class CountingRows:
    """A display-row query that records which ids were asked for."""

    def __init__(self, rows: Callable[[Session, Sequence[int]], dict[int, object]]) -> None:
        self.rows = rows
        self.asked: list[int] = []
        self.calls = 0

    def __call__(self, session: Session, ids: Sequence[int]) -> dict[int, object]:
        self.calls += 1
        self.asked.extend(ids)
        return self.rows(session, ids)


def test_a_long_list_fetches_only_the_rows_it_shows(
    qtbot: QtBot, qtmodeltester: ModelTester, district_register: Register
) -> None:
    total = 200_000
    counting = CountingRows(lambda _s, ids: {i: f"record {i}" for i in ids})

    def ids_of(
        _session: Session, _f: None, *, order: str, descending: bool, limit: int | None
    ) -> list[int]:
        ids = range(total, 0, -1) if descending else range(1, total + 1)
        return list(ids[:limit])

    model = LazyTableModel(
        district_register,
        [Column("Record", str, "id", "record 000000")],
        ids_of,
        counting,
        None,
        order="id",
    )
    with qtbot.waitSignal(model.loaded):
        model.reload()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 400)
    with qtbot.waitExposed(view):
        view.show()
    assert model.rowCount() == total
    assert counting.calls == 1 and len(counting.asked) <= BLOCK
    assert view.model().index(0, 0).data() == "record 1"

    # Screen by screen to the end: a bounded cache, a query per few screens, never the lot.
    for _ in range(40):
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 5_000)
        qtbot.wait(1)
        view.viewport().repaint()
    view.scrollToBottom()
    view.viewport().repaint()
    assert len(counting.asked) < 50 * BLOCK
    assert len(set(counting.asked)) == len(counting.asked), "a row was fetched twice"
    assert model.cached_count() <= MAX_CACHED
    assert model.index(total - 1, 0).data() == f"record {total}"
    qtmodeltester.check(model, force_py=True)


def test_the_page_reads_the_rows_on_screen_not_the_whole_register(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, district_register: Register
) -> None:
    with district_register.write() as s:
        for n in range(3 * BLOCK):
            create_entrepreneur(s, person(name=f"ร้านที่ {n:03d}"))
    counting = CountingRows(listing.entrepreneur_rows)
    monkeypatch.setattr("ui.lists.entrepreneurs.entrepreneur_rows", counting)
    page = EntrepreneursPage(district_register)
    show(qtbot, page)
    qtbot.waitUntil(lambda: page.model.complete)
    page.table.viewport().repaint()
    assert page.model.rowCount() == 3 * BLOCK
    assert 0 < len(counting.asked) <= BLOCK


def test_a_new_list_fetches_its_first_screen_alone_before_painting_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, district_register: Register
) -> None:
    with district_register.write() as s:
        for n in range(3 * BLOCK):
            create_entrepreneur(s, person(name=f"ร้านที่ {n:03d}"))
    counting = CountingRows(listing.entrepreneur_rows)
    monkeypatch.setattr("ui.lists.entrepreneurs.entrepreneur_rows", counting)
    page = EntrepreneursPage(district_register)
    show(qtbot, page)
    qtbot.waitUntil(lambda: page.model.complete)
    table, model = page.table, page.model
    cached = set(counting.asked)
    counting.asked.clear()
    counting.calls = 0

    page.search.setText("ร้านที่ 2")
    page.apply_filter()
    table.viewport().repaint()
    # One query, for the rows on screen (the list's first rows): none above or below them.
    last = table.rowAt(table.viewport().height() - 1)
    on_screen = [model.id_at(row) for row in range(table.rowAt(0), last + 1)]
    assert 0 < len(on_screen) < BLOCK
    assert counting.calls == 1
    assert sorted(counting.asked) == sorted(set(on_screen) - cached)
    assert table.model().index(0, 1).data() == "ร้านที่ 200"
    # Scrolling on fetches the next block as before, each row once.
    table.scrollToBottom()
    table.viewport().repaint()
    assert counting.calls == 2
    assert len(set(counting.asked)) == len(counting.asked)
    assert table.model().index(model.rowCount() - 1, 1).data() == "ร้านที่ 299"
    qtbot.waitUntil(lambda: model.complete)


def test_the_list_is_read_when_first_shown_not_when_built(
    qtbot: QtBot, district_register: Register, sample: Sample
) -> None:
    page = EntrepreneursPage(district_register)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0
    show(qtbot, page)
    assert page.model.rowCount() == 4


def test_a_long_list_shows_its_first_rows_at_once_and_the_rest_when_read(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, entrepreneurs: EntrepreneursPage, sample: Sample
) -> None:
    monkeypatch.setattr("ui.lists.model.HEAD", 3)
    page, model = entrepreneurs, entrepreneurs.model
    assert listed(page)[-1] == sample.soap
    page.select_id(sample.soap)
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    with qtbot.waitSignal(model.loaded):
        page.reload()
        assert model.rowCount() == 3 and not model.complete
        assert page.count_label.text() == "พบอย่างน้อย 3 จาก 4 ราย…"
        assert page.current_id() is None  # not read yet
    # The rest is appended, not a new list: the view keeps its place.
    assert (resets, inserted) == ([1], [(3, 3)])
    assert model.rowCount() == 4 and model.complete
    assert page.current_id() == sample.soap
    assert page.count_label.text() == "4 จาก 4 ราย"


def test_paints_do_not_put_off_reading_the_rest_of_the_list(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, entrepreneurs: EntrepreneursPage
) -> None:
    monkeypatch.setattr("ui.lists.model.HEAD", 2)
    model = entrepreneurs.model
    entrepreneurs.reload()
    assert not model.complete
    # A view painting more often than the wait after a paint (a scroll, a blinking cursor).
    for _ in range(500):
        if model.complete:
            break
        model.painted()
        qtbot.wait(2)
    assert model.complete and model.rowCount() == 4


def test_a_list_read_for_an_older_filter_is_dropped(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, products: ProductsPage, sample: Sample
) -> None:
    monkeypatch.setattr("ui.lists.model.HEAD", 1)
    assert products.category_box is not None
    products.model.set_filter(listing.ProductFilter())
    choose(products.category_box, "อาหาร")
    qtbot.waitUntil(lambda: products.model.complete)
    qtbot.wait(50)  # time for the first filter's worker to finish too
    assert listed(products) == [sample.chilli_paste]
    assert products.count_label.text() == "1 จาก 4 รายการ"


def test_a_failure_reading_the_rest_is_shown_to_the_clerk(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, district_register: Register, sample: Sample
) -> None:
    monkeypatch.setattr("ui.lists.model.HEAD", 2)

    def failing(
        session: Session,
        f: listing.EntrepreneurFilter,
        *,
        order: str,
        descending: bool,
        limit: int | None,
    ) -> list[int]:
        if limit is None:  # the worker thread's part
            raise UserError("ติดต่อฐานข้อมูลไม่ได้", "Cannot reach the database")
        return listing.entrepreneur_ids(session, f, order=order, descending=descending, limit=limit)

    monkeypatch.setattr("ui.lists.entrepreneurs.entrepreneur_ids", failing)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    page = EntrepreneursPage(district_register)
    with qtbot.waitSignal(page.model.failed):
        show(qtbot, page)
    assert shown == ["ติดต่อฐานข้อมูลไม่ได้"]
    assert page.model.rowCount() == 2
    assert page.count_label.text() == "พบอย่างน้อย 2 จาก 4 ราย…"


# Search ---------------------------------------------------------------------------------


def test_typing_a_registration_number_narrows_the_list_after_the_debounce(
    qtbot: QtBot, entrepreneurs: EntrepreneursPage, sample: Sample
) -> None:
    assert SEARCH_DELAY_MS <= 150
    qtbot.keyClicks(entrepreneurs.search, "5013-2567-0001")
    # Typing alone does not query: the list follows once the typing pauses.
    assert len(listed(entrepreneurs)) == 4
    wait_for_list(qtbot, entrepreneurs, [sample.chilli])
    assert entrepreneurs.count_label.text() == "1 จาก 4 ราย"


def test_typing_thai_narrows_the_list(
    qtbot: QtBot, type_text: TypeText, entrepreneurs: EntrepreneursPage, sample: Sample
) -> None:
    type_text(entrepreneurs.search, "ผ้าไหม")
    wait_for_list(qtbot, entrepreneurs, [sample.silk])
    # The product name finds its producer, and a contact name is searched too.
    type_text(entrepreneurs.search, "น้ำพริก")
    wait_for_list(qtbot, entrepreneurs, [sample.chilli])
    type_text(entrepreneurs.search, "บัวคำ")
    wait_for_list(qtbot, entrepreneurs, [sample.silk])


def test_one_and_two_thai_characters_search_too(
    qtbot: QtBot, type_text: TypeText, products: ProductsPage, sample: Sample
) -> None:
    # ร่ forgives its tone mark (every ร), but the umbrella, holding it as typed, comes first.
    type_text(products.search, "ร่")
    qtbot.waitUntil(lambda: listed(products)[:1] == [sample.paper_umbrella], timeout=2000)
    type_text(products.search, "สบ")
    wait_for_list(qtbot, products, [sample.herbal_soap])
    products.search.clear()
    everything = [sample.silk_scarf, sample.chilli_paste, sample.paper_umbrella, sample.herbal_soap]
    wait_for_list(qtbot, products, everything)
    assert products.count_label.text() == "4 จาก 4 รายการ"


def test_nothing_found_says_so(qtbot: QtBot, type_text: TypeText, products: ProductsPage) -> None:
    type_text(products.search, "ไม่มีสินค้านี้")
    wait_for_list(qtbot, products, [])
    assert products.count_label.text() == "0 จาก 4 รายการ"


# Filters --------------------------------------------------------------------------------


def test_entrepreneur_filters(entrepreneurs: EntrepreneursPage, sample: Sample) -> None:
    page = entrepreneurs
    assert page.subdistrict_box is not None and page.district_box is None
    choose(page.subdistrict_box, "ทรายมูล")
    assert sorted(listed(page)) == sorted([sample.chilli, sample.umbrella])
    choose(page.status_box, "หยุดชั่วคราว")
    assert listed(page) == [sample.umbrella]
    page.subdistrict_box.setCurrentIndex(0)
    page.status_box.setCurrentIndex(0)
    choose(page.producer_type_box, "กลุ่มผู้ผลิตชุมชน")
    assert listed(page) == [sample.silk]
    page.producer_type_box.setCurrentIndex(0)
    choose(page.category_box, "สมุนไพรที่ไม่ใช่อาหาร")
    assert listed(page) == [sample.soap]
    page.category_box.setCurrentIndex(0)
    choose(page.stars_box, "★★★★★")
    assert listed(page) == [sample.chilli]
    choose(page.stars_box, "ไม่มีดาว")
    assert sorted(listed(page)) == sorted([sample.umbrella, sample.soap])
    page.stars_box.setCurrentIndex(0)
    assert len(listed(page)) == 4


def test_product_filters(products: ProductsPage, sample: Sample) -> None:
    page = products
    assert page.subdistrict_box is not None
    choose(page.subdistrict_box, "ทรายมูล")
    assert sorted(listed(page)) == sorted([sample.chilli_paste, sample.paper_umbrella])
    page.subdistrict_box.setCurrentIndex(0)
    choose(page.category_box, "ผ้า เครื่องแต่งกาย")
    assert listed(page) == [sample.silk_scarf]
    page.category_box.setCurrentIndex(0)
    choose(page.stars_box, "★★★")
    assert listed(page) == [sample.silk_scarf]
    page.stars_box.setCurrentIndex(0)
    choose(page.soft_power_box, "Food")
    assert listed(page) == [sample.chilli_paste]
    page.soft_power_box.setCurrentIndex(0)
    choose(page.status_box, "หยุดชั่วคราว")
    assert listed(page) == [sample.paper_umbrella]


def test_filters_and_search_combine(
    qtbot: QtBot, type_text: TypeText, entrepreneurs: EntrepreneursPage, sample: Sample
) -> None:
    assert entrepreneurs.subdistrict_box is not None
    choose(entrepreneurs.subdistrict_box, "ทรายมูล")
    type_text(entrepreneurs.search, "ร้าน")
    wait_for_list(qtbot, entrepreneurs, [sample.chilli])


def test_a_province_office_filters_by_district_then_subdistrict(
    qtbot: QtBot, province_register: Register
) -> None:
    with province_register.write() as s:
        san_kamphaeng = create_entrepreneur(s, person(name="ร้านสันกำแพง")).id
        doi_saket = create_entrepreneur(s, person(name="ร้านดอยสะเก็ด", subdistrict_code="500401")).id
    page = EntrepreneursPage(province_register)
    show(qtbot, page)
    assert page.district_box is not None and page.subdistrict_box is not None
    assert not page.subdistrict_box.isEnabled()
    assert page.subdistrict_box.count() == 1
    choose(page.district_box, "สันกำแพง")
    assert listed(page) == [san_kamphaeng]
    assert page.subdistrict_box.isEnabled()
    choose(page.subdistrict_box, "ทรายมูล")
    assert listed(page) == []
    choose(page.subdistrict_box, "สันกำแพง")
    assert listed(page) == [san_kamphaeng]
    page.district_box.setCurrentIndex(0)
    assert sorted(listed(page)) == sorted([san_kamphaeng, doi_saket])
    assert not page.subdistrict_box.isEnabled()


def test_the_national_office_filters_by_province_then_district(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with init_register(tmp_path / "nation.sqlite3", OfficeKind.NATION) as register:
        with register.write() as s:
            chiang_mai = create_entrepreneur(s, person(name="ร้านสันกำแพง")).id
            lamphun = create_entrepreneur(s, person(name="ร้านลำพูน", subdistrict_code="510101")).id
        show(qtbot, ProductsPage(register))  # the same boxes
        page = EntrepreneursPage(register)
        show(qtbot, page)
        assert page.province_box is not None and page.district_box is not None
        assert not page.district_box.isEnabled()
        choose(page.province_box, "ลำพูน")
        assert listed(page) == [lamphun]
        choose(page.district_box, "เมืองลำพูน")
        assert listed(page) == [lamphun]
        choose(page.province_box, "เชียงใหม่")
        assert listed(page) == [chiang_mai]
        assert page.district_box.currentIndex() == 0 and page.district_box.isEnabled()
        page.province_box.setCurrentIndex(0)
        assert sorted(listed(page)) == sorted([chiang_mai, lamphun])
        assert not page.district_box.isEnabled()


# Sorting --------------------------------------------------------------------------------


def click_header(qtbot: QtBot, page: ListPage, title: str) -> None:
    header = page.table.horizontalHeader()
    section = next(i for i, c in enumerate(page.model.columns) if c.title == title)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_clicking_a_header_sorts_by_it(
    qtbot: QtBot, entrepreneurs: EntrepreneursPage, sample: Sample
) -> None:
    page = entrepreneurs
    assert column_texts(page, "เลขทะเบียน") == sorted(column_texts(page, "เลขทะเบียน"))
    click_header(qtbot, page, "วันลงทะเบียน")
    assert listed(page) == [sample.umbrella, sample.silk, sample.chilli, sample.soap]
    click_header(qtbot, page, "วันลงทะเบียน")
    assert listed(page) == [sample.soap, sample.chilli, sample.silk, sample.umbrella]
    header = page.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_a_column_the_service_cannot_sort_leaves_the_order(
    qtbot: QtBot, entrepreneurs: EntrepreneursPage
) -> None:
    page = entrepreneurs
    before = listed(page)
    click_header(qtbot, page, "โทรศัพท์")
    assert listed(page) == before
    assert page.table.horizontalHeader().sortIndicatorSection() == 0


def test_products_sort_by_price(qtbot: QtBot, products: ProductsPage) -> None:
    click_header(qtbot, products, "ราคา (บาท)")
    assert column_texts(products, "ราคา (บาท)") == ["35.50", "60.00", "450.00", "1,200.00"]


def test_sorting_keeps_the_current_record(
    qtbot: QtBot, entrepreneurs: EntrepreneursPage, sample: Sample
) -> None:
    assert entrepreneurs.select_id(sample.soap)
    click_header(qtbot, entrepreneurs, "วันลงทะเบียน")
    click_header(qtbot, entrepreneurs, "วันลงทะเบียน")
    assert entrepreneurs.current_id() == sample.soap
    assert entrepreneurs.table.currentIndex().row() == 0


# Opening, new, reload -------------------------------------------------------------------


def double_click(qtbot: QtBot, table: QTableView, index: QModelIndex) -> None:
    # A double-click is a press, a release and a double-click event; QTest sends only the
    # last, and a view opens only the index the press was on.
    position = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=position)


def test_double_click_asks_to_open_that_entrepreneur(
    qtbot: QtBot, entrepreneurs: EntrepreneursPage, sample: Sample
) -> None:
    row = entrepreneurs.model.row_of(sample.umbrella)
    assert row is not None
    opened: list[int] = []
    entrepreneurs.openRequested.connect(opened.append)
    double_click(qtbot, entrepreneurs.table, entrepreneurs.model.index(row, 1))
    assert opened == [sample.umbrella]


def test_double_click_asks_to_open_that_product(
    qtbot: QtBot, products: ProductsPage, sample: Sample
) -> None:
    row = products.model.row_of(sample.herbal_soap)
    assert row is not None
    opened: list[int] = []
    products.openRequested.connect(opened.append)
    double_click(qtbot, products.table, products.model.index(row, 2))
    assert opened == [sample.herbal_soap]


def test_the_keyboard_alone_finds_and_opens_a_record(
    qtbot: QtBot, type_text: TypeText, entrepreneurs: EntrepreneursPage, sample: Sample
) -> None:
    page = entrepreneurs
    page.table.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    type_text(page.search, "ร้าน")
    # Down does not wait for the debounce: the list follows at once and takes the focus.
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert sorted(listed(page)) == sorted([sample.chilli, sample.soap])
    first = page.current_id()
    assert first == listed(page)[0]
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.openRequested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [listed(page)[1]]
    # Up from the first row goes back to the search box.
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    assert page.search.hasFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""


def test_typing_in_the_table_goes_to_the_search_box(
    qtbot: QtBot, entrepreneurs: EntrepreneursPage, sample: Sample
) -> None:
    page = entrepreneurs
    page.select_id(sample.silk)
    page.table.setFocus()
    qtbot.keyClicks(page.table, "Bo")
    assert page.search.hasFocus()
    assert page.search.text() == "Bo"
    wait_for_list(qtbot, page, [sample.umbrella])


def test_ctrl_n_and_the_button_ask_for_a_new_record(qtbot: QtBot, products: ProductsPage) -> None:
    with qtbot.waitSignal(products.newRequested):
        qtbot.keyClick(products.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert products.new_button.text() == "เพิ่มผลิตภัณฑ์"
    with qtbot.waitSignal(products.newRequested):
        qtbot.mouseClick(products.new_button, Qt.MouseButton.LeftButton)


def test_reload_shows_changes_and_keeps_the_filter_and_the_current_record(
    district_register: Register, entrepreneurs: EntrepreneursPage, sample: Sample
) -> None:
    page = entrepreneurs
    assert page.subdistrict_box is not None
    choose(page.subdistrict_box, "ทรายมูล")
    assert page.select_id(sample.umbrella)
    with district_register.write() as s:
        added = create_entrepreneur(s, person(name="ร้านใหม่", subdistrict_code="501302")).id
        create_entrepreneur(s, person(name="ร้านตำบลอื่น", subdistrict_code="501301"))
        create_product(s, sample.umbrella, ProductInput(name="พัดกระดาษสา", category=4))
    page.reload()
    assert sorted(listed(page)) == sorted([sample.chilli, sample.umbrella, added])
    assert page.current_id() == sample.umbrella
    row = page.model.row_of(sample.umbrella)
    assert row is not None
    assert page.model.index(row, 9).data() == "2"


def test_select_id_shows_a_record_and_refuses_one_not_listed(
    qtbot: QtBot, type_text: TypeText, entrepreneurs: EntrepreneursPage, sample: Sample
) -> None:
    assert entrepreneurs.select_id(sample.soap)
    assert entrepreneurs.current_id() == sample.soap
    type_text(entrepreneurs.search, "ผ้าไหม")
    wait_for_list(qtbot, entrepreneurs, [sample.silk])
    assert not entrepreneurs.select_id(sample.soap)


# Saving a list ----------------------------------------------------------------------------


def workbook_rows(path: Path) -> tuple[list[list[object]], list[list[object]]]:
    wb = load_workbook(path)
    try:
        main, about = wb.worksheets
        return (
            [list(r) for r in main.iter_rows(values_only=True)],
            [list(r) for r in about.iter_rows(values_only=True)],
        )
    finally:
        wb.close()


def shown_rows(page: ListPage) -> list[list[str]]:
    model = page.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_a_filtered_list_is_saved_to_xlsx_as_shown(
    entrepreneurs: EntrepreneursPage, sample: Sample, tmp_path: Path
) -> None:
    page = entrepreneurs
    assert page.subdistrict_box is not None
    choose(page.subdistrict_box, "ทรายมูล")
    page.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    saved = page.save_workbook_to(tmp_path / "รายชื่อ.xlsx")
    assert saved is not None and saved.rows == 2
    rows, about = workbook_rows(saved.path)
    assert rows[0] == [c.title for c in page.model.columns]
    assert rows[1:] == shown_rows(page)
    assert [r[0] for r in about] == [
        "ผู้ประกอบการ",
        "ตัวกรอง: “ทรายมูล”",
        "เรียงตาม ชื่อผู้ประกอบการ จากมากไปน้อย",
        "2 จาก 4 ราย",
        about[4][0],
    ]
    assert str(about[4][0]).startswith("บันทึกเมื่อ")
    assert page.notice.text.text() == f"บันทึก 2 แถวลงไฟล์ {saved.path} แล้ว"


def test_an_existing_file_is_not_replaced_unasked(
    monkeypatch: pytest.MonkeyPatch, entrepreneurs: EntrepreneursPage, tmp_path: Path
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(
        page_module, "show_user_error", lambda _p, exc: errors.append(exc.message_th)
    )
    target = tmp_path / "list.xlsx"
    target.write_bytes(b"kept")
    assert entrepreneurs.save_workbook_to(target) is None
    assert target.read_bytes() == b"kept"
    assert errors and "มีไฟล์" in errors[0]


def test_phones_are_saved_masked_for_an_account_that_sees_them_masked(
    qtbot: QtBot, district_register: Register, sample: Sample, tmp_path: Path
) -> None:
    with district_register.write(system=True) as session:
        accounts_service.add_account(session, "somchai", HEAD, "head-password-1")
    district_register.login("somchai", "head-password-1")
    page = EntrepreneursPage(district_register)
    show(qtbot, page)
    saved = page.save_workbook_to(tmp_path / "masked.xlsx")
    assert saved is not None
    rows, _ = workbook_rows(saved.path)
    phone = rows[0].index("โทรศัพท์")
    phones = [str(r[phone]) for r in rows[1:] if r[phone]]
    assert phones and all(p.startswith(MASK) and "0812345678" not in p for p in phones)
    assert rows[1:] == shown_rows(page)


# Columns at 1366×768 --------------------------------------------------------------------

# The width a list page gets in the main window on a 1366×768 screen: the screen less the
# page list on the left and the window's margins.
PAGE_WIDTH_1366 = 1100


def all_lists(register: Register) -> list[tuple[QWidget, ListPage]]:
    """Each list with the widget that holds it on its page."""
    support = SupportPage(register)
    lists: list[ListPage] = [
        EntrepreneursPage(register),
        ProductsPage(register),
        HouseholdsPage(register),
    ]
    return [
        *((page, page) for page in lists),
        (support, support.trainings),
        (support, support.grants),
    ]


def test_every_list_fits_its_columns_and_whole_headings_at_1366(
    qtbot: QtBot,
    district_register: Register,
    sample: Sample,
    language: str,  # noqa: F811
) -> None:
    for holder, page in all_lists(district_register):
        qtbot.addWidget(holder)
        holder.resize(PAGE_WIDTH_1366, 600)
        with qtbot.waitExposed(holder):
            holder.show()
        if isinstance(holder, SupportPage):
            holder.tabs.setCurrentWidget(page)
        table = page.table
        qtbot.waitUntil(lambda t=table: t.viewport().width() > PAGE_WIDTH_1366 - 80)
        header = table.horizontalHeader()
        sections = [header.sectionSize(i) for i in range(header.count())]
        titles = [page.model.columns[i].title for i in range(header.count())]
        name = type(page).__name__
        assert sum(sections) <= table.viewport().width(), (name, language, titles, sections)
        for title, size in zip(titles, sections, strict=True):
            assert header.fontMetrics().horizontalAdvance(title) < size, (name, language, title)
        holder.hide()


def test_names_of_40_characters_show_whole_and_longer_ones_have_a_tooltip(
    qtbot: QtBot, district_register: Register, sample: Sample
) -> None:
    forty = "วิสาหกิจชุมชนกลุ่มทอผ้าไหมบ้านดอนหลวงใต้"
    longer = forty + "และเครือข่าย"
    assert len(forty) == 40
    with district_register.write() as s:
        whole = create_entrepreneur(s, person(name=forty)).id
        cut = create_entrepreneur(s, person(name=longer)).id
    page = EntrepreneursPage(district_register)
    show(qtbot, page)
    page.resize(PAGE_WIDTH_1366, 600)
    qtbot.waitUntil(lambda: page.table.viewport().width() > PAGE_WIDTH_1366 - 80)
    model = page.model
    for record, tip in ((whole, ""), (cut, longer)):
        row = model.row_of(record)
        assert row is not None
        assert page.table.elided_text(model.index(row, 1)) == tip
    # Short cells carry no tooltip at all.
    assert page.table.elided_text(model.index(0, 0)) == ""


def test_counts_carry_thousands_separators(
    district_register: Register,
    language: str,  # noqa: F811
) -> None:
    page = EntrepreneursPage(district_register)
    page.total = 2156
    expected = "2,156 จาก 2,156 ราย" if language == "th" else "2,156 of 2,156 entrepreneurs"
    assert page.count_text(2156, True) == expected
