"""Checking and importing the rows of a clerk's old spreadsheet: what is cleaned, each kind of
problem named by row and column, and all rows imported in one transaction or none."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from otop_desktop.database import Register
from otop_desktop.legacy import (
    Preview,
    RowsRefused,
    cleaning,
    import_table,
    open_table,
    preview_table,
    suggest_mapping,
)
from otop_desktop.models import Entrepreneur, Office, Product
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.thaiid import make_thai_id
from tests.conftest import person
from tests.data.legacy.files import (
    ID_A,
    ID_B,
    ID_C,
    good_rows,
    write_csv,
    write_xls,
    write_xlsx,
)

COLUMN = {
    "name": 1,
    "contact_name": 2,
    "national_id": 3,
    "producer_type": 4,
    "house_no": 5,
    "moo": 6,
    "subdistrict_code": 7,
    "phone": 8,
    "registered_on": 9,
    "product_name": 10,
    "category": 11,
    "price": 12,
    "unit": 13,
    "previous_reg_no": 14,
    "member_count": 15,
}


def check(register: Register, path: Path) -> Preview:
    table = open_table(path)
    return preview_table(register, table, suggest_mapping(table.headings))


def changed(row: int, field: str, value: object) -> list[list[object]]:
    rows = good_rows()
    rows[row][COLUMN[field]] = value
    return rows


def count(register: Register, model: type) -> int:
    with register.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize("kind", ["xlsx", "xls", "csv-cp874", "csv-utf8"])
def test_a_clean_sheet_is_cleaned_and_imported(register, tmp_path, kind) -> None:
    rows = good_rows(dates_as="excel" if kind.startswith("xls") else "text")
    path = {
        "xlsx": lambda: write_xlsx(tmp_path / "a.xlsx", rows),
        "xls": lambda: write_xls(tmp_path / "a.xls", rows),
        "csv-cp874": lambda: write_csv(tmp_path / "a.csv", rows, "cp874"),
        "csv-utf8": lambda: write_csv(tmp_path / "a.csv", rows, "utf-8-sig"),
    }[kind]()
    preview = check(register, path)
    assert preview.problems == []
    assert [r.number for r in preview.rows] == [5, 6, 7, 8]
    assert [(s.row, s.reason_en) for s in preview.skipped] == [(9, "blank row"), (10, "total row")]
    assert (preview.producer_count, preview.product_count) == (3, 4)

    table = open_table(path)
    result = import_table(register, table, suggest_mapping(table.headings))
    assert [(p.row, p.reg_no, p.previous_reg_no, p.products) for p in result.producers] == [
        (5, "5013-2566-0001", "สก.001/2550", 2),
        (7, "5013-2567-0001", "", 1),
        (8, "5013-2567-0002", "สก.120/2560", 1),
    ]
    with register.read() as session:
        people = {e.national_id: e for e in session.scalars(select(Entrepreneur))}
        group, shop, sme = people[ID_A], people[ID_B], people[ID_C]
        assert (group.producer_type, group.member_count, group.moo) == (1, 25, 3)
        assert (group.subdistrict_code, group.phone) == ("501302", "0812345678")
        assert group.contact_name == "นางแก้ว ใจดี"
        assert group.registered_on == date(2023, 10, 15)
        assert [p.name for p in group.products] == ["ผ้าทอลายดอกพิกุล", "ผ้าพันคอ"]
        assert [p.category for p in group.products] == [3, 3]
        assert group.products[0].price == Decimal("1250.00")
        assert shop.name == "ร้านน้ำพริกป้าศรี"  # zero-width and trailing spaces gone
        assert (shop.producer_type, shop.moo, shop.phone) == (2, 4, "0891234567")
        assert (shop.subdistrict_code, shop.registered_on) == ("501313", date(2024, 1, 15))
        assert shop.products[0].price == Decimal("80.00")
        assert (sme.producer_type, sme.products[0].category) == (3, 4)
        assert sme.previous_reg_no == "สก.120/2560"


def test_excel_dates_with_a_buddhist_year_and_numbers_for_text(register, tmp_path) -> None:
    rows = good_rows(dates_as="excel")
    rows[0][COLUMN["registered_on"]] = date(2566, 10, 15)  # 15/10/2566 typed into a date cell
    rows[3][COLUMN["national_id"]] = int(ID_C)
    rows[3][COLUMN["phone"]] = 53331234  # the leading 0 lost to a number format
    rows[3][COLUMN["house_no"]] = 99
    rows[3][COLUMN["price"]] = 450.5
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    preview = check(register, path)
    assert preview.problems == []
    sme = preview.rows[3]
    assert sme.entrepreneur is not None and sme.product is not None
    assert sme.entrepreneur.phone == "053331234"
    assert sme.product.price == "450.5"
    assert preview.rows[0].values["registered_on"] == "15/10/2566"


@pytest.mark.parametrize(
    ("row", "field", "value", "message"),
    [
        (0, "national_id", "3-1005-00000-01-0", "not valid"),
        (0, "national_id", "3.10050E+12", "rounded number"),
        (0, "national_id", "", "ID number is required"),
        (2, "subdistrict_code", "ทรายมูลล", "No subdistrict called ทรายมูลล"),
        (2, "subdistrict_code", "510101", "not in this office's district"),
        (0, "producer_type", "สหกรณ์", "Unknown producer type"),
        (0, "member_count", "1", "from 2 to 100000"),
        (2, "moo", "หมู่ ๑๒๓", "from 1 to 99"),
        (2, "phone", "1234", "start with 0"),
        (3, "category", "เครื่องจักร", "Unknown product category"),
        (3, "price", "สี่ร้อย", "must be a number"),
        (3, "price", "-5", "negative"),
        (3, "name", "", "name is required"),
    ],
)
def test_each_problem_is_named_by_row_and_column(
    register, tmp_path, row, field, value, message
) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", changed(row, field, value))
    preview = check(register, path)
    assert not preview.ok
    [problem] = preview.problems
    assert problem.row == 5 + row
    assert problem.field == field
    assert problem.heading == open_table(path).headings[COLUMN[field]]
    assert message in problem.message_en
    assert problem.message_th


def test_province_register_matches_names_across_its_districts(province_register, tmp_path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", good_rows())
    preview = check(province_register, path)
    [problem] = preview.problems
    # สันกลาง is a subdistrict of both San Pa Tong (5012) and San Kamphaeng (5013).
    assert (problem.row, problem.field) == (7, "subdistrict_code")
    assert "501202, 501313" in problem.message_en
    assert preview.rows[0].values["subdistrict_code"] == "501302"


def test_duplicates_within_the_file(register, tmp_path) -> None:
    rows = good_rows()
    again = list(rows[2])
    again[COLUMN["name"]] = "ร้านน้ำพริกป้าสี"  # same ID, another name
    again[COLUMN["product_name"]] = "แคบหมู"
    same_product = list(rows[3])
    same_product[COLUMN["product_name"]] = " ร่มกระดาษสา "
    path = write_xlsx(tmp_path / "a.xlsx", [*rows, again, same_product])
    preview = check(register, path)
    found = {(p.row, p.field): p.message_en for p in preview.problems}
    assert set(found) == {(9, "name"), (10, "product_name")}
    assert "Differs from row 7" in found[(9, "name")]
    assert "listed twice" in found[(10, "product_name")]
    # Rows of a producer's ID after its first are its products, not producers of their own.
    assert preview.rows[4].producer_row == 7 and preview.rows[4].entrepreneur is None


def test_a_producer_already_in_the_register(register, tmp_path) -> None:
    with register.write() as session:
        create_entrepreneur(session, person(national_id=ID_B, name="ป้าศรีเดิม"))
    preview = check(register, write_xlsx(tmp_path / "a.xlsx", good_rows()))
    [problem] = preview.problems
    assert (problem.row, problem.field) == (7, "national_id")
    assert "5013-2567-0001 ป้าศรีเดิม" in problem.message_en


def test_products_of_one_producer_on_rows_apart(register, tmp_path) -> None:
    rows = good_rows()
    later = ["9", "", "", ID_A, "", "", "", "", "", "", "ผ้าคลุมไหล่", "ผ้า", "500", "ผืน", "", ""]
    path = write_xlsx(tmp_path / "a.xlsx", [*rows, later])
    table = open_table(path)
    result = import_table(register, table, suggest_mapping(table.headings))
    assert [p.products for p in result.producers] == [3, 1, 1]
    with register.read() as session:
        group = session.scalars(select(Entrepreneur).where(Entrepreneur.national_id == ID_A)).one()
        assert [p.code for p in group.products] == [
            "5013-2566-0001-P01",
            "5013-2566-0001-P02",
            "5013-2566-0001-P03",
        ]


def test_one_bad_row_and_nothing_is_written(register, tmp_path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", changed(3, "price", "abc"))
    table = open_table(path)
    with pytest.raises(RowsRefused) as caught:
        import_table(register, table, suggest_mapping(table.headings))
    assert [(p.row, p.field) for p in caught.value.problems] == [(8, "price")]
    assert "nothing was imported" in caught.value.message_en
    assert count(register, Entrepreneur) == count(register, Product) == 0
    # No registration number was used up by the refused import.
    good = write_xlsx(tmp_path / "b.xlsx", good_rows())
    table = open_table(good)
    result = import_table(register, table, suggest_mapping(table.headings))
    assert result.producers[0].reg_no == "5013-2566-0001"


def test_importing_the_same_file_twice_is_refused(register, tmp_path) -> None:
    table = open_table(write_xlsx(tmp_path / "a.xlsx", good_rows()))
    mapping = suggest_mapping(table.headings)
    import_table(register, table, mapping)
    with pytest.raises(RowsRefused) as caught:
        import_table(register, table, mapping)
    assert {p.row for p in caught.value.problems} == {5, 7, 8}
    assert count(register, Entrepreneur) == 3


def test_a_cancelled_import_writes_nothing(register, tmp_path) -> None:
    table = open_table(write_xlsx(tmp_path / "a.xlsx", good_rows()))

    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done > total // 2 + 1:  # half-way through the writing
            raise Stop

    with pytest.raises(Stop):
        import_table(register, table, suggest_mapping(table.headings), progress)
    assert count(register, Entrepreneur) == 0


def test_no_data_rows(register, tmp_path) -> None:
    table = open_table(write_xlsx(tmp_path / "a.xlsx", []))
    with pytest.raises(RowsRefused, match="No data rows below heading row 4"):
        import_table(register, table, suggest_mapping(table.headings))


def test_a_sheet_without_a_contact_column(register, tmp_path) -> None:
    path = tmp_path / "owners.csv"
    path.write_text(
        f"ชื่อ-สกุล,เลขประจำตัวประชาชน,ประเภท,บ้านเลขที่,ม.,ต.\nนายมั่น ขยัน,{ID_A},2,1,2,ออนใต้\n",
        encoding="utf-8",
    )
    table = open_table(path)
    mapping = suggest_mapping(table.headings)
    assert mapping["name"] == "ชื่อ-สกุล" and "contact_name" not in mapping
    result = import_table(register, table, mapping)
    with register.read() as session:
        owner = session.scalars(select(Entrepreneur)).one()
        assert owner.contact_name == owner.name == "นายมั่น ขยัน"
        assert owner.subdistrict_code == "501306"
    assert result.product_count == 0


def _one_column_addresses(tmp_path: Path, *addresses: str) -> Path:
    path = tmp_path / "addresses.csv"
    lines = ["ชื่อผู้ประกอบการ,เลขบัตรประชาชน,ประเภท,ที่อยู่"]
    ids = (ID_A, ID_B, ID_C)
    lines += [f"ร้านที่ {n},{ids[n]},2,{a}" for n, a in enumerate(addresses)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_address_in_one_column_fills_house_number_moo_and_subdistrict(
    register, tmp_path
) -> None:
    path = _one_column_addresses(
        tmp_path,
        "เลขที่ ๑๒/๓ หมู่ที่ ๔ ต.ทรายมูล อ.สันกำแพง จ.เชียงใหม่ ๕๐๑๓๐",
        "45 ม.2 ตำบลออนใต้",
        # No ต.: the word that is one of the district's subdistricts is the one; the
        # district's own name, after อ., is not taken for ต.สันกำแพง.
        "7 หมู่ 1 บ้านสันโค้ง แช่ช้าง อ.สันกำแพง",
    )
    table = open_table(path)
    mapping = suggest_mapping(table.headings)
    assert mapping["address"] == "ที่อยู่"
    preview = preview_table(register, table, mapping)
    assert preview.fields == [
        "name",
        "national_id",
        "producer_type",
        "address",
        "house_no",
        "moo",
        "subdistrict_code",
    ]
    assert [
        (r.values["house_no"], r.values["moo"], r.values["subdistrict_code"]) for r in preview.rows
    ] == [
        ("12/3", "4", "501302"),
        ("45", "2", "501306"),
        ("7", "1", "501305"),
    ]
    assert preview.ok, preview.problems
    import_table(register, table, mapping)
    with register.read() as session:
        places = session.execute(
            select(Entrepreneur.house_no, Entrepreneur.moo, Entrepreneur.subdistrict_code).order_by(
                Entrepreneur.id
            )
        ).all()
    assert places == [("12/3", 4, "501302"), ("45", 2, "501306"), ("7", 1, "501305")]


def test_a_part_missing_from_an_address_is_named_by_the_address_column(register, tmp_path) -> None:
    preview = check(register, _one_column_addresses(tmp_path, "หมู่ 3 ต.ทรายมูล", "9 หมู่ 2 ต.บางรัก"))
    first, second = preview.rows
    assert [(p.field, p.heading) for p in first.problems] == [("house_no", "ที่อยู่")]
    assert [(p.field, p.heading, p.message_th) for p in second.problems] == [
        ("subdistrict_code", "ที่อยู่", "ไม่พบตำบลชื่อ บางรัก ในอำเภอสันกำแพง")
    ]


def test_columns_of_their_own_win_over_the_address(register, tmp_path) -> None:
    path = tmp_path / "both.csv"
    path.write_text(
        f"ชื่อผู้ประกอบการ,เลขบัตรประชาชน,ประเภท,ที่อยู่,ตำบล\nร้านหนึ่ง,{ID_A},1,12 หมู่ 4 ต.ทรายมูล,ออนใต้\n",
        encoding="utf-8",
    )
    preview = check(register, path)
    assert preview.fields[-4:] == ["address", "house_no", "moo", "subdistrict_code"]
    row = preview.rows[0]
    assert (row.values["house_no"], row.values["moo"], row.values["subdistrict_code"]) == (
        "12",
        "4",
        "501306",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("บ้านเลขที่ 99 ม.1 ถ.เชียงใหม่-สันกำแพง ต.ต้นเปา", ("99", "1", "ต้นเปา")),
        ("5 หมู่ 2 บ้านแปะ อ.จอมทอง", ("5", "2", "บ้านแปะ")),  # ต.บ้านแปะ, with no ต.
        ("5 หมู่ 2 บ้านสันโค้ง ข่วงเปา", ("5", "2", "ข่วงเปา")),  # a village, then the ตำบล
        ("12-14 ซ.3 แขวงบางรัก", ("12-14", "", "บางรัก")),
        ("หมู่ 7", ("", "7", "")),
    ],
)
def test_the_parts_of_an_address_written_in_one_cell(text, expected) -> None:
    office = Office(kind="district", province_code="50", district_code="5002", name="")
    parts = cleaning.address(text, office)
    assert (parts.house_no, parts.moo, parts.subdistrict) == expected


def test_a_status_column_with_its_reason_and_date(register, tmp_path) -> None:
    path = tmp_path / "statuses.csv"
    ids = [make_thai_id(f"31005000001{n}") for n in range(5)]
    path.write_text(
        "ชื่อผู้ประกอบการ,เลขบัตรประชาชน,ประเภท,บ้านเลขที่,ตำบล,วันที่ลงทะเบียน,สถานะ,เหตุผล,"
        "วันที่เลิกกิจการ\n"
        f"ร้านหนึ่ง,{ids[0]},2,1,ทรายมูล,1/1/2560,ดำเนินการ,,\n"
        f"ร้านสอง,{ids[1]},2,2,ทรายมูล,1/1/2560,เลิกกิจการแล้ว,ย้ายไปต่างจังหวัด,1 มิ.ย. 2567\n"
        f"ร้านสาม,{ids[2]},2,3,ทรายมูล,1/1/2560,หยุดชั่วคราว,ผู้ประกอบการป่วย,๑๕/๐๘/๒๕๖๗\n"
        f"ร้านสี่,{ids[3]},2,4,ทรายมูล,1/1/2560,,,\n"
        f"ร้านห้า,{ids[4]},2,5,ทรายมูล,1/1/2560,Closed,,\n",
        encoding="utf-8",
    )
    preview = check(register, path)
    assert [r.values["status"] for r in preview.rows] == [
        "active",
        "closed",
        "suspended",
        "",  # blank: still running
        "closed",
    ]
    assert preview.rows[3].entrepreneur is not None
    assert preview.rows[3].entrepreneur.status == "active"
    assert preview.rows[1].values["status_date"] == "01/06/2567"
    # A closed business without its reason and date: both named, by their own columns.
    assert [(p.field, p.heading) for p in preview.rows[4].problems] == [
        ("status_reason", "เหตุผล"),
        ("status_date", "วันที่เลิกกิจการ"),
    ]
    assert [r.ok for r in preview.rows[:4]] == [True] * 4


def test_a_status_that_says_only_not_running_is_not_guessed(register, tmp_path) -> None:
    path = tmp_path / "status.csv"
    path.write_text(
        "ชื่อผู้ประกอบการ,เลขบัตรประชาชน,ประเภท,บ้านเลขที่,ตำบล,สถานะ\n"
        f"ร้านหนึ่ง,{ID_A},2,1,ทรายมูล,ไม่ดำเนินการ\n",
        encoding="utf-8",
    )
    [row] = check(register, path).rows
    problems = [(p.field, p.heading) for p in row.problems]
    assert ("status", "สถานะ") in problems
    # Without columns of their own, the reason and date are named by the status column.
    table = open_table(path)
    assert all(p.heading == "สถานะ" for p in row.problems if p.field.startswith("status"))
    assert table.headings[-1] == "สถานะ"


def test_a_soft_power_column(register, tmp_path) -> None:
    path = tmp_path / "soft.csv"
    path.write_text(
        "ชื่อผู้ประกอบการ,เลขบัตรประชาชน,ประเภท,บ้านเลขที่,ตำบล,ชื่อผลิตภัณฑ์,ประเภทผลิตภัณฑ์,"
        "สาขา Soft Power\n"
        f"ร้านหนึ่ง,{ID_A},2,1,ทรายมูล,น้ำพริกหนุ่ม,อาหาร,อาหาร\n"
        ",,,,,ผ้าซิ่น,ผ้า,Fashion\n"
        ",,,,,ตะกร้าไม้ไผ่,ของใช้,\n"
        ",,,,,ซึง,ของใช้,ดนตรี\n",
        encoding="utf-8",
    )
    preview = check(register, path)
    assert preview.mapping["soft_power"] == "สาขา Soft Power"
    assert [r.values["soft_power"] for r in preview.rows] == ["Food", "Fashion", "", "ดนตรี"]
    [problem] = preview.problems
    assert (problem.row, problem.field, problem.heading) == (5, "soft_power", "สาขา Soft Power")
