"""The registration form (แบบลงทะเบียนผู้ผลิต ผู้ประกอบการ OTOP) the producer signs: filled
from a record, or blank to fill by hand. Every field the register keeps for the producer and
each product, the documents to attach, and the signatures of applicant and officer."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from otop_desktop.domain import READINESS_ITEMS, Category, ProducerType, SoftPower, Standard, Status
from otop_desktop.models import Entrepreneur, Office, Product
from otop_desktop.printing.layout import (
    FormLines,
    cell,
    fitted,
    grid_table,
    look,
    signature,
    ticks,
)
from otop_desktop.printing.print_data import place, show_id
from otop_desktop.printing.typeset import TextOptions, hold, para
from otop_desktop.thaiformat import format_be_date, format_money

#: What the producer attaches, in the order the checklist shows it.
ATTACHMENTS = (
    "สำเนาบัตรประจำตัวประชาชนของผู้ยื่นลงทะเบียน",
    "สำเนาทะเบียนบ้านของผู้ยื่นลงทะเบียน",
    "หนังสือมอบอำนาจ พร้อมสำเนาบัตรประจำตัวประชาชนของผู้รับมอบอำนาจ (ถ้ามี)",
    "ภาพถ่ายผลิตภัณฑ์ที่ลงทะเบียน",
    "รายงานการประชุมกลุ่มและรายชื่อสมาชิกกลุ่ม (กรณีกลุ่มผู้ผลิตชุมชน)",
    "ภาพถ่ายสถานที่ผลิต",
    "หนังสือรับรองจากเครือข่าย OTOP ระดับอำเภอ",
)
#: Empty product blocks on the blank form.
BLANK_PRODUCTS = 2


def form(
    entrepreneur: Entrepreneur | None, office: Office, width: float, options: TextOptions
) -> list[Flowable]:
    """One form; ``None`` gives the blank form. A record's products, their standards and
    ratings and its readiness must be loaded."""
    lk = look()
    e = entrepreneur
    registered = ""
    if e is not None:
        # Incomplete records, the undated among them, are held out of printing (print_data).
        assert e.registered_on is not None
        registered = format_be_date(e.registered_on, "long")
    story: list[Flowable] = [
        para("แบบลงทะเบียนผู้ผลิต ผู้ประกอบการ OTOP", lk.title, options),
        para("(หนึ่งตำบล หนึ่งผลิตภัณฑ์)", lk.centre_bold, options),
        Spacer(1, 0.2 * cm),
    ]
    story += (
        FormLines(width, options)
        .line(
            ("เลขทะเบียน", e.reg_no if e else "", 1),
            ("วันที่ลงทะเบียน", registered, 1),
        )
        .line((f"เรียน {office.name}", None, 0))
        .tables()
    )
    story += _producer(e, width, options)
    products: list[Product | None] = list(e.products) if e else [None] * BLANK_PRODUCTS
    story.append(CondPageBreak(5 * cm))
    story.append(para("ส่วนที่ 2 ผลิตภัณฑ์ที่ลงทะเบียน", lk.heading, options))
    if e and not products:
        story.append(para("(ยังไม่มีผลิตภัณฑ์ในทะเบียน)", lk.body, options))
    for number, product in enumerate(products, 1):
        story += _product(number, product, width, options)
    story.append(CondPageBreak(4 * cm))
    story.append(para("ส่วนที่ 3 ความพร้อมด้านการเงินดิจิทัล", lk.heading, options))
    readiness = e.readiness if e else None
    story += ticks(
        [(th, bool(readiness and getattr(readiness, key))) for key, th, _ in READINESS_ITEMS],
        width,
        options,
    )
    if readiness and readiness.assessed_on:
        story.append(
            para(
                f"ประเมินเมื่อ {hold(format_be_date(readiness.assessed_on, 'long'))} "
                + hold(f"ระดับความพร้อม {readiness.level} จาก 5"),
                lk.body,
                options,
            )
        )
    checklist = ticks([(text, False) for text in ATTACHMENTS], width, options, per_line=True)
    # The heading goes over with the first items; the signatures with the last two, so
    # they never stand alone on a page and no more of the list moves than must.
    story.append(
        KeepTogether([para("ส่วนที่ 4 เอกสารประกอบการลงทะเบียน", lk.heading, options), *checklist[:2]])
    )
    story += checklist[2:-2]
    last: list[Flowable] = [*checklist[-2:], Spacer(1, 0.3 * cm)]
    last += _signatures(e, office, width, options)
    story.append(KeepTogether(last))
    return story


def _producer(e: Entrepreneur | None, width: float, options: TextOptions) -> list[Flowable]:
    lk = look()
    story: list[Flowable] = [para("ส่วนที่ 1 ข้อมูลผู้ผลิต ผู้ประกอบการ", lk.heading, options)]
    story += ticks(
        [(t.label_th, bool(e and e.producer_type == t)) for t in ProducerType],
        width,
        options,
        label="ประเภท",
    )
    where = place(e.subdistrict_code) if e else None
    lines = FormLines(width, options)
    lines.line(("ชื่อกลุ่ม / ผู้ประกอบการ", e.name if e else "", 1))
    lines.line(("ชื่อผู้ติดต่อ / ประธานกลุ่ม", e.contact_name if e else "", 1))
    lines.line(("เลขประจำตัวประชาชน / เลขทะเบียนนิติบุคคล", show_id(e.national_id) if e else "", 1))
    lines.line(
        ("ที่ตั้งสถานที่ผลิต เลขที่", e.house_no if e else "", 1),
        ("หมู่ที่", str(e.moo or "-") if e else "", 0.6),
        ("ตำบล / แขวง", where.subdistrict if where else "", 2),
    )
    lines.line(
        ("อำเภอ / เขต", where.district if where else "", 1.4),
        ("จังหวัด", where.province if where else "", 1),
        ("รหัสไปรษณีย์", where.postal_code if where else "", 0.6),
    )
    lines.line(
        ("โทรศัพท์", e.phone if e else "", 1),
        ("จำนวนสมาชิก (กรณีกลุ่ม)", str(e.member_count or "-") if e else "", 0.6),
        ("คน", None, 0),
    )
    lines.line(("เลขทะเบียนเดิม (ถ้ามี)", (e.previous_reg_no or "-") if e else "", 1))
    story += lines.tables()
    story += ticks(
        [(s.label_th, bool(e and e.status == s)) for s in Status],
        width,
        options,
        label="สถานะการดำเนินกิจการ",
    )
    if e is None or e.status != Status.ACTIVE:
        story += (
            FormLines(width, options)
            .line(
                ("เหตุผล", e.status_reason if e else "", 2),
                ("ตั้งแต่วันที่", format_be_date(e.status_date) if e and e.status_date else "", 1),
            )
            .tables()
        )
    return story


def _product(
    number: int, product: Product | None, width: float, options: TextOptions
) -> list[Flowable]:
    p = product
    head: list[Flowable] = [Spacer(1, 0.15 * cm)]
    head += (
        FormLines(width, options)
        .line(
            (f"{number}. รหัสผลิตภัณฑ์", p.code if p else "", 1),
            *(
                # Filled, the price and its unit are one value: they stay on one line.
                [("ราคา", f"{format_money(p.price)} บาท ต่อ {p.unit}", 1.2)]
                if p
                else [("ราคา", "", 0.7), ("บาท ต่อ", "", 0.5)]
            ),
        )
        .line(("ชื่อผลิตภัณฑ์", p.name if p else "", 1))
        .tables()
    )
    head += ticks(
        [(c.label_th, bool(p and p.category == c)) for c in Category],
        width,
        options,
        label="ประเภท",
    )
    story: list[Flowable] = [KeepTogether(head)]
    story += ticks(
        [(s.label_th, bool(p and p.soft_power == s)) for s in SoftPower],
        width,
        options,
        label="Soft Power",
    )
    story.append(_standards(p, width, options))
    story += _ratings(p, width, options)
    return story


def _standards(p: Product | None, width: float, options: TextOptions) -> Table:
    lk = look()
    # Wide enough for the longest certificate numbers and dates the register holds.
    widths = [
        0,
        fitted(["ORGANIC-50-00000/00", "50-1-00000-1-0000"], lk.cell, options),
        fitted(["30 เม.ย. 2570", "วันหมดอายุ"], lk.cell, options),
    ]
    # A standard's name (อย. (สำนักงานคณะกรรมการอาหารและยา)) is held whole, set smaller if need be.
    widths[0] = width - sum(widths)
    rows: list[list[object]] = [
        [cell(h, lk.cell_head, options) for h in ("มาตรฐานที่ได้รับ", "เลขที่ใบรับรอง", "วันหมดอายุ")]
    ]
    if p is None:
        rows += [[cell(hold(s.label_th), lk.cell, options), "", ""] for s in Standard]
    elif p.standards:
        for s in p.standards:
            label = Standard(s.standard).label_th if s.standard in set(Standard) else s.standard
            expires = format_be_date(s.expires_on, "abbr") if s.expires_on else "-"
            rows.append(
                [
                    cell(hold(label), lk.cell, options),
                    cell(hold(s.cert_no or "-"), lk.cell, options),
                    cell(hold(expires), lk.cell, options),
                ]
            )
    else:
        rows.append([cell("ยังไม่มีมาตรฐาน", lk.cell, options), "", ""])
    return grid_table(rows, widths)


def _ratings(p: Product | None, width: float, options: TextOptions) -> list[Flowable]:
    lk = look()
    if p is None:
        return (
            FormLines(width, options)
            .line(("ระดับดาว (OTOP Product Champion)", "", 1), ("ดาว ปีที่คัดสรร พ.ศ.", "", 1))
            .tables()
        )
    if not p.ratings:
        text = "ระดับดาว (OTOP Product Champion): ยังไม่ได้รับการคัดสรร"
    else:
        history = ", ".join(hold(f"พ.ศ. {r.year_be} {r.stars} ดาว") for r in p.ratings)
        text = f"ระดับดาว (OTOP Product Champion): {history}"
    return [Spacer(1, 0.1 * cm), para(text, lk.body, options)]


def _signatures(
    e: Entrepreneur | None, office: Office, width: float, options: TextOptions
) -> list[Flowable]:
    lk = look()
    story: list[Flowable] = [
        para(
            "ข้าพเจ้าขอรับรองว่าข้อความและเอกสารที่ยื่นประกอบการลงทะเบียนข้างต้นเป็นความจริงทุกประการ",
            lk.body,
            options,
        ),
        Spacer(1, 0.9 * cm),
    ]
    half = width / 2
    left = signature("ผู้ยื่นลงทะเบียน", e.contact_name if e else "", "", half, options)
    right = signature(
        "เจ้าหน้าที่",
        office.officer_name,
        office.officer_position or "ตำแหน่ง ...........................................",
        half,
        options,
    )
    table = Table([[left, right]], colWidths=[half, half])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story.append(table)
    return story
