"""No silent overwrites. Every record a clerk edits carries a version; a form remembers the
version it opened, and saving over a record someone changed since is refused with who,
when and what — the form then offers to reload, or to save only the clerk's own changed
fields on top of the other change (``expected_version`` of the record as it is now)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_desktop.errors import UserError
from otop_desktop.models import AuditEntry, Entrepreneur, Grant, Household, Product, Training

Versioned = Entrepreneur | Product | Household | Training | Grant


@dataclass(frozen=True)
class OtherChange:
    """One change made by someone else since the form was opened."""

    actor: str
    at: datetime
    fields: tuple[str, ...]


class ConflictError(UserError):
    """The record changed since the form was opened; nothing was saved."""

    def __init__(self, record: str, version: int, changes: list[OtherChange]) -> None:
        self.record = record
        #: The version to save against once the clerk has chosen.
        self.version = version
        self.changes = changes
        who = changes[0] if changes else None
        if who is not None:
            fields = ", ".join(sorted({f for c in changes for f in c.fields}))
            at = who.at.astimezone().strftime("%H:%M %d/%m")
            th = (
                f"{who.actor} แก้ไขรายการ {record} ไปแล้วเมื่อ {at} ({fields}) หลังจากที่คุณเปิด"
                " จึงยังไม่ได้บันทึก: โหลดใหม่ หรือบันทึกเฉพาะช่องที่คุณแก้"
            )
            en = (
                f"{who.actor} changed {record} at {at} ({fields}) after you opened it, so "
                "nothing was saved: reload it, or save only the fields you changed"
            )
        else:
            th = f"รายการ {record} ถูกแก้ไขหลังจากที่คุณเปิด จึงยังไม่ได้บันทึก"
            en = f"{record} was changed after you opened it, so nothing was saved"
        super().__init__(th, en)


def _record_key(session: Session, obj: Versioned) -> tuple[str, str]:
    """How the audit trail names the record (audit.record files a grant under its owner)."""
    match obj:
        case Entrepreneur():
            return "entrepreneur", obj.reg_no
        case Product():
            return "product", obj.code
        case Household():
            return "household", obj.code
        case Training():
            return "training", f"T{obj.id}"
        case Grant():
            owner = session.get(Entrepreneur, obj.entrepreneur_id)
            return "grant", owner.reg_no if owner is not None else ""
    raise TypeError(type(obj))


def check_version(session: Session, obj: Versioned, expected: int | None) -> None:
    """Refuses (ConflictError) when ``obj`` is no longer at the version the form opened."""
    if expected is None or obj.version == expected:
        return
    entity, record = _record_key(session, obj)
    since = max(obj.version - expected, 1)
    entries = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.record == record)
        .where(AuditEntry.action == "update")
        .order_by(AuditEntry.id.desc())
        .limit(since)
    ).all()
    changes = [OtherChange(e.actor, e.at, tuple(json.loads(e.changes or "{}"))) for e in entries]
    raise ConflictError(record or f"#{obj.id}", obj.version, changes)


def bump(obj: Versioned) -> None:
    """Marks a change: the record's next version (written even when only its child rows —
    standards, skills, participants — changed)."""
    obj.version = (obj.version or 1) + 1
