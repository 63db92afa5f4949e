"""Monthly sales: per entrepreneur and month either one whole-business figure or figures per
product, never both, each with the part sold online."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from otop_desktop.errors import ValidationError
from otop_desktop.models import Sale
from otop_desktop.services.entrepreneurs import get_entrepreneur
from otop_desktop.thaiformat import Period
from otop_desktop.validation import Checker


@dataclass(frozen=True)
class SaleInput:
    amount: Decimal | str | int
    online_amount: Decimal | str | int = Decimal(0)


def _checked(check: Checker, field: str, item: SaleInput) -> tuple[Decimal, Decimal]:
    before = len(check.errors)
    amount = check.money("amount", item.amount)
    online = check.money("online_amount", item.online_amount, required=False)
    # Name the row (whole business or product code) in every message of this figure.
    check.errors[before:] = [
        type(e)(field, e.message_th, e.message_en) for e in check.errors[before:]
    ]
    if len(check.errors) == before and online > amount:
        check.fail(
            field,
            "ยอดขายออนไลน์ต้องไม่เกินยอดจำหน่ายทั้งหมด",
            "The online part is larger than the whole amount",
        )
    return amount, online


def set_month_sales(
    session: Session,
    entrepreneur_id: int,
    period: Period,
    *,
    whole: SaleInput | None = None,
    by_product: dict[int, SaleInput] | None = None,
) -> list[Sale]:
    """Replaces one entrepreneur's sales for ``period``. ``whole`` is the whole-business figure;
    ``by_product`` maps product ids to their figures. Giving neither clears the month."""
    by_product = by_product or {}
    check = Checker()
    if whole is not None and by_product:
        check.fail(
            "amount",
            "กรอกยอดรวมทั้งกิจการหรือยอดรายผลิตภัณฑ์อย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองแบบ",
            "Give either one whole-business figure or figures per product, not both",
        )
        raise ValidationError(check.errors)
    entrepreneur = get_entrepreneur(session, entrepreneur_id)
    codes = {p.id: p.code for p in entrepreneur.products}
    rows: list[Sale] = []
    if whole is not None:
        amount, online = _checked(check, "amount", whole)
        rows.append(Sale(period=period.key, amount=amount, online_amount=online))
    for product_id, item in by_product.items():
        if product_id not in codes:
            check.fail(
                "amount",
                f"ผลิตภัณฑ์ {product_id} ไม่ใช่ของ {entrepreneur.reg_no}",
                f"Product {product_id} does not belong to {entrepreneur.reg_no}",
            )
            continue
        amount, online = _checked(check, codes[product_id], item)
        rows.append(
            Sale(period=period.key, product_id=product_id, amount=amount, online_amount=online)
        )
    check.done()
    session.execute(
        delete(Sale).where(Sale.entrepreneur_id == entrepreneur_id, Sale.period == period.key)
    )
    for row in rows:
        row.entrepreneur_id = entrepreneur_id
    session.add_all(rows)
    session.flush()
    return rows


def month_sales(session: Session, entrepreneur_id: int, period: Period) -> list[Sale]:
    return list(
        session.scalars(
            select(Sale)
            .where(Sale.entrepreneur_id == entrepreneur_id, Sale.period == period.key)
            .order_by(Sale.product_id)
        )
    )
