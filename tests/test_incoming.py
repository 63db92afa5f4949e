"""Incoming files checked and read by ``otop_desktop.incoming`` (issue 14): the structure read
by an XML parser through the workbook's relationships, limits kept while a sheet streams,
characters a reader cannot see refused with the cell named, and whole, clear messages for
files of another kind. Each file is a real workbook written by the program (or openpyxl)
and then changed at the zip or XML level the way the case describes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from otop_desktop.errors import UserError
from otop_desktop.incoming.checks import MAIN_NS, UnsafeFile
from otop_desktop.incoming.limits import LEGACY, SUBMISSION
from otop_desktop.legacy.reading import read_workbook as read_old_spreadsheet
from otop_desktop.submission import spec
from otop_desktop.submission.province_import import import_submissions
from otop_desktop.submission.workbook_reading import RejectedFile, read_workbook
from otop_desktop.submission.workbook_records import check_submission
from tests.data.legacy.files import good_rows, write_csv, write_xls, write_xlsx
from tests.submission_files import (
    OCT,
    district_register,
    edited,
    export,
    inflated_text,
    many_rows,
    meta_row,
    part,
    renamed_part,
    set_meta,
    with_part,
)
from tests.test_submission_safety import BILLION_LAUGHS

META_PART = "xl/worksheets/sheet1.xml"  # the sheets' order is the spec's
ENTREPRENEURS_PART = "xl/worksheets/sheet3.xml"
SUPPORT_PART = "xl/worksheets/sheet7.xml"
ODD_PART = "xl/odd/part-of-support.bin"
MERGE_IN_SINGLE_QUOTES = b"</sheetData><mergeCells count='1'><mergeCell ref='C2:C3'/></mergeCells>"
MERGED_SUPPORT = (
    f"sheet “{spec.SUPPORT.name}”: cells C2:C3 are merged; data sheets must have no merged cells"
)


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    with district_register(folder) as register:
        return export(register, OCT, folder / "out")


def reasons_en(path: Path) -> list[str]:
    with pytest.raises(RejectedFile) as caught:
        read_workbook(path)
    return [r.text_en for r in caught.value.reasons]


# --- structure, by the parser and the relationships ----------------------------------------


def test_a_merged_cell_written_in_single_quotes_is_found(good, tmp_path) -> None:
    xml = part(good, SUPPORT_PART).replace(b"</sheetData>", MERGE_IN_SINGLE_QUOTES)
    merged = with_part(good, tmp_path / "merged.xlsx", SUPPORT_PART, xml)
    assert reasons_en(merged) == [MERGED_SUPPORT]


def test_a_sheet_part_with_an_unusual_name_is_found_through_the_relationships(
    good, tmp_path
) -> None:
    renamed = renamed_part(good, tmp_path / "renamed.xlsx", SUPPORT_PART, ODD_PART)
    with zipfile.ZipFile(renamed) as archive:
        assert ODD_PART in archive.namelist()
    book = read_workbook(renamed)
    assert book.sheets[spec.SUPPORT.name].rows == read_workbook(good).sheets[spec.SUPPORT.name].rows

    xml = part(good, SUPPORT_PART).replace(b"</sheetData>", MERGE_IN_SINGLE_QUOTES)
    merged = renamed_part(good, tmp_path / "renamed-merged.xlsx", SUPPORT_PART, ODD_PART, xml)
    assert reasons_en(merged) == [MERGED_SUPPORT]


def test_an_entity_bomb_in_a_renamed_part_gets_a_whole_message(good, tmp_path) -> None:
    body = part(good, SUPPORT_PART)
    bomb = renamed_part(
        good, tmp_path / "laughs.xlsx", SUPPORT_PART, ODD_PART, BILLION_LAUGHS + body
    )
    with pytest.raises(UnsafeFile) as caught:
        read_workbook(bomb)
    assert caught.value.message_en == (
        f"laughs.xlsx: {ODD_PART} holds a DOCTYPE or ENTITY declaration, which Excel never "
        "writes (an XML bomb?)"
    )
    assert caught.value.message_th.startswith(f"laughs.xlsx: ส่วน {ODD_PART} มีการประกาศ DOCTYPE")


# --- limits, kept while streaming ----------------------------------------------------------


def test_a_million_rows_are_refused_at_the_row_over_the_limit(good, tmp_path) -> None:
    huge = many_rows(good, tmp_path / "million.xlsx", ENTREPRENEURS_PART, 1_000_000)
    last = reasons_en(huge)[-1]
    assert last == (
        f"sheet “{spec.ENTREPRENEURS.name}”, row {SUBMISSION.sheet_rows + 1}: the sheet has "
        f"over {SUBMISSION.sheet_rows:,} rows, the limit for an imported file"
    )


def test_a_sheet_whose_recorded_extent_passes_the_limit_is_refused_before_its_rows(
    good, tmp_path
) -> None:
    """Excel and openpyxl record a sheet's used range before its rows (``<dimension>``): one
    that says a million rows is refused at once, whatever rows follow (here, ten)."""
    saved = edited(good, lambda book: None, tmp_path / "saved.xlsx", seal=False)
    xml = part(saved, ENTREPRENEURS_PART)
    assert b'<dimension ref="A1:M3" />' in xml
    xml = xml.replace(b'<dimension ref="A1:M3" />', b'<dimension ref="A1:M1000003" />')
    huge = many_rows(
        with_part(saved, tmp_path / "extent.xlsx", ENTREPRENEURS_PART, xml),
        tmp_path / "claims-a-million.xlsx",
        ENTREPRENEURS_PART,
        10,
    )
    assert reasons_en(huge)[-1] == (
        f"sheet “{spec.ENTREPRENEURS.name}”, row 1000003: the sheet has over "
        f"{SUBMISSION.sheet_rows:,} rows, the limit for an imported file"
    )


def test_a_metadata_value_that_inflates_to_megabytes_is_refused_at_its_cell(good, tmp_path) -> None:
    district = str(read_workbook(good).meta["district_name"])
    size = 24 * 1024 * 1024
    inline = inflated_text(good, tmp_path / "inline.xlsx", META_PART, district, size)
    assert inline.stat().st_size < size / 100
    row = 4  # province_code, district_code, district_name
    expected = (
        f"sheet “{spec.META_SHEET}”, row {row}, column B: the cell's text is over "
        f"{SUBMISSION.cell_chars:,} characters (Excel's own limit)"
    )
    assert reasons_en(inline) == [expected]
    # The same value in the shared strings, where Excel writes text.
    shared = shared_string_meta(good, tmp_path / "shared.xlsx", district)
    assert read_workbook(shared).meta["district_name"] == district
    inflated = inflated_text(shared, tmp_path / "big.xlsx", "xl/sharedStrings.xml", district, size)
    assert reasons_en(inflated) == [expected]


def shared_string_meta(good: Path, target: Path, district: str) -> Path:
    """``good`` with the district's name as Excel writes text: in the shared strings."""
    cell = f'<c r="B4" t="inlineStr"><is><t>{district}</t></is></c>'.encode()
    meta = part(good, META_PART)
    assert cell in meta
    step = with_part(
        good,
        target.with_suffix(".1"),
        META_PART,
        meta.replace(cell, b'<c r="B4" t="s"><v>0</v></c>'),
    )
    sst = f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>{district}</t></si></sst>'
    step = with_part(step, target.with_suffix(".2"), "xl/sharedStrings.xml", sst.encode())
    rels = part(good, "xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdStrings" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    return with_part(step, target, "xl/_rels/workbook.xml.rels", rels)


# --- characters a reader cannot see -------------------------------------------------------


def _name(value: str):
    def edit(book) -> None:
        book[spec.ENTREPRENEURS.name].cell(2, 3).value = value

    return edit


def test_tab_cr_and_lf_in_a_text_cell_become_spaces(good, tmp_path) -> None:
    # A CR does not survive XML's line ends (a parser reads CR LF as LF), so none is written.
    path = edited(good, _name("กลุ่มทอผ้า\tฝ้าย\nบ่อสร้าง"), tmp_path / "tab.xlsx")
    submission = check_submission(read_workbook(path), "50")
    names = [e.name for e in submission.entrepreneurs]
    assert "กลุ่มทอผ้า ฝ้าย บ่อสร้าง" in names


@pytest.mark.parametrize("char", ["\u202e", "\u2066"])
def test_a_bidirectional_override_refuses_the_file_naming_the_cell(good, tmp_path, char) -> None:
    path = edited(good, _name(f"กลุ่ม{char}ทอผ้า"), tmp_path / "bidi.xlsx")
    (reason,) = reasons_en(path)
    code = f"U+{ord(char):04X}"
    header = spec.ENTREPRENEURS.columns[2].header
    assert reason.startswith(f"sheet “{spec.ENTREPRENEURS.name}”, row 2, column C ({header}): ")
    assert f"invisible control character ({code})" in reason


def test_an_escape_character_as_excel_writes_it_refuses_the_file(good, tmp_path) -> None:
    xml = part(good, ENTREPRENEURS_PART)
    name = "ร้านน้ำพริกแม่ศรี".encode()
    assert name in xml
    path = with_part(
        good,
        tmp_path / "esc.xlsx",
        ENTREPRENEURS_PART,
        xml.replace(name, "ร้านน้ำพริก_x001B_แม่ศรี".encode()),
    )
    (reason,) = reasons_en(path)
    assert "invisible control character (U+001B)" in reason
    assert reason.startswith(f"sheet “{spec.ENTREPRENEURS.name}”, row ")
    assert ", column C (" in reason


def test_old_spreadsheets_refuse_a_control_character_naming_the_cell(tmp_path) -> None:
    rows = good_rows()
    rows[3][0] = "กลุ่ม\x1bทอผ้า"
    with pytest.raises(UserError) as caught:
        read_old_spreadsheet(write_csv(tmp_path / "esc.csv", rows, "utf-8"))
    assert caught.value.message_en.startswith("esc.csv: sheet “esc”, row 8, column A: ")
    assert "(U+001B)" in caught.value.message_en
    rows[3][0] = "กลุ่ม\u202eทอผ้า"
    with pytest.raises(UserError) as caught:
        read_old_spreadsheet(write_xlsx(tmp_path / "bidi.xlsx", rows))
    assert "row 8, column A: " in caught.value.message_en
    assert "(U+202E)" in caught.value.message_en
    rows[3][0] = "กลุ่ม\tทอผ้า"
    book = read_old_spreadsheet(write_xls(tmp_path / "tab.xls", rows))
    assert book.sheets[0].rows[7][0] == "กลุ่ม ทอผ้า"


def test_old_spreadsheets_keep_the_same_limits(tmp_path) -> None:
    rows = good_rows()
    rows[3][0] = "ก" * (LEGACY.cell_chars + 1)
    with pytest.raises(UserError, match="row 8, column A: the cell's text is over 32,767"):
        read_old_spreadsheet(write_csv(tmp_path / "long.csv", rows, "utf-8"))


# --- messages ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["district_name", "rows_sales"])
def test_a_formula_in_a_metadata_cell_is_named_as_a_formula(good, tmp_path, key) -> None:
    row = meta_row(openpyxl.load_workbook(good), key)
    path = edited(good, lambda book: set_meta(book, key, "=1+1"), tmp_path / "f.xlsx", seal=False)
    with pytest.raises(RejectedFile) as caught:
        read_workbook(path)
    assert [(r.text_th, r.text_en) for r in caught.value.reasons] == [
        (
            f"ชีต “{spec.META_SHEET}” แถว {row} คอลัมน์ B: เป็นสูตร ซึ่งแบบฟอร์มส่งต้องไม่มี (พิมพ์เป็นค่า)",
            f"sheet “{spec.META_SHEET}”, row {row}, column B: the cell is a formula; a "
            "submission holds values only",
        )
    ]


def _ods(path: Path) -> Path:
    """A zip laid out as an OpenDocument spreadsheet is (its mimetype first, stored)."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", "<manifest:manifest/>", zipfile.ZIP_DEFLATED)
    return path


def test_an_ods_file_is_told_to_be_saved_as_xlsx(province_register, tmp_path) -> None:
    ods = _ods(tmp_path / "OTOP-5013-256810.ods")
    with pytest.raises(UnsafeFile) as caught:
        read_workbook(ods)
    assert caught.value.message_en == (
        "OTOP-5013-256810.ods: this is an OpenDocument spreadsheet (.ods), not an Excel "
        "workbook; this program reads only .xlsx workbooks: open it in Excel or LibreOffice "
        "and save it as an Excel Workbook (.xlsx)"
    )
    assert "บันทึกเป็น (Save As) แบบ Excel Workbook (.xlsx)" in caught.value.message_th
    (result,) = import_submissions(province_register, [ods])
    assert not result.accepted
    assert "save it as an Excel Workbook (.xlsx)" in result.reasons[0].text_en
    with pytest.raises(UserError, match=r"reads \.xlsx, \.xls or \.csv files: open it"):
        read_old_spreadsheet(ods)


def test_an_old_xls_sent_to_the_province_is_told_to_be_saved_as_xlsx(tmp_path) -> None:
    xls = write_xls(tmp_path / "OTOP-5013-256810.xls", good_rows())
    with pytest.raises(UnsafeFile) as caught:
        read_workbook(xls)
    assert caught.value.message_en.startswith(
        "OTOP-5013-256810.xls: this is an old Excel file (.xls); this program reads only "
        ".xlsx workbooks"
    )
    assert caught.value.message_en.endswith("save it as an Excel Workbook (.xlsx)")


def test_a_part_zipfile_cannot_open_refuses_the_file(good, tmp_path) -> None:
    """A part stored with a compression no reader knows (the zip's own directory says so)."""
    data = bytearray(good.read_bytes())
    name = META_PART.encode()
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if bytes(data[at + 46 : at + 46 + length]) == name:
            data[at + 10 : at + 12] = (99).to_bytes(2, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    odd = tmp_path / "odd.xlsx"
    odd.write_bytes(bytes(data))
    with pytest.raises(
        UnsafeFile,
        match=f"odd.xlsx: the file is damaged or has a password; {META_PART} cannot be opened",
    ):
        read_workbook(odd)
