"""The printed pages of the demo registers, looked at as an office would before signing:
rendered to pixels (pypdfium2) and read back as text.

- On the pixels: the ink of every page lies inside the official margins (left 3 cm, right
  2 cm, top 2.5 cm, bottom 2 cm) within 1 mm, the text starting at the left margin; only the
  running head (``- ๒ -``) sits in the top margin, from the second page on; no ink touches
  or crosses a table rule.
- Read back: the PDF's text (PDFium, and poppler's pdftotext) is the text that was set,
  stacked marks and all; no page holds only a signature block or a lone total row.
- From the text set (not the PDF): no line of any document breaks inside a word, a code, a
  number, a date or an amount, nor parts an ordinal from its number, over every filled form
  of the district demo; a dictionary compound breaks only between its words, and in the
  annual report only when it could not fit its column whole.

Every kind is checked: the registration form (filled and blank), the register list, the
monthly report, the documents offices used to make by hand — the training sign-in sheet,
the OFOS survey form (filled and blank), the covering memo (with the office's emblem), the
list of standards about to expire — and the annual report (district and province, fiscal
and calendar year). The certificate has its border instead of the margins:
tests/test_certificate.py checks it with these helpers."""

from __future__ import annotations

import bisect
import io
import itertools
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.lib.units import cm
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, KeepInFrame, KeepTogether, Paragraph, Table
from sqlalchemy import func, select

from otop_desktop.database import Register
from otop_desktop.demo import generate
from otop_desktop.domain import OfficeKind
from otop_desktop.models import Household, HouseholdSkill, Training, TrainingParticipant
from otop_desktop.printing import (
    annual,
    memo,
    monthly_report,
    register_list,
    registration_form,
    signin,
    standards,
    survey,
    typeset,
)
from otop_desktop.printing.documents import DocumentKind, Printed, PrintOptions, render
from otop_desktop.printing.layout import Document
from otop_desktop.printing.office_blocks import KeepTail
from otop_desktop.printing.office_documents import OfficeDocument, OfficeOptions, render_office
from otop_desktop.printing.office_print import set_emblem, set_office_phone
from otop_desktop.printing.print_data import chosen_ids
from otop_desktop.printing.thai_words import subwords
from otop_desktop.printing.typeset import (
    ThaiParagraph,
    cut_words,
    line_texts,
    para,
    styles,
)
from otop_desktop.services.office import init_register
from otop_desktop.thaiformat import Period
from tests.test_print_new_documents import emblem_png

UNTIL = Period(2568, 9)
#: The day the office documents are dated: after the demo's last month.
DAY = date(2025, 10, 15)
DPI = 150
MM = DPI / 25.4  # pixels
LEFT, RIGHT, TOP, BOTTOM = 3 * cm, 2 * cm, 2.5 * cm, 2 * cm  # points
DARK = 150  # grey level below which a pixel is ink
RULE_GREY = 224  # a rule's anti-aliased edge rows are part of the rule
RULE_RUN = int(4 * cm / 72 * DPI)  # a horizontal rule is a dark run at least this long
VERTICAL_RUN = 40  # pixels: a column dark this far from a rule is a vertical rule, not text


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Register]:
    register = init_register(
        tmp_path_factory.mktemp("district") / "r.sqlite3", OfficeKind.DISTRICT, "5013"
    )
    generate(register, "district", seed=1, until=UNTIL)
    with register.write() as session:
        set_office_phone(session, "0 5333 1234")
        set_emblem(session, emblem_png())
    yield register
    register.close()


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Register]:
    register = init_register(
        tmp_path_factory.mktemp("province") / "r.sqlite3", OfficeKind.PROVINCE, "50"
    )
    generate(register, "province", seed=1, until=UNTIL)
    yield register
    register.close()


def first_numbers(register: Register, count: int) -> tuple[str, ...]:
    from otop_desktop.models import Entrepreneur

    with register.read() as session:
        ids = chosen_ids(session, ())[:count]
        return tuple(session.get(Entrepreneur, i).reg_no for i in ids)


def office_documents(register: Register) -> list[tuple[OfficeDocument, OfficeOptions]]:
    """The documents offices used to make by hand, from ``register``: the sign-in sheet of
    its largest training, the survey of the household with most skills and the blank form,
    the memo of the demo's last month with and without its number, the standards expiring in
    a year; some in Thai digits."""
    with register.read() as session:
        training = session.scalar(
            select(TrainingParticipant.training_id)
            .group_by(TrainingParticipant.training_id)
            .order_by(func.count().desc(), TrainingParticipant.training_id)
            .limit(1)
        )
        household = session.scalar(
            select(Household.code)
            .join(HouseholdSkill, HouseholdSkill.household_id == Household.id)
            .group_by(Household.code)
            .order_by(func.count().desc(), Household.code)
            .limit(1)
        )
    documents = [
        (OfficeDocument.MEMO, OfficeOptions(period=UNTIL, number="ชม 0019.13/123", dated=DAY)),
        (OfficeDocument.MEMO, OfficeOptions(period=UNTIL, dated=DAY, thai_digits=True)),
        (OfficeDocument.STANDARDS, OfficeOptions(months=12, dated=DAY, thai_digits=True)),
    ]
    if training is not None:
        documents.append((OfficeDocument.SIGNIN, OfficeOptions(training_id=training)))
    if household is not None:
        documents.append((OfficeDocument.SURVEY, OfficeOptions(households=(household,))))
        documents.append((OfficeDocument.SURVEY, OfficeOptions(blank=True, thai_digits=True)))
    return documents


def annual_reports() -> list[OfficeOptions]:
    """The demo's last whole years: fiscal 2568 (October 2567 to September 2568) and
    calendar 2567."""
    return [OfficeOptions(year=2568), OfficeOptions(year=2567, calendar=True)]


# --- what was set --------------------------------------------------------------------------


class SetText:
    """Records, in drawing order, the text of every run the documents draw (the text set,
    before shaping), by wrapping reportlab's text object: the one every para() and
    draw_text() uses derives from it, and the labels of the annual report's charts
    (reportlab graphics, drawString) use it as it is."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.runs: list[str] = []
        original = PDFTextObject._formatText

        def recording(text_object: PDFTextObject, text: str) -> str:
            self.runs.append(getattr(text, "actual", text))
            return original(text_object, text)

        monkeypatch.setattr(PDFTextObject, "_formatText", recording)


def squeezed(text: str) -> str:
    """``text`` without whitespace (the comparison is of everything else)."""
    return "".join(text.split())


def pdfium_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def poppler_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    # -raw: the strings in content-stream order, as they were drawn.
    done = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def first_difference(a: str, b: str) -> str:
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return f"at {at}: set …{a[max(0, at - 30) : at + 30]}… read …{b[max(0, at - 30) : at + 30]}…"


@dataclass
class AnnualMade:
    printed: Printed
    text: str  # the text set, in drawing order
    story: list[Flowable]


@pytest.fixture(scope="module")
def annuals(district: Register, province: Register) -> list[AnnualMade]:
    """The annual reports (``annual_reports``) of both demos, each made once for the text,
    break and page tests: its PDF, the text it set and its story."""
    made = []
    stories: list[list[Flowable]] = []
    make = annual._story

    def keeping(*args: Any, **kwargs: Any) -> list[Flowable]:
        story = make(*args, **kwargs)
        stories.append(list(story))  # a copy: building a document consumes the list
        return story

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(annual, "_story", keeping)
        for register in (district, province):
            for options in annual_reports():
                recorded = SetText(patch)
                printed = render_office(register, OfficeDocument.ANNUAL, options)
                made.append(AnnualMade(printed, "".join(recorded.runs), stories[-1]))
    return made


def assert_reads_as_set(data: bytes, recorded: SetText, tmp_path: Path) -> None:
    assert_text_is(data, "".join(recorded.runs), tmp_path)


def assert_text_is(data: bytes, text: str, tmp_path: Path) -> None:
    """PDFium and pdftotext read ``data`` as ``text``, white space aside."""
    expected = squeezed(text)
    assert expected
    read = squeezed(pdfium_text(data))
    assert read == expected, "PDFium " + first_difference(expected, read)
    if shutil.which("pdftotext"):
        read = squeezed(poppler_text(data, tmp_path))
        assert read == expected, "pdftotext " + first_difference(expected, read)


STACKED = "ที่ กิ่ง กตัญญู ญี่ปุ่น น้ำ สำนักงาน ฏุ ฎู ปี่ ฟื้น ป๊ี"


def test_stacked_marks_read_back_as_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = SetText(monkeypatch)
    buffer = io.BytesIO()
    doc = Document(buffer, options=typeset.TextOptions())
    story: list[Flowable] = [
        # Bold 20 pt: HarfBuzz moves the tone mark of ผู้ without changing a glyph.
        para("ผู้ผลิต ผู้ประกอบการ OTOP " + STACKED, styles().title),
        para(STACKED, styles().body),
        para(STACKED * 6, styles().cell),
    ]
    doc.build(story)
    text = pdfium_text(buffer.getvalue())
    for word in STACKED.split():
        assert word in text, word
    assert_reads_as_set(buffer.getvalue(), recorded, tmp_path)


def test_every_document_reads_back_as_set(
    district: Register,
    province: Register,
    annuals: list[AnnualMade],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    numbers = first_numbers(district, 4)
    documents = [
        (district, DocumentKind.FORM, PrintOptions(registrations=numbers)),
        (district, DocumentKind.FORM, PrintOptions(registrations=numbers[:2], thai_digits=True)),
        (district, DocumentKind.FORM, PrintOptions(blank=True)),
        (district, DocumentKind.REGISTER, PrintOptions(thai_digits=True)),
        (district, DocumentKind.MONTHLY, PrintOptions(period=UNTIL)),
        (province, DocumentKind.MONTHLY, PrintOptions(period=UNTIL, thai_digits=True)),
    ]
    for register, kind, options in documents:
        recorded = SetText(monkeypatch)
        printed = render(register, kind, options)
        assert_reads_as_set(printed.data, recorded, tmp_path)
    # The words the issue found unsearchable are found.
    text = pdfium_text(printed.data)
    assert "สำนักงาน" in text and "ที่" in text
    made = []
    for register in (district, province):
        for office_kind, office_options in office_documents(register):
            recorded = SetText(monkeypatch)
            printed = render_office(register, office_kind, office_options)
            assert_reads_as_set(printed.data, recorded, tmp_path)
            made.append(office_kind)
    for report in annuals:
        assert_text_is(report.printed.data, report.text, tmp_path)
        made.append(OfficeDocument.ANNUAL)
    assert set(made) == set(OfficeDocument)


# --- where lines break ----------------------------------------------------------------------


def paragraphs(items: list[Flowable] | Flowable) -> Iterator[Paragraph]:
    """Every paragraph in ``items``, inside tables, cells and kept groups too."""
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, Paragraph):
            yield item
        elif isinstance(item, Table):
            for row in item._cellvalues:
                for value in row:
                    # reportlab keeps a laid-out cell as a tuple of its flowables.
                    yield from paragraphs(
                        list(value) if isinstance(value, list | tuple) else [value]
                    )
        elif isinstance(item, KeepTogether | KeepInFrame):
            yield from paragraphs(item._content)
        elif isinstance(item, KeepTail):
            yield from paragraphs([item.table, *item.after])


DIGIT = "0-9๐-๙"
MONTHS = (
    "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|"
    "พฤศจิกายน|ธันวาคม|ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|"
    "ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\."
)
# What may not stand either side of a line break: a number split or parted from its unit,
# a date split, พ.ศ. parted from its year.
BAD_END = re.compile(rf"([{DIGIT}][,.\-/]?|พ\.ศ\.|{MONTHS}|ม\.)$")
BAD_START = re.compile(rf"^([{DIGIT}]|[,.\-/][{DIGIT}]|บาท|ราย|ดาว|คน|{MONTHS})")


def compound_splits(paragraph: ThaiParagraph) -> list[str]:
    """Line breaks inside a word of the text set (one of its tokens) that was not cut
    (``cut_words``): a compound, one entry of the dictionary, broken between the words it
    is made of (ความ|กตัญญู, สำนักงาน|คณะกรรมการอาหารและยา). para() does that only to a
    compound wider than its column at the size set. The spec allows no break inside a word;
    a compound's own words are words, but one that fits its column whole once set smaller
    (down to para()'s floor) could have been kept whole, so such a break is reported too,
    as is a break inside one of its words."""
    ends = list(itertools.accumulate(len(text) for text, _ in paragraph._tokens))
    starts = [0, *itertools.accumulate(len(text) for text, _ in paragraph._laid_out)]
    base = paragraph._base or paragraph.style
    found = []
    for line in paragraph.blPara.lines[1:]:
        at = starts[line.sFW]  # where the line starts, in characters of the text set
        if not 0 < at < ends[-1] or at in ends:
            continue
        number = bisect.bisect_right(ends, at)
        word = paragraph._tokens[number][0]
        if word in cut_words(paragraph):
            continue
        inside = at - (ends[number] - len(word))
        smallest = float(base.fontSize) * typeset.SHRINK_FLOOR
        if inside not in word_boundaries(word):
            found.append(f"split {word[:inside]!r} | {word[inside:]!r} inside a word")
        elif typeset.text_width(word, base.fontName, smallest) <= paragraph.width:
            found.append(f"split {word!r}, which fits its column whole")
    return found


def word_boundaries(word: str) -> set[int]:
    """Where ``word`` may be broken between the dictionary words it is made of, as para()
    reads a word too wide (``thai_words.subwords``, and those words' own words in turn)."""
    pieces = subwords(word)
    if len(pieces) == 1:
        return set()
    found = set()
    position = 0
    for piece in pieces:
        found |= {position + inner for inner in word_boundaries(piece)}
        position += len(piece)
        found.add(position)
    return found - {len(word)}


def bad_breaks(paragraph: Paragraph) -> list[str]:
    if not isinstance(paragraph, ThaiParagraph) or not hasattr(paragraph, "blPara"):
        return []
    if paragraph._key is None:  # a piece split off by reportlab; its whole is checked
        return []
    found = [f"cut {word!r}" for word in cut_words(paragraph)]
    found += compound_splits(paragraph)
    lines = line_texts(paragraph)
    # Where the text set starts a new line itself (a code, then its type under it), the
    # line did not break.
    parts = paragraph._laid_out
    starts = [line.sFW for line in paragraph.blPara.lines]
    forced = [
        any(parts[i] == ("\n", False) for i in (start - 1, start) if 0 <= i < len(parts))
        for start in starts[1:]
    ]
    for (before, after), set_so in zip(itertools.pairwise(lines), forced, strict=True):
        if not set_so:
            found += bad_pair(before, after)
    return found


def bad_pair(before: str, after: str) -> list[str]:
    """The break between two lines, reported if it parts what may not be parted: also an
    ordinal from its number (แบบที่ | 6, หมู่ที่ | 3)."""
    if not (before and after):
        return []
    if (BAD_END.search(before) and BAD_START.search(after)) or (
        before.endswith("ที่") and re.match(f"[{DIGIT}]", after)
    ):
        return [f"{before[-20:]!r} | {after[:20]!r}"]
    return []


def test_no_line_breaks_inside_a_word_code_number_or_date(
    district: Register,
    province: Register,
    annuals: list[AnnualMade],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every filled form of the district demo, its register list and monthly reports, the
    province's monthly report, and the office documents: every training's sign-in sheet,
    every household's survey form and the blank one, the memos, the standards lists. Laid
    out for real (the PDF is made), then every paragraph's lines read back as the text set.
    The annual reports (district and province, fiscal and calendar) too. Every document keeps
    a compound whole that fits its column whole (``compound_splits``)."""
    stories: list[list[Flowable]] = []

    def keeping(make):
        def made(*args, **kwargs):
            story = make(*args, **kwargs)
            # A copy: building a document consumes the list it is given.
            stories.append(list(story))
            return story

        return made

    for module, name in (
        (registration_form, "form"),
        (register_list, "register_list"),
        (monthly_report, "monthly_report"),
        (signin, "sign_in_sheet"),
        (survey, "survey_form"),
        (memo, "memo"),
        (standards, "standards_list"),
    ):
        monkeypatch.setattr(module, name, keeping(getattr(module, name)))
    printed = render(district, DocumentKind.FORM, PrintOptions())
    assert printed.documents == len(stories) > 100
    render(district, DocumentKind.FORM, PrintOptions(blank=True))
    render(district, DocumentKind.REGISTER, PrintOptions(thai_digits=True))
    render(district, DocumentKind.MONTHLY, PrintOptions(period=UNTIL))
    render(province, DocumentKind.MONTHLY, PrintOptions(period=UNTIL, thai_digits=True))
    before = len(stories)
    with district.read() as session:
        trainings = session.scalars(select(Training.id).order_by(Training.id)).all()
    for training in trainings:
        render_office(district, OfficeDocument.SIGNIN, OfficeOptions(training_id=training))
    surveys = render_office(district, OfficeDocument.SURVEY, OfficeOptions())
    months = [UNTIL]
    while len(months) < 12:
        months.append(months[-1].prev())
    for register in (district, province):
        for kind, options in office_documents(register):
            render_office(register, kind, options)
        # The memo's sentences carry the month's figures: a year of them, every width.
        for month in months:
            render_office(register, OfficeDocument.MEMO, OfficeOptions(period=month, dated=DAY))
    assert len(stories) - before >= len(trainings) + surveys.documents + 2 * (6 + 12)
    problems = [
        problem
        for story in stories + [report.story for report in annuals]
        for p in paragraphs(story)
        for problem in bad_breaks(p)
    ]
    assert problems == [], "\n".join(sorted(set(problems)))


def test_the_break_check_sees_a_cut() -> None:
    """The check above is not blind: a code in too narrow a column, and a date broken
    between its day and month, are both reported."""
    code = para("5013-2546-0001-P02", styles().cell)
    code.wrap(1.5 * cm, 1000)
    assert bad_breaks(code)[0] == "cut '5013-2546-0001-P02'"
    date_text = para("ให้ไว้ ณ วันที่ 24 พฤศจิกายน 2566", styles().body)
    date_text.wrap(text_width_of("ให้ไว้ ณ วันที่ 24") + 4, 1000)
    assert bad_breaks(date_text)
    # In Thai digits as in Arabic ones, a code a little too wide is set smaller, whole; far
    # too wide, it is reported cut (Thai digits once let it break unseen, as if Thai words).
    thai = typeset.TextOptions(thai_digits=True)
    full = typeset.text_width(
        typeset.digits("ORGANIC-50-96465/66", thai), styles().cell.fontName, styles().cell.fontSize
    )
    code = para("ORGANIC-50-96465/66", styles().cell, thai)
    code.wrap(full * 0.85, 1000)
    assert line_texts(code) == ["ORGANIC-๕๐-๙๖๔๖๕/๖๖"] and bad_breaks(code) == []
    code.wrap(full / 2, 1000)
    assert bad_breaks(code)[0] == "cut 'ORGANIC-๕๐-๙๖๔๖๕/๖๖'"


def text_width_of(text: str) -> float:
    return typeset.text_width(text, styles().body.fontName, styles().body.fontSize)


# --- the pixels ----------------------------------------------------------------------------


@dataclass
class Page:
    number: int  # from 1
    image: Image.Image  # "L", DPI dots per inch
    text: str  # the body's text (below the top margin)

    def dark(self, threshold: int = DARK) -> Image.Image:
        return self.image.point(lambda v: 255 if v < threshold else 0)


def pages(data: bytes, wanted: list[int] | None = None) -> list[Page]:
    document = pdfium.PdfDocument(data)
    try:
        count = len(document)
        numbers = sorted({n % count for n in wanted}) if wanted else list(range(count))
        result = []
        for n in numbers:
            page = document[n]
            width, height = page.get_size()
            body = page.get_textpage().get_text_bounded(0, 0, width, height - TOP + 2)
            image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
            result.append(Page(n + 1, image, body))
        return result
    finally:
        document.close()


def px(points: float) -> float:
    return points / 72 * DPI


def check_margins(page: Page) -> list[str]:
    width, height = page.image.size
    ink = page.dark()
    problems = []
    body = ink.crop((0, round(px(TOP) - MM), width, height)).getbbox()
    head = ink.crop((0, 0, width, round(px(TOP) - MM))).getbbox()
    if head is not None and page.number == 1:
        problems.append(f"page 1: ink in the top margin {head}")
    if head is not None and page.number > 1 and head[3] > px(2.2 * cm):
        problems.append(f"page {page.number}: running head reaches {head[3] / MM:.1f} mm")
    if body is None:
        return [*problems, f"page {page.number}: empty"]
    left, _, right, bottom = body
    bottom += round(px(TOP) - MM)
    if abs(left - px(LEFT)) > MM:
        problems.append(f"page {page.number}: text starts at {left / MM:.1f} mm, not 30")
    if right > px(width * 72 / DPI - RIGHT) + MM:
        problems.append(f"page {page.number}: ink to {right / MM:.1f} mm from the left edge")
    if bottom > height - px(BOTTOM) + MM:
        problems.append(f"page {page.number}: ink {(height - bottom) / MM:.1f} mm from the foot")
    return problems


def rules(page: Page) -> list[tuple[int, int, int, int]]:
    """Horizontal rules as (top row, bottom row, left, right) pixel bands."""
    width, height = page.image.size
    data = page.dark(RULE_GREY).tobytes()
    run = re.compile(b"\xff{%d,}" % RULE_RUN)
    rows: dict[int, list[tuple[int, int]]] = {}
    for y in range(height):
        found = [(m.start(), m.end()) for m in run.finditer(data, y * width, (y + 1) * width)]
        if found:
            rows[y] = [(a - y * width, b - y * width) for a, b in found]
    bands = []
    for y in sorted(rows):
        for left, right in rows[y]:
            for i, (top, bottom, a, b) in enumerate(bands):
                if bottom == y - 1 and abs(a - left) < 3 and abs(b - right) < 3:
                    bands[i] = (top, y, min(a, left), max(b, right))
                    break
            else:
                bands.append((y, y, left, right))
    return bands


def check_rules(page: Page) -> list[str]:
    """Ink in the row just above or below a table's rule is a mark or a letter touching
    the rule, unless it is a vertical rule meeting it (dark for ``VERTICAL_RUN`` rows on
    one side of the rule or the other). A table's rule ends on its side rules; a line that
    does not (a chart's axis, which its bars and ticks meet by design) is no table's."""
    width, height = page.image.size
    ink = page.dark().tobytes()
    # A thin rule is anti-aliased to a light grey: look for it as for the horizontal ones.
    grey = page.dark(RULE_GREY).tobytes()

    def vertical(x: int, start: int, step: int) -> bool:
        rows = [start + step * k for k in range(VERTICAL_RUN)]
        return all(0 <= y < height and grey[y * width + x] for y in rows)

    def side(x: int, top: int, bottom: int) -> bool:
        return any(
            0 <= x + d < width and (vertical(x + d, top - 1, -1) or vertical(x + d, bottom + 1, 1))
            for d in (-2, -1, 0, 1, 2)
        )

    problems = []
    for top, bottom, left, right in rules(page):
        if not (side(left, top, bottom) and side(right - 1, top, bottom)):
            continue
        for y in (top - 1, bottom + 1):
            if not 0 <= y < height:
                continue
            row = ink[y * width + left + 2 : y * width + right - 2]
            for offset in [m.start() for m in re.finditer(b"\xff", row)]:
                x = left + 2 + offset
                if vertical(x, top - 1, -1) or vertical(x, bottom + 1, 1):
                    continue
                problems.append(f"page {page.number}: ink touches the rule at row {top} x {x}")
                break
    return problems


# What may follow a table at the foot of a document: the signature block and the lines that
# lead to it (a total, the count of those listed, a memo's closing sentence, a survey's
# consent). A page holding only these holds nothing an office would send.
def check_table_feet(page: Page) -> list[str]:
    """A table's side rules end on a rule: its last row on the page is closed (a white rule
    drawn over a table's foot once left it open)."""
    width, height = page.image.size
    grey = page.dark(RULE_GREY).tobytes()
    bands = rules(page)
    open_at: set[tuple[int, int]] = set()
    for _top, bottom, left, right in bands:
        for x in (left + 1, right - 2):
            y = bottom + 1
            while y < height and grey[y * width + x]:
                y += 1
            if y - bottom < VERTICAL_RUN:
                continue  # no side rule runs down from this rule
            if not any(abs(b - (y - 1)) <= 2 and a <= x <= c for _t, b, a, c in bands):
                open_at.add((y, x))
    return [f"page {page.number}: a table ends open at row {y} x {x}" for y, x in sorted(open_at)]


SIGNATURE_LINE = re.compile(
    r"^(ลงชื่อ|\(|วันที่|ตำแหน่ง|- .* -|รวมทั้งสิ้น|ผู้เข้าอบรมตามรายชื่อ|จึงเรียน|ข้าพเจ้าขอรับรอง)"
)


def check_furniture(page: Page, positions: set[str]) -> list[str]:
    lines = [line.strip() for line in page.text.splitlines() if line.strip()]
    problems = []
    if any(line.startswith("ลงชื่อ") for line in lines):
        rest = [
            line
            for line in lines
            if not SIGNATURE_LINE.match(line) and not any(line.startswith(p) for p in positions)
        ]
        if not rest:
            problems.append(f"page {page.number}: only a signature block")
    words = page.text.split()
    for i, word in enumerate(words):
        if word in ("รวม", "รวมอำเภอ") and i and words[i - 1] == "ร้อยละ":
            problems.append(f"page {page.number}: a total row alone under the heading")
    return problems


def test_pages_inside_the_margins_rules_clear_and_nothing_alone(
    district: Register, province: Register, annuals: list[AnnualMade]
) -> None:
    from otop_desktop.services.office import get_office

    with district.read() as session:
        office = get_office(session)
        positions = {office.officer_position or office.name, office.name}
    with province.read() as session:
        office = get_office(session)
        positions |= {office.officer_position or office.name, office.name}
    numbers = first_numbers(district, 3)
    documents = [
        (district, DocumentKind.FORM, PrintOptions(registrations=numbers), None),
        (district, DocumentKind.FORM, PrintOptions(blank=True), None),
        (district, DocumentKind.REGISTER, PrintOptions(thai_digits=True), [0, 1, -2, -1]),
        (district, DocumentKind.MONTHLY, PrintOptions(period=UNTIL), None),
        (province, DocumentKind.MONTHLY, PrintOptions(period=UNTIL), [0, 1, 2, -2, -1]),
    ]
    problems: list[str] = []
    for register, kind, options, wanted in documents:
        printed = render(register, kind, options)
        for page in pages(printed.data, wanted):
            found = check_margins(page) + check_rules(page) + check_table_feet(page)
            found += check_furniture(page, positions)
            problems += [f"{kind.value}: {problem}" for problem in found]
    for register in (district, province):
        made = [
            (office_kind, render_office(register, office_kind, office_options))
            for office_kind, office_options in office_documents(register)
        ]
        for office_kind, printed in made:
            wanted = [0, 1, -2, -1] if printed.pages > 4 else None
            for page in pages(printed.data, wanted):
                found = check_margins(page) + check_rules(page) + check_table_feet(page)
                found += check_furniture(page, positions)
                problems += [f"{office_kind.value}: {problem}" for problem in found]
    # Every page of the annual reports: each holds other tables and charts.
    for report in annuals:
        for page in pages(report.printed.data):
            found = check_margins(page) + check_rules(page) + check_table_feet(page)
            found += check_furniture(page, positions)
            problems += [f"annual: {problem}" for problem in found]
    assert problems == [], "\n".join(problems)


def test_the_pixel_checks_are_not_blind() -> None:
    """A tone mark pushed onto a rule, text left of the margin, a page holding only a
    signature and a table left open at its foot are each reported; a bar standing on a
    chart's axis is not."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setLineWidth(0.5)
    # A table's cell: its rules and its sides.
    canvas.line(LEFT, 600, LEFT + 10 * cm, 600)
    canvas.line(LEFT, 560, LEFT + 10 * cm, 560)
    canvas.line(LEFT, 600, LEFT, 560)
    canvas.line(LEFT + 10 * cm, 600, LEFT + 10 * cm, 560)
    # ที่ with its baseline 14 pt under the rule: its tone mark (1.2 em) crosses it.
    typeset.draw_text(canvas, LEFT + 20, 600 - 14, "ที่กิ่ง", size=14)
    canvas.showPage()
    typeset.draw_text(canvas, LEFT - 20, 400, "ลงชื่อ ........ ผู้รายงาน", size=16)
    canvas.showPage()
    # A table whose foot is open: a top rule, its sides, no rule under them.
    canvas.setLineWidth(0.5)
    canvas.line(LEFT, 600, LEFT + 10 * cm, 600)
    canvas.line(LEFT, 600, LEFT, 500)
    canvas.line(LEFT + 10 * cm, 600, LEFT + 10 * cm, 500)
    canvas.showPage()
    # A chart's axis, with a short bar on it: no table's rule, and not reported.
    canvas.line(LEFT, 300, LEFT + 10 * cm, 300)
    canvas.rect(LEFT + 2 * cm, 300, 0.5 * cm, 0.3 * cm, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    first, second, third, fourth = pages(buffer.getvalue())
    assert check_rules(fourth) == []
    assert check_table_feet(first) == []
    assert len(check_table_feet(third)) == 2
    assert check_rules(first)
    assert check_furniture(first, set()) == []
    assert any("starts at" in problem for problem in check_margins(second))
    assert check_furniture(second, set()) == ["page 2: only a signature block"]
