"""Tests for otop_desktop.textnorm."""

from __future__ import annotations

import unicodedata

import pytest

from otop_desktop.textnorm import (
    clean_text,
    hidden_char,
    normalize,
    strip_invisible,
    to_arabic_digits,
    to_thai_digits,
)

NAM = "\u0e19\u0e49\u0e33"  # น้ำ, the correct spelling
NAM_NIKHAHIT_TONE = "\u0e19\u0e4d\u0e49\u0e32"  # น + ํ + ้ + า
NAM_TONE_NIKHAHIT = "\u0e19\u0e49\u0e4d\u0e32"  # น + ้ + ํ + า
NAM_AM_TONE = "\u0e19\u0e33\u0e49"  # น + ำ + ้ (tone typed after sara am)


def test_digit_round_trip() -> None:
    assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    assert to_thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"
    assert to_arabic_digits("ปี ๒๕๖๘ abc") == "ปี 2568 abc"
    assert to_thai_digits("2568/10") == "๒๕๖๘/๑๐"


@pytest.mark.parametrize("spelling", [NAM, NAM_NIKHAHIT_TONE, NAM_TONE_NIKHAHIT, NAM_AM_TONE])
def test_sara_am_spellings_normalise_equal(spelling: str) -> None:
    assert normalize(spelling) == NAM
    assert clean_text(spelling) == NAM


def test_sara_am_without_tone() -> None:
    assert normalize("\u0e04\u0e4d\u0e32") == "\u0e04\u0e33"  # ค + ํ + า → คำ
    assert clean_text("ทํางาน") == "ทำงาน"


def test_lone_nikhahit_left_alone() -> None:
    # Pali/Sanskrit spellings use nikhahit without sara aa; it must survive.
    assert normalize("สํ") == "สํ"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ผ้า\u200bไหม", "ผ้าไหม"),
        ("\ufeffผ้าไหม", "ผ้าไหม"),
        ("ผ้า\u200c\u200d\u2060ไหม", "ผ้าไหม"),
        ("ผ้า\u00adไหม", "ผ้าไหม"),
        ("  ผ้า   ไหม  ", "ผ้า ไหม"),
        ("ผ้า\u00a0\t\nไหม", "ผ้า ไหม"),
        ("ผ้า \u200b ไหม", "ผ้า ไหม"),
        ("OTOP Silk", "otop silk"),
        ("STRASSE Straße", "strasse strasse"),
        ("หมู่ ๕", "หมู่ 5"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_applies_nfc() -> None:
    decomposed = "Cafe\u0301"
    assert normalize(decomposed) == normalize("Café") == "café"


def test_normalize_is_idempotent() -> None:
    s = "  น\u0e4d\u0e49\u0e32พริก ๑๒ OTOP\u200b "
    once = normalize(s)
    assert once == "น้ำพริก 12 otop"
    assert normalize(once) == once


def test_query_matches_stored_text() -> None:
    stored = normalize("กลุ่มแม่บ้าน น้ำพริกเผา หมู่ ๓")
    query = normalize("น\u0e4d\u0e49\u0e32พริก\u200bเผา")
    assert query in stored


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  สมชาย   ใจดี ", "สมชาย ใจดี"),
        ("Somchai\u200b JAIDEE", "Somchai JAIDEE"),
        ("บ้านเลขที่ ๑๒", "บ้านเลขที่ ๑๒"),
        ("ก\u00a0\u00a0ข", "ก ข"),
        ("น\u0e4d\u0e49\u0e32ผึ้ง", "น้ำผึ้ง"),
        ("Cafe\u0301", "Café"),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    result = clean_text(raw)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


def test_strip_invisible() -> None:
    assert strip_invisible("a\u200bb\ufeffc\u00add") == "abcd"


@pytest.mark.parametrize(
    "char", ["\x00", "\x1b", "\x07", "\x1c", "\x7f", "\x85", "\u202e", "\u2066"]
)
def test_hidden_characters_are_named(char: str) -> None:
    assert hidden_char(f"ทอ{char}ผ้า") == f"U+{ord(char):04X}"


def test_tab_and_line_breaks_are_not_hidden_they_become_spaces() -> None:
    assert hidden_char("ทอ\tผ้า\r\nดี") is None
    assert clean_text("ทอ\tผ้า\r\nดี") == "ทอ ผ้า ดี"
