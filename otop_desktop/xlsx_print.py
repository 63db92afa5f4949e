"""How every workbook the program writes prints from Excel or LibreOffice: A4 landscape,
fitted to the page's width (as many pages down as it takes), the heading rows repeated on
every page, page numbers in the footer, and one named font — TH SarabunPSK 14 pt, the font
Thai government PCs have — on every cell style.

A style that names neither font nor size (openpyxl's ``Font(bold=True)``) falls back in
LibreOffice to a serif font, so bold cells use :data:`BOLD_FONT`, never a bare ``Font``.

    wb = print_workbook(write_only=True)
    ws = wb.create_sheet("สรุป")
    set_up_printing(ws, heading_rows=1)  # write-only: before the first row
"""

from __future__ import annotations

from typing import TypeAlias

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "TH SarabunPSK"
FONT_SIZE = 14
BODY_FONT = Font(name=FONT_NAME, sz=FONT_SIZE)
BOLD_FONT = Font(name=FONT_NAME, sz=FONT_SIZE, bold=True)
#: Excel's page-numbering codes: "page 2 / 5", centred in the footer.
PAGE_FOOTER = "&P / &N"
# Narrower than Excel's default (0.7 in left and right) so that a list keeps its size when
# fitted to the width; inches, as the format has them.
SIDE_MARGIN = 0.5
TOP_MARGIN = 0.6
BOTTOM_MARGIN = 0.7

AnySheet: TypeAlias = Worksheet | WriteOnlyWorksheet


def print_workbook(*, write_only: bool = False) -> Workbook:
    """A new workbook whose default font (the ``Normal`` style, and every cell without a font
    of its own) is TH SarabunPSK 14 pt."""
    wb = Workbook(write_only=write_only)
    # Font 0 is the one every unstyled cell and the Normal named style point at; a new
    # workbook holds only openpyxl's Calibri 11 there, so it is replaced rather than added.
    fonts = wb._fonts
    del fonts[:]
    fonts._dict = {}
    fonts.add(BODY_FONT)
    wb._named_styles["Normal"].font = BODY_FONT
    return wb


def set_up_printing(ws: AnySheet, *, heading_rows: int = 1, landscape: bool = True) -> None:
    """A4, landscape unless told otherwise, fitted to one page across, rows 1 to
    ``heading_rows`` repeated at the top of every page (none with 0), page numbers below.
    On a write-only sheet, call it before the first row: the fit-to-page flag is written
    with the sheet's properties, ahead of the rows."""
    setup = ws.page_setup
    setup.paperSize = Worksheet.PAPERSIZE_A4
    setup.orientation = Worksheet.ORIENTATION_LANDSCAPE if landscape else "portrait"
    setup.fitToWidth = 1
    # 0: as many pages down as the rows need.
    setup.fitToHeight = 0
    properties = ws.sheet_properties
    if properties.pageSetUpPr is None:
        properties.pageSetUpPr = PageSetupProperties()
    properties.pageSetUpPr.fitToPage = True
    margins = ws.page_margins
    margins.left = margins.right = SIDE_MARGIN
    margins.top, margins.bottom = TOP_MARGIN, BOTTOM_MARGIN
    repeat_heading(ws, heading_rows)
    ws.oddFooter.center.text = PAGE_FOOTER
    ws.oddFooter.center.font = FONT_NAME
    ws.oddFooter.center.size = FONT_SIZE


def repeat_heading(ws: AnySheet, rows: int) -> None:
    """Rows 1 to ``rows`` printed again at the top of every page (0: none). It goes with the
    workbook's names, written when the workbook is saved: any time before that will do."""
    ws.print_title_rows = f"1:{rows}" if rows else None
