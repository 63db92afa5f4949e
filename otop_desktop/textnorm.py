"""Text normalisation for Thai search keys and user-typed display values."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "INVISIBLE_CHARS",
    "THAI_DIGITS",
    "clean_text",
    "hidden_char",
    "normalize",
    "strip_invisible",
    "to_arabic_digits",
    "to_thai_digits",
]

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_ARABIC_DIGITS = "0123456789"

# LRM/RLM are included because they ride along when names are pasted from web pages.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"

_TO_ARABIC = str.maketrans(THAI_DIGITS, _ARABIC_DIGITS)
_TO_THAI = str.maketrans(_ARABIC_DIGITS, THAI_DIGITS)
_DROP_INVISIBLE: dict[int, None] = dict.fromkeys(map(ord, INVISIBLE_CHARS))
# One table so normalize() walks the string once for both jobs.
_SEARCH_TABLE: dict[int, int | None] = {**_TO_ARABIC, **_DROP_INVISIBLE}

_NIKHAHIT = "\u0e4d"
_SARA_AM = "\u0e33"
# Tone before or after the nikhahit (or none); a tone typed after a finished sara am is also
# moved in front, since all of these render alike but compare unequal.
_SARA_AM_RE = re.compile("([\u0e48-\u0e4b]?)\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_AM_TONE_RE = re.compile("\u0e33([\u0e48-\u0e4b])")
# str.translate with a dict is slow on non-ASCII text, so only run it when a regex scan
# (several times faster) finds something to change.
_INVISIBLE_RE = re.compile(f"[{INVISIBLE_CHARS}]")
_THAI_DIGIT_RE = re.compile(f"[{THAI_DIGITS}]")
_SEARCH_SPECIAL_RE = re.compile(f"[{THAI_DIGITS}{INVISIBLE_CHARS}]")


def to_arabic_digits(s: str) -> str:
    """Replace Thai digits ๐–๙ with 0–9."""
    return s.translate(_TO_ARABIC) if _THAI_DIGIT_RE.search(s) else s


def to_thai_digits(s: str) -> str:
    """Replace 0–9 with Thai digits ๐–๙."""
    return s.translate(_TO_THAI)


def strip_invisible(s: str) -> str:
    """Remove zero-width and other invisible characters."""
    return s.translate(_DROP_INVISIBLE) if _INVISIBLE_RE.search(s) else s


def _fix_sara_am(s: str) -> str:
    # Plain substring tests are far cheaper than a regex scan and almost always fail.
    if _NIKHAHIT in s:
        s = _SARA_AM_RE.sub(r"\1\2" + _SARA_AM, s)
    if "\u0e33\u0e48" in s or "\u0e33\u0e49" in s or "\u0e33\u0e4a" in s or "\u0e33\u0e4b" in s:
        s = _AM_TONE_RE.sub(r"\1" + _SARA_AM, s)
    return s


def normalize(text: str) -> str:
    """Search key: NFC, no invisibles, Arabic digits, composed ำ, casefolded, single spaces."""
    s = unicodedata.normalize("NFC", text)
    if _SEARCH_SPECIAL_RE.search(s):
        s = s.translate(_SEARCH_TABLE)
    s = _fix_sara_am(s).casefold()
    # str.split() without arguments covers NBSP, tabs, newlines etc. and runs in C.
    return " ".join(s.split())


def clean_text(text: str) -> str:
    """Display value as stored: like normalize() but keeps case and digits."""
    s = unicodedata.normalize("NFC", text)
    if _INVISIBLE_RE.search(s):
        s = s.translate(_DROP_INVISIBLE)
    return " ".join(_fix_sara_am(s).split())


# Characters a clerk cannot see on screen or paper. TAB, CR and LF are left out: clean_text()
# turns them into spaces. Bidirectional embeddings, overrides and isolates reorder what is
# shown (a name can read differently from what is stored), so they are refused, not dropped.
_HIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hidden_char(text: str) -> str | None:
    """The first control or bidirectional-override character in ``text``, named as
    ``U+XXXX``, or None. Forms, services and both importers refuse such text with the field
    named (TAB, CR and LF are not hidden: they become spaces)."""
    found = _HIDDEN_RE.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"
