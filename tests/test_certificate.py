"""The registration certificate as printed: nothing below 14 pt, the products that do not
fit on its sheet on an attached list that carries the number, page numbers and the same QR
code, phrases kept on one line, a QR code (OTOP2) that verifies with its products.

With 1, 12 and 30 products (one sheet; the sheet and an attached list of two and of four
sheets), by the checks tests/test_print_pages.py makes of every other document: on the
rendered pixels, no ink touches a table's rule, every table ends on a rule, the content is
centred in the border (equal side gaps within 1 mm) and keeps clear of it; the text layer
reads as the lines set; no line breaks inside a word, a code, a number or a phrase held
together."""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm, mm
from reportlab.pdfgen.canvas import Canvas

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.models import Entrepreneur
from otop_desktop.printing import certificate
from otop_desktop.printing.certificate import ATTACHED_TITLE, BORDER_INNER, MIN_SIZE, NBSP, Sheet
from otop_desktop.printing.documents import DocumentKind, PrintOptions, render
from otop_desktop.printing.print_data import load_entrepreneurs
from otop_desktop.printing.typeset import TextOptions, draw_text, words
from otop_desktop.printing.verify import ProductsCheck, verify_qr_text
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.office import get_office, init_register, update_office
from otop_desktop.services.products import ProductInput, create_product
from tests.conftest import person
from tests.test_print_pages import (
    MM,
    Page,
    assert_text_is,
    bad_pair,
    check_rules,
    check_table_feet,
)
from tests.test_print_pages import pages as rendered

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


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Register]:
    """A San Kamphaeng (5013) district register, shared by the module's tests."""
    made = init_register(
        tmp_path_factory.mktemp("certificate") / "r.sqlite3", OfficeKind.DISTRICT, "5013"
    )
    yield made
    made.close()


@pytest.fixture(scope="module")
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


def sheets_of(register: Register, number: str, options: TextOptions | None = None) -> list[Sheet]:
    with register.read() as session:
        office = get_office(session)
        found = session.query(Entrepreneur.id).filter_by(reg_no=number).scalar()
        group = load_entrepreneurs(session, [found])[0]
        story = certificate.certificate(
            group, office, ISSUED, 0.0, options or TextOptions(), office.signing_private_key
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


def check_border(page: Page) -> list[str]:
    """The ink inside the inner rule (clear of its line) leaves equal gaps to its left and
    right, within 1 mm, and at least 5 mm on every side."""
    width, height = page.image.size
    inset = round((BORDER_INNER + 1 * mm) / 72 * DPI)
    box = page.dark().crop((inset, inset, width - inset, height - inset)).getbbox()
    if box is None:
        return [f"page {page.number}: empty"]
    # From each edge of the page to the ink (pixels), then from the inner rule (mm).
    edges = (box[0] + inset, width - box[2] - inset, box[1] + inset, height - box[3] - inset)
    left, right, top, bottom = (edge / MM - BORDER_INNER / mm for edge in edges)
    problems = []
    if abs(left - right) > 1:
        problems.append(f"page {page.number}: side gaps {left:.1f} and {right:.1f} mm")
    if min(left, right, top, bottom) < 5:
        nearest = min(left, right, top, bottom)
        problems.append(f"page {page.number}: ink {nearest:.1f} mm from the border")
    return problems


def test_the_border_check_is_not_blind() -> None:
    """A line set off centre in the border is reported; one centred is not."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for x, align in ((BORDER_INNER + 3 * cm, "left"), (A4[0] / 2, "centre")):
        canvas.rect(BORDER_INNER, BORDER_INNER, A4[0] - 2 * BORDER_INNER, A4[1] - 2 * BORDER_INNER)
        draw_text(canvas, x, 400, "หนังสือรับรองการลงทะเบียน", align=align)
        canvas.showPage()
    canvas.save()
    off, centred = rendered(buffer.getvalue())
    assert check_border(off)[0].startswith("page 1: side gaps")
    assert check_border(centred) == []


@pytest.mark.parametrize(
    ("count", "thai_digits"), [(1, False), (12, False), (12, True), (30, False)]
)
def test_sheets_rules_clear_and_content_centred_in_the_border(
    register, makers, count, thai_digits
) -> None:
    problems = []
    for page in rendered(printed(register, makers[count], thai_digits=thai_digits)):
        problems += check_rules(page) + check_table_feet(page) + check_border(page)
    assert problems == []


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


@pytest.mark.parametrize(("count", "thai_digits"), [(1, False), (12, True), (30, False)])
def test_the_text_layer_reads_as_set(register, makers, count, thai_digits, tmp_path) -> None:
    """PDFium and pdftotext read the PDF as the lines set on its sheets, in order (white
    space aside: pdftotext reads the narrow spaces of "- 2 -" as none)."""
    data = printed(register, makers[count], thai_digits=thai_digits)
    options = TextOptions(thai_digits=thai_digits)
    set_lines = [
        line for sheet in sheets_of(register, makers[count], options) for line in sheet.texts()
    ]
    assert_text_is(data, "".join(set_lines), tmp_path)


@pytest.mark.parametrize(("count", "thai_digits"), [(1, False), (12, True), (30, False)])
def test_no_line_breaks_inside_a_word_number_or_phrase(
    register, makers, count, thai_digits, monkeypatch
) -> None:
    """Every text the sheets set (lines, table cells, the foot) is broken at its spaces
    only (never at the no-break spaces that hold a phrase), or, a piece wider than the
    whole line, between its words; and no break parts a number from its unit or its
    ordinal (แบบที่ | 6), a date, or พ.ศ. from its year (tests/test_print_pages.py)."""
    wrapped: list[tuple[str, list[str]]] = []
    wrap = certificate.wrap_words

    def recording(text, *args, **kwargs):
        lines = wrap(text, *args, **kwargs)
        wrapped.append((text, [line for line, _ in lines]))
        return lines

    monkeypatch.setattr(certificate, "wrap_words", recording)
    certificate._foot.cache_clear()  # the foot is laid out once per process: again here
    sheets_of(register, makers[count], TextOptions(thai_digits=thai_digits))
    assert len(wrapped) > count
    problems = []
    for text, lines in wrapped:
        problems += [f"{text!r}: {problem}" for problem in breaks_in(text, lines)]
    assert problems == []


def breaks_in(text: str, lines: list[str]) -> list[str]:
    """What is wrong with ``text`` set as ``lines`` (see the test above)."""
    shown = text.replace(NBSP, " ")
    problems = []
    at = 0
    for line, after in itertools.zip_longest(lines, lines[1:]):
        if shown[at : at + len(line)] != line:
            return [*problems, f"set as {line!r}"]
        at += len(line)
        if after is None:
            break
        problems += bad_pair(line, after)
        if text[at] == " ":
            at += 1
            continue
        if text[at] == NBSP:
            problems.append(f"a held phrase broken: {line[-15:]!r} | {after[:15]!r}")
            at += 1
            continue
        # Inside a piece between spaces, too wide for a line: only where a word starts.
        start = text.rfind(" ", 0, at) + 1
        piece = text[start:].split(" ")[0]
        starts, found = set(), 0
        for word in words(piece):
            found = piece.index(word, found)
            starts.add(start + found)
            found += len(word)
        if at not in starts:
            problems.append(f"broken inside a word: {line[-15:]!r} | {after[:15]!r}")
    return problems


def test_the_break_check_sees_a_fault() -> None:
    """An ordinal parted from its number, a held phrase broken and a word cut inside are
    each reported; breaks at spaces, and between the words of a piece too wide for a line,
    are not."""
    assert breaks_in("ชาใบหม่อน แบบที่ 8", ["ชาใบหม่อน แบบที่", "8"])
    assert breaks_in(
        f"อำเภอสันกำแพง จังหวัดเชียงใหม่{NBSP}50130", ["อำเภอสันกำแพง จังหวัดเชียงใหม่", "50130"]
    )
    assert breaks_in("ความกตัญญู", ["ความกตั", "ญญู"])
    assert breaks_in("ชาใบหม่อน แบบที่ 8", ["ชาใบหม่อน", "แบบที่ 8"]) == []
    assert breaks_in("วิสาหกิจชุมชนบ้านหนองจ๊อม 1", ["วิสาหกิจชุมชนบ้าน", "หนองจ๊อม 1"]) == []


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
