"""The rows of the workbook's five data sheets, read from the register for one or many
districts at once: a handful of queries whatever the number of districts, grouped by
district in Python, each row already in the spec's column order and cell types."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any, cast

import geothai
from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from otop_desktop.domain import READINESS_ITEMS, Status, readiness_level
from otop_desktop.errors import FieldError, ValidationError
from otop_desktop.models import (
    DigitalReadiness,
    Entrepreneur,
    Grant,
    Household,
    HouseholdSkill,
    Product,
    ProductStandard,
    Sale,
    Training,
    TrainingParticipant,
)
from otop_desktop.services.incomplete import IncompleteHeld, held_out, incomplete_in_month
from otop_desktop.services.sales import not_trading
from otop_desktop.submission import spec
from otop_desktop.thaiformat import Period
from otop_desktop.validation import require_ended

Row = tuple[object, ...]


@dataclass
class DistrictRows:
    """One district's data rows, each list in its sheet's order."""

    district_code: str
    entrepreneurs: list[Row] = field(default_factory=list)
    products: list[Row] = field(default_factory=list)
    sales: list[Row] = field(default_factory=list)
    households: list[Row] = field(default_factory=list)
    support: list[Row] = field(default_factory=list)
    #: Each registration number's first product category: the summary counts a
    #: whole-business figure under it.
    first_category: dict[str, str] = field(default_factory=dict)

    def sheets(self) -> tuple[list[Row], ...]:
        """The rows of each data sheet, in ``spec.DATA_SHEETS`` order."""
        return (self.entrepreneurs, self.products, self.sales, self.households, self.support)

    @property
    def row_count(self) -> int:
        return sum(len(rows) for rows in self.sheets())

    def sales_total(self) -> Decimal:
        # A row holds whatever its columns do (spec types them); the amount is a Decimal.
        amounts = (cast(Decimal, r[spec.SALES_AMOUNT_COLUMN]) for r in self.sales)
        return sum(amounts, Decimal("0.00"))


@cache
def subdistrict_name(code: str) -> str:
    found = geothai.subdistrict(code)
    return found.name_th if found is not None else ""


def _listed(codes: list[str]) -> ColumnElement[bool]:
    """The businesses of the districts that go into a workbook: not one whose person's data
    a head removed after its retention (services.personal.anonymise), nor one imported
    without all its details until the clerk completes it (services.incomplete; collect()
    refuses a month in which such a business has figures)."""
    return and_(
        Entrepreneur.district_code.in_(codes),
        Entrepreneur.anonymised_on.is_(None),
        ~held_out(),
    )


def collect(
    session: Session, period: Period, district_codes: Sequence[str]
) -> dict[str, DistrictRows]:
    """Every listed district's rows for ``period`` (registers are snapshots as of now); a
    month that has not ended is refused (ValidationError), as it is not final."""
    require_ended(period)
    codes = list(district_codes)
    if held := incomplete_in_month(session, period, codes):
        raise IncompleteHeld(held, f"ส่งออกเดือน{period.label_th}", f"export {period}")
    result = {code: DistrictRows(code) for code in district_codes}
    reg_nos = _entrepreneurs(session, codes, result)
    _products(session, codes, result)
    _sales(session, period, codes, result, reg_nos)
    _households(session, codes, result)
    _support(session, period, codes, result, reg_nos)
    return result


def _entrepreneurs(
    session: Session, codes: list[str], result: dict[str, DistrictRows]
) -> dict[int, str]:
    flags = [getattr(DigitalReadiness, key) for key, _, _ in READINESS_ITEMS]
    levels = {
        eid: readiness_level(
            {key: v for (key, _, _), v in zip(READINESS_ITEMS, values, strict=True)}
        )
        for eid, *values in session.execute(
            select(DigitalReadiness.entrepreneur_id, *flags)
            .join(Entrepreneur, Entrepreneur.id == DigitalReadiness.entrepreneur_id)
            .where(_listed(codes))
        )
    }
    status_th = {s.value: s.label_th for s in Status}
    reg_nos: dict[int, str] = {}
    rows = session.execute(
        select(
            Entrepreneur.id,
            Entrepreneur.district_code,
            Entrepreneur.reg_no,
            Entrepreneur.producer_type,
            Entrepreneur.name,
            Entrepreneur.contact_name,
            Entrepreneur.national_id,
            Entrepreneur.house_no,
            Entrepreneur.moo,
            Entrepreneur.subdistrict_code,
            Entrepreneur.phone,
            Entrepreneur.status,
            Entrepreneur.registered_on,
        )
        .where(_listed(codes))
        .order_by(Entrepreneur.reg_no)
    )
    for (
        eid,
        district,
        reg_no,
        ptype,
        name,
        contact,
        nid,
        house,
        moo,
        sub,
        phone,
        status,
        on,
    ) in rows:
        reg_nos[eid] = reg_no
        result[district].entrepreneurs.append(
            (
                reg_no,
                str(ptype),
                name,
                contact or None,
                nid,
                house or None,
                moo,
                sub,
                subdistrict_name(sub) or None,
                phone or None,
                status_th[status],
                on,
                levels.get(eid, 0),
            )
        )
    return reg_nos


def _products(session: Session, codes: list[str], result: dict[str, DistrictRows]) -> None:
    standards: dict[int, list[str]] = defaultdict(list)
    for product_id, standard in session.execute(
        select(ProductStandard.product_id, ProductStandard.standard)
        .join(Product, Product.id == ProductStandard.product_id)
        .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
        .where(_listed(codes))
        .order_by(ProductStandard.product_id, ProductStandard.id)
    ):
        standards[product_id].append(standard)
    rows = session.execute(
        select(
            Product.id,
            Entrepreneur.district_code,
            Product.code,
            Entrepreneur.reg_no,
            Product.name,
            Product.category,
            Product.current_stars,
            Product.current_star_year,
            Product.price,
            Product.unit,
            Product.soft_power,
        )
        .join(Entrepreneur, Entrepreneur.id == Product.entrepreneur_id)
        .where(_listed(codes))
        .order_by(Product.code)
    )
    for pid, district, code, reg_no, name, category, stars, year, price, unit, soft in rows:
        target = result[district]
        target.first_category.setdefault(reg_no, str(category))
        target.products.append(
            (
                code,
                reg_no,
                name,
                str(category),
                stars,
                year if stars else None,
                ",".join(standards.get(pid, ())) or None,
                price,
                unit or None,
                soft or None,
            )
        )


def _sales(
    session: Session,
    period: Period,
    codes: list[str],
    result: dict[str, DistrictRows],
    reg_nos: dict[int, str],
) -> None:
    rows = list(
        session.execute(
            select(
                Sale.entrepreneur_id,
                Entrepreneur.district_code,
                Product.code,
                Sale.amount,
                Sale.online_amount,
                Entrepreneur.registered_on,
                Entrepreneur.status,
                Entrepreneur.status_date,
            )
            .join(Entrepreneur, Entrepreneur.id == Sale.entrepreneur_id)
            .outerjoin(Product, Product.id == Sale.product_id)
            .where(Sale.period == period.key, _listed(codes))
        ).all()
    )
    _refuse_months_not_traded(period, rows, reg_nos)
    text = str(period)
    # Registration number, then the whole-business row (no product code) before products.
    rows.sort(key=lambda r: (reg_nos[r[0]], r[2] or ""))
    for eid, district, product_code, amount, online, *_ in rows:
        result[district].sales.append((reg_nos[eid], product_code, text, amount, online))


def _refuse_months_not_traded(period: Period, rows: Sequence[Any], reg_nos: dict[int, str]) -> None:
    """Figures of a month a business did not trade in (entered before the register refused
    them, or by an old import) are not sent: each such business is named, to be corrected on
    the sales page first."""
    errors: dict[str, FieldError] = {}
    for eid, *_, registered_on, status, status_date in rows:
        why = not_trading(period, registered_on, status, status_date)
        reg_no = reg_nos[eid]
        if why is not None and reg_no not in errors:
            errors[reg_no] = FieldError(
                reg_no,
                f"{reg_no} มียอดจำหน่ายเดือน{period.label_th} แต่{why[0]}"
                " กรุณาลบยอดนี้ที่หน้ายอดจำหน่ายรายเดือนก่อนส่งออก",
                f"{reg_no} has sales in {period} but was {why[1]}; remove them on the "
                "Monthly sales page before exporting",
            )
    if errors:
        raise ValidationError(sorted(errors.values(), key=lambda e: e.field))


def _households(session: Session, codes: list[str], result: dict[str, DistrictRows]) -> None:
    district_of = func.substr(Household.subdistrict_code, 1, 4)
    skills: dict[int, list[Row]] = defaultdict(list)
    for hid, skill, industry, level, wanted in session.execute(
        select(
            HouseholdSkill.household_id,
            HouseholdSkill.skill,
            HouseholdSkill.industry,
            HouseholdSkill.level,
            HouseholdSkill.training_wanted,
        )
        .join(Household, Household.id == HouseholdSkill.household_id)
        .where(district_of.in_(codes))
        .order_by(HouseholdSkill.household_id, HouseholdSkill.id)
    ):
        skills[hid].append((skill, industry, level, wanted or None))
    no_skill: list[Row] = [(None, None, None, None)]
    for hid, code, house, moo, sub, head, members in session.execute(
        select(
            Household.id,
            Household.code,
            Household.house_no,
            Household.moo,
            Household.subdistrict_code,
            Household.head_name,
            Household.member_count,
        )
        .where(district_of.in_(codes))
        .order_by(Household.code)
    ):
        target = result[sub[:4]].households
        for skill_cells in skills.get(hid) or no_skill:
            target.append((code, house or None, moo, sub, head, members, *skill_cells))


def _support(
    session: Session,
    period: Period,
    codes: list[str],
    result: dict[str, DistrictRows],
    reg_nos: dict[int, str],
) -> None:
    """The month's trainings (one row per participant, the budget shared among them with
    the satang remainder on the first row) and grants, in date order."""
    first, last = period.first_day, period.last_day
    found: list[tuple[date, int, int, str, Row]] = []
    participants: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for tid, eid, district in session.execute(
        select(TrainingParticipant.training_id, Entrepreneur.id, Entrepreneur.district_code)
        .join(Training, Training.id == TrainingParticipant.training_id)
        .join(Entrepreneur, Entrepreneur.id == TrainingParticipant.entrepreneur_id)
        .where(Training.held_on.between(first, last), _listed(codes))
    ):
        participants[tid].append((reg_nos[eid], district))
    headcount = dict(
        session.execute(
            select(Training.id, func.count())
            .join(TrainingParticipant)
            .where(Training.held_on.between(first, last))
            .group_by(Training.id)
        ).all()
    )
    for tid, held_on, topic, organiser, budget in session.execute(
        select(
            Training.id, Training.held_on, Training.topic, Training.organiser, Training.budget
        ).where(Training.id.in_(list(participants)))
    ):
        # Shared among all its participants, also those of other districts on a province
        # register, so that each district's rows add up to the same share.
        shares = _shares(budget, headcount[tid])
        for i, (reg_no, district) in enumerate(sorted(participants[tid])):
            row = (reg_no, spec.SUPPORT_TRAINING, held_on, topic, organiser or None, shares[i])
            found.append((held_on, 0, tid, district, row))
    for gid, eid, district, on, amount, purpose, funder in session.execute(
        select(
            Grant.id,
            Grant.entrepreneur_id,
            Entrepreneur.district_code,
            Grant.granted_on,
            Grant.amount,
            Grant.purpose,
            Grant.funder,
        )
        .join(Entrepreneur, Entrepreneur.id == Grant.entrepreneur_id)
        .where(Grant.granted_on.between(first, last), _listed(codes))
    ):
        row = (reg_nos[eid], spec.SUPPORT_GRANT, on, purpose, funder or None, amount)
        found.append((on, 1, gid, district, row))
    found.sort(key=lambda f: (*f[:3], f[4][0]))
    for *_, district, support_row in found:
        result[district].support.append(support_row)


def _shares(total: Decimal, people: int) -> list[Decimal]:
    """``total`` in equal whole-satang shares; the remainder goes to the first."""
    satang = int(total * 100)
    each, rest = divmod(satang, people)
    return [Decimal(each + (rest if i == 0 else 0)) / 100 for i in range(people)]
