"""Tests for otop_desktop.thaiformat."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from otop_desktop.thaiformat import (
    BE_OFFSET,
    THAI_MONTHS,
    THAI_MONTHS_ABBR,
    Period,
    ThaiDateError,
    baht_text,
    be_year,
    ce_year,
    fiscal_year_be,
    fiscal_year_of_period,
    fiscal_year_range,
    format_be_date,
    format_be_date_words,
    format_money,
    last_complete,
    parse_be_date,
)

OCT15 = date(2025, 10, 15)

# --- years and month names --------------------------------------------------------------


def test_constants() -> None:
    assert BE_OFFSET == 543
    assert len(THAI_MONTHS) == len(THAI_MONTHS_ABBR) == 12
    assert THAI_MONTHS[0] == "มกราคม" and THAI_MONTHS[11] == "ธันวาคม"
    assert THAI_MONTHS_ABBR[9] == "ต.ค."


def test_be_ce_year() -> None:
    assert be_year(OCT15) == 2568
    assert ce_year(2568) == 2025


# --- formatting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "thai_digits", "expected"),
    [
        ("short", False, "15/10/2568"),
        ("abbr", False, "15 ต.ค. 2568"),
        ("long", False, "15 ตุลาคม 2568"),
        ("short", True, "๑๕/๑๐/๒๕๖๘"),
        ("long", True, "๑๕ ตุลาคม ๒๕๖๘"),
    ],
)
def test_format_be_date(style: str, thai_digits: bool, expected: str) -> None:
    assert format_be_date(OCT15, style, thai_digits=thai_digits) == expected


def test_format_be_date_pads_short_only() -> None:
    d = date(2024, 2, 5)
    assert format_be_date(d) == "05/02/2567"
    assert format_be_date(d, "abbr") == "5 ก.พ. 2567"


def test_format_be_date_bad_style() -> None:
    with pytest.raises(ValueError):
        format_be_date(OCT15, "iso")


def test_format_be_date_words() -> None:
    assert format_be_date_words(OCT15) == "วันที่ 15 เดือน ตุลาคม พ.ศ. 2568"
    assert format_be_date_words(OCT15, thai_digits=True) == "วันที่ ๑๕ เดือน ตุลาคม พ.ศ. ๒๕๖๘"


# --- parsing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "15/10/2568",
        "15-10-2568",
        "15.10.2568",
        "15 / 10 / 2568",
        "  15/10/2568  ",
        "15 ต.ค. 2568",
        "15 ต.ค 2568",
        "15 ตค 2568",
        "15ต.ค.2568",
        "15 ตุลาคม 2568",
        "15   ตุลาคม\u00a02568",
        "15 ตุลาคม พ.ศ. 2568",
        "วันที่ 15 เดือน ตุลาคม พ.ศ. 2568",
        "๑๕/๑๐/๒๕๖๘",
        "๑๕ ต.ค. ๒๕๖๘",
        "1\u200b5/10/2568",
        "\ufeff15 ตุลาคม 2568",
        "2568-10-15",
        "๒๕๖๘-๑๐-๑๕",
    ],
)
def test_parse_be_date_forms(text: str) -> None:
    assert parse_be_date(text) == OCT15


@pytest.mark.parametrize("d", [date(2025, m, 1 + m) for m in range(1, 13)])
def test_parse_round_trips_every_month(d: date) -> None:
    for style in ("short", "abbr", "long"):
        assert parse_be_date(format_be_date(d, style, thai_digits=True)) == d
    assert parse_be_date(format_be_date_words(d)) == d


def test_parse_single_digit_day_month() -> None:
    assert parse_be_date("5/3/2568") == date(2025, 3, 5)
    assert parse_be_date("29/02/2567") == date(2024, 2, 29)  # 2024 is a leap year


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("31/02/2568", "day"),
        ("29/02/2568", "day"),
        ("00/10/2568", "day"),
        ("32 ต.ค. 2568", "day"),
        ("15/13/2568", "month"),
        ("15/00/2568", "month"),
        ("15/10/68", "two_digit_year"),
        ("15 ต.ค. 68", "two_digit_year"),
        ("15/10/2025", "year_range"),
        ("2025-10-15", "year_range"),
        ("15 ต.ค. 2025", "year_range"),
        ("15 ต.ค. ค.ศ. 2025", "year_range"),
        ("15/10/2399", "year_range"),
        ("15/10/2701", "year_range"),
        ("15/10/25680", "year_range"),
        ("15 ตุลา 2568", "month"),
        ("15 October 2568", "month"),
        ("15 พ.ศ. 2568", "month"),
        ("garbage", "format"),
        ("15/10", "format"),
        ("15/10-2568", "format"),
        ("2568", "format"),
        ("", "format"),
        ("\u200b ", "format"),
    ],
)
def test_parse_be_date_rejects(text: str, code: str) -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_be_date(text)
    err = info.value
    assert err.code == code
    assert err.message_th and err.message_en
    assert isinstance(err, ValueError)


def test_parse_ce_year_message() -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_be_date("15/10/2025")
    assert "ปีต้องเป็น พ.ศ. เช่น 2568" in info.value.message_th
    assert "C.E." in info.value.message_en


def test_parse_bad_day_message() -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_be_date("31/02/2568")
    assert "กุมภาพันธ์" in info.value.message_th
    assert "28" in info.value.message_en


# --- periods ----------------------------------------------------------------------------


def test_period_basics() -> None:
    p = Period.parse("2568-10")
    assert p == Period(2568, 10)
    assert str(p) == "2568-10"
    assert p.key == 256810
    assert Period.from_key(256810) == p
    assert Period.of(OCT15) == p
    assert p.label_th == "ตุลาคม 2568"
    assert p.first_day == date(2025, 10, 1)
    assert p.last_day == date(2025, 10, 31)
    assert hash(p) == hash(Period(2568, 10))


def test_period_next_prev_wrap_year() -> None:
    assert Period(2568, 12).next() == Period(2569, 1)
    assert Period(2569, 1).prev() == Period(2568, 12)
    assert Period(2568, 5).next().prev() == Period(2568, 5)


def test_period_last_day_leap_february() -> None:
    assert Period(2567, 2).last_day == date(2024, 2, 29)
    assert Period(2568, 2).last_day == date(2025, 2, 28)


def test_period_ordering() -> None:
    assert Period(2568, 12) < Period(2569, 1) < Period(2569, 2)
    assert max(Period(2568, 9), Period(2567, 12)) == Period(2568, 9)
    assert sorted([Period(2569, 1), Period(2568, 11)]) == [Period(2568, 11), Period(2569, 1)]


def test_period_range() -> None:
    got = list(Period.range(Period(2568, 11), Period(2569, 2)))
    assert [str(p) for p in got] == ["2568-11", "2568-12", "2569-01", "2569-02"]
    assert list(Period.range(Period(2568, 5), Period(2568, 5))) == [Period(2568, 5)]
    assert list(Period.range(Period(2569, 1), Period(2568, 12))) == []


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2025, 10, 15), Period(2568, 9)),
        (date(2025, 10, 1), Period(2568, 9)),
        (date(2026, 1, 31), Period(2568, 12)),
    ],
)
def test_last_complete(today: date, expected: Period) -> None:
    assert last_complete(today) == expected
    assert Period.last_complete(today) == expected


@pytest.mark.parametrize(
    "text",
    ["2568-1", "2568/10", "68-10", "2568-13", "2568-00", " 2568-10", "2025-10", "๒๕๖๘-๑๐", ""],
)
def test_period_parse_rejects(text: str) -> None:
    with pytest.raises(ThaiDateError):
        Period.parse(text)


@pytest.mark.parametrize("key", [256800, 256813, 202510])
def test_period_from_key_rejects(key: int) -> None:
    with pytest.raises(ThaiDateError):
        Period.from_key(key)


def test_period_is_frozen() -> None:
    p = Period(2568, 10)
    with pytest.raises(AttributeError):
        p.month = 11


# --- fiscal year ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "fy"),
    [
        (date(2025, 9, 30), 2568),
        (date(2025, 10, 1), 2569),
        (date(2026, 9, 30), 2569),
        (date(2026, 10, 1), 2570),
        (date(2026, 1, 1), 2569),
    ],
)
def test_fiscal_year_be(d: date, fy: int) -> None:
    assert fiscal_year_be(d) == fy
    assert fiscal_year_of_period(Period.of(d)) == fy


def test_fiscal_year_range() -> None:
    start, end = fiscal_year_range(2569)
    assert start == date(2025, 10, 1)
    assert end == date(2026, 9, 30)
    assert fiscal_year_be(start) == fiscal_year_be(end) == 2569


@pytest.mark.parametrize(
    ("period", "fy"),
    [(Period(2568, 9), 2568), (Period(2568, 10), 2569), (Period(2568, 12), 2569)],
)
def test_fiscal_year_of_period(period: Period, fy: int) -> None:
    assert fiscal_year_of_period(period) == fy


# --- money ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("21.25"), "ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์"),
        (100, "หนึ่งร้อยบาทถ้วน"),
        (0, "ศูนย์บาทถ้วน"),
        (Decimal("0.50"), "ห้าสิบสตางค์"),
        ("0.01", "หนึ่งสตางค์"),
        (1, "หนึ่งบาทถ้วน"),
        (10, "สิบบาทถ้วน"),
        (11, "สิบเอ็ดบาทถ้วน"),
        (20, "ยี่สิบบาทถ้วน"),
        (101, "หนึ่งร้อยเอ็ดบาทถ้วน"),
        (110, "หนึ่งร้อยสิบบาทถ้วน"),
        (1_000_000, "หนึ่งล้านบาทถ้วน"),
        (21_000_000, "ยี่สิบเอ็ดล้านบาทถ้วน"),
        (1_000_001, "หนึ่งล้านเอ็ดบาทถ้วน"),
        (
            13_773_055_668,
            "หนึ่งหมื่นสามพันเจ็ดร้อยเจ็ดสิบสามล้านห้าหมื่นห้าพันหกร้อยหกสิบแปดบาทถ้วน",
        ),
        ("1,234.50", "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"),
        (Decimal("-5"), "ลบห้าบาทถ้วน"),
        (Decimal("-21.25"), "ลบยี่สิบเอ็ดบาทยี่สิบห้าสตางค์"),
        (Decimal("0.005"), "หนึ่งสตางค์"),  # half-up
        (Decimal("0.004"), "ศูนย์บาทถ้วน"),
        (Decimal("-0.004"), "ศูนย์บาทถ้วน"),  # no "ลบ" on a zero
        (Decimal("99.995"), "หนึ่งร้อยบาทถ้วน"),
    ],
)
def test_baht_text(amount: Decimal | int | str, expected: str) -> None:
    assert baht_text(amount) == expected


@pytest.mark.parametrize("bad", [1.5, True, None])
def test_baht_text_rejects_non_exact_types(bad: object) -> None:
    with pytest.raises(TypeError):
        baht_text(bad)


@pytest.mark.parametrize("bad", ["abc", "", "NaN", Decimal("Infinity")])
def test_baht_text_rejects_bad_values(bad: str | Decimal) -> None:
    with pytest.raises(ValueError):
        baht_text(bad)


@pytest.mark.parametrize(
    ("amount", "thai_digits", "expected"),
    [
        (Decimal("1234567.5"), False, "1,234,567.50"),
        (Decimal("0"), False, "0.00"),
        (Decimal("999.995"), False, "1,000.00"),
        (Decimal("-1234.5"), False, "-1,234.50"),
        (1000, True, "๑,๐๐๐.๐๐"),
    ],
)
def test_format_money(amount: Decimal | int, thai_digits: bool, expected: str) -> None:
    assert format_money(amount, thai_digits=thai_digits) == expected


def test_format_money_rejects_float() -> None:
    with pytest.raises(TypeError):
        format_money(1.5)
