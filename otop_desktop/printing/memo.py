"""The covering memo (บันทึกข้อความ) that goes with the month's submission to the office above:
the Garuda emblem (where the office supplied its image in settings) beside the title, the
header lines ส่วนราชการ, ที่ and วันที่, เรื่อง, then เรียน, the month's figures, the closing
sentence and the signature block, as the regulation on official correspondence lays it out."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import geothai
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from otop_desktop.domain import OfficeKind, Status
from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur, Office, Product
from otop_desktop.printing.layout import DOTS, look
from otop_desktop.printing.office_blocks import officer_signature
from otop_desktop.printing.print_data import MonthlySales, district_name, monthly_sales
from otop_desktop.printing.typeset import TextOptions, ThaiParagraph, hold, para, text_width
from otop_desktop.submission.spec import file_name
from otop_desktop.thaiformat import Period, baht_text, format_be_date, format_money
from otop_desktop.validation import Checker

TITLE = "บันทึกข้อความ"
#: The emblem's height on the page (the regulation's 1.5 cm) and the title's size.
EMBLEM_HEIGHT = 1.5 * cm
TITLE_SIZE = 29
#: The first line of each paragraph of the body is indented 2.5 cm.
INDENT = 2.5 * cm
NUMBER_MAX = 60
#: Between a header line's label and its text (points).
HEADER_GAP = 4
CLOSING = "จึงเรียนมาเพื่อโปรดทราบ"
#: The emblem files settings accept: anything larger is not an emblem.
EMBLEM_MAX_BYTES = 2_000_000
EMBLEM_FORMATS = ("PNG", "JPEG")


@dataclass(frozen=True)
class MemoFigures:
    sales: MonthlySales
    entrepreneurs: int
    products: int
    workbook: str


def check_number(number: str) -> str:
    """The outgoing number as the clerk typed it (``ชม 0019.13/123``), checked as any text."""
    check = Checker({"number": ("เลขที่หนังสือ (ที่)", "outgoing number")})
    value = check.text("number", number, required=False, max_len=NUMBER_MAX)
    check.done()
    return value


def check_emblem(data: bytes) -> bytes:
    """``data`` if it is a PNG or JPEG image a memo can carry; else a UserError saying why."""
    if len(data) > EMBLEM_MAX_BYTES:
        raise UserError(
            f"ไฟล์ภาพตราครุฑใหญ่เกิน {EMBLEM_MAX_BYTES // 1_000_000} MB",
            f"The emblem image is larger than {EMBLEM_MAX_BYTES // 1_000_000} MB",
        )
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise UserError(
            "ไฟล์ที่เลือกไม่ใช่ภาพ PNG หรือ JPEG ที่อ่านได้", "The file is not a readable PNG or JPEG image"
        ) from exc
    if kind not in EMBLEM_FORMATS:
        raise UserError(
            f"ภาพตราครุฑต้องเป็น PNG หรือ JPEG (ไฟล์นี้เป็น {kind})",
            f"The emblem image must be a PNG or JPEG (this one is {kind})",
        )
    return data


def addressee(office: Office) -> str:
    """Whom the month's submission goes to: the provincial office's head for a district,
    the department's for a province."""
    if office.kind == OfficeKind.DISTRICT.value:
        province = geothai.province(office.province_code or "")
        return f"พัฒนาการจังหวัด{province.name_th if province else ''}"
    if office.kind == OfficeKind.PROVINCE.value:
        return "อธิบดีกรมการพัฒนาชุมชน"
    raise UserError(
        "ทะเบียนระดับประเทศไม่มีการส่งข้อมูลประจำเดือน จึงไม่มีบันทึกนำส่ง",
        "A national register sends no monthly submission, so there is no covering memo",
    )


def load(session: Session, office: Office, period: Period, today: date) -> MemoFigures:
    """The month's figures; refused for a month that has not ended (only an ended month is
    submitted) and for a month without sales."""
    addressee(office)
    if not period.has_ended(today):
        raise UserError(
            f"เดือน{period.label_th} ยังไม่สิ้นเดือน จึงยังส่งข้อมูลไม่ได้ (ส่งได้เฉพาะเดือนที่สิ้นสุดแล้ว)",
            f"{period} has not ended yet: only a month that has ended is submitted",
        )
    sales = monthly_sales(session, period, None)
    in_business = Entrepreneur.status != Status.CLOSED.value
    entrepreneurs = session.scalar(select(func.count()).where(in_business)) or 0
    products = (
        session.scalar(
            select(func.count(Product.id))
            .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
            .where(in_business)
        )
        or 0
    )
    area = office.district_code or office.province_code or ""
    return MemoFigures(sales, entrepreneurs, products, file_name(area, period))


def memo(
    figures: MemoFigures,
    office: Office,
    number: str,
    dated: date,
    width: float,
    options: TextOptions,
) -> list[Flowable]:
    lk = look()
    period = figures.sales.period
    total = figures.sales.total
    area = (
        f"อำเภอ{district_name(office.district_code)}"
        if office.district_code
        else f"จังหวัด{_province_name(office)}"
    )
    subject = f"ส่งข้อมูล OTOP และยอดจำหน่ายประจำเดือน{hold(period.label_th)}"
    where = office.name + (f" โทร. {hold(office.phone)}" if office.phone else "")
    story: list[Flowable] = [
        _title_line(office.emblem_image, width, options),
        _header_line([("ส่วนราชการ", where)], width, options),
        _header_line([("ที่", number), ("วันที่", hold(format_be_date(dated, "long")))], width, options),
        _header_line([("เรื่อง", subject)], width, options),
    ]
    body = ParagraphStyle("memo_body", parent=lk.body, firstLineIndent=INDENT)
    story += [
        Spacer(1, 0.2 * cm),
        para(f"เรียน  {addressee(office)}", lk.body, options),
        Spacer(1, 0.1 * cm),
        para(
            f"ด้วย{office.name} ได้จัดทำข้อมูลผู้ผลิต ผู้ประกอบการ OTOP "
            f"ประจำเดือน{hold(period.label_th)} ของ{area} เสร็จเรียบร้อยแล้ว "
            f"มีผู้ผลิต ผู้ประกอบการในทะเบียน {hold(f'{figures.entrepreneurs:,} ราย')} "
            f"ผลิตภัณฑ์ {hold(f'{figures.products:,} รายการ')} จึงขอส่งแฟ้มข้อมูลมาพร้อมนี้",
            body,
            options,
        ),
        # The file's name as it is on the disk, whatever digits the memo uses.
        para(f"ชื่อแฟ้ม {figures.workbook}", body, TextOptions()),
        para(
            f"ในเดือนนี้ ผู้ประกอบการรายงานยอดจำหน่าย {hold(f'{total.entrepreneurs:,} ราย')} "
            f"ยอดจำหน่ายรวม {_baht(total.amount)} ({baht_text(total.amount)}) "
            f"เป็นยอดจำหน่ายออนไลน์ {_baht(total.online)} "
            f"ตามประเภทผลิตภัณฑ์ {_by_category(figures.sales)}",
            body,
            options,
        ),
    ]
    # The closing sentence and the signature stay together: the body never leaves the
    # signature block alone on a page.
    closing = [
        Spacer(1, 0.2 * cm),
        para(CLOSING, body, options),
        Spacer(1, 0.8 * cm),
        officer_signature(office, "", width, options, date_line=False),
    ]
    story.append(KeepTogether(closing))
    return story


def _province_name(office: Office) -> str:
    province = geothai.province(office.province_code or "")
    return province.name_th if province else ""


def _header_line(parts: list[tuple[str, str]], width: float, options: TextOptions) -> Flowable:
    """Header lines of a memo: each bold label followed by its text on a dotted rule, the
    text wrapping under itself (เรื่อง may be long); several parts share the line equally."""
    lk = look()
    cells: list[ThaiParagraph] = []
    widths: list[float] = []
    share = width / len(parts)
    for label, text in parts:
        label_width = text_width(label, lk.bold.fontName, lk.bold.fontSize) + 2 * HEADER_GAP
        cells += [para(label, lk.bold, options), para(text, lk.body, options)]
        widths += [label_width, share - label_width]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), HEADER_GAP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    # Label and text share a baseline: a line with stacked marks (ที่) sits lower in its
    # cell than one without (0019.13/123).
    for paragraph, column in zip(cells, widths, strict=True):
        paragraph.wrap(column - HEADER_GAP, width)
    top = max(paragraph.first_baseline for paragraph in cells)
    for i, paragraph in enumerate(cells):
        commands.append(("TOPPADDING", (i, 0), (i, 0), top - paragraph.first_baseline))
        if i % 2:
            commands.append(("LINEBELOW", (i, 0), (i, 0), 0.6, DOTS, 1, (1, 2)))
    table.setStyle(TableStyle(commands))
    return table


def _title_line(emblem: bytes | None, width: float, options: TextOptions) -> Flowable:
    """The emblem top left and the title centred on the page, on one line."""
    title = ParagraphStyle(
        "memo_title", parent=look().title, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.3
    )
    side = 2.2 * cm
    left: Flowable | str = ""
    if emblem:
        with PILImage.open(io.BytesIO(emblem)) as image:
            w, h = image.size
        left = Image(io.BytesIO(emblem), EMBLEM_HEIGHT * w / h, EMBLEM_HEIGHT)
        left.hAlign = "LEFT"
    table = Table(
        [[left, para(TITLE, title, options), ""]],
        colWidths=[side, width - 2 * side, side],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _by_category(sales: MonthlySales) -> str:
    """The month's sales by category, largest first, in a sentence (a table would take the
    memo to a second page): ``ผ้า เครื่องแต่งกาย 23,948,765.00 บาท, …``; sales reported for
    the whole business, without products, last."""
    lines = sorted(sales.by_category.items(), key=lambda item: -item[1].amount)
    parts = [f"{hold(c.label_th)} {_baht(line.amount)}" for c, line in lines]
    if sales.whole_business.entrepreneurs:
        parts.append(f"และยอดรวมทั้งกิจการที่ไม่แยกผลิตภัณฑ์ {_baht(sales.whole_business.amount)}")
    return " ".join(parts)


def _baht(amount: Decimal) -> str:
    """``23,948,765.00 บาท`` held on one line: an amount never parts from its unit."""
    return hold(f"{format_money(amount)} บาท")
