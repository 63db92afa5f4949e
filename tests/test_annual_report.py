"""The annual OTOP report: on the province demo, calendar 2565 gives Chiang Mai's figures
(25 districts, 2,475 entrepreneurs, 7,324 products, 13,773,055,668 baht; textiles first,
then utensils and decorations, then food), in the PDF and in the workbook."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pypdfium2
import pytest
from openpyxl import load_workbook

from otop_desktop.database import Register
from otop_desktop.demo.generator import generate
from otop_desktop.domain import Category, OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.printing.annual import annual_figures, write_annual
from otop_desktop.services.office import init_register
from otop_desktop.services.stats import register_stats
from otop_desktop.thaiformat import Period

SEED_SALES = Decimal("13773055668.00")


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Register]:
    path = tmp_path_factory.mktemp("province") / "r.sqlite3"
    register = init_register(path, OfficeKind.PROVINCE, "50")
    try:
        generate(register, "province", seed=1, until=Period(2569, 11))
        yield register
    finally:
        register.close()


def test_calendar_2565_reproduces_the_province_seed(province: Register) -> None:
    with province.read() as s:
        report = annual_figures(s, 2565, calendar=True, today=date(2026, 12, 3))
        stats = register_stats(s, 2565, calendar=True)["year"]
    o = report.figures
    assert (report.districts, o.entrepreneurs, o.products, o.sales) == (25, 2475, 7324, SEED_SALES)
    assert o.as_of is None
    by_sales = [c.key for c in sorted(o.categories, key=lambda c: -c.sales)]
    by_count = [c.key for c in sorted(o.categories, key=lambda c: -c.products)]
    top = [Category.TEXTILE, Category.UTENSIL, Category.FOOD]
    assert by_sales[:3] == top and by_count[:3] == top
    # The same counting rules as stats --year, and the parts add up to the whole.
    assert (stats["entrepreneurs"], stats["products"], stats["sales"]) == (
        2475,
        7324,
        f"{SEED_SALES}",
    )
    assert len(stats["by_district"]) == 25
    assert sum(a.sales for a in o.areas) == o.sales == sum(c.sales for c in o.categories)
    assert sum(m.sales for m in o.months) == o.sales
    assert sum(a.entrepreneurs for a in o.areas) == o.entrepreneurs
    assert sum(s.count for s in o.stars) == o.products
    assert sum(x.count for x in o.readiness) == o.entrepreneurs


def test_the_pdf_and_the_workbook_carry_the_figures(province: Register, tmp_path: Path) -> None:
    pdf = write_annual(province, 2565, calendar=True, out=tmp_path / "annual.pdf")
    document = pypdfium2.PdfDocument(pdf)
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    # A figure and its unit, a category's name, are held together by no-break spaces, and
    # read with the plain spaces they were written with.
    assert "\xa0" not in text
    for figure in ("2,475", "7,324", "13,773,055,668.00", "25 อำเภอ", "ผ้า เครื่องแต่งกาย"):
        assert figure in text
    assert "ผู้จัดทำ" in text

    xlsx = write_annual(province, 2565, calendar=True, out=tmp_path / "annual.xlsx")
    wb = load_workbook(xlsx, read_only=True)
    try:
        rows = list(wb["ภาพรวม"].iter_rows(min_row=4, values_only=True))
        fonts = {c.font.name for row in wb["ภาพรวม"].iter_rows() for c in row if c.value}
    finally:
        wb.close()
    found = {row[0]: row[1] for row in rows if row and row[0]}
    assert found["อำเภอที่มีผู้ประกอบการ"] == 25
    assert found["ผู้ประกอบการ (ราย)"] == 2475
    assert found["ผลิตภัณฑ์ (รายการ)"] == 7324
    assert Decimal(str(found["ยอดจำหน่าย (บาท)"])) == SEED_SALES
    assert fonts == {"TH SarabunPSK"}


def test_a_year_not_over_is_reported_as_of_its_last_ended_month(province: Register) -> None:
    with province.read() as s:
        report = annual_figures(s, 2570, calendar=False, today=date(2026, 12, 3))
    assert report.figures.as_of == Period(2569, 11)
    assert "ข้อมูล ณ สิ้นเดือนพฤศจิกายน 2569" in report.period


def test_other_suffixes_are_refused(province: Register, tmp_path: Path) -> None:
    with pytest.raises(UserError) as refused:
        write_annual(province, 2565, calendar=True, out=tmp_path / "annual.docx")
    assert ".pdf or .xlsx" in refused.value.message_en
    assert not (tmp_path / "annual.docx").exists()
