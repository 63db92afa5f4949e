"""The registration certificate as printed: nothing below 14 pt, the products that do not
fit on its sheet on an attached list that carries the number, page numbers and the same QR
code, the content centred in its border (measured on the rendered pixels), phrases kept on
one line, a text layer that reads as set, and a QR code (OTOP2) that verifies with its
products."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from reportlab.lib.units import mm

from otop_desktop.database import Register
from otop_desktop.models import Entrepreneur
from otop_desktop.printing import certificate
from otop_desktop.printing.certificate import ATTACHED_TITLE, BORDER_INNER, MIN_SIZE, Sheet
from otop_desktop.printing.documents import DocumentKind, PrintOptions, render
from otop_desktop.printing.print_data import load_entrepreneurs
from otop_desktop.printing.typeset import TextOptions
from otop_desktop.printing.verify import ProductsCheck, verify_qr_text
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.office import get_office, update_office
from otop_desktop.services.products import ProductInput, create_product
from tests.conftest import person

ISSUED = date(2025, 11, 24)
DPI = 150
NAMES = (
    "น้ำพริกตาแดงสูตรดั้งเดิมของบ้านหนองจ๊อม ขนาด 100 กรัม",
    "ผ้าซิ่นตีนจกญี่ปุ่น",
    "กระเป๋าสานกิ่งไม้ไผ่",
    "ชาใบหม่อน",
    "ฎีกาปู่ย่าตายาย ที่ระลึก",
)
I18N = Path(__file__).resolve().parents[1] / "resources" / "i18n"


@pytest.fixture
def makers(register: Register) -> dict[int, str]:
    """Registration numbers of three groups with 1, 12 and 30 products; an officer is set."""
    numbers = {}
    with register.write() as session:
        office = get_office(session)
        update_office(
            session,
            name=office.name,
            officer_name="นางสาวกิ่งกาญจน์ ศรีสุข",
            officer_position="พัฒนาการอำเภอสันกำแพง",
        )
        for count in (1, 12, 30):
            group = create_entrepreneur(
                session,
                person(
                    name=f"วิสาหกิจชุมชนแปรรูปอาหารพื้นเมืองบ้านหนองจ๊อม {count}",
                    producer_type=1,
                    member_count=12,
                    registered_on=date(2023, 11, 24),
                ),
            )
            for n in range(count):
                name = NAMES[n % len(NAMES)] + (f" แบบที่ {n}" if n >= len(NAMES) else "")
                create_product(session, group.id, ProductInput(name=name, category=n % 5 + 1))
            numbers[count] = group.reg_no
    return numbers


def printed(register: Register, number: str, *, thai_digits: bool = False) -> bytes:
    options = PrintOptions(registrations=(number,), issued_on=ISSUED, thai_digits=thai_digits)
    return render(register, DocumentKind.CERTIFICATE, options).data


def sheets_of(register: Register, number: str) -> list[Sheet]:
    with register.read() as session:
        office = get_office(session)
        found = session.query(Entrepreneur.id).filter_by(reg_no=number).scalar()
        group = load_entrepreneurs(session, [found])[0]
        story = certificate.certificate(
            group, office, ISSUED, 0.0, TextOptions(), office.signing_private_key
        )
    [whole] = story
    assert isinstance(whole, certificate.Certificate)
    return whole.sheets()


def pages(data: bytes) -> list[pdfium.PdfPage]:
    document = pdfium.PdfDocument(data)
    return [document[i] for i in range(len(document))]


def qr_text_of(page: pdfium.PdfPage) -> str:
    image = page.render(scale=DPI / 72, grayscale=True).to_pil()
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1
    return found[0].text


def squeezed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("count", "sheets"), [(1, 1), (12, 3), (30, 5)])
def test_products_that_do_not_fit_go_to_an_attached_list(register, makers, count, sheets):
    number = makers[count]
    data = printed(register, number)
    laid_out = sheets_of(register, number)
    assert len(pages(data)) == len(laid_out) == sheets
    listed = []
    codes = re.compile(rf"{number}-P\d+")
    qr_texts = set()
    for page_number, (page, sheet) in enumerate(zip(pages(data), laid_out, strict=True), 1):
        lines = sheet.texts()
        qr_texts.add(qr_text_of(page))
        listed += [line for line in lines if codes.fullmatch(line)]
        if page_number == 1:
            assert lines[0] == "หนังสือรับรองการลงทะเบียน"
        else:  # the attached list: its page number, title, the certificate's number
            assert lines[:3] == [
                f"- {page_number} -",
                ATTACHED_TITLE,
                f"เลขทะเบียน {number} แผ่นที่ {page_number} จาก {sheets}",
            ]
        if page_number < sheets:
            assert f"(มีต่อในรายการแนบท้าย แผ่นที่ {page_number + 1} จาก {sheets})" in lines
    # Every product once, in order, and every sheet carries the same signed QR code.
    assert listed == [f"{number}-P{n:02d}" for n in range(1, count + 1)]
    assert len(qr_texts) == 1
    with register.read() as session:
        result = verify_qr_text(session, qr_texts.pop())
    assert result.valid and result.version == "OTOP2"
    assert result.products_signed is not None and result.products_signed.count == count
    assert result.products_check is ProductsCheck.SAME


@pytest.mark.parametrize("count", [1, 12, 30])
def test_nothing_is_set_below_14_pt(register, makers, count) -> None:
    for sheet in sheets_of(register, makers[count]):
        assert min(line.size for line in sheet.lines) >= MIN_SIZE
    for page in pages(printed(register, makers[count])):
        text = page.get_textpage()
        sizes = {
            round(pdfium_c.FPDFText_GetFontSize(text.raw, i), 1)
            for i in range(text.count_chars())
            if not text.get_text_range(i, 1).isspace()
        }
        assert min(sizes) >= MIN_SIZE, sizes


@pytest.mark.parametrize("count", [1, 12, 30])
def test_content_is_centred_in_the_border(register, makers, count) -> None:
    """On every sheet, the ink inside the inner rule leaves equal gaps left and right."""
    for page in pages(printed(register, makers[count])):
        image = page.render(scale=DPI / 72, grayscale=True).to_pil()
        width, height = image.size
        px = DPI / 72
        # Inside the inner rule, clear of its line.
        left, right = (
            round((BORDER_INNER + 1 * mm) * px),
            round(width - (BORDER_INNER + 1 * mm) * px),
        )
        top, bottom = (
            round((BORDER_INNER + 1 * mm) * px),
            round(height - (BORDER_INNER + 1 * mm) * px),
        )
        inside = image.crop((left, top, right, bottom)).point(lambda v: 255 if v < 128 else 0)
        box = inside.getbbox()
        assert box is not None
        gap_left = box[0] + 1 * mm * px
        gap_right = (right - left) - box[2] + 1 * mm * px
        assert abs(gap_left - gap_right) <= 1 * mm * px, (gap_left / px / mm, gap_right / px / mm)


def test_phrases_stay_on_one_line_and_the_caption_says_how_to_verify(register, makers) -> None:
    lines = [line for sheet in sheets_of(register, makers[12]) for line in sheet.texts()]
    for phrase in (
        "จังหวัดเชียงใหม่ 50130",
        "เลขที่ 71/2",
        "24 พฤศจิกายน 2566",
        "วันที่ 24 เดือน พฤศจิกายน พ.ศ. 2568",
        "12 รายการ",
        "OTOP Desktop",
    ):
        assert any(phrase in line for line in lines), phrase
    caption = squeezed(" ".join(lines))
    assert "สแกน" not in caption
    # The menu as the Thai program names it.
    file_menu = _translation("otop_th.ts", "&amp;File").replace("(&amp;F)", "")
    verify = _translation("printing_th.ts", "&amp;Verify a certificate…")
    verify = verify.replace("&amp;", "").rstrip("…")
    assert f"ที่เมนู {file_menu} → {verify}" in caption


def _translation(catalog: str, source: str) -> str:
    text = (I18N / catalog).read_text(encoding="utf-8")
    found = re.search(rf"<source>{re.escape(source)}</source>\s*<translation>([^<]+)<", text)
    assert found is not None, source
    return found.group(1)


@pytest.mark.parametrize("count", [1, 30])
def test_the_text_layer_reads_as_set(register, makers, count, tmp_path) -> None:
    """pdftotext and PDFium read each sheet's text as it was set (white space aside:
    pdftotext reads the narrow spaces of "- 2 -" as none)."""
    data = printed(register, makers[count])
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(data)
    for number, (page, sheet) in enumerate(
        zip(pages(data), sheets_of(register, makers[count]), strict=True), 1
    ):
        expected = ["".join(line.split()) for line in sheet.texts()]
        pdfium_text = page.get_textpage().get_text_range()
        extracted = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for reading in (pdfium_text, extracted):
            flat = "".join(reading.split())
            for line in expected:
                assert line in flat, line


def test_thai_digits_on_the_list_but_not_in_the_signed_text(register, makers) -> None:
    data = printed(register, makers[12], thai_digits=True)
    last = pages(data)[-1]
    layer = last.get_textpage().get_text_range()
    assert "แผ่นที่ ๓ จาก ๓" in squeezed(layer) and "- ๓ -" in squeezed(layer)
    assert "|2568-11-24|12|" in qr_text_of(last)


def test_a_first_sheet_too_full_for_any_product_refers_to_the_attached_list(
    register, makers
) -> None:
    with register.write() as session:
        long_name = "วิสาหกิจชุมชนกลุ่มแม่บ้านเกษตรกรแปรรูปผลิตภัณฑ์จากผ้าฝ้ายทอมือย้อมสีธรรมชาติ " * 3
        group = create_entrepreneur(
            session,
            person(name=long_name.strip(), producer_type=1, member_count=12),
        )
        create_product(session, group.id, ProductInput(name=NAMES[0], category=1))
        number = group.reg_no
    first, attached = sheets_of(register, number)
    assert f"ตาม{ATTACHED_TITLE}นี้" in squeezed(" ".join(first.texts()))
    assert not first.rules  # no table on the first sheet
    assert f"{number}-P01" in attached.texts()
    assert len(pages(printed(register, number))) == 2
