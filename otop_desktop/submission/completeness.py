"""Which district has sent which month: the province's grid of its districts (geothai) by
months, each cell the file now in force and the earlier files it superseded."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import geothai
from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_desktop.errors import UserError
from otop_desktop.models import ReceivedSubmission
from otop_desktop.services.office import get_office
from otop_desktop.thaiformat import Period, fiscal_year_of_period, last_complete, thai_today

#: Most months one grid shows: ten fiscal years.
MAX_MONTHS = 120


@dataclass(frozen=True)
class Received:
    """One accepted file."""

    id: int
    file_name: str
    #: When the district made the file (its metadata, as written) and when the province
    #: imported it.
    created_at_text: str
    imported_at: datetime
    program_version: str
    sha256: str
    sales_total: Decimal
    warnings: int


@dataclass(frozen=True)
class Cell:
    district_code: str
    period: Period
    #: The file in force, or None if the district has not sent this month.
    current: Received | None
    #: Earlier files of the same month that a later one replaced, newest first.
    superseded: tuple[Received, ...]

    @property
    def sent(self) -> bool:
        return self.current is not None


@dataclass(frozen=True)
class District:
    code: str
    name_th: str
    name_en: str


@dataclass(frozen=True)
class Completeness:
    districts: tuple[District, ...]
    periods: tuple[Period, ...]
    cells: dict[tuple[str, int], Cell]
    #: The last month that has ended: a later one is not due, so no district misses it.
    due: Period

    def cell(self, district_code: str, period: Period) -> Cell:
        return self.cells[(district_code, period.key)]

    def sent(self, period: Period) -> int:
        """How many districts have sent ``period``."""
        return sum(self.cell(d.code, period).sent for d in self.districts)

    def is_due(self, period: Period) -> bool:
        return period <= self.due

    def missing(self, period: Period) -> list[District]:
        """The districts that have not sent ``period``; none for a month not yet due."""
        if not self.is_due(period):
            return []
        return [d for d in self.districts if not self.cell(d.code, period).sent]


def fiscal_year_months(today: date) -> tuple[Period, Period]:
    """The months of the fiscal year of the last complete month, up to that month: the
    grid a province opens with."""
    last = last_complete(today)
    fy = fiscal_year_of_period(last)
    return Period(fy - 1, 10), last


def completeness(
    session: Session, first: Period, last: Period, *, today: date | None = None
) -> Completeness:
    """The grid for the province register's districts and the months ``first``–``last``;
    ``today`` (the office's, by default) says which months are due."""
    office = get_office(session)
    if not office.province_code or office.district_code:
        raise UserError(
            "ตารางการส่งรายเดือนมีเฉพาะในทะเบียนของจังหวัด",
            "The submission grid is kept by a province register only",
        )
    periods = tuple(Period.range(first, last))
    if not periods or len(periods) > MAX_MONTHS:
        raise UserError(
            f"ช่วงเดือนต้องมี 1 ถึง {MAX_MONTHS} เดือน (พบ {len(periods)})",
            f"The range must hold 1 to {MAX_MONTHS} months (found {len(periods)})",
        )
    districts = tuple(
        District(d.code, d.name_th, d.name_en) for d in geothai.districts(office.province_code)
    )
    found: dict[tuple[str, int], list[Received]] = defaultdict(list)
    for row in session.scalars(
        select(ReceivedSubmission)
        .where(ReceivedSubmission.period.between(first.key, last.key))
        .order_by(ReceivedSubmission.id.desc())
    ):
        found[(row.district_code, row.period)].append(
            Received(
                id=row.id,
                file_name=row.file_name,
                created_at_text=row.created_at_text,
                imported_at=row.imported_at,
                program_version=row.program_version,
                sha256=row.sha256,
                sales_total=row.sales_total,
                warnings=len(json.loads(row.warnings or "[]")),
            )
        )
    cells = {}
    for district in districts:
        for period in periods:
            files = found.get((district.code, period.key), [])
            cells[(district.code, period.key)] = Cell(
                district.code, period, files[0] if files else None, tuple(files[1:])
            )
    return Completeness(districts, periods, cells, last_complete(today or thai_today()))
