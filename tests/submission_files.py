"""Real district workbooks for the province-side tests: a small San Kamphaeng (5013) register
exported by the program itself, and a way to change a copy's cells and seal it again (row
counts, sales total and sha256 recomputed), so that a test can break exactly one rule."""

from __future__ import annotations

import random
import shutil
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.workbook import Workbook

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.services import entrepreneurs, households, products, sales, support
from otop_desktop.services.households import HouseholdInput, SkillInput
from otop_desktop.services.office import init_register
from otop_desktop.services.products import ProductInput, RatingInput, StandardInput
from otop_desktop.services.sales import SaleInput
from otop_desktop.submission import spec
from otop_desktop.submission.export import export_monthly
from otop_desktop.thaiformat import Period
from tests.conftest import person

OCT = Period(2568, 10)
NOV = Period(2568, 11)
SEP = Period(2568, 9)


def district_register(folder: Path, district: str = "5013") -> Register:
    """A district register with two producers (one with two products, one selling as a
    whole business), a household with two skills, a training and a grant in October 2568,
    and sales in September to November 2568."""
    register = init_register(folder / f"district-{district}.sqlite3", OfficeKind.DISTRICT, district)
    with register.write() as s:
        weaver = entrepreneurs.create_entrepreneur(s, person(name="=กลุ่มทอผ้า+ฝ้าย"))
        cook = entrepreneurs.create_entrepreneur(
            s, person(name="ร้านน้ำพริกแม่ศรี", producer_type=1, member_count=12, moo=5)
        )
        entrepreneurs.set_readiness(
            s, weaver.id, {"bank_account": True, "promptpay": True, "qr_payment": True}, None
        )
        silk = products.create_product(
            s,
            weaver.id,
            ProductInput(
                name="ผ้าไหมยกดอก",
                category=3,
                price="1250.50",
                unit="ผืน",
                soft_power="Fashion",
                standards=[StandardInput("มผช."), StandardInput("อย.")],
                ratings=[RatingInput(2565, 4), RatingInput(2567, 5)],
            ),
        )
        umbrella = products.create_product(
            s, weaver.id, ProductInput(name="ร่มบ่อสร้าง", category=4, price="350", unit="คัน")
        )
        products.create_product(s, cook.id, ProductInput(name="น้ำพริกหนุ่ม", category=1))
        for period, scale in ((SEP, 1), (OCT, 2), (NOV, 3)):
            sales.set_month_sales(
                s,
                weaver.id,
                period,
                by_product={
                    silk.id: SaleInput(Decimal("12345.50") * scale, Decimal("100.25")),
                    umbrella.id: SaleInput(Decimal("0.30") * scale),
                },
            )
            sales.set_month_sales(s, cook.id, period, whole=SaleInput(Decimal("4500") * scale))
        households.create_household(
            s,
            HouseholdInput(
                head_name="นายสมชาย ทอดี",
                subdistrict_code="501301",
                moo=3,
                house_no="12",
                member_count=4,
                skills=[
                    SkillInput("ทอผ้าตีนจก", "แฟชั่น", "ชำนาญ", training_wanted="ย้อมสีธรรมชาติ"),
                    SkillInput("ทำขนมจีน", "อาหาร", "เริ่มต้น"),
                ],
            ),
        )
        households.create_household(
            s, HouseholdInput(head_name="นางมาลี", subdistrict_code="501302", moo=1, house_no="9")
        )
        support.save_training(
            s,
            support.TrainingInput(
                held_on=date(2025, 10, 15),
                topic="การตลาดออนไลน์",
                organiser="พช.",
                budget=Decimal("1000.01"),
                participant_ids=[weaver.id, cook.id],
            ),
        )
        support.save_grant(
            s,
            cook.id,
            support.GrantInput(date(2025, 10, 20), Decimal("5000"), "เครื่องบรรจุ", "อบต."),
        )
    return register


def export(register: Register, period: Period, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (result,) = export_monthly(register, period, folder)
    return result.path


def edited(
    source: Path,
    edit: Callable[[Workbook], None],
    target: Path | None = None,
    *,
    seal: bool = True,
) -> Path:
    """A copy of ``source`` with ``edit`` applied in openpyxl's normal mode; with ``seal``
    the metadata's row counts, sales total and sha256 are made to fit the edited rows."""
    target = target or source.with_name("edited-" + source.name)
    book = openpyxl.load_workbook(source)
    edit(book)
    if seal:
        reseal(book)
    book.save(target)
    return target


def data_rows(book: Workbook, sheet: spec.DataSheet) -> list[tuple[object, ...]]:
    ws = book[sheet.name]
    width = len(sheet.columns)
    rows = []
    for row in ws.iter_rows(min_row=2, max_col=width, values_only=True):
        if all(v is None for v in row):
            break
        rows.append(row)
    return rows


def meta_row(book: Workbook, key: str) -> int:
    ws = book[spec.META_SHEET]
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 1).value == key:
            return row
    raise KeyError(key)


def set_meta(book: Workbook, key: str, value: object) -> None:
    book[spec.META_SHEET].cell(meta_row(book, key), 2).value = value


def reseal(book: Workbook) -> None:
    sheets = [data_rows(book, s) for s in spec.DATA_SHEETS]
    for sheet, rows in zip(spec.DATA_SHEETS, sheets, strict=True):
        set_meta(book, sheet.rows_key, len(rows))
    total = sum(
        (Decimal(repr(r[spec.SALES_AMOUNT_COLUMN] or 0)) for r in sheets[2]), Decimal("0.00")
    )
    set_meta(book, "sales_total", f"{total:.2f}")
    set_meta(book, "sha256", spec.data_sha256(sheets))


def copy_as(source: Path, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(source, target)
    return target


# --- files changed at the zip and XML level (hostile files a district could send) ----------


def with_part(source: Path, target: Path, name: str, data: bytes) -> Path:
    """A copy of the workbook with one zip part replaced (or added)."""
    return streamed_part(source, target, name, lambda _old: iter((data,)))


def part(source: Path, name: str) -> bytes:
    with zipfile.ZipFile(source) as src:
        return src.read(name)


def streamed_part(
    source: Path,
    target: Path,
    name: str,
    pieces: Callable[[bytes], Iterator[bytes]],
    level: int = 1,
) -> Path:
    """A copy of the workbook whose part ``name`` is written from ``pieces(old part)`` a
    piece at a time, so that a part of hundreds of megabytes is never held whole; deflated
    at ``level`` (the fastest by default: the parts are large)."""
    with (
        zipfile.ZipFile(source) as src,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as out,
    ):
        old = src.read(name) if name in src.namelist() else b""
        for info in src.infolist():
            if info.filename != name:
                out.writestr(info.filename, src.read(info.filename))
        with out.open(name, "w", force_zip64=True) as stream:
            for piece in pieces(old):
                stream.write(piece)
    return target


def many_rows(source: Path, target: Path, name: str, rows: int) -> Path:
    """The sheet part ``name`` with ``rows`` more rows of one producer each after its data."""
    row = b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>5013-2567-0001</t></is></c></row>'

    def pieces(old: bytes) -> Iterator[bytes]:
        at = old.index(b"</sheetData>")
        yield old[:at]
        first = old[:at].count(b"<row ") + 1
        for start in range(first, first + rows, 10_000):
            yield b"".join([row % (r, r) for r in range(start, min(start + 10_000, first + rows))])
        yield old[at:]

    return streamed_part(source, target, name, pieces)


def inflated_text(source: Path, target: Path, name: str, old_text: str, size: int) -> Path:
    """The part ``name`` with the text ``old_text`` (its first occurrence) replaced by ``size``
    bytes of Thai and Latin letters that deflate some 150 times: a file of a few megabytes
    whose one value inflates to ``size`` bytes, under the zip-bomb ratio."""
    rng = random.Random(14)
    block = "".join(rng.choice("กขคงจฉชซฌญฎฏ abcdefghij") for _ in range(2000)).encode()
    chunk = block * (4 * 1024 * 1024 // len(block))

    def pieces(old: bytes) -> Iterator[bytes]:
        at = old.index(old_text.encode())
        yield old[:at]
        for _ in range(size // len(chunk)):
            yield chunk
        yield old[at + len(old_text.encode()) :]

    return streamed_part(source, target, name, pieces, level=6)


def renamed_part(source: Path, target: Path, old: str, new: str, data: bytes | None = None) -> Path:
    """A copy whose part ``old`` is named ``new`` (with ``data`` instead of its own, if
    given), the workbook's relationships and content types following it, as a tool that
    names its parts otherwise would write them."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == old:
                out.writestr(new, content if data is None else data)
                continue
            if info.filename in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
                content = content.replace(f'"/{old}"'.encode(), f'"/{new}"'.encode())
            out.writestr(info.filename, content)
    return target
