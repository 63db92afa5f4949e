"""Numbers that are never reused: registration numbers (per district and B.E. year), product
codes (per entrepreneur) and household codes (per subdistrict and หมู่ที่)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, cast

from sqlalchemy import Table, case
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from otop_desktop.backup.floors import note_issued
from otop_desktop.models import Counter

# A declarative class's __table__ is typed as any FROM clause; this one is a plain table.
_COUNTERS = cast(Table, Counter.__table__)


def _insert(session: Session) -> Any:
    return (
        postgresql.insert
        if session.bind and session.bind.dialect.name == "postgresql"
        else sqlite.insert
    )


def next_number(session: Session, name: str) -> int:
    """The counter's next number: one atomic statement on both backends, so two clerks never
    draw the same number."""
    stmt = _insert(session)(_COUNTERS).values(name=name, value=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=["name"], set_={"value": _COUNTERS.c.value + 1}
    )
    drawn = int(session.execute(stmt.returning(_COUNTERS.c.value)).scalar_one())
    note_issued(session, name, drawn)
    return drawn


def raise_all(session: Session, floors: Mapping[str, int]) -> None:
    """Makes sure each counter has reached its value (after a bulk load or an import), in one
    statement: an import raises dozens per district."""
    if not floors:
        return
    stmt = _insert(session)(_COUNTERS).values(
        [{"name": name, "value": value} for name, value in floors.items()]
    )
    highest = case(
        (_COUNTERS.c.value > stmt.excluded.value, _COUNTERS.c.value), else_=stmt.excluded.value
    )
    stmt = stmt.on_conflict_do_update(index_elements=["name"], set_={"value": highest})
    for name, value in session.execute(stmt.returning(_COUNTERS.c.name, _COUNTERS.c.value)):
        note_issued(session, name, int(value))


def registration_counter(district_code: str, year_be: int) -> str:
    return f"reg:{district_code}:{year_be}"


def format_reg_no(district_code: str, year_be: int, seq: int) -> str:
    return f"{district_code}-{year_be}-{seq:04d}"


def allocate_reg_no(session: Session, district_code: str, year_be: int) -> str:
    seq = next_number(session, registration_counter(district_code, year_be))
    return format_reg_no(district_code, year_be, seq)


def format_product_code(reg_no: str, seq: int) -> str:
    return f"{reg_no}-P{seq:02d}"


def household_counter(subdistrict_code: str, moo: int) -> str:
    return f"hh:{subdistrict_code}:{moo}"


def format_household_code(subdistrict_code: str, moo: int, seq: int) -> str:
    return f"{subdistrict_code}-{moo:02d}-{seq:04d}"


_HOUSEHOLD_CODE = re.compile(r"^(\d{6})-(\d{2})-(\d+)$")
_REG_NO = re.compile(r"^(\d{4})-(\d{4})-(\d+)$")


def parse_household_code(code: str) -> tuple[str, int, int] | None:
    """(subdistrict code, หมู่ที่, sequence) of a household code; None if it is not one."""
    match = _HOUSEHOLD_CODE.match(code)
    return (match[1], int(match[2]), int(match[3])) if match else None


def parse_reg_no(reg_no: str) -> tuple[str, int, int] | None:
    """(district code, B.E. year, sequence) of a registration number; None if not one."""
    match = _REG_NO.match(reg_no)
    return (match[1], int(match[2]), int(match[3])) if match else None


def allocate_household_code(session: Session, subdistrict_code: str, moo: int) -> str:
    seq = next_number(session, household_counter(subdistrict_code, moo))
    return format_household_code(subdistrict_code, moo, seq)
