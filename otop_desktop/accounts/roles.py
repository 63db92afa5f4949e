"""Roles, enforced in the unit of work: a clerk enters and edits, prints and exports; a head
may also manage accounts, unlock sent months, see full personal data, sign certificates and
restore; a viewer reads and prints masked lists. A register without accounts works as before
accounts existed: whoever runs the program may do everything."""

from __future__ import annotations

from sqlalchemy import event, exists, select
from sqlalchemy.orm import Session

from otop_desktop.audit.record import ACTOR, Actor, in_bulk, office_facts
from otop_desktop.errors import UserError
from otop_desktop.models import (
    Account,
    DigitalReadiness,
    Entrepreneur,
    Grant,
    Household,
    HouseholdSkill,
    Product,
    ProductStandard,
    ReceivedSubmission,
    Sale,
    StarRating,
)
from otop_desktop.models.accounts import CLERK, HEAD, VIEWER

RANK = {VIEWER: 0, CLERK: 1, HEAD: 2}
ROLE_TH = {VIEWER: "ผู้ดูข้อมูล", CLERK: "เจ้าหน้าที่", HEAD: "หัวหน้าสำนักงาน"}
_HAS_ACCOUNTS = "otop_has_accounts"


class PermissionDenied(UserError):
    pass


class NotLoggedIn(PermissionDenied):
    pass


def has_accounts(session: Session) -> bool:
    known = session.info.get(_HAS_ACCOUNTS)
    if known is None:
        known = bool(session.scalar(select(exists().where(Account.id.is_not(None)))))
        session.info[_HAS_ACCOUNTS] = known
    return known


def forget_accounts_state(session: Session) -> None:
    session.info.pop(_HAS_ACCOUNTS, None)


def require(session: Session, role: str, what_th: str = "", what_en: str = "") -> None:
    """Refuses unless whoever acts has ``role`` or a higher one."""
    if not has_accounts(session):
        return
    actor = session.info.get(ACTOR)
    if not isinstance(actor, Actor) or actor.account_id is None:
        raise NotLoggedIn(
            "ทะเบียนนี้มีบัญชีผู้ใช้ กรุณาเข้าสู่ระบบก่อน (--user ชื่อ)",
            "This register has accounts: log in first (--user NAME)",
        )
    if RANK[actor.role] < RANK[role]:
        what_th = what_th or "ทำรายการนี้"
        what_en = what_en or "do this"
        raise PermissionDenied(
            f"บัญชี {actor.name} ({ROLE_TH[actor.role]}) ไม่มีสิทธิ์{what_th} ต้องเป็น{ROLE_TH[role]}",
            f"The account {actor.name} ({actor.role}) may not {what_en}; it takes a {role}",
        )


def sees_personal_data(session: Session, *, in_form: bool = False) -> bool:
    """Whether full citizen IDs and phones are shown: inside the form of a record being
    edited, to a clerk or a head; everywhere on a register without accounts. Elsewhere they
    are masked, and a head reveals one with a click (``reveal``), which is recorded."""
    if not has_accounts(session):
        return True
    actor = session.info.get(ACTOR)
    if not isinstance(actor, Actor) or actor.account_id is None:
        return False
    return in_form and actor.role in (CLERK, HEAD)


_RECEIVED = "otop_received_districts"


def _district_of(session: Session, obj: object) -> str | None:
    """The district a row of district data belongs to (None: not one district's)."""
    match obj:
        case Entrepreneur():
            return obj.district_code
        case Product() | Sale() | DigitalReadiness() | Grant():
            owner = session.get(Entrepreneur, obj.entrepreneur_id) if obj.entrepreneur_id else None
            return owner.district_code if owner is not None else None
        case ProductStandard() | StarRating():
            product = session.get(Product, obj.product_id) if obj.product_id else None
            return _district_of(session, product) if product is not None else None
        case Household():
            return obj.subdistrict_code[:4] if obj.subdistrict_code else None
        case HouseholdSkill():
            household = session.get(Household, obj.household_id) if obj.household_id else None
            return _district_of(session, household) if household is not None else None
    return None


@event.listens_for(Session, "before_flush")
def _province_copy_is_read_only(session: Session, _flush: object, _instances: object) -> None:
    """On a province register, a district that sends its monthly workbooks is that
    district's data: it changes only by importing the district's next workbook (a bulk run),
    never by hand. Districts the province keeps itself stay editable."""
    if in_bulk(session):
        return
    objects = [*session.new, *session.dirty, *session.deleted]
    if not objects:
        return
    if office_facts(session).kind != "province":
        return
    received = session.info.get(_RECEIVED)
    if received is None:
        with session.no_autoflush:
            received = set(session.scalars(select(ReceivedSubmission.district_code).distinct()))
        session.info[_RECEIVED] = received
    if not received:
        return
    with session.no_autoflush:
        for obj in objects:
            district = _district_of(session, obj)
            if district in received:
                raise PermissionDenied(
                    f"ข้อมูลของอำเภอ {district} ในทะเบียนจังหวัดมาจากแบบฟอร์มส่งรายเดือนของอำเภอ"
                    " จึงเปลี่ยนได้โดยการนำเข้าแบบฟอร์มฉบับใหม่ของอำเภอเท่านั้น",
                    f"District {district}'s records on this province register come from its "
                    "monthly workbooks: they change only by importing its next workbook",
                )
