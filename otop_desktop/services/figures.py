"""The counting rules of the register's yearly figures, written once: the overview's charts,
the annual report and ``stats --year`` all count through here.

- A year is a fiscal year (ปีงบประมาณ, 1 October – 30 September, named by the B.E. year it
  ends in) or, as an option, a calendar year (B.E.).
- An entrepreneur counts in a year if registered by the year's end and not closed before its
  start (its status at the start, from the history of status changes, is not 'closed'). A
  record imported without a registration date counts in no year until it is completed.
- A product counts in a year if its entrepreneur does (products carry no date of their own).
- A year's sales are the rows of its months, whoever made them. Whole-business rows (no
  product) count under the business's main category: the category of most of its products,
  the lowest code on a tie; a business without a categorised product has none (None).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import (
    CTE,
    BigInteger,
    ColumnElement,
    Select,
    Subquery,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased

from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur, Product, Sale
from otop_desktop.models.register import SalesTotal, StatusChange
from otop_desktop.thaiformat import (
    MAX_BE_YEAR,
    MIN_BE_YEAR,
    Period,
    be_year,
    ce_year,
    fiscal_year_be,
    fiscal_year_range,
    thai_today,
)


@dataclass(frozen=True)
class YearSpan:
    """One B.E. year of figures: fiscal (October–September) or calendar."""

    year: int
    calendar: bool
    start: date
    end: date

    @property
    def first(self) -> Period:
        return Period.of(self.start)

    @property
    def last(self) -> Period:
        return Period.of(self.end)

    @property
    def periods(self) -> tuple[Period, ...]:
        return tuple(Period.range(self.first, self.last))

    def previous(self) -> YearSpan:
        return year_span(self.year - 1, calendar=self.calendar)

    def as_of(self, today: date | None = None) -> Period | None:
        """The last month that has ended if the year is not yet over on ``today`` (the
        office's day by default); None for a year that is over."""
        last_ended = Period.of(today or thai_today()).prev()
        return None if last_ended >= self.last else last_ended

    def last_ended(self, today: date | None = None) -> Period:
        """The year's last month that has ended (its first month for a year not begun)."""
        return max(self.first, self.as_of(today) or self.last)

    @property
    def label_th(self) -> str:
        return f"{'ปี' if self.calendar else 'ปีงบประมาณ'} พ.ศ. {self.year}"

    @property
    def label_en(self) -> str:
        return f"{'calendar year' if self.calendar else 'fiscal year'} {self.year} B.E."


def year_span(year: int, *, calendar: bool = False) -> YearSpan:
    """The year ``year`` (B.E.); a C.E. year or one out of range is refused."""
    if not MIN_BE_YEAR + 1 <= year <= MAX_BE_YEAR:
        raise UserError(
            f"ปีต้องเป็น พ.ศ. เช่น 2565 (พบ {year})",
            f"The year must be in B.E., e.g. 2565 (found {year})",
        )
    if calendar:
        ce = ce_year(year)
        return YearSpan(year, True, date(ce, 1, 1), date(ce, 12, 31))
    start, end = fiscal_year_range(year)
    return YearSpan(year, False, start, end)


def year_of(d: date, *, calendar: bool) -> int:
    """The B.E. year ``d`` falls in, fiscal or calendar."""
    return be_year(d) if calendar else fiscal_year_be(d)


def satang(column: ColumnElement[Decimal]) -> ColumnElement[int]:
    """A money column summed as whole satang (exact integers, no Decimal per row)."""
    return satang_of(type_coerce(column, BigInteger))


def satang_of(column: ColumnElement[int]) -> ColumnElement[int]:
    """A column of whole satang summed (0 for no rows)."""
    return func.coalesce(func.sum(column), 0)


def baht(amount: int) -> Decimal:
    """Whole satang as baht with two decimals."""
    return Decimal(amount).scaleb(-2)


# --- entrepreneurs ---------------------------------------------------------------------


def closed_at(day: date) -> Select[tuple[int]]:
    """Entrepreneurs whose status on the morning of ``day`` is closed: the latest change
    before it (by date, then by entry) is a closing."""
    later = aliased(StatusChange)
    return select(StatusChange.entrepreneur_id).where(
        StatusChange.status == "closed",
        StatusChange.changed_on < day,
        ~select(later.id)
        .where(
            later.entrepreneur_id == StatusChange.entrepreneur_id,
            later.changed_on < day,
            or_(
                later.changed_on > StatusChange.changed_on,
                and_(later.changed_on == StatusChange.changed_on, later.id > StatusChange.id),
            ),
        )
        .exists(),
    )


def counted(span: YearSpan) -> ColumnElement[bool]:
    """The rule: registered by the year's end and not closed before its start."""
    return and_(
        Entrepreneur.registered_on <= span.end,
        Entrepreneur.id.not_in(closed_at(span.start)),
    )


def select_counted(span: YearSpan) -> Select[tuple[int]]:
    """The ids of the entrepreneurs that count in ``span``."""
    return select(Entrepreneur.id).where(counted(span))


# --- categories ------------------------------------------------------------------------


def main_categories() -> CTE:
    """(entrepreneur_id, category): each business's main category — the category of most of
    its products, the lowest code on a tie; businesses without one are absent."""
    counts = (
        select(
            Product.entrepreneur_id.label("entrepreneur_id"),
            Product.category.label("category"),
            func.row_number()
            .over(
                partition_by=Product.entrepreneur_id,
                order_by=(func.count().desc(), Product.category),
            )
            .label("rank"),
        )
        .where(Product.category.is_not(None))
        .group_by(Product.entrepreneur_id, Product.category)
        .subquery("category_counts")
    )
    # Materialised: joined to sales rows, the planner would otherwise rank the products
    # again for every row.
    return (
        select(counts.c.entrepreneur_id, counts.c.category)
        .where(counts.c.rank == 1)
        .cte("main_categories")
        .prefix_with("MATERIALIZED")
    )


def main_category(entrepreneur_id: ColumnElement[int]) -> ColumnElement[int | None]:
    """The main category of the business ``entrepreneur_id`` (a column or a value), as one
    scalar subquery on the products' entrepreneur index: the rule above, row by row."""
    # Its own alias: the query it sits in may read the products too.
    own = aliased(Product)
    return (
        select(own.category)
        .where(own.entrepreneur_id == entrepreneur_id, own.category.is_not(None))
        .group_by(own.category)
        .order_by(func.count().desc(), own.category)
        .limit(1)
        .scalar_subquery()
    )


def main_category_of(session: Session, entrepreneur_id: int) -> int | None:
    """One business's main category (the rule above), or None."""
    return session.scalar(select(main_category(literal(entrepreneur_id))))


# --- sales -----------------------------------------------------------------------------
# On SQLite the year's sales are read from sales_totals (models.register.SalesTotal), which
# the database's triggers keep exact (migration 0010); elsewhere, and for the recount that
# checks it, from the sales rows themselves.


def _kept_totals(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _sale_rows() -> Subquery:
    """Every sale with the month, the business's area, the category it counts under (0 for
    none) and its Soft Power line ('' for none): what sales_totals sums."""
    category = case(
        (Sale.product_id.is_(None), main_category(Sale.entrepreneur_id)),
        else_=Product.category,
    )
    return (
        select(
            Sale.period.label("period"),
            Entrepreneur.district_code.label("district_code"),
            Entrepreneur.subdistrict_code.label("subdistrict_code"),
            func.coalesce(category, 0).label("category"),
            func.coalesce(Product.soft_power, "").label("soft_power"),
            Sale.amount.label("amount"),
        )
        .join(Entrepreneur, Entrepreneur.id == Sale.entrepreneur_id)
        .outerjoin(Product, Product.id == Sale.product_id)
        .subquery("sale_rows")
    )


def sales_by_period(session: Session, first: Period, last: Period) -> dict[int, int]:
    """Period key → satang, for the months ``first``–``last`` that have sales."""
    if _kept_totals(session):
        period, amount = SalesTotal.period, satang_of(SalesTotal.amount)
    else:
        period, amount = Sale.period, satang(Sale.amount)
    rows = session.execute(
        select(period, amount)
        .where(period.between(first.key, last.key))
        .group_by(period)
        .order_by(period)
    )
    return {key: int(total) for key, total in rows if total}


def sales_total(session: Session, span: YearSpan) -> int:
    """The year's sales in satang."""
    return sum(sales_by_period(session, span.first, span.last).values())


def sales_by(session: Session, span: YearSpan, key: str) -> dict[object, int]:
    """The year's sales in satang by ``key``: ``category`` (the rule above; None for sales
    that count under no category), ``soft_power`` (None for none), ``district_code`` or
    ``subdistrict_code`` (of the business)."""
    if _kept_totals(session) and key != "subdistrict_code":
        source = SalesTotal.__table__
        amount = satang_of(source.c.amount)
    else:
        source = _sale_rows()
        amount = satang(source.c.amount)
    column = source.c[key]
    found = session.execute(
        select(column, amount)
        .where(source.c.period.between(span.first.key, span.last.key))
        .group_by(column)
    )
    empty = {"category": 0, "soft_power": ""}.get(key)
    return {(None if value == empty else value): int(total) for value, total in found if total}


def recount_totals(session: Session) -> dict[tuple[int, str, int, str], tuple[int, int]]:
    """sales_totals as the sales rows give it now, without its empty rows: (period,
    district, category, Soft Power) → (satang, rows). Equal to :func:`kept_totals` while the
    triggers keep it."""
    rows = _sale_rows()
    key = (rows.c.period, rows.c.district_code, rows.c.category, rows.c.soft_power)
    found = session.execute(select(*key, satang(rows.c.amount), func.count()).group_by(*key))
    return {tuple(row[:4]): (int(row[4]), int(row[5])) for row in found}  # type: ignore[misc]


def kept_totals(session: Session) -> dict[tuple[int, str, int, str], tuple[int, int]]:
    """sales_totals as stored, without its empty rows."""
    t = SalesTotal
    found = session.execute(
        select(t.period, t.district_code, t.category, t.soft_power, t.amount, t.row_count).where(
            t.row_count != 0
        )
    )
    return {tuple(row[:4]): (int(row[4]), int(row[5])) for row in found}  # type: ignore[misc]


# --- a year's totals -------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    entrepreneurs: int = 0
    products: int = 0
    sales: int = 0  # satang


@dataclass(frozen=True)
class YearCounts:
    """A year's entrepreneurs, products and sales (satang) in all and by district and
    product category (businesses by their main category)."""

    entrepreneurs: int
    products: int
    sales: int
    by_district: dict[str, Tally]
    by_category: dict[int | None, Tally]


def _grouped(session: Session, span: YearSpan, column: ColumnElement[object]) -> dict:  # type: ignore[type-arg]
    """(entrepreneurs, products) of the counted businesses by ``column`` of entrepreneurs."""
    rule = counted(span)
    businesses = dict(
        session.execute(select(column, func.count()).where(rule).group_by(column)).all()
    )
    goods = dict(
        session.execute(
            select(column, func.count())
            .select_from(Product)
            .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
            .where(rule)
            .group_by(column)
        ).all()
    )
    return {
        key: (int(businesses.get(key, 0)), int(goods.get(key, 0))) for key in {*businesses, *goods}
    }


def by_area(session: Session, span: YearSpan, key: str) -> dict[str, Tally]:
    """The year's tallies by ``district_code`` or ``subdistrict_code`` of the business."""
    counts = _grouped(session, span, getattr(Entrepreneur, key))
    sales = sales_by(session, span, key)
    return {
        str(code): Tally(*counts.get(code, (0, 0)), sales.get(code, 0))
        for code in {*counts, *sales}
        if code is not None
    }


def by_category(session: Session, span: YearSpan) -> dict[int | None, Tally]:
    """The year's products and sales by category, businesses by their main category."""
    rule = counted(span)
    main = main_categories()
    businesses = dict(
        session.execute(
            select(main.c.category, func.count())
            .join(Entrepreneur, Entrepreneur.id == main.c.entrepreneur_id)
            .where(rule)
            .group_by(main.c.category)
        ).all()
    )
    goods = dict(
        session.execute(
            select(Product.category, func.count())
            .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
            .where(rule)
            .group_by(Product.category)
        ).all()
    )
    sales = sales_by(session, span, "category")
    return {
        key: Tally(int(businesses.get(key, 0)), int(goods.get(key, 0)), sales.get(key, 0))
        for key in {*businesses, *goods, *sales}
    }


def year_counts(session: Session, span: YearSpan) -> YearCounts:
    districts = by_area(session, span, "district_code")
    return YearCounts(
        entrepreneurs=sum(t.entrepreneurs for t in districts.values()),
        products=sum(t.products for t in districts.values()),
        sales=sales_total(session, span),
        by_district=districts,
        by_category=by_category(session, span),
    )
