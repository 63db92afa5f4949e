"""What the print page and the ``print`` command call: the kinds of document, their options,
and :func:`render`, which makes one PDF (a batch of certificates or forms is one PDF) into
bytes, a file or a stream, reporting progress as it goes.

    options = PrintOptions(registrations=("5013-2567-0042",), thai_digits=True)
    printed = render(register, DocumentKind.CERTIFICATE, options, progress=progress)
    save_pdf(register, printed, path)  # or render(..., out=path_or_stream); .data to show

A file is written only through otop_desktop.outputs: never over the register, a backup or
another database, over an existing file only with ``force``, and whole or not at all; a
print with personal data is recorded in the transaction that places its file.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

import geothai
from reportlab.platypus import PageBreak
from sqlalchemy.orm import Session

from otop_desktop.accounts.roles import require
from otop_desktop.accounts.signing import SigningLocked
from otop_desktop.database import Register
from otop_desktop.domain import Status
from otop_desktop.errors import NotFoundError, UserError
from otop_desktop.models import ExportRecord
from otop_desktop.models.accounts import CLERK, HEAD
from otop_desktop.outputs import PendingOutputs, check_target
from otop_desktop.printing import certificate, monthly_report, register_list, registration_form
from otop_desktop.printing.layout import LANDSCAPE, LIST_MARGINS, Document, Start
from otop_desktop.printing.print_data import (
    chosen_ids,
    chunks,
    load_entrepreneurs,
    monthly_sales,
    register_rows,
    signing_office,
)
from otop_desktop.printing.typeset import TextOptions
from otop_desktop.services.office import get_office
from otop_desktop.thaiformat import Period

#: (documents, pages, registration numbers left out, certificates of inactive businesses)
Batch = tuple[int, int, tuple[str, ...], tuple[tuple[str, Status], ...]]
#: ``(done, total)``; may raise (e.g. ui.jobs.Cancelled) to stop the work, writing nothing.
ProgressCallback = Callable[[int, int], None]


class DocumentKind(StrEnum):
    CERTIFICATE = "certificate"
    FORM = "form"
    REGISTER = "register"
    MONTHLY = "monthly"

    @property
    def label_th(self) -> str:
        return _KIND_TH[self]

    @property
    def label_en(self) -> str:
        return _KIND_EN[self]

    @property
    def per_record(self) -> bool:
        """One document per chosen record (``registrations``), all in one PDF."""
        return self in (DocumentKind.CERTIFICATE, DocumentKind.FORM)


_KIND_TH = {
    DocumentKind.CERTIFICATE: "หนังสือรับรองการลงทะเบียน",
    DocumentKind.FORM: "แบบลงทะเบียนผู้ผลิต ผู้ประกอบการ OTOP",
    DocumentKind.REGISTER: "ทะเบียนรายชื่อผู้ผลิต ผู้ประกอบการ รายตำบล",
    DocumentKind.MONTHLY: "รายงานยอดจำหน่ายประจำเดือน",
}
_KIND_EN = {
    DocumentKind.CERTIFICATE: "Registration certificate",
    DocumentKind.FORM: "Registration form",
    DocumentKind.REGISTER: "Register list by subdistrict",
    DocumentKind.MONTHLY: "Monthly sales report",
}


@dataclass(frozen=True)
class PrintOptions:
    """What to print. Which fields apply depends on the kind:

    - certificate, form: ``registrations`` (none: every active record, of ``district_code``
      if given); form: ``blank`` for the empty form to fill by hand; certificate:
      ``issued_on`` (default today).
    - register: ``district_code``, ``show_personal`` (full citizen IDs and phones; the
      print is recorded).
    - monthly: ``period`` (required), ``district_code``.
    - all: ``thai_digits``; ``printed_by`` names the user in the record of the print.
    """

    registrations: tuple[str, ...] = ()
    district_code: str | None = None
    blank: bool = False
    period: Period | None = None
    thai_digits: bool = False
    show_personal: bool = False
    issued_on: date | None = None
    printed_by: str = ""


@dataclass(frozen=True)
class PersonalPrint:
    """What the record of a print with personal data says besides its file."""

    kind: DocumentKind
    district_code: str | None
    printed_by: str


@dataclass(frozen=True)
class Printed:
    """A rendered PDF."""

    data: bytes
    #: Certificates or forms in the batch; 1 for a list or a report.
    documents: int
    pages: int
    #: Registration numbers a whole-register batch left out, for want of products.
    skipped: tuple[str, ...] = ()
    #: Certificates printed, by number, for businesses suspended or closed.
    inactive: tuple[tuple[str, Status], ...] = ()
    #: Set when the PDF shows personal data: each copy of it is recorded (ExportRecord).
    personal: PersonalPrint | None = None
    #: Certificates made while signing was locked: a preview, never saved or printed.
    unsigned: bool = False

    def notes(self) -> list[tuple[str, str]]:
        """What the clerk should know of the batch, in Thai and English."""
        notes = []
        if self.skipped:
            shown = ", ".join(self.skipped)
            notes.append(
                (
                    f"ไม่ได้พิมพ์ {len(self.skipped):,} รายที่ยังไม่มีผลิตภัณฑ์: {shown}",
                    f"Left out {len(self.skipped):,} without products: {shown}",
                )
            )
        if self.inactive:
            count = len(self.inactive)
            th = ", ".join(f"{reg_no} ({status.label_th})" for reg_no, status in self.inactive)
            en = ", ".join(f"{reg_no} ({status.label_en})" for reg_no, status in self.inactive)
            notes.append(
                (
                    f"หนังสือรับรองของกิจการที่ไม่ได้ดำเนินการอยู่ {count:,} ราย: {th}",
                    f"Certificates printed for businesses no longer active ({count:,}): {en}",
                )
            )
        return notes


def save_pdf(
    register: Register, printed: Printed, path: Path | str, *, force: bool = False
) -> Path:
    """Writes ``printed`` to ``path`` whole (otop_desktop.outputs: never over the register,
    a backup or a database; over an existing file only with ``force``). A print with
    personal data is recorded in the transaction that places the file: a failure before
    the commit takes the file out again. The absolute path written."""
    if printed.unsigned:
        raise SigningLocked()
    with PendingOutputs(register_db=register.path, force=force) as files:
        target = files.check(path)
        files.write(target, printed.data)
        if printed.personal is None:
            files.place()
        else:
            with register.write() as session:
                _record(session, printed, str(target))
                session.flush()
                files.place()
    return target


def _record(session: Session, printed: Printed, file_name: str) -> None:
    assert printed.personal is not None
    session.add(
        ExportRecord(
            kind=f"print_{printed.personal.kind.value}",
            district_code=printed.personal.district_code,
            file_name=file_name[:500],
            sha256=hashlib.sha256(printed.data).hexdigest(),
            personal_data=True,
            created_by=printed.personal.printed_by,
        )
    )


def _check(session: Session, kind: DocumentKind, options: PrintOptions) -> None:
    if kind is DocumentKind.REGISTER and options.show_personal:
        require(session, HEAD, "พิมพ์รายชื่อที่มีข้อมูลส่วนบุคคลฉบับเต็ม", "print full personal data")
    if kind is DocumentKind.FORM and not options.blank:
        require(session, CLERK, "พิมพ์แบบลงทะเบียนที่มีข้อมูลส่วนบุคคล", "print filled forms")
    if kind is DocumentKind.MONTHLY and options.period is None:
        raise UserError(
            "กรุณาระบุเดือนของรายงาน เช่น 2568-10", "Give the month of the report, e.g. 2568-10"
        )
    if options.blank and kind is not DocumentKind.FORM:
        raise UserError(
            "แบบว่างมีเฉพาะแบบลงทะเบียน", "Only the registration form can be printed blank"
        )
    if options.blank and options.registrations:
        raise UserError("แบบว่างไม่ต้องระบุเลขทะเบียน", "A blank form takes no registration numbers")
    if options.registrations and not kind.per_record:
        raise UserError(
            f"{kind.label_th} ไม่ได้พิมพ์รายราย จึงไม่ต้องระบุเลขทะเบียน",
            f"The {kind.label_en.lower()} is not printed per record; give no registration numbers",
        )
    code = options.district_code
    if code:
        district = geothai.district(code)
        office = get_office(session)
        inside = district is not None and (
            office.province_code is None
            or (
                district.province_code == office.province_code
                and office.district_code in (None, code)
            )
        )
        if not inside:
            raise UserError(
                f"ไม่พบอำเภอรหัส {code} ในทะเบียนนี้", f"District {code} is not in this register"
            )


def render(
    register: Register,
    kind: DocumentKind,
    options: PrintOptions | None = None,
    *,
    out: Path | str | BinaryIO | None = None,
    force: bool = False,
    progress: ProgressCallback | None = None,
) -> Printed:
    """Makes the PDF; with ``out`` also writes it there (a path: as save_pdf, ``force`` to
    replace an existing file; the path is checked before the work starts). Missing data (an
    unknown number, a record without products, no signing officer, a month without sales)
    is a UserError and nothing is written. A print that shows personal data is recorded
    (ExportRecord): with a path, in the transaction that places the file; else as made."""
    options = options or PrintOptions()
    # Certificates are signed with the office's key; while a head has not unlocked it (a
    # register with accounts) they are previews, never saved or printed.
    key = register.signing_key() if kind is DocumentKind.CERTIFICATE else None
    if kind is DocumentKind.CERTIFICATE and key is None and out is not None:
        raise SigningLocked()
    if isinstance(out, str | Path):
        check_target(out, register_db=register.path, force=force)
    text = TextOptions(thai_digits=options.thai_digits)
    buffer = io.BytesIO()
    with register.read() as session:
        _check(session, kind, options)
        if kind is DocumentKind.CERTIFICATE:
            batch = _certificates(session, options, text, buffer, progress, key)
        elif kind is DocumentKind.FORM:
            batch = _forms(session, options, text, buffer, progress)
        elif kind is DocumentKind.REGISTER:
            batch = _register(session, options, text, buffer, progress)
        else:
            batch = _monthly(session, options, text, buffer, progress)
    personal = (kind is DocumentKind.REGISTER and options.show_personal) or (
        kind is DocumentKind.FORM and not options.blank
    )
    printed = Printed(
        buffer.getvalue(),
        *batch,
        personal=PersonalPrint(kind, options.district_code, options.printed_by)
        if personal
        else None,
        unsigned=kind is DocumentKind.CERTIFICATE and key is None,
    )
    if isinstance(out, str | Path):
        save_pdf(register, printed, out, force=force)
        return printed
    if out is not None:
        out.write(printed.data)
    if printed.personal is not None:
        with register.write() as session:
            _record(session, printed, "")
    return printed


def _batch(
    session: Session,
    options: PrintOptions,
    buffer: BinaryIO,
    progress: ProgressCallback | None,
    *,
    decorate: Callable[..., None] | None,
    full: bool,
    one: Callable[..., list[object]],
    label: Callable[[str], str],
    title: str,
    text: TextOptions,
    footer: bool,
    needs_products: bool,
    flag_inactive: bool = False,
) -> Batch:
    ids = chosen_ids(session, options.registrations, district_code=options.district_code)
    doc = Document(buffer, options=text, decorate=decorate, title=title, footer=footer)
    total = len(ids)
    story: list[object] = []
    skipped: list[str] = []
    inactive: list[tuple[str, Status]] = []
    done = 0
    for part in chunks(ids):
        for entrepreneur in load_entrepreneurs(session, part, full=full):
            done += 1
            # A whole-register batch leaves out what cannot be printed and says so; a
            # record asked for by its number is refused (``one`` raises).
            if needs_products and not options.registrations and not entrepreneur.products:
                skipped.append(entrepreneur.reg_no)
                continue
            if flag_inactive and entrepreneur.status != Status.ACTIVE:
                inactive.append((entrepreneur.reg_no, Status(entrepreneur.status)))
            if story:
                story.append(PageBreak())
            story.append(Start(label(entrepreneur.reg_no), done - 1, total, progress))
            story += one(entrepreneur, doc.width)
    if not story:
        raise NotFoundError(
            "ไม่มีผู้ประกอบการที่มีผลิตภัณฑ์ให้พิมพ์", "There are no records with products to print"
        )
    doc.build(story)
    if progress is not None:
        progress(total, total)
    return total - len(skipped), doc.page, tuple(skipped), tuple(inactive)


def _certificates(
    session: Session,
    options: PrintOptions,
    text: TextOptions,
    buffer: BinaryIO,
    progress: ProgressCallback | None,
    key: bytes | None,
) -> Batch:
    office = signing_office(session)
    issued_on = options.issued_on or date.today()
    return _batch(
        session,
        options,
        buffer,
        progress,
        decorate=certificate.decorate,
        full=False,
        one=lambda e, width: certificate.certificate(e, office, issued_on, width, text, key),
        label=lambda reg_no: "",
        title=DocumentKind.CERTIFICATE.label_th,
        text=text,
        footer=False,
        needs_products=True,
        flag_inactive=True,
    )


def _forms(
    session: Session,
    options: PrintOptions,
    text: TextOptions,
    buffer: BinaryIO,
    progress: ProgressCallback | None,
) -> Batch:
    office = get_office(session)
    if options.blank:
        doc = Document(buffer, options=text, title=DocumentKind.FORM.label_th)
        doc.build(registration_form.form(None, office, doc.width, text))
        if progress is not None:
            progress(1, 1)
        return 1, doc.page, (), ()
    return _batch(
        session,
        options,
        buffer,
        progress,
        decorate=None,
        full=True,
        one=lambda e, width: registration_form.form(e, office, width, text),
        label=lambda reg_no: f"เลขทะเบียน {reg_no}",
        title=DocumentKind.FORM.label_th,
        text=text,
        footer=True,
        needs_products=False,
    )


def _register(
    session: Session,
    options: PrintOptions,
    text: TextOptions,
    buffer: BinaryIO,
    progress: ProgressCallback | None,
) -> Batch:
    office = get_office(session)
    rows = register_rows(session, options.district_code)
    if progress is not None:
        progress(0, 1)
    doc = Document(
        buffer,
        page_size=LANDSCAPE,
        margins=LIST_MARGINS,
        options=text,
        title=DocumentKind.REGISTER.label_th,
    )
    doc.section.label = office.name
    doc.build(
        register_list.register_list(
            rows, office, options.district_code, options.show_personal, doc.width, text
        )
    )
    if progress is not None:
        progress(1, 1)
    return 1, doc.page, (), ()


def _monthly(
    session: Session,
    options: PrintOptions,
    text: TextOptions,
    buffer: BinaryIO,
    progress: ProgressCallback | None,
) -> Batch:
    assert options.period is not None
    office = get_office(session)
    sales = monthly_sales(session, options.period, options.district_code)
    if progress is not None:
        progress(0, 1)
    doc = Document(buffer, options=text, title=DocumentKind.MONTHLY.label_th)
    doc.section.label = office.name
    doc.build(monthly_report.monthly_report(sales, office, doc.width, text))
    if progress is not None:
        progress(1, 1)
    return 1, doc.page, (), ()
