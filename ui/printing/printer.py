"""Printing a rendered PDF on the printer the clerk chose in the system's print dialog: each
page is drawn as an image at the printer's resolution (capped), at its actual size."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from otop_desktop.errors import UserError
from otop_desktop.printing.documents import ProgressCallback
from ui.jobs import Cancelled

# Enough for 16 pt text and the QR code. A 1200 dpi A4 page would be a 560 MB image.
MAX_DPI = 300
POINTS_PER_INCH = 72


def load_pdf(document: QPdfDocument, buffer: QBuffer, data: bytes) -> None:
    """Loads ``data`` into ``document`` through ``buffer``, which must live as long as the
    document shows it (QtPdf reads pages from it lazily)."""
    document.close()
    buffer.close()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        # The core made these bytes; a PDF QtPdf cannot read is a program fault.
        raise RuntimeError(f"QtPdf could not read the PDF: {document.error()}")


def pages_to_print(printer: QPrinter, page_count: int, current_page: int) -> list[int]:
    """The pages (from 0) the print dialog asked for, each repeated for the copies that the
    printer does not make itself."""
    chosen = printer.printRange()
    if chosen == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        last = printer.toPage() or page_count
        pages = list(range(printer.fromPage() - 1, min(last, page_count)))
    elif chosen == QPrinter.PrintRange.CurrentPage:
        pages = [current_page]
    else:
        pages = list(range(page_count))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _ in range(copies)]


def print_pdf(
    data: bytes,
    printer: QPrinter,
    pages: Sequence[int],
    progress: ProgressCallback | None = None,
) -> None:
    """Prints ``pages`` of the PDF ``data``. Safe to run off the GUI thread: QPainter may
    paint on a QPrinter in any thread, and the document here is this function's own."""
    document = QPdfDocument()
    buffer = QBuffer()
    load_pdf(document, buffer, data)
    first = document.pagePointSize(pages[0]) if pages else None
    if first is not None:
        landscape = first.width() > first.height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
    # The PDF has its own margins: print it as it is, not shrunk into the printable area.
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(
            "เริ่มพิมพ์ที่เครื่องพิมพ์ที่เลือกไม่ได้ กรุณาตรวจสอบเครื่องพิมพ์แล้วลองอีกครั้ง",
            "The chosen printer could not start printing; check it and try again",
        )
    try:
        for done, page in enumerate(pages):
            if progress is not None:
                progress(done, len(pages))
            if done:
                printer.newPage()
            _draw_page(painter, printer, document, page)
    except Cancelled:
        printer.abort()
        raise
    finally:
        painter.end()
        document.close()
    if progress is not None:
        progress(len(pages), len(pages))


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    points = document.pagePointSize(page)
    dpi = min(printer.resolution(), MAX_DPI)
    image = document.render(
        page,
        QSize(
            round(points.width() * dpi / POINTS_PER_INCH),
            round(points.height() * dpi / POINTS_PER_INCH),
        ),
    )
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    scale = printer.resolution() / POINTS_PER_INCH
    width, height = points.width() * scale, points.height() * scale
    # Actual size; shrunk only onto paper smaller than the page (Letter for an A4 page).
    fit = min(1.0, paper.width() / width, paper.height() / height)
    width, height = width * fit, height * fit
    target = QRectF((paper.width() - width) / 2, (paper.height() - height) / 2, width, height)
    painter.drawImage(target, image)
