"""Digital financial readiness (ความพร้อมด้านการเงินดิจิทัล): one entrepreneur's checklist as
the form shows it, the level it gives, and the same level as SQL so that counting levels over
a whole register (the overview, the annual report) happens in the database and agrees with
the form. The rule itself is ``domain.readiness_level``; this module only applies it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Integer, case, cast
from sqlalchemy.orm import Session

from otop_desktop.domain import READINESS_ITEMS, readiness_level
from otop_desktop.models import DigitalReadiness

#: The checklist's columns, in the order forms show them; the first is the bank account that
#: the other five build on.
CHECKS: tuple[str, ...] = tuple(key for key, _, _ in READINESS_ITEMS)
#: The highest level: every practice that builds on a bank account.
TOP_LEVEL = len(CHECKS) - 1


@dataclass(frozen=True)
class Assessment:
    """One entrepreneur's checklist (every item of ``CHECKS``, True or False) and when it was
    assessed (None: the date was not recorded)."""

    checks: Mapping[str, bool]
    assessed_on: date | None

    @property
    def level(self) -> int:
        return readiness_level(dict(self.checks))

    @property
    def lacking(self) -> tuple[str, ...]:
        """The items not ticked, in the checklist's order: what the office may help with."""
        return tuple(key for key in CHECKS if not self.checks.get(key))


def checks_of(values: Mapping[str, object]) -> dict[str, bool]:
    """Every item of the checklist from ``values`` (missing ones False)."""
    return {key: bool(values.get(key, False)) for key in CHECKS}


def assessment(session: Session, entrepreneur_id: int) -> Assessment | None:
    """The entrepreneur's last assessment; None when it has never been assessed."""
    row = session.get(DigitalReadiness, entrepreneur_id)
    if row is None:
        return None
    return Assessment(checks_of({key: getattr(row, key) for key in CHECKS}), row.assessed_on)


def level_sql() -> ColumnElement[int]:
    """``domain.readiness_level`` of a ``digital_readiness`` row, as SQL: 0 without a bank
    account, otherwise how many of the other five are ticked."""
    practices = [cast(getattr(DigitalReadiness, key), Integer) for key in CHECKS[1:]]
    ticked: ColumnElement[int] = practices[0]
    for practice in practices[1:]:
        ticked = ticked + practice
    return case((DigitalReadiness.bank_account.is_(True), ticked), else_=0)
