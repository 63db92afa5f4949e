"""Times printing every certificate of the ``province`` demo register (Chiang Mai, 2,475
producers) into one PDF, and reportlab alone drawing the same paragraphs in the same run:
the same texts in the same styles and order, one certificate a page, but plain reportlab
Paragraphs (its own line breaking) with no data access, no QR code and no signing. The
texts are gathered before that timing starts.

    .venv/bin/python bench/bench_print.py [--cache DIR] [--out FILE.pdf]
"""

from __future__ import annotations

import argparse
import io
import time
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepInFrame, KeepTogether, PageBreak, Paragraph, Table
from sqlalchemy import select

from otop_desktop.database import Register
from otop_desktop.demo import generate
from otop_desktop.domain import OfficeKind
from otop_desktop.models import Entrepreneur
from otop_desktop.printing import certificate
from otop_desktop.printing.documents import DocumentKind, PrintOptions, render
from otop_desktop.printing.layout import Beside, Document, Stamp
from otop_desktop.printing.print_data import chunks, load_entrepreneurs
from otop_desktop.printing.typeset import TextOptions
from otop_desktop.services.office import get_office, init_register, update_office
from otop_desktop.thaiformat import Period

UNTIL = Period(2568, 9)
ISSUED = date(2025, 11, 24)


def province_register(cache: Path) -> Register:
    """The demo register, made once and kept in ``cache`` for the next run."""
    db = cache / "province.sqlite3"
    if not db.exists():
        cache.mkdir(parents=True, exist_ok=True)
        partial = cache / "province.partial.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        with init_register(partial, OfficeKind.PROVINCE, "50") as register:
            generate(register, "province", seed=1, until=UNTIL)
        partial.rename(db)
    register = Register.open(db)
    with register.write() as session:
        office = get_office(session)
        update_office(
            session,
            name=office.name,
            officer_name="นางสาวกิ่งกาญจน์ ศรีสุข",
            officer_position="พัฒนาการจังหวัดเชียงใหม่",
        )
    return register


def paragraphs(items: list[Flowable] | Flowable) -> list[tuple[str, ParagraphStyle]]:
    """(text, style) of every paragraph in order, tables and kept groups included."""
    found: list[tuple[str, ParagraphStyle]] = []
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, Paragraph):
            found.append((item.text, item.style))
        elif isinstance(item, Table):
            for row in item._cellvalues:
                for value in row:
                    found += paragraphs(value if isinstance(value, list) else [value])
        elif isinstance(item, KeepTogether | KeepInFrame):
            found += paragraphs(item._content)
        elif isinstance(item, Stamp):
            found += paragraphs(item.content)
        elif isinstance(item, Beside):
            for stack in item.stacks:
                found += paragraphs(stack)
    return found


def same_paragraphs(register: Register) -> list[list[tuple[str, ParagraphStyle]]]:
    width = Document(io.BytesIO(), options=TextOptions()).width
    with register.read() as session:
        office = get_office(session)
        ids = list(session.scalars(select(Entrepreneur.id).order_by(Entrepreneur.reg_no)))
        result = []
        for part in chunks(ids):
            for e in load_entrepreneurs(session, part):
                story = certificate.certificate(e, office, ISSUED, width, TextOptions())
                result.append(paragraphs(story))
        return result


def raw(certificates: list[list[tuple[str, ParagraphStyle]]]) -> tuple[float, int, int]:
    """Seconds, pages and bytes for plain reportlab setting the same paragraphs."""
    started = time.perf_counter()
    buffer = io.BytesIO()
    doc = Document(buffer, options=TextOptions(), decorate=certificate.decorate, footer=False)
    story: list[Flowable] = []
    for texts in certificates:
        if story:
            story.append(PageBreak())
        story += [Paragraph(escape(text), style) for text, style in texts]
    doc.build(story)
    return time.perf_counter() - started, doc.page, len(buffer.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/otop_bench_print"))
    parser.add_argument("--out", type=Path, help="keep the certificates' PDF here")
    args = parser.parse_args()
    register = province_register(args.cache)
    try:
        with register.read() as session:
            numbers = tuple(session.scalars(select(Entrepreneur.reg_no).order_by("reg_no")))
        started = time.perf_counter()
        printed = render(
            register,
            DocumentKind.CERTIFICATE,
            PrintOptions(registrations=numbers, issued_on=ISSUED),
            out=args.out,
        )
        ours = time.perf_counter() - started
        raw_seconds, raw_pages, raw_bytes = raw(same_paragraphs(register))
    finally:
        register.close()
    print(f"{'':<22}{'certs':>7}{'pages':>7}{'MB':>7}{'s':>8}{'certs/s':>9}")
    print(
        f"{'ours (data+QR+sign)':<22}{printed.documents:>7,}{printed.pages:>7,}"
        f"{len(printed.data) / 1e6:>7.1f}{ours:>8.2f}{printed.documents / ours:>9.0f}"
    )
    print(
        f"{'reportlab alone':<22}{len(numbers):>7,}{raw_pages:>7,}{raw_bytes / 1e6:>7.1f}"
        f"{raw_seconds:>8.2f}{len(numbers) / raw_seconds:>9.0f}"
    )
    print(f"ours/raw {ours / raw_seconds:.2f} (target: all certificates in under 20 s)")


if __name__ == "__main__":
    main()
