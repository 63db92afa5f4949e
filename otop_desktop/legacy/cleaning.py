"""Cleaning one cell of an old spreadsheet into what the services take: what a clerk's sheet
typically holds (numbers where text belongs, Thai digits, words for codes, B.E. years typed
into Excel dates, phone numbers that lost their leading 0) is put right; what cannot be is
passed on as it is, for the services' own checks to name."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import geothai
from geothai.types import Subdistrict

from otop_desktop.domain import Category, ProducerType, SoftPower, Status
from otop_desktop.errors import FieldError
from otop_desktop.legacy.reading import Cell
from otop_desktop.models import Office
from otop_desktop.textnorm import clean_text, normalize, to_arabic_digits
from otop_desktop.thaiformat import BE_OFFSET, MIN_BE_YEAR, format_be_date

# Ordered: the first whose word is in the cell wins, so the more particular words come first
# (วิสาหกิจขนาดกลาง before วิสาหกิจชุมชน, สมุนไพร before อาหาร, which สมุนไพรที่ไม่ใช่อาหาร holds).
_PRODUCER_WORDS: tuple[tuple[str, ProducerType], ...] = (
    ("ขนาดกลาง", ProducerType.SME),
    ("ขนาดย่อม", ProducerType.SME),
    ("sme", ProducerType.SME),
    ("นิติบุคคล", ProducerType.SME),
    ("บริษัท", ProducerType.SME),
    ("หจก", ProducerType.SME),
    ("ห้างหุ้นส่วน", ProducerType.SME),
    ("รายเดียว", ProducerType.SINGLE_OWNER),
    ("เจ้าของ", ProducerType.SINGLE_OWNER),
    ("บุคคล", ProducerType.SINGLE_OWNER),
    ("single", ProducerType.SINGLE_OWNER),
    ("owner", ProducerType.SINGLE_OWNER),
    ("กลุ่ม", ProducerType.GROUP),
    ("วิสาหกิจชุมชน", ProducerType.GROUP),
    ("group", ProducerType.GROUP),
    ("community", ProducerType.GROUP),
)
_CATEGORY_WORDS: tuple[tuple[str, Category], ...] = (
    ("สมุนไพร", Category.HERBAL),
    ("herbal", Category.HERBAL),
    ("เครื่องดื่ม", Category.BEVERAGE),
    ("beverage", Category.BEVERAGE),
    ("drink", Category.BEVERAGE),
    ("เครื่องแต่งกาย", Category.TEXTILE),
    ("ผ้า", Category.TEXTILE),
    ("textile", Category.TEXTILE),
    ("apparel", Category.TEXTILE),
    ("ของใช้", Category.UTENSIL),
    ("ของตกแต่ง", Category.UTENSIL),
    ("ของที่ระลึก", Category.UTENSIL),
    ("utensil", Category.UTENSIL),
    ("decoration", Category.UTENSIL),
    ("souvenir", Category.UTENSIL),
    ("อาหาร", Category.FOOD),
    ("food", Category.FOOD),
)

# "ไม่ดำเนินการ" (not running) could be either of the others: it is passed on as written, for
# the services to name as an unknown status, rather than guessed.
_STATUS_WORDS: tuple[tuple[str, Status | None], ...] = (
    ("ไม่", None),
    ("เลิก", Status.CLOSED),
    ("ปิดกิจการ", Status.CLOSED),
    ("ยุบ", Status.CLOSED),
    ("closed", Status.CLOSED),
    ("หยุด", Status.SUSPENDED),
    ("พัก", Status.SUSPENDED),
    ("suspended", Status.SUSPENDED),
    ("ดำเนิน", Status.ACTIVE),
    ("ปกติ", Status.ACTIVE),
    ("active", Status.ACTIVE),
)

_SOFT_POWER_WORDS: tuple[tuple[str, SoftPower], ...] = (
    ("food", SoftPower.FOOD),
    ("อาหาร", SoftPower.FOOD),
    ("เครื่องดื่ม", SoftPower.FOOD),
    ("fashion", SoftPower.FASHION),
    ("แฟชั่น", SoftPower.FASHION),
    ("เสื้อผ้า", SoftPower.FASHION),
    ("แต่งกาย", SoftPower.FASHION),
)

_MOO_PREFIX_RE = re.compile(r"^(หมู่ที่|หมู่|ม\.?|moo\.?)\s*", re.IGNORECASE)
_SUBDISTRICT_PREFIX_RE = re.compile(r"^(ตำบล|ต\.)\s*")
# Parts of an address in one cell. A house number leads (after บ้านเลขที่ or เลขที่ if written);
# หมู่ and ตำบล are found by their words; แขวง is Bangkok's ตำบล.
_ADDRESS_HOUSE_RE = re.compile(r"^(?:บ้านเลขที่|เลขที่)?\s*(\d+(?:\s*[/-]\s*\d+)*)(?![\d.])")
_ADDRESS_MOO_RE = re.compile(r"(?:หมู่ที่|หมู่|ม\.)\s*(\d+)")
_ADDRESS_SUBDISTRICT_RE = re.compile(r"(?:ตำบล|ต\.|แขวง)\s*([^\s,]+)")
_ADDRESS_MARKED_RE = re.compile(r"(?:อำเภอ|อ\.|เขต|จังหวัด|จ\.|ถนน|ถ\.|ซอย|ซ\.)\s*[^\s,]+|[\d/,-]+")
_PHONE_SPLIT_RE = re.compile(r"[,;/]|\s{2,}|หรือ")
# Money as offices write it: ฿1,250, 1,250 บาท, 1,250.- (the dash closes the figure, as on a
# cheque), 1 250; a number is what is left.
_MONEY_WORDS_RE = re.compile(r"บาท|฿|thb", re.IGNORECASE)
_MONEY_DASH_RE = re.compile(r"\s*(?:\.|/)?[-–]$")
_GROUPED_NUMBER_RE = re.compile(r"\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# A count with its word: 12 คน, 10 ราย, 25 ครัวเรือน, 1,200 คน.
_COUNT_RE = re.compile(
    r"(\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.0+)?\s*(?:คน|ราย|ครัวเรือน|ท่าน|persons?|people|members?)?",
    re.IGNORECASE,
)
# An ID that went through a number format: 1.23457E+12 has lost its last digits for good.
_SCIENTIFIC_RE = re.compile(r"^\d+(\.\d+)?e\+?\d+$", re.IGNORECASE)


def text_of(cell: Cell) -> str:
    """A cell as the clerk reads it, cleaned of stray spaces and invisible characters."""
    if cell is None:
        return ""
    if isinstance(cell, date):
        return format_be_date(cell)
    return clean_text(str(cell))


def is_blank(cell: Cell) -> bool:
    return text_of(cell) == ""


def words_to_code(cell: Cell, vocabulary: tuple[tuple[str, ProducerType | Category], ...]) -> str:
    """A code given as words (``กลุ่มผู้ผลิตชุมชน``, ``ผ้าและเครื่องแต่งกาย``) as its digit; the
    text as it is when no word fits (the services then say it is unknown)."""
    text = to_arabic_digits(text_of(cell))
    key = normalize(text)
    if key.isdigit():
        return key
    for word, value in vocabulary:
        if word in key:
            return str(int(value))
    return text


def producer_type(cell: Cell) -> str:
    return words_to_code(cell, _PRODUCER_WORDS)


def category(cell: Cell) -> str:
    return words_to_code(cell, _CATEGORY_WORDS)


def status(cell: Cell) -> str:
    """``ดำเนินการ``, ``หยุดชั่วคราว``, ``เลิกกิจการ`` (or the English words) as the status;
    '' for a blank cell; other text as it is, for the services to refuse."""
    text = text_of(cell)
    key = normalize(text)
    for word, value in _STATUS_WORDS:
        if word in key:
            return value.value if value is not None else text
    return text


def soft_power(cell: Cell) -> str:
    """The Soft Power line (``อาหาร``, ``แฟชั่น``, or its English name); '' for none; other
    text as it is, for the services to refuse."""
    text = text_of(cell)
    key = normalize(text)
    return next((line.value for word, line in _SOFT_POWER_WORDS if word in key), text)


def registered_on(cell: Cell) -> date | str:
    """A date: an Excel date as it is, unless its year is a B.E. year typed into a date cell
    (Excel takes 15/10/2567 for the year 2567 C.E.); text is left to parse_be_date."""
    if isinstance(cell, date):
        if cell.year >= MIN_BE_YEAR:
            try:
                return cell.replace(year=cell.year - BE_OFFSET)
            except ValueError:  # 29 February of a B.E. year whose C.E. year is no leap year
                return text_of(cell)
        return cell
    return to_arabic_digits(text_of(cell))


def national_id(cell: Cell) -> tuple[str, FieldError | None]:
    """The ID as typed (thaiid strips dashes, spaces and Thai digits); an ID that Excel
    turned into ``1.23457E+12`` is named as such, since its digits are gone."""
    if isinstance(cell, float):
        return str(cell), _lost_digits()
    text = text_of(cell)
    if _SCIENTIFIC_RE.match(to_arabic_digits(text).replace(" ", "")):
        return text, _lost_digits()
    return text, None


def _lost_digits() -> FieldError:
    return FieldError(
        "national_id",
        "เลขประจำตัวถูกบันทึกเป็นตัวเลขแบบย่อ (เช่น 1.23E+12) ทำให้เลขหาย "
        "กรุณาจัดรูปแบบคอลัมน์เป็นข้อความแล้วพิมพ์ใหม่",
        "The ID was stored as a rounded number (e.g. 1.23E+12) and its digits are lost; "
        "format the column as text and type it again",
    )


def id_key(text: str) -> str:
    """The digits of an ID, which rows of one producer share."""
    return "".join(ch for ch in to_arabic_digits(text) if ch.isdigit())


def phone(cell: Cell) -> str:
    """The first of the numbers given; a number cell that lost its leading 0 gets it back."""
    if isinstance(cell, int) and 8 <= len(str(cell)) <= 9:
        return "0" + str(cell)
    text = to_arabic_digits(text_of(cell))
    first = _PHONE_SPLIT_RE.split(text, maxsplit=1)[0].strip()
    return first


def moo(cell: Cell) -> str:
    """``หมู่ 3``, ``ม.3``, ``หมู่ที่ ๓`` → ``3``."""
    return _MOO_PREFIX_RE.sub("", to_arabic_digits(text_of(cell)))


def price(cell: Cell) -> str:
    """``1,250``, ``1,250.-``, ``1,250 บาท``, ``฿1,250``, ``1250.00``, ``๑,๒๕๐`` → ``1250``
    (``1250.00``); text that is no number after that is passed on as written, for the
    services to refuse."""
    if isinstance(cell, float):
        # The float's shortest repr is the number the clerk typed (150.5, not 150.4999…).
        return str(Decimal(repr(cell)))
    text = to_arabic_digits(text_of(cell))
    bare = _MONEY_DASH_RE.sub("", _MONEY_WORDS_RE.sub("", text).strip()).strip()
    if _GROUPED_NUMBER_RE.fullmatch(bare):
        return re.sub(r"[,\s]", "", bare)
    return text


def count(cell: Cell) -> str:
    """A count as the clerk writes it (``12 คน``, ``10 ราย``, ``๒๕``, ``1,200``, a number
    cell ``12.0``) → ``12``; other text as written, for the services to refuse."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    text = to_arabic_digits(text_of(cell))
    found = _COUNT_RE.fullmatch(text)
    return re.sub(r"[,\s]", "", found.group(1)) if found else text


def plain(cell: Cell) -> str:
    """Text fields; a number cell (a house number, a member count) as its digits."""
    return text_of(cell)


@dataclass(frozen=True)
class _Area:
    """The subdistricts a name is looked up among, by their normalised Thai and English names,
    and the area's name for messages."""

    by_name: dict[str, list[Subdistrict]]
    name_th: str
    name_en: str

    def named(self, name: str) -> list[Subdistrict]:
        return self.by_name.get(normalize(name), [])


def _area(office: Office) -> _Area:
    """The office's district, else its province (every row of a sheet looks here)."""
    return _area_of(office.district_code, office.province_code)


@functools.cache
def _area_of(district_code: str | None, province_code: str | None) -> _Area:
    if district_code:
        found = geothai.subdistricts(district_code)
        name_th, name_en = f"อำเภอ{_district_name(district_code)}", f"district {district_code}"
    elif province_code:
        found = [s for d in geothai.districts(province_code) for s in geothai.subdistricts(d.code)]
        name_th, name_en = "จังหวัดของสำนักงาน", f"province {province_code}"
    else:
        found, name_th, name_en = [], "ทะเบียนนี้", "this register"
    by_name: dict[str, list[Subdistrict]] = {}
    for place in found:
        for key in {normalize(place.name_th), normalize(place.name_en)}:
            by_name.setdefault(key, []).append(place)
    return _Area(by_name, name_th, name_en)


def subdistrict(cell: Cell, office: Office) -> tuple[str, FieldError | None]:
    """A subdistrict code, or a subdistrict's name (with or without ``ต.``/``ตำบล``) matched
    among the subdistricts of the office's district (or province)."""
    text = to_arabic_digits(text_of(cell))
    if not text or text.isdigit():
        return text, None
    area = _area(office)
    found = area.named(_SUBDISTRICT_PREFIX_RE.sub("", text))
    if len(found) == 1:
        return found[0].code, None
    if found:
        codes = ", ".join(s.code for s in found)
        return text, FieldError(
            "subdistrict_code",
            f"มีตำบลชื่อ {text} มากกว่าหนึ่งแห่งใน{area.name_th} (รหัส {codes}) กรุณาใส่รหัสตำบล",
            f"More than one subdistrict in {area.name_en} is called {text} ({codes}); "
            "give the code",
        )
    return text, FieldError(
        "subdistrict_code",
        f"ไม่พบตำบลชื่อ {text} ใน{area.name_th}",
        f"No subdistrict called {text} in {area.name_en}",
    )


@dataclass(frozen=True)
class Address:
    """The register's parts of an address written in one cell; '' for a part not found."""

    house_no: str = ""
    moo: str = ""
    subdistrict: str = ""  # as written, for ``subdistrict`` to look up


def address(cell: Cell, office: Office) -> Address:
    """``12/3 หมู่ 4 ต.ทรายมูล อ.สันกำแพง จ.เชียงใหม่ 50130`` → 12/3, 4, ทรายมูล. The road,
    lane, district, province and postcode are not kept by the register. Without ``ต.``, a
    word that is the name of a subdistrict of the office's area is taken."""
    text = to_arabic_digits(text_of(cell))
    house = _ADDRESS_HOUSE_RE.match(text)
    moo_found = _ADDRESS_MOO_RE.search(text)
    place = _ADDRESS_SUBDISTRICT_RE.search(text)
    if place is not None:
        name = place.group(1)
    else:
        # The district's and province's own names are often a subdistrict's too (ต.สันกำแพง
        # อ.สันกำแพง): with no ต. to say which word is meant, only unmarked words count.
        words = _ADDRESS_MARKED_RE.sub(" ", text).split()
        area = _area(office)
        name = next((w for w in words if area.named(w)), "")
    return Address(
        house_no=house.group(1) if house else "",
        moo=moo_found.group(1) if moo_found else "",
        subdistrict=name,
    )


def _district_name(code: str) -> str:
    district = geothai.district(code)
    return district.name_th if district else code
