"""The counting rules shared by the overview, the annual report and ``stats --year``, and the
history of status changes they read."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import delete, func, insert, select, text, update

from otop_desktop.domain import READINESS_ITEMS
from otop_desktop.errors import UserError
from otop_desktop.models import (
    DigitalReadiness,
    Entrepreneur,
    Product,
    ProductStandard,
    Sale,
)
from otop_desktop.models.register import StatusChange
from otop_desktop.services import entrepreneurs, figures, products, sales, status_history
from otop_desktop.services.overview import overview, status_years
from otop_desktop.services.products import ProductInput, StandardInput
from otop_desktop.services.sales import SaleInput
from otop_desktop.thaiformat import Period
from tests.conftest import person

TODAY = date(2026, 12, 3)


def test_fiscal_and_calendar_years() -> None:
    fy = figures.year_span(2565)
    assert (fy.start, fy.end) == (date(2021, 10, 1), date(2022, 9, 30))
    assert (fy.first, fy.last) == (Period(2564, 10), Period(2565, 9))
    assert len(fy.periods) == 12 and fy.previous().year == 2564
    cy = figures.year_span(2565, calendar=True)
    assert (cy.start, cy.end) == (date(2022, 1, 1), date(2022, 12, 31))
    assert figures.year_of(date(2022, 10, 1), calendar=False) == 2566
    assert figures.year_of(date(2022, 10, 1), calendar=True) == 2565
    # A year not over says as of its last ended month.
    assert figures.year_span(2570).as_of(TODAY) == Period(2569, 11)
    assert figures.year_span(2569).as_of(TODAY) is None
    with pytest.raises(UserError, match="must be in B"):
        figures.year_span(2022)


def _edit(session, entrepreneur_id: int, **changes: object) -> None:
    e = session.get(Entrepreneur, entrepreneur_id)
    data = person(
        name=e.name,
        national_id=e.national_id,
        subdistrict_code=e.subdistrict_code,
        registered_on=e.registered_on,
    )
    for key, value in changes.items():
        setattr(data, key, value)
    entrepreneurs.update_entrepreneur(session, entrepreneur_id, data)


def test_an_entrepreneur_counts_from_registration_until_closed(register) -> None:
    with register.write() as s:
        early = entrepreneurs.create_entrepreneur(s, person(registered_on=date(2020, 1, 5)))
        late = entrepreneurs.create_entrepreneur(s, person(registered_on=date(2022, 11, 1)))
        closed = entrepreneurs.create_entrepreneur(s, person(registered_on=date(2020, 1, 5)))
        _edit(s, closed.id, status="closed", status_reason="COVID-19", status_date=date(2021, 6, 1))
        reopened = entrepreneurs.create_entrepreneur(s, person(registered_on=date(2020, 1, 5)))
        _edit(
            s, reopened.id, status="closed", status_reason="COVID-19", status_date=date(2021, 6, 1)
        )
        _edit(s, reopened.id, status="active", status_date=date(2022, 3, 1))
        for e in (early, late, closed, reopened):
            products.create_product(s, e.id, ProductInput("ผ้าฝ้าย", 3, "10"))
        ids = {"early": early.id, "late": late.id, "closed": closed.id, "reopened": reopened.id}

    def counted(year: int, calendar: bool) -> set[str]:
        span = figures.year_span(year, calendar=calendar)
        with register.read() as s:
            found = set(s.scalars(figures.select_counted(span)))
        return {name for name, i in ids.items() if i in found}

    # Closed in June 2564 (2021): counts in calendar 2564, not 2565. The rule is the status at
    # the year's start: one reopened in March 2565 counts again from 2566 on.
    assert counted(2564, True) == {"early", "closed", "reopened"}
    assert counted(2565, True) == {"early", "late"}
    assert counted(2566, True) == {"early", "late", "reopened"}
    # Fiscal 2566 starts 1 Oct 2022: the late one (registered Nov 2022) is in it, not in 2565.
    assert counted(2565, False) == {"early"}
    assert counted(2566, False) == {"early", "late", "reopened"}
    with register.read() as s:
        o = overview(s, 2565, calendar=True, today=TODAY)
    assert (o.entrepreneurs, o.products) == (2, 2)
    assert (o.previous_entrepreneurs, o.previous_products) == (3, 3)


def test_whole_business_sales_count_under_the_main_category(register) -> None:
    with register.write() as s:
        tie = entrepreneurs.create_entrepreneur(s, person())
        for name, category in (("แคบหมู", 1), ("ผ้าทอ", 3), ("น้ำพริก", 1), ("ผ้าถุง", 3)):
            products.create_product(s, tie.id, ProductInput(name, category, "10"))
        most = entrepreneurs.create_entrepreneur(s, person())
        for name, category in (("ร่ม", 4), ("โคม", 4), ("สมุนไพร", 5)):
            products.create_product(s, most.id, ProductInput(name, category, "10"))
        bare = entrepreneurs.create_entrepreneur(s, person())
        item = products.create_product(s, most.id, ProductInput("ชา", 2, "10"))
        sales.set_month_sales(s, tie.id, Period(2568, 1), whole=SaleInput("100.50"))
        sales.set_month_sales(s, most.id, Period(2568, 1), whole=SaleInput("7"))
        sales.set_month_sales(s, most.id, Period(2568, 2), by_product={item.id: SaleInput("3")})
        sales.set_month_sales(s, bare.id, Period(2568, 2), whole=SaleInput("1"))
        assert figures.main_category_of(s, tie.id) == 1  # two each: the lower code
        assert figures.main_category_of(s, most.id) == 4
        assert figures.main_category_of(s, bare.id) is None
    span = figures.year_span(2568, calendar=True)
    with register.read() as s:
        by_category = figures.sales_by(s, span, "category")
        assert by_category == {1: 10050, 4: 700, 2: 300, None: 100}
        assert figures.sales_total(s, span) == 11150
        o = overview(s, 2568, calendar=True, today=TODAY)
    rows = {r.key: r for r in o.categories}
    assert str(rows[1].sales) == "100.50" and rows[1].products == 2
    assert str(rows[None].sales) == "1.00"
    assert sum(r.sales for r in o.categories) == o.sales
    assert [m.key for m in o.months][:2] == [256801, 256802]
    assert str(o.months[0].sales) == "107.50"


def test_the_history_of_status_changes(register) -> None:
    with register.write() as s:
        e = entrepreneurs.create_entrepreneur(s, person(registered_on=date(2019, 2, 1)))
        _edit(s, e.id, status="suspended", status_reason="COVID-19", status_date=date(2020, 4, 1))
        _edit(s, e.id, status="active", status_date=date(2021, 11, 1))
        _edit(s, e.id, status="closed", status_reason="ย้ายถิ่น", status_date=date(2022, 2, 1))
        _edit(s, e.id, status="closed", status_reason="ย้ายถิ่น", status_date=date(2022, 2, 1))
        # A corrected closing date and reason correct the entry, not add one.
        _edit(s, e.id, status="closed", status_reason="ย้ายไปต่างจังหวัด", status_date=date(2022, 1, 5))
        entries = status_history.history(s, e.id)
        assert [(x.changed_on, x.status) for x in entries] == [
            (date(2019, 2, 1), "active"),
            (date(2020, 4, 1), "suspended"),
            (date(2021, 11, 1), "active"),
            (date(2022, 1, 5), "closed"),
        ]
        assert entries[1].reason == "COVID-19" and entries[-1].reason == "ย้ายไปต่างจังหวัด"
        rows = {r.key: r for r in status_years(s, calendar=False)}
    assert rows[2562].opened == 1
    assert rows[2563].suspended == 1
    assert rows[2565].reopened == 1 and rows[2565].closed == 1  # FY 2565: Oct 2021–Sep 2022


def test_catch_up_writes_what_bulk_writers_left_out(register) -> None:
    with register.write() as s:
        a = entrepreneurs.create_entrepreneur(s, person(registered_on=date(2020, 1, 1)))
        b = entrepreneurs.create_entrepreneur(s, person(registered_on=date(2020, 1, 1)))
        # As an import writes: the record changed without the services.
        s.execute(
            update(Entrepreneur)
            .where(Entrepreneur.id == a.id)
            .values(status="closed", status_reason="x", status_date=date(2023, 5, 1))
        )
        s.execute(delete(StatusChange).where(StatusChange.entrepreneur_id == b.id))
        assert status_history.catch_up(s, today=TODAY) == 2
        assert status_history.catch_up(s, today=TODAY) == 0
        assert [x.status for x in status_history.history(s, a.id)] == ["active", "closed"]
        assert [x.changed_on for x in status_history.history(s, b.id)] == [date(2020, 1, 1)]


@pytest.mark.sqlite_only  # sales_totals is kept by SQLite triggers; PostgreSQL sums the sales
def test_the_kept_totals_equal_a_full_recount_after_every_change(register) -> None:
    def same(s) -> None:
        s.flush()
        assert figures.kept_totals(s) == figures.recount_totals(s)
        assert figures.kept_products(s) == figures.recount_products(s)
        assert figures.kept_businesses(s) == figures.recount_businesses(s)
        kept_status = figures.status_entries(s)
        assert kept_status == +figures.recount_status(s)
        s.expire_all()  # the writes around the ORM

    with register.write() as s:
        a = entrepreneurs.create_entrepreneur(s, person(subdistrict_code="501301"))
        b = entrepreneurs.create_entrepreneur(s, person(subdistrict_code="501302"))
        cloth = products.create_product(s, a.id, ProductInput("ผ้าทอ", 3, "10"))
        food = products.create_product(s, a.id, ProductInput("แคบหมู", 1, "10", soft_power="Food"))
        sales.set_month_sales(s, a.id, Period(2568, 1), whole=SaleInput("100"))
        sales.set_month_sales(
            s, a.id, Period(2568, 2), by_product={cloth.id: SaleInput("7"), food.id: SaleInput("5")}
        )
        sales.set_month_sales(s, b.id, Period(2568, 2), whole=SaleInput("1.50"))
        same(s)
        assert figures.kept_totals(s)[(256801, "5013", 1, "")] == (10000, 1)  # tie: lowest
        # A third product makes textiles the main category: the whole month moves.
        products.create_product(s, a.id, ProductInput("ผ้าถุง", 3, "10"))
        same(s)
        assert (256801, "5013", 3, "") in figures.kept_totals(s)
        products.create_product(s, b.id, ProductInput("ร่ม", 4, "10"))
        same(s)
        # Written around the services, as imports do.
        s.execute(update(Product).where(Product.id == food.id).values(category=2, soft_power=None))
        same(s)
        s.execute(update(Product).where(Product.id == food.id).values(current_stars=4))
        same(s)
        s.execute(update(Product).where(Product.id == cloth.id).values(entrepreneur_id=b.id))
        same(s)
        s.execute(update(Sale).where(Sale.entrepreneur_id == b.id).values(amount=Decimal("9.99")))
        same(s)
        s.execute(update(Entrepreneur).where(Entrepreneur.id == a.id).values(district_code="5001"))
        same(s)
        _edit(s, b.id, status="suspended", status_reason="น้ำท่วม", status_date=date(2025, 9, 1))
        s.execute(
            update(Entrepreneur)
            .where(Entrepreneur.id == b.id)
            .values(registered_on=date(2023, 1, 1))
        )
        same(s)
        products.delete_product(s, food.id)
        same(s)
        sales.set_month_sales(s, a.id, Period(2568, 2))  # the month cleared
        same(s)
        entrepreneurs.delete_entrepreneur(s, b.id)
        same(s)
        entrepreneurs.delete_entrepreneur(s, a.id)
        same(s)
        assert figures.kept_totals(s) == {} and figures.kept_products(s) == {}


def test_migration_0010_seeds_the_history_and_the_kept_totals_from_the_register(register) -> None:
    from alembic import command

    from otop_desktop.database import alembic_config, upgrade

    with register.write() as s:
        a = entrepreneurs.create_entrepreneur(s, person(registered_on=date(2019, 3, 1)))
        b = entrepreneurs.create_entrepreneur(s, person(registered_on=date(2020, 1, 1)))
        c = entrepreneurs.create_entrepreneur(s, person(registered_on=date(2021, 6, 1)))
        item = products.create_product(s, a.id, ProductInput("ผ้าทอ", 3, "10"))
        products.create_product(s, b.id, ProductInput("แคบหมู", 1, "10", soft_power="Food"))
        sales.set_month_sales(s, a.id, Period(2568, 1), by_product={item.id: SaleInput("5")})
        sales.set_month_sales(s, b.id, Period(2568, 1), whole=SaleInput("2.50"))
        # A status as an older register holds it: no history, a closing date given.
        s.execute(
            update(Entrepreneur)
            .where(Entrepreneur.id == b.id)
            .values(status="closed", status_reason="COVID-19", status_date=date(2021, 7, 1))
        )
        s.execute(
            update(Entrepreneur)
            .where(Entrepreneur.id == c.id)
            .values(status="suspended", status_reason="น้ำท่วม", status_date=None)
        )
    with register.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0009")
    upgrade(register.engine)
    with register.read() as s:
        seeded = {
            e: [(x.changed_on, x.status, x.reason) for x in status_history.history(s, e)]
            for e in (a.id, b.id, c.id)
        }
        assert seeded == {
            a.id: [(date(2019, 3, 1), "active", "")],
            b.id: [(date(2020, 1, 1), "active", ""), (date(2021, 7, 1), "closed", "COVID-19")],
            # No status date: the registration date stands for it.
            c.id: [(date(2021, 6, 1), "active", ""), (date(2021, 6, 1), "suspended", "น้ำท่วม")],
        }
        if s.get_bind().dialect.name == "sqlite":
            assert figures.kept_totals(s) == figures.recount_totals(s) != {}
            assert figures.kept_products(s) == figures.recount_products(s) != {}
            assert figures.kept_businesses(s) == figures.recount_businesses(s)
            assert figures.status_entries(s) == figures.recount_status(s)
            # 0013: b closed for good since July 2564.
            assert _kept_closed(s) == _recount_closed(s)
            assert _kept_closed(s)["business_closures"] == {(b.id, "2021-07-01"): 1}
        span = figures.year_span(2565)  # b closed in July 2564: not counted from FY 2565
        assert set(s.scalars(figures.select_counted(span))) == {a.id, c.id}


_CHECKS = [key for key, _, _ in READINESS_ITEMS]


def _key(day: date | None) -> int:
    return Period.of(day).key if day else 0


def _recount_closed(s) -> dict[str, Counter]:
    """Migration 0013's tables as the rows give them now, counted here in Python: a business
    is closed since the first of the closings its history ends with."""
    entries: dict[int, list[StatusChange]] = {}
    for x in s.scalars(select(StatusChange).order_by(StatusChange.changed_on, StatusChange.id)):
        entries.setdefault(x.entrepreneur_id, []).append(x)
    since: dict[int, date] = {}
    for eid, xs in entries.items():
        run = []
        for x in reversed(xs):
            if x.status != "closed":
                break
            run.append(x)
        if run:
            since[eid] = run[-1].changed_on
    found: dict[str, Counter] = {name: Counter() for name in _TABLES}
    found["business_closures"] = Counter({(eid, day.isoformat()): 1 for eid, day in since.items()})
    for e in s.scalars(select(Entrepreneur)):
        closed = _key(since[e.id]) if e.id in since else None
        if closed:
            found["closed_businesses"][(closed, e.district_code)] += 1
        r = e.readiness
        if r is not None:
            ticks = tuple(bool(getattr(r, c)) for c in _CHECKS)
            found["readiness_totals"][ticks] += 1
            if closed:
                found["closed_readiness"][(closed, *ticks)] += 1
        for p in e.products:
            if closed:
                key = (closed, e.district_code, p.category or 0, p.soft_power or "")
                found["closed_products"][(*key, p.current_stars)] += 1
            for c in p.standards:
                found["standard_totals"][(c.standard, _key(c.expires_on))] += 1
                if closed:
                    found["closed_standards"][(closed, c.standard, _key(c.expires_on))] += 1
    return found


_TABLES = {
    "business_closures": "entrepreneur_id, closed_since, 1",
    "closed_products": "period, district_code, category, soft_power, stars, products",
    "closed_businesses": "period, district_code, businesses",
    "closed_standards": "period, standard, expires_period, certificates",
    "closed_readiness": f"period, {', '.join(_CHECKS)}, businesses",
    "standard_totals": "standard, expires_period, certificates",
    "readiness_totals": f"{', '.join(_CHECKS)}, businesses",
}


def _kept_closed(s) -> dict[str, Counter]:
    found: dict[str, Counter] = {}
    for table, columns in _TABLES.items():
        ticks = {"closed_readiness": range(1, 7), "readiness_totals": range(6)}.get(table, ())
        found[table] = Counter(
            {
                tuple(
                    bool(v) if i in ticks else v.isoformat() if isinstance(v, date) else v
                    for i, v in enumerate(row[:-1])
                ): row[-1]
                for row in s.execute(text(f"SELECT {columns} FROM {table}"))
                if row[-1]
            }
        )
    return found


def _year_by_rows(s, span: figures.YearSpan) -> tuple:
    """A year's splits counted from the rows by the rule (select_counted), no kept totals."""
    counted = figures.select_counted(span)
    p, e, ps, r = Product, Entrepreneur, ProductStandard, DigitalReadiness
    by_district, by_subdistrict = (
        dict(s.execute(select(c, func.count()).where(e.id.in_(counted)).group_by(c)).all())
        for c in (e.district_code, e.subdistrict_code)
    )
    products = Counter()
    for name, dims in (
        ("district", e.district_code),
        ("category", p.category),
        ("soft_power", p.soft_power),
        ("stars", p.current_stars),
    ):
        for value, n in s.execute(
            select(dims, func.count())
            .select_from(p)
            .join(e, e.id == p.entrepreneur_id)
            .where(e.id.in_(counted))
            .group_by(dims)
        ):
            products[(name, value)] = n
    valid = (ps.expires_on.is_(None)) | (ps.expires_on >= span.start)
    standards = dict(
        s.execute(
            select(ps.standard, func.count())
            .join(p, p.id == ps.product_id)
            .where(valid, p.entrepreneur_id.in_(counted))
            .group_by(ps.standard)
        ).all()
    )
    checks = [getattr(r, c) for c in _CHECKS]
    readiness = Counter(
        {
            tuple(zip(_CHECKS, map(bool, row[:-1]), strict=True)): row[-1]
            for row in s.execute(
                select(*checks, func.count())
                .where(r.entrepreneur_id.in_(counted))
                .group_by(*checks)
            )
        }
    )
    return by_district, by_subdistrict, products, standards, readiness


def _year_kept(s, span: figures.YearSpan) -> tuple:
    left = figures.left_out(s, span)
    counts = figures.product_counts(s, span, left=left)
    products = Counter()
    for name, side in (
        ("district", counts.by_district),
        ("category", counts.by_category),
        ("soft_power", counts.by_soft_power),
        ("stars", counts.by_stars),
    ):
        for value, n in side.items():
            products[(name, value)] = n
    return (
        dict(figures.entrepreneurs_by(s, span, "district_code", left=left)),
        dict(figures.entrepreneurs_by(s, span, "subdistrict_code", left=left)),
        products,
        {k: n for k, n in figures.standards_held(s, span, left=left).items() if n},
        figures.readiness_counts(s, span, left=left),
    )


def test_the_closed_businesses_kept_equal_a_full_recount_after_every_change(
    register, monkeypatch
) -> None:
    """Migration 0013: the businesses closed for good and what they hold, kept by the
    database as every kind of change is written, equal a recount, and a year's figures read
    through them equal the rule counted from the rows (PostgreSQL: the rows themselves)."""
    sqlite = register.engine.dialect.name == "sqlite"

    def same(s) -> None:
        s.flush()
        s.expire_all()  # the writes around the ORM
        if sqlite:
            assert _kept_closed(s) == _recount_closed(s)
        for year in (2562, 2563, 2564, 2565, 2566, 2569):
            for calendar in (False, True):
                span = figures.year_span(year, calendar=calendar)
                # The reopened looked up one by one, and (as for an old year) in a scan.
                for few in (2000, 0):
                    monkeypatch.setattr(figures, "_FEW", few)
                    assert _year_kept(s, span) == _year_by_rows(s, span), (year, calendar, few)

    with register.write() as s:
        ids = []
        for sub, day in (("501301", date(2019, 3, 1)), ("501302", date(2020, 5, 1))) * 2:
            e = entrepreneurs.create_entrepreneur(
                s, person(subdistrict_code=sub, registered_on=day)
            )
            ids.append(e.id)
            for name, category, soft in (("ผ้าทอ", 3, None), ("แคบหมู", 1, "Food")):
                products.create_product(
                    s,
                    e.id,
                    ProductInput(
                        name,
                        category,
                        "10",
                        soft_power=soft,
                        standards=[
                            StandardInput("มผช.", "1", date(2022, 6, 30)),
                            StandardInput("อย.", "2"),
                        ],
                    ),
                )
            entrepreneurs.set_readiness(s, e.id, {"bank_account": True}, date(2021, 1, 1))
        a, b, c, d = ids
        same(s)
        # Closings through the services, one closed and reopened, one suspended first.
        _edit(s, a, status="closed", status_reason="COVID-19", status_date=date(2021, 6, 1))
        _edit(s, b, status="closed", status_reason="COVID-19", status_date=date(2020, 8, 1))
        _edit(s, b, status="active", status_date=date(2022, 3, 1))
        _edit(s, c, status="suspended", status_reason="น้ำท่วม", status_date=date(2020, 9, 1))
        _edit(s, c, status="closed", status_reason="น้ำท่วม", status_date=date(2021, 1, 15))
        same(s)
        # The history written around the services: an older closing, a reopening removed, an
        # entry's date and status corrected, a closing on the same day as a reopening.
        s.execute(
            insert(StatusChange).values(
                entrepreneur_id=d, changed_on=date(2020, 12, 1), status="closed", reason=""
            )
        )
        same(s)
        reopening = s.scalar(
            select(StatusChange.id)
            .where(StatusChange.entrepreneur_id == b, StatusChange.status == "active")
            .order_by(StatusChange.changed_on.desc())
        )
        s.execute(delete(StatusChange).where(StatusChange.id == reopening))
        same(s)
        s.execute(
            update(StatusChange)
            .where(StatusChange.entrepreneur_id == a, StatusChange.status == "closed")
            .values(changed_on=date(2022, 11, 1))
        )
        same(s)
        s.execute(
            insert(StatusChange).values(
                entrepreneur_id=d, changed_on=date(2020, 12, 1), status="active", reason=""
            )
        )
        same(s)
        # Products, certificates and checklists of closed businesses, by the services and not.
        item = products.create_product(s, c, ProductInput("ร่ม", 4, "10"))
        same(s)
        products.update_product(
            s,
            item.id,
            ProductInput("ร่ม", 4, "10", standards=[StandardInput("GMP", "3", date(2030, 1, 1))]),
        )
        same(s)
        s.execute(update(Product).where(Product.id == item.id).values(current_stars=5))
        s.execute(update(Product).where(Product.id == item.id).values(entrepreneur_id=d))
        same(s)
        s.execute(update(Product).where(Product.id == item.id).values(entrepreneur_id=b))
        s.execute(
            update(ProductStandard)
            .where(ProductStandard.standard == "มผช.")
            .values(expires_on=date(2021, 2, 1))
        )
        same(s)
        entrepreneurs.set_readiness(s, c, {"promptpay": True, "qr_payment": True}, None)
        s.execute(
            update(DigitalReadiness)
            .where(DigitalReadiness.entrepreneur_id == b)
            .values(online_sales=True)
        )
        s.execute(
            delete(ProductStandard).where(
                ProductStandard.standard == "อย.",
                ProductStandard.product_id.in_(
                    select(Product.id).where(Product.entrepreneur_id == c)
                ),
            )
        )
        same(s)
        # A district move, a product deleted, a whole business deleted.
        s.execute(update(Entrepreneur).where(Entrepreneur.id == c).values(district_code="5001"))
        same(s)
        products.delete_product(s, item.id)
        same(s)
        entrepreneurs.delete_entrepreneur(s, c)
        same(s)
        s.execute(delete(Entrepreneur).where(Entrepreneur.id == b))
        same(s)
        if sqlite:
            assert _kept_closed(s)["business_closures"]  # a and d are still closed
