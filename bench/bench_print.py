"""Times printing every certificate of the ``province`` demo register (Chiang Mai, 2,475
producers) into one PDF, beside a plain reportlab script in the same run that draws the
same strings (unshaped, with ``drawString`` at the same places), the same border and table
rules and the same QR code (zxing-cpp's modules, one ``rect`` per run of dark modules) on
one page per sheet. The plain script's strings and QR texts are gathered before its timing
starts; ours includes reading the register, laying out, signing and encoding.

Memory: the resident size is read as each certificate (ours) or sheet (plain) is drawn,
and its growth from the first tenth of the batch to the end is shown per certificate for
both. reportlab keeps every page's content stream in memory until the PDF is written, so
some growth per page is reportlab's own; what matters is ours beside the plain script's.

    .venv/bin/python bench/bench_print.py [--db REGISTER] [--out FILE.pdf]

``--db`` is copied first (default /tmp/team/regs/province.sqlite): the register is never
written in place.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

import zxingcpp
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from otop_desktop.database import Register
from otop_desktop.models import Entrepreneur
from otop_desktop.paths import sarabun_file
from otop_desktop.printing import certificate
from otop_desktop.printing.documents import DocumentKind, PrintOptions, render
from otop_desktop.printing.print_data import chunks, load_entrepreneurs
from otop_desktop.printing.typeset import FONT, FONT_BOLD, TextOptions
from otop_desktop.services.office import get_office, update_office

ISSUED = date(2025, 11, 24)
DEFAULT_DB = Path("/tmp/team/regs/province.sqlite")
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def resident() -> int:
    """This process's resident memory now, in bytes (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * PAGE_BYTES


def growth(samples: list[tuple[int, int]]) -> float:
    """Bytes of resident memory added per item from the first tenth of a run to its end."""
    start = samples[len(samples) // 10]
    end = samples[-1]
    return (end[1] - start[1]) / max(end[0] - start[0], 1)


def copied(source: Path, folder: Path) -> Path:
    """A copy of the register with a signing officer set (certificates need one)."""
    db = folder / "province.sqlite3"
    shutil.copyfile(source, db)
    with Register.open(db) as register, register.write() as session:
        office = get_office(session)
        update_office(
            session,
            name=office.name,
            officer_name="นางสาวกิ่งกาญจน์ ศรีสุข",
            officer_position="พัฒนาการจังหวัดเชียงใหม่",
        )
    return db


def numbers(register: Register) -> tuple[str, ...]:
    with register.read() as session:
        return tuple(session.scalars(select(Entrepreneur.reg_no).order_by(Entrepreneur.reg_no)))


Run = tuple[float, float, int, int, list[tuple[int, int]]]


def ours(register: Register, chosen: tuple[str, ...], out: Path | None) -> Run:
    """Wall and CPU seconds, sheets, bytes and (certificates, resident bytes) samples of
    the program's batch."""
    samples: list[tuple[int, int]] = []
    wall, cpu = time.perf_counter(), time.process_time()
    printed = render(
        register,
        DocumentKind.CERTIFICATE,
        PrintOptions(registrations=chosen, issued_on=ISSUED),
        out=out,
        force=True,
        progress=lambda done, total: samples.append((done, resident())),
    )
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall, cpu, printed.pages, len(printed.data), samples


# (lines as (text, font, size, x, y), table rules, QR text, QR's lower left) of each sheet
PlainSheet = tuple[
    list[tuple[str, str, float, float, float]],
    list[tuple[float, float, float, float]],
    str,
    tuple[float, float],
]


def same_sheets(register: Register) -> list[PlainSheet]:
    """What every sheet of the batch draws, from the program's own layout."""
    result: list[PlainSheet] = []
    with register.read() as session:
        office = get_office(session)
        key = office.signing_private_key
        ids = list(session.scalars(select(Entrepreneur.id).order_by(Entrepreneur.reg_no)))
        for part in chunks(ids):
            for e in load_entrepreneurs(session, part):
                [whole] = certificate.certificate(e, office, ISSUED, 0.0, TextOptions(), key)
                assert isinstance(whole, certificate.Certificate)
                for sheet in whole.sheets():
                    lines = [(ln.text, ln.font, ln.size, ln.x, ln.y) for ln in sheet.lines]
                    rules = [segment for table in sheet.rules for segment in table.segments]
                    result.append((lines, rules, sheet.qr, sheet.qr_at))
    return result


def plain(sheets: list[PlainSheet]) -> Run:
    """Wall and CPU seconds, pages, bytes and (sheets, resident bytes) samples for
    reportlab alone drawing ``sheets``."""
    for name, file_name in (("Plain", "Sarabun-Regular.ttf"), ("Plain-Bold", "Sarabun-Bold.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(sarabun_file(file_name))))
    fonts = {FONT: "Plain", FONT_BOLD: "Plain-Bold"}
    outer, inner = certificate.BORDER_OUTER, certificate.BORDER_INNER
    width, height = certificate.PAGE_WIDTH, certificate.PAGE_HEIGHT
    wall, cpu = time.perf_counter(), time.process_time()
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    samples: list[tuple[int, int]] = []
    for lines, rules, qr, (qr_x, qr_y) in sheets:
        samples.append((len(samples), resident()))
        canvas.setStrokeColor(certificate.BORDER)
        canvas.setLineWidth(2.2)
        canvas.rect(outer, outer, width - 2 * outer, height - 2 * outer)
        canvas.setLineWidth(0.7)
        canvas.rect(inner, inner, width - 2 * inner, height - 2 * inner)
        canvas.setStrokeColorRGB(0.35, 0.35, 0.35)
        canvas.setLineWidth(0.5)
        canvas.lines(rules)
        for text, font, size, x, y in lines:
            canvas.setFont(fonts[font], size)
            canvas.drawString(x, y, text)
        image = zxingcpp.create_barcode(qr, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        pixels = image.to_image(scale=1, add_quiet_zones=False)
        modules = pixels.shape[0]
        dark = bytes(memoryview(pixels))
        step = certificate.QR_SIZE / (modules + 8)
        for r in range(modules):
            row = dark[r * modules : (r + 1) * modules]
            c = 0
            while c < modules:
                if row[c] == 0:
                    start = c
                    while c < modules and row[c] == 0:
                        c += 1
                    x = qr_x + (4 + start) * step
                    y = qr_y + (modules - 1 - r + 4) * step
                    canvas.rect(x, y, (c - start) * step, step, stroke=0, fill=1)
                else:
                    c += 1
        canvas.showPage()
    canvas.save()
    samples.append((len(samples), resident()))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall, cpu, len(sheets), len(buffer.getvalue()), samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="register to copy")
    parser.add_argument("--out", type=Path, help="keep the certificates' PDF here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_print_") as folder:
        db = copied(args.db, Path(folder))
        with Register.open(db) as register:
            chosen = numbers(register)
            # A first small batch loads the fonts, dictionaries and place names for both.
            ours(register, chosen[:20], None)
            our_wall, our_cpu, our_pages, our_bytes, our_samples = ours(register, chosen, args.out)
            sheets = same_sheets(register)
        plain_wall, plain_cpu, plain_pages, plain_bytes, plain_samples = plain(sheets)
    print(f"{'':<24}{'certs':>7}{'sheets':>8}{'MB':>7}{'wall s':>8}{'CPU s':>8}{'ms/sheet':>10}")
    for label, wall, cpu, pages, size in (
        ("ours (data+sign+QR)", our_wall, our_cpu, our_pages, our_bytes),
        ("reportlab alone", plain_wall, plain_cpu, plain_pages, plain_bytes),
    ):
        print(
            f"{label:<24}{len(chosen):>7,}{pages:>8,}{size / 1e6:>7.1f}{wall:>8.2f}{cpu:>8.2f}"
            f"{cpu / pages * 1000:>10.2f}"
        )
    print(
        f"ours/plain: CPU {our_cpu / plain_cpu:.2f}x, wall {our_wall / plain_wall:.2f}x "
        "(goal: at most 2x)"
    )
    per_sheet = plain_pages / len(chosen)
    print(
        f"resident memory added per certificate, first tenth to end: ours "
        f"{growth(our_samples) / 1024:.1f} KB, reportlab alone "
        f"{growth(plain_samples) * per_sheet / 1024:.1f} KB "
        f"(peak ours {max(r for _, r in our_samples) / 1e6:.0f} MB); the PDF itself is "
        f"{our_bytes / len(chosen) / 1024:.1f} KB a certificate"
    )


if __name__ == "__main__":
    main()
