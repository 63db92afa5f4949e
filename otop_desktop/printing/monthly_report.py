"""The monthly sales report: the month's sales by product category and by place, with the
total in figures and in Thai baht text, the report date and the reporting officer's
signature. A register of one district lists its subdistricts; a province's register lists
its districts first, then each district's subdistricts under the district's name."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from otop_desktop.domain import Category
from otop_desktop.models import Office
from otop_desktop.printing.layout import cell, fitted, grid_table, look, signature_block
from otop_desktop.printing.print_data import MonthlySales, SalesLine, district_name, place
from otop_desktop.printing.typeset import TextOptions, hold, para
from otop_desktop.thaiformat import (
    THAI_MONTHS,
    baht_text,
    format_be_date,
    format_money,
    thai_today,
)

HEADINGS = ("ราย", "ยอดจำหน่าย (บาท)", "ขายออนไลน์ (บาท)", "ร้อยละ")
_ZERO = SalesLine(0, Decimal(0), Decimal(0))


def monthly_report(
    sales: MonthlySales, office: Office, width: float, options: TextOptions
) -> list[Flowable]:
    lk = look()
    area = f"อำเภอ{district_name(sales.district_code)} " if sales.district_code else ""
    month = f"{THAI_MONTHS[sales.period.month - 1]} พ.ศ. {sales.period.year_be}"
    total = sales.total
    story: list[Flowable] = [
        para("รายงานยอดจำหน่ายผลิตภัณฑ์ OTOP", lk.title, options),
        para(f"{area}ประจำเดือน{hold(month)}", lk.centre_bold, options),
        para(office.name, lk.centre, options),
        para(f"ข้อมูล ณ วันที่ {hold(format_be_date(thai_today(), 'long'))}", lk.centre, options),
        Spacer(1, 0.4 * cm),
        para("1. ยอดจำหน่ายตามประเภทผลิตภัณฑ์", lk.heading, options),
    ]
    rows = [(c.label_th, sales.by_category.get(c, _ZERO)) for c in Category]
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
    story += _by_place(sales, width, options)
    story.append(Spacer(1, 0.5 * cm))
    story.append(
        KeepTogether(
            [
                para(
                    f"ยอดจำหน่ายรวมทั้งสิ้น {hold(format_money(total.amount) + ' บาท')} "
                    f"({baht_text(total.amount)}) "
                    f"จากผู้ประกอบการ {hold(f'{total.entrepreneurs:,} ราย')} "
                    f"ขายออนไลน์ {hold(format_money(total.online) + ' บาท')}",
                    lk.bold,
                    options,
                ),
                Spacer(1, 1.0 * cm),
                signature_block(
                    "ผู้รายงาน",
                    office.officer_name,
                    office.officer_position or office.name,
                    width,
                    options,
                ),
            ]
        )
    )
    return story


def _by_place(sales: MonthlySales, width: float, options: TextOptions) -> list[Flowable]:
    """The sales by subdistrict; on a register of several districts, by district first and
    then each district's subdistricts, the district named once above them."""
    lk = look()
    districts: dict[str, list[tuple[str, SalesLine]]] = defaultdict(list)
    for code, line in sales.by_subdistrict.items():
        where = place(code)
        districts[where.district].append((where.subdistrict, line))
    story: list[Flowable] = [Spacer(1, 0.4 * cm)]
    if len(districts) <= 1:
        story.append(para("2. ยอดจำหน่ายรายตำบล", lk.heading, options))
        rows = next(iter(districts.values()), [])
        story.append(_table("ตำบล", rows, sales.total, width, options))
        return story
    story.append(para("2. ยอดจำหน่ายรายอำเภอ", lk.heading, options))
    by_district = [(name, _sum(lines)) for name, lines in districts.items()]
    story.append(_table("อำเภอ", by_district, sales.total, width, options))
    story.append(Spacer(1, 0.4 * cm))
    story.append(para("3. ยอดจำหน่ายรายตำบล แยกตามอำเภอ", lk.heading, options))
    for name, lines in districts.items():
        story.append(CondPageBreak(4 * cm))
        story.append(para(f"อำเภอ{name}", lk.bold, options))
        story.append(_table("ตำบล", lines, _sum(lines), width, options, total_label="รวมอำเภอ"))
        story.append(Spacer(1, 0.2 * cm))
    return story


def _sum(lines: list[tuple[str, SalesLine]]) -> SalesLine:
    """A district's line from its subdistricts' (each producer is in one subdistrict)."""
    return SalesLine(
        sum(line.entrepreneurs for _, line in lines),
        sum((line.amount for _, line in lines), Decimal(0)),
        sum((line.online for _, line in lines), Decimal(0)),
    )


def _table(
    first: str,
    rows: list[tuple[str, SalesLine]],
    total: SalesLine,
    width: float,
    options: TextOptions,
    *,
    total_label: str = "รวม",
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
    table.append(_row(total_label, total, total, lk.cell_bold, lk.cell_right_bold, options))
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
