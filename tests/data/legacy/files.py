"""Clerks' old spreadsheets for the legacy-import tests, written as real files in each format:
a title block above the headings, a total row and a blank row below the data, Thai digits,
dashes in IDs, zero-width spaces, subdistrict names, words for codes."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import xlwt

from otop_desktop.thaiid import make_thai_id

ID_A = make_thai_id("310050000001")
ID_B = make_thai_id("310050000002")
ID_C = make_thai_id("310050000003")

HEADINGS = [
    "ลำดับ",
    "ชื่อกลุ่ม/ผู้ประกอบการ",
    "ชื่อ-สกุล",
    "เลขบัตรประชาชน",
    "ประเภท",
    "บ้านเลขที่",
    "หมู่ที่",
    "ตำบล",
    "โทร",
    "วันที่ลงทะเบียน",
    "ชื่อผลิตภัณฑ์",
    "ประเภทผลิตภัณฑ์",
    "ราคา (บาท)",
    "หน่วย",
    "เลขทะเบียนเดิม",
    "จำนวนสมาชิก",
]

TITLE = ["ทะเบียนผู้ประกอบการ OTOP อำเภอสันกำแพง จังหวัดเชียงใหม่"]
SUBTITLE = ["ข้อมูล ณ วันที่ 30 กันยายน 2567"]


def dashed(national_id: str) -> str:
    s = national_id
    return f"{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}"


def good_rows(*, dates_as: str = "text") -> list[list[object]]:
    """Three producers, four products: a group with two products on two rows, a single owner
    given in Thai digits and zero-width spaces, and an SME. ``dates_as`` is ``text`` (B.E.
    text as typed) or ``excel`` (date cells)."""
    registered: list[object] = ["15 ต.ค. 2566", "๑๕/๐๑/๒๕๖๗", "1 มีนาคม 2567"]
    if dates_as == "excel":
        registered = [date(2023, 10, 15), date(2024, 1, 15), date(2024, 3, 1)]
    return [
        [
            "1",
            "กลุ่มทอผ้าบ้านป่าตาล",
            "นางแก้ว  ใจดี",
            dashed(ID_A),
            "กลุ่มผู้ผลิตชุมชน",
            "12",
            "หมู่ 3",
            "ต.ทรายมูล",
            "081-234-5678",
            registered[0],
            "ผ้าทอลายดอกพิกุล",
            "ผ้า เครื่องแต่งกาย",
            "1,250.00",
            "ผืน",
            "สก.001/2550",
            "25",
        ],
        ["", "", "", "", "", "", "", "", "", "", "ผ้าพันคอ", "ผ้า", "350", "ผืน", "", ""],
        [
            "๓",
            "ร้านน้ำพริก\u200bป้าศรี ",
            "นางศรี สุขใจ",
            " ".join(ID_B[i : i + 4] for i in range(0, 13, 4)),
            "เจ้าของรายเดียว",
            "5/1",
            "๔",
            "สันกลาง",
            "๐๘๙๑๒๓๔๕๖๗",
            registered[1],
            "น้ำพริกหนุ่ม",
            "อาหาร",
            "80 บาท",
            "กระปุก",
            "",
            "",
        ],
        [
            "4",
            "บริษัท ร่มบ่อสร้าง จำกัด",
            "นายสมชาย รักงาน",
            ID_C,
            "SME",
            "99",
            "1",
            "501301",
            "053331234",
            registered[2],
            "ร่มกระดาษสา",
            "ของที่ระลึก",
            "450",
            "คัน",
            "สก.120/2560",
            "",
        ],
    ]


TOTAL_ROW = ["รวม 3 ราย", "", "", "", "", "", "", "", "", "", "", "", "2,130.00", "", "", ""]


def sheet_rows(rows: list[list[object]]) -> list[list[object]]:
    """The whole sheet: title block, headings, rows, a blank row, the total row."""
    return [TITLE, SUBTITLE, [], HEADINGS, *rows, [], TOTAL_ROW]


def write_xlsx(path: Path, rows: list[list[object]], *, sheet: str = "ผู้ประกอบการ") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for row in sheet_rows(rows):
        ws.append([None if v == "" else v for v in row])
    book.save(path)
    return path


def write_xls(path: Path, rows: list[list[object]]) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Sheet1")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate(sheet_rows(rows)):
        for c, value in enumerate(row):
            if isinstance(value, date):
                ws.write(r, c, value, date_style)
            elif value != "":
                ws.write(r, c, value)
    book.save(str(path))
    return path


def write_csv(path: Path, rows: list[list[object]], encoding: str, delimiter: str = ",") -> Path:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in sheet_rows(rows):
        writer.writerow(row)
    text = out.getvalue()
    if encoding in ("cp874", "tis-620"):
        text = text.replace("\u200b", "")  # Windows' Thai code page has no zero-width space
    path.write_bytes(text.encode(encoding))
    return path
