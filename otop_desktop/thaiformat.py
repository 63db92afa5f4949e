"""Buddhist-era dates, Thai month names, monthly periods, fiscal years and baht text."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from otop_desktop.textnorm import clean_text, normalize, to_thai_digits

__all__ = [
    "BE_OFFSET",
    "MAX_BE_YEAR",
    "MIN_BE_YEAR",
    "THAI_MONTHS",
    "THAI_MONTHS_ABBR",
    "THAI_TIME",
    "Period",
    "ThaiDateError",
    "baht_text",
    "be_year",
    "ce_year",
    "fiscal_year_be",
    "fiscal_year_of_period",
    "fiscal_year_range",
    "format_be_date",
    "format_be_date_words",
    "format_money",
    "last_complete",
    "parse_be_date",
    "planned_until",
    "thai_today",
]

#: Thailand's clock (UTC+7, no daylight saving): the office's calendar day.
THAI_TIME = timezone(timedelta(hours=7))
BE_OFFSET = 543
# Plausible B.E. years; anything outside is almost always a C.E. year typed by mistake.
MIN_BE_YEAR = 2400
MAX_BE_YEAR = 2700

THAI_MONTHS: tuple[str, ...] = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_ABBR: tuple[str, ...] = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

# Keys have dots and spaces removed, so "ต.ค.", "ต.ค" and "ตค" all match.
_MONTH_LOOKUP: dict[str, int] = {
    **{name: i for i, name in enumerate(THAI_MONTHS, 1)},
    **{abbr.replace(".", ""): i for i, abbr in enumerate(THAI_MONTHS_ABBR, 1)},
}

DateStyle = Literal["short", "long", "abbr"]
ThaiDateErrorCode = Literal["format", "two_digit_year", "year_range", "month", "day"]


class ThaiDateError(ValueError):
    """Invalid or ambiguous date/period input; messages are ready for the user."""

    def __init__(self, code: ThaiDateErrorCode, message_th: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code: ThaiDateErrorCode = code
        self.message_th = message_th
        self.message_en = message_en


def thai_today() -> date:
    """Today by the office's clock (Thai time), whatever the computer's time zone."""
    return datetime.now(THAI_TIME).date()


def be_year(d: date) -> int:
    """Buddhist-era year of a date."""
    return d.year + BE_OFFSET


def ce_year(be: int) -> int:
    """Common-era year for a B.E. year."""
    return be - BE_OFFSET


# --- formatting -----------------------------------------------------------------------


def format_be_date(d: date, style: DateStyle = "short", thai_digits: bool = False) -> str:
    """``15/10/2568`` (short), ``15 ต.ค. 2568`` (abbr) or ``15 ตุลาคม 2568`` (long)."""
    if style == "short":
        s = f"{d.day:02d}/{d.month:02d}/{be_year(d)}"
    elif style == "abbr":
        s = f"{d.day} {THAI_MONTHS_ABBR[d.month - 1]} {be_year(d)}"
    elif style == "long":
        s = f"{d.day} {THAI_MONTHS[d.month - 1]} {be_year(d)}"
    else:
        raise ValueError(f"unknown date style {style!r}")
    return to_thai_digits(s) if thai_digits else s


def format_be_date_words(d: date, thai_digits: bool = False) -> str:
    """Certificate wording: ``วันที่ 15 เดือน ตุลาคม พ.ศ. 2568``."""
    s = f"วันที่ {d.day} เดือน {THAI_MONTHS[d.month - 1]} พ.ศ. {be_year(d)}"
    return to_thai_digits(s) if thai_digits else s


# --- parsing --------------------------------------------------------------------------

_NUMERIC_DMY_RE = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d+)")
_NUMERIC_YMD_RE = re.compile(r"(\d{4})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{1,2})")
# The month part is lazy so a trailing "พ.ศ." is left for the year; it is stripped below.
_TEXT_MONTH_RE = re.compile(r"(?:วันที่\s*)?(\d{1,2})\s*([^\d/\-]+?)\s*(\d+)")


def _check_year(year_text: str, original: str) -> int:
    if len(year_text) == 2:
        raise ThaiDateError(
            "two_digit_year",
            f"ปี 2 หลักกำกวม กรุณาใส่ปี พ.ศ. 4 หลัก เช่น 2568 (พบ “{original}”)",
            f"Two-digit years are ambiguous; enter the 4-digit B.E. year, e.g. 2568 "
            f"(got “{original}”)",
        )
    year = int(year_text)
    if not MIN_BE_YEAR <= year <= MAX_BE_YEAR:
        hint_th = " ซึ่งน่าจะเป็นปี ค.ศ." if 1800 <= year <= 2200 else ""
        hint_en = ", which looks like a C.E. year" if 1800 <= year <= 2200 else ""
        raise ThaiDateError(
            "year_range",
            f"ปีต้องเป็น พ.ศ. เช่น 2568 (พบ {year}{hint_th})",
            f"The year must be in B.E., e.g. 2568 (found {year}{hint_en})",
        )
    return year


def _build_date(year_be: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise ThaiDateError(
            "month",
            f"เดือนต้องอยู่ระหว่าง 1 ถึง 12 (พบ {month})",
            f"The month must be between 1 and 12 (found {month})",
        )
    ce = ce_year(year_be)
    days_in_month = calendar.monthrange(ce, month)[1]
    if not 1 <= day <= days_in_month:
        raise ThaiDateError(
            "day",
            f"ไม่มีวันที่ {day} ใน{THAI_MONTHS[month - 1]} {year_be} (เดือนนี้มี {days_in_month} วัน)",
            f"Day {day} does not exist in month {month}/{year_be} "
            f"(that month has {days_in_month} days)",
        )
    return date(ce, month, day)


def _month_from_word(word: str, original: str) -> int:
    key = word.replace(".", "").replace(" ", "").removeprefix("เดือน")
    if key.endswith("คศ"):
        raise ThaiDateError(
            "year_range",
            f"กรุณาใช้ปี พ.ศ. ไม่ใช่ ค.ศ. (พบ “{original}”)",
            f"Please use the B.E. year, not C.E. (got “{original}”)",
        )
    key = key.removesuffix("พศ")
    month = _MONTH_LOOKUP.get(key)
    if month is None:
        raise ThaiDateError(
            "month",
            f"ไม่รู้จักชื่อเดือน “{word.strip()}” (ใช้ เช่น ตุลาคม หรือ ต.ค.)",
            f"Unknown month name “{word.strip()}” (use e.g. ตุลาคม or ต.ค.)",
        )
    return month


def parse_be_date(text: str) -> date:
    """Parse a B.E. date typed by a user; raise ThaiDateError with a helpful message.

    Accepts ``15/10/2568``, ``15-10-2568``, ``15.10.2568``, ``2568-10-15``,
    ``15 ต.ค. 2568``, ``15 ตค 2568``, ``15 ตุลาคม 2568`` (optionally with ``วันที่``,
    ``เดือน``, ``พ.ศ.``), Thai digits and stray spaces or zero-width characters.
    """
    s = normalize(text)
    if not s:
        raise ThaiDateError("format", "กรุณากรอกวันที่", "Please enter a date")
    original = clean_text(text)

    if m := _NUMERIC_YMD_RE.fullmatch(s):
        year = _check_year(m.group(1), original)
        return _build_date(year, int(m.group(3)), int(m.group(4)))
    if m := _NUMERIC_DMY_RE.fullmatch(s):
        year = _check_year(m.group(4), original)
        return _build_date(year, int(m.group(3)), int(m.group(1)))
    if m := _TEXT_MONTH_RE.fullmatch(s):
        month = _month_from_word(m.group(2), original)
        year = _check_year(m.group(3), original)
        return _build_date(year, month, int(m.group(1)))
    raise ThaiDateError(
        "format",
        f"รูปแบบวันที่ไม่ถูกต้อง (พบ “{original}”) ใช้ เช่น 15/10/2568 หรือ 15 ต.ค. 2568",
        f"Unrecognised date “{original}”; use e.g. 15/10/2568 or 15 ต.ค. 2568",
    )


# --- periods --------------------------------------------------------------------------

_PERIOD_RE = re.compile(r"([0-9]{4})-([0-9]{2})")


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """A calendar month named by its B.E. year; ordered chronologically."""

    year_be: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ThaiDateError(
                "month",
                f"เดือนต้องอยู่ระหว่าง 1 ถึง 12 (พบ {self.month})",
                f"The month must be between 1 and 12 (found {self.month})",
            )
        if not MIN_BE_YEAR <= self.year_be <= MAX_BE_YEAR:
            raise ThaiDateError(
                "year_range",
                f"ปีต้องเป็น พ.ศ. เช่น 2568 (พบ {self.year_be})",
                f"The year must be in B.E., e.g. 2568 (found {self.year_be})",
            )

    @classmethod
    def parse(cls, text: str) -> Period:
        """Strict ``YYYY-MM`` with a B.E. year, e.g. ``2568-10``."""
        m = _PERIOD_RE.fullmatch(text)
        if m is None:
            raise ThaiDateError(
                "format",
                f"รูปแบบงวดต้องเป็น ปปปป-ดด เช่น 2568-10 (พบ “{text}”)",
                f"A period must be YYYY-MM in B.E., e.g. 2568-10 (got “{text}”)",
            )
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def from_key(cls, key: int) -> Period:
        """Inverse of :attr:`key` (``256810`` → 2568-10)."""
        return cls(*divmod(key, 100))

    @classmethod
    def of(cls, d: date) -> Period:
        """The period containing ``d``."""
        return cls(be_year(d), d.month)

    @classmethod
    def last_complete(cls, today: date) -> Period:
        """The month before ``today``'s month."""
        return cls.of(today).prev()

    def has_ended(self, today: date) -> bool:
        """True once the month is over on ``today``: only such a month is exported,
        submitted or locked (domain.md)."""
        return self.last_day < today

    @staticmethod
    def range(start: Period, end: Period) -> Iterator[Period]:
        """Periods from ``start`` to ``end`` inclusive; empty if ``start > end``."""
        p = start
        while p <= end:
            yield p
            p = p.next()

    def __str__(self) -> str:
        return f"{self.year_be:04d}-{self.month:02d}"

    @property
    def key(self) -> int:
        """Integer ``YYYYMM`` (B.E.) stored in the database."""
        return self.year_be * 100 + self.month

    def next(self) -> Period:
        """The following month."""
        if self.month == 12:
            return Period(self.year_be + 1, 1)
        return Period(self.year_be, self.month + 1)

    def prev(self) -> Period:
        """The preceding month."""
        if self.month == 1:
            return Period(self.year_be - 1, 12)
        return Period(self.year_be, self.month - 1)

    @property
    def first_day(self) -> date:
        """First day of the month (C.E. date)."""
        return date(ce_year(self.year_be), self.month, 1)

    @property
    def last_day(self) -> date:
        """Last day of the month (C.E. date)."""
        ce = ce_year(self.year_be)
        return date(ce, self.month, calendar.monthrange(ce, self.month)[1])

    @property
    def label_th(self) -> str:
        """``ตุลาคม 2568``."""
        return f"{THAI_MONTHS[self.month - 1]} {self.year_be}"


def last_complete(today: date) -> Period:
    """The month before ``today``'s month (same as :meth:`Period.last_complete`)."""
    return Period.of(today).prev()


# --- fiscal year (1 Oct – 30 Sep, named by the B.E. year it ends in) -------------------


def fiscal_year_be(d: date) -> int:
    """Thai government fiscal year of ``d``; 1 Oct 2568 B.E. starts FY 2569."""
    return be_year(d) + (1 if d.month >= 10 else 0)


def fiscal_year_range(fy_be: int) -> tuple[date, date]:
    """First and last day (C.E. dates, inclusive) of fiscal year ``fy_be``."""
    end_ce = ce_year(fy_be)
    return date(end_ce - 1, 10, 1), date(end_ce, 9, 30)


def planned_until(today: date) -> date:
    """The latest day a planned event (a training) may be dated: the end of the next fiscal
    year (domain.md)."""
    return fiscal_year_range(fiscal_year_be(today) + 1)[1]


def fiscal_year_of_period(p: Period) -> int:
    """Fiscal year containing period ``p``."""
    return p.year_be + (1 if p.month >= 10 else 0)


# --- money ----------------------------------------------------------------------------

_CENT = Decimal("0.01")
_DIGIT_WORDS = ("", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACE_WORDS = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")


def _to_decimal(amount: Decimal | int | str) -> Decimal:
    """Exact Decimal rounded half-up to satang; floats are refused as inexact."""
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int | str):
        raise TypeError(f"amount must be Decimal, int or str, not {type(amount).__name__}")
    if isinstance(amount, str):
        try:
            value = Decimal(amount.replace(",", "").strip())
        except InvalidOperation:
            raise ValueError(f"not a number: {amount!r}") from None
    else:
        value = Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"amount must be finite, got {amount!r}")
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _read_below_million(n: int, has_higher: bool) -> str:
    """Thai words for 0 < n < 1,000,000; ``has_higher`` means a million-group precedes."""
    words: list[str] = []
    for place in range(5, -1, -1):
        digit = n // 10**place % 10
        if digit == 0:
            continue
        if place == 1:
            words.append({1: "สิบ", 2: "ยี่สิบ"}.get(digit) or _DIGIT_WORDS[digit] + "สิบ")
        elif place == 0:
            # เอ็ด only when something larger is read before this 1 (11, 101, 1,000,001).
            words.append("เอ็ด" if digit == 1 and (has_higher or n >= 10) else _DIGIT_WORDS[digit])
        else:
            words.append(_DIGIT_WORDS[digit] + _PLACE_WORDS[place])
    return "".join(words)


def _read_number(n: int) -> str:
    """Thai words for a positive integer."""
    high, low = divmod(n, 1_000_000)
    out = _read_number(high) + "ล้าน" if high else ""
    if low:
        out += _read_below_million(low, has_higher=high > 0)
    return out


def baht_text(amount: Decimal | int | str) -> str:
    """Thai words for an amount of baht, e.g. ``ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์``."""
    value = _to_decimal(amount)
    sign = "ลบ" if value < 0 else ""
    satang_total = int(abs(value) * 100)
    baht, satang = divmod(satang_total, 100)
    if baht == 0 and satang == 0:
        return "ศูนย์บาทถ้วน"
    text = _read_number(baht) + "บาท" if baht else ""
    text += _read_number(satang) + "สตางค์" if satang else "ถ้วน"
    return sign + text


def format_money(amount: Decimal | int | str, thai_digits: bool = False) -> str:
    """``1,234,567.50``; rounds half-up to satang."""
    s = f"{_to_decimal(amount):,.2f}"
    return to_thai_digits(s) if thai_digits else s
