"""Printed documents end to end on a real register: certificates with a QR code that reads
back and verifies, filled and blank forms, the register list with masked or recorded
personal data, the monthly report's totals, batches with progress and cancelling, and clear
refusals for missing data."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
import zxingcpp
from reportlab.platypus import Flowable, KeepInFrame, KeepTogether, Paragraph, Table
from sqlalchemy import select

from otop_desktop.database import Register
from otop_desktop.domain import Status
from otop_desktop.errors import NotFoundError, UserError
from otop_desktop.masking import mask
from otop_desktop.models import Entrepreneur, ExportRecord
from otop_desktop.outputs import OutputExists
from otop_desktop.printing import registration_form
from otop_desktop.printing.documents import DocumentKind, PrintOptions, render
from otop_desktop.printing.layout import Beside, Stamp, look
from otop_desktop.printing.monthly_report import monthly_report
from otop_desktop.printing.print_data import load_entrepreneurs, monthly_sales
from otop_desktop.printing.typeset import TextOptions
from otop_desktop.services.entrepreneurs import create_entrepreneur, set_readiness
from otop_desktop.services.office import get_office, update_office
from otop_desktop.services.products import (
    ProductInput,
    RatingInput,
    StandardInput,
    create_product,
)
from otop_desktop.services.sales import SaleInput, set_month_sales
from otop_desktop.textnorm import to_thai_digits
from otop_desktop.thaiformat import Period
from otop_desktop.thaiid import format_thai_id
from tests.conftest import db_of, person

OCTOBER = Period(2568, 10)
WIDTH = 450.0


@pytest.fixture
def shop(register: Register) -> Register:
    """A group with two products (standards, ratings, readiness), a single owner with one
    product and whole-business sales, and a producer without products; an officer is set."""
    with register.write() as session:
        update_office(
            session,
            name="สำนักงานพัฒนาชุมชนอำเภอสันกำแพง",
            officer_name="นางสาวกิ่งกาญจน์ ศรีสุข",
            officer_position="พัฒนาการอำเภอสันกำแพง",
        )
        group = create_entrepreneur(
            session,
            person(
                producer_type=1,
                name="กลุ่มทอผ้าฝ้ายบ้านต้นเปา",
                member_count=24,
                registered_on=date(2023, 11, 24),
            ),
        )
        silk = create_product(
            session,
            group.id,
            ProductInput(
                name="ผ้าซิ่นตีนจกญี่ปุ่น",
                category=3,
                price="1250",
                unit="ผืน",
                soft_power="Fashion",
                standards=[StandardInput("มผช.", "268/2566", date(2026, 6, 7))],
                ratings=[RatingInput(2562, 3), RatingInput(2565, 4)],
            ),
        )
        tea = create_product(session, group.id, ProductInput(name="ชาใบหม่อน", category=2))
        set_readiness(session, group.id, {"bank_account": True, "promptpay": True}, None)
        owner = create_entrepreneur(session, person(name="ร้านป้าแก้ว", phone="0812345678"))
        create_product(session, owner.id, ProductInput(name="น้ำพริกหนุ่ม", category=1))
        create_entrepreneur(session, person(name="ร้านยังไม่มีของ"))
        set_month_sales(
            session,
            group.id,
            OCTOBER,
            by_product={silk.id: SaleInput("10000.50", "2000"), tea.id: SaleInput("500")},
        )
        set_month_sales(session, owner.id, OCTOBER, whole=SaleInput("1234.25", "34.25"))
    return register


def reg_no(register: Register, name: str) -> str:
    with register.read() as session:
        return session.scalars(select(Entrepreneur.reg_no).where(Entrepreneur.name == name)).one()


def texts(flowables: list[Flowable] | Flowable) -> list[str]:
    """The text of every paragraph in ``flowables``, tables and kept groups included."""
    items = flowables if isinstance(flowables, list) else [flowables]
    found: list[str] = []
    for item in items:
        if isinstance(item, Paragraph):
            # Phrases held on one line have no-break spaces (typeset.hold).
            found.append(item.text.replace("\u00a0", " "))
        elif isinstance(item, Table):
            for row in item._cellvalues:
                for value in row:
                    found += texts(value if isinstance(value, list) else [value])
        elif isinstance(item, KeepTogether | KeepInFrame):
            found += texts(item._content)
        elif isinstance(item, Stamp):
            found += texts(item.content)
        elif isinstance(item, Beside):
            for stack in item.stacks:
                found += texts(stack)
    return found


def pdf_pages(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def page_text(data: bytes, page: int = 0) -> str:
    """The PDF's text layer (letters outside shaped clusters read back exactly)."""
    document = pdfium.PdfDocument(data)
    try:
        return document[page].get_textpage().get_text_range()
    finally:
        document.close()


def qr_on_page(data: bytes, page: int = 0) -> str:
    """Rasterises a page at 150 dpi, as a phone would photograph it, and reads its QR code."""
    document = pdfium.PdfDocument(data)
    try:
        image = document[page].render(scale=150 / 72, grayscale=True).to_pil()
    finally:
        document.close()
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1
    return found[0].text


# --- certificates ------------------------------------------------------------------------------


def _id(session, number: str) -> int:
    from otop_desktop.services.entrepreneurs import find_by_reg_no

    return find_by_reg_no(session, number).id


def test_thai_digits_everywhere_but_the_signed_text(shop: Register) -> None:
    number = reg_no(shop, "ร้านป้าแก้ว")
    printed = render(
        shop,
        DocumentKind.CERTIFICATE,
        PrintOptions(registrations=(number,), thai_digits=True, issued_on=date(2025, 11, 24)),
    )
    layer = page_text(printed.data)
    assert "๕๐๑๓-๒๕๖๗" in layer and "5013-2567" not in layer
    assert "|2568-11-24|" in qr_on_page(printed.data)


def test_a_certificate_for_a_business_no_longer_active_is_printed_with_a_note(
    shop: Register,
) -> None:
    with shop.write() as session:
        closed = create_entrepreneur(
            session,
            person(
                name="ร้านเลิกแล้ว",
                status="closed",
                status_reason="ย้ายไปต่างจังหวัด",
                status_date=date(2025, 6, 1),
                registered_on=date(2024, 1, 5),
            ),
        )
        create_product(session, closed.id, ProductInput(name="ข้าวแต๋น", category=1))
        number = closed.reg_no
    printed = render(shop, DocumentKind.CERTIFICATE, PrintOptions(registrations=(number,)))
    assert printed.documents == 1
    assert printed.inactive == ((number, Status.CLOSED),)
    assert printed.notes() == [
        (
            f"หนังสือรับรองของกิจการที่ไม่ได้ดำเนินการอยู่ 1 ราย: {number} (เลิกกิจการ)",
            f"Certificates printed for businesses no longer active (1): {number} (Closed)",
        )
    ]
    # The whole register's batch takes active businesses only; a form is no certificate.
    assert render(shop, DocumentKind.CERTIFICATE).inactive == ()
    form = render(shop, DocumentKind.FORM, PrintOptions(registrations=(number,)))
    assert form.notes() == []


def test_batch_of_all_active_records_in_one_pdf_with_progress(shop: Register) -> None:
    everyone = render(shop, DocumentKind.CERTIFICATE, PrintOptions())
    assert everyone.documents == everyone.pages == 2
    assert everyone.skipped == (reg_no(shop, "ร้านยังไม่มีของ"),)

    seen: list[tuple[int, int]] = []
    numbers = (reg_no(shop, "กลุ่มทอผ้าฝ้ายบ้านต้นเปา"), reg_no(shop, "ร้านป้าแก้ว"))
    stream = io.BytesIO()
    printed = render(
        shop,
        DocumentKind.CERTIFICATE,
        PrintOptions(registrations=numbers),
        out=stream,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert stream.getvalue() == printed.data
    assert (printed.documents, printed.pages, pdf_pages(printed.data)) == (2, 2, 2)
    assert seen == [(0, 2), (1, 2), (2, 2)]
    assert [qr_on_page(printed.data, p).split("|")[1] for p in (0, 1)] == list(numbers)


def test_cancelling_a_batch_writes_nothing(shop: Register, tmp_path) -> None:
    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done == 1:
            raise Stop

    out = tmp_path / "batch.pdf"
    numbers = (reg_no(shop, "กลุ่มทอผ้าฝ้ายบ้านต้นเปา"), reg_no(shop, "ร้านป้าแก้ว"))
    with pytest.raises(Stop):
        render(
            shop,
            DocumentKind.CERTIFICATE,
            PrintOptions(registrations=numbers),
            out=out,
            progress=progress,
        )
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("ร้านยังไม่มีของ", ("ยังไม่มีผลิตภัณฑ์", "has no products")),
        (None, ("ไม่พบเลขทะเบียน 5013-2567-9999", "No registration number 5013-2567-9999")),
    ],
)
def test_missing_data_is_a_clear_refusal(shop: Register, tmp_path, name, words) -> None:
    number = reg_no(shop, name) if name else "5013-2567-9999"
    out = tmp_path / "c.pdf"
    with pytest.raises(UserError) as refused:
        render(shop, DocumentKind.CERTIFICATE, PrintOptions(registrations=(number,)), out=out)
    for word in words:
        assert word in refused.value.one_line()
    assert not out.exists()


def test_no_certificate_without_a_signing_officer(register: Register) -> None:
    with register.write() as session:
        owner = create_entrepreneur(session, person())
        create_product(session, owner.id, ProductInput(name="น้ำพริก", category=1))
        number = owner.reg_no
    with pytest.raises(UserError, match="No signing officer"):
        render(register, DocumentKind.CERTIFICATE, PrintOptions(registrations=(number,)))


# --- forms -------------------------------------------------------------------------------------


def test_filled_form_has_every_field_and_is_recorded(shop: Register) -> None:
    number = reg_no(shop, "กลุ่มทอผ้าฝ้ายบ้านต้นเปา")
    with shop.read() as session:
        office = get_office(session)
        group = load_entrepreneurs(session, [_id(session, number)], full=True)[0]
        story = registration_form.form(group, office, WIDTH, TextOptions())
    words = "\n".join(texts(story))
    for expected in (
        number,
        "24 พฤศจิกายน 2566",
        "กลุ่มทอผ้าฝ้ายบ้านต้นเปา",
        "นางแก้ว ใจดี",
        "71/2",
        "สันกำแพง",
        "เชียงใหม่",
        "50130",
        "0812345678",
        "24",
        "ผ้าซิ่นตีนจกญี่ปุ่น",
        "1,250.00",
        "ผืน",
        "268/2566",
        "7 มิ.ย. 2569",
        "พ.ศ. 2562 3 ดาว, พ.ศ. 2565 4 ดาว",
        "ชาใบหม่อน",
        "(นางสาวกิ่งกาญจน์ ศรีสุข)",
        *registration_form.ATTACHMENTS,
    ):
        assert expected in words, expected
    assert group.national_id[:12] in words.replace("-", "")
    assert re.search(r"^ลงชื่อ \.{12,} ผู้ยื่นลงทะเบียน$", words, re.MULTILINE)

    printed = render(shop, DocumentKind.FORM, PrintOptions(registrations=(number,)))
    assert printed.pages == pdf_pages(printed.data) >= 2
    with shop.read() as session:
        record = session.scalars(select(ExportRecord)).one()
    assert (record.kind, record.personal_data) == ("print_form", True)


def test_blank_form_has_rules_to_fill_and_records_nothing(shop: Register) -> None:
    with shop.read() as session:
        story = registration_form.form(None, get_office(session), WIDTH, TextOptions())
    words = texts(story)
    assert "ส่วนที่ 2 ผลิตภัณฑ์ที่ลงทะเบียน" in words
    assert "2. รหัสผลิตภัณฑ์" in words  # room for more than one product
    assert "กลุ่มทอผ้าฝ้ายบ้านต้นเปา" not in words
    printed = render(shop, DocumentKind.FORM, PrintOptions(blank=True))
    assert printed.documents == 1 and pdf_pages(printed.data) == printed.pages
    with shop.read() as session:
        assert session.scalars(select(ExportRecord)).all() == []


# --- the register list -------------------------------------------------------------------------


def test_register_list_masks_personal_data_unless_asked_and_records_that(
    shop: Register, tmp_path
) -> None:
    masked = render(shop, DocumentKind.REGISTER)
    layer = page_text(masked.data)
    assert "•••••••678" in layer and "0812345678" not in layer
    with shop.read() as session:
        assert session.scalars(select(ExportRecord)).all() == []

    out = tmp_path / "list.pdf"
    shown = render(
        shop, DocumentKind.REGISTER, PrintOptions(show_personal=True, printed_by="kaew"), out=out
    )
    assert "0812345678" in page_text(shown.data)
    with shop.read() as session:
        record = session.scalars(select(ExportRecord)).one()
    assert (record.kind, record.personal_data, record.created_by) == (
        "print_register",
        True,
        "kaew",
    )
    assert record.file_name == str(out)
    assert record.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()


def test_an_existing_file_needs_force_and_a_failed_write_records_nothing(
    shop: Register, tmp_path
) -> None:
    out = tmp_path / "list.pdf"
    out.write_bytes(b"old list")
    personal = PrintOptions(show_personal=True)
    with pytest.raises(OutputExists, match="--force"):
        render(shop, DocumentKind.REGISTER, personal, out=out)
    assert out.read_bytes() == b"old list"
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="Cannot write"):
        render(shop, DocumentKind.REGISTER, personal, out=blocker / "list.pdf")
    if shop.path is not None:  # a register on a server has no file to protect
        with pytest.raises(UserError, match="open register"):
            render(shop, DocumentKind.REGISTER, personal, out=shop.path, force=True)
    with shop.read() as session:
        assert session.scalars(select(ExportRecord)).all() == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []

    printed = render(shop, DocumentKind.REGISTER, personal, out=out, force=True)
    assert out.read_bytes() == printed.data
    with shop.read() as session:
        [record] = session.scalars(select(ExportRecord)).all()
    assert record.file_name == str(out)


def test_one_mask_in_either_digits() -> None:
    """Every digit but the last three hidden by one mark that is neither Latin nor Thai, the
    separators kept; values too short to show three digits safely are hidden whole."""
    assert mask("3-5001-00325-42-4") == "•-••••-•••••-42-4"
    assert mask("081-234-5678") == "•••-•••-•678"
    assert mask("๐๘๑๒๓๔๕๖๗๘") == "•••••••๖๗๘"
    assert mask("123456") == "••••••"
    assert mask("") == ""


def test_a_list_in_thai_digits_masks_as_one_in_arabic_digits(shop: Register) -> None:
    """The masked IDs and phones of a list printed in Thai digits are the masked values in
    Thai digits: the mark stands among Thai digits as it does among Arabic ones."""
    with shop.read() as session:
        people = session.execute(select(Entrepreneur.national_id, Entrepreneur.phone)).all()
    printed = render(shop, DocumentKind.REGISTER, PrintOptions(thai_digits=True))
    layer = "".join(page_text(printed.data, page) for page in range(printed.pages))
    for national_id, phone in people:
        assert to_thai_digits(mask(format_thai_id(national_id))) in layer
        if phone:
            assert to_thai_digits(mask(phone)) in layer
    # No Latin letter or digit is left among them (the names of the program and of SMEs aside).
    assert set(re.findall("[A-Za-z0-9]+", layer)) <= {"OTOP", "SME"}


# --- the monthly report ------------------------------------------------------------------------


def test_monthly_report_totals_by_category_and_subdistrict(shop: Register) -> None:
    with shop.read() as session:
        sales = monthly_sales(session, OCTOBER, None)
        story = monthly_report(sales, get_office(session), WIDTH, TextOptions())
    assert sales.total.amount == Decimal("11734.75")
    assert sales.total.online == Decimal("2034.25")
    assert sales.total.entrepreneurs == 2
    assert sales.by_category[3].amount == Decimal("10000.50")
    assert sales.by_category[2].amount == Decimal("500.00")
    assert sales.whole_business.amount == Decimal("1234.25")
    assert sales.by_subdistrict["501301"].amount == Decimal("11734.75")
    words = "\n".join(texts(story))
    assert "ประจำเดือนตุลาคม พ.ศ. 2568" in words
    assert "ข้อมูล ณ วันที่ " in words
    assert "(สันกำแพง)" not in words  # one district: its name is not on every row
    assert "11,734.75" in words
    assert "หนึ่งหมื่นหนึ่งพันเจ็ดร้อยสามสิบสี่บาทเจ็ดสิบห้าสตางค์" in words
    assert "85.22" in words  # the textiles' share of the month, in per cent
    printed = render(shop, DocumentKind.MONTHLY, PrintOptions(period=OCTOBER, thai_digits=True))
    assert "๑๑,๗๓๔.๗๕" in page_text(printed.data)


@pytest.mark.parametrize(
    ("kind", "options", "error", "words"),
    [
        (DocumentKind.MONTHLY, PrintOptions(period=Period(2568, 9)), NotFoundError, "2568-09"),
        (DocumentKind.MONTHLY, PrintOptions(), UserError, "month of the report"),
        (
            DocumentKind.MONTHLY,
            PrintOptions(period=OCTOBER, district_code="5001"),
            UserError,
            "5001",
        ),
        (DocumentKind.REGISTER, PrintOptions(registrations=("x",)), UserError, "not printed per"),
        (DocumentKind.CERTIFICATE, PrintOptions(blank=True), UserError, "blank"),
    ],
)
def test_refusals(shop: Register, kind, options, error, words) -> None:
    with pytest.raises(error, match=words):
        render(shop, kind, options)


def test_lists_styles_are_shaped() -> None:
    lk = look()
    assert all(getattr(lk, name).shaping == 1 for name in lk.__dataclass_fields__)


def test_print_command(shop: Register, tmp_path) -> None:
    db = db_of(shop)
    out = tmp_path / "all.pdf"

    def run(*args: object) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "otop_desktop", "print", *map(str, args)]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    done = run("certificate", "--db", db, "--all", "--thai-digits", "--out", out)
    assert done.returncode == 0, done.stderr
    assert "2 registration certificate(s), 2 pages" in done.stdout
    assert "ร้านยังไม่มีของ" not in done.stderr and reg_no(shop, "ร้านยังไม่มีของ") in done.stderr
    assert pdf_pages(out.read_bytes()) == 2
    monthly = run("monthly", "--db", db, "--period", "2568-10", "--out", tmp_path / "m.pdf")
    assert monthly.returncode == 0, monthly.stderr
    refused = run("monthly", "--db", db, "--period", "2568-13", "--out", tmp_path / "x.pdf")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    missing = run("form", "--db", db, "--out", tmp_path / "f.pdf")
    assert missing.returncode == 2 and "--registration" in missing.stderr
    assert not (tmp_path / "f.pdf").exists()
