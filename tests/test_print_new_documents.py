"""The documents offices used to make by hand, made from the district and province demo
registers: the training sign-in sheet, the OFOS survey form (filled, every household, blank),
the covering memo with and without the office's emblem, the list of standards about to
expire; their text read back from the PDFs, and the command line's exit statuses and
messages."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.units import cm
from reportlab.platypus import Spacer
from sqlalchemy import func, select

from otop_desktop.cli import main
from otop_desktop.database import Register
from otop_desktop.demo.generator import generate
from otop_desktop.domain import OfficeKind, Status
from otop_desktop.errors import NotFoundError, UserError, ValidationError
from otop_desktop.models import (
    Entrepreneur,
    Household,
    Product,
    ProductStandard,
    Training,
    TrainingParticipant,
)
from otop_desktop.printing import standards
from otop_desktop.printing.layout import Document, grid_table, look
from otop_desktop.printing.office_blocks import KeepTail
from otop_desktop.printing.office_documents import OfficeDocument, OfficeOptions, render_office
from otop_desktop.printing.office_print import set_emblem, set_office_phone
from otop_desktop.printing.print_data import monthly_sales
from otop_desktop.printing.signin import SPARE_ROWS
from otop_desktop.printing.typeset import TextOptions, para
from otop_desktop.services.office import get_office
from otop_desktop.thaiformat import Period, format_money, thai_today
from tests.conftest import db_of

UNTIL = Period(2569, 11)
OCTOBER = Period(2569, 10)
#: A day after the demo's last month: the standards and the memo are dated by it.
DAY = date(2026, 12, 3)
#: The month the computer's clock is in (the command line dates a memo today).
RUNNING = Period.of(thai_today())


@pytest.fixture
def district(register: Register) -> Register:
    generate(register, "district", seed=1, until=UNTIL)
    return register


def texts(data: bytes) -> list[str]:
    """Each page's text as a reader copies it (the text layer, not the glyphs)."""
    document = pdfium.PdfDocument(data)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def flat(text: str) -> str:
    return "".join(text.split())


def images(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return sum(
            1
            for page in document
            for obj in page.get_objects()
            if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE
        )
    finally:
        document.close()


def emblem_png() -> bytes:
    """A stand-in for the office's emblem file (the program ships none)."""
    image = Image.new("RGBA", (120, 132), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 4, 110, 100), fill=(170, 30, 30, 255))
    draw.rectangle((48, 90, 72, 130), fill=(170, 30, 30, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def make(register: Register, kind: OfficeDocument, **options: object) -> tuple[bytes, int]:
    printed = render_office(register, kind, OfficeOptions(**options))
    assert printed.data.startswith(b"%PDF")
    return printed.data, printed.pages


# --- the sign-in sheet ----------------------------------------------------------------------


def test_the_sign_in_sheet_lists_every_participant_and_ends_with_rows_above_its_signature(
    district: Register,
) -> None:
    with district.read() as session:
        training = session.scalars(
            select(Training).join(TrainingParticipant).order_by(Training.id).limit(1)
        ).one()
        people = session.execute(
            select(Entrepreneur.reg_no, Entrepreneur.contact_name)
            .join(TrainingParticipant, TrainingParticipant.entrepreneur_id == Entrepreneur.id)
            .where(TrainingParticipant.training_id == training.id)
        ).all()
        topic, officer = training.topic, get_office(session).officer_name
    data, pages = make(district, OfficeDocument.SIGNIN, training_id=training.id)
    pages_text = texts(data)
    whole = flat("".join(pages_text))
    assert flat("ใบลงทะเบียนผู้เข้าร่วมอบรม") in whole and flat(topic) in whole
    for reg_no, contact in people:
        assert reg_no in whole and flat(contact) in whole
    assert flat("ลายมือชื่อ") in whole
    assert f"ผู้เข้าอบรมตามรายชื่อ{len(people)}ราย" in whole
    # The signature block is never alone on its page: numbered rows stand above it.
    last = flat(pages_text[-1])
    assert flat(f"({officer})") in last
    assert str(len(people) + SPARE_ROWS) in last.split("ผู้เข้าอบรมตามรายชื่อ")[0]
    assert len(pages_text) == pages


def test_an_unknown_training_is_named(district: Register) -> None:
    with pytest.raises(NotFoundError) as refused:
        make(district, OfficeDocument.SIGNIN, training_id=99_999)
    assert "99999" in refused.value.message_en and "trainings list" in refused.value.message_en
    with pytest.raises(UserError, match="sign-in sheet"):
        make(district, OfficeDocument.SIGNIN)


# --- the survey form ------------------------------------------------------------------------


def test_a_filled_survey_shows_the_household_and_each_skill(district: Register) -> None:
    with district.read() as session:
        household = session.scalars(
            select(Household).where(Household.skills.any()).order_by(Household.code).limit(1)
        ).one()
        code, head = household.code, household.head_name
        skills = [(s.skill, s.industry, s.level) for s in household.skills]
    data, _ = make(district, OfficeDocument.SURVEY, households=(code,))
    whole = flat("".join(texts(data)))
    assert flat("แบบสำรวจข้อมูลครัวเรือน") in whole
    assert code in whole and flat(head) in whole
    for skill, industry, level in skills:
        assert flat(skill) in whole and flat(industry) in whole and flat(level) in whole
    assert flat("ผู้ให้ข้อมูล") in whole and flat("ผู้สำรวจ") in whole


def test_every_household_is_one_form_each_and_the_blank_form_one_page(
    district: Register,
) -> None:
    with district.read() as session:
        households = session.scalar(select(func.count()).select_from(Household))
    printed = render_office(district, OfficeDocument.SURVEY, OfficeOptions())
    assert printed.documents == households
    data, pages = make(district, OfficeDocument.SURVEY, blank=True)
    assert pages == 1
    whole = flat(texts(data)[0])
    assert flat("สาขาSoftPower") in whole and flat("ภาพยนตร์ ซีรีส์และแอนิเมชัน") in whole


def test_an_unknown_household_code_is_named(district: Register) -> None:
    with pytest.raises(NotFoundError) as refused:
        make(district, OfficeDocument.SURVEY, households=("501301-99-9999",))
    assert "501301-99-9999" in refused.value.message_th
    with pytest.raises(UserError, match="blank form takes no household"):
        make(district, OfficeDocument.SURVEY, households=("x",), blank=True)


# --- the memo ---------------------------------------------------------------------------------


def test_the_memo_is_one_page_with_the_months_figures_and_the_emblem(
    district: Register,
) -> None:
    with district.write() as session:
        set_office_phone(session, "0 5333 1234")
        set_emblem(session, emblem_png())
    data, pages = make(
        district, OfficeDocument.MEMO, period=OCTOBER, number="ชม 0019.13/123", dated=DAY
    )
    assert pages == 1
    assert images(data) == 1
    text = flat(texts(data)[0])
    with district.read() as session:
        total = monthly_sales(session, OCTOBER, None).total
        office = get_office(session)
    for words in (
        "บันทึกข้อความ",
        "ส่วนราชการ",
        office.name,
        "โทร. 0 5333 1234",
        "ที่ชม 0019.13/123",
        "วันที่3 ธันวาคม 2569",
        "เรื่อง",
        "ประจำเดือนตุลาคม 2569",
        "เรียนพัฒนาการจังหวัดเชียงใหม่",
        format_money(total.amount),
        "OTOP-5013-256910.xlsx",
        "จึงเรียนมาเพื่อโปรดทราบ",
        f"({office.officer_name})",
    ):
        assert flat(words) in text, words


def test_without_an_emblem_or_a_number_the_memo_leaves_them_out(district: Register) -> None:
    data, pages = make(district, OfficeDocument.MEMO, period=OCTOBER, dated=DAY)
    assert pages == 1 and images(data) == 0
    with district.write() as session:
        set_emblem(session, emblem_png())
        set_emblem(session, None)
    assert images(make(district, OfficeDocument.MEMO, period=OCTOBER, dated=DAY)[0]) == 0


def test_the_memo_refuses_a_month_not_ended_or_without_sales(district: Register) -> None:
    with pytest.raises(UserError) as refused:
        make(district, OfficeDocument.MEMO, period=Period(2569, 12), dated=DAY)
    assert "has not ended" in refused.value.message_en
    with pytest.raises(NotFoundError) as empty:
        make(district, OfficeDocument.MEMO, period=Period(2544, 1), dated=DAY)
    assert "No sales" in empty.value.message_en
    with pytest.raises(ValidationError):
        make(district, OfficeDocument.MEMO, period=OCTOBER, number="x" * 61, dated=DAY)


def test_the_emblem_must_be_an_image(district: Register) -> None:
    with district.write() as session, pytest.raises(UserError) as refused:
        set_emblem(session, b"%PDF-1.7 not an image")
    assert "PNG or JPEG" in refused.value.message_en
    gif = io.BytesIO()
    Image.new("RGB", (8, 8)).save(gif, "GIF")
    with district.write() as session, pytest.raises(UserError, match="GIF"):
        set_emblem(session, gif.getvalue())


def test_on_a_province_register_the_memo_goes_to_the_department_and_a_list_to_a_district(
    province_register: Register,
) -> None:
    generate(province_register, "province", seed=1, until=UNTIL)
    data, pages = make(province_register, OfficeDocument.MEMO, period=OCTOBER, dated=DAY)
    text = flat(texts(data)[0])
    assert pages == 1
    assert flat("เรียนอธิบดีกรมการพัฒนาชุมชน") in text and "OTOP-50-256910.xlsx" in text
    data, _ = make(
        province_register, OfficeDocument.STANDARDS, months=3, district_code="5013", dated=DAY
    )
    whole = flat("".join(texts(data)))
    assert flat("อำเภอสันกำแพง") in whole and flat("อำเภอเมืองเชียงใหม่") not in whole


# --- expiring standards -----------------------------------------------------------------------


def test_the_standards_list_holds_every_standard_expiring_by_subdistrict(
    district: Register,
) -> None:
    until = standards.months_after(DAY, 6)
    with district.read() as session:
        expected = session.execute(
            select(ProductStandard.cert_no, Entrepreneur.subdistrict_code)
            .join(Product, Product.id == ProductStandard.product_id)
            .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
            .where(
                ProductStandard.expires_on.between(DAY, until),
                Entrepreneur.status != Status.CLOSED.value,
            )
        ).all()
        rows = standards.load(session, DAY, 6, None)
    assert expected and len(rows) == len(expected)
    codes = [row.subdistrict_code for row in rows]
    assert codes == sorted(codes)
    data, _ = make(district, OfficeDocument.STANDARDS, months=6, dated=DAY)
    pages = texts(data)
    whole = flat("".join(pages))
    for cert_no, _code in expected:
        assert flat(cert_no) in whole
    assert f"รวมทั้งสิ้น{len(expected)}รายการ" in whole
    # The total and signature share their page with rows of the table.
    assert flat("ผู้จัดทำ") in flat(pages[-1]) and "/25" in pages[-1]


def test_months_ahead_outside_1_to_24_are_refused(district: Register) -> None:
    with pytest.raises(UserError, match="1 to 24"):
        make(district, OfficeDocument.STANDARDS, months=25, dated=DAY)
    with pytest.raises(NotFoundError, match="No product standard expires"):
        make(district, OfficeDocument.STANDARDS, months=1, dated=date(2001, 1, 2))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 12, 3), 1, date(2027, 1, 3)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
    ],
)
def test_months_after(day: date, months: int, expected: date) -> None:
    assert standards.months_after(day, months) == expected


# --- a table's tail and what follows it ---------------------------------------------------


@pytest.mark.parametrize("rows", range(30, 46))
def test_what_follows_a_table_never_stands_alone_on_a_page(rows: int) -> None:
    """Whatever the table's length, the last page holds table rows above the signature."""
    text = TextOptions()
    out = io.BytesIO()
    doc = Document(out, options=text)
    cell = look().cell
    table = grid_table(
        [[para(t, cell) for t in ("ที่", f"แถว {i}")] for i in range(rows + 1)],
        [2 * cm, doc.width - 2 * cm],
    )
    after = [Spacer(1, cm), para("(ลงชื่อ) ....................", look().body, text)]
    doc.build([KeepTail(table, after)])
    pages = texts(out.getvalue())
    last = flat(pages[-1])
    assert "(ลงชื่อ)" in last
    assert f"แถว{rows}" in last and f"แถว{rows - 1}" in last
    # Nothing is lost or repeated across the split.
    assert sum(flat(p).count("แถว") for p in pages) == rows + len(pages)  # headings repeat


# --- the command line -------------------------------------------------------------------------

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def go(*args: object) -> tuple[int, str, str]:
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return go


def test_each_document_from_the_command_line(district: Register, tmp_path: Path, run: Run) -> None:
    db = db_of(district)
    with district.read() as session:
        training = session.scalar(select(func.min(TrainingParticipant.training_id)))
        code = session.scalar(select(func.min(Household.code)))
    for args in (
        ("signin", "--training", training),
        ("survey", "--household", code),
        ("survey", "--blank"),
        ("survey", "--all"),
        ("memo", "--period", "2569-10", "--number", "ชม 0019.13/123"),
        ("standards", "--months", "12"),
    ):
        out = tmp_path / f"{'-'.join(map(str, args[:2]))}.pdf"
        status, stdout, stderr = run("print", *args, "--db", db, "--out", out)
        assert (status, stderr) == (0, ""), args
        assert stdout.startswith(f"{out}: ") and out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("signin", "--training", "99999"), ("99999", "trainings list")),
        (("signin", "--training", "abc"), ("abc", "whole number")),
        (("signin",), ("--training",)),
        (("survey", "--household", "501399-01-0001"), ("501399-01-0001", "No household")),
        (("survey",), ("--household", "--blank")),
        (("survey", "--blank", "--all"), ("not allowed",)),
        (("memo", "--period", "2569-13"), ("month",)),
        (("memo", "--period", str(RUNNING)), (str(RUNNING), "has not ended")),
        (("memo",), ("--period",)),
        (("standards", "--months", "0"), ("1 to 24",)),
        (("annual", "--year", "25"), ("B.E. year",)),
        (("annual", "--year", "2565", "--out-x", "a"), ("--out",)),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(
    district: Register, tmp_path: Path, run: Run, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    out = tmp_path / "x.pdf"
    status, stdout, stderr = run("print", *args, "--db", db_of(district), "--out", out)
    assert status == 2 and stdout == ""
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1
    for word in words:
        assert word in stderr
    assert not out.exists()


def test_the_annual_report_is_refused_in_another_format(
    district: Register, tmp_path: Path, run: Run
) -> None:
    out = tmp_path / "annual.docx"
    status, _, stderr = run(
        "print", "annual", "--db", db_of(district), "--year", "2568", "--out", out
    )
    assert status == 2 and ".pdf" in stderr and ".xlsx" in stderr and not out.exists()


def test_the_annual_report_from_the_command_line(
    district: Register, tmp_path: Path, run: Run
) -> None:
    for suffix in (".pdf", ".xlsx"):
        out = tmp_path / f"annual{suffix}"
        status, stdout, stderr = run(
            "print", "annual", "--db", db_of(district), "--year", "2568", "--calendar", "--out", out
        )
        assert (status, stderr) == (0, ""), stderr
        assert "calendar year 2568" in stdout and out.stat().st_size > 0
    status, _, stderr = run(
        "print", "annual", "--db", db_of(district), "--year", "2568", "--out", out
    )
    assert status == 2 and "--force" in stderr


def test_in_thai_digits_the_memo_still_names_the_file_as_it_is(district: Register) -> None:
    data, _ = make(district, OfficeDocument.MEMO, period=OCTOBER, dated=DAY, thai_digits=True)
    text = flat(texts(data)[0])
    assert "OTOP-5013-256910.xlsx" in text
    assert flat("ประจำเดือนตุลาคม ๒๕๖๙") in text and "2569" not in text.replace("256910", "")


def test_a_national_register_has_no_covering_memo(
    fresh_register: Callable[..., Register],
) -> None:
    nation = fresh_register(OfficeKind.NATION, None)
    with pytest.raises(UserError, match="national register sends no monthly submission"):
        make(nation, OfficeDocument.MEMO, period=OCTOBER, dated=DAY)
