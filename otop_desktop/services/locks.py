"""A month's submission state on the district side. Exporting the month's workbook locks
it ('submitted'); changing its sales then needs an explicit unlock with a reason, after
which the month must be sent again. Each event is kept; the last one is the state."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from otop_desktop.accounts.roles import require
from otop_desktop.errors import UserError
from otop_desktop.models import ExportRecord, PeriodLock
from otop_desktop.models.accounts import HEAD
from otop_desktop.models.submission import SUBMITTED, UNLOCKED
from otop_desktop.thaiformat import Period, format_be_date
from otop_desktop.validation import Checker, require_ended

REASON_MAX = 300
REASON_LABEL = {"reason": ("เหตุผลที่ปลดล็อก", "reason for unlocking")}
USER_MAX = 100


class MonthState(StrEnum):
    OPEN = "open"  # never submitted
    SUBMITTED = SUBMITTED  # sent; its sales are locked
    UNLOCKED = UNLOCKED  # sent, then unlocked: needs sending again

    @property
    def label_th(self) -> str:
        return {
            "open": "ยังไม่ส่ง",
            "submitted": "ส่งจังหวัดแล้ว",
            "unlocked": "ปลดล็อกแล้ว ต้องส่งใหม่",
        }[self]

    @property
    def label_en(self) -> str:
        return {
            "open": "Not submitted",
            "submitted": "Submitted",
            "unlocked": "Unlocked, to be submitted again",
        }[self]


@dataclass(frozen=True)
class PeriodState:
    district_code: str
    period: Period
    state: MonthState
    #: When the last event happened, who did it, why (an unlock's reason), and the file of
    #: the last submission; empty for a month never submitted.
    at: datetime | None = None
    user: str = ""
    reason: str = ""
    file_name: str = ""

    @property
    def locked(self) -> bool:
        return self.state is MonthState.SUBMITTED


class PeriodLockedError(UserError):
    """A change to a submitted month's sales."""

    def __init__(self, state: PeriodState) -> None:
        self.state = state
        when = format_be_date(state.at.astimezone().date()) if state.at else ""
        super().__init__(
            f"งวด {state.period.label_th} ของอำเภอรหัส {state.district_code} ส่งจังหวัดแล้ว"
            f" (เมื่อ {when}) แก้ไขยอดจำหน่ายไม่ได้ จนกว่าจะปลดล็อกงวดนี้พร้อมระบุเหตุผล",
            f"{state.period} of district {state.district_code} was submitted to the province"
            f" ({state.at:%Y-%m-%d}); unlock the month, giving a reason, before changing its sales"
            if state.at
            else f"{state.period} of district {state.district_code} was submitted",
        )


def _last_events(
    session: Session, district_codes: Iterable[str], period: Period
) -> list[PeriodLock]:
    last = (
        select(func.max(PeriodLock.id))
        .where(PeriodLock.district_code.in_(list(district_codes)), PeriodLock.period == period.key)
        .group_by(PeriodLock.district_code)
    )
    return list(session.scalars(select(PeriodLock).where(PeriodLock.id.in_(last))))


def _state_of(session: Session, event: PeriodLock) -> PeriodState:
    last_submission = session.scalar(
        select(ExportRecord.file_name)
        .join(PeriodLock, PeriodLock.export_id == ExportRecord.id)
        .where(
            PeriodLock.district_code == event.district_code,
            PeriodLock.period == event.period,
            PeriodLock.action == SUBMITTED,
        )
        .order_by(PeriodLock.id.desc())
        .limit(1)
    )
    return PeriodState(
        event.district_code,
        Period.from_key(event.period),
        MonthState(event.action),
        event.at,
        event.user,
        event.reason,
        last_submission or "",
    )


def period_state(session: Session, district_code: str, period: Period) -> PeriodState:
    events = _last_events(session, [district_code], period)
    if not events:
        return PeriodState(district_code, period, MonthState.OPEN)
    return _state_of(session, events[0])


def ensure_open(session: Session, district_codes: Iterable[str], period: Period) -> None:
    """Raises PeriodLockedError if ``period`` is submitted for any of the districts."""
    for event in _last_events(session, set(district_codes), period):
        if event.action == SUBMITTED:
            raise PeriodLockedError(_state_of(session, event))


def record_submitted(
    session: Session, district_code: str, period: Period, export: ExportRecord, user: str
) -> PeriodLock:
    """Locks the month for the export just recorded (in the caller's transaction); only a
    month that has ended is locked."""
    require_ended(period)
    session.flush()  # gives the export its id
    event = PeriodLock(
        district_code=district_code,
        period=period.key,
        action=SUBMITTED,
        export_id=export.id,
        user=user[:USER_MAX],
    )
    session.add(event)
    return event


def unlock_period(
    session: Session, district_code: str, period: Period, *, reason: str, user: str
) -> PeriodLock:
    """Opens a submitted month for changes again (a head's action); the reason is required
    and kept."""
    require(session, HEAD, "ปลดล็อกเดือนที่ส่งแล้ว", "unlock a submitted month")
    check = Checker(REASON_LABEL)
    reason = check.text("reason", reason, required=True, max_len=REASON_MAX)
    user = check.text("user", user, required=False, max_len=USER_MAX)
    check.done()
    state = period_state(session, district_code, period)
    if not state.locked:
        raise UserError(
            f"งวด {period.label_th} ยังไม่ได้ส่งจังหวัด จึงไม่ต้องปลดล็อก ({state.state.label_th})",
            f"{period} is not submitted, so there is nothing to unlock ({state.state.label_en})",
        )
    event = PeriodLock(
        district_code=district_code,
        period=period.key,
        action=UNLOCKED,
        reason=reason,
        user=user,
    )
    session.add(event)
    session.flush()
    return event
