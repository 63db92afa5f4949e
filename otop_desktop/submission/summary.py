"""The ``สรุป`` sheet, for people: counts and sales by product category and by subdistrict
(district workbook) or by district and category (provincial workbook), with totals. The
figures come from the data rows themselves, so the summary always agrees with them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from openpyxl import Workbook

from otop_desktop.domain import Category
from otop_desktop.submission import spec
from otop_desktop.submission.collect import DistrictRows, subdistrict_name
from otop_desktop.submission.workbook import SheetWriter

#: Producers without products (and so their whole-business sales) have no category.
NO_CATEGORY = ""
CATEGORY_KEYS = (*(str(c.value) for c in Category), NO_CATEGORY)
NOTE = "หมายเหตุ: ผู้ประกอบการและยอดจำหน่ายรวมทั้งกิจการ (ไม่ระบุผลิตภัณฑ์) นับในประเภทของผลิตภัณฑ์แรกของผู้ประกอบการ"
T, N, M = spec.Kind.TEXT, spec.Kind.NUMBER, spec.Kind.MONEY


def category_label(key: str) -> str:
    return Category(int(key)).label_th if key else "ไม่มีผลิตภัณฑ์"


@dataclass
class Tally:
    entrepreneurs: int = 0
    products: int = 0
    sales: Decimal = Decimal("0.00")
    online: Decimal = Decimal("0.00")

    def add(self, other: Tally) -> None:
        self.entrepreneurs += other.entrepreneurs
        self.products += other.products
        self.sales += other.sales
        self.online += other.online

    def cells(self) -> tuple[int, int, Decimal, Decimal]:
        return self.entrepreneurs, self.products, self.sales, self.online


@dataclass
class Tallies:
    by_category: dict[str, Tally]
    by_subdistrict: dict[str, Tally]
    total: Tally
    households: int
    skills: int
    support_rows: int
    support_amount: Decimal


def tally(rows: DistrictRows) -> Tallies:
    """A district's figures, from its data rows: a producer, and its whole-business sales,
    count under the category of its first product."""
    by_category: dict[str, Tally] = defaultdict(Tally)
    by_subdistrict: dict[str, Tally] = defaultdict(Tally)
    subdistrict_of: dict[str, str] = {}
    for row in rows.entrepreneurs:
        reg_no, sub = str(row[0]), str(row[7])
        subdistrict_of[reg_no] = sub
        by_subdistrict[sub].entrepreneurs += 1
        by_category[rows.first_category.get(reg_no, NO_CATEGORY)].entrepreneurs += 1
    category_of: dict[object, str] = {}
    for row in rows.products:
        code, reg_no, category = row[0], str(row[1]), str(row[3])
        category_of[code] = category
        by_category[category].products += 1
        by_subdistrict[subdistrict_of.get(reg_no, "")].products += 1
    # The sheets' rows are tuples of whatever each column holds (spec types them by column):
    # the money columns hold Decimal.
    for seller, product_code, _, amount, online in rows.sales:
        key = (
            category_of.get(product_code, NO_CATEGORY)
            if product_code
            else rows.first_category.get(str(seller), NO_CATEGORY)
        )
        for target in (by_category[key], by_subdistrict[subdistrict_of.get(str(seller), "")]):
            target.sales += cast(Decimal, amount)
            target.online += cast(Decimal, online)
    total = Tally()
    for t in by_category.values():
        total.add(t)
    return Tallies(
        by_category=by_category,
        by_subdistrict=by_subdistrict,
        total=total,
        households=len({r[0] for r in rows.households}),
        skills=sum(1 for r in rows.households if r[6] is not None),
        support_rows=len(rows.support),
        support_amount=sum((cast(Decimal, r[5]) for r in rows.support), Decimal("0.00")),
    )


Line = tuple[tuple[object, ...], bool]  # the cells, and whether they are bold


def _write(wb: Workbook, kinds: Sequence[spec.Kind], title: str, lines: list[Line]) -> None:
    """Title, then the tables; the columns are sized to the tables, not to the title."""
    sheet = SheetWriter(wb.create_sheet(spec.SUMMARY_SHEET), kinds)
    sheet.size_columns((), [cells for cells, _ in lines if len(cells) > 1], minimum=12)
    sheet.append((title,), bold=True)
    sheet.append(())
    for cells, bold in lines:
        sheet.append(cells, bold=bold)
    sheet.append(())
    sheet.append((NOTE,))


def write_district_summary(wb: Workbook, title: str, figures: Tallies) -> None:
    amounts = ("ยอดจำหน่าย (บาท)", "ยอดจำหน่ายออนไลน์ (บาท)")
    lines: list[Line] = [(("ประเภทผลิตภัณฑ์", "ชื่อประเภท", "ผู้ประกอบการ", "ผลิตภัณฑ์", *amounts), True)]
    for key in CATEGORY_KEYS:
        if key or key in figures.by_category:
            found = figures.by_category.get(key, Tally())
            lines.append(((key or "-", category_label(key), *found.cells()), False))
    lines.append((("รวม", None, *figures.total.cells()), True))
    lines.append(((), False))
    lines.append((("รหัสตำบล", "ตำบล", "ผู้ประกอบการ", "ผลิตภัณฑ์", *amounts), True))
    for code in sorted(figures.by_subdistrict):
        found = figures.by_subdistrict[code]
        lines.append(((code or "-", subdistrict_name(code) or None, *found.cells()), False))
    lines.append((("รวม", None, *figures.total.cells()), True))
    lines.append(((), False))
    lines.append((("ครัวเรือน Soft Power", "ครัวเรือน", figures.households), False))
    lines.append((("ทักษะที่บันทึก", "รายการ", figures.skills), False))
    support = (figures.support_rows, None, figures.support_amount)
    lines.append((("การอบรมและสนับสนุนในงวด", "รายการ / บาท", *support), False))
    _write(wb, (T, T, N, N, M, M), title, lines)


def write_province_summary(
    wb: Workbook, title: str, districts: Sequence[tuple[str, str, Tallies]]
) -> None:
    """Rows of districts (code, Thai name, figures): producers, products and sales by
    category, then product counts by category, each table with its total row. The counts
    sit in the money columns, as whole numbers, which SheetWriter leaves unformatted."""
    categories = [k for k in CATEGORY_KEYS if k or any(k in f.by_category for *_, f in districts)]
    names = [category_label(k) for k in categories]
    grand = Tally()
    per_category: dict[str, Tally] = defaultdict(Tally)
    for _, _, figures in districts:
        grand.add(figures.total)
        for key in categories:
            per_category[key].add(figures.by_category.get(key, Tally()))

    def category(figures: Tallies, key: str) -> Tally:
        return figures.by_category.get(key, Tally())

    lines: list[Line] = [
        (("ยอดจำหน่ายตามประเภทผลิตภัณฑ์ (บาท)",), True),
        (("รหัสอำเภอ", "อำเภอ", "ผู้ประกอบการ", "ผลิตภัณฑ์", *names, "รวม", "ออนไลน์"), True),
    ]
    for code, name, figures in districts:
        t = figures.total
        sales = [category(figures, k).sales for k in categories]
        lines.append(((code, name, t.entrepreneurs, t.products, *sales, t.sales, t.online), False))
    sales = [per_category[k].sales for k in categories]
    lines.append(
        (
            ("รวม", None, grand.entrepreneurs, grand.products, *sales, grand.sales, grand.online),
            True,
        )
    )
    lines.append(((), False))
    lines.append((("จำนวนผลิตภัณฑ์ตามประเภท (รายการ)",), True))
    lines.append((("รหัสอำเภอ", "อำเภอ", None, None, *names, "รวม"), True))
    for code, name, figures in districts:
        products = [category(figures, k).products for k in categories]
        lines.append(((code, name, None, None, *products, figures.total.products), False))
    products = [per_category[k].products for k in categories]
    lines.append((("รวม", None, None, None, *products, grand.products), True))
    _write(wb, (T, T, N, N, *(M for _ in categories), M, M), title, lines)
