"""The district's monthly workbook as monthly-submission.md fixes it: sheets, headers, cell
types, metadata and the sha256 (from the values written and as openpyxl reads them back),
the formula guard, the record of the export, atomic writing and refusals."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import geothai
import openpyxl
import pytest
from openpyxl.styles.numbers import is_date_format
from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session

from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur, ExportRecord, PeriodLock
from otop_desktop.outputs import OutputExists
from otop_desktop.services import entrepreneurs, households, products, sales, support
from otop_desktop.services.households import HouseholdInput, SkillInput
from otop_desktop.services.office import init_register
from otop_desktop.services.products import ProductInput, RatingInput, StandardInput
from otop_desktop.services.sales import SaleInput
from otop_desktop.services.support import GrantInput, TrainingInput
from otop_desktop.submission import spec
from otop_desktop.submission.export import export_monthly
from otop_desktop.thaiformat import Period
from tests.conftest import db_of, person

OCT = Period(2568, 10)  # October 2025
#: Names a spreadsheet would take for formulas; the workbook must keep them as text.
RISKY = ('=HYPERLINK("http://x.example","คลิก")', "+ร้านบวก", "-กลุ่มลบ-", "@บ้านทอ")


def fill(register) -> dict[str, int]:
    """A small district: products priced 450, 12345.5 and 0.3 baht; per-product and
    whole-business sales in 2568-10 (and one in 2568-09); a closed producer; households
    with and without skills; a training shared by three and a grant in the month."""
    with register.write() as s:
        a = entrepreneurs.create_entrepreneur(s, person(name="ร้านผ้าฝ้ายป้าแก้ว"))
        b = entrepreneurs.create_entrepreneur(
            s,
            person(name="กลุ่มทอผ้าบ้านออน", producer_type=1, member_count=12, phone="0212345678"),
        )
        c = entrepreneurs.create_entrepreneur(s, person(name="ร้านปิดแล้ว", moo=None))
        d = entrepreneurs.create_entrepreneur(s, person(name="ร้านตั้งชื่อแปลก"))
        s.execute(update(Entrepreneur).where(Entrepreneur.id == c.id).values(status="closed"))
        # Straight into the table: the form might tidy such names, an old import might not.
        for i, (who, name) in enumerate(zip((a, b, c, d), RISKY, strict=True)):
            s.execute(
                update(Entrepreneur)
                .where(Entrepreneur.id == who.id)
                .values(contact_name=name, house_no="@1" if i == 3 else who.house_no)
            )
        entrepreneurs.set_readiness(
            s, a.id, {"bank_account": True, "promptpay": True, "qr_payment": True}, None
        )
        p1 = products.create_product(
            s,
            a.id,
            ProductInput(
                name="ผ้าฝ้ายย้อมคราม",
                category=3,
                price="450",
                unit="ผืน",
                soft_power="Fashion",
                standards=[StandardInput("มผช."), StandardInput("อย.")],
                ratings=[RatingInput(2565, 3), RatingInput(2566, 4)],
            ),
        )
        p2 = products.create_product(
            s, a.id, ProductInput(name="=1+1", category=1, price="12345.5", unit="ขวด")
        )
        products.create_product(s, b.id, ProductInput(name="ลูกอม", category=1, price="0.3"))
        sales.set_month_sales(
            s,
            a.id,
            OCT,
            by_product={p1.id: SaleInput("450", "0.3"), p2.id: SaleInput("12345.5", "0")},
        )
        sales.set_month_sales(s, b.id, OCT, whole=SaleInput("1000", "250.75"))
        sales.set_month_sales(s, b.id, OCT.prev(), whole=SaleInput("999"))
        households.create_household(
            s,
            HouseholdInput(
                head_name="นายมา ดี",
                subdistrict_code="501301",
                moo=2,
                house_no="5",
                member_count=4,
                skills=[
                    SkillInput("ทอผ้าตีนจก", "แฟชั่น", "ชำนาญ", training_wanted="ย้อมสี"),
                    SkillInput("แกงฮังเล", "อาหาร", "เริ่มต้น"),
                ],
            ),
        )
        households.create_household(
            s,
            HouseholdInput(head_name="นางไร้ ทักษะ", subdistrict_code="501302", moo=1, house_no="9"),
        )
        support.save_training(
            s,
            TrainingInput(
                date(2025, 10, 15),
                "การตลาดออนไลน์",
                "พช.",
                budget="100",
                participant_ids=[a.id, b.id, d.id],
            ),
        )
        support.save_training(s, TrainingInput(date(2025, 9, 30), "เดือนก่อน", budget="5"))
        support.save_grant(s, b.id, GrantInput(date(2025, 10, 2), "5000", "เครื่องทอ", "อบจ."))
        return {"a": a.id, "b": b.id, "c": c.id, "d": d.id}


def read_back(path: Path) -> tuple[dict[str, object], list[list[tuple[object, ...]]]]:
    """Metadata and each data sheet's rows, as openpyxl reads the file."""
    wb = openpyxl.load_workbook(path)
    meta = {k: v for k, v in wb[spec.META_SHEET].iter_rows(values_only=True)}
    sheets = []
    for sheet in spec.DATA_SHEETS:
        n = meta[sheet.rows_key]
        assert isinstance(n, int)
        ws = wb[sheet.name]
        sheets.append(
            list(
                ws.iter_rows(min_row=2, max_row=1 + n, max_col=len(sheet.columns), values_only=True)
            )
            if n
            else []
        )
    return meta, sheets


@pytest.fixture
def exported(register, tmp_path) -> tuple[Path, list]:
    fill(register)
    results = export_monthly(register, OCT, tmp_path / "out", user="นางสาวส่ง ข้อมูล")
    (result,) = results
    return result.path, results


# --- the sha256 text of a cell -----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (450, "450"),
        (450.0, "450"),
        (Decimal("450.00"), "450"),
        (12345.5, "12345.5"),
        (Decimal("12345.50"), "12345.5"),
        (0.3, "0.3"),
        (Decimal("0.30"), "0.3"),
        (0, "0"),
        (Decimal("0.00"), "0"),
        (100, "100"),
        (date(2025, 10, 1), "2025-10-01"),
        (datetime(2025, 10, 1), "2025-10-01"),
        (None, ""),
        ("", ""),
        ("0812345678", "0812345678"),
        ("=1+1", "=1+1"),
    ],
)
def test_cell_text_is_the_spec_s(value: object, text: str) -> None:
    assert spec.cell_text(value) == text


def test_data_sha256_joins_cells_and_rows_as_the_spec_says() -> None:
    sheets = [[("5013-2567-0001", None, 450)], [], [(date(2025, 10, 1), 0.3)], [], []]
    expected = hashlib.sha256(b"5013-2567-0001\x1f\x1f450\x1e2025-10-01\x1f0.3\x1e").hexdigest()
    assert spec.data_sha256(sheets) == expected


def test_file_name_and_sheet_order() -> None:
    assert spec.file_name("5013", OCT) == "OTOP-5013-256810.xlsx"
    assert spec.SHEET_NAMES == (
        "ข้อมูลการส่ง",
        "สรุป",
        "ผู้ประกอบการ",
        "ผลิตภัณฑ์",
        "ยอดจำหน่าย",
        "ครัวเรือน Soft Power",
        "การอบรมและสนับสนุน",
    )


# --- the workbook ------------------------------------------------------------------------


def test_sheets_headers_and_metadata(register, exported) -> None:
    path, _ = exported
    assert path.name == "OTOP-5013-256810.xlsx"
    wb = openpyxl.load_workbook(path)
    assert tuple(wb.sheetnames) == spec.SHEET_NAMES
    for sheet in spec.DATA_SHEETS:
        ws = wb[sheet.name]
        assert tuple(c.value for c in ws[1]) == sheet.headers
        assert all(c.font.b for c in ws[1])
        assert ws.freeze_panes == "A2"
        assert (
            ws.auto_filter.ref == f"A1:{ws.cell(1, len(sheet.columns)).column_letter}{ws.max_row}"
        )
        assert ws.column_dimensions["A"].width >= 12
    meta_ws = wb[spec.META_SHEET]
    meta = {}
    for key, value in meta_ws.iter_rows():
        assert key.data_type == "s"
        expected_type = "n" if key.value in spec.NUMBER_META else "s"
        assert value.data_type == expected_type, key.value
        meta[key.value] = value.value
    assert list(meta)[: len(spec.REQUIRED_META)] == list(spec.REQUIRED_META)
    office = register.office()
    assert meta["format_version"] == "1"
    assert meta["province_code"] == "50"
    assert meta["district_code"] == "5013"
    assert meta["district_name"] == "สันกำแพง"
    assert meta["period"] == "2568-10"
    assert datetime.fromisoformat(meta["created_at"]).utcoffset() is not None
    assert meta["geo_data_version"] == geothai.DATA_VERSION
    assert meta["office_public_key"] == office.signing_public_key
    assert meta["program_version"]
    assert (meta["rows_entrepreneurs"], meta["rows_products"], meta["rows_sales"]) == (4, 3, 3)
    # Two households, one with two skills: three rows. Three trainees and a grant: four.
    assert (meta["rows_households"], meta["rows_support"]) == (3, 4)
    # 450 + 12345.5 + 1000; the September sale is not in October's file.
    assert meta["sales_total"] == "13795.50"


def test_sha256_is_the_same_from_the_values_written_and_read_back(register, exported) -> None:
    path, (result,) = exported
    meta, sheets = read_back(path)
    assert meta["sha256"] == result.sha256 == spec.data_sha256(sheets)
    # And from the values as the register holds them.
    from otop_desktop.submission.collect import collect

    with register.read() as s:
        rows = collect(s, OCT, ["5013"])["5013"]
    assert spec.data_sha256(rows.sheets()) == result.sha256
    assert [len(r) for r in rows.sheets()] == [len(r) for r in sheets]


def test_cells_have_the_spec_s_types(exported) -> None:
    path, _ = exported
    wb = openpyxl.load_workbook(path)
    people = wb["ผู้ประกอบการ"]
    first = people[2]
    assert first[0].value.startswith("5013-2567-")
    assert first[1].data_type == "s" and first[1].value == "2"
    assert first[4].data_type == "s" and len(first[4].value) == 13
    assert first[6].data_type == "n" and first[6].value == 3
    assert first[9].value == "0812345678"  # the leading zero stays
    assert first[11].is_date and is_date_format(first[11].number_format)
    assert first[11].value == datetime(2024, 5, 1)
    assert first[12].value == 2  # a bank account, then PromptPay and QR
    closed = [r for r in people.iter_rows(min_row=2, values_only=True) if r[10] == "เลิกกิจการ"]
    assert len(closed) == 1 and closed[0][6] is None  # no moo: an empty cell
    goods = wb["ผลิตภัณฑ์"]
    rows = {r[0].value: r for r in goods.iter_rows(min_row=2)}
    cloth = rows["5013-2567-0001-P01"]
    assert (cloth[4].value, cloth[5].value, cloth[6].value) == (4, 2566, "มผช.,อย.")
    assert cloth[7].value == 450 and cloth[7].number_format == "#,##0.00"
    assert cloth[9].value == "Fashion"
    assert rows["5013-2567-0001-P02"][7].value == 12345.5
    assert rows["5013-2567-0002-P01"][7].value == 0.3
    assert rows["5013-2567-0002-P01"][5].value is None  # no rating: no year
    sold = list(wb["ยอดจำหน่าย"].iter_rows(min_row=2, values_only=True))
    assert sold == [
        ("5013-2567-0001", "5013-2567-0001-P01", "2568-10", 450, 0.3),
        ("5013-2567-0001", "5013-2567-0001-P02", "2568-10", 12345.5, 0),
        ("5013-2567-0002", None, "2568-10", 1000, 250.75),
    ]
    homes = list(wb["ครัวเรือน Soft Power"].iter_rows(min_row=2, values_only=True))
    assert homes[0][:6] == ("501301-02-0001", "5", 2, "501301", "นายมา ดี", 4)
    assert homes[0][6:] == ("ทอผ้าตีนจก", "แฟชั่น", "ชำนาญ", "ย้อมสี")
    assert homes[2][0] == "501302-01-0001" and homes[2][6:] == (None, None, None, None)
    given = list(wb["การอบรมและสนับสนุน"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2].date(), r[5]) for r in given] == [
        ("5013-2567-0002", "สนับสนุน", date(2025, 10, 2), 5000),
        ("5013-2567-0001", "อบรม", date(2025, 10, 15), 33.34),  # the satang remainder
        ("5013-2567-0002", "อบรม", date(2025, 10, 15), 33.33),
        ("5013-2567-0004", "อบรม", date(2025, 10, 15), 33.33),
    ]


def test_the_summary_sheet_totals_by_category_and_subdistrict(exported) -> None:
    path, _ = exported
    rows = list(openpyxl.load_workbook(path)[spec.SUMMARY_SHEET].iter_rows(values_only=True))
    assert "สันกำแพง" in rows[0][0] and "ตุลาคม 2568" in rows[0][0]
    totals = [r for r in rows if r[0] == "รวม"]
    # Four producers, three products, 13,795.50 baht of which 251.05 online — twice.
    assert totals == [("รวม", None, 4, 3, 13795.5, 251.05)] * 2
    textile = next(r for r in rows if r[0] == "3")
    assert textile[2:] == (1, 1, 450, 0.3)
    food = next(r for r in rows if r[0] == "1")
    # The group's whole-business 1,000 counts under its first product (food).
    assert food[2:] == (1, 2, 13345.5, 250.75)
    assert next(r for r in rows if r[0] == "-")[2:4] == (2, 0)  # producers without products


def test_no_cell_is_a_formula(exported) -> None:
    path, _ = exported
    wb = openpyxl.load_workbook(path)
    texts = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
                if isinstance(cell.value, str):
                    texts[cell.value] = cell.data_type
    for risky in (*RISKY, "=1+1", "@1"):
        assert texts[risky] == "s"
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name)
                assert b"<f>" not in xml and b"<f " not in xml, name


def test_export_is_recorded_with_a_submitted_lock_in_one_go(register, exported) -> None:
    path, (result,) = exported
    with register.read() as s:
        (record,) = s.scalars(select(ExportRecord)).all()
        (lock,) = s.scalars(select(PeriodLock)).all()
    assert (record.kind, record.period, record.district_code) == ("monthly", 256810, "5013")
    assert record.file_name == str(path.resolve())
    assert record.sha256 == result.sha256
    assert record.personal_data is True
    assert record.created_by == "นางสาวส่ง ข้อมูล"
    assert (lock.action, lock.export_id, lock.period, lock.user) == (
        "submitted",
        record.id,
        256810,
        "นางสาวส่ง ข้อมูล",
    )


def test_progress_is_reported_and_a_cancel_leaves_nothing(register, tmp_path) -> None:
    fill(register)
    seen: list[tuple[int, int]] = []
    export_monthly(register, OCT, tmp_path / "a.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (17, 17) and seen[0][0] < 17

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    out = tmp_path / "cancelled"
    with pytest.raises(Cancelled):
        export_monthly(register, OCT, out, progress=cancel)
    assert list(out.iterdir()) == []  # no workbook, no temporary file
    with register.read() as s:
        assert s.scalar(select(func.count()).select_from(ExportRecord)) == 1
        assert s.scalar(select(func.count()).select_from(PeriodLock)) == 1


def test_a_file_path_is_written_whole_and_replaced_whole(register, tmp_path) -> None:
    fill(register)
    target = tmp_path / "ส่งจังหวัด.xlsx"
    target.write_bytes(b"old")
    # An existing file is replaced only when asked to (--force, or the desktop's question).
    with pytest.raises(OutputExists, match="--force"):
        export_monthly(register, OCT, target)
    assert target.read_bytes() == b"old"
    with register.read() as s:
        assert s.scalar(select(func.count()).select_from(ExportRecord)) == 0
    export_monthly(register, OCT, target, force=True)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []


def test_the_workbook_is_placed_in_the_transaction_that_records_it(register, tmp_path) -> None:
    fill(register)
    target = tmp_path / "sent.xlsx"
    target.write_bytes(b"last month's file")

    def refuse(_session: Session) -> None:
        raise RuntimeError("disk I/O error")

    event.listen(Session, "before_commit", refuse)
    try:
        with pytest.raises(RuntimeError, match="disk I/O"):
            export_monthly(register, OCT, target, force=True)
        with pytest.raises(RuntimeError, match="disk I/O"):
            export_monthly(register, OCT, tmp_path / "folder")
    finally:
        event.remove(Session, "before_commit", refuse)
    # The commit failed after the files were placed: they are taken out again (the file
    # replaced is put back), and there is no record of them, nor a lock.
    assert target.read_bytes() == b"last month's file"
    assert list((tmp_path / "folder").iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []
    with register.read() as s:
        assert s.scalar(select(func.count()).select_from(ExportRecord)) == 0
        assert s.scalar(select(func.count()).select_from(PeriodLock)) == 0


# SQLite-only: a server's register has no file to write over.
@pytest.mark.sqlite_only
def test_the_register_is_never_an_output(register, tmp_path) -> None:
    db = tmp_path / "district.sqlite3"
    for out in (
        db,
        tmp_path / "district.sqlite3-wal",
        tmp_path / "district.sqlite3-journal" / "x.xlsx",
        tmp_path / "other.otopbackup",
        tmp_path / "other.otopbackup.json",
    ):
        with pytest.raises(UserError, match="Will not write"):
            export_monthly(register, OCT, out, force=True)
    # Not even a folder: one named district.sqlite3-wal would stop the register opening.
    assert {p.name for p in tmp_path.iterdir()} <= {
        f"district.sqlite3{s}" for s in ("", "-wal", "-shm")
    }
    assert not any(p.is_dir() for p in tmp_path.iterdir())
    with register.read() as s:
        assert s.scalar(select(func.count()).select_from(ExportRecord)) == 0


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"district_code": "5001"}, "own district"),
        ({"all_districts": True}, "own district"),
    ],
)
def test_a_district_register_exports_only_its_own(register, tmp_path, kwargs, words) -> None:
    with pytest.raises(UserError, match=words):
        export_monthly(register, OCT, tmp_path, **kwargs)
    assert list(tmp_path.iterdir()) == [tmp_path / "district.sqlite3"] or all(
        not p.name.endswith(".xlsx") for p in tmp_path.iterdir()
    )


def test_province_register_districts(province_register, tmp_path) -> None:
    with pytest.raises(UserError, match="--district"):
        export_monthly(province_register, OCT, tmp_path / "x")
    with pytest.raises(UserError, match="not in province 50"):
        export_monthly(province_register, OCT, tmp_path / "x", district_code="1001")
    with pytest.raises(UserError, match="must be a folder"):
        export_monthly(province_register, OCT, tmp_path / "x.xlsx", all_districts=True)
    results = export_monthly(province_register, OCT, tmp_path / "all", all_districts=True)
    assert len(results) == len(geothai.districts("50")) == 25
    assert {p.name for p in (tmp_path / "all").iterdir()} == {
        spec.file_name(d.code, OCT) for d in geothai.districts("50")
    }
    with province_register.read() as s:
        assert s.scalar(select(func.count()).select_from(ExportRecord)) == 25
        # The province is not submitting anything: no month is locked.
        assert s.scalar(select(func.count()).select_from(PeriodLock)) == 0


def test_a_nation_register_and_an_unwritable_path_are_refused(register, tmp_path) -> None:
    with (
        init_register(tmp_path / "n.sqlite3", OfficeKind.NATION) as nation,
        pytest.raises(UserError, match="district or province register"),
    ):
        export_monthly(nation, OCT, tmp_path / "n")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="Cannot write"):
        export_monthly(register, OCT, blocker / "sub")
    with pytest.raises(UserError, match="Cannot write"):
        export_monthly(register, OCT, blocker / "a.xlsx")
    with register.read() as s:
        assert s.scalar(select(func.count()).select_from(ExportRecord)) == 0


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "otop_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_command_line(register, tmp_path) -> None:
    fill(register)
    db = db_of(register)
    register.close()
    ok = run("export", "monthly", "--db", db, "--period", "2568-10", "--out", tmp_path / "o")
    assert ok.returncode == 0, ok.stderr
    assert "OTOP-5013-256810.xlsx" in ok.stdout and "13,795.50" in ok.stdout
    # The same month again: the workbook there is replaced only with --force.
    again = ("export", "monthly", "--db", db, "--period", "2568-10", "--out", tmp_path / "o")
    refused = run(*again)
    assert refused.returncode == 2, refused
    [line] = refused.stderr.strip().splitlines()
    assert str(tmp_path / "o" / "OTOP-5013-256810.xlsx") in line and "--force" in line
    replaced = run(*again, "--force")
    assert replaced.returncode == 0, replaced.stderr
    for bad in (
        ("--period", "2568-13", "--out", tmp_path / "o"),
        ("--period", "10/2568", "--out", tmp_path / "o"),
        ("--period", "2568-10", "--district", "1001", "--out", tmp_path / "o"),
        # Under the register's own file (a server's register has none).
        *[("--period", "2568-10", "--out", Path(db) / "x.xlsx")] * (register.path is not None),
    ):
        result = run("export", "monthly", "--db", db, *bad)
        assert result.returncode == 2, result
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
