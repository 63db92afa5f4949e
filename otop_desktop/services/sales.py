"""Monthly sales: per entrepreneur and month either one whole-business figure or figures per
product, never both, each with the part sold online."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session, selectinload

from otop_desktop.domain import Status
from otop_desktop.errors import FieldError, ValidationError
from otop_desktop.models import Entrepreneur, Product, Sale
from otop_desktop.services.entrepreneurs import get_entrepreneur
from otop_desktop.services.locks import ensure_open
from otop_desktop.thaiformat import Period, format_be_date
from otop_desktop.validation import Checker


def not_trading(
    period: Period, registered_on: date | None, status: str, status_date: date | None
) -> tuple[str, str] | None:
    """Why a business has no sales in ``period`` (Thai, English), or None when it may have:
    a month before the one it registered in, or after the one it closed or was suspended in
    (that month itself it still traded in part). Such a month is neither asked for nor
    counted as missing, and a figure for it is refused."""
    if registered_on is not None and period < Period.of(registered_on):
        day = format_be_date(registered_on)
        return f"ลงทะเบียนเมื่อ {day}", f"registered on {day}"
    if status != Status.ACTIVE and status_date is not None and period > Period.of(status_date):
        day = format_be_date(status_date)
        if status == Status.CLOSED:
            return f"เลิกกิจการเมื่อ {day}", f"closed on {day}"
        return f"พักกิจการตั้งแต่ {day}", f"suspended since {day}"
    return None


def expected(
    period: Period, registered_on: date | None, status: str, status_date: date | None
) -> bool:
    """Whether the business owes figures for ``period``: a trading month of an active one,
    or of one closed or suspended later. One closed or suspended at a date not recorded (an
    old register's) is not asked for, though figures it has are kept."""
    if not_trading(period, registered_on, status, status_date) is not None:
        return False
    return status == Status.ACTIVE or status_date is not None


def _check_trading(check: Checker, entrepreneur: Entrepreneur, period: Period) -> None:
    why = not_trading(
        period, entrepreneur.registered_on, entrepreneur.status, entrepreneur.status_date
    )
    if why is not None:
        check.fail(
            "amount",
            f"ไม่มียอดจำหน่ายเดือน{period.label_th}ได้ เพราะ{why[0]}",
            f"no sales can be given for {period}: the business was {why[1]}",
        )


@dataclass(frozen=True)
class SaleInput:
    amount: Decimal | str | int
    online_amount: Decimal | str | int = Decimal(0)


@dataclass(frozen=True)
class Figure:
    """One checked figure: the month's sales and the part of them sold online."""

    amount: Decimal
    online_amount: Decimal


def check_sale(item: SaleInput) -> tuple[Figure, list[FieldError]]:
    """Checks one figure as typed (``1,250.50``, Thai digits); the errors name the field at
    fault, ``amount`` or ``online_amount``, so a grid can mark the very cell. The figure is
    only meaningful when there are no errors."""
    check = Checker()
    amount = check.money("amount", item.amount)
    online = check.money("online_amount", item.online_amount, required=False)
    if not check.errors and online > amount:
        check.fail(
            "online_amount",
            "ยอดขายออนไลน์ต้องไม่เกินยอดจำหน่ายทั้งหมด",
            "The online part is larger than the whole amount",
        )
    return Figure(amount, online), check.errors


def _checked(check: Checker, field: str, item: SaleInput) -> Figure:
    figure, errors = check_sale(item)
    # Name the row (whole business or product code) in every message of this figure.
    check.errors += [FieldError(field, e.message_th, e.message_en) for e in errors]
    return figure


def set_month_sales(
    session: Session,
    entrepreneur_id: int,
    period: Period,
    *,
    whole: SaleInput | None = None,
    by_product: dict[int, SaleInput] | None = None,
) -> list[Sale]:
    """Replaces one entrepreneur's sales for ``period``. ``whole`` is the whole-business figure;
    ``by_product`` maps product ids to their figures. Giving neither clears the month. A month
    submitted to the province is refused (PeriodLockedError) until it is unlocked; so is a
    month after the current one, and one the business did not trade in (not_trading)."""
    entrepreneur = get_entrepreneur(session, entrepreneur_id)
    _check_month(period)
    ensure_open(session, [entrepreneur.district_code], period)
    return _replace_month(session, entrepreneur, period, whole, by_product or {})


def _check_month(period: Period) -> None:
    """A month's sales may be entered while it runs, not before it has begun."""
    check = Checker()
    check.month("period", period, ended=False)
    check.done()


def _replace_month(
    session: Session,
    entrepreneur: Entrepreneur,
    period: Period,
    whole: SaleInput | None,
    by_product: dict[int, SaleInput],
) -> list[Sale]:
    entrepreneur_id = entrepreneur.id
    check = Checker()
    if whole is not None and by_product:
        check.fail(
            "amount",
            "กรอกยอดรวมทั้งกิจการหรือยอดรายผลิตภัณฑ์อย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองแบบ",
            "Give either one whole-business figure or figures per product, not both",
        )
        raise ValidationError(check.errors)
    if whole is not None or by_product:
        _check_trading(check, entrepreneur, period)
        check.done()
    codes = {p.id: p.code for p in entrepreneur.products}
    rows: list[Sale] = []
    if whole is not None:
        figure = _checked(check, "amount", whole)
        rows.append(
            Sale(period=period.key, amount=figure.amount, online_amount=figure.online_amount)
        )
    for product_id, item in by_product.items():
        if product_id not in codes:
            check.fail(
                "amount",
                f"ผลิตภัณฑ์ {product_id} ไม่ใช่ของ {entrepreneur.reg_no}",
                f"Product {product_id} does not belong to {entrepreneur.reg_no}",
            )
            continue
        figure = _checked(check, codes[product_id], item)
        rows.append(
            Sale(
                period=period.key,
                product_id=product_id,
                amount=figure.amount,
                online_amount=figure.online_amount,
            )
        )
    check.done()
    # "fetch" drops just the deleted rows from the session; the default would test every Sale
    # the session holds, which makes a whole month's save slow down with each entrepreneur.
    session.execute(
        delete(Sale)
        .where(Sale.entrepreneur_id == entrepreneur_id, Sale.period == period.key)
        .execution_options(synchronize_session="fetch")
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


# --- the month as one sheet, for entering a whole month at once -----------------------


@dataclass(frozen=True)
class SheetProduct:
    id: int
    code: str
    name: str
    category: int | None  # None: an incomplete product (services.incomplete)
    figure: Figure | None


@dataclass(frozen=True)
class SheetRow:
    """One entrepreneur on the month's sheet, with its products and that month's figures."""

    entrepreneur_id: int
    reg_no: str
    name: str
    status: str
    products: tuple[SheetProduct, ...]
    whole: Figure | None
    #: The month's figures are per product; for a month without figures yet, the month
    #: before's were (a producer usually reports the same way each month).
    per_product: bool
    #: Why the business has no sales this month (Thai, English; see not_trading), or None.
    not_trading: tuple[str, str] | None = None
    #: Whether its figures are owed this month: only these are counted as missing.
    expected: bool = True


@dataclass(frozen=True)
class MonthChange:
    """What one entrepreneur's month becomes: as in set_month_sales, neither figure clears
    the month."""

    entrepreneur_id: int
    whole: SaleInput | None = None
    by_product: dict[int, SaleInput] = field(default_factory=dict)


def _on_sheet(period: Period, district_code: str | None) -> list[Any]:
    """Who the sheet lists: active producers (one registered later shown as such), one
    closed or suspended in or after the month (it still traded in it), and any other that
    has figures this month."""
    reported = select(Sale.entrepreneur_id).where(Sale.period == period.key)
    where = [
        or_(
            Entrepreneur.status == Status.ACTIVE.value,
            Entrepreneur.status_date >= period.first_day,
            Entrepreneur.id.in_(reported),
        )
    ]
    if district_code:
        where.append(Entrepreneur.district_code == district_code)
    return where


def _in_district(stmt: Any, district_code: str | None) -> Any:
    if not district_code:
        return stmt
    return stmt.join(Entrepreneur, Entrepreneur.id == Sale.entrepreneur_id).where(
        Entrepreneur.district_code == district_code
    )


def month_sheet(
    session: Session, period: Period, district_code: str | None = None
) -> list[SheetRow]:
    """Every entrepreneur of the sheet in registration-number order, with its products and
    the month's figures. Four queries whatever the size of the register."""
    where = _on_sheet(period, district_code)
    people = session.execute(
        select(
            Entrepreneur.id,
            Entrepreneur.reg_no,
            Entrepreneur.name,
            Entrepreneur.status,
            Entrepreneur.registered_on,
            Entrepreneur.status_date,
        )
        .where(*where)
        .order_by(Entrepreneur.reg_no)
    ).all()
    products = session.execute(
        select(Product.id, Product.entrepreneur_id, Product.code, Product.name, Product.category)
        .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
        .where(*where)
        .order_by(Product.code)
    ).all()
    figures = session.execute(
        _in_district(
            select(Sale.entrepreneur_id, Sale.product_id, Sale.amount, Sale.online_amount).where(
                Sale.period == period.key
            ),
            district_code,
        )
    ).all()
    per_product_before = set(
        session.scalars(
            _in_district(
                select(Sale.entrepreneur_id)
                .where(Sale.period == period.prev().key, Sale.product_id.is_not(None))
                .distinct(),
                district_code,
            )
        )
    )
    whole: dict[int, Figure] = {}
    by_product: dict[int, Figure] = {}
    per_product_now: set[int] = set()
    for entrepreneur_id, product_id, amount, online in figures:
        if product_id is None:
            whole[entrepreneur_id] = Figure(amount, online)
        else:
            by_product[product_id] = Figure(amount, online)
            per_product_now.add(entrepreneur_id)
    owned: dict[int, list[SheetProduct]] = defaultdict(list)
    for product_id, entrepreneur_id, code, name, category in products:
        owned[entrepreneur_id].append(
            SheetProduct(product_id, code, name, category, by_product.get(product_id))
        )
    return [
        SheetRow(
            entrepreneur_id=entrepreneur_id,
            reg_no=reg_no,
            name=name,
            status=status,
            products=tuple(owned[entrepreneur_id]),
            whole=whole.get(entrepreneur_id),
            per_product=entrepreneur_id in per_product_now
            or (
                bool(owned[entrepreneur_id])
                and entrepreneur_id not in whole
                and entrepreneur_id in per_product_before
            ),
            not_trading=not_trading(period, registered_on, status, status_date),
            expected=expected(period, registered_on, status, status_date),
        )
        for entrepreneur_id, reg_no, name, status, registered_on, status_date in people
    ]


def save_month_sheet(session: Session, period: Period, changes: Iterable[MonthChange]) -> int:
    """Applies many entrepreneurs' figures for ``period`` inside the caller's one unit of work.
    Every problem of every entrepreneur is gathered into one ValidationError whose fields and
    messages name the registration number (whole-business figure) or the product code, so
    the caller's transaction rolls back and nothing is saved. Returns how many were saved."""
    changes = list(changes)
    _check_month(period)
    # One query loads them all with their products; set_month_sales then finds them in the
    # session instead of querying entrepreneur by entrepreneur.
    loaded = session.scalars(
        select(Entrepreneur)
        .where(Entrepreneur.id.in_([c.entrepreneur_id for c in changes]))
        .options(selectinload(Entrepreneur.products))
    ).all()
    found = {e.id: e for e in loaded}
    for change in changes:
        if change.entrepreneur_id not in found:
            get_entrepreneur(session, change.entrepreneur_id)  # raises NotFoundError
    ensure_open(session, {e.district_code for e in loaded}, period)
    errors: list[FieldError] = []
    for change in changes:
        try:
            _replace_month(
                session, found[change.entrepreneur_id], period, change.whole, change.by_product
            )
        except ValidationError as exc:
            reg_no = found[change.entrepreneur_id].reg_no
            for e in exc.errors:
                # Figure errors carry the product code already; the rest are the whole
                # business's, which the registration number names.
                where = reg_no if e.field == "amount" else e.field
                errors.append(
                    FieldError(where, f"{where}: {e.message_th}", f"{where}: {e.message_en}")
                )
    if errors:
        raise ValidationError(errors)
    return len(changes)
