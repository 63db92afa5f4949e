"""Incomplete records: producers and products imported from an old spreadsheet without some
required details (producer type, a group's member count, a plausible registration date, a
product's category). They are kept with what each lacks, listed for the clerk to complete,
and held out of certificates and monthly submissions until saved whole through the normal
update services (which clears the mark)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur, Grant, Product, Sale, Training, TrainingParticipant
from otop_desktop.thaiformat import Period
from otop_desktop.validation import label

#: The details a record may be imported without; any other fault refuses its row.
ENTREPRENEUR_FIELDS = ("producer_type", "member_count", "registered_on")
PRODUCT_FIELDS = ("category",)

# How many records a refusal names before "and n more".
_NAMED = 10


def _only(lacking: Mapping[str, str], allowed: Sequence[str]) -> dict[str, str]:
    wrong = set(lacking) - set(allowed)
    if wrong:
        raise ValueError(f"not a detail a record may lack: {sorted(wrong)}")
    return {f: lacking[f] for f in allowed if f in lacking}


def only_entrepreneur_fields(lacking: Mapping[str, str]) -> dict[str, str]:
    return _only(lacking, ENTREPRENEUR_FIELDS)


def only_product_fields(lacking: Mapping[str, str]) -> dict[str, str]:
    return _only(lacking, PRODUCT_FIELDS)


def encode(lacking: Mapping[str, str]) -> str | None:
    """The ``missing`` column's value: NULL for a complete record."""
    return json.dumps(dict(lacking), ensure_ascii=False, sort_keys=True) if lacking else None


def decode(missing: str | None) -> dict[str, str]:
    if not missing:
        return {}
    found = json.loads(missing)
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def describe(lacking: Mapping[str, str]) -> tuple[str, str]:
    """``ประเภทผู้ผลิต, วันที่ลงทะเบียน (ในไฟล์: 15/10/2530)`` and its English."""
    th, en = [], []
    for name, held in lacking.items():
        label_th, label_en = label(name)
        th.append(f"{label_th} (ในไฟล์: {held})" if held else label_th)
        en.append(f"{label_en} (the file had: {held})" if held else label_en)
    return ", ".join(th), ", ".join(en)


def held_out() -> ColumnElement[bool]:
    """The producers held out of certificates and submissions: incomplete themselves or with
    an incomplete product."""
    # An alias: the test must not correlate with a query that selects products itself.
    other = aliased(Product)
    return or_(
        Entrepreneur.missing.is_not(None),
        exists().where(other.entrepreneur_id == Entrepreneur.id, other.missing.is_not(None)),
    )


@dataclass(frozen=True)
class IncompleteProduct:
    id: int
    code: str
    name: str
    lacking: dict[str, str]


@dataclass(frozen=True)
class IncompleteRecord:
    """A producer to complete: what it lacks itself, and its products that lack something."""

    entrepreneur_id: int
    reg_no: str
    name: str
    lacking: dict[str, str]
    products: list[IncompleteProduct] = field(default_factory=list)

    def describe(self) -> tuple[str, str]:
        """Everything it lacks, in Thai and English, its products' by their names."""
        th, en = describe(self.lacking) if self.lacking else ("", "")
        parts_th, parts_en = [th] if th else [], [en] if en else []
        for product in self.products:
            p_th, p_en = describe(product.lacking)
            parts_th.append(f"ผลิตภัณฑ์ {product.name}: {p_th}")
            parts_en.append(f"product {product.name}: {p_en}")
        return "; ".join(parts_th), "; ".join(parts_en)


def _records(session: Session, where: Sequence[ColumnElement[bool]] = ()) -> list[IncompleteRecord]:
    producers = session.execute(
        select(Entrepreneur.id, Entrepreneur.reg_no, Entrepreneur.name, Entrepreneur.missing)
        .where(held_out(), *where)
        .order_by(Entrepreneur.reg_no)
    ).all()
    records = {
        eid: IncompleteRecord(eid, reg_no, name, decode(missing))
        for eid, reg_no, name, missing in producers
    }
    if not records:
        return []
    products = session.execute(
        select(Product.entrepreneur_id, Product.id, Product.code, Product.name, Product.missing)
        .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
        .where(Product.missing.is_not(None), held_out(), *where)
        .order_by(Product.code)
    ).all()
    for eid, pid, code, name, missing in products:
        records[eid].products.append(IncompleteProduct(pid, code, name, decode(missing)))
    return list(records.values())


def list_incomplete(session: Session) -> list[IncompleteRecord]:
    """Every producer to complete, by registration number."""
    return _records(session)


def incomplete_with_sales(
    session: Session, period: Period, *, district_code: str | None = None
) -> list[IncompleteRecord]:
    """The incomplete producers (of ``district_code``, or all) with sales recorded in
    ``period``: the month's submission is refused while there are any; IncompleteHeld
    names them."""
    where: list[ColumnElement[bool]] = [
        exists().where(Sale.entrepreneur_id == Entrepreneur.id, Sale.period == period.key)
    ]
    if district_code:
        where.append(Entrepreneur.district_code == district_code)
    return _records(session, where)


def incomplete_in_month(
    session: Session, period: Period, district_codes: Sequence[str]
) -> list[IncompleteRecord]:
    """The incomplete producers of ``district_codes`` with anything in ``period``'s monthly
    submission: sales, a training they took part in, or a grant. Their rows cannot be sent
    (the producer is held out of the workbook's register sheets), so the month waits."""
    first, last = period.first_day, period.last_day
    in_month = or_(
        exists().where(Sale.entrepreneur_id == Entrepreneur.id, Sale.period == period.key),
        exists()
        .where(TrainingParticipant.entrepreneur_id == Entrepreneur.id)
        .where(Training.id == TrainingParticipant.training_id)
        .where(Training.held_on.between(first, last)),
        exists().where(
            Grant.entrepreneur_id == Entrepreneur.id, Grant.granted_on.between(first, last)
        ),
    )
    return _records(session, [in_month, Entrepreneur.district_code.in_(list(district_codes))])


def count_incomplete(session: Session) -> tuple[int, int]:
    """(incomplete entrepreneurs, incomplete products), each by its own mark."""
    entrepreneurs = session.scalar(
        select(func.count()).select_from(Entrepreneur).where(Entrepreneur.missing.is_not(None))
    )
    products = session.scalar(
        select(func.count()).select_from(Product).where(Product.missing.is_not(None))
    )
    return entrepreneurs or 0, products or 0


class IncompleteHeld(UserError):
    """Incomplete records stand in the way of ``what`` (a certificate, a month's
    submission); every one is named with what it lacks, up to ten."""

    def __init__(self, records: Sequence[IncompleteRecord], what_th: str, what_en: str) -> None:
        self.records = list(records)
        lines_th, lines_en = [], []
        for record in self.records[:_NAMED]:
            th, en = record.describe()
            lines_th.append(f"{record.reg_no} {record.name} (ขาด {th})")
            lines_en.append(f"{record.reg_no} {record.name} (lacks {en})")
        more = len(self.records) - _NAMED
        if more > 0:
            lines_th.append(f"และอีก {more:,} ราย")
            lines_en.append(f"and {more:,} more")
        super().__init__(
            f"{what_th}ไม่ได้ เพราะมีผู้ประกอบการที่ข้อมูลยังไม่ครบ กรุณากรอกให้ครบก่อน "
            f"(หน้า “ข้อมูลที่ต้องกรอกให้ครบ”): " + "; ".join(lines_th),
            f"Cannot {what_en}: these records are incomplete; complete them first "
            f"(the “To complete” page): " + "; ".join(lines_en),
        )
