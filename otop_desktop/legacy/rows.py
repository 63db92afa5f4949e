"""Checking every row of a clerk's sheet before anything is written: each row cleaned into the
services' inputs, checked by the services' own validation, and its problems named by the
spreadsheet's row number and column heading. Several rows with one producer's ID are that
producer's products; a row that gives a product but no producer (the producer's cells left
blank or merged) is another product of the producer above it.

A row without details an old register often lacks (producer type, a group's member count,
a plausible registration date, a product's category) is not at fault: it is imported
incomplete (services.incomplete), with what it lacks."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_desktop.domain import Status
from otop_desktop.errors import FieldError, ValidationError
from otop_desktop.legacy import cleaning
from otop_desktop.legacy.headings import (
    PRODUCER_FIELDS,
    PRODUCT_FIELDS,
    Mapping,
    Table,
    address_parts,
    shown_fields,
    source_heading,
)
from otop_desktop.legacy.reading import Cell
from otop_desktop.models import Entrepreneur, Office
from otop_desktop.services import incomplete
from otop_desktop.services.entrepreneurs import EntrepreneurInput, check_entrepreneur
from otop_desktop.services.office import get_office
from otop_desktop.services.products import ProductInput, check_product
from otop_desktop.textnorm import normalize
from otop_desktop.thaiformat import ThaiDateError, format_be_date, parse_be_date
from otop_desktop.thaiid import ThaiIdError, format_thai_id, parse_thai_id

# A row whose first words are these is a total (or a sub-total) under the data, not a producer.
_TOTAL_RE = re.compile(r"^(รวม|ยอดรวม|total|sum\b|grand total)", re.IGNORECASE)
# Fields compared between rows of one producer: the ones a clerk fills on every row.
_SAME_PRODUCER_FIELDS = tuple(f for f in PRODUCER_FIELDS if f != "national_id")

#: progress(done, total); may raise to stop (ui.jobs.Cancelled).
ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class Problem:
    """One problem of one row; ``heading`` is the column it is in ('' for the whole row)."""

    row: int
    heading: str
    field: str
    message_th: str
    message_en: str


@dataclass
class Row:
    """One data row of the sheet as it will be imported."""

    number: int
    #: field → the cleaned value as the preview shows it (mapped fields only).
    values: dict[str, str]
    #: The producer's first row (this one, or the one above whose producer this row adds to).
    producer_row: int
    entrepreneur: EntrepreneurInput | None  # only on a producer's first row
    product: ProductInput | None
    problems: list[Problem] = field(default_factory=list)
    #: What the producer (on its first row) and the product lack: field → what the sheet
    #: held there ('' for nothing). Such a row is imported incomplete.
    lacking: dict[str, str] = field(default_factory=dict)
    product_lacking: dict[str, str] = field(default_factory=dict)
    #: The row's cells as the sheet holds them, for a file of the refused rows.
    cells: list[Cell] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def incomplete(self) -> bool:
        return bool(self.lacking or self.product_lacking)

    def lacking_all(self) -> dict[str, str]:
        return self.lacking | self.product_lacking


@dataclass(frozen=True)
class Skipped:
    row: int
    reason_th: str
    reason_en: str


@dataclass
class Preview:
    """A sheet checked against the register: every data row with its problems."""

    table: Table
    mapping: Mapping
    rows: list[Row]
    skipped: list[Skipped]
    #: Values given for whole columns the sheet lacks (legacy.filling).
    fill: dict[str, str] = field(default_factory=dict)

    @property
    def fields(self) -> list[str]:
        """The fields each row shows a value of (see ``Row.values``)."""
        return shown_fields(self.mapping, self.fill)

    @property
    def problems(self) -> list[Problem]:
        return [p for row in self.rows for p in row.problems]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and all(row.ok for row in self.rows)

    @property
    def producer_count(self) -> int:
        return sum(1 for row in self.rows if row.entrepreneur is not None)

    @property
    def incomplete_count(self) -> int:
        """Rows that would be imported incomplete (and are at fault in nothing else)."""
        return sum(1 for row in self.rows if row.incomplete and row.ok)

    def refused_producers(self) -> set[int]:
        """The first rows of the producers at fault: all their rows stay out together, so
        that the file of refused rows can be corrected and imported whole."""
        return {row.producer_row for row in self.rows if not row.ok}

    def split(self) -> tuple[list[Row], list[Row]]:
        """(the rows that can go in, the rows refused with their producers)."""
        refused = self.refused_producers()
        good = [r for r in self.rows if r.producer_row not in refused]
        bad = [r for r in self.rows if r.producer_row in refused]
        return good, bad

    @property
    def product_count(self) -> int:
        return sum(1 for row in self.rows if row.product is not None)


def _cells(table: Table, mapping: Mapping, cells: list[Cell]) -> dict[str, Cell]:
    out: dict[str, Cell] = {}
    for target, heading in mapping.items():
        column = table.column(heading)
        out[target] = cells[column] if column < len(cells) else None
    return out


def _lacking(
    errors: list[FieldError], allowed: tuple[str, ...], held: dict[str, str]
) -> dict[str, str]:
    """The details at fault that a record may be imported without: a blank producer type,
    member count or category; a registration date missing or implausible (before 2544 B.E.,
    in the future, a year no one could mean). ``held``: what the sheet wrote in each."""
    found: dict[str, str] = {}
    for error in errors:
        name = error.field
        if name in allowed and (name == "registered_on" or not held.get(name)):
            found.setdefault(name, held.get(name, ""))
    return found


def _is_total(cells: list[Cell], raw: dict[str, Cell]) -> bool:
    # A producer's name may begin with รวม (รวมใจพัฒนา), but a producer row has an ID.
    if not cleaning.is_blank(raw.get("national_id")):
        return False
    return any(_TOTAL_RE.match(cleaning.text_of(c)) for c in cells if isinstance(c, str))


@dataclass
class _Producer:
    row: int
    values: dict[str, str]
    products: set[str] = field(default_factory=set)


class _Checker:
    """Checks the rows one by one, remembering each producer's first row."""

    def __init__(
        self, session: Session, table: Table, mapping: Mapping, fill: dict[str, str]
    ) -> None:
        self.session = session
        self.table = table
        self.mapping = mapping
        self.fill = fill
        self.office: Office = get_office(session)
        self.producers: dict[str, _Producer] = {}
        self.last: _Producer | None = None
        self.from_address = address_parts(mapping)

    def problem(self, row: int, error: FieldError) -> Problem:
        return Problem(
            row,
            source_heading(self.mapping, error.field),
            error.field,
            error.message_th,
            error.message_en,
        )

    def row(self, number: int, raw: dict[str, Cell]) -> Row:
        producer_given = any(not cleaning.is_blank(raw.get(f)) for f in PRODUCER_FIELDS)
        product_given = any(not cleaning.is_blank(raw.get(f)) for f in PRODUCT_FIELDS)
        errors: list[FieldError] = []
        values: dict[str, str] = {}
        lacking: dict[str, str] = {}
        product_lacking: dict[str, str] = {}
        entrepreneur: EntrepreneurInput | None = None
        producer: _Producer | None
        if not producer_given and self.last is not None:
            producer = self.last
        else:
            raw = raw | {f: v for f, v in self.fill.items() if f in PRODUCER_FIELDS}
            entrepreneur, values, errors, key = self._producer(raw)
            producer = self.producers.get(key) if key else None
            if producer is None:
                producer = _Producer(number, values)
                if key:
                    self.producers[key] = producer
                cleaned = {e.field for e in errors}
                # A cell that cleaning already found at fault is not named twice.
                errors += [
                    e for e in self._validate_producer(entrepreneur) if e.field not in cleaned
                ]
                lacking = _lacking(errors, incomplete.ENTREPRENEUR_FIELDS, values)
                if entrepreneur.registered_on is None:
                    # The services would date it today, hiding its sales history.
                    lacking["registered_on"] = ""
                errors = [e for e in errors if e.field not in lacking]
            else:
                entrepreneur = None
                errors += self._same_producer(producer, values)
        self.last = producer
        product = None
        if product_given or not producer_given:
            raw = raw | {f: v for f, v in self.fill.items() if f in PRODUCT_FIELDS}
            product, product_values, product_errors = self._product(raw, producer)
            values.update(product_values)
            product_lacking = _lacking(product_errors, incomplete.PRODUCT_FIELDS, product_values)
            errors += [e for e in product_errors if e.field not in product_lacking]
        problems = [self.problem(number, e) for e in errors]
        return Row(
            number,
            values,
            producer.row,
            entrepreneur,
            product,
            problems,
            lacking,
            product_lacking,
        )

    def _producer(
        self, raw: dict[str, Cell]
    ) -> tuple[EntrepreneurInput, dict[str, str], list[FieldError], str]:
        errors: list[FieldError] = []
        if self.from_address:
            raw = raw | self._address(raw.get("address"))
        national_id, id_error = cleaning.national_id(raw.get("national_id"))
        subdistrict, place_error = cleaning.subdistrict(raw.get("subdistrict_code"), self.office)
        errors += [e for e in (id_error, place_error) if e is not None]
        registered = cleaning.registered_on(raw.get("registered_on"))
        # An Excel date cell with a B.E. year is put right the same way as the registration's.
        status_date = cleaning.registered_on(raw.get("status_date"))
        status = cleaning.status(raw.get("status"))
        name = cleaning.plain(raw.get("name"))
        data = EntrepreneurInput(
            producer_type=cleaning.producer_type(raw.get("producer_type")),
            name=name,
            national_id=national_id,
            subdistrict_code=subdistrict,
            # A sheet without a contact column is one of single owners: each is their own.
            contact_name=cleaning.plain(raw.get("contact_name"))
            if "contact_name" in self.mapping
            else name,
            house_no=cleaning.plain(raw.get("house_no")),
            moo=cleaning.moo(raw.get("moo")),
            phone=cleaning.phone(raw.get("phone")),
            member_count=cleaning.count(raw.get("member_count")),
            registered_on=registered or None,
            # A blank status is a business still running.
            status=status or Status.ACTIVE,
            status_reason=cleaning.plain(raw.get("status_reason")),
            status_date=status_date or None,
            previous_reg_no=cleaning.plain(raw.get("previous_reg_no")),
        )
        shown = {
            "name": data.name,
            "address": cleaning.plain(raw.get("address")),
            "contact_name": data.contact_name,
            "national_id": _shown_id(national_id),
            "producer_type": str(data.producer_type or ""),
            "house_no": data.house_no,
            "moo": str(data.moo or ""),
            "subdistrict_code": subdistrict,
            "phone": data.phone,
            "member_count": str(data.member_count or ""),
            "registered_on": _shown_date(registered),
            "status": status,
            "status_reason": data.status_reason,
            "status_date": _shown_date(status_date),
            "previous_reg_no": data.previous_reg_no,
        }
        values = {
            f: shown[f]
            for f in PRODUCER_FIELDS
            if f in self.mapping or f in self.from_address or f in self.fill
        }
        key = cleaning.id_key(national_id) if id_error is None else ""
        return data, values, errors, key

    def _address(self, cell: Cell) -> dict[str, Cell]:
        """The cells an address column stands in for."""
        parts = cleaning.address(cell, self.office)
        found = {
            "house_no": parts.house_no,
            "moo": parts.moo,
            "subdistrict_code": parts.subdistrict,
        }
        return {f: found[f] for f in self.from_address}

    def _validate_producer(self, data: EntrepreneurInput) -> list[FieldError]:
        try:
            check_entrepreneur(self.session, data)
        except ValidationError as exc:
            return list(exc.errors)
        return []

    def _same_producer(self, producer: _Producer, values: dict[str, str]) -> list[FieldError]:
        errors = []
        for name in _SAME_PRODUCER_FIELDS:
            mine, theirs = values.get(name, ""), producer.values.get(name, "")
            if mine and normalize(mine) != normalize(theirs):
                errors.append(
                    FieldError(
                        name,
                        f"ไม่ตรงกับแถวที่ {producer.row} ที่มีเลขประจำตัวเดียวกัน (“{mine}” กับ “{theirs}”)",
                        f"Differs from row {producer.row}, which has the same ID "
                        f"(“{mine}” and “{theirs}”)",
                    )
                )
        return errors

    def _product(
        self, raw: dict[str, Cell], producer: _Producer
    ) -> tuple[ProductInput, dict[str, str], list[FieldError]]:
        data = ProductInput(
            name=cleaning.plain(raw.get("product_name")),
            category=cleaning.category(raw.get("category")),
            price=cleaning.price(raw.get("price")),
            unit=cleaning.plain(raw.get("unit")),
            soft_power=cleaning.soft_power(raw.get("soft_power")) or None,
        )
        shown = {
            "product_name": data.name,
            "category": str(data.category or ""),
            "price": str(data.price),
            "unit": data.unit,
            "soft_power": str(data.soft_power or ""),
        }
        values = {f: shown[f] for f in PRODUCT_FIELDS if f in self.mapping or f in self.fill}
        errors: list[FieldError] = []
        try:
            check_product(data)
        except ValidationError as exc:
            errors += exc.errors
        key = normalize(data.name)
        if key and key in producer.products:
            errors.append(
                FieldError(
                    "product_name",
                    f"ผลิตภัณฑ์ {data.name} ของผู้ประกอบการรายนี้ซ้ำกับแถวก่อนหน้า",
                    f"The product {data.name} is listed twice for this producer",
                )
            )
        producer.products.add(key)
        return data, values, errors


def _shown_id(text: str) -> str:
    try:
        return format_thai_id(parse_thai_id(text))
    except ThaiIdError:
        return text


def _shown_date(value: date | str) -> str:
    """Every date in one form, however the sheet wrote it; as written if it does not parse
    (the services' check then says why)."""
    try:
        return format_be_date(value if isinstance(value, date) else parse_be_date(value))
    except ThaiDateError:
        return value if isinstance(value, str) else ""


def _in_register(session: Session, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Producers already registered under these IDs: ID → (registration number, name)."""
    wanted = sorted(set(ids))
    found: dict[str, tuple[str, str]] = {}
    # SQLite allows a limited number of parameters per statement.
    for start in range(0, len(wanted), 500):
        stmt = select(Entrepreneur.national_id, Entrepreneur.reg_no, Entrepreneur.name).where(
            Entrepreneur.national_id.in_(wanted[start : start + 500])
        )
        for national_id, reg_no, name in session.execute(stmt):
            found.setdefault(national_id, (reg_no, name))
    return found


def check_table(
    session: Session,
    table: Table,
    mapping: Mapping,
    progress: ProgressFn | None = None,
    *,
    fill: dict[str, str] | None = None,
) -> Preview:
    """Every row of ``table`` read through ``mapping`` (and ``fill``, values for whole
    columns the sheet lacks, checked by legacy.filling.check_fill) and checked against the
    register the session is on. Writes nothing."""
    fill = fill or {}
    checker = _Checker(session, table, mapping, fill)
    rows: list[Row] = []
    skipped: list[Skipped] = []
    total = len(table.rows)
    for done, (number, cells) in enumerate(table.rows, 1):
        raw = _cells(table, mapping, cells)
        if all(cleaning.is_blank(c) for c in raw.values()):
            skipped.append(Skipped(number, "แถวว่าง", "blank row"))
        elif _is_total(cells, raw):
            skipped.append(Skipped(number, "แถวรวม", "total row"))
        else:
            row = checker.row(number, raw)
            row.cells = cells
            rows.append(row)
        if progress is not None:
            progress(done, total)
    registered = _in_register(
        session,
        (cleaning.id_key(r.entrepreneur.national_id) for r in rows if r.entrepreneur is not None),
    )
    for row in rows:
        if row.entrepreneur is None:
            continue
        found = registered.get(cleaning.id_key(row.entrepreneur.national_id))
        if found is not None:
            reg_no, name = found
            row.problems.append(
                checker.problem(
                    row.number,
                    FieldError(
                        "national_id",
                        f"มีผู้ประกอบการเลขประจำตัวนี้ในทะเบียนแล้ว: {reg_no} {name}",
                        f"Already in the register under this ID: {reg_no} {name}",
                    ),
                )
            )
    return Preview(table, mapping, rows, skipped, fill)
