"""Values for whole columns an old spreadsheet lacks: a register of single owners has no
producer-type column, so the clerk says "every row: รายเดียว". Each value is checked once,
here, as the services would check it in a row, so a wrong one is named before any row is."""

from __future__ import annotations

from pathlib import Path

from otop_desktop.domain import Category, ProducerType, SoftPower, Status
from otop_desktop.errors import UserError
from otop_desktop.legacy import cleaning
from otop_desktop.legacy.headings import FILL_KEY, Mapping, Table, check_mapping, read_mapping_file
from otop_desktop.validation import Checker, label

#: Field → the value every row is given (as the clerk typed it).
Fill = dict[str, str]

#: The fields a whole column may be given for: those a whole register often shares. Names,
#: IDs, addresses and prices differ from row to row.
FILL_FIELDS = (
    "producer_type",
    "member_count",
    "registered_on",
    "status",
    "category",
    "unit",
    "soft_power",
)


def _check_value(field: str, text: str) -> str | None:
    """The message of what is wrong with ``text`` as every row's ``field``; None if right."""
    check = Checker()
    if field == "producer_type":
        check.choice(field, cleaning.producer_type(text), ProducerType)
    elif field == "category":
        check.choice(field, cleaning.category(text), Category)
    elif field == "status":
        check.choice(field, cleaning.status(text), Status)
    elif field == "soft_power":
        check.choice(field, cleaning.soft_power(text), SoftPower)
    elif field == "member_count":
        check.integer(field, cleaning.count(text), 2, 100_000, required=True)
    elif field == "registered_on":
        check.date(field, cleaning.registered_on(text), required=True)
    else:
        check.text(field, text, required=True, max_len=40)
    if check.errors:
        error = check.errors[0]
        return f"{error.message_th} / {error.message_en}"
    return None


def check_fill(fill: object, mapping: Mapping, source: str) -> Fill:
    """Values the clerk gave for whole columns (``--fill``, the mapping file's ``fill``, the
    mapping step), checked: known fields the mapping has no column for, values that would
    pass. ``source`` names where they came from for the message."""
    if not isinstance(fill, dict):
        raise UserError(
            f"{source}: ค่าสำหรับทั้งคอลัมน์ต้องเป็นออบเจกต์ JSON {{ช่องข้อมูล: ค่า}}",
            f"{source}: the values for whole columns must be a JSON object {{field: value}}",
        )
    checked: Fill = {}
    for field, value in fill.items():
        if field not in FILL_FIELDS:
            raise UserError(
                f"{source}: กำหนดค่าทั้งคอลัมน์ให้ “{field}” ไม่ได้ (ใช้ได้: {', '.join(FILL_FIELDS)})",
                f"{source}: “{field}” cannot be given for a whole column "
                f"(these can: {', '.join(FILL_FIELDS)})",
            )
        th, en = label(field)
        if field in mapping:
            raise UserError(
                f"{source}: {th} อ่านจากคอลัมน์ “{mapping[field]}” อยู่แล้ว จึงกำหนดค่าทั้งคอลัมน์ไม่ได้",
                f"{source}: the {en} is read from the column “{mapping[field]}”, so it "
                "cannot also be given for every row",
            )
        text = cleaning.text_of(value) if isinstance(value, str | int) else None
        if not text:
            raise UserError(
                f"{source}: กรุณาระบุค่าของ{th}สำหรับทุกแถว",
                f"{source}: give a value of the {en} for every row",
            )
        wrong = _check_value(field, text)
        if wrong is not None:
            raise UserError(
                f"{source}: ค่าทุกแถวของ{th} “{text}” ใช้ไม่ได้: {wrong}",
                f"{source}: “{text}” for every row's {en} is not right: {wrong}",
            )
        checked[field] = text
    return {f: checked[f] for f in FILL_FIELDS if f in checked}


def parse_fill_options(options: list[str]) -> dict[str, str]:
    """``--fill FIELD=VALUE`` options as a dict (checked by check_fill)."""
    found: dict[str, str] = {}
    for option in options:
        field, sep, value = option.partition("=")
        if not sep or not field.strip():
            raise UserError(
                f"--fill ต้องอยู่ในรูป ช่องข้อมูล=ค่า เช่น producer_type=รายเดียว (พบ “{option}”)",
                f"--fill takes FIELD=VALUE, e.g. producer_type=รายเดียว (got “{option}”)",
            )
        found[field.strip()] = value.strip()
    return found


def load_mapping_and_fill(path: str | Path, table: Table) -> tuple[Mapping, Fill]:
    """A saved mapping file: the columns, and the values for whole columns under ``fill``."""
    path = Path(path)
    data = read_mapping_file(path)
    mapping = check_mapping(data, table, path.name)
    given = data.get(FILL_KEY, {}) if isinstance(data, dict) else {}
    return mapping, check_fill(given, mapping, path.name)
