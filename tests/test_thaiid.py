"""Tests for otop_desktop.thaiid."""

from __future__ import annotations

import pytest

from otop_desktop.thaiid import (
    ThaiIdError,
    check_digit,
    format_thai_id,
    is_valid_thai_id,
    make_thai_id,
    parse_thai_id,
)


@pytest.mark.parametrize(
    ("first12", "expected"),
    [
        # 1*13+1*12+0+3*10+7*9+0+0+1*6+2*5+3*4+4*3+5*2 = 168; 168 % 11 = 3; 11 - 3 = 8
        ("110370012345", 8),
        ("123456789012", 1),
        ("000000000000", 1),  # sum % 11 == 0 → 11 → 1
        ("310060012345", 0),  # sum % 11 == 1 → 10 → 0
        ("999999999999", 4),
    ],
)
def test_check_digit(first12: str, expected: int) -> None:
    assert check_digit(first12) == expected
    assert make_thai_id(first12) == first12 + str(expected)


@pytest.mark.parametrize(
    "bad", ["", "12345678901", "1234567890123", "12345678901a", "๑๒๓๔๕๖๗๘๙๐๑๒"]
)
def test_check_digit_rejects_bad_input(bad: str) -> None:
    with pytest.raises(ValueError):
        check_digit(bad)


@pytest.mark.parametrize(
    "text",
    [
        "1103700123458",
        "1-1037-00123-45-8",
        "1 1037 00123 45 8",
        " 1-1037-00123-45-8 ",
        "๑๑๐๓๗๐๐๑๒๓๔๕๘",
        "๑-๑๐๓๗-๐๐๑๒๓-๔๕-๘",
        "1103\u200b700123458",
        "\ufeff1103700123458",
        "1–1037–00123–45–8",  # en dashes pasted from a document
    ],
)
def test_parse_valid(text: str) -> None:
    assert parse_thai_id(text) == "1103700123458"
    assert is_valid_thai_id(text)


def test_parse_wrong_check_digit() -> None:
    with pytest.raises(ThaiIdError) as info:
        parse_thai_id("1-1037-00123-45-6")
    err = info.value
    assert err.code == "check_digit"
    # The digit that would pass (8) is not suggested: the slip may be in any digit.
    assert not any(ch.isdigit() for ch in err.message_th + err.message_en)
    assert "ตรวจทีละหลักกับบัตร" in err.message_th
    assert "check each digit against the card" in err.message_en
    assert isinstance(err, ValueError)
    assert not is_valid_thai_id("1-1037-00123-45-6")


@pytest.mark.parametrize(
    ("text", "found"),
    [("110370012345", 12), ("11037001234588", 14), ("", 0), ("  -  ", 0), ("๑๒๓", 3)],
)
def test_parse_wrong_length(text: str, found: int) -> None:
    with pytest.raises(ThaiIdError) as info:
        parse_thai_id(text)
    err = info.value
    assert err.code == "length"
    assert err.message_th == f"เลขประจำตัวต้องมี 13 หลัก (พบ {found} หลัก)"
    assert err.message_en == f"The ID must have 13 digits (found {found})"
    assert not is_valid_thai_id(text)


@pytest.mark.parametrize(
    "text", ["110370012345X", "A103700123458", "1103700123.458", "1/1037/00123"]
)
def test_parse_non_digits(text: str) -> None:
    with pytest.raises(ThaiIdError) as info:
        parse_thai_id(text)
    assert info.value.code == "digits"
    assert info.value.message_th and info.value.message_en


def test_parse_rejects_other_unicode_digits() -> None:
    # Arabic-Indic digits pass str.isdigit() but are not a Thai ID.
    with pytest.raises(ThaiIdError):
        parse_thai_id("١١٠٣٧٠٠١٢٣٤٥٨")


def test_format() -> None:
    assert format_thai_id("1103700123458") == "1-1037-00123-45-8"
    assert format_thai_id("๑๑๐๓๗๐๐๑๒๓๔๕๘") == "1-1037-00123-45-8"
    # Shape only: legacy IDs with a wrong check digit can still be displayed.
    assert format_thai_id("1103700123456") == "1-1037-00123-45-6"
    with pytest.raises(ThaiIdError):
        format_thai_id("123")


def test_make_thai_id_round_trip() -> None:
    for n in range(0, 10**12, 7_919_000_003):
        first12 = f"{n:012d}"
        full = make_thai_id(first12)
        assert parse_thai_id(format_thai_id(full)) == full


def test_make_thai_id_rejects_bad_input() -> None:
    with pytest.raises(ThaiIdError):
        make_thai_id("1234")
