"""Figures of a whole register, as ``stats`` prints them."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, func, select, type_coerce
from sqlalchemy.orm import Session

from otop_desktop.models import (
    DigitalReadiness,
    Entrepreneur,
    ExportRecord,
    Grant,
    Household,
    HouseholdSkill,
    Product,
    ProductStandard,
    Sale,
    StarRating,
    Training,
    TrainingParticipant,
)
from otop_desktop.services import figures
from otop_desktop.services.incomplete import count_incomplete
from otop_desktop.services.office import get_office
from otop_desktop.thaiformat import Period, fiscal_year_of_period

COUNTED = {
    "entrepreneurs": Entrepreneur,
    "products": Product,
    "product_standards": ProductStandard,
    "star_ratings": StarRating,
    "digital_readiness": DigitalReadiness,
    "sales": Sale,
    "households": Household,
    "household_skills": HouseholdSkill,
    "trainings": Training,
    "training_participants": TrainingParticipant,
    "grants": Grant,
    "export_records": ExportRecord,
}


def baht(satang: int) -> str:
    """Whole satang as baht text with two decimals, e.g. ``"13773055668.00"``."""
    return f"{Decimal(satang) / 100:.2f}"


def register_stats(
    session: Session, year: int | None = None, *, calendar: bool = False
) -> dict[str, object]:
    """The register's figures; with ``year`` (B.E., fiscal unless ``calendar``) also that
    year's by the counting rules of services.figures, under ``year``."""
    office = get_office(session)
    result: dict[str, object] = {
        "office": {
            "kind": office.kind,
            "province_code": office.province_code,
            "district_code": office.district_code,
            "name": office.name,
        }
    }
    for name, model in COUNTED.items():
        result[name] = session.scalar(select(func.count()).select_from(model))
    # Imported without all required details, to be completed (services.incomplete).
    result["incomplete_entrepreneurs"], result["incomplete_products"] = count_incomplete(session)
    # Sum the whole satang as integers (exact, no Decimal per row), not through Money.
    amount = type_coerce(Sale.amount, BigInteger)
    by_period = session.execute(
        select(Sale.period, func.sum(amount)).group_by(Sale.period).order_by(Sale.period)
    ).all()
    by_year: dict[str, int] = {}
    for period, total in by_period:
        key = str(period // 100)
        by_year[key] = by_year.get(key, 0) + int(total)
    result["sales_by_year"] = {key: baht(total) for key, total in by_year.items()}
    by_fiscal_year: dict[str, int] = {}
    for period, total in by_period:
        key = str(fiscal_year_of_period(Period.from_key(period)))
        by_fiscal_year[key] = by_fiscal_year.get(key, 0) + int(total)
    result["sales_by_fiscal_year"] = {key: baht(total) for key, total in by_fiscal_year.items()}
    result["sales_by_period"] = {
        str(Period.from_key(period)): baht(int(total)) for period, total in by_period
    }
    result["entrepreneurs_by_district"] = dict(
        session.execute(
            select(Entrepreneur.district_code, func.count())
            .group_by(Entrepreneur.district_code)
            .order_by(Entrepreneur.district_code)
        ).all()
    )
    if year is not None:
        result["year"] = year_figures(session, figures.year_span(year, calendar=calendar))
    return result


def year_figures(session: Session, span: figures.YearSpan) -> dict[str, object]:
    """One year's figures as ``stats --year`` prints them (money as baht text)."""
    counts = figures.year_counts(session, span)
    return {
        "year": span.year,
        "calendar": span.calendar,
        "first_day": span.start.isoformat(),
        "last_day": span.end.isoformat(),
        "entrepreneurs": counts.entrepreneurs,
        "products": counts.products,
        "sales": baht(counts.sales),
        "by_district": {
            code: {
                "entrepreneurs": area.entrepreneurs,
                "products": area.products,
                "sales": baht(area.sales),
            }
            for code, area in sorted(counts.by_district.items())
        },
        "by_category": {
            str(code) if code is not None else "none": {
                "products": area.products,
                "sales": baht(area.sales),
            }
            for code, area in sorted(counts.by_category.items(), key=lambda kv: kv[0] or 99)
        },
    }
