"""The monthly sales report: the month's sales by product category and by subdistrict, with
the total in figures and in Thai baht text."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from otop_desktop.domain import Category
from otop_desktop.models import Office
from otop_desktop.printing.layout import cell, fitted, grid_table, look
from otop_desktop.printing.print_data import MonthlySales, SalesLine, district_name, place
from otop_desktop.printing.typeset import TextOptions, para
from otop_desktop.thaiformat import baht_text, format_money

HEADINGS = ("ราย", "ยอดจำหน่าย (บาท)", "ขายออนไลน์ (บาท)", "ร้อยละ")


def monthly_report(
    sales: MonthlySales, office: Office, width: float, options: TextOptions
) -> list[Flowable]:
    lk = look()
    area = f" อำเภอ{district_name(sales.district_code)}" if sales.district_code else ""
    total = sales.total
    story: list[Flowable] = [
        para("รายงานยอดจำหน่ายผลิตภัณฑ์ OTOP", lk.title, options),
        para(f"{area.strip()} ประจำเดือน{sales.period.label_th}".strip(), lk.centre_bold, options),
        para(office.name, lk.centre, options),
        Spacer(1, 0.4 * cm),
        para("1. ยอดจำหน่ายตามประเภทผลิตภัณฑ์", lk.heading, options),
    ]
    rows = [
        (c.label_th, sales.by_category.get(c, SalesLine(0, Decimal(0), Decimal(0))))
        for c in Category
    ]
    rows.append(("ยอดรวมทั้งกิจการ (ไม่แยกรายผลิตภัณฑ์)", sales.whole_business))
    story.append(_table("ประเภทผลิตภัณฑ์", rows, total, width, options))
    story.append(
        para(
            "หมายเหตุ: ผู้ประกอบการที่รายงานยอดรวมทั้งกิจการไม่ได้แยกยอดตามผลิตภัณฑ์ "
            "จึงแสดงแยกเป็นบรรทัดของตนเอง ผู้ประกอบการหนึ่งรายอาจอยู่ในหลายประเภท",
            lk.small,
            options,
        )
    )
    story.append(Spacer(1, 0.4 * cm))
    story.append(para("2. ยอดจำหน่ายรายตำบล", lk.heading, options))
    by_place = []
    for code, line in sales.by_subdistrict.items():
        where = place(code)
        name = (
            where.subdistrict if sales.district_code else f"{where.subdistrict} ({where.district})"
        )
        by_place.append((name, line))
    story.append(_table("ตำบล", by_place, total, width, options))
    story.append(Spacer(1, 0.5 * cm))
    story.append(
        KeepTogether(
            [
                para(
                    f"ยอดจำหน่ายรวมทั้งสิ้น {format_money(total.amount)} บาท "
                    f"({baht_text(total.amount)}) "
                    f"จากผู้ประกอบการ {total.entrepreneurs:,} ราย "
                    f"ขายออนไลน์ {format_money(total.online)} บาท",
                    lk.bold,
                    options,
                ),
                Spacer(1, 1.2 * cm),
                *_signature(office, options),
            ]
        )
    )
    return story


def _table(
    first: str,
    rows: list[tuple[str, SalesLine]],
    total: SalesLine,
    width: float,
    options: TextOptions,
) -> Table:
    lk = look()
    lines = [line for _, line in rows]
    numbers = [
        fitted(["ราย", f"{total.entrepreneurs:,}"], lk.cell_bold, options),
        fitted(["ยอดจำหน่าย", format_money(total.amount)], lk.cell_bold, options),
        fitted(
            ["ขายออนไลน์", *(format_money(x.online) for x in [*lines, total])], lk.cell_bold, options
        ),
        fitted(["ร้อยละ", "100.00"], lk.cell_bold, options),
    ]
    widths = [width - sum(numbers), *numbers]
    table: list[list[object]] = [
        [cell(first, lk.cell_head, options)] + [cell(h, lk.cell_head, options) for h in HEADINGS]
    ]
    for label, line in rows:
        table.append(_row(label, line, total, lk.cell, lk.cell_right, options))
    table.append(_row("รวม", total, total, lk.cell_bold, lk.cell_right_bold, options))
    return grid_table(table, widths, bold_last=True)


def _row(
    label: str,
    line: SalesLine,
    total: SalesLine,
    style: ParagraphStyle,
    right: ParagraphStyle,
    options: TextOptions,
) -> list[object]:
    share = line.amount * 100 / total.amount if total.amount else Decimal(0)
    return [
        cell(label, style, options),
        cell(f"{line.entrepreneurs:,}", right, options),
        cell(format_money(line.amount), right, options),
        cell(format_money(line.online), right, options),
        cell(f"{share:.2f}", right, options),
    ]


def _signature(office: Office, options: TextOptions) -> list[Flowable]:
    lk = look()
    officer = (
        f"({office.officer_name})"
        if office.officer_name
        else "(.......................................)"
    )
    return [
        para("(ลงชื่อ) ....................................... ผู้รายงาน", lk.centre, options),
        para(officer, lk.centre, options),
        para(office.officer_position or office.name, lk.centre, options),
    ]
