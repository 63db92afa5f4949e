"""Times the Thai typesetting layer on the wording of the province demo's 2,475 certificates:
word segmentation, para() (cold and with its caches warm), and laying out and drawing the
same paragraphs into one PDF, against reportlab alone drawing the same text as shaped
Paragraphs (which break lines inside Thai words) in the same run. The two builds take turns
``--repeat`` times and the best of each counts, so a busy machine skews both alike.

    .venv/bin/python bench/bench_typeset.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate

from otop_desktop.demo import generate
from otop_desktop.domain import Category, OfficeKind, ProducerType
from otop_desktop.printing import thai_words, typeset
from otop_desktop.printing.typeset import para, styles
from otop_desktop.services.office import init_register
from otop_desktop.thaiformat import Period

Certificate = list[tuple[str, str]]  # (style name, text)


def certificates(db: Path) -> list[Certificate]:
    """The wording of one certificate per entrepreneur of the demo register."""
    connection = sqlite3.connect(db)
    try:
        products: dict[int, list[tuple[str, int]]] = {}
        for owner, name, category in connection.execute(
            "SELECT entrepreneur_id, name, category FROM products ORDER BY id"
        ):
            products.setdefault(owner, []).append((name, category))
        rows = connection.execute(
            "SELECT id, reg_no, name, producer_type, house_no, moo FROM entrepreneurs ORDER BY id"
        ).fetchall()
    finally:
        connection.close()
    result = []
    for ident, reg_no, name, producer_type, house_no, moo in rows:
        lines = [
            ("centre", "สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่"),
            ("title", "หนังสือรับรองการลงทะเบียน"),
            ("title", "ผู้ผลิต ผู้ประกอบการ OTOP (หนึ่งตำบล หนึ่งผลิตภัณฑ์)"),
            ("centre", f"เลขทะเบียน {reg_no}"),
            ("centre", "สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่ ขอรับรองว่า"),
            ("title", name),
            ("centre", f"ประเภท{ProducerType(producer_type).label_th}"),
            ("body", f"ที่ตั้ง บ้านเลขที่ {house_no or '-'} หมู่ที่ {moo or '-'} จังหวัดเชียงใหม่"),
            (
                "body",
                "ได้ลงทะเบียนเป็นผู้ผลิต ผู้ประกอบการ หนึ่งตำบล หนึ่งผลิตภัณฑ์ ตามระเบียบ"
                "สำนักนายกรัฐมนตรีว่าด้วยคณะกรรมการอำนวยการหนึ่งตำบล หนึ่งผลิตภัณฑ์แห่งชาติ",
            ),
        ]
        for product, category in products.get(ident, []):
            lines.append(("cell", product))
            lines.append(("cell", Category(category).label_th))
        lines += [
            ("centre", "ให้ไว้ ณ วันที่ 12 ตุลาคม พ.ศ. 2568"),
            ("centre", "(นางสาวสมศรี ใจดี)"),
            ("centre", "พัฒนาการจังหวัดเชียงใหม่"),
        ]
        result.append(lines)
    return result


def timed(work: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def ours(certs: list[Certificate]) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = []
    for cert in certs:
        story += [para(text, getattr(s, style)) for style, text in cert]
        story.append(PageBreak())
    return story


def raw(certs: list[Certificate]) -> list[Flowable]:
    """reportlab alone: the same text and styles as Paragraph markup, shaped by reportlab."""
    s = styles()
    plain = {name: ParagraphStyle(name, parent=getattr(s, name)) for name in vars(s)}
    story: list[Flowable] = []
    for cert in certs:
        story += [Paragraph(escape(text), plain[style]) for style, text in cert]
        story.append(PageBreak())
    return story


def build(story: list[Flowable]) -> int:
    output = io.BytesIO()
    SimpleDocTemplate(output, pagesize=A4).build(story)
    return len(output.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        db = Path(temp) / "province.sqlite3"
        register = init_register(db, OfficeKind.PROVINCE, "50")
        try:
            generate(register, "province", seed=1, until=Period(2568, 9))
        finally:
            register.close()
        certs = certificates(db)
    texts = [text for cert in certs for _, text in cert]
    chars = sum(len(t) for t in texts)
    print(f"{len(certs):,} certificates, {len(texts):,} paragraphs, {chars:,} characters")

    styles()
    thai_words.words("โหลดพจนานุกรม")  # the dictionary loads once per process
    thai_words._chunk_words.cache_clear()
    chunks = {chunk for text in texts for chunk in text.split()}
    seconds, _ = timed(lambda: [thai_words.words(chunk) for chunk in chunks])
    print(
        f"segmentation, cold: {len(chunks):,} distinct chunks in {seconds:.2f} s "
        f"({sum(map(len, chunks)) / seconds:,.0f} characters/s)"
    )

    typeset._shaped.clear()
    thai_words._chunk_words.cache_clear()
    cold, _ = timed(lambda: ours(certs))
    warm = min(timed(lambda: ours(certs))[0] for _ in range(args.repeat))
    print(
        f"para(), cold caches: {cold:.2f} s ({len(texts) / cold:,.0f} paragraphs/s); "
        f"warm: {warm:.2f} s ({len(texts) / warm:,.0f} paragraphs/s)"
    )

    # paragraphs made and the PDF built, best of each, the two taking turns
    ours_total = raw_total = float("inf")
    for _ in range(args.repeat):
        seconds, size = timed(lambda: build(ours(certs)))
        ours_total = min(ours_total, seconds)
        seconds, raw_size = timed(lambda: build(raw(certs)))
        raw_total = min(raw_total, seconds)
    print(
        f"one PDF of all {len(certs):,} certificates: ours {ours_total:.2f} s, "
        f"{size / 1e6:.1f} MB; reportlab alone {raw_total:.2f} s, {raw_size / 1e6:.1f} MB; "
        f"ours/raw {ours_total / raw_total:.2f}"
    )


if __name__ == "__main__":
    main()
