"""What the office keeps for its printed letters: its telephone and the Garuda emblem image
of the covering memo (บันทึกข้อความ). Only a head changes them once the register has
accounts, as every other part of the office record."""

from __future__ import annotations

from sqlalchemy.orm import Session

from otop_desktop.accounts.roles import require
from otop_desktop.models import Office, length
from otop_desktop.models.accounts import HEAD
from otop_desktop.printing.memo import check_emblem
from otop_desktop.services.office import get_office
from otop_desktop.validation import Checker


def set_office_phone(session: Session, phone: str) -> Office:
    """The telephone printed after the office's name (free text: ``0 5333 1234 ต่อ 12``)."""
    require(session, HEAD, "แก้ไขข้อมูลสำนักงาน", "change the office record")
    check = Checker({"office_phone": ("โทรศัพท์ของสำนักงาน", "office's telephone")})
    value = check.text("office_phone", phone, required=False, max_len=length(Office.phone))
    check.done()
    office = get_office(session)
    if office.phone != value:  # the trail records only what changed
        office.phone = value
    return office


def set_emblem(session: Session, image: bytes | None) -> Office:
    """The emblem image (PNG or JPEG, checked), or None to print memos without it."""
    require(session, HEAD, "แก้ไขข้อมูลสำนักงาน", "change the office record")
    office = get_office(session)
    office.emblem_image = None if image is None else check_emblem(image)
    return office
