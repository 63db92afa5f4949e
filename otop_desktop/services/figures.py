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

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import (
    CTE,
    BigInteger,
    ColumnElement,
    CompoundSelect,
    Select,
    Subquery,
    and_,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
    type_coerce,
    union,
    union_all,
)
from sqlalchemy.orm import QueryableAttribute, Session, aliased

from otop_desktop.domain import READINESS_ITEMS
from otop_desktop.errors import UserError
from otop_desktop.models import (
    DigitalReadiness,
    Entrepreneur,
    Product,
    ProductStandard,
    Sale,
    StarRating,
)
from otop_desktop.models.register import (
    BusinessClosure,
    BusinessTotal,
    ClosedBusinesses,
    ClosedProducts,
    ClosedReadiness,
    ClosedStandards,
    ProductTotal,
    ReadinessTotal,
    SalesTotal,
    StandardTotal,
    StatusChange,
    StatusTotal,
)
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

T = TypeVar("T")


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


#: A column as SQL expressions take it: a mapped attribute or any column expression.
Column = ColumnElement[T] | QueryableAttribute[T]


def satang(column: Column[Decimal]) -> ColumnElement[int]:
    """A money column summed as whole satang (exact integers, no Decimal per row)."""
    return satang_of(type_coerce(column, BigInteger))


def satang_of(column: Column[int]) -> ColumnElement[int]:
    """A column of whole satang summed (0 for no rows)."""
    return func.coalesce(func.sum(column), 0)


def baht(amount: int) -> Decimal:
    """Whole satang as baht with two decimals."""
    return Decimal(amount).scaleb(-2)


# --- entrepreneurs ---------------------------------------------------------------------


def closed_at(day: date, *, among: Select[Any] | None = None, few: bool = False) -> Select[int]:
    """Entrepreneurs whose status on the morning of ``day`` is closed: the latest change
    before it (by date, then by entry) is a closing; only those ``among`` when given, looked
    up business by business if they are ``few``."""
    later = aliased(StatusChange)
    status: ColumnElement[str] | QueryableAttribute[str] = StatusChange.status
    within = () if among is None else (StatusChange.entrepreneur_id.in_(among),)
    if few:
        # The status as an expression keeps SQLite off the (status, changed_on) index, which
        # would have it read every closing before the day.
        status = StatusChange.status.concat("")
    return select(StatusChange.entrepreneur_id).where(
        *within,
        status == "closed",
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


def select_counted(span: YearSpan) -> Select[int]:
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


def main_category(entrepreneur_id: Column[int]) -> ColumnElement[int | None]:
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


def sales_by(session: Session, span: YearSpan, key: str) -> dict[Any, int]:
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
    return {(row[0], row[1], row[2], row[3]): (int(row[4]), int(row[5])) for row in found}


def kept_totals(session: Session) -> dict[tuple[int, str, int, str], tuple[int, int]]:
    """sales_totals as stored, without its empty rows."""
    t = SalesTotal
    found = session.execute(
        select(t.period, t.district_code, t.category, t.soft_power, t.amount, t.row_count).where(
            t.row_count != 0
        )
    )
    return {(row[0], row[1], row[2], row[3]): (int(row[4]), int(row[5])) for row in found}


def recount_products(session: Session) -> dict[tuple[str, int, str, int], int]:
    """product_totals as the products give it now, without its empty rows."""
    p, e = Product, Entrepreneur
    key = (
        e.district_code,
        func.coalesce(p.category, 0),
        func.coalesce(p.soft_power, ""),
        p.current_stars,
    )
    found = session.execute(
        select(*key, func.count()).join(e, e.id == p.entrepreneur_id).group_by(*key)
    )
    return {(row[0], row[1], row[2], row[3]): int(row[4]) for row in found}


def kept_products(session: Session) -> dict[tuple[str, int, str, int], int]:
    """product_totals as stored, without its empty rows."""
    t = ProductTotal
    found = session.execute(
        select(t.district_code, t.category, t.soft_power, t.stars, t.products).where(
            t.products != 0
        )
    )
    return {(row[0], row[1], row[2], row[3]): int(row[4]) for row in found}


# --- a year's businesses and products --------------------------------------------------


#: A query of business ids, for ``in_()``.
Ids = Select[Any] | CompoundSelect[Any]


def excluded(span: YearSpan) -> CompoundSelect[int]:
    """The businesses that do not count in ``span``: not yet registered by its end (or
    without a registration date), or closed at its start."""
    return union(
        select(Entrepreneur.id).where(Entrepreneur.registered_on.is_(None)),
        select(Entrepreneur.id).where(Entrepreneur.registered_on > span.end),
        closed_at(span.start),
    )


@dataclass(frozen=True)
class LeftOut:
    """The businesses that do not count in a year, as the figures take them out: those closed
    before ``closed_before`` (the year's first day; SQLite only) out of the kept closed_*
    totals (migration 0013), and the others, ``ids``, row by row. The two never overlap."""

    ids: Ids
    closed_before: date | None = None

    @property
    def closed_period(self) -> int:
        """The period key the kept closings are taken out before."""
        assert self.closed_before is not None
        return Period.of(self.closed_before).key

    def all_ids(self) -> Ids:
        """Every business left out, as one query of ids."""
        if self.closed_before is None:
            return self.ids
        return union(
            self.ids,
            select(BusinessClosure.entrepreneur_id).where(
                BusinessClosure.closed_since < self.closed_before
            ),
        )


#: Up to how many entries of the history are looked up one by one rather than read in a scan.
_FEW = 2000


def left_out(session: Session, span: YearSpan) -> LeftOut:
    """:func:`excluded` found once per year. On SQLite most of it is the businesses closed
    for good before the year (their closing in business_closures), taken out of the kept
    totals; the rest — not registered by the year's end, or closed at its start but reopened
    or suspended since (only their history says which) — are found here and go back into
    each query as one JSON parameter (json_each)."""
    if not _kept_totals(session):
        return LeftOut(excluded(span))
    kept_closed = select(BusinessClosure.entrepreneur_id).where(
        BusinessClosure.closed_since < span.start
    )
    # A business with no reopening or suspension on or after the year's start is closed at
    # it exactly when its kept closing falls before it; the others are looked up.
    changed_since = select(StatusChange.entrepreneur_id).where(
        StatusChange.status.in_(("active", "suspended")), StatusChange.changed_on >= span.start
    )
    # Few for a recent year; for an older one every registration since is among them.
    few = (
        session.scalar(select(func.count()).select_from(changed_since.limit(_FEW).subquery())) or 0
    ) < _FEW
    rest = union(
        select(Entrepreneur.id).where(
            or_(Entrepreneur.registered_on.is_(None), Entrepreneur.registered_on > span.end),
            ~kept_closed.where(BusinessClosure.entrepreneur_id == Entrepreneur.id).exists(),
        ),
        closed_at(span.start, among=changed_since, few=few),
    )
    ids = json.dumps(list(session.scalars(rest)))
    return LeftOut(select(literal_column("value")).select_from(func.json_each(ids)), span.start)


def _closed_by(
    session: Session, left: LeftOut, number: Any, *columns: Any, where: Any = True
) -> Counter[Any]:
    """A kept closed_* table's ``number`` by ``columns`` (one: its values; none: the key
    ``()``), for the businesses closed before ``left.closed_before`` — nothing when the
    figures do not read the kept closings."""
    if left.closed_before is None:
        return Counter()
    table = number.class_
    found = session.execute(
        select(*columns, func.sum(number))
        .where(table.period < left.closed_period, where)
        .group_by(*columns)
    )
    return Counter(
        {(row[0] if len(columns) == 1 else tuple(row[:-1])): int(row[-1] or 0) for row in found}
    )


def entrepreneurs_by(
    session: Session, span: YearSpan, key: str, *, left: LeftOut | None = None
) -> Counter[str]:
    """The year's businesses by ``district_code`` or ``subdistrict_code``: on SQLite by
    district, the kept business_totals less the kept closings and the other businesses left
    out; otherwise those registered by its end less those among them left out (the rule,
    read off the indexes)."""
    column = getattr(Entrepreneur, key)
    left = left or LeftOut(excluded(span))
    found: Counter[str] = Counter()
    if key == "district_code" and left.closed_before is not None:
        b, c = BusinessTotal, ClosedBusinesses
        closed = _split(c.businesses, (c.district_code,), c.period < left.closed_period, sign=-1)
        found.update(_net(session, 1, [*_split(b.businesses, (b.district_code,)), *closed])[0])
        steps: list[tuple[int, ColumnElement[bool]]] = [(-1, Entrepreneur.id.in_(left.ids))]
    else:
        registered = Entrepreneur.registered_on <= span.end
        steps = [(1, registered), (-1, and_(registered, Entrepreneur.id.in_(left.all_ids())))]
    for sign, where in steps:
        for code, n in session.execute(select(column, func.count()).where(where).group_by(column)):
            found[code] += sign * n
    return Counter({code: n for code, n in found.items() if n})


def recount_businesses(session: Session) -> dict[str, int]:
    """business_totals as the register gives it now."""
    column = Entrepreneur.district_code
    return dict(session.execute(select(column, func.count()).group_by(column)).all())


def kept_businesses(session: Session) -> dict[str, int]:
    """business_totals as stored, without its empty rows."""
    t = BusinessTotal
    return dict(
        session.execute(select(t.district_code, t.businesses).where(t.businesses != 0)).all()
    )


def status_entries(session: Session) -> Counter[tuple[int, str]]:
    """(period key, status) → the history's entries of that month, and the registrations as
    status 'opened' (kept status_totals on SQLite)."""
    if not _kept_totals(session):
        return recount_status(session)
    t = StatusTotal
    found = session.execute(select(t.period, t.status, t.entries).where(t.entries != 0))
    return Counter({(period, status): n for period, status, n in found})


def recount_status(session: Session) -> Counter[tuple[int, str]]:
    """status_totals as the register gives it now (grouped by day in SQL, by month here)."""
    found: Counter[tuple[int, str]] = Counter()
    by_day = select(StatusChange.changed_on, StatusChange.status, func.count()).group_by(
        StatusChange.changed_on, StatusChange.status
    )
    registered = (
        select(Entrepreneur.registered_on, literal("opened"), func.count())
        .where(Entrepreneur.registered_on.is_not(None))
        .group_by(Entrepreneur.registered_on)
    )
    for stmt in (by_day, registered):
        for day, status, n in session.execute(stmt):
            if day is not None:  # registrations are read where the date is given
                found[(Period.of(day).key, status)] += n
    return found


@dataclass(frozen=True)
class ProductCounts:
    """A year's products by district of the business, category, Soft Power line and current
    stars (None: none)."""

    by_district: Counter[str]
    by_category: Counter[int | None]
    by_soft_power: Counter[str | None]
    by_stars: Counter[int]

    @property
    def total(self) -> int:
        return sum(self.by_district.values())


def _product_dims() -> tuple[Column[Any], ...]:
    p = Product
    return (
        Entrepreneur.district_code,
        func.coalesce(p.category, 0),
        func.coalesce(p.soft_power, ""),
        p.current_stars,
    )


def _split(
    number: Any, columns: tuple[Any, ...], *where: ColumnElement[bool], sign: int = 1
) -> list[Select[Any]]:
    """A kept table's ``number`` (times ``sign``) summed by each of ``columns`` in turn: one
    GROUP BY each, read off its covering index, as (side, value, n) rows."""
    return [
        select(literal(i).label("side"), column.label("value"), sign * func.sum(number))
        .where(*where)
        .group_by(column)
        for i, column in enumerate(columns)
    ]


def _net(session: Session, sides: int, parts: list[Select[Any]]) -> list[Counter[Any]]:
    """The (side, value, n) rows of ``parts`` (kept totals and closings taken away) netted in
    SQL, one Counter per side: one statement, each value once."""
    rows = union_all(*parts).subquery()
    found: list[Counter[Any]] = [Counter() for _ in range(sides)]
    for side, value, n in session.execute(
        select(rows.c.side, rows.c.value, func.sum(rows.c[2])).group_by(rows.c.side, rows.c.value)
    ):
        found[side][value] += int(n or 0)
    return found


def product_counts(
    session: Session, span: YearSpan, *, left: LeftOut | None = None
) -> ProductCounts:
    """The year's products. On SQLite: the kept product_totals less the kept closings' and
    the products of the other businesses that do not count (few, for a recent year)."""
    sides: list[Counter[Any]] = [Counter(), Counter(), Counter(), Counter()]
    dims = _product_dims()
    grouped = (
        select(*dims, func.count())
        .select_from(Product)
        .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
        .group_by(*dims)
    )
    if _kept_totals(session):
        t, c = ProductTotal, ClosedProducts
        left = left or LeftOut(excluded(span))
        parts = _split(t.products, (t.district_code, t.category, t.soft_power, t.stars))
        if left.closed_before is not None:
            closed = (c.district_code, c.category, c.soft_power, c.stars)
            parts += _split(c.products, closed, c.period < left.closed_period, sign=-1)
        for side, found in zip(sides, _net(session, 4, parts), strict=True):
            side.update(found)
        sign, rows = -1, grouped.where(Product.entrepreneur_id.in_(left.ids))
    else:
        sign, rows = 1, grouped.where(counted(span))
    for *key, n in session.execute(rows):
        for side, value in zip(sides, key, strict=True):
            side[value] += sign * n
    district, category, soft, stars = (
        Counter({k: int(n) for k, n in side.items() if n}) for side in sides
    )
    return ProductCounts(
        district,
        Counter({c or None: n for c, n in category.items()}),
        Counter({x or None: n for x, n in soft.items()}),
        stars,
    )


def year_totals(
    session: Session, span: YearSpan, *, left: LeftOut | None = None, sales: int | None = None
) -> tuple[int, int, int]:
    """The year's entrepreneurs, products and sales (satang; ``sales`` when the caller has
    summed them already), without their splits."""
    entrepreneurs = sum(entrepreneurs_by(session, span, "district_code", left=left).values())
    if _kept_totals(session):
        left = left or LeftOut(excluded(span))
        rows_out = session.scalar(
            select(func.count()).select_from(Product).where(Product.entrepreneur_id.in_(left.ids))
        )
        closed = sum(_closed_by(session, left, ClosedProducts.products).values())
        kept = session.scalar(select(func.sum(ProductTotal.products))) or 0
        products = kept - closed - (rows_out or 0)
    else:
        products = session.scalar(
            select(func.count())
            .select_from(Product)
            .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
            .where(counted(span))
        )
    if sales is None:
        sales = sales_total(session, span)
    return int(entrepreneurs or 0), int(products or 0), sales


def businesses_by_main_category(session: Session, span: YearSpan) -> Counter[int | None]:
    """The year's businesses by their main category (None: no categorised product)."""
    main = main_categories()
    found = session.execute(
        select(main.c.category, func.count())
        .select_from(Entrepreneur)
        .outerjoin(main, main.c.entrepreneur_id == Entrepreneur.id)
        .where(counted(span))
        .group_by(main.c.category)
    )
    return Counter(dict(found.all()))


# --- a year's totals -------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    entrepreneurs: int = 0
    products: int = 0
    sales: int = 0  # satang


@dataclass(frozen=True)
class CategoryTally:
    products: int = 0
    sales: int = 0  # satang


@dataclass(frozen=True)
class YearCounts:
    """A year's entrepreneurs, products and sales (satang) in all and by district and
    product category."""

    entrepreneurs: int
    products: int
    sales: int
    by_district: dict[str, Tally]
    by_category: dict[int | None, CategoryTally]
    #: The products split further, for the charts.
    products_by: ProductCounts


def by_area(session: Session, span: YearSpan, key: str) -> dict[str, Tally]:
    """The year's tallies by ``district_code`` or ``subdistrict_code`` of the business."""
    businesses = entrepreneurs_by(session, span, key)
    if key == "district_code":
        goods = product_counts(session, span).by_district
    else:
        column = getattr(Entrepreneur, key)
        goods = Counter(
            dict(
                session.execute(
                    select(column, func.count())
                    .select_from(Product)
                    .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
                    .where(counted(span))
                    .group_by(column)
                ).all()
            )
        )
    return _tallies(businesses, goods, sales_by(session, span, key))


def _tallies(
    businesses: Counter[str], goods: Counter[str], sales: dict[Any, int]
) -> dict[str, Tally]:
    return {
        str(code): Tally(businesses[code], goods[code], sales.get(code, 0))
        for code in {*businesses, *goods, *sales}
        if code is not None
    }


def year_counts(
    session: Session, span: YearSpan, *, left: LeftOut | None = None, sales: int | None = None
) -> YearCounts:
    """The year's counts; ``sales``: its sales in satang when the caller has them already."""
    products = product_counts(session, span, left=left)
    businesses = entrepreneurs_by(session, span, "district_code", left=left)
    category_products = products.by_category
    category_sales = sales_by(session, span, "category")
    return YearCounts(
        entrepreneurs=sum(businesses.values()),
        products=products.total,
        sales=sales_total(session, span) if sales is None else sales,
        by_district=_tallies(
            businesses, products.by_district, sales_by(session, span, "district_code")
        ),
        by_category={
            code: CategoryTally(category_products[code], category_sales.get(code, 0))
            for code in {*category_products, *category_sales}
        },
        products_by=products,
    )


def stars_at_end(session: Session, span: YearSpan, counts: YearCounts) -> Counter[int]:
    """The year's products by the rating they held at its end: their latest rating of a
    selection year up to the year (0: none)."""
    later = session.scalar(select(func.max(StarRating.year_be)))
    if later is None or later <= span.year:
        # No selection after the year: the current rating (the latest, kept on the product
        # by the services) is the one held at its end.
        return counts.products_by.by_stars
    latest = (
        select(StarRating.product_id, func.max(StarRating.year_be).label("year_be"))
        .where(StarRating.year_be <= span.year)
        .group_by(StarRating.product_id)
        .subquery()
    )
    held = Counter(
        dict(
            session.execute(
                select(StarRating.stars, func.count())
                .join(
                    latest,
                    and_(
                        latest.c.product_id == StarRating.product_id,
                        latest.c.year_be == StarRating.year_be,
                    ),
                )
                .join(Product, Product.id == StarRating.product_id)
                .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
                .where(counted(span))
                .group_by(StarRating.stars)
            ).all()
        )
    )
    held[0] = counts.products - sum(held.values())
    return held


def standards_held(
    session: Session, span: YearSpan, *, left: LeftOut | None = None
) -> Counter[str]:
    """The year's products by standard held: certificates not expired before the year
    began (or without an expiry date); all such certificates less those of the businesses
    that do not count (the kept closings' from closed_standards on SQLite)."""
    ps, c, t = ProductStandard, ClosedStandards, StandardTotal
    left = left or LeftOut(excluded(span))
    valid = or_(ps.expires_on.is_(None), ps.expires_on >= span.start)
    if _kept_totals(session):
        everything = select(t.standard, func.sum(t.certificates)).where(
            or_(t.expires_period == 0, t.expires_period >= span.first.key)
        )
        column = t.standard
    else:
        everything, column = select(ps.standard, func.count()).where(valid), ps.standard
    held = Counter(dict(session.execute(everything.group_by(column)).all()))
    held.subtract(
        _closed_by(
            session,
            left,
            c.certificates,
            c.standard,
            where=or_(c.expires_period == 0, c.expires_period >= span.first.key),
        )
    )
    left_out = session.execute(
        select(ps.standard, func.count())
        .join(Product, Product.id == ps.product_id)
        .where(valid, Product.entrepreneur_id.in_(left.ids))
        .group_by(ps.standard)
    )
    for standard, n in left_out:
        held[standard] -= n
    return held


def readiness_counts(
    session: Session, span: YearSpan, *, left: LeftOut | None = None
) -> Counter[tuple[tuple[str, bool], ...]]:
    """The year's assessed businesses by their checklist ((check, ticked) pairs in the
    order of READINESS_ITEMS): all assessments less those of businesses that do not count
    (the kept closings' from closed_readiness on SQLite)."""
    keys = [key for key, _, _ in READINESS_ITEMS]
    columns = [getattr(DigitalReadiness, key) for key in keys]
    left = left or LeftOut(excluded(span))
    grouped = select(*columns, func.count()).group_by(*columns)
    if _kept_totals(session):
        kept = [getattr(ReadinessTotal, key) for key in keys]
        everything = select(*kept, func.sum(ReadinessTotal.businesses)).group_by(*kept)
    else:
        everything = grouped
    found: Counter[tuple[tuple[str, bool], ...]] = Counter()
    steps: list[tuple[int, Select[Any]]] = [
        (1, everything),
        (-1, grouped.where(DigitalReadiness.entrepreneur_id.in_(left.ids))),
    ]
    for sign, stmt in steps:
        for *ticks, n in session.execute(stmt):
            found[tuple(zip(keys, map(bool, ticks), strict=True))] += sign * n
    closed = [getattr(ClosedReadiness, key) for key in keys]
    for ticks, n in _closed_by(session, left, ClosedReadiness.businesses, *closed).items():
        found[tuple(zip(keys, map(bool, ticks), strict=True))] -= n
    return Counter({k: n for k, n in found.items() if n})
