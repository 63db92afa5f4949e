"""The register list by subdistrict (A4 landscape), for meetings and the office file.
Citizen IDs and phone numbers are masked unless the clerk asks for them (PDPA)."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from otop_desktop.domain import ProducerType, Status
from otop_desktop.masking import mask
from otop_desktop.models import Office
from otop_desktop.printing.layout import cell, fitted, grid_table, look, signature_block
from otop_desktop.printing.print_data import (
    ListRow,
    district_name,
    place,
    show_id,
)
from otop_desktop.printing.typeset import TextOptions, hold, para
from otop_desktop.thaiformat import format_be_date, thai_today

# The list's columns are narrow; the full names are in the legend, on the form and on the
# certificate.
SHORT_TYPE = {
    ProducerType.GROUP: "กลุ่ม",
    ProducerType.SINGLE_OWNER: "รายเดียว",
    ProducerType.SME: "SME",
}
LEGEND = "ประเภท: " + ", ".join(f"{SHORT_TYPE[t]} = {t.label_th}" for t in ProducerType)
HEADINGS = (
    "ที่",
    "เลขทะเบียน / ประเภท",
    "ชื่อผู้ผลิต ผู้ประกอบการ\u00a0/\u00a0ผู้ติดต่อ",
    "เลขประจำตัว / โทรศัพท์",
    "เลขที่ หมู่",
    "ผลิต ภัณฑ์",
    "สถานะ",
)
NAME = 2
# What each fixed-format column must hold on one line (headers wrap at their spaces);
# the name takes what is left.
SAMPLES = (
    ("999",),
    ("5013-2567-0000",),
    (),
    (mask("0-0000-00000-00-0"), "0-0000-00000-00-0", "เลขประจำตัว"),
    ("99/99 ม.99",),
    ("ภัณฑ์",),
    ("หยุดชั่วคราว",),
)


def _widths(width: float, options: TextOptions) -> list[float]:
    lk = look()
    widths = [fitted(s, lk.cell, options) if s else 0.0 for s in SAMPLES]
    widths[NAME] = width - sum(widths)
    return widths


def register_list(
    rows: list[ListRow],
    office: Office,
    district_code: str | None,
    show_personal: bool,
    width: float,
    options: TextOptions,
) -> list[Flowable]:
    lk = look()
    widths = _widths(width, options)
    area = f" อำเภอ{district_name(district_code)}" if district_code else ""
    story: list[Flowable] = [
        para(f"ทะเบียนผู้ผลิต ผู้ประกอบการ OTOP{area} รายตำบล", lk.title, options),
        para(office.name, lk.centre_bold, options),
        para(
            f"ข้อมูล ณ วันที่ {hold(format_be_date(thai_today(), 'long'))} "
            f"จำนวนทั้งสิ้น {len(rows):,} ราย"
            + (
                "  (แสดงเลขประจำตัวและโทรศัพท์เต็ม: ข้อมูลส่วนบุคคล ใช้เฉพาะงานราชการ)"
                if show_personal
                else "  (ปกปิดเลขประจำตัวและโทรศัพท์บางส่วน)"
            ),
            lk.centre,
            options,
        ),
        para(LEGEND, lk.small, options),
        Spacer(1, 0.2 * cm),
    ]
    statuses: Counter[str] = Counter()
    for code, group in groupby(rows, key=lambda row: row.subdistrict_code):
        members = list(group)
        where = place(code)
        sub, district, _ = where.words()
        # Room for the headings and a couple of rows, or the table starts on the next page.
        story.append(CondPageBreak(5 * cm))
        table_rows: list[list[object]] = [[cell(h, lk.cell_head, options) for h in HEADINGS]]
        for number, row in enumerate(members, 1):
            statuses[row.status] += 1
            national_id = show_id(row.national_id)
            phone = row.phone
            if not show_personal:
                national_id, phone = mask(national_id), mask(phone)
            home = hold(row.house_no + (f" ม.{row.moo}" if row.moo else ""))
            table_rows.append(
                [
                    cell(str(number), lk.cell_centre, options),
                    # Two lines of one paragraph: spaced as lines are, not as paragraphs.
                    cell(
                        f"{row.reg_no}\n{SHORT_TYPE[ProducerType(row.producer_type)]}",
                        lk.cell,
                        options,
                    ),
                    _name(row, options),
                    cell(f"{national_id}\n{phone or '-'}", lk.cell, options),
                    cell(home, lk.cell, options),
                    cell(str(row.products), lk.cell_centre, options),
                    cell(Status(row.status).label_th, lk.cell, options),
                ]
            )
        # The subdistrict heads the table, repeated with the headings on every page the
        # table runs over.
        title = para(f"{sub} {district} ({len(members):,} ราย)", lk.heading, options)
        story.append(grid_table(table_rows, widths, title=title))
    summary = "  ".join(hold(f"{s.label_th} {statuses[s.value]:,} ราย") for s in Status)
    story.append(
        KeepTogether(
            [
                Spacer(1, 0.4 * cm),
                para(f"รวมทั้งสิ้น {len(rows):,} ราย: {summary}", lk.bold, options),
                Spacer(1, 0.8 * cm),
                signature_block("ผู้จัดทำ", "", "ตำแหน่ง " + "." * 30, width, options),
            ]
        )
    )
    return story


def _name(row: ListRow, options: TextOptions) -> list[Flowable]:
    """The name, and under it the contact person unless the owner is the contact."""
    lk = look()
    name = [cell(row.name, lk.cell, options)]
    if row.contact_name and row.contact_name != row.name:
        name.append(cell(row.contact_name, lk.small_grey, options))
    return name
