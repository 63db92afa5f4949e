"""Old spreadsheets as clerks really keep them: without a producer-type, member-count or
category column, with registration dates missing or impossible, prices and counts written
the office way. Such rows go in incomplete (or are given a value for the whole column), are
listed to complete, held out of certificates and a month's submission, and completed
through the normal update services; truly wrong rows can be set aside to a file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.legacy import (
    RowsRefused,
    import_table,
    open_table,
    preview_table,
    suggest_mapping,
)
from otop_desktop.legacy.filling import check_fill, parse_fill_options
from otop_desktop.legacy.importing import REASONS_HEADING
from otop_desktop.models import Entrepreneur, Product
from otop_desktop.outputs import OutputExists
from otop_desktop.printing.print_data import chosen_ids
from otop_desktop.services.entrepreneurs import EntrepreneurInput, update_entrepreneur
from otop_desktop.services.incomplete import (
    IncompleteHeld,
    incomplete_with_sales,
    list_incomplete,
)
from otop_desktop.services.products import ProductInput, update_product
from otop_desktop.services.sales import SaleInput, set_month_sales
from otop_desktop.services.stats import register_stats
from otop_desktop.submission.export import export_monthly
from otop_desktop.thaiformat import Period, be_year
from otop_desktop.thaiid import make_thai_id
from tests.data.legacy.files import ID_A, ID_B, ID_C

# A register of single owners and groups as one office kept it: no producer-type, member-count
# or category column; prices and dates as typed.
SPARSE_HEADINGS = "ชื่อผู้ประกอบการ,เลขบัตรประชาชน,บ้านเลขที่,ตำบล,วันที่ลงทะเบียน,ชื่อผลิตภัณฑ์,ราคา"


PRICE_HEADINGS = [
    "ชื่อผู้ประกอบการ",
    "เลขบัตรประชาชน",
    "ประเภท",
    "บ้านเลขที่",
    "ตำบล",
    "วันที่ลงทะเบียน",
    "ชื่อผลิตภัณฑ์",
    "ประเภทผลิตภัณฑ์",
    "ราคา",
]


def sparse_csv(path: Path, rows: list[str], headings: str = SPARSE_HEADINGS) -> Path:
    path.write_text("\n".join([headings, *rows]) + "\n", encoding="utf-8")
    return path


def three_producers(tmp_path: Path) -> Path:
    return sparse_csv(
        tmp_path / "sparse.csv",
        [
            f'ร้านหนึ่ง,{ID_A},1,ทรายมูล,1/1/2560,น้ำพริกหนุ่ม,"1,250.-"',
            f"ร้านสอง,{ID_B},2,ทรายมูล,,แคบหมู,฿60",
            f"ร้านสาม,{ID_C},3,ทรายมูล,15/10/2530,ผ้าทอ,๓๕๐ บาท",
        ],
    )


def test_a_sheet_without_type_and_category_columns_goes_in_incomplete(
    register: Register, tmp_path: Path
) -> None:
    table = open_table(three_producers(tmp_path))
    mapping = suggest_mapping(table.headings)
    assert {"producer_type", "member_count", "category"}.isdisjoint(mapping)
    preview = preview_table(register, table, mapping)
    assert preview.ok, preview.problems
    assert preview.incomplete_count == 3
    assert preview.rows[0].lacking == {"producer_type": ""}
    assert preview.rows[0].product_lacking == {"category": ""}
    # A missing date is not made today's; one before 2544 B.E. is kept as the file had it.
    assert preview.rows[1].lacking == {"producer_type": "", "registered_on": ""}
    assert preview.rows[2].lacking == {"producer_type": "", "registered_on": "15/10/2530"}

    result = import_table(register, table, mapping)
    assert result.incomplete_count == 3
    this_year = be_year(date.today())
    assert [p.reg_no for p in result.producers] == [
        "5013-2560-0001",
        f"5013-{this_year}-0001",  # numbered in the year it came in
        f"5013-{this_year}-0002",
    ]
    with register.read() as session:
        people = session.scalars(select(Entrepreneur).order_by(Entrepreneur.id)).all()
        assert [(e.producer_type, e.registered_on) for e in people] == [
            (None, date(2017, 1, 1)),
            (None, None),
            (None, None),
        ]
        assert [p.price for p in session.scalars(select(Product).order_by(Product.id))] == [
            Decimal("1250.00"),
            Decimal("60.00"),
            Decimal("350.00"),
        ]
        figures = register_stats(session)
        assert (figures["incomplete_entrepreneurs"], figures["incomplete_products"]) == (3, 3)
        listed = list_incomplete(session)
    assert [r.reg_no for r in listed] == [p.reg_no for p in result.producers]
    th, en = listed[2].describe()
    assert en == (
        "producer type, registration date (the file had: 15/10/2530); "
        "product ผ้าทอ: product category"
    )
    assert th.startswith("ประเภทผู้ผลิต, วันที่ลงทะเบียน (ในไฟล์: 15/10/2530)")


def test_values_for_whole_columns_make_the_rows_complete(
    register: Register, tmp_path: Path
) -> None:
    table = open_table(three_producers(tmp_path))
    mapping = suggest_mapping(table.headings)
    fill = check_fill({"producer_type": "รายเดียว", "category": "อาหาร"}, mapping, "--fill")
    assert fill == {"producer_type": "รายเดียว", "category": "อาหาร"}
    preview = preview_table(register, table, mapping, fill=fill)
    assert "producer_type" in preview.fields and "category" in preview.fields
    assert preview.rows[0].values["producer_type"] == "2"
    assert not preview.rows[0].incomplete
    assert preview.rows[1].lacking == {"registered_on": ""}
    result = import_table(register, table, mapping, fill=fill)
    assert result.incomplete_count == 2
    with register.read() as session:
        first = session.scalars(select(Entrepreneur).where(Entrepreneur.national_id == ID_A)).one()
        assert (first.producer_type, first.missing, first.products[0].category) == (2, None, 1)


@pytest.mark.parametrize(
    ("fill", "message"),
    [
        ({"name": "x"}, "cannot be given for a whole column"),
        ({"registered_on": "1/1/2560"}, "read from the column"),
        ({"producer_type": "สหกรณ์"}, "Unknown producer type"),
        ({"category": ""}, "give a value"),
        ({"member_count": "1 คน"}, "from 2 to 100000"),
        ({"status": "ไม่ดำเนินการ"}, "Unknown status"),
        ([], "JSON object"),
    ],
)
def test_a_wrong_value_for_a_whole_column_is_named_before_any_row(
    tmp_path: Path, fill: object, message: str
) -> None:
    table = open_table(three_producers(tmp_path))
    with pytest.raises(UserError) as caught:
        check_fill(fill, suggest_mapping(table.headings), "--fill")
    assert message in caught.value.message_en
    assert caught.value.message_th.startswith("--fill: ")


def test_fill_options_are_field_equals_value() -> None:
    assert parse_fill_options(["producer_type=รายเดียว", " category = อาหาร "]) == {
        "producer_type": "รายเดียว",
        "category": "อาหาร",
    }
    with pytest.raises(UserError, match="FIELD=VALUE"):
        parse_fill_options(["producer_type"])


@pytest.mark.parametrize(
    "written",
    ["1,250", "1,250.-", "1,250 บาท", "฿1,250", "1250.00", "๑,๒๕๐", "1 250", "฿ 1,250.- ", 1250],
)
def test_prices_as_thai_offices_write_them(register: Register, tmp_path: Path, written) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(PRICE_HEADINGS)
    sheet.append(["ร้านหนึ่ง", ID_A, "2", "1", "ทรายมูล", "1/1/2560", "ผ้าทอ", "ผ้า", written])
    book.save(tmp_path / "p.xlsx")
    table = open_table(tmp_path / "p.xlsx")
    preview = preview_table(register, table, suggest_mapping(table.headings))
    assert preview.ok, preview.problems
    [row] = preview.rows
    assert row.product is not None and Decimal(str(row.product.price)) == Decimal(1250)


@pytest.mark.parametrize("written", ["12 คน", "12 ราย", "๑๒", "12", "12.0", "  12  คน"])
def test_member_counts_with_words(register: Register, tmp_path: Path, written: str) -> None:
    path = sparse_csv(
        tmp_path / "groups.csv",
        [f"กลุ่มหนึ่ง,{ID_A},1,ทรายมูล,1/1/2560,กลุ่มผู้ผลิตชุมชน,{written}"],
        "ชื่อผู้ประกอบการ,เลขบัตรประชาชน,บ้านเลขที่,ตำบล,วันที่ลงทะเบียน,ประเภท,จำนวนสมาชิก",
    )
    table = open_table(path)
    preview = preview_table(register, table, suggest_mapping(table.headings))
    assert preview.ok, preview.problems
    [row] = preview.rows
    assert row.values["member_count"] == "12" and not row.incomplete


def test_a_group_without_its_member_count_goes_in_incomplete(
    register: Register, tmp_path: Path
) -> None:
    path = sparse_csv(
        tmp_path / "groups.csv",
        [f"กลุ่มหนึ่ง,{ID_A},1,ทรายมูล,1/1/2560,กลุ่ม"],
        "ชื่อผู้ประกอบการ,เลขบัตรประชาชน,บ้านเลขที่,ตำบล,วันที่ลงทะเบียน,ประเภท",
    )
    table = open_table(path)
    [row] = preview_table(register, table, suggest_mapping(table.headings)).rows
    assert (row.ok, row.lacking) == (True, {"member_count": ""})


@pytest.mark.parametrize("written", ["", "1/1/2530", "1/1/2600", "1/1/2024"])
def test_registration_dates_that_make_no_sense_go_in_incomplete(
    register: Register, tmp_path: Path, written: str
) -> None:
    path = sparse_csv(
        tmp_path / "dates.csv",
        [f"ร้านหนึ่ง,{ID_A},1,ทรายมูล,{written},2"],
        "ชื่อผู้ประกอบการ,เลขบัตรประชาชน,บ้านเลขที่,ตำบล,วันที่ลงทะเบียน,ประเภท",
    )
    table = open_table(path)
    [row] = preview_table(register, table, suggest_mapping(table.headings)).rows
    assert row.ok, row.problems
    assert set(row.lacking) == {"registered_on"}


def _import_incomplete(register: Register, tmp_path: Path) -> None:
    table = open_table(three_producers(tmp_path))
    import_table(register, table, suggest_mapping(table.headings))


def _complete(data: Entrepreneur) -> EntrepreneurInput:
    return EntrepreneurInput(
        producer_type=2,
        name=data.name,
        national_id=data.national_id,
        subdistrict_code=data.subdistrict_code,
        contact_name=data.contact_name,
        house_no=data.house_no,
        registered_on=date(2019, 5, 1),
    )


def test_saving_through_the_update_services_completes_a_record(
    register: Register, tmp_path: Path
) -> None:
    _import_incomplete(register, tmp_path)
    with register.write() as session:
        record = session.scalars(select(Entrepreneur).where(Entrepreneur.national_id == ID_B)).one()
        # Saving with the detail still missing is refused, as for any record.
        with pytest.raises(UserError):
            update_entrepreneur(session, record.id, _bad(record))
    with register.write() as session:
        record = session.scalars(select(Entrepreneur).where(Entrepreneur.national_id == ID_B)).one()
        update_entrepreneur(session, record.id, _complete(record))
        product = record.products[0]
        update_product(session, product.id, ProductInput(product.name, 1, "60", "ถุง"))
    with register.read() as session:
        record = session.scalars(select(Entrepreneur).where(Entrepreneur.national_id == ID_B)).one()
        assert (record.missing, record.products[0].missing) == (None, None)
        assert record.registered_on == date(2019, 5, 1)
        assert [r.name for r in list_incomplete(session)] == ["ร้านหนึ่ง", "ร้านสาม"]
        figures = register_stats(session)
        assert (figures["incomplete_entrepreneurs"], figures["incomplete_products"]) == (2, 2)


def _bad(record: Entrepreneur) -> EntrepreneurInput:
    data = _complete(record)
    data.producer_type = None
    return data


def test_incomplete_records_are_held_out_of_certificates(
    register: Register, tmp_path: Path
) -> None:
    _import_incomplete(register, tmp_path)
    with register.write() as session:
        record = session.scalars(select(Entrepreneur).where(Entrepreneur.national_id == ID_B)).one()
        update_entrepreneur(session, record.id, _complete(record))
        complete_reg = record.reg_no
    with register.read() as session:
        # Every record: only the producer complete itself and in all its products.
        with pytest.raises(UserError, match="no active, complete records"):
            chosen_ids(session, [])
        first = list_incomplete(session)[0]
        with pytest.raises(IncompleteHeld) as caught:
            chosen_ids(session, [first.reg_no, complete_reg])
    assert f"{first.reg_no} ร้านหนึ่ง (lacks producer type; product น้ำพริกหนุ่ม" in (
        caught.value.message_en
    )


def test_a_month_with_sales_of_an_incomplete_record_is_named(
    register: Register, tmp_path: Path
) -> None:
    _import_incomplete(register, tmp_path)
    period = Period(2567, 1)
    with register.write() as session:
        first = session.scalars(select(Entrepreneur).where(Entrepreneur.national_id == ID_A)).one()
        set_month_sales(session, first.id, period, whole=SaleInput("100"))
    with register.read() as session:
        held = incomplete_with_sales(session, period)
        assert [r.name for r in held] == ["ร้านหนึ่ง"]
        assert incomplete_with_sales(session, Period(2567, 2)) == []
        assert incomplete_with_sales(session, period, district_code="5001") == []
    error = IncompleteHeld(held, "ส่งรายงานเดือนมกราคม 2567", "submit January 2567")
    assert error.message_en.startswith("Cannot submit January 2567: these records are incomplete")
    assert "ร้านหนึ่ง (lacks producer type" in error.message_en
    assert "ร้านหนึ่ง (ขาด ประเภทผู้ผลิต" in error.message_th


def _with_a_bad_row(tmp_path: Path) -> Path:
    good = make_thai_id("310050000009")
    bad_id = good[:-1] + str((int(good[-1]) + 1) % 10)  # a wrong check digit
    return sparse_csv(
        tmp_path / "mixed.csv",
        [
            f"ร้านหนึ่ง,{ID_A},1,ทรายมูล,1/1/2560,น้ำพริก,100",
            f"ร้านสอง,{bad_id},2,ทรายมูล,1/1/2560,แคบหมู,60",
            ",,,,,ไส้อั่ว,80",  # another product of ร้านสอง: refused with it
            f"ร้านสาม,{ID_C},3,บางรัก,1/1/2560,ผ้าทอ,350",
        ],
    )


def test_the_good_rows_go_in_and_the_refused_ones_to_a_file(
    register: Register, tmp_path: Path
) -> None:
    table = open_table(_with_a_bad_row(tmp_path))
    mapping = suggest_mapping(table.headings)
    with pytest.raises(RowsRefused):
        import_table(register, table, mapping)
    rejects = tmp_path / "refused.xlsx"
    result = import_table(register, table, mapping, rejects=rejects)
    assert [p.name for p in result.producers] == ["ร้านหนึ่ง"]
    assert [r.number for r in result.refused] == [3, 4, 5]
    assert result.rejects_file == rejects
    sheet = openpyxl.load_workbook(rejects).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == [*table.headings, REASONS_HEADING]
    assert [r[0] for r in rows[1:]] == ["ร้านสอง", None, "ร้านสาม"]
    assert "ID number" in rows[1][-1]
    assert "another row of this producer" in rows[2][-1]
    assert "No subdistrict called บางรัก" in rows[3][-1]

    # The file reads back with the same mapping, to be corrected and imported.
    again = open_table(rejects)
    assert suggest_mapping(again.headings) == mapping
    assert len(again.rows) == 3


def test_the_rejects_file_is_never_written_over(register: Register, tmp_path: Path) -> None:
    table = open_table(_with_a_bad_row(tmp_path))
    existing = tmp_path / "refused.xlsx"
    existing.write_bytes(b"the clerk's own file")
    with pytest.raises(OutputExists):
        import_table(register, table, suggest_mapping(table.headings), rejects=existing)
    assert existing.read_bytes() == b"the clerk's own file"
    with register.read() as session:
        assert session.scalars(select(Entrepreneur)).all() == []


def test_rejects_with_no_good_row_imports_nothing(register: Register, tmp_path: Path) -> None:
    path = sparse_csv(tmp_path / "bad.csv", [f"ร้านสาม,{ID_C},3,บางรัก,1/1/2560,ผ้าทอ,350"])
    table = open_table(path)
    with pytest.raises(RowsRefused):
        import_table(register, table, suggest_mapping(table.headings), rejects=tmp_path / "r.xlsx")
    assert not (tmp_path / "r.xlsx").exists()
    assert list(tmp_path.glob(".~*")) == []


def test_the_monthly_export_waits_for_an_incomplete_record_with_figures_and_leaves_out_others(
    register: Register, tmp_path: Path
) -> None:
    _import_incomplete(register, tmp_path)
    period = Period(2567, 1)
    with register.write() as session:
        first = session.scalars(select(Entrepreneur).where(Entrepreneur.national_id == ID_A)).one()
        set_month_sales(session, first.id, period, whole=SaleInput("100"))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(IncompleteHeld) as caught:
        export_monthly(register, period, out)
    assert "ร้านหนึ่ง (ขาด ประเภทผู้ผลิต" in caught.value.message_th
    assert list(out.iterdir()) == []
    # Another month: the incomplete producers are not in the workbook's register sheets.
    [result] = export_monthly(register, Period(2567, 2), out)
    book = openpyxl.load_workbook(result.path, read_only=True)
    names = {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row}
    book.close()
    assert "ร้านหนึ่ง" not in names
