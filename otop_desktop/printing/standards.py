"""Product standards (อย., มผช., …) expiring in the next months, by subdistrict: the list an
officer takes on follow-up visits, so that a producer renews before the certificate lapses.
Businesses that have closed are left out; suspended ones are listed and marked."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_desktop.domain import Status
from otop_desktop.errors import NotFoundError, UserError
from otop_desktop.models import Entrepreneur, Office, Product, ProductStandard
from otop_desktop.printing.layout import cell, fitted, fitted_smallest, grid_table, look
from otop_desktop.printing.office_blocks import TITLES, KeepTail, officer_signature, person_name
from otop_desktop.printing.print_data import district_name, place
from otop_desktop.printing.typeset import TextOptions, hold, para
from otop_desktop.thaiformat import format_be_date

TITLE = "รายการมาตรฐานผลิตภัณฑ์ที่จะหมดอายุ"
HEADINGS = (
    "ที่",
    "เลขทะเบียน",
    "ผู้ประกอบการ / กลุ่ม",
    "ที่ตั้ง",
    "ผลิตภัณฑ์",
    "มาตรฐาน",
    "เลขที่ใบรับรอง",
    "หมดอายุ",
)
#: The months a list may look ahead: two years covers every standard's renewal cycle.
MAX_MONTHS = 24
#: A subdistrict's heading, its table's heading and two rows.
HEADING_ROOM = 3.5 * cm
CERT_WIDTH = 3.2 * cm
BUSINESS, PRODUCT, CERT = 2, 4, 6
#: The least the names and the products are given (a product's name wraps between words).
NAMES_LEAST = 3 * cm
PRODUCTS_LEAST = 3.5 * cm


@dataclass(frozen=True)
class Expiring:
    subdistrict_code: str
    reg_no: str
    business: str
    house_no: str
    moo: int | None
    status: str
    product: str
    standard: str
    cert_no: str
    expires_on: date


def months_after(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day where it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check_months(months: int) -> int:
    if not 1 <= months <= MAX_MONTHS:
        raise UserError(
            f"จำนวนเดือนต้องอยู่ระหว่าง 1 ถึง {MAX_MONTHS} (ได้ {months})",
            f"The months ahead must be 1 to {MAX_MONTHS} (got {months})",
        )
    return months


def load(session: Session, today: date, months: int, district_code: str | None) -> list[Expiring]:
    """Standards expiring from ``today`` to ``months`` later, by subdistrict, then date."""
    until = months_after(today, check_months(months))
    where = [
        ProductStandard.expires_on >= today,
        ProductStandard.expires_on <= until,
        Entrepreneur.status != Status.CLOSED.value,
    ]
    if district_code:
        where.append(Entrepreneur.district_code == district_code)
    stmt = (
        select(
            Entrepreneur.subdistrict_code,
            Entrepreneur.reg_no,
            Entrepreneur.name,
            Entrepreneur.house_no,
            Entrepreneur.moo,
            Entrepreneur.status,
            Product.name,
            ProductStandard.standard,
            ProductStandard.cert_no,
            ProductStandard.expires_on,
        )
        .join(Product, Product.id == ProductStandard.product_id)
        .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
        .where(*where)
        .order_by(
            Entrepreneur.subdistrict_code,
            ProductStandard.expires_on,
            Entrepreneur.reg_no,
            Product.code,
            ProductStandard.standard,
        )
    )
    rows = []
    for row in session.execute(stmt):
        code, reg_no, business, house_no, moo, status, product, standard, cert_no, expires = row
        assert expires is not None  # the query asks for a date in the window
        rows.append(
            Expiring(
                code, reg_no, business, house_no, moo, status, product, standard, cert_no, expires
            )
        )
    if not rows:
        where_th = f" ในอำเภอ{district_name(district_code)}" if district_code else ""
        raise NotFoundError(
            f"ไม่มีมาตรฐานผลิตภัณฑ์ที่จะหมดอายุใน {months} เดือนข้างหน้า"
            f" (ถึง {format_be_date(until, 'long')}){where_th}",
            f"No product standard expires in the next {months} months "
            f"(by {format_be_date(until)})"
            + (f" in district {district_code}" if district_code else ""),
        )
    return rows


def standards_list(
    rows: list[Expiring],
    today: date,
    months: int,
    office: Office,
    width: float,
    options: TextOptions,
) -> list[Flowable]:
    lk = look()
    until = months_after(today, months)
    story: list[Flowable] = [
        para(TITLE, lk.title, options),
        para(
            f"ภายใน {hold(f'{months} เดือน')} ตั้งแต่ {hold(format_be_date(today, 'long'))} "
            f"ถึง {hold(format_be_date(until, 'long'))}",
            lk.centre_bold,
            options,
        ),
        para(
            f"{office.name}  ข้อมูล ณ วันที่ {hold(format_be_date(today, 'long'))}", lk.centre, options
        ),
        Spacer(1, 0.3 * cm),
    ]
    widths = _widths(rows, width, options)
    groups = [list(group) for _, group in groupby(rows, key=lambda row: row.subdistrict_code)]
    for i, items in enumerate(groups):
        where = place(items[0].subdistrict_code)
        heading = (
            f"ตำบล{where.subdistrict} อำเภอ{where.district} ({hold(f'{len(items):,} รายการ')})"
        )
        table = [[cell(h, lk.cell_head, options) for h in HEADINGS]]
        for number, row in enumerate(items, 1):
            table.append(_row(number, row, options))
        # A subdistrict's heading never ends a page: it starts one with room for its
        # table's heading and first rows. It heads the table, and so every page the table
        # runs onto.
        story.append(CondPageBreak(HEADING_ROOM))
        grid = grid_table(table, widths, title=para(heading, lk.heading, options))
        if i < len(groups) - 1:
            story.append(grid)
            continue
        after = [
            Spacer(1, 0.4 * cm),
            para(f"รวมทั้งสิ้น {hold(f'{len(rows):,} รายการ')}", lk.bold, options),
            Spacer(1, 0.8 * cm),
            officer_signature(office, "ผู้จัดทำ", width, options),
        ]
        story.append(KeepTail(grid, after))
    return story


def _row(number: int, row: Expiring, options: TextOptions) -> list[object]:
    lk = look()
    # The status note may go to a line of its own; a person's name stays whole.
    business = person_name(row.business)
    if row.status != Status.ACTIVE.value:
        business += f" ({Status(row.status).label_th})"
    at = " ".join(part for part in (row.house_no, f"ม.{row.moo}" if row.moo else "") if part)
    return [
        cell(str(number), lk.cell_centre, options),
        cell(row.reg_no, lk.cell, options),
        cell(business, lk.cell, options),
        cell(at, lk.cell, options),
        cell(row.product, lk.cell, options),
        cell(row.standard, lk.cell, options),
        cell(hold(row.cert_no), lk.cell, options),
        cell(format_be_date(row.expires_on), lk.cell, options),
    ]


def _widths(rows: list[Expiring], width: float, options: TextOptions) -> list[float]:
    """The fixed columns as wide as their values at full size, the names and products
    sharing the rest. In Thai digits, which are wider, the fixed columns may leave too little
    for them: then the codes and dates give up room down to what holds them at the smallest
    size (para() sets a value wider than its column smaller, never cut)."""
    lk = look()
    certs = [row.cert_no for row in rows]
    values: list[list[str]] = [
        [str(max(len(rows), 10))],
        ["5013-2567-0000"],
        [],
        ["999/99 ม.99"],
        [],
        [row.standard for row in rows],
        certs,
        ["30/09/2569"],
    ]
    headings = [
        fitted([h], lk.cell_head, options) if v else 0.0
        for h, v in zip(HEADINGS, values, strict=True)
    ]
    full = [
        max(h, fitted(v, lk.cell, options)) if v else 0.0
        for h, v in zip(headings, values, strict=True)
    ]
    # The least: the values whole at the smallest size, the heading at its own (a line
    # would break มาตรฐาน between the words it is made of).
    least = [
        max(fitted_smallest(v, lk.cell, options), h) if v else 0.0
        for h, v in zip(headings, values, strict=True)
    ]
    # A long certificate number is set smaller rather than take the room of the names.
    full[CERT] = min(full[CERT], max(CERT_WIDTH, headings[CERT], least[CERT]))
    least = [min(f, x) for f, x in zip(full, least, strict=True)]
    # A person's name is held whole (office_blocks.person_name): its column holds the
    # widest at the smallest size.
    names = [row.business for row in rows if row.business.startswith(TITLES)]
    names_least = max(NAMES_LEAST, fitted_smallest(names, lk.cell, options))
    short = names_least + PRODUCTS_LEAST - (width - sum(full))
    give = sum(full) - sum(least)
    if short > 0 and give > 0:
        share = min(1.0, short / give)
        full = [f - (f - x) * share for f, x in zip(full, least, strict=True)]
    rest = width - sum(full)
    # The names before the products: a product's name wraps between its words.
    full[BUSINESS] = max(rest * 0.55, names_least)
    full[PRODUCT] = rest - full[BUSINESS]
    return full
