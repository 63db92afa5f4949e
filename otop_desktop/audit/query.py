"""Reading the trail: filtered by person, record, kind of action and dates, newest first,
a page at a time (keyset on the id, so the first page of a million entries is one short
index walk), and the filtered trail as a workbook."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ScalarSelect, Select, func, select
from sqlalchemy.orm import Session

from otop_desktop.models import AuditEntry

PAGE = 200


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    record: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None  # inclusive


@dataclass(frozen=True)
class Row:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    record: str
    changes: dict[str, Any]
    detail: dict[str, Any]

    def summary(self) -> str:
        """The changes and details as one line, e.g. ``name: ร้านก → ร้านข; phone: changed``."""
        parts = []
        for field, (old, new) in self.changes.items():
            if self.action == "update":
                personal = isinstance(new, str) and new.startswith("hmac:")
                parts.append(f"{field}: changed" if personal else f"{field}: {old} → {new}")
            elif self.action == "create":
                continue
            else:
                parts.append(f"{field}: {old if new is None else new}")
        parts += [f"{k}: {v}" for k, v in self.detail.items() if v not in (None, "")]
        return "; ".join(parts)


def _start(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _query(where: AuditFilter) -> Select[AuditEntry]:
    stmt = select(AuditEntry)
    if where.actor:
        stmt = stmt.where(AuditEntry.actor == where.actor)
    if where.record:
        stmt = stmt.where(AuditEntry.record == where.record)
    if where.action:
        stmt = stmt.where(AuditEntry.action == where.action)
    # Dates become a range of ids: entries are written in time order under the head's lock,
    # so the first entry at or after a moment bounds the ids, and the list walks the id
    # index instead of sorting every entry of a long date range.
    if where.since:
        stmt = stmt.where(AuditEntry.id >= _first_id_from(_start(where.since)))
    if where.until:
        stmt = stmt.where(AuditEntry.id < _first_id_from(_start(where.until + timedelta(days=1))))
    return stmt


def _first_id_from(moment: datetime) -> ScalarSelect[int]:
    """The id of the first entry at or after ``moment`` (past the last id when none is)."""
    first = (
        select(AuditEntry.id)
        .where(AuditEntry.at >= moment)
        .order_by(AuditEntry.at, AuditEntry.id)
        .limit(1)
        .scalar_subquery()
    )
    after_last = select(func.coalesce(func.max(AuditEntry.id), 0) + 1).scalar_subquery()
    return select(func.coalesce(first, after_last)).scalar_subquery()


def _row(entry: AuditEntry) -> Row:
    return Row(
        id=entry.id,
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        entity=entry.entity,
        record=entry.record,
        changes=json.loads(entry.changes) if entry.changes else {},
        detail=json.loads(entry.detail) if entry.detail else {},
    )


def page(
    session: Session, where: AuditFilter, *, before_id: int | None = None, size: int = PAGE
) -> list[Row]:
    """Up to ``size`` entries, newest first, older than ``before_id`` when given."""
    stmt = _query(where)
    if before_id is not None:
        stmt = stmt.where(AuditEntry.id < before_id)
    entries = session.scalars(stmt.order_by(AuditEntry.id.desc()).limit(size))
    return [_row(e) for e in entries]


def every(session: Session, where: AuditFilter) -> Iterator[Row]:
    before: int | None = None
    while rows := page(session, where, before_id=before, size=5_000):
        yield from rows
        before = rows[-1].id


def actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


def actors(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)))
