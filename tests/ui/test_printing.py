"""The print page and the certificate check, driven through their widgets against a real
register: real PDFs made by the core, shown by QtPdf, printed on a PDF-file QPrinter."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from otop_desktop.accounts.service import add_account
from otop_desktop.database import Register
from otop_desktop.demo.generator import generate
from otop_desktop.domain import Status
from otop_desktop.models import ExportRecord, Household, Training
from otop_desktop.printing.documents import DocumentKind
from otop_desktop.printing.office_documents import OfficeDocument
from otop_desktop.printing.signature import Claim, qr_text
from otop_desktop.services.entrepreneurs import get_entrepreneur
from otop_desktop.services.office import get_office
from otop_desktop.services.sales import SaleInput, set_month_sales
from otop_desktop.thaiformat import Period, thai_today
from tests.conftest import add_record, set_officer
from tests.ui.conftest import take_suggestion
from ui.printing import VerifyDialog, verify_action
from ui.printing import print_page as print_page_module
from ui.printing.officer_dialog import OfficerDialog
from ui.printing.options_panel import Scope
from ui.printing.print_page import PrintPage

TypeText = Callable[[QLineEdit, str], None]
OCTOBER = Period(2568, 10)


@pytest.fixture
def records(district_register: Register) -> list[str]:
    """Two records with products and a signing officer set."""
    set_officer(district_register)
    return [
        add_record(district_register, "กลุ่มทอผ้าบ้านกิ่งแก้ว"),
        add_record(district_register, "ร้านญี่ปุ่นกตัญญู"),
    ]


@pytest.fixture
def page(qtbot: QtBot, district_register: Register) -> PrintPage:
    widget = PrintPage(district_register)
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.show()
    return widget


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of message boxes shown, instead of showing them."""
    shown: list[str] = []

    def warning(_parent: QWidget | None, _title: str, text: str) -> None:
        shown.append(text)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(sys, "excepthook", lambda *exc: pytest.fail(f"unexpected {exc!r}"))
    return shown


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def inked_share(path: Path, page: int = 0) -> float:
    """How much of a page of the PDF at ``path`` is not white, from 0 to 1."""
    pdf = pdfium.PdfDocument(path)
    try:
        image = pdf[page].render(scale=0.5).to_pil().convert("L")
    finally:
        pdf.close()
    histogram = image.histogram()
    return 1 - sum(histogram[200:]) / sum(histogram)


# --- preview ---------------------------------------------------------------------------------


def test_the_preview_says_what_the_batch_left_out(
    page: PrintPage, records: list[str], district_register: Register, warnings: list[str]
) -> None:
    empty = add_record(district_register, "ร้านยังไม่มีของ", products=False)
    assert page.preview_button.isEnabled()
    page.options_panel.all_radio.setChecked(True)
    assert page.show_preview()
    assert page.printed is not None and page.printed.documents == 2
    assert page.batch_note.isVisible()
    assert page.batch_note.text() == f"ไม่ได้พิมพ์ 1 รายที่ยังไม่มีผลิตภัณฑ์: {empty}"
    assert page.print_records([records[0]])
    assert not page.batch_note.isVisible()


def test_ctrl_p_on_a_record_previews_its_certificate(
    page: PrintPage, records: list[str], warnings: list[str]
) -> None:
    assert page.print_records([records[0]])
    assert warnings == []
    assert page.options_panel.kind() is DocumentKind.CERTIFICATE
    assert page.options_panel.picker.reg_nos() == (records[0],)
    assert page.printed is not None and page.printed.data.startswith(b"%PDF")
    assert page.preview.document.pageCount() >= 1
    assert page.preview.page_count_shown() == page.printed.pages
    assert page.options_panel.kind_combo.currentText() in page.caption.text()
    assert page.preview.is_showing()


def test_records_are_picked_by_typing_and_batch_into_one_pdf(
    qtbot: QtBot, page: PrintPage, records: list[str], type_text: TypeText
) -> None:
    search = page.options_panel.picker.search
    for name in ("บ้านกิ่ง", "กตัญญู"):
        type_text(search, name)
        search.search_now()
        take_suggestion(qtbot, search.suggestions.popup(), page, down=False)
    assert page.options_panel.picker.reg_nos() == tuple(records)
    assert "(2 ราย)" in page.options_panel.chosen_radio.text()

    assert page.show_preview()
    assert page.printed is not None and page.printed.documents == 2
    assert page.preview.document.pageCount() == page.printed.pages >= 2
    # Page navigation follows the buttons.
    page.preview.next_button.click()
    assert page.preview.current_page() == 1
    assert page.preview.page_spin.value() == 2
    page.preview.prev_button.click()
    assert page.preview.current_page() == 0

    page.options_panel.picker.chosen.setCurrentRow(0)
    page.options_panel.picker.remove_selected()
    assert page.options_panel.picker.reg_nos() == (records[1],)
    # The preview does not go on showing the two: it empties, saying why.
    assert not page.preview.is_showing()
    assert "กด ดูตัวอย่าง" in page.preview.hint.text()


def test_the_preview_follows_the_document_and_records_chosen(
    page: PrintPage, records: list[str], warnings: list[str]
) -> None:
    panel = page.options_panel
    assert page.print_records([records[0]])
    shown = page.printed
    assert page.preview.is_showing() and page.caption.text()
    panel.set_kind(DocumentKind.FORM)  # another document: emptied
    assert not page.preview.is_showing() and page.caption.text() == ""
    assert page.preview.hint.text() == page.changed_hint
    assert not page.preview.zoom_in_button.isEnabled()
    panel.set_kind(DocumentKind.CERTIFICATE)  # back to what was made: shown again
    assert page.preview.is_showing() and page.printed is shown
    panel.picker.add(panel.picker.choices())  # the same records: nothing changes
    assert page.preview.is_showing()
    panel.set_scope(Scope.ALL)  # other records
    assert not page.preview.is_showing()
    assert page.show_preview()
    assert page.preview.is_showing() and page.printed is not shown
    assert page.printed is not None and page.printed.documents == 2
    assert warnings == []


def test_a_certificate_without_an_officer_offers_to_set_one(
    qtbot: QtBot, page: PrintPage, district_register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg_no = add_record(district_register, "กลุ่มทอผ้าบ้านกิ่งแก้ว")
    seen: list[str] = []

    def answer(dialog: OfficerDialog, name: str, position: str) -> int:
        seen.append(dialog.windowTitle())
        assert not dialog.ok_button.isEnabled()
        dialog.officer_name.setText(name)
        dialog.officer_position.setText(position)
        if not name:
            dialog.reject()
            return QDialog.DialogCode.Rejected
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(OfficerDialog, "exec", lambda d: answer(d, "", ""))
    assert not page.print_records([reg_no])  # cancelled: nothing made, nothing said
    assert page.printed is None and seen == ["เจ้าหน้าที่ผู้ลงนาม"]
    monkeypatch.setattr(
        OfficerDialog, "exec", lambda d: answer(d, "นางสาวกิ่งแก้ว ปี่ทอง", "พัฒนาการอำเภอ")
    )
    assert page.print_records([reg_no])
    assert page.printed is not None and page.preview.is_showing()
    with district_register.read() as session:
        office = get_office(session)
        assert (office.officer_name, office.officer_position) == (
            "นางสาวกิ่งแก้ว ปี่ทอง",
            "พัฒนาการอำเภอ",
        )
    seen.clear()
    assert page.print_records([reg_no])  # set now: not asked again
    assert seen == []


def test_a_clerk_without_an_officer_set_is_told_to_ask_a_head(
    qtbot: QtBot,
    page: PrintPage,
    district_register: Register,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reg_no = add_record(district_register, "กลุ่มทอผ้าบ้านกิ่งแก้ว")
    with district_register.write() as session:
        add_account(session, "somchai", "head", "head-pass-1")
    district_register.login("somchai", "head-pass-1")
    with district_register.write() as session:
        add_account(session, "kaew", "clerk", "clerk-pass-1")
    district_register.login("kaew", "clerk-pass-1")
    monkeypatch.setattr(OfficerDialog, "exec", lambda _d: pytest.fail("a clerk cannot set it"))
    assert not page.print_records([reg_no])
    assert page.printed is None
    assert warnings == ["ยังไม่ได้ตั้งชื่อเจ้าหน้าที่ผู้ลงนามในหนังสือรับรอง ให้หัวหน้าสำนักงานตั้งที่หน้าตั้งค่าก่อน"]


def test_every_document_kind_previews(
    page: PrintPage, district_register: Register, records: list[str], warnings: list[str]
) -> None:
    with district_register.write() as session:
        reg = get_entrepreneur(session, 1)
        set_month_sales(session, reg.id, OCTOBER, whole=SaleInput("12500.50"))
    panel = page.options_panel

    panel.set_kind(DocumentKind.FORM)
    panel.set_scope(Scope.BLANK)
    assert page.show_preview()
    panel.set_scope(Scope.ALL)
    assert page.show_preview()
    assert page.printed is not None and page.printed.documents == 2

    panel.set_kind(DocumentKind.REGISTER)
    assert not panel.records_box.isVisible()
    panel.thai_digits_check.setChecked(True)
    assert page.show_preview()

    panel.set_kind(DocumentKind.MONTHLY)
    assert panel.month_row.isVisible()
    panel.set_period(OCTOBER)
    assert page.show_preview()
    assert warnings == []


def test_a_print_with_personal_data_is_recorded(
    page: PrintPage, district_register: Register, records: list[str], warnings: list[str]
) -> None:
    panel = page.options_panel
    panel.set_kind(DocumentKind.REGISTER)
    assert panel.personal_check.isVisible() and not panel.personal_note.isHidden()
    assert "บันทึก" in panel.personal_note.text()
    panel.personal_check.setChecked(True)
    assert page.show_preview()
    with district_register.read() as session:
        [record] = session.scalars(select(ExportRecord)).all()
        assert record.kind == "print_register" and record.personal_data


def test_zoom_and_fit(page: PrintPage, records: list[str]) -> None:
    preview = page.preview
    assert not preview.zoom_in_button.isEnabled()  # nothing shown yet
    assert page.print_records(records[:1])
    # It opens with the whole page in view.
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert preview.fit_page_button.isChecked() and not preview.fit_width_button.isChecked()
    preview.fit_width_button.click()
    assert preview.fit_width_button.isChecked()
    preview.zoom_in_button.click()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert not preview.fit_width_button.isChecked()
    zoomed = preview.view.zoomFactor()
    preview.zoom_out_button.click()
    assert preview.view.zoomFactor() < zoomed
    preview.fit_page_button.click()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert preview.fit_page_button.isChecked() and not preview.fit_width_button.isChecked()


# --- printing and saving -------------------------------------------------------------------


def test_prints_every_page_on_a_pdf_file_printer(
    page: PrintPage, records: list[str], tmp_path: Path, warnings: list[str]
) -> None:
    assert page.print_records(records)
    assert page.printed is not None
    out = tmp_path / "printed.pdf"
    assert page.print_to(pdf_printer(out))
    pdf = pdfium.PdfDocument(out)
    try:
        assert len(pdf) == page.printed.pages
        width, height = pdf[0].get_size()
    finally:
        pdf.close()
    # A4 portrait, printed at its actual size, and the page carries the certificate's ink.
    assert (round(width), round(height)) == (595, 842)
    assert inked_share(out) > 0.005
    assert warnings == []


def test_the_register_list_prints_in_landscape(
    page: PrintPage, records: list[str], tmp_path: Path
) -> None:
    page.options_panel.set_kind(DocumentKind.REGISTER)
    out = tmp_path / "list.pdf"
    assert page.print_to(pdf_printer(out))
    pdf = pdfium.PdfDocument(out)
    try:
        width, height = pdf[0].get_size()
    finally:
        pdf.close()
    assert width > height


def test_print_dialog_then_prints_the_pages_asked_for(
    page: PrintPage, records: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "page-two.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 2)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(print_page_module.QPrintDialog, "exec", accept)
    assert page.print_records(records)
    assert page.print_document()
    pdf = pdfium.PdfDocument(out)
    try:
        assert len(pdf) == 1
    finally:
        pdf.close()


def test_print_dialog_cancelled_prints_nothing(
    page: PrintPage, records: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        print_page_module.QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected.value
    )
    assert page.print_records(records[:1])
    assert not page.print_document()


def test_saves_the_pdf_under_a_sensible_name(
    page: PrintPage, records: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def ask(_parent: QWidget, _title: str, default: str, _filter: str) -> str:
        offered.append(default)
        return str(tmp_path / "saved" / "cert")

    monkeypatch.setattr(print_page_module, "save_file_name", ask)
    assert page.print_records([records[0]])
    saved = page.save_pdf()
    assert saved == tmp_path / "saved" / "cert.pdf"
    assert saved.read_bytes() == page.printed.data
    assert Path(offered[0]).name == f"certificate-{records[0]}.pdf"
    assert str(saved) in page.caption.text()


def test_saving_asks_before_replacing_and_never_writes_over_the_register(
    page: PrintPage,
    district_register: Register,
    records: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    answers: list[str] = []
    asked: list[str] = []

    def ask(_parent: QWidget, _title: str, _default: str, _filter: str) -> str:
        return answers.pop(0)

    def confirm(_parent: QWidget, text: str, go: str, back: str) -> bool:
        asked.append(f"{text} [{go}/{back}]")
        return agree

    monkeypatch.setattr(print_page_module, "save_file_name", ask)
    monkeypatch.setattr(print_page_module, "confirm", confirm)
    old = tmp_path / "cert.pdf"
    old.write_bytes(b"last week's")
    assert page.print_records([records[0]])
    assert page.printed is not None

    # Picked in the save dialog: the dialog asked already.
    answers.append(str(old))
    assert page.save_pdf() == old and asked == []
    assert old.read_bytes() == page.printed.data

    # Typed without ".pdf": the file it names is asked about here.
    old.write_bytes(b"last week's")
    agree = False
    answers.append(str(tmp_path / "cert"))
    assert page.save_pdf() is None
    assert asked == [f"มีไฟล์ {old} อยู่แล้ว ต้องการแทนที่หรือไม่ [แทนที่/เก็บไฟล์เดิมไว้]"]
    assert old.read_bytes() == b"last week's"
    agree = True
    answers.append(str(tmp_path / "cert"))
    assert page.save_pdf() == old and old.read_bytes() == page.printed.data

    # The register's file is refused, whatever was answered: here a link to it named like a
    # PDF. (A server's register has no file here.)
    if district_register.path is None:
        return
    db = district_register.path
    before = db.read_bytes()
    link = tmp_path / "register.pdf"
    link.symlink_to(db)
    answers.append(str(link))
    assert page.save_pdf() is None
    assert warnings == [f"ไม่เขียนทับ {link}: เป็นไฟล์ของทะเบียนที่เปิดอยู่"]
    assert db.read_bytes() == before and link.is_symlink()


def test_saving_a_print_with_personal_data_records_the_file(
    page: PrintPage,
    district_register: Register,
    records: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "forms.pdf"
    monkeypatch.setattr(print_page_module, "save_file_name", lambda *_args: str(out))
    assert page.print_records(records, DocumentKind.FORM)
    assert page.save_pdf() == out
    with district_register.read() as session:
        shown, saved = session.scalars(select(ExportRecord).order_by(ExportRecord.id)).all()
    # The preview (which may go to a printer) and the saved file are each recorded.
    assert (shown.kind, shown.file_name) == ("print_form", "")
    assert (saved.kind, saved.file_name, saved.personal_data) == ("print_form", str(out), True)


def test_print_and_save_make_the_document_first_when_none_is_shown(
    page: PrintPage, records: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def ask(_parent: QWidget, _title: str, default: str, _filter: str) -> str:
        offered.append(default)
        return ""

    monkeypatch.setattr(print_page_module, "save_file_name", ask)
    page.options_panel.set_kind(DocumentKind.FORM)
    page.options_panel.set_scope(Scope.BLANK)
    assert page.save_pdf() is None  # the clerk cancelled the file dialog
    assert page.printed is not None and page.preview.document.pageCount() >= 1
    assert Path(offered[0]).name == "registration-form-blank.pdf"


# --- what the clerk is told ----------------------------------------------------------------


def test_a_record_without_products_is_a_clear_message(
    page: PrintPage, district_register: Register, records: list[str], warnings: list[str]
) -> None:
    bare = add_record(district_register, "ร้านยังไม่มีสินค้า", products=False)
    assert not page.print_records([bare])
    [text] = warnings
    assert bare in text and "ยังไม่มีผลิตภัณฑ์" in text
    assert page.printed is None


def test_an_unknown_number_is_a_clear_message(
    page: PrintPage, records: list[str], warnings: list[str]
) -> None:
    assert not page.print_records(["5013-2567-9999"])
    assert warnings == ["ไม่พบเลขทะเบียน 5013-2567-9999"]


def test_a_month_without_sales_is_a_clear_message(
    page: PrintPage, records: list[str], warnings: list[str]
) -> None:
    page.options_panel.set_kind(DocumentKind.MONTHLY)
    page.options_panel.set_period(OCTOBER)
    assert not page.show_preview()
    [text] = warnings
    assert "ยังไม่มียอดจำหน่าย" in text


def test_nothing_chosen_is_a_clear_message(
    page: PrintPage, records: list[str], warnings: list[str]
) -> None:
    assert not page.show_preview()
    [text] = warnings
    assert "ยังไม่ได้เลือกผู้ประกอบการ" in text


def test_a_bad_issue_date_is_a_clear_message(
    page: PrintPage, records: list[str], warnings: list[str], type_text: TypeText
) -> None:
    page.options_panel.picker.add([])
    page.options_panel.set_scope(Scope.ALL)
    type_text(page.options_panel.issued_edit.line_edit, "31/02/2568")
    assert not page.show_preview()
    [text] = warnings
    assert text.startswith("วันที่ออกหนังสือรับรอง")


# --- the certificate check -----------------------------------------------------------------


def certificate_text(register: Register, reg_no: str, name: str) -> str:
    with register.read() as session:
        key = get_office(session).signing_private_key
    return qr_text(Claim(reg_no, name, date(2025, 11, 24)), key)


@pytest.fixture
def dialog(qtbot: QtBot, district_register: Register) -> VerifyDialog:
    widget = VerifyDialog(district_register)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_verify_a_genuine_certificate(
    qtbot: QtBot, dialog: VerifyDialog, district_register: Register, type_text: TypeText
) -> None:
    reg_no = add_record(district_register, "กลุ่มทอผ้าบ้านกิ่งแก้ว")
    type_text(dialog.text_edit, certificate_text(district_register, reg_no, "กลุ่มทอผ้าบ้านกิ่งแก้ว"))
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    assert "ลายมือชื่อถูกต้อง" in dialog.verdict.text()
    assert dialog.details.isVisible()
    assert dialog.reg_no.text() == reg_no
    assert dialog.issued.text() == "24 พฤศจิกายน 2568"
    assert dialog.signed_by.text() == "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง"
    assert "ยังดำเนินกิจการอยู่" in dialog.standing.text()


def test_verify_a_closed_business_says_so(
    dialog: VerifyDialog, district_register: Register, type_text: TypeText
) -> None:
    reg_no = add_record(district_register, "ร้านเก่า")
    with district_register.write() as session:
        get_entrepreneur(session, 1).status = Status.CLOSED.value
    type_text(dialog.text_edit, certificate_text(district_register, reg_no, "ร้านเก่า"))
    result = dialog.check()
    assert result is not None and result.valid and not result.active
    assert "ขณะนี้ไม่ได้ดำเนินกิจการ" in dialog.standing.text()


def test_verify_a_forged_certificate_fails(
    dialog: VerifyDialog, district_register: Register, type_text: TypeText
) -> None:
    reg_no = add_record(district_register, "ร้านผ้าฝ้าย")
    genuine = certificate_text(district_register, reg_no, "ร้านผ้าฝ้าย")
    type_text(dialog.text_edit, genuine.replace("ร้านผ้าฝ้าย", "ร้านผ้าไหม"))
    result = dialog.check()
    assert result is not None and not result.valid
    assert "ไม่ใช่ของจริง" in dialog.verdict.text()
    assert dialog.signed_by.text() == "ไม่มีสำนักงานที่รู้จัก"


def test_verify_text_that_is_no_certificate_code(dialog: VerifyDialog, type_text: TypeText) -> None:
    type_text(dialog.text_edit, "https://example.com/whatever")
    assert dialog.check() is None
    assert dialog.verdict.text() == "ข้อความนี้ไม่ใช่รหัสหนังสือรับรอง"
    assert "OTOP1|" in dialog.explanation.text()
    assert not dialog.details.isVisible()


def test_verify_action_opens_the_dialog(
    qtbot: QtBot, district_register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[VerifyDialog] = []
    monkeypatch.setattr(VerifyDialog, "exec", lambda d: opened.append(d) or 0)
    action = verify_action(district_register, parent)
    assert action.text() == "&ตรวจสอบหนังสือรับรอง…"
    action.trigger()
    assert len(opened) == 1


# --- the documents offices made by hand, and the annual report ------------------------------


@pytest.fixture
def demo_page(qtbot: QtBot, district_register: Register) -> PrintPage:
    """The print page of a district demo register (its trainings are listed when the page
    is made)."""
    generate(district_register, "district", seed=1, until=Period(2569, 11))
    widget = PrintPage(district_register)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def test_each_new_document_shows_its_own_choices_and_previews(
    demo_page: PrintPage, district_register: Register, type_text: TypeText, warnings: list[str]
) -> None:
    panel = demo_page.options_panel
    panel.set_kind(OfficeDocument.SIGNIN)
    assert panel.training_box.isVisible() and not panel.records_box.isVisible()
    with district_register.read() as session:
        latest = session.scalars(select(Training).order_by(Training.held_on.desc())).first()
        assert latest is not None
        latest_id = latest.id
    assert panel.training_combo.count() > 1
    assert panel.training_combo.currentText().startswith(f"{latest_id}: ")
    assert demo_page.show_preview()
    assert demo_page.printed is not None and demo_page.printed.pages >= 1
    assert "ใบลงทะเบียนผู้เข้าร่วมอบรม" in demo_page.caption.text()

    panel.set_kind(OfficeDocument.SURVEY)
    assert panel.household_box.isVisible() and panel.survey_blank_radio.isChecked()
    assert not panel.training_box.isVisible()
    assert demo_page.show_preview() and demo_page.printed.pages == 1
    with district_register.read() as session:
        code = session.scalar(select(Household.code).order_by(Household.code))
    type_text(panel.household_edit, str(code))
    assert panel.household_radio.isChecked()
    assert not demo_page.preview.is_showing()  # the choice changed
    assert demo_page.show_preview()

    panel.set_kind(OfficeDocument.MEMO)
    assert panel.month_row.isVisible() and panel.number_edit.isVisible()
    assert not panel.months_spin.isVisible()
    panel.set_period(Period(2569, 10))
    type_text(panel.number_edit, "ชม 0019.13/123")
    assert demo_page.show_preview() and demo_page.printed.pages == 1

    panel.set_kind(OfficeDocument.STANDARDS)
    assert panel.months_spin.isVisible() and not panel.month_row.isVisible()
    panel.months_spin.setValue(12)
    assert demo_page.show_preview()
    assert warnings == []


def test_the_annual_report_previews_and_saves_as_a_workbook(
    demo_page: PrintPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    panel = demo_page.options_panel
    panel.set_kind(OfficeDocument.ANNUAL)
    assert panel.report_year_spin.isVisible() and panel.calendar_check.isVisible()
    panel.report_year_spin.setValue(2568)
    panel.calendar_check.setChecked(True)
    assert demo_page.show_preview()
    assert demo_page.preview.page_count_shown() == demo_page.printed.pages
    offered: list[tuple[str, str]] = []

    def ask(_parent: QWidget, _title: str, default: str, filters: str) -> str:
        offered.append((default, filters))
        return str(tmp_path / "annual.xlsx")

    monkeypatch.setattr(print_page_module, "save_file_name", ask)
    saved = demo_page.save_pdf()
    assert saved == tmp_path / "annual.xlsx" and saved.read_bytes()[:2] == b"PK"
    assert Path(offered[0][0]).name == "annual-report-5013-2568-calendar.pdf"
    assert "*.xlsx" in offered[0][1]
    assert warnings == []


def test_the_new_documents_say_what_is_missing(
    page: PrintPage, demo_page: PrintPage, type_text: TypeText, warnings: list[str]
) -> None:
    # A register without trainings: the page made before the demo filled it.
    page.options_panel.set_kind(OfficeDocument.SIGNIN)
    assert not page.show_preview()
    panel = demo_page.options_panel
    panel.set_kind(OfficeDocument.SURVEY)
    panel.household_radio.setChecked(True)
    assert not demo_page.show_preview()
    type_text(panel.household_edit, "501399-01-0001")
    assert not demo_page.show_preview()
    panel.set_kind(OfficeDocument.MEMO)
    panel.set_period(Period.of(thai_today()))  # the running month
    assert not demo_page.show_preview()
    assert warnings[0].startswith("ทะเบียนนี้ยังไม่มีการอบรม")
    assert warnings[1].startswith("ยังไม่ได้ระบุรหัสครัวเรือน")
    assert "501399-01-0001" in warnings[2]
    assert "ยังไม่สิ้นเดือน" in warnings[3]
    assert len(warnings) == 4
