"""The consolidated provincial workbook of the ``province`` demo for a month: every
district's rows led by its district, a summary by district and category whose totals are
the register's, no formulas, the export recorded; refused on a district register."""

from __future__ import annotations

import zipfile
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import func, select, update

from otop_desktop.demo import generate
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur, ExportRecord, Sale
from otop_desktop.services.office import init_register
from otop_desktop.services.stats import register_stats
from otop_desktop.submission import spec
from otop_desktop.submission.export import export_monthly
from otop_desktop.submission.provincial import INFO_SHEET, export_province
from tests.test_submission_export import OCT, read_back

INJECTED = "=cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """One demo province for the module: generating it is the slow part."""
    folder = tmp_path_factory.mktemp("province")
    with init_register(folder / "province.sqlite3", OfficeKind.PROVINCE, "50") as register:
        generate(register, "province", seed=1, until=OCT)
        with register.write() as s:
            first = s.scalar(select(func.min(Entrepreneur.id)))
            s.execute(update(Entrepreneur).where(Entrepreneur.id == first).values(name=INJECTED))
        yield register


@pytest.fixture(scope="module")
def workbook(province, tmp_path_factory):
    folder = tmp_path_factory.mktemp("out")
    result = export_province(province, OCT, folder, user="ผู้รวบรวม")
    assert result.path == folder / "OTOP-50-256810.xlsx"
    return result


def test_every_district_s_rows_are_there_led_by_their_district(province, workbook) -> None:
    wb = openpyxl.load_workbook(workbook.path, read_only=True)
    assert wb.sheetnames == [INFO_SHEET, spec.SUMMARY_SHEET, *(s.name for s in spec.DATA_SHEETS)]
    with province.read() as s:
        expected = {
            "rows_entrepreneurs": s.scalar(select(func.count()).select_from(Entrepreneur)),
            "rows_sales": s.scalar(
                select(func.count()).select_from(Sale).where(Sale.period == OCT.key)
            ),
        }
    assert workbook.rows["rows_entrepreneurs"] == expected["rows_entrepreneurs"] == 2475
    assert workbook.rows["rows_products"] == 7324
    assert workbook.rows["rows_sales"] == expected["rows_sales"]
    assert workbook.districts_with_data == 25
    for sheet in spec.DATA_SHEETS:
        rows = wb[sheet.name].iter_rows(values_only=True)
        assert next(rows) == ("รหัสอำเภอ", "อำเภอ", *sheet.headers)
        count = 0
        for row in rows:
            count += 1
            assert row[2].startswith(row[0]), (sheet.name, row)  # code carries the district
        assert count == workbook.rows[sheet.rows_key]
    wb.close()


def test_the_summary_totals_are_the_register_s(province, workbook) -> None:
    ws = openpyxl.load_workbook(workbook.path)[spec.SUMMARY_SHEET]
    rows = list(ws.iter_rows(values_only=True))
    assert "เชียงใหม่" in rows[0][0] and "ตุลาคม 2568" in rows[0][0]
    header = rows[3]
    assert header[:4] == ("รหัสอำเภอ", "อำเภอ", "ผู้ประกอบการ", "ผลิตภัณฑ์")
    assert header[4:9] == (
        "อาหาร",
        "เครื่องดื่ม",
        "ผ้า เครื่องแต่งกาย",
        "ของใช้ ของตกแต่ง ของที่ระลึก",
        "สมุนไพรที่ไม่ใช่อาหาร",
    )
    districts = rows[4:29]
    assert [r[0] for r in districts][:2] == ["5001", "5002"] and len(districts) == 25
    total = rows[29]
    assert total[0] == "รวม"
    with province.read() as s:
        month = register_stats(s)["sales_by_period"]["2568-10"]
    sales_col = header.index("รวม")
    assert Decimal(str(total[sales_col])).quantize(Decimal("0.01")) == Decimal(month)
    assert workbook.sales_total == Decimal(month)
    # Each district's categories add up to its total, and the districts to the grand total.
    for r in districts:
        assert sum(Decimal(str(v)) for v in r[4:sales_col]) == pytest.approx(
            Decimal(str(r[sales_col]))
        )
    assert sum(r[2] for r in districts) == total[2] == 2475
    assert sum(r[3] for r in districts) == total[3] == 7324
    money = ws.cell(5, sales_col + 1)
    assert money.number_format == "#,##0.00"


def test_the_same_rows_as_the_district_workbooks(province, workbook, tmp_path) -> None:
    export_monthly(province, OCT, tmp_path / "districts", district_code="5013")
    _, sheets = read_back(tmp_path / "districts" / "OTOP-5013-256810.xlsx")
    wb = openpyxl.load_workbook(workbook.path, read_only=True)
    for sheet, district_rows in zip(spec.DATA_SHEETS, sheets, strict=True):
        width = len(sheet.columns)
        mine = [
            (*row[2:], *(None,) * (width - len(row[2:])))
            for row in wb[sheet.name].iter_rows(min_row=2, values_only=True)
            if row[0] == "5013"
        ]
        assert mine == district_rows, sheet.name
        assert all(
            row[1] == "สันกำแพง"
            for row in wb[sheet.name].iter_rows(min_row=2, values_only=True)
            if row[0] == "5013"
        )
    wb.close()


def test_no_formula_and_the_export_is_recorded(province, workbook) -> None:
    wb = openpyxl.load_workbook(workbook.path, read_only=True)
    cell = next(
        c for row in wb["ผู้ประกอบการ"].iter_rows(min_row=2) for c in row if c.value == INJECTED
    )
    wb.close()
    assert cell.data_type == "s"
    with zipfile.ZipFile(workbook.path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name)
    with province.read() as s:
        (record,) = s.scalars(select(ExportRecord).where(ExportRecord.kind == "province")).all()
    assert (record.kind, record.period, record.district_code) == ("province", OCT.key, None)
    assert record.personal_data and record.created_by == "ผู้รวบรวม"
    assert record.file_name == str(workbook.path.resolve())


def test_refused_on_a_district_register(register, tmp_path) -> None:
    with pytest.raises(UserError, match="province register only"):
        export_province(register, OCT, tmp_path / "p.xlsx")
    assert not (tmp_path / "p.xlsx").exists()
    with register.read() as s:
        assert s.scalars(select(ExportRecord)).all() == []


def test_command_line(province, register, tmp_path) -> None:
    from tests.test_submission_export import run

    db = province.engine.url.database
    ok = run("export", "province", "--db", db, "--period", "2568-10", "--out", tmp_path / "p.xlsx")
    assert ok.returncode == 0, ok.stderr
    assert "25 districts with data" in ok.stdout and (tmp_path / "p.xlsx").is_file()
    written = (tmp_path / "p.xlsx").read_bytes()
    again = ("export", "province", "--db", db, "--period", "2568-10", "--out", tmp_path / "p.xlsx")
    refused = run(*again)
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert str(tmp_path / "p.xlsx") in refused.stderr
    assert (tmp_path / "p.xlsx").read_bytes() == written
    replaced = run(*again, "--force")
    assert replaced.returncode == 0, replaced.stderr
    # The register itself is never an output, with --force or without.
    over = run("export", "province", "--db", db, "--period", "2568-10", "--out", db, "--force")
    assert over.returncode == 2 and "open register" in over.stderr
    district_db = register.engine.url.database
    refused = run(
        "export", "province", "--db", district_db, "--period", "2568-10", "--out", tmp_path
    )
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
