"""Personal data (PDPA): a head reveals a masked citizen ID or phone (recorded), and
removes the person's data of a business closed longer than the retention period — the
figures stay, the person goes, and the business leaves the province's snapshot."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from otop_desktop.accounts.roles import require
from otop_desktop.audit.record import note
from otop_desktop.domain import Status
from otop_desktop.errors import UserError
from otop_desktop.models import Office
from otop_desktop.services.entrepreneurs import get_entrepreneur, refresh_search
from otop_desktop.services.versions import bump

PERSONAL_FIELDS = ("national_id", "phone")
#: Years a closed business's personal data is kept after its closing date.
RETENTION_YEARS = 5
ANONYMOUS = "(ลบข้อมูลส่วนบุคคลแล้ว)"


def reveal(session: Session, entrepreneur_id: int, field: str) -> str:
    """The full value of a personal field, for a head; the reveal is recorded."""
    if field not in PERSONAL_FIELDS:
        raise ValueError(field)
    require(session, "head", "ดูข้อมูลส่วนบุคคลฉบับเต็ม", "see full personal data")
    entrepreneur = get_entrepreneur(session, entrepreneur_id)
    note(
        session,
        "reveal",
        entity="entrepreneur",
        record=entrepreneur.reg_no,
        detail={"field": field},
    )
    return str(getattr(entrepreneur, field))


def retention_ends(closed_on: date) -> date:
    try:
        return closed_on.replace(year=closed_on.year + RETENTION_YEARS)
    except ValueError:  # 29 February
        return closed_on.replace(year=closed_on.year + RETENTION_YEARS, day=28)


def anonymise(session: Session, entrepreneur_id: int, *, today: date | None = None) -> str:
    """Removes the person's data of a closed business whose retention has ended (a head's
    action); returns its registration number."""
    require(session, "head", "ลบข้อมูลส่วนบุคคล", "remove personal data")
    entrepreneur = get_entrepreneur(session, entrepreneur_id)
    today = today or date.today()
    if entrepreneur.status != Status.CLOSED or entrepreneur.status_date is None:
        raise UserError(
            f"{entrepreneur.reg_no} ยังไม่ได้เลิกกิจการ จึงลบข้อมูลส่วนบุคคลไม่ได้",
            f"{entrepreneur.reg_no} is not a closed business; its personal data stays",
        )
    ends = retention_ends(entrepreneur.status_date)
    if today < ends:
        raise UserError(
            f"ต้องเก็บข้อมูลของ {entrepreneur.reg_no} ไว้ถึง {ends:%d/%m}/{ends.year + 543}",
            f"{entrepreneur.reg_no}'s data is kept until {ends.isoformat()}",
        )
    entrepreneur.contact_name = ANONYMOUS
    entrepreneur.national_id = ""
    entrepreneur.phone = ""
    entrepreneur.house_no = ""
    entrepreneur.anonymised_on = today
    bump(entrepreneur)
    refresh_search(entrepreneur)
    return entrepreneur.reg_no


def set_idle_lock(session: Session, minutes: int) -> None:
    """How long the desktop waits without input before it locks (a head's setting)."""
    require(session, "head", "ตั้งเวลาล็อกหน้าจอ", "set the screen lock")
    if not 1 <= minutes <= 240:
        raise UserError("ใส่เวลา 1–240 นาที", "Give 1–240 minutes")
    office = session.get(Office, 1)
    assert office is not None
    office.idle_lock_minutes = minutes
