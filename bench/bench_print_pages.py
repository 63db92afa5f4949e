"""Times sending a batch of certificates to a printer the way the print page does (each page
drawn as a 300 dpi image on a QPrinter, here one that writes a PDF file), and the raw library
doing the rasterising alone: QPdfDocument.render of the same pages at the same size.

    .venv/bin/python bench/bench_print_pages.py [--pages 100]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from otop_desktop.demo import generate
from otop_desktop.domain import OfficeKind
from otop_desktop.printing.documents import DocumentKind, PrintOptions, render
from otop_desktop.services.office import get_office, init_register, update_office
from otop_desktop.thaiformat import Period
from ui.printing.printer import MAX_DPI, POINTS_PER_INCH, load_pdf, print_pdf


def certificates(folder: Path) -> bytes:
    register = init_register(folder / "district.sqlite3", OfficeKind.DISTRICT, "5013")
    try:
        generate(register, "district", seed=1, until=Period(2568, 9))
        with register.write() as session:
            office = get_office(session)
            update_office(
                session, name=office.name, officer_name="นายทดสอบ", officer_position="พัฒนาการ"
            )
        return render(register, DocumentKind.CERTIFICATE, PrintOptions()).data
    finally:
        register.close()


def raw(data: bytes, pages: int) -> float:
    document = QPdfDocument()
    buffer = QBuffer()
    load_pdf(document, buffer, data)
    started = time.perf_counter()
    for page in range(pages):
        points = document.pagePointSize(page)
        scale = MAX_DPI / POINTS_PER_INCH
        document.render(page, QSize(round(points.width() * scale), round(points.height() * scale)))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    args = parser.parse_args()
    app = QGuiApplication([])
    with tempfile.TemporaryDirectory() as temp:
        data = certificates(Path(temp))
        document = QPdfDocument()
        buffer = QBuffer()
        load_pdf(document, buffer, data)
        pages = min(args.pages, document.pageCount())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(Path(temp) / "printed.pdf"))
        started = time.perf_counter()
        print_pdf(data, printer, range(pages))
        ours = time.perf_counter() - started
        raw_seconds = raw(data, pages)
    print(f"{'pages':>6}{'ours s':>9}{'pages/s':>9}{'raw s':>8}{'pages/s':>9}{'ours/raw':>10}")
    print(
        f"{pages:>6}{ours:>9.2f}{pages / ours:>9.1f}{raw_seconds:>8.2f}"
        f"{pages / raw_seconds:>9.1f}{ours / raw_seconds:>10.2f}"
    )
    del app


if __name__ == "__main__":
    main()
