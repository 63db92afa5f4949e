"""Thai 13-digit personal ID numbers: check digit, parsing, formatting."""

from __future__ import annotations

import re
from typing import Literal

from otop_desktop.textnorm import strip_invisible, to_arabic_digits

__all__ = [
    "ThaiIdError",
    "check_digit",
    "format_thai_id",
    "is_valid_thai_id",
    "make_thai_id",
    "parse_thai_id",
]

ThaiIdErrorCode = Literal["length", "digits", "check_digit"]

# Hyphen look-alikes come in from Word documents and PDFs.
_SEPARATORS_RE = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014\u2212]+")
_NON_DIGIT_RE = re.compile(r"[^0-9]")
_WEIGHTS = range(13, 1, -1)


class ThaiIdError(ValueError):
    """Invalid Thai ID; ``code`` says why, messages are ready for the user."""

    def __init__(self, code: ThaiIdErrorCode, message_th: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code: ThaiIdErrorCode = code
        self.message_th = message_th
        self.message_en = message_en


def _digits_only(text: str) -> str:
    """Strip separators/invisibles and convert Thai digits; raise if anything else remains."""
    s = _SEPARATORS_RE.sub("", strip_invisible(to_arabic_digits(text)))
    bad = _NON_DIGIT_RE.search(s)
    if bad:
        ch = bad.group()
        raise ThaiIdError(
            "digits",
            f"เลขประจำตัวต้องเป็นตัวเลขเท่านั้น (พบ “{ch}”)",
            f"The ID may contain only digits (found “{ch}”)",
        )
    return s


def _require_length(s: str, n: int) -> None:
    if len(s) != n:
        raise ThaiIdError(
            "length",
            f"เลขประจำตัวต้องมี {n} หลัก (พบ {len(s)} หลัก)",
            f"The ID must have {n} digits (found {len(s)})",
        )


def check_digit(first12: str) -> int:
    """Check digit for the first 12 ASCII digits of a Thai ID."""
    if len(first12) != 12 or not (first12.isascii() and first12.isdigit()):
        raise ValueError(f"expected 12 ASCII digits, got {first12!r}")
    total = sum(int(d) * w for d, w in zip(first12, _WEIGHTS, strict=True))
    return (11 - total % 11) % 10


def parse_thai_id(text: str) -> str:
    """Return the 13 ASCII digits of a typed ID, or raise ThaiIdError."""
    s = _digits_only(text)
    _require_length(s, 13)
    if int(s[12]) != check_digit(s[:12]):
        # Not the digit that would pass: the slip is as likely in any other digit, and
        # changing the last one to fit would hide it.
        raise ThaiIdError(
            "check_digit",
            "เลขประจำตัวนี้ไม่ถูกต้อง กรุณาตรวจทีละหลักกับบัตร",
            "This ID number is not valid; check each digit against the card",
        )
    return s


def is_valid_thai_id(text: str) -> bool:
    """True if ``text`` parses as a Thai ID with a correct check digit."""
    try:
        parse_thai_id(text)
    except ThaiIdError:
        return False
    return True


def format_thai_id(digits13: str) -> str:
    """Display form ``1-2345-67890-12-3``; checks shape only, not the check digit."""
    # The check digit is not enforced so legacy records with bad IDs can still be shown.
    s = _digits_only(digits13)
    _require_length(s, 13)
    return f"{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}"


def make_thai_id(first12: str) -> str:
    """Append the check digit to 12 digits (demo data)."""
    # Demo generation calls this 800,000 times with clean input; skip the clean-up then.
    s = first12 if first12.isascii() and first12.isdigit() else _digits_only(first12)
    _require_length(s, 12)
    return s + str(check_digit(s))
