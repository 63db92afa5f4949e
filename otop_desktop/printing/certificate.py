"""The registration certificate (หนังสือรับรองการลงทะเบียน): one page per producer, with a
QR code its office signed (see ``signature``)."""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table

from otop_desktop.domain import Category, ProducerType
from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur, Office
from otop_desktop.printing.layout import (
    Beside,
    Document,
    QrCode,
    ShrinkToLeave,
    cell,
    fitted,
    grid_table,
    look,
    stamps,
)
from otop_desktop.printing.print_data import address
from otop_desktop.printing.signature import Claim, qr_text
from otop_desktop.printing.typeset import TextOptions, para
from otop_desktop.thaiformat import format_be_date, format_be_date_words

QR_SIZE = 3.6 * cm
BORDER = colors.Color(0.55, 0.45, 0.2)


def decorate(canvas: Canvas, doc: Document) -> None:
    """A double rule around the page, as printed certificates have."""
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setStrokeColor(BORDER)
    canvas.setLineWidth(2.2)
    canvas.rect(1.3 * cm, 1.3 * cm, width - 2.6 * cm, height - 2.6 * cm)
    canvas.setLineWidth(0.7)
    canvas.rect(1.5 * cm, 1.5 * cm, width - 3.0 * cm, height - 3.0 * cm)
    canvas.restoreState()


def no_products(entrepreneur: Entrepreneur) -> UserError:
    return UserError(
        f"{entrepreneur.reg_no} {entrepreneur.name} ยังไม่มีผลิตภัณฑ์ในทะเบียน "
        "จึงออกหนังสือรับรองไม่ได้ (เพิ่มผลิตภัณฑ์ก่อน)",
        f"{entrepreneur.reg_no} {entrepreneur.name} has no products in the register, so no "
        "certificate can be printed (add its products first)",
    )


def certificate(
    entrepreneur: Entrepreneur,
    office: Office,
    issued_on: date,
    width: float,
    options: TextOptions,
    private_key: bytes | None,
) -> list[Flowable]:
    """The flowables of one certificate; its products must be loaded. Without
    ``private_key`` (signing not unlocked by a head) it is a preview: its QR code says so
    instead of carrying a signature, and the caption under it too."""
    if not entrepreneur.products:
        raise no_products(entrepreneur)
    lk = look()
    text = (
        qr_text(Claim(entrepreneur.reg_no, entrepreneur.name, issued_on), private_key)
        if private_key is not None
        else UNSIGNED
    )
    digits = options.thai_digits
    kind = ProducerType(entrepreneur.producer_type)
    # What follows the products: a long list shrinks to leave room for it on the sheet.
    after: list[Flowable] = [
        stamps(
            ("certificate issued", issued_on, digits),
            lambda: [
                Spacer(1, 0.5 * cm),
                para(f"ให้ไว้ ณ {format_be_date_words(issued_on)}", lk.centre, options),
                Spacer(1, 0.6 * cm),
            ],
        ),
        _signature_and_qr(office, text, options),
    ]
    story: list[Flowable] = [
        stamps(
            ("certificate head", digits),
            lambda: [
                Spacer(1, 0.3 * cm),
                para("หนังสือรับรองการลงทะเบียน", lk.big_title, options),
                para("ผู้ผลิต ผู้ประกอบการ OTOP", lk.title, options),
                para("(หนึ่งตำบล หนึ่งผลิตภัณฑ์)", lk.centre_bold, options),
                Spacer(1, 0.3 * cm),
            ],
        ),
        para(f"เลขทะเบียน {entrepreneur.reg_no}", lk.centre_bold, options),
        stamps(
            ("certificate office", office.name, digits),
            lambda: [
                Spacer(1, 0.5 * cm),
                para(f"{office.name} ขอรับรองว่า", lk.centre, options),
            ],
        ),
        para(entrepreneur.name, lk.name, options),
        stamps(
            ("certificate type", kind, digits),
            lambda: [para(f"ประเภท{kind.label_th}", lk.centre, options)],
        ),
        para(
            "ที่ตั้ง "
            + address(entrepreneur.house_no, entrepreneur.moo, entrepreneur.subdistrict_code),
            lk.centre,
            options,
        ),
        para(
            "ได้ลงทะเบียนเป็นผู้ผลิต ผู้ประกอบการ OTOP เมื่อวันที่ "
            f"{format_be_date(entrepreneur.registered_on, 'long')} "
            "โดยมีผลิตภัณฑ์ที่ลงทะเบียนไว้ ดังนี้",
            lk.centre,
            options,
        ),
        Spacer(1, 0.3 * cm),
        ShrinkToLeave([_products(entrepreneur, width, options)], after),
        *after,
    ]
    return story


def _products(entrepreneur: Entrepreneur, width: float, options: TextOptions) -> Table:
    lk = look()
    products = entrepreneur.products
    categories = [Category(p.category).label_th for p in products]
    widths = [
        fitted(["ที่", str(len(products))], lk.cell_head, options),
        fitted(["รหัสผลิตภัณฑ์", *(p.code for p in products)], lk.cell_head, options),
        0.0,
        # The long category names wrap at their spaces rather than squeeze the products'.
        min(fitted(["ประเภทผลิตภัณฑ์", *categories], lk.cell_head, options), width * 0.26),
    ]
    widths[2] = width - 1.0 * cm - sum(widths)
    rows = [
        [
            cell(head, lk.cell_head, options)
            for head in ("ที่", "รหัสผลิตภัณฑ์", "ชื่อผลิตภัณฑ์", "ประเภทผลิตภัณฑ์")
        ]
    ]
    for number, (product, category) in enumerate(zip(products, categories, strict=True), 1):
        rows.append(
            [
                cell(str(number), lk.cell_centre, options),
                cell(product.code, lk.cell, options),
                cell(product.name, lk.cell, options),
                cell(category, lk.cell, options),
            ]
        )
    table = grid_table(rows, widths)
    table.hAlign = "CENTER"
    return table


#: The QR text of a preview printed before a head unlocked signing: not a certificate code.
UNSIGNED = "OTOP-PREVIEW-NOT-SIGNED"


def _signature_and_qr(office: Office, text: str, options: TextOptions) -> Beside:
    lk = look()
    digits = options.thai_digits
    words = (
        "ตัวอย่าง ยังไม่ได้ลงนาม ใช้เป็นหนังสือรับรองไม่ได้"
        if text == UNSIGNED
        else "สแกนเพื่อตรวจสอบหนังสือรับรองนี้"
    )
    caption = stamps(
        ("certificate scan", digits, words),
        lambda: [para(words, lk.small_centre, options)],
    )
    signature = stamps(
        (
            "certificate signature",
            office.name,
            office.officer_name,
            office.officer_position,
            digits,
        ),
        lambda: [
            para("(ลงชื่อ) ......................................", lk.centre, options),
            para(f"({office.officer_name})", lk.centre, options),
            para(office.officer_position, lk.centre, options),
            para(office.name, lk.centre, options),
        ],
    )
    return Beside([QrCode(text, QR_SIZE), caption], [signature], 0.4)
