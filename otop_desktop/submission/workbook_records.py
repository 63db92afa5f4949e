"""From a read workbook to the records the province stores: every code checked (registration
numbers of the file's district, product and household codes, subdistricts, citizen IDs with
their check digit), every row's references resolved within the file, and the metadata
checked against the province register that reads it."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any, cast

import geothai
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from geothai.abolished import abolished_areas

from otop_desktop.domain import Category, Industry, ProducerType, SkillLevel, SoftPower, Standard
from otop_desktop.domain import Status as BusinessStatus
from otop_desktop.models import Entrepreneur, Household, HouseholdSkill, Product, Training, length
from otop_desktop.submission import spec
from otop_desktop.submission.workbook_reading import Reason, Reasons, Workbook, column_label
from otop_desktop.thaiformat import (
    MAX_BE_YEAR,
    MIN_BE_YEAR,
    THAI_TIME,
    Period,
    ThaiDateError,
    be_year,
    fiscal_year_be,
    fiscal_year_range,
)
from otop_desktop.thaiid import check_digit
from otop_desktop.validation import EARLIEST, MAX_MONEY

_REG_NO = re.compile(r"(\d{4})-(\d{4})-(\d{4})")
_PRODUCT_CODE = re.compile(r"(\d{4}-\d{4}-\d{4})-P(\d{2})")
_HOUSEHOLD_CODE = re.compile(r"(\d{6})-(\d{2})-(\d{4})")
_DISTRICT = re.compile(r"\d{4}")
_HEX_KEY = re.compile(r"[0-9a-fA-F]{64}")
_STATUS = {s.label_th: s.value for s in BusinessStatus}
#: A district's clock may run ahead of the province's: a month is taken as ended from its
#: last day by the province's clock (monthly-submission.md: one day of grace).
PERIOD_GRACE = timedelta(days=1)


def thai_today() -> date:
    """Today by the province's clock (Thai time)."""
    return datetime.now(THAI_TIME).date()


@dataclass(frozen=True)
class EntrepreneurRecord:
    reg_no: str
    producer_type: int
    name: str
    contact_name: str
    national_id: str
    house_no: str
    moo: int | None
    subdistrict_code: str
    phone: str
    status: str
    registered_on: date
    readiness: int


@dataclass(frozen=True)
class ProductRecord:
    code: str
    reg_no: str
    name: str
    category: int
    stars: int
    star_year: int | None
    standards: tuple[str, ...]
    price: Decimal
    unit: str
    soft_power: str | None


@dataclass(frozen=True)
class SaleRecord:
    reg_no: str
    product_code: str | None
    amount: Decimal
    online_amount: Decimal


@dataclass(frozen=True)
class SkillRecord:
    skill: str
    industry: str
    level: str
    training_wanted: str


@dataclass
class HouseholdRecord:
    code: str
    house_no: str
    moo: int
    subdistrict_code: str
    head_name: str
    member_count: int
    skills: list[SkillRecord] = field(default_factory=list)


@dataclass(frozen=True)
class SupportRecord:
    reg_no: str
    training: bool
    on: date
    topic: str
    organiser: str
    amount: Decimal


@dataclass
class Submission:
    """One district's month, checked: what the province stores, and the warnings it keeps."""

    file_name: str
    district_code: str
    district_name: str
    period: Period
    created_at_text: str
    program_version: str
    public_key: str
    sha256: str
    sales_total: Decimal
    counts: dict[str, int]
    entrepreneurs: list[EntrepreneurRecord]
    products: list[ProductRecord]
    sales: list[SaleRecord]
    households: list[HouseholdRecord]
    support: list[SupportRecord]
    warnings: list[Reason] = field(default_factory=list)


@cache
def _abolished_subdistricts() -> dict[str, str]:
    """Abolished subdistrict codes → their Thai names."""
    return {a.code: a.name_th for a in abolished_areas() if a.level == "subdistrict"}


def check_submission(book: Workbook, province_code: str, today: date | None = None) -> Submission:
    """The workbook's records for a province register of ``province_code``; raises
    RejectedFile with every reason found. ``today`` (the province's date, Thai time, by
    default) bounds the period and the dates."""
    today = today or thai_today()
    reasons = Reasons(book.path)
    warnings: list[Reason] = []
    meta = _check_meta(book, province_code, reasons, warnings, today)
    reasons.raise_if_any()
    checker = _Rows(reasons, warnings, meta["district_code"], meta["period"], today)
    sheets = book.sheets
    entrepreneurs = checker.entrepreneurs(sheets[spec.ENTREPRENEURS.name].rows)
    products = checker.products(sheets[spec.PRODUCTS.name].rows)
    sales = checker.sales(sheets[spec.SALES.name].rows)
    households = checker.households(sheets[spec.HOUSEHOLDS.name].rows)
    support = checker.support(sheets[spec.SUPPORT.name].rows)
    reasons.raise_if_any()
    return Submission(
        file_name=book.path.name,
        district_code=meta["district_code"],
        district_name=str(book.meta["district_name"]),
        period=meta["period"],
        created_at_text=str(book.meta["created_at"]),
        program_version=str(book.meta["program_version"]),
        public_key=str(book.meta["office_public_key"]).lower(),
        sha256=str(book.meta["sha256"]),
        sales_total=Decimal(str(book.meta["sales_total"])),
        counts={s.rows_key: int(str(book.meta[s.rows_key])) for s in spec.DATA_SHEETS},
        entrepreneurs=entrepreneurs,
        products=products,
        sales=sales,
        households=households,
        support=support,
        warnings=warnings,
    )


def _check_meta(
    book: Workbook, province_code: str, reasons: Reasons, warnings: list[Reason], today: date
) -> dict[str, Any]:
    meta = book.meta
    sheet = spec.META_SHEET

    def bad(key: str, th: str, en: str) -> None:
        reasons.add(Reason(th, en, sheet, column=f"B ({key})"))

    checked: dict[str, Any] = {}
    if meta["province_code"] != province_code:
        bad(
            "province_code",
            f"เป็นไฟล์ของจังหวัดรหัส {meta['province_code']} ไม่ใช่จังหวัดนี้ ({province_code})",
            f"the file is for province {meta['province_code']}, not this one ({province_code})",
        )
    district_code = str(meta["district_code"])
    district = geothai.district(district_code) if _DISTRICT.fullmatch(district_code) else None
    if district is None:
        bad(
            "district_code",
            f"ไม่มีอำเภอรหัส {district_code}",
            f"there is no district with the code {district_code}",
        )
    elif district.province_code != province_code:
        bad(
            "district_code",
            f"อำเภอรหัส {district_code} ({district.name_th}) ไม่อยู่ในจังหวัดนี้ ({province_code})",
            f"the district {district_code} ({district.name_en}) is not in this province "
            f"({province_code})",
        )
    else:
        checked["district_code"] = district_code
        if meta["district_name"] != district.name_th:
            warnings.append(
                Reason(
                    f"ชื่ออำเภอ “{meta['district_name']}” ไม่ตรงกับรหัส {district_code} "
                    f"({district.name_th})",
                    f"the district name “{meta['district_name']}” does not match the code "
                    f"{district_code} ({district.name_th})",
                    sheet,
                    column="B (district_name)",
                )
            )
    try:
        period = Period.parse(str(meta["period"]))
    except ThaiDateError as exc:
        bad("period", exc.message_th, exc.message_en)
    else:
        if period.first_day < EARLIEST:
            bad(
                "period",
                f"งวด {period} เร็วเกินไป (ก่อน พ.ศ. 2544) ตรวจสอบว่าใช้ปี พ.ศ.",
                f"the period {period} is before 2544 B.E.; check that the year is B.E.",
            )
        elif today + PERIOD_GRACE <= period.last_day:
            bad(
                "period",
                f"งวด {period} ({period.label_th}) ยังไม่สิ้นเดือน (วันนี้ {_be(today)}) "
                "ส่งได้เมื่อสิ้นเดือนแล้วเท่านั้น ตรวจสอบปีของงวด",
                f"the period {period} has not ended yet (today is {_be(today)}); only a "
                "month that has ended is submitted; check the period's year",
            )
        else:
            checked["period"] = period
    try:
        created = datetime.fromisoformat(str(meta["created_at"]))
    except ValueError:
        created = None
    if created is None or created.tzinfo is None:
        bad(
            "created_at",
            f"วันเวลาที่สร้างต้องเป็น ISO 8601 พร้อมเขตเวลา (พบ “{meta['created_at']}”)",
            f"created_at must be ISO 8601 with a time zone (found “{meta['created_at']}”)",
        )
    if len(str(meta["program_version"])) > 40:
        bad("program_version", "ยาวเกิน 40 ตัวอักษร", "longer than 40 characters")
    if meta["geo_data_version"] != geothai.DATA_VERSION:
        warnings.append(
            Reason(
                f"อำเภอใช้ข้อมูลพื้นที่รุ่น {meta['geo_data_version']} จังหวัดใช้รุ่น {geothai.DATA_VERSION}",
                f"the district used area data {meta['geo_data_version']}, the province "
                f"{geothai.DATA_VERSION}",
                sheet,
                column="B (geo_data_version)",
            )
        )
    if not _valid_public_key(str(meta["office_public_key"])):
        bad(
            "office_public_key",
            "กุญแจสาธารณะของสำนักงานไม่ถูกต้อง (ต้องเป็นกุญแจ Ed25519 เลขฐานสิบหก 64 ตัว)",
            "the office's public key is not valid (64 hex digits of an Ed25519 key)",
        )
    if "district_code" in checked and "period" in checked:
        expected = spec.file_name(checked["district_code"], checked["period"])
        if book.path.name != expected:
            warnings.append(
                Reason(
                    f"ชื่อไฟล์ไม่ตรงกับข้อมูลในไฟล์ (ควรเป็น {expected}) ใช้ข้อมูลในไฟล์",
                    f"the file name does not match its metadata (expected {expected}); "
                    "the metadata is used",
                )
            )
    return checked


def _be(d: date) -> str:
    """``2569-12-03``: a date with its B.E. year, for messages."""
    return f"{be_year(d)}-{d.month:02d}-{d.day:02d}"


def _valid_public_key(text: str) -> bool:
    if not _HEX_KEY.fullmatch(text):
        return False
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(text))
    except ValueError:
        return False
    return True


class _Row:
    """Checks the cells of one row; each reason names the sheet, row and column."""

    def __init__(
        self, reasons: Reasons, sheet: spec.DataSheet, row_no: int, values: tuple[Any, ...]
    ) -> None:
        self.reasons = reasons
        self.sheet = sheet
        self.row_no = row_no
        self.values = values
        self.failed = False

    def fail(self, index: int, th: str, en: str) -> None:
        self.failed = True
        column = column_label(index, self.sheet.columns[index].header)
        self.reasons.add(Reason(th, en, self.sheet.name, self.row_no, column))

    def text(self, index: int, *, required: bool, max_len: int) -> str:
        value = self.values[index]
        text = value.strip() if isinstance(value, str) else ""
        if required and not text:
            self.fail(index, "ต้องไม่ว่าง", "must not be empty")
        elif len(text) > max_len:
            self.fail(index, f"ยาวเกิน {max_len} ตัวอักษร", f"longer than {max_len} characters")
        return text

    def number(self, index: int, lo: int, hi: int, *, required: bool) -> int | None:
        value = self.values[index]
        if value is None:
            if required:
                self.fail(index, "ต้องไม่ว่าง", "must not be empty")
            return None
        if not lo <= value <= hi:
            self.fail(
                index,
                f"ต้องอยู่ระหว่าง {lo} ถึง {hi} (พบ {value})",
                f"must be {lo}–{hi} (found {value})",
            )
            return None
        return int(value)

    def amount(self, index: int) -> Decimal:
        value = self.values[index]
        if value is None:
            return Decimal("0.00")
        if value < 0:
            self.fail(index, "ต้องไม่ติดลบ", "must not be negative")
        elif value >= MAX_MONEY:
            self.fail(
                index,
                f"จำนวนเงินสูงเกินไป (ต้องน้อยกว่า {MAX_MONEY:,} บาท พบ {value:,.2f})",
                f"the amount is too large (must be under {MAX_MONEY:,} baht; found {value:,.2f})",
            )
            return Decimal("0.00")
        return Decimal(value)

    def plausible_date(self, index: int, latest: date) -> date | None:
        """The date in the cell when it lies from 1 January 2544 B.E. to ``latest``; None
        (with a reason) when it is empty or outside."""
        value = self.values[index]
        if value is None:
            self.fail(index, "ต้องไม่ว่าง", "must not be empty")
            return None
        if value < EARLIEST:
            self.fail(
                index,
                f"วันที่ {_be(value)} เร็วเกินไป (ก่อน พ.ศ. 2544) ตรวจสอบว่าใช้ปี พ.ศ.",
                f"the date {_be(value)} (B.E.) is before 2544 B.E.; check the year",
            )
            return None
        if value > latest:
            self.fail(
                index,
                f"วันที่ {_be(value)} อยู่หลังวันที่ {_be(latest)} ซึ่งเป็นไปไม่ได้ ตรวจสอบปี",
                f"the date {_be(value)} (B.E.) is after {_be(latest)}, which cannot be; "
                "check the year",
            )
            return None
        return cast(date, value)

    def choice(self, index: int, allowed: dict[str, Any], *, required: bool = True) -> Any:
        text = self.text(index, required=required, max_len=100)
        if not text:
            return None
        if text not in allowed:
            shown = ", ".join(allowed)
            self.fail(
                index,
                f"ค่า “{text}” ไม่ถูกต้อง (ใช้ {shown})",
                f"“{text}” is not allowed (use {shown})",
            )
            return None
        return allowed[text]


class _Rows:
    """The five data sheets' records, checked against each other within the file."""

    def __init__(
        self,
        reasons: Reasons,
        warnings: list[Reason],
        district_code: str,
        period: Period,
        today: date,
    ) -> None:
        self.reasons = reasons
        self.warnings = warnings
        self.district = district_code
        self.period = period
        self.today = today
        #: A planned training may be dated up to the end of the next fiscal year.
        self.latest_training = fiscal_year_range(fiscal_year_be(today) + 1)[1]
        self.reg_nos: set[str] = set()
        self.product_owner: dict[str, str] = {}

    def _rows(self, sheet: spec.DataSheet, rows: list[tuple[Any, ...]]) -> list[_Row]:
        return [_Row(self.reasons, sheet, n, values) for n, values in enumerate(rows, 2)]

    def _subdistrict(self, row: _Row, index: int) -> str:
        code = row.text(index, required=True, max_len=6)
        if not code:
            return ""
        found = geothai.subdistrict(code)
        abolished = _abolished_subdistricts().get(code)
        if found is not None and found.district_code == self.district:
            return code
        if found is None and abolished is not None and code[:4] == self.district:
            self.warnings.append(
                Reason(
                    f"รหัสตำบล {code} ({abolished}) ถูกยุบแล้ว กรุณาให้อำเภอปรับปรุง",
                    f"the subdistrict {code} ({abolished}) has been abolished; ask the "
                    "district to update the record",
                    row.sheet.name,
                    row.row_no,
                    column_label(index, row.sheet.columns[index].header),
                )
            )
            return code
        if found is not None:
            row.fail(
                index,
                f"ตำบล {code} ({found.name_th}) ไม่อยู่ในอำเภอ {self.district}",
                f"the subdistrict {code} ({found.name_en}) is not in district {self.district}",
            )
        else:
            row.fail(index, f"ไม่มีตำบลรหัส {code}", f"there is no subdistrict {code}")
        return ""

    def _reg_no(self, row: _Row, index: int) -> str:
        reg_no = row.text(index, required=True, max_len=length(Entrepreneur.reg_no))
        if reg_no and reg_no not in self.reg_nos:
            row.fail(
                index,
                f"ไม่มีเลขทะเบียน {reg_no} ในชีต “{spec.ENTREPRENEURS.name}”",
                f"the registration number {reg_no} is not in the sheet “{spec.ENTREPRENEURS.name}”",
            )
        return reg_no

    def entrepreneurs(self, rows: list[tuple[Any, ...]]) -> list[EntrepreneurRecord]:
        records = []
        for row in self._rows(spec.ENTREPRENEURS, rows):
            reg_no = row.text(0, required=True, max_len=length(Entrepreneur.reg_no))
            match = _REG_NO.fullmatch(reg_no)
            if reg_no and match is None:
                row.fail(
                    0,
                    f"เลขทะเบียน “{reg_no}” ไม่ถูกรูปแบบ (เช่น 5013-2567-0042)",
                    f"“{reg_no}” is not a registration number (e.g. 5013-2567-0042)",
                )
            elif match and match.group(1) != self.district:
                row.fail(
                    0,
                    f"เลขทะเบียน {reg_no} ไม่ใช่ของอำเภอ {self.district}",
                    f"the registration number {reg_no} is not of district {self.district}",
                )
            elif match and not MIN_BE_YEAR <= int(match.group(2)) <= MAX_BE_YEAR:
                row.fail(0, f"ปีในเลขทะเบียน {reg_no} ไม่ใช่ปี พ.ศ.", f"{reg_no} has no B.E. year")
            elif reg_no in self.reg_nos:
                row.fail(0, f"เลขทะเบียน {reg_no} ซ้ำ", f"{reg_no} appears twice")
            producer_type = row.choice(1, {str(int(t)): int(t) for t in ProducerType})
            national_id = self._national_id(row, 4)
            phone = row.text(9, required=False, max_len=length(Entrepreneur.phone))
            if (phone and not phone.isascii()) or (not phone.isdigit() and phone):
                row.fail(9, "โทรศัพท์ต้องเป็นตัวเลขเท่านั้น", "the phone must be digits only")
            record = EntrepreneurRecord(
                reg_no=reg_no,
                producer_type=producer_type,
                name=row.text(2, required=True, max_len=length(Entrepreneur.name)),
                contact_name=row.text(3, required=False, max_len=length(Entrepreneur.contact_name)),
                national_id=national_id,
                house_no=row.text(5, required=False, max_len=length(Entrepreneur.house_no)),
                moo=row.number(6, 1, 99, required=False),
                subdistrict_code=self._subdistrict(row, 7),
                phone=phone,
                status=row.choice(10, _STATUS),
                registered_on=row.values[11],
                readiness=row.number(12, 0, 5, required=False) or 0,
            )
            registered_on = row.plausible_date(11, self.today)
            if match and registered_on and be_year(registered_on) != int(match.group(2)):
                self.warnings.append(
                    Reason(
                        f"วันที่ลงทะเบียน {_be(registered_on)} ไม่ตรงกับปีในเลขทะเบียน {reg_no}",
                        f"the registration date {_be(registered_on)} (B.E.) is not in the "
                        f"year of its number {reg_no}",
                        row.sheet.name,
                        row.row_no,
                        column_label(11, row.sheet.columns[11].header),
                    )
                )
            if reg_no:
                self.reg_nos.add(reg_no)
            if not row.failed:
                records.append(record)
        return records

    def _national_id(self, row: _Row, index: int) -> str:
        value = row.text(index, required=True, max_len=13)
        if not value:
            return ""
        if not (len(value) == 13 and value.isascii() and value.isdigit()):
            row.fail(
                index,
                f"เลขประจำตัวต้องเป็นตัวเลข 13 หลัก (พบ “{value}”)",
                f"the ID must be 13 digits (found “{value}”)",
            )
        elif int(value[12]) != check_digit(value[:12]):
            row.fail(
                index,
                f"เลขประจำตัว {value} ไม่ถูกต้อง (หลักตรวจสอบควรเป็น {check_digit(value[:12])})",
                f"the ID {value} is not valid (its check digit should be "
                f"{check_digit(value[:12])})",
            )
        return value

    def products(self, rows: list[tuple[Any, ...]]) -> list[ProductRecord]:
        records = []
        standards = {s.value for s in Standard}
        for row in self._rows(spec.PRODUCTS, rows):
            code = row.text(0, required=True, max_len=length(Product.code))
            reg_no = self._reg_no(row, 1)
            match = _PRODUCT_CODE.fullmatch(code)
            if code and match is None:
                row.fail(
                    0,
                    f"รหัสผลิตภัณฑ์ “{code}” ไม่ถูกรูปแบบ (เช่น 5013-2567-0042-P01)",
                    f"“{code}” is not a product code (e.g. 5013-2567-0042-P01)",
                )
            elif match and match.group(1) != reg_no:
                row.fail(
                    0,
                    f"รหัสผลิตภัณฑ์ {code} ไม่ใช่ของเลขทะเบียน {reg_no}",
                    f"the product code {code} does not belong to {reg_no}",
                )
            elif code in self.product_owner:
                row.fail(0, f"รหัสผลิตภัณฑ์ {code} ซ้ำ", f"{code} appears twice")
            stars = row.number(4, 0, 5, required=False) or 0
            year = row.number(5, MIN_BE_YEAR, MAX_BE_YEAR, required=False)
            if stars and year is None and row.values[5] is None:
                row.fail(5, "มีระดับดาวแต่ไม่มีปีที่คัดสรร", "a star rating needs its year")
            if not stars and year is not None:
                row.fail(5, "ไม่มีระดับดาวแต่มีปีที่คัดสรร", "a year without a star rating")
            held = tuple(s.strip() for s in row.text(6, required=False, max_len=200).split(","))
            held = tuple(s for s in held if s)
            if unknown := [s for s in held if s not in standards]:
                row.fail(
                    6,
                    f"ไม่รู้จักมาตรฐาน {', '.join(unknown)}",
                    f"unknown standard {', '.join(unknown)}",
                )
            elif len(set(held)) != len(held):
                row.fail(6, "มาตรฐานซ้ำ", "a standard appears twice")
            record = ProductRecord(
                code=code,
                reg_no=reg_no,
                name=row.text(2, required=True, max_len=length(Product.name)),
                category=row.choice(3, {str(int(c)): int(c) for c in Category}),
                stars=stars,
                star_year=year if stars else None,
                standards=held,
                price=row.amount(7),
                unit=row.text(8, required=False, max_len=length(Product.unit)),
                soft_power=row.choice(9, {s.value: s.value for s in SoftPower}, required=False),
            )
            if code:
                self.product_owner[code] = reg_no
            if not row.failed:
                records.append(record)
        return records

    def sales(self, rows: list[tuple[Any, ...]]) -> list[SaleRecord]:
        records = []
        seen: dict[str, set[str | None]] = defaultdict(set)
        for row in self._rows(spec.SALES, rows):
            reg_no = self._reg_no(row, 0)
            product = row.text(1, required=False, max_len=length(Product.code)) or None
            if product is not None and self.product_owner.get(product) != reg_no:
                row.fail(
                    1,
                    f"ไม่มีผลิตภัณฑ์ {product} ของ {reg_no} ในชีต “{spec.PRODUCTS.name}”",
                    f"the sheet “{spec.PRODUCTS.name}” has no product {product} of {reg_no}",
                )
            period = row.text(2, required=True, max_len=7)
            if period and period != str(self.period):
                row.fail(
                    2,
                    f"งวด {period} ไม่ใช่งวดของไฟล์ ({self.period})",
                    f"the period {period} is not the file's ({self.period})",
                )
            if row.values[3] is None:
                row.fail(3, "ต้องไม่ว่าง", "must not be empty")
            amount, online = row.amount(3), row.amount(4)
            if online > amount:
                row.fail(
                    4,
                    "ยอดขายออนไลน์มากกว่ายอดจำหน่ายทั้งหมด",
                    "the online part is larger than the whole amount",
                )
            held = seen[reg_no]
            if product in held:
                row.fail(1, "รายการซ้ำ", "the same sale appears twice")
            elif held and (product is None or None in held):
                row.fail(
                    1,
                    f"{reg_no} มีทั้งยอดรวมทั้งกิจการและยอดรายผลิตภัณฑ์ ซึ่งต้องมีอย่างใดอย่างหนึ่ง",
                    f"{reg_no} has both a whole-business row and rows per product",
                )
            held.add(product)
            if not row.failed:
                records.append(SaleRecord(reg_no, product, amount, online))
        return records

    def households(self, rows: list[tuple[Any, ...]]) -> list[HouseholdRecord]:
        found: dict[str, HouseholdRecord] = {}
        failed: set[str] = set()
        industries = {i.value: i.value for i in Industry}
        levels = {s.value: s.value for s in SkillLevel}
        for row in self._rows(spec.HOUSEHOLDS, rows):
            code = row.text(0, required=True, max_len=length(Household.code))
            match = _HOUSEHOLD_CODE.fullmatch(code)
            if code and match is None:
                row.fail(
                    0,
                    f"รหัสครัวเรือน “{code}” ไม่ถูกรูปแบบ (เช่น 501301-03-0001)",
                    f"“{code}” is not a household code (e.g. 501301-03-0001)",
                )
            elif match and match.group(1)[:4] != self.district:
                row.fail(
                    0,
                    f"รหัสครัวเรือน {code} ไม่ใช่ของอำเภอ {self.district}",
                    f"the household code {code} is not of district {self.district}",
                )
            household = HouseholdRecord(
                code=code,
                house_no=row.text(1, required=False, max_len=length(Household.house_no)),
                moo=row.number(2, 1, 99, required=True) or 0,
                subdistrict_code=self._subdistrict(row, 3),
                head_name=row.text(4, required=True, max_len=length(Household.head_name)),
                member_count=row.number(5, 1, 99, required=True) or 0,
            )
            skill = row.text(6, required=False, max_len=length(HouseholdSkill.skill))
            industry = row.choice(7, industries, required=bool(skill))
            level = row.choice(8, levels, required=bool(skill))
            wanted = row.text(9, required=False, max_len=length(HouseholdSkill.training_wanted))
            if not skill and (industry or level or wanted):
                row.fail(6, "มีรายละเอียดทักษะแต่ไม่มีชื่อทักษะ", "skill details without a skill")
            first = found.setdefault(code, household)
            if first is not household and (
                first.house_no,
                first.moo,
                first.subdistrict_code,
                first.head_name,
                first.member_count,
            ) != (
                household.house_no,
                household.moo,
                household.subdistrict_code,
                household.head_name,
                household.member_count,
            ):
                row.fail(
                    0,
                    f"ข้อมูลครัวเรือน {code} ไม่ตรงกับแถวแรกของครัวเรือนนี้",
                    f"the household {code} differs from its first row",
                )
            if skill and industry and level:
                first.skills.append(SkillRecord(skill, industry, level, wanted))
            if row.failed:
                failed.add(code)
        return [h for code, h in found.items() if code not in failed]

    def support(self, rows: list[tuple[Any, ...]]) -> list[SupportRecord]:
        records = []
        kinds = {spec.SUPPORT_TRAINING: True, spec.SUPPORT_GRANT: False}
        for row in self._rows(spec.SUPPORT, rows):
            reg_no = self._reg_no(row, 0)
            training = row.choice(1, kinds)
            # Checked before its period is taken: a year typed as 2600 has no B.E. period.
            on = row.plausible_date(2, self.latest_training if training else self.today)
            if on is not None and Period.of(on) != self.period:
                row.fail(
                    2,
                    f"วันที่ไม่อยู่ในงวด {self.period}",
                    f"the date is not in the period {self.period}",
                )
            # Every cell is checked (each fault is reported), then the row kept if it passed.
            topic = row.text(3, required=True, max_len=length(Training.topic))
            organiser = row.text(4, required=False, max_len=length(Training.organiser))
            amount = row.amount(5)
            if not row.failed and on is not None:
                records.append(
                    SupportRecord(
                        reg_no=reg_no,
                        training=bool(training),
                        on=on,
                        topic=topic,
                        organiser=organiser,
                        amount=amount,
                    )
                )
        return records
