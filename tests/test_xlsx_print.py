"""Every workbook the program writes prints well from Excel or LibreOffice: each sheet A4
landscape, fitted to one page across, its heading row repeated on every page, and every cell
style naming TH SarabunPSK 14 pt (a bold style without a font fell back to a serif in
LibreOffice). Where LibreOffice is installed, the monthly workbook is printed to a PDF and
the metadata and summary sheets are checked to stay one page wide."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from sqlalchemy.orm import Session

from otop_desktop.audit.query import AuditFilter
from otop_desktop.audit.workbook import write_trail
from otop_desktop.database import Register
from otop_desktop.demo.generator import generate
from otop_desktop.list_workbook import ShownList, save_list
from otop_desktop.services.listing import (
    EntrepreneurFilter,
    EntrepreneurRow,
    entrepreneur_ids,
    entrepreneur_rows,
)
from otop_desktop.submission import spec
from otop_desktop.submission.export import export_monthly
from otop_desktop.thaiformat import Period
from otop_desktop.xlsx_print import FONT_NAME, FONT_SIZE

OCTOBER = Period(2569, 10)


@pytest.fixture
def district(register: Register) -> Register:
    generate(register, "district", seed=1, until=Period(2569, 11))
    return register


def check_printing(wb: Workbook, headed: Sequence[str]) -> None:
    """Every sheet set up to print; the sheets in ``headed`` repeat their first row."""
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert (setup.orientation, setup.paperSize) == ("landscape", 9), ws.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert "&P" in ws.oddFooter.center.text
        titles = ws.print_title_rows
        assert titles == ("$1:$1" if ws.title in headed else None), ws.title
    fonts = wb._fonts
    assert fonts and all((f.name, f.sz) == (FONT_NAME, FONT_SIZE) for f in fonts), fonts
    assert any(f.b for f in fonts), "the headings are bold"
    for ws in wb.worksheets:
        for row in ws.iter_rows(max_row=60):
            for c in row:
                assert (c.font.name, c.font.sz) == (FONT_NAME, FONT_SIZE), (ws.title, c.coordinate)


def test_the_monthly_workbook_prints_landscape_fitted_with_its_headings(
    district: Register, tmp_path: Path
) -> None:
    (result,) = export_monthly(district, OCTOBER, tmp_path)
    wb = load_workbook(result.path)
    try:
        assert wb.sheetnames == list(spec.SHEET_NAMES)
        check_printing(wb, [sheet.name for sheet in spec.DATA_SHEETS])
    finally:
        wb.close()


def test_a_saved_list_and_the_audit_trail_print_the_same_way(
    district: Register, tmp_path: Path
) -> None:
    def ids_of(session: Session) -> list[int]:
        return entrepreneur_ids(session, EntrepreneurFilter(), order="name", limit=None)

    def cells(row: EntrepreneurRow) -> Sequence[str]:
        return [row.reg_no, row.name]

    table = ShownList(
        title="ผู้ประกอบการ",
        headers=["เลขทะเบียน", "ชื่อ"],
        cells=cells,
        ids_of=ids_of,
        rows_of=entrepreneur_rows,
        about=["ทั้งหมด"],
        about_title="รายละเอียด",
    )
    saved = save_list(district, tmp_path / "list.xlsx", table)
    wb = load_workbook(saved.path)
    try:
        check_printing(wb, ["ผู้ประกอบการ"])
    finally:
        wb.close()
    trail = write_trail(district, AuditFilter(), tmp_path / "trail.xlsx")
    wb = load_workbook(trail.path)
    try:
        check_printing(wb, ["บันทึกการใช้งาน"])
    finally:
        wb.close()


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_metadata_and_summary_one_page_wide(
    district: Register, tmp_path: Path
) -> None:
    (result,) = export_monthly(district, OCTOBER, tmp_path / "sent")
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(result.path),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = pdfium.PdfDocument(tmp_path / result.path.with_suffix(".pdf").name)
    try:
        width, height = pdf[0].get_size()
        assert width > height, "landscape"
        meta = pdf[0].get_textpage().get_text_range()
        summary = pdf[1].get_textpage().get_text_range()
    finally:
        pdf.close()
    # The first and last columns of each sheet on one page: nothing spilled across.
    assert "format_version" in meta and result.sha256 in meta
    assert "ประเภทผลิตภัณฑ์" in summary and "ยอดจำหน่ายออนไลน์ (บาท)" in summary
    assert "รหัสตำบล" in summary
