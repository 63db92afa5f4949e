"""Roles, enforced in the unit of work: a clerk enters and edits, prints and exports; a head
may also manage accounts, unlock sent months, see full personal data, sign certificates and
restore; a viewer reads and prints masked lists. A register without accounts works as before
accounts existed: whoever runs the program may do everything."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from otop_desktop.audit.record import ACTOR, Actor
from otop_desktop.errors import UserError
from otop_desktop.models import Account
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


def mask(value: str) -> str:
    """A citizen ID or phone with all but its last 3 digits hidden: 1-2345-67890-12-3 →
    x-xxxx-xxxxx-x2-3 style, enough to tell two apart on a list."""
    if not value:
        return value
    keep = 3
    hidden = len(value) - keep
    return "".join("x" if ch.isdigit() and i < hidden else ch for i, ch in enumerate(value))
