"""Reading clerks' old spreadsheets: each format and encoding, title rows above the headings,
the mapping suggested from Thai and English headings, and files that cannot be read."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from otop_desktop.errors import UserError
from otop_desktop.incoming.limits import LEGACY
from otop_desktop.legacy import (
    check_mapping,
    load_mapping,
    mapping_json,
    open_table,
    suggest_mapping,
)
from otop_desktop.legacy.headings import heading_key
from otop_desktop.legacy.reading import read_workbook
from tests.data.legacy.files import (
    HEADINGS,
    ID_C,
    good_rows,
    write_csv,
    write_xls,
    write_xlsx,
)

EXPECTED_MAPPING = {
    "name": "ชื่อกลุ่ม/ผู้ประกอบการ",
    "contact_name": "ชื่อ-สกุล",
    "national_id": "เลขบัตรประชาชน",
    "producer_type": "ประเภท",
    "house_no": "บ้านเลขที่",
    "moo": "หมู่ที่",
    "subdistrict_code": "ตำบล",
    "phone": "โทร",
    "member_count": "จำนวนสมาชิก",
    "registered_on": "วันที่ลงทะเบียน",
    "previous_reg_no": "เลขทะเบียนเดิม",
    "product_name": "ชื่อผลิตภัณฑ์",
    "category": "ประเภทผลิตภัณฑ์",
    "price": "ราคา (บาท)",
    "unit": "หน่วย",
}


def _writers(tmp_path: Path) -> dict[str, Path]:
    rows = good_rows()
    return {
        "xlsx": write_xlsx(tmp_path / "old.xlsx", rows),
        "xls": write_xls(tmp_path / "old.xls", rows),
        "utf-8": write_csv(tmp_path / "utf8.csv", rows, "utf-8"),
        "utf-8-bom": write_csv(tmp_path / "bom.csv", rows, "utf-8-sig"),
        "cp874": write_csv(tmp_path / "thai.csv", rows, "cp874"),
        "tis-620": write_csv(tmp_path / "tis.csv", rows, "tis-620"),
        "utf-16": write_csv(tmp_path / "u16.txt", rows, "utf-16", delimiter="\t"),
        "semicolons": write_csv(tmp_path / "semi.csv", rows, "utf-8", delimiter=";"),
    }


@pytest.mark.parametrize(
    "kind", ["xlsx", "xls", "utf-8", "utf-8-bom", "cp874", "tis-620", "utf-16", "semicolons"]
)
def test_each_format_finds_the_headings_below_the_title(tmp_path, kind) -> None:
    table = open_table(_writers(tmp_path)[kind])
    assert table.heading_row == 4
    assert table.headings == HEADINGS
    assert suggest_mapping(table.headings) == EXPECTED_MAPPING
    names = [row[1] for _, row in table.rows if row and len(row) > 1]
    assert "กลุ่มทอผ้าบ้านป่าตาล" in names
    assert any(isinstance(n, str) and n.startswith("ร้านน้ำพริก") for n in names)
    # Row numbers are the spreadsheet's own: the first data row is row 5.
    assert table.rows[0][0] == 5


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp874", "cp874"), ("tis-620", "cp874")],
)
def test_the_encoding_is_detected_not_asked(tmp_path, encoding, detected) -> None:
    path = write_csv(tmp_path / "x.csv", good_rows(), encoding)
    workbook = read_workbook(path)
    assert workbook.encoding == detected
    assert workbook.sheets[0].rows[0][0] == "ทะเบียนผู้ประกอบการ OTOP อำเภอสันกำแพง จังหวัดเชียงใหม่"


def test_excel_cells_keep_their_types(tmp_path) -> None:
    rows = good_rows(dates_as="excel")
    rows[3][3] = int(ID_C)  # an ID typed as a number
    for path in (write_xlsx(tmp_path / "d.xlsx", rows), write_xls(tmp_path / "d.xls", rows)):
        table = open_table(path)
        first = table.rows[0][1]
        assert first[9] == date(2023, 10, 15), path
        assert table.rows[3][1][3] == int(ID_C), path


def test_the_sheet_holding_the_register_is_chosen(tmp_path) -> None:
    path = write_xlsx(tmp_path / "two.xlsx", good_rows(), sheet="ข้อมูล")
    book = openpyxl.load_workbook(path)
    cover = book.create_sheet("ปก", 0)
    cover.append(["รายงานประจำปี"])
    cover.append(["หน้า", "1"])
    book.save(path)
    table = open_table(path)
    assert table.sheet == "ข้อมูล"


def test_renamed_files_are_read_by_their_content(tmp_path) -> None:
    real = write_xlsx(tmp_path / "a.xlsx", good_rows())
    renamed = tmp_path / "a.xls"
    renamed.write_bytes(real.read_bytes())
    assert open_table(renamed).headings == HEADINGS


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (["ชื่อ-สกุล", "เลขประจำตัวประชาชน"], {"name": "ชื่อ-สกุล", "national_id": "เลขประจำตัวประชาชน"}),
        (["ชื่อผู้ประกอบการ", "ชื่อ - นามสกุล"], {"name": "ชื่อผู้ประกอบการ", "contact_name": "ชื่อ - นามสกุล"}),
        (["ม.", "ต.", "โทรศัพท์"], {"moo": "ม.", "subdistrict_code": "ต.", "phone": "โทรศัพท์"}),
        (
            ["หมู่", "รหัสตำบล", "เบอร์โทร"],
            {"moo": "หมู่", "subdistrict_code": "รหัสตำบล", "phone": "เบอร์โทร"},
        ),
        (["ราคาต่อหน่วย", "หน่วยนับ"], {"price": "ราคาต่อหน่วย", "unit": "หน่วยนับ"}),
        (
            ["Name", "Citizen ID", "Phone", "Product name", "Category", "Unit price", "Unit"],
            {
                "name": "Name",
                "national_id": "Citizen ID",
                "phone": "Phone",
                "product_name": "Product name",
                "category": "Category",
                "price": "Unit price",
                "unit": "Unit",
            },
        ),
        (
            ["Registration No.", "Date registered", "Sub-district", "Moo", "House No."],
            {
                "previous_reg_no": "Registration No.",
                "registered_on": "Date registered",
                "subdistrict_code": "Sub-district",
                "moo": "Moo",
                "house_no": "House No.",
            },
        ),
        (["ที่อยู่", "ที่อยู่เลขที่", "Address"], {"address": "ที่อยู่", "house_no": "ที่อยู่เลขที่"}),
        (
            ["สถานะ", "เหตุผล", "วันที่เลิกกิจการ", "วันที่ลงทะเบียน"],
            {
                "status": "สถานะ",
                "status_reason": "เหตุผล",
                "status_date": "วันที่เลิกกิจการ",
                "registered_on": "วันที่ลงทะเบียน",
            },
        ),
        (["หมายเหตุ", "ลำดับ", "อีเมล"], {}),
    ],
)
def test_mapping_is_suggested_from_thai_and_english_headings(headings, expected) -> None:
    assert suggest_mapping(headings) == expected


def test_heading_keys_ignore_asides_and_punctuation() -> None:
    assert heading_key("  เลขประจำตัวประชาชน (13 หลัก) ") == "เลขประจำตัวประชาชน"
    assert heading_key("ชื่อ - สกุล") == "ชื่อสกุล"
    assert heading_key("โทร.\u200b") == "โทร"


def test_unknown_headings_still_make_a_table(tmp_path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("รายชื่อ\nคอลัมน์หนึ่ง,อะไร,,อะไร\na,b,,d\n", encoding="utf-8")
    table = open_table(path)
    assert table.heading_row == 2
    # Empty and repeated headings get names of their own, so a mapping can name each column.
    assert table.headings == ["คอลัมน์หนึ่ง", "อะไร", "คอลัมน์ C", "อะไร (2)"]
    assert suggest_mapping(table.headings) == {}


def test_a_mapping_round_trips_through_json(tmp_path) -> None:
    table = open_table(write_xlsx(tmp_path / "a.xlsx", good_rows()))
    mapping = suggest_mapping(table.headings)
    saved = tmp_path / "m.json"
    saved.write_text(mapping_json(mapping), encoding="utf-8")
    assert load_mapping(saved, table) == mapping
    changed = {**mapping, "phone": None, "contact_name": "ลำดับ"}
    assert check_mapping(changed, table, "x")["contact_name"] == "ลำดับ"
    assert "phone" not in check_mapping(changed, table, "x")


@pytest.mark.parametrize(
    ("mapping", "words"),
    [
        (["name"], ("JSON",)),
        ({"nickname": "ชื่อ-สกุล"}, ("nickname",)),
        ({"name": "ไม่มีคอลัมน์นี้"}, ("ไม่มีคอลัมน์นี้", "sheet", "heading row 4")),
        ({"name": "ชื่อ-สกุล", "contact_name": "ชื่อ-สกุล"}, ("more than one field",)),
    ],
)
def test_a_bad_mapping_is_refused_with_its_reason(tmp_path, mapping, words) -> None:
    table = open_table(write_xlsx(tmp_path / "a.xlsx", good_rows()))
    with pytest.raises(UserError) as caught:
        check_mapping(mapping, table, "m.json")
    for word in words:
        assert word in caught.value.message_en


def test_a_mapping_file_that_is_not_json(tmp_path) -> None:
    table = open_table(write_xlsx(tmp_path / "a.xlsx", good_rows()))
    bad = tmp_path / "m.json"
    bad.write_text("{name: ", encoding="utf-8")
    with pytest.raises(UserError, match="not valid JSON"):
        load_mapping(bad, table)
    assert json.loads(mapping_json({"name": "ชื่อ"})) == {"name": "ชื่อ"}


def _file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (2 * 1024 * 1024))
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p / "missing.xlsx", ("missing.xlsx", "no such file")),
        (lambda p: _file(p / "empty.csv", b""), ("holds no data",)),
        (
            lambda p: _file(p / "text.xlsx", b"not a workbook"),
            ("text.xlsx", "not an Excel file"),
        ),
        (
            lambda p: _file(p / "cut.xlsx", b"PK\x03\x04" + b"\0" * 50),
            ("cut.xlsx", "damaged"),
        ),
        (
            lambda p: _file(p / "cut.xls", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600),
            ("cut.xls", "damaged"),
        ),
        (
            lambda p: _file(p / "bin.csv", b"\x00\x01\x02" * 100),
            ("bin.csv", "neither"),
        ),
        (
            lambda p: _file(p / "bad.csv", b"\x81\xdb\xfc,\xff\n"),
            ("bad.csv", "encoding"),
        ),
    ],
)
def test_files_that_cannot_be_read_say_which_and_why(tmp_path, make, words) -> None:
    with pytest.raises(UserError) as caught:
        open_table(make(tmp_path))
    for word in words:
        assert word in caught.value.message_en
    assert caught.value.message_th


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path) -> None:
    with pytest.raises(UserError, match="a zip bomb"):
        open_table(_zip_bomb(tmp_path / "bomb.xlsx"))


def test_a_huge_sheet_is_refused(tmp_path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", good_rows())
    with pytest.raises(UserError, match="over 5 rows"):
        read_workbook(path, replace(LEGACY, sheet_rows=5))
