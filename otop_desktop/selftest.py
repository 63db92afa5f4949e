"""The core of the program's self-test (``otop-desktop-gui --self-test``, the bundle's too): proof
that a build carries all it needs — the migrations, the geography, the workbook writer and
reader, the fonts and the Thai word lists of the printed documents. Everything happens in a
temporary folder: no register, backup or setting of the user's is touched.

The desktop part (ui.selftest) opens the main window on the register made here and reads
the certificate's text back through Qt's PDF reader."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from otop_desktop.database import Register, current_revision, head_revision, make_engine, upgrade
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.services.entrepreneurs import EntrepreneurInput, create_entrepreneur
from otop_desktop.services.office import get_office, init_register, update_office
from otop_desktop.services.products import ProductInput, create_product
from otop_desktop.services.sales import SaleInput, set_month_sales
from otop_desktop.thaiformat import Period, last_complete, thai_today
from otop_desktop.thaiid import make_thai_id

#: The first schema the program ever made: a register of it is upgraded on open.
FIRST_SCHEMA = "0001"
DISTRICT = "5013"  # San Kamphaeng, Chiang Mai
ENTREPRENEUR = "ร้านผ้าฝ้ายป้าแก้ว"
PRODUCT = "ผ้าฝ้ายทอมือ"
OFFICER = "นายสมชาย ใจดี"
SALES = Decimal("12345.50")
#: What the certificate must say, as its text layer reads back: Thai set in Sarabun.
CERTIFICATE_TEXTS = ("หนังสือรับรองการลงทะเบียน", ENTREPRENEUR, PRODUCT, "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง")

Report = Callable[[str], None]


class SelfTestFailed(UserError):
    """A check of the self-test found the build wanting."""

    def __init__(self, what: str) -> None:
        super().__init__(f"การทดสอบตัวเองไม่ผ่าน: {what}", f"Self-test failed: {what}")


@dataclass(frozen=True)
class CoreResult:
    """What the desktop part goes on with: the open register and the certificate's PDF."""

    register: Register
    reg_no: str
    certificate_pdf: bytes


def _expect(ok: bool, what: str) -> None:
    if not ok:
        raise SelfTestFailed(what)


def make_register(path: Path, report: Report) -> Register:
    """A district register made at the first schema, then upgraded by the program's own
    opening of it (as an update does to a clerk's register)."""
    engine = make_engine(path)
    try:
        upgrade(engine, FIRST_SCHEMA)
    finally:
        engine.dispose()
    register = init_register(path, OfficeKind.DISTRICT, DISTRICT)
    revision = current_revision(register.engine)
    _expect(revision == head_revision(), f"schema {revision} after the upgrade")
    report(f"register made at schema {FIRST_SCHEMA} and upgraded to {revision}")
    return register


def add_records(register: Register, period: Period) -> str:
    """One single owner with one product and a month's sales; its registration number."""
    with register.write() as session:
        office = get_office(session)
        update_office(
            session, name=office.name, officer_name=OFFICER, officer_position="พัฒนาการอำเภอ"
        )
        entrepreneur = create_entrepreneur(
            session,
            EntrepreneurInput(
                producer_type=2,
                name=ENTREPRENEUR,
                contact_name="นางแก้ว ใจดี",
                national_id=make_thai_id("110000000001"),
                house_no="71/2",
                moo=3,
                subdistrict_code="501301",
                phone="0812345678",
                registered_on=date(2024, 5, 1),
            ),
        )
        session.flush()
        create_product(session, entrepreneur.id, ProductInput(PRODUCT, category=3, price="350"))
        set_month_sales(session, entrepreneur.id, period, whole=SaleInput(SALES))
        return entrepreneur.reg_no


def check_workbook(register: Register, period: Period, out: Path, report: Report) -> None:
    """The month's workbook for the province, written and read back by the importer's
    reader (which checks its totals and its sha256)."""
    from otop_desktop.submission.export import export_monthly
    from otop_desktop.submission.workbook_reading import read_workbook

    (result,) = export_monthly(register, period, out)
    book = read_workbook(result.path)
    _expect(
        book.meta.get("period") == str(period), f"the workbook's period {book.meta.get('period')}"
    )
    _expect(result.sales_total == SALES, f"the workbook's sales total {result.sales_total}")
    report(
        f"monthly workbook {result.path.name} written and read back "
        f"({sum(len(s.rows) for s in book.sheets.values())} rows, sales {result.sales_total})"
    )


def render_certificate(register: Register, reg_no: str, report: Report) -> bytes:
    from otop_desktop.printing.documents import DocumentKind, PrintOptions, render

    printed = render(register, DocumentKind.CERTIFICATE, PrintOptions(registrations=(reg_no,)))
    _expect(printed.data.startswith(b"%PDF") and printed.pages == 1, "the certificate's PDF")
    report(f"certificate of {reg_no} rendered ({len(printed.data):,} bytes, signed)")
    return printed.data


def check_postgresql_driver(report: Report) -> None:
    """The driver of registers on a PostgreSQL server (the ``postgres`` extra; the bundle
    carries it): said either way, as a plain ``pip install .`` has none."""
    try:
        import psycopg
    except ImportError:
        report("no PostgreSQL driver (install the postgres extra for server registers)")
        return
    report(f"PostgreSQL driver psycopg {psycopg.__version__} ({psycopg.pq.__impl__}) loads")


def run_core(folder: Path, report: Report) -> CoreResult:
    """The checks that need no screen; the register is left open for the desktop part (the
    caller closes it)."""
    check_postgresql_driver(report)
    period = last_complete(thai_today())
    register = make_register(folder / "self-test.sqlite3", report)
    try:
        reg_no = add_records(register, period)
        report(f"entrepreneur {reg_no} with a product and the sales of {period} saved")
        check_workbook(register, period, folder / "out", report)
        pdf = render_certificate(register, reg_no, report)
    except BaseException:
        register.close()
        raise
    return CoreResult(register, reg_no, pdf)
