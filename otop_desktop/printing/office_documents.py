"""The documents offices used to make by hand — the training sign-in sheet, the OFOS household
survey form, the covering memo of the month's submission, the list of product standards about
to expire — and the annual OTOP report, made as the print page and the ``print`` command ask:

    printed = render_office(register, OfficeDocument.MEMO, OfficeOptions(period=p, number="…"))
    save_pdf(register, printed, path)  # documents.save_pdf: never over a register or backup

Each is one PDF (a batch of survey forms too); missing data is a UserError naming it, and
nothing is written. The annual report comes from otop_desktop.printing.annual, as a PDF or a
workbook (:func:`write_annual_report`)."""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import PageBreak
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.outputs import check_target
from otop_desktop.printing import memo, signin, standards, survey
from otop_desktop.printing.documents import Printed, ProgressCallback, save_pdf
from otop_desktop.printing.layout import LANDSCAPE, LIST_MARGINS, Document, Start
from otop_desktop.printing.typeset import TextOptions
from otop_desktop.services.office import get_office
from otop_desktop.thaiformat import Period, thai_today

__all__ = [
    "OfficeDocument",
    "OfficeOptions",
    "render_office",
    "write_annual_report",
]


class OfficeDocument(StrEnum):
    SIGNIN = "signin"
    SURVEY = "survey"
    MEMO = "memo"
    STANDARDS = "standards"
    ANNUAL = "annual"

    @property
    def label_th(self) -> str:
        return _LABEL_TH[self]

    @property
    def label_en(self) -> str:
        return _LABEL_EN[self]

    @property
    def per_record(self) -> bool:
        """Never one document per chosen registration (the print page asks every kind)."""
        return False


_LABEL_TH = {
    OfficeDocument.SIGNIN: "ใบลงทะเบียนผู้เข้าร่วมอบรม",
    OfficeDocument.SURVEY: "แบบสำรวจครัวเรือน 1 ครอบครัว 1 Soft Power",
    OfficeDocument.MEMO: "บันทึกข้อความนำส่งข้อมูลประจำเดือน",
    OfficeDocument.STANDARDS: "มาตรฐานผลิตภัณฑ์ที่จะหมดอายุ",
    OfficeDocument.ANNUAL: "รายงานประจำปี OTOP",
}
_LABEL_EN = {
    OfficeDocument.SIGNIN: "Training sign-in sheet",
    OfficeDocument.SURVEY: "OFOS household survey form",
    OfficeDocument.MEMO: "Covering memo of the month's submission",
    OfficeDocument.STANDARDS: "Product standards expiring",
    OfficeDocument.ANNUAL: "Annual OTOP report",
}


@dataclass(frozen=True)
class OfficeOptions:
    """What to print. Which fields apply depends on the kind:

    - signin: ``training_id`` (the id the trainings list shows).
    - survey: ``households`` (codes; none: every household) or ``blank``.
    - memo: ``period`` (a month that has ended), ``number`` (the outgoing number the clerk
      gives; empty leaves a line to write it), ``dated`` (default today).
    - standards: ``months`` ahead (1–24), ``district_code``.
    - annual: ``year`` (B.E.), ``calendar`` (else the fiscal year named by ``year``).
    - all: ``thai_digits``.
    """

    training_id: int | None = None
    households: tuple[str, ...] = ()
    blank: bool = False
    period: Period | None = None
    number: str = ""
    dated: date | None = None
    months: int = 6
    district_code: str | None = None
    year: int | None = None
    calendar: bool = False
    thai_digits: bool = False


def render_office(
    register: Register,
    kind: OfficeDocument,
    options: OfficeOptions,
    *,
    out: Path | str | BinaryIO | None = None,
    force: bool = False,
    progress: ProgressCallback | None = None,
) -> Printed:
    """Makes the PDF; with ``out`` also writes it there (a path: as documents.save_pdf,
    ``force`` to replace an existing file; the path is checked before the work starts)."""
    if isinstance(out, str | Path):
        check_target(out, register_db=register.path, force=force)
    if kind is OfficeDocument.ANNUAL:
        printed = _annual_pdf(register, options)
    else:
        text = TextOptions(thai_digits=options.thai_digits)
        buffer = io.BytesIO()
        with register.read() as session:
            documents, pages = _MAKERS[kind](session, options, text, buffer, progress)
        printed = Printed(buffer.getvalue(), documents, pages)
    if progress is not None:
        progress(1, 1)
    if isinstance(out, str | Path):
        save_pdf(register, printed, out, force=force)
    elif out is not None:
        out.write(printed.data)
    return printed


# --- each kind ------------------------------------------------------------------------------

Made = tuple[int, int]  # documents, pages


def _signin(
    session: Session,
    options: OfficeOptions,
    text: TextOptions,
    buffer: BinaryIO,
    progress: ProgressCallback | None,
) -> Made:
    if options.training_id is None:
        raise UserError(
            "ระบุการอบรมที่จะพิมพ์ใบลงทะเบียน (รหัสตามรายการการอบรม)",
            "Give the training whose sign-in sheet to print (its id in the trainings list)",
        )
    sheet = signin.load(session, options.training_id)
    office = get_office(session)
    doc = Document(buffer, options=text, title=signin.TITLE)
    doc.section.label = office.name
    doc.build(signin.sign_in_sheet(sheet, office, doc.width, text))
    return 1, doc.page


def _survey(
    session: Session,
    options: OfficeOptions,
    text: TextOptions,
    buffer: BinaryIO,
    progress: ProgressCallback | None,
) -> Made:
    office = get_office(session)
    if options.blank and options.households:
        raise UserError("แบบว่างไม่ต้องระบุรหัสครัวเรือน", "A blank form takes no household codes")
    households = [None] if options.blank else survey.load(session, options.households)
    doc = Document(buffer, options=text, title=survey.TITLE)
    story: list[object] = []
    total = len(households)
    for done, household in enumerate(households):
        if story:
            story.append(PageBreak())
        label = f"แบบสำรวจครัวเรือน {household.code}" if household else office.name
        story.append(Start(label, done, total, progress))
        story += survey.survey_form(household, office, doc.width, text)
    doc.build(story)
    return total, doc.page


def _memo(
    session: Session,
    options: OfficeOptions,
    text: TextOptions,
    buffer: BinaryIO,
    progress: ProgressCallback | None,
) -> Made:
    if options.period is None:
        raise UserError(
            "ระบุเดือนที่ส่งข้อมูล เช่น 2569-10", "Give the month of the submission, e.g. 2569-10"
        )
    office = get_office(session)
    today = thai_today()
    figures = memo.load(session, office, options.period, options.dated or today)
    number = memo.check_number(options.number)
    doc = Document(buffer, options=text, title=memo.TITLE)
    doc.build(memo.memo(figures, office, number, options.dated or today, doc.width, text))
    return 1, doc.page


def _standards(
    session: Session,
    options: OfficeOptions,
    text: TextOptions,
    buffer: BinaryIO,
    progress: ProgressCallback | None,
) -> Made:
    office = get_office(session)
    today = options.dated or thai_today()
    rows = standards.load(session, today, options.months, options.district_code)
    doc = Document(
        buffer,
        page_size=LANDSCAPE,
        margins=LIST_MARGINS,
        options=text,
        title=standards.TITLE,
    )
    doc.section.label = office.name
    doc.build(standards.standards_list(rows, today, options.months, office, doc.width, text))
    return 1, doc.page


_MAKERS = {
    OfficeDocument.SIGNIN: _signin,
    OfficeDocument.SURVEY: _survey,
    OfficeDocument.MEMO: _memo,
    OfficeDocument.STANDARDS: _standards,
}


# --- the annual report ----------------------------------------------------------------------


def _year(options: OfficeOptions) -> int:
    if options.year is None:
        raise UserError("ระบุปี พ.ศ. ของรายงาน เช่น 2565", "Give the report's B.E. year, e.g. 2565")
    return options.year


def write_annual_report(register: Register, options: OfficeOptions, out: Path) -> Path:
    """The annual report as ``out``'s suffix says (.pdf or .xlsx), by
    otop_desktop.printing.annual, which refuses other suffixes."""
    from otop_desktop.printing.annual import write_annual

    return write_annual(register, _year(options), calendar=options.calendar, out=Path(out))


def _annual_pdf(register: Register, options: OfficeOptions) -> Printed:
    """The report's PDF in memory, for the preview (written to a private folder first:
    write_annual writes files)."""
    import pypdfium2  # type: ignore[import-untyped]  # ships no type information

    with tempfile.TemporaryDirectory(prefix="otop-annual-") as folder:
        path = write_annual_report(register, options, Path(folder) / "annual.pdf")
        data = path.read_bytes()
    pdf = pypdfium2.PdfDocument(data)
    try:
        pages = len(pdf)
    finally:
        pdf.close()
    return Printed(data, 1, pages)
