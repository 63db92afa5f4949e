"""The monthly submission workbook, format 1, as ``shared/spec/monthly-submission.md`` fixes
it: sheet and column names in order, each column's cell type, the file name and the sha256
of the data rows. The district's writer and the province's reader both take them from here."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from otop_desktop.thaiformat import Period

FORMAT_VERSION = 1

META_SHEET = "ข้อมูลการส่ง"
SUMMARY_SHEET = "สรุป"


class Kind(StrEnum):
    TEXT = "T"
    NUMBER = "N"  # whole number
    MONEY = "M"  # number, two decimals, shown as #,##0.00
    DATE = "D"  # Excel date


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind


@dataclass(frozen=True)
class DataSheet:
    name: str
    #: The metadata key holding this sheet's row count.
    rows_key: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


T, N, M, D = Kind.TEXT, Kind.NUMBER, Kind.MONEY, Kind.DATE

ENTREPRENEURS = DataSheet(
    "ผู้ประกอบการ",
    "rows_entrepreneurs",
    (
        Column("รหัสทะเบียน", T),
        Column("ประเภทผู้ผลิต", T),
        Column("ชื่อผู้ประกอบการ/กลุ่ม", T),
        Column("ชื่อผู้ติดต่อ", T),
        Column("เลขประจำตัว", T),
        Column("บ้านเลขที่", T),
        Column("หมู่ที่", N),
        Column("รหัสตำบล", T),
        Column("ตำบล", T),
        Column("โทรศัพท์", T),
        Column("สถานะ", T),
        Column("วันที่ลงทะเบียน", D),
        Column("ระดับความพร้อมดิจิทัล", N),
    ),
)

PRODUCTS = DataSheet(
    "ผลิตภัณฑ์",
    "rows_products",
    (
        Column("รหัสผลิตภัณฑ์", T),
        Column("รหัสทะเบียน", T),
        Column("ชื่อผลิตภัณฑ์", T),
        Column("ประเภทผลิตภัณฑ์", T),
        Column("ระดับดาว", N),
        Column("ปีที่คัดสรร", N),
        Column("มาตรฐาน", T),
        Column("ราคา (บาท)", M),
        Column("หน่วย", T),
        Column("Soft Power", T),
    ),
)

SALES = DataSheet(
    "ยอดจำหน่าย",
    "rows_sales",
    (
        Column("รหัสทะเบียน", T),
        Column("รหัสผลิตภัณฑ์", T),
        Column("งวด", T),
        Column("ยอดจำหน่าย (บาท)", M),
        Column("ยอดจำหน่ายออนไลน์ (บาท)", M),
    ),
)

HOUSEHOLDS = DataSheet(
    "ครัวเรือน Soft Power",
    "rows_households",
    (
        Column("รหัสครัวเรือน", T),
        Column("บ้านเลขที่", T),
        Column("หมู่ที่", N),
        Column("รหัสตำบล", T),
        Column("หัวหน้าครัวเรือน", T),
        Column("จำนวนสมาชิก", N),
        Column("ทักษะ", T),
        Column("สาขา Soft Power", T),
        Column("ระดับ", T),
        Column("ต้องการอบรม", T),
    ),
)

SUPPORT = DataSheet(
    "การอบรมและสนับสนุน",
    "rows_support",
    (
        Column("รหัสทะเบียน", T),
        Column("ประเภท", T),
        Column("วันที่", D),
        Column("หัวข้อ", T),
        Column("หน่วยงาน", T),
        Column("จำนวนเงิน (บาท)", M),
    ),
)

DATA_SHEETS: tuple[DataSheet, ...] = (ENTREPRENEURS, PRODUCTS, SALES, HOUSEHOLDS, SUPPORT)
SHEET_NAMES: tuple[str, ...] = (META_SHEET, SUMMARY_SHEET, *(s.name for s in DATA_SHEETS))

#: The column of ``ยอดจำหน่าย`` whose sum is the metadata's ``sales_total``.
SALES_AMOUNT_COLUMN = 3

REQUIRED_META: tuple[str, ...] = (
    "format_version",
    "province_code",
    "district_code",
    "district_name",
    "period",
    "created_at",
    "program_version",
    "geo_data_version",
    "office_public_key",
    *(s.rows_key for s in DATA_SHEETS),
    "sales_total",
    "sha256",
)
#: Metadata values that are whole numbers; every other value is a text cell.
NUMBER_META: frozenset[str] = frozenset(s.rows_key for s in DATA_SHEETS)

#: Values of ``การอบรมและสนับสนุน``'s ``ประเภท``.
SUPPORT_TRAINING = "อบรม"
SUPPORT_GRANT = "สนับสนุน"

UNIT_SEPARATOR = "\x1f"
RECORD_SEPARATOR = "\x1e"


def file_name(district_code: str, period: Period) -> str:
    """``OTOP-5013-256810.xlsx``."""
    return f"OTOP-{district_code}-{period.year_be:04d}{period.month:02d}.xlsx"


def cell_text(value: object) -> str:
    """One cell's text for the sha256: text as is; a number with two decimals and then
    trailing zeros and point removed; a date or datetime as ``YYYY-MM-DD``; empty as ``""``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, date):  # datetime is a date too; openpyxl reads dates back as one
        return value.isoformat()[:10]
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    raise TypeError(f"not a workbook cell value: {value!r}")


def data_sha256(sheets: Iterable[Iterable[Sequence[object]]]) -> str:
    """SHA-256 (lowercase hex) of the data rows: one iterable of rows per data sheet, in
    ``DATA_SHEETS`` order, each row the values under that sheet's columns."""
    digest = hashlib.sha256()
    for rows in sheets:
        for row in rows:
            line = UNIT_SEPARATOR.join(cell_text(v) for v in row) + RECORD_SEPARATOR
            digest.update(line.encode("utf-8"))
    return digest.hexdigest()
