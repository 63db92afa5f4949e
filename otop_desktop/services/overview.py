"""The overview page's figures for one year: what each chart shows, computed in SQL by the
counting rules of otop_desktop.services.figures. Called off the GUI thread (ui/jobs.py).

Every series is a tuple of rows; a row carries the ``key`` that the list behind the chart
filters on (the series' ``target`` names the list and its filter field), the Thai and English
labels, and its numbers (counts as int, money as Decimal baht)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import geothai
from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from otop_desktop.domain import (
    READINESS_ITEMS,
    Category,
    Industry,
    SoftPower,
    Standard,
    readiness_level,
)
from otop_desktop.models import (
    Entrepreneur,
    Grant,
    Household,
    HouseholdSkill,
    ReceivedSubmission,
    Sale,
    Training,
    TrainingParticipant,
)
from otop_desktop.services import figures
from otop_desktop.services.figures import YearSpan, baht, satang, year_span
from otop_desktop.services.office import get_office
from otop_desktop.thaiformat import THAI_MONTHS, Period, fiscal_year_of_period, thai_today

_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Target:
    """The list a chart leads to and the filter its rows' keys go in, e.g.
    ``Target("products", "category")`` → services.listing.ProductFilter(category=key)."""

    list: str
    field: str


@dataclass(frozen=True)
class MonthRow:
    """One month of the year: its sales and the same month's of the year before."""

    key: int  # the period key, e.g. 256810; the sales page opens this month
    label_th: str
    label_en: str
    sales: Decimal
    previous_year: Decimal


@dataclass(frozen=True)
class CategoryRow:
    key: int | None  # product category code; None: products imported without one
    label_th: str
    label_en: str
    sales: Decimal
    products: int


@dataclass(frozen=True)
class AreaRow:
    """A district (province or nation register) or a subdistrict (district register)."""

    key: str  # district or subdistrict code
    label_th: str
    label_en: str
    entrepreneurs: int
    products: int
    sales: Decimal
    #: Counted businesses with sales entered for the completeness month (a district
    #: register); None on a province or nation register, where ``submitted`` says it.
    reporting: int | None
    #: Whether the district's workbook of the completeness month has been received (a
    #: province or nation register); None on a district register.
    submitted: bool | None


@dataclass(frozen=True)
class CountRow:
    key: int | str | None
    label_th: str
    label_en: str
    count: int


@dataclass(frozen=True)
class SoftPowerRow:
    key: str  # SoftPower value
    label_th: str
    label_en: str
    products: int
    sales: Decimal


@dataclass(frozen=True)
class IndustryRow:
    key: str  # Industry value
    label_th: str
    label_en: str
    households: int
    skills: int


@dataclass(frozen=True)
class SupportRow:
    """One month's trainings and grants."""

    key: int  # period key
    label_th: str
    label_en: str
    trainings: int
    participants: int
    training_budget: Decimal
    grants: int
    grant_amount: Decimal


@dataclass(frozen=True)
class StatusYearRow:
    """Businesses opened, suspended, reopened and closed in one year (same numbering as the
    overview's year: fiscal or calendar)."""

    key: int  # B.E. year
    label_th: str
    label_en: str
    opened: int
    suspended: int
    reopened: int
    closed: int


#: The lists the series lead to.
TARGETS = {
    "months": Target("sales", "period"),
    "categories": Target("products", "category"),
    "areas": Target("entrepreneurs", "district_code"),
    "stars": Target("products", "stars"),
    "standards": Target("products", "standard"),
    "readiness": Target("entrepreneurs", "readiness_level"),
    "readiness_checks": Target("entrepreneurs", "readiness_lacking"),
    "soft_power": Target("products", "soft_power"),
    "industries": Target("households", "industry"),
    "support": Target("support", "period"),
    "statuses": Target("entrepreneurs", "status"),
}


@dataclass(frozen=True)
class Overview:
    year: int
    calendar: bool
    kind: str  # the office's kind: district, province, nation
    span_start: date
    span_end: date
    #: The last ended month if the year is not over yet ("as of"), else None.
    as_of: Period | None
    #: The month whose submission completeness ``areas`` shows: the year's last ended month.
    completeness_month: Period
    entrepreneurs: int
    products: int
    sales: Decimal
    previous_entrepreneurs: int
    previous_products: int
    previous_sales: Decimal
    months: tuple[MonthRow, ...]
    categories: tuple[CategoryRow, ...]
    #: Subdistricts on a district register, districts otherwise; by sales, largest first.
    areas: tuple[AreaRow, ...]
    stars: tuple[CountRow, ...]  # key: stars 0–5 (0: not rated)
    standards: tuple[CountRow, ...]  # key: Standard value; products holding it
    readiness: tuple[CountRow, ...]  # key: level 0–5, None: not assessed
    #: Businesses with each check of the checklist; key: the DigitalReadiness column.
    readiness_checks: tuple[CountRow, ...]
    soft_power: tuple[SoftPowerRow, ...]
    industries: tuple[IndustryRow, ...]
    support: tuple[SupportRow, ...]
    statuses: tuple[StatusYearRow, ...]

    def target(self, series: str) -> Target:
        """The list behind ``series``; the areas of a district register are subdistricts."""
        if series == "areas" and self.kind == "district":
            return Target("entrepreneurs", "subdistrict_code")
        return TARGETS[series]


def _month_label(period: Period) -> tuple[str, str]:
    return (
        f"{THAI_MONTHS[period.month - 1]} {period.year_be}",
        f"{_EN_MONTHS[period.month - 1]} {period.year_be}",
    )


def _months(span: YearSpan, now: dict[int, int], then: dict[int, int]) -> tuple[MonthRow, ...]:
    """The months of ``span`` with sales ``now`` and the year before's ``then`` (period key →
    satang)."""
    before = span.previous()
    rows = []
    for period, earlier in zip(span.periods, before.periods, strict=True):
        th, en = _month_label(period)
        rows.append(
            MonthRow(
                period.key, th, en, baht(now.get(period.key, 0)), baht(then.get(earlier.key, 0))
            )
        )
    return tuple(rows)


def _categories(counts: figures.YearCounts) -> tuple[CategoryRow, ...]:
    def row(key: int | None, th: str, en: str) -> CategoryRow:
        t = counts.by_category.get(key, figures.CategoryTally())
        return CategoryRow(key, th, en, baht(t.sales), t.products)

    rows = [row(int(c), c.label_th, c.label_en) for c in Category]
    if None in counts.by_category:
        rows.append(row(None, "ไม่ระบุประเภท", "Category not given"))
    return tuple(rows)


def _area_names(kind: str, codes: set[str]) -> dict[str, tuple[str, str]]:
    names = {}
    for code in codes:
        place = geothai.subdistrict(code) if kind == "district" else geothai.district(code)
        names[code] = (place.name_th, place.name_en) if place else (code, code)
    return names


def _areas(
    session: Session, span: YearSpan, kind: str, month: Period, counts: figures.YearCounts
) -> tuple[AreaRow, ...]:
    """Districts with whether each has sent ``month``'s workbook (province, nation), or the
    subdistricts of a district register with how many businesses have ``month``'s sales."""
    key = "subdistrict_code" if kind == "district" else "district_code"
    tallies = figures.by_area(session, span, key) if kind == "district" else counts.by_district
    column = getattr(Entrepreneur, key)
    reporting: dict[str, int] = {}
    submitted: set[str] = set()
    if kind == "district":
        reporting = dict(
            session.execute(
                select(column, func.count(distinct(Sale.entrepreneur_id)))
                .join(Entrepreneur, Entrepreneur.id == Sale.entrepreneur_id)
                .where(Sale.period == month.key, figures.counted(span))
                .group_by(column)
            ).all()
        )
    else:
        submitted = set(
            session.scalars(
                select(ReceivedSubmission.district_code).where(
                    ReceivedSubmission.period == month.key
                )
            )
        )
    names = _area_names(kind, set(tallies))
    rows = [
        AreaRow(
            code,
            *names[code],
            t.entrepreneurs,
            t.products,
            baht(t.sales),
            reporting.get(code, 0) if kind == "district" else None,
            None if kind == "district" else code in submitted,
        )
        for code, t in tallies.items()
    ]
    rows.sort(key=lambda r: (-r.sales, -r.entrepreneurs, r.key))
    return tuple(rows)


def _stars(session: Session, span: YearSpan, counts: figures.YearCounts) -> tuple[CountRow, ...]:
    held = figures.stars_at_end(session, span, counts)
    return tuple(
        CountRow(
            stars,
            f"{stars} ดาว" if stars else "ยังไม่ได้รับการคัดสรร",
            f"{stars} star{'s' if stars > 1 else ''}" if stars else "Not rated",
            held[stars],
        )
        for stars in range(6)
    )


def _standards(session: Session, span: YearSpan, left: figures.LeftOut) -> tuple[CountRow, ...]:
    held = figures.standards_held(session, span, left=left)
    return tuple(CountRow(s.value, s.label_th, s.label_en, held[s.value]) for s in Standard)


def _readiness(
    session: Session, span: YearSpan, entrepreneurs: int, left: figures.LeftOut
) -> tuple[tuple[CountRow, ...], tuple[CountRow, ...]]:
    levels: Counter[int | None] = Counter()
    checks: Counter[str] = Counter()
    for ticked, n in figures.readiness_counts(session, span, left=left).items():
        levels[readiness_level(dict(ticked))] += n
        for key, value in ticked:
            checks[key] += n if value else 0
    levels[None] = entrepreneurs - sum(levels.values())
    level_rows = [
        CountRow(level, f"ระดับ {level}", f"Level {level}", levels[level]) for level in range(6)
    ]
    level_rows.append(CountRow(None, "ยังไม่ได้ประเมิน", "Not assessed", levels[None]))
    check_rows = tuple(CountRow(key, th, en, checks[key]) for key, th, en in READINESS_ITEMS)
    return tuple(level_rows), check_rows


def _soft_power(
    session: Session, span: YearSpan, counts: figures.YearCounts
) -> tuple[SoftPowerRow, ...]:
    products = counts.products_by.by_soft_power
    sales = figures.sales_by(session, span, "soft_power")
    return tuple(
        SoftPowerRow(
            s.value, s.label_th, s.label_en, products[s.value], baht(sales.get(s.value, 0))
        )
        for s in SoftPower
    )


def _industries(session: Session, span: YearSpan) -> tuple[IndustryRow, ...]:
    """OFOS households surveyed by the year's end (or undated), by the industry of their
    members' skills."""
    found = {
        industry: (households, skills)
        for industry, households, skills in session.execute(
            select(
                HouseholdSkill.industry,
                func.count(distinct(HouseholdSkill.household_id)),
                func.count(),
            )
            .join(Household, Household.id == HouseholdSkill.household_id)
            .where(Household.surveyed_on.is_(None) | (Household.surveyed_on <= span.end))
            .group_by(HouseholdSkill.industry)
        )
    }
    return tuple(
        IndustryRow(i.value, i.label_th, i.label_en, *map(int, found.get(i.value, (0, 0))))
        for i in Industry
    )


def _by_month(
    session: Session, column: Any, span: YearSpan, *values: Any
) -> dict[int, tuple[int, ...]]:
    """Rows grouped by the day of ``column``, folded into period keys."""
    totals: dict[int, list[int]] = {}
    for day, *numbers in session.execute(
        select(column, *values).where(column.between(span.start, span.end)).group_by(column)
    ):
        slot = totals.setdefault(Period.of(day).key, [0] * len(numbers))
        for i, n in enumerate(numbers):
            slot[i] += int(n or 0)
    return {key: tuple(v) for key, v in totals.items()}


def _support(session: Session, span: YearSpan) -> tuple[SupportRow, ...]:
    trainings = _by_month(session, Training.held_on, span, func.count(), satang(Training.budget))
    people = dict(
        session.execute(
            select(Training.held_on, func.count())
            .join(TrainingParticipant, TrainingParticipant.training_id == Training.id)
            .where(Training.held_on.between(span.start, span.end))
            .group_by(Training.held_on)
        ).all()
    )
    people_by_month: Counter[int] = Counter()
    for day, n in people.items():
        people_by_month[Period.of(day).key] += int(n)
    grants = _by_month(session, Grant.granted_on, span, func.count(), satang(Grant.amount))
    rows = []
    for period in span.periods:
        th, en = _month_label(period)
        t_count, t_budget = trainings.get(period.key, (0, 0))
        g_count, g_amount = grants.get(period.key, (0, 0))
        rows.append(
            SupportRow(
                period.key,
                th,
                en,
                t_count,
                people_by_month[period.key],
                baht(t_budget),
                g_count,
                baht(g_amount),
            )
        )
    return tuple(rows)


def status_years(session: Session, *, calendar: bool) -> tuple[StatusYearRow, ...]:
    """Businesses opened (registered), suspended, reopened and closed in each year, from
    the history of status changes. Every business's first entry is its registration, active
    on its registration date: the other active entries of a year are its reopenings."""
    tally: dict[int, Counter[str]] = {}
    for (period, status), n in figures.status_entries(session).items():
        p = Period.from_key(period)
        year = p.year_be if calendar else fiscal_year_of_period(p)
        counts = tally.setdefault(year, Counter())
        if status == "opened":
            counts["opened"] += n
            counts["reopened"] -= n
        else:
            counts["reopened" if status == "active" else status] += n
    return tuple(
        StatusYearRow(
            key,
            f"{'' if calendar else 'ปีงบ '}{key}",
            f"{'' if calendar else 'FY '}{key}",
            t["opened"],
            t["suspended"],
            t["reopened"],
            t["closed"],
        )
        for key, t in sorted(tally.items())
    )


def overview(
    session: Session, year: int, *, calendar: bool = False, today: date | None = None
) -> Overview:
    """The overview of B.E. ``year`` (fiscal unless ``calendar``); ``today`` (the office's
    day by default) says which months have ended."""
    today = today or thai_today()
    span = year_span(year, calendar=calendar)
    before = span.previous()
    kind = get_office(session).kind
    left, left_before = figures.left_out(session, span), figures.left_out(session, before)
    # Each year's months read once: the monthly chart and the year's totals.
    by_month = figures.sales_by_period(session, span.first, span.last)
    by_month_before = figures.sales_by_period(session, before.first, before.last)
    now = figures.year_counts(session, span, left=left, sales=sum(by_month.values()))
    then_entrepreneurs, then_products, then_sales = figures.year_totals(
        session, before, left=left_before, sales=sum(by_month_before.values())
    )
    month = span.last_ended(today)
    readiness, readiness_checks = _readiness(session, span, now.entrepreneurs, left)
    return Overview(
        year=year,
        calendar=calendar,
        kind=kind,
        span_start=span.start,
        span_end=span.end,
        as_of=span.as_of(today),
        completeness_month=month,
        entrepreneurs=now.entrepreneurs,
        products=now.products,
        sales=baht(now.sales),
        previous_entrepreneurs=then_entrepreneurs,
        previous_products=then_products,
        previous_sales=baht(then_sales),
        months=_months(span, by_month, by_month_before),
        categories=_categories(now),
        areas=_areas(session, span, kind, month, now),
        stars=_stars(session, span, now),
        standards=_standards(session, span, left),
        readiness=readiness,
        readiness_checks=readiness_checks,
        soft_power=_soft_power(session, span, now),
        industries=_industries(session, span),
        support=_support(session, span),
        statuses=status_years(session, calendar=calendar),
    )
