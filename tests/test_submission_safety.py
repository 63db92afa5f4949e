"""Hostile and broken files: each is refused with a clear message before anything is stored —
not a workbook, a corrupt or lying zip, zip bombs, XML bombs, deep nesting, other encodings —
by the checks of ``otop_desktop.incoming`` that every incoming workbook goes through."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from otop_desktop.incoming.checks import MAX_DEPTH, UnsafeFile, check_xlsx
from otop_desktop.incoming.limits import SUBMISSION
from otop_desktop.models import Entrepreneur, ReceivedSubmission
from otop_desktop.submission import spec
from otop_desktop.submission.province_import import import_submissions
from otop_desktop.submission.workbook_reading import RejectedFile, read_workbook
from tests.submission_files import OCT, district_register, edited, export, part, with_part

ENTREPRENEURS_PART = "xl/worksheets/sheet3.xml"  # the sheets' order is the spec's

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%s;" % (str(i - 1).encode() if i > 1 else b"")) * 10)
        for i in range(1, 10)
    )
    + b"]>"
)


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    with district_register(folder) as register:
        return export(register, OCT, folder / "out")


def declare_size(source: Path, target: Path, name: str, size: int) -> Path:
    """A copy whose central directory claims ``size`` uncompressed bytes for ``name``."""
    data = bytearray(source.read_bytes())
    encoded = name.encode()
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_len]) == encoded:
            struct.pack_into("<I", data, at + 24, size)
            break
        at = data.find(b"PK\x01\x02", at + 4)
    target.write_bytes(bytes(data))
    return target


def refused(path: Path, expected: str) -> str:
    with pytest.raises(UnsafeFile) as caught:
        read_workbook(path)
    assert expected in caught.value.message_en, caught.value.message_en
    assert caught.value.message_th
    assert path.name in caught.value.message_en
    return caught.value.message_en


def test_the_exported_file_passes_the_checks(good) -> None:
    checked = check_xlsx(good, SUBMISSION)
    assert list(checked.sheets) == list(spec.SHEET_NAMES)
    assert checked.styles == "xl/styles.xml"
    assert 0 < checked.unpacked_bytes < 1_000_000


def test_a_file_that_is_not_a_workbook(tmp_path) -> None:
    text = tmp_path / "OTOP-5013-256810.xlsx"
    text.write_text("รหัสทะเบียน,ชื่อ\n5013-2567-0001,ร้าน\n", encoding="utf-8")
    refused(text, "not an Excel workbook (.xlsx)")
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    refused(old, "an old Excel file (.xls)")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    refused(empty, "not an Excel workbook")


def test_a_corrupt_zip(good, tmp_path) -> None:
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refused(cut, "the file is damaged")


def test_a_zip_that_is_no_workbook(tmp_path) -> None:
    other = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("photo.jpg", b"\xff\xd8\xff")
    message = refused(other, "not an Excel workbook (.xlsx)")
    assert "save it as an Excel Workbook (.xlsx)" in message


def test_a_zip_bomb_is_refused_by_its_compression_ratio(good, tmp_path) -> None:
    sheet = part(good, ENTREPRENEURS_PART)
    padding = b"<row/>" * 5_000_000  # 30 MB that deflate to a few dozen kilobytes
    bomb = with_part(
        good,
        tmp_path / "bomb.xlsx",
        ENTREPRENEURS_PART,
        sheet.replace(b"</sheetData>", padding + b"</sheetData>"),
    )
    assert bomb.stat().st_size < 1_000_000
    refused(bomb, f"{ENTREPRENEURS_PART} inflates")


def test_a_huge_sheet_declared_in_a_small_file_is_refused_before_reading(good, tmp_path) -> None:
    huge = declare_size(good, tmp_path / "huge.xlsx", ENTREPRENEURS_PART, SUBMISSION.part_bytes + 1)
    refused(huge, "it inflates to too much data")


def test_a_zip_whose_sizes_lie_is_found_damaged(good, tmp_path) -> None:
    liar = declare_size(good, tmp_path / "liar.xlsx", ENTREPRENEURS_PART, 100)
    refused(liar, "the file is damaged")


def test_billion_laughs_is_refused_before_parsing(good, tmp_path) -> None:
    bomb = with_part(
        good,
        tmp_path / "laughs.xlsx",
        ENTREPRENEURS_PART,
        BILLION_LAUGHS
        + b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        b"</sheetData></worksheet>",
    )
    refused(bomb, "DOCTYPE or ENTITY declaration")


def test_an_entity_bomb_in_the_workbook_part_is_refused(good, tmp_path) -> None:
    workbook_xml = part(good, "xl/workbook.xml")
    body = workbook_xml[workbook_xml.index(b"<workbook") :]
    bomb = with_part(good, tmp_path / "laughs.xlsx", "xl/workbook.xml", BILLION_LAUGHS + body)
    refused(bomb, "xl/workbook.xml holds a DOCTYPE or ENTITY declaration")


@pytest.mark.parametrize("where", ["in-a-row", "after-the-data", "workbook"])
def test_deeply_nested_xml_is_refused(good, tmp_path, where) -> None:
    deep = b"<x>" * 50_000 + b"</x>" * 50_000
    if where == "workbook":
        name, xml = "xl/workbook.xml", part(good, "xl/workbook.xml")
        xml = xml.replace(b"</workbook>", deep + b"</workbook>")
    else:
        name, xml = ENTREPRENEURS_PART, part(good, ENTREPRENEURS_PART)
        inner = b'<row r="900">' + deep + b"</row>" if where == "in-a-row" else deep
        xml = xml.replace(b"</sheetData>", inner + b"</sheetData>")
    nested = with_part(good, tmp_path / "nested.xlsx", name, xml)
    refused(nested, f"{name} nests deeper than {MAX_DEPTH} levels")


def test_a_part_in_another_encoding_is_refused(good, tmp_path) -> None:
    xml = part(good, ENTREPRENEURS_PART).decode("utf-8")
    utf16 = with_part(good, tmp_path / "utf16.xlsx", ENTREPRENEURS_PART, xml.encode("utf-16"))
    refused(utf16, "is not encoded in UTF-8")


def test_merged_cells_are_found_in_data_sheets_only(good, tmp_path) -> None:
    def merge(book) -> None:
        book[spec.SUPPORT.name].merge_cells("D2:E3")
        book[spec.SUMMARY_SHEET].merge_cells("A1:C1")  # for people: allowed

    merged = edited(good, merge, tmp_path / "merged.xlsx")
    with pytest.raises(RejectedFile) as caught:
        read_workbook(merged)
    assert [r.text_en for r in caught.value.reasons] == [
        f"sheet “{spec.SUPPORT.name}”: cells D2:E3 are merged; data sheets must have no "
        "merged cells"
    ]


def test_a_row_beyond_the_limit_stops_the_reading_at_once(good, tmp_path) -> None:
    xml = part(good, ENTREPRENEURS_PART).replace(
        b"</sheetData>",
        b'<row r="99999999"><c r="A99999999" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    )
    far = with_part(good, tmp_path / "far.xlsx", ENTREPRENEURS_PART, xml)
    with pytest.raises(RejectedFile) as caught:
        read_workbook(far)
    assert caught.value.reasons[-1].text_en == (
        f"sheet “{spec.ENTREPRENEURS.name}”, row 99999999: the sheet has over "
        f"{SUBMISSION.sheet_rows:,} rows, the limit for an imported file"
    )


def test_bad_files_change_nothing_and_good_ones_still_go_in(
    province_register, good, tmp_path
) -> None:
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[:5000])
    bomb = declare_size(good, tmp_path / "huge.xlsx", ENTREPRENEURS_PART, SUBMISSION.part_bytes + 1)
    results = import_submissions(province_register, [cut, bomb, good])
    assert [r.accepted for r in results] == [False, False, True]
    assert all(r.reasons and r.reasons[0].text_th for r in results[:2])
    with province_register.read() as s:
        assert s.scalar(select(func.count()).select_from(ReceivedSubmission)) == 1
        assert s.scalar(select(func.count()).select_from(Entrepreneur)) == 2


def test_a_cell_that_cannot_be_read_is_named(good, tmp_path) -> None:
    xml = part(good, ENTREPRENEURS_PART).replace(
        b"</sheetData>", b'<row r="50"><c r="A50"><v>not-a-number</v></c></row></sheetData>'
    )
    broken = with_part(good, tmp_path / "broken.xlsx", ENTREPRENEURS_PART, xml)
    with pytest.raises(RejectedFile) as caught:
        read_workbook(broken)
    (reason,) = caught.value.reasons
    assert reason.text_en == (
        f"sheet “{spec.ENTREPRENEURS.name}”, row 50, column A: the file is damaged; the cell "
        "cannot be read (type “n”, value “not-a-number”)"
    )
