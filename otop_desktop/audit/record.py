"""Writing the trail, at one place: SQLAlchemy's session events. After each flush the rows
it wrote become entries (old and new value of each field, personal fields as keyed hashes);
before the commit the entries are chained to the newest one under a lock on the trail's
head row and written in the same transaction. Bulk work (an import, ``demo``, a restore)
is one entry per file or run instead."""

from __future__ import annotations

import getpass
import hashlib
import hmac
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple, TypeVar, cast

from sqlalchemy import Table, event, insert, inspect, select, update
from sqlalchemy.orm import Session, UOWTransaction

from otop_desktop.audit.chain import Head, fields_hash, keep_head
from otop_desktop.models import (
    Account,
    AuditEntry,
    AuditHead,
    DigitalReadiness,
    Entrepreneur,
    ExportRecord,
    Grant,
    Household,
    HouseholdSkill,
    Office,
    PeriodLock,
    Product,
    ProductStandard,
    Sale,
    StarRating,
    Training,
    TrainingParticipant,
)
from otop_desktop.models.base import utcnow

#: session.info keys.
ACTOR = "otop_actor"
_BULK = "otop_audit_bulk"
_PENDING = "otop_audit_pending"
_HEAD = "otop_audit_new_head"

#: Fields never written to the trail: derived, bookkeeping, or secret.
SKIPPED = frozenset(
    {
        "id",
        "search_text",
        "search_mask",
        "created_at",
        "updated_at",
        "version",
        "next_product_seq",
        "signing_private_key",
        "sealed_signing_key",
        "audit_key",
        "password_hash",
        "failed_logins",
        "locked_until",
    }
)
#: Personal fields (PDPA): the trail shows that they changed, never what they hold.
PERSONAL = frozenset({"national_id", "phone"})


@dataclass(frozen=True)
class Actor:
    """Who acts: an account (its id), or on a register without accounts the computer's
    user, who may do everything as before accounts existed."""

    name: str
    role: str
    account_id: int | None = None


@cache
def os_actor() -> Actor:
    try:
        name = getpass.getuser()
    except (OSError, KeyError):
        name = ""
    return Actor(name=name[:60], role="head")


def actor_of(session: Session) -> Actor:
    found = session.info.get(ACTOR)
    return found if isinstance(found, Actor) else os_actor()


def note(
    session: Session,
    action: str,
    *,
    entity: str = "",
    record: str = "",
    changes: Mapping[str, Any] | None = None,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Adds an entry for an action that is not a row change (a login, an export, a reveal
    of personal data, a bulk run); it is written with the transaction's commit."""
    session.info.setdefault(_PENDING, []).append(
        {
            "action": action,
            "entity": entity,
            "record": record[:40],
            "changes": _json(changes),
            "detail": _json(detail),
        }
    )


@contextmanager
def bulk(session: Session, action: str, detail: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Inside: row changes are not written one by one; the run is one entry with ``detail``
    (which the caller may fill in, e.g. with counts, before the block ends)."""
    session.info[_BULK] = True
    try:
        yield detail
    finally:
        session.info.pop(_BULK, None)
    note(session, action, detail=detail)


def in_bulk(session: Session) -> bool:
    """Inside a bulk run (an import): its rows are one entry, and it may write what a clerk's
    action may not (a province's copy of district data)."""
    return bool(session.info.get(_BULK))


def _json(value: Mapping[str, Any] | None) -> str:
    if not value:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_plain)


def _plain(value: object) -> object:
    if isinstance(value, datetime | date | Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def personal_hash(key: bytes, value: object) -> str:
    """A keyed hash of a personal field: equal values give equal hashes, and without the
    register's key a 13-digit ID cannot be found from it by trying every ID."""
    if value in (None, ""):
        return ""
    digest = hmac.new(key, str(value).encode("utf-8"), hashlib.sha256).hexdigest()
    return f"hmac:{digest[:16]}"


class OfficeFacts(NamedTuple):
    """What never changes in a register's life: the register hands them to each unit of
    work instead of each one reading the office row."""

    register_id: str
    audit_key: bytes
    kind: str


#: session.info key of the OfficeFacts.
OFFICE_FACTS = "otop_office_facts"


def office_facts(session: Session) -> OfficeFacts:
    facts = session.info.get(OFFICE_FACTS)
    if facts is None:
        with session.no_autoflush:
            office = session.get(Office, 1)
        facts = (
            OfficeFacts(office.register_id, office.audit_key or b"", office.kind)
            if office is not None
            else OfficeFacts("", b"", "")
        )
        session.info[OFFICE_FACTS] = facts
    return facts


def _audit_key(session: Session) -> bytes:
    return office_facts(session).audit_key


#: Files kept in the register (the office's emblem, up to 2 MB): the trail says which file by
#: its digest instead of holding megabytes of hex per change.
DIGESTED = frozenset({"emblem_image"})


def _value(session: Session, field: str, value: object) -> object:
    if field in PERSONAL:
        return personal_hash(_audit_key(session), value)
    if field in DIGESTED and isinstance(value, bytes):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, datetime | date | Decimal):
        return str(value)
    return value


def _reg_no(session: Session, entrepreneur_id: int | None) -> str:
    found = session.get(Entrepreneur, entrepreneur_id) if entrepreneur_id else None
    return found.reg_no if found is not None else ""


#: The records a trail entry names by their code.
Coded = TypeVar("Coded", Product, Household)


def _code(session: Session, model: type[Coded], pk: int | None) -> str:
    found = session.get(model, pk) if pk else None
    return found.code if found is not None else ""


def _describe(session: Session, obj: object) -> tuple[str, str] | None:
    """(entity, record) of a row the trail follows; None for rows it does not."""
    match obj:
        case Entrepreneur():
            return "entrepreneur", obj.reg_no
        case Product():
            return "product", obj.code
        case ProductStandard() | StarRating():
            return "product", _code(session, Product, obj.product_id)
        case DigitalReadiness():
            return "entrepreneur", _reg_no(session, obj.entrepreneur_id)
        case Sale():
            return "sale", _reg_no(session, obj.entrepreneur_id)
        case Household():
            return "household", obj.code
        case HouseholdSkill():
            return "household", _code(session, Household, obj.household_id)
        case Training():
            return "training", f"T{obj.id}"
        case TrainingParticipant():
            return "training", f"T{obj.training_id}"
        case Grant():
            return "grant", _reg_no(session, obj.entrepreneur_id)
        case Office():
            return "office", ""
        case Account():
            return "account", obj.name
        case PeriodLock():
            return "month", f"{obj.district_code} {obj.period}"
        case ExportRecord():
            return "file", ""
    return None


def _columns(obj: object) -> list[str]:
    return [c.key for c in inspect(obj).mapper.column_attrs if c.key not in SKIPPED]


def _row_entry(session: Session, obj: object, how: str) -> dict[str, Any] | None:
    described = _describe(session, obj)
    if described is None:
        return None
    entity, record = described
    state = inspect(obj)
    changes: dict[str, Any] = {}
    if how == "create":
        for key in _columns(obj):
            value = getattr(obj, key)
            if value not in (None, ""):
                changes[key] = [None, _value(session, key, value)]
    elif how == "delete":
        for key in _columns(obj):
            value = getattr(obj, key)
            if value not in (None, ""):
                changes[key] = [_value(session, key, value), None]
    else:
        for key in _columns(obj):
            history = state.attrs[key].history
            if history.has_changes():
                old = history.deleted[0] if history.deleted else None
                new = history.added[0] if history.added else None
                if old != new:
                    changes[key] = [_value(session, key, old), _value(session, key, new)]
        if isinstance(obj, Account) and state.attrs["password_hash"].history.has_changes():
            changes["password"] = ["", "changed"]
        if not changes:
            return None
    action = how
    detail: dict[str, Any] = {}
    if isinstance(obj, PeriodLock) and how == "create":
        action, changes = obj.action, {}
        detail = {"reason": obj.reason} if obj.reason else {}
    elif isinstance(obj, ExportRecord) and how == "create":
        kind = obj.kind
        action = "print" if kind.startswith("print") else "backup" if kind == "backup" else "export"
        changes = {}
        detail = {
            "kind": kind,
            "file": obj.file_name,
            "sha256": obj.sha256,
            "personal_data": obj.personal_data,
            "period": obj.period,
            "district": obj.district_code,
        }
    return {
        "action": action,
        "entity": entity,
        "record": record[:40],
        "changes": _json(changes),
        "detail": _json(detail),
    }


@event.listens_for(Session, "after_flush")
def _rows_to_entries(session: Session, _flush: UOWTransaction) -> None:
    if session.info.get(_BULK):
        return
    pending = session.info.setdefault(_PENDING, [])
    with session.no_autoflush:
        for how, objects in (
            ("create", session.new),
            ("update", session.dirty),
            ("delete", session.deleted),
        ):
            for obj in objects:
                if how == "update" and not session.is_modified(obj, include_collections=False):
                    continue
                entry = _row_entry(session, obj, how)
                if entry is not None:
                    pending.append(entry)


# A declarative class's __table__ is typed as any FROM clause; these are plain tables.
_ENTRIES = cast(Table, AuditEntry.__table__)
_HEAD_ROW = cast(Table, AuditHead.__table__)


@event.listens_for(Session, "before_commit")
def _write_entries(session: Session) -> None:
    session.flush()  # every row change of the transaction becomes an entry first
    pending: list[dict[str, Any]] = session.info.pop(_PENDING, [])
    if not pending:
        return
    # Core statements, not the ORM's unit of work: the trail is most of a save's extra work.
    head = session.execute(
        select(_HEAD_ROW.c.last_id, _HEAD_ROW.c.last_hash)
        .where(_HEAD_ROW.c.id == 1)
        .with_for_update()
    ).first()
    if head is None:  # a register made before the trail existed, not yet upgraded
        return
    actor = actor_of(session).name
    at = utcnow()
    last_id, last_hash = head
    rows = []
    for values in pending:
        row = {"id": last_id + 1, "at": at, "actor": actor, "prev_hash": last_hash, **values}
        row["hash"] = fields_hash(row)
        rows.append(row)
        last_id, last_hash = row["id"], row["hash"]
    session.execute(insert(_ENTRIES), rows)
    session.execute(
        update(_HEAD_ROW).where(_HEAD_ROW.c.id == 1).values(last_id=last_id, last_hash=last_hash)
    )
    register_id = office_facts(session).register_id
    if register_id:
        session.info[_HEAD] = (register_id, Head(last_id, last_hash))


@event.listens_for(Session, "after_commit")
def _keep_head_outside(session: Session) -> None:
    kept = session.info.pop(_HEAD, None)
    if kept is not None:
        keep_head(*kept)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    for key in (_PENDING, _HEAD, _BULK):
        session.info.pop(key, None)
