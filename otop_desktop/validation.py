"""Field checks shared by every form, import and command. A ``Checker`` collects all the
problems of one record, so a clerk sees every field at fault at once, each in Thai."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import TypeVar

import geothai

from otop_desktop.errors import FieldError, ValidationError
from otop_desktop.models import Office
from otop_desktop.textnorm import clean_text, hidden_char, to_arabic_digits
from otop_desktop.thaiformat import (
    Period,
    ThaiDateError,
    be_year,
    format_be_date,
    parse_be_date,
    planned_until,
    thai_today,
)
from otop_desktop.thaiid import ThaiIdError, parse_thai_id

#: Thai and English names of the fields, as forms label them and messages name them.
LABELS: dict[str, tuple[str, str]] = {
    "producer_type": ("ประเภทผู้ผลิต", "producer type"),
    "name": ("ชื่อผู้ประกอบการ/กลุ่ม", "name"),
    "contact_name": ("ชื่อผู้ติดต่อ", "contact person"),
    "national_id": ("เลขประจำตัว", "ID number"),
    "address": ("ที่อยู่", "address"),
    "house_no": ("บ้านเลขที่", "house number"),
    "moo": ("หมู่ที่", "village number (moo)"),
    "subdistrict_code": ("ตำบล", "subdistrict"),
    "phone": ("โทรศัพท์", "phone"),
    "member_count": ("จำนวนสมาชิก", "member count"),
    "status": ("สถานะ", "status"),
    "status_reason": ("เหตุผลของสถานะ", "status reason"),
    "status_date": ("วันที่เปลี่ยนสถานะ", "status date"),
    "registered_on": ("วันที่ลงทะเบียน", "registration date"),
    "product_name": ("ชื่อผลิตภัณฑ์", "product name"),
    "category": ("ประเภทผลิตภัณฑ์", "product category"),
    "price": ("ราคา", "price"),
    "unit": ("หน่วย", "unit"),
    "soft_power": ("Soft Power", "Soft Power"),
    "standards": ("มาตรฐาน", "standards"),
    "ratings": ("ระดับดาว", "star ratings"),
    "amount": ("ยอดจำหน่าย", "sales"),
    "online_amount": ("ยอดจำหน่ายออนไลน์", "online sales"),
    "head_name": ("หัวหน้าครัวเรือน", "head of household"),
    "skills": ("ทักษะ", "skills"),
    "held_on": ("วันที่อบรม", "training date"),
    "topic": ("หัวข้อ", "topic"),
    "organiser": ("หน่วยงาน", "organiser"),
    "budget": ("งบประมาณ", "budget"),
    "granted_on": ("วันที่ได้รับ", "grant date"),
    "purpose": ("วัตถุประสงค์", "purpose"),
    "funder": ("หน่วยงานผู้ให้", "funder"),
    "participants": ("ผู้เข้าร่วม", "participants"),
    "period": ("งวด", "period"),
    "surveyed_on": ("วันที่สำรวจ", "survey date"),
    "assessed_on": ("วันที่ประเมิน", "assessment date"),
    "previous_reg_no": ("เลขทะเบียนเดิม", "previous registration number"),
    "office_name": ("ชื่อสำนักงาน", "office name"),
    "officer_name": ("ชื่อเจ้าหน้าที่ผู้ลงนาม", "signing officer's name"),
    "officer_position": ("ตำแหน่ง", "officer's position"),
    "user": ("ชื่อผู้ทำรายการ", "user's name"),
}

E = TypeVar("E", bound=Enum)

# OTOP began in 2544 B.E. (2001): an earlier date is a typing mistake, usually a C.E. year.
EARLIEST = date(2001, 1, 1)
FIRST_PERIOD = Period.of(EARLIEST)
#: How far ahead a date that is not an event may lie (a certificate's expiry): further is a
#: typing slip such as 2600 for 2569.
FAR_FUTURE_YEARS = 10
MAX_MONEY = Decimal("1000000000000")


def label(field: str) -> tuple[str, str]:
    return LABELS.get(field, (field, field))


class Checker:
    """Collects the problems of one record; ``done()`` raises them all together. ``labels``
    names a field differently in this record's messages (a grant's "amount" is money given,
    not sales)."""

    def __init__(
        self, labels: dict[str, tuple[str, str]] | None = None, *, today: date | None = None
    ) -> None:
        self.errors: list[FieldError] = []
        self._labels = labels or {}
        #: The office's calendar day, which bounds dates and months.
        self.today = today or thai_today()

    def label(self, field: str) -> tuple[str, str]:
        return self._labels.get(field) or label(field)

    def fail(self, field: str, message_th: str, message_en: str) -> None:
        self.errors.append(FieldError(field, message_th, message_en))

    def ok(self, field: str) -> bool:
        return not any(e.field == field for e in self.errors)

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    def text(self, field: str, value: str | None, *, required: bool, max_len: int) -> str:
        th, en = self.label(field)
        cleaned = clean_text(value or "")
        # Checked before cleaning: str.split() would quietly turn some (NEL, U+001C–U+001F)
        # into spaces.
        hidden = hidden_char(value or "")
        if hidden:
            self.fail(
                field,
                f"{th}มีอักขระควบคุมที่มองไม่เห็น ({hidden}) กรุณาพิมพ์ใหม่",
                f"The {en} holds an invisible control character ({hidden}); please retype it",
            )
        elif required and not cleaned:
            self.fail(field, f"กรุณากรอก{th}", f"The {en} is required")
        elif len(cleaned) > max_len:
            self.fail(
                field,
                f"{th}ยาวเกิน {max_len} ตัวอักษร",
                f"The {en} is longer than {max_len} characters",
            )
        return cleaned

    def thai_id(self, field: str, value: str | None) -> str:
        th, en = self.label(field)
        if not (value or "").strip():
            self.fail(field, f"กรุณากรอก{th}", f"The {en} is required")
            return ""
        try:
            return parse_thai_id(value or "")
        except ThaiIdError as exc:
            self.fail(field, exc.message_th, exc.message_en)
            return ""

    def phone(self, field: str, value: str | None) -> str:
        digits = "".join(ch for ch in to_arabic_digits(value or "") if ch.isdigit())
        stripped = clean_text(value or "")
        if stripped and any(ch.isalpha() for ch in stripped):
            self.fail(field, "โทรศัพท์ต้องเป็นตัวเลข", "The phone number must be digits")
        elif digits and not (9 <= len(digits) <= 10 and digits.startswith("0")):
            self.fail(
                field,
                "โทรศัพท์ต้องขึ้นต้นด้วย 0 และมี 9–10 หลัก",
                "The phone number must start with 0 and have 9–10 digits",
            )
        return digits

    def choice(
        self, field: str, value: object, enum: type[E], *, required: bool = True
    ) -> E | None:
        th, en = self.label(field)
        if value is None or value == "":
            if required:
                self.fail(field, f"กรุณาเลือก{th}", f"Choose the {en}")
            return None
        try:
            return enum(value)
        except ValueError:
            try:
                return enum(int(str(value)))
            except ValueError:
                self.fail(field, f"{th}ไม่ถูกต้อง: {value}", f"Unknown {en}: {value}")
                return None

    def integer(self, field: str, value: object, lo: int, hi: int, *, required: bool) -> int | None:
        th, en = self.label(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, f"กรุณากรอก{th}", f"The {en} is required")
            return None
        try:
            number = int(to_arabic_digits(str(value)).strip())
        except ValueError:
            self.fail(field, f"{th}ต้องเป็นจำนวนเต็ม", f"The {en} must be a whole number")
            return None
        if not lo <= number <= hi:
            self.fail(field, f"{th}ต้องอยู่ระหว่าง {lo} ถึง {hi}", f"The {en} must be from {lo} to {hi}")
            return None
        return number

    def money(self, field: str, value: object, *, required: bool = True) -> Decimal:
        th, en = self.label(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, f"กรุณากรอก{th}", f"The {en} is required")
            return Decimal(0)
        if isinstance(value, float):
            raise TypeError("money must not be a float")
        try:
            amount = Decimal(to_arabic_digits(str(value)).replace(",", "").strip())
        except InvalidOperation:
            self.fail(field, f"{th}ต้องเป็นตัวเลข", f"The {en} must be a number")
            return Decimal(0)
        if not amount.is_finite():
            self.fail(field, f"{th}ต้องเป็นตัวเลข", f"The {en} must be a number")
        elif amount < 0:
            self.fail(field, f"{th}ต้องไม่ติดลบ", f"The {en} must not be negative")
        elif amount != amount.quantize(Decimal("0.01")):
            self.fail(field, f"{th}มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง", f"The {en} has over 2 decimals")
        elif amount >= MAX_MONEY:
            self.fail(field, f"{th}สูงเกินไป", f"The {en} is too large")
        else:
            return amount.quantize(Decimal("0.01"))
        return Decimal(0)

    def date(
        self,
        field: str,
        value: date | str | None,
        *,
        required: bool,
        planned: bool = False,
        future: bool = False,
    ) -> date | None:
        """A date from 1 January 2544 B.E. (OTOP's start) on. An event that has happened
        (registration, sale, rating, grant, status change) is not after today; a ``planned``
        one (a training) not after the end of the next fiscal year; any other date that may
        lie ahead (``future``: a certificate's expiry) not more than FAR_FUTURE_YEARS ahead.
        These are the rules of domain.md, for every form, service and import."""
        th, en = self.label(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, f"กรุณากรอก{th}", f"The {en} is required")
            return None
        if isinstance(value, str):
            try:
                value = parse_be_date(value)
            except ThaiDateError as exc:
                self.fail(field, exc.message_th, exc.message_en)
                return None
        if value < EARLIEST:
            self.fail(
                field,
                f"{th}เร็วเกินไป (ก่อน พ.ศ. 2544) ตรวจสอบว่าใช้ปี พ.ศ.",
                f"The {en} is before 2544 B.E.; check that the year is B.E.",
            )
            return None
        today = self.today
        if planned:
            latest = planned_until(today)
        elif future:
            latest = today.replace(year=today.year + FAR_FUTURE_YEARS, day=min(today.day, 28))
        else:
            latest = today
        if value <= latest:
            return value
        year, this_year = be_year(value), be_year(today)
        shown = format_be_date(value)
        if not (planned or future) and year > this_year:
            # 2600 typed for 2569: name the year, the usual slip.
            self.fail(
                field,
                f"{th} ({shown}) เป็นวันในอนาคต: ปี พ.ศ. {year} ยังมาไม่ถึง (ปีนี้ {this_year})"
                " ตรวจสอบปีที่พิมพ์",
                f"The {en} ({shown}) is in the future: {year} B.E. has not come yet (this year "
                f"is {this_year}); check the year",
            )
        elif not (planned or future):
            self.fail(
                field,
                f"{th} ({shown}) เป็นวันในอนาคต",
                f"The {en} ({shown}) is in the future",
            )
        elif planned:
            self.fail(
                field,
                f"{th} ({shown}) เลยสิ้นปีงบประมาณหน้า ({format_be_date(latest)}) ตรวจสอบปีที่พิมพ์",
                f"The {en} ({shown}) is after the end of the next fiscal year "
                f"({format_be_date(latest)}); check the year",
            )
        else:
            self.fail(
                field,
                f"{th} ({shown}) ไกลเกิน {FAR_FUTURE_YEARS} ปีข้างหน้า ตรวจสอบปีที่พิมพ์",
                f"The {en} ({shown}) is more than {FAR_FUTURE_YEARS} years ahead; check the year",
            )
        return None

    def month(self, field: str, period: Period, *, ended: bool) -> Period | None:
        """A month from January 2544 B.E. on: not after the current month (a month's sales
        may be entered while it runs), or with ``ended`` only a month that is over (what is
        exported, submitted or locked)."""
        th, en = self.label(field)
        current = Period.of(self.today)
        if period < FIRST_PERIOD:
            self.fail(
                field,
                f"{th} {period.label_th} เร็วเกินไป (ก่อน พ.ศ. 2544) ตรวจสอบว่าใช้ปี พ.ศ.",
                f"The {en} {period} is before 2544 B.E.; check that the year is B.E.",
            )
        elif period > current:
            self.fail(
                field,
                f"{th} {period.label_th} ยังมาไม่ถึง (เดือนนี้คือ {current.label_th})",
                f"The {en} {period} has not come yet (this month is {current})",
            )
        elif ended and not period.has_ended(self.today):
            self.fail(
                field,
                f"{th} {period.label_th} ยังไม่สิ้นเดือน ส่งออก ส่งจังหวัด หรือล็อกได้"
                f"ตั้งแต่วันที่ {format_be_date(period.last_day + timedelta(days=1))}",
                f"The {en} {period} has not ended yet; it can be exported, submitted or "
                f"locked from {format_be_date(period.last_day + timedelta(days=1))}",
            )
        else:
            return period
        return None

    def subdistrict(self, field: str, code: str | None, office: Office) -> str:
        """The subdistrict must exist in geothai and lie in the office's own area: its district
        for a district register, its province for a province register."""
        th, en = self.label(field)
        code = to_arabic_digits((code or "").strip())
        if not code:
            self.fail(field, f"กรุณาเลือก{th}", f"Choose the {en}")
            return ""
        found = geothai.subdistrict(code)
        if found is None:
            self.fail(field, f"ไม่พบรหัสตำบล {code}", f"No subdistrict has the code {code}")
            return ""
        if office.district_code and found.district_code != office.district_code:
            district = geothai.district(office.district_code)
            name = district.name_th if district else office.district_code
            self.fail(
                field,
                f"ตำบล{found.name_th} ไม่อยู่ในอำเภอ{name}",
                f"{found.name_en} is not in this office's district {office.district_code}",
            )
            return ""
        if office.province_code and found.province_code != office.province_code:
            self.fail(
                field,
                f"ตำบล{found.name_th} ไม่อยู่ในจังหวัดของสำนักงาน",
                f"{found.name_en} is not in this office's province {office.province_code}",
            )
            return ""
        return code


def require_ended(period: Period, today: date | None = None) -> None:
    """Raises ValidationError (the period named) unless ``period`` is a month that is over:
    the one rule for every export, submission and lock of a month."""
    check = Checker(today=today)
    check.month("period", period, ended=True)
    check.done()
