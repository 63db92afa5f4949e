"""Finding the heading row of a clerk's sheet and suggesting which column holds which field of
the register. A mapping is a plain dict, target field → the column's heading, so that it can
be saved as JSON, changed by the clerk and given back."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter

from otop_desktop.errors import UserError
from otop_desktop.legacy.reading import Cell, Sheet
from otop_desktop.textnorm import normalize

#: Field → column heading. Only mapped fields appear.
Mapping = dict[str, str]

#: The fields an old spreadsheet can fill, in the order the mapping step shows them; the
#: names are the services' own field names, so their messages name them alike.
PRODUCER_FIELDS: tuple[str, ...] = (
    "name",
    "contact_name",
    "national_id",
    "producer_type",
    "address",
    "house_no",
    "moo",
    "subdistrict_code",
    "phone",
    "member_count",
    "registered_on",
    "previous_reg_no",
)
#: Whether the business still runs; a suspended or closed one needs the reason and the date.
STATUS_FIELDS = ("status", "status_reason", "status_date")
PRODUCER_FIELDS += STATUS_FIELDS
PRODUCT_FIELDS = ("product_name", "category", "price", "unit", "soft_power")
TARGET_FIELDS = PRODUCER_FIELDS + PRODUCT_FIELDS
#: The key of a mapping file that holds values for whole columns the file lacks.
FILL_KEY = "fill"
#: What a whole address in one column (``12/3 หมู่ 4 ต.ทรายมูล อ.สันกำแพง``) fills, where the
#: sheet has no column of their own.
ADDRESS_PARTS = ("house_no", "moo", "subdistrict_code")

# Headings seen on clerks' sheets. The first list of a field is what the heading usually
# is; the second, words that may also mean another field (ชื่อ-สกุล is the producer's name
# on a sheet of single owners, the chair's beside a group's name).
_SYNONYMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "name": (
        (
            "ชื่อผู้ประกอบการ",
            "ชื่อกลุ่ม",
            "ชื่อกลุ่มผู้ประกอบการ",
            "ชื่อผู้ผลิต",
            "ผู้ประกอบการ",
            "ผู้ผลิต",
            "ชื่อกิจการ",
            "ชื่อร้าน",
            "ชื่อวิสาหกิจ",
            "ชื่อวิสาหกิจชุมชน",
            "producer",
            "producername",
            "entrepreneur",
            "entrepreneurname",
            "businessname",
            "groupname",
        ),
        ("ชื่อสกุล", "ชื่อนามสกุล", "ชื่อ", "name"),
    ),
    "contact_name": (
        (
            "ชื่อผู้ติดต่อ",
            "ผู้ติดต่อ",
            "ประธานกลุ่ม",
            "ชื่อประธานกลุ่ม",
            "ชื่อประธาน",
            "ประธาน",
            "ชื่อเจ้าของ",
            "เจ้าของ",
            "contact",
            "contactname",
            "contactperson",
            "chair",
            "owner",
        ),
        ("ชื่อสกุล", "ชื่อนามสกุล"),
    ),
    "national_id": (
        (
            "เลขบัตรประชาชน",
            "เลขประจำตัวประชาชน",
            "เลขประจำตัว",
            "เลขบัตร",
            "บัตรประชาชน",
            "เลขประจำตัวผู้เสียภาษี",
            "เลขทะเบียนนิติบุคคล",
            "เลขนิติบุคคล",
            "citizenid",
            "nationalid",
            "idcard",
            "idnumber",
            "taxid",
        ),
        ("id",),
    ),
    "producer_type": (
        (
            "ประเภทผู้ผลิต",
            "ประเภทผู้ผลิตผู้ประกอบการ",
            "ประเภทผู้ประกอบการ",
            "ประเภทกลุ่ม",
            "ประเภท",
            "producertype",
            "type",
        ),
        (),
    ),
    "address": (
        (
            "ที่อยู่",
            "ที่ตั้ง",
            "ที่อยู่ผู้ประกอบการ",
            "ที่อยู่ที่ติดต่อได้",
            "ที่อยู่ติดต่อ",
            "ที่ตั้งกลุ่ม",
            "ที่ตั้งสถานประกอบการ",
            "address",
        ),
        (),
    ),
    "house_no": (("บ้านเลขที่", "เลขที่", "ที่อยู่เลขที่", "houseno", "housenumber"), ()),
    "moo": (("หมู่ที่", "หมู่", "ม", "moo", "village", "villageno"), ()),
    "subdistrict_code": (
        ("ตำบล", "รหัสตำบล", "ชื่อตำบล", "ต", "subdistrict", "tambon", "subdistrictcode"),
        (),
    ),
    "phone": (
        (
            "โทรศัพท์",
            "โทร",
            "เบอร์โทร",
            "เบอร์โทรศัพท์",
            "หมายเลขโทรศัพท์",
            "มือถือ",
            "เบอร์ติดต่อ",
            "phone",
            "tel",
            "telephone",
            "mobile",
        ),
        (),
    ),
    "member_count": (("จำนวนสมาชิก", "สมาชิก", "members", "membercount"), ()),
    "registered_on": (
        (
            "วันที่ลงทะเบียน",
            "วันลงทะเบียน",
            "วันที่ขึ้นทะเบียน",
            "วันขึ้นทะเบียน",
            "ลงทะเบียน",
            "registered",
            "registeredon",
            "registrationdate",
            "dateregistered",
        ),
        ("วันที่", "date"),
    ),
    "previous_reg_no": (
        (
            "เลขทะเบียนเดิม",
            "เลขทะเบียน",
            "เลขที่ทะเบียน",
            "ทะเบียนเลขที่",
            "รหัสผู้ประกอบการ",
            "รหัสทะเบียน",
            "regno",
            "oldregno",
            "registrationno",
            "registrationnumber",
        ),
        (),
    ),
    "status": (
        (
            "สถานะ",
            "สถานะกิจการ",
            "สถานะการดำเนินการ",
            "สถานะการดำเนินกิจการ",
            "การดำเนินกิจการ",
            "status",
            "businessstatus",
        ),
        (),
    ),
    "status_reason": (
        (
            "เหตุผล",
            "สาเหตุ",
            "เหตุผลที่หยุดหรือเลิก",
            "เหตุผลที่เลิกกิจการ",
            "สาเหตุที่เลิกกิจการ",
            "reason",
            "statusreason",
        ),
        (),
    ),
    "status_date": (
        (
            "วันที่เปลี่ยนสถานะ",
            "วันที่หยุดหรือเลิก",
            "วันที่เลิกกิจการ",
            "วันที่หยุดกิจการ",
            "วันเลิกกิจการ",
            "statusdate",
            "closedon",
            "dateclosed",
        ),
        (),
    ),
    "product_name": (
        ("ชื่อผลิตภัณฑ์", "ผลิตภัณฑ์", "ชื่อสินค้า", "สินค้า", "product", "productname"),
        (),
    ),
    "category": (
        (
            "ประเภทผลิตภัณฑ์",
            "ประเภทสินค้า",
            "หมวดผลิตภัณฑ์",
            "หมวดหมู่",
            "หมวด",
            "category",
            "productcategory",
        ),
        (),
    ),
    "price": (("ราคา", "ราคาขาย", "ราคาต่อหน่วย", "price", "unitprice"), ()),
    "unit": (("หน่วย", "หน่วยนับ", "unit"), ()),
    "soft_power": (
        (
            "softpower",
            "สาขาsoftpower",
            "ซอฟต์พาวเวอร์",
            "ซอฟท์พาวเวอร์",
            "สาขาซอฟต์พาวเวอร์",
            "softpowertag",
        ),
        (),
    ),
}

# Parenthesised asides ("ราคา (บาท)", "เลขประจำตัว (13 หลัก)") and punctuation say nothing
# about which field a column is.
_ASIDE_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_PUNCT_RE = re.compile(r"[\s.\-_/:*#,'\"]+")

# How far down a title block can reach before the heading row.
HEADING_SEARCH_ROWS = 30


def heading_key(text: str) -> str:
    """What a heading is compared by: normalised, without asides, spaces or punctuation."""
    return _PUNCT_RE.sub("", _ASIDE_RE.sub("", normalize(text)))


def _score(key: str, field: str) -> float:
    """How well a heading key names ``field``; 0 when it does not."""
    primary, secondary = _SYNONYMS[field]
    best = 0.0
    for rank, words in ((2, primary), (1, secondary)):
        for word in words:
            if key == word:
                best = max(best, 10.0 + rank)
            # Short words (ม, ต, id) only ever match a whole heading.
            elif len(word) > 2 and key.startswith(word):
                best = max(best, 4.0 + rank + len(word) / 100)
            elif len(word) > 2 and word in key:
                best = max(best, 2.0 + rank + len(word) / 100)
    return best


@dataclass(frozen=True)
class Table:
    """A sheet seen as a table: its heading row and the rows below it."""

    file: Path
    sheet: str
    heading_row: int  # as the spreadsheet numbers it, from 1
    headings: list[str]  # unique and non-empty, one per column
    rows: list[tuple[int, list[Cell]]]  # (row number, cells), every row below the headings

    def column(self, heading: str) -> int:
        return self.headings.index(heading)


def _text(cell: Cell) -> str:
    return "" if cell is None else " ".join(str(cell).split())


def _recognised(row: list[Cell]) -> int:
    keys = [heading_key(_text(c)) for c in row if isinstance(c, str)]
    return sum(1 for key in keys if key and any(_score(key, f) for f in TARGET_FIELDS))


def find_heading_row(sheet: Sheet) -> int:
    """Index (from 0) of the heading row: of the first rows, the one whose cells name the most
    known fields; failing that, the first with the most filled cells (title rows above the
    headings fill one or two)."""
    top = sheet.rows[:HEADING_SEARCH_ROWS]
    scores = [_recognised(row) for row in top]
    if scores and max(scores) >= 2:
        return scores.index(max(scores))
    filled = [sum(1 for c in row if _text(c)) for row in top]
    if not filled or max(filled) == 0:
        return -1
    return filled.index(max(filled))


def _unique_headings(row: list[Cell], width: int) -> list[str]:
    headings: list[str] = []
    for index in range(width):
        text = _text(row[index]) if index < len(row) else ""
        text = text or f"คอลัมน์ {get_column_letter(index + 1)}"
        name, n = text, 2
        while name in headings:
            name, n = f"{text} ({n})", n + 1
        headings.append(name)
    return headings


def sheet_table(path: Path, sheet: Sheet) -> Table | None:
    """The sheet as a table, or None if it is empty."""
    index = find_heading_row(sheet)
    if index < 0:
        return None
    width = max(len(r) for r in sheet.rows)
    return Table(
        file=path,
        sheet=sheet.name,
        heading_row=index + 1,
        headings=_unique_headings(sheet.rows[index], width),
        rows=[(n, row) for n, row in enumerate(sheet.rows[index + 1 :], index + 2)],
    )


def choose_table(path: Path, sheets: list[Sheet]) -> Table:
    """The sheet that looks most like a register of producers (most headings recognised; the
    first such sheet on a tie)."""
    best: tuple[int, Table] | None = None
    for sheet in sheets:
        table = sheet_table(path, sheet)
        if table is None:
            continue
        score = len(suggest_mapping(table.headings))
        if best is None or score > best[0]:
            best = (score, table)
    if best is None:
        raise UserError(f"ไฟล์ {path.name} ไม่มีข้อมูล", f"{path.name} holds no data")
    return best[1]


def suggest_mapping(headings: list[str]) -> Mapping:
    """The best guess of which heading holds which field: each heading serves one field and
    each field one heading, the surest pairs chosen first."""
    pairs = sorted(
        (
            (score, -column, field, heading)
            for column, heading in enumerate(headings)
            if (key := heading_key(heading))
            for field in TARGET_FIELDS
            if (score := _score(key, field))
        ),
        reverse=True,
    )
    mapping: Mapping = {}
    used: set[str] = set()
    for _, _, field, heading in pairs:
        if field not in mapping and heading not in used:
            mapping[field] = heading
            used.add(heading)
    return {field: mapping[field] for field in TARGET_FIELDS if field in mapping}


def address_parts(mapping: Mapping) -> tuple[str, ...]:
    """The fields a mapped address column fills: those the sheet has no column for."""
    if "address" not in mapping:
        return ()
    return tuple(f for f in ADDRESS_PARTS if f not in mapping)


def source_heading(mapping: Mapping, field: str) -> str:
    """The column a field's value comes from, or that a problem of it is named by ('' for
    none): its own, the address's, or for a missing reason or date of a status the status's."""
    if field in mapping:
        return mapping[field]
    if field in address_parts(mapping):
        return mapping["address"]
    return mapping.get("status", "") if field in STATUS_FIELDS else ""


def shown_fields(mapping: Mapping, fill: dict[str, str] | None = None) -> list[str]:
    """The fields a preview shows, in the mapping step's order: the mapped ones, those an
    address column fills and those given for every row (``fill``)."""
    filled = set(mapping) | set(address_parts(mapping)) | set(fill or {})
    return [f for f in TARGET_FIELDS if f in filled]


def check_mapping(mapping: object, table: Table, source: str) -> Mapping:
    """A mapping the clerk gave (from JSON or the mapping step), checked against the file:
    known fields, headings that exist, no heading used twice. ``source`` names where it came
    from for the message."""
    if not isinstance(mapping, dict):
        raise UserError(
            f"{source}: การจับคู่คอลัมน์ต้องเป็นออบเจกต์ JSON {{ช่องข้อมูล: หัวคอลัมน์}}",
            f"{source}: the mapping must be a JSON object {{field: column heading}}",
        )
    checked: Mapping = {}
    for field, heading in mapping.items():
        if field == FILL_KEY:
            continue  # the values for whole columns (legacy.filling.check_fill)
        if field not in TARGET_FIELDS:
            raise UserError(
                f"{source}: ไม่รู้จักช่องข้อมูล “{field}” (ใช้ได้: {', '.join(TARGET_FIELDS)})",
                f"{source}: unknown field “{field}” (known: {', '.join(TARGET_FIELDS)})",
            )
        if heading is None or heading == "":
            continue
        if not isinstance(heading, str) or heading not in table.headings:
            raise UserError(
                f"{source}: ไม่พบหัวคอลัมน์ “{heading}” ในแผ่นงาน {table.sheet} "
                f"ของไฟล์ {table.file.name} (แถวหัวตารางที่ {table.heading_row})",
                f"{source}: no column headed “{heading}” in sheet {table.sheet} of "
                f"{table.file.name} (heading row {table.heading_row})",
            )
        if heading in checked.values():
            raise UserError(
                f"{source}: หัวคอลัมน์ “{heading}” ถูกใช้กับมากกว่าหนึ่งช่องข้อมูล",
                f"{source}: the column “{heading}” is given to more than one field",
            )
        checked[str(field)] = heading
    return {field: checked[field] for field in TARGET_FIELDS if field in checked}


def load_mapping(path: str | Path, table: Table) -> Mapping:
    path = Path(path)
    return check_mapping(read_mapping_file(path), table, path.name)


def read_mapping_file(path: Path) -> object:
    """The JSON of a mapping file, as the clerk saved it (checked by check_mapping and, for
    its ``fill``, legacy.filling.check_fill)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise UserError(
            f"เปิดไฟล์การจับคู่ {path.name} ไม่ได้", f"Cannot open the mapping file {path.name}"
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(
            f"ไฟล์การจับคู่ {path.name} ไม่ใช่ JSON ที่ถูกต้อง ({exc})",
            f"The mapping file {path.name} is not valid JSON ({exc})",
        ) from exc
    return data


def mapping_json(mapping: Mapping, fill: dict[str, str] | None = None) -> str:
    """The mapping as the command prints it and ``--mapping`` takes it, with the values given
    for whole columns the file lacks under ``"fill"``."""
    data: dict[str, object] = dict(mapping)
    if fill:
        data[FILL_KEY] = dict(fill)
    return json.dumps(data, ensure_ascii=False, indent=2)
